"""Events: meetings, visits, orders, agreements… with date, participants, place and sources."""

from __future__ import annotations

from flask import request
from flask_restx import Namespace, Resource

from ..graph import find
from ..graph.terms import EVENT_TYPES
from . import models as m
from .cache import cached
from .common import state
from .deployments import SORT
from .facts import PRODUCES, fact_response
from .http import choice_param, date_range, id_param, json_response, page, page_params

PATH = "/events"
ns = Namespace("events", description="What happened when, who took part, and where it is reported")
m.register(ns, m.event, m.error)
event_page = ns.add_model("EventPage", m.page_of("EventPage", m.event))


@ns.route("")
class Events(Resource):
    @ns.doc(params={
        "participant": m.id_param("entity id of a participant", "kim-jong-un"),
        "type": {"in": "query", "type": "string", "enum": list(EVENT_TYPES)},
        "location": m.id_param("entity id of the place", "kursk"),
        **m.DATE_PARAMS,
        "sort": {"in": "query", "type": "string", "enum": list(SORT), "default": "date"},
        **m.PAGE_PARAMS,
    })
    @ns.response(200, "Events, in the extraction contract's shape", event_page)
    @ns.response(400, "A parameter is malformed (details.parameter names it)", m.error)
    def get(self):
        """List events; filter by participant, type, place and dates (compared at their precision)."""
        st = state()
        date_from, date_to = date_range()
        kw = dict(participant=id_param("participant"), etype=choice_param("type", EVENT_TYPES),
                  location=id_param("location"))
        descending = SORT[choice_param("sort", SORT) or "date"]
        limit, offset = page_params()

        def answer():
            found = find.events(st.store, st.minter, date_from=date_from, date_to=date_to, limit=limit,
                                offset=offset, descending=descending, **kw)
            return page([s for _, s in found.facts], found.total, limit, offset)

        return json_response(cached(("events", request.full_path), answer))


@ns.route("/<string:event_id>")
@ns.param("event_id", "Event id, optionally with a format suffix (.json .html .ttl .jsonld .nt .rdf)")
class Event(Resource):
    @ns.response(200, "The event (JSON by default; HTML or RDF by Accept or suffix)", m.event)
    @ns.response(304, "Not modified")
    @ns.response(404, "No such event", m.error)
    @ns.response(406, "None of the formats in Accept is available", m.error)
    @ns.produces(PRODUCES)
    def get(self, event_id: str):
        """One event with its sources."""
        return fact_response("event", event_id)
