"""POST /extract: what ingesting a body would store, written nowhere (a dry run)."""

from __future__ import annotations

from flask_restx import Namespace, Resource

from . import models as m
from .articles import _BODY_DOC, _structured, article_input, extraction_from_request
from .common import state
from .http import json_response

PATH = "/extract"
ns = Namespace("extract", description="Dry run: read an article into claims without storing anything")
m.register(ns, m.extraction, m.error)
ns.add_model(article_input.name, article_input)


@ns.route("")
class Extract(Resource):
    @ns.doc(**_BODY_DOC)
    @ns.expect(article_input)
    @ns.response(200, "The extraction, exactly as POST /articles would answer it", m.extraction)
    @ns.response(400, "The body cannot be read", m.error)
    @ns.response(403, "Fetching is off (KGAPI_FETCH_ALLOW is empty)", m.error)
    @ns.response(413, "Body too large", m.error)
    @ns.response(415, "Unsupported Content-Type", m.error)
    @ns.response(422, "The triples would break the SHACL shapes", m.error)
    def post(self):
        """Extract claims from an article (text, HTML, URL or structured claims) and store nothing."""
        extraction, structured = extraction_from_request()
        if structured:
            extraction = _structured(extraction)
        return json_response(state().pipeline.build(extraction).result, etag=False)
