"""Stores behind one small interface: the embedded store (pyoxigraph) over a build, and remote endpoints.

Results are store-neutral `Term`s, so local and remote answers compare equal.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

import pyoxigraph as ox

from kg.errors import KgError

TermKind = Literal["uri", "literal", "bnode"]
XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


@dataclass(frozen=True, order=True)
class Term:
    """An RDF term in a result row."""

    kind: TermKind
    value: str
    datatype: str | None = None  # None for plain xsd:string and for language strings
    lang: str | None = None

    def __str__(self) -> str:
        return self.value


@dataclass
class QueryResult:
    """A SELECT result (variables, rows), an ASK result (boolean), or a graph (N-Triples text)."""

    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Term]] = field(default_factory=list)
    boolean: bool | None = None
    graph: str | None = None


class Store(Protocol):
    def query(self, sparql: str, timeout: float | None = None) -> QueryResult: ...


def term_from_oxigraph(t: ox.NamedNode | ox.BlankNode | ox.Literal) -> Term:
    if isinstance(t, ox.NamedNode):
        return Term("uri", t.value)
    if isinstance(t, ox.BlankNode):
        return Term("bnode", t.value)
    dt = t.datatype.value if t.datatype is not None else None
    if t.language or dt in (XSD_STRING, RDF_LANGSTRING):
        dt = None
    return Term("literal", t.value, dt, t.language or None)


class LocalStore:
    """The embedded default store: pyoxigraph, in memory, loaded from a build's kg.nq / kg.trig."""

    def __init__(self, store: ox.Store) -> None:
        self._store = store

    @classmethod
    def from_build(cls, build_dir: Path) -> LocalStore:
        build_dir = Path(build_dir)
        trig = build_dir / "kg.trig"
        if not trig.is_file():
            raise KgError("no built graph here", trig, hint="run `kg build` first (or `make build`)")
        store = ox.Store()
        try:
            store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
        except SyntaxError as e:
            raise KgError(f"cannot parse: {e}", trig) from e
        return cls(store)

    @classmethod
    def from_files(cls, paths: list[Path]) -> LocalStore:
        store = ox.Store()
        for p in paths:
            fmt = ox.RdfFormat.from_extension(p.suffix.lstrip("."))
            if fmt is None:
                raise KgError("unknown RDF format (by extension)", p)
            try:
                store.bulk_load(path=str(p), format=fmt)
            except SyntaxError as e:
                raise KgError(f"cannot parse: {e}", p) from e
        return cls(store)

    @property
    def oxigraph(self) -> ox.Store:
        return self._store

    def query(self, sparql: str, timeout: float | None = None) -> QueryResult:
        try:
            res = self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise KgError(f"malformed query: {e}") from e
        if isinstance(res, ox.QuerySolutions):
            variables = [v.value for v in res.variables]
            rows = []
            for sol in res:
                row = {}
                for v in variables:
                    t = sol[v]
                    if t is not None:
                        row[v] = term_from_oxigraph(t)
                rows.append(row)
            return QueryResult(variables=variables, rows=rows)
        if isinstance(res, ox.QueryBoolean):
            return QueryResult(boolean=bool(res))
        lines = sorted(f"{t.subject} {t.predicate} {t.object} ." for t in res)
        return QueryResult(graph="\n".join(lines) + ("\n" if lines else ""))
