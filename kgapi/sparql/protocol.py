"""Reading a SPARQL 1.1 Protocol request: which operation, its text, its dataset, strictly.

The three ways to send an operation (GET with ``query``; POST as a form with
``query`` or ``update``; POST with the text as the body, typed
``application/sparql-query`` or ``application/sparql-update``) and their
dataset parameters. Parameters are decoded once, as UTF-8, and anything
ambiguous (two queries, a query and an update, a body of another media type,
bytes that are not UTF-8) is a 4xx that says what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from flask import Request

from ..errors import BadRequest, InvalidParameter, MethodNotAllowed, UnsupportedMediaType

QUERY_TYPE = "application/sparql-query"
UPDATE_TYPE = "application/sparql-update"
FORM_TYPE = "application/x-www-form-urlencoded"

_QUERY_DATASET = ("default-graph-uri", "named-graph-uri")
_UPDATE_DATASET = ("using-graph-uri", "using-named-graph-uri")


@dataclass
class Operation:
    kind: str  # "query", "update" or "description" (no operation: describe the service)
    text: str = ""
    params: dict[str, list[str]] = field(default_factory=dict)

    def graphs(self, name: str) -> list[str]:
        return self.params.get(name, [])

    @property
    def format(self) -> str | None:
        values = self.params.get("format")
        return values[-1] if values else None

    def dataset_params(self) -> list[tuple[str, str]]:
        """(parameter, IRI) for every dataset parameter given."""
        names = _QUERY_DATASET if self.kind == "query" else _UPDATE_DATASET
        return [(n, g) for n in names for g in self.graphs(n)]


def is_absolute_iri(iri: str) -> bool:
    """True for an absolute IRI that every backend accepts as a graph name."""
    import pyoxigraph as ox

    if not iri or ":" not in iri or any(c in iri for c in ' <>"{}|^`\\') or any(ord(c) < 0x20 for c in iri):
        return False
    try:
        ox.NamedNode(iri)
    except ValueError:
        return False
    return True


def _decode_pairs(raw: bytes, where: str) -> list[tuple[str, str]]:
    try:
        text = raw.decode("utf-8")
        return parse_qsl(text, keep_blank_values=True, encoding="utf-8", errors="strict")
    except UnicodeDecodeError:
        raise BadRequest(f"the {where} is not UTF-8 (the SPARQL protocol requires UTF-8)") from None


def _group(pairs: list[tuple[str, str]]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for k, v in pairs:
        out.setdefault(k, []).append(v)
    return out


def _charset_ok(req: Request) -> None:
    charset = req.mimetype_params.get("charset")
    if charset and charset.strip().lower().replace("_", "-") not in ("utf-8", "utf8"):
        raise UnsupportedMediaType(f"charset={charset} is not supported: send the text as UTF-8")


def _body_text(req: Request) -> str:
    _charset_ok(req)
    try:
        return req.get_data(cache=True).decode("utf-8")
    except UnicodeDecodeError:
        raise BadRequest("the request body is not UTF-8 (the SPARQL protocol requires UTF-8)") from None


def read_operation(req: Request) -> Operation:
    """The operation a request carries; raises 4xx errors for every protocol violation."""
    url_params = _group(_decode_pairs(req.query_string, "query string"))
    body_params: dict[str, list[str]] = {}
    direct: tuple[str, str] | None = None
    if req.method == "GET" or req.method == "HEAD":
        if "update" in url_params:
            raise MethodNotAllowed("an update must be sent with POST, not GET", )
    elif req.method == "POST":
        mt = req.mimetype
        if mt == FORM_TYPE:
            _charset_ok(req)
            body_params = _group(_decode_pairs(req.get_data(cache=True), "form body"))
        elif mt == QUERY_TYPE:
            direct = ("query", _body_text(req))
        elif mt == UPDATE_TYPE:
            direct = ("update", _body_text(req))
        elif not mt:
            raise UnsupportedMediaType(
                f"a POST needs a Content-Type: {FORM_TYPE} (query=… or update=…), {QUERY_TYPE} or {UPDATE_TYPE}")
        else:
            raise UnsupportedMediaType(
                f"cannot take a SPARQL operation as {mt}: send {FORM_TYPE}, {QUERY_TYPE} or {UPDATE_TYPE}")
    else:  # pragma: no cover - the route only allows GET, HEAD and POST
        raise MethodNotAllowed(f"{req.method} is not a SPARQL protocol method")

    params: dict[str, list[str]] = {}
    for source in (url_params, body_params):
        for k, v in source.items():
            params.setdefault(k, []).extend(v)
    texts = {k: params.pop(k, []) for k in ("query", "update")}
    if req.method == "POST" and direct is None and (url_params.get("query") or url_params.get("update")):
        raise BadRequest("send the query or update in the POST body, not in the URL")
    if direct is not None:
        if texts["query"] or texts["update"]:
            raise BadRequest(f"the body is a SPARQL {direct[0]}: do not also send 'query' or 'update' parameters")
        texts[direct[0]] = [direct[1]]
    queries, updates = texts["query"], texts["update"]
    if queries and updates:
        raise BadRequest("send either a query or an update, not both")
    if len(queries) > 1 or len(updates) > 1:
        raise BadRequest(f"send exactly one '{'query' if queries else 'update'}' (got {len(queries) or len(updates)})")
    if not queries and not updates:
        if req.method == "POST":
            raise BadRequest("the request has no 'query' and no 'update'")
        return Operation("description", params=params)
    kind = "query" if queries else "update"
    text = (queries or updates)[0]
    if kind == "query" and not text.strip():
        raise InvalidParameter("query", "the query is empty")
    wrong = _UPDATE_DATASET if kind == "query" else _QUERY_DATASET
    for name in wrong:
        if name in params:
            raise InvalidParameter(name, f"applies to {'updates' if kind == 'query' else 'queries'} only")
    for name in _QUERY_DATASET + _UPDATE_DATASET:
        for iri in params.get(name, []):
            if not is_absolute_iri(iri):
                raise InvalidParameter(name, f"{iri!r} is not an absolute IRI")
    return Operation(kind, text, params)
