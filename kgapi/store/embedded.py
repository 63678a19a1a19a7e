"""The embedded store: Oxigraph (RocksDB on disk) in this process.

Queries are passed to Oxigraph as strings (a prepared rdflib query would fall
back to rdflib's much slower engine). ``dataset`` gives the same store as an
rdflib ``Dataset`` through oxrdflib, for code that wants rdflib's API.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

from ..errors import BadRequest, QuerySyntaxError, StoreUnavailable
from ..graph.terms import PREFIXES
from . import _execute
from .base import RawResult, Store
from .changes import ChangeLog

log = logging.getLogger(__name__)


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def to_rdflib(term) -> Node:
    """pyoxigraph term → rdflib term."""
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        if datatype == _XSD_STRING:  # RDF 1.1: "x" and "x"^^xsd:string are one term; rdflib says "x"
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(datatype))
    raise TypeError(f"unsupported term {term!r}")


def to_ox(term: Node):
    """rdflib term → pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"unsupported term {term!r}")


class EmbeddedStore(Store):
    """Oxigraph on disk at ``path``; ``path=None`` makes a throw-away store in a temporary directory.

    Client queries (:meth:`sparql`) run in ``query_workers`` killable worker
    processes (see :mod:`kgapi.store.workers`) on snapshots of the store
    (:mod:`kgapi.store.snapshots`), started on first use; the API's own trusted
    queries run in this process.
    """

    kind = "embedded"

    def __init__(self, path: str | Path | None, *, query_workers: int = 2):
        self._tmpdir = None
        if path is None:
            # A directory rather than Oxigraph's in-memory mode, so that other
            # processes (query workers) can open it too; removed on close().
            self._tmpdir = tempfile.mkdtemp(prefix="kgapi-store-")
            path = self._tmpdir
        self.path = Path(path)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            self._ox = ox.Store(str(self.path))
        except OSError as exc:
            msg = str(exc)
            if "lock" in msg.lower():
                msg = (f"the store at {self.path} is open in another process (is another kgapi "
                       f"running on it?). Stop it, or use a remote store to share one graph "
                       f"between processes.")
            raise StoreUnavailable(msg) from None
        self._write_lock = threading.Lock()
        #: bumped on every write, so query workers know to reopen the store
        self._generation = 0
        self._changes = ChangeLog()
        self._dataset: Dataset | None = None
        self.query_workers = query_workers
        self._pool = None
        self._pool_lock = threading.Lock()
        self._snapshots = None
        #: flush after each write (off inside :meth:`bulk_writes` while no query worker reads snapshots)
        self._flush_writes = True

    @staticmethod
    def check_available(path: str | Path) -> None:
        """StoreUnavailable when another process holds the store at ``path`` open (its RocksDB LOCK).

        Probes the lock file without opening the store: a process that opened
        RocksDB and then forks leaves the children with a thread pool that is
        not there, and their first flush waits forever.
        """
        import fcntl

        lock = Path(path) / "LOCK"
        if not lock.exists():
            return
        try:
            with open(lock, "rb+") as fh:
                try:
                    fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except OSError:
                    raise StoreUnavailable(
                        f"the store at {path} is open in another process (is another kgapi running on "
                        f"it?). Stop it, or use a remote store to share one graph between processes.") from None
                fcntl.lockf(fh, fcntl.LOCK_UN)
        except PermissionError as exc:
            raise StoreUnavailable(f"cannot open the store at {path}: {exc}") from None

    @property
    def generation(self) -> int:
        return self._generation

    def changes_since(self, generation):
        return self._changes.since(generation, self._generation)

    # -- reading ------------------------------------------------------------
    def _query(self, query: str, union_default_graph: bool = True):
        return self._ox.query(query, use_default_graph_as_union=union_default_graph)

    def select(self, query: str, *, union_default_graph: bool = True) -> list[dict[str, Node]]:
        result = self._query(query, union_default_graph)
        names = [v.value for v in result.variables]
        rows = []
        for solution in result:
            row = {}
            for name in names:
                value = solution[name]
                if value is not None:
                    row[name] = to_rdflib(value)
            rows.append(row)
        return rows

    def select_values(self, query: str) -> list[dict[str, str]]:
        result = self._query(query)
        names = [v.value for v in result.variables]
        return [{n: t.value for n, t in zip(names, solution) if t is not None} for solution in result]

    def ask(self, query: str) -> bool:
        return bool(self._query(query))

    def construct(self, query: str) -> Graph:
        g = Graph()
        for triple in self._query(query):
            g.add((to_rdflib(triple.subject), to_rdflib(triple.predicate), to_rdflib(triple.object)))
        return g

    def warm(self) -> None:
        self._query_pool()

    def _query_pool(self):
        with self._pool_lock:
            if self._pool is None:
                if self._ox is None:
                    raise StoreUnavailable("the store is closed")
                from .snapshots import DIRECTORY, Snapshots
                from .workers import QueryPool

                snapshots = Snapshots(self.path / DIRECTORY, lambda: self._generation, self._snapshot)
                self._pool = QueryPool(snapshots, self.query_workers)
                self._snapshots = snapshots
            return self._pool

    def _snapshot(self) -> None:
        """A snapshot for the query workers of the store as it is (see kgapi.store.snapshots)."""
        with self._write_lock:
            if self._snapshots is not None:
                self._snapshots.update(self._generation, self._checkpoint)

    def _checkpoint(self, path: Path) -> None:
        self._ox.backup(str(path))

    def sparql(self, query: str, *, result_format: str = "json", default_graph_uris=None,
               named_graph_uris=None, union_default_graph: bool = True, base_iri: str | None = None,
               timeout: float | None = None, max_rows: int | None = None) -> RawResult:
        options = {"result_format": result_format, "union_default_graph": union_default_graph,
                   "base_iri": base_iri, "max_rows": max_rows, "prefixes": PREFIXES,
                   "default_graph": list(default_graph_uris) if default_graph_uris is not None else None,
                   "named_graphs": list(named_graph_uris) if named_graph_uris is not None else None}
        if default_graph_uris is not None and named_graph_uris is None:
            options["named_graphs"] = []
        if named_graph_uris is not None and default_graph_uris is None:
            options["default_graph"] = []
        answer = self._query_pool().run(query, options, timeout)
        return RawResult(answer.body, answer.media_type, answer.kind, answer.truncated)

    def sparql_update(self, update: str, *, using_graph_uris=None, using_named_graph_uris=None,
                      base_iri: str | None = None, timeout: float | None = None, then: str | None = None) -> None:
        update = self.update_text(update, using_graph_uris=using_graph_uris,
                                  using_named_graph_uris=using_named_graph_uris, then=then)
        try:
            self._write(lambda: self._ox.update(update, base_iri=base_iri))
        except SyntaxError as exc:
            failure = _execute.syntax_failure(exc)
            details = {"line": failure.line, "column": failure.column} if failure.line else None
            raise QuerySyntaxError(failure.message, details=details) from None
        except (OSError, ValueError, RuntimeError) as exc:
            # RuntimeError: an evaluation error, such as DROP (not SILENT) of a graph that does not exist
            raise BadRequest(f"the update failed: {exc}") from None

    # -- writing ------------------------------------------------------------
    def _write(self, fn, graphs=None):
        """Run ``fn`` as the one writer; ``graphs``: the names of the graphs it may touch (None: any)."""
        with self._write_lock:
            try:
                return fn()
            finally:
                # Flushed, then a snapshot for the query workers (kgapi.store.snapshots) is made before
                # the generation moves: a query that sees the new generation finds its snapshot there.
                self._changes.record(self._generation + 1, graphs)
                if self._flush_writes or self._snapshots is not None:
                    self._ox.flush()
                if self._snapshots is not None:
                    try:
                        self._snapshots.update(self._generation + 1, self._checkpoint)
                    except (OSError, RuntimeError):  # the next query tries again, and says why if it fails
                        log.warning("could not snapshot the store for the query workers", exc_info=True)
                self._generation += 1

    def replace_graph(self, name: URIRef, graph: Graph) -> None:
        self.replace_graphs([(name, graph)])

    def replace_graphs(self, graphs) -> None:
        self.replace_ntriples((str(name), graph.serialize(format="nt")) for name, graph in graphs)

    def replace_ntriples(self, graphs) -> None:
        # Graphs the store does not have yet go in with one atomic extend() (about twice as
        # fast as parsing an update); graphs it has are replaced by one SPARQL update (one
        # transaction): readers see each graph old or new, never a mix.
        latest = dict(graphs)  # a name given twice: the last one wins, as sequential replaces would
        if not latest:
            return

        def write():
            fresh, known = [], []
            for name, body in latest.items():
                (known if self._ox.contains_named_graph(ox.NamedNode(name)) else fresh).append((name, body))
            if fresh:
                quads = []
                for name, body in fresh:
                    g = ox.NamedNode(name)
                    quads.extend(ox.Quad(t.subject, t.predicate, t.object, g)
                                 for t in ox.parse(body, format=ox.RdfFormat.N_TRIPLES))
                self._ox.extend(quads)
            if known:
                self._ox.update(" ;\n".join(
                    f"DROP SILENT GRAPH <{name}> ;\nINSERT DATA {{ GRAPH <{name}> {{\n{body}\n}} }}"
                    for name, body in known))
        self._write(write, latest)

    def write_articles(self, articles, registry: str) -> None:
        # Under the write lock the store knows which articles are new: their old version need
        # not be retracted from the registry (the update is then about a third shorter).
        from ..graph.registry import write_update

        latest = dict(articles)
        if not latest:
            return

        def write():
            fresh = [n for n in latest if not self._ox.contains_named_graph(ox.NamedNode(n))]
            self._ox.update(write_update(registry, latest.items(), fresh))
        self._write(write, [*latest, registry])

    def delete_article(self, name: URIRef, registry: str) -> bool:
        from ..graph.registry import delete_update

        def delete():
            if not self._ox.contains_named_graph(ox.NamedNode(str(name))):
                return False
            self._ox.update(delete_update(registry, str(name)))
            return True
        return self._write(delete, [str(name), registry])

    def drop_graph(self, name: URIRef) -> bool:
        def drop():
            node = ox.NamedNode(str(name))
            if not self._ox.contains_named_graph(node):
                return False
            self._ox.update(f"DROP GRAPH <{name}>")
            return True

        return self._write(drop, [str(name)])

    def update(self, update: str) -> None:
        self._write(lambda: self._ox.update(update))

    def update_graphs(self, update: str, graphs) -> None:
        self._write(lambda: self._ox.update(update), None if graphs is None else list(graphs))

    # -- dataset ------------------------------------------------------------
    def named_graphs(self) -> list[URIRef]:
        return sorted(URIRef(g.value) for g in self._ox.named_graphs() if isinstance(g, ox.NamedNode))

    def has_graph(self, name: URIRef) -> bool:
        return self._ox.contains_named_graph(ox.NamedNode(str(name)))

    def quads(self):
        """Every quad of the dataset (pyoxigraph quads)."""
        return iter(self._ox)

    def bulk_import(self, path, rdf_format, target) -> bool:
        """Oxigraph's bulk loader, used when the store is empty (nothing to replace, nobody to see
        a half-loaded state: on failure the store is emptied again). False: not empty, use SPARQL."""
        if len(self._ox) > 0:
            return False

        def load():
            try:
                self._ox.bulk_load(path=str(path), format=rdf_format, to_graph=target)
            except BaseException:
                self._ox.clear()
                raise
        self._write(load)
        self.import_stats = {"quads": len(self._ox),
                             "graphs": sum(1 for _ in self._ox.named_graphs())}
        return True

    @property
    def ox(self) -> ox.Store:
        """The pyoxigraph store itself."""
        return self._ox

    @property
    def dataset(self) -> Dataset:
        """This store as an rdflib Dataset (through oxrdflib)."""
        if self._dataset is None:
            from oxrdflib import OxigraphStore

            self._dataset = Dataset(store=OxigraphStore(store=self._ox))
        return self._dataset

    def flush(self) -> None:
        self._ox.flush()

    @contextmanager
    def bulk_writes(self):
        """Writes are flushed once at the end, not one by one (a flush costs about 1.5 ms per
        seed-sized article in batches of 16): for ``kgapi ingest``, which holds the store alone.
        While query workers read snapshots of the store, every write is still flushed before its
        snapshot. A crash loses nothing written (the WAL has it)."""
        with self._write_lock:
            self._flush_writes = False
        try:
            yield
        finally:
            with self._write_lock:
                self._flush_writes = True
                if self._ox is not None:
                    self._ox.flush()

    def close(self) -> None:
        pool, self._pool = getattr(self, "_pool", None), None
        if pool is not None:
            with self._write_lock:
                self._snapshots = None
            pool.close()
        ox_store = getattr(self, "_ox", None)
        if ox_store is not None:
            try:
                ox_store.flush()
            except OSError:  # pragma: no cover - best effort on shutdown
                log.warning("could not flush the store on close", exc_info=True)
            self._ox = None  # type: ignore[assignment]
            self._dataset = None
            del ox_store
        if self._tmpdir:
            shutil.rmtree(self._tmpdir, ignore_errors=True)
            self._tmpdir = None
