"""kgapi: a knowledge-graph REST API for state military cooperation in the news.

The pipeline, one package each: ``extract`` (article text to claims), ``graph``
(claims to triples, SHACL gate), ``store`` (embedded Oxigraph or a remote SPARQL
server), ``sparql`` (the SPARQL 1.1 protocol) and ``api`` (the REST API).
The public names are re-exported here.
"""

__version__ = "0.1.0"

from .errors import KgapiError  # noqa: E402
from .settings import Settings  # noqa: E402


def create_app(config=None):
    """Build the Flask application (see :func:`kgapi.app.create_app`)."""
    from .app import create_app as _create_app

    return _create_app(config)


__all__ = ["__version__", "create_app", "KgapiError", "Settings"]
