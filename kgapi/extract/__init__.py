"""Article text → claims.

``extract(text, title=None, url=None, published=None, source=None)`` returns a
plain dict, the *extraction contract* that the graph layer, ``POST /extract``
and ``kgapi extract`` share (ids only; the graph layer adds IRIs)::

    {"article": {"id", "title", "published": "YYYY-MM-DD"|None, "url", "source",
                 "text": body the offsets point into},
     "entities": [{"id", "label", "type": "Person|State|Organization|Place", "aliases": [..]}],
     "roles": [{"person": ref, "role": str, "of": ref|None, <provenance>}],
     "deployments": [{"sending_state": ref|None, "host_state": ref|None, "location": ref|None,
                      "personnel": [{"count": int|None, "min": int|None,
                                     "qualifier": str|None, "kind": str|None}],
                      "start": iso|None, "end": iso|None, "status": str, <provenance>}],
     "events": [{"type", "label", "date": iso|None, "participants": [ref],
                 "location": ref|None, <provenance>}],
     "extractor": {"name": "kgapi", "version": str}}

where ``ref`` is ``{"id", "label"}`` of an entry in ``entities`` and
``<provenance>`` is ``"sources": [{"sentence", "start", "end"}]`` (offsets into
``article.text``), ``"according_to": [{"id"?, "label"}]`` and ``"modality"`` (one
of asserted, attributed, believed, intended, anticipated, negated).
"""

from __future__ import annotations



def __getattr__(name: str):
    """``extract`` and ``EXTRACTOR_VERSION`` load the extractor on first use (its lexicons and
    patterns take about half a second): reading structured claims, importing or serving a
    store that is already seeded never needs them."""
    if name in ("extract", "EXTRACTOR_VERSION"):
        from . import pipeline

        return getattr(pipeline, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def extract_document(*args, **kwargs):
    """Plain text or HTML (by content type) → claims; see :mod:`kgapi.extract.document`."""
    from .document import extract_document as _impl

    return _impl(*args, **kwargs)


__all__ = ["extract", "extract_document", "EXTRACTOR_VERSION"]
