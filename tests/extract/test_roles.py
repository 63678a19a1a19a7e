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
