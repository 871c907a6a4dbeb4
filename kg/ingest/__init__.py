"""files -> Document: text, Markdown and PDF readers, the clean view with its offset map, structure."""

from __future__ import annotations

from pathlib import Path

import yaml

from kg.errors import KgError
from kg.ingest.header import read_header
from kg.ingest.normalise import CleanText, clean_text, clean_view
from kg.ingest.pdf import read_pdf
from kg.ingest.structure import find_parts
from kg.ingest.text import read_text
from kg.model import Document

__all__ = ["CleanText", "clean_text", "clean_view", "document_from_text", "ingest", "read_source"]

# The C loader when PyYAML has it: ingest reads a sidecar per document.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TEXT_SUFFIXES = (".txt", ".md", ".markdown", ".text")


def read_source(path: Path) -> dict:
    """The sibling NAME.source.yaml of a document, or {} when there is none."""
    side = path.with_name(path.stem + ".source.yaml")
    if not side.is_file():
        return {}
    try:
        data = yaml.load(side.read_text(encoding="utf-8"), Loader=_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        raise KgError(
            f"bad YAML: {getattr(e, 'problem', e)}",
            side,
            mark.line if mark else None,
            mark.column if mark else None,
        ) from e
    except (OSError, UnicodeDecodeError) as e:
        raise KgError(f"cannot read: {e}", side) from e
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise KgError("a .source.yaml must be a mapping", side)
    return data


def document_from_text(doc_id: str, text: str, path: str = "", source: dict | None = None) -> Document:
    """A Document with header facts and parts recognised in `text` (the text as shipped)."""
    source = dict(source or {})
    info, body_start = read_header(text, doc_id, source)
    parts = find_parts(text, doc_id, body_start)
    return Document(id=doc_id, path=path or doc_id, text=text, source=source, parts=parts, info=info)


def ingest(path: str | Path) -> Document:
    """Read one source document (.txt/.md as shipped, .pdf through pypdf) and recognise its structure."""
    p = Path(path)
    if not p.is_file():
        raise KgError("no such file" if not p.exists() else "not a file", p)
    source = read_source(p)
    suffix = p.suffix.lower()
    if suffix == ".pdf":
        text = read_pdf(p)
        encoding = "pdf"
    elif suffix in TEXT_SUFFIXES or not suffix:
        text, encoding = read_text(p)
    else:
        raise KgError(f"unsupported file type {p.suffix!r}", p, hint="give a .txt, .md or .pdf file")
    if encoding not in ("utf-8", "pdf"):
        source.setdefault("_ingest", {})["encoding"] = encoding
    if not text.strip():
        raise KgError("empty document", p)
    return document_from_text(p.stem, text, str(p), source)
