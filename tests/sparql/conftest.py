"""A real ``kgapi serve`` for the tests of this folder that speak HTTP (W3C suites, real clients)."""

from __future__ import annotations

import pytest

from tests.helpers import ServerProcess

TOKEN = "w3c-test-token"


@pytest.fixture(scope="module")
def live_server(tmp_path_factory):
    """A server on an empty on-disk store, writable with TOKEN, whose base IRI is its own URL."""
    server = ServerProcess({"KGAPI_STORE": str(tmp_path_factory.mktemp("store") / "db"), "KGAPI_SEED": "",
                            "KGAPI_TOKEN": TOKEN})
    server.env["KGAPI_BASE_IRI"] = server.url + "/"
    with server:
        yield server


@pytest.fixture(scope="module")
def bearer():
    return {"Authorization": f"Bearer {TOKEN}"}
