"""Nothing in a query or update reaches the network or the file system, on both backends.

A local listener stands in for "the network": every request below names it
(SERVICE, LOAD, FROM, FROM NAMED, USING, USING NAMED, WITH, the protocol's
dataset parameters, JSON-LD contexts, XML entities) and it must receive
nothing, while each request is answered 400 with the reason.
"""

from __future__ import annotations

import socket
import threading
from pathlib import Path

import pytest

from tests.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}


class Listener:
    """A TCP listener on loopback that records every connection made to it."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.hits: list[bytes] = []
        self._stop = False
        self.thread = threading.Thread(target=self._serve, daemon=True)
        self.thread.start()

    def _serve(self):
        while not self._stop:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            conn.settimeout(1)
            try:
                self.hits.append(conn.recv(4096) or b"(connected)")
            except OSError:
                self.hits.append(b"(connected)")
            finally:
                conn.close()

    def close(self):
        self._stop = True
        self.thread.join(2)
        self.sock.close()


@pytest.fixture
def listener():
    lst = Listener()
    yield lst
    lst.close()


@pytest.fixture
def secret_file(tmp_path) -> Path:
    """A Turtle file on this machine that no query may read."""
    p = tmp_path / "secret.ttl"
    p.write_text("<http://secret.test/s> <http://secret.test/p> \"SECRET-7f3a\" .\n")
    return p


def _query(client, text, **params):
    return client.post("/sparql", data={"query": text, **params})


def _update(client, text, **params):
    return client.post("/sparql", data={"update": text, **params}, headers=AUTH)


def _refused(r, *words):
    assert r.status_code == 400, (r.status_code, r.data[:300])
    error = r.get_json()["error"]
    assert error["code"] == "query_refused", error
    for w in words:
        assert w.lower() in error["message"].lower(), error["message"]
    return error


def test_service_is_refused_before_execution(any_store_client, listener):
    c = any_store_client
    for q in (f"SELECT * WHERE {{ SERVICE <{listener.url}/sparql> {{ ?s ?p ?o }} }}",
              f"SELECT * WHERE {{ SERVICE SILENT <{listener.url}/sparql> {{ ?s ?p ?o }} }}",
              f"select * where {{ service <{listener.url}/sparql> {{ ?s ?p ?o }} }}",
              f"PREFIX ex: <{listener.url}/> SELECT * WHERE {{ SERVICE ex:sparql {{ ?s ?p ?o }} }}",
              f"SELECT * WHERE {{ SERVICE # a comment\n <{listener.url}/sparql> {{ ?s ?p ?o }} }}",
              f"SELECT * WHERE {{ BIND(<{listener.url}/sparql> AS ?x) SERVICE ?x {{ ?s ?p ?o }} }}",
              f"ASK {{ {{ SELECT * WHERE {{ SERVICE <{listener.url}/> {{ ?s ?p ?o }} }} }} }}"):
        _refused(_query(c, q), "SERVICE")
    _refused(_update(c, f"INSERT {{ ?s ?p ?o }} WHERE {{ SERVICE <{listener.url}/> {{ ?s ?p ?o }} }}"), "SERVICE")
    assert listener.hits == []


def test_load_is_refused_for_urls_and_files(any_store_client, listener, secret_file):
    c = any_store_client
    for target in (f"{listener.url}/data.ttl", secret_file.as_uri()):
        _refused(_update(c, f"LOAD <{target}>"), "LOAD")
        _refused(_update(c, f"LOAD SILENT <{target}> INTO GRAPH <http://kg.test/g>"), "LOAD")
        _refused(_update(c, f"CLEAR SILENT GRAPH <http://kg.test/x> ; load <{target}>"), "LOAD")
    assert listener.hits == []
    r = _query(c, 'SELECT * WHERE { ?s ?p "SECRET-7f3a" }')
    assert r.status_code == 200 and r.get_json()["results"]["bindings"] == []


def test_dataset_iris_must_be_graphs_of_the_store(any_store_client, listener, secret_file):
    c = any_store_client
    elsewhere = (f"{listener.url}/graph", secret_file.as_uri())
    for g in elsewhere:
        _refused(_query(c, f"SELECT * FROM <{g}> WHERE {{ ?s ?p ?o }}"), "FROM", g)
        _refused(_query(c, f"SELECT * FROM NAMED <{g}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"), "FROM NAMED")
        _refused(_query(c, "ASK {}", **{"default-graph-uri": g}), "default-graph-uri")
        _refused(_query(c, "ASK {}", **{"named-graph-uri": g}), "named-graph-uri")
        _refused(_update(c, f"INSERT {{ GRAPH <http://kg.test/x> {{ ?s ?p ?o }} }} USING <{g}> WHERE {{ ?s ?p ?o }}"),
                 "USING")
        _refused(_update(c, f"INSERT {{ GRAPH <http://kg.test/x> {{ ?s ?p ?o }} }} USING NAMED <{g}> "
                            f"WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"), "USING NAMED")
        _refused(_update(c, f"WITH <{g}> DELETE {{ ?s ?p ?o }} WHERE {{ ?s ?p ?o }}"), "WITH")
        _refused(_update(c, "DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", **{"using-graph-uri": g}), "using-graph-uri")
    # prefixed names and relative IRIs are resolved before the check
    _refused(_query(c, f"PREFIX ex: <{listener.url}/> SELECT * FROM ex:g WHERE {{ ?s ?p ?o }}"), f"{listener.url}/g")
    _refused(_query(c, f"BASE <{listener.url}/> SELECT * FROM <g> WHERE {{ ?s ?p ?o }}"), f"{listener.url}/g")
    assert listener.hits == []


def test_graphs_of_the_store_are_allowed_in_dataset_clauses(any_store_client):
    c = any_store_client
    r = c.put("/store", query_string={"graph": "http://kg.test/g1"}, headers=AUTH,
              data="<http://kg.test/s> <http://kg.test/p> 1 .", content_type="text/turtle")
    assert r.status_code == 201
    r = _query(c, "SELECT ?o FROM <http://kg.test/g1> WHERE { ?s ?p ?o }")
    assert r.status_code == 200 and r.get_json()["results"]["bindings"][0]["o"]["value"] == "1"
    r = _query(c, "SELECT ?o WHERE { ?s ?p ?o }", **{"default-graph-uri": "http://kg.test/g1"})
    assert [b["o"]["value"] for b in r.get_json()["results"]["bindings"]] == ["1"]
    # a graph the same update writes first counts as a graph of the store
    r = _update(c, "INSERT DATA { GRAPH <http://kg.test/new> { <http://kg.test/a> <http://kg.test/p> 2 } } ;"
                   "INSERT { GRAPH <http://kg.test/copy> { ?s ?p ?o } } USING <http://kg.test/new> WHERE { ?s ?p ?o }")
    assert r.status_code == 204, r.data
    r = _query(c, "ASK { GRAPH <http://kg.test/copy> { <http://kg.test/a> <http://kg.test/p> 2 } }")
    assert r.get_json()["boolean"] is True


def test_keywords_inside_strings_iris_and_names_are_not_refused(any_store_client):
    c = any_store_client
    for q in ('SELECT * WHERE { ?s ?p "SERVICE <http://example.org/> { }" }',
              "SELECT ?service ?load WHERE { ?service ?load ?from }",
              "PREFIX service: <http://example.org/> SELECT * WHERE { ?s service:load ?o }",
              "# SERVICE <http://example.org/>\nASK {}",
              "SELECT * WHERE { ?s <http://example.org/SERVICE> ?o }"):
        r = _query(c, q)
        assert r.status_code == 200, (q, r.data[:300])


def test_uploads_fetch_nothing(any_store_client, listener, secret_file):
    c = any_store_client
    xxe = (f'<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY x SYSTEM "{listener.url}/x"> '
           f'<!ENTITY f SYSTEM "{secret_file.as_uri()}">]>\n'
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.test/">'
           '<rdf:Description rdf:about="http://ex.test/s"><ex:p>&x;&f;</ex:p></rdf:Description></rdf:RDF>')
    r = c.put("/store?graph=http://kg.test/x", data=xxe, content_type="application/rdf+xml", headers=AUTH)
    assert r.status_code == 400 and "DOCTYPE" in r.get_json()["error"]["message"]
    ld = '{"@context": "%s/context.jsonld", "@id": "http://ex.test/s", "p": "v"}' % listener.url
    r = c.put("/store?graph=http://kg.test/x", data=ld, content_type="application/ld+json", headers=AUTH)
    assert r.status_code == 400 and "context" in r.get_json()["error"]["message"]
    assert listener.hits == []
    assert c.get("/store?graph=http://kg.test/x").status_code == 404


def test_billion_laughs_is_refused_quickly(any_store_client):
    import time

    lol = ['<!ENTITY lol "lol">'] + [f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
                                     for i in range(1, 10)]
    doc = (f'<?xml version="1.0"?>\n<!DOCTYPE lolz [{"".join(lol)}]>\n'
           '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://ex.test/">'
           '<rdf:Description rdf:about="http://ex.test/s"><ex:p>&lol9;</ex:p></rdf:Description></rdf:RDF>')
    t0 = time.monotonic()
    r = any_store_client.post("/store?graph=http://kg.test/x", data=doc, content_type="application/rdf+xml",
                              headers=AUTH)
    assert r.status_code == 400 and time.monotonic() - t0 < 2


def test_escapes_and_engine_only_syntax_do_not_hide_a_service(any_store_client, listener):
    """Cases where a scanner and an engine could disagree on what is a string or a keyword."""
    c = any_store_client
    u = listener.url
    harmless = ('SELECT * WHERE { ?s ?p "abc\\u0022 } SERVICE <%s/> { ?a ?b ?c } #" }' % u,
                "SELECT * WHERE { ?s ?p 'abc\\u0027 } SERVICE <%s/> { ?a ?b ?c } #' }" % u,
                'SELECT * WHERE { ?s ?p """ " } SERVICE <%s/> { ?a ?b ?c } """ }' % u,
                "SELECT * WHERE { ?s ?p ?o } #\\n SERVICE <%s/> { }" % u)  # an escaped newline in a comment
    for q in harmless:  # the SERVICE is inside a string for the engine too: it runs, reaching nothing
        r = _query(c, q)
        assert r.status_code == 200, (q, r.data[:300])
    assert _query(c, "SELECT * WHERE { \\u0053ERVICE <%s/> { ?a ?b ?c } }" % u).status_code == 400
    # RDF-star / SPARQL 1.2 syntax only Oxigraph reads: still scanned
    _refused(_query(c, "SELECT * WHERE { << ?s ?p ?o >> ?q ?r . SERVICE <%s/> { ?a ?b ?c } }" % u), "SERVICE")
    _refused(_query(c, "SELECT * FROM <%s/g> WHERE { << ?s ?p ?o >> ?q ?r }" % u), "FROM")
    assert listener.hits == []
