"""What a query or update asks for, read from its tokens before any engine sees it.

:func:`scan_query` and :func:`scan_update` return the operation's form and
every graph IRI it names in a dataset clause (FROM, FROM NAMED, USING, USING
NAMED, WITH), resolved against PREFIX and BASE, plus the SERVICE and LOAD
keywords it contains. :mod:`kgapi.sparql.safety` decides what to refuse.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urljoin

from ..errors import QuerySyntaxError
from .lexer import Token, line_col, tokenize

QUERY_FORMS = ("SELECT", "CONSTRUCT", "DESCRIBE", "ASK")
UPDATE_WORDS = ("INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH")


@dataclass
class Scan:
    """Facts about one request's SPARQL text."""

    text: str
    tokens: list[Token]
    form: str  # SELECT, CONSTRUCT, DESCRIBE, ASK or UPDATE
    from_graphs: list[str] = field(default_factory=list)        # FROM / USING / WITH
    from_named_graphs: list[str] = field(default_factory=list)  # FROM NAMED / USING NAMED
    with_graphs: list[str] = field(default_factory=list)
    services: list[tuple[str, int]] = field(default_factory=list)  # (target, offset)
    loads: list[tuple[str, int]] = field(default_factory=list)
    written_graphs: set[str] = field(default_factory=set)  # graphs an update writes into
    operations: list[str] = field(default_factory=list)  # an update's operations: "INSERT DATA", "DROP", …
    terms: set[str] = field(default_factory=set)  # every IRI an update names (prefixed names resolved)
    limit: int | None = None  # a SELECT's top-level LIMIT

    def where(self, pos: int) -> str:
        line, col = line_col(self.text, pos)
        return f"line {line}, column {col}"

    @property
    def has_dataset_clause(self) -> bool:
        return bool(self.from_graphs or self.from_named_graphs or self.with_graphs)


class _Reader:
    """Resolves IRIs and prefixed names as the prologue declares them."""

    def __init__(self, text: str, tokens: list[Token], base_iri: str | None):
        self.text = text
        self.t = tokens
        self.base = base_iri
        self.prefixes: dict[str, str] = {}

    def iri_at(self, i: int) -> str | None:
        """The absolute IRI of token ``i`` (IRI or prefixed name), else None."""
        if i >= len(self.t):
            return None
        tok = self.t[i]
        if tok.kind == "iri":
            raw = tok.text[1:-1]
            return urljoin(self.base, raw) if self.base and ":" not in raw.split("/")[0] else raw
        if tok.kind == "pname":
            prefix, _, local = tok.text.partition(":")
            if prefix not in self.prefixes:
                raise QuerySyntaxError(
                    f"SPARQL syntax error at {_where(self.text, tok.pos)}: prefix {prefix!r} is not declared",
                    details=_details(self.text, tok.pos))
            return self.prefixes[prefix] + _unescape_local(local)
        return None

    def prologue(self, i: int) -> int:
        """Reads BASE/PREFIX declarations from token ``i``; returns the index after them."""
        t = self.t
        while i < len(t):
            kw = t[i].keyword
            if kw == "BASE" and i + 1 < len(t) and t[i + 1].kind == "iri":
                self.base = self.iri_at(i + 1)
                i += 2
            elif kw == "PREFIX" and i + 2 < len(t) and t[i + 1].kind == "pname" and t[i + 2].kind == "iri":
                self.prefixes[t[i + 1].text[:-1]] = self.iri_at(i + 2) or ""
                i += 3
            else:
                return i
        return i


def _where(text: str, pos: int) -> str:
    line, col = line_col(text, pos)
    return f"line {line}, column {col}"


def _details(text: str, pos: int) -> dict:
    line, col = line_col(text, pos)
    return {"line": line, "column": col}


def _unescape_local(local: str) -> str:
    out, i = [], 0
    while i < len(local):
        if local[i] == "\\" and i + 1 < len(local):
            out.append(local[i + 1])
            i += 2
        else:
            out.append(local[i])
            i += 1
    return "".join(out)


def _graph_ref(r: _Reader, i: int, what: str) -> tuple[str, int]:
    """The IRI after a dataset keyword at ``i - 1``; a syntax error when there is none."""
    iri = r.iri_at(i)
    if iri is None:
        pos = r.t[i].pos if i < len(r.t) else len(r.text)
        raise QuerySyntaxError(f"SPARQL syntax error at {_where(r.text, pos)}: {what} needs a graph IRI",
                               details=_details(r.text, pos))
    return iri, i + 1


def _dangerous(r: _Reader, scan: Scan, i: int) -> None:
    """Record SERVICE and LOAD wherever they are."""
    tok = r.t[i]
    kw = tok.keyword
    if kw == "SERVICE":
        j = i + 1
        if j < len(r.t) and r.t[j].keyword == "SILENT":
            j += 1
        target = r.t[j].text if j < len(r.t) else ""
        try:
            target = r.iri_at(j) or target
        except QuerySyntaxError:
            pass
        scan.services.append((target, tok.pos))
    elif kw == "LOAD":
        j = i + 1
        if j < len(r.t) and r.t[j].keyword == "SILENT":
            j += 1
        target = r.t[j].text if j < len(r.t) else ""
        try:
            target = r.iri_at(j) or target
        except QuerySyntaxError:
            pass
        scan.loads.append((target, tok.pos))


def scan_query(text: str, *, base_iri: str | None = None) -> Scan:
    """Scan a query: its form, FROM / FROM NAMED graphs, SERVICE calls and top-level LIMIT."""
    tokens = tokenize(text)
    r = _Reader(text, tokens, base_iri)
    i = r.prologue(0)
    if i >= len(tokens):
        raise QuerySyntaxError("the query is empty (only a prologue or comments)")
    first = tokens[i].keyword
    if first in UPDATE_WORDS:
        raise QuerySyntaxError(f"this is a SPARQL update ({first} …): send it as 'update', "
                               f"with POST, not as 'query'")
    if first not in QUERY_FORMS:
        raise QuerySyntaxError(
            f"SPARQL syntax error at {_where(text, tokens[i].pos)}: expected SELECT, CONSTRUCT, DESCRIBE "
            f"or ASK, found {tokens[i].text!r}", details=_details(text, tokens[i].pos))
    scan = Scan(text, tokens, first)
    n = len(tokens)
    while i < n:
        tok = tokens[i]
        kw = tok.keyword
        if kw == "FROM":
            if i + 1 < n and tokens[i + 1].keyword == "NAMED":
                iri, i = _graph_ref(r, i + 2, "FROM NAMED")
                scan.from_named_graphs.append(iri)
            else:
                iri, i = _graph_ref(r, i + 1, "FROM")
                scan.from_graphs.append(iri)
            continue
        if kw in ("SERVICE", "LOAD"):
            _dangerous(r, scan, i)
        elif kw == "LIMIT" and tok.depth == 0 and i + 1 < n and tokens[i + 1].kind == "number":
            try:
                scan.limit = int(tokens[i + 1].text)
            except ValueError:
                pass
        i += 1
    return scan


#: the keywords that start an update operation (DELETE/INSERT also as the two halves of one)
_OPERATIONS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD"})


def scan_update(text: str, *, base_iri: str | None = None) -> Scan:
    """Scan an update: USING / USING NAMED / WITH graphs, graphs it writes, SERVICE and LOAD."""
    tokens = tokenize(text)
    r = _Reader(text, tokens, base_iri)
    scan = Scan(text, tokens, "UPDATE")
    n = len(tokens)
    i = r.prologue(0)
    if i >= n:
        return scan  # an empty update is valid SPARQL and does nothing
    first = tokens[i].keyword
    if first in QUERY_FORMS:
        raise QuerySyntaxError(f"this is a SPARQL query ({first} …): send it as 'query', not as 'update'")
    insert_depth: int | None = None  # inside an INSERT template / INSERT DATA block
    while i < n:
        tok = tokens[i]
        kw = tok.keyword
        if tok.kind == "punct" and tok.text == ";" and tok.depth == 0:
            i = r.prologue(i + 1)  # each operation may have its own prologue
            continue
        if kw == "USING":
            if i + 1 < n and tokens[i + 1].keyword == "NAMED":
                iri, i = _graph_ref(r, i + 2, "USING NAMED")
                scan.from_named_graphs.append(iri)
            else:
                iri, i = _graph_ref(r, i + 1, "USING")
                scan.from_graphs.append(iri)
            continue
        if kw == "WITH" and tok.depth == 0:
            iri, i = _graph_ref(r, i + 1, "WITH")
            scan.with_graphs.append(iri)
            continue
        if tok.kind in ("iri", "pname"):
            scan.terms.add(r.iri_at(i))
        elif kw in _OPERATIONS and tok.depth == 0:
            follow = tokens[i + 1].keyword if i + 1 < n else None
            scan.operations.append(f"{kw} DATA" if follow == "DATA" else
                                   "DELETE WHERE" if (kw, follow) == ("DELETE", "WHERE") else kw)
        if kw in ("SERVICE", "LOAD"):
            _dangerous(r, scan, i)
        elif kw == "INSERT" and tok.depth == 0:
            insert_depth = 0
        elif kw in ("GRAPH",) and insert_depth is not None and tok.depth > insert_depth:
            iri = r.iri_at(i + 1)
            if iri:
                scan.written_graphs.add(iri)
        elif kw in ("CREATE", "TO") and tok.depth == 0:
            j = i + 1
            while j < n and tokens[j].keyword in ("SILENT", "GRAPH"):
                j += 1
            iri = r.iri_at(j)
            if iri:
                scan.written_graphs.add(iri)
        elif tok.kind == "punct" and tok.text == "}" and tok.depth == 0 and insert_depth is not None:
            insert_depth = None
        i += 1
    return scan
