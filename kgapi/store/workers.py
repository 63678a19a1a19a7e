"""A pool of killable query worker processes for the embedded store: how a time limit is kept.

pyoxigraph cannot cancel a query, and a thread running one cannot be stopped,
so each client query runs in a worker process that opens the store with
``pyoxigraph.Store.read_only`` (allowed next to the one read-write process).
A query past its time limit gets its worker SIGKILLed and replaced, and the
client an error at the limit; other requests are served meanwhile by the other
workers and by the server's threads. Each request carries the writer's
generation; a worker reopens the store when it has moved on (the writer
flushes after every write, so reopening takes milliseconds).
"""

from __future__ import annotations

import pickle
import logging
import os
import queue
import signal
import subprocess
import sys
import threading
import time
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Callable

from ..errors import BadRequest, QuerySyntaxError, QueryTimeout, StoreUnavailable
from ._execute import Answer

log = logging.getLogger(__name__)

_WORKER_SCRIPT = Path(__file__).with_name("_worker.py")


class _Worker:
    """One child process and the two pipe ends we talk to it through."""

    def __init__(self, path: str):
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        self.proc = subprocess.Popen(
            [sys.executable, str(_WORKER_SCRIPT), str(to_child_r), str(from_child_w), path],
            pass_fds=(to_child_r, from_child_w), stdin=subprocess.DEVNULL, close_fds=True)
        os.close(to_child_r)
        os.close(from_child_w)
        self.send = Connection(to_child_w, readable=False)
        self.recv = Connection(from_child_r, writable=False)

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def kill(self) -> None:
        if self.alive:
            try:
                self.proc.send_signal(signal.SIGKILL)
            except ProcessLookupError:  # pragma: no cover - it died on its own
                pass
        self.proc.wait()
        for c in (self.send, self.recv):
            c.close()


class QueryPool:
    """``size`` worker processes on the store at ``path``; :meth:`run` is thread-safe."""

    def __init__(self, path: str | Path, size: int, generation: Callable[[], int]):
        self.path = str(path)
        self.size = size
        self._generation = generation
        self._idle: queue.Queue[_Worker] = queue.Queue()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._spawn()  # the others start when concurrent queries need them

    def _spawn(self) -> None:
        w = _Worker(self.path)
        with self._lock:
            self._all.add(w)
        self._idle.put(w)

    def _take(self, timeout: float | None) -> _Worker:
        """An idle worker; a new one when all are busy and the pool is not full; else wait."""
        try:
            return self._idle.get_nowait()
        except queue.Empty:
            pass
        with self._lock:
            if len(self._all) < self.size and not self._closed:
                w = _Worker(self.path)
                self._all.add(w)
                return w
        return self._idle.get(timeout=timeout)

    def _retire(self, w: _Worker) -> None:
        """Kill ``w`` (its CPU is free at once); a replacement starts when a query needs one."""
        w.kill()
        with self._lock:
            self._all.discard(w)

    def run(self, query: str, options: dict, timeout: float | None) -> Answer:
        """Run ``query`` in a worker; QueryTimeout when it is not answered within ``timeout`` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            w = self._take(timeout)
        except queue.Empty:
            raise QueryTimeout(f"the query could not start within the time limit ({timeout:g} s): all "
                               f"{self.size} query workers are busy; try again shortly",
                               details={"timeout": timeout}) from None
        if not w.alive:  # died on its own (killed from outside, out of memory)
            self._retire(w)
            return self.run(query, options, None if deadline is None else max(0.0, deadline - time.monotonic()))
        try:
            w.send.send_bytes(pickle.dumps({"query": query, "options": options,
                                            "generation": self._generation()}, protocol=5))
            remaining = None if deadline is None else max(0.0, deadline - time.monotonic())
            answered = w.recv.poll(remaining)
            if answered:
                head = pickle.loads(w.recv.recv_bytes())  # from our own worker only
        except (EOFError, OSError):
            self._retire(w)
            raise BadRequest("the query engine stopped while running this query (it may be too complex)") from None
        except BaseException:
            # Anything else leaves the pipe in an unknown state: never reuse the worker.
            self._retire(w)
            raise
        if not answered:
            self._retire(w)
            with self._lock:
                room = len(self._all) < self.size and not self._closed
            if room:
                self._spawn()  # starts now (fork/exec only): warm by the time the next query comes
            raise QueryTimeout(f"the query ran past the time limit ({timeout:g} s) and was stopped",
                               details={"timeout": timeout})
        self._idle.put(w)
        if head["ok"]:
            return Answer(head["body"], head["media_type"], head["kind"], head["truncated"])
        if head["kind"] == "syntax":
            details = {"line": head["line"], "column": head["column"]} if head.get("line") else None
            raise QuerySyntaxError(head["message"], details=details)
        if head["kind"] == "store":
            raise StoreUnavailable(f"the store could not be read: {head['message']}")
        raise BadRequest(head["message"])

    def close(self) -> None:
        self._closed = True
        with self._lock:
            workers = list(self._all)
            self._all.clear()
        for w in workers:
            w.kill()
