"""Linked Data: every IRI kgapi mints dereferences, as JSON, HTML or RDF.

The representation is chosen by a suffix (``/entities/kim-jong-un.ttl``) or by
``Accept``. JSON stays the default: no Accept, ``*/*`` and
``application/json`` get JSON; a browser (text/html first) gets the HTML page.
RDF is the resource's own triples, the facts and claims about it and the
labels of what it links to, so a Linked Data client can follow every link.
"""

from __future__ import annotations

from typing import Callable

from flask import Response, render_template, request
from rdflib import Graph

from ..errors import NotAcceptable, NotFound
from ..graph.terms import PREFIXES as NS_PREFIXES
from ..graph.read import PREFIXES
from .http import conditional

#: suffix → media type; the order is the server's preference under a wildcard Accept
FORMATS = {
    "json": "application/json",
    "html": "text/html",
    "ttl": "text/turtle",
    "jsonld": "application/ld+json",
    "nt": "application/n-triples",
    "rdf": "application/rdf+xml",
}
_BY_TYPE = {v: k for k, v in FORMATS.items()}
_RDFLIB = {"ttl": "turtle", "jsonld": "json-ld", "nt": "nt", "rdf": "xml"}
RDF_FORMATS = tuple(_RDFLIB)


def negotiate(suffix: str | None, what: str) -> str:
    """The format to answer in: the suffix's, else the best the Accept header allows."""
    if suffix is not None:
        if suffix not in FORMATS:
            raise NotFound(f"no {what} representation '.{suffix}'; try one of "
                           + ", ".join("." + s for s in FORMATS))
        return suffix
    accept = request.accept_mimetypes
    if not accept or not request.headers.get("Accept", "").strip():
        return "json"
    best = accept.best_match(list(FORMATS.values()) + ["text/plain"])
    if best is None:
        raise NotAcceptable("this resource is available as " + ", ".join(FORMATS.values()),
                            details={"available": list(FORMATS.values())})
    if best == "text/plain":  # N-Triples is plain text
        return "nt"
    # A browser lists text/html with q=1 and */* lower; an API client sends */* alone.
    return _BY_TYPE[best]


def rdf_response(graph: Graph, fmt: str) -> Response:
    for prefix, ns in NS_PREFIXES.items():
        graph.bind(prefix, ns, override=True)
    if fmt == "jsonld":
        body = graph.serialize(format="json-ld", context=dict(NS_PREFIXES), auto_compact=True)
    else:
        body = graph.serialize(format=_RDFLIB[fmt])
    resp = Response(body, mimetype=FORMATS[fmt])
    if fmt == "ttl":
        resp.headers["Content-Type"] = "text/turtle; charset=utf-8"
    return _vary(conditional(resp))


def local_path(iri: str | None) -> str | None:
    """The path this server answers an IRI it minted at (whatever the base IRI's host)."""
    from .common import state

    split = state().minter.split(iri or "")
    return f"/{split[0]}/{split[1]}" if split else iri


def html_response(template: str, **context) -> Response:
    resp = Response(render_template(template, local=local_path, **context), mimetype="text/html")
    return _vary(conditional(resp))


def _vary(resp: Response) -> Response:
    resp.headers["Vary"] = "Accept"
    return resp


def represent(fmt: str, *, json_fn: Callable[[], Response], rdf_fn: Callable[[], Graph],
              html_fn: Callable[[], Response]) -> Response:
    if fmt == "json":
        return _vary(json_fn())
    if fmt == "html":
        return html_fn()
    return rdf_response(rdf_fn(), fmt)


# -- descriptions (CONSTRUCT queries bound to one IRI) ----------------------------
# Labels and types of linked entities come from the default graph (the union): the entity
# registry states each once; an article graph names its entities by mention records only.

def describe_entity(store, iri: str, limit: int = 5000) -> Graph:
    """The entity's own triples, what links to it (capped), and the labels and types of both ends."""
    return store.construct(PREFIXES + f"""
CONSTRUCT {{ <{iri}> ?p ?o . ?o rdfs:label ?ol . ?s ?p2 <{iri}> . ?s rdfs:label ?sl . ?s a ?st . }}
WHERE {{
  {{ <{iri}> ?p ?o OPTIONAL {{ ?o rdfs:label ?ol }} }}
  UNION {{ SELECT ?s ?p2 WHERE {{ ?s ?p2 <{iri}> }} LIMIT {limit} }}
  OPTIONAL {{ ?s rdfs:label ?sl }} OPTIONAL {{ ?s a ?st }}
}}""")


def describe_fact(store, iri: str) -> Graph:
    """A deployment, event or role: its triples, figures, claims, and labels of what they link to."""
    return store.construct(PREFIXES + f"""
CONSTRUCT {{ ?s ?p ?o . ?x rdfs:label ?xl . ?x a ?xt . ?a schema:headline ?ah . }}
WHERE {{
  {{ GRAPH ?g {{
    {{ <{iri}> ?p ?o BIND(<{iri}> AS ?s) }}
    UNION {{ <{iri}> kg:personnel ?s . ?s ?p ?o }}
    UNION {{ ?s kg:about <{iri}> . ?s ?p ?o }}
    UNION {{ ?c kg:about <{iri}> . ?c prov:wasDerivedFrom ?a . ?a schema:headline ?ah }}
  }} }}
  UNION {{ {{ SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ {{ <{iri}> ?link ?x FILTER(?link != rdf:type) }} UNION {{ ?c kg:about <{iri}> ; kg:accordingTo ?x }} }}
                                     FILTER(isIRI(?x)) }} }}
          ?x rdfs:label ?xl OPTIONAL {{ ?x a ?xt }} }}
}}""")


def describe_claim(store, iri: str) -> Graph:
    return store.construct(PREFIXES + f"""
CONSTRUCT {{ <{iri}> ?p ?o . ?x rdfs:label ?xl . ?x a ?xt . ?a schema:headline ?ah . }}
WHERE {{
  {{ GRAPH ?g {{
    {{ <{iri}> ?p ?o }}
    UNION {{ <{iri}> prov:wasDerivedFrom ?a . ?a schema:headline ?ah }}
  }} }}
  UNION {{ {{ SELECT DISTINCT ?x WHERE {{ GRAPH ?g {{ <{iri}> ?link ?x }} FILTER(isIRI(?x) && ?link != rdf:type) }} }}
          ?x rdfs:label ?xl OPTIONAL {{ ?x a ?xt }} }}
}}""")


def describe_role_type(store, iri: str, limit: int = 5000) -> Graph:
    return store.construct(PREFIXES + f"""
CONSTRUCT {{ <{iri}> ?p ?o . ?m org:role <{iri}> ; org:member ?who . ?who rdfs:label ?wl . }}
WHERE {{
  {{ <{iri}> ?p ?o }}
  UNION {{ SELECT ?m ?who WHERE {{ ?m org:role <{iri}> ; org:member ?who }} LIMIT {limit} }}
  OPTIONAL {{ ?who rdfs:label ?wl }}
}}""")


def describe_article(store, iri: str) -> Graph:
    """The article's named graph, whole: its IRI is the graph's name."""
    return store.construct(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH <{iri}> {{ ?s ?p ?o }} }}")
