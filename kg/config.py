"""Defaults in one place: base IRI, paths, limits."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_BASE = "https://kg.example.org/"
ONTOLOGY_DIR = PROJECT_ROOT / "ontology"
ONTOLOGY_FILE = ONTOLOGY_DIR / "kg.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"
QUERIES_DIR = PROJECT_ROOT / "queries"
DATA_DIR = PROJECT_ROOT / "data"
DEFAULT_OUT = Path("build")
LICENSE_IRI = "http://creativecommons.org/publicdomain/zero/1.0/"


@dataclass(frozen=True)
class Config:
    """Where a build reads from and writes to, and under which base IRI it mints."""

    data_dir: Path = DATA_DIR
    out_dir: Path = DEFAULT_OUT
    base: str = field(default_factory=lambda: os.environ.get("KG_BASE", DEFAULT_BASE))
    curated: bool = True
    jobs: int = 0  # extraction worker processes; 0: one per CPU this process may use

    @property
    def workers(self) -> int:
        """The number of extraction worker processes `jobs` asks for (0: one per usable CPU)."""
        if self.jobs > 0:
            return self.jobs
        cpus = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else range(os.cpu_count() or 1)
        return max(1, len(cpus))

    @property
    def documents_dir(self) -> Path:
        return self.data_dir / "documents"

    @property
    def reference_dir(self) -> Path:
        return self.data_dir / "reference"

    @property
    def curated_dir(self) -> Path:
        return self.data_dir / "curated"
