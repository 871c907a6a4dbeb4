"""Person extraction: questioners from the header with canonical party, persons with an office."""

from __future__ import annotations

import pytest

from kg.config import DATA_DIR
from kg.extract.persons import extract_persons
from kg.model import Document
from kg.reference import ReferenceData, load_reference


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference(DATA_DIR / "reference")


def persons(text: str, ref: ReferenceData, parliament: str = "Landtag Nordrhein-Westfalen") -> list[tuple]:
    doc = Document(id="t", path="t.txt", text=text, source={"parliament": parliament})
    return [(p.name, p.party, p.role, p.office) for p in extract_persons(doc, ref)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "der Abgeordneten Thomas Kutschaty, Sonja Bongers und Hartmut Ganzke SPD\nDrucksache 17/9990",
            [("Thomas Kutschaty", "SPD"), ("Sonja Bongers", "SPD"), ("Hartmut Ganzke", "SPD")],
        ),
        (
            "auf die Kleine Anfrage der Abgeordneten Matthias Gastel, Tarek Al-Wazir, Victoria \nBroßart, "
            "weiterer Abgeordneter und der Fraktion BÜNDNIS 90/DIE GRÜNEN\n– Drucksache 21/1219 –",
            [
                ("Matthias Gastel", "BÜNDNIS 90/DIE GRÜNEN"),
                ("Tarek Al-Wazir", "BÜNDNIS 90/DIE GRÜNEN"),
                ("Victoria Broßart", "BÜNDNIS 90/DIE GRÜNEN"),
            ],
        ),
        # A double name broken at its hyphen, a party broken at its slash (21/1463, 21/615).
        (
            "auf die Kleine Anfrage der Abgeordneten Kay-Uwe Ziegler, Hans-\nJürgen Goßner, Bernd Schattner, "
            "Dr. Moritz Heuberger, weiterer Abgeordneter und der Fraktion BÜNDNIS 90/\nDIE GRÜNEN\n– Drucksache",
            [
                ("Kay-Uwe Ziegler", "BÜNDNIS 90/DIE GRÜNEN"),
                ("Hans-Jürgen Goßner", "BÜNDNIS 90/DIE GRÜNEN"),
                ("Bernd Schattner", "BÜNDNIS 90/DIE GRÜNEN"),
                ("Moritz Heuberger", "BÜNDNIS 90/DIE GRÜNEN"),
            ],
        ),
        (
            "Anfrage des Abgeordneten Michael Neyses (B90/Grüne)\n\nbetr.: X",
            [("Michael Neyses", "BÜNDNIS 90/DIE GRÜNEN")],
        ),
        (
            "der Abgeordneten Dr. Malte Kaufmann, Charlotte Antonia Neuhäuser und der Fraktion der AfD",
            [("Malte Kaufmann", "AfD"), ("Charlotte Antonia Neuhäuser", "AfD")],
        ),
        (
            "der Abgeordneten Alexander Langguth und Frank Neppe FRAKTIONSLOS Drucksache 17/6231",
            [("Alexander Langguth", "fraktionslos"), ("Frank Neppe", "fraktionslos")],
        ),
    ],
)
def test_questioners(text: str, expected: list[tuple[str, str]], ref: ReferenceData) -> None:
    got = persons(text, ref)
    assert [(n, p) for n, p, _, _ in got] == expected
    assert {r for _, _, r, _ in got} == {"questioner"}


def test_office_spelt_out_for_the_land(ref: ReferenceData) -> None:
    text = "Vor diesem Hintergrund kündigte Ministerpräsident Armin Laschet in seiner Regierungserklärung an."
    assert persons(text, ref) == [
        ("Armin Laschet", None, None, "Ministerpräsident des Landes Nordrhein-Westfalen")
    ]


def test_quoted_person_in_press_release(ref: ReferenceData) -> None:
    got = persons("Bürgermeisterin Michaela Eislöffel hat am 25. Februar 2025 unterzeichnet.", ref)
    assert got == [("Michaela Eislöffel", None, None, "Bürgermeisterin")]


@pytest.mark.parametrize(
    "text",
    [
        "Der Minister des Innern hat die Kleine Anfrage beantwortet.",
        "im Einvernehmen mit der Ministerin für Heimat, Kommunales, Bau und Gleichstellung",
        "so Innenminister Reul.",
        "Die Stadt Dinslaken und Mülheim an der Ruhr",
    ],
)
def test_no_person(text: str, ref: ReferenceData) -> None:
    assert persons(text, ref) == []


BT = "Deutscher Bundestag"


def test_questioners_with_letters_beyond_german_and_initials(ref: ReferenceData) -> None:
    text = (
        "Kleine Anfrage\nder Abgeordneten Anne Meiser, Zada Salihović, Ines Schwerdtner, Sascha \nH. Wagner "
        "und der Fraktion Die Linke\n\nBetreff"
    )
    found = persons(text, ref, BT)
    assert [(n, p) for n, p, _, _ in found] == [
        ("Anne Meiser", "Die Linke"),
        ("Zada Salihović", "Die Linke"),
        ("Ines Schwerdtner", "Die Linke"),
        ("Sascha H. Wagner", "Die Linke"),
    ]


def test_signature_under_a_kleine_anfrage(ref: ReferenceData) -> None:
    text = (
        "Kleine Anfrage\nder Abgeordneten Anne Meiser und der Fraktion Die Linke\n\nFrage?\n"
        "Berlin, den 24. September 2025\nHeidi Reichinnek, Sören Pellmann und Fraktion\n"
    )
    found = persons(text, ref, BT)
    assert [(n, p, r) for n, p, r, _ in found][1:] == [
        ("Heidi Reichinnek", "Die Linke", "other"),
        ("Sören Pellmann", "Die Linke", "other"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Auf Einladung der Missbrauchsbeauftragten der Bundesregierung, Kerstin Claus, wird der Rat tagen.",
            [("Kerstin Claus", "Missbrauchsbeauftragten der Bundesregierung")],
        ),
        ("Treffen von Bundesministerin Prien mit dem Betroffenenrat", [("Prien", "Bundesministerin")]),
    ],
)
def test_office_in_apposition_and_title_with_surname(text: str, expected: list, ref: ReferenceData) -> None:
    assert [(n, o) for n, _, _, o in persons(text, ref, BT)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "der Parlamentarische Staatssekretär beim Bundesminister, Parlamentarischer Staatssekretär, sagte",
        "Die Bundesministerin Bundeshaushaltsmittel bereitgestellt",
        "Staatsminister Dr. rer. nat.",
    ],
)
def test_no_person_federal(text: str, ref: ReferenceData) -> None:
    assert persons(text, ref, BT) == []


def test_person_after_member_of_parliament(ref: ReferenceData) -> None:
    text = "ihrem Parteifreund, dem oberbergischen Landtagsabgeordneten Bodo Löttgen, mehrfach begeistert"
    assert [p[0] for p in persons(text, ref)] == ["Bodo Löttgen"]


def test_imprint_label_is_no_person(ref: ReferenceData) -> None:
    text = (
        "In Vertretung: Dr. Salvatore Barbaro Staatssekretär Druck: Landtag Rheinland-Pfalz, 6. Oktober 2011"
    )
    assert "Druck" not in [p[0] for p in persons(text, ref, "Landtag Rheinland-Pfalz")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The ministry after the title is where the office is held, not the person's office.
        (
            "„Rechtssicherheit“ entsprechen, wie der Parlamentarische Staatssekretär \nbeim Bundesminister der "
            "Finanzen, Michael Schrodi, öffentlich erklärt hat.",
            ("Michael Schrodi", "Parlamentarischer Staatssekretär beim Bundesminister der Finanzen"),
        ),
        (
            "Im Übrigen wird auf die\nAntwort der Parlamentarischen Staatssekretärin beim BMI, Daniela Ludwig, vom "
            "\n24. Juli 2025 auf die Schriftliche Frage 36 verwiesen.",
            ("Daniela Ludwig", "Parlamentarische Staatssekretärin beim BMI"),
        ),
        # Rows of a table of meetings: date, office, name.
        (
            "02. September \n2025\nStaatsminister im Auswärtigen Amt, Florian Hahn\n04. September \n2025\n",
            ("Florian Hahn", "Staatsminister im Auswärtigen Amt"),
        ),
        (
            "11. Juli 2025 Staatsekretär des Bundesministeriums für wirtschaftliche \nZusammenarbeit und "
            "Entwicklung, Niels Annen\n17. Juli 2025",
            (
                "Niels Annen",
                "Staatssekretär des Bundesministeriums für wirtschaftliche Zusammenarbeit und Entwicklung",
            ),
        ),
    ],
)
def test_office_held_at_a_ministry(text: str, expected: tuple[str, str], ref: ReferenceData) -> None:
    found = [(name, office) for name, _party, _role, office in persons(text, ref, "Deutscher Bundestag")]
    assert expected in found
    assert not any(office and office.startswith("Bundesminister") for _name, office in found)


def test_office_phrase_stops_at_a_date(ref: ReferenceData) -> None:
    # A heading line without a comma runs into the next sentence: no office spans a date.
    text = (
        "Weisung des \nBundesministers des Innern Alexander Dobrindt\n"
        "Am 7. Mai 2025 erteilte der Bundesminister des Innern, Alexander Dobrindt, eine Weisung."
    )
    found = [(name, office) for name, _party, _role, office in persons(text, ref, "Deutscher Bundestag")]
    assert ("Alexander Dobrindt", "Bundesminister des Innern") in found
    assert all(office is None or "Mai" not in office for _name, office in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Besonders für Aufmerksamkeit sorgte die damalige Bundesministerin \ndes Auswärtigen Annalena "
            "Baerbock, die in einem Jahr",
            [("Annalena Baerbock", "Bundesministerin des Auswärtigen")],
        ),
        (
            "wie die Bundesministerin des Innern und für Heimat Nancy Faeser erklärte",
            [("Nancy Faeser", "Bundesministerin des Innern und für Heimat")],
        ),
        # The first pair of words after the department that can be a name; a place after it is not.
        (
            "der Parlamentarische Staatssekretär beim Bundesminister für Digitales und Staatsmodernisierung "
            "Philipp Amthor Berlin, den 3. Juli 2025",
            [
                (
                    "Philipp Amthor",
                    "Parlamentarische Staatssekretär beim Bundesminister für Digitales und Staatsmodernisierung",
                )
            ],
        ),
        # A department with no person after it names nobody.
        ("Die Ministerin für Bergbau und Energie der Republik Serbien unterzeichnete.", []),
    ],
)
def test_person_named_after_an_office_and_its_department(
    text: str, expected: list[tuple[str, str]], ref: ReferenceData
) -> None:
    assert [(p[0], p[3]) for p in persons(text, ref, "Deutscher Bundestag")] == expected


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "Der Bundesminister für Landwirtschaft, Ernährung und Heimat Alois Rainer hat angekündigt",
            "Alois Rainer",
        ),
        ("Daran nahmen Bundesminister a. D. Peter Altmaier und weitere teil.", "Peter Altmaier"),
        (
            "Bundesminister für Ernährung, Landwirtschaft und Forsten a. D. Jochen\nBorchert, welche",
            "Jochen Borchert",
        ),
    ],
)
def test_given_names_ending_in_s_and_former_ministers(text: str, name: str, ref: ReferenceData) -> None:
    assert [p[0] for p in persons(text, ref, "Deutscher Bundestag")] == [name]


def test_a_title_cut_before_its_full_stop_is_no_name(ref: ReferenceData) -> None:
    text = "08.07.2025 Antrittsbesuch Präsident Fraunhofer \nProf. Holger Hanselka \nBerlin/Berlin \n"
    names = [p[0] for p in persons(text, ref, "Deutscher Bundestag")]
    assert "Fraunhofer Prof" not in names
    assert "Holger Hanselka" in names


def test_a_surname_alone_is_the_named_person_with_that_surname(ref: ReferenceData) -> None:
    text = (
        "100-Tage-Bilanz von Bundesministerin Dorothee Bär und Zuschnitt des Ministeriums. Zu Beginn ihrer "
        "Amtszeit war Bundesministerin Bär am 13. Mai 2025 bei der Jahresversammlung."
    )
    assert {p[0] for p in persons(text, ref, "Deutscher Bundestag")} == {"Dorothee Bär"}
    # Two persons of that surname: a surname alone stays as it is.
    text2 = (
        "Bundesministerin Anna Bär und Bundesminister Otto Bär trafen sich. Bundesministerin Bär sagte zu."
    )
    assert "Bär" in {p[0] for p in persons(text2, ref, "Deutscher Bundestag")}
