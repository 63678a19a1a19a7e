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


class VirtuosoServer:
    """A Virtuoso 7 server (``virtuoso-t`` of Debian's ``virtuoso-opensource``) over a fresh database
    in ``location``, on free loopback ports: the second real remote store of tests.

    Set up as a deployment should be: kgapi talks to ``/sparql-auth`` (HTTP Digest) as its own
    user ``kgapi`` with the SPARQL_UPDATE role; the anonymous ``/sparql`` stays read-only.
    """

    USER, PASSWORD = "kgapi", "kgapi-test-secret"
    DBA_PASSWORD = "dba"   # a fresh database's; the server listens on loopback only

    def __init__(self, location: Path):
        import shutil

        self.binary = shutil.which("virtuoso-t")
        self.isql = shutil.which("isql-vt") or shutil.which("isql")
        if self.binary is None or self.isql is None:
            raise RuntimeError("virtuoso-t is missing: apt-get install virtuoso-opensource (make virtuoso)")
        self.location = Path(location)
        self.sql_port, self.port = free_port(), free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.query_url = self.update_url = self.url + "/sparql-auth"
        self.public_url = self.url + "/sparql"
        self.proc: subprocess.Popen | None = None
        self.started_in: float | None = None
        self._store = None

    def _ini(self) -> Path:
        d = self.location
        vsp = Path("/var/lib/virtuoso-opensource-7/vsp")
        ini = d / "virtuoso.ini"
        ini.write_text(f"""[Database]
DatabaseFile = {d}/virtuoso.db
ErrorLogFile = {d}/virtuoso.log
LockFile = {d}/virtuoso.lck
TransactionFile = {d}/virtuoso.trx
xa_persistent_file = {d}/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
Striping = 0
TempStorage = TempDatabase
[TempDatabase]
DatabaseFile = {d}/virtuoso-temp.db
TransactionFile = {d}/virtuoso-temp.trx
Striping = 0
[Parameters]
ServerPort = 127.0.0.1:{self.sql_port}
DisableUnixSocket = 1
CheckpointInterval = 0
CaseMode = 2
DirsAllowed = {d}
NumberOfBuffers = 10000
MaxDirtyBuffers = 6000
ThreadsPerQuery = 2
[HTTPServer]
ServerPort = 127.0.0.1:{self.port}
ServerRoot = {vsp if vsp.is_dir() else d}
MaxClientConnections = 20
ServerThreads = 20
Charset = UTF-8
EnabledGzipContent = 0
[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 0
MaxQueryCostEstimationTime = 0
""")
        return ini

    @staticmethod
    def setup_sql(user: str, password: str, url: str) -> str:
        """The README's Virtuoso setup: kgapi's own user may read and write SPARQL, and Virtuoso's
        system graphs are private (out of that user's union default graph and graph listings)."""
        private = "http://www.openlinksw.com/schemas/virtrdf#PrivateGraphs"
        system = ["http://www.openlinksw.com/schemas/virtrdf#", "http://www.w3.org/ns/ldp#",
                  "http://localuriqaserver/sparql", f"{url}/sparql"]
        return " ".join([
            f"DB.DBA.USER_CREATE('{user}', '{password}');",
            f"GRANT SPARQL_UPDATE TO \"{user}\";",
            f"DB.DBA.RDF_GRAPH_GROUP_CREATE('{private}', 1);",
            *[f"DB.DBA.RDF_GRAPH_GROUP_INS('{private}', '{g}');" for g in system],
            "DB.DBA.RDF_DEFAULT_USER_PERMS_SET('nobody', 0, 1);",
            f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{user}', 0, 1);",
            f"DB.DBA.RDF_DEFAULT_USER_PERMS_SET('{user}', 3);",
        ])

    def sql(self, statements: str) -> str:
        """Run SQL as dba through ``isql``."""
        out = subprocess.run([self.isql, f"127.0.0.1:{self.sql_port}", "dba", self.DBA_PASSWORD,
                              f"exec={statements}"], capture_output=True, text=True, timeout=60)
        if out.returncode != 0 or "*** Error" in out.stdout + out.stderr:
            raise RuntimeError(f"isql failed: {out.stdout}{out.stderr}")
        return out.stdout

    def start(self, timeout: float = 180) -> "VirtuosoServer":
        t0 = time.monotonic()
        self.location.mkdir(parents=True, exist_ok=True)
        fresh = not (self.location / "virtuoso.db").exists()
        self.log = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([self.binary, "+foreground", "+configfile", str(self._ini())],
                                     cwd=self.location, stdout=self.log, stderr=subprocess.STDOUT)
        while time.monotonic() - t0 < timeout:
            if self.proc.poll() is not None:
                self.log.seek(0)
                raise RuntimeError(f"virtuoso-t exited with {self.proc.returncode}: "
                                   f"{self.log.read().decode(errors='replace')[-2000:]}")
            try:
                if requests.get(self.public_url, params={"query": "ASK {}"}, timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                pass
            time.sleep(0.2)
        else:
            self.stop()
            raise RuntimeError("virtuoso did not answer in time")
        if fresh:
            self.sql(self.setup_sql(self.USER, self.PASSWORD, self.url))
        self.started_in = time.monotonic() - t0
        return self

    def stop(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
        if self.proc and self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait(10)

    def store(self):
        from kgapi.store.remote import RemoteStore

        if self._store is None:
            self._store = RemoteStore(self.query_url, user=self.USER, password=self.PASSWORD, timeout=30)
        return self._store

    def clear(self) -> None:
        """Drop every graph but Virtuoso's own (cheaper than a new server per test)."""
        s = self.store()
        graphs = s.named_graphs()
        if graphs:
            s.update(" ;\n".join(f"DROP SILENT GRAPH <{g}>" for g in graphs))

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
