"""Money: real sentences of the shared documents, with the amounts, stages and years they state."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from kg.extract.money import extract_money
from kg.ingest import document_from_text, ingest
from kg.model import Money, Project, Span

FIRST = Path(__file__).resolve().parents[1] / "data" / "documents" / "000_ee5d8307e83ed3e5.txt"
PROJECT = "Sicherheitskooperation Ruhr zur Bekämpfung der Clankriminalität"


def _money(text: str) -> list[Money]:
    doc = document_from_text("t", text)
    found = extract_money(doc)
    for m in found:
        assert doc.text[m.span.start : m.span.end] == m.span.quote
    return found


def _triples(found: list[Money]) -> list[tuple[Decimal, str, int | None]]:
    return [(m.amount, m.stage, m.year) for m in found]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Bisher wurden 141.300 € ausgezahlt.", [(Decimal(141300), "paid", None)]),
        (
            "Nach den im aktuellen Bericht 2024 veröffentlichten Daten wurden im Berichtsjahr 2024 113 km Oberleitung "
            "erneuert und dafür 109 Mio. Euro aufgewendet.",
            [(Decimal(109000000), "paid", 2024)],
        ),
        (
            "Daraus ergeben sich durchschnittliche Kosten von rund 1,04 Mio. Euro für den Ersatz eines Kilometers.",
            [(Decimal(1040000), "other", None)],
        ),
        (
            "Aus dem Kapitel 0624, Titel 811 01 wurden im Jahr 2023 123 000 Euro für ein Model Y verausgabt.",
            [(Decimal(123000), "paid", 2023)],
        ),
        (
            "Aus dem Kapitel 0512, Titel 511 11 wurden im Jahr 2022 2 000 Euro, im Jahr \n2023 6 000 Euro und im Jahr "
            "2024 4 000 Euro mit dem Zweck satellitengestützter Internetzugang verausgabt.",
            [(Decimal(2000), "paid", 2022), (Decimal(6000), "paid", 2023), (Decimal(4000), "paid", 2024)],
        ),
        ("Das Soll für das Jahr 2025 beträgt 4 500 Euro.", [(Decimal(4500), "granted", 2025)]),
        (
            "Aus dem Kapitel 0811, Titel 542 01 wurden in den Jahren 2023 und 2024\njeweils 99,96 Euro mit dem Zweck "
            "Jahresabo verausgabt.",
            [(Decimal("99.96"), "paid", 2023), (Decimal("99.96"), "paid", 2024)],
        ),
        (
            "Der Steuerschaden wird auf 38,5 Mrd. bis 40 Mrd. Euro geschätzt.",
            [(Decimal(38500000000), "estimated", None)],
        ),
        ("Die Mittel in Höhe von EUR 420.000 wurden bewilligt.", [(Decimal(420000), "granted", None)]),
        ("Es wurden 12 Tsd. € beantragt.", [(Decimal(12000), "requested", None)]),
        ("Insgesamt wurden 2.557.015,68 € verausgabt.", [(Decimal("2557015.68"), "paid", None)]),
        ("Die Kosten liegen zwischen 5 und 7 Mio. Euro.", [(Decimal(5000000), "other", None)]),
        # Not money: years, Drucksache numbers, percentages, km, counts of people.
        ("Die Drucksache 17/9990 vom 25. Juni 2020 nennt 10 Prozent, 2 066 km und 1 400 VzP.", []),
        ("Fördermittel, die durch Projektpartner beantragt werden können, sind nicht vorgesehen.", []),
    ],
)
def test_sentences(sentence: str, expected: list[tuple[Decimal, str, int | None]]) -> None:
    assert _triples(_money(sentence)) == expected


def test_range_has_lower_and_upper_amount() -> None:
    (m,) = _money("Die Kosten liegen zwischen 5 und 7 Mio. Euro.")
    assert (m.amount, m.amount_max) == (Decimal(5000000), Decimal(7000000))
    assert m.span.quote == "zwischen 5 und 7 Mio. Euro"


def test_per_year_list_gives_each_line_its_year() -> None:
    text = (
        "Die DB AG hat im Bestandsnetz in den einzelnen Jahren\n"
        "• 2021: 106 Mio. Euro in die Oberleitung investiert, davon 1 Mio. Euro\nEigenmittel;\n"
        "• 2022: 130 Mio. Euro in die Oberleitung investiert, davon 22 Mio. Euro\nEigenmittel.\n"
    )
    found = _money(text)
    assert _triples(found) == [
        (Decimal(106000000), "paid", 2021),
        (Decimal(1000000), "paid", 2021),
        (Decimal(130000000), "paid", 2022),
        (Decimal(22000000), "paid", 2022),
    ]
    assert {m.category for m in found} == {"investment"}


def test_table_under_a_money_header() -> None:
    text = (
        "Kooperationsprojekte mit AHKs\nJahr* Kooperationsprojekt \nVertragswert in \nEuro \n"
        "2022 Intra-African Desk 80.332,00 \n2023 H2 Business Desk 78.375,36 \n"
        " In Vorbereitung: DIE Solution 84.560,00 \n*Projektende\n"
    )
    found = _money(text)
    assert [(m.amount, m.stage, m.year, m.subject) for m in found] == [
        (Decimal(80332), "committed", 2022, "Intra-African Desk"),
        (Decimal("78375.36"), "committed", 2023, "H2 Business Desk"),
        (Decimal(84560), "planned", None, "DIE Solution"),
    ]


def test_first_document_matches_its_gold() -> None:
    doc = ingest(FIRST)
    project = Project(
        PROJECT,
        Span(doc.id, 0, 0, ""),
        aliases=("Zentrale Koordination zur Bekämpfung der Clankriminalität",),
    )
    found = extract_money(doc, [project])
    got = sorted((m.amount, m.stage, m.year, m.category, m.subject) for m in found)
    assert got == sorted(
        [
            (Decimal(583900), "requested", 2020, "total", PROJECT),
            (Decimal(583900), "granted", 2020, "total", PROJECT),
            (Decimal(420000), "requested", 2020, "material", PROJECT),
            (Decimal(420000), "granted", 2020, "material", PROJECT),
            (Decimal(420000), "committed", 2020, "material", PROJECT),
            (Decimal(141300), "paid", 2020, "total", PROJECT),
            (Decimal(0), "remaining", 2020, "total", PROJECT),
        ]
    )
    quotes = {(m.stage, m.amount): m.span.quote for m in found}
    assert quotes[("requested", Decimal(583900))] == "583.900 €"
    assert quotes[("granted", Decimal(583900))] == "die beantragten Mittel zugestanden worden"
    assert quotes[("committed", Decimal(420000))].startswith("Die Sachmittel für das Projekt")
    assert quotes[("remaining", Decimal(0))] == "keine Restmittel"


def test_explicit_zero_but_not_in_a_question() -> None:
    assert _triples(_money("Im Jahr 2021 wurden keine Mittel ausgezahlt.")) == [(Decimal(0), "paid", 2021)]
    assert _money("Wurden keine Mittel ausgezahlt?") == []


def test_table_with_a_row_of_years_gives_each_column_its_year() -> None:
    text = (
        "Im Übrigen wird auf die nachfolgende Tabelle verwiesen.\n"
        "Ausgaben für Öffentlichkeitsarbeit in T Euro\n2021 2022 2023\n3.227 1.371 346\n"
    )
    found = _money(text)
    assert [(m.amount, m.stage, m.year, m.subject) for m in found] == [
        (Decimal(3227000), "paid", 2021, "Ausgaben für Öffentlichkeitsarbeit"),
        (Decimal(1371000), "paid", 2022, "Ausgaben für Öffentlichkeitsarbeit"),
        (Decimal(346000), "paid", 2023, "Ausgaben für Öffentlichkeitsarbeit"),
    ]


def test_misprinted_fragment_with_a_leading_zero_is_no_amount() -> None:
    assert [
        m.amount for m in _money("mit einem Volumen von 6 744 624 07 Euro in Form eines Zuschusses")
    ] == []


def _rows(text: str) -> list[tuple[Decimal, str, int | None]]:
    return _triples(_money(text))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The stage of a list comes from its lead sentence, the year from each row label.
        (
            "Die jährlichen Ausgaben belaufen sich auf:\n– Im Haushaltsjahr 2021 4 304 564 Euro\n"
            "– Im Haushaltsjahr 2022 17 823 026 Euro\n– Im Haushaltsjahr 2023 19 983 000 Euro\n",
            [
                (Decimal(4304564), "paid", 2021),
                (Decimal(17823026), "paid", 2022),
                (Decimal(19983000), "paid", 2023),
            ],
        ),
        # A table under a lead sentence and a header: never the stage of the prose after the table.
        (
            "Folgende Bundesmittel wurden für das Ergänzende Hilfesystem bereitgestellt.\n"
            "Haushaltsjahr Höhe der Bundesmittel\n2013 12 500 000,00 Euro\n2014 12 500 000,00 Euro\n"
            "2017 0 Euro\nInsgesamt wurden seit 2013 171 475 065,00 Euro an Antragstellende\nausgezahlt.\n",
            [
                (Decimal(12500000), "granted", 2013),
                (Decimal(12500000), "granted", 2014),
                (Decimal(0), "granted", 2017),
                (Decimal(171475065), "paid", None),
            ],
        ),
        # The unit given once in the lead sentence; IST and SOLL markers after the figure.
        (
            "Die jährlichen Ausgaben belaufen sich auf (in Mrd. Euro):\n– Im Haushaltsjahr 2021 2,457* (IST)\n"
            "– Im Haushaltsjahr 2022 13,820 (IST)\n– Im Haushaltsjahr 2024 11,217 (SOLL)\n",
            [
                (Decimal(2457000000), "paid", 2021),
                (Decimal(13820000000), "paid", 2022),
                (Decimal(11217000000), "granted", 2024),
            ],
        ),
        # The unit in the line above a row of bare figures; space-grouped thousands joined per year column.
        (
            "Die Fragen werden in der nachfolgenden Tabelle beantwortet.\n2015 2016 2017\n"
            "Frage 4 \n(Euro)\n2 077,92 2 099,32 2 104,26\nFrage 5 \n(Mrd. Euro)\n5,058 5,375 5,686\n",
            [
                (Decimal("2077.92"), "other", 2015),
                (Decimal("2099.32"), "other", 2016),
                (Decimal("2104.26"), "other", 2017),
                (Decimal(5058000000), "other", 2015),
                (Decimal(5375000000), "other", 2016),
                (Decimal(5686000000), "other", 2017),
            ],
        ),
        # The unit in the row label; holdings (a stock) are "other" whatever the estimate says.
        (
            "Die geschätzte Entwicklung der Bestände kann nachfolgender Tabelle entnommen werden.\n"
            "Amerika Afrika\nMrd. \nEuro\n% Mrd. \nEuro\n%\n28.02.2025 484 28,8 % 201 12,0 %\n",
            [(Decimal(484000000000), "other", 2025), (Decimal(201000000000), "other", 2025)],
        ),
        # A column header names the stage.
        (
            "Anlage 2 zu Antwort auf Frage 7:\nArt der Unterstützung Länder Zuwendungssumme\n2025\n"
            "Humanitäres Minenräumen Afghanistan 3.617.000,00 €\nLandfreigabe durch Drohnen\n"
            "Handicap International Regional 1.040.583,00 €\n",
            [(Decimal(3617000), "granted", 2025), (Decimal(1040583), "granted", 2025)],
        ),
        # Bare numbers without any unit are no money (counts of people, followers).
        ("Kanal Follower (Stichtag: 19. Mai2025)\nInstagram 60 092\nX 79 287\nBluesky 1 847\n", []),
        (
            "Die Fragen 2 und 3 werden in der Tabelle beantwortet.\n2015 2016\nFrage 2 822 516 835 731\n"
            "Frage 3 229 010 242 722\n",
            [],
        ),
        # A percentage row under a money row is no money.
        ("Halter nach Regionen:\nAmerika Afrika\nProzent 55 % 24 %\n", []),
    ],
)
def test_table_rows(text: str, expected: list[tuple[Decimal, str, int | None]]) -> None:
    assert _rows(text) == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # One unit for every member of an enumeration.
        (
            "Werbungskosten, die jeweils oberhalb 1 000, \n1 200, 1 500 bzw. 2 000 Euro lagen",
            [Decimal(1000), Decimal(1200), Decimal(1500), Decimal(2000)],
        ),
        # Cent amounts.
        ("die Entfernungspauschale ab dem ersten Kilometer mit 38 Cent/km", [Decimal("0.38")]),
        # Years before a figure are no members of it.
        ("in den Jahren 2021 und 2022 jeweils 5.000 Euro", [Decimal(5000), Decimal(5000)]),
        # More explicit zeros.
        ("Für den Sport werden keine Bundesmittel zur Verfügung gestellt.", [Decimal(0)]),
        ("Seit 2021 haben der Bund und die Länder keine Gebühren erhoben.", [Decimal(0)]),
    ],
)
def test_amounts(sentence: str, expected: list[Decimal]) -> None:
    assert [m.amount for m in _money(sentence)] == expected


def test_cent_is_a_rate_and_zero_takes_the_clause_stage() -> None:
    (cent,) = _money("die Entfernungspauschale ab dem ersten Kilometer mit 38 Cent/km gezahlt")
    assert (cent.stage, cent.span.quote) == ("other", "38 Cent")
    (zero,) = _money("Für den Sport werden keine Bundesmittel zur Verfügung gestellt.")
    assert zero.stage == "granted"


def test_seit_year_is_no_fiscal_year() -> None:
    found = _money("für die Veranlagungszeiträume seit 2018 nach den Einkommensgruppen a) bis zu 10 000 Euro")
    assert [(m.amount, m.year) for m in found] == [(Decimal(10000), None)]


def test_repeated_list_item_is_one_figure() -> None:
    item = "a) bis zu 10 000 Euro,\nb) 10 000 bis 20 000 Euro,\n"
    text = f"5. Wie hoch ist der Anteil nach den Einkommensgruppen\n{item}differenzieren?\n" * 3
    found = _money(text)
    assert [(m.amount, m.amount_max) for m in found] == [
        (Decimal(10000), None),
        (Decimal(10000), Decimal(20000)),
    ]


def test_year_label_is_no_lower_bound() -> None:
    assert [(m.amount, m.amount_max, m.year) for m in _money("davon 2022 - 180 526,20 Euro\n")] == [
        (Decimal("180526.20"), None, 2022)
    ]


def test_row_labelled_by_a_question_takes_the_questions_stage() -> None:
    text = (
        "Deutscher Bundestag Drucksache 21/723\n21. Wahlperiode 30.06.2025\nAntwort \nder Bundesregierung \n"
        "auf die Kleine Anfrage der Abgeordneten Thomas Stephan und der Fraktion der AfD\n"
        "– Drucksache 21/479 –\nFinanzlage der berufsständischen Versorgungswerke\n"
        "1. Wie hoch ist das durchschnittliche Altersruhegeld der Versorgungswerke?\n"
        "2. Wie hoch ist die Summe der ausgezahlten Altersruhegelder der Versorgungswerke?\n"
        "Die Fragen 1 und 2 werden gemeinsam in der nachfolgenden Tabelle beantwortet.\n"
        "2015 2016\nFrage 1 \n(Euro)\n2 077,92 2 099,32\nFrage 2 \n(Mrd. Euro)\n5,058 5,375\n"
    )
    doc = document_from_text("t", text)
    assert [p.numbers for p in doc.parts if p.kind == "question"] == [(1,), (2,)]
    assert _triples(extract_money(doc)) == [
        # An average is no flow of money ("durchschnittlich"), the sum paid out is.
        (Decimal("2077.92"), "other", 2015),
        (Decimal("2099.32"), "other", 2016),
        (Decimal(5058000000), "paid", 2015),
        (Decimal(5375000000), "paid", 2016),
    ]


def test_costs_that_arose_were_paid() -> None:
    found = _money(
        "Den Versorgungswerken sind im Jahr 2023 für Personal, Verwaltung und Sachkosten Kosten in Höhe "
        "von 183,9 Mio. Euro entstanden."
    )
    assert _triples(found) == [(Decimal(183900000), "paid", 2023)]


def test_figure_alone_on_its_line_is_a_cell_even_below_a_wrapped_sentence() -> None:
    # A table row whose description cell wraps over lines and ends with a full stop.
    found = _rows(
        "Art der Unterstützung Durchführungsorganisation Länder Zuwendungssumme\n2025\n"
        "Humanitäres Minenräumen HALO Trust Sri Lanka 1.733.535,38 €\n"
        "Notfallmaßnahmen für die von der Krise betroffene Bevölkerung im\n"
        "Gazastreifen mit Schwerpunkt auf Landfreigabe und Opferhilfe.\n"
        "Handicap International Palästinensische\nGebiete\n200.000,00 €\n"
    )
    assert found == [(Decimal("1733535.38"), "granted", 2025), (Decimal(200000), "granted", 2025)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Das Land hat dafür acht Millionen Euro bereitgestellt.",
            [(Decimal(8000000), "granted", None)],
        ),
        ("Insgesamt wurden knapp elf Millionen Euro ausgezahlt.", [(Decimal(11000000), "paid", None)]),
        ("Der Fonds soll mit vier Mrd. Euro ausgestattet werden.", [(Decimal(4000000000), "other", None)]),
        # A number word without a scale is no amount ("zehn Euro" is too rare to risk).
        ("Es wurden zehn Anträge gestellt, je Antrag rund 500 Euro.", [(Decimal(500), "other", None)]),
    ],
)
def test_amounts_in_number_words(sentence: str, expected: list[tuple[Decimal, str, int | None]]) -> None:
    assert _triples(_money(sentence)) == expected


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        (
            "Laut Presseberichten soll die Stiftung Preußische Schlösser und Gärten für die Verlängerung ihres "
            "Masterplans 400 Millionen Euro vom Bund und von den Ländern Brandenburg und Berlin erhalten.",
            "planned",
        ),
        ("Das Gesamtfördervolumen solle rund 150 Millionen Euro betragen.", "planned"),
        ("Bis 2030 sollen 2 Mrd. Euro investiert werden.", "planned"),
        # A modal verb with no verb of money is no plan ("Wer sollen wir sein?" in a title).
        ("Werkstatt „Wer sollen wir sein?“ Mitarbeitende 13.590,00 €", "other"),
    ],
)
def test_modal_soll_with_a_verb_of_money_is_planned(sentence: str, stage: str) -> None:
    assert [m.stage for m in _money(sentence)] == [stage]


def test_funds_that_stood_available_were_granted() -> None:
    found = _money("Im vergangenen Jahr 2018 stünden knapp elf Millionen Euro zur Verfügung.")
    assert _triples(found) == [(Decimal(11000000), "granted", 2018)]


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        ("Gesamtausgaben: 19 043,43 Euro; Haushaltsstelle: 0611 542 01", "paid"),
        ("Im Jahr 2023 sind Kosten in Höhe von 12.000 Euro angefallen.", "paid"),
        (
            "Im Förderschwerpunkt wurden neun Praxisprojekte mit einem Gesamtfördervolumen von rund "
            "5 Mio. Euro gefördert.",
            "granted",
        ),
        ("Die Studie wird seit dem Jahr 2022 mit 1,9 Mio. Euro finanziert.", "granted"),
        (
            "Im Bundesprogramm standen in den Jahren 2023 Fördermittel in Höhe von 37 Mio. Euro bereit.",
            "granted",
        ),
        (
            "Dafür standen dem Institut in den Jahren 2021 bis 2025 jährlich zwischen 750 000 und "
            "800 000 Euro zur Verfügung.",
            "granted",
        ),
        # A forecast stays a forecast whatever the money is for.
        ("Die Bundespolizei erwartet Mehrausgaben bei Titel 527 01 in Höhe von 3 500 000 Euro.", "estimated"),
    ],
)
def test_stage_words_of_spending_funding_and_forecasts(sentence: str, stage: str) -> None:
    assert {m.stage for m in _money(sentence)} == {stage}


def test_one_unit_in_the_header_joins_space_grouped_thousands() -> None:
    found = _rows(
        "In dem Zeitraum wurden folgende Beträge ausgezahlt.\n"
        "Jahr Ausgezahlte Härteleistungen (in Euro)\n2022 428 400\n2023 365 700\n2024 3 007 000\n"
    )
    assert found == [
        (Decimal(428400), "paid", 2022),
        (Decimal(365700), "paid", 2023),
        (Decimal(3007000), "paid", 2024),
    ]


def test_column_years_spread_over_header_lines_and_wrapped_row_labels() -> None:
    # A PDF table whose header cells each take two lines ("Ist 2021" / "(in Euro)"), the last column
    # "bis einschl. <date>", a caption numbered "Anlage 1 zu Frage 3", and a row label wrapped over lines.
    found = _rows(
        "Anlage 1 zu Frage 3 \n"
        "Höhe der Zuwendungen, die die Stiftungen aus den Haushaltstiteln 0601 685 12, 0601 894 12,\n"
        "in der 20. Legislaturperiode jeweils erhielten (Ist-Werte nach Jahren und Zuwendungsempfängern) \n"
        "Haushaltstitel Zuwendungsempfänger Ist 2021 \n(in Euro)  \nIst 2022 \n(in Euro)  \n"
        "Mittelabfluss Ist \nbis einschl. 25.03.2025 \n"
        "0601 685 12 Friedrich-Ebert-Stiftung e.V. 39.355.000 41.322.000 17.864.901 \n"
        "0601 685 12 Friedrich-Naumann-Stiftung \nfür die Freiheit e.V. \n15.577.000 16.354.000 0 \n"
    )
    assert found == [
        (Decimal(39355000), "paid", 2021),
        (Decimal(41322000), "paid", 2022),
        (Decimal(17864901), "paid", 2025),
        (Decimal(15577000), "paid", 2021),
        (Decimal(16354000), "paid", 2022),
        (Decimal(0), "paid", 2025),
    ]


def test_attribute_after_a_figure_belongs_to_the_next_figure() -> None:
    found = _money(
        "Das Bundesobligo beträgt insgesamt derzeit rund 1,6 Mrd. Euro mit einem geschätzten "
        "Ausfallrisiko von derzeit ca. 150 Mio. Euro."
    )
    assert [(m.amount, m.stage) for m in found] == [
        (Decimal(1600000000), "other"),
        (Decimal(150000000), "estimated"),
    ]


@pytest.mark.parametrize(
    ("sentence", "years"),
    [
        (
            "Am 27. Juni 2025 hat die Kommission eine Erhöhung auf 13,90 Euro zum 1. Januar 2026 und "
            "14,60 Euro zum 1. Januar 2027 beschlossen.",
            [2026, 2027],
        ),
        ("Die Anpassung auf 13,90 Euro im Jahr 2026 und auf 14,60 Euro im Jahr 2027.", [2026, 2027]),
        ("Eine Erhöhung zum 1. Januar 2026 auf 13,90 Euro wurde beschlossen.", [2026]),
    ],
)
def test_year_a_figure_takes_effect(sentence: str, years: list[int]) -> None:
    assert [m.year for m in _money(sentence)] == years


def test_a_table_answering_a_question_takes_the_stage_the_question_asks_about() -> None:
    text = (
        "Deutscher Bundestag Drucksache 21/723\n21. Wahlperiode 30.06.2025\nAntwort \nder Bundesregierung \n"
        "auf die Kleine Anfrage der Abgeordneten Thomas Stephan und der Fraktion der AfD\n"
        "– Drucksache 21/479 –\nFördermittel für Vereine\n"
        "1. In welcher Höhe wurden Fördermittel für das Jahr 2024 beantragt (bitte nach Ländern auflisten)?\n"
        "Die Frage wird in der folgenden Tabelle beantwortet.\n"
        "Land Betrag (in Euro)\nBayern 120.000\nBerlin 95.500\n"
    )
    doc = document_from_text("t", text)
    assert [(m.amount, m.stage) for m in extract_money(doc)] == [
        (Decimal(120000), "requested"),
        (Decimal(95500), "requested"),
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A digit glued to letters is a name's ("M2"), not the figure's first group.
        ("Für den Bustyp M2 120 000 Euro je Fahrzeug.", [(Decimal(120000), "other", None)]),
        # Funds drawn ("angefordert") are no request for money.
        (
            "Bewilligt wurden 5 Mio. Euro. Bewilligte Fördermittel können letztmals am 15. Oktober 2028 "
            "angefordert werden.",
            [(Decimal(5000000), "granted", None)],
        ),
    ],
)
def test_figures_glued_to_names_and_funds_drawn(
    sentence: str, expected: list[tuple[Decimal, str, int | None]]
) -> None:
    assert _triples(_money(sentence)) == expected


def test_a_year_after_a_row_label_is_part_of_the_label() -> None:
    found = _rows(
        "Die Förderungen können nachfolgender Tabelle entnommen werden:\nProjekt Fördersumme in Euro\n"
        "Global Solutions Summit 2021 99.987,00\nGlobal Solutions Summit 2022 99.987,00\n"
    )
    assert [(a, s) for a, s, _y in found] == [(Decimal(99987), "granted"), (Decimal(99987), "granted")]


def test_recipient_list_in_thousands_of_euro() -> None:
    found = _rows(
        "Anlage – Antwort zu Frage 7\nEmpfänger Förderung in TEuro \nACCESS e.V. Aachen 1.263   \n"
        "Bundesanstalt für Gewässerkunde (BfG) Koblenz 438   \nAMSAT Deutschland e.V. Bochum 83   \n"
    )
    assert found == [
        (Decimal(1263000), "granted", None),
        (Decimal(438000), "granted", None),
        (Decimal(83000), "granted", None),
    ]


def test_a_long_label_between_rows_of_a_list_is_a_row_too() -> None:
    found = _rows(
        "Empfänger Förderung in TEuro \nACCESS e.V. Aachen 1.263   \n"
        "Hochschule Mittweida University of Applied Sciences Mittweida 859 \n"
        "AMSAT Deutschland e.V. Bochum 83   \n"
    )
    assert [a for a, _s, _y in found] == [Decimal(1263000), Decimal(859000), Decimal(83000)]


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        ("Der Regierungsentwurf für das Jahr 2025 sieht 25 Mio. Euro vor.", "planned"),
        ("Die Bundesregierung plant dafür Mittel in Höhe von 278 Mio. Euro ein.", "planned"),
        ("Das Land stellt dafür 3 Mio. Euro bereit.", "granted"),
        # The verb's particle is looked ahead for: the stage words between stay visible.
        ("Der Entwurf sieht für den Titel einen Ansatz in Höhe von 22 078 000 Euro vor.", "granted"),
    ],
)
def test_separable_verbs(sentence: str, stage: str) -> None:
    assert [m.stage for m in _money(sentence)] == [stage]


def test_an_average_of_requested_sums_is_requested_and_a_caption_starts_afresh() -> None:
    # The sentence before the table ends at a line end; the caption after it starts with a small letter.
    found = _money(
        "Die Daten umfassen alle gestellten Anträge, die abgelehnt als auch bewilligt worden sein können.\n"
        "im Durchschnitt beantragtes Volumen\nBundesland/Jahr Überbrückungshilfen\n"
        "Baden-Württemberg 43 106,66 Euro\n"
    )
    assert [(m.amount, m.stage) for m in found] == [(Decimal("43106.66"), "requested")]


def test_a_cost_per_kilometre_is_a_rate() -> None:
    found = _money("Daraus ergeben sich Kosten von rund 1,04 Mio. Euro für den Ersatz eines Kilometers.")
    assert [m.stage for m in found] == ["other"]


def test_a_kind_of_spending_yields_to_the_verb_of_the_sentence() -> None:
    found = _money(
        "Der Haushalt umfasse 192 Mio. Euro, davon seien 69 Mio. Euro durch sächliche Verwaltungsausgaben "
        "(davon 37,6 Mio. Euro für Mieten) gebunden."
    )
    assert [(m.amount, m.stage) for m in found if m.amount != 192000000] == [
        (Decimal(69000000), "committed"),
        (Decimal(37600000), "committed"),
    ]


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        ("Danach zahlte der Bund im Jahr 2022 insgesamt 8,7 Mrd. Euro.", "paid"),
        ("Im Jahr 2022 betrugen die Beitragszahlungen 6,8 Mrd. Euro.", "paid"),
        ("Das Budget der Stelle stieg auf 14 145 000 Euro im Jahr 2024.", "granted"),
        ("Das BAMF hat den Ländern insgesamt 339 132,24 Euro erstattet.", "paid"),
        # A refunded tax is no spending ("erstatteter" describes the tax).
        ("380 Fälle mit einem Volumen erstatteter Kapitalertragsteuer von rund 3,8 Mrd. Euro.", "other"),
        ("Bisher wurden Mittel in Höhe von 39,593 Mio. Euro abgerufen.", "paid"),
        # "abgerufen am" dates a web source, it says nothing of the money.
        (
            "Das Statistische Bundesamt misst ein Defizit von 24,8 Mrd. Euro (www.destatis.de, abgerufen am "
            "28. Mai 2025).",
            "other",
        ),
        ("Für die Jahre 2021 bis 2026 stellen Bund und EU insgesamt 4 Mrd. Euro zur Verfügung.", "granted"),
        (
            "Danach können bis zum Jahr 2030 Beihilfen in Höhe von insgesamt 35 Mio. Euro gewährt werden.",
            "granted",
        ),
        (
            "Ergänzend soll die Rückzahlung des Darlehens von 1 Mrd. Euro erst im Jahr 2033 erfolgen.",
            "planned",
        ),
        # What applicants pay back is no grant, though the aid was granted.
        (
            "In rund 30 Prozent der Fälle müssen Antragsteller eine Rückforderung leisten, weil die gewährte "
            "Hilfe den Anspruch übersteigt (durchschnittlich 10 286 Euro).",
            "other",
        ),
    ],
)
def test_payments_budgets_and_refunds(sentence: str, stage: str) -> None:
    assert [m.stage for m in _money(sentence)] == [stage]


def test_each_money_column_takes_its_own_header_word() -> None:
    found = _rows(
        "Die Fragen 3 und 4 werden gemeinsam beantwortet.\n"
        "Jahr Bewilligte Mittel Abgerufene Mittel Anzahl Anträge\n"
        "2019 10 Mio. Euro 5,9 Mio. Euro 1\n2020 30 Mio. Euro 7,747 Mio. Euro 27\n"
    )
    assert [(a, s) for a, s, _y in found] == [
        (Decimal(10000000), "granted"),
        (Decimal(5900000), "paid"),
        (Decimal(30000000), "granted"),
        (Decimal(7747000), "paid"),
    ]


def test_a_table_under_money_heads_gives_each_column_its_own_stage() -> None:
    # Annex tables of a Bundestag answer (21/989): "Jahr der Förderung" heads a year column, the
    # compound "Bundesförderung" and "Abgerufene Mittel" head the two money columns.
    found = _money(
        "Name des Bundesprogramms: Nationale Klimaschutzinitiative (NKI)\n"
        "Jahr der Bundesförderung Abgerufene Mittel Projektstatus\n"
        "Kommune Maßnahme Trägerschaft des Schwimmbads\n"
        "Förderung in Euro in Euro\n"
        "2015 Bückeburg Sanierung / Austausch RLT-Anlagen 32.275 32.275 Bückeburger Bäder GmbH beendet\n"
        "2016 Göttingen Sanierung Hallenbeleuchtung 70.569 61.000 Landkreis Göttingen laufend\n"
    )
    assert _triples(found) == [
        (Decimal(32275), "granted", 2015),
        (Decimal(32275), "paid", 2015),
        (Decimal(70569), "granted", 2016),
        (Decimal(61000), "paid", 2016),
    ]


@pytest.mark.parametrize(
    ("sentence", "quote", "stage"),
    [
        ("Dementsprechend sind dort keine Mehrkosten entstanden.", "keine Mehrkosten", "paid"),
        # A separable verb: "wendet ... auf" is money spent.
        (
            "Die Bundesregierung wendet direkt keine Mittel zur Förderung bzw.\nUnterstützung raumfahrtbezogener "
            "Forschungseinrichtungen im\nAusland auf.",
            "keine Mittel",
            "paid",
        ),
        # "gegenfinanziert" (covered from elsewhere) in a relative clause grants nothing.
        (
            "Im Haushaltsjahr 2024 sind keine Mehrausgaben bei Titel 518 02 entstanden, die durch eine "
            "Verstärkung aus anderen Ausgabebereichen gegenfinanziert wurden.",
            "keine Mehrausgaben",
            "paid",
        ),
    ],
)
def test_zero_amounts_of_extra_costs_and_spending(sentence: str, quote: str, stage: str) -> None:
    assert [(m.amount, m.span.quote, m.stage) for m in _money(sentence)] == [(Decimal(0), quote, stage)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Compound money nouns, one adjective, and the noun's own stage where the sentence has none.
        ("Es wurden keine Rechtsanwaltskosten geltend gemacht.", [(Decimal(0), "keine Rechtsanwaltskosten")]),
        (
            "Das BMLEH hat keine entsprechenden Ausgleichszahlungen vorgenommen.",
            [(Decimal(0), "keine entsprechenden Ausgleichszahlungen", "paid")],
        ),
        (
            "Die Initiative „Made for Germany“ erhält keine finanzielle Unterstützung seitens der Bundesregierung.",
            [(Decimal(0), "keine finanzielle Unterstützung", "granted")],
        ),
        (
            "Im Vorverfahren werden keine Fördervolumina beantragt.",
            [(Decimal(0), "keine Fördervolumina", "requested")],
        ),
        # A word that merely starts like a money noun is none.
        ("Es erfolgte keine Kostenermittlung.", []),
    ],
)
def test_zero_of_compound_money_nouns(sentence: str, expected: list[tuple]) -> None:
    found = _money(sentence)
    assert [
        (m.amount, m.span.quote, m.stage)[: len(e)] for m, e in zip(found, expected, strict=False)
    ] == expected
    assert len(found) == len(expected)


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        # Costs stated in the past tense are money spent ("lagen", "beliefen sich", "fielen ... an").
        ("Die Gesamtkosten lagen im Jahr 2023 bei 1 028 109 Euro.", "paid"),
        ("Dafür fielen Kosten von unter 1 000 Euro an.", "paid"),
        # ... but not an average, and not in a question.
        (
            "Im Jahr 2024 lag der durchschnittliche Zahlungsanspruch für Unterkunftskosten bei 411 Euro.",
            "other",
        ),
        # A bounty per animal killed is a rate, whoever pays it.
        (
            "In Bayern (100 Euro in ASP-Grenzgebieten) werden Abschussprämien pro erlegtem Stück Schwarzwild "
            "gezahlt.",
            "other",
        ),
    ],
)
def test_costs_in_the_past_and_rates_per_piece(sentence: str, stage: str) -> None:
    assert [m.stage for m in _money(sentence)] == [stage]


def test_thresholds_of_costs_in_a_question_are_not_spent() -> None:
    found = _money(
        "Wie hoch war der Anteil der Arbeitnehmer, deren Werbungskosten oberhalb 1 000 Euro lagen?"
    )
    assert [m.stage for m in found] != ["paid"]


def test_a_list_joined_by_commas_shares_its_unit() -> None:
    found = _money(
        "Wie viel sparen Rentner bei 1 000, 1 500, 3 000 Euro monatlichen Altersbezügen und einem "
        "Zuverdienst von 750, 1 250 bzw. 2 000 Euro im Jahr?"
    )
    assert [m.amount for m in found] == [Decimal(a) for a in (1000, 1500, 3000, 750, 1250, 2000)]
    # Small plain numbers before a grouped amount are no members ("Fragen 3, 4").
    assert [m.amount for m in _money("Es gab 3, 4, 1.500 Euro.")] == [Decimal(1500)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Kosten für anwaltliche Vertretung seien nicht entstanden (s. o.).", [(Decimal(0), "paid")]),
        ("Kosten fielen mithin dafür nicht an.", [(Decimal(0), "paid")]),
        # What a heading leaves out, in brackets, is no zero.
        ("Finanzieller Aufwand (reine Schaltkosten, keine Agenturhonorare und keine Kreationskosten)", []),
        (
            "Die von der vorigen Bundesregierung versprochenen 50 Mio. Euro müssen fließen.",
            [(Decimal(50000000), "granted")],
        ),
        (
            "Er geht davon aus, dass knapp 420 Mio. Euro investiert werden müssten, um es auszustatten.",
            [(Decimal(420000000), "estimated")],
        ),
        (
            "Die Ausgaben fallen bis zu einer Grenze von 1 Prozent des BIP – also etwa 44 Mrd. Euro – unter die "
            "Schuldenbremse.",
            [(Decimal(44000000000), "other")],
        ),
    ],
)
def test_costs_that_did_not_arise_promises_needs_and_limits(sentence: str, expected: list) -> None:
    assert [(m.amount, m.stage) for m in _money(sentence)] == expected


def test_a_question_repeating_a_stated_figure_is_that_figure() -> None:
    found = _money(
        "Dafür sind Kosten aus Verträgen in Höhe von 213 454,95 Euro entstanden.\n"
        " 2. Welche Leistungen wurden im ersten Quartal 2025 in Höhe von 213 454,95 Euro erbracht?\n"
    )
    assert [(m.amount, m.stage) for m in found] == [(Decimal("213454.95"), "paid")]


def test_money_for_a_programme_is_a_grant_and_for_a_project_its_total() -> None:
    text = (
        "Für das Aktionsprogramm Alpha stehen im Jahr 2025 Mittel in Höhe von 30 Mio. Euro zur Verfügung. "
        "Für das Projekt Beta wurden im Jahr 2025 Mittel in Höhe von 2 Mio. Euro bewilligt."
    )
    doc = document_from_text("t", text)
    programme = Project("Aktionsprogramm Alpha", Span(doc.id, 0, 0, ""), kind="programme")
    project = Project("Projekt Beta", Span(doc.id, 0, 0, ""), aliases=("Beta",))
    found = extract_money(doc, [programme, project])
    assert [(m.amount, m.subject, m.category) for m in found] == [
        (Decimal(30000000), "Aktionsprogramm Alpha", "grant"),
        (Decimal(2000000), "Projekt Beta", "total"),
    ]


def test_count_columns_beside_money_columns_in_spaced_thousands() -> None:
    # Bundestag 21/1790: "Anzahl geförderter Wohnheimplätze" and the grants in Euro, per Land and year.
    found = _money(
        "Land Anzahl\ngeförderter\nWohnheimplätze Gewährte Zuschüsse in Euro Anzahl\ngeförderter\n"
        "Wohnheimplätze Gewährte Zuschüsse in Euro\n"
        "Bayern 915 69 699 100,00 2 371 162 619 029,00\n"
        "Hamburg 425 102 026 415,58 216 50 962 300,17\n"
        "Bremen 0 0,00 0 0,00\n"
    )
    assert [m.amount for m in found] == [
        Decimal("69699100.00"),
        Decimal("162619029.00"),
        Decimal("102026415.58"),
        Decimal("50962300.17"),
        Decimal(0),
        Decimal(0),
    ]


def test_money_that_shall_be_raised_is_planned() -> None:
    found = _money(
        "Nach dem Regierungsentwurf sollen die Bundesmittel schrittweise erhöht werden: im Jahr 2026 auf "
        "4 Mrd. Euro, im Jahr 2027 auf 5 Mrd. Euro."
    )
    assert _triples(found) == [(Decimal(4000000000), "planned", 2026), (Decimal(5000000000), "planned", 2027)]


def test_a_calculated_cost_is_an_estimate_and_the_final_one_spent() -> None:
    found = _money(
        "Die Gesamtkosten für den Neubau wurden ursprünglich mit 720,28 Mio. Euro kalkuliert. Letztendlich "
        "betrugen die Gesamtkosten samt Umzug 1.088,29 Mio. Euro."
    )
    assert [(m.amount, m.stage) for m in found] == [
        (Decimal("720280000"), "estimated"),
        (Decimal("1088290000"), "paid"),
    ]


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        # A need is an estimate; an intention "zur Verfügung zu stellen" is planned.
        (
            "Nach Auswertung der Bundesnetzagentur ergibt sich für die geplanten Kapazitätserweiterungen ein "
            "Investitionsbedarf in Höhe von ca. 110 Mrd. Euro bis 2033.",
            "estimated",
        ),
        (
            "Daher plant die Bundesregierung, von 2026 bis 2029 insgesamt 3,76 Mrd. Euro zusätzlich für den "
            "Ausbau zur Verfügung zu stellen.",
            "planned",
        ),
    ],
)
def test_needs_and_intentions(sentence: str, stage: str) -> None:
    assert [m.stage for m in _money(sentence)] == [stage]
