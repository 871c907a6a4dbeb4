"""Facts -> triples: the ONLY place that writes domain triples (see docs/graph.md for the shape).

Each function returns a set of triples for one named graph; exports serialise them. Nothing here
invents facts: every node made from document text gets `prov:wasDerivedFrom` its text spans.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.iri import Minter, slug
from kg.model import DateFact, Facts, Money, Span
from kg.reference import ReferenceData
from kg.vocab import DCTERMS, FOAF, KG, OA, ORG, PROV, RDF, RDFS, SCHEMA, SKOS, XSD

Triple = tuple[Node, Node, Node]

STAGES = {
    "requested": KG.Requested,
    "granted": KG.Granted,
    "committed": KG.Committed,
    "paid": KG.Paid,
    "planned": KG.Planned,
    "estimated": KG.Estimated,
    "remaining": KG.Remaining,
    "other": KG.OtherStage,
}
CATEGORIES = {
    "total": KG.Total,
    "material": KG.Material,
    "personnel": KG.Personnel,
    "grant": KG.Grant,
    "investment": KG.Investment,
    "other": KG.OtherCategory,
}
STAGE_DE = {
    "requested": "beantragt",
    "granted": "bewilligt",
    "committed": "gebunden",
    "paid": "ausgezahlt",
    "planned": "geplant",
    "estimated": "geschätzt",
    "remaining": "Restmittel",
    "other": "sonstiger Betrag",
}
CATEGORY_DE = {
    "total": "gesamt",
    "material": "Sachmittel",
    "personnel": "Personal",
    "grant": "Förderung",
    "investment": "Investition",
    "other": "sonstige",
}
ORG_CLASSES = {
    "parliament": KG.Parliament,
    "government": KG.Government,
    "cabinet": KG.Cabinet,
    "ministry": KG.Ministry,
    "party": KG.Party,
    "agency": KG.PublicBody,
    "municipality": KG.Municipality,
    "state": KG.State,
    "company": KG.Company,
    "association": KG.Association,
    "office": KG.Office,
}
DOC_CLASSES = {
    "Antwort": KG.Antwort,
    "KleineAnfrage": KG.KleineAnfrage,
    "GrosseAnfrage": KG.GrosseAnfrage,
    "Antrag": KG.Antrag,
    "Gesetzentwurf": KG.Gesetzentwurf,
    "Pressemitteilung": KG.PressRelease,
}
DOC_LABEL_DE = {
    "Antwort": "Antwort",
    "KleineAnfrage": "Kleine Anfrage",
    "GrosseAnfrage": "Große Anfrage",
    "Antrag": "Antrag",
    "Gesetzentwurf": "Gesetzentwurf",
    "Pressemitteilung": "Pressemitteilung",
}
PART_CLASSES = {
    "question": KG.Question,
    "answer": KG.Answer,
    "preliminary_questioners": KG.PreliminaryRemark,
    "preliminary_government": KG.PreliminaryRemark,
}
PART_LABEL_DE = {
    "question": "Frage",
    "answer": "Antwort",
    "preliminary_questioners": "Vorbemerkung der Fragesteller",
    "preliminary_government": "Vorbemerkung der Landesregierung",
}


def de(text: str) -> Literal:
    return Literal(" ".join(str(text).split()), lang="de")


def decimal_literal(d: Decimal) -> Literal:
    """xsd:decimal in canonical form, so the same amount always serialises the same."""
    text = format(d.normalize(), "f") if d != 0 else "0"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return Literal(text, datatype=XSD.decimal)


def date_literal(value: str) -> Literal:
    """xsd:date, xsd:gYearMonth or xsd:gYear by what is known."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    if re.fullmatch(r"\d{4}", value):
        return Literal(value, datatype=XSD.gYear)
    raise ValueError(f"not a date: {value!r}")


def format_euro(d: Decimal) -> str:
    whole, _, cents = f"{d:,.2f}".partition(".")
    text = whole.replace(",", ".")
    return f"{text},{cents} €" if cents != "00" else f"{text} €"


def _guess_org_class(name: str) -> URIRef:
    """The kg class of an organisation not in the reference data, from the words of its name."""
    n = name.casefold()
    if n.startswith(("stadt ", "gemeinde ", "kreis ", "landkreis ")) or "stadtverwaltung" in n:
        return KG.Municipality
    if "ministerium" in n:
        return KG.Ministry
    if re.search(r"\b(gmbh|ag|kg|se|mbh|s\.p\.a\.)\b|\bco\.", n):
        return KG.Company
    if re.search(r"(bundesamt|landesamt|bundesanstalt|direktion|polizei|behörde|agentur|zoll)", n):
        return KG.PublicBody
    if re.search(r"(regierung|senat)", n):
        return KG.Government
    if re.search(r"(landtag|bundestag|parlament|bürgerschaft|abgeordnetenhaus)", n):
        return KG.Parliament
    if re.search(r"(verband|verein|e\. ?v\.|initiativkreis|kammer|stiftung)", n):
        return KG.Association
    return ORG.Organization


class Mapper:
    """Turns reference data and per-document facts into triples under one base IRI."""

    def __init__(self, reference: ReferenceData, minter: Minter) -> None:
        self.ref = reference
        self.iri = minter
        self._orgs: dict[str, str] = {}
        for org in reference.organisations.values():
            for name in (org.name, *org.aliases):
                self._orgs.setdefault(name.casefold(), org.id)
        self._persons: dict[str, str] = {}
        for p in reference.persons.values():
            for name in (p.name, *p.aliases):
                self._persons.setdefault(" ".join(name.split()).casefold(), p.id)
        self._posts: dict[str, str] = {}
        for post in reference.posts.values():
            for name in (post.name, *post.aliases):
                self._posts.setdefault(name.casefold(), post.id)
        self._places = {pl.name.casefold(): pl.id for pl in reference.places.values()}
        self._grades: dict[str, str] = {}
        for g in reference.pay_grades.values():
            for name in (g.id, g.label, *g.aliases):
                self._grades.setdefault(name.replace(" ", "").casefold(), g.id)

    # --- documents ----------------------------------------------------------------------------
    own_documents: frozenset[URIRef] = frozenset()

    def document_node(self, facts: Facts) -> URIRef:
        info = facts.document.info
        parliament = document_parliament_id(self, facts)
        if info.drucksache and parliament != "unknown":
            return self.iri.drucksache(parliament, info.drucksache)
        return self.iri.document(facts.document.id)

    # --- lookups ------------------------------------------------------------------------------
    def org_id(self, name: str) -> str | None:
        return self._orgs.get(name.casefold())

    def org(self, name: str) -> URIRef:
        ref = self.org_id(name)
        return self.iri.org(ref) if ref else self.iri.org(name)

    def person(self, name: str) -> URIRef:
        ref = self._persons.get(" ".join(name.split()).casefold())
        return self.iri.person(ref or name)

    def post(self, name: str) -> URIRef:
        ref = self._posts.get(name.casefold())
        return self.iri.post(ref or name)

    def place(self, name: str) -> URIRef:
        ref = self._places.get(name.casefold())
        return self.iri.place(ref or name)

    def pay_grade(self, grade: str) -> URIRef:
        ref = self._grades.get(grade.replace(" ", "").casefold())
        return self.iri.pay_grade(ref or grade)

    # --- reference graph ------------------------------------------------------------------------
    def reference_triples(self) -> set[Triple]:
        t: set[Triple] = set()
        for org in self.ref.organisations.values():
            node = self.iri.org(org.id)
            t |= {(node, RDF.type, ORG.Organization), (node, RDFS.label, de(org.name))}
            cls = ORG_CLASSES.get(org.kind)
            if cls is not None:
                t.add((node, RDF.type, cls))
            if org.kind == "ministry":
                t.add((node, RDF.type, ORG.FormalOrganization))
            if org.kind == "office":
                t.add((node, RDF.type, ORG.OrganizationalUnit))
            for alias in org.aliases:
                if alias.casefold() != org.name.casefold():
                    t.add((node, SKOS.altLabel, de(alias)))
            if org.part_of:
                t.add((node, ORG.subOrganizationOf, self.iri.org(org.part_of)))
            if org.place:
                t.add((node, KG.place, self.iri.place(org.place)))
            for scheme, value in sorted(org.identifiers.items()):
                t.add((node, DCTERMS.identifier, Literal(f"{scheme}:{value}")))
        for place in self.ref.places.values():
            node = self.iri.place(place.id)
            t |= {
                (node, RDF.type, KG.Place),
                (node, RDF.type, SCHEMA.Place),
                (node, RDFS.label, de(place.name)),
            }
            if "ags" in place.identifiers:
                t.add((node, KG.ags, Literal(place.identifiers["ags"])))
        for person in self.ref.persons.values():
            t |= self._person_node(self.iri.person(person.id), person.name)
            if person.party:
                t.add((self.iri.person(person.id), ORG.memberOf, self.iri.org(person.party)))
        for post in self.ref.posts.values():
            node = self.iri.post(post.id)
            t |= {
                (node, RDF.type, KG.Post),
                (node, RDF.type, ORG.Post),
                (node, RDFS.label, de(post.name)),
                (node, ORG.postIn, self.iri.org(post.organisation)),
            }
            for holder in post.holders:
                t.add((node, ORG.heldBy, self.iri.person(holder["person"])))
        for grade in self.ref.pay_grades.values():
            node = self.iri.pay_grade(grade.id)
            t |= {
                (node, RDF.type, KG.PayGrade),
                (node, RDF.type, SKOS.Concept),
                (node, SKOS.inScheme, KG.PayGrades),
                (node, SKOS.prefLabel, de(grade.label)),
                (node, RDFS.label, de(grade.label)),
                (node, SKOS.notation, Literal(grade.id)),
            }
        return t

    def _person_node(self, node: URIRef, name: str) -> set[Triple]:
        return {
            (node, RDF.type, KG.Person),
            (node, RDF.type, SCHEMA.Person),
            (node, RDF.type, FOAF.Person),
            (node, RDFS.label, de(name)),
            (node, FOAF.name, Literal(name)),
        }

    # --- one document ---------------------------------------------------------------------------
    def document_triples(self, facts: Facts) -> set[Triple]:
        return _DocumentMapping(self, facts).triples()


class _DocumentMapping:
    """The triples of one document's named graph."""

    def __init__(self, mapper: Mapper, facts: Facts) -> None:
        self.m = mapper
        self.iri = mapper.iri
        self.facts = facts
        self.doc = facts.document
        self.t: set[Triple] = set()
        self.parliament_id = document_parliament_id(mapper, facts)
        # A document with its own Drucksache number is that Drucksache: the node others cite.
        self.node = mapper.document_node(facts)
        self.jurisdiction = self._jurisdiction_of(self.parliament_id)
        self.projects: dict[str, URIRef] = {}
        for p in facts.projects:
            node = self.iri.programme(p.name) if p.kind == "programme" else self.iri.project(p.name)
            for name in (p.name, *p.aliases):
                self.projects[name.casefold()] = node

    def add(self, s: Node, p: Node, o: Node) -> None:
        self.t.add((s, p, o))

    def org(self, name: str, *spans: Span) -> URIRef:
        """The organisation's IRI; one the reference data does not know is defined here, from the text."""
        node = self.m.org(name)
        if self.m.org_id(name) is None:
            self.add(node, RDF.type, ORG.Organization)
            cls = _guess_org_class(name)
            if cls != ORG.Organization:
                self.add(node, RDF.type, cls)
            self.add(node, RDFS.label, de(name))
            self.derived(node, *(spans or self.doc.info.spans[:1]))
        return node

    def person(self, name: str, *spans: Span) -> URIRef:
        node = self.m.person(name)
        if self.m._persons.get(" ".join(name.split()).casefold()) is None:
            self.t |= self.m._person_node(node, name)
            self.derived(node, *spans)
        return node

    def post(self, name: str, organisation: str | None, *spans: Span) -> URIRef:
        """A post by name; a reference post counts only within its own jurisdiction."""
        ref = self.m._posts.get(name.casefold())
        if ref is not None and self._jurisdiction_of(self.m.ref.posts[ref].organisation) not in (
            None,
            self.jurisdiction,
        ):
            ref = None  # "Minister des Innern" of another Land is another post
        if ref is not None:
            return self.iri.post(ref)
        node = self.iri.post(f"{name} {organisation}" if organisation else name)
        self.add(node, RDF.type, KG.Post)
        self.add(node, RDF.type, ORG.Post)
        self.add(node, RDFS.label, de(name))
        if organisation:
            self.add(node, ORG.postIn, self.org(organisation, *spans))
        self.derived(node, *(spans or self.doc.info.spans[:1]))
        return node

    def _jurisdiction_of(self, org_id: str | None) -> str | None:
        org = self.m.ref.organisations.get(org_id or "")
        return org.jurisdiction if org is not None else None

    def span(self, sp: Span) -> URIRef:
        node = self.iri.span(sp.doc, sp.start, sp.end)
        self.add(node, RDF.type, KG.TextSpan)
        self.add(node, RDF.type, OA.TextQuoteSelector)
        self.add(node, RDF.type, OA.TextPositionSelector)
        self.add(node, OA.exact, Literal(sp.quote, datatype=XSD.string))
        self.add(node, OA.start, Literal(sp.start, datatype=XSD.nonNegativeInteger))
        self.add(node, OA.end, Literal(sp.end, datatype=XSD.nonNegativeInteger))
        self.add(node, KG.sourceDocument, self.node if sp.doc == self.doc.id else self.iri.document(sp.doc))
        return node

    def derived(self, node: URIRef, *spans: Span) -> None:
        for sp in spans:
            self.add(node, PROV.wasDerivedFrom, self.span(sp))

    def project_node(self, name: str | None) -> URIRef | None:
        return self.projects.get(name.casefold()) if name else None

    def triples(self) -> set[Triple]:
        self._document()
        self._parts()
        self._persons()
        self._organisations()
        self._projects()
        self._money()
        self._posts()
        self._events()
        self._references()
        self._agreements()
        self._offices()
        return self.t

    def _document(self) -> None:
        info, node = self.doc.info, self.node
        self.add(node, RDF.type, KG.Document)
        self.add(node, RDF.type, FOAF.Document)
        if info.kind in DOC_CLASSES:
            self.add(node, RDF.type, DOC_CLASSES[info.kind])
        if info.drucksache:
            self.add(node, RDF.type, KG.Drucksache)
            self.add(node, DCTERMS.identifier, Literal(info.drucksache))
        kind = DOC_LABEL_DE.get(info.kind or "", "Dokument")
        label = f"{kind} {info.drucksache}" if info.drucksache else kind
        if info.kind == "Antwort" and info.answers and (info.answers.drucksache or info.answers.number):
            what = f"Kleine Anfrage {info.answers.number}" if info.answers.number else "Kleine Anfrage"
            if info.answers.drucksache:
                what += f" (Drs. {info.answers.drucksache})"
            label = f"{label} auf die {what}"
        if info.title:
            label += f": {info.title}"
        self.add(node, RDFS.label, de(label))
        if info.title:
            self.add(node, DCTERMS.title, de(info.title))
        if info.date:
            self.add(node, DCTERMS.date, date_literal(info.date))
        if info.issued:
            self.add(node, DCTERMS.issued, date_literal(info.issued))
        self.add(node, KG.sourceText, URIRef(self.iri.base + f"source/{self.doc.id}.txt"))
        source = self.doc.source or {}
        src = source.get("source") if isinstance(source.get("source"), dict) else {}
        url = src.get("original_url_derived") or src.get("url")
        if url and re.match(r"^https?://\S+$", str(url)):
            self.add(node, DCTERMS.source, URIRef(str(url)))
        if info.parliament:
            parl = self.iri.org(self.parliament_id)
            self.add(node, KG.parliament, parl)
            self.add(node, KG.mentions, parl)
            if info.period:
                period = self.iri("id", "period", self.parliament_id, str(info.period))
                self.add(node, KG.legislativePeriod, period)
                self.add(period, RDF.type, KG.LegislativePeriod)
                self.add(period, KG.periodNumber, Literal(int(info.period), datatype=XSD.integer))
                self.add(period, KG.periodOf, parl)
                self.add(period, RDFS.label, de(f"{info.period}. Wahlperiode, {info.parliament}"))
        if info.government:
            self.add(node, KG.government, self.org(info.government))
        if info.answered_by:
            ministry = self.org(info.answered_by)
            self.add(node, KG.answeredBy, ministry)
            self.add(node, DCTERMS.creator, ministry)
        if info.answered_by_post:
            self.add(node, KG.answeredByPost, self.post(info.answered_by_post, info.answered_by))
        for name in info.in_agreement_with:
            self.add(node, KG.inAgreementWith, self.org(name))
        for sp in info.spans:
            self.derived(node, sp)
        if info.answers and (info.answers.drucksache or info.answers.number):
            self._answered_request()

    def request_node(self) -> URIRef:
        a = self.doc.info.answers
        assert a is not None
        if a.drucksache:
            return self.iri.drucksache(self.parliament_id, a.drucksache)
        return self.iri("id", "request", self.parliament_id, f"{self.doc.info.period or 0}-{a.number}")

    def _answered_request(self) -> None:
        a = self.doc.info.answers
        assert a is not None
        req = self.request_node()
        self.add(self.node, KG.answers, req)
        self.add(self.node, DCTERMS.references, req)
        self.add(req, RDF.type, KG.Document)
        self.add(req, RDF.type, KG.KleineAnfrage)
        if a.number is not None:
            self.add(req, KG.requestNumber, Literal(int(a.number), datatype=XSD.integer))
        if a.span:
            self.derived(req, a.span)
        if req in self.m.own_documents:
            return  # the request is a document of this build: it describes itself
        # Cited documents are labelled by their number alone, the same from every citing document.
        if a.drucksache:
            self.add(req, RDF.type, KG.Drucksache)
            self.add(req, DCTERMS.identifier, Literal(a.drucksache))
            self.add(req, RDFS.label, de(f"Drucksache {a.drucksache}"))
        else:
            self.add(req, RDFS.label, de(f"Kleine Anfrage {a.number}"))
        if self.doc.info.title:
            self.add(req, DCTERMS.title, de(self.doc.info.title))
        if a.date:
            self.add(req, DCTERMS.date, date_literal(a.date))
        if self.doc.info.parliament:
            self.add(req, KG.parliament, self.iri.org(self.parliament_id))

    def _parts(self) -> None:
        questions: dict[int, URIRef] = {}
        for part in self.doc.parts:
            if part.kind not in PART_CLASSES:
                continue
            node = self.iri(
                "id", "document", slug(self.doc.id, 120), "part", f"{part.span.start}-{part.span.end}"
            )
            self.add(node, RDF.type, KG.DocumentPart)
            self.add(node, RDF.type, PART_CLASSES[part.kind])
            self.add(node, DCTERMS.isPartOf, self.node)
            self.add(self.node, DCTERMS.hasPart, node)
            numbers = ", ".join(str(n) for n in part.numbers)
            self.add(node, RDFS.label, de(f"{PART_LABEL_DE[part.kind]} {numbers}".strip()))
            self.derived(node, part.span)
            if part.kind == "question":
                for n in part.numbers:
                    questions.setdefault(n, node)
                    self.add(node, KG.questionNumber, Literal(n, datatype=XSD.integer))
        for part in self.doc.parts:
            if part.kind == "answer":
                node = self.iri(
                    "id", "document", slug(self.doc.id, 120), "part", f"{part.span.start}-{part.span.end}"
                )
                for n in part.numbers:
                    if n in questions:
                        self.add(node, KG.answersQuestion, questions[n])

    def _persons(self) -> None:
        info = self.doc.info
        asker = (
            self.request_node()
            if info.answers and (info.answers.drucksache or info.answers.number)
            else self.node
        )
        for person in self.facts.persons:
            node = self.person(person.name, person.span)
            self.add(self.node, KG.mentions, node)
            self.derived(node, person.span)
            if person.party:
                self.add(node, ORG.memberOf, self.org(person.party, person.span))
            if person.role == "questioner":
                self.add(asker, KG.askedBy, node)
                self.add(asker, DCTERMS.creator, node)
            if person.office:
                self.add(self.post(person.office, None, person.span), ORG.heldBy, node)

    def _organisations(self) -> None:
        for org in self.facts.organisations:
            node = self.m.org(org.name)
            self.add(self.node, KG.mentions, node)
            self.derived(node, org.span)
            if self.m.org_id(org.name) is None:
                self.add(node, RDF.type, ORG.Organization)
                cls = ORG_CLASSES.get(org.kind or "") or _guess_org_class(org.name)
                if cls != ORG.Organization:
                    self.add(node, RDF.type, cls)
                self.add(node, RDFS.label, de(org.name))

    def _projects(self) -> None:
        for p in self.facts.projects:
            if p.kind == "programme":
                node = self.iri.programme(p.name)
                self.add(node, RDF.type, KG.Programme)
                if p.fields_of_action:
                    scheme = self.iri.scheme(p.name)
                    self.add(node, KG.fieldsOfAction, scheme)
                    self.add(scheme, RDF.type, SKOS.ConceptScheme)
                    self.add(scheme, RDFS.label, de(f"Handlungsfelder: {p.name}"))
                    self.derived(scheme, p.span)
                    for name in p.fields_of_action:
                        concept = self.iri.field(p.name, name)
                        self.add(concept, RDF.type, KG.FieldOfAction)
                        self.add(concept, RDF.type, SKOS.Concept)
                        self.add(concept, SKOS.inScheme, scheme)
                        self.add(concept, SKOS.topConceptOf, scheme)
                        self.add(concept, SKOS.prefLabel, de(name))
                        self.add(concept, RDFS.label, de(name))
                        self.derived(concept, p.span)
                if p.announced_by:
                    self.add(node, KG.announcedBy, self.person(p.announced_by, p.span))
            else:
                node = self.iri.project(p.name)
                self.add(node, RDF.type, KG.Project)
                if p.programme:
                    prog = self.project_node(p.programme) or self.iri.programme(p.programme)
                    self.add(node, KG.partOfProgramme, prog)
                    if self.project_node(p.programme) is None:
                        self.add(prog, RDF.type, KG.Programme)
                        self.add(prog, RDF.type, SCHEMA.Project)
                        self.add(prog, RDFS.label, de(p.programme))
                        self.derived(prog, p.span)
                    if p.field_of_action:
                        self.add(node, KG.fieldOfAction, self.iri.field(p.programme, p.field_of_action))
                if p.lead:
                    self.add(node, KG.lead, self.org(p.lead, p.span))
                for partner in p.partners:
                    self.add(node, KG.partner, self.org(partner, p.span))
                if p.grants_to_partners is not None:
                    self.add(node, KG.grantsToPartners, Literal(bool(p.grants_to_partners)))
            self.add(node, RDF.type, SCHEMA.Project)
            self.add(node, RDFS.label, de(p.name))
            for alias in p.aliases:
                self.add(node, SKOS.altLabel, de(alias))
            self.add(self.node, KG.mentions, node)
            self.derived(node, p.span, *p.alias_spans)

    def money_node(self, m: Money) -> URIRef:
        d = slug(self.doc.id, 120)
        if m.derived:
            return self.iri("id", "amount", d, "derived", slug(m.key or f"{m.stage}-{m.category}-{m.amount}"))
        return self.iri(
            "id", "amount", d, f"{m.span.start}-{m.span.end}", f"{m.stage}-{m.category or 'total'}"
        )

    def _money(self) -> None:
        nodes: list[URIRef] = []
        used: dict[URIRef, int] = {}
        for m in self.facts.money:
            # Two amounts read from one figure with the same stage and year stay two nodes.
            base = self.money_node(m)
            used[base] = used.get(base, 0) + 1
            nodes.append(base if used[base] == 1 else URIRef(f"{base}-{used[base]}"))
        by_key = {m.key: node for m, node in zip(self.facts.money, nodes, strict=True) if m.key}
        for m, node in zip(self.facts.money, nodes, strict=True):
            self.add(node, RDF.type, KG.MonetaryAmount)
            self.add(node, RDF.type, SCHEMA.MonetaryAmount)
            self.add(node, SCHEMA.value, decimal_literal(m.amount))
            if m.amount_max is not None:
                self.add(node, SCHEMA.maxValue, decimal_literal(m.amount_max))
            self.add(node, SCHEMA.currency, Literal(m.currency))
            self.add(node, KG.stage, STAGES[m.stage])
            category = m.category or "total"
            self.add(node, KG.category, CATEGORIES[category])
            if m.year is not None:
                self.add(node, KG.fiscalYear, Literal(f"{m.year:04d}", datatype=XSD.gYear))
            project = self.project_node(m.subject)
            if project is not None:
                self.add(node, KG.forProject, project)
            if m.subject:
                self.add(node, KG.purpose, Literal(m.subject))
            if m.payer:
                self.add(node, KG.payer, self.org(m.payer, m.span))
            if m.recipient:
                self.add(node, KG.recipient, self.org(m.recipient, m.span))
            if m.part_of and m.part_of in by_key:
                self.add(node, KG.partOfAmount, by_key[m.part_of])
            if m.parts_complete:
                self.add(node, KG.partsComplete, Literal(True))
            text = f"{format_euro(m.amount)} {STAGE_DE[m.stage]} ({CATEGORY_DE[category]}"
            text += f", {m.year})" if m.year else ")"
            if m.derived:
                self.add(node, RDF.type, KG.DerivedAmount)
                self.add(node, RDFS.label, de(f"{text}, abgeleitet"))
                for key in m.inputs:
                    if key in by_key:
                        self.add(node, PROV.wasDerivedFrom, by_key[key])
                self.derived(node, *m.derived_from)
                if m.formula:
                    self.add(node, KG.formula, Literal(m.formula))
            else:
                self.add(node, RDF.type, KG.StatedAmount)
                self.add(node, RDFS.label, de(text))
                self.derived(node, m.span)

    def _single_project(self) -> URIRef | None:
        nodes = {self.iri.project(p.name) for p in self.facts.projects if p.kind != "programme"}
        return next(iter(nodes)) if len(nodes) == 1 else None

    def _posts(self) -> None:
        for post in self.facts.posts:
            node = self.iri("id", "budgetpost", slug(self.doc.id, 120), f"{post.span.start}-{post.span.end}")
            self.add(node, RDF.type, KG.BudgetPost)
            if post.grade:
                grade = self.m.pay_grade(post.grade)
                self.add(node, KG.payGrade, grade)
                if self.m._grades.get(post.grade.replace(" ", "").casefold()) is None:
                    # A grade the reference data does not know yet: a concept of its own, from the text.
                    self.add(grade, RDF.type, KG.PayGrade)
                    self.add(grade, RDF.type, SKOS.Concept)
                    self.add(grade, SKOS.inScheme, KG.PayGrades)
                    self.add(grade, SKOS.prefLabel, de(post.grade))
                    self.add(grade, RDFS.label, de(post.grade))
                    self.add(grade, SKOS.notation, Literal(post.grade.replace(" ", "")))
                    self.derived(grade, post.span)
            # Part-time posts make fractions ("16,5 Planstellen"): those are decimals.
            count_type = XSD.positiveInteger if isinstance(post.count, int) else XSD.decimal
            self.add(node, KG.postCount, Literal(post.count, datatype=count_type))
            state = ""
            if post.filled is not None:
                self.add(node, KG.filled, Literal(bool(post.filled)))
                state = ", besetzt" if post.filled else ", unbesetzt"
            grade_text = f" × {post.grade}" if post.grade else ""
            count_text = str(post.count).replace(".", ",")
            self.add(node, RDFS.label, de(f"{count_text}{grade_text} (Planstellen{state})"))
            project = self.project_node(post.subject) or self._single_project()
            if project is not None:
                self.add(node, KG.budgetPostFor, project)
            self.derived(node, post.span)

    def _events(self) -> None:
        for d in self.facts.dates:
            self._event(d)

    def _event(self, d: DateFact) -> None:
        node = self.iri("id", "event", slug(self.doc.id, 120), f"{d.span.start}-{d.span.end}")
        self.add(node, RDF.type, KG.Event)
        self.add(node, RDF.type, PROV.Activity)
        self.add(node, RDFS.label, de(d.what or f"Ereignis am {d.value}"))
        lit = date_literal(d.value)
        self.add(node, KG.eventDate, lit)
        self.add(node, DCTERMS.date, lit)
        if d.about == "document":
            self.add(node, KG.eventAbout, self.node)
        elif d.about:
            about = self.project_node(d.about)
            if about is not None:
                self.add(node, KG.eventAbout, about)
        if d.agent:
            agent = self.m.org(d.agent) if self.m.org_id(d.agent) else None
            if agent is None and self.m._persons.get(d.agent.casefold()):
                agent = self.m.person(d.agent)
            if agent is not None:
                self.add(node, KG.eventAgent, agent)
        if d.place:
            place = self.m.place(d.place)
            self.add(node, KG.eventPlace, place)
            if d.place.casefold() not in self.m._places:
                self.add(place, RDF.type, KG.Place)
                self.add(place, RDF.type, SCHEMA.Place)
                self.add(place, RDFS.label, de(d.place))
                self.derived(place, d.span)
        self.derived(node, d.span)

    def _references(self) -> None:
        for r in self.facts.references:
            parliament = (self.m.org_id(r.parliament) if r.parliament else None) or self.parliament_id
            node = self.iri.drucksache(parliament, r.drucksache)
            self.add(self.node, DCTERMS.references, node)
            self.add(node, RDF.type, KG.Document)
            self.add(node, RDF.type, KG.Drucksache)
            self.add(node, DCTERMS.identifier, Literal(r.drucksache))
            if r.relation == "answers":
                self.add(node, RDF.type, KG.KleineAnfrage)
                if r.kleine_anfrage is not None:
                    self.add(node, KG.requestNumber, Literal(int(r.kleine_anfrage), datatype=XSD.integer))
            self.derived(node, r.span)
            if node in self.m.own_documents:
                continue  # a document of this build: it labels and dates itself
            self.add(node, RDFS.label, de(f"Drucksache {r.drucksache}"))
            if r.date and r.relation == "answers":
                self.add(node, DCTERMS.date, date_literal(r.date))
            if parliament != "unknown":
                self.add(node, KG.parliament, self.iri.org(parliament))

    def _agreements(self) -> None:
        info = self.doc.info
        for a in self.facts.agreements:
            node = self.iri("id", "agreement", slug(self.doc.id, 120), f"{a.span.start}-{a.span.end}")
            self.add(node, RDF.type, KG.Agreement)
            self.add(node, RDF.type, PROV.Entity)
            self.add(node, RDFS.label, de(a.name))
            for s in a.signatories:
                self.add(node, KG.signatory, self.org(s, a.span))
                if info.answered_by and s.casefold() == info.answered_by.casefold() and info.answered_by_post:
                    self.add(node, KG.signedBy, self.post(info.answered_by_post, info.answered_by, a.span))
            if a.date:
                self.add(node, KG.signingDate, date_literal(a.date))
                self.add(node, DCTERMS.date, date_literal(a.date))
            project = self.project_node(a.project)
            if project is not None:
                self.add(node, KG.agreementFor, project)
            self.add(self.node, KG.mentions, node)
            self.derived(node, a.span)

    def _offices(self) -> None:
        for o in self.facts.offices:
            node = self.iri("id", "office", slug(o.name))
            self.add(node, RDF.type, KG.Office)
            self.add(node, RDF.type, ORG.OrganizationalUnit)
            self.add(node, RDF.type, ORG.Organization)
            self.add(node, RDFS.label, de(o.name))
            project = self.project_node(o.project)
            if project is not None:
                self.add(node, KG.officeOf, project)
            if o.lead:
                self.add(node, ORG.unitOf, self.org(o.lead, o.span))
            for org in o.staffed_by:
                sec = self.iri("id", "secondment", slug(o.name), slug(org))
                self.add(sec, RDF.type, KG.Secondment)
                self.add(sec, RDFS.label, de(f"Personal von {org} in der {o.name}"))
                self.add(sec, KG.secondedFrom, self.org(org, o.span))
                self.add(sec, KG.secondedTo, node)
                self.derived(sec, o.span)
            self.add(self.node, KG.mentions, node)
            self.derived(node, o.span)


def document_parliament_id(mapper: Mapper, facts: Facts) -> str:
    """The reference id (or a slug) of the parliament a document belongs to; "unknown" without one."""
    name = facts.document.info.parliament
    if not name:
        return "unknown"
    return mapper.org_id(name) or slug(name)


def map_all(reference: ReferenceData, facts: Iterable[Facts], minter: Minter) -> dict[URIRef, set[Triple]]:
    """Named graph IRI -> triples, for the reference data and each document."""
    mapper = Mapper(reference, minter)
    facts = list(facts)
    mapper.own_documents = frozenset(
        node for node in (mapper.document_node(f) for f in facts) if "/id/drucksache/" in str(node)
    )
    reference_triples = mapper.reference_triples()
    graphs: dict[URIRef, set[Triple]] = {minter.graph("reference"): reference_triples}
    for f in facts:
        # A statement already in the reference graph is not repeated in a document's graph.
        graphs[minter.graph("document", slug(f.document.id, 120))] = (
            mapper.document_triples(f) - reference_triples
        )
    return graphs
