"""Bodies named by a pattern of their kind: courts, prosecutors' offices and missions by their seat
("Landgericht Bonn", "OLG Köln", "Staatsanwaltschaft Essen", "Deutsche Botschaft Beirut") and the
standing conferences of the Länder ministers ("Agrarministerkonferenz", "Ministerpräsidentenkonferenz").

Each is an organisation of its own; the name is given in its full, nominative form whatever the text
writes ("des Oberlandesgerichts Köln", "OVG Münster", "der Botschaft in Amman").
"""

from __future__ import annotations

import re

from kg.extract._orgs import anchored_matches, word_start
from kg.extract._text import matches_at

# Courts of the Länder, by their full name (any case ending) and by the abbreviations the courts use.
_COURTS = {
    "Landgericht": "LG",
    "Oberlandesgericht": "OLG",
    "Verwaltungsgericht": "VG",
    "Oberverwaltungsgericht": "OVG",
    "Verwaltungsgerichtshof": "VGH",
    "Amtsgericht": None,  # "AG" is far more often a company's legal form
    "Sozialgericht": "SG",
    "Landessozialgericht": "LSG",
    "Arbeitsgericht": "ArbG",
    "Landesarbeitsgericht": "LAG",
    "Finanzgericht": "FG",
    # Public prosecutors' offices are named by their seat the same way ("Staatsanwaltschaft Köln").
    "Staatsanwaltschaft": None,
    "Generalstaatsanwaltschaft": None,
}
_BY_ABBREVIATION = {abbr: court for court, abbr in _COURTS.items() if abbr}
# A seat: one capitalised word, hyphenated parts allowed, with "am Main", "an der Oder" and the like.
_SEAT = (
    r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*"
    r"(?:[ \t]+(?:am[ \t]+(?:Main|Rhein|Neckar)|an[ \t]+der[ \t]+(?:Oder|Spree|Saale|Havel|Donau|Lahn|Ruhr)"
    r"|im[ \t]+Breisgau))?"
)
_COURT = re.compile(
    r"(?P<court>" + "|".join(sorted(_COURTS, key=len, reverse=True)) + r")(?:e?s)?\s+"
    r"(?:\((?:" + "|".join(sorted(_BY_ABBREVIATION, key=len, reverse=True)) + r"|AG)\)\s+)?"
    r"(?P<seat>" + _SEAT + r")(?![\w-])"
)
_COURT_ABBREVIATION = re.compile(
    r"(?P<abbr>" + "|".join(sorted(_BY_ABBREVIATION, key=len, reverse=True)) + r")\s+"
    r"(?P<seat>" + _SEAT + r")(?![\w-])"
)
# German missions abroad: "Deutsche Botschaft Beirut", "der Botschaft in Amman", "Generalkonsulat Istanbul".
_MISSION = re.compile(
    r"(?<![\w-])(?:(?P<adj>[A-ZÄÖÜa-zäöü][a-zäöüß]*(?:sche|che)[nrs]?)[ \t]+)?"
    r"(?P<kind>Botschaft|Generalkonsulat(?:e?s)?)[ \t]+"
    r"(?:(?P<in>in)[ \t]+)?(?P<seat>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*)(?![\w-])"
)
# Words after "Botschaft in" that are no city ("die Botschaft in Richtung ...": a message).
_NOT_A_SEAT = re.compile(
    r"(?:ung|ungen|heit|keit|schaft|tion|ik|ismus|tät|nis|ment|zwang|verfahren|recht|pflicht|gesetz|antrag|gang|zahl)$"
)


_FEMININE_BEFORE = re.compile(r"(?<![\w-])(?:die|der)[ \t]+$")


def court_and_mission_names(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, kind) of each court or German mission abroad named by its seat in `text` (kind
    "agency": a public body)."""
    out: list[tuple[int, int, str, str]] = []
    # The patterns are tried only where a court's word or abbreviation ends (found by str.find): an
    # alternation of the names would make the regex engine stop at every capital of the text.
    for m in anchored_matches(_COURT, text, ("gericht", "anwaltschaft")):
        if not _NOT_A_SEAT.search(m.group("seat")):
            out.append((m.start(), m.end(), f"{m.group('court')} {_seat(m.group('seat'))}", "agency"))
    ends = (word_start(text, g.start()) for g in _ABBREVIATION_END.finditer(text))
    for m in matches_at(_COURT_ABBREVIATION, text, ends):
        if m.group("abbr") == "VG" and _FEMININE_BEFORE.search(text, max(0, m.start() - 5), m.start()):
            continue  # "die VG Asbach": a Verbandsgemeinde, no court
        if not _NOT_A_SEAT.search(m.group("seat")):
            court = _BY_ABBREVIATION[m.group("abbr")]
            out.append((m.start(), m.end(), f"{court} {_seat(m.group('seat'))}", "agency"))
    if "Botschaft" in text or "Generalkonsulat" in text:
        for m in _MISSION.finditer(text):
            seat, adj = m.group("seat"), m.group("adj")
            if adj and not adj.lower().startswith("deutsch"):
                continue  # "die syrische Botschaft in Berlin": another country's mission
            # Without "deutsch" or "in", "Botschaft X" is rarely a mission ("Botschaft Deutschlands").
            if not (adj or m.group("in")) or _NOT_A_SEAT.search(seat) or seat == "Deutschland":
                continue
            if not m.group("in") and seat.endswith("s"):
                continue  # "Deutsche Botschaft Deutschlands": a genitive, no seat
            kind = "Botschaft" if m.group("kind") == "Botschaft" else "Generalkonsulat"
            name = (
                f"Deutsche Botschaft {seat}" if kind == "Botschaft" else f"Deutsches Generalkonsulat {seat}"
            )
            out.append((m.start(), m.end(), name, "agency"))
    return sorted(out)


# Where an abbreviation of a court ends ("OLG Köln", "VGH Mannheim"): the pattern is tried only at the
# start of that word.
_ABBREVIATION_END = re.compile(r"GH?(?=\s+[A-ZÄÖÜ])")


def _inside_word(text: str, at: int) -> bool:
    """Whether `at` is inside a word (the patterns start with a literal, so the regex engine skips ahead
    by it; a look-behind in front would make it try every character)."""
    return at > 0 and (text[at - 1].isalnum() or text[at - 1] in "_-")


def _seat(seat: str) -> str:
    return " ".join(seat.split())


# A standing conference of the Länder's ministers or heads of office ("der Agrarministerkonferenz",
# "Jugend- und Familienministerkonferenz", "Amtschefkonferenz"); a plural names none in particular.
_CONFERENCE = re.compile(
    r"(?P<name>(?:[A-ZÄÖÜ][a-zäöüß]+-?(?:[ \t]+und[ \t]+[A-Za-zäöüß]+)?)?ministerkonferenz"
    r"|Ministerpräsidentenkonferenz|Amtschefkonferenz)(?!en\b|[\w-])"
)


def conference_names(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, "other") of each standing conference of ministers named in `text`."""
    if "konferenz" not in text:
        return []
    out = []
    for m in _CONFERENCE.finditer(text):
        name = m.group("name")
        if _inside_word(text, m.start()) or not name[0].isupper() or name == "Fachministerkonferenz":
            continue  # (a "Fachministerkonferenz" is any of them)
        out.append((m.start(), m.end(), " ".join(name.split()), "other"))
    return out


# Committees of the Bundestag: "Haushaltsausschuss des Deutschen Bundestages", "des Innenausschusses des
# Bundestags", and in a Bundestag document the bare "der Haushaltsausschuss". Named in one form whatever the
# text writes: "<X>ausschuss des Deutschen Bundestages".
_COMMITTEE = re.compile(
    r"(?P<head>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*ausschuss)(?P<gen>es|s)?"
    r"(?P<of>\s+des\s+(?:Deutschen\s+)?Bundestag(?:e)?s)?(?![\w-])"
)
# The Bundestag's standing committees by their short names, which a Bundestag document uses bare.
_STANDING_COMMITTEES = frozenset(
    {
        "Haushaltsausschuss",
        "Finanzausschuss",
        "Innenausschuss",
        "Rechtsausschuss",
        "Verteidigungsausschuss",
        "Wirtschaftsausschuss",
        "Petitionsausschuss",
        "Gesundheitsausschuss",
        "Verkehrsausschuss",
        "Sportausschuss",
        "Umweltausschuss",
        "Familienausschuss",
        "Bildungsausschuss",
        "Europaausschuss",
        "Digitalausschuss",
        "Kulturausschuss",
        "Tourismusausschuss",
        "Bauausschuss",
        "Wahlprüfungsausschuss",
        "Menschenrechtsausschuss",
        "Entwicklungsausschuss",
        "Landwirtschaftsausschuss",
        "Rechnungsprüfungsausschuss",
    }
)
_ARTICLE_BEFORE = re.compile(r"(?:der|dem|den|des|im|vom|zum)[ \t]+$")
# Committees of other bodies, and words that only look like one ("Ausschuss" of a firm, a Land).
_NOT_COMMITTEE = re.compile(
    r"\s+(?:des|der)\s+(?:Landtag|Bundesrat|Bürgerschaft|Abgeordnetenhaus|Europäischen)"
)


def committee_names(text: str, federal: bool) -> list[tuple[int, int, str, str]]:
    """(start, end, name, "parliament-body") of each Bundestag committee named in `text`; the bare name
    ("der Haushaltsausschuss") only in a document of the Bundestag (`federal`)."""
    if "ausschuss" not in text:
        return []
    out = []
    for m in _COMMITTEE.finditer(text):
        if _inside_word(text, m.start()):
            continue
        head = m.group("head")
        if head.startswith(("Unter", "Sonder")):
            continue  # "ein Unterausschuss des Bundestags": which one, the text does not say
        if m.group("of") is None:
            bare_ok = (
                federal
                and head in _STANDING_COMMITTEES
                and _ARTICLE_BEFORE.search(text, max(0, m.start() - 6), m.start())
            )
            if not bare_ok or _NOT_COMMITTEE.match(text, m.end()):
                continue
        out.append((m.start(), m.end(), f"{head} des Deutschen Bundestages", "other"))
    return out
