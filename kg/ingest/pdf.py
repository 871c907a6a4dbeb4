"""Reading PDF files through pypdf: the extracted text is the text "as shipped"."""

from __future__ import annotations

import logging
import warnings
from pathlib import Path

from kg.errors import KgError


def read_pdf(path: Path) -> str:
    """The text of every page of a PDF, pages separated by a blank line."""
    try:
        from pypdf import PdfReader
        from pypdf.errors import PdfReadError
    except ImportError as e:  # pragma: no cover - pypdf is a dependency
        raise KgError("pypdf is not installed", path, hint="pip install pypdf") from e
    # pypdf logs recoverable oddities of real PDFs as warnings; they are not errors for us.
    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = PdfReader(str(path))
            pages = [page.extract_text() or "" for page in reader.pages]
    except KgError:
        raise
    except (PdfReadError, OSError, ValueError, KeyError, TypeError) as e:
        raise KgError(f"cannot read PDF: {e}", path) from e
    text = "\n\n".join(p.rstrip() for p in pages)
    if not text.strip():
        raise KgError("PDF has no extractable text (scanned image?)", path, hint="run OCR first")
    return text
