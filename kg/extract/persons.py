"""Natural persons named in a document: questioners from the header, persons with an office in prose.

Party names are canonical (from the gazetteer); an office is spelt out for the document's Land
("Ministerpräsident" -> "Ministerpräsident des Landes Nordrhein-Westfalen").
"""

from __future__ import annotations

import re
from dataclasses import replace

from kg.extract._orgs import (
    LANDS,
    at_word_start,
    document_jurisdiction,
    lookup,
    word_start,
)
from kg.extract._text import compound_starts, found_starts, matches_at, positions
from kg.model import Document, Person
from kg.reference import ReferenceData, RefPerson
from kg.spans import span

# Names use the whole Latin range ("Salihović", "Łukasz", "Şahin"): Latin-1 letters and Latin Extended-A,
# whose upper- and lower-case letters alternate, so both classes hold all of it.
_UP = "A-ZÄÖÜÀ-ÖØ-ÞĀ-ž"
_LOW = "a-zäöüßà-öø-ÿĀ-ž"
_NAME_WORD = rf"[{_UP}][{_LOW}'’]+(?:-[{_UP}][{_LOW}'’]+)?"
_INITIAL = rf"[{_UP}]\."
_PARTICLE = r"(?:von\s+der|von\s+dem|van\s+der|von|van|de|zu|vom|zur)"
_TITLES = r"(?:(?:Dr\.|Prof\.|Professor|Professorin|Dr\.-Ing\.)\s+)*"
# Firstname [Middlename] [particle] Lastname; any whitespace between (names break across lines).
PERSON_NAME = rf"{_NAME_WORD}(?:\s+{_NAME_WORD})?\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}"
# In a header's list of names a double name may break at its hyphen ("Hans-\nJürgen Goßner").
_LIST_NAME_WORD = rf"[{_UP}][{_LOW}'’]+(?:-(?:[ \t]*\n[ \t]*)?[{_UP}][{_LOW}'’]+)?"
_PERSON = re.compile(
    rf"{_TITLES}(?P<name>{_LIST_NAME_WORD}(?:\s+(?:{_LIST_NAME_WORD}|{_INITIAL}))?"
    rf"(?:\s+(?:{_PARTICLE}\s+)?{_LIST_NAME_WORD}))(?![\w-])"
)


def _listed_name(surface: str) -> str:
    """A name of a list as one line: "Hans-\nJürgen  Goßner" -> "Hans-Jürgen Goßner"."""
    return re.sub(r"-\s+", "-", " ".join(surface.split()))


# The signature under a Kleine Anfrage: "Berlin, den 24. September 2025 / Heidi Reichinnek, Sören Pellmann
# und Fraktion": the group's leaders sign for it.
_SIGNATURE = re.compile(
    r"(?m)^[ \t]*[A-ZÄÖÜ][\w-]+,\s+den\s+\d{1,2}\.\s*[A-ZÄÖÜa-zäöü]+\.?\s+\d{4}[ \t]*\n[ \t]*"
    r"(?P<names>[^\n]{3,300}?)\s+und\s+Fraktion\b"
)
_SIGNATURE_DATE = re.compile(r",\s+den\s+\d")
# An office held by the person named in apposition: "der Missbrauchsbeauftragten der Bundesregierung,
# Kerstin Claus, wird"; the office ends in a head noun of an office.
_APPOSITION = re.compile(
    rf"(?P<office>[A-ZÄÖÜ][a-zäöüß]*(?:beauftragte|[Pp]räsident|[Mm]inister|[Ss]ekretär|[Vv]orsitzende|[Ll]eiter)"
    rf"(?:in|en|n|r)?(?:\s+(?:der|des)\s+[A-ZÄÖÜ][\w-]+)?),\s+(?P<name>{_NAME_WORD}\s+{_NAME_WORD}),"
)
# Where _APPOSITION can start: the office's head nouns without their first letter (see compound_starts).
_APPOSITION_HEADS = (
    ("eauftragte", "b"),
    ("räsident", "Pp"),
    ("inister", "Mm"),
    ("ekretär", "Ss"),
    ("orsitzende", "Vv"),
    ("eiter", "Ll"),
)
_APPOSITION_AFTER = re.compile(r"(?:in|en|n|r)?[,\s]")
# A member of government named in apposition to an office held at a ministry: "der Parlamentarische
# Staatssekretär beim Bundesminister der Finanzen, Michael Schrodi, erklärte", "Staatsminister im
# Auswärtigen Amt, Florian Hahn" (a table row), "Staatssekretär des Bundesministeriums für ...". The
# office is the title with where it is held; the ministry named after the title is not the person's.
_GOV_TITLE = (
    r"(?:Parlamentarische[nr]?\s+)?(?:Staatss?ekretär|Staatsminister|Bundesminister|Minister)(?:in|s|en)?"
)
_GOV_APPOSITION = re.compile(
    rf"(?P<title>{_GOV_TITLE})\s+"
    # Where the office is held: words on at most two lines, without digits or full stops (a date or a
    # sentence end means the phrase has run past the office).
    r"(?P<at>(?:beim|bei\s+der|im|in\s+der|des|der|für)\s+[^,;:().\d\n]{2,100}?(?:\n[^,;:().\d\n]{1,100}?)?)"
    rf",[ \t]*\n?[ \t]*(?P<name>{_TITLES}{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})"
    r"(?=[ \t]*(?:[,;.)]|\n|$)|\s+(?:vom|hat|hatte|habe|wird|wurde|ist|war|sagte|erklärte)\b)"
)
# The titles' literals, where the pattern is tried (see _text.matches_at).
_GOV_TITLE_AT = (
    "Parlamentarische",
    "Staatssekretär",
    "Staatsekretär",
    "Staatsminister",
    "Bundesminister",
    "Minister",
)
# A member of government named by title and surname only: "Bundesministerin Prien".
_TITLE_SURNAME = re.compile(
    rf"(?P<office>Bundesminister(?:in)?|Bundeskanzler(?:in)?|Staatsminister(?:in)?|Ministerpräsident(?:in)?|"
    rf"Staatssekretär(?:in)?)\s+(?P<name>{_NAME_WORD})(?=\s*[,.;:)]|\s+[a-zäöüß])"
)
# Each title of _TITLE_SURNAME holds a literal also looked for elsewhere ("inister"): (literal, its offset).
_TITLE_SURNAME_AT = tuple(
    (lit, w.index(lit))
    for w, lit in (
        ("Bundesminister", "inister"),
        ("Bundeskanzler", "anzler"),
        ("Staatsminister", "inister"),
        ("Ministerpräsident", "inister"),
        ("Staatssekretär", "ekretär"),
    )
)
_QUESTIONERS = re.compile(r"(?<![\w-])(?:der|des)\s+Abgeordneten\s+")
_SEPARATOR = re.compile(r"\s*(?:,|\bund\b|\bsowie\b)\s*")
_FURTHER = re.compile(r"\s*,?\s*weiterer\s+Abgeordneter\b")
_GROUP = re.compile(r"\s*(?:,\s*)?(?:und\s+)?der\s+(?:Fraktion|Gruppe)\s+(?:der\s+|des\s+)?")
_NO_GROUP = re.compile(r"\s*\(?\s*(?:fraktionslos|FRAKTIONSLOS|Fraktionslos)\s*\)?")

# Offices written before a name; the office noun in any case ending.
_OFFICE = re.compile(
    r"(?P<office>Ministerpräsident(?:in)?|Bundeskanzler(?:in)?|Bundespräsident(?:in)?|"
    r"(?:Bundes|Landes|Staats)?[A-ZÄÖÜ]?[a-zäöüß]*[Mm]inister(?:in)?|Staatssekretär(?:in)?|"
    r"(?:Ober)?[Bb]ürgermeister(?:in)?|Landrat|Landrätin|Polizeipräsident(?:in)?|Oberstaatsanwältin|"
    r"Oberstaatsanwalt|Staatsanwältin|Staatsanwalt|Beigeordnete[rn]?|Präsident(?:in)?|"
    r"(?:Landtags|Bundestags)?[Aa]bgeordnete[rn]?|Staatsminister(?:in)?|Senator(?:in)?)(?:en|n|s)?\s+"
    # A minister's department between office and name: "Bundesministerin des Auswärtigen Annalena
    # Baerbock", "Minister für Arbeit und Soziales Hubertus Heil" (checked in _office_persons).
    r"(?P<department>(?:des|der|für)\s+(?:[A-ZÄÖÜ][\w-]*,?\s+|(?:und|für|der|des)\s+){1,7})?"
    r"(?:a\.\s?D\.\s+)?"  # "Bundesminister a. D. Peter Altmaier": a former minister
    rf"(?P<person>{_TITLES}{_NAME_WORD}\s+(?:{_PARTICLE}\s+)?{_NAME_WORD})(?![\w-])"
)
# Literals of which each office noun above contains one: where _OFFICE can match at all.
_OFFICE_LITERALS = (
    "inister",
    "räsident",
    "anzler",
    "ekretär",
    "ürgermeister",
    "Landr",
    "taatsanw",
    "eordnete",
    "enator",
)
# Words that look like names after an office noun but are not persons.
_NOT_A_NAME = frozenset(
    [
        "Der",
        "Die",
        "Das",
        "Des",
        "Dem",
        "Den",
        "Ein",
        "Eine",
        "Einer",
        "Für",
        "Und",
        "Im",
        "In",
        "Am",
        "Mit",
        "Von",
        "Zum",
        "Zur",
        "Auf",
        "Bei",
        "Nach",
        "Aus",
        "Seit",
        "Ministerium",
        "Ministeriums",
        "Landesregierung",
        "Bundesregierung",
        "Stadt",
        "Land",
        "Landes",
        "Kreis",
        "Herr",
        "Frau",
        "Anfrage",
        "Kleine",
        "Antwort",
        "Landtag",
        "Bundestag",
        # Labels of an imprint under a signature: "Staatssekretär Druck: Landtag …".
        "Druck",
        "Vertrieb",
        "Herstellung",
        "Verlag",
        # A title cut before its full stop is no name word: "Präsident Fraunhofer Prof. Holger Hanselka".
        "Prof",
        "Dr",
    ]
)
_OFFICE_WORD = re.compile(
    r"\w*(?:minister|ministerin|präsident|präsidentin|meister|meisterin|sekretär|rat)", re.I
)
_LAND_OFFICES = ("Ministerpräsident", "Ministerpräsidentin")
# A person named with an academic title, or as the speaker of a quote.
_TITLED = re.compile(
    rf"(?:Prof\.|Dr\.|Professor|Professorin)\s+{_TITLES}(?P<name>{_NAME_WORD}\s+{_NAME_WORD})(?![\w-])"
)
_SPEAKER = re.compile(
    rf"(?:sagte|betonte|erklärte|ergänzte|so)\s+(?P<name>{_NAME_WORD}\s+{_NAME_WORD})(?=\s*[.,;]|\s+(?:am|heute|bei|im|in)\b)"
)
# Literal starts of the two patterns above, found fast (the patterns are tried only there).
_STARTS: dict[re.Pattern[str], tuple[str | re.Pattern[str], ...]] = {
    _TITLED: ("Prof.", "Dr.", "Professor"),
    _SPEAKER: ("sagte", "betonte", "erklärte", "ergänzte", re.compile(r"so(?=\s)")),
}


_PAREN_PARTY = re.compile(r"\s*\(([^()\n]{1,40})\)")
_NEXT_WORD = re.compile(r"\s*(\S+)")


def _party(text: str, pos: int, reference: ReferenceData) -> tuple[str | None, int]:
    """The party named at `pos` ("SPD", "(B90/Grüne)", "und der Fraktion der AfD") and where it ends."""
    m = _NO_GROUP.match(text, pos)
    if m and m.group(0).strip(" ()"):
        return "fraktionslos", m.end()
    g = _GROUP.match(text, pos)
    start = g.end() if g else pos
    paren = _PAREN_PARTY.match(text, start)
    if paren and (org := lookup(paren.group(1).strip(), reference)) is not None and org.kind == "party":
        return org.name, paren.end()
    # The longest run of following words that names a party ("BÜNDNIS 90/DIE GRÜNEN", "Die Linke").
    best: tuple[str | None, int] = (None, pos)
    cursor, acc = start, ""
    for _ in range(4):
        wm = _NEXT_WORD.match(text, cursor)
        if not wm:
            break
        word = wm.group(1).rstrip(",.;")
        # A name broken at its slash ("BÜNDNIS 90/\nDIE GRÜNEN") is written without the break.
        acc = f"{acc}{word}" if acc.endswith("/") else f"{acc} {word}".lstrip()
        cursor = wm.end()
        org = lookup(acc, reference)
        if org is not None and org.kind == "party":
            best = (org.name, wm.start(1) + len(word))
    return best


def _questioners(doc: Document, reference: ReferenceData) -> list[Person]:
    text = doc.text
    out: list[Person] = []
    limit = min(len(text), 4000)
    for m in _QUESTIONERS.finditer(text, 0, limit):
        pos = m.end()
        names: list[tuple[int, int, str]] = []
        party: str | None = None
        while True:
            pm = _PERSON.match(text, pos)
            if not pm or pm.group("name").split()[0] in _NOT_A_NAME:
                break
            names.append((pm.start("name"), pm.end("name"), _listed_name(pm.group("name"))))
            pos = pm.end()
            fm = _FURTHER.match(text, pos)
            if fm:
                pos = fm.end()
            p, end = _party(text, pos, reference)
            if p is not None:
                party = p
                break
            sm = _SEPARATOR.match(text, pos)
            if not sm or not sm.group(0).strip():
                break
            pos = sm.end()
        for start, end, name in names:
            out.append(Person(name=name, span=span(doc, start, end), party=party, role="questioner"))
        if names:
            # A Kleine Anfrage signs off with the questioners' names again: the same persons.
            for start, _end, name in names:
                last = name.split()[-1]
                if text.find(last, m.end()) == text.rfind(last, m.end()) == _end - len(last):
                    continue  # the surname stands only here: no second mention to look for
                again = re.compile(r"\s+".join(map(re.escape, name.split())))
                for sm in again.finditer(text, m.end()):
                    s0 = sm.start()
                    if s0 != start:
                        out.append(
                            Person(
                                name=name,
                                span=span(doc, s0, s0 + len(sm.group(0))),
                                party=party,
                                role="questioner",
                            )
                        )
            break
    return out


def _signatures(doc: Document, party: str | None) -> list[Person]:
    """Persons signing a Kleine Anfrage for their parliamentary group, with the group's party."""
    out: list[Person] = []
    text = doc.text
    if "Fraktion" not in text:
        return out
    # A signature's line starts before its "<Ort>, den <Tag>": the pattern is tried only at those lines.
    lines = (text.rfind("\n", 0, c.start()) + 1 for c in _SIGNATURE_DATE.finditer(text))
    for m in matches_at(_SIGNATURE, text, lines):
        pos = m.start("names")
        while pos < m.end("names"):
            pm = _PERSON.match(text, pos)
            if not pm or pm.end("name") > m.end("names") or pm.group("name").split()[0] in _NOT_A_NAME:
                break
            name = _listed_name(pm.group("name"))
            out.append(
                Person(name=name, span=span(doc, pm.start("name"), pm.end("name")), party=party, role="other")
            )
            sm = _SEPARATOR.match(text, pm.end())
            if not sm or not sm.group(0).strip():
                break
            pos = sm.end()
    return out


def _word_starts(matches: list[re.Match[str]]) -> list[re.Match[str]]:
    """The matches that begin a word (as _orgs.word_matches keeps them)."""
    return [m for m in matches if at_word_start(m.string, m.start())]


def _title_starts(text: str) -> set[int]:
    """Where a title of _TITLE_SURNAME can start: its literal's places, less the literal's offset."""
    return {p - k for lit, k in _TITLE_SURNAME_AT for p in positions(text, lit) if p >= k}


def _gov_title(title: str) -> str:
    """The title in the nominative: "Parlamentarische Staatssekretärin", "Staatsminister"."""
    words = title.split()
    head = words[-1].replace("Staatsekretär", "Staatssekretär")
    if not head.endswith("in"):
        head = re.sub(r"(?:s|en)$", "", head)
    if len(words) == 1:
        return head
    return ("Parlamentarische " if head.endswith("in") else "Parlamentarischer ") + head


def _government_appositions(doc: Document, reference: ReferenceData, juris: str | None) -> list[Person]:
    """Members of government named after their office at a ministry ("Staatsminister im Auswärtigen Amt, X",
    "Parlamentarische Staatssekretärin beim BMI, X")."""
    out: list[Person] = []
    text = doc.text
    for m in _word_starts(matches_at(_GOV_APPOSITION, text, found_starts(text, *_GOV_TITLE_AT))):
        name_m = _PERSON.match(m.group("name"))
        if name_m is None or name_m.end() != len(m.group("name")):
            continue
        name = " ".join(name_m.group("name").split())
        if any(w in _NOT_A_NAME or _OFFICE_WORD.fullmatch(w) for w in name.split()):
            continue
        if lookup(name, reference, juris) is not None:
            continue
        office = f"{_gov_title(m.group('title'))} {' '.join(m.group('at').split())}"
        start = m.start("name") + name_m.start("name")
        out.append(
            Person(
                name=name,
                span=span(doc, start, start + len(name_m.group("name"))),
                office=office,
                role="other",
            )
        )
    return out


def _apposition_persons(doc: Document, reference: ReferenceData, juris: str | None) -> list[Person]:
    """Persons named in apposition to their office, and members of government by title and surname."""
    out: list[Person] = []
    text = doc.text
    for m in _word_starts(
        matches_at(_APPOSITION, text, compound_starts(text, _APPOSITION_HEADS, False, 0, _APPOSITION_AFTER))
    ):
        name = " ".join(m.group("name").split())
        if any(w in _NOT_A_NAME or _OFFICE_WORD.fullmatch(w) for w in name.split()):
            continue
        if lookup(name, reference, juris) is not None:
            continue
        office = " ".join(m.group("office").split())
        out.append(
            Person(name=name, span=span(doc, m.start("name"), m.end("name")), office=office, role="other")
        )
    for m in _word_starts(matches_at(_TITLE_SURNAME, text, _title_starts(text))):
        name = m.group("name")
        if name in _NOT_A_NAME or name in ("Dr", "Prof") or name.startswith(("Bundes", "Landes")):
            continue
        if lookup(name, reference, juris) is not None or _OFFICE_WORD.fullmatch(name):
            continue
        out.append(
            Person(
                name=name,
                span=span(doc, m.start("name"), m.end("name")),
                office=m.group("office"),
                role="other",
            )
        )
    return out


def _office_name(office: str, juris: str | None) -> str:
    base = re.sub(r"(präsident|Präsident|Staatssekretär)en$", r"\1", office)
    land = LANDS.get(juris or "")
    if base in _LAND_OFFICES and land is not None:
        return f"{base} {land.genitive}"
    return base


def _office_persons(doc: Document, reference: ReferenceData, juris: str | None) -> list[Person]:
    out: list[Person] = []
    # The pattern is tried at the start of each word holding one of its literals (as _orgs.anchored_matches).
    text = doc.text
    starts = {word_start(text, p) for lit in _OFFICE_LITERALS for p in positions(text, lit)}
    for m in matches_at(_OFFICE, text, starts):
        found = _person_after_office(text, m, reference, juris)
        if found is None:
            continue
        person_start, name_m = found
        name = " ".join(name_m.group("name").split())
        start = person_start + name_m.start("name")
        office = _office_name(m.group("office"), juris)
        if m.group("department") and person_start > m.start("department"):
            office = " ".join(f"{office} {text[m.start('department') : person_start]}".split()).rstrip(",")
        held = _HELD_AT.search(text, max(0, m.start() - 80), m.start())
        if held:
            # "Parlamentarische Staatssekretärin beim Bundesminister des Innern Rita X": the minister
            # is where her office is held, not her office.
            office = (
                " ".join(f"{held.group(0)}{text[m.start() : person_start]}".split())
                if held.group("title")
                else None
            )
        ref_person = reference.person_by_name(name)
        role = None
        if ref_person is not None and office is not None:
            post = _held_post(reference, ref_person.id, office)
            if post is not None:
                office = post
        out.append(
            Person(
                name=name, span=span(doc, start, start + len(name_m.group("name"))), office=office, role=role
            )
        )
    return out


def _person_after_office(
    text: str, m: re.Match[str], reference: ReferenceData, juris: str | None
) -> tuple[int, re.Match[str]] | None:
    """Where the person named after an office starts, and the name; None if no person is named.

    After a department the name is the first pair of words that passes `_department_ok`, so that
    "für Heimat Nancy Faeser" gives "Nancy Faeser" and "Philipp Amthor Berlin" gives "Philipp Amthor".
    """
    if m.group("department"):
        cands = [p.end() for p in _SPACE_RUN.finditer(text, m.start("department"), m.start("person"))]
        cands.append(m.start("person"))
    else:
        cands = [m.start("person")]
    for at in sorted(set(cands)):
        pm = _OFFICE_PERSON_AT.match(text, at)
        name_m = _PERSON.match(pm.group(0)) if pm else None
        if name_m is None:
            continue
        name = " ".join(name_m.group("name").split())
        if any(w in _NOT_A_NAME for w in name.split()) or lookup(name, reference, juris) is not None:
            continue
        if m.group("department") and not _department_ok(m.group("office"), name, reference, juris):
            continue
        return at, name_m
    return None


_SPACE_RUN = re.compile(r"\s+")
# Words of ministries' portfolios that end no noun-like way ("des Innern", "für Verkehr", "für Energie").
_PORTFOLIO = frozenset(
    [
        "Innern",
        "Auswärtigen",
        "Finanzen",
        "Justiz",
        "Verkehr",
        "Energie",
        "Arbeit",
        "Soziales",
        "Gesundheit",
        "Bildung",
        "Forschung",
        "Familie",
        "Senioren",
        "Frauen",
        "Jugend",
        "Umwelt",
        "Naturschutz",
        "Ernährung",
        "Verteidigung",
        "Entwicklung",
        "Zusammenarbeit",
        "Digitales",
        "Heimat",
        "Wohnen",
        "Kultur",
        "Medien",
        "Sport",
        "Europa",
        "Integration",
        "Migration",
        "Wissenschaft",
        "Technologie",
        "Raumfahrt",
        "Landwirtschaft",
        "Wirtschaft",
        "Verbraucherschutz",
        "Klimaschutz",
        "Bauwesen",
        "Stadtentwicklung",
        "Infrastruktur",
        "Inneres",
        "Angelegenheiten",
        "Bundesangelegenheiten",
        "Gleichstellung",
        "Kommunales",
        "Tourismus",
        "Mittelstand",
        "Handwerk",
    ]
)
_OFFICE_PERSON_AT = re.compile(rf"{_TITLES}{_NAME_WORD}\s+(?:{_PARTICLE}\s+)?{_NAME_WORD}(?![\w-])")
# An office noun that is the place where another office is held ("Staatssekretärin beim Bundesminister").
_HELD_AT = re.compile(rf"(?:(?P<title>{_GOV_TITLE})\s+)?(?:beim|bei\s+der|bei\s+dem|im)\s+$")
# Endings of nouns, not of given names: "Heimat Nancy" and "Republik Serbien" are no persons.
# (Genitive endings, not a bare "s": "Alois", "Thomas", "Klaus" are given names.)
_NOUN_ENDING = re.compile(
    r"(?:ung|heit|keit|schaft|tion|ik|ium|ismus|tät|at|schutz|bau|wesen|ien|land|reich|es|ts|ks|gs|chs)$"
)


def _department_ok(office: str, name: str, reference: ReferenceData, juris: str | None) -> bool:
    """Whether a name read after an office and its department is a person's: a minister's or state
    secretary's, whose first word does not end like a noun, no word of it a known body."""
    if "inister" not in office and "ekretär" not in office:
        return False
    words = name.split()
    if _NOUN_ENDING.search(words[0]) or words[0] in _PORTFOLIO:
        return False
    return not any(lookup(w, reference, juris) is not None for w in words)


def _held_post(reference: ReferenceData, person_id: str, office: str) -> str | None:
    """The reference post a person held that the office fits ("Innenminister" ~ "Minister des Innern")."""
    stem = office.split()[0].lower().removesuffix("in")
    for post in sorted(reference.posts.values(), key=lambda p: p.id):
        if not any(h.get("person") == person_id for h in post.holders):
            continue
        names = [post.name, *post.aliases]
        if any(n.split()[0].lower().removesuffix("in") == stem for n in names) or (
            stem.endswith("minister") and post.name.lower().startswith("minister")
        ):
            return post.name
    return None


def _plain_persons(doc: Document, reference: ReferenceData, juris: str | None) -> list[Person]:
    out = []
    for regex in (_TITLED, _SPEAKER):
        for m in _word_starts(matches_at(regex, doc.text, found_starts(doc.text, *_STARTS[regex]))):
            name = " ".join(m.group("name").split())
            if _OFFICE_WORD.fullmatch(name.split()[0]):
                continue
            if any(w in _NOT_A_NAME for w in name.split()) or lookup(name, reference, juris) is not None:
                continue
            out.append(Person(name=name, span=span(doc, m.start("name"), m.end("name"))))
    return out


def _answering_ministry_ref(doc: Document, reference: ReferenceData) -> str | None:
    from kg.extract.organisations import header_ministries

    answering, _ = header_ministries(doc, reference)
    return answering.ref if answering is not None else None


_KNOWN: dict[int, tuple[ReferenceData, re.Pattern[str] | None, dict[str, RefPerson]]] = {}


def _known_names(reference: ReferenceData) -> tuple[re.Pattern[str] | None, dict[str, RefPerson]]:
    """One (cached) regex for every reference person's name and alias, and the person of each name."""
    hit = _KNOWN.get(id(reference))
    if hit is None or hit[0] is not reference:
        by_name: dict[str, RefPerson] = {}
        for ref_person in sorted(reference.persons.values(), key=lambda r: r.id):
            for n in (ref_person.name, *ref_person.aliases):
                by_name.setdefault(" ".join(n.split()), ref_person)
        names = sorted(by_name, key=lambda n: (-len(n), n))
        pattern = (
            re.compile(
                "(?:" + "|".join(r"\s+".join(map(re.escape, n.split())) for n in names) + r")(?![\w-])"
            )
            if names
            else None
        )
        if len(_KNOWN) > 8:
            _KNOWN.clear()
        hit = _KNOWN[id(reference)] = (reference, pattern, by_name)
    return hit[1], hit[2]


_FIRST_WORDS: dict[re.Pattern[str], tuple[str | re.Pattern[str], ...]] = {}


def _first_words(known: re.Pattern[str], by_name: dict[str, RefPerson]) -> tuple[str | re.Pattern[str], ...]:
    """The first words of the known names: where `known` can match, found fast.

    With many names, one pattern (the known names' own) is faster than a literal scan per name.
    """
    hit = _FIRST_WORDS.get(known)
    if hit is None:
        words = sorted({n.split()[0] for n in by_name})
        hit = tuple(words) if len(words) <= 24 else (known,)
        if len(_FIRST_WORDS) > 8:
            _FIRST_WORDS.clear()
        _FIRST_WORDS[known] = hit
    return hit


def extract_persons(doc: Document, reference: ReferenceData) -> list[Person]:
    """Every natural person named in `doc`, one record per mention, in text order."""
    juris = document_jurisdiction(doc, reference)
    found = _questioners(doc, reference)
    taken = [(p.span.start, p.span.end) for p in found]
    answering = _answering_ministry_ref(doc, reference)
    office_persons = _office_persons(doc, reference, juris)
    for p in office_persons:
        # The holder of the answering ministry's post is the one who answers.
        ref_person = reference.person_by_name(p.name)
        if answering and ref_person is not None and p.office:
            posts = [
                q for q in reference.posts.values() if q.name == p.office and q.organisation == answering
            ]
            if posts:
                office_persons[office_persons.index(p)] = replace(p, role="answering")
    party = next((p.party for p in found if p.party), None)
    extra = _signatures(doc, party) + _apposition_persons(doc, reference, juris)
    # An office at a ministry comes first: its ministry would otherwise read as the person's office.
    government = _government_appositions(doc, reference, juris)
    for p in government + office_persons + extra + _plain_persons(doc, reference, juris):
        if all(p.span.end <= a or p.span.start >= b for a, b in taken):
            found.append(p)
            taken.append((p.span.start, p.span.end))
    # Known persons of the reference data named anywhere else (full name only).
    known, by_name = _known_names(reference)
    if known is not None:
        for m in matches_at(known, doc.text, found_starts(doc.text, *_first_words(known, by_name))):
            if not at_word_start(doc.text, m.start()):
                continue
            if all(m.end() <= a or m.start() >= b for a, b in taken):
                ref_person = by_name[" ".join(m.group(0).split())]
                found.append(Person(name=ref_person.name, span=span(doc, m.start(), m.end())))
                taken.append((m.start(), m.end()))
    return _full_names(sorted(found, key=lambda p: (p.span.start, p.span.end)))


def _full_names(found: list[Person]) -> list[Person]:
    """ "Bundesministerin Bär" after "Bundesministerin Dorothee Bär": a surname alone is the one person of
    the document with that surname and a given name, when there is exactly one."""
    by_surname: dict[str, set[str]] = {}
    for p in found:
        words = p.name.split()
        if len(words) > 1:
            by_surname.setdefault(words[-1], set()).add(p.name)
    out: list[Person] = []
    for p in found:
        full = by_surname.get(p.name, set()) if " " not in p.name else set()
        if len(full) == 1:
            (name,) = full
            p = replace(p, name=name)
        out.append(p)
    return out
