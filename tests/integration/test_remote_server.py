"""``kgapi serve --workers 2`` on a real oxigraph server: the stateless API, several processes, one store."""

import concurrent.futures as cf

import requests

from tests.helpers import SEED_DIR, ServerProcess


def test_two_workers_serve_one_remote_store(remote):
    env = {"KGAPI_STORE": remote.query_url, "KGAPI_SEED": str(SEED_DIR), "KGAPI_WORKERS": "2",
           "KGAPI_THREADS": "2", "KGAPI_TOKEN": "t"}
    with ServerProcess(env) as server:
        n = server.sparql_count()
        assert n > 0
        health = requests.get(server.url + "/health", timeout=10).json()
        assert health["store"] == "remote" and health["articles"] == 1

        def ask(_):
            r = requests.get(server.url + "/health", timeout=10)
            return r.status_code, r.json()["triples"]

        with cf.ThreadPoolExecutor(8) as pool:
            answers = list(pool.map(ask, range(40)))
        assert answers == [(200, n)] * 40
    # the data lives in the store, not in the API: a new API process sees it and does not re-seed
    with ServerProcess({**env, "KGAPI_WORKERS": "1"}) as server:
        assert server.sparql_count() == n
