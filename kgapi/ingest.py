"""The pipeline end to end: article → claims → triples → SHACL gate → store.

One function per entry point (text, file, structured claims); each returns
the extraction contract with IRIs, claims and the triple count, and writes the
article's named graph in one transaction, or nothing at all.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Iterable, NamedTuple

from rdflib import URIRef

from .errors import BadRequest, KgapiError, StoreUnavailable
from .graph import ONTOLOGY_IRI, Built, Minter, build, shacl_check, shacl_check_many
from .graph.ntriples import ntriples
from .store import Store

log = logging.getLogger(__name__)

ARTICLE_SUFFIXES = (".txt", ".text", ".html", ".htm", ".json")


@dataclass
class Pipeline:
    store: Store
    minter: Minter
    validate: bool = True

    @classmethod
    def from_settings(cls, store: Store, settings) -> "Pipeline":
        return cls(store=store, minter=Minter(settings.base_iri), validate=settings.validate)

    # -- extraction (no writes) -------------------------------------------
    def read(self, text: str, *, title: str | None = None, url: str | None = None,
             published: str | None = None, source: str | None = None) -> dict:
        """Article text → the extraction contract (ids only)."""
        from .extract import extract  # imported on first use: its lexicons and patterns cost ~0.5 s to load

        return extract(text, title=title, url=url, published=published, source=source)

    def build(self, extraction: dict) -> Built:
        built = build(extraction, self.minter)
        if self.validate:
            shacl_check(built.graph, built.registry)
        return built

    def dry_run(self, text: str, **meta) -> dict:
        return self.build(self.read(text, **meta)).result

    # -- ingestion ------------------------------------------------------------
    @property
    def registry(self) -> str:
        """The entity registry graph's IRI."""
        return str(self.minter.registry())

    def write(self, built: Built) -> dict:
        """Write the article's graph and bring the entity registry in step (one transaction)."""
        self.store.write_articles([(str(built.article_iri), ntriples(built.graph))], self.registry)
        return built.result

    def delete(self, ident: str) -> bool:
        """Remove an article and what only it gave the registry; False when there was none."""
        return self.store.delete_article(self.minter.article(ident), self.registry)

    def reindex(self, *, migrate: bool = True) -> None:
        """Rebuild the entity registry from the mention records in the store, in one update.

        For data written through ``/store`` or SPARQL update, which bypass the
        pipeline. ``migrate`` first turns article graphs written before the
        registry existed (entity types and labels inside them) into mention records.
        """
        from .graph.registry import rebuild_update

        update = rebuild_update(self.registry, str(self.minter.article("")), migrate=migrate)
        self.store.apply_update(update, idempotent=True)  # one transaction

    def ingest_text(self, text: str, **meta) -> dict:
        return self.write(self.build(self.read(text, **meta)))

    def ingest_structured(self, doc: dict) -> dict:
        """A hand-written or corrected extraction (the contract's shape) → the store."""
        try:
            from .extract.structured import normalize_claims
        except ImportError:  # pragma: no cover - until the structured reader lands
            normalize_claims = lambda d: d  # noqa: E731
        return self.write(self.build(normalize_claims(doc)))

    def ingest_path(self, path: Path) -> dict:
        path = Path(path)
        data = path.read_bytes()
        if path.suffix.lower() == ".json":
            import json

            try:
                doc = json.loads(data.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                raise BadRequest(f"{path}: not a JSON document ({exc})") from None
            return self.ingest_structured(doc)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest(f"{path}: not UTF-8 text") from None
        return self.ingest_text(text, source=str(path.name))

    def prepare_path(self, path: Path) -> Built:
        """Read and build one file (no validation, no write): the first half of :meth:`ingest_path`."""
        path = Path(path)
        data = path.read_bytes()
        if path.suffix.lower() == ".json":
            import json

            try:
                doc = json.loads(data.decode("utf-8"))
            except (UnicodeDecodeError, ValueError) as exc:
                raise BadRequest(f"{path}: not a JSON document ({exc})") from None
            try:
                from .extract.structured import normalize_claims
            except ImportError:  # pragma: no cover - until the structured reader lands
                normalize_claims = lambda d: d  # noqa: E731
            return build(normalize_claims(doc), self.minter)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            raise BadRequest(f"{path}: not UTF-8 text") from None
        return build(self.read(text, source=str(path.name)), self.minter)

    def prepare_batch(self, paths: list[Path]) -> list[tuple[Path, Built | None, KgapiError | None]]:
        """Read, build and validate several files; the SHACL gate runs once for the batch."""
        out: list[tuple[Path, Built | None, KgapiError | None]] = []
        for p in paths:
            try:
                out.append((p, self.prepare_path(p), None))
            except KgapiError as exc:
                out.append((p, None, exc))
            except OSError as exc:
                out.append((p, None, BadRequest(f"{p}: cannot read it ({exc.strerror or exc})")))
        if self.validate:
            ok = [i for i, (_p, b, _e) in enumerate(out) if b is not None]
            errors = shacl_check_many([(out[i][1].graph, out[i][1].registry) for i in ok])  # type: ignore[union-attr]
            for i, err in zip(ok, errors):
                if err is not None:
                    out[i] = (out[i][0], None, err)
        return out

    def ingest_paths(self, paths: Iterable[Path], *, batch: int = 16, jobs: int = 1,
                     progress: Callable[[dict | None, Path, KgapiError | None], None] | None = None,
                     ) -> tuple[list[dict], list[tuple[Path, KgapiError]]]:
        """Ingest many files; a failing file is reported and skipped, the rest go in.

        Files are read, built and validated ``batch`` at a time (in ``jobs``
        worker processes when > 1), and each batch is written with one
        :meth:`Store.write_articles` call (one transaction/request). A store that
        goes away stops the run (StoreUnavailable is raised); ``progress`` is
        called once per file with its result or its error.
        """
        paths = list(paths)
        chunks = [paths[i:i + batch] for i in range(0, len(paths), max(1, batch))]
        done: list[dict] = []
        failed: list[tuple[Path, KgapiError]] = []

        def record(result, path, exc):
            if exc is not None:
                log.warning("skipped %s: %s", path, exc.message)
                failed.append((path, exc))
            else:
                done.append(result)
            if progress:
                progress(result, path, exc)

        for prepared in _prepared_chunks(self, chunks, jobs):
            for path, _item, exc in prepared:
                if exc is not None:
                    record(None, path, exc)
            good = [(path, item) for path, item, exc in prepared if exc is None]
            for path, result, exc in self._write_batch(good):
                record(result, path, exc)
        return done, failed

    def _write_batch(self, items: list[tuple[Path, "_Prepared"]]):
        """Write a batch in one request; if the batch is refused, write one by one to find the culprit."""
        if not items:
            return []
        try:
            self.store.write_articles([(it.name, it.ntriples) for _p, it in items], self.registry)
            return [(p, it.result, None) for p, it in items]
        except StoreUnavailable:
            raise
        except KgapiError as exc:
            if len(items) == 1:
                return [(items[0][0], None, exc)]
        return [r for item in items for r in self._write_batch([item])]

    # -- start-up -------------------------------------------------------------
    def ensure_ontology(self) -> None:
        """Load ``ontology/kgapi.ttl`` into its own graph, so it can be queried."""
        from .graph.shacl import ontology_graph

        onto = ontology_graph()  # parsed once: the SHACL gate reads the same graph
        name = URIRef(ONTOLOGY_IRI)
        if not self.store.has_graph(name) or self.store.count(name) != len(onto):
            self.store.replace_graph(name, onto)

    def article_graphs(self) -> list[URIRef]:
        prefix = str(self.minter.article(""))
        return [g for g in self.store.named_graphs() if str(g).startswith(prefix)]

    def seed(self, folder: str | Path | None) -> int:
        """Ingest every article in ``folder`` when the store holds no article yet."""
        if not folder:
            return 0
        folder = Path(folder)
        if not folder.is_dir() or self.article_graphs():
            return 0
        files = sorted(p for p in folder.iterdir() if p.suffix.lower() in ARTICLE_SUFFIXES)
        done, _failed = self.ingest_paths(files)
        log.info("seeded %d article(s) from %s", len(done), folder)
        return len(done)


def article_files(targets: Iterable[str | Path]) -> list[Path]:
    """Expand files and directories (recursively) into article files, sorted."""
    out: list[Path] = []
    for t in targets:
        p = Path(t)
        if p.is_dir():
            out.extend(sorted(q for q in p.rglob("*") if q.is_file() and q.suffix.lower() in ARTICLE_SUFFIXES))
        else:
            out.append(p)
    return out


class _Prepared(NamedTuple):
    """A built and validated article, as the writer needs it (cheap to send between processes)."""

    name: str
    ntriples: str
    result: dict


def _prepare(pipeline: Pipeline, paths: list[Path]) -> list[tuple[Path, _Prepared | None, KgapiError | None]]:
    out = []
    for path, built, exc in pipeline.prepare_batch(paths):
        if built is None:
            out.append((path, None, exc))
        else:
            out.append((path, _Prepared(str(built.article_iri), ntriples(built.graph), built.result), None))
    return out


_WORKER: Pipeline | None = None


def _init_worker(base_iri: str, validate: bool) -> None:
    global _WORKER
    _WORKER = Pipeline(store=None, minter=Minter(base_iri), validate=validate)  # type: ignore[arg-type]


def _prepare_in_worker(paths: list[Path]):
    assert _WORKER is not None
    # Errors cross the process boundary as plain KgapiErrors (message, status, code kept).
    return [(p, it, None if e is None else _portable(e)) for p, it, e in _prepare(_WORKER, paths)]


def _portable(exc: KgapiError) -> KgapiError:
    out = KgapiError(exc.message, details=exc.details, status=exc.status)
    out.code = exc.code
    return out


def _prepared_chunks(pipeline: Pipeline, chunks: list[list[Path]], jobs: int):
    """Prepared batches in order; with ``jobs`` > 1 they are prepared in worker processes."""
    if jobs <= 1 or len(chunks) <= 1:
        for chunk in chunks:
            yield _prepare(pipeline, chunk)
        return
    import concurrent.futures as cf
    import multiprocessing as mp

    ctx = mp.get_context("forkserver" if "forkserver" in mp.get_all_start_methods() else "spawn")
    with cf.ProcessPoolExecutor(jobs, mp_context=ctx, initializer=_init_worker,
                                initargs=(pipeline.minter.base, pipeline.validate)) as pool:
        yield from pool.map(_prepare_in_worker, chunks)
