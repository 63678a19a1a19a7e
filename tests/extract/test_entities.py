"""Entities: states by name/short name/adjective/capital, persons known and unknown, organizations."""

from kgapi.extract import extract


def ents(text, **kw):
    r = extract(text, published=kw.pop("published", "2025-06-17"), **kw)
    return {(e["type"], e["label"]): e for e in r["entities"]}, r


def test_seed_entities(seed_result):
    got = {(e["type"], e["label"]) for e in seed_result["entities"]}
    for want in [("Person", "Kim Jong Un"), ("Person", "Kim Yo Jong"), ("Person", "Olga Lyubimova"),
                 ("Person", "Choe Son Hui"), ("Person", "Sergei Shoigu"), ("Person", "Hong Min"),
                 ("Person", "Lim Eum Chul"), ("State", "North Korea"), ("State", "Russia"),
                 ("State", "South Korea"), ("State", "United States"), ("Place", "Kursk"),
                 ("Organization", "Rodong Sinmun"), ("Organization", "Workers' Party of Korea"),
                 ("Organization", "Korean Central Television"),
                 ("Organization", "Korea Institute for National Unification"),
                 ("Organization", "Kyungnam University"),
                 ("Organization", "Security Council of the Russian Federation")]:
        assert want in got, want
    labels = {e["label"] for e in seed_result["entities"]}
    assert not {"Blackhawk", "Lowy", "Check Out Our Content"} & labels


def test_capital_metonym_vs_place():
    e, _ = ents("Pyongyang announced on Monday that talks in Pyongyang had ended. Moscow denied it.")
    assert "Pyongyang" in e[("State", "North Korea")]["aliases"]
    assert ("Place", "Pyongyang") in e
    assert "Moscow" in e[("State", "Russia")]["aliases"]
    assert ("Place", "Moscow") not in e


def test_officials_in_capitals_are_states():
    e, _ = ents("Officials in Washington, Seoul and Kyiv believe North Korea sent 10,000 troops to Russia.")
    assert "Washington" in e[("State", "United States")]["aliases"]
    assert "Seoul" in e[("State", "South Korea")]["aliases"]
    assert "Kyiv" in e[("State", "Ukraine")]["aliases"]


def test_name_variants_merge_to_canonical_label():
    e, _ = ents("Kim Jong-un met Vladimir Putin. Later Kim and Putin signed a treaty. N. Korea praised it.")
    kim = e[("Person", "Kim Jong Un")]
    assert {"Kim Jong-un", "Kim"} <= set(kim["aliases"])
    assert "N. Korea" in e[("State", "North Korea")]["aliases"]
    assert kim["id"] == "kim-jong-un"


def test_surname_refers_to_first_person_named():
    e, r = ents("Kim Jong Un attended with his sister, Kim Yo Jong. Kim later spoke.")
    assert "Kim" in e[("Person", "Kim Jong Un")]["aliases"]
    assert "Kim" not in e[("Person", "Kim Yo Jong")]["aliases"]


def test_unknown_persons_by_title_appositive_and_speech():
    e, r = ents("Park Won-gon, a professor at Ewha Womans University, said the move was expected. "
                "Defense Minister Andriy Zagorodnyuk told reporters the front held. "
                "\"It is a turning point,\" said Jenny Town of the Stimson Center.")
    assert ("Person", "Park Won-gon") in e
    assert ("Person", "Andriy Zagorodnyuk") in e
    assert ("Person", "Jenny Town") in e
    assert ("Organization", "Ewha Womans University") in e
    roles = {(x["person"]["label"], x["role"], (x["of"] or {}).get("label")) for x in r["roles"]}
    assert ("Park Won-gon", "professor", "Ewha Womans University") in roles


def test_unknown_organizations():
    e, _ = ents("Analysts at the Institute for Far Eastern Studies and the Korea Defense Research Center "
                "said the deployment was growing.")
    assert ("Organization", "Institute for Far Eastern Studies") in e
    assert ("Organization", "Korea Defense Research Center") in e


def test_state_qualified_generic_organizations():
    e, _ = ents("South Korea's defense ministry and Russia's General Staff commented; "
                "Russia's Security Council met.")
    assert "South Korea's defense ministry" in e[("Organization", "Ministry of National Defense")]["aliases"]
    assert ("Organization", "General Staff of the Russian Armed Forces") in e
    assert ("Organization", "Security Council of the Russian Federation") in e


def test_adjective_creates_state_but_not_alias():
    e, _ = ents("U.S. and South Korean intelligence agencies assess that more troops are likely.")
    assert ("State", "South Korea") in e and "South Korean" not in e[("State", "South Korea")]["aliases"]
    assert ("State", "United States") in e
