"""The web app: a read-only SPARQL 1.1 Protocol endpoint and pages for people, over the built graph."""

from __future__ import annotations

import dataclasses
import logging
import re
import urllib.parse
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

from flask import Flask, Response, abort, render_template, request
from markupsafe import Markup
from werkzeug.exceptions import HTTPException

from kg.config import DEFAULT_BASE, QUERIES_DIR
from kg.errors import KgError
from kg.serve import charts, describe, results
from kg.store import LocalStore, QueryRejected, QueryResult, QueryTimeout, Term, _query_form

log = logging.getLogger(__name__)
HTML = "text/html"
RDF_TYPES = ["text/turtle", "application/ld+json", "application/n-triples"]


@dataclasses.dataclass
class Settings:
    """What the app serves and its limits."""

    build_dir: Path
    base: str = DEFAULT_BASE
    queries_dir: Path = QUERIES_DIR
    timeout: float = 10.0
    limit: int = 10_000
    workers: int = 8


class QueryRunner:
    """Runs queries on a pool, so a slow one answers 503 in time and the server goes on serving."""

    def __init__(self, store: LocalStore, settings: Settings) -> None:
        self.store = store
        self.settings = settings
        self.pool = ThreadPoolExecutor(max_workers=settings.workers, thread_name_prefix="kg-query")

    def run(self, sparql: str, limit: int | None = None) -> QueryResult:
        timeout = self.settings.timeout
        fut = self.pool.submit(self.store.query, sparql, timeout, limit or self.settings.limit)
        try:
            # The worker stops itself at the deadline between solutions; the extra second covers that.
            return fut.result(timeout=timeout + 1.0)
        except FutureTimeout:
            fut.cancel()
            raise QueryTimeout(f"query ran past its time limit of {timeout:g} s") from None


def _local_path(iri: str, base: str) -> str | None:
    """The path this server answers an IRI under the base at, or None for IRIs elsewhere."""
    if iri.startswith(base):
        rest = iri[len(base) :]
        if "#" not in rest and rest:
            return "/" + rest
    return None


def create_app(settings: Settings, store: LocalStore | None = None) -> Flask:
    """The Flask app over a build (the store is loaded from settings.build_dir unless given)."""
    app = Flask(__name__)
    app.config["JSON_AS_ASCII"] = False
    store = store or LocalStore.from_build(settings.build_dir)
    runner = QueryRunner(store, settings)
    base = settings.base
    documents_dir = settings.build_dir / "documents"

    def catalogue() -> dict[str, Any]:
        from kg.queries import load_catalogue

        return load_catalogue(settings.queries_dir)

    def link(t: Term | str, label: str | None = None) -> Markup:
        iri = t if isinstance(t, str) else (t.value if t.kind == "uri" else None)
        if iri is None:
            assert isinstance(t, Term)
            return Markup("<span class='lit'>{}</span>{}").format(
                t.value, Markup(" <sub>@{}</sub>").format(t.lang) if t.lang else ""
            )
        local = _local_path(iri, base)
        href = local or "/resource?" + urllib.parse.urlencode({"iri": iri})
        return Markup("<a href='{}' title='{}'>{}</a>").format(href, iri, label or short(iri))

    def short(iri: str) -> str:
        for prefix, ns in sorted(results.PREFIXES.items()):
            if iri.startswith(ns) and len(iri) > len(ns):
                return f"{prefix}:{iri[len(ns) :]}"
        if iri.startswith(base):
            return iri[len(base) :]
        return iri

    app.jinja_env.globals.update(link=link, short=short, base=base)

    def plain(status: int, message: str) -> Response:
        return Response(message.rstrip() + "\n", status=status, mimetype="text/plain")

    @app.errorhandler(HTTPException)
    def http_error(e: HTTPException) -> Response:
        text = e.description or e.name
        if request.accept_mimetypes.best_match([HTML, "text/plain"]) == HTML and "text/html" in str(
            request.accept_mimetypes
        ):
            return Response(render_template("error.html", status=e.code, message=text), status=e.code)
        return plain(e.code or 500, f"{e.code} {e.name}: {text}")

    # --- SPARQL 1.1 Protocol --------------------------------------------------------------------
    @app.route("/sparql", methods=["GET", "POST"])
    def sparql() -> Response:
        ctype = (request.mimetype or "").lower()
        if ctype == "application/sparql-update" or "update" in request.values:
            return plain(403, "403 Forbidden: this endpoint is read-only; SPARQL Update is refused")
        if request.method == "POST" and ctype == "application/sparql-query":
            text = request.get_data(as_text=True)
        elif request.method == "POST" and ctype not in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            return plain(415, f"415 Unsupported Media Type: {ctype or 'none'}; send a form or sparql-query")
        else:
            text = request.values.get("query", "")
        if not text.strip():
            if request.method == "GET" and request.accept_mimetypes.best == HTML:
                return Response(render_template("endpoint.html"))
            return plain(400, "400 Bad Request: no query (give `query=`)")
        if _query_form(text) == "update":
            return plain(403, "403 Forbidden: this endpoint is read-only; SPARQL Update is refused")
        return answer(text)

    def answer(text: str, fmt: str | None = None, download: str | None = None) -> Response:
        try:
            r = runner.run(text)
        except QueryTimeout as e:
            return plain(503, f"503 Service Unavailable: {e.message}; narrow the query or add a LIMIT")
        except QueryRejected as e:
            return plain(400, f"400 Bad Request: {e.message}")
        except KgError as e:
            return plain(500, f"500 Internal Server Error: {e.message}")
        fmt = fmt or request.values.get("format")
        if r.graph is not None:
            fmt = fmt or results.ACCEPT_GRAPH.get(
                request.accept_mimetypes.best_match(list(results.ACCEPT_GRAPH), default="text/turtle") or ""
            )
            if fmt not in results.GRAPH_TYPES:
                return plain(406, f"406 Not Acceptable: a graph comes as {', '.join(results.GRAPH_TYPES)}")
            return Response(results.serialise_graph(r.graph, fmt), mimetype=results.GRAPH_TYPES[fmt])
        fmt = fmt or results.ACCEPT_RESULTS.get(
            request.accept_mimetypes.best_match(
                list(results.ACCEPT_RESULTS), default="application/sparql-results+json"
            )
            or ""
        )
        if fmt not in results.RESULT_TYPES:
            return plain(406, f"406 Not Acceptable: results come as {', '.join(results.RESULT_TYPES)}")
        resp = Response(results.serialise_result(r, fmt), mimetype=results.RESULT_TYPES[fmt])
        if r.truncated:
            resp.headers["X-KG-Truncated"] = str(settings.limit)
        if download:
            resp.headers["Content-Disposition"] = f'attachment; filename="{download}"'
        return resp

    # --- pages ----------------------------------------------------------------------------------
    @app.route("/")
    def home() -> str:
        counts = runner.run(
            describe.PREFIXES
            + """SELECT ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {
  VALUES ?class { kg:Document kg:Project kg:Programme kg:MonetaryAmount kg:TextSpan }
  ?s a ?class } GROUP BY ?class ORDER BY ?class"""
        )
        listing = runner.run(
            describe.PREFIXES
            + """SELECT ?s ?class (MIN(?l) AS ?label) WHERE {
  VALUES ?class { kg:Programme kg:Project }
  ?s a ?class OPTIONAL { ?s rdfs:label ?l } } GROUP BY ?s ?class ORDER BY ?class ?label LIMIT 500"""
        )
        return render_template("home.html", counts=counts.rows, listing=listing.rows)

    def stored_query_form() -> tuple[Any, dict[str, str], str, str | None]:
        cat = catalogue()
        name = request.values.get("name") or None
        sq = cat.get(name) if name else None
        if name and sq is None:
            abort(404, f"no stored query named {name!r}")
        params = {p.name: request.values.get(p.name, "") for p in sq.parameters} if sq else {}
        text = request.values.get("query") or (sq.text if sq else "")
        return cat, params, text.replace("\r\n", "\n"), name

    def bound_text(cat: dict[str, Any], name: str | None, text: str, params: dict[str, str]) -> str:
        if not name:
            return text
        from kg.queries import bind

        sq = dataclasses.replace(cat[name], text=text)
        return bind(sq, {k: v for k, v in params.items() if v.strip()}, base)

    @app.route("/query")
    def query_page() -> Response | str:
        cat, params, text, name = stored_query_form()
        result = error = None
        if "run" in request.values and text.strip():
            try:
                final = bound_text(cat, name, text, params)
                if _query_form(final) == "update":
                    raise QueryRejected("this page is read-only; SPARQL Update is refused")
                result = runner.run(final)
            except KgError as e:
                error = e.message
        csv_href = None
        if result is not None and result.form == "select":
            csv_href = "/query.csv?" + urllib.parse.urlencode(
                {"name": name or "", "query": text, **{k: v for k, v in params.items() if v}}
            )
        status = 200 if error is None else 400
        page = render_template(
            "query.html",
            catalogue=cat,
            current=cat.get(name) if name else None,
            name=name,
            params=params,
            text=text,
            result=result,
            error=error,
            csv_href=csv_href,
        )
        return Response(page, status=status)

    @app.route("/query.csv")
    def query_csv() -> Response:
        cat, params, text, name = stored_query_form()
        try:
            final = bound_text(cat, name, text, params)
        except KgError as e:
            return plain(400, f"400 Bad Request: {e.message}")
        if _query_form(final) == "update":
            return plain(403, "403 Forbidden: this endpoint is read-only; SPARQL Update is refused")
        return answer(final, fmt="csv", download=f"{name or 'query'}.csv")

    def resource_response(iri: str) -> Response | str:
        wanted = request.accept_mimetypes.best_match([HTML, *RDF_TYPES], default=HTML)
        if request.args.get("format") in results.GRAPH_TYPES:
            wanted = results.GRAPH_TYPES[request.args["format"]]
        try:
            d = describe.describe(store, iri, documents_dir)
        except KgError as e:
            abort(400, e.message)
        if not d.exists:
            abort(404, f"no resource {iri} in this graph")
        if wanted != HTML:
            node = describe.iri_term(iri)
            r = store.query(
                f"CONSTRUCT {{ {node} ?p ?o . ?s ?q {node} }} "
                f"WHERE {{ {{ {node} ?p ?o }} UNION {{ ?s ?q {node} }} }}"
            )
            fmt = {v: k for k, v in results.GRAPH_TYPES.items()}[wanted]
            return Response(results.serialise_graph(r.graph or "", fmt), mimetype=wanted)
        extra: dict[str, Any] = {}
        title = d.label or short(iri)
        if d.is_a("Project"):
            extra["money_svg"] = Markup(
                charts.money_chart(describe.money_by_year_and_stage(store, iri), title)
            )
            extra["money"] = describe.money_by_year_and_stage(store, iri)
            ps = describe.partners(store, iri)
            extra["partners"] = ps
            extra["network_svg"] = Markup(
                charts.network_chart(title, [(role, label) for role, _, label in ps])
            )
        if d.is_a("Programme"):
            fields = describe.projects_by_field(store, iri)
            extra["fields"] = fields
            extra["fields_svg"] = Markup(
                charts.fields_chart(
                    [(f, len(ps)) for f, ps in fields.items()], f"Projekte nach Handlungsfeld: {title}"
                )
            )
        resp = Response(render_template("resource.html", d=d, title=title, **extra))
        resp.headers["Vary"] = "Accept"
        return resp

    @app.route("/id/<path:rest>")
    def resource(rest: str) -> Response | str:
        return resource_response(base + "id/" + rest)

    @app.route("/resource")
    def any_resource() -> Response | str:
        iri = request.args.get("iri", "")
        if not iri:
            abort(400, "give ?iri=")
        return resource_response(iri)

    def document_text(stem: str) -> str:
        if not re.fullmatch(r"[\w.-]+", stem):
            abort(404)
        path = documents_dir / f"{stem}.txt"
        if not path.is_file():
            abort(404, f"no source text {stem}.txt in this build")
        return path.read_text(encoding="utf-8")

    @app.route("/source/<stem>.txt")
    def source_text(stem: str) -> Response:
        return Response(document_text(stem), mimetype="text/plain")

    @app.route("/text/<stem>")
    def text_page(stem: str) -> str:
        text = document_text(stem)
        try:
            start, end = int(request.args.get("start", -1)), int(request.args.get("end", -1))
        except ValueError:
            start = end = -1
        if not (0 <= start < end <= len(text)):
            start = end = -1
        doc_iri = base + "id/document/" + stem
        return render_template("text.html", stem=stem, text=text, start=start, end=end, doc_iri=doc_iri)

    app.extensions["kg_runner"] = runner
    return app


def get(app: Flask, path: str, accept: str = HTML) -> tuple[int, str, bytes]:
    """Answer one request in-process (like datasette's --get): status, content type, body."""
    with app.test_client() as client:
        resp = client.get(path, headers={"Accept": accept})
        return resp.status_code, resp.content_type or "", resp.get_data()


def serve(app: Flask, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted, one thread per request (werkzeug's threaded server)."""
    from werkzeug.serving import make_server

    server = make_server(host, port, app, threaded=True)
    log.info("serving on http://%s:%d/", host, port)
    try:
        server.serve_forever()
    finally:
        server.server_close()
