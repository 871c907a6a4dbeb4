"""Build stages after extraction at N synthetic documents: validation old vs new, export, peak memory.

    .venv/bin/python benchmarks/build_scale.py [--sizes 10 100 1000] [--old-max 100] [--workers 2]

Each (N, way) runs in a fresh process, so peak memory (max RSS) is its own; the documents come from
benchmarks/corpus.py (the build of data/ copied under new IRIs). "old" is the single pySHACL call over a
Dataset that `kg build` used before (validate_graph), "new" is validate_graphs (chunks in a pool, SPARQL
once). Export writes kg.trig, kg.ttl, kg.nt and kg.jsonld as the build does. Extraction is measured by
benchmarks/extract_speed.py.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def cpu_seconds() -> float:
    """User and system CPU time of this process and its finished children."""
    me, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + children.ru_utime + children.ru_stime


def _dataset(graphs: dict) -> object:
    """The named graphs as one rdflib Dataset: what the old single pySHACL call validated."""
    from rdflib import Dataset

    ds = Dataset()
    for name, triples in graphs.items():
        context = ds.graph(name)
        for t in triples:
            context.add(t)
    return ds


def measure(n: int, way: str, workers: int) -> dict[str, object]:
    """One way of validating N documents (and, for the new way, exporting), in this process."""
    from benchmarks.corpus import synthetic_graphs
    from kg import export
    from kg.config import Config
    from kg.validate import validate_graph, validate_graphs

    ontology = __import__("rdflib").URIRef(Config().base + "graph/ontology")
    graphs = synthetic_graphs(n)
    data = {g: t for g, t in graphs.items() if g != ontology}  # as kg build: the ontology stays out
    out: dict[str, object] = {"n": n, "way": way, "triples": len(export.union_triples(graphs))}
    t0, cpu0 = time.perf_counter(), cpu_seconds()
    report = validate_graph(_dataset(data)) if way == "old" else validate_graphs(data, workers=workers)
    out["validate_s"] = time.perf_counter() - t0
    out["validate_cpu_s"] = cpu_seconds() - cpu0  # the pool's workers are joined by now, so they count
    out["load"] = os.getloadavg()[0]  # other work on the machine slows the pool: say how much there was
    out["conforms"], out["results"] = report.conforms, len(report.results)
    if way == "new":
        t0 = time.perf_counter()
        union = export.union_triples(graphs)
        with tempfile.TemporaryDirectory() as tmp:
            export.write_trig(export.sorted_quads(graphs), Path(tmp) / "kg.trig")
            export.write_turtle(union, Path(tmp) / "kg.ttl")
            export.write_ntriples(union, Path(tmp) / "kg.nt")
            export.write_jsonld(union, Path(tmp) / "kg.jsonld")
        out["export_s"] = time.perf_counter() - t0
    # ru_maxrss is in KiB on Linux; the pool's workers count as children
    out["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["worker_peak_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return out


def run_child(n: int, way: str, workers: int) -> dict[str, object]:
    """`measure` in a fresh interpreter, so that peak memory is this run's alone."""
    cmd = [sys.executable, __file__, "--child", str(n), way, "--workers", str(workers)]
    t0 = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, check=False, cwd=ROOT)
    if done.returncode != 0:
        raise SystemExit(f"{way} at N={n} failed:\n{done.stderr}")
    row = json.loads(done.stdout.strip().splitlines()[-1])
    row["process_s"] = time.perf_counter() - t0
    return row


def table(rows: list[dict[str, object]]) -> str:
    """The figures as a Markdown table: one line per N, old and new side by side."""
    lines = [
        "| documents | triples | old validate s (CPU s) | new validate s (CPU s) | old / new | export s "
        "| peak MiB old | peak MiB new (parent / worker) | load | results |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for n in sorted({int(r["n"]) for r in rows}):  # type: ignore[call-overload]
        new = next(r for r in rows if r["n"] == n and r["way"] == "new")
        old = next((r for r in rows if r["n"] == n and r["way"] == "old"), None)
        old_s = f"{old['validate_s']:.1f} ({old['validate_cpu_s']:.1f})" if old else "not run"
        old_mib = f"{old['peak_mib']:.0f}" if old else "-"
        ratio = f"{old['validate_s'] / new['validate_s']:.1f}" if old else "-"  # type: ignore[operator]
        load = max(float(r["load"]) for r in (new, old) if r)  # type: ignore[arg-type]
        lines.append(
            f"| {n} | {new['triples']:,} | {old_s} | {new['validate_s']:.1f} ({new['validate_cpu_s']:.1f}) "
            f"| {ratio} | {new['export_s']:.1f} | {old_mib} "
            f"| {new['peak_mib']:.0f} / {new['worker_peak_mib']:.0f} | {load:.1f} | {new['results']} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    ap.add_argument("--old-max", type=int, default=100, help="run the old single pySHACL call up to this N")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--child", nargs=2, metavar=("N", "WAY"), help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(measure(int(args.child[0]), args.child[1], args.workers)))
        return 0
    rows = []
    for n in args.sizes:
        for way in ("new", "old") if n <= args.old_max else ("new",):
            row = run_child(n, way, args.workers)
            print(f"N={n} {way}: {row['validate_s']:.1f} s validate, {row['peak_mib']:.0f} MiB", flush=True)
            rows.append(row)
    print(table(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
