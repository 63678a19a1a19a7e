"""Articles: list, read back what was extracted, ingest (POST) and remove (DELETE).

``POST /articles`` and ``POST /extract`` take the same bodies: ``text/plain``,
``text/html``, JSON ``{"text", "title"?, "url"?, "published"?}``, JSON
``{"url"}`` (fetched server-side only from hosts on ``KGAPI_FETCH_ALLOW``) or a
structured document in the extraction's own shape (``{"article": …,
"entities": …}``) to correct or add claims by hand.
"""

from __future__ import annotations

import re

from flask import Response, current_app, request
from flask_restx import Namespace, Resource, fields

from ..errors import BadRequest, Forbidden, NotFound, UnsupportedMediaType
from ..graph.read import article_text, read_article
from . import models as m
from .cache import cached
from .common import json_body, require_write, state
from .http import date_range, id_param, json_response, page, page_params, split_suffix, valid_id_or_404
from .linked import FORMATS, describe_article, html_response, negotiate, represent

PATH = "/articles"
ns = Namespace("articles", description="The news articles the graph was read from; ingest and remove them")
m.register(ns, m.article, m.extraction, m.error)
article_page = ns.add_model("ArticlePage", m.page_of("ArticlePage", m.article))
article_input = ns.model("ArticleInput", {
    "text": fields.String(description="the article as scraped: date line, title, body, page chrome and all",
                          example="Saturday, December 6, 2025\n\nNorth Korea Shows Troops in Russia for First "
                                  "Time, Honors War Dead\n\nNorth Korea has publicly revealed images of its "
                                  "soldiers deployed to Russia for the first time. …"),
    "title": fields.String(description="overrides the title found in the text"),
    "url": fields.String(description="the article's address; alone (without text) it is fetched, for hosts "
                                     "on KGAPI_FETCH_ALLOW only", example="https://example.org/news/123"),
    "published": fields.String(description="YYYY-MM-DD; overrides the date found in the text",
                               example="2025-12-06"),
})

_URL = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
_DAY = re.compile(r"^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$")
_META = ("title", "url", "published")
BODY_TYPES = ["application/json", "text/plain", "text/html"]


def _is_day(value: str) -> bool:
    """YYYY-MM-DD and a day of the calendar (not 2025-02-30)."""
    import datetime as dt

    try:
        return bool(_DAY.match(value)) and bool(dt.date.fromisoformat(value))
    except ValueError:
        return False


def _meta(source: dict) -> dict:
    meta = {}
    for key in _META:
        value = source.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, str):
            raise BadRequest(f"{key}: expected a string", details={"field": key})
        if key == "url" and not _URL.match(value):
            raise BadRequest("url: expected an http(s) URL", details={"field": "url"})
        if key == "published" and not _is_day(value.strip()):
            raise BadRequest("published: expected a date as YYYY-MM-DD", details={"field": "published"})
        meta[key] = value.strip()
    return meta


def _decode(data: bytes) -> str:
    try:
        return data.decode(request.mimetype_params.get("charset") or "utf-8")
    except (UnicodeDecodeError, LookupError):
        raise BadRequest("the request body is not text in its declared charset (UTF-8 by default)") from None


def _fetch(url: str, meta: dict) -> dict:
    """Fetch a page server-side (hosts on KGAPI_FETCH_ALLOW only) and read it like a posted body."""
    from ..extract import extract_document
    from ..extract.fetch import fetch_url

    allow = tuple(state().settings.fetch_allow or ())
    if not allow:
        raise Forbidden("this server does not fetch URLs (KGAPI_FETCH_ALLOW is empty); send the text instead")
    content, content_type, final_url = fetch_url(url, allow_hosts=allow)
    return extract_document(content, content_type, url=final_url, **meta)


def extraction_from_request() -> tuple[dict, bool]:
    """(extraction, structured?) from the request body, whichever form it takes."""
    mimetype = request.mimetype or ""
    if mimetype == "application/json" or mimetype.endswith("+json"):
        body = json_body()
        if not isinstance(body, dict):
            raise BadRequest("expected a JSON object: {\"text\", …}, {\"url\"} or a structured extraction")
        if "article" in body:
            return body, True
        meta = _meta(body)
        text = body.get("text")
        if text is None and "url" in meta:
            return _fetch(meta.pop("url"), meta), False
        if not isinstance(text, str) or not text.strip():
            raise BadRequest("text: send the article's text (or a url, or a structured extraction)",
                             details={"field": "text"})
        return state().pipeline.read(text, **meta), False
    if mimetype in ("text/plain", "text/html"):
        meta = _meta(request.args)
        text = _decode(request.get_data())
        if not text.strip():
            raise BadRequest("the request body is empty")
        if mimetype == "text/plain":
            return state().pipeline.read(text, **meta), False
        from ..extract import extract_document

        return extract_document(text, "text/html", **meta), False
    raise UnsupportedMediaType(f"send {', '.join(BODY_TYPES)}, not {mimetype or 'no Content-Type'}")


def _structured(doc: dict) -> dict:
    """A structured document, checked and completed (ids, types) by the extractor's reader."""
    from ..extract.structured import normalize_claims

    return normalize_claims(doc)


_BODY_DOC = {
    "consumes": BODY_TYPES,
    "params": {
        "title": {"in": "query", "type": "string", "description": "for text/plain and text/html bodies"},
        "url": {"in": "query", "type": "string", "description": "for text/plain and text/html bodies"},
        "published": {"in": "query", "type": "string", "description": "YYYY-MM-DD, for text bodies"},
    },
}


@ns.route("")
class Articles(Resource):
    @ns.doc(params={
        "entity": m.id_param("only articles that mention this entity", "kim-jong-un"),
        "from": {**m.DATE_PARAMS["from"], "description": "published on or after (any precision)"},
        "to": {**m.DATE_PARAMS["to"], "description": "published on or before (any precision)"},
        **m.PAGE_PARAMS,
    })
    @ns.response(200, "Articles, newest first", article_page)
    @ns.response(400, "A parameter is malformed (details.parameter names it)", m.error)
    def get(self):
        """List the articles in the graph."""
        from ..graph import find

        st = state()
        date_from, date_to = date_range()
        limit, offset = page_params()
        entity = id_param("entity")

        def answer():
            items, total = find.articles(st.store, st.minter, entity=entity, date_from=date_from,
                                         date_to=date_to, limit=limit, offset=offset)
            return page(items, total, limit, offset)

        return json_response(cached(("articles", request.full_path), answer))

    @ns.doc(security="bearer", **_BODY_DOC)
    @ns.expect(article_input)
    @ns.response(201, "Ingested; Location names the new article", m.extraction)
    @ns.response(200, "Ingested again: the article's graph was replaced", m.extraction)
    @ns.response(400, "The body cannot be read", m.error)
    @ns.response(401, "No bearer token", m.error)
    @ns.response(403, "Wrong token, read-only server, or fetching is off", m.error)
    @ns.response(413, "Body too large", m.error)
    @ns.response(415, "Unsupported Content-Type", m.error)
    @ns.response(422, "The triples break the SHACL shapes; nothing was written", m.error)
    def post(self):
        """Ingest an article (text, HTML, URL or structured claims): extract, validate, store its graph."""
        require_write()
        st = state()
        extraction, structured = extraction_from_request()
        if structured:
            extraction = _structured(extraction)
        built = st.pipeline.build(extraction)
        existed = st.store.has_graph(built.article_iri)
        result = st.pipeline.write(built)
        _changed()
        ident = result["article"]["id"]
        return json_response(result, 200 if existed else 201, etag=False,
                             headers={"Location": f"/articles/{ident}"})


def _changed() -> None:
    index = current_app.extensions.get("kgapi.labels")
    if index is not None:
        index.invalidate()


@ns.route("/<string:article_id>")
@ns.param("article_id", "Article id, optionally with a format suffix (.json .html .ttl .jsonld .nt .rdf)")
class Article(Resource):
    @ns.response(200, "What was read out of the article, as its ingest answered (JSON); its page (HTML); "
                      "its named graph (RDF)", m.extraction)
    @ns.response(304, "Not modified")
    @ns.response(404, "No such article", m.error)
    @ns.response(406, "None of the formats in Accept is available", m.error)
    @ns.produces(list(FORMATS.values()))
    def get(self, article_id: str):
        """One article with its entities, roles, deployments, events and claims."""
        ident, suffix = split_suffix(article_id)
        valid_id_or_404(ident, "article")
        fmt = negotiate(suffix, "article")
        st = state()
        result = read_article(st.store, st.minter, ident)
        if result is None:
            raise NotFound(f"no article with id {ident!r}")
        iri = result["article"]["iri"]
        formats = [(s, f"/articles/{ident}.{s}") for s in FORMATS if s != "html"]
        return represent(fmt, json_fn=lambda: json_response(result),
                         rdf_fn=lambda: describe_article(st.store, iri),
                         html_fn=lambda: html_response("article.html", x=result, formats=formats,
                                                       text=article_text(st.store, st.minter, ident)))

    @ns.doc(security="bearer")
    @ns.response(204, "Removed: the article's graph is gone; entities other articles mention stay, with the "
                      "names those use")
    @ns.response(401, "No bearer token", m.error)
    @ns.response(403, "Wrong token or read-only server", m.error)
    @ns.response(404, "No such article", m.error)
    def delete(self, article_id: str):
        """Remove an article and everything read out of it (its named graph), nothing else.

        The entity registry forgets what only this article said (entities no other article
        mentions, names no other article uses), in the same transaction."""
        require_write()
        st = state()
        ident = valid_id_or_404(article_id, "article")
        if not st.pipeline.delete(ident):
            raise NotFound(f"no article with id {ident!r}")
        _changed()
        return Response(status=204)
