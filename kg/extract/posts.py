"""Extractor stub: to be implemented."""

from __future__ import annotations

from collections.abc import Sequence  # noqa: F401

from kg.model import Document, Post  # noqa: F401
from kg.reference import ReferenceData  # noqa: F401


def extract_posts(doc: Document) -> list[Post]:
    return []
