"""Extraction contract → one article's named graph, plus the enriched JSON answer.

:func:`build` is pure: the same extraction gives the same triples (ids are
minted from content), which is what makes re-ingesting an article a no-op.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import PROV, RDF, RDFS, XSD

from ..errors import BadRequest
from ..ids import fact_id, is_valid_id, slugify
from . import contract
from ._store import ArticleStore, triples_of
from .iris import Minter
from .registry import add_mention, contribution
from .terms import ENTITY_TYPES, EVENT_TYPES, KG, MODALITIES, ORG, QUALIFIERS, SCHEMA, STATUSES

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
#: an article's address: http(s) and no character an IRI cannot hold (nothing else reaches the HTML pages)
_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`\x00-\x1f]+$", re.IGNORECASE)


def date_literal(value: str, field: str = "date") -> Literal:
    """'2024' → xsd:gYear, '2024-10' → xsd:gYearMonth, '2024-10-22' → xsd:date."""
    v = str(value).strip()
    if _DAY.match(v):
        try:
            datetime.date.fromisoformat(v)
        except ValueError:
            raise BadRequest(f"{field}: {value!r} is not a day of the calendar", details={"field": field}) from None
        return Literal(v, datatype=XSD.date)
    if _MONTH.match(v):
        return Literal(v, datatype=XSD.gYearMonth)
    if _YEAR.match(v):
        return Literal(v, datatype=XSD.gYear)
    raise BadRequest(f"{field}: {value!r} is not an ISO date at year, month or day precision",
                     details={"field": field})


@dataclass
class Built:
    """What :func:`build` returns: the article graph and the contract JSON with IRIs and claims."""

    graph: Graph
    result: dict[str, Any]
    #: the registry entries this article brings (as if it were the first to name its entities)
    registry: Graph | None = None

    @property
    def article_iri(self) -> URIRef:
        return self.graph.identifier  # type: ignore[return-value]

    def validation_graph(self) -> Graph:
        """The article graph with its registry entries: what the SHACL shapes are checked on."""
        g = Graph(identifier=self.graph.identifier)
        g += self.graph
        if self.registry is not None:
            g += self.registry
        return g


class _Builder:
    def __init__(self, extraction: dict, minter: Minter):
        self.x = extraction
        self.m = minter
        art = extraction.get("article") or {}
        self.aid = art.get("id") or ""
        if not is_valid_id(self.aid):
            raise BadRequest(f"article.id: {self.aid!r} is not a valid id", details={"field": "article.id"})
        self.A = minter.article(self.aid)
        self.g = Graph(store=ArticleStore(), identifier=self.A)  # cheap adds (see _store)
        self._add = self.g.store.add  # what Graph.add does, less its type assertions
        self.extraction_node = URIRef(f"{self.A}#extraction")
        self.entities: dict[str, dict] = {}
        self.mentions: dict[str, URIRef] = {}
        self.role_types: dict[URIRef, tuple[URIRef, str]] = {}
        self.claims: list[dict] = []

    # -- helpers ---------------------------------------------------------
    def add(self, s, p, o) -> None:
        self._add((s, p, o), self.g)

    def ref(self, ref: dict | None, field: str, want: tuple[str, ...] | None = None) -> URIRef | None:
        if ref is None:
            return None
        if not isinstance(ref, dict):
            raise BadRequest(f"{field}: expected an object with id and label", details={"field": field})
        ident = ref.get("id") or slugify(str(ref.get("label") or ""))
        ent = self.entities.get(ident)
        if ent is None:
            raise BadRequest(f"{field}: {ident!r} is not among the entities", details={"field": field})
        if want and ent["type"] not in want:
            raise BadRequest(f"{field}: {ent['label']!r} is a {ent['type']}, expected {' or '.join(want)}",
                             details={"field": field})
        return self.m.entity(ident)

    def claim(self, about: URIRef, kind: str, about_id: str, fact: dict, field: str) -> None:
        modality = fact.get("modality") or "asserted"
        if modality not in MODALITIES:
            raise BadRequest(f"{field}.modality: {modality!r} is not one of {', '.join(MODALITIES)}",
                             details={"field": f"{field}.modality"})
        according = self.according(fact, field)
        sources = fact.get("sources") or [None]
        text = (self.x.get("article") or {}).get("text") or ""
        for src in sources:
            key = (about_id, src and src.get("start"), src and src.get("end"))
            cid = fact_id(self.aid, "claim", key)
            C = self.m.claim(cid)
            self.add(C, RDF.type, KG.Claim)
            self.add(C, KG.about, about)
            self.add(C, PROV.wasDerivedFrom, self.A)
            self.add(C, PROV.wasGeneratedBy, self.extraction_node)
            self.add(C, KG.modality, KG[modality])
            sentence = start = end = None
            if src:
                sentence, start, end = src.get("sentence"), src.get("start"), src.get("end")
                if not isinstance(sentence, str) or not isinstance(start, int) or not isinstance(end, int) \
                        or not 0 <= start <= end:
                    raise BadRequest(f"{field}.sources: each source needs sentence, start and end",
                                     details={"field": f"{field}.sources"})
                if text and text[start:end] != sentence:
                    raise BadRequest(f"{field}.sources: offsets {start}-{end} do not point at the sentence",
                                     details={"field": f"{field}.sources"})
                self.add(C, KG.sentence, Literal(sentence))
                self.add(C, KG.startOffset, Literal(start))
                self.add(C, KG.endOffset, Literal(end))
            for a in according:
                if a.get("id"):
                    self.add(C, KG.accordingTo, self.m.entity(a["id"]))
                self.add(C, KG.accordingToLabel, Literal(a["label"]))
            self.claims.append(contract.claim(
                cid, str(C), kind=kind, about_id=about_id, about_iri=str(about), article=self.aid,
                modality=modality, according_to=according, sentence=sentence, start=start, end=end))

    def according(self, fact: dict, field: str) -> list[dict]:
        """``according_to`` as stored: an id only for a listed entity, always a label."""
        pairs = []
        for i, a in enumerate(fact.get("according_to") or []):
            if not isinstance(a, dict) or not (a.get("label") or a.get("id")):
                raise BadRequest(f"{field}.according_to[{i}]: expected {{id?, label}}",
                                 details={"field": f"{field}.according_to"})
            ident = a.get("id") if a.get("id") in self.entities else None
            label = str(a.get("label") or "").strip() or (self.entities[ident]["label"] if ident else str(a["id"]))
            pairs.append((ident, label))
        # What the graph can give back (see contract.pair_sources), so reads answer the same.
        stored = contract.pair_sources(
            [(i, self.entities[i]["label"], self.entities[i]["aliases"]) for i in {i for i, _ in pairs if i}],
            [label for _, label in pairs])
        return [{"id": a["id"], "label": a["label"]} if a.get("id") else {"label": a["label"]} for a in stored] \
            if stored else []

    # -- sections --------------------------------------------------------
    def article(self) -> dict:
        art = self.x["article"]
        title = (art.get("title") or "").strip()
        if not title:
            raise BadRequest("article.title: an article needs a title", details={"field": "article.title"})
        A = self.A
        self.add(A, RDF.type, KG.Article)
        self.add(A, SCHEMA.headline, Literal(title))
        if art.get("published"):
            lit = date_literal(art["published"], "article.published")
            if lit.datatype != XSD.date:
                raise BadRequest("article.published: give the publication date as YYYY-MM-DD",
                                 details={"field": "article.published"})
            self.add(A, SCHEMA.datePublished, lit)
        if art.get("url"):
            if not _URL.match(art["url"]):
                raise BadRequest(f"article.url: {art['url'][:200]!r} is not an http(s) URL",
                                 details={"field": "article.url"})
            self.add(A, SCHEMA.url, URIRef(art["url"]))
        if art.get("source"):
            self.add(A, KG.sourceFile, Literal(str(art["source"])))
        if art.get("text"):
            self.add(A, KG.text, Literal(art["text"]))
        E = self.extraction_node
        extractor = self.x.get("extractor") or {}
        self.add(E, RDF.type, KG.Extraction)
        self.add(E, PROV.used, A)
        self.add(E, KG.extractorVersion, Literal(f"{extractor.get('name', 'kgapi')} {extractor.get('version', 'manual')}"))
        return contract.article(self.aid, str(A), title, art.get("published"), art.get("url"))

    def entity_section(self) -> list[dict]:
        out = []
        for i, e in enumerate(self.x.get("entities") or []):
            field = f"entities[{i}]"
            if not isinstance(e, dict) or not str(e.get("label") or "").strip():
                raise BadRequest(f"{field}: an entity needs a label", details={"field": field})
            label = e["label"].strip()
            etype = e.get("type")
            if etype not in ENTITY_TYPES:
                raise BadRequest(f"{field}.type: {etype!r} is not one of {', '.join(ENTITY_TYPES)}",
                                 details={"field": f"{field}.type"})
            ident = e.get("id") or slugify(label)
            if not is_valid_id(ident):
                raise BadRequest(f"{field}.id: {ident!r} is not a valid id", details={"field": f"{field}.id"})
            if ident in self.entities:
                prev = self.entities[ident]
                if prev["type"] != etype:
                    raise BadRequest(f"{field}: {label!r} is listed as {prev['type']} and {etype}",
                                     details={"field": field})
                for a in sorted({str(a).strip() for a in (e.get("aliases") or [])} - {"", prev["label"], *prev["aliases"]}):
                    self.add(self.mentions[ident], KG.surfaceForm, Literal(a))
                    prev["aliases"] = contract.entity(ident, prev["iri"], prev["label"], etype,
                                                      [*prev["aliases"], a])["aliases"]
                continue
            aliases = sorted({str(a).strip() for a in (e.get("aliases") or []) if str(a).strip() and str(a).strip() != label})
            I = self.m.entity(ident)
            # The article's own naming of the entity: a mention record (the registry graph
            # holds the entity's type, label and aliases for the whole dataset).
            self.mentions[ident] = add_mention(self.g, self.A, I, ident, label, KG[etype], aliases)
            self.add(self.A, SCHEMA.mentions, I)
            ent = contract.entity(ident, str(I), label, etype, aliases)
            self.entities[ident] = ent
            out.append(ent)
        return out

    def roles(self) -> list[dict]:
        out = []
        for i, r in enumerate(self.x.get("roles") or []):
            field = f"roles[{i}]"
            role = str(r.get("role") or "").strip()
            if not role:
                raise BadRequest(f"{field}.role: a role needs a name", details={"field": f"{field}.role"})
            P = self.ref(r.get("person"), f"{field}.person", contract.SLOT_TYPES["person"])
            if P is None:
                raise BadRequest(f"{field}.person: a role needs a person", details={"field": f"{field}.person"})
            O = self.ref(r.get("of"), f"{field}.of", contract.SLOT_TYPES["of"])
            rid = fact_id(self.aid, "role", (str(P), role.lower(), O and str(O)))
            M = self.m.role(rid)
            slug = slugify(role) or "role"
            R = self.m.role_type(slug)
            self.add(M, RDF.type, KG.RoleAssignment)
            self.add(M, ORG.member, P)
            self.add(M, ORG.role, R)
            seen = self.role_types.get(R)
            if seen is None:
                self.role_types[R] = (add_mention(self.g, self.A, R, slug, role, KG.Role, role_type=True), role)
            elif role != seen[1]:  # the same role worded otherwise: a surface form of the first wording
                self.add(seen[0], KG.surfaceForm, Literal(role))
            if O is not None:
                self.add(M, ORG.organization, O)
            self.claim(M, "role", rid, r, field)
            out.append(contract.role(
                rid, str(M), person=_ref_out(r.get("person"), self.entities), role=role,
                of=_ref_out(r.get("of"), self.entities), according_to=self.according(r, field),
                modality=r.get("modality") or "asserted", sources=_sources_out(r)))
        return out

    def deployments(self) -> list[dict]:
        out = []
        for i, d in enumerate(self.x.get("deployments") or []):
            field = f"deployments[{i}]"
            status = d.get("status") or "reported"
            if status not in STATUSES:
                raise BadRequest(f"{field}.status: {status!r} is not one of {', '.join(STATUSES)}",
                                 details={"field": f"{field}.status"})
            S = self.ref(d.get("sending_state"), f"{field}.sending_state", contract.SLOT_TYPES["sending_state"])
            H = self.ref(d.get("host_state"), f"{field}.host_state", contract.SLOT_TYPES["host_state"])
            L = self.ref(d.get("location"), f"{field}.location", contract.SLOT_TYPES["location"])
            personnel = []
            for j, p in enumerate(d.get("personnel") or []):
                pf = f"{field}.personnel[{j}]"
                count, low = p.get("count"), p.get("min")
                for name, v in (("count", count), ("min", low)):
                    if v is not None and (not isinstance(v, int) or isinstance(v, bool) or v < 1):
                        raise BadRequest(f"{pf}.{name}: a head count is a positive integer", details={"field": f"{pf}.{name}"})
                q = p.get("qualifier")
                if q is not None and q not in QUALIFIERS:
                    raise BadRequest(f"{pf}.qualifier: {q!r} is not one of {', '.join(QUALIFIERS)}",
                                     details={"field": f"{pf}.qualifier"})
                personnel.append({"count": count, "min": low, "qualifier": q, "kind": p.get("kind")})
            start = d.get("start")
            end = d.get("end")
            key = (S and str(S), H and str(H), L and str(L), personnel, start, end, status)
            did = fact_id(self.aid, "deployment", key)
            D = self.m.deployment(did)
            self.add(D, RDF.type, KG.Deployment)
            label = _deployment_label(d, personnel, self.entities)
            self.add(D, RDFS.label, Literal(label))
            if S is not None:
                self.add(D, KG.sendingState, S)
            if H is not None:
                self.add(D, KG.hostState, H)
            if L is not None:
                self.add(D, KG.location, L)
            if start:
                self.add(D, KG.start, date_literal(start, f"{field}.start"))
            if end:
                self.add(D, KG.end, date_literal(end, f"{field}.end"))
            self.add(D, KG.status, KG[status])
            for j, p in enumerate(personnel):
                F = URIRef(f"{D}#personnel-{j + 1}")
                self.add(D, KG.personnel, F)
                self.add(F, RDF.type, KG.PersonnelFigure)
                if p["count"] is not None:
                    self.add(F, KG["count"], Literal(p["count"]))
                if p["min"] is not None:
                    self.add(F, KG.minCount, Literal(p["min"]))
                if p["qualifier"]:
                    self.add(F, KG.qualifier, Literal(p["qualifier"]))
                if p["kind"]:
                    self.add(F, KG.kind, Literal(p["kind"]))
            self.claim(D, "deployment", did, d, field)
            out.append(contract.deployment(
                did, str(D), label=label,
                sending_state=_ref_out(d.get("sending_state"), self.entities),
                host_state=_ref_out(d.get("host_state"), self.entities),
                location=_ref_out(d.get("location"), self.entities),
                personnel=[contract.personnel(p["count"], p["min"], p["qualifier"], p["kind"]) for p in personnel],
                start=start or None, end=end or None, status=status,
                according_to=self.according(d, field), modality=d.get("modality") or "asserted",
                sources=_sources_out(d)))
        return out

    def events(self) -> list[dict]:
        out = []
        for i, ev in enumerate(self.x.get("events") or []):
            field = f"events[{i}]"
            etype = ev.get("type")
            if etype not in EVENT_TYPES:
                raise BadRequest(f"{field}.type: {etype!r} is not one of {', '.join(EVENT_TYPES)}",
                                 details={"field": f"{field}.type"})
            parts = [self.ref(p, f"{field}.participants[{j}]") for j, p in enumerate(ev.get("participants") or [])]
            L = self.ref(ev.get("location"), f"{field}.location", contract.SLOT_TYPES["location"])
            date = ev.get("date")
            label = (ev.get("label") or "").strip() or _event_label(ev, self.entities)
            key = (etype, date, ev.get("end"), sorted(str(p) for p in parts), L and str(L), label)
            eid = fact_id(self.aid, "event", key)
            V = self.m.event(eid)
            self.add(V, RDF.type, KG.Event)
            self.add(V, RDF.type, KG[etype])
            self.add(V, RDFS.label, Literal(label))
            if date:
                self.add(V, KG.date, date_literal(date, f"{field}.date"))
            if ev.get("end"):
                self.add(V, KG.end, date_literal(ev["end"], f"{field}.end"))
            for P in parts:
                self.add(V, KG.participant, P)
            if L is not None:
                self.add(V, KG.location, L)
            self.claim(V, "event", eid, ev, field)
            participants = {}
            for p in ev.get("participants") or []:
                r = _ref_out(p, self.entities)
                participants[r["id"]] = r
            out.append(contract.event(
                eid, str(V), etype=etype, label=label, date=date or None, end=ev.get("end") or None,
                participants=list(participants.values()), location=_ref_out(ev.get("location"), self.entities),
                according_to=self.according(ev, field), modality=ev.get("modality") or "asserted",
                sources=_sources_out(ev)))
        return out


def _ref_out(ref: dict | None, entities: dict[str, dict]) -> dict | None:
    if not ref:
        return None
    ident = ref.get("id") or slugify(str(ref.get("label") or ""))
    ent = entities[ident]
    return contract.ref(ident, ent["iri"], ent["label"])


def _sources_out(fact: dict) -> list[dict]:
    return [contract.source(s["sentence"], s["start"], s["end"]) for s in fact.get("sources") or []]


def _label_of(ref: dict | None, entities: dict[str, dict]) -> str | None:
    if not ref:
        return None
    ident = ref.get("id") or slugify(str(ref.get("label") or ""))
    return entities[ident]["label"] if ident in entities else ref.get("label")


def _deployment_label(d: dict, personnel: list[dict], entities: dict[str, dict]) -> str:
    who = _label_of(d.get("sending_state"), entities) or "unknown state"
    to = _label_of(d.get("location"), entities) or _label_of(d.get("host_state"), entities) or "unknown destination"
    figures = []
    for p in personnel:
        n = f"{p['count']:,}" if p["count"] else "an unknown number of"
        q = {"over": "over ", "about": "about ", "up_to": "up to ", "at_least": "at least ", "under": "under "}.get(p["qualifier"] or "", "")
        if p["min"] and p["count"]:
            n, q = f"{p['min']:,}–{p['count']:,}", ""
        figures.append(f"{q}{n} {p['kind'] or 'personnel'}")
    when = f" ({d['start']}{'–' + d['end'] if d.get('end') else ''})" if d.get("start") else ""
    return f"{who} → {to}: {', '.join(figures) or 'personnel'}{when}"


def _event_label(ev: dict, entities: dict[str, dict]) -> str:
    names = [n for n in (_label_of(p, entities) for p in ev.get("participants") or []) if n]
    when = f" ({ev['date']})" if ev.get("date") else ""
    return f"{ev['type']}: {', '.join(names) or 'unknown participants'}{when}"


def build(extraction: dict, minter: Minter) -> Built:
    """Turn one extraction (the contract dict) into its article graph and the enriched result."""
    if not isinstance(extraction, dict) or not isinstance(extraction.get("article"), dict):
        raise BadRequest("the extraction needs an 'article' object", details={"field": "article"})
    contract.check_document(extraction)
    b = _Builder(extraction, minter)
    article = b.article()
    entities = b.entity_section()
    roles = b.roles()
    deployments = b.deployments()
    events = b.events()
    result = contract.result(article, entities, roles, deployments, events, b.claims, len(b.g))
    kinds = {type(t) for triple in triples_of(b.g) for t in triple}  # a set of a few types: cheap to look at
    if any(issubclass(k, BNode) for k in kinds):  # pragma: no cover - a bug guard
        raise AssertionError("article graphs must not contain blank nodes (they would not merge)")
    return Built(b.g, result, contribution(b.g))
