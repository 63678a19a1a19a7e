"""The benchmark's parts, small and fast: the corpus is real-shaped and deterministic, and the query
mix answers the same on Oxigraph (bag union of graphs) and rdflib (set union), so the engines are
compared on equal work (the entity registry graph names each entity once, so the bag and the set
agree). The benchmark itself (`make bench`) is not part of the test suite."""

import json

import pytest

from rdflib import Dataset

from bench.corpus import CorpusGenerator, corpus, registry
from bench.queries import queries
from kgapi.graph import shacl_check
from kgapi.store import EmbeddedStore

BASE = "http://bench.test/"


def test_corpus_is_deterministic_valid_and_sized():
    a = [json.dumps(x, sort_keys=True) for x in CorpusGenerator(seed=5).articles(5)]
    b = [json.dumps(x, sort_keys=True) for x in CorpusGenerator(seed=5).articles(5)]
    assert a == b
    built = list(corpus(3000, BASE))
    total = sum(len(b.graph) for _x, b in built)
    assert 3000 <= total < 3000 + 400
    for _x, b in built:
        shacl_check(b.graph, b.registry)
        assert len(b.graph) > 60
    kinds = {k for x, _b in built for k in ("roles", "deployments", "events") if x[k]}
    assert kinds == {"roles", "deployments", "events"}


@pytest.mark.filterwarnings("ignore::DeprecationWarning")
def test_query_mix_answers_alike_on_oxigraph_and_rdflib(tmp_path):
    store = EmbeddedStore(tmp_path / "s")
    ds = Dataset(default_union=True)
    built = [b for _x, b in corpus(4000, BASE)]
    reg = registry(built, BASE)
    graphs = [(b.article_iri, b.graph) for b in built] + [(reg.identifier, reg)]
    store.replace_graphs(graphs)
    for name, g in graphs:
        target = ds.graph(name)
        target.addN((s, p, o, target) for s, p, o in g)
    answered = 0
    for name, (text, _heavy) in queries(BASE).items():
        ox_rows = store.select(text)
        rdflib_rows = list(ds.query(text))
        assert len(ox_rows) == len(rdflib_rows), name
        answered += bool(ox_rows)
    assert answered >= 5   # a small corpus may lack one query's answer
    store.close()
