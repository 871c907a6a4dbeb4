"""Every shape has an ok and a bad example under tests/shapes/<shape>/; the bad one says what it expects.

A bad example's header lists `# expect: N` and one `# expect-result: <focus> <path or ->` per result.
Examples are validated together with the ontology, as in the build (kg.trig holds both).
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyshacl
import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import RDF

from kg.config import ONTOLOGY_FILE, SHAPES_FILE
from kg.validate import validate_files
from kg.vocab import SH

CASES_DIR = Path(__file__).parent / "shapes"
EXAMPLES = sorted(CASES_DIR.glob("*/*.ttl"))


def expectations(path: Path) -> tuple[int, Counter[tuple[str, str | None]]]:
    """The expected result count and (focus, path) pairs written in an example's header."""
    graph = Graph().parse(path, format="turtle")
    count = None
    pairs: Counter[tuple[str, str | None]] = Counter()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect: "):
            count = int(line.split(": ", 1)[1])
        elif line.startswith("# expect-result: "):
            focus, result_path = line.split(": ", 1)[1].split()
            expand = graph.namespace_manager.expand_curie
            pairs[(str(expand(focus)), None if result_path == "-" else str(expand(result_path)))] += 1
    assert count is not None, f"{path}: no '# expect: N' line"
    return count, pairs


def test_every_kg_class_has_a_shape_with_examples() -> None:
    shapes = Graph().parse(SHAPES_FILE)
    ontology = Graph().parse(ONTOLOGY_FILE)
    from rdflib.namespace import OWL

    classes = {c for c in ontology.subjects(RDF.type, OWL.Class) if isinstance(c, URIRef)}
    targeted = set(shapes.objects(None, SH.targetClass))
    assert classes - targeted == set()
    for shape in shapes.subjects(SH.targetClass, None):
        name = str(shape).rsplit("#", 1)[1]
        assert (CASES_DIR / name / "ok.ttl").is_file(), name
        assert (CASES_DIR / name / "bad.ttl").is_file(), name
    for constraint in shapes.objects(None, SH.sparql):
        name = str(constraint).rsplit("#", 1)[1]
        assert (CASES_DIR / name / "bad.ttl").is_file(), name


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_example(example: Path) -> None:
    count, pairs = expectations(example)
    report = validate_files([ONTOLOGY_FILE, example])
    got = Counter((r.focus, r.path) for r in report.results)
    assert (report.conforms, len(report.results), got) == (count == 0, count, pairs), [
        r.line() for r in report.results
    ]


# The SPARQL constraints run outside pySHACL; on small graphs they must report what pySHACL reports.
MONEY_EXAMPLES = [p for p in EXAMPLES if "Amount" in p.read_text(encoding="utf-8")]


@pytest.mark.parametrize("example", MONEY_EXAMPLES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_same_results_as_full_pyshacl(example: Path) -> None:
    data = Graph().parse(ONTOLOGY_FILE).parse(example)
    conforms, report_graph, _ = pyshacl.validate(
        data, shacl_graph=Graph().parse(SHAPES_FILE), inference="none", allow_warnings=True, allow_infos=True
    )
    expected = Counter(
        (
            str(report_graph.value(r, SH.focusNode)),
            str(report_graph.value(r, SH.resultPath)),
            str(report_graph.value(r, SH.value)),
        )
        for r in report_graph.subjects(RDF.type, SH.ValidationResult)
    )
    report = validate_files([ONTOLOGY_FILE, example])
    got = Counter((r.focus, str(r.path), str(r.value)) for r in report.results)
    assert (report.conforms, got) == (conforms, expected)
