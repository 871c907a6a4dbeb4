"""Synthetic builds shaped like ours: the mapped graphs of data/ copied under fresh IRIs up to N documents.

    from benchmarks.corpus import synthetic_graphs
    graphs = synthetic_graphs(1000)   # named graph IRI -> triples, as kg.api.build_graphs gives them

Extraction runs once on the real documents; copy k of a document renames every node minted for the
documents (not the reference data or the ontology) with the suffix `-c{k}`, so the copies keep the real
documents' shape, their links into the reference data and their links among each other.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import URIRef
from rdflib.term import Node

from kg.api import build_graphs
from kg.config import Config
from kg.mapping import Triple


@lru_cache(maxsize=1)
def real_graphs() -> tuple[tuple[URIRef, frozenset[Triple]], ...]:
    """The build of data/ (documents, reference data, ontology), in graph order."""
    graphs, _ = build_graphs(Config())
    return tuple((g, frozenset(t)) for g, t in sorted(graphs.items()))


def synthetic_graphs(n: int, base: str | None = None) -> dict[URIRef, set[Triple]]:
    """The shared graphs plus `n` document graphs, cycling over the real documents under new IRIs."""
    base = base or Config().base
    real = dict(real_graphs())
    documents = [g for g in real if g.startswith(base + "graph/document/")]
    shared = {g: set(t) for g, t in real.items() if g not in documents}
    fixed = {s for triples in shared.values() for s, _, _ in triples}
    minted = base + "id/"
    out = dict(shared)
    for i in range(n):
        source = documents[i % len(documents)]
        copy = i // len(documents)
        if copy == 0:
            out[source] = set(real[source])
            continue
        suffix = f"-c{copy}"

        def rename(term: Node, suffix: str = suffix) -> Node:
            if isinstance(term, URIRef) and term.startswith(minted) and term not in fixed:
                return URIRef(term + suffix)
            return term

        out[URIRef(source + suffix)] = {(rename(s), p, rename(o)) for s, p, o in real[source]}
    return out
