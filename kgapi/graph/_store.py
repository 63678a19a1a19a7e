"""The rdflib store an article graph is built in: cheap adds, indexes only when asked.

Building an article adds a few hundred triples and then reads them back whole (SHACL fast
path, N-Triples for the store), so the triples are kept in insertion order and rdflib's
``SimpleMemory`` indexes are filled only when a pattern (``g.value(s, p)``, ``g.remove``…)
first needs them. rdflib's default ``Memory`` store keeps contexts and fires an event per
add, which made adding the triples most of the cost of :func:`kgapi.graph.build.build`.
"""

from __future__ import annotations

from rdflib.plugins.stores.memory import SimpleMemory


class ArticleStore(SimpleMemory):
    """One graph's triples: a set in insertion order, with rdflib's indexes built lazily."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._all: dict = {}  # triple → None: an ordered set
        self._unindexed: list = []

    def add(self, triple, context, quoted=False) -> None:
        if triple not in self._all:
            self._all[triple] = None
            self._unindexed.append(triple)

    def _index(self) -> None:
        if self._unindexed:
            add = super().add
            for triple in self._unindexed:
                add(triple, None)
            self._unindexed = []

    def triples(self, triple_pattern, context=None):
        s, p, o = triple_pattern
        if s is None and p is None and o is None:
            for triple in list(self._all):
                yield triple, iter(())
            return
        self._index()
        yield from super().triples(triple_pattern, context)

    def remove(self, triple_pattern, context=None) -> None:
        self._index()
        for triple, _ctx in list(super().triples(triple_pattern)):
            del self._all[triple]
        super().remove(triple_pattern, context)

    def __len__(self, context=None) -> int:
        return len(self._all)


def triples_of(graph):
    """Every triple of ``graph``: straight from an :class:`ArticleStore` (no generator per triple), else by iterating."""
    store = graph.store
    if type(store) is ArticleStore:
        return list(store._all)
    return graph
