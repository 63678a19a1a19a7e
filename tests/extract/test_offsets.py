"""Every source points into article.text exactly."""

import pytest

from kgapi.extract import extract

from .conftest import ARTICLES


def _sources(result):
    for slot in ("roles", "deployments", "events"):
        for item in result[slot]:
            for s in item["sources"]:
                yield s


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name)
def test_offsets_index_article_text(path):
    r = extract(path.read_text(encoding="utf-8"))
    text = r["article"]["text"]
    n = 0
    for s in _sources(r):
        assert text[s["start"]:s["end"]] == s["sentence"]
        n += 1
    assert n > 0


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name)
def test_refs_point_into_entities_and_values_are_in_contract(path):
    r = extract(path.read_text(encoding="utf-8"))
    ids = {e["id"]: e for e in r["entities"]}
    assert len(ids) == len(r["entities"])
    for e in r["entities"]:
        assert e["type"] in ("Person", "State", "Organization", "Place")
    refs = []
    for ro in r["roles"]:
        refs += [ro["person"]] + ([ro["of"]] if ro["of"] else [])
    for d in r["deployments"]:
        refs += [x for x in (d["sending_state"], d["host_state"], d["location"]) if x]
        assert d["status"] in ("reported", "confirmed", "announced", "planned", "predicted", "denied")
        for p in d["personnel"]:
            assert p["qualifier"] in (None, "over", "about", "exact", "up_to", "at_least", "under")
            assert p["count"] is None or p["count"] > 0
    for ev in r["events"]:
        refs += ev["participants"] + ([ev["location"]] if ev["location"] else [])
        assert ev["type"] in ("Meeting", "Visit", "Agreement", "Order", "Acknowledgement", "Report", "Denial",
                              "Incursion", "Ceremony", "Statement", "Exercise", "Attack")
    for ref in refs:
        assert ref["id"] in ids and ids[ref["id"]]["label"] == ref["label"]
    for slot in ("roles", "deployments", "events"):
        for item in r[slot]:
            assert item["modality"] in ("asserted", "attributed", "believed", "intended", "anticipated", "negated")
            assert isinstance(item["according_to"], list)
