"""Hand-made extractions of the seed and the development articles, for the API tests.

Each one is the article's gold annotation (what an analyst reads out of it) in
the extraction contract's shape, with evidence sentences and offsets found in
the real text. They let the API be tested on realistic graphs independently of
how good the extractor is on a given day.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from kgapi.ids import article_id, slugify
from tests.helpers import DATA_DIR

#: the seed and the development articles, with their gold
ARTICLES = [(DATA_DIR / "articles" / f"{name}.txt", DATA_DIR / "gold" / f"{name}.gold.json")
            for name in ("000_484adb04f46ed6a9", "dev-01", "dev-02")]

_SENTENCE = re.compile(r"[^\n]+?(?:[.!?](?=\s|$)|$)", re.M)


def sentences(text: str) -> list[tuple[str, int, int]]:
    out = []
    for m in _SENTENCE.finditer(text):
        s = m.group(0).strip()
        if s:
            start = m.start() + (len(m.group(0)) - len(m.group(0).lstrip()))
            out.append((s, start, start + len(s)))
    return out


def _find(sents, *needles: str) -> list[dict]:
    """The first body sentence (ends like one; not a title, caption or menu line) with every needle."""
    wanted = [n.lower() for n in needles if n]
    for s, start, end in sents:
        low = s.lower()
        if len(s) > 40 and s[-1] in ".!?\"”" and "|" not in s and all(n in low for n in wanted):
            return [{"sentence": s, "start": start, "end": end}]
    return []


def _names(entity: dict) -> list[str]:
    return [entity["label"], *entity.get("aliases", [])]


def extraction_from_gold(text_file: Path, gold_file: Path) -> dict:
    gold = json.loads(gold_file.read_text())
    text = text_file.read_text()
    sents = sentences(text)
    by_label = {e["label"]: e for e in gold["entities"]}

    def ref(label):
        return {"id": slugify(label), "label": label} if label else None

    def find_any(label, *more):
        for name in _names(by_label.get(label, {"label": label})):
            found = _find(sents, name.split()[-1] if name == label and " " in name else name, *more)
            if found:
                return found
        return _find(sents, *more) if more else []

    def according(label):
        if not label:
            return []
        return [{"id": slugify(label), "label": label} if label in by_label else {"label": label}]

    deployments = []
    for d in gold["deployments"]:
        srcs = _find(sents, f"{d['count']:,}") if d["count"] else find_any(d["sending_state"], "troops")
        deployments.append({
            "sending_state": ref(d["sending_state"]), "host_state": ref(d["host_state"]),
            "location": ref(d["location"]),
            "personnel": [{"count": d["count"], "min": d.get("min"), "qualifier": d["qualifier"], "kind": d["kind"]}],
            "start": d["start"], "end": d["end"], "status": d["status"][0],
            "according_to": according(d.get("according_to")),
            "modality": "attributed" if d.get("according_to") else "asserted", "sources": srcs,
        })
    roles = [{"person": ref(r["person"]), "role": r["role"], "of": ref(r["of"]),
              "sources": find_any(r["person"], r["role"].split()[-1])} for r in gold["roles"]]
    def event_source(e):
        names = [p.split()[-1] for p in e["participants"]]
        return _find(sents, *names) or (find_any(e["participants"][0]) if names else [])

    events = [{"type": e["type"], "date": e["date"], "participants": [ref(p) for p in e["participants"]],
               "sources": event_source(e)} for e in gold["events"]]
    return {
        "article": {"id": article_id(gold["title"], gold["published"]), "title": gold["title"],
                    "published": gold["published"], "source": text_file.name, "text": text},
        "entities": [{"id": slugify(e["label"]), "label": e["label"], "type": e["type"],
                      "aliases": e.get("aliases", [])} for e in gold["entities"]],
        "roles": roles, "deployments": deployments, "events": events,
        "extractor": {"name": "gold", "version": "hand-made"},
    }


def extractions() -> list[dict]:
    return [extraction_from_gold(t, g) for t, g in ARTICLES]


def ingest_all(app) -> list[dict]:
    """Build and write every hand-made extraction into the app's store; their ingest answers."""
    st = app.extensions["kgapi"]
    return [st.pipeline.write(st.pipeline.build(x)) for x in extractions()]
