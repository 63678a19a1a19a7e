"""Deployments: figures, qualifiers, ranges, kinds, states, dates, status, attribution."""

from kgapi.extract import extract


def figs(text, published="2025-06-17"):
    r = extract(text, published=published)
    out = []
    for d in r["deployments"]:
        for p in d["personnel"]:
            out.append({"send": (d["sending_state"] or {}).get("label"), "host": (d["host_state"] or {}).get("label"),
                        "loc": (d["location"] or {}).get("label"), **p, "start": d["start"], "end": d["end"],
                        "status": d["status"], "src": [a["label"] for a in d["according_to"]],
                        "modality": d["modality"]})
    return out


def test_seed_deployments(seed_result):
    got = sorted(((d["personnel"][0]["count"] or 0), d["personnel"][0]["qualifier"], d["personnel"][0]["kind"],
                  d["start"], d["end"], d["status"]) for d in seed_result["deployments"])
    assert got == [(0, None, "troops", "2025-07", "2025-08", "predicted"),
                   (1000, None, "engineers", None, None, "planned"),
                   (3000, None, None, "2025", None, "reported"),
                   (5000, None, "construction workers", None, None, "planned"),
                   (11000, "over", "combat troops", "2024-10", None, "reported")]
    assert all(d["sending_state"]["label"] == "North Korea" and d["host_state"]["label"] == "Russia"
               for d in seed_result["deployments"])


def test_range_is_one_figure():
    (f,) = figs("Officials believe North Korea moved between 10,000 and 12,000 troops into Russia last fall.")
    assert (f["count"], f["min"], f["qualifier"], f["start"]) == (12000, 10000, "up_to", "2024")
    assert f["modality"] == "believed"


def test_qualifiers():
    cases = {"more than 1,500": "over", "roughly 11,000": "about", "up to 8,000": "up_to",
             "at least 3,000": "at_least", "fewer than 500": "up_to", "some 600": "about"}
    for phrase, q in cases.items():
        (f,) = figs(f"North Korea sent {phrase} soldiers to Russia in March.")
        assert f["qualifier"] == q, phrase


def test_casualties_years_prices_are_not_head_counts():
    text = ("North Korea sent roughly 11,000 troops to Russia last fall. The contingent suffered about 4,700 "
            "casualties, including some 600 deaths. Zelensky put losses at roughly 4,000 killed or wounded. "
            "In 2024 the 2,000 figure was disputed. Subscribe for $1 a week. Trump marks 100 days in office.")
    assert [f["count"] for f in figs(text)] == [11000]


def test_headline_total_that_sums_body_figures_is_dropped():
    text = ("North Korea will send 6,000 sappers and builders to Russia, Shoigu said. "
            "The package consists of 1,000 sappers and 5,000 military builders, who will rebuild Kursk.")
    counts = sorted(f["count"] for f in figs(text))
    assert counts == [1000, 5000]


def test_attribution_and_continuation():
    text = ("North Korea sent roughly 11,000 troops to Russia last fall, and South Korea's Joint Chiefs of Staff "
            "(JCS) has said at least 3,000 more followed in January and February.")
    a, b = figs(text)
    assert a["src"] == [] and a["count"] == 11000 and a["qualifier"] == "about"
    assert b["src"] == ["Joint Chiefs of Staff"] and (b["start"], b["end"]) == ("2025-01", "2025-02")
    assert b["kind"] == "troops" and b["send"] == "North Korea" and b["host"] == "Russia"


def test_other_states_and_planned_status():
    text = "The Pentagon said it will send about 3,000 U.S. troops to Poland and Romania next month."
    (f,) = figs(text, published="2022-02-02")
    assert (f["send"], f["host"], f["count"], f["qualifier"], f["status"]) == ("United States", "Poland", 3000,
                                                                               "about", "planned")
    assert f["src"] == ["Pentagon"] and f["start"] == "2022-03"


def test_denied_and_predicted():
    (f,) = figs("Moscow denied that 2,000 North Korean soldiers had been deployed to Kursk.")
    assert f["status"] == "denied" and f["send"] == "North Korea" and f["loc"] == "Kursk"
    (g,) = figs("Analysts expect North Korea to send up to 5,000 more workers to Russia later this year.")
    assert g["status"] == "predicted" and g["count"] == 5000 and g["start"] == "2025"


def test_figureless_predicted_deployment():
    (f,) = figs("U.S. and South Korean intelligence agencies assess that further North Korean troop deployments "
                "to Russia are likely between July and August.")
    assert f["count"] is None and f["status"] == "predicted" and (f["start"], f["end"]) == ("2025-07", "2025-08")
    assert f["src"] == ["U.S. and South Korean intelligence agencies"]
