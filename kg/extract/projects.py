"""Projects and programmes: quoted names after cue words, aliases across question and answer, the
programme with its fields of action, and a project's field, lead, partners and grant policy.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from kg.extract._orgs import anchored_matches, word_matches
from kg.extract._text import noun_phrase_end, positions
from kg.extract.agreements import sentence_bounds, signings
from kg.model import Document, Organisation, Project, Span
from kg.spans import span

_QUOTE = r"[„\"“](?P<name>[^„“”\"]{3,200})[“”\"]"
_CUE = re.compile(
    r"(?P<cue>(?:[A-ZÄÖÜ][a-zäöüß]+)?(?:[Pp]rojekt|[Pp]rogramm|[Vv]orhaben|[Ii]nitiative|"
    r"[Kk]ooperation|[Mm]aßnahme|[Aa]usschreibung|[Hh]aushaltstitel)(?:e|es|s|en|n)?)\s+"
    r"(?:(?:der|des|die|das|für\s+die|für\s+das)\s+)?" + _QUOTE
)
# Literals of which every cue word of _CUE contains one.
_CUE_LITERALS = (
    "rojekt",
    "rogramm",
    "orhaben",
    "nitiative",
    "ooperation",
    "aßnahme",
    "usschreibung",
    "aushaltstitel",
)
_FRAME = re.compile(r"im\s+Rahmen\s+(?:der|des)\s+" + _QUOTE)
# A short name in brackets after a name: quoted ("(„SIMPLE“)") or an acronym ("(EPW)", "(D4iD)").
_ABBREVIATION = re.compile(
    r"\s*\(\s*(?:[„\"](?P<abbr>[^“”\"\n]{2,30})[“”\"]|(?P<acr>[A-ZÄÖÜ][A-Za-z0-9-]{0,9}[A-Z0-9][A-Za-z0-9]{0,3}))\s*\)"
)
_FIELDS_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:Die|Der|Das)\s+(?P<prog>[A-ZÄÖÜ][\w-]*(?:-[A-ZÄÖÜ][\w]*)?)\s+[^.\n]*?"
    r"Handlungsfelde?r?n?\b[^\n]*:\s*\n"
)
_BULLET = re.compile(r"[ \t]*[-•–*][ \t]+(?P<item>[^\n]+)\n?")
_FIELD_OF_PROJECT = re.compile(r"Handlungsfeld\s+" + _QUOTE)
_ANNOUNCED = re.compile(r"kündigte\s+(?P<who>.{3,200}?)\s+(?:die|den|das)\s+(?P<prog>[A-ZÄÖÜ][\w-]+)\s+an\b")
_LEAD_VERB = re.compile(r"(?<![\w-])(?:durchgeführt|umgesetzt|geleitet|verantwortet|koordiniert)(?![\w-])")
_NO_GRANTS = re.compile(
    r"(?:Fördermittel|Zuwendungen|Mittel)[^.]{0,120}?(?:Projektpartner|Partner)[^.]{0,120}?nicht\s+vorgesehen"
    r"|(?:Projektpartner|Partner)[^.]{0,80}?als\s+Antragsteller[^.]{0,80}?nicht\s+vorgesehen"
)
_PROGRAMME_WORDS = ("programm", "konferenz", "initiative", "richtlinie", "förderung", "offensive")


@dataclass
class _Draft:
    name: str
    start: int
    end: int
    kind: str = "project"
    mentions: list[tuple[int, int]] = field(default_factory=list)
    aliases: list[tuple[str, int, int]] = field(default_factory=list)


def _key(name: str) -> str:
    return re.sub(r"[\s\-–„“”\"‚‘]", "", name).casefold()


def _dash(text: str) -> str:
    return re.sub(r"\s*–\s*", " – ", " ".join(text.split())).strip(" ,.;")


def _is_question_side(doc: Document, pos: int, first_answer: int) -> bool:
    for part in doc.parts:
        if part.span.start <= pos < part.span.end:
            return part.kind in ("header", "question", "preliminary_questioners")
    return pos < first_answer


def _person_in(text: str) -> str | None:
    from kg.extract.persons import _PERSON

    for m in re.finditer(r"(?<![\w-])[A-ZÄÖÜ]", text):
        pm = _PERSON.match(text, m.start())
        if pm and not re.search(r"minister|präsident|meister", pm.group("name").split()[0], re.I):
            return " ".join(pm.group("name").split())
    return None


def _programmes(doc: Document) -> tuple[dict[str, _Draft], dict[str, tuple[str, ...]], dict[str, str]]:
    """Programmes: with fields of action, announced by someone, or framing ("im Rahmen der „X“")."""
    text = doc.text
    drafts: dict[str, _Draft] = {}
    fields: dict[str, tuple[str, ...]] = {}
    announced: dict[str, str] = {}

    def add(name: str, start: int, end: int) -> str:
        key = _key(name)
        if key not in drafts:
            drafts[key] = _Draft(name, start, end, "programme")
        drafts[key].mentions.append((start, end))
        return key

    fields_sentences = _FIELDS_SENTENCE.finditer(text) if "Handlungsfeld" in text else ()
    for m in fields_sentences:
        items = []
        pos = m.end()
        while bm := _BULLET.match(text, pos):
            items.append(_dash(bm.group("item")))
            pos = bm.end()
        if len(items) >= 2:
            key = add(m.group("prog"), m.start("prog"), m.end("prog"))
            fields[key] = tuple(items)
    for m in word_matches(_ANNOUNCED, text):
        prog = m.group("prog")
        if not any(w in prog.casefold() for w in _PROGRAMME_WORDS):
            continue
        key = add(prog, m.start("prog"), m.end("prog"))
        who = _person_in(m.group("who"))
        if who:
            announced[key] = who
    for m in word_matches(_FRAME, text):
        add(
            _nominative(text, m.start("name"), " ".join(m.group("name").split())),
            m.start("name"),
            m.end("name"),
        )
    # Every spelling of a programme's name ("Ruhr-Konferenz", "Ruhrkonferenz") is a mention of it.
    for d in drafts.values():
        spellings: Counter[str] = Counter()
        pattern = (
            r"(?<![\w-])" + r"[\s\-]?".join(map(re.escape, re.sub(r"[\s\-]", "", d.name))) + r"(?![\w-])"
        )
        for m in re.finditer(pattern, text):
            spellings[m.group(0)] += 1
            if (m.start(), m.end()) not in d.mentions:
                d.mentions.append((m.start(), m.end()))
        if spellings:
            d.name = sorted(spellings.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
        d.mentions.sort()
        d.start, d.end = d.mentions[0]
    return drafts, fields, announced


# Rail corridor renovations: "Generalsanierung der Strecke Hamburg–Berlin", "Generalsanierung der Riedbahn",
# and corridors listed after a lead sentence on Generalsanierungen ("2026: Hagen–Wuppertal–Köln: 35 km").
_PLACE = r"[A-ZÄÖÜ][a-zäöüß]+"
_CORRIDOR = rf"{_PLACE}(?:\s*–\s*{_PLACE})+"
_RENOVATION = re.compile(
    rf"Generalsanierung\s+(?:der\s+(?:Strecke\s+)?|des\s+Korridors\s+)?(?P<name>{_CORRIDOR}|[A-ZÄÖÜ][a-zäöüß]+bahn)(?![\w-])"
)
_RENOVATION_LEAD = re.compile(r"(?:General|Korridor)sanierungen\b[^\n]*\n")
_LISTED_CORRIDOR = re.compile(rf"(?<![\w-])(?P<name>{_CORRIDOR})\s*:")


def _renovations(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of each corridor renovation named or listed."""
    out: list[tuple[str, int, int]] = []
    if "sanierung" not in text:
        return out
    for m in _RENOVATION.finditer(text):
        out.append((f"Generalsanierung {_dash_name(m.group('name'))}", m.start("name"), m.end("name")))
    if "Generalsanierung" in text:
        for m in _RENOVATION_ON.finditer(text):
            out.append((f"Generalsanierung {_dash_name(m.group('name'))}", m.start("name"), m.end("name")))
    for lead in _RENOVATION_LEAD.finditer(text):
        para_end = text.find("\n\n", lead.end())
        block_end = min(len(text), lead.end() + 800, para_end if para_end >= 0 else len(text))
        for m in _LISTED_CORRIDOR.finditer(text, lead.end(), block_end):
            out.append((f"Generalsanierung {_dash_name(m.group('name'))}", m.start("name"), m.end("name")))
    return out


def _dash_name(name: str) -> str:
    return re.sub(r"\s*–\s*", "–", " ".join(name.split()))


def _add_abbreviation(d: _Draft, text: str, pos: int) -> None:
    """A short name in brackets right after `pos` becomes an alias of `d`."""
    am = _ABBREVIATION.match(text, pos)
    if am:
        group = "abbr" if am.group("abbr") else "acr"
        d.aliases.append((am.group(group), am.start(group), am.end(group)))


# Federal funding programmes named without quotes: "Bundesförderung für effiziente Gebäude",
# "Bundesförderung für Energie- und Ressourceneffizienz in der Wirtschaft". No article after "für":
# "Bundesförderung für den Verein" is a grant, not a programme.
_NOUN = r"[A-ZÄÖÜ][\w-]*\w"
_FEDERAL_FUNDING = re.compile(
    r"Bundesförderung\s+für\s+(?:(?!(?:eine[nmrs]?|keine[nmrs]?|diese[nmrs]?)\s)[a-zäöüß]{2,}(?:e|en|er|es)\s+)*"
    rf"(?P<noun>{_NOUN}(?:-?\s+und\s+{_NOUN})?)"
    rf"(?:\s+(?:in\s+der|im)\s+(?!Jahre?\b|Rahmen\b|Bereich\b|Haushalt)[A-ZÄÖÜ]\w+)?"
)
# Special funds: "Sondervermögen Infrastruktur und Klimaneutralität", "Sondervermögen „Bundeswehr“".
_SPECIAL_FUND = re.compile(
    r"Sondervermögens?\s+(?:[„\"](?P<quoted>[^„“”\"\n]{3,80})[“”\"]"
    rf"|(?P<plain>{_NOUN}(?:-?\s+und\s+{_NOUN})?))"
)
# A programme's own short name in brackets after its description: "zur Förderung des Absatzes von
# elektrisch betriebenen Fahrzeugen (Umweltbonus)". Words that only say "a programme" are no names.
_BRACKETED_PROGRAMME = re.compile(
    r"\((?P<name>[A-ZÄÖÜ][a-zäöüß-]{3,}(?:bonus|prämie|programm|pakt|fonds|offensive))\)"
)
_GENERIC_PROGRAMMES = frozenset(
    w + "programm"
    for w in (
        "förder",
        "sonder",
        "bundes",
        "landes",
        "investitions",
        "arbeits",
        "sofort",
        "aktions",
        "rahmen",
    )
) | {"förderfonds", "sonderfonds", "investitionsfonds"}
# A project titled "ACRONYM – Long Name" after a project word: "zwei Verbundprojekte EMPOWERED – Electro
# Magnetic Power Optimization for Wireless Energy and Radio Emission Directives sowie ...". The long name
# runs over capitalised words, joined by short function words, and ends on a capitalised word.
_TITLE_JOIN = (
    r"(?:for|and|of|in|on|the|to|with|against|from|by|und|für|der|des|die|das|im|zur|zum|von|mit|bei|am|&"
    r"|(?!sowie\b|keine\b|eine\b|seine\b|ihre\b|diese\b)[a-zäöüß]{3,}(?:e|en|er|es))"
)
_ACRONYM_TITLE = re.compile(
    r"(?:[A-ZÄÖÜ][a-zäöüß]+)?[Pp]rojekte?s?\s+(?P<acr>[A-Z][A-Z0-9][A-Za-z0-9]{1,14})\s+[–-]\s+"
    rf"(?P<long>{_NOUN}(?:\s+(?:{_TITLE_JOIN}\s+)*{_NOUN}){{0,14}})"
)
# Regional rail networks put out to tender: "Regionalexpressnetzes Südwest", "E-Netz Saar RB".
_RAIL_NETWORK = re.compile(
    r"(?P<head>(?:Regionalexpress|Regionalbahn|Diesel|Elektro|E-|S-Bahn-|RE-|RB-|SPNV-)[Nn]etz)(?P<infl>es|e)?"
    r"(?P<rest>\s+[A-ZÄÖÜ][\w-]*\w(?:\s+[A-Z]{2,3}(?![\w-]))?)"
)
# "auf der Riedbahn ... während der Generalsanierung": the line renovated, named in the same sentence.
_RENOVATION_ON = re.compile(
    rf"auf\s+der\s+(?:Strecke\s+)?(?P<name>{_CORRIDOR}|[A-ZÄÖÜ][a-zäöüß]+bahn)(?![\w-])[^.?!]{{0,200}}?"
    r"\bder\s+Generalsanierung\b"
)


# A programme named by its purpose: "Sofortprogramm für den Bürokratierückbau", "Nationales Programm zur
# Förderung von Galileo PRS", "Richtlinie zur Förderung alternativer Antriebe von Bussen im Personenverkehr".
# The head is found by str.find; the name runs over a noun phrase (see noun_phrase_end).
_PURPOSE_HEAD = re.compile(
    r"(?P<head>(?:(?:Nationale|Europäische)[sn]?\s+Programm|[A-ZÄÖÜ][a-zäöüß]+programm|Richtlinie"
    r"|(?:[A-ZÄÖÜ][a-zäöüß]+)?[Ff]örderinitiative|(?:Nationale|Europäische)[rn]?\s+Aktionsplan))"
    r"(?:e?s)?\s+(?:(?P<prep>zur|zum|für(?:\s+(?:die|den|das))?)\s+|(?=[A-ZÄÖÜ][a-zäöüß]))"
)
_PURPOSE_HEAD_WORDS = ("rogramm", "Richtlinie", "örderinitiative", "Aktionsplan")
_ARTICLE_BEFORE_HEAD = re.compile(r"(?<![\w-])(?:das|des|dem|den|im|vom|zum|beim|ins|am)\s+$", re.IGNORECASE)
# Words that do not begin a programme's name after its head ("das Förderprogramm Ende 2024").
_NOT_NAME_FIRST = frozenset(
    {"Ende", "Anfang", "Mitte", "Jahr", "Jahre", "Jahren", "Mittel", "Anträge", "Bund", "Länder", "Kommunen"}
    | {"Deutschland", "Deutschlands", "Die", "Der", "Das", "Im", "In", "Seit", "Nach", "Es", "Sie"}
)
# Words a purpose phrase may hold besides nouns: function words, and adjectives before their noun.
# Heads that name a kind of programme only, a plan, or an article: no name follows them.
_INDEFINITE_BEFORE = re.compile(
    r"\b(?:ein|eine|einem|einen|einer|kein|keine|keinem|keinen|keiner|solche[nmrs]?|weitere[nmrs]?)"
    r"\s+(?:[a-zäöüß]+\s+)?$"
)


def _purpose_programmes(text: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of programmes named by their purpose."""
    out: list[tuple[str, int, int]] = []
    starts = sorted({p for w in _PURPOSE_HEAD_WORDS for p in positions(text, w)})
    seen: set[int] = set()
    for p in starts:
        s = p
        while s > 0 and (text[s - 1].isalpha() or text[s - 1] == "-"):
            s -= 1
        ns = text.rfind("Nationale", max(0, s - 12), s)
        ns = text.rfind("Europäische", max(0, s - 14), s) if ns < 0 else ns
        if ns >= 0 and not text[ns:s].split()[1:]:
            s = ns
        if s in seen:
            continue
        seen.add(s)
        m = _PURPOSE_HEAD.match(text, s)
        if m is None or _INDEFINITE_BEFORE.search(text, max(0, s - 30), s):
            continue
        if m.group("prep") is None:
            # Without a preposition, only a compound "-programm" takes the name after it
            # ("Zukunftsprogramm Pflanzenschutz", "Bundesprogramm Umbau der Tierhaltung").
            first = re.match(r"[\w-]+", text[m.end() :])
            if (
                not m.group("head").endswith("programm")
                or " " in m.group("head")
                or (first is None or first.group(0) in _NOT_NAME_FIRST or first.group(0).isupper())
                # In prose the programme has its article ("des Bundesprogramms Umbau der ..."); a table
                # cell "Förderprogramm Bescheidübergabe ..." has none. Its name stays on its line.
                or not _ARTICLE_BEFORE_HEAD.search(text, max(0, s - 8), s)
            ):
                continue
        end = noun_phrase_end(text, m.end())
        if end < 0:
            continue
        nouns = [w for w in text[m.end() : end].split() if w[0].isupper()]
        if len(nouns) == 1 and len(nouns[0]) < 12:
            continue  # "Richtlinie für die Förderung", "Programm für die Jahre ...": no name
        if m.group("head").endswith("Richtlinie") and not text.startswith(
            ("Förderung", "Bundesförderung"), m.end()
        ):
            continue  # a technical rule or a directive ("Richtlinie für die Anlage von Autobahnen")
        # The nominative ("des Sofortprogramms für ...", "dem Nationalen Programm zur ...").
        head = re.sub(r"^(Nationale|Europäische)n(?=\s+Programm)", r"\1s", m.group("head"))
        head = re.sub(r"^(Nationale|Europäische)(?=\s+Programm)", r"\1s", head)
        head = re.sub(r"^(Nationale|Europäische)n?(?=\s+Aktionsplan)", r"\1r", head)
        rest = re.sub(r"^e?s(?=\s)", "", text[m.end("head") : end])
        # A word broken at its hyphen is written whole ("IT-\nSicherheit"); "Kälte- und Klima..." stays.
        name = re.sub(r"(?<=\w)-\s+(?=[A-ZÄÖÜ])", "-", " ".join((head + rest).split()))
        out.append((name, s, end))
    return out


def _named_programmes(text: str) -> list[tuple[str, int, int, str, tuple[str, int, int] | None]]:
    """(name, start, end, kind, alias) of programmes, funds and projects named without quotes."""
    out: list[tuple[str, int, int, str, tuple[str, int, int] | None]] = []
    if "Bundesförderung" in text:
        for m in _FEDERAL_FUNDING.finditer(text):
            if re.search(r"(?i)(?:projekte|maßnahmen|vorhaben)$", m.group("noun")):
                continue  # "Bundesförderung für FuE-Projekte": a kind of grant, not one programme
            out.append((" ".join(m.group(0).split()), m.start(), m.end(), "programme", None))
    if "Sondervermögen" in text:
        for m in _SPECIAL_FUND.finditer(text):
            inner = m.group("quoted") or m.group("plain")
            alias = (inner, m.start("quoted"), m.end("quoted")) if m.group("quoted") else None
            # A quoted name keeps its quotes, as the law writes it: Sondervermögen „Infrastruktur“.
            inner = " ".join(inner.split())
            name = f"Sondervermögen „{inner}“" if m.group("quoted") else f"Sondervermögen {inner}"
            out.append((name, m.start(), m.end(), "programme", alias))
    for name, start, end in _purpose_programmes(text):
        out.append((name, start, end, "programme", None))
    if "(" in text:
        for m in _BRACKETED_PROGRAMME.finditer(text):
            if m.group("name").casefold() not in _GENERIC_PROGRAMMES:
                out.append((m.group("name"), m.start("name"), m.end("name"), "programme", None))
    for m in anchored_matches(_ACRONYM_TITLE, text, ("rojekt",)):
        name = f"{m.group('acr')} – {' '.join(m.group('long').split())}"
        out.append(
            (name, m.start("acr"), m.end("long"), "project", (m.group("acr"), m.start("acr"), m.end("acr")))
        )
    for m in anchored_matches(_RAIL_NETWORK, text, ("netz", "Netz")):
        # A genitive "-es" is no part of the name; a plural "-e" is ("Dieselnetze Südwest": two lots).
        head = m.group("head") + ("e" if m.group("infl") == "e" else "")
        out.append((head + " " + " ".join(m.group("rest").split()), m.start(), m.end(), "project", None))
    return out


# Tables whose header names a project column ("Jahr Kooperationsprojekt Vertragswert in Euro",
# "Förderzeitraum Projektbezeichnung Fördersumme"): each row "2022 Intra-African Desk 80.332,00" names a
# project between an optional lead cell (year, number, status) and the amounts that end the row.
_COLUMN = re.compile(
    r"(?:[A-ZÄÖÜ][a-zäöüß]+)?(?:[Pp]rojekt(?:titel|name|bezeichnung)?|[Vv]orhaben(?:stitel|titel)?|[Pp]rogramm)"
    r"(?![\w-])"
)
_COLUMN_LITERALS = ("rojekt", "orhaben", "rogramm")
_HEADER_WORD = re.compile(r"[A-ZÄÖÜ][\w*().-]*|[a-zäöü]{1,4}\.?|bzw\.|\(\w+\)|\*")
_AMOUNT = (
    r"\d{1,3}(?:[. ]\d{3})+(?:,\d{1,2})?|\d+,\d{2}"
    r"|\d{1,3}(?:[. ]\d{3})*(?:,\d{1,2})?[ \t]*(?:€|Euro|EUR)"
)
_DATE = r"\d{1,2}\.\d{1,2}\.(?:19|20)?\d\d"
_ROW = re.compile(
    rf"[ \t]*(?:(?:{_DATE}(?:\s*[-–]\s*{_DATE})?|(?:19|20)\d\d(?:\s*[-–]\s*(?:19|20)?\d\d)?\*?|\d{{1,3}}\.?"
    r"|[A-ZÄÖÜ][a-zäöü]+(?:[ \t][A-Za-zäöü]+)?:)[ \t]+)?"
    rf"(?P<name>[#A-ZÄÖÜ0-9][^\t\n]*?)[ \t]+(?:{_AMOUNT})(?:[ \t]+(?:{_AMOUNT}))*[ \t]*(?:\n|$)"
)
# A row whose name wraps over up to three lines, the amount starting the next line.
_WRAPPED_ROW = re.compile(
    r"[ \t]*(?:19|20)\d\d\*?[ \t]+(?P<name>[A-ZÄÖÜ][^\n\d]{1,80}(?:\n[^\n\d]{1,80}){1,2}?)[ \t]*\n"
    rf"[ \t]*(?:{_AMOUNT}|\d{{1,3}}(?:\.\d{{3}})+)(?![\w,.])"
)
_NOT_A_NAME = re.compile(r"(?i)(?:davon\b.*|.*\b(?:gesamt|insgesamt|summe|zwischensumme|total|summen?)):?")
# A cell that ends like a clause cut before its amount ("Die Kosten betrugen rund 12.000,00").
_PROSE_END = re.compile(
    r"(?:^|\s)(?:von|auf|rund|ca\.|etwa|mit|um|bis|über|unter|insgesamt|je|jeweils|der|die|das|den|dem|des"
    r"|ein|eine|einen|und|oder|sowie|für|in|im|zu|zum|zur|beträgt|betrug|betragen|betrugen|sind|ist|wurden"
    r"|wurde|werden|wird|Höhe)$"
)
_LEAD_COLUMN = re.compile(r"(?i)(?:jahre?|haushaltsjahr|nr\.?|lfd\.?|(?:förder)?zeitraum|laufzeit|status)\*?")
_AMOUNT_COLUMN = re.compile(
    r"(?i)summe|betrag|mittel|euro|kosten|wert|zuwendung|ausgaben|ausgezahlt|volumen|höhe|jahr|laufzeit|zeitraum"
)
# Cells that are no names: counts and dates, social media handles, the money itself.
_NOT_A_NAME_TOKEN = re.compile(
    r"(?:^|\s)(?:\d+|\d{1,2}\.\d{1,2}\.\d{2,4})(?=\s|$)|@|^(?:Fördermittel|Mittel|Zuwendung|Ausgaben)\b"
)
_QUOTED_CELL = re.compile(r"[^„\"“]*[„\"“]([^„“”\"]{3,})[“”\"]\s*")
_ROW_TRAILING_ACRONYM = re.compile(r"\s*\((?P<acr>[A-Z][A-Za-z0-9-]{1,9})\)$")


def _header_line(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """(start, end) of the line around the column word `m` when it reads as a table header, not as prose.

    The project column must come first or after a year or number column, so that a row's first text
    cell is the name; a header that opens with it must also name an amount column.
    """
    start = text.rfind("\n", 0, m.start()) + 1
    end = text.find("\n", m.end())
    end = len(text) if end < 0 else end
    line = text[start:end].strip()
    if not line or len(line) > 120 or line[-1] in ".?:;,!" or "„" in line:
        return None
    words = line.split()
    if len(words) > 10 or not all(_HEADER_WORD.fullmatch(w) for w in words):
        return None
    before = text[start : m.start()].split()
    if before:
        return (start, end) if all(_LEAD_COLUMN.fullmatch(w) for w in before) else None
    after = text[m.end() : end]
    return (start, end) if _AMOUNT_COLUMN.search(after) else None


def _table_rows(text: str) -> list[tuple[str, int, int, str, tuple[str, int, int] | None]]:
    """(name, start, end, kind, alias) of the rows of tables with a project column."""
    out: list[tuple[str, int, int, str, tuple[str, int, int] | None]] = []
    seen_headers: set[int] = set()
    seen_rows: set[int] = set()
    # Each header starts its own scan: a table may begin within the few lines after another one ends.
    for m in anchored_matches(_COLUMN, text, _COLUMN_LITERALS):
        header = _header_line(text, m)
        if header is None or header[0] in seen_headers:
            continue
        seen_headers.add(header[0])
        kind = "programme" if "rogramm" in m.group(0) else "project"
        pos = header[1] + 1
        misses = 0
        found = 0
        while pos < len(text) and misses <= 15:
            end = text.find("\n", pos)
            end = len(text) if end < 0 else end
            if not text[pos:end].strip():
                pos = end + 1
                continue
            row = _ROW.match(text, pos)
            if row is not None and row.end() > end + 1:
                row = None
            if row is None and text[pos:end].lstrip()[:2] in ("19", "20"):
                row = _WRAPPED_ROW.match(text, pos)
            if row is None or not _is_row_name(row.group("name")):
                misses += 1
                pos = end + 1
                continue
            misses = 0
            found += 1
            s, e = row.span("name")
            name = " ".join(row.group("name").split())
            if qm := _QUOTED_CELL.fullmatch(row.group("name")):  # 'Bundesprogramm „Demokratie leben!“'
                s, e = row.start("name") + qm.start(1), row.start("name") + qm.end(1)
                name = " ".join(qm.group(1).split())
            alias = None
            if am := _ROW_TRAILING_ACRONYM.search(name):
                a = s + row.group("name").rfind("(" + am.group("acr") + ")") + 1
                alias = (am.group("acr"), a, a + len(am.group("acr")))
            if s not in seen_rows:
                seen_rows.add(s)
                out.append((name, s, e, kind, alias))
            nl = text.find("\n", row.end() - 1)
            pos = len(text) if nl < 0 else nl + 1
    return out


def _is_row_name(name: str) -> bool:
    """Whether a cell reads as a name, not as a total or a line of prose that ends in an amount."""
    name = " ".join(name.split())
    letters = sum(c.isalpha() for c in name)
    return (
        letters >= 3
        and letters * 2 >= len(name)
        and len(name.split()) <= 14
        and ". " not in name
        and not _NOT_A_NAME.fullmatch(name)
        and not _PROSE_END.search(name)
        and not _NOT_A_NAME_TOKEN.search(re.sub(r"\s(?:19|20)\d\d$", "", name))
    )


# Bulleted lists after a lead that says what they list: "In diesem Gesamtbetrag ist die Förderung folgender
# Vorhaben enthalten:", "Dabei sind folgende Programme berücksichtigt:". Lists of Maßnahmen are left out:
# their items are actions ("Ausweitung der Ergänzenden Ausstattung"), not names.
_LIST_START = re.compile(r":[ \t]*\n(?=[ \t]*[-–•▪*][ \t])")
_LIST_ITEM = re.compile(r"[ \t]*[-–•▪*][ \t]+")
_LIST_FOLLOWING = re.compile(
    r"(?<![\w-])(?:nach)?(?:folgende|stehende)[nrs]?\s+(?:[a-zäöüß]+(?:e|en)\s+)?(?P<noun>\w+)"
)
_LIST_NOUN = re.compile(r"\w*(?:[Pp]rojekte|[Vv]orhaben|[Pp]rogramme)(?![\w-])")
_LIST_NOUN_FULL = re.compile(r"(?i)\w*(?:projekte|projekten|vorhaben|vorhabens|programme|programmen)")
_LEAD_START = re.compile(r"[.!?:;][ \t]*\n|[.!?][ \t]+(?=[A-ZÄÖÜ])|\n[ \t]*\n")
# A word a name does not end on: the item wraps onto the next line.
_OPEN_END = re.compile(
    r"(?:^|\s)(?:der|des|die|das|den|dem|und|oder|sowie|für|von|zur|zum|zu|mit|bei|im|in|an|auf|eine?[nrs]?|–|-)$"
    r"|[-–:,(]$"
)
_ITEM_AMOUNT = re.compile(r"\s*:\s*\d[\d .]*(?:,\d+)?\s*(?:€|Euro|EUR|Mio\.|Mrd\.|T)\b.*$")
# An item opening like a sentence: the list is one of statements.
_ITEM_SENTENCE = re.compile(
    r"(?:Der|Die|Das|Ein|Eine|Einen|Dem|Den|Des|Zwei|Drei|Vier|Fünf|Alle|Weitere|Im|In|Mit|Für|Bei)\s"
)
# An item naming a kind of thing, not one ("Programme der Städtebauförderung"): that item alone is left out.
_ITEM_GENERIC = re.compile(r"(?:Programme|Projekte|Vorhaben|Maßnahmen)(?![\w-])")
_LIST_MAX_WORDS = 18


def _lead_lists(text: str) -> str | None:
    """The kind ("project", "programme") of what a list's lead sentence says it lists, else None."""
    m = _LIST_FOLLOWING.search(text)
    if m is not None:
        noun = m.group("noun")
        return (
            None if not _LIST_NOUN_FULL.fullmatch(noun) else "programme" if "rogramm" in noun else "project"
        )
    nm = _LIST_NOUN.search(text)
    return None if nm is None else "programme" if "rogramm" in nm.group(0) else "project"


def _line_width(text: str) -> int:
    """The width the text was set to: the longest of most lines (a few long lines are tables or links)."""
    lengths = sorted(len(line.rstrip()) for line in text.split("\n") if line.strip())
    return lengths[int(len(lengths) * 0.95)] if lengths else 0


def _listed(text: str) -> list[tuple[str, int, int, str, tuple[str, int, int] | None]]:
    """(name, start, end, kind, alias) of the items of bulleted lists whose lead says they are projects.

    An item runs on over the lines that continue it (a name cut at the line's width or on a word no name
    ends on); every item must read as a name, else the list is one of sentences and is left whole.
    """
    out: list[tuple[str, int, int, str, tuple[str, int, int] | None]] = []
    width = 0
    for m in _LIST_START.finditer(text):
        lead_from = max(0, m.start() - 400)
        for lm in _LEAD_START.finditer(text, lead_from, m.start()):
            lead_from = lm.end()
        kind = _lead_lists(text[lead_from : m.start()])
        if kind is None:
            continue
        width = width or _line_width(text)
        items: list[tuple[int, int]] = []
        pos = m.end()
        while im := _LIST_ITEM.match(text, pos):
            start = im.end()
            end = text.find("\n", start)
            end = len(text) if end < 0 else end
            while end < len(text):
                nxt = end + 1
                nxt_end = text.find("\n", nxt)
                nxt_end = len(text) if nxt_end < 0 else nxt_end
                line = text[nxt:nxt_end]
                if not line.strip() or _LIST_ITEM.match(line):
                    break
                first_word = line.split()[0]
                last_line = text[text.rfind("\n", 0, end) + 1 : end].rstrip()
                fits = len(last_line) + 1 + len(first_word) <= width
                item = text[start:end]
                unclosed = item.count("(") > item.count(")") or item.count("„") > item.count("“")
                wrapped = not fits or first_word[0].islower() or _OPEN_END.search(last_line) or unclosed
                if not wrapped and not _bullet_soon(text, nxt):
                    break
                end = nxt_end
            items.append((start, end))
            pos = end + 1
        names = [_item_name(text, s, e) for s, e in items]
        if len(items) < 2 or any(n is None for n in names):
            continue
        for item in names:
            if item and not _ITEM_GENERIC.match(item[0]):
                out.append((item[0], item[1], item[2], kind, item[3]))
    return out


def _bullet_soon(text: str, pos: int) -> bool:
    """Whether a bullet starts one of the two lines after the line at `pos`, no blank line between:
    the line is then part of the item above it, wherever the item's lines were cut."""
    for _ in range(2):
        nl = text.find("\n", pos)
        if nl < 0:
            return False
        pos = nl + 1
        if _LIST_ITEM.match(text, pos):
            return True
        if text.startswith("\n", pos) or not text[pos : text.find("\n", pos)].strip():
            return False
    return False


def _item_name(text: str, start: int, end: int) -> tuple[str, int, int, tuple[str, int, int] | None] | None:
    """(name, start, end, acronym alias) of a list item that reads as a name, else None."""
    raw = text[start:end]
    if raw.rstrip().endswith(";") or _ITEM_SENTENCE.match(raw):
        return None
    if am := _ITEM_AMOUNT.search(raw):  # "„Train To Empower“: 293 798,83 Euro"
        raw = raw[: am.start()]
    raw = re.sub(r"(?:[\s,.]|\s(?:und|sowie|oder))+$", "", raw)
    unquoted = re.sub(r"„[^“]*“", "", raw)  # a full stop inside a quoted title ends no sentence
    if ". " in unquoted or ".\n" in unquoted:
        return None
    if qm := re.fullmatch(r"„([^„“]{3,})“", raw):
        start, raw = start + 1, qm.group(1)
    alias = None
    if acr := _ROW_TRAILING_ACRONYM.search(raw):  # "Zukunftsfähige Innenstädte und Zentren (ZIZ)"
        alias = (acr.group("acr"), start + acr.start("acr"), start + acr.end("acr"))
    # A line cut after a hyphen: a hyphenated word ("Entwick-|lung") or a compound ("München-|Daglfing").
    name = " ".join(
        re.sub(r"-[ \t]*\n\s*(?=\w)", lambda h: "" if raw[h.end()].islower() else "-", raw).split()
    )
    if not name or len(name.split()) > _LIST_MAX_WORDS or not (name[0].isupper() or name[0] in "0123456789"):
        return None
    return name, start, start + len(raw), alias


# A quoted name after "des" may inflect its head ("im Rahmen des „Zukunftspakts Ehrenamt“", "des
# „Sofortprogramms“"): the name is its nominative.
_GENITIVE_BEFORE_QUOTE = re.compile(r"(?<![\w-])des\s*[„\"“]$")
_GENITIVE_HEAD_WORD = re.compile(
    r"^(?P<word>[A-ZÄÖÜ][\w-]*(?:programm|projekt|pakt|plan|netzwerk|konzept|paket|bündnis|fonds?))(?:es|s)?(?=\s|$)"
)


def _nominative(text: str, quote_start: int, name: str) -> str:
    if not _GENITIVE_BEFORE_QUOTE.search(text, max(0, quote_start - 8), quote_start):
        return name
    m = _GENITIVE_HEAD_WORD.match(name)
    if m is None or m.group("word").endswith("fond"):
        return name
    return m.group("word") + name[m.end() :]


def _projects(doc: Document, programme_keys: set[str]) -> dict[str, _Draft]:
    text = doc.text
    drafts: dict[str, _Draft] = {}
    for name, start, end in _renovations(text):
        d = drafts.setdefault(_key(name), _Draft(name, start, end, "project"))
        d.mentions.append((start, end))
    for m in anchored_matches(_CUE, text, _CUE_LITERALS):
        name = _nominative(text, m.start("name"), " ".join(m.group("name").split()))
        key = _key(name)
        if key in programme_keys or len(name.split()) > 20:
            continue
        kind = "programme" if "programm" in m.group("cue").casefold() else "project"
        d = drafts.setdefault(key, _Draft(name, m.start("name"), m.end("name"), kind))
        d.mentions.append((m.start("name"), m.end("name")))
        _add_abbreviation(d, text, m.end())
    # Later quoted mentions of a known name, after any cue, are mentions too.
    for d in drafts.values():
        for m in re.finditer(re.escape(d.name), text):
            if (m.start(), m.end()) not in d.mentions:
                d.mentions.append((m.start(), m.end()))
    # Names without quotes; an inflected spelling ("Dieselnetzes Südwest") joins its name's draft.
    stems = {_stem_key(d.name): d for d in drafts.values()}
    for name, start, end, kind, alias in _named_programmes(text) + _table_rows(text) + _listed(text):
        key = _key(name)
        if key in programme_keys or (alias and _key(alias[0]) in programme_keys):
            continue
        d = drafts.get(key) or stems.get(_stem_key(name))
        if d is None:
            d = drafts[key] = stems[_stem_key(name)] = _Draft(name, start, end, kind)
        elif _key(d.name) != key and all(_key(a) != key for a, _, _ in d.aliases):
            d.aliases.append((name, start, end))
        if (start, end) not in d.mentions:
            d.mentions.append((start, end))
        if alias and all(a != alias[0] for a, _, _ in d.aliases):
            d.aliases.append(alias)
        _add_abbreviation(d, text, end)
    for d in drafts.values():
        d.mentions.sort()
        d.start, d.end = d.mentions[0]
    return drafts


def _stem_key(name: str) -> str:
    """A name's key without the inflection of its words ("Dieselnetzes" and "Dieselnetze": "dieselnetz")."""
    return _key(re.sub(r"(?<=[a-zäöüß]{3})(?:es|e|s|n)(?=\s|$)", "", name))


def _merge_question_and_answer(doc: Document, drafts: dict[str, _Draft]) -> None:
    """The question's name for the one project the answer speaks of becomes an alias of the answer's name."""
    projects = [d for d in drafts.values() if d.kind == "project"]
    if len(projects) != 2 or not re.search(r"(?i)\bAntwort\b", doc.text[:3000]):
        return
    first_answer = min(d.mentions[0][0] for d in projects if d.mentions) if projects else 0
    a, b = sorted(projects, key=lambda d: d.mentions[0])
    first_answer = b.mentions[0][0]
    asked = all(_is_question_side(doc, s, first_answer) for s, _ in a.mentions)
    answered = not any(_is_question_side(doc, s, first_answer) for s, _ in b.mentions)
    # The answer states the project itself ("Das Projekt „Y“ wird ..."): the one project in scope.
    stated = any(
        re.search(r"(?:Das|Im)\s+Projekt\s*$", doc.text[max(0, s - 20) : s].rstrip('„"“ '))
        for s, _ in b.mentions
    )
    if asked and answered and stated:
        b.aliases.insert(0, (a.name, a.start, a.end))
        b.aliases.extend((a.name, s, e) for s, e in a.mentions[1:])
        del drafts[_key(a.name)]


def extract_projects(doc: Document, organisations: Sequence[Organisation] = ()) -> list[Project]:
    """Projects and programmes named in `doc`, with what the text says of them."""
    text = doc.text
    programmes, fields, announced = _programmes(doc)
    drafts = _projects(doc, set(programmes))
    _merge_question_and_answer(doc, drafts)
    projects = [d for d in drafts.values() if d.kind == "project"]
    sole = projects[0] if len(projects) == 1 else None
    out: list[Project] = []

    for key, d in sorted(programmes.items(), key=lambda kv: kv[1].start):
        out.append(
            Project(
                name=d.name,
                span=span(doc, d.start, d.end),
                kind="programme",
                fields_of_action=fields.get(key, ()),
                announced_by=announced.get(key),
            )
        )
    signed = signings(doc, organisations)
    for d in sorted(drafts.values(), key=lambda d: d.start):
        names = {d.name, *(a for a, _, _ in d.aliases)}
        mentions = sorted(d.mentions + [(s, e) for _, s, e in d.aliases])
        sentences = sorted({sentence_bounds(text, s) for s, _ in mentions})
        programme = None
        for pd in programmes.values():
            if any(a <= ps < b for ps, _ in pd.mentions for a, b in sentences):
                programme = pd.name
        if programme is None and len(programmes) == 1 and d is sole:
            programme = next(iter(programmes.values())).name
        field_of_action = None
        if d is sole or d.kind == "project":
            for m in _FIELD_OF_PROJECT.finditer(text):
                value = _dash(m.group("name"))
                known = [f for fs in fields.values() for f in fs if _key(f) == _key(value)]
                if d is sole:
                    field_of_action = known[0] if known else value
        lead = None
        for a, b in sentences:
            if _LEAD_VERB.search(text, a, b) and (dm := re.search(r"(?<![\w-])durch\s", text[a:b])):
                orgs = [o for o in organisations if a + dm.end() <= o.span.start < b]
                if orgs:
                    lead = orgs[0].name
                    break
        partners: list[str] = []
        for s in signed:
            if s.project in names:
                partners += [n for n in s.signatories if n != lead]
        grants = None
        if d is sole and _NO_GRANTS.search(text):
            grants = False
        alias_names = tuple(dict.fromkeys(a for a, _, _ in d.aliases if a != d.name))
        alias_spans: list[Span] = []
        for alias in alias_names:
            first = min((s, e) for a, s, e in d.aliases if a == alias)
            alias_spans.append(span(doc, *first))
        out.append(
            Project(
                name=d.name,
                span=span(doc, d.start, d.end),
                aliases=alias_names,
                kind=d.kind,
                programme=programme,
                field_of_action=field_of_action,
                lead=lead,
                partners=tuple(dict.fromkeys(partners)),
                grants_to_partners=grants,
                alias_spans=tuple(alias_spans),
            )
        )
    return [replace(p) for p in out]
