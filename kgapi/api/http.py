"""HTTP plumbing the domain namespaces share: JSON responses with ETags, pages, parameters.

Parameters are parsed here so that every bad one is the same 400
``invalid_parameter`` naming it, never a 500 and never silently ignored.
"""

from __future__ import annotations

import json
import re
from typing import Any, Iterable
from urllib.parse import urlencode

from flask import Response, request
from werkzeug.http import generate_etag

from ..errors import InvalidParameter, NotFound
from ..ids import is_valid_id

DEFAULT_LIMIT = 20
MAX_LIMIT = 200

_YEAR = re.compile(r"^\d{4}$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
DATE_PATTERN = r"^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$"


class Kept(dict):
    """An answer kept in a cache: serialized (and its ETag hashed) once, then sent as it is."""

    serialized: bytes | None = None
    etag: str | None = None


def json_response(body: Any, status: int = 200, *, etag: bool = True,
                  headers: dict[str, str] | None = None) -> Response:
    """Serialize ``body``; with ``etag``, answer ``If-None-Match`` with 304."""
    kept = isinstance(body, Kept)
    data = body.serialized if kept else None
    if data is None:
        data = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        if kept:
            body.serialized, body.etag = data, generate_etag(data)
    resp = Response(data, status=status, mimetype="application/json")
    for k, v in (headers or {}).items():
        resp.headers[k] = v
    return conditional(resp, body.etag if kept else None) if etag and status == 200 else resp


def conditional(resp: Response, etag: str | None = None) -> Response:
    """Strong ETag over the body (``etag``: already hashed, for a kept body); 304 when the client has it."""
    if etag is not None and "ETag" not in resp.headers:
        resp.set_etag(etag)
    else:
        resp.add_etag()
    resp.headers.setdefault("Cache-Control", "no-cache")
    return resp.make_conditional(request)


# -- parameters -----------------------------------------------------------------

def arg(name: str) -> str | None:
    """One query parameter, stripped; None when absent or empty; 400 when given twice."""
    values = request.args.getlist(name)
    if len(values) > 1:
        raise InvalidParameter(name, "give it once")
    value = values[0].strip() if values else ""
    if "\x00" in value:
        raise InvalidParameter(name, "contains a NUL character")
    return value or None


def int_param(name: str, default: int, *, minimum: int, maximum: int) -> int:
    raw = arg(name)
    if raw is None:
        return default
    if not re.fullmatch(r"[+-]?\d{1,12}", raw):
        raise InvalidParameter(name, f"expected an integer, got {raw!r}")
    value = int(raw)
    if not minimum <= value <= maximum:
        raise InvalidParameter(name, f"must be between {minimum} and {maximum}")
    return value


def page_params(default: int = DEFAULT_LIMIT) -> tuple[int, int]:
    """(limit, offset) from ``limit`` (1–200) and ``offset`` (≥ 0)."""
    return (int_param("limit", default, minimum=1, maximum=MAX_LIMIT),
            int_param("offset", 0, minimum=0, maximum=10**9))


def choice_param(name: str, choices: Iterable[str]) -> str | None:
    raw = arg(name)
    choices = tuple(choices)
    if raw is None:
        return None
    match = next((c for c in choices if c.lower() == raw.lower()), None)
    if match is None:
        raise InvalidParameter(name, f"{raw!r} is not one of {', '.join(choices)}")
    return match


def id_param(name: str, *, required: bool = False) -> str | None:
    raw = arg(name)
    if raw is None:
        if required:
            raise InvalidParameter(name, "is required")
        return None
    ident = raw.rsplit("/", 1)[-1] if raw.startswith(("http://", "https://")) else raw
    if not is_valid_id(ident):
        raise InvalidParameter(name, f"{raw!r} is not an id (lower-case letters, digits and hyphens)")
    return ident


def date_bounds(value: str) -> tuple[str, str] | None:
    """The first and last day an ISO date at year, month or day precision covers, as text.

    '2024' → ('2024-01-01', '2024-12-31'); '2024-10' → ('2024-10-01', '2024-10-31').
    A month always ends on '-31' here: as text it still sorts after every real
    day of that month and before the next month, which is all comparisons need.
    """
    if _DAY.match(value):
        return value, value
    if _MONTH.match(value):
        return value + "-01", value + "-31"
    if _YEAR.match(value):
        return value + "-01-01", value + "-12-31"
    return None


def date_param(name: str) -> tuple[str, str] | None:
    raw = arg(name)
    if raw is None:
        return None
    bounds = date_bounds(raw)
    if bounds is None:
        raise InvalidParameter(name, f"{raw!r} is not an ISO date: YYYY, YYYY-MM or YYYY-MM-DD")
    return bounds


def date_range() -> tuple[str | None, str | None]:
    """(first day of ``from``, last day of ``to``); 400 when ``from`` is after ``to``."""
    lo, hi = date_param("from"), date_param("to")
    if lo and hi and lo[0] > hi[1]:
        raise InvalidParameter("from", f"is after to ({arg('from')} > {arg('to')})")
    return (lo[0] if lo else None), (hi[1] if hi else None)


# -- pages --------------------------------------------------------------------------

def page(items: list, total: int, limit: int, offset: int) -> dict[str, Any]:
    """The paginated list shape: ``{"items", "total", "limit", "offset", "next"}``."""
    nxt = None
    if offset + len(items) < total:
        args = [(k, v) for k, v in request.args.items(multi=True) if k not in ("limit", "offset")]
        args += [("limit", str(limit)), ("offset", str(offset + limit))]
        nxt = f"{request.path}?{urlencode(args)}"
    return {"items": items, "total": total, "limit": limit, "offset": offset, "next": nxt}


def split_suffix(ident: str) -> tuple[str, str | None]:
    """'kim-jong-un.ttl' → ('kim-jong-un', 'ttl'); ids never contain dots."""
    base, dot, suffix = ident.rpartition(".")
    return (base, suffix.lower()) if dot else (ident, None)


def valid_id_or_404(ident: str, what: str) -> str:
    if not is_valid_id(ident):
        raise NotFound(f"no {what} with id {ident!r}")
    return ident
