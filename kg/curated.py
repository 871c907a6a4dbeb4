"""The curated layer: facts typed by people, each citing the quote it rests on, merged over extraction.

A curated file `data/curated/<document stem>.yaml` lists facts by kind, in the shape of the gold
files (../shared/gold/FORMAT.md) plus a `quote` per fact. The build finds each quote in the source
text (whitespace-tolerant; `occurrence: N` picks the N-th) and records its offsets; a quote that is
not found is an error naming the curated file and line. Every kind present in the file replaces
the extracted records of that kind for that document; `document` fields override the header.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

import yaml

from kg.errors import KgError
from kg.model import (
    MONEY_CATEGORIES,
    MONEY_STAGES,
    Agreement,
    AnsweredRequest,
    DateFact,
    Document,
    DocumentInfo,
    Facts,
    Money,
    Office,
    Organisation,
    Person,
    Post,
    Project,
    Reference,
    Span,
)
from kg.reference import load_yaml
from kg.spans import find_all_quotes

KINDS = (
    "document",
    "persons",
    "organisations",
    "money",
    "posts",
    "dates",
    "references",
    "agreements",
    "projects",
    "offices",
)
LINE = "__line__"
LINES = "__lines__"  # the line of each key's value, for messages that point at the exact value


class _LineLoader(yaml.SafeLoader):
    """A YAML loader that remembers the 0-based line of every mapping."""


def _construct_mapping(loader: _LineLoader, node: yaml.MappingNode) -> dict[str, Any]:
    mapping = loader.construct_mapping(node, deep=True)
    mapping[LINE] = node.start_mark.line
    mapping[LINES] = {k.value: v.start_mark.line for k, v in node.value if isinstance(k, yaml.ScalarNode)}
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def read_curated(path: Path) -> dict[str, Any]:
    """Parse one curated file; YAML errors and unknown kinds name the file and line."""
    data = load_yaml(path, _LineLoader)
    if not isinstance(data, dict):
        raise KgError("expected a mapping with `source:` and fact kinds", path, 0)
    for key in data:
        if key not in (*KINDS, "source", LINE, LINES, "notes"):
            raise KgError(f"unknown key {key!r}; expected one of {', '.join(KINDS)}", path, data[LINE])
    if not data.get("source"):
        raise KgError("missing `source:` (the document's file name)", path, 0)
    return data


class _Locator:
    """Finds quotes of one curated file in one document and reports misses with the file's line."""

    def __init__(self, doc: Document, path: Path) -> None:
        self.doc = doc
        self.path = path

    def span(self, entry: dict[str, Any], key: str = "quote", required: bool = True) -> Span | None:
        quote = entry.get(key)
        line = entry.get(LINES, {}).get(key, entry.get(LINE))
        if quote is None:
            if required:
                raise KgError(f"fact has no `{key}`: every curated fact cites its words", self.path, line)
            return None
        return self.find(str(quote), line, int(entry.get("occurrence", 1)))

    def find(self, quote: str, line: int | None, occurrence: int = 1) -> Span:
        hits = list(find_all_quotes(self.doc.text, quote))
        if not hits:
            raise KgError(
                f"quote not found in {self.doc.path}: {quote!r}",
                self.path,
                line,
                hint="copy the words exactly as the source prints them",
            )
        if occurrence < 1 or occurrence > len(hits):
            raise KgError(
                f"quote {quote!r} occurs {len(hits)} time(s), occurrence {occurrence} asked", self.path, line
            )
        s, e = hits[occurrence - 1]
        return Span(self.doc.id, s, e, self.doc.text[s:e])


def _iso(value: Any, path: Path, line: int | None, what: str) -> str | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value)
    for fmt_len in (10, 7, 4):
        if len(text) == fmt_len:
            try:
                dt.date.fromisoformat(text + "-01-01"[: 10 - fmt_len] if fmt_len < 10 else text)
                return text
            except ValueError:
                break
    raise KgError(f"{what}: {text!r} is no date (YYYY-MM-DD, YYYY-MM or YYYY)", path, line)


def _line(entry: dict[str, Any], key: str) -> int | None:
    return entry.get(LINES, {}).get(key, entry.get(LINE))


def _decimal(value: Any, path: Path, line: int | None) -> Decimal:
    try:
        d = Decimal(str(value))
    except InvalidOperation as e:
        raise KgError(f"amount {value!r} is not a number", path, line) from e
    if not d.is_finite():
        raise KgError(f"amount {value!r} is not a finite number", path, line)
    return d


def _choice(value: Any, allowed: tuple[str, ...], path: Path, line: int | None, what: str) -> str:
    if value not in allowed:
        raise KgError(f"{what} {value!r} unknown; expected one of {', '.join(allowed)}", path, line)
    return str(value)


def _tuple(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    return (str(value),)


def apply_curated(facts: Facts, path: Path) -> Facts:
    """The facts of one document with the curated file's kinds replacing the extracted ones."""
    data = read_curated(path)
    loc = _Locator(facts.document, path)
    changes: dict[str, Any] = {}
    if "document" in data:
        changes["document"] = _document(facts.document, data["document"], loc)
    if "persons" in data:
        changes["persons"] = tuple(
            Person(
                name=str(e["name"]),
                span=loc.span(e),
                party=e.get("party"),
                role=e.get("role"),
                office=e.get("office"),
            )
            for e in _entries(data, "persons", path)
        )
    if "organisations" in data:
        changes["organisations"] = tuple(
            Organisation(name=str(e["name"]), span=loc.span(e), kind=e.get("kind"), surface=e.get("quote"))
            for e in _entries(data, "organisations", path)
        )
    if "money" in data:
        changes["money"] = _money(_entries(data, "money", path), loc)
    if "posts" in data:
        changes["posts"] = tuple(
            Post(
                grade=str(e["grade"]),
                count=int(e["count"]),
                span=loc.span(e),
                filled=e.get("filled"),
                subject=e.get("subject"),
            )
            for e in _entries(data, "posts", path)
        )
    if "dates" in data:
        changes["dates"] = tuple(
            DateFact(
                value=_iso(e.get("date"), path, e.get(LINE), "date") or "",
                span=loc.span(e),
                what=e.get("what"),
                kind=e.get("kind"),
                about=e.get("about"),
                agent=e.get("agent"),
                place=e.get("place"),
            )
            for e in _entries(data, "dates", path)
        )
    if "references" in data:
        changes["references"] = tuple(
            Reference(
                drucksache=str(e["drucksache"]),
                span=loc.span(e),
                kleine_anfrage=e.get("kleine_anfrage"),
                date=_iso(e.get("date"), path, e.get(LINE), "date"),
                relation=e.get("relation", "cites"),
            )
            for e in _entries(data, "references", path)
        )
    if "agreements" in data:
        changes["agreements"] = tuple(
            Agreement(
                name=str(e["name"]),
                span=loc.span(e),
                date=_iso(e.get("date"), path, e.get(LINE), "date"),
                signatories=_tuple(e.get("signatories")),
                project=e.get("project"),
            )
            for e in _entries(data, "agreements", path)
        )
    if "projects" in data:
        changes["projects"] = tuple(_project(e, loc) for e in _entries(data, "projects", path))
    if "offices" in data:
        changes["offices"] = tuple(
            Office(
                name=str(e["name"]),
                span=loc.span(e),
                project=e.get("project"),
                lead=e.get("lead"),
                staffed_by=_tuple(e.get("staffed_by")),
            )
            for e in _entries(data, "offices", path)
        )
    return dataclasses.replace(facts, **changes)


def _entries(data: dict[str, Any], kind: str, path: Path) -> list[dict[str, Any]]:
    value = data.get(kind) or []
    if not isinstance(value, list):
        raise KgError(f"`{kind}` must be a list", path, data.get(LINE))
    for e in value:
        if not isinstance(e, dict):
            raise KgError(f"each entry of `{kind}` must be a mapping, got {e!r}", path)
    return value


def _document(doc: Document, entry: dict[str, Any], loc: _Locator) -> Document:
    path, line = loc.path, entry.get(LINE)
    info = doc.info
    answers = entry.get("answers")
    answered = info.answers
    if isinstance(answers, dict):
        answered = AnsweredRequest(
            number=answers.get("number"),
            drucksache=answers.get("drucksache"),
            date=_iso(answers.get("date"), path, answers.get(LINE), "answers.date"),
            span=loc.span(answers, required=False),
        )
    fields = {
        "kind": entry.get("kind", info.kind),
        "parliament": entry.get("parliament", info.parliament),
        "period": entry.get("period", info.period),
        "drucksache": entry.get("drucksache", info.drucksache),
        "date": _iso(entry.get("date"), path, line, "date") if "date" in entry else info.date,
        "issued": _iso(entry.get("issued"), path, line, "issued") if "issued" in entry else info.issued,
        "title": entry.get("title", info.title),
        "answers": answered,
        "answered_by": entry.get("answered_by", info.answered_by),
        "answered_by_post": entry.get("answered_by_post", info.answered_by_post),
        "in_agreement_with": _tuple(entry["in_agreement_with"])
        if "in_agreement_with" in entry
        else info.in_agreement_with,
        "government": entry.get("government", info.government),
    }
    spans = tuple(loc.find(str(q), line) for q in entry.get("quotes") or ()) or info.spans
    return dataclasses.replace(doc, info=DocumentInfo(**fields, spans=spans))


def _money(entries: list[dict[str, Any]], loc: _Locator) -> tuple[Money, ...]:
    path = loc.path
    by_key: dict[str, Money] = {}
    out: list[Money] = []
    for e in entries:
        line = e.get(LINE)
        inputs = _tuple(e.get("derived_from"))
        if inputs:
            missing = [k for k in inputs if k not in by_key]
            if missing:
                raise KgError(
                    f"derived_from names unknown money key(s) {missing} (define them above)", path, line
                )
            input_spans = tuple(by_key[k].span for k in inputs)
            span = input_spans[0]
        else:
            span = loc.span(e)
            input_spans = ()
        m = Money(
            amount=_decimal(e.get("amount"), path, _line(e, "amount")),
            amount_max=_decimal(e["amount_max"], path, line) if e.get("amount_max") is not None else None,
            span=span,
            currency=str(e.get("currency", "EUR")),
            stage=_choice(e.get("stage"), MONEY_STAGES, path, line, "stage"),
            year=int(e["year"]) if e.get("year") is not None else None,
            category=_choice(e.get("category", "total"), MONEY_CATEGORIES, path, line, "category"),
            subject=e.get("subject"),
            payer=e.get("payer"),
            recipient=e.get("recipient"),
            derived_from=input_spans,
            formula=e.get("formula"),
            key=e.get("id"),
            part_of=e.get("part_of"),
            parts_complete=bool(e.get("parts_complete", False)),
            inputs=inputs,
        )
        if m.key:
            if m.key in by_key:
                raise KgError(f"duplicate money id {m.key!r}", path, line)
            by_key[m.key] = m
        out.append(m)
    for m in out:
        if m.part_of and m.part_of not in by_key:
            raise KgError(f"part_of names unknown money id {m.part_of!r}", path)
    return tuple(out)


def _project(e: dict[str, Any], loc: _Locator) -> Project:
    alias_quotes = e.get("alias_quotes") or []
    return Project(
        name=str(e["name"]),
        span=loc.span(e),
        aliases=_tuple(e.get("aliases")),
        kind=str(e.get("kind", "project")),
        programme=e.get("programme"),
        field_of_action=e.get("field_of_action"),
        fields_of_action=_tuple(e.get("fields_of_action")),
        lead=e.get("lead"),
        partners=_tuple(e.get("partners")),
        grants_to_partners=e.get("grants_to_partners"),
        announced_by=e.get("announced_by"),
        alias_spans=tuple(loc.find(str(q), e.get(LINE)) for q in alias_quotes),
    )


def curated_path(curated_dir: Path, doc: Document) -> Path:
    return curated_dir / f"{doc.id}.yaml"
