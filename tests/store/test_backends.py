"""The Store interface, the same on both backends: embedded Oxigraph and a remote oxigraph server."""

import pytest
from rdflib import Graph, Literal, URIRef

from kgapi.errors import KgapiError

G1 = URIRef("http://kg.test/articles/a")
G2 = URIRef("http://kg.test/articles/b")


def graph(n, tag="x"):
    g = Graph()
    for i in range(n):
        g.add((URIRef(f"http://kg.test/s{i}"), URIRef("http://kg.test/p"), Literal(f"{tag}{i}")))
    return g


def test_replace_graph_is_exact_and_idempotent(any_store):
    s = any_store
    s.replace_graph(G1, graph(5))
    s.replace_graph(G1, graph(5))
    assert s.count(G1) == 5 and s.count() == 5
    s.replace_graph(G1, graph(2, "y"))
    rows = s.select(f"SELECT ?o WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")
    assert {str(r["o"]) for r in rows} == {"y0", "y1"}


def test_batched_replace_and_union_default_graph(any_store):
    s = any_store
    s.replace_graphs([(G1, graph(3)), (G2, graph(2, "z"))])
    assert s.named_graphs() == [G1, G2]
    assert int(s.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]) == 5
    assert s.has_graph(G1) and not s.has_graph(URIRef("http://kg.test/articles/none"))
    assert s.ask("ASK { ?s ?p \"z1\" }")
    assert len(s.construct("CONSTRUCT WHERE { ?s ?p ?o }")) == 5


def test_drop_graph(any_store):
    s = any_store
    s.replace_graphs([(G1, graph(3)), (G2, graph(2, "z"))])
    assert s.drop_graph(G1) is True
    assert s.drop_graph(G1) is False
    assert s.named_graphs() == [G2] and s.count() == 2


def test_terms_round_trip(any_store):
    g = Graph()
    s_ = URIRef("http://kg.test/s")
    values = [Literal("plain"), Literal("Kursk", lang="ru"), Literal(11000), Literal("2024-10", datatype=URIRef(
        "http://www.w3.org/2001/XMLSchema#gYearMonth")), Literal('quote " and \\ and\nnewline'),
        Literal("ünïcödé ✓")]
    for i, v in enumerate(values):
        g.add((s_, URIRef(f"http://kg.test/p{i}"), v))
    any_store.replace_graph(G1, g)
    rows = any_store.select("SELECT ?p ?o WHERE { ?s ?p ?o }")
    assert {r["o"] for r in rows} == set(values)


@pytest.mark.parametrize("fmt,needle", [("json", b'"x0"'), ("xml", b"x0"), ("csv", b"x0"), ("tsv", b'"x0"')])
def test_sparql_result_formats(any_store, fmt, needle):
    any_store.replace_graph(G1, graph(2))
    res = any_store.sparql("SELECT ?o WHERE { ?s ?p ?o }", result_format=fmt)
    assert res.kind == "solutions" and needle in res.body


def test_sparql_ask_and_construct(any_store):
    any_store.replace_graph(G1, graph(2))
    res = any_store.sparql("ASK { ?s ?p ?o }", result_format="json")
    assert res.kind == "boolean" and b"true" in res.body
    res = any_store.sparql("CONSTRUCT WHERE { ?s ?p ?o }", result_format="ntriples")
    assert res.kind == "graph" and res.body.count(b"\n") == 2
    res = any_store.sparql("CONSTRUCT WHERE { ?s ?p ?o }", result_format="turtle")
    assert res.kind == "graph" and len(Graph().parse(data=res.body, format="turtle")) == 2


def test_syntax_errors_are_client_errors(any_store):
    with pytest.raises((SyntaxError, KgapiError)) as exc:
        any_store.sparql("SELECT * WHERE { ?s ?p }")
    if isinstance(exc.value, KgapiError):
        assert exc.value.status == 400


def test_update(any_store):
    any_store.update(f"INSERT DATA {{ GRAPH <{G1}> {{ <http://kg.test/a> <http://kg.test/b> 1 }} }}")
    assert any_store.count(G1) == 1
    assert any_store.health()["store"] == any_store.kind
