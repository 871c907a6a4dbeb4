"""What a Drucksache's header says about it: kind, parliament, period, numbers, dates, title, who answers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from kg.ingest.lexicon import MONTHS, iso_date
from kg.model import DOCUMENT_KINDS, AnsweredRequest, DocumentInfo, Span

# Parliaments by the names their Drucksachen print (matched case-insensitively), canonical name,
# and the government that answers there.
PARLIAMENTS: tuple[tuple[str, str, str], ...] = (
    (r"Deutscher\s+Bundestag", "Deutscher Bundestag", "Bundesregierung"),
    (r"Landtag\s+Nordrhein-Westfalen", "Landtag Nordrhein-Westfalen", "Landesregierung Nordrhein-Westfalen"),
    (r"Landtag\s+des\s+Saarlandes", "Landtag des Saarlandes", "Landesregierung des Saarlandes"),
    (
        r"Landtag\s+(?:von\s+)?Baden-Württemberg",
        "Landtag von Baden-Württemberg",
        "Landesregierung Baden-Württemberg",
    ),
    (r"Bayerischer\s+Landtag", "Bayerischer Landtag", "Bayerische Staatsregierung"),
    (r"Abgeordnetenhaus\s+(?:von\s+)?Berlin", "Abgeordnetenhaus Berlin", "Senat von Berlin"),
    (r"Landtag\s+Brandenburg", "Landtag Brandenburg", "Landesregierung Brandenburg"),
    (r"Bremische\s+Bürgerschaft", "Bremische Bürgerschaft", "Senat der Freien Hansestadt Bremen"),
    (
        r"Bürgerschaft\s+der\s+Freien\s+und\s+Hansestadt\s+Hamburg",
        "Hamburgische Bürgerschaft",
        "Senat der Freien und Hansestadt Hamburg",
    ),
    (r"Hessischer\s+Landtag", "Hessischer Landtag", "Hessische Landesregierung"),
    (
        r"Landtag\s+Mecklenburg-Vorpommern",
        "Landtag Mecklenburg-Vorpommern",
        "Landesregierung Mecklenburg-Vorpommern",
    ),
    (r"Niedersächsischer\s+Landtag", "Niedersächsischer Landtag", "Niedersächsische Landesregierung"),
    (r"Landtag\s+Rheinland-Pfalz", "Landtag Rheinland-Pfalz", "Landesregierung Rheinland-Pfalz"),
    (r"Sächsischer\s+Landtag", "Sächsischer Landtag", "Sächsische Staatsregierung"),
    (r"Landtag\s+(?:von\s+)?Sachsen-Anhalt", "Landtag von Sachsen-Anhalt", "Landesregierung Sachsen-Anhalt"),
    (
        r"Schleswig-Holsteinischer\s+Landtag",
        "Schleswig-Holsteinischer Landtag",
        "Landesregierung Schleswig-Holstein",
    ),
    (r"Thüringer\s+Landtag", "Thüringer Landtag", "Thüringer Landesregierung"),
)
_PARL_RE = [(re.compile(p, re.IGNORECASE), name, gov) for p, name, gov in PARLIAMENTS]

_D = r"(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})"
_DL = r"(\d{1,2})\.\s*(" + "|".join(m.capitalize() for m in MONTHS) + r")\s+(\d{4})"
_KIND = re.compile(
    r"(?P<antwort>\bAntwort\b|A\s?N\s?T\s?W\s?O\s?R\s?T|\bA n t w o r t\b)"
    r"|(?P<ka>\bKleine\s+Anfrage\b|\bK l e i n e\s+A n f r a g e\b)|(?P<ga>\bGroße\s+Anfrage\b)"
    r"|(?P<anfrage>\bAnfrage\s+de[sr]\s+Abgeordneten)"
    r"|(?P<sa>\bSchriftliche\s+Anfrage\b)|(?P<antrag>^\s*Antrag\b)|(?P<gesetz>\bGesetzentwurf\b)",
    re.MULTILINE,
)
# "Drucksache 16/1554", also spaced as Baden-Württemberg prints it: "Drucksache 16 / 1554".
# Berlin groups the number's thousands: "Drucksache 19 / 17 890".
_DRS = re.compile(
    r"Drucksache\s*(?:Nr\.\s*)?(\d{1,2}[ ]?/[ ]?(?:\d{1,3} \d{3}(?!\d)|\d{1,6}))"
    r"(?:\s*\((\d{1,2}[ ]?/[ ]?\d{1,6})\))?"
)
# An answer that prints the question first: "Kleine Anfrage des Abg. X und Antwort des Ministeriums ...",
# "Die Kleine Anfrage 245 vom 1. September 2011 hat folgenden Wortlaut:", "Wortlaut der Kleinen Anfrage".
# Other Landtage print question and answer in one Drucksache: "Antwort\ndes Staatsministeriums ..."
# (Bayern), "mit Antwort der Landesregierung" (Niedersachsen), "und Antwort vom ..." (Berlin).
_ANSWER_EVIDENCE = re.compile(
    r"\bund\s+(?:Antwort|A n t w o r t)\s+de[sr]\s+(?:[A-ZÄÖÜ]\w*\s+)?"
    r"(?:\w*[Mm]inister|Senat|Staatskanzlei|\w*regierung)"
    r"|^[ \t]*Antwort\s+de[sr]\s+(?:[A-ZÄÖÜ]\w*\s+)?(?:\w*[Mm]inisteri|Senat)"
    r"|\bmit\s+Antwort\s+de[rs]\s+(?:Landesregierung|Staatsregierung|Senat)|\bund\s+Antwort\s+vom\b"
    r"|\bAnfrage\b(?:[^.]|(?<=\d)\.){0,160}?\bhat\s+folgenden\s+Wortlaut|\bWortlaut\s+der\s+(?:Kleinen|Großen)\s+Anfrage",
    re.MULTILINE,
)
_COMBINED = re.compile(r"\bund\s+(?:Antwort|A n t w o r t)\s+de[sr]\s")
_PERIOD = re.compile(r"(\d{1,2})\.\s*Wahlperiode")
_ORIGINAL = re.compile(r"Datum\s+des\s+Originals:\s*" + _D)
_ISSUED = re.compile(r"Ausgegeben:\s*" + _D + r"(?:\s*\(\s*" + _D + r"\s*\))?")
_NUMDATE = re.compile(r"(?<![\d.])" + _D + r"(?![\d])")
# The answered request by its number, with its date when given: "Die Kleine Anfrage 1297 - korrigierte
# Fassung - vom 27. Juli 2016", "Wortlaut der Kleinen Anfrage 1277 vom 17.11.2015".
_REQUEST = re.compile(
    r"\b(?:Kleinen?|Großen?|Schriftlichen?)\s+Anfrage\s+(?:Nr\.\s*)?(?P<number>\d{1,6})\b"
    r"(?:\s*[-–][^–\n]{1,40}?[-–])?(?:\s+vom\s+(?:" + _DL + "|" + _D + "))?"
)
# The printer's date: "Druck: Landtag Rheinland-Pfalz, 6. Oktober 2011".
_PRINTED = re.compile(r"Druck:\s*[^,\n]{3,60},\s*(?:" + _DL + "|" + _D + ")")
# Who answers, in the sentence that introduces the answer:
# "Namens der Landesregierung beantwortet die Ministerin für Wissenschaft, Forschung und Kultur die Kleine
# Anfrage wie folgt", "Das Ministerium der Finanzen hat die Kleine Anfrage namens der Landesregierung mit
# Schreiben vom 26. September 2011 wie folgt beantwortet", "Mit Schreiben vom 27. Februar 2017 Nr. Z(45)
# beantwortet das Ministerium für Ländlichen Raum und Verbraucherschutz (MLR) im Einvernehmen mit ... die".
_WHO = r"(?P<who>[A-ZÄÖÜ][^.;:()]{2,160}?)"
_ANSWERING_NAMENS = re.compile(
    r"[Nn]amens\s+der\s+\w*regierung\s+beantwortet\s+(?:der|die|das)\s+" + _WHO + r"\s+die\s+"
    r"(?:Kleine|Große|Schriftliche)\s+Anfrage\b"
)
_ANSWERING_HAT = re.compile(
    r"hat\s+die\s+(?:Kleine|Große|Schriftliche)\s+Anfrage\s+(?:\d+\s+)?(?:namens\s+der\s+\w*regierung\s+)?"
    r"mit\s+Schreiben\s+vom\s+(?P<date>" + _DL + r")"
)
_ANSWERING_SUBJECT = re.compile(r"\b(?:Der|Die|Das)\s+" + _WHO + r"\s+\Z")
_ANSWERING_MIT = re.compile(
    r"Mit\s+Schreiben\s+vom\s+(?P<date>" + _DL + r")(?:\s+(?:Nr\.|Az\.)\s*\S+)?\s+beantwortet\s+"
    r"(?:der|die|das)\s+" + _WHO + r"(?:\s*\([^)]{1,20}\))?"
    r"(?=\s+(?:im\s+Einvernehmen|namens|die\s+(?:Kleine|Große|Schriftliche)\s+Anfrage))"
)


@dataclass(frozen=True)
class _Answering:
    """The sentence that introduces an answer: where it starts, who answers, the letter's date."""

    start: int
    who: str
    who_span: tuple[int, int]
    date: str | None
    date_span: tuple[int, int] | None


def _find_answering(text: str, limit: int) -> _Answering | None:
    """The first answering sentence in text[:limit] (three phrasings, see above)."""
    found: list[_Answering] = []
    if (m := _ANSWERING_NAMENS.search(text, 0, limit)) is not None:
        found.append(_Answering(m.start(), m.group("who"), m.span("who"), None, None))
    for m in (_ANSWERING_MIT.search(text, 0, limit),):
        if m is not None:
            d = m.group("date")
            found.append(_Answering(m.start(), m.group("who"), m.span("who"), d, m.span("date")))
    for h in _ANSWERING_HAT.finditer(text, 0, limit):
        lo = max(0, h.start() - 200)
        sm = _ANSWERING_SUBJECT.search(text[lo : h.start()])
        if sm is not None:
            span = (lo + sm.start("who"), lo + sm.end("who"))
            found.append(_Answering(lo + sm.start(), sm.group("who"), span, h.group("date"), h.span("date")))
            break
    return min(found, key=lambda a: a.start) if found else None


# Answering posts and bodies that name the ministry answering.
_ANSWERING_BODY = re.compile(
    r"(?:\w*[Mm]inister(?:in|ium)?|Ministerpräsident(?:in)?|Chef(?:in)?\s+der\s+\w*kanzlei|\w*[Kk]anzlei"
    r"|Senator(?:in)?|Senatsverwaltung)\b"
)
_ANSWERS = re.compile(
    r"(?:auf\s+die|zu\s+der)\s+(?:Kleine\s+|Große\s+)?Anfrage(?:\s+Nr\.)?(?:\s+(\d{1,6}))?(?:\s+vom\s+"
    + _DL
    + r")?"
)
# NRW: "Der Minister des Innern hat die Kleine Anfrage 3926 mit Schreiben vom 18. August 2020 namens der
# Landesregierung im Einvernehmen mit ... beantwortet."
_ANSWERED_NRW = re.compile(
    r"(?:\*\*)?(?:Der|Die)\s+(?P<post>(?:Minister|[A-ZÄÖÜ][\w-]*minister|Ministerpräsident)(?:in)?\b[^.]{0,160}?)(?:\*\*)?\s+hat\s+die\s+"
    r"(?:Kleine\s+|Große\s+)?Anfrage\s+\d*\s*mit\s+Schreiben\s+vom\s+(?P<date>" + _DL + r")\s+namens\s+der\s+"
    r"\w+regierung(?:\s+im\s+Einvernehmen\s+mit\s+(?P<with>.{3,600}?))?\s+beantwortet",
    re.DOTALL,
)
# What every _ANSWERED_NRW sentence contains: a cheap test before the costly search.
_ANSWERED_NRW_HINT = re.compile(r"hat\s+die\s+(?:Kleine\s+|Große\s+)?Anfrage\s+\d*\s*mit\s+Schreiben\s+vom")
# Bundestag: "Die Antwort wurde namens der Bundesregierung mit Schreiben des Bundesministeriums für Verkehr
# vom 2. September 2025 übermittelt."
_ANSWERED_BT = re.compile(
    r"Die\s+Antwort\s+wurde\s+(?:namens\s+der\s+\w+\s+)?(?:namens\s+)?(?:mit\s+Schreiben\s+)?de[sr]\s+"
    r"(?P<body>[^\n]{3,200}?(?:\n[^\n]{0,200}?)?)\s+vom\s+(?P<date>" + _DL + r")\s+übermittelt",
)
# Other Landtage: "Kleine Anfrage des Abg. X und Antwort des Ministeriums für Verkehr",
# "Antwort des Staatsministeriums des Innern", "Antwort des Ministers für Inneres".
_ANSWER_OF = re.compile(
    r"Antwort\s+de[sr]\s+(?P<body>(?:[A-ZÄÖÜ]\w+\s+)?(?:\w*[Mm]inisteriums|\w*[Mm]inisters|\w*[Mm]inisterin|"
    r"Senators|Senatorin|Senatsverwaltung|Staatskanzlei)\b[^\n.;]{0,120}?)(?=\s*(?:\n|$|vom\b|\(|–|-\s|zu\b|auf\b))"
)
_SPLIT_WITH = re.compile(
    r"(?:\s*,\s*|\s+und\s+|\s+sowie\s+)(?:mit\s+)?(?:dem|der|den|allen)\s+"
    r"(?=(?:[A-ZÄÖÜ][\w-]*)?(?:Minister|Ministerin|Ministerpräsident|Ministerium|Staatskanzlei|Senat|übrigen|Chef|Mitglied))"
)
_TITLE_STOP = re.compile(
    r"^\s*(?:#+\s*)?(?:\**\s*)*(?:V\s?o\s?r\s?b\s?e\s?m\s?e\s?r\s?k\s?u\s?n\s?g|Vorbemerkung|Wir\s+fragen|"
    r"\d{1,2}\.\s|Frage\s+\d|Die\s+Antwort|Antwort\b)",
    re.IGNORECASE,
)


def _iso(day: str, month: str, year: str) -> str | None:
    m = int(month) if month.isdigit() else MONTHS.get(month.lower())
    return iso_date(int(year), m, int(day)) if m else None


def _drs(number: str) -> str:
    """ "16 / 1554" -> "16/1554"."""
    return number.replace(" ", "")


def _date_of(text: str) -> str | None:
    """The ISO date a date text starts with: "1. September 2011", "17.11.2015", "27. 09. 2011"."""
    m = re.match(r"\s*" + _DL, text) or re.match(r"\s*" + _D, text)
    return _iso(*m.groups()) if m else None


def _question_date(text: str, head: str, after: int, before: int) -> str | None:
    """The date a question printed with its answer was signed: "... vom 5. Januar 2022 und Antwort", or the
    last date before the answer that is no receipt or issue stamp ("26. 01. 2017 Dr. Bullinger FDP/DVP")."""
    vm = re.search(
        r"\bAnfrage\b[^.]{0,200}?\bvom\s+(" + _DL + "|" + _D + r")\s+und\s+(?:Antwort|A n t w o r t)\b", head
    )
    if vm:
        return _date_of(vm.group(1))
    last = None
    for m in _NUMDATE.finditer(text, after, before):
        if re.search(
            r"(?:Eingegangen|Ausgegeben|Datum\s+des\s+Originals|Druck):\s*$",
            text[max(0, m.start() - 30) : m.start()],
        ):
            continue
        last = m
    return _iso(*last.groups()) if last else None


def _answering_who(m: _Answering) -> tuple[str, str | None] | None:
    """(answering body, answering post) of an answering sentence, None when it names neither."""
    who = " ".join(m.who.split())
    if not _ANSWERING_BODY.match(who):
        return None
    if re.match(r"Chef(?:in)?\s+der\s+(\w*kanzlei)", who):
        return re.sub(r"^Chef(?:in)?\s+der\s+", "", who), who
    if who.startswith("Ministerpräsident"):
        return who, who
    if re.match(r"Senator(?:in)?\b", who):
        return re.sub(r"^Senator(?:in)?", "Senatsverwaltung", who), who
    if re.match(r"\w*[Mm]inister(?:in)?\b", who):
        return post_to_ministry(who), who
    return who, None


def post_to_ministry(post: str) -> str:
    """The ministry a minister's post names: "Minister des Innern" -> "Ministerium des Innern"."""
    p = " ".join(post.split())
    p = re.sub(r"^Minister(?:in)?\b", "Ministerium", p)
    p = re.sub(r"^(\w+)minister(?:in)?\b", r"\1ministerium", p)
    p = re.sub(r"^Bundesminister(?:in)?\b", "Bundesministerium", p)
    return p


def post_to_ministry_genitive(name: str) -> str:
    """ "Ministers für Inneres" -> "Ministeriums für Inneres" (a minister's post names the ministry)."""
    n = " ".join(name.split())
    return re.sub(r"^(\w*[Mm]inister)(?:s|in)\b", r"\1iums", n)


def genitive_to_nominative(name: str) -> str:
    """Genitive to nominative: "Bundesministeriums für Verkehr" -> "Bundesministerium für Verkehr"."""
    n = " ".join(name.split())
    n = re.sub(r"\s+namens\s+der\s+(?:Landes|Staats)?regierung$", "", n)
    # "Niedersächsischen Ministeriums für ..." -> "Niedersächsisches Ministerium für ..."
    n = re.sub(r"^([A-ZÄÖÜ][a-zäöü-]+isch)en\s+(?=\w*[Mm]inisteriums\b)", r"\1es ", n)
    n = re.sub(r"^((?:[A-ZÄÖÜ][a-zäöü-]+isches\s+)?\w*[Mm]inisterium)s\b", r"\1", n)
    n = re.sub(r"^(\w*amt)e?s\b", r"\1", n)
    n = re.sub(r"^Auswärtigen\s+Amt(?:e?s)?\b", "Auswärtiges Amt", n)
    n = re.sub(r"^(\w*[Kk]anzleramt)e?s\b", r"\1", n)
    return n


def split_agreement(text: str) -> list[str]:
    """Split "dem Minister für A, B und C und der Ministerin für D" into the posts it names."""
    t = " ".join(text.split())
    t = re.sub(r"^(?:mit\s+)?(?:dem|der|den|allen)\s+", "", t)
    out = []
    for part in _SPLIT_WITH.split(t):
        part = part.strip(" ,")
        if part:
            out.append(part)
    return out


def _surface_org(post: str) -> str:
    if re.match(r"übrigen\s+Mitglied", post) or post.startswith("allen"):
        return "alle " + re.sub(r"Mitgliedern", "Mitglieder", post.removeprefix("allen "))
    if re.match(r"(?:\w+)?[Mm]inister(?:in)?\b", post) and not post.startswith("Ministerpräsident"):
        return post_to_ministry(post)
    return post


def _title(text: str, start: int, limit: int) -> tuple[int, int] | None:
    """[start, end) of the title beginning at the next non-empty line after `start`."""
    lines = list(re.finditer(r"[^\n]*\n?", text[start:limit]))
    trailing = re.search(r"\S[ \t]+\n", text[: min(len(text), 3000)]) is not None
    first: int | None = None
    end = start
    prev = ""
    for lm in lines:
        line = lm.group().rstrip("\n")
        s = start + lm.start()
        if not line.strip():
            if first is not None:
                break
            continue
        if first is None:
            if _BOILERPLATE.match(line):
                continue
            if _TITLE_STOP.match(line):
                return None
            first = s
        else:
            if trailing:
                # PDF text keeps a space at the end of a wrapped line; the title's last line has none.
                wrapped = prev.endswith((" ", "\t", "-", "–"))
            else:
                wrapped = len(prev.rstrip()) >= 55 or prev.rstrip().endswith(("–", "-", ","))
            if _TITLE_STOP.match(line) or not wrapped or prev.rstrip().endswith((".", "?", "!", ":")):
                break
            if re.search(r"(?<!\d)[.!]\s+[A-ZÄÖÜ„]", line) or line.rstrip().endswith("."):
                break  # body text: titles carry no full sentences
        end = s + len(line.rstrip())
        prev = line
        if end - first > 400:
            break
    if first is None:
        return None
    return first, end


# Header lines that are no title: who asks, who answers, dates, "und".
_BOILERPLATE = re.compile(
    r"^\s*(?:und\s*$|Antwort\s*$|de[sr]\s+(?:Abg\.|Abgeordnete|Ministeri|Staatsministeri|Senat|Fraktion|Minister)"
    r"|der\s+(?:Abgeordneten|Fraktion|Landesregierung|Bundesregierung|Staatsregierung)|vom\s+\d"
    r"|Kleine\s+Anfrage\s*(?:\d+\s*)?$|Schriftliche\s+Anfrage\s*$|\d{1,2}\.\d{1,2}\.\d{4}\s*$"
    r"|der\s+\S+(?:\s+\S+)?\s*$|(?:BÜNDNIS\s+90/DIE\s+GRÜNEN|(?:DIE\s+)?GRÜNEN|Die\s+Linke|AfD|SPD|CDU/CSU|FDP|BSW)\s*$)"
)
_MD = re.compile(r"^[#*\s]+|[*\s]+$")


def _clean_title(t: str) -> str:
    t = " ".join(t.split())
    t = _MD.sub("", t)
    return re.sub(r"^betr\.?:\s*", "", t).strip()


def read_header(text: str, doc_id: str, source: dict | None = None) -> tuple[DocumentInfo, int]:
    """The DocumentInfo read from the top of `text`, and where the header ends (original offset)."""
    source = source or {}
    head_end = min(len(text), 4000)
    m_pre = re.search(
        r"V\s?o\s?r\s?b\s?e\s?m\s?e\s?r\s?k\s?u\s?n\s?g|Vorbemerkung|^\s*\**\s*1\.\s",
        text[:head_end],
        re.MULTILINE,
    )
    body_start = m_pre.start() if m_pre else head_end
    head = text[:body_start]
    spans: list[Span] = []

    def sp(s: int, e: int) -> None:
        spans.append(Span(doc_id, s, e, text[s:e]))

    parliament = government = None
    for rx, name, gov in _PARL_RE:
        pm = rx.search(text, 0, min(len(text), 1500))
        if pm:
            parliament, government = name, gov
            sp(*pm.span())
            break
    if parliament is None:
        # The source file may name the parliament; only a known canonical name is taken.
        known = {n: g for _, n, g in PARLIAMENTS}
        if str(source.get("parliament")) in known:
            parliament = str(source["parliament"])
            government = known[parliament]

    period = None
    pm = _PERIOD.search(head) or _PERIOD.search(text, 0, min(len(text), 2500))
    if pm:
        period = int(pm.group(1))
        sp(*pm.span())
    elif str(source.get("period", "")).isdigit():
        period = int(source["period"])

    km = _KIND.search(head)
    kind = None
    if km:
        kind = {
            "antwort": "Antwort",
            "ka": "KleineAnfrage",
            "ga": "GrosseAnfrage",
            "anfrage": "KleineAnfrage",
            "sa": "KleineAnfrage",
            "antrag": "Antrag",
            "gesetz": "Gesetzentwurf",
        }[km.lastgroup or ""]
        sp(*km.span())
    elif source.get("kind") in DOCUMENT_KINDS:
        kind = str(source["kind"])
    kind_at = km.start() if km else len(head)

    if kind in ("KleineAnfrage", "GrosseAnfrage") and (ev := _ANSWER_EVIDENCE.search(head)) is not None:
        kind = "Antwort"
        sp(*ev.span())

    own = answered_drs = None
    dm = _DRS.search(head, 0, kind_at)
    if dm:
        own = _drs(dm.group(1))
        sp(dm.start(1), dm.end(1))
        if dm.group(2):
            answered_drs = _drs(dm.group(2))

    answering = _find_answering(text, min(len(text), 6000)) if kind == "Antwort" else None
    letter_date = _date_of(answering.date) if answering and answering.date else None

    date = issued = answered_issued = None
    om = _ORIGINAL.search(text)
    if om:
        date = _iso(om.group(1), om.group(2), om.group(3))
        sp(om.start(1), om.end(3))
    im = _ISSUED.search(text)
    if im:
        issued = _iso(im.group(1), im.group(2), im.group(3))
        sp(im.start(1), im.end(3))
        if im.group(4):
            answered_issued = _iso(im.group(4), im.group(5), im.group(6))
    header_date_end = 0
    if date is None:
        nm = _NUMDATE.search(head, 0, kind_at)
        if nm:
            header_date_end = nm.end()
        if letter_date and answering and answering.date_span:
            # An answer is dated by its letter ("mit Schreiben vom ..."); the header's date may be the
            # question's receipt or the print date.
            date = letter_date
            sp(*answering.date_span)
        elif nm:
            date = _iso(*nm.groups())
            sp(*nm.span())
    pm2 = _PRINTED.search(text) if issued is None else None
    while pm2 is not None and pm2.start() > 0 and text[pm2.start() - 1].isalnum():
        pm2 = _PRINTED.search(text, pm2.end())  # "Nachdruck:" is no printer's line
    if pm2 is not None:
        issued = _date_of(pm2.group().partition(",")[2])
        if issued:
            sp(pm2.start(), pm2.end())

    answers = None
    title_from = km.end() if km else 0
    if kind == "Antwort":
        am = _ANSWERS.search(head, kind_at)
        number = int(am.group(1)) if am and am.group(1) else None
        a_date = _iso(am.group(2), am.group(3), am.group(4)) if am and am.group(2) else answered_issued
        a_start = am.start() if am else kind_at
        ad = None
        if answered_drs is None:
            for ad in _DRS.finditer(head, a_start):
                if _drs(ad.group(1)) != own:
                    answered_drs = _drs(ad.group(1))
                    break
            else:
                ad = None
        if ad is not None:
            # The title follows the answered request's number ("– Drucksache 21/1219 –").
            title_from = ad.end()
            rest = re.match(r"[ \t]*[–-]?[ \t]*", head[title_from:])
            title_from += rest.end() if rest else 0
        elif am:
            title_from = am.end()
        if number is None or a_date is None:
            # "Die Kleine Anfrage 245 vom 1. September 2011 hat folgenden Wortlaut", "Wortlaut der Kleinen
            # Anfrage 1277 vom 17.11.2015": the request by number, and its date.
            for rm in _REQUEST.finditer(head):
                if number is not None and int(rm.group("number")) != number:
                    continue
                if number is None:
                    number = int(rm.group("number"))
                    sp(rm.start("number"), rm.end("number"))
                dated = rm.group().partition(" vom ")[2] if re.search(r"\svom\s", rm.group()) else ""
                if a_date is None and dated:
                    a_date = _date_of(rm.group()[re.search(r"\svom\s", rm.group()).end() :])
                    if a_date:
                        sp(*rm.span())
                if a_date is not None:
                    break
        combined = _COMBINED.search(head)
        if combined and number is None and answered_drs is None and own:
            # A Drucksache that prints an unnumbered question with its answer answers itself.
            answered_drs = own
        if combined and a_date is None:
            a_date = _question_date(text, head, header_date_end, answering.start if answering else len(head))
        if number or answered_drs or a_date:
            a_span = Span(doc_id, a_start, am.end(), text[a_start : am.end()]) if am else None
            answers = AnsweredRequest(number=number, drucksache=answered_drs, date=a_date, span=a_span)
            if a_span:
                spans.append(a_span)

    title = None
    bm = re.search(r"betr\.?:", head)
    if bm:
        # "betr.:" titles may wrap over a blank line; they end at a run of blank lines.
        em = re.compile(r"\n[ \t]*\n[ \t]*\n|$").search(text, bm.end(), body_start)
        tm = (bm.start(), em.start() if em else body_start)
    else:
        # The title is the next line after the questioners (a line naming a party or Fraktion) or
        # the answered number; in collapsed excerpts it runs to "Vorbemerkung".
        qm = None
        if kind != "Antwort" or answers is None or title_from <= kind_at:
            qm = re.search(r"Fraktion[^\n]*\n", head[title_from:]) or re.search(
                r"Abgeordnete[nr]?[^\n]*\n", head[title_from:]
            )
        start = title_from + (qm.end() if qm else 0)
        nl = head.find("\n", start)
        if nl < 0 or nl > start + 400 or not head[start:nl].strip():
            tm = _title(text, start, body_start) if "\n" in head[start:] else (start, body_start)
        else:
            tm = _title(text, start if head[start:nl].strip() else nl + 1, body_start)
            if (
                tm
                and head[start:nl].strip()
                and tm[0] != start + len(head[start:nl]) - len(head[start:nl].lstrip())
            ):
                tm = _title(text, start, body_start)
    if tm and tm[1] - tm[0] > 300:
        # Running into the body: a title that long is the first line only.
        nl = text.find("\n", tm[0], tm[1])
        tm = (tm[0], nl) if nl > 0 else tm
    if tm:
        title = _clean_title(text[tm[0] : tm[1]]) or None
        if title and 3 < len(title) <= 300:
            sp(*tm)
        else:
            title = None

    post = answered_by = None
    in_agreement: tuple[str, ...] = ()
    nm2 = _ANSWERED_NRW.search(text) if _ANSWERED_NRW_HINT.search(text) else None
    if nm2:
        post = " ".join(nm2.group("post").split())
        answered_by = post_to_ministry(post) if not post.startswith("Ministerpräsident") else post
        sp(nm2.start("post"), nm2.end("post"))
        if nm2.group("with"):
            in_agreement = tuple(_surface_org(p) for p in split_agreement(nm2.group("with")))
            sp(nm2.start("with"), nm2.end("with"))
    else:
        bt = _ANSWERED_BT.search(text)
        who = _answering_who(answering) if answering else None
        if bt:
            answered_by = genitive_to_nominative(bt.group("body"))
            sp(bt.start("body"), bt.end("body"))
        elif answering and who:
            answered_by, post = who
            sp(*answering.who_span)
        elif (am2 := _ANSWER_OF.search(text, 0, min(len(text), 4000))) is not None:
            answered_by = genitive_to_nominative(post_to_ministry_genitive(am2.group("body")))
            sp(am2.start("body"), am2.end("body"))
        elif kind == "Antwort" and re.search(
            r"Vorbemerkung\s+der\s+\w*regierung|Zu\s+(?:den\s+)?Fragen?\s+\d", text
        ):
            answered_by = government

    info = DocumentInfo(
        kind=kind,
        parliament=parliament,
        period=period,
        drucksache=own,
        date=date,
        issued=issued,
        title=title,
        answers=answers,
        answered_by=answered_by,
        answered_by_post=post,
        in_agreement_with=in_agreement,
        government=government,
        spans=tuple(sorted(set(spans))),
    )
    return info, body_start
