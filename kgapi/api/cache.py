"""Answers kept until the store changes: the label index and assembled views.

A popular entity (a state named in most articles) has thousands of facts;
counting, ranking and reading them is work proportional to that. Every GET
answer is a function of the store's content, so it is kept, keyed by what was
asked, until the store's change token moves (see :class:`LabelIndex`): then
repeated requests cost a dictionary look-up. This process's own writes move
the token at once; on a remote store, other processes' writes within
``KGAPI_SEARCH_REFRESH`` seconds.
"""

from __future__ import annotations

import threading
from collections import OrderedDict

from flask import current_app

from .common import state
from .http import Kept
from .labels import LabelIndex

VIEW_CACHE_SIZE = 512


def labels() -> LabelIndex:
    """This process's label index (one per app)."""
    ext = current_app.extensions
    index = ext.get("kgapi.labels")
    if index is None:
        st = state()
        index = ext.setdefault("kgapi.labels", LabelIndex(st.store, st.minter,
                                                          float(getattr(st.settings, "search_refresh", 5.0)),
                                                          facts=fact_index()))
    return index


class ViewCache:
    """Assembled answers (LRU), valid while the store's change token stays the same."""

    def __init__(self, size: int = VIEW_CACHE_SIZE):
        self.size = size
        self._token = None
        self._views: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key, token, make):
        with self._lock:
            if token != self._token:
                self._views.clear()
                self._token = token
            view = self._views.get(key)
            if view is not None:
                self._views.move_to_end(key)
                return view
        view = make()
        if isinstance(view, dict) and not isinstance(view, Kept):
            view = Kept(view)
        with self._lock:
            if token == self._token:
                self._views[key] = view
                while len(self._views) > self.size:
                    self._views.popitem(last=False)
        return view


def fact_index():
    """This process's :class:`~kgapi.api.factindex.FactIndex` (embedded stores), or None."""
    ext = current_app.extensions
    if "kgapi.facts" not in ext:
        st = state()
        index = None
        if getattr(st.settings, "fact_index", True) and hasattr(st.store, "changes_since") \
                and getattr(st.store, "ox", None) is not None:
            from .factindex import FactIndex

            index = FactIndex(st.store, str(st.minter.entity("")))
        ext.setdefault("kgapi.facts", index)
    return ext["kgapi.facts"]


def entity_facts(iri: str):
    """The fact index's view around one entity; None when there is no index or it is loading."""
    index = fact_index()
    return index.entity(iri) if index is not None else None


def _view_cache() -> ViewCache:
    return current_app.extensions.setdefault("kgapi.entity_views", ViewCache())



def cached(key, make):
    """``make()``'s answer for ``key``, computed again only after the store changed."""
    cache = current_app.extensions.setdefault("kgapi.views", ViewCache())
    return cache.get(key, labels().token(), make)
