"""The SHACL gate accepts what build() makes and names what breaks the shapes."""

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import RDF, RDFS

from kgapi.errors import ValidationFailed
from kgapi.graph import build, shacl_check
from kgapi.graph.shacl import violations
from kgapi.graph.terms import KG, ONTOLOGY_FILE, SHAPES_FILE
from tests.graph.test_build import MINTER, extraction


def test_ontology_and_shapes_parse():
    from rdflib import Graph
    from rdflib.namespace import OWL

    onto = Graph().parse(ONTOLOGY_FILE)
    for cls in ("Person", "State", "Organization", "Place", "Deployment", "Event", "Article", "Claim"):
        assert (KG[cls], RDF.type, OWL.Class) in onto, cls
    assert len(Graph().parse(SHAPES_FILE)) > 50


def test_built_graph_conforms():
    assert violations(build(extraction(), MINTER).validation_graph()) == []


def test_a_mention_must_name_one_entity_with_a_known_type():
    built = build(extraction(), MINTER)
    m = URIRef(f"{built.article_iri}#mention-kim-jong-un")
    g = built.validation_graph()
    g.remove((m, KG.entityType, None))
    g.add((m, KG.entityType, KG.Deployment))
    found = violations(g)
    assert any("mention's type" in v["message"] for v in found), found
    g = built.validation_graph()
    g.add((m, KG.mentionOf, URIRef("http://kg.test/entities/nobody")))
    assert any("exactly one entity" in v["message"] for v in violations(g))


@pytest.mark.parametrize("breakage,message", [
    (lambda g, d: g.remove((d, KG.status, None)), "exactly one status"),
    (lambda g, d: g.add((d, KG.hostState, URIRef("http://kg.test/entities/kursk"))), "host state"),
    (lambda g, d: g.add((d, KG.start, Literal("sometime"))), "start"),
    (lambda g, d: g.add((URIRef("http://kg.test/entities/kursk"), RDFS.label, Literal("Kursk Oblast"))), "preferred label"),
])
def test_violations_are_reported(breakage, message):
    built = build(extraction(), MINTER)
    dep = URIRef(built.result["deployments"][0]["iri"])
    breakage(built.registry, dep)  # the registry entries: an entity's names
    breakage(built.graph, dep)
    with pytest.raises(ValidationFailed) as exc:
        shacl_check(built.graph, built.registry)
    assert exc.value.status == 422
    found = exc.value.details["violations"]
    assert found and any(message in v["message"] or message in (v["path"] or "") for v in found), found
