"""Deployments, events, roles, claims and the timeline through HTTP: filters, dates at their precision, shapes."""

import pytest

from tests.api.corpus import extractions


def items(resp):
    assert resp.status_code == 200, resp.get_json()
    return resp.get_json()["items"]


# -- deployments ----------------------------------------------------------------------------

def test_deployments_have_the_ingest_shape(corpus, ingested):
    from_ingest = {d["id"]: d for x in ingested for d in x["deployments"]}
    listed = items(corpus.get("/deployments?limit=200"))
    assert {d["id"] for d in listed} == set(from_ingest)
    for d in listed:
        assert d == from_ingest[d["id"]]
        assert corpus.get(f"/deployments/{d['id']}").get_json() == d


def test_deployment_filters(corpus):
    nk = items(corpus.get("/deployments?sending_state=north-korea&limit=200"))
    assert nk and all(d["sending_state"]["id"] == "north-korea" for d in nk)
    kursk = items(corpus.get("/deployments?location=kursk&limit=200"))
    assert kursk and all(d["location"]["id"] == "kursk" for d in kursk)
    announced = items(corpus.get("/deployments?status=announced&limit=200"))
    assert announced and all(d["status"] == "announced" for d in announced)
    assert {d["id"] for d in announced} < {d["id"] for d in nk}
    assert items(corpus.get("/deployments?host_state=north-korea")) == []
    assert corpus.get("/deployments?sending_state=nobody").get_json()["total"] == 0


@pytest.fixture
def dated(client, app):
    """Deployments and events dated at every precision, to test comparisons at precision."""
    st = app.extensions["kgapi"]
    nk, ru = {"id": "north-korea", "label": "North Korea"}, {"id": "russia", "label": "Russia"}

    def dep(start, end=None, status="reported", count=1000):
        return {"sending_state": nk, "host_state": ru, "personnel": [{"count": count}], "start": start,
                "end": end, "status": status}

    st.pipeline.write(st.pipeline.build({
        "article": {"id": "dates", "title": "Dates", "published": "2025-06-01"},
        "entities": [{**nk, "type": "State"}, {**ru, "type": "State"}],
        "deployments": [dep("2024-10-22", count=1), dep("2025", count=2), dep("2024-10", "2024-12", count=3),
                        dep("2023", count=4, status="confirmed"), dep(None, count=5)],
        "events": [{"type": "Meeting", "date": "2024-10-22", "participants": [nk, ru]},
                   {"type": "Visit", "date": "2025", "participants": [ru]},
                   {"type": "Agreement", "date": None, "participants": [nk, ru]}],
    }))
    return client


def counts(client, query):
    return sorted(d["personnel"][0]["count"] for d in items(client.get("/deployments?" + query)))


@pytest.mark.parametrize("query,expected", [
    ("from=2024-10", [1, 2, 3]),              # a month includes its days
    ("from=2025-03", [2]),                    # known only as 2025: overlaps March 2025
    ("to=2024-10", [1, 3, 4]),                # up to the month's last day
    ("from=2024-10-23&to=2024-11", [3]),      # 2024-10..2024-12 overlaps; 2024-10-22 does not
    ("from=2024&to=2024", [1, 3]),
    ("to=2022", []),
    ("", [1, 2, 3, 4, 5]),                    # no dates asked: undated ones too
    ("status=confirmed", [4]),
])
def test_deployment_dates_are_compared_at_their_precision(dated, query, expected):
    assert counts(dated, query) == expected


def test_deployments_sort_by_date_undated_last(dated):
    assert [d["personnel"][0]["count"] for d in items(dated.get("/deployments"))] == [4, 3, 1, 2, 5]
    assert [d["personnel"][0]["count"] for d in items(dated.get("/deployments?sort=-date"))] == [2, 1, 3, 4, 5]


@pytest.mark.parametrize("query,name", [("from=2024-13", "from"), ("to=24", "to"), ("from=2025&to=2024", "from"),
                                        ("status=rumoured", "status"), ("sending_state=North%20Korea", "sending_state"),
                                        ("sort=size", "sort"), ("limit=201", "limit")])
def test_bad_deployment_parameters(dated, query, name):
    r = dated.get("/deployments?" + query)
    assert r.status_code == 400
    assert r.get_json()["error"]["details"]["parameter"] == name


# -- events --------------------------------------------------------------------------------

def test_events_filters_and_shape(corpus, ingested):
    from_ingest = {e["id"]: e for x in ingested for e in x["events"]}
    kim = items(corpus.get("/events?participant=kim-jong-un&limit=200"))
    assert kim and all(any(p["id"] == "kim-jong-un" for p in e["participants"]) for e in kim)
    for e in kim:
        assert e == from_ingest[e["id"]]
    orders = items(corpus.get("/events?type=Order&limit=200"))
    assert orders and all(e["type"] == "Order" for e in orders)
    oct22 = items(corpus.get("/events?from=2024-10-22&to=2024-10-22"))
    # an event known only as October 2024 may have happened that day: it overlaps
    assert [e["date"] for e in oct22] == ["2024-10", "2024-10-22"]
    one = corpus.get(f"/events/{oct22[1]['id']}").get_json()
    assert one == from_ingest[one["id"]] and one["sources"][0]["sentence"]


def test_event_dates_at_precision(dated):
    got = items(dated.get("/events?from=2025-03"))
    assert [e["type"] for e in got] == ["Visit"]
    assert [e["type"] for e in items(dated.get("/events?to=2024-10"))] == ["Meeting"]
    assert [e["type"] for e in items(dated.get("/events"))] == ["Meeting", "Visit", "Agreement"]
    assert dated.get("/events?type=Party").status_code == 400


# -- roles, claims -------------------------------------------------------------------------

def test_roles_and_claims(corpus, ingested):
    roles = items(corpus.get("/roles?person=kim-jong-un"))
    assert {r["role"] for r in roles} == {"Supreme Leader", "leader"}
    assert all(r["of"]["id"] == "north-korea" for r in roles)
    assert items(corpus.get("/roles?role=supreme-leader"))[0]["person"]["id"] == "kim-jong-un"
    role_type = corpus.get("/role-types/supreme-leader").get_json()
    assert role_type["label"] == "Supreme Leader" and role_type["holders"][0]["person"]["id"] == "kim-jong-un"
    for claim in ingested[1]["claims"][:5]:
        assert corpus.get(f"/claims/{claim['id']}").get_json() == claim


@pytest.mark.parametrize("path", ["/deployments/nope", "/events/nope", "/roles/nope", "/claims/nope",
                                  "/role-types/nope", "/articles/nope", "/deployments/NOPE!"])
def test_unknown_facts_are_404(corpus, path):
    r = corpus.get(path)
    assert r.status_code == 404 and r.get_json()["error"]["code"] == "not_found"


def test_a_fact_id_of_another_kind_is_404(corpus, ingested):
    event_id = ingested[0]["events"][0]["id"]
    assert corpus.get(f"/deployments/{event_id}").status_code == 404


# -- timeline ------------------------------------------------------------------------------

def test_timeline_of_an_entity(corpus):
    r = corpus.get("/timeline?entity=north-korea&limit=200")
    body = r.get_json()
    assert r.status_code == 200 and body["total"] == len(body["items"]) > 5
    keys = [(i["date"] + "-01-01")[:10] if len(i["date"]) == 4 else i["date"] for i in body["items"]]
    firsts = [d if len(d) == 10 else d + "-01" for d in keys]
    assert firsts == sorted(firsts)
    kinds = {i["kind"] for i in body["items"]}
    assert {"deployment", "event", "role"} <= kinds
    for i in body["items"]:
        assert i["references"] and i["references"][0]["sentence"]
        assert i["references"][0]["article"]["id"]
        if i["kind"] == "role":
            assert i["dated_by"] == "published" and i["date"] == i["references"][0]["article"]["published"]
    assert any(i["kind"] == "deployment" and i["date"] == "2024-10" for i in body["items"])


def test_timeline_parameters(corpus):
    r = corpus.get("/timeline")
    assert r.status_code == 400 and r.get_json()["error"]["details"]["parameter"] == "entity"
    assert corpus.get("/timeline?entity=nobody").status_code == 404
    page = corpus.get("/timeline?entity=north-korea&limit=2").get_json()
    assert len(page["items"]) == 2 and page["next"]
