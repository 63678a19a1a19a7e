"""Swagger models of every JSON shape the domain endpoints answer (documentation only).

Endpoints return the contract's dicts as they are (no marshalling, which would
drop or invent keys); these models describe them, and the schemathesis test
holds the answers to them. Nullable fields carry Swagger 2's ``x-nullable``.
"""

from __future__ import annotations

from flask_restx import Model, fields

from ..graph.terms import ENTITY_TYPES, EVENT_TYPES, MODALITIES, QUALIFIERS, STATUSES
from ..graph.find import PROPERTIES
from .http import DATE_PATTERN

EX_BASE = "http://127.0.0.1:5000/"


class _Nullable:
    def schema(self):
        schema = super().schema()  # type: ignore[misc]
        schema["x-nullable"] = True
        return schema


class NString(_Nullable, fields.String):
    pass


class NInteger(_Nullable, fields.Integer):
    pass


class Nested(fields.Nested):
    """A nested model; ``nullable=True`` marks it x-nullable (a bare $ref plus the flag)."""

    def __init__(self, model, nullable: bool = False, **kw):
        super().__init__(model, **kw)
        self._x_nullable = nullable

    def schema(self):
        schema = super().schema()
        if self._x_nullable:
            ref = "#/definitions/" + self.nested.name
            return {"$ref": ref, "x-nullable": True, "description": self.description or ""}
        return schema


class AnyValue(fields.Raw):
    """Any JSON value (a string or an object): no ``type`` in the schema."""

    def schema(self):
        schema = super().schema()
        schema.pop("type", None)
        return schema


def _ref_example(ident: str, label: str) -> dict:
    return {"id": ident, "iri": f"{EX_BASE}entities/{ident}", "label": label}


entity_ref = Model("EntityRef", {
    "id": fields.String(required=True, example="north-korea"),
    "iri": fields.String(required=True, example=f"{EX_BASE}entities/north-korea"),
    "label": fields.String(required=True, example="North Korea"),
})

entity = Model("Entity", {
    "id": fields.String(required=True, example="kim-jong-un"),
    "iri": fields.String(required=True, example=f"{EX_BASE}entities/kim-jong-un"),
    "label": fields.String(required=True, example="Kim Jong Un"),
    "type": fields.String(required=True, enum=list(ENTITY_TYPES), example="Person"),
    "aliases": fields.List(fields.String, required=True, example=["Kim", "Kim Jong-un"]),
})

article = Model("Article", {
    "id": fields.String(required=True, example="2025-12-06-north-korea-shows-troops-in-russia-for-first-time"),
    "iri": fields.String(required=True,
                         example=f"{EX_BASE}articles/2025-12-06-north-korea-shows-troops-in-russia-for-first-time"),
    "title": fields.String(required=True, example="North Korea Shows Troops in Russia for First Time, Honors War Dead"),
    "published": NString(required=True, example="2025-12-06", description="YYYY-MM-DD"),
    "url": NString(required=True, example="https://example.org/news/123"),
})

source = Model("Source", {
    "sentence": fields.String(required=True, example="Intelligence reports indicate that North Korea deployed "
                                                     "over 11,000 combat troops in October last year, …"),
    "start": fields.Integer(required=True, example=3120, description="offset in the article text (code points)"),
    "end": fields.Integer(required=True, example=3290),
})

according_to = Model("AccordingTo", {
    "id": fields.String(description="present when the source is a known entity", example="rodong-sinmun"),
    "label": fields.String(required=True, example="Intelligence reports"),
})

personnel = Model("Personnel", {
    "count": NInteger(required=True, example=11000, description="head count; a range's upper bound"),
    "min": NInteger(required=True, example=None, description="a range's lower bound"),
    "qualifier": NString(required=True, enum=list(QUALIFIERS), example="over"),
    "kind": NString(required=True, example="combat troops"),
})

_provenance = {
    "according_to": fields.List(Nested(according_to), required=True),
    "modality": fields.String(required=True, enum=list(MODALITIES), example="attributed"),
    "sources": fields.List(Nested(source), required=True),
}

deployment = Model("Deployment", {
    "id": fields.String(required=True, example="2025-12-06-north-korea-shows-troops-in-russia-for-first-time-deployment-1a2b3c4d5e"),
    "iri": fields.String(required=True, example=f"{EX_BASE}deployments/2025-12-06-…-deployment-1a2b3c4d5e"),
    "label": fields.String(required=True, example="North Korea → Kursk: over 11,000 combat troops (2024-10)"),
    "sending_state": Nested(entity_ref, nullable=True, required=True),
    "host_state": Nested(entity_ref, nullable=True, required=True),
    "location": Nested(entity_ref, nullable=True, required=True),
    "personnel": fields.List(Nested(personnel), required=True),
    "start": NString(required=True, example="2024-10", description="ISO date at the precision the text gives"),
    "end": NString(required=True, example=None),
    "status": fields.String(required=True, enum=list(STATUSES), example="reported"),
    **_provenance,
})

event = Model("Event", {
    "id": fields.String(required=True, example="2025-12-06-…-event-0f1e2d3c4b"),
    "iri": fields.String(required=True, example=f"{EX_BASE}events/2025-12-06-…-event-0f1e2d3c4b"),
    "type": fields.String(required=True, enum=list(EVENT_TYPES), example="Order"),
    "label": fields.String(required=True, example="Order: Kim Jong Un (2024-10-22)"),
    "date": NString(required=True, example="2024-10-22"),
    "end": NString(required=True, example=None),
    "participants": fields.List(Nested(entity_ref), required=True, example=[_ref_example("kim-jong-un", "Kim Jong Un")]),
    "location": Nested(entity_ref, nullable=True, required=True),
    **_provenance,
})

role = Model("Role", {
    "id": fields.String(required=True, example="2025-12-06-…-role-9a8b7c6d5e"),
    "iri": fields.String(required=True, example=f"{EX_BASE}roles/2025-12-06-…-role-9a8b7c6d5e"),
    "person": Nested(entity_ref, required=True),
    "role": fields.String(required=True, example="Supreme Leader"),
    "of": Nested(entity_ref, nullable=True, required=True),
    **_provenance,
})

claim_about = Model("ClaimAbout", {
    "kind": fields.String(required=True, enum=["deployment", "event", "role", "entity"], example="deployment"),
    "id": fields.String(required=True),
    "iri": fields.String(required=True),
})

claim = Model("Claim", {
    "id": fields.String(required=True, example="2025-12-06-…-claim-5e4d3c2b1a"),
    "iri": fields.String(required=True, example=f"{EX_BASE}claims/2025-12-06-…-claim-5e4d3c2b1a"),
    "about": Nested(claim_about, required=True),
    "article": fields.String(required=True, description="article id"),
    "modality": fields.String(required=True, enum=list(MODALITIES)),
    "according_to": fields.List(Nested(according_to), required=True),
    "sentence": NString(required=True),
    "start": NInteger(required=True),
    "end": NInteger(required=True),
})

extraction = Model("Extraction", {
    "article": Nested(article, required=True),
    "entities": fields.List(Nested(entity), required=True),
    "roles": fields.List(Nested(role), required=True),
    "deployments": fields.List(Nested(deployment), required=True),
    "events": fields.List(Nested(event), required=True),
    "claims": fields.List(Nested(claim), required=True),
    "triples": fields.Integer(required=True, example=412, description="triples in the article's graph"),
})

fact_ref = Model("FactRef", {
    "kind": fields.String(required=True, enum=["deployment", "event", "role"], example="deployment"),
    "id": fields.String(required=True),
    "iri": fields.String(required=True),
    "label": fields.String(required=True, example="North Korea → Kursk: over 11,000 combat troops (2024-10)"),
})

claim_ref = Model("ClaimRef", {"id": fields.String(required=True), "iri": fields.String(required=True)})

reference = Model("Reference", {
    "claim": Nested(claim_ref, required=True),
    "article": Nested(article, nullable=True, required=True),
    "sentence": NString(required=True, example="Intelligence reports indicate that North Korea deployed over "
                                               "11,000 combat troops in October last year, …"),
    "start": NInteger(required=True, example=3120),
    "end": NInteger(required=True, example=3290),
    "according_to": fields.List(Nested(according_to), required=True),
    "modality": fields.String(required=True, enum=list(MODALITIES)),
})

statement = Model("Statement", {
    "property": fields.String(required=True, enum=list(PROPERTIES), example="sending_state_of",
                              description="the entity's part in the fact: role (a person's role; value: its name), "
                                          "member (a state's or organization's role holder; value: the person), "
                                          "sending_state_of / host_state_of / location_of / participant_in "
                                          "(value: the deployment or event), source_of (claims attributed to it)"),
    "value": AnyValue(required=True, description="a string (a role's name) or a reference to an entity or fact",
                      example={"kind": "deployment", "id": "…", "iri": "…",
                               "label": "North Korea → Kursk: over 11,000 combat troops (2024-10)"}),
    "qualifiers": fields.Raw(required=True, description="the fact's other fields (dates, states, figures, status…)",
                             example={"host_state": _ref_example("russia", "Russia"), "start": "2024-10",
                                      "status": "reported"}),
    "fact": Nested(fact_ref, required=True),
    "date": NString(required=True, example="2024-10"),
    "references": fields.List(Nested(reference), required=True),
})

relation = Model("Relation", {
    "property": fields.String(required=True, enum=["deployed_to", "role", "met_with", "event_at", "part_of"],
                              example="deployed_to"),
    "entity": Nested(entity, required=True),
    "detail": NString(required=True, example=None, description="a role's name, for role"),
    "facts": fields.Integer(required=True, example=3, description="how many facts make this link"),
})

relations = Model("Relations", {
    "out": fields.List(Nested(relation), required=True, description="from this entity to others"),
    "in": fields.List(Nested(relation), required=True, description="from others to this entity"),
})

mentions = Model("Mentions", {
    "total": fields.Integer(required=True, example=1),
    "items": fields.List(Nested(article), required=True, description="the newest 20"),
})

entity_detail = entity.inherit("EntityDetail", {
    "statements": fields.List(Nested(statement), required=True, description="newest first; paged by limit/offset"),
    "statement_counts": fields.Raw(required=True, example={"sending_state_of": 4, "participant_in": 2}),
    "total": fields.Integer(required=True, description="statements in all"),
    "limit": fields.Integer(required=True, example=50),
    "offset": fields.Integer(required=True, example=0),
    "next": NString(required=True, description="URL of the next page of statements, or null"),
    "relations": Nested(relations, required=True),
    "articles": Nested(mentions, required=True),
})


def page_of(name: str, item: Model) -> Model:
    return Model(name, {
        "items": fields.List(Nested(item), required=True),
        "total": fields.Integer(required=True, example=1),
        "limit": fields.Integer(required=True, example=20),
        "offset": fields.Integer(required=True, example=0),
        "next": NString(required=True, example=None, description="URL of the next page, or null"),
    })


timeline_item = Model("TimelineItem", {
    "date": fields.String(required=True, example="2024-10", description="ISO date at its precision"),
    "end": NString(required=True, example=None),
    "dated_by": fields.String(required=True, enum=["fact", "published"],
                              description="the fact's own date, or (roles) the article's publication date"),
    "kind": fields.String(required=True, enum=["deployment", "event", "role"]),
    "part": fields.String(required=True, enum=list(PROPERTIES), example="sending_state_of"),
    "label": fields.String(required=True),
    "fact": AnyValue(required=True, description="the deployment, event or role, in its own shape"),
    "references": fields.List(Nested(reference), required=True),
})

error_detail = Model("ErrorDetail", {
    "status": fields.Integer(required=True, example=404),
    "code": fields.String(required=True, example="not_found"),
    "message": fields.String(required=True, example="no entity with id 'nobody'"),
    "details": fields.Raw(example={"parameter": "limit"}),
})
error = Model("Error", {"error": Nested(error_detail, required=True)})

#: Swagger parameter documentation shared by the list endpoints
PAGE_PARAMS = {
    "limit": {"in": "query", "type": "integer", "minimum": 1, "maximum": 200, "default": 20,
              "description": "items per page"},
    "offset": {"in": "query", "type": "integer", "minimum": 0, "maximum": 10**9, "default": 0, "description": "items to skip"},
}
DATE_PARAMS = {
    "from": {"in": "query", "type": "string", "pattern": DATE_PATTERN, "example": "2024-10",
             "description": "ISO date at any precision (YYYY, YYYY-MM, YYYY-MM-DD): facts whose dates reach it"},
    "to": {"in": "query", "type": "string", "pattern": DATE_PATTERN, "example": "2025",
           "description": "ISO date at any precision: facts whose dates start by its last day"},
}
ID_PATTERN = r"^[a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?$"


def id_param(description: str, example: str) -> dict:
    return {"in": "query", "type": "string", "pattern": ID_PATTERN, "description": description, "example": example}


ALL = [entity_ref, entity, article, source, according_to, personnel, deployment, event, role, claim_about, claim,
       extraction, fact_ref, claim_ref, reference, statement, relation, relations, mentions, entity_detail,
       timeline_item, error_detail, error]


def register(ns, *models: Model) -> None:
    """Make these models, and every model they may nest, known to the Swagger document."""
    for m in {m.name: m for m in [*models, *ALL]}.values():
        ns.add_model(m.name, m)
