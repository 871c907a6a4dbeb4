"""Dependencies point one way: ingest and extract know records, never RDF, stores or the web."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from kg.config import PROJECT_ROOT

FORBIDDEN = (
    "rdflib",
    "pyoxigraph",
    "pyshacl",
    "SPARQLWrapper",
    "flask",
    "kg.mapping",
    "kg.store",
    "kg.export",
    "kg.vocab",
    "kg.validate",
    "kg.serve",
    "kg.api",
    "kg.curated",
)
STAGES = ["kg/ingest", "kg/extract", "kg/resolve.py", "kg/model.py", "kg/spans.py"]


def modules() -> list[Path]:
    out: list[Path] = []
    for stage in STAGES:
        p = PROJECT_ROOT / stage
        out += sorted(p.rglob("*.py")) if p.is_dir() else [p]
    return out


def imported(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
    return names


@pytest.mark.parametrize("path", modules(), ids=lambda p: str(p.relative_to(PROJECT_ROOT)))
def test_early_stages_import_no_rdf_and_no_later_stage(path: Path) -> None:
    bad = {n for n in imported(path) for f in FORBIDDEN if n == f or n.startswith(f + ".")}
    assert not bad, f"{path.name} imports {sorted(bad)}"


def test_ingest_does_not_import_extract() -> None:
    for path in sorted((PROJECT_ROOT / "kg" / "ingest").rglob("*.py")):
        assert not {n for n in imported(path) if n.startswith("kg.extract")}, path.name
