"""One query worker process: reads requests from a pipe, runs them on a read-only store, answers.

Started by :class:`kgapi.store.workers.QueryPool` as a script (``python
_worker.py FD_IN FD_OUT PATH``), not as ``-m kgapi…``, so that it imports
pyoxigraph and nothing else (no rdflib): a replacement worker is ready in a
few tens of milliseconds. It reopens the store when the writer's generation
has moved on, so it always answers from the latest flushed state.
"""

from __future__ import annotations

import pickle
import os
import signal
import sys
from multiprocessing.connection import Connection

import pyoxigraph as ox

from _execute import QueryFailed, open_store, run  # noqa: E402 - this file runs as a script next to it


def main(fd_in: int, fd_out: int, path: str) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides when a worker stops
    inbox, outbox = Connection(fd_in, writable=False), Connection(fd_out, readable=False)
    store, generation = None, None
    while True:
        try:
            request = pickle.loads(inbox.recv_bytes())  # from our own parent only
        except (EOFError, OSError):
            return  # the parent went away
        try:
            if store is None or request["generation"] != generation:
                store = None
                store, generation = open_store(path), request["generation"]
            try:
                answer = run(store, request["query"], **request["options"])
            except (QueryFailed, RuntimeError) as exc:
                if isinstance(exc, QueryFailed) and exc.kind != "evaluation":
                    raise
                # The writer may have compacted files away under us: reopen once and retry.
                store = None
                store = open_store(path)
                answer = run(store, request["query"], **request["options"])
        except QueryFailed as exc:
            outbox.send_bytes(pickle.dumps({"ok": False, "kind": exc.kind, "message": exc.message,
                                            "line": exc.line, "column": exc.column}))
            continue
        except (OSError, RuntimeError) as exc:
            store = None
            outbox.send_bytes(pickle.dumps({"ok": False, "kind": "store", "message": str(exc)}))
            continue
        outbox.send_bytes(pickle.dumps({"ok": True, "media_type": answer.media_type, "kind": answer.kind,
                                        "truncated": answer.truncated, "body": answer.body}, protocol=5))


if __name__ == "__main__":
    main(int(sys.argv[1]), int(sys.argv[2]), sys.argv[3])
    os._exit(0)
