"""WSGI entry point for any WSGI server: ``gunicorn wsgi:app``.

Settings come from ``KGAPI_*`` environment variables (see ``kgapi settings``).
"""

from kgapi import create_app

app = create_app()
