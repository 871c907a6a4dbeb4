"""Organisations named in a document: gazetteer hits, header ministries, name patterns, enumerations.

One record per mention; `name` is the canonical name when the reference data knows the
organisation, else the surface brought to its nominative form ("Stadt Dinslaken").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace

from kg.extract._courts import committee_names, conference_names, court_and_mission_names
from kg.extract._orgs import (
    BUND,
    IMPRINT_WORDS,
    LANDS,
    Literals,
    at_word_start,
    body_name,
    body_of,
    document_jurisdiction,
    gazetteer,
    imprint_ranges,
    in_ranges,
    literal_word_matches,
    lookup,
    matches_at,
    ministry_by_prefix,
    normalise_ministry,
    post_to_ministry,
    word_matches,
    word_start,
)
from kg.extract._text import noun_phrase_end
from kg.model import Document, Organisation
from kg.reference import ReferenceData, RefOrganisation
from kg.spans import span

_CAP = r"[A-ZÄÖÜ][\w-]*"
_ADJ = r"[a-zäöü][a-zäöüß]+(?:e|en|er|es)"
_CITY = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*(?:\s(?:an\sder|am|im|in\sder|an)\s[A-ZÄÖÜ][a-zäöüß]+)?"
_GENITIVE_TAIL = re.compile(
    r"\s+(?:des\s+Landes|des\s+Freistaate?s|der\s+Freien(?:\s+und)?\s+Hansestadt)\s+[A-ZÄÖÜ]\w+"
    r"(?:-(?:[ \t]*\n?[ \t]*)[A-ZÄÖÜ]\w+)?|\s+des\s+Saarlandes"
)
_MINISTRY_HEAD = re.compile(r"(?:Bundes|Staats)?[Mm]inisteri(?:um|ums)\s+(?:für|der|des)\s+")
# The adjectives of the Länder before a ministry ("des Hessischen Ministeriums", "Bayerisches
# Staatsministerium", "Thüringer Ministerium").
_LAND_ADJECTIVE = re.compile(
    r"(?<![\w-])(?P<stem>Hessisch|Bayerisch|Niedersächsisch|Sächsisch|Brandenburgisch|Saarländisch"
    r"|Schleswig-Holsteinisch|Rheinland-Pfälzisch|Baden-Württembergisch|Nordrhein-Westfälisch|Hamburgisch"
    r"|Bremisch|Thüringer|Berliner)(?:e[nmrs]?)?\s+$"
)
_COMPOUND_MINISTRY = re.compile(r"((?!Bundes)[A-ZÄÖÜ][a-zäöüß]+ministeri(?:um|ums))(?![\w-])")
_WORD_START = re.compile(r"[\w-]*$")
_AGENCY_HEAD = re.compile(
    r"(?:Bundes|Landes)(?:amt|anstalt|agentur|zentralamt|zentrale|behörde|betrieb|verwaltungsamt)"
    r"(?:es|s)?\s+(?:für|der|des)\s+"
)
_MUNICIPALITY = re.compile(
    rf"(Stadt|Kreis|Landkreis|Gemeinde|Kreisstadt|Landeshauptstadt|Hansestadt|Bundesstadt)\s+({_CITY})(?![\w-])"
)
# Common nouns after "Stadt"/"Gemeinde" in table cells ("Gemeinde Sanierung"); towns end in "-ungen"
# ("Melsungen") but hardly in "-ung" or "-heit".
_NOT_A_TOWN = re.compile(r"(?:ung|heit|keit|tion|ismus)$")
_PLACE_QUALIFIER = re.compile(r"\s(?:an\sder|am|im|in\sder|an)\s(?P<noun>[A-ZÄÖÜ][a-zäöüß]+)$")
# Common nouns that follow "im"/"am" in prose after a place, never a river or a region of its name.
_NOT_PLACES = frozenset(
    {
        "Landkreis",
        "Kreis",
        "Bezirk",
        "Regierungsbezirk",
        "Land",
        "Bundesland",
        "Freistaat",
        "Rahmen",
        "Jahr",
        "Auftrag",
        "Zuge",
        "Bereich",
        "Vergleich",
        "Gebiet",
        "Standort",
        "Rand",
        "Norden",
        "Süden",
        "Osten",
        "Westen",
        "Zentrum",
        "Umland",
        "Vorjahr",
        "Monat",
        "Haushalt",
        "Namen",
        "Wege",
        "Fall",
        "Ende",
        "Sinne",
    }
)
_ENUMERATION = re.compile(
    r"(Kommunen|Städte|Städten|Stadtverwaltungen|Gemeinden|Kreise|Kreisen|Länder|Ländern|"
    r"Bundesländer|Bundesländern)\s+"
    rf"({_CITY}(?:(?:,\s*|\s+(?:und|sowie)\s+){_CITY})*)"
)
_COMPANY_SUFFIX = re.compile(
    r"(?:GmbH\s*&\s*Co\.\s*KG|gGmbH|GmbH|AG|SE|KGaA|KG|e\.\s?V\.|eG|LLC|Inc\.|Ltd\.|Limited)(?![\w-])"
)
# Words that open a sentence or a phrase before a company name, never part of it.
_NOT_NAME_START = frozenset(
    [
        "Die",
        "Der",
        "Das",
        "Den",
        "Dem",
        "Des",
        "Bei",
        "Beim",
        "Von",
        "Vom",
        "Mit",
        "Im",
        "In",
        "An",
        "Am",
        "Auf",
        "Für",
        "Auch",
        "Aus",
        "Durch",
        "Nach",
        "Zur",
        "Zum",
        "Seit",
        "Wie",
        "Firma",
        "Firmen",
        "Unternehmen",
        "Unternehmens",
        "Tochter",
        "Tochterfirma",
        "Tochterunternehmen",
        "Konzern",
        "Hersteller",
        "Herstellers",
        "Betreiber",
        "Betreibers",
        "Gesellschaft",
        "Gesellschafter",
        "Laut",
        "Gemäß",
        "Keine",
        "Kein",
        "Organisation",
        "Rechtsform",
    ]
)
_LINK_WORDS = frozenset({"für", "&"})
_HEADER_ANSWER = re.compile(
    r"(?:Der|Die)\s+(?P<title>(?:Bundes)?[Mm]inister(?:in)?(?:\s+(?:für|der|des)\s+[^*\n]+?)?"
    r"|[A-ZÄÖÜ][a-zäöüß]+minister(?:in)?|Ministerpräsident(?:in)?)"
    r"\**\s+hat\s+die\s+(?:\w+\s+)?Anfrage\b(?P<rest>.{0,600}?)\bbeantwortet",
    re.S,
)
# Brandenburg: "Namens der Landesregierung beantwortet die Ministerin für X die Kleine Anfrage wie folgt".
_HEADER_ANSWER_INVERTED = re.compile(
    r"beantwortet\s+(?:der|die)\s+(?P<title>Chef(?:in)?\s+der\s+Staatskanzlei"
    r"|(?:Bundes)?[Mm]inister(?:in)?\s+(?:für|der|des)\s+[^*\n]+?"
    r"|[A-ZÄÖÜ][a-zäöüß]+minister(?:in)?|Ministerpräsident(?:in)?)"
    r"\s+die\s+(?:\w+\s+)?Anfrage\b"
)
_AGREEMENT_LIST = re.compile(r"im\s+Einvernehmen\s+mit\s+")
_TITLE_ITEM = re.compile(
    r"(?:dem|der|den)\s+(?P<title>(?:Bundes)?[Mm]inister(?:in)?(?:\s+(?:für|der|des)\s+.+?)?"
    r"|[A-ZÄÖÜ][a-zäöüß]+minister(?:in)?)"
    r"(?=\s*(?:,\s*(?:dem|der|den|mit)\s|\s+(?:und|sowie)\s+(?:mit\s+)?(?:dem|der|den|allen)\s|\s+mit\s+dem\s|\s+beantwortet))",
    re.S,
)
_GOVERNMENT = re.compile(r"(?:Landesregierung|Staatsregierung)(?![\w-])")
_CABINET = re.compile(r"(?:Kabinett|Landeskabinett|Ministerrat)(?![\w-])")
_LAND_PARLIAMENT = re.compile(r"Landtag(?:s|es)?(?![\w-])")
_PARLIAMENT = re.compile(r"Parlament(?:s|es)?(?![\w-])")


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    name: str
    kind: str | None
    ref: str | None
    priority: int  # higher wins a tie of equal length
    # The pattern fixes where the name ends (a head word: "RP-Online", "Ostthüringer Zeitung"; a
    # parliament: "…-Untersuchungsausschuss des Deutschen Bundestages"): neither a cut text nor a known
    # name ending at the same place makes the end suspect.
    bounded: bool = False


def _from_ref(start: int, end: int, org: RefOrganisation, priority: int = 2) -> _Candidate:
    return _Candidate(start, end, org.name, org.kind, org.id, priority)


def _named(
    start: int, end: int, name: str, kind: str, reference: ReferenceData, juris: str | None, priority: int
) -> _Candidate:
    # A hyphen at a line break stays in the name: "Nordrhein- Westfalen" is "Nordrhein-Westfalen".
    name = _BROKEN_HYPHEN.sub("-", " ".join(name.split()))
    org = lookup(name, reference, juris) or ministry_by_prefix(name, reference)
    if org is not None:
        return _from_ref(start, end, org, priority)
    return _Candidate(start, end, name, kind, None, priority)


_BROKEN_HYPHEN = re.compile(r"(?<=[a-zäöüß])- (?=[A-ZÄÖÜ][a-zäöüß])")


_TAIL_ITEM = re.compile(rf"(?:{_ADJ}\s+)?{_CAP}")
# In ministry names a capitalised adjective with an adjective suffix opens an item: "Ländliche Entwicklung";
# a bare capitalised noun ("Finanzen Die …") must not take the next word.
_SUBJECT_ADJ = r"[A-ZÄÖÜ][a-zäöüß]+(?:lich|isch|ig|al|ell|iv)(?:e|en|er|es)\s+(?=[A-ZÄÖÜ])"
_TAIL_ITEM_SUBJECT = re.compile(rf"(?:{_ADJ}\s+|{_SUBJECT_ADJ})?{_CAP}")
# In institution names a capitalised adjective opens the tail: "Zentrum für Europäische Politik".
# (An article is no adjective: "…Energiesysteme, die Fördersumme"; a capitalised word ending the line
# is a noun before the next line's word: "…Energiesysteme\nForschungsvorhaben".)
_INSTITUTION_ADJ = r"[A-ZÄÖÜ][a-zäöüß]+(?:lich|isch|ig|al|ell|iv|är)(?:e|en|er|es)"
_TAIL_ITEM_CAPITAL_ADJ = re.compile(
    rf"(?:[a-zäöüß]{{3,}}(?:e|en|er|es)\s+|{_INSTITUTION_ADJ}\s+(?=[A-ZÄÖÜ])"
    rf"|[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er|es)[ \t]+(?=[A-ZÄÖÜ]))?{_CAP}"
)


_TAIL_LINK = re.compile(rf"(?:,\s*|\s+und\s+(?:für\s+)?)(?=(?:{_ADJ}\s+)?[A-ZÄÖÜ])")


def _consume_name_tail(text: str, pos: int, item: re.Pattern[str] = _TAIL_ITEM) -> int:
    """End of a name's tail like "Kinder, Familie, Flüchtlinge und Integration" starting at `pos`."""
    m = item.match(text, pos)
    if not m:
        return pos
    end = m.end()
    while True:
        lm = _TAIL_LINK.match(text, end)
        if not lm:
            break
        m = item.match(text, lm.end())
        if not m:
            break
        end = m.end()
    gm = _GENITIVE_TAIL.match(text, end)
    if gm:
        end = gm.end()
    return end


def _patterns(
    doc: Document, reference: ReferenceData, juris: str | None, occ: dict[str, list[int]]
) -> list[_Candidate]:
    text = doc.text
    out: list[_Candidate] = []
    land = LANDS.get(juris or "")
    for head in (_MINISTRY_HEAD, _AGENCY_HEAD):
        for m in _scan(head, text, occ):
            end = _consume_name_tail(text, m.end(), _TAIL_ITEM_SUBJECT)
            if end == m.end():
                continue
            name = normalise_ministry(" ".join(text[m.start() : end].split()))
            start = m.start()
            adjective = (
                _LAND_ADJECTIVE.search(text, max(0, start - 40), start) if head is _MINISTRY_HEAD else None
            )
            if adjective is not None:
                # "Das Hessische Ministerium der Finanzen": a Land's ministry named by its adjective, in the
                # nominative ("Hessisches", "Thüringer").
                stem = adjective.group("stem")
                start = adjective.start()
                name = f"{stem}{'' if stem.endswith('er') else 'es'} {name}"
            is_land_ministry = head is _MINISTRY_HEAD and name.startswith("Ministerium") and land is not None
            if (
                is_land_ministry
                and land.genitive not in name
                and not name.endswith(land.name)
                and not _GENITIVE_TAIL.search(name)
            ):
                name = f"{name} {land.ministry_suffix}"
            kind = "ministry" if head is _MINISTRY_HEAD else "agency"
            out.append(_named(start, end, name, kind, reference, juris, 0))
    if land is not None:
        for m in _compound_ministries(text, occ):
            name = f"{normalise_ministry(m.group(1))} {land.ministry_suffix}"
            out.append(_named(m.start(), m.end(), name, "ministry", reference, juris, 0))
    for m in _scan(_MUNICIPALITY, text, occ):
        place, end = m.group(2), m.end()
        if _NOT_A_TOWN.search(place.split()[0].split("-")[0]):
            continue  # "Landeshauptstadt Sanierung ...": a table's next cell, no place
        if (river := _PLACE_QUALIFIER.search(place)) is not None and (
            river.group("noun") in _NOT_PLACES or _NOUN_ENDING.search(river.group("noun"))
        ):
            # "Gemeinde Emskirchen im Landkreis …", "Stadt Essen im Rahmen …": the phrase after the
            # place is prose, not part of its name ("Frankfurt am Main", "Freiburg im Breisgau").
            place = place[: river.start()]
            end = m.start(2) + len(place)
        out.append(_named(m.start(), end, f"{m.group(1)} {place}", "municipality", reference, juris, 1))
    out.extend(_enumerations(doc, reference, juris, occ))
    out.extend(_companies(text, reference, juris, occ))
    out.extend(_institutions(text, reference, juris, occ))
    out.extend(_firms(text, reference, juris, occ))
    out.extend(_media(text, reference, juris, occ))
    out.extend(_compound_districts(text, reference, juris))
    out.extend(_units(text, reference, juris, occ))
    return out


# Newspapers and broadcasters cited as sources: "(Ostthüringer Zeitung vom …)", "Radio Berg:", "RP Online".
_PAPER_HEADS = ("Zeitung", "Rundschau", "Tagblatt", "Morgenpost", "Anzeiger")
# A place adjective before the head ("Ostthüringer", "Süddeutsche"), optionally after another one.
_PAPER_QUALIFIER = re.compile(
    r"(?<![\w-])(?:[A-ZÄÖÜ][a-zäöüß]+(?:er|e)[ \t]+)?[A-ZÄÖÜ][a-zäöüß]+(?:er|sche|Allgemeine)[ \t]+$"
)
_BROADCASTER = re.compile(
    r"(?:Radio[ \t]+[A-ZÄÖÜ][a-zäöüß]+|[A-Z][A-Za-z]{1,9}[ \t]+Online|[A-Z]{2,4}-Online)(?![\w-])"
)

# A news site is cited: punctuation, a quote mark or "vom"/"(" follows its name ("Spiegel Online, 25. Juni",
# "„… Tribune Online“ (LTO)"); "KI Online + Print 250,00 €" or "SGB XII Online und Druck" is a medium's
# format in a table of publications.
_SITE_CITED = re.compile(r"[ \t]*(?:[,;:.)“”\"'(]|\n|$|vom(?![\w-])|von(?![\w-]))")
# A capitalised word right before it on the same line makes the name longer than the match ("Legal Tribune
# Online", "SGB XII Online"): no cut-off part of it is taken.
_CAPITAL_BEFORE = re.compile(r"(?<![\w-])(?<![.!?:][ \t])(?<!^)[A-ZÄÖÜ][\w-]*[ \t]+$", re.M)


def _media(
    text: str, reference: ReferenceData, juris: str | None, occ: dict[str, list[int]]
) -> list[_Candidate]:
    """Newspapers named by a place adjective and a paper's head noun, radio stations and news sites."""
    out: list[_Candidate] = []
    for head in _PAPER_HEADS:
        for pos in occ[head]:
            end = pos + len(head)
            q = _PAPER_QUALIFIER.search(text, max(0, pos - 50), pos)
            if q is not None and at_word_start(text, pos) and (end == len(text) or not _is_word(text[end])):
                words = q.group(0).split()
                start = q.start()
                if words[0] in _NOT_NAME_START or len(words) > 1 and not words[0].endswith("e"):
                    # "Die Süddeutsche Zeitung": the article is no part of the name.
                    start = q.start() + q.group(0).index(words[-1])
                    words = words[-1:]
                if words[0] not in _NOT_NAME_START:
                    out.append(
                        replace(
                            _named(start, end, text[start:end], "other", reference, juris, 1), bounded=True
                        )
                    )
    if occ["Radio"] or occ["Online"]:
        for m in matches_at(_BROADCASTER, text, _broadcaster_starts(text, occ)):
            # "… and Radio Emission Directives": a capitalised word after it makes it part of a longer name.
            if (
                m.group(0).split()[0] not in _NOT_NAME_START
                and not _NAME_GOES_ON.match(text, m.end())
                and (m.group(0).startswith("Radio") or _SITE_CITED.match(text, m.end()))
                and not (
                    (cb := _CAPITAL_BEFORE.search(text, max(0, m.start() - 40), m.start())) is not None
                    and cb.group(0).split()[0] not in _NOT_NAME_START
                )
            ):
                out.append(
                    replace(
                        _named(m.start(), m.end(), m.group(0), "other", reference, juris, 1), bounded=True
                    )
                )
    return out


def _is_word(c: str) -> bool:
    return c.isalnum() or c in "_-"


# A Landkreis named as a compound of places: "Saale-Holzland-Kreis", "Rhein-Sieg-Kreises".
_COMPOUND_DISTRICT = re.compile(r"(?:[A-ZÄÖÜ][a-zäöüß]+-)+Kreis(?:es)?(?![\w-])")


def _compound_districts(text: str, reference: ReferenceData, juris: str | None) -> list[_Candidate]:
    """Landkreise named "X-Y-Kreis": found by the literal "-Kreis", matched from the word's start."""
    out: list[_Candidate] = []
    pos = text.find("-Kreis")
    while pos >= 0:
        m = _COMPOUND_DISTRICT.match(text, word_start(text, pos))
        if m is not None and m.end() > pos:
            name = m.group(0).removesuffix("es")
            out.append(_named(m.start(), m.end(), name, "municipality", reference, juris, 1))
        pos = text.find("-Kreis", pos + 6)
    return out


# Units of a ministry or an authority, named by a head noun and a code or a name:
# "Referat St I B 4", "Referat G11", "Sondereinheit zu Cum-Ex". ("Abteilung 4" is too often a
# column or a part of a longer name in tables.)
_UNIT_CODE = re.compile(
    r"(?P<head>Referat)(?:es|s)?[ \t]*\n?[ \t]*"
    r"(?P<code>(?:(?:[A-ZÄÖÜ][a-z]?|[IVX]+)[ \t]+){0,3}(?:[A-Z]{1,3}|[IVX]+[a-z]?)?\d{1,4}[a-z]?)(?![\w-])"
)
_SPECIAL_UNIT = re.compile(
    r"(?P<head>Sondereinheit|Sonderkommission)\s+(?P<name>(?:zu[mr]?\s+)?[A-ZÄÖÜ]\w*(?:[-/][A-ZÄÖÜ]?\w+)*)"
)
# A committee named by its subject: "Cum-Ex-Untersuchungsausschuss", "Hamburger X-Untersuchungsausschuss",
# with the parliament it belongs to when the text names it.
_INQUIRY = re.compile(
    r"(?P<base>(?:[A-ZÄÖÜ][a-zäöüß]+er\s+)?[A-ZÄÖÜ]\w*(?:-[A-ZÄÖÜ]\w*)*-Untersuchungsausschuss)(?:es|s)?(?![\w-])"
    r"(?P<parl>\s+(?:des\s+(?:Deutschen\s+)?Bundestage?s|des\s+(?:Landtage?s|Abgeordnetenhauses)(?:\s+[A-ZÄÖÜ][\w-]+)?"
    r"|der\s+[A-ZÄÖÜ][a-zäöüß]+(?:en)?\s+Bürgerschaft))?"
)
# A body named by a capitalised adjective (a proper name inside a sentence) and a compound ending in
# an administrative head noun: "Zentrale Bußgeld- und Strafsachenstelle", "Gemeinsame Geschäftsstelle".
_UNIT_ADJECTIVES = ("Zentral", "Gemeinsam", "National", "Ständig", "Unabhängig")
_UNIT_NOUNS = "stelle|zentrum|zentrale|behörde|agentur|kommission|einheit"
_ADJECTIVE_UNIT = re.compile(
    rf"(?P<adj>{'|'.join(_UNIT_ADJECTIVES)})(?:e[nrs]?)\s+"
    rf"(?P<noun>(?:[A-ZÄÖÜ][a-zäöüß]*-\s+(?:und|sowie)\s+)?[A-ZÄÖÜ][a-zäöüß]*(?:{_UNIT_NOUNS})"
    rf"|(?P<bare>{_UNIT_NOUNS.title()}))(?![\w-])"
)
# "Gruppe „Kapitalmarkt“ in der Sondereinheit": a group counts as a unit where the text places it in
# a body named by an administrative head noun.
_GROUP = re.compile(
    r"Gruppe\s+(?:„(?P<quoted>[A-ZÄÖÜ][^“”\"\n]{1,40})“|(?P<bare>[A-ZÄÖÜ][a-zäöüß]+))"
    r"(?=\s+(?:in\s+der|im|beim|bei\s+der|der|des)\s+[A-ZÄÖÜ][a-zäöüß-]*"
    r"(?:einheit|amt|amtes|amts|ministerium|ministeriums|behörde|stelle|zentrum|zentrums|direktion|abteilung)(?![\w-]))"
)


def _units(
    text: str, reference: ReferenceData, juris: str | None, occ: dict[str, list[int]]
) -> list[_Candidate]:
    """Units of ministries and authorities, inquiry committees, and bodies named by "Zentrale …" and the like.

    A unit found once is found again wherever the document repeats its name ("Die Gruppe Kapitalmarkt").
    """
    found: list[_Candidate] = []
    for m in _scan(_UNIT_CODE, text, occ):
        if _PARENT_AFTER.match(text, m.end()) or _ABBREVIATION_BEFORE.search(
            text, max(0, m.start() - 12), m.start()
        ):
            continue  # "Referat IVb4 des BMAS", "BMBF Referat 521": a part of a body named beside it
        name = f"{m.group('head')} {' '.join(m.group('code').split())}"
        found.append(_named(m.start(), m.end(), name, "other", reference, juris, 1))
    for m in _scan(_SPECIAL_UNIT, text, occ):
        if m.group("name").split()[0] in _NOT_NAME_START:
            continue
        found.append(
            _named(m.start(), m.end(), f"{m.group('head')} {m.group('name')}", "other", reference, juris, 1)
        )
    for m in matches_at(_INQUIRY, text, _inquiry_starts(text, occ)):
        name = m.group("base") + (" " + m.group("parl").strip() if m.group("parl") else "")
        found.append(replace(_named(m.start(), m.end(), name, "other", reference, juris, 1), bounded=True))
    for m in _scan(_ADJECTIVE_UNIT, text, occ):
        before = m.start()
        while before > 0 and text[before - 1].isspace():
            before -= 1
        if before == 0 or text[before - 1] in ".!?":
            continue  # a capital at a sentence's start says nothing of a name
        end = m.end()
        if (fm := _FUR.match(text, end)) is not None and (
            tail := _consume_name_tail(text, fm.end())
        ) > fm.end():
            end = tail  # "Zentrale Stelle für Informationstechnik im Sicherheitsbereich"
        elif (more := _NAME_AFTER_HEAD.match(text, end)) is not None and _name_goes_on(more, m.group("adj")):
            # "Zentrale Servicestelle Berufsanerkennung (ZSBA)", "Nationale Zentralstelle SIRENE"; not the
            # name's own abbreviation ("Nationale Kontaktstelle NKS")
            end = more.end("word") if more.group("word") else more.end("caps")
        elif m.group("bare"):
            continue  # "eine Zentrale Stelle": a name needs more than the head noun
        if text[end - 1] == "-" and (cont := _BROKEN_WORD.match(text, end)) is not None:
            end = cont.end()  # "für die OECD-\nLeitsätze"
        if (star := _GENDER_SUFFIX.match(text, end)) is not None:
            end = star.end()  # "für Migrant*innen"
        noun = m.group("noun") or m.group("bare")
        # The nominative: "dem Gemeinsamen Melde- und Lagezentrum" -> "Gemeinsames Melde- und Lagezentrum".
        adjective = m.group("adj") + ("es" if noun.lower().endswith("zentrum") else "e")
        name = re.sub(r"(?<=[A-ZÄÖÜ])-\s+(?=[A-ZÄÖÜ])", "-", f"{adjective} {noun}{text[m.end() : end]}")
        found.append(_named(m.start(), end, name, "other", reference, juris, 1))
    for m in _scan(_GROUP, text, occ):
        name = f"Gruppe {m.group('quoted') or m.group('bare')}"
        found.append(_named(m.start(), m.end(), name, "other", reference, juris, 1))
    found += _defined_units(text, reference, juris)
    return found + _repeated(text, found)


# "Geschäftsstelle Fonds sexueller Missbrauch (FSM)": a unit's head noun, then a name whose words'
# initials the abbreviation after it spells; later "Geschäftsstelle FSM" names it again.
_ABBREVIATION_DEFINED = re.compile(r"\((?P<abbr>[A-ZÄÖÜ]{2,6})\)")
_UNIT_HEAD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]*(?:stelle|zentrum|zentrale|gruppe|kommission|einheit|agentur)")
_PLAIN_WORD = re.compile(r"[\w-]+")


def _defined_units(text: str, reference: ReferenceData, juris: str | None) -> list[_Candidate]:
    out: list[_Candidate] = []
    for m in _ABBREVIATION_DEFINED.finditer(text):
        abbr = m.group("abbr")
        window = max(0, m.start() - 40 * (len(abbr) + 1))
        words = list(re.finditer(r"\S+", text[window : m.start()]))[-len(abbr) - 1 :]
        if len(words) <= len(abbr):
            continue
        head, name_words = words[0].group(0), [w.group(0) for w in words[1:]]
        if (
            not _UNIT_HEAD.fullmatch(head)
            or not name_words[0][0].isupper()
            or not all(_PLAIN_WORD.fullmatch(w) for w in name_words)
            or "".join(w[0] for w in name_words).casefold() != abbr.casefold()
        ):
            continue
        name = " ".join([head, *name_words])
        out.append(
            _named(window + words[0].start(), window + words[-1].end(), name, "other", reference, juris, 1)
        )
        for again in word_matches(re.compile(rf"{re.escape(head)}\s+{abbr}(?![\w-])"), text):
            out.append(_named(again.start(), again.end(), name, "other", reference, juris, 1))
    return out


_FUR = re.compile(r"\s+für\s+")
_NAME_AFTER_HEAD = re.compile(
    r"\s+(?:(?P<word>[A-ZÄÖÜ][a-zäöüß][\w-]*)(?=\s*\((?P<abbr>[A-ZÄÖÜ][A-Za-zÄÖÜ]{1,6})\))|(?P<caps>[A-Z]{3,})(?![\w-]))"
)


def _name_goes_on(more: re.Match[str], adjective: str) -> bool:
    """Whether the word _NAME_AFTER_HEAD found after a unit's head noun belongs to its name."""
    if more.group("abbr") is not None:
        return more.group("abbr")[0] == adjective[0]  # the abbreviation of the whole name follows it
    return more.group("caps")[0] != adjective[0]  # a code name, not the unit's own abbreviation


_BROKEN_WORD = re.compile(r"[ \t]*\n[ \t]*[A-ZÄÖÜ][\w-]*")
_GENDER_SUFFIX = re.compile(r"[*:_]in(?:nen)?(?![\w-])")
_PARENT_AFTER = re.compile(
    r"(?:\s*„[^“\n]{1,60}“|\s*\([^)\n]{1,60}\))?\s+(?:des|der|im|beim|in\s+der|bei\s+der)\s+[A-ZÄÖÜ]"
)
_ABBREVIATION_BEFORE = re.compile(r"(?<![\w-])[A-ZÄÖÜ]{2,}[ \t]+$")


def _inquiry_starts(text: str, occ: dict[str, list[int]]) -> list[int]:
    """Where _INQUIRY can match: the start of the hyphenated compound before "-Untersuchungsausschuss",
    or the "…er" adjective before that."""
    out: list[int] = []
    for pos in occ["Untersuchungsausschuss"]:
        if pos == 0 or text[pos - 1] != "-":
            continue
        start = word_start(text, pos)
        out.append(start)
        end = start
        while end > 0 and text[end - 1].isspace():
            end -= 1
        k = end
        while k > 0 and text[k - 1] in _LOWER:
            k -= 1
        if end < start and text[end - 2 : end] == "er" and end - k >= 3 and k > 0 and text[k - 1].isupper():
            out.append(k - 1)
    return out


def _repeated(text: str, units: list[_Candidate]) -> list[_Candidate]:
    """Further mentions of the unknown units' names (of two words or more) elsewhere in the text."""
    out: list[_Candidate] = []
    for name in sorted({c.name for c in units if c.ref is None and " " in c.name}):
        pattern = re.compile(r"\s+".join(re.escape(w) for w in name.split()) + r"(?![\w-])")
        for m in word_matches(pattern, text):
            out.append(_Candidate(m.start(), m.end(), name, "other", None, 1))
    return out


# A capitalised word right after a place name (not a new sentence): the "place" began a longer name.
_NAME_GOES_ON = re.compile(r"[ \t]+[A-ZÄÖÜ][a-zäöüß]*[A-Z]?[a-zäöüß]+(?![\w-]*\.)")


# Names without a legal form: an institution's head noun with its "für"/genitive tail, a Volkshochschule
# with its place, and organisations named in English ("Danish Refugee Council", "HALO Trust").
_INSTITUTION_HEAD = re.compile(
    r"(?:[A-ZÄÖÜ][a-zäöüß]+(?:er|es|en|e)\s+)?(?:[A-ZÄÖÜ][\w]*-[ \t]?)*"
    r"(?:Institut|Zentrum|Akademie|Stiftung|Bildungswerk|Kommission|Zentralstelle|Meldestelle"
    r"|Koordinierungsstelle|Beirat|Allianz|Gesellschaft|Behörde|Ausschuss(?:es)?)\s+(?:für|der|des|zur)\s+"
)
_IDIOM_BEFORE = re.compile(r"(?<![\w-])(?:im|ins)\s+$")
_GENITIVE_HEAD = re.compile(r"Zentrum\s+(?:der|des)\s+")
# "Stiftung Preußische Schlösser und Gärten": a Stiftung named by an adjective and nouns, without "für".
_FOUNDATION_HEAD = re.compile(rf"Stiftung\s+(?={_SUBJECT_ADJ})")
_ADULT_SCHOOL = re.compile(
    r"(?:Kreisv|V)olkshochschule\s+(?:[A-ZÄÖÜ][a-zäöüß]+er\s+[A-ZÄÖÜ][a-zäöüß]+|[A-ZÄÖÜ][\w-]*[a-zäöüß])(?![\w-])"
)
_ENGLISH_ORG = re.compile(
    # Bounded and possessive: a run of letters never backtracks (a 240 000-letter word stays linear).
    r"(?:[A-Z][A-Za-z´'’]{0,40}+\s+){1,3}(?:Trust|Council|Aid|International|Group|Foundation|Alliance|Institute|"
    r"Association|Federation|Network|Organization|Watch|Initiative)(?![\w-])"
)


# An organisation cited as the publisher or author of a legal text is no actor: "Amtsblatt der
# Europäischen Union", "Verordnung (EU) 2018/231".
def _cited(text: str, start: int) -> bool:
    """Whether the name at `start` is the author of a cited act ("Amtsblatt der", "Verordnung (")."""
    window = text[max(0, start - 30) : start]
    if not (window.endswith(("(", "(\n")) or "Amtsbl" in window):
        return False
    return _CITATION_BEFORE.search(window) is not None


_CITATION_BEFORE = re.compile(
    r"(?:Amtsblatt|Amtsbl\.)\s+(?:der|des)\s+$|(?:[Vv]erordnung|[Rr]ichtlinie|Beschluss|Entscheidung)(?:\s+Nr\.)?\s+\($"
)


def _institutions(
    text: str, reference: ReferenceData, juris: str | None, occ: dict[str, list[int]]
) -> list[_Candidate]:
    """Organisations named by a head noun without a legal form."""
    out: list[_Candidate] = []
    for m in matches_at(_INSTITUTION_HEAD, text, _institution_starts(text, occ)):
        if _IDIOM_BEFORE.search(text, max(0, m.start() - 5), m.start()) and _GENITIVE_HEAD.fullmatch(
            m.group(0)
        ):
            continue  # "im Zentrum der Überlegungen", "ins Zentrum des Interesses": an idiom, no institution
        task = _TASK_HEAD.search(m.group(0))
        if task is not None and task.group(0) == "Kommission" and not _QUALIFIED_COMMISSION.match(m.group(0)):
            continue  # "der Kommission zur ...": the European Commission's act, most often
        if (
            task is not None
            and task.group(0) in ("Gesellschaft", "Behörde")
            and not _ADJECTIVE_HEAD.match(m.group(0))
        ):
            continue
        if task is not None and not m.group(0).rstrip().endswith(("für", "zur")):
            continue  # "Beirat der Europäischen ...": a body of another, named by it
        if task is None:
            end = _consume_name_tail(text, m.end(), _TAIL_ITEM_CAPITAL_ADJ)
            if end > m.end():
                surface = _nominative_adjective(" ".join(text[m.start() : end].split()))
                out.append(_named(m.start(), end, surface, "other", reference, juris, 0))
            continue
        # A body named by its task runs over the noun phrase of the task ("zur Aufarbeitung sexuellen
        # Kindesmissbrauchs"); one short noun is no name ("Kommission für Fragen").
        end = noun_phrase_end(text, m.end(), lists=True)
        nouns = [w for w in text[m.end() : end].split() if w[0].isupper()]
        if end < 0 or (len(nouns) == 1 and len(nouns[0]) < 12):
            continue
        name = re.sub(r"\bAusschusses\b", "Ausschuss", " ".join(text[m.start() : end].split()))
        name = _nominative_adjective(name)
        out.append(_named(m.start(), end, name, "other", reference, juris, 0))
    for m in word_matches(_FOUNDATION_HEAD, text):
        end = _consume_name_tail(text, m.end(), _TAIL_ITEM_SUBJECT)
        if end > m.end():
            out.append(
                _named(m.start(), end, " ".join(text[m.start() : end].split()), "other", reference, juris, 0)
            )
    if "olkshochschule" in text:
        for m in word_matches(_ADULT_SCHOOL, text):
            out.append(_named(m.start(), m.end(), " ".join(m.group(0).split()), "other", reference, juris, 1))
    out.extend(_english_names(text, reference, juris, occ))
    out.extend(_universities(text, reference, juris, occ))
    return out


# Universities and Hochschulen, named by a head noun and a place, a "zu"/genitive phrase or a "für" tail:
# "Universität Bremen", "Humboldt-Universität zu Berlin", "Technische Universität München", "Universität der
# Bundeswehr München", "Hochschule für Angewandte Wissenschaften Hamburg", "Ruhr-Universität Bochum".
_ADDRESS_MARKS = ("www.", "http", "@")
_UNIVERSITY_HEADS = ("Universität", "Hochschule", "hochschule", "Universitätsklinikum", "Universitätsmedizin")
_PLACE = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[ \t]*\n?[ \t]*[A-ZÄÖÜ][a-zäöüß]+)*"
# A capitalised word after the head that is a common noun, not a place: "der Universität Forschung".
_NOUN_ENDING = re.compile(r"(?:ung|ungen|heit|keit|schaft|tion|tät|täten|ismus|nis|ium|ik|ment|tum|ie|ei)$")
_UNIVERSITY_TAIL = re.compile(
    r"(?P<head>(?:[A-ZÄÖÜ][\w]*-[ \t]*\n?[ \t]*(?:(?:von|van|zu|de|der)-)?)*[A-ZÄÖÜ]?[a-zäöüß]*"
    r"(?:Universität|[Hh]ochschule|Universitätsklinikum|Universitätsmedizin))(?![\w-])"
    rf"(?:[ \t]*\n?[ \t]*(?<=\s)(?:(?P<zu>zu\s+{_PLACE})"
    rf"|(?P<gen>(?:des|der)[ \t]+(?P<genword>[A-ZÄÖÜ][a-zäöüß]+))"
    rf"|(?P<fuer>für[ \t]+)"
    rf"|(?P<place>{_PLACE}(?:[ \t]+(?:am|an[ \t]+der|im)[ \t]+[A-ZÄÖÜ][a-zäöüß]+)?)))?"
)
_APPLIED = re.compile(r"[ \t]+University[ \t]+of[ \t]+Applied[ \t]+Sciences(?![\w-])")
_AFTER_GENITIVE = re.compile(rf"[ \t]+(?P<place>{_PLACE})(?![\w-])")
# An adjective of the name before the head: "Technische", "Freie", "Rheinisch-Westfälische", "Pädagogischen".
_NAME_ADJECTIVE = re.compile(r"(?:[A-ZÄÖÜ][a-zäöüß]+-)?[A-ZÄÖÜ][a-zäöüß]*(?:sche|che|ale|ate|eie)n?")
_ADJECTIVE_EN = re.compile(r"(?<=ch|al|at|ei)en(?![\w-])")
_CLINIC = re.compile(r"Klinikum\s+der\s+")
_GIVEN_NAME = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+")
_GENITIVE_PLACES = frozenset(land.genitive.split()[-1] for land in LANDS.values())


def _universities(
    text: str, reference: ReferenceData, juris: str | None, occ: dict[str, list[int]]
) -> list[_Candidate]:
    """Universities and Hochschulen: the head noun (or its compound) with a place or a defining phrase."""
    out: list[_Candidate] = []
    seen: set[int] = set()
    for pos in sorted({p for head in _UNIVERSITY_HEADS for p in occ[head]}):
        word = _compound_start(text, pos)
        if word in seen:
            continue
        seen.add(word)
        m = _UNIVERSITY_TAIL.match(text, word)
        if m is None or m.group("head").endswith("olkshochschule"):
            continue  # a Volkshochschule has a rule of its own
        end = m.end()
        compound = "-" in text[word:pos] or (pos > word and text[pos].isupper())
        if m.group("place") is not None:
            first_place = re.match(r"[\w-]+", m.group("place")).group(0)  # type: ignore[union-attr]
            if _NOUN_ENDING.search(first_place) or first_place in _NOT_NAME_START:
                end = m.start("place") - 1
                while text[end - 1] in " \t":
                    end -= 1
        elif m.group("gen") is not None:
            if _NOUN_ENDING.search(m.group("genword")):
                end = m.start("gen")
                while text[end - 1] in " \t":
                    end -= 1
            elif (
                m.group("genword") not in _GENITIVE_PLACES
                and (pm := _AFTER_GENITIVE.match(text, end)) is not None
                and not _NOUN_ENDING.search(pm.group("place"))
            ):
                end = pm.end()  # "Universität der Bundeswehr München"
        elif m.group("fuer") is not None:
            tail = _consume_name_tail(text, m.end(), _TAIL_ITEM_CAPITAL_ADJ)
            if tail == m.end():
                end = m.start("fuer") - 1
            else:
                end = tail
                if (pm := _AFTER_GENITIVE.match(text, end)) and not _NOUN_ENDING.search(pm.group("place")):
                    end = pm.end()  # "Hochschule für Angewandte Wissenschaften Hamburg"
        if (am := _APPLIED.match(text, end)) is not None:
            end = am.end()
        has_tail = end > m.end("head")
        if not has_tail and not compound:
            continue  # "die Universität", "eine Fachhochschule": no name
        start = _university_start(text, word)
        # The nominative: "der Technischen Universität" -> "Technische Universität".
        adjectives = _ADJECTIVE_EN.sub("e", text[start:word])
        surface = " ".join((adjectives + text[word:end]).split())
        out.append(_named(start, end, surface, "other", reference, juris, 1))
    return out


def _compound_start(text: str, pos: int) -> int:
    """Start of the compound holding `pos`, also over a hyphen at a line break ("Humboldt-\nUniversität")."""
    start = word_start(text, pos)
    k = start
    while k > 0 and text[k - 1] in " \t\n":
        k -= 1
    if k < start and text[k - 1 : k] == "-" and text.count("\n", k, start) <= 1:
        return word_start(text, k - 1)
    return start


def _university_start(text: str, word: int) -> int:
    """Start of a university's name that ends in the head word at `word`: adjectives before it, and at a
    line's start the given names of its patron ("Eberhard Karls Universität", "Johann Wolfgang Goethe-…")."""
    start = word
    for _ in range(2):
        k = start
        while k > 0 and text[k - 1] in " \t":
            k -= 1
        if k == start:
            break
        prev = word_start(text, k)
        if prev == k or not _NAME_ADJECTIVE.fullmatch(text[prev:k]) or text[prev:k] in _NOT_NAME_START:
            break
        start = prev
    if (k := start - len("Klinikum der ")) >= 0 and _CLINIC.fullmatch(text, k, start):
        return k  # "Klinikum der Universität München"
    if start == word:
        # Given names only in a table row: nothing stands before them on their line.
        k = start
        for _ in range(2):
            while k > 0 and text[k - 1] in " \t":
                k -= 1
            prev = word_start(text, k)
            if prev == k or not _GIVEN_NAME.fullmatch(text[prev:k]) or text[prev:k] in _NOT_NAME_START:
                break
            k = prev
            if prev == 0 or text[prev - 1] == "\n":
                return prev
    return start


def _english_names(
    text: str, reference: ReferenceData, juris: str | None, occ: dict[str, list[int]]
) -> list[_Candidate]:
    """ "Danish Refugee Council": how many words before the head belong to the name is told by the
    document itself: the longest form that recurs after different words. A form seen once counts
    only when its one word before the head is an acronym ("HALO Trust")."""
    hits = matches_at(_ENGLISH_ORG, text, _english_starts(text, occ))
    variants: list[list[tuple[int, str]]] = []
    counts: dict[str, int] = {}
    for m in hits:
        words = list(re.finditer(r"\S+", m.group(0)))
        forms = []
        for k in range(1, len(words)):
            first = words[len(words) - 1 - k]
            form = " ".join(w.group(0) for w in words[len(words) - 1 - k :])
            forms.append((m.start() + first.start(), form))
            counts[form] = counts.get(form, 0) + 1
        variants.append(forms)
    out: list[_Candidate] = []
    for m, forms in zip(hits, variants, strict=True):
        chosen = next(((s, f) for s, f in reversed(forms) if counts[f] >= 2), None)
        if chosen is None and forms and re.fullmatch(r"[A-Z]{2,}", forms[0][1].split()[0]):
            chosen = forms[0]
        if chosen is None or chosen[1].split()[0] in _NOT_NAME_START:
            continue
        out.append(_named(chosen[0], m.end(), chosen[1], "association", reference, juris, 1))
    return out


def _compound_ministries(text: str, occ: dict[str, list[int]]) -> list[re.Match[str]]:
    """ "Finanzministerium", "Innenministeriums": found by the literal "ministeri", matched at word start."""
    out: list[re.Match[str]] = []
    for pos in occ["inisteri"]:
        pos -= 1
        if pos < 0 or text[pos] != "m":
            continue
        start = pos - len(_WORD_START.search(text, max(0, pos - 40), pos).group(0))
        m = _COMPOUND_MINISTRY.match(text, start)
        if m is not None:
            out.append(m)
    return out


def _enumerations(
    doc: Document, reference: ReferenceData, juris: str | None, occ: dict[str, list[int]]
) -> list[_Candidate]:
    """ "Kommunen Dortmund, Duisburg und Essen": three city administrations; "Länder A und B": two Länder."""
    out: list[_Candidate] = []
    land_names = {land.name for land in LANDS.values()}
    for m in _scan(_ENUMERATION, doc.text, occ):
        noun = m.group(1)
        is_land = noun.startswith(("Länder", "Bundesländer"))
        for item in re.finditer(_CITY, m.group(2)):
            word = item.group(0)
            if word in ("und", "sowie"):
                continue
            start, end = m.start(2) + item.start(), m.start(2) + item.end()
            if not is_land and item.end() == len(m.group(2)) and item.start() == 0:
                # A plural noun names several places; one capitalised word after it is a common
                # noun ("der Kommunen Vorbemerkung", "den Kommunen Mittel").
                break
            if _NAME_GOES_ON.match(doc.text, end):
                break  # "Danish Refugee Council": the first word of a longer name, not a place
            if is_land:
                if word not in land_names:
                    break
                out.append(_named(start, end, f"Land {word}", "state", reference, juris, 1))
            else:
                if word in land_names or word.rstrip("s") in land_names:
                    break
                prefix = (
                    "Gemeinde"
                    if noun.startswith("Gemeinde")
                    else "Kreis"
                    if noun.startswith("Kreis")
                    else "Stadt"
                )
                out.append(_named(start, end, f"{prefix} {word}", "municipality", reference, juris, 1))
    return out


# Generic nouns standing in apposition before a company's name ("die Versicherung X AG").
_APPOSITION = frozenset(
    [
        "Versicherung",
        "Versicherer",
        "Versicherers",
        "Träger",
        "Trägers",
        "Anbieter",
        "Anbieters",
        "Dienstleister",
        "Dienstleisters",
        "Bieter",
        "Auftragnehmer",
        "Zuwendungsempfänger",
        "Insolvenzverwalter",
        "Partner",
        "Projektpartner",
        "Vereins",
        "Verein",
    ]
)
# Heads of organisation names that a genitive or "für" continues ("Bildungswerk der X", "Werk für X").
_HEAD_SUFFIX = re.compile(
    r"(?:werk|ring|verband|verein|bund|gemeinschaft|gesellschaft|stiftung|institut|zentrum|akademie|kammer|"
    r"rat|hilfe|dienst|kreis|bündnis|netzwerk|union|initiative|forum|schule|hochschule|agentur|amt|kasse|"
    r"vereinigung|arbeitsgemeinschaft|verbund|genossenschaft|organisation|stelle|einrichtung|werkstatt)$",
    re.I,
)
_GENITIVE_LINKS = frozenset({"der", "des", "aus", "zur", "zum", "von", "vom"})
_DASHES = frozenset({"-", "–"})
_ADJECTIVE = re.compile(r"[a-zäöüß]+(?:ischer|ischen|licher|lichen|iger|igen|er|en)")
_YEAR_TOKEN = re.compile(r"(?:19|20)\d\d")
# A line that ends in a legal form, a figure or a unit of money ("Förderung in TEuro") is a row or a
# table's head of its own: the name on the next line does not reach back into it.
_LEGAL_FORM_END = re.compile(
    r"(?:GmbH|AG|SE|KG|e\.\s?V\.|eG|mbH|Ltd\.|Inc\.)\s*$|[\d€]\s*$|(?<![\w-])(?:T?Euro|T?EUR|Tsd\.)\s*$"
)
# A head noun that opens a name when "für"/"zur" follows it ("Gesellschaft für Informatik e.V.").
_HEAD_BEFORE_LINK = frozenset({"für", "zur", "zum"})
_PARENTHESISED_ABBREVIATION = re.compile(r"\([A-ZÄÖÜ][A-ZÄÖÜa-z]{1,6}[A-ZÄÖÜ]\)")
_LEGAL_FORM_WORD = re.compile(r"(?:gGmbH|GmbH|AG|SE|KGaA|KG|eG|mbH)[,;]?")
_UNIVERSITY_WORDS = frozenset({"Universität", "Hochschule"})
_LINKED_ADJECTIVE = re.compile(r"[a-zäöüß]{3,}(?:e|en|er|es)")


_BARE_NUMBER = re.compile(r"[\d.,/]+")


def _company_start(text: str, m: re.Match[str]) -> int | None:
    """Start of the name that ends in the legal form `m`, walking left word by word."""
    window_start = max(0, m.start() - 200)
    tokens = list(re.finditer(r"\S+", text[window_start : m.start()]))
    start = None
    taken = 0
    for i in range(len(tokens) - 1, -1, -1):
        tok = tokens[i]
        word = tok.group(0)
        if taken >= 10:
            break
        if start is not None and "\n" in text[window_start + tok.end() : start]:
            # A line that ends in a legal form or a figure is a row of its own (one name per line).
            line_start = text.rfind("\n", 0, window_start + tok.end()) + 1
            if _LEGAL_FORM_END.search(text, line_start, window_start + tok.end()):
                break
            if (
                _HEAD_SUFFIX.search(text[start : start + 40].split()[0])
                and word[:1].isupper()
                and not word.endswith(("-", "e", "en", "er", "es"))
                and len(above := text[line_start : window_start + tok.end()].split()) >= 2
                and all(w[:1].isupper() for w in above)
            ):
                # A line opened by a head noun ("Bundesarbeitgeberverband Chemie e.V.") under a line of
                # capitalised words only ("Industriegewerkschaft Metall"): one name per line of a list.
                break
        if word.endswith(",") and not (taken == 0 and m.group(0) in ("Inc.", "LLC", "Ltd.")):
            break
        if word.endswith((".", ":", ";", "“", '"', "“,")) and not re.fullmatch(r"Co\.|[A-Z]\.", word):
            break
        right = tokens[i + 1].group(0) if i + 1 < len(tokens) else ""
        right2 = tokens[i + 2].group(0) if i + 2 < len(tokens) else ""
        heads_link = right in _HEAD_BEFORE_LINK and bool(_HEAD_SUFFIX.search(word))
        if _LEGAL_FORM_WORD.fullmatch(word) and right != "&":
            break  # a name holds one legal form: "… GmbH GmbH" is a doubled cell, "X AG Y GmbH" two names
        if (
            _PARENTHESISED_ABBREVIATION.fullmatch(word)
            and right in _DASHES
            and "\n" not in text[window_start + tok.end() : start or window_start + tok.end()]
        ):
            # "Lesben- und Schwulenverband Deutschland (LSVD) – Verein für …": the abbreviation of the first
            # part of a name joined by a dash to the rest
            start = window_start + tok.start()
            taken += 1
            continue
        if (
            (word in _NOT_NAME_START and not heads_link)
            or _YEAR_TOKEN.fullmatch(word)
            or "/" in word
            or word.endswith(")")
        ):
            break
        if word in _APPOSITION and taken > 0 and not heads_link:
            break
        opens = word[0] in "(„\"'"
        core = word.lstrip("(„\"'").rstrip(",")
        if not core:
            break
        if taken == 0 and (core in _LINK_WORDS or core in _GENITIVE_LINKS or core == "und"):
            return None  # "Kurzübersicht für AG": "AG" after a link word is a noun (Arbeitgeber), no form
        left = tokens[i - 1].group(0) if i > 0 else ""
        if (core == "zu" and left == "Universität" and right[:1].isupper()) or (
            core in ("an", "der") and (right2 if core == "an" else right) in _UNIVERSITY_WORDS
        ):
            pass  # "Rheinisches Institut für Umweltforschung an der Universität zu Köln e.V."
        elif core in _GENITIVE_LINKS or core in _DASHES:
            # "Bildungswerk der Thüringer Wirtschaft": a genitive continues a head noun only.
            # ("„BiNe – Bisexuelles Netzwerk e. V.“": a quote mark before the left word is no part of it)
            if not (
                _HEAD_SUFFIX.search(left.rstrip(","))
                or (core in _DASHES and left.lstrip("(„\"'")[:1].isupper())
            ):
                break
        elif core == "und":
            if not (left.endswith("-") or left[:1].isupper()):
                break
        elif _ADJECTIVE.fullmatch(core) or (left in _HEAD_BEFORE_LINK and _LINKED_ADJECTIVE.fullmatch(core)):
            # "Arbeitsgemeinschaft berufsständischer Versorgungseinrichtungen", "Verein für europäische
            # Kooperation e. V.": inside a name only.
            if not ((left[:1].isupper() and _HEAD_SUFFIX.search(left)) or left in _HEAD_BEFORE_LINK):
                break
        elif not (core[0].isupper() or core[0].isdigit() or core in _LINK_WORDS or core.startswith("(")):
            break
        start = window_start + tok.start() + (len(word) - len(word.lstrip("(„\"'")))
        taken += 1  # noqa: SIM113 - counts accepted words, not loop turns
        if opens:
            break
    if start is None:
        return None
    # Drop leading words that are no part of a name, and leading link words.
    while True:
        first = re.match(r"\S+", text[start:])
        if first is None:
            return None
        w = first.group(0)
        nxt_word = re.match(r"\S+\s+(\S+)", text[start : m.start()])
        heads_link = (
            nxt_word is not None and nxt_word.group(1) in _HEAD_BEFORE_LINK and _HEAD_SUFFIX.search(w)
        )
        if (
            (w in _NOT_NAME_START and not heads_link)
            or w in _LINK_WORDS
            or w in _GENITIVE_LINKS
            or w in _DASHES
            or w == "und"
            or _BARE_NUMBER.fullmatch(w)  # "0601 685 12 X-Stiftung e.V.": a budget title in a table row
        ):
            nxt = re.compile(r"\S+\s+").match(text, start)
            if nxt is None or nxt.end() >= m.start():
                return None
            start = nxt.end()
            continue
        return start if start < m.start() else None


def _trim_und(name: str) -> str:
    """ "Stadt Essen und X GmbH" -> "X GmbH": "und" joins two names unless a für/genitive phrase holds it."""
    words = name.split()
    for i in range(len(words) - 1, 0, -1):
        if words[i] == "und" and not words[i - 1].endswith("-"):
            if not any(w in ("für", "der", "des") for w in words[:i]):
                return " ".join(words[i + 1 :])
            break
    return name


def _companies(
    text: str, reference: ReferenceData, juris: str | None, occ: dict[str, list[int]]
) -> list[_Candidate]:
    """Names ending in a company form: "Tesla Automation GmbH", "DB InfraGO AG", "X e. V."."""
    out: list[_Candidate] = []
    for m in _scan(_COMPANY_SUFFIX, text, occ):
        start = _company_start(text, m)
        if start is None:
            continue
        raw = " ".join(text[start : m.end()].split())
        name = _trim_und(raw)
        if name != raw:
            last_und = list(re.finditer(r"\sund\s+", text[start : m.end()]))[-1]
            start += last_und.end()
            before_form = text[start : m.start()].split()
            if len(before_form) == 1 and _NOUN_ENDING.search(before_form[0]):
                # "Klima und Gesundheit e.V.", "Sexualpädagogik und Sexualberatung e. V.": one abstract noun
                # after "und" is the cut-off end of a longer name, no name of its own.
                continue
        if len(name.split()) < 2:
            continue
        out.append(_named(start, m.end(), name, "company", reference, juris, 1))
    return out


# A company named after "Firma"/"Unternehmen", or listed as "X und Tochterfirmen".
_FIRM_NAME = r"(?:[A-Za-z0-9][\w&.-]*[A-Z][\w&.-]*|[A-ZÄÖÜ][\w&.-]*)(?:\s+(?:[A-ZÄÖÜ][\w&-]*\.?))*"
_FIRM_AFTER_NOUN = re.compile(rf"(?:Firma|Unternehmens|Konzerns|Herstellers)\s+(?P<n>{_FIRM_NAME})")
_FIRM_WITH_SUBSIDIARIES = re.compile(
    rf"(?m)^\s*(?:[a-z]\)|[-•])\s+(?P<n>{_FIRM_NAME})\s+und\s+(?:ihre\s+)?Tochter(?:firmen|unternehmen|gesellschaften)"
)
_SENTENCE_END_IN_NAME = re.compile(r"(?<![\w.])(?!Co\.)[A-Za-z]{2,}\.(?=\s+[A-ZÄÖÜ])")
_CHAMBER = re.compile(
    r"AHK\s+(?:[A-ZÄÖÜ][a-zäöüß]+(?:es|e)\s+|Sri\s+|Saudi-|Costa\s+)?[A-ZÄÖÜ][\w-]*[a-zäöüß]"
    r"|Delegation\s+der\s+(?:Deutschen|Dt\.)\s+Wirtschaft\s+(?:in|für)\s+[A-ZÄÖÜ][\w-]+"
)


def _firms(
    text: str, reference: ReferenceData, juris: str | None, occ: dict[str, list[int]]
) -> list[_Candidate]:
    """Companies named after a noun that says so ("der Firma Starlink") and chambers abroad ("AHK Peru")."""
    out: list[_Candidate] = []
    firm_hits = _scan(_FIRM_AFTER_NOUN, text, occ)
    if occ["Tochter"]:  # a cheap test before a regex that must try every line
        firm_hits += list(_FIRM_WITH_SUBSIDIARIES.finditer(text))
    for m in firm_hits:
        name = m.group("n").rstrip(",")
        if (stop := _SENTENCE_END_IN_NAME.search(name)) is not None:
            name = name[: stop.end()]  # "Sakana AI. Dieses Modell …": the sentence ends the name
        if name.endswith(".") and not re.search(r"(?:Corp|Inc|Ltd|Co)\.$", name):
            name = name[:-1]
        start = m.start("n")
        out.append(_named(start, start + len(name), name, "company", reference, juris, 1))
    chambers = word_matches(_CHAMBER, text) if occ["AHK"] or occ["Delegation"] else []
    for m in chambers:
        name = re.sub(r"\bDt\.", "Deutschen", " ".join(m.group(0).split()))
        out.append(_named(m.start(), m.end(), name, "association", reference, juris, 1))
    return out


def _header_ministries(doc: Document, reference: ReferenceData, juris: str | None) -> list[_Candidate]:
    """Ministries named by their minister in "Der Minister X hat die Kleine Anfrage ... beantwortet"."""
    out: list[_Candidate] = []
    m = _HEADER_ANSWER.search(doc.text)
    if not m:
        inverted = _HEADER_ANSWER_INVERTED.search(doc.text, 0, 6000)
        if inverted is not None:
            start, end, title = inverted.start("title"), inverted.end("title"), inverted.group("title")
            if title.startswith("Chef"):
                out.extend(c for c in _chancelleries(doc.text, reference, juris, start, end))
            elif (name := post_to_ministry(title, juris)) is not None:
                out.append(_named(start, end, name, "ministry", reference, juris, 3))
        return out
    titles: list[tuple[int, int, str]] = [(m.start("title"), m.end("title"), m.group("title"))]
    rest_start = m.start("rest")
    am = _AGREEMENT_LIST.search(doc.text, rest_start, m.end())
    if am:
        for tm in _TITLE_ITEM.finditer(doc.text, am.end() - 0, m.end()):
            titles.append((tm.start("title"), tm.end("title"), tm.group("title")))
    for start, end, title in titles:
        name = post_to_ministry(title, juris)
        if name is None:
            continue
        out.append(_named(start, end, name, "ministry", reference, juris, 3))
    return out


def header_ministries(
    doc: Document, reference: ReferenceData
) -> tuple[Organisation | None, list[Organisation]]:
    """The answering ministry and those it answered in agreement with, from the header sentence."""
    juris = document_jurisdiction(doc, reference)
    found = [_record(doc, c) for c in _header_ministries(doc, reference, juris)]
    if not found:
        return None, []
    return found[0], found[1:]


_CHANCELLERY = re.compile(r"Staatskanzlei(?![\w-])")


def _chancelleries(
    text: str, reference: ReferenceData, juris: str | None, pos: int = 0, endpos: int | None = None
) -> list[_Candidate]:
    """A bare "Staatskanzlei" in a Land's document: that Land's state chancellery."""
    land = LANDS.get(juris or "")
    if land is None:
        return []
    org = next(
        (
            o
            for o in sorted(reference.organisations.values(), key=lambda o: o.id)
            if o.kind == "ministry" and o.jurisdiction == juris and "Staatskanzlei" in o.name
        ),
        None,
    )
    out: list[_Candidate] = []
    for m in word_matches(_CHANCELLERY, text, pos, endpos):
        if org is not None:
            out.append(_from_ref(m.start(), m.end(), org, 1))
        else:
            out.append(_Candidate(m.start(), m.end(), f"Staatskanzlei {land.genitive}", "ministry", None, 1))
    return out


def _bodies(
    doc: Document, reference: ReferenceData, juris: str | None, occ: dict[str, list[int]]
) -> list[_Candidate]:
    """The document's own government, cabinet and parliament named by a bare noun."""
    out: list[_Candidate] = []
    text = doc.text
    out.extend(_chancelleries(text, reference, juris))
    rules = [(_CABINET, "cabinet"), (_PARLIAMENT, "parliament")]
    if juris not in (None, BUND):
        rules += [(_GOVERNMENT, "government"), (_LAND_PARLIAMENT, "parliament")]
    for regex, kind in rules:
        name = body_name(reference, kind, juris)
        if name is None:
            continue
        org = body_of(reference, kind, juris)
        for m in _scan(regex, text, occ):
            if org is not None:
                out.append(_from_ref(m.start(), m.end(), org, 1))
            else:
                out.append(_Candidate(m.start(), m.end(), name, kind, None, 1))
    return out


# The literals every match of a pattern holds, at their offset from the match's start: these
# patterns start with a choice or an optional part, so the regex engine cannot skip ahead by itself.
_ANCHORS: dict[re.Pattern[str], tuple[tuple[str, int], ...]] = {
    _MINISTRY_HEAD: (("inisteri", 1), ("inisteri", 7)),
    _AGENCY_HEAD: (("Bundes", 0), ("Landes", 0)),
    _MUNICIPALITY: tuple(
        (w, 0)
        for w in ("Stadt", "Kreis", "Landkreis", "Gemeinde", "Landeshauptstadt", "Hansestadt", "Bundesstadt")
    ),
    _ENUMERATION: tuple(
        (w, 0)
        for w in ("Kommunen", "Städte", "Stadtverwaltungen", "Gemeinden", "Kreise", "Länder", "Bundesländer")
    ),
    _COMPANY_SUFFIX: tuple(
        (w, 0) for w in ("GmbH", "gGmbH", "AG", "SE", "KG", "e.", "eG", "LLC", "Inc.", "Ltd.", "Limited")
    ),
    _FIRM_AFTER_NOUN: tuple((w, 0) for w in ("Firma", "Unternehmens", "Konzerns", "Herstellers")),
    _GOVERNMENT: (("Landesregierung", 0), ("Staatsregierung", 0)),
    _CABINET: (("Kabinett", 0), ("Landeskabinett", 0), ("Ministerrat", 0)),
}
_UNIT_ANCHORS: dict[re.Pattern[str], tuple[tuple[str, int], ...]] = {
    _UNIT_CODE: (("Referat", 0),),
    _SPECIAL_UNIT: (("Sondereinheit", 0), ("Sonderkommission", 0)),
    _ADJECTIVE_UNIT: tuple((w, 0) for w in _UNIT_ADJECTIVES),
    _GROUP: (("Gruppe", 0),),
}
_ANCHORS.update(_UNIT_ANCHORS)


def _scan(pattern: re.Pattern[str], text: str, occ: dict[str, list[int]]) -> list[re.Match[str]]:
    """Matches of `pattern` that begin a word, found from its literals when they are known."""
    anchors = _ANCHORS.get(pattern)
    if anchors is None:
        return word_matches(pattern, text)
    return literal_word_matches(pattern, text, anchors, occ)


_INSTITUTION_NOUNS = (
    "Institut",
    "Zentrum",
    "Akademie",
    "Stiftung",
    "Bildungswerk",
    # Bodies named by their task: "Unabhängige Kommission zur Aufarbeitung ...", "Zentralstelle zur
    # Bekämpfung der Internetkriminalität", "Wissenschaftlicher Beirat für Agrarpolitik".
    "Kommission",
    "Zentralstelle",
    "Meldestelle",
    "Koordinierungsstelle",
    "Beirat",
    "Allianz",
    "Gesellschaft",  # "Deutsche Gesellschaft für Unfallchirurgie", with its adjective only
    "Behörde",  # "Europäische Behörde für Lebensmittelsicherheit", with its adjective only
    "Ausschuss",  # "Ausschuss für Arbeit und Soziales" (a committee by its official name)
)
_TASK_HEAD = re.compile(
    r"Kommission|Zentralstelle|Meldestelle|Koordinierungsstelle|Beirat|Allianz|Gesellschaft|Behörde|Ausschuss"
)
# "Gesellschaft für ..." and "Behörde für ..." alone are common nouns; with an adjective, a name.
_ADJECTIVE_HEAD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:e|en|er|es)\s+(?:Gesellschaft|Behörde)\b")
# The ending a head noun's gender gives an adjective before it in the nominative.
_NOMINATIVE_ENDING = {
    "Beirat": "er",
    "Ausschuss": "er",
    "Institut": "es",
    "Zentrum": "es",
    "Bildungswerk": "es",
}  # others: "e"
_HEAD_NOUN = re.compile(
    r"Institut|Zentrum|Akademie|Stiftung|Bildungswerk|Kommission|Zentralstelle|Meldestelle"
    r"|Koordinierungsstelle|Beirat|Allianz|Gesellschaft|Behörde|Ausschuss"
)
# A commission of its own has an adjective or a compound before it ("Unabhängige Kommission", "Nord-Süd-
# Kommission"); a bare "Kommission zur ..." is mostly the European Commission's (a proposal, a decision).
_QUALIFIED_COMMISSION = re.compile(r"(?!Europäisch|EU-)[A-ZÄÖÜ][\w-]*(?:\s+|-)Kommission")


def _nominative_adjective(name: str) -> str:
    """ "Unabhängigen Kommission zur ..." -> "Unabhängige Kommission zur ...", "Wissenschaftlichen Beirat
    für ..." -> "Wissenschaftlicher Beirat für ...": an adjective before the head in the nominative."""
    first, _, rest = name.partition(" ")
    head = _HEAD_NOUN.match(rest)
    # (Only the weak endings: "-er"/"-es" may be a name's own, "Fraunhofer Institut".)
    if head is None or not first[:1].isupper() or not first.endswith(("e", "en")):
        return name
    stem = re.sub(r"(?:en|e)$", "", first)
    return f"{stem}{_NOMINATIVE_ENDING.get(head.group(0), 'e')} {rest}"


# Words before a head that are no part of its name ("Diese Kommission für ...").
_DETERMINERS = frozenset(
    {"Diese", "Dieser", "Jede", "Jeder", "Welche", "Welcher", "Eine", "Keine", "Seine", "Ihre"}
)
_LOWER = frozenset("abcdefghijklmnopqrstuvwxyzäöüß")
_ASCII_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _institution_starts(text: str, occ: dict[str, list[int]]) -> list[int]:
    """Where _INSTITUTION_HEAD can match: at its noun, or at the "…er" adjective right before it."""
    out: list[int] = []
    for head in (pos for noun in _INSTITUTION_NOUNS for pos in occ[noun]):
        out.append(head)
        first = head
        # "Leibniz-Institut", "Max-Planck-Institut", "Leibniz- Institut" (a hyphen at a cell's line break)
        hyphen = (
            head - 1 if text[head - 1 : head] == "-" else (head - 2 if text[head - 2 : head] == "- " else -1)
        )
        if hyphen > 0:
            first = word_start(text, hyphen)
            out.append(first)
        end = first
        while end > 0 and text[end - 1].isspace():
            end -= 1
        if end == first or (text[end - 2 : end] not in ("er", "es", "en") and text[end - 1] != "e"):
            continue
        k = end
        while k > 0 and text[k - 1] in _LOWER:
            k -= 1
        if (
            end - k >= 3
            and k > 0
            and text[k - 1] in "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"
            and text[k - 1 : end] not in _DETERMINERS
        ):
            out.append(k - 1)
    return out


_ENGLISH_HEADS = (
    "Trust",
    "Council",
    "Aid",
    "International",
    "Group",
    "Foundation",
    "Alliance",
    "Institute",
    "Association",
    "Federation",
    "Network",
    "Organization",
    "Watch",
    "Initiative",
)
_ENGLISH_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ´'’")


def _english_starts(text: str, occ: dict[str, list[int]]) -> list[int]:
    """Where _ENGLISH_ORG can match: a capital of one of the (at most three) words before its head.

    A word is a capital and at most 40 more letters, so a start inside a word is among its last 41
    letters, and only a word's first letter can have another word before it.
    """
    out: list[int] = []
    for cur in (pos for head in _ENGLISH_HEADS for pos in occ[head]):
        for _ in range(3):
            end = cur
            while end > 0 and text[end - 1].isspace():
                end -= 1
            if end == cur:
                break
            first = end
            while first > 0 and text[first - 1] in _ENGLISH_LETTERS:
                first -= 1
            out.extend(s for s in range(max(first, end - 41), end) if text[s] in _ASCII_UPPER)
            if end - first > 41 or first == end or text[first] not in _ASCII_UPPER:
                break
            cur = first
    return out


def _broadcaster_starts(text: str, occ: dict[str, list[int]]) -> list[int]:
    """Where _BROADCASTER can match: at "Radio", at a capital 2 to 10 letters before "[ \t]+Online",
    or at the start of "XY-Online"."""
    out = list(occ["Radio"])
    for head in occ["Online"]:
        if head > 0 and text[head - 1] == "-":
            out.append(word_start(text, head))  # "RP-Online"
        end = head
        while end > 0 and text[end - 1] in " \t":
            end -= 1
        if end == head:
            continue
        first = end
        while first > max(0, end - 10) and text[first - 1] in _ENGLISH_LETTERS and text[first - 1].isalpha():
            first -= 1
        out.extend(s for s in range(first, end - 1) if text[s] in _ASCII_UPPER)
    return out


# Every literal a pattern above is found by, looked up once per document.
_LITERALS = Literals(
    [
        *(literal for anchors in _ANCHORS.values() for literal, _ in anchors),
        *_INSTITUTION_NOUNS,
        *_UNIVERSITY_HEADS,
        *_ADDRESS_MARKS,
        *_ENGLISH_HEADS,
        *_PAPER_HEADS,
        "Radio",
        "Online",
        "Tochter",
        "AHK",
        "Delegation",
        *IMPRINT_WORDS,
        *(literal for anchors in _UNIT_ANCHORS.values() for literal, _ in anchors),
        "Untersuchungsausschuss",
    ]
)


def _select(cands: list[_Candidate]) -> list[_Candidate]:
    """Non-overlapping candidates: longer ones win, then higher priority, then the earlier one."""
    starts: list[int] = []  # chosen intervals, sorted and disjoint
    ends: list[int] = []
    chosen: list[_Candidate] = []
    for c in sorted(cands, key=lambda c: (-(c.end - c.start), -c.priority, c.start, c.name)):
        if c.end <= c.start:
            continue
        i = bisect.bisect_right(starts, c.start)
        # Only the neighbours can overlap: the interval starting at or before c, and the one after.
        if (i > 0 and ends[i - 1] > c.start) or (i < len(starts) and starts[i] < c.end):
            continue
        starts.insert(i, c.start)
        ends.insert(i, c.end)
        chosen.append(c)
    return sorted(chosen, key=lambda c: (c.start, c.end))


def _address_ranges(text: str, occ: dict[str, list[int]]) -> list[tuple[int, int]]:
    """Sorted, disjoint ranges of the web and e-mail addresses: the text from the whitespace before a mark
    to the whitespace after it ("www.bpb.de/shop/…", "poststelle@bmi.bund.de")."""
    ranges: list[tuple[int, int]] = []
    for pos in sorted({p for mark in _ADDRESS_MARKS for p in occ[mark]}):
        if ranges and pos < ranges[-1][1]:
            continue
        start = pos
        while start > 0 and not text[start - 1].isspace() and text[start - 1] not in '(„"<':
            start -= 1
        end = pos
        while end < len(text) and not text[end].isspace() and text[end] not in ')“">':
            end += 1
        if text[pos] == "@" and (start == pos or end == pos + 1 or "." not in text[pos:end]):
            continue  # "@" alone or in a handle is no address
        ranges.append((start, end))
    return ranges


def _inside(pos: int, ranges: list[tuple[int, int]]) -> bool:
    i = bisect.bisect_right(ranges, pos, key=lambda r: r[0]) - 1
    return i >= 0 and ranges[i][0] <= pos < ranges[i][1]


def _known_before_form(
    c: _Candidate, known: _Candidate | None, text: str, reference: ReferenceData, juris: str | None
) -> _Candidate:
    """A company name that is a known organisation's name and a legal form is that organisation; one
    that runs back over a known organisation and a genitive ("Bundesnetzagentur der DB InfraGO AG")
    starts after it."""
    if c.kind != "company" or c.ref is not None or known is None or known.end >= c.end:
        return c
    if _COMPANY_SUFFIX.fullmatch(text[known.end : c.end].strip()):
        return replace(known, end=c.end)
    link = _GENITIVE_AFTER_KNOWN.match(text, known.end, c.end)
    if link:
        return _named(link.end(), c.end, text[link.end() : c.end], "company", reference, juris, c.priority)
    return c


_GENITIVE_AFTER_KNOWN = re.compile(r"\s+(?:der|des)\s+(?=[A-ZÄÖÜ])")


def _record(doc: Document, c: _Candidate) -> Organisation:
    sp = span(doc, c.start, c.end)
    return Organisation(name=c.name, span=sp, kind=c.kind, ref=c.ref, surface=sp.quote)


def extract_organisations(doc: Document, reference: ReferenceData) -> list[Organisation]:
    """Every organisation named in `doc`, one record per mention, in text order."""
    juris = document_jurisdiction(doc, reference)
    occ = _LITERALS.find(doc.text)
    gaz = [_from_ref(h.start, h.end, h.org) for h in gazetteer(reference).find(doc.text)]
    gaz_starts = {c.start for c in gaz}
    gaz_ends = {c.end for c in gaz}
    text_end = len(doc.text.rstrip())
    # A document, not a phrase, that stops without a full stop was cut (an excerpt of a stored page).
    cut_text = text_end > 1000 and doc.text[text_end - 1].isalpha()
    patterns = [
        c
        # A pattern that starts where a known name starts only overreaches it ("…Finanzen, Referat");
        # a company form ending where a known name ends only adds words before it ("Bieter Vlexx GmbH").
        for c in _patterns(doc, reference, juris, occ)
        if (c.start not in gaz_starts or c.kind == "company")
        and (c.end not in gaz_ends or c.ref is not None or c.bounded)
        # An unknown name running into the end of a cut text was cut off there ("Ministerium für Infr").
        and (c.end < text_end or c.ref is not None or c.bounded or not cut_text)
    ]
    # "Deutsche Gesellschaft für Internationale Zusammenarbeit GmbH": a known name with its legal form.
    gaz_at = {c.start: c for c in gaz}
    patterns = [_known_before_form(c, gaz_at.get(c.start), doc.text, reference, juris) for c in patterns]
    # Courts and missions by their seat ("OLG Köln", "der Botschaft in Amman"), ministers' conferences.
    seats = [
        _named(s, e, name, kind, reference, juris, 1)
        for s, e, name, kind in court_and_mission_names(doc.text)
        + conference_names(doc.text)
        + committee_names(doc.text, juris == BUND)
    ]
    cands = (
        gaz
        + patterns
        + seats
        + _header_ministries(doc, reference, juris)
        + _bodies(doc, reference, juris, occ)
    )
    imprint = imprint_ranges(doc.text, occ)
    text = doc.text
    addresses = _address_ranges(text, occ)
    cands = [
        c
        for c in cands
        if not in_ranges(c.start, imprint)
        and not (addresses and _inside(c.start, addresses))
        and not _cited(text, c.start)
    ]
    return [_record(doc, c) for c in _select(cands)]
