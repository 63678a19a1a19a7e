"""Fetch an article by URL, safely, and read HTML pages.

``fetch_url`` follows redirects itself (at most ``max_redirects``), checking the
scheme and, when ``allow_hosts`` is a tuple, the host of every hop against it;
it stops reading past ``max_bytes`` and gives up after ``timeout`` seconds
(connect and each read; the whole transfer is also bounded by ``timeout`` ×
4). ``allow_hosts=None`` (the CLI) fetches any http(s) host.

``extract_html`` takes a page's HTML to ``{"text", "title", "published"}``
with trafilatura (main-content extraction made for news pages; Apache-2.0).
"""

from __future__ import annotations

import re
import time
from urllib.parse import urljoin, urlsplit

from ..errors import BadRequest, Forbidden


class FetchError(BadRequest):
    """The URL could not be fetched (network error, bad status, timeout)."""

    code = "fetch_failed"


class FetchTimeout(FetchError):
    code = "fetch_timeout"


class TooManyRedirects(FetchError):
    code = "too_many_redirects"


class BadURL(BadRequest):
    code = "bad_url"


class HostNotAllowed(Forbidden):
    code = "host_not_allowed"


class ContentTooLarge(BadRequest):
    """The page is larger than ``max_bytes``."""

    code = "content_too_large"


_USER_AGENT = "kgapi/1.0 (+article extraction)"


def _check(url: str, allow_hosts: tuple[str, ...] | None) -> str:
    try:
        parts = urlsplit(url)
    except ValueError:
        raise BadURL(f"not a valid URL: {url!r}", details={"url": url}) from None
    if parts.scheme.lower() not in ("http", "https"):
        raise BadURL(f"only http and https URLs can be fetched, not {parts.scheme or 'a bare path'!r}",
                     details={"url": url})
    host = (parts.hostname or "").lower().rstrip(".")
    if not host:
        raise BadURL(f"the URL has no host: {url!r}", details={"url": url})
    if allow_hosts is not None:
        allowed = {h.lower().rstrip(".") for h in allow_hosts}
        if host not in allowed:
            raise HostNotAllowed(f"fetching from host {host!r} is not allowed (allowed: "
                                 f"{', '.join(sorted(allowed)) or 'none'})", details={"host": host, "url": url})
    return host


def fetch_url(url: str, *, allow_hosts: tuple[str, ...] | None, timeout: float = 10,
              max_bytes: int = 5_000_000, max_redirects: int = 3) -> tuple[bytes, str, str]:
    """GET ``url`` → (content bytes, content type, final URL after redirects)."""
    import requests

    _check(url, allow_hosts)
    deadline = time.monotonic() + timeout * 4
    session = requests.Session()
    session.trust_env = False  # no proxies or netrc from the environment
    current = url
    for hop in range(max_redirects + 1):
        try:
            resp = session.get(current, timeout=(timeout, timeout), stream=True, allow_redirects=False,
                               headers={"User-Agent": _USER_AGENT, "Accept": "text/html,text/plain;q=0.9,*/*;q=0.5"})
        except requests.exceptions.Timeout:
            raise FetchTimeout(f"fetching {current} timed out after {timeout} s", details={"url": current}) from None
        except requests.exceptions.RequestException as exc:
            raise FetchError(f"could not fetch {current}: {exc.__class__.__name__}", details={"url": current}) from None
        try:
            if resp.is_redirect or resp.status_code in (301, 302, 303, 307, 308):
                loc = resp.headers.get("Location")
                if not loc:
                    raise FetchError(f"{current} redirects without a Location", details={"url": current})
                nxt = urljoin(current, loc)
                _check(nxt, allow_hosts)
                if hop >= max_redirects:
                    raise TooManyRedirects(f"more than {max_redirects} redirects from {url}", details={"url": url})
                current = nxt
                continue
            if resp.status_code >= 400:
                raise FetchError(f"{current} answered HTTP {resp.status_code}",
                                 details={"url": current, "status": resp.status_code})
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise ContentTooLarge(f"{current} is {length} bytes, more than the limit of {max_bytes}",
                                      details={"url": current, "max_bytes": max_bytes})
            chunks: list[bytes] = []
            size = 0
            try:
                for chunk in resp.iter_content(chunk_size=65536):
                    if not chunk:
                        continue
                    size += len(chunk)
                    if size > max_bytes:
                        raise ContentTooLarge(f"{current} is larger than the limit of {max_bytes} bytes",
                                              details={"url": current, "max_bytes": max_bytes})
                    chunks.append(chunk)
                    if time.monotonic() > deadline:
                        raise FetchTimeout(f"fetching {current} took longer than {timeout * 4:g} s",
                                           details={"url": current})
            except requests.exceptions.Timeout:
                raise FetchTimeout(f"fetching {current} timed out after {timeout} s", details={"url": current}) from None
            except requests.exceptions.RequestException as exc:
                raise FetchError(f"could not read {current}: {exc.__class__.__name__}",
                                 details={"url": current}) from None
            ctype = resp.headers.get("Content-Type", "application/octet-stream")
            return b"".join(chunks), ctype, current
        finally:
            resp.close()
    raise TooManyRedirects(f"more than {max_redirects} redirects from {url}", details={"url": url})


def extract_html(html: str | bytes, url: str | None = None) -> dict:
    """Main content of a news page → {"text", "title", "published"} (values may be None)."""
    if isinstance(html, bytes):
        html = decode_bytes(html, "text/html")
    text = title = published = None
    try:
        import trafilatura

        doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, favor_precision=True)
        if doc is not None:
            get = (lambda k: doc.get(k)) if isinstance(doc, dict) else (lambda k: getattr(doc, k, None))
            text = get("text")
            title = get("title")
            published = get("date")
    except Exception:  # noqa: BLE001 - a page trafilatura cannot read falls back to plain text
        text = None
    if not text:
        text = _strip_tags(html)
    if title is None:


        m = re.search(r"<title[^>]*>(.*?)</title>", html, re.IGNORECASE | re.DOTALL)
        if m:
            import html as htmlmod

            title = htmlmod.unescape(re.sub(r"\s+", " ", m.group(1))).strip() or None
    if not published:
        published = _meta_date(html)
    if title:
        from .page import _clean_title

        title = _clean_title(str(title))
    if published:
        published = str(published)[:10]
        if not re.match(r"^\d{4}-\d{2}-\d{2}$", published):
            published = None
    return {"text": text or "", "title": title, "published": published}


_META_DATE = re.compile(
    r"(?:article:published_time|datePublished|pubdate|publishdate|date|dc\.date)[\"']?\s*(?:content|:)\s*=?\s*"
    r"[\"'](\d{4}-\d{2}-\d{2})|<time[^>]+datetime=[\"'](\d{4}-\d{2}-\d{2})", re.IGNORECASE)


def _meta_date(html: str) -> str | None:
    m = _META_DATE.search(html[:200000])
    return (m.group(1) or m.group(2)) if m else None


def _strip_tags(html: str) -> str:
    import html as htmlmod


    html = re.sub(r"(?is)<(script|style|noscript|template)[^>]*>.*?</\1>", " ", html)
    html = re.sub(r"(?i)<br\s*/?>|</(p|div|h[1-6]|li|tr|section|article)>", "\n", html)
    text = re.sub(r"<[^>]+>", " ", html)
    text = htmlmod.unescape(text)
    return re.sub(r"[ \t]+", " ", text)


def decode_bytes(content: bytes, content_type: str = "") -> str:


    charset = None
    m = re.search(r"charset=([\w-]+)", content_type or "", re.IGNORECASE)
    if m:
        charset = m.group(1)
    if charset is None and content[:4096].lstrip().startswith(b"<"):
        mm = re.search(rb"<meta[^>]+charset=[\"']?([\w-]+)", content[:4096], re.IGNORECASE)
        if mm:
            charset = mm.group(1).decode("ascii", "ignore")
    for enc in (charset, "utf-8", "cp1252"):
        if not enc:
            continue
        try:
            return content.decode(enc)
        except (LookupError, UnicodeDecodeError):
            continue
    return content.decode("utf-8", errors="replace")
