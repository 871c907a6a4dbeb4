"""Ingest: readers, encodings, the clean view's offset map, header facts and parts."""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.errors import KgError
from kg.ingest import clean_text, clean_view, document_from_text, ingest
from kg.ingest.header import post_to_ministry, split_agreement

REPO = Path(__file__).resolve().parents[1]
FIRST = REPO / "data" / "documents" / "000_ee5d8307e83ed3e5.txt"


def _pdf_bytes(lines: list[str]) -> bytes:
    """A minimal valid one-page PDF showing `lines` in Helvetica (xref offsets computed)."""
    content = "BT /F1 12 Tf 72 720 Td 14 TL " + " ".join(f"({ln}) Tj T*" for ln in lines) + " ET"
    objects = [
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        "/Resources << /Font << /F1 5 0 R >> >> >>",
        f"<< /Length {len(content)} >>\nstream\n{content}\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, obj in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{i} 0 obj\n{obj}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    for off in offsets:
        out += f"{off:010d} 00000 n \n".encode()
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return bytes(out)


def test_utf8_with_bom_is_read_without_the_mark(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_bytes(b"\xef\xbb\xbfAntwort der Landesregierung")
    assert ingest(p).text == "Antwort der Landesregierung"


def test_cp1252_fallback_is_recorded(tmp_path: Path) -> None:
    p = tmp_path / "b.txt"
    p.write_bytes("Straßenbahn für 583.900 €".encode("cp1252"))
    doc = ingest(p)
    assert doc.text == "Straßenbahn für 583.900 €"
    assert doc.source["_ingest"]["encoding"] == "cp1252"


@pytest.mark.parametrize(
    ("data", "message"), [(b"", "empty document"), (b"\x00\x01\x02binary", "binary file")]
)
def test_empty_and_binary_files_are_errors_naming_the_file(tmp_path: Path, data: bytes, message: str) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(data)
    with pytest.raises(KgError) as e:
        ingest(p)
    assert message in str(e.value)
    assert e.value.path == str(p)


def test_missing_and_unsupported_files(tmp_path: Path) -> None:
    with pytest.raises(KgError, match="no such file"):
        ingest(tmp_path / "nope.txt")
    p = tmp_path / "x.docx"
    p.write_bytes(b"PK")
    with pytest.raises(KgError, match="unsupported file type"):
        ingest(p)


def test_pdf_text_is_the_text_as_shipped(tmp_path: Path) -> None:
    p = tmp_path / "d.pdf"
    p.write_bytes(
        _pdf_bytes(["Deutscher Bundestag Drucksache 21/1456", "Bisher wurden 141.300 EUR ausgezahlt."])
    )
    doc = ingest(p)
    assert "Drucksache 21/1456" in doc.text
    assert doc.info.parliament == "Deutscher Bundestag"
    assert doc.info.drucksache == "21/1456"


def test_broken_pdf_is_an_error(tmp_path: Path) -> None:
    p = tmp_path / "e.pdf"
    p.write_bytes(b"%PDF-1.4\nnot really a pdf")
    with pytest.raises(KgError):
        ingest(p)


def test_source_yaml_is_read_and_bad_yaml_reported(tmp_path: Path) -> None:
    p = tmp_path / "f.txt"
    p.write_text("Antwort", encoding="utf-8")
    (tmp_path / "f.source.yaml").write_text("parliament: Deutscher Bundestag\nperiod: 21\n", encoding="utf-8")
    assert ingest(p).source == {"parliament": "Deutscher Bundestag", "period": 21}
    (tmp_path / "f.source.yaml").write_text("a: [1,\n", encoding="utf-8")
    with pytest.raises(KgError) as e:
        ingest(p)
    assert e.value.path.endswith("f.source.yaml")


def test_clean_view_joins_hyphenation_across_page_furniture() -> None:
    raw = (
        "Die Netzzustands-\n"
        "Die Antwort wurde namens der Bundesregierung mit Schreiben des Bundesministeriums für Verkehr\n"
        "vom 2. September 2025 übermittelt.\n"
        "Die Drucksache enthält zusätzlich – in kleinerer Schrifttype – den Fragetext.\n"
        "noten und andere Kennzahlen der Industrie-\nund Handelskammern im Ruhr-\nGebiet."
    )
    c = clean_text(raw)
    assert (
        c.text
        == "Die Netzzustandsnoten und andere Kennzahlen der Industrie- und Handelskammern im Ruhr-Gebiet."
    )
    i = c.text.index("Netzzustandsnoten")
    s, e = c.span_to_original(i, i + len("Netzzustandsnoten"))
    assert raw[s:e].startswith("Netzzustands-\nDie Antwort") and raw[s:e].endswith("noten")
    assert len(c.furniture) == 2


def test_clean_view_maps_every_character_back() -> None:
    raw = "Es  sind\u00a0für das\tJahr 2020 keine Rest\u00admittel „vorgesehen”.\n\n- 3 -\n\nEnde"
    c = clean_text(raw)
    assert c.text == "Es sind für das Jahr 2020 keine Restmittel „vorgesehen“. Ende"
    for i, ch in enumerate(c.text):
        assert raw[c.to_original(i)] == ch or ch in " “"
    s, e = c.span_to_original(c.text.index("keine"), c.text.index("keine") + len("keine Restmittel"))
    assert raw[s:e] == "keine Rest\u00admittel"


def test_offset_map_matches_a_character_by_character_walk() -> None:
    # Every kind of change at once: furniture, a run at the start, hyphenation kept and joined, a lone
    # soft hyphen, a zero-width space, a line ending in spaces, tabs and a run at the end.
    raw = (
        "\n  Die Netzzustands- \n- 2 -\nnoten der Ruhr-\nKonferenz und Industrie-\nund Handels\u00adkammern \n"
        "sind\u200b im\tJahr 2020 \u00ad\n gestiegen.  \n\n"
    )
    c = clean_text(raw)
    assert c.text == (
        "Die Netzzustandsnoten der Ruhr-Konferenz und Industrie- und Handelskammern sind im Jahr 2020 gestiegen."
    )
    # Walk the view: each character comes from the next original one it can stand for (a space from the
    # first character of its run, which may be an invisible one).
    o = 0
    for i, ch in enumerate(c.text):
        while not (raw[o] == ch or (ch == " " and (raw[o].isspace() or raw[o] in "\u00ad\u200b"))):
            o += 1
        assert c.omap[i] == o, (i, ch)
        assert c.to_clean(o) == i
        o += 1
    assert list(c.omap) == [c.omap[i] for i in range(len(c.text))]
    assert c.omap[::5] == tuple(c.omap)[::5]
    assert c.to_original(len(c.text)) == c.omap[-1] + 1
    s, e = c.span_to_original(c.text.index("Netzzustandsnoten"), c.text.index(" der Ruhr"))
    assert raw[s:e] == "Netzzustands- \n- 2 -\nnoten"


def test_saarland_and_nrw_furniture_is_dropped() -> None:
    raw = (
        "Zählungen zugrunde.\n\nDrucksache 15/1284 (15/1217) Landtag des Saarlandes - 15. Wahlperiode -\n\n- 2 -\n\n"
        "Im Streckenabschnitt das Konzept der Ruhr-\n\nDatum des Originals: 18.08.2020/Ausgegeben: 24.08.2020\n\nKonferenz vor"
    )
    assert (
        clean_text(raw).text == "Zählungen zugrunde. Im Streckenabschnitt das Konzept der Ruhr-Konferenz vor"
    )


def test_clean_view_is_cached() -> None:
    doc = document_from_text("x", "Ein  Text")
    assert clean_view(doc) is clean_view(doc)


def test_header_of_the_first_document() -> None:
    doc = ingest(FIRST)
    i = doc.info
    assert (i.kind, i.parliament, i.period, i.drucksache) == (
        "Antwort",
        "Landtag Nordrhein-Westfalen",
        17,
        None,
    )
    assert (i.date, i.issued) == ("2020-08-18", "2020-08-24")
    assert (
        i.title
        == "Ruhrkonferenz – Sachstand des Projektes „Zentrale Koordination zur Bekämpfung der Clankriminalität“"
    )
    assert i.answers is not None
    assert (i.answers.number, i.answers.drucksache, i.answers.date) == (3926, "17/9990", "2020-06-25")
    assert i.answered_by_post == "Minister des Innern"
    assert i.answered_by == "Ministerium des Innern"
    assert i.in_agreement_with == (
        "Ministerium für Kinder, Familie, Flüchtlinge und Integration",
        "Ministerium für Heimat, Kommunales, Bau und Gleichstellung",
    )
    assert i.government == "Landesregierung Nordrhein-Westfalen"
    for sp in i.spans:
        assert doc.text[sp.start : sp.end] == sp.quote


def test_parts_of_the_first_document() -> None:
    doc = ingest(FIRST)
    kinds = [(p.kind, p.numbers) for p in doc.parts]
    assert kinds[:3] == [("header", ()), ("preliminary_questioners", ()), ("preliminary_government", ())]
    assert [n for k, n in kinds if k == "question"] == [(1,), (2,), (3,), (4,), (5,)]
    assert kinds[-1] == ("answer", (1, 2, 3, 4, 5))
    answer = doc.parts[-1]
    assert answer.span.quote.startswith("Die Fragen 1 bis 5 werden")


BUNDESTAG_HEAD = """Deutscher Bundestag Drucksache 21/1456
21. Wahlperiode 02.09.2025
Antwort
der Bundesregierung
auf die Kleine Anfrage der Abgeordneten Matthias Gastel, Tarek Al-Wazir, Victoria
Broßart, weiterer Abgeordneter und der Fraktion BÜNDNIS 90/DIE GRÜNEN
– Drucksache 21/1219 –
Zustand und Sanierungsbedarf der Oberleitungen im deutschen Bahnnetz
V o r b e m e r k u n g  d e r  F r a g e s t e l l e r
Im Netzzustandsbericht 2022 spricht die DB InfraGO AG von einer Herausforderung.
 1. Wie entwickelte sich die Netzzustandsnote des Anlagentyps
Oberleitungen zwischen 2021 und 2024 (bitte für jedes Jahr angeben)?
 8. Wie entwickelten sich der Wiederbeschaffungswert?
Die Fragen 1 und 8 werden gemeinsam beantwortet.
Die Netzzustands-
Die Antwort wurde namens der Bundesregierung mit Schreiben des Bundesministeriums für Verkehr
vom 2. September 2025 übermittelt.
noten sind öffentlich.
 2. Wie entwickelte sich die Länge von Oberleitungen (bitte für jedes Jahr angeben)?
2021: 12 179 km,
2022: 10 664 km.
"""


def test_bundestag_header_own_number_and_answered_number() -> None:
    doc = document_from_text("bt", BUNDESTAG_HEAD)
    i = doc.info
    assert (i.kind, i.parliament, i.period, i.drucksache, i.date) == (
        "Antwort",
        "Deutscher Bundestag",
        21,
        "21/1456",
        "2025-09-02",
    )
    assert i.answers is not None and i.answers.drucksache == "21/1219" and i.answers.number is None
    assert i.title == "Zustand und Sanierungsbedarf der Oberleitungen im deutschen Bahnnetz"
    assert i.answered_by == "Bundesministerium für Verkehr"
    parts = [(p.kind, p.numbers) for p in doc.parts]
    assert ("answer", (1, 8)) in parts
    assert ("question", (2,)) in parts and ("answer", (2,)) in parts


def test_saarland_header_numbers_in_parentheses() -> None:
    raw = (
        "LANDTAG DES SAARLANDES\n\n 15. Wahlperiode Drucksache 15/1284 (15/1217)\n 12.03.2015\n\n\n"
        "A N T W O R T\n\n\nzu der\n\n\nAnfrage des Abgeordneten Michael Neyses (B90/Grüne)\n\n\n"
        "betr.: Situation des Schienenpersonennahverkehrs (SPNV) im Saarland nach\n\ndem Fahrplanwechsel 2014\n\n\n\n"
        "Vorbemerkung des Fragestellers:\n\nText.\n\nAusgegeben: 12.03.2015 (15.01.2015)\n\n"
        "Vorbemerkung der Landesregierung:\n\nMehr Text.\n\nZu Frage 2:\n\nAntworttext.\n"
    )
    i = document_from_text("sl", raw).info
    assert (i.parliament, i.period, i.drucksache, i.issued) == (
        "Landtag des Saarlandes",
        15,
        "15/1284",
        "2015-03-12",
    )
    assert i.answers is not None and (i.answers.drucksache, i.answers.date) == ("15/1217", "2015-01-15")
    assert (
        i.title
        == "Situation des Schienenpersonennahverkehrs (SPNV) im Saarland nach dem Fahrplanwechsel 2014"
    )
    assert i.answered_by == "Landesregierung des Saarlandes"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "dem Minister für Kinder, Familie, Flüchtlinge und Integration und der Ministerin für Heimat, "
            "Kommunales, Bau und Gleichstellung",
            [
                "Minister für Kinder, Familie, Flüchtlinge und Integration",
                "Ministerin für Heimat, Kommunales, Bau und Gleichstellung",
            ],
        ),
        (
            "dem Minister für Kinder, Familie, Flüchtlinge und Integration, dem Minister der Finanzen und mit dem "
            "Minister für Arbeit, Gesundheit und Soziales",
            [
                "Minister für Kinder, Familie, Flüchtlinge und Integration",
                "Minister der Finanzen",
                "Minister für Arbeit, Gesundheit und Soziales",
            ],
        ),
        (
            "der Ministerpräsidentin sowie allen übrigen Mitgliedern der Landesregierung",
            ["Ministerpräsidentin", "übrigen Mitgliedern der Landesregierung"],
        ),
    ],
)
def test_in_agreement_with_splits_at_posts_not_at_commas(text: str, expected: list[str]) -> None:
    assert split_agreement(text) == expected


@pytest.mark.parametrize(
    ("post", "ministry"),
    [
        ("Minister des Innern", "Ministerium des Innern"),
        (
            "Ministerin für Heimat, Kommunales, Bau und Gleichstellung",
            "Ministerium für Heimat, Kommunales, Bau und Gleichstellung",
        ),
        ("Finanzminister", "Finanzministerium"),
    ],
)
def test_post_to_ministry(post: str, ministry: str) -> None:
    assert post_to_ministry(post) == ministry


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            "Landtag von Baden-Württemberg 17. Wahlperiode Drucksache 17/1234\n12.03.2023\nKleine Anfrage\n"
            "des Abg. Hans Muster AfD\nund\nAntwort\ndes Ministeriums für Verkehr\nRadwege im Land\nKleine Anfrage\n",
            ("Landtag von Baden-Württemberg", "17/1234", "Ministerium für Verkehr", "Radwege im Land"),
        ),
        (
            "Bayerischer Landtag 19. Wahlperiode Drucksache 19/55\n\nSchriftliche Anfrage\ndes Abgeordneten X AfD\n"
            "vom 01.02.2024\n\nBrücken in Bayern\n\nAntwort\ndes Staatsministeriums für Wohnen, Bau und Verkehr\n",
            (
                "Bayerischer Landtag",
                "19/55",
                "Staatsministerium für Wohnen, Bau und Verkehr",
                "Brücken in Bayern",
            ),
        ),
    ],
)
def test_headers_of_other_landtage(raw: str, expected: tuple[str, str, str, str]) -> None:
    i = document_from_text("x", raw).info
    assert (i.parliament, i.drucksache, i.answered_by, i.title) == expected


def test_wrapped_pdf_title_ends_at_the_line_without_a_trailing_space() -> None:
    raw = (
        "Deutscher Bundestag Drucksache 21/136\n21. Wahlperiode 13.05.2025\nKleine Anfrage\n"
        "der Abgeordneten Enrico Komning, Leif-Erik Holm und der Fraktion der AfD\n"
        "Islamisten in Deutschland zum Ende des Jahres 2024 \n(Stichtag: 31. Dezember 2024)\n"
        "Im Rahmen der deutschen Außenwirtschaftsförderung (AWF) sollen staatliche \nMittel fließen.\n"
    )
    assert (
        document_from_text("x", raw).info.title
        == "Islamisten in Deutschland zum Ende des Jahres 2024 (Stichtag: 31. Dezember 2024)"
    )


def test_capitals_hyphenated_at_a_line_end_join_only_when_the_document_writes_them_joined() -> None:
    raw = (
        "Die Insolvenz der ELEMENT Insurance AG ist beantragt. Die Frage betrifft die Insolvenz der ELE-\n"
        "MENT Insurance AG. Im Land BADEN-\nWÜRTTEMBERG (Baden-Württemberg) gilt das EU-\nETS und die Bund-\n"
        "Länder-Vereinbarung."
    )
    text = clean_text(raw).text
    assert "Insolvenz der ELEMENT Insurance AG." in text
    assert "BADEN-WÜRTTEMBERG" in text and "EU-ETS" in text and "Bund-Länder-Vereinbarung" in text


# The first pages of other Landtage's answers, with their line breaks as printed.
_BW_COMBINED = """Landtag von Baden-Württemberg                 Drucksache 16 / 1554
16. Wahlperiode                                 01. 02. 2017

Kleine Anfrage
des Abg. Dr. Friedrich Bullinger FDP/DVP

und

Antwort

des Ministeriums für Ländlichen Raum und Verbraucherschutz

Ausgestaltung des Entwicklungsprogramms Ländlicher Raum (ELR)

K l e i n e  A n f r a g e

Ich frage die Landesregierung:
1. Wie viele Mittel aus dem Entwicklungsprogramm Ländlicher Raum haben die Kreise erhalten?

26. 01. 2017

Dr. Bullinger FDP/DVP

A n t w o r t

Mit Schreiben vom 27. Februar 2017 Nr. Z(45)-0141.5/110F beantwortet das Ministerium für Ländlichen
Raum und Verbraucherschutz (MLR) im Einvernehmen mit dem Ministerium für Wirtschaft, Arbeit und
Wohnungsbau die Kleine Anfrage wie folgt:
"""
_RP_COMBINED = (
    "Drucksache 16/371 27. 09. 2011 K l e i n e A n f r a g e des Abgeordneten Marcus Klein (CDU) und "
    "A n t w o r t des Ministeriums der Finanzen Förderanträge aus dem Bereich des Landkreises Kaiserslautern "
    "Die Kleine Anfrage 245 vom 1. September 2011 hat folgenden Wortlaut: Ich frage die Landesregierung: "
    "1. Für welche Vorhaben liegen der Landesregierung Förderanträge vor? Das Ministerium der Finanzen hat die "
    "Kleine Anfrage namens der Landesregierung mit Schreiben vom 26. September 2011 wie folgt beantwortet: "
    "Die Antworten ergeben sich aus der Übersicht. Druck: Landtag Rheinland-Pfalz, 6. Oktober 2011 "
    "LANDTAG RHEINLAND-PFALZ 16. Wahlperiode"
)
_TH_QUOTED = (
    "19.10.2016 Drucksache 6/2838Thüringer LandTag 6. Wahlperiode Druck: Thüringer Landtag, 15. November 2016 "
    "Finanzlage und Zahlung von Landeszuweisungen an den Saale-Holzland-Kreis - Teil II Die Kleine Anfrage "
    "1297 - korrigierte Fassung - vom 27. Juli 2016 hat folgenden Wortlaut: Im Zuge der Berichterstattung ..."
)
_BB_MINISTER = """Landtag Brandenburg                                                     Drucksache 6/3187
6. Wahlperiode

Antwort
der Landesregierung
auf die Kleine Anfrage 1277
der Abgeordneten Klara Geywitz
der SPD-Fraktion
Drucksache 6/3011

Masterplan - Stiftung Preußische Schlösser und Gärten

Wortlaut der Kleinen Anfrage 1277 vom 17.11.2015:
Ich frage die Landesregierung:
1. Wie hoch ist der Anteil, den das Land Brandenburg übernimmt?

Namens der Landesregierung beantwortet der Chef der Staatskanzlei die Kleine Anfrage wie folgt:
"""


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (
            _BW_COMBINED,
            (
                "16/1554",
                "2017-02-27",
                None,
                (None, "16/1554", "2017-01-26"),
                "Ministerium für Ländlichen Raum und Verbraucherschutz",
            ),
        ),
        (
            _RP_COMBINED,
            ("16/371", "2011-09-26", "2011-10-06", (245, None, "2011-09-01"), "Ministerium der Finanzen"),
        ),
        (_TH_QUOTED, ("6/2838", "2016-10-19", "2016-11-15", (1297, None, "2016-07-27"), None)),
        (_BB_MINISTER, ("6/3187", None, None, (1277, "6/3011", "2015-11-17"), "Staatskanzlei")),
    ],
)
def test_answers_of_other_landtage_that_print_the_question(raw: str, expected: tuple) -> None:
    info = document_from_text("x", raw).info
    a = info.answers
    assert info.kind == "Antwort"
    assert (
        info.drucksache,
        info.date,
        info.issued,
        a and (a.number, a.drucksache, a.date),
        info.answered_by,
    ) == (expected)


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        # Bayern: "Schriftliche Anfrage ... Antwort\ndes Staatsministeriums ..." in one Drucksache.
        (
            "Bayerischer Landtag 19. Wahlperiode Drucksache 19/1234\n15.03.2024\n\nSchriftliche Anfrage\n"
            "des Abgeordneten Florian von Brunn SPD\nvom 10.01.2024\n\nFörderung von Schwimmbädern\n\n"
            "Antwort\ndes Staatsministeriums des Innern, für Sport und Integration\nvom 14.02.2024\n",
            ("Antwort", "19/1234", "Staatsministerium des Innern, für Sport und Integration"),
        ),
        # Niedersachsen: "... mit Antwort der Landesregierung", the answering ministry by its adjective.
        (
            "Niedersächsischer Landtag – 19. Wahlperiode Drucksache 19/3456\n\nKleine Anfrage zur schriftlichen "
            "Beantwortung gemäß § 46 Abs. 1 GO LT\nmit Antwort der Landesregierung\n\nAnfrage der Abgeordneten "
            "Jens Nacke (CDU)\n\nAntwort des Niedersächsischen Ministeriums für Wirtschaft, Verkehr, Bauen und "
            "Digitalisierung namens der Landesregierung\n\nRadwegebau an Landesstraßen\n",
            (
                "Antwort",
                "19/3456",
                "Niedersächsisches Ministerium für Wirtschaft, Verkehr, Bauen und Digitalisierung",
            ),
        ),
        # Berlin: the number's thousands grouped, "und Antwort vom ...".
        (
            "Drucksache 19 / 17 890\nSchriftliche Anfrage\n19. Wahlperiode\n\nSchriftliche Anfrage\nder "
            "Abgeordneten Niklas Schrader (LINKE)\nvom 05. Februar 2024\nzum Thema:\nKosten der Polizeieinsätze\n"
            "und Antwort vom 20. Februar 2024\n",
            ("Antwort", "19/17890", None),
        ),
    ],
)
def test_question_and_answer_in_one_drucksache_of_other_landtage(raw: str, expected: tuple) -> None:
    info = document_from_text("x", raw).info
    assert (info.kind, info.drucksache, info.answered_by) == expected


def test_a_kleine_anfrage_citing_an_earlier_answer_stays_a_kleine_anfrage() -> None:
    raw = (
        "Deutscher Bundestag Drucksache 21/999\n21. Wahlperiode 01.07.2025\nKleine Anfrage\nder Abgeordneten "
        "Anna Muster und der Fraktion der AfD\n\nThema\n\nVorbemerkung der Fragesteller\nWie aus der\n"
        "Antwort der Bundesregierung auf Drucksache 21/500 hervorgeht, ...\n"
    )
    assert document_from_text("x", raw).info.kind == "KleineAnfrage"
