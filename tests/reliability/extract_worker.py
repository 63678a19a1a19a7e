"""The child process of the extraction fuzz test: runs one input at a time and says how it went.

Reads length-prefixed pickles ``(entry, args, kwargs)`` from stdin and writes
``(verdict, detail)`` back. A crash or a hang here cannot take the test run
with it: the parent sees the pipe close or its deadline pass.

Besides "no exception but a 4xx refusal", an answer must be a well-formed
extraction: offsets point at their sentences, every reference names an entity,
and the graph builder and the SHACL gate accept it, so the same input would
not be a 4xx or 500 on ``POST /articles``.
"""

from __future__ import annotations

import pickle
import struct
import sys
import traceback


def _problems(x: dict) -> list[str]:
    out = []
    body = x["article"]["text"]
    ids = {e["id"] for e in x["entities"]}
    for slot in ("roles", "deployments", "events"):
        for item in x[slot]:
            for s in item.get("sources") or []:
                if body[s["start"]:s["end"]] != s["sentence"]:
                    out.append(f"{slot}: offsets {s['start']}:{s['end']} do not point at their sentence")
    refs = [r.get("person") for r in x["roles"]] + [r.get("of") for r in x["roles"]]
    refs += [d.get(k) for d in x["deployments"] for k in ("sending_state", "host_state", "location")]
    refs += [p for e in x["events"] for p in e.get("participants") or []] + [e.get("location") for e in x["events"]]
    out += [f"reference {r['id']!r} is not among the entities" for r in refs if r and r["id"] not in ids]
    return out


def run(job, minter):
    from kgapi.errors import KgapiError
    from kgapi.extract import extract, extract_document
    from kgapi.graph import build, shacl_check

    entry, args, kwargs = job
    fn = {"extract": extract, "extract_document": extract_document}[entry]
    try:
        x = fn(*args, **kwargs)
    except KgapiError as exc:
        if 400 <= exc.status < 500:
            return "refused", f"{exc.status} {exc.code}: {exc.message[:200]}"
        return "problem", f"{exc.status} {exc.code}: {exc.message}"
    problems = _problems(x)
    try:
        built = build(x, minter)
        shacl_check(built.graph)
        built.graph.serialize(format="nt", encoding="utf-8")
        built.graph.serialize(format="xml", encoding="utf-8")
    except KgapiError as exc:
        field = str((exc.details or {}).get("field", ""))
        if 400 <= exc.status < 500 and field.startswith("article.") and field[len("article."):] in kwargs:
            return "refused", f"the caller's own {field}: {exc.message[:200]}"  # e.g. url="not a url"
        problems.append(f"the extraction does not build: {exc.status} {exc.code}: {exc.message[:500]}")
    return ("problem", "; ".join(problems)) if problems else ("ok", len(built.graph))


def main() -> None:
    from kgapi.graph import Minter

    minter = Minter("http://kg.test/")
    inp, out = sys.stdin.buffer, sys.stdout.buffer
    out.write(b"R")
    out.flush()
    while True:
        head = inp.read(4)
        if len(head) < 4:
            return
        job = pickle.loads(inp.read(struct.unpack(">I", head)[0]))
        try:
            verdict = run(job, minter)
        except Exception:  # noqa: BLE001 - every other exception is what the test is looking for
            verdict = ("crash", traceback.format_exc()[-3000:])
        data = pickle.dumps(verdict)
        out.write(struct.pack(">I", len(data)) + data)
        out.flush()


if __name__ == "__main__":
    main()
