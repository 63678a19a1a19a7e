"""Finding facts: filtered, dated, paged lists, an entity's statements and relations, timelines.

Every query here binds what it can (an entity IRI, a status) so the store
walks its indexes from there; only the page's facts are then read in full
(:func:`kgapi.graph.read.read_facts`). Dates are compared at their precision:
a value covers the days from its first to its last (``2025`` covers
2025-01-01 … 2025-12-31), and a range matches a fact whose days overlap it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .iris import Minter
from .read import PREFIXES, PROV_DERIVED, FactSet, iri_list, read_facts
from .terms import KG

_SCHEMA = "https://schema.org/"


def _lo(x: str) -> str:
    return f'IF(STRLEN({x}) = 4, CONCAT({x}, "-01-01"), IF(STRLEN({x}) = 7, CONCAT({x}, "-01"), {x}))'


def _hi(x: str) -> str:
    return f'IF(STRLEN({x}) = 4, CONCAT({x}, "-12-31"), IF(STRLEN({x}) = 7, CONCAT({x}, "-31"), {x}))'


def _lit(value: str) -> str:
    return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'


def dated(first_var: str, last_var: str, date_from: str | None, date_to: str | None) -> str:
    """FILTERs keeping facts whose [first, last] days overlap [date_from, date_to]."""
    out = []
    if date_from:
        out.append(f"FILTER(BOUND({last_var}) && {_hi(last_var)} >= {_lit(date_from)})")
    if date_to:
        out.append(f"FILTER(BOUND({first_var}) && {_lo(first_var)} <= {_lit(date_to)})")
    return "\n  ".join(out)


@dataclass
class Found:
    """One page of facts: their shapes in order, the total, and the assembler that read them."""

    facts: list[tuple[str, dict]]
    total: int
    read: FactSet | None = None


def _page(store, minter: Minter, where: str, order: str, limit: int, offset: int) -> Found:
    total = int(store.select_values(PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"])
    if total == 0 or offset >= total:
        return Found([], total)
    rows = store.select_values(PREFIXES + f"SELECT ?f WHERE {{ {where} }} ORDER BY {order} LIMIT {limit} OFFSET {offset}")
    iris = [r["f"] for r in rows]
    facts = read_facts(store, minter, iris)
    return Found([facts[i] for i in iris if i in facts], total, facts)


def _order(key: str, descending: bool) -> str:
    # Undated facts last either way.
    if descending:
        return f'(!BOUND({key})) DESC({key}) ?f'
    return f'(!BOUND({key})) {key} ?f'


def deployments(store, minter: Minter, *, sending_state: str | None = None, host_state: str | None = None,
                location: str | None = None, status: str | None = None, date_from: str | None = None,
                date_to: str | None = None, limit: int = 20, offset: int = 0, descending: bool = False) -> Found:
    parts = []
    for prop, ident in (("sendingState", sending_state), ("hostState", host_state), ("location", location)):
        if ident:
            parts.append(f"?f kg:{prop} <{minter.entity(ident)}> .")
    # Start from the bound entity when there is one (its index range is small); the type is then
    # checked per row, as joining every deployment's type triple would walk them all.
    parts.append("FILTER EXISTS { ?f a kg:Deployment }" if parts else "?f a kg:Deployment .")
    if status:
        parts.append(f"?f kg:status kg:{status} .")
    parts.append("OPTIONAL { ?f kg:start ?s0 } OPTIONAL { ?f kg:end ?e0 }")
    parts.append("BIND(STR(COALESCE(?s0, ?e0)) AS ?first) BIND(STR(COALESCE(?e0, ?s0)) AS ?last)")
    parts.append(f"BIND({_lo('?first')} AS ?key)")
    parts.append(dated("?first", "?last", date_from, date_to))
    return _page(store, minter, "\n  ".join(parts), _order("?key", descending), limit, offset)


def events(store, minter: Minter, *, participant: str | None = None, etype: str | None = None,
           location: str | None = None, date_from: str | None = None, date_to: str | None = None,
           limit: int = 20, offset: int = 0, descending: bool = False) -> Found:
    parts = []
    if participant:
        parts.append(f"?f kg:participant <{minter.entity(participant)}> .")
    if location:
        parts.append(f"?f kg:location <{minter.entity(location)}> .")
    cls = f"kg:{etype}" if etype else "kg:Event"
    parts.append(f"FILTER EXISTS {{ ?f a {cls} }}" if parts else f"?f a {cls} .")
    parts.append("OPTIONAL { ?f kg:date ?d0 } OPTIONAL { ?f kg:end ?e0 }")
    parts.append("BIND(STR(?d0) AS ?first) BIND(STR(COALESCE(?e0, ?d0)) AS ?last)")
    parts.append(f"BIND({_lo('?first')} AS ?key)")
    parts.append(dated("?first", "?last", date_from, date_to))
    return _page(store, minter, "\n  ".join(parts), _order("?key", descending), limit, offset)


def roles(store, minter: Minter, *, person: str | None = None, of: str | None = None,
          role_type: str | None = None, limit: int = 20, offset: int = 0) -> Found:
    parts = []
    if person:
        parts.append(f"?f org:member <{minter.entity(person)}> .")
    if of:
        parts.append(f"?f org:organization <{minter.entity(of)}> .")
    if role_type:
        parts.append(f"?f org:role <{minter.role_type(role_type)}> .")
    parts.append("FILTER EXISTS { ?f a kg:RoleAssignment }" if parts else "?f a kg:RoleAssignment .")
    parts.append("OPTIONAL { ?f org:member ?who . ?who rdfs:label ?key }")
    return _page(store, minter, "\n  ".join(parts), "?key ?f", limit, offset)


# -- one entity ----------------------------------------------------------------------

#: the entity's part in a fact → how the statement names it
PARTS = {
    "person": ("org:member", "role"),
    "of": ("org:organization", "member"),
    "sending_state": ("kg:sendingState", "sending_state_of"),
    "host_state": ("kg:hostState", "host_state_of"),
    "location": ("kg:location", "location_of"),
    "participant": ("kg:participant", "participant_in"),
}
PROPERTIES = tuple(p for _, p in PARTS.values()) + ("source_of",)


def _parts_union(E: str) -> str:
    branches = [f'{{ ?f {prop} <{E}> BIND("{part}" AS ?part) }}' for part, (prop, _) in PARTS.items()]
    branches.append(f'{{ ?c kg:accordingTo <{E}> ; kg:about ?f BIND("according_to" AS ?part) }}')
    return " UNION ".join(branches)


def entity_core(store, E: str) -> list[dict[str, str]]:
    """(p, o, n): the entity's own triples, with how many article graphs state each."""
    return store.select_values(
        f"SELECT ?p ?o (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ <{E}> ?p ?o }} }} GROUP BY ?p ?o")


def statement_counts(store, E: str) -> dict[str, int]:
    rows = store.select_values(PREFIXES + f"""
SELECT ?part (COUNT(DISTINCT ?f) AS ?n) WHERE {{ {_parts_union(E)} }} GROUP BY ?part""")
    return {r["part"]: int(r["n"]) for r in rows}


def statement_facts(store, minter: Minter, E: str, limit: int, offset: int) -> tuple[list[tuple[str, str]], FactSet]:
    """The page of (fact, part) pairs, newest first, and the facts read in full."""
    rows = store.select_values(PREFIXES + f"""
SELECT ?f ?part (MAX(?key0) AS ?key) WHERE {{
  {{ {_parts_union(E)} }}
  OPTIONAL {{ ?f kg:start ?d1 }} OPTIONAL {{ ?f kg:date ?d3 }} OPTIONAL {{ ?f kg:end ?d2 }}
  BIND(COALESCE(STR(?d1), STR(?d3), STR(?d2), "") AS ?key0)
}} GROUP BY ?f ?part ORDER BY DESC(?key) ?f ?part LIMIT {limit} OFFSET {offset}""")
    pairs = list(dict.fromkeys((r["f"], r["part"]) for r in rows))
    return pairs, read_facts(store, minter, [f for f, _ in pairs])


_RELATIONS = [
    # (direction, property, pattern binding ?f and ?other around <E>); no property-path
    # alternatives: Oxigraph plans those poorly, plain triple patterns use its indexes.
    ("out", "deployed_to", "?f kg:sendingState <E> ; kg:hostState ?other ."),
    ("out", "deployed_to", "?f kg:sendingState <E> ; kg:location ?other ."),
    ("in", "deployed_to", "?f kg:hostState <E> ; kg:sendingState ?other ."),
    ("in", "deployed_to", "?f kg:location <E> ; kg:sendingState ?other ."),
    ("out", "role", "?f org:member <E> ; org:organization ?other ; org:role ?detail ."),
    ("in", "role", "?f org:organization <E> ; org:member ?other ; org:role ?detail ."),
    ("out", "met_with", "?f kg:participant <E> . ?f kg:participant ?other . FILTER(?other != <E>)"),
    ("out", "event_at", "?f kg:participant <E> ; kg:location ?other ."),
    ("in", "event_at", "?f kg:location <E> ; kg:participant ?other ."),
    ("out", "part_of", "<E> kg:partOf ?other . BIND(<E> AS ?f)"),
    ("in", "part_of", "?other kg:partOf <E> . BIND(?other AS ?f)"),
]


def relations(store, E: str, limit: int = 100) -> list[dict[str, str]]:
    """Entity-to-entity links through facts: (dir, prop, other, detail?, n), most facts first.

    ``detail`` is a role's name; role types are labelled in a second, bound query
    (joining their labels inside the aggregate makes Oxigraph scan every label).
    """
    branches = " UNION ".join(
        "{ " + pattern.replace("<E>", f"<{E}>") + f' BIND("{d}" AS ?dir) BIND("{p}" AS ?prop) }}'
        for d, p, pattern in _RELATIONS)
    rows = store.select_values(PREFIXES + f"""
SELECT ?dir ?prop ?other ?detail (COUNT(DISTINCT ?f) AS ?n) WHERE {{ {branches} }}
GROUP BY ?dir ?prop ?other ?detail ORDER BY DESC(?n) ?prop ?other ?dir ?detail LIMIT {limit}""")
    return role_labels(store, rows)


def role_labels(store, rows: list[dict[str, str]]) -> list[dict[str, str]]:
    """Relation rows with each role type IRI in ``detail`` replaced by the role's name (one bound query)."""
    rows = [dict(r) for r in rows]
    role_types = sorted({r["detail"] for r in rows if r.get("detail")})
    if role_types:
        labels = {r["rt"]: r["l"] for r in store.select_values(
            f"SELECT ?rt (MIN(?label) AS ?l) WHERE {{ VALUES ?rt {{ {iri_list(role_types)} }} "
            f"?rt <http://www.w3.org/2000/01/rdf-schema#label> ?label }} GROUP BY ?rt")}
        for r in rows:
            if r.get("detail"):
                r["detail"] = labels.get(r["detail"], r["detail"].rsplit("/", 1)[-1])
    return rows


def mentioning_articles(store, minter: Minter, E: str, limit: int = 20) -> tuple[list[dict], int]:
    """The newest articles that mention the entity, and how many there are."""
    total = int(store.select_values(PREFIXES + f"""
SELECT (COUNT(DISTINCT ?a) AS ?n) WHERE {{ ?a schema:mentions <{E}> }}""")[0]["n"])
    rows = store.select_values(PREFIXES + f"""
SELECT ?a ?title ?published ?url WHERE {{
  {{ SELECT DISTINCT ?a WHERE {{ ?a schema:mentions <{E}> }} }}
  GRAPH ?a {{ ?a schema:headline ?title OPTIONAL {{ ?a schema:datePublished ?published }}
             OPTIONAL {{ ?a schema:url ?url }} }}
}} ORDER BY DESC(?published) ?a LIMIT {limit}""")
    return [article_shape(minter, r) for r in rows], total


def article_shape(minter: Minter, r: dict) -> dict:
    """The contract's article shape from a row (a, title, published?, url?)."""
    from . import contract

    return contract.article(minter.split(r["a"])[1] if minter.split(r["a"]) else r["a"], r["a"], r["title"],
                            r.get("published"), r.get("url"))


def timeline_rows(store, E: str, limit: int, offset: int) -> tuple[list[dict[str, str]], int]:
    """Every dated fact the entity takes part in, ordered by its first day: rows (f, part, date, end)."""
    where = f"""
  {{ {_parts_union(E)} }}
  FILTER(?part != "according_to")
  OPTIONAL {{ ?f kg:start ?d1 }}
  OPTIONAL {{ ?f kg:date ?d3 }}
  OPTIONAL {{ ?f kg:end ?e1 }}
  OPTIONAL {{ ?f a kg:RoleAssignment . ?rc kg:about ?f ; prov:wasDerivedFrom ?ra . ?ra schema:datePublished ?d2 }}
  BIND(STR(COALESCE(?d1, ?d3, ?e1, ?d2)) AS ?date)
  FILTER(BOUND(?date))
  BIND({_lo('?date')} AS ?key)"""
    total = int(store.select_values(PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?f ?part WHERE {{ {where} }} }}")[0]["n"])
    rows = store.select_values(PREFIXES + f"""
SELECT ?f ?part (MIN(?key) AS ?k) (MIN(?date) AS ?dt) (SAMPLE(?e1) AS ?end) (SAMPLE(?d2) AS ?published)
WHERE {{ {where} }} GROUP BY ?f ?part ORDER BY ?k ?f ?part LIMIT {limit} OFFSET {offset}""")
    return rows, total


def references(facts: FactSet, fact: str, only_according_to: str | None = None) -> list[dict[str, Any]]:
    """The claims behind a fact as statement references: article, sentence, offsets, attribution, modality."""
    asm = facts.asm(fact)
    out = []
    for c in asm.claims_about(fact):
        if only_according_to and only_according_to not in asm.t.all(c, str(KG.accordingTo)):
            continue
        claim = asm.claim(c)
        article_iri = asm.t.one(c, PROV_DERIVED)
        out.append({
            "claim": {"id": claim["id"], "iri": claim["iri"]},
            "article": asm.article(article_iri) if article_iri else None,
            "sentence": claim["sentence"], "start": claim["start"], "end": claim["end"],
            "according_to": claim["according_to"], "modality": claim["modality"],
        })
    out.sort(key=lambda r: ((r["article"] or {}).get("published") or "", r["start"] or 0), reverse=False)
    return out


def articles(store, minter: Minter, *, entity: str | None = None, date_from: str | None = None,
             date_to: str | None = None, limit: int = 20, offset: int = 0) -> tuple[list[dict], int]:
    """Articles, newest first: those mentioning ``entity``, published within the dates."""
    from . import contract

    parts = ["GRAPH ?a { ?a a kg:Article ; schema:headline ?title"
             " OPTIONAL { ?a schema:datePublished ?published } OPTIONAL { ?a schema:url ?url } }"]
    if entity:
        parts.insert(0, f"?a schema:mentions <{minter.entity(entity)}> .")
    if date_from or date_to:
        parts.append("BIND(STR(?published) AS ?day)")
        parts.append(dated("?day", "?day", date_from, date_to))
    where = "\n  ".join(parts)
    total = int(store.select_values(PREFIXES + f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")[0]["n"])
    rows = store.select_values(PREFIXES + f"""
SELECT ?a ?title ?published ?url WHERE {{ {where} }} ORDER BY DESC(?published) ?a LIMIT {limit} OFFSET {offset}""")
    out = []
    for r in rows:
        split = minter.split(r["a"])
        if split and split[0] == "articles":
            out.append(contract.article(split[1], r["a"], r["title"], r.get("published"), r.get("url")))
    return out, total
