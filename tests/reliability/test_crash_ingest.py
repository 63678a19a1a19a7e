"""Crash safety of bulk ingestion: ``kgapi ingest DIR`` killed with SIGKILL at random points.

After every kill the store must open, and every article in it must be whole
(exactly the triples a clean ingest of it makes, article record included) or
absent; an article once whole must stay whole through later interrupted
re-runs (replacing a graph must never drop it); a last, uninterrupted run must
leave exactly what a clean ingest leaves: nothing missing, nothing duplicated.
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
from tests.helpers import ROOT
from tests.reliability import snapshot
from tests.reliability.corpus import make_corpus

N_ARTICLES = int(os.environ.get("KGAPI_CRASH_ARTICLES", "240"))
N_KILLS = int(os.environ.get("KGAPI_CRASH_KILLS", "6"))
SEED = int(os.environ.get("KGAPI_CRASH_SEED", str(random.SystemRandom().randrange(10**6))))
ONTOLOGY = f"<{ONTOLOGY_IRI}>"


def ingest(corpus: Path, env: dict[str, str]) -> subprocess.Popen:
    """``kgapi ingest`` as a real process in its own process group (so a kill takes all of it)."""
    return subprocess.Popen([sys.executable, "-m", "kgapi", "ingest", str(corpus)], cwd=ROOT,
                            env={**os.environ, "KGAPI_LOG_LEVEL": "warning", **env},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)


def run_to_end(corpus: Path, env: dict[str, str], timeout: float = 600) -> tuple[float, str]:
    t0 = time.monotonic()
    proc = ingest(corpus, env)
    out, _ = proc.communicate(timeout=timeout)
    text = out.decode(errors="replace")
    assert proc.returncode == 0, f"kgapi ingest failed ({proc.returncode}):\n{text[-3000:]}"
    return time.monotonic() - t0, text


def kill_after(corpus: Path, env: dict[str, str], delay: float) -> bool:
    """Start an ingest, SIGKILL its process group after ``delay`` s; False if it had already finished."""
    proc = ingest(corpus, env)
    try:
        proc.wait(delay)
        proc.communicate()
        return False
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        return True


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    make_corpus(folder, N_ARTICLES)
    return folder


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> tuple[snapshot.Snapshot, float]:
    """What a clean, uninterrupted ingest of the corpus leaves, and how long it took."""
    store = tmp_path_factory.mktemp("clean") / "store"
    took, out = run_to_end(corpus, {"KGAPI_STORE": str(store)})
    ref = snapshot.embedded(store)
    articles = [g for g in ref if g != ONTOLOGY]
    assert len(articles) == N_ARTICLES, f"the corpus should give {N_ARTICLES} distinct articles: {out[-2000:]}"
    assert snapshot.DEFAULT not in ref, "ingest wrote into the default graph"
    return ref, took


def test_sigkill_during_bulk_ingest_leaves_whole_articles_or_none(corpus, reference, tmp_path):
    ref, clean_seconds = reference
    rng = random.Random(SEED)
    store = tmp_path / "store"
    env = {"KGAPI_STORE": str(store)}
    whole_before: set[str] = set()
    log = []
    for i in range(N_KILLS):
        # the first kill lands early (start-up, ontology load); the others anywhere in the run
        delay = rng.uniform(0.2, 1.5) if i == 0 else rng.uniform(0.1, 1.0) * clean_seconds
        killed = kill_after(corpus, env, delay)
        snap = snapshot.embedded(store) if store.exists() else {}
        whole, problems = snapshot.whole_or_absent(snap, ref)
        assert not problems, f"seed {SEED}, kill {i} after {delay:.2f}s:\n" + "\n".join(problems[:20])
        lost = whole_before - whole
        assert not lost, f"seed {SEED}, kill {i}: articles that were whole are gone: {sorted(lost)[:5]}"
        whole_before = whole
        log.append(f"kill {i} at {delay:.2f}s ({'killed' if killed else 'had finished'}): "
                   f"{len(whole - {ONTOLOGY})} of {N_ARTICLES} articles whole")
    print(f"seed {SEED}; clean ingest {clean_seconds:.1f}s\n" + "\n".join(log))

    run_to_end(corpus, env)
    final = snapshot.embedded(store)
    whole, problems = snapshot.whole_or_absent(final, ref)
    assert not problems, "\n".join(problems[:20])
    assert final == ref, f"after a full re-run, {len(set(ref) - set(final))} graphs are missing"
    assert sum(map(len, final.values())) == sum(map(len, ref.values())), "duplicated triples"
