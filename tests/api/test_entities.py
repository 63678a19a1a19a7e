"""GET /entities (search) and GET /entities/{id} (statements, sources, relations, ETag) through HTTP."""

import pytest

from kgapi.api.labels import fold, rank


def ids(resp):
    return [e["id"] for e in resp.get_json()["items"]]


@pytest.mark.parametrize("q", ["kim jong-un", "Kim Jong Un", "KIM JONG-UN", "kimjongun", "kim  jong   un",
                               "Kím Jóng Ün", "kim-jong-un"])
def test_search_ignores_case_accents_hyphens_and_spacing(corpus, q):
    r = corpus.get("/entities", query_string={"q": q})
    assert r.status_code == 200
    assert ids(r)[0] == "kim-jong-un"


def test_search_finds_aliases_and_filters_by_type(corpus):
    assert ids(corpus.get("/entities?q=DPRK"))[0] == "north-korea"
    # a label beats an alias: the city first, then the state it stands for
    assert ids(corpus.get("/entities?q=pyongyang"))[:2] == ["pyongyang", "north-korea"]
    people = corpus.get("/entities?q=kim&type=Person").get_json()
    assert people["items"] and all(e["type"] == "Person" for e in people["items"])
    assert "kim-jong-un" in [e["id"] for e in people["items"]]
    assert corpus.get("/entities?q=kim&type=Place").get_json()["total"] == 0


def test_search_items_have_the_entity_shape(corpus, ingested):
    item = corpus.get("/entities?q=north korea").get_json()["items"][0]
    assert set(item) == {"id", "iri", "label", "type", "aliases"}
    from_ingest = next(e for e in ingested[0]["entities"] if e["id"] == "north-korea")
    assert item["iri"] == from_ingest["iri"] and item["label"] == from_ingest["label"]
    assert set(from_ingest["aliases"]) <= set(item["aliases"])


def test_ranking_exact_then_prefix_then_word_then_contains(client, app):
    st = app.extensions["kgapi"]
    labels = [("Uzbekkorea Group", "Organization"), ("North Korea", "State"), ("Korea", "Place"),
              ("Korea Institute for National Unification", "Organization")]
    st.pipeline.write(st.pipeline.build({
        "article": {"id": "ranking", "title": "Ranking"},
        "entities": [{"label": lab, "type": t} for lab, t in labels]}))
    assert ids(client.get("/entities?q=korea")) == [
        "korea", "korea-institute-for-national-unification", "north-korea", "uzbekkorea-group"]


def test_rank_function():
    assert rank(fold("Kim Jong Un"), fold("kim jong-un")) == 0
    assert rank(fold("Kim Jong Un"), fold("kim jo")) == 1
    assert rank(fold("Kim Jong Un"), fold("jong")) == 2
    assert rank(fold("Kim Jong Un"), fold("ongu")) == 3
    assert rank(fold("Kim Jong Un"), fold("putin")) is None
    assert fold("Workers’ Party of Korea") == "workers party of korea"


def test_search_pages(corpus):
    first = corpus.get("/entities?limit=5").get_json()
    assert len(first["items"]) == 5 and first["total"] > 5 and first["offset"] == 0
    second = corpus.get(first["next"]).get_json()
    assert second["offset"] == 5
    assert not set(e["id"] for e in first["items"]) & set(e["id"] for e in second["items"])
    last = corpus.get(f"/entities?limit=5&offset={first['total'] - 1}").get_json()
    assert len(last["items"]) == 1 and last["next"] is None


def test_search_sees_new_articles_and_deletions(client, app, auth):
    assert client.get("/entities?q=Lyubimova").get_json()["total"] == 0
    from tests.api.corpus import extractions

    x = extractions()[0]
    r = client.post("/articles", json=x, headers=auth)
    assert r.status_code == 201
    assert ids(client.get("/entities?q=Lyubimova")) == ["olga-lyubimova"]
    assert client.delete(r.headers["Location"], headers=auth).status_code == 204
    assert client.get("/entities?q=Lyubimova").get_json()["total"] == 0


@pytest.mark.parametrize("params,name", [({"limit": "0"}, "limit"), ({"limit": "abc"}, "limit"),
                                         ({"offset": "-1"}, "offset"), ({"type": "Alien"}, "type"),
                                         ({"limit": ["1", "2"]}, "limit")])
def test_bad_search_parameters_name_the_parameter(corpus, params, name):
    r = corpus.get("/entities", query_string=params)
    assert r.status_code == 400
    err = r.get_json()["error"]
    assert err["code"] == "invalid_parameter" and err["details"]["parameter"] == name


def test_entity_statements_with_sources(corpus):
    r = corpus.get("/entities/north-korea")
    assert r.status_code == 200
    e = r.get_json()
    assert e["label"] == "North Korea" and e["type"] == "State"
    assert {"Pyongyang", "DPRK"} <= set(e["aliases"])
    sent = [s for s in e["statements"] if s["property"] == "sending_state_of"]
    assert len(sent) == e["statement_counts"]["sending_state_of"] == 11
    eleven = next(s for s in sent if any(p["count"] == 11000 for p in s["qualifiers"]["personnel"]))
    assert eleven["value"]["kind"] == "deployment" and eleven["fact"]["id"] == eleven["value"]["id"]
    assert eleven["qualifiers"]["host_state"]["id"] == "russia"
    assert eleven["qualifiers"]["start"] == "2024-10" and eleven["date"] == "2024-10"
    ref = eleven["references"][0]
    assert "11,000 combat troops" in ref["sentence"]
    assert ref["article"]["title"].startswith("North Korea Shows Troops in Russia")
    assert ref["according_to"] == [{"label": "Intelligence reports"}] and ref["modality"] == "attributed"
    assert isinstance(ref["start"], int) and ref["end"] > ref["start"]
    dated = [s["date"] for s in e["statements"] if s["date"]]
    assert dated == sorted(dated, reverse=True)  # newest first


def test_person_statements_roles_and_events(corpus):
    e = corpus.get("/entities/kim-jong-un").get_json()
    roles = {s["value"] for s in e["statements"] if s["property"] == "role"}
    assert {"Supreme Leader", "leader"} <= roles
    role = next(s for s in e["statements"] if s["value"] == "Supreme Leader")
    assert role["qualifiers"]["of"]["id"] == "north-korea"
    assert role["references"][0]["sentence"]
    events = [s for s in e["statements"] if s["property"] == "participant_in"]
    assert any(s["qualifiers"]["date"] == "2024-10-22" and s["qualifiers"]["type"] == "Order" for s in events)
    # relations: out to the states he holds roles in; in none from his own roles
    out = {(r["property"], r["entity"]["id"]) for r in e["relations"]["out"]}
    assert ("role", "north-korea") in out
    assert any(r["property"] == "met_with" and r["entity"]["id"] == "sergei-shoigu" for r in e["relations"]["out"])


def test_relations_in_and_out(corpus):
    russia = corpus.get("/entities/russia").get_json()
    incoming = {(r["property"], r["entity"]["id"]) for r in russia["relations"]["in"]}
    assert ("deployed_to", "north-korea") in incoming
    assert ("role", "olga-lyubimova") in incoming
    members = [s for s in russia["statements"] if s["property"] == "member"]
    assert any(s["value"]["id"] == "vladimir-putin" and s["qualifiers"]["role"] == "President" for s in members)
    nk = corpus.get("/entities/north-korea").get_json()
    assert ("deployed_to", "russia") in {(r["property"], r["entity"]["id"]) for r in nk["relations"]["out"]}


def test_source_of_statements(corpus):
    shoigu = corpus.get("/entities/sergei-shoigu").get_json()
    sourced = [s for s in shoigu["statements"] if s["property"] == "source_of"]
    assert sourced and all(s["value"]["kind"] == "deployment" for s in sourced)
    assert all(any(a.get("id") == "sergei-shoigu" for a in r["according_to"])
               for s in sourced for r in s["references"])


def test_entity_articles_and_statement_pages(corpus):
    e = corpus.get("/entities/north-korea?limit=3").get_json()
    assert e["articles"]["total"] == 3 and len(e["articles"]["items"]) == 3
    published = [a["published"] for a in e["articles"]["items"]]
    assert published == sorted(published, reverse=True)
    assert len(e["statements"]) == 3 and e["total"] > 3
    more = corpus.get(e["next"]).get_json()
    assert more["offset"] == 3
    firsts = {(s["fact"]["id"], s["property"]) for s in e["statements"]}
    assert not firsts & {(s["fact"]["id"], s["property"]) for s in more["statements"]}


def test_etag_and_304(corpus):
    r = corpus.get("/entities/kim-jong-un")
    etag = r.headers["ETag"]
    assert etag
    again = corpus.get("/entities/kim-jong-un", headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.data == b""
    other = corpus.get("/entities/kim-jong-un", headers={"If-None-Match": '"something-else"'})
    assert other.status_code == 200


def test_a_kept_answer_keeps_its_bytes_and_the_etag_of_them(corpus):
    """Repeated requests are answered from the view cache with the ETag hashed once: it must stay the
    hash of exactly the bytes sent, and If-None-Match must still match it."""
    import hashlib

    first = corpus.get("/entities/kim-jong-un?limit=3")
    for _ in range(2):
        again = corpus.get("/entities/kim-jong-un?limit=3")
        assert again.status_code == 200 and again.data == first.data
        assert again.headers["ETag"] == first.headers["ETag"] == f'"{hashlib.sha1(first.data).hexdigest()}"'
        assert again.headers["Content-Type"] == "application/json"
        assert again.headers["Cache-Control"] == "no-cache"
    assert corpus.get("/entities/kim-jong-un?limit=3", headers={"If-None-Match": first.headers["ETag"]}).status_code == 304


def test_etag_changes_when_the_entity_does(client, app, auth):
    from tests.api.corpus import extractions

    x1, x2 = extractions()[:2]
    client.post("/articles", json=x1, headers=auth)
    etag = client.get("/entities/kim-jong-un").headers["ETag"]
    client.post("/articles", json=x2, headers=auth)
    r = client.get("/entities/kim-jong-un", headers={"If-None-Match": etag})
    assert r.status_code == 200 and r.headers["ETag"] != etag


@pytest.mark.parametrize("path", ["/entities/nobody", "/entities/Kim%20Jong%20Un", "/entities/..%2Fetc",
                                  "/entities/kim-jong-un.exe"])
def test_unknown_entities_are_404_in_the_error_shape(corpus, path):
    r = corpus.get(path)
    assert r.status_code == 404
    assert r.get_json()["error"]["code"] == "not_found"


def test_entity_page_parameters_are_checked(corpus):
    r = corpus.get("/entities/kim-jong-un?limit=1000")
    assert r.status_code == 400 and r.get_json()["error"]["details"]["parameter"] == "limit"
