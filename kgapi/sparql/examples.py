"""Example queries an analyst would run first: preloaded in the query page, shown in the README, tested.

They rely on the default graph being the union of all graphs (no GRAPH
needed), and on the ontology graph for labels of statuses and modalities.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Example:
    title: str
    description: str
    query: str


_PREFIXES = """PREFIX kg: <https://w3id.org/kgapi/ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
"""

EXAMPLES: tuple[Example, ...] = (
    Example(
        "Deployments by date",
        "Who sent how many personnel where, when, and how sure the reporting is (status).",
        _PREFIXES + """SELECT ?start ?from ?to ?count ?kind ?status WHERE {
  ?d a kg:Deployment ;
     kg:sendingState/rdfs:label ?from ;
     kg:status/rdfs:label ?status .
  OPTIONAL { ?d kg:location/rdfs:label ?place }
  OPTIONAL { ?d kg:hostState/rdfs:label ?host }
  BIND(COALESCE(?place, ?host) AS ?to)
  OPTIONAL { ?d kg:start ?start }
  OPTIONAL { ?d kg:personnel ?figure .
             OPTIONAL { ?figure kg:count ?count }
             OPTIONAL { ?figure kg:kind ?kind } }
}
ORDER BY STR(?start) ?from
"""),
    Example(
        "Who met whom",
        "Pairs of people or states that took part in the same meeting or visit.",
        _PREFIXES + """SELECT ?a ?b ?event ?date WHERE {
  VALUES ?type { kg:Meeting kg:Visit }
  ?e a ?type ;
     rdfs:label ?event ;
     kg:participant ?x, ?y .
  FILTER (STR(?x) < STR(?y))
  ?x rdfs:label ?a .
  ?y rdfs:label ?b .
  OPTIONAL { ?e kg:date ?date }
}
ORDER BY ?date ?a
"""),
    Example(
        "Claims with their source sentence",
        "Every fact with the sentence it was read from, how certain the wording is, "
        "whom the article attributes it to, and the article.",
        _PREFIXES + """PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX schema: <https://schema.org/>
SELECT ?fact ?modality ?accordingTo ?sentence ?article WHERE {
  ?claim a kg:Claim ;
         kg:about ?f ;
         kg:sentence ?sentence ;
         kg:modality/rdfs:label ?modality ;
         prov:wasDerivedFrom/schema:headline ?article .
  OPTIONAL { ?f rdfs:label ?label }
  BIND(COALESCE(?label, STR(?f)) AS ?fact)
  OPTIONAL { ?claim kg:accordingToLabel ?accordingTo }
}
ORDER BY ?article ?fact
"""),
    Example(
        "Who holds which role",
        "People, their roles and the state or organization they hold them in.",
        _PREFIXES + """PREFIX org: <http://www.w3.org/ns/org#>
SELECT ?person ?role ?of WHERE {
  ?r a kg:RoleAssignment ;
     org:member/rdfs:label ?person ;
     org:role/rdfs:label ?role .
  OPTIONAL { ?r org:organization/rdfs:label ?of }
}
ORDER BY ?of ?person
"""),
    Example(
        "Timeline of one actor",
        "Every dated event Kim Jong Un took part in, with the sentence that reports it.",
        _PREFIXES + """SELECT ?date ?type ?event ?sentence WHERE {
  ?who rdfs:label "Kim Jong Un" .
  ?e kg:participant ?who ;
     a ?class ;
     rdfs:label ?event ;
     kg:date ?date .
  ?class rdfs:subClassOf kg:Event ;
         rdfs:label ?type .
  OPTIONAL { ?claim kg:about ?e ; kg:sentence ?sentence }
}
ORDER BY ?date
"""),
)
