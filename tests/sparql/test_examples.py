"""The README's example queries: each runs on the seed, on both backends, and answers what it promises."""

from __future__ import annotations

import pytest

from kgapi.sparql.examples import EXAMPLES
from tests.helpers import ROOT

BY_TITLE = {e.title: e for e in EXAMPLES}


def _rows(client, title):
    r = client.get("/sparql", query_string={"query": BY_TITLE[title].query})
    assert r.status_code == 200, r.data[:300]
    return [{k: v["value"] for k, v in b.items()} for b in r.get_json()["results"]["bindings"]]


def test_the_readme_shows_every_example_as_it_runs():
    readme = (ROOT / "README.md").read_text()
    for e in EXAMPLES:
        assert f"**{e.title}**" in readme, e.title
        assert e.query.strip() in readme, f"README's '{e.title}' differs from kgapi/sparql/examples.py"


def test_deployments_by_date(any_store_seeded_client):
    rows = _rows(any_store_seeded_client, "Deployments by date")
    kursk = [r for r in rows if r.get("to") == "Kursk" and r.get("kind") == "combat troops"]
    assert kursk == [{"start": "2024-10", "from": "North Korea", "to": "Kursk", "count": "11000",
                      "kind": "combat troops", "status": "reported"}]
    starts = [r["start"] for r in rows if "start" in r]
    assert starts == sorted(starts) and len(rows) >= 3


def test_who_met_whom(any_store_seeded_client):
    rows = _rows(any_store_seeded_client, "Who met whom")
    assert any(r["a"] == "Kim Jong Un" and r["b"] == "Olga Lyubimova" for r in rows)
    assert all(r["a"] < r["b"] for r in rows)  # each pair once


def test_claims_with_their_source_sentence(any_store_seeded_client):
    rows = _rows(any_store_seeded_client, "Claims with their source sentence")
    troops = [r for r in rows if "11,000 combat troops" in r["fact"]]
    assert troops and troops[0]["modality"] == "attributed" and troops[0]["accordingTo"] == "Intelligence reports"
    assert "Intelligence reports indicate" in troops[0]["sentence"]
    assert all(r["article"] == "North Korea Shows Troops in Russia for First Time, Honors War Dead" for r in rows)


def test_who_holds_which_role(any_store_seeded_client):
    rows = _rows(any_store_seeded_client, "Who holds which role")
    assert {"person": "Kim Jong Un", "role": "Supreme Leader", "of": "North Korea"} in rows
    assert {"person": "Olga Lyubimova", "role": "Culture Minister", "of": "Russia"} in rows


def test_timeline_of_one_actor(any_store_seeded_client):
    rows = _rows(any_store_seeded_client, "Timeline of one actor")
    dates = sorted({r["date"] for r in rows})
    assert dates == ["2024-10-22", "2024-12-12", "2024-12-22"]
    assert [r["date"] for r in rows] == sorted(r["date"] for r in rows)
    assert {r["type"] for r in rows} == {"Order"}


@pytest.mark.parametrize("title", list(BY_TITLE))
def test_examples_need_no_graph_clause(title):
    assert "GRAPH" not in BY_TITLE[title].query  # the union default graph makes a first query simple


COUNT_DEPLOYMENTS = "SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/kgapi/ns#Deployment> }"
COUNT_IN_GRAPHS = ("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?d a <https://w3id.org/kgapi/ns#Deployment> } }")


def _count(client, q):
    r = client.get("/sparql", query_string={"query": q})
    return int(r.get_json()["results"]["bindings"][0]["n"]["value"])


def test_the_default_graph_is_the_union_of_all_graphs(any_store_seeded_client):
    c = any_store_seeded_client
    assert _count(c, COUNT_DEPLOYMENTS) == _count(c, COUNT_IN_GRAPHS) > 0


@pytest.mark.settings(union_default_graph=False)
@pytest.mark.virtuoso_differs("Virtuoso's default graph always is the union of its graphs: "
                               "KGAPI_UNION_DEFAULT_GRAPH=false cannot switch it off there (README)")
def test_the_union_default_graph_can_be_switched_off(any_store_seeded_client):
    c = any_store_seeded_client
    assert _count(c, COUNT_DEPLOYMENTS) == 0 and _count(c, COUNT_IN_GRAPHS) > 0
    sd = c.get("/sparql", headers={"Accept": "application/n-triples"}).data.decode()
    assert "UnionDefaultGraph" not in sd
