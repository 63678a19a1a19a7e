"""A real ``kgapi serve`` for the tests of this folder that speak HTTP (W3C suites, real clients)."""

from __future__ import annotations

import pytest

from tests.helpers import OxigraphServer, ServerProcess

TOKEN = "w3c-test-token"


@pytest.fixture(scope="module", params=["embedded", "remote"])
def live_server(request, tmp_path_factory):
    """A server on an empty store (embedded on disk, or a remote ``oxigraph serve`` of its own), writable
    with TOKEN, whose base IRI is its own URL."""
    env = {"KGAPI_SEED": "", "KGAPI_TOKEN": TOKEN}
    oxigraph = None
    if request.param == "remote":
        oxigraph = OxigraphServer(tmp_path_factory.mktemp("oxigraph")).start()
        env.update(KGAPI_STORE=oxigraph.query_url, KGAPI_STORE_UPDATE=oxigraph.update_url)
    else:
        env["KGAPI_STORE"] = str(tmp_path_factory.mktemp("store") / "db")
    server = ServerProcess(env)
    server.env["KGAPI_BASE_IRI"] = server.url + "/"
    try:
        with server:
            yield server
    finally:
        if oxigraph is not None:
            oxigraph.stop()


@pytest.fixture(scope="module")
def bearer():
    return {"Authorization": f"Bearer {TOKEN}"}
