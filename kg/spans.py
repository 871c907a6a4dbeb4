"""The shared span toolkit: every extractor makes its spans here, so quotes always equal the text."""

from __future__ import annotations

import re
from collections.abc import Iterator

from kg.model import Document, Span


def span(doc: Document, start: int, end: int) -> Span:
    """The span [start, end) of `doc`, with its quote read from the text as shipped."""
    if not 0 <= start <= end <= len(doc.text):
        raise ValueError(f"span {start}:{end} outside {doc.id} ({len(doc.text)} chars)")
    return Span(doc.id, start, end, doc.text[start:end])


def find_quote(text: str, quote: str, start: int = 0) -> tuple[int, int] | None:
    """Offsets of `quote` in `text`, tolerating differences in whitespace and line breaks."""
    i = text.find(quote, start)
    if i >= 0:
        return i, i + len(quote)
    words = quote.split()
    if not words:
        return None
    # Soft hyphens and hyphenated line breaks are not bridged here on purpose: a curated quote
    # must be the words as printed, whitespace aside.
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.compile(pattern).search(text, start)
    return (m.start(), m.end()) if m else None


def find_all_quotes(text: str, quote: str) -> Iterator[tuple[int, int]]:
    """Every occurrence of `quote` (whitespace-tolerant), left to right."""
    pos = 0
    while (hit := find_quote(text, quote, pos)) is not None:
        yield hit
        pos = hit[0] + 1
