"""``create_app(config)``: the Flask application factory."""

from __future__ import annotations

import atexit
import logging
from typing import Any, Mapping

from flask import Flask, redirect
from werkzeug.exceptions import HTTPException

from .api import make_api
from .api.common import AppState, error_response
from .errors import KgapiError, StoreUnavailable
from .ingest import Pipeline
from .settings import Settings
from .store import open_store

log = logging.getLogger("kgapi")


def create_app(config: Mapping[str, Any] | Settings | None = None) -> Flask:
    """Build the app: open the store, load the ontology, seed an empty store, mount the API.

    ``config`` overrides settings by name (``{"store": "memory", "seed": ""}``);
    everything else comes from ``KGAPI_*`` variables and the defaults.
    """
    settings = config if isinstance(config, Settings) else Settings.load(config)
    logging.basicConfig(level=settings.log_level.upper(), format="%(asctime)s %(levelname)s %(name)s: %(message)s")

    app = Flask("kgapi")
    # A path with '//' (from an encoded '/' in a graph name) is answered for what it is, not
    # redirected to a different resource with a 308.
    app.url_map.merge_slashes = False
    app.config.update(
        MAX_CONTENT_LENGTH=settings.max_body,
        RESTX_ERROR_404_HELP=False,
        RESTX_MASK_SWAGGER=False,
        JSON_SORT_KEYS=False,
    )
    if isinstance(config, Mapping):
        app.config.update({k: v for k, v in config.items() if k.isupper()})

    store = open_store(settings)
    pipeline = Pipeline.from_settings(store, settings)
    app.extensions["kgapi"] = AppState(settings=settings, store=store, pipeline=pipeline)
    atexit.register(store.close)

    try:
        pipeline.ensure_ontology()
        pipeline.seed(settings.seed)
    except StoreUnavailable as exc:
        if not settings.is_remote:
            raise
        # A remote store may come up after the API: serve 503s until it answers.
        log.warning("%s; the ontology and seed were not loaded", exc.message)

    for exc_type in (KgapiError, HTTPException, Exception):
        app.register_error_handler(exc_type, error_response)

    @app.get("/")
    def index():
        return redirect("/docs", code=302)

    make_api(app)
    return app
