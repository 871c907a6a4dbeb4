"""A clean view of a document's text for extractors, with a map back to the text as shipped.

The clean view drops page furniture (running heads, page numbers, the Bundestag's "Die Antwort
wurde namens der Bundesregierung ... übermittelt." box, imprint lines), joins words hyphenated at
line ends, drops soft hyphens, folds odd dashes, quotes and spaces, and collapses whitespace runs.
Every clean character maps to one character of the original, so a clean [start, end) maps to an
original [start, end) whose quote is the original words (including furniture it spans).
"""

from __future__ import annotations

import re
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
# Cheap literals that page furniture starts with or contains; the full patterns run only there.
_FURNITURE_HINT = re.compile(
    r"Datum\s+des\s+Originals|Veröffentlichungen\s+des|Wahlperiode|Die\s+Antwort\s+wurde|Die\s+Drucksache\s+enthält"
    r"|Gesamtherstellung:|Vertrieb:|ISSN\s|Seite\s+\d|^[ \t]*[-–][ \t]*\d{1,3}[ \t]*[-–][ \t]*$"
    r"|^Landtag|^Drucksache",
    re.MULTILINE,
)
# One pass over the furniture-free text finds whitespace runs, odd spaces, soft hyphens and zero-width
# characters (a plain charset prefix, so the scan is fast). A run with a line break after "letter-"
# is a hyphenated word: the hyphen goes before a lower-case continuation ("Netzzustands-|noten"),
# stays before an upper-case one ("Ruhr-|Konferenz") and before "und"/"oder"/... ("Industrie- und").
_ODD = "\u00a0\u2000-\u200a\u202f\u205f\u3000\u00ad\u200b-\u200d\ufeff"
_RUN = re.compile("[\\s" + _ODD + "]{2,}|[\\t\\r\\n\\f\\v" + _ODD + "]")
_INVISIBLE = frozenset("\u00ad\u200b\u200c\u200d\ufeff")
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
_FOLD_RE = re.compile("[" + "".join(_FOLD) + "]")


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


def furniture_spans(text: str) -> list[tuple[int, int]]:
    """Original [start, end) of page furniture (running heads, page numbers, answer box, imprint)."""
    out: list[tuple[int, int]] = []
    done = -1
    for h in _FURNITURE_HINT.finditer(text):
        if h.start() < done:
            continue
        line_start = text.rfind("\n", 0, h.start()) + 1
        for at in (line_start, h.start()) if line_start != h.start() else (line_start,):
            m = _FURNITURE.match(text, at)
            if m and m.end() > m.start():
                out.append(m.span())
                done = m.end()
                break
    return out


def _clean_runs(text: str, omap: list[int]) -> tuple[str, list[int]]:
    """Collapse whitespace runs, drop invisible characters, join words hyphenated at line ends."""
    parts: list[str] = []
    nmap: list[int] = []
    last = 0
    for m in _RUN.finditer(text):
        s, e = m.span()
        run = m.group()
        visible = [c for c in run if c not in _INVISIBLE]
        if not visible:
            parts.append(text[last:s])
            nmap.extend(omap[last:s])
            last = e
            continue
        broken = "\n" in run
        if broken and s >= 2 and text[s - 1] == "-" and text[s - 2].isalpha() and e < len(text):
            keep = _KEEP_HYPHEN_BEFORE.match(text, e)
            if keep and keep.group()[0].islower():
                # An elided compound ("Industrie-|und"): keep the hyphen and one space.
                parts.append(text[last:s] + " ")
                nmap.extend(omap[last:s])
                nmap.append(omap[s])
            elif keep:
                parts.append(text[last:s])
                nmap.extend(omap[last:s])
            else:
                parts.append(text[last : s - 1])
                nmap.extend(omap[last : s - 1])
            last = e
            continue
        if broken and len(visible) < len(run) and "\u00ad" in run and s >= 1 and text[s - 1].isalpha():
            # "Netz\u00ad\nnoten": a soft hyphen at a line end joins the word.
            parts.append(text[last:s])
            nmap.extend(omap[last:s])
            last = e
            continue
        parts.append(text[last:s])
        nmap.extend(omap[last:s])
        parts.append(" ")
        nmap.append(omap[s])
        last = e
    if last == 0:
        return text, omap
    parts.append(text[last:])
    nmap.extend(omap[last:])
    return "".join(parts), nmap


def clean_text(text: str) -> CleanText:
    """The clean view of a raw text (see the module docstring)."""
    furniture = furniture_spans(text)
    omap = list(range(len(text)))
    t = text
    if furniture:
        parts = []
        keep: list[int] = []
        last = 0
        for s, e in furniture:
            parts.append(text[last:s])
            keep.extend(omap[last:s])
            last = e
        parts.append(text[last:])
        keep.extend(omap[last:])
        t, omap = "".join(parts), keep
    t, omap = _clean_runs(t, omap)
    # One-to-one replacements keep the map as it is.
    t = _FOLD_RE.sub(lambda m: _FOLD[m.group()], t)
    # Strip leading/trailing whitespace of the whole view without losing the map.
    lead = len(t) - len(t.lstrip())
    trail = len(t.rstrip())
    t, omap = t[lead:trail], omap[lead:trail]
    return CleanText(t, tuple(omap), len(text), tuple(furniture))


@lru_cache(maxsize=256)
def _cached(doc_id: str, text: str) -> CleanText:
    return clean_text(text)


def clean_view(doc: Document) -> CleanText:
    """The cached clean view of a document."""
    return _cached(doc.id, doc.text)
