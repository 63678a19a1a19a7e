"""Bounded load on loopback: a few threads, each with its own HTTP session, until a deadline.

Every outcome is kept (time, what was asked, status or the exception's name) so
that a test can say exactly what went wrong and when.
"""

from __future__ import annotations

import threading
import time
from dataclasses import dataclass, field
from typing import Callable

import requests


@dataclass
class Outcome:
    t: float          # seconds since the load started, when the request was sent
    what: str
    status: int | None
    error: str | None = None
    detail: str = ""
    end: float = 0.0  # ... and when its answer (or its failure) came


@dataclass
class Load:
    """``fn(session, worker, i)`` → (what, response) called in ``threads`` threads, bounded by time and count."""

    fn: Callable[[requests.Session, int, int], tuple[str, requests.Response | None]]
    threads: int = 4
    seconds: float = 5.0
    max_calls: int = 5000
    outcomes: list[Outcome] = field(default_factory=list)

    def __post_init__(self):
        self._stop = threading.Event()
        self._lock = threading.Lock()
        self._workers: list[threading.Thread] = []
        self.t0 = 0.0

    def start(self) -> "Load":
        self.t0 = time.monotonic()
        self._workers = [threading.Thread(target=self._run, args=(w,), daemon=True) for w in range(self.threads)]
        for t in self._workers:
            t.start()
        return self

    def _run(self, worker: int) -> None:
        session = requests.Session()
        i = 0
        while not self._stop.is_set() and time.monotonic() - self.t0 < self.seconds and i < self.max_calls:
            t = time.monotonic() - self.t0
            try:
                what, resp = self.fn(session, worker, i)
                out = Outcome(t, what, resp.status_code if resp is not None else None,
                              detail=resp.text[:300] if resp is not None and resp.status_code >= 400 else "")
            except requests.RequestException as exc:  # fn may say what it was asking in session.what
                out = Outcome(t, getattr(session, "what", "?"), None, type(exc).__name__, str(exc)[:200])
            except AssertionError as exc:  # a check inside fn failed: keep it, carry on
                out = Outcome(t, "check", None, "AssertionError", str(exc)[:500])
            out.end = time.monotonic() - self.t0
            with self._lock:
                self.outcomes.append(out)
            i += 1
        session.close()

    def stop(self) -> list[Outcome]:
        self._stop.set()
        for t in self._workers:
            t.join(60)
        return self.outcomes

    def wait(self) -> list[Outcome]:
        for t in self._workers:
            t.join(self.seconds + 60)
        return self.stop()
