"""The parts of a Drucksache: header, preliminary remarks, numbered questions, answers."""

from __future__ import annotations

import re

from kg.ingest.lexicon import MONTH_RE
from kg.model import Part, Span

_PRE_Q = re.compile(
    r"V\s?o\s?r\s?b\s?e\s?m\s?e\s?r\s?k\s?u\s?n\s?g\s+d\s?e\s?[rs]\s+(?:K\s?l\s?e\s?i\s?n\s?e\s?n\s+A\s?n\s?f\s?r\s?a\s?g\s?e|"
    r"F\s?r\s?a\s?g\s?e\s?s\s?t\s?e\s?l\s?l\s?e\s?r)|Vorbemerkung\s+(?:der\s+Kleinen\s+Anfrage|der\s+Fragesteller\w*|"
    r"des\s+Fragestellers|der\s+Großen\s+Anfrage)"
)
_PRE_G = re.compile(
    r"V\s?o\s?r\s?b\s?e\s?m\s?e\s?r\s?k\s?u\s?n\s?g\s+d\s?e\s?r\s+(?:B\s?u\s?n\s?d\s?e\s?s|L\s?a\s?n\s?d\s?e\s?s)"
    r"\s?r\s?e\s?g\s?i\s?e\s?r\s?u\s?n\s?g|Vorbemerkung\s+der\s+(?:Bundes|Landes|Staats)regierung"
)
# A numbered question at a line start ("1. Wie ...", " 8. Wie ...", "- 4. Wie ...", "1. ***In welcher ...").
_QUESTION = re.compile(
    r"^[^\S\n]*(?:[-•][^\S\n]*)?(?:\*+[^\S\n]*)?(\d{1,3})\.[^\S\n]*(?:\*+[^\S\n]*)?(?!(?:"
    + MONTH_RE
    + r")\b)(?=[A-ZÄÖÜ„*\n])",
    re.MULTILINE,
)
_Q_END = re.compile(r"\?[ \t]*[)\]]?[ \t]*\**[ \t]*(?=\n|$)|\?\**[ \t]*$", re.MULTILINE)
_NUMS = r"(\d{1,3}(?:\s*(?:,|und|bis|sowie|–|-)\s*\d{1,3})*)"
_ANSWER = re.compile(
    r"^[ \t]*(?:\*+)?Zu\s+(?:den\s+)?Fragen?\s+" + _NUMS + r"\s*:?"
    r"|(?:^|(?<=[.:]\s))Die\s+Fragen\s+"
    + _NUMS
    + r"\s+werden\b[^.\n]{0,80}?(?:\n[^.\n]{0,80}?)?\s*(?:gemeinsam|zusammen)\s+"
    r"beantwortet\s*\.?",
    re.MULTILINE,
)
# Where _QUESTION and _ANSWER can match: searching for these first (a line break, a literal word) is
# many times faster than trying the line-anchored patterns at every character.
_QUESTION_HINT = re.compile(r"\n[^\S\n]*(?:[-•][^\S\n]*)?(?:\*+[^\S\n]*)?\d{1,3}\.")
_ANSWER_HINT = re.compile(r"Zu\s+(?:den\s+)?Fragen?\s|Die\s+Fragen\s")


def _questions(text: str, body_start: int) -> list[re.Match[str]]:
    """_QUESTION.finditer(text, body_start), found through _QUESTION_HINT."""
    at = [m.start() + 1 for m in _QUESTION_HINT.finditer(text, max(body_start - 1, 0))]
    if body_start == 0:
        at.insert(0, 0)
    out = []
    for a in at:
        m = _QUESTION.match(text, a)
        if m:
            out.append(m)
    return out


def _answers(text: str) -> list[re.Match[str]]:
    """_ANSWER.finditer(text) through _ANSWER_HINT: a match starts at the hint or at its line's start."""
    at: set[int] = set()
    for h in _ANSWER_HINT.finditer(text):
        at.add(h.start())
        if h.group().startswith("Zu"):
            at.add(text.rfind("\n", 0, h.start()) + 1)
    out = []
    end = 0
    for a in sorted(at):
        if a < end:
            continue
        m = _ANSWER.match(text, a)
        if m:
            out.append(m)
            end = m.end()
    return out


def numbers(expr: str) -> tuple[int, ...]:
    """Question numbers of "1 bis 5", "6, 7, 8 und 10", "1 und 8"."""
    out: list[int] = []
    for m in re.finditer(r"(\d{1,3})(?:\s*(?:bis|–|-)\s*(\d{1,3}))?", expr):
        a = int(m.group(1))
        b = int(m.group(2)) if m.group(2) else a
        out.extend(range(a, b + 1) if 0 < b - a < 100 else [a])
    return tuple(sorted(set(out)))


def find_parts(text: str, doc_id: str, body_start: int) -> tuple[Part, ...]:
    """The parts of `text`: each marker opens a part that runs to the next marker."""
    markers: list[tuple[int, int, str, tuple[int, ...]]] = []  # (start, content start, kind, numbers)
    for m in _PRE_Q.finditer(text):
        markers.append((m.start(), m.end(), "preliminary_questioners", ()))
    for m in _PRE_G.finditer(text):
        markers.append((m.start(), m.end(), "preliminary_government", ()))
    for m in _answers(text):
        nums = numbers(m.group(1) or m.group(2) or "")
        markers.append((m.start(), m.start(), "answer", nums))
    for m in _questions(text, body_start):
        n = int(m.group(1))
        # Numbered list items inside answers ("1. Januar" is excluded by the capital test) are told
        # from questions by the running order; Bundestag answers may skip numbers ("1.", "8.").
        if n < 1 or n > 200:
            continue
        markers.append((m.start(), m.start(), "question", (n,)))
    markers.sort()
    # Drop answer markers that repeat a "Zu den Fragen" heading right above ("Zu den Fragen 1 und 3:
    # Die Fragen 1 und 3 werden ... gemeinsam beantwortet").
    dedup: list[tuple[int, int, str, tuple[int, ...]]] = []
    for mk in markers:
        if (
            dedup
            and mk[2] == "answer"
            and dedup[-1][2] == "answer"
            and dedup[-1][3] == mk[3]
            and mk[0] - dedup[-1][0] < 200
        ):
            continue
        dedup.append(mk)
    markers = dedup

    parts: list[Part] = []

    def add(kind: str, s: int, e: int, nums: tuple[int, ...] = ()) -> None:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            parts.append(Part(kind, Span(doc_id, s, e, text[s:e]), nums))

    first = markers[0][0] if markers else len(text)
    add("header", 0, min(first, body_start) if body_start else first)
    for i, (s, _cs, kind, nums) in enumerate(markers):
        e = markers[i + 1][0] if i + 1 < len(markers) else len(text)
        if kind == "question":
            qe = _Q_END.search(text, s, e)
            if qe and text[qe.end() : e].strip():
                add("question", s, qe.end(), nums)
                nxt = markers[i + 1] if i + 1 < len(markers) else None
                if nxt is None or nxt[2] != "question" or text[qe.end() : nxt[0]].strip():
                    add("answer", qe.end(), e, nums)
                continue
        add(kind, s, e, nums)
    return tuple(parts)
