"""kg.explain: facts beside their quotes in context, and facts as deterministic JSON."""

from __future__ import annotations

import json
from decimal import Decimal

from kg.explain import explain, facts_to_json, in_context
from kg.model import AnsweredRequest, DateFact, Document, DocumentInfo, Facts, Money, Span
from kg.spans import span

TEXT = "Kleine Anfrage 3926\r\nvom 25. Juni 2020: Es wurden 583.900 € beantragt.\nEnde."
DOC = Document(id="d", path="d.txt", text=TEXT, info=DocumentInfo(kind="Antwort", period=17))


def at(quote: str) -> Span:
    start = TEXT.index(quote)
    return span(DOC, start, start + len(quote))


FACTS = Facts(
    document=DOC,
    money=(Money(Decimal("583900.00"), at("583.900 €"), stage="requested", year=2020),),
    dates=(DateFact("2020-06-25", at("25. Juni 2020"), what="Kleine Anfrage gestellt"),),
)


def test_in_context_marks_the_quote_and_shows_line_breaks_as_one_character() -> None:
    assert in_context(TEXT, at("25. Juni 2020"), 10) == "…3926␍↵vom [[25. Juni 2020]]: Es wurde…"


def test_in_context_at_the_edges_has_no_ellipsis() -> None:
    assert in_context(TEXT, at("Kleine"), 7) == "[[Kleine]] Anfrag…"
    assert in_context(TEXT, at("Ende."), 3) == "…t.↵[[Ende.]]"


def test_in_context_flags_a_quote_that_is_not_the_text() -> None:
    wrong = Span("d", 0, 6, "Große")
    assert in_context(TEXT, wrong, 0).endswith("!! quote differs: 'Große'")


def test_explain_lists_each_kind_with_offsets_and_values() -> None:
    out = explain(FACTS, context=8).splitlines()
    assert out[0] == f"# d  ({len(TEXT)} characters)  d.txt"
    assert "## money (1)" in out
    i = out.index("## money (1)")
    assert out[i + 1] == "- 583900.00  currency=EUR  stage=requested  year=2020"
    start = TEXT.index("583.900")
    assert out[i + 2] == f"    span {start}:{start + 9}  … wurden [[583.900 €]] beantra…"
    assert "- 2020-06-25  what=Kleine Anfrage gestellt" in out
    assert "## persons (0)" in out
    assert "- Antwort  period=17" in out


def test_facts_json_is_deterministic_with_decimal_as_text_and_no_document_text() -> None:
    first = facts_to_json(FACTS)
    assert first == facts_to_json(FACTS)
    data = json.loads(first)
    assert data["money"][0]["amount"] == "583900.00"
    assert data["money"][0]["span"] == {
        "doc": "d",
        "start": TEXT.index("583"),
        "end": TEXT.index("583") + 9,
        "quote": "583.900 €",
    }
    assert "text" not in data["document"]
    assert data["document"]["info"]["period"] == 17
    assert list(data)[:3] == ["document", "persons", "organisations"]


def test_explain_shows_zero_amounts_and_nested_records_with_their_spans() -> None:
    info = DocumentInfo(kind="Antwort", answers=AnsweredRequest(number=3926, span=at("Kleine Anfrage 3926")))
    doc = Document(id="d", path="d.txt", text=TEXT, info=info)
    facts = Facts(document=doc, money=(Money(Decimal("0"), at("583.900 €"), stage="remaining"),))
    out = explain(facts, context=0).splitlines()
    assert "- Antwort  answers=(3926)" in out
    assert "    answers.span 0:19  [[Kleine Anfrage 3926]]…" in out
    assert "- 0  currency=EUR  stage=remaining" in out
