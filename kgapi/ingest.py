"""The pipeline end to end: article → claims → triples → SHACL gate → store.

One function per entry point (text, file, structured claims); each returns
the extraction contract with IRIs, claims and the triple count, and writes the
article's named graph in one transaction, or nothing at all.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from rdflib import Graph, URIRef

from .errors import BadRequest, KgapiError
from .extract import extract
from .graph import ONTOLOGY_FILE, ONTOLOGY_IRI, Built, Minter, build, shacl_check
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
        return extract(text, title=title, url=url, published=published, source=source)

    def build(self, extraction: dict) -> Built:
        built = build(extraction, self.minter)
        if self.validate:
            shacl_check(built.graph)
        return built

    def dry_run(self, text: str, **meta) -> dict:
        return self.build(self.read(text, **meta)).result

    # -- ingestion ------------------------------------------------------------
    def write(self, built: Built) -> dict:
        self.store.replace_graph(built.article_iri, built.graph)
        return built.result

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

    def ingest_paths(self, paths: Iterable[Path]) -> tuple[list[dict], list[tuple[Path, KgapiError]]]:
        """Ingest each file; a failing file is reported and skipped, the rest go in."""
        done, failed = [], []
        for p in paths:
            try:
                done.append(self.ingest_path(p))
            except KgapiError as exc:
                log.warning("skipped %s: %s", p, exc.message)
                failed.append((p, exc))
        return done, failed

    # -- start-up -------------------------------------------------------------
    def ensure_ontology(self) -> None:
        """Load ``ontology/kgapi.ttl`` into its own graph, so it can be queried."""
        onto = Graph().parse(ONTOLOGY_FILE, format="turtle")
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
