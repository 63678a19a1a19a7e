"""The kgapi command, through click's runner and as a real process."""

import json
import subprocess
import sys

from kgapi.cli import main
from tests.helpers import COUNT_ALL, SEED_FILE


def test_help_lists_settings(runner):
    r = runner.invoke(main, ["--help"])
    assert r.exit_code == 0
    for var in ("KGAPI_STORE", "KGAPI_TOKEN", "KGAPI_QUERY_TIMEOUT", "KGAPI_SEED"):
        assert var in r.output
    r = runner.invoke(main, ["serve", "--help"])
    assert "--query-timeout" in r.output and "--store" in r.output


def test_settings_command_matches_the_readme(runner):
    from tests.helpers import ROOT

    r = runner.invoke(main, ["settings", "--markdown"])
    assert r.exit_code == 0 and "| `KGAPI_PORT` |" in r.output
    assert r.output.strip() in (ROOT / "README.md").read_text(), "README settings table is stale"


def test_extract_prints_the_contract(runner):
    r = runner.invoke(main, ["extract", str(SEED_FILE)])
    assert r.exit_code == 0, r.output
    doc = json.loads(r.output)
    assert set(doc) >= {"article", "entities", "roles", "deployments", "events", "claims", "triples"}
    assert doc["article"]["published"] == "2025-12-06"


def test_ingest_into_a_directory_store_twice(runner, tmp_path):
    store = str(tmp_path / "store")
    r1 = runner.invoke(main, ["ingest", "--store", store, str(SEED_FILE)])
    assert r1.exit_code == 0, r1.output
    assert "ingested 1 article(s)" in r1.output
    r2 = runner.invoke(main, ["ingest", "--store", store, str(SEED_FILE)])
    import re

    triples = [re.search(r"(\d+) triples", r.output).group(1) for r in (r1, r2)]
    assert triples[0] == triples[1] and int(triples[0]) > 0  # same triple count
    from kgapi.store import EmbeddedStore

    with EmbeddedStore(store) as s:
        n = int(s.select(COUNT_ALL)[0]["n"])
        assert n > 0
        assert len([g for g in s.named_graphs() if "/articles/" in g]) == 1


def test_ingest_reports_missing_files(runner, tmp_path):
    r = runner.invoke(main, ["ingest", "--store", str(tmp_path / "s"), str(tmp_path / "nope.txt")])
    assert r.exit_code != 0 and "no such file" in r.output


def test_workers_need_a_remote_store(runner):
    r = runner.invoke(main, ["serve", "--workers", "2", "--store", "memory"])
    assert r.exit_code != 0 and "remote store" in r.output


def test_console_script_runs():
    out = subprocess.run([sys.executable, "-m", "kgapi", "--version"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and "kgapi" in out.stdout
