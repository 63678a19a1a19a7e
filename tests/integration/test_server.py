"""The real server: ``kgapi serve`` in a child process, spoken to over HTTP."""

import requests

from tests.helpers import SEED_DIR, ServerProcess


def test_serves_seed_keeps_data_across_restart_and_reingest(tmp_path):
    env = {"KGAPI_STORE": str(tmp_path / "store"), "KGAPI_SEED": str(SEED_DIR), "KGAPI_TOKEN": "t"}
    with ServerProcess(env) as server:
        n = server.sparql_count()
        assert n > 0
        health = requests.get(server.url + "/health", timeout=10).json()
        assert health["articles"] == 1
        docs = requests.get(server.url + "/docs", timeout=10)
        assert docs.status_code == 200 and "swagger-ui" in docs.text
        assert requests.get(server.url + "/swagger.json", timeout=10).json()["info"]["title"] == "kgapi"
        bad = requests.get(server.url + "/sparql", params={"query": "nonsense"}, timeout=10)
        assert bad.status_code == 400 and bad.json()["error"]["code"] == "query_syntax_error"
    # restart on the same store: the data is still there and the seed is not ingested twice
    with ServerProcess(env) as server:
        assert server.sparql_count() == n
        assert requests.get(server.url + "/health", timeout=10).json()["articles"] == 1


def test_empty_seed_setting_ingests_nothing(tmp_path):
    env = {"KGAPI_STORE": str(tmp_path / "store"), "KGAPI_SEED": ""}
    with ServerProcess(env) as server:
        assert requests.get(server.url + "/health", timeout=10).json()["articles"] == 0


def test_two_servers_on_one_embedded_store_fail_clearly(tmp_path):
    env = {"KGAPI_STORE": str(tmp_path / "store"), "KGAPI_SEED": ""}
    with ServerProcess(env):
        second = ServerProcess(env)
        try:
            second.start(timeout=30)
            raise AssertionError("a second server opened the same store")
        except RuntimeError as exc:
            assert "open in another process" in str(exc)
        finally:
            second.stop()
