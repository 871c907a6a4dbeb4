"""A clean view of a document's text for extractors, with a map back to the text as shipped.

The clean view drops page furniture (running heads, page numbers, the Bundestag's "Die Antwort
wurde namens der Bundesregierung ... übermittelt." box, imprint lines), joins words hyphenated at
line ends, drops soft hyphens, folds odd dashes, quotes and spaces, and collapses whitespace runs.
Every clean character maps to one character of the original, so a clean [start, end) maps to an
original [start, end) whose quote is the original words (including furniture it spans).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

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
            r"^[ \t]*Deutscher\s+Bundestag[ \t]+[–-][ \t]+\d+\.[ \t]*Wahlperiode[ \t]+[–-][ \t]*\d{1,3}[ \t]*[–-]"
            r"[ \t]+Drucksache\s+\d+/\d+(?:[ \t]*\(neu\))?[ \t]*$",
            # Bundestag first-page box
            r"^[ \t]*Die\s+Antwort\s+wurde\s+(?:namens\s+|mit\s+Schreiben\s+).{0,300}?übermittelt\.[ \t]*$",
            r"^[ \t]*Die\s+Drucksache\s+enthält\s+zusätzlich\s.{0,80}?Fragetext\.[ \t]*$",
            # Bundestag imprint
            r"^[ \t]*(?:Gesamtherstellung|Vertrieb):.*$",
            r"^[ \t]*ISSN\s+\d{4}-\d{3}[\dX][ \t]*$",
            # Saarland: "Drucksache 15/1284 (15/1217) Landtag des Saarlandes - 15. Wahlperiode -"
            r"^[ \t]*Drucksache\s+\d+/\d+(?:[ \t]*\(\d+/\d+\))?[ \t]+Landtag\s+des\s+\w+[ \t]*-[ \t]*\d+\.[ \t]*"
            r"Wahlperiode[ \t]*-[ \t]*$",
            # bare page numbers "- 3 -", "– 3 –", "Seite 3 von 7"
            r"^[ \t]*[-–][ \t]*\d{1,3}[ \t]*[-–][ \t]*$",
            r"^[ \t]*Seite[ \t]+\d{1,3}(?:[ \t]+von[ \t]+\d{1,3})?[ \t]*$",
        ]
    ),
    re.MULTILINE | re.DOTALL,
)
# A word hyphenated at a line end, possibly with furniture already removed between the parts.
# Before a lower-case continuation the hyphen goes ("Netzzustands-|noten"); before an upper-case one
# it stays ("Ruhr-|Konferenz"); before "und"/"oder"/... it is an elided compound ("Industrie- und").
_HYPHEN_BREAK = re.compile(
    r"(?<=[A-Za-zÄÖÜäöüß])-[ \t]*\n\s*(?=(?!(?:und|oder|bzw|sowie|bis|als|wie|noch)\b)[a-zäöüß])"
    r"|(?<=[A-Za-zÄÖÜäöüß])-[ \t]*\n\s*(?=[A-ZÄÖÜ0-9])"
)
_WS = re.compile(r"[ \t\r\n\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]{2,}|[\t\r\n\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_SOFT = re.compile("[\u00ad\u200b\u200c\u200d\ufeff]")
_TRANSLATE = str.maketrans(
    {
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
)


@dataclass(frozen=True)
class CleanText:
    """The clean view: `text`, and for every clean character the offset of its original one."""

    text: str
    omap: tuple[int, ...] = field(repr=False)
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


def _pass(
    text: str, omap: list[int], pattern: re.Pattern[str], repl: Callable[[re.Match[str]], str]
) -> tuple[str, list[int]]:
    """Apply `repl` to each match, keeping the offset map in step (replacement maps to match start)."""
    parts: list[str] = []
    nmap: list[int] = []
    last = 0
    for m in pattern.finditer(text):
        s, e = m.span()
        parts.append(text[last:s])
        nmap.extend(omap[last:s])
        r = repl(m)
        if r:
            parts.append(r)
            # A space replacing a run maps to the run's first char; any other replacement is 1:1
            # with the start of the match so that quotes begin at real characters.
            nmap.extend([omap[s]] * len(r) if s < len(omap) else [len(omap)] * len(r))
        last = e
    if last == 0 and not parts:
        return text, omap
    parts.append(text[last:])
    nmap.extend(omap[last:])
    return "".join(parts), nmap


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Original [start, end) of page furniture (running heads, page numbers, answer box, imprint)."""
    return [m.span() for m in _FURNITURE.finditer(text)]


def clean_text(text: str) -> CleanText:
    """The clean view of a raw text (see the module docstring)."""
    furniture = furniture_spans(text)
    omap = list(range(len(text)))
    t, omap = _pass(text, omap, _FURNITURE, lambda m: "")
    t, omap = _pass(t, omap, _SOFT, lambda m: "")
    t, omap = _pass(t, omap, _HYPHEN_BREAK, lambda m: "" if _lower_next(m) else "-")
    t = t.translate(_TRANSLATE)
    t, omap = _pass(t, omap, _WS, lambda m: " ")
    # Strip leading/trailing whitespace of the whole view without losing the map.
    lead = len(t) - len(t.lstrip())
    trail = len(t.rstrip())
    t, omap = t[lead:trail], omap[lead:trail]
    return CleanText(t, tuple(omap), len(text), tuple(furniture))


def _lower_next(m: re.Match[str]) -> bool:
    nxt = m.string[m.end() : m.end() + 1]
    return bool(nxt) and nxt.islower()


@lru_cache(maxsize=256)
def _cached(doc_id: str, text: str) -> CleanText:
    return clean_text(text)


def clean_view(doc: Document) -> CleanText:
    """The cached clean view of a document."""
    return _cached(doc.id, doc.text)
