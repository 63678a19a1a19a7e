from kgapi.extract import extract


def evs(text, published="2025-06-17"):
    r = extract(text, published=published)
    return {(e["type"], e["date"], frozenset(p["label"] for p in e["participants"])) for e in r["events"]}


def test_seed_events(seed_result):
    got = {(e["type"], e["date"], frozenset(p["label"] for p in e["participants"])) for e in seed_result["events"]}
    assert got == {("Meeting", None, frozenset({"Kim Jong Un", "Olga Lyubimova"})),
                   ("Order", "2024-10-22", frozenset({"Kim Jong Un"})),
                   ("Order", "2024-12-12", frozenset({"Kim Jong Un"})),
                   ("Order", "2024-12-22", frozenset({"Kim Jong Un"})),
                   ("Acknowledgement", "2025-04", frozenset({"North Korea"})),
                   ("Visit", None, frozenset({"Sergei Shoigu"})),
                   ("Report", "2025-12-01", frozenset({"Rodong Sinmun"}))}


def test_report_date_does_not_leak_into_reported_event():
    got = evs("The Korean Central News Agency reported on Monday that Kim Jong Un met Vladimir Putin.")
    assert ("Report", "2025-06-16", frozenset({"Korean Central News Agency"})) in got
    assert ("Meeting", None, frozenset({"Kim Jong Un", "Vladimir Putin"})) in got


def test_denial_with_spokesman_and_when_clause():
    got = evs("When the first reports surfaced last October, Moscow denied them, with Kremlin spokesman "
              "Dmitry Peskov calling them fake news.", published="2025-04-28")
    assert ("Denial", "2024-10", frozenset({"Russia", "Dmitry Peskov"})) in got


def test_agreement_needs_two_parties_and_not_anniversary():
    got = evs("The announcement came two days before the first anniversary of the treaty, which Putin and "
              "Kim signed in Pyongyang on June 19, 2024. North Korea agreed to send engineers.")
    assert ("Agreement", "2024-06-19", frozenset({"Vladimir Putin", "Kim Jong Un"})) in got
    assert not any(t == "Agreement" and d == "2025-06-19" for t, d, _ in got)
    assert not any(t == "Agreement" and p == frozenset({"North Korea"}) for t, d, p in got)


def test_meeting_in_capital_implies_visit():
    got = evs("Sergei Shoigu held talks with Kim Jong Un in Pyongyang on Tuesday.")
    assert ("Meeting", "2025-06-17", frozenset({"Sergei Shoigu", "Kim Jong Un"})) in got
    assert ("Visit", "2025-06-17", frozenset({"Sergei Shoigu"})) in got


def test_thanking_is_not_a_meeting():
    got = evs("Later on Monday, Putin issued a statement thanking Kim and the North Korean troops.",
              published="2025-04-28")
    assert ("Acknowledgement", "2025-04-28", frozenset({"Vladimir Putin"})) in got
    assert not any(t == "Meeting" for t, _, _ in got)


def test_incursion():
    got = evs("Ukraine seized part of the border region in a surprise incursion last August.")
    assert ("Incursion", "2024-08", frozenset({"Ukraine"})) in got


def test_undated_repeat_merges_into_dated_event():
    got = evs("Kim had ordered attack operations. Kim issued attack orders on October 22 of last year.")
    assert {t for t in got if t[0] == "Order"} == {("Order", "2024-10-22", frozenset({"Kim Jong Un"}))}


def test_more_phrasings():
    got = evs("Kim ordered his military to prepare for war, KCNA reported on Saturday.", published="2025-03-10")
    assert ("Order", None, frozenset({"Kim Jong Un"})) in got               # Saturday is the report's date
    assert ("Report", "2025-03-08", frozenset({"Korean Central News Agency"})) in got
    got = evs("In August, Ukrainian forces launched a cross-border incursion into Russia's Kursk region.",
              published="2025-03-10")
    assert ("Incursion", "2024-08", frozenset({"Ukraine"})) in got
    got = evs("The Kremlin on Thursday denied reports that North Korean troops were fighting in Ukraine.",
              published="2025-03-10")
    # the Kremlin denies as Russia (gold names organizations only in reports)
    assert ("Denial", "2025-03-06", frozenset({"Russia"})) in got
    got = evs("Putin and Kim held talks at the Vostochny Cosmodrome in September 2023.", published="2025-03-10")
    assert ("Meeting", "2023-09", frozenset({"Vladimir Putin", "Kim Jong Un"})) in got
