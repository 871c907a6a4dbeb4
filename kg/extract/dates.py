"""Dated events: "18. August 2020", "18.08.2020", "im April 2018", "Ende 2022", "Kohlekompromiss von 2007".

Each date becomes one `DateFact` (the first time its value is stated), with a short `what` from its
sentence and a `kind`. Dates inside web addresses and file names, Drucksache numbers and times of
day are not dates. Bare years are taken only where they date an event ("Ende 2022", "im Jahr 2020",
"Kohlekompromiss von 2007").
"""

from __future__ import annotations

import re
from bisect import bisect_left

from kg.extract._text import MONTH_RE, MONTHS, collapse, iso_date, sentences_of
from kg.ingest.lexicon import month_number
from kg.ingest.normalise import clean_view
from kg.model import DateFact, Document
from kg.spans import span

# Patterns begin with a digit or a month name (no look-behind first), so the regex engine can skip
# ahead quickly; what must not precede a match is checked in Python (`_preceded`).
# Day and month dates are found from the month name (rare capitals, a fast scan), the day checked
# right before it. "19. Mai2025": PDF text may lose the space between month and year; a day before
# the month makes that safe.
_MONTH_YEAR = re.compile(r"(" + MONTH_RE + r")(\s*)(\d{4})(?!\d)")
_DAY_BEFORE = re.compile(r"(\d\d?)\.\s?$")
_MONTH_ALONE = re.compile(r"(" + MONTH_RE + r")(?!\s*\d)")
_LIST_TO_YEAR = re.compile(
    r"(?:\s*(?:,|bis|und|oder|sowie|[-–])\s*(?:\d\d?\.\s?(?:" + MONTH_RE + r")(?!\s*\d)))*"
    r"\s*(?:,|bis|und|oder|sowie|[-–])\s*\d\d?\.\s?(?:" + MONTH_RE + r")\s*(?P<y>\d{4})(?!\d)"
)
_DAY_BEFORE_DAY = re.compile(r"(?<!\d)(\d{1,2})\.\s?(?:und|bis|–|-|/)\s?$")
_MONTHS_TO_YEAR = re.compile(
    r"\s*(?:,|bis|und|oder|sowie|[-–/])\s*(?:" + MONTH_RE + r")\s*(?P<y>\d{4})(?!\d)"
)
# What every date _scan finds contains: a month's name, "d.d", "d. d" or a year of 18xx-20xx.
_MAY_HOLD_DATE = re.compile(r"\d\.\s?\d|(?:18|19|20)\d\d|" + MONTH_RE)
_DAY_NUM = re.compile(r"(\d\d?)\.\s?(\d\d?)\.\s?(\d{4}|\d{2}(?=[\s,;)]))(?!\d)")
# Where the day of a numeric date can end: a full stop before "<month>." (a fast literal scan).
_DAY_DOT = re.compile(r"\.(?=\s?\d\d?\.)")
# Day and month without a year: "am 9.11.", one pattern per word (a literal start is found fast, an
# alternation of words is tried at every character); the matches of the four never overlap.
_DAY_NOYEAR = tuple(
    re.compile(w + r" (\d{1,2})\.(\d{1,2})\.(?=[\s,;)])") for w in ("am", "vom", "zum", "bis")
)
# "11/2024" in tables: a two-digit month; Drucksache numbers ("21/144", "7/2019") and "2018/231" are not.
_MONTH_NUM = re.compile(r"(0[1-9]|1[0-2])/((?:19|20)\d\d)(?![\d/])")
_MONTH_NUM_SLASH = re.compile(r"/(?=(?:19|20)\d\d(?![\d/]))")
_NUMBER_LABEL = re.compile(r"(?i:drucksache|drs\.?|nr\.?|az\.?|aktenzeichen|vorgang)\s*$")
# Bare years that date an event: the year is found first, then the words around it.
_YEAR = re.compile(r"(?:18|19|20)\d\d(?!\d)")
# The same years, one pattern per century: each starts with a literal, which the engine finds fast.
# Two such years never overlap (each is followed by a non-digit), so their union is _YEAR's matches.
_YEARS = tuple(re.compile(c + r"\d\d(?!\d)") for c in ("18", "19", "20"))
_YEAR_BEFORE = re.compile(
    r"(?:(?:Ende|Anfang|Mitte|Herbst|Frühjahr|Sommer|Winter|Frühling)"
    r"|(?:im|Im|seit\s+dem|Seit\s+dem)\s+Jahre?"
    r"|Haushaltsjahr(?:es)?"
    r"|(?P<noun>[A-ZÄÖÜ][a-zäöüß]{3,})\s+(?:von|aus\s+dem\s+Jahr))\s+$"
)
_YEAR_AFTER = re.compile(r"\s+ff\.")
# How the words of _YEAR_BEFORE end, before the space: where the text before a year ends otherwise,
# the pattern cannot match and is not run.
_YEAR_BEFORE_ENDS = (
    "Ende",
    "Anfang",
    "Mitte",
    "Herbst",
    "jahr",
    "Sommer",
    "Winter",
    "Frühling",
    "Jahr",
    "Jahre",
    "jahres",
    "von",
)
_NOT_EVENT_NOUNS = frozenset({"Jahr", "Jahre", "Jahren", "Zeitraum", "Zeit", "Ende", "Anfang", "Mitte"})
_YEAR_NOT_AFTER = re.compile(r"[.,]\d|/")
_YEAR_RANGE = re.compile(r"\s*(?:bis|und|[-–])")
_DIGIT_OR_DOT_BEFORE = re.compile(r"[\d.]\s?$")
# A year before a month is the end of the month before ("März 2024 Januar 2025": column heads), no day.
_YEAR_BEFORE_MONTH = re.compile(r"(?<!\d)(?:19|20)\d\d\s$")
_FILE_AFTER = re.compile(r"[._/-][a-z0-9]")
_LEADING_MARKS = re.compile(r"^(?:[#*•\-–\s]+)")
_DANGLING_PREPOSITION = re.compile(r"\b(?:am|vom|im|seit|zum|bis)\s*(?=[,.]|$)")
# Cheap tests of whether the two patterns above can match: a leading mark; the end of a preposition
# before a comma, a full stop or the end (the leading \b makes the engine try the other at every character).
_LEADING_MARK_CHARS = frozenset("#*•-–")
_MAYBE_DANGLING = re.compile(r"(?:m|seit|bis)\s*(?=[,.]|$)")


def _preceded(text: str, s: int, chars: str) -> bool:
    """Whether text[s-1] is a digit or one of `chars`."""
    return s > 0 and (text[s - 1].isdigit() or text[s - 1] in chars)


_TIME = re.compile(r"^\s*(?:Uhr|h\b)")

_KINDS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("issued", re.compile(r"Ausgegeben")),
    ("document", re.compile(r"Datum\s+des\s+Originals")),
    (
        "signing",
        re.compile(
            r"unterzeichne|unterschrieben|abgeschlossen|geschlossen\b(?=.{0,80}(?i:vereinbarung|vertrag|abkommen))|(?i:vereinbarung|vertrag|abkommen|erklärung)\w*.{0,120}(?:unterzeichne|geschlossen)"
        ),
    ),
    (
        "cabinet_decision",
        re.compile(
            r"(?:Kabinett|Ministerrat|Landesregierung|Bundesregierung|Senat)\w*.{0,120}beschlossen|beschlossen.{0,60}(?:Kabinett|Ministerrat)|Kabinettsbeschluss"
        ),
    ),
    ("presentation", re.compile(r"vorgestellt|stellte\b.{0,200}\bvor\b|präsentier")),
    ("announcement", re.compile(r"angekündigt|kündigte\b.{0,200}\ban\b|Ankündigung|Regierungserklärung")),
    ("closure", re.compile(r"Schließung|geschlossen|stillgelegt|Stilllegung|eingestellt")),
)
_LABELS = {
    "issued": "ausgegeben",
    "document": "Datum des Dokuments",
    "answer": "Antwort",
    "request": "Anfrage gestellt",
}


# What the words right before a date say it is.
_BEFORE: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("issued", re.compile(r"Ausgegeben:?\s*\(?\s*$")),
    ("document", re.compile(r"Datum\s+des\s+Originals:?\s*$")),
    ("request", re.compile(r"(?:Kleine|Große)n?\s+Anfrage\s+(?:Nr\.\s*)?\d*\s*vom\s*$")),
    (
        "answer",
        re.compile(r"(?:[Mm]it\s+Schreiben|Antwort\s+der\s+\w+\s*)\s+(?:de[sr]\s+[^.]{3,150}?\s+)?vom\s*$"),
    ),
)


# Every kind pattern needs one of these words; where none is near a date, its kind is "other" without
# running the kind patterns (most dates of a long table are plain).
_KIND_HINT = re.compile(
    r"Ausgegeben|Datum\s+des|unterzeichne|unterschrieben|geschlossen|beschlossen|Kabinettsbeschluss|vorgestellt"
    r"|stellte|präsentier|angekündigt|kündigte|Ankündigung|Regierungserklärung|Schließung|stillgelegt"
    r"|Stilllegung|eingestellt"
)
# The alternatives of _KIND_HINT in its order; "Datum\s+des" is found from "Datum" and checked whole.
_HINT_WORDS = tuple(w if w != r"Datum\s+des" else "Datum" for w in _KIND_HINT.pattern.split("|"))
_DATUM_DES = re.compile(r"Datum\s+des")


def _hint_starts(text: str) -> list[int]:
    """Starts of _KIND_HINT.finditer(text), from a fast str.find per word.

    Every occurrence of every word is a candidate; sweeping them left to right, the first word (in the
    pattern's order) at a position wins and hides candidates inside it, as the alternation does.
    """
    cands: list[tuple[int, int, int]] = []  # start, rank of the word, end
    for rank, word in enumerate(_HINT_WORDS):
        pos = text.find(word)
        while pos >= 0:
            if word == "Datum":
                m = _DATUM_DES.match(text, pos)
                if m is not None:
                    cands.append((pos, rank, m.end()))
            else:
                cands.append((pos, rank, pos + len(word)))
            pos = text.find(word, pos + 1)
    cands.sort()
    starts: list[int] = []
    last = 0
    for start, _rank, end in cands:
        if start >= last:
            starts.append(start)
            last = end
    return starts


class _Hints:
    """Where the kind words of a text are, to skip the kind patterns around dates without any."""

    def __init__(self, text: str) -> None:
        self.starts = _hint_starts(text)

    def any_in(self, lo: int, hi: int) -> bool:
        i = bisect_left(self.starts, lo)
        return i < len(self.starts) and self.starts[i] < hi


def _classify_at(text: str, s: int, e: int, sentence: tuple[int, int], hints: _Hints | None = None) -> str:
    """The kind of the date at text[s:e], from the words right before it, else from its clause."""
    before = text[max(0, s - 200) : s]
    if "vom" in before or "Ausgegeben" in before or "Originals" in before:
        for kind, rx in _BEFORE:
            if rx.search(before):
                return kind
    lo = max(sentence[0], s - 160)
    hi = min(sentence[1], e + 160)
    if hints is not None and not hints.any_in(lo, hi):
        return "other"
    return _classify(text[lo:hi])


def _classify(sentence: str) -> str:
    for kind, rx in _KINDS:
        if rx.search(sentence):
            return kind
    return "other"


def _what(sentence: str, kind: str, date_text: str) -> str:
    """A short description: the sentence without the date, cut to about 120 characters."""
    if kind in _LABELS:
        return _LABELS[kind]
    s = collapse(sentence.replace(date_text, " ", 1))
    if s[:1] in _LEADING_MARK_CHARS:
        s = _LEADING_MARKS.sub("", s)
    if _MAYBE_DANGLING.search(s):
        s = _DANGLING_PREPOSITION.sub("", s)
    s = s.strip(" ,.;:")
    if len(s) > 120:
        cut = s[:120].rsplit(" ", 1)[0]
        s = cut + " …"
    return s


def _bad_context(text: str, s: int, e: int) -> bool:
    """Inside a web address, file name or time of day."""
    before = text[max(0, s - 1) : s]
    after = text[e : e + 2]
    if before and before in "/_-#=&?" or (before and before.isalnum()):
        return True
    if _FILE_AFTER.match(after):
        return True
    tok_start = text.rfind(" ", 0, s) + 1
    token = text[tok_start:s]
    if "/" in token or "www" in token or "http" in token:
        return True
    return bool(_TIME.match(text, e))


def _day_num_matches(text: str) -> list[re.Match[str]]:
    """_DAY_NUM.finditer(text), the pattern tried only where a day can start: just before a full stop
    that can end it (the pattern starts with a digit, which the engine would try at every digit)."""
    out: list[re.Match[str]] = []
    pos = 0  # where finditer would resume: the end of the last match
    tried = -1
    for dot in _DAY_DOT.finditer(text):
        for p in (dot.start() - 2, dot.start() - 1):
            if p < pos or p <= tried:
                continue
            tried = p
            m = _DAY_NUM.match(text, p)
            if m is not None:
                out.append(m)
                pos = m.end()
                break
    return out


def _month_num_matches(text: str) -> list[re.Match[str]]:
    """_MONTH_NUM.finditer(text), found from the slashes (its matches never overlap)."""
    out: list[re.Match[str]] = []
    for sl in _MONTH_NUM_SLASH.finditer(text):
        m = _MONTH_NUM.match(text, sl.start() - 2) if sl.start() >= 2 else None
        if m is not None:
            out.append(m)
    return out


def _year_matches(text: str) -> list[re.Match[str]]:
    """_YEAR.finditer(text): the union of its per-century patterns' matches, in text order."""
    return sorted((m for rx in _YEARS for m in rx.finditer(text)), key=lambda m: m.start())


# Month rows and column heads of tables with a two-digit year ("Januar 25 340", "Jan 25 Feb 25 Mrz 25"):
# a candidate is found from its line start (a scan led by the newline), the month read in Python.
_LINE_MONTH = re.compile(r"\n[ \t]*([A-ZÄ][a-zä]{2,8})\.?[ \t]+(\d\d)(?=[ \t]|\n|$)")
_NEXT_MONTH = re.compile(r"[ \t]+([A-ZÄ][a-zä]{2,8})\.?[ \t]+(\d\d)(?=[ \t]|\n|$)")


def _month_rows(text: str) -> list[tuple[int, int, str]]:
    """(start, end, iso month) of month cells with a two-digit year: lines that begin with one when the
    line before or after does too (a column of months), and lines holding three or more (a head row).
    One such line alone ("Mai 25 Personen ...") is no date."""
    rows: list[tuple[int, list[tuple[int, int, str]]]] = []  # (line start, cells)
    for m in _LINE_MONTH.finditer(text):
        month = month_number(m.group(1))
        if month is None:
            continue
        cells = [
            (
                m.start(1),
                m.end(2),
                f"{2000 + int(m.group(2)) if int(m.group(2)) < 50 else 1900 + int(m.group(2))}-{month:02d}",
            )
        ]
        pos = m.end()
        while (nm := _NEXT_MONTH.match(text, pos)) and (nmonth := month_number(nm.group(1))):
            y = int(nm.group(2))
            cells.append((nm.start(1), nm.end(2), f"{2000 + y if y < 50 else 1900 + y}-{nmonth:02d}"))
            pos = nm.end()
        rows.append((m.start() + 1, cells))
    # Adjacent lines form a block; a block (or a head row of three or more) counts only if its months
    # follow each other month by month: "Januar 12 / Februar 15 / März 9" are counts, not years.
    blocks: list[list[tuple[int, int, str]]] = []
    last_line = -1
    for line_start, cells in rows:
        if blocks and text.rfind("\n", 0, line_start - 1) + 1 == last_line and len(cells) == 1:
            blocks[-1] += cells
        else:
            blocks.append(list(cells))
        last_line = line_start if len(cells) == 1 else -1
    out: list[tuple[int, int, str]] = []
    for block in blocks:
        if len(block) < 2 or (len(block) < 3 and _one_line(text, block)):
            continue
        months = [int(v[:4]) * 12 + int(v[5:]) for _s, _e, v in block]
        steps = {b - a for a, b in zip(months, months[1:], strict=False)}
        if steps in ({1}, {-1}):
            out += block
    return out


def _one_line(text: str, cells: list[tuple[int, int, str]]) -> bool:
    return "\n" not in text[cells[0][0] : cells[-1][1]]


def _scan(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, iso value, text) of each date in `text`, leftmost-longest, without overlaps."""
    found: list[tuple[int, int, str, str]] = []
    mask = bytearray(len(text) + 1)  # 1 where a date was taken: overlap tests in O(length)

    def free(s: int, e: int) -> bool:
        return mask.find(1, s, e) < 0

    def take(s: int, e: int) -> None:
        mask[s:e] = b"\x01" * (e - s)

    months = list(_MONTH_YEAR.finditer(text))
    for m in months:
        d = _DAY_BEFORE.search(text, max(0, m.start() - 4), m.start())
        if not d or _preceded(text, d.start(), "."):
            continue
        v = iso_date(int(m.group(3)), MONTHS[m.group(1).lower()], int(d.group(1)))
        if v and not _bad_context(text, d.start(), m.end()):
            found.append((d.start(), m.end(), v, text[d.start() : m.end()]))
            take(d.start(), m.end())
    for m in _day_num_matches(text):
        if _preceded(text, m.start(), ".,/"):
            continue
        y = int(m.group(3))
        if y < 100:
            y += 2000 if y < 50 else 1900
        v = iso_date(y, int(m.group(2)), int(m.group(1)))
        if v and 1900 <= y <= 2100 and free(*m.span()) and not _bad_context(text, m.start(), m.end()):
            found.append((m.start(), m.end(), v, m.group()))
            take(*m.span())
    for m in months:
        st = m.start()
        if (
            not m.group(2)
            or (st > 0 and text[st - 1].isalnum())
            or (
                _DIGIT_OR_DOT_BEFORE.search(text, max(0, st - 2), st)
                and not _YEAR_BEFORE_MONTH.search(text, max(0, st - 6), st)
            )
        ):
            continue
        v = iso_date(int(m.group(3)), MONTHS[m.group(1).lower()])
        if v and free(*m.span()) and not _bad_context(text, m.start(), m.end()):
            found.append((m.start(), m.end(), v, m.group()))
            take(*m.span())
    for m in _month_num_matches(text):
        if _preceded(text, m.start(), ".,/-") or _NUMBER_LABEL.search(
            text, max(0, m.start() - 20), m.start()
        ):
            continue
        v = iso_date(int(m.group(2)), int(m.group(1)))
        if v and free(*m.span()) and not _bad_context(text, m.start(), m.end()):
            found.append((m.start(), m.end(), v, m.group()))
            take(*m.span())
    # "7. Mai bis 4. August 2025", "13. Mai bis 14. Mai, 20. Mai, 3. Juni 2025": days of a range or
    # list take the year written once at its end.
    for m in _MONTH_ALONE.finditer(text):
        d = _DAY_BEFORE.search(text, max(0, m.start() - 4), m.start())
        if not d:
            # "Juli oder August 2024": a month of a list takes the year written at its end.
            tail = _MONTHS_TO_YEAR.match(text, m.end())
            st = m.start()
            if (
                tail
                and free(st, m.end())
                and not (st > 0 and text[st - 1].isalnum())
                and not _bad_context(text, st, m.end())
            ):
                v = iso_date(int(tail.group("y")), MONTHS[m.group(1).lower()])
                if v:
                    found.append((st, m.end(), v, m.group(1)))
                    take(st, m.end())
            continue
        if _preceded(text, d.start(), ".") or not free(d.start(), m.end()):
            continue
        tail = _LIST_TO_YEAR.match(text, m.end())
        if tail is None:
            continue
        v = iso_date(int(tail.group("y")), MONTHS[m.group(1).lower()], int(d.group(1)))
        if v and not _bad_context(text, d.start(), m.end()):
            found.append((d.start(), m.end(), v, text[d.start() : m.end()]))
            take(d.start(), m.end())
    # "27. und 28. Mai 2025", "14. bis 28. Juni 2024": the first day takes the month and year of the
    # second (looked for right before each full date with a day, not all over the text).
    for fs, _fe, value, _ft in list(found):
        if len(value) != 10 or not text[fs].isdigit():
            continue
        m = _DAY_BEFORE_DAY.search(text, max(0, fs - 12), fs)
        if m is None:
            continue
        ds, de = m.start(1), m.end(1) + 1
        if _preceded(text, ds, ".,/") or not free(ds, de):
            continue
        v = iso_date(int(value[:4]), int(value[5:7]), int(m.group(1)))
        if v:
            found.append((ds, de, v, text[ds:de]))
            take(ds, de)
    full = sorted(found)
    full_starts = [f[0] for f in full]
    for m in sorted((m for rx in _DAY_NOYEAR for m in rx.finditer(text)), key=lambda m: m.start()):
        if m.start() > 0 and text[m.start() - 1].isalnum():
            continue
        # "am 9.11." borrows the year of the nearest full date stated before it.
        k = bisect_left(full_starts, m.start())
        last_year = int(full[k - 1][2][:4]) if k > 0 else None
        ds, de = m.start(1), m.end(2) + 1
        if last_year is None or not free(ds, de):
            continue
        v = iso_date(last_year, int(m.group(2)), int(m.group(1)))
        if v:
            found.append((ds, de, v, text[ds:de]))
            take(ds, de)
    n = len(text)
    for m in _year_matches(text):
        ys, ye = m.span()
        # A year is kept only with words before it or "ff." after it: tested first (most have neither).
        maybe_before = text[max(0, ys - 40) : ys].rstrip().endswith(_YEAR_BEFORE_ENDS)
        j = ye
        while j < n and text[j].isspace():
            j += 1
        maybe_after = j > ye and text.startswith("ff.", j)
        if not (maybe_before or maybe_after):
            continue
        if _preceded(text, ys, ".,/") or not free(ys, ye) or _YEAR_NOT_AFTER.match(text, ye, ye + 2):
            continue
        y = int(m.group())
        b = _YEAR_BEFORE.search(text, max(0, ys - 40), ys) if maybe_before else None
        a = _YEAR_AFTER.match(text, ye) if maybe_after else None
        noun = b.group("noun") if b else None
        if noun and (noun in _NOT_EVENT_NOUNS or _YEAR_RANGE.match(text, ye, ye + 6)):
            b = None
        if not (b or a) or _bad_context(text, ys, ye):
            continue
        s0 = b.start() if b else ys
        e0 = a.end() if a and not b else ye
        found.append((s0, e0, f"{y:04d}", text[s0:e0]))
        take(ys, ye)
    found.sort()
    return found


def extract_dates(doc: Document) -> list[DateFact]:
    """One DateFact per date value stated (its first statement), body and page furniture alike."""
    view = clean_view(doc)
    text = view.text
    sentences = sentences_of(text)
    hints = _Hints(text)
    out: dict[str, DateFact] = {}
    for s, e, value, dtext in _scan(text):
        old = out.get(value)
        if old is not None and old.kind not in ("other", "document"):
            continue  # no later statement changes a value already of a telling kind (see _keep)
        ss, se = sentences.around(s)
        # Tables run on without full stops: a "sentence" is at most a few hundred characters here.
        ss, se = max(ss, s - 240), min(se, e + 240)
        kind = _classify_at(text, s, e, (ss, se), hints)
        if kind == "other" and doc.info.drucksache and s < 300 and doc.info.date is not None:
            kind = "document"
        if _wanted(out, value, kind):
            o_s, o_e = view.span_to_original(s, e)
            _keep(out, DateFact(value, span(doc, o_s, o_e), _what(text[ss:se], kind, dtext), kind))
    # Month rows of tables are read on the text as shipped: the clean view has joined its lines.
    for s, e, value in _month_rows(doc.text):
        if _wanted(out, value, "other"):
            what = _what(doc.text[max(0, s - 240) : e + 240], "other", doc.text[s:e])
            _keep(out, DateFact(value, span(doc, s, e), what, "other"))
    for fs, fe in view.furniture:
        chunk = doc.text[fs:fe]
        if not _MAY_HOLD_DATE.search(chunk):
            continue  # a running head without a date ("Drucksache 21/1234 – 4 – ..."): nothing to scan
        for s, e, value, dtext in _scan(chunk):
            kind = _classify_at(chunk, s, e, (0, len(chunk)))
            if _wanted(out, value, kind):
                what = _what(chunk[max(0, s - 240) : e + 240], kind, dtext)
                _keep(out, DateFact(value, span(doc, fs + s, fs + e), what, kind))
    return sorted(out.values(), key=lambda f: f.span.start)


def _wanted(out: dict[str, DateFact], value: str, kind: str) -> bool:
    """Whether a statement of `value` with `kind` would change `out` (see `_keep`)."""
    old = out.get(value)
    return (
        old is None
        or old.kind == "other"
        and kind != "other"
        or (old.kind == "document" and kind == "answer")
    )


def _keep(out: dict[str, DateFact], fact: DateFact) -> None:
    """First statement of a value wins; a later one with a more telling kind lends its kind and what."""
    old = out.get(fact.value)
    if old is None:
        out[fact.value] = fact
    elif old.kind == "other" and fact.kind != "other" or (old.kind == "document" and fact.kind == "answer"):
        out[fact.value] = DateFact(old.value, old.span, fact.what, fact.kind)
