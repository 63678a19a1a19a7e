"""The domain API on a real `kgapi serve` over HTTP: ingest by POST, read back, negotiate, delete."""

import pytest
import requests
from rdflib import Graph, URIRef

from tests.api.corpus import extractions
from tests.conftest import TOKEN
from tests.helpers import ServerProcess


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    env = {"KGAPI_STORE": str(tmp_path_factory.mktemp("store")), "KGAPI_SEED": "", "KGAPI_TOKEN": TOKEN}
    with ServerProcess(env) as s:
        yield s


def test_ingest_read_back_and_delete_over_http(server):
    auth = {"Authorization": f"Bearer {TOKEN}"}
    answers = []
    for x in extractions():
        r = requests.post(server.url + "/articles", json=x, headers=auth, timeout=60)
        assert r.status_code == 201, r.text
        answers.append(r.json())
        assert requests.get(server.url + r.headers["Location"], timeout=30).json() == r.json()

    hits = requests.get(server.url + "/entities", params={"q": "kim jong-un"}, timeout=30).json()
    assert hits["items"][0]["id"] == "kim-jong-un"

    r = requests.get(server.url + "/entities/north-korea", timeout=30)
    assert r.status_code == 200 and r.headers["ETag"]
    assert requests.get(server.url + "/entities/north-korea", headers={"If-None-Match": r.headers["ETag"]},
                        timeout=30).status_code == 304
    statements = r.json()["statements"]
    assert any("11,000" in ref["sentence"] for s in statements for ref in s["references"])

    deps = requests.get(server.url + "/deployments", params={"sending_state": "north-korea", "from": "2025-03"},
                        timeout=30).json()
    assert deps["total"] > 0 and all(d["sending_state"]["id"] == "north-korea" for d in deps["items"])

    ttl = requests.get(server.url + "/entities/kim-jong-un", headers={"Accept": "text/turtle"}, timeout=30)
    assert ttl.headers["Content-Type"].startswith("text/turtle")
    g = Graph().parse(data=ttl.text, format="turtle")
    assert (URIRef("http://127.0.0.1:5000/entities/kim-jong-un"), None, None) in g

    html = requests.get(server.url + "/entities/kim-jong-un", headers={"Accept": "text/html"}, timeout=30)
    assert html.headers["Content-Type"].startswith("text/html") and "Kim Jong Un" in html.text

    first = answers[0]["article"]["id"]
    assert requests.delete(f"{server.url}/articles/{first}", timeout=30).status_code == 401
    assert requests.delete(f"{server.url}/articles/{first}", headers=auth, timeout=30).status_code == 204
    assert requests.get(f"{server.url}/articles/{first}", timeout=30).status_code == 404
    assert requests.get(server.url + "/entities/kim-jong-un", timeout=30).status_code == 200
    assert requests.get(server.url + "/articles", timeout=30).json()["total"] == 2
