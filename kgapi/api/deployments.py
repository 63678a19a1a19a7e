"""Deployments: personnel a state sent, sends or will send, with figures, dates, status and sources."""

from __future__ import annotations

from flask import request
from flask_restx import Namespace, Resource

from ..graph import find
from ..graph.terms import STATUSES
from . import models as m
from .cache import cached
from .common import state
from .facts import PRODUCES, fact_response
from .http import choice_param, date_range, id_param, json_response, page, page_params

PATH = "/deployments"
ns = Namespace("deployments", description="Who sent how many personnel where and when, with the claims behind it")
m.register(ns, m.deployment, m.error)
deployment_page = ns.add_model("DeploymentPage", m.page_of("DeploymentPage", m.deployment))

SORT = {"date": False, "-date": True}


@ns.route("")
class Deployments(Resource):
    @ns.doc(params={
        "sending_state": m.id_param("entity id of the sending state", "north-korea"),
        "host_state": m.id_param("entity id of the host state", "russia"),
        "location": m.id_param("entity id of the place", "kursk"),
        "status": {"in": "query", "type": "string", "enum": list(STATUSES)},
        **m.DATE_PARAMS,
        "sort": {"in": "query", "type": "string", "enum": list(SORT), "default": "date",
                 "description": "by first day, oldest first (date) or newest first (-date); undated last"},
        **m.PAGE_PARAMS,
    })
    @ns.response(200, "Deployments, in the extraction contract's shape", deployment_page)
    @ns.response(400, "A parameter is malformed (details.parameter names it)", m.error)
    def get(self):
        """List deployments; filter by states, place, status and dates (compared at their precision).

        A deployment spans from its start to its end (or just its start's
        period when no end is known): `from=2024-10` includes a start of
        `2024-10-22`, and a deployment known only as `2025` overlaps `from=2025-03`.
        """
        st = state()
        date_from, date_to = date_range()
        kw = dict(sending_state=id_param("sending_state"), host_state=id_param("host_state"),
                  location=id_param("location"), status=choice_param("status", STATUSES))
        descending = SORT[choice_param("sort", SORT) or "date"]
        limit, offset = page_params()

        def answer():
            found = find.deployments(st.store, st.minter, date_from=date_from, date_to=date_to, limit=limit,
                                     offset=offset, descending=descending, **kw)
            return page([s for _, s in found.facts], found.total, limit, offset)

        return json_response(cached(("deployments", request.full_path), answer))


@ns.route("/<string:deployment_id>")
@ns.param("deployment_id", "Deployment id, optionally with a format suffix (.json .html .ttl .jsonld .nt .rdf)")
class Deployment(Resource):
    @ns.response(200, "The deployment (JSON by default; HTML or RDF by Accept or suffix)", m.deployment)
    @ns.response(304, "Not modified")
    @ns.response(404, "No such deployment", m.error)
    @ns.response(406, "None of the formats in Accept is available", m.error)
    @ns.produces(PRODUCES)
    def get(self, deployment_id: str):
        """One deployment with its sources."""
        return fact_response("deployment", deployment_id)
