"""Minting stable IRIs: the same input gives the same IRI, in every build, on every machine."""

from __future__ import annotations

import re
import unicodedata

from rdflib import URIRef

_TRANSLIT = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue"})


def slug(text: str, max_len: int = 80) -> str:
    """A readable ASCII slug: German umlauts transliterated, other marks dropped, '-' between words."""
    t = unicodedata.normalize("NFKD", text.translate(_TRANSLIT))
    t = "".join(c for c in t if not unicodedata.combining(c))
    t = re.sub(r"[^A-Za-z0-9]+", "-", t).strip("-").lower()
    return t[:max_len].rstrip("-") or "x"


class Minter:
    """Mints the IRIs of one build under a base (which must end in '/' or '#')."""

    def __init__(self, base: str) -> None:
        if not re.match(r"^https?://[^\s<>\"{}|\\^`]+[/#]$", base):
            raise ValueError(f"base IRI must be an http(s) IRI ending in '/' or '#': {base!r}")
        self.base = base

    def __call__(self, *parts: str) -> URIRef:
        return URIRef(self.base + "/".join(parts))

    def graph(self, *parts: str) -> URIRef:
        return self("graph", *parts)

    def document(self, stem: str) -> URIRef:
        return self("id", "document", slug(stem, 120))

    def drucksache(self, parliament_id: str, number: str) -> URIRef:
        return self("id", "drucksache", parliament_id, number.replace("/", "-"))

    def span(self, doc: str, start: int, end: int) -> URIRef:
        return self("id", "span", slug(doc, 120), f"{start}-{end}")

    def org(self, key: str) -> URIRef:
        return self("id", "org", slug(key))

    def person(self, key: str) -> URIRef:
        return self("id", "person", slug(key))

    def post(self, key: str) -> URIRef:
        return self("id", "post", slug(key))

    def place(self, key: str) -> URIRef:
        return self("id", "place", slug(key))

    def pay_grade(self, key: str) -> URIRef:
        return self("id", "paygrade", slug(key))

    def project(self, name: str) -> URIRef:
        return self("id", "project", slug(name))

    def programme(self, name: str) -> URIRef:
        return self("id", "programme", slug(name))

    def scheme(self, name: str) -> URIRef:
        return self("id", "scheme", slug(name))

    def field(self, programme: str, name: str) -> URIRef:
        return self("id", "field", slug(programme), slug(name))
