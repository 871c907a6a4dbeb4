"""kg serve: the SPARQL 1.1 Protocol endpoint, content negotiation, limits, errors, and the pages."""

from __future__ import annotations

import json
import threading
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from flask import Flask
from flask.testing import FlaskClient
from servers import free_port

from kg.cli import main
from kg.serve import Settings, create_app
from kg.store import LocalStore

DATA = Path(__file__).parent / "data" / "sparql"
PROJECT = "https://kg.example.org/id/project/musterhafen"
SELECT = "SELECT ?s WHERE { ?s a <https://kg.example.org/ns#Project> } ORDER BY ?s"
CONSTRUCT = "CONSTRUCT { ?s a <https://kg.example.org/ns#Project> } WHERE { ?s a <https://kg.example.org/ns#Project> }"
SLOW = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@pytest.fixture(scope="module")
def app() -> Flask:
    return create_app(Settings(build_dir=DATA, queries_dir=DATA / "queries", timeout=0.5, limit=10**9))


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    return app.test_client()


@pytest.mark.parametrize(
    ("accept", "ctype", "start"),
    [
        ("application/sparql-results+json", "application/sparql-results+json", '{"head": {"vars": ["s"]}'),
        ("application/sparql-results+xml", "application/sparql-results+xml", '<?xml version="1.0"?>'),
        ("text/csv", "text/csv", "s\r\nhttps://kg.example.org/id/project/lesewelt\r\n"),
        (
            "text/tab-separated-values",
            "text/tab-separated-values",
            "?s\n<https://kg.example.org/id/project/lesewelt>",
        ),
        ("*/*", "application/sparql-results+json", '{"head"'),
    ],
)
def test_select_by_content_negotiation(client: FlaskClient, accept: str, ctype: str, start: str) -> None:
    resp = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": accept})
    assert resp.status_code == 200
    assert resp.mimetype == ctype
    assert resp.get_data(as_text=True).startswith(start)


def test_post_form_and_post_body_answer_alike(client: FlaskClient) -> None:
    a = client.post("/sparql", data={"query": SELECT}, headers={"Accept": "application/sparql-results+json"})
    b = client.post("/sparql", data=SELECT, content_type="application/sparql-query")
    assert a.status_code == b.status_code == 200
    rows = json.loads(a.data)["results"]["bindings"]
    assert [r["s"]["value"] for r in rows] == [
        "https://kg.example.org/id/project/lesewelt",
        "https://kg.example.org/id/project/musterhafen",
    ]
    assert json.loads(b.data) == json.loads(a.data)


def test_ask_result(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
    assert json.loads(resp.data) == {"head": {}, "boolean": True}


@pytest.mark.parametrize(
    ("accept", "ctype", "needle"),
    [
        ("text/turtle", "text/turtle", "<https://kg.example.org/id/project/lesewelt> a kg:Project"),
        ("application/ld+json", "application/ld+json", '"@id"'),
        ("application/n-triples", "application/n-triples", "<https://kg.example.org/ns#Project> ."),
    ],
)
def test_construct_as_turtle_or_jsonld(client: FlaskClient, accept: str, ctype: str, needle: str) -> None:
    resp = client.get("/sparql", query_string={"query": CONSTRUCT}, headers={"Accept": accept})
    assert resp.status_code == 200 and resp.mimetype == ctype
    assert needle in resp.get_data(as_text=True)


@pytest.mark.parametrize(
    ("how", "status", "message"),
    [
        (
            {"data": {"update": "INSERT DATA { <x:a> <x:b> <x:c> }"}},
            403,
            "read-only; SPARQL Update is refused",
        ),
        ({"data": "CLEAR ALL", "content_type": "application/sparql-update"}, 403, "read-only"),
        ({"data": {"query": "DELETE WHERE { ?s ?p ?o }"}}, 403, "read-only"),
        ({"data": {"query": "SELECT ?s WHERE { ?s "}}, 400, "400 Bad Request: malformed query: "),
        ({"data": {"query": ""}}, 400, "no query"),
        ({"data": {"query": SLOW}}, 503, "ran past its time limit of 0.5 s"),
        ({"data": "x", "content_type": "application/octet-stream"}, 415, "Unsupported Media Type"),
    ],
)
def test_errors_have_status_and_message_and_server_goes_on(
    client: FlaskClient, how: dict, status: int, message: str
) -> None:
    resp = client.post("/sparql", **how)
    assert resp.status_code == status
    assert message in resp.get_data(as_text=True)
    # Still serving, and nothing was written.
    after = client.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    assert after.status_code == 200
    n = LocalStore.from_build(DATA).query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }").rows[0]["n"].value
    assert json.loads(after.data)["results"]["bindings"][0]["n"]["value"] == n


def test_unknown_resource_is_404(client: FlaskClient) -> None:
    resp = client.get("/id/project/no-such-thing", headers={"Accept": "text/html"})
    assert resp.status_code == 404
    assert "no resource https://kg.example.org/id/project/no-such-thing" in resp.get_data(as_text=True)
    assert client.get("/id/project/no-such-thing", headers={"Accept": "text/turtle"}).status_code == 404


def test_unacceptable_format_is_406(client: FlaskClient) -> None:
    resp = client.get("/sparql", query_string={"query": SELECT, "format": "turtle"})
    assert resp.status_code == 406


def test_resource_page_html_for_browsers_rdf_for_clients(client: FlaskClient) -> None:
    html = client.get("/id/project/musterhafen", headers={"Accept": "text/html,*/*;q=0.8"})
    page = html.get_data(as_text=True)
    assert html.status_code == 200 and html.mimetype == "text/html"
    assert '<h1 id="label">Musterhafen</h1>' in page
    assert "<mark>Bewilligt wurden 200.000 Euro</mark>" in page  # a fact's quote, highlighted in context
    assert 'href="/text/doc-a?start=229&amp;end=258#hl"' in page
    assert "<svg" in page and "bewilligt" in page  # the money picture, inline
    assert "Verein Hafenfreunde e. V." in page  # the partner network
    ttl = client.get("/id/project/musterhafen", headers={"Accept": "text/turtle"})
    assert ttl.mimetype == "text/turtle"
    assert f"<{PROJECT}> kg:partner" in ttl.get_data(as_text=True) or "kg:partner" in ttl.get_data(
        as_text=True
    )
    jsonld = client.get("/id/project/musterhafen", headers={"Accept": "application/ld+json"})
    assert any(node.get("@id") == PROJECT for node in json.loads(jsonld.data))


def test_programme_page_groups_projects_by_field(client: FlaskClient) -> None:
    page = client.get("/id/programme/ruhr-konferenz").get_data(as_text=True)
    assert "<h3>Bildung</h3>" in page and "<h3>Wirtschaft &amp; Häfen</h3>" in page
    assert page.index("Lesewelt") > page.index("<h3>Bildung</h3>")


def test_source_text_and_highlight(client: FlaskClient) -> None:
    txt = client.get("/source/doc-a.txt")
    assert txt.mimetype == "text/plain"
    assert txt.get_data(as_text=True) == (DATA / "documents" / "doc-a.txt").read_text(encoding="utf-8")
    page = client.get("/text/doc-a?start=229&end=258").get_data(as_text=True)
    assert '<mark id="hl">Bewilligt wurden 200.000 Euro</mark>' in page
    assert client.get("/source/..%2Fkg.trig.txt").status_code == 404


def test_query_page_runs_a_stored_query_with_parameters(client: FlaskClient) -> None:
    page = client.get(
        "/query", query_string={"name": "project-money", "project": "id/project/lesewelt", "run": "1"}
    )
    text = page.get_data(as_text=True)
    assert page.status_code == 200
    assert '<span id="row-count">1</span>' in text
    assert "href='/id/amount/doc-b/283-294/granted-total'" in text
    assert 'id="param-project"' in text
    csv = client.get("/query.csv", query_string={"name": "project-money", "project": PROJECT})
    assert csv.mimetype == "text/csv"
    assert csv.headers["Content-Disposition"] == 'attachment; filename="project-money.csv"'
    assert len(csv.get_data(as_text=True).strip().splitlines()) == 1 + 4


def test_query_page_bad_parameter_names_it(client: FlaskClient) -> None:
    page = client.get("/query", query_string={"name": "totals-by-stage", "from": "zwei", "run": "1"})
    assert page.status_code == 400
    assert "parameter from=&#39;zwei&#39;: not an integer" in page.get_data(as_text=True)


def test_cli_get_answers_one_request() -> None:
    args = ["serve", "--build", str(DATA), "--queries", str(DATA / "queries")]
    ok = CliRunner().invoke(main, [*args, "--get", "/id/project/lesewelt", "--accept", "text/turtle"])
    assert ok.exit_code == 0, ok.output
    assert "kg:partOfProgramme" in ok.output
    missing = CliRunner().invoke(main, [*args, "--get", "/id/project/nothing"])
    assert missing.exit_code == 1
    assert "HTTP 404" in missing.output


@pytest.fixture(scope="module")
def live(app: Flask) -> Iterator[str]:
    """The app on a real threaded server on loopback."""
    from werkzeug.serving import make_server

    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


def test_concurrent_clients_and_a_slow_query_do_not_stop_the_server(live: str) -> None:
    errors: list[str] = []

    def client_loop() -> None:
        for _ in range(10):
            url = live + "/sparql?" + urllib.parse.urlencode({"query": SELECT})
            with urllib.request.urlopen(url, timeout=10) as resp:
                if resp.status != 200 or b"lesewelt" not in resp.read():
                    errors.append(str(resp.status))

    slow = live + "/sparql?" + urllib.parse.urlencode({"query": SLOW})
    threads = [threading.Thread(target=client_loop) for _ in range(8)]
    for t in threads:
        t.start()
    with pytest.raises(urllib.error.HTTPError) as e:
        urllib.request.urlopen(slow, timeout=10)
    assert e.value.code == 503
    e.value.close()
    for t in threads:
        t.join(30)
    assert errors == []
