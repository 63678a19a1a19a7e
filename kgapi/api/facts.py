"""What the deployment, event and role namespaces share: one fact, in any representation."""

from __future__ import annotations

from flask import Response

from ..errors import NotFound
from ..graph import find
from ..graph.read import read_facts
from .common import state
from .http import json_response, split_suffix, valid_id_or_404
from .linked import FORMATS, describe_fact, html_response, negotiate, represent

PRODUCES = list(FORMATS.values())
KIND_PATHS = {"deployment": "deployments", "event": "events", "role": "roles"}


def fact_response(kind: str, raw_id: str) -> Response:
    """GET /{kind}s/{id}[.suffix]: the fact's contract shape as JSON, its page, or its triples."""
    ident, suffix = split_suffix(raw_id)
    valid_id_or_404(ident, kind)
    fmt = negotiate(suffix, kind)
    st = state()
    iri = str(st.minter.iri(KIND_PATHS[kind], ident))
    facts = read_facts(st.store, st.minter, [iri])
    if iri not in facts or facts[iri][0] != kind:
        raise NotFound(f"no {kind} with id {ident!r}")
    shape = facts[iri][1]

    def html() -> Response:
        person = (shape.get("person") or {}).get("label")
        title = shape.get("label") or (f"{person}: {shape.get('role')}" if person else f"{kind} {ident}")
        formats = [(s, f"/{KIND_PATHS[kind]}/{ident}.{s}") for s in FORMATS if s != "html"]
        return html_response("fact.html", kind=kind, fact=shape, title=title, formats=formats,
                             references=find.references(facts, iri))

    return represent(fmt, json_fn=lambda: json_response(shape), rdf_fn=lambda: describe_fact(st.store, iri),
                     html_fn=html)

