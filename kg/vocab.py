"""RDF terms in one place. The KG namespace is generated from ontology/kg.ttl (see kg/tools/gen_vocab.py)."""

from __future__ import annotations

from rdflib import Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SDO, SKOS, TIME, VOID, XSD, DefinedNamespace

KG_NS = "https://kg.example.org/ns#"
OA = Namespace("http://www.w3.org/ns/oa#")
SCHEMA = SDO
SH = Namespace("http://www.w3.org/ns/shacl#")
FABIO = Namespace("http://purl.org/spar/fabio/")
ELI = Namespace("http://data.europa.eu/eli/ontology#")

__all__ = [
    "KG",
    "KG_NS",
    "OA",
    "SCHEMA",
    "SH",
    "FABIO",
    "ELI",
    "DCAT",
    "DCTERMS",
    "FOAF",
    "ORG",
    "OWL",
    "PROV",
    "RDF",
    "RDFS",
    "SKOS",
    "TIME",
    "VOID",
    "XSD",
]


class KG(DefinedNamespace):
    """The kg ontology's own terms."""

    _fail = True
    _NS = Namespace(KG_NS)

    # classes
    Agreement: URIRef
    Answer: URIRef
    Antrag: URIRef
    Antwort: URIRef
    Association: URIRef
    BudgetPost: URIRef
    Cabinet: URIRef
    Company: URIRef
    DerivedAmount: URIRef
    Document: URIRef
    DocumentPart: URIRef
    Drucksache: URIRef
    Event: URIRef
    FieldOfAction: URIRef
    Gesetzentwurf: URIRef
    Government: URIRef
    GrosseAnfrage: URIRef
    KleineAnfrage: URIRef
    LegislativePeriod: URIRef
    Ministry: URIRef
    MonetaryAmount: URIRef
    MoneyCategory: URIRef
    MoneyStage: URIRef
    Municipality: URIRef
    Office: URIRef
    Parliament: URIRef
    Party: URIRef
    PayGrade: URIRef
    Person: URIRef
    Place: URIRef
    Post: URIRef
    PreliminaryRemark: URIRef
    PressRelease: URIRef
    Programme: URIRef
    Project: URIRef
    PublicBody: URIRef
    Question: URIRef
    Secondment: URIRef
    State: URIRef
    StatedAmount: URIRef
    TextSpan: URIRef

    # object properties
    answeredBy: URIRef
    answeredByPost: URIRef
    answers: URIRef
    answersQuestion: URIRef
    askedBy: URIRef
    budgetPostFor: URIRef
    category: URIRef
    eventAbout: URIRef
    eventAgent: URIRef
    eventPlace: URIRef
    fieldOfAction: URIRef
    fieldsOfAction: URIRef
    forProject: URIRef
    inAgreementWith: URIRef
    lead: URIRef
    legislativePeriod: URIRef
    mentions: URIRef
    officeOf: URIRef
    parliament: URIRef
    partOfAmount: URIRef
    partOfProgramme: URIRef
    partner: URIRef
    payer: URIRef
    payGrade: URIRef
    periodOf: URIRef
    place: URIRef
    recipient: URIRef
    secondedFrom: URIRef
    secondedTo: URIRef
    signatory: URIRef
    signedBy: URIRef
    sourceDocument: URIRef
    sourceText: URIRef
    stage: URIRef
    announcedBy: URIRef
    agreementFor: URIRef
    government: URIRef

    # datatype properties
    ags: URIRef
    eventDate: URIRef
    filled: URIRef
    fiscalYear: URIRef
    formula: URIRef
    grantsToPartners: URIRef
    partsComplete: URIRef
    periodNumber: URIRef
    postCount: URIRef
    purpose: URIRef
    questionNumber: URIRef
    requestNumber: URIRef
    signingDate: URIRef

    # controlled values (SKOS concepts) and their schemes
    MoneyStages: URIRef
    MoneyCategories: URIRef
    PayGrades: URIRef
    Requested: URIRef
    Granted: URIRef
    Committed: URIRef
    Paid: URIRef
    Planned: URIRef
    Estimated: URIRef
    Remaining: URIRef
    OtherStage: URIRef
    Total: URIRef
    Material: URIRef
    Personnel: URIRef
    Grant: URIRef
    Investment: URIRef
    OtherCategory: URIRef
