"""Deterministic, readable identifiers.

The same label always gives the same id, so the same person named in two
articles is one node and re-ingesting an article mints the same ids again.
Facts (deployments, events, claims) get an id from their article and a hash of
their content: stable across runs, distinct across facts.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata

_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_ID_RE = re.compile(r"^[a-z0-9](?:[a-z0-9-]{0,198}[a-z0-9])?$")


def slugify(text: str, max_length: int = 80) -> str:
    """'Workers’ Party of Korea' → 'workers-party-of-korea'; accents folded, ASCII only."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = folded.replace("’", "").replace("'", "").lower()
    slug = _NON_ALNUM.sub("-", folded).strip("-")
    if len(slug) > max_length:
        slug = slug[:max_length].rsplit("-", 1)[0] or slug[:max_length]
    return slug


def is_valid_id(value: str) -> bool:
    """True for ids this module could have minted (guards URLs against '../', '%00'…)."""
    return bool(_ID_RE.match(value or ""))


def article_id(title: str, published: str | None) -> str:
    """'2025-12-06-north-korea-shows-troops-in-russia-for-first-time'."""
    slug = slugify(title, max_length=60) or "untitled"
    return f"{published}-{slug}" if published else slug


_JSON = json.JSONEncoder(sort_keys=True, ensure_ascii=False, default=str)  # json.dumps makes one per call


def content_hash(*parts: object, length: int = 10) -> str:
    data = _JSON.encode(parts)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()[:length]


def fact_id(article: str, kind: str, content: object) -> str:
    """Id of a deployment, event, role assignment or claim read out of one article."""
    return f"{article[:70].rstrip('-')}-{kind}-{content_hash(kind, content)}"
