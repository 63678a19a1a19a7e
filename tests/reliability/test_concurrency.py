"""Readers and a writer at once, over HTTP, against a real ``kgapi serve`` process.

The writer ingests articles with ``POST /articles`` (new ones, and again ones
already in: a replace) and removes some with ``DELETE``, while readers ask ``/sparql``, ``/entities``,
``/deployments`` and ``/articles/{id}``. Every answer must be a success, and no
reader may ever see part of an article: each article graph's triple count, as
any reader sees it, is 0 or the article's full count, and an article's JSON
read back is the one its ingest answered. The load is bounded by count and time.
"""

from __future__ import annotations

import os
import random
import threading
import time
import traceback

import pytest
import requests

from tests.conftest import TOKEN
from tests.helpers import OxigraphServer, ServerProcess
from tests.reliability.corpus import base_articles, variant
from tests.reliability.load import Load

BASE = "http://kg.test/"
SECONDS = float(os.environ.get("KGAPI_CONCURRENCY_SECONDS", "25"))
MAX_ARTICLES = int(os.environ.get("KGAPI_CONCURRENCY_ARTICLES", "40"))
PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
#: what an article's JSON is compared on when read back
PARTS = ("entities", "roles", "deployments", "events", "claims")


def shape(doc: dict) -> dict:
    return {k: sorted(x.get("id") or x.get("iri") or str(x) for x in doc.get(k) or []) for k in PARTS}


class Writer(threading.Thread):
    """POSTs new articles; every third time one already in (the same text: a replace), every seventh
    DELETEs one."""

    def __init__(self, url: str, seconds: float, bases: list):
        super().__init__(daemon=True)
        self.url, self.seconds, self.bases = url, seconds, bases
        self.posted: dict[str, dict] = {}      # article id -> its ingest answer
        self.texts: dict[str, str] = {}
        self.log: list[tuple[float, str, int, str]] = []  # (t, id or '?', status, detail)
        self.replaced = 0
        self.deleted: dict[str, float] = {}    # article id -> when its DELETE was sent
        self.error: str | None = None
        self.t0 = time.monotonic()  # readers time their observations from here too

    def run(self):
        try:
            self._run()
        except BaseException:  # an exception would end the thread silently: keep it for the test
            self.error = traceback.format_exc()

    def _run(self):
        bases = self.bases
        rng = random.Random(7)
        session = requests.Session()
        i = 0
        while len(self.posted) < MAX_ARTICLES and time.monotonic() - self.t0 < self.seconds:
            alive = sorted(set(self.posted) - set(self.deleted))
            if len(alive) > 3 and i % 7 == 6:
                ident = rng.choice(alive)
                self.deleted[ident] = time.monotonic() - self.t0
                r = session.delete(f"{self.url}/articles/{ident}", headers=AUTH, timeout=120)
                self.log.append((time.monotonic() - self.t0, ident, 200 if r.status_code == 204 else r.status_code,
                                 r.text[:300]))
                i += 1
                continue
            if alive and i % 3 == 2:
                ident = rng.choice(alive)
                text = self.texts[ident]
                self.replaced += 1
            else:
                name, base_text, title = bases[len(self.texts) % len(bases)]
                _, text = variant(base_text, title, 100 + len(self.texts))
                ident = None
            r = session.post(self.url + "/articles", data=text.encode(), timeout=120,
                             headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})
            t = time.monotonic() - self.t0
            if r.status_code in (200, 201):
                doc = r.json()
                got = doc["article"]["id"]
                if ident is not None:
                    assert got == ident, (got, ident)
                    if shape(doc) != shape(self.posted[got]):
                        self.log.append((t, got, -1, "a replace with the same text answered differently"))
                self.posted[got] = doc
                self.texts[got] = text
                self.log.append((t, got, r.status_code, ""))
            else:
                self.log.append((t, ident or "?", r.status_code, r.text[:300]))
            i += 1
        session.close()


def readers(url: str, writer: Writer, observed: list, lock: threading.Lock):
    def call(session: requests.Session, worker: int, i: int):
        rng = random.Random(worker * 7919 + i)
        k = (worker + i) % 4
        session.what = ("sparql per-graph counts", "entities search", "deployments", "article or health")[k]
        if k == 0:
            start = time.monotonic() - writer.t0
            r = session.post(url + "/sparql", data={"query": PER_GRAPH}, timeout=60,
                             headers={"Accept": "application/sparql-results+json"})
            if r.status_code == 200:
                t = time.monotonic() - writer.t0
                rows = {b["g"]["value"]: int(b["n"]["value"]) for b in r.json()["results"]["bindings"]}
                with lock:
                    observed.append((t, rows, start))
            return "sparql per-graph counts", r
        if k == 1:
            r = session.get(url + "/entities", params={"q": rng.choice(["kim", "korea", "russia", "shoigu", "a"]),
                                                      "limit": 50}, timeout=60)
            if r.status_code == 200:
                assert isinstance(r.json()["items"], list)
            return "entities search", r
        if k == 2:
            r = session.get(url + "/deployments", params={"limit": 100}, timeout=60)
            if r.status_code == 200:
                assert isinstance(r.json()["items"], list)
            return "deployments", r
        posted = sorted(writer.posted)
        if not posted:
            return "health", session.get(url + "/health", timeout=60)
        ident = rng.choice(posted)
        r = session.get(f"{url}/articles/{ident}", headers={"Accept": "application/json"}, timeout=60)
        if r.status_code == 200:
            assert shape(r.json()) == shape(writer.posted[ident]), f"article {ident} read back differs"
        return f"article {ident}" + (" (deleted)" if ident in writer.deleted else ""), r

    return call


def run_load(url: str) -> str:
    # the corpus is made (the extractor run on every test article) before the clock starts: on a loaded
    # machine that took the writer's whole time budget
    writer = Writer(url, SECONDS, base_articles())
    observed: list[tuple[float, dict[str, int], float]] = []
    lock = threading.Lock()
    load = Load(readers(url, writer, observed, lock), threads=4, seconds=SECONDS + 5, max_calls=20000)
    writer.t0 = time.monotonic()
    writer.start()
    load.start()
    writer.join(SECONDS + 180)
    outcomes = load.stop()
    assert not writer.is_alive(), "the writer did not finish"
    assert writer.error is None, writer.error

    # zero errors: every write answered 200/201, every read 200
    failed_writes = [w for w in writer.log if w[2] not in (200, 201)]
    assert not failed_writes, f"writes that failed: {failed_writes[:5]}"
    failed_reads = [o for o in outcomes if o.status != 200 and not (o.status == 404 and "(deleted)" in o.what)]
    assert not failed_reads, f"{len(failed_reads)} of {len(outcomes)} reads failed: {failed_reads[:5]}"
    assert len(writer.posted) >= 5, f"only {len(writer.posted)} articles were written in {SECONDS}s"

    # every article graph, as every reader saw it, was empty or whole
    final = requests.post(url + "/sparql", data={"query": PER_GRAPH}, timeout=60,
                          headers={"Accept": "application/sparql-results+json"}).json()
    full = {b["g"]["value"]: int(b["n"]["value"]) for b in final["results"]["bindings"]}
    gone = {writer.posted[i]["article"]["iri"] for i in writer.deleted}
    for ident, doc in writer.posted.items():
        iri = doc["article"]["iri"]
        if iri in gone:
            assert iri not in full, f"{ident} was deleted and is still there"
        else:
            assert full[iri] == doc["triples"], f"{ident}: stored count differs from its ingest"
    expected = {**full, **{doc["article"]["iri"]: doc["triples"] for doc in writer.posted.values()}}
    # (the entity registry graph changes with every article written: not an article, left out here;
    # tests/store/test_registry.py holds it to the articles, crash included)
    partial = [(t, g, n, expected.get(g)) for t, rows, _ in observed for g, n in rows.items()
               if n != expected.get(g) and not g.endswith("/graphs/entities")]
    assert not partial, f"readers saw partial graphs (t, graph, seen, full): {partial[:5]}"
    # a graph once seen whole never vanished unless deleted (a replace is one transaction): a read
    # that STARTED after another read had ENDED seeing the graph must see it too (reads that overlap
    # may each be answered from the snapshot of their own start)
    for t_end, rows, _ in observed:
        for t2_end, rows2, t2_start in observed:
            if t2_start > t_end:
                lost = [g for g in rows if g not in rows2 and g not in gone]
                assert not lost, (f"{lost[0]} was whole in a read ended at {t_end:.2f}s and gone in one "
                                  f"started at {t2_start:.2f}s")
    counts: dict[str, int] = {}
    for o in outcomes:
        key = o.what.split(" ")[0] if o.what.startswith("article") else o.what
        counts[key] = counts.get(key, 0) + 1
    return (f"{len(writer.posted)} articles written ({writer.replaced} replaced again, {len(writer.deleted)} "
            f"deleted) in "
            f"{writer.log[-1][0]:.1f}s; {len(outcomes)} reads {counts}; "
            f"{len(observed)} per-graph snapshots, none partial")


def test_readers_never_see_part_of_an_article_embedded(tmp_path):
    env = {"KGAPI_STORE": str(tmp_path / "store"), "KGAPI_SEED": "", "KGAPI_TOKEN": TOKEN,
           "KGAPI_BASE_IRI": BASE, "KGAPI_THREADS": "8",
           # what is tested is consistency, not speed: on a loaded 2-core CI machine a read queued
           # behind a write may pass the default 10 s limit, which would be a 503 and not a bug
           "KGAPI_QUERY_TIMEOUT": "60"}
    with ServerProcess(env) as server:
        print(run_load(server.url))
        assert "Traceback" not in server.output(), server.output()[-3000:]


@pytest.mark.skipif(os.environ.get("KGAPI_CONCURRENCY_REMOTE", "1") == "0", reason="KGAPI_CONCURRENCY_REMOTE=0")
def test_readers_never_see_part_of_an_article_remote(tmp_path):
    with OxigraphServer(tmp_path / "oxigraph") as ox:
        env = {"KGAPI_STORE": ox.query_url, "KGAPI_STORE_UPDATE": ox.update_url, "KGAPI_SEED": "",
               "KGAPI_TOKEN": TOKEN, "KGAPI_BASE_IRI": BASE, "KGAPI_THREADS": "8", "KGAPI_QUERY_TIMEOUT": "60"}
        with ServerProcess(env) as server:
            print(run_load(server.url))
            assert "Traceback" not in server.output(), server.output()[-3000:]
