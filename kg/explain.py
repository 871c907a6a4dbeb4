"""Facts beside their quotes in context, for review; and facts as plain, deterministic JSON."""

from __future__ import annotations

import dataclasses
import json
from decimal import Decimal
from typing import Any

from kg.model import Document, Facts, Span

# Line breaks shown as one visible character each, so a context line stays one line and keeps its length.
_BREAKS = str.maketrans({"\n": "↵", "\r": "␍", "\t": " "})


def in_context(text: str, span: Span, context: int = 60) -> str:
    """`…left [[quote]] right…` around one span, flagged when its quote is not the text at its offsets."""
    start, end = span.start, span.end
    lo, hi = max(0, start - context), min(len(text), end + context)
    left = ("…" if lo > 0 else "") + text[lo:start]
    right = text[end:hi] + ("…" if hi < len(text) else "")
    shown = f"{left}[[{text[start:end]}]]{right}".translate(_BREAKS)
    if text[start:end] != span.quote:
        shown += f"   !! quote differs: {span.quote!r}"
    return shown


def _spans_of(record: object, prefix: str = "") -> list[tuple[str, Span]]:
    """The spans a record rests on, by field name, including those of records nested in it."""
    out: list[tuple[str, Span]] = []
    for f in dataclasses.fields(record):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        name = prefix + f.name
        if isinstance(value, Span):
            out.append((name, value))
        elif isinstance(value, tuple) and value and all(isinstance(v, Span) for v in value):
            out.extend((f"{name}[{i}]", v) for i, v in enumerate(value))
        elif dataclasses.is_dataclass(value) and not isinstance(value, type):
            out.extend(_spans_of(value, name + "."))
    return out


def _empty(value: object) -> bool:
    # Identity and type checks, not equality: an amount or count of 0 is a value worth showing.
    return value is None or value is False or (isinstance(value, tuple | str) and not value)


def _label(record: object) -> str:
    """The record's values except its spans: the first field bare, the rest as name=value."""
    parts: list[str] = []
    for i, f in enumerate(dataclasses.fields(record)):  # type: ignore[arg-type]
        value = getattr(record, f.name)
        if _empty(value) or isinstance(value, Span):
            continue
        if isinstance(value, tuple) and all(isinstance(v, Span) for v in value):
            continue
        if dataclasses.is_dataclass(value) and not isinstance(value, type):
            shown = f"({_label(value)})"
        elif isinstance(value, tuple):
            shown = ", ".join(map(str, value))
        else:
            shown = str(value)
        parts.append(shown if i == 0 else f"{f.name}={shown}")
    return "  ".join(parts)


def explain(facts: Facts, context: int = 60) -> str:
    """Each fact, by kind, beside its quote in context with offsets: `…left [[quote]] right…`."""
    doc = facts.document
    text = doc.text
    lines = [f"# {doc.id}  ({len(text)} characters)  {doc.path}"]

    def show(record: object, label: str) -> None:
        lines.append(f"- {label}")
        for name, s in _spans_of(record):
            lines.append(f"    {name} {s.start}:{s.end}  {in_context(text, s, context)}")

    lines.append("## document")
    show(doc.info, _label(doc.info))
    lines.append(f"## parts ({len(doc.parts)})")
    for part in doc.parts:
        show(part, _label(part))
    for f in dataclasses.fields(facts):
        if f.name == "document":
            continue
        records = getattr(facts, f.name)
        lines.append(f"## {f.name} ({len(records)})")
        for record in records:
            show(record, _label(record))
    return "\n".join(lines) + "\n"


def _plain(value: Any) -> Any:
    """A record as JSON-ready values: dataclasses as objects, tuples as lists, Decimal as text."""
    if isinstance(value, Document):
        # The text itself is left out: offsets and quotes point into the file named by `path`.
        return {"id": value.id, "path": value.path, "info": _plain(value.info), "parts": _plain(value.parts)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in sorted(value.items())}
    if isinstance(value, Decimal):
        return str(value)
    return value


def facts_to_dict(facts: Facts) -> dict[str, Any]:
    """Every fact of one document as plain values, in the records' own order."""
    return _plain(facts)


def facts_to_json(facts: Facts) -> str:
    """Every fact of one document as JSON: deterministic, Decimal as a string."""
    return json.dumps(facts_to_dict(facts), ensure_ascii=False, indent=2)
