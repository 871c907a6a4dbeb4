"""Organisation extraction: gazetteer hits, inflection, header ministries, patterns, exclusions; spans over real documents."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from kg.config import DATA_DIR
from kg.extract._orgs import Literals, literal_word_matches, word_matches
from kg.extract.agreements import extract_agreements
from kg.extract.organisations import extract_organisations
from kg.extract.persons import extract_persons
from kg.extract.projects import extract_projects
from kg.ingest import ingest
from kg.model import Document
from kg.reference import ReferenceData, load_reference

SHARED = Path(__file__).resolve().parents[2] / "shared"


@pytest.fixture(scope="module")
def ref() -> ReferenceData:
    return load_reference(DATA_DIR / "reference")


def _doc(text: str, parliament: str = "Landtag Nordrhein-Westfalen") -> Document:
    return Document(id="t", path="t.txt", text=text, source={"parliament": parliament})


def names(text: str, ref: ReferenceData, parliament: str = "Landtag Nordrhein-Westfalen") -> list[str]:
    return [o.name for o in extract_organisations(_doc(text, parliament), ref)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Das Projekt wird durch die Bundespolizei unterstützt.", ["Bundespolizei"]),
        ("Die Kosten der BPol und der GZD", ["Bundespolizei", "Generalzolldirektion"]),
        (
            "wird durch das Ministerium des Innern des Landes Nordrhein-Westfalen durchgeführt",
            ["Ministerium des Innern des Landes Nordrhein-Westfalen"],
        ),
        (
            "Mitarbeiter des Ministeriums des Innern",
            ["Ministerium des Innern des Landes Nordrhein-Westfalen"],
        ),
        (
            "Partner (Kommunen Dortmund, Duisburg und Essen)",
            ["Stadt Dortmund", "Stadt Duisburg", "Stadt Essen"],
        ),
        ("Die Stadt Dinslaken setzt ein Zeichen.", ["Stadt Dinslaken"]),
        ("Dazu hat die Landesregierung beschlossen", ["Landesregierung Nordrhein-Westfalen"]),
        ("hat das Kabinett am 5. November 2019 beschlossen", ["Kabinett des Landes Nordrhein-Westfalen"]),
        ("Der Vorstellung beim Initiativkreis Ruhr in Essen", ["Initiativkreis Ruhr"]),
    ],
)
def test_nrw_sentences(text: str, expected: list[str], ref: ReferenceData) -> None:
    assert names(text, ref) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Investitionen der Deutschen Bahn AG", ["Deutsche Bahn AG"]),
        ("im Bereich der damaligen Deutschen Reichsbahn", ["Deutsche Reichsbahn"]),
        (
            "das Bundesministerium für\nVerkehr (BMV) bislang",
            ["Bundesministerium für Verkehr", "Bundesministerium für Verkehr"],
        ),
        ("an die Tesla Engineering Germany GmbH insgesamt", ["Tesla Engineering Germany GmbH"]),
        ("an die Firma X Corp. verausgabt", ["X Corp."]),
        ("der Fraktion der AfD", ["AfD"]),
        (
            "dem Haushaltsausschuss des Deutschen Bundestages",
            ["Haushaltsausschuss des Deutschen Bundestages"],
        ),
        (
            "beim Bundesamt für Seeschifffahrt und Hydrographie",
            ["Bundesamt für Seeschifffahrt und Hydrographie"],
        ),
    ],
)
def test_bund_sentences(text: str, expected: list[str], ref: ReferenceData) -> None:
    assert names(text, ref, "Deutscher Bundestag") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Länder und die Kommunen sowie Unternehmen",
        "Die Schließung des letzten Steinkohlebergwerkes in Bottrop und in Essen",
        "Gesamtherstellung: H. Heenemann GmbH & Co. KG, Buch- und Offsetdruckerei, Berlin\n"
        "Vertrieb: Bundesanzeiger Verlag GmbH, Postfach 10 05 34, 50445 Köln",
        "Mit dem Fahrplanwechsel startete im Saarland ein neues Angebot.",
    ],
)
def test_not_organisations(text: str, ref: ReferenceData) -> None:
    assert names(text, ref) == []


def test_header_ministries_named_by_their_minister(ref: ReferenceData) -> None:
    text = (
        "Der Minister des Innern hat die Kleine Anfrage 3926 mit Schreiben vom 18. August 2020 namens der "
        "Landesregierung im Einvernehmen mit dem Minister für Kinder, Familie, Flüchtlinge und Integration und "
        "der Ministerin für Heimat, Kommunales, Bau und Gleichstellung beantwortet."
    )
    assert names(text, ref) == [
        "Ministerium des Innern des Landes Nordrhein-Westfalen",
        "Landesregierung Nordrhein-Westfalen",
        "Ministerium für Kinder, Familie, Flüchtlinge und Integration des Landes Nordrhein-Westfalen",
        "Ministerium für Heimat, Kommunales, Bau und Gleichstellung des Landes Nordrhein-Westfalen",
    ]


def test_records_carry_reference_id_and_surface(ref: ReferenceData) -> None:
    (org,) = extract_organisations(_doc("Kosten der Generalzolldirektion"), ref)
    assert (org.ref, org.kind, org.surface) == ("generalzolldirektion", "agency", "Generalzolldirektion")


def _all_documents() -> list[Path]:
    paths = sorted((DATA_DIR / "documents").glob("*.txt"))
    if (SHARED / "documents").is_dir():
        paths += sorted((SHARED / "documents").glob("*.txt"))
    return paths


@pytest.mark.parametrize("path", _all_documents(), ids=lambda p: p.stem)
def test_spans_quote_the_text(path: Path, ref: ReferenceData) -> None:
    doc = ingest(path)
    orgs = extract_organisations(doc, ref)
    persons = extract_persons(doc, ref)
    projects = extract_projects(doc, orgs)
    agreements = extract_agreements(doc, orgs, projects)
    spans = [r.span for r in (*orgs, *persons, *projects, *agreements)]
    spans += [s for p in projects for s in p.alias_spans]
    for s in spans:
        assert s.quote == doc.text[s.start : s.end]
        assert s.doc == doc.id


BT = "Deutscher Bundestag"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Legal-form names extend over genitive and "für"/"und" joins of head nouns (held-out 21/1951).
        (
            "Träger ist die Diakonie Deutschland Evangelisches Werk für Diakonie und Entwicklung e.V. in Berlin.",
            ["Diakonie Deutschland Evangelisches Werk für Diakonie und Entwicklung e.V."],
        ),
        (
            "Gefördert wird das Bildungswerk der Thüringer Wirtschaft e. V. seit Jahren.",
            ["Bildungswerk der Thüringer Wirtschaft e. V."],
        ),
        # An inner adjective belongs to the name; the apposition before it does not (21/723).
        (
            "vom Dachverband der Versorgungswerke, der \nArbeitsgemeinschaft berufsständischer "
            "Versorgungseinrichtungen e. V. (ABV), \nzur Verfügung gestellt",
            ["Arbeitsgemeinschaft berufsständischer Versorgungseinrichtungen e. V."],
        ),
        (
            "oder die Insolvenz der Versicherung ELEMENT Insurance AG \n(www.focus.de)",
            ["ELEMENT Insurance AG"],
        ),
        # A legal-form name does not run back over a known body and a genitive.
        (
            "Die Entscheidung der Bundesnetzagentur der DB InfraGo AG gegenüber wurde bestätigt.",
            ["Bundesnetzagentur", "DB InfraGO AG"],
        ),
        # A budget title before the name in a table row is no part of it.
        (
            "Haushaltstitel Zuwendungsempfänger\n0601 685 12 Beispiel-Stiftung e.V. 39.355.000 41.322.000\n",
            ["Beispiel-Stiftung e.V."],
        ),
        # Federal and EU bodies from the reference data, inflected.
        (
            "Daten der Deutschen Bundesbank und der Europäischen Zentralbank",
            ["Deutsche Bundesbank", "Europäische Zentralbank"],
        ),
        ("Der Bundesrechnungshof (BRH) prüft.", ["Bundesrechnungshof", "Bundesrechnungshof"]),
        # A ministry's name cut short by the text resolves to the one ministry it begins.
        (
            "Im Bundesministerium für wirtschaftliche Zusammenarbeit bestand die",
            ["Bundesministerium für wirtschaftliche Zusammenarbeit und Entwicklung"],
        ),
    ],
)
def test_federal_names_and_legal_forms(text: str, expected: list[str], ref: ReferenceData) -> None:
    assert [n for n in names(text, ref, BT) if n != "Deutscher Bundestag"] == expected


def test_english_names_by_recurrence(ref: ReferenceData) -> None:
    text = (
        "Räumung in betroffenen Gemeinden\nDanish Refugee Council Südsudan 550.000,00 €\n"
        "Hilfe für Menschen mit Behinderungen Danish Refugee Council Syrien 200.000,00 €\n"
        "Nordwesten Kambodschas HALO Trust Kambodscha 1.000,00 €\n"
    )
    found = names(text, ref, BT)
    assert found == ["Danish Refugee Council", "Danish Refugee Council", "HALO Trust"]


@pytest.mark.parametrize(
    "text",
    [
        # A place noun before an English name is no municipality ("Gemeinde Danish", held-out 21/990).
        "in betroffenen Gemeinden\nDanish Refugee Council",
        # A cited legal act names no actor.
        "im Supplement zum Amtsblatt der Europäischen Union vom 31. Juli 2010",
        "nach der Verordnung (EU) 2018/231 vom 26. Januar 2018",
        # An English name seen once with a German word before it stays unknown.
        "Humanitäres Minenräumen Handicap International",
    ],
)
def test_no_organisation_federal(text: str, ref: ReferenceData) -> None:
    assert [n for n in names(text, ref, BT) if n not in ("Deutscher Bundestag",)] == []


@pytest.mark.parametrize(
    ("text", "parliament", "expected"),
    [
        (
            "Beiträge aus dem Ministerium der Finanzen, aus dem Ministerium für Ländliche Entwicklung, Umwelt und "
            "Landwirtschaft, aus dem Ministerium für Bildung, Jugend und Sport.",
            "Landtag Brandenburg",
            [
                "Ministerium der Finanzen des Landes Brandenburg",
                "Ministerium für Ländliche Entwicklung, Umwelt und Landwirtschaft des Landes Brandenburg",
                "Ministerium für Bildung, Jugend und Sport des Landes Brandenburg",
            ],
        ),
        (
            "beantwortet das Ministerium für Ländlichen Raum und Verbraucherschutz (MLR) im Einvernehmen",
            "Landtag von Baden-Württemberg",
            ["Ministerium für Ländlichen Raum und Verbraucherschutz Baden-Württemberg"],
        ),
        # A ministry's subject noun does not take the next sentence's first word.
        (
            "Antwort des Ministeriums der Finanzen Die Kleine Anfrage",
            "Landtag Rheinland-Pfalz",
            ["Ministerium der Finanzen Rheinland-Pfalz"],
        ),
        (
            "hat das Ministerium für Heimat, Kommunales, Bau und Gleichstellung des Landes Nordrhein- Westfalen das "
            "Landesförderprogramm",
            "Landtag Nordrhein-Westfalen",
            ["Ministerium für Heimat, Kommunales, Bau und Gleichstellung des Landes Nordrhein-Westfalen"],
        ),
        (
            "Namens der Landesregierung beantwortet der Chef der Staatskanzlei die Kleine Anfrage wie folgt:",
            "Landtag Brandenburg",
            ["Landesregierung Brandenburg", "Staatskanzlei des Landes Brandenburg"],
        ),
        (
            "Namens der Landesregierung beantwortet die Ministerin für Wissenschaft, Forschung und Kultur die "
            "Kleine Anfrage wie folgt:",
            "Landtag Brandenburg",
            [
                "Landesregierung Brandenburg",
                "Ministerium für Wissenschaft, Forschung und Kultur des Landes Brandenburg",
            ],
        ),
        (
            "Drucksache 6/3011 Masterplan - Stiftung Preußische Schlösser und Gärten Wortlaut der Kleinen Anfrage",
            "Landtag Brandenburg",
            ["Stiftung Preußische Schlösser und Gärten"],
        ),
        (
            "sowohl in den Gremien der Stiftung als auch zwischen den Zuwendungsgebern",
            "Landtag Brandenburg",
            [],
        ),
        (
            "Haushaltssperre im Saale-Holzland-Kreis (Ostthüringer Zeitung vom 10. Juli 2016)",
            "Thüringer Landtag",
            ["Saale-Holzland-Kreis", "Ostthüringer Zeitung"],
        ),
        ('2 Radio Berg: „3,84 Millionen für Kulturhaus"', "Landtag Nordrhein-Westfalen", ["Radio Berg"]),
        ("for Wireless Energy and Radio Emission Directives", "Deutscher Bundestag", []),
        (
            "Zudem muss beispielsweise das Land NRW den Kommunen Mittel für die Erledigung",
            "Landtag Nordrhein-Westfalen",
            ["Land Nordrhein-Westfalen"],
        ),
        # A plural noun before one capitalised word: a common noun, no municipality.
        (
            "zur Entlastung der nordrhein-westfälischen Kommunen Vorbemerkung der Kleinen Anfrage",
            "Landtag Nordrhein-Westfalen",
            [],
        ),
        (
            "die Kommunen Dortmund, Duisburg und Essen",
            "Landtag Nordrhein-Westfalen",
            ["Stadt Dortmund", "Stadt Duisburg", "Stadt Essen"],
        ),
    ],
)
def test_landtag_names(text: str, parliament: str, expected: list[str], ref: ReferenceData) -> None:
    assert names(text, ref, parliament) == expected


def test_name_cut_by_the_end_of_an_excerpt(ref: ReferenceData) -> None:
    path = Path(__file__).resolve().parents[1] / "benchmarks/heldout/landtag/documents/bb-6-10596-antwort.txt"
    text = path.read_text(encoding="utf-8")
    assert text.rstrip().endswith("Ministerium für Infr")
    found = names(text, ref, "Landtag Brandenburg")
    assert "Ministerium für Arbeit, Soziales, Gesundheit, Frauen und Familie des Landes Brandenburg" in found
    assert not [n for n in found if "Infr" in n]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Innerhalb der Gruppe Kapitalmarkt der Sondereinheit beschäftigt sich das Referat St I B 4 damit. "
            "Die Gruppe Kapitalmarkt verfügt über 254 Planstellen.",
            ["Gruppe Kapitalmarkt", "Referat St I B 4", "Gruppe Kapitalmarkt"],
        ),
        ("Hat die Sondereinheit zu Cum/Ex beim Bundeszentralamt", ["Sondereinheit zu Cum/Ex"]),
        (
            "– Referat St I B 2: Zentrale Bußgeld- und Strafsachenstelle (Bustra)",
            ["Referat St I B 2", "Zentrale Bußgeld- und Strafsachenstelle"],
        ),
        (
            "Sondervotum der Fraktion Die Linke im Hamburger Cum-Ex-Untersuchungsausschuss, Abschlussbericht",
            ["Die Linke", "Hamburger Cum-Ex-Untersuchungsausschuss"],
        ),
        (
            "Bericht des Cum-Ex-Untersuchungsausschusses des Deutschen Bundestages",
            ["Cum-Ex-Untersuchungsausschuss des Deutschen Bundestages"],
        ),
        ("Empfehlungen der Ständigen Impfkommission zu", ["Ständige Impfkommission"]),
        (
            "im Gemeinsamen Extremismus- und Terrorismusabwehrzentrum",
            ["Gemeinsames Extremismus- und Terrorismusabwehrzentrum"],
        ),
        (
            "Die Geschäftsstelle Fonds sexueller Missbrauch (FSM) beim BAFzA bearbeitet Anträge. "
            "Die Geschäftsstelle FSM führt viermal im Jahr Treffen durch.",
            [
                "Geschäftsstelle Fonds sexueller Missbrauch",
                "Bundesamt für Familie und zivilgesellschaftliche Aufgaben",
                "Geschäftsstelle Fonds sexueller Missbrauch",
            ],
        ),
        ("Zitiert nach RP-Online", ["RP-Online"]),
        ("einer Tochter der Ferrovie dello Stato Italiane an", ["Ferrovie dello Stato Italiane"]),
    ],
)
def test_units_committees_and_media(text: str, expected: list[str], ref: ReferenceData) -> None:
    assert names(text, ref, "Deutscher Bundestag") == expected


@pytest.mark.parametrize(
    "text",
    [
        # A unit named with its ministry is a part of the ministry, which is found by itself.
        "das Referat IVb4 des BMAS",
        "im Referat 607 „Strategische Kommunikation“ des Auswärtigen Amts",
        "Zentrale Stelle. Zentrale Beschaffungsstellen gibt es viele.",
        "eine Gruppe „Young Adult Carer“ in Schulen",
        "GENESIS-Online",
    ],
)
def test_not_units(text: str, ref: ReferenceData) -> None:
    assert [
        n for n in names(text, ref, "Deutscher Bundestag") if not n.startswith(("Bundesministerium", "Ausw"))
    ] == []


def test_literals_finds_overlapping_and_hidden_occurrences() -> None:
    lits = Literals(["Landes", "Landesregierung", "Regierung", "e.", "AG"])
    found = lits.find("Die Landesregierung und die Regierung. AG")
    assert found == {
        "AG": [39],
        "Landes": [4],
        "Landesregierung": [4],
        "Regierung": [28],
        "e.": [],
    }
    # "Stadt" inside "XStadtverwaltung" is found although the longer literal begins before it.
    assert Literals(["XStadt", "Stadtverwaltung"]).find("XStadtverwaltung") == {
        "Stadtverwaltung": [1],
        "XStadt": [0],
    }


def test_matches_at_equals_finditer_on_word_starts() -> None:
    pattern = re.compile(r"(?:Bundes)?[Mm]inisteri(?:um|ums)\s+(?:für|der|des)\s+")
    text = "Das Bundesministerium der Finanzen und das Landesministerium für X und Ministerium des Innern"
    expected = [m.span() for m in word_matches(pattern, text)]
    got = [
        m.span()
        for m in literal_word_matches(
            pattern, text, (("inisteri", 1), ("inisteri", 7)), Literals(["inisteri"]).find(text)
        )
    ]
    assert got == expected == [(4, 26), (71, 87)]


# Grant recipients, universities and research institutes: lines of the annex table of Drucksache 21/1294
# ("name city amount") and sentences of other Bundestag answers.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bergische Universität Wuppertal 243   \n", ["Bergische Universität Wuppertal"]),
        (
            "Albert-Ludwigs-Universität Freiburg Freiburg im Breisgau 1.319   \n",
            ["Albert-Ludwigs-Universität Freiburg"],
        ),
        ("Christian-Albrechts-Universität zu Kiel 7.481   \n", ["Christian-Albrechts-Universität zu Kiel"]),
        ("Eberhard Karls Universität Tübingen 4.398   \n", ["Eberhard Karls Universität Tübingen"]),
        (
            "Johann Wolfgang Goethe-Universität Frankfurt am Main  1.916   \n",
            ["Johann Wolfgang Goethe-Universität Frankfurt am Main"],
        ),
        ("Universität der Bundeswehr München Neubiberg 5.159   \n", ["Universität der Bundeswehr München"]),
        ("Universität des Saarlandes Saarbrücken 489   \n", ["Universität des Saarlandes"]),
        ("Klinikum der Universität München 247   \n", ["Klinikum der Universität München"]),
        (
            "Hochschule für Angewandte Wissenschaften Hamburg 238   \n",
            ["Hochschule für Angewandte Wissenschaften Hamburg"],
        ),
        (
            "Rheinisch-Westfälische Technische Hochschule Aachen 8.368   \n",
            ["Rheinisch-Westfälische Technische Hochschule Aachen"],
        ),
        (
            "Ernst-Abbe-Hochschule Jena University of Applied Sciences Jena 484   \n",
            ["Ernst-Abbe-Hochschule Jena University of Applied Sciences"],
        ),
        (
            "Projektpartnern wie der Sanity Group, der Humboldt-\nUniversität zu Berlin oder anderen",
            ["Humboldt-Universität zu Berlin"],
        ),
        ("Forschende der Technischen Universität München", ["Technische Universität München"]),
        # A patron's name with a particle ("von") in the compound.
        ("Otto-von-Guericke-Universität Magdeburg 3.065   \n", ["Otto-von-Guericke-Universität Magdeburg"]),
        ("dem Verbundvorhaben der Europa-Universität\nFlensburg und den", ["Europa-Universität Flensburg"]),
        (
            "Leibniz-Institut für Troposphärenforschung e.V. Leipzig 422   \n",
            ["Leibniz-Institut für Troposphärenforschung e.V."],
        ),
        ("GFZ Helmholtz-Zentrum für Geoforschung Potsdam 4.933   \n", ["Helmholtz-Zentrum für Geoforschung"]),
        (
            "eine Studie des Bernhard-Nocht-Institut für \nTropenmedizin in Hamburg",
            ["Bernhard-Nocht-Institut für Tropenmedizin"],
        ),
        (
            "Partner sind das Deutsches Zentrum für Integrations- und Migrationsforschung und andere.",
            ["Deutsches Zentrum für Integrations- und Migrationsforschung"],
        ),
    ],
)
def test_universities_and_institutes(text: str, expected: list[str], ref: ReferenceData) -> None:
    assert names(text, ref, "Deutscher Bundestag") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Die Universität hat dazu keine Angaben gemacht.",
        "an einer Hochschule Forschung betreiben",
        "Die Mittel gehen an die Universitäten und Hochschulen der Länder.",
        "die Volkshochschule Musterstadt",  # a Volkshochschule is found by its own rule, not as a Hochschule
    ],
)
def test_no_university_without_a_name(text: str, ref: ReferenceData) -> None:
    assert not any(
        "niversität" in n or n.startswith("Hochschule") for n in names(text, ref, "Deutscher Bundestag")
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the table's head ends in a unit: the first recipient starts on the next line
        ("Empfänger Förderung in TEuro \nACCESS e.V. Aachen 1.263   \n", ["ACCESS e.V."]),
        # a head noun before "für" opens the name
        ("Gesellschaft für Informatik e.V. Bonn 291   \n", ["Gesellschaft für Informatik e.V."]),
        ("Verein für Völkerverständigung Warburg e. V. ", ["Verein für Völkerverständigung Warburg e. V."]),
        # an association's name over a line break, after a dash and a quote mark
        (
            "Der vom BMBFSFJ aufgelistete Verein „BiNe – Bisexuelles Netzwerk \ne. V.“ bezeichnet es",
            [
                "Bundesministerium für Bildung, Familie, Senioren, Frauen und Jugend",
                "BiNe – Bisexuelles Netzwerk e. V.",
            ],
        ),
        (
            "– Der Lesben- und Schwulenverband Deutschland (LSVD) – Verein für \neuropäische Kooperation e. V. erklärt",
            ["Lesben- und Schwulenverband Deutschland (LSVD) – Verein für europäische Kooperation e. V."],
        ),
        (
            "Rheinisches Institut für Umweltforschung an der Universität zu Köln e.V. 3.866   \n",
            ["Rheinisches Institut für Umweltforschung an der Universität zu Köln e.V."],
        ),
        # a doubled legal form in a table cell: one name, not "X GmbH GmbH"
        ("Forschungszentrum Jülich GmbH GmbH", ["Forschungszentrum Jülich GmbH"]),
        ("Festo SE & Co. KG", ["Festo SE & Co. KG"]),
    ],
)
def test_names_with_legal_forms_in_tables(text: str, expected: list[str], ref: ReferenceData) -> None:
    assert names(text, ref, "Deutscher Bundestag") == expected


def test_a_known_name_inside_a_university_name_is_not_found() -> None:
    reference = load_reference(DATA_DIR / "reference")
    found = names("Universität der Bundeswehr München Neubiberg 5.159   \n", reference, "Deutscher Bundestag")
    assert "Bundeswehr" not in found


@pytest.mark.parametrize(
    "text",
    [
        "vgl. www.bpb.de/shop/zeitschriften/apuz/293688/wem-gehoert-der-weltraum/)?",
        "(https://www.bmi.bund.de/SharedDocs/BMI/pressemitteilungen.html)",
        "per E-Mail an poststelle@bmi.bund.de",
    ],
)
def test_nothing_inside_web_or_mail_addresses(text: str, ref: ReferenceData) -> None:
    assert names(text, ref, "Deutscher Bundestag") == []


def test_an_organisation_beside_an_address_is_found(ref: ReferenceData) -> None:
    assert names("Die bpb (www.bpb.de) informiert.", ref, "Deutscher Bundestag") == [
        "Bundeszentrale für politische Bildung"
    ]


# Precision sweep over unseen Bundestag answers: the real lines that gave false finds, beside a line that
# must still give its name.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a publication's format in a table, not a news site; a cut-off of a longer site name
        ("Jul 23 Leichte Sprache SGB III Online + Print 44.182,62 €\n", []),
        ("KI-Kompass für KMU 2024 Personalarbeit, KI Online + Print Umsetzung mit\n", []),
        ("vgl. z. B. „Legal Tribune Online“ (LTO) vom 10. März 2025\n", []),
        ("Spiegel Online, 25. Juni 2025\n", ["Spiegel Online"]),
        # a legal form after a link word is a noun ("für AG": für Arbeitgeber)
        ("Feb \n23 \nKurzübersicht für AG zum\nMindestlohn \nOnline 101,15 €\n", []),
        # one name per line of a list: a head noun opens the line
        (
            "Sozialpartner:  \nBundesvereinigung der Deutschen Arbeitgeberverbände \nZentralverband des "
            "Deutschen Handwerks \nIndustriegewerkschaft Metall \nBundesarbeitgeberverband Chemie e.V. \n",
            [
                "Bundesvereinigung der Deutschen Arbeitgeberverbände",
                "Zentralverband des Deutschen Handwerks",
                "IG Metall",
                "Bundesarbeitgeberverband Chemie e.V.",
            ],
        ),
        (
            "Gefördert wird der Bundesverband der Deutschen\nIndustrie e.V. in Berlin.",
            ["Bundesverband der Deutschen Industrie"],
        ),
        # a wrapped name stays whole: the line above holds a lowercase word or one word only
        (
            "bürgerlichen Rechts der Arbeiterwohlfahrt\nLandesverband Berlin e. V. \n",
            ["Arbeiterwohlfahrt Landesverband Berlin e. V."],
        ),
        # one abstract noun after "und" is the cut-off end of a longer name
        ("c/o KLUG - Deutsche Allianz \nKlima und \nGesundheit e.V. \nGutachten Klimawandel\n", []),
        (
            "Die Stadt Essen und Emschergenossenschaft Lippe GmbH",
            ["Stadt Essen", "Emschergenossenschaft Lippe GmbH"],
        ),
        # a sentence ends a firm's name
        (
            "Der „AI Scientist“ des japanischen Unternehmens Sakana AI. Dieses Modell veränderte ↵seinen Code.",
            ["Sakana AI"],
        ),
        # an idiom, no institution
        ("Dabei standen Sicherheitsgarantien für die Ukraine im Zentrum der Überlegungen.", []),
        (
            "Gefördert wird das Zentrum für Interdisziplinäre Suchtforschung.",
            ["Zentrum für Interdisziplinäre Suchtforschung"],
        ),
        # prose after a municipality's place
        (
            "Die Gemeinde Emskirchen im Landkreis Neustadt an der Aisch-Bad Windsheim (Bayern) und die Stadt "
            "Freiburg im Breisgau",
            ["Gemeinde Emskirchen", "Stadt Freiburg im Breisgau"],
        ),
    ],
)
def test_precision_sweep_false_finds(text: str, expected: list[str], ref: ReferenceData) -> None:
    assert [n for n in names(text, ref, "Deutscher Bundestag") if "Landkreis" not in n] == expected


def test_hyphenated_names_take_their_genitive(ref: ReferenceData) -> None:
    # A compound of capitalised words is a name like any other, not an abbreviation ("BPol").
    text = "Daten des Friedrich-Loeffler-Instituts und des Eisenbahn-Bundesamts liegen vor."
    assert names(text, ref, "Deutscher Bundestag") == ["Friedrich-Loeffler-Institut", "Eisenbahn-Bundesamt"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Bodies named by their task, the adjective before the head in the nominative.
        (
            "Die Zentralstelle zur Bekämpfung der Internetkriminalität ermittelt.",
            ["Zentralstelle zur Bekämpfung der Internetkriminalität"],
        ),
        (
            "Der Wissenschaftliche Beirat für Agrarpolitik, Ernährung und gesundheitlichen Verbraucherschutz tagt.",
            ["Wissenschaftlicher Beirat für Agrarpolitik, Ernährung und gesundheitlichen Verbraucherschutz"],
        ),
        (
            "Vertreter der Unabhängigen Kommission zur Aufarbeitung sexuellen Kindesmissbrauchs kamen.",
            ["Unabhängige Kommission zur Aufarbeitung sexuellen Kindesmissbrauchs"],
        ),
        (
            "Die Nord-Süd-Kommission zur Stärkung der bilateralen Beziehungen",
            ["Nord-Süd-Kommission zur Stärkung der bilateralen Beziehungen"],
        ),
        (
            "Die Deutsche Gesellschaft für Unfallchirurgie (DGU) und die Europäische Behörde für "
            "Lebensmittelsicherheit äußern sich.",
            ["Deutsche Gesellschaft für Unfallchirurgie", "Europäische Behörde für Lebensmittelsicherheit"],
        ),
        # "Gesellschaft für" and "Behörde für" without an adjective are common nouns.
        ("Die Gesellschaft für die Zukunft und die Behörde für Inneres.", []),
        # The European Commission's acts, a determiner, a generic task: none.
        ("der Vorschlag der Kommission zur Reform der EU-Fluggastrechteverordnung", []),
        ("Diese Kommission für Fragen der Ethik tagt.", []),
    ],
)
def test_bodies_named_by_their_task(text: str, expected: list[str], ref: ReferenceData) -> None:
    assert names(text, ref, "Deutscher Bundestag") == expected


def test_land_ministries_named_by_their_adjective(ref: ReferenceData) -> None:
    text = (
        "Das Hessische Ministerium der Finanzen, das Bayerische Staatsministerium des Innern und das Thüringer "
        "Ministerium für Bildung, Jugend und Sport äußerten sich."
    )
    assert names(text, ref, "Deutscher Bundestag") == [
        "Hessisches Ministerium der Finanzen",
        "Bayerisches Staatsministerium des Innern",
        "Thüringer Ministerium für Bildung, Jugend und Sport",
    ]


def test_international_bodies_and_associations_of_the_gazetteer(ref: ReferenceData) -> None:
    text = (
        "Die Empfehlungen der Financial Action Task Force (FATF) und der G7 sowie Angaben des WWF und der "
        "Landwirtschaftlichen Rentenbank liegen vor; die G7-Staaten äußerten sich."
    )
    assert names(text, ref, "Deutscher Bundestag") == [
        "Financial Action Task Force",
        "Financial Action Task Force",
        "G7",
        "World Wide Fund For Nature",
        "Landwirtschaftliche Rentenbank",
    ]


def test_capital_and_hanseatic_cities(ref: ReferenceData) -> None:
    text = (
        "Die Landeshauptstadt Wiesbaden, die Hansestadt Lübeck, die Bundesstadt Bonn und die Stadt Melsungen "
        "beteiligen sich.\nGemeinde Sanierung Hallenbad 1.200.000\n"
    )
    assert names(text, ref, "Deutscher Bundestag") == [
        "Landeshauptstadt Wiesbaden",
        "Hansestadt Lübeck",
        "Bundesstadt Bonn",
        "Stadt Melsungen",
    ]


def test_committees_by_their_official_names(ref: ReferenceData) -> None:
    text = (
        "Der Ausschuss für Arbeit und Soziales des Deutschen Bundestages berät; im Ständigen Ausschuss für "
        "Pflanzen, Tiere, Lebens- und Futtermittel wurde abgestimmt."
    )
    assert names(text, ref, "Deutscher Bundestag") == [
        "Ausschuss für Arbeit und Soziales",
        "Deutscher Bundestag",
        "Ständiger Ausschuss für Pflanzen, Tiere, Lebens- und Futtermittel",
    ]
