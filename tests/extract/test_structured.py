"""Hand-written claims → a clean contract dict; clear errors naming the bad field."""

import pytest

from kgapi.errors import BadRequest
from kgapi.extract.structured import normalize_claims

TEXT = "North Korea sent 11,000 troops to Russia. Kim Jong Un ordered the attack."


def doc(**over):
    d = {"article": {"title": "Hand-made", "published": "2025-06-17", "text": TEXT},
         "entities": [{"label": "North Korea", "type": "State", "aliases": ["DPRK"]},
                      {"label": "Kim Jong Un", "type": "Person"}],
         "deployments": [{"sending_state": "North Korea", "host_state": {"label": "Russia"},
                          "personnel": [{"count": 11000, "kind": "troops"}],
                          "sources": [{"sentence": "North Korea sent 11,000 troops to Russia."}],
                          "according_to": "South Korea's military"}],
         "events": [{"type": "Order", "participants": ["kim jong-un"], "date": "2024-10"}],
         "roles": [{"person": {"id": "kim-jong-un"}, "role": "leader", "of": "DPRK"}]}
    d.update(over)
    return d


def test_fills_defaults_and_resolves_refs():
    r = normalize_claims(doc())
    assert r["article"]["id"] == "2025-06-17-hand-made"
    ents = {e["id"]: e for e in r["entities"]}
    assert ents["north-korea"]["aliases"] == ["DPRK"] and ents["kim-jong-un"]["aliases"] == []
    assert ents["russia"]["type"] == "State"  # added: the slot says its type
    d = r["deployments"][0]
    assert d["status"] == "reported" and d["modality"] == "asserted"
    assert d["according_to"] == [{"label": "South Korea's military"}]
    s = d["sources"][0]
    assert TEXT[s["start"]:s["end"]] == s["sentence"]
    assert r["events"][0]["participants"] == [{"id": "kim-jong-un", "label": "Kim Jong Un"}]
    assert r["events"][0]["sources"] == [] and r["events"][0]["according_to"] == []
    assert r["roles"][0]["of"] == {"id": "north-korea", "label": "North Korea"}  # by alias
    assert r["extractor"]["version"] == "manual"


def test_gold_style_flat_figure_and_status_list():
    r = normalize_claims(doc(deployments=[{"sending_state": "North Korea", "host_state": "Russia",
                                           "count": 3000, "qualifier": "at_least", "status": ["reported"]}]))
    assert r["deployments"][0]["personnel"] == [{"count": 3000, "min": None, "qualifier": "at_least", "kind": None}]


@pytest.mark.parametrize("over,field", [
    ({"article": {"published": "2025-01-01"}}, "article.title"),
    ({"entities": [{"label": "X", "type": "Thing"}]}, "entities[0].type"),
    ({"entities": [{"type": "State"}]}, "entities[0].label"),
    ({"deployments": [{"sending_state": "North Korea", "personnel": [{"count": -5}]}]},
     "deployments[0].personnel[0].count"),
    ({"deployments": [{"sending_state": "North Korea", "personnel": [{"count": 5, "qualifier": "lots"}]}]},
     "deployments[0].personnel[0].qualifier"),
    ({"deployments": [{"sending_state": "North Korea", "status": "rumoured"}]}, "deployments[0].status"),
    ({"deployments": [{"sending_state": "North Korea", "start": "last year"}]}, "deployments[0].start"),
    ({"deployments": [{"sending_state": "Kim Jong Un"}]}, "deployments[0].sending_state"),
    ({"events": [{"type": "Party", "participants": []}]}, "events[0].type"),
    ({"events": [{"type": "Visit", "participants": ["Nobody Known"]}]}, "events[0].participants[0]"),
    ({"events": [{"type": "Visit", "participants": [], "modality": "maybe"}]}, "events[0].modality"),
    ({"roles": [{"person": "Kim Jong Un"}]}, "roles[0].role"),
    ({"deployments": [{"sending_state": "North Korea",
                       "sources": [{"sentence": "North Korea", "start": 5, "end": 9}]}]},
     "deployments[0].sources[0]"),
])
def test_errors_name_the_field(over, field):
    with pytest.raises(BadRequest) as ei:
        normalize_claims(doc(**over))
    assert ei.value.details["field"] == field
    assert field in ei.value.message


def test_not_a_dict():
    with pytest.raises(BadRequest):
        normalize_claims(["x"])


def test_extraction_output_round_trips(seed_result):
    r = normalize_claims(seed_result)
    assert len(r["entities"]) == len(seed_result["entities"])
    assert len(r["deployments"]) == len(seed_result["deployments"])
    assert r["extractor"]["version"] == seed_result["extractor"]["version"]
