"""Store backends behind one interface: embedded Oxigraph (default) or a remote SPARQL server."""

from __future__ import annotations

from .base import RawResult, Store
from .embedded import EmbeddedStore


def open_store(settings) -> Store:
    """The backend ``settings.store`` names: a directory, 'memory', or an http(s) endpoint URL."""
    target = str(settings.store)
    if settings.is_remote:
        from .remote import RemoteStore

        return RemoteStore(target, update_url=settings.store_update or None,
                           user=settings.store_user or None, password=settings.store_password or None,
                           timeout=settings.query_timeout, dialect=settings.store_dialect,
                           union_default_graph=settings.union_default_graph)
    workers = getattr(settings, "query_workers", 2)
    if target == "memory":
        return EmbeddedStore(None, query_workers=workers)
    return EmbeddedStore(target, query_workers=workers)


__all__ = ["EmbeddedStore", "RawResult", "Store", "open_store"]
