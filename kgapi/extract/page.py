"""Find the article in scraped page text: title, publication date, body.

Scraped text carries page furniture: a date line, teasers of other articles,
navigation, bylines, captions (often repeated), "Check Out Our Content",
related-article lists. The body is the longest run of prose paragraphs (lines
of sentences), allowing a few short lines (captions, sub-heads) inside it; the
title is the headline-like line just before it (a headline repeated with a
section tag glued on, "NorthKoreaNorth Korea Shows…", is recognised as a
repeat); the date is the first full date in the page header, else the
dateline ("SEOUL, June 17 (Yonhap) --"), whose missing year is inferred from the
years the text names and the weekday it mentions.

``article.text`` is built from the kept paragraphs joined by blank lines, so
offsets into it are exact.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from .dates import _DAY, _MON, _YEAR, _month, parse_published
from .resources import chrome

MAX_INPUT = 2_000_000      # characters of raw text looked at
MAX_BODY = 200_000         # characters of body kept

_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\ufeff\ufffe\uffff]")
_SENT_END = re.compile(r"[.!?][\"”’')\]]*$")
_TEASER_END = re.compile(r"(\.\.\.|…)\s*$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'’/-]{1,40}?|[A-Z][A-Z .'’/-]{1,40})(?:,\s+[A-Z][A-Za-z .'’-]{1,30}?)?,\s+(?P<mon>" + _MON + r")\s+(?P<d>" + _DAY
    + r")(?:,\s*(?P<y>" + _YEAR + r"))?\s*(?:\((?P<agency>[^)]{1,40})\))?\s*(?:--|—|–|-|:)\s*")
_DATELINE_NODATE = re.compile(r"^(?:(?P<place>[A-Z][A-Z.'’/-]{2,}(?:\s[A-Z][A-Z.'’-]+){0,2})(?:,\s+[A-Z][A-Za-z.'’-]+(?:\s[A-Z][A-Za-z.'’-]+){0,2})?"
                              r"\s*(?:\((?P<agency>[^)]{1,40})\))?|(?P<place2>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:,\s+[A-Z][A-Za-z.'’-]+"
                              r"(?:\s[A-Z][A-Za-z.'’-]+){0,2})?\s*\((?P<agency2>[^)]{1,40})\))\s*(?:--|—|–|-)\s+(?=[A-Z])")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_YEARS = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")
_CREDIT_END = re.compile(r"[.)]\s*(?:\(?(?:Reuters|AFP|AP|EPA|Getty Images|Yonhap|Xinhua|TASS|KCNA|Kyodo|Bloomberg|"
                         r"File|File photo|Handout|Screenshot)\)?\.?)\s*$")


@dataclass
class Page:
    title: str
    published: str | None
    body: str
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # offsets of paragraphs in body


def clean_text(text: str) -> str:
    text = text[:MAX_INPUT]
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\u00a0", " ")
    return _CTRL.sub("", text)


def _is_chrome(line: str) -> bool:
    if len(line) >= 150:
        return False
    return any(rx.match(line) for rx in chrome().line_res)


def _is_caption(line: str) -> bool:
    low = line.lower()
    return any(mk.lower() in low for mk in chrome().caption_markers)


def _is_prose(line: str) -> bool:
    if len(line) < 60 or _TEASER_END.search(line):
        return False
    if _SENT_END.search(line):
        return True
    # long lines without final punctuation still count when they hold sentences
    return len(line) >= 200 and line.count(". ") >= 1


def _headline_like(line: str) -> bool:
    words = _WORD.findall(line)
    if not (3 <= len(words) <= 30) or len(line) > 250:
        return False
    if _TEASER_END.search(line) or _is_caption(line) or _is_chrome(line) or _CREDIT_END.search(line):
        return False
    if parse_published(line) and len(words) <= 8:
        return False
    return True


def _norm_key(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "", s.lower())


def _infer_year(mon: int, day: int, text: str, weekday_hint: str | None) -> int:
    years = [int(y) for y in _YEARS.findall(text)]
    base = max(years) if years else date.today().year
    cands = [base, base + 1, base - 1]
    if weekday_hint:
        wd = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].index(weekday_hint.lower())
        for y in cands:
            try:
                if date(y, mon, day).weekday() == wd:
                    return y
            except ValueError:
                continue
    return base


def parse_page(raw: str, title: str | None = None, published: str | None = None) -> Page:
    text = clean_text(raw)
    lines = [ln.strip() for ln in text.split("\n")]
    lines = [re.sub(r"[ \t]+", " ", ln) for ln in lines if ln.strip()]
    if not lines:
        return Page(title or "", published, "", [])
    chrome_flags = [_is_chrome(ln) for ln in lines]
    prose = [(not chrome_flags[i]) and _is_prose(ln) for i, ln in enumerate(lines)]

    # runs of prose lines allowing gaps of up to 3 non-prose lines
    runs: list[tuple[int, int, int]] = []  # (first, last, chars)
    cur: list[int] = []
    for i, p in enumerate(prose):
        if not p:
            continue
        if cur and i - cur[-1] > 4:
            runs.append((cur[0], cur[-1], sum(len(lines[j]) for j in cur)))
            cur = []
        cur.append(i)
    if cur:
        runs.append((cur[0], cur[-1], sum(len(lines[j]) for j in cur)))
    if runs:
        first, last, _ = max(runs, key=lambda r: r[2])
    else:  # no prose at all: take every non-chrome line
        non = [i for i, c in enumerate(chrome_flags) if not c] or [0]
        first, last = non[0], non[-1]

    # ---------------------------------------------------------------- title
    title_idx = None
    if title is None:
        window = [i for i in range(max(0, first - 12), first)
                  if not chrome_flags[i] and not prose[i] and _headline_like(lines[i])]
        if window:
            nearest = window[-1]
            if lines[nearest].rstrip().endswith(".") and any(not lines[j].rstrip().endswith(".") for j in window):
                nearest = max(j for j in window if not lines[j].rstrip().endswith("."))
            title_idx = nearest
            # a headline followed by its deck (a longer line): the headline is the title
            prev_c = [j for j in window if j < nearest]
            if prev_c:
                j = prev_c[-1]
                if j == nearest - 1 and not lines[j].isupper() and len(_WORD.findall(lines[j])) >= 5 and \
                        len(_WORD.findall(lines[nearest])) > len(_WORD.findall(lines[j])) \
                        and not lines[j].rstrip().endswith(".") and not _norm_key(lines[nearest]).endswith(_norm_key(lines[j])):
                    title_idx = j
            # "NorthKoreaNorth Korea Shows…" repeats "North Korea Shows…": prefer the clean one
            for j in reversed(window[:-1]):
                a, b = _norm_key(lines[nearest]), _norm_key(lines[j])
                if b and a != b and a.endswith(b) and len(b) >= 12:
                    title_idx = j
                    break
            title = lines[title_idx]
        else:
            cands = [i for i in range(0, first) if _headline_like(lines[i])]
            if cands:
                title_idx = cands[-1]
                title = lines[title_idx]
            else:
                title = _first_sentence(lines[first])[:200]
    else:
        tk = _norm_key(title)
        for i in range(0, min(first + 1, len(lines))):
            if _norm_key(lines[i]) == tk:
                title_idx = i
    title = _clean_title(title.strip())

    # ---------------------------------------------------------------- body
    start = first
    if title_idx is not None and title_idx < first:
        # captions and sub-heads between the title and the first paragraph belong to the article
        start = title_idx + 1
    tkey = _norm_key(title)
    seen: set[str] = set()
    paras: list[str] = []
    for i in range(start, last + 1):
        ln = lines[i]
        if chrome_flags[i]:
            continue
        k = _norm_key(ln)
        if not k or k in seen:
            continue
        if title_idx is not None and tkey and len(tkey) >= 12 and tkey in k and len(k) - len(tkey) < 30 \
                and not prose[i]:
            continue  # the headline again
        if i < first and (_TEASER_END.search(ln) or len(_WORD.findall(ln)) < 2 or
                          (len(_WORD.findall(ln)) <= 10 and parse_published(ln))):
            continue  # teasers, kickers and the date line between the headline and the text
        seen.add(k)
        paras.append(ln)

    # ---------------------------------------------------------------- date
    if published is None:
        for i in range(0, min(first + 8, len(lines))):
            if i < first or chrome_flags[i] or (not prose[i] and len(lines[i]) < 60):
                p = parse_published(lines[i]) if len(lines[i]) < 160 else None
                if p:
                    published = p
                    break
    if published is None:
        # a "Posted on …" line after the article
        for i in range(last + 1, min(len(lines), last + 12)):
            if len(lines[i]) < 160 and re.search(r"(?i)\b(?:posted|published|updated|first published|date)\b", lines[i]):
                p = parse_published(lines[i])
                if p:
                    published = p
                    break
    # dateline: strip it from the first paragraph; it may give the date
    for k, para in enumerate(paras[:4]):
        m = _DATELINE.match(para)
        if m:
            if published is None:
                mon, day = _month(m.group("mon")), int(re.sub(r"\D", "", m.group("d")))
                if m.group("y"):
                    y = int(m.group("y"))
                else:
                    rest = para[m.end():]
                    wd = _WEEKDAY.search(" ".join(paras[k:k + 2])[:600])
                    y = _infer_year(mon, day, " ".join(paras), wd.group(1) if wd else None)
                    del rest
                try:
                    published = date(y, mon, day).isoformat()
                except ValueError:
                    pass
            paras[k] = para[m.end():]
            break
        m2 = _DATELINE_NODATE.match(para)
        if m2 and len(m2.group("place") or m2.group("place2") or "") >= 3:
            paras[k] = para[m2.end():]
            break

    body_parts: list[str] = []
    offsets: list[tuple[int, int]] = []
    pos = 0
    total = 0
    for para in paras:
        if not para:
            continue
        if total + len(para) > MAX_BODY:
            room = MAX_BODY - total
            if room < 200:
                break
            cut = para.rfind(". ", 0, room)
            para = para[:cut + 1] if cut > 0 else para[:room]
        if body_parts:
            pos += 2
        offsets.append((pos, pos + len(para)))
        body_parts.append(para)
        pos += len(para)
        total += len(para)
    body = "\n\n".join(body_parts)
    return Page(title=title, published=published, body=body, paragraphs=offsets)


_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<site>[^|–—]{2,40})$")
_SITE_WORDS = re.compile(r"\b(?:News|Times|Post|Herald|Daily|Journal|Tribune|Agency|Online|TV|Radio|Observer|Courier|"
                         r"Wire|Press|Gazette|Telegraph|Monitor|Review|Report|Insider|Today|Network|Media)\b|\.com\b")


def _clean_title(title: str) -> str:
    """'North Korea sends troops | Example News' → 'North Korea sends troops'; 'WORLD | …' → '…'."""
    pre = re.match(r"^[A-Z][A-Z &-]{1,25}\s*[|:>]\s+(?=\S)", title)
    if pre:
        title = title[pre.end():]
    m = _SITE_SUFFIX.search(title)
    if m and len(m.group("site").split()) <= 4 and (_SITE_WORDS.search(m.group("site")) or
                                                     m.group("site").strip() in ("Reuters", "AP", "AFP", "BBC", "CNN",
                                                                                 "Yonhap", "Bloomberg", "Kyodo")):
        return title[:m.start()].strip()
    return title


def _first_sentence(s: str) -> str:
    m = re.search(r"[.!?](\s|$)", s)
    return s[: m.start() + 1] if m else s
