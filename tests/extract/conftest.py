from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parents[1] / "data"
ARTICLES = DATA / "articles"
GOLD = DATA / "gold"
SEED = ARTICLES / "000_484adb04f46ed6a9.txt"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return SEED.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def seed_result(seed_text):
    from kgapi.extract import extract

    return extract(seed_text)


def article(name: str) -> str:
    return (ARTICLES / name).read_text(encoding="utf-8")
