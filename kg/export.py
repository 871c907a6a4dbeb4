"""Serialisations of the built graph, VoID/DCAT description, atomic writes. Only serialises.

Byte-identical output for the same input: quads are sorted before writing, no blank nodes are
minted anywhere, no clock is read (the VoID date is the newest source document's date).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.mapping import Triple, date_literal
from kg.vocab import DCAT, DCTERMS, FOAF, KG_NS, OA, ORG, PROV, RDF, RDFS, SCHEMA, SH, SKOS, VOID, XSD

PREFIXES = {
    "kg": KG_NS,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "xsd": str(XSD),
    "owl": "http://www.w3.org/2002/07/owl#",
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "org": str(ORG),
    "prov": str(PROV),
    "schema": str(SCHEMA),
    "oa": str(OA),
    "time": "http://www.w3.org/2006/time#",
    "void": str(VOID),
    "dcat": str(DCAT),
    "sh": str(SH),
}
MEDIA_TYPES = {
    "kg.ttl": "text/turtle",
    "kg.nt": "application/n-triples",
    "kg.trig": "application/trig",
    "kg.jsonld": "application/ld+json",
}

Quad = tuple[Node, Node, Node, URIRef]


def to_ox(term: Node) -> ox.NamedNode | ox.Literal | ox.BlankNode:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"not an RDF term: {term!r}")


def _sort_key(term: Node) -> tuple[int, str, str]:
    kind = 0 if isinstance(term, URIRef) else 1 if isinstance(term, BNode) else 2
    extra = ""
    if isinstance(term, Literal):
        extra = f"{term.datatype or ''}@{term.language or ''}"
    return (kind, str(term), extra)


def sorted_quads(graphs: dict[URIRef, set[Triple]]) -> list[Quad]:
    quads = [(s, p, o, g) for g, triples in graphs.items() for (s, p, o) in triples]
    quads.sort(key=lambda q: (str(q[3]), _sort_key(q[0]), str(q[1]), _sort_key(q[2])))
    return quads


def union_triples(graphs: dict[URIRef, set[Triple]]) -> list[Triple]:
    seen: set[Triple] = set()
    for triples in graphs.values():
        seen |= triples
    return sorted(seen, key=lambda t: (_sort_key(t[0]), str(t[1]), _sort_key(t[2])))


def _ox_triples(triples: Iterable[Triple]) -> Iterator[ox.Triple]:
    for s, p, o in triples:
        yield ox.Triple(to_ox(s), to_ox(p), to_ox(o))


def write_turtle(triples: Iterable[Triple], path: Path) -> None:
    ox.serialize(_ox_triples(triples), str(path), ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_ntriples(triples: Iterable[Triple], path: Path) -> None:
    ox.serialize(_ox_triples(triples), str(path), ox.RdfFormat.N_TRIPLES)


def write_trig(quads: Iterable[Quad], path: Path) -> None:
    items = (ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g)) for s, p, o, g in quads)
    ox.serialize(items, str(path), ox.RdfFormat.TRIG, prefixes=PREFIXES)


def jsonld_context(base: str | None = None) -> dict[str, str]:
    """A readable @context: the usual prefixes, and `id:` for the build's own IRIs."""
    ctx = dict(PREFIXES)
    if base:
        ctx["id"] = base + "id/"
    return ctx


class _Compactor:
    """Compacts IRIs to prefix:name where a prefix covers them and the rest is a plain name."""

    def __init__(self, ctx: dict[str, str]) -> None:
        # Longest namespace first, so "id:" wins over a shorter prefix of the same IRI.
        self.prefixes = sorted(ctx.items(), key=lambda kv: -len(kv[1]))

    def __call__(self, iri: str) -> str:
        for prefix, ns in self.prefixes:
            if iri.startswith(ns):
                rest = iri[len(ns) :]
                if rest and "/" not in rest[:1] and ":" not in rest and "#" not in rest:
                    return f"{prefix}:{rest}"
        return iri


def _jsonld_value(term: Node, compact: _Compactor) -> object:
    if isinstance(term, URIRef):
        return {"@id": compact(str(term))}
    if isinstance(term, BNode):
        return {"@id": f"_:{term}"}
    assert isinstance(term, Literal)
    if term.language:
        return {"@value": str(term), "@language": term.language}
    if term.datatype is None or term.datatype == XSD.string:
        return str(term)
    return {"@value": str(term), "@type": compact(str(term.datatype))}


def write_jsonld(triples: Iterable[Triple], path: Path, base: str | None = None) -> None:
    """Compacted JSON-LD written directly from sorted triples: fast, and byte-stable by construction."""
    ctx = jsonld_context(base)
    compact = _Compactor(ctx)
    nodes: list[dict[str, object]] = []
    current: dict[str, object] | None = None
    subject: Node | None = None
    for s, p, o in sorted(triples, key=lambda t: (_sort_key(t[0]), str(t[1]), _sort_key(t[2]))):
        if s != subject:
            subject = s
            current = {"@id": compact(str(s)) if isinstance(s, URIRef) else f"_:{s}"}
            nodes.append(current)
        assert current is not None
        if p == RDF.type and isinstance(o, URIRef):
            current.setdefault("@type", []).append(compact(str(o)))  # type: ignore[union-attr]
        else:
            current.setdefault(compact(str(p)), []).append(_jsonld_value(o, compact))  # type: ignore[union-attr]
    for node in nodes:
        for key, values in node.items():
            if isinstance(values, list) and len(values) == 1:
                node[key] = values[0]
    out = {"@context": ctx, "@graph": nodes}
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def void_triples(
    base: str,
    graphs: dict[URIRef, set[Triple]],
    union: list[Triple],
    sources: list[tuple[str, str | None]],
    newest: str | None,
    files: dict[str, int],
    license_iri: str,
) -> list[Triple]:
    """A VoID/DCAT description of the build: counts, sources, licence, distributions."""
    ds = URIRef(base + "dataset")
    t: list[Triple] = [
        (ds, RDF.type, VOID.Dataset),
        (ds, RDF.type, DCAT.Dataset),
        (ds, DCTERMS.title, Literal("kg: Wissensgraph parlamentarischer Drucksachen", lang="de")),
        (ds, DCTERMS.title, Literal("kg: knowledge graph of German parliamentary papers", lang="en")),
        (ds, DCTERMS.license, URIRef(license_iri)),
        (ds, VOID.triples, Literal(len(union), datatype=XSD.integer)),
        (ds, VOID.uriSpace, Literal(base + "id/")),
        (ds, VOID.vocabulary, URIRef(KG_NS)),
    ]
    if newest:
        t.append((ds, DCTERMS.modified, date_literal(newest)))
    subjects = {s for s, _, _ in union}
    t.append((ds, VOID.entities, Literal(len(subjects), datatype=XSD.integer)))
    classes: dict[Node, int] = {}
    for _s, p, o in union:
        if p == RDF.type:
            classes[o] = classes.get(o, 0) + 1
    for cls, n in sorted(classes.items(), key=lambda kv: str(kv[0])):
        part = URIRef(f"{base}dataset/class/{abs(hash_str(str(cls)))}")
        t += [
            (ds, VOID.classPartition, part),
            (part, VOID["class"], cls),
            (part, VOID.entities, Literal(n, datatype=XSD.integer)),
        ]
    for g, triples in sorted(graphs.items(), key=lambda kv: str(kv[0])):
        t += [
            (ds, VOID.subset, g),
            (g, RDF.type, VOID.Dataset),
            (g, VOID.triples, Literal(len(triples), datatype=XSD.integer)),
        ]
    for stem, url in sorted(sources, key=lambda s: s[0]):
        doc = URIRef(f"{base}id/document/{stem}")
        t.append((ds, DCTERMS.source, doc))
        if url:
            t.append((doc, DCTERMS.source, URIRef(url)))
    for name, size in sorted(files.items()):
        dist = URIRef(f"{base}dataset/{name}")
        t += [
            (ds, DCAT.distribution, dist),
            (dist, RDF.type, DCAT.Distribution),
            (dist, DCAT.downloadURL, URIRef(f"{base}download/{name}")),
            (dist, DCAT.mediaType, Literal(MEDIA_TYPES[name])),
            (dist, DCAT.byteSize, Literal(size, datatype=XSD.nonNegativeInteger)),
            (dist, DCTERMS.license, URIRef(license_iri)),
        ]
    return t


def hash_str(text: str) -> int:
    """A stable (not per-process salted) hash for readable IRIs."""
    import zlib

    return zlib.crc32(text.encode("utf-8"))


@contextmanager
def atomic_directory(target: Path) -> Iterator[Path]:
    """Write into a fresh sibling directory; swap it in only when the body succeeds."""
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    tmp.chmod(0o755)
    try:
        yield tmp
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    old = target.with_name(f".{target.name}.old-{os.getpid()}")
    if target.exists():
        os.replace(target, old)
    os.replace(tmp, target)
    shutil.rmtree(old, ignore_errors=True)


def report_triples(report: object, base: str) -> list[Triple]:
    """A SHACL validation report as triples with minted IRIs (no blank nodes: byte-stable output)."""
    import hashlib

    node = URIRef(base + "validation/report")
    conforms = bool(getattr(report, "conforms", False))
    t: list[Triple] = [(node, RDF.type, SH.ValidationReport), (node, SH.conforms, Literal(conforms))]
    for r in getattr(report, "results", []):
        key = "\x1f".join(str(x) for x in (r.focus, r.path, r.source_shape, r.message, r.value))
        res = URIRef(base + "validation/result/" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16])
        t += [
            (node, SH.result, res),
            (res, RDF.type, SH.ValidationResult),
            (res, SH.focusNode, URIRef(r.focus) if "://" in r.focus else Literal(r.focus)),
            (res, SH.resultMessage, Literal(r.message)),
            (res, SH.resultSeverity, SH[r.severity] if r.severity.isalpha() else SH.Violation),
            (
                res,
                SH.sourceShape,
                URIRef(r.source_shape) if "://" in r.source_shape else Literal(r.source_shape),
            ),
        ]
        if r.path:
            t.append((res, SH.resultPath, URIRef(r.path) if "://" in r.path else Literal(r.path)))
        if r.value is not None:
            t.append((res, SH.value, Literal(r.value)))
    return t
