"""A pool of killable query worker processes for the embedded store: how a time limit is kept.

pyoxigraph cannot cancel a query, and a thread running one cannot be stopped,
so each client query runs in a worker process that opens a read-only snapshot
of the store (see :mod:`kgapi.store.snapshots`; the live directory is not safe
to read next to the writer). A query past its time limit gets its worker
SIGKILLed and replaced, and the client an error at the limit; other requests
are served meanwhile by the other workers and by the server's threads. Each
request names the snapshot to read, the newest when it starts; a worker opens
it when it is not the one it has open (milliseconds: nothing to replay).

A worker that comes free goes to the request that has waited longest: with
first come, first served, a request cannot be passed over by newer ones for
the whole time limit while the workers stay busy.
"""

from __future__ import annotations

import pickle
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections import deque
from multiprocessing.connection import Connection
from pathlib import Path

from ..errors import BadRequest, QuerySyntaxError, QueryTimeout, StoreUnavailable
from ._execute import Answer
from .snapshots import Snapshot, Snapshots

log = logging.getLogger(__name__)

_WORKER_SCRIPT = Path(__file__).with_name("_worker.py")


class _Worker:
    """One child process and the two pipe ends we talk to it through."""

    def __init__(self):
        to_child_r, to_child_w = os.pipe()
        from_child_r, from_child_w = os.pipe()
        #: the snapshots this worker has open or is about to open (the last one), each acquired once
        self.holds: list[Snapshot] = []
        self.proc = subprocess.Popen(
            [sys.executable, str(_WORKER_SCRIPT), str(to_child_r), str(from_child_w)],
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


class _Waiter:
    """A request waiting for a worker; ``worker`` is set (under the pool's lock) when one is handed to it."""

    def __init__(self):
        self.event = threading.Event()
        self.worker: _Worker | None = None


class QueryPool:
    """``size`` worker processes reading ``snapshots``; :meth:`run` is thread-safe."""

    def __init__(self, snapshots: Snapshots, size: int):
        self.snapshots = snapshots
        self.size = size
        self._idle: deque[_Worker] = deque()
        self._waiting: deque[_Waiter] = deque()
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._closed = False
        self._give(self._start())  # the others start when concurrent queries need them

    def _start(self, only_if_room: bool = False) -> _Worker | None:
        """A new worker process (fork/exec only: it imports and boots while the request is sent)."""
        with self._lock:
            if only_if_room and (len(self._all) >= self.size or self._closed):
                return None
            w = _Worker()
            self._all.add(w)
        return w

    def _give(self, w: _Worker) -> None:
        """``w`` is free: to the request that has waited longest, else back to the idle ones."""
        with self._lock:
            while self._waiting:
                waiter = self._waiting.popleft()
                if not waiter.event.is_set():
                    waiter.worker = w
                    waiter.event.set()
                    return
            self._idle.append(w)

    def _take(self, timeout: float | None) -> _Worker:
        """An idle worker; a new one when all are busy and the pool is not full; else the first one
        freed after the requests that were waiting before this one. TimeoutError when none comes."""
        with self._lock:
            if self._idle:
                return self._idle.popleft()
            if len(self._all) < self.size and not self._closed:
                w = _Worker()
                self._all.add(w)
                return w
            waiter = _Waiter()
            self._waiting.append(waiter)
        waiter.event.wait(timeout)
        with self._lock:
            waiter.event.set()  # from now on _give passes this waiter over
            if waiter.worker is not None:
                return waiter.worker
            try:
                self._waiting.remove(waiter)
            except ValueError:  # pragma: no cover - _give already dropped it
                pass
        raise TimeoutError

    def _release(self, w: _Worker, keep: int) -> None:
        """Let go of the snapshots ``w`` no longer has open (all but the last ``keep``)."""
        while len(w.holds) > keep:
            self.snapshots.release(w.holds.pop(0))

    def _retire(self, w: _Worker) -> None:
        """Kill ``w`` (its CPU is free at once); a replacement starts when a query needs one."""
        w.kill()
        self._release(w, 0)
        with self._lock:
            self._all.discard(w)

    def run(self, query: str, options: dict, timeout: float | None) -> Answer:
        """Run ``query`` in a worker; QueryTimeout when it is not answered within ``timeout`` seconds."""
        deadline = None if timeout is None else time.monotonic() + timeout
        try:
            w = self._take(timeout)
        except TimeoutError:
            raise QueryTimeout(f"the query could not start within the time limit ({timeout:g} s): all "
                               f"{self.size} query workers are busy; try again shortly",
                               details={"timeout": timeout}) from None
        if not w.alive:  # died on its own (killed from outside, out of memory)
            self._retire(w)
            return self.run(query, options, None if deadline is None else max(0.0, deadline - time.monotonic()))
        try:
            snapshot = self.snapshots.acquire()  # the newest: reads never go back in time
        except BaseException:
            self._give(w)
            raise
        if w.holds and w.holds[-1] is snapshot:
            self.snapshots.release(snapshot)  # the one it has open: held once per worker
        else:
            w.holds.append(snapshot)
        try:
            w.send.send_bytes(pickle.dumps({"query": query, "options": options,
                                            "snapshot": str(w.holds[-1].path)}, protocol=5))
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
            fresh = self._start(only_if_room=True)
            if fresh is not None:
                self._give(fresh)  # starts now: warm by the time the next query comes
            raise QueryTimeout(f"the query ran past the time limit ({timeout:g} s) and was stopped",
                               details={"timeout": timeout})
        self._release(w, 1)  # it has opened the snapshot it was sent: older ones are closed
        self._give(w)
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
        self.snapshots.close()
