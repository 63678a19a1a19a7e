"""The catalogue of bad input, over a live server (a real ``kgapi serve`` process).

Every row is one request that a client may send by mistake or on purpose. Each
must be answered with its 4xx status and the one JSON error shape
(``{"error": {"status", "code", "message", "details"?}}``), quickly, with the
server still up and the store exactly as it was (every quad, read from disk).
"""

from __future__ import annotations

import re
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
    Bad("sparql: no query", "GET", "/sparql", 400),
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
    # --- ids in paths ------------------------------------------------------------------------------
    Bad("entity: ../ in the id", "GET", "/entities/../../etc/passwd", 404),
    Bad("entity: encoded ../", "GET", "/entities/..%2F..%2Fetc%2Fpasswd", 404),
    Bad("entity: %00", "GET", "/entities/%00", 404),
    Bad("entity: id with %00 inside", "GET", "/entities/kim-jong-un%00.json", 404),
    Bad("entity: unknown id", "GET", "/entities/no-such-entity-anywhere", 404, "not_found"),
    Bad("entity: not an id (spaces, capitals)", "GET", "/entities/Kim%20Jong%20Un", 404),
    Bad("entity: invalid UTF-8 in the id", "GET", "/entities/%FF%FE", 404),
    # --- HTTP itself --------------------------------------------------------------------------------
    Bad("unknown path", "GET", "/no/such/thing", 404, "not_found"),
    Bad("method not allowed", "DELETE", "/health", 405, "method_not_allowed"),
    Bad("garbage request line", "GARBAGE", "", 400),
    Bad("request line too long", "GET", "/health?x=" + "a" * 9000, 414, "uri_too_long"),
    Bad("header too large", "GET", "/health", (400, 431), headers={"X-Big": "a" * 9000}),
    Bad("bad Content-Length", "POST", "/sparql", 400, headers={**SPARQL_Q, "Content-Length": "abc"},
        body=b"ASK {}"),
]


@pytest.fixture(scope="module")
def before(live):
    return snapshot.embedded(live.store_path, read_only=True)


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
def test_bad_input_is_refused_cleanly(live, before, bad):
    ans = request(live.port, bad.method, bad.target, headers=bad.headers, body=bad.body)
    assert_error_shape(ans, bad)
    assert ans.seconds < bad.seconds, f"{bad}: took {ans.seconds:.1f}s"
    assert live.proc.poll() is None, f"the server died on {bad}:\n{live.output()[-3000:]}"
    assert requests.get(live.url + "/health", timeout=30).status_code == 200
    assert snapshot.embedded(live.store_path, read_only=True) == before, f"{bad} changed the store"


def test_catalogue_names_are_unique():
    names = [b.name for b in CATALOGUE]
    assert len(names) == len(set(names))
