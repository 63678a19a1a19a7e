"""Fixtures in the manner of Flask's tutorial: ``app``, ``client``, ``runner``, plus stores.

``app`` is a fresh app on a throw-away store with nothing seeded; override
settings per test with ``@pytest.mark.settings(name=value, ...)``.
``seeded_app``/``seeded_client`` have the seed article ingested.
"""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from kgapi import create_app
from kgapi.settings import Settings
from kgapi.store import EmbeddedStore
from tests.helpers import SEED_DIR

TOKEN = "test-token-0123456789"
BASE_SETTINGS = {"store": "memory", "seed": "", "token": TOKEN, "base_iri": "http://kg.test/"}


def pytest_configure(config):
    config.addinivalue_line("markers", "settings(**values): override kgapi settings for the app fixture")


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
