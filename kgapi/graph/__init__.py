"""Claims → triples: IRIs, ontology terms, the graph of one article, the SHACL gate."""

from .build import Built, build, date_literal
from .iris import Minter
from .shacl import check as shacl_check
from .shacl import check_many as shacl_check_many
from .terms import KG, ONTOLOGY_FILE, ONTOLOGY_IRI, SHAPES_FILE

__all__ = ["Built", "build", "date_literal", "Minter", "shacl_check", "shacl_check_many", "KG", "ONTOLOGY_FILE",
           "ONTOLOGY_IRI", "SHAPES_FILE"]
