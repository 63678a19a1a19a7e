"""The bound on updates: each WHERE pattern is first counted as a time-limited query.

An update cannot be stopped once it runs (the embedded store has one writer,
in the server process, and a remote server goes on regardless), so before an
update is sent, every ``DELETE/INSERT … WHERE`` and ``DELETE WHERE`` of it is
evaluated as ``SELECT (COUNT(*) AS ?n)`` over the same dataset, with the
query time limit and on the killable query workers. An update whose pattern
alone runs past the limit, or matches more than :data:`MAX_UPDATE_SOLUTIONS`
solutions, is refused and nothing is written. The pattern's cost is what can
run away; the writes that follow are proportional to the solutions counted.
Later operations of a request are counted against the data as it is before the
request (they may then see more or less), which is what a bound needs.
"""

from __future__ import annotations

import json
import time

from ..errors import QueryRefused, QueryTimeout
from .scan import Scan

#: Most solutions one WHERE pattern of an update may have.
MAX_UPDATE_SOLUTIONS = 1_000_000


def count_queries(scan: Scan, using: list[str], using_named: list[str]) -> list[tuple[str, int]]:
    """(count query, offset of its WHERE) for every operation of ``scan`` that has a WHERE pattern."""
    t, text = scan.tokens, scan.text
    out: list[tuple[str, int]] = []
    prologue: list[str] = []
    op_start = 0
    i = 0
    while i < len(t):
        tok = t[i]
        if tok.depth == 0 and tok.keyword in ("PREFIX", "BASE"):
            n = 3 if tok.keyword == "PREFIX" else 2
            prologue.append(text[tok.pos:t[min(i + n, len(t)) - 1].pos + len(t[min(i + n, len(t)) - 1].text)])
            i += n
            op_start = i
            continue
        if tok.depth == 0 and tok.text == ";":
            op_start = i + 1
        if tok.depth == 0 and tok.keyword == "WHERE" and i + 1 < len(t) and t[i + 1].text == "{":
            close = next(j for j in range(i + 2, len(t)) if t[j].text == "}" and t[j].depth == 0)
            group = text[t[i + 1].pos:t[close].pos + 1]
            dataset: list[str] = []
            with_graph = None
            for j in range(op_start, i):
                kw = t[j].keyword
                if kw == "WITH":
                    with_graph = t[j + 1].text
                elif kw == "USING":
                    if t[j + 1].keyword == "NAMED":
                        dataset.append(f"FROM NAMED {t[j + 2].text}")
                    else:
                        dataset.append(f"FROM {t[j + 1].text}")
            dataset += [f"FROM <{g}>" for g in using] + [f"FROM NAMED <{g}>" for g in using_named]
            if with_graph and not dataset:
                # WITH sets the default graph and leaves every named graph: a GRAPH around the pattern.
                group = f"{{ GRAPH {with_graph} {group} }}"
            query = "\n".join(prologue) + "\nSELECT (COUNT(*) AS ?n) " + " ".join(dataset) + f" WHERE {group}"
            out.append((query, tok.pos))
            i = close + 1
            continue
        i += 1
    return out


def check_update_cost(scan: Scan, store, *, using: list[str], using_named: list[str], base_iri: str,
                      timeout: float, limit: int = MAX_UPDATE_SOLUTIONS) -> None:
    """Raise when a WHERE pattern of the update runs past ``timeout`` (in total) or matches too much."""
    deadline = time.monotonic() + timeout
    for query, pos in count_queries(scan, using, using_named):
        left = deadline - time.monotonic()
        try:
            if left <= 0:
                raise QueryTimeout("no time left")
            result = store.sparql(query, result_format="json", union_default_graph=False, base_iri=base_iri,
                                  timeout=left, max_rows=1)
        except QueryTimeout:
            raise QueryTimeout(f"the update was not run: its WHERE pattern at {scan.where(pos)} does not finish "
                               f"within the time limit ({timeout:g} s)", details={"timeout": timeout}) from None
        bindings = json.loads(result.body)["results"]["bindings"]
        n = int(bindings[0]["n"]["value"]) if bindings else 0
        if n > limit:
            raise QueryRefused(f"the update was not run: its WHERE pattern at {scan.where(pos)} matches {n} "
                               f"solutions, more than the {limit} one update may change",
                               details={"solutions": n, "limit": limit})
