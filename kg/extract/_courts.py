"""Courts and missions named by their seat: "Landgericht Bonn", "OLG Köln", "Deutsche Botschaft Beirut".

Each is an organisation of its own; the name is given in its full, nominative form whatever the text
writes ("des Oberlandesgerichts Köln", "OVG Münster", "der Botschaft in Amman").
"""

from __future__ import annotations

import re

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
}
_BY_ABBREVIATION = {abbr: court for court, abbr in _COURTS.items() if abbr}
# A seat: one capitalised word, hyphenated parts allowed, with "am Main", "an der Oder" and the like.
_SEAT = (
    r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*"
    r"(?:[ \t]+(?:am|an[ \t]+der|im|in[ \t]+der)[ \t]+[A-ZÄÖÜ][a-zäöüß]+)?"
)
_COURT = re.compile(
    r"(?<![\w-])(?P<court>" + "|".join(sorted(_COURTS, key=len, reverse=True)) + r")(?:e?s)?[ \t]+"
    r"(?P<seat>" + _SEAT + r")(?![\w-])"
)
_COURT_ABBREVIATION = re.compile(
    r"(?<![\w-])(?P<abbr>" + "|".join(sorted(_BY_ABBREVIATION, key=len, reverse=True)) + r")[ \t]+"
    r"(?P<seat>" + _SEAT + r")(?![\w-])"
)
# German missions abroad: "Deutsche Botschaft Beirut", "der Botschaft in Amman", "Generalkonsulat Istanbul".
_MISSION = re.compile(
    r"(?<![\w-])(?:(?P<adj>Deutsche[nrs]?)[ \t]+)?(?P<kind>Botschaft|Generalkonsulat(?:e?s)?)[ \t]+"
    r"(?:(?P<in>in)[ \t]+)?(?P<seat>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*)(?![\w-])"
)
# Words after "Botschaft in" that are no city ("die Botschaft in Richtung ...": a message).
_NOT_A_SEAT = re.compile(r"(?:ung|heit|keit|schaft|tion|ik|ismus|tät|nis|ment)$")


def court_and_mission_names(text: str) -> list[tuple[int, int, str, str]]:
    """(start, end, name, kind) of each court or German mission abroad named by its seat in `text` (kind
    "agency": a public body)."""
    out: list[tuple[int, int, str, str]] = []
    if "gericht" in text:
        for m in _COURT.finditer(text):
            if not _NOT_A_SEAT.search(m.group("seat")):
                out.append((m.start(), m.end(), f"{m.group('court')} {_seat(m.group('seat'))}", "agency"))
    for m in _COURT_ABBREVIATION.finditer(text):
        if not _NOT_A_SEAT.search(m.group("seat")):
            court = _BY_ABBREVIATION[m.group("abbr")]
            out.append((m.start(), m.end(), f"{court} {_seat(m.group('seat'))}", "agency"))
    if "Botschaft" in text or "Generalkonsulat" in text:
        for m in _MISSION.finditer(text):
            seat = m.group("seat")
            # Without "deutsch" or "in", "Botschaft X" is rarely a mission ("Botschaft Deutschlands").
            if not (m.group("adj") or m.group("in")) or _NOT_A_SEAT.search(seat):
                continue
            if not m.group("in") and seat.endswith("s"):
                continue  # "Deutsche Botschaft Deutschlands": a genitive, no seat
            kind = "Botschaft" if m.group("kind") == "Botschaft" else "Generalkonsulat"
            name = (
                f"Deutsche Botschaft {seat}" if kind == "Botschaft" else f"Deutsches Generalkonsulat {seat}"
            )
            out.append((m.start(), m.end(), name, "agency"))
    return sorted(out)


def _seat(seat: str) -> str:
    return " ".join(seat.split())
