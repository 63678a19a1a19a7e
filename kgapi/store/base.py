"""The one interface every store backend implements.

The API and the ingestion pipeline only talk to this interface, so kgapi runs
the same on the embedded Oxigraph store and on a remote SPARQL 1.1 server.
Terms crossing it are rdflib terms.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from typing import Iterable

from rdflib import Graph, URIRef
from rdflib.term import Node


@dataclass
class RawResult:
    """A SPARQL answer already serialized in the format the client asked for."""

    body: bytes
    media_type: str
    kind: str  # "solutions", "boolean" or "graph"
    truncated: bool = False
    headers: dict[str, str] = field(default_factory=dict)


class Store(ABC):
    """A dataset of named graphs: one per article, one for the ontology."""

    #: "embedded" or "remote"
    kind: str = "abstract"

    # -- reading (queries the API itself writes) --------------------------
    @abstractmethod
    def select(self, query: str) -> list[dict[str, Node]]:
        """Rows of a SELECT as {variable: rdflib term}; unbound variables are absent.

        The default graph is the union of all graphs. For queries kgapi builds
        itself: they are trusted, so no safety checks and no time limit apply.
        """

    @abstractmethod
    def ask(self, query: str) -> bool:
        ...

    @abstractmethod
    def construct(self, query: str) -> Graph:
        ...

    # -- the SPARQL endpoint's queries --------------------------------------
    @abstractmethod
    def sparql(self, query: str, *, result_format: str = "json") -> RawResult:
        """Run a client's SPARQL query and serialize its answer.

        ``result_format`` is json, xml, csv or tsv for SELECT/ASK and
        turtle, ntriples, rdfxml, jsonld… for CONSTRUCT/DESCRIBE.
        """

    # -- writing ------------------------------------------------------------
    @abstractmethod
    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        """Make the named graph hold exactly ``graph``'s triples, in one transaction.

        Readers see the old graph or the new one, never a mix; on failure the
        old graph is left as it was.
        """

    def replace_graphs(self, graphs: Iterable[tuple[URIRef, Graph]]) -> None:
        """Several :meth:`replace_graph` at once; backends may batch them in one transaction."""
        for name, graph in graphs:
            self.replace_graph(name, graph)

    def replace_ntriples(self, graphs: Iterable[tuple[str, str]]) -> None:
        """:meth:`replace_graphs` for graphs already serialized as N-Triples (bulk ingest's fast path)."""
        parsed = []
        for name, body in graphs:
            g = Graph(identifier=URIRef(name))
            g.parse(data=body, format="nt")
            parsed.append((URIRef(name), g))
        self.replace_graphs(parsed)

    @abstractmethod
    def drop_graph(self, name: URIRef) -> bool:
        """Remove a named graph; False when there was none."""

    @abstractmethod
    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 update (trusted text: safety checks happen in the SPARQL layer)."""

    # -- dataset ------------------------------------------------------------
    @abstractmethod
    def named_graphs(self) -> list[URIRef]:
        ...

    def quads(self):
        """Every quad of the dataset as pyoxigraph quads (for export)."""
        raise NotImplementedError

    def has_graph(self, name: URIRef) -> bool:
        return self.ask(f"ASK {{ GRAPH <{name}> {{ ?s ?p ?o }} }}")

    def count(self, graph: URIRef | None = None) -> int:
        """Triples in one named graph, or quads in all named graphs."""
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
        rows = self.select(f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
        return int(rows[0]["n"]) if rows else 0

    def health(self) -> dict:
        """Cheap liveness probe; raises StoreUnavailable when the store cannot answer."""
        self.ask("ASK { }")
        return {"store": self.kind}

    def close(self) -> None:  # pragma: no cover - trivial default
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
