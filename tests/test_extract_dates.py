"""Dates: real sentences of the shared documents, with the values and kinds they state."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.dates import extract_dates
from kg.ingest import document_from_text, ingest
from kg.model import DateFact

FIRST = Path(__file__).resolve().parents[1] / "data" / "documents" / "000_ee5d8307e83ed3e5.txt"


def _dates(text: str) -> list[DateFact]:
    doc = document_from_text("t", text)
    found = extract_dates(doc)
    for d in found:
        assert doc.text[d.span.start : d.span.end] == d.span.quote
    return found


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Zuletzt wurde am 22. Juni 2020 die gemeinsame Kooperationsvereinbarung durch die Partner unterzeichnet.",
            [("2020-06-22", "signing")],
        ),
        (
            "Darüber hinaus hat das Kabinett am 5. November 2019 weitere 74 Projekte beschlossen.",
            [("2019-11-05", "cabinet_decision")],
        ),
        ("Der Finanzminister hat im Ausschuss am 5.10.2017 ausgeführt.", [("2017-10-05", "other")]),
        ("Der Ministerpräsident stellte im April 2018 das Konzept vor.", [("2018-04", "presentation")]),
        (
            "Der 21. Dezember 2018 markiert mit der Schließung des letzten Bergwerkes eine Zäsur.",
            [("2018-12-21", "closure")],
        ),
        ("Dieses Ende stand seit dem Kohlekompromiss von 2007 fest.", [("2007", "other")]),
        ("Das Arbeitsprogramm hat der Vorstand Ende 2022 ins Leben gerufen.", [("2022", "other")]),
        (
            "Der Zeitraum vom 1. Januar 2024 bis zum 31. Dezember 2024 wird betrachtet.",
            [("2024-01-01", "other"), ("2024-12-31", "other")],
        ),
        (
            "Am 5.10.2017 tagte er, der Staatssekretär führte im Ausschuss am 9.11. aus.",
            [("2017-10-05", "other"), ("2017-11-09", "other")],
        ),
        # Not dates: Drucksache numbers, times of day, web addresses, file names.
        ("Siehe Drucksache 17/9990 und www.example.de/2020/08/18.08.2020-bericht.pdf sowie 07.30 Uhr.", []),
        ("Ankunftszeiten zwischen 07.30 – 09.30 Uhr.", []),
        # Month dates of tables, and a month glued to its year by the PDF text.
        ("Partners in Transformation 11/2024 Wirtschaft keine Kosten Online", [("2024-11", "other")]),
        ("Follower-Zahlen, Stichtag: 19. Mai2025", [("2025-05-19", "other")]),
        ("Projektlaufzeit: 01/2023 bis 12/2026", [("2023-01", "other"), ("2026-12", "other")]),
        # Not month dates: Drucksache numbers (also of Wahlperioden 1-12), EU acts, a month without day.
        ("siehe Drucksache 11/2024 und Drs. 07/2019 sowie Verordnung (EU) 2018/231", []),
        ("Im Mai2025 stieg die Zahl.", []),
    ],
)
def test_sentences(sentence: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.value, d.kind) for d in _dates(sentence)] == expected


def test_first_document_dates_match_its_gold() -> None:
    doc = ingest(FIRST)
    found = extract_dates(doc)
    values = {d.value for d in found}
    assert {v for v in values if len(v) > 4} == {
        "2020-08-18",
        "2020-08-24",
        "2020-06-25",
        "2018-12-21",
        "2017-09",
        "2018-04",
        "2019-11-05",
        "2020-06-03",
        "2020-06-22",
    }
    assert "2007" in values
    kinds = {d.value: d.kind for d in found}
    assert kinds["2020-08-24"] == "issued"
    assert kinds["2020-06-25"] == "request"
    assert kinds["2020-08-18"] == "answer"


def test_one_fact_per_value() -> None:
    found = _dates("Am 18.08.2020 kam es. Mit Schreiben vom 18. August 2020 wurde die Anfrage beantwortet.")
    assert [(d.value, d.kind, d.span.quote) for d in found] == [("2020-08-18", "answer", "18.08.2020")]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Zeiträume der Inanspruchnahme: 7. Mai bis 4. August \n2025", ["2025-05-07", "2025-08-04"]),
        (
            "Inanspruchnahme: 13. Mai bis 14. Mai, \n20. Mai, 3. Juni 2025",
            ["2025-05-13", "2025-05-14", "2025-05-20", "2025-06-03"],
        ),
        (
            "Ausgaben zwischen dem 6. Mai und 4. August 2025 sind berücksichtigt.",
            ["2025-05-06", "2025-08-04"],
        ),
        # A day and month with no year to take from a list is no date.
        ("Die Sitzung findet am 7. Mai statt.", []),
    ],
)
def test_days_of_a_range_take_the_year_written_at_its_end(text: str, values: list[str]) -> None:
    assert sorted(d.value for d in _dates(text)) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # Column heads of months: a year before a month is the month before's, no day.
        ("Stichtage\nMärz 2024 Januar 2025 Juli 2025\nPlanstellen\n", ["2024-03", "2025-01", "2025-07"]),
        ("Die Sitzung fand im Juli oder August 2024 statt.", ["2024-07", "2024-08"]),
        ("Die Treffen am 5. Juli oder 6. August 2024 fanden statt.", ["2024-07-05", "2024-08-06"]),
    ],
)
def test_months_of_a_list_and_month_column_heads(text: str, values: list[str]) -> None:
    assert sorted(d.value for d in _dates(text)) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("Die Tagung fand am 27. und 28. Mai 2025 statt.", ["2025-05-27", "2025-05-28"]),
        ("Landwirtschaft 14. bis 28. Juni 2024", ["2024-06-14", "2024-06-28"]),
    ],
)
def test_first_day_of_a_pair_takes_the_month_of_the_second(text: str, values: list[str]) -> None:
    assert sorted(d.value for d in _dates(text)) == values


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # A column of months with a two-digit year (Bundestag 21/2204), and a head row (21/669).
        (
            "Monat der letzten Ausreise Anzahl Personen\nDezember 24 181\nJanuar 25 340\nFebruar 25 513\n",
            ["2024-12", "2025-01", "2025-02"],
        ),
        (
            "Stunden je Monat:\n Jan 25 Feb 25 Mrz 25 Apr 25\nStd. 1.500 1.170 4.018 1.258\n",
            ["2025-01", "2025-02", "2025-03", "2025-04"],
        ),
        # Counts per month are no years: the "years" do not run month by month.
        ("Anträge je Monat\nJanuar 12\nFebruar 15\nMärz 9\n", []),
        # One line alone is no table ("Mai 25 Personen" are 25 persons in May).
        ("Es kamen\nMai 25 Personen und\nim Juni 30 weitere.\n", []),
    ],
)
def test_month_rows_with_two_digit_years(text: str, values: list[str]) -> None:
    assert [d.value for d in _dates(text)] == values
