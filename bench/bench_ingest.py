"""Ingest rate on one core, in seed-sized articles per CPU-second, with and without start-up.

    python -m bench.bench_ingest [--articles N] [--repeat R] [--json]

Runs ``kgapi ingest --jobs 1`` (as a user does, through ``bench.__main__.cli_ingest``) on N
copies of the seed article, each with its own title, into a fresh store, and reads the CPU
seconds the command used (all its threads, start-up included): on a shared machine the wall
clock says more about the neighbours than about kgapi. A one-article run gives the start-up
cost, so the steady rate (what each further article costs) is reported beside the end-to-end one.
The median of R runs is kept.
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
from pathlib import Path

from .__main__ import cli_ingest, seed_copies


def _cpu(count: int) -> float:
    with tempfile.TemporaryDirectory(prefix="kgapi-bench-ingest-") as work:
        folder = seed_copies(Path(work), count)
        result = cli_ingest(Path(work) / "store", folder, jobs=1)
        if result["articles"] != count:
            raise RuntimeError(f"only {result['articles']} of {count} articles went in: {result['summary']}")
        return result["cpu_s"]


def measure(articles: int, repeat: int) -> dict:
    runs = [(_cpu(1), _cpu(articles)) for _ in range(repeat)]
    one = statistics.median(r[0] for r in runs)
    many = statistics.median(r[1] for r in runs)
    per_article = max(many - one, 1e-9) / max(articles - 1, 1)
    return {"articles": articles, "repeat": repeat, "cpu_s": round(many, 2), "startup_cpu_s": round(one - per_article, 2),
            "articles_per_cpu_s": round(articles / many, 1), "steady_articles_per_cpu_s": round(1 / per_article, 1),
            "cpu_ms_per_article": round(per_article * 1000, 1)}


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=100)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    r = measure(args.articles, args.repeat)
    if args.json:
        print(json.dumps(r))
    else:
        print(f"{r['articles']} seed-sized articles: {r['cpu_s']} CPU-s = {r['articles_per_cpu_s']} articles per CPU-second "
              f"(start-up included); start-up {r['startup_cpu_s']} CPU-s, then {r['cpu_ms_per_article']} CPU-ms per article "
              f"= {r['steady_articles_per_cpu_s']} per CPU-second (median of {r['repeat']})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
