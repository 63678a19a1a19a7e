"""Reference data (``kgapi/extract/data/``) loaded once and indexed for lookup.

* ``states.csv``: states, their short names, adjectives/demonyms and capitals;
* ``persons.json``: well-known people, name variants, date-bounded roles;
* ``organizations.json``: organizations, aliases/acronyms, state-qualified
  generic names ("South Korea's defense ministry"), sub-units folded into a parent;
* ``places.json``: places that are not states, with the state they lie in;
* ``lexicon.json``: personnel kinds, casualty words, role nouns, titles, states at war with each other,
  surname-first family names;
* ``chrome.json``: page-furniture line patterns, caption markers, news and photo agencies (credits).
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources as ilr

_DATA = "kgapi.extract.data"


def _read(name: str) -> str:
    return ilr.files(_DATA).joinpath(name).read_text(encoding="utf-8")


def fold(s: str) -> str:
    """Key for comparing names: case, hyphens, apostrophes and spacing folded."""
    s = s.replace("’", "'").replace("‑", "-").replace("–", "-")
    s = re.sub(r"[-\s]+", " ", s.lower()).strip()
    return s


def fold_accents(s: str) -> str:
    """``fold`` that also drops accents: 'Mocímboa' and 'Mocimboa', 'Al-Khums' and 'al Khums' are one key."""
    s = unicodedata.normalize("NFKD", s)
    s = "".join(c for c in s if not unicodedata.combining(c))
    return re.sub(r"[\s‑–-]+", " ", s.lower().replace("’", "'")).strip()


@dataclass
class State:
    label: str
    aliases: list[str]
    adjectives: list[str]
    capitals: list[str]


@dataclass
class Person:
    label: str
    variants: list[str]
    short: list[str]
    state: str | None
    roles: list[dict]
    gender: str | None = None


@dataclass
class Org:
    label: str
    aliases: list[str]
    qualified: list[str]
    state: str | None
    kind: str
    parent: str | None
    building: bool = False


@dataclass
class PlaceRec:
    label: str
    aliases: list[str]
    state: str | None


@dataclass
class Gazetteer:
    states: dict[str, State]
    persons: dict[str, Person]
    orgs: dict[str, Org]
    places: dict[str, PlaceRec]
    # surface → (kind, canonical label); kind in state, state_adj, capital, person, org, place
    surfaces: dict[str, tuple[str, str]]
    surface_re: re.Pattern
    person_short: dict[str, str]           # surname → canonical label (reference people)
    qualified: dict[tuple[str, str], str]   # (state label, folded generic) → org label
    qualified_re: re.Pattern | None
    capital_of: dict[str, str]              # capital → state label
    place_state: dict[str, str | None]      # place label → state label
    org_state: dict[str, str | None]
    person_state: dict[str, str | None]
    folded_index: dict[str, tuple[str, str]] = field(default_factory=dict)


@dataclass
class Lexicon:
    personnel_heads: list[str]
    personnel_modifiers: list[str]
    kind_drop: set[str]
    not_after: set[str]
    not_before: list[str]
    role_heads: list[str]
    role_not: set[str]
    title_words: list[str]
    adversaries: set[tuple[str, str]] = field(default_factory=set)
    surname_first: set[str] = field(default_factory=set)
    #: state (or "*") → lower-case office → that state's name for it
    counterpart_offices: dict[str, dict[str, str]] = field(default_factory=dict)

    def counterpart_office(self, role: str, state: str | None) -> str:
        """The office of "his Italian counterpart" of a Defense Secretary, as Italy names it (Defense Minister)."""
        if not state:
            return role
        table = self.counterpart_offices
        return table.get(state, table.get("*", {})).get(role.lower(), role)


@dataclass
class Chrome:
    line_res: list[re.Pattern]
    caption_markers: list[str]
    agencies: list[str] = field(default_factory=list)


def _alt(words, ignore_case: bool = False) -> str:
    """An alternation matching the longest of ``words`` at a position, built as a trie so that the
    regex engine does not try every word in turn (several times faster on long lists).

    ``ignore_case``: the pattern is used case-insensitively, so words that differ only in case must
    share one branch (else a shorter word could be tried before a longer one); folding is exact for
    ASCII only, so other words keep the plain longest-first alternation.
    """
    words = {w for w in words if w}
    if ignore_case:
        if not all(w.isascii() for w in words):
            return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
        words = {w.lower() for w in words}
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = True
    return _trie_re(trie)


def _trie_re(node: dict) -> str:
    end = "" in node
    branches = []
    for ch in sorted(k for k in node if k):
        branches.append(re.escape(ch) + _trie_re(node[ch]))
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if end:
        # longest first: try to continue, else stop here
        return "(?:" + body + ")?"
    return body


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    states: dict[str, State] = {}
    for row in csv.reader((ln for ln in _read("states.csv").splitlines() if ln.strip() and not ln.startswith("#")),
                          delimiter=";"):
        row = (row + ["", "", "", "", ""])[:5]
        label, aliases, adjs, caps, other = (c.strip() for c in row)
        split = lambda c: [x.strip() for x in c.split("|") if x.strip()]  # noqa: E731
        states[label] = State(label, split(aliases), split(adjs), split(caps) + split(other))
    pdata = json.loads(_read("persons.json"))["persons"]
    persons = {p["label"]: Person(p["label"], p.get("variants", []), p.get("short", []), p.get("state"),
                                  p.get("roles", []), p.get("gender")) for p in pdata}
    odata = json.loads(_read("organizations.json"))["organizations"]
    orgs = {o["label"]: Org(o["label"], o.get("aliases", []), o.get("qualified", []), o.get("state"),
                            o.get("kind", ""), o.get("parent"), bool(o.get("building"))) for o in odata}
    pldata = json.loads(_read("places.json"))["places"]
    places = {p["label"]: PlaceRec(p["label"], p.get("aliases", []), p.get("state")) for p in pldata}

    surfaces: dict[str, tuple[str, str]] = {}

    def put(surface: str, kind: str, label: str) -> None:
        forms = {surface, surface.replace("'", "’")}
        if surface.startswith("the "):
            forms |= {"The" + f[3:] for f in forms}  # "The North's original contingent"
        for v in forms:
            if v and v not in surfaces:
                surfaces[v] = (kind, label)

    capital_of: dict[str, str] = {}
    for p in persons.values():
        put(p.label, "person", p.label)
        for v in p.variants:
            put(v, "person", p.label)
    for o in orgs.values():
        put(o.label, "org", o.label)
        for a in o.aliases:
            put(a, "org", o.label)
        for a in [o.label] + o.aliases:
            if re.fullmatch(r"[A-Z]{4,6}", a):
                put(a.capitalize(), "org", o.label)  # British style writes acronyms as words: "Nato", "Asean"
    for st in states.values():
        put(st.label, "state", st.label)
        for a in st.aliases:
            put(a, "state", st.label)
    for pl in places.values():
        put(pl.label, "place", pl.label)
        for a in pl.aliases:
            put(a, "place", pl.label)
    for st in states.values():
        for c in st.capitals:
            capital_of[c] = st.label
            put(c, "capital", st.label)
        for a in st.adjectives:
            put(a, "state_adj", st.label)
    # longest first; names must not run into letters on either side
    surface_re = re.compile(r"(?<![\w’'])(?:" + _alt(surfaces) + r")(?![\w])(?!['’][a-rt-z])")

    person_short: dict[str, str] = {}
    for p in persons.values():
        for s in p.short:
            person_short.setdefault(s, p.label)

    qualified: dict[tuple[str, str], str] = {}
    generics: set[str] = {"Foreign Ministry", "Ministry of Foreign Affairs", "Defense Ministry", "Defence Ministry",
                           "Ministry of Defense", "Ministry of Defence", "air force", "navy", "armed forces",
                           "coast guard", "Foreign Intelligence Service", "Ministry of National Defense",
                           "Ministry of National Defence", "National Defense Ministry", "National Defence Ministry",
                           "Foreign Office", "parliament"}
    for o in orgs.values():
        if o.state:
            for g in o.qualified:
                qualified[(o.state, fold(g))] = o.label
                generics.add(g)
    qualified_re = None
    if generics:
        names: list[str] = []
        adjs: list[str] = []
        for st in states.values():
            names += [st.label] + st.aliases + st.capitals
            adjs += st.adjectives
        qualified_re = re.compile(
            r"(?<![\w])(?:the\s+)?(?P<q>(?:" + _alt(names) + r")(?:['’]s)?|" + _alt(adjs) + r")\s+(?:(?:top|main|chief|national|ruling)\s+)?"
            r"(?P<g>" + _alt(generics) + r")(?![\w])", re.IGNORECASE)
    g = Gazetteer(states, persons, orgs, places, surfaces, surface_re, person_short, qualified,
                  qualified_re, capital_of,
                  {p.label: p.state for p in places.values()},
                  {o.label: o.state for o in orgs.values()},
                  {p.label: p.state for p in persons.values()})
    for s, v in surfaces.items():
        g.folded_index.setdefault(fold(s), v)
    return g


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    d = json.loads(_read("lexicon.json"))
    return Lexicon(d["personnel_heads"], d["personnel_modifiers"], set(d["kind_drop_modifiers"]),
                   set(d["not_personnel_after"]), d["not_personnel_before"], d["role_heads"],
                   set(d["role_not_person_roles"]), d["title_words"],
                   {tuple(p) for p in d.get("adversary_pairs", [])}, set(d.get("surname_first", [])),
                   d.get("counterpart_offices", {}))


@lru_cache(maxsize=1)
def ambiguous_aliases() -> dict[str, dict[str, list[str]]]:
    """Acronyms two bodies share ('SDF': Japan's Self-Defense Forces, the Syrian Democratic Forces) → each reading
    with the words that cue it."""
    return json.loads(_read("organizations.json")).get("ambiguous_aliases", {})


@lru_cache(maxsize=1)
def role_heads_alt() -> str:
    """The lexicon's office words as one regex alternation, longest first, the first letter in either case
    ("National security adviser", "national security adviser")."""
    heads = sorted(set(lexicon().role_heads), key=len, reverse=True)
    return "|".join("[" + h[0].upper() + h[0].lower() + "]" + re.escape(h[1:]) if h[0].isalpha() else re.escape(h)
                    for h in heads)


@lru_cache(maxsize=1)
def state_words() -> frozenset[str]:
    """Single capitalised words of the states' names, short names and adjectives ('Korea', 'Korean'): no
    part of a personal name the data does not know. Capitals are left out: many are people's names too
    ('Wellington Koo')."""
    g = gazetteer()
    words: set[str] = set()
    for st in g.states.values():
        for name in [st.label] + st.aliases + st.adjectives:
            words.update(w for w in re.split(r"[\s.]+", name) if len(w) > 2 and w[0].isupper() and w[1:].islower())
    return frozenset(words)


@lru_cache(maxsize=1)
def chrome() -> Chrome:
    d = json.loads(_read("chrome.json"))
    return Chrome([re.compile(p, re.IGNORECASE) for p in d["line_patterns"]], d["caption_markers"],
                  d.get("agencies", []))
