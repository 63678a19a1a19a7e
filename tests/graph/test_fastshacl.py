"""The compiled SHACL fast path agrees with pySHACL, on valid graphs and on broken ones."""

import random

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SH, XSD

from bench.corpus import CorpusGenerator
from kgapi.graph import Minter, build
from kgapi.graph.fastshacl import FastValidator, Unsupported, validator
from kgapi.graph.shacl import ontology_graph, shapes_graph, violations
from kgapi.graph.terms import KG
from tests.graph.test_build import extraction

MINTER = Minter("http://kg.test/")


def graphs(n, seed=3):
    gen = CorpusGenerator(seed=seed)
    built = [build(gen.article(i), MINTER) for i in range(1, n + 1)] + [build(extraction(), MINTER)]
    return [b.validation_graph() for b in built]


def mutate(g: Graph, rng: random.Random) -> Graph:
    """One random change of the kinds that break (or happen not to break) the shapes."""
    out = Graph(identifier=g.identifier)
    out += g
    triples = sorted(out, key=str)
    s, p, o = rng.choice(triples)
    kind = rng.randrange(9)
    if kind == 0:
        out.remove((s, p, o))                                   # a missing value
    elif kind == 1:
        out.add((s, p, Literal("another value")))                # one value too many / wrong datatype
    elif kind == 2:
        out.add((s, p, URIRef("http://kg.test/entities/nobody")))  # an untyped node as the value
    elif kind == 3 and isinstance(o, Literal):
        out.remove((s, p, o))
        out.add((s, p, Literal(str(o), datatype=XSD.integer)))  # ill-typed or retyped literal
    elif kind == 4:
        out.remove((s, RDF.type, None))                          # a node loses its type
    elif kind == 5:
        out.add((s, RDF.type, rng.choice([KG.Person, KG.State, KG.Place, KG.Deployment, KG.Claim])))
    elif kind == 6:
        out.add((s, KG.status, KG.rumoured))
    elif kind == 7:
        out.add((s, KG["count"], Literal(rng.choice([-3, 0, 5]))))
    else:
        out.add((BNode(), RDF.type, KG.Entity))
    return out


def pyshacl_conforms(g: Graph) -> bool:
    return not violations(g)


def test_the_project_shapes_compile():
    assert validator() is not None


def test_agrees_with_pyshacl_on_valid_graphs():
    fast = validator()
    for g in graphs(8):
        assert fast.conforms(g) and pyshacl_conforms(g)


@pytest.mark.parametrize("seed", range(3))
def test_agrees_with_pyshacl_on_broken_graphs(seed):
    fast = validator()
    rng = random.Random(seed)
    base = graphs(3, seed=seed)
    broken = 0
    for i in range(25):
        g = mutate(rng.choice(base), rng)
        expected = pyshacl_conforms(g)
        assert fast.conforms(g) == expected, f"case {i}: pySHACL says {expected}\n" + g.serialize(format="turtle")
        broken += not expected
    assert broken >= 4   # the mutations do break things (about a third of them)


def test_unsupported_features_turn_the_fast_path_off():
    shapes = Graph()
    s = URIRef("http://kg.test/shape")
    shapes.add((s, SH.targetClass, KG.Person))
    shapes.add((s, SH.pattern, Literal("^a")))
    with pytest.raises(Unsupported):
        FastValidator(shapes, ontology_graph())


def test_warnings_do_not_fail_the_gate():
    shapes = Graph()
    s, ps = URIRef("http://kg.test/shape"), BNode()
    shapes.add((s, SH.targetClass, KG.Person))
    shapes.add((s, SH.property, ps))
    shapes.add((ps, SH.path, RDFS.comment))
    shapes.add((ps, SH.minCount, Literal(1)))
    shapes.add((ps, SH.severity, SH.Warning))
    g = Graph()
    g.add((URIRef("http://kg.test/p"), RDF.type, KG.Person))
    assert FastValidator(shapes, ontology_graph()).conforms(g)
    assert len(list(shapes_graph())) > 0
