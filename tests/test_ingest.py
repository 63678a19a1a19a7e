"""The pipeline on a real store: seed in, idempotent re-ingest, nothing written on failure."""

import json

import pytest

from kgapi.errors import BadRequest, ValidationFailed
from kgapi.graph import ONTOLOGY_IRI
from kgapi.ingest import Pipeline, article_files
from kgapi.settings import Settings
from tests.helpers import SEED_DIR, SEED_FILE


@pytest.fixture
def store(any_store):
    """Every pipeline test runs on the embedded store and on a remote oxigraph server."""
    return any_store


@pytest.fixture
def pipeline(store):
    p = Pipeline.from_settings(store, Settings.load({"store": "memory", "base_iri": "http://kg.test/"}, environ={}))
    p.ensure_ontology()
    return p


def test_ontology_is_queryable_in_its_own_graph(pipeline, store):
    from rdflib import URIRef

    assert store.has_graph(URIRef(ONTOLOGY_IRI))
    rows = store.select(f"SELECT ?c WHERE {{ GRAPH <{ONTOLOGY_IRI}> {{ ?c a <http://www.w3.org/2002/07/owl#Class> }} }}")
    assert len(rows) >= 8
    before = store.count()
    pipeline.ensure_ontology()
    assert store.count() == before


def test_ontology_graph_has_no_blank_nodes(store, pipeline):
    # Blank nodes would make two loads of the ontology (two API processes) differ.
    from rdflib import BNode, Graph

    from kgapi.graph import ONTOLOGY_FILE

    assert not any(isinstance(t, BNode) for triple in Graph().parse(ONTOLOGY_FILE) for t in triple)


def test_seed_goes_in_once_and_reingest_changes_nothing(pipeline, store):
    assert pipeline.seed(SEED_DIR) == 1
    first = store.count()
    assert first > 0
    assert pipeline.seed(SEED_DIR) == 0          # not empty any more
    result = pipeline.ingest_path(SEED_FILE)      # explicit re-ingest
    assert store.count() == first
    assert result["article"]["published"] == "2025-12-06"
    assert len(pipeline.article_graphs()) == 1


def test_a_failing_article_writes_nothing(pipeline, store, tmp_path, monkeypatch):
    before = store.count()
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps({"article": {"id": "x", "title": "T", "text": "t"},
                               "entities": [{"label": "X", "type": "Alien"}]}))
    with pytest.raises(BadRequest):
        pipeline.ingest_path(bad)
    assert store.count() == before

    import kgapi.ingest as ingest_mod

    def failing(*graphs):
        raise ValidationFailed("broken on purpose")

    monkeypatch.setattr(ingest_mod, "shacl_check", failing)
    with pytest.raises(ValidationFailed):
        pipeline.ingest_path(SEED_FILE)
    assert store.count() == before


def test_bulk_skips_failures_and_keeps_the_rest(pipeline, tmp_path):
    (tmp_path / "empty.txt").write_text("   ")
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9".encode("latin-1"))
    (tmp_path / "seed.txt").write_text(SEED_FILE.read_text())
    done, failed = pipeline.ingest_paths(article_files([tmp_path]))
    assert len(done) == 1
    assert sorted(p.name for p, _ in failed) == ["empty.txt", "latin1.txt"]


def test_structured_claims_round_trip(pipeline, store):
    result = pipeline.dry_run(SEED_FILE.read_text(), source="seed.txt")
    result["entities"].append({"id": "testland", "label": "Testland", "type": "State", "aliases": []})
    out = pipeline.ingest_structured(result)
    assert any(e["id"] == "testland" for e in out["entities"])
    assert store.count(pipeline.minter.article(out["article"]["id"])) == out["triples"]
