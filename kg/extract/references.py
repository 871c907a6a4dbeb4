"""Other documents cited, by Drucksache number: "Drucksache 17/9990", "LT-Drs. 17/9170", "BT-Drs. 19/12345".

The document's own number is not a reference. "Vorlage 17/398" and "Plenarprotokoll 21/12" are not
Drucksachen. A Kleine Anfrage number given with the Drucksache ("Kleine Anfrage 3580 (LT-Drs.
17/9564)") is kept with it; the request the document answers gets relation "answers".
"""

from __future__ import annotations

import re

from kg.extract._text import found_starts, matches_at
from kg.ingest.normalise import clean_view
from kg.model import Document, Reference
from kg.spans import span

# Bundestag and Landtage number "WP/N" ("21/144"); the Bundesrat "N/YY" ("474/25"): the regex takes
# both shapes, the loop keeps the one the keyword allows.
_NUM = r"\d{1,4}\s?/\s?\d{1,6}"
# The keyword, then one number or a list "19/1, 19/2 und 19/3"; a "(15/1217)" right after a number
# is the earlier number of the same paper (Saarland prints "Drucksache 15/1284 (15/1217)").
_REF = re.compile(
    r"(?P<kw>\b(?:(?P<bt>BT|Bundestags?|Bundes(?=drucksache))|(?P<br>BR|Bundesrats?)|LT|Landtags?)?[- ]?\s?"
    r"(?:[Dd]rucksachen?|Drs\.?|Drucks\.)(?=[\s\d(])\s*(?:Nr\.\s*)?)"
    r"(?P<nums>"
    + _NUM
    + r"(?:\s*\(\s*"
    + _NUM
    + r"\s*\))?(?:\s*(?:,|und|sowie|bzw\.|oder)\s*"
    + _NUM
    + r")*)"
    r"(?![\d/])"
)
# The keyword's word ("Drucksache", "drucksache", "Drs", "Drucks."), found fast: a match starts at most
# _REF_REACH characters before it (a prefix "Bundestags", a hyphen and a space), and the pattern is
# tried only there (it begins with \b and optional words, which the engine would try at every character).
_REF_WORDS = ("Drucks", "drucks", "Drs")
_REF_REACH = 12
_ONE = re.compile(r"(\d{1,4})\s?/\s?(\d{1,6})")
# "Kleine Anfrage 3580 (LT-Drs. 17/9564)", "Kleine Anfrage 5487 (Drucksache 16/14195)",
# "Kleinen Anfrage Nr. 12 vom 3. Mai 2020 (Drs. ...)".
_KA_BEFORE = re.compile(
    r"(?:Kleinen?|Großen?)\s+Anfrage\s+(?:Nr\.\s*)?(\d{1,6})(?:\s+vom\s+[^()]{4,30}?)?\s*[(,]?\s*(?:auf\s+)?$"
)


def extract_references(doc: Document) -> list[Reference]:
    """One Reference per Drucksache number cited (first occurrence), the document's own number excluded."""
    view = clean_view(doc)
    text = view.text
    own = doc.info.drucksache
    answered = doc.info.answers.drucksache if doc.info.answers else None
    answered_ka = doc.info.answers.number if doc.info.answers else None
    seen: dict[str, int] = {}
    out: list[Reference] = []
    starts = (p - k for p in found_starts(text, *_REF_WORDS) for k in range(_REF_REACH + 1) if p >= k)
    for m in matches_at(_REF, text, starts):
        parliament = None
        if m.group("bt"):
            parliament = "Deutscher Bundestag"
        elif m.group("br"):
            parliament = "Bundesrat"
        else:
            parliament = doc.info.parliament
        ka = None
        kb = _KA_BEFORE.search(text, max(0, m.start() - 70), m.start())
        if kb:
            ka = int(kb.group(1))
        for k, nm in enumerate(_ONE.finditer(m.group("nums"))):
            if len(nm.group(2)) != 2 if m.group("br") else len(nm.group(1)) > 2:
                continue
            number = f"{int(nm.group(1))}/{int(nm.group(2))}"
            if number == own:
                continue
            s = m.start("nums") + nm.start()
            e = m.start("nums") + nm.end()
            start = m.start() if k == 0 else s
            o_start, o_end = view.span_to_original(start, e)
            relation = "answers" if number == answered else "cites"
            this_ka = ka if k == 0 else None
            if relation == "answers" and answered_ka and this_ka is None:
                this_ka = answered_ka
            if number in seen:
                i = seen[number]
                if this_ka and out[i].kleine_anfrage is None:
                    r = out[i]
                    out[i] = Reference(r.drucksache, r.span, this_ka, r.parliament, r.date, r.relation)
                continue
            date = doc.info.answers.date if relation == "answers" and doc.info.answers else None
            seen[number] = len(out)
            out.append(Reference(number, span(doc, o_start, o_end), this_ka, parliament, date, relation))
    return out
