"""The store article graphs are built in answers like rdflib's own, before and after its lazy indexes exist."""

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kgapi.graph import build
from kgapi.graph._store import ArticleStore
from tests.graph.test_build import MINTER, extraction

A, B, P = URIRef("http://kg.test/a"), URIRef("http://kg.test/b"), URIRef("http://kg.test/p")


def _pair():
    fast, ref = Graph(store=ArticleStore()), Graph()
    for g in (fast, ref):
        g.add((A, P, Literal("x")))
        g.add((A, P, Literal("x")))  # a duplicate is one triple
        g.add((A, P, B))
        g.add((B, RDF.type, RDFS.Class))
        g.add((A, P, Literal("1", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer"))))
    return fast, ref


def test_reads_match_rdflib():
    fast, ref = _pair()
    assert len(fast) == len(ref) == 4
    assert set(fast) == set(ref)
    assert set(fast.objects(A, P)) == set(ref.objects(A, P))
    assert fast.value(B, RDF.type) == RDFS.Class
    assert (A, P, B) in fast and (B, P, A) not in fast
    # adds after the indexes were built are seen by both kinds of read
    fast.add((B, P, Literal("late")))
    assert (B, P, Literal("late")) in fast and (B, P, Literal("late")) in set(fast) and len(fast) == 5


def test_removes_match_rdflib():
    fast, ref = _pair()
    for g in (fast, ref):
        g.remove((A, P, None))
        g.set((B, RDF.type, RDFS.Resource))
    assert set(fast) == set(ref) == {(B, RDF.type, RDFS.Resource)}
    assert len(fast) == 1


def test_built_graph_equals_its_copy_in_rdflib_default_store():
    built = build(extraction(), MINTER)
    assert isinstance(built.graph.store, ArticleStore)
    copy = Graph()
    copy += built.graph
    assert set(copy) == set(built.graph) and len(copy) == len(built.graph) == built.result["triples"]
    assert sorted(built.graph.serialize(format="nt").splitlines()) == sorted(copy.serialize(format="nt").splitlines())
