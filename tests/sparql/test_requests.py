"""Writes need the token; every malformed request is a 4xx with a message; content negotiation."""

from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from tests.conftest import TOKEN

AUTH = {"Authorization": f"Bearer {TOKEN}"}
UPDATE = "INSERT DATA { GRAPH <http://kg.test/g> { <http://kg.test/s> <http://kg.test/p> 1 } }"


def _error(r, status):
    assert r.status_code == status, (r.status_code, r.data[:300])
    body = r.get_json()
    assert set(body) == {"error"} and body["error"]["status"] == status and body["error"]["message"]
    return body["error"]


# -- writes and the token ---------------------------------------------------------------------

@pytest.mark.parametrize("send", [
    lambda c, h: c.post("/sparql", data={"update": UPDATE}, headers=h),
    lambda c, h: c.post("/sparql", data=UPDATE, content_type="application/sparql-update", headers=h),
    lambda c, h: c.put("/store?graph=http://kg.test/g", data="<a:s> <a:p> <a:o> .", content_type="text/turtle",
                       headers=h),
    lambda c, h: c.post("/store/mine", data="<a:s> <a:p> <a:o> .", content_type="text/turtle", headers=h),
    lambda c, h: c.delete("/store?graph=http://kg.test/g", headers=h),
], ids=["update-form", "update-direct", "store-put", "store-post", "store-delete"])
def test_writes_need_the_bearer_token(any_store_client, send):
    c = any_store_client
    r = send(c, {})
    _error(r, 401)
    assert r.headers["WWW-Authenticate"].startswith("Bearer")
    _error(send(c, {"Authorization": "Bearer not-the-token"}), 403)
    _error(send(c, {"Authorization": f"Basic {TOKEN}"}), 401)
    assert c.get("/store?graph=http://kg.test/g").status_code == 404  # nothing was written
    assert send(c, AUTH).status_code in (201, 204, 404)


@pytest.mark.settings(token="")
def test_without_a_token_the_server_is_read_only(client):
    e = _error(client.post("/sparql", data={"update": UPDATE}, headers=AUTH), 403)
    assert "read-only" in e["message"]
    _error(client.put("/store?default", data="<a:s> <a:p> <a:o> .", content_type="text/turtle"), 403)
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200
    assert client.get("/store?default").status_code == 200


# -- malformed requests -------------------------------------------------------------------------

def test_bad_protocol_requests_are_4xx_with_a_message(client):
    c = client
    _error(c.post("/sparql", data=b"ASK {} \xff", content_type="application/sparql-query"), 400)
    _error(c.post("/sparql", data=b"query=ASK%20%7B%7D%FF", content_type="application/x-www-form-urlencoded"), 400)
    _error(c.get("/sparql?query=ASK%20%7B%7D%FF"), 400)
    _error(c.post("/sparql", data="ASK {}".encode("utf-16"),
                  content_type="application/sparql-query; charset=UTF-16"), 415)
    _error(c.post("/sparql", data="ASK {}", content_type="text/plain"), 415)
    _error(c.post("/sparql", data="ASK {}", content_type=""), 415)
    _error(c.get("/sparql?query=ASK%20%7B%7D&query=ASK%20%7B%7D"), 400)
    _error(c.post("/sparql", data={"query": "ASK {}", "update": UPDATE}, headers=AUTH), 400)
    _error(c.post("/sparql?query=ASK%20%7B%7D", data="ASK {}", content_type="application/sparql-query"), 400)
    _error(c.get("/sparql", query_string={"update": UPDATE}), 405)
    _error(c.get("/sparql", query_string={"query": "   "}), 400)
    e = _error(c.get("/sparql", query_string={"query": UPDATE}), 400)
    assert "update" in e["message"]
    e = _error(c.post("/sparql", data={"update": "ASK {}"}, headers=AUTH), 400)
    assert "query" in e["message"]
    _error(c.get("/sparql", query_string={"query": "ASK {}", "using-graph-uri": "http://kg.test/g"}), 400)
    _error(c.get("/sparql", query_string={"query": "ASK {}", "default-graph-uri": "not an iri"}), 400)
    _error(c.put("/sparql", data="ASK {}"), 405)


def test_syntax_errors_give_line_and_column(client):
    e = _error(client.get("/sparql", query_string={"query": 'SELECT * WHERE {\n  ?s ?p "open\n}'}), 400)
    assert e["code"] == "query_syntax_error" and e["details"] == {"line": 2, "column": 9}
    e = _error(client.post("/sparql", data={"update": "INSERT DATA {\n <a:b> <a:c> }"}, headers=AUTH), 400)
    assert e["details"]["line"] == 2
    e = _error(client.get("/sparql", query_string={"query": "SELECT * WHERE { ?s ?p ex:o }"}), 400)
    assert e["code"] == "query_syntax_error"


@pytest.mark.parametrize("query", [
    "SELECT * WHERE " + "{" * 3000 + "}" * 3000,
    "ASK { FILTER(" + "(" * 3000 + "1" + ")" * 3000 + ") }",
    "ASK { ?s ?p " + "[ ?p " * 200 + "1" + "]" * 200 + " }",
    "ASK { FILTER(" + "!" * 20000 + "true) }",
    "ASK { " + "<<" * 2000 + "<a:s> <a:p> <a:o>" + ">>" * 2000 + " ?p ?o }",
], ids=["braces", "parentheses", "brackets", "negations", "quoted-triples"])
def test_deep_nesting_is_refused_before_any_parser(client, query):
    e = _error(client.post("/sparql", data=query, content_type="application/sparql-query"), 400)
    assert "nested" in e["message"] or "unary" in e["message"]
    e = _error(client.post("/sparql", data={"update": f"DELETE WHERE {{ {query[9:]} }}"}, headers=AUTH), 400)
    # and the server is still up
    assert client.get("/sparql", query_string={"query": "ASK {}"}).status_code == 200


@pytest.mark.settings(max_body=4096)
def test_bodies_over_the_limit_are_413(client):
    big = "ASK { " + "?s ?p ?o . " * 1000 + "}"
    _error(client.post("/sparql", data=big, content_type="application/sparql-query"), 413)
    _error(client.put("/store?graph=http://kg.test/g", data="#" * 5000, content_type="text/turtle", headers=AUTH), 413)


def test_graph_store_refuses_what_it_cannot_read(client):
    c = client
    _error(c.put("/store?graph=http://kg.test/g", data="<a:s> <a:p> .", content_type="text/turtle", headers=AUTH), 400)
    _error(c.put("/store?graph=http://kg.test/g", data="x", content_type="image/png", headers=AUTH), 415)
    _error(c.put("/store?graph=http://kg.test/g", data=b"<a:s> <a:p> '\xff' .", content_type="text/turtle",
                 headers=AUTH), 400)
    _error(c.put("/store?graph=http://kg.test/g&default", data="", content_type="text/turtle", headers=AUTH), 400)
    _error(c.put("/store?graph=nope", data="", content_type="text/turtle", headers=AUTH), 400)
    _error(c.get("/store"), 400)
    _error(c.get("/store?graph=http://kg.test/none"), 404)
    _error(c.put("/store?graph=http://kg.test/g", content_type="application/trig", headers=AUTH,
                 data="<http://kg.test/x> { <a:s> <a:p> <a:o> }"), 400)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=st.sampled_from(list("{}()[]<>\"'#?$:;., \n\\SELECTWHERASKFROMSERVICE01_-!^|")),
                    max_size=80))
def test_no_query_text_makes_a_500(client, text):
    r = client.post("/sparql", data=text.encode("utf-8"), content_type="application/sparql-query")
    assert r.status_code in (200, 400), (text, r.status_code, r.data[:300])


# -- negotiation ----------------------------------------------------------------------------------

SELECT = "SELECT ?x WHERE { VALUES ?x { 1 2 } }"


@pytest.mark.parametrize("accept,expected", [
    (None, "application/sparql-results+json"),
    ("*/*", "application/sparql-results+json"),
    ("application/sparql-results+xml", "application/sparql-results+xml"),
    ("text/csv", "text/csv"),
    ("text/tab-separated-values", "text/tab-separated-values"),
    ("text/csv;q=0.5, application/sparql-results+xml;q=0.9", "application/sparql-results+xml"),
    ("text/*;q=0.9, application/sparql-results+json;q=0.1", "text/csv"),
    ("application/json", "application/sparql-results+json"),
])
def test_select_results_follow_accept(client, accept, expected):
    r = client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": accept} if accept else {})
    assert r.status_code == 200 and r.mimetype == expected
    assert b"1" in r.data and b"2" in r.data


@pytest.mark.parametrize("fmt,expected", [("json", "application/sparql-results+json"), ("csv", "text/csv"),
                                          ("tsv", "text/tab-separated-values"),
                                          ("xml", "application/sparql-results+xml")])
def test_format_parameter_wins_over_accept(client, fmt, expected):
    r = client.get("/sparql", query_string={"query": SELECT, "format": fmt}, headers={"Accept": "text/html"})
    assert r.mimetype == expected


@pytest.mark.parametrize("accept,fmt,parse", [
    ("text/turtle", "text/turtle", "turtle"), ("application/n-triples", "application/n-triples", "nt"),
    ("application/ld+json", "application/ld+json", "json-ld"), ("application/rdf+xml", "application/rdf+xml", "xml"),
    ("application/trig", "application/trig", "trig"), ("application/n-quads", "application/n-quads", "nquads"),
    (None, "text/turtle", "turtle"),
])
def test_graph_results_in_every_rdf_format(client, accept, fmt, parse):
    from rdflib import Dataset, Literal

    q = "CONSTRUCT { <http://kg.test/s> <http://kg.test/p> ?x } WHERE { VALUES ?x { 1 2 } }"
    r = client.get("/sparql", query_string={"query": q}, headers={"Accept": accept} if accept else {})
    assert r.status_code == 200 and r.mimetype == fmt
    ds = Dataset()
    ds.parse(data=r.data, format=parse)
    assert {o.toPython() for _, _, o, _ in ds.quads((None, None, None, None))} == {1, 2}
    assert Literal(1)


def test_nothing_acceptable_is_406(client):
    e = _error(client.get("/sparql", query_string={"query": SELECT}, headers={"Accept": "image/png"}), 406)
    assert "available" in e["details"]
    _error(client.get("/sparql", query_string={"query": "ASK {}"}, headers={"Accept": "text/csv"}), 406)
    _error(client.get("/sparql", query_string={"query": SELECT, "format": "turtle"}), 406)
    _error(client.get("/store?default", headers={"Accept": "application/sparql-results+json"}), 406)


def test_a_browser_without_a_query_goes_to_the_query_page(client):
    r = client.get("/sparql", headers={"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert r.status_code == 303 and r.headers["Location"].endswith("/query")
    r = client.get("/sparql", headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.mimetype == "text/turtle"


def test_csv_and_tsv_follow_the_spec(client):
    q = 'SELECT ?a ?b WHERE { VALUES (?a ?b) { ("x,y" <http://kg.test/i>) ("line\\nbreak"@en UNDEF) } }'
    csv = client.get("/sparql", query_string={"query": q, "format": "csv"}).data.decode()
    assert csv.splitlines()[0] == "a,b" and '"x,y",http://kg.test/i' in csv
    tsv = client.get("/sparql", query_string={"query": q, "format": "tsv"}).data.decode()
    assert tsv.splitlines()[0] == "?a\t?b" and '"x,y"\t<http://kg.test/i>' in tsv
    body = json.loads(client.get("/sparql", query_string={"query": q}).data)
    assert body["results"]["bindings"][1] == {"a": {"type": "literal", "value": "line\nbreak", "xml:lang": "en"}}


def test_graph_iris_that_cannot_be_iris_are_4xx(client):
    c = client
    for path in ("/store/a%00b", "/store/a%3Eb%20%7D", "/store?graph=:", "/store?graph=a:%00",
                 "/sparql?query=ASK%7B%7D&default-graph-uri=:"):
        assert c.get(path).status_code in (400, 404), path
    r = c.put("/store/a%20b", data="<a:s> <a:p> <a:o> .", content_type="text/turtle", headers=AUTH)
    assert r.status_code == 201
    r = c.get("/sparql", query_string={"query": "ASK { GRAPH <http://kg.test/store/a%20b> { ?s ?p ?o } }"})
    assert r.get_json()["boolean"] is True  # the graph is the request's IRI, as sent


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@example(path="/")  # '/store/%2F' was redirected (308) to '/store/' by slash merging
@given(path=st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), min_size=1, max_size=30))
def test_no_graph_store_path_makes_a_500(client, path):
    from urllib.parse import quote

    for method in ("get", "delete"):
        r = getattr(client, method)("/store/" + quote(path, safe=""), headers=AUTH)
        assert r.status_code in (204, 400, 404), (path, r.status_code, r.data[:200])
    r = client.get("/store", query_string={"graph": path})
    assert r.status_code in (400, 404), (path, r.status_code)
