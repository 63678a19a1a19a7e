"""The W3C SPARQL 1.1 Protocol, Service Description and Graph Store Protocol suites, over real HTTP.

The manifests and data are the W3C's (tests/data/w3c, with their LICENSE.md
and SOURCE); the runner is ours (tests/sparql/w3c.py).
"""

from __future__ import annotations

import pytest
import requests
from rdflib import Graph, URIRef

from tests.sparql.w3c import W3C_DIR, load_dataset, load_manifest, run_case

PROTOCOL = load_manifest(W3C_DIR / "protocol" / "manifest.ttl")
GSP = (load_manifest(W3C_DIR / "graph-store-protocol" / "manifest-direct.ttl")
       + load_manifest(W3C_DIR / "graph-store-protocol" / "manifest-indirect.ttl"))
#: The protocol tests name data0.rdf as a default graph without shipping it: it is loaded empty, so that
#: the endpoint's rule "dataset IRIs must be graphs of the store" holds for it like for data1-3.
DATA0 = (None, "http://kasei.us/2009/09/sparql/data/data0.rdf")


def test_the_suites_are_all_there():
    assert len(PROTOCOL) == 34
    assert len(GSP) == 4 + 9


@pytest.mark.parametrize("case", PROTOCOL, ids=[c.name for c in PROTOCOL])
def test_protocol(case, live_server, bearer):
    load_dataset(live_server.url, bearer, [DATA0, *case.graph_data])
    run_case(case, live_server.url, rewrite={"/sparql/": "/sparql"}, auth=bearer)


@pytest.mark.parametrize("case", GSP, ids=[c.name for c in GSP])
def test_graph_store_protocol(case, live_server, bearer):
    load_dataset(live_server.url, bearer, [])
    run_case(case, live_server.url, rewrite={"/gsp": "/store"}, auth=bearer)


SD_MANIFEST = Graph().parse(W3C_DIR / "service-description" / "manifest.ttl", format="turtle")
SD_TESTS = sorted(str(t).rsplit("#", 1)[-1] for t in SD_MANIFEST.subjects(
    URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
    URIRef("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#ServiceDescriptionTest")))
SD = "http://www.w3.org/ns/sparql-service-description#"
_SD_VOCABULARY = f"""
@prefix sd: <{SD}> .
sd:UnionDefaultGraph a sd:Feature . sd:EmptyGraphs a sd:Feature . sd:BasicFederatedQuery a sd:Feature .
sd:DereferencesURIs a sd:Feature . sd:RequiresDataset a sd:Feature .
<http://www.w3.org/ns/entailment/Simple> a sd:EntailmentRegime .
"""


def _description(server, accept="text/turtle") -> tuple[requests.Response, Graph]:
    r = requests.get(server.url + "/sparql", headers={"Accept": accept}, timeout=30)
    assert r.status_code == 200, r.text
    fmt = {"text/turtle": "turtle", "application/rdf+xml": "xml", "application/ld+json": "json-ld",
           "application/n-triples": "nt"}[r.headers["Content-Type"].split(";")[0]]
    return r, Graph().parse(data=r.content, format=fmt)


@pytest.mark.parametrize("name", SD_TESTS)
def test_service_description(name, live_server, bearer):
    load_dataset(live_server.url, bearer, [(W3C_DIR / "protocol" / "data1.nt",
                                            "http://kasei.us/2009/09/sparql/data/data1.rdf")])
    if name == "returns-rdf":
        for accept in ("text/turtle", "application/rdf+xml", "application/ld+json", "application/n-triples"):
            r, g = _description(live_server, accept)
            assert r.headers["Content-Type"].startswith(accept) and len(g) > 0
    elif name == "has-endpoint-triple":
        _, g = _description(live_server)
        assert (None, URIRef(SD + "endpoint"), URIRef(live_server.url + "/sparql")) in g
    elif name == "conforms-to-schema":
        from pyshacl import validate

        from tests.helpers import DATA_DIR

        _, g = _description(live_server)
        g.parse(data=_SD_VOCABULARY, format="turtle")
        conforms, _, report = validate(g, shacl_graph=str(DATA_DIR / "sd-shapes.ttl"))
        assert conforms, report
    else:  # pragma: no cover - a new test in the manifest needs a check here
        raise AssertionError(f"no check for service description test {name}")


def test_service_description_summarises_the_dataset(live_server, bearer):
    load_dataset(live_server.url, bearer, [(W3C_DIR / "protocol" / "data1.nt",
                                            "http://kasei.us/2009/09/sparql/data/data1.rdf")])
    _, g = _description(live_server)
    rows = list(g.query("""
        PREFIX sd: <http://www.w3.org/ns/sparql-service-description#> PREFIX void: <http://rdfs.org/ns/void#>
        SELECT ?name ?n WHERE { ?s sd:defaultDataset/sd:namedGraph ?ng . ?ng sd:name ?name ;
                                   sd:graph/void:triples ?n }"""))
    assert [(str(name), int(n)) for name, n in rows] == [("http://kasei.us/2009/09/sparql/data/data1.rdf", 1)]
    features = set(g.objects(None, URIRef(SD + "feature")))
    assert URIRef(SD + "UnionDefaultGraph") in features
