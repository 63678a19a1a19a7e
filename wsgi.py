"""WSGI entry point for any WSGI server: ``gunicorn wsgi:app``.

Settings come from ``KGAPI_*`` environment variables (see ``kgapi settings``).
"""

from kgapi import create_app

app = create_app()
app.extensions["kgapi"].store.warm()  # start query workers now, not on the first query
