"""Baseline extractor: finds the article in the page and its date.

Placeholder for the full extractor (entities, roles, deployments, events);
it already honours the contract so that the rest of the pipeline can run.
"""

from __future__ import annotations

import re
from datetime import datetime

from ..errors import ExtractionError
from ..ids import article_id

EXTRACTOR_VERSION = "0.1.0"

_DATE_LINE = re.compile(
    r"^(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,\s+)?"
    r"(January|February|March|April|May|June|July|August|September|October|November|December)"
    r"\s+(\d{1,2}),\s+(\d{4})\s*$"
)


def _find_date(lines: list[str]) -> str | None:
    for line in lines[:10]:
        m = _DATE_LINE.match(line.strip())
        if m:
            return datetime.strptime(f"{m[1]} {m[2]} {m[3]}", "%B %d %Y").date().isoformat()
    return None


def extract(text: str, title: str | None = None, url: str | None = None,
            published: str | None = None, source: str | None = None) -> dict:
    if not isinstance(text, str) or not text.strip():
        raise ExtractionError("the article has no text")
    lines = [ln for ln in text.splitlines() if ln.strip()]
    published = published or _find_date(lines)
    if title is None:
        candidates = [ln.strip() for ln in lines if 20 <= len(ln.strip()) <= 200 and not _DATE_LINE.match(ln.strip())]
        title = candidates[0] if candidates else lines[0].strip()[:200]
    body = text.strip()
    return {
        "article": {"id": article_id(title, published), "title": title, "published": published,
                    "url": url, "source": source, "text": body},
        "entities": [], "roles": [], "deployments": [], "events": [],
        "extractor": {"name": "kgapi", "version": EXTRACTOR_VERSION},
    }
