from kgapi.extract import extract


def roles(text, published="2025-06-17"):
    r = extract(text, published=published)
    return {(x["person"]["label"], x["role"].lower(), (x["of"] or {}).get("label")) for x in r["roles"]}


def test_seed_roles(seed_result):
    got = {(x["person"]["label"], x["role"].lower(), (x["of"] or {}).get("label")) for x in seed_result["roles"]}
    assert got == {("Kim Jong Un", "supreme leader", "North Korea"),
                   ("Olga Lyubimova", "culture minister", "Russia"),
                   ("Choe Son Hui", "foreign minister", "North Korea"),
                   ("Sergei Shoigu", "secretary of the security council", "Russia"),
                   ("Hong Min", "senior researcher", "Korea Institute for National Unification"),
                   ("Lim Eum Chul", "professor", "Kyungnam University")}


def test_title_before_name_with_state_adjective():
    got = roles("Russian President Vladimir Putin and Ukrainian President Volodymyr Zelensky spoke. "
                "Kremlin spokesman Dmitry Peskov declined to comment.")
    assert ("Vladimir Putin", "president", "Russia") in got
    assert ("Volodymyr Zelensky", "president", "Ukraine") in got
    assert ("Dmitry Peskov", "spokesman", "Kremlin") in got


def test_appositive_with_possessive_organization():
    got = roles("Valery Gerasimov, chief of Russia's General Staff, said the region was back in Russian hands.")
    assert ("Valery Gerasimov", "chief of the general staff", "Russia") in got


def test_key_figure_is_not_a_role():
    got = roles("Kim Jong Un appeared with his sister, Kim Yo Jong, a key figure in the regime.")
    assert not any(p == "Kim Yo Jong" for p, _, _ in got)


def test_appositive_with_state_before_the_role():
    got = roles("Andrei Belousov, Russia's defence minister, visited Pyongyang. "
                "Sergei Lavrov, the Russian foreign minister, met Choe Son Hui. "
                "In Belarus, Viktor Khrenin, the country's defence minister, said the troops would stay. "
                "Choe Son Hui, North Korea's first female foreign minister, flew to Moscow.")
    assert ("Andrei Belousov", "defence minister", "Russia") in got
    assert ("Sergei Lavrov", "foreign minister", "Russia") in got
    assert ("Viktor Khrenin", "defence minister", "Belarus") in got
    assert ("Choe Son Hui", "foreign minister", "North Korea") in got


def test_received_is_a_meeting():
    from kgapi.extract import extract

    r = extract("Kim Jong Un received Russian Defence Minister Andrei Belousov in Pyongyang on Friday.",
                published="2024-11-30")
    evs = {(e["type"], e["date"], frozenset(p["label"] for p in e["participants"])) for e in r["events"]}
    assert ("Meeting", "2024-11-29", frozenset({"Kim Jong Un", "Andrei Belousov"})) in evs
    assert ("Visit", "2024-11-29", frozenset({"Andrei Belousov"})) in evs
