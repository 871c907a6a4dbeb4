"""Reference data: loads, names its sources, carries the abbreviations the documents use."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg.config import DATA_DIR
from kg.errors import KgError
from kg.reference import load_reference

REF = DATA_DIR / "reference"


def test_every_file_names_its_sources() -> None:
    for path in sorted(REF.glob("*.yaml")):
        assert yaml.safe_load(path.read_text(encoding="utf-8")).get("sources"), path.name


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("MI NRW", "Ministerium des Innern des Landes Nordrhein-Westfalen"),
        ("BPol", "Bundespolizei"),
        ("GZD", "Generalzolldirektion"),
        ("BMV", "Bundesministerium für Verkehr"),
        ("BA", "Bundesagentur für Arbeit"),
        ("DB AG", "Deutsche Bahn AG"),
        ("B90/Grüne", "BÜNDNIS 90/DIE GRÜNEN"),
        ("Land Saarland", "Saarland"),
    ],
)
def test_aliases(alias: str, canonical: str) -> None:
    org = load_reference(REF).organisation_by_name(alias)
    assert org is not None and org.name == canonical


def test_no_alias_names_two_organisations() -> None:
    ref = load_reference(REF)
    seen: dict[str, str] = {}
    for org in ref.organisations.values():
        for n in {org.name.casefold(), *(a.casefold() for a in org.aliases)}:
            assert seen.setdefault(n, org.id) == org.id, n


def test_a_bare_city_is_no_administration() -> None:
    assert load_reference(REF).organisation_by_name("Essen") is None


def test_dangling_party_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "sources: [x]\npersons:\n  - {id: a, name: A B, party: nope}\n", encoding="utf-8"
    )
    with pytest.raises(KgError, match="party 'nope'"):
        load_reference(tmp_path)
