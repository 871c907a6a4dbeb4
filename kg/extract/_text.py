"""Shared text helpers for extractors: sentence boundaries, German numbers, month names, years.

Other extractors import from here; the functions below are kept stable.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from decimal import Decimal, InvalidOperation
from functools import lru_cache

from kg.ingest.lexicon import MONTH_RE, MONTHS, iso_date

__all__ = [
    "MONTHS",
    "MONTH_RE",
    "NUMBER_WORDS",
    "Sentences",
    "abbreviation_before",
    "collapse",
    "compound_starts",
    "found_starts",
    "iso_date",
    "matches_at",
    "number_word",
    "ordinal_before",
    "parse_number",
    "positions",
    "sentence_bounds",
    "sentences_of",
    "years_in",
]

NUMBER_WORDS: dict[str, int] = {
    "ein": 1,
    "eine": 1,
    "einer": 1,
    "einem": 1,
    "einen": 1,
    "eins": 1,
    "zwei": 2,
    "drei": 3,
    "vier": 4,
    "fünf": 5,
    "sechs": 6,
    "sieben": 7,
    "acht": 8,
    "neun": 9,
    "zehn": 10,
    "elf": 11,
    "zwölf": 12,
    "dreizehn": 13,
    "vierzehn": 14,
    "fünfzehn": 15,
    "sechzehn": 16,
    "siebzehn": 17,
    "achtzehn": 18,
    "neunzehn": 19,
    "zwanzig": 20,
    "dreißig": 30,
    "vierzig": 40,
    "fünfzig": 50,
    "hundert": 100,
}
NUMBER_WORD_RE = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = (
    "Abs|Art|Nr|Drs|bzw|ca|vgl|z\\.B|z\\. B|u\\.a|u\\. a|d\\.h|d\\. h|Dr|Prof|St|Mio|Mrd|Tsd|rd|Az|Buchst|"
    "gem|ggf|inkl|insb|evtl|Ziff|lfd|Kap|Tit|Std|Jh|Hrsg|sog|o\\.g|o\\. g|usw|etc|Mill|bspw|zzgl|ff|S|Anl"
)
# A sentence ends at . ! ? followed by whitespace and an upper-case letter, a digit or a quote,
# unless the full stop belongs to an abbreviation or an ordinal ("18. August", "1. Januar").
# One pattern per mark, each starting with its literal: the regex engine skips ahead to a literal
# fast, while a pattern starting with a class or an alternation is tried at every character.
_AFTER_MARK = r"\s+(?=[A-ZÄÖÜ„\"(•\-–#*]|\d+\.\s)"
_BOUNDARIES = tuple(re.compile(re.escape(mark) + _AFTER_MARK) for mark in ".!?;") + (
    re.compile(r"\n(?:\s*\n|(?=\s*(?:[•\-–]\s|\d{1,2}\.\s)))"),
)
_ABBREVS = frozenset(a.replace("\\.", ".") for a in _ABBREV.split("|"))
_ABBREV_LENGTHS = tuple(sorted({len(a) for a in _ABBREVS}))
_NEW_SENTENCE = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+\s+[a-zäöüß]")
_MONTH_START = re.compile(MONTH_RE)


def _is_word_char(c: str) -> bool:
    """What the regex class \\w holds (Unicode letters, digits and the underscore)."""
    return c.isalnum() or c == "_"


def abbreviation_before(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` ends an abbreviation ("vgl.", "z. B.") that starts a word."""
    for n in _ABBREV_LENGTHS:
        q = dot - n
        if q >= 0 and text[q:dot] in _ABBREVS and (q == 0 or not _is_word_char(text[q - 1])):
            return True
    return False


def ordinal_before(text: str, dot: int) -> bool:
    """Whether the full stop at `dot` follows a word of one or two digits or of one ASCII letter."""
    if dot == 0 or not _is_word_char(last := text[dot - 1]):
        return False
    if dot >= 2 and _is_word_char(text[dot - 2]):
        # A word of two characters at least: an ordinal if exactly two digits.
        return not (dot >= 3 and _is_word_char(text[dot - 3])) and text[dot - 2 : dot].isdecimal()
    return last.isdecimal() or (last.isascii() and last.isalpha())


def _marks(text: str) -> list[tuple[int, int]]:
    """[start, end) of each candidate sentence end, left to right, as one alternation would find them.

    The per-mark matches never overlap one another (a mark's match is the mark and the whitespace after
    it); a line-break match lies inside the whitespace after a mark, where the alternation would not look.
    """
    found: list[tuple[int, int]] = []
    for rx in _BOUNDARIES:
        found += [m.span() for m in rx.finditer(text)]
    found.sort()
    out: list[tuple[int, int]] = []
    last = 0
    for s, e in found:
        if s >= last:
            out.append((s, e))
            last = e
    return out


def sentence_bounds(text: str) -> list[tuple[int, int]]:
    """[start, end) of each sentence of `text` (a plain heuristic for German official prose)."""
    out: list[tuple[int, int]] = []
    start = 0
    for ms, me in _marks(text):
        mark = text[ms]
        end = ms if mark == "\n" else ms + 1
        if mark == "." and abbreviation_before(text, ms):
            continue
        if mark == "." and ordinal_before(text, ms):
            # "18. August", "1. Januar": an ordinal, unless a new sentence plainly starts after it.
            nxt = text[me : me + 12]
            if not _NEW_SENTENCE.match(nxt) or _MONTH_START.match(nxt):
                continue
        if end > start:
            out.append((start, end))
        start = me
    if start < len(text):
        out.append((start, len(text)))
    return out


class Sentences:
    """Sentence lookup for one text: the sentence around an offset, fast (bisect)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.bounds = sentence_bounds(text)
        self._starts = [s for s, _ in self.bounds]

    def index(self, offset: int) -> int:
        """Index of the sentence containing `offset`."""
        return max(0, bisect_right(self._starts, offset) - 1)

    def around(self, offset: int) -> tuple[int, int]:
        """[start, end) of the sentence containing `offset`."""
        if not self.bounds:
            return 0, len(self.text)
        return self.bounds[self.index(offset)]


@lru_cache(maxsize=64)
def sentences_of(text: str) -> Sentences:
    """The (cached) sentence index of a text: extractors of one document share it."""
    return Sentences(text)


def parse_number(s: str) -> Decimal | None:
    """A German-formatted number: "2.557.015,68", "583.900", "1,5", "19 610 000", "3.95" (decimal)."""
    s = s.strip().replace("\u00a0", " ").replace("\u202f", " ").replace("\u2009", " ")
    s = s.replace(" ", "").replace("'", "")
    if not s:
        return None
    if "," in s:
        s = s.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+", s):
        s = s.replace(".", "")
    try:
        return Decimal(s)
    except InvalidOperation:
        return None


def number_word(s: str) -> int | None:
    """Value of a German number word ("fünf" -> 5), or of digits."""
    s = s.strip().lower()
    if s.isdigit():
        return int(s)
    return NUMBER_WORDS.get(s)


YEAR_RE = re.compile(r"(?<![\d/.,])(?:19[5-9]\d|20[0-4]\d)(?![\d/]|,\d|\.\d)")


def years_in(text: str) -> list[tuple[int, int, int]]:
    """(year, start, end) of each plausible year 1950-2049 in `text`, not inside other numbers."""
    return [(int(m.group()), m.start(), m.end()) for m in YEAR_RE.finditer(text)]


def collapse(s: str) -> str:
    """Whitespace runs folded to one space, ends stripped."""
    return " ".join(s.split())


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """What `pattern.finditer(text)` gives, trying the pattern only at `starts`.

    `starts` must hold every position where `pattern` can match (found fast, e.g. from a literal
    every match begins with): a pattern that starts with a class or an alternation is otherwise tried
    at every character. Matches do not overlap: one starting inside the last is skipped, as finditer would.
    """
    out: list[re.Match[str]] = []
    last = 0
    for p in sorted(set(starts)):
        if p >= last and (m := pattern.match(text, p)) is not None:
            out.append(m)
            last = m.end()
    return out


def found_starts(text: str, *finders: str | re.Pattern[str]) -> list[int]:
    """Where each of `finders` occurs in `text`: a literal (found by str.find, the fastest scan) or a
    pattern led by a literal."""
    out: list[int] = []
    for f in finders:
        if isinstance(f, str):
            out += positions(text, f)
        else:
            out += [m.start() for m in f.finditer(text)]
    return out


_LOWER = frozenset("abcdefghijklmnopqrstuvwxyzäöüß")
_UPPER = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ")


def compound_starts(
    text: str,
    heads: Iterable[tuple[str, str]],
    bare: bool,
    min_run: int,
    after: re.Pattern[str] | None = None,
) -> list[int]:
    """Where a word ending in a head noun can start, for patterns like [A-ZÄÖÜ][a-zäöüß]*<head>.

    `heads` are (head without its first letter, the letters it may start with), found by str.find:
    ("ertrag", "Vv") for [Vv]ertrag. A match starts at the capital right before the run of lower-case
    letters before the head (at least `min_run` of them), or, if `bare`, at the head itself. Where
    given, `after` must match right after the head (what the pattern needs there: most occurrences of
    a common head noun are parts of other words, "Bundesministerium").
    """
    out: list[int] = []
    for tail, firsts in heads:
        for pos in positions(text, tail):
            h = pos - 1
            if h < 0:
                continue
            if text[h] in firsts and (after is None or after.match(text, pos + len(tail))):
                if bare:
                    out.append(h)
                q = h
                while q > 0 and text[q - 1] in _LOWER:
                    q -= 1
                if h - q >= min_run and q > 0 and text[q - 1] in _UPPER:
                    out.append(q - 1)
    return out


@lru_cache(maxsize=256)
def positions(text: str, literal: str) -> tuple[int, ...]:
    """Every start of `literal` in `text` (overlapping ones too); cached, as extractors of one
    document look for the same words ("inister" for offices, appositions and titles)."""
    out: list[int] = []
    pos = text.find(literal)
    while pos >= 0:
        out.append(pos)
        pos = text.find(literal, pos + 1)
    return tuple(out)


# ------------------------------------------------------------------------------------- noun phrases
# A name given by its purpose or task ("Sofortprogramm für den Bürokratierückbau", "Zentralstelle zur
# Bekämpfung der Internetkriminalität") runs over a German noun phrase: nouns, function words and
# adjectives before their noun.
_PHRASE_WORDS = frozenset(
    {
        "von",
        "vom",
        "und",
        "oder",
        "der",
        "des",
        "den",
        "dem",
        "die",
        "das",
        "im",
        "in",
        "für",
        "zur",
        "zum",
        "sowie",
        "bei",
    }
)
_PHRASE_BREAKERS = frozenset(
    {"Die", "Der", "Das", "Im", "In", "Nach", "Seit", "Mit", "Für", "Bei", "Auf", "Es", "Sie", "Er", "Wir"}
    | {"Ein", "Eine", "Diese", "Dieser", "Vorbemerkung", "Antwort", "Frage", "Fragen"}
)
_PHRASE_NUMBERS = frozenset(
    {
        "ein",
        "eine",
        "einer",
        "einen",
        "einem",
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "acht",
        "neun",
    }
)
# (A word may start with a hyphen after "und": "Kindesmisshandlung und -vernachlässigung".)
_PHRASE_WORD = re.compile(r"[A-ZÄÖÜ][\w-]*|[a-zäöüß][\w-]*|(?<=und )-[a-zäöüß]+")


# Lower-case words ending like an adjective that are none ("und Fachverbände wie BKSF", "wurde Anfang").
_NOT_ADJECTIVES = frozenset(
    {"wie", "ohne", "alle", "beide", "diese", "jene", "keine", "seine", "ihre", "deren", "dessen"}
    | {"habe", "werde", "wurde", "würde", "hatte", "hätte", "könnte", "sollte", "müsste", "wollte", "gebe"}
)
# After "und", these start a clause of their own; "und zur Förderung von ..." goes on with the name.
_PREPOSITIONS = frozenset({"in", "im", "mit", "bei", "zu", "von", "vom", "auf", "an", "nach"})
_OWNERS = frozenset(
    {
        "Deutschen",  # "des Deutschen Bundestages": whose committee, not its name
        "Bundesregierung",
        "Bundes",
        "Landes",
        "Länder",
        "Landesregierung",
        "Staatsregierung",
        "EU",
        "Europäischen",
    }
)
# A capitalised adjective by its suffix ("Öffentlichen", "Nationale", "Industrielle"): a noun ending in
# "-e" ("Bioökonomie", "Energie") is none.
_ADJECTIVE_END = re.compile(r"(?:isch|lich|ig|al|iv|bar|ell|är|los|sam|haft|ert|end|ern)(?:e|en|er|es|em)$")


def _is_owner(word: str) -> bool:
    """ "der Bundesregierung", "der BGR", "des BfV": whose a programme is, not part of its name."""
    return word in _OWNERS


_PLACE_NOUNS = frozenset({"Landkreis", "Kreis", "Stadt", "Gemeinde", "Land", "Region", "Freistaat", "Bezirk"})


def noun_phrase_end(text: str, pos: int, lists: bool = False) -> int:
    """End of the noun phrase starting at `pos` (at most 14 words, on at most three lines): nouns,
    function words, and lower-case words only before a capitalised one ("alternativer Antriebe"); with
    `lists`, nouns in a list with commas too ("für Agrarpolitik, Ernährung und ..."). -1 if no noun."""
    end = pos
    words = list(_PHRASE_WORD.finditer(text, pos, min(len(text), pos + 240)))
    k = 0
    last_noun = -1
    while k < len(words) and k < 14:
        w = words[k]
        gap = text[end if k else pos : w.start()]
        comma = lists and k and gap.strip() == "," and w.group()[0].isupper()
        if (gap.strip() and not comma) or gap.count("\n") > 1:
            break  # punctuation or a blank line ends the phrase
        word = w.group()
        if word[0].isupper() and k:
            before = words[k - 1].group()
            joined = (
                before.endswith("-")
                or (word.isupper() and "\n" not in gap)  # "Galileo PRS"
                # "im Öffentlichen Gesundheitsdienst", "Satellitennavigationssystem Galileo"; a noun in "-e"
                # ("Bioökonomie Vertreter") is no adjective
                or before.endswith(("en", "er", "es", "em"))
                or _ADJECTIVE_END.search(before) is not None
                or before in _PLACE_NOUNS  # "im Landkreis Esslingen"
                or comma  # "für Agrarpolitik, Ernährung und ..."
            )
            if word in _PHRASE_BREAKERS or (before[0].isupper() and not joined):
                break  # "... Galileo PRS\nSeit 2024", "im KMK-Sekretariat Teil des ...": a new phrase begins
        if word in ("der", "des") and k + 1 < len(words) and _is_owner(words[k + 1].group()):
            break  # "Zukunftsprogramm Pflanzenschutz der Bundesregierung": whose it is, not its name
        if word in ("und", "oder", "sowie") and k + 1 < len(words) and words[k + 1].group() in _PREPOSITIONS:
            break  # "... in Deutschland und in Übereinstimmung mit ...": a clause, not the name
        if (
            word in ("im", "in")
            and k + 1 < len(words)
            and words[k + 1].group() in ("Rahmen", "Jahr", "Jahre", "Höhe", "Anspruch")
        ):
            break  # "... im Rahmen der Nationalen Klimaschutzinitiative": the name ended
        if word[0].isupper() or word[0] == "-":
            last_noun = w.end()
        elif (
            word in _PHRASE_NUMBERS
            or word in _NOT_ADJECTIVES
            or (
                word not in _PHRASE_WORDS
                and not (
                    word.endswith(("e", "en", "er", "es", "em"))
                    and k + 1 < len(words)
                    and words[k + 1].group()[0].isupper()
                )
            )
        ):
            break  # a verb or a lower-case word standing alone: the name ended before it
        end = w.end()
        k += 1
    return last_noun
