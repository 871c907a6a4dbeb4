"""validate_graph / validate_files: datasets as unions, readable results, errors with file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kg.config import ONTOLOGY_FILE
from kg.errors import KgError
from kg.validate import validate_files, validate_graph
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
