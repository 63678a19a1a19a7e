"""Entities: search by name, and one entity with its statements, their sources and its relations."""

from __future__ import annotations

from collections import Counter

from flask_restx import Namespace, Resource

from ..errors import NotFound
from ..graph import find
from ..graph.read import RDF_TYPE, RDFS_LABEL, SKOS_ALT, read_facts
from ..graph.terms import ENTITY_TYPES, KG
from . import models as m
from .common import state
from .http import arg, choice_param, int_param, json_response, page, page_params, split_suffix, valid_id_or_404
from .cache import cached, entity_facts, labels
from .labels import canonical
from .linked import describe_entity, html_response, negotiate, represent

PATH = "/entities"
ns = Namespace("entities", description="Persons, states, organizations and places: search, statements, sources")
m.register(ns, m.entity, m.entity_detail, m.error)
entity_page = ns.add_model("EntityPage", m.page_of("EntityPage", m.entity))

_TYPE_IRIS = {str(KG[t]): t for t in ENTITY_TYPES}
STATEMENTS_LIMIT = 20




# -- one entity ---------------------------------------------------------------------------

def _fact_ref(kind: str, shape: dict) -> dict:
    if kind == "role":
        of = f" ({shape['of']['label']})" if shape.get("of") else ""
        label = f"{shape['person']['label']}: {shape['role']}{of}"
    else:
        label = shape["label"]
    return {"kind": kind, "id": shape["id"], "iri": shape["iri"], "label": label}


_QUALIFIERS = {
    ("deployment", "sending_state"): ("host_state", "location", "personnel", "start", "end", "status"),
    ("deployment", "host_state"): ("sending_state", "location", "personnel", "start", "end", "status"),
    ("deployment", "location"): ("sending_state", "host_state", "personnel", "start", "end", "status"),
    ("deployment", "according_to"): ("sending_state", "host_state", "location", "personnel", "start", "end",
                                     "status"),
    ("event", "participant"): ("type", "date", "end", "location", "participants"),
    ("event", "location"): ("type", "date", "end", "participants"),
    ("event", "according_to"): ("type", "date", "end", "location", "participants"),
    ("role", "according_to"): ("person", "role", "of"),
}


def statement(read, kind: str, shape: dict, part: str, E: str) -> dict:
    """One fact as a statement about the entity, Wikibase-style: property, value, qualifiers, references."""
    ref = _fact_ref(kind, shape)
    if kind == "role" and part == "person":
        prop, value, qualifiers = "role", shape["role"], {"of": shape["of"]}
    elif kind == "role" and part == "of":
        prop, value, qualifiers = "member", shape["person"], {"role": shape["role"]}
    else:
        prop = "source_of" if part == "according_to" else find.PARTS[part][1]
        value = ref
        keys = _QUALIFIERS.get((kind, part), ())
        qualifiers = {k: shape[k] for k in keys}
        if kind == "event" and "participants" in qualifiers:
            qualifiers["participants"] = [p for p in shape["participants"] if p["iri"] != E]
    date = shape.get("start") or shape.get("date") or shape.get("end")
    refs = find.references(read, shape["iri"], E if part == "according_to" else None)
    return {"property": prop, "value": value, "qualifiers": qualifiers, "fact": ref, "date": date,
            "references": refs}


_PART_PROPERTY = {part: prop for part, (_, prop) in find.PARTS.items()} | {"according_to": "source_of"}


def entity_view(ident: str, limit: int = STATEMENTS_LIMIT, offset: int = 0) -> dict:
    """The entity view, from the cache while the store has not changed."""
    valid_id_or_404(ident, "entity")
    return cached(("entity", ident, limit, offset), lambda: _entity_view(ident, limit, offset))


def _entity_core(store, E: str, ident: str) -> dict:
    """Label, type and aliases from the label index; from the store when the index has not seen it yet."""
    from ..graph import contract

    known = labels().get(E)
    if known is not None:
        return dict(known)
    label_n, type_n, aliases = Counter(), Counter(), set()
    for r in find.entity_core(store, E):
        if r["p"] == RDFS_LABEL:
            label_n[r["o"]] += int(r["n"])
        elif r["p"] == RDF_TYPE and r["o"] in _TYPE_IRIS:
            type_n[_TYPE_IRIS[r["o"]]] += int(r["n"])
        elif r["p"] == SKOS_ALT:
            aliases.add(r["o"])
    if not label_n or not type_n:
        raise NotFound(f"no entity with id {ident!r}")
    return contract.entity(ident, E, canonical(label_n), canonical(type_n), aliases | set(label_n))


def _entity_view(ident: str, limit: int, offset: int) -> dict:
    """The entity, its statements (newest first, one page), relations and the articles naming it."""
    st = state()
    store, minter = st.store, st.minter
    E = str(minter.entity(ident))
    view = _entity_core(store, E, ident)
    known = entity_facts(E)  # the in-memory fact index; None: ask the store
    if known is not None:
        counts = known.counts
        pairs = known.statements[offset:offset + limit]
        facts = read_facts(store, minter, [f for f, _ in pairs]) if pairs else {}
    else:
        counts = find.statement_counts(store, E)
        pairs, facts = find.statement_facts(store, minter, E, limit, offset) if counts else ([], {})
    view["statements"] = [statement(facts, *facts[f], part, E) for f, part in pairs if f in facts]
    view["statement_counts"] = {_PART_PROPERTY[p]: n for p, n in sorted(counts.items())}
    total = sum(counts.values())
    nxt = None
    if offset + len(pairs) < total:
        nxt = f"/entities/{ident}?limit={limit}&offset={offset + limit}"
    view.update(total=total, limit=limit, offset=offset, next=nxt)
    index = labels()
    rels = {"out": [], "in": []}
    for r in (find.role_labels(store, known.relations[:100]) if known is not None else find.relations(store, E)):
        other = index.get(r["other"])
        if other is not None:
            rels[r["dir"]].append({"property": r["prop"], "entity": other, "detail": r.get("detail"),
                                   "facts": int(r["n"])})
    view["relations"] = rels
    if known is not None:
        arts = [find.article_shape(minter, {"a": a, "title": t, "published": p, "url": u})
                for a, t, p, u in known.shown]
        n = len(known.articles)
    else:
        arts, n = find.mentioning_articles(store, minter, E)
    view["articles"] = {"total": n, "items": arts}
    return view


# -- resources -------------------------------------------------------------------------------

@ns.route("")
class Entities(Resource):
    @ns.doc(params={
        "q": {"in": "query", "type": "string", "description": "name or alias; case, accents, hyphens and "
              "spacing do not matter ('kim jong-un' finds Kim Jong Un). Empty: every entity, by label.",
              "example": "kim jong-un"},
        "type": {"in": "query", "type": "string", "enum": list(ENTITY_TYPES), "description": "only this type"},
        **m.PAGE_PARAMS,
    })
    @ns.response(200, "Matching entities: exact names first, then prefixes, whole words, substrings", entity_page)
    @ns.response(400, "A parameter is malformed (details.parameter names it)", m.error)
    def get(self):
        """Search entities by label and alias."""
        q = arg("q")
        etype = choice_param("type", ENTITY_TYPES)
        limit, offset = page_params()
        items, total = cached(("search", q, etype, limit, offset), lambda: labels().search(q, etype, limit, offset))
        body = page(items, total, limit, offset)
        if _wants_html():
            return html_response("search.html", q=q or "", type=etype, page=body, types=ENTITY_TYPES)
        return json_response(body)


def _wants_html() -> bool:
    from flask import request

    return request.accept_mimetypes.best_match(["application/json", "text/html"]) == "text/html"


@ns.route("/<string:entity_id>")
@ns.param("entity_id", "Entity id (e.g. kim-jong-un), optionally with a suffix choosing the format: "
                       ".json, .html, .ttl, .jsonld, .nt, .rdf", example="kim-jong-un")
class Entity(Resource):
    @ns.doc(params={
        "limit": {"in": "query", "type": "integer", "minimum": 1, "maximum": 200, "default": STATEMENTS_LIMIT,
                  "description": "statements per page"},
        "offset": {"in": "query", "type": "integer", "minimum": 0, "maximum": 10**9, "default": 0,
                   "description": "statements to skip"},
    })
    @ns.response(200, "The entity (JSON by default; HTML, Turtle, JSON-LD, N-Triples or RDF/XML by Accept or "
                      "suffix). Sends an ETag; If-None-Match gives 304.", m.entity_detail)
    @ns.response(304, "Not modified (If-None-Match matched the ETag)")
    @ns.response(400, "A parameter is malformed", m.error)
    @ns.response(404, "No such entity", m.error)
    @ns.response(406, "None of the formats in Accept is available", m.error)
    @ns.produces(["application/json", "text/html", "text/turtle", "application/ld+json",
                  "application/n-triples", "application/rdf+xml"])
    def get(self, entity_id: str):
        """One entity: label, type, aliases, statements with their sources, relations in and out."""
        ident, suffix = split_suffix(entity_id)
        valid_id_or_404(ident, "entity")
        fmt = negotiate(suffix, "entity")
        limit = int_param("limit", STATEMENTS_LIMIT, minimum=1, maximum=200)
        offset = int_param("offset", 0, minimum=0, maximum=10**9)
        view = entity_view(ident, limit, offset)
        return represent(fmt, json_fn=lambda: json_response(view),
                         rdf_fn=lambda: describe_entity(state().store, view["iri"]),
                         html_fn=lambda: html_response("entity.html", e=view, formats=_formats(ident)))


def _formats(ident: str, kind: str = "entities") -> list[tuple[str, str]]:
    from .linked import FORMATS

    return [(suffix, f"/{kind}/{ident}.{suffix}") for suffix in FORMATS if suffix != "html"]
