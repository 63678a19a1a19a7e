"""One entry point for any document: plain text or an HTML page → claims."""

from __future__ import annotations

import re

from ..errors import BadRequest, ExtractionError
from .fetch import decode_bytes, extract_html
from .pipeline import extract

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_TEXT_TYPES = ("text/plain", "text/markdown", "text/x-markdown", "")


def _is_html(content_type: str, text: str) -> bool:
    ct = (content_type or "").split(";")[0].strip().lower()
    if ct in _HTML_TYPES:
        return True
    if ct in _TEXT_TYPES or ct.startswith("text/"):
        return False
    return bool(re.match(r"\s*(?:<!doctype html|<html)", text[:200], re.IGNORECASE))


def extract_document(content: bytes | str, content_type: str, title: str | None = None,
                     url: str | None = None, published: str | None = None, source: str | None = None) -> dict:
    """Dispatch on the content type: HTML goes through main-content extraction first.

    Explicit ``title``/``url``/``published`` override what the page says.
    """
    ct = (content_type or "").split(";")[0].strip().lower()
    if ct and not (ct.startswith("text/") or ct in _HTML_TYPES or ct in ("application/octet-stream",)):
        raise BadRequest(f"cannot extract from content of type {ct!r}; send text/plain or text/html",
                         details={"content_type": ct})
    if isinstance(content, bytes):
        if b"\x00" in content[:4096] and not ct.startswith("text/"):
            raise ExtractionError("the content is binary, not text")
        text = decode_bytes(content, content_type)
    else:
        text = content
    if not text or not text.strip():
        raise ExtractionError("the document has no text")
    if _is_html(content_type, text):
        page = extract_html(text, url=url)
        body = page["text"]
        if not body.strip():
            raise ExtractionError("no article text found in the HTML page")
        t = title or page["title"]
        pub = published or page["published"]
        return extract(body if not t else f"{t}\n\n{body}", title=t, url=url, published=pub, source=source)
    return extract(text, title=title, url=url, published=published, source=source)
