"""Mentions that are page furniture, not part of the story: credits and the publisher itself.

A news or photo agency named as a credit ("(Yonhap)", "(KCNA-Yonhap)", "Photo: AFP",
"AFP PHOTO / KCNA VIA KNS", "SEOUL (AFP) -", "… -- AFP") and the outlet that publishes the
page ("NK News" in its masthead, its copyright line, "told NK News") are no actors of the
story: an analyst would not want them as entities. The same agency cited for what it
reported ("KCNA said", "according to Yonhap") stays.
"""

from __future__ import annotations

import re

from .entities import Mention
from .resources import chrome, fold, gazetteer

_CREDIT_WORDS = re.compile(r"(?i:photo(?:graph)?s?|pictures?|images?|file|pool|handout|via|by|courtesy(?:\s+of)?|"
                           r"credit|source|for\s+use\s+only[^()\[\]]*|no\s+redistribution|screenshot|video|"
                           r"getty\s+images|getty|and|from)")
_LABEL_BEFORE = re.compile(r"(?i:\b(?:photo(?:graph)?s?|pictures?|images?|credits?|sources?|courtesy(?:\s+of)?|"
                           r"photo\s+by|images?\s+by|pictured\s+by)\s*(?::|=|by|of|from)?|"
                           r"\b(?:photo(?:graph)?|picture|image|footage)s?\s+(?:\w+\s+)?(?:provided|supplied|distributed|"
                           r"handed\s+out)\s+by(?:\s+the)?|©|\bvia|\b[A-Z][A-Za-z]+\s*=)\s*"
                           r"(?:[A-Z][\w.-]*\s*(?:/|-|,|\bvia\b|\band\b)\s*){0,3}$")


def _media(m: Mention) -> bool:
    """A news or photo agency (chrome.json's list): the names that stand in credits."""
    if m.surface.upper() in _AGENCIES_UP:
        return True
    o = gazetteer().orgs.get(m.label) if m.type == "Organization" else None
    return bool(o and any(a.upper() in _AGENCIES_UP for a in [o.label] + o.aliases))


_AGENCIES_UP = {a.upper() for a in chrome().agencies}


def _bracket_credit(text: str, m: Mention, media_spans: list[tuple[int, int]]) -> bool:
    """'(Yonhap)', '(KCNA-Yonhap)', '[AP/YONHAP]', '(Photo: AFP)', '(AFP via Getty Images)'."""
    lo = max(0, m.start - 60)
    op = max(text.rfind("(", lo, m.start), text.rfind("[", lo, m.start))
    if op < 0 or re.search(r"[)\]]", text[op:m.start]):
        return False
    cl = re.search(r"[)\]]", text[m.end:m.end + 80])
    if not cl:
        return False
    inner_start, inner_end = op + 1, m.end + cl.start()
    inner = text[inner_start:inner_end]
    # the agencies' names out, the credit words out: nothing but separators may remain
    for s, e in sorted(media_spans, reverse=True):
        if inner_start <= s and e <= inner_end:
            inner = inner[:s - inner_start] + " " + inner[e - inner_start:]
    inner = _CREDIT_WORDS.sub(" ", inner)
    if "/" in text[inner_start:inner_end]:
        # "(AP Photo/Ahn Young-joon)": a photographer's name after the slash
        inner = re.sub(r"/\s*[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}", " ", inner)
    return not re.search(r"\w", inner)


def _furniture_line(line: str, base: int, media_spans: list[tuple[int, int]]) -> bool:
    """'AFP, Seoul', 'Yonhap | Nov. 4, 2024': a short line of agencies, places and dates, no sentence."""
    if len(line) > 80:
        return False
    rest = line
    for s, e in sorted(media_spans, reverse=True):
        if base <= s and e <= base + len(line):
            rest = rest[:s - base] + " " + rest[e - base:]
    rest = _CREDIT_WORDS.sub(" ", rest)
    return not re.search(r"(?<![\w.])[a-z]{3,}", rest)


def credit_mentions(text: str, mentions: list[Mention]) -> set[int]:
    """Indexes of the mentions that are a credit (of a photo, a wire story, a dateline)."""
    media = [m for m in mentions if _media(m)]
    if not media:
        return set()
    spans = [(m.start, m.end) for m in media]
    out = set()
    for k, m in enumerate(mentions):
        if not _media(m):
            continue
        line_start = text.rfind("\n", 0, m.start) + 1
        line_end = text.find("\n", m.end)
        line_end = len(text) if line_end < 0 else line_end
        before = text[line_start:m.start]
        after = text[m.end:line_end]
        if (_bracket_credit(text, m, spans)
                or _LABEL_BEFORE.search(before)
                or _furniture_line(text[line_start:line_end], line_start, spans)
                or (re.search(r"[.!?]\s+$", before) and re.fullmatch(r"[\s.)\]]*", after))
                or re.match(r"\s*/\s*[A-Z]|-[A-Z]{2,}\b|\s+(?:(?:file|File|FILE)\s+)?(?:PHOTO|Photo|photo|Pictures?|Images?)\b|\s+(?:via|VIA)\s+[A-Z]", after)
                or re.search(r"[A-Z][\w.]*\s*/\s*$|/\s*$", before)
                or (re.search(r"(?:\s--|\s—|\s–|\s/|\s\|)\s*$", before) and re.fullmatch(r"[\s.)\]]*", after))):
            out.add(k)
    return out


# ------------------------------------------------------------------ the publisher
_COPYRIGHT = re.compile(r"^(?:copyright\s*)?(?:©|\(c\)|copyright)\s*(?:by\s+)?(?:\d{4}(?:\s*[-–]\s*\d{4})?\s*,?\s*)?"
                        r"(?P<n>[A-Z][\w&.'’ -]{1,40}?)(?:\s*,?\s*\d{4})?(?:[.,]\s*all\s+rights\s+reserved.*|\.)?\s*$", re.I)
_SUBSCRIBE = re.compile(r"^(?:subscribe|sign\s+up)\s+to\s+(?:the\s+)?(?P<n>[A-Z][\w&.'’ -]{1,40}?)(?:['’]s\b.*|\s*[:.!-].*|)$")
_SITE_WORDS = re.compile(r"\b(?:News|Times|Post|Herald|Daily|Journal|Tribune|Agency|Online|TV|Radio|Observer|Courier|"
                         r"Wire|Press|Gazette|Telegraph|Monitor|Review|Report|Insider|Today|Network|Media|Ledger|"
                         r"Sentinel|Newsroom|Dispatch|Chronicle)\b")


def publisher_names(lines: list[str], raw_title: str | None, first: int = 3) -> set[str]:
    """Names the page gives its own outlet: the masthead, the title's ' | Site', the copyright line,
    'Subscribe to Site'."""
    names: set[str] = set()
    g = gazetteer()

    def outlet(s: str) -> bool:
        s = s.strip()
        if not s or len(s.split()) > 5 or s in g.states or s in g.places:
            return False
        o = g.orgs.get(s)
        if o is not None:
            return o.kind == "media"
        return bool(_SITE_WORDS.search(s.title()) or _SITE_WORDS.search(s) or s in chrome().agencies)  # ("… TV")

    if raw_title:
        for part in re.split(r"\s+[|–—-]\s+", raw_title)[1:]:
            if outlet(part):
                names.add(part.strip())
    domains: set[str] = set()
    for i, ln in enumerate(lines):
        ln = ln.strip()
        if len(ln) > 150:
            continue
        if (i < 3 or i < first) and len(ln) <= 60 and not ln.endswith("."):
            # the masthead ("NK News", "NK NEWS - North Korea News", "nknews.org")
            for part in re.split(r"\s+[|–—-]\s+|\s{2,}", ln):
                if outlet(part):
                    names.add(part.strip())
        src = re.match(r"(?i)source\s*:\s*(?P<n>[A-Z][\w&.'’ -]{1,40}?)(?:\s{2,}|\s*[|·]|\s+(?:Published|Posted|Updated|Date|By)\b|$)", ln) if i < first else None
        if src and outlet(src.group("n")):
            names.add(src.group("n").strip())  # "Source: Global Horizon Daily   Published: …" in the header
        m = _COPYRIGHT.match(ln) or _SUBSCRIBE.match(ln)
        if m and outlet(m.group("n")):
            names.add(m.group("n").strip())
        own = re.match(r"(?:[Bb]y\s+(?P<a>[A-Z][\w&.'’ -]{1,30}?)\s+(?:Digital|Staff|Desk|Web\s+Desk|News\s+Desk|Online|"
                       r"Reporter|Reporters|Bureau|Newsroom|Correspondents?)\b|.*\b(?:Download|Get)\s+the\s+(?P<b>[A-Z][\w&.'’ -]{1,30}?)"
                       r"\s+app\b|(?P<c>[A-Z][\w&.'’ -]{1,30}?)\s+news\s+in\s+English\b)", ln)
        if own:
            n = own.group("a") or own.group("b") or own.group("c")
            if outlet(n):
                names.add(n.strip())  # "By Kilele TV Digital", "Download the Kilele TV app"
        if re.match(r"(?i)by\s+[A-Z]", ln) and len(ln) < 100:
            # "By Jane Doe | NK News", "By Jane Doe, NK News"
            for part in re.split(r"\s*[|,]\s*", ln)[1:]:
                if outlet(part):
                    names.add(part.strip())
        for d in re.findall(r"(?i)\b(?:https?://)?(?:www\.)?([a-z0-9-]{3,30})\.(?:com|org|net|co\.[a-z]{2}|[a-z]{2})\b", ln)[:3]:
            domains.add(d.lower().replace("-", ""))
    out = set()
    for n in names:
        n = re.sub(r"^the\s+", "", n, flags=re.I)
        out.add(fold(n))
        o = g.orgs.get(n)
        if o:
            out.update(fold(a) for a in [o.label] + o.aliases)
    for d in domains:
        out.add("domain:" + d)
    return out


def publisher_mentions(mentions: list[Mention], names: set[str]) -> set[int]:
    if not names:
        return set()
    out = set()
    for k, m in enumerate(mentions):
        if m.type == "State" or m.how in ("adj", "pron", "desc"):
            continue
        surf = fold(re.sub(r"^the\s+", "", m.surface, flags=re.I))
        if surf in names or fold(m.label) in names or "domain:" + re.sub(r"[^a-z0-9]", "", surf) in names:
            out.add(k)  # (a site's name written as its domain: "NK News" on nknews.org)
    return out


def caption_only(mentions: list[Mention], captions: list[tuple[int, int]]) -> set[int]:
    """Places and organizations named only in a photo caption ("… at the Drawsko Pomorskie training
    ground. Photo: …"): the picture's setting, not the story's. Persons, states and media (a
    broadcaster whose footage it is) stay."""
    if not captions:
        return set()

    def in_caption(m: Mention) -> bool:
        return any(a <= m.start < b for a, b in captions)

    elsewhere = {(m.type, m.label) for m in mentions if not in_caption(m)}
    out = set()
    for k, m in enumerate(mentions):
        if m.type not in ("Place", "Organization") or not in_caption(m) or (m.type, m.label) in elsewhere:
            continue
        o = gazetteer().orgs.get(m.label) if m.type == "Organization" else None
        if o is not None and o.kind == "media":
            continue
        out.add(k)
    return out
