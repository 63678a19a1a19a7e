"""Roles: a person holding a role in a state or an organization, and the role types themselves."""

from __future__ import annotations

from flask import request
from flask_restx import Namespace, Resource, fields

from ..errors import NotFound
from ..graph import find
from ..graph.read import RDFS_LABEL, KG
from . import models as m
from .cache import cached
from .common import state
from .facts import PRODUCES, fact_response
from .http import id_param, json_response, page, page_params, split_suffix, valid_id_or_404
from .linked import FORMATS, describe_role_type, html_response, negotiate, represent

PATH = "/roles"
ns = Namespace("roles", description="Who holds which role in which state or organization, and from where")
m.register(ns, m.role, m.error)
role_page = ns.add_model("RolePage", m.page_of("RolePage", m.role))


@ns.route("")
class Roles(Resource):
    @ns.doc(params={
        "person": m.id_param("entity id of the person", "kim-jong-un"),
        "of": m.id_param("entity id of the state or organization", "north-korea"),
        "role": m.id_param("role type id (its name in lower case with hyphens)", "supreme-leader"),
        **m.PAGE_PARAMS,
    })
    @ns.response(200, "Role assignments, in the extraction contract's shape", role_page)
    @ns.response(400, "A parameter is malformed (details.parameter names it)", m.error)
    def get(self):
        """List role assignments; filter by person, state or organization, and role."""
        st = state()
        limit, offset = page_params()
        kw = dict(person=id_param("person"), of=id_param("of"), role_type=id_param("role"))

        def answer():
            found = find.roles(st.store, st.minter, limit=limit, offset=offset, **kw)
            return page([s for _, s in found.facts], found.total, limit, offset)

        return json_response(cached(("roles", request.full_path), answer))


@ns.route("/<string:role_id>")
@ns.param("role_id", "Role assignment id, optionally with a format suffix (.json .html .ttl .jsonld .nt .rdf)")
class Role(Resource):
    @ns.response(200, "The role assignment (JSON by default; HTML or RDF by Accept or suffix)", m.role)
    @ns.response(304, "Not modified")
    @ns.response(404, "No such role assignment", m.error)
    @ns.response(406, "None of the formats in Accept is available", m.error)
    @ns.produces(PRODUCES)
    def get(self, role_id: str):
        """One role assignment with its sources."""
        return fact_response("role", role_id)


types_ns = Namespace("role-types", description="Roles and titles as worded ('Culture Minister'), and who holds them")
m.register(types_ns, m.role, m.error)
role_type_model = types_ns.model("RoleType", {
    "id": fields.String(required=True, example="supreme-leader"),
    "iri": fields.String(required=True, example=f"{m.EX_BASE}role-types/supreme-leader"),
    "label": fields.String(required=True, example="Supreme Leader"),
    "holders": fields.List(m.Nested(m.role), required=True, description="the first 200 assignments"),
    "total": fields.Integer(required=True, example=1),
})
TYPES_PATH = "/role-types"


@types_ns.route("/<string:role_type_id>")
@types_ns.param("role_type_id", "Role type id, optionally with a format suffix")
class RoleType(Resource):
    @types_ns.response(200, "The role type and its holders", role_type_model)
    @types_ns.response(304, "Not modified")
    @types_ns.response(404, "No such role type", m.error)
    @types_ns.response(406, "None of the formats in Accept is available", m.error)
    @types_ns.produces(PRODUCES)
    def get(self, role_type_id: str):
        """A role type and who holds it."""
        ident, suffix = split_suffix(role_type_id)
        valid_id_or_404(ident, "role type")
        fmt = negotiate(suffix, "role type")
        st = state()
        iri = str(st.minter.role_type(ident))
        rows = st.store.select_values(f"SELECT ?l WHERE {{ <{iri}> a <{KG.Role}> ; <{RDFS_LABEL}> ?l }} ORDER BY ?l LIMIT 1")
        if not rows:
            raise NotFound(f"no role type with id {ident!r}")
        found = find.roles(st.store, st.minter, role_type=ident, limit=200)
        body = {"id": ident, "iri": iri, "label": rows[0]["l"], "holders": [s for _, s in found.facts],
                "total": found.total}
        formats = [(s, f"/role-types/{ident}.{s}") for s in FORMATS if s != "html"]
        return represent(fmt, json_fn=lambda: json_response(body),
                         rdf_fn=lambda: describe_role_type(st.store, iri),
                         html_fn=lambda: html_response("role_type.html", label=body["label"], iri=iri,
                                                       roles=body["holders"], formats=formats))
