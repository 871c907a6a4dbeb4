"""Reference data: the known organisations, persons, posts, places, parties and pay grades.

Read from YAML files under data/reference/. Each entity has a stable id (used in IRIs), a
canonical name, aliases, and identifiers only where verified from a source the file names.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from kg.errors import KgError

ORG_KINDS = (
    "parliament",
    "government",
    "cabinet",
    "ministry",
    "party",
    "agency",  # federal or state agency / public body
    "municipality",  # a city administration
    "state",  # a Land as a body (Aufgabenträger)
    "company",
    "association",
    "office",  # a project office (Geschäftsstelle)
    "other",
)


@dataclass(frozen=True)
class RefPlace:
    id: str
    name: str
    identifiers: dict[str, str] = field(default_factory=dict)  # e.g. {"ags": "05913000"}
    kind: str = "municipality"


@dataclass(frozen=True)
class RefOrganisation:
    id: str
    name: str
    kind: str
    aliases: tuple[str, ...] = ()
    part_of: str | None = None  # id of the parent organisation
    place: str | None = None  # id of a RefPlace
    identifiers: dict[str, str] = field(default_factory=dict)
    jurisdiction: str | None = None  # e.g. "NW", "BUND", "SL"


@dataclass(frozen=True)
class RefPost:
    """A post (office) in an organisation, e.g. Minister des Innern in the MI NRW."""

    id: str
    name: str  # "Minister des Innern des Landes Nordrhein-Westfalen"
    organisation: str  # id
    aliases: tuple[str, ...] = ()
    holders: tuple[dict[str, Any], ...] = ()  # {person: id, from: "2017-06-30", to: "2022-06-29"}


@dataclass(frozen=True)
class RefPerson:
    id: str
    name: str
    party: str | None = None  # organisation id of the party
    aliases: tuple[str, ...] = ()
    identifiers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class RefPayGrade:
    id: str  # "B2", "A11", "EG9"
    label: str  # "B 2", "A 11", "EG 9"
    scheme: str  # "Besoldungsordnung B" | "Besoldungsordnung A" | "TV-L"
    aliases: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReferenceData:
    organisations: dict[str, RefOrganisation] = field(default_factory=dict)
    persons: dict[str, RefPerson] = field(default_factory=dict)
    posts: dict[str, RefPost] = field(default_factory=dict)
    places: dict[str, RefPlace] = field(default_factory=dict)
    pay_grades: dict[str, RefPayGrade] = field(default_factory=dict)
    sources: tuple[str, ...] = ()  # the sources the files name

    @cached_property
    def _organisation_index(self) -> dict[str, RefOrganisation]:
        index: dict[str, RefOrganisation] = {}
        for org in self.organisations.values():  # canonical names first: they win over aliases
            index.setdefault(org.name.casefold(), org)
        for org in self.organisations.values():
            for alias in org.aliases:
                index.setdefault(alias.casefold(), org)
        return index

    @cached_property
    def _person_index(self) -> dict[str, RefPerson]:
        index: dict[str, RefPerson] = {}
        for p in self.persons.values():
            index.setdefault(p.name.casefold(), p)
        for p in self.persons.values():
            for alias in p.aliases:
                index.setdefault(alias.casefold(), p)
        return index

    def organisation_by_name(self, name: str) -> RefOrganisation | None:
        """The organisation whose canonical name or alias is `name` (exact, case-folded)."""
        return self._organisation_index.get(name.casefold())

    def person_by_name(self, name: str) -> RefPerson | None:
        return self._person_index.get(" ".join(name.split()).casefold())


_KEYS = {
    "organisations": RefOrganisation,
    "persons": RefPerson,
    "posts": RefPost,
    "places": RefPlace,
    "pay_grades": RefPayGrade,
}


def _line_of(node: Any) -> int | None:
    mark = getattr(node, "start_mark", None)
    return mark.line if mark is not None else None


def load_yaml(path: Path, loader: type[yaml.SafeLoader] = yaml.SafeLoader) -> Any:
    """Parse a YAML file; a syntax error becomes a KgError with file and line."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as e:
        raise KgError(f"not UTF-8 text ({e.reason} at byte {e.start})", path) from e
    except OSError as e:
        raise KgError(f"cannot read: {e.strerror}", path) from e
    try:
        return yaml.load(text, Loader=loader)  # noqa: S506 - always a SafeLoader (sub)class
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise KgError(
            f"malformed YAML: {e.problem or e}",
            path,
            mark.line if mark else None,
            mark.column if mark else None,
        ) from e
    except yaml.YAMLError as e:
        raise KgError(f"malformed YAML: {e}", path) from e


def load_reference(directory: Path) -> ReferenceData:
    """Load every *.yaml under `directory`; unknown keys, duplicate ids and dangling ids are errors."""
    tables: dict[str, dict[str, Any]] = {k: {} for k in _KEYS}
    sources: list[str] = []
    for path in sorted(directory.glob("*.yaml")):
        doc = load_yaml(path) or {}
        if not isinstance(doc, dict):
            raise KgError("expected a mapping at the top", path, 0)
        for src in doc.get("sources") or []:
            sources.append(str(src))
        for key, value in doc.items():
            if key == "sources":
                continue
            if key not in _KEYS:
                raise KgError(f"unknown section {key!r}; expected one of {sorted(_KEYS)}", path)
            cls = _KEYS[key]
            for i, item in enumerate(value or []):
                if not isinstance(item, dict) or "id" not in item:
                    raise KgError(f"{key}[{i}]: each entry needs an 'id'", path)
                args = dict(item)
                args.pop("source", None)
                for tup in ("aliases", "holders"):
                    if tup in args:
                        args[tup] = tuple(args[tup] or ())
                try:
                    record = cls(**{k: (str(v) if k == "id" else v) for k, v in args.items()})
                except TypeError as e:
                    raise KgError(f"{key} entry {item.get('id')!r}: {e}", path) from e
                if record.id in tables[key]:
                    raise KgError(f"duplicate {key} id {record.id!r}", path)
                tables[key][record.id] = record
    data = ReferenceData(**tables, sources=tuple(dict.fromkeys(sources)))
    _check_links(data, directory)
    return data


def _check_links(data: ReferenceData, directory: Path) -> None:
    for org in data.organisations.values():
        if org.kind not in ORG_KINDS:
            raise KgError(f"organisation {org.id!r}: unknown kind {org.kind!r}", directory)
        if org.part_of and org.part_of not in data.organisations:
            raise KgError(f"organisation {org.id!r}: part_of {org.part_of!r} is no known id", directory)
        if org.place and org.place not in data.places:
            raise KgError(f"organisation {org.id!r}: place {org.place!r} is no known id", directory)
    for person in data.persons.values():
        if person.party and person.party not in data.organisations:
            raise KgError(f"person {person.id!r}: party {person.party!r} is no known id", directory)
    for post in data.posts.values():
        if post.organisation not in data.organisations:
            raise KgError(f"post {post.id!r}: organisation {post.organisation!r} is no known id", directory)
        for h in post.holders:
            if h.get("person") not in data.persons:
                raise KgError(f"post {post.id!r}: holder {h.get('person')!r} is no known id", directory)
