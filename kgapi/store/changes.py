"""Which graphs this process's writes touched: what lets readers' indexes update instead of rebuild.

Every write moves the store's ``generation``; the log keeps, for the last
writes, the names of the graphs each one replaced, added to or dropped (None
when the write could have touched any graph: a SPARQL update, a bulk load).
An index built at generation N asks :meth:`ChangeLog.since` what changed
after N: a set of graph names it can re-read one by one, or None, and then it
rebuilds from scratch.
"""

from __future__ import annotations

import threading
from collections import deque
from typing import Iterable

#: writes remembered; an index further behind than this rebuilds
LOG_SIZE = 4096


class ChangeLog:
    """(generation, graphs or None) of the latest writes, thread-safe."""

    def __init__(self, size: int = LOG_SIZE):
        self._log: deque[tuple[int, frozenset[str] | None]] = deque(maxlen=size)
        self._lock = threading.Lock()

    def record(self, generation: int, graphs: Iterable[str] | None) -> None:
        """The write that made ``generation`` touched ``graphs`` (None: it may have touched any)."""
        entry = None if graphs is None else frozenset(str(g) for g in graphs)
        with self._lock:
            self._log.append((generation, entry))

    def since(self, generation: int | None, current: int | None) -> frozenset[str] | None:
        """Graphs written after ``generation`` up to ``current``; None when unknown."""
        if generation is None or current is None:
            return None
        if generation == current:
            return frozenset()
        with self._lock:
            entries = [g for n, g in self._log if generation < n <= current]
        if len(entries) != current - generation or any(g is None for g in entries):
            return None
        return frozenset().union(*entries)
