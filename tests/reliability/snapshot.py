"""Whole-store snapshots, and the all-or-nothing check against a clean ingest.

A snapshot maps each graph name to the set of its triples, every term in
N-Triples form (blank nodes relabelled canonically), so two stores, or one
store before and after, compare exactly.
"""

from __future__ import annotations

import gc
import time
from pathlib import Path

import pyoxigraph as ox
import requests

Snapshot = dict[str, frozenset[tuple[str, str, str]]]
DEFAULT = "<default graph>"


def _collect(quads) -> Snapshot:
    graphs: dict[str, set] = {}
    for q in quads:
        name = DEFAULT if isinstance(q.graph_name, ox.DefaultGraph) else str(q.graph_name)
        graphs.setdefault(name, set()).add((str(q.subject), str(q.predicate), str(q.object)))
    return {g: _canonical(t) for g, t in graphs.items()}


def _canonical(triples: set) -> frozenset:
    """Blank nodes relabelled canonically (the ontology has some: OWL lists), so that two loads compare."""
    if not any(t.startswith("_:") for triple in triples for t in triple):
        return frozenset(triples)
    from rdflib import Graph
    from rdflib.compare import to_canonical_graph

    g = Graph().parse(data="".join(f"{s} {p} {o} .\n" for s, p, o in triples), format="nt")
    return frozenset(tuple(t.n3() for t in triple) for triple in to_canonical_graph(g))


def embedded(path: Path, *, read_only: bool = False) -> Snapshot:
    """Every quad of an on-disk store.

    Read-write (the default) opens it as a restarted kgapi would: that is the
    'store opens' check after a crash. ``read_only`` reads it beside a running
    server that holds it open, as it is at this moment.
    """
    if read_only:
        # A read-only handle can race the writer's compaction (an .sst file it listed is deleted
        # before it reads it): open it again.
        for attempt in range(5):
            try:
                return _collect(ox.Store.read_only(str(path)).quads_for_pattern(None, None, None, None))
            except (OSError, RuntimeError):
                if attempt == 4:
                    raise
                time.sleep(0.2)
    store = ox.Store(str(path))
    try:
        return _collect(store.quads_for_pattern(None, None, None, None))
    finally:
        del store
        gc.collect()


def remote(store_url: str) -> Snapshot:
    """Every quad of an ``oxigraph serve`` (its Graph Store endpoint as N-Quads)."""
    r = requests.get(store_url, headers={"Accept": "application/n-quads"}, timeout=60)
    r.raise_for_status()
    return _collect(ox.parse(r.content, format=ox.RdfFormat.N_QUADS))


def is_registry(name: str) -> bool:
    """The entity registry graph ({base}graphs/entities): not an article; it follows the articles."""
    return name.endswith("/graphs/entities>")


def registry_problems(snap: Snapshot) -> list[str]:
    """The registry must be exactly what the article graphs in the snapshot make (their mention records)."""
    from rdflib import Graph

    from kgapi.graph.registry import registry_of

    def graph(triples) -> Graph:
        return Graph().parse(data="".join(f"{s} {p} {o} .\n" for s, p, o in triples), format="nt")

    articles = [graph(t) for g, t in snap.items() if "/articles/" in g]
    want = {tuple(x.n3() for x in t) for t in registry_of(articles)}
    have = next((set(t) for g, t in snap.items() if is_registry(g)), set())
    if have == want:
        return []
    return [f"entity registry out of step with the articles: {len(want - have)} missing, "
            f"{len(have - want)} extra, e.g. {sorted(want ^ have)[:3]}"]


def whole_or_absent(snap: Snapshot, reference: Snapshot) -> tuple[set[str], list[str]]:
    """(graphs that are complete, problems). Every graph must be in the reference and equal to it; the
    entity registry, which changes with every article, must be in step with the articles there are."""
    complete, problems = set(), registry_problems(snap)
    for g, triples in snap.items():
        if is_registry(g):
            continue
        want = reference.get(g)
        if want is None:
            problems.append(f"{g}: a graph a clean ingest does not make ({len(triples)} triples)")
        elif triples != want:
            problems.append(f"{g}: partial or different: {len(triples)} triples, a clean ingest has {len(want)} "
                            f"({len(want - triples)} missing, {len(triples - want)} extra)")
        else:
            complete.add(g)
    return complete, problems
