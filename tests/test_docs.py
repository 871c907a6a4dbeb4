"""The ontology's HTML documentation renders offline and names its classes."""

from __future__ import annotations

from pathlib import Path

from kg.docs import render_docs


def test_render_docs(tmp_path: Path) -> None:
    index = render_docs(tmp_path / "ontology")
    assert index == tmp_path / "ontology" / "index.html"
    html = index.read_text(encoding="utf-8")
    for name in ("Drucksache", "DerivedAmount", "TextSpan", "Monetary amount", "Secondment"):
        assert name in html, name
