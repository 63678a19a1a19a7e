"""Test utilities shared across layers (plain functions; fixtures live in conftest.py)."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import tempfile
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
        # Its own process group, so that stop() can end the gunicorn workers too if the master hangs.
        # Output goes to a file, not a pipe nobody reads (the access log would fill it and block the server).
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([sys.executable, "-m", "kgapi", "serve"], env=self.env, cwd=ROOT,
                                     stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True)
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                out = self.output()
                raise RuntimeError(f"kgapi serve exited with {self.proc.returncode}:\n{out}")
            try:
                if requests.get(self.url + "/health", timeout=1).status_code == 200:
                    self.started_in = time.monotonic() - t0
                    return self
            except requests.RequestException:  # not listening yet, or workers still booting
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
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()
        return self.proc.returncode if self.proc else None

    def output(self) -> str:
        """What the server has printed so far."""
        self.log.seek(0)
        return self.log.read().decode(errors="replace")

    def sparql_count(self, query: str = COUNT_ALL) -> int:
        r = requests.get(self.url + "/sparql", params={"query": query},
                         headers={"Accept": "application/sparql-results+json"}, timeout=30)
        r.raise_for_status()
        return count_from_json(r.json())

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()


def oxigraph_binary() -> str | None:
    """The ``oxigraph`` command of the ``oxigraph`` package: next to this Python, else on PATH."""
    import shutil

    here = Path(sys.executable).parent / "oxigraph"
    if here.exists():
        return str(here)
    return shutil.which("oxigraph")


class OxigraphServer:
    """``oxigraph serve`` on a free loopback port over a data directory: the remote store of tests.

    ``stop()`` kills it; ``start()`` again brings it back on the same port and data.
    """

    def __init__(self, location: Path, port: int | None = None, extra: tuple[str, ...] = ()):
        binary = oxigraph_binary()
        if binary is None:
            raise RuntimeError("the oxigraph command is missing: pip install oxigraph (in the test extra)")
        self.binary = binary
        self.location = Path(location)
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.query_url = self.url + "/query"
        self.update_url = self.url + "/update"
        self.extra = extra
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 30) -> "OxigraphServer":
        self.location.mkdir(parents=True, exist_ok=True)
        self.proc = subprocess.Popen([self.binary, "serve", "--location", str(self.location),
                                      "--bind", f"127.0.0.1:{self.port}", *self.extra],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        t0 = time.monotonic()
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                err = self.proc.stderr.read().decode(errors="replace") if self.proc.stderr else ""
                raise RuntimeError(f"oxigraph serve exited with {self.proc.returncode}: {err}")
            try:
                r = requests.get(self.query_url, params={"query": "ASK {}"}, timeout=1)
                if r.status_code == 200:
                    return self
            except requests.RequestException:
                pass
            time.sleep(0.05)
        self.stop()
        raise RuntimeError("oxigraph serve did not answer in time")

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)
        if self.proc and self.proc.stderr:
            self.proc.stderr.close()

    def clear(self) -> None:
        """Empty every graph (cheaper than a new server per test)."""
        requests.post(self.update_url, data="DROP SILENT ALL",
                      headers={"Content-Type": "application/sparql-update"}, timeout=30).raise_for_status()

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
