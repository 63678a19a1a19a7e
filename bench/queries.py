"""The fixed query mix, the same text for kgapi, raw oxigraph serve and rdflib.

Oxigraph's union default graph is a bag (a triple stated in two graphs matches twice), rdflib's
is a set. kgapi states each triple once: an entity's type, label and aliases live in the entity
registry graph only, facts and claims in their article's graph only; so plain queries over the
default graph give the same answer under both, as an analyst would write them.

Entities named here are the corpus generator's most frequent ones, so every query has work to
do at every size. "heavy" marks the aggregation and the join (the ≥ 0.8× and ≥ 20× targets).
"""

from __future__ import annotations

from kgapi.graph.terms import sparql_prefixes


def queries(base: str) -> dict[str, tuple[str, bool]]:
    """name → (SPARQL text, heavy?)."""
    p = sparql_prefixes()
    e = f"{base}entities/"
    return {
        "entity": (p + f"""
SELECT ?label ?type ?aliases ?articles WHERE {{
  <{e}north-korea> rdfs:label ?label ; a ?type .
  {{ SELECT (COUNT(?alias) AS ?aliases) WHERE {{ OPTIONAL {{ <{e}north-korea> skos:altLabel ?alias }} }} }}
  {{ SELECT (COUNT(?article) AS ?articles) WHERE {{ ?article schema:mentions <{e}north-korea> }} }}
}}""", False),
        "search": (p + """
SELECT ?e ?label WHERE {
  ?e rdfs:label ?label ; a ?t .
  FILTER(?t IN (kg:Person, kg:State, kg:Organization, kg:Place))
  FILTER(CONTAINS(LCASE(?label), "kim"))
} ORDER BY ?label LIMIT 20""", False),
        "deployments": (p + f"""
SELECT DISTINCT ?d ?label ?start ?status WHERE {{
  ?d a kg:Deployment ; kg:sendingState <{e}north-korea> ; kg:start ?start ; kg:status ?status ;
     rdfs:label ?label .
  FILTER(STR(?start) >= "2023" && STR(?start) < "2025")
}} ORDER BY ?start LIMIT 100""", False),
        "timeline": (p + f"""
SELECT DISTINCT ?ev ?type ?date ?article ?published WHERE {{
  ?ev kg:participant <{e}russia> ; a ?type ; kg:date ?date .
  ?claim kg:about ?ev ; prov:wasDerivedFrom ?article .
  ?article schema:datePublished ?published .
  FILTER(?type != kg:Event)
}} ORDER BY DESC(?date) LIMIT 50""", False),
        "by_month": (p + """
SELECT ?month (COUNT(DISTINCT ?d) AS ?deployments) (SUM(?n) AS ?personnel) WHERE {
  ?claim kg:about ?d ; prov:wasDerivedFrom ?article .
  ?d a kg:Deployment ; kg:personnel/kg:count ?n .
  ?article schema:datePublished ?published .
  BIND(SUBSTR(STR(?published), 1, 7) AS ?month)
} GROUP BY ?month ORDER BY ?month""", True),
        "three_hop": (p + """
SELECT ?sender ?leaderState (COUNT(*) AS ?n) WHERE {
  { SELECT DISTINCT ?sender ?place WHERE { ?d kg:sendingState ?sender ; kg:location ?place } }
  { SELECT DISTINCT ?place ?person WHERE { ?ev kg:location ?place ; kg:participant ?person } }
  { SELECT DISTINCT ?person ?leaderState WHERE { ?r org:member ?person ; org:organization ?leaderState } }
  FILTER EXISTS { ?leaderState a kg:State }
} GROUP BY ?sender ?leaderState ORDER BY DESC(?n) LIMIT 20""", True),
    }


ENTITY_IDS = ["north-korea", "russia", "kursk", "ukraine", "china"]
