"""A slot value of a type the slot does not admit costs that value, never the whole article."""

from kgapi.extract.pipeline import _conform


def _result():
    ents = [{"id": "kremlin", "label": "Kremlin", "type": "Organization", "aliases": []},
            {"id": "russia", "label": "Russia", "type": "State", "aliases": []},
            {"id": "kursk", "label": "Kursk", "type": "Place", "aliases": []},
            {"id": "kim", "label": "Kim", "type": "Person", "aliases": []}]
    ref = lambda i: {"id": i, "label": i}  # noqa: E731
    return {"entities": ents,
            "deployments": [{"sending_state": ref("kremlin"), "host_state": ref("russia"), "location": ref("kursk")}],
            "events": [{"location": ref("kremlin"), "participants": [ref("kim")]},
                       {"location": ref("kursk"), "participants": []}],
            "roles": [{"person": ref("kim"), "role": "leader", "of": ref("kursk")},
                      {"person": ref("russia"), "role": "leader", "of": ref("russia")}]}


def test_wrongly_typed_slot_values_are_dropped_and_the_rest_kept():
    r = _result()
    _conform(r)
    d = r["deployments"][0]
    assert d["sending_state"] is None and d["host_state"]["id"] == "russia" and d["location"]["id"] == "kursk"
    assert r["events"][0]["location"] is None and r["events"][0]["participants"] == [{"id": "kim", "label": "kim"}]
    assert r["events"][1]["location"]["id"] == "kursk"
    # a role held in a place is no role (a role is held in a state or a body): it goes, like one of a non-person
    assert r["roles"] == []


def test_what_conforms_is_left_alone():
    r = _result()
    r["deployments"][0]["sending_state"] = {"id": "russia", "label": "Russia"}
    r["events"] = r["events"][1:]
    r["roles"] = [{"person": {"id": "kim", "label": "Kim"}, "role": "leader", "of": {"id": "russia", "label": "R"}}]
    before = repr(r)
    _conform(r)
    assert repr(r) == before
