"""The analysts' query page (Yasgui) in a real Chromium: examples preloaded, results shown, nothing off-host."""

import pytest

from kgapi.sparql.examples import EXAMPLES
from tests.helpers import SEED_DIR, ServerProcess

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    env = {"KGAPI_STORE": str(tmp_path_factory.mktemp("store")), "KGAPI_SEED": str(SEED_DIR)}
    with ServerProcess(env) as s:
        yield s


def _watch_off_host(page, server):
    """Record, and block, every request that would leave this server."""
    off_host = []

    def handle(route):
        url = route.request.url
        if url.startswith(server.url + "/") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            off_host.append(url)
            route.abort()

    page.route("**/*", handle)
    return off_host


def test_examples_are_preloaded_and_run(server, page):
    off_host = _watch_off_host(page, server)
    page.goto(server.url + "/query")
    tabs = page.locator(".yasgui .tabsList .tab")
    tabs.first.wait_for(timeout=15000)
    names = " | ".join(tabs.all_inner_texts())
    for e in EXAMPLES:
        assert e.title in names, names

    page.locator(".yasgui .tabsList .tab", has_text="Deployments by date").click()
    panel = page.locator(".tabPanel.active")
    assert "kg:Deployment" in panel.locator(".CodeMirror").inner_text()
    panel.locator(".yasqe_queryButton").click()
    table = panel.locator(".yasr .dataTable")
    table.wait_for(timeout=20000)
    text = table.inner_text()
    assert "Kursk" in text and "combat troops" in text and "11000" in text

    page.locator(".yasgui .tabsList .tab", has_text="Who met whom").click()
    panel = page.locator(".tabPanel.active")
    panel.locator(".yasqe_queryButton").click()
    panel.locator(".yasr .dataTable").wait_for(timeout=20000)
    assert "Olga Lyubimova" in panel.locator(".yasr .dataTable").inner_text()
    assert off_host == []


def test_the_endpoint_is_this_server(server, page):
    off_host = _watch_off_host(page, server)
    page.goto(server.url + "/query")
    page.locator(".yasgui .tabsList .tab").first.wait_for(timeout=15000)
    assert page.inner_text("#endpoint") == server.url + "/sparql"
    assert page.evaluate("window.kgapiYasgui.getTab().getEndpoint()") == server.url + "/sparql"
    assert off_host == []
