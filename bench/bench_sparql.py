"""What the killable query workers cost, and how fast they stop a runaway query.

    python bench/bench_sparql.py [--repeat N] [--triples N] [--json]

On an embedded store holding the seed article (plus ``--triples`` synthetic
triples), it measures:

* the latency of a trivial query run in this process (pyoxigraph query +
  serialization, what the endpoint did before the workers) and through the
  worker pool (pipe round trip to a worker process): medians in microseconds,
  and the difference, which is what the time limit costs a fast query;
* what each write adds for the workers: the writer's ``flush()``, its
  checkpoint (the snapshot queries read, see kgapi/store/snapshots.py), and a
  worker's ``Store.read_only`` open of it (what a query pays once after a write);
* a runaway query with a 1 s limit: the time until the client has its error,
  and until the replacement worker has answered its first query.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import pyoxigraph as ox  # noqa: E402

from kgapi.errors import QueryTimeout  # noqa: E402
from kgapi.graph import Minter  # noqa: E402
from kgapi.ingest import Pipeline  # noqa: E402
from kgapi.store import EmbeddedStore  # noqa: E402
from kgapi.store import _execute  # noqa: E402

TRIVIAL = ("ASK {}", "SELECT ?p ?o WHERE { <https://w3id.org/kgapi/ns> ?p ?o } LIMIT 5")
RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"


def _median_us(fn, repeat: int) -> float:
    for _ in range(min(50, repeat)):
        fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1e6


def latency(store: EmbeddedStore, repeat: int) -> dict:
    out = {}
    for q in TRIVIAL:
        inproc = _median_us(lambda: _execute.run(store.ox, q, max_rows=10000), repeat)
        pooled = _median_us(lambda: store.sparql(q, max_rows=10000, timeout=10), repeat)
        out[q] = {"in_process_us": round(inproc, 1), "worker_pool_us": round(pooled, 1),
                  "added_us": round(pooled - inproc, 1)}
    return out


def reopen(store: EmbeddedStore, rounds: int = 20) -> dict:
    import tempfile

    flushes, checkpoints, opens = [], [], []
    with tempfile.TemporaryDirectory(dir=store.path) as d:  # hard links: the same file system
        for i in range(rounds):
            store.ox.update(f"INSERT DATA {{ <http://bench.test/t{i}> <http://bench.test/p> {i} }}")
            t0 = time.perf_counter()
            store.flush()
            flushes.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            store.ox.backup(f"{d}/{i}")
            checkpoints.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            ro = _execute.open_store(f"{d}/{i}")  # as a worker does
            bool(ro.query("ASK {}"))
            opens.append(time.perf_counter() - t0)
            del ro
    return {"flush_ms_median": round(statistics.median(flushes) * 1e3, 2),
            "checkpoint_ms_median": round(statistics.median(checkpoints) * 1e3, 2),
            "checkpoint_ms_max": round(max(checkpoints) * 1e3, 2),
            "reopen_ms_median": round(statistics.median(opens) * 1e3, 2),
            "reopen_ms_max": round(max(opens) * 1e3, 2)}


def runaway(store: EmbeddedStore, limit: float = 1.0, rounds: int = 3) -> dict:
    stopped, recovered = [], []
    for _ in range(rounds):
        t0 = time.perf_counter()
        try:
            store.sparql(RUNAWAY, timeout=limit)
            raise AssertionError("the runaway query finished")
        except QueryTimeout:
            stopped.append(time.perf_counter() - t0)
        t1 = time.perf_counter()
        store.sparql("ASK {}", timeout=10)
        recovered.append(time.perf_counter() - t1)
    return {"limit_s": limit, "error_after_s_median": round(statistics.median(stopped), 3),
            "error_after_s_max": round(max(stopped), 3),
            "next_query_after_kill_s_median": round(statistics.median(recovered), 3)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--repeat", type=int, default=2000)
    ap.add_argument("--triples", type=int, default=100_000, help="synthetic triples added to the seed")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()

    store = EmbeddedStore(None, query_workers=1)
    try:
        pipeline = Pipeline(store=store, minter=Minter("http://bench.test/"), validate=True)
        pipeline.ensure_ontology()
        pipeline.seed(ROOT / "seeds")
        if args.triples:
            quads = [ox.Quad(ox.NamedNode(f"http://bench.test/s{i // 10}"), ox.NamedNode(f"http://bench.test/p{i % 10}"),
                             ox.Literal(str(i)), ox.NamedNode(f"http://bench.test/g{i // 10000}"))
                     for i in range(args.triples)]
            store.ox.extend(quads)
            store.flush()
        report = {"store_quads": len(store.ox), "latency": latency(store, args.repeat),
                  "reopen_after_write": reopen(store), "runaway": runaway(store)}
    finally:
        store.close()
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"embedded store, {report['store_quads']} quads")
    for q, r in report["latency"].items():
        print(f"  {q[:60]:<60} in-process {r['in_process_us']:8.1f} µs   worker pool {r['worker_pool_us']:8.1f} µs"
              f"   added {r['added_us']:7.1f} µs (medians)")
    ro = report["reopen_after_write"]
    print(f"  flush after a write {ro['flush_ms_median']} ms; checkpoint {ro['checkpoint_ms_median']} ms "
          f"(max {ro['checkpoint_ms_max']} ms); a worker's read-only open of it {ro['reopen_ms_median']} ms "
          f"(max {ro['reopen_ms_max']} ms)")
    ra = report["runaway"]
    print(f"  runaway query, limit {ra['limit_s']} s: error after {ra['error_after_s_median']} s "
          f"(max {ra['error_after_s_max']} s); next query {ra['next_query_after_kill_s_median']} s later")


if __name__ == "__main__":
    main()
