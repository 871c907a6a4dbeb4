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
        "Der Koalitionsvertrag zwischen CDU/CSU und SPD sieht das vor.",  # no day
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
