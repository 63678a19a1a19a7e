"""A fast first pass of the SHACL gate for the SHACL Core subset ``ontology/shapes.ttl`` uses.

pySHACL costs 50–100 ms per article graph (most of it set-up and per-node Python objects),
which alone caps ingestion near 15 articles/s. This module compiles the shapes once into
plain Python checks over a per-graph index, at well under a millisecond per article.
It only answers *does the graph conform?*; when it does not, the gate runs pySHACL on that
graph for the authoritative report, so error messages stay pySHACL's. pySHACL also stays
the reference: tests compare both on valid and mutated graphs.

Supported: targets ``sh:targetClass`` and ``sh:targetSubjectsOf``; property shapes with a
single-predicate ``sh:path``; ``sh:minCount``, ``sh:maxCount``, ``sh:datatype``,
``sh:nodeKind``, ``sh:class``, ``sh:in``, ``sh:minLength``, ``sh:maxLength``,
``sh:minInclusive``, ``sh:maxInclusive``, ``sh:or``, ``sh:xone``, ``sh:severity`` and
``sh:deactivated``. A shapes graph using anything else fails to compile, and the gate then
uses pySHACL alone (slower, never wrong).
"""

from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from typing import Callable

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.namespace import RDF, RDFS, SH, XSD

from ._store import triples_of

Check = Callable[["_Index", object], bool]  # (index, value node) → conforms?


class Unsupported(Exception):
    """The shapes use a SHACL feature this module does not implement."""


_IGNORED = {RDF.type, SH.message, SH.name, SH.description, SH.order, SH.group, RDFS.comment, RDFS.label,
            SH.severity, SH.deactivated, SH.targetClass, SH.targetSubjectsOf, SH.property, SH.path}
_NODE_KINDS = {
    SH.IRI: lambda v: isinstance(v, URIRef),
    SH.BlankNode: lambda v: isinstance(v, BNode),
    SH.Literal: lambda v: isinstance(v, Literal),
    SH.BlankNodeOrIRI: lambda v: isinstance(v, (BNode, URIRef)),
    SH.BlankNodeOrLiteral: lambda v: isinstance(v, (BNode, Literal)),
    SH.IRIOrLiteral: lambda v: isinstance(v, (URIRef, Literal)),
}


class _Index:
    """The data graphs as one (with the ontology's class hierarchy), indexed for the checks."""

    def __init__(self, graphs: tuple[Graph, ...], supers: dict, onto_types: dict):
        self._classes: dict = {}
        out: dict = {}
        for data in graphs:
            for s, p, o in triples_of(data):
                by_pred = out.get(s)
                if by_pred is None:
                    by_pred = out[s] = {}
                vals = by_pred.get(p)
                if vals is None:
                    by_pred[p] = {o}
                else:
                    vals.add(o)
        self.out = out
        self.supers = supers
        self.onto_types = onto_types
        # from the index: a pattern query would make the article graph's store build its own
        extra = [(s, o) for s, by_pred in self.out.items() for o in by_pred.get(_SUBCLASS_OF, ())]
        if extra:  # the data itself extends the class hierarchy: recompute for this graph
            self.supers = _closure(list(_pairs_of(supers)) + extra)

    def values(self, node, path) -> set:
        return self.out.get(node, _NO_VALUES_BY_PATH).get(path, _NO_VALUES)

    def classes(self, node) -> set:
        cached = self._classes.get(node)
        if cached is None:
            direct = set(self.values(node, RDF.type)) | self.onto_types.get(node, set())
            cached = set(direct)
            for c in direct:
                cached |= self.supers.get(c, set())
            self._classes[node] = cached
        return cached


def _pairs_of(supers: dict):
    for c, ss in supers.items():
        for s in ss:
            yield c, s


def _closure(pairs) -> dict:
    direct = defaultdict(set)
    for c, s in pairs:
        direct[c].add(s)
    out = {}
    for c in list(direct):
        seen, todo = set(), list(direct[c])
        while todo:
            x = todo.pop()
            if x not in seen:
                seen.add(x)
                todo.extend(direct.get(x, ()))
        out[c] = seen
    return out


_NO_VALUES: frozenset = frozenset()
_NO_VALUES_BY_PATH: dict = {}
# looked up once: each attribute access on rdflib's namespaces builds a new URIRef
_XSD_STRING, _LANG_STRING, _SUBCLASS_OF = XSD.string, RDF.langString, RDFS.subClassOf


def _is_datatype(v, dt) -> bool:
    if not isinstance(v, Literal):
        return False
    if dt == _XSD_STRING:
        ok = v.datatype in (None, _XSD_STRING) and not v.language
    elif dt == _LANG_STRING:
        ok = bool(v.language)
    else:
        ok = v.datatype == dt
    return ok and not getattr(v, "ill_typed", False)


def _compare(v, bound, op) -> bool:
    if not isinstance(v, Literal):
        return False
    try:
        return bool(op(v.toPython(), bound.toPython()))
    except TypeError:
        return False


class _Compiler:
    def __init__(self, shapes: Graph):
        self.g = shapes

    def items(self, node) -> list:
        return list(Collection(self.g, node))

    def one(self, node, p):
        vals = list(self.g.objects(node, p))
        if len(vals) > 1:
            raise Unsupported(f"{node} has several {p}")
        return vals[0] if vals else None

    def value_checks(self, shape) -> list[Check]:
        """Constraints that apply to each value node on their own."""
        g, checks = self.g, []
        for p, o in g.predicate_objects(shape):
            if p in _IGNORED or p in (SH.minCount, SH.maxCount):
                continue
            if p == SH.datatype:
                checks.append(lambda ix, v, dt=o: _is_datatype(v, dt))
            elif p == SH.nodeKind:
                if o not in _NODE_KINDS:
                    raise Unsupported(f"sh:nodeKind {o}")
                checks.append(lambda ix, v, f=_NODE_KINDS[o]: f(v))
            elif p == SH["class"]:
                checks.append(lambda ix, v, c=o: not isinstance(v, Literal) and c in ix.classes(v))
            elif p == SH["in"]:
                allowed = frozenset(self.items(o))
                checks.append(lambda ix, v, a=allowed: v in a)
            elif p == SH.minLength:
                n = int(o)
                checks.append(lambda ix, v, n=n: not isinstance(v, BNode) and len(str(v)) >= n)
            elif p == SH.maxLength:
                n = int(o)
                checks.append(lambda ix, v, n=n: not isinstance(v, BNode) and len(str(v)) <= n)
            elif p == SH.minInclusive:
                checks.append(lambda ix, v, b=o: _compare(v, b, lambda x, y: x >= y))
            elif p == SH.maxInclusive:
                checks.append(lambda ix, v, b=o: _compare(v, b, lambda x, y: x <= y))
            elif p in (SH["or"], SH.xone):
                members = [self.node_shape(m) for m in self.items(o)]
                if p == SH["or"]:
                    checks.append(lambda ix, v, ms=members: any(m(ix, v) for m in ms))
                else:
                    checks.append(lambda ix, v, ms=members: sum(1 for m in ms if m(ix, v)) == 1)
            else:
                raise Unsupported(f"constraint {p}")
        return checks

    def node_shape(self, shape) -> Check:
        """A shape applied to one node: its own constraints and its property shapes."""
        if self.one(shape, SH.path) is not None:
            raise Unsupported("a property shape used as a node shape")
        own = self.value_checks(shape)
        props = [self.property_shape(ps) for ps in self.g.objects(shape, SH.property) if self.active(ps)]

        checks = own + props

        def check(ix, v):
            for c in checks:
                if not c(ix, v):
                    return False
            return True
        return check

    def property_shape(self, ps) -> Check:
        path = self.one(ps, SH.path)
        if not isinstance(path, URIRef):
            raise Unsupported("only single-predicate paths")
        lo, hi = self.one(ps, SH.minCount), self.one(ps, SH.maxCount)
        lo = int(lo) if lo is not None else None
        hi = int(hi) if hi is not None else None
        checks = self.value_checks(ps)

        def check(ix, focus):
            vals = ix.values(focus, path)
            if lo is not None and len(vals) < lo:
                return False
            if hi is not None and len(vals) > hi:
                return False
            for v in vals:
                for c in checks:
                    if not c(ix, v):
                        return False
            return True
        return check

    def active(self, shape) -> bool:
        if self.one(shape, SH.deactivated) == Literal(True):
            return False
        severity = self.one(shape, SH.severity)
        return severity in (None, SH.Violation)  # warnings and infos do not fail the gate

    def compile(self):
        shapes = []
        for shape in set(self.g.subjects(SH.targetClass, None)) | set(self.g.subjects(SH.targetSubjectsOf, None)):
            if not self.active(shape):
                continue
            classes = list(self.g.objects(shape, SH.targetClass))
            preds = list(self.g.objects(shape, SH.targetSubjectsOf))
            shapes.append((classes, preds, self.node_shape(shape)))
        for p in (SH.targetNode, SH.targetObjectsOf, SH.target, SH.sparql, SH.closed, SH.qualifiedValueShape,
                  SH.node, SH["not"], SH["and"], SH.pattern, SH.equals, SH.disjoint, SH.lessThan, SH.hasValue,
                  SH.uniqueLang, SH.languageIn, SH.minExclusive, SH.maxExclusive):
            if next(self.g.subject_objects(p), None) is not None:
                raise Unsupported(f"{p}")
        return shapes


class FastValidator:
    """The compiled shapes; :meth:`conforms` on one article graph (and its registry entries)."""

    def __init__(self, shapes: Graph, ontology: Graph):
        self.shapes = _Compiler(shapes).compile()
        self.supers = _closure(ontology.subject_objects(RDFS.subClassOf))
        self.onto_types: dict = defaultdict(set)
        for s, o in ontology.subject_objects(RDF.type):
            self.onto_types[s].add(o)

    def conforms(self, *graphs: Graph) -> bool:
        """Does the union of ``graphs`` conform?"""
        ix = _Index(graphs, self.supers, self.onto_types)
        typed = [(node, ix.classes(node)) for node, by_pred in ix.out.items() if RDF.type in by_pred]
        for classes, preds, check in self.shapes:
            focus = {node for node, cs in typed if not cs.isdisjoint(classes)} if classes else set()
            for p in preds:
                focus.update(node for node, by_pred in ix.out.items() if by_pred.get(p))
            for node in focus:
                if not check(ix, node):
                    return False
        return True


@lru_cache(maxsize=1)
def validator() -> FastValidator | None:
    """The compiled shapes of ``ontology/shapes.ttl``, or None when they use unsupported features."""
    import logging

    from .shacl import ontology_graph, shapes_graph

    try:
        return FastValidator(shapes_graph(), ontology_graph())
    except Unsupported as exc:
        logging.getLogger(__name__).warning("SHACL fast path off (%s): pySHACL checks every graph", exc)
        return None
