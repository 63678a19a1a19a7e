"""The protocol's using-graph-uri / using-named-graph-uri, written into an update's text.

pyoxigraph's ``Store.update`` takes no dataset, so for the embedded store the
parameters become USING / USING NAMED clauses in front of the WHERE of every
DELETE/INSERT operation; ``DELETE WHERE { P }`` becomes the equivalent
``DELETE { P } USING … WHERE { P }``. The SPARQL layer has already refused
updates that carry USING or WITH themselves.
"""

from __future__ import annotations

from .lexer import tokenize


def _clauses(using: list[str], using_named: list[str]) -> str:
    return " ".join([f"USING <{g}>" for g in using] + [f"USING NAMED <{g}>" for g in using_named])


def add_using(update: str, using: list[str], using_named: list[str]) -> str:
    """``update`` with USING clauses for every operation that reads a WHERE pattern."""
    clauses = _clauses(using, using_named)
    if not clauses:
        return update
    tokens = tokenize(update)
    edits: list[tuple[int, int, str]] = []  # (start, end, replacement) in text offsets
    for i, tok in enumerate(tokens):
        if tok.keyword != "WHERE" or tok.depth != 0:
            continue
        prev = tokens[i - 1] if i else None
        if prev is not None and prev.keyword == "DELETE":
            # DELETE WHERE { P }  →  DELETE { P } USING … WHERE { P }
            open_i = i + 1
            close_i = next(j for j in range(open_i + 1, len(tokens))
                           if tokens[j].text == "}" and tokens[j].depth == 0)
            pattern = update[tokens[open_i].pos:tokens[close_i].pos + 1]
            edits.append((tok.pos, tokens[close_i].pos + 1, f"{pattern} {clauses} WHERE {pattern}"))
        else:
            edits.append((tok.pos, tok.pos, f"{clauses} "))
    out = update
    for start, end, text in sorted(edits, reverse=True):
        out = out[:start] + text + out[end:]
    return out


def followed_by(update: str, operations: str) -> str:
    """``update`` and then trusted ``operations`` (full IRIs, no prologue): one request, one transaction.

    A ``;`` goes between them unless the update already ends with one (or with a
    ``;`` and a prologue, which SPARQL allows); a newline first, so that a
    trailing comment cannot swallow it.
    """
    tokens = tokenize(update)
    i = len(tokens)
    while i >= 2 and tokens[i - 1].kind == "iri" and (
            tokens[i - 2].keyword == "BASE" or (i >= 3 and tokens[i - 2].kind == "pname"
                                                and tokens[i - 3].keyword == "PREFIX")):
        i -= 2 if tokens[i - 2].keyword == "BASE" else 3
    ends_open = i > 0 and tokens[i - 1].kind == "punct" and tokens[i - 1].text == ";"
    return f"{update}\n{operations}" if ends_open else f"{update}\n;\n{operations}"
