"""What the web pages show about one resource, read from the store with SPARQL."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from kg.errors import KgError
from kg.store import LocalStore, Term

KG = "https://kg.example.org/ns#"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
LABEL_PROPS = (
    RDFS_LABEL,
    "http://www.w3.org/2004/02/skos/core#prefLabel",
    "http://www.w3.org/2004/02/skos/core#altLabel",
    "http://xmlns.com/foaf/0.1/name",
    "http://purl.org/dc/terms/title",
)
PREFIXES = f"""PREFIX kg: <{KG}>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX schema: <https://schema.org/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
"""
MONEY_STAGES = ("Requested", "Granted", "Committed", "Paid")
CONTEXT_CHARS = 160


def iri_term(iri: str) -> str:
    """The IRI in SPARQL syntax, refused when it is not a valid IRI (so nothing can be injected)."""
    try:
        return str(ox.NamedNode(iri))
    except ValueError as e:
        raise KgError(f"not an IRI: {iri!r}") from e


def best_label(terms: list[Term]) -> str | None:
    """German first, then untagged, then English, then any."""
    for want in ("de", None, "en"):
        for t in sorted(terms):
            if (t.lang or None) == want:
                return t.value
    return sorted(terms)[0].value if terms else None


@dataclass
class Quote:
    """A fact's quote in its source document, with some text either side."""

    fact: str
    span: str
    exact: str
    start: int
    end: int
    stem: str | None
    before: str = ""
    after: str = ""
    found: bool = False


@dataclass
class Description:
    """Everything the resource page shows."""

    iri: str
    label: str | None
    labels: list[tuple[str, Term]] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    out_links: list[tuple[str, Term, str | None]] = field(default_factory=list)
    in_links: list[tuple[Term, str, str | None]] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)

    @property
    def exists(self) -> bool:
        return bool(self.out_links or self.in_links)

    def is_a(self, local: str) -> bool:
        return KG + local in self.types


def _stem_of(source_text_iri: str | None, doc_iri: str) -> str | None:
    if source_text_iri and source_text_iri.endswith(".txt"):
        return source_text_iri.rsplit("/", 1)[-1][: -len(".txt")]
    return doc_iri.rstrip("/").rsplit("/", 1)[-1] or None


def describe(store: LocalStore, iri: str, documents_dir: Path | None, limit: int = 500) -> Description:
    """Labels, types, links out and in, and the quotes behind every fact about the resource."""
    node = iri_term(iri)
    out = store.query(
        PREFIXES
        + f"""SELECT ?p ?o (MIN(?l) AS ?olabel) WHERE {{
  {node} ?p ?o . OPTIONAL {{ ?o rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "de") || LANG(?l) = "") }}
}} GROUP BY ?p ?o ORDER BY ?p ?o LIMIT {limit}"""
    )
    inc = store.query(
        PREFIXES
        + f"""SELECT ?s ?p (MIN(?l) AS ?slabel) WHERE {{
  ?s ?p {node} . OPTIONAL {{ ?s rdfs:label ?l FILTER(LANGMATCHES(LANG(?l), "de") || LANG(?l) = "") }}
}} GROUP BY ?s ?p ORDER BY ?p ?s LIMIT {limit}"""
    )
    d = Description(iri=iri, label=None)
    label_terms: list[Term] = []
    for row in out.rows:
        p, o = row["p"].value, row["o"]
        olabel = row["olabel"].value if "olabel" in row else None
        d.out_links.append((p, o, olabel))
        if p == RDF_TYPE and o.kind == "uri":
            d.types.append(o.value)
        if p in LABEL_PROPS and o.kind == "literal":
            d.labels.append((p, o))
            if p == RDFS_LABEL:
                label_terms.append(o)
    d.label = best_label(label_terms) or best_label([t for _, t in d.labels])
    for row in inc.rows:
        d.in_links.append((row["s"], row["p"].value, row["slabel"].value if "slabel" in row else None))
    d.quotes = quotes(store, node, documents_dir, limit)
    return d


def quotes(store: LocalStore, node: str, documents_dir: Path | None, limit: int = 500) -> list[Quote]:
    """The spans the resource, and the facts that point at it, were derived from; with their context."""
    res = store.query(
        PREFIXES
        + f"""SELECT DISTINCT ?fact ?span ?exact ?start ?end ?doc ?src WHERE {{
  {{ BIND({node} AS ?fact) ?fact prov:wasDerivedFrom ?span }}
  UNION {{ ?fact ?p {node} . ?fact prov:wasDerivedFrom ?span }}
  UNION {{ BIND({node} AS ?span) BIND({node} AS ?fact) }}
  ?span oa:exact ?exact ; oa:start ?start ; oa:end ?end ; kg:sourceDocument ?doc .
  OPTIONAL {{ ?doc kg:sourceText ?src }}
}} ORDER BY ?doc ?start ?fact LIMIT {limit}"""
    )
    texts: dict[str, str | None] = {}
    out = []
    for row in res.rows:
        stem = _stem_of(row["src"].value if "src" in row else None, row["doc"].value)
        q = Quote(
            fact=row["fact"].value,
            span=row["span"].value,
            exact=row["exact"].value,
            start=int(row["start"].value),
            end=int(row["end"].value),
            stem=stem,
        )
        if stem and documents_dir is not None:
            if stem not in texts:
                path = documents_dir / f"{stem}.txt"
                texts[stem] = path.read_text(encoding="utf-8") if path.is_file() else None
            text = texts[stem]
            # Only show context when the offsets still point at the quote (the text may have changed).
            if text is not None and text[q.start : q.end] == q.exact:
                q.found = True
                q.before = text[max(0, q.start - CONTEXT_CHARS) : q.start]
                q.after = text[q.end : q.end + CONTEXT_CHARS]
        out.append(q)
    return out


def money_by_year_and_stage(store: LocalStore, iri: str) -> dict[str, dict[str, float]]:
    """{year: {stage: amount}} for the four stages; parts of a stated whole are left out (no double count).

    The same sum is often restated in a later answer, so per year and stage we take the largest
    stated amount rather than the total of all statements.
    """
    node = iri_term(iri)
    res = store.query(
        PREFIXES
        + f"""SELECT ?year ?stage (MAX(?value) AS ?amount) WHERE {{
  ?a kg:forProject {node} ; schema:value ?value ; kg:stage ?stage .
  FILTER NOT EXISTS {{ ?a kg:partOfAmount ?whole }}
  OPTIONAL {{ ?a kg:fiscalYear ?y }}
  BIND(COALESCE(STR(?y), "?") AS ?year)
}} GROUP BY ?year ?stage"""
    )
    table: dict[str, dict[str, float]] = defaultdict(dict)
    for row in res.rows:
        stage = row["stage"].value.removeprefix(KG)
        if stage in MONEY_STAGES:
            table[row["year"].value][stage] = float(row["amount"].value)
    return dict(sorted(table.items()))


def partners(store: LocalStore, iri: str) -> list[tuple[str, str, str]]:
    """(role, organisation IRI, label) for a project's lead and partners, sorted."""
    node = iri_term(iri)
    res = store.query(
        PREFIXES
        + f"""SELECT ?role ?org (MIN(?l) AS ?label) WHERE {{
  {{ {node} kg:lead ?org BIND("lead" AS ?role) }} UNION {{ {node} kg:partner ?org BIND("partner" AS ?role) }}
  OPTIONAL {{ ?org rdfs:label ?l }}
}} GROUP BY ?role ?org ORDER BY ?role ?label"""
    )
    return [
        (r["role"].value, r["org"].value, r["label"].value if "label" in r else r["org"].value)
        for r in res.rows
    ]


def projects_by_field(store: LocalStore, iri: str) -> dict[str, list[tuple[str, str]]]:
    """{field label: [(project IRI, label)]} for a programme; projects without a field under ''."""
    node = iri_term(iri)
    res = store.query(
        PREFIXES
        + f"""SELECT ?project (MIN(?pl) AS ?plabel) (MIN(?fl) AS ?flabel) WHERE {{
  ?project kg:partOfProgramme {node} .
  OPTIONAL {{ ?project rdfs:label ?pl }}
  OPTIONAL {{ ?project kg:fieldOfAction ?field . ?field skos:prefLabel|rdfs:label ?fl }}
}} GROUP BY ?project ?field ORDER BY ?flabel ?plabel"""
    )
    out: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for r in res.rows:
        field_label = r["flabel"].value if "flabel" in r else ""
        out[field_label].append(
            (r["project"].value, r["plabel"].value if "plabel" in r else r["project"].value)
        )
    return dict(sorted(out.items()))
