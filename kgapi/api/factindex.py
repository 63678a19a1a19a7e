"""The links between entities, facts, claims and articles, held in memory for entity pages and timelines.

An entity page shows one page of statements, but ordering them, counting
them and summing its relations touches every fact the entity takes part in:
thousands for a state named in most articles. Oxigraph answers that with an
index seek and a string lookup per term (seconds at a million triples), so
the embedded store's readers keep these few predicates in memory instead
(:data:`PREDICATES`: some 45 % of the triples) and answer from there in
milliseconds; only the page's own facts are then read from the store.

It stays in step graph by graph: every write tells the store's change log
which graphs it touched (:mod:`kgapi.store.changes`), and the index reads
those graphs again (a few hundred triples each). A write that could have
touched anything (a SPARQL update, a bulk load) makes it load everything
again, in a background thread; until a load is done readers are answered
by the SPARQL queries of :mod:`kgapi.graph.find`, which give the same
answers. Semantics are those queries' over the union of the named graphs.
"""

from __future__ import annotations

import logging
import threading
from collections import Counter, defaultdict
from typing import Iterable

from ..graph.terms import ENTITY_TYPES, KG, ORG, SCHEMA

log = logging.getLogger(__name__)

_K, _ORG, _S = str(KG), str(ORG), str(SCHEMA)
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
ABOUT, ACCORDING_TO = _K + "about", _K + "accordingTo"
DERIVED = "http://www.w3.org/ns/prov#wasDerivedFrom"
MENTIONS, PUBLISHED = _S + "mentions", _S + "datePublished"
HEADLINE, URL = _S + "headline", _S + "url"
SENDING, HOST, LOCATION, PARTICIPANT = _K + "sendingState", _K + "hostState", _K + "location", _K + "participant"
MEMBER, ORGANIZATION, ROLE = _ORG + "member", _ORG + "organization", _ORG + "role"
START, DATE, END, PART_OF = _K + "start", _K + "date", _K + "end", _K + "partOf"
ROLE_CLASS = _K + "RoleAssignment"
RDFS_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
SKOS_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
#: names of entities (kept for subjects under the entity prefix), for the search index
NAMES = frozenset({RDFS_LABEL, SKOS_ALT})
#: classes whose ``a`` triples are kept: the entity types (search index) and role assignments (timeline)
CLASSES = frozenset({_K + t for t in ENTITY_TYPES} | {ROLE_CLASS})

#: the entity's part in a fact → the predicate from the fact to it (as kgapi.graph.find.PARTS)
PART_PREDICATES = {"person": MEMBER, "of": ORGANIZATION, "sending_state": SENDING, "host_state": HOST,
                   "location": LOCATION, "participant": PARTICIPANT}
PREDICATES = frozenset(PART_PREDICATES.values()) | {ABOUT, ACCORDING_TO, DERIVED, MENTIONS, PUBLISHED, ROLE,
                                                   START, DATE, END, PART_OF, HEADLINE, URL}
#: articles listed on an entity page
ARTICLES_SHOWN = 20


def _lo(day: str) -> str:
    """The first day a date covers ('2025' → '2025-01-01'), as find's SPARQL computes it."""
    return day + "-01-01" if len(day) == 4 else day + "-01" if len(day) == 7 else day


class FactIndex:
    """Triples of :data:`PREDICATES` (and ``a kg:RoleAssignment``), per graph and indexed both ways."""

    def __init__(self, store, entity_prefix: str):
        self.store = store
        self.entity_prefix = entity_prefix
        self._lock = threading.RLock()
        self._graphs: dict[str, tuple[tuple[str, str, str], ...]] = {}
        self._sp: dict[str, dict[str, Counter]] = {}
        self._po: dict[tuple[str, str], Counter] = {}
        self._generation: int | None = None
        self._ready = False
        self._loader: threading.Thread | None = None
        self._entities: dict[str, EntityFacts] = {}
        self._intern: dict[str, str] = {}
        #: full loads done, and graphs read again one by one (what the tests watch)
        self.loads = 0
        self.graph_reads = 0

    # -- loading and keeping in step ---------------------------------------------------------
    def _quads(self, predicate=None, obj=None, graph=None) -> Iterable[tuple[str, str, str, str]]:
        import pyoxigraph as ox

        p = ox.NamedNode(predicate) if predicate else None
        o = ox.NamedNode(obj) if obj else None
        g = ox.NamedNode(graph) if graph else None
        for q in self.store.ox.quads_for_pattern(None, p, o, g):
            if isinstance(q.graph_name, ox.NamedNode):
                yield q.graph_name.value, q.subject.value, q.predicate.value, q.object.value

    def _keep(self, s: str, p: str, o: str) -> bool:
        if p in PREDICATES:
            return True
        if p == RDF_TYPE:
            return o in CLASSES
        return p in NAMES and s.startswith(self.entity_prefix)

    def start(self) -> None:
        """Load everything in a background thread (readers use SPARQL until it is done)."""
        with self._lock:
            if self._loader is not None and self._loader.is_alive():
                return
            self._ready = False
            self._loader = threading.Thread(target=self._load_all, name="kgapi-fact-index", daemon=True)
            self._loader.start()

    def _load_all(self) -> None:
        try:
            generation = self.store.generation
            by_graph: dict[str, list] = defaultdict(list)
            for pred in sorted(PREDICATES):
                for g, s, p, o in self._quads(pred):
                    by_graph[g].append((s, p, o))
            for cls in sorted(CLASSES):
                for g, s, p, o in self._quads(RDF_TYPE, cls):
                    by_graph[g].append((s, p, o))
            for pred in sorted(NAMES):
                for g, s, p, o in self._quads(pred):
                    if s.startswith(self.entity_prefix):
                        by_graph[g].append((s, p, o))
        except Exception:  # the store went away (closed): readers keep using SPARQL
            log.warning("the fact index could not be loaded", exc_info=True)
            return
        with self._lock:
            self._graphs, self._sp, self._po, self._intern = {}, {}, {}, {}
            for g, triples in by_graph.items():
                self._add(g, triples)
            self._generation = generation
            self._entities.clear()
            self._ready = True
            self.loads += 1
        self.sync()  # writes made while loading

    @property
    def ready(self) -> bool:
        """Loaded (it may still have writes to catch up with, which the next reader reads)."""
        return self._ready

    @property
    def state(self) -> str:
        """ready, loading, or idle (nothing has asked for it yet)."""
        if self._ready:
            return "ready"
        loader = self._loader
        return "loading" if loader is not None and loader.is_alive() else "idle"

    def wait(self, timeout: float | None = None) -> bool:
        """Start loading if nothing has yet, wait for the load; True when the index is ready."""
        with self._lock:
            if not self._ready and self._loader is None:
                self.start()
            loader = self._loader
        if loader is not None:
            loader.join(timeout)
        with self._lock:
            return self._ready

    def _i(self, value: str) -> str:
        return self._intern.setdefault(value, value)

    def _add(self, graph: str, triples: Iterable[tuple[str, str, str]]) -> None:
        kept = tuple((self._i(s), self._i(p), self._i(o)) for s, p, o in triples)
        if not kept:
            return
        self._graphs[graph] = kept
        for s, p, o in kept:
            self._sp.setdefault(s, {}).setdefault(p, Counter())[o] += 1
            self._po.setdefault((p, o), Counter())[s] += 1

    def _remove(self, graph: str) -> None:
        for s, p, o in self._graphs.pop(graph, ()):
            objs = self._sp[s][p]
            objs[o] -= 1
            if objs[o] <= 0:
                del objs[o]
                if not objs:
                    del self._sp[s][p]
                    if not self._sp[s]:
                        del self._sp[s]
            subs = self._po[(p, o)]
            subs[s] -= 1
            if subs[s] <= 0:
                del subs[s]
                if not subs:
                    del self._po[(p, o)]

    def sync(self) -> bool:
        """Bring the index in step with the store; False when it is not ready (use SPARQL)."""
        with self._lock:
            if not self._ready:
                if self._loader is None:
                    self.start()
                return False
            generation = self.store.generation
            if generation == self._generation:
                return True
            changed = self.store.changes_since(self._generation)
            if changed is None:
                self.start()
                return False
            # The generation is read before the graphs: a write landing meanwhile is read again next time.
            for g in changed:
                triples = [(s, p, o) for _g, s, p, o in self._quads(graph=g) if self._keep(s, p, o)]
                self._remove(g)
                self._add(g, triples)
                self.graph_reads += 1
            self._generation = generation
            self._entities.clear()
            return True

    def entity(self, iri: str) -> "EntityFacts | None":
        """What the index knows around one entity; None while it is not ready."""
        with self._lock:
            if not self.sync():
                return None
            found = self._entities.get(iri)
            if found is None:
                found = self._entities[iri] = EntityFacts(self, iri)
            return found

    def entity_names(self, prefix: str, classes: list[str]):
        """(labels, types, aliases, mentions) of every typed entity under ``prefix``, counted as the
        search index's queries count them over the union of graphs; None while the index loads."""
        with self._lock:
            if not self.sync():
                return None
            labels: dict[str, Counter] = {}
            types: dict[str, Counter] = defaultdict(Counter)
            aliases: dict[str, set] = {}
            mentions: dict[str, int] = {}
            for cls in classes:
                for e, n in self._po.get((RDF_TYPE, cls), {}).items():
                    if e.startswith(prefix):
                        types[e][cls] += n
            for e in types:
                names = self._sp.get(e, {})
                labels[e] = Counter(names.get(RDFS_LABEL, {}))
                aliases[e] = set(names.get(SKOS_ALT, ()))
                mentions[e] = sum(self._po.get((MENTIONS, e), {}).values())
            return labels, dict(types), aliases, mentions

    # -- look-ups (callers hold the lock) --------------------------------------------------------
    def objects(self, s: str, p: str) -> list[str]:
        return list(self._sp.get(s, {}).get(p, ()))

    def subjects(self, p: str, o: str) -> list[str]:
        return list(self._po.get((p, o), ()))


class EntityFacts:
    """One entity's statements, timeline, relations and mentioning articles, computed once per index state."""

    def __init__(self, index: FactIndex, E: str):
        ix = index
        self.iri = E
        pairs: set[tuple[str, str]] = set()
        for part, pred in PART_PREDICATES.items():
            pairs.update((f, part) for f in ix.subjects(pred, E))
        for c in ix.subjects(ACCORDING_TO, E):
            pairs.update((f, "according_to") for f in ix.objects(c, ABOUT))
        self.counts = dict(Counter(part for _f, part in pairs))
        dates = {f: (ix.objects(f, START), ix.objects(f, DATE), ix.objects(f, END)) for f, _ in pairs}

        # statements: newest first by the first of start, date, end (as find.statement_facts)
        def key(f: str) -> str:
            return next((max(v) for v in dates[f] if v), "")
        self.statements = sorted(sorted(pairs), key=lambda fp: key(fp[0]), reverse=True)

        # timeline: dated facts (roles by their articles' publication), oldest first (as find.timeline_rows)
        rows = []
        for f, part in pairs:
            if part == "according_to":
                continue
            values = next((v for v in dates[f] if v), None)
            if values is None and ROLE_CLASS in ix.objects(f, RDF_TYPE):
                values = [pub for c in ix.subjects(ABOUT, f) for a in ix.objects(c, DERIVED)
                          for pub in ix.objects(a, PUBLISHED)] or None
            if values:
                rows.append((min(_lo(v) for v in values), f, part, min(values)))
        rows.sort()
        self.timeline = [{"f": f, "part": part, "dt": dt} for _k, f, part, dt in rows]

        # relations: entity-to-entity links through facts (as find.relations, before role labels)
        links: dict[tuple[str, str, str, str | None], set[str]] = defaultdict(set)

        def link(direction, prop, facts, others, detail=lambda f: (None,)):
            for f in facts:
                for other in others(f):
                    for d in detail(f):
                        links[(direction, prop, other, d)].add(f)

        sending = ix.subjects(SENDING, E)
        located = ix.subjects(LOCATION, E)
        taking_part = ix.subjects(PARTICIPANT, E)
        link("out", "deployed_to", sending, lambda f: set(ix.objects(f, HOST)) | set(ix.objects(f, LOCATION)))
        link("in", "deployed_to", set(ix.subjects(HOST, E)) | set(located), lambda f: ix.objects(f, SENDING))
        link("out", "role", ix.subjects(MEMBER, E), lambda f: ix.objects(f, ORGANIZATION),
             lambda f: ix.objects(f, ROLE))
        link("in", "role", ix.subjects(ORGANIZATION, E), lambda f: ix.objects(f, MEMBER),
             lambda f: ix.objects(f, ROLE))
        link("out", "met_with", taking_part, lambda f: [o for o in ix.objects(f, PARTICIPANT) if o != E])
        link("out", "event_at", taking_part, lambda f: ix.objects(f, LOCATION))
        link("in", "event_at", located, lambda f: ix.objects(f, PARTICIPANT))
        for other in ix.objects(E, PART_OF):
            links[("out", "part_of", other, None)].add(E)
        for other in ix.subjects(PART_OF, E):
            links[("in", "part_of", other, None)].add(other)
        ranked = sorted(links.items(), key=lambda kv: (-len(kv[1]), kv[0][1], kv[0][2], kv[0][0], kv[0][3] or ""))
        self.relations = []
        for (direction, prop, other, detail), facts in ranked:
            row = {"dir": direction, "prop": prop, "other": other, "n": str(len(facts))}
            if detail is not None:
                row["detail"] = detail
            self.relations.append(row)

        # articles that mention the entity, newest first (undated last)
        articles = set(ix.subjects(MENTIONS, E))
        published = {a: max(ix.objects(a, PUBLISHED), default=None) for a in articles}
        self.articles = sorted(sorted(articles), key=lambda a: (published[a] is not None, published[a] or ""),
                               reverse=True)
        # the newest with a headline, as (iri, headline, published, url) (as find.mentioning_articles)
        self.shown: list[tuple[str, str, str | None, str | None]] = []
        for a in self.articles:
            titles = ix.objects(a, HEADLINE)
            if titles:
                self.shown.append((a, min(titles), published[a], min(ix.objects(a, URL), default=None)))
                if len(self.shown) == ARTICLES_SHOWN:
                    break
