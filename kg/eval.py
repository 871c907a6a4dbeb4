"""Scoring extraction against gold files (../shared/gold/FORMAT.md): precision, recall, F1 per fact kind.

The matching rules are those of FORMAT.md. Where the format leaves a choice open, the choice is
written beside the code that makes it, and in docs/extraction.md.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import json
import re
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from kg.errors import KgError
from kg.model import Facts
from kg.reference import ReferenceData, load_reference, load_yaml

KINDS = (
    "document",
    "persons",
    "organisations",
    "money",
    "dates",
    "references",
    "posts",
    "agreements",
    "projects",
)
DOCUMENT_FIELDS = (
    "kind",
    "parliament",
    "period",
    "drucksache",
    "date",
    "issued",
    "answers.drucksache",
    "answers.number",
    "answers.date",
    "answered_by",
)
# Fields holding an organisation's name: compared after the gold file's alias resolution.
_ORG_FIELDS = {"parliament", "answered_by"}
_CENT = Decimal("0.01")


# --------------------------------------------------------------------------------------------- counts
@dataclass
class Counts:
    """True positives, false positives and false negatives, with the measures derived from them."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Counts) -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        # Nothing found and nothing to find is perfect; nothing found but something to find is 0.
        if self.tp + self.fp:
            return self.tp / (self.tp + self.fp)
        return 1.0 if self.fn == 0 else 0.0

    @property
    def recall(self) -> float:
        if self.tp + self.fn:
            return self.tp / (self.tp + self.fn)
        return 1.0 if self.fp == 0 else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Accuracy:
    """How often an attribute of a matched fact was right, over the matches whose gold gives it."""

    correct: int = 0
    total: int = 0

    def add(self, other: Accuracy) -> None:
        self.correct += other.correct
        self.total += other.total

    @property
    def value(self) -> float:
        return self.correct / self.total if self.total else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {"correct": self.correct, "total": self.total, "accuracy": round(self.value, 4)}


@dataclass(frozen=True)
class Finding:
    """One miss (a gold fact not found) or one false find (an extracted fact not in the gold)."""

    doc: str
    kind: str
    what: str  # the fact, rendered by its matching key
    quote: str | None = None  # the gold quote for a miss, the extracted quote for a find
    start: int | None = None  # offset of an extracted quote

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "kind": self.kind,
            "what": self.what,
            "quote": self.quote,
            "start": self.start,
        }

    def render(self, label: str) -> str:
        where = f" @{self.start}" if self.start is not None else ""
        quote = f"  «{' '.join(self.quote.split())}»" if self.quote else ""
        return f"  {label:5}  {self.doc}  {self.kind:13} {self.what}{where}{quote}"


@dataclass
class DocScore:
    """The score of one gold file against what kg extracts from its source document."""

    doc: str  # the gold file's stem
    source: str | None = None  # the document scored, as found
    counts: dict[str, Counts] = field(default_factory=dict)  # only the kinds the gold file scores
    attributes: dict[str, Accuracy] = field(default_factory=dict)
    signatories: Counts = field(default_factory=Counts)
    misses: list[Finding] = field(default_factory=list)
    false_finds: list[Finding] = field(default_factory=list)
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        return {
            "doc": self.doc,
            "source": self.source,
            "error": self.error,
            "kinds": {k: c.as_dict() for k, c in self.counts.items()},
            "attributes": {k: a.as_dict() for k, a in sorted(self.attributes.items())},
            "signatories": self.signatories.as_dict(),
            "misses": [f.as_dict() for f in self.misses],
            "false_finds": [f.as_dict() for f in self.false_finds],
        }


# --------------------------------------------------------------------------------------------- report
@dataclass
class EvalReport:
    """Scores of every gold file, summed per kind (micro), with every miss and false find."""

    documents: list[DocScore]
    kinds: tuple[str, ...] = KINDS

    def totals(self) -> dict[str, Counts]:
        """Summed counts of every kind that at least one gold file scores."""
        out: dict[str, Counts] = {}
        for kind in self.kinds:
            for d in self.documents:
                if kind in d.counts:
                    out.setdefault(kind, Counts()).add(d.counts[kind])
        return out

    def overall(self) -> Counts:
        total = Counts()
        for c in self.totals().values():
            total.add(c)
        return total

    def attributes(self) -> dict[str, Accuracy]:
        out: dict[str, Accuracy] = {}
        for d in self.documents:
            for name, acc in d.attributes.items():
                out.setdefault(name, Accuracy()).add(acc)
        return dict(sorted(out.items()))

    def signatories(self) -> Counts:
        total = Counts()
        for d in self.documents:
            total.add(d.signatories)
        return total

    def errors(self) -> list[tuple[str, str]]:
        return [(d.doc, d.error) for d in self.documents if d.error]

    def below(self, min_f1: float) -> list[str]:
        """The scored kinds whose F1 falls under `min_f1`."""
        return [k for k, c in self.totals().items() if c.f1 < min_f1]

    def to_dict(self) -> dict[str, Any]:
        return {
            "kinds": {k: c.as_dict() for k, c in self.totals().items()},
            "overall": self.overall().as_dict(),
            "attributes": {k: a.as_dict() for k, a in self.attributes().items()},
            "signatories": self.signatories().as_dict(),
            "errors": [{"doc": d, "error": e} for d, e in self.errors()],
            "documents": [d.as_dict() for d in self.documents],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2, sort_keys=False)

    def to_text(self) -> str:
        """Misses and false finds first, then attributes, then the per-kind table as the last lines."""
        lines: list[str] = []
        misses = [f for d in self.documents for f in d.misses]
        finds = [f for d in self.documents for f in d.false_finds]
        lines.append(f"misses ({len(misses)}):")
        lines.extend(f.render("miss") for f in misses)
        lines.append(f"false finds ({len(finds)}):")
        lines.extend(f.render("false") for f in finds)
        for doc, error in self.errors():
            lines.append(f"error: {doc}: {error}")
        attrs = self.attributes()
        if attrs or self.signatories().tp + self.signatories().fn:
            lines.append("attributes of matched facts:")
            for name, acc in attrs.items():
                lines.append(f"  {name:18} {acc.value:6.3f}  ({acc.correct}/{acc.total})")
            s = self.signatories()
            lines.append(
                f"  {'agreements.signatories':18} P {s.precision:.3f} R {s.recall:.3f} F1 {s.f1:.3f}"
                f"  ({s.tp}/{s.fp}/{s.fn})"
            )
        lines.extend(self._table())
        # No final newline: printing adds one, and the last line must be the overall row.
        return "\n".join(lines)

    def _table(self) -> list[str]:
        totals = self.totals()
        rows = [f"{'kind':14} {'P':>6} {'R':>6} {'F1':>6}  {'tp':>5} {'fp':>5} {'fn':>5}", "-" * 52]
        for kind in self.kinds:
            c = totals.get(kind)
            if c is None:
                rows.append(f"{kind:14} {'not scored':>20}")
            else:
                rows.append(_row(kind, c))
        rows.append(_row("overall", self.overall()))
        return rows

    def to_markdown(self) -> str:
        """F1 per kind per document, one row per gold file, and the summed row (a table for the docs)."""
        kinds = [k for k in self.kinds if k in self.totals()]
        head = "| gold file | " + " | ".join(kinds) + " | overall |"
        rule = "|---|" + "---:|" * (len(kinds) + 1)
        lines = [head, rule]
        for d in self.documents:
            overall = Counts()
            cells = []
            for k in kinds:
                c = d.counts.get(k)
                cells.append(f"{c.f1:.2f}" if c is not None else "–")
                if c is not None:
                    overall.add(c)
            name = d.doc + (" (error)" if d.error else "")
            lines.append(f"| {name} | " + " | ".join(cells) + f" | {overall.f1:.2f} |")
        totals = self.totals()
        cells = [f"**{totals[k].f1:.2f}**" for k in kinds]
        lines.append("| **all (micro)** | " + " | ".join(cells) + f" | **{self.overall().f1:.2f}** |")
        return "\n".join(lines)


def _row(name: str, c: Counts) -> str:
    return f"{name:14} {c.precision:6.3f} {c.recall:6.3f} {c.f1:6.3f}  {c.tp:5d} {c.fp:5d} {c.fn:5d}"


# --------------------------------------------------------------------------------------------- folding
def fold(value: object) -> str:
    """A name compared case- and whitespace-insensitively."""
    return " ".join(str(value).split()).casefold()


def _iso(value: object) -> str | None:
    """A gold or extracted date as ISO text ("2020-06-22", "2017-09", "2007")."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value).strip() or None


def _bare_year(value: str | None) -> bool:
    return value is not None and re.fullmatch(r"\d{4}", value) is not None


def _amount(value: object, where: Path) -> Decimal:
    try:
        return Decimal(str(value)).quantize(_CENT)
    except (InvalidOperation, ValueError) as e:
        raise KgError(f"money amount {value!r} is not a number", where) from e


def _drucksache(value: object) -> str | None:
    return re.sub(r"\s+", "", str(value)) if value not in (None, "") else None


def _grade(value: object) -> str | None:
    # "EG 9" and "EG9" are one grade; a post without a grade (aggregate counts) has None.
    return re.sub(r"\s+", "", str(value)).casefold() if value not in (None, "") else None


def _int(value: object) -> int | None:
    try:
        return int(str(value)) if value not in (None, "") else None
    except ValueError:
        return None


def _count(value: object) -> int | Decimal | None:
    """A count of posts: whole, or a fraction where part-time posts are counted (16.5)."""
    try:
        d = Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None
    return int(d) if d is not None and d == d.to_integral_value() else d


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"\w+", text.casefold()) if len(w) > 2}


def subject_matches(gold: str, found: str | None) -> bool:
    """A subject is right when one contains the other or they share at least half their words."""
    if not found:
        return False
    g, f = fold(gold), fold(found)
    if g in f or f in g:
        return True
    gw, fw = _words(g), _words(f)
    return bool(gw and fw) and 2 * len(gw & fw) / (len(gw) + len(fw)) >= 0.5


# --------------------------------------------------------------------------------------------- matching
@dataclass(frozen=True)
class _Item:
    """One fact on either side: its matching key, what it is, and what it rests on."""

    key: Hashable
    what: str
    quote: str | None = None
    start: int | None = None
    payload: Any = None


def _dedupe(items: Iterable[_Item], by: Callable[[_Item], Hashable]) -> list[_Item]:
    """The first item of each dedup key, in text order (several mentions are one find)."""
    seen: dict[Hashable, _Item] = {}
    for item in sorted(items, key=lambda i: i.start if i.start is not None else -1):
        seen.setdefault(by(item), item)
    return list(seen.values())


def _dedupe_places(items: Iterable[_Item]) -> list[_Item]:
    """One item per (key, place): a figure read twice at the same place is one find."""
    return _dedupe(items, lambda i: (i.key, i.start, i.payload.year))


def _pair(
    gold: Sequence[_Item], found: Sequence[_Item], similarity: Callable[[_Item, _Item], float] | None = None
) -> tuple[list[tuple[_Item, _Item]], list[_Item], list[_Item]]:
    """Pairs of equal key (a multiset match), most similar first; and the unpaired of each side."""
    by_key: dict[Hashable, tuple[list[int], list[int]]] = defaultdict(lambda: ([], []))
    for i, g in enumerate(gold):
        by_key[g.key][0].append(i)
    for j, f in enumerate(found):
        by_key[f.key][1].append(j)
    pairs: list[tuple[_Item, _Item]] = []
    used_g: set[int] = set()
    used_f: set[int] = set()
    for gi, fj in by_key.values():
        candidates = [(g, f) for g in gi for f in fj]
        if similarity is not None:
            candidates.sort(key=lambda c: -similarity(gold[c[0]], found[c[1]]))
        for g, f in candidates:
            if g not in used_g and f not in used_f:
                used_g.add(g)
                used_f.add(f)
                pairs.append((gold[g], found[f]))
    missed = [g for i, g in enumerate(gold) if i not in used_g]
    false = [f for j, f in enumerate(found) if j not in used_f]
    return pairs, missed, false


class _Scorer:
    """Scores one gold file against one document's facts."""

    def __init__(
        self,
        name: str,
        gold: dict[str, Any],
        facts: Facts,
        path: Path,
        kinds: Sequence[str],
        reference: ReferenceData | None = None,
    ) -> None:
        self.gold = gold
        self.facts = facts
        self.path = path
        self.kinds = kinds
        self.reference = reference
        self.score = DocScore(doc=name)
        self.orgs = self._org_aliases()

    def _org_aliases(self) -> dict[str, str]:
        """Folded name or alias -> folded canonical name, from the gold file's organisations."""
        table: dict[str, str] = {}
        for entry in _entries(self.gold, "organisations", self.path):
            if entry.get("name") is None:
                continue
            canon = fold(entry["name"])
            for alias in [entry["name"], *(entry.get("aliases") or [])]:
                table.setdefault(fold(alias), canon)
        return table

    def canon_org(self, name: object) -> str:
        return self.orgs.get(fold(name), fold(name))

    def canon_found_org(self, org: Any) -> str:
        """A found organisation's canonical gold name: by its own name, else by any name the reference
        gazetteer gives the same entity ("KfW Bankengruppe" is the gold's "Kreditanstalt für
        Wiederaufbau")."""
        canon = self.canon_org(org.name)
        if canon in self.orgs.values() or self.reference is None or org.ref is None:
            return canon
        ref = self.reference.organisations.get(org.ref)
        for alias in (ref.name, *ref.aliases) if ref is not None else ():
            if fold(alias) in self.orgs:
                return self.orgs[fold(alias)]
        return canon

    def run(self) -> DocScore:
        for kind in self.kinds:
            if kind not in self.gold:
                continue  # a kind absent from the gold file is not scored
            getattr(self, f"_{kind}")()
        return self.score

    def _record(
        self,
        kind: str,
        gold: Sequence[_Item],
        found: Sequence[_Item],
        similarity: Callable[[_Item, _Item], float] | None = None,
    ) -> list[tuple[_Item, _Item]]:
        pairs, missed, false = _pair(gold, found, similarity)
        self.score.counts[kind] = Counts(len(pairs), len(false), len(missed))
        doc = self.score.doc
        self.score.misses.extend(Finding(doc, kind, g.what, g.quote) for g in missed)
        self.score.false_finds.extend(Finding(doc, kind, f.what, f.quote, f.start) for f in false)
        return pairs

    def _attribute(self, name: str, gold_value: object, correct: bool) -> None:
        if gold_value is None:
            return
        acc = self.score.attributes.setdefault(name, Accuracy())
        acc.total += 1
        acc.correct += int(correct)

    # ---- kinds
    def _document(self) -> None:
        gold = self.gold.get("document") or {}
        if not isinstance(gold, dict):
            raise KgError("document must be a mapping", self.path)
        info = self.facts.document.info
        answers = info.answers
        found = {
            "kind": info.kind,
            "parliament": info.parliament,
            "period": info.period,
            "drucksache": info.drucksache,
            "date": info.date,
            "issued": info.issued,
            "answers.drucksache": answers.drucksache if answers else None,
            "answers.number": answers.number if answers else None,
            "answers.date": answers.date if answers else None,
            "answered_by": info.answered_by,
        }
        counts = Counts()
        doc = self.score.doc
        for name in DOCUMENT_FIELDS:
            head, _, tail = name.partition(".")
            if tail:
                sub = gold.get(head)
                if not isinstance(sub, dict) or tail not in sub:
                    continue
                g = sub[tail]
            elif name in gold:
                g = gold[name]
            else:
                continue
            gv, fv = self._field(name, g), self._field(name, found[name])
            if gv is not None and gv == fv:
                counts.tp += 1
                continue
            # A gold null says the text does not state it: a value found is false, none found is right.
            if fv is not None:
                counts.fp += 1
                self.score.false_finds.append(Finding(doc, "document", f"{name} = {found[name]}"))
            if gv is not None:
                counts.fn += 1
                self.score.misses.append(Finding(doc, "document", f"{name} = {_iso(g)}"))
        self.score.counts["document"] = counts

    def _field(self, name: str, value: object) -> object:
        if value is None or value == "":
            return None
        if name in ("period", "answers.number"):
            return _int(value)
        if name in ("drucksache", "answers.drucksache"):
            return _drucksache(value)
        if name in ("date", "issued", "answers.date"):
            return _iso(value)
        if name in _ORG_FIELDS:
            return self.canon_org(value)
        return fold(value)

    def _persons(self) -> None:
        gold = [
            _Item(fold(e["name"]), str(e["name"]), payload=e)
            for e in _entries(self.gold, "persons", self.path)
            if e.get("name")
        ]
        found = _dedupe(
            (_Item(fold(p.name), p.name, p.span.quote, p.span.start, p) for p in self.facts.persons), _key
        )
        for g, f in self._record("persons", gold, found):
            party = g.payload.get("party")
            self._attribute(
                "persons.party", party, f.payload.party is not None and self._same_party(party, f)
            )

    def _same_party(self, party: object, found: _Item) -> bool:
        return self.canon_org(party) == self.canon_org(found.payload.party)

    def _organisations(self) -> None:
        gold = [
            _Item(fold(e["name"]), str(e["name"]))
            for e in _entries(self.gold, "organisations", self.path)
            if e.get("name")
        ]
        found = _dedupe(
            (
                _Item(self.canon_found_org(o), o.name, o.span.quote, o.span.start)
                for o in self.facts.organisations
            ),
            _key,
        )
        self._record("organisations", gold, found)

    def _money(self) -> None:
        gold = []
        for e in _entries(self.gold, "money", self.path):
            if e.get("amount") is None:
                continue
            amount = _amount(e["amount"], self.path)
            what = f"{amount} {e.get('currency') or 'EUR'} {e.get('stage')}" + (
                f" ({e['year']})" if e.get("year") is not None else ""
            )
            gold.append(_Item((amount, e.get("stage")), what, e.get("quote"), payload=e))
        found = []
        for m in self.facts.money:
            if m.derived:
                continue  # a derived amount is never stated, and gold lists stated amounts only
            amount = m.amount.quantize(_CENT)
            what = f"{amount} {m.currency} {m.stage}" + (f" ({m.year})" if m.year is not None else "")
            found.append(_Item((amount, m.stage), what, m.span.quote, m.span.start, m))
        # The same figure for two different things is two gold entries (one amount in two years, say),
        # so extracted amounts are one find per amount, stage, year and subject, not per amount and stage.
        # Gold may list one figure twice for two things the words do not tell apart (two budget
        # titles, say): then up to that many finds of distinct places count.
        room = Counter((g.key, _int(g.payload.get("year"))) for g in gold)
        kept: list[_Item] = []
        taken: Counter[Hashable] = Counter()
        for item in _dedupe_places(found):
            key = (item.key, item.payload.year, fold(item.payload.subject or ""))
            if taken[key] < max(1, room[(item.key, item.payload.year)]):
                taken[key] += 1
                kept.append(item)
        found = kept

        def similarity(g: _Item, f: _Item) -> float:
            e, m = g.payload, f.payload
            return 2 * (e.get("year") == m.year) + subject_matches(str(e.get("subject") or ""), m.subject)

        for g, f in self._record("money", gold, found, similarity):
            e, m = g.payload, f.payload
            self._attribute("money.year", e.get("year"), _int(e.get("year")) == m.year)
            self._attribute(
                "money.subject", e.get("subject"), subject_matches(str(e.get("subject")), m.subject)
            )
            self._attribute("money.category", e.get("category"), e.get("category") == m.category)

    def _dates(self) -> None:
        gold = []
        for e in _entries(self.gold, "dates", self.path):
            value = _iso(e.get("date"))
            # Bare years are not scored (FORMAT.md), on either side.
            if value is not None and not _bare_year(value):
                gold.append(_Item(value, value, e.get("quote")))
        found = _dedupe(
            (
                _Item(v, v, d.span.quote, d.span.start)
                for d in self.facts.dates
                if (v := _iso(d.value)) is not None and not _bare_year(v)
            ),
            _key,
        )
        self._record("dates", gold, found)

    def _references(self) -> None:
        gold = [
            _Item(n, n)
            for e in _entries(self.gold, "references", self.path)
            if (n := _drucksache(e.get("drucksache"))) is not None
        ]
        found = _dedupe(
            (
                _Item(_drucksache(r.drucksache), r.drucksache, r.span.quote, r.span.start)
                for r in self.facts.references
            ),
            _key,
        )
        self._record("references", gold, found)

    def _posts(self) -> None:
        gold = []
        for e in _entries(self.gold, "posts", self.path):
            key = (_grade(e.get("grade")), _count(e.get("count")))
            gold.append(_Item(key, f"{e.get('grade') or '(no grade)'} × {e.get('count')}", e.get("quote")))
        found = _dedupe(
            (
                _Item(
                    (_grade(p.grade), p.count),
                    f"{p.grade or '(no grade)'} × {p.count}",
                    p.span.quote,
                    p.span.start,
                )
                for p in self.facts.posts
            ),
            _key,
        )
        self._record("posts", gold, found)

    def _agreements(self) -> None:
        gold = []
        for e in _entries(self.gold, "agreements", self.path):
            date = _iso(e.get("date"))
            members = frozenset(self.canon_org(s) for s in e.get("signatories") or [])
            gold.append(_Item(date, f"{e.get('name')} ({date or 'undated'})", payload=members))
        found = [
            _Item(
                _iso(a.date),
                f"{a.name} ({a.date or 'undated'})",
                a.span.quote,
                a.span.start,
                frozenset(self.canon_org(s) for s in a.signatories),
            )
            for a in self.facts.agreements
        ]
        # Several undated agreements share the key None: they are told apart by their signatories.
        found = _dedupe(found, lambda i: (i.key, i.payload))

        def overlap(g: _Item, f: _Item) -> float:
            return len(g.payload & f.payload) / max(1, len(g.payload | f.payload))

        for g, f in self._record("agreements", gold, found, overlap):
            s = self.score.signatories
            s.tp += len(g.payload & f.payload)
            s.fp += len(f.payload - g.payload)
            s.fn += len(g.payload - f.payload)

    def _projects(self) -> None:
        names: dict[str, str] = {}  # folded name or alias -> folded gold name
        gold = []
        for e in _entries(self.gold, "projects", self.path):
            if not e.get("name"):
                continue
            canon = fold(e["name"])
            for alias in [e["name"], *(e.get("aliases") or [])]:
                names.setdefault(fold(alias), canon)
            gold.append(_Item(canon, str(e["name"])))

        def key(p: Any) -> str:
            for n in (p.name, *p.aliases):
                if fold(n) in names:
                    return names[fold(n)]
            return fold(p.name)

        found = _dedupe(
            (_Item(key(p), p.name, p.span.quote, p.span.start) for p in self.facts.projects), _key
        )
        self._record("projects", gold, found)


def _key(item: _Item) -> Hashable:
    return item.key


def _entries(gold: dict[str, Any], kind: str, path: Path) -> list[dict[str, Any]]:
    value = gold.get(kind)
    if value is None:
        return []
    if not isinstance(value, list):
        raise KgError(f"{kind} must be a list", path, hint="an empty list [] means 'none'")
    bad = [e for e in value if not isinstance(e, dict)]
    if bad:
        raise KgError(f"{kind}: each entry must be a mapping, not {bad[0]!r}", path)
    return value


# --------------------------------------------------------------------------------------------- running
def score_document(
    gold: dict[str, Any],
    facts: Facts,
    name: str = "",
    path: Path | None = None,
    kinds: Sequence[str] = KINDS,
    reference: ReferenceData | None = None,
) -> DocScore:
    """Score one document's facts against one parsed gold file (with `reference`, an organisation also
    matches the gold under any name the gazetteer gives it)."""
    return _Scorer(name or facts.document.id, gold, facts, path or Path(name), kinds, reference).run()


def load_gold(path: Path) -> dict[str, Any]:
    """Parse a gold file; it must be a mapping with a `source`."""
    data = load_yaml(path)
    if not isinstance(data, dict):
        raise KgError("a gold file must be a mapping with a 'source' key", path, 0)
    if not data.get("source"):
        raise KgError("missing 'source': the file name of the document this gold file describes", path, 0)
    return data


def extract_document(path: Path, reference: ReferenceData, curated: bool = False) -> Facts:
    """The pipeline for one document: kg.api's when it imports, else ingest -> extract -> resolve."""
    try:
        from kg.api import extract_document as api_extract
    except ModuleNotFoundError:
        # While the stages are written in parallel, kg.api may import a module not there yet;
        # the plain pipeline then runs without the missing stage.
        api_extract = None
    if api_extract is not None:
        return api_extract(path, reference, curated=curated)
    if curated:
        raise KgError("the curated layer needs kg.api, which cannot be imported yet", path)
    from kg.extract import extract
    from kg.ingest import ingest

    facts = extract(ingest(path), reference)
    if importlib.util.find_spec("kg.resolve") is not None:
        from kg.resolve import resolve

        facts = resolve(facts, reference)
    return facts


def default_docs_dirs(gold_dir: Path) -> list[Path]:
    """Where source documents are looked up when no folder is given: documents/ beside the gold folder."""
    from kg.config import DATA_DIR

    return [d for d in (Path(gold_dir).parent / "documents", DATA_DIR / "documents") if d.is_dir()]


def evaluate(
    gold_dir: Path,
    docs_dirs: list[Path],
    curated: bool = False,
    kinds: Sequence[str] = KINDS,
    reference: ReferenceData | None = None,
) -> EvalReport:
    """Extract each gold file's source document and score it; a document that fails is recorded."""
    gold_dir = Path(gold_dir)
    if not gold_dir.is_dir():
        raise KgError("no such directory of gold files", gold_dir)
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise KgError(f"unknown kind {unknown[0]!r}; expected one of {', '.join(KINDS)}")
    if reference is None:
        from kg.config import DATA_DIR

        reference = load_reference(DATA_DIR / "reference")
    kinds = tuple(k for k in KINDS if k in kinds)
    scores: list[DocScore] = []
    for path in sorted(gold_dir.glob("*.yaml")):
        try:
            gold = load_gold(path)
        except KgError as e:
            scores.append(DocScore(path.stem, error=f"bad gold file: {e}"))
            continue
        source = next((d / gold["source"] for d in docs_dirs if (d / gold["source"]).is_file()), None)
        if source is None:
            dirs = ", ".join(str(d) for d in docs_dirs) or "(none given)"
            scores.append(DocScore(path.stem, error=f"source {gold['source']} not found in {dirs}"))
            continue
        try:
            facts = extract_document(source, reference, curated=curated)
        except Exception as e:  # noqa: BLE001 -- one bad document is recorded, the rest go on
            scores.append(
                DocScore(path.stem, str(source), error=f"extraction failed: {type(e).__name__}: {e}")
            )
            continue
        try:
            score = score_document(gold, facts, path.stem, path, kinds, reference)
        except KgError as e:
            scores.append(DocScore(path.stem, str(source), error=f"bad gold file: {e}"))
            continue
        score.source = str(source)
        scores.append(score)
    if not scores:
        raise KgError("no gold files (*.yaml) here", gold_dir)
    return EvalReport(scores, kinds)
