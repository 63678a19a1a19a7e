"""Latency of kgapi's own domain endpoints over HTTP: ``/entities/{id}`` and ``/timeline``.

Two figures per endpoint, both at concurrency 1 on the corpus's most frequent entities (the
largest work a request meets at that size):

- **kept**: the same URLs asked again and again; the server answers from its view cache (what
  readers get while nobody writes);
- **fresh**: every request a URL not asked before (page sizes 20, 19 … 11, near the default 20),
  so the server computes the whole answer: what a reader gets right after a write has dropped
  the kept answers.

``python -m bench.endpoints URL`` measures a running server (e.g. ``kgapi serve`` on a store
made by ``kgapi import`` of a ``python -m bench.corpus`` file).
"""

from __future__ import annotations

import argparse
import itertools

from .harness import get_request, run_load
from .queries import ENTITY_IDS

ENDPOINTS = {
    "entity": "/entities/{id}",
    "timeline": "/timeline?entity={id}",
}


def _urls(base: str, pattern: str, ids: list[str]) -> list[str]:
    return [base + pattern.format(id=i) for i in ids]


def _fresh_urls(base: str, pattern: str, ids: list[str], count: int) -> list[str]:
    """Up to ``count`` URLs never asked before: every entity with page sizes 20, 19 … 11."""
    sep = "&" if "?" in pattern else "?"
    urls = (base + pattern.format(id=i) + f"{sep}limit={limit}" for limit in range(20, 10, -1) for i in ids)
    return list(itertools.islice(urls, count))


def wait_for_index(base: str, timeout: float) -> str:
    """Wait until the server's fact index is loaded (/health says so); what it said last."""
    import time

    import requests

    deadline = time.monotonic() + timeout
    state = "unknown"
    while time.monotonic() < deadline:
        try:
            state = requests.get(base + "/health", timeout=120).json().get("fact_index", "absent")
        except (requests.RequestException, ValueError):
            state = "unknown"
        if state not in ("loading", "unknown"):
            break
        time.sleep(1)
    return state


def measure(base: str, *, requests: int = 200, budget: float = 10.0, fresh_requests: int = 40,
            fresh_budget: float = 60.0, timeout: float = 120.0, ids: list[str] | None = None) -> dict:
    """{endpoint: {"kept": Sample, "fresh": Sample}} for a server at ``base`` (no trailing slash)."""
    ids = ids or ENTITY_IDS
    wait_for_index(base, timeout=600)
    out = {}
    for name, pattern in ENDPOINTS.items():
        kept_urls = _urls(base, pattern, ids)
        # fresh first: the kept run's warm-up would otherwise have computed nothing new for it
        fresh = run_load(get_request(_fresh_urls(base, pattern, ids, fresh_requests)), concurrency=1,
                         max_requests=fresh_requests, budget=fresh_budget, request_timeout=timeout)
        run_load(get_request(kept_urls), concurrency=1, max_requests=len(kept_urls), budget=budget,
                 request_timeout=timeout)  # warm-up: one of each
        kept = run_load(get_request(kept_urls), concurrency=1, max_requests=requests, budget=budget,
                        request_timeout=timeout)
        out[name] = {"kept": kept, "fresh": fresh}
    return out


def main() -> None:
    ap = argparse.ArgumentParser(prog="python -m bench.endpoints", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("url", help="the server, e.g. http://127.0.0.1:8000")
    ap.add_argument("--requests", type=int, default=200)
    ap.add_argument("--fresh-requests", type=int, default=40)
    args = ap.parse_args()
    res = measure(args.url.rstrip("/"), requests=args.requests, fresh_requests=args.fresh_requests)
    for name, pair in res.items():
        for kind, s in pair.items():
            print(f"{ENDPOINTS[name]:24s} {kind:5s}: p50 {s.p50 * 1000:9.2f} ms  p99 {s.p99 * 1000:9.2f} ms  "
                  f"n={s.n} err={s.errors}{' TIMEOUT' if s.timed_out else ''}")


if __name__ == "__main__":
    main()
