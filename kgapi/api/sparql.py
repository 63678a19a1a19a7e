"""The SPARQL 1.1 endpoint: query, update and service description at /sparql.

The protocol, formats, safety checks and service description live in
:mod:`kgapi.sparql`; this module wires them to HTTP and documents them.
"""

from __future__ import annotations

from flask import Response, redirect, request
from flask_restx import Namespace, Resource
from rdflib import URIRef

from ..graph.registry import reindex_operations, update_needs_reindex
from ..sparql import formats, safety
from ..sparql.preflight import check_update_cost
from ..sparql.protocol import Operation, read_operation
from ..sparql.scan import scan_query, scan_update
from .common import require_write, state

PATH = "/sparql"
ns = Namespace("sparql", description=(
    "SPARQL 1.1 Protocol: queries by GET or POST, updates by POST (with the write token), and the "
    "service description on a GET without a query. The default graph is the union of all graphs "
    "(KGAPI_UNION_DEFAULT_GRAPH). SERVICE, LOAD and dataset IRIs that are not graphs of this store "
    "are refused; queries have a time limit and a row cap."))

_QUERY_PARAMS = {
    "query": "A SPARQL 1.1 query (GET, or POST as a form field).",
    "default-graph-uri": "A graph of the store to use as (part of) the default graph; repeatable. "
                         "With it, the query's FROM / FROM NAMED are ignored.",
    "named-graph-uri": "A graph of the store to make available to GRAPH; repeatable.",
    "format": "Answer format when the Accept header cannot be set (links, browsers): json, xml, csv, tsv "
              "for SELECT/ASK; turtle, ntriples, jsonld, rdfxml, trig, nquads for CONSTRUCT/DESCRIBE.",
}
_UPDATE_PARAMS = {
    "update": "A SPARQL 1.1 update (POST only, as a form field or as application/sparql-update).",
    "using-graph-uri": "Acts as USING <iri> on every DELETE/INSERT … WHERE; repeatable.",
    "using-named-graph-uri": "Acts as USING NAMED <iri>; repeatable.",
}
_ERRORS = {
    400: "Malformed or refused operation (syntax error with line and column, SERVICE, LOAD, unknown graph, "
         "too deeply nested, not UTF-8, two operations at once)",
    406: "None of the accepted media types fits the answer",
    413: "Request body over KGAPI_MAX_BODY",
    415: "POST body of a media type the protocol does not define",
    503: "The query ran past KGAPI_QUERY_TIMEOUT and was stopped (or the store is unavailable)",
}


def _doc(params: dict[str, str], location: str):
    return {name: {"description": text, "in": location, "type": "string"} for name, text in params.items()}


#: every answer format (results, RDF for CONSTRUCT/DESCRIBE and the service description), and errors
PRODUCES = sorted({f.media_type for f in formats.RESULT_FORMATS + formats.GRAPH_FORMATS} | {"application/json"})


@ns.route("", strict_slashes=False)
class Sparql(Resource):
    @ns.doc(params=_doc(_QUERY_PARAMS, "query"))
    @ns.response(200, "Query results (SPARQL JSON/XML/CSV/TSV, or an RDF graph for CONSTRUCT/DESCRIBE), "
                      "or the service description (RDF) when there is no query. A truncated answer has "
                      "the header X-Kgapi-Truncated: true.")
    @ns.response(303, "A browser asking for HTML without a query is sent to the query page")
    def get(self):
        """Run a SPARQL query, or describe the service (SPARQL 1.1 Service Description + VoID) without one."""
        return _handle()

    @ns.doc(params=_doc({**_QUERY_PARAMS, **_UPDATE_PARAMS}, "formData"), security="bearer",
            consumes=["application/x-www-form-urlencoded", "application/sparql-query",
                      "application/sparql-update"])
    @ns.response(200, "Query results")
    @ns.response(204, "The update was applied")
    @ns.response(401, "Update without 'Authorization: Bearer <token>'")
    @ns.response(403, "Update with a wrong token, or the server is read-only (no KGAPI_TOKEN)")
    def post(self):
        """Run a query (form field 'query' or application/sparql-query body) or an update (form field
        'update' or application/sparql-update body; needs the write token)."""
        return _handle()


for status, text in _ERRORS.items():
    Sparql.get = ns.response(status, text)(Sparql.get)
    Sparql.post = ns.response(status, text)(Sparql.post)
Sparql.get = ns.produces(PRODUCES)(Sparql.get)
Sparql.post = ns.produces(PRODUCES)(Sparql.post)


def _base_iri() -> str:
    return str(state().settings.base_iri)


def _has_graph(iri: str) -> bool:
    from ..sparql.protocol import is_absolute_iri

    return is_absolute_iri(iri) and state().store.has_graph(URIRef(iri))


def _handle() -> Response:
    op = read_operation(request)
    if op.kind == "query":
        return _query(op)
    if op.kind == "update":
        return _update(op)
    return _description(op)


def _query(op: Operation) -> Response:
    st = state()
    base = _base_iri()
    scan = scan_query(op.text, base_iri=base)
    fmt = formats.negotiate(formats.formats_for(scan.form), request.headers.get("Accept"), op.format)
    safety.check(scan, has_graph=_has_graph, protocol_graphs=op.dataset_params())
    default, named = op.graphs("default-graph-uri"), op.graphs("named-graph-uri")
    protocol_dataset = bool(default or named)
    result = st.store.sparql(
        op.text, result_format=fmt.key,
        default_graph_uris=default if protocol_dataset else None,
        named_graph_uris=named if protocol_dataset else None,
        union_default_graph=st.settings.union_default_graph, base_iri=base,
        timeout=st.settings.query_timeout, max_rows=st.settings.max_rows)
    resp = Response(result.body, status=200, content_type=result.media_type)
    resp.headers["Vary"] = "Accept"
    if result.truncated:
        resp.headers["X-Kgapi-Truncated"] = "true"
        resp.headers["X-Kgapi-Max-Rows"] = str(st.settings.max_rows)
    for k, v in result.headers.items():
        resp.headers[k] = v
    return resp


def _update(op: Operation) -> Response:
    require_write()
    st = state()
    base = _base_iri()
    scan = scan_update(op.text, base_iri=base)
    using, using_named = op.graphs("using-graph-uri"), op.graphs("using-named-graph-uri")
    safety.check_protocol_dataset(scan, using, using_named)
    safety.check(scan, has_graph=_has_graph, protocol_graphs=op.dataset_params())
    check_update_cost(scan, st.store, using=using, using_named=using_named, base_iri=base,
                      timeout=st.settings.query_timeout)
    registry = str(st.minter.registry())
    then = (reindex_operations(registry) if update_needs_reindex(scan.operations, scan.terms, scan.written_graphs,
                                                                 registry) else None)
    st.store.sparql_update(op.text, using_graph_uris=using or None, using_named_graph_uris=using_named or None,
                           base_iri=base, timeout=st.settings.query_timeout, then=then)
    return Response(status=204)


def _description(op: Operation) -> Response:
    from ..sparql.description import describe_service

    accept = request.headers.get("Accept", "")
    if not op.format and _prefers_html(accept):
        return redirect("/query", code=303)
    fmt = formats.negotiate(formats.GRAPH_FORMATS, accept, op.format)
    body = describe_service(state(), endpoint=request.base_url, result_format=fmt.key)
    resp = Response(body, status=200, content_type=fmt.content_type)
    resp.headers["Vary"] = "Accept"
    return resp


def _prefers_html(accept: str) -> bool:
    """A browser navigating here (text/html listed explicitly, above every RDF type) rather than an RDF client."""
    from werkzeug.datastructures import MIMEAccept
    from werkzeug.http import parse_accept_header

    ranges = [(v.split(";")[0].strip().lower(), q) for v, q in parse_accept_header(accept, MIMEAccept)
              if not v.startswith("*")]
    html = formats._quality(ranges, "text/html")
    rdf = max(formats._quality(ranges, f.media_type) for f in formats.GRAPH_FORMATS)
    return html > 0 and html > rdf
