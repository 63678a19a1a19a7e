"""The scorer's matching rules."""

import json

from kgapi.evaluate import evaluate, norm, score_article


def test_norm():
    assert norm("Kim Jong-un") == norm("Kim Jong Un") == "kim jong un"
    assert norm("U.S.") == norm("US")
    assert norm("The Kremlin") == norm("Kremlin")
    assert norm("Workers’ Party of Korea") == norm("Workers' Party of Korea")
    assert norm("Goïta") == "goita"


def _pred(**over):
    base = {"article": {"published": "2025-01-01", "title": "T"}, "entities": [], "roles": [], "deployments": [],
            "events": []}
    base.update(over)
    return base


def ref(label):
    return {"id": label.lower().replace(" ", "-"), "label": label}


def test_entities_aliases_and_duplicates():
    gold = {"published": "2025-01-01", "entities": [{"label": "Kim Jong Un", "type": "Person", "aliases": ["Kim"]},
                                                    {"label": "North Korea", "type": "State", "aliases": ["DPRK"]}]}
    pred = _pred(entities=[{"id": "kim", "label": "Kim", "type": "Person", "aliases": []},
                           {"id": "dprk", "label": "DPRK", "type": "State", "aliases": []},
                           {"id": "north-korea", "label": "North Korea", "type": "State", "aliases": []},
                           {"id": "x", "label": "Kim Jong Un", "type": "State", "aliases": []}])
    r = score_article(pred, gold)
    assert r["entities"] == (2, 2, 0)  # a second node for North Korea and a wrong type are errors


def test_figures_counted_one_by_one_and_ranges():
    ents = [{"id": "north-korea", "label": "North Korea", "type": "State", "aliases": []},
            {"id": "russia", "label": "Russia", "type": "State", "aliases": []}]
    gold = {"published": "2025-01-01", "entities": [{"label": "North Korea", "type": "State"},
                                                    {"label": "Russia", "type": "State"}],
            "deployments": [{"sending_state": "North Korea", "host_state": "Russia", "count": 1000, "kind": "engineers",
                             "status": ["planned"]},
                            {"sending_state": "North Korea", "host_state": "Russia", "count": 5000,
                             "kind": "construction workers", "status": ["planned"]}],
            "not": [{"what": "deployment", "count": 6000}]}
    one = {"sending_state": ref("North Korea"), "host_state": ref("Russia"), "location": None,
           "personnel": [{"count": 1000, "min": None, "qualifier": None, "kind": "engineers"},
                         {"count": 5000, "min": None, "qualifier": None, "kind": "construction workers"}],
           "start": None, "end": None, "status": "planned", "sources": [], "according_to": [], "modality": "intended"}
    r = score_article(_pred(entities=ents, deployments=[one]), gold)
    assert r["deployments"] == (2, 0, 0) and r["not"] == []
    six = dict(one, personnel=[{"count": 6000, "min": None, "qualifier": None, "kind": None}])
    r = score_article(_pred(entities=ents, deployments=[one, six]), gold)
    assert r["deployments"] == (2, 1, 0) and len(r["not"]) == 1


def test_evaluate_runs_on_a_folder(tmp_path):
    (tmp_path / "a.txt").write_text("Saturday, December 6, 2025\n\nNorth Korea sent 11,000 troops to Russia.\n",
                                    encoding="utf-8")
    (tmp_path / "a.gold.json").write_text(json.dumps({
        "article": "a.txt", "published": "2025-12-06",
        "entities": [{"label": "North Korea", "type": "State"}, {"label": "Russia", "type": "State"}],
        "deployments": [{"sending_state": "North Korea", "host_state": "Russia", "count": 11000, "kind": "troops",
                         "status": ["reported"]}]}), encoding="utf-8")
    rep = evaluate(tmp_path)
    assert rep["articles"] == 1
    assert rep["slots"]["deployments"]["f1"] == 1.0 and rep["slots"]["entities"]["f1"] == 1.0
    assert rep["published_accuracy"]["accuracy"] == 1.0
