"""The extraction of every test article builds a graph that passes the SHACL shapes."""

import pytest

from kgapi.extract import extract

from .conftest import ARTICLES


@pytest.mark.parametrize("path", sorted(ARTICLES.glob("*.txt")), ids=lambda p: p.name)
def test_builds_and_validates(path):
    from kgapi.graph.build import build
    from kgapi.graph.iris import Minter

    try:
        from kgapi.graph.shacl import check
    except ImportError:  # pragma: no cover
        check = None
    built = build(extract(path.read_text(encoding="utf-8")), Minter("http://127.0.0.1:5000/"))
    assert len(built.graph) > 0
    if check is not None:
        check(built.graph)
