"""Extractor stub: to be implemented."""

from __future__ import annotations

from collections.abc import Sequence  # noqa: F401

from kg.model import Document, Reference  # noqa: F401
from kg.reference import ReferenceData  # noqa: F401


def extract_references(doc: Document) -> list[Reference]:
    return []
