"""A served app starts its query workers at start-up, so the first query does not wait for one."""

import os
import time

import requests

from tests.helpers import COUNT_ALL, ServerProcess


def _parent(pid: int) -> int:
    with open(f"/proc/{pid}/stat") as f:
        return int(f.read().rsplit(")", 1)[1].split()[1])


def _query_workers_under(ancestor: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        pid = int(entry)
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if b"_worker.py" not in f.read():
                    continue
            p = pid
            while p > 1:
                p = _parent(p)
                if p == ancestor:
                    found.append(pid)
                    break
        except OSError:  # the process ended while we looked
            continue
    return found


def test_first_query_finds_a_worker_running(tmp_path):
    env = {"KGAPI_STORE": str(tmp_path / "store"), "KGAPI_SEED": ""}
    with ServerProcess(env) as server:
        deadline = time.monotonic() + 30
        while not _query_workers_under(server.proc.pid):
            assert time.monotonic() < deadline, "no query worker was started before the first query"
            time.sleep(0.2)
        r = requests.get(server.url + "/sparql", params={"query": COUNT_ALL}, timeout=30)
        assert r.status_code == 200
