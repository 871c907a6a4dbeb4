"""Project extraction on the first document: the project with its alias, the programme, and the facts about them."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from kg.config import DATA_DIR
from kg.extract import extract
from kg.extract.projects import extract_projects
from kg.ingest import ingest
from kg.model import Document, Facts
from kg.reference import load_reference
from kg.resolve import resolve

FIRST = DATA_DIR / "documents" / "000_ee5d8307e83ed3e5.txt"
GOLD = Path(__file__).resolve().parents[2] / "shared" / "gold" / "000_ee5d8307e83ed3e5.yaml"


@pytest.fixture(scope="module")
def facts() -> Facts:
    ref = load_reference(DATA_DIR / "reference")
    return resolve(extract(ingest(FIRST), ref), ref)


def test_project_with_alias(facts: Facts) -> None:
    project = next(p for p in facts.projects if p.kind == "project")
    assert project.name == "Sicherheitskooperation Ruhr zur Bekämpfung der Clankriminalität"
    assert project.aliases == ("Zentrale Koordination zur Bekämpfung der Clankriminalität",)
    assert project.alias_spans[0].quote == project.aliases[0]
    assert project.programme == "Ruhr-Konferenz"
    assert project.field_of_action == "Gelebte Vielfalt – starker Zusammenhalt"
    assert project.lead == "Ministerium des Innern des Landes Nordrhein-Westfalen"
    assert project.partners == (
        "Bundespolizei",
        "Generalzolldirektion",
        "Stadt Dortmund",
        "Stadt Duisburg",
        "Stadt Essen",
    )
    assert project.grants_to_partners is False


def test_programme(facts: Facts) -> None:
    programme = next(p for p in facts.projects if p.kind == "programme")
    assert programme.name == "Ruhr-Konferenz"
    assert programme.announced_by == "Armin Laschet"
    assert programme.fields_of_action[2] == "Gelebte Vielfalt – starker Zusammenhalt"
    assert len(programme.fields_of_action) == 5


def test_first_document_matches_gold(facts: Facts) -> None:
    if not GOLD.is_file():
        pytest.skip("gold not beside the project")
    gold = yaml.safe_load(GOLD.read_text(encoding="utf-8"))
    assert {o.name for o in facts.organisations} == {o["name"] for o in gold["organisations"]}
    got_persons = {(p.name, p.party, p.office) for p in facts.persons}
    assert got_persons == {(p["name"], p.get("party"), p.get("office")) for p in gold["persons"]}
    assert [(a.date, set(a.signatories)) for a in facts.agreements] == [
        (str(a["date"]), set(a["signatories"])) for a in gold["agreements"]
    ]
    assert {(p.name, p.aliases, p.programme, p.lead) for p in facts.projects} == {
        (p["name"], tuple(p.get("aliases", ())), p.get("programme"), p.get("lead")) for p in gold["projects"]
    }


def test_question_name_is_no_alias_without_an_answer_naming_the_project() -> None:
    text = "Kleine Anfrage\nWie steht es um das Projekt „Alpha“?\nWie steht es um das Projekt „Beta“?\n"
    got = extract_projects(Document(id="t", path="t", text=text))
    assert sorted((p.name, p.aliases) for p in got) == [("Alpha", ()), ("Beta", ())]


def test_corridor_renovations_named_and_listed() -> None:
    text = (
        "Die Generalsanierung der Strecke Hamburg–Berlin beginnt.\n"
        "In den Korridorsanierungen werden die folgenden Maßnahmen umgesetzt.\n"
        "2026: Hagen–Wuppertal–Köln: 35 km Oberleitung, Troisdorf–\nWiesbaden: 16 km Oberleitung.\n"
    )
    found = [p.name for p in extract_projects(Document(id="t", path="t.txt", text=text))]
    assert found == [
        "Generalsanierung Hamburg–Berlin",
        "Generalsanierung Hagen–Wuppertal–Köln",
        "Generalsanierung Troisdorf–Wiesbaden",
    ]


def test_no_corridor_without_lead() -> None:
    text = "Die Länder Baden–Württemberg: keine Angabe. Sanierung der Strecke läuft."
    assert extract_projects(Document(id="t", path="t.txt", text=text)) == []
