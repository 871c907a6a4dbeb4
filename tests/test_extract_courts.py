"""Courts and German missions abroad named by their seat, from real sentences."""

from __future__ import annotations

import pytest

from kg.extract._courts import committee_names, court_and_mission_names


@pytest.mark.parametrize(
    ("text", "names"),
    [
        (
            "Die Klagen sind beim Landgericht Bonn anhängig; das OLG Köln hat die Berufung zurückgewiesen.",
            ["Landgericht Bonn", "Oberlandesgericht Köln"],
        ),
        ("Urteil des Oberverwaltungsgerichts Münster vom 3. Mai 2024", ["Oberverwaltungsgericht Münster"]),
        (
            "vor dem VG Köln und dem Landgericht Frankfurt am Main",
            ["Verwaltungsgericht Köln", "Landgericht Frankfurt am Main"],
        ),
        (
            "Die Visastelle der Deutschen Botschaft Beirut und die Botschaft in Amman",
            ["Deutsche Botschaft Beirut", "Deutsche Botschaft Amman"],
        ),
        ("Das Generalkonsulat in Istanbul bearbeitet die Anträge.", ["Deutsches Generalkonsulat Istanbul"]),
        ("Die Botschaft in Paris ist zuständig.", ["Deutsche Botschaft Paris"]),
        (
            "Die Generalstaatsanwaltschaft Frankfurt am Main und die Staatsanwaltschaft Köln ermitteln.",
            ["Generalstaatsanwaltschaft Frankfurt am Main", "Staatsanwaltschaft Köln"],
        ),
        # Table heads and plurals: no seat ("Staatsanwaltschaft Verfahrensausgang", "Staatsanwaltschaften
        # Strafanträge", "der Staatsanwaltschaft Ermittlungen").
        ("Staatsanwaltschaft Verfahrensausgang\nStaatsanwaltschaften Strafanträge", []),
        ("Danach hat die Staatsanwaltschaft Ermittlungen aufgenommen.", []),
        # A message is no mission, a company's "AG" no court, a plural no name.
        ("Die Botschaft in Richtung der Wirtschaft ist klar.", []),
        ("Die DB AG Köln und die Botschaften in Europa", []),
        ("Die Botschaft Deutschlands an die Welt", []),
    ],
)
def test_courts_and_missions_by_their_seat(text: str, names: list[str]) -> None:
    found = court_and_mission_names(text)
    assert [n for _s, _e, n, _k in found] == names
    for s, e, _n, kind in found:
        assert kind == "agency" and text[s:e].strip() == text[s:e]


@pytest.mark.parametrize(
    "text",
    [
        "Die Bundesregierung hat die syrische Botschaft in Berlin aufgefordert.",
        "Das Gebäude liegt im Gebiet für die VG Asbach und Umgebung.",
        "aufgrund der Zuweisung zum Landgericht Anwaltszwang.",
        "Kanadische Botschaft in Deutschland, NRcan",
    ],
)
def test_no_court_or_german_mission(text: str) -> None:
    assert court_and_mission_names(text) == []


def test_seat_on_a_river_and_not_the_words_after_it() -> None:
    found = court_and_mission_names(
        "das Landgericht Frankfurt an der Oder; entschied das Verwaltungsgericht Potsdam im Eilverfahren"
    )
    assert [n for _s, _e, n, _k in found] == [
        "Landgericht Frankfurt an der Oder",
        "Verwaltungsgericht Potsdam",
    ]


def test_abbreviation_in_brackets_and_a_line_break_between_court_and_seat() -> None:
    found = court_and_mission_names(
        "Verfahren vor dem Landgericht\n(LG) Bonn? und dem Oberlandesgericht (OLG) Köln?"
    )
    assert [n for _s, _e, n, _k in found] == ["Landgericht Bonn", "Oberlandesgericht Köln"]


def test_standing_conferences_of_ministers() -> None:
    from kg.extract._courts import conference_names

    text = (
        "Die Agrarministerkonferenz und die Amtschefkonferenz haben beraten; die Jugend- und "
        "Familienministerkonferenz ebenso. Fachministerkonferenzen der Länder tagen regelmäßig."
    )
    assert [n for _s, _e, n, _k in conference_names(text)] == [
        "Agrarministerkonferenz",
        "Amtschefkonferenz",
        "Jugend- und Familienministerkonferenz",
    ]


@pytest.mark.parametrize(
    ("text", "federal", "names"),
    [
        (
            "Der Finanzausschuss des Deutschen Bundestages und der Haushaltsausschuss des\nBundestags beraten.",
            False,
            ["Finanzausschuss des Deutschen Bundestages", "Haushaltsausschuss des Deutschen Bundestages"],
        ),
        # Bare, in a Bundestag document: a standing committee of the Bundestag.
        (
            "in der 107. Sitzung des Finanzausschusses am 4. Juni",
            True,
            ["Finanzausschuss des Deutschen Bundestages"],
        ),
        ("in der 107. Sitzung des Finanzausschusses am 4. Juni", False, []),
        # Another body's committee, an unnamed subcommittee, a committee of no parliament: none.
        ("Der Wirtschaftsausschuss des Landtags beriet; ein Unterausschuss des Bundestags auch.", True, []),
        ("Der Prüfungsausschuss der Kammer und der Vergabeausschuss tagten.", True, []),
    ],
)
def test_committees_of_the_bundestag(text: str, federal: bool, names: list[str]) -> None:
    assert [n for _s, _e, n, _k in committee_names(text, federal)] == names
