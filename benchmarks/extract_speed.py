"""Extraction speed on one core: documents and characters per second, beside a plain-ingest baseline.

    .venv/bin/python benchmarks/extract_speed.py [--corpus DIR] [--limit N] [--repeat R]

Runs in one process on one CPU (pinned where the system allows), over the corpus files sorted by
name; reports the best of R runs per stage so that a busy machine disturbs the figures less.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from kg.config import DATA_DIR  # noqa: E402
from kg.eval import extract_document  # noqa: E402
from kg.ingest import ingest  # noqa: E402
from kg.reference import ReferenceData, load_reference  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus" / "bundestag-21"
FIRST_DOCUMENT_CHARS = 8956  # data/documents/000_ee5d8307e83ed3e5.txt, the size the target is stated for


def pin_to_one_core() -> str:
    """Keep the process on one CPU, so the figures are per core."""
    if hasattr(os, "sched_setaffinity"):
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    return "not pinned (no sched_setaffinity here)"


def timed(paths: list[Path], step: Callable[[Path], object], repeat: int) -> float:
    """The best wall time of `repeat` passes of `step` over every path."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        for p in paths:
            step(p)
        best = min(best, time.perf_counter() - t0)
    return best


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument(
        "--corpus", type=Path, default=DEFAULT_CORPUS, help="folder of .txt documents (searched deeply)"
    )
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents (0: all)")
    ap.add_argument("--repeat", type=int, default=1, help="passes per stage; the best counts")
    ap.add_argument(
        "--size",
        default="",
        metavar="MIN:MAX",
        help="only documents of MIN to MAX bytes (e.g. 6000:12000, about the first document's 9 KB)",
    )
    args = ap.parse_args(argv)
    paths = sorted(args.corpus.rglob("*.txt"))
    if args.size:
        try:
            lo, hi = (int(x) if x else None for x in args.size.split(":"))
        except ValueError:
            print(f"--size: expected MIN:MAX in bytes, got {args.size!r}", file=sys.stderr)
            return 2
        paths = [
            p
            for p in paths
            if (lo is None or p.stat().st_size >= lo) and (hi is None or p.stat().st_size <= hi)
        ]
    if args.limit:
        paths = paths[: args.limit]
    if not paths:
        print(f"{args.corpus}: no .txt documents", file=sys.stderr)
        return 2
    where = pin_to_one_core()
    reference: ReferenceData = load_reference(DATA_DIR / "reference")
    chars = sum(len(p.read_text(encoding="utf-8", errors="replace")) for p in paths)

    stages: list[tuple[str, Callable[[Path], object]]] = [
        ("read file (floor)", lambda p: p.read_text(encoding="utf-8", errors="replace")),
        ("ingest (baseline)", ingest),
        ("ingest+extract+resolve", lambda p: extract_document(p, reference, curated=False)),
    ]
    extract_document(paths[0], reference, curated=False)  # one-time costs (lazy regex compiles) out
    print(f"corpus: {args.corpus} — {len(paths)} documents, {chars:,} characters; {where}")
    print(f"{'stage':26} {'seconds':>9} {'docs/s':>10} {'chars/s':>14}")
    seconds: dict[str, float] = {}
    for name, step in stages:
        s = timed(paths, step, args.repeat)
        seconds[name] = s
        print(f"{name:26} {s:9.2f} {len(paths) / s:10.1f} {chars / s:14,.0f}")
    ratio = seconds["ingest+extract+resolve"] / seconds["ingest (baseline)"]
    print(f"pipeline takes {ratio:.1f}× the time of ingest alone")
    per_char = seconds["ingest+extract+resolve"] / chars
    equivalent = 1 / (per_char * FIRST_DOCUMENT_CHARS)
    print(f"at this rate: {equivalent:.0f} documents of the first document's size per second")
    return 0


if __name__ == "__main__":
    sys.exit(main())
