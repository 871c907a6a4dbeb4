"""validate_graph / validate_files: datasets as unions, readable results, errors with file and line."""

from __future__ import annotations

from pathlib import Path

import pyshacl
import pytest
from rdflib import Dataset, Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS

from kg.config import ONTOLOGY_FILE, SHAPES_FILE, Config
from kg.errors import KgError
from kg.validate import ValidationResult, _read_results, validate_files, validate_graph, validate_graphs
from kg.vocab import KG, SH

SHAPES = Path(__file__).parent / "shapes"
EX = "https://kg.example.org/id/test/"


def test_dataset_is_validated_as_the_union_of_its_graphs() -> None:
    ds = Dataset()
    ds.graph(URIRef("https://kg.example.org/graph/ontology")).parse(ONTOLOGY_FILE)
    ds.graph(URIRef("https://kg.example.org/graph/document/x")).parse(
        SHAPES / "DerivedAmountShape" / "ok.ttl"
    )
    assert validate_graph(ds).conforms
    # the derived amount's inputs live in another graph than the derived amount: still found
    bad = Dataset()
    bad.graph(URIRef("https://kg.example.org/graph/a")).parse(SHAPES / "PartsAddUp" / "bad.ttl")
    report = validate_graph(bad)
    assert not report.conforms
    assert {r.focus for r in report.results if r.path == "https://schema.org/value"} == {
        EX + "whole",
        EX + "whole2",
    }


def test_results_are_sorted_labelled_and_in_the_report_graph() -> None:
    report = validate_files([ONTOLOGY_FILE, SHAPES / "OfficeShape" / "bad.ttl"])
    assert report.results == sorted(report.results, key=lambda r: r.sort_key())
    assert {r.focus_label for r in report.results} == {"Geschäftsstelle SiKo Ruhr"}
    assert report.results[0].line().startswith("Geschäftsstelle SiKo Ruhr | ")
    assert (None, SH.conforms, Literal(False)) in report.report_graph
    assert len(list(report.report_graph.subjects(RDF.type, SH.ValidationResult))) == len(report.results)


def test_sparql_results_carry_path_value_and_filled_message() -> None:
    report = validate_files([SHAPES / "StageOrder" / "bad.ttl"])
    granted = [r for r in report.results if r.focus == EX + "gra"]
    assert len(granted) == 1
    assert granted[0].path == "https://schema.org/value"
    assert granted[0].value == "120"
    assert granted[0].message.startswith("120 € (kg:Granted) exceeds every kg:Requested amount")
    assert granted[0].source_shape == "https://kg.example.org/shapes#MonetaryAmountShape"


def test_focus_label_falls_back_to_the_iri() -> None:
    graph = Graph()
    node = URIRef(EX + "unnamed")
    graph.add((node, RDF.type, KG.Place))
    report = validate_graph(graph)
    assert not report.conforms
    assert {r.focus_label for r in report.results} == {EX + "unnamed"}
    graph.add((node, RDFS.label, Literal("Ort", lang="de")))
    assert {r.focus_label for r in validate_graph(graph).results} == {"Ort"}


def test_syntax_error_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "broken.ttl"
    bad.write_text('@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\nex:a ex:b "open .\n', encoding="utf-8")
    with pytest.raises(KgError) as info:
        validate_files([bad])
    assert info.value.path == str(bad)
    assert info.value.line == 2
    assert str(info.value).startswith(f"{bad}:3")


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("graph.xml", "<rdf/>", "cannot validate a .xml file"),
        ("missing.ttl", None, "no such file"),
        ("bad.nt", "<http://a> <http://b> oops .\n", "not valid nt"),
    ],
)
def test_unreadable_files(tmp_path: Path, name: str, content: str | None, message: str) -> None:
    path = tmp_path / name
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(KgError, match=message):
        validate_files([path])


def test_all_formats_parse(tmp_path: Path) -> None:
    source = Graph().parse(SHAPES / "PlaceShape" / "bad.ttl")
    nt = source.serialize(format="nt", encoding="utf-8").decode("utf-8")
    lines = [line[: -len(" .")] for line in nt.splitlines() if line.strip()]
    texts = {
        ".nt": nt,
        ".jsonld": source.serialize(format="json-ld"),
        ".trig": "<https://kg.example.org/graph/x> {\n" + nt + "}\n",
        ".nq": "".join(f"{line} <https://kg.example.org/graph/x> .\n" for line in lines),
    }
    for suffix, text in texts.items():
        path = tmp_path / f"g{suffix}"
        path.write_text(text, encoding="utf-8")
        report = validate_files([path])
        assert sorted((r.focus, r.path) for r in report.results) == [
            (EX + "essen", "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
            (EX + "essen", "https://kg.example.org/ns#ags"),
        ], suffix


# ---------------------------------------------------------------- validate_graphs: the build's fast path

SCHEMA = Namespace("https://schema.org/")
PROV = Namespace("http://www.w3.org/ns/prov#")
OA = Namespace("http://www.w3.org/ns/oa#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
INJ = Namespace("https://kg.example.org/id/injected/")
# Small documents with money, a Kleine Anfrage and its answer's neighbours: one full pySHACL run stays short.
SAMPLE = ("000-ee5d8307e83ed3e5", "bt-21-1274-kleineanfrage", "nrw-17-1927-antwort", "sl-15-1284-antwort")


def key(r: ValidationResult) -> tuple[str, str | None, str | None, str, str]:
    return (r.focus, r.path, r.value, r.severity, r.source_shape)


@pytest.fixture(scope="module")
def sample_graphs() -> dict[URIRef, set]:
    """The build of data/ cut to four documents, the reference data and the ontology, plus violations."""
    from kg.api import build_graphs

    graphs, _ = build_graphs(Config())
    base = Config().base
    keep = {URIRef(base + "graph/ontology"), URIRef(base + "graph/reference")}
    keep |= {URIRef(f"{base}graph/document/{name}") for name in SAMPLE}
    sample = {g: set(t) for g, t in graphs.items() if g in keep}
    assert len(sample) == len(keep)
    doc_graph = URIRef(f"{base}graph/document/{SAMPLE[0]}")
    triples = sample[doc_graph]
    span = sorted(s for s, p, o in triples if p == RDF.type and o == KG.TextSpan)[0]
    document = sorted(s for s, p, o in triples if p == RDF.type and o == KG.Document)[0]
    project = sorted(o for s, p, o in triples if p == KG.forProject)[0]
    organisation = sorted(s for s, p, o in sample[URIRef(base + "graph/reference")] if o == KG.Ministry)[0]

    def amount(node: URIRef, value: str, stage: URIRef) -> set:
        return {
            (node, RDF.type, KG.MonetaryAmount),
            (node, RDF.type, KG.StatedAmount),
            (node, RDF.type, SCHEMA.MonetaryAmount),
            (node, SCHEMA.value, Literal(value, datatype=XSD.decimal)),
            (node, SCHEMA.currency, Literal("EUR")),
            (node, KG.stage, stage),
            (node, KG.category, KG.Personnel),
            (node, KG.fiscalYear, Literal("2031", datatype=XSD.gYear)),
            (node, KG.forProject, project),
            (node, PROV.wasDerivedFrom, span),  # a span of another graph: sh:qualifiedValueShape sh:class
        }

    # Each violation needs the union: its triples sit in two graphs, or its focus node in a third.
    sample[URIRef(base + "graph/document/injected-a")] = {
        (document, RDFS.label, Literal("Zweites Etikett", lang="de")),  # uniqueLang over two graphs
        (span, OA.start, Literal(7, datatype=XSD.nonNegativeInteger)),  # a second start: maxCount
        (organisation, RDFS.label, Literal("Noch ein Name", lang="de")),  # a reference node's label
        *amount(INJ.granted, "900", KG.Granted),
        *amount(INJ.whole, "100", KG.Requested),
        (INJ.place, RDF.type, KG.Place),  # no schema:Place type and no label
        (INJ.answer, RDF.type, KG.Antwort),
        (INJ.answer, RDF.type, KG.Document),
        (INJ.answer, RDFS.label, Literal("Antwort", lang="de")),
        (INJ.answer, URIRef("http://purl.org/dc/terms/identifier"), Literal("21/1")),
        (INJ.answer, KG.answers, document),  # typed in another graph: conforms
        (INJ.answer, KG.answeredBy, span),  # not an organisation: sh:class
    }
    sample[URIRef(base + "graph/document/injected-b")] = {
        *amount(INJ.requested, "500", KG.Requested),  # below the granted 900 of graph a: StageOrder
        *amount(INJ.part, "150", KG.Granted),
        (INJ.part, KG.partOfAmount, INJ.whole),  # parts 150 > whole 100: PartsAddUp
        (INJ.negative, SCHEMA.value, Literal("-5", datatype=XSD.decimal)),
        (INJ.negative, RDF.type, KG.MonetaryAmount),
    }
    return sample


def full_pyshacl(graphs: dict[URIRef, set], shapes_path: Path) -> set[tuple]:
    """One pySHACL run with every constraint, sh:sparql included, over the union: the reference."""
    union = Graph()
    for triples in graphs.values():
        for t in triples:
            union.add(t)
    shapes = Graph().parse(shapes_path)
    _, report, _ = pyshacl.validate(
        union, shacl_graph=shapes, inference="none", allow_warnings=True, allow_infos=True
    )
    return {key(r) for r in _read_results(report, shapes, union)}


def test_fast_path_finds_what_one_full_pyshacl_run_finds(sample_graphs: dict[URIRef, set]) -> None:
    # small chunks, so that the pool runs and nodes meet their neighbours across chunk borders
    fast = validate_graphs(sample_graphs, workers=2, chunk_triples=1500)
    expected = full_pyshacl(sample_graphs, SHAPES_FILE)
    assert {key(r) for r in fast.results} == expected
    assert len({key(r) for r in fast.results}) == len(fast.results)
    assert not fast.conforms
    focus = {r.focus for r in fast.results}
    # every injected violation is found, and the conforming cross-graph link raises nothing
    assert {str(INJ.granted), str(INJ.whole), str(INJ.place), str(INJ.negative), str(INJ.answer)} <= focus
    assert {r.path for r in fast.results if r.focus == str(INJ.answer)} == {str(KG.answeredBy)}
    graph = fast.report_graph
    in_graph = {
        (str(graph.value(n, SH.focusNode)), str(graph.value(n, SH.resultMessage)))
        for n in graph.objects(None, SH.result)
    }
    assert in_graph == {(r.focus, r.message) for r in fast.results}


def test_fast_path_is_the_same_with_one_worker_and_one_chunk(sample_graphs: dict[URIRef, set]) -> None:
    pooled = validate_graphs(sample_graphs, workers=2, chunk_triples=1500)
    single = validate_graphs(sample_graphs, workers=1, chunk_triples=10**9)
    assert pooled.results == single.results
    assert [r.focus_label for r in pooled.results] == [r.focus_label for r in single.results]


@pytest.mark.parametrize("example", sorted(SHAPES.glob("*/bad.ttl")), ids=lambda p: p.parent.name)
def test_fast_path_agrees_with_validate_files_on_every_bad_example(example: Path) -> None:
    ontology = set(Graph().parse(ONTOLOGY_FILE))
    data = set(Graph().parse(example))
    graphs = {URIRef("https://kg.example.org/graph/ontology"): ontology, URIRef(EX): data}
    fast = validate_graphs(graphs, workers=1)
    slow = validate_files([ONTOLOGY_FILE, example])
    assert {key(r) for r in fast.results} == {key(r) for r in slow.results}
    assert fast.conforms == slow.conforms


def test_shapes_reaching_past_one_hop_take_the_single_run(tmp_path: Path) -> None:
    # sh:node on a value with its own sh:property needs the value's triples: no chunk may be trusted
    shapes = tmp_path / "shapes.ttl"
    shapes.write_text(
        """@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix ex: <http://ex/> .
ex:A a sh:NodeShape ; sh:targetClass ex:C ;
    sh:property [ sh:path ex:p ; sh:node [ sh:property [ sh:path ex:q ; sh:minCount 1 ] ] ] .
""",
        encoding="utf-8",
    )
    ex = Namespace("http://ex/")
    graphs = {
        URIRef("http://ex/g1"): {(ex.a, RDF.type, ex.C), (ex.a, ex.p, ex.b)},
        URIRef("http://ex/g2"): {(ex.b, ex.q, Literal(1)), (ex.c, RDF.type, ex.C), (ex.c, ex.p, ex.d)},
    }
    report = validate_graphs(graphs, shapes_path=shapes, chunk_triples=1)
    assert [(r.focus, r.path) for r in report.results] == [("http://ex/c", "http://ex/p")]  # d lacks ex:q
    assert {key(r) for r in report.results} == full_pyshacl(graphs, shapes)
