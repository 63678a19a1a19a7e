"""Restart: the server stopped in the middle of load starts again on the same store and answers the same.

Three ways to stop it, one after the other on one store: SIGTERM (gunicorn's
graceful stop), SIGKILL of every process of the server (a crash, the OOM
killer, a power cut of the container) and SIGKILL of the gunicorn master alone
(its workers are orphaned and must let go of the store so a new server can
open it). Readers keep asking throughout while a writer POSTs again articles
already in (same text, same graph: a replace that may be cut short by the
stop but must never lose or change them); no answer may be a 5xx, and every
answer before the stop must be a 200.
"""

from __future__ import annotations

import os
import random
import signal
import time

import requests

from tests.conftest import TOKEN
from tests.helpers import DATA_DIR, SEED_DIR, ServerProcess
from tests.reliability.load import Load, Outcome
from tests.reliability.queries import SPARQL, answers, entity_ids

BASE = "http://kg.test/"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
STOPS = ("SIGTERM", "SIGKILL every process", "SIGKILL the master")


def _gone(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
        return False
    except ProcessLookupError:
        return True


def stop(server: ServerProcess, how: str, wait_all: bool = True) -> tuple[int | None, float]:
    """Stop the server as ``how`` says; (exit status of the master, seconds until its processes were gone)."""
    pid = server.proc.pid
    t0 = time.monotonic()
    if how == "SIGTERM":
        server.proc.send_signal(signal.SIGTERM)
    elif how == "SIGKILL every process":
        os.killpg(pid, signal.SIGKILL)
    else:
        server.proc.send_signal(signal.SIGKILL)
    rc = server.proc.wait(60)
    if wait_all:
        wait_gone(pid, how, t0)
    return rc, time.monotonic() - t0


def wait_gone(pgid: int, how: str, t0: float) -> float:
    """Orphaned workers must go too."""
    deadline = time.monotonic() + 60
    while not _gone(pgid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _gone(pgid), f"processes of the server are still running {time.monotonic() - t0:.0f}s after {how}"
    return time.monotonic() - t0


def start(env: dict, timeout: float = 90) -> ServerProcess:
    return ServerProcess(env).start(timeout)


def start_retrying(env: dict, timeout: float = 90) -> tuple[ServerProcess, int]:
    """Start as a supervisor would: again and again while the old server still holds the store."""
    deadline = time.monotonic() + timeout
    tries = 0
    while True:
        tries += 1
        try:
            return start(env), tries
        except RuntimeError as exc:
            if "open in another process" not in str(exc) or time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def reader(url: str, entities: list[str], texts: list[bytes]):
    """Threads 1..n read; thread 0 writes: it POSTs again articles already in (the same text, so the
    same graph: a replace that must leave the answers as they were, even when cut short)."""
    queries = [SPARQL["count"], SPARQL["per graph"], SPARQL["entities"]]

    def call(session, worker, i):
        if worker == 0:
            return "write", session.post(url + "/articles", data=texts[i % len(texts)], timeout=60,
                                         headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})
        rng = random.Random(worker * 100003 + i)
        k = rng.randrange(3)
        if k == 0:
            return "sparql", session.post(url + "/sparql", data={"query": rng.choice(queries)},
                                          headers={"Accept": "application/sparql-results+json"}, timeout=30)
        if k == 1:
            return "entity", session.get(f"{url}/entities/{rng.choice(entities)}", timeout=30)
        return "health", session.get(url + "/health", timeout=30)

    return call


def check_outcomes(outcomes: list[Outcome], stopped_at: float, how: str) -> dict:
    served = [o for o in outcomes if o.status is not None]
    bad = [o for o in served if o.status >= 500]
    assert not bad, f"{how}: 5xx answers: {bad[:5]}"
    early = [o for o in outcomes if o.end < stopped_at and o.status != 200]
    assert not early, f"{how}: failures before the stop: {early[:5]}"
    writes = [o for o in served if o.what == "write"]
    return {"answered": len(served), "writes answered": len(writes),
            "refused after the stop": len(outcomes) - len(served)}


def assert_clean_stop(server: ServerProcess, rc: int | None, took: float) -> None:
    """A graceful stop exits 0, in less than gunicorn's graceful timeout, with no worker killed by a signal."""
    out = server.output()
    assert rc == 0, f"a graceful stop should exit 0, got {rc}:\n{out[-3000:]}"
    assert "was sent SIG" not in out and "Traceback" not in out, out[-3000:]
    assert took < 8, f"the graceful stop took {took:.1f}s (gunicorn kills workers at 10s):\n{out[-3000:]}"


def test_sigterm_stops_promptly_on_a_reopened_store(tmp_path):
    """Regression: the serve command opened RocksDB in gunicorn's master before the fork; every worker
    then hung on its last flush until killed (10 s), with a SIGSEGV, on every stop."""
    env = {"KGAPI_STORE": str(tmp_path / "store"), "KGAPI_SEED": str(SEED_DIR)}
    for _ in range(2):  # the first start makes the store, the second reopens it
        server = start(env)
        for _ in range(5):
            assert server.sparql_count() > 0
        rc, took = stop(server, "SIGTERM")
        assert_clean_stop(server, rc, took)


def test_stop_mid_load_then_restart_serves_the_same_answers(tmp_path):
    rng = random.Random()
    env = {"KGAPI_STORE": str(tmp_path / "store"), "KGAPI_SEED": str(SEED_DIR), "KGAPI_TOKEN": TOKEN,
           "KGAPI_BASE_IRI": BASE, "KGAPI_THREADS": "8"}
    server = start(env)
    report = []
    try:
        texts = []
        for path in sorted((DATA_DIR / "articles").glob("*.txt"))[1:4]:
            texts.append(path.read_bytes())
            r = requests.post(server.url + "/articles", data=texts[-1], timeout=120,
                              headers={**AUTH, "Content-Type": "text/plain; charset=utf-8"})
            assert r.status_code == 201, r.text[:500]
        entities = entity_ids(server.url, BASE)
        assert entities, "the seed article names no entity"
        before = answers(server.url, BASE, entities)
        assert before["health"]["articles"] >= 1
        for how in STOPS:
            load = Load(reader(server.url, entities, texts), threads=4, seconds=30).start()
            time.sleep(rng.uniform(2.0, 4.0))  # the writer is then almost always mid-write
            stopped_at = time.monotonic() - load.t0
            t0, pgid = time.monotonic(), server.proc.pid
            rc, took = stop(server, how, wait_all=how != "SIGKILL the master")
            outcomes = load.stop()
            stats = check_outcomes(outcomes, stopped_at, how)
            if how == "SIGTERM":
                assert_clean_stop(server, rc, took)
            # restarted at once, as a supervisor would (retrying while an orphaned worker holds the store)
            server, tries = start_retrying(env)
            wait_gone(pgid, how, t0)
            stats["start attempts"] = tries
            after = answers(server.url, BASE, entities)
            assert after == before, f"after {how} and a restart the answers differ: " + \
                ", ".join(k for k in before if before[k] != after.get(k))
            report.append(f"{how} after {stopped_at:.1f}s of load: exit {rc} in {took:.1f}s, "
                          f"{stats}, restarted in {server.started_in:.1f}s")
    finally:
        server.stop()
    print("\n".join(report))
