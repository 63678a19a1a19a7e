"""Test utilities shared across layers (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[1]
SEED_DIR = ROOT / "seeds"
SEED_FILE = next(SEED_DIR.glob("*.txt"))
DATA_DIR = ROOT / "tests" / "data"
COUNT_ALL = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def count_from_json(body: dict) -> int:
    return int(body["results"]["bindings"][0]["n"]["value"])


class ServerProcess:
    """``kgapi serve`` in a real child process, talking HTTP on loopback."""

    def __init__(self, env: dict[str, str] | None = None, port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "KGAPI_HOST": "127.0.0.1", "KGAPI_PORT": str(self.port),
                    "KGAPI_LOG_LEVEL": "warning", **(env or {})}
        self.proc: subprocess.Popen | None = None
        self.started_in: float | None = None

    def start(self, timeout: float = 60) -> "ServerProcess":
        t0 = time.monotonic()
        self.proc = subprocess.Popen([sys.executable, "-m", "kgapi", "serve"], env=self.env, cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                out = self.proc.stdout.read().decode(errors="replace") if self.proc.stdout else ""
                raise RuntimeError(f"kgapi serve exited with {self.proc.returncode}:\n{out}")
            try:
                if requests.get(self.url + "/health", timeout=1).status_code == 200:
                    self.started_in = time.monotonic() - t0
                    return self
            except requests.ConnectionError:
                pass
            time.sleep(0.1)
        self.stop()
        raise RuntimeError("kgapi serve did not become healthy in time")

    def stop(self, timeout: float = 20) -> int | None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode if self.proc else None

    def sparql_count(self, query: str = COUNT_ALL) -> int:
        r = requests.get(self.url + "/sparql", params={"query": query},
                         headers={"Accept": "application/sparql-results+json"}, timeout=30)
        r.raise_for_status()
        return count_from_json(r.json())

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
