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


# Official short forms written in lower case by the bodies themselves; any other one-word name needs a
# capital, else it would match an ordinary word of running text.
_LOWER_CASE_SHORT_FORMS = {"bpb", "ver.di"}


def _raw_names() -> list[tuple[str, str, str]]:
    """(file, id, name) for every canonical name and alias as written in the files."""
    out: list[tuple[str, str, str]] = []
    for path in sorted(REF.glob("*.yaml")):
        for org in yaml.safe_load(path.read_text(encoding="utf-8")).get("organisations") or []:
            for n in [org["name"], *(org.get("aliases") or [])]:
                out.append((path.name, str(org["id"]), str(n)))
    return out


def test_every_name_and_alias_is_unique_across_files() -> None:
    # The loaded index keeps the first organisation of a name silently: a repeat in another file is lost.
    seen: dict[str, tuple[str, str]] = {}
    for file, oid, n in _raw_names():
        first = seen.setdefault(n.casefold(), (file, oid))
        assert first[1] == oid, f"{n!r}: {first} and {(file, oid)}"


def test_no_alias_is_a_lower_case_word() -> None:
    for file, oid, n in _raw_names():
        one_word = " " not in n
        assert not one_word or n in _LOWER_CASE_SHORT_FORMS or any(c.isupper() for c in n), (file, oid, n)
        assert n == n.strip() and "  " not in n, (file, oid, n)


@pytest.mark.parametrize(
    ("alias", "canonical"),
    [
        ("BIÖG", "Bundesinstitut für Öffentliche Gesundheit"),
        ("BPA", "Presse- und Informationsamt der Bundesregierung"),
        ("BAAINBw", "Bundesamt für Ausrüstung, Informationstechnik und Nutzung der Bundeswehr"),
        ("LKA NRW", "Landeskriminalamt Nordrhein-Westfalen"),
        ("Friedrich-Naumann-Stiftung", "Friedrich-Naumann-Stiftung für die Freiheit"),
        ("Konrad-Adenauer-Stiftung e. V.", "Konrad-Adenauer-Stiftung"),
        ("ver.di", "Vereinte Dienstleistungsgewerkschaft"),
        ("DStGB", "Deutscher Städte- und Gemeindebund"),
    ],
)
def test_aliases_of_agencies_and_civil_bodies(alias: str, canonical: str) -> None:
    org = load_reference(REF).organisation_by_name(alias)
    assert org is not None and org.name == canonical


def test_every_land_has_parliament_government_and_chancellery() -> None:
    from kg.extract._orgs import LANDS

    ref = load_reference(REF)
    for code in sorted(LANDS):
        kinds = {o.kind for o in ref.organisations.values() if o.jurisdiction == code}
        assert {"parliament", "government", "ministry"} <= kinds, code
        chancelleries = [
            o.name
            for o in ref.organisations.values()
            if o.jurisdiction == code and o.kind == "ministry"
            if "kanzlei" in o.name or o.name.startswith("Staatsministerium")
        ]
        assert chancelleries, code


def test_the_bodies_of_a_jurisdiction_stay_the_parliament_and_government() -> None:
    # body_of() takes the first organisation by id of a kind: no agency may be filed as a parliament.
    from kg.extract._orgs import body_of

    ref = load_reference(REF)
    assert body_of(ref, "parliament", "BUND").name == "Deutscher Bundestag"
    assert body_of(ref, "government", "BUND").name == "Bundesregierung"
    assert body_of(ref, "parliament", "NW").name == "Landtag Nordrhein-Westfalen"


def test_gazetteer_prefers_the_longer_official_name() -> None:
    from kg.extract._orgs import gazetteer

    ref = load_reference(REF)
    text = (
        "Der Generalbundesanwalt beim Bundesgerichtshof (GBA) hat Ermittlungen eingeleitet; der "
        "Europäische Gerichtshof für Menschenrechte entschied, und das Bundesamt für die Sicherheit der "
        "nuklearen Entsorgung (BASE) sowie das Deutsche Institut für Wirtschaftsforschung äußerten sich."
    )
    names = [h.org.name for h in gazetteer(ref).find(text)]
    assert names == [
        "Generalbundesanwalt beim Bundesgerichtshof",
        "Europäischer Gerichtshof für Menschenrechte",
        "Bundesamt für die Sicherheit der nuklearen Entsorgung",
        "Bundesamt für die Sicherheit der nuklearen Entsorgung",
        "Deutsches Institut für Wirtschaftsforschung",
    ]
