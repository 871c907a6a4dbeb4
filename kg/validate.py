"""SHACL validation: core constraints with pySHACL, SPARQL constraints as whole-graph queries in Oxigraph.

pySHACL runs a SPARQL-based constraint once per focus node, which takes minutes on a full build. So the
shapes graph is split: pySHACL gets a copy without sh:sparql (no inference, one union graph), and each
sh:sparql constraint runs once as a SELECT over the whole graph in pyoxigraph, with `$this` joined to
the shape's target instead of pre-bound. Its rows become sh:ValidationResult entries in the same report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import pyoxigraph as ox
import pyshacl
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, XSD
from rdflib.term import Node

from kg.config import SHAPES_FILE
from kg.errors import KgError
from kg.vocab import SH

RDF_FORMATS: dict[str, ox.RdfFormat] = {
    ".ttl": ox.RdfFormat.TURTLE,
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".trig": ox.RdfFormat.TRIG,
    ".nq": ox.RdfFormat.N_QUADS,
    ".jsonld": ox.RdfFormat.JSON_LD,
}

# Prefixes for showing paths to people; full IRIs stay in the report graph.
DISPLAY_PREFIXES: dict[str, str] = {
    "kg": "https://kg.example.org/ns#",
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
}

SEVERITY_NAMES = {SH.Violation: "Violation", SH.Warning: "Warning", SH.Info: "Info"}


@dataclass(frozen=True)
class ValidationResult:
    """One SHACL result, in terms a person can read: which node, which property, what is wrong."""

    focus: str
    path: str | None
    message: str
    value: str | None
    severity: str
    source_shape: str
    focus_label: str = field(compare=False)

    def sort_key(self) -> tuple[str, str, str, str, str]:
        """Results sort by focus node, path, message, value and shape."""
        return (self.focus, self.path or "", self.message, self.value or "", self.source_shape)

    def line(self) -> str:
        """`focus label | path | message`, as `kg validate` prints it."""
        return f"{self.focus_label} | {compact(self.path) if self.path else '-'} | {self.message}"


@dataclass
class ValidationReport:
    """Whether the graph conforms, the results sorted, and the sh:ValidationReport graph."""

    conforms: bool
    results: list[ValidationResult]
    report_graph: Graph


@dataclass(frozen=True)
class SparqlConstraint:
    """A sh:sparql constraint of a node shape, ready to run over a whole graph."""

    shape: URIRef
    node: Node
    target_classes: tuple[URIRef, ...]
    query: str
    message: str
    severity: URIRef


def compact(iri: str) -> str:
    """`schema:value` for `https://schema.org/value`; other IRIs unchanged."""
    for prefix, ns in DISPLAY_PREFIXES.items():
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z_][\w-]*", iri[len(ns) :]):
            return f"{prefix}:{iri[len(ns) :]}"
    return iri


# ---------------------------------------------------------------- shapes


@lru_cache(maxsize=4)
def _load_shapes(path: str, mtime: float) -> tuple[Graph, Graph, tuple[SparqlConstraint, ...]]:
    """The full shapes graph, its copy without sh:sparql, and the SPARQL constraints (cached by mtime)."""
    try:
        full = Graph().parse(path, format="turtle")
    except Exception as exc:  # rdflib raises several unrelated types for syntax errors
        raise KgError(f"cannot read the shapes: {exc}", path, getattr(exc, "lines", None)) from exc
    core = Graph()
    for prefix, ns in full.namespaces():
        core.bind(prefix, ns)
    for triple in full:
        if triple[1] != SH.sparql:
            core.add(triple)
    return full, core, tuple(_sparql_constraints(full, path))


def _sparql_constraints(shapes: Graph, path: str) -> Iterator[SparqlConstraint]:
    """The sh:sparql constraints of the shapes graph, with their prefixes applied."""
    for shape, node in sorted(shapes.subject_objects(SH.sparql), key=lambda so: (str(so[0]), str(so[1]))):
        if shapes.value(node, SH.deactivated) == Literal(True) or shapes.value(
            shape, SH.deactivated
        ) == Literal(True):
            continue
        if not isinstance(shape, URIRef) or (shape, SH.path, None) in shapes:
            raise KgError(f"SPARQL constraint on {shape}: only named node shapes are supported", path)
        targets = tuple(sorted(o for o in shapes.objects(shape, SH.targetClass) if isinstance(o, URIRef)))
        others = [
            p for p in (SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf) if (shape, p, None) in shapes
        ]
        if not targets or others:
            raise KgError(
                f"SPARQL constraint on {shape}: the shape needs sh:targetClass and no other target", path
            )
        select = shapes.value(node, SH.select)
        if select is None:
            raise KgError(f"SPARQL constraint {node} of {shape} has no sh:select", path)
        prefixes = ""
        for declaring in shapes.objects(node, SH.prefixes):
            for decl in shapes.objects(declaring, SH.declare):
                prefixes += f"PREFIX {shapes.value(decl, SH.prefix)}: <{shapes.value(decl, SH.namespace)}>\n"
        message = (
            shapes.value(node, SH.message) or shapes.value(shape, SH.message) or "SPARQL constraint violated"
        )
        severity = shapes.value(shape, SH.severity) or SH.Violation
        yield SparqlConstraint(
            shape,
            node,
            targets,
            prefixes + _join_target(str(select), targets),
            str(message),
            URIRef(severity),
        )


def _join_target(select: str, targets: tuple[URIRef, ...]) -> str:
    """The query with `$this` bound by its target: a sub-select of the targets' instances first in WHERE."""
    brace = select.find("{")
    if brace < 0:
        raise KgError("a SPARQL constraint's sh:select has no WHERE clause")
    union = " UNION ".join(f"{{ ?this <{RDF.type}>/<{RDFS.subClassOf}>* <{target}> }}" for target in targets)
    target = f"\n    {{ SELECT DISTINCT ?this WHERE {{ {union} }} }}\n"
    return select[: brace + 1] + target + select[brace + 1 :]


# ---------------------------------------------------------------- term conversion


def _to_ox(term: Node, blanks: dict[BNode, ox.BlankNode]) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        if term not in blanks:
            blanks[term] = ox.BlankNode()
        return blanks[term]
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _from_ox(term: ox.NamedNode | ox.BlankNode | ox.Literal, blanks: dict[str, BNode]) -> Node:
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return blanks.setdefault(term.value, BNode())
    if term.language:
        return Literal(term.value, lang=term.language)
    if term.datatype.value == str(XSD.string):
        # rdflib's parsers give a plain literal for "x"; keep it that way for pySHACL's datatype checks
        return Literal(term.value)
    return Literal(term.value, datatype=URIRef(term.datatype.value))


def _union(graph: Graph | Dataset) -> Graph:
    """One graph holding the triples of every graph of a dataset (the graph itself when not a dataset)."""
    if not isinstance(graph, Dataset):
        return graph
    union = Graph()
    for s, p, o, _ in graph.quads((None, None, None, None)):
        union.add((s, p, o))
    return union


def _store_from_graph(graph: Graph) -> tuple[ox.Store, dict[str, BNode]]:
    """An in-memory Oxigraph store with the graph's triples, and its blank nodes by Oxigraph id."""
    blanks: dict[BNode, ox.BlankNode] = {}
    store = ox.Store()
    store.bulk_extend(
        ox.Quad(_to_ox(s, blanks), _to_ox(p, blanks), _to_ox(o, blanks), ox.DefaultGraph())
        for s, p, o in graph
    )
    return store, {ox_node.value: node for node, ox_node in blanks.items()}


# ---------------------------------------------------------------- running


def validate_graph(graph: Graph | Dataset, shapes_path: Path = SHAPES_FILE) -> ValidationReport:
    """Validate a graph (a dataset counts as the union of its graphs) against the shapes."""
    union = _union(graph)
    store, blanks = _store_from_graph(union)
    return _validate(union, store, blanks, Path(shapes_path))


def validate_files(paths: list[Path]) -> ValidationReport:
    """Validate RDF files (.ttl .nt .trig .nq .jsonld) together; an unreadable file raises KgError."""
    graph = Graph()
    store = ox.Store()
    blanks: dict[str, BNode] = {}
    for path in paths:
        quads = _parse_file(Path(path))
        store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
        for q in quads:
            graph.add(
                (_from_ox(q.subject, blanks), _from_ox(q.predicate, blanks), _from_ox(q.object, blanks))
            )
    return _validate(graph, store, blanks, SHAPES_FILE)


def _parse_file(path: Path) -> list[ox.Quad]:
    """The quads of one RDF file, or a KgError naming the file and the line."""
    fmt = RDF_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise KgError(
            f"cannot validate a {path.suffix or 'extensionless'} file",
            path,
            hint="give .ttl, .nt, .trig, .nq or .jsonld files",
        )
    if not path.is_file():
        raise KgError("no such file", path)
    # Blank node labels are scoped per file, so two files' _:b1 stay two nodes.
    try:
        return list(ox.parse(path=path, format=fmt))
    except SyntaxError as exc:
        line = exc.lineno - 1 if exc.lineno else None
        column = exc.offset - 1 if exc.offset and line is not None else None
        raise KgError(f"not valid {path.suffix[1:]}: {exc.msg}", path, line, column) from exc
    except (OSError, ValueError) as exc:
        raise KgError(f"cannot read: {exc}", path) from exc


def _validate(graph: Graph, store: ox.Store, blanks: dict[str, BNode], shapes_path: Path) -> ValidationReport:
    if not shapes_path.is_file():
        raise KgError("shapes file not found", shapes_path)
    _, core, constraints = _load_shapes(str(shapes_path), shapes_path.stat().st_mtime)
    _, report_graph, _ = pyshacl.validate(
        graph,
        shacl_graph=core,
        inference="none",
        advanced=False,
        allow_warnings=True,
        allow_infos=True,
        inplace=True,
    )
    report = next(report_graph.subjects(RDF.type, SH.ValidationReport))
    for constraint in constraints:
        solutions = store.query(constraint.query)
        names = [variable.value for variable in solutions.variables]
        for row in solutions:
            bound = {name: _from_ox(row[name], blanks) for name in names if row[name] is not None}
            _add_sparql_result(report_graph, report, constraint, bound)
    results = sorted(_read_results(report_graph, core, graph), key=ValidationResult.sort_key)
    conforms = not any(r.severity == "Violation" for r in results)
    report_graph.set((report, SH.conforms, Literal(conforms)))
    return ValidationReport(conforms, results, report_graph)


def _add_sparql_result(
    report_graph: Graph,
    report: Node,
    constraint: SparqlConstraint,
    bound: dict[str, Node],
) -> None:
    """One query row as an sh:ValidationResult, the way a SHACL-SPARQL engine reports it."""
    focus = bound["this"]
    result = BNode()
    report_graph.add((report, SH.result, result))
    report_graph.add((result, RDF.type, SH.ValidationResult))
    report_graph.add((result, SH.focusNode, focus))
    # a node shape's SPARQL result has the focus node as its value unless the query binds ?value
    report_graph.add((result, SH.value, bound.get("value", focus)))
    if "path" in bound:
        report_graph.add((result, SH.resultPath, bound["path"]))
    report_graph.add((result, SH.resultSeverity, constraint.severity))
    report_graph.add((result, SH.sourceShape, constraint.shape))
    report_graph.add((result, SH.sourceConstraint, constraint.node))
    report_graph.add((result, SH.sourceConstraintComponent, SH.SPARQLConstraintComponent))
    report_graph.add((result, SH.resultMessage, Literal(_fill_message(constraint.message, bound))))


def _fill_message(template: str, bound: dict[str, Node]) -> str:
    """Replace {?var} and {$var} in a sh:message by the row's values."""

    def show(match: re.Match[str]) -> str:
        term = bound.get(match.group(1))
        if term is None:
            return match.group(0)
        return compact(str(term)) if isinstance(term, URIRef) else str(term)

    return re.sub(r"\{[?$](\w+)\}", show, template)


def _read_results(report_graph: Graph, shapes: Graph, data: Graph) -> Iterable[ValidationResult]:
    for result in report_graph.subjects(RDF.type, SH.ValidationResult):
        focus = report_graph.value(result, SH.focusNode)
        path = report_graph.value(result, SH.resultPath)
        value = report_graph.value(result, SH.value)
        messages = sorted(str(m) for m in report_graph.objects(result, SH.resultMessage))
        severity = report_graph.value(result, SH.resultSeverity)
        yield ValidationResult(
            focus=str(focus),
            path=str(path) if isinstance(path, URIRef) else None,
            message=messages[0] if messages else "",
            value=str(value) if value is not None else None,
            severity=SEVERITY_NAMES.get(severity, str(severity)),  # type: ignore[call-overload]
            source_shape=_named_shape(shapes, report_graph.value(result, SH.sourceShape)),
            focus_label=_label(data, focus),
        )


def _named_shape(shapes: Graph, shape: Node | None) -> str:
    """The IRI of the shape, or of the named node shape an anonymous property shape belongs to."""
    seen: set[Node] = set()
    while isinstance(shape, BNode) and shape not in seen:
        seen.add(shape)
        shape = shapes.value(None, SH.property, shape) or shapes.value(None, SH["not"], shape)
    return str(shape) if shape is not None else ""


def _label(data: Graph, node: Node | None) -> str:
    """A node's German rdfs:label, else any label, else its IRI."""
    labels = sorted(
        data.objects(node, RDFS.label), key=lambda lit: (getattr(lit, "language", None) != "de", str(lit))
    )
    return str(labels[0]) if labels else str(node)
