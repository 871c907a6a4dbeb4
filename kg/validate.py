"""SHACL validation: core constraints with pySHACL, SPARQL constraints as whole-graph queries in Oxigraph.

pySHACL runs a SPARQL-based constraint once per focus node, which takes minutes on a full build. So the
shapes graph is split: pySHACL gets a copy without sh:sparql (no inference, one union graph), and each
sh:sparql constraint runs once as a SELECT over the whole graph in pyoxigraph, with `$this` joined to
the shape's target instead of pre-bound. Its rows become sh:ValidationResult entries in the same report.

`validate_graphs` is the build's path (docs/validation.md, "Speed"): the focus nodes are split into
chunks, each validated by pySHACL in a process pool on the focus nodes' own triples plus the types of
the nodes they point to, which is all our core shapes read; the SPARQL constraints still run once over
the whole union.
"""

from __future__ import annotations

import multiprocessing as mp
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
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


def _read_results(
    report_graph: Graph, shapes: Graph, data: Graph, nodes: Iterable[Node] | None = None
) -> Iterable[ValidationResult]:
    """The report's results (or the given result nodes) as ValidationResult records."""
    # sh:detail results (under sh:node) are typed sh:ValidationResult too, but are not the report's own
    for result in report_graph.objects(None, SH.result) if nodes is None else nodes:
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


# ---------------------------------------------------------------- the build's path: chunks in a pool

Triple = tuple[Node, Node, Node]

# A chunk's pySHACL run has a fixed cost (shapes harvest, report graph); ~20k triples make it small.
CHUNK_TRIPLES = 20_000
TARGETS = (SH.targetClass, SH.targetNode, SH.targetSubjectsOf, SH.targetObjectsOf)
# Constraints that look at the value node itself (its term, or its rdf:type for sh:class), never at
# its own properties: a value node needs only its types in a chunk.
TERM_CONSTRAINTS = frozenset(
    SH[name]
    for name in [
        "class",
        "datatype",
        "nodeKind",
        "languageIn",
        "in",
        "hasValue",
        "pattern",
        "flags",
        "minLength",
        "maxLength",
        "minInclusive",
        "maxInclusive",
        "minExclusive",
        "maxExclusive",
    ]
)
# Constraints on the focus node's own values, read from its outgoing triples.
FOCUS_CONSTRAINTS = frozenset(
    SH[name]
    for name in [
        "minCount",
        "maxCount",
        "uniqueLang",
        "lessThan",
        "lessThanOrEquals",
        "equals",
        "disjoint",
        "qualifiedMinCount",
        "qualifiedMaxCount",
        "closed",
        "ignoredProperties",
    ]
)
LOGICAL = frozenset((SH["not"], SH["and"], SH["or"], SH.xone, SH.node, SH.qualifiedValueShape))
# Predicates that describe a shape without constraining anything.
DESCRIPTIVE = frozenset(
    (RDF.type, RDFS.label, RDFS.comment, SH.message, SH.severity, SH.name, SH.description, SH.order)
    + (SH.group, SH.deactivated, SH.path, SH.property, SH.defaultValue, SH.declare, SH.prefixes)
    + TARGETS
)


@dataclass(frozen=True)
class PreparedShapes:
    """The shapes as the chunked path needs them: core, core with flattened properties, SPARQL, locality."""

    core: Graph
    flat: Graph
    constraints: tuple[SparqlConstraint, ...]
    local: bool
    # target class (None: any subject) -> the paths whose values' rdf:type a shape reads (sh:class)
    typed_paths: dict[Node | None, frozenset[Node]]


@lru_cache(maxsize=4)
def _prepared_shapes(path: str, mtime: float) -> PreparedShapes:
    _, core, constraints = _load_shapes(path, mtime)
    return PreparedShapes(core, _flatten(core), constraints, _is_local(core), _typed_paths(core))


def _typed_paths(core: Graph) -> dict[Node | None, frozenset[Node]]:
    """For each target class, the property paths whose value nodes a shape checks with sh:class.

    A chunk brings in the types of outside nodes only along these paths: every outside node with a
    type is also a focus node to pySHACL, validated on its types alone and then dropped, which costs.
    """
    out: dict[Node | None, set[Node]] = {}
    for shape in set(core.subjects(SH.targetClass, None)) | set(core.subjects(SH.targetSubjectsOf, None)):
        keys: list[Node | None] = list(core.objects(shape, SH.targetClass))
        if (shape, SH.targetSubjectsOf, None) in core:
            keys.append(None)
        props = [shape] if (shape, SH.path, None) in core else list(core.objects(shape, SH.property))
        for prop in props:
            if _mentions_class(core, prop, set()):
                for k in keys:
                    out.setdefault(k, set()).add(core.value(prop, SH.path))
    return {k: frozenset(v) for k, v in out.items()}


def _mentions_class(core: Graph, shape: Node, seen: set[Node]) -> bool:
    """Whether a shape, or one nested in it, has an sh:class constraint."""
    if shape in seen:
        return False
    seen.add(shape)
    for p, o in core.predicate_objects(shape):
        if p == SH["class"]:
            return True
        if p in LOGICAL:
            members = list(core.items(o)) if p in (SH["and"], SH["or"], SH.xone) else [o]
            if any(_mentions_class(core, m, seen) for m in members):
                return True
    return False


def _flatten(core: Graph) -> Graph:
    """The shapes with each top-level property shape given its node shape's targets.

    pySHACL validates an `sh:property` of a targeted node shape once per focus node, rebuilding its
    constraint components every time; a property shape with targets of its own is validated once for
    all focus nodes (4x faster on our graph). The results are the same: a property shape's results
    carry that shape as sh:sourceShape either way. A focus node targeted by two node shapes that share a
    property shape is now checked once, so a result that pySHACL reported twice is reported once.
    """
    flat = Graph()
    for prefix, ns in core.namespaces():
        flat.bind(prefix, ns)
    for triple in core:
        flat.add(triple)
    disjoint = (None, SH.qualifiedValueShapesDisjoint, Literal(True)) in core
    for shape in sorted({s for p in TARGETS for s in core.subjects(p, None)}, key=str):
        if disjoint or core.value(shape, SH.deactivated) == Literal(True) or (shape, SH.path, None) in core:
            continue  # sibling qualified shapes, switched-off shapes and property shapes stay as written
        targets = [(p, o) for p in TARGETS for o in core.objects(shape, p)]
        for prop in list(core.objects(shape, SH.property)):
            for p, o in targets:
                flat.add((prop, p, o))
            flat.remove((shape, SH.property, prop))
    return flat


def _is_local(core: Graph) -> bool:
    """Whether every targeted shape reads only its focus node's triples and the types of their objects."""
    if any((None, p, None) in core for p in (SH.targetNode, SH.targetObjectsOf)):
        return False  # such focus nodes need not be subjects, so no chunk owns them
    tops = {s for s in core.subjects(SH.targetClass, None)} | {s for s in core.subjects(SH.targetSubjectsOf)}
    return all(_shape_is_local(core, shape, 0, set()) for shape in tops)


def _shape_is_local(core: Graph, shape: Node, depth: int, seen: set[tuple[Node, int]]) -> bool:
    """Depth 0 is the focus node (all its triples known), depth 1 a value node (only its types known)."""
    if (shape, depth) in seen:
        return True
    seen.add((shape, depth))
    is_property = (shape, SH.path, None) in core
    if is_property:
        if depth > 0 or not isinstance(core.value(shape, SH.path), URIRef):
            return False  # a value's own properties, or a path of several steps, reach past one hop
        depth += 1  # the property shape's constraints apply to the value nodes
    for p, o in core.predicate_objects(shape):
        if p == SH.property:
            if depth > 0 or not _shape_is_local(core, o, depth, seen):
                return False
        elif p in LOGICAL:
            members = list(core.items(o)) if p in (SH["and"], SH["or"], SH.xone) else [o]
            if not all(_shape_is_local(core, m, depth, seen) for m in members):
                return False
        elif p in FOCUS_CONSTRAINTS:
            if depth != (1 if is_property else 0):
                return False
        elif p in TERM_CONSTRAINTS:
            if depth > 1:
                return False
        elif p not in DESCRIPTIVE and str(p).startswith(str(SH)):
            return False  # a constraint this check does not know: take the safe path
    return True


@dataclass
class _Job:
    """What the pool's workers read: inherited through fork, so the triples are never pickled."""

    shapes: PreparedShapes
    by_subject: dict[Node, list[Triple]]
    types: dict[Node, list[Triple]]
    hierarchy: list[Triple]
    superclasses: dict[Node, set[Node]]
    chunks: list[list[Node]]


_JOB: _Job | None = None
_Part = tuple[list["ValidationResult"], list[Triple]]


def validate_graphs(
    graphs: Mapping[URIRef, Iterable[Triple]],
    shapes_path: Path = SHAPES_FILE,
    workers: int = 2,
    chunk_triples: int = CHUNK_TRIPLES,
) -> ValidationReport:
    """Validate the union of named graphs: core shapes per chunk of focus nodes in a pool, SPARQL once.

    Gives the results of one pySHACL run (with sh:sparql) over the union; the shapes must keep to
    one hop from the focus node (see `_is_local`), otherwise this falls back to one pySHACL run.
    """
    global _JOB
    shapes_path = Path(shapes_path)
    if not shapes_path.is_file():
        raise KgError("shapes file not found", shapes_path)
    shapes = _prepared_shapes(str(shapes_path), shapes_path.stat().st_mtime)
    if not shapes.local:
        union = Graph()
        for key in sorted(graphs):
            for triple in graphs[key]:
                union.add(triple)
        return validate_graph(union, shapes_path)
    by_subject, owned = _index(graphs)
    types = {
        s: [t for t in triples if t[1] == RDF.type]
        for s, triples in by_subject.items()
        if any(t[1] == RDF.type for t in triples)
    }
    hierarchy = [t for triples in by_subject.values() for t in triples if t[1] == RDFS.subClassOf]
    total = sum(len(triples) for triples in by_subject.values())
    # four chunks per worker at least, so that one big last chunk does not leave a core idle
    chunks = _chunks(owned, by_subject, min(chunk_triples, max(2_000, total // (4 * max(workers, 1)))))
    _JOB = _Job(shapes, by_subject, types, hierarchy, _superclasses(hierarchy), chunks)
    report_graph = Graph()
    for prefix, ns in shapes.core.namespaces():
        report_graph.bind(prefix, ns)
    report = BNode()
    report_graph.add((report, RDF.type, SH.ValidationReport))
    # the SPARQL pass runs here while the pool's workers validate the chunks
    try:
        with _chunk_runner(len(chunks), workers) as run:
            pending = run()
            sparql = _sparql_results(shapes, by_subject, report_graph, report)
            parts = list(pending)
    finally:
        _JOB = None
    results: dict[ValidationResult, None] = {}
    for part_results, part_triples in parts:
        results.update(dict.fromkeys(part_results))
        for s, p, o in part_triples:
            report_graph.add((report if s == _REPORT else s, p, o))
    for result in sparql:
        results.setdefault(result)
    ordered = sorted(results, key=ValidationResult.sort_key)
    conforms = not any(r.severity == "Violation" for r in ordered)
    report_graph.add((report, SH.conforms, Literal(conforms)))
    return ValidationReport(conforms, ordered, report_graph)


def _superclasses(hierarchy: list[Triple]) -> dict[Node, set[Node]]:
    """Each class with rdfs:subClassOf, and every class above it."""
    direct: dict[Node, set[Node]] = {}
    for sub, _, sup in hierarchy:
        direct.setdefault(sub, set()).add(sup)
    out: dict[Node, set[Node]] = {}
    for cls in direct:
        todo, seen = [cls], set()
        while todo:
            for sup in direct.get(todo.pop(), ()):
                if sup not in seen:
                    seen.add(sup)
                    todo.append(sup)
        out[cls] = seen
    return out


def _index(graphs: Mapping[URIRef, Iterable[Triple]]) -> tuple[dict[Node, list[Triple]], list[list[Node]]]:
    """Each subject's triples over all graphs, and the subjects each graph owns (first graph wins)."""
    # A triple in two graphs is listed twice: the chunk's Graph and the Oxigraph store keep one.
    by_subject: dict[Node, list[Triple]] = {}
    owned: list[list[Node]] = []
    for key in sorted(graphs):
        mine: list[Node] = []
        for triple in graphs[key]:
            s = triple[0]
            if s in by_subject:
                by_subject[s].append(triple)
            else:
                by_subject[s] = [triple]
                mine.append(s)
        owned.append(sorted(mine, key=str))  # set order varies between runs; chunks should not
    return by_subject, owned


def _chunks(owned: list[list[Node]], by_subject: dict[Node, list[Triple]], size: int) -> list[list[Node]]:
    """Whole graphs' owned subjects, gathered into chunks of about `size` triples.

    A chunk's nodes outside it come in with their types only, and pySHACL validates them too (the
    results are dropped), so chunks keep each graph whole: its internal links stay inside the chunk.
    """
    chunks: list[list[Node]] = [[]]
    count = 0
    for subjects in owned:
        if count >= size:
            chunks.append([])
            count = 0
        chunks[-1].extend(subjects)
        count += sum(len(by_subject[s]) for s in subjects)
    return [c for c in chunks if c]


@contextmanager
def _chunk_runner(n: int, workers: int) -> Iterator[Callable[[], Iterable[_Part]]]:
    """A function that starts every chunk and gives their results in chunk order (a fork pool if it may)."""
    if workers < 2 or n < 2 or "fork" not in mp.get_all_start_methods():
        yield lambda: [_validate_chunk(i) for i in range(n)]
        return
    with ProcessPoolExecutor(max_workers=min(workers, n), mp_context=mp.get_context("fork")) as pool:
        yield lambda: pool.map(_validate_chunk, range(n))


# Stands for the report node in triples a worker sends back; the parent puts its own node there.
_REPORT = URIRef("urn:kg:validation-report")


def _validate_chunk(index: int) -> _Part:
    """pySHACL on one chunk: its subjects' triples, their objects' types, the class hierarchy."""
    job = _JOB
    assert job is not None, "validate_graphs sets the job before running chunks"
    focus = set(job.chunks[index])
    typed_paths = job.shapes.typed_paths
    data = Graph()
    for s in job.chunks[index]:
        classes = {t[2] for t in job.types.get(s, ())}
        classes |= {sup for c in list(classes) for sup in job.superclasses.get(c, ())}
        paths = typed_paths.get(None, frozenset()).union(*(typed_paths.get(c, ()) for c in classes))
        for triple in job.by_subject[s]:
            data.add(triple)
            o = triple[2]
            if triple[1] in paths and not isinstance(o, Literal) and o not in focus:
                for typed in job.types.get(o, ()):
                    data.add(typed)
    for triple in job.hierarchy:
        data.add(triple)
    _, report_graph, _ = pyshacl.validate(
        data,
        shacl_graph=job.shapes.flat,
        inference="none",
        advanced=False,
        allow_warnings=True,
        allow_infos=True,
        inplace=True,
    )
    results: list[ValidationResult] = []
    triples: list[Triple] = []
    # nodes outside the chunk were only there for their types: their results belong to their own chunk
    for node in report_graph.objects(None, SH.result):
        if report_graph.value(node, SH.focusNode) not in focus:
            continue
        results.extend(_read_results(report_graph, job.shapes.core, data, [node]))
        triples.append((_REPORT, SH.result, node))
        triples.extend(_subtree(report_graph, node))
    return results, triples


def _subtree(graph: Graph, node: Node) -> list[Triple]:
    """The triples of a node and of the blank nodes it leads to."""
    out: list[Triple] = []
    todo, seen = [node], {node}
    while todo:
        current = todo.pop()
        for p, o in graph.predicate_objects(current):
            out.append((current, p, o))
            if isinstance(o, BNode) and o not in seen:
                seen.add(o)
                todo.append(o)
    return out


def _sparql_results(
    shapes: PreparedShapes,
    by_subject: dict[Node, list[Triple]],
    report_graph: Graph,
    report: Node,
) -> list[ValidationResult]:
    """The SPARQL constraints over the whole union in Oxigraph, added to the report graph."""
    if not shapes.constraints:
        return []
    blanks: dict[BNode, ox.BlankNode] = {}
    store = ox.Store()
    store.bulk_extend(
        ox.Quad(_to_ox(s, blanks), _to_ox(p, blanks), _to_ox(o, blanks), ox.DefaultGraph())
        for triples in by_subject.values()
        for s, p, o in triples
    )
    back = {ox_node.value: node for node, ox_node in blanks.items()}
    part = Graph()
    part_report = BNode()
    for constraint in shapes.constraints:
        solutions = store.query(constraint.query)
        names = [variable.value for variable in solutions.variables]
        for row in solutions:
            bound = {name: _from_ox(row[name], back) for name in names if row[name] is not None}
            _add_sparql_result(part, part_report, constraint, bound)
    labels = Graph()
    for focus in set(part.objects(None, SH.focusNode)):
        for triple in by_subject.get(focus, ()):
            if triple[1] == RDFS.label:
                labels.add(triple)
    results = list(_read_results(part, shapes.core, labels))
    for s, p, o in part:
        report_graph.add((report if s == part_report else s, p, o))
    return results
