"""Health, errors, Swagger, and the first SPARQL and entity endpoints through the Flask client."""

from tests.helpers import COUNT_ALL, count_from_json


def test_health(any_store_seeded_app, any_store_seeded_client):
    r = any_store_seeded_client.get("/health")
    assert r.status_code == 200
    body = r.get_json()
    assert body["status"] == "ok" and body["store"] == any_store_seeded_app.extensions["kgapi"].store.kind
    assert body["articles"] == 1 and body["triples"] > 0


def test_sparql_get_and_post_count_the_seed(any_store_seeded_client):
    seeded_client = any_store_seeded_client
    r = seeded_client.get("/sparql", query_string={"query": COUNT_ALL})
    assert r.status_code == 200
    n = count_from_json(r.get_json())
    assert n > 0
    r = seeded_client.post("/sparql", data={"query": COUNT_ALL})
    assert count_from_json(r.get_json()) == n
    r = seeded_client.post("/sparql", data=COUNT_ALL, content_type="application/sparql-query")
    assert count_from_json(r.get_json()) == n


def test_errors_share_one_json_shape(any_store_client):
    client = any_store_client
    for r in (client.get("/no/such/path"),
              client.get("/sparql", query_string={"query": "SELEKT * WHERE {}"}),
              client.post("/sparql"),
              client.get("/entities/nobody"),
              client.delete("/health")):
        assert 400 <= r.status_code < 500, r.status_code
        body = r.get_json()
        assert set(body) == {"error"}, body
        assert body["error"]["status"] == r.status_code
        assert body["error"]["code"] and body["error"]["message"]


def test_syntax_error_names_line_and_column(client):
    r = client.get("/sparql", query_string={"query": "SELECT * WHERE {\n ?s ?p }"})
    assert r.status_code == 400
    error = r.get_json()["error"]
    assert "line 2, column 9" in error["message"]
    assert error["details"] == {"line": 2, "column": 9}


def test_body_over_the_limit_is_413(app, client):
    limit = app.extensions["kgapi"].settings.max_body
    r = client.post("/sparql", data="x" * (limit + 1), content_type="application/sparql-query")
    assert r.status_code == 413
    assert r.get_json()["error"]["code"] == "payload_too_large"


def test_swagger_document_and_ui(client):
    r = client.get("/swagger.json")
    assert r.status_code == 200
    spec = r.get_json()
    assert spec["info"]["title"] == "kgapi"
    for path in ("/health", "/sparql", "/entities/{entity_id}"):
        assert path in spec["paths"], path
    ui = client.get("/docs")
    assert ui.status_code == 200 and b"swagger" in ui.data.lower()


def test_root_redirects_to_docs(client):
    r = client.get("/")
    assert r.status_code == 302 and r.headers["Location"].endswith("/docs")


def test_entity_lookup(any_store_client, any_store_app):
    client, app = any_store_client, any_store_app
    st = app.extensions["kgapi"]
    from tests.graph.test_build import extraction

    x = extraction()
    x["article"]["id"] = "2025-12-06-test-article"
    st.pipeline.write(st.pipeline.build(x))
    r = client.get("/entities/kim-jong-un")
    assert r.status_code == 200
    body = r.get_json()
    assert body["label"] == "Kim Jong Un" and body["type"] == "Person"
    assert body["iri"] == "http://kg.test/entities/kim-jong-un"
    assert body["aliases"] == ["Kim", "Kim Jong-un"]
    assert client.get("/entities/..%2F..%2Fetc").status_code == 404
