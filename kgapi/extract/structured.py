"""Hand-written or corrected claims (the extraction contract's shape) → a clean contract dict.

An analyst writes or edits JSON in the shape ``extract()`` returns and ingests
it. ``normalize_claims`` checks it and fills what may be left out:

* entity ``id`` defaults to ``slugify(label)``; ``aliases`` to [];
* a ref (``person``, ``of``, ``sending_state``, ``host_state``, ``location``,
  event ``participants``) may be a label string, ``{"label"}`` or ``{"id"}``; it
  is resolved against ``entities`` by id or label (case, accents, hyphens
  folded), or an alias. A ref to a name not listed is added as an entity when
  the slot says its type (person → Person, states → State, location → Place)
  or the reference data knows it; otherwise it is an error;
* ``sources`` and ``according_to`` default to [] (an ``according_to`` string
  becomes ``{"label"}``); ``modality`` to ``"asserted"``;
* a deployment may give ``count``/``min``/``qualifier``/``kind`` directly
  instead of ``personnel`` (the gold form); ``status`` defaults to
  ``"reported"`` (a list takes its first value);
* a source with a sentence but no offsets gets them by finding the sentence in
  ``article.text``; offsets that do not point at the sentence are an error;
* ``article.id`` defaults to ``article_id(title, published)``.

Any problem raises :class:`kgapi.errors.BadRequest` whose message and
``details.field`` name the bad field (``deployments[1].personnel[0].count``).
"""

from __future__ import annotations

import re
from typing import Any

from ..errors import BadRequest
from ..ids import article_id, is_valid_id, slugify
from .resources import fold, gazetteer

ENTITY_TYPES = ("Person", "State", "Organization", "Place")
STATUSES = ("reported", "confirmed", "announced", "planned", "predicted", "denied")
MODALITIES = ("asserted", "attributed", "believed", "intended", "anticipated", "negated")
QUALIFIERS = ("over", "about", "exact", "up_to", "at_least", "under")
EVENT_TYPES = ("Meeting", "Visit", "Agreement", "Order", "Acknowledgement", "Report", "Denial", "Incursion",
               "Ceremony", "Statement", "Exercise", "Attack")
_DATE = re.compile(r"^\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?$")


def _bad(field: str, message: str) -> BadRequest:
    return BadRequest(f"{field}: {message}", details={"field": field})


def _str(v: Any, field: str, required: bool = False, max_len: int = 2000) -> str | None:
    if v is None or (isinstance(v, str) and not v.strip()):
        if required:
            raise _bad(field, "is required")
        return None
    if not isinstance(v, str):
        raise _bad(field, f"must be a string, not {type(v).__name__}")
    if len(v) > max_len:
        raise _bad(field, f"is longer than {max_len} characters")
    return v.strip()


def _list(v: Any, field: str) -> list:
    if v is None:
        return []
    if not isinstance(v, list):
        raise _bad(field, f"must be a list, not {type(v).__name__}")
    return v


def _date(v: Any, field: str) -> str | None:
    s = _str(v, field)
    if s is None:
        return None
    if not _DATE.match(s):
        raise _bad(field, f"{s!r} is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)")
    return s


class _Entities:
    def __init__(self) -> None:
        self.items: list[dict] = []
        self.by_id: dict[str, dict] = {}
        self.by_key: dict[str, dict] = {}

    def add(self, label: str, etype: str, field: str, ident: str | None = None,
            aliases: list[str] | None = None) -> dict:
        ident = ident or slugify(label)
        if not ident or not is_valid_id(ident):
            raise _bad(field + ".id", f"{ident!r} is not a valid id")
        if ident in self.by_id:
            e = self.by_id[ident]
            if e["type"] != etype:
                raise _bad(field, f"{label!r} is listed both as {e['type']} and as {etype}")
            for a in aliases or []:
                if a not in e["aliases"] and a != e["label"]:
                    e["aliases"].append(a)
            return e
        e = {"id": ident, "label": label, "type": etype, "aliases": [a for a in (aliases or []) if a != label]}
        self.items.append(e)
        self.by_id[ident] = e
        for k in [label] + e["aliases"]:
            self.by_key.setdefault(fold(k), e)
        return e

    def find(self, label: str | None, ident: str | None) -> dict | None:
        if ident and ident in self.by_id:
            return self.by_id[ident]
        if label:
            return self.by_key.get(fold(label)) or self.by_id.get(slugify(label))
        return None


def _guess_type(label: str) -> str | None:
    g = gazetteer()
    hit = g.folded_index.get(fold(label))
    if not hit:
        return None
    return {"state": "State", "state_adj": "State", "capital": "State", "person": "Person", "org": "Organization",
            "place": "Place"}.get(hit[0])


def _ref(v: Any, field: str, ents: _Entities, types: tuple[str, ...], required: bool = False) -> dict | None:
    if v is None or v == "" or v == {}:
        if required:
            raise _bad(field, "is required")
        return None
    if isinstance(v, str):
        label, ident = v.strip(), None
    elif isinstance(v, dict):
        label = _str(v.get("label"), field + ".label")
        ident = _str(v.get("id"), field + ".id")
        if not label and not ident:
            raise _bad(field, "a reference needs a label or an id")
    else:
        raise _bad(field, f"must be a label or an object with 'label'/'id', not {type(v).__name__}")
    e = ents.find(label, ident)
    if e is None:
        if not label:
            raise _bad(field, f"no entity has id {ident!r}")
        etype = types[0] if len(types) == 1 else _guess_type(label)
        if etype is None or etype not in types:
            raise _bad(field, f"{label!r} is not among the entities; list it in 'entities' with its type")
        e = ents.add(label, etype, field, ident)
    if e["type"] not in types:
        raise _bad(field, f"{e['label']!r} is a {e['type']}, expected {' or '.join(types)}")
    return {"id": e["id"], "label": e["label"]}


def _provenance(item: dict, field: str, text: str, ents: _Entities) -> dict:
    sources = []
    for i, s in enumerate(_list(item.get("sources"), field + ".sources")):
        f = f"{field}.sources[{i}]"
        if isinstance(s, str):
            s = {"sentence": s}
        if not isinstance(s, dict):
            raise _bad(f, "must be an object with 'sentence' (and 'start', 'end')")
        sent = _str(s.get("sentence"), f + ".sentence", required=True, max_len=20000)
        start, end = s.get("start"), s.get("end")
        if start is None and end is None:
            pos = text.find(sent) if text else -1
            start, end = (pos, pos + len(sent)) if pos >= 0 else (None, None)
        else:
            for name, val in (("start", start), ("end", end)):
                if not isinstance(val, int) or isinstance(val, bool) or val < 0:
                    raise _bad(f"{f}.{name}", "must be a non-negative integer")
            if text and text[start:end] != sent:
                raise _bad(f, "article.text[start:end] is not the sentence")
        sources.append({"sentence": sent, "start": start, "end": end})
    according = []
    for i, a in enumerate(_list(item.get("according_to"), field + ".according_to")
                          if not isinstance(item.get("according_to"), (str, dict)) else [item["according_to"]]):
        f = f"{field}.according_to[{i}]"
        if isinstance(a, str):
            a = {"label": a}
        if not isinstance(a, dict) or not _str(a.get("label"), f + ".label"):
            raise _bad(f, "must be a label or an object with 'label'")
        out = {"label": a["label"].strip()}
        e = ents.find(out["label"], a.get("id"))
        if e is not None:
            out = {"id": e["id"], "label": e["label"]}
        elif a.get("id"):
            out["id"] = str(a["id"])
        according.append(out)
    modality = item.get("modality") or "asserted"
    if modality not in MODALITIES:
        raise _bad(field + ".modality", f"{modality!r} is not one of {', '.join(MODALITIES)}")
    return {"sources": sources, "according_to": according, "modality": modality}


def _count(v: Any, field: str) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        raise _bad(field, "a head count is a positive integer")
    return v


def normalize_claims(doc: dict) -> dict:
    if not isinstance(doc, dict):
        raise BadRequest("the claims document must be a JSON object", details={"field": ""})
    art = doc.get("article")
    if not isinstance(art, dict):
        raise _bad("article", "an object with at least 'title' is required")
    title = _str(art.get("title"), "article.title", required=True, max_len=1000)
    published = _date(art.get("published"), "article.published")
    text = art.get("text") or ""
    if not isinstance(text, str):
        raise _bad("article.text", "must be a string")
    aid = _str(art.get("id"), "article.id") or article_id(title, published)
    if not is_valid_id(aid):
        raise _bad("article.id", f"{aid!r} is not a valid id")
    article = {"id": aid, "title": title, "published": published, "url": _str(art.get("url"), "article.url"),
               "source": _str(art.get("source"), "article.source"), "text": text}

    ents = _Entities()
    for i, e in enumerate(_list(doc.get("entities"), "entities")):
        f = f"entities[{i}]"
        if not isinstance(e, dict):
            raise _bad(f, "must be an object with 'label' and 'type'")
        label = _str(e.get("label"), f + ".label", required=True, max_len=300)
        etype = e.get("type")
        if etype not in ENTITY_TYPES:
            raise _bad(f + ".type", f"{etype!r} is not one of {', '.join(ENTITY_TYPES)}")
        aliases = []
        for j, a in enumerate(_list(e.get("aliases"), f + ".aliases")):
            aliases.append(_str(a, f"{f}.aliases[{j}]", required=True, max_len=300))
        ents.add(label, etype, f, _str(e.get("id"), f + ".id"), aliases)

    roles = []
    for i, r in enumerate(_list(doc.get("roles"), "roles")):
        f = f"roles[{i}]"
        if not isinstance(r, dict):
            raise _bad(f, "must be an object")
        roles.append({"person": _ref(r.get("person"), f + ".person", ents, ("Person",), required=True),
                      "role": _str(r.get("role"), f + ".role", required=True, max_len=300),
                      "of": _ref(r.get("of"), f + ".of", ents, ("State", "Organization")),
                      **_provenance(r, f, text, ents)})

    deployments = []
    for i, d in enumerate(_list(doc.get("deployments"), "deployments")):
        f = f"deployments[{i}]"
        if not isinstance(d, dict):
            raise _bad(f, "must be an object")
        raw_personnel = d.get("personnel")
        if raw_personnel is None and any(k in d for k in ("count", "min", "qualifier", "kind")):
            raw_personnel = [{k: d.get(k) for k in ("count", "min", "qualifier", "kind")}]
        personnel = []
        for j, p in enumerate(_list(raw_personnel, f + ".personnel")):
            pf = f"{f}.personnel[{j}]"
            if not isinstance(p, dict):
                raise _bad(pf, "must be an object with 'count', 'qualifier', 'kind'")
            q = p.get("qualifier")
            if q is not None and q not in QUALIFIERS:
                raise _bad(pf + ".qualifier", f"{q!r} is not one of {', '.join(QUALIFIERS)}")
            personnel.append({"count": _count(p.get("count"), pf + ".count"),
                              "min": _count(p.get("min"), pf + ".min"),
                              "qualifier": q, "kind": _str(p.get("kind"), pf + ".kind", max_len=200)})
        status = d.get("status") or "reported"
        if isinstance(status, list):
            status = status[0] if status else "reported"
        if status not in STATUSES:
            raise _bad(f + ".status", f"{status!r} is not one of {', '.join(STATUSES)}")
        dep = {"sending_state": _ref(d.get("sending_state"), f + ".sending_state", ents, ("State",)),
               "host_state": _ref(d.get("host_state"), f + ".host_state", ents, ("State",)),
               "location": _ref(d.get("location"), f + ".location", ents, ("Place",)),
               "personnel": personnel,
               "start": _date(d.get("start"), f + ".start"), "end": _date(d.get("end"), f + ".end"),
               "status": status, **_provenance(d, f, text, ents)}
        if dep["sending_state"] is None and dep["host_state"] is None:
            raise _bad(f, "a deployment needs a sending_state or a host_state")
        deployments.append(dep)

    events = []
    for i, e in enumerate(_list(doc.get("events"), "events")):
        f = f"events[{i}]"
        if not isinstance(e, dict):
            raise _bad(f, "must be an object")
        etype = e.get("type")
        if etype not in EVENT_TYPES:
            raise _bad(f + ".type", f"{etype!r} is not one of {', '.join(EVENT_TYPES)}")
        parts = [_ref(p, f"{f}.participants[{j}]", ents, ("Person", "State", "Organization", "Place"), required=True)
                 for j, p in enumerate(_list(e.get("participants"), f + ".participants"))]
        events.append({"type": etype,
                       "label": _str(e.get("label"), f + ".label", max_len=500)
                       or f"{etype}: " + " and ".join(p["label"] for p in parts[:3]),
                       "date": _date(e.get("date"), f + ".date"), "participants": parts,
                       "location": _ref(e.get("location"), f + ".location", ents, ("Place",)),
                       **_provenance(e, f, text, ents)})

    extractor = doc.get("extractor") if isinstance(doc.get("extractor"), dict) else {}
    return {"article": article, "entities": ents.items, "roles": roles, "deployments": deployments,
            "events": events,
            "extractor": {"name": str(extractor.get("name") or "kgapi"),
                          "version": str(extractor.get("version") or "manual")}}
