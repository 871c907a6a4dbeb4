"""The `kg` command: parse arguments, make one library call, print, set the exit code.

Exit codes: 0 success, 1 a KgError (bad input, violations, failed eval threshold), 2 misuse.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click

from kg.config import DATA_DIR, DEFAULT_BASE, DEFAULT_OUT, QUERIES_DIR, Config
from kg.errors import KgError, ValidationFailed
from kg.eval import KINDS


def fail(err: KgError, code: int = 1) -> None:
    click.echo(f"error: {err}", err=True)
    sys.exit(code)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kg")
def main() -> None:
    """kg: a knowledge graph of German parliamentary papers.

    Ingest Drucksachen, extract facts with provenance, map them to RDF, validate, export, query,
    serve and push. Start with `kg build`, then `kg query --list`.
    """


def _print_violations(violations: list) -> None:
    for r in violations:
        click.echo(f"  {r.focus_label} | {r.path or '-'} | {r.message}", err=True)


@main.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="Folder for the outputs (replaced atomically).",
)
@click.option(
    "--data",
    "data_dir",
    type=click.Path(path_type=Path),
    default=DATA_DIR,
    show_default="data/",
    help="Input folder with documents/, reference/ and curated/.",
)
@click.option("--base", default=None, help=f"Base IRI for minted IRIs (default: $KG_BASE or {DEFAULT_BASE}).")
@click.option("--no-curated", is_flag=True, help="Extraction alone: ignore data/curated/.")
@click.option(
    "--jobs",
    "-j",
    type=click.IntRange(min=0),
    default=0,
    show_default=True,
    help="Worker processes that extract documents side by side (0: one per CPU). "
    "The output is the same for any number.",
)
@click.option("--quiet", "-q", is_flag=True, help="No progress lines.")
def build(out_dir: Path, data_dir: Path, base: str | None, no_curated: bool, jobs: int, quiet: bool) -> None:
    """Build, validate and export the graph from DATA into OUT.

    Writes kg.ttl, kg.nt, kg.jsonld, kg.trig (one named graph per source document, one for
    reference data, one for the ontology), void.ttl, validation.ttl and documents/. Exits 1 on
    bad input or SHACL violations, leaving the previous build untouched.
    """
    from kg.api import build as run_build

    kwargs = {"data_dir": data_dir, "out_dir": out_dir, "curated": not no_curated, "jobs": jobs}
    if base:
        kwargs["base"] = base
    try:
        config = Config(**kwargs)
        from kg.iri import Minter

        Minter(config.base)
    except ValueError as e:
        click.echo(f"error: --base: {e}", err=True)
        sys.exit(2)
    progress = None if quiet else (lambda msg: click.echo(msg, err=True))
    try:
        result = run_build(config, progress)
    except ValidationFailed as e:
        click.echo(f"error: {e}", err=True)
        if e.result is not None:
            _print_violations(e.result.violations)  # type: ignore[attr-defined]
        sys.exit(1)
    except KgError as e:
        fail(e)
    click.echo(f"built {result.out_dir}: {result.documents} documents, {result.triples} triples")
    for name, n in result.counts.items():
        click.echo(f"  {name:14} {n}")
    click.echo("  validation     conforms")


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path))
def validate(files: tuple[Path, ...]) -> None:
    """Validate RDF FILES (.ttl .nt .trig .nq .jsonld) against ontology/shapes.ttl.

    Prints one line per result (focus node, path, message). Exit 0 conforming, 1 violations,
    2 cannot validate (unreadable or unparsable file).
    """
    from kg.validate import validate_files

    try:
        report = validate_files(list(files))
    except KgError as e:
        fail(e, 2)
    if report.conforms:
        click.echo("conforms")
        return
    click.echo(f"{len(report.results)} violation(s):")
    for r in report.results:
        click.echo(f"  {r.focus_label} | {r.path or '-'} | {r.message}")
    sys.exit(1)


def _parse_params(values: tuple[str, ...]) -> dict[str, str]:
    params: dict[str, str] = {}
    for v in values:
        if "=" not in v:
            raise click.BadParameter(f"{v!r}: expected key=value", param_hint="--param")
        k, _, val = v.partition("=")
        params[k.strip()] = val
    return params


@main.command()
@click.argument("name", required=False)
@click.option("--list", "list_", is_flag=True, help="List the stored queries with their descriptions.")
@click.option(
    "--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="Bind a parameter (repeatable)."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="table for people, csv for spreadsheets, json (SPARQL 1.1 JSON results) for programs.",
)
@click.option(
    "--build",
    "build_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="The built graph to query (embedded store).",
)
@click.option("--endpoint", default=None, help="Query a SPARQL 1.1 endpoint instead of the local build.")
@click.option(
    "--timeout", type=float, default=30.0, show_default=True, help="Seconds before a remote query gives up."
)
@click.option("--queries", "queries_dir", type=click.Path(path_type=Path), default=QUERIES_DIR, hidden=True)
def query(
    name: str | None,
    list_: bool,
    params: tuple[str, ...],
    fmt: str,
    build_dir: Path,
    endpoint: str | None,
    timeout: float,
    queries_dir: Path,
) -> None:
    """Run the stored query NAME on the built graph (or --endpoint), print its results.

    Example: kg query project-money --param project=https://kg.example.org/id/project/...
    """
    from kg.queries import format_result, load_catalogue, run

    try:
        catalogue = load_catalogue(queries_dir)
        if list_ or not name:
            for q in catalogue.values():
                click.echo(f"{q.name}\n    {q.title}: {q.description}")
                for p in q.parameters:
                    default = f" (default: {p.default})" if p.default is not None else ""
                    click.echo(f"    --param {p.name}=<{p.kind}>  {p.description}{default}")
            if not list_ and not name:
                sys.exit(2)
            return
        if name not in catalogue:
            raise click.BadParameter(f"no stored query {name!r}; see `kg query --list`", param_hint="NAME")
        from kg.store import open_store

        store = open_store(build_dir, endpoint, timeout=timeout)
        base = Config().base
        result = run(catalogue[name], _parse_params(params), store, base=base)
        click.echo(format_result(result, fmt).rstrip("\n"))
    except KgError as e:
        fail(e)


@main.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
def ingest(paths: tuple[Path, ...]) -> None:
    """Read documents (.txt, .md, .pdf) and print what the header and structure say, as JSON."""
    import json

    from kg.explain import _plain
    from kg.ingest import ingest as read

    failed = 0
    for p in paths:
        try:
            doc = read(p)
        except KgError as e:
            click.echo(f"error: {e}", err=True)
            failed += 1
            continue
        out = {
            "id": doc.id,
            "path": doc.path,
            "chars": len(doc.text),
            "info": _plain(doc.info),
            "parts": [
                {
                    "kind": part.kind,
                    "numbers": list(part.numbers),
                    "start": part.span.start,
                    "end": part.span.end,
                }
                for part in doc.parts
            ],
        }
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
    if failed:
        sys.exit(1)


@main.command()
@click.argument("doc", type=click.Path(path_type=Path))
@click.option("--explain", is_flag=True, help="Show each fact beside its quote in context.")
@click.option("--no-curated", is_flag=True, help="Extraction alone, without data/curated/.")
@click.option(
    "--context", type=int, default=60, show_default=True, help="Characters of context for --explain."
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "text"]),
    default="json",
    show_default=True,
    help="text: one fact per line with its quote (--explain adds the context).",
)
def extract(doc: Path, explain: bool, no_curated: bool, context: int, fmt: str) -> None:
    """Extract the facts of one document DOC (JSON, or --explain for review)."""
    from kg.api import extract_document
    from kg.explain import explain as render
    from kg.explain import facts_to_json
    from kg.reference import load_reference

    try:
        facts = extract_document(doc, load_reference(Config().reference_dir), curated=not no_curated)
    except KgError as e:
        fail(e)
    if explain or fmt == "text":
        click.echo(render(facts, context if explain else 0))
    else:
        click.echo(facts_to_json(facts))


@main.command(name="eval")
@click.argument("gold_dir", type=click.Path(path_type=Path))
@click.option(
    "--docs",
    "docs_dirs",
    multiple=True,
    type=click.Path(path_type=Path),
    help="Folder(s) with the source documents (repeatable).",
)
@click.option("--curated/--no-curated", default=False, show_default=True, help="Apply the curated layer.")
@click.option("--min-f1", type=float, default=None, help="Exit 1 when any scored kind's F1 is below this.")
@click.option(
    "--kind",
    "kinds",
    multiple=True,
    type=click.Choice(KINDS),
    help="Score only these kinds (repeatable).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json", "markdown"]),
    default="text",
    show_default=True,
    help="text (misses first, summary table last), json, or a markdown table per document.",
)
def eval_(
    gold_dir: Path,
    docs_dirs: tuple[Path, ...],
    curated: bool,
    min_f1: float | None,
    kinds: tuple[str, ...],
    fmt: str,
) -> None:
    """Score extraction against gold files (../shared/gold/FORMAT.md): P, R, F1 per kind."""
    from kg.eval import default_docs_dirs, evaluate

    try:
        dirs = list(docs_dirs) or default_docs_dirs(gold_dir)
        report = evaluate(gold_dir, dirs, curated=curated, kinds=kinds or KINDS)
    except KgError as e:
        fail(e)
    click.echo({"text": report.to_text, "json": report.to_json, "markdown": report.to_markdown}[fmt]())
    if min_f1 is not None and report.below(min_f1):
        click.echo(f"F1 below {min_f1}: {', '.join(report.below(min_f1))}", err=True)
        sys.exit(1)
    if report.errors():
        sys.exit(1)  # a document that could not be scored is listed in the report above


@main.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT / "docs",
    show_default=True,
    help="Folder for index.html.",
)
def docs(out_dir: Path) -> None:
    """Render the ontology's HTML documentation (pyLODE) into OUT."""
    from kg.docs import render_docs

    try:
        index = render_docs(out_dir)
    except KgError as e:
        fail(e)
    click.echo(f"wrote {index}")


@main.command()
@click.option("--endpoint", default=None, help="The store's SPARQL query endpoint (Graph Store URL derived).")
@click.option(
    "--graph-store",
    default=None,
    help="The SPARQL 1.1 Graph Store Protocol URL (Oxigraph: …/store, Virtuoso: …/sparql-graph-crud).",
)
@click.option(
    "--build",
    "build_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="The build to push.",
)
@click.option("--timeout", type=float, default=120.0, show_default=True, help="Seconds per graph upload.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
def push(
    endpoint: str | None, graph_store: str | None, build_dir: Path, timeout: float, progress: bool | None
) -> None:
    """Load the build into a SPARQL store: each document's named graph replaced whole (HTTP PUT).

    A push that fails half-way leaves every graph either old or new; it says which were replaced.
    Credentials come from KG_SPARQL_USER and KG_SPARQL_PASSWORD.
    """
    from kg.push import push as push_build

    if not endpoint and not graph_store:
        raise click.UsageError("give --endpoint URL or --graph-store URL")
    try:
        report = push_build(build_dir, endpoint, graph_store, timeout=timeout, progress=progress)
    except KgError as e:
        fail(e)
    click.echo(report.summary(), err=not report.ok)
    if not report.ok:
        sys.exit(1)


@main.command()
@click.option("--port", type=int, default=8000, show_default=True, help="TCP port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option(
    "--build",
    "build_dir",
    type=click.Path(path_type=Path),
    default=DEFAULT_OUT,
    show_default=True,
    help="The built graph to serve.",
)
@click.option("--base", default=None, help=f"Base IRI of the graph (default: $KG_BASE or {DEFAULT_BASE}).")
@click.option("--timeout", type=float, default=10.0, show_default=True, help="Seconds a query may run.")
@click.option("--limit", type=int, default=10_000, show_default=True, help="Most result rows per query.")
@click.option(
    "--get", "get_path", default=None, metavar="PATH", help="Answer one request for PATH, print it, exit."
)
@click.option("--accept", default="text/html", show_default=True, help="Accept header for --get.")
@click.option("--queries", "queries_dir", type=click.Path(path_type=Path), default=QUERIES_DIR, hidden=True)
def serve(
    port: int,
    host: str,
    build_dir: Path,
    base: str | None,
    timeout: float,
    limit: int,
    get_path: str | None,
    accept: str,
    queries_dir: Path,
) -> None:
    """Serve the build: a read-only SPARQL endpoint (/sparql) and web pages (/, /query, resources)."""
    from kg.serve import Settings, create_app, get
    from kg.serve import serve as run_server

    settings = Settings(
        build_dir=build_dir,
        base=base or Config().base,
        queries_dir=queries_dir,
        timeout=timeout,
        limit=limit,
    )
    try:
        app = create_app(settings)
    except KgError as e:
        fail(e)
    if get_path is not None:
        status, _ctype, body = get(app, get_path, accept)
        sys.stdout.buffer.write(body)
        sys.stdout.flush()
        if status >= 400:
            click.echo(f"HTTP {status}", err=True)
            sys.exit(1)
        return
    click.echo(f"serving {build_dir} on http://{host}:{port}/ (SPARQL at /sparql); Ctrl+C stops")
    run_server(app, host, port)


if __name__ == "__main__":
    main()
