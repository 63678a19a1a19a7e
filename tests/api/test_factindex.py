"""The in-memory fact index answers entity pages and timelines exactly as the SPARQL readers do,
and follows every way of writing: articles, the Graph Store, SPARQL update."""

from __future__ import annotations

import pytest

from kgapi.store.changes import ChangeLog
from tests.api.corpus import extractions


def _answers(app, client, urls: list[str], use_index: bool) -> list:
    """Each URL's status and JSON, answered with or without the index (nothing kept from before)."""
    saved = app.extensions.get("kgapi.facts")
    if not use_index:
        app.extensions["kgapi.facts"] = None
    try:
        out = []
        for u in urls:
            app.extensions.pop("kgapi.views", None)
            r = client.get(u)
            out.append((u, r.status_code, r.get_json()))
        return out
    finally:
        app.extensions["kgapi.facts"] = saved


def _index(app):
    from kgapi.api.cache import fact_index

    with app.app_context():
        index = fact_index()
    assert index is not None and index.wait(30)
    return index


def _urls(ids) -> list[str]:
    out = []
    for i in ids:
        out += [f"/entities/{i}", f"/entities/{i}?limit=3&offset=2", f"/timeline?entity={i}",
                f"/timeline?entity={i}&limit=2&offset=1"]
    return out


def _entity_ids(client) -> list[str]:
    return [e["id"] for e in client.get("/entities?limit=200").get_json()["items"]]


def _same(app, client, urls):
    with_index = _answers(app, client, urls, True)
    without = _answers(app, client, urls, False)
    for a, b in zip(with_index, without):
        assert a == b, a[0]
    _same_search(app)
    return with_index


def _same_search(app):
    """The search index the app keeps (from the fact index) holds what one built by queries holds."""
    from kgapi.api.cache import labels
    from kgapi.api.labels import LabelIndex

    st = app.extensions["kgapi"]
    with app.app_context():
        kept = labels()
        kept.token()
        assert kept.facts is not None
    by_queries = LabelIndex(st.store, st.minter)
    by_queries.token()
    assert [(e.entity, e.names, e.mentions) for e in kept._entries] == \
        [(e.entity, e.names, e.mentions) for e in by_queries._entries]
    assert kept._entries


def test_index_answers_as_sparql_does(corpus_app):
    _index(corpus_app)
    client = corpus_app.test_client()
    assert client.get("/health").get_json()["fact_index"] == "ready"
    ids = _entity_ids(client)
    assert len(ids) > 20
    answers = _same(corpus_app, client, _urls(ids))
    assert sum(1 for _u, status, body in answers if status == 200 and body.get("statements")) > 10
    assert sum(1 for _u, status, body in answers if status == 200 and body.get("relations", {}).get("in")) > 3


def test_index_follows_article_writes_graph_by_graph(app, client, auth):
    x1, x2, x3 = extractions()[:3]
    client.post("/articles", json=x1, headers=auth)
    index = _index(app)
    loads, reads = index.loads, index.graph_reads
    r = client.post("/articles", json=x2, headers=auth)
    assert r.status_code == 201
    client.post("/articles", json=x3, headers=auth)
    ids = _entity_ids(client)
    _same(app, client, _urls(ids))
    # no full load: the two article graphs read, and the entity registry graph they changed
    assert index.loads == loads and index.graph_reads == reads + 3
    assert client.delete(r.headers["Location"], headers=auth).status_code == 204
    _same(app, client, _urls(ids))
    assert index.loads == loads and index.graph_reads == reads + 5


def test_index_follows_graph_store_and_sparql_updates(app, client, auth):
    x1, x2 = extractions()[:2]
    r = client.post("/articles", json=x1, headers=auth)
    article = r.get_json()["article"]["iri"]
    index = _index(app)
    ids = _entity_ids(client)
    person = client.get(f"/entities/{ids[0]}").get_json()
    # the Graph Store: a copy of the article's graph under another name doubles its facts' sources
    turtle = client.get(f"/store?graph={article}", headers={"Accept": "application/n-triples"}).data
    loads = index.loads
    assert client.put("/store?graph=http://kg.test/copy", data=turtle, content_type="application/n-triples",
                      headers=auth).status_code == 201
    _same(app, client, _urls(ids))
    assert index.loads == loads  # one graph read again
    assert client.delete("/store?graph=http://kg.test/copy", headers=auth).status_code == 204
    _same(app, client, _urls(ids))
    # SPARQL update: any graph may have changed, so the index loads everything again
    other = client.post("/articles", json=x2, headers=auth).get_json()["article"]["iri"]
    update = f"DELETE WHERE {{ GRAPH <{other}> {{ ?s ?p ?o }} }}"
    assert client.post("/sparql", data=update, content_type="application/sparql-update",
                       headers=auth).status_code in (200, 204)
    _same(app, client, _urls(ids))
    index.wait(30)
    assert index.loads == loads + 1
    _same(app, client, _urls(ids))
    assert client.get(f"/entities/{ids[0]}").get_json()["total"] == person["total"]


def test_change_log_says_which_graphs_changed():
    log = ChangeLog(size=3)
    log.record(1, ["a"])
    log.record(2, ["b", "c"])
    assert log.since(0, 2) == {"a", "b", "c"} and log.since(1, 2) == {"b", "c"} and log.since(2, 2) == set()
    log.record(3, None)
    assert log.since(1, 3) is None  # a write that could have touched anything
    log.record(4, ["d"])
    assert log.since(3, 4) == {"d"}
    assert log.since(0, 4) is None  # fell off the log
    assert log.since(None, 4) is None


@pytest.mark.settings(fact_index=False)
def test_index_can_be_turned_off(app):
    from kgapi.api.cache import fact_index

    with app.app_context():
        assert fact_index() is None
