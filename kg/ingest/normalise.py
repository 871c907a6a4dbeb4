"""A clean view of a document's text for extractors, with a map back to the text as shipped.

The clean view drops page furniture (running heads, page numbers, the Bundestag's "Die Antwort
wurde namens der Bundesregierung ... übermittelt." box, imprint lines), joins words hyphenated at
line ends, drops soft hyphens, folds odd dashes, quotes and spaces, and collapses whitespace runs.
Every clean character maps to one character of the original, so a clean [start, end) maps to an
original [start, end) whose quote is the original words (including furniture it spans).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import accumulate
from typing import overload

from kg.model import Document

# Page furniture, matched on the text as shipped. Each pattern matches whole lines (or the inline
# block of an NRW excerpt whose line breaks were collapsed).
_FURNITURE = re.compile(
    "|".join(
        [
            # NRW: "Datum des Originals: 18.08.2020/Ausgegeben: 24.08.2020"
            r"Datum\s+des\s+Originals:\s*\d{1,2}\.\d{1,2}\.\d{4}\s*/\s*Ausgegeben:\s*\d{1,2}\.\d{1,2}\.\d{4}",
            # NRW imprint: "Die Veröffentlichungen des Landtags ... www.landtag.nrw.de"
            r"Die\s+Veröffentlichungen\s+des\s+Landtags\s.{0,400}?(?:www\.landtag\.nrw\.de|möglich\s+über\s*$)",
            # NRW running heads of later pages
            r"^[ \t]*Landtag\s+Nordrhein-Westfalen[ \t]+\d{1,3}[ \t]+Drucksache\s+\d+/\d+[ \t]*$",
            r"^[ \t]*Drucksache\s+\d+/\d+[ \t]+\d{1,3}[ \t]+Landtag\s+Nordrhein-Westfalen[ \t]*$",
            # Bundestag running heads: "Drucksache 21/1456 – 2 – Deutscher Bundestag – 21. Wahlperiode"
            r"^[ \t]*Drucksache\s+\d+/\d+(?:[ \t]*\(neu\))?[ \t]+[–-][ \t]*\d{1,3}[ \t]*[–-][ \t]+"
            r"Deutscher\s+Bundestag[ \t]+[–-][ \t]+\d+\.[ \t]*Wahlperiode[ \t]*$",
            r"^[ \t]*Deutscher\s+Bundestag[ \t]+[–-][ \t]+\d+\.[ \t]*Wahlperiode[ \t]+"
            r"[–-][ \t]*\d{1,3}[ \t]*[–-]"
            r"[ \t]+Drucksache\s+\d+/\d+(?:[ \t]*\(neu\))?[ \t]*$",
            # Bundestag first-page box
            r"^[ \t]*Die\s+Antwort\s+wurde\s+(?:namens\s+|mit\s+Schreiben\s+).{0,300}?übermittelt\.[ \t]*$",
            r"^[ \t]*Die\s+Drucksache\s+enthält\s+zusätzlich\s.{0,80}?Fragetext\.[ \t]*$",
            # Bundestag imprint
            r"^[ \t]*(?:Gesamtherstellung|Vertrieb):[^\n]*$",
            r"^[ \t]*ISSN\s+\d{4}-\d{3}[\dX][ \t]*$",
            # Saarland: "Drucksache 15/1284 (15/1217) Landtag des Saarlandes - 15. Wahlperiode -"
            r"^[ \t]*Drucksache\s+\d+/\d+(?:[ \t]*\(\d+/\d+\))?[ \t]+Landtag\s+des\s+\w+"
            r"[ \t]*-[ \t]*\d+\.[ \t]*"
            r"Wahlperiode[ \t]*-[ \t]*$",
            # Landtag running heads: "Landtag Brandenburg – 7. Wahlperiode – Drucksache 7/1234", reversed too
            r"^[ \t]*(?:Landtag|LANDTAG)[ \t]+[\w \t-]{3,40}?[ \t]*[-–]?[ \t]*\d+\.[ \t]*Wahlperiode"
            r"[ \t]*[-–]?[ \t]*(?:[-–][ \t]*\d{1,3}[ \t]*[-–][ \t]*)?Drucksache[ \t]+\d+/\d+[ \t]*$",
            r"^[ \t]*Drucksache[ \t]+\d+/\d+[ \t]+(?:[-–][ \t]*\d{1,3}[ \t]*[-–][ \t]*)?"
            r"(?:Landtag|LANDTAG)[ \t]+[\w \t-]{3,40}?[ \t]*[-–][ \t]*\d+\.[ \t]*Wahlperiode"
            r"[ \t]*[-–]?[ \t]*$",
            # bare page numbers "- 3 -", "– 3 –", "Seite 3 von 7"
            r"^[ \t]*[-–][ \t]*\d{1,3}[ \t]*[-–][ \t]*$",
            r"^[ \t]*Seite[ \t]+\d{1,3}(?:[ \t]+von[ \t]+\d{1,3})?[ \t]*$",
        ]
    ),
    re.MULTILINE | re.DOTALL,
)
# Where page furniture may be: the full patterns run only there. Two scans, because a pattern whose
# every branch starts with a letter lets the regex engine skip ahead by the first character, and the
# line-start hints are found fastest as a newline followed by them (the text's first line is checked
# on its own).
_HINT_WORDS = re.compile(
    r"Datum\s+des\s+Originals|Veröffentlichungen\s+des|Wahlperiode|Die\s+Antwort\s+wurde|Die\s+Drucksache\s+enthält"
    r"|Gesamtherstellung:|Vertrieb:|ISSN\s|Seite\s+\d"
)
_HINT_LINE_BODY = r"(?:[ \t]*[-–][ \t]*\d{1,3}[ \t]*[-–][ \t]*$|Landtag|Drucksache)"
_HINT_LINE = re.compile(r"\n" + _HINT_LINE_BODY, re.MULTILINE)
_HINT_FIRST_LINE = re.compile(_HINT_LINE_BODY, re.MULTILINE)
# Whitespace runs, odd spaces, soft hyphens and zero-width characters. A run with a line break after
# "letter-" is a hyphenated word: the hyphen goes before a lower-case continuation ("Netzzustands-|noten"),
# stays before an upper-case one ("Ruhr-|Konferenz") and before "und"/"oder"/... ("Industrie- und").
# A run of two or more becomes one space; a lone line break, tab or odd space becomes one space in place
# (the offsets stay), a lone invisible character goes. The class is \s spelled out, which the regex
# engine scans faster than the category.
_SPACE = " \t\n\r\f\v\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"
_ODD = "\u00a0\u2000-\u200a\u202f\u205f\u3000\u00ad\u200b-\u200d\ufeff"
_INVISIBLE_CHARS = "\u00ad\u200b\u200c\u200d\ufeff"
_CLASS = "[" + _SPACE + _ODD + "]"
_RUNS = re.compile("(" + _CLASS + _CLASS + "+)")
_HYPHEN_BREAK = re.compile("-(?=" + _CLASS + "*\n)")
_INVISIBLE = re.compile("[" + _INVISIBLE_CHARS + "]")
_WORD = re.compile(r"\w+")
_KEEP_HYPHEN_BEFORE = re.compile(r"(?:und|oder|bzw|sowie|bis|als|wie|noch)\b|[^a-zäöüß]")
_FOLD = {
    "\u2010": "-",
    "\u2011": "-",
    "\u2012": "–",
    "\u2014": "–",
    "\u2015": "–",
    "\u2212": "–",
    "\u201d": "“",
    "\u201f": "“",
    "\u2033": "“",
    "\u2019": "'",
    "\u2018": "'",
    "\u00b4": "'",
}
# Lone tabs and odd spaces become a space too (lone line breaks are replaced on their own, faster).
_LONE_SPACES = "\t\r\f\v\u00a0\u202f\u205f\u3000" + "".join(chr(c) for c in range(0x2000, 0x200B))
_ONE_TO_ONE = _FOLD | dict.fromkeys(_LONE_SPACES, " ")
_ONE_TO_ONE_RE = re.compile("[" + "".join(sorted(_ONE_TO_ONE)) + "]")


class OffsetMap(Sequence[int]):
    """For every clean character the offset of its original one, kept as pieces that run in step.

    Piece k starts at clean offset `starts[k]` and original offset `origins[k]`; within a piece both
    advance together. A document of megabytes has a few thousand pieces, not millions of numbers.
    """

    __slots__ = ("_length", "_origins", "_starts")

    def __init__(self, starts: list[int], origins: list[int], length: int) -> None:
        self._starts = starts
        self._origins = origins
        self._length = length

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, i: int) -> int: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[int, ...]: ...

    def __getitem__(self, i: int | slice) -> int | tuple[int, ...]:
        if isinstance(i, slice):
            return tuple(self._at(k) for k in range(*i.indices(self._length)))
        if i < 0:
            i += self._length
        if not 0 <= i < self._length:
            raise IndexError("offset map index out of range")
        return self._at(i)

    def _at(self, i: int) -> int:
        k = bisect_right(self._starts, i) - 1
        return self._origins[k] + i - self._starts[k]

    def __iter__(self) -> Iterator[int]:
        ends = [*self._starts[1:], self._length] if self._starts else []
        for s, o, e in zip(self._starts, self._origins, ends, strict=True):
            yield from range(o, o + e - s)

    def index_of(self, o: int) -> int:
        """The first clean offset whose original offset is >= `o` (len(self) when there is none)."""
        k = bisect_right(self._origins, o) - 1
        if k < 0:
            return 0
        end = self._starts[k + 1] if k + 1 < len(self._starts) else self._length
        i = self._starts[k] + o - self._origins[k]
        return i if i < end else end

    def pieces(self) -> tuple[tuple[int, int], ...]:
        """(clean start, original start) of every piece."""
        return tuple(zip(self._starts, self._origins, strict=True))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, OffsetMap):
            return self._length == other._length and self.pieces() == other.pieces()
        if isinstance(other, tuple | list):
            return len(other) == self._length and all(a == b for a, b in zip(self, other, strict=True))
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self._length, self.pieces()))

    def __repr__(self) -> str:
        return f"OffsetMap({len(self._starts)} pieces, {self._length} offsets)"


@dataclass(frozen=True)
class CleanText:
    """The clean view: `text`, and for every clean character the offset of its original one."""

    text: str
    omap: OffsetMap = field(repr=False)
    original_length: int
    furniture: tuple[tuple[int, int], ...] = ()  # original [start, end) of removed page furniture

    def to_original(self, i: int) -> int:
        """Original offset of clean offset `i` (i == len(text) maps to the original end)."""
        if i >= len(self.omap):
            return self.original_length if not self.omap else self.omap[-1] + 1
        return self.omap[i]

    def span_to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original [start, end) covering the clean [start, end)."""
        if end <= start:
            o = self.to_original(start)
            return o, o
        return self.omap[start], self.omap[end - 1] + 1

    def to_clean(self, o: int) -> int:
        """The first clean offset at or after original offset `o` (len(text) past the end)."""
        return self.omap.index_of(o)


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Original [start, end) of page furniture (running heads, page numbers, answer box, imprint)."""
    hints = [(m.start(), m.end()) for m in _HINT_WORDS.finditer(text)]
    line_hints = [(m.start() + 1, m.end()) for m in _HINT_LINE.finditer(text)]
    first = _HINT_FIRST_LINE.match(text)
    if first:
        line_hints.insert(0, first.span())
    if line_hints:
        # As one scan would find them: leftmost first, none starting inside an earlier one.
        merged: list[tuple[int, int]] = []
        end = -1
        for h in sorted(hints + line_hints):
            if h[0] >= end:
                merged.append(h)
                end = h[1]
        hints = merged
    out: list[tuple[int, int]] = []
    done = -1
    for h_start, _h_end in hints:
        if h_start < done:
            continue
        line_start = text.rfind("\n", 0, h_start) + 1
        for at in (line_start, h_start) if line_start != h_start else (line_start,):
            m = _FURNITURE.match(text, at)
            if m and m.end() > m.start():
                out.append(m.span())
                done = m.end()
                break
    return out


def _decide(text: str, s: int, e: int) -> tuple[int, str]:
    """How the run text[s:e] goes: (start, replacement) for text[start:e]; start is s - 1 to drop a hyphen."""
    run = text[s:e]
    if not run.strip(_INVISIBLE_CHARS):
        return s, ""
    broken = "\n" in run
    if broken and s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha() and e < len(text):
        keep = _KEEP_HYPHEN_BEFORE.match(text, e)
        if keep and keep.group()[0].islower():
            return s, " "  # an elided compound ("Industrie-|und"): keep the hyphen and one space
        if keep and not _joins_capitals(text, s, e):
            return s, ""
        return s - 1, ""
    if broken and "\u00ad" in run and s >= 1 and text[s - 1].isalpha():
        return s, ""  # "Netz\u00ad\nnoten": a soft hyphen at a line end joins the word
    return s, " "


def _joins_capitals(text: str, s: int, e: int) -> bool:
    """Whether "ELE-|MENT" (capitals on both sides of a hyphen at a line end) is one hyphenated word.

    Capitals are as often a compound of names or abbreviations ("BADEN-|WÜRTTEMBERG", "EU-|ETS"), so the
    document decides: the joined word is written elsewhere in it, and the hyphenated form nowhere.
    """
    i = s - 1
    while i > 0 and text[i - 1].isalpha():
        i -= 1
    left = text[i : s - 1]
    m = _WORD.match(text, e)
    right = m.group() if m else ""
    if len(left) < 2 or len(right) < 2 or not (left.isupper() and right.isupper() and right.isalpha()):
        return False
    lower = _lower(text)
    return _has_word(lower, (left + right).lower()) and not _has_word(lower, (left + "-" + right).lower())


@lru_cache(maxsize=2)
def _lower(text: str) -> str:
    return text.lower()


def _has_word(text: str, word: str) -> bool:
    """Whether `word` stands in `text` as a whole word (str.find: far faster than a case-blind regex)."""
    i = text.find(word)
    while i >= 0:
        j = i + len(word)
        if (i == 0 or not text[i - 1].isalnum()) and (j == len(text) or not text[j].isalnum()):
            return True
        i = text.find(word, i + 1)
    return False


def _clean_runs(text: str) -> tuple[str, list[int], list[int]]:
    """Collapse whitespace runs, drop invisible characters, join words hyphenated at line ends.

    Returns the new text and its map back to `text` as pieces (clean starts, starts in `text`).
    """
    # parts alternates kept text and replaced stretches; every stretch of two or more becomes " ".
    parts = _RUNS.split(text)
    reps = [" "] * (len(parts) // 2)
    specials: list[int] = []  # indices of stretches replaced by "" (they may leave an empty piece)
    hyphens = [m.start() for m in _HYPHEN_BREAK.finditer(text)]
    invisible = [m.start() for m in _INVISIBLE.finditer(text)] if _has_invisible(text) else []
    if hyphens or invisible:
        cum = list(accumulate(map(len, parts)))
        run_starts = cum[0::2][:-1]
        run_ends = cum[1::2]
        runs: set[int] = set()  # stretches of two or more that need a closer look
        singles: set[int] = set()  # lone characters that change length
        for h in hyphens:
            i = bisect_left(run_starts, h + 1)
            if i < len(run_starts) and run_starts[i] == h + 1:
                runs.add(i)
            else:
                singles.add(h + 1)
        for q in invisible:
            i = bisect_right(run_starts, q) - 1
            if i >= 0 and q < run_ends[i]:
                runs.add(i)
            else:
                singles.add(q)
        changes: list[tuple[int, int, int, str, int]] = []  # (start, end, kind, replacement, run index)
        for i in runs:
            start, rep = _decide(text, run_starts[i], run_ends[i])
            changes.append((start, run_ends[i], 0, rep, i))
        for q in singles:
            start, rep = _decide(text, q, q + 1)
            if rep != " ":
                changes.append((start, q + 1, 1, rep, -1))
        # Right to left, so that the indices of the stretches before stay valid.
        for start, end, kind, rep, i in sorted(changes, reverse=True):
            if kind == 0:
                if start < run_starts[i]:
                    parts[2 * i] = parts[2 * i][:-1]
                    parts[2 * i + 1] = text[start:end]
                reps[i] = rep
                if not rep:
                    specials.append(i)
                continue
            j = bisect_right(run_starts, start)
            kept = parts[2 * j]
            x = start - (run_ends[j - 1] if j else 0)
            parts[2 * j : 2 * j + 1] = [kept[:x], text[start:end], kept[x + end - start :]]
            reps.insert(j, rep)
            specials = [k + 1 if k >= j else k for k in specials]
            if not rep:
                specials.append(j)
    origins = list(accumulate(map(len, parts)))[1::2]
    out = parts[:]
    out[1::2] = reps
    starts = list(accumulate(map(len, out)))[1::2]
    starts.insert(0, 0)
    origins.insert(0, 0)
    # A stretch replaced by nothing right after another one leaves an empty piece: drop it.
    for i in sorted({i for i in specials if not parts[2 * i]}, reverse=True):
        del starts[i]
        del origins[i]
    return "".join(out), starts, origins


def _has_invisible(text: str) -> bool:
    return any(c in text for c in _INVISIBLE_CHARS)


def _one_to_one(text: str) -> str:
    """Lone line breaks, tabs and odd spaces to spaces; odd dashes and quotes folded."""
    text = text.replace("\n", " ")
    return _ONE_TO_ONE_RE.sub(lambda m: _ONE_TO_ONE[m.group()], text)


def _drop_furniture(text: str, furniture: list[tuple[int, int]]) -> tuple[str, list[int], list[int]]:
    """The text without its furniture, and the map back as pieces."""
    parts: list[str] = []
    starts: list[int] = []
    origins: list[int] = []
    size = 0
    last = 0
    for s, e in furniture:
        if s > last:
            starts.append(size)
            origins.append(last)
            parts.append(text[last:s])
            size += s - last
        last = e
    if last < len(text):
        starts.append(size)
        origins.append(last)
        parts.append(text[last:])
    if not starts:
        starts, origins = [0], [0]
    return "".join(parts), starts, origins


def _compose(
    starts: list[int], origins: list[int], length: int, inner_starts: list[int], inner_origins: list[int]
) -> tuple[list[int], list[int]]:
    """The map view -> original from view -> middle text (starts, origins) and middle text -> original.

    The inner map has a piece per furniture gap (a handful); the outer one a piece per line.
    """
    out_s: list[int] = []
    out_o: list[int] = []
    n = len(starts)
    i = 0
    for j, a in enumerate(inner_starts):
        b = inner_starts[j + 1] if j + 1 < len(inner_starts) else None
        d = inner_origins[j] - a
        if i > 0:
            # The outer piece before may run on past the inner piece's start.
            end = starts[i] if i < n else length
            if origins[i - 1] < a < origins[i - 1] + end - starts[i - 1]:
                out_s.append(starts[i - 1] + a - origins[i - 1])
                out_o.append(a + d)
        k = bisect_left(origins, b, i) if b is not None else n
        out_s.extend(starts[i:k])
        out_o.extend([o + d for o in origins[i:k]])
        i = k
    return out_s, out_o


def clean_text(text: str) -> CleanText:
    """The clean view of a raw text (see the module docstring)."""
    furniture = furniture_spans(text)
    t = text
    if furniture:
        t, inner_starts, inner_origins = _drop_furniture(text, furniture)
    t, starts, origins = _clean_runs(t)
    if furniture:
        starts, origins = _compose(starts, origins, len(t), inner_starts, inner_origins)
    # One-to-one replacements keep the map as it is.
    t = _one_to_one(t)
    # Strip leading/trailing whitespace of the whole view without losing the map.
    lead = len(t) - len(t.lstrip())
    trail = len(t.rstrip())
    omap = _cut(starts, origins, lead, trail)
    return CleanText(t[lead:trail], omap, len(text), tuple(furniture))


def _cut(starts: list[int], origins: list[int], lead: int, trail: int) -> OffsetMap:
    """The map of the view's [lead, trail) stretch, renumbered from 0."""
    if trail <= lead:
        return OffsetMap([], [], 0)
    k = bisect_right(starts, lead) - 1
    j = bisect_left(starts, lead + 1)
    m = bisect_left(starts, trail, j)
    new_starts = [0, *(s - lead for s in starts[j:m])] if lead else [0, *starts[j:m]]
    new_origins = [origins[k] + lead - starts[k], *origins[j:m]]
    return OffsetMap(new_starts, new_origins, trail - lead)


@lru_cache(maxsize=256)
def _cached(doc_id: str, text: str) -> CleanText:
    return clean_text(text)


def clean_view(doc: Document) -> CleanText:
    """The cached clean view of a document."""
    return _cached(doc.id, doc.text)
