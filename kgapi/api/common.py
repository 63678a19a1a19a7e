"""What every namespace shares: app state, the error renderer, the write guard, parameter parsing."""

from __future__ import annotations

import hmac
import json
import logging
from dataclasses import dataclass
from typing import Any

from flask import Response, current_app, request
from werkzeug.exceptions import HTTPException

from ..errors import Forbidden, InvalidParameter, KgapiError, Unauthorized
from ..graph import Minter
from ..ingest import Pipeline
from ..settings import Settings
from ..store import Store

log = logging.getLogger("kgapi.api")

_HTTP_CODES = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 406: "not_acceptable", 409: "conflict", 411: "length_required",
    413: "payload_too_large", 414: "uri_too_long", 415: "unsupported_media_type",
    422: "unprocessable_entity", 429: "too_many_requests", 431: "headers_too_large",
    500: "internal_error", 501: "not_implemented", 503: "service_unavailable",
}


@dataclass
class AppState:
    """Everything a request needs, kept in ``app.extensions['kgapi']``."""

    settings: Settings
    store: Store
    pipeline: Pipeline

    @property
    def minter(self) -> Minter:
        return self.pipeline.minter


def state() -> AppState:
    return current_app.extensions["kgapi"]


def error_body(exc: BaseException) -> tuple[dict[str, Any], int, dict[str, str]]:
    """The one error shape: {"error": {"status", "code", "message", "details"?}}."""
    headers: dict[str, str] = {}
    if isinstance(exc, KgapiError):
        body, status = exc.to_dict(), exc.status
        if isinstance(exc, Unauthorized):
            headers["WWW-Authenticate"] = 'Bearer realm="kgapi"'
    elif isinstance(exc, HTTPException):
        status = exc.code or 500
        message = exc.description or exc.name
        body = {"error": {"status": status, "code": _HTTP_CODES.get(status, "http_error"), "message": message}}
        if status == 405 and getattr(exc, "valid_methods", None):
            headers["Allow"] = ", ".join(exc.valid_methods)
    else:
        log.exception("unhandled error", exc_info=exc)
        status = 500
        body = {"error": {"status": 500, "code": "internal_error",
                          "message": "internal error; it has been logged"}}
    return body, status, headers


def error_response(exc: BaseException) -> Response:
    body, status, headers = error_body(exc)
    resp = Response(json.dumps(body, ensure_ascii=False), status=status, mimetype="application/json")
    for k, v in headers.items():
        resp.headers[k] = v
    return resp


def require_write() -> None:
    """Writes need ``Authorization: Bearer <KGAPI_TOKEN>``; 401 without, 403 when wrong.

    With no token configured the server is read-only and every write is refused.
    """
    token = state().settings.token
    if not token:
        raise Forbidden("this server is read-only: no write token (KGAPI_TOKEN) is configured")
    header = request.headers.get("Authorization", "")
    scheme, _, given = header.partition(" ")
    if not header or scheme.lower() != "bearer" or not given.strip():
        raise Unauthorized("this request writes: send 'Authorization: Bearer <token>'")
    if not hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8")):
        raise Forbidden("the bearer token is not valid")


def int_arg(name: str, default: int, *, minimum: int = 0, maximum: int | None = None) -> int:
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise InvalidParameter(name, f"expected an integer, got {raw!r}") from None
    if value < minimum or (maximum is not None and value > maximum):
        bound = f"between {minimum} and {maximum}" if maximum is not None else f"at least {minimum}"
        raise InvalidParameter(name, f"must be {bound}")
    return value


def json_body() -> Any:
    """The request body as JSON, or a 400/415 that says what is wrong with it."""
    from ..errors import BadRequest, UnsupportedMediaType

    if not request.mimetype or request.mimetype != "application/json" and not request.mimetype.endswith("+json"):
        raise UnsupportedMediaType(f"expected application/json, got {request.mimetype or 'no Content-Type'}")
    raw = request.get_data(cache=True)
    try:
        return json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise BadRequest("the request body is not UTF-8") from None
    except ValueError as exc:
        raise BadRequest(f"malformed JSON: {exc}") from None
