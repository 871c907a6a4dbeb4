"""The embedded store and the store-neutral results: terms, comparable bindings, limits, errors."""

from __future__ import annotations

from pathlib import Path

import pytest
from servers import free_port

from kg.errors import KgError
from kg.store import (
    EndpointError,
    LocalStore,
    QueryRejected,
    QueryResult,
    QueryTimeout,
    RemoteStore,
    Term,
    _query_form,
    bindings_set,
    normalise_term,
    open_store,
    term_from_json,
)

DATA = Path(__file__).parent / "data" / "sparql"
XSD = "http://www.w3.org/2001/XMLSchema#"


@pytest.fixture(scope="module")
def mini() -> LocalStore:
    return LocalStore.from_build(DATA)


def test_named_graphs_and_union_default_graph(mini: LocalStore) -> None:
    assert mini.graphs() == [
        "https://kg.example.org/graph/document/doc-a",
        "https://kg.example.org/graph/document/doc-b",
        "https://kg.example.org/graph/ontology",
        "https://kg.example.org/graph/reference",
    ]
    # Facts about one project come from two document graphs; the default graph is their union.
    r = mini.query(
        "SELECT ?p WHERE { <https://kg.example.org/id/project/musterhafen> "
        "<https://kg.example.org/ns#partOfProgramme> ?p ; <https://kg.example.org/ns#partner> ?x } LIMIT 1"
    )
    assert [row["p"].value for row in r.rows] == ["https://kg.example.org/id/programme/ruhr-konferenz"]


def test_graph_ntriples_is_sorted_and_complete(mini: LocalStore) -> None:
    body = mini.graph_ntriples("https://kg.example.org/graph/document/doc-b").decode()
    lines = body.splitlines()
    assert lines == sorted(lines)
    n = mini.query(
        "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <https://kg.example.org/graph/document/doc-b> { ?s ?p ?o } }"
    )
    assert len(lines) == int(n.rows[0]["n"].value) == 56
    assert '"Wirtschaft & Häfen"@de' not in body  # that label lives in the reference graph


def test_terms_keep_datatype_and_language(mini: LocalStore) -> None:
    r = mini.query(
        "SELECT ?l ?v WHERE { <https://kg.example.org/id/project/lesewelt> "
        "<http://www.w3.org/2000/01/rdf-schema#label> ?l . "
        "?a <https://kg.example.org/ns#forProject> <https://kg.example.org/id/project/lesewelt> ; "
        "<https://schema.org/value> ?v }"
    )
    assert r.rows == [
        {"l": Term("literal", "Lesewelt", None, "de"), "v": Term("literal", "40000", XSD + "decimal")}
    ]
    assert r.rows[0]["l"].n3() == '"Lesewelt"@de'


def test_records_are_plain_rows_for_pandas(mini: LocalStore) -> None:
    r = mini.query("SELECT ?p ?x WHERE { ?p a <https://kg.example.org/ns#Project> } ORDER BY ?p")
    assert r.records() == [
        {"p": "https://kg.example.org/id/project/lesewelt", "x": None},
        {"p": "https://kg.example.org/id/project/musterhafen", "x": None},
    ]


def test_ask_and_construct(mini: LocalStore) -> None:
    assert mini.query("ASK { ?s a <https://kg.example.org/ns#Project> }").boolean is True
    g = mini.query(
        "PREFIX kg: <https://kg.example.org/ns#> CONSTRUCT { ?s a kg:Project } WHERE { ?s a kg:Project }"
    )
    assert g.form == "graph"
    assert g.graph == (
        "<https://kg.example.org/id/project/lesewelt> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://kg.example.org/ns#Project> .\n"
        "<https://kg.example.org/id/project/musterhafen> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
        "<https://kg.example.org/ns#Project> .\n"
    )


def test_malformed_query_and_update_are_rejected(mini: LocalStore) -> None:
    with pytest.raises(QueryRejected, match="malformed query"):
        mini.query("SELECT ?s WHERE { ?s ")
    with pytest.raises(QueryRejected, match="read-only"):
        mini.query("PREFIX kg: <https://kg.example.org/ns#>\nINSERT DATA { kg:a kg:b kg:c }")
    assert mini.query("ASK { ?s ?p ?o }").boolean is True  # nothing was written, store still answers


def test_limit_truncates_and_says_so(mini: LocalStore) -> None:
    r = mini.query("SELECT * WHERE { ?s ?p ?o }", limit=5)
    assert len(r.rows) == 5 and r.truncated
    assert not mini.query("SELECT * WHERE { ?s ?p ?o }").truncated


def test_a_query_past_its_timeout_stops(mini: LocalStore) -> None:
    # ~150 triples cubed: millions of solutions, produced lazily, so the deadline check between them stops it.
    with pytest.raises(QueryTimeout, match="time limit"):
        mini.query("SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }", timeout=0.2, limit=10**9)


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("PREFIX kg: <https://kg.example.org/ns#>\n# a comment with SELECT\nASK {}", "ask"),
        ("BASE <http://x/#>\nprefix a: <http://a#>\n  construct {} where {}", "construct"),
        ("DESCRIBE <x:y>", "describe"),
        ("  DELETE WHERE { ?s ?p ?o }", "update"),
        ("WITH <g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", "update"),
        ("LOAD <http://x>", "update"),
        ("nonsense", "unknown"),
    ],
)
def test_query_form(text: str, form: str) -> None:
    assert _query_form(text) == form


def test_numbers_compare_by_value_across_stores() -> None:
    assert normalise_term(Term("literal", "2", XSD + "integer")) == normalise_term(
        Term("literal", "2.0", XSD + "decimal")
    )
    assert normalise_term(Term("literal", "150000.50", XSD + "decimal")) == ("number", "150000.5")
    assert normalise_term(Term("literal", "2", XSD + "integer")) != normalise_term(Term("literal", "2"))
    assert normalise_term(Term("literal", "a", None, "DE")) == normalise_term(
        Term("literal", "a", None, "de")
    )
    assert normalise_term(Term("bnode", "b0")) == normalise_term(Term("bnode", "x9"))
    # Virtuoso's quirk: BIND(EXISTS {...} AS ?x) comes back as xsd:integer 0/1.
    assert normalise_term(Term("literal", "true", XSD + "boolean")) == normalise_term(
        Term("literal", "1", XSD + "integer")
    )


def test_bindings_set_ignores_order_not_content() -> None:
    a = QueryResult(["x"], [{"x": Term("uri", "http://a")}, {"x": Term("uri", "http://b")}])
    b = QueryResult(["x"], [{"x": Term("uri", "http://b")}, {"x": Term("uri", "http://a")}])
    c = QueryResult(["x"], [{"x": Term("uri", "http://b")}])
    assert bindings_set(a) == bindings_set(b) != bindings_set(c)


def test_terms_from_sparql_json_including_virtuoso_typed_literal() -> None:
    assert term_from_json({"type": "typed-literal", "datatype": XSD + "integer", "value": "3"}) == Term(
        "literal", "3", XSD + "integer"
    )
    assert term_from_json({"type": "literal", "xml:lang": "de", "value": "x"}) == Term(
        "literal", "x", None, "de"
    )
    assert term_from_json({"type": "literal", "datatype": XSD + "string", "value": "x"}) == Term(
        "literal", "x"
    )


def test_dead_endpoint_gives_a_clear_message() -> None:
    url = f"http://127.0.0.1:{free_port()}/sparql"
    with pytest.raises(EndpointError) as e:
        RemoteStore(url, timeout=2, retries=1, backoff=0.05).query("ASK {}")
    assert str(e.value).startswith(f"cannot reach the endpoint {url}: ")
    assert "is the server running" in str(e.value)


def test_credentials_never_shown(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_SPARQL_PASSWORD", "s3cret-value")
    store = RemoteStore("http://127.0.0.1:1/sparql", user="u")
    assert "s3cret" not in repr(store) and "s3cret" not in str(vars(store).get("endpoint"))


def test_open_store_picks_local_or_remote(tmp_path: Path) -> None:
    assert isinstance(open_store(DATA), LocalStore)
    assert isinstance(open_store(endpoint="http://127.0.0.1:1/sparql"), RemoteStore)
    with pytest.raises(KgError, match="no built graph here"):
        open_store(tmp_path)
