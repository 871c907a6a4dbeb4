"""Organisation names: the Länder, the document's jurisdiction, a gazetteer matcher with German inflection.

Shared by the organisation, person, project and agreement extractors and by resolve.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from kg.model import Document
from kg.reference import ReferenceData, RefOrganisation


@dataclass(frozen=True)
class Land:
    code: str
    name: str  # "Nordrhein-Westfalen"
    genitive: str  # "des Landes Nordrhein-Westfalen": how its bodies are named
    short: tuple[str, ...] = ()  # "NRW"
    # Some Länder name their ministries with the bare Land ("Ministerium der Finanzen Rheinland-Pfalz").
    bare_ministries: bool = False

    @property
    def ministry_suffix(self) -> str:
        """What follows a ministry's subject in its official name."""
        return self.name if self.bare_ministries else self.genitive


LANDS: dict[str, Land] = {
    land.code: land
    for land in (
        Land("BW", "Baden-Württemberg", "des Landes Baden-Württemberg", bare_ministries=True),
        Land("BY", "Bayern", "des Freistaates Bayern"),
        Land("BE", "Berlin", "des Landes Berlin"),
        Land("BB", "Brandenburg", "des Landes Brandenburg"),
        Land("HB", "Bremen", "der Freien Hansestadt Bremen"),
        Land("HH", "Hamburg", "der Freien und Hansestadt Hamburg"),
        Land("HE", "Hessen", "des Landes Hessen"),
        Land("MV", "Mecklenburg-Vorpommern", "des Landes Mecklenburg-Vorpommern", bare_ministries=True),
        Land("NI", "Niedersachsen", "des Landes Niedersachsen"),
        Land("NW", "Nordrhein-Westfalen", "des Landes Nordrhein-Westfalen", ("NRW",)),
        Land("RP", "Rheinland-Pfalz", "des Landes Rheinland-Pfalz", bare_ministries=True),
        Land("SL", "Saarland", "des Saarlandes"),
        Land("SN", "Sachsen", "des Freistaates Sachsen"),
        Land("ST", "Sachsen-Anhalt", "des Landes Sachsen-Anhalt"),
        Land("SH", "Schleswig-Holstein", "des Landes Schleswig-Holstein"),
        Land("TH", "Thüringen", "des Freistaats Thüringen"),
    )
}
BUND = "BUND"

# Words kept literally inside names (articles, prepositions, conjunctions).
_FUNCTION_WORDS = frozenset(
    [
        "des",
        "der",
        "die",
        "das",
        "dem",
        "den",
        "für",
        "und",
        "im",
        "in",
        "von",
        "vom",
        "zur",
        "zum",
        "mit",
        "am",
        "an",
        "bei",
        "zu",
        "auf",
    ]
)
# Lines of a Bundestag imprint: the printer and distributor named there are no actors of the text.
IMPRINT_WORDS = ("Gesamtherstellung", "Vertrieb", "Druck", "Herstellung", "Verlag")
IMPRINT_RE = re.compile(rf"^[ \t]*(?:{'|'.join(IMPRINT_WORDS)})\s*:", re.M)


def imprint_ranges(text: str, occurrences: dict[str, list[int]] | None = None) -> list[tuple[int, int]]:
    """Character ranges of imprint lines (printer, distributor).

    The regex runs only at the starts of lines holding one of IMPRINT_WORDS (their positions may be
    given, as Literals.find returns them), not at every line of the text.
    """
    starts: set[int] = set()
    for word in IMPRINT_WORDS:
        positions = occurrences[word] if occurrences is not None else find_all(text, word)
        starts.update(text.rfind("\n", 0, pos) + 1 for pos in positions)
    out = []
    last_end = 0
    for start in sorted(starts):
        if start < last_end:
            continue
        m = IMPRINT_RE.match(text, start)
        if m is not None:
            last_end = m.end()
            end = text.find("\n", start)
            out.append((start, len(text) if end < 0 else end))
    return out


def find_all(text: str, literal: str) -> list[int]:
    """Every position of `literal` in `text`, overlapping ones too."""
    out = []
    pos = text.find(literal)
    while pos >= 0:
        out.append(pos)
        pos = text.find(literal, pos + 1)
    return out


def in_ranges(pos: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= pos < b for a, b in ranges)


def _word_pattern(word: str) -> str:
    """A regex for one word of a name that also matches its inflected forms."""
    if re.fullmatch(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)+", word):
        return re.escape(word) + "s?"  # "Nordrhein-Westfalens"
    if word.lower() in _FUNCTION_WORDS or not word.isalpha() or len(word) < 3 or word.isupper():
        return re.escape(word)
    if re.search(r"[A-Z].*[A-Z]", word[1:]):  # InfraGO, SiKo: a brand, not inflected
        return re.escape(word)
    m = re.match(r"(.{3,}?)(e|er|en|es|em)$", word)
    if m and len(word) > 5:
        return re.escape(m.group(1)) + "(?:e|er|en|es|em|ens)?"
    return re.escape(word) + "(?:es|s|en|n|e)?"


_LEFT_EDGE = r"(?<![\w-])"


def _is_word_char(c: str) -> bool:
    return c.isalnum() or c in "_-"


def at_word_start(text: str, start: int) -> bool:
    """Whether `start` begins a word (no letter, digit, underscore or hyphen before it)."""
    return start == 0 or not _is_word_char(text[start - 1])


def word_matches(
    pattern: re.Pattern[str], text: str, pos: int = 0, endpos: int | None = None
) -> list[re.Match[str]]:
    """Matches of `pattern` that begin a word.

    The left edge is checked here, not by a leading look-behind in the pattern: a pattern that
    starts with literals lets the regex engine skip ahead to them, one with a look-behind does not.
    """
    return [
        m
        for m in pattern.finditer(text, pos, len(text) if endpos is None else endpos)
        if at_word_start(text, m.start())
    ]


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """word_matches(pattern, text) for a pattern whose matches can begin only at one of `starts`.

    Tried in text order, each after the end of the last match, so the result is finditer's: the
    regex runs at the few candidate places instead of at every position of the text.
    """
    out: list[re.Match[str]] = []
    last_end = 0
    for start in sorted(set(starts)):
        if start < last_end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            last_end = m.end()
            if at_word_start(text, start):
                out.append(m)
    return out


def literal_word_matches(
    pattern: re.Pattern[str],
    text: str,
    anchors: tuple[tuple[str, int], ...],
    occurrences: dict[str, list[int]],
) -> list[re.Match[str]]:
    """word_matches(pattern, text) for a pattern each of whose matches holds one of the literals of
    `anchors` at the given offset from its start ("inisteri" 1 or 7 characters in).

    `occurrences` holds where each literal occurs (see Literals); a regex without a literal start
    would be tried at every position of the text.
    """
    starts = [pos - offset for literal, offset in anchors for pos in occurrences[literal] if pos >= offset]
    return matches_at(pattern, text, starts)


class Literals:
    """Finds every occurrence of a fixed set of literals in one pass over a text.

    Literals that begin with a capital are found together by one trie-shaped regex (capitals are
    rare, so the engine skips quickly between them); the others by str.find, one scan each.
    """

    def __init__(self, literals: Iterable[str]) -> None:
        self.literals = tuple(sorted(set(literals)))
        scanned = [lit for lit in self.literals if lit[:1].isupper()]
        self._found = [lit for lit in self.literals if not lit[:1].isupper()]
        self._trie = re.compile(_trie_regex(scanned)) if scanned else None
        # The trie finds the longest literal at a place; the shorter ones there are its prefixes.
        self._prefixes = {key: [lit for lit in scanned if key.startswith(lit)] for key in scanned}
        # A match hides literals that begin inside it: those that fit there are checked by hand.
        self._inner = {
            key: [
                (j, lit)
                for j in range(1, len(key))
                for lit in scanned
                if lit.startswith(key[j:]) or key[j:].startswith(lit)
            ]
            for key in scanned
        }

    def find(self, text: str) -> dict[str, list[int]]:
        """Every occurrence (overlapping ones too) of each literal, in text order."""
        out: dict[str, list[int]] = {lit: [] for lit in self.literals}
        if self._trie is not None:
            for m in self._trie.finditer(text):
                start, key = m.start(), m.group()
                for lit in self._prefixes[key]:
                    out[lit].append(start)
                for j, lit in self._inner[key]:
                    if text.startswith(lit, start + j):
                        out[lit].append(start + j)
        for lit in self._found:
            out[lit].extend(find_all(text, lit))
        for positions in out.values():
            positions.sort()
        return out


def word_start(text: str, pos: int) -> int:
    """Start of the word around `pos` (words hold letters, digits, underscores and hyphens)."""
    while pos > 0 and _is_word_char(text[pos - 1]):
        pos -= 1
    return pos


def anchored_matches(pattern: re.Pattern[str], text: str, literals: tuple[str, ...]) -> list[re.Match[str]]:
    """Matches of `pattern` at the start of each word that contains one of `literals`, in text order.

    For patterns without a literal start ("Innenministerin X"): str.find locates the few
    candidate words, and the pattern runs only there instead of at every position of the text.
    """
    starts: set[int] = set()
    for lit in literals:
        pos = text.find(lit)
        while pos >= 0:
            starts.add(word_start(text, pos))
            pos = text.find(lit, pos + len(lit))
    out: list[re.Match[str]] = []
    last_end = -1
    for start in sorted(starts):
        if start < last_end:
            continue
        m = pattern.match(text, start)
        if m is not None:
            out.append(m)
            last_end = m.end()
    return out


def name_pattern(name: str, inflect: bool = True) -> str:
    """A regex for a name: words joined by any whitespace, each word inflectable when `inflect`."""
    words = name.split()
    parts = [(_word_pattern(w) if inflect else re.escape(w)) for w in words]
    return _LEFT_EDGE + r"\s+".join(parts) + r"(?![\w-])"


def _required_text(name: str) -> str:
    """The longest piece of `name` that every inflected match of name_pattern() contains verbatim."""
    # Inflection only changes a word's last three letters at most (see _word_pattern).
    return max((w if len(w) <= 5 else w[: len(w) - 3] for w in name.split()), key=len)


def _is_abbreviation(name: str) -> bool:
    """ "BPol", "GZD", "InfraGO": no German inflection. A compound of capitalised words
    ("Friedrich-Loeffler-Institut") is none: it takes its genitive "-s" like any name."""
    if " " in name or _HYPHENATED_WORDS.fullmatch(name):
        return False
    return name.isupper() or sum(c.isupper() for c in name) >= 2


_HYPHENATED_WORDS = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)+")


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    org: RefOrganisation


class Gazetteer:
    """Finds reference organisations by canonical name and alias (inflected), longest match first."""

    def __init__(self, reference: ReferenceData) -> None:
        self.reference = reference
        # The first organisation (by id) of each kind and jurisdiction: body_of() looks here.
        self.bodies: dict[tuple[str, str], RefOrganisation] = {}
        for org in sorted(reference.organisations.values(), key=lambda o: o.id):
            if org.jurisdiction is not None:
                self.bodies.setdefault((org.kind, org.jurisdiction), org)
        entries: list[tuple[str, RefOrganisation]] = []
        for org in sorted(reference.organisations.values(), key=lambda o: o.id):
            names = [org.name, *org.aliases]
            if org.kind == "party":
                # A parliamentary group counts as its party.
                for n in list(names):
                    if _is_abbreviation(n) or "/" in n:
                        names += [f"Fraktion der {n}", f"Fraktion {n}", f"{n}-Fraktion", f"Gruppe {n}"]
            if org.kind == "state":
                # A Land named bare is a place; as a body it is "das Land X".
                names = [n for n in names if n.startswith("Land ")]
            for n in dict.fromkeys(names):
                entries.append((n, org))
        # Each name is found where its literal start (the word characters before anything inflected)
        # occurs: one scan for all of them with a trie-shaped regex, then only the names whose start is
        # there are tried. Names without such a start are searched on their own.
        by_key: dict[str, list[tuple[int, re.Pattern[str], RefOrganisation, str]]] = {}
        self._unkeyed: list[tuple[str, re.Pattern[str], RefOrganisation]] = []
        for i, (n, org) in enumerate(entries):
            inflect = not _is_abbreviation(n)
            pattern = re.compile(name_pattern(n, inflect=inflect).removeprefix(_LEFT_EDGE))
            key = _literal_start(pattern.pattern)
            if key:
                by_key.setdefault(key, []).append((i, pattern, org, _next_word(n, key, inflect)))
            else:
                self._unkeyed.append((_required_text(n), pattern, org))
        # Every key found at a place is a prefix of the longest one found there. The candidates of a
        # key are the names tried at once, and those whose key ends inside an inflected first word,
        # grouped by that key's length and the first three letters of their second word (found once
        # per place instead of failing name by name: "Deutsch" starts 70 names).
        self._candidates: dict[str, tuple[list[_Candidate], dict[int, dict[str, list[_Candidate]]]]] = {}
        for key in by_key:
            always: list[_Candidate] = []
            by_next: dict[int, dict[str, list[_Candidate]]] = {}
            seq = 0
            for k in sorted(by_key):
                if not key.startswith(k):
                    continue
                for i, pattern, org, nxt in by_key[k]:
                    cand = (seq, i, pattern.match, org)
                    seq += 1
                    if len(nxt) >= 3:
                        by_next.setdefault(len(k), {}).setdefault(nxt[:3], []).append(cand)
                    else:
                        always.append(cand)
            self._candidates[key] = (always, by_next)
        self._keys = re.compile(_trie_regex(list(by_key))) if by_key else None

    def find(self, text: str) -> list[Hit]:
        """Every non-overlapping hit, preferring the longest at each place."""
        # Many names of one organisation match at one place: each hit is kept once.
        found: dict[tuple[int, int, str], RefOrganisation] = {}
        # Like finditer per name: a name's next match is looked for after the end of its last one.
        last_end: dict[int, int] = {}
        if self._keys is not None:
            candidates = self._candidates
            for km in self._keys.finditer(text):
                start = km.start()
                if start and ((c := text[start - 1]).isalnum() or c in "_-"):
                    continue  # not a word start (see at_word_start)
                key = km.group()
                always, by_next = candidates[key if key.isalnum() else " ".join(key.split())]
                tried = always
                if by_next:
                    extra: list[_Candidate] = []
                    for klen, groups in by_next.items():
                        at = _next_word_start(text, start + klen)
                        if at >= 0 and (group := groups.get(text[at : at + 3])):
                            extra += group
                    if extra:  # in the order of the full list of candidates
                        tried = sorted(always + extra, key=lambda c: c[0])
                for _seq, i, match, org in tried:
                    if last_end.get(i, 0) > start:
                        continue
                    m = match(text, start)
                    if m is not None:
                        last_end[i] = m.end()
                        found[(start, m.end(), org.id)] = org
        for required, pattern, org in self._unkeyed:
            if required not in text:
                continue
            for m in pattern.finditer(text):
                if at_word_start(text, m.start()):
                    found[(m.start(), m.end(), org.id)] = org
        return [Hit(a, b, found[(a, b, oid)]) for a, b, oid in select_longest(found)]


def _literal_start(pattern: str) -> str:
    """The text every match of `pattern` begins with, a run of whitespace written as one space (empty
    when it begins otherwise): "G-BA", "ver.di", "Die Autobahn" (a key as long as the name allows, so
    that few places of the text hold it)."""
    out: list[str] = []
    i, n = 0, len(pattern)
    while i < n:
        if pattern.startswith(r"\s+", i):
            out.append(" ")
            i += 3
            continue
        if pattern[i] == "\\" and i + 1 < n and not pattern[i + 1].isalnum():
            char, step = pattern[i + 1], 2
        elif pattern[i] in "\\()[]{}?*+|^$.":
            break
        else:
            char, step = pattern[i], 1
        if i + step < n and pattern[i + step] in "?*{":
            break  # the character may be left out
        out.append(char)
        i += step
    return "".join(out).rstrip()


_Candidate = tuple[
    int, int, Callable[..., "re.Match[str] | None"], RefOrganisation
]  # (order, name, match, org)


def _next_word(name: str, key: str, inflect: bool) -> str:
    """The literal start of a name's second word where its key ends inside the (inflected) first word
    ("Deutsch" of "Deutsche Bundesbank": "Bundesbank"), else "" (the key says enough)."""
    words = name.split()
    if len(words) < 2 or " " in key:
        return ""
    first = _word_pattern(words[0]) if inflect else re.escape(words[0])
    if _literal_start(first) != key or not first.endswith(")?"):
        return ""
    return _literal_start(_word_pattern(words[1]) if inflect else re.escape(words[1]))


def _next_word_start(text: str, pos: int) -> int:
    """Where the next word starts after at most an inflection ending (three letters) and a run of
    whitespace at `pos`; -1 where no name's second word can start (never -1 where one could)."""
    n = len(text)
    j, limit = pos, min(n, pos + 3)
    while j < limit and text[j].isalpha():
        j += 1
    if j >= n or not text[j].isspace():
        return -1
    while j < n and text[j].isspace():
        j += 1
    return j


def _trie_regex(keys: list[str]) -> str:
    """One regex for a set of literal keys, factored as a trie and matching the longest key at a place.

    An alternation of hundreds of literals is tried branch by branch at each place; a trie is tried
    one character at a time.
    """
    trie: dict[str, dict] = {}
    for key in keys:
        node = trie
        for c in key:
            node = node.setdefault(c, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:
        branches = [
            (r"\s+" if c == " " else re.escape(c)) + emit(child) for c, child in sorted(node.items()) if c
        ]
        if not branches:
            return ""
        if "" in node:
            branches.append("")  # the key ending here: tried after every longer one
        if len(branches) == 1:
            return branches[0]
        return "(?:" + "|".join(branches) + ")"

    return emit(trie)


def select_longest(hits: Iterable[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, id) hits: longer ones win, ties go to the earlier, then the lower id."""
    starts: list[int] = []  # chosen intervals, sorted and disjoint
    ends: list[int] = []
    chosen: list[tuple[int, int, str]] = []
    for neg_length, start, oid in sorted((a - b, a, oid) for a, b, oid in hits):
        end = start - neg_length
        i = bisect.bisect_right(starts, start)
        # Only the neighbours can overlap: the interval starting before this one, and the one after.
        if (i > 0 and ends[i - 1] > start) or (i < len(starts) and starts[i] < end):
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        chosen.append((start, end, oid))
    return sorted(chosen)


# Keyed by id() and holding the reference itself, so an id is never reused while cached.
_CACHE: dict[int, tuple[ReferenceData, Gazetteer]] = {}


def gazetteer(reference: ReferenceData) -> Gazetteer:
    """The (cached) gazetteer of `reference`."""
    hit = _CACHE.get(id(reference))
    if hit is None or hit[0] is not reference:
        if len(_CACHE) > 8:
            _CACHE.clear()
        hit = _CACHE[id(reference)] = (reference, Gazetteer(reference))
    return hit[1]


def _land_of_name(name: str, reference: ReferenceData) -> str | None:
    org = reference.organisation_by_name(name)
    if org is not None and org.jurisdiction:
        return org.jurisdiction
    if "Bundestag" in name:
        return BUND
    for land in LANDS.values():
        if land.name in name or land.genitive.split()[-1] in name:
            return land.code
    return None


def document_jurisdiction(doc: Document, reference: ReferenceData) -> str | None:
    """ "BUND" or a Land code for the parliament the document belongs to, None when unknown."""
    for name in (doc.info.parliament, (doc.source or {}).get("parliament")):
        if isinstance(name, str) and (code := _land_of_name(name, reference)):
            return code
    head = doc.text[:1500]
    if re.search(r"Deutscher\s+Bundestag|Bundestagsdrucksache|der\s+Bundesregierung", head):
        return BUND
    m = re.search(r"(?i)landtag\s+(?:des\s+|von\s+)?([\w-]+)", head)
    if m:
        for land in LANDS.values():
            tail = land.genitive.split()[-1].casefold()
            if m.group(1).casefold() in (land.name.casefold(), tail):
                return land.code
    # Otherwise the Land the text names most often (as "des Landes X", "X", or "NRW").
    counts: Counter[str] = Counter()
    for land in LANDS.values():
        for form in (land.name, *land.short):
            counts[land.code] += len(re.findall(rf"(?<![\w-]){re.escape(form)}s?(?![\w-])", doc.text))
    if counts and (best := counts.most_common(1)[0])[1] > 0:
        return best[0]
    if re.search(r"\bBundesregierung\b", doc.text):
        return BUND
    return None


def body_of(reference: ReferenceData, kind: str, jurisdiction: str | None) -> RefOrganisation | None:
    """The reference organisation of `kind` (government, parliament, cabinet) for a jurisdiction."""
    if jurisdiction is None:
        return None
    return gazetteer(reference).bodies.get((kind, jurisdiction))


def body_name(reference: ReferenceData, kind: str, jurisdiction: str | None) -> str | None:
    """Canonical name of the government / parliament / cabinet of a jurisdiction, built when not known."""
    org = body_of(reference, kind, jurisdiction)
    if org is not None:
        return org.name
    if jurisdiction == BUND:
        return {
            "government": "Bundesregierung",
            "parliament": "Deutscher Bundestag",
            "cabinet": "Bundeskabinett",
        }.get(kind)
    land = LANDS.get(jurisdiction or "")
    if land is None:
        return None
    if kind == "government":
        return f"Landesregierung {land.name}"
    if kind == "parliament":
        return f"Landtag {land.name}"
    if kind == "cabinet":
        return f"Kabinett {land.genitive}"
    return None


def lookup(name: str, reference: ReferenceData, jurisdiction: str | None = None) -> RefOrganisation | None:
    """The reference organisation named `name`, also in the jurisdiction's forms ("… des Landes X")."""
    name = " ".join(name.split())
    org = reference.organisation_by_name(name)
    if org is not None:
        return org
    land = LANDS.get(jurisdiction or "")
    if land is not None:
        for form in (f"{name} {land.genitive}", f"{name} {land.name}", *(f"{name} {s}" for s in land.short)):
            org = reference.organisation_by_name(form)
            if org is not None:
                return org
    return None


def ministry_by_prefix(name: str, reference: ReferenceData) -> RefOrganisation | None:
    """The one known ministry whose name begins with `name` (a name cut short by the text)."""
    name = " ".join(name.split())
    if not re.match(r"(?:Bundes)?[Mm]inisterium\s+(?:für|der|des)\s+\S+\s+\S+", name):
        return None
    folded = name.casefold() + " "
    found = [
        org
        for org in reference.organisations.values()
        if org.kind == "ministry" and org.name.casefold().startswith(folded)
    ]
    return found[0] if len(found) == 1 else None


def post_to_ministry(title: str, jurisdiction: str | None) -> str | None:
    """The ministry a minister's title names: "Minister des Innern" -> "Ministerium des Innern ..."."""
    title = " ".join(title.split())
    m = re.match(r"(Bundes)?[Mm]inister(?:in)?\s+((?:für|der|des)\s.+)$", title)
    if m:
        base = ("Bundesministerium " if m.group(1) else "Ministerium ") + m.group(2)
    else:
        m = re.match(r"([A-ZÄÖÜ][a-zäöüß]+)minister(?:in)?$", title)
        if not m or m.group(1) == "Bundes":
            return None
        base = f"{m.group(1)}ministerium"
    if base.startswith("Bundes") or jurisdiction in (None, BUND):
        return base
    land = LANDS.get(jurisdiction or "")
    if land is not None and land.genitive not in base and not base.endswith(land.name):
        return f"{base} {land.ministry_suffix}"
    return base


def normalise_ministry(surface: str) -> str:
    """Nominative of an organisation's name: "Bundesministeriums der X" -> "Bundesministerium der X"."""
    words = surface.split()
    if not words:
        return surface
    head = words[0]
    for suffix, repl in (("iums", "ium"), ("amtes", "amt"), ("amts", "amt"), ("ministeriums", "ministerium")):
        if head.endswith(suffix):
            head = head[: -len(suffix)] + repl
            break
    return " ".join([head, *words[1:]])
