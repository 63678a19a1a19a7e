"""The entity registry: the one graph that names every entity and role type, once.

Article graphs hold only what is unique to the article (the article, its
extraction, facts, claims, ``schema:mentions``) and one *mention record* per
entity or role type it names (``<A#mention-kim-jong-un> a kg:Mention ;
kg:mentionOf <E> ; kg:label … ; kg:entityType … ; kg:surfaceForm …``): how
that article names it. The registry graph (``{base}graphs/entities``) holds
what the whole dataset says of each entity: ``a kg:Person``, one
``rdfs:label`` and the ``skos:altLabel``\\ s. No triple is stated in two
graphs, so the union default graph (a bag in Oxigraph 0.5) counts each once.

What the registry holds follows from the mention records, by these rules:

- an entity is in the registry while some graph holds a mention of it;
- its label and type are the first ones written (first wins), kept while some
  mention still uses them; when the last one goes, the most used remaining
  label (type), ties to the first in code-point order;
- its aliases are every name (label or surface form) of its mentions except
  the label.

Writing an article is one SPARQL update (:func:`write_update`): the old graph
moves to a staging graph, the new one goes in, the registry is brought in step
for the entities of both (bounded by them: every pattern starts from
``GRAPH <staging>`` or ``GRAPH <article>``), and the staging graph goes.
:func:`delete_update` removes an article the same way, :func:`reindex_update`
rebuilds the registry from every mention record (for data written by SPARQL
update or the Graph Store, which bypass the pipeline).
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


def contribution(article_graph: Graph) -> Graph:
    """The registry entries an article brings when it is the first to name its entities.

    What the SHACL gate checks together with the article graph (``sh:class``
    needs the types), and what a registry rebuilt from this article alone holds.
    """
    out = Graph()
    for m in article_graph.subjects(RDF.type, KG.Mention):
        node, label, cls = (article_graph.value(m, p) for p in (KG.mentionOf, KG.label, KG.entityType))
        if node is None or label is None or cls is None:
            continue  # a broken record: the shapes report it
        out.add((node, RDF.type, cls))
        out.add((node, RDFS.label, label))
        for form in article_graph.objects(m, KG.surfaceForm):
            if form != label:
                out.add((node, SKOS.altLabel, form))
    return out


def registry_of(article_graphs: Iterable[Graph], registry: URIRef | None = None) -> Graph:
    """The registry that writing ``article_graphs`` one after the other into an empty store makes.

    The same rules as the updates, in Python: for corpora written straight to
    files (the benchmark) and for checking the store's registry in tests.
    """
    out = Graph(identifier=registry)
    names: dict = {}
    for g in article_graphs:
        for m in sorted(g.subjects(RDF.type, KG.Mention)):
            node, label, cls = (g.value(m, p) for p in (KG.mentionOf, KG.label, KG.entityType))
            if node is None or label is None or cls is None:
                continue
            if out.value(node, RDFS.label) is None:
                out.add((node, RDF.type, cls))
                out.add((node, RDFS.label, label))
            names.setdefault(node, set()).update([label, *g.objects(m, KG.surfaceForm)])
    for node, forms in names.items():
        label = out.value(node, RDFS.label)
        for form in forms - {label}:
            out.add((node, SKOS.altLabel, form))
    return out


def drift(store, registry: str) -> list[str]:
    """How the registry differs from what the mention records in ``store`` say it must hold; [] when in step.

    The rules that do not depend on the order of writes: every entity some
    mention names is there with exactly one label and one type, each given by
    some mention; its aliases are its mentions' other names; nothing else.
    ``kgapi reindex --check`` prints this; the tests hold every write path to it.
    """
    from collections import defaultdict

    mentions = store.select_values(_P + f"""
SELECT ?e ?p ?v WHERE {{ GRAPH ?g {{ ?m kg:mentionOf ?e ; ?p ?v }}
  FILTER(?g != <{registry}> && ?p IN (kg:label, kg:surfaceForm, kg:entityType)) }}""")
    held = store.select_values(f"SELECT ?e ?p ?v WHERE {{ GRAPH <{registry}> {{ ?e ?p ?v }} }}")
    labels, types, names = defaultdict(set), defaultdict(set), defaultdict(set)
    for r in mentions:
        if r["p"] == str(KG.entityType):
            types[r["e"]].add(r["v"])
        else:
            names[r["e"]].add(r["v"])
            if r["p"] == str(KG.label):
                labels[r["e"]].add(r["v"])
    has: dict = defaultdict(lambda: defaultdict(set))
    for r in held:
        has[r["e"]][r["p"]].add(r["v"])
    out = []
    for e in sorted(set(has) - set(types)):
        out.append(f"{e}: in the registry, named by no mention")
    for e in sorted(types):
        got = has.get(e, {})
        label, typ, alt = got.get(str(RDFS.label), set()), got.get(str(RDF.type), set()), got.get(str(SKOS.altLabel), set())
        if len(label) != 1 or not label <= labels[e]:
            out.append(f"{e}: label {sorted(label)}, expected one of {sorted(labels[e])}")
        if len(typ) != 1 or not typ <= types[e]:
            out.append(f"{e}: type {sorted(typ)}, expected one of {sorted(types[e])}")
        if alt != names[e] - label:
            out.append(f"{e}: aliases {sorted(alt)}, expected {sorted(names[e] - label)}")
        other = set(got) - {str(RDFS.label), str(RDF.type), str(SKOS.altLabel)}
        if other:
            out.append(f"{e}: unexpected properties {sorted(other)}")
    return out


# -- the updates -----------------------------------------------------------------------------

def _elsewhere(var: str, old: str) -> str:
    return f"FILTER({var} != <{old}>)"


def _names_elsewhere(e: str, name: str, old: str, prop: str) -> str:
    # The mention is found by its entity first (few), then checked for the name: joined the
    # other way, Oxigraph walks every mention of that type (kg:Person: most of them).
    return f"GRAPH ?g9 {{ ?m9 kg:mentionOf {e} FILTER EXISTS {{ ?m9 {prop} {name} }} }} {_elsewhere('?g9', old)}"


def _most_used(registry: str, prop: str, mention_prop: str, scope: str, exclude: tuple[str, ...]) -> str:
    """INSERT the most used value of ``mention_prop`` as ``prop`` for entities in ``scope`` that lack one.

    ``scope`` binds ?e; mentions in the graphs ``exclude`` do not count. Ties go to the
    smallest value (by its string form, so it works for IRIs and literals alike).
    """
    graphs = " && ".join(f"?g != <{x}>" for x in exclude)

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


def _retract(registry: str, old: str) -> list[str]:
    """Bring the registry in step for the entities of graph ``old``, as if it were gone.

    Every pattern starts from ``GRAPH <old>``; lookups elsewhere are by entity
    (and name), and stop at the first match where only existence matters.
    """
    scope = f"GRAPH <{old}> {{ ?mo kg:mentionOf ?e }}"
    return [
        # entities nothing else names any more: gone
        f"""DELETE {{ GRAPH <{registry}> {{ ?e ?p ?o }} }} WHERE {{
  {scope}
  FILTER NOT EXISTS {{ GRAPH ?g9 {{ ?m9 kg:mentionOf ?e }} {_elsewhere('?g9', old)} }}
  GRAPH <{registry}> {{ ?e ?p ?o }}
}}""",
        # a label no other mention uses: it steps down to an alias (dropped below unless still a surface form)
        f"""DELETE {{ GRAPH <{registry}> {{ ?e rdfs:label ?l }} }} INSERT {{ GRAPH <{registry}> {{ ?e skos:altLabel ?l }} }}
WHERE {{
  {scope}
  GRAPH <{registry}> {{ ?e rdfs:label ?l }}
  FILTER NOT EXISTS {{ {_names_elsewhere('?e', '?l', old, 'kg:label')} }}
}}""",
        f"""DELETE {{ GRAPH <{registry}> {{ ?e a ?t }} }} WHERE {{
  {scope}
  GRAPH <{registry}> {{ ?e a ?t }}
  FILTER NOT EXISTS {{ {_names_elsewhere('?e', '?t', old, 'kg:entityType')} }}
}}""",
        _most_used(registry, "rdfs:label", "kg:label", scope, (old,)),
        _most_used(registry, "rdf:type", "kg:entityType", scope, (old,)),
        # aliases: the label is none, and a name no other mention uses goes
        f"""DELETE {{ GRAPH <{registry}> {{ ?e skos:altLabel ?a }} }} WHERE {{
  {scope}
  GRAPH <{registry}> {{ ?e skos:altLabel ?a }}
  FILTER(EXISTS {{ GRAPH <{registry}> {{ ?e rdfs:label ?a }} }}
         || (NOT EXISTS {{ {_names_elsewhere('?e', '?a', old, 'kg:label')} }}
             && NOT EXISTS {{ {_names_elsewhere('?e', '?a', old, 'kg:surfaceForm')} }}))
}}""",
    ]


def _contribute(registry: str, article: str) -> list[str]:
    """Add what graph ``article`` says: new entities (first label and type win), then its names as aliases."""
    return [
        f"""INSERT {{ GRAPH <{registry}> {{ ?e a ?t ; rdfs:label ?l }} }} WHERE {{
  GRAPH <{article}> {{ ?m kg:mentionOf ?e ; kg:label ?l ; kg:entityType ?t }}
  FILTER NOT EXISTS {{ GRAPH <{registry}> {{ ?e rdfs:label ?x }} }}
}}""",
        f"""INSERT {{ GRAPH <{registry}> {{ ?e skos:altLabel ?a }} }} WHERE {{
  GRAPH <{article}> {{ ?m kg:mentionOf ?e . {{ ?m kg:label ?a }} UNION {{ ?m kg:surfaceForm ?a }} }}
  GRAPH <{registry}> {{ ?e rdfs:label ?l }}
  FILTER(!sameTerm(?a, ?l))
}}""",
    ]


def write_ops(registry: str, article: str, ntriples: str, *, fresh: bool = False) -> list[str]:
    """The operations that replace one article graph with ``ntriples`` and keep the registry in step.

    ``fresh``: the caller knows the store has no graph of that name (the
    retraction of the old version is then left out).
    """
    insert = f"INSERT DATA {{ GRAPH <{article}> {{\n{ntriples}\n}} }}"
    if fresh:
        return [insert, *_contribute(registry, article)]
    old = staging(article)
    return [f"MOVE SILENT GRAPH <{article}> TO GRAPH <{old}>", insert, *_retract(registry, old),
            *_contribute(registry, article), f"DROP SILENT GRAPH <{old}>"]


def graph_update(registry: str, name: str, body: list[str], *, replace: bool) -> str:
    """One update writing any named graph (the Graph Store's PUT or POST) with the registry in step.

    ``body`` are the operations that fill graph ``name`` (INSERT DATA …).
    ``replace``: the graph's old content goes first (PUT); else it is added to (POST: the
    registry only gains names, so no retraction is needed).
    """
    if not replace:
        return _P + " ;\n".join([f"CREATE SILENT GRAPH <{name}>", *body, *_contribute(registry, name)])
    old = staging(name)
    return _P + " ;\n".join([f"MOVE SILENT GRAPH <{name}> TO GRAPH <{old}>", f"CREATE SILENT GRAPH <{name}>",
                             *body, *_retract(registry, old), *_contribute(registry, name),
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
    return _P + " ;\n".join([*_retract(registry, article), f"DROP SILENT GRAPH <{article}>"])


def reindex_update(registry: str) -> str:
    """One update request rebuilding the registry from every mention record in the store.

    Labels and types the registry has and some mention still uses are kept
    (so a consistent registry comes back unchanged); the others are chosen by
    the rules above. Mention records count wherever they are, except in the
    registry itself.
    """
    prev = f"{registry}#previous"
    scope = f"GRAPH ?gs {{ ?ms kg:mentionOf ?e }} FILTER(?gs != <{prev}> && ?gs != <{registry}>)"
    keep = []
    for prop, mprop in (("rdfs:label", "kg:label"), ("rdf:type", "kg:entityType")):
        value = "?v" if mprop == "kg:label" else "IRI(?v)"
        keep.append(f"""INSERT {{ GRAPH <{registry}> {{ ?e {prop} ?best }} }} WHERE {{
  {{ SELECT ?e (MIN(STR(?v0)) AS ?v) WHERE {{
      GRAPH <{prev}> {{ ?e {prop} ?v0 }}
      FILTER EXISTS {{ GRAPH ?g {{ ?m kg:mentionOf ?e ; {mprop} ?v0 }} FILTER(?g != <{prev}> && ?g != <{registry}>) }}
  }} GROUP BY ?e }}
  BIND({value} AS ?best)
}}""")
    ops = [
        f"MOVE SILENT GRAPH <{registry}> TO GRAPH <{prev}>",
        *keep,
        _most_used(registry, "rdfs:label", "kg:label", f"{{ SELECT DISTINCT ?e WHERE {{ {scope} }} }}",
                   (prev, registry)),
        _most_used(registry, "rdf:type", "kg:entityType", f"{{ SELECT DISTINCT ?e WHERE {{ {scope} }} }}",
                   (prev, registry)),
        f"""INSERT {{ GRAPH <{registry}> {{ ?e skos:altLabel ?a }} }} WHERE {{
  GRAPH ?g {{ ?m kg:mentionOf ?e . {{ ?m kg:label ?a }} UNION {{ ?m kg:surfaceForm ?a }} }}
  FILTER(?g != <{prev}> && ?g != <{registry}>)
  GRAPH <{registry}> {{ ?e rdfs:label ?l }}
  FILTER(!sameTerm(?a, ?l))
}}""",
        f"DROP SILENT GRAPH <{prev}>",
    ]
    return _P + " ;\n".join(ops)


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
