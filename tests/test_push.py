"""kg push: every named graph replaced whole through the Graph Store Protocol; a half-way failure is reported."""

from __future__ import annotations

import shutil
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner
from servers import OXIGRAPH, Server, oxigraph_server

from kg.cli import main
from kg.push import graph_store_for, push
from kg.store import LocalStore, RemoteStore, bindings_set

DATA = Path(__file__).parent / "data" / "sparql"
GRAPHS_BY_SIZE = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"


@pytest.mark.parametrize(
    ("endpoint", "store"),
    [
        ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/store"),
        ("http://localhost:8890/sparql", "http://localhost:8890/sparql-graph-crud"),
        ("http://example.org/ds/sparql", "http://example.org/ds/sparql"),
        ("https://example.org/endpoint", "https://example.org/endpoint"),
    ],
)
def test_graph_store_url_for_known_layouts(endpoint: str, store: str) -> None:
    assert graph_store_for(endpoint) == store


def changed_build(tmp_path: Path) -> Path:
    """A second version of the test build: every document graph's amounts doubled, a label changed."""
    out = tmp_path / "v2"
    shutil.copytree(DATA, out)
    trig = out / "kg.trig"
    text = trig.read_text(encoding="utf-8")
    text = text.replace('"250000"^^', '"500000"^^').replace('"80000"^^', '"160000"^^')
    trig.write_text(text, encoding="utf-8")
    return out


def sizes(server: Server) -> dict[str, int]:
    r = RemoteStore(server.query_url, retries=0).query(GRAPHS_BY_SIZE)
    return {row["g"].value: int(row["n"].value) for row in r.rows}


@pytest.mark.server
def test_push_replaces_graphs_whole_and_twice_is_the_same(oxigraph_server: Server) -> None:
    first = push(DATA, oxigraph_server.query_url, progress=False)
    second = push(DATA, oxigraph_server.query_url, progress=False)
    local = LocalStore.from_build(DATA)
    assert first.replaced == second.replaced == local.graphs()
    expected = {row["g"].value: int(row["n"].value) for row in local.query(GRAPHS_BY_SIZE).rows}
    assert first.triples == second.triples == sum(expected.values())
    assert {g: n for g, n in sizes(oxigraph_server).items() if g in expected} == expected


@pytest.mark.server
@pytest.mark.skipif(not Path(OXIGRAPH).exists(), reason="oxigraph not installed")
def test_a_push_that_dies_half_way_leaves_each_graph_old_or_new(tmp_path: Path) -> None:
    v2 = changed_build(tmp_path)
    store_dir = tmp_path / "store"
    store_dir.mkdir()
    with oxigraph_server(store_dir) as server:
        port = server.query_url.split(":")[2].split("/")[0]
        assert push(DATA, server.query_url, progress=False).ok
        assert server.process is not None
        proc = server.process

        def kill_after_first(graph: str) -> None:
            proc.send_signal(signal.SIGKILL)  # the server dies between two PUTs
            proc.wait()

        report = push(v2, server.query_url, progress=False, retries=1, on_graph=kill_after_first)
    graphs = LocalStore.from_build(DATA).graphs()
    assert not report.ok
    assert report.replaced == graphs[:1]
    assert report.failed == graphs[1]
    assert report.not_attempted == graphs[2:]
    assert "cannot reach" in (report.error or "")
    assert f"replaced: {graphs[0]}" in report.summary()
    # The same data folder, served again: doc-a is wholly new, every other graph wholly old.
    with oxigraph_server(store_dir, port=int(port)) as again:
        remote = RemoteStore(again.query_url, retries=0)
        old, new = LocalStore.from_build(DATA), LocalStore.from_build(v2)
        for g in graphs:
            q = f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}"
            want = new if g == graphs[0] else old
            assert bindings_set(remote.query(q)) == bindings_set(want.query(q)), g


@pytest.mark.server
def test_cli_push_to_virtuoso_says_what_it_replaced(virtuoso_server: Server) -> None:
    result = CliRunner().invoke(main, ["push", "--build", str(DATA), "--endpoint", virtuoso_server.query_url])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("replaced 4 graph(s), ")
    local = LocalStore.from_build(DATA)
    expected = {row["g"].value: int(row["n"].value) for row in local.query(GRAPHS_BY_SIZE).rows}
    assert {g: n for g, n in sizes(virtuoso_server).items() if g in expected} == expected


def test_cli_push_to_nothing_listening_fails_clearly() -> None:
    from servers import free_port

    url = f"http://127.0.0.1:{free_port()}/store"
    result = CliRunner().invoke(main, ["push", "--build", str(DATA), "--graph-store", url, "--no-progress"])
    assert result.exit_code == 1
    assert "FAILED on https://kg.example.org/graph/document/doc-a: cannot reach" in result.output
    assert "4 graph(s)" not in result.output


def test_cli_push_needs_a_target() -> None:
    result = CliRunner().invoke(main, ["push", "--build", str(DATA)])
    assert result.exit_code == 2
    assert "give --endpoint URL or --graph-store URL" in result.output
