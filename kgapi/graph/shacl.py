"""The SHACL gate: an article graph that breaks ``ontology/shapes.ttl`` is never written.

An article graph is checked together with the registry entries it brings
(:attr:`kgapi.graph.Built.registry`): its entities' types live there.
"""

from __future__ import annotations

from functools import lru_cache

from rdflib import Graph
from rdflib.namespace import RDF, SH

from ..errors import ValidationFailed
from .terms import ONTOLOGY_FILE, SHAPES_FILE


@lru_cache(maxsize=1)
def shapes_graph() -> Graph:
    return Graph().parse(SHAPES_FILE, format="turtle")


@lru_cache(maxsize=1)
def ontology_graph() -> Graph:
    return Graph().parse(ONTOLOGY_FILE, format="turtle")


def violations(data: Graph, *, inplace: bool = False) -> list[dict]:
    """Every violation of the shapes in ``data`` as {focus, path, message}; [] when it conforms.

    ``inplace`` lets pySHACL mix the ontology into ``data`` itself instead of a copy.
    """
    import pyshacl

    if not data.store.context_aware:  # pySHACL needs one (built graphs use rdflib's SimpleMemory store)
        copy = Graph(identifier=data.identifier)
        copy += data
        data = copy
    conforms, report, _text = pyshacl.validate(
        data, shacl_graph=shapes_graph(), ont_graph=ontology_graph(), inplace=inplace,
        inference="none", abort_on_first=False, allow_warnings=True, meta_shacl=False,
    )
    if conforms:
        return []
    out = []
    for result in report.subjects(RDF.type, SH.ValidationResult):
        if report.value(result, SH.resultSeverity) != SH.Violation:
            continue
        path = report.value(result, SH.resultPath)
        out.append({
            "focus": str(report.value(result, SH.focusNode)),
            "path": str(path) if path is not None else None,
            "message": str(report.value(result, SH.resultMessage) or "shape violated"),
        })
    return sorted(out, key=lambda v: (v["focus"], v["path"] or "", v["message"]))


def union(graphs) -> Graph:
    """One graph holding the triples of ``graphs`` (a graph or a sequence of them)."""
    if isinstance(graphs, Graph):
        return graphs
    graphs = list(graphs)
    if len(graphs) == 1:
        return graphs[0]
    out = Graph(identifier=graphs[0].identifier)
    for g in graphs:
        out += g
    return out


def _with_registry(graphs: tuple) -> tuple:
    """An article graph alone is checked with the registry entries its mention records bring."""
    if len(graphs) == 1:
        from .registry import contribution

        entries = contribution(graphs[0])
        if len(entries):
            return (graphs[0], entries)
    return graphs


def check(*graphs: Graph) -> None:
    """Raise :class:`ValidationFailed` (422) listing the violations of the union of ``graphs``, if any.

    Call it with an article graph (its registry entries are derived from its
    mention records) or with the article graph and its entries. The compiled
    fast path (:mod:`.fastshacl`) clears conforming graphs; pySHACL checks the
    rest and writes the report.
    """
    from .fastshacl import validator

    graphs = _with_registry(graphs)
    fast = validator()
    if fast is not None and fast.conforms(*graphs):
        return
    found = violations(union(graphs))
    if found:
        first = found[0]
        raise ValidationFailed(
            f"the article graph breaks {len(found)} SHACL constraint(s); first: {first['message']} "
            f"({first['focus']})",
            details={"violations": found[:50]},
        )


def check_many(graphs: list) -> list[ValidationFailed | None]:
    """:func:`check` for many article graphs at once: one error or None per graph.

    Each item is a graph or a tuple of graphs (an article graph and its registry entries).

    With the compiled fast path each graph is checked on its own. Without it,
    pySHACL's cost per call is high (~50 ms for one article, most of it set-up),
    so the union of the graphs is validated in one call. Each article graph is
    self-contained (its claims, facts and figures have IRIs minted from the
    article id, and its registry entries type and label every entity it points to), so the union
    conforms exactly when every graph does, except that shared entities may pick
    up conflicting labels or types across articles: a failing union is split in
    halves until each failure is pinned to its own graph, which is validated alone.
    """
    from .fastshacl import validator

    if not graphs:
        return []
    if validator() is not None:  # the fast path is per graph already: no union needed
        out: list[ValidationFailed | None] = []
        for g in graphs:
            try:
                check(*((g,) if isinstance(g, Graph) else g))
                out.append(None)
            except ValidationFailed as exc:
                out.append(exc)
        return out
    if len(graphs) == 1:
        try:
            check(*((graphs[0],) if isinstance(graphs[0], Graph) else graphs[0]))
            return [None]
        except ValidationFailed as exc:
            return [exc]
    together = Graph()
    for item in graphs:
        for g in _with_registry((item,) if isinstance(item, Graph) else tuple(item)):
            together.addN((s, p, o, together) for s, p, o in g)
    if not violations(together, inplace=True):
        return [None] * len(graphs)
    half = len(graphs) // 2
    return check_many(graphs[:half]) + check_many(graphs[half:])
