"""Query results in the SPARQL 1.1 result formats (JSON, XML, CSV, TSV) and graphs as Turtle / JSON-LD."""

from __future__ import annotations

import csv
import io
import json
from xml.sax.saxutils import escape, quoteattr

import pyoxigraph as ox

from kg.store import QueryResult
from kg.store import json_term as _json_term

RESULT_TYPES = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}
GRAPH_TYPES = {
    "turtle": "text/turtle",
    "jsonld": "application/ld+json",
    "ntriples": "application/n-triples",
}
# What clients send in Accept, mapped to our formats; the first of each list is what we answer with.
ACCEPT_RESULTS = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
ACCEPT_GRAPH = {
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/ld+json": "jsonld",
    "application/json": "jsonld",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
}
PREFIXES = {
    "kg": "https://kg.example.org/ns#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcterms": "http://purl.org/dc/terms/",
    "schema": "https://schema.org/",
    "prov": "http://www.w3.org/ns/prov#",
    "oa": "http://www.w3.org/ns/oa#",
    "org": "http://www.w3.org/ns/org#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "foaf": "http://xmlns.com/foaf/0.1/",
}


def to_json(r: QueryResult) -> str:
    if r.boolean is not None:
        return json.dumps({"head": {}, "boolean": r.boolean})
    bindings = [{v: _json_term(t) for v, t in row.items()} for row in r.rows]
    return json.dumps({"head": {"vars": r.variables}, "results": {"bindings": bindings}}, ensure_ascii=False)


def to_xml(r: QueryResult) -> str:
    out = ['<?xml version="1.0"?>', '<sparql xmlns="http://www.w3.org/2005/sparql-results#">', "<head>"]
    out += [f"<variable name={quoteattr(v)}/>" for v in r.variables]
    out.append("</head>")
    if r.boolean is not None:
        out.append(f"<boolean>{'true' if r.boolean else 'false'}</boolean>")
    else:
        out.append("<results>")
        for row in r.rows:
            out.append("<result>")
            for v, t in row.items():
                if t.kind == "uri":
                    inner = f"<uri>{escape(t.value)}</uri>"
                elif t.kind == "bnode":
                    inner = f"<bnode>{escape(t.value)}</bnode>"
                elif t.lang:
                    inner = f"<literal xml:lang={quoteattr(t.lang)}>{escape(t.value)}</literal>"
                elif t.datatype:
                    inner = f"<literal datatype={quoteattr(t.datatype)}>{escape(t.value)}</literal>"
                else:
                    inner = f"<literal>{escape(t.value)}</literal>"
                out.append(f"<binding name={quoteattr(v)}>{inner}</binding>")
            out.append("</result>")
        out.append("</results>")
    out.append("</sparql>")
    return "\n".join(out) + "\n"


def to_csv(r: QueryResult) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    if r.boolean is not None:
        w.writerow(["boolean"])
        w.writerow(["true" if r.boolean else "false"])
        return buf.getvalue()
    w.writerow(r.variables)
    for row in r.rows:
        w.writerow(
            [
                ("_:" + row[v].value if row[v].kind == "bnode" else row[v].value) if v in row else ""
                for v in r.variables
            ]
        )
    return buf.getvalue()


def to_tsv(r: QueryResult) -> str:
    if r.boolean is not None:
        return "?boolean\n" + ("true" if r.boolean else "false") + "\n"
    lines = ["\t".join("?" + v for v in r.variables)]
    for row in r.rows:
        cells = []
        for v in r.variables:
            t = row.get(v)
            cells.append("" if t is None else t.n3().replace("\t", "\\t"))
        lines.append("\t".join(cells))
    return "\n".join(lines) + "\n"


def serialise_result(r: QueryResult, fmt: str) -> str:
    """A SELECT/ASK result in json, xml, csv or tsv."""
    return {"json": to_json, "xml": to_xml, "csv": to_csv, "tsv": to_tsv}[fmt](r)


def serialise_graph(ntriples: str, fmt: str) -> str:
    """An N-Triples graph as turtle, jsonld or ntriples."""
    if fmt == "ntriples":
        return ntriples
    triples = list(ox.parse(ntriples.encode("utf-8"), format=ox.RdfFormat.N_TRIPLES))
    rdf_format = ox.RdfFormat.TURTLE if fmt == "turtle" else ox.RdfFormat.JSON_LD
    prefixes = PREFIXES if fmt == "turtle" else None
    data = ox.serialize(triples, format=rdf_format, prefixes=prefixes)
    return data.decode("utf-8") if data else ""
