"""Load on `kg serve`: N clients run the stored queries for S seconds on loopback; throughput, p50/p99."""

from __future__ import annotations

import argparse
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from kg.config import DEFAULT_BASE, QUERIES_DIR
from kg.queries import bind, load_catalogue
from kg.store import LocalStore


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("build", type=Path)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60.0)
    args = ap.parse_args()
    local = LocalStore.from_build(args.build)
    sample = (
        local.query(
            "SELECT ?r WHERE { ?r <http://www.w3.org/ns/prov#wasDerivedFrom> ?s FILTER(isIRI(?r)) } "
            "ORDER BY ?r LIMIT 1"
        )
        .rows[0]["r"]
        .value
    )
    queries = []
    for q in load_catalogue(QUERIES_DIR).values():
        params = {p.name: sample for p in q.parameters if p.required}
        queries.append(bind(q, params, DEFAULT_BASE))
    port = free_port()
    # Load tests only ever target loopback.
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "kg.cli",
            "serve",
            "--build",
            str(args.build),
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/sparql"
    for _ in range(100):
        try:
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1).read()
            break
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.1)
    latencies: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop = time.monotonic() + args.seconds

    def client(i: int) -> None:
        n = i
        while time.monotonic() < stop:
            text = queries[n % len(queries)]
            n += 1
            body = urllib.parse.urlencode({"query": text}).encode()
            req = urllib.request.Request(
                url, data=body, headers={"Accept": "application/sparql-results+json"}
            )
            t = time.perf_counter()
            try:
                with urllib.request.urlopen(req, timeout=30) as resp:
                    resp.read()
                    ok = resp.status == 200
            except (urllib.error.URLError, ConnectionError, TimeoutError) as e:
                ok = False
                with lock:
                    errors.append(repr(e))
            dt = time.perf_counter() - t
            with lock:
                if ok:
                    latencies.append(dt)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(args.clients)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.monotonic() - start
    server.terminate()
    server.wait(10)
    lat = sorted(latencies)
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1e3  # noqa: E731
    print(f"clients {args.clients}, {elapsed:.1f} s, {len(queries)} stored queries in rotation")
    print(f"requests ok {len(lat)}, errors {len(errors)}")
    print(f"throughput {len(lat) / elapsed:.1f} req/s")
    print(f"latency p50 {p(0.50):.1f} ms, p99 {p(0.99):.1f} ms, mean {statistics.mean(lat) * 1e3:.1f} ms")
    if errors:
        print("first errors:", *sorted(set(errors))[:5], sep="\n  ")
        sys.exit(1)


if __name__ == "__main__":
    main()
