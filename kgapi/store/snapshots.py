"""Read-only snapshots of the embedded store, one per state the query workers are asked to read.

A query worker cannot read the live store directory safely: RocksDB opens a
read-only instance's table files one by one as queries need them, and the
writer's compactions delete the files they merge. A query that then needs one
of them does not fail: pyoxigraph spins on the error for ever (seen as reads
stalled for the whole time limit under load). A checkpoint (``Store.backup``:
hard links to the table files, a few tens of milliseconds, no data copied) is
never compacted, so what a worker opened stays there until it lets go of it.

The writer makes one after each write, before its generation moves (so
queries never wait for a writer), between writes (a checkpoint copies the
write-ahead log, which must not grow meanwhile); a query reads the newest one,
so reads are monotonic, see every write answered before they started, and see
each write whole or not at all (a write is one RocksDB transaction). A
snapshot is removed once no worker holds it and a newer one exists; while a
worker holds an old one, table files the writer has compacted away stay on disk.
"""

from __future__ import annotations

import logging
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ..errors import StoreUnavailable

log = logging.getLogger(__name__)

#: where, inside the store directory, snapshots are kept (hard links need the same file system)
DIRECTORY = "kgapi-query-snapshots"


@dataclass(eq=False)
class Snapshot:
    generation: int
    path: Path
    users: int = 0


class Snapshots:
    """Snapshots in ``root`` of a store whose writer calls :meth:`update` after each write (holding its
    write lock); ``refresh()`` asks the store for one when there is none as new as its generation
    (it takes the write lock, then calls :meth:`update`). Thread-safe."""

    def __init__(self, root: Path, generation: Callable[[], int], refresh: Callable[[], None]):
        self.root = Path(root)
        self._generation = generation
        self._refresh = refresh
        self._lock = threading.Lock()
        self._latest: Snapshot | None = None
        self._made = 0
        shutil.rmtree(self.root, ignore_errors=True)  # left by a process that did not close the store
        self.root.mkdir(parents=True)

    def update(self, generation: int, checkpoint: Callable[[Path], None]) -> None:
        """Called by the writer between writes: ``checkpoint(path)`` writes the store as of
        ``generation`` there; it becomes the newest snapshot (queries then never wait for one)."""
        with self._lock:
            self._made += 1
            path = self.root / str(self._made)
            try:
                checkpoint(path)
            except BaseException:
                shutil.rmtree(path, ignore_errors=True)
                raise
            latest, self._latest = self._latest, Snapshot(generation, path)
            if latest is not None and latest.users <= 0:
                self._remove(latest)

    def acquire(self) -> Snapshot:
        """The newest snapshot, at least as new as the writer's generation now; :meth:`release` it."""
        for attempt in range(2):
            with self._lock:
                latest = self._latest
                if latest is not None and latest.generation >= self._generation():
                    latest.users += 1
                    return latest
            if attempt == 0:
                try:
                    self._refresh()  # not under self._lock: the writer takes its lock, then this one
                except (OSError, RuntimeError) as exc:
                    raise StoreUnavailable(f"could not snapshot the store for reading: {exc}") from None
        raise StoreUnavailable("could not snapshot the store for reading: the store keeps changing")

    def release(self, snapshot: Snapshot) -> None:
        """A worker has closed ``snapshot`` (or died): removed when nobody else holds it and it is not the newest."""
        with self._lock:
            snapshot.users -= 1
            if snapshot.users <= 0 and snapshot is not self._latest:
                self._remove(snapshot)

    def on_disk(self) -> list[Path]:
        """The snapshot directories there are (what tests look at)."""
        return sorted(p for p in self.root.iterdir() if p.is_dir())

    def close(self) -> None:
        with self._lock:
            self._latest = None
            shutil.rmtree(self.root, ignore_errors=True)

    @staticmethod
    def _remove(snapshot: Snapshot) -> None:
        shutil.rmtree(snapshot.path, ignore_errors=True)
