"""IRIs of everything kgapi mints, from the base IRI setting and an id.

``{base}entities/{id}``, ``{base}articles/{id}`` (also the article's graph
name), ``{base}deployments/{id}``, ``{base}events/{id}``, ``{base}claims/{id}``,
``{base}roles/{id}`` (role assignments), ``{base}role-types/{slug}``, and
``{base}graphs/entities``, the entity registry graph (see :mod:`.registry`).
Each path is served by the API, so every IRI dereferences.
"""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import URIRef

from ..ids import is_valid_id

KINDS = ("entities", "articles", "deployments", "events", "claims", "roles", "role-types", "graphs")


@dataclass(frozen=True)
class Minter:
    base: str

    def iri(self, kind: str, ident: str) -> URIRef:
        if kind not in KINDS:
            raise ValueError(f"unknown IRI kind {kind!r}")
        return URIRef(f"{self.base}{kind}/{ident}")

    def entity(self, ident: str) -> URIRef:
        return self.iri("entities", ident)

    def article(self, ident: str) -> URIRef:
        return self.iri("articles", ident)

    def deployment(self, ident: str) -> URIRef:
        return self.iri("deployments", ident)

    def event(self, ident: str) -> URIRef:
        return self.iri("events", ident)

    def claim(self, ident: str) -> URIRef:
        return self.iri("claims", ident)

    def role(self, ident: str) -> URIRef:
        return self.iri("roles", ident)

    def role_type(self, ident: str) -> URIRef:
        return self.iri("role-types", ident)

    def registry(self) -> URIRef:
        """The entity registry graph: every entity's and role type's type, label and aliases, once."""
        return self.iri("graphs", "entities")

    def split(self, iri: str) -> tuple[str, str] | None:
        """(kind, id) of an IRI this minter made, else None."""
        if not iri.startswith(self.base):
            return None
        rest = iri[len(self.base):]
        kind, _, ident = rest.partition("/")
        if kind in KINDS and is_valid_id(ident):
            return kind, ident
        return None
