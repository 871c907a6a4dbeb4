"""Budget posts (Planstellen/Stellen): "fünf (Plan-)Stellen (1 x B2, 2 x A11, 1 x A13, 1 x EG 9)".

Posts of one pay grade become one `Post` (grade normalised: "B2", "A11", "EG 9"); whether they are
filled comes from a nearby sentence ("Die (Plan-) Stellen sind bis auf die EG 9 Stelle besetzt":
all filled except EG 9). Counts of posts without a pay grade ("über 7.800 Planstellen und Stellen",
"139 neuen Regierungsstellen") become posts with grade None.
"""

from __future__ import annotations

import re
from decimal import Decimal

from kg.extract._text import NUMBER_WORD_RE, found_starts, matches_at, number_word, parse_number, sentences_of
from kg.ingest.normalise import clean_view
from kg.model import Document, Post
from kg.spans import span

_COUNT = r"(?P<n>\d{1,4}|" + NUMBER_WORD_RE + r")"
_GRADE_PREFIX = r"(?:(?:Besoldungsgruppe|BesGr\.?|Bes\.\s?Gr\.|Entgeltgruppe|Wertigkeit)\s+)?"
# Grades are rare, so the scan looks for them first and reads the count in a short window before.
_GRADE_TOKEN = re.compile(r"(?<![\w-])(?P<g>(?:EG|E)\s?\d{1,2}(?:\s?[a-c]\b)?|[ABRW]\s?\d{1,2})(?!\d|[,.]\d)")
# Where a grade token can start (a fast scan; the look-behind above makes the engine try every character).
_GRADE_AT = re.compile(r"[ABERW](?=G?\s?\d)")
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
# Table rows "A 13   5" (a grade, then a count, alone on a line).
_ROW = re.compile(
    r"^[ \t]*(?P<g>(?:EG|E)\s?\d{1,2}|[ABRW]\s?\d{1,2})[ \t]+(?P<n>\d{1,4})[ \t]*$", re.MULTILINE
)
# The line breaks before such rows: the row pattern is tried only on the lines after them.
_ROW_BREAK = re.compile(r"\n(?=[ \t]*(?:EG|E|[ABRW])\s?\d)")
# The noun is found by its literal ending (a fast scan); its compound prefix is checked in Python.
_POST_NOUN = re.compile(r"[Ss]tellen\b")
_POST_PREFIXES = ("Plan", "Regierungs", "Beamten", "Lehrer", "Richter", "Personal", "Haushalts", "Polizei")
# The count before a post noun (the window ends where the noun starts).
_AGGREGATE = re.compile(
    r"(?<![\d.,/])(?P<n>\d{1,3}(?:\.\d{3})+|\d{1,5},\d{1,2}|\d{1,5})(?![\d,]|\.\d)\s+(?:\(\w+\)\s+)?(?:(?:dieser|der|davon)\s+)?"
    r"(?:(?:neue[nr]?|zusätzliche[nr]?|weitere[nr]?|besetzte[nr]?|unbesetzte[nr]?|offene[nr]?|freie[nr]?|vakante[nr]?)\s+)?"
    r"(?:\(?Plan-?\)?\s?)?$"
)
_FILLED = re.compile(
    r"\b(?:unbesetzt|nicht\s+besetzt|vakant|nicht\s+(?:mehr\s+)?belegt|offen|frei)\b|\bbesetzt\b"
)
_EXCEPT = re.compile(
    r"(?:bis\s+auf|mit\s+Ausnahme|außer|ausgenommen)\s+(?:der|die|den|des)?\s*(?P<rest>[^.;]{0,80})"
)
_GRADE_ONLY = re.compile(r"(?:EG|E)\s?\d{1,2}|[ABRW]\s?\d{1,2}(?![\d])")


def normalise_grade(g: str) -> str:
    """ "E 13" / "EG13" -> "EG 13"; "A 11" -> "A11"; "B 2" -> "B2"."""
    g = " ".join(g.split()).upper()
    m = re.fullmatch(r"(EG|E)\s?(\d{1,2})(?:\s?([A-C]))?", g)
    if m:
        return f"EG {int(m.group(2))}" + (m.group(3).lower() if m.group(3) else "")
    m = re.fullmatch(r"([ABRW])\s?(\d{1,2})", g)
    if m:
        return f"{m.group(1)}{int(m.group(2))}"
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


def extract_posts(doc: Document) -> list[Post]:
    """Budget posts by pay grade (and counts of posts without a grade), with filled status where stated."""
    view = clean_view(doc)
    text = view.text
    sentences = sentences_of(text)
    graded: list[tuple[int, int, str, int, int]] = []  # clean start, end, grade, count, sentence
    taken: list[tuple[int, int]] = []
    for g in matches_at(_GRADE_TOKEN, text, found_starts(text, _GRADE_AT)):
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
        if any(a < e and s < b for a, b in taken):
            continue
        n = _count(m.group("n"))
        if not n or n > 5000:
            continue
        graded.append((s, e, normalise_grade(g.group("g")), n, sentences.index(s)))
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
    rows = [0, *(b + 1 for b in found_starts(doc.text, _ROW_BREAK))]
    for m in matches_at(_ROW, doc.text, rows):
        n = _count(m.group("n"))
        if n and not any(p.span.start <= m.start() < p.span.end for p in out):
            out.append(Post(grade=normalise_grade(m.group("g")), count=n, span=span(doc, m.start(), m.end())))
    seen_counts: set[int | Decimal] = set()
    for noun in matches_at(_POST_NOUN, text, (t - 1 for t in found_starts(text, "tellen") if t > 0)):
        noun_start = noun.start()
        if text[noun_start] == "s":
            noun_start -= next((len(p) for p in _POST_PREFIXES if text.endswith(p, 0, noun_start)), 0)
        lo = max(0, noun_start - 60)
        m = _AGGREGATE.search(text, lo, noun_start)
        if not m:
            continue
        m_start, m_end = m.start(), noun.end()
        n = _count(m.group("n"))
        if not n or n in seen_counts:
            continue
        before = text[max(0, m_start - 12) : m_start]
        if (
            1950 <= n <= 2049
            and "." not in m.group("n")
            and re.search(r"(?:Jahr|im|in|seit|bis|ab|vom)\s*$", before)
        ):
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
