"""Linked Data: every IRI kgapi mints dereferences, as JSON, HTML, Turtle, JSON-LD, N-Triples or RDF/XML."""

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS

from kgapi.graph import Minter

BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"
RDF = {"ttl": ("text/turtle", "turtle"), "jsonld": ("application/ld+json", "json-ld"),
       "nt": ("application/n-triples", "nt"), "rdf": ("application/rdf+xml", "xml")}
KIM = URIRef("http://kg.test/entities/kim-jong-un")


def local(iri: str) -> str:
    kind, ident = Minter("http://kg.test/").split(iri)
    return f"/{kind}/{ident}"


def minted_iris(result: dict) -> list[str]:
    """One IRI of every kind kgapi mints, from an ingest answer."""
    return [result["article"]["iri"], result["entities"][0]["iri"], result["deployments"][0]["iri"],
            result["events"][0]["iri"], result["roles"][0]["iri"], result["claims"][0]["iri"],
            "http://kg.test/role-types/supreme-leader"]


@pytest.mark.parametrize("suffix", list(RDF))
def test_every_minted_iri_dereferences_as_rdf(corpus, ingested, suffix):
    media, parser = RDF[suffix]
    for iri in minted_iris(ingested[0]):
        for r in (corpus.get(local(iri) + "." + suffix), corpus.get(local(iri), headers={"Accept": media})):
            assert r.status_code == 200, (iri, r.status_code)
            assert r.mimetype == media
            g = Graph().parse(data=r.data, format=parser)
            assert (URIRef(iri), None, None) in g, iri


def test_every_minted_iri_has_json_and_html(corpus, ingested):
    for iri in minted_iris(ingested[0]):
        j = corpus.get(local(iri))
        assert j.status_code == 200 and j.mimetype == "application/json" and j.get_json()["iri"] if "articles" not in iri else True
        h = corpus.get(local(iri), headers={"Accept": BROWSER})
        assert h.status_code == 200 and h.mimetype == "text/html", iri
        assert b"<!doctype html>" in h.data[:50].lower()
        assert corpus.get(local(iri) + ".html").data == h.data


def test_entity_turtle_has_labels_types_and_links(corpus):
    g = Graph().parse(data=corpus.get("/entities/kim-jong-un.ttl").data, format="turtle")
    assert (KIM, RDFS.label, Literal("Kim Jong Un")) in g
    assert (KIM, URIRef("http://www.w3.org/2004/02/skos/core#altLabel"), Literal("Kim")) in g
    # what links to him: role assignments and articles, with their labels
    linking = set(g.subjects(None, KIM))
    assert any("/roles/" in s for s in linking) and any("/articles/" in s for s in linking)


def test_article_rdf_is_its_named_graph(corpus, ingested):
    x = ingested[0]
    g = Graph().parse(data=corpus.get(local(x["article"]["iri"]) + ".nt").data, format="nt")
    assert len(g) == x["triples"]


@pytest.mark.parametrize("accept,mimetype", [
    (None, "application/json"), ("*/*", "application/json"), ("application/json", "application/json"),
    (BROWSER, "text/html"), ("text/turtle;q=0.9, application/ld+json", "application/ld+json"),
    ("text/plain", "application/n-triples"), ("application/*", "application/json"),
])
def test_accept_negotiation(corpus, accept, mimetype):
    r = corpus.get("/entities/kim-jong-un", headers={"Accept": accept} if accept else {})
    assert r.status_code == 200 and r.mimetype == mimetype
    assert r.headers["Vary"] == "Accept"


def test_unavailable_formats(corpus):
    r = corpus.get("/entities/kim-jong-un", headers={"Accept": "image/png"})
    assert r.status_code == 406 and r.get_json()["error"]["code"] == "not_acceptable"
    assert corpus.get("/entities/kim-jong-un.docx").status_code == 404


def test_etag_per_representation(corpus):
    ttl = corpus.get("/entities/kim-jong-un.ttl")
    js = corpus.get("/entities/kim-jong-un")
    assert ttl.headers["ETag"] != js.headers["ETag"]
    assert corpus.get("/entities/kim-jong-un.ttl", headers={"If-None-Match": ttl.headers["ETag"]}).status_code == 304


def test_entity_html_page(corpus):
    html = corpus.get("/entities/north-korea.html").get_data(as_text=True)
    assert "<h1" in html and "North Korea" in html
    assert "Intelligence reports indicate that North Korea deployed over 11,000 combat troops" in html
    assert 'href="/entities/russia"' in html            # related entities are links
    assert 'href="/entities/north-korea.ttl"' in html   # and the other formats
    assert "https://" not in html.split("<body>")[0].replace("https://w3id.org", "")  # no CDN in <head>


def test_search_page_for_browsers(corpus):
    r = corpus.get("/entities?q=kim", headers={"Accept": BROWSER})
    assert r.status_code == 200 and r.mimetype == "text/html"
    assert 'href="/entities/kim-jong-un"' in r.get_data(as_text=True)
    assert corpus.get("/entities?q=kim").mimetype == "application/json"
