"""Run the app under gunicorn, configured from the settings table."""

from __future__ import annotations

from gunicorn.app.base import BaseApplication

from .settings import Settings


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
            "accesslog": "-",
            "errorlog": "-",
            "loglevel": s.log_level,
            "limit_request_line": 16384,
            "proc_name": "kgapi",
        }
        for key, value in options.items():
            self.cfg.set(key, value)

    def load(self):
        from .app import create_app

        app = create_app(self.settings)
        app.extensions["kgapi"].store.warm()  # the first query should not wait for a worker to boot
        return app


def run(settings: Settings) -> None:
    """Serve until interrupted (SIGINT/SIGTERM stop gracefully)."""
    _Gunicorn(settings).run()
