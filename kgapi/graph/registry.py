"""The entity registry: the one graph that names every entity and role type, once.

Article graphs hold only what is unique to the article (the article, its
extraction, facts, claims, ``schema:mentions``) and one *mention record* per
entity or role type it names (``<A#mention-kim-jong-un> a kg:Mention ;
kg:mentionOf <E> ; kg:label … ; kg:entityType … ; kg:surfaceForm …``): how
that article names it. The registry graph (``{base}graphs/entities``) holds
what the whole dataset says of each entity: ``a kg:Person``, one
``rdfs:label`` and the ``skos:altLabel``\\ s. No triple is stated in two
graphs, so the union default graph (a bag in Oxigraph 0.5) counts each once.

What the registry holds follows from the mention records alone (whatever the
order they were written in), by these rules:

- an entity is in the registry while some graph holds a mention of it;
- its label is the one most of its mentions give, ties going to the first in
  code-point order; its type likewise;
- its aliases are every name (label or surface form) of its mentions except
  the label.

Writing an article is one SPARQL update (:func:`write_update`): the old graph
moves to a staging graph, the new one goes in, the registry is brought in step
for the entities of both, and the staging graph goes. Every pattern starts
from ``GRAPH <staging>`` or ``GRAPH <article>``, and an entity's mentions are
only counted again when its label (type) may change: the article gives a name
other than the registry's, or takes a vote from the registry's. Re-writing an
article as it was, or naming entities as everyone does, costs lookups only.
:func:`delete_update` removes an article the same way, :func:`reindex_update`
rebuilds the registry from every mention record (for data written by SPARQL
update, which bypasses all this).
"""

from __future__ import annotations

from typing import Iterable

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS

from .terms import ENTITY_TYPES, KG

_P = (f"PREFIX kg: <{KG}>\nPREFIX rdfs: <{RDFS}>\nPREFIX skos: <{SKOS}>\nPREFIX rdf: <{RDF}>\n")
#: the classes a mention record may give (kg:entityType)
MENTION_TYPES = tuple(str(KG[t]) for t in (*ENTITY_TYPES, "Role"))


def staging(article: str) -> str:
    """The graph an article's previous version waits in during its replacement (never seen outside it)."""
    return f"{article}#previous"


def mention_iri(article: str, ident: str, role_type: bool = False) -> URIRef:
    """``<A#mention-kim-jong-un>`` (an entity) or ``<A#role-type-supreme-leader>`` (a role type)."""
    return URIRef(f"{article}#{'role-type' if role_type else 'mention'}-{ident}")


def add_mention(g: Graph, article: URIRef, node: URIRef, ident: str, label: str, cls: URIRef,
                surface_forms: Iterable[str] = (), role_type: bool = False) -> URIRef:
    """Add one mention record to an article graph; returns its IRI."""
    m = mention_iri(str(article), ident, role_type)
    g.add((m, RDF.type, KG.Mention))
    g.add((m, KG.mentionOf, node))
    g.add((m, KG.label, Literal(label)))
    g.add((m, KG.entityType, cls))
    for form in surface_forms:
        if form != label:
            g.add((m, KG.surfaceForm, Literal(form)))
    return m


def mention_records(article_graph: Graph):
    """(entity, label, type, surface forms) of each whole mention record in ``article_graph``.

    One pass over the triples: pattern lookups would make an article graph's store
    build its indexes (see :mod:`._store`), which cost more than the rest of this. A
    property given twice counts once, by its first value; a record missing its entity,
    label or type is left out (the shapes report it).
    """
    from ._store import triples_of

    mentions: dict = {}  # subject → {property: its first value}
    forms: dict = {}  # subject → its surface forms, in order
    for s, p, o in triples_of(article_graph):
        if p in _RECORD:
            if p == _SURFACE_FORM:
                forms.setdefault(s, []).append(o)
            elif p != RDF.type or o == _MENTION:
                mentions.setdefault(s, {}).setdefault(p, o)
    for m, props in mentions.items():
        if RDF.type not in props:
            continue  # not a mention record
        node, label, cls = props.get(_MENTION_OF), props.get(_LABEL), props.get(_ENTITY_TYPE)
        if node is not None and label is not None and cls is not None:
            yield node, label, cls, forms.get(m, ())


def contribution(article_graph: Graph) -> Graph:
    """The registry entries an article brings when it is the first to name its entities.

    What the SHACL gate checks together with the article graph (``sh:class``
    needs the types), and what a registry rebuilt from this article alone holds.
    """
    from ._store import ArticleStore

    out = Graph(store=ArticleStore())
    add = out.store.add
    for node, label, cls, forms in mention_records(article_graph):
        add((node, RDF.type, cls), out)
        add((node, RDFS.label, label), out)
        for form in forms:
            if form != label:
                add((node, SKOS.altLabel, form), out)
    return out


_MENTION, _MENTION_OF, _LABEL, _ENTITY_TYPE, _SURFACE_FORM = (KG.Mention, KG.mentionOf, KG.label, KG.entityType,
                                                              KG.surfaceForm)
_RECORD = frozenset({RDF.type, _MENTION_OF, _LABEL, _ENTITY_TYPE, _SURFACE_FORM})


def best(counted: dict) -> object:
    """The rule's choice: the most used value, ties to the first in code-point order."""
    return min(counted, key=lambda v: (-counted[v], str(v)))


def registry_of(article_graphs: Iterable[Graph], registry: URIRef | None = None) -> Graph:
    """The registry the mention records of ``article_graphs`` make (whatever the order they are written in).

    The same rules as the updates, in Python: for corpora written straight to
    files (the benchmark) and for checking the store's registry in tests.
    """
    from collections import Counter, defaultdict

    labels: dict = defaultdict(Counter)
    types: dict = defaultdict(Counter)
    names: dict = defaultdict(set)
    for g in article_graphs:
        for node, label, cls, forms in mention_records(g):
            labels[node][label] += 1
            types[node][cls] += 1
            names[node].update([label, *forms])
    out = Graph(identifier=registry)
    for node, counted in labels.items():
        label = best(counted)
        out.add((node, RDFS.label, label))
        out.add((node, RDF.type, best(types[node])))
        for form in names[node] - {label}:
            out.add((node, SKOS.altLabel, form))
    return out


def drift(store, registry: str) -> list[str]:
    """How the registry differs from what the mention records in ``store`` say it must hold; [] when in step.

    Every entity some mention names is there with the label and the type most
    of its mentions give (ties: the first in code-point order), its mentions'
    other names as aliases, and nothing else.
    ``kgapi reindex --check`` prints this; the tests hold every write path to it.
    """
    from collections import defaultdict

    mentions = store.select_values(_P + f"""
SELECT ?m ?e ?p ?v WHERE {{ GRAPH ?g {{ ?m kg:mentionOf ?e ; ?p ?v }}
  FILTER(?g != <{registry}> && ?p IN (kg:label, kg:surfaceForm, kg:entityType)) }}""")
    held = store.select_values(f"SELECT ?e ?p ?v WHERE {{ GRAPH <{registry}> {{ ?e ?p ?v }} }}")
    from collections import Counter

    labels, types, names = defaultdict(Counter), defaultdict(Counter), defaultdict(set)
    for r in mentions:  # one row per (mention, property, value): a vote each
        if r["p"] == str(KG.entityType):
            types[r["e"]][r["v"]] += 1
        else:
            names[r["e"]].add(r["v"])
            if r["p"] == str(KG.label):
                labels[r["e"]][r["v"]] += 1
    has: dict = defaultdict(lambda: defaultdict(set))
    for r in held:
        has[r["e"]][r["p"]].add(r["v"])
    out = []
    for e in sorted(set(has) - set(types)):
        out.append(f"{e}: in the registry, named by no mention")
    for e in sorted(types):
        got = has.get(e, {})
        label, typ, alt = got.get(str(RDFS.label), set()), got.get(str(RDF.type), set()), got.get(str(SKOS.altLabel), set())
        if label != {best(labels[e])}:
            out.append(f"{e}: label {sorted(label)}, expected {best(labels[e])!r} (of {dict(labels[e])})")
        if typ != {best(types[e])}:
            out.append(f"{e}: type {sorted(typ)}, expected {best(types[e])!r} (of {dict(types[e])})")
        if alt != names[e] - label:
            out.append(f"{e}: aliases {sorted(alt)}, expected {sorted(names[e] - label)}")
        other = set(got) - {str(RDFS.label), str(RDF.type), str(SKOS.altLabel)}
        if other:
            out.append(f"{e}: unexpected properties {sorted(other)}")
    return out


# -- the updates -----------------------------------------------------------------------------

def _scope(graphs: tuple[str, ...]) -> str:
    """Binds ?e to each entity (once) that a mention in one of ``graphs`` names."""
    union = " UNION ".join(f"{{ GRAPH <{g}> {{ ?ms kg:mentionOf ?e }} }}" for g in graphs)
    return f"{{ SELECT DISTINCT ?e WHERE {{ {union} }} }}"


def _most_used(registry: str, prop: str, mention_prop: str, scope: str, exclude: tuple[str, ...]) -> str:
    """INSERT the most used value of ``mention_prop`` as ``prop`` for entities in ``scope`` that lack one.

    ``scope`` binds ?e; mentions in the graphs ``exclude`` do not count. Ties go to the
    smallest value (by its string form, so it works for IRIs and literals alike).
    """
    graphs = " && ".join(f"?g != <{x}>" for x in exclude) or "true"

    def counted(v: str, n: str) -> str:
        # MINUS, not FILTER NOT EXISTS: Oxigraph then drops the entities that have a value
        # before it looks for mentions (the common case: none lacks one, and this costs nothing).
        return (f"SELECT ?e {v} (COUNT(*) AS {n}) WHERE {{ {scope} "
                f"MINUS {{ GRAPH <{registry}> {{ ?e {prop} ?have }} }} "
                f"GRAPH ?g {{ ?m kg:mentionOf ?e ; {mention_prop} {v} }} FILTER({graphs}) }} GROUP BY ?e {v}")

    value = "?v" if mention_prop == "kg:label" else "IRI(?v)"
    return f"""INSERT {{ GRAPH <{registry}> {{ ?e {prop} ?best }} }} WHERE {{
  {{ SELECT ?e (MIN(STR(?v0)) AS ?v) WHERE {{
      {{ {counted('?v0', '?n')} }}
      {{ SELECT ?e (MAX(?n1) AS ?n) WHERE {{ {{ {counted('?v1', '?n1')} }} }} GROUP BY ?e }}
  }} GROUP BY ?e }}
  BIND({value} AS ?best)
}}"""


def _may_change(old: str | None, new: str | None, mention_prop: str, v: str) -> str:
    """A FILTER true when the registry's value ``v`` (of ?e) may no longer be the most used.

    Its votes only move by the old version's mention (one less) and the new one's
    (one more): the value may lose its place when the new version gives another, or
    when the old one gave it and the new one does not. Otherwise it only gains.
    """
    tests = []
    if new:
        tests.append(f"EXISTS {{ GRAPH <{new}> {{ ?ma kg:mentionOf ?e FILTER EXISTS {{ ?ma {mention_prop} ?x FILTER(?x != {v}) }} }} }}")
    if old:
        lost = f"EXISTS {{ GRAPH <{old}> {{ ?mb kg:mentionOf ?e FILTER EXISTS {{ ?mb {mention_prop} {v} }} }} }}"
        if new:
            lost += f" && NOT EXISTS {{ GRAPH <{new}> {{ ?mc kg:mentionOf ?e FILTER EXISTS {{ ?mc {mention_prop} {v} }} }} }}"
        tests.append(f"({lost})")
    return f"FILTER({' || '.join(tests)})"


def _sync(registry: str, old: str | None, new: str | None) -> list[str]:
    """Bring the registry in step for the entities of graph ``old`` (going) and ``new`` (in place).

    Mentions in ``old`` no longer count; ``new`` is already written. Bounded by
    the two graphs' entities; an entity's mentions are counted again only when
    its label or type may change (:func:`_may_change`).
    """
    graphs = tuple(g for g in (old, new) if g)
    exclude = (old,) if old else ()
    elsewhere = f"FILTER(?g9 != <{old}>)" if old else ""
    ops = []
    if old:
        # entities nothing else names any more: gone
        ops.append(f"""DELETE {{ GRAPH <{registry}> {{ ?e ?p ?o }} }} WHERE {{
  {_scope((old,))}
  FILTER NOT EXISTS {{ GRAPH ?g9 {{ ?m9 kg:mentionOf ?e }} {elsewhere} }}
  GRAPH <{registry}> {{ ?e ?p ?o }}
}}""")
    # Each operation below runs once per graph, its scope the entities of that graph alone: with
    # a UNION of both graphs as the scope, Oxigraph joins the counts by hashing every mention.
    for g in graphs:
        scope = _scope((g,))
        ops += [
            # a label that may lose its place steps down to an alias (chosen again below; the
            # aliases are tidied last), a type likewise goes
            f"""DELETE {{ GRAPH <{registry}> {{ ?e rdfs:label ?l }} }} INSERT {{ GRAPH <{registry}> {{ ?e skos:altLabel ?l }} }}
WHERE {{ {scope} GRAPH <{registry}> {{ ?e rdfs:label ?l }} {_may_change(old, new, 'kg:label', '?l')} }}""",
            f"""DELETE {{ GRAPH <{registry}> {{ ?e a ?t }} }}
WHERE {{ {scope} GRAPH <{registry}> {{ ?e a ?t }} {_may_change(old, new, 'kg:entityType', '?t')} }}""",
        ]
    for g in graphs:
        scope = _scope((g,))
        ops += [_most_used(registry, "rdfs:label", "kg:label", scope, exclude),
                _most_used(registry, "rdf:type", "kg:entityType", scope, exclude)]
    if new:
        ops.append(f"""INSERT {{ GRAPH <{registry}> {{ ?e skos:altLabel ?a }} }} WHERE {{
  GRAPH <{new}> {{ ?m kg:mentionOf ?e . {{ ?m kg:label ?a }} UNION {{ ?m kg:surfaceForm ?a }} }}
  GRAPH <{registry}> {{ ?e rdfs:label ?l }}
  FILTER(!sameTerm(?a, ?l))
}}""")
    # aliases: the label is none, and a name no mention uses any more goes
    unused = (f"NOT EXISTS {{ GRAPH ?g9 {{ ?m9 kg:mentionOf ?e FILTER EXISTS {{ ?m9 kg:label|kg:surfaceForm ?a }} }} "
              f"{elsewhere} }}")
    for g in graphs:
        ops.append(f"""DELETE {{ GRAPH <{registry}> {{ ?e skos:altLabel ?a }} }} WHERE {{
  {_scope((g,))}
  GRAPH <{registry}> {{ ?e skos:altLabel ?a }}
  FILTER(EXISTS {{ GRAPH <{registry}> {{ ?e rdfs:label ?a }} }}{f" || {unused}" if old else ""})
}}""")
    return ops


def write_ops(registry: str, article: str, ntriples: str, *, fresh: bool = False) -> list[str]:
    """The operations that replace one article graph with ``ntriples`` and keep the registry in step.

    ``fresh``: the caller knows the store has no graph of that name (the
    retraction of the old version is then left out).
    """
    insert = f"INSERT DATA {{ GRAPH <{article}> {{\n{ntriples}\n}} }}"
    if fresh:
        return [insert, *_sync(registry, None, article)]
    old = staging(article)
    return [f"MOVE SILENT GRAPH <{article}> TO GRAPH <{old}>", insert, *_sync(registry, old, article),
            f"DROP SILENT GRAPH <{old}>"]


def graph_update(registry: str, name: str, body: list[str], *, replace: bool) -> str:
    """One update writing any named graph (the Graph Store's PUT or POST) with the registry in step.

    ``body`` are the operations that fill graph ``name`` (INSERT DATA …).
    ``replace``: the graph's old content goes first (PUT); else it is added to (POST).
    """
    old = staging(name)
    keep = f"COPY SILENT GRAPH <{name}> TO GRAPH <{old}>" if not replace else f"MOVE SILENT GRAPH <{name}> TO GRAPH <{old}>"
    return _P + " ;\n".join([keep, f"CREATE SILENT GRAPH <{name}>", *body, *_sync(registry, old, name),
                             f"DROP SILENT GRAPH <{old}>"])


def write_update(registry: str, articles: Iterable[tuple[str, str]], fresh: Iterable[str] = ()) -> str:
    """One update request writing every (article graph name, N-Triples) in turn, registry included.

    A name given twice: only its last version is written, in the place of its first.
    """
    latest = dict(articles)
    known_fresh = set(fresh)
    ops = [op for name, body in latest.items() for op in write_ops(registry, name, body, fresh=name in known_fresh)]
    return _P + " ;\n".join(ops) if ops else ""


def delete_update(registry: str, article: str) -> str:
    """One update request removing an article graph and what only it gave the registry."""
    return _P + " ;\n".join([*_sync(registry, article, None), f"DROP SILENT GRAPH <{article}>"])


def reindex_update(registry: str) -> str:
    """One update request rebuilding the registry from every mention record in the store.

    The result follows from the mention records alone, so a registry in step
    comes back unchanged. Mention records count wherever they are, except in the
    registry itself.
    """
    scope = (f"{{ SELECT DISTINCT ?e WHERE {{ GRAPH ?gs {{ ?ms kg:mentionOf ?e }} "
             f"FILTER(?gs != <{registry}>) }} }}")
    ops = [
        f"DROP SILENT GRAPH <{registry}>",
        _most_used(registry, "rdfs:label", "kg:label", scope, (registry,)),
        _most_used(registry, "rdf:type", "kg:entityType", scope, (registry,)),
        f"""INSERT {{ GRAPH <{registry}> {{ ?e skos:altLabel ?a }} }} WHERE {{
  GRAPH ?g {{ ?m kg:mentionOf ?e . {{ ?m kg:label ?a }} UNION {{ ?m kg:surfaceForm ?a }} }}
  FILTER(?g != <{registry}>)
  GRAPH <{registry}> {{ ?e rdfs:label ?l }}
  FILTER(!sameTerm(?a, ?l))
}}""",
    ]
    return _P + " ;\n".join(ops)


#: the terms of mention records: a client's update naming none of them in data changes none
MENTION_TERMS = frozenset(str(KG[t]) for t in ("Mention", "mentionOf", "label", "surfaceForm", "entityType"))
#: update operations that change triples picked by a pattern or whole graphs: any may change mentions
_PATTERN_OPERATIONS = frozenset({"DELETE", "INSERT", "DELETE WHERE", "CLEAR", "DROP", "COPY", "MOVE", "ADD",
                                 "LOAD"})


def update_needs_reindex(operations: Iterable[str], terms: Iterable[str], written: Iterable[str],
                         registry: str) -> bool:
    """Whether a client's update (its operations, the IRIs it names, the graphs it inserts into)
    may leave the registry out of step with the mention records.

    Ground data (INSERT DATA / DELETE DATA) changes mentions only when it names
    their terms; anything matched by a pattern or done to whole graphs may. An
    update that writes into the registry itself is taken as given, as a Graph
    Store write to it is (``kgapi reindex`` rebuilds it on demand).
    """
    if registry in set(written):
        return False
    ops = set(operations)
    return bool(ops & _PATTERN_OPERATIONS) or (bool(ops) and not MENTION_TERMS.isdisjoint(terms))


def reindex_operations(registry: str) -> str:
    """:func:`reindex_update` as operations with full IRIs and no prologue, to follow another update.

    For a client's SPARQL update that may change mention records: appended after
    it (``;``) they make one request, so the registry is rebuilt in the same
    transaction. Full IRIs because the client's prologue stays in force for what
    follows (its ``kg:`` may not be ours) and Oxigraph takes no PREFIX after ``;``.
    """
    from ..sparql.lexer import tokenize

    text = reindex_update(registry)[len(_P):]
    prefixes = {"kg": str(KG), "rdfs": str(RDFS), "skos": str(SKOS), "rdf": str(RDF)}
    out, last = [], 0
    for tok in tokenize(text):
        if tok.kind == "pname":
            prefix, _, local = tok.text.partition(":")
            out += [text[last:tok.pos], f"<{prefixes[prefix]}{local}>"]
            last = tok.pos + len(tok.text)
    return "".join(out) + text[last:]


def migrate_update(registry: str, article_prefix: str) -> str:
    """Turn article graphs written before the registry existed into mention records.

    Such graphs stated each entity's type, label and aliases (and each role
    type's) themselves; this moves them into mention records of the same
    article. Run it before :func:`reindex_update`. One full pass over the
    article graphs; a no-op on current data.
    """
    types = " ".join(f"<{t}>" for t in MENTION_TYPES)
    mention = (f'BIND(IRI(CONCAT(STR(?a), IF(?t = kg:Role, "#role-type-", "#mention-"), '
               f'REPLACE(STR(?e), "^.*/", ""))) AS ?m)')
    where = (f'GRAPH ?a {{ ?e a ?t }} VALUES ?t {{ {types} }} '
             f'FILTER(STRSTARTS(STR(?a), "{article_prefix}") && !CONTAINS(STR(?a), "#")) {mention}')
    return _P + " ;\n".join([
        f"""DELETE {{ GRAPH ?a {{ ?e skos:altLabel ?al }} }} INSERT {{ GRAPH ?a {{ ?m kg:surfaceForm ?al }} }}
WHERE {{ {where} GRAPH ?a {{ ?e skos:altLabel ?al }} }}""",
        f"""DELETE {{ GRAPH ?a {{ ?e a ?t ; rdfs:label ?l }} }}
INSERT {{ GRAPH ?a {{ ?m a kg:Mention ; kg:mentionOf ?e ; kg:entityType ?t ; kg:label ?l }} }}
WHERE {{ {where} GRAPH ?a {{ ?e rdfs:label ?l }} }}""",
    ])


def rebuild_update(registry: str, article_prefix: str, *, migrate: bool = True) -> str:
    """:func:`migrate_update` then :func:`reindex_update`, as one update request (one transaction)."""
    if not migrate:
        return reindex_update(registry)
    # One prologue for the whole request: Oxigraph takes no PREFIX after a ';'.
    return migrate_update(registry, article_prefix) + " ;\n" + reindex_update(registry)[len(_P):]
