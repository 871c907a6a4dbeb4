"""kg build: outputs, independent parsing, determinism, provenance offsets, VoID."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.api import build
from kg.config import DATA_DIR, PROJECT_ROOT, Config

OUTPUTS = ("kg.ttl", "kg.nt", "kg.jsonld", "kg.trig", "void.ttl", "validation.ttl")
KG = "https://kg.example.org/ns#"
OA = "http://www.w3.org/ns/oa#"


def test_build_writes_every_output(built: Path) -> None:
    for name in OUTPUTS:
        assert (built / name).is_file() and (built / name).stat().st_size > 0, name
    assert sorted(p.name for p in (built / "documents").iterdir()) == sorted(
        p.stem + ".txt" for p in (DATA_DIR / "documents").iterdir() if p.suffix in (".txt", ".md", ".pdf")
    )


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("kg.ttl", ox.RdfFormat.TURTLE),
        ("kg.nt", ox.RdfFormat.N_TRIPLES),
        ("kg.trig", ox.RdfFormat.TRIG),
        ("kg.jsonld", ox.RdfFormat.JSON_LD),
        ("void.ttl", ox.RdfFormat.TURTLE),
    ],
)
def test_outputs_parse_with_pyoxigraph(built: Path, name: str, fmt: ox.RdfFormat) -> None:
    quads = list(ox.parse(path=str(built / name), format=fmt))
    assert len(quads) > 100 or name == "void.ttl"


def test_turtle_ntriples_and_jsonld_hold_the_same_triples(built: Path) -> None:
    def triples(name: str, fmt: ox.RdfFormat) -> set[str]:
        return {
            str(ox.Triple(q.subject, q.predicate, q.object))
            for q in ox.parse(path=str(built / name), format=fmt)
        }

    nt = triples("kg.nt", ox.RdfFormat.N_TRIPLES)
    assert triples("kg.ttl", ox.RdfFormat.TURTLE) == nt
    assert triples("kg.jsonld", ox.RdfFormat.JSON_LD) == nt
    assert triples("kg.trig", ox.RdfFormat.TRIG) == nt


def test_trig_has_one_named_graph_per_document_plus_reference_and_ontology(built: Path) -> None:
    graphs = {
        str(q.graph_name.value) for q in ox.parse(path=str(built / "kg.trig"), format=ox.RdfFormat.TRIG)
    }
    docs = {p.stem for p in (built / "documents").iterdir()}
    expected = {"https://kg.example.org/graph/ontology", "https://kg.example.org/graph/reference"}
    expected |= {f"https://kg.example.org/graph/document/{d.replace('_', '-').lower()}" for d in docs}
    assert graphs == expected


def test_two_builds_are_byte_identical(built: Path, tmp_path: Path) -> None:
    # A second build in a fresh process with another hash seed: set order must not leak out. The
    # fixture's build extracts in one worker per CPU, this one in a single process.
    env = dict(os.environ, PYTHONHASHSEED="4242")
    out = tmp_path / "again"
    subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "--out", str(out), "-q", "--jobs", "1"],
        check=True,
        env=env,
        cwd=PROJECT_ROOT,
        capture_output=True,
    )
    for name in OUTPUTS:
        assert (out / name).read_bytes() == (built / name).read_bytes(), name


def test_every_text_span_quotes_the_source_at_its_offsets(built: Path) -> None:
    store = ox.Store()
    store.bulk_load(path=str(built / "kg.nt"), format=ox.RdfFormat.N_TRIPLES)
    rows = list(
        store.query(f"""
        SELECT ?span ?quote ?start ?end ?text WHERE {{
          ?span a <{KG}TextSpan> ; <{OA}exact> ?quote ; <{OA}start> ?start ; <{OA}end> ?end ;
                <{KG}sourceDocument> ?doc . ?doc <{KG}sourceText> ?text }}""")
    )
    assert len(rows) > 40
    for row in rows:
        stem = row["text"].value.rsplit("/", 1)[1]
        text = (built / "documents" / stem).read_text(encoding="utf-8")
        start, end = int(row["start"].value), int(row["end"].value)
        assert text[start:end] == row["quote"].value, row["span"].value


def test_every_fact_node_rests_on_a_span(local_store) -> None:  # noqa: ANN001
    res = local_store.query(f"""
        SELECT DISTINCT ?node WHERE {{
          VALUES ?cls {{ <{KG}StatedAmount> <{KG}Event> <{KG}Agreement> <{KG}BudgetPost> <{KG}Project> }}
          ?node a ?cls . FILTER NOT EXISTS {{ ?node <http://www.w3.org/ns/prov#wasDerivedFrom> ?s . ?s a <{KG}TextSpan> }}
        }}""")
    assert res.rows == []


def test_void_dates_the_build_by_its_newest_source(built: Path) -> None:
    g = ox.Store()
    g.bulk_load(path=str(built / "void.ttl"), format=ox.RdfFormat.TURTLE)
    rows = list(
        g.query(
            "SELECT ?d ?n WHERE { ?ds <http://purl.org/dc/terms/modified> ?d ; <http://rdfs.org/ns/void#triples> ?n }"
        )
    )
    store = ox.Store()
    store.bulk_load(path=str(built / "kg.nt"), format=ox.RdfFormat.N_TRIPLES)
    newest = max(
        r["d"].value
        for r in store.query(
            "SELECT ?d WHERE { ?doc a <https://kg.example.org/ns#Document> ; "
            "<https://kg.example.org/ns#sourceText> ?t ; <http://purl.org/dc/terms/date>|<http://purl.org/dc/terms/issued> ?d }"
        )
    )
    assert [r["d"].value for r in rows] == [newest]
    assert int(rows[0]["n"].value) == sum(
        1 for _ in ox.parse(path=str(built / "kg.nt"), format=ox.RdfFormat.N_TRIPLES)
    )


def test_base_iri_is_configurable(tmp_path: Path) -> None:
    out = tmp_path / "b"
    build(Config(out_dir=out, base="http://example.com/kg/"))
    text = (out / "kg.nt").read_text(encoding="utf-8")
    assert "<http://example.com/kg/id/project/" in text
    assert "https://kg.example.org/id/" not in text
