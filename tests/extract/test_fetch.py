"""fetch_url against a local HTTP server on loopback: allow-list, redirects, size limit, timeout."""

import http.server
import threading
import time

import pytest

from kgapi.errors import BadRequest, Forbidden
from kgapi.extract.fetch import (BadURL, ContentTooLarge, FetchError, FetchTimeout, HostNotAllowed,
                                 TooManyRedirects, fetch_url)

PAGE = b"<html><head><title>T</title></head><body><p>North Korea sent troops.</p></body></html>"


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *a):  # quiet
        pass

    def do_GET(self):  # noqa: N802
        p = self.path
        if p == "/page":
            self._send(200, PAGE, "text/html; charset=utf-8")
        elif p == "/text":
            self._send(200, "Überall troops.".encode(), "text/plain; charset=utf-8")
        elif p == "/redirect-ok":
            self._redirect(f"http://127.0.0.1:{self.server.server_port}/page")
        elif p == "/redirect-other-host":
            self._redirect(f"http://localhost:{self.server.server_port}/page")
        elif p == "/redirect-ftp":
            self._redirect("ftp://127.0.0.1/file")
        elif p.startswith("/loop"):
            n = int(p[5:] or 0)
            self._redirect(f"/loop{n + 1}")
        elif p == "/big":
            self._send(200, b"x" * 200_000, "text/plain")
        elif p == "/big-chunked":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.end_headers()
            try:
                for _ in range(50):
                    self.wfile.write(b"y" * 10_000)
            except OSError:  # the client stopped reading at its limit
                pass
        elif p == "/slow":
            time.sleep(2)
            self._send(200, b"late", "text/plain")
        elif p == "/404":
            self._send(404, b"nope", "text/plain")
        else:
            self._send(404, b"", "text/plain")

    def _send(self, code, body, ctype):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, loc):
        self.send_response(302)
        self.send_header("Location", loc)
        self.send_header("Content-Length", "0")
        self.end_headers()


@pytest.fixture(scope="module")
def server():
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    yield f"http://127.0.0.1:{srv.server_port}"
    srv.shutdown()
    srv.server_close()


ALLOW = ("127.0.0.1",)


def test_fetch_html(server):
    body, ctype, final = fetch_url(server + "/page", allow_hosts=ALLOW)
    assert body == PAGE and ctype.startswith("text/html") and final == server + "/page"


def test_cli_mode_fetches_any_host(server):
    body, _, _ = fetch_url(server.replace("127.0.0.1", "localhost") + "/text", allow_hosts=None)
    assert body.decode() == "Überall troops."


def test_host_not_on_allow_list_refused(server):
    with pytest.raises(HostNotAllowed) as ei:
        fetch_url(server.replace("127.0.0.1", "localhost") + "/page", allow_hosts=ALLOW)
    assert isinstance(ei.value, Forbidden) and "localhost" in ei.value.message


def test_empty_allow_list_refuses_everything(server):
    with pytest.raises(Forbidden):
        fetch_url(server + "/page", allow_hosts=())


def test_redirect_within_allow_list_followed(server):
    body, _, final = fetch_url(server + "/redirect-ok", allow_hosts=ALLOW)
    assert body == PAGE and final.endswith("/page")


def test_redirect_to_other_host_refused(server):
    with pytest.raises(HostNotAllowed):
        fetch_url(server + "/redirect-other-host", allow_hosts=ALLOW)


def test_redirect_to_other_scheme_refused(server):
    with pytest.raises(BadURL):
        fetch_url(server + "/redirect-ftp", allow_hosts=None)


def test_too_many_redirects(server):
    with pytest.raises(TooManyRedirects):
        fetch_url(server + "/loop0", allow_hosts=ALLOW, max_redirects=3)


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://127.0.0.1/x", "javascript:alert(1)", "/relative",
                                 "http://"])
def test_non_http_schemes_refused(url):
    with pytest.raises(BadRequest):
        fetch_url(url, allow_hosts=None)


def test_size_limit_by_header(server):
    with pytest.raises(ContentTooLarge) as ei:
        fetch_url(server + "/big", allow_hosts=ALLOW, max_bytes=100_000)
    assert isinstance(ei.value, BadRequest)


def test_size_limit_while_streaming(server):
    with pytest.raises(ContentTooLarge):
        fetch_url(server + "/big-chunked", allow_hosts=ALLOW, max_bytes=100_000)


def test_timeout(server):
    t0 = time.monotonic()
    with pytest.raises(FetchTimeout):
        fetch_url(server + "/slow", allow_hosts=ALLOW, timeout=0.5)
    assert time.monotonic() - t0 < 2


def test_http_error_status(server):
    with pytest.raises(FetchError) as ei:
        fetch_url(server + "/404", allow_hosts=ALLOW)
    assert "404" in ei.value.message


def test_fetch_then_extract(server):
    from kgapi.extract import extract_document

    body, ctype, final = fetch_url(server + "/page", allow_hosts=ALLOW)
    r = extract_document(body, ctype, url=final, published="2025-01-01")
    assert r["article"]["url"] == final and "North Korea sent troops." in r["article"]["text"]
