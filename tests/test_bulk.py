"""Bulk ingest, import and export, on the embedded store and on a remote oxigraph server."""

import json

import pyoxigraph as ox
import pytest

from kgapi.cli import main
from kgapi.graph import Minter, build
from kgapi.ingest import Pipeline
from kgapi.settings import Settings
from kgapi.store import EmbeddedStore
from kgapi.store.dump import export, import_file
from kgapi.store.remote import RemoteStore
from tests.graph.test_build import extraction
from tests.helpers import SEED_FILE

BASE = "http://kg.test/"


def canonical(store) -> set:
    """The dataset as a set of quads with blank nodes canonicalized (so two copies compare equal)."""
    ds = ox.Dataset(store.quads())
    ds.canonicalize(ox.CanonicalizationAlgorithm.RDFC_1_0)
    return set(ds)


def articles(tmp_path, n, bad=()):
    """n structured-claims files, plus broken ones named in ``bad``."""
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(n):
        x = extraction()
        x["article"]["id"] = f"bulk-{i:03d}"
        x["entities"][0]["aliases"] = [f"K{i}"]
        (folder / f"a{i:03d}.json").write_text(json.dumps(x))
    for name in bad:
        x = extraction()
        x["article"]["id"] = name
        x["deployments"][0]["status"] = "rumoured"
        (folder / f"{name}.json").write_text(json.dumps(x))
    (folder / "notes.txt").write_bytes(b"\xff\xfe not utf-8")
    return folder


def store_args(backend, tmp_path, request):
    if backend == "remote":
        server = request.getfixturevalue("remote")
        return ["--store", server.query_url], lambda: RemoteStore(server.query_url)
    path = str(tmp_path / "store")
    return ["--store", path], lambda: EmbeddedStore(path)


@pytest.mark.parametrize("backend", ["embedded", "remote"])
def test_cli_bulk_ingest_skips_failures_and_batches_the_rest(runner, tmp_path, request, backend):
    folder = articles(tmp_path, 20, bad=("broken-1",))
    args, opener = store_args(backend, tmp_path, request)
    r = runner.invoke(main, ["ingest", *args, "--base-iri", BASE, "--batch", "8", "--no-progress", str(folder)])
    assert r.exit_code == 0, r.output
    assert "ingested 20 article(s)" in r.output and "2 failed" in r.output
    assert "broken-1.json" in r.output and "notes.txt" in r.output and "articles/s" in r.output
    with opener() as s:
        graphs = [g for g in s.named_graphs() if "/articles/" in g]
        assert len(graphs) == 20
        assert not s.has_graph(Minter(BASE).article("broken-1"))


def test_bulk_ingest_in_worker_processes_gives_the_same_store(tmp_path, store):
    folder = articles(tmp_path, 12, bad=("broken-2",))
    p = Pipeline.from_settings(store, Settings.load({"store": "memory", "base_iri": BASE}, environ={}))
    seen = []
    done, failed = p.ingest_paths(sorted(folder.iterdir()), batch=4, jobs=2,
                                  progress=lambda res, path, exc: seen.append(path.name))
    assert len(done) == 12 and len(failed) == 2
    assert sorted(seen) == sorted(x.name for x in folder.iterdir())
    assert {f[1].code for f in failed} >= {"bad_request"}
    one = EmbeddedStore(tmp_path / "one")
    Pipeline.from_settings(one, Settings.load({"store": "memory", "base_iri": BASE}, environ={})) \
        .ingest_paths(sorted(folder.iterdir()), batch=1)
    assert canonical(one) == canonical(store)
    one.close()


def test_a_store_refusing_one_batch_still_gets_the_good_articles(tmp_path, store, monkeypatch):
    from kgapi.errors import BadRequest

    folder = articles(tmp_path, 6)
    real = store.write_articles

    def picky(graphs, registry):
        graphs = list(graphs)
        if any(name.endswith("bulk-003") for name, _ in graphs):
            raise BadRequest("refused")
        real(graphs, registry)

    monkeypatch.setattr(store, "write_articles", picky)
    p = Pipeline.from_settings(store, Settings.load({"store": "memory", "base_iri": BASE}, environ={}))
    done, failed = p.ingest_paths(sorted(folder.glob("*.json")), batch=6)
    assert len(done) == 5 and [f[0].name for f in failed] == ["a003.json"]


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
@pytest.mark.virtuoso_differs("Virtuoso has no plain default graph of its own: INSERT DATA without GRAPH is "
                               "refused, so the default graph's triples cannot round-trip (README)")
def test_export_then_import_gives_the_same_dataset(any_store, tmp_path, fmt):
    p = Pipeline.from_settings(any_store, Settings.load({"store": "memory", "base_iri": BASE}, environ={}))
    p.ensure_ontology()   # has blank nodes
    p.ingest_paths([SEED_FILE])
    any_store.replace_graphs([(b.article_iri, b.graph) for b in (build(extraction(), Minter(BASE)),)])
    any_store.update('INSERT DATA { <http://kg.test/x> <http://kg.test/p> "in the default graph" }')
    out = tmp_path / f"dump.{ 'nq' if fmt == 'nquads' else fmt}"
    with open(out, "wb") as f:
        n = export(any_store, f, fmt)
    before = canonical(any_store)
    assert n == len(before) > 50
    target = EmbeddedStore(tmp_path / "copy")
    stats = import_file(target, out)
    assert stats["quads"] == n and canonical(target) == before
    # importing again replaces each graph: nothing doubles (the SPARQL path, the store is not empty)
    import_file(target, out)
    assert canonical(target) == before
    target.close()
    # and into the same kind of store we exported from
    any_store.update("DROP SILENT ALL")
    import_file(any_store, out)
    assert canonical(any_store) == before


def test_round_trip_through_the_cli_on_the_remote_store(runner, remote, tmp_path):
    r = runner.invoke(main, ["ingest", "--store", remote.query_url, "--no-progress", str(SEED_FILE)])
    assert r.exit_code == 0, r.output
    src = RemoteStore(remote.query_url)
    before = canonical(src)
    dump = tmp_path / "d.nq"
    r = runner.invoke(main, ["export", "--store", remote.query_url, "--format", "nquads", "-o", str(dump)])
    assert r.exit_code == 0, r.output
    remote.clear()
    assert canonical(src) == set()
    r = runner.invoke(main, ["import", "--store", remote.query_url, str(dump)])
    assert r.exit_code == 0 and "imported" in r.output, r.output
    assert canonical(src) == before


def test_turtle_export_of_one_graph_and_import_into_a_named_graph(store, tmp_path, runner):
    built = build(extraction(), Minter(BASE))
    store.replace_graph(built.article_iri, built.graph)
    out = tmp_path / "a.ttl"
    with open(out, "wb") as f:
        assert export(store, f, "turtle", graph=str(built.article_iri)) == len(built.graph)
    other = EmbeddedStore(tmp_path / "o")
    other.update("INSERT DATA { GRAPH <http://kg.test/keep> { <http://kg.test/a> <http://kg.test/b> 1 } }")
    import_file(other, out, graph="http://kg.test/copy")
    assert other.count() == len(built.graph) + 1
    other.close()


def test_import_refuses_what_it_cannot_read(runner, tmp_path):
    bad = tmp_path / "bad.trig"
    bad.write_text("<http://a> <http://b> .")
    r = runner.invoke(main, ["import", "--store", str(tmp_path / "s"), str(bad)])
    assert r.exit_code == 1 and "not valid trig" in r.output
    odd = tmp_path / "data.xyz"
    odd.write_text("")
    r = runner.invoke(main, ["import", "--store", str(tmp_path / "s"), str(odd)])
    assert r.exit_code == 1 and "--format" in r.output


def test_bulk_writes_are_read_back_at_once_and_flushed_at_the_end(tmp_path):
    """Inside ``bulk_writes`` (kgapi ingest) each write is its own transaction, seen by the next read;
    the store flushes at the end (and on an error), and then holds every article when reopened."""
    folder = articles(tmp_path, 5)
    path = tmp_path / "store"
    store = EmbeddedStore(path)
    p = Pipeline.from_settings(store, Settings.load({"store": "memory", "base_iri": BASE}, environ={}))
    with store.bulk_writes():
        done, _failed = p.ingest_paths(sorted(folder.glob("*.json")), batch=2)
        assert len(done) == 5 and store.count(Minter(BASE).article("bulk-004")) > 0
        assert store._flush_writes is False
    assert store._flush_writes is True
    with pytest.raises(RuntimeError):
        with store.bulk_writes():
            raise RuntimeError("interrupted")
    assert store._flush_writes is True
    store.close()
    again = EmbeddedStore(path)
    names = {str(g) for g in again.named_graphs()}
    assert {str(Minter(BASE).article(f"bulk-{i:03d}")) for i in range(5)} <= names
    assert str(Minter(BASE).registry()) in names
    again.close()
