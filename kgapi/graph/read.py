"""The store → the contract's JSON shapes (what every GET answers).

Readers fetch the triples around a set of facts (or one article graph) with
one SPARQL query, then assemble them with the shape functions of
:mod:`kgapi.graph.contract`, the same ones the builder uses on ingest.
Queries bind IRIs (VALUES, GRAPH <…>), so their cost follows the size of the
answer, not of the store. Within one article graph an entity's name and type
are its mention record's (how that article names it, see
:mod:`kgapi.graph.registry`); :class:`Triples` reads them as the entity's own
``rdfs:label``, ``rdf:type`` and ``skos:altLabel``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable

from . import contract
from .iris import Minter
from .terms import ENTITY_TYPES, EVENT_TYPES, KG, ORG, SCHEMA, sparql_prefixes

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
PROV_DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
MENTION_OF = str(KG.mentionOf)
#: a mention record's property → the entity property it stands for
_MENTION_PROPS = {str(KG.label): RDFS_LABEL, str(KG.entityType): RDF_TYPE, str(KG.surfaceForm): SKOS_ALT}

_ENTITY_CLASSES = {str(KG[t]): t for t in ENTITY_TYPES}
_EVENT_CLASSES = {str(KG[t]): t for t in EVENT_TYPES}
_FACT_CLASSES = {str(KG.Deployment): "deployment", str(KG.Event): "event", str(KG.RoleAssignment): "role"}
_K = str(KG)
_ORG = str(ORG)
_SCHEMA = str(SCHEMA)

PREFIXES = sparql_prefixes()


#: what may stand between < > in a query. Values read back from the store are checked against it:
#: graphs written through /store skip the SHACL gate, so a literal or a blank node can sit where an
#: IRI belongs, and put into a query it would break it (a 500) or change it.
_IRI = re.compile(r'^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20<>"{}|\\^`]*$')


def is_iri(value: str) -> bool:
    return bool(_IRI.match(value or ""))


def iri_list(iris: Iterable[str]) -> str:
    """``<a> <b> …`` for a VALUES block; values that are not IRIs are left out."""
    return " ".join(f"<{i}>" for i in iris if is_iri(i))


class Triples:
    """Triples as subject → predicate → values (lexical forms), for assembling shapes."""

    def __init__(self, rows: Iterable[dict[str, str]] = ()):
        self.by_s: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
        for r in rows:
            self.add(r["s"], r["p"], r["o"])
        self._name_by_mentions()

    def _name_by_mentions(self) -> None:
        """Each mention record's label, type and surface forms become its entity's (rows of one graph)."""
        for props in [p for p in self.by_s.values() if MENTION_OF in p]:
            for node in props[MENTION_OF]:
                for mp, p in _MENTION_PROPS.items():
                    for value in props.get(mp, ()):
                        self.add(node, p, value)

    def add(self, s: str, p: str, o: str) -> None:
        values = self.by_s[s][p]
        if o not in values:
            values.append(o)

    def one(self, s: str, p: str) -> str | None:
        values = self.by_s.get(s, {}).get(p)
        return min(values) if values else None

    def all(self, s: str, p: str) -> list[str]:
        return sorted(self.by_s.get(s, {}).get(p, ()))

    def types(self, s: str) -> list[str]:
        return self.all(s, RDF_TYPE)

    def subjects(self, p: str, o: str) -> list[str]:
        return sorted(s for s, props in self.by_s.items() if o in props.get(p, ()))

    def subjects_of_type(self, cls: str) -> list[str]:
        return self.subjects(RDF_TYPE, cls)

    def __contains__(self, s: str) -> bool:
        return s in self.by_s


# -- assembling shapes from triples --------------------------------------------

class Assembler:
    """Turns :class:`Triples` into the contract's JSON, with ids from the minter."""

    def __init__(self, t: Triples, minter: Minter):
        self.t = t
        self.m = minter

    def ident(self, iri: str) -> str:
        split = self.m.split(iri)
        return split[1] if split else iri

    def ref(self, iri: str | None) -> dict | None:
        if not iri:
            return None
        return contract.ref(self.ident(iri), iri, self.t.one(iri, RDFS_LABEL) or self.ident(iri))

    def entity(self, iri: str) -> dict | None:
        etype = next((_ENTITY_CLASSES[c] for c in self.t.types(iri) if c in _ENTITY_CLASSES), None)
        label = self.t.one(iri, RDFS_LABEL)
        if etype is None or label is None:
            return None
        return contract.entity(self.ident(iri), iri, label, etype, self.t.all(iri, SKOS_ALT))

    def claims_about(self, fact: str) -> list[str]:
        return self.t.subjects(_K + "about", fact)

    def provenance(self, fact: str) -> tuple[list[dict], str, list[dict]]:
        """(according_to, modality, sources) of a fact, from its claims."""
        according: dict[tuple, tuple] = {}
        modalities, sources = [], []
        for c in self.claims_about(fact):
            for a in self.according(c):
                according[(a.get("id"), a["label"])] = (a.get("id"), a["label"])
            mod = self.t.one(c, _K + "modality")
            if mod:
                modalities.append(mod.rsplit("#", 1)[-1])
            src = self.source(c)
            if src:
                sources.append(src)
        modality = min(modalities) if modalities else "asserted"
        return contract.according_to(according.values()), modality, sources

    def according(self, claim: str) -> list[dict]:
        return contract.pair_sources(
            [(self.ident(e), self.t.one(e, RDFS_LABEL) or self.ident(e), self.t.all(e, SKOS_ALT))
             for e in self.t.all(claim, _K + "accordingTo")],
            self.t.all(claim, _K + "accordingToLabel"))

    def source(self, claim: str) -> dict | None:
        sentence = self.t.one(claim, _K + "sentence")
        start, end = self.t.one(claim, _K + "startOffset"), self.t.one(claim, _K + "endOffset")
        if sentence is None or start is None or end is None:
            return None
        return contract.source(sentence, int(start), int(end))

    def deployment(self, iri: str) -> dict:
        t = self.t
        figures = sorted(t.all(iri, _K + "personnel"), key=_figure_order)
        according, modality, sources = self.provenance(iri)
        return contract.deployment(
            self.ident(iri), iri, label=t.one(iri, RDFS_LABEL) or "",
            sending_state=self.ref(t.one(iri, _K + "sendingState")),
            host_state=self.ref(t.one(iri, _K + "hostState")),
            location=self.ref(t.one(iri, _K + "location")),
            personnel=[contract.personnel(_int(t.one(f, _K + "count")), _int(t.one(f, _K + "minCount")),
                                          t.one(f, _K + "qualifier"), t.one(f, _K + "kind")) for f in figures],
            start=t.one(iri, _K + "start"), end=t.one(iri, _K + "end"),
            status=(t.one(iri, _K + "status") or "#reported").rsplit("#", 1)[-1],
            according_to=according, modality=modality, sources=sources)

    def event(self, iri: str) -> dict:
        t = self.t
        etype = next((_EVENT_CLASSES[c] for c in t.types(iri) if c in _EVENT_CLASSES), "Event")
        according, modality, sources = self.provenance(iri)
        return contract.event(
            self.ident(iri), iri, etype=etype, label=t.one(iri, RDFS_LABEL) or "",
            date=t.one(iri, _K + "date"), end=t.one(iri, _K + "end"),
            participants=[self.ref(p) for p in t.all(iri, _K + "participant")],
            location=self.ref(t.one(iri, _K + "location")),
            according_to=according, modality=modality, sources=sources)

    def role(self, iri: str) -> dict:
        t = self.t
        according, modality, sources = self.provenance(iri)
        role_type = t.one(iri, _ORG + "role")
        return contract.role(
            self.ident(iri), iri, person=self.ref(t.one(iri, _ORG + "member")),
            role=(t.one(role_type, RDFS_LABEL) if role_type else None) or "",
            of=self.ref(t.one(iri, _ORG + "organization")),
            according_to=according, modality=modality, sources=sources)

    def fact(self, iri: str) -> tuple[str, dict] | None:
        kind = self.kind(iri)
        if kind is None:
            return None
        return kind, getattr(self, kind)(iri)

    def kind(self, iri: str) -> str | None:
        return next((_FACT_CLASSES[c] for c in self.t.types(iri) if c in _FACT_CLASSES), None)

    def claim(self, iri: str) -> dict:
        t = self.t
        about = t.one(iri, _K + "about") or ""
        src = self.source(iri) or {"sentence": None, "start": None, "end": None}
        return contract.claim(
            self.ident(iri), iri, kind=self.kind(about) or "entity", about_id=self.ident(about), about_iri=about,
            article=self.ident(t.one(iri, PROV_DERIVED) or ""),
            modality=(t.one(iri, _K + "modality") or "#asserted").rsplit("#", 1)[-1],
            according_to=self.according(iri),
            sentence=src["sentence"], start=src["start"], end=src["end"])

    def article(self, iri: str) -> dict:
        t = self.t
        return contract.article(self.ident(iri), iri, t.one(iri, _SCHEMA + "headline") or "",
                                t.one(iri, _SCHEMA + "datePublished"), t.one(iri, _SCHEMA + "url"))


def _int(value: str | None) -> int | None:
    """A count as stored; None when absent or not a number (data written through /store is unchecked)."""
    try:
        return None if value is None else int(value)
    except ValueError:
        return None


def _figure_order(iri: str) -> tuple:
    tail = iri.rsplit("-", 1)[-1]
    return (int(tail), iri) if tail.isdigit() else (1 << 30, iri)


# -- queries -------------------------------------------------------------------

#: predicates from a fact or claim to the nodes its shape needs described (labels, figures, articles)
_LINKS = {_K + "sendingState", _K + "hostState", _K + "location", _K + "participant", _K + "personnel",
          _K + "accordingTo", _ORG + "member", _ORG + "organization", _ORG + "role", PROV_DERIVED}


class FactSet(dict):
    """{fact IRI: (kind, shape)}, and the assembler of each fact's own graph (for its claims)."""

    def __init__(self):
        super().__init__()
        self.assemblers: dict[str, Assembler] = {}

    def asm(self, iri: str) -> Assembler:
        return self.assemblers[iri]


def read_facts(store, minter: Minter, iris: Iterable[str]) -> FactSet:
    """The facts that exist among ``iris``, in their contract shapes.

    Two queries, each a lookup by bound IRIs: the facts' and their claims'
    triples, then the nodes those point to (entities, figures, role types,
    articles) and their mention records, each read in the fact's own graph so
    labels are the article's.
    """
    iris = list(dict.fromkeys(iris))
    out = FactSet()
    if not iris:
        return out
    rows = store.select_values(PREFIXES + f"""
SELECT ?g ?s ?p ?o WHERE {{
  VALUES ?f {{ {iri_list(iris)} }}
  GRAPH ?g {{ {{ ?f ?p ?o BIND(?f AS ?s) }} UNION {{ ?s kg:about ?f . ?s ?p ?o }} }}
}}""")
    linked = sorted({(r["g"], r["o"]) for r in rows if r["p"] in _LINKS and is_iri(r["o"]) and is_iri(r["g"])})
    if linked:
        pairs = " ".join(f"(<{g}> <{o}>)" for g, o in linked)
        rows += store.select_values(PREFIXES + f"""
SELECT ?g ?s ?p ?o WHERE {{
  VALUES (?g ?n) {{ {pairs} }}
  GRAPH ?g {{ {{ ?n ?p ?o FILTER(?p NOT IN (kg:text, schema:mentions)) BIND(?n AS ?s) }}
             UNION {{ ?s kg:mentionOf ?n ; ?p ?o }} }}
}}""")
    by_graph: dict[str, list] = defaultdict(list)
    for r in rows:
        by_graph[r["g"]].append(r)
    assemblers = {g: Assembler(Triples(rs), minter) for g, rs in by_graph.items()}
    for iri in iris:
        for asm in assemblers.values():
            if iri in asm.t:
                found = asm.fact(iri)
                if found:
                    out[iri] = found
                    out.assemblers[iri] = asm
                break
    return out


def read_article(store, minter: Minter, ident: str) -> dict | None:
    """One article's extraction as stored: the same JSON its ingest answered."""
    A = str(minter.article(ident))
    rows = store.select_values(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{A}> {{ ?s ?p ?o }} }}")
    if not rows:
        return None
    t = Triples(rows)
    asm = Assembler(t, minter)
    if str(KG.Article) not in t.types(A):
        return None
    entities = [e for e in (asm.entity(i) for i in t.all(A, _SCHEMA + "mentions")) if e]
    return contract.result(
        asm.article(A), entities,
        [asm.role(i) for i in t.subjects_of_type(str(KG.RoleAssignment))],
        [asm.deployment(i) for i in t.subjects_of_type(str(KG.Deployment))],
        [asm.event(i) for i in t.subjects_of_type(str(KG.Event))],
        [asm.claim(i) for i in t.subjects_of_type(str(KG.Claim))],
        len(rows))


def article_text(store, minter: Minter, ident: str) -> str | None:
    A = minter.article(ident)
    rows = store.select_values(f"PREFIX kg: <{KG}> SELECT ?t WHERE {{ GRAPH <{A}> {{ <{A}> kg:text ?t }} }}")
    return rows[0]["t"] if rows else None


def claim_triples_query(iri: str) -> str:
    return PREFIXES + f"""
SELECT ?s ?p ?o WHERE {{
  GRAPH ?g {{
    {{ <{iri}> ?p ?o BIND(<{iri}> AS ?s) }}
    UNION {{ <{iri}> kg:about ?s . ?s ?p ?o FILTER(?p IN (rdf:type, rdfs:label)) }}
    UNION {{ <{iri}> kg:about|kg:accordingTo ?e . ?s kg:mentionOf ?e ; ?p ?o }}
    UNION {{ <{iri}> prov:wasDerivedFrom ?s . ?s ?p ?o FILTER(?p IN (schema:headline, schema:datePublished, schema:url)) }}
  }}
}}"""


def read_claim(store, minter: Minter, iri: str) -> tuple[Assembler, dict] | None:
    t = Triples(store.select_values(claim_triples_query(iri)))
    if str(KG.Claim) not in t.types(iri):
        return None
    asm = Assembler(t, minter)
    return asm, asm.claim(iri)
