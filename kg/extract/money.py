"""Amounts of money: "583.900 €", "1,5 Mio. Euro", "EUR 420.000", "38,5 Mrd. bis 40 Mrd. Euro", tables.

Each stated figure becomes a `Money` with the span of the figure, its stage (from the words of its
clause, else its sentence), fiscal year, category and subject. Explicit zeros ("keine Restmittel")
are amounts of 0. A sentence without a figure that applies another stage to figures stated before
("Hiervon sind ... die beantragten Mittel zugestanden worden"; "Die Sachmittel ... sind ... durch
vertragliche Verpflichtungen gebunden") yields further records for those figures. A breakdown of a
sum stated before ("Die Summe setzt sich aus ... zusammen") inherits the sum's stages.
Derived amounts (whole minus part) are not made here.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import lru_cache
from typing import Any

from kg.extract._money_rows import (
    LEAD_UNIT,
    MARKER,
    NOT_MONEY_LABEL,
    SCALES,
    UNIT,
    Context,
    Lines,
    counts_and_amounts,
    label_year,
    money_cells,
    row_label_ok,
    row_tail_ok,
    split_row,
)
from kg.extract._text import (
    NUMBER_WORD_RE,
    NUMBER_WORDS,
    abbreviation_before,
    collapse,
    ordinal_before,
    parse_number,
    sentences_of,
)
from kg.ingest.lexicon import MONTH_RE
from kg.ingest.normalise import clean_view
from kg.model import Document, Money, Project
from kg.spans import span

_NUM = r"(?:[1-9]\d{0,2}(?:[. \u00a0\u202f]\d{3})+|\d+)(?:,\d+)?"
_SCALE = r"(?:Mrd\.|Milliarden?|Mio\.?|Millionen?|Mill\.|Tsd\.|Tausend|T)"
_CUR = r"(?:€|Euro\b|EUR\b|Eur\b)"
# Currency words are rare: the scan finds them first and reads the figure in a short window before
# them ("583.900 €", "1,5 Mio. Euro", "38,5 Mrd. bis 40 Mrd. Euro") or right after ("EUR 420.000").
# The scan starts at a literal ("€" or "E"), so it skips ahead fast; the word edge is checked in Python.
_CUR_TOKEN = re.compile(r"€|\bEuro\b|\bEUR\b|\bEur\b")
_CUR_FAST = re.compile(r"€|E(?:uro|UR|ur)\b")
# "38 Cent", "38 Cent/km": amounts below one euro.
_CENT_WORD = re.compile(r"(?:Cent|ct)\b")
_CENT_BEFORE = re.compile(r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d+)?)\s*(?:Cent|ct)$")
_CENT = re.compile(r"(?<![\d.,])(?P<num>\d{1,3}(?:,\d+)?)\s*(?:Cent|ct)\b")
# "oberhalb 1 000, 1 200, 1 500 bzw. 2 000 Euro": the unit after the last member applies to all.
_SHARED_UNIT = re.compile(
    r"(?<![\d.,/])(?P<members>(?:" + _NUM + r"\s*,\s*)*" + _NUM + r")\s*,?\s*(?:bzw\.|und|oder|sowie)\s*$"
)
# A list joined by commas alone needs three members at least: "bei 1 000, 1 500, 2 000 Euro".
_COMMA_LIST = re.compile(r"(?<![\d.,/])(?P<members>(?:" + _NUM + r"\s*,\s*){2,})$")
_MEMBER = re.compile(r"(?<![\d.,])" + _NUM + r"(?![\d])")
_BEFORE_CUR = re.compile(
    r"(?<![\w.,/])(?:(?P<lo>" + _NUM + r")(?:\s*(?P<loscale>" + _SCALE + r"))?\s*(?:" + _CUR + r"\s*)?"
    r"\s*(?:bis(?:\s+zu)?|–|-)\s*)?"
    r"(?P<num>" + _NUM + r")(?![\d])\s*(?P<scale>" + _SCALE + r")?\s*$"
)
_WORDS_BEFORE_CUR = re.compile(
    r"(?<![\w-])(?P<w>(?i:"
    + NUMBER_WORD_RE
    + r"))\s+(?P<scale>Milliarden?|Millionen?|Mio\.|Mrd\.|Tausend)\s*$"
)
_AFTER_CUR = re.compile(r"\s*(?P<num>" + _NUM + r")(?![\d])(?:\s*(?P<scale>" + _SCALE + r")(?!\w))?")


@dataclass(frozen=True)
class _Hit:
    """A figure with a currency: [start, end) in the clean text and its parts."""

    start: int
    end: int
    num: str
    scale: str | None
    lo: str | None = None
    loscale: str | None = None


def find_amounts(text: str) -> list[_Hit]:
    """Every figure with a currency in `text`, left to right."""
    out: list[_Hit] = []
    last_end = 0
    for c in _CUR_FAST.finditer(text):
        if c.start() > 0 and c.group() != "€" and text[c.start() - 1].isalnum():
            continue
        lo = max(last_end, c.start() - 90)
        m = _BEFORE_CUR.search(text, lo, c.start())
        if m:
            if not m.group("lo"):
                out.extend(
                    _shared_unit(
                        text, max(last_end, m.start() - 80), m.start(), m.group("num"), m.group("scale")
                    )
                )
            out.append(
                _Hit(m.start(), c.end(), m.group("num"), m.group("scale"), m.group("lo"), m.group("loscale"))
            )
            last_end = c.end()
            continue
        w = _WORDS_BEFORE_CUR.search(text, lo, c.start())
        if w:
            # "acht Millionen Euro": a number word with a scale (a bare "zehn Euro" is too rare to risk).
            out.append(_Hit(w.start(), c.end(), str(NUMBER_WORDS[w.group("w").lower()]), w.group("scale")))
            last_end = c.end()
            continue
        if c.group() in ("EUR", "€") and (c.start() == 0 or not text[c.start() - 1].isalnum()):
            a = _AFTER_CUR.match(text, c.end())
            if a:
                out.append(_Hit(c.start(), a.end(), a.group("num"), a.group("scale")))
                last_end = a.end()
    if "Cent" in text or "ct" in text:
        taken = [(h.start, h.end) for h in out]
        for m in _cents(text):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                out.append(_Hit(m.start(), m.end(), m.group("num"), "cent"))
        out.sort(key=lambda h: h.start)
    return out


def _cents(text: str) -> list[re.Match[str]]:
    """What `_CENT.finditer(text)` finds, found from the rare unit words back to their figures."""
    out: list[re.Match[str]] = []
    for w in _CENT_WORD.finditer(text):
        m = _CENT_BEFORE.search(text, max(0, w.start() - 40), w.end())
        if m and (not out or m.start() >= out[-1].end()):
            out.append(m)
    return out


def _shared_unit(text: str, lo: int, hi: int, last: str, scale: str | None) -> list[_Hit]:
    """The members before "bzw./und/oder D Euro" that share D's unit ("1 000, 1 200 bzw. 2 000 Euro")."""
    m = _SHARED_UNIT.search(text, lo, hi) or _COMMA_LIST.search(text, lo, hi)
    if not m or re.search(r"zwischen\s*$", text[max(0, m.start() - 12) : m.start()]):
        return []  # "zwischen 5 und 7 Mio. Euro" is a range
    members = list(_MEMBER.finditer(text, m.start("members"), m.end("members")))
    # A list of years or of other plain numbers before a grouped amount is no list of amounts; a
    # member below a thousand has no separator to show ("750, 1 000 bzw. 2 000 Euro").
    fmt = _number_format(last)
    if not members or any(
        (_number_format(x.group()) != fmt and _number_format(x.group()) != (fmt[0], ""))
        or (_number_format(x.group()) != fmt and len(x.group().split(",")[0]) != 3)
        or _ANY_YEAR.fullmatch(x.group())
        for x in members
    ):
        return []
    return [_Hit(x.start(), x.end(), x.group(), scale) for x in members]


def _number_format(s: str) -> tuple[bool, str]:
    """(decimal comma?, thousands separator) of a figure: list members share their format."""
    sep = " " if re.search(r"\d[ \u00a0\u202f]\d{3}", s) else "." if re.search(r"\d\.\d{3}", s) else ""
    return ("," in s, sep)


_ZWISCHEN = re.compile(r"zwischen\s+(" + _NUM + r")(?:\s*(" + _SCALE + r"))?\s*(?:" + _CUR + r"\s*)?und\s*$")
_SCALES = {
    "mrd.": Decimal(10**9),
    "milliarde": Decimal(10**9),
    "milliarden": Decimal(10**9),
    "mio.": Decimal(10**6),
    "mio": Decimal(10**6),
    "million": Decimal(10**6),
    "millionen": Decimal(10**6),
    "mill.": Decimal(10**6),
    "tsd.": Decimal(1000),
    "tausend": Decimal(1000),
    "t": Decimal(1000),
    "cent": Decimal("0.01"),
}
# (No "\b" in front: the literal start lets the regex engine skip ahead; the word start is checked
# on the hit.)
_ZERO = re.compile(
    r"keine(?:r|n)?\s+(?:(?:weiteren|zusätzlichen|nennenswerten|entsprechenden|eigenen|sonstigen)\s+)?"
    r"(?P<noun>(?:[A-ZÄÖÜ][a-zäöüß]+(?:s|-)?)??(?:Restmittel|Haushaltsmittel|Mittel|Kosten|Ausgaben|Zahlungen|Zuwendungen"
    r"|Gelder|Zuschüsse|Gebühren|mittel|kosten|ausgaben|zahlungen|zuwendungen|zuschüsse|volumina)"
    r"|finanzielle\s+(?:Unterstützung|Förderung|Hilfen?|Beteiligung))\b"
)


# Costs said not to have arisen: "Kosten für anwaltliche Vertretung seien nicht entstanden", "Kosten fielen
# mithin dafür nicht an".
_ZERO_NOT = re.compile(
    r"(?P<noun>Kosten|Ausgaben|Mehrkosten)\b(?:[^.;?!()]{0,80}?\b(?:sind|seien|waren|wären)\s+nicht\s+"
    r"(?:entstanden|angefallen)|\s+fielen\s+[^.;?!()]{0,40}?\bnicht\s+an\b|\s+sind\s+nicht\s+(?:entstanden|angefallen))"
)


def _zeros(text: str) -> Iterator[re.Match[str]]:
    """The "keine Mittel" phrases of `text` that start a word, and costs "nicht entstanden", in order."""
    found = [m for m in _ZERO.finditer(text) if m.start() == 0 or not text[m.start() - 1].isalnum()]
    if "nicht" in text:
        found += [m for m in _ZERO_NOT.finditer(text) if m.start() == 0 or not text[m.start() - 1].isalnum()]
    yield from sorted(found, key=lambda m: m.start())


# Stage words, as predicates (uninflected participles and verbs) and as attributes.
_STAGE_WORDS: tuple[tuple[str, str], ...] = (
    # "investiert werden müssten": money someone holds necessary, not money spent (first: the paid
    # participle at the same place would win otherwise).
    (
        "estimated",
        r"(?:investiert|aufgewendet|ausgegeben|gezahlt|bereitgestellt|finanziert)\s+werden\s+müssten?\b",
    ),
    ("remaining", r"Restmittel\w*|noch\s+nicht\s+abgeflossen\w*|verbleibende\w*"),
    (
        "committed",
        r"gebunden|Gebunden\b|vertraglich\w*\s+(?:Verpflichtung\w*|verpflichtet|gebunden|vereinbart)|Verpflichtungsermächtigung\w*|Vertragswert\w*|festgelegt",
    ),
    (
        "paid",
        r"ausgezahlt\w*|Ausgezahlt\w*|verausgabt\w*|Verausgabt\w*|abgeflossen\w*|Abfl(?:uss|üsse)\w*|gezahlt\w*|\bIST\b|\(Ist\)|aufgewendet\w*|aufgewandt\w*|entstanden\w*|angefallen\w*|investiert\w*|Ist-?Ausgaben|Ausgaben|ausgaben\b|geleistet\w*|Ist[\s-]+(?:19|20)\d\d\b|Ist-Werte?\b|abfluss\w*|abflüsse\w*"
        r"|abgerufen\w*+(?!\s+am\b)|Abgerufen\w*+(?!\s+am\b)|erstattet\b|zahlte\w*|Zahlung(?:en)?\b|zahlung(?:en)?\b"
        r"|(?:wendet|wenden|wandte|wandten)(?=\s+[^;?!]{0,150}?\bauf\b)"
        r"|(?:fällt|fallen|fiel|fielen)(?=\s+[^;?!]{0,150}?\ban(?=\s*[.,;]))",
    ),
    (
        "granted",
        r"bewilligt\w*|Bewilligt\w*|zugestanden\w*|zugesagt\w*|Zugesagt\w*|versprochen\w*|veranschlagt\w*|Veranschlagt\w*|bereitgestellt\w*|Bereitgestellt\w*|zur\s+Verfügung\s+(?:gestellt|stehen|steht)|(?:stehen|steht|stünden?|standen|stand)\s+[^;?!]{0,120}?(?:zur\s+Verfügung|bereit\b)|gefördert\w*|finanziert(?<!gegenfinanziert)\w*|Bewilligung\w*|fördervolumen\w*|Haushaltsansatz\w*|Mittelansatz\w*|Ansatz|Soll\b|etatisiert\w*|Zuwendungssumme\w*|Fördervolumen\w*|Förderung(?:en)?\b|Budget\w*|gewährt\w*|Gewährt\w*|(?:stellt|stellen|stellte|stellten)(?=\s+[^;?!]{0,150}?(?:\bbereit\b|\bzur\s+Verfügung\b))|Bewilligungssumme\w*|Fördersumme\w*|\bSOLL\b|\(Soll\)",
    ),
    # "angefordert" (funds drawn) and "aufgefordert" are no request for money: "gefordert" stands alone.
    ("requested", r"beantragt\w*|Beantragt\w*|angemeldet\w*|(?<![A-Za-zäöüß])gefordert\w*"),
    (
        "planned",
        r"geplant\w*|Geplant\w*|vorgesehen\w*|Vorgesehen\w*|eingeplant\w*"
        r"|zur\s+Verfügung\s+zu\s+stellen|bereitzustellen"
        r"|(?:sieht|sehen|sah|sahen)(?=\s+[^;?!]{0,150}?\bvor\b)|(?:plant|planen|plante|planten)(?=\s+[^;?!]{0,150}?\bein\b)|Planung\w*|In\s+Vorbereitung|(?<![A-Za-zäöüß])soll(?:en|e|te|ten)?\b(?=[^?!;]{0,200}?\b"
        r"(?:erhalten|betragen|fließen|kosten|erfolgen|erhöht|aufgestockt|bereitgestellt|investiert|ausgezahlt|gezahlt|finanziert|gefördert"
        r"|ausgegeben|aufgewendet|zur\s+Verfügung))",
    ),
    (
        "estimated",
        r"geschätzt\w*|Geschätzt\w*|voraussichtlich\w*|Voraussichtlich\w*|Schätzung\w*|Kostenschätzung\w*|prognostiziert\w*|beziffert\w*|erwartet\w*|kalkuliert\w*"
        # a need ("Investitionsbedarf", "Mittelbedarf")
        r"|[Ii]nvestitionsbedarf\w*|[Ff]inanzierungsbedarf\w*|[Mm]ittelbedarf\w*",
    ),
    # A rate or price is never a flow of public money, whatever else the clause says.
    (
        "rate",
        r"pro\s+(?:[a-zäöüß]+\s+)?(?:Kilometer|Stunde|Jahr|Monat|Woche|Nacht|Person|Kopf|Fall|Tag|Tonne|Stück|Tier|Einwohner\w*|Kind|Exemplar|Teilnehm\w+|Platz|Liter|Quadratmeter)\b|je\s+(?:Kilometer|Stunde|Person|Fall|Tag|Tonne)"
        r"|(?:eines|einer)\s+(?:Kilometers|Stunde|Tonne|Person)\b|Mindestlohn\w*|Stundenlohn\w*|Obergrenze\w*|Grenze\b|Schwelle\w*|Preis\w*|Gebühr\w*|verdien\w*|Vergütung\w*|Zulage\w*|Entgelt\w*|Lohn\b",
    ),
    # Damages, revenue, sums reclaimed: "other" unless a stage word says more.
    (
        "other",
        r"Schaden|Schäden|Steuerschad\w*|Umsatz\w*|Einnahmen|Erlös\w*|Bürgschaft\w*|zurückgefordert\w*|Rückforderung\w*",
    ),
)
# Participles written with a capital at a sentence start ("Bewilligt wurden ...", "Bewilligte Mittel"):
# inflected they are attributes like their small-letter forms, unlike nouns ("Ausgaben", "Ansatz").
_CAPITAL_PARTICIPLE = re.compile(
    r"(?:Gebunden|Ausgezahlt|Verausgabt|Bewilligt|Zugesagt|Veranschlagt|Bereitgestellt|Beantragt|Geplant"
    r"|Vorgesehen|Geschätzt|Gewährt)"
)
# (A separable verb is found at its stem and its particle looked ahead for ("sieht ... vor"): a match
# running on to the particle would hide the stage words between them from the scan.)
_WEAK_NOUNS = ("Förderung", "Zahlung", "Budget", "Abgerufen")
# An inflected participle is attributive ("die beantragten Mittel", "die gebundenen Mittel"); the bare
# participle is the predicate ("... beantragt", "... gebunden").
_ATTRIBUTIVE = re.compile(r"(?:t|en)(?:e|en|em|er|es)$")

_CATEGORIES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("material", re.compile(r"Sachmittel\w*|Sachkosten|Sachausgaben|sächliche\w*")),
    (
        "personnel",
        re.compile(
            r"Personalmittel\w*|Personalkosten|Personalausgaben|Stellen\b|Planstellen|Fachkräfte\w*|Personal\b|Besoldung"
        ),
    ),
    ("grant", re.compile(r"Förder\w*|Zuwendung\w*|Zuschuss\w*|Zuschüsse\w*")),
    ("investment", re.compile(r"[Ii]nvestition\w*|investiert|Investitionsmittel")),
    ("total", re.compile(r"insgesamt|Summe|Gesamt\w*")),
)
_MONTHS = "(?:" + MONTH_RE + ")"
_YEAR_CTX = re.compile(
    r"(?:Haushaltsjahr(?:e?s)?|für\s+das\s+Jahr|im\s+Jahr(?:e)?|in\s+den\s+Jahren|Berichtsjahr|Jahr|in|für|im|bis|Soll\s+für"
    r")\s+"
    r"(?P<y>(?:19[5-9]\d|20[0-4]\d))(?![\d/,.]\d)"
)
# A year named right after the figure, or the day a figure takes effect right before or after it, is
# its year ("auf 14,60 Euro im Jahr 2027", "auf 13,90 Euro zum 1. Januar 2026", "zum 1. Januar 2026 auf
# 13,90 Euro"); other dates near a figure are mostly the day something was decided or reported.
_YEAR_RIGHT_AFTER = re.compile(
    r"\s*(?:im\s+(?:Haushalts|Kalender)?[Jj]ahre?|für\s+(?:das\s+)?(?:Haushalts)?[Jj]ahr|in"
    r"|(?:zum|ab)\s+(?:\d{1,2}\.\s*)?" + _MONTHS + r")\s+"
    r"(?P<y>(?:19[5-9]\d|20[0-4]\d))(?![\d/,.]\d)"
)
_YEAR_RIGHT_BEFORE = re.compile(
    r"(?:zum|ab)\s+(?:\d{1,2}\.\s*)?" + _MONTHS + r"\s+(?P<y>(?:19[5-9]\d|20[0-4]\d))\s+(?:auf|um)\s+$"
)
_ANY_YEAR = re.compile(r"(?<![\d.,/])(?:19[5-9]\d|20[0-4]\d)(?![\d/]|[.,]\d)")
_BREAKDOWN = re.compile(
    r"setzt\s+sich\s+[^.]{0,200}zusammen|Summe\s+setzt|^\s*(?:Davon|Hiervon)\b|\bdavon\b|entfallen"
)
_MONEY_NOUN_HINT = re.compile(r"ittel|Summe|Betr[aä]g|Gelder")
_MONEY_NOUN = re.compile(
    r"\b(?:(?:die|der|den|diese|dieser)\s+)?(?P<attr>\w+(?:en|e)\s+)?"
    r"(?P<noun>Mittel|Sachmittel|Personalmittel|Fördermittel|Haushaltsmittel|Summe|Betrag|Beträge|Gelder|Restmittel)\b"
)
_TABLE_HEAD = re.compile(
    r"(?:in|In|\()\s*(?:(?P<scale>Tsd\.|Tausend|T|Mio\.|Millionen|Mrd\.)\s*)?(?:€|Euro|EUR)\b|^\s*(?:€|Euro|EUR)\s*$",
    re.MULTILINE,
)
# The first branch alone, which the regex engine can skip ahead to by its first letter: the second
# ("^\s*" in front) makes it try every position of the text. It is needed only where a line holds
# nothing but the currency, which _LONE_CURRENCY finds fast.
_TABLE_HEAD_INLINE = re.compile(_TABLE_HEAD.pattern.split("|^")[0])
_LONE_CURRENCY = re.compile(r"(?:€|Euro|EUR)[^\S\n]*$", re.MULTILINE)


def _table_heads(raw: str) -> list[re.Match[str]]:
    """The matches of _TABLE_HEAD in `raw`, found without a scan from every position where possible."""
    for m in _LONE_CURRENCY.finditer(raw):
        if not raw[raw.rfind("\n", 0, m.start()) + 1 : m.start()].strip():
            return list(_TABLE_HEAD.finditer(raw))
    return list(_TABLE_HEAD_INLINE.finditer(raw))


_TABLE_CELL = re.compile(
    r"(?<![\d.,/])(?:[1-9]\d{0,2}(?:\.\d{3})+(?:,\d{1,2})?|(?:0|[1-9]\d*),\d{2})(?![\d.,/]|\s*(?:%|Prozent|km|Stellen))"
)
_NUMBERS_ROW = re.compile(r"^\s*(?:\d[\d.,]*\s+)*\d[\d.,]*\s*$")
_ANY_CELL = re.compile(r"(?<![\d.,])\d{1,3}(?:\.\d{3})*(?:,\d+)?(?![\d.,])")
_UNIT = re.compile(
    r"\(?\s*\b(?:in|In)?\s*(?:Tsd\.|Tausend|T|Mio\.|Millionen|Mrd\.)?\s*(?:€|Euro|EUR)\b\s*\)?"
)
_YEARS_ROW = re.compile(r"^\s*(?:(?:19|20)\d\d\s+){1,11}(?:19|20)\d\d\s*$")
_PROJECT_QUOTE = re.compile(
    r"(?:Projekt\w*|Programm\w*|Vorhaben\w*|Maßnahme\w*|Initiative\w*|Richtlinie\w*)\s+„([^“”\"]{4,160})[“”\"]"
)
_PURPOSE = re.compile(
    r"(?:(?:mit\s+dem|zum)\s+Zweck\s+(?=[a-zäöü])|zur|zum|für)\s+(?:den\s+|die\s+|das\s+|eine?n?\s+|ein\s+)?"
    r"(?!(?:Jahr|Haushaltsjahr|Berichtsjahr|Jahre)\b)(?P<s>[A-ZÄÖÜ„][^,.;:()]{3,140}?)(?=\s+(?:an\s+(?:die|den|das)|verausgabt|ausgezahlt|investiert|bewilligt|beantragt|"
    r"aufgewendet|veranschlagt|gezahlt|bereitgestellt|zur\s+Verfügung|in\s+Höhe|im\s+Jahr|wurden|werden|sind)\b|[,.;:(])"
)
_RAHMEN = re.compile(
    r"im\s+Rahmen\s+(?:der|des)\s+(?P<s>[„A-ZÄÖÜ][^,.;()]{3,160}?)(?=\s+(?:an|für|verausgabt|ausgezahlt)\b|[,.;(])"
)


@dataclass
class _Found:
    money: Money
    start: int  # clean offsets
    end: int
    sentence: int
    paragraph: int
    stages: set[str] = field(default_factory=set)


def _tidy(d: Decimal) -> Decimal:
    """Whole amounts without a fractional exponent ("7.6E+9" -> 7600000000)."""
    return d.quantize(Decimal(1)) if d == d.to_integral_value() else d.normalize()


def _scale(s: str | None) -> Decimal:
    return _SCALES.get(s.lower(), Decimal(1)) if s else Decimal(1)


# The same words as one alternation whose every branch starts with a letter, so that the regex engine
# skips ahead by the first character (named groups and "\b" in front would stop that). Which stage a
# hit is and the word edges of "IST"/"SOLL" are settled on the hit, by the stage's own pattern.
_STAGE_SCAN = re.compile(
    "|".join(p for _k, p in _STAGE_WORDS)
    .replace(r"\bIST\b", r"IST\b")
    .replace(r"\bSOLL\b", r"SOLL\b")
    .replace("(?<![A-Za-zäöüß])", "")
)
_STAGE_KINDS = tuple((k, re.compile(p)) for k, p in _STAGE_WORDS)


def _stage_at(text: str, at: int) -> tuple[str, re.Match[str]] | None:
    """The stage word at `at`: the first stage whose words match is the branch the alternation took."""
    for kind, rx in _STAGE_KINDS:
        m = rx.match(text, at)
        if m:
            return kind, m
    return None


@lru_cache(maxsize=4096)
def _stage_hits(text: str) -> list[tuple[int, str, bool, int]]:
    """(position, stage, predicate?, end) of each stage word in `text`."""
    out = []
    for hit in _STAGE_SCAN.finditer(text):
        found = _stage_at(text, hit.start())
        if found is None:
            continue  # "IST" inside a word
        kind, m = found
        word = m.group().split()[-1]
        predicate = (
            kind in ("remaining", "other", "rate")
            or not _ATTRIBUTIVE.search(word)
            or (
                word[0].isupper() and not _CAPITAL_PARTICIPLE.match(word) and not word.startswith(_WEAK_NOUNS)
            )
            or word.startswith(("soll", "müsst"))  # "sollte", "müssten": a modal verb, never an attribute
        )
        out.append((m.start(), kind, predicate, m.end()))
    return out


def _stage(clause: str, sentence: str, figure_ends: tuple[int, int] | None = None) -> str | None:
    """The stage a clause (else its sentence) gives its figure: the last predicate stage word wins.

    With `figure_ends` (the figure's end in `clause` and in `sentence`), an attributive word after the
    figure is left to the figure it describes ("1,6 Mrd. Euro mit einem geschätzten Ausfallrisiko von ...").
    """
    weak: list[str] = []
    for k, text in enumerate((clause, sentence)):
        hits = _stage_hits(text)
        if figure_ends is not None:
            hits = [h for h in hits if h[2] or h[0] < figure_ends[k]]
        # Words that name a kind of money more than its stage ("Verwaltungsausgaben", "Förderung") count
        # only where neither clause nor sentence says more.
        weak += [h[1] for h in hits if _weak(text, h)]
        hits = [h for h in hits if not _weak(text, h)]
        if any(h[1] == "remaining" for h in hits):
            return "remaining"
        if any(h[1] == "rate" for h in hits):
            return "other"
        if any(h[1] == "planned" and text.startswith("soll", h[0]) for h in hits):
            return "planned"  # "soll ... erhalten", "sollen ... investiert werden": money to come
        if any(h[1] == "estimated" and h[2] for h in hits):
            return "estimated"  # "voraussichtlich ausgezahlt", "erwartet Mehrausgaben": a forecast
        preds = [h[1] for h in hits if h[2] and h[1] != "other"]
        if preds:
            return preds[-1] if "paid" not in preds or preds[-1] != "planned" else "paid"
        if any(h[1] == "other" for h in hits):
            return "other"
        attrs = [h[1] for h in hits]
        if attrs:
            return attrs[-1]
    return weak[0] if weak else None


# In a column head a compound of "Förderung" names the money granted ("Bundesförderung in Euro"):
# in prose and in cells it names a programme more often than a stage, so only heads count it.
_HEAD_GRANT = re.compile(r"[a-zäöüß]förderung(?:en)?\b")


@lru_cache(maxsize=1024)
def _column_stages(header: str, ncols: int) -> list[str] | None:
    """The stage of each of `ncols` money columns, as the words of a table's header name them one
    per column, or None. Weak words ("Förderung") count only where the others are too few: in
    "Jahr der Förderung" they head a year column."""
    hits = [(h[0], h[1], _weak(header, h)) for h in _stage_hits(header) if h[1] not in ("other", "rate")]
    hits += [(m.start(), "granted", False) for m in _HEAD_GRANT.finditer(header)]
    hits.sort()
    for heads in ([k for _at, k, _w in hits], [k for _at, k, weak in hits if not weak]):
        if len(heads) == ncols:
            return heads
    return None


def _distinctive(amount: Decimal) -> bool:
    """Whether two equal amounts are most likely one figure: four significant digits or more."""
    return len(format(abs(amount), "f").replace(".", "").strip("0")) >= 4


def _weak(text: str, hit: tuple[int, str, bool, int]) -> bool:
    """Whether a stage word is a weak one, a noun that names a kind of money more than its stage:
    "-ausgaben" or "-zahlungen" inside a compound, "Förderung", "Zahlungen", "Budget"."""
    at = hit[0]
    return text.startswith(("Förderung", "Zahlung", "Budget"), at) or (
        text.startswith(("ausgaben", "zahlung"), at) and at > 0 and text[at - 1].isalpha()
    )


# A budget title's group (the Gruppierungsplan of German budgets) says what kind of spending it is:
# 4xx personnel, 5xx material, 6xx grants, 7xx construction, 81x/82x acquisitions, 83x-89x grants
# and loans for investment.
_TITEL = re.compile(r"\bTitel[n]?\s+(?P<g>[4-8])(?P<h>\d)\d\s?\d\d\b")


@lru_cache(maxsize=4096)
def _titel_category(text: str) -> str | None:
    m = _TITEL.search(text)
    if not m:
        return None
    g, h = m.group("g"), int(m.group("h"))
    return {"4": "personnel", "5": "material", "6": "grant", "7": "investment"}.get(g) or (
        "investment" if h <= 2 else "grant"
    )


def _category(clause: str, sentence: str) -> str | None:
    return _category_of(clause) or _category_of(sentence) or _titel_category(sentence)


@lru_cache(maxsize=4096)
def _category_of(text: str) -> str | None:
    """The first category whose words `text` has (cached: the figures of one sentence share it)."""
    for cat, rx in _CATEGORIES:
        if rx.search(text):
            return cat
    return None


# A table of costs or expenditure per year reports what was spent.
_COSTS = re.compile(r"[Kk]osten\b|\bAufwand\b|\bAufwendungen\b|(?<=\w)ausgaben\b")
# A past tense that states an amount ("Die Kosten beliefen sich auf", "lagen bei", "betrugen"): with a
# cost noun, money spent.
_AVERAGE = re.compile(r"[Dd]urchschnitt|\b(?:pro|je)\s")
_PAST_COSTS = re.compile(r"\b(?:beliefen|belief|lagen|lag|betrugen|betrug)\b")


@lru_cache(maxsize=1024)
def _cost_stage(text: str) -> str:
    return "paid" if _COSTS.search(text) else "other"


@lru_cache(maxsize=1024)
def _is_stock(text: str) -> bool:
    return _STOCK.search(text) is not None


def _unit_scale(m: re.Match[str]) -> Decimal:
    sc = m.group("scale")
    return SCALES.get(sc.lower(), Decimal(1)) if sc else Decimal(1)


# Holdings, debts and volumes are stocks: a table of them is no flow of public money.
# (No leading "\w*": a pattern that may start anywhere in a word is slow to scan; a substring does.)
_STOCK = re.compile(
    r"[Bb]estand(?:es)?\b|[Bb]estände(?:n)?\b|Anlagevolumen|[Ss]chuldenstand|Verbindlichkeiten"
)


# A figure that looks like euros without its unit: grouped thousands or two decimals.
_MONEY_FORMAT = re.compile(r"[1-9]\d{0,2}(?:[. \u00a0]\d{3})+(?:,\d{1,2})?|\d+,\d{2}")
_LEADING_YEAR = re.compile(r"^\s*(19[5-9]\d|20[0-4]\d)\*?\s")
_PLANNED_ROW = re.compile(r"^\s*In\s+Vorbereitung:?\s*")
_LIST_ITEM = re.compile(r"\s*(?:[a-z]{1,2}\)|[–•-]|\(?\d{1,2}\))\s")
_BOUND_BEFORE = re.compile(r"\b(?:seit|ab|nach|vor|Seit|Ab)(?:\s+de[mn])?(?:\s+Jahre?n?)?\s+$")


_RAW_LINE_YEAR = re.compile(r"^[ \t]*(?:[•\-–*][ \t]*)?(?P<y>19[5-9]\d|20[0-4]\d)[ \t]*:", re.MULTILINE)


def _list_year(raw: str, o: int) -> int | None:
    """The year of the per-year list item ("2021: 106 Mio. Euro") the figure at original offset `o` is in."""
    lo = max(0, o - 250)
    last = None
    for m in _RAW_LINE_YEAR.finditer(raw, lo, o):
        last = m
    if last is None:
        return None
    between = raw[last.end() : o]
    # The item ends at a semicolon or a full stop that is no abbreviation.
    if ";" in between or re.search(r"(?<!Mio)(?<!Mrd)(?<!Tsd)(?<!ca)(?<!rd)\.\s", between):
        return None
    return int(last.group("y"))


def _year(text: str, start: int, end: int, sent: tuple[int, int], para: tuple[int, int]) -> int | None:
    """The fiscal or calendar year of the figure at [start, end) from its sentence, else its paragraph."""
    s0, s1 = sent
    right = _YEAR_RIGHT_AFTER.match(text, end, s1) or _YEAR_RIGHT_BEFORE.search(
        text, max(s0, start - 40), start
    )
    if right:
        return int(right.group("y"))
    # Nearest year-context phrase before the figure in its clause, else after it in the sentence.
    best: int | None = None
    for m in _YEAR_CTX.finditer(text, max(s0, start - 400), min(s1, end + 400)):
        if m.end() <= start:
            best = int(m.group("y"))
        elif m.start() >= end:
            if best is None:
                best = int(m.group("y"))
            break
    if best is not None:
        return best
    w0, w1 = max(s0, start - 300), min(s1, end + 300)
    # "seit 2018", "ab 2020": a bound of a period, not the year the money belongs to.
    years = {
        int(m.group())
        for m in _ANY_YEAR.finditer(text, w0, w1)
        if not (start <= m.start() < end)
        and not _BOUND_BEFORE.search(text, max(0, m.start() - 20), m.start())
    }
    if len(years) == 1:
        return years.pop()
    if para[1] - para[0] > 1500:
        return None  # PDF text without blank lines has no paragraphs to speak of
    pyears = {int(m.group("y")) for m in _YEAR_CTX.finditer(text, para[0], para[1])}
    if len(pyears) == 1:
        return pyears.pop()
    return None


def _subject(
    text: str,
    clause: tuple[int, int],
    sent: tuple[int, int],
    para: tuple[int, int],
    projects: Sequence[Project],
    memo: dict[tuple[int, int], str | None] | None = None,
) -> str | None:
    """The project named in the sentence, else the phrase the money is for, else the paragraph's project.

    `memo` keeps what a stretch of text names, for the many figures of one long table "sentence".
    """
    memo = {} if memo is None else memo

    def project_in(lo: int, hi: int) -> str | None:
        chunk = text[lo:hi]
        for p in projects:
            for name in (p.name, *p.aliases):
                if name and name in chunk:
                    return p.name
        return None

    def named_near(lo: int, hi: int) -> str | None:
        if (lo, hi) not in memo:
            m = _PROJECT_QUOTE.search(text, lo, hi)
            memo[lo, hi] = project_in(lo, hi) or (collapse(m.group(1)) if m else None)
        return memo[lo, hi]

    if projects:
        key = (-1 - sent[0], sent[1])  # the sentence alone (negative: apart from the stretches below)
        if key not in memo:
            memo[key] = project_in(*sent)
        if memo[key]:
            return memo[key]
    for lo, hi in (clause, sent):
        found = _purpose(text[lo:hi])
        if found:
            return found
    # A long stretch without blank lines (PDF text) is no paragraph: look only nearby.
    near = para if para[1] - para[0] <= 1500 else (max(para[0], sent[0] - 300), sent[1])
    return named_near(*near)


@lru_cache(maxsize=4096)
def _purpose(chunk: str) -> str | None:
    """The phrase a clause or sentence says the money is for (cached: a sentence's figures share it)."""
    m = _PURPOSE.search(chunk) or _RAHMEN.search(chunk)
    return collapse(m.group("s").strip('„“" ')) if m else None


@lru_cache(maxsize=4096)
def _breakdown(sentence: str) -> bool:
    return _BREAKDOWN.search(sentence) is not None


def extract_money(doc: Document, projects: Sequence[Project] = ()) -> list[Money]:
    """Every amount of money the document states (see the module docstring)."""
    return _Extractor(doc, projects).run()


_DIGIT = re.compile(r"\d")
_EMPTY_PARENS = re.compile(r"\(\s*(?:in\s*)?\)|\((?:IST|Ist|SOLL|Soll)\)")
_NAME_LABEL = re.compile(r"(?:(?:[A-ZÄÖÜ(][\w.()&'/-]*|für|und|der|des|zu|am|an|im|in|von|-|–)(?:\s+|$))+")
# A table row labelled by the question it answers: "Frage 5", "Frage 5 (Mrd. Euro)".
_FRAGE_LABEL = re.compile(r"^\s*(?:zu\s+)?Frage\s+(\d{1,3})(?![\d)])")
_FRAGE_LINE = re.compile(r"\s*(?:zu\s+)?Frage\s+(\d{1,3})\s*(?:\([^()]{1,30}\))?\s*")
_ANY_CURRENCY = re.compile("€|Euro|EUR")
# The end of a line that can end a table row: a figure, a percentage, a marker, an empty cell.
_ROW_END = re.compile(r"[\d%)*\-–][^\S\n]*$", re.MULTILINE)


class _Extractor:
    def __init__(self, doc: Document, projects: Sequence[Project]) -> None:
        self.doc = doc
        self.projects = projects
        self.project_names = frozenset(p.name for p in projects)
        # Money for a programme is a grant to those it funds; money for a project is its total.
        self.programme_names = frozenset(p.name for p in projects if p.kind == "programme")
        self.view = clean_view(doc)
        # Paragraphs and table lines need line breaks, so structure comes from the original text;
        # figures come from the clean view (hyphenation and furniture gone).
        self.text = self.view.text
        self.sentences = sentences_of(self.text)
        self.amounts = find_amounts(self.text)
        self.amount_starts = [h.start for h in self.amounts]
        self.found: list[_Found] = []
        # Ends of what was found, per sentence: prose figures and table cells apart (see _clause).
        self._prose_ends: dict[int, list[int]] = {}
        self._cell_ends: dict[int, list[int]] = {}
        self._last_prose_sentence = -1
        self._first_prose_sentence: int | None = None
        self._prose_in_order = True  # prose figures were found sentence by sentence
        self.lines = Lines(doc.text, self.view.furniture)
        self.row_amounts: dict[int, list[tuple[int, int]]] = {}  # line -> original spans of its figures
        self.bare: dict[int, tuple[str, list[tuple[int, int, str]], str | None]] = {}
        self._contexts: dict[int, tuple[Context, str]] = {}
        self.bare_read: set[int] = set()  # lines whose bare cells were read as money
        self._block_units: dict[int, tuple[Decimal | None, int, Decimal | None]] = {}
        self._blank: list[int] | None = None  # original offsets of blank lines ("\n\n")
        self._questions: dict[int, str] | None = None  # question number -> its words
        self._subjects: dict[tuple[int, int], str | None] = {}  # what a stretch of text names
        self._noun_sentences: set[int] | None = None  # sentences that may hold a money noun
        self._part_starts = [p.span.start for p in doc.parts]
        self._answer_stages: dict[
            int, tuple[str | None, str | None]
        ] = {}  # answer part -> its questions' facts
        # Table units, headers and row figures all need a currency word; most answers have none.
        self.tables = bool(self.amounts) or _ANY_CURRENCY.search(doc.text) is not None
        if self.tables:
            self._mark_rows()

    # -- table rows ----------------------------------------------------------------------------
    def _mark_rows(self) -> None:
        """Lines that are table rows: figures with a currency ending the line, or bare cells."""
        lines = self.lines
        by_line: dict[int, list[tuple[int, int]]] = {}
        for h in self.amounts:
            o_s, o_e = self.view.span_to_original(h.start, h.end)
            i = lines.index(o_s)
            if lines.index(max(o_s, o_e - 1)) == i:
                by_line.setdefault(i, []).append((o_s, o_e))
            else:
                by_line[i] = []  # a figure broken over lines: not a row we can read
        rows: dict[int, str] = {}
        for i, spans in by_line.items():
            if not spans or lines.furniture[i]:
                continue
            ls, line = lines.starts[i], lines.line(i)
            label, tail = line[: spans[0][0] - ls], line[spans[-1][1] - ls :]
            if row_tail_ok(tail) and row_label_ok(label) and not self._continues(i):
                rows[i] = "alone" if len(spans) == 1 and not label.strip() else "currency"
        maybe: dict[int, tuple[str, list[tuple[int, int, str]], str | None]] = {}
        for lm in _ROW_END.finditer(self.doc.text):
            i = lines.index(lm.start())
            if i in by_line or lines.furniture[i]:
                continue
            line = lines.line(i).rstrip()
            r = split_row(line, max_label_words=12)
            if r is None:
                continue
            label = r[0]
            numbers = sum(1 for c in r[1] if c[2][0].isdigit())
            if not row_label_ok(label):
                continue
            # One figure after a long label is a row only where the label reads like a name (capitalised
            # words, no small words but links: "Bundesanstalt für Gewässerkunde (BfG) Koblenz 438"), or
            # beside such rows (below).
            words = len(label.split())
            if words <= 8 and (numbers >= 2 or words <= 4 or _NAME_LABEL.fullmatch(label.strip())):
                rows[i] = "bare"
                self.bare[i] = r
            elif numbers == 1:
                maybe[i] = r
        # A one-figure line with a longer label between rows of a list is one of its rows
        # ("Hochschule Mittweida University of Applied Sciences Mittweida 859").
        bare_lines = sorted(i for i, kind in rows.items() if kind == "bare")
        for i, r in maybe.items():
            k = bisect_left(bare_lines, i)
            if any(0 < abs(j - i) <= 3 for j in bare_lines[max(0, k - 1) : k + 1]):
                rows[i] = "bare"
                self.bare[i] = r
        # A row with a currency is a table row only beside another row (short lines between allowed).
        order = sorted(rows)
        for k, i in enumerate(order):
            if rows[i] == "bare":
                lines.row[i] = True
                continue
            near = [
                j
                for j in (order[k - 1] if k else None, order[k + 1] if k + 1 < len(order) else None)
                if j is not None
            ]
            # A figure alone on its line is a cell whose row's words wrap above it, full stops and all.
            if any(
                abs(j - i) <= 5
                and all(lines.unfinished(x) or lines.furniture[x] for x in range(min(i, j) + 1, max(i, j)))
                or ("alone" in (rows[i], rows[j]) and abs(j - i) <= 8)
                for j in near
            ):
                lines.row[i] = True
                self.row_amounts[i] = by_line[i]
                if rows[i] == "alone":
                    lines.alone.add(i)

    def _continues(self, i: int) -> bool:
        """Whether the line after line `i` goes on with the sentence (a lower-case word): prose."""
        lines = self.lines
        j = i + 1
        while j < len(lines) and (lines.furniture[j] or not lines.line(j).strip()):
            j += 1
        return j < len(lines) and lines.line(j).lstrip()[:1].islower()

    def _context(self, li: int) -> tuple[Context, str]:
        """The header of the table row on line `li` and its lead sentence (up to the lead line's end)."""
        got = self._contexts.get(li)
        if got is None:
            ctx = self.lines.context(li)
            lead = ""
            if ctx.lead_line >= 0:
                c = min(self._to_clean(self.lines.ends[ctx.lead_line]), len(self.text))
                s0, _s1 = self.sentences.around(max(0, c - 1))
                lead = self.text[max(s0, c - 400) : c]  # a lead sentence, not a whole table without stops
            got = self._contexts[li] = (ctx, lead)
        return got

    def _row_stage(
        self, li: int, own: str, marker: str | None, ctx: Context, lead: str, column: int, ncols: int
    ) -> str:
        """A row figure's stage: its marker or words, else the column header's, else the question's
        its label names ("Frage 5"), else the lead's."""
        if marker is None and ctx.markers and len(ctx.markers) == ncols:
            marker = ctx.markers[column]
        if marker:
            return "paid" if marker == "IST" else "granted"
        st = _stage(own, own)
        if st:
            return st
        if ncols >= 2 and ctx.header:
            # A header with one stage word per money column ("Bewilligte Mittel Abgerufene Mittel"):
            # each column its own.
            heads = _column_stages(ctx.header, ncols)
            if heads:
                return heads[column]
        for text in (ctx.header, self._question_of_row(li, own)):
            st = _stage(text, text)
            if st:
                return st
        if _is_stock(ctx.header) or _is_stock(lead):
            return "other"  # holdings and debts are stocks, not flows of public money
        return (
            _stage(lead, lead)
            or self._paid_if_costs(own + " " + ctx.header + " " + lead)
            or self._question_stage(self.lines.starts[li])
            or "other"
        )

    @staticmethod
    def _paid_if_costs(text: str) -> str | None:
        return "paid" if _cost_stage(text) == "paid" else None

    def _question_category(self, o: int) -> str | None:
        """The one kind of money ("Zuwendungen", "Sachmittel") the questions answered at original
        offset `o` ask about, or None."""
        got = self._answer_facts(o)
        return got[1] if got else None

    def _answer_facts(self, o: int) -> tuple[str | None, str | None] | None:
        """(stage, category) the questions of the answer part at original offset `o` ask about: each
        the one the questions name, else None; None where `o` is in no answer to numbered questions."""
        i = bisect_right(self._part_starts, o) - 1
        if i < 0:
            return None
        part = self.doc.parts[i]
        if part.kind != "answer" or not part.numbers:
            return None
        if i not in self._answer_stages:
            stages: set[str] = set()
            categories: set[str] = set()
            for n in part.numbers:
                q = self._question_text(n)
                hits = _stage_hits(q)
                stages |= {h[1] for h in hits if (h[2] and h[1] != "other") or h[1] == "rate"}
                categories |= {cat for cat, rx in _CATEGORIES if cat != "total" and rx.search(q)}
            self._answer_stages[i] = (
                stages.pop() if len(stages) == 1 and "rate" not in stages else None,
                categories.pop() if len(categories) == 1 else None,
            )
        return self._answer_stages[i]

    def _question_stage(self, o: int) -> str | None:
        """The one stage the questions answered at original offset `o` ask about ("Wie viele Mittel
        wurden beantragt?"), or None (no answer there, no stage word, or several)."""
        got = self._answer_facts(o)
        return got[0] if got else None

    def _question_of_row(self, li: int, own: str) -> str:
        """The words of the question a row's label names ("Frage 5 (Mrd. Euro)"), on the row's line or
        on the label lines just above it; "" if none."""
        m = _FRAGE_LABEL.search(own)
        j = li - 1
        while m is None and j >= max(0, li - 3):
            # "Frage 5" alone on a line reads like a row of one cell: look at it before stopping there.
            m = _FRAGE_LINE.fullmatch(self.lines.line(j))
            if self.lines.row[j]:
                break
            j -= 1
        if m is None:
            return ""
        return self._question_text(int(m.group(1)))

    def _question_text(self, n: int) -> str:
        """The words of question `n` ("" if the document has none of that number)."""
        if self._questions is None:
            self._questions = {}
            for part in self.doc.parts:
                if part.kind == "question":
                    for k in part.numbers:
                        self._questions.setdefault(k, part.span.quote)
        return self._questions.get(n, "")

    def _row_year(self, label: str, ctx: Context, lead: str, column: int, ncols: int) -> int | None:
        y = label_year(label)
        if y is not None:
            return y
        lm = _LEADING_YEAR.match(label)
        if lm:
            return None if _PLANNED_ROW.search(label) else int(lm.group(1))
        if ctx.years and len(ctx.years) == ncols:
            return ctx.years[column]
        if len(ctx.years) == 1:
            return ctx.years[0]
        if ncols > 1 and len(ctx.header_years) == ncols:
            return ctx.header_years[column]
        years = {int(m.group("y")) for m in _YEAR_CTX.finditer(lead)}
        return years.pop() if len(years) == 1 else None

    def _unit(self, li: int, label: str, ctx: Context, lead: str) -> tuple[Decimal | None, int, int]:
        """The scale of the unit given once for the bare cells of row `li`, the header's unit count,
        and how many units the words that gave it name (one: one column of money).

        The header's count is -1 where the unit belongs to this row alone (its label, the line above it).
        """
        block = self._block_units.get(id(ctx))
        if block is None:
            heads = list(UNIT.finditer(ctx.header)) if ctx.header else []
            scales = {_unit_scale(h) for h in heads}
            lm = LEAD_UNIT.search(lead) if lead else None
            block = self._block_units[id(ctx)] = (
                scales.pop() if len(scales) == 1 else None,
                len(heads),
                _unit_scale(lm) if lm else None,
            )
        head_scale, nheads, lead_scale = block
        own = list(UNIT.finditer(label))
        if own:
            return _unit_scale(own[0]), -1, len(own)
        j = li - 1
        while j >= 0 and self.lines.furniture[j]:
            j -= 1
        if j >= 0 and not self.lines.row[j]:
            above = self.lines.line(j)
            units = list(UNIT.finditer(above))
            if units and not re.search(r"\d|%", above) and self.lines.tableish(j):
                return _unit_scale(units[0]), -1, len(units)
        if head_scale is not None:
            return head_scale, nheads, nheads
        return lead_scale, nheads, 1 if lead_scale is not None else 0

    def _bare_rows(self, covered: set[int]) -> set[int]:
        """Bare figures of table rows whose unit is given once (row label, line above, header, lead)."""
        out: set[int] = set()
        spans = [self.view.span_to_original(h.start, h.end) for h in self.amounts]
        for li in sorted(self.bare):
            label, cells, marker = self.bare[li]
            ctx, lead = self._context(li)
            scale, nheads, units = self._unit(li, label, ctx, lead)
            if scale is None or NOT_MONEY_LABEL.search(label):
                continue
            # One unit named for the row and no year columns: one figure, its thousands split by spaces
            # ("2022 428 400" under "Ausgezahlte Härteleistungen (in Euro)") where they join to one.
            expected = len(ctx.years) or (nheads if nheads >= 2 else 1 if units == 1 else None)
            if "Anzahl" in ctx.header and any(c[2][-3:-2] == "," for c in cells):
                # Count columns beside money columns, both in space-grouped thousands: the counts go.
                cells = counts_and_amounts(cells) or cells
            mcells, ncols = money_cells(cells, expected)
            if nheads >= 0 and not (
                ncols == 1
                or (ctx.years and ncols == len(ctx.years))
                or (nheads >= 2 and ncols == nheads)
                or (not ctx.years and ncols == len(ctx.header_years))
            ):
                # A unit of the header or lead covers a row only where the columns plainly are its
                # columns: one figure, one per year of the header, or one per unit in the header.
                continue
            if nheads >= 0 and scale == 1:
                # "11", "3" under a header "in Euro": counts of a broken table, not euros. A "0" is
                # money beside figures in money format, or where the columns are the header's years.
                formatted = [bool(_MONEY_FORMAT.fullmatch(c.text)) for c in mcells]
                columns = bool(ctx.years or ctx.header_years) and ncols in (
                    len(ctx.years),
                    len(ctx.header_years),
                )
                if not all(f or c.text == "0" for f, c in zip(formatted, mcells, strict=True)) or not (
                    any(formatted) or columns
                ):
                    continue
            ls = self.lines.starts[li]
            for c in mcells:
                o_s, o_e = ls + c.start, ls + c.end
                cs = self._to_clean(o_s)
                if cs in covered or any(a < o_e and o_s < b for a, b in spans):
                    continue
                value = parse_number(c.text)
                if value is None:
                    continue
                stage = self._row_stage(li, label, marker, ctx, lead, c.column, ncols)
                year = self._row_year(label, ctx, lead, c.column, ncols)
                subject = _LEADING_YEAR.sub("", _EMPTY_PARENS.sub(" ", UNIT.sub("", label)))
                subject = collapse(_PLANNED_ROW.sub("", subject)).strip(" –-•*:") or None
                if subject is None:
                    head = collapse(
                        re.sub(r"\b(?:19|20)\d\d\b|\((?:IST|SOLL|Ist|Soll)\)", "", UNIT.sub("", ctx.header))
                    )
                    head = re.sub(r"\s+in$", "", head.strip(" ()*:"))
                    subject = head if head and len(head.split()) <= 8 else None
                if subject and (label_year(subject) or not re.search(r"[A-Za-zÄÖÜäöü]{3}", subject)):
                    subject = None
                m = Money(
                    amount=_tidy(value * scale),
                    span=span(self.doc, o_s, o_e),
                    stage=stage,
                    year=year,
                    category=_category(label + " " + ctx.header, lead)
                    or self._question_category(ls)
                    or "other",
                    subject=subject,
                )
                out.add(cs)
                self.bare_read.add(li)
                self._keep(_Found(m, cs, cs + len(c.text), self.sentences.index(cs), -1, {stage}))
        return out

    # -- helpers -------------------------------------------------------------------------------
    def _para(self, i: int) -> tuple[int, int]:
        """Paragraph bounds in clean offsets: blank lines in the original separate paragraphs."""
        o = self.view.to_original(i)
        if self._blank is None:
            self._blank = [m.start() for m in re.finditer("(?=\n\n)", self.doc.text)]
        k = bisect_left(self._blank, o)
        # The last blank line starting before `o - 1` (rfind("\n\n", 0, o) finds one ending by o).
        j = bisect_left(self._blank, o - 1) - 1
        a = self._blank[j] if j >= 0 else -1
        b = self._blank[k] if k < len(self._blank) else -1
        lo = self._to_clean(a + 2 if a >= 0 else 0)
        hi = self._to_clean(b if b >= 0 else len(self.doc.text))
        return lo, max(hi, i + 1)

    def _to_clean(self, o: int) -> int:
        return min(self.view.to_clean(o), len(self.text))

    def _keep(self, f: _Found) -> None:
        self.found.append(f)
        if f.paragraph < 0:
            insort(self._cell_ends.setdefault(f.sentence, []), f.end)
            return
        if f.sentence < self._last_prose_sentence:
            self._prose_in_order = False
        self._last_prose_sentence = max(self._last_prose_sentence, f.sentence)
        if self._first_prose_sentence is None or f.sentence < self._first_prose_sentence:
            self._first_prose_sentence = f.sentence
        insort(self._prose_ends.setdefault(f.sentence, []), f.end)

    def _previous_end(self, si: int, start: int) -> int:
        """The end of the last figure found in sentence `si` before `start` (-1 if none).

        Prose figures of the sentence count; table cells only while no prose figure of an earlier
        sentence has been found (cells are found first, prose in reading order). Per sentence and
        bisected, so a table flattened into one long "sentence" costs no quadratic scan.
        """
        if not self._prose_in_order:
            best = -1
            for f in reversed(self.found):
                if f.sentence == si and f.end <= start:
                    best = max(best, f.end)
                elif f.sentence < si and f.paragraph >= 0:
                    break
            return best
        best = -1
        ends = self._prose_ends.get(si)
        if ends:
            k = bisect_right(ends, start)
            if k:
                best = ends[k - 1]
        if self._first_prose_sentence is None or self._first_prose_sentence >= si:
            cells = self._cell_ends.get(si)
            if cells:
                k = bisect_right(cells, start)
                if k:
                    best = max(best, cells[k - 1])
        return best

    def _line_end_stop(self, lo: int, o: int) -> int:
        """The clean offset after the last full stop ending a line of the original text between clean
        `lo` and original `o` (no abbreviation's or ordinal's); `lo` if there is none."""
        raw = self.doc.text
        k = raw.rfind(".\n", self.view.to_original(lo), o)
        if k < 0 or abbreviation_before(raw, k) or ordinal_before(raw, k):
            return lo
        return self._to_clean(k + 1)

    def _clause(self, start: int, end: int, sent: tuple[int, int]) -> tuple[int, int]:
        """The stretch of the sentence that belongs to this figure: up to the neighbouring figures."""
        lo, hi = sent
        si = self.sentences.index(start)
        lo = max(lo, self._previous_end(si, start))
        i = bisect_left(self.amount_starts, end)
        if i < len(self.amount_starts) and self.amount_starts[i] < hi:
            hi = self.amount_starts[i]
        # Split at ", davon" / "; " so that "davon 1 Mio. Euro Eigenmittel" keeps its own words.
        for m in re.finditer(r"[;]|,\s+(?:davon|hiervon|wovon)\b", self.text[lo:start]):
            lo = lo + m.start() + 1
        return lo, hi

    def _add(
        self,
        amount: Decimal,
        s: int,
        e: int,
        amount_max: Decimal | None = None,
        zero_noun: str | None = None,
        rate: bool = False,
    ) -> None:
        text = self.text
        si = self.sentences.index(s)
        sent = self.sentences.bounds[si] if self.sentences.bounds else (0, len(text))
        para = self._para(s)
        clause = self._clause(s, e, sent)
        o_s, o_e = self.view.span_to_original(s, e)
        # A full stop at a line end closes the sentence even where a small letter follows (a table's
        # caption, "im Durchschnitt beantragtes Volumen"): the clean text has lost that line break.
        cut = self._line_end_stop(sent[0], o_s)
        if cut > sent[0]:
            clause = (max(clause[0], cut), clause[1])
        ctext, stext = text[clause[0] : clause[1]], text[max(sent[0], cut) : sent[1]]
        li = self.lines.index(o_s)
        row = li in self.row_amounts and zero_noun is None
        # A table row's stage comes from the row (below); the prose stage only matters where the row
        # could be a breakdown inheriting a sum's stages.
        stage = None if row and not _breakdown(stext) else _stage(ctext, stext, (e - clause[0], e - sent[0]))
        if (
            stage is None
            and not row
            and _PAST_COSTS.search(stext)
            and _COSTS.search(stext)
            and not _AVERAGE.search(stext)
            and not stext.rstrip().endswith("?")  # "Kosten, die oberhalb 1 000 Euro lagen?": thresholds
        ):
            stage = "paid"  # "Die Gesamtkosten lagen im Jahr 2023 bei ...": costs that arose
        if zero_noun == "Restmittel":
            stage = "remaining"
        elif zero_noun and stage is None:
            # The noun of a zero says its stage where the sentence does not: "erhält keine finanzielle
            # Unterstützung" (a grant), "keine Ausgleichszahlungen" (payments).
            stage = (
                "granted"
                if zero_noun.startswith("finanzielle")
                else "paid"
                if zero_noun.endswith("zahlungen")
                else None
            )
        if rate:
            stage = "other"  # a price in Cent (per km, per kWh) is never a flow of public money
        inherited: set[str] = set()
        if stage is None and _breakdown(stext):
            # A breakdown of a sum stated just before inherits the sum's stages.
            for f in reversed(self.found):
                if f.paragraph == para[0] and f.money.category in ("total", None):
                    inherited = {
                        x.money.stage
                        for x in self.found
                        if x.money.amount == f.money.amount and x.paragraph == para[0]
                    }
                    break
        category = _category(ctext, stext)
        year = _list_year(self.doc.text, self.view.to_original(s))
        if year is None:
            year = _year(text, s, e, sent, para)
        subject = _subject(text, clause, sent, para, self.projects, self._subjects)
        if subject is None:
            subject = self._carry_subject(para)
        if category is None:
            category = (
                ("grant" if subject in self.programme_names else "total")
                if subject in self.project_names
                else self._question_category(o_s) or "other"
            )
        if row and not inherited:
            # A table row: its own words, then the column header, then the lead sentence decide.
            spans = self.row_amounts[li]
            col = next((k for k, sp in enumerate(spans) if sp[0] <= o_s < sp[1]), len(spans) - 1)
            ls, line = self.lines.starts[li], self.lines.line(li)
            label = line[: spans[0][0] - ls]
            own = label + " " + line[spans[-1][1] - ls :]
            if len(spans) > 1:
                own += " " + line[spans[0][1] - ls : spans[-1][0] - ls]
            mk = MARKER.search(own)
            ctx, lead = self._context(li)
            stage = self._row_stage(
                li, own, mk.group().strip("()").upper() if mk else None, ctx, lead, col, len(spans)
            )
            ry = self._row_year(label, ctx, lead, col, len(spans))
            if ry is not None:
                year = ry
        years = [year]
        if re.search(r"\bjeweils\s*$", text[max(sent[0], s - 12) : s]):
            # "in den Jahren 2023 und 2024 jeweils 99,96 Euro": one figure, one payment per year.
            jm = re.search(r"in\s+den\s+Jahren\s+((?:(?:19|20)\d\d(?:\s*(?:,|und|sowie)\s*)?)+)", stext)
            if jm:
                years = [int(y) for y in re.findall(r"(?:19|20)\d\d", jm.group(1))]
        if stage is None and not inherited:
            stage = self._question_stage(
                o_s
            )  # "Wie viele Mittel wurden beantragt?" answered by a bare figure
        for stg in sorted(inherited) if inherited else [stage or "other"]:
            for y in years:
                m = Money(
                    amount=_tidy(amount),
                    span=span(self.doc, o_s, o_e),
                    stage=stg,
                    year=y,
                    category=category,
                    subject=subject,
                    amount_max=_tidy(amount_max) if amount_max is not None else None,
                )
                self._keep(_Found(m, s, e, si, para[0], {stg}))

    def _carry_subject(self, para: tuple[int, int]) -> str | None:
        """A paragraph that names no subject continues the one before it (same answer)."""
        names = self.project_names
        if not names:
            return None
        for f in reversed(self.found):
            if f.paragraph < para[0] and f.money.subject in names:
                return f.money.subject
        return None

    # -- passes --------------------------------------------------------------------------------
    def run(self) -> list[Money]:
        text = self.text
        events: list[tuple[int, str, Any]] = []
        for h in self.amounts:
            events.append((h.start, "amount", h))
        for m in _zeros(text):
            events.append((m.start(), "zero", m))
        events.sort(key=lambda x: x[0])
        covered = (self._bare_rows(set()) | self._tables()) if self.tables else set()
        last_sentence = -1
        for pos, kind, m in events:
            si = self.sentences.index(pos)
            if si != last_sentence and last_sentence >= 0:
                for sj in range(last_sentence + 1, si + 1):
                    self._backrefs(sj)
            last_sentence = si
            if kind == "zero":
                self._zero(m)
            else:
                self._amount(m, covered)
        if last_sentence >= 0:
            for sj in range(last_sentence + 1, len(self.sentences.bounds)):
                self._backrefs(sj)
        else:
            for sj in range(len(self.sentences.bounds)):
                self._backrefs(sj)
        return self._dedupe()

    def _amount(self, h: _Hit, covered: set[int]) -> None:
        if h.num.startswith("0") and not h.num.startswith(("0,", "0 ")) and h.num != "0":
            return  # "07 Euro": a fragment of a misprinted figure, not an amount
        value = parse_number(h.num)
        s, e = h.start, h.end
        lo_value = None
        if (
            h.lo
            and not h.loscale
            and _ANY_YEAR.fullmatch(h.lo)
            and _number_format(h.num) != _number_format(h.lo)
        ):
            # "davon 2022 - 180 526,20 Euro": a year label and an empty cell, not a range from 2022.
            s = self.text.find(h.num, h.start + len(h.lo))
            h = replace(h, start=s, lo=None)
        if h.lo:
            lo_value = parse_number(h.lo)
            if lo_value is not None:
                lo_value *= _scale(h.loscale or h.scale)
        else:
            zw = _ZWISCHEN.search(self.text, max(0, s - 60), s)
            if zw:
                lo_value = parse_number(zw.group(1))
                if lo_value is not None:
                    lo_value *= _scale(zw.group(2) or h.scale)
                    s = zw.start()
        if value is None or h.start in covered:
            return
        value *= _scale(h.scale)
        if h.scale == "cent":
            self._add(value, s, e, rate=True)
            return
        if lo_value is not None and lo_value < value:
            self._add(lo_value, s, e, amount_max=value)
        else:
            self._add(value, s, e)

    def _has_amount(self, lo: int, hi: int) -> bool:
        """Whether a figure with a currency starts in the clean [lo, hi)."""
        i = bisect_left(self.amount_starts, lo)
        return i < len(self.amount_starts) and self.amount_starts[i] < hi

    def _zero(self, m: re.Match[str]) -> None:
        si = self.sentences.index(m.start())
        s0, s1 = self.sentences.bounds[si]
        sentence = self.text[s0:s1]
        if sentence.rstrip().endswith("?") or re.search(r"\b(?:ob|wenn|falls|sofern)\b", sentence):
            return
        opened = self.text.rfind("(", s0, m.start())
        if opened >= 0 and self.text.find(")", opened, m.start()) < 0:
            return  # "(reine Schaltkosten, keine Agenturhonorare, keine Kreationskosten)": what is left out
        if self._has_amount(s0, s1):
            return
        self._add(Decimal(0), m.start(), m.end(), zero_noun=m.group("noun"))

    def _backrefs(self, si: int) -> None:
        """A sentence without a figure that gives figures stated before another stage."""
        if si >= len(self.sentences.bounds):
            return
        if not self.found:
            return
        if self._noun_sentences is None:
            # The sentences that can hold a money noun at all (all of _MONEY_NOUN's nouns hold one of
            # these pieces): one scan of the text instead of a search in every sentence.
            self._noun_sentences = {
                self.sentences.index(m.start()) for m in _MONEY_NOUN_HINT.finditer(self.text)
            }
        if si not in self._noun_sentences:
            return
        s0, s1 = self.sentences.bounds[si]
        sentence = self.text[s0:s1]
        if sentence.rstrip().endswith("?") or self._has_amount(s0, s1) or next(_zeros(sentence), None):
            return
        if re.search(r"\b(?:nicht|kein\w*)\b", sentence):
            return
        nm = _MONEY_NOUN.search(sentence)
        if not nm:
            return
        para = self._para(s0)
        earlier = [f for f in self.found if f.paragraph == para[0] and f.sentence < si]
        if not earlier:
            return
        hits = _stage_hits(sentence[nm.start() :])
        preds = [(p, k, e) for p, k, pred, e in hits if pred and k not in ("other", "rate")]
        if not preds:
            return
        _pos, stage, stage_end = preds[0]
        attr = nm.group("attr")
        attr_stage = None
        if attr:
            ah = _stage_hits(attr)
            attr_stage = ah[0][1] if ah else None
        noun_cat = _category(nm.group("noun"), "")
        targets: list[_Found] = []
        if attr_stage:
            targets = [f for f in earlier if f.money.stage == attr_stage]
        elif noun_cat and noun_cat != "total":
            targets = [f for f in earlier if f.money.category == noun_cat]
        elif nm.group("noun") in ("Summe", "Betrag"):
            targets = [f for f in earlier if f.money.category == "total"]
        if not targets:
            return
        # The quote: from the money noun to the stage word that applies.
        qs = s0 + nm.start()
        qe = s0 + nm.start() + stage_end
        if stage in ("granted", "paid") and re.match(r"\s+worden", self.text[qe : qe + 8]):
            qe += len(re.match(r"\s+worden", self.text[qe : qe + 8]).group())  # type: ignore[union-attr]
        o_s, o_e = self.view.span_to_original(qs, qe)
        seen: set[tuple[Decimal, str | None]] = set()
        for f in targets:
            key = (f.money.amount, f.money.category)
            if key in seen or any(
                x.money.amount == f.money.amount and x.money.stage == stage for x in self.found
            ):
                continue
            seen.add(key)
            m = replace(f.money, stage=stage, span=span(self.doc, o_s, o_e))
            self._keep(_Found(m, qs, qe, si, para[0], {stage}))

    def _tables(self) -> set[int]:
        """Figures in table regions under a money header ("Vertragswert in Euro", "Mittel in Euro")."""
        covered: set[int] = set()
        raw = self.doc.text
        heads = _table_heads(raw)
        for k, h in enumerate(heads):
            line_start = raw.rfind("\n", 0, h.start()) + 1
            line_end = raw.find("\n", h.end())
            if line_end < 0:
                continue
            head_line = raw[line_start:line_end]
            if _CUR_TOKEN.search(head_line) and re.search(r"\d", head_line) or len(head_line.split()) > 14:
                continue
            region_end = heads[k + 1].start() if k + 1 < len(heads) else len(raw)
            # The caption above the header names the stage ("Mittelansatz", "Vertragswert", "Ist").
            caption = raw[max(0, line_start - 300) : line_end]
            scale = _scale(h.group("scale"))
            near = raw[raw.rfind("\n", 0, max(0, line_start - 1)) + 1 : line_end]
            # The head line and the (at most three) short lines above it: a table's column heads.
            block_start = line_start
            for _ in range(3):
                above = raw.rfind("\n", 0, max(0, block_start - 1)) + 1
                if block_start == 0 or len(raw[above:block_start].split()) > 10:
                    break
                block_start = above
            head_block = raw[block_start:line_end]
            # (stage, category, subject) of the caption and header, read at the first cell: most
            # "in Euro" hits in prose have none.
            head: tuple[str, str | None, str | None] | None = None
            year: int | None = None
            column_years: list[int] = []
            pos = line_end + 1
            for lm in re.finditer(r"[^\n]*\n?", raw[pos:region_end]):
                line = lm.group()
                if not line:
                    break
                ls = pos + lm.start()
                if self.lines.index(ls) in self.bare_read:
                    continue  # read as a row of bare cells already (its space-grouped cells joined)
                stripped = line.strip()
                if len(stripped.split()) >= 10 and stripped.endswith("."):
                    region_end = ls
                    break
                if not _DIGIT.search(line):
                    continue  # no year, no cell: nothing to read
                if _YEARS_ROW.match(line):
                    # A header row of years: the figures below are in one column per year.
                    column_years = [int(y) for y in re.findall(r"\d{4}", line)]
                    continue
                ym = re.match(r"\s*(19[5-9]\d|20[0-4]\d)\b(?![.,]\d)", line)
                if ym:
                    year = int(ym.group(1))
                if _CUR_TOKEN.search(line):
                    continue  # a figure with its currency is read as prose
                cells = list(_TABLE_CELL.finditer(line))
                if column_years and _NUMBERS_ROW.match(line):
                    # A row of figures only: every number is a cell, "346" as much as "3.227".
                    cells = list(_ANY_CELL.finditer(line))
                by_column = column_years if column_years and len(cells) == len(column_years) else None
                label = line[: cells[0].start()] if cells else ""
                ly = label_year(label) if label.strip() else None
                if ly is not None:
                    year = ly
                for ci, c in enumerate(cells):
                    value = parse_number(c.group())
                    if value is None:
                        continue
                    value *= scale
                    if head is None:
                        head = (
                            _stage(caption, caption)
                            or self._paid_if_costs(near)
                            or self._question_stage(line_start)
                            or "other",
                            _category(caption, caption) or self._question_category(line_start) or "other",
                            collapse(_UNIT.sub("", head_line)).strip(" :*") or None,
                        )
                    caption_stage, caption_category, head_subject = head
                    o_s, o_e = ls + c.start(), ls + c.end()
                    cs = self._to_clean(o_s)
                    covered.add(cs)
                    row = label
                    planned = re.search(r"Vorbereitung|geplant|Planung", row)
                    stage = "planned" if planned else caption_stage
                    if not planned and len(cells) >= 2:
                        # One stage word per money column in the head lines ("Förderung in Euro",
                        # "Abgerufene Mittel in Euro"): each column its own.
                        per_column = _column_stages(head_block, len(cells))
                        if per_column:
                            stage = per_column[ci]
                    subject = (
                        collapse(re.sub(r"^\s*(?:19|20)\d\d\s*|^\s*In\s+Vorbereitung:\s*", "", row)) or None
                    )
                    if not subject:
                        # The row's words are on the lines above the figure (wrapped cells).
                        prev = raw[max(line_end, ls - 200) : ls].split("\n")
                        words = [
                            p.strip() for p in prev if p.strip() and not re.match(r"\s*(?:19|20)\d\d\b", p)
                        ]
                        subject = collapse(" ".join(words[-2:])) or None
                    if not subject or re.fullmatch(r"[\d.,\s]+", subject):
                        subject = head_subject
                    m = Money(
                        amount=_tidy(value),
                        span=span(self.doc, o_s, o_e),
                        stage=stage,
                        year=None if planned else (by_column[ci] if by_column else year),
                        category=caption_category,
                        subject=subject,
                    )
                    self._keep(_Found(m, cs, cs + len(c.group()), self.sentences.index(cs), -1, {stage}))
        return covered

    def _in_question(self, o: int) -> bool:
        """Whether clean offset `o` lies in a sentence that asks ("..., und wie hoch waren ...?")."""
        s0, s1 = self.sentences.bounds[self.sentences.index(o)]
        # (A table runs on without full stops: a long stretch ending in "?" is no question sentence.)
        return s1 - s0 <= 500 and self.text[s0:s1].rstrip().endswith("?")

    def _dedupe(self) -> list[Money]:
        """The same figure stated twice for the same thing is one record.

        "The same thing" is read narrowly: same amount, stage, year and subject, once in the
        questioners' part and again in the answer (the answer restating the question's figure), or
        twice in the same sentence. Two equal figures in two answer sentences stay two records.
        """
        starts = [p.span.start for p in self.doc.parts]
        kinds = [p.kind for p in self.doc.parts]

        def side(o: int) -> str:
            i = bisect_right(starts, o) - 1
            k = kinds[i] if i >= 0 else "header"
            return "answer" if k in ("answer", "preliminary_government") else "question"

        out: list[Money] = []
        # A list item repeated word for word ("e) 100 000 bis 200 000 Euro bzw." under four questions)
        # states one figure once.
        items: set[tuple[str, Decimal, Decimal | None, str]] = set()
        raw = self.doc.text
        seen: dict[tuple, list[tuple[int | None, str, int, bool]]] = {}
        for f in sorted(self.found, key=lambda f: (f.money.span.start, f.money.stage)):
            m = f.money
            key = (m.amount, m.amount_max, m.stage, m.subject if m.amount else m.span.start)
            # Two cells of a table are two things (other row or column), never one figure stated twice.
            here = (m.year, side(m.span.start), f.sentence, f.paragraph == -1)
            dup = any(
                (y is None or m.year is None or y == m.year)
                and (sn == f.sentence or sd != here[1])
                and not (cell and here[3])
                for y, sd, sn, cell in seen.get(key, [])
            )
            seen.setdefault(key, []).append(here)
            ls = raw.rfind("\n", 0, m.span.start) + 1
            le = raw.find("\n", m.span.end)
            line = raw[ls : le if le >= 0 else len(raw)]
            if _LIST_ITEM.match(line):
                item = (collapse(line), m.amount, m.amount_max, m.stage)
                dup = dup or item in items
                items.add(item)
            if (
                not dup
                and m.stage == "other"
                and f.paragraph != -1
                and _distinctive(m.amount)
                and self._in_question(f.start)
            ):
                # A question repeating a figure the questioners stated before with its stage ("Welche
                # Leistungen wurden ... in Höhe von 213 454,95 Euro ...?"): the same figure again.
                dup = any(k.amount == m.amount and k.stage != "other" for k in out)
            if not dup:
                out.append(m)
        return out
