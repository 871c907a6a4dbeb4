"""kg eval: scoring on small hand-made gold/extraction pairs whose P/R/F1 are known exactly."""

from __future__ import annotations

import json
from decimal import Decimal
from pathlib import Path

import pytest

from kg.errors import KgError
from kg.eval import KINDS, Counts, EvalReport, evaluate, load_gold, score_document, subject_matches
from kg.model import (
    Agreement,
    AnsweredRequest,
    DateFact,
    Document,
    DocumentInfo,
    Facts,
    Money,
    Organisation,
    Person,
    Post,
    Project,
    Reference,
)
from kg.spans import span

TEXT = (
    "Antwort der Landesregierung auf die Kleine Anfrage 3926 vom 25. Juni 2020 (Drucksache 17/9990) "
    "der Abgeordneten Thomas Kutschaty und Sonja Bongers SPD. Das Ministerium des Innern (MI) hat "
    "583.900 € beantragt; 2021 wurden 1.000 € gezahlt, 2022 wurden 1.000 € gezahlt. Die Bundespolizei "
    "und die Bundespolizei und die Stadt Essen unterzeichneten am 22. Juni 2020 eine Vereinbarung. "
    "Eine Stelle B 2 und eine Stelle EG 9. Im Jahr 2007 begann es. Das Projekt Clan heißt auch CK."
)
DOC = Document(id="d", path="d.txt", text=TEXT)


def at(quote: str, nth: int = 0) -> object:
    """The span of the nth occurrence of `quote` in TEXT."""
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(quote, start + 1)
    return span(DOC, start, start + len(quote))


def facts(info: DocumentInfo | None = None, **kinds: tuple) -> Facts:
    doc = Document(id=DOC.id, path=DOC.path, text=TEXT, info=info or DocumentInfo())
    return Facts(document=doc, **kinds)


def person(name: str, party: str | None = None) -> Person:
    return Person(name=name, span=at(name), party=party)


def org(name: str, quote: str | None = None, nth: int = 0) -> Organisation:
    return Organisation(name=name, span=at(quote or name, nth))


def money(amount: str, stage: str, quote: str, nth: int = 0, **kw: object) -> Money:
    return Money(amount=Decimal(amount), span=at(quote, nth), stage=stage, **kw)


def counts(gold: dict, found: Facts, kind: str) -> tuple[int, int, int]:
    c = score_document(gold, found, "d").counts[kind]
    return c.tp, c.fp, c.fn


def measures(gold: dict, found: Facts, kind: str) -> tuple[float, float, float]:
    c = score_document(gold, found, "d").counts[kind]
    return round(c.precision, 4), round(c.recall, 4), round(c.f1, 4)


# --------------------------------------------------------------------------------------------- kinds
def test_perfect_match_scores_one() -> None:
    gold = {"persons": [{"name": "Thomas Kutschaty"}, {"name": "sonja  BONGERS"}]}
    found = facts(persons=(person("Thomas Kutschaty"), person("Sonja Bongers")))
    assert counts(gold, found, "persons") == (2, 0, 0)
    assert measures(gold, found, "persons") == (1.0, 1.0, 1.0)


def test_one_miss_halves_recall() -> None:
    gold = {"persons": [{"name": "Thomas Kutschaty"}, {"name": "Sonja Bongers"}]}
    found = facts(persons=(person("Thomas Kutschaty"),))
    assert counts(gold, found, "persons") == (1, 0, 1)
    assert measures(gold, found, "persons") == (1.0, 0.5, 0.6667)
    score = score_document(gold, found, "d")
    assert [(m.doc, m.kind, m.what) for m in score.misses] == [("d", "persons", "Sonja Bongers")]


def test_an_organisation_matches_the_gold_under_another_name_of_the_gazetteer() -> None:
    from kg.reference import ReferenceData, RefOrganisation

    ref = ReferenceData(
        organisations={
            "bpol": RefOrganisation(
                id="bpol", name="Bundespolizei", kind="agency", aliases=("BPol", "Bundespolizeipräsidium")
            )
        }
    )
    gold = {"organisations": [{"name": "Bundespolizeipräsidium"}]}
    found = facts(organisations=(Organisation(name="Bundespolizei", span=at("Bundespolizei"), ref="bpol"),))
    # Without the gazetteer the names differ; with it they are one entity.
    assert score_document(gold, found, "d").counts["organisations"].tp == 0
    assert score_document(gold, found, "d", reference=ref).counts["organisations"].tp == 1


def test_one_false_find_halves_precision_and_is_listed_with_its_quote() -> None:
    gold = {"organisations": [{"name": "Bundespolizei"}]}
    found = facts(organisations=(org("Bundespolizei"), org("Stadt Essen")))
    assert counts(gold, found, "organisations") == (1, 1, 0)
    assert measures(gold, found, "organisations") == (0.5, 1.0, 0.6667)
    (false,) = score_document(gold, found, "d").false_finds
    assert (false.kind, false.quote, false.start) == (
        "organisations",
        "Stadt Essen",
        TEXT.index("Stadt Essen"),
    )


def test_duplicate_mentions_are_one_find() -> None:
    gold = {"organisations": [{"name": "Bundespolizei"}]}
    found = facts(
        organisations=(
            org("Bundespolizei"),
            org("Bundespolizei", nth=1),
            org("bundespolizei", "Bundespolizei"),
        )
    )
    assert counts(gold, found, "organisations") == (1, 0, 0)


def test_organisations_match_through_gold_aliases() -> None:
    gold = {"organisations": [{"name": "Ministerium des Innern", "aliases": ["MI"]}]}
    found = facts(organisations=(org("MI"), org("Ministerium des Innern")))
    assert counts(gold, found, "organisations") == (1, 0, 0)


def test_money_stage_mismatch_is_a_miss_and_a_false_find() -> None:
    gold = {"money": [{"amount": 583900, "stage": "requested", "quote": "583.900 €"}]}
    found = facts(money=(money("583900", "granted", "583.900 €"),))
    assert counts(gold, found, "money") == (0, 1, 1)
    assert measures(gold, found, "money") == (0.0, 0.0, 0.0)


def test_money_matches_to_the_cent() -> None:
    gold = {"money": [{"amount": 2557015.68, "stage": "paid"}]}
    assert counts(gold, facts(money=(money("2557015.68", "paid", "1.000 €"),)), "money") == (1, 0, 0)
    assert counts(gold, facts(money=(money("2557015.6", "paid", "1.000 €"),)), "money") == (0, 1, 1)


def test_money_same_amount_in_two_years_pairs_by_year_and_scores_attributes() -> None:
    gold = {
        "money": [
            {"amount": 1000, "stage": "paid", "year": 2022, "subject": "Anzeigen auf Twitter"},
            {"amount": 1000, "stage": "paid", "year": 2021, "subject": "Anzeigen auf Twitter"},
        ]
    }
    found = facts(
        money=(
            money("1000", "paid", "1.000 €", 0, year=2021, subject="Anzeigen"),
            money("1000", "paid", "1.000 €", 1, year=2022, subject="Kaffee"),
        )
    )
    score = score_document(gold, found, "d")
    c = score.counts["money"]
    assert (c.tp, c.fp, c.fn) == (2, 0, 0)
    assert (score.attributes["money.year"].correct, score.attributes["money.year"].total) == (2, 2)
    assert (score.attributes["money.subject"].correct, score.attributes["money.subject"].total) == (1, 2)


def test_derived_money_is_not_scored() -> None:
    gold = {"money": []}
    derived = money("583900", "paid", "583.900 €", derived_from=(at("1.000 €"),))
    assert counts(gold, facts(money=(derived,)), "money") == (0, 0, 0)


def test_empty_list_means_none_so_every_find_is_false() -> None:
    gold = {"money": []}
    assert counts(gold, facts(money=(money("583900", "requested", "583.900 €"),)), "money") == (0, 1, 0)
    assert measures(gold, facts(money=(money("583900", "requested", "583.900 €"),)), "money") == (
        0.0,
        0.0,
        0.0,
    )
    # nothing to find and nothing found: scored, and perfect
    assert measures(gold, facts(), "money") == (1.0, 1.0, 1.0)


def test_absent_kind_is_not_scored() -> None:
    gold = {"persons": [{"name": "Thomas Kutschaty"}]}
    score = score_document(
        gold, facts(persons=(person("Thomas Kutschaty"),), money=(money("1", "paid", "1.000 €"),))
    )
    assert set(score.counts) == {"persons"}
    report = EvalReport([score])
    assert set(report.totals()) == {"persons"}
    assert report.overall().f1 == 1.0


def test_bare_years_are_scored_on_neither_side() -> None:
    gold = {"dates": [{"date": 2007}, {"date": "2020-06-22"}, {"date": "2017-09"}]}
    found = facts(dates=(DateFact("2020-06-22", at("22. Juni 2020")), DateFact("2007", at("2007"))))
    assert counts(gold, found, "dates") == (1, 0, 1)


def test_dates_compare_yaml_dates_with_iso_text() -> None:
    import datetime as dt

    gold = {"dates": [{"date": dt.date(2020, 6, 25)}]}
    assert counts(gold, facts(dates=(DateFact("2020-06-25", at("25. Juni 2020")),)), "dates") == (1, 0, 0)


def test_persons_party_is_an_attribute() -> None:
    gold = {
        "persons": [{"name": "Thomas Kutschaty", "party": "SPD"}, {"name": "Sonja Bongers", "party": "SPD"}]
    }
    found = facts(persons=(person("Thomas Kutschaty", "SPD"), person("Sonja Bongers", "CDU")))
    score = score_document(gold, found, "d")
    assert counts(gold, found, "persons") == (2, 0, 0)
    assert (score.attributes["persons.party"].correct, score.attributes["persons.party"].total) == (1, 2)


def test_references_by_drucksache_number() -> None:
    gold = {"references": [{"drucksache": "17/9990"}, {"drucksache": "17/9170"}]}
    found = facts(references=(Reference("17/9990", at("17/9990")), Reference("17/9990", at("17/9990"))))
    assert counts(gold, found, "references") == (1, 0, 1)


def test_posts_by_grade_and_count_with_grade_spacing_folded() -> None:
    gold = {
        "posts": [{"grade": "B2", "count": 1}, {"grade": "EG 9", "count": 1}, {"grade": None, "count": 7800}]
    }
    found = facts(posts=(Post("B 2", 1, at("B 2")), Post("EG9", 2, at("EG 9"))))
    assert counts(gold, found, "posts") == (1, 1, 2)


def test_agreements_by_date_with_signatories_as_a_set() -> None:
    gold = {
        "organisations": [{"name": "Bundespolizei", "aliases": ["BPOL"]}],
        "agreements": [
            {"name": "V", "date": "2020-06-22", "signatories": ["Bundespolizei", "Stadt Essen", "X"]}
        ],
    }
    found = facts(
        agreements=(Agreement("V", at("Vereinbarung"), "2020-06-22", ("BPOL", "Stadt Essen", "Y")),)
    )
    score = score_document(gold, found, "d")
    assert (score.counts["agreements"].tp, score.counts["agreements"].fp) == (1, 0)
    s = score.signatories
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)


def test_projects_match_by_name_or_alias() -> None:
    gold = {"projects": [{"name": "Clan-Projekt", "aliases": ["CK"]}, {"name": "Anderes"}]}
    found = facts(projects=(Project("Clan", at("Clan"), aliases=("CK",)), Project("Neu", at("Projekt"))))
    assert counts(gold, found, "projects") == (1, 1, 1)


def test_document_fields_compared_for_equality() -> None:
    gold = {
        "document": {
            "kind": "Antwort",
            "period": 17,
            "drucksache": None,
            "date": "2020-08-18",
            "answers": {"number": 3926, "drucksache": "17/9990", "date": "2020-06-25"},
            "title": "not scored",
        }
    }
    info = DocumentInfo(
        kind="Antwort",
        period=17,
        drucksache="17/1",  # gold says the text states none: a false find
        date="2020-08-19",  # wrong: a false find and a miss
        answers=AnsweredRequest(number=3926, drucksache="17/9990"),  # date missing: a miss
        title="something else",
    )
    assert counts(gold, facts(info), "document") == (4, 2, 2)


def test_document_null_field_found_null_is_neither_right_nor_wrong() -> None:
    gold = {"document": {"drucksache": None, "kind": "Antwort"}}
    assert counts(gold, facts(DocumentInfo(kind="Antwort")), "document") == (1, 0, 0)


def test_subject_matching() -> None:
    assert subject_matches("Sicherheitskooperation Ruhr", "die Sicherheitskooperation Ruhr zur Bekämpfung")
    assert not subject_matches("Sicherheitskooperation Ruhr", None)
    assert not subject_matches("Anzeigen auf Twitter", "Kaffee")


def test_counts_measures_at_the_edges() -> None:
    assert (Counts(0, 0, 0).precision, Counts(0, 0, 0).recall, Counts(0, 0, 0).f1) == (1.0, 1.0, 1.0)
    assert (Counts(0, 0, 3).precision, Counts(0, 0, 3).f1) == (0.0, 0.0)
    assert round(Counts(3, 1, 2).f1, 4) == round(2 * 0.75 * 0.6 / 1.35, 4)


# --------------------------------------------------------------------------------------------- report
def test_text_report_ends_with_the_summary_table() -> None:
    gold = {"persons": [{"name": "Thomas Kutschaty"}], "money": []}
    report = EvalReport([score_document(gold, facts(persons=(person("Thomas Kutschaty"),)), "d")])
    tail = report.to_text().splitlines()[-12:]
    assert tail[0].split() == ["kind", "P", "R", "F1", "tp", "fp", "fn"]
    assert [line.split()[0] for line in tail[2:]] == [*KINDS, "overall"]
    assert tail[-1].split() == ["overall", "1.000", "1.000", "1.000", "1", "0", "0"]
    assert "not scored" in tail[2]  # document


def test_json_and_markdown_reports() -> None:
    gold = {"persons": [{"name": "Thomas Kutschaty"}, {"name": "Sonja Bongers"}]}
    report = EvalReport([score_document(gold, facts(persons=(person("Thomas Kutschaty"),)), "d")])
    data = json.loads(report.to_json())
    assert data["kinds"]["persons"] == {
        "tp": 1,
        "fp": 0,
        "fn": 1,
        "precision": 1.0,
        "recall": 0.5,
        "f1": 0.6667,
    }
    assert data["documents"][0]["misses"][0]["what"] == "Sonja Bongers"
    md = report.to_markdown().splitlines()
    assert md[0] == "| gold file | persons | overall |"
    assert md[2] == "| d | 0.67 | 0.67 |"


# --------------------------------------------------------------------------------------------- files
def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_evaluate_records_a_missing_source_and_goes_on(tmp_path: Path) -> None:
    write(tmp_path / "gold" / "a.yaml", "source: a.txt\nmoney: []\n")
    write(tmp_path / "gold" / "b.yaml", "source: missing.txt\nmoney: []\n")
    write(tmp_path / "docs" / "a.txt", "Ein Satz ohne Geld.\n")
    report = evaluate(tmp_path / "gold", [tmp_path / "docs"])
    assert [d.doc for d in report.documents] == ["a", "b"]
    assert report.documents[0].error is None
    assert report.errors()[0][0] == "b"
    assert "missing.txt not found" in report.errors()[0][1]


def test_bad_gold_yaml_names_file_and_line(tmp_path: Path) -> None:
    bad = write(tmp_path / "x.yaml", "source: a.txt\nmoney: [\n  {amount: 1\n")
    with pytest.raises(KgError) as e:
        load_gold(bad)
    assert e.value.path == str(bad) and e.value.line is not None


def test_bad_gold_file_is_recorded_with_its_name_and_the_rest_go_on(tmp_path: Path) -> None:
    write(tmp_path / "gold" / "a.yaml", "source: a.txt\nmoney: 5\n")
    write(tmp_path / "gold" / "b.yaml", "source: a.txt\nmoney: [\n")
    write(tmp_path / "gold" / "c.yaml", "source: a.txt\nmoney: []\n")
    write(tmp_path / "docs" / "a.txt", "Text.\n")
    report = evaluate(tmp_path / "gold", [tmp_path / "docs"])
    errors = dict(report.errors())
    assert errors["a"].startswith(f"bad gold file: {tmp_path / 'gold' / 'a.yaml'}: money must be a list")
    assert errors["b"].startswith(f"bad gold file: {tmp_path / 'gold' / 'b.yaml'}:3:")
    assert "c" not in errors and report.totals()["money"].f1 == 1.0


# --------------------------------------------------------------------------------------------- CLI
def cli_case(tmp_path: Path, gold: str) -> Path:
    write(tmp_path / "gold" / "a.yaml", "source: a.txt\n" + gold)
    write(tmp_path / "documents" / "a.txt", "Ein Satz ohne Geld und ohne Namen.\n")
    return tmp_path / "gold"


def run_cli(*args: str) -> object:
    from click.testing import CliRunner

    from kg.cli import main

    return CliRunner().invoke(main, ["eval", *args])


def test_cli_min_f1_passes_when_every_scored_kind_reaches_it(tmp_path: Path) -> None:
    gold_dir = cli_case(tmp_path, "money: []\n")
    result = run_cli(str(gold_dir), "--kind", "money", "--min-f1", "0.9")
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].split() == ["overall", "1.000", "1.000", "1.000", "0", "0", "0"]


def test_cli_min_f1_fails_naming_the_kind(tmp_path: Path) -> None:
    gold_dir = cli_case(tmp_path, "money: []\npersons: [{name: Niemand Nirgendwo}]\n")
    docs = str(tmp_path / "documents")
    result = run_cli(str(gold_dir), "--docs", docs, "--kind", "money", "--kind", "persons", "--min-f1", "0.5")
    assert result.exit_code == 1
    assert result.stderr == "F1 below 0.5: persons\n"
    assert "miss   a  persons       Niemand Nirgendwo" in result.stdout
    # the same report without a threshold exits 0
    assert run_cli(str(gold_dir), "--docs", docs, "--kind", "persons").exit_code == 0


def test_cli_missing_source_exits_1(tmp_path: Path) -> None:
    write(tmp_path / "gold" / "a.yaml", "source: nowhere.txt\nmoney: []\n")
    result = run_cli(str(tmp_path / "gold"), "--docs", str(tmp_path))
    assert result.exit_code == 1
    assert "error: a: source nowhere.txt not found" in result.stdout


def test_cli_json_and_markdown_formats(tmp_path: Path) -> None:
    gold_dir = cli_case(tmp_path, "money: []\n")
    data = json.loads(run_cli(str(gold_dir), "--kind", "money", "--format", "json").stdout)
    assert data["kinds"]["money"]["f1"] == 1.0
    md = run_cli(str(gold_dir), "--kind", "money", "--format", "markdown").stdout.splitlines()
    assert md[0] == "| gold file | money | overall |"


def test_one_figure_listed_twice_in_gold_counts_two_finds_at_two_places() -> None:
    # Two budget titles paid the same sum in one year; the words do not tell them apart.
    twice = [{"amount": 1000, "stage": "paid", "year": 2021, "subject": "Titel"}] * 2
    at_two_places = (
        money("1000", "paid", "1.000 €", 0, year=2021, subject="Titel"),
        money("1000", "paid", "1.000 €", 1, year=2021, subject="Titel"),
    )
    assert counts({"money": twice}, facts(money=at_two_places), "money") == (2, 0, 0)
    # listed once: the second place is the same figure again, one find
    assert counts({"money": twice[:1]}, facts(money=at_two_places), "money") == (1, 0, 0)
    # the same place read twice is still one find
    same_place = (at_two_places[0], at_two_places[0])
    assert counts({"money": twice}, facts(money=same_place), "money") == (1, 0, 1)
