"""The stored-query catalogue: read the YAML headers of queries/*.rq, bind parameters, run, format.

A header is YAML in `#+ ` comment lines at the top of the file, so the file stays valid SPARQL:

    #+ title: Partners of a project
    #+ description: Who signed what, when.
    #+ parameters:
    #+   - {name: project, kind: iri, description: the project, default: null}

Parameters are turned into RDF terms (checked by kind) and bound through a VALUES block placed
inside the outermost WHERE, never pasted into the query text as raw strings.
"""

from __future__ import annotations

import csv
import io
import json
import re
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path

import yaml
from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from kg.config import QUERIES_DIR
from kg.errors import KgError
from kg.store import QueryResult, Store, Term
from kg.store import json_term as _json_term

KINDS = ("iri", "string", "integer", "decimal", "date", "year")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")


@dataclass(frozen=True)
class Parameter:
    name: str
    kind: str = "string"
    default: str | None = None
    description: str = ""
    required: bool = False


@dataclass(frozen=True)
class StoredQuery:
    name: str
    title: str
    description: str
    text: str
    path: Path
    parameters: tuple[Parameter, ...] = field(default_factory=tuple)

    @property
    def form(self) -> str:
        m = re.search(r"\b(SELECT|CONSTRUCT|ASK|DESCRIBE)\b", _strip_comments(self.text), re.IGNORECASE)
        return m.group(1).upper() if m else "SELECT"


def _strip_comments(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))


def parse_query_file(path: Path) -> StoredQuery:
    """One stored query; a bad header fails with file and line."""
    text = path.read_text(encoding="utf-8")
    header_lines: list[str] = []
    for line in text.splitlines():
        if line.startswith("#+"):
            header_lines.append(line[3:] if line.startswith("#+ ") else line[2:])
        elif line.strip() and not line.startswith("#"):
            break
    if not header_lines:
        raise KgError("stored query has no `#+` header (title, description, parameters)", path, 0)
    try:
        header = yaml.safe_load("\n".join(header_lines)) or {}
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark
        raise KgError(f"bad header: {e.problem}", path, mark.line if mark else None) from e
    if not isinstance(header, dict) or not header.get("title") or not header.get("description"):
        raise KgError("header needs `title:` and `description:`", path, 0)
    params = []
    for i, p in enumerate(header.get("parameters") or []):
        if not isinstance(p, dict) or not _NAME.match(str(p.get("name", ""))):
            raise KgError(f"parameter {i + 1}: needs a `name` that is a SPARQL variable name", path, 0)
        kind = p.get("kind", "string")
        if kind not in KINDS:
            raise KgError(f"parameter {p['name']}: unknown kind {kind!r}; one of {', '.join(KINDS)}", path, 0)
        if f"?{p['name']}" not in text:
            raise KgError(f"parameter {p['name']} is not used as ?{p['name']} in the query", path, 0)
        default = p.get("default")
        params.append(
            Parameter(
                name=str(p["name"]),
                kind=kind,
                default=None if default is None else str(default),
                description=str(p.get("description", "")),
                required=bool(p.get("required", False)),
            )
        )
    return StoredQuery(
        name=path.stem,
        title=str(header["title"]),
        description=" ".join(str(header["description"]).split()),
        text=text,
        path=path,
        parameters=tuple(params),
    )


def load_catalogue(directory: Path = QUERIES_DIR) -> dict[str, StoredQuery]:
    """Every stored query by name, sorted (violation checks `*-violation.rq` are not listed)."""
    return {
        p.stem: parse_query_file(p)
        for p in sorted(directory.glob("*.rq"))
        if not p.stem.endswith("-violation")
    }


def to_term(param: Parameter, value: str, base: str | None = None) -> URIRef | Literal:
    """A parameter value as an RDF term of its declared kind; a bad value names the parameter."""
    raw = value
    try:
        if param.kind == "iri":
            if base and not re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", value):
                value = base + value.lstrip("/")
            if not _IRI.match(value):
                raise ValueError("not an absolute IRI")
            return URIRef(value)
        if param.kind == "integer":
            if not re.fullmatch(r"[+-]?\d+", value):
                raise ValueError("not an integer")
            return Literal(int(value), datatype=XSD.integer)
        if param.kind == "decimal":
            d = Decimal(value)
            if not d.is_finite():
                raise ValueError("not a finite number")
            return Literal(format(d, "f"), datatype=XSD.decimal)
        if param.kind == "date":
            if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError("not a date YYYY-MM-DD")
            return Literal(value, datatype=XSD.date)
        if param.kind == "year":
            if not re.fullmatch(r"\d{4}", value):
                raise ValueError("not a year YYYY")
            return Literal(value, datatype=XSD.gYear)
        if "\x00" in value:
            raise ValueError("contains a NUL character")
        return Literal(value)
    except (ValueError, InvalidOperation) as e:
        raise KgError(f"parameter {param.name}={raw!r}: {e}") from e


def bind(query: StoredQuery, params: dict[str, str], base: str | None = None) -> str:
    """The query text with parameters bound as RDF terms in a VALUES block; unknown names are errors."""
    known = {p.name: p for p in query.parameters}
    for name in params:
        if name not in known:
            allowed = ", ".join(known) or "none"
            raise KgError(f"unknown parameter {name!r} for query {query.name} (parameters: {allowed})")
    values: list[tuple[str, str]] = []
    for p in query.parameters:
        raw = params.get(p.name, p.default)
        if raw is None:
            if p.required:
                raise KgError(f"parameter {p.name} is required for query {query.name}")
            continue
        values.append((p.name, to_term(p, raw, base).n3()))
    if not values:
        return query.text
    block = " ".join(f"VALUES ?{name} {{ {term} }}" for name, term in values)
    m = re.search(r"\bWHERE\s*\{", query.text, re.IGNORECASE)
    if not m:
        raise KgError("stored query has no WHERE { ... } to bind parameters in", query.path)
    return query.text[: m.end()] + f"\n  {block}\n" + query.text[m.end() :]


def run(query: StoredQuery, params: dict[str, str], store: Store, base: str | None = None) -> QueryResult:
    return store.query(bind(query, params, base))


def _short(term: Term) -> str:
    return term.value


def format_result(result: QueryResult, fmt: str = "table") -> str:
    """A result as an aligned text table, CSV, or SPARQL 1.1 JSON results."""
    if result.boolean is not None:
        return (
            json.dumps({"head": {}, "boolean": result.boolean})
            if fmt == "json"
            else str(result.boolean).lower()
        )
    if result.graph is not None:
        return result.graph
    if fmt == "json":
        return json.dumps(
            {
                "head": {"vars": result.variables},
                "results": {"bindings": [{k: _json_term(v) for k, v in row.items()} for row in result.rows]},
            },
            ensure_ascii=False,
            indent=1,
        )
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(result.variables)
        for row in result.rows:
            w.writerow([row[v].value if v in row else "" for v in result.variables])
        return buf.getvalue()
    if fmt != "table":
        raise KgError(f"unknown format {fmt!r}; one of table, csv, json")
    cells = [[row[v].value if v in row else "" for v in result.variables] for row in result.rows]
    widths = [min(60, max([len(v)] + [len(c[i]) for c in cells])) for i, v in enumerate(result.variables)]

    def line(values: list[str]) -> str:
        return "  ".join(
            (v if len(v) <= 60 else v[:57] + "...").ljust(w) for v, w in zip(values, widths, strict=True)
        ).rstrip()

    out = [line(result.variables), line(["-" * w for w in widths])]
    out += [line(c) for c in cells]
    out.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(out)
