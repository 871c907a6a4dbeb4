"""Extractor stub: to be implemented."""

from __future__ import annotations

from collections.abc import Sequence  # noqa: F401

from kg.model import Document, Agreement, Organisation, Project  # noqa: F401
from kg.reference import ReferenceData  # noqa: F401


def extract_agreements(doc: Document, organisations: Sequence[Organisation] = (), projects: Sequence[Project] = ()) -> list[Agreement]:
    return []
