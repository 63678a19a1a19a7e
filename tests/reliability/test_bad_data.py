"""Malformed data in the store: the domain API must still answer, never with a 5xx.

Graphs written through the Graph Store (``/store``) skip the extraction
pipeline and its SHACL gate, so an analyst's upload can put a literal where an
IRI belongs, a blank node as a fact, a date that is no date, two labels. Every
domain endpoint that reads such data must still answer with a 2xx or a 4xx.
"""

from __future__ import annotations

import pytest
import requests

from tests.conftest import TOKEN
from tests.helpers import SEED_DIR, ServerProcess

K, S, ORG = "https://w3id.org/kgapi/ns#", "https://schema.org/", "http://www.w3.org/ns/org#"
R, SKOS, XSD = "http://www.w3.org/2000/01/rdf-schema#", "http://www.w3.org/2004/02/skos/core#", \
    "http://www.w3.org/2001/XMLSchema#"
BASE = "http://kg.test/"


def junk(article: str, entity: str, deployment: str, event: str) -> str:
    return f"""
<{entity}> <{R}label> "Second label" , "third"@en , 42 ; a <{K}Person> , <{K}State> ;
    <{SKOS}altLabel> <{BASE}iri-as-alias> .
<{deployment}> <{K}personnelCount> "many" ; <{K}startDate> "2025-13-45"^^<{XSD}date> , "not a date" ;
    <{K}sendingState> "North Korea" ; <{K}location> _:place ; <{K}personnel> "lots" , <{BASE}figures/odd> .
<{BASE}figures/odd> <{K}count> "many" ; <{K}minCount> "3.5" ; <{K}qualifier> 7 .
<{event}> <{K}date> "yesterday"^^<{XSD}gYear> ; <{K}participant> "a literal" , _:place .
<{article}> <{S}datePublished> "2025-99-99"^^<{XSD}date> , "2024-01-01"^^<{XSD}date> ;
    <{S}headline> "Another headline" ; <{K}text> 12 ; <{S}url> "not a url" .
<{BASE}entities/ghost> a <{K}Person> .
<{BASE}deployments/ghost> a <{K}Deployment> ; <{K}hostState> <{entity}> .
<{BASE}events/ghost> a <{K}Event> ; <{K}participant> <{BASE}entities/ghost> .
_:dep a <{K}Deployment> ; <{K}sendingState> _:place ; <{K}hostState> <{entity}> .
_:place <{R}label> "a blank place" ; a <{K}Place> .
<{BASE}claims/odd> <{K}about> _:dep ; <{K}accordingTo> "someone" .
<{BASE}roles/odd> a <{ORG}Membership> , <{K}RoleAssignment> ; <{ORG}member> "nobody" ; <{ORG}role> 5 .
"""


def _tail(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


@pytest.mark.parametrize("where", ["a graph of its own", "the article's graph"])
def test_domain_api_survives_malformed_graphs(tmp_path, where):
    env = {"KGAPI_STORE": str(tmp_path / "store"), "KGAPI_SEED": str(SEED_DIR), "KGAPI_TOKEN": TOKEN,
           "KGAPI_BASE_IRI": BASE}
    with ServerProcess(env) as server:
        get = lambda path: requests.get(server.url + path, timeout=60)  # noqa: E731
        article = get("/articles").json()["items"][0]["iri"]
        entity = get("/entities?limit=1").json()["items"][0]["iri"]
        deployment = get("/deployments?limit=1").json()["items"][0]["iri"]
        event = get("/events?limit=1").json()["items"][0]["iri"]
        graph = f"{BASE}store/junk" if where == "a graph of its own" else article
        r = requests.post(server.url + "/store", params={"graph": graph}, timeout=60,
                          data=junk(article, entity, deployment, event).encode(),
                          headers={"Authorization": f"Bearer {TOKEN}", "Content-Type": "text/turtle"})
        assert r.status_code in (201, 204), r.text
        paths = ["/health", "/articles", "/articles?from=2024", "/entities", "/entities?q=second",
                 "/entities?type=Person", "/deployments", "/deployments?from=2025", "/deployments?sort=date",
                 "/events", "/events?sort=date", "/roles", "/timeline?entity=" + _tail(entity)]
        for iri in (article, entity, deployment, event, f"{BASE}entities/ghost", f"{BASE}deployments/ghost",
                    f"{BASE}events/ghost", f"{BASE}roles/odd"):
            kind = iri[len(BASE):].split("/")[0]
            paths += [f"/{kind}/{_tail(iri)}", f"/{kind}/{_tail(iri)}.html", f"/{kind}/{_tail(iri)}.ttl"]
        paths.append("/claims/odd")
        answers = {p: get(p).status_code for p in paths}
        bad = {p: s for p, s in answers.items() if s >= 500}
        assert not bad, f"5xx on malformed data:\n{bad}\n{server.output()[-3000:]}"
        assert server.proc.poll() is None
        print(f"{where}: {len(paths)} requests, statuses {sorted(set(answers.values()))}")
