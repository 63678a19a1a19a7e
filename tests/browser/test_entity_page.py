"""The entity page in a real headless Chromium: the name, a statement, and its source sentence."""

import pytest
import requests

from tests.api.corpus import extractions
from tests.conftest import TOKEN
from tests.helpers import ServerProcess

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    env = {"KGAPI_STORE": str(tmp_path_factory.mktemp("store")), "KGAPI_SEED": "", "KGAPI_TOKEN": TOKEN}
    with ServerProcess(env) as s:
        for x in extractions():
            r = requests.post(s.url + "/articles", json=x, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60)
            r.raise_for_status()
        yield s


def test_entity_page_shows_name_statement_and_source(server, page):
    external = []
    page.on("request", lambda req: external.append(req.url) if not req.url.startswith(server.url) else None)
    page.goto(server.url + "/entities/north-korea")   # a browser's Accept asks for HTML
    assert page.inner_text("h1.label").startswith("North Korea")
    statement = page.locator(".statement[data-property='sending_state_of']").filter(has_text="11,000 combat troops")
    assert statement.count() >= 1
    quote = statement.first.locator("blockquote.source-sentence").first.inner_text()
    assert quote.startswith("Intelligence reports indicate that North Korea deployed over 11,000 combat troops")
    assert statement.first.locator(".according").first.inner_text() == "according to Intelligence reports"
    assert [u for u in external if not u.startswith("data:")] == []   # nothing from a CDN


def test_following_links_between_pages(server, page):
    page.goto(server.url + "/entities?q=kim%20jong-un")
    page.click("ol.results li:first-child a")
    page.wait_for_selector("h1.label")
    assert page.inner_text("h1.label").startswith("Kim Jong Un")
    page.click(".relations a[href='/entities/north-korea']")
    page.wait_for_selector("h1.label")
    assert page.url.endswith("/entities/north-korea")
    page.click(".statement .reference figcaption a >> nth=0")
    page.wait_for_selector("article.news-article h1")
    assert "/articles/" in page.url
    page.screenshot(path=str(__import__("pathlib").Path(__import__("tempfile").gettempdir()) / "kgapi-article.png"))
