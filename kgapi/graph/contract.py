"""The JSON shapes of the extraction contract, one function per shape.

:func:`kgapi.graph.build.build` (an ingest, a dry run) and the readers in
:mod:`kgapi.graph.read` (every GET) both make their answers with these
functions, so a deployment, an event or an entity is the same JSON whether it
comes back from ``POST /articles`` or from ``GET /deployments/{id}``. Lists are
put in one canonical order here for the same reason: the store keeps no order.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

from ..errors import BadRequest

_NO_OFFSET = 1 << 62
#: characters that are not text: C0 controls but tab, LF and CR, lone surrogates, U+FFFE, U+FFFF.
#: XML 1.0 cannot carry them (so neither can RDF/XML or SPARQL XML results) nor UTF-8 the surrogates.
_NOT_TEXT = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


#: the entity types each slot that points to an entity admits (participants admit any type)
SLOT_TYPES: dict[str, tuple[str, ...]] = {
    "person": ("Person",), "of": ("State", "Organization"),
    "sending_state": ("State",), "host_state": ("State",), "location": ("Place",),
}


def ref(ident: str, iri: str, label: str) -> dict[str, Any]:
    """A pointer to an entity: ``{"id", "iri", "label"}``."""
    return {"id": ident, "iri": iri, "label": label}


def entity(ident: str, iri: str, label: str, etype: str, aliases: Iterable[str]) -> dict[str, Any]:
    return {"id": ident, "iri": iri, "label": label, "type": etype,
            "aliases": sorted({a for a in aliases if a and a != label}, key=lambda a: (_fold(a), a))}


def article(ident: str, iri: str, title: str, published: str | None, url: str | None) -> dict[str, Any]:
    return {"id": ident, "iri": iri, "title": title, "published": published, "url": url}


def source(sentence: str, start: int, end: int) -> dict[str, Any]:
    return {"sentence": sentence, "start": start, "end": end}


def according_to(items: Iterable[tuple[str | None, str]]) -> list[dict[str, str]]:
    """Who a fact is attributed to: ``[{"id"?, "label"}]`` (``id`` only for a known entity)."""
    out = {}
    for ident, label in items:
        item = {"id": ident, "label": label} if ident else {"label": label}
        out[(label, ident or "")] = item
    return [out[k] for k in sorted(out)]


def pair_sources(entities: Iterable[tuple[str, str, Iterable[str]]], labels: Iterable[str]) -> list[dict[str, str]]:
    """according_to from what a claim stores: source entities (id, label, aliases) and worded labels.

    The graph keeps kg:accordingTo (entities) and kg:accordingToLabel (wordings)
    side by side; a wording goes with the entity it names, or with the only
    entity left when one of each is left. Builder and readers both pair with
    this function, so both answer the same.
    """
    free = sorted(set(labels))
    pairs, unmatched = [], []
    for ident, label, aliases in sorted(entities):
        names = {label, *aliases}
        match = next((w for w in free if w in names), None)
        if match is None:
            unmatched.append((ident, label))
        else:
            free.remove(match)
            pairs.append((ident, match))
    if len(unmatched) == 1 and len(free) == 1:
        pairs.append((unmatched[0][0], free.pop()))
        unmatched = []
    return according_to([*pairs, *unmatched, *((None, w) for w in free)])


def personnel(count: int | None, low: int | None, qualifier: str | None, kind: str | None) -> dict[str, Any]:
    return {"count": count, "min": low, "qualifier": qualifier, "kind": kind}


def deployment(ident: str, iri: str, *, label: str, sending_state: dict | None, host_state: dict | None,
               location: dict | None, personnel: list[dict], start: str | None, end: str | None,
               status: str, according_to: list[dict], modality: str, sources: list[dict]) -> dict[str, Any]:
    return {"id": ident, "iri": iri, "label": label, "sending_state": sending_state, "host_state": host_state,
            "location": location, "personnel": list(personnel), "start": start, "end": end,
            "status": status, "according_to": according_to, "modality": modality,
            "sources": sort_sources(sources)}


def event(ident: str, iri: str, *, etype: str, label: str, date: str | None, end: str | None,
          participants: list[dict], location: dict | None, according_to: list[dict], modality: str,
          sources: list[dict]) -> dict[str, Any]:
    return {"id": ident, "iri": iri, "type": etype, "label": label, "date": date, "end": end,
            "participants": sorted(participants, key=lambda r: (_fold(r["label"]), r["id"])),
            "location": location, "according_to": according_to, "modality": modality,
            "sources": sort_sources(sources)}


def role(ident: str, iri: str, *, person: dict, role: str, of: dict | None, according_to: list[dict],
         modality: str, sources: list[dict]) -> dict[str, Any]:
    return {"id": ident, "iri": iri, "person": person, "role": role, "of": of,
            "according_to": according_to, "modality": modality, "sources": sort_sources(sources)}


def claim(ident: str, iri: str, *, kind: str, about_id: str, about_iri: str, article: str, modality: str,
          according_to: list[dict], sentence: str | None, start: int | None, end: int | None) -> dict[str, Any]:
    return {"id": ident, "iri": iri, "about": {"kind": kind, "id": about_id, "iri": about_iri},
            "article": article, "modality": modality, "according_to": according_to,
            "sentence": sentence, "start": start, "end": end}


def result(article: dict, entities: list[dict], roles: list[dict], deployments: list[dict],
           events: list[dict], claims: list[dict], triples: int) -> dict[str, Any]:
    """One article's extraction, lists in canonical order (entities by label, facts as they appear)."""
    return {
        "article": article,
        "entities": sorted(entities, key=lambda e: (_fold(e["label"]), e["id"])),
        "roles": sorted(roles, key=fact_order),
        "deployments": sorted(deployments, key=fact_order),
        "events": sorted(events, key=fact_order),
        "claims": sorted(claims, key=lambda c: (_offset(c["start"]), c["about"]["kind"], c["id"])),
        "triples": triples,
    }


def sort_sources(sources: Iterable[dict]) -> list[dict]:
    """Sources once each, in text order."""
    unique = {(s["start"], s["end"], s["sentence"]): s for s in sources}
    return [unique[k] for k in sorted(unique)]


def fact_order(fact: dict) -> tuple:
    """Facts in the order the article states them; unsourced ones last."""
    first = min((s["start"] for s in fact.get("sources") or []), default=_NO_OFFSET)
    return (first, fact["id"])


def _offset(value: int | None) -> int:
    return _NO_OFFSET if value is None else value


def _fold(text: str) -> str:
    return text.casefold()


# -- the input document's types ------------------------------------------------
# A structured document (a hand-made or corrected extraction) comes from
# clients: check every field's JSON type before the builder reads it, so a
# wrong type is a 400 naming the field, never an AttributeError deep inside.

_OPT_STR, _OPT_INT = (str, type(None)), (int, type(None))
_REF = {"id": _OPT_STR, "label": _OPT_STR}
_SOURCE = {"sentence": str, "start": int, "end": int}
_PROVENANCE = {"sources": [_SOURCE], "according_to": [{"id": _OPT_STR, "label": _OPT_STR}],
               "modality": _OPT_STR}
_DOCUMENT = {
    "article": {"id": str, "title": _OPT_STR, "published": _OPT_STR, "url": _OPT_STR,
                "source": _OPT_STR, "text": _OPT_STR},
    "entities": [{"id": _OPT_STR, "label": str, "type": str, "aliases": [str]}],
    "roles": [{"person": _REF, "role": str, "of": _REF, **_PROVENANCE}],
    "deployments": [{"sending_state": _REF, "host_state": _REF, "location": _REF,
                     "personnel": [{"count": _OPT_INT, "min": _OPT_INT, "qualifier": _OPT_STR,
                                    "kind": _OPT_STR}],
                     "start": _OPT_STR, "end": _OPT_STR, "status": _OPT_STR, **_PROVENANCE}],
    "events": [{"type": str, "label": _OPT_STR, "date": _OPT_STR, "end": _OPT_STR,
                "participants": [_REF], "location": _REF, **_PROVENANCE}],
    "extractor": {"name": _OPT_STR, "version": _OPT_STR},
}


def check_document(doc: Any) -> None:
    """Raise BadRequest naming the first field whose JSON type is wrong; extra keys are ignored."""
    _check(doc, _DOCUMENT, "")


def _check(value: Any, spec: Any, field: str) -> None:
    def fail(expected: str) -> None:
        name = field or "the document"
        raise BadRequest(f"{name}: expected {expected}, got {type(value).__name__}",
                         details={"field": field or "(document)"})

    if isinstance(spec, dict):
        if value is None and field:
            return  # an absent object (a null ref, no extractor) is fine; required ones are checked later
        if not isinstance(value, dict):
            fail("an object")
        for key, sub in spec.items():
            if key in value:
                _check(value[key], sub, f"{field}.{key}" if field else key)
    elif isinstance(spec, list):
        if value is None:
            return
        if not isinstance(value, list):
            fail("an array")
        for i, item in enumerate(value):
            _check(item, spec[0], f"{field}[{i}]")
    else:
        types = spec if isinstance(spec, tuple) else (spec,)
        if isinstance(value, bool) and bool not in types or not isinstance(value, types):
            fail(" or ".join("null" if t is type(None) else {str: "a string", int: "an integer"}[t]
                             for t in types))
        if isinstance(value, str) and (bad := _NOT_TEXT.search(value)):
            raise BadRequest(f"{field or 'the document'}: U+{ord(bad.group()):04X} at character {bad.start()} "
                             f"is not text (a control character or a lone surrogate)",
                             details={"field": field or "(document)"})
