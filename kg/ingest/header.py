"""What a Drucksache's header says about it: kind, parliament, period, numbers, dates, title, who answers."""

from __future__ import annotations

import re

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
    r"(?P<antwort>\bAntwort\b|A\s?N\s?T\s?W\s?O\s?R\s?T)"
    r"|(?P<ka>\bKleine\s+Anfrage\b)|(?P<ga>\bGroße\s+Anfrage\b)|(?P<anfrage>\bAnfrage\s+de[sr]\s+Abgeordneten)"
    r"|(?P<sa>\bSchriftliche\s+Anfrage\b)|(?P<antrag>^\s*Antrag\b)|(?P<gesetz>\bGesetzentwurf\b)",
    re.MULTILINE,
)
_DRS = re.compile(r"Drucksache\s*(?:Nr\.\s*)?(\d{1,2}/\d{1,6})(?:\s*\((\d{1,2}/\d{1,6})\))?")
_PERIOD = re.compile(r"(\d{1,2})\.\s*Wahlperiode")
_ORIGINAL = re.compile(r"Datum\s+des\s+Originals:\s*" + _D)
_ISSUED = re.compile(r"Ausgegeben:\s*" + _D + r"(?:\s*\(\s*" + _D + r"\s*\))?")
_NUMDATE = re.compile(r"(?<![\d.])" + _D + r"(?![\d])")
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
    n = re.sub(r"^(\w*[Mm]inisterium)s\b", r"\1", n)
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

    own = answered_drs = None
    dm = _DRS.search(head, 0, kind_at)
    if dm:
        own = dm.group(1)
        sp(dm.start(1), dm.end(1))
        if dm.group(2):
            answered_drs = dm.group(2)

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
    if date is None:
        nm = _NUMDATE.search(head, 0, kind_at)
        if nm:
            date = _iso(*nm.groups())
            sp(*nm.span())

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
                if ad.group(1) != own:
                    answered_drs = ad.group(1)
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
        if bt:
            answered_by = genitive_to_nominative(bt.group("body"))
            sp(bt.start("body"), bt.end("body"))
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
