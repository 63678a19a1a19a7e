"""The HTTP API over each backend (embedded, oxigraph serve, Virtuoso): ingest, then read it back
through /entities, /deployments, /sparql and the Graph Store /store, the same answers on each."""

from tests.api.corpus import ingest_all

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def _n(client, query) -> int:
    r = client.post("/sparql", data={"query": query}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.get_data(as_text=True)
    return int(r.get_json()["results"]["bindings"][0]["n"]["value"])


def test_ingest_then_read_back_over_http(any_store_app, auth):
    c = any_store_app.test_client()
    ingested = ingest_all(any_store_app)
    deployments = {d["id"]: d for x in ingested for d in x["deployments"]}
    listed = c.get("/deployments?limit=200").get_json()["items"]
    assert deployments and {d["id"] for d in listed} == set(deployments)
    for d in listed:
        assert d == deployments[d["id"]]
    nk = c.get("/deployments?sending_state=north-korea&limit=200").get_json()["items"]
    assert nk and all(d["sending_state"]["id"] == "north-korea" for d in nk)
    kim = c.get("/entities/kim-jong-un")
    assert kim.status_code == 200 and kim.get_json()["type"] == "Person"
    assert c.get("/entities/nobody-at-all").status_code == 404

    # the Graph Store: an article graph out and back in changes nothing; a new graph comes and goes
    article = ingested[0]["article"]["iri"]
    before = _n(c, COUNT)
    got = c.get("/store", query_string={"graph": article}, headers={"Accept": "application/n-triples"})
    assert got.status_code == 200 and got.data.count(b"\n") > 10
    put = c.put("/store", query_string={"graph": article}, data=got.data,
                headers={"Content-Type": "application/n-triples", **auth})
    assert put.status_code in (200, 204)
    assert _n(c, COUNT) == before
    g = "http://kg.test/graphs/extra"
    r = c.put("/store", query_string={"graph": g}, data=b"<http://kg.test/a> <http://kg.test/b> \"1\" .\n",
              headers={"Content-Type": "application/n-triples", **auth})
    assert r.status_code == 201, r.get_data(as_text=True)
    assert _n(c, f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{g}> {{ ?s ?p ?o }} }}") == 1
    assert c.delete("/store", query_string={"graph": g}, headers=auth).status_code == 204
    assert c.get("/store", query_string={"graph": g}).status_code == 404
    assert _n(c, COUNT) == before
    # /sparql: a client's syntax error is our 400 JSON error on every backend
    bad = c.post("/sparql", data={"query": "SELECT * WHERE { ?s ?p }"})
    assert bad.status_code == 400 and bad.get_json()["error"]["status"] == 400
