"""HTML documentation of the ontology, rendered offline with pyLODE."""

from __future__ import annotations

import gc
import importlib.metadata
import sys
import types
import warnings
from pathlib import Path

from kg.config import ONTOLOGY_FILE
from kg.errors import KgError


def _pylode_ont_pub() -> type:
    """pyLODE's OntPub; pyLODE 3.4 reads its version from a pyproject.toml it does not ship, so stub it."""
    try:
        import pylode.version  # noqa: F401
    except FileNotFoundError:
        stub = types.ModuleType("pylode.version")
        stub.__version__ = importlib.metadata.version("pylode")  # type: ignore[attr-defined]
        sys.modules["pylode.version"] = stub
    except ImportError as exc:
        raise KgError("pyLODE is not installed", hint="pip install -e '.[dev]'") from exc
    from pylode import OntPub

    return OntPub


def render_docs(out_dir: Path, ontology: Path = ONTOLOGY_FILE) -> Path:
    """Render the ontology's HTML documentation into out_dir/index.html and return that path."""
    ont_pub = _pylode_ont_pub()
    out_dir.mkdir(parents=True, exist_ok=True)
    target = out_dir / "index.html"
    # pyLODE's background ontologies ship with it, so rendering needs no network.
    with warnings.catch_warnings():
        # pyLODE leaves its CSS file open; collect it here so the ResourceWarning stays with pyLODE
        warnings.simplefilter("ignore", ResourceWarning)
        html = ont_pub(str(ontology), sort_subjects=True).make_html()
        gc.collect()
    target.write_text(html, encoding="utf-8")
    return target
