"""Stored queries: headers, parameter binding as RDF terms, and the exact answer of each on the build."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.errors import KgError
from kg.queries import bind, load_catalogue, parse_query_file, run

BASE = "https://kg.example.org/"
PROJECT = BASE + "id/project/sicherheitskooperation-ruhr-zur-bekaempfung-der-clankriminalitaet"
PROGRAMME = BASE + "id/programme/ruhr-konferenz"
DOC = BASE + "id/document/000-ee5d8307e83ed3e5"
CATALOGUE = load_catalogue()


def rows(store, name: str, cols: tuple[str, ...], /, **params: str) -> list[tuple[str, ...]]:  # noqa: ANN001
    result = run(CATALOGUE[name], params, store, base=BASE)
    return [tuple(r[c].value if c in r else "" for c in cols) for r in result.rows]


def test_catalogue_has_the_competency_questions() -> None:
    assert set(CATALOGUE) >= {
        "project-partners",
        "project-money",
        "documents-mentioning-project",
        "who-asked-who-answered",
        "timeline",
        "budget-posts",
        "fields-of-action",
        "quotes-of-resource",
    }
    for q in CATALOGUE.values():
        assert q.title and q.description and q.form == "SELECT"


def test_partners(local_store) -> None:  # noqa: ANN001
    got = rows(local_store, "project-partners", ("organisationLabel", "role", "signed"), project=PROJECT)
    assert got == [
        ("Ministerium des Innern des Landes Nordrhein-Westfalen", "lead", "2020-06-22"),
        ("Bundespolizei", "partner", "2020-06-22"),
        ("Generalzolldirektion", "partner", "2020-06-22"),
        ("Stadt Dortmund", "partner", "2020-06-22"),
        ("Stadt Duisburg", "partner", "2020-06-22"),
        ("Stadt Essen", "partner", "2020-06-22"),
    ]


def test_money(local_store) -> None:  # noqa: ANN001
    got = rows(
        local_store,
        "project-money",
        ("fiscalYear", "stage", "category", "value", "derived", "formula"),
        project=PROJECT,
    )
    assert got == [
        ("2020", "committed", "material", "420000", "false", ""),
        ("2020", "granted", "material", "420000", "false", ""),
        ("2020", "granted", "personnel", "163900", "true", "583900 - 420000"),
        ("2020", "granted", "total", "583900", "false", ""),
        ("2020", "paid", "total", "141300", "false", ""),
        ("2020", "remaining", "total", "0", "false", ""),
        ("2020", "requested", "material", "420000", "false", ""),
        ("2020", "requested", "personnel", "163900", "true", "583900 - 420000"),
        ("2020", "requested", "total", "583900", "false", ""),
    ]
    assert rows(local_store, "project-money", ("value",), project=PROJECT, year="2021") == []


def test_documents_by_any_name(local_store) -> None:  # noqa: ANN001
    for name in (
        "Zentrale Koordination zur Bekämpfung der Clankriminalität",
        "sicherheitskooperation ruhr zur bekämpfung der clankriminalität",
    ):
        got = rows(local_store, "documents-mentioning-project", ("document", "citedIdentifier"), name=name)
        assert got == [(DOC, "17/9170"), (DOC, "17/9564"), (DOC, "17/9990")]
    assert rows(local_store, "documents-mentioning-project", ("document",), name="Kein solches Projekt") == []


def test_who_asked(local_store) -> None:  # noqa: ANN001
    got = rows(
        local_store,
        "who-asked-who-answered",
        ("requestIdentifier", "questionerLabel", "partyLabel", "postLabel", "holderLabel"),
        document=DOC,
    )
    assert sorted(set(got)) == [
        ("17/9990", n, "SPD", "Minister des Innern des Landes Nordrhein-Westfalen", "Herbert Reul")
        for n in ("Hartmut Ganzke", "Sonja Bongers", "Thomas Kutschaty")
    ]


def test_timeline_of_a_programme(local_store) -> None:  # noqa: ANN001
    got = rows(local_store, "timeline", ("date", "agentLabel", "quote"), about=PROGRAMME)
    assert got == [
        ("2017-09", "Armin Laschet", "September 2017"),
        ("2018-04", "Armin Laschet", "April 2018"),
        ("2019-11-05", "Kabinett des Landes Nordrhein-Westfalen", "5. November 2019"),
    ]


def test_budget_posts(local_store) -> None:  # noqa: ANN001
    got = rows(local_store, "budget-posts", ("grade", "count", "filled"), project=PROJECT)
    assert got == [("A 11", "2", "true"), ("A 13", "1", "true"), ("B 2", "1", "true"), ("EG 9", "1", "false")]


def test_fields_of_action(local_store) -> None:  # noqa: ANN001
    got = rows(local_store, "fields-of-action", ("fieldLabel", "projectLabel"), programme=PROGRAMME)
    assert got == [
        ("Beste Bildung – exzellente Forschung", ""),
        ("Erfolgreiche Wirtschaft – gute Arbeit", ""),
        (
            "Gelebte Vielfalt – starker Zusammenhalt",
            "Sicherheitskooperation Ruhr zur Bekämpfung der Clankriminalität",
        ),
        ("Sichere Energie – gesunde Umwelt", ""),
        ("Vernetzte Mobilität – kurze Wege", ""),
    ]


def test_quotes_of_a_derived_amount_are_its_inputs(local_store) -> None:  # noqa: ANN001
    amount = "id/amount/000-ee5d8307e83ed3e5/derived/personnel-requested"
    got = rows(local_store, "quotes-of-resource", ("quote", "document", "start", "end"), resource=amount)
    assert got == [("583.900 €", DOC, "6703", "6712"), ("420.000 €", DOC, "6942", "6951")]


def test_required_parameter_is_enforced() -> None:
    with pytest.raises(KgError, match="parameter resource is required"):
        bind(CATALOGUE["quotes-of-resource"], {})


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"project": "http://x/> } ; DROP ALL ; <y"}, "parameter project="),
        ({"project": "not an iri"}, "parameter project="),
        ({"year": "2020 } UNION { ?a ?b ?c"}, "parameter year="),
        ({"nope": "1"}, "unknown parameter 'nope'"),
    ],
)
def test_hostile_parameters_are_refused(params: dict[str, str], message: str) -> None:
    with pytest.raises(KgError, match=message.replace("(", r"\(")):
        bind(CATALOGUE["project-money"], params, base=BASE)


def test_strings_are_bound_as_literals_not_pasted(local_store) -> None:  # noqa: ANN001
    hostile = 'x" ) } } ; DROP ALL ; SELECT * WHERE { ?s ?p ?o . FILTER("'
    text = bind(CATALOGUE["documents-mentioning-project"], {"name": hostile})
    assert 'VALUES ?name { "x\\" ) } } ; DROP ALL' in text
    assert rows(local_store, "documents-mentioning-project", ("document",), name=hostile) == []


def test_bad_header_names_file_and_line(tmp_path: Path) -> None:
    q = tmp_path / "broken.rq"
    q.write_text("#+ title: x\n#+ description: [unclosed\nSELECT ?x WHERE { ?x ?p ?o }\n", encoding="utf-8")
    with pytest.raises(KgError) as e:
        parse_query_file(q)
    assert str(e.value).startswith(f"{q}:")


def test_cli_query_formats_and_list(built: Path) -> None:
    runner = CliRunner()
    listed = runner.invoke(main, ["query", "--list"])
    assert (
        listed.exit_code == 0
        and "project-money" in listed.output
        and "--param project=<iri>" in listed.output
    )
    csv = runner.invoke(
        main, ["query", "budget-posts", "--build", str(built), "--format", "csv", "-p", f"project={PROJECT}"]
    )
    assert csv.exit_code == 0, csv.output
    assert csv.output.splitlines()[0] == "project,projectLabel,grade,count,filled,post"
    assert len(csv.output.splitlines()) == 5
    js = runner.invoke(main, ["query", "budget-posts", "--build", str(built), "--format", "json"])
    assert js.exit_code == 0 and '"vars"' in js.output
    bad = runner.invoke(main, ["query", "budget-posts", "--build", str(built), "-p", "project=<x>"])
    assert bad.exit_code == 1 and "parameter project='<x>'" in bad.output
    unknown = runner.invoke(main, ["query", "no-such-query", "--build", str(built)])
    assert unknown.exit_code == 2
