"""Entities: who or what an article names (first cut: look-up by id)."""

from __future__ import annotations

from flask_restx import Namespace, Resource, fields

from ..errors import NotFound
from ..graph.terms import sparql_prefixes
from ..ids import is_valid_id
from .common import state

PATH = "/entities"
ns = Namespace("entities", description="Persons, states, organizations and places")

entity_model = ns.model("Entity", {
    "id": fields.String(example="kim-jong-un"),
    "iri": fields.String(example="http://127.0.0.1:5000/entities/kim-jong-un"),
    "label": fields.String(example="Kim Jong Un"),
    "type": fields.String(enum=["Person", "State", "Organization", "Place"], example="Person"),
    "aliases": fields.List(fields.String, example=["Kim", "Kim Jong-un"]),
    "articles": fields.List(fields.String, description="IRIs of the articles that mention it"),
})


def load_entity(ident: str) -> dict:
    st = state()
    if not is_valid_id(ident):
        raise NotFound(f"no entity with id {ident!r}")
    iri = st.minter.entity(ident)
    rows = st.store.select(sparql_prefixes() + f"""
        SELECT ?label ?type ?alias ?article WHERE {{
          <{iri}> rdfs:label ?label ; a ?t .
          FILTER(?t IN (kg:Person, kg:State, kg:Organization, kg:Place))
          BIND(STRAFTER(STR(?t), STR(kg:)) AS ?type)
          OPTIONAL {{ <{iri}> skos:altLabel ?alias }}
          OPTIONAL {{ ?article schema:mentions <{iri}> }}
        }}""")
    if not rows:
        raise NotFound(f"no entity with id {ident!r}")
    return {
        "id": ident, "iri": str(iri), "label": str(rows[0]["label"]), "type": str(rows[0]["type"]),
        "aliases": sorted({str(r["alias"]) for r in rows if "alias" in r}),
        "articles": sorted({str(r["article"]) for r in rows if "article" in r}),
    }


@ns.route("/<string:entity_id>")
@ns.param("entity_id", "Entity id, e.g. kim-jong-un")
class Entity(Resource):
    @ns.marshal_with(entity_model)
    @ns.response(404, "No such entity")
    def get(self, entity_id: str):
        """One entity: label, type, aliases and the articles that mention it."""
        return load_entity(entity_id)
