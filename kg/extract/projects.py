"""Extractor stub: to be implemented."""

from __future__ import annotations

from collections.abc import Sequence  # noqa: F401

from kg.model import Document, Organisation, Project  # noqa: F401
from kg.reference import ReferenceData  # noqa: F401


def extract_projects(doc: Document, organisations: Sequence[Organisation] = ()) -> list[Project]:
    return []
