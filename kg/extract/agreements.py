"""Agreements: who signed what when ("wurde am 22. Juni 2020 die Kooperationsvereinbarung ... unterzeichnet").

"mich" / "ich" in an answer is the answering minister, so the signatory is the answering ministry.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from kg.extract._orgs import at_word_start
from kg.extract._text import compound_starts, matches_at
from kg.extract.organisations import _HEADER_ANSWER
from kg.model import Agreement, Document, Organisation, Project
from kg.spans import span

MONTHS = {
    m: i + 1
    for i, m in enumerate(
        [
            "Januar",
            "Februar",
            "März",
            "April",
            "Mai",
            "Juni",
            "Juli",
            "August",
            "September",
            "Oktober",
            "November",
            "Dezember",
        ]
    )
}
_DATE = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\.\s*(?:(?P<month>"
    + "|".join(MONTHS)
    + r")\s+|(?P<m>\d{1,2})\.\s*)(?P<y>\d{4})(?!\d)"
)
_SIGNED = re.compile(r"(?:unterzeichnet|unterschrieben|geschlossen|abgeschlossen|vereinbart)(?![\w-])")
# _SIGNED's words one pattern each, in its order: a literal start is found fast, an alternation is
# tried at every character (see _sweep).
_SIGNED_WORDS = tuple(
    re.compile(w + r"(?![\w-])")
    for w in ("unterzeichnet", "unterschrieben", "geschlossen", "abgeschlossen", "vereinbart")
)
_AGREEMENT_NOUN = re.compile(
    r"(?<![\w-])(?P<noun>(?:[A-ZÄÖÜ][\w]*-)*(?:[A-ZÄÖÜ][a-zäöüß]+)?(?:[Vv]ereinbarung|[Vv]ertrag|[Ee]rklärung|[Aa]bkommen)"
    r"|Memorandum\s+of\s+Understanding)(?![\w-])"
)
_QUALIFIER = re.compile(
    r"\s+(?:(?:für|über)\s+(?:die|den|das)\s+„(?P<quoted>[^“”\n]{2,200})[“”]"
    r"|(?P<prep>zur|zum)\s+(?P<target>[A-ZÄÖÜ][\w-]*(?:\s+[A-ZÄÖÜ][\w-]*){0,4})"
    r"|(?P<between>zwischen\s+(?:der|dem|den)\s+\S+(?:\s+\S+){0,4}?\s+und\s+(?:der|dem|den)\s+[A-ZÄÖÜ][\w-]*))"
)
# The day an agreement was signed, or the day it took effect where the text gives only that
# ("wurde mit Gültigkeit ab 1. Januar 2020 ... geschlossen").
_ON_DAY = re.compile(r"(?<![\w-])(?:am|mit\s+(?:Gültigkeit|Wirkung)\s+(?:ab|vom|zum))\s+(?=\d)")
# The same without the look-behind (which makes the engine try every character); checked in Python.
# "am <day>" and "mit Gültigkeit ab <day>" as two literal-led patterns: one alternation of both makes
# the regex engine stop at every "a" and "m" of the text.
_ON_DAY_FAST = (
    re.compile(r"am\s+(?=\d)"),
    re.compile(r"mit\s+(?:Gültigkeit|Wirkung)\s+(?:ab|vom|zum)\s+(?=\d)"),
)
_FIRST_PERSON = re.compile(r"(?<![\w-])(?:mich|ich|mir|mein\w*)(?![\w-])")
_MAYOR = re.compile(r"(?<![\w-])(?:Ober)?[Bb]ürgermeister(?:in)?(?![\w-])")
# A full stop after a day number ("22. Juni") or an abbreviation ends no sentence.
# The mark comes first and the look-behinds after it (each one char wider), so the engine tests them only
# at a full stop, not at every character.
_SENTENCE_END = re.compile(
    r"[.!?](?<![\s(]\d.)(?<![\s(]\d\d.)(?<!\bNr.)(?<!\bDr.)(?<!\bca.)(?<!\bvgl.)(?<!\bbzw.)(?<!\bProf.)"
    r"(?<!\bAbs.)(?<!\bz\.B.)(?<!\bu\.a.)(?<!\bd\.h.)(?<!\bS.)(?<!\bDt.)"
    r"(?=\s+[A-ZÄÖÜ„\"]|\s*\n\s*[\dA-ZÄÖÜ„\"•–-]|\s*\n\s*\n|\s*$)"
)


@dataclass(frozen=True)
class Signing:
    """One sentence that records a signing: where, the agreement's name, its date and who signed."""

    start: int
    end: int
    name: str
    date: str
    signatories: tuple[str, ...]
    project: str | None


def iso_date(text: str) -> str | None:
    """The first date written to the day in `text`, as ISO."""
    m = _DATE.search(text)
    if not m:
        return None
    month = MONTHS[m.group("month")] if m.group("month") else int(m.group("m"))
    day = int(m.group("d"))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return f"{m.group('y')}-{month:02d}-{day:02d}"


def sentence_bounds(text: str, pos: int) -> tuple[int, int]:
    """The sentence around `pos` (a full stop before a capital or a paragraph break ends one)."""
    start = max(0, pos - 2000)  # no sentence end within reach: the sentence starts no further back
    for m in _SENTENCE_END.finditer(text, max(0, pos - 2000), pos):
        start = m.end()
    # Bounded like the look back: a search to the end of a long text for every hit is quadratic.
    limit = min(len(text), pos + 2000)
    m = _SENTENCE_END.search(text, pos, limit)
    end = m.end() if m else limit
    para = text.rfind("\n\n", 0, pos)
    if para >= start:
        start = para + 2
    nxt = text.find("\n\n", pos)
    if 0 <= nxt < end:
        end = nxt
    while start < end and text[start].isspace():
        start += 1
    return start, end


def _answering(organisations: Sequence[Organisation], doc: Document) -> str | None:
    """The answering ministry: from the header facts, else the organisation named in the answer sentence."""
    m = _HEADER_ANSWER.search(doc.text)
    if m is not None:
        for org in organisations:
            if org.span.start == m.start("title"):
                return org.name
    return doc.info.answered_by


def _after_word(text: str, pos: int) -> bool:
    r"""What (?<![\w-]) says at `pos`: no word character and no hyphen before it."""
    return pos == 0 or not (text[pos - 1].isalnum() or text[pos - 1] in "_-")


def _sweep(patterns: Sequence[re.Pattern[str]], text: str) -> list[re.Match[str]]:
    """The matches of the alternation of `patterns` (in their order), from each pattern's own matches.

    Exact where no pattern's matches overlap one another: left to right, the first pattern matching at a
    position wins and hides the matches starting inside it, as the alternation's finditer does.
    """
    found = sorted(
        ((m.start(), rank, m) for rank, rx in enumerate(patterns) for m in rx.finditer(text)),
        key=lambda t: (t[0], t[1]),
    )
    out: list[re.Match[str]] = []
    last = 0
    for start, _rank, m in found:
        if start >= last:
            out.append(m)
            last = m.end()
    return out


def signings(doc: Document, organisations: Sequence[Organisation] = ()) -> list[Signing]:
    """Every sentence that says an agreement was signed on a day, with its signatories."""
    text = doc.text
    out: list[Signing] = []
    seen: set[tuple[int, int]] = set()
    # Organisations in text order, so those of one sentence are a slice, not a scan of all of them.
    by_start = sorted(organisations, key=lambda o: o.span.start)
    org_starts = [o.span.start for o in by_start]
    answering: str | None = None
    answering_known = False
    # A signing counts only with "am <date>" in its sentence, and a sentence reaches at most 2000
    # characters either way (sentence_bounds): with no such phrase that near, skip the verb.
    days = sorted(m.start() for rx in _ON_DAY_FAST for m in rx.finditer(text) if _after_word(text, m.start()))
    for vm in _sweep(_SIGNED_WORDS, text):
        if not at_word_start(text, vm.start()):
            continue
        i = bisect.bisect_left(days, vm.start() - 2000)
        if i == len(days) or days[i] > vm.start() + 2000:
            continue
        start, end = sentence_bounds(text, vm.start())
        if (start, end) in seen:
            continue
        seen.add((start, end))  # a sentence is read once, however many signing verbs it holds
        sentence = text[start:end]
        # The day of the signing is written "am <date>" in the same sentence (tested first: rare and cheap).
        dm = _ON_DAY.search(sentence)
        date = iso_date(sentence[dm.end() : dm.end() + 30]) if dm else None
        if date is None:
            continue
        nm = _AGREEMENT_NOUN.search(sentence)
        if nm is None:
            continue
        noun = nm.group("noun")
        name, project = noun, None
        qm = _QUALIFIER.match(sentence, nm.end())
        if qm and qm.group("quoted"):
            project = " ".join(qm.group("quoted").split())
            name = f"{noun} {project}"
        elif qm and qm.group("target"):
            name = f"{noun} {qm.group('prep')} {' '.join(qm.group('target').split())}"
        elif qm and qm.group("between"):
            name = f"{noun} {' '.join(qm.group('between').split())}"
        quoted = [(start + q.start(), start + q.end()) for q in re.finditer(r"„[^“”]*[“”]", sentence)]
        signatories: list[str] = []
        first = bisect.bisect_left(org_starts, start)
        last = bisect.bisect_left(org_starts, end)
        for org in by_start[first:last]:
            if not any(a <= org.span.start < b for a, b in quoted):
                if org.kind in ("parliament",):
                    continue
                signatories.append(org.name)
        if _FIRST_PERSON.search(sentence):
            if not answering_known:  # the header is searched once, not for every sentence
                answering, answering_known = _answering(organisations, doc), True
            if answering:
                signatories.append(answering)
        if not signatories and _MAYOR.search(sentence):
            # A mayor signs for the city; the one city administration the text names.
            cities = sorted({o.name for o in organisations if o.kind == "municipality"})
            if len(cities) == 1:
                signatories.append(cities[0])
        out.append(Signing(start, end, name, date, tuple(dict.fromkeys(signatories)), project))
    return out


# An agreement named by its parties without a day: "Koalitionsvertrag zwischen CDU/CSU und SPD",
# "Verkehrsvertrag mit DB-Regio", "aus dem Vertrag mit Vlexx".
_NAMED_BY_PARTIES = re.compile(
    r"(?P<noun>(?:[A-ZÄÖÜ][a-zäöüß]+)?(?:[Vv]ertrag|[Vv]ereinbarung|[Aa]bkommen))(?:es|s)?"
    r"(?P<year>\s+(?:19|20)\d\d)?(?P<rest>\s+(?:(?P<between>zwischen)|mit)\s+(?:de[mnrs]\s+)?)"
)
_PARTY_LINK = re.compile(r"\s*(?:,|und|sowie)\s+(?:de[mnrs]\s+)?")
# Where _NAMED_BY_PARTIES can match: its head nouns without their first letter, found by str.find.
_PARTIES_AFTER = re.compile(r"(?:es|s)?(?:\s+(?:19|20)\d\d)?\s+(?:zwischen|mit)\s")
_PARTY_NOUN_TAILS = (("ertrag", "Vv"), ("ereinbarung", "Vv"), ("bkommen", "Aa"))


def _named_by_parties(text: str) -> list[re.Match[str]]:
    """_NAMED_BY_PARTIES.finditer(text), the pattern tried only where one of its nouns begins: at the
    noun ("Vertrag") or at the capital of a compound ending in it ("Verkehrsvertrag")."""
    return matches_at(
        _NAMED_BY_PARTIES, text, compound_starts(text, _PARTY_NOUN_TAILS, True, 1, _PARTIES_AFTER)
    )


def undated_agreements(doc: Document, organisations: Sequence[Organisation]) -> list[Agreement]:
    """Agreements named by their parties ("Vertrag mit X", "Vertrag zwischen X und Y"), without a day."""
    text = doc.text
    by_start = {o.span.start: o for o in organisations if o.kind != "parliament"}
    out: list[Agreement] = []
    seen: set[tuple[str, tuple[str, ...]]] = set()
    for m in _named_by_parties(text):
        if not at_word_start(text, m.start()):
            continue
        parties: list[Organisation] = []
        pos = m.end()
        org = by_start.get(pos)
        while org is not None:
            parties.append(org)
            if m.group("between") is None:
                break
            link = _PARTY_LINK.match(text, org.span.end)
            org = by_start.get(link.end()) if link else None
        # "zwischen" needs two parties; one alone may be the start of a longer phrase.
        if not parties or (m.group("between") is not None and len(parties) < 2):
            continue
        names = tuple(dict.fromkeys(o.name for o in parties))
        noun = m.group("noun")
        # The same kind of contract with a party in common is the same contract, named again
        # ("Koalitionsvertrag zwischen CDU/CSU und SPD", later "… zwischen CDU, CSU und SPD").
        if any(n == noun and set(names) & set(earlier) for n, earlier in seen):
            continue
        seen.add((noun, names))
        end = parties[-1].span.end
        # ("Koalitionsvertrag 2025 zwischen CDU, CSU und SPD": the year is part of the name)
        after_noun = m.start("year") if m.group("year") else m.start("rest")
        name = f"{noun} {' '.join(text[after_noun:end].split())}"
        out.append(Agreement(name=name, span=span(doc, m.start(), end), date=None, signatories=names))
    return out


# A treaty or contract named with its day: "Der Vertrag vom 27. Januar 1967 über die Grundsätze ...",
# "des Übereinkommens vom 6. März 1997 zwischen den Parteien ...", "Abkommen vom 16.12.1997 über ...".
_DATED_ON = re.compile(r"vom\s+(?=\d)")
_TREATY_NOUN = re.compile(
    r"(?:[A-ZÄÖÜ][\w-]*)?(?:[Vv]ertrag|[Aa]bkommen|[Üü]bereinkommen|[Kk]onvention|[Pp]rotokoll|[Vv]ereinbarung)"
    r"(?:es|s)?"
)
# The day of a law's title, not of the treaty it enacts ("Gesetz zu dem Abkommen vom ...",
# "Ausführungsgesetz zum Chemiewaffenübereinkommen vom ..."); articles of association are no agreement
# between parties.
_LAW_BEFORE = re.compile(r"(?:[Gg]esetz\w*|[Vv]erordnung)\s+(?:zu\s+dem|zum|zur)\s+$")
_NOT_A_TREATY = ("Gesellschaftsvertrag",)
# What the treaty is on or between, up to a bracket, a figure or a punctuation mark, over up to four lines.
_TREATY_SUBJECT = re.compile(
    r"\s+(?:über|zwischen|zur|zum)\s+[^()\n.,;:?!„“\d]+(?:\n[^()\n.,;:?!„“\d]+){0,3}"
)


def dated_treaties(doc: Document, organisations: Sequence[Organisation]) -> list[Agreement]:
    """Treaties and contracts named with the day they were made ("Vertrag vom 27. Januar 1967 über ...")."""
    text = doc.text
    by_start = sorted((o for o in organisations if o.kind != "parliament"), key=lambda o: o.span.start)
    starts = [o.span.start for o in by_start]
    out: list[Agreement] = []
    seen: set[str] = set()
    for m in _DATED_ON.finditer(text):
        if not _after_word(text, m.start()):
            continue
        head = text[max(0, m.start() - 80) : m.start()]
        words = head.split()
        if not words or not head[-1].isspace():
            continue
        noun = words[-1]
        if not _TREATY_NOUN.fullmatch(noun) or noun.startswith(_NOT_A_TREATY):
            continue
        noun_start = m.start() - len(head) + head.rstrip().rfind(noun)
        if _LAW_BEFORE.search(text, max(0, noun_start - 40), noun_start):
            continue
        dm = _DATE.match(text, m.end())
        date = iso_date(dm.group(0)) if dm else None
        if dm is None or date is None or date in seen:
            continue
        seen.add(date)
        end = dm.end()
        if sm := _TREATY_SUBJECT.match(text, end):
            words_after = sm.group(0).split()
            end = sm.end() if len(words_after) <= 25 else end
        name = " ".join(text[noun_start:end].split())
        lo, hi = bisect.bisect_left(starts, noun_start), bisect.bisect_left(starts, end)
        parties = tuple(dict.fromkeys(o.name for o in by_start[lo:hi]))
        out.append(Agreement(name=name, span=span(doc, noun_start, end), date=date, signatories=parties))
    return out


def _base_noun(word: str) -> str:
    """A treaty noun without its genitive ending ("Vertrages" -> "Vertrag")."""
    return re.sub(r"(?<=ag|en|ng|ll|on)(?:es|s)$", "", word)


def extract_agreements(
    doc: Document, organisations: Sequence[Organisation] = (), projects: Sequence[Project] = ()
) -> list[Agreement]:
    """Agreements signed on a stated day, with their signatories as canonical organisation names."""
    out = []
    for s in signings(doc, organisations):
        project = s.project
        for p in projects:
            if project and (project == p.name or project in p.aliases):
                project = p.name
        out.append(
            Agreement(
                name=s.name,
                span=span(doc, s.start, s.end),
                date=s.date,
                signatories=s.signatories,
                project=project,
            )
        )
    dated = [(a.name.split()[0], frozenset(a.signatories)) for a in out]
    undated = undated_agreements(doc, organisations)
    # A treaty named with its day, unless a signing already gave that day or the text names the same
    # kind of contract by its parties elsewhere (then it is listed once, as the text names its parties).
    signed_days = {a.date for a in out}
    undated_nouns = {a.name.split()[0] for a in undated}
    for a in dated_treaties(doc, organisations):
        if a.date not in signed_days and _base_noun(a.name.split()[0]) not in undated_nouns:
            out.append(a)
    for a in undated:
        # An agreement of the same kind whose signing day the text records, among whose signatories
        # these parties are, is that one ("Kooperationsvereinbarung mit der GIZ").
        if not any(a.name.split()[0] == noun and set(a.signatories) <= signed for noun, signed in dated):
            out.append(a)
    if not any(a.name.startswith(_COALITION_NOUNS) for a in out):
        coalition = _coalition_agreement(doc)
        if coalition is not None:
            out.append(coalition)
    return out


# The coalition agreement a government works by, named without its parties ("laut Koalitionsvertrag",
# "im Koalitionsvertrag für die 21. Legislaturperiode"): one agreement, undated, its parties unnamed.
_COALITION_NOUNS = ("Koalitionsvertrag", "Koalitionsvereinbarung")
_COALITION = re.compile(
    r"(?P<noun>Koalitionsvertrag|Koalitionsvereinbarung)(?:es|s|en)?(?![\w-])"
    r"(?P<period>\s+(?:für\s+die|der)\s+\d{1,2}\.\s+(?:Legislaturperiode|Wahlperiode))?"
)


def _coalition_agreement(doc: Document) -> Agreement | None:
    """The coalition agreement the text names without its parties, at its first mention."""
    text = doc.text
    if "Koalitions" not in text:
        return None
    for m in _COALITION.finditer(text):
        if not at_word_start(text, m.start()):
            continue
        name = m.group("noun") + (" " + " ".join(m.group("period").split()) if m.group("period") else "")
        return Agreement(name=name, span=span(doc, m.start(), m.end()), date=None, signatories=())
    return None
