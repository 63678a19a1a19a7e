"""The HTTP API: Flask-RESTX namespaces, one module each, and the Swagger UI at /docs."""

from __future__ import annotations

from flask import Blueprint
from flask_restx import Api

from .. import __version__
from .common import error_response


class KgApi(Api):
    """Flask-RESTX's Api, with every error rendered in kgapi's one JSON shape."""

    def handle_error(self, e):  # noqa: D102 - see class docstring
        return error_response(e)


def make_api(app) -> KgApi:
    api = KgApi(
        app,
        version=__version__,
        title="kgapi",
        description=(
            "A knowledge graph of state military cooperation read out of news articles: "
            "entities, deployments, events and the claims behind them, with their sources. "
            "Writes need `Authorization: Bearer <token>` (use the Authorize button)."
        ),
        doc="/docs",
        authorizations={"bearer": {"type": "apiKey", "in": "header", "name": "Authorization",
                                   "description": "Bearer <KGAPI_TOKEN>"}},
        catch_all_404s=True,
    )
    from . import articles, claims, deployments, entities, events, extract, graphstore, health, roles, sparql, timeline

    for module in (health, sparql, graphstore, entities, deployments, events, timeline, articles, extract, roles, claims):
        api.add_namespace(module.ns, path=module.PATH)
    api.add_namespace(roles.types_ns, path=roles.TYPES_PATH)
    from . import graphs

    api.add_namespace(graphs.ns, path=graphs.PATH)
    from .querypage import bp as query_page

    app.register_blueprint(query_page)
    return api


__all__ = ["KgApi", "make_api", "Blueprint"]
