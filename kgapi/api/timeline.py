"""The timeline of one entity: its dated deployments, events and roles, oldest first, with sources."""

from __future__ import annotations

from flask_restx import Namespace, Resource

from ..errors import NotFound
from ..graph import find
from ..graph.read import read_facts
from . import models as m
from .common import state
from .cache import cached, entity_facts, labels
from .http import id_param, json_response, page, page_params

PATH = "/timeline"
ns = Namespace("timeline", description="What happened when, for one entity")
m.register(ns, m.timeline_item, m.error)
timeline_page = ns.add_model("TimelinePage", m.page_of("TimelinePage", m.timeline_item))


@ns.route("")
class Timeline(Resource):
    @ns.doc(params={"entity": {**m.id_param("entity id", "north-korea"), "required": True}, **m.PAGE_PARAMS})
    @ns.response(200, "Dated facts in order of date (a role is dated by the article that states it)",
                 timeline_page)
    @ns.response(400, "A parameter is missing or malformed", m.error)
    @ns.response(404, "No such entity", m.error)
    def get(self):
        """Every dated deployment, event and role of an entity, in order of date, each with its sources."""
        st = state()
        ident = id_param("entity", required=True)
        limit, offset = page_params()
        E = str(st.minter.entity(ident))
        if labels().get(E) is None and not st.store.ask(f"ASK {{ <{E}> ?p ?o }}"):
            raise NotFound(f"no entity with id {ident!r}")
        return json_response(cached(("timeline", E, limit, offset), lambda: _timeline(E, limit, offset)))


def _timeline(E: str, limit: int, offset: int) -> dict:
    st = state()
    known = entity_facts(E)  # the in-memory fact index; None: ask the store
    if known is not None:
        rows, total = known.timeline[offset:offset + limit], len(known.timeline)
    else:
        rows, total = find.timeline_rows(st.store, E, limit, offset)
    facts = read_facts(st.store, st.minter, [r["f"] for r in rows])
    items = []
    for r in rows:
        if r["f"] not in facts:
            continue
        kind, shape = facts[r["f"]]
        by_article = kind == "role"
        items.append({
            "date": r["dt"], "end": None if by_article else shape.get("end"),
            "dated_by": "published" if by_article else "fact",
            "kind": kind, "part": find.PARTS[r["part"]][1],
            "label": _label(kind, shape), "fact": shape,
            "references": find.references(facts, r["f"]),
        })
    return page(items, total, limit, offset)


def _label(kind: str, shape: dict) -> str:
    if kind == "role":
        of = f" of {shape['of']['label']}" if shape.get("of") else ""
        return f"{shape['person']['label']}: {shape['role']}{of}"
    return shape["label"]
