"""The ontology declares every KG term with de and en labels; kg/vocab.py is generated from it."""

from __future__ import annotations

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS

from kg.config import ONTOLOGY_FILE
from kg.tools.gen_vocab import VOCAB_FILE, render
from kg.vocab import KG, KG_NS

ALIGNMENTS = (RDFS.subClassOf, RDFS.subPropertyOf, SKOS.closeMatch, SKOS.broadMatch, SKOS.relatedMatch)


def ontology() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def kg_terms() -> list[URIRef]:
    return [URIRef(KG_NS + name) for name in KG.__annotations__]


def test_vocab_is_generated_from_the_ontology() -> None:
    assert render() == VOCAB_FILE.read_text(encoding="utf-8"), "run: python -m kg.tools.gen_vocab"


def test_every_term_is_declared_with_german_and_english_label_and_definition() -> None:
    graph = ontology()
    for term in kg_terms():
        assert (term, RDF.type, None) in graph, term
        for prop in (RDFS.label, SKOS.definition):
            languages = {lit.language for lit in graph.objects(term, prop) if isinstance(lit, Literal)}
            assert {"de", "en"} <= languages, (term, prop)


def test_properties_have_domain_and_classes_and_properties_are_aligned() -> None:
    graph = ontology()
    for term in kg_terms():
        types = set(graph.objects(term, RDF.type))
        if types & {OWL.ObjectProperty, OWL.DatatypeProperty}:
            assert (term, RDFS.domain, None) in graph, term
        if types & {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty}:
            aligned = [o for p in ALIGNMENTS for o in graph.objects(term, p) if not str(o).startswith(KG_NS)]
            assert aligned or any(
                not str(o).startswith(KG_NS)
                for c in graph.objects(term, RDFS.subClassOf)
                for o in graph.objects(c, RDFS.subClassOf)
            ), f"{term} is not aligned with a standard vocabulary"


def test_controlled_values_sit_in_their_schemes() -> None:
    graph = ontology()
    stages = set(graph.subjects(SKOS.inScheme, KG.MoneyStages))
    categories = set(graph.subjects(SKOS.inScheme, KG.MoneyCategories))
    assert stages == {
        KG.Requested,
        KG.Granted,
        KG.Committed,
        KG.Paid,
        KG.Planned,
        KG.Estimated,
        KG.Remaining,
        KG.OtherStage,
    }
    assert categories == {KG.Total, KG.Material, KG.Personnel, KG.Grant, KG.Investment, KG.OtherCategory}
    assert (KG.PayGrades, RDF.type, SKOS.ConceptScheme) in graph
    # the notations are the strings kg.model uses, so mapping can look concepts up by them
    from kg.model import MONEY_CATEGORIES, MONEY_STAGES

    assert sorted(str(graph.value(c, SKOS.notation)) for c in stages) == sorted(MONEY_STAGES)
    assert sorted(str(graph.value(c, SKOS.notation)) for c in categories) == sorted(MONEY_CATEGORIES)


def test_ontology_header() -> None:
    graph = ontology()
    onto = URIRef("https://kg.example.org/ns")
    assert (onto, RDF.type, OWL.Ontology) in graph
    for prop in ("title", "description", "license"):
        assert graph.value(onto, URIRef("http://purl.org/dc/terms/" + prop)) is not None
    assert graph.value(onto, OWL.versionInfo) is not None


def test_stated_and_derived_are_disjoint() -> None:
    assert (KG.StatedAmount, OWL.disjointWith, KG.DerivedAmount) in ontology()


def test_unknown_term_fails() -> None:
    import pytest

    with pytest.raises(AttributeError):
        _ = KG.NoSuchTerm
