"""The domain API on a remote store (a real `oxigraph serve`), shared by two API processes' apps."""

import time

from kgapi import create_app
from tests.api.corpus import extractions
from tests.conftest import BASE_SETTINGS


def _app(remote, **extra):
    app = create_app({**BASE_SETTINGS, "store": remote.query_url, "store_update": remote.update_url, **extra})
    app.config["TESTING"] = True
    return app


def test_two_apps_on_one_remote_store_see_each_others_writes(remote, auth):
    writer = _app(remote).test_client()
    reader = _app(remote, search_refresh=0.2).test_client()
    x1, x2 = extractions()[:2]
    assert writer.post("/articles", json=x1, headers=auth).status_code == 201
    # same answers from both, whichever process ingested
    assert reader.get(f"/articles/{x1['article']['id']}").get_json() == writer.get(f"/articles/{x1['article']['id']}").get_json()
    assert reader.get("/entities?q=kim jong-un").get_json()["items"][0]["id"] == "kim-jong-un"
    before = reader.get("/entities/kim-jong-un").get_json()
    assert before["articles"]["total"] == 1

    assert writer.post("/articles", json=x2, headers=auth).status_code == 201
    deadline = time.monotonic() + 10
    while reader.get("/entities/kim-jong-un").get_json()["articles"]["total"] != 2:
        assert time.monotonic() < deadline, "the reader never saw the other process's write"
        time.sleep(0.1)
    assert reader.get("/entities?q=shoigu").get_json()["total"] >= 1   # named only in the second article
    assert writer.get("/entities/kim-jong-un").get_json() == reader.get("/entities/kim-jong-un").get_json()
