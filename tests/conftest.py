"""Fixtures in the manner of Flask's tutorial: ``app``, ``client``, ``runner``, plus stores.

``app`` is a fresh app on a throw-away store with nothing seeded; override
settings per test with ``@pytest.mark.settings(name=value, ...)``.
``seeded_app``/``seeded_client`` have the seed article ingested.

Backends: ``any_store``, ``any_store_app``/``any_store_client`` and
``any_store_seeded_app``/``any_store_seeded_client`` run a test three times, on the
embedded store, on a real ``oxigraph serve`` and on a real Virtuoso 7 (one server of
each per test session, emptied before each test). Use them wherever the backend should
not matter. Where Virtuoso is documented to differ (README, "Remote store"), mark the
test ``@pytest.mark.virtuoso_differs("why")``: its Virtuoso run is skipped with that reason.
"""

from __future__ import annotations

import os

import pytest
from click.testing import CliRunner

from kgapi import create_app
from kgapi.settings import Settings
from kgapi.store import EmbeddedStore
from kgapi.store.remote import RemoteStore
from tests.helpers import SEED_DIR, OxigraphServer, VirtuosoServer

TOKEN = "test-token-0123456789"
BASE_SETTINGS = {"store": "memory", "seed": "", "token": TOKEN, "base_iri": "http://kg.test/"}


def pytest_configure(config):
    config.addinivalue_line("markers", "settings(**values): override kgapi settings for the app fixture")
    config.addinivalue_line("markers", "virtuoso_differs(reason): Virtuoso is documented to differ here; "
                                       "the test's virtuoso run is skipped")


def _settings_for(request, **extra) -> dict:
    values = dict(BASE_SETTINGS, **extra)
    marker = request.node.get_closest_marker("settings")
    if marker:
        values.update(marker.kwargs)
    return values


@pytest.fixture
def app(request):
    app = create_app(_settings_for(request))
    app.config["TESTING"] = True
    yield app
    app.extensions["kgapi"].store.close()


@pytest.fixture
def client(app):
    return app.test_client()


def _app_on(request, **extra):
    app = create_app(_settings_for(request, **extra))
    app.config["TESTING"] = True
    return app


@pytest.fixture
def seeded_app(request):
    app = create_app(_settings_for(request, seed=str(SEED_DIR)))
    app.config["TESTING"] = True
    yield app
    app.extensions["kgapi"].store.close()


@pytest.fixture
def seeded_client(seeded_app):
    return seeded_app.test_client()


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def auth():
    return {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture
def store(tmp_path):
    """An embedded store on disk in a temporary directory."""
    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


@pytest.fixture
def settings():
    return Settings.load(BASE_SETTINGS, environ={})


# -- backends: the same tests on the embedded store and on a remote oxigraph server ------------

BACKENDS = ["embedded", "remote", "virtuoso"]


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    """One real ``oxigraph serve`` for the test session (per xdist worker); killed at the end."""
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def remote(oxigraph_server):
    """The session's oxigraph server, emptied for this test."""
    oxigraph_server.clear()
    return oxigraph_server


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    """One real Virtuoso for the test session; skipped where virtuoso-t is not installed."""
    import shutil

    if not shutil.which("virtuoso-t"):
        if os.environ.get("CI"):
            pytest.fail("virtuoso-t is missing in CI: the Makefile installs virtuoso-opensource")
        pytest.skip("virtuoso-t is not installed (apt-get install virtuoso-opensource, or make virtuoso)")
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso"))
    server.start()
    yield server
    server.stop()


@pytest.fixture
def virtuoso(request, virtuoso_server):
    """The session's Virtuoso, emptied for this test (tests marked virtuoso_differs are skipped)."""
    marker = request.node.get_closest_marker("virtuoso_differs")
    if marker:
        pytest.skip(f"Virtuoso differs: {marker.args[0] if marker.args else marker.kwargs.get('reason')}")
    virtuoso_server.clear()
    return virtuoso_server


def _backend_settings(request, backend: str) -> dict:
    if backend == "remote":
        server = request.getfixturevalue("remote")
        return {"store": server.query_url, "store_update": server.update_url}
    if backend == "virtuoso":
        server = request.getfixturevalue("virtuoso")
        return {"store": server.query_url, "store_user": server.USER, "store_password": server.PASSWORD}
    return {}


@pytest.fixture
def remote_store(remote):
    s = RemoteStore(remote.query_url, update_url=remote.update_url, timeout=5)
    yield s
    s.close()


@pytest.fixture
def virtuoso_store(virtuoso):
    s = RemoteStore(virtuoso.query_url, user=virtuoso.USER, password=virtuoso.PASSWORD, timeout=5)
    yield s
    s.close()


@pytest.fixture(params=BACKENDS)
def any_store(request, tmp_path):
    """A Store: embedded on disk, then remote."""
    if request.param in ("remote", "virtuoso"):
        s = request.getfixturevalue(f"{request.param}_store")
        yield s
        return
    s = EmbeddedStore(tmp_path / "store")
    yield s
    s.close()


@pytest.fixture(params=BACKENDS)
def any_store_app(request):
    app = _app_on(request, **_backend_settings(request, request.param))
    yield app
    app.extensions["kgapi"].store.close()


@pytest.fixture
def any_store_client(any_store_app):
    return any_store_app.test_client()


@pytest.fixture(params=BACKENDS)
def any_store_seeded_app(request):
    app = _app_on(request, seed=str(SEED_DIR), **_backend_settings(request, request.param))
    yield app
    app.extensions["kgapi"].store.close()


@pytest.fixture
def any_store_seeded_client(any_store_seeded_app):
    return any_store_seeded_app.test_client()
