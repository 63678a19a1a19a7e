"""Real SPARQL clients against a real ``kgapi serve``: SPARQLWrapper and rdflib's SPARQLStore/SPARQLUpdateStore."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.stores.sparqlstore import SPARQLStore, SPARQLUpdateStore
from SPARQLWrapper import CSV, JSON, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed

from kgapi.sparql.examples import EXAMPLES
from tests.helpers import SEED_DIR, ServerProcess

TOKEN = "client-test-token"


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    env = {"KGAPI_STORE": str(tmp_path_factory.mktemp("store") / "db"), "KGAPI_SEED": str(SEED_DIR),
           "KGAPI_TOKEN": TOKEN}
    with ServerProcess(env) as s:
        yield s


@pytest.mark.parametrize("example", EXAMPLES, ids=[e.title for e in EXAMPLES])
@pytest.mark.parametrize("fmt", [JSON, XML])
def test_sparqlwrapper_runs_the_examples(server, example, fmt):
    sw = SPARQLWrapper(server.url + "/sparql")
    sw.setQuery(example.query)
    sw.setReturnFormat(fmt)
    result = sw.query().convert()
    if fmt == JSON:
        rows = result["results"]["bindings"]
    else:
        rows = result.getElementsByTagName("result")
    assert len(rows) > 0


def test_sparqlwrapper_csv_post_and_construct(server):
    sw = SPARQLWrapper(server.url + "/sparql")
    sw.setMethod(POST)
    sw.setQuery(EXAMPLES[3].query)
    sw.setReturnFormat(CSV)
    text = sw.query().convert().decode()
    assert text.startswith("person,role,of") and "Supreme Leader" in text
    sw.setQuery("PREFIX kg: <https://w3id.org/kgapi/ns#> CONSTRUCT WHERE { ?d a kg:Deployment ; kg:start ?s }")
    sw.setReturnFormat(TURTLE)
    g = Graph().parse(data=sw.query().convert(), format="turtle")
    assert len(g) >= 4


def test_sparqlwrapper_sees_syntax_errors_as_bad_queries(server):
    sw = SPARQLWrapper(server.url + "/sparql")
    sw.setQuery("SELECT * WHERE { ?s ?p }")
    with pytest.raises(QueryBadFormed):
        sw.query()


def test_sparqlwrapper_update_with_the_token(server):
    sw = SPARQLWrapper(server.url + "/sparql", updateEndpoint=server.url + "/sparql")
    sw.addCustomHttpHeader("Authorization", f"Bearer {TOKEN}")
    sw.setMethod(POST)
    sw.setQuery('INSERT DATA { GRAPH <http://analyst.test/notes> { <http://analyst.test/n1> '
                '<http://www.w3.org/2000/01/rdf-schema#comment> "checked" } }')
    assert 200 <= sw.query().response.status < 300
    check = SPARQLWrapper(server.url + "/sparql")
    check.setQuery('ASK { <http://analyst.test/n1> ?p "checked" }')
    check.setReturnFormat(JSON)
    assert check.query().convert()["boolean"] is True


def test_rdflib_sparqlstore_runs_the_examples(server):
    g = Graph(store=SPARQLStore(server.url + "/sparql", returnFormat="json"))
    for example in EXAMPLES:
        rows = list(g.query(example.query))
        assert rows, example.title
    roles = {(str(r.person), str(r.role)) for r in g.query(EXAMPLES[3].query)}
    assert ("Kim Jong Un", "Supreme Leader") in roles


def test_rdflib_sparqlupdatestore_writes_and_reads_back(server):
    store = SPARQLUpdateStore(server.url + "/sparql", server.url + "/sparql",
                              headers={"Authorization": f"Bearer {TOKEN}"}, autocommit=True)
    graph = Graph(store=store, identifier=URIRef("http://analyst.test/rdflib"))
    s, p = URIRef("http://analyst.test/s"), URIRef("http://analyst.test/p")
    graph.add((s, p, Literal("from rdflib")))
    assert (s, p, Literal("from rdflib")) in graph
    assert len(list(graph.triples((None, p, None)))) == 1
    graph.remove((s, p, None))
    assert len(list(graph.triples((None, p, None)))) == 0
    store.close()


def test_rdflib_update_without_the_token_is_refused(server):
    from urllib.error import HTTPError

    store = SPARQLUpdateStore(server.url + "/sparql", server.url + "/sparql", autocommit=True)
    graph = Graph(store=store, identifier=URIRef("http://analyst.test/rdflib"))
    with pytest.raises(HTTPError) as err:
        graph.add((URIRef("http://analyst.test/x"), URIRef("http://analyst.test/p"), Literal(1)))
    assert err.value.code == 401
