"""The fast N-Triples writer gives rdflib's text exactly; the one-pass registry contribution
gives what pattern lookups give."""

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from bench.corpus import CorpusGenerator
from kgapi.graph import Minter, build
from kgapi.graph._store import ArticleStore
from kgapi.graph.ntriples import ntriples
from kgapi.graph.registry import add_mention, contribution
from kgapi.graph.terms import KG
from tests.graph.test_build import extraction

MINTER = Minter("http://kg.test/")


def built(n=6):
    gen = CorpusGenerator(seed=11)
    return [build(gen.article(i), MINTER) for i in range(1, n + 1)] + [build(extraction(), MINTER)]


def test_built_graphs_serialize_as_rdflib_does():
    for b in built():
        for g in (b.graph, b.registry):
            assert len(g) and ntriples(g) == g.serialize(format="nt")


@pytest.mark.parametrize("store", [ArticleStore, None])
def test_odd_terms_serialize_as_rdflib_does(store):
    g = Graph(store=store()) if store else Graph()
    s, p = URIRef("http://kg.test/s"), URIRef("http://kg.test/p")
    for lit in [Literal('say "hi"\\ back\nslash\r\n\ttab'), Literal("Ünïcödé ✓ 𝄞"), Literal("x", lang="en-GB"),
                Literal("2024", datatype=XSD.gYear), Literal(3), Literal(True), Literal(""),
                Literal("1", datatype=XSD.string), Literal("x", lang="EN")]:
        g.add((s, p, lit))
    g.add((s, p, BNode("b1")))
    g.add((BNode("b2"), p, URIRef("http://kg.test/o?q=1#f")))
    assert ntriples(g) == g.serialize(format="nt")


def test_a_bad_iri_is_refused_as_rdflib_refuses_it():
    g = Graph(store=ArticleStore())
    g.add((URIRef("http://kg.test/a b"), RDF.type, RDFS.Class))
    with pytest.raises(Exception, match="does not look like a valid URI"):
        g.serialize(format="nt")
    with pytest.raises(Exception, match="does not look like a valid URI"):
        ntriples(g)


def reference_contribution(article_graph: Graph) -> Graph:
    """The registry entries by rdflib pattern lookups (what contribution() did before it went one-pass)."""
    out = Graph()
    for m in article_graph.subjects(RDF.type, KG.Mention):
        node, label, cls = (article_graph.value(m, p) for p in (KG.mentionOf, KG.label, KG.entityType))
        if node is None or label is None or cls is None:
            continue
        out.add((node, RDF.type, cls))
        out.add((node, RDFS.label, label))
        for form in article_graph.objects(m, KG.surfaceForm):
            if form != label:
                out.add((node, SKOS.altLabel, form))
    return out


def test_contribution_matches_pattern_lookups():
    for b in built():
        assert set(contribution(b.graph)) == set(reference_contribution(b.graph))
        assert len(b.registry) and set(b.registry) == set(reference_contribution(b.graph))


@pytest.mark.parametrize("store", [ArticleStore, None])
def test_contribution_of_odd_records(store):
    g = Graph(store=store()) if store else Graph()
    a, e = URIRef("http://kg.test/articles/a"), URIRef("http://kg.test/entities/e")
    add_mention(g, a, e, "e", "Eve", KG.Person, ["E.", "Eve"])
    broken = URIRef("http://kg.test/articles/a#mention-broken")  # no label: no entry
    g.add((broken, RDF.type, KG.Mention))
    g.add((broken, KG.mentionOf, URIRef("http://kg.test/entities/x")))
    g.add((broken, KG.entityType, KG.State))
    not_a_mention = URIRef("http://kg.test/articles/a#other")  # mention-like properties, no kg:Mention type
    g.add((not_a_mention, RDF.type, KG.Claim))
    g.add((not_a_mention, KG.mentionOf, e))
    g.add((not_a_mention, KG.label, Literal("Nope")))
    g.add((not_a_mention, KG.entityType, KG.Place))
    got = contribution(g)
    assert set(got) == set(reference_contribution(g)) == {
        (e, RDF.type, KG.Person), (e, RDFS.label, Literal("Eve")), (e, SKOS.altLabel, Literal("E."))}
