"""Organisations named in a document: gazetteer hits, header ministries, name patterns, enumerations.

One record per mention; `name` is the canonical name when the reference data knows the
organisation, else the surface brought to its nominative form ("Stadt Dinslaken").
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from kg.extract._orgs import (
    BUND,
    LANDS,
    body_name,
    body_of,
    document_jurisdiction,
    gazetteer,
    imprint_ranges,
    in_ranges,
    lookup,
    normalise_ministry,
    post_to_ministry,
    word_matches,
)
from kg.model import Document, Organisation
from kg.reference import ReferenceData, RefOrganisation
from kg.spans import span

_CAP = r"[A-ZÄÖÜ][\w-]*"
_ADJ = r"[a-zäöü][a-zäöüß]+(?:e|en|er|es)"
_CITY = r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)*(?:\s(?:an\sder|am|im|in\sder|an)\s[A-ZÄÖÜ][a-zäöüß]+)?"
_GENITIVE_TAIL = re.compile(
    r"\s+(?:des\s+Landes|des\s+Freistaate?s|der\s+Freien(?:\s+und)?\s+Hansestadt)\s+[A-ZÄÖÜ][\w-]+|\s+des\s+Saarlandes"
)
_MINISTRY_HEAD = re.compile(r"(?:Bundes)?[Mm]inisteri(?:um|ums)\s+(?:für|der|des)\s+")
_COMPOUND_MINISTRY = re.compile(r"((?!Bundes)[A-ZÄÖÜ][a-zäöüß]+ministeri(?:um|ums))(?![\w-])")
_WORD_START = re.compile(r"[\w-]*$")
_AGENCY_HEAD = re.compile(
    r"(?:Bundes|Landes)(?:amt|anstalt|agentur|zentralamt|zentrale|behörde|betrieb|verwaltungsamt)"
    r"(?:es|s)?\s+(?:für|der|des)\s+"
)
_MUNICIPALITY = re.compile(rf"(Stadt|Kreis|Landkreis|Gemeinde|Kreisstadt)\s+({_CITY})(?![\w-])")
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
    ]
)
_LINK_WORDS = frozenset({"für", "&"})
_HEADER_ANSWER = re.compile(
    r"(?:Der|Die)\s+(?P<title>(?:Bundes)?[Mm]inister(?:in)?(?:\s+(?:für|der|des)\s+[^*\n]+?)?"
    r"|[A-ZÄÖÜ][a-zäöüß]+minister(?:in)?|Ministerpräsident(?:in)?)"
    r"\**\s+hat\s+die\s+(?:\w+\s+)?Anfrage\b(?P<rest>.{0,600}?)\bbeantwortet",
    re.S,
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


def _from_ref(start: int, end: int, org: RefOrganisation, priority: int = 2) -> _Candidate:
    return _Candidate(start, end, org.name, org.kind, org.id, priority)


def _named(
    start: int, end: int, name: str, kind: str, reference: ReferenceData, juris: str | None, priority: int
) -> _Candidate:
    org = lookup(name, reference, juris)
    if org is not None:
        return _from_ref(start, end, org, priority)
    return _Candidate(start, end, " ".join(name.split()), kind, None, priority)


def _consume_name_tail(text: str, pos: int) -> int:
    """End of a name's tail like "Kinder, Familie, Flüchtlinge und Integration" starting at `pos`."""
    item = re.compile(rf"(?:{_ADJ}\s+)?{_CAP}")
    link = re.compile(rf"(?:,\s*|\s+und\s+(?:für\s+)?)(?=(?:{_ADJ}\s+)?{_CAP})")
    m = item.match(text, pos)
    if not m:
        return pos
    end = m.end()
    while True:
        lm = link.match(text, end)
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


def _patterns(doc: Document, reference: ReferenceData, juris: str | None) -> list[_Candidate]:
    text = doc.text
    out: list[_Candidate] = []
    land = LANDS.get(juris or "")
    for head in (_MINISTRY_HEAD, _AGENCY_HEAD):
        for m in word_matches(head, text):
            end = _consume_name_tail(text, m.end())
            if end == m.end():
                continue
            name = normalise_ministry(" ".join(text[m.start() : end].split()))
            is_land_ministry = head is _MINISTRY_HEAD and name.startswith("Ministerium") and land is not None
            if is_land_ministry and land.genitive not in name and not _GENITIVE_TAIL.search(name):
                name = f"{name} {land.genitive}"
            kind = "ministry" if head is _MINISTRY_HEAD else "agency"
            out.append(_named(m.start(), end, name, kind, reference, juris, 0))
    if land is not None:
        for m in _compound_ministries(text):
            name = f"{normalise_ministry(m.group(1))} {land.genitive}"
            out.append(_named(m.start(), m.end(), name, "ministry", reference, juris, 0))
    for m in word_matches(_MUNICIPALITY, text):
        out.append(
            _named(m.start(), m.end(), f"{m.group(1)} {m.group(2)}", "municipality", reference, juris, 1)
        )
    out.extend(_enumerations(doc, reference, juris))
    out.extend(_companies(text, reference, juris))
    out.extend(_firms(text, reference, juris))
    return out


def _compound_ministries(text: str) -> list[re.Match[str]]:
    """ "Finanzministerium", "Innenministeriums": found by the literal "ministeri", matched at word start."""
    out: list[re.Match[str]] = []
    pos = text.find("ministeri")
    while pos >= 0:
        start = pos - len(_WORD_START.search(text, max(0, pos - 40), pos).group(0))
        m = _COMPOUND_MINISTRY.match(text, start)
        if m is not None:
            out.append(m)
        pos = text.find("ministeri", pos + 9)
    return out


def _enumerations(doc: Document, reference: ReferenceData, juris: str | None) -> list[_Candidate]:
    """ "Kommunen Dortmund, Duisburg und Essen": three city administrations; "Länder A und B": two Länder."""
    out: list[_Candidate] = []
    land_names = {land.name for land in LANDS.values()}
    for m in word_matches(_ENUMERATION, doc.text):
        noun = m.group(1)
        is_land = noun.startswith(("Länder", "Bundesländer"))
        for item in re.finditer(_CITY, m.group(2)):
            word = item.group(0)
            if word in ("und", "sowie"):
                continue
            start, end = m.start(2) + item.start(), m.start(2) + item.end()
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


def _companies(text: str, reference: ReferenceData, juris: str | None) -> list[_Candidate]:
    """Names ending in a company form: "Tesla Automation GmbH", "DB InfraGO AG", "X e. V."."""
    out: list[_Candidate] = []
    for m in word_matches(_COMPANY_SUFFIX, text):
        window_start = max(0, m.start() - 160)
        tokens = list(re.finditer(r"\S+", text[window_start : m.start()]))
        start = None
        taken = 0
        for tok in reversed(tokens):
            word = tok.group(0)
            if taken >= 7:
                break
            if word.endswith(",") and not (taken == 0 and m.group(0) in ("Inc.", "LLC", "Ltd.")):
                break
            if word.endswith((".", ":", ";", "“", '"', "“,")) and not re.fullmatch(r"Co\.|[A-Z]\.", word):
                break
            if word in _NOT_NAME_START:
                break
            opens = word[0] in "(„\"'"
            core = word.lstrip("(„\"'").rstrip(",")
            if not core:
                break
            if not (core[0].isupper() or core[0].isdigit() or core in _LINK_WORDS or core.startswith("(")):
                break
            start = window_start + tok.start() + (len(word) - len(word.lstrip("(„\"'")))
            taken += 1  # noqa: SIM113 - counts accepted words, not loop turns
            if opens:
                break
        if start is None:
            continue
        # Drop leading words that are no part of a name, and leading link words.
        while True:
            first = re.match(r"\S+", text[start:])
            if first is None:
                break
            w = first.group(0)
            if w in _NOT_NAME_START or w in _LINK_WORDS:
                nxt = re.compile(r"\S+\s+").match(text, start)
                if nxt is None or nxt.end() >= m.start():
                    start = None
                    break
                start = nxt.end()
                continue
            break
        if start is None or start >= m.start():
            continue
        name = " ".join(text[start : m.end()].split())
        out.append(_named(start, m.end(), name, "company", reference, juris, 1))
    return out


# A company named after "Firma"/"Unternehmen", or listed as "X und Tochterfirmen".
_FIRM_NAME = r"(?:[A-Za-z0-9][\w&.-]*[A-Z][\w&.-]*|[A-ZÄÖÜ][\w&.-]*)(?:\s+(?:[A-ZÄÖÜ][\w&-]*\.?))*"
_FIRM_AFTER_NOUN = re.compile(rf"(?:Firma|Unternehmens|Konzerns|Herstellers)\s+(?P<n>{_FIRM_NAME})")
_FIRM_WITH_SUBSIDIARIES = re.compile(
    rf"(?m)^\s*(?:[a-z]\)|[-•])\s+(?P<n>{_FIRM_NAME})\s+und\s+(?:ihre\s+)?Tochter(?:firmen|unternehmen|gesellschaften)"
)
_CHAMBER = re.compile(
    r"AHK\s+(?:[A-ZÄÖÜ][a-zäöüß]+(?:es|e)\s+|Sri\s+|Saudi-|Costa\s+)?[A-ZÄÖÜ][\w-]*[a-zäöüß]"
    r"|Delegation\s+der\s+(?:Deutschen|Dt\.)\s+Wirtschaft\s+(?:in|für)\s+[A-ZÄÖÜ][\w-]+"
)


def _firms(text: str, reference: ReferenceData, juris: str | None) -> list[_Candidate]:
    """Companies named after a noun that says so ("der Firma Starlink") and chambers abroad ("AHK Peru")."""
    out: list[_Candidate] = []
    firm_hits = word_matches(_FIRM_AFTER_NOUN, text)
    if "Tochter" in text:  # a cheap test before a regex that must try every line
        firm_hits += list(_FIRM_WITH_SUBSIDIARIES.finditer(text))
    for m in firm_hits:
        name = m.group("n").rstrip(",")
        if name.endswith(".") and not re.search(r"(?:Corp|Inc|Ltd|Co)\.$", name):
            name = name[:-1]
        start = m.start("n")
        out.append(_named(start, start + len(name), name, "company", reference, juris, 1))
    chambers = word_matches(_CHAMBER, text) if "AHK" in text or "Delegation" in text else []
    for m in chambers:
        name = re.sub(r"\bDt\.", "Deutschen", " ".join(m.group(0).split()))
        out.append(_named(m.start(), m.end(), name, "association", reference, juris, 1))
    return out


def _header_ministries(doc: Document, reference: ReferenceData, juris: str | None) -> list[_Candidate]:
    """Ministries named by their minister in "Der Minister X hat die Kleine Anfrage ... beantwortet"."""
    out: list[_Candidate] = []
    m = _HEADER_ANSWER.search(doc.text)
    if not m:
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


def _bodies(doc: Document, reference: ReferenceData, juris: str | None) -> list[_Candidate]:
    """The document's own government, cabinet and parliament named by a bare noun."""
    out: list[_Candidate] = []
    text = doc.text
    rules = [(_CABINET, "cabinet"), (_PARLIAMENT, "parliament")]
    if juris not in (None, BUND):
        rules += [(_GOVERNMENT, "government"), (_LAND_PARLIAMENT, "parliament")]
    for regex, kind in rules:
        name = body_name(reference, kind, juris)
        if name is None:
            continue
        org = body_of(reference, kind, juris)
        for m in word_matches(regex, text):
            if org is not None:
                out.append(_from_ref(m.start(), m.end(), org, 1))
            else:
                out.append(_Candidate(m.start(), m.end(), name, kind, None, 1))
    return out


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


def _record(doc: Document, c: _Candidate) -> Organisation:
    sp = span(doc, c.start, c.end)
    return Organisation(name=c.name, span=sp, kind=c.kind, ref=c.ref, surface=sp.quote)


def extract_organisations(doc: Document, reference: ReferenceData) -> list[Organisation]:
    """Every organisation named in `doc`, one record per mention, in text order."""
    juris = document_jurisdiction(doc, reference)
    gaz = [_from_ref(h.start, h.end, h.org) for h in gazetteer(reference).find(doc.text)]
    gaz_starts = {c.start for c in gaz}
    gaz_ends = {c.end for c in gaz}
    patterns = [
        c
        # A pattern that starts where a known name starts only overreaches it ("…Finanzen, Referat");
        # a company form ending where a known name ends only adds words before it ("Bieter Vlexx GmbH").
        for c in _patterns(doc, reference, juris)
        if (c.start not in gaz_starts or c.kind == "company") and (c.end not in gaz_ends or c.ref is not None)
    ]
    cands = gaz + patterns + _header_ministries(doc, reference, juris) + _bodies(doc, reference, juris)
    imprint = imprint_ranges(doc.text)
    cands = [c for c in cands if not in_ranges(c.start, imprint)]
    return [_record(doc, c) for c in _select(cands)]
