"""Article text → claims (the extraction contract, see ``kgapi.extract``).

Steps
-----
1. ``page``: find the article in the scraped page (title, date, body; chrome,
   teasers, bylines, repeated captions and datelines dropped). Explicit
   ``title``/``published`` win.
2. ``sentences``: sentence split with exact offsets (abbreviation-aware), clauses.
3. ``entities``: mentions from reference data (``data/``), patterns for unknown
   persons/organizations/places, short forms, capital metonymy; one entity per
   canonical label with the surface forms as aliases.
4. ``context``: pronouns and descriptions ("the envoy"), speech frames (who a
   stretch of text is attributed to), dates per sentence (``dates``).
5. ``claims``: roles, deployments (figures, frames carried across sentences,
   figure-less deployments), events; merging and de-duplication.

Why rules and not spaCy
-----------------------
No English spaCy model may be used, and ``spacy.blank("en")`` only adds a
tokenizer, a sentencizer and matchers; the work here is in the rules either way.
Plain ``re`` with trie-compiled gazetteer alternations keeps the cold import of
this package light (no spaCy import of ~1 s), extraction at tens of milliseconds
per article, and every decision inspectable in one place. Quality is measured
with ``python -m kgapi.evaluate`` against the gold in ``tests/data/gold``.

Bounds: input is cut at 2 MB, the body at 200,000 characters, sentences at
3,000 (each at most 2,000 characters), numbers looked at per sentence at 40.
"""

from __future__ import annotations

import re

from ..errors import ExtractionError
from ..ids import article_id, slugify
from .claims import extract_deployments, extract_events, extract_roles
from .context import Context
from .credits import caption_only, credit_mentions, publisher_mentions
from .dates import parse_published, to_date
from .entities import EntityIndex, Mention, add_short_forms, find_mentions, unify_variants
from .page import parse_page
from .resources import gazetteer
from .sentences import split_sentences

EXTRACTOR_VERSION = "1.0.0"



def _nested(text: str, mentions: list[Mention]) -> list[Mention]:
    """States and organizations named inside an organization's name ('… of the Russian Federation')."""
    g = gazetteer()
    extra = []
    taken = {(m.start, m.end) for m in mentions}
    for m in mentions:
        if m.type != "Organization" or len(m.surface.split()) < 3:
            continue
        sub = text[m.start:m.end]
        for x in g.surface_re.finditer(sub, 1):
            kind, label = g.surfaces[x.group(0)]
            s, e = m.start + x.start(), m.start + x.end()
            if (s, e) in taken or (s == m.start and e == m.end):
                continue
            if kind == "state":
                extra.append(Mention(s, e, x.group(0), "State", label, "name"))
            elif kind == "org" and label != m.label and not g.orgs[label].parent:
                extra.append(Mention(s, e, x.group(0), "Organization", label, "name"))
    return extra


_ACRO = re.compile(r"\s*\((?P<a>[A-Z][A-Za-z&.-]{1,11})\)")


def _acronyms(text: str, mentions: list[Mention]) -> list[Mention]:
    """'the Sahel Security Observatory (SSO)': the acronym names the same organization later on."""
    found: dict[str, Mention] = {}
    for m in mentions:
        if m.type != "Organization":
            continue
        am = _ACRO.match(text, m.end)
        if am and sum(c.isupper() for c in am.group("a")) >= 2:
            found.setdefault(am.group("a"), m)
    if not found:
        return mentions
    taken = bytearray(len(text) + 1)
    for m in mentions:
        taken[m.start:m.end] = b"\x01" * (m.end - m.start)
    extra = []
    rx = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in found) + r")(?![\w-])")
    for x in rx.finditer(text):
        if taken.find(1, x.start(), x.end()) != -1:
            continue
        org = found[x.group(0)]
        extra.append(Mention(x.start(), x.end(), x.group(0), "Organization", org.label, "name"))
    return sorted(mentions + extra, key=lambda m: (m.start, -m.end))


def _refs(result: dict):
    for r in result["roles"]:
        yield r["person"], "Person"
        if r.get("of"):
            yield r["of"], r.pop("_of_type", None)
        r.pop("_of_type", None)
        r.pop("_of_strength", None)
        r.pop("_of_state", None)
    for d in result["deployments"]:
        for k, t in (("sending_state", "State"), ("host_state", "State"), ("location", "Place")):
            if d.get(k):
                yield d[k], t
    for e in result["events"]:
        for p in e["participants"]:
            yield p, None
        if e.get("location"):
            yield e["location"], "Place"


def extract(text: str, title: str | None = None, url: str | None = None,
            published: str | None = None, source: str | None = None) -> dict:
    if not isinstance(text, str) or not text.strip():
        raise ExtractionError("the article has no text")
    if published is not None:
        # ISO-shaped is not enough: '2025-02-30' is no date, and would break the SHACL gate
        d = to_date(str(published)[:10])
        published = d.isoformat() if d else parse_published(str(published))
    page = parse_page(text, title=title, published=published)
    body = page.body
    if not body.strip():
        raise ExtractionError("no article text found in the page")
    published = page.published
    title = (page.title or body[:80]).strip()[:300]
    ref = to_date(published)

    sentences = split_sentences(body, page.paragraphs)
    mentions = find_mentions(body)
    furniture = credit_mentions(body, mentions) | publisher_mentions(mentions, page.publisher)
    furniture |= caption_only(mentions, page.captions)
    if furniture:
        mentions = [m for k, m in enumerate(mentions) if k not in furniture]
    mentions += _nested(body, mentions)
    mentions = _acronyms(body, mentions)
    mentions = unify_variants(mentions)
    mentions = add_short_forms(body, mentions)

    index = EntityIndex()
    index.mentions = mentions
    for m in mentions:
        index.add_entity(m)
    # the headline: aliases of the same entities (and entities named only there)
    tms = find_mentions(title)
    furniture = credit_mentions(title, tms) | publisher_mentions(tms, page.publisher)
    tms = [m for k, m in enumerate(tms) if k not in furniture]
    body_persons = [Mention(10**7 + i, 10**7 + i + 1, m.surface, m.type, m.label, m.how)
                    for i, m in enumerate(mentions) if m.type == "Person" and m.how in ("name", "pattern")]
    tms = [m for m in add_short_forms(title, unify_variants(body_persons + tms)) if m.start < 10**7]
    for m in tms:
        m.in_title = True
        if m.how in ("adj", "pattern") and (m.type, m.label) not in index.entities:
            continue
        index.add_entity(m)

    ctx = Context(body, sentences, index, ref, title)
    ctx.build()
    roles = extract_roles(ctx)
    ctx.roles = roles  # type: ignore[attr-defined]
    deployments = extract_deployments(ctx)
    result = {
        "article": {"id": article_id(title, published), "title": title, "published": published,
                    "url": url, "source": source, "text": body},
        "entities": [],
        "roles": roles,
        "deployments": deployments,
        "events": extract_events(ctx),
        "extractor": {"name": "kgapi", "version": EXTRACTOR_VERSION},
    }
    # every ref points into entities
    g = gazetteer()
    # a body named after its seat ("the Kremlin") is a place where something happens and a body whose
    # spokesman speaks: when a role is held in it, the one entity is the body
    bodies = {slugify(r["of"]["label"]) for r in roles if r.get("of") and r.get("_of_type") == "Organization"}
    by_id = {}
    for (t, label), e in index.entities.items():
        sid = slugify(label)
        if t == "Organization" and sid in bodies and sid in by_id and by_id[sid][0] == "Place":
            by_id[sid] = (t, e)
        by_id.setdefault(sid, (t, e))
    for r, t in list(_refs(result)):
        if r["id"] not in by_id:
            if t is None:
                t = ("State" if r["label"] in g.states else "Organization" if r["label"] in g.orgs
                     else "Person" if r["label"] in g.persons else "Place" if r["label"] in g.places else "Organization")
            m = Mention(10**8, 10**8, r["label"], t, r["label"])
            e = index.add_entity(m, alias=False)
            by_id[r["id"]] = (t, e)
    ents = sorted(index.entities.values(), key=lambda e: e.first)
    seen_ids = set()
    for e in ents:
        eid = slugify(e.label)
        if not eid or eid in seen_ids or (eid in by_id and by_id[eid][1] is not e and by_id[eid][0] != e.type):
            continue
        seen_ids.add(eid)
        result["entities"].append({"id": eid, "label": e.label, "type": e.type, "aliases": list(e.aliases)})
    _conform(result)
    return result


def _conform(result: dict) -> None:
    """Drop a slot value of a type the slot does not admit ("the Kremlin" as an event's place).

    A rule that reads a slot wrongly must cost that one value, not the whole
    article: the SHACL gate and the builder refuse an article with such a value.
    """
    from ..graph.contract import SLOT_TYPES  # the builder's own table (it refuses anything else)

    types = {e["id"]: e["type"] for e in result["entities"]}

    def admitted(ref: dict | None, slot: str) -> bool:
        return ref is not None and types.get(ref.get("id")) in SLOT_TYPES[slot]

    for fact in (*result["deployments"], *result["events"]):
        for slot in ("sending_state", "host_state", "location"):
            if fact.get(slot) is not None and not admitted(fact[slot], slot):
                fact[slot] = None
    kept = []
    for role in result["roles"]:
        if not admitted(role.get("person"), "person"):
            continue
        if not admitted(role.get("of"), "of"):
            continue  # a role is held in a state or a body; "the Kremlin" read as a place holds none
        kept.append(role)
    result["roles"] = kept
