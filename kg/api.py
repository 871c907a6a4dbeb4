"""The public API: what the CLI calls, and what a researcher calls from a notebook.

from kg.api import build, query
result = build(Config(out_dir=Path("build")))
print(query("project-partners", {}, build_dir=Path("build")).rows)
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import Graph, URIRef

from kg import export
from kg.config import LICENSE_IRI, ONTOLOGY_FILE, Config
from kg.curated import apply_curated, curated_path
from kg.errors import KgError, ValidationFailed
from kg.extract import extract
from kg.ingest import ingest
from kg.iri import Minter
from kg.mapping import Triple, map_all
from kg.model import Facts
from kg.reference import ReferenceData, load_reference
from kg.resolve import resolve

DOCUMENT_SUFFIXES = (".txt", ".md", ".pdf")
Progress = Callable[[str], None]


def extract_document(
    path: Path, reference: ReferenceData, curated: bool = False, curated_dir: Path | None = None
) -> Facts:
    """One document through ingest, extract, resolve and (optionally) the curated layer."""
    doc = ingest(path)
    facts = resolve(extract(doc, reference), reference)
    if curated:
        cpath = curated_path(curated_dir or Config().curated_dir, doc)
        if cpath.is_file():
            facts = apply_curated(facts, cpath)
    return facts


def document_paths(directory: Path) -> list[Path]:
    """The source documents in a folder, sorted (sidecar .source.yaml files are not documents)."""
    if not directory.is_dir():
        raise KgError("no documents folder", directory)
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix.lower() in DOCUMENT_SUFFIXES)


@dataclass
class BuildResult:
    out_dir: Path
    documents: int
    triples: int
    counts: dict[str, int] = field(default_factory=dict)
    conforms: bool = True
    violations: list = field(default_factory=list)


def collect_facts(config: Config, reference: ReferenceData, progress: Progress | None = None) -> list[Facts]:
    """Facts of every document; a bad document is recorded and the rest go on, then all errors raise.

    Documents are independent, so `config.workers` processes extract them side by side; the
    results come back in the documents' order, so the output does not depend on the number.
    """
    paths = document_paths(config.documents_dir)
    errors: list[KgError] = []
    out: list[Facts] = []
    stems = {p.stem for p in paths}
    if config.curated and config.curated_dir.is_dir():
        for cfile in sorted(config.curated_dir.glob("*.yaml")):
            if cfile.stem not in stems:
                errors.append(KgError("curated file has no source document of that name", cfile))
    jobs = [(path, config.curated, config.curated_dir) for path in paths]
    workers = min(config.workers, len(paths))
    global _WORKER_REFERENCE
    _WORKER_REFERENCE = reference  # forked workers inherit it; each result is pickled back in order
    if workers > 1:
        context = multiprocessing.get_context(
            "fork" if "fork" in multiprocessing.get_all_start_methods() else None
        )
        with ProcessPoolExecutor(
            workers, mp_context=context, initializer=_load_worker_reference, initargs=(config.reference_dir,)
        ) as pool:
            results = list(_with_progress(pool.map(_extract_job, jobs, chunksize=8), paths, progress))
    else:
        results = list(_with_progress(map(_extract_job, jobs), paths, progress))
    for r in results:
        (errors if isinstance(r, KgError) else out).append(r)  # type: ignore[arg-type]
    if errors:
        raise BuildErrors(errors)
    return out


_WORKER_REFERENCE: ReferenceData | None = None


def _load_worker_reference(reference_dir: Path) -> None:
    """A worker's reference data: inherited when forked, else loaded once."""
    global _WORKER_REFERENCE
    if _WORKER_REFERENCE is None:
        _WORKER_REFERENCE = load_reference(reference_dir)


def _extract_job(job: tuple[Path, bool, Path]) -> Facts | KgError:
    """One document's facts, or the error that names it (kept, so the other documents go on)."""
    path, curated, curated_dir = job
    assert _WORKER_REFERENCE is not None
    try:
        return extract_document(path, _WORKER_REFERENCE, curated=curated, curated_dir=curated_dir)
    except KgError as e:
        return e


def _with_progress(
    results: Iterator[Facts | KgError], paths: list[Path], progress: Progress | None
) -> Iterator[Facts | KgError]:
    for i, (path, r) in enumerate(zip(paths, results, strict=True), 1):
        if progress:
            progress(f"[{i}/{len(paths)}] {path.name}")
        yield r


class BuildErrors(KgError):
    """Several documents failed; each error is kept."""

    def __init__(self, errors: list[KgError]) -> None:
        super().__init__("\n".join(str(e) for e in errors))
        self.errors = errors


def ontology_triples() -> set[Triple]:
    g = Graph()
    try:
        g.parse(ONTOLOGY_FILE, format="turtle")
    except Exception as e:  # rdflib raises several parser exception types
        raise KgError(f"cannot parse the ontology: {e}", ONTOLOGY_FILE) from e
    return set(g)  # type: ignore[arg-type]


def build_graphs(
    config: Config, progress: Progress | None = None
) -> tuple[dict[URIRef, set[Triple]], list[Facts]]:
    reference = load_reference(config.reference_dir)
    facts = collect_facts(config, reference, progress)
    minter = Minter(config.base)
    graphs = map_all(reference, facts, minter)
    graphs[minter.graph("ontology")] = ontology_triples()
    return graphs, facts


def _newest_date(facts: list[Facts]) -> str | None:
    dates = [d for f in facts for d in (f.document.info.date, f.document.info.issued) if d]
    return max(dates) if dates else None


def build(config: Config, progress: Progress | None = None) -> BuildResult:
    """Build, validate and export the graph from config.data_dir into config.out_dir, atomically.

    Raises KgError for bad input and ValidationFailed for a graph that violates the shapes; in
    both cases the previous build is left as it was.
    """
    from kg.validate import validate_graphs

    graphs, facts = build_graphs(config, progress)
    minter = Minter(config.base)
    ontology = minter.graph("ontology")
    if progress:
        progress("validating")
    # the ontology stays out, as before; validate_graphs splits the rest over two worker processes
    report = validate_graphs({g: t for g, t in graphs.items() if g != ontology})
    union = export.union_triples(graphs)
    counts = _counts(union)
    result = BuildResult(
        out_dir=config.out_dir,
        documents=len(facts),
        triples=len(union),
        counts=counts,
        conforms=report.conforms,
        violations=list(report.results),
    )
    if not report.conforms:
        err = ValidationFailed(
            f"the graph does not conform to the shapes ({len(report.results)} results); build left unchanged"
        )
        err.result = result
        raise err
    if progress:
        progress("writing")
    with export.atomic_directory(config.out_dir) as tmp:
        export.write_trig(export.sorted_quads(graphs), tmp / "kg.trig")
        export.write_turtle(union, tmp / "kg.ttl")
        export.write_ntriples(union, tmp / "kg.nt")
        export.write_jsonld(union, tmp / "kg.jsonld", config.base)
        _write_report(report, config.base, tmp / "validation.ttl")
        docs_dir = tmp / "documents"
        docs_dir.mkdir()
        sources = []
        for f in facts:
            (docs_dir / f"{f.document.id}.txt").write_text(f.document.text, encoding="utf-8")
            src = f.document.source.get("source") if isinstance(f.document.source.get("source"), dict) else {}
            url = src.get("original_url_derived") or src.get("url") if src else None
            sources.append((f.document.id, str(url) if url else None))
        files = {name: (tmp / name).stat().st_size for name in export.MEDIA_TYPES}
        void = export.void_triples(
            config.base, graphs, union, sources, _newest_date(facts), files, LICENSE_IRI
        )
        export.write_turtle(sorted(void, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))), tmp / "void.ttl")
    return result


def _write_report(report: object, base: str, path: Path) -> None:
    """The SHACL report with minted IRIs instead of blank nodes, so it is byte-stable."""
    triples = export.report_triples(report, base)
    export.write_turtle(sorted(triples, key=lambda t: (str(t[0]), str(t[1]), str(t[2]))), path)


def _counts(union: list[Triple]) -> dict[str, int]:
    from kg.vocab import KG, RDF

    wanted = {
        "documents": KG.Document,
        "persons": KG.Person,
        "organisations": URIRef("http://www.w3.org/ns/org#Organization"),
        "projects": KG.Project,
        "programmes": KG.Programme,
        "agreements": KG.Agreement,
        "amounts": KG.MonetaryAmount,
        "budget posts": KG.BudgetPost,
        "events": KG.Event,
        "text spans": KG.TextSpan,
    }
    counts = dict.fromkeys(wanted, 0)
    for _s, p, o in union:
        if p == RDF.type:
            for name, cls in wanted.items():
                if o == cls:
                    counts[name] += 1
    return counts
