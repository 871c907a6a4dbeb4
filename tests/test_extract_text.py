"""Shared text helpers: sentence bounds, and the fast paths that stand in for slow regex scans."""

from __future__ import annotations

import re

from kg.extract._text import compound_starts, found_starts, matches_at, positions, sentence_bounds


def _sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in sentence_bounds(text)]


def test_sentence_bounds_keep_abbreviations_and_ordinals_inside() -> None:
    text = (
        "Die Mittel (vgl. Drs. 17/9990) wurden am 18. August 2020 bewilligt. Sie betragen z. B. 5 Mio. Euro; "
        "das ist viel. Am 1. Januar begann es.\n\n• Punkt eins\n- Punkt zwei"
    )
    assert _sentences(text) == [
        "Die Mittel (vgl. Drs. 17/9990) wurden am 18. August 2020 bewilligt.",
        # A semicolon ends a sentence only before a capital.
        "Sie betragen z. B. 5 Mio. Euro; das ist viel.",
        "Am 1. Januar begann es.",
        "• Punkt eins",
        "- Punkt zwei",
    ]


def test_an_ordinal_ends_a_sentence_when_a_new_one_plainly_starts() -> None:
    assert _sentences("Das war 2. Danach kam es anders.") == ["Das war 2.", "Danach kam es anders."]


def test_matches_at_is_finditer_at_the_given_starts() -> None:
    text = "Der Koalitionsvertrag zwischen A und B; ein Vertrag mit C; Vertragsvertrag mit D."
    rx = re.compile(r"(?:[A-ZÄÖÜ][a-zäöüß]+)?[Vv]ertrag\w*\s+(?:zwischen|mit)")
    starts = compound_starts(text, (("ertrag", "Vv"),), True, 1)
    assert [m.group() for m in matches_at(rx, text, starts)] == [m.group() for m in rx.finditer(text)]


def test_found_starts_take_literals_and_patterns() -> None:
    text = "so sagte er, also so  gesagt"
    assert positions(text, "so") == (0, 15, 18)
    assert sorted(found_starts(text, "sagte", re.compile(r"so(?=\s)"))) == [0, 3, 15, 18]
