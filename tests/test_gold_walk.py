"""Everything the first document's gold file lists is in the built graph, answered by the stored queries."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from kg.queries import load_catalogue, run

GOLD = "gold/000_ee5d8307e83ed3e5.yaml"
DOC = "https://kg.example.org/id/document/000-ee5d8307e83ed3e5"


@pytest.fixture(scope="module")
def gold(shared_dir: Path) -> dict:
    return yaml.safe_load((shared_dir / GOLD).read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def ask(local_store):  # noqa: ANN001, ANN201
    catalogue = load_catalogue()

    def ask(name: str, /, **params: str) -> list[dict[str, str]]:
        result = run(catalogue[name], params, local_store, base="https://kg.example.org/")
        return [{k: v.value for k, v in row.items()} for row in result.rows]

    return ask


def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def test_document_header(gold: dict, local_store) -> None:  # noqa: ANN001
    d = gold["document"]
    rows = local_store.query(f"""
        PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX kg: <https://kg.example.org/ns#>
        PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        SELECT DISTINCT ?kind ?date ?issued ?title ?parl ?period ?req ?num ?reqdate WHERE {{
          <{DOC}> a ?kind ; dcterms:date ?date ; dcterms:issued ?issued ; dcterms:title ?title ;
            kg:parliament/rdfs:label ?parl ; kg:legislativePeriod/kg:periodNumber ?period ;
            kg:answers ?r . ?r dcterms:identifier ?req ; kg:requestNumber ?num ; dcterms:date ?reqdate .
          FILTER(?kind = kg:Antwort) }}""").rows
    assert len(rows) == 1
    r = {k: v.value for k, v in rows[0].items()}
    assert r["date"] == _iso(d["date"]) and r["issued"] == _iso(d["issued"])
    assert r["title"] == d["title"] and r["parl"] == d["parliament"] and int(r["period"]) == d["period"]
    assert r["req"] == d["answers"]["drucksache"] and int(r["num"]) == d["answers"]["number"]
    assert r["reqdate"] == _iso(d["answers"]["date"])


def test_who_asked_and_who_answered(gold: dict, ask) -> None:  # noqa: ANN001
    rows = ask("who-asked-who-answered", document=DOC)
    askers = {(r["questionerLabel"], r.get("partyLabel")) for r in rows}
    assert askers == {(p["name"], p["party"]) for p in gold["persons"] if p.get("role") == "questioner"}
    assert {r["ministryLabel"] for r in rows} == {gold["document"]["answered_by"]}
    assert {r["agreementMinistryLabel"] for r in rows} == set(gold["document"]["in_agreement_with"])
    assert {r["holderLabel"] for r in rows} == {"Herbert Reul"}


def test_persons_with_office(gold: dict, local_store) -> None:  # noqa: ANN001
    for p in gold["persons"]:
        if "office" not in p:
            continue
        rows = local_store.query(f"""
            PREFIX org: <http://www.w3.org/ns/org#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            ASK {{ ?post org:heldBy ?p ; rdfs:label "{p["office"]}"@de . ?p rdfs:label "{p["name"]}"@de }}""")
        assert rows.boolean, p


def test_organisations_are_mentioned(gold: dict, local_store) -> None:  # noqa: ANN001
    rows = local_store.query(f"""
        PREFIX kg: <https://kg.example.org/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        PREFIX org: <http://www.w3.org/ns/org#>
        SELECT DISTINCT ?label WHERE {{ <{DOC}> kg:mentions ?o . ?o a org:Organization ; rdfs:label ?label }}""").rows
    assert {r["label"].value for r in rows} >= {o["name"] for o in gold["organisations"]}


def test_money(gold: dict, ask) -> None:  # noqa: ANN001
    rows = ask("project-money")
    found = {
        (
            Decimal(r["value"]),
            r["stage"],
            int(r["fiscalYear"]) if r.get("fiscalYear") else None,  # planned amounts may have none
            r["category"],
            r["projectLabel"],
            r["derived"],
        )
        for r in rows
    }
    for m in gold["money"]:
        key = (Decimal(str(m["amount"])), m["stage"], m["year"], m["category"], m["subject"], "false")
        assert key in found, m
    # the personnel costs, stated nowhere, are there as derived amounts only
    derived = {k for k in found if k[5] == "true"}
    assert {(k[0], k[1], k[3]) for k in derived} == {
        (Decimal(163900), "requested", "personnel"),
        (Decimal(163900), "granted", "personnel"),
    }


def test_posts(gold: dict, ask) -> None:  # noqa: ANN001
    rows = ask("budget-posts")
    found = {(r["grade"].replace(" ", ""), int(r["count"]), r["filled"] == "true") for r in rows}
    assert found == {(p["grade"].replace(" ", ""), p["count"], p["filled"]) for p in gold["posts"]}
    assert sum(k[1] for k in found) == gold["projects"][0]["posts_total"]


def test_dates(gold: dict, ask) -> None:  # noqa: ANN001
    found = {r["date"] for r in ask("timeline")}
    assert {_iso(d["date"]) for d in gold["dates"]} <= found


def test_references(gold: dict, local_store) -> None:  # noqa: ANN001
    rows = local_store.query(f"""
        PREFIX dcterms: <http://purl.org/dc/terms/>
        SELECT ?id WHERE {{ <{DOC}> dcterms:references/dcterms:identifier ?id }}""").rows
    assert {r["id"].value for r in rows} == {r["drucksache"] for r in gold["references"]}


def test_agreements(gold: dict, ask) -> None:  # noqa: ANN001
    rows = ask("project-partners")
    for a in gold["agreements"]:
        signed = {r["organisationLabel"] for r in rows if r.get("signed") == _iso(a["date"])}
        assert signed == set(a["signatories"])


def test_projects(gold: dict, ask, local_store) -> None:  # noqa: ANN001
    project = next(p for p in gold["projects"] if p.get("kind") != "programme")
    rows = ask("project-partners")
    assert {r["organisationLabel"] for r in rows if r["role"] == "partner"} == set(project["partners"])
    assert {r["organisationLabel"] for r in rows if r["role"] == "lead"} == {project["lead"]}
    for alias in project["aliases"]:
        named = ask("documents-mentioning-project", name=alias)
        assert {r["projectLabel"] for r in named} == {project["name"]}
        assert {r["document"] for r in named} == {DOC}
    fields = ask("fields-of-action")
    programme = next(p for p in gold["projects"] if p.get("kind") == "programme")
    assert {r["fieldLabel"] for r in fields} == set(programme["fields_of_action"])
    assert {(r["fieldLabel"], r.get("projectLabel")) for r in fields if r.get("projectLabel")} == {
        (project["field_of_action"], project["name"])
    }
    assert local_store.query("""
        PREFIX kg: <https://kg.example.org/ns#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
        ASK { ?p kg:grantsToPartners false ; kg:partOfProgramme/rdfs:label "Ruhr-Konferenz"@de .
              ?prog a kg:Programme ; kg:announcedBy/rdfs:label "Armin Laschet"@de }""").boolean
    decided = programme["further_projects_decided"]
    timeline = ask("timeline")
    assert any(r["date"] == _iso(decided["date"]) and str(decided["count"]) in r["label"] for r in timeline)
