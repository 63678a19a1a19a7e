"""The SPARQL 1.1 query endpoint (first cut: GET and POST, JSON results)."""

from __future__ import annotations

from flask import Response, request
from flask_restx import Namespace, Resource

from ..errors import BadRequest, QuerySyntaxError
from .common import state

PATH = "/sparql"
ns = Namespace("sparql", description="SPARQL 1.1 query endpoint over all article graphs")


def _query_text() -> str:
    if request.method == "GET":
        q = request.args.getlist("query")
    elif request.mimetype == "application/sparql-query":
        try:
            q = [request.get_data().decode("utf-8")]
        except UnicodeDecodeError:
            raise BadRequest("the query is not UTF-8") from None
    else:
        q = request.form.getlist("query")
    if len(q) != 1 or not q[0].strip():
        raise BadRequest("send exactly one 'query'")
    return q[0]


@ns.route("")
class Sparql(Resource):
    @ns.param("query", "A SPARQL 1.1 query", _in="query")
    @ns.response(200, "SPARQL results (JSON)")
    @ns.response(400, "Malformed query")
    def get(self):
        """Run a SPARQL query; the default graph is the union of all graphs."""
        return _run()

    @ns.response(200, "SPARQL results (JSON)")
    def post(self):
        """Run a SPARQL query sent as a form (query=…) or as application/sparql-query."""
        return _run()


def _run() -> Response:
    query = _query_text()
    try:
        result = state().store.sparql(query, result_format="json")
    except SyntaxError as exc:
        raise QuerySyntaxError(f"SPARQL syntax error: {exc}") from None
    return Response(result.body, mimetype=result.media_type)
