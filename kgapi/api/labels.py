"""Entity search: a small in-process index of labels and aliases, rebuilt when the store changes.

A regex FILTER over every literal would scan the whole store on each search,
and SPARQL cannot fold accents. Instead each API process keeps the entities'
names folded (case, accents, hyphens, spacing) in memory and scans that list.

Knowing when to rebuild: every store counts its own writes (``generation``),
which is all an embedded store needs (one process owns it). A remote store can
be written by other processes too, so there the index also compares a cheap
fingerprint of the store (quads and graphs), at most every
``KGAPI_SEARCH_REFRESH`` seconds, and starts afresh every 12 such periods in any case.
"""

from __future__ import annotations

import re
import threading
import time
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from ..graph import contract
from ..graph.read import PREFIXES
from ..graph.terms import ENTITY_TYPES, KG

_TYPE_IRIS = {str(KG[t]): t for t in ENTITY_TYPES}
_LABEL = "http://www.w3.org/2000/01/rdf-schema#label"
_ALT = "http://www.w3.org/2004/02/skos/core#altLabel"
MAX_AGE_FACTOR = 12
_DROP = re.compile(r"[\u2019'`´ʼ]")
_SEP = re.compile(r"[^0-9a-z]+")


def fold(text: str) -> str:
    """'Kim Jong-un' → 'kim jong un'; 'Workers’ Party' → 'workers party'; 'Łódź' → 'lodz'."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ß", "ss")
    return _SEP.sub(" ", _DROP.sub("", text)).strip()


def rank(name: str, query: str) -> int | None:
    """0 exact, 1 prefix, 2 word, 3 contains, None no match; both arguments already folded."""
    if name == query:
        return 0
    squashed_name, squashed_query = name.replace(" ", ""), query.replace(" ", "")
    if squashed_name == squashed_query:
        return 0
    if name.startswith(query) or squashed_name.startswith(squashed_query):
        return 1
    if f" {query}" in f" {name}":
        return 2
    if squashed_query in squashed_name:
        return 3
    return None


def canonical(counted: dict[str, int]) -> str | None:
    """The most counted value (the registry holds one; data written around it may add more); ties
    go to the first in sort order."""
    if not counted:
        return None
    return min(counted, key=lambda v: (-counted[v], v))


@dataclass(frozen=True)
class Entry:
    entity: dict          # the contract's entity shape
    names: tuple[tuple[str, bool], ...]  # (folded name, is_alias)
    mentions: int


class LabelIndex:
    """The entities of the store, their names folded, for search and for labels of links."""

    def __init__(self, store, minter, refresh: float = 5.0, facts=None):
        self.store = store
        self.minter = minter
        #: the fact index (embedded stores): once loaded, the index is rebuilt from it, not by queries
        self.facts = facts
        self.refresh = refresh
        self._lock = threading.Lock()
        self._entries: list[Entry] = []
        self._by_iri: dict[str, Entry] = {}
        self._token = None
        self._fingerprint = None
        self._checked = 0.0

    # -- freshness -----------------------------------------------------------------
    def _local_token(self):
        return getattr(self.store, "generation", None)

    def _current_token(self):
        local = self._local_token()
        if self.store.kind == "embedded" and local is not None:
            return (local,)
        now = time.monotonic()
        if self._fingerprint is None or now - self._checked >= self.refresh:
            rows = self.store.select_values(
                "SELECT (COUNT(*) AS ?n) (COUNT(DISTINCT ?g) AS ?g2) WHERE { GRAPH ?g { ?s ?p ?o } }")
            self._fingerprint = (rows[0]["n"], rows[0]["g2"]) if rows else None
            self._checked = now
        # The fingerprint misses a replaced article of the same size: start afresh every
        # MAX_AGE_FACTOR refresh periods whatever it says, so nothing stays stale for longer.
        epoch = int(now // (self.refresh * MAX_AGE_FACTOR)) if self.refresh > 0 else 0
        return (local, self._fingerprint, epoch)

    def invalidate(self) -> None:
        """This process wrote: rebuild on the next use, whatever the fingerprint says."""
        with self._lock:
            self._token = None
            self._fingerprint = None

    def _fresh(self):
        with self._lock:
            token = self._current_token()
            if token != self._token:
                self._build()
                self._token = token
            return token

    def token(self):
        """What the store looked like when the index was (re)built: changes whenever it may have changed."""
        return self._fresh()

    # -- building ------------------------------------------------------------------
    def _build(self) -> None:
        if self.facts is not None and self._build_from_facts():
            return
        # The entity registry graph names each entity once (type, label, aliases): one read of it,
        # and one count of the articles that mention each entity (for ranking).
        prefix = str(self.minter.entity(""))
        rows = self.store.select_values(PREFIXES + f"""
SELECT ?e ?p ?o WHERE {{ GRAPH <{self.minter.registry()}> {{ ?e ?p ?o }}
  FILTER(STRSTARTS(STR(?e), "{prefix}") && ?p IN (rdf:type, rdfs:label, skos:altLabel)) }}""")
        mentions = self.store.select_values(PREFIXES + """
SELECT ?e (COUNT(*) AS ?n) WHERE { ?art schema:mentions ?e } GROUP BY ?e""")
        label_counts: dict[str, Counter] = defaultdict(Counter)
        type_counts: dict[str, Counter] = defaultdict(Counter)
        alias_sets: dict[str, set] = defaultdict(set)
        for r in rows:
            if r["p"] == _LABEL:
                label_counts[r["e"]][r["o"]] += 1
            elif r["p"] == _ALT:
                alias_sets[r["e"]].add(r["o"])
            elif r["o"] in _TYPE_IRIS:
                type_counts[r["e"]][_TYPE_IRIS[r["o"]]] += 1
        mention_counts = {r["e"]: int(r["n"]) for r in mentions}
        self._set_entries(label_counts, type_counts, alias_sets, mention_counts)

    def _set_entries(self, label_counts: dict[str, Counter], type_counts: dict[str, Counter],
                     alias_sets: dict[str, set], mention_counts: dict[str, int]) -> None:
        entries = []
        for iri, counted in label_counts.items():
            split = self.minter.split(iri)
            if not counted or not split or split[0] != "entities" or not type_counts.get(iri):
                continue
            label = canonical(counted)
            ent = contract.entity(split[1], iri, label, canonical(type_counts[iri]),
                                  alias_sets[iri] | set(counted))
            names = [(fold(label), False)] + [(fold(a), True) for a in ent["aliases"]]
            entries.append(Entry(ent, tuple((n, a) for n, a in dict.fromkeys(names) if n), mention_counts.get(iri, 0)))
        entries.sort(key=lambda e: (fold(e.entity["label"]), e.entity["id"]))
        self._entries = entries
        self._by_iri = {e.entity["iri"]: e for e in entries}

    def _build_from_facts(self) -> bool:
        """The same counts from the in-memory fact index (milliseconds, no query); False while it loads."""
        counts = self.facts.entity_names(str(self.minter.entity("")), list(_TYPE_IRIS))
        if counts is None:
            return False
        labels, types, aliases, mentions = counts
        self._set_entries(labels, {e: Counter({_TYPE_IRIS[t]: n for t, n in c.items()}) for e, c in types.items()},
                          aliases, mentions)
        return True

    # -- use -----------------------------------------------------------------------
    def search(self, q: str | None, etype: str | None, limit: int, offset: int) -> tuple[list[dict], int]:
        """Entities whose label or an alias matches ``q``, best first; all entities when q is empty."""
        self._fresh()
        entries = self._entries
        if etype:
            entries = [e for e in entries if e.entity["type"] == etype]
        query = fold(q or "")
        if not query:
            hits = entries
        else:
            scored = []
            for e in entries:
                best = None
                for name, is_alias in e.names:
                    r = rank(name, query)
                    if r is not None and (best is None or (r, is_alias) < best):
                        best = (r, is_alias)
                if best is not None:
                    scored.append(((best[0], best[1], -e.mentions, len(e.entity["label"]),
                                    fold(e.entity["label"]), e.entity["id"]), e))
            scored.sort(key=lambda s: s[0])
            hits = [e for _, e in scored]
        return [e.entity for e in hits[offset:offset + limit]], len(hits)

    def get(self, iri: str) -> dict | None:
        """The entity shape for an IRI (canonical label and type), or None."""
        self._fresh()
        entry = self._by_iri.get(iri)
        return entry.entity if entry else None
