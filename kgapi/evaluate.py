"""Score the extractor against gold annotations.

Usage::

    python -m kgapi.evaluate GOLD_DIR [ARTICLES_DIR] [--json] [--per-article]

Each ``*.gold.json`` in GOLD_DIR names its article file (``"article"``); the text
is looked up in ARTICLES_DIR, else in ``GOLD_DIR/../articles``, ``../seeds``,
``../dev-articles`` or GOLD_DIR itself. The extractor is given the raw text only
(title and date must be found in it); ``.html`` articles go through
``extract_document`` as ``text/html``.

Matching rules (all one-to-one, greedy, per article; counts are summed over
articles, so P/R/F1 are micro-averaged):

* **labels** are compared after normalising: accents folded, case folded,
  apostrophes and dots dropped, hyphens and runs of spaces made one space, a
  leading "the" dropped ("Kim Jong-un" = "Kim Jong Un", "U.S." = "US").
* **entities**: a predicted entity matches a gold entity of the same type when
  its label or one of its aliases equals the gold label or one of the gold
  aliases. A second predicted entity matching the same gold entity is a false
  positive (the graph would hold two nodes for one thing).
* **roles**: same person (entity mapping as above), same role wording (case and
  a leading article ignored; "of the" / "of" differences ignored) and same
  ``of`` (both empty, or the same entity).
* **deployments**: one item per personnel figure (a predicted deployment with
  two figures is two items). A figure matches when sending state, host state and
  count agree (count None matches None). On matched figures, sub-scores report
  the share that also agree on qualifier, kind (normalised, singular/plural
  folded), start, end, status (predicted status in gold's list), location and
  according_to (normalised label equal, or one contains the other, or the same
  entity). ``deployments_strict`` additionally requires the qualifier. When several predicted
  figures match one gold figure, the one agreeing on most of these attributes is paired.
* **events**: type + date + participants (as a set of entities) must agree.
  ``events_relaxed`` drops the date, pairing events for the date accuracy.
* **date accuracy**: over the article's published date, the start/end of every
  matched figure, and the date of every event matched on type+participants:
  the share that are exactly right (precision kept: "2024-10" ≠ "2024").
* **not**: gold's ``not`` items the extractor produced anyway (an entity whose
  label or alias is the listed label; a figure with the listed count (and the
  listed sending state when given); an event of the listed type/date/participants
  or whose label is the listed label). Must be 0.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from pathlib import Path


def norm(s: str | None) -> str:
    if s is None:
        return ""
    s = unicodedata.normalize("NFKD", str(s))
    s = "".join(c for c in s if not unicodedata.combining(c)).lower()
    s = s.replace("’", "").replace("'", "").replace(".", "")
    s = re.sub(r"[-‑–_/]+", " ", s)
    s = re.sub(r"[^\w\s]", " ", s)
    s = re.sub(r"\s+", " ", s).strip()
    s = re.sub(r"^the ", "", s)
    return s


def _norm_kind(s: str | None) -> str:
    s = norm(s)
    return " ".join(w[:-1] if w.endswith("s") and len(w) > 3 else w for w in s.split())


def _norm_role(s: str | None) -> str:
    s = norm(s)
    s = re.sub(r"^(?:a|an) ", "", s)
    s = re.sub(r"\bof the\b", "of", s)
    return s


class PRF:
    def __init__(self) -> None:
        self.tp = self.fp = self.fn = 0

    def add(self, tp: int, fp: int, fn: int) -> None:
        self.tp += tp
        self.fp += fp
        self.fn += fn

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict:
        return {"precision": round(self.p, 4), "recall": round(self.r, 4), "f1": round(self.f1, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


class Acc:
    def __init__(self) -> None:
        self.ok = self.n = 0

    def add(self, ok: bool) -> None:
        self.n += 1
        self.ok += int(bool(ok))

    @property
    def value(self) -> float:
        return self.ok / self.n if self.n else 1.0

    def as_dict(self) -> dict:
        return {"accuracy": round(self.value, 4), "correct": self.ok, "total": self.n}


# ------------------------------------------------------------------ entities --
def _entity_map(pred_entities: list[dict], gold_entities: list[dict]):
    """pred id → gold label, plus tp/fp/fn for entities."""
    gold_forms = []
    for g in gold_entities:
        gold_forms.append((g, {norm(g["label"])} | {norm(a) for a in g.get("aliases", [])}))
    matched_gold: set[int] = set()
    mapping: dict[str, str] = {}
    tp = fp = 0
    # exact label matches first, then alias matches
    order = []
    for p in pred_entities:
        pf_label = norm(p["label"])
        pf_all = {pf_label} | {norm(a) for a in p.get("aliases", [])}
        order.append((p, pf_label, pf_all))
    pending = []
    for p, pl, pall in order:
        hit = None
        for i, (g, gf) in enumerate(gold_forms):
            if i in matched_gold or g["type"] != p["type"]:
                continue
            if norm(g["label"]) == pl:
                hit = i
                break
        if hit is None:
            pending.append((p, pl, pall))
            continue
        matched_gold.add(hit)
        mapping[p["id"]] = gold_forms[hit][0]["label"]
        tp += 1
    dup = []
    for p, pl, pall in pending:
        hit = None
        for i, (g, gf) in enumerate(gold_forms):
            if g["type"] != p["type"]:
                continue
            if pall & gf:
                hit = i
                break
        if hit is None:
            fp += 1
            continue
        if hit in matched_gold:
            fp += 1
            dup.append(p["label"])
            mapping.setdefault(p["id"], gold_forms[hit][0]["label"])
            continue
        matched_gold.add(hit)
        mapping[p["id"]] = gold_forms[hit][0]["label"]
        tp += 1
    fn = len(gold_entities) - len(matched_gold)
    missed = [gold_forms[i][0]["label"] for i in range(len(gold_forms)) if i not in matched_gold]
    return mapping, tp, fp, fn, missed, dup


def _gl(ref, mapping, gold_labels_norm) -> str:
    """A predicted ref → the normalised gold label it stands for (or its own label)."""
    if ref is None:
        return ""
    if isinstance(ref, dict):
        if ref.get("id") in mapping:
            return norm(mapping[ref["id"]])
        return norm(ref.get("label"))
    return norm(ref)


def _greedy(preds: list, golds: list, match, prefer=None) -> list[tuple[int, int]]:
    """One-to-one pairs: each gold item takes the first unused matching prediction, or, with
    ``prefer``, the matching prediction that agrees with it on most other attributes."""
    pairs = []
    used = set()
    for gi, g in enumerate(golds):
        cands = [pi for pi, p in enumerate(preds) if pi not in used and match(p, g)]
        if not cands:
            continue
        pi = max(cands, key=lambda i: prefer(preds[i], g)) if prefer else cands[0]
        used.add(pi)
        pairs.append((pi, gi))
    return pairs


def score_article(pred: dict, gold: dict) -> dict:
    res: dict = {}
    mapping, tp, fp, fn, missed, dup = _entity_map(pred["entities"], gold.get("entities", []))
    res["entities"] = (tp, fp, fn)
    res["entities_missed"] = missed
    res["entities_extra"] = [e["label"] for e in pred["entities"] if e["id"] not in mapping] + dup
    gl = lambda r: _gl(r, mapping, None)  # noqa: E731

    # roles
    proles = pred.get("roles", [])
    groles = gold.get("roles", [])
    pairs = _greedy(proles, groles, lambda p, g: gl(p["person"]) == norm(g["person"])
                    and _norm_role(p["role"]) == _norm_role(g["role"])
                    and gl(p.get("of")) == norm(g.get("of")))
    res["roles"] = (len(pairs), len(proles) - len(pairs), len(groles) - len(pairs))
    res["roles_missed"] = [g for i, g in enumerate(groles) if i not in {gi for _, gi in pairs}]
    res["roles_extra"] = [(p["person"]["label"], p["role"], (p.get("of") or {}).get("label"))
                          for i, p in enumerate(proles) if i not in {pi for pi, _ in pairs}]

    # deployments: one item per figure
    pfig = []
    for d in pred.get("deployments", []):
        for f in d.get("personnel") or [{"count": None, "min": None, "qualifier": None, "kind": None}]:
            pfig.append({**d, **f})
    gfig = gold.get("deployments", [])
    key = lambda p, g: (gl(p.get("sending_state")) == norm(g.get("sending_state"))  # noqa: E731
                        and gl(p.get("host_state")) == norm(g.get("host_state"))
                        and p.get("count") == g.get("count"))
    def agree(p, g) -> int:
        gst = g.get("status") or []
        gst = [gst] if isinstance(gst, str) else gst
        return sum((p.get("qualifier") == g.get("qualifier"), _norm_kind(p.get("kind")) == _norm_kind(g.get("kind")),
                    p.get("start") == g.get("start"), p.get("end") == g.get("end"), p.get("status") in gst,
                    gl(p.get("location")) == norm(g.get("location")),
                    _according_ok(p.get("according_to") or [], g.get("according_to"), mapping)))

    pairs = _greedy(pfig, gfig, key, agree)
    res["deployments"] = (len(pairs), len(pfig) - len(pairs), len(gfig) - len(pairs))
    strict = _greedy(pfig, gfig, lambda p, g: key(p, g) and p.get("qualifier") == g.get("qualifier"))
    res["deployments_strict"] = (len(strict), len(pfig) - len(strict), len(gfig) - len(strict))
    sub = {k: [] for k in ("qualifier", "kind", "start", "end", "status", "location", "according_to")}
    dates = []
    for pi, gi in pairs:
        p, g = pfig[pi], gfig[gi]
        sub["qualifier"].append(p.get("qualifier") == g.get("qualifier"))
        sub["kind"].append(_norm_kind(p.get("kind")) == _norm_kind(g.get("kind")))
        sub["start"].append(p.get("start") == g.get("start"))
        sub["end"].append(p.get("end") == g.get("end"))
        gst = g.get("status") or []
        gst = [gst] if isinstance(gst, str) else gst
        sub["status"].append(p.get("status") in gst)
        sub["location"].append(gl(p.get("location")) == norm(g.get("location")))
        sub["according_to"].append(_according_ok(p.get("according_to") or [], g.get("according_to"), mapping))
        dates += [p.get("start") == g.get("start"), p.get("end") == g.get("end")]
    res["deployment_sub"] = sub
    res["deployments_missed"] = [g for i, g in enumerate(gfig) if i not in {gi for _, gi in pairs}]
    res["deployments_extra"] = [(p.get("count"), (p.get("sending_state") or {}).get("label"),
                                 (p.get("host_state") or {}).get("label"), p.get("kind"))
                                for i, p in enumerate(pfig) if i not in {pi for pi, _ in pairs}]
    res["deployment_details"] = [(pfig[pi], gfig[gi]) for pi, gi in pairs]

    # events
    pev = pred.get("events", [])
    gev = gold.get("events", [])
    parts = lambda p: frozenset(gl(x) for x in p["participants"])  # noqa: E731
    gparts = lambda g: frozenset(norm(x) for x in g.get("participants", []))  # noqa: E731
    pairs = _greedy(pev, gev, lambda p, g: p["type"] == g["type"] and p.get("date") == g.get("date")
                    and parts(p) == gparts(g))
    res["events"] = (len(pairs), len(pev) - len(pairs), len(gev) - len(pairs))
    relaxed = _greedy(pev, gev, lambda p, g: p["type"] == g["type"] and parts(p) == gparts(g))
    res["events_relaxed"] = (len(relaxed), len(pev) - len(relaxed), len(gev) - len(relaxed))
    # date accuracy pairs events on type+participants, preferring exact-date pairs
    exact = {gi: pi for pi, gi in pairs}
    used_p = set(exact.values())
    for gi, g in enumerate(gev):
        if gi in exact:
            dates.append(True)
            continue
        for pi, p in enumerate(pev):
            if pi not in used_p and p["type"] == g["type"] and parts(p) == gparts(g):
                used_p.add(pi)
                dates.append(p.get("date") == g.get("date"))
                break
    res["events_missed"] = [g for i, g in enumerate(gev) if i not in {gi for _, gi in pairs}]
    res["events_extra"] = [(p["type"], p.get("date"), [x["label"] for x in p["participants"]])
                           for i, p in enumerate(pev) if i not in {pi for pi, _ in pairs}]
    pub_ok = pred["article"].get("published") == gold.get("published")
    dates.append(pub_ok)
    res["dates"] = dates
    res["published_ok"] = pub_ok
    res["title_ok"] = norm(pred["article"].get("title")) == norm(gold.get("title")) if gold.get("title") else None

    # not items
    nots = []
    for n in gold.get("not", []):
        what = n.get("what")
        if what == "entity":
            lbl = norm(n.get("label"))
            if any(norm(e["label"]) == lbl or lbl in {norm(a) for a in e.get("aliases", [])}
                   for e in pred["entities"]):
                nots.append(n)
        elif what == "deployment":
            for p in pfig:
                if p.get("count") == n.get("count") and (
                        not n.get("sending_state") or gl(p.get("sending_state")) == norm(n["sending_state"])):
                    nots.append(n)
                    break
        elif what == "event":
            for p in pev:
                if n.get("type") and p["type"] == n["type"] and (
                        "date" not in n or p.get("date") == n.get("date")) and (
                        "participants" not in n or parts(p) == gparts(n)):
                    nots.append(n)
                    break
                if not n.get("type") and n.get("label") and norm(p.get("label")) == norm(n["label"]):
                    nots.append(n)
                    break
    res["not"] = nots
    return res


def _according_ok(pred: list, gold: str | None, mapping: dict) -> bool:
    if not gold:
        return not pred
    if not pred:
        return False
    g = norm(gold)
    for a in pred:
        p = norm(mapping.get(a.get("id"), a.get("label")) if a.get("id") else a.get("label"))
        pl = norm(a.get("label"))
        if p == g or pl == g or (p and (p in g or g in p)) or (pl and (pl in g or g in pl)):
            return True
    return False


def _find_article(name: str, gold_dir: Path, articles_dir: Path | None) -> Path | None:
    cands = []
    if articles_dir:
        cands.append(articles_dir / name)
    for sub in ("articles", "seeds", "dev-articles"):
        cands.append(gold_dir.parent / sub / name)
    cands.append(gold_dir / name)
    for c in cands:
        if c.is_file():
            return c
    return None


SLOTS = ("entities", "roles", "deployments", "deployments_strict", "events", "events_relaxed")


def evaluate(gold_dir: str | Path, articles_dir: str | Path | None = None, extractor=None) -> dict:
    extractor_is_default = extractor is None
    if extractor is None:
        from .extract import extract as extractor
    gold_dir = Path(gold_dir)
    articles_dir = Path(articles_dir) if articles_dir else None
    totals = {s: PRF() for s in SLOTS}
    sub = {k: Acc() for k in ("qualifier", "kind", "start", "end", "status", "location", "according_to")}
    date_acc = Acc()
    pub = Acc()
    title = Acc()
    nots: list = []
    per_article = {}
    elapsed = 0.0
    for gf in sorted(gold_dir.glob("*.gold.json")):
        gold = json.loads(gf.read_text(encoding="utf-8"))
        path = _find_article(gold["article"], gold_dir, articles_dir)
        if path is None:
            print(f"warning: article {gold['article']} not found", file=sys.stderr)
            continue
        t0 = time.perf_counter()
        if path.suffix.lower() in (".html", ".htm") and extractor_is_default:
            from .extract import extract_document

            pred = extract_document(path.read_bytes(), "text/html")
        else:
            pred = extractor(path.read_text(encoding="utf-8"))
        elapsed += time.perf_counter() - t0
        r = score_article(pred, gold)
        for s in SLOTS:
            totals[s].add(*r[s])
        for k, v in r["deployment_sub"].items():
            for ok in v:
                sub[k].add(ok)
        for ok in r["dates"]:
            date_acc.add(ok)
        pub.add(r["published_ok"])
        if r["title_ok"] is not None:
            title.add(r["title_ok"])
        nots += [{"article": gold["article"], **n} for n in r["not"]]
        per_article[gold["article"]] = {
            **{s: PRF() for s in ()},
            **{s: dict(zip(("tp", "fp", "fn"), r[s])) for s in SLOTS},
            "published_ok": r["published_ok"], "title_ok": r["title_ok"],
            "entities_missed": r["entities_missed"], "entities_extra": r["entities_extra"],
            "roles_missed": r["roles_missed"], "roles_extra": r["roles_extra"],
            "deployments_missed": r["deployments_missed"], "deployments_extra": r["deployments_extra"],
            "deployment_sub_errors": _sub_errors(r["deployment_details"], r["deployment_sub"]),
            "events_missed": r["events_missed"], "events_extra": r["events_extra"],
            "not": r["not"],
        }
    n_articles = len(per_article)
    overall = PRF()
    for s in ("entities", "roles", "deployments", "events"):
        overall.add(totals[s].tp, totals[s].fp, totals[s].fn)
    return {
        "articles": n_articles,
        "slots": {s: totals[s].as_dict() for s in SLOTS},
        "overall": overall.as_dict(),
        "deployment_subscores": {k: v.as_dict() for k, v in sub.items()},
        "date_accuracy": date_acc.as_dict(),
        "published_accuracy": pub.as_dict(),
        "title_accuracy": title.as_dict(),
        "not_produced": len(nots),
        "not_items": nots,
        "seconds_per_article": round(elapsed / n_articles, 4) if n_articles else None,
        "per_article": per_article,
    }


def _sub_errors(details, sub) -> list:
    out = []
    for i, (p, g) in enumerate(details):
        errs = {k: (p.get(k) if k != "according_to" else p.get("according_to"), g.get(k))
                for k in sub if not sub[k][i]}
        if errs:
            out.append({"count": g.get("count"), **{k: {"pred": v[0], "gold": v[1]} for k, v in errs.items()}})
    return out


def _print(report: dict, per_article: bool, totals: bool = False) -> None:
    print(f"articles: {report['articles']}")
    print(f"{'slot':22} {'P':>7} {'R':>7} {'F1':>7}   tp  fp  fn")
    for s, v in list(report["slots"].items()) + [("overall", report["overall"])]:
        print(f"{s:22} {v['precision']:7.3f} {v['recall']:7.3f} {v['f1']:7.3f}  {v['tp']:3d} {v['fp']:3d} {v['fn']:3d}")
    print("deployment sub-scores (on matched figures):")
    for k, v in report["deployment_subscores"].items():
        print(f"  {k:20} {v['accuracy']:.3f} ({v['correct']}/{v['total']})")
    d = report["date_accuracy"]
    print(f"date accuracy: {d['accuracy']:.3f} ({d['correct']}/{d['total']})")
    p = report["published_accuracy"]
    print(f"published date: {p['accuracy']:.3f} ({p['correct']}/{p['total']})   "
          f"title: {report['title_accuracy']['accuracy']:.3f}")
    print(f"not items produced: {report['not_produced']}")
    if totals:
        return  # a held-out set: its authors see the counts, not which items
    for n in report["not_items"]:
        print(f"  NOT {n}")
    if per_article:
        for name, a in report["per_article"].items():
            print(f"\n== {name}")
            for k in ("entities_missed", "entities_extra", "roles_missed", "roles_extra", "deployments_missed",
                      "deployments_extra", "deployment_sub_errors", "events_missed", "events_extra"):
                if a[k]:
                    print(f"  {k}: {a[k]}")
            if not a["published_ok"]:
                print("  published date wrong")
            if a["title_ok"] is False:
                print("  title wrong")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m kgapi.evaluate", description=__doc__.split("\n\n")[0])
    ap.add_argument("gold_dir")
    ap.add_argument("articles_dir", nargs="?")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--per-article", action="store_true", help="list misses and extras per article")
    ap.add_argument("--totals", action="store_true",
                    help="totals only, no item is named (for held-out sets: their authors must not see the items)")
    a = ap.parse_args(argv)
    if a.totals and a.per_article:
        ap.error("--totals and --per-article exclude each other")
    report = evaluate(a.gold_dir, a.articles_dir)
    if a.json:
        if not a.per_article:
            report = {k: v for k, v in report.items() if k != "per_article"}
        if a.totals:
            report = {k: v for k, v in report.items() if k != "not_items"}
        print(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    else:
        _print(report, a.per_article, a.totals)
    return 0


if __name__ == "__main__":
    sys.exit(main())
