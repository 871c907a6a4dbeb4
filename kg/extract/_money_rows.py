"""Table rows of money: lines whose figures end the line, under a header and a lead sentence.

PDF text gives a table one line per row ("2013 12 500 000,00 Euro", "– Im Haushaltsjahr 2021 2,457*
(IST)", "Mrd. Euro 922 396 61 6 297 2"). A row's figures take their stage and year from the row's
own words first, then from the column header lines above the table, then from the lead sentence
before it ("Folgende Bundesmittel wurden ... bereitgestellt.", "(in Mrd. Euro):"), never from the
prose that follows the table. Bare numbers are money only where the unit is given once for them:
in the row label, in the line above the row ("(Mrd. Euro)"), in the column header or in the lead.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from decimal import Decimal

from kg.extract._text import parse_number

# A unit given once: "Mrd. Euro", "(in Tsd. Euro)", "(Angaben in Mio. Euro", "in Euro:".
UNIT = re.compile(
    r"(?:(?P<scale>Tsd\.|Tausend|Mio\.|Millionen|Mrd\.|Milliarden|(?<![A-Za-zäöüß])T)\s?|(?<![A-Za-zäöüß]))"
    r"(?:€|Euro\b|EUR\b)"
)
# In a lead sentence the unit must be stated as the table's unit, not as a figure's.
LEAD_UNIT = re.compile(
    r"(?:\(\s*(?:Angaben\s+|alle\s+Angaben\s+|Beträge\s+)?in\s+|\bin\s+)"
    r"(?:(?P<scale>Tsd\.|Tausend|Mio\.|Millionen|Mrd\.|Milliarden|T)\s?)?(?:€|Euro\b|EUR\b)\s*(?:[),]|:?\s*$)"
)
SCALES = {
    "tsd.": Decimal(1000),
    "tausend": Decimal(1000),
    "mio.": Decimal(10**6),
    "millionen": Decimal(10**6),
    "mrd.": Decimal(10**9),
    "milliarden": Decimal(10**9),
    "t": Decimal(1000),
}
# Row markers of budget tables: actual spending and the budgeted amount.
MARKER = re.compile(r"\((?:IST|Ist|SOLL|Soll)\)|\b(?:IST|SOLL)\b")
_CELL_TOKEN = re.compile(r"\d[\d.,]*\*{0,2}%?|%|[-–]|\*|\((?:IST|Ist|SOLL|Soll)\)|k\.\s?A\.")
_NUMBER = re.compile(r"\d[\d.,]*")
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d\*?|\d{1,2}\.\d{1,2}\.(?:19|20)\d\d")
_YEAR_LABEL = re.compile(
    r"^\s*(?:[–•*-]\s*)?(?:(?:[Ii]m\s+)?(?:Haushalts|Kalender|Berichts|Wirtschafts)?[Jj]ahre?s?\s+|[Dd]avon\s+)?"
    r"(?:\d{1,2}\.\d{1,2}\.)?(?P<y>(?:19|20)\d\d)\*?:?\s*$"
)
# A label ending in a word that numbers a part of a document ("zu Frage 3", "Seite 2 von 4").
_REFERENCE_END = re.compile(
    r"\b(?:Fragen?|Anlagen?|Seite|Nr\.|Nummer|Tabelle|Abbildung|Anhang|Teil|Kapitel|Ziffer|Abschnitt|von)\s*$"
)
# Labels of rows that are no money even under a money header.
NOT_MONEY_LABEL = re.compile(
    r"%|Prozent|Anteil|Anzahl|Zahl\b|Personen|Stunden|Tage\b|km\b|Stellen|VZÄ|Fälle|Quote", re.IGNORECASE
)
# A figure right after one of these words is in prose, not in a table cell.
_PROSE_BEFORE = frozenset(
    [
        "auf",
        "von",
        "mit",
        "rund",
        "insgesamt",
        "über",
        "ca.",
        "etwa",
        "um",
        "bis",
        "zu",
        "zusätzlich",
        "weitere",
        "weiteren",
        "Höhe",
        "nur",
        "lediglich",
        "knapp",
        "fast",
        "mehr",
        "als",
        "weniger",
        "sowie",
        "und",
        "bzw.",
        "oder",
        "je",
        "jeweils",
        "pro",
        "bei",
        "für",
        "in",
        "sind",
        "wurden",
        "werden",
        "betragen",
        "beträgt",
        "betrug",
        "betrugen",
        "waren",
        "war",
        "ist",
        "hat",
        "haben",
        "sich",
    ]
)
_ABBREV_END = re.compile(
    r"\b(?:Mrd|Mio|Tsd|Nr|ca|bzw|Abs|Art|Std|lfd|Kap|Tit|e\.\s?V|Co|Inc|Ltd|u\.\s?a|usw|etc|inkl|vgl|z\.\s?B)\.$"
)
_SENTENCE_INSIDE = re.compile(r"[a-zäöüß]{3,}[.!?]\s+[A-ZÄÖÜ]")


@dataclass(frozen=True)
class Cell:
    """A bare figure of a table row: original [start, end), value before scaling, column index."""

    start: int
    end: int
    text: str
    column: int


@dataclass(frozen=True)
class Context:
    """What a table row's figures inherit: header lines, lead sentence end, column years and markers."""

    header: str
    lead_line: int  # index of the line that ends the lead sentence, -1 if none
    years: tuple[int, ...] = ()
    markers: tuple[str | None, ...] = ()
    # Every year or date of the header lines in reading order: the column years of a header that
    # spreads them over lines ("Ist 2021 (in Euro) Ist 2022 (in Euro) ... bis einschl. 25.03.2025").
    header_years: tuple[int, ...] = ()


class Lines:
    """The lines of a text with their original offsets, and what each one looks like."""

    def __init__(self, text: str, furniture: tuple[tuple[int, int], ...] = ()) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.ends = [s - 1 for s in self.starts[1:]] + [len(text)]
        self.furniture = [False] * len(self.starts)
        for fs, fe in furniture:
            i = self.index(fs)
            while i < len(self.starts) and self.starts[i] < fe:
                self.furniture[i] = True
                i += 1
        self.row = [False] * len(self.starts)  # set by the money extractor: figures end the line
        self.alone: set[int] = set()  # rows of one figure alone on its line, below a wrapped cell
        self._contexts: dict[int, Context] = {}  # row line -> its context (once `row` is complete)

    def __len__(self) -> int:
        return len(self.starts)

    def index(self, offset: int) -> int:
        return max(0, bisect_right(self.starts, offset) - 1)

    def line(self, i: int) -> str:
        return self.text[self.starts[i] : self.ends[i]]

    def tableish(self, i: int) -> bool:
        """A short line that ends no sentence: a header cell, a wrapped row label."""
        s = self.line(i).strip()
        if not s:
            return True
        if s[-1] in ".:?!;," and not _ABBREV_END.search(s):
            return False
        return len(s) <= 60 or len(s.split()) <= 6

    def unfinished(self, j: int) -> bool:
        """A line that ends no sentence (a header cell or a wrapped row label between two rows)."""
        s = self.line(j).rstrip()
        return not s or s[-1] not in ".:?!" or bool(_ABBREV_END.search(s))

    def _wrapped_label(self, j: int) -> bool:
        """A long line that ends no sentence, with a table row just above: a row label broken over lines."""
        if not self.unfinished(j):
            return False
        for x in range(j - 1, max(-1, j - 9), -1):
            if self.row[x]:
                return True
            if not (self.furniture[x] or self.unfinished(x)):
                return False
        return False

    def context(self, i: int, limit: int = 60) -> Context:
        """The header lines and the lead sentence's last line above the table row on line `i`."""
        got = self._contexts.get(i)
        if got is not None:
            return got
        if i in self.alone:
            # A figure alone on its line belongs to the table of the row just above it.
            above = next((j for j in range(i - 1, max(-1, i - 9), -1) if self.row[j]), None)
            if above is not None:
                got = self._contexts[i] = self.context(above, limit)
                return got
        top = i
        j = i - 1
        lead = -1
        while j >= 0 and i - j <= limit:
            if self.row[j] and j in self._contexts:
                # Everything between is rows and short lines: the row above has the same header and lead.
                got = self._contexts[i] = self._contexts[j]
                return got
            if self.furniture[j] or self.row[j]:
                if self.row[j]:
                    top = j
            elif not self.tableish(j) and not self._wrapped_label(j):
                lead = j
                break
            j -= 1
        header_lines = [
            self.line(k) for k in range(max(lead, j) + 1, top) if not self.furniture[k] and not self.row[k]
        ]
        years: tuple[int, ...] = ()
        markers: tuple[str | None, ...] = ()
        for h in reversed(header_lines):
            toks = h.split()
            # The years of a header row, after an optional label ("Steuerliche Regelung 2021 2022 2023").
            k = len(toks)
            while k > 0 and (_YEAR_TOKEN.fullmatch(toks[k - 1]) or MARKER.fullmatch(toks[k - 1])):
                k -= 1
            if len(toks) - k >= 2 or (toks and k == 0):
                toks = toks[k:]
            if toks and all(_YEAR_TOKEN.fullmatch(t) or MARKER.fullmatch(t) for t in toks):
                ys: list[int] = []
                ms: list[str | None] = []
                for t in toks:
                    if MARKER.fullmatch(t):
                        if ms:
                            ms[-1] = t.strip("()").upper()
                    else:
                        ys.append(_token_year(t))
                        ms.append(None)
                years, markers = tuple(ys), tuple(ms)
                break
        header = " ".join(h.strip() for h in header_lines)
        header_years = tuple(_token_year(t) for t in header.split() if _YEAR_TOKEN.fullmatch(t))
        got = self._contexts[i] = Context(header, lead, years, markers, header_years)
        return got


def _token_year(token: str) -> int:
    """The year of a year token ("2021", "2021*", "25.03.2025")."""
    return int(token[-4:] if "." in token else token[:4])


def row_tail_ok(tail: str) -> bool:
    """Whether the text after a row's last figure is only markers and punctuation."""
    return _ROW_TAIL.fullmatch(tail) is not None


# After a row's last figure: markers, punctuation, and at most one more column of a count ("... 5,9 Mio.
# Euro 27": the number of applications beside the sums).
_ROW_TAIL = re.compile(r"[\s.;*]*(?:\((?:IST|Ist|SOLL|Soll)\)[\s.;*]*)?(?:\d{1,5}[\s.;*]*)?")


def row_label_ok(label: str) -> bool:
    """Whether the words before a row's first figure can be a table row label (not prose)."""
    words = label.split()
    if len(words) > 16 or _SENTENCE_INSIDE.search(label):
        return False
    return not words or words[-1] not in _PROSE_BEFORE


def label_year(label: str) -> int | None:
    """The year a row label names ("2013", "– Im Haushaltsjahr 2021", "davon 2022", "31.01.2024")."""
    m = _YEAR_LABEL.match(label)
    return int(m.group("y")) if m else None


_WORDS_LABEL = re.compile(r"[A-Za-zÄÖÜäöüß]{3,}\s*$")


def split_row(
    line: str, max_label_words: int | None = None
) -> tuple[str, list[tuple[int, int, str]], str | None] | None:
    """A line of bare cells: (label, [(start, end, token)] of the trailing cell tokens, row marker).

    With `max_label_words`, a line whose label has more words is no row (None), found cheaply.
    """
    parts = line.split()
    k = len(parts)
    while k > 0 and _CELL_TOKEN.fullmatch(parts[k - 1]):
        k -= 1
    if max_label_words is not None and k > max_label_words:
        return None
    if not any(t[0].isdigit() for t in parts[k:]):
        return None
    toks = list(re.finditer(r"\S+", line))
    cells = [(t.start(), t.end(), t.group()) for t in toks[k:]]
    label = line[: toks[k].start()] if k < len(toks) else line
    numbers = [c for c in cells if _NUMBER.match(c[2])]
    if len(numbers) == 1 and _REFERENCE_END.search(label):
        return None  # "Anlage 1 zu Frage 3", "Seite 2 von 4": a caption's number, no cell
    if numbers and all(_YEAR_TOKEN.fullmatch(c[2]) for c in numbers):
        # A header row of years ("2021 2022", "Ist 2022", "Zuwendungsempfänger Ist 2021", "bis einschl.
        # 25.03.2025"): a lone figure that looks like a year is far likelier a column head than an amount.
        return None
    # A leading year or date is the row label ("2021 2,457", "28.02.2025 484"), when more cells follow.
    first_num = next((n for n, c in enumerate(cells) if _NUMBER.match(c[2])), None)
    if (
        first_num == 0
        and len(cells) > 1
        and _YEAR_TOKEN.fullmatch(cells[0][2])
        and (label_year(label + cells[0][2]) is not None or _WORDS_LABEL.search(label))
    ):
        # "2021 2,457", "Im Haushaltsjahr 2021 2,457", "Global Solutions Summit 2021 99.987,00": the
        # year belongs to the row's label, not to its figures.
        label = line[: cells[0][1]]
        cells = cells[1:]
    marker = None
    for c in cells:
        if MARKER.fullmatch(c[2]):
            marker = c[2].strip("()").upper()
    return label, cells, marker


_GROUP_FIRST = re.compile(r"[1-9]\d{0,2}|0")
_GROUP_NEXT = re.compile(r"\d{3}")
_CENTS_END = re.compile(r"(?:[1-9]\d{0,2}|0|\d{3}),\d{2}")


def _spaced_number(groups: list[str]) -> bool:
    """Whether space-separated groups form one number ("1 319", "72 545 000,00"; not "0 0,00" or
    "026 415,58")."""
    if not groups or not _GROUP_FIRST.fullmatch(groups[0].split(",")[0]):
        return False
    if groups[0] == "0" and len(groups) > 1:
        return False
    return all(_GROUP_NEXT.fullmatch(g.split(",")[0]) for g in groups[1:])


def counts_and_amounts(cells: list[tuple[int, int, str]]) -> list[tuple[int, int, str]] | None:
    """The amounts of a row that alternates counts and amounts in space-grouped thousands, the counts
    dropped: "915 69 699 100,00 2 371 162 619 029,00" -> "69 699 100,00", "162 619 029,00".

    Each amount ends in a token with cents; the integer tokens before it are split into the count and
    the amount's leading groups where both are well-formed numbers, taking the largest count below
    100 000 ("2 371" and "162 619 029,00", not "2" and "371 162 619 029,00"). None where a token is no
    plain group or no split fits.
    """
    out: list[tuple[int, int, str]] = []
    pending: list[tuple[int, int, str]] = []
    for c in cells:
        t = c[2]
        if re.fullmatch(r"\d{1,3}", t):
            pending.append(c)
            continue
        if not _CENTS_END.fullmatch(t):
            return None
        best: int | None = None
        for j in range(len(pending) + 1):
            count, lead = pending[:j], pending[j:]
            if not _spaced_number([x[2] for x in lead] + [t]):
                continue
            if count and not _spaced_number([x[2] for x in count]):
                continue
            value = int("".join(x[2] for x in count)) if count else -1
            if value < 100_000:
                best = j  # later j: a larger count, a shorter amount
        if best is None:
            return None
        lead = pending[best:]
        start = lead[0][0] if lead else c[0]
        out.append((start, c[1], " ".join([x[2] for x in lead] + [t])))
        pending = []
    return out if out and not pending else None


def money_cells(cells: list[tuple[int, int, str]], expected: int | None) -> tuple[list[Cell], int]:
    """The money cells of a row: percentages and markers dropped, empty cells kept as columns.

    Space-grouped thousands ("2 077,92 2 099,32") are joined where the row then has the expected
    number of columns, or where every joined cell then has the same decimal format.
    """
    plain: list[tuple[int, int, str] | None] = []
    for n, c in enumerate(cells):
        t = c[2]
        if t == "%" or MARKER.fullmatch(t) or t == "*":
            continue
        if t.endswith("%") or (n + 1 < len(cells) and cells[n + 1][2] == "%"):
            continue  # a percentage column
        if t in ("-", "–") or t.startswith("k."):
            plain.append(None)
            continue
        plain.append(c)
    joined: list[tuple[int, int, str] | None] = []
    for c in plain:
        prev = joined[-1] if joined else None
        if (
            c is not None
            and prev is not None
            and re.fullmatch(r"\d{3}(?:,\d+)?\*?", c[2])
            and re.fullmatch(r"\d{1,3}(?: \d{3})*", prev[2])
        ):
            joined[-1] = (prev[0], c[1], prev[2] + " " + c[2])
        else:
            joined.append(c)
    if expected is not None:
        use = joined if len(joined) == expected and len(plain) != expected else plain
    else:
        with_comma = [c for c in joined if c is not None]
        same_format = with_comma and all("," in c[2] for c in with_comma)
        starts_zero = any(c is not None and c[2].startswith("0") and not c[2].startswith("0,") for c in plain)
        use = joined if len(joined) < len(plain) and (same_format or starts_zero) else plain
    if any(c is not None and c[2].startswith("0") and len(c[2]) > 1 and c[2][1] != "," for c in use):
        return [], 0  # "077,92" standing alone: a split we could not repair
    out = []
    for n, c in enumerate(use):
        if c is not None and parse_number(c[2].rstrip("*")) is not None:
            out.append(Cell(c[0], c[1], c[2].rstrip("*"), n))
    return out, len(use)
