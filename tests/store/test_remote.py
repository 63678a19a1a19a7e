"""The remote store's own behaviour: dialects, the store going away and coming back, deadlines."""

import http.server
import threading
import time

import pytest
import requests
from rdflib import URIRef

from kgapi import create_app
from kgapi.errors import QueryTimeout, StoreUnavailable
from kgapi.store.remote import DIALECTS, RemoteStore, detect_dialect
from tests.conftest import BASE_SETTINGS
from tests.helpers import SEED_DIR, OxigraphServer, free_port


@pytest.mark.parametrize("header,name", [("Oxigraph/0.5.13", "oxigraph"), ("Apache Jena Fuseki (5.1.0)", "fuseki"),
                                         ("Virtuoso/07.20.3238 (Linux)", "virtuoso"), ("GraphDB/10.6", "graphdb"),
                                         ("nginx", "generic"), ("", "generic")])
def test_dialect_from_server_header(header, name):
    assert detect_dialect(header).name == name


def test_dialect_is_detected_and_passes_union_and_timeouts(remote_store):
    assert remote_store.dialect.name == "oxigraph"
    params = dict(remote_store._query_params("ASK {}"))
    assert "union-default-graph" in params
    fuseki = RemoteStore("http://127.0.0.1:1/q", dialect="fuseki")
    params = fuseki._query_params("ASK {}", timeout=2.5)
    assert ("default-graph-uri", "urn:x-arq:UnionGraph") in params and ("timeout", "2.5") in params
    virtuoso = RemoteStore("http://127.0.0.1:1/q", dialect="virtuoso")
    assert ("timeout", "2500") in virtuoso._query_params("ASK {}", timeout=2.5)
    # a client's own dataset replaces the union
    params = fuseki._query_params("ASK {}", default_graph_uris=["http://g/1"])
    assert params.count(("default-graph-uri", "http://g/1")) == 1 and len(params) == 2
    assert set(DIALECTS) >= {"oxigraph", "fuseki", "virtuoso", "graphdb", "generic"}


def test_nobody_listening_is_store_unavailable():
    s = RemoteStore(f"http://127.0.0.1:{free_port()}/query", timeout=1)
    with pytest.raises(StoreUnavailable) as exc:
        s.health()
    assert "does not answer" in exc.value.message and "connection refused" in exc.value.message
    assert exc.value.status == 503


class _Dribble(http.server.BaseHTTPRequestHandler):
    """A 'SPARQL server' that answers one byte per 0.2 s: each read is quick, the whole answer is not."""

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Server", "Oxigraph/test")
        self.end_headers()
        try:
            for _ in range(100):
                self.wfile.write(b" ")
                self.wfile.flush()
                time.sleep(0.2)
        except (BrokenPipeError, ConnectionResetError):
            pass

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Server", "Oxigraph/test")
        body = b'{"head":{},"boolean":true}'
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


def test_time_limit_is_enforced_client_side():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Dribble)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        s = RemoteStore(f"http://127.0.0.1:{server.server_port}/query", timeout=1.0)
        t0 = time.monotonic()
        with pytest.raises(QueryTimeout):
            s.sparql("SELECT * WHERE { ?s ?p ?o }")
        assert time.monotonic() - t0 < 1.0 + 1.0 + 0.5   # limit + 1 s, plus scheduling slack
    finally:
        server.shutdown()
        server.server_close()


def test_api_gives_503_while_the_store_is_down_and_recovers(tmp_path):
    ox_server = OxigraphServer(tmp_path / "ox").start()
    try:
        app = create_app(dict(BASE_SETTINGS, store=ox_server.query_url, seed=str(SEED_DIR)))
        client = app.test_client()
        ok = client.get("/health")
        assert ok.status_code == 200 and ok.get_json()["articles"] == 1
        ox_server.stop()
        for path in ("/health", "/entities/russia", "/sparql?query=ASK%7B%7D"):
            r = client.get(path)
            assert r.status_code == 503, (path, r.status_code)
            err = r.get_json()["error"]
            assert err["code"] == "store_unavailable" and "does not answer" in err["message"]
        ox_server.start()   # same port, same data directory
        r = client.get("/health")
        assert r.status_code == 200 and r.get_json()["articles"] == 1
        app.extensions["kgapi"].store.close()
    finally:
        ox_server.stop()


def test_api_starts_before_its_store(tmp_path):
    port = free_port()
    app = create_app(dict(BASE_SETTINGS, store=f"http://127.0.0.1:{port}/query"))
    client = app.test_client()
    assert client.get("/health").status_code == 503
    with OxigraphServer(tmp_path / "ox", port=port):
        assert client.get("/health").status_code == 200
    app.extensions["kgapi"].store.close()


def test_wrong_credentials_are_named():
    class Deny(http.server.BaseHTTPRequestHandler):
        def do_POST(self):
            self.send_response(401)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST

        def log_message(self, *a):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Deny)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        s = RemoteStore(f"http://127.0.0.1:{server.server_port}/q", user="u", password="p", dialect="generic")
        with pytest.raises(StoreUnavailable) as exc:
            s.select("SELECT * WHERE { ?s ?p ?o }")
        assert "credentials" in exc.value.message
    finally:
        server.shutdown()
        server.server_close()


def test_remote_store_shared_by_two_api_processes(remote):
    """The stateless API: two apps on one store see each other's writes at once."""
    cfg = dict(BASE_SETTINGS, store=remote.query_url, store_update=remote.update_url)
    a, b = create_app(cfg), create_app(cfg)
    from tests.graph.test_build import extraction

    st = a.extensions["kgapi"]
    st.pipeline.write(st.pipeline.build(extraction()))
    assert b.test_client().get("/entities/kim-jong-un").status_code == 200
    assert requests.get(remote.query_url, params={"query": "ASK { GRAPH ?g { ?s ?p ?o } }"},
                        headers={"Accept": "application/sparql-results+json"}, timeout=10).json()["boolean"]


class _Stall(http.server.BaseHTTPRequestHandler):
    """Reads the request, then says nothing for a long time."""

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        time.sleep(6)

    def log_message(self, *args):
        pass


def test_client_update_waits_no_longer_than_its_limit():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Stall)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        s = RemoteStore(f"http://127.0.0.1:{server.server_port}/update", dialect="generic")
        t0 = time.monotonic()
        with pytest.raises(QueryTimeout):
            s.sparql_update("INSERT DATA { <http://a> <http://b> 1 }", timeout=1.0)
        assert time.monotonic() - t0 < 1.0 + 1.0 + 0.5
    finally:
        server.shutdown()
        server.server_close()


# -- Virtuoso 7 (a real server, see conftest.virtuoso_server) ----------------------------------------

def test_virtuoso_is_detected_over_digest_auth_and_hides_its_own_graphs(virtuoso_store):
    s = virtuoso_store
    assert s.dialect.name == "virtuoso"
    assert s._session.auth.scheme == "digest"      # /sparql-auth asked for Digest, kgapi answered
    assert s.named_graphs() == [] and s.count() == 0   # virtrdf#, ldp#, … are private to dba
    assert int(s.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")[0]["n"]) == 0


def test_virtuoso_client_errors_are_400s(virtuoso_store):
    from kgapi.errors import BadRequest, QuerySyntaxError

    with pytest.raises(QuerySyntaxError) as exc:
        virtuoso_store.sparql("SELECT * WHERE { ?s ?p }")
    assert exc.value.status == 400
    with pytest.raises(BadRequest) as exc:   # Virtuoso answers HTTP 500 for this one
        virtuoso_store.sparql_update("DROP GRAPH <http://kg.test/none>")
    assert exc.value.status == 400


def test_virtuoso_runs_the_operations_of_one_update_one_by_one(virtuoso_store):
    """Documented difference: a later operation failing does not undo an earlier one."""
    from kgapi.errors import BadRequest

    with pytest.raises(BadRequest):
        virtuoso_store.sparql_update("INSERT DATA { GRAPH <http://kg.test/g> { <http://kg.test/a> <http://kg.test/b> 1 } } ;"
                                     " DROP GRAPH <http://kg.test/none>")
    assert virtuoso_store.count(URIRef("http://kg.test/g")) == 1


def test_virtuoso_partial_answer_at_its_time_limit_is_a_timeout(virtuoso_store):
    s = virtuoso_store
    s.update("INSERT DATA { GRAPH <http://kg.test/g> { "
             + " ".join(f"<http://kg.test/s{i}> <http://kg.test/p> {i} ." for i in range(300)) + " } }")
    t0 = time.monotonic()
    with pytest.raises(QueryTimeout):   # Virtuoso answers 200 + X-SQL-State: S1TAT with what it has
        s.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }", timeout=1.0)
    assert time.monotonic() - t0 < 1.0 + 1.0 + 2.0
