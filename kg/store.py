"""Stores behind one small interface: the embedded store (pyoxigraph) over a build, and remote endpoints.

Results are store-neutral `Term`s, so local and remote answers compare equal.
"""

from __future__ import annotations

import json
import os
import re
import socket
import time
import urllib.error
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, Literal, Protocol

import pyoxigraph as ox

from kg.config import DEFAULT_OUT
from kg.errors import KgError

TermKind = Literal["uri", "literal", "bnode"]
XSD = "http://www.w3.org/2001/XMLSchema#"
XSD_STRING = XSD + "string"
RDF_LANGSTRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"
NUMERIC_TYPES = frozenset(
    XSD + t
    for t in [
        "integer",
        "decimal",
        "double",
        "float",
        "int",
        "long",
        "short",
        "byte",
        "nonNegativeInteger",
        "positiveInteger",
        "negativeInteger",
        "nonPositiveInteger",
        "unsignedInt",
        "unsignedLong",
        "unsignedShort",
        "unsignedByte",
    ]
)
# Environment variables for remote credentials; read, never printed.
ENV_USER = "KG_SPARQL_USER"
ENV_PASSWORD = "KG_SPARQL_PASSWORD"
TRANSIENT_STATUS = frozenset({408, 425, 429, 502, 503, 504})


class QueryTimeout(KgError):
    """The query ran past its time limit."""


class QueryRejected(KgError):
    """The store refused the query (malformed, or a form that is not allowed here)."""


class EndpointError(KgError):
    """A remote endpoint could not be reached or answered with an error."""

    def __init__(self, message: str, status: int | None = None, hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.status = status


@dataclass(frozen=True, order=True)
class Term:
    """An RDF term in a result row."""

    kind: TermKind
    value: str
    datatype: str | None = None  # None for plain xsd:string and for language strings
    lang: str | None = None

    def __str__(self) -> str:
        return self.value

    def n3(self) -> str:
        """The term in N-Triples / SPARQL syntax."""
        if self.kind == "uri":
            return f"<{self.value}>"
        if self.kind == "bnode":
            return f"_:{self.value}"
        text = json.dumps(self.value, ensure_ascii=False)
        if self.lang:
            return f"{text}@{self.lang}"
        if self.datatype:
            return f"{text}^^<{self.datatype}>"
        return text


@dataclass
class QueryResult:
    """A SELECT result (variables, rows), an ASK result (boolean), or a graph (N-Triples text)."""

    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, Term]] = field(default_factory=list)
    boolean: bool | None = None
    graph: str | None = None
    truncated: bool = False  # rows were cut at the caller's limit

    def records(self) -> list[dict[str, str | None]]:
        """The rows as plain dicts of lexical values (None where unbound): ready for pandas.DataFrame."""
        return [{v: row[v].value if v in row else None for v in self.variables} for row in self.rows]

    @property
    def form(self) -> str:
        """select, ask or graph."""
        if self.boolean is not None:
            return "ask"
        if self.graph is not None:
            return "graph"
        return "select"


def json_term(t: Term) -> dict[str, str]:
    """A term as SPARQL 1.1 JSON results write it."""
    d = {"type": t.kind, "value": t.value}
    if t.lang:
        d["xml:lang"] = t.lang
    elif t.datatype:
        d["datatype"] = t.datatype
    return d


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


def term_from_json(b: dict[str, str]) -> Term:
    """A term from one SPARQL 1.1 JSON results binding (also Virtuoso's old `typed-literal`)."""
    kind = b["type"]
    if kind == "uri":
        return Term("uri", b["value"])
    if kind == "bnode":
        return Term("bnode", b["value"])
    lang = b.get("xml:lang") or b.get("lang")
    dt = b.get("datatype")
    if lang or dt in (XSD_STRING, RDF_LANGSTRING):
        dt = None
    return Term("literal", b["value"], dt, lang or None)


def _canonical_number(value: str) -> str | None:
    try:
        d = Decimal(value.strip())
    except InvalidOperation:
        return None
    if not d.is_finite():
        return None
    d = d.normalize()
    return format(d, "f") if d == d.to_integral_value() else str(d)


def normalise_term(t: Term) -> tuple[str, ...]:
    """A comparable key: numbers by value whatever their numeric type; blank nodes all alike.

    Stores differ on the datatype of computed numbers (COUNT, SUM, AVG) and of booleans, so numeric
    literals compare by value and booleans as 1/0; blank node labels are local to a result.
    """
    if t.kind == "bnode":
        return ("bnode",)
    if t.kind == "uri":
        return ("uri", t.value)
    if t.datatype in NUMERIC_TYPES:
        num = _canonical_number(t.value)
        if num is not None:
            return ("number", num)
    if t.datatype == XSD + "boolean":
        # Virtuoso answers a boolean expression (BIND(EXISTS {...} AS ?x)) with xsd:integer 0 or 1.
        return ("number", "1" if t.value.strip() in ("true", "1") else "0")
    return ("literal", t.value, t.datatype or "", (t.lang or "").lower())


def bindings_set(result: QueryResult) -> frozenset[frozenset[tuple[str, tuple[str, ...]]]] | bool | str:
    """The result as a set of bindings (a set of (variable, normalised term)); ASK → bool; graph → text."""
    if result.boolean is not None:
        return result.boolean
    if result.graph is not None:
        return "\n".join(sorted(line for line in result.graph.splitlines() if line.strip()))
    return frozenset(frozenset((v, normalise_term(t)) for v, t in row.items()) for row in result.rows)


def _query_form(sparql: str) -> str:
    """select, ask, construct or describe — or update; from the first keyword after the prologue."""
    # IRIs out first: a '#' inside one is not a comment.
    text = re.sub(r"<[^<>\s]*>", "<>", sparql)
    text = re.sub(r"#[^\n]*", " ", text)
    text = re.sub(r"(?is)^\s*((BASE\s*<[^>]*>|PREFIX\s+[\w.-]*:\s*<[^>]*>)\s*)*", "", text)
    m = re.match(r"\s*([A-Za-z]+)", text)
    word = m.group(1).lower() if m else ""
    if word in ("select", "ask", "construct", "describe"):
        return word
    if word in ("insert", "delete", "load", "clear", "create", "drop", "copy", "move", "add", "with"):
        return "update"
    return "unknown"


def _collect(
    res: Iterable[Any], deadline: float | None, limit: int | None, convert: Callable[[Any], Any]
) -> tuple[list[Any], bool, bool]:
    """(items, truncated, timed out); never raises, so the unsendable iterator dies in this thread."""
    items: list[Any] = []
    for i, x in enumerate(res):
        # The check runs between solutions: a query that materialises everything before its first
        # solution (ORDER BY, GROUP BY, COUNT) is only stopped once it produces one.
        if deadline is not None and i % 256 == 0 and time.monotonic() > deadline:
            return items, False, True
        if limit is not None and len(items) >= limit:
            return items, True, False
        items.append(convert(x))
    return items, False, False


class LocalStore:
    """The embedded default store: pyoxigraph, in memory, loaded from a build's kg.trig."""

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
            p = Path(p)
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

    def graphs(self) -> list[str]:
        """The named graphs' IRIs, sorted."""
        return sorted(g.value for g in self._store.named_graphs() if isinstance(g, ox.NamedNode))

    def graph_ntriples(self, graph: str) -> bytes:
        """One named graph as N-Triples, sorted (deterministic)."""
        quads = self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph))
        lines = sorted(str(ox.Triple(q.subject, q.predicate, q.object)) + " .\n" for q in quads)
        return "".join(lines).encode("utf-8")

    def query(self, sparql: str, timeout: float | None = None, limit: int | None = None) -> QueryResult:
        if _query_form(sparql) == "update":
            raise QueryRejected("updates are not allowed: this store is read-only")
        deadline = time.monotonic() + timeout if timeout else None
        try:
            res = self._store.query(sparql, use_default_graph_as_union=True)
        except SyntaxError as e:
            raise QueryRejected(f"malformed query: {e}") from None
        except OSError as e:
            raise KgError(f"query failed: {e}") from None
        # pyoxigraph's result iterators must be dropped on the thread that made them: collect here,
        # drop `res`, and only then raise (an exception's frames would carry it to another thread).
        try:
            if isinstance(res, ox.QueryBoolean):
                return QueryResult(boolean=bool(res))
            if isinstance(res, ox.QuerySolutions):
                variables = [v.value for v in res.variables]

                def row(sol: ox.QuerySolution) -> dict[str, Term]:
                    return {v: term_from_oxigraph(sol[v]) for v in variables if sol[v] is not None}

                rows, truncated, late = _collect(res, deadline, limit, row)
                result = QueryResult(variables=variables, rows=rows, truncated=truncated)
            else:
                lines, _, late = _collect(
                    res, deadline, None, lambda t: f"{t.subject} {t.predicate} {t.object} ."
                )
                lines.sort()
                result = QueryResult(graph="\n".join(lines) + ("\n" if lines else ""))
        except OSError as e:
            error: KgError | None = KgError(f"query failed: {e}")
        else:
            error = QueryTimeout(f"query ran past its time limit of {timeout:g} s") if late else None
        del res
        if error is not None:
            raise error
        return result


def _describe_http_error(status: int, body: str, endpoint: str) -> EndpointError:
    detail = " ".join(body.split())[:400]
    if status in (400,):
        return EndpointError(f"the endpoint rejected the query (HTTP 400): {detail}", status)
    if status in (401, 403):
        return EndpointError(
            f"not allowed (HTTP {status}) at {endpoint}",
            status,
            hint=f"set {ENV_USER} and {ENV_PASSWORD} for an endpoint that needs a login",
        )
    if status == 404:
        return EndpointError(f"no SPARQL endpoint at {endpoint} (HTTP 404)", status, hint="check the URL")
    return EndpointError(f"the endpoint failed (HTTP {status}): {detail}", status)


class RemoteStore:
    """A SPARQL 1.1 endpoint queried through SPARQLWrapper, with timeouts and retries."""

    def __init__(
        self,
        endpoint: str,
        timeout: float = 60.0,
        retries: int = 3,
        backoff: float = 0.5,
        user: str | None = None,
        password: str | None = None,
    ) -> None:
        self.endpoint = endpoint
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self._user = user if user is not None else os.environ.get(ENV_USER)
        self._password = password if password is not None else os.environ.get(ENV_PASSWORD)

    def __repr__(self) -> str:  # credentials stay out of reprs and tracebacks
        return f"RemoteStore({self.endpoint!r})"

    def _request(self, sparql: str, form: str, timeout: float) -> bytes:
        from SPARQLWrapper import GET, JSON, POST, TURTLE, SPARQLWrapper
        from SPARQLWrapper.SPARQLExceptions import SPARQLWrapperException

        sw = SPARQLWrapper(self.endpoint, agent="kg (SPARQLWrapper)")
        sw.setQuery(sparql)
        # Long queries go by POST: some servers cut URLs at a few kilobytes.
        sw.setMethod(POST if len(sparql) > 1500 else GET)
        sw.setReturnFormat(TURTLE if form in ("construct", "describe") else JSON)
        sw.setTimeout(max(1, round(timeout)))
        if self._user:
            sw.setCredentials(self._user, self._password or "")
        attempt = 0
        while True:
            attempt += 1
            try:
                with sw.query().response as resp:
                    return resp.read()
            except urllib.error.HTTPError as e:
                if e.code in TRANSIENT_STATUS and attempt <= self.retries:
                    time.sleep(self.backoff * 2 ** (attempt - 1))
                    continue
                body = e.read().decode("utf-8", "replace") if e.fp else ""
                raise _describe_http_error(e.code, body, self.endpoint) from None
            except SPARQLWrapperException as e:
                # SPARQLWrapper turns 400/401/404/414/500 into its own exceptions; their text holds the body.
                status = {
                    "QueryBadFormed": 400,
                    "Unauthorized": 401,
                    "EndPointNotFound": 404,
                    "URITooLong": 414,
                    "EndPointInternalError": 500,
                }.get(type(e).__name__, 0)
                raise _describe_http_error(status, str(e.args[0] if e.args else e), self.endpoint) from None
            except TimeoutError as e:
                raise QueryTimeout(f"no answer from {self.endpoint} within {timeout:g} s") from e
            except (urllib.error.URLError, ConnectionError, OSError) as e:
                reason = getattr(e, "reason", e)
                if isinstance(reason, TimeoutError | socket.timeout):
                    raise QueryTimeout(f"no answer from {self.endpoint} within {timeout:g} s") from e
                if attempt <= self.retries:
                    time.sleep(self.backoff * 2 ** (attempt - 1))
                    continue
                raise EndpointError(
                    f"cannot reach the endpoint {self.endpoint}: {reason}",
                    hint="is the server running, and is the URL right?",
                ) from None

    def query(self, sparql: str, timeout: float | None = None, limit: int | None = None) -> QueryResult:
        form = _query_form(sparql)
        if form == "update":
            raise QueryRejected("updates are not run through `query`; use `kg push` to load data")
        body = self._request(sparql, form, timeout or self.timeout)
        if form in ("construct", "describe"):
            try:
                triples = ox.parse(body, format=ox.RdfFormat.TURTLE)
                lines = sorted(f"{t.subject} {t.predicate} {t.object} ." for t in triples)
            except SyntaxError as e:
                raise EndpointError(f"the endpoint sent unreadable Turtle: {e}") from e
            return QueryResult(graph="\n".join(lines) + ("\n" if lines else ""))
        try:
            data = json.loads(body)
        except ValueError as e:
            raise EndpointError(f"the endpoint sent no SPARQL JSON results: {body[:200]!r}") from e
        if "boolean" in data:
            return QueryResult(boolean=bool(data["boolean"]))
        variables = list(data.get("head", {}).get("vars", []))
        rows = [
            {v: term_from_json(b) for v, b in binding.items()}
            for binding in data.get("results", {}).get("bindings", [])
        ]
        truncated = False
        if limit is not None and len(rows) > limit:
            rows, truncated = rows[:limit], True
        return QueryResult(variables=variables, rows=rows, truncated=truncated)


def open_store(
    build_dir: Path | str | None = None,
    endpoint: str | None = None,
    timeout: float = 60.0,
    retries: int = 3,
) -> LocalStore | RemoteStore:
    """The remote endpoint when one is given, else the embedded store over the build."""
    if endpoint:
        return RemoteStore(endpoint, timeout=timeout, retries=retries)
    return LocalStore.from_build(Path(build_dir) if build_dir is not None else DEFAULT_OUT)
