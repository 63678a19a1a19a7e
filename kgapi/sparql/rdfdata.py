"""Reading an uploaded RDF document safely, for the Graph Store Protocol.

RDF/XML may declare a DTD whose entities expand exponentially ("billion
laughs") or point at files and URLs (external entities), and rdflib's RDF/XML
parser does not limit expansion: any DOCTYPE is refused before an RDF parser
sees the bytes (defusedxml reads it with DTDs forbidden). JSON-LD may name
remote contexts: documents whose @context is not inline are refused. The
document is then parsed by pyoxigraph (which fetches nothing) into N-Triples
for the store, with blank nodes renamed so that they never merge with ones
already stored.
"""

from __future__ import annotations

import json

import pyoxigraph as ox

from ..errors import BadRequest
from .formats import Format

_OX = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD,
       "rdfxml": ox.RdfFormat.RDF_XML, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


def _check_xml(data: bytes) -> None:
    from xml.etree.ElementTree import ParseError

    from defusedxml import DefusedXmlException
    from defusedxml.ElementTree import fromstring

    try:
        fromstring(data, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise BadRequest(f"RDF/XML with a DOCTYPE or entity declarations is refused ({type(exc).__name__}): "
                         f"entities can expand without bound or read files and URLs") from None
    except ParseError as exc:
        raise BadRequest(f"malformed RDF/XML: {exc}") from None


def _remote_contexts(node) -> list[str]:
    """Every @context given by reference anywhere in a JSON-LD document."""
    found: list[str] = []
    stack = [node]
    while stack:
        n = stack.pop()
        if isinstance(n, dict):
            for k, v in n.items():
                if k == "@context":
                    for c in v if isinstance(v, list) else [v]:
                        if isinstance(c, str):
                            found.append(c)
                        else:
                            stack.append(c)
                elif k == "@import" and isinstance(v, str):
                    found.append(v)
                else:
                    stack.append(v)
        elif isinstance(n, list):
            stack.extend(n)
    return found


def _check_jsonld(data: bytes) -> None:
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BadRequest(f"malformed JSON-LD: {exc}") from None
    remote = _remote_contexts(doc)
    if remote:
        raise BadRequest(f"JSON-LD with a remote @context ({remote[0]}) is refused: this server fetches "
                         f"nothing; inline the context")


def to_ntriples(data: bytes, fmt: Format, *, base_iri: str) -> str:
    """The document's triples as N-Triples text; 400 with the parser's message when it is not valid."""
    if fmt.key == "rdfxml":
        _check_xml(data)
    elif fmt.key == "jsonld":
        _check_jsonld(data)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the document is not UTF-8") from None
    try:
        quads = ox.parse(data, format=_OX[fmt.key], base_iri=base_iri, without_named_graphs=True,
                         rename_blank_nodes=True)
        triples = [q.triple for q in quads]
    except SyntaxError as exc:
        raise BadRequest(f"cannot read the {fmt.media_type} document: {' '.join(str(exc).split())[:400]}") from None
    except ValueError as exc:
        raise BadRequest(f"cannot read the {fmt.media_type} document: {exc}") from None
    return (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
