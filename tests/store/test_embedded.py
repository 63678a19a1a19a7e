"""The embedded Oxigraph store through the Store interface."""

import pytest
from rdflib import Graph, Literal, URIRef

from kgapi.errors import StoreUnavailable
from kgapi.store import EmbeddedStore

G1 = URIRef("http://kg.test/articles/a")
G2 = URIRef("http://kg.test/articles/b")


def graph(n, tag="x"):
    g = Graph()
    for i in range(n):
        g.add((URIRef(f"http://kg.test/s{i}"), URIRef("http://kg.test/p"), Literal(f"{tag}{i}")))
    return g


def test_replace_graph_is_exact_and_idempotent(store):
    store.replace_graph(G1, graph(5))
    assert store.count(G1) == 5
    store.replace_graph(G1, graph(5))
    assert store.count(G1) == 5 and store.count() == 5
    store.replace_graph(G1, graph(2, "y"))
    assert store.count(G1) == 2
    assert {str(r["o"]) for r in store.select(f"SELECT ?o WHERE {{ GRAPH <{G1}> {{ ?s ?p ?o }} }}")} == {"y0", "y1"}


def test_default_graph_is_the_union(store):
    store.replace_graph(G1, graph(3))
    store.replace_graph(G2, graph(2, "z"))
    rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    assert int(rows[0]["n"]) == 5
    assert store.named_graphs() == [G1, G2]


def test_drop_graph_removes_only_that_graph(store):
    store.replace_graph(G1, graph(3))
    store.replace_graph(G2, graph(2, "z"))
    assert store.drop_graph(G1) is True
    assert store.drop_graph(G1) is False
    assert store.named_graphs() == [G2] and store.count() == 2


def test_data_survives_reopen(tmp_path):
    path = tmp_path / "s"
    s = EmbeddedStore(path)
    s.replace_graph(G1, graph(4))
    s.close()
    s2 = EmbeddedStore(path)
    assert s2.count(G1) == 4
    s2.close()


def test_second_process_gets_a_clear_error(tmp_path):
    import subprocess
    import sys

    path = tmp_path / "s"
    s = EmbeddedStore(path)
    code = ("from kgapi.store import EmbeddedStore\n"
            "from kgapi.errors import StoreUnavailable\n"
            f"try:\n    EmbeddedStore({str(path)!r})\nexcept StoreUnavailable as e:\n    print(e.message)\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    s.close()
    assert "open in another process" in out.stdout, out.stdout + out.stderr


def test_memory_store_leaves_nothing_behind():
    s = EmbeddedStore(None)
    path = s.path
    s.replace_graph(G1, graph(1))
    s.close()
    assert not path.exists()


def test_rdflib_dataset_view(store):
    store.replace_graph(G1, graph(2))
    ds = store.dataset
    assert len(ds.graph(G1)) == 2


def test_sparql_serializes_results(store):
    store.replace_graph(G1, graph(2))
    res = store.sparql("SELECT ?o WHERE { ?s ?p ?o }", result_format="json")
    assert res.kind == "solutions" and b'"x0"' in res.body
    res = store.sparql("ASK { ?s ?p ?o }", result_format="json")
    assert res.kind == "boolean" and b"true" in res.body
    res = store.sparql("CONSTRUCT WHERE { ?s ?p ?o }", result_format="ntriples")
    assert res.kind == "graph" and res.body.count(b"\n") == 2


def test_unavailable_is_a_kgapi_error():
    assert StoreUnavailable("x").status == 503
    with pytest.raises(StoreUnavailable):
        raise StoreUnavailable("down")
