"""Shared text helpers for extractors: sentence boundaries, German numbers, month names, years.

Other extractors import from here; the functions below are kept stable.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from kg.ingest.lexicon import MONTH_RE, MONTHS, iso_date

__all__ = [
    "MONTHS",
    "MONTH_RE",
    "NUMBER_WORDS",
    "Sentences",
    "collapse",
    "iso_date",
    "number_word",
    "parse_number",
    "sentence_bounds",
    "sentences_of",
    "years_in",
]

NUMBER_WORDS: dict[str, int] = {
    "ein": 1,
    "eine": 1,
    "einer": 1,
    "einem": 1,
    "einen": 1,
    "eins": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "hundert": 100,
}
NUMBER_WORD_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = (
    "Abs|Art|Nr|Drs|bzw|ca|vgl|z\\.B|z\\. B|u\\.a|u\\. a|d\\.h|d\\. h|Dr|Prof|St|Mio|Mrd|Tsd|rd|Az|Buchst|"
    "gem|ggf|inkl|insb|evtl|Ziff|lfd|Kap|Tit|Std|Jh|Hrsg|sog|o\\.g|o\\. g|usw|etc|Mill|bspw|zzgl|ff|S|Anl"
)
# A sentence ends at . ! ? followed by whitespace and an upper-case letter, a digit or a quote,
# unless the full stop belongs to an abbreviation or an ordinal ("18. August", "1. Januar").
_BOUNDARY = re.compile(r"[.!?;]\s+(?=[A-ZÄÖÜ„\"(•\-–#*]|\d+\.\s)|\n\s*\n|\n(?=\s*(?:[•\-–]\s|\d{1,2}\.\s))")
_ABBREV_END = re.compile(r"\b(?:" + _ABBREV + r")\.$")
_ORDINAL_END = re.compile(r"(?:\b\d{1,2}|\b[A-Za-z])\.$")


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text` (a plain heuristic for German official prose)."""
    out: list[tuple[int, int]] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        end = m.start() + 1 if text[m.start()] in ".!?;" else m.start()
        if text[m.start()] == "." and _ABBREV_END.search(text, max(0, end - 12), end):
            continue
        if text[m.start()] == "." and _ORDINAL_END.search(text, max(0, end - 4), end):
            # "18. August", "1. Januar": an ordinal, unless a new sentence plainly starts after it.
            nxt = text[m.end() : m.end() + 12]
            if not re.match(r"[A-ZÄÖÜ][a-zäöüß]+\s+[a-zäöüß]", nxt) or re.match(MONTH_RE, nxt):
                continue
        if end > start:
            out.append((start, end))
        start = m.end()
    if start < len(text):
        out.append((start, len(text)))
    return out


class Sentences:
    """Sentence lookup for one text: the sentence around an offset, fast (bisect)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.bounds = sentence_bounds(text)
        self._starts = [s for s, _ in self.bounds]

    def index(self, offset: int) -> int:
        """Index of the sentence containing `offset`."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def around(self, offset: int) -> tuple[int, int]:
        """[start, end) of the sentence containing `offset`."""
        if not self.bounds:
            return 0, len(self.text)
        return self.bounds[self.index(offset)]


@lru_cache(maxsize=64)
def sentences_of(text: str) -> Sentences:
    """The (cached) sentence index of a text: extractors of one document share it."""
    return Sentences(text)


def parse_number(s: str) -> Decimal | None:
    """A German-formatted number: "2.557.015,68", "583.900", "1,5", "19 610 000", "3.95" (decimal)."""
    s = s.strip().replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    s = s.replace(" ", "").replace("'", "")
    if not s:
        return None
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        s = s.replace(".", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def number_word(s: str) -> int | None:
    """Value of a German number word ("fünf" -> 5), or of digits."""
    s = s.strip().lower()
    if s.isdigit():
        return int(s)
    return NUMBER_WORDS.get(s)


YEAR_RE = re.compile(r"(?<![\d/.,])(?:19[5-9]\d|20[0-4]\d)(?![\d/]|,\d|\.\d)")


def years_in(text: str) -> list[tuple[int, int, int]]:
    """(year, start, end) of each plausible year 1950-2049 in `text`, not inside other numbers."""
    return [(int(m.group()), m.start(), m.end()) for m in YEAR_RE.finditer(text)]


def collapse(s: str) -> str:
    """Whitespace runs folded to one space, ends stripped."""
    return " ".join(s.split())
