"""SPARQL 1.1 Graph Store HTTP Protocol at /store: read graphs for everyone, write with the token.

Graphs are named indirectly (``/store?graph=IRI``, ``/store?default``) or
directly (``/store/some/path`` is the graph ``{KGAPI_BASE_IRI}store/some/path``).
A POST to ``/store`` itself creates a new graph and answers 201 with its IRI in
``Location``. Writes bypass the extraction pipeline and its SHACL gate: they
are for analysts' own graphs and for loading reference data. Each write to a
named graph also brings the entity registry in step with the graph's mention
records (``kg:Mention``), in the same transaction, as an article write does.
"""

from __future__ import annotations

import uuid

from flask import Response, request
from flask_restx import Namespace, Resource
from rdflib import URIRef

from ..errors import BadRequest, InvalidParameter, NotFound
from ..sparql import formats
from ..sparql.protocol import is_absolute_iri
from ..sparql.rdfdata import to_ntriples
from .common import require_write, state

PATH = "/store"
ns = Namespace("store", description=(
    "SPARQL 1.1 Graph Store HTTP Protocol. GET/HEAD read a graph (everyone); PUT replaces, POST adds, "
    "DELETE removes (Authorization: Bearer <token>). Name the graph with ?graph=<IRI> or ?default, or "
    "directly as /store/<path>. Bodies: Turtle, N-Triples, JSON-LD, RDF/XML (no DOCTYPE), or "
    "multipart/form-data with one such document per part."))

_PARAMS = {
    "graph": {"description": "IRI of the graph (indirect identification)", "in": "query", "type": "string"},
    "default": {"description": "Present (no value): the store's own default graph", "in": "query",
                "type": "string", "allowEmptyValue": True},
    "format": {"description": "Answer format for GET when Accept cannot be set: turtle, ntriples, jsonld, "
                         "rdfxml, trig, nquads", "in": "query", "type": "string"},
}


def _indirect_target() -> tuple[bool, URIRef | None]:
    """(named?, IRI) from ?graph / ?default; (False, None) when neither is given."""
    graphs = request.args.getlist("graph")
    default = "default" in request.args
    if graphs and default:
        raise BadRequest("give either ?graph=<IRI> or ?default, not both")
    if len(graphs) > 1:
        raise InvalidParameter("graph", "give one graph")
    if default:
        return True, None
    if graphs:
        iri = graphs[0]
        if not is_absolute_iri(iri):
            raise InvalidParameter("graph", f"{iri!r} is not an absolute IRI")
        return True, URIRef(iri)
    return False, None


def _direct_iri(subpath: str) -> URIRef:
    """The request's own IRI: characters IRIs cannot hold go back to their percent-encoding."""
    encoded = "".join(c if c not in ' <>"{}|^`\\' and ord(c) > 0x20 and c != "\x7f" else
                      "".join(f"%{b:02X}" for b in c.encode("utf-8")) for c in subpath)
    iri = f"{state().settings.base_iri}store/{encoded}"
    if not is_absolute_iri(iri):
        raise BadRequest(f"/store/{subpath} does not make a valid graph IRI")
    return URIRef(iri)


def _read_body(name: URIRef | None) -> str:
    """The request's RDF (one document, or one per multipart part) as N-Triples."""
    base = str(name) if name is not None else str(state().settings.base_iri)
    if request.mimetype == "multipart/form-data":
        parts = list(request.files.values())
        if not parts:
            raise BadRequest("the multipart body has no file parts")
        docs = []
        for part in parts:
            fmt = formats.rdf_input_format(part.mimetype or part.content_type)
            docs.append(to_ntriples(part.read(), fmt, base_iri=base))
        return "".join(docs)
    fmt = formats.rdf_input_format(request.mimetype)
    return to_ntriples(request.get_data(cache=True), fmt, base_iri=base)


def _get(name: URIRef | None) -> Response:
    st = state()
    if not st.store.graph_exists(name):
        raise NotFound(f"no graph {name} in this store")
    fmt = formats.negotiate(formats.GRAPH_FORMATS, request.headers.get("Accept"), request.args.get("format"))
    result = st.store.get_graph(name, result_format=fmt.key)
    resp = Response(result.body, status=200, content_type=result.media_type)
    resp.headers["Vary"] = "Accept"
    return resp


def _registry(name: URIRef | None) -> str | None:
    """The entity registry to keep in step with a write to graph ``name``: every named graph but itself.

    Mention records (kg:Mention) in any named graph name entities, so a graph written here
    changes the registry as an article would; a write to the registry graph itself is taken
    as it is (``kgapi reindex`` rebuilds it from the mention records)."""
    registry = str(state().minter.registry())
    return None if name is None or str(name) == registry else registry


def _put(name: URIRef | None) -> Response:
    require_write()
    created = state().store.put_graph(name, _read_body(name), registry=_registry(name))
    _changed()
    return Response(status=201 if created else 204)


def _post(name: URIRef | None) -> Response:
    require_write()
    created = state().store.post_graph(name, _read_body(name), registry=_registry(name))
    _changed()
    return Response(status=201 if created else 204)


def _delete(name: URIRef | None) -> Response:
    require_write()
    st = state()
    registry = _registry(name)
    if name is None:
        st.store.put_graph(None, "")
    elif not (st.store.delete_article(name, registry) if registry else st.store.drop_graph(name)):
        raise NotFound(f"no graph {name} in this store")
    _changed()
    return Response(status=204)


def _changed() -> None:
    """This process wrote: the label index rebuilds on its next use."""
    from flask import current_app

    index = current_app.extensions.get("kgapi.labels")
    if index is not None:
        index.invalidate()


def _responses(fn):
    for status, text in ((400, "Malformed graph IRI or RDF document (DOCTYPE and remote JSON-LD contexts "
                                "are refused)"),
                         (401, "Write without a bearer token"), (403, "Wrong token, or the server is read-only"),
                         (404, "No such graph"), (406, "No acceptable format"), (413, "Body too large"),
                         (415, "Body of a media type that is not RDF")):
        fn = ns.response(status, text)(fn)
    return fn


#: the RDF formats a graph is read in, and errors
PRODUCES = sorted({f.media_type for f in formats.GRAPH_FORMATS} | {"application/json"})


@ns.route("", strict_slashes=False)
@ns.doc(params=_PARAMS)
class GraphStore(Resource):
    @_responses
    @ns.response(200, "The graph, in the negotiated RDF format")
    def get(self):
        """Read a graph (?graph=<IRI> or ?default)."""
        named, name = _indirect_target()
        if not named:
            raise BadRequest("name a graph: ?graph=<IRI> or ?default")
        return _get(name)

    @_responses
    @ns.doc(security="bearer")
    @ns.response(201, "Graph created")
    @ns.response(204, "Graph replaced")
    def put(self):
        """Replace a graph with the body's triples."""
        named, name = _indirect_target()
        if not named:
            raise BadRequest("name a graph: ?graph=<IRI> or ?default")
        return _put(name)

    @_responses
    @ns.doc(security="bearer")
    @ns.response(201, "Graph created (Location: its IRI)")
    @ns.response(204, "Triples added")
    def post(self):
        """Add the body's triples to a graph; without ?graph / ?default, create a new graph."""
        named, name = _indirect_target()
        if named:
            return _post(name)
        require_write()
        iri = _direct_iri(f"graphs/{uuid.uuid4().hex}")
        state().store.post_graph(iri, _read_body(iri))
        resp = Response(status=201)
        resp.headers["Location"] = str(iri)
        return resp

    @_responses
    @ns.doc(security="bearer")
    @ns.response(204, "Graph removed")
    def delete(self):
        """Remove a graph (?default empties the default graph)."""
        named, name = _indirect_target()
        if not named:
            raise BadRequest("name a graph: ?graph=<IRI> or ?default")
        return _delete(name)


@ns.route("/<path:subpath>")
@ns.doc(params={"subpath": "Path under /store/: the graph is {KGAPI_BASE_IRI}store/<subpath>",
                "format": _PARAMS["format"]})
class DirectGraph(Resource):
    @_responses
    @ns.response(200, "The graph")
    def get(self, subpath):
        """Read the graph this URL names."""
        return _get(_direct_iri(subpath))

    @_responses
    @ns.doc(security="bearer")
    @ns.response(201, "Graph created")
    @ns.response(204, "Graph replaced")
    def put(self, subpath):
        """Replace the graph this URL names."""
        return _put(_direct_iri(subpath))

    @_responses
    @ns.doc(security="bearer")
    @ns.response(201, "Graph created")
    @ns.response(204, "Triples added")
    def post(self, subpath):
        """Add triples to the graph this URL names."""
        return _post(_direct_iri(subpath))

    @_responses
    @ns.doc(security="bearer")
    @ns.response(204, "Graph removed")
    def delete(self, subpath):
        """Remove the graph this URL names."""
        return _delete(_direct_iri(subpath))


for _cls in (GraphStore, DirectGraph):
    for _method in ("get", "put", "post", "delete"):
        setattr(_cls, _method, ns.produces(PRODUCES)(getattr(_cls, _method)))
