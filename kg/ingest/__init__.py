"""files -> Document. Stub: reads text as shipped; structure recognition to be implemented."""

from __future__ import annotations

from pathlib import Path

from kg.errors import KgError
from kg.model import Document


def ingest(path: str | Path) -> Document:
    """Read one source document (text/Markdown as shipped)."""
    p = Path(path)
    try:
        text = p.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise KgError(f"not UTF-8 text ({e.reason} at byte {e.start})", p) from e
    except OSError as e:
        raise KgError(f"cannot read: {e.strerror}", p) from e
    return Document(id=p.stem, path=str(p), text=text)
