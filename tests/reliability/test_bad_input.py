"""The catalogue of bad input, over a live server (a real ``kgapi serve`` process).

Every row is one request that a client may send by mistake or on purpose. Each
must be answered with its 4xx status and the one JSON error shape
(``{"error": {"status", "code", "message", "details"?}}``), quickly, with the
server still up and the store exactly as it was (every quad, read from disk).
"""

from __future__ import annotations

import re
import socket
import threading
from dataclasses import dataclass, field
from urllib.parse import quote

import pytest
import requests

from tests.conftest import TOKEN
from tests.reliability import snapshot
from tests.reliability.conftest import MAX_BODY
from tests.reliability.rawhttp import Answer, request

AUTH = {"Authorization": f"Bearer {TOKEN}"}
SPARQL_Q = {"Content-Type": "application/sparql-query"}
FORM = {"Content-Type": "application/x-www-form-urlencoded"}


#: stands for the address of a loopback listener that must never be contacted
LISTENER = "http://127.0.0.1:LISTENER_PORT"
JSON = {"Content-Type": "application/json"}
TEXT = {"Content-Type": "text/plain"}
RDFXML = {"Content-Type": "application/rdf+xml"}
TURTLE = {"Content-Type": "text/turtle"}
JSONLD = {"Content-Type": "application/ld+json"}
UPDATE = {"Content-Type": "application/sparql-update"}
G = "graph=" + quote("http://kg.test/store/probe", safe="")

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/s"><ex:p>&lol9;</ex:p></rdf:Description>
</rdf:RDF>"""


def xxe(system_id: str, parameter: bool = False) -> bytes:
    decl = (f'<!ENTITY % x SYSTEM "{system_id}"> %x;' if parameter else f'<!ENTITY x SYSTEM "{system_id}">')
    use = "" if parameter else "&x;"
    return f"""<?xml version="1.0"?>
<!DOCTYPE rdf:RDF [ {decl} ]>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns:ex="http://example.org/">
  <rdf:Description rdf:about="http://example.org/s"><ex:p>{use}</ex:p></rdf:Description>
</rdf:RDF>""".encode()


@dataclass(frozen=True)
class Bad:
    name: str
    method: str
    target: str | bytes
    status: int | tuple[int, ...]
    code: str | None = None
    headers: dict = field(default_factory=dict)
    body: bytes = b""
    seconds: float = 10.0  # answered within this (generous: CI machines are slow and busy)

    def __str__(self):
        return self.name


def q(text: str) -> str:
    return quote(text, safe="")


def nested(depth: int, open_: str = "{", close: str = "}") -> str:
    return "SELECT * WHERE " + open_ * depth + " ?s ?p ?o " + close * depth


CATALOGUE = [
    # --- the SPARQL endpoint ---------------------------------------------------------------------
    Bad("sparql: form without a query", "POST", "/sparql", 400, headers=FORM, body=b"default-graph-uri=x"),
    Bad("sparql: empty query", "GET", "/sparql?query=", 400),
    Bad("sparql: two queries", "GET", f"/sparql?query={q('ASK {}')}&query={q('ASK {}')}", 400),
    Bad("sparql: syntax error", "GET", f"/sparql?query={q('SELEC ?s WHERE { ?s ?p ?o }')}", 400,
        "query_syntax_error"),
    Bad("sparql: unbalanced braces", "GET", f"/sparql?query={q('SELECT * WHERE { ?s ?p ?o')}", 400,
        "query_syntax_error"),
    Bad("sparql: invalid UTF-8 in the URL", "GET", "/sparql?query=%FF%FE%00", 400),
    Bad("sparql: invalid UTF-8 body", "POST", "/sparql", 400, headers=SPARQL_Q, body=b"ASK { \xff\xfe }"),
    Bad("sparql: invalid UTF-8 in a form", "POST", "/sparql", 400, headers=FORM, body=b"query=ASK%20%7B%FF%7D"),
    Bad("sparql: wrong content type", "POST", "/sparql", (400, 415), headers={"Content-Type": "application/xml"},
        body=b"<query>ASK {}</query>"),
    Bad("sparql: no content type", "POST", "/sparql", (400, 415), body=b"ASK {}"),
    Bad("sparql: body over the limit", "POST", "/sparql", 413, "payload_too_large", headers=SPARQL_Q,
        body=b"#" * (MAX_BODY + 1)),
    Bad("sparql: query too long for a URL", "GET", "/sparql?query=" + q("ASK { " + "?s ?p ?o . " * 1000 + "}"),
        414, "uri_too_long"),
    Bad("sparql: 100,000 nested braces", "POST", "/sparql", 400, headers=SPARQL_Q,
        body=nested(100_000).encode()),
    Bad("sparql: 100,000 nested parentheses", "POST", "/sparql", 400, headers=SPARQL_Q,
        body=("SELECT * WHERE { ?s ?p ?o FILTER" + "(" * 100_000 + "true" + ")" * 100_000 + " }").encode()),
    Bad("sparql: 50,000 nested blank-node brackets", "POST", "/sparql", 400, headers=SPARQL_Q,
        body=("SELECT * WHERE { ?s ?p " + "[ <http://x/p> " * 50_000 + "1" + " ]" * 50_000 + " }").encode()),
    Bad("sparql: 2,600 nested braces in a GET", "GET", "/sparql?query=" + nested(2_600).replace(" ", "%20"),
        (400, 414)),
    Bad("sparql: 100,000 unary minus signs", "POST", "/sparql", 400, headers=SPARQL_Q,
        body=("SELECT (" + "-" * 100_000 + "1 AS ?x) {}").encode()),
    Bad("sparql: SERVICE to a local listener", "POST", "/sparql", 400, "query_refused", headers=SPARQL_Q,
        body=f"SELECT * WHERE {{ SERVICE <{LISTENER}/sparql> {{ ?s ?p ?o }} }}".encode()),
    Bad("sparql: FROM a local listener", "POST", "/sparql", 400, "query_refused", headers=SPARQL_Q,
        body=f"SELECT * FROM <{LISTENER}/data.ttl> WHERE {{ ?s ?p ?o }}".encode()),
    Bad("sparql: FROM NAMED file:///etc/passwd", "POST", "/sparql", 400, "query_refused", headers=SPARQL_Q,
        body=b"SELECT * FROM NAMED <file:///etc/passwd> WHERE { GRAPH ?g { ?s ?p ?o } }"),
    Bad("sparql: default-graph-uri of a local listener", "GET",
        f"/sparql?query={q('ASK { ?s ?p ?o }')}&default-graph-uri={q(LISTENER + '/g')}", 400, "query_refused"),
    Bad("sparql: LOAD file:///etc/passwd (with the token)", "POST", "/sparql", 400, "query_refused",
        headers={**UPDATE, **AUTH}, body=b"LOAD <file:///etc/passwd> INTO GRAPH <http://kg.test/x>"),
    Bad("sparql: LOAD from a local listener (with the token)", "POST", "/sparql", 400, "query_refused",
        headers={**UPDATE, **AUTH}, body=f"LOAD SILENT <{LISTENER}/data.ttl>".encode()),
    Bad("sparql: update without the token", "POST", "/sparql", 401, "unauthorized", headers=UPDATE,
        body=b"DROP ALL"),
    Bad("sparql: update with a wrong token", "POST", "/sparql", 403, "forbidden",
        headers={**UPDATE, "Authorization": "Bearer wrong"}, body=b"DROP ALL"),
    Bad("sparql: update sent as a query", "GET", f"/sparql?query={q('DROP ALL')}", 400),
    Bad("sparql: update by GET", "GET", f"/sparql?update={q('DROP ALL')}", (400, 405)),
    Bad("sparql: update syntax error (with the token)", "POST", "/sparql", 400, headers={**UPDATE, **AUTH},
        body=b"INSERT DATA { GRAPH <http://kg.test/x> { <a> <b> } }"),
    Bad("sparql: unacceptable Accept", "GET", f"/sparql?query={q('ASK {}')}", 406,
        headers={"Accept": "application/x-nonsense"}),
    # --- the Graph Store (/store) ---------------------------------------------------------------------
    Bad("store: RDF/XML billion laughs", "PUT", f"/store?{G}", 400, headers={**RDFXML, **AUTH},
        body=BILLION_LAUGHS, seconds=5),
    Bad("store: RDF/XML external entity file:///etc/passwd", "PUT", f"/store?{G}", 400,
        headers={**RDFXML, **AUTH}, body=xxe("file:///etc/passwd")),
    Bad("store: RDF/XML external entity from a local listener", "POST", f"/store?{G}", 400,
        headers={**RDFXML, **AUTH}, body=xxe(LISTENER + "/entity")),
    Bad("store: RDF/XML external parameter entity", "PUT", f"/store?{G}", 400,
        headers={**RDFXML, **AUTH}, body=xxe(LISTENER + "/dtd", parameter=True)),
    Bad("store: JSON-LD remote @context", "PUT", f"/store?{G}", 400, headers={**JSONLD, **AUTH},
        body=f'{{"@context": "{LISTENER}/context.jsonld", "@id": "http://e/s", "p": "o"}}'.encode()),
    Bad("store: JSON-LD file:// @context", "PUT", f"/store?{G}", 400, headers={**JSONLD, **AUTH},
        body=b'{"@context": "file:///etc/passwd", "@id": "http://e/s", "p": "o"}'),
    Bad("store: JSON-LD nested remote @context", "PUT", f"/store?{G}", 400, headers={**JSONLD, **AUTH},
        body=f'{{"@context": [{{"@vocab": "http://e/"}}, "{LISTENER}/c"], "@id": "http://e/s", "p": "o"}}'.encode()),
    Bad("store: malformed Turtle", "PUT", f"/store?{G}", 400, headers={**TURTLE, **AUTH},
        body=b"<http://e/s> <http://e/p> ."),
    Bad("store: invalid UTF-8 Turtle", "PUT", f"/store?{G}", 400, headers={**TURTLE, **AUTH},
        body=b'<http://e/s> <http://e/p> "\xff\xfe" .'),
    Bad("store: write without the token", "PUT", f"/store?{G}", 401, headers=TURTLE,
        body=b"<http://e/s> <http://e/p> <http://e/o> ."),
    Bad("store: unsupported content type", "PUT", f"/store?{G}", 415, headers={"Content-Type": "image/png", **AUTH},
        body=b"\x89PNG"),
    Bad("store: body over the limit", "PUT", f"/store?{G}", 413, headers={**TURTLE, **AUTH},
        body=b"#" * (MAX_BODY + 1)),
    Bad("store: graph and default together", "GET", f"/store?{G}&default", 400),
    Bad("store: graph IRI that is not an IRI", "GET", "/store?graph=..%2F..%2Fetc%2Fpasswd", 400),
    Bad("store: file:// graph", "GET", "/store?graph=file%3A%2F%2F%2Fetc%2Fpasswd", 404),
    Bad("store: unknown graph", "GET", f"/store?{G}", 404),
    Bad("store: DELETE of an unknown graph", "DELETE", f"/store?{G}", 404, headers=AUTH),
    # --- articles: ingestion by HTTP ------------------------------------------------------------------
    Bad("articles: no token", "POST", "/articles", 401, "unauthorized", headers=JSON, body=b'{"text": "x"}'),
    Bad("articles: wrong token", "POST", "/articles", 403, "forbidden",
        headers={**JSON, "Authorization": "Bearer wrong"}, body=b'{"text": "x"}'),
    Bad("articles: malformed JSON", "POST", "/articles", 400, headers={**JSON, **AUTH}, body=b'{"text": "x",}'),
    Bad("articles: JSON that is not an object", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'["text"]'),
    Bad("articles: invalid UTF-8 JSON", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"text": "\xff\xfe North Korea"}'),
    Bad("articles: invalid UTF-8 text", "POST", "/articles", 400, headers={**TEXT, **AUTH},
        body=b"North Korea sent troops \xff\xfe to Russia."),
    Bad("articles: unknown charset", "POST", "/articles", 400,
        headers={"Content-Type": "text/plain; charset=x-no-such-charset", **AUTH}, body=b"text"),
    Bad("articles: wrong content type", "POST", "/articles", 415, headers={"Content-Type": "application/xml", **AUTH},
        body=b"<text>North Korea</text>"),
    Bad("articles: no content type", "POST", "/articles", 415, headers=AUTH, body=b"North Korea sent troops."),
    Bad("articles: body over the limit", "POST", "/articles", 413, headers={**TEXT, **AUTH},
        body=b"a " * (MAX_BODY // 2 + 1)),
    Bad("articles: no date and no text", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"title": "An article without a body"}'),
    Bad("articles: empty text", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"text": "", "published": ""}'),
    Bad("articles: blank text", "POST", "/articles", 400, headers={**TEXT, **AUTH}, body=b" \n\t \n"),
    Bad("articles: text that is not a string", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"text": 42}'),
    Bad("articles: a lone surrogate in a structured title", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"article": {"id": "a-1", "title": "\\ud800", "text": "t", "published": "2025-01-01"}, "entities": []}'),
    Bad("articles: a NUL in a structured text", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"article": {"id": "a-1", "title": "t", "text": "a\\u0000b", "published": "2025-01-01"}, "entities": []}'),
    Bad("articles: a control character in a structured label", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"article": {"id": "a-1", "title": "t", "text": "t", "published": "2025-01-01"},'
             b' "entities": [{"id": "kim", "label": "Kim\\u0007", "type": "Person", "aliases": []}]}'),
    Bad("articles: a lone surrogate in a structured /extract", "POST", "/extract", 400, headers=JSON,
        body=b'{"article": {"id": "a-1", "title": "t", "text": "t\\udfff"}, "entities": []}'),
    Bad("articles: published that is not a date", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"text": "North Korea sent troops to Russia, officials said.", "published": "yesterday"}'),
    Bad("articles: published 2025-02-30", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"text": "North Korea sent troops to Russia, officials said.", "published": "2025-02-30"}'),
    Bad("articles: structured with a url that is not one", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"article": {"id": "a-1", "title": "t", "text": "t", "url": "not a url"}, "entities": []}'),
    Bad("articles: structured with a javascript: url", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"article": {"id": "a-1", "title": "t", "text": "t", "url": "javascript:alert(1)"}, "entities": []}'),
    Bad("articles: structured with 2025-02-30", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"article": {"id": "a-1", "title": "t", "text": "t", "published": "2025-02-30"}, "entities": []}'),
    Bad("articles: url with file://", "POST", "/articles", (400, 403), headers={**JSON, **AUTH},
        body=b'{"url": "file:///etc/passwd"}'),
    Bad("articles: url of a local listener (fetching is off)", "POST", "/articles", 403, headers={**JSON, **AUTH},
        body=f'{{"url": "{LISTENER}/article"}}'.encode()),
    Bad("articles: structured with a ../ id", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"article": {"id": "../../etc/passwd", "title": "t", "text": "t"}, "entities": []}'),
    Bad("articles: structured with entities not a list", "POST", "/articles", 400, headers={**JSON, **AUTH},
        body=b'{"article": {"id": "a-1", "title": "t", "text": "t"}, "entities": {"a": 1}}'),
    Bad("articles: DELETE without the token", "DELETE", "/articles/anything", 401),
    Bad("articles: DELETE %00", "DELETE", "/articles/%00", 404, headers=AUTH),
    Bad("articles: DELETE ../", "DELETE", "/articles/..%2F..%2Fetc%2Fpasswd", 404, headers=AUTH),
    Bad("articles: DELETE of an unknown id", "DELETE", "/articles/2099-01-01-no-such-article", 404, headers=AUTH),
    Bad("articles: GET ../", "GET", "/articles/../../etc/passwd", 404),
    Bad("articles: GET %00", "GET", "/articles/%00", 404),
    Bad("articles: GET unknown id", "GET", "/articles/no-such-article", 404),
    Bad("extract: malformed JSON", "POST", "/extract", 400, headers=JSON, body=b"{"),
    Bad("extract: no text", "POST", "/extract", 400, headers=JSON, body=b"{}"),
    # --- the domain API: ids and parameters ---------------------------------------------------------
    Bad("deployments: unknown id", "GET", "/deployments/no-such-deployment", 404),
    Bad("deployments: %00 id", "GET", "/deployments/%00", 404),
    Bad("events: ../ id", "GET", "/events/..%2F..%2Fetc%2Fpasswd", 404),
    Bad("claims: unknown id", "GET", "/claims/no-such-claim", 404),
    Bad("entities: limit not a number", "GET", "/entities?limit=abc", 400, "invalid_parameter"),
    Bad("entities: negative limit", "GET", "/entities?limit=-1", 400, "invalid_parameter"),
    Bad("entities: offset beyond 64 bits", "GET", "/entities?offset=99999999999999999999999", 400),
    Bad("deployments: date that is not a date", "GET", "/deployments?from=2025-13", 400),
    Bad("timeline: from after to", "GET", "/timeline?from=2025-06&to=2024-01", 400),
    # --- ids in paths ------------------------------------------------------------------------------
    Bad("entity: ../ in the id", "GET", "/entities/../../etc/passwd", 404),
    Bad("entity: encoded ../", "GET", "/entities/..%2F..%2Fetc%2Fpasswd", 404),
    Bad("entity: %00", "GET", "/entities/%00", 404),
    Bad("entity: id with %00 inside", "GET", "/entities/kim-jong-un%00.json", 404),
    Bad("entity: unknown id", "GET", "/entities/no-such-entity-anywhere", 404, "not_found"),
    Bad("entity: not an id (spaces, capitals)", "GET", "/entities/Kim%20Jong%20Un", 404),
    Bad("entity: invalid UTF-8 in the id", "GET", "/entities/%FF%FE", 404),
    Bad("static: ../ out of the static folder", "GET", "/static/../../../../etc/passwd", 404),
    Bad("static: encoded ../", "GET", "/static/..%2f..%2f..%2f..%2fetc%2fpasswd", 404),
    Bad("static: %00", "GET", "/static/yasgui/%00.js", (400, 404)),
    # --- HTTP itself -------------------------------------------------------------------------
    Bad("an Accept header of 800 ranges", "GET", "/entities/no-such-entity", (404, 406),
        headers={"Accept": ",".join(f"application/x-{i};q=0.{i % 9 + 1}" for i in range(800))[:8000]}),
    Bad("unknown path", "GET", "/no/such/thing", 404, "not_found"),
    Bad("method not allowed", "DELETE", "/health", 405, "method_not_allowed"),
    Bad("garbage request line", "GARBAGE", "", 400),
    Bad("request line too long", "GET", "/health?x=" + "a" * 9000, 414, "uri_too_long"),
    Bad("header too large", "GET", "/health", (400, 431), headers={"X-Big": "a" * 9000}),
    Bad("bad Content-Length", "POST", "/sparql", 400, headers={**SPARQL_Q, "Content-Length": "abc"},
        body=b"ASK {}"),
]


class Listener:
    """A TCP listener on loopback that counts the connections made to it (there must be none)."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.port = self.sock.getsockname()[1]
        self.hits: list[bytes] = []
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                conn.settimeout(2)
                try:
                    self.hits.append(conn.recv(4096) or b"(connected)")
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                except OSError:
                    self.hits.append(b"(connected)")

    def close(self):
        self.sock.close()


@pytest.fixture(scope="module")
def listener():
    lst = Listener()
    yield lst
    lst.close()


def render(bad: Bad, port: int) -> tuple[str | bytes, bytes]:
    target = bad.target
    if isinstance(target, str):
        target = target.replace("LISTENER_PORT", str(port))
    return target, bad.body.replace(b"LISTENER_PORT", str(port).encode())


def assert_error_shape(ans: Answer, bad: Bad) -> None:
    statuses = bad.status if isinstance(bad.status, tuple) else (bad.status,)
    assert ans.status in statuses, f"{bad}: got {ans.status}, want {statuses}: {ans.body[:300]!r}"
    assert ans.headers.get("content-type", "").startswith("application/json"), (bad.name, ans.raw_head)
    body = ans.json()
    assert list(body) == ["error"], body
    err = body["error"]
    assert {"status", "code", "message"} <= set(err) <= {"status", "code", "message", "details"}, err
    assert err["status"] == ans.status, err
    assert isinstance(err["code"], str) and re.fullmatch(r"[a-z][a-z_]*", err["code"]), err
    if bad.code:
        assert err["code"] == bad.code, err
    assert isinstance(err["message"], str) and err["message"].strip(), err
    assert "Traceback" not in err["message"], err
    assert isinstance(err.get("details", {}), dict), err


@pytest.mark.parametrize("bad", CATALOGUE, ids=str)
def test_bad_input_is_refused_cleanly(live, listener, bad):
    before = snapshot.embedded(live.store_path, read_only=True)
    target, body = render(bad, listener.port)
    ans = request(live.port, bad.method, target, headers=bad.headers, body=body)
    assert_error_shape(ans, bad)
    assert ans.seconds < bad.seconds, f"{bad}: took {ans.seconds:.1f}s"
    assert live.proc.poll() is None, f"the server died on {bad}:\n{live.output()[-3000:]}"
    assert requests.get(live.url + "/health", timeout=30).status_code == 200
    assert snapshot.embedded(live.store_path, read_only=True) == before, f"{bad} changed the store"
    assert not listener.hits, f"{bad}: the server made a request to the listener: {listener.hits[:1]}"


def test_catalogue_names_are_unique():
    names = [b.name for b in CATALOGUE]
    assert len(names) == len(set(names))
