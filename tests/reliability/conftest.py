"""A live ``kgapi serve`` on an on-disk store, shared by a module's tests."""

from __future__ import annotations

import pytest

from tests.conftest import TOKEN
from tests.helpers import SEED_DIR, ServerProcess

#: small enough that an over-the-limit body is cheap to send
MAX_BODY = 1 << 20


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """``kgapi serve`` (a real process) on an on-disk store holding the seed article."""
    store = tmp_path_factory.mktemp("live") / "store"
    env = {"KGAPI_STORE": str(store), "KGAPI_SEED": str(SEED_DIR), "KGAPI_TOKEN": TOKEN,
           "KGAPI_MAX_BODY": str(MAX_BODY), "KGAPI_BASE_IRI": "http://kg.test/"}
    server = ServerProcess(env).start()
    server.store_path = store
    yield server
    server.stop()
