"""The SPARQL 1.1 Service Description of /sparql, with a VoID summary of the dataset.

Counting triples per graph scans the store, so the description is cached
until the store is written (embedded: its generation) or for a short while
(remote stores, which have no generation).
"""

from __future__ import annotations

import threading
import time
import weakref

from rdflib import BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, XSD

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
VOID = Namespace("http://rdfs.org/ns/void#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")

#: Most named graphs listed one by one; the totals always cover all of them.
MAX_LISTED_GRAPHS = 1000
_REMOTE_TTL = 30.0

_RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                   "Turtle", "N-Triples", "JSON-LD", "RDF_XML", "TriG", "N-Quads")
_RDFLIB_FORMATS = {"turtle": "turtle", "ntriples": "nt", "jsonld": "json-ld", "rdfxml": "xml",
                   "trig": "trig", "nquads": "nquads"}

#: store → (key, built at, description); weak, so a closed store's entry goes with it
_cache: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()
_cache_lock = threading.Lock()


def _summary(store, union: bool) -> tuple[dict, int]:
    sizes = store.graph_sizes()
    default_own = sizes.pop(None, 0)
    if union:
        rows = store.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", union_default_graph=True)
        default = int(rows[0]["n"]) if rows else 0
    else:
        default = default_own
    return sizes, default


def build_description(store, *, endpoint: str, union: bool, writable: bool, base_iri: str) -> Graph:
    """The description as an rdflib Graph (one service node, one dataset, one graph node per named graph)."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", VOID)
    g.bind("formats", FORMATS)
    g.bind("dcterms", DCTERMS)
    service = URIRef(endpoint + "#service")
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, URIRef(endpoint)))
    g.add((service, DCTERMS.title, Literal("kgapi: state military cooperation in the news")))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    if writable:
        g.add((service, SD.supportedLanguage, SD.SPARQL11Update))
    for f in _RESULT_FORMATS:
        g.add((service, SD.resultFormat, FORMATS[f]))
    g.add((service, SD.feature, SD.EmptyGraphs))
    if union:
        g.add((service, SD.feature, SD.UnionDefaultGraph))
    g.add((service, SD.defaultEntailmentRegime, ENTAILMENT.Simple))

    sizes, default_size = _summary(store, union)
    dataset = URIRef(endpoint + "#dataset")
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, VOID.sparqlEndpoint, URIRef(endpoint)))
    g.add((dataset, VOID.uriSpace, Literal(base_iri)))
    g.add((dataset, VOID.triples, Literal(sum(sizes.values()) + (0 if union else default_size), datatype=XSD.integer)))
    g.add((dataset, VOID.graphs, Literal(len(sizes), datatype=XSD.integer)))
    default_graph = BNode("defaultGraph")
    g.add((dataset, SD.defaultGraph, default_graph))
    g.add((default_graph, RDF.type, SD.Graph))
    g.add((default_graph, RDF.type, VOID.Dataset))
    g.add((default_graph, VOID.triples, Literal(default_size, datatype=XSD.integer)))
    if union:
        g.add((default_graph, RDFS.comment, Literal("The union of all named graphs (KGAPI_UNION_DEFAULT_GRAPH).")))
    for i, (name, n) in enumerate(sorted(sizes.items(), key=lambda kv: str(kv[0]))):
        if i >= MAX_LISTED_GRAPHS:
            g.add((dataset, RDFS.comment, Literal(f"Only the first {MAX_LISTED_GRAPHS} named graphs are listed.")))
            break
        ng, graph = BNode(f"ng{i}"), BNode(f"g{i}")
        g.add((dataset, SD.namedGraph, ng))
        g.add((ng, RDF.type, SD.NamedGraph))
        g.add((ng, SD.name, name))
        g.add((ng, SD.graph, graph))
        g.add((graph, RDF.type, SD.Graph))
        g.add((graph, RDF.type, VOID.Dataset))
        g.add((graph, VOID.triples, Literal(n, datatype=XSD.integer)))
    return g


def describe_service(app_state, *, endpoint: str, result_format: str) -> bytes:
    """The description serialized in a graph format key of :mod:`kgapi.sparql.formats`."""
    store, settings = app_state.store, app_state.settings
    union, writable = bool(settings.union_default_graph), bool(settings.token)
    generation = store.generation
    key = (endpoint, union, writable, generation)
    now = time.monotonic()
    with _cache_lock:
        hit = _cache.get(store)
    if hit is None or hit[0] != key or (store.kind != "embedded" and now - hit[1] > _REMOTE_TTL):
        graph = build_description(store, endpoint=endpoint, union=union, writable=writable,
                                  base_iri=str(settings.base_iri))
        with _cache_lock:
            _cache[store] = (key, now, graph)
    else:
        graph = hit[2]
    return graph.serialize(format=_RDFLIB_FORMATS[result_format], encoding="utf-8")
