"""HTML pages: main content found, chrome dropped, then the same pipeline."""

import pytest

from kgapi.errors import BadRequest, ExtractionError
from kgapi.extract import extract_document
from kgapi.extract.fetch import extract_html

PAGE = """<!doctype html><html><head><title>N. Korea sent troops | World News</title>
<meta property="article:published_time" content="2025-04-28T19:40:00Z"></head>
<body><header><nav><a href="/">Home</a> | <a href="/world">World</a> | <a href="/sport">Sport</a></nav></header>
<aside><h3>Most read</h3><ul><li><a href="/a">Canadians vote in election dominated by Trump's tariffs</a></li>
<li><a href="/b">Trump heads to Michigan to mark 100 days in office</a></li></ul></aside>
<article><h1>North Korea confirms for the first time that its troops fought for Russia</h1>
<p>North Korea on Monday openly admitted that it had sent soldiers to fight on Russia's side, ending months
of official silence over a deployment that foreign intelligence services had been tracking since the autumn.</p>
<p>Intelligence officials in Washington, Seoul and Kyiv believe North Korea moved between 10,000 and 12,000
troops into Russia last fall, most of them to the Kursk front.</p>
<p>South Korea's Joint Chiefs of Staff said last month that at least 3,000 more had followed in January and
February.</p></article>
<footer>Subscribe for $1 a week. &copy; 2025 Example News</footer><script>var x = 1;</script></body></html>"""


def test_extract_html_main_content():
    r = extract_html(PAGE)
    assert "openly admitted" in r["text"] and "12,000" in r["text"]
    assert "Subscribe" not in r["text"] and "var x" not in r["text"] and "Michigan" not in r["text"]
    assert r["published"] == "2025-04-28"
    assert r["title"]


def test_extract_document_html_runs_pipeline():
    r = extract_document(PAGE.encode("utf-8"), "text/html; charset=utf-8", url="https://news.test/a")
    assert r["article"]["published"] == "2025-04-28"
    counts = sorted(p["count"] for d in r["deployments"] for p in d["personnel"])
    assert counts == [3000, 12000]
    assert not any(e["label"] in ("Michigan", "Donald Trump") for e in r["entities"])
    text = r["article"]["text"]
    for d in r["deployments"]:
        for s in d["sources"]:
            assert text[s["start"]:s["end"]] == s["sentence"]


def test_extract_document_overrides():
    r = extract_document(PAGE, "text/html", title="Given title", published="2025-05-01")
    assert r["article"]["title"] == "Given title" and r["article"]["published"] == "2025-05-01"


def test_extract_document_plain_text(seed_text):
    r = extract_document(seed_text.encode("utf-8"), "text/plain; charset=utf-8")
    assert r["article"]["published"] == "2025-12-06"


def test_extract_document_sniffs_html_without_type():
    r = extract_document(PAGE.encode(), "application/octet-stream")
    assert "Subscribe" not in r["article"]["text"]


def test_extract_document_refuses_other_types_and_empty():
    with pytest.raises(BadRequest):
        extract_document(b"%PDF-1.4", "application/pdf")
    with pytest.raises(ExtractionError):
        extract_document(b"   ", "text/plain")
    with pytest.raises(ExtractionError):
        extract_document(b"<html><body><script>x</script></body></html>", "text/html")
