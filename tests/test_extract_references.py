"""References: Drucksache numbers cited, with the Kleine Anfrage number where given."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.extract.references import extract_references
from kg.ingest import document_from_text, ingest
from kg.model import Reference

FIRST = Path(__file__).resolve().parents[1] / "data" / "documents" / "000_ee5d8307e83ed3e5.txt"


def _refs(text: str) -> list[Reference]:
    doc = document_from_text("t", text)
    found = extract_references(doc)
    for r in found:
        assert doc.text[r.span.start : r.span.end] == r.span.quote
    return found


def test_first_document_matches_its_gold() -> None:
    doc = ingest(FIRST)
    found = extract_references(doc)
    assert [(r.drucksache, r.kleine_anfrage, r.relation) for r in found] == [
        ("17/9990", 3926, "answers"),
        ("17/9170", None, "cites"),
        ("17/9564", 3580, "cites"),
    ]
    assert found[1].span.quote == "LT-Drs. 17/9170"


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Die Antwort auf die Kleine Anfrage 5487 (Drucksache 16/14195) offenbart", [("16/14195", 5487)]),
        ("Kleine Anfrage der Fraktion der AfD auf BT-Drs. 19/12345", [("19/12345", None)]),
        ("siehe Bundestagsdrucksache \n20/12988)?", [("20/12988", None)]),
        (
            "vgl. Bundestagsdrucksachen 18/12725 und 19/3860 sowie Drs. 17/1688",
            [("18/12725", None), ("19/3860", None), ("17/1688", None)],
        ),
        ("In der Vorlage 17/398 und im Plenarprotokoll 21/12 steht es.", []),
        ("und 48 der Großen Anfrage auf die Bundesdrucksache 20/14743, insbesondere", [("20/14743", None)]),
        (
            "im Entwurf für das Steueränderungsgesetz 2025 (Bundesratsdrucksache \n474/25).",
            [("474/25", None)],
        ),
        (
            "vgl. Bundesrat-Drucksache 119/25 und Bundesrats-Drucksache 483/22",
            [("119/25", None), ("483/22", None)],
        ),
        # A Bundesrat number is "N/YY"; "Verordnung (EU) 2018/231", "EZB/2018/2", "C-758/22" are no Drucksachen.
        ("Verordnung (EU) 2018/231, Beschluss EZB/2018/2 und Rechtssache C-758/22", []),
        ("Bundesratsdrucksache 2018/231", []),
    ],
)
def test_sentences(sentence: str, expected: list[tuple[str, int | None]]) -> None:
    assert [(r.drucksache, r.kleine_anfrage) for r in _refs(sentence)] == expected


def test_bundesrat_number_has_its_parliament() -> None:
    (ref,) = _refs("Ein Änderungsvorschlag findet sich im Entwurf (Bundesratsdrucksache 474/25).")
    assert (ref.drucksache, ref.parliament, ref.span.quote) == (
        "474/25",
        "Bundesrat",
        "Bundesratsdrucksache 474/25",
    )


def test_own_number_is_not_a_reference_but_the_answered_one_is() -> None:
    text = (
        "Deutscher Bundestag Drucksache 21/1456\n21. Wahlperiode 02.09.2025\nAntwort\nder Bundesregierung\n"
        "auf die Kleine Anfrage der Abgeordneten A und der Fraktion X\n– Drucksache 21/1219 –\nTitel\n"
        "Drucksache 21/1456 – 2 – Deutscher Bundestag – 21. Wahlperiode\nText.\n"
    )
    found = _refs(text)
    assert [(r.drucksache, r.relation, r.parliament) for r in found] == [
        ("21/1219", "answers", "Deutscher Bundestag")
    ]


def test_saarland_number_in_parentheses_is_the_answered_request() -> None:
    text = " 15. Wahlperiode Drucksache 15/1284 (15/1217)\n 12.03.2015\n\nA N T W O R T\n\nzu der\n\nAnfrage des Abgeordneten X\n"
    assert [(r.drucksache, r.relation) for r in _refs(text)] == [("15/1217", "answers")]
