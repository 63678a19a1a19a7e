"""Crash safety of bulk ingestion: ``kgapi ingest DIR`` killed with SIGKILL at random points.

After every kill the store must open, and every article in it must be whole
(exactly the triples a clean ingest of it makes, its article record included)
or absent, the entity registry in step with exactly the articles there are; an article once whole must stay whole through later interrupted
re-runs (replacing a graph must never drop it); a last, uninterrupted run must
leave exactly what a clean ingest leaves: nothing missing, nothing duplicated.

Runs vary the batch size (one transaction per batch), the number of worker
processes and the order of the files (so kills land on different articles). SHACL validation is off here: it happens before any write, so it
changes nothing a crash could break, and it is most of the run time; the gate
itself is tested in tests/graph and tests/test_bulk.py. The seed of the random
kill points is printed; set KGAPI_CRASH_SEED to replay a run.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kgapi.graph import ONTOLOGY_IRI
from tests.helpers import ROOT, OxigraphServer
from tests.reliability import snapshot
from tests.reliability.corpus import make_corpus

N_ARTICLES = int(os.environ.get("KGAPI_CRASH_ARTICLES", "160"))
N_REMOTE = int(os.environ.get("KGAPI_CRASH_REMOTE_ARTICLES", "64"))
N_KILLS = int(os.environ.get("KGAPI_CRASH_KILLS", "5"))
SEED = int(os.environ.get("KGAPI_CRASH_SEED", str(random.SystemRandom().randrange(10**6))))
ONTOLOGY = f"<{ONTOLOGY_IRI}>"
BASE_ENV = {"KGAPI_VALIDATE": "false", "KGAPI_LOG_LEVEL": "warning", "KGAPI_BASE_IRI": "http://kg.test/"}


def ingest(files: list[Path], env: dict[str, str], batch: int = 16, jobs: int = 1) -> subprocess.Popen:
    """``kgapi ingest`` as a real process in its own process group (so a kill takes its workers too)."""
    cmd = [sys.executable, "-m", "kgapi", "ingest", *map(str, files), "--batch", str(batch), "--jobs", str(jobs),
           "--no-progress"]
    return subprocess.Popen(cmd, cwd=ROOT, env={**os.environ, **BASE_ENV, **env},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)


def run_to_end(files: list[Path], env: dict[str, str], timeout: float = 900, **kw) -> tuple[float, str]:
    t0 = time.monotonic()
    proc = ingest(files, env, **kw)
    out, _ = proc.communicate(timeout=timeout)
    text = out.decode(errors="replace")
    assert proc.returncode == 0, f"kgapi ingest failed ({proc.returncode}):\n{text[-3000:]}"
    assert "0 failed" in text, text[-3000:]
    return time.monotonic() - t0, text


def kill_after(proc: subprocess.Popen, delay: float) -> bool:
    """SIGKILL the process group after ``delay`` s; False if it had already finished."""
    try:
        proc.wait(delay)
        proc.communicate()
        return False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return True


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> list[Path]:
    return make_corpus(tmp_path_factory.mktemp("corpus"), N_ARTICLES)


@pytest.fixture(scope="module")
def startup(tmp_path_factory) -> float:
    """Seconds ``kgapi ingest`` takes to start, open the store and load the ontology (no articles)."""
    empty = tmp_path_factory.mktemp("empty")
    took, _ = run_to_end([empty], {"KGAPI_STORE": str(tmp_path_factory.mktemp("startup") / "store")})
    return took


@pytest.fixture(scope="module")
def reference(corpus, startup, tmp_path_factory) -> tuple[snapshot.Snapshot, float]:
    """What a clean, uninterrupted ingest of the corpus leaves, and how long its articles took."""
    store = tmp_path_factory.mktemp("clean") / "store"
    took, out = run_to_end(corpus, {"KGAPI_STORE": str(store)}, jobs=2)
    took = max(took - startup, 1.0)
    ref = snapshot.embedded(store)
    articles = [g for g in ref if g != ONTOLOGY and not snapshot.is_registry(g)]
    assert len(articles) == N_ARTICLES, f"the corpus should give {N_ARTICLES} distinct articles: {out[-2000:]}"
    assert snapshot.DEFAULT not in ref, "ingest wrote into the default graph"
    return ref, took


class Checker:
    """After each interruption: every graph whole or absent, and nothing that was whole lost."""

    def __init__(self, reference: snapshot.Snapshot):
        self.reference = reference
        self.whole: set[str] = set()
        self.log: list[str] = []

    def check(self, snap: snapshot.Snapshot, what: str) -> None:
        whole, problems = snapshot.whole_or_absent(snap, self.reference)
        assert not problems, f"seed {SEED}, {what}:\n" + "\n".join(problems[:20])
        lost = self.whole - whole
        assert not lost, f"seed {SEED}, {what}: articles that were whole are gone: {sorted(lost)[:5]}"
        self.whole = whole
        self.log.append(f"{what}: {len(whole - {ONTOLOGY})} of {len(self.reference) - 2} articles whole")

    def final(self, snap: snapshot.Snapshot, articles: int) -> None:
        """After an uninterrupted run: every article whole, nothing else (so nothing duplicated)."""
        whole, problems = snapshot.whole_or_absent(snap, self.reference)
        assert not problems, "\n".join(problems[:20])
        assert ONTOLOGY in whole and len(whole) == articles + 1, \
            f"after a full re-run, {len(whole) - 1} of {articles} articles are whole"
        registry = [g for g in self.reference if snapshot.is_registry(g)]
        assert registry and all(snap.get(g) == self.reference[g] for g in registry), \
            "the entity registry differs from a clean ingest's"
        lost = self.whole - whole
        assert not lost, f"articles that were whole are gone: {sorted(lost)[:5]}"
        print(f"seed {SEED}\n" + "\n".join(self.log))


def _run_params(rng: random.Random) -> dict:
    return {"batch": rng.choice([1, 4, 16, 64]), "jobs": rng.choice([1, 2, 2])}


def _shuffled(rng: random.Random, files: list[Path]) -> list[Path]:
    return rng.sample(files, len(files))


def test_sigkill_during_bulk_ingest_embedded(corpus, startup, reference, tmp_path):
    ref, clean_seconds = reference
    rng = random.Random(SEED)
    store = tmp_path / "store"
    env = {"KGAPI_STORE": str(store)}
    checker = Checker(ref)
    for i in range(N_KILLS):
        # the first kill lands early (start-up, ontology load); the others anywhere in a run
        delay = rng.uniform(0.3, startup) if i == 0 else startup + rng.uniform(0.05, 0.6) * clean_seconds
        params = _run_params(rng)
        killed = kill_after(ingest(_shuffled(rng, corpus), env, **params), delay)
        snap = snapshot.embedded(store) if store.exists() else {}
        checker.check(snap, f"kill {i} at {delay:.1f}s {params} ({'killed' if killed else 'had finished'})")
    run_to_end(corpus, env, jobs=2)
    checker.final(snapshot.embedded(store), len(corpus))


def test_sigkill_of_ingest_and_of_the_remote_store(corpus, startup, reference, tmp_path):
    """The same on ``oxigraph serve``: the ingest client killed, and the store server itself killed."""
    ref, clean_seconds = reference
    rng = random.Random(SEED + 1)
    files = corpus[:N_REMOTE]
    seconds = clean_seconds * len(files) / len(corpus)
    server = OxigraphServer(tmp_path / "oxigraph").start()
    try:
        env = {"KGAPI_STORE": server.query_url, "KGAPI_STORE_UPDATE": server.update_url}
        store_url = server.url + "/store"
        checker = Checker(ref)
        for i in range(3):
            delay = startup + rng.uniform(0.1, 0.8) * seconds
            params = _run_params(rng)
            proc = ingest(_shuffled(rng, files), env, **params)
            if i % 2:  # kill the store server under the running ingest, then bring it back on the same data
                time.sleep(delay)
                server.stop()
                out, _ = proc.communicate(timeout=120)
                server.start()
                what = f"store server killed at {delay:.1f}s {params}, ingest exited {proc.returncode}"
            else:
                killed = kill_after(proc, delay)
                what = f"ingest killed at {delay:.1f}s {params} ({'killed' if killed else 'had finished'})"
            checker.check(snapshot.remote(store_url), what)
        run_to_end(files, env, jobs=2)
        checker.final(snapshot.remote(store_url), len(files))
    finally:
        server.stop()
