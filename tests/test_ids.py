from kgapi.ids import article_id, fact_id, is_valid_id, slugify


def test_slugify_folds_accents_apostrophes_and_punctuation():
    assert slugify("Workers’ Party of Korea") == "workers-party-of-korea"
    assert slugify("Kim Jong-un") == "kim-jong-un"
    assert slugify("Kim Jong Un") == "kim-jong-un"
    assert slugify("Volodymyr Zelenskyy (Зеленський)") == "volodymyr-zelenskyy"
    assert slugify("Besançon") == "besancon"


def test_article_and_fact_ids_are_deterministic_and_valid():
    a = article_id("North Korea Shows Troops in Russia for First Time, Honors War Dead", "2025-12-06")
    assert a == article_id("North Korea Shows Troops in Russia for First Time, Honors War Dead", "2025-12-06")
    assert a.startswith("2025-12-06-north-korea-shows-troops")
    f1 = fact_id(a, "deployment", {"count": 11000})
    assert f1 == fact_id(a, "deployment", {"count": 11000})
    assert f1 != fact_id(a, "deployment", {"count": 3000})
    assert is_valid_id(a) and is_valid_id(f1)


def test_is_valid_id_rejects_traversal_and_control_characters():
    for bad in ("../etc/passwd", "a/b", "a\x00b", "", "-x", "x-", "A", "a b", "%2e%2e"):
        assert not is_valid_id(bad), bad
