"""Swagger UI renders in a real browser, offline, from the package's own static files."""

import pytest

from tests.helpers import SEED_DIR, ServerProcess

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    env = {"KGAPI_STORE": str(tmp_path_factory.mktemp("store")), "KGAPI_SEED": str(SEED_DIR)}
    with ServerProcess(env) as s:
        yield s


def test_swagger_ui_renders_every_namespace(server, page):
    external = []
    page.on("request", lambda req: external.append(req.url) if not req.url.startswith(server.url) else None)
    page.goto(server.url + "/docs")
    page.wait_for_selector(".swagger-ui .info .title", timeout=15000)
    assert "kgapi" in page.inner_text(".swagger-ui .info .title")
    for tag in ("health", "sparql", "entities"):
        assert page.locator(f"#operations-tag-{tag}").count() == 1, tag
    assert [u for u in external if not u.startswith("data:")] == []  # nothing fetched from a CDN


def test_try_it_out_on_health(server, page):
    page.goto(server.url + "/docs")
    page.click("#operations-tag-health")
    page.click("#operations-health-get_health .opblock-summary")
    page.click("#operations-health-get_health .try-out__btn")
    page.click("#operations-health-get_health .execute")
    page.wait_for_selector("#operations-health-get_health .live-responses-table tbody .response-col_status", timeout=15000)
    assert "200" in page.inner_text("#operations-health-get_health .live-responses-table tbody .response-col_status")
