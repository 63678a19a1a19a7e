"""The query page for analysts at /query: Yasgui, served from the package (no CDN), examples preloaded."""

from __future__ import annotations

from dataclasses import asdict

from flask import Blueprint, render_template, request

from ..sparql.examples import EXAMPLES
from .common import state

bp = Blueprint("querypage", __name__)


@bp.get("/query")
def query_page():
    settings = state().settings
    return render_template(
        "query.html",
        endpoint=request.url_root.rstrip("/") + "/sparql",
        examples=[asdict(e) for e in EXAMPLES],
        default_graph="the union of all graphs" if settings.union_default_graph else "the store's own default graph",
        timeout=f"{settings.query_timeout:g}", max_rows=settings.max_rows,
    )
