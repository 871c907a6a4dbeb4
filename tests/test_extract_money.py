"""Money: real sentences of the shared documents, with the amounts, stages and years they state."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract.money import extract_money
from kg.ingest import document_from_text, ingest
from kg.model import Money, Project, Span

FIRST = Path(__file__).resolve().parents[1] / "data" / "documents" / "000_ee5d8307e83ed3e5.txt"
PROJECT = "Sicherheitskooperation Ruhr zur Bekämpfung der Clankriminalität"


def _money(text: str) -> list[Money]:
    doc = document_from_text("t", text)
    found = extract_money(doc)
    for m in found:
        assert doc.text[m.span.start : m.span.end] == m.span.quote
    return found


def _triples(found: list[Money]) -> list[tuple[Decimal, str, int | None]]:
    return [(m.amount, m.stage, m.year) for m in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Bisher wurden 141.300 € ausgezahlt.", [(Decimal(141300), "paid", None)]),
        (
            "Nach den im aktuellen Bericht 2024 veröffentlichten Daten wurden im Berichtsjahr 2024 113 km Oberleitung "
            "erneuert und dafür 109 Mio. Euro aufgewendet.",
            [(Decimal(109000000), "paid", 2024)],
        ),
        (
            "Daraus ergeben sich durchschnittliche Kosten von rund 1,04 Mio. Euro für den Ersatz eines Kilometers.",
            [(Decimal(1040000), "other", None)],
        ),
        (
            "Aus dem Kapitel 0624, Titel 811 01 wurden im Jahr 2023 123 000 Euro für ein Model Y verausgabt.",
            [(Decimal(123000), "paid", 2023)],
        ),
        (
            "Aus dem Kapitel 0512, Titel 511 11 wurden im Jahr 2022 2 000 Euro, im Jahr \n2023 6 000 Euro und im Jahr "
            "2024 4 000 Euro mit dem Zweck satellitengestützter Internetzugang verausgabt.",
            [(Decimal(2000), "paid", 2022), (Decimal(6000), "paid", 2023), (Decimal(4000), "paid", 2024)],
        ),
        ("Das Soll für das Jahr 2025 beträgt 4 500 Euro.", [(Decimal(4500), "granted", 2025)]),
        (
            "Aus dem Kapitel 0811, Titel 542 01 wurden in den Jahren 2023 und 2024\njeweils 99,96 Euro mit dem Zweck "
            "Jahresabo verausgabt.",
            [(Decimal("99.96"), "paid", 2023), (Decimal("99.96"), "paid", 2024)],
        ),
        (
            "Der Steuerschaden wird auf 38,5 Mrd. bis 40 Mrd. Euro geschätzt.",
            [(Decimal(38500000000), "estimated", None)],
        ),
        ("Die Mittel in Höhe von EUR 420.000 wurden bewilligt.", [(Decimal(420000), "granted", None)]),
        ("Es wurden 12 Tsd. € beantragt.", [(Decimal(12000), "requested", None)]),
        ("Insgesamt wurden 2.557.015,68 € verausgabt.", [(Decimal("2557015.68"), "paid", None)]),
        ("Die Kosten liegen zwischen 5 und 7 Mio. Euro.", [(Decimal(5000000), "other", None)]),
        # Not money: years, Drucksache numbers, percentages, km, counts of people.
        ("Die Drucksache 17/9990 vom 25. Juni 2020 nennt 10 Prozent, 2 066 km und 1 400 VzP.", []),
        ("Fördermittel, die durch Projektpartner beantragt werden können, sind nicht vorgesehen.", []),
    ],
)
def test_sentences(sentence: str, expected: list[tuple[Decimal, str, int | None]]) -> None:
    assert _triples(_money(sentence)) == expected


def test_range_has_lower_and_upper_amount() -> None:
    (m,) = _money("Die Kosten liegen zwischen 5 und 7 Mio. Euro.")
    assert (m.amount, m.amount_max) == (Decimal(5000000), Decimal(7000000))
    assert m.span.quote == "zwischen 5 und 7 Mio. Euro"


def test_per_year_list_gives_each_line_its_year() -> None:
    text = (
        "Die DB AG hat im Bestandsnetz in den einzelnen Jahren\n"
        "• 2021: 106 Mio. Euro in die Oberleitung investiert, davon 1 Mio. Euro\nEigenmittel;\n"
        "• 2022: 130 Mio. Euro in die Oberleitung investiert, davon 22 Mio. Euro\nEigenmittel.\n"
    )
    found = _money(text)
    assert _triples(found) == [
        (Decimal(106000000), "paid", 2021),
        (Decimal(1000000), "paid", 2021),
        (Decimal(130000000), "paid", 2022),
        (Decimal(22000000), "paid", 2022),
    ]
    assert {m.category for m in found} == {"investment"}


def test_table_under_a_money_header() -> None:
    text = (
        "Kooperationsprojekte mit AHKs\nJahr* Kooperationsprojekt \nVertragswert in \nEuro \n"
        "2022 Intra-African Desk 80.332,00 \n2023 H2 Business Desk 78.375,36 \n"
        " In Vorbereitung: DIE Solution 84.560,00 \n*Projektende\n"
    )
    found = _money(text)
    assert [(m.amount, m.stage, m.year, m.subject) for m in found] == [
        (Decimal(80332), "committed", 2022, "Intra-African Desk"),
        (Decimal("78375.36"), "committed", 2023, "H2 Business Desk"),
        (Decimal(84560), "planned", None, "DIE Solution"),
    ]


def test_first_document_matches_its_gold() -> None:
    doc = ingest(FIRST)
    project = Project(
        PROJECT,
        Span(doc.id, 0, 0, ""),
        aliases=("Zentrale Koordination zur Bekämpfung der Clankriminalität",),
    )
    found = extract_money(doc, [project])
    got = sorted((m.amount, m.stage, m.year, m.category, m.subject) for m in found)
    assert got == sorted(
        [
            (Decimal(583900), "requested", 2020, "total", PROJECT),
            (Decimal(583900), "granted", 2020, "total", PROJECT),
            (Decimal(420000), "requested", 2020, "material", PROJECT),
            (Decimal(420000), "granted", 2020, "material", PROJECT),
            (Decimal(420000), "committed", 2020, "material", PROJECT),
            (Decimal(141300), "paid", 2020, "total", PROJECT),
            (Decimal(0), "remaining", 2020, "total", PROJECT),
        ]
    )
    quotes = {(m.stage, m.amount): m.span.quote for m in found}
    assert quotes[("requested", Decimal(583900))] == "583.900 €"
    assert quotes[("granted", Decimal(583900))] == "die beantragten Mittel zugestanden worden"
    assert quotes[("committed", Decimal(420000))].startswith("Die Sachmittel für das Projekt")
    assert quotes[("remaining", Decimal(0))] == "keine Restmittel"


def test_explicit_zero_but_not_in_a_question() -> None:
    assert _triples(_money("Im Jahr 2021 wurden keine Mittel ausgezahlt.")) == [(Decimal(0), "paid", 2021)]
    assert _money("Wurden keine Mittel ausgezahlt?") == []


def test_table_with_a_row_of_years_gives_each_column_its_year() -> None:
    text = (
        "Im Übrigen wird auf die nachfolgende Tabelle verwiesen.\n"
        "Ausgaben für Öffentlichkeitsarbeit in T Euro\n2021 2022 2023\n3.227 1.371 346\n"
    )
    found = _money(text)
    assert [(m.amount, m.stage, m.year, m.subject) for m in found] == [
        (Decimal(3227000), "paid", 2021, "Ausgaben für Öffentlichkeitsarbeit"),
        (Decimal(1371000), "paid", 2022, "Ausgaben für Öffentlichkeitsarbeit"),
        (Decimal(346000), "paid", 2023, "Ausgaben für Öffentlichkeitsarbeit"),
    ]


def test_misprinted_fragment_with_a_leading_zero_is_no_amount() -> None:
    assert [
        m.amount for m in _money("mit einem Volumen von 6 744 624 07 Euro in Form eines Zuschusses")
    ] == []
