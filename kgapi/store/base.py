"""The one interface every store backend implements.

The API and the ingestion pipeline only talk to this interface, so kgapi runs
the same on the embedded Oxigraph store and on a remote SPARQL 1.1 server.
Terms crossing it are rdflib terms.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Iterable, Sequence

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
    def select(self, query: str, *, union_default_graph: bool = True) -> list[dict[str, Node]]:
        """Rows of a SELECT as {variable: rdflib term}; unbound variables are absent.

        The default graph is the union of all graphs (or, with
        ``union_default_graph=False``, the store's own default graph). For
        queries kgapi builds itself: they are trusted, so no safety checks and
        no time limit apply.
        """

    def select_values(self, query: str) -> list[dict[str, str]]:
        """Rows of a SELECT as {variable: lexical form} (an IRI's text or a literal's value).

        For hot paths whose queries know each variable's kind: making rdflib
        terms costs more than the query itself. Backends may answer it faster.
        """
        return [{k: str(v) for k, v in row.items()} for row in self.select(query)]

    @abstractmethod
    def ask(self, query: str) -> bool:
        ...

    @abstractmethod
    def construct(self, query: str) -> Graph:
        ...

    # -- the SPARQL endpoint's queries --------------------------------------
    # The SPARQL layer (kgapi.sparql) has already checked the text: it parses
    # as far as our scanner sees, names no SERVICE or LOAD, its dataset IRIs
    # are graphs of this store, its nesting is bounded, and ``result_format``
    # fits its query form. Backends run it as it is.
    @abstractmethod
    def sparql(self, query: str, *, result_format: str = "json",
               default_graph_uris: Sequence[str] | None = None,
               named_graph_uris: Sequence[str] | None = None,
               union_default_graph: bool = True,
               base_iri: str | None = None,
               timeout: float | None = None,
               max_rows: int | None = None) -> RawResult:
        """Run a client's SPARQL query and serialize its answer.

        ``result_format``: json, xml, csv or tsv for SELECT and ASK (ASK: json
        or xml); turtle, ntriples, jsonld, rdfxml, trig or nquads for
        CONSTRUCT and DESCRIBE (TriG and N-Quads put the triples in the default
        graph). ``RawResult.media_type`` is the Content-Type to send.

        Dataset: when ``default_graph_uris`` or ``named_graph_uris`` is given
        (the protocol's default-graph-uri / named-graph-uri), the dataset is
        exactly those graphs (a list left None counts as empty) and the query's
        FROM / FROM NAMED are ignored. Otherwise FROM / FROM NAMED apply, and
        without them the default graph is the union of all graphs when
        ``union_default_graph`` is true, else the store's own default graph;
        every named graph is available to GRAPH.

        ``base_iri`` resolves relative IRIs in the query.

        ``timeout`` (seconds): past it the query is stopped and
        :class:`~kgapi.errors.QueryTimeout` raised, at the latest one second
        after the limit, while other requests keep being served.

        ``max_rows``: at most this many solutions (SELECT) or triples
        (CONSTRUCT / DESCRIBE); when there were more, the answer holds the
        first ``max_rows``, ``RawResult.truncated`` is true and a JSON answer
        has an extra top-level member ``"kgapi": {"truncated": true,
        "maxRows": N}`` (SPARQL JSON readers ignore it).

        Raises :class:`~kgapi.errors.QuerySyntaxError` (message and
        ``details`` with ``line`` and ``column`` where the engine gives them),
        :class:`~kgapi.errors.BadRequest` for evaluation errors,
        :class:`~kgapi.errors.StoreUnavailable` when the backend cannot answer.
        """

    def sparql_update(self, update: str, *, using_graph_uris: Sequence[str] | None = None,
                      using_named_graph_uris: Sequence[str] | None = None,
                      base_iri: str | None = None, timeout: float | None = None,
                      then: str | None = None) -> None:
        """Run a client's SPARQL 1.1 update, all of it in one transaction or nothing.

        ``using_graph_uris`` / ``using_named_graph_uris`` (the protocol's
        using-graph-uri / using-named-graph-uri) act as USING / USING NAMED on
        every DELETE/INSERT operation; the SPARQL layer has refused requests
        that also have USING or WITH in the text. ``base_iri`` resolves relative
        IRIs. ``timeout`` bounds how long the caller waits (backends that can
        abort an update do; see the README for the embedded store). ``then``:
        trusted operations kgapi adds after the client's (full IRIs, no
        prologue), in the same transaction. Raises like :meth:`sparql`.

        This default writes the dataset and the base into the text (USING
        clauses, a BASE line) and calls :meth:`update`.
        """
        self.update(self.update_text(update, using_graph_uris=using_graph_uris,
                                     using_named_graph_uris=using_named_graph_uris, base_iri=base_iri,
                                     then=then))

    @staticmethod
    def update_text(update: str, *, using_graph_uris: Sequence[str] | None = None,
                    using_named_graph_uris: Sequence[str] | None = None, base_iri: str | None = None,
                    then: str | None = None) -> str:
        """``update`` with the protocol's dataset as USING clauses and ``base_iri`` as a leading BASE,
        followed by the operations ``then`` (which the USING clauses do not reach)."""
        if using_graph_uris or using_named_graph_uris:
            from ..sparql.rewrite import add_using

            update = add_using(update, list(using_graph_uris or []), list(using_named_graph_uris or []))
        if then:
            from ..sparql.rewrite import followed_by

            update = followed_by(update, then)
        return f"BASE <{base_iri}>\n{update}" if base_iri else update

    # -- the Graph Store Protocol (name None = the store's default graph) -------
    def graph_exists(self, name: URIRef | None) -> bool:
        """The default graph always exists; a named graph when the store has it (even empty)."""
        return True if name is None else self.has_graph(name)

    def get_graph(self, name: URIRef | None, *, result_format: str = "turtle") -> RawResult:
        """All triples of one graph in a graph format (see :meth:`sparql`), without row cap."""
        where = "{ ?s ?p ?o }" if name is None else f"{{ GRAPH <{name}> {{ ?s ?p ?o }} }}"
        return self.sparql(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {where}", result_format=result_format,
                           union_default_graph=False)

    def put_graph(self, name: URIRef | None, ntriples: str, *, registry: str | None = None) -> bool:
        """Replace a graph's triples with ``ntriples`` (N-Triples text) in one transaction.

        Blank nodes are fresh: they never merge with blank nodes already in
        the store. A named graph left empty still exists. Returns True when a
        named graph was created (False for the default graph). ``registry``: bring
        that entity registry graph in step with the graph's mention records, in the
        same transaction (see :mod:`kgapi.graph.registry`).
        """
        created = name is not None and not self.has_graph(name)
        body = [_insert_data(name, ntriples)] if ntriples.strip() else []
        if registry and name is not None:
            from ..graph.registry import graph_update

            self.update_graphs(graph_update(registry, str(name), body, replace=True), [str(name), registry])
            return created
        target = "DEFAULT" if name is None else f"GRAPH <{name}>"
        ops = [f"DROP SILENT {target}"]
        if name is not None:
            ops.append(f"CREATE SILENT GRAPH <{name}>")
        self.update_graphs(" ;\n".join(ops + body), None if name is None else [str(name)])
        return created

    def post_graph(self, name: URIRef | None, ntriples: str, *, registry: str | None = None) -> bool:
        """Add ``ntriples`` to a graph (created when missing), in one transaction; True when created.

        ``registry``: as for :meth:`put_graph`."""
        created = name is not None and not self.has_graph(name)
        body = [_insert_data(name, ntriples)] if ntriples.strip() else []
        if registry and name is not None:
            from ..graph.registry import graph_update

            self.update_graphs(graph_update(registry, str(name), body, replace=False), [str(name), registry])
            return created
        ops = [f"CREATE SILENT GRAPH <{name}>"] if name is not None else []
        if ops or body:
            self.update_graphs(" ;\n".join(ops + body), None if name is None else [str(name)])
        return created

    def graph_sizes(self) -> dict[URIRef | None, int]:
        """Triples per graph: every named graph, and the store's default graph under None."""
        rows = self.select("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
        sizes: dict[URIRef | None, int] = {g: 0 for g in self.named_graphs()}
        sizes.update({r["g"]: int(r["n"]) for r in rows if "g" in r})
        default = self.select("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", union_default_graph=False)
        sizes[None] = int(default[0]["n"]) if default else 0
        return sizes

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

    # -- articles: their graphs and the entity registry, kept in step ----------
    def write_articles(self, articles: Iterable[tuple[str, str]], registry: str) -> None:
        """Replace article graphs, given as (graph name, N-Triples), and bring the entity registry
        graph ``registry`` in step (see :mod:`kgapi.graph.registry`), all in ONE update request:
        one transaction on Oxigraph (embedded and server), so readers see every article and its
        names old or new, never a mix."""
        from ..graph.registry import write_update

        text = write_update(registry, articles)
        if text:
            self.apply_update(text, idempotent=True)

    def delete_article(self, name: URIRef, registry: str) -> bool:
        """Remove an article graph and what only it gave the registry, in one update; False when
        there was no such graph. Entities other articles name stay, with the names those use."""
        from ..graph.registry import delete_update

        if not self.has_graph(name):
            return False
        self.apply_update(delete_update(registry, str(name)), idempotent=True)
        return True

    def apply_update(self, update: str, *, idempotent: bool = False) -> None:
        """A trusted update kgapi built. ``idempotent``: running it twice leaves the same state, so
        a backend may send it again when the connection dropped before the answer."""
        self.update(update)

    @abstractmethod
    def update(self, update: str) -> None:
        """Run a SPARQL 1.1 update (trusted text: safety checks happen in the SPARQL layer)."""

    def update_graphs(self, update: str, graphs: Iterable[str] | None) -> None:
        """:meth:`update` of text kgapi built that touches only ``graphs`` (for :meth:`changes_since`)."""
        self.update(update)

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

    #: A number that changes whenever the store is written (for caches and query workers); None
    #: when the backend cannot know (another client may write a remote store).
    generation: int | None = None

    def changes_since(self, generation: int | None) -> frozenset[str] | None:
        """Names of the graphs this process's writes touched after ``generation`` (see
        :mod:`kgapi.store.changes`); None when it cannot say (any graph may have changed)."""
        return None

    def health(self) -> dict:
        """Cheap liveness probe; raises StoreUnavailable when the store cannot answer."""
        self.ask("ASK { }")
        return {"store": self.kind}

    def warm(self) -> None:
        """Start what the first client query would otherwise wait for (query workers)."""

    @contextmanager
    def bulk_writes(self):
        """A stretch of many writes nobody reads in between (``kgapi ingest``): a store may
        then skip per-write housekeeping. Every write stays its own transaction."""
        yield

    def close(self) -> None:  # pragma: no cover - trivial default
        pass

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _insert_data(name: URIRef | None, ntriples: str) -> str:
    body = ntriples if name is None else f"GRAPH <{name}> {{\n{ntriples}\n}}"
    return f"INSERT DATA {{\n{body}\n}}"
