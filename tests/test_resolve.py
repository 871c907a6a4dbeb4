"""Resolve: canonical names and reference ids by exact name or alias, nothing merged on a weak match."""

from __future__ import annotations

import pytest

from kg.config import DATA_DIR
from kg.model import Agreement, Document, DocumentInfo, Facts, Organisation, Person, Span
from kg.reference import ReferenceData, load_reference
from kg.resolve import canonical_organisation, canonical_party, resolve


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference(DATA_DIR / "reference")


@pytest.mark.parametrize(
    ("name", "juris", "expected"),
    [
        ("MI NRW", "NW", ("Ministerium des Innern des Landes Nordrhein-Westfalen", "mi-nrw")),
        (
            "Der Minister des Innern",
            "NW",
            ("Ministerium des Innern des Landes Nordrhein-Westfalen", "mi-nrw"),
        ),
        ("BPol", "BUND", ("Bundespolizei", "bundespolizei")),
        ("GZD", "NW", ("Generalzolldirektion", "generalzolldirektion")),
        ("BMV", "BUND", ("Bundesministerium für Verkehr", "bmv")),
        ("Stadt Dortmund", "NW", ("Stadt Dortmund", "stadt-dortmund")),
        ("Finanzministerium", "NW", ("Finanzministerium des Landes Nordrhein-Westfalen", None)),
        # Weak matches never merge: a city is not its administration, one Bundesamt not another.
        ("Essen", "NW", ("Essen", None)),
        ("Bundesamt für Migration", "BUND", ("Bundesamt für Migration", None)),
        ("Stadt Bochum", "NW", ("Stadt Bochum", None)),
    ],
)
def test_canonical_organisation(name: str, juris: str, expected: tuple, ref: ReferenceData) -> None:
    assert canonical_organisation(name, ref, juris) == expected


@pytest.mark.parametrize(
    ("party", "expected"),
    [
        ("B90/Grüne", "BÜNDNIS 90/DIE GRÜNEN"),
        ("Fraktion der AfD", "AfD"),
        ("FRAKTIONSLOS", "fraktionslos"),
        (None, None),
    ],
)
def test_canonical_party(party: str | None, expected: str | None, ref: ReferenceData) -> None:
    assert canonical_party(party, ref) == expected


def test_resolve_returns_new_records(ref: ReferenceData) -> None:
    text = "LANDTAG NORDRHEIN-WESTFALEN\nDer Minister des Innern und die BPol und Sonja Bongers"
    doc = Document(
        id="t",
        path="t",
        text=text,
        info=DocumentInfo(
            answered_by="Der Minister des Innern", in_agreement_with=("Minister der Finanzen",)
        ),
    )
    s = Span("t", 0, 4, text[:4])
    facts = Facts(
        document=doc,
        organisations=(Organisation(name="BPol", span=s),),
        persons=(Person(name="Sonja Bongers", span=s, party="SPD-Fraktion"),),
        agreements=(Agreement(name="V", span=s, signatories=("BPol", "MI NRW", "Stadt Bochum")),),
    )
    out = resolve(facts, ref)
    assert out is not facts and facts.organisations[0].name == "BPol"
    assert (out.organisations[0].name, out.organisations[0].ref) == ("Bundespolizei", "bundespolizei")
    assert (out.persons[0].party, out.persons[0].ref) == ("SPD", "sonja-bongers")
    assert out.agreements[0].signatories == (
        "Bundespolizei",
        "Ministerium des Innern des Landes Nordrhein-Westfalen",
        "Stadt Bochum",
    )
    info = out.document.info
    assert info.answered_by == "Ministerium des Innern des Landes Nordrhein-Westfalen"
    assert info.in_agreement_with == ("Ministerium der Finanzen des Landes Nordrhein-Westfalen",)
    assert (info.parliament, info.government) == (
        "Landtag Nordrhein-Westfalen",
        "Landesregierung Nordrhein-Westfalen",
    )
