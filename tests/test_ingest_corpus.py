"""Ingest and the four extractors of this area over every shared document and a corpus sample.

Nothing may crash, every span must quote the text at its offsets, and extraction must stay fast.
"""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from kg.extract.dates import extract_dates
from kg.extract.money import extract_money
from kg.extract.posts import extract_posts
from kg.extract.references import extract_references
from kg.ingest import clean_view, ingest

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _paths() -> list[Path]:
    paths: list[Path] = []
    for folder in (SHARED / "documents", SHARED / "seeds"):
        if folder.is_dir():
            paths.extend(sorted(folder.glob("*.txt")))
    corpus = SHARED / "corpus"
    if corpus.is_dir():
        paths.extend(sorted(corpus.rglob("*.txt"))[::7][:200])
    return paths


pytestmark = pytest.mark.skipif(not (SHARED / "documents").is_dir(), reason="../shared is absent")


def test_every_span_quotes_the_text_and_nothing_crashes() -> None:
    paths = _paths()
    assert len(paths) > 200
    chars = 0
    start = time.perf_counter()
    for p in paths:
        doc = ingest(p)
        chars += len(doc.text)
        spans = [s for s in doc.info.spans] + [part.span for part in doc.parts]
        for found in (extract_money(doc), extract_dates(doc), extract_posts(doc), extract_references(doc)):
            spans.extend(r.span for r in found)
        for s in spans:
            assert s.doc == doc.id
            assert doc.text[s.start : s.end] == s.quote, (p.name, s)
        view = clean_view(doc)
        assert len(view.omap) == len(view.text)
        assert all(0 <= o < len(doc.text) for o in view.omap[:: max(1, len(view.omap) // 50)])
    elapsed = time.perf_counter() - start
    # About 10 KB per document at >= 200 documents a second; a slow CI machine gets a wide margin.
    assert elapsed < chars / 10_000 / 200 * 8 + 2, f"{elapsed:.1f}s for {len(paths)} documents"


def test_own_number_never_cited_and_answers_relation_only_for_the_answered_request() -> None:
    for p in _paths():
        doc = ingest(p)
        refs = extract_references(doc)
        assert doc.info.drucksache not in {r.drucksache for r in refs}
        answered = doc.info.answers.drucksache if doc.info.answers else None
        assert all(r.relation == "cites" or r.drucksache == answered for r in refs)
