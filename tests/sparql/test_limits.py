"""The time limit stops runaway queries (and keeps the server serving); the row cap says when it cut."""

from __future__ import annotations

import threading
import time

import pytest

from kgapi import create_app
from kgapi.errors import QueryRefused
from tests.conftest import BASE_SETTINGS, TOKEN
from tests.helpers import OxigraphServer

#: A cartesian product over the ontology graph (~300 triples): 300^4 rows to count, i.e. hours.
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
LIMIT = 2.5


def _runaway_is_stopped_while_others_are_served(client):
    outcome = {}

    def run():
        t0 = time.monotonic()
        r = client.get("/sparql", query_string={"query": RUNAWAY})
        outcome.update(status=r.status_code, body=r.get_json(), elapsed=time.monotonic() - t0,
                       done=time.monotonic())

    t = threading.Thread(target=run)
    t.start()
    time.sleep(0.3)
    # meanwhile, other requests are answered (before the runaway query's own answer)
    answered = []
    for _ in range(2):
        r = client.get("/sparql", query_string={"query": "ASK { ?s ?p ?o }"})
        assert r.status_code == 200 and r.get_json()["boolean"] is True
        assert client.get("/health").status_code == 200
        answered.append(time.monotonic())
    t.join(LIMIT + 10)
    assert all(a < outcome["done"] for a in answered), "other requests waited for the runaway query"
    assert outcome["status"] == 503, outcome
    assert outcome["body"]["error"]["code"] == "query_timeout"
    assert "time limit" in outcome["body"]["error"]["message"]
    assert LIMIT - 0.1 <= outcome["elapsed"] <= LIMIT + 1.0, outcome["elapsed"]
    # and the endpoint still works afterwards
    r = client.get("/sparql", query_string={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"})
    assert r.status_code == 200 and int(r.get_json()["results"]["bindings"][0]["n"]["value"]) > 100


@pytest.mark.settings(query_timeout=LIMIT)
def test_runaway_query_is_stopped_on_the_embedded_store(app, client):
    pool_before = app.extensions["kgapi"].store
    _runaway_is_stopped_while_others_are_served(client)
    pool = pool_before._pool
    assert pool is not None and len(pool._all) <= pool.size
    assert all(w.alive for w in pool._all)


def test_runaway_query_is_stopped_on_a_remote_store(tmp_path):
    """A server of its own: oxigraph serve goes on computing an abandoned query, so it is killed after."""
    server = OxigraphServer(tmp_path / "oxigraph").start()
    try:
        app = create_app(dict(BASE_SETTINGS, store=server.query_url, store_update=server.update_url,
                              query_timeout=LIMIT))
        try:
            _runaway_is_stopped_while_others_are_served(app.test_client())
        finally:
            app.extensions["kgapi"].store.close()
    finally:
        server.stop()


@pytest.mark.settings(query_timeout=LIMIT)
def test_writes_go_on_while_a_query_runs(app, client):
    done = threading.Event()
    threading.Thread(target=lambda: (client.get("/sparql", query_string={"query": RUNAWAY}), done.set())).start()
    time.sleep(0.3)
    r = client.post("/sparql", headers={"Authorization": f"Bearer {TOKEN}"},
                    data={"update": "INSERT DATA { GRAPH <http://kg.test/g> { <http://kg.test/s> <http://kg.test/p> 1 } }"})
    assert r.status_code == 204 and not done.is_set()
    r = client.get("/sparql", query_string={"query": "ASK { GRAPH <http://kg.test/g> { ?s ?p 1 } }"})
    assert r.get_json()["boolean"] is True  # a worker reopened the store and sees the write
    assert done.wait(LIMIT + 5)


VALUES10 = "SELECT ?x WHERE { VALUES ?x { 1 2 3 4 5 6 7 8 9 10 } }"


@pytest.mark.settings(max_rows=4)
def test_row_cap_truncates_and_says_so(any_store_client):
    c = any_store_client
    r = c.get("/sparql", query_string={"query": VALUES10})
    body = r.get_json()
    assert [b["x"]["value"] for b in body["results"]["bindings"]] == ["1", "2", "3", "4"]
    assert body["kgapi"] == {"truncated": True, "maxRows": 4}
    assert r.headers["X-Kgapi-Truncated"] == "true" and r.headers["X-Kgapi-Max-Rows"] == "4"
    for fmt, lines in (("csv", 5), ("tsv", 5)):
        r = c.get("/sparql", query_string={"query": VALUES10, "format": fmt})
        assert len(r.data.decode().strip().splitlines()) == lines and r.headers["X-Kgapi-Truncated"] == "true"
    r = c.get("/sparql", query_string={"query": VALUES10, "format": "xml"})
    assert r.data.count(b"<result>") == 4 and r.headers["X-Kgapi-Truncated"] == "true"
    r = c.get("/sparql", query_string={"query": "CONSTRUCT { <http://kg.test/s> <http://kg.test/p> ?x } "
                                                "WHERE { VALUES ?x { 1 2 3 4 5 6 7 8 9 10 } }", "format": "ntriples"})
    assert len(r.data.decode().strip().splitlines()) == 4 and r.headers["X-Kgapi-Truncated"] == "true"


@pytest.mark.settings(max_rows=4)
def test_answers_within_the_cap_are_not_flagged(any_store_client):
    c = any_store_client
    for q in (VALUES10 + " LIMIT 4", "SELECT ?x WHERE { VALUES ?x { 1 2 3 } }"):
        r = c.get("/sparql", query_string={"query": q})
        assert "X-Kgapi-Truncated" not in r.headers and "kgapi" not in r.get_json()


#: Updates see the store's own default graph (empty here); the ontology is a named graph.
RUNAWAY_UPDATE = ("INSERT { GRAPH <http://kg.test/boom> { ?a ?b ?c } } WHERE { GRAPH ?w { ?a ?b ?c } "
                  "GRAPH ?x { ?d ?e ?f } GRAPH ?y { ?g ?h ?i } GRAPH ?z { ?j ?k ?l } }")


@pytest.mark.settings(query_timeout=LIMIT)
def test_a_runaway_update_is_refused_before_it_writes(any_store_client):
    c = any_store_client
    t0 = time.monotonic()
    r = c.post("/sparql", data={"update": "PREFIX ex: <http://kg.test/>\n" + RUNAWAY_UPDATE},
               headers={"Authorization": f"Bearer {TOKEN}"})
    assert r.status_code == 503 and time.monotonic() - t0 <= LIMIT + 1.0
    e = r.get_json()["error"]
    assert e["code"] == "query_timeout" and "not run" in e["message"] and "line 2" in e["message"]
    assert c.get("/store?graph=http://kg.test/boom").status_code == 404


def test_the_update_bound_counts_each_pattern_over_its_dataset(any_store_client):
    from kgapi.sparql import preflight
    from kgapi.sparql.scan import scan_update

    c = any_store_client
    auth = {"Authorization": f"Bearer {TOKEN}"}
    c.put("/store?graph=http://kg.test/a", headers=auth, content_type="text/turtle",
          data="<http://kg.test/s> <http://kg.test/p> 1, 2, 3 .")
    text = ("PREFIX ex: <http://kg.test/>\nWITH ex:a DELETE { ?s ?p ?o } WHERE { ?s ?p ?o } ;\n"
            "DELETE WHERE { ?s ?p ?o } ;\n"
            "INSERT { GRAPH ex:b { ?s ?p ?o } } USING ex:a WHERE { ?s ?p ?o FILTER(?o > 1) }")
    queries = preflight.count_queries(scan_update(text), [], [])
    assert len(queries) == 3
    store = c.application.extensions["kgapi"].store
    counts = []
    for q, _pos in queries:
        body = store.sparql(q, union_default_graph=False, timeout=5).body
        import json

        counts.append(int(json.loads(body)["results"]["bindings"][0]["n"]["value"]))
    assert counts[0] == 3 and counts[2] == 2
    with pytest.raises(QueryRefused) as err:
        preflight.check_update_cost(scan_update(text), store, using=[], using_named=[],
                                    base_iri="http://kg.test/", timeout=5, limit=2)
    assert "matches 3 solutions, more than the 2" in err.value.message
    r = c.post("/sparql", data={"update": text}, headers=auth)
    assert r.status_code == 204
    r = c.get("/sparql", query_string={"query": "ASK { GRAPH <http://kg.test/a> { ?s ?p ?o } }"})
    assert r.get_json()["boolean"] is False
