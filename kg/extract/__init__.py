"""Document -> facts: runs every extractor and gathers their records into one `Facts`.

Extractors know nothing of RDF; each returns records with spans into the text as shipped.
"""

from __future__ import annotations

from kg.extract.agreements import extract_agreements
from kg.extract.dates import extract_dates
from kg.extract.money import extract_money
from kg.extract.organisations import extract_organisations
from kg.extract.persons import extract_persons
from kg.extract.posts import extract_posts
from kg.extract.projects import extract_projects
from kg.extract.references import extract_references
from kg.model import Document, Facts
from kg.reference import ReferenceData


def extract(doc: Document, reference: ReferenceData) -> Facts:
    """All facts one document states (unresolved: names as in the text, except gazetteer hits)."""
    organisations = tuple(extract_organisations(doc, reference))
    persons = tuple(extract_persons(doc, reference))
    projects = tuple(extract_projects(doc, organisations))
    return Facts(
        document=doc,
        persons=persons,
        organisations=organisations,
        money=tuple(extract_money(doc, projects)),
        posts=tuple(extract_posts(doc)),
        dates=tuple(extract_dates(doc)),
        references=tuple(extract_references(doc)),
        agreements=tuple(extract_agreements(doc, organisations, projects)),
        projects=projects,
    )
