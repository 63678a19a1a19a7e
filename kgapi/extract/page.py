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

from .dates import _DAY, _MON, _YEAR, _month, parse_published, published_dates
from .resources import chrome

MAX_INPUT = 2_000_000      # characters of raw text looked at
MAX_BODY = 200_000         # characters of body kept

_CTRL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\ufeff\ufffe\uffff\ud800-\udfff]")
_SENT_END = re.compile(r"[.!?][\"”’')\]]*$")
_TEASER_END = re.compile(r"(\.\.\.|…)\s*$")
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Za-z .'’/-]{1,40}?|[A-Z][A-Z .'’/-]{1,40})(?:,\s+[A-Z][A-Za-z .'’-]{1,30}?)?,\s+(?P<mon>" + _MON + r")\s+(?P<d>" + _DAY
    + r")(?:,\s*(?P<y>" + _YEAR + r"))?\s*(?:\((?P<agency>[^)]{1,40})\))?\s*(?:--|—|–|-|:)\s*")
# "PYONGYANG, November 29. /TASS/." (the agency between slashes)
_DATELINE_SLASH = re.compile(r"^(?P<place>[A-Z][A-Za-z .'’-]{1,40}?),\s+(?P<mon>" + _MON + r")\s+(?P<d>" + _DAY
                             + r")(?:,\s*(?P<y>" + _YEAR + r"))?\.?\s*/(?P<agency>[^/]{1,40})/\.?\s*")
_DATELINE_NODATE = re.compile(r"^(?:(?P<place>[A-Z][A-Z.'’/-]{2,}(?:\s[A-Z][A-Z.'’-]+){0,2})(?:,\s+[A-Z][A-Za-z.'’-]+(?:\s[A-Z][A-Za-z.'’-]+){0,2})?"
                              r"\s*(?:\((?P<agency>[^)]{1,40})\))?|(?P<place2>[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:,\s+[A-Z][A-Za-z.'’-]+"
                              r"(?:\s[A-Z][A-Za-z.'’-]+){0,2})?\s*\((?P<agency2>[^)]{1,40})\))\s*(?:--|—|–|-)\s+(?=[A-Z])")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_YEARS = re.compile(r"\b(19[5-9]\d|20\d\d)\b")
_WORD = re.compile(r"[A-Za-z][A-Za-z'’.-]*")


def _agency_alt() -> str:
    """News and photo agencies from the reference data, as written and in upper case ('YONHAP')."""
    names = set(chrome().agencies) | {a.upper() for a in chrome().agencies}
    return "|".join(r"\s+".join(map(re.escape, a.split())) for a in sorted(names, key=len, reverse=True))


_AGENCY_ALT = _agency_alt()
_CREDIT_END = re.compile(r"[.)]\s*(?:\(?(?:" + _AGENCY_ALT + r"|File|File photo|Handout|Screenshot)\)?\.?)\s*$")


@dataclass
class Page:
    title: str
    published: str | None
    body: str
    paragraphs: list[tuple[int, int]] = field(default_factory=list)  # offsets of paragraphs in body
    publisher: set[str] = field(default_factory=set)  # folded names the page gives its own outlet
    captions: list[tuple[int, int]] = field(default_factory=list)  # body offsets of photo captions


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


_NAV_ITEM = r"[A-Z][\w&.'’-]*(?:\s[A-Z][\w&.'’-]*){0,2}"
_NAV = re.compile(r"^(?:" + _NAV_ITEM + r"(?:\s{2,}|\s*[·•|]\s*)){2,}" + _NAV_ITEM + r"(?:\s{2,}.*)?$")
_UI = re.compile(r"^(?:(?:font|size|text|print|share|email|e-mail|save|bookmark|copy|copied|link|comments?|listen|translate|this|"
                 r"article|story|gift|follow|more|\d+|download|pdf|"
                 r"a\+|a-|facebook|twitter|x|whatsapp|telegram|linkedin|kakaotalk|reddit|on)\b[\s|·•]*"
                 r"|\(\d+(?:\.\d+)?\s*[kmg]b\)[\s|·•]*)+$", re.I)  # ("Download PDF (2.3 MB)  Share  Print")


def _is_nav(raw: str) -> bool:
    """A navigation bar ("World News  U.S. News  Politics  Sports") or a row of page buttons
    ("Font size  Print  Share"), before whitespace is collapsed."""
    return len(raw) < 200 and (bool(_NAV.match(raw)) or bool(_UI.match(raw)))


_AGENCIES = _AGENCY_ALT + r"|Pool|File|Handout"
# a photo credit closing a caption: "[AP/YONHAP]", "(KCNA via Reuters)", "Pool/Getty Images", "(AP Photo/Ahn Young-joon)"
_CREDIT_TAIL = re.compile(r"(?:\s*[\[(](?:[^\[\]()]{0,40}?(?:/|\bvia\b|\bPhoto\b)[^\[\]()]{0,40}|(?:" + _AGENCIES
                          + r")(?:\s+(?:photo|Photo|file))?)[\])]"
                          r"|(?<=[.!?\]])\s+(?:[A-Z][\w.' -]{0,30}/)?(?:" + _AGENCIES + r")(?:\s+via\s+[\w .'-]{1,30})?\.?"
                          r"|(?<=[.!?])\s+(?:Photo|Image|Picture|Photograph|Credit|Source)s?\s*:\s*[^.]{1,50}\.?"
                          # "…east of Cairo. / Egyptian Ministry of Defence": a credit after a slash
                          r"|(?<=[.!?])\s+/\s+[A-Z][^./]{1,60})\s*$")
_DATELINE_ONLY = re.compile(r"^[A-Z][A-Za-z .,'’-]{1,40}?\s*(?:\([^)]{1,30}\)|[A-Z]{2,8})?\s*(?:—|–|--)\s*$")


def _strip_credit(line: str) -> str:
    """A caption keeps its words, not its photo credit: the agency there is no actor of the story."""
    return _CREDIT_TAIL.sub("", line).rstrip() if len(line) < 400 else line


_CRUMB_SEP = re.compile(r"\s+(?:/|>|»|›|::)\s+")


def _breadcrumb_tail(line: str) -> str | None:
    """'Home / World / Asia / Kim Jong Un meets Shoigu …' → the headline at the end of the trail."""
    parts = _CRUMB_SEP.split(line)
    if len(parts) < 3 or any(len(p.split()) > 3 for p in parts[:-1]):
        return None
    tail = parts[-1].strip()
    return tail if len(_WORD.findall(tail)) >= 4 else None


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
    if not (3 <= len(words) <= 40) or len(line) > 300:
        return False
    if _TEASER_END.search(line) or _is_caption(line) or _is_chrome(line) or _CREDIT_END.search(line) or \
            _MEDIA_TEASER.search(line):
        return False
    if (parse_published(line) or published_dates(line)) and len(words) <= 8:
        return False  # "Wed 23 Oct 2024 09.12 BST": a date stamp
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
    if title is not None:  # a given title is cleaned like the page (no control characters, NFC)
        title = re.sub(r"\s+", " ", clean_text(title))
    raw_lines = [ln.strip() for ln in text.split("\n") if ln.strip()]
    lines = [re.sub(r"[ \t]+", " ", ln) for ln in raw_lines]
    if not lines:
        return Page(title or "", published, "", [])
    chrome_flags = [_is_chrome(ln) or _is_nav(raw) for ln, raw in zip(lines, raw_lines)]
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
    aired = next((i for i in range(0, min(first + 1, len(lines))) if _AIRED_TITLE.match(lines[i])), None) \
        if title is None else None
    if aired is not None:
        # a broadcast transcript: "U.S.: At Least 3,000 North Korean Troops In Russia; … Aired 2-3p ET" is the
        # segment's headline (the show's name above it is not)
        title_idx, title = aired, _AIRED_TITLE.match(lines[aired]).group("t")
    if title is None:
        title_idx, title = _find_title(lines, chrome_flags, prose, first)
        if title is None:
            lead = lines[first]
            dm = _DATELINE.match(lead) or _DATELINE_SLASH.match(lead) or _DATELINE_NODATE.match(lead)
            title = _first_sentence(lead[dm.end():] if dm else lead)[:200]
    else:
        tk = _norm_key(title)
        for i in range(0, min(first + 1, len(lines))):
            if _norm_key(lines[i]) == tk:
                title_idx = i
    raw_title = title
    title = _clean_title(title.strip(), {_norm_key(ln) for ln in lines[:max(first, 3)] if len(ln) <= 60})

    # ---------------------------------------------------------------- body
    start = first
    if title_idx is not None and title_idx < first:
        # captions and sub-heads between the title and the first paragraph belong to the article
        start = title_idx + 1
    tkey = _norm_key(title)
    seen: set[str] = set()
    paras: list[str] = []
    caption_keys: set[str] = set()
    signed_off = False
    for i in range(start, last + 1):
        ln = lines[i]
        if _POST_TIME.match(ln):
            # a live page's posts: one that signs off ("That's all from Africa Live for now") is chrome, and so is
            # an entry on another subject (the currency, a football score) that says nothing of forces or states' dealings
            post_end = next((j for j in range(i + 1, last + 1) if _POST_TIME.match(lines[j])), last + 1)
            signed_off = (i + 1 <= last and chrome_flags[i + 1]) or not _TOPICAL.search(" ".join(lines[i + 1:post_end]))
            continue
        if chrome_flags[i] or signed_off:
            continue
        k = _norm_key(ln)
        if not k or k in seen:
            continue
        if title_idx is not None and tkey and len(tkey) >= 12 and tkey in k and len(k) - len(tkey) < 30 \
                and not prose[i]:
            continue  # the headline again
        if not prose[i] and (_is_byline(ln) or _is_date_line(ln)):
            continue  # a byline or date stamp after a standfirst
        if i < first and (_TEASER_END.search(ln) or len(_WORD.findall(ln)) < 2 or
                          (len(_WORD.findall(ln)) <= 10 and parse_published(ln)) or _is_byline(ln) or
                          _is_date_line(ln) or _breadcrumb_tail(ln) or _bare_byline(lines, i) or _AGO.match(ln) or
                          (_AFFILIATION.match(ln) and not _SENT_END.search(ln)) or _MEDIA_TEASER.search(ln)):
            continue  # teasers, kickers and the date line between the headline and the text
        if _DATELINE_ONLY.match(ln):
            continue  # "London WNN —" on a line of its own
        if _CITE.match(ln):
            continue  # "Cite this: Author, "Title." Site, date.": the page's own reference
        if _BREAK_TEASER.search(ln):
            # a broadcast's "We have to take a quick break. When we come back, the race in Pennsylvania …. Stay with
            # us.": those sentences go, the rest of the turn stays
            ln = " ".join(x for x in re.split(r"(?<=[.!?])\s+", ln) if not _BREAK_TEASER.search(x))
            if not _WORD.findall(re.sub(r"^[A-Z][A-Z'’ -]+:\s*", "", ln)):
                continue
        if _AUTHOR_BIO.match(ln) and len(ln) < 700:
            continue  # "About the author: Dr. X is a senior fellow … The views expressed are her own."
        seen.add(k)
        stripped = _strip_credit(ln)
        if stripped:
            if len(ln) < 400 and (stripped != ln or _is_caption(ln) or _CAPTION_WORDS.search(ln)):
                caption_keys.add(_norm_key(stripped))  # a photo caption: what it names is no part of the story
            paras.append(stripped)
    if not paras:
        # the text is no more than its headline: keep it as the body
        paras = [lines[i] for i in range(start, last + 1) if not chrome_flags[i]] or [lines[first]]

    # ---------------------------------------------------------------- date
    pub_rank = 0
    if published is None:
        published, pub_rank = _find_published(lines, chrome_flags, prose, first, last)
    # dateline: strip it from the first paragraph; it may give the date
    for k, para in enumerate(paras[:4]):
        m = _DATELINE.match(para) or _DATELINE_SLASH.match(para)
        if m:
            if published is None or pub_rank >= _RANK_UPDATED:
                # the dateline's date is the story's; an "Updated" stamp only bounds it
                mon, day = _month(m.group("mon")), int(re.sub(r"\D", "", m.group("d")))
                if m.group("y"):
                    y = int(m.group("y"))
                elif published:
                    upd = date.fromisoformat(published)
                    y = upd.year if (mon, day) <= (upd.month, upd.day) else upd.year - 1
                else:
                    wd = _WEEKDAY.search(" ".join(paras[k:k + 2])[:600])
                    y = _infer_year(mon, day, " ".join(paras), wd.group(1) if wd else None)
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
    captions: list[tuple[int, int]] = []
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
        if _norm_key(para) in caption_keys:
            captions.append((pos, pos + len(para)))
        body_parts.append(para)
        pos += len(para)
        total += len(para)
    body = "\n\n".join(body_parts)
    from .credits import publisher_names
    return Page(title=title, published=published, body=body, paragraphs=offsets,
                publisher=publisher_names(lines, raw_title, first), captions=captions)


_BYLINE = re.compile(r"^(?:(?i:by|written by|words by|story by|text by|reporting by)\s+(?:our\s+|the\s+)?[A-Za-z]|"
                     r"(?:Reporter|Correspondent|Staff [Rr]eporter|Staff [Ww]riter|Writer|Author)\s*:?\s+[A-Z]"
                     r"[\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}$)")
_CORRESPONDENT = re.compile(r"\b(?:correspondent|reporter|staff writer|editor|bureau chief|contributor|columnist)\b", re.I)
_DATE_LABEL = re.compile(r"^\W*(?:(?P<pub>published|posted|first published|date|released|issued|created)|"
                         r"(?P<upd>updated|last updated|last modified|modified|edited|revised)|as of|on)\b", re.I)
_UPDATED_ANY = re.compile(r"\b(?:updated|modified|edited|revised)\b", re.I)
_PUBLISHED_ANY = re.compile(r"\b(?:published|posted|first published)\b", re.I)
_CAPTION_WORDS = re.compile(r"\b(?:Image|Photo|Photograph|Picture|Credit|Source|Video|Illustration)s?\s*:|"
                            r"\((?:" + _AGENCY_ALT + r")\s*(?:Photo|/)|"
                            r"\b(?:File photo|Handout photo|Courtesy|pictured)\b|©", re.I)
_STOP = set("""a an the of in on at to for from with by and or but as is are was were be been its it his her their
this that these those after before over into says said say will would could may might has have had not no new""".split())

_RANK_PUBLISHED, _RANK_PLAIN, _RANK_UPDATED = 1, 2, 3
_AIRED_TITLE = re.compile(r"^(?P<t>\S.{15,}?)[.;]?\s+Aired\s+\d{1,2}(?::\d\d)?\s*(?:[ap]\.?m?\.?)?\s*(?:-\s*\d{1,2}(?::\d\d)?\s*)?"
                          r"(?:[ap]\.?m?\.?)?\s*(?:ET|EST|EDT|PT|CT|GMT|BST)\.?$", re.I)
_TOPICAL = re.compile(r"\b(?:troops?|soldiers?|military|defen[cs]e|army|armed|forces?|bases?|deploy\w*|minister\w*|president|"
                      r"war|ceasefire|security|mission|peacekeep\w*|sanctions?|missiles?|drones?|attacks?|talks|treat(?:y|ies)|"
                      r"agreements?|embassy|diplomat\w*|summit|visit\w*|intelligence|officials?|government|navy|air\s+force|"
                      r"weapons?|arms|front|offensive|border|strikes?|killed|casualties)\b", re.I)
_BREAK_TEASER = re.compile(r"\b(?:take\s+a\s+(?:quick\s+|short\s+)?break|when\s+we\s+come\s+back|stay\s+with\s+us|"
                           r"still\s+ahead\s+(?:on|this)|coming\s+up\s+(?:next|after\s+the\s+break))\b", re.I)
_AUTHOR_BIO = re.compile(r"^About\s+the\s+authors?\s*[:.—–-]", re.I)
_LIST_TEASER = re.compile(r"^\s*(?:[-•*·▪►▸→]|\d{1,2}[.)])\s+\S.{10,}?\s+[–—|-]\s+\S")
_TEASER_LEAD = re.compile(r"^\W*(?:related|read\s+(?:more|also|next)|also\s+read|see\s+also|more\s+(?:from|on)|trending|"
                          r"latest(?:\s+news)?|most\s+(?:read|viewed|popular)|recommended|you\s+may\s+also\s+like|"
                          r"editor['’]s\s+picks?|top\s+stories)\b", re.I)


def _is_date_line(line: str) -> bool:
    """A line that is a date stamp ("Updated: Tue 11/05/2024 08:12 GMT", "5 November 2024 · 4 min read")."""
    if len(line) > 140 or not parse_published(line):
        return False
    return len(_WORD.findall(line)) <= 12 or bool(_DATE_LABEL.match(line))


_AGO = re.compile(r"^(?:updated\s+|posted\s+|published\s+)?(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b.{0,40}$",
                  re.I)
_NAME_LINE = re.compile(r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}$")


def _bare_byline(lines: list[str], i: int) -> bool:
    """'Jane Doe' alone on a line next to the date stamp: the author, without 'By'."""
    if not _NAME_LINE.match(lines[i]):
        return False
    return any(0 <= j < len(lines) and (_is_date_line(lines[j]) or _AGO.match(lines[j])) for j in (i - 1, i + 1)) or (
        i + 1 < len(lines) and bool(_AFFILIATION.match(lines[i + 1])) and not _SENT_END.search(lines[i + 1]))
    # ("Jane Doe" over "Senior Fellow, Maritime Security Programme")


_NAME_IN_CITY = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){1,3}\s+in\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?"
# "Eleanor Whitcombe in Seoul and Tomasz Lewandowski in Kyiv": reporters and where they file from
_REPORTERS_IN = re.compile(r"^" + _NAME_IN_CITY + r"(?:\s*(?:,|and)\s+" + _NAME_IN_CITY + r")*$")


def _is_byline(line: str) -> bool:
    return len(line) < 140 and (bool(_BYLINE.match(line)) or (len(_WORD.findall(line)) <= 8 and bool(
        _CORRESPONDENT.search(line))) or bool(_REPORTERS_IN.match(line)))


def _content_words(s: str) -> set[str]:
    out = set()
    for w in re.findall(r"[A-Za-z][A-Za-z-]+", s.lower()):
        w = re.sub(r"(?:['’]s|s)$", "", w)
        if w not in _STOP and len(w) > 1:
            out.add(w)
    return out


_TEASER_HEAD = re.compile(r"^(?:most\s+(?:viewed|read|popular|shared|watched)|related(?:\s+(?:articles|stories|news|content|"
                          r"coverage))?|latest(?:\s+(?:news|stories|articles))?|trending(?:\s+now)?|top\s+stories|"
                          r"more\s+(?:from|on|stories|news)\b.*|recommended|editor['’]s\s+picks?|you\s+may\s+also\s+like|"
                          r"popular(?:\s+now)?|in\s+case\s+you\s+missed\s+it|also\s+read|read\s+more)\s*:?$", re.I)
_POST_TIME = re.compile(r"^(?:\d{1,2}[:.]\d{2}(?:\s*(?:[ap]\.?m\.?|[A-Z]{2,4}))?|\d{1,2}\s*[ap]\.?m\.?(?:\s+[A-Z]{2,4})?)$",
                        re.I)
_AFFILIATION = re.compile(r"(?:(?:Senior|Junior|Visiting|Associate|Assistant|Deputy|Chief|Staff|Executive|Managing|"
                          r"Contributing|Special|Foreign|Defen[cs]e|Political|Diplomatic|Security)\s+)*"
                          r"(?:Fellow|Professor|Director|Researcher|Correspondent|Editor|Reporter|Analyst|Writer|"
                          r"Columnist|Producer|Lecturer|Associate)\b(?:\s*,|\s+(?:at|of|for|in)\b|\s*$)")
# a video or audio teaser, not the article's headline: "Watch: … (1:42)", "Listen: …"
_MEDIA_TEASER = re.compile(r"^(?:Watch|WATCH|Listen|LISTEN|Video|VIDEO|Podcast|Audio|Gallery|Photos|In\s+pictures)\s*:|"
                           r"\(\d{1,2}:\d{2}(?::\d{2})?\)\s*$")


_TRANSCRIPT_LABEL = re.compile(r"(?:Transcript|TRANSCRIPT)\s*:\s+(?=\S)")
_OFFICE_LINE = re.compile(r"(?:(?:[A-Z][\w'’-]*|of|for|the|and)\s+){0,4}(?:Minister|Secretary|President|Chancellor|Spokesperson|"
                          r"Spokesman|Spokeswoman|Ambassador|Governor)(?:\s+(?:of|for)\s+(?:the\s+)?[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})?|"
                          r"The\s+Hon(?:ourable|\.)?\s+(?:[A-Z][\w'’.-]*\s+){1,4}MP")


def _find_title(lines: list[str], chrome_flags: list[bool], prose: list[bool],
                first: int) -> tuple[int | None, str | None]:
    """The headline: the headline-like line before the body that best looks like one.

    Headlines sit next to the byline and the date stamp, do not end with a full stop, share their
    words with the first paragraph, and stand close to the text; captions ("…. Image: X"), decks
    (the longer line right after the headline), teasers of other articles and section labels do
    not. Each line is scored on these signs; the best wins."""
    lo = max(0, first - 15)
    # a headline stamped right below ("Africa Live: …" / "Last updated: …") counts however far the text is
    stamped = [i for i in range(0, min(lo, 20)) if i + 1 < len(lines) and _headline_like(lines[i]) and
               any(_is_date_line(lines[j]) or _is_byline(lines[j]) for j in range(i + 1, min(i + 3, len(lines))))]
    if stamped:
        lo = stamped[0]
    texts = {i: _breadcrumb_tail(lines[i]) or lines[i] for i in range(lo, first)}
    # "Transcript: US and UK troops for Guyana …": a broadcast page's headline under its label
    labelled = {i for i in range(lo, first) if _TRANSCRIPT_LABEL.match(lines[i])}
    for i in labelled:
        texts[i] = lines[i][_TRANSCRIPT_LABEL.match(lines[i]).end():]
    window = [i for i in range(lo, first) if not prose[i] and _headline_like(texts[i])
              and (not chrome_flags[i] or texts[i] != lines[i])]
    if not window:
        cands = [i for i in range(0, first) if _headline_like(lines[i])]
        return (cands[-1], lines[cands[-1]]) if cands else (None, None)
    body_words = _content_words(" ".join(lines[j] for j in range(first, min(len(lines), first + 4))
                                         if prose[j])[:900])
    scores: dict[int, float] = {}
    for i in window:
        ln = texts[i]
        sc = 0.0
        nxt = [j for j in range(i + 1, min(first, i + 4))]
        if any(_is_byline(lines[j]) or _is_date_line(lines[j]) for j in nxt):
            sc += 2
        prv = [j for j in range(max(0, i - 2), i)]
        if any(_is_byline(lines[j]) or _is_date_line(lines[j]) for j in prv):
            sc += 1
        if ln.rstrip().endswith("."):
            sc -= 2
        if len(_WORD.findall(ln)) <= 5 and _SITE_WORDS.search(ln) and not re.search(r"\b(?:says?|to|in|of|as)\b", ln):
            sc -= 2  # "Pyongyang Times Online": the site's name
        if i > 0 and _POST_TIME.match(lines[i - 1]):
            sc -= 4  # "19:40 EAT" / "We're pausing our live coverage": a live page's post, not its headline
        if any(_TEASER_HEAD.match(lines[j]) for j in range(max(0, i - 4), i)):
            sc -= 5  # a line in a "Most viewed" / "Related articles" list: another story's headline
        if _AFFILIATION.match(ln):
            sc -= 6  # "Senior Fellow, Maritime Security Programme": the author's post under the byline
        if ln.isupper():
            # a shouted heading inside the text (a press statement's own) or a section kicker
            # ("FORWARD LAND FORCES"), not the page's headline
            sc -= 1.5 if len(_WORD.findall(ln)) >= 4 else 3
        if i in labelled:
            sc += 2
        elif ln != lines[i]:
            sc -= 2  # a breadcrumb's last crumb: a short form of the headline, used when there is no other
        if _OFFICE_LINE.fullmatch(ln.strip()):
            sc -= 5  # "Deputy Prime Minister", "The Hon Richard Marles MP": a release's signatory, not its headline
        if _CAPTION_WORDS.search(ln) or _is_caption(ln):
            sc -= 8
        words = _content_words(ln)
        if words and body_words:
            sc += 3 * len(words & body_words) / len(words)
        sc -= 0.3 * (min(first - i, 8) if i in stamped else first - i)
        scores[i] = sc
    # a headline followed by its deck (a longer line right after it): the deck is not the title
    for i in window:
        j = i + 1
        if j in scores and j not in labelled and texts[i] == lines[i] and not lines[i].rstrip().endswith(".") and \
                not lines[i].isupper() and \
                len(_WORD.findall(lines[i])) >= 5 and \
                len(_WORD.findall(lines[j])) > len(_WORD.findall(lines[i])) and \
                not _norm_key(lines[j]).endswith(_norm_key(lines[i])) and \
                not any(_TEASER_HEAD.match(lines[k]) for k in range(max(0, i - 4), i)):
            scores[j] -= 3  # (a line in a list of other stories has no deck)
    best = max(window, key=lambda i: (scores[i], i))
    # "NorthKoreaNorth Korea Shows…" repeats "North Korea Shows…" with a tag glued on: prefer the clean one
    for j in window:
        a, b = _norm_key(texts[best]), _norm_key(texts[j])
        if j != best and b and a != b and a.endswith(b) and len(b) >= 12:
            return j, texts[j]
    return best, texts[best]


_CITE = re.compile(r"(?:cite\s+this(?:\s+article)?|citation|cite\s+as|how\s+to\s+cite|suggested\s+citation)\s*:", re.I)


def _find_published(lines: list[str], chrome_flags: list[bool], prose: list[bool], first: int,
                    last: int) -> tuple[str | None, int]:
    """The publication date from the page's date stamps: (ISO, rank).

    Stamps are looked for in the header (before the text and just into it) and in the footer
    after the text. A stamp labelled published/posted wins over an unlabelled one, which wins
    over one labelled updated/modified; within a rank the first in the page wins. On a line
    "Published 2024-04-22 · Updated 2024-04-23" each date takes the label before it."""
    cands: list[tuple[int, int, str]] = []  # (rank, order, iso)
    header = range(0, min(first + 8, len(lines)))
    footer = range(last + 1, min(len(lines), last + 15))
    order = 0
    cites = [i for i in range(max(first, len(header)), last + 1) if _CITE.match(lines[i])]
    for i in list(header) + cites + list(footer):
        ln = lines[i]
        if len(ln) >= (400 if _CITE.match(ln) else 160):
            continue
        in_body = first <= i <= last and not _CITE.match(ln)
        if in_body and not (chrome_flags[i] or (not prose[i] and len(ln) < 60)):
            continue
        if i > last and not (_DATE_LABEL.match(ln) or _UPDATED_ANY.search(ln) or _PUBLISHED_ANY.search(ln)
                             or _is_date_line(ln) or _CITE.match(ln)):
            continue
        if _TEASER_LEAD.match(ln):
            continue  # "Related: Kim visits factory (2024.10.01)": another article's date
        if _LIST_TEASER.match(ln):
            continue  # "- Kremlin names new ambassador to Pyongyang – March 22, 2025": a list of other stories
        found = published_dates(ln)
        if _CITE.match(ln):
            found = found[-1:]  # "Cite this: Author, "Title." Site, 22 September 2025."
        for off, iso in found:
            before = ln[:off]
            labels = list(re.finditer(r"\b(?:(?P<pub>published|posted|first published|released|issued)|"
                                      r"(?P<upd>updated|last updated|last modified|modified|edited|revised))\b",
                                      before, re.I))
            if labels:
                rank = _RANK_PUBLISHED if labels[-1].group("pub") else _RANK_UPDATED
            else:
                rank = _RANK_PLAIN
            cands.append((rank, order, iso))
            order += 1
    if not cands:
        return None, 0
    rank, _o, iso = min(cands)
    return iso, rank


_SITE_SUFFIX = re.compile(r"\s+[|–—-]\s+(?P<site>[^|–—]{2,40})$")
_SITE_WORDS = re.compile(r"\b(?:News|Times|Post|Herald|Daily|Journal|Tribune|Agency|Online|TV|Radio|Observer|Courier|"
                         r"Wire|Press|Gazette|Telegraph|Monitor|Review|Report|Insider|Today|Network|Media)\b|\.com\b")


def _site_like(seg: str, mastheads: set[str]) -> bool:
    seg = seg.strip()
    return len(seg.split()) <= 4 and (bool(_SITE_WORDS.search(seg)) or seg in chrome().agencies or
                                      _norm_key(seg) in mastheads or
                                      bool(re.fullmatch(r"The\s+[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?", seg)))


def _clean_title(title: str, mastheads: set[str] = frozenset()) -> str:
    """'North Korea sends troops | Example News' → 'North Korea sends troops'; 'WORLD | …' → '…'."""
    # a section label before the headline ("WORLD | …", "POLITICS: …"); an acronym before a colon is
    # the headline's source ("NIS: More than 10,000 …") and stays
    pre = re.match(r"^(?:[A-Z][A-Z &-]{1,25}\s*[|>]|[A-Z][A-Z &-]{4,25}\s*:|(?:LIVE|BREAKING|UPDATED|EXCLUSIVE)\b\s*[:|—–-]?)"
                   r"\s+(?=\S)", title)  # ("LIVE Sudan war: …": the page's live label)
    if pre:
        title = title[pre.end():]
    site = re.match(r"^(?P<site>[^|–—:]{2,40}?)\s+[|–—-]\s+(?=\S)", title)
    if site and len(site.group("site").split()) <= 4 and len(_WORD.findall(title[site.end():])) >= 4 and (
            _SITE_WORDS.search(site.group("site")) or site.group("site").strip() in chrome().agencies):
        title = title[site.end():]  # "The Korea Herald | North Korea sends …"
    # "… | NK News", "… - NK News - North Korea News": every trailing segment naming the site goes
    while True:
        # after a pipe, a short tail is the site or its section ("… | 38 North: Informed Analysis")
        pm = re.search(r"\s+\|\s+(?P<site>[^|]{2,60})$", title)
        if pm and len(pm.group("site").split()) <= 8 and len(_WORD.findall(title[:pm.start()])) >= 4:
            title = title[:pm.start()].strip()
            continue
        m = _SITE_SUFFIX.search(title)
        if m and "-" in m.group("site"):
            m = re.search(r"\s+[|–—-]\s+(?P<site>[^|–—-]{2,40})$", title)
        if not (m and _site_like(m.group("site"), mastheads)):
            return title
        title = title[:m.start()].strip()


def _first_sentence(s: str) -> str:
    m = re.search(r"[.!?](\s|$)", s)
    return s[: m.start() + 1] if m else s
