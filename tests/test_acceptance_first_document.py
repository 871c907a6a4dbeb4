"""Issue acceptance: extraction alone reproduces the first document's gold; with curated facts, exactly."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.config import DATA_DIR
from kg.eval import evaluate

STEM = "000_ee5d8307e83ed3e5"


@pytest.fixture(scope="module")
def gold_dir(shared_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("gold")
    shutil.copy(shared_dir / "gold" / f"{STEM}.yaml", folder)
    return folder


@pytest.mark.parametrize("curated", [False, True])
def test_first_document(gold_dir: Path, curated: bool) -> None:
    report = evaluate(gold_dir, [DATA_DIR / "documents"], curated=curated)
    assert not report.errors()
    totals = report.totals()
    assert set(totals) >= {
        "money",
        "persons",
        "organisations",
        "dates",
        "references",
        "posts",
        "agreements",
        "projects",
    }
    for kind, c in totals.items():
        assert c.f1 >= (1.0 if curated else 0.95), (kind, c.as_dict())
    assert totals["money"].fp == 0, "a wrong amount of money"
