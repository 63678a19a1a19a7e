"""Fuzzing the extraction entry points, ``extract`` and ``extract_document``, in a child process.

Arbitrary Unicode (lone surrogates and control characters included), bytes,
HTML soup, article-like text made of real article lines and junk, and fixed
extreme cases (empty, huge, one giant line, deep nesting). Each input has a
deadline: a hang fails the test instead of hanging CI, and a crash of the
process (a segfault, a stack overflow in native code) is a failure too. An
answer must be a 4xx refusal or a well-formed extraction that builds and passes
the SHACL gate (see ``extract_worker``).
"""

from __future__ import annotations

import os
import pickle
import select
import struct
import subprocess
import sys
import tempfile
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.helpers import DATA_DIR, ROOT

EXAMPLES = int(os.environ.get("KGAPI_FUZZ_EXAMPLES", "250"))
DEADLINE = 15.0     # seconds for one small input (it takes milliseconds)
HUGE_DEADLINE = 90.0


class Hang(AssertionError):
    pass


class Worker:
    """``extract_worker`` in a child process; restarted after a hang or a crash."""

    def __init__(self):
        self.proc = None
        self.err = None

    def start(self):
        self.err = tempfile.TemporaryFile()
        self.proc = subprocess.Popen([sys.executable, "-m", "tests.reliability.extract_worker"], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.err)
        self._read(1, 120)

    def _read(self, n: int, deadline: float) -> bytes:
        buf = b""
        fd = self.proc.stdout.fileno()
        end = time.monotonic() + deadline
        while len(buf) < n:
            left = end - time.monotonic()
            if left <= 0 or not select.select([fd], [], [], left)[0]:
                self.kill()
                raise Hang(f"no answer in {deadline:.0f}s")
            chunk = os.read(fd, n - len(buf))
            if not chunk:
                rc = self.proc.wait()
                self.err.seek(0)
                tail = self.err.read().decode(errors="replace")[-3000:]
                self.proc = None
                raise AssertionError(f"the extraction process died (exit {rc}):\n{tail}")
            buf += chunk
        return buf

    def ask(self, entry: str, *args, deadline: float = DEADLINE, **kwargs):
        if self.proc is None:
            self.start()
        data = pickle.dumps((entry, args, kwargs))
        self.proc.stdin.write(struct.pack(">I", len(data)) + data)
        self.proc.stdin.flush()
        n = struct.unpack(">I", self._read(4, deadline))[0]
        return pickle.loads(self._read(n, deadline))

    def kill(self):
        if self.proc is not None:
            self.proc.kill()
            self.proc.wait()
            self.proc = None


@pytest.fixture(scope="module")
def worker():
    w = Worker()
    w.start()
    yield w
    w.kill()


def check(verdict, what: str) -> str:
    kind, detail = verdict
    assert kind in ("ok", "refused"), f"{what}: {kind}: {detail}"
    return kind


LINES = sorted({ln.strip() for p in (DATA_DIR / "articles").glob("*.txt")
                for ln in p.read_text(encoding="utf-8").splitlines() if ln.strip()})
JUNK = ["\x00", "\ud800", "\udfff\ud800", "\ufeff", "\u202e", "\u200b" * 5, "e\u0301" * 40, "🇰🇵🇷🇺" * 10,
        "Posted : 2024-13-45 99:99", "February 30, 2025", "SEOUL, Month 99 (Yonhap) --", "9" * 400,
        "1,000,000,000,000,000,000 troops", "0 troops", "-5 soldiers", "By", "…", "(LEAD)", "\t\t\t",
        "North Korea sent North Korea to North Korea.", "Kim Jong Un met Kim Jong Un in Kim Jong Un.",
        "said said said said", "'" * 50, '"' * 50, ")" * 30 + "(" * 30, "\r", "\x0b\x0c", "\u2028\u2029"]
any_text = st.text(st.characters(exclude_categories=()), max_size=3000)
article_like = st.lists(st.sampled_from(LINES + JUNK), min_size=1, max_size=80).map("\n".join)
word_salad = st.lists(st.sampled_from(LINES + JUNK), min_size=1, max_size=40).map(" ".join)
html_soup = st.lists(st.one_of(
    st.sampled_from(["<div>", "</div>", "<p>", "</p>", "<script>", "</script>", "<style>", "<!--", "-->",
                     "<![CDATA[", "]]>", "<html><head>", "<title>", "</title>", "<h1>", "</h1>", "&amp;", "&#0;",
                     "&#xD800;", "&#1114112;", "&lol;", "<meta property='og:title' content='T\x00'>",
                     "<time datetime='2025-02-30'>", "<article>", "</article>", "<br/>", "<", ">", "<p",
                     "<meta charset='x-unknown'>", "<?xml version='1.0'?>", "<!DOCTYPE html>"]),
    st.sampled_from(LINES)), max_size=150).map("".join)
binary = st.binary(max_size=4000)
meta = st.fixed_dictionaries({}, optional={
    "title": st.one_of(st.none(), st.text(max_size=300)),
    "published": st.one_of(st.none(), st.sampled_from(["2025-06-17", "2025", "2025-02-30", "0000-00-00",
                                                       "yesterday", "", "9999-12-31", "0001-01-01", "2025-06"])),
    "url": st.one_of(st.none(), st.sampled_from(["https://news.test/a", "not a url", "javascript:alert(1)"])),
})
CONTENT_TYPES = ["text/plain", "text/html", "text/html; charset=utf-8", "text/plain; charset=latin-1",
                 "application/octet-stream", "text/plain; charset=x-unknown", "", "application/pdf"]
jobs = st.one_of(
    st.tuples(st.just("extract"), st.one_of(any_text, article_like, word_salad,
                                            binary.map(lambda b: b.decode("utf-8", "surrogateescape"))), meta),
    st.tuples(st.just("extract_document"), st.one_of(any_text, article_like, html_soup, binary,
                                                     html_soup.map(str.encode)),
              st.sampled_from(CONTENT_TYPES), meta),
)


@settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=False,
          suppress_health_check=list(HealthCheck))
@given(job=jobs)
def test_fuzz_extraction_entry_points(worker, job):
    if job[0] == "extract":
        _, text, kw = job
        check(worker.ask("extract", text, **kw), f"extract({text[:200]!r}, **{kw})")
    else:
        _, content, ctype, kw = job
        check(worker.ask("extract_document", content, ctype, **kw),
              f"extract_document({content[:200]!r}, {ctype!r}, **{kw})")


def _real() -> str:
    return "\n\n".join(p.read_text(encoding="utf-8") for p in sorted((DATA_DIR / "articles").glob("*.txt")))


EXTREMES = {
    "empty": lambda: ("extract", ""),
    "whitespace only": lambda: ("extract", " \n\t\r\n " * 1000),
    "NULs only": lambda: ("extract", "\x00" * 10_000),
    "5 MB of real articles": lambda: ("extract", _real() * (5_000_000 // len(_real()) + 1)),
    "2 MB on one line without spaces": lambda: ("extract", "x" * 2_000_000),
    "one sentence of 50,000 words": lambda: ("extract", "North Korea sent troops " * 12_500 + "."),
    "300,000 empty lines": lambda: ("extract", "\n" * 300_000),
    "30,000 deployment sentences": lambda: ("extract", "North Korea sent 1,000 troops to Russia. " * 30_000),
    "1 MB of random bytes as a document": lambda: ("extract_document", os.urandom(1_000_000), "text/plain"),
    "100,000 nested divs": lambda: ("extract_document", "<div>" * 100_000 + "North Korea sent troops to Russia."
                                    + "</div>" * 100_000, "text/html"),
    "10,000 paragraphs of HTML": lambda: ("extract_document", "<html><body>" + "<p>Russia said North Korea sent "
                                          "1,000 troops to Kursk on Monday.</p>" * 10_000, "text/html"),
    "relative dates at the ends of the calendar": lambda: (
        "extract", "Last Monday, next Saturday, in two weeks, ten years ago, next month, the following year "
                   "and on December 31 North Korea sent 1,000 troops to Russia.", {"published": "9999-12-31"}),
    "relative dates at the start of the calendar": lambda: (
        "extract", "Yesterday, last Monday, a decade ago and last January North Korea sent 1,000 troops.",
        {"published": "0001-01-01"}),
    "HTML entity bomb text": lambda: ("extract_document", "<p>" + "&amp;" * 500_000 + "</p>", "text/html"),
}


@pytest.mark.parametrize("name", list(EXTREMES))
def test_extreme_inputs(worker, name):
    entry, *args = EXTREMES[name]()
    kwargs = args.pop() if isinstance(args[-1], dict) else {}
    t0 = time.monotonic()
    check(worker.ask(entry, *args, deadline=HUGE_DEADLINE, **kwargs), name)
    print(f"{name}: {time.monotonic() - t0:.1f}s")
