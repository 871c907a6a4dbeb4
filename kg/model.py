"""The fact records that flow between the pipeline stages: frozen, typed, RDF-free.

Every record that came from document text carries a `Span` (document id, start/end character
offsets into the text *as shipped*, and the exact quote). Offsets are 0-based, end exclusive.
Records never hold RDF terms: mapping.py is the only place that turns them into triples.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# Controlled values shared by extraction, curated facts, mapping, shapes and eval.
MONEY_STAGES = ("requested", "granted", "committed", "paid", "planned", "estimated", "remaining", "other")
MONEY_CATEGORIES = ("total", "material", "personnel", "grant", "investment", "other")
PERSON_ROLES = ("questioner", "answering", "other")
DOCUMENT_KINDS = (
    "Antwort",
    "KleineAnfrage",
    "GrosseAnfrage",
    "Antrag",
    "Gesetzentwurf",
    "Pressemitteilung",
    "Drucksache",
)
PART_KINDS = ("header", "preliminary_questioners", "preliminary_government", "question", "answer", "other")


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of a source document's text: [start, end) and the exact quote found there."""

    doc: str
    start: int
    end: int
    quote: str


@dataclass(frozen=True)
class Part:
    """A structural part of a document: header, preliminary remarks, a question, an answer."""

    kind: str
    span: Span
    numbers: tuple[int, ...] = ()  # question numbers; for an answer: the questions it covers


@dataclass(frozen=True)
class AnsweredRequest:
    """The Kleine Anfrage an answer responds to."""

    number: int | None = None
    drucksache: str | None = None
    date: str | None = None  # ISO date
    span: Span | None = None


@dataclass(frozen=True)
class DocumentInfo:
    """What the header says about a document: kind, parliament, numbers, dates, who asked and answered."""

    kind: str | None = None
    parliament: str | None = None  # canonical organisation name, e.g. "Landtag Nordrhein-Westfalen"
    period: int | None = None
    drucksache: str | None = None  # its own number "17/1234" when the text states it
    date: str | None = None  # ISO date of the document (Datum des Originals)
    issued: str | None = None  # ISO date "Ausgegeben"
    title: str | None = None
    answers: AnsweredRequest | None = None
    answered_by: str | None = None  # canonical organisation name of the answering ministry
    answered_by_post: str | None = None  # post name, e.g. "Minister des Innern"
    in_agreement_with: tuple[str, ...] = ()  # canonical organisation names
    government: str | None = None  # canonical name, e.g. "Landesregierung Nordrhein-Westfalen"
    spans: tuple[Span, ...] = ()  # where the header facts were read


@dataclass(frozen=True)
class Document:
    """A source document after ingest: its text as shipped, and the parts recognised in it."""

    id: str  # file stem, stable: used for IRIs and named graphs
    path: str  # as given, for messages
    text: str  # the text as shipped (offsets point here)
    source: dict = field(default_factory=dict, compare=False, hash=False)  # the .source.yaml
    parts: tuple[Part, ...] = ()
    info: DocumentInfo = field(default_factory=DocumentInfo)


@dataclass(frozen=True)
class Person:
    name: str
    span: Span
    party: str | None = None
    role: str | None = None  # questioner | answering | other
    office: str | None = None  # e.g. "Ministerpräsident des Landes Nordrhein-Westfalen"
    ref: str | None = None  # reference-data id after resolve


@dataclass(frozen=True)
class Organisation:
    name: str  # canonical name after resolve (surface form before)
    span: Span
    kind: str | None = None  # ministry | government | parliament | party | agency | municipality | ...
    ref: str | None = None  # reference-data id after resolve
    surface: str | None = None  # the words in the text


@dataclass(frozen=True)
class Money:
    amount: Decimal
    span: Span
    currency: str = "EUR"
    stage: str = "other"
    year: int | None = None
    category: str | None = None
    subject: str | None = None  # what the money is for, in the document's words
    amount_max: Decimal | None = None  # upper end of a range
    payer: str | None = None  # canonical organisation name
    recipient: str | None = None
    # A derived amount is computed from others (e.g. whole minus part); it is never "stated".
    derived_from: tuple[Span, ...] = ()
    formula: str | None = None
    # Curated money may name itself (`key`) so others can point at it as their whole or inputs.
    key: str | None = None
    part_of: str | None = None  # key of the whole this amount is a part of
    parts_complete: bool = False  # every part of this whole is given
    inputs: tuple[str, ...] = ()  # keys of the amounts a derived amount is computed from

    @property
    def derived(self) -> bool:
        return bool(self.derived_from or self.inputs)


@dataclass(frozen=True)
class Post:
    """Budget posts (Planstellen/Stellen) of one pay grade."""

    grade: str | None  # "B2", "A11", "EG 9"; None for a count of posts without a pay grade
    count: int | Decimal  # a fraction where part-time posts are counted ("16,5 Planstellen")
    span: Span
    filled: bool | None = None
    subject: str | None = None


@dataclass(frozen=True)
class DateFact:
    """A dated event: what happened when."""

    value: str  # "2020-06-22", "2017-09" or "2007"
    span: Span
    what: str | None = None
    kind: str | None = None  # signing | cabinet_decision | presentation | announcement | closure | ...
    about: str | None = None  # name of the project, programme or document the event concerns
    agent: str | None = None  # canonical name of the organisation or person who acted
    place: str | None = None  # place name


@dataclass(frozen=True)
class Reference:
    """Another document cited, by Drucksache number."""

    drucksache: str
    span: Span
    kleine_anfrage: int | None = None
    parliament: str | None = None
    date: str | None = None
    relation: str = "cites"  # cites | answers


@dataclass(frozen=True)
class Agreement:
    name: str
    span: Span
    date: str | None = None
    signatories: tuple[str, ...] = ()  # canonical organisation names
    project: str | None = None


@dataclass(frozen=True)
class Project:
    name: str
    span: Span
    aliases: tuple[str, ...] = ()
    kind: str = "project"  # project | programme
    programme: str | None = None
    field_of_action: str | None = None
    fields_of_action: tuple[str, ...] = ()  # for a programme
    lead: str | None = None
    partners: tuple[str, ...] = ()
    grants_to_partners: bool | None = None
    announced_by: str | None = None  # person name
    alias_spans: tuple[Span, ...] = ()


@dataclass(frozen=True)
class Office:
    """A project office (Geschäftsstelle) and the organisations that second staff to it."""

    name: str
    span: Span
    project: str | None = None
    lead: str | None = None  # canonical organisation name
    staffed_by: tuple[str, ...] = ()  # canonical organisation names seconding staff


@dataclass(frozen=True)
class Facts:
    """Everything one document states, as records."""

    document: Document
    persons: tuple[Person, ...] = ()
    organisations: tuple[Organisation, ...] = ()
    money: tuple[Money, ...] = ()
    posts: tuple[Post, ...] = ()
    dates: tuple[DateFact, ...] = ()
    references: tuple[Reference, ...] = ()
    agreements: tuple[Agreement, ...] = ()
    projects: tuple[Project, ...] = ()
    offices: tuple[Office, ...] = ()

    def spans(self) -> list[Span]:
        """Every span any record of this document rests on."""
        out: list[Span] = list(self.document.info.spans) + [p.span for p in self.document.parts]
        for kind in (self.persons, self.organisations, self.money, self.posts, self.dates):
            out.extend(r.span for r in kind)
        out.extend(r.span for r in self.references)
        out.extend(r.span for r in self.agreements)
        for p in self.projects:
            out.append(p.span)
            out.extend(p.alias_spans)
        out.extend(o.span for o in self.offices)
        for m in self.money:
            out.extend(m.derived_from)
        return out
