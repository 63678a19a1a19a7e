"""Sentence splitting with exact offsets, and clause segmentation inside a sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .resources import gazetteer

MAX_SENTENCES = 3000
MAX_SENTENCE_LEN = 2000

_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "sgt", "capt", "adm", "gov", "sen", "rep",
    "st", "no", "vs", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "jr", "sr", "inc", "corp", "co", "ltd", "mt", "ft", "approx", "est", "dept", "univ", "e.g", "i.e",
    "a.m", "p.m", "u.s", "u.n", "u.k", "e.u", "d.c", "n", "s", "p.o.w", "cf", "al", "etc",
    "brig", "cmdr", "cdr", "pvt", "cpl", "sgt", "lieut", "fr", "rev", "hon", "amb", "gens", "adms",
}
# after "U.S." and the like a sentence only ends when the next word is a usual sentence opener
_OPENERS = {"The", "It", "He", "She", "They", "This", "That", "These", "Those", "In", "On", "At", "But",
            "And", "A", "An", "We", "I", "According", "Meanwhile", "However", "Last", "Earlier", "Later",
            "There", "His", "Her", "Their", "Its"}


def _opens(para: str, pos: int, word: str) -> bool:
    """After 'U.S.' a new sentence starts with a usual opener or with a state, its adjective or capital,
    or a person the reference data knows ('… in the U.S. North Korea has …', '… the U.S. Kim said …')."""
    if word in _OPENERS:
        return True
    g = gazetteer()
    if word in g.person_short:
        return True
    m = g.surface_re.match(para, pos + (1 if para[pos:pos + 1] in "\"“‘'([" else 0))
    return bool(m) and g.surfaces.get(m.group(0), ("",))[0] in ("state", "state_adj", "capital", "person")

_BOUNDARY = re.compile(r"([.!?])([\"”’')\]]*)(\s+)(?=[\"“‘'(\[]?[A-Z0-9])")


@dataclass
class Sentence:
    start: int
    end: int
    text: str
    para: int = 0


def split_sentences(body: str, paragraphs: list[tuple[int, int]] | None = None) -> list[Sentence]:
    if paragraphs is None:
        paragraphs = []
        pos = 0
        for part in re.split(r"(\n+)", body):
            if part and not part.startswith("\n"):
                paragraphs.append((pos, pos + len(part)))
            pos += len(part)
    out: list[Sentence] = []
    for pi, (ps, pe) in enumerate(paragraphs):
        para = body[ps:pe]
        cuts = [0]
        for m in _BOUNDARY.finditer(para):
            end_punct = m.start(1)
            # the token before the full stop
            tok_m = re.search(r"([A-Za-z.]+)$", para[max(0, end_punct - 12):end_punct])
            tok = tok_m.group(1).lower() if tok_m else ""
            nxt = re.match(r"[\"“‘'(\[]?([A-Za-z0-9]+)", para[m.end():])
            nxt_word = nxt.group(1) if nxt else ""
            if m.group(1) == ".":
                if len(tok) == 1 and tok.isalpha() and re.search(r"(?:^|\s)[A-Z][\w'’-]+\s+[A-Z]$", para[max(0, end_punct - 30):end_punct]):
                    continue  # "Minister S. Jaishankar", "Marcus T. Whitlock": an initial inside a name
                if tok in _ABBREV or (len(tok) == 1 and tok.isalpha()):
                    if "." in tok or tok in ("u.s", "u.n", "u.k", "e.u") or len(tok) == 1:
                        if not _opens(para, m.end(), nxt_word):
                            continue
                    else:
                        continue
                if re.search(r"\b[A-Z]\.[A-Z]$", para[max(0, end_punct - 4):end_punct]) and not _opens(para, m.end(),
                                                                                                    nxt_word):
                    continue
            cuts.append(m.end(2) + len(m.group(3)))
        cuts.append(len(para))
        for a, b in zip(cuts, cuts[1:]):
            seg = para[a:b]
            lstrip = len(seg) - len(seg.lstrip())
            rstrip = len(seg) - len(seg.rstrip())
            s, e = ps + a + lstrip, ps + b - rstrip
            if e <= s:
                continue
            # very long "sentences" are cut so that work per sentence stays bounded
            while e - s > MAX_SENTENCE_LEN:
                cut = body.rfind(" ", s, s + MAX_SENTENCE_LEN) 
                cut = cut if cut > s else s + MAX_SENTENCE_LEN
                out.append(Sentence(s, cut, body[s:cut], pi))
                s = cut + 1 if body[cut:cut + 1] == " " else cut
            if e > s:
                out.append(Sentence(s, e, body[s:e], pi))
            if len(out) >= MAX_SENTENCES:
                return out
    return out


# Clause boundaries inside a sentence: "; ", ", and <subject>", ", while", ", but", ", which".
_MONTHS_WD = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December|"
              r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_CLAUSE = re.compile(r";\s+|,\s+(?=(?:and|but|while|whereas|although|though)\s+(?:(?!" + _MONTHS_WD
                     + r"(?!['’]s))[A-Z]|(?:he|she|they|it|its|his|her|their|the|a|an|both|some|that)\s|"
                     r"(?:has|have|had|was|were|is|are|will|would|also)\s+(?:\w+\s+)?(?:kept|been|continued|begun|started|"
                     r"sent|shipped|supplied|delivered|provided|said|told|denied|called|warned)\b|"
                     # ", and last month No Kwang Chol visited …": a time adverbial opens a clause of its own
                     r"(?:(?:last|next|this|earlier|later)\s+(?:week|month|year|spring|summer|autumn|fall|winter|[A-Z]\w+day)|"
                     r"(?:days?|weeks?|months?|a\s+(?:day|week|month|year))\s+later|on\s+\d|in\s+(?:\d|early|mid|late))\b))"
                     r"|,\s+(?=which\b|who\b)|\s+(?=while\b)")


def clauses(text: str) -> list[tuple[int, int]]:
    """Offsets of the clauses of a sentence (relative to the sentence)."""
    return list(_clauses(text))


@lru_cache(maxsize=1024)
def _clauses(text: str) -> tuple[tuple[int, int], ...]:
    # cached: the rules ask for the clauses of the same sentence several times
    out = []
    pos = 0
    for m in _CLAUSE.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return tuple(out or [(0, len(text))])
