"""Budget posts: pay grades with counts and filled status; counts of posts without a grade."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract.posts import extract_posts, normalise_grade
from kg.ingest import document_from_text
from kg.model import Post


def _posts(text: str) -> list[Post]:
    doc = document_from_text("t", text)
    found = extract_posts(doc)
    for p in found:
        assert doc.text[p.span.start : p.span.end] == p.span.quote
    return found


def test_grade_list_with_exception_in_the_filled_sentence() -> None:
    found = _posts(
        "Die Summe setzt sich aus Sachmitteln in Höhe von 420.000 € sowie den Kosten für fünf (Plan-)Stellen "
        "(1 x B2, 2 x A11, 1 x A13, 1 x EG 9) zusammen. Bisher wurden 141.300 € ausgezahlt. "
        "Die (Plan-) Stellen sind bis auf die EG 9 Stelle besetzt."
    )
    assert [(p.grade, p.count, p.filled) for p in found] == [
        ("B2", 1, True),
        ("A11", 2, True),
        ("A13", 1, True),
        ("EG 9", 1, False),
    ]
    assert found[0].span.quote == "1 x B2"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Es wurden zwei Stellen der Besoldungsgruppe A 13 geschaffen, die noch unbesetzt sind.",
            [("A13", 2, False)],
        ),
        ("Hinzu kommt eine Planstelle nach E 13.", [("EG 13", 1, None)]),
        (
            "offenbart, dass über 7.800 Planstellen und Stellen in der Landesverwaltung zum 1. Januar 2017 unbesetzt waren.",
            [(None, 7800, False)],
        ),
        (
            "Mit dem Haushalt 2017 wurden zusätzlich 4.378 neue Planstellen und Stellen eingerichtet.",
            [(None, 4378, None)],
        ),
        ("139 neuen Regierungsstellen aus dem Nachtragshaushalt", [(None, 139, None)]),
        # Not posts: offices, counts of people, years.
        ("Es gibt 12 Dienststellen und 1 400 VzP; im Jahr 2017 Stellen abzubauen ist geplant.", []),
    ],
)
def test_sentences(sentence: str, expected: list[tuple[str | None, int, bool | None]]) -> None:
    assert [(p.grade, p.count, p.filled) for p in _posts(sentence)] == expected


def test_the_same_ungraded_count_is_one_post() -> None:
    found = _posts(
        "Die 139 Regierungsstellen sind neu. Von den 139 neuen Regierungsstellen sind viele besetzt."
    )
    assert [(p.grade, p.count) for p in found] == [(None, 139)]


@pytest.mark.parametrize(
    ("raw", "norm"),
    [
        ("EG9", "EG 9"),
        ("E 13", "EG 13"),
        ("A 11", "A11"),
        ("b2", "B2"),
        ("E 9b", "EG 9b"),
        ("A 13 Z", "A13 Z"),
        ("A13g", "A13g"),
        ("A9 / A11", "A9 / A11"),
    ],
)
def test_normalise_grade(raw: str, norm: str) -> None:
    assert normalise_grade(raw) == norm


def test_fractional_counts_of_part_time_posts() -> None:
    found = _posts(
        "Zum Stand 1. Juli 2025 gibt es im Arbeitsbereich KDV im BAFzA 8,1\nPlanstellen, von denen 7,35 Stellen "
        "besetzt sind. Das IAZ verfügt über 16,5 Planstellen, von denen aktuell 15 besetzt sind."
    )
    assert [(p.grade, p.count, p.span.quote) for p in found] == [
        (None, Decimal("8.1"), "8,1\nPlanstellen"),
        (None, Decimal("7.35"), "7,35 Stellen"),
        (None, Decimal("16.5"), "16,5 Planstellen"),
    ]
    # Whole counts stay integers (an xsd:positiveInteger in the graph).
    assert [type(p.count) for p in _posts("Es gibt 22 Planstellen.")] == [int]


# The Planstellen table of a Bundestag answer (Drucksache 21/1347) as its text layer gives it: per date a
# count, the vacant posts and the filled full-time equivalents; empty cells are dropped.
_PLANSTELLEN_TABLE = (
    "15. Wie viele Planstellen (Vollzeitäquivalente) waren für die ZMI zum \n"
    "1. März 2024, 1. Januar 2025 und 1. Juli 2025 vorgesehen, und wie viele \n"
    "davon waren besetzt (bitte nach Besoldungsgruppen und Laufbahnen \n"
    "aufschlüsseln)?\n"
    "März 2024 Januar 2025 Juli 2025\n"
    "Planstellen\n"
    "Anzahl unbesetzt VZÄ\nbesetzt\nAnzahl unbesetzt VZÄ\nbesetzt\nAnzahl unbesetzt VZÄ\nbesetzt\n"
    "Höherer Dienst\n"
    "A15 2 2 2 2 2 2\n"
    "A13 / \nA14\n1 1 1 1 1 1\n"
    "Gehobener Dienst\n"
    "A13 Z 1 1 1 1 1 1\n"
    "A13 5 2 3 5 1 4 5 5\n"
    "A12 8 2 5,925 8 3 4,775 8 3 4,775\n"
    "A9 / A11 42 1 41 46 2 44 42 42\n"
    "Mittlerer Dienst\n"
    "A6 1 0,625 1 0,625 1 0,625\n"
    "Tarifbeschäftigte\n"
    "EG9b 5 4,75 4 3,75 5 4,75\n"
    "EG6 6 2 3,4 8 2 4,79 7 1 4,79\n"
    "16. Sind für die Jahre 2026 ff. weitere Stellen geplant?\n"
)


def test_table_of_planstellen_by_grade_takes_the_count_of_each_date() -> None:
    found = _posts(_PLANSTELLEN_TABLE)
    assert [(p.grade, p.count) for p in found] == [
        ("A15", 2),
        ("A13 / A14", 1),
        ("A13 Z", 1),
        ("A13", 5),
        ("A12", 8),
        ("A9 / A11", 42),
        ("A9 / A11", 46),
        ("A6", 1),
        ("EG 9b", 5),
        ("EG 9b", 4),
        ("EG 6", 6),
        ("EG 6", 8),
        ("EG 6", 7),
    ]
    assert found[4].span.quote == "A12 8 2 5,925 8 3 4,775 8 3 4,775"
    assert found[1].span.quote == "A13 / \nA14\n1 1 1 1 1 1"


def test_table_with_a_year_per_column() -> None:
    found = _posts(
        "Die Zahl der Planstellen im Referat ergibt sich aus der folgenden Tabelle.\n"
        "Besoldungsgruppe 2023 2024 2025\n"
        "A 13 h 3 4 4\n"
        "A 14 2 2 –\n"
        "E 13 1,5 1,5 2\n"
    )
    assert [(p.grade, p.count) for p in found] == [
        ("A13h", 3),
        ("A13h", 4),
        ("A14", 2),
        ("EG 13", Decimal("1.5")),
        ("EG 13", 2),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # Counts of staff by pay grade (Drucksache 21/394): no posts.
        "Tabelle: Zahl der Beschäftigten, aufgeschlüsselt nach Entgelt- und \n"
        "Besoldungsgruppen zum Stichtag 30. Juni 2021 (882 gesamt)\n"
        "Laufbahn Besoldungsgruppe Gesamtergebnis\n"
        "E3 6\nE4 11\nEinfacher DienstD Ergebnis 17\nE5 15\nE6 43\n",
        # Staff counted where posts were asked about too: the people are named last.
        "Wie viele Stellen sind vorgesehen, und wie viele Mitarbeiterinnen und Mitarbeiter sind dort tätig?\n"
        "Die Zahl der Mitarbeiterinnen und Mitarbeiter ergibt sich aus der Tabelle.\n"
        "Besoldungsgruppe 2021 2022 2023 2024\n"
        "B11 3 3 3 3\nB9 7 8 8 8\nA16 32 24 35 46\n",
        # Several columns that are not dates: which one counts posts is not known.
        "Stellenplan des Referats\nBesoldungsgruppe Zugang Abgang Saldo\nA 13 3 1 2\nA 12 2 2 0\n",
        # Officials by grade (Drucksache 21/435).
        "Zum Stichtag 23. Mai 2025 sind 165 Beamtinnen und Beamte (22× A 13 h, \n"
        "28× A 14, 59× A 15, 17× A 16, 22× B 3, 13× B 6, 4× B 9) im BMUKN\nbeschäftigt.",
        # A year heads the column of Planstellen: no count.
        "März 2024 Januar 2025 Juli 2025\nPlanstellen\nAnzahl unbesetzt",
    ],
)
def test_no_posts_in_counts_of_people_or_unknown_columns(text: str) -> None:
    assert _posts(text) == []


def test_a_table_row_with_one_count_under_a_planstellen_head() -> None:
    found = _posts("Planstellen im Haushalt 2025 nach Besoldungsgruppen:\nA 15 2\nA 13 g 4\nEG 9b 3\n")
    assert [(p.grade, p.count) for p in found] == [("A15", 2), ("A13g", 4), ("EG 9b", 3)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Im BMF sind 3 Planstellen der Besoldungsgruppe A 13 ausgebracht.", [("A13", 3)]),
        (
            "Dafür wurden 2 Planstellen nach A 13 Z und eine Stelle nach EG 9b geschaffen.",
            [("A13 Z", 2), ("EG 9b", 1)],
        ),
        ("Es sind Stellen (2 x A 14, 1 x E 13) vorgesehen.", [("A14", 2), ("EG 13", 1)]),
    ],
)
def test_prose_posts_of_a_grade(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert [(p.grade, p.count) for p in _posts(sentence)] == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "Die folgenden Tabellen 1 bis 4 stellen Umfang und die Verteilung der Überstunden dar.",
        "Mit dem Systemstabilitätsbericht 2025 stellen die Übertragungsnetzbetreiber den Stand dar.",
    ],
)
def test_the_verb_stellen_is_no_post(sentence: str) -> None:
    assert _posts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Hierfür wurden zwei Stellen der Entgeltgruppe 13 TVöD geschaffen.", [("EG 13", 2)]),
        ("Es ist eine Planstelle der Entgeltgruppe 9b vorgesehen.", [("EG 9b", 1)]),
        # A wage in a grade is no post.
        ("Das Entgelt in der Entgeltgruppe 13 beträgt 4.500 Euro.", []),
    ],
)
def test_entgeltgruppe_by_number(sentence: str, expected: list[tuple[str, int]]) -> None:
    assert [(p.grade, p.count) for p in _posts(sentence)] == expected


def test_soll_column_beside_ist() -> None:
    text = (
        "Stellenplan des Referats (Planstellen)\nBesoldungsgruppe Soll Ist\nA 15 2 1\nA 13 4 4\nE 12 3 2,5\n"
    )
    assert [(p.grade, p.count) for p in _posts(text)] == [("A15", 2), ("A13", 4), ("EG 12", 3)]
    # Soll and Ist under years: which column is which is not told apart.
    assert _posts("Planstellen\nSoll 2024 Ist 2024\nA 15 2 1\nA 13 4 4\n") == []


def test_what_posts_cost_by_grade_is_no_post() -> None:
    text = "Personalkostensätze je Planstelle\nBesoldungsgruppe in Euro\nA 13 78.500\nA 12 71.200\n"
    assert _posts(text) == []


def test_counts_in_words_and_places_in_a_text() -> None:
    from kg.extract.posts import extract_posts
    from kg.ingest import document_from_text

    doc = document_from_text(
        "t",
        "Darunter befinden sich 16 Stellen für IT-Aufgaben, fünf Stellen für die Digitalisierung und "
        "vier Stellen im Bereich Forschung. Der Koalitionsvertrag sieht an insgesamt drei Stellen vor, "
        "dass die Nutzung gestärkt wird.",
    )
    assert sorted(p.count for p in extract_posts(doc)) == [4, 5, 16]


def test_counts_with_space_grouped_thousands() -> None:
    found = _posts("Der Neubau wird gemäß Stellenplan des Jahres 2023 für 5 369 Stellen geplant.")
    assert [(p.grade, p.count, p.span.quote) for p in found] == [(None, 5369, "5 369 Stellen")]
    # A year right before the count is no thousands group of it.
    assert [p.count for p in _posts("Im Jahr 2023 369 Stellen besetzt.")] != [2023369]
