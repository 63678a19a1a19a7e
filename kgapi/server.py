"""Run the app under gunicorn, configured from the settings table."""

from __future__ import annotations

import json

from gunicorn import util as gunicorn_util
from gunicorn.app.base import BaseApplication

from .settings import Settings

#: gunicorn refuses request lines longer than this (its maximum; larger settings are cut to it)
MAX_REQUEST_LINE = 8190


class _Gunicorn(BaseApplication):
    def __init__(self, settings: Settings):
        self.settings = settings
        super().__init__()

    def load_config(self):
        s = self.settings
        options = {
            "bind": f"{s.host}:{s.port}",
            "workers": s.workers,
            "threads": s.threads,
            "worker_class": "gthread",
            # The per-query limit is enforced by kgapi; this only reaps hung workers.
            "timeout": int(s.query_timeout) + 60,
            "graceful_timeout": 10,
            # one line per request is info: at warning and error there is none (and no cost per request)
            "accesslog": "-" if s.log_level.lower() in ("debug", "info") else None,
            "errorlog": "-",
            "loglevel": s.log_level,
            "limit_request_line": MAX_REQUEST_LINE,
            "proc_name": "kgapi",
        }
        for key, value in options.items():
            self.cfg.set(key, value)

    def load(self):
        from .app import create_app

        app = create_app(self.settings)
        app.extensions["kgapi"].store.warm()  # the first query should not wait for a worker to boot
        with app.app_context():
            from .api.cache import fact_index

            index = fact_index()
            if index is not None:
                index.start()  # loads in the background; readers use SPARQL meanwhile
        return app


def _write_json_error(sock, status_int: int, reason: str, mesg: str) -> None:
    """gunicorn's own answer to a request it cannot parse (request line or headers too large,
    malformed HTTP), in kgapi's one JSON error shape rather than gunicorn's HTML page."""
    from .api.common import _HTTP_CODES

    message = mesg or reason
    if status_int == 414:
        message += "; send long SPARQL queries with POST (application/sparql-query)"
    body = json.dumps({"error": {"status": status_int, "code": _HTTP_CODES.get(status_int, "http_error"),
                                 "message": message}}).encode("utf-8")
    head = (f"HTTP/1.1 {status_int} {reason}\r\nConnection: close\r\nContent-Type: application/json\r\n"
            f"Content-Length: {len(body)}\r\n\r\n").encode("latin-1")
    gunicorn_util.write_nonblock(sock, head + body)


def run(settings: Settings) -> None:
    """Serve until interrupted (SIGINT/SIGTERM stop gracefully)."""
    # gunicorn renders its errors through this one function (looked up at call time)
    gunicorn_util.write_error = _write_json_error
    _Gunicorn(settings).run()
