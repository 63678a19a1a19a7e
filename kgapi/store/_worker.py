"""One query worker process: reads requests from a pipe, runs them on a read-only snapshot, answers.

Started by :class:`kgapi.store.workers.QueryPool` as a script (``python
_worker.py FD_IN FD_OUT``), not as ``-m kgapi…``, so that it imports
pyoxigraph and nothing else (no rdflib): a replacement worker is ready in a
few tens of milliseconds. Each request names the snapshot to read (see
:mod:`kgapi.store.snapshots`); the worker opens it when it is not the one it
has open, closing that one first.
"""

from __future__ import annotations

import pickle
import os
import signal
import sys
from multiprocessing.connection import Connection

import pyoxigraph as ox

from _execute import QueryFailed, open_store, run  # noqa: E402 - this file runs as a script next to it


def main(fd_in: int, fd_out: int) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when a worker stops
    inbox, outbox = Connection(fd_in, writable=False), Connection(fd_out, readable=False)
    store, path = None, None
    while True:
        try:
            request = pickle.loads(inbox.recv_bytes())  # from our own parent only
        except (EOFError, OSError):
            return  # the parent went away
        try:
            if store is None or request["snapshot"] != path:
                store = path = None  # closed before the next is opened: the pool then lets go of it
                store, path = open_store(request["snapshot"]), request["snapshot"]
            answer = run(store, request["query"], **request["options"])
        except QueryFailed as exc:
            outbox.send_bytes(pickle.dumps({"ok": False, "kind": exc.kind, "message": exc.message,
                                            "line": exc.line, "column": exc.column}))
            continue
        except (OSError, RuntimeError) as exc:
            store = path = None
            outbox.send_bytes(pickle.dumps({"ok": False, "kind": "store", "message": str(exc)}))
            continue
        outbox.send_bytes(pickle.dumps({"ok": True, "media_type": answer.media_type, "kind": answer.kind,
                                        "truncated": answer.truncated, "body": answer.body}, protocol=5))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]))
    os._exit(0)
