"""Liveness and a summary of what the store holds."""

from __future__ import annotations

from flask_restx import Namespace, Resource, fields

from .. import __version__
from .cache import fact_index
from .common import state

PATH = "/health"
ns = Namespace("health", description="Is the service up, and what does the store hold?")

health_model = ns.model("Health", {
    "status": fields.String(example="ok"),
    "version": fields.String(example=__version__),
    "store": fields.String(description="embedded or remote", example="embedded"),
    "articles": fields.Integer(example=1),
    "triples": fields.Integer(description="quads in all named graphs", example=1200),
    "fact_index": fields.String(description="the in-memory index behind entity pages and timelines: ready, "
                                            "loading (answers come from SPARQL meanwhile), idle (loads on "
                                            "first use) or off", enum=["ready", "loading", "idle", "off"],
                                example="ready"),
})


@ns.route("")
class Health(Resource):
    @ns.marshal_with(health_model)
    @ns.response(503, "The store cannot be reached")
    def get(self):
        """Service status; 503 when the store does not answer."""
        st = state()
        st.store.health()
        index = fact_index()
        articles, triples = _sizes(st)
        return {"status": "ok", "version": __version__, "store": st.store.kind,
                "articles": articles, "triples": triples,
                "fact_index": "off" if index is None else index.state}


def _sizes(st) -> tuple[int, int]:
    """(articles, quads): counting walks the whole store (seconds at a million quads), so an embedded
    store's counts are kept until it is next written; a remote store (which others write) is asked."""
    from flask import current_app

    generation = st.store.generation if st.store.kind == "embedded" else None
    kept = current_app.extensions.get("kgapi.health")
    if generation is not None and kept and kept[0] == generation:
        return kept[1]
    sizes = (len(st.pipeline.article_graphs()), st.store.count())
    if generation is not None:
        current_app.extensions["kgapi.health"] = (generation, sizes)
    return sizes
