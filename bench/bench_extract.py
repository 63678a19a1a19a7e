"""Extraction speed: median time per seed-sized article on one core, and cold import time.

    python bench/bench_extract.py [--repeat N] [--json]

Cold import is measured in a fresh interpreter (``import kgapi.extract.pipeline``), and
the first extraction in that interpreter (which loads the reference data and
compiles the patterns) is reported separately. The per-article figure runs
every article in tests/data/articles (the seed and development set) N times
after a warm-up and reports the median, p90 and max per article, plus the
median normalised to the seed article's length.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "tests" / "data" / "articles"
SEED = ARTICLES / "000_484adb04f46ed6a9.txt"


def cold() -> dict:
    # the extractor itself (kgapi.extract loads it on first use, so import its pipeline module)
    code = ("import time; t=time.perf_counter(); import kgapi.extract.pipeline as x; t1=time.perf_counter(); "
            f"x.extract(open({str(SEED)!r}, encoding='utf-8').read()); t2=time.perf_counter(); "
            "print(t1-t, t2-t1)")
    runs = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT,
                             env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"}, check=True).stdout.split()
        runs.append((float(out[0]), float(out[1])))
    return {"import_s": round(min(r[0] for r in runs), 4), "first_extract_s": round(min(r[1] for r in runs), 4)}


def warm(repeat: int) -> dict:
    from kgapi.extract import extract

    texts = {p.name: p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))}
    for t in texts.values():
        extract(t)
    times, per_char, cpu = [], [], []
    for _ in range(repeat):
        for name, t in texts.items():
            t0 = time.perf_counter()
            c0 = time.process_time()
            r = extract(t)
            dt = time.perf_counter() - t0
            cpu.append(time.process_time() - c0)
            times.append(dt)
            per_char.append(dt / max(1, len(r["article"]["text"])))
    seed_len = len(extract(texts[SEED.name])["article"]["text"])
    times.sort()
    return {"articles": len(texts), "runs": len(times),
            "median_ms": round(statistics.median(times) * 1000, 2),
            "p90_ms": round(times[int(len(times) * 0.9) - 1] * 1000, 2),
            "max_ms": round(times[-1] * 1000, 2),
            "median_ms_at_seed_length": round(statistics.median(per_char) * seed_len * 1000, 2),
            "median_cpu_ms": round(statistics.median(cpu) * 1000, 2),
            "load_average_1min": round(os.getloadavg()[0], 2) if hasattr(os, "getloadavg") else None}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--json", action="store_true")
    a = ap.parse_args()
    try:
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    except (AttributeError, OSError):
        pass
    res = {"cold": cold(), "warm": warm(a.repeat)}
    if a.json:
        print(json.dumps(res, indent=2))
    else:
        c, w = res["cold"], res["warm"]
        print(f"cold import of kgapi.extract: {c['import_s'] * 1000:.0f} ms; first extraction (loads data): "
              f"{c['first_extract_s'] * 1000:.0f} ms")
        print(f"per article ({w['articles']} articles x {a.repeat}): median {w['median_ms']} ms, "
              f"p90 {w['p90_ms']} ms, max {w['max_ms']} ms; at seed length {w['median_ms_at_seed_length']} ms; "
              f"median CPU {w['median_cpu_ms']} ms (machine load average {w['load_average_1min']})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
