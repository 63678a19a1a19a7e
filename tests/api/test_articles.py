"""Articles through HTTP: ingest (POST), read back (GET, identical JSON), list, dry run, delete."""

import pytest

from tests.api.corpus import extractions
from tests.helpers import COUNT_ALL, SEED_FILE, count_from_json


def count(client):
    return count_from_json(client.get("/sparql", query_string={"query": COUNT_ALL}).get_json())


def test_post_structured_then_get_gives_the_same_json(client, auth):
    for x in extractions():
        r = client.post("/articles", json=x, headers=auth)
        assert r.status_code == 201, r.get_json()
        body = r.get_json()
        assert r.headers["Location"] == f"/articles/{body['article']['id']}"
        got = client.get(r.headers["Location"])
        assert got.status_code == 200 and got.get_json() == body
        for d in body["deployments"]:
            assert client.get(f"/deployments/{d['id']}").get_json() == d
        for e in body["events"]:
            assert client.get(f"/events/{e['id']}").get_json() == e
        for role in body["roles"]:
            assert client.get(f"/roles/{role['id']}").get_json() == role


def test_posting_again_replaces_and_says_200(client, auth):
    x = extractions()[0]
    assert client.post("/articles", json=x, headers=auth).status_code == 201
    n = count(client)
    x["deployments"] = x["deployments"][:1]
    r = client.post("/articles", json=x, headers=auth)
    assert r.status_code == 200 and len(r.get_json()["deployments"]) == 1
    assert count(client) < n
    assert client.get("/deployments").get_json()["total"] == 1


def test_post_text_plain_and_json_text(client, auth):
    text = SEED_FILE.read_text()
    r = client.post("/articles", data=text.encode(), content_type="text/plain", headers=auth)
    assert r.status_code == 201
    assert r.get_json()["article"]["published"] == "2025-12-06"
    r2 = client.post("/articles", json={"text": text, "title": "Given title", "published": "2025-12-07"},
                     headers=auth)
    assert r2.status_code == 201
    assert r2.get_json()["article"]["title"] == "Given title"
    assert client.get("/articles").get_json()["total"] == 2


def test_post_needs_the_token(client, auth):
    x = extractions()[0]
    assert client.post("/articles", json=x).status_code == 401
    assert client.post("/articles", json=x, headers={"Authorization": "Bearer wrong"}).status_code == 403
    assert client.get("/articles").get_json()["total"] == 0


@pytest.mark.parametrize("kwargs,status", [
    ({"data": b"x", "content_type": "image/png"}, 415),
    ({"data": b"{not json", "content_type": "application/json"}, 400),
    ({"json": [1, 2]}, 400),
    ({"json": {"title": "no text"}}, 400),
    ({"json": {"text": "   "}}, 400),
    ({"json": {"text": "Some text here.", "title": 5}}, 400),
    ({"json": {"text": "Some text here.", "url": "not a url"}}, 400),
    ({"json": {"text": "Some text here.", "published": "yesterday"}}, 400),
    ({"json": {"url": "https://example.org/a"}}, 403),
    ({"data": b"\xff\xfe", "content_type": "text/plain"}, 400),
    ({"data": b"", "content_type": "text/plain"}, 400),
])
def test_bad_bodies_are_4xx_and_write_nothing(client, auth, kwargs, status):
    before = count(client)
    r = client.post("/articles", headers=auth, **kwargs)
    assert r.status_code == status, r.get_json()
    assert set(r.get_json()) == {"error"}
    assert count(client) == before


@pytest.mark.parametrize("mutate,field", [
    (lambda x: x["deployments"][0].update(personnel="many"), "deployments[0].personnel"),
    (lambda x: x["entities"][0].update(label=7), "entities[0].label"),
    (lambda x: x["events"][0].update(participants=[5]), "events[0].participants[0]"),
    (lambda x: x["roles"][0].update(sources=[{"sentence": "x", "start": "0", "end": 1}]), "roles[0].sources[0].start"),
    (lambda x: x.update(entities={"a": 1}), "entities"),
])
def test_malformed_structured_documents_name_the_field(client, auth, mutate, field):
    x = extractions()[0]
    mutate(x)
    r = client.post("/articles", json=x, headers=auth)
    assert r.status_code == 400, r.get_json()
    assert r.get_json()["error"]["details"]["field"] == field


def test_extract_is_a_dry_run(client):
    before = count(client)
    x = extractions()[1]
    r = client.post("/extract", json=x)
    assert r.status_code == 200
    assert r.get_json()["article"]["id"] == x["article"]["id"] and r.get_json()["deployments"]
    r2 = client.post("/extract", data=SEED_FILE.read_bytes(), content_type="text/plain")
    assert r2.status_code == 200 and r2.get_json()["article"]["published"] == "2025-12-06"
    assert count(client) == before


def test_list_articles(corpus, ingested):
    body = corpus.get("/articles").get_json()
    assert body["total"] == 3
    published = [a["published"] for a in body["items"]]
    assert published == sorted(published, reverse=True)
    assert body["items"][0] == ingested[0]["article"]
    assert [a["id"] for a in corpus.get("/articles?entity=olga-lyubimova").get_json()["items"]] == \
        [ingested[0]["article"]["id"]]
    assert corpus.get("/articles?from=2025-06").get_json()["total"] == 2
    assert corpus.get("/articles?to=2025-05").get_json()["total"] == 1
    assert corpus.get("/articles?from=2025-13").status_code == 400


def test_delete_removes_the_article_and_nothing_else(client, auth):
    a, b = (client.post("/articles", json=x, headers=auth).get_json() for x in extractions()[:2])
    assert client.delete(f"/articles/{a['article']['id']}").status_code == 401
    assert client.delete(f"/articles/{a['article']['id']}", headers={"Authorization": "Bearer no"}).status_code == 403
    assert client.delete(f"/articles/{a['article']['id']}", headers=auth).status_code == 204
    assert client.get(f"/articles/{a['article']['id']}").status_code == 404
    assert client.delete(f"/articles/{a['article']['id']}", headers=auth).status_code == 404
    # named only in the deleted article: gone; named in the other one too: stays, with its statements
    assert client.get("/entities/olga-lyubimova").status_code == 404
    kim = client.get("/entities/kim-jong-un").get_json()
    assert kim["articles"]["total"] == 1
    assert all(r["article"]["id"] == b["article"]["id"] for s in kim["statements"] for r in s["references"])
    assert client.get(f"/articles/{b['article']['id']}").get_json() == b
    assert client.get(f"/deployments/{a['deployments'][0]['id']}").status_code == 404




@pytest.mark.settings(token="")
def test_without_a_token_configured_writes_are_refused(client):
    r = client.post("/articles", json=extractions()[0], headers={"Authorization": "Bearer anything"})
    assert r.status_code == 403
    assert "read-only" in r.get_json()["error"]["message"]


HTML = """<!doctype html><html><head><title>N. Korea sends engineers | News</title>
<meta property="article:published_time" content="2025-06-17T09:00:00Z"></head>
<body><nav>Home | World | Sports</nav><article><h1>North Korea to send 1,000 engineers to Russia</h1>
<p>North Korea will send 1,000 military engineers to Russia's Kursk region, Russian Security Council
secretary Sergei Shoigu said on Tuesday after talks with Kim Jong-un in Pyongyang.</p>
<p>The engineers will clear mines, Shoigu said.</p></article><footer>Subscribe now</footer></body></html>"""


def test_post_html_reads_the_main_content(client, auth):
    r = client.post("/articles", data=HTML.encode(), content_type="text/html; charset=utf-8", headers=auth)
    assert r.status_code == 201, r.get_json()
    body = r.get_json()
    assert "engineers" in body["article"]["title"]
    assert client.get(r.headers["Location"]).get_json() == body


@pytest.fixture
def page_server():
    """A local HTTP server with one news page (the fetch test's only target)."""
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            data = HTML.encode()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/news/1"
    server.shutdown()
    server.server_close()


@pytest.mark.settings(fetch_allow="127.0.0.1")
def test_post_url_fetches_allowed_hosts_only(client, auth, page_server):
    r = client.post("/articles", json={"url": page_server}, headers=auth)
    assert r.status_code == 201, r.get_json()
    assert r.get_json()["article"]["url"] == page_server
    refused = client.post("/articles", json={"url": page_server.replace("127.0.0.1", "localhost")}, headers=auth)
    assert refused.status_code == 403


def test_cached_answers_follow_every_write(client, auth):
    """Answers are kept until the store changes: each write must show in the next read."""
    x1, x2 = extractions()[:2]
    client.post("/articles", json=x1, headers=auth)
    urls = ["/entities/kim-jong-un", "/deployments?sending_state=north-korea", "/events?participant=kim-jong-un",
            "/timeline?entity=kim-jong-un", "/articles", "/roles?person=kim-jong-un", "/entities?q=kim"]
    before = {u: client.get(u).get_json() for u in urls}
    assert client.get(urls[0]).get_json() == before[urls[0]]        # served again, unchanged
    client.post("/articles", json=x2, headers=auth)
    after = {u: client.get(u).get_json() for u in urls}
    assert after["/entities/kim-jong-un"]["articles"]["total"] == 2
    for u in urls[1:6]:
        assert after[u]["total"] > before[u]["total"], u
    client.delete(f"/articles/{x2['article']['id']}", headers=auth)
    assert {u: client.get(u).get_json() for u in urls} == before
