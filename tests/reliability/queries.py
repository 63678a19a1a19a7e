"""A fixed set of questions to a server, answered in a form that compares exactly across runs."""

from __future__ import annotations

import requests

from kgapi.graph.terms import sparql_prefixes

SPARQL = {
    "quads": "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o",
    "count": "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }",
    "per graph": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g",
    "entities": sparql_prefixes() + "SELECT DISTINCT ?e ?label WHERE { ?e a ?t ; rdfs:label ?label . "
                "FILTER(?t IN (kg:Person, kg:State, kg:Organization, kg:Place)) } ORDER BY ?e ?label",
    "articles": sparql_prefixes() + "SELECT ?a ?p ?o WHERE { ?a a kg:Article ; ?p ?o } ORDER BY ?a ?p ?o",
    "ask": sparql_prefixes() + "ASK { ?a a kg:Article }",
}


def sparql(url: str, query: str, session=requests, timeout: float = 60):
    r = session.post(url + "/sparql", data={"query": query},
                     headers={"Accept": "application/sparql-results+json"}, timeout=timeout)
    r.raise_for_status()
    body = r.json()
    if "boolean" in body:
        return body["boolean"]
    return sorted(tuple(sorted((k, v["type"], v["value"], v.get("datatype", ""), v.get("xml:lang", ""))
                               for k, v in row.items())) for row in body["results"]["bindings"])


def entity_ids(url: str, base: str, limit: int = 8) -> list[str]:
    rows = sparql(url, SPARQL["entities"])
    prefix = base + "entities/"
    ids = [dict((k, v) for k, _t, v, *_ in row)["e"][len(prefix):] for row in rows]
    return [i for i in ids if i][:limit]


def answers(url: str, base: str, entity_list: list[str]) -> dict:
    """Every SPARQL question above, plus /health and the entity pages of ``entity_list``."""
    out = {name: sparql(url, q) for name, q in SPARQL.items()}
    health = requests.get(url + "/health", timeout=60).json()
    out["health"] = {k: health[k] for k in ("articles", "triples", "store")}
    for ident in entity_list:
        r = requests.get(f"{url}/entities/{ident}", headers={"Accept": "application/json"}, timeout=60)
        out[f"entity {ident}"] = (r.status_code, r.json())
    return out
