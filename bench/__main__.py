"""``python -m bench`` (or ``make bench``): kgapi beside raw oxigraph serve and rdflib, at 10k,
100k and 1M triples; prints the tables and writes bench/RESULTS.md.

``--smoke`` runs the smallest size with tiny budgets (a few seconds of load): it checks the
harness works, its figures mean little.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from . import endpoints
from .corpus import corpus, registry
from .harness import (BIN, ROOT, Sample, Server, free_port, machine, oxigraph_binary,
                      run_load, sparql_request)
from .queries import queries

BASE = "http://bench.kgapi.test/"
SIZES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}


def write_corpus(triples: int, folder: Path, ingest_extra: int) -> dict:
    """corpus.nq (all article graphs + the ontology) and ``ingest_extra`` more articles as JSON files."""
    from kgapi.graph import ONTOLOGY_FILE, ONTOLOGY_IRI
    from kgapi.graph.ntriples import ntriples
    from rdflib import Graph

    t0 = time.monotonic()
    articles = n = 0
    extra_dir = folder / "extra"
    extra_dir.mkdir(parents=True, exist_ok=True)
    extras = 0
    with open(folder / "corpus.nq", "w", encoding="utf-8") as out:
        onto = Graph().parse(ONTOLOGY_FILE, format="turtle")
        g = f"<{ONTOLOGY_IRI}>"
        for s, p, o in onto:
            out.write(f"{s.n3()} {p.n3()} {o.n3()} {g} .\n")
        def quads(graph, name) -> str:
            # N-Triples lines (each ends " .\n"; a literal's newlines are escaped) into N-Quads
            return ntriples(graph).replace(" .\n", f" <{name}> .\n")

        def written():
            nonlocal n, articles
            for _x, built in corpus(triples, BASE):
                out.write(quads(built.graph, built.article_iri))
                n += len(built.graph)
                articles += 1
                yield built
        # the entity registry graph: each entity's type, label and aliases, once (as ingest makes it)
        reg = registry(written(), BASE)
        out.write(quads(reg, reg.identifier))
        n += len(reg)
    # more articles, beyond the corpus, to measure ingest into a store of this size
    from .corpus import CorpusGenerator

    gen = CorpusGenerator(seed=99)
    for i in range(ingest_extra):
        x = gen.article(900_000 + i)
        (extra_dir / f"{x['article']['id']}.json").write_text(json.dumps(x))
        extras += 1
    return {"articles": articles, "triples": n, "seconds": time.monotonic() - t0}


def seed_copies(folder: Path, count: int) -> Path:
    """``count`` copies of the seed article, each with its own title (so its own id: distinct articles).

    The title is the one the extractor reads off the seed (a page may repeat it, or carry teaser
    headlines above it); every occurrence gets a "Copy i: " prefix, and two copies are extracted
    to check their ids differ, so the benchmark never measures one article rewritten ``count`` times.
    """
    from kgapi.extract import extract

    seed = next((ROOT / "seeds").glob("*.txt")).read_text()
    title = extract(seed)["article"]["title"]
    out = folder / "seed-copies"
    out.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        (out / f"seed-{i:04d}.txt").write_text(seed.replace(title, f"Copy {i}: {title}"))
    if count > 1:
        ids = {extract((out / f"seed-{i:04d}.txt").read_text())["article"]["id"] for i in (0, 1)}
        if len(ids) != 2:
            raise RuntimeError(f"seed copies share an article id ({ids}): the title {title!r} was not found")
    return out


def cli_ingest(store: Path, target: Path, jobs: int = 1) -> dict:
    """``kgapi ingest`` as a user runs it; its summary line gives the rates."""
    import resource

    cpu0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    out = subprocess.run([str(BIN / "kgapi"), "ingest", "--store", str(store), "--base-iri", BASE,
                          "--no-progress", "--jobs", str(jobs), str(target)],
                         capture_output=True, text=True, cwd=ROOT)
    elapsed = time.monotonic() - t0
    cpu1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the command (start-up included): on a shared machine the honest
    # measure of "articles per second on one core"
    cpu = (cpu1.ru_utime - cpu0.ru_utime) + (cpu1.ru_stime - cpu0.ru_stime)
    line = next((l for l in out.stdout.splitlines() if l.startswith("ingested")), out.stdout + out.stderr)
    parts = line.split()
    try:
        articles, triples = int(parts[1]), int(parts[3])
    except (IndexError, ValueError):
        raise RuntimeError(f"kgapi ingest failed: {line}") from None
    # The command's own clock starts once it is up (imports, store opened, ontology loaded):
    # its rate is the steady one; the wall time, start-up included, is kept beside it.
    import re

    m = re.search(r"\(([\d.]+) s,", line)
    seconds = float(m.group(1)) if m else elapsed
    return {"articles": articles, "triples": triples, "seconds": seconds, "wall_s": elapsed, "cpu_s": cpu,
            "articles_per_cpu_s": articles / max(cpu, 1e-9), "triples_per_cpu_s": triples / max(cpu, 1e-9),
            "articles_s": articles / max(seconds, 1e-9), "triples_s": triples / max(seconds, 1e-9),
            "summary": line}


def measure_size(label: str, triples: int, work: Path, args) -> dict:
    res: dict = {"size": label}
    folder = work / label
    folder.mkdir(parents=True, exist_ok=True)
    print(f"[{label}] generating the corpus…", flush=True)
    res["corpus"] = write_corpus(triples, folder, args.ingest_articles)
    nq = folder / "corpus.nq"
    print(f"[{label}] {res['corpus']['articles']} articles, {res['corpus']['triples']} triples "
          f"({res['corpus']['seconds']:.0f} s)", flush=True)

    # -- load: kgapi (import: bulk loader) and oxigraph (its own loader) ---------------------
    kstore, ostore = folder / "kgapi-store", folder / "oxigraph-store"
    t0 = time.monotonic()
    subprocess.run([str(BIN / "kgapi"), "import", "--store", str(kstore), "--base-iri", BASE, str(nq)], check=True,
                   capture_output=True, cwd=ROOT)
    res["load_kgapi_s"] = time.monotonic() - t0
    t0 = time.monotonic()
    subprocess.run([oxigraph_binary(), "load", "--location", str(ostore), "--file", str(nq)], check=True,
                   capture_output=True)
    res["load_oxigraph_s"] = time.monotonic() - t0

    engines: dict[str, Server] = {}
    qs = queries(BASE)
    mix = list(qs.items()) + [("mix", ("", False))]
    res["queries"] = {q: {} for q, _ in mix}

    def measure(name: str, url: str, qname: str, texts: list[str], conc: int, slow: bool):
        s = run_load(sparql_request(url, texts), concurrency=conc,
                     max_requests=args.rdflib_requests if slow else args.requests,
                     budget=args.rdflib_budget if slow else args.budget,
                     request_timeout=args.rdflib_timeout if slow else args.timeout * 3)
        return report_sample(name, qname, conc, s)

    def report_sample(name: str, qname: str, conc: int, s):
        res["queries"][qname][f"{name}@{conc}"] = _summary(s)
        print(f"[{label}] {qname:<12} {name:<8} c={conc}: p50 {s.p50 * 1000:8.1f} ms  "
              f"p99 {s.p99 * 1000:8.1f} ms  {s.throughput:8.1f}/s  rows={s.rows} "
              f"n={s.n} err={s.errors}{' TIMEOUT' if s.timed_out else ''}", flush=True)
        return s

    try:
        kport, oport = free_port(), free_port()
        engines["kgapi"] = Server("kgapi", [str(BIN / "kgapi"), "serve"], f"http://127.0.0.1:{kport}/health", env={
            "KGAPI_STORE": str(kstore), "KGAPI_PORT": str(kport), "KGAPI_SEED": "", "KGAPI_BASE_IRI": BASE,
            "KGAPI_LOG_LEVEL": "warning", "KGAPI_QUERY_TIMEOUT": str(args.timeout), "KGAPI_THREADS": "8",
            "KGAPI_MAX_ROWS": "100000"}, log=folder / "kgapi.log").start()
        engines["oxigraph"] = Server("oxigraph", [oxigraph_binary(), "serve", "--location", str(ostore),
                                                  "--bind", f"127.0.0.1:{oport}", "--union-default-graph"],
                                     f"http://127.0.0.1:{oport}/query?query=ASK%7B%7D",
                                     log=folder / "oxigraph.log").start()
        urls = {"kgapi": f"http://127.0.0.1:{kport}/sparql", "oxigraph": f"http://127.0.0.1:{oport}/query"}
        # kgapi's fact index loads in the background at start-up (a minute of CPU at 1M): measure
        # the steady state, not queries competing with it for the cores
        res["fact_index"] = endpoints.wait_for_index(f"http://127.0.0.1:{kport}", timeout=1800)
        res["rss"] = {name: e.rss() for name, e in engines.items()}
        for qname, (text, _heavy) in mix:
            texts = [t for t, _h in qs.values()] if qname == "mix" else [text]
            for name in ("kgapi", "oxigraph"):
                run_load(sparql_request(urls[name], texts), concurrency=1, max_requests=len(texts) * 2,
                         budget=args.budget, request_timeout=args.timeout * 3)   # warm-up
            for conc in (1, 8):
                # kgapi and oxigraph take turns in short rounds, so that load from elsewhere on
                # the machine falls on both alike rather than on whichever ran at the time
                samples = {name: Sample() for name in ("kgapi", "oxigraph")}
                for _round in range(args.rounds):
                    for name in ("kgapi", "oxigraph"):
                        samples[name].merge(run_load(
                            sparql_request(urls[name], texts), concurrency=conc,
                            max_requests=max(1, args.requests // args.rounds),
                            budget=args.budget / args.rounds, request_timeout=args.timeout * 3))
                for name, smp in samples.items():
                    report_sample(name, qname, conc, smp)
        # kgapi's own endpoints: /entities/{id} and /timeline, kept (cached) and fresh (computed)
        res["endpoints"] = {}
        for name, pair in endpoints.measure(f"http://127.0.0.1:{kport}", requests=args.requests * 2,
                                            budget=args.budget, fresh_requests=max(10, args.requests // 10),
                                            fresh_budget=max(args.budget * 6, 5.0)).items():
            res["endpoints"][name] = {kind: _summary(s) for kind, s in pair.items()}
            for kind, s in pair.items():
                print(f"[{label}] {endpoints.ENDPOINTS[name]} {kind} c=1: p50 {s.p50 * 1000:.2f} ms "
                      f"p99 {s.p99 * 1000:.2f} ms n={s.n} err={s.errors}", flush=True)
        res["entity_endpoint"] = res["endpoints"]["entity"]["kept"]
        res["rss_after"] = {name: e.rss() for name, e in engines.items()}
    finally:
        for e in engines.values():
            e.stop()
    if not args.no_rdflib:
        # rdflib last and alone: a query it cannot finish keeps a thread (and the CPU) busy, so
        # after a time-out the endpoint is restarted before the next query.
        rport = free_port()
        url = f"http://127.0.0.1:{rport}/query"
        print(f"[{label}] loading rdflib…", flush=True)
        server = _rdflib(folder, nq, rport).start()
        res["rdflib_load_s"] = server.started_in
        res["rss_after"]["rdflib"] = server.rss()
        timed_out = False
        try:
            for qname, (text, _heavy) in mix:
                if qname == "mix" and timed_out:
                    res["queries"]["mix"]["rdflib@1"] = {"p50_ms": float("nan"), "p99_ms": float("nan"), "qps": 0.0,
                                                         "n": 0, "errors": 0, "rows": None, "timed_out": True}
                    continue
                texts = [t for t, _h in qs.values()] if qname == "mix" else [text]
                sample = measure("rdflib", url, qname, texts, 1, slow=True)
                if sample.timed_out:
                    timed_out = True
                    if qname == mix[-2][0]:  # nothing left but the mix, which is skipped now
                        break
                    server.stop()
                    server = _rdflib(folder, nq, rport).start()
            res["rss_after"]["rdflib"] = max(res["rss_after"]["rdflib"], server.rss())
        finally:
            server.stop()
    # -- ingest into a store of this size, end to end through `kgapi ingest` (after the queries,
    # so that every engine answered them on the same data) --------------------------------------
    print(f"[{label}] ingest…", flush=True)
    res["ingest"] = cli_ingest(kstore, folder / "extra", jobs=1)
    return res


def _rdflib(folder: Path, nq: Path, port: int) -> Server:
    return Server("rdflib", [str(BIN / "gunicorn"), "-w", "1", "--threads", "8", "-k", "gthread", "-b",
                             f"127.0.0.1:{port}", "--timeout", "3600", "bench.rdflib_endpoint:app"],
                  f"http://127.0.0.1:{port}/query?query=ASK%7B%7D", env={"BENCH_RDFLIB_DATA": str(nq)},
                  log=folder / "rdflib.log")


def _summary(s) -> dict:
    return {"p50_ms": s.p50 * 1000, "p99_ms": s.p99 * 1000, "qps": s.throughput, "n": s.n,
            "errors": s.errors, "rows": s.rows, "timed_out": s.timed_out}


def seed_ingest(work: Path, count: int) -> dict:
    folder = seed_copies(work, count)
    return cli_ingest(work / "seed-store", folder, jobs=1)


# -- report -----------------------------------------------------------------------------------

def _fmt(x: float, unit: str = "") -> str:
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "—"
    if x >= 100:
        return f"{x:,.0f}{unit}"
    if x >= 10:
        return f"{x:.1f}{unit}"
    return f"{x:.2f}{unit}"


def report(results: list[dict], seed: dict | None, info: dict, args) -> str:
    lines = ["# kgapi benchmark", "",
             f"Run {info['date']} on commit `{info['commit']}`: {info['machine']['nproc']} cores "
             f"({info['machine']['cpu']}), {info['machine']['ram_gib']} GiB RAM, Python "
             f"{info['machine']['python']}. Command: `{info['command']}`. Load average (1/5/15 min) "
             f"before: {'/'.join(f'{x:.1f}' for x in info['load_before'])}, after: "
             f"{'/'.join(f'{x:.1f}' for x in info['load_after'])} (the machine is shared; other work "
             f"running beside the benchmark slows all engines alike).", "",
             "Engines, all over HTTP on loopback, same data, same query text: **kgapi** (`kgapi serve`, "
             "gunicorn 1 process × 8 threads, embedded Oxigraph store), **oxigraph** (raw `oxigraph serve "
             "--union-default-graph`: the ceiling), **rdflib** (Flask + gunicorn 1 × 8 over an in-memory "
             "`rdflib.Dataset`: the floor, `bench/rdflib_endpoint.py`). Latencies in ms, throughput in "
             "requests/s; c = concurrent clients. Queries: `bench/queries.py`.", ""]
    if seed:
        if seed.get("cpu_s"):
            lines += [f"**Ingest per CPU second** (`kgapi ingest --jobs 1`, start-up included; the measure of one "
                      f"core's rate on a shared machine): **{seed['articles_per_cpu_s']:.1f} seed-sized articles "
                      f"per CPU-second** ({seed['triples_per_cpu_s']:,.0f} triples; {seed['cpu_s']:.1f} CPU-s for "
                      f"{seed['articles']} articles).", ""]
        lines += [f"**Ingest, seed-sized articles** (the seed article's text, extracted, built, SHACL-validated "
                  f"and written, `kgapi ingest --jobs 1`, one core): {seed['articles']} articles in "
                  f"{seed['seconds']:.1f} s = **{seed['articles_s']:.1f} articles/s** "
                  f"({seed['triples_s']:,.0f} triples/s; {seed['triples'] / max(seed['articles'], 1):.0f} "
                  f"triples per article; {seed['wall_s']:.1f} s with the command's start-up).", ""]
    for r in results:
        c = r["corpus"]
        lines += [f"## {r['size']}: {c['triples']:,} triples in {c['articles']:,} articles", ""]
        ing = r["ingest"]
        lines += [f"- Ingest into this store (structured claims through `kgapi ingest`, SHACL on, one core): "
                  f"{ing['articles']} articles in {ing['seconds']:.1f} s = **{ing['articles_s']:.1f} articles/s, "
                  f"{ing['triples_s']:,.0f} triples/s**.",
                  f"- Bulk load of the corpus: `kgapi import` {r['load_kgapi_s']:.1f} s, `oxigraph load` "
                  f"{r['load_oxigraph_s']:.1f} s.",
                  "- Server RSS after the queries: " + ", ".join(
                      f"{k} {v / 2**20:,.0f} MiB" for k, v in r["rss_after"].items()) + ".",
                  *_endpoint_lines(r), ""]
        engines = [e for e in ("kgapi", "oxigraph", "rdflib")
                   if any(k.startswith(e) for row in r["queries"].values() for k in row)]
        head = ["query", "rows"]
        for e in engines:
            head += [f"{e} c=1 p50 / p99", f"{e} c=1 req/s"] + ([f"{e} c=8 req/s"] if e != "rdflib" else [])
        head += ["kgapi/oxigraph c=1", "kgapi/oxigraph c=8", "kgapi/rdflib c=1"]
        lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        for q, row in r["queries"].items():
            cells = [q, str(row.get("kgapi@1", {}).get("rows"))]
            for e in engines:
                a, b = row.get(f"{e}@1"), row.get(f"{e}@8")
                if a and a["n"]:
                    cells += [f"{_fmt(a['p50_ms'])} / {_fmt(a['p99_ms'])}", _fmt(a["qps"])]
                elif a:
                    cells += [f"> {args.rdflib_timeout:.0f} s (timeout)", "0"]
                else:
                    cells += ["—", "—"]
                if e != "rdflib":
                    cells.append(_fmt(b["qps"]) if b else "—")
            cells += [_ratio(row, "oxigraph", 1), _ratio(row, "oxigraph", 8), _ratio(row, "rdflib", 1, args)]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    lines += _targets(results, seed, args)
    return "\n".join(lines) + "\n"


def _endpoint_lines(r: dict) -> list[str]:
    """One line per domain endpoint: kept (cached) and fresh (computed) latencies."""
    eps = r.get("endpoints") or {"entity": {"kept": r["entity_endpoint"]}}
    out = []
    for name, pair in eps.items():
        parts = []
        for kind, what in (("kept", "kept answer"), ("fresh", "computed afresh")):
            s = pair.get(kind)
            if s:
                parts.append(f"{what} p50 **{_fmt(s['p50_ms'])} ms**, p99 {_fmt(s['p99_ms'])} ms (n={s['n']})")
        out.append(f"- `{endpoints.ENDPOINTS.get(name, name)}` (c=1): " + "; ".join(parts) + ".")
    return out


def _ratio(row: dict, other: str, conc: int, args=None) -> str:
    """kgapi's throughput over another engine's; '≥ N×' when the other timed out on its first try."""
    k, o = row.get(f"kgapi@{conc}"), row.get(f"{other}@{conc}")
    if not k or not o or not k["qps"]:
        return "—"
    if o["n"] == 0 and o.get("timed_out") and args is not None:
        return f"≥ {k['qps'] * args.rdflib_timeout:,.0f}×"
    if not o["qps"]:
        return "—"
    ratio = k["qps"] / o["qps"]
    return f"{ratio:,.0f}×" if ratio >= 10 else f"{ratio:.2f}×"


def _targets(results: list[dict], seed: dict | None, args=None) -> list[str]:
    out = ["## Targets", "", "| target | figure | met |", "|---|---|---|"]

    def row(name, value, ok):
        out.append(f"| {name} | {value} | {'yes' if ok else '**no**'} |")

    for r in results:
        q = r["queries"]
        for conc in (1, 8):
            k, o = q["mix"].get(f"kgapi@{conc}"), q["mix"].get(f"oxigraph@{conc}")
            if k and o and o["qps"]:
                ratio = k["qps"] / o["qps"]
                row(f"{r['size']}: mix throughput ≥ 0.5× oxigraph (c={conc})", f"{ratio:.2f}×", ratio >= 0.5)
        for heavy in ("by_month", "three_hop"):
            k, o = q[heavy].get("kgapi@8"), q[heavy].get("oxigraph@8")
            if k and o and o["qps"]:
                ratio = k["qps"] / o["qps"]
                row(f"{r['size']}: {heavy} ≥ 0.8× oxigraph (c=8)", f"{ratio:.2f}×", ratio >= 0.8)
            k, f = q[heavy].get("kgapi@1"), q[heavy].get("rdflib@1")
            if k and f and f["qps"]:
                ratio = k["qps"] / f["qps"]
                row(f"{r['size']}: {heavy} ≥ 20× rdflib (c=1)", f"{ratio:,.0f}×", ratio >= 20)
            elif k and f and f.get("timed_out") and args is not None:
                ratio = k["qps"] * args.rdflib_timeout
                row(f"{r['size']}: {heavy} ≥ 20× rdflib (c=1)", f"≥ {ratio:,.0f}× (rdflib timed out)", ratio >= 20)
        row(f"{r['size']}: server RSS ≤ 1.5 GB" + (" (at 1M)" if r["size"] == "1m" else ""),
            f"{r['rss_after']['kgapi'] / 2**20:,.0f} MiB", r["rss_after"]["kgapi"] <= 1.5e9)
    ents = {r["size"]: r["entity_endpoint"]["p50_ms"] for r in results}
    if "1m" in ents:
        row("/entities/{id} p50 ≤ 5 ms at 1M", f"{ents['1m']:.2f} ms", ents["1m"] <= 5)
    if "1m" in ents and "10k" in ents:
        growth = ents["1m"] / ents["10k"]
        row("/entities/{id} p50 grows ≤ 2× from 10k to 1M", f"{growth:.2f}×", growth <= 2)
    if seed:
        rate = seed.get("articles_per_cpu_s") or seed["articles_s"]
        row("ingest ≥ 100 seed-sized articles/s, one core" + (" (per CPU-second)" if seed.get("cpu_s") else ""),
            f"{rate:.1f}/s", rate >= 100)
    return out + [""]


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    ap.add_argument("--sizes", default="10k,100k,1m", help="comma-separated: 10k, 100k, 1m")
    ap.add_argument("--smoke", action="store_true", help="smallest size, tiny budgets, no file written")
    ap.add_argument("--budget", type=float, default=5.0, help="seconds per measurement (kgapi, oxigraph)")
    ap.add_argument("--requests", type=int, default=400, help="most requests per measurement")
    ap.add_argument("--rounds", type=int, default=3,
                    help="turns kgapi and oxigraph take within one measurement (fairness under noise)")
    ap.add_argument("--rdflib-budget", type=float, default=20.0)
    ap.add_argument("--rdflib-requests", type=int, default=30)
    ap.add_argument("--rdflib-timeout", type=float, default=120.0,
                    help="seconds one rdflib query may take before it counts as timed out")
    ap.add_argument("--no-rdflib", action="store_true")
    ap.add_argument("--timeout", type=float, default=120.0, help="query time limit (s)")
    ap.add_argument("--ingest-articles", type=int, default=200)
    ap.add_argument("--seed-articles", type=int, default=200)
    ap.add_argument("--work", default=None, help="working directory (default: a temporary one)")
    ap.add_argument("--out", default=str(Path(__file__).parent / "RESULTS.md"))
    args = ap.parse_args(argv)
    if args.smoke:
        args.sizes, args.budget, args.requests = "10k", 0.3, 20
        args.rdflib_budget, args.rdflib_requests, args.ingest_articles, args.seed_articles = 0.5, 3, 10, 10
        args.rdflib_timeout = 30.0
    sizes = [s.strip().lower() for s in args.sizes.split(",") if s.strip()]
    unknown = [s for s in sizes if s not in SIZES]
    if unknown:
        ap.error(f"unknown sizes {unknown}; use 10k, 100k, 1m")
    commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True,
                            cwd=ROOT).stdout.strip() or "unknown"
    info = {"date": dt.datetime.now().strftime("%Y-%m-%d %H:%M"), "commit": commit, "machine": machine(),
            "load_before": os.getloadavg(),
            "command": "python -m bench " + " ".join(argv if argv is not None else sys.argv[1:])}
    with tempfile.TemporaryDirectory(prefix="kgapi-bench-", dir=args.work) as tmp:
        work = Path(tmp)
        print("ingest of seed-sized articles…", flush=True)
        seed = seed_ingest(work, args.seed_articles)
        results = []
        for size in sizes:
            results.append(measure_size(size, SIZES[size], work, args))
            if not args.smoke:  # partial results survive an interrupted run
                Path(args.out).with_suffix(".json").write_text(json.dumps(
                    {"info": info, "seed_ingest": seed, "results": results}, indent=1, default=str))
    info["load_after"] = os.getloadavg()
    text = report(results, seed, info, args)
    print()
    print(text)
    if not args.smoke:
        Path(args.out).write_text(text)
        (Path(args.out).with_suffix(".json")).write_text(json.dumps(
            {"info": info, "seed_ingest": seed, "results": results}, indent=1, default=str))
        print(f"wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
