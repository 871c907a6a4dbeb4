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


@pytest.mark.parametrize(("raw", "norm"), [("EG9", "EG 9"), ("E 13", "EG 13"), ("A 11", "A11"), ("b2", "B2")])
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
