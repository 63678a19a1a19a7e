"""Media types of SPARQL result formats and RDF formats, shared by the store backends."""

from __future__ import annotations

import pyoxigraph as ox

RESULT_MEDIA = {
    "json": "application/sparql-results+json",
    "xml": "application/sparql-results+xml",
    "csv": "text/csv",
    "tsv": "text/tab-separated-values",
}

GRAPH_MEDIA = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "rdfxml": "application/rdf+xml",
    "jsonld": "application/ld+json",
    "nquads": "application/n-quads",
    "trig": "application/trig",
}

#: file suffix → (name, pyoxigraph format, holds named graphs)
RDF_FILES = {
    ".trig": ("trig", ox.RdfFormat.TRIG, True),
    ".nq": ("nquads", ox.RdfFormat.N_QUADS, True),
    ".nquads": ("nquads", ox.RdfFormat.N_QUADS, True),
    ".ttl": ("turtle", ox.RdfFormat.TURTLE, False),
    ".turtle": ("turtle", ox.RdfFormat.TURTLE, False),
    ".nt": ("ntriples", ox.RdfFormat.N_TRIPLES, False),
}

RDF_FORMATS = {name: (fmt, quads) for name, fmt, quads in RDF_FILES.values()}


def graph_format_of(media_type: str) -> str | None:
    """The GRAPH_MEDIA name of a media type (``text/turtle`` → ``turtle``), else None."""
    media_type = media_type.split(";")[0].strip().lower()
    for name, media in GRAPH_MEDIA.items():
        if media == media_type:
            return name
    return None
