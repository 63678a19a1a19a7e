"""The entity registry graph's own IRI, ``{base}graphs/entities``, dereferenced (Linked Data).

RDF formats give the whole graph (every entity's type, label and aliases, once);
JSON a summary; a browser is sent to the entity search page.
"""

from __future__ import annotations

from flask import redirect
from flask_restx import Namespace, Resource, fields

from ..errors import NotFound
from . import models as m
from .common import state
from .http import json_response, split_suffix
from .linked import FORMATS, negotiate, rdf_response

PATH = "/graphs"
ns = Namespace("graphs", description="The entity registry graph: every entity's type, label and aliases, once")
m.register(ns, m.error)
registry_model = ns.model("EntityRegistry", {
    "iri": fields.String(required=True, example=f"{m.EX_BASE}graphs/entities"),
    "entities": fields.Integer(required=True, description="entities and role types it names", example=120),
    "triples": fields.Integer(required=True, example=410),
    "description": fields.String(required=True),
})


@ns.route("/<string:graph_id>")
@ns.param("graph_id", "entities, optionally with a format suffix (.json .ttl .jsonld .nt .rdf)", example="entities")
class Graph(Resource):
    @ns.response(200, "The registry graph (RDF by Accept or suffix), or a summary (JSON)", registry_model)
    @ns.response(303, "A browser: to the entity search page")
    @ns.response(404, "No such graph", m.error)
    @ns.response(406, "None of the formats in Accept is available", m.error)
    @ns.produces(list(FORMATS.values()))
    def get(self, graph_id: str):
        """The entity registry graph, which the entity pages and SPARQL read names and types from."""
        ident, suffix = split_suffix(graph_id)
        if ident != "entities":
            raise NotFound(f"no graph {graph_id!r}; the one graph served here is /graphs/entities")
        fmt = negotiate(suffix, "graph")
        st = state()
        iri = str(st.minter.registry())
        if fmt == "html":
            return redirect("/entities", code=303)
        if fmt == "json":
            rows = st.store.select_values(
                f"SELECT (COUNT(DISTINCT ?s) AS ?e) (COUNT(*) AS ?n) WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
            return json_response({
                "iri": iri, "entities": int(rows[0]["e"]), "triples": int(rows[0]["n"]),
                "description": "Each entity's and role type's rdf:type, rdfs:label and skos:altLabels, stated "
                               "once for the whole dataset and kept in step with the articles' kg:Mention "
                               "records. Article graphs say how each article names them."})
        return rdf_response(st.store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}"),
                            fmt)
