"""Extraction contract → article graph: terms, determinism, and refusals."""

import copy

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, SKOS, XSD

from kgapi.errors import BadRequest
from kgapi.graph import Minter, build, date_literal
from kgapi.graph.terms import KG, ORG, SCHEMA

MINTER = Minter("http://kg.test/")
TEXT = "Intelligence reports indicate that North Korea deployed over 11,000 combat troops to Kursk in October last year."


def ref(i, label):
    return {"id": i, "label": label}


def extraction():
    return {
        "article": {"id": "2025-12-06-test-article", "title": "Test article", "published": "2025-12-06",
                    "url": "https://news.test/a", "source": "a.txt", "text": TEXT},
        "entities": [
            {"id": "kim-jong-un", "label": "Kim Jong Un", "type": "Person", "aliases": ["Kim", "Kim Jong-un"]},
            {"id": "north-korea", "label": "North Korea", "type": "State", "aliases": ["Pyongyang"]},
            {"id": "russia", "label": "Russia", "type": "State", "aliases": []},
            {"id": "kursk", "label": "Kursk", "type": "Place", "aliases": []},
        ],
        "roles": [{"person": ref("kim-jong-un", "Kim Jong Un"), "role": "Supreme Leader",
                   "of": ref("north-korea", "North Korea")}],
        "deployments": [{
            "sending_state": ref("north-korea", "North Korea"), "host_state": ref("russia", "Russia"),
            "location": ref("kursk", "Kursk"),
            "personnel": [{"count": 11000, "qualifier": "over", "kind": "combat troops"}],
            "start": "2024-10", "end": None, "status": "reported",
            "according_to": [{"label": "Intelligence reports"}], "modality": "attributed",
            "sources": [{"sentence": TEXT, "start": 0, "end": len(TEXT)}],
        }],
        "events": [{"type": "Order", "date": "2024-10-22", "participants": [ref("kim-jong-un", "Kim Jong Un")]}],
        "extractor": {"name": "kgapi", "version": "test"},
    }


def test_article_graph_terms():
    built = build(extraction(), MINTER)
    g = built.graph
    A = URIRef("http://kg.test/articles/2025-12-06-test-article")
    assert g.identifier == A
    assert (A, RDF.type, KG.Article) in g
    assert (A, SCHEMA.datePublished, Literal("2025-12-06", datatype=XSD.date)) in g
    kim = URIRef("http://kg.test/entities/kim-jong-un")
    # the article names Kim by a mention record; his type, label and aliases go to the registry
    assert not list(g.triples((kim, None, None)))
    mention = URIRef(f"{A}#mention-kim-jong-un")
    assert (mention, RDF.type, KG.Mention) in g and (mention, KG.mentionOf, kim) in g
    assert (mention, KG.label, Literal("Kim Jong Un")) in g and (mention, KG.entityType, KG.Person) in g
    assert (mention, KG.surfaceForm, Literal("Kim Jong-un")) in g
    reg = built.registry
    assert (kim, RDF.type, KG.Person) in reg
    assert (kim, RDFS.label, Literal("Kim Jong Un")) in reg
    assert (kim, SKOS.altLabel, Literal("Kim Jong-un")) in reg
    assert not set(reg) & set(g)
    assert (A, SCHEMA.mentions, kim) in g
    dep = URIRef(built.result["deployments"][0]["iri"])
    assert (dep, KG.start, Literal("2024-10", datatype=XSD.gYearMonth)) in g
    assert (dep, KG.status, KG.reported) in g
    figure = g.value(dep, KG.personnel)
    assert g.value(figure, KG["count"]).toPython() == 11000
    assert str(g.value(figure, KG.qualifier)) == "over"
    role = URIRef(built.result["roles"][0]["iri"])
    assert (role, ORG.member, kim) in g
    role_type = g.value(role, ORG.role)
    assert str(reg.value(role_type, RDFS.label)) == "Supreme Leader" and (role_type, RDF.type, KG.Role) in reg
    assert str(g.value(URIRef(f"{A}#role-type-supreme-leader"), KG.label)) == "Supreme Leader"


def test_every_fact_has_a_claim_with_provenance():
    built = build(extraction(), MINTER)
    g = built.graph
    facts = [built.result[k][0]["iri"] for k in ("roles", "deployments", "events")]
    for fact in facts:
        claims = list(g.subjects(KG.about, URIRef(fact)))
        assert len(claims) == 1, fact
        c = claims[0]
        assert (c, PROV.wasDerivedFrom, built.article_iri) in g
        assert g.value(c, KG.modality) is not None
        assert g.value(g.value(c, PROV.wasGeneratedBy), KG.extractorVersion) is not None
    dep_claim = next(c for c in built.result["claims"] if c["about"]["kind"] == "deployment")
    assert dep_claim["sentence"] == TEXT and dep_claim["start"] == 0 and dep_claim["end"] == len(TEXT)
    assert dep_claim["according_to"] == [{"label": "Intelligence reports"}]
    assert dep_claim["modality"] == "attributed"


def test_build_is_deterministic():
    a, b = build(extraction(), MINTER), build(extraction(), MINTER)
    assert set(a.graph) == set(b.graph)
    assert a.result == b.result
    assert a.result["triples"] == len(a.graph)


@pytest.mark.parametrize("value,datatype", [("2024", XSD.gYear), ("2024-10", XSD.gYearMonth),
                                            ("2024-10-22", XSD.date)])
def test_dates_keep_their_precision(value, datatype):
    assert date_literal(value).datatype == datatype


@pytest.mark.parametrize("value", ["2024-13", "24-10", "October 2024", "2024-10-32", ""])
def test_bad_dates_are_refused(value):
    with pytest.raises(BadRequest):
        date_literal(value)


@pytest.mark.parametrize("mutate,field", [
    (lambda x: x["deployments"][0].update(status="rumoured"), "deployments[0].status"),
    (lambda x: x["deployments"][0].update(host_state={"id": "kursk", "label": "Kursk"}), "deployments[0].host_state"),
    (lambda x: x["deployments"][0]["personnel"][0].update(count=-5), "deployments[0].personnel[0].count"),
    (lambda x: x["deployments"][0]["personnel"][0].update(qualifier="roughly"), "deployments[0].personnel[0].qualifier"),
    (lambda x: x["deployments"][0].update(start="last year"), "deployments[0].start"),
    (lambda x: x["events"][0].update(type="Party"), "events[0].type"),
    (lambda x: x["events"][0].update(participants=[{"id": "nobody", "label": "Nobody"}]), "events[0].participants[0]"),
    (lambda x: x["entities"][0].update(type="Alien"), "entities[0].type"),
    (lambda x: x["roles"][0].update(person=None), "roles[0].person"),
    (lambda x: x["article"].update(title=""), "article.title"),
    (lambda x: x["article"].update(published="2025-12"), "article.published"),
    (lambda x: x["article"].update(id="../etc"), "article.id"),
    (lambda x: x["deployments"][0]["sources"][0].update(start=5), "deployments[0].sources"),
])
def test_bad_extractions_name_the_field(mutate, field):
    x = copy.deepcopy(extraction())
    mutate(x)
    with pytest.raises(BadRequest) as exc:
        build(x, MINTER)
    assert exc.value.details.get("field") == field


def test_no_blank_nodes_so_entities_merge_across_articles():
    g = build(extraction(), MINTER).graph
    assert not any(isinstance(t, type(None)) for t in g)
    from rdflib import BNode

    assert not any(isinstance(term, BNode) for triple in g for term in triple)


@pytest.mark.parametrize("path,value", [
    (("article", "title"), "a\x00b"),
    (("article", "text"), "North Korea\x0b sent troops."),
    (("article", "url"), "https://news.test/\x07"),
    (("entities", 0, "label"), "Kim\ud800"),
    (("entities", 1, "aliases", 0), "Pyong\ufffeyang"),
])
def test_characters_that_are_not_text_are_refused(path, value):
    """NULs, other C0 controls and lone surrogates cannot be written as RDF/XML, XML results or UTF-8."""
    x = extraction()
    node = x
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = value
    with pytest.raises(BadRequest) as err:
        build(x, MINTER)
    assert err.value.details["field"].startswith(path[0])


def test_tabs_and_newlines_are_text():
    x = extraction()
    x["article"]["title"] = "Line one\tand\r\nline two"
    assert build(x, MINTER).result["article"]["title"] == "Line one\tand\r\nline two"


@pytest.mark.parametrize("url", ["not a url", "javascript:alert(1)", "https://x.test/a b", "file:///etc/passwd"])
def test_an_article_url_must_be_http(url):
    x = extraction()
    x["article"]["url"] = url
    with pytest.raises(BadRequest) as err:
        build(x, MINTER)
    assert err.value.details["field"] == "article.url"


@pytest.mark.parametrize("day", ["2025-02-30", "2023-02-29", "2025-04-31"])
def test_impossible_days_are_refused(day):
    x = extraction()
    x["article"]["published"] = day
    with pytest.raises(BadRequest) as err:
        build(x, MINTER)
    assert err.value.details["field"] == "article.published"
