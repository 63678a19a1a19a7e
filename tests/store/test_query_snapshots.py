"""Query workers read snapshots of their own: the writer's compactions cannot take files from under them.

A worker used to open the live store directory with ``Store.read_only``. RocksDB opens a
read-only instance's table files lazily, and the writer's compactions delete the files they
merge: a query that then needed one of them spun forever inside pyoxigraph (it neither answers
nor raises), holding a worker until the time limit killed it. Under load this stalled reads
in the concurrency test (tests/reliability/test_concurrency.py) for the whole 60 s limit.
"""

from __future__ import annotations

import json
import threading
import time

from kgapi.store.embedded import EmbeddedStore

PER_GRAPH = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"
#: far more than the queries here take (milliseconds), far less than a stall
LIMIT = 15.0
TRIPLES = 200


def _body(k: int) -> str:
    return "\n".join(f'<http://kg.test/s{k}/{i}> <http://kg.test/p{i % 9}> "value {k} {i}" .'
                     for i in range(TRIPLES))


def _counts(store) -> dict[str, int]:
    doc = json.loads(store.sparql(PER_GRAPH, timeout=LIMIT).body)
    return {b["g"]["value"]: int(b["n"]["value"]) for b in doc["results"]["bindings"]}


def _fill(store, graphs: range) -> None:
    for k in graphs:  # one write (and flush) each: many small table files for a compaction to merge
        store.replace_ntriples([(f"http://kg.test/g{k}", _body(k))])


def test_a_compaction_after_a_worker_opened_the_store_does_not_stall_its_next_query(tmp_path):
    store = EmbeddedStore(tmp_path / "store", query_workers=1)
    try:
        _fill(store, range(30))
        assert json.loads(store.sparql("ASK {}", timeout=LIMIT).body)["boolean"] is True  # the worker opens it
        store.ox.optimize()  # what RocksDB does in the background after writes: merge and delete table files
        t0 = time.monotonic()
        assert _counts(store) == {f"http://kg.test/g{k}": TRIPLES for k in range(30)}
        assert time.monotonic() - t0 < LIMIT / 2
    finally:
        store.close()


def test_every_write_is_in_the_next_query_and_old_snapshots_go(tmp_path):
    leftover = tmp_path / "store" / "kgapi-query-snapshots" / "7"
    leftover.mkdir(parents=True)  # as a killed server leaves them
    store = EmbeddedStore(tmp_path / "store", query_workers=2)
    try:
        for k in range(6):
            _fill(store, range(k, k + 1))
            assert _counts(store) == {f"http://kg.test/g{j}": TRIPLES for j in range(k + 1)}  # read your writes
        snapshots = store._pool.snapshots
        assert not leftover.exists()
        # the newest, and at most the one each worker still has open
        assert 1 <= len(snapshots.on_disk()) <= 1 + store.query_workers
    finally:
        store.close()
    assert not (tmp_path / "store" / "kgapi-query-snapshots").exists()


def test_a_freed_worker_goes_to_the_request_that_waited_longest(tmp_path):
    """First come, first served: a request cannot be passed over by newer ones (under load they used
    to take each freed worker before the waiting request's thread woke up, for as long as they came)."""
    store = EmbeddedStore(tmp_path / "store", query_workers=1)
    try:
        pool = store._query_pool()
        busy = pool._take(5)  # the only worker
        got = {}
        waiting = threading.Thread(target=lambda: got.setdefault("worker", pool._take(10)))
        waiting.start()
        deadline = time.monotonic() + 10
        while not pool._waiting and time.monotonic() < deadline:
            time.sleep(0.01)
        assert pool._waiting, "the second request did not wait"
        pool._give(busy)
        try:
            newcomer = pool._take(0.2)  # asks at once, before the waiting thread has run
        except TimeoutError:
            newcomer = None
        waiting.join(10)
        assert newcomer is None and got.get("worker") is busy
        pool._give(busy)
        assert json.loads(store.sparql("ASK {}", timeout=LIMIT).body)["boolean"] is True
    finally:
        store.close()
