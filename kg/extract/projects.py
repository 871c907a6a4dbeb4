"""Projects and programmes: quoted names after cue words, aliases across question and answer, the
programme with its fields of action, and a project's field, lead, partners and grant policy.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from kg.extract._orgs import anchored_matches, word_matches
from kg.extract.agreements import sentence_bounds, signings
from kg.model import Document, Organisation, Project, Span
from kg.spans import span

_QUOTE = r"[„\"“](?P<name>[^„“”\"]{3,200})[“”\"]"
_CUE = re.compile(
    r"(?P<cue>(?:[A-ZÄÖÜ][a-zäöüß]+)?(?:[Pp]rojekt|[Pp]rogramm|[Vv]orhaben|[Ii]nitiative|"
    r"[Kk]ooperation|[Mm]aßnahme)(?:e|es|s|en|n)?)\s+(?:(?:der|des|die|das|für\s+die|für\s+das)\s+)?" + _QUOTE
)
# Literals of which every cue word of _CUE contains one.
_CUE_LITERALS = ("rojekt", "rogramm", "orhaben", "nitiative", "ooperation", "aßnahme")
_FRAME = re.compile(r"im\s+Rahmen\s+(?:der|des)\s+" + _QUOTE)
_ABBREVIATION = re.compile(r"\s*\(\s*[„\"](?P<abbr>[^“”\"\n]{2,30})[“”\"]\s*\)")
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
    return re.sub(r"[\s\-–]", "", name).casefold()


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
        add(" ".join(m.group("name").split()), m.start("name"), m.end("name"))
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
    for lead in _RENOVATION_LEAD.finditer(text):
        para_end = text.find("\n\n", lead.end())
        block_end = min(len(text), lead.end() + 800, para_end if para_end >= 0 else len(text))
        for m in _LISTED_CORRIDOR.finditer(text, lead.end(), block_end):
            out.append((f"Generalsanierung {_dash_name(m.group('name'))}", m.start("name"), m.end("name")))
    return out


def _dash_name(name: str) -> str:
    return re.sub(r"\s*–\s*", "–", " ".join(name.split()))


def _projects(doc: Document, programme_keys: set[str]) -> dict[str, _Draft]:
    text = doc.text
    drafts: dict[str, _Draft] = {}
    for name, start, end in _renovations(text):
        d = drafts.setdefault(_key(name), _Draft(name, start, end, "project"))
        d.mentions.append((start, end))
    for m in anchored_matches(_CUE, text, _CUE_LITERALS):
        name = " ".join(m.group("name").split())
        key = _key(name)
        if key in programme_keys or len(name.split()) > 20:
            continue
        kind = "programme" if "programm" in m.group("cue").casefold() else "project"
        d = drafts.setdefault(key, _Draft(name, m.start("name"), m.end("name"), kind))
        d.mentions.append((m.start("name"), m.end("name")))
        am = _ABBREVIATION.match(text, m.end())
        if am:
            d.aliases.append((am.group("abbr"), am.start("abbr"), am.end("abbr")))
    # Later quoted mentions of a known name, after any cue, are mentions too.
    for d in drafts.values():
        for m in re.finditer(re.escape(d.name), text):
            if (m.start(), m.end()) not in d.mentions:
                d.mentions.append((m.start(), m.end()))
        d.mentions.sort()
    return drafts


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
