"""Typed errors, and the one JSON shape every error response takes.

Every failure a client can cause is a :class:`KgapiError` subclass carrying its
HTTP status. The app registers one handler that renders all of them, and every
other HTTP error, as::

    {"error": {"status": 400, "code": "bad_request", "message": "...", "details": {...}}}
"""

from __future__ import annotations

from typing import Any


class KgapiError(Exception):
    """Base class: an error with an HTTP status and a stable machine-readable code."""

    status = 500
    code = "internal_error"

    def __init__(self, message: str, *, details: dict[str, Any] | None = None, status: int | None = None):
        super().__init__(message)
        self.message = message
        self.details = details or {}
        if status is not None:
            self.status = status

    def to_dict(self) -> dict[str, Any]:
        body: dict[str, Any] = {"status": self.status, "code": self.code, "message": self.message}
        if self.details:
            body["details"] = self.details
        return {"error": body}


class BadRequest(KgapiError):
    status, code = 400, "bad_request"


class InvalidParameter(BadRequest):
    """A query-string or form parameter is missing or malformed; ``details.parameter`` names it."""

    code = "invalid_parameter"

    def __init__(self, parameter: str, message: str, **kw):
        details = {"parameter": parameter, **kw.pop("details", {})}
        super().__init__(f"{parameter}: {message}", details=details, **kw)


class QuerySyntaxError(BadRequest):
    """The SPARQL text does not parse; ``details`` gives line and column where known."""

    code = "query_syntax_error"


class QueryRefused(BadRequest):
    """The query parses but asks for something the endpoint will not do (SERVICE, LOAD…)."""

    code = "query_refused"


class ExtractionError(BadRequest):
    code = "extraction_failed"


class ValidationFailed(KgapiError):
    """The triples built for an article break the SHACL shapes; nothing was written."""

    status, code = 422, "shacl_violation"


class Unauthorized(KgapiError):
    status, code = 401, "unauthorized"


class Forbidden(KgapiError):
    status, code = 403, "forbidden"


class NotFound(KgapiError):
    status, code = 404, "not_found"


class MethodNotAllowed(KgapiError):
    status, code = 405, "method_not_allowed"


class NotAcceptable(KgapiError):
    status, code = 406, "not_acceptable"


class Conflict(KgapiError):
    status, code = 409, "conflict"


class PayloadTooLarge(KgapiError):
    status, code = 413, "payload_too_large"


class UnsupportedMediaType(KgapiError):
    status, code = 415, "unsupported_media_type"


class QueryTimeout(KgapiError):
    """The query ran past the time limit and was stopped."""

    status, code = 503, "query_timeout"


class StoreUnavailable(KgapiError):
    """The triple store cannot be reached (remote server down, store locked)."""

    status, code = 503, "store_unavailable"


class ConfigurationError(KgapiError):
    """A setting has a value that cannot work; raised at start-up, not per request."""

    code = "configuration_error"
