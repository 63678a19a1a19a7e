"""Liveness and a summary of what the store holds."""

from __future__ import annotations

from flask_restx import Namespace, Resource, fields

from .. import __version__
from .common import state

PATH = "/health"
ns = Namespace("health", description="Is the service up, and what does the store hold?")

health_model = ns.model("Health", {
    "status": fields.String(example="ok"),
    "version": fields.String(example=__version__),
    "store": fields.String(description="embedded or remote", example="embedded"),
    "articles": fields.Integer(example=1),
    "triples": fields.Integer(description="quads in all named graphs", example=1200),
})


@ns.route("")
class Health(Resource):
    @ns.marshal_with(health_model)
    @ns.response(503, "The store cannot be reached")
    def get(self):
        """Service status; 503 when the store does not answer."""
        st = state()
        st.store.health()
        return {"status": "ok", "version": __version__, "store": st.store.kind,
                "articles": len(st.pipeline.article_graphs()), "triples": st.store.count()}
