"""The benchmarks still run (a smoke test at tiny sizes: their figures are never asserted)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from kg.config import PROJECT_ROOT

BENCH = PROJECT_ROOT / "benchmarks"


def _run(*argv: str) -> str:
    done = subprocess.run(
        [sys.executable, *argv], capture_output=True, text=True, cwd=PROJECT_ROOT, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_build_scale_runs_at_a_tiny_size() -> None:
    out = _run(str(BENCH / "build_scale.py"), "--sizes", "10")
    assert "| 10 |" in out


def test_extract_speed_runs_on_a_few_documents(shared_dir) -> None:  # noqa: ANN001
    corpus = shared_dir / "corpus" / "bundestag-21"
    if not corpus.is_dir():
        pytest.skip("no corpus beside the project")
    out = _run(str(BENCH / "extract_speed.py"), "--limit", "5", "--corpus", str(corpus))
    assert "ingest+extract+resolve" in out and "documents of the first document's size" in out
