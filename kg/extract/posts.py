"""Budget posts (Planstellen/Stellen): "fünf (Plan-)Stellen (1 x B2, 2 x A11, 1 x A13, 1 x EG 9)".

Posts of one pay grade become one `Post` (grade normalised: "B2", "A11", "EG 9"); whether they are
filled comes from a nearby sentence ("Die (Plan-) Stellen sind bis auf die EG 9 Stelle besetzt":
all filled except EG 9). Counts of posts without a pay grade ("über 7.800 Planstellen und Stellen",
"139 neuen Regierungsstellen") become posts with grade None.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from decimal import Decimal

from kg.extract._text import (
    NUMBER_WORD_RE,
    NUMBER_WORDS,
    found_starts,
    matches_at,
    number_word,
    parse_number,
    sentences_of,
)
from kg.ingest.lexicon import MONTH_RE
from kg.ingest.normalise import clean_view
from kg.model import Document, Post
from kg.spans import span

_COUNT = r"(?P<n>\d{1,4}|" + NUMBER_WORD_RE + r")"
_GRADE_PREFIX = r"(?:(?:Besoldungsgruppe|BesGr\.?|Bes\.\s?Gr\.|Entgeltgruppe|Wertigkeit)\s+)?"
# Grades are rare, so the scan looks for them first and reads the count in a short window before.
_GRADE_TOKEN = re.compile(
    r"(?<![\w-])(?P<g>(?:EG|E)\s?\d{1,2}(?:\s?[a-c]\b)?|[ABRW]\s?\d{1,2}(?:\s?Z\b|[gh]\b)?)(?!\d|[,.]\d)"
)
# Where a grade token can start (a fast scan; the look-behind above makes the engine try every character).
_GRADE_AT = re.compile(r"[ABERW](?=G?\s?\d)")
# "Entgeltgruppe 13" names the grade by its number alone; the number is read as a grade token.
_ENTGELT_NUMBER = re.compile(r"Entgeltgruppe\s(?=\d{1,2}(?:\s?[a-c])?\b(?![,.]\d))")
_NUMBER_GRADE = re.compile(r"(?P<g>\d{1,2}(?:\s?[a-c])?)\b")
# "1 x B2", "2 × A 11", "3mal A13" (the window ends where the grade starts)
_TIMES = re.compile(r"(?<![\d,.])" + _COUNT + r"\s*(?:x|×|mal)\s*" + _GRADE_PREFIX + r"$", re.IGNORECASE)
# "zwei Stellen der Besoldungsgruppe A 13", "eine Planstelle A 15", "3 Stellen nach EG 11"
_STELLEN_GRADE = re.compile(
    r"(?<![\d,.])\b"
    + _COUNT
    + r"\s+(?:\w+e[nr]?\s+)?(?:\(?Plan-?\)?\s?)?[Ss]tellen?\s+(?:der\s+|nach\s+|in\s+|im\s+)?"
    + _GRADE_PREFIX
    + r"$",
    re.IGNORECASE,
)
# One pay grade as a table label: "A 13", "A13 Z", "A13g", "A 13 h", "EG9b", "E 9b", "R 2", "W 3".
_GRADE_LABEL = r"(?:(?:EG|E)\s?\d{1,2}(?:\s?[a-c])?|[ABRW]\s?\d{1,2}(?:\s?Z|[ghm]|\s[ghm])?)(?![\w,.])"
# Grades a row shares ("A9 / A11"), the second one possibly on the next line.
_ROW_LABEL = _GRADE_LABEL + r"(?:[ \t]*/[ \t]*\n?[ \t]*" + _GRADE_LABEL + r")*"
# A cell: a count (thousands dotted, fractions of part-time posts after a comma) or a dash for none.
_CELL = r"(?:\d{1,3}(?:\.\d{3})+|\d{1,5}(?:,\d{1,4})?|[-–—])"
# A table row: the grade, then its cells on the same line or (the label wrapped) on the next one.
_TABLE_ROW = re.compile(
    r"[ \t]*(?P<g>"
    + _ROW_LABEL
    + r")[ \t]*(?:\n[ \t]*)?(?P<cells>"
    + _CELL
    + r"(?:[ \t]+"
    + _CELL
    + r")*)[ \t]*(?=\n|$)"
)
# Words that say a table counts posts, and words that say it counts people.
_POST_WORD = re.compile(
    r"(?<![\w-])(?:(?:Plan|Soll|Ist|Haushalts|\(Plan-?\))-?\s?[Ss]tellen?|Stellen(?:plan|bestand|ausstattung|soll)?"
    r"|Planstellen?|Dienstposten)\b"
)
_PERSON_WORD = re.compile(
    r"(?:Mitarbeiter|Beschäftigte|Beamt(?:e|in)|Bedienstete|Personen|Köpfe|Angestellte|Richterinnen|Richter)\w*"
)
_MONEY_WORD = re.compile(r"€|\b(?:Euro|EUR|Mio|Tsd)\b|[Kk]osten|\bBetr[äa]g|Personalkostens[äa]tz|Ausgaben")
# Header labels of a column of post counts, and of columns beside it (filled, vacant, full-time equivalents).
_COUNT_LABEL = re.compile(r"\b(?:Anzahl|Soll|Planstellen|Stellen|Dienstposten)\b")
_OTHER_LABEL = re.compile(r"\b(?:besetzt|unbesetzt|Ist|frei|vakant|davon|Frauen|Männer|weiblich|männlich)\b")
# Small words of running prose, which column heads lack.
_PROSE_WORD = re.compile(
    r"\b(?:der|die|das|den|des|dem|und|für|von|mit|zu|zum|zur|ist|sind|wird|werden|wurden|sich)\b"
)
# Column heads that are dates or years: "März 2024", "31.12.2024", "2023".
_COLUMN_DATE = re.compile(
    r"(?:\d{1,2}\.\s?)?(?:"
    + MONTH_RE
    + r")\s\d{4}|\d{1,2}\.\d{1,2}\.\d{2,4}|(?<![\d.,])(?:19|20)\d{2}(?![\d.,])"
)
# The line breaks before such rows: the row pattern is tried only on the lines after them.
_ROW_BREAK = re.compile(r"\n(?=[ \t]*(?:EG|E|[ABRW])\s?\d)")
# The noun is found by its literal ending (a fast scan); its compound prefix is checked in Python.
_POST_NOUN = re.compile(r"[Ss]tellen\b")
_POST_PREFIXES = ("Plan", "Regierungs", "Beamten", "Lehrer", "Richter", "Personal", "Haushalts", "Polizei")
# The count before a post noun (the window ends where the noun starts).
# Counts in words, not "ein/eine" ("an einer Stelle" is a place in a text, not a post).
_COUNT_WORDS = "|".join(sorted((w for w in NUMBER_WORDS if not w.startswith("ein")), key=len, reverse=True))
_PLACES_IN_TEXT = re.compile(r"(?<![\w-])an\s+(?:insgesamt\s+|mehreren\s+|verschiedenen\s+|weiteren\s+)?$")
_AGGREGATE = re.compile(
    r"(?P<n>(?<![\d.,/])(?:\d{1,3}(?:\.\d{3})+|\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d{1,5},\d{1,2}|\d{1,5})"
    r"(?![\d,]|\.\d)"
    r"|(?<![\w-])(?:" + _COUNT_WORDS + r"))"
    r"\s+(?:\(\w+\)\s+)?(?:(?:dieser|der|davon)\s+)?"
    r"(?:(?:neue[nr]?|zusätzliche[nr]?|weitere[nr]?|besetzte[nr]?|unbesetzte[nr]?|offene[nr]?|freie[nr]?|vakante[nr]?)\s+)?"
    r"(?:\(?Plan-?\)?\s?)?$"
)
# What a year has before it: a year right before the noun is a column head or a date: "Juli 2025 Planstellen"
_YEAR_BEFORE = re.compile(
    r"(?:\b(?:Jahre?s?|im|in|seit|bis|ab|vom|zum|Ende|Anfang|Mitte|Stand|Haushalt|Haushaltsjahr|"
    + MONTH_RE
    + r")|(?<![\d.,])(?:19|20)\d{2})\s*$"
)
_FILLED = re.compile(
    r"\b(?:unbesetzt|nicht\s+besetzt|vakant|nicht\s+(?:mehr\s+)?belegt|offen|frei)\b|\bbesetzt\b"
)
_EXCEPT = re.compile(
    r"(?:bis\s+auf|mit\s+Ausnahme|außer|ausgenommen)\s+(?:der|die|den|des)?\s*(?P<rest>[^.;]{0,80})"
)
_GRADE_ONLY = re.compile(r"(?:EG|E)\s?\d{1,2}|[ABRW]\s?\d{1,2}(?![\d])")


def normalise_grade(g: str) -> str:
    """ "E 13" / "EG13" -> "EG 13"; "E 9b" -> "EG 9b"; "A 11" -> "A11"; "A 13 Z" -> "A13 Z";
    "A 13 g" -> "A13g"; grades a post shares: "A9 / A11"."""
    if "/" in g:
        return " / ".join(normalise_grade(part) for part in g.split("/"))
    g = " ".join(g.split()).upper()
    m = re.fullmatch(r"(EG|E)\s?(\d{1,2})(?:\s?([A-C]))?", g)
    if m:
        return f"EG {int(m.group(2))}" + (m.group(3).lower() if m.group(3) else "")
    m = re.fullmatch(r"([ABRW])\s?(\d{1,2})(?:\s?([ZGHM]))?", g)
    if m:
        # "Z" (with an allowance) stands apart as written; the career letters g/h/m are lower case.
        suffix = {"Z": " Z", None: ""}.get(m.group(3), (m.group(3) or "").lower())
        return f"{m.group(1)}{int(m.group(2))}{suffix}"
    return g


def _count(s: str) -> int | Decimal | None:
    """A count of posts: a whole number, or a fraction where part-time posts are counted ("16,5")."""
    v = number_word(s)
    if v is not None:
        return v
    d = parse_number(s)
    if d is None:
        return None
    return int(d) if d == d.to_integral_value() else d


def _status(sentence: str, about_posts: bool = False) -> tuple[bool | None, set[str]]:
    """(filled?, grades excepted) a sentence states about posts (`about_posts`: known to be about them)."""
    m = _FILLED.search(sentence)
    if not m or not (about_posts or re.search(r"[Ss]telle", sentence)):
        return None, set()
    negative = m.group() != "besetzt"
    excepted: set[str] = set()
    ex = _EXCEPT.search(sentence)
    if ex:
        excepted = {normalise_grade(g) for g in _GRADE_ONLY.findall(ex.group("rest"))}
    return (not negative), excepted


def _lead_speaks_of_posts(lead: str) -> bool:
    """Whether the text before a table or list names posts, and names them after any count of people.

    A person word alone on a short line is a section head inside a table ("Tarifbeschäftigte"), no lead."""
    last_post = max((m.start() for m in _POST_WORD.finditer(lead)), default=-1)
    if last_post < 0:
        return False
    for m in _PERSON_WORD.finditer(lead):
        line_start = lead.rfind("\n", 0, m.start()) + 1
        line_end = lead.find("\n", m.end())
        line = lead[line_start : line_end if line_end >= 0 else len(lead)]
        if m.start() > last_post and len(line.split()) > 3:
            return False
    # Money named after the posts: the figures are what posts cost ("Personalkosten je Planstelle in Euro").
    return not any(m.start() > last_post for m in _MONEY_WORD.finditer(lead))


def _header(text: str, start: int) -> str:
    """The table head: the short lines right before the first row, back to the question or sentence above."""
    lines = text[max(0, start - 1200) : start].split("\n")
    kept: list[str] = []
    for line in reversed(lines[-16:]):
        stripped = line.strip()
        # A question ends the head however short its last line; a long sentence or lead-in line too, and a
        # line of running prose (its years and words are no column heads).
        if (
            stripped.endswith("?")
            or (stripped.endswith((":", ".")) and len(stripped) > 40)
            or len(_PROSE_WORD.findall(stripped)) >= 2
        ):
            break
        kept.append(line)
    return "\n".join(reversed(kept))


def _cell(s: str) -> Decimal | None:
    return None if s in "-–—" else parse_number(s)


def _splits(cells: list[Decimal | None], groups: int, width: int) -> Iterator[list[Decimal]]:
    """The post counts of each column group, where the text layer dropped empty cells: every way to cut
    `cells` into `groups` runs of 1..`width` cells in which the first (the count) is whole and the cells
    beside it (filled, vacant, full-time equivalents) are parts of it."""
    if groups == 0:
        if not cells:
            yield []
        return
    for size in range(1, min(width, len(cells)) + 1):
        first, rest = cells[0], cells[1:size]
        if first is None or first != first.to_integral_value():
            return
        if (
            any(c is None or c > first for c in rest)
            or sum((c for c in rest if c is not None), Decimal(0)) > first
        ):
            continue
        for tail in _splits(cells[size:], groups - 1, width):
            yield [first, *tail]


def _row_counts(cells: list[Decimal | None], groups: int, width: int) -> list[Decimal] | None:
    """The post counts of one row (one per column group), or None where the columns cannot be told apart."""
    if len(cells) == groups * width:
        return [c for c in cells[::width] if c is not None]
    if len(cells) > groups * width or groups > 8:
        return None
    found = {tuple(s) for s in _splits(cells, groups, width)}
    return list(found.pop()) if len(found) == 1 else None


def _table_posts(doc: Document) -> list[Post]:
    """Posts in tables with one row per pay grade ("A13 5 2 3", "EG9b 5 4,75 4 3,75") under a head or
    lead that speaks of Planstellen/Stellen. The columns are dates or years (each cell a count), or
    groups of a count and its filled/vacant parts ("Anzahl unbesetzt VZÄ besetzt"), of which the count
    is taken. One post per grade and count in a row: the same count at several dates is one post."""
    text = doc.text
    starts = [0, *(b + 1 for b in found_starts(text, _ROW_BREAK))]
    rows = matches_at(_TABLE_ROW, text, starts)
    tables: list[list[re.Match[str]]] = []
    for m in rows:
        if tables:
            gap = text[tables[-1][-1].end() : m.start()].strip("\n").split("\n")
            if len(gap) <= 4 and all(len(line) <= 50 for line in gap):
                tables[-1].append(m)
                continue
        tables.append([m])
    out: list[Post] = []
    for table in tables:
        first = table[0].start()
        header = _header(text, first)
        if not _lead_speaks_of_posts(text[max(0, first - 700) : first]):
            continue
        cells = [[_cell(c) for c in m.group("cells").split()] for m in table]
        widest = max(len(c) for c in cells)
        dates = _COLUMN_DATE.findall(header)
        other = _OTHER_LABEL.search(header)
        if other is None:
            if widest > 1 and len(dates) < widest:
                continue  # several columns, not all of them dates: which ones count posts is unknown
            groups, width = widest, 1
        else:
            count = _COUNT_LABEL.search(header)
            if count is None or count.start() > other.start():
                continue
            groups = len(dates) or len(re.findall(r"\b(?:Anzahl|Soll)\b", header)) or 1
            if widest % groups:
                continue
            width = widest // groups
            if width == 1 and widest > 1:
                continue  # "Soll 2024 Ist 2024": dates and parts of counts side by side, not told apart
        for m, row in zip(table, cells, strict=True):
            counts = _row_counts(row, groups, width) if width > 1 else [c for c in row if c is not None]
            grade = normalise_grade(m.group("g"))
            seen: set[Decimal] = set()
            for c in counts or []:
                if c <= 0 or c in seen:
                    continue
                seen.add(c)
                n = int(c) if c == c.to_integral_value() else c
                s = m.start("g")
                out.append(Post(grade=grade, count=n, span=span(doc, s, m.end())))
    return out


def extract_posts(doc: Document) -> list[Post]:
    """Budget posts by pay grade (and counts of posts without a grade), with filled status where stated."""
    view = clean_view(doc)
    text = view.text
    sentences = sentences_of(text)
    graded: list[tuple[int, int, str, int, int]] = []  # clean start, end, grade, count, sentence
    taken: list[tuple[int, int]] = []
    tokens = matches_at(_GRADE_TOKEN, text, found_starts(text, _GRADE_AT))
    tokens += [_NUMBER_GRADE.match(text, m.end()) for m in _ENTGELT_NUMBER.finditer(text)]
    for g in sorted((t for t in tokens if t is not None), key=lambda t: t.start()):
        lo = max(0, g.start() - 80)
        window = text[lo : g.start()]
        wl = window.lower()
        # Both patterns need one of these words; most grade-like tokens ("E 10", "A 3") have none near.
        if not ("x" in wl or "×" in wl or "mal" in wl or "stelle" in wl):
            continue
        m = _TIMES.search(window) or _STELLEN_GRADE.search(window)
        if not m:
            continue
        s, e = lo + m.start(), g.end()
        # "2 x A11" counts posts only where its sentence speaks of posts ("fünf (Plan-)Stellen (1 x B2, …)"),
        # not of people ("165 Beamtinnen und Beamte (22× A 13 h, 28× A 14, ...)").
        if m.re is _TIMES and not _lead_speaks_of_posts(text[sentences.around(s)[0] : s]):
            continue
        if any(a < e and s < b for a, b in taken):
            continue
        n = _count(m.group("n"))
        if not n or n > 5000:
            continue
        grade = normalise_grade(("EG " if g.re is _NUMBER_GRADE else "") + g.group("g"))
        graded.append((s, e, grade, n, sentences.index(s)))
        taken.append((s, e))
    out: list[Post] = []
    for s, e, grade, n, si in sorted(graded):
        filled: bool | None = None
        # The status sentence is this one or one of the next three.
        for sj in range(si, min(si + 4, len(sentences.bounds))):
            a, b = sentences.bounds[sj]
            status, excepted = _status(text[a:b]) if sj != si else _status(text[e:b], about_posts=True)
            if status is not None:
                filled = (not status) if grade in excepted else status
                break
        o_s, o_e = view.span_to_original(s, e)
        out.append(Post(grade=grade, count=n, span=span(doc, o_s, o_e), filled=filled))
    listed = list(out)
    out += [
        t for t in _table_posts(doc) if not any(p.span.start <= t.span.start < p.span.end for p in listed)
    ]
    seen_counts: set[int | Decimal] = set()
    for noun in matches_at(_POST_NOUN, text, (t - 1 for t in found_starts(text, "tellen") if t > 0)):
        noun_start = noun.start()
        if text[noun_start] == "s":
            prefix = next((len(p) for p in _POST_PREFIXES if text.endswith(p, 0, noun_start)), 0)
            if not prefix and not text[max(0, noun_start - 4) : noun_start].rstrip().endswith(("-", "-)")):
                continue  # the verb: "Die folgenden Tabellen 1 bis 4 stellen ... dar"
            noun_start -= prefix
        lo = max(0, noun_start - 60)
        m = _AGGREGATE.search(text, lo, noun_start)
        if not m:
            continue
        m_start, m_end = m.start(), noun.end()
        n = _count(m.group("n"))
        if not n or n in seen_counts:
            continue
        before = text[max(0, m_start - 16) : m_start]
        if _PLACES_IN_TEXT.search(text, max(0, m_start - 30), m_start):
            continue  # "an insgesamt drei Stellen": places in a text, no posts
        if 1950 <= n <= 2049 and "." not in m.group("n") and _YEAR_BEFORE.search(before):
            continue
        after = text[m_end : m_end + 4]
        if after.lstrip().startswith("(") and any(m_end < a < m_end + 80 for a, _b in taken):
            continue  # "5 Stellen (1 x B2, ...)": the graded posts are the facts
        if any(a <= m_start < b for a, b in taken):
            continue
        si = sentences.index(m_start)
        a, b = sentences.bounds[si] if sentences.bounds else (0, len(text))
        status, _ex = _status(text[a:b])
        seen_counts.add(n)
        o_s, o_e = view.span_to_original(m_start, m_end)
        out.append(Post(grade=None, count=n, span=span(doc, o_s, o_e), filled=status))
    out.sort(key=lambda p: p.span.start)
    return out
