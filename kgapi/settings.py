"""Every setting in one table: name, type, default and help.

A setting is read, in order of precedence, from a CLI flag (``--query-timeout``),
from the environment (``KGAPI_QUERY_TIMEOUT``) or from this table's default.
``create_app(config)`` takes a mapping of the same names for tests.
``kgapi settings`` prints the table; the README reproduces it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from .errors import ConfigurationError


def _bool(value: str | bool) -> bool:
    if isinstance(value, bool):
        return value
    v = str(value).strip().lower()
    if v in ("1", "true", "yes", "on"):
        return True
    if v in ("0", "false", "no", "off", ""):
        return False
    raise ValueError(f"not a boolean: {value!r}")


def _csv(value: str | list | tuple) -> tuple[str, ...]:
    if isinstance(value, (list, tuple)):
        return tuple(str(v).strip() for v in value if str(v).strip())
    return tuple(v.strip() for v in str(value).split(",") if v.strip())


@dataclass(frozen=True)
class Setting:
    name: str
    default: Any
    help: str
    parse: Callable[[Any], Any] = str

    @property
    def env(self) -> str:
        return "KGAPI_" + self.name.upper()

    @property
    def flag(self) -> str:
        return "--" + self.name.replace("_", "-")


SETTINGS: tuple[Setting, ...] = (
    Setting("store", "./data",
            "Where the graph lives: a directory for the embedded Oxigraph store, 'memory' for a "
            "throw-away store (tests), or the http(s) URL of a SPARQL 1.1 query endpoint."),
    Setting("store_update", "",
            "SPARQL 1.1 update endpoint of a remote store; empty: the same URL as KGAPI_STORE "
            "(for Oxigraph server, its /update beside /query)."),
    Setting("store_user", "", "User name for a remote store that asks for HTTP Basic or Digest auth."),
    Setting("store_password", "", "Password for a remote store that asks for HTTP Basic or Digest auth."),
    Setting("store_dialect", "auto",
            "Engine behind a remote store: auto (from its Server header), oxigraph, fuseki, virtuoso, "
            "graphdb or generic. It decides how kgapi asks for the union default graph and passes "
            "time limits on."),
    Setting("host", "127.0.0.1", "Interface `kgapi serve` listens on."),
    Setting("port", 5000, "Port `kgapi serve` listens on.", int),
    Setting("workers", 1,
            "Server processes for `kgapi serve`. More than one needs a remote store: an embedded "
            "store can be opened by one process only.", int),
    Setting("threads", 8, "Threads per server process.", int),
    Setting("token", "",
            "Bearer token that writes (SPARQL update, /store writes, POST/DELETE /articles) must "
            "present. Empty: the server is read-only."),
    Setting("query_timeout", 10.0,
            "Seconds a SPARQL query may run before it is stopped and answered with an error.", float),
    Setting("max_rows", 10000,
            "Most result rows a SPARQL SELECT returns; beyond it the answer is truncated and says so.",
            int),
    Setting("max_body", 10 * 1024 * 1024, "Largest request body in bytes (413 beyond).", int),
    Setting("query_workers", 2,
            "Worker processes that run SPARQL queries on the embedded store (killable on timeout).",
            int),
    Setting("seed", "seeds",
            "Folder whose articles are ingested when the server starts on an empty store; "
            "empty: ingest nothing."),
    Setting("base_iri", "http://127.0.0.1:5000/",
            "Base of the IRIs minted for entities, articles and facts. Set it to the public URL "
            "of the API before the first ingest so that IRIs dereference."),
    Setting("union_default_graph", True,
            "SPARQL default graph is the union of all named graphs (true) or the store's own "
            "default graph (false).", _bool),
    Setting("fetch_allow", (),
            "Comma-separated host names the API may fetch article URLs from (POST /articles "
            "{\"url\"}). Empty: the API never fetches.", _csv),
    Setting("validate", True, "Validate every article graph against the SHACL shapes before writing it.",
            _bool),
    Setting("search_refresh", 5.0,
            "Seconds between checks whether a remote store changed (written by another process), "
            "to rebuild the entity search index; an embedded store is checked on every search.", float),
    Setting("fact_index", True,
            "Keep the links between entities, facts, claims and articles of an embedded store in "
            "memory (loaded in the background at start, kept in step on every write), so entity pages "
            "and timelines take milliseconds at any size; false: every answer by SPARQL.", _bool),
    Setting("log_level", "info", "Logging level: debug, info, warning, error. The access log (a line "
            "per request) is info: warning and error leave it out."),
)

_BY_NAME = {s.name: s for s in SETTINGS}


@dataclass(frozen=True)
class Settings:
    """The resolved settings; build with :meth:`from_env` or :meth:`load`."""

    values: Mapping[str, Any] = field(default_factory=dict)

    def __getattr__(self, name: str) -> Any:
        try:
            return self.values[name]
        except KeyError:
            raise AttributeError(name) from None

    @classmethod
    def load(cls, overrides: Mapping[str, Any] | None = None, environ: Mapping[str, str] | None = None) -> "Settings":
        """Defaults, then ``KGAPI_*`` variables, then ``overrides`` (CLI flags or test config)."""
        environ = os.environ if environ is None else environ
        values: dict[str, Any] = {}
        for s in SETTINGS:
            raw: Any = s.default
            if s.env in environ:
                raw = environ[s.env]
            if overrides and overrides.get(s.name) is not None:
                raw = overrides[s.name]
            try:
                values[s.name] = s.parse(raw) if raw is not None else None
            except (TypeError, ValueError) as exc:
                raise ConfigurationError(f"setting {s.env}: {exc}") from None
        unknown = set(overrides or {}) - set(_BY_NAME)
        # Flask-style upper-case keys (TESTING, ...) may travel along; anything else is a typo.
        unknown = {k for k in unknown if not k.isupper()}
        if unknown:
            raise ConfigurationError(f"unknown settings: {', '.join(sorted(unknown))}")
        settings = cls(values)
        settings.check()
        return settings

    from_env = load

    def check(self) -> None:
        if self.query_timeout <= 0:
            raise ConfigurationError("KGAPI_QUERY_TIMEOUT must be positive")
        if self.max_rows < 1:
            raise ConfigurationError("KGAPI_MAX_ROWS must be at least 1")
        if self.workers < 1 or self.threads < 1 or self.query_workers < 1:
            raise ConfigurationError("workers, threads and query_workers must be at least 1")
        if not str(self.base_iri).startswith(("http://", "https://")) or not str(self.base_iri).endswith("/"):
            raise ConfigurationError("KGAPI_BASE_IRI must be an http(s) URL ending with '/'")

    @property
    def is_remote(self) -> bool:
        return str(self.store).startswith(("http://", "https://"))

    def as_dict(self) -> dict[str, Any]:
        return dict(self.values)


def table() -> list[tuple[str, str, str, str]]:
    """(variable, flag, default, help) rows, for ``kgapi settings`` and the README."""
    rows = []
    for s in SETTINGS:
        default = ",".join(s.default) if isinstance(s.default, tuple) else s.default
        rows.append((s.env, s.flag, str(default), s.help))
    return rows


__all__ = ["SETTINGS", "Setting", "Settings", "table"]
