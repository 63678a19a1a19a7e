"""Namespaces and the ontology terms the code uses, in one place."""

from __future__ import annotations

import sys
from pathlib import Path

from rdflib import Namespace
from rdflib.namespace import OWL, PROV, RDF, RDFS, SKOS, XSD, DCTERMS



class _Namespace(Namespace):
    """rdflib's Namespace, each term made once: rdflib builds a new URIRef, and checks its
    characters, on every ``KG.Claim``, which the graph builder does thousands of times per article."""

    def term(self, name: str):
        key = (str(self), name) if isinstance(name, str) else None
        made = _TERMS.get(key) if key else None
        if made is None:
            made = super().term(name)
            if key:
                _TERMS[key] = made
        return made


_TERMS: dict = {}
KG = _Namespace("https://w3id.org/kgapi/ns#")
SCHEMA = _Namespace("https://schema.org/")
ORG = _Namespace("http://www.w3.org/ns/org#")
TIME = _Namespace("http://www.w3.org/2006/time#")

ONTOLOGY_IRI = "https://w3id.org/kgapi/ns"


def _ontology_dir() -> Path:
    """``ontology/`` beside the package in a checkout or an editable install; a wheel installs the
    same files under ``{prefix}/share/kgapi/ontology`` (setup.cfg ``data_files``)."""
    here = Path(__file__).resolve().parents[2] / "ontology"
    if (here / "kgapi.ttl").is_file():
        return here
    for prefix in (sys.prefix, sys.base_prefix):
        installed = Path(prefix) / "share" / "kgapi" / "ontology"
        if (installed / "kgapi.ttl").is_file():
            return installed
    return here


ONTOLOGY_DIR = _ontology_dir()
ONTOLOGY_FILE = ONTOLOGY_DIR / "kgapi.ttl"
SHAPES_FILE = ONTOLOGY_DIR / "shapes.ttl"

ENTITY_TYPES = ("Person", "State", "Organization", "Place")
EVENT_TYPES = ("Meeting", "Visit", "Agreement", "Order", "Acknowledgement", "Report", "Denial",
               "Incursion", "Ceremony", "Statement", "Exercise", "Attack")
STATUSES = ("reported", "confirmed", "announced", "planned", "predicted", "denied")
MODALITIES = ("asserted", "attributed", "believed", "intended", "anticipated", "negated")
QUALIFIERS = ("over", "about", "exact", "up_to", "at_least", "under")

PREFIXES = {
    "kg": str(KG), "rdf": str(RDF), "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL),
    "skos": str(SKOS), "prov": str(PROV), "schema": str(SCHEMA), "org": str(ORG),
    "dcterms": str(DCTERMS), "time": str(TIME),
}


def sparql_prefixes() -> str:
    """PREFIX lines for every namespace above, for queries the API builds."""
    return "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
