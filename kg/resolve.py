"""Mentions -> reference entities: canonical names and reference ids by exact name or alias.

Nothing is minted for an organisation the reference data does not know: its name stays the
surface in canonical form ("Stadt Dortmund"). A weak match never merges two things: only an
exact (case-folded, whitespace-folded) name or alias, or the same with the document's Land
added ("Ministerium des Innern" + "des Landes Nordrhein-Westfalen"), links a mention.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from kg.extract._orgs import LANDS, body_name, document_jurisdiction, lookup, post_to_ministry
from kg.model import DocumentInfo, Facts, Money, Organisation, Person
from kg.reference import ReferenceData

_LAND_BODY = re.compile(
    r"(?:[A-ZÄÖÜ][a-zäöüß]*ministerium|Ministerium\s|Staatskanzlei|Ministerpräsident(?:in)?$)"
)
_ARTICLE = re.compile(r"^(?:der|die|das|dem|den|des)\s+", re.I)


def canonical_organisation(
    name: str, reference: ReferenceData, jurisdiction: str | None
) -> tuple[str, str | None]:
    """(canonical name, reference id or None) of the organisation `name` in a document of `jurisdiction`."""
    clean = _ARTICLE.sub("", " ".join(name.split()).strip("*"))
    org = lookup(clean, reference, jurisdiction)
    if org is not None:
        return org.name, org.id
    # A minister's title names the ministry ("Der Minister des Innern" -> Ministerium des Innern ...).
    ministry = post_to_ministry(clean, jurisdiction)
    if ministry is not None:
        org = lookup(ministry, reference, jurisdiction)
        return (org.name, org.id) if org is not None else (ministry, None)
    land = LANDS.get(jurisdiction or "")
    if (
        land is not None
        and _LAND_BODY.match(clean)
        and land.genitive not in clean
        and " des " not in clean
        and not clean.endswith(land.name)
    ):
        # A Land's body named without its Land ("Finanzministerium") is the document's Land's.
        return f"{clean} {land.genitive}", None
    return clean, None


def canonical_party(name: str | None, reference: ReferenceData) -> str | None:
    """The party's canonical name ("B90/Grüne" -> "BÜNDNIS 90/DIE GRÜNEN"); unknown names stay as they are."""
    if name is None:
        return None
    org = reference.organisation_by_name(" ".join(name.split()))
    if org is not None and org.kind == "party":
        return org.name
    return "fraktionslos" if name.casefold() == "fraktionslos" else name


def _organisation(
    o: Organisation,
    reference: ReferenceData,
    juris: str | None,
    canonical: Callable[[str], tuple[str, str | None]],
) -> Organisation:
    # Records already canonical are kept as they are: dataclasses.replace is slow, and most mentions
    # of a long document are gazetteer hits named as in the reference.
    if o.ref is not None and o.ref in reference.organisations:
        ref = reference.organisations[o.ref]
        return o if (o.name, o.kind) == (ref.name, ref.kind) else replace(o, name=ref.name, kind=ref.kind)
    name, ref_id = canonical(o.name)
    if ref_id is None:
        return o if name == o.name else replace(o, name=name)
    return replace(o, name=name, ref=ref_id, kind=reference.organisations[ref_id].kind)


def _person(p: Person, reference: ReferenceData) -> Person:
    ref = reference.person_by_name(p.name)
    return replace(p, party=canonical_party(p.party, reference), ref=ref.id if ref is not None else p.ref)


def _info(info: DocumentInfo, reference: ReferenceData, juris: str | None) -> DocumentInfo:
    def canon(name: str | None) -> str | None:
        return canonical_organisation(name, reference, juris)[0] if name else name

    answered_by = canon(info.answered_by)
    if answered_by is None and info.answered_by_post:
        answered_by = canon(info.answered_by_post)
    return replace(
        info,
        parliament=canon(info.parliament) or body_name(reference, "parliament", juris),
        answered_by=answered_by,
        in_agreement_with=tuple(n for n in (canon(x) for x in info.in_agreement_with) if n is not None),
        government=canon(info.government) or body_name(reference, "government", juris),
    )


def resolve(facts: Facts, reference: ReferenceData) -> Facts:
    """New records with canonical names and reference ids; the input records are left as they are."""
    doc = facts.document
    juris = document_jurisdiction(doc, reference)

    # One document names the same organisations again and again: each name is resolved once.
    known: dict[str, tuple[str, str | None]] = {}

    def canonical(name: str) -> tuple[str, str | None]:
        hit = known.get(name)
        if hit is None:
            hit = known[name] = canonical_organisation(name, reference, juris)
        return hit

    def canon(name: str | None) -> str | None:
        return canonical(name)[0] if name else name

    def money(m: Money) -> Money:
        payer, recipient = canon(m.payer), canon(m.recipient)
        return (
            m
            if (payer, recipient) == (m.payer, m.recipient)
            else replace(m, payer=payer, recipient=recipient)
        )

    return replace(
        facts,
        document=replace(doc, info=_info(doc.info, reference, juris)),
        organisations=tuple(_organisation(o, reference, juris, canonical) for o in facts.organisations),
        persons=tuple(_person(p, reference) for p in facts.persons),
        agreements=tuple(
            replace(a, signatories=tuple(dict.fromkeys(canon(s) or s for s in a.signatories)))
            for a in facts.agreements
        ),
        projects=tuple(
            replace(
                p,
                lead=canon(p.lead),
                partners=tuple(dict.fromkeys(canon(s) or s for s in p.partners)),
            )
            for p in facts.projects
        ),
        money=tuple(money(m) for m in facts.money),
    )
