"""pyoxigraph against rdflib's memory store on the stored queries: load time and query time, with ratios."""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Dataset

from kg.config import DEFAULT_BASE, QUERIES_DIR
from kg.queries import bind, load_catalogue


def best_of(n: int, fn) -> float:  # noqa: ANN001
    times = []
    for _ in range(n):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return min(times)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("build", type=Path, help="a build folder with kg.trig")
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    trig = args.build / "kg.trig"

    def load_ox() -> ox.Store:
        s = ox.Store()
        s.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
        return s

    def load_rdflib() -> Dataset:
        ds = Dataset(default_union=True)
        ds.parse(trig, format="trig")
        return ds

    ox_load, rl_load = best_of(args.repeat, load_ox), best_of(args.repeat, load_rdflib)
    store, ds = load_ox(), load_rdflib()
    print(f"triples: {len(store)}")
    print(f"{'step':32} {'pyoxigraph ms':>14} {'rdflib ms':>10} {'ratio':>7}")
    print(f"{'load kg.trig':32} {ox_load * 1e3:14.1f} {rl_load * 1e3:10.1f} {rl_load / ox_load:7.1f}")
    ratios = []
    for name, q in load_catalogue(QUERIES_DIR).items():
        params = {p.name: "https://kg.example.org/id/project/x" for p in q.parameters if p.required}
        text = bind(q, params, DEFAULT_BASE)
        t_ox = best_of(args.repeat, lambda t=text: list(store.query(t, use_default_graph_as_union=True)))
        t_rl = best_of(args.repeat, lambda t=text: list(ds.query(t)))
        ratios.append(t_rl / t_ox)
        print(f"{name:32} {t_ox * 1e3:14.2f} {t_rl * 1e3:10.2f} {t_rl / t_ox:7.1f}")
    print(f"median query ratio (rdflib / pyoxigraph): {statistics.median(ratios):.1f}")


if __name__ == "__main__":
    main()
