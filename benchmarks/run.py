"""`make bench`: every benchmark in turn, with its output; `--all` adds the slow serve load test.

    .venv/bin/python benchmarks/run.py [--all] [--quick]

extract_speed.py and build_scale.py always run; store_choice.py (and serve_load.py with --all) need a
build folder, so run.py builds data/ into build/bench first. `--quick` uses small sizes, for a check
that the benchmarks still work. Figures go to the terminal; benchmarks/results.md records the ones we quote.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"


def plan(everything: bool, quick: bool, build_dir: Path) -> list[tuple[str, list[str]]]:
    """(name, argv) for each benchmark that exists, in the order they run."""
    steps = [
        ("extract_speed.py", ["--limit", "10" if quick else "150"]),
        ("build_scale.py", ["--sizes", "10", "100"] if quick else ["--sizes", "10", "100", "1000"]),
        ("store_choice.py", [str(build_dir), "--repeat", "1" if quick else "5"]),
    ]
    if everything:
        steps.append(("serve_load.py", [str(build_dir), "--seconds", "5" if quick else "60"]))
    return [(name, args) for name, args in steps if (BENCH / name).is_file()]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--all", action="store_true", help="also run serve_load.py (a minute or more)")
    ap.add_argument("--quick", action="store_true", help="small sizes: check that the benchmarks run")
    args = ap.parse_args(argv)
    build_dir = ROOT / "build" / "bench"
    steps = plan(args.all, args.quick, build_dir)
    if any(step_args[:1] == [str(build_dir)] for _, step_args in steps):
        print(f"== kg build --out {build_dir}", flush=True)
        build = [sys.executable, "-m", "kg.cli", "build", "--out", str(build_dir)]
        subprocess.run(build, cwd=ROOT, check=True)
    failed = []
    for name, step_args in steps:
        print(f"\n== {name} {' '.join(step_args)}", flush=True)
        t0 = time.perf_counter()
        done = subprocess.run([sys.executable, str(BENCH / name), *step_args], cwd=ROOT, check=False)
        print(f"== {name}: exit {done.returncode} after {time.perf_counter() - t0:.0f} s", flush=True)
        if done.returncode != 0:
            failed.append(name)
    if failed:
        print(f"failed: {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
