"""An app holding the seed and the development articles (hand-made extractions), shared per module."""

from __future__ import annotations

import pytest

from kgapi import create_app
from tests.api.corpus import ingest_all
from tests.conftest import BASE_SETTINGS


@pytest.fixture(scope="module")
def corpus_app():
    app = create_app(dict(BASE_SETTINGS))
    app.config["TESTING"] = True
    app.ingested = ingest_all(app)
    yield app
    app.extensions["kgapi"].store.close()


@pytest.fixture
def corpus(corpus_app):
    """A client on the corpus app (read-only tests: never write through it)."""
    return corpus_app.test_client()


@pytest.fixture
def ingested(corpus_app) -> list[dict]:
    return corpus_app.ingested
