"""Latency of the domain endpoints in process (Flask's test client: handler + queries, no network).

``python -m bench.bench_api STORE_DIR [STORE_DIR…]`` opens each embedded store (e.g. the ones
``python -m bench`` builds at 10k and 1M triples from bench/corpus.py) and prints, per endpoint, the
first request after start (cold: nothing cached) and the median of the next ``--n`` (warm: the
entity view cache and the search index are in use). The entity ids are the corpus generator's most
frequent ones, so the work is the largest a request meets at that size.
"""

from __future__ import annotations

import argparse
import statistics
import time

ENDPOINTS = [
    "/entities/north-korea", "/entities/russia", "/entities/kursk",
    "/entities?q=kim", "/entities?q=north%20korea",
    "/deployments?sending_state=north-korea", "/deployments?from=2024-03&to=2024-06",
    "/events?participant=russia", "/timeline?entity=kursk", "/articles",
]


def measure(store: str, base: str, n: int) -> list[tuple[str, float, float, int]]:
    from kgapi import create_app

    app = create_app({"store": store, "seed": "", "base_iri": base, "log_level": "warning"})
    client = app.test_client()
    out = []
    for url in ENDPOINTS:
        t0 = time.perf_counter()
        r = client.get(url)
        cold = (time.perf_counter() - t0) * 1000
        assert r.status_code == 200, (url, r.status_code)
        times = []
        for _ in range(n):
            t0 = time.perf_counter()
            client.get(url)
            times.append((time.perf_counter() - t0) * 1000)
        out.append((url, cold, statistics.median(times), len(r.data)))
    app.extensions["kgapi"].store.close()
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("stores", nargs="+")
    ap.add_argument("--base", default="http://bench.kgapi.test/")
    ap.add_argument("--n", type=int, default=50)
    args = ap.parse_args()
    for store in args.stores:
        print(f"\n{store}")
        print(f"{'endpoint':45s} {'cold ms':>9s} {'p50 ms':>8s} {'bytes':>8s}")
        for url, cold, p50, size in measure(store, args.base, args.n):
            print(f"{url:45s} {cold:9.1f} {p50:8.2f} {size:8d}", flush=True)


if __name__ == "__main__":
    main()
