"""Start the three engines on the same data, run the same requests, collect figures.

Engines: ``kgapi`` (``kgapi serve``, embedded store), ``oxigraph`` (raw ``oxigraph serve
--union-default-graph``: the ceiling) and ``rdflib`` (bench/rdflib_endpoint.py: the floor).
All are spoken to over HTTP on loopback from client threads in this process.
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def rss_tree(pid: int) -> int:
    """Resident memory in bytes of a process and all its descendants (from /proc)."""
    children: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if d.isdigit():
            try:
                with open(f"/proc/{d}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(d))
            except (OSError, IndexError, ValueError):
                pass
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
        except OSError:
            pass
    return total


class Server:
    """A child process serving HTTP; ``ready`` is a URL that answers 200 once it is up."""

    def __init__(self, name: str, cmd: list[str], ready: str, env: dict | None = None, log: Path | None = None):
        self.name, self.cmd, self.ready = name, cmd, ready
        self.env = {**os.environ, **(env or {})}
        self.log = log
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 1800) -> "Server":
        out = open(self.log, "wb") if self.log else subprocess.DEVNULL
        self.proc = subprocess.Popen(self.cmd, env=self.env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                raise RuntimeError(f"{self.name} exited with {self.proc.returncode} (log: {self.log})")
            try:
                # generous: a big store under load may take a while to answer its first /health
                if requests.get(self.ready, timeout=120).status_code == 200:
                    self.started_in = time.monotonic() - t0
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.2)
        self.stop()
        raise RuntimeError(f"{self.name} did not come up in {timeout} s")

    def rss(self) -> int:
        return rss_tree(self.proc.pid) if self.proc else 0

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(30)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@dataclass
class Sample:
    latencies: list[float] = field(default_factory=list)
    elapsed: float = 0.0
    errors: int = 0
    rows: int | None = None
    timed_out: bool = False

    def merge(self, other: "Sample") -> None:
        """Add another run of the same measurement (throughput = all requests / all time)."""
        self.latencies += other.latencies
        self.elapsed += other.elapsed
        self.errors += other.errors
        self.timed_out = self.timed_out or other.timed_out
        if self.rows is None:
            self.rows = other.rows

    @property
    def n(self) -> int:
        return len(self.latencies)

    def pct(self, q: float) -> float:
        if not self.latencies:
            return float("nan")
        xs = sorted(self.latencies)
        return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]

    @property
    def p50(self) -> float:
        return statistics.median(self.latencies) if self.latencies else float("nan")

    @property
    def p99(self) -> float:
        return self.pct(0.99)

    @property
    def throughput(self) -> float:
        return self.n / self.elapsed if self.elapsed else 0.0


def _count_rows(resp: requests.Response) -> int | None:
    try:
        body = resp.json()
    except ValueError:
        return None
    if isinstance(body, dict) and "results" in body:
        return len(body["results"]["bindings"])
    return None


def run_load(make_request, *, concurrency: int, max_requests: int, budget: float,
             request_timeout: float) -> Sample:
    """``concurrency`` client threads issue ``make_request(session, i)`` until ``max_requests``
    are done or ``budget`` seconds have passed (a request in flight is finished)."""
    sample = Sample()
    lock = threading.Lock()
    counter = iter(range(max_requests))
    deadline = time.monotonic() + budget

    def worker():
        s = requests.Session()
        # Loopback only: no proxy from the environment (and no scan of os.environ on every
        # request, ~1 ms of client time that was counted as the server's latency)
        s.trust_env = False
        while time.monotonic() < deadline:
            with lock:
                i = next(counter, None)
            if i is None:
                return
            t = time.perf_counter()
            try:
                r = make_request(s, i, request_timeout)
                ok = r.status_code == 200
                rows = _count_rows(r) if ok and sample.rows is None else None
            except requests.Timeout:
                with lock:
                    sample.timed_out = True
                return
            except requests.RequestException:
                ok, rows = False, None
            dt = time.perf_counter() - t
            with lock:
                if ok:
                    sample.latencies.append(dt)
                    if rows is not None and sample.rows is None:
                        sample.rows = rows
                else:
                    sample.errors += 1

    t0 = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    sample.elapsed = time.perf_counter() - t0
    return sample


def sparql_request(url: str, texts: list[str]):
    """A request maker posting the texts round robin as SPARQL protocol form posts."""
    def make(session: requests.Session, i: int, timeout: float):
        return session.post(url, data={"query": texts[i % len(texts)]},
                            headers={"Accept": "application/sparql-results+json"}, timeout=timeout)
    return make


def get_request(urls: list[str]):
    def make(session: requests.Session, i: int, timeout: float):
        return session.get(urls[i % len(urls)], timeout=timeout)
    return make


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = 0
    try:
        for line in open("/proc/meminfo"):
            if line.startswith("MemTotal:"):
                mem = int(line.split()[1]) * 1024
    except OSError:
        pass
    import platform

    return {"nproc": os.cpu_count(), "cpu": cpu, "ram_gib": round(mem / 2**30, 1),
            "python": platform.python_version()}


def oxigraph_binary() -> str:
    here = BIN / "oxigraph"
    found = str(here) if here.exists() else shutil.which("oxigraph")
    if not found:
        raise RuntimeError("the oxigraph command is missing: pip install oxigraph")
    return found
