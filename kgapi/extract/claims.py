"""Roles, deployments and events read out of the analysed article."""

from __future__ import annotations

import bisect
import copy
import dataclasses
import re
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from ..ids import slugify
from .context import ACTOR_TYPES, Context, SentInfo
from .dates import DateMention, to_date
from .entities import _DOMAIN_WORDS, Mention
from .resources import fold, gazetteer, lexicon, role_heads_alt


def ref(label: str) -> dict:
    return {"id": slugify(label), "label": label}


def source(info: SentInfo) -> dict:
    s = info.sent
    return {"sentence": s.text, "start": s.start, "end": s.end}


# =================================================================== roles ==
_LOWER_ROLE_MODS = r"(?:(?:senior|junior|chief|top|deputy|vice|former|first|acting|principal|lead|leading|head)\s+)"


def _rh() -> str:
    return role_heads_alt()


def _valid_roles(person: str, when) -> list[dict]:
    """The reference data's positions of ``person`` held at ``when`` (all of them when it is None)."""
    p = gazetteer().persons.get(person)
    valid = []
    for r in p.roles if p else []:
        if when is not None:
            f, t = to_date(r.get("from")), to_date(r.get("to"))
            if f and when < f or t and when > t:
                continue
        valid.append(r)
    return valid


def _known_role(person: str, role: str | None, when) -> tuple[str | None, str | None]:
    """(role, of) from reference data valid at ``when`` whose wording matches ``role`` (or the first)."""
    p = gazetteer().persons.get(person)
    if not p:
        return None, None
    valid = _valid_roles(person, when)
    if role:
        fr = fold(role)
        for r in valid:
            if fold(r["role"]) == fr or fold(r["role"]).endswith(fr) or fr.endswith(fold(r["role"])):
                return r["role"], r["of"]
        head = fr.split()[-1]
        for r in valid:
            if fold(r["role"]).split()[-1] == head:
                return r["role"], r["of"]
        return None, None
    return (valid[0]["role"], valid[0]["of"]) if valid else (None, None)


def _data_role_extending(person: str, role: str, when) -> tuple[str, str] | None:
    """A reference role that spells out the role the text gives in short ('Secretary' → 'Secretary of
    the Security Council' of Russia), valid at ``when``."""
    p = gazetteer().persons.get(person)
    if not p:
        return None
    fr = fold(role)
    for r in p.roles:
        f, t = to_date(r.get("from")), to_date(r.get("to"))
        if when is not None and (f and when < f or t and when > t):
            continue
        fd = fold(r["role"])
        if fd != fr and fd.startswith(fr + " of ") and r.get("of"):
            return r["role"], r["of"]
    return None


def _org_generic(label: str) -> str:
    g = gazetteer()
    o = g.orgs.get(label)
    if o and o.qualified:
        return o.qualified[0]
    return label


_ROLE_ADJ = (r"(?:(?:transitional|interim|acting|deputy|vice|senior|junior|chief|top|first|principal|"
             r"outgoing|incoming|defen[cs]e|foreign|press|national|security|former|military|supreme|spy|intelligence|"
             r"army|naval|regional|provincial|de\s+facto|self-proclaimed|newly\s+appointed|"
             r"chief\s+military|first\s+deputy|government|communications|information|finance|interior|home|justice|"
             r"health|education|economy|trade|energy|agriculture|transport|industry|emergencies|emergency|"
             r"presidential|cabinet|opposition|assistant|associate|police|navy|air\s+force)\s+)")
# "for Political Affairs", "of National Defence": the portfolio an office's title names
_DOMAIN_RE = (r"(?:(?:" + "|".join(sorted(_DOMAIN_WORDS | {"State"})) + r")(?:\s+(?:and\s+|for\s+|of\s+)?(?:"
              + "|".join(sorted(_DOMAIN_WORDS)) + r")){0,3})\b")  # "Minister of State for Defence Affairs"
# a state's military chief: of the state the sentence names (not the headline's: a story about two states
# quotes the chiefs of both)
_MIL_CHIEF = re.compile(r"\b(?:(?:army|navy|air\s+force|military)\s+chief|chief\s+of\s+(?:the\s+)?(?:general|defen[cs]e|army|"
                        r"naval|air)\s+staff)\b", re.I)
_GOV_ROLE = re.compile(r"\b(?:president|prime minister|premier|minister|ambassador|envoy|spokes(?:man|woman|person)|"
                       r"(?:national\s+)?security\s+advis[eo]r|chief\s+of\s+staff|"
                       r"secretary|chancellor|king|leader|chairman|foreign minister|defen[cs]e minister)\b", re.I)


def extract_roles(ctx: Context) -> list[dict]:
    g = gazetteer()
    rh = _rh()
    lex = lexicon()
    titled = "|".join(re.escape(h.title()) for h in lex.role_heads)
    out: dict[tuple, dict] = {}
    office_state: dict[tuple[str, str], str] = {}
    pre_re = re.compile(r"(?:(?P<role>(?:" + _ROLE_ADJ + r"{0,2}(?:[A-Z][a-z]+\s+){0,2}(?:" + rh + r")"
                        r"|(?:[A-Z][a-z]+\s+){0,2}(?:[A-Z][a-z]+-)?(?:" + titled + r"))(?:\s+of\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}"
                        r"|\s+for\s+(?:the\s+)?" + _DOMAIN_RE + r"){0,2})(?P<post>\s+(?:in|to)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?(?=\s*,))?)"
                        r"(?P<sep>\s*,\s+|\s+)"
                        r"(?:(?:[A-Z][a-z]{0,3}\.|Rear|Vice|Brigadier|Colonel|Lieutenant|Major|Admiral|Captain|Marshal|"
                        r"Field|Air|Senior|Prince|Sheikh|H\.\s?E\.|Dr|Mr|Mrs|Ms|Prof|Sir|Dame|(?:Colonel|Lieutenant|Major)-General|"
                        r"General(?=\s+[A-Z][\w’'-]*\s+[A-Z]|\s*$))\s+){0,4}$")
    head_re = re.compile(r"\b(?:" + rh + r"|" + titled + r")\b")
    for si, info in enumerate(ctx.infos):
        text = info.sent.text
        persons = [m for m in info.mentions if m.type == "Person" and m.how in ("name", "pattern")]
        for m in persons:
            found: list[tuple[str, str | None]] = []
            # ---- title before the name ("Russian Culture Minister Olga Lyubimova", "Wagner's founder, Y. P.")
            before = text[max(0, m.start - 90):m.start]
            pm = pre_re.search(before)
            if pm and (pm.group("sep").strip() == "," and not re.match(r"(?i:the|his|her|its|their)\s", pm.group("role"))
                       and not re.search(r"['’]s\s+\S*\s*$|\b(?i:the|his|her|its|their)\s+\S*\s*$|[A-Z]\w+\s+$",
                                         before[:pm.start("role")])):
                pm = None
            if pm:
                role_start = m.start - (len(before) - pm.start("role"))
                role_end = m.start - (len(before) - pm.end("role"))
                if pm.group("post") and not re.search(r"(?i:ambassador|envoy|representative|attach[eé]|consul)$", pm.group("role")):
                    pm = None  # "in Chisinau" follows only an envoy's title ("Russia's ambassador in Chisinau, X")
            if pm:
                # a state adjective or an organization inside the matched words qualifies the role;
                # "Chairman of State Affairs of the DPRK": a trailing "of <state>" names whose role it is
                of_tail = None
                for q in sorted((x for x in info.mentions if x.start < role_end and x.end > role_start and x.end <= role_end),
                                key=lambda x: (x.start, -x.end)):
                    if q.type == "State" and any(y.type == "Organization" and 0 <= y.start - q.end <= 1 and y.end <= role_end
                                                 for y in info.mentions):
                        continue  # ("spokesman of Chinese Foreign Ministry": the body, not its adjective)
                    tail_of = re.search(r"\s+of\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?$", text[role_start:q.start])
                    if q.type in ("State", "Organization") and q.end == role_end and tail_of and q.start > role_start + 3 and (
                            tail_of.group(0).rstrip().endswith(("of", "the")) or q.how == "qualified"):
                        # ("spokesman of Chinese Foreign Ministry": the adjective is the body's)
                        of_tail = q
                        role_end = role_start + tail_of.start()
                        break
                    if q.type in ("State", "Organization"):
                        role_start = q.end
                role = text[role_start:role_end].strip()
                role = re.sub(r"^(?:['’]s\s+)", "", role)
                role = re.sub(r"^(?:visiting|then|former|late|new|incoming|outgoing)\s+", "", role, flags=re.I)
                of = None
                un = [x for x in info.mentions if x.type == "Organization" and x.label == "United Nations"
                      and 0 <= role_start - x.end <= 1]
                if un and re.match(r"(?i:ambassador|envoy|representative|permanent\s+representative)\b", role):
                    # "Russia's UN Ambassador Vassily Nebenzia": the state's envoy to the UN
                    st = [x for x in info.mentions if x.type == "State" and x.end <= un[0].start
                          and re.fullmatch(r"(?:['’]s)?\s*", text[x.end:un[0].start])]
                    if st:
                        role = f"{text[un[0].start:un[0].end]} {role}"
                        role_start = st[-1].end
                        of_tail = st[-1]
                for q in reversed([x for x in info.mentions if x.end <= role_start and role_start - x.end <= 30]):
                    gap = text[q.end:role_start]
                    if q.type in ("State", "Organization") and "," not in gap and (re.fullmatch(r"(?:['’]s?)?\s*(?:\([A-Z]{2,8}\)\s*)?", gap) or (
                            re.fullmatch(r"(?:['’]s)?\s+(?:[a-z]+\s+){1,3}", gap) and not re.search(
                                r"\b(?:that|which|who|and|or|but|as|said|says|when|while|where|by|with|to|from|for|"
                                r"the|a|an)\b", gap))):
                        of = q.label
                        if q.type == "Organization" and q.label not in g.orgs:
                            # "Pakistan's Foreign Office spokesperson": the office is that state's
                            sq = [x for x in info.mentions if x.end <= q.start and q.start - x.end <= 3
                                  and x.type == "State" and x.how in ("name", "adj", "metonym")]
                            if sq and re.fullmatch(r"(?:['’]s)?\s*", text[sq[-1].end:q.start]):
                                office_state[(m.label, q.label)] = sq[-1].label
                    break
                rw = role.split()
                if rw and rw[0].rstrip(".") in ("Mr", "Ms", "Mrs", "Dr", "Miss"):
                    role = ""
                if of_tail is not None:
                    of = of_tail.label
                if role and _RANK.fullmatch(role):
                    # "Niger's head of state, General Abdourahamane Tiani": the rank is no role; the office before it is
                    om = re.search(r"(?P<st>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s+(?P<r>(?:[A-Za-z-]+\s+){0,3}[A-Za-z-]+)\s*,\s*$",
                                   text[max(0, role_start - 60):role_start])
                    tm = re.search(r"\bthe\s+(?P<r>(?:[a-z-]+\s+){0,2}[a-z-]+(?:\s+of\s+the\s+(?:[a-z-]+\s+){0,2}[a-z-]+)?)\s*,\s*$",
                                   text[max(0, role_start - 60):role_start])
                    if om and head_re.search(om.group("r")) and _state_modifiers().get(om.group("st")):
                        role, of = om.group("r"), _state_modifiers()[om.group("st")]
                    elif tm and head_re.search(tm.group("r")):
                        role = tm.group("r")  # "the chief of the defence staff, Admiral Tony Radakin"
                    elif not re.fullmatch(r"chief", role.strip(), re.I):
                        role = ""  # a rank alone ("Admiral Tony Radakin") is no office ("Wagner chief" is one)
                if role and head_re.search(role) and role.lower() not in lex.role_not:
                    if of is None:
                        of = _after_of(info, m)
                    nm = re.search(r"\b(?:the\s+)?(?P<noun>ministry|agency|mission|army)(?:['’]s)?\s+$", text[max(0, role_start - 20):role_start])
                    if of is None and nm:
                        # "ministry spokeswoman Narine Avetisyan-Grigoryan": the ministry the story named last
                        of = ctx._org_by_noun(nm.group("noun"), info.sent.start + role_start)
                    found.append((role, of))
                    # "Polish Deputy Prime Minister and Defence Minister Władysław Kosiniak-Kamysz": both offices
                    both = re.search(r"(?<![\w-])(?P<r2>(?:[A-Z][\w-]*\s+){0,2}(?:" + role_heads_alt() + r"))\s+and\s+$",
                                     text[max(0, role_start - 50):role_start])
                    lead_st = re.search(r"([A-Z][\w.-]*)(?:['’]s)?\s+$", text[:max(0, role_start - 50) + both.start("r2")]) \
                        if both else None
                    # (only under one state's name: "talks between the President and Foreign Minister Lavrov" are two people)
                    if both and not re.search(r"['’]s$", both.group("r2")) and lead_st and (
                            g.folded_index.get(fold(lead_st.group(1))) or ("",))[0] in ("state", "state_adj"):
                        found.insert(len(found) - 1, (both.group("r2"), of))  # (the office next to the name stays last)
            # ---- "Koulamallah, who is also the government spokesman, said …"
            wm = re.match(r",\s+who\s+is\s+(?:also\s+)?(?:the\s+|an?\s+)?(?P<role>(?:[a-z-]+\s+){0,3}(?:" + rh + r"))\b(?=\s*[,;.])",
                          text[m.end:m.end + 90])
            if wm:
                found.append((wm.group("role"), None))
            # ---- "Prime Minister Han Duck-soo is serving as acting president"
            cm = re.match(r"\s+(?:is|was|has\s+been|had\s+been)\s+(?:now\s+)?(?:serving|acting|working)\s+as\s+(?:the\s+|an?\s+)?"
                          r"(?P<role>(?:[a-z-]+\s+){0,2}(?:" + rh + r"))\b", text[m.end:m.end + 80])
            if cm:
                found.append((cm.group("role"), None))
            # ---- a plural title before two names ("Prime Ministers Anthony Albanese and James Marape")
            pl = re.search(r"\b(?P<t>(?:(?:Foreign|Defen[cs]e|Deputy|Vice|Interior)\s+)?(?:Prime\s+Minister|Minister|President|Secretary|Chancellor|"
                           r"Premier)s)\s+(?:(?:[A-Z][\w’'.-]*\s+){1,4}and\s+)?$", text[max(0, m.start - 80):m.start])
            if pl and not pm:
                found.append((pl.group("t")[:-1], None))
            # ---- appositive after the name ("Hong Min, a senior researcher at the …")
            app = _appositive_role(info, m, head_re)
            if app:
                found.append(app)
            for role, of in found:
                role = _clean_role(role)
                counterpart = role.lower().endswith("counterpart")
                if counterpart:
                    # "his Russian counterpart, Sergei Shoigu": the role of the person he is set against
                    prev_roles = [v for k, v in out.items() if k[0] != m.label and source(info) in v["sources"]]
                    if not prev_roles:
                        # "Pistorius met his Lithuanian counterpart, …": the office told before of the person
                        # named last before the word
                        before = [x.label for x in info.mentions if x.type == "Person" and x.end <= m.start
                                  and x.label != m.label]
                        prev_roles = [v for k, v in out.items() if before and k[0] == before[-1]]
                    if not prev_roles:
                        continue
                    role = prev_roles[-1]["role"]
                if not role or role.lower() in lex.role_not or re.match(r"(?:key\s+)?figure", role, re.I):
                    continue
                strength = 3 if of else 0
                full = _data_role_extending(m.label, role, ctx.ref)
                if full and (of is None or of in g.orgs):
                    # "Russian Security Council Secretary Sergei Shoigu": the data's full title and state
                    role, of = full
                    strength = 2
                if of is None:
                    _r, of = _known_role(m.label, role, ctx.ref)
                    strength = 2 if of else 0
                if of is None:
                    of = ctx.person_state.get(m.label) if m.label in g.persons else None
                    strength = 2 if of else 0
                if of is None and (_GOV_ROLE.search(role) or _MIL_CHIEF.search(role) and len(
                        {x.label for x in info.mentions if x.type == "State" and x.start < m.start}) < 2):
                    # ("20,000 Pakistani soldiers were stationed in Saudi Arabia, and former army chief …": whose?)
                    of = _context_state(ctx, si, m.start)
                    strength = 1 if of else 0
                if of is None and re.search(r"(?i)\bsecretary-general\b", role) and "United Nations" in g.orgs:
                    of = "United Nations"  # "Under-Secretary-General for Peace Operations": the UN's, unless one is named
                if of is None and _GOV_ROLE.search(role):
                    # "Defence Minister X" with no state near: the headline's state, whose story it is (not the
                    # one the sentence has him visit)
                    # (only when the headline names one state: a story about two states quotes officials of both,
                    # and a wrong state is worse than none)
                    heads = {x.label for x in _title_states(ctx) if x.how in ("name", "adj", "metonym")}
                    if len(heads) == 1:
                        of = _title_state(ctx, _destinations(info, m.start))
                if counterpart and of in g.states:
                    # the US Defense Secretary's Italian counterpart is Italy's Defense Minister
                    role = lex.counterpart_office(role, of)
                key = (m.label, fold(role), of)
                if key in out:
                    if source(info) not in out[key]["sources"]:
                        out[key]["sources"].append(source(info))
                    continue
                of_type = "State" if of in g.states else ("Organization" if of else None)
                out[key] = {"person": ref(m.label), "role": role, "of": ref(of) if of else None,
                            "_of_type": of_type, "_of_strength": strength,
                            "_of_state": office_state.get((m.label, of)) if of else None,
                            "sources": [source(info)], "according_to": [], "modality": "asserted"}
    # one holder per role: where mentions disagree on whose office it is ("Libyan Prime Minister X" in a
    # caption, "Prime Minister X" beside Türkiye in the body), the state the text names beats a guess
    best: dict[tuple, int] = {}
    for (person, frole, _of), r in out.items():
        best[(person, frole)] = max(best.get((person, frole), 0), r["_of_strength"])
    for key in [k for k, r in out.items() if r["_of_strength"] < best[(k[0], k[1])]]:
        dropped = out.pop(key)
        keep = next(r for k, r in out.items() if (k[0], k[1]) == (key[0], key[1])
                    and r["_of_strength"] == best[(key[0], key[1])])
        keep["sources"] += [x for x in dropped["sources"] if x not in keep["sources"]]
    # one spelling per role in an article ("President" … "the new Iranian president"): the capitalised one
    spelling: dict[str, str] = {}
    for r in out.values():
        k = fold(r["role"])
        if k not in spelling or (r["role"][:1].isupper() and not spelling[k][:1].isupper()):
            spelling[k] = r["role"]
    for r in out.values():
        r["role"] = spelling[fold(r["role"])]
    # a role is held in a state or an organization ("person — role — state or organization"); a title
    # whose holder's state or body the text never gives ("an independent military expert") is no claim
    return [r for r in out.values() if r["of"] is not None]


_RANK = re.compile(r"(?:(?:(?:Colonel|Lieutenant|Major)-General|Senior|Lt\.?|Lieutenant|Maj\.?|Major|Brig\.?|Brigadier|Col\.?|Colonel|Gen\.?|General|Adm\.?|Admiral|"
                   r"Vice|Rear|Marshal|Field|Air|Chief)\s*)+", re.I)


def _state_before(info: SentInfo, pos: int) -> str | None:
    for m in reversed(info.mentions):
        if m.start < pos and m.type == "State" and m.how in ("name", "metonym", "adj"):
            return m.label
    return None


def _title_states(ctx: Context) -> list[Mention]:
    """The states the headline names (read once per article)."""
    cached = getattr(ctx, "_title_states", None)
    if cached is None:
        from .entities import find_mentions
        cached = [m for m in find_mentions(ctx.title or "") if m.type == "State"]
        ctx._title_states = cached  # type: ignore[attr-defined]
    return cached


def _title_state(ctx: Context, avoid: set[str] = frozenset()) -> str | None:
    """The first state the headline names, the one a story's untitled officials most often belong to
    (other than ``avoid``: the state the sentence has them visit)."""
    return next((m.label for m in _title_states(ctx) if m.how in ("name", "adj", "metonym") and m.label not in avoid), None)


def _destinations(info: SentInfo, pos: int) -> set[str]:
    """States named before ``pos`` as where someone goes ('a visit to India by Foreign Minister X')."""
    return {m.label for m in info.mentions if m.type == "State" and m.start < pos and re.search(
        r"\b(?:to|into|visit(?:ed|ing|s)?|toured)\s+(?:the\s+)?$", info.sent.text[max(0, m.start - 12):m.start])}


def _context_state(ctx: Context, si: int, pos: int) -> str | None:
    """The state a government title without one belongs to: the first state named as an actor
    before it in the sentence, else the first in the sentence before."""
    info = ctx.infos[si]
    avoid = _destinations(info, pos)
    for m in info.mentions:
        if m.start >= pos:
            break
        if m.type == "State" and m.how in ("name", "metonym") and m.label not in avoid:
            return m.label
    if si > 0:
        for m in ctx.infos[si - 1].mentions[:1]:
            if m.type == "State" and m.how in ("name", "metonym") and m.start <= 4:
                return m.label
    return None


_APP_BODY = re.compile(r"\s*,\s+(?P<body>[^,;()]{2,160}?)(?=\s*(?:,|;|\.\s|\.$|$|\s+who\b|\s+whom\b|\s+which\b|"
                       r"\s+whose\b|\s+said\b|\s+told\b))")


@dataclass
class _Span:
    s: int
    e: int

    def start(self) -> int:
        return self.s

    def end(self) -> int:
        return self.e


_EXPERTISE = re.compile(r"(?:specialist|analyst|expert|researcher|scholar|fellow|watcher|correspondent|historian)$")


def _appositive_role(info: SentInfo, m: Mention, head_re) -> tuple[str, str | None] | None:
    text = info.sent.text
    am = _APP_BODY.match(text, m.end)
    if not am:
        return None
    body = am.group("body")
    bstart = am.start("body")
    after = text[am.end():am.end() + 20]
    if re.match(r"\s*(?:said|says|told|added)\b", after) and not re.match(r"(?:the|a|an)\s", body) and not re.search(
            r"\b(?:for|of|at)\s+(?:the\s+)?[A-Z]", body):
        return None  # ", officials said" (but "X, spokesman for Ukraine's military intelligence agency (HUR), said")
    lead = re.match(r"(?:the|a|an|his|her|its|their)\s+", body)
    off = lead.end() if lead else 0
    ms = [x for x in info.mentions if bstart <= x.start < bstart + len(body) and x.how not in ("pron", "desc")]
    # a list of names or a place, not an appositive
    if ms and ms[0].start - bstart <= off + 1 and ms[0].type in ("Person", "Place") and not (
            ms[0].type == "Place" and re.match(r"\s+(?:[a-z-]+\s+){0,2}(?:" + _rh() + r")\b", text[ms[0].end:])):
        return None
    if any(x.type == "Person" for x in ms):
        # "Putin, Azerbaijani President Ilham Aliyev": the title belongs to the next name
        return None
    hm = head_re.search(body, off)
    if not hm:
        return None
    # "deputy chief", "senior research fellow": role nouns in a row make one role
    hm_end = hm.end()
    while True:
        more = re.match(r"\s+(?:" + _rh() + r")\b", body[hm_end:]) or (
            # "Britain's Chief of the Defence Staff": the staff is the office's title, not a body of its own
            re.match(r"\s+of\s+(?:the\s+)?(?:(?:General|Defen[cs]e|Naval|Air|Army|Main|Joint)\s+Staff|Defen[cs]e\s+Forces)\b",
                     body[hm_end:]) if re.search(r"(?i)chief$", body[hm.start():hm_end]) else None)
        if not more:
            break
        hm_end += more.end()
    hm = _Span(hm.start(), hm_end)
    pre = body[off:hm.start()]
    cm = re.match(r"(?:the\s+)?(?:country|nation)['’]s\s+((?:[a-z-]+\s+){0,3})$", body[:hm.start()])
    if cm:
        # "Viktor Khrenin, the country's defence minister": the state the sentence is about
        st = _state_before(info, m.start)
        role = (cm.group(1) + body[hm.start():hm.end()]).strip()
        return (role, st) if st else (role, None)
    # words before the head: lowercase modifiers, or an organization/state naming whose role it is
    pre_ms = [x for x in ms if x.start < bstart + hm.start()]
    of = None
    if pre_ms:
        q = pre_ms[-1]
        if q.type in ("State", "Organization"):
            of = q.label if q.type == "Organization" or q.how != "adj" or True else None
        pre_rest = text[q.end:bstart + hm.start()]
        if not re.fullmatch(r"(?:['’]s)?\s*(?:[a-z-]+\s+){0,2}(?:[a-z]+-)?|['’]s\s+(?:[A-Z][a-z-]+\s+){1,2}", pre_rest):
            return None  # ("the UAE's Assistant Minister", "North Korea's vice-foreign minister")
        role_start = hm.start()
        role_words = pre_rest.strip()
        role_words = re.sub(r"^['’]s\s*", "", role_words)
        role = (role_words + ("" if role_words.endswith("-") else " ") if role_words else "") + body[hm.start():hm.end()]
        rest_start = hm.end()
        if q.type in ("State", "Place") and q.how != "adj" and not pre_rest.strip() and _EXPERTISE.search(role) and \
                re.match(r"\s+(?:at|of|with|for)\s", body[rest_start:]):
            # "a Korea specialist at the Pacific Policy Institute": the field, not whose role it is
            role, of = f"{q.surface} {role}", None
    else:
        sm = re.fullmatch(r"(?P<st>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)\s+(?P<mods>(?:[a-z-]+\s+){0,2})", pre)
        if sm and _state_modifiers().get(sm.group("st")):
            # "Choe Son Hui, the North Korean foreign minister": the adjective names whose minister
            return (sm.group("mods") + body[hm.start():hm.end()]).strip(), _state_modifiers()[sm.group("st")]
        if not re.fullmatch(r"(?:[a-z-]+\s+){0,3}", pre) and not (
                re.fullmatch(r"[A-Z][\w-]+\s+(?:[a-z-]+\s+){0,2}", pre) and _EXPERTISE.search(body[off:hm.end()])):
            return None  # ("a Korea specialist", "a Sahel analyst": the field stays in the role)
        role = body[off:hm.end()]
        rest_start = hm.end()
    rest = body[rest_start:]
    dm = re.match(r"\s+(?:for|of)\s+(?:the\s+)?" + _DOMAIN_RE, rest)
    if dm and not [x for x in ms if bstart + rest_start <= x.start < bstart + rest_start + dm.end()]:
        # "Deputy Minister of National Defence", "Assistant Minister for Political Affairs": the portfolio is the title's
        role += rest[:dm.end()]
        rest_start += dm.end()
        rest = body[rest_start:]
    # "chief of the main staff of Russia's ground forces", "secretary of Russia's Security Council",
    # "a senior researcher at the Korea Institute …"
    pm = re.match(r"(?P<chain>(?:\s+of\s+the\s+(?:[A-Za-z-]+\s+){0,2}[A-Za-z-]+)*)\s+(?P<prep>of|at|for|from|with|in)\s+(?:the\s+)?", rest)
    if pm and not [x for x in ms if x.start >= bstart + rest_start + pm.end() and x.type in ("State", "Organization")
                   and re.fullmatch(r"(?:[a-z-]+\s+){0,3}", text[bstart + rest_start + pm.end():x.start])]:
        pm = re.match(r"(?P<chain>)\s+(?P<prep>of|at|for|from|with|in)\s+(?:the\s+)?", rest)
    if pm:
        obj_start = bstart + rest_start + pm.end()
        # "a lawmaker of the main opposition Democratic Party": lowercase words may stand before the name
        objs = [x for x in ms if x.start >= obj_start and x.type in ("State", "Organization")
                and not re.match(r"-based\b", text[x.end:x.end + 7])
                and re.fullmatch(r"(?:[a-z-]+\s+){0,3}(?:[A-Z][\w'’.]*-based\s+)?", text[obj_start:x.start])]
        if objs:
            o = objs[0]
            chain = pm.group("chain")
            if o.type == "State" and o.how != "adj":
                # "secretary of Russia's Security Council"
                nxt = [x for x in ms if x.start >= o.end and x.type == "Organization" and x.start - o.end <= 4]
                if nxt and pm.group("prep") == "of" and not chain:
                    org = gazetteer().orgs.get(nxt[0].label)
                    return f"{role} of the {_org_generic(nxt[0].label) if org else nxt[0].surface}", o.label
                if pm.group("prep") == "of" and not nxt:
                    return role + chain, o.label
                if nxt:
                    return role + chain, nxt[0].label
            if o.type == "Organization":
                org = gazetteer().orgs.get(o.label)
                if org is None and of and of in gazetteer().states and pm.group("prep") == "of" and not chain:
                    # "Russia's chief of the General Staff": a body the data does not know, of the state named
                    body_name = re.sub(r"^(?:the|The)\s+", "", o.surface)
                    return f"{role} of the {body_name}", of
                state_in_name = o.how == "qualified" or bool(org and org.state and org.kind in ("government", "military") and (
                    re.search(r"\bof\s+(?:the\s+)?[A-Z]\w+$", o.label) or _names_state(o.label, org.state)))
                if pm.group("prep") == "of" and not chain and org and org.kind in ("government", "military") \
                        and org.state and state_in_name:
                    return f"{role} of the {_org_generic(o.label)}", org.state
                return role + chain, o.label
            return role + chain, o.label
    return role, of


_ROLE_TAIL_RANK = re.compile(r"(?<![Ss]ecretary)(?<![Aa]ttorney)(?<![Ii]nspector)(?<![Dd]irector)(?<![Ss]urgeon)(?<![Cc]onsul)"
                             r"(?<![Gg]overnor)(?:\s+(?:Field\s+Marshal|General|Gen\.|Admiral|Adm\.|Colonel|Col\.|Lieutenant\s+General|"
                             r"Lt\.\s*Gen\.|Major\s+General|Maj\.\s*Gen\.|Brigadier(?:\s+General)?|Brig\.(?:\s*Gen\.)?|"
                             r"Rear\s+Admiral|Vice\s+Admiral|Air\s+Marshal|Air\s+Chief\s+Marshal|Marshal))+$")


def _clean_role(role: str) -> str:
    role = re.sub(r"\s+", " ", role).strip(" ,")
    role = re.sub(r"^(?:the|a|an)\s+", "", role, flags=re.I)
    role = re.sub(r"^(?:(?:first|second|third|female|male|new|longtime|long-time|current|newly\s+appointed|[Nn]ew|"
                  r"[Ll]ongtime|[Cc]urrent)\s+)+", "", role)  # "First Vice Foreign Minister" keeps its rank
    role = re.sub(r"['’]s$", "", role)
    role = re.sub(r"^(?:His|Her)\s+Excellency\s+|^H\.\s?E\.\s+", "", role)  # "His Excellency President"
    role = _ROLE_TAIL_RANK.sub("", role)  # "army chief Field Marshal (Asim Munir)": the rank is no part of it
    return role


def _after_of(info: SentInfo, m: Mention) -> str | None:
    text = info.sent.text
    after = text[m.end:m.end + 12]
    pm = re.match(r"\s*(?:,\s*)?(?:from|of|at)\s+(?:the\s+)?", after)
    if not pm:
        return None
    start = m.end + pm.end()
    for x in info.mentions:
        if x.start >= start and x.start - start <= 2 and x.type in ("Organization", "State"):
            return x.label
    return None


def _names_state(label: str, state: str) -> bool:
    """'Ministry of Defence of the Russian Federation': the name ends with one of the state's names."""
    st = gazetteer().states.get(state)
    names = [state] + (st.aliases if st else [])
    return any(re.search(r"\bof\s+(?:the\s+)?" + re.escape(re.sub(r"^the\s+", "", n)) + r"$", label) for n in names)


def _split_role_phrase(info: SentInfo, phrase: str, base: int, rest: str, phrase_end: int) -> tuple[str, str | None]:
    """'secretary of Russia's Security Council' → ('secretary of the Security Council', 'Russia');
    'senior researcher' + ' at the Korea Institute…' → ('senior researcher', 'Korea Institute…')."""
    g = gazetteer()
    ms = [x for x in info.mentions if x.start >= base]
    pm = re.match(r"(?P<head>.+?)\s+(?P<prep>of|for)\s+(?P<obj>.+)$", phrase)
    if pm:
        obj_start = base + pm.start("obj")
        inside = [x for x in ms if x.start >= obj_start and x.end <= base + len(phrase)]
        orgs = [x for x in inside if x.type == "Organization"]
        states = [x for x in inside if x.type == "State"]
        if orgs:
            o = orgs[0]
            org = g.orgs.get(o.label)
            st = states[0].label if states else (org.state if org else None)
            if org and org.kind in ("government", "military") and st:
                return f"{pm.group('head')} of the {_org_generic(o.label)}", st
            return pm.group("head"), o.label
        if states:
            return pm.group("head"), states[0].label
        return phrase, None
    # "senior researcher at the X", "professor at X University"
    rm = re.match(r"\s*(?:at|of|from|with|in)\s+(?:the\s+)?", rest)
    if rm:
        start = phrase_end + rm.end()
        for x in ms:
            if x.start >= start and x.start - start <= 2 and x.type in ("Organization", "State"):
                return phrase, x.label
    # "Kim Jong Un, North Korea's leader"
    return phrase, None


# ============================================================= deployments ==
_NUMWORD = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
            "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
            "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
            "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "hundred": 100, "a": 1,
            "several": None}
_TENS = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_UNITS = r"(?:one|two|three|four|five|six|seven|eight|nine)"
# thousands grouped by commas, by spaces ("10 000") or, European style, by dots ("10.000")
_NUM = (r"(?:\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u2009\u202f]\d{3})+(?![\d,.]\d)|\d{1,3}(?:\.\d{3})+(?![\d,]|\.\d)"
        r"(?!\s*(?:million|thousand|billion|k)\b)|\d+(?:\.\d+)?(?!,\d)(?:\s*(?:million|thousand|k)\b)?"
        r"|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|sixty|"
        r"seventy|eighty|ninety|a)"
        r"\s+(?:thousand|hundred)(?:\s+(?:and\s+)?(?:" + _TENS + r"(?:[-\s]" + _UNITS + r")?|" + _UNITS + r"|ten))?"
        # "sixty-three medics", "two dozen sailors", "fourteen instructors" (not "one" to "ten": too often no count)
        r"|" + _TENS + r"(?:[-\s]" + _UNITS + r")?(?!\s+(?:thousand|hundred|million|years?|days?|months?|percent|per\s+cent)\b)"
        r"|(?:eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)(?!\s+(?:thousand|hundred|years?|"
        r"days?|months?)\b)|(?:a|one|two|three|four|five|six)\s+dozen)")
_NUM_RE = re.compile(r"(?<![\w.,$€£₩-])" + _NUM + r"(?![\w])(?:-(?:strong|member|man|person))?(?![\w]|-(?!plus\b)[A-Za-z])",
                     re.IGNORECASE)  # "11,000-12,000" is a range, "11,000-strong" a size, "Su-35" nothing
_QUAL_BEFORE = [
    (re.compile(r"\b(?:no|not)\s+more\s+than\s+$", re.I), "up_to"),
    (re.compile(r"\b(?:more than|over|upwards of|in excess of|above)\s+$", re.I), "over"),
    (re.compile(r"\b(?:about|around|roughly|approximately|some|an estimated|nearly|almost|close to|estimated|"
                r"approx\.?|circa|c\.)\s+$", re.I), "about"),
    (re.compile(r"\b(?:up to|as many as|as much as|no more than|not more than|at most)\s+$", re.I), "up_to"),
    (re.compile(r"\b(?:at least|no fewer than|no less than|a minimum of)\s+$", re.I), "at_least"),
    # "fewer than 100": a ceiling, as analysts record it (up_to); structured input may still say "under"
    (re.compile(r"\b(?:fewer than|less than|under|below)\s+$", re.I), "up_to"),
    (re.compile(r"\b(?:exactly|precisely)\s+$", re.I), "exact"),
]
_ELLIPTIC_BEFORE = re.compile(r"\b(?:(?:an\s+additional|additional|another|a\s+further|further|an\s+extra|extra)\s+|"
                              # "A second wave of about 3,000 followed in January": a wave of the troops told before
                              r"(?:a|the)\s+(?:first|second|third|fourth|new|fresh|further|later|next)\s+(?:wave|batch|"
                              r"contingent|rotation|tranche|echelon)\s+of\s+(?:(?:about|around|some|roughly|nearly|"
                              r"more\s+than|over|up\s+to|at\s+least|an\s+estimated|almost)\s+)?)$", re.I)
_DEPLOY_VERB = re.compile(r"\b(?:(?:has|have|had|is|are|was|were)\s+(?:been\s+)?training|sen[dt]|sending|deploy(?:ed|s|ing)?|deployments?|dispatch(?:ed|es|ing)?|"
                          r"mov(?:ed|e|es|ing)|transferr?(?:ed|ing)?|put|station(?:ed|ing)?|contribut(?:ed|e|ing)|"
                          r"supply|supplied|provid(?:ed|e|ing)|rotat(?:ed|e|ing)|arriv(?:ed|e|ing)|"
                          r"follow(?:ed)?|following(?!\s+(?:his|her|their|its|the|a|an|talks|a\s+meeting)\b)|join(?:ed|ing)?|fight(?:ing)?|fought|serv(?:ed|e|ing)|"
                          r"reinforce(?:d|ments)?|package|force|contingent|comprising|consists?|"
                          r"assign(?:ed)?|work(?:ing)?|based|committed|reach(?:ed|es)|(?:took|taken|taking)\s+in|airlift(?:ed|ing)?|"
                          r"ferr(?:ied|y|ying)|transport(?:ed|ing)?|ordered|flew|flown|operat(?:ing|es?|ed)\s+(?:in|inside|from)|"
                          r"brought|bring(?:s|ing)?\s+in|left\s+(?:[A-Z][\w'’-]*\s+){1,3}for|depart(?:ed|ing|s)|headed|"
                          r"heading|set\s+off)\b", re.I)
_STATUS_DENIED = re.compile(r"\b(?:denied|denies|deny|dismissed|rejected|refuted)\b", re.I)
_STATUS_PREDICTED = re.compile(r"\b(?:likely|expected to|expect(?:s|ed)?|could|may|might|"
                               r"predict(?:s|ed)?|forecast|anticipat(?:e|es|ed)|possibly|probably|"
                               r"is poised to|are poised to|potential)\b", re.I)
_STATUS_PLANNED = re.compile(r"\b(?:will|shall|ordered|approved|authori[sz]ed|prepar(?:ing|es|ed)\s+to|(?:is|are)\s+(?:due\s+|scheduled\s+|slated\s+|set\s+)?to\s+(?:grow|be\s+(?:sent|deployed|stationed|based|expanded|increased)|send|deploy|arrive|reach|number|expand|increase|rise|total|station|move)|to send|to deploy|to dispatch|agreed to|agree to|plans? to|planning|"
                             r"planned|pledged|promised|is set to|are set to|intends? to|to be (?:sent|deployed|"
                             r"dispatched)|package|decided to|would\s+(?:\w+\s+)?(?:send|deploy|station|dispatch|move|base|host|provide|"
                             r"follow|arrive|join)|will\s+(?:soon\s+)?(?:follow|arrive|join)|offered to)\b", re.I)
_STATUS_CONFIRMED = re.compile(r"\b(?:acknowledged|confirmed|admitted)\b", re.I)
_BELIEF = re.compile(r"\b(?:believe[sd]?|assess(?:es|ed)?|estimates?|estimated|think|thinks|suspect(?:s|ed)?|"
                     r"judge[sd]?)\b", re.I)
_FIGURELESS = re.compile(r"\b(?:further|more|additional|new|another\s+batch\s+of|fresh)\s+(?:(?P<adj>[A-Z][\w.]*(?:\s+[A-Z][\w]*)?)\s+)?"
                         r"(?P<noun>troop\s+deployments?|deployments?|troops|soldiers|forces|personnel|reinforcements|"
                         r"technicians|engineers|workers|instructors|advisers|specialists|fighters|mercenaries|"
                         r"peacekeepers|sappers|deminers|builders|units)\b")
_EXERCISE_PART = re.compile(r"\b(?:took|take|takes|taking)\s+part\b|\b(?:are|were|is|was|be|being)\s+involved\b|"
                            r"\bparticipat\w+|\btaking\s+part\b", re.I)
_EXERCISE = re.compile(r"\b(?:drills?|exercises?|war\s+games|manoeuvres|maneuvers|wargames)\b", re.I)
_FIGURELESS_RES: tuple[re.Pattern, re.Pattern, re.Pattern] | None = None
_NUMBER_OF = re.compile(r"\b(?:number|total|count|tally|strength|size)\s+of\s+(?P<np>(?:[A-Z][\w.]*\s+){0,2}(?:[a-z-]+\s+){0,2}"
                        r"[a-z-]+)\b[^.;:]{0,60}?\b(?:to|at|reached|reaches|hit|hits|tops|topped|exceeds?|exceeded|"
                        r"is|was|stands\s+at|stood\s+at|of)\s+(?:(?:about|around|some|roughly|more\s+than|over|up\s+to|"
                        r"at\s+least|nearly|almost|an\s+estimated|approximately)\s+)?$")
_FORCE_OF_STATE = re.compile(r"(?:^|\s)(?P<w>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:[a-z-]+\s+)?(?:force|contingent|"
                             r"detachment|group|army|grouping)\s+of\s+(?:(?:about|around|some|roughly|nearly|more\s+than|"
                             r"over|up\s+to|at\s+least|an\s+estimated|almost)\s+)?$")
_MULTINATIONAL = re.compile(r"\s*,?\s*(?:from|of|representing|(?<=,)\s*(?:including|among\s+them)\s+(?:(?:troops|contingents|"
                            r"units|soldiers|forces|personnel)\s+from\s+)?)\s*(?:(?:about|around|some|more\s+than|over|at\s+least)\s+)?"
                            r"(?:\d+|two|three|four|five|six|seven|eight|nine|ten|a\s+dozen|dozens\s+of|several|many|"
                            r"multiple|various|[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?(?:\s*,\s*[A-Z][\w-]*(?:\s+[A-Z][\w-]*)?)*"
                            r"\s+and\s+(?:\d+\s+|other\s+|several\s+|[a-z]+\s+)?(?:[A-Z][\w-]*\s*)?)"
                            r"(?:\s*(?:other\s+|partner\s+|participating\s+|allied\s+|foreign\s+|member\s+)?"
                            r"(?:countries|nations|states|armies|militaries|partners|allies)\b|(?<=[A-Za-z])\b)")


def _figureless_res() -> tuple[re.Pattern, re.Pattern, re.Pattern]:
    """Deployments stated without a figure: more/further/additional personnel (predicted or planned),
    "to send more", the presence of a state's personnel somewhere, and a unit of them arriving."""
    global _FIGURELESS_RES
    if _FIGURELESS_RES is None:
        heads = "|".join(re.escape(h) for h in sorted(lexicon().personnel_heads, key=len, reverse=True))
        noun = r"(?P<noun>troop\s+deployments?|deployments?|reinforcements|units|" + heads + r")"
        adj = r"(?:(?P<adj>[A-Z][\w.]*(?:\s+[A-Z][\w]*)?)\s+)?"
        more = re.compile(r"\b(?:(?:[Ff]urther|[Mm]ore|[Aa]dditional|new|another\s+batch\s+of|fresh)\s+" + adj + r"(?:(?:"
                          + "|".join(re.escape(m) for m in lexicon().personnel_modifiers if m.islower())
                          + r")\s+)?" + noun + r"\b|(?:send|sending|deploy|deploying|dispatch|dispatching)\s+more\b"
                          r"(?!\s+(?:\w+\s+)?(?:than|weapons|arms|ammunition|shells|missiles|equipment|aid|money|"
                          r"support|supplies|drones))(?:\s+(?P<noun2>troops|soldiers|forces|personnel))?)")
        presence = re.compile(r"\bpresence\s+of\s+(?:the\s+)?" + adj + noun + r"\b")
        # "a first contingent of Russian military instructors arrived in Niger's capital Niamey": a unit's arrival
        mods = "|".join(re.escape(m) for m in lexicon().personnel_modifiers if m.islower())
        arrival = re.compile(r"\b(?:[Aa]|[Tt]he|[Aa]nother)\s+(?:first\s+|new\s+|second\s+|small\s+|large\s+)?(?:contingent|group|"
                             r"batch|team|detachment)\s+of\s+" + adj + r"(?:(?:" + mods + r")\s+){0,2}" + noun +
                             r"\b(?=[^.;]{0,60}?\b(?:arrived|landed)\b)")
        _FIGURELESS_RES = (more, presence, arrival)
    return _FIGURELESS_RES


_NOT_SENT = re.compile(r"\b(?:massed|amass(?:ed|ing)|concentrat(?:ed|ing)(?=\s+(?:[\w-]+\s+){0,3}?(?:along|near|on|at|by)\s+"
                       r"(?:the\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,2}(?:border|frontier))|on\s+(?:heightened\s+|high\s+)?alert|"
                       r"on\s+standby|prepare\s+to\s+deploy|ready\s+to\s+deploy|"
                       r"at\s+(?:very\s+)?(?:high|higher|short[-\s]notice)\s+readiness|passed\s+in\s+review|parad(?:ed|ing)|"
                       r"marched\s+(?:through|past|in)|in\s+(?:the|a)\s+(?:military\s+)?parade)\b", re.I)
_CAPACITY_LEFT = re.compile(r"\b(?:accommodation|accommodations|housing|barracks|beds|capacity|room|space|quarters)\s+"
                            r"(?:for|to\s+(?:house|accommodate|hold))\s+(?:(?:up\s+to|about|around|some|as\s+many\s+as|"
                            r"more\s+than|over|at\s+least)\s+)?$|\b(?:able|built|designed|enough)\s+to\s+(?:house|accommodate|"
                            r"hold|sleep)\s+(?:(?:up\s+to|about|around|some|as\s+many\s+as|more\s+than|over)\s+)?$|"
                            # a mission's authorised ceiling: "resolution 2699, which allows for up to 2,500 personnel"
                            r"\b(?:allows?\s+for|(?:ceiling|cap|authori[sz]ed\s+strength)\s+of|"
                            r"capped\s+at)\s+(?:(?:up\s+to|a\s+maximum\s+of|as\s+many\s+as)\s+)?$", re.I)
# "the insurgents numbered fewer than 250 fighters": the strength of a non-state armed group, no state's force
_NONSTATE_LEFT = re.compile(r"\b(?:insurgents|rebels|militants|jihadists|gangs|militias|insurgency|insurgent\s+group)\b[^.;]{0,30}?"
                            r"\b(?:numbered|number|numbers|totalled|totaled|counted|had|have|has|field|fielded)\s+"
                            r"(?:[\"“]?(?:fewer|less|more)\s+than|about|around|some|roughly|an\s+estimated|up\s+to|at\s+least)?\s*$")
# "Resolution 2793 of September 30, 2025 authorized up to 5,550 uniformed personnel": a mandate's ceiling
_MANDATE_LEFT = re.compile(r"\b(?:[Rr]esolution|Security\s+Council|mandate)\b[^.;]{0,70}\bauthori[sz](?:ed|es|ing)\s+(?:a\s+force\s+of\s+)?"
                           r"(?:up\s+to|as\s+many\s+as|a\s+maximum\s+of)\s+$")
_CASUALTY_LEFT = re.compile(r"\b(?:casualt(?:y|ies)|losses|killed|wounded|deaths|dead|death toll|injured|captured|"
                            r"guards|guarding|detains|detaining|detained|jailed|imprisoned|"  # prisoners held, no force sent
                            r"lost|losing|killing|eliminat(?:ed|ing)|neutrali[sz](?:ed|ing)|slain|slew|perished)\b[^.;]{0,30}$", re.I)


@dataclass
class Figure:
    info: SentInfo
    start: int          # sentence-relative
    end: int
    count: int | None
    min: int | None
    qualifier: str | None
    kind: str | None
    elliptic: bool = False
    sending: str | None = None
    host: str | None = None
    location: str | None = None
    start_date: str | None = None
    end_date: str | None = None
    status: str = "reported"
    according_to: list = field(default_factory=list)
    modality: str = "asserted"
    adj_state: str | None = None


def _parse_num(s: str) -> int | None:
    s = re.sub(r"-(?:strong|member|man|person)$", "", s.lower()).strip()
    mult = 1
    if s.endswith("million"):
        mult, s = 1_000_000, s[:-7].strip()
    elif s.endswith("thousand") and re.match(r"^[\d.]+\s*thousand$", s):
        mult, s = 1000, s[:-8].strip()
    elif s.endswith("k") and re.match(r"^[\d.]+\s*k$", s):
        mult, s = 1000, s[:-1].strip()
    if re.fullmatch(r"\d{1,3}(?:,\d{3})+|\d{1,3}(?:[ \u2009\u202f]\d{3})+|\d{1,3}(?:\.\d{3})+", s):
        return int(re.sub(r"[,. \u2009\u202f]", "", s)) * mult
    if re.fullmatch(r"\d+(?:\.\d+)?", s):
        try:
            return int(float(s) * mult)
        except (ValueError, OverflowError):
            return None
    words = s.replace("-", " ").split()
    total, cur = 0, 0
    for w in words:
        if w == "and":
            continue
        if w == "dozen":
            cur = (cur or 1) * 12
            continue
        if w in ("thousand",):
            cur = (cur or 1) * 1000
            total += cur
            cur = 0
        elif w == "hundred":
            cur = (cur or 1) * 100
        elif w in _NUMWORD and _NUMWORD[w] is not None:
            cur += _NUMWORD[w]
        else:
            return None
    return (total + cur) or None


_HEAD_INDEX: dict[str, list[tuple[str, ...]]] | None = None
_MODS: set[str] | None = None


def _head_index() -> dict[str, list[tuple[str, ...]]]:
    """First word of each personnel head → the heads starting with it, longest first."""
    global _HEAD_INDEX, _MODS
    if _HEAD_INDEX is None:
        idx: dict[str, list[tuple[str, ...]]] = {}
        for h in lexicon().personnel_heads:
            hw = tuple(h.lower().split())
            idx.setdefault(hw[0], []).append(hw)
        for v in idx.values():
            v.sort(key=len, reverse=True)
        _MODS = {m.lower() for m in lexicon().personnel_modifiers}
        _HEAD_INDEX = idx
    return _HEAD_INDEX


def _match_head(toks, i: int) -> tuple[str, ...] | None:
    if i >= len(toks):
        return None
    first = toks[i].group(0).lower().rstrip(".")
    for hw in _head_index().get(first, ()):
        if len(hw) == 1 or tuple(t.group(0).lower().rstrip(".") for t in toks[i:i + len(hw)]) == hw:
            return hw
    return None


_UNIT_NOUNS = ("contingent", "force", "unit", "units", "corps", "detachment", "battalion", "brigade", "team",
               "mission", "group", "squadron", "company", "regiment", "division")
_ADJ_TO_NOUN = {"engineering": "engineers", "peacekeeping": "peacekeepers", "medical": "medics",
                "construction": "construction workers", "military": "troops", "combat": "combat troops",
                "reconstruction": "reconstruction workers", "demining": "deminers", "security": "security forces"}


def _compound_mod(toks, i: int) -> bool:
    """A hyphenated lower-case modifier right before a personnel head or another modifier ("rocket-launcher
    crews", "drone-operator specialists"): part of the kind, whether or not the lexicon lists it."""
    if i >= len(toks) or not re.fullmatch(r"[a-z]+(?:-[a-z]+)+", toks[i].group(0)):
        return False
    j = i + 1
    while j < len(toks) and j <= i + 2 and (toks[j].group(0).lower() in _MODS or
                                              re.fullmatch(r"[a-z]+(?:-[a-z]+)+", toks[j].group(0))):
        j += 1
    return _match_head(toks, j) is not None


def _personnel_np(text: str, pos: int, state_adj: dict, unit_ok: bool = False
                  ) -> tuple[str | None, int, str | None, bool]:
    """Read the personnel noun phrase after a number: (kind, end, state adjective label, blocked).

    Heads may be coordinated ("engineers and technicians", "security and intelligence personnel");
    with ``unit_ok`` ("a 315-member … contingent") a unit noun closes the phrase and the kind comes
    from its modifiers ("peacekeeping engineering contingent" → "peacekeeping engineers")."""
    lex = lexicon()
    _head_index()
    mods = _MODS
    rest = text[pos:pos + 160]
    toks = list(re.finditer(r"[A-Za-z][A-Za-z'’-]*(?:\.[A-Za-z][A-Za-z'’-]*)*\.?|[,;:()]|\d[\d,]*", rest))
    kind_words: list[str] = []
    state = None
    i = 0
    end = pos
    found_head = False
    # "150 Ground Self-Defense Force personnel", "30 Republic of Korea Air Force technicians": a force's
    # name before the head is part of the kind as written
    run = 0
    while run < len(toks) and run < 6 and (toks[run].group(0)[:1].isupper() or (
            run and toks[run].group(0) == "of" and run + 1 < len(toks) and toks[run + 1].group(0)[:1].isupper())):
        run += 1
    lead = 0  # "150 Australian Defence Force engineers": the state's adjective, then the force's name
    if run >= 2 and " ".join(t.group(0) for t in toks[:2]) in state_adj and run >= 4:
        lead = 2
    elif run >= 2 and toks[0].group(0) in state_adj:
        lead = 1
    if lead and _match_head(toks, run) and not any(
            toks[k].group(0) in state_adj for k in range(lead, run)):
        state = state_adj[" ".join(t.group(0) for t in toks[:lead])]
        i = run  # (the kind is the head: the state already says whose force)
    elif (run >= 3 or run == 1 and re.fullmatch(r"[A-Z]{2,6}", toks[0].group(0))) and _match_head(toks, run) and not any(
            toks[k].group(0) in state_adj or " ".join(t.group(0) for t in toks[k:k + 2]) in state_adj for k in range(run)):
        # ("30 MNDF pilots": a force's acronym)
        kind_words = [t.group(0) for t in toks[:run]]
        i = run
    while i < len(toks) and i < 12:
        w = toks[i].group(0)
        lw = w.lower().rstrip(".")
        hit = _match_head(toks, i)
        if hit:
            kind_words.extend(t.group(0).rstrip(".") for t in toks[i:i + len(hit)])
            end = pos + toks[i + len(hit) - 1].end()
            i += len(hit)
            found_head = True
            if i < len(toks) and toks[i].group(0).lower() in ("troops", "soldiers", "personnel", "members", "officers"):
                # "special forces troops", "peacekeeping force personnel"
                kind_words.append(toks[i].group(0))
                end = pos + toks[i].end()
                i += 1
            # "engineers and technicians", "engineers and bridge-building specialists"
            if i + 1 < len(toks) and toks[i].group(0).lower() == "and" and not toks[i + 1].group(0)[0].isdigit():
                j = i + 1
                extra = []
                while j < len(toks) and toks[j].group(0).lower().rstrip(".") in mods:
                    extra.append(toks[j].group(0))
                    j += 1
                hit2 = _match_head(toks, j)
                if hit2:
                    kind_words += ["and"] + extra + [t.group(0).rstrip(".") for t in toks[j:j + len(hit2)]]
                    end = pos + toks[j + len(hit2) - 1].end()
                    i = j + len(hit2)
            break
        two = " ".join(t.group(0) for t in toks[i:i + 2])
        if two in state_adj:
            state = state_adj[two]
            i += 2
            continue
        if w in state_adj:
            state = state_adj[w]
            i += 1
            continue
        if lw in mods or _compound_mod(toks, i):
            kind_words.append(w.rstrip("."))
            i += 1
            continue
        if lw == "and" and kind_words and i + 1 < len(toks) and (toks[i + 1].group(0).lower() in mods
                                                                 or _compound_mod(toks, i + 1)):
            kind_words.append("and")  # "security and intelligence personnel", "artillery and rocket-launcher crews"
            i += 1
            continue
        if unit_ok and lw in _UNIT_NOUNS:
            end = pos + toks[i].end()
            ofm = re.match(r"\s+of\s+", text[end:end + 6])
            if ofm and not kind_words:
                # "a 100-member team of drone experts": the kind is what the unit is made of
                k2, e2, st2, b2 = _personnel_np(text, end + ofm.end(), state_adj)
                if k2 and not b2:
                    return k2, e2, state or st2, False
            if kind_words:
                last = kind_words[-1].lower()
                kind_words[-1] = _ADJ_TO_NOUN.get(last, kind_words[-1])
                if " ".join(kind_words).lower() == "troops" or kind_words[-1] == kind_words[-1].lower():
                    pass
            return (" ".join(kind_words) or None), end, state, False
        if lw in lex.kind_drop or lw in ("of", "its", "their", "the"):
            i += 1
            continue
        if lw in lex.not_after or lw in ("killed", "wounded", "casualties", "deaths", "died", "dead"):
            return None, pos, state, True
        if w[:1].isupper() and i < 3 and not kind_words and w.lower() not in ("and", "the"):
            # "8,000 Wagner fighters", "500 Spetsnaz commandos": a force's name, not part of the kind
            i += 1
            continue
        break
    if not found_head:
        return None, pos, state, False
    tail = rest[toks[i - 1].end():toks[i - 1].end() + 90] if i - 1 < len(toks) else ""
    tail = re.split(r"[.;]|\d", tail)[0]  # ("…, and roughly 2,000 of them have been killed": another figure's)
    if not re.search(r"\d[\d,]*\s+of\s+(?:the|its|their)\s+(?:\w+\s+)?$", text[max(0, pos - 60):pos].rstrip("0123456789, ")
                     + " ") and re.search(r"\b(?:were|was|had\s+been|have\s+been|are|being)\s+(?:\w+\s+)?(?:killed|wounded|captured|injured|"
                 r"executed|dead|taken\s+prisoner)\b", tail):
        return " ".join(kind_words), end, state, True
    blocked = bool(_CASUALTY_AFTER.match(rest, toks[i - 1].end())) if i - 1 < len(toks) else False
    return " ".join(kind_words), end, state, blocked


# what follows a head count that makes it casualties ("2,000 soldiers, killed in Kursk,", "… have perished",
# "… are believed to have been killed", "… have fallen in battle", "left 2,000 soldiers dead")
_CASUALTY_AFTER = re.compile(
    r"\s*,?\s*(?:(?:had|have|has|were|was|been|being|are|is|reportedly|already|now|also|since|so\s+far|"
    r"(?:believed|said|thought|reported|feared|estimated|confirmed|known)\s+(?:to\s+(?:have\s+been|be)\s+)?|"
    r"all|mostly|either)\s+){0,5}"
    r"(?:killed|wounded|died|dead|injured|captured|casualties|lost|missing|taken\s+(?:prisoner|captive)|perished|"
    r"slain|eliminated|fallen\s+(?:in|on|during|while)|killed\s+in\s+action|KIA|deaths?|buried)\b", re.I)


@lru_cache(maxsize=1)
def _state_modifiers() -> dict[str, str]:
    """Words that name a state in front of a personnel noun: adjectives ("North Korean troops") and
    names used as modifiers ("US troops", "U.S. special forces", "Russia troops")."""
    g = gazetteer()
    out: dict[str, str] = {}
    for st in g.states.values():
        for n in [st.label] + st.aliases:
            if not n.lower().startswith("the ") and len(n.split()) <= 2 and len(n) >= 2:
                out.setdefault(n, st.label)
        for a in st.adjectives:
            out[a] = st.label
    return out


def extract_deployments(ctx: Context) -> list[dict]:
    g = gazetteer()
    lex = lexicon()
    state_adj = _state_modifiers()
    koreas = {m.label for info in ctx.infos for m in info.mentions
              if m.label in ("North Korea", "South Korea") and m.how in ("name", "metonym")}
    if len(koreas) == 1:
        # "30 Korean technicians" in a story that names one Korea: that one
        state_adj = {**state_adj, "Korean": next(iter(koreas)), "Koreans": next(iter(koreas))}
    figures: list[Figure] = []
    last_kind: str | None = None
    last_kind_si = -10
    for si, info in enumerate(ctx.infos):
        text = info.sent.text
        skip_until = -1
        for n_num, m in enumerate(_NUM_RE.finditer(text)):
            if n_num >= 40 or len(figures) >= 300:
                break
            s, e = m.span()
            if s < skip_until:
                continue
            raw = m.group(0)
            val = _parse_num(raw)
            if val is None or val <= 0:
                continue
            left = text[max(0, s - 40):s]
            if re.search(r"[$€£₩]\s*$|\b(?:US|USD|KRW|No\.|number|page|aged?|top|Article|Resolution|resolution|"
                         r"Brigade|Division|Regiment|Corps|Unit|unit)\s*$", left):
                continue
            if _CAPACITY_LEFT.search(left) or _MANDATE_LEFT.search(text, max(0, s - 110), s) or \
                    _NONSTATE_LEFT.search(text, max(0, s - 80), s):
                continue  # "new accommodation for up to 1,500 personnel": room for them, not troops sent
            if re.search(r"\b(?:its|their)\s+own\s+(?:[\w-]+\s+){0,2}(?:armed\s+forces|forces|army|military|troops)\s+of\s+"
                         r"(?:(?:some|about|around|roughly|nearly|more\s+than|over|up\s+to|at\s+least|an\s+estimated)\s+)?$",
                         text[max(0, s - 80):s], re.I):
                continue  # "the authorities in Tiraspol maintain their own armed forces of some 7,500 troops"
            if _CASUALTY_LEFT.search(left) and not re.search(
                    r"\b(?:among|out\s+of|of\s+(?:the|its|their))\s+(?:(?:its|their|the|some|about|around|an\s+estimated)\s+)?$",
                    left):
                continue  # ("4,000 casualties among its 11,000 troops": the whole force is no casualty figure)
            # ranges: "between 10,000 and 12,000", "10,000 to 12,000", "10,000-12,000"
            mn = None
            qual = None
            rng = re.match(r"\s*(?:-|–|to|and)\s*(" + _NUM + r")(?![\w])", text[e:e + 30], re.I)
            if rng and (re.search(r"\bbetween\s+$", left, re.I) or not re.match(r"\s*and", text[e:e + 5])):
                v2 = _parse_num(rng.group(1))
                mult_m = re.search(r"\s*(thousand|million|k)$", rng.group(1), re.I)
                if v2 and mult_m and not re.search(r"thousand|million|k$", raw, re.I) and val * 1000 <= v2:
                    val *= 1000 if mult_m.group(1).lower() in ("thousand", "k") else 1_000_000  # "10 and 12 thousand"
                if v2 and v2 > val:
                    mn, val = val, v2
                    qual = "up_to"
                    e = e + rng.end()
                    skip_until = e
            if qual is None:
                for rx, q in _QUAL_BEFORE:
                    if rx.search(left):
                        qual = q
                        break
            post = re.match(r"\s+or\s+(?:so|more)\b|-plus\b|\s+plus\b", text[e:e + 10])
            if post and qual is None:
                qual = {"so": "about", "more": "at_least"}.get(post.group(0).split()[-1], "over")
                e += post.end()
            strong = bool(re.search(r"-(?:strong|member|man|person)$", raw.lower()))
            kind, np_end, adj, blocked = _personnel_np(text, e, state_adj, unit_ok=strong)
            num_m = None if kind else re.search(r"(?<![\w.])(?P<np>(?:[A-Z][\w.]*\s+){0,2}(?:[a-z-]+\s+){0,2}[a-z-]+)\s*,?\s+"
                                                r"numbering\s+(?:(?:about|around|some|roughly|more\s+than|over|up\s+to|"
                                                r"at\s+least|nearly)\s+)?$", text[max(0, s - 80):s])
            if num_m:
                k2, _e2, adj2, b2 = _personnel_np(num_m.group("np") + " ", 0, state_adj)
                if k2 and not b2:
                    kind, adj = k2, adj2
                    np_end = e
            if kind is None and not num_m:
                # "the number of North Korean troops in Russia has risen to 11,000", "puts the number … at 11,000"
                nm = _NUMBER_OF.search(text[max(0, s - 120):s])
                if nm:
                    k2, _e2, adj2, b2 = _personnel_np(nm.group("np") + " ", 0, state_adj)
                    if k2 and not b2:
                        kind, adj, np_end = k2, adj2, e
            if blocked:
                continue
            if strong and kind is None and np_end > e:
                pass
            elif strong and kind is None:
                fm = re.match(r"\s+(?:[A-Za-z-]+\s+){0,2}?(force|contingent|unit|corps|army|detachment)\b", text[e:e + 40])
                if fm:
                    kind = None
                    np_end = e + fm.end()
                else:
                    continue
            ofm = re.match(r"\s+of\s+(?:them|those|these|the\s+(?:troops|soldiers|forces|personnel))\b", text[e:e + 30],
                           re.I) if kind is None else None
            if ofm and last_kind and (last_kind_si == si or last_kind_si == si - 1):
                # "about 10,000 soldiers had been sent …, and about 8,000 of them had moved to Kursk"
                if _CASUALTY_AFTER.match(text, e + ofm.end()):
                    continue  # "2,000 of them were killed"
                kind, np_end = last_kind, e + ofm.end()
            force_of = kind is None and not strong and re.search(
                r"\b(?:force|contingent|deployment|detachment|group|army)\s+of\s+(?:(?:about|around|some|roughly|nearly|"
                r"more\s+than|over|up\s+to|at\s+least|an\s+estimated)\s+)?$", left, re.I) and \
                not re.match(r"\s+(?:tanks|vehicles|guns|missiles|drones|aircraft|jets|planes|ships|shells|rounds|"
                             r"people|civilians|dollars|won|rubles)\b", text[e:e + 20])
            if force_of:
                # "part of a force of about 11,000 sent to the Kursk border region"
                strong = True
                np_end = e

            if adj is None:
                fa = _FORCE_OF_STATE.search(left)
                if fa:
                    # "a Russian force of 50,000 troops": the force's state is the figure's
                    w = fa.group("w")
                    adj = state_adj.get(w) or state_adj.get(w.split()[-1])
            elliptic = False
            if kind is None and not strong:
                after = text[e:e + 25]
                if re.match(r"\s+more\b", after) or _ELLIPTIC_BEFORE.search(left):
                    elliptic = True
                    if re.match(r"\s+more\b", after):
                        np_end = e + re.match(r"\s+more\b", after).end()
                        kind = last_kind_head(last_kind)
                    # "an additional 3,000 sent": kind not given
                elif re.match(r"\s+(?:(?:had|have|has|were|was)\s+(?:(?:already|now|also|reportedly|since)\s+)?(?:been\s+)?"
                              r"(?:arrived|sent|deployed|dispatched|moved|transferred|stationed)|(?:that\s+|which\s+)?"
                              r"(?:it|they|[A-Z][\w.]*(?:\s+[A-Z]\w*)?)\s+(?:had\s+|has\s+|have\s+)?(?:already\s+)?"
                              r"(?:sent|dispatched|deployed))\b", text[e:e + 40]) and (
                        (last_kind and last_kind_si >= si - 1) or _personnel_any().search(text, 0, s)):
                    # "began sending troops to Russia in October, and 3,000 had arrived by December",
                    # "3,000 more troops, on top of the 11,000 it sent last autumn"
                    pm = list(_personnel_any().finditer(text, 0, s))
                    kind = pm[-1].group(0).lower() if pm else last_kind_head(last_kind)
                    np_end = e
                else:
                    continue
            if 1900 <= val <= 2100 and "," not in raw and kind is None:
                continue
            if elliptic and not (_DEPLOY_VERB.search(text) or figures):
                continue
            if kind and kind.lower() in ("men", "members", "staff", "guards", "drivers", "operators", "crew", "crews") \
                    and not _DEPLOY_VERB.search(text):
                continue
            strong_head = bool(kind and re.search(r"\b(?:troops|soldiers|personnel|fighters|mercenaries|peacekeepers|"
                                                  r"servicemen|forces|sappers|deminers|instructors|advisers|marines|"
                                                  r"paratroopers|commandos|contractors|trainers|sailors|aircrew|naval\s+personnel|military\s+\w+)\b", kind, re.I))
            present = adj and (re.match(r"\s*(?:(?:are|were|is|was|remain(?:ed|s)?|have\s+been|had\s+been|stay(?:ed|s)?)\s+"
                                        r"(?:\w+\s+)?(?:in|at|inside)|(?:now\s+|currently\s+|still\s+)?(?:in|inside)\s+[A-Z])\b",
                                        text[np_end:np_end + 40]) or re.match(r"\s*There\s+(?:are|were)\b", text))
            if not strong_head and not present and not _DEPLOY_VERB.search(text) and \
                    not re.search(r"\b(?:troops|soldiers|forces)\b", text, re.I):
                continue  # ("About 15,000 North Korean workers are in Russia": a foreign workforce present is one)
            ca, cb = _clause_bounds(info, s)
            if _NOT_SENT.search(text[ca:cb]):
                continue
            if re.search(r"\b(?:including|among\s+them|of\s+whom|of\s+which)\s+(?:some\s+|about\s+|around\s+)?$", left) and \
                    any(g.info is info and g.count and g.count > val for g in figures):
                continue  # "around 12,000 soldiers …, including 500 officers": a part of the figure before it
            if _EXERCISE_PART.search(text[ca:cb]) and _EXERCISE.search(text) and not adj and \
                    not re.match(r"\s*(?:[\w-]+\s+){0,2}from\s+[A-Z]", text[np_end:np_end + 30]) and \
                    not re.search(r"\b(?:sent|send|deployed|deploy|dispatched|arrived|moved|brought)\b", text[ca:cb]):
                if kind:
                    last_kind, last_kind_si = kind, si
                continue  # "About 7,000 servicemen are involved in the drills": all taking part, not one state's deployment
            if not adj and any(x.type == "Organization" and s < x.start < np_end and
                               getattr(g.orgs.get(x.label), "kind", "") == "international" for x in info.mentions):
                continue  # "3,000 more NATO troops": an alliance's force has no one sending state to inherit
            if not adj and _MULTINATIONAL.match(text, np_end):
                continue  # "50,000 troops from Russia, China and India", "… from 14 countries": a total of many
            if re.match(r"\s+(?:across|in|throughout|spread\s+over)\s+(?:\d+|two|three|four|five|six|seven|eight|nine|ten|"
                        r"several|many)\s+(?:\w+\s+)?(?:countries|states|nations)\b", text[np_end:np_end + 50]):
                continue  # "some 5,100 troops across five countries": no one host
            tot = re.search(r"\b(?P<w>mission|operation|coalition|force)\s+at\s+(?:(?:about|around|some|roughly|nearly|"
                            r"more\s+than|over|just\s+under)\s+)?$", left)
            if not adj and tot and (tot.group("w") != "force" or re.match(
                    r"\s+(?:in\s+total|in\s+all|altogether|combined)\b", text[np_end:np_end + 20])) and \
                    not any(x.type == "State" and x.how == "adj" for x in info.mentions if ca <= x.start < s):
                continue  # "a UN report put the force at about 800 personnel": a multinational mission's strength
            if re.search(r"\bbring(?:s|ing)?\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+){0,2}(?:contingent|total|number|"
                         r"strength|force|presence|deployment|mission)\s+(?:\w+\s+){0,3}?to\s+(?:about\s+|around\s+|some\s+|"
                         r"roughly\s+|nearly\s+|almost\s+)?$", left + " ", re.I) or re.search(
                    r"\bbring(?:s|ing)?\s+(?:the\s+|its\s+|their\s+)?(?:\w+\s+){0,2}(?:contingent|total|number|strength|force|"
                    r"presence)\s+(?:\w+\s+){0,3}?to\s+(?:about\s+|around\s+|some\s+)?$",
                    text[max(0, s - 80):s], re.I):
                continue  # "… will bring the Kenyan contingent to 1,000": the sum of figures given, not one of its own
            f = Figure(info, s, np_end, val, mn, qual, kind, elliptic)
            f.adj_state = adj
            # a head count in a sentence about an exercise with no state of its own: the exercise's total
            f.exercise_total = bool(not adj and (_EXERCISE.search(text) or (  # type: ignore[attr-defined]
                si > 0 and _EXERCISE_PART.search(text[ca:cb]) and _EXERCISE.search(ctx.infos[si - 1].sent.text))) and not re.match(
                r"\s*(?:[\w-]+\s+){0,2}from\s+[A-Z]", text[np_end:np_end + 30]))
            figures.append(f)
            if kind:
                last_kind, last_kind_si = kind, si
            skip_until = max(skip_until, np_end)
    # figure-less deployments ("further North Korean troop deployments are likely", "expected Pyongyang
    # to send more", "the presence of U.S. special forces on its soil")
    fl_more, fl_presence, fl_arrival = _figureless_res()
    for si, info in enumerate(ctx.infos):
        text = info.sent.text
        for rx in (fl_more, fl_presence, fl_arrival):
            for m in rx.finditer(text):
                ca, cb = _clause_bounds(info, m.start())
                if any(f.info is info and ca <= f.start < cb for f in figures):
                    continue
                if rx is fl_more and _status(text[ca:cb]) not in ("predicted", "planned"):
                    continue
                if rx is fl_presence and re.search(r"\b(?:neither|nor|not|no|never|refused|refuses|declined|declines)\b",
                                                   text[max(ca, m.start() - 40):m.start()]):
                    continue  # "has neither confirmed nor denied the presence of …", "refused to confirm or deny the presence"
                adj = m.groupdict().get("adj")
                st = state_adj.get(adj) if adj else None
                noun = m.groupdict().get("noun") or m.groupdict().get("noun2")
                if noun is None:
                    kind = None
                elif m.groupdict().get("noun2"):
                    kind = noun  # "likely to send more soldiers"
                elif "deployment" in noun or noun.lower() in ("forces", "reinforcements", "units"):
                    kind = "troops"
                else:
                    kind = noun
                f = Figure(info, m.start(), m.end(), None, None, None, kind, False)
                f.adj_state = st
                figures.append(f)
    order = {id(i): n for n, i in enumerate(ctx.infos)}
    figures.sort(key=lambda f: (order[id(f.info)], f.start))
    frames = _deployment_frames(ctx, figures, state_adj)
    _fill_states(ctx, figures, state_adj, frames)
    out = []
    for f in figures:
        _fill_dates_status_source(ctx, f)
    figures = _drop_sums(figures)
    # a deployment the article states without any figure ("Russian military instructors arrived")
    # (or a kind of personnel none of its figures names: "North Korean artillery crews had gone to Russia")
    with_figures = {(f.sending, f.host) for f in figures if f.count}
    kinds = {(f.sending, f.host, _kind_key(f.kind)) for f in figures if f.kind}
    for fr in frames:
        if not (fr.kind and fr.sending and fr.host):
            continue
        specific = not _GENERIC_KIND.match(fr.kind) and not _COMBATANTS.search(fr.kind) and \
            (fr.sending, fr.host, _kind_key(fr.kind)) not in kinds
        if (fr.sending, fr.host) not in with_figures or specific:
            _fill_dates_status_source(ctx, fr)
            figures.append(fr)
            with_figures.add((fr.sending, fr.host))
            kinds.add((fr.sending, fr.host, _kind_key(fr.kind)))
            for other in _co_senders(fr):
                # "El Salvador, Jamaica and Belize have also sent personnel": each of them sends
                if (other, fr.host) in with_figures:
                    continue
                twin = copy.copy(fr)
                twin.sending = other
                figures.append(twin)
                with_figures.add((other, fr.host))
    for f in figures:
        if not f.sending or not f.host:
            continue
        if _historical(ctx, f):
            continue  # "In the 1980s, as many as 20,000 … were stationed": background, not what the story reports
        if (f.sending, f.host) in lexicon().adversaries:
            continue  # an army in the country it is at war with is no deployment to a host
        out.append({
            "sending_state": ref(f.sending) if f.sending else None,
            "host_state": ref(f.host) if f.host else None,
            "location": ref(f.location) if f.location else None,
            "personnel": [{"count": f.count, "min": f.min, "qualifier": f.qualifier, "kind": f.kind}],
            "start": f.start_date, "end": f.end_date, "status": f.status,
            "sources": [source(f.info)], "according_to": f.according_to, "modality": f.modality,
        })
    ctx.deploy_pairs = sorted(((f.info.sent.start, (f.sending, f.host)) for f in figures  # type: ignore[attr-defined]
                               if f.sending and f.host), key=lambda x: x[0])
    return _dedupe_deployments(out)


_FRAME_VERB = re.compile(r"\b(?:sen[dt]|sending|deploy(?:ed|s|ing)?|dispatch(?:ed|es|ing)?|arriv(?:ed|e|es|ing)|"
                         r"mov(?:ed|e|es|ing)\s+(?!on\b)|transferr?(?:ed|ing)?|station(?:ed|ing|s)?|ferried|landed|"
                         r"put\s+(?:\w+\s+){1,6}to\s+work|heading\s+to|bound\s+for|crossed\s+into|"
                         r"(?:have|has|had)\s+been\s+(?:working|serving|fighting|based)|based\s+(?:in|at)|"
                         r"fought|fighting\s+(?:in|for|on)|(?:had\s+|have\s+|has\s+)?gone\s+to|went\s+to|"
                         r"travell?ed\s+to|(?:been\s+)?train(?:ed|ing)\s+in|operat(?:ing|e|es|ed)\s+(?:in|inside|from)|"
                         r"flew\s+(?:\w+\s+){0,4}to|flown\s+(?:\w+\s+){0,3}to)\b", re.I)
_PERSONNEL_ANY = None


def _personnel_any():
    global _PERSONNEL_ANY
    if _PERSONNEL_ANY is None:
        heads = sorted(lexicon().personnel_heads, key=len, reverse=True)
        _PERSONNEL_ANY = re.compile(r"\b(?:" + "|".join(re.escape(h) for h in heads) + r")\b", re.I)
    return _PERSONNEL_ANY


_DECADE = re.compile(r"\b(?i:in|during|by|through)\s+the\s+(?:early\s+|late\s+|mid-?)?(?P<d>1[89]\d0)s\b|"
                     r"\b(?i:in|during)\s+(?P<y>19\d\d|20[0-2]\d)\b(?!\s*[-–]\s*\d)")


def _historical(ctx: Context, f: Figure) -> bool:
    """A figure its clause dates decades before the article ("in the 1970s", "in 1988"): background."""
    if ctx.ref is None:
        return False
    a, b = _clause_bounds(f.info, f.start)
    text = f.info.sent.text
    # an opening "In the 1980s, …" dates the whole sentence; otherwise the figure's own clause
    m = _DECADE.search(text[max(a, f.start - 120):min(b, f.end + 80)]) or _DECADE.match(text, 0, a + 1)
    if not m:
        return False
    year = int(m.group("d") or m.group("y"))
    if re.search(r"\bsince\s+$", text[max(0, f.start - 200):f.start]):
        return False
    return year <= ctx.ref.year - 25


def _deployment_frames(ctx: Context, figures: list[Figure], state_adj: dict) -> list[Figure]:
    """Sentences that state a deployment without a figure ("North Korea will put thousands of its
    military personnel to work in Russia's Kursk region"): their sending/host/location/date carry
    over to the figures of the next sentence, and they stand as figure-less deployments of their own
    when the article gives no figure for that pair of states."""
    out: list[Figure] = []
    fig_infos = {id(f.info) for f in figures}
    for info in ctx.infos:
        text = info.sent.text
        vm = _FRAME_VERB.search(text)
        if not vm:
            continue
        if re.search(r"\b(?:not|no|never|denied|deny|denies)\b", text[max(0, vm.start() - 30):vm.start()]):
            continue
        fr = Figure(info, vm.start(), vm.end(), None, None, None, None, False)
        fr.info_has_figure = id(info) in fig_infos  # type: ignore[attr-defined]
        # the personnel noun phrase of the frame
        a, b = _clause_bounds(info, vm.start())
        pm = _personnel_any().search(text, a, b)
        while pm and any(x.type == "Organization" and x.start <= pm.start() < x.end for x in info.mentions):
            pm = _personnel_any().search(text, pm.end(), b)  # "Joint Chiefs of Staff" is no staff sent
        if pm and not re.search(r"\d", text[max(a, pm.start() - 12):pm.start()]):
            # kind as written, with its modifiers and a state adjective
            lo = max(a, pm.start() - 60)
            seg = text[lo:pm.start()]
            mm = re.search(r"(?:(?:[A-Z][\w.]*\s+){1,2})?(?:(?:[a-z][\w-]*)\s+){0,3}$", seg)
            np_start = lo + (mm.start() if mm else len(seg))
            kind, np_end, adj, _b = _personnel_np(text, np_start, state_adj)
            if not kind:
                np_start = pm.start()
                kind, np_end, adj, _b = _personnel_np(text, np_start, state_adj)
            if kind:
                fr.kind = kind
                fr.adj_state = adj
                if adj is None:
                    # "Wagner mercenaries were deployed": the force named in the noun phrase sends them
                    for x in info.mentions:
                        if np_start <= x.start < np_end and x.type == "Organization" and _sending_org(x):
                            fr.adj_state = _sending_org(x)
                            break
        _resolve_states(ctx, fr, state_adj)
        if fr.sending or fr.host:
            out.append(fr)
    for fr in out:
        if not hasattr(fr, "info_has_figure"):
            fr.info_has_figure = False  # type: ignore[attr-defined]
    return out


def _co_senders(fr: Figure) -> list[str]:
    """The other states of a coordinated subject the frame's sending state stands in ("El Salvador,
    Jamaica and Belize have sent personnel" → El Salvador, Belize)."""
    info, text = fr.info, fr.info.sent.text
    states = [m for m in info.mentions if m.type == "State" and m.how in ("name", "metonym") and m.end <= fr.start]
    if not states or fr.sending not in [m.label for m in states]:
        return []
    # the run of states joined by commas and "and" that ends just before the verb phrase
    run = [states[-1]]
    for m in reversed(states[:-1]):
        if re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|and\s+)", text[m.end:run[0].start]):
            run.insert(0, m)
        else:
            break
    if len(run) < 2 or fr.sending not in [m.label for m in run]:
        return []
    if not re.fullmatch(r"\s+(?:(?:have|has|had|also|all|each|both|will|would|already|each\s+)\s*)*", text[run[-1].end:fr.start] + " "):
        return []
    return [m.label for m in run if m.label not in (fr.sending, fr.host)]


def last_kind_head(kind: str | None) -> str | None:
    if not kind:
        return None
    return kind.split()[-1]


def _state_of_place(label: str, ctx: Context | None = None) -> str | None:
    """The state a place lies in: from the reference data, else from the article ('Mozambique's
    Cabo Delgado province')."""
    g = gazetteer()
    if ctx is not None and label in ctx.occupied:
        return ctx.occupied[label]  # "Russian-occupied Crimea"
    parent = ctx.place_parent.get(label) if ctx is not None else None
    if parent and (parent in ctx.occupied or label not in g.place_state):
        return _state_of_place(parent, ctx)  # "Dzhankoi in northern Crimea"
    if label in g.place_state:
        return g.place_state[label]
    if label in g.capital_of:
        return g.capital_of[label]
    return ctx.place_state.get(label) if ctx is not None else None


_HOST_PREP = re.compile(r"\b(?P<p>to|into|in|inside|for|on|at|near|toward|towards|across|serving|throughout|through|within|along|"
                        r"reached|reach|reaches)\s+"
                        r"(?:the\s+|an?\s+)?(?:[a-z][\w-]*\s+){0,3}?(?:(?:[A-Z]\w+['’]s|its|their)\s+)?(?:[A-Z]\w+\s+(?=[a-z]))?"
                        r"(?:[a-z][\w-]*\s+){0,2}$")
_NOT_HOST_BEFORE = re.compile(r"(?:\b(?:stationed|based|from|out\s+of|leaving|left|withdrawn\s+from|"
                              r"pulled\s+out\s+of|border\s+with)\s+(?:in\s+|at\s+)?(?:the\s+)?|"
                              r"\baccording\s+to\s+(?:the\s+)?(?:\w+\s+)?)$")
_RECEIVE = re.compile(r"\b(?:received|receives|receiving|receive|host|hosts|hosted|hosting|welcomed|welcomes|accepted|"
                      r"(?:brought|brings|bringing|bring)\s+in|recruited|recruits|recruiting|enlisted|hired|"
                      r"invited|requested|(?:took|taken|taking|takes)\s+in|(?:asked|asks|asking|called|calls|appealed)\s+for|"
                      r"sought|seeks)\b")
_WITHDRAW = re.compile(r"\b(?:(?:pull|rotat)(?:ed|ing|s|es|e)?\s+(?:[\w,]+\s+){0,6}?(?:out|back)\b|withdr[ae]w\w*|withdrawal|"
                       r"(?:bring|brings|bringing|brought)\s+(?:[\w,]+\s+){0,6}?home\b|"
                       r"(?:left|leav(?:e|es|ing))(?!\s+(?:[A-Z][\w.-]*\s+){0,3}for\b)|"
                       r"exit(?:ed)?|ended|end(?:ing)?\s+(?:its|their)|redeploy\w*\s+(?:home|back))\b", re.I)
_START_VERB = re.compile(r"\b(?:deploy\w*|sent|sen[dt]s?|arriv\w+|dispatch\w*|mov(?:ed|ing)|entered|began|"
                         r"started|crossed|since|first)\b", re.I)


def _the_country(ctx: Context, info: SentInfo, sending: str | None, pos: int = 10**9) -> str | None:
    """'the country': the state last named as an actor or a place, not the sending state."""
    idx = ctx.infos.index(info)
    # a state named as a place ("fighting in Ukraine") before one named as an actor ("Russia's spy agency")
    for placed in (True, False):
        for j in range(idx, max(-1, idx - 4), -1):
            t = ctx.infos[j].sent.text
            for m in reversed(ctx.infos[j].mentions):
                if j == idx and m.start >= pos:
                    continue
                if m.type == "State" and m.how in ("name", "metonym", "adj") and m.label != sending and (
                        not placed or (m.how != "adj" and re.search(r"\b(?:in|to|into|inside|on)\s+(?:the\s+)?$",
                                                                    t[max(0, m.start - 10):m.start]))):
                    return m.label
    return None


_FORCE_HEAD = re.compile(r"\b(?:Forces?|Army|Navy|Ministry|Department|Command|Guard|Corps|Defen[cs]e)\b")


def _sending_org(m: Mention) -> str | None:
    """The state a military or government body belongs to: by the data, else by the state's name or
    adjective its own name opens with ("the South African National Defence Force")."""
    g = gazetteer()
    o = g.orgs.get(m.label)
    if o and o.state and o.kind in ("military", "government"):
        return o.state
    if o is None and m.how == "pattern" and _FORCE_HEAD.search(m.surface):
        words = m.surface.split()
        for k in (2, 1):
            st = g.folded_index.get(fold(" ".join(words[:k])))
            if st and st[0] in ("state", "state_adj") and len(words) > k:
                return st[1]
    return None


def _fill_states(ctx: Context, figures: list[Figure], state_adj: dict, frames: list[Figure] | None = None) -> None:
    """Sending state, host state and location from the clause, else from the discourse."""
    for f in figures:
        _resolve_states(ctx, f, state_adj)
    # an exercise's total, or a state's own force on its own soil ("Russia has massed 50,000 troops,
    # including North Koreans, in Kursk"), takes no sending state from the discourse: it is no deployment
    figures[:] = [f for f in figures if not (f.sending is None and (
        getattr(f, "exercise_total", False) or getattr(f, "own_force", False)))]
    _inherit(ctx, figures, frames or [])
    figures[:] = [f for f in figures if not getattr(f, "spread", False)]


_SPEAKER_SENDS = re.compile(r"\s+(?:[\w-]+\s+){0,5}?(?:said|says|announced|confirmed|stated)\s+(?:(?:on|last|this)\s+\w+\s+)?"
                            r"(?:that\s+)?(?:it|they)\s+(?:(?:[\w']+\s+){0,2}?(?:sen[dt]|sends|sending|deploy\w*|dispatch\w*|"
                            r"station\w*|contribut\w+|has|have|had|keeps?|keeping|maintains?)|"
                            # "said on Wednesday that it would hand over the base …, keeping some 80 soldiers"
                            r"(?:[\w'’-]+\s+){1,16}?[\w'’-]+,\s+(?:keeping|leaving|retaining|maintaining))\b")


def _host_candidate(host_c: list, loc_c: list, score: float, m: Mention, state: str) -> None:
    """A host state for a figure, and the named place it was read from as the location, at one score."""
    host_c.append((score, state))
    if m.type == "Place" and m.how == "place":
        loc_c.append((score, m.label))


def _resolve_states(ctx: Context, f: Figure, state_adj: dict) -> None:
    g = gazetteer()
    if True:
        info = f.info
        text = info.sent.text
        a, b = _clause_bounds(info, f.start)
        ms = [m for m in info.mentions if a <= m.start < b]
        sending = f.adj_state
        host_c: list[tuple[float, str]] = []
        loc_c: list[tuple[float, str]] = []
        vm = _DEPLOY_VERB.search(text, a, b)
        verb_pos = vm.start() if vm and vm.start() < f.start + 80 else a
        recv = _RECEIVE.search(text, a, f.start)
        subj_cands: list[tuple[int, str]] = []
        src_spans = [(fr.src_start, fr.src_end) for fr in info.frames if fr.src_start >= 0]
        for m in ms:
            before = text[max(a, m.start - 45):m.start]
            after_verb = m.start >= min(verb_pos, f.start)
            poss_after = text[m.end:m.end + 30]
            st = None
            if m.type == "Place":
                st = _state_of_place(m.label, ctx)
            elif m.type == "State" and m.how in ("name", "metonym", "adj"):
                st = m.label
            hp = _HOST_PREP.search(before)
            if hp and re.search(r"\b(?:after|before|when|while|because|since|until|although|though|said|says)\b", hp.group(0)[len(hp.group("p")):]):
                hp = None  # "fighting in Ukraine after Russia's spy agency said …": Russia is no object of "in"
            if st and m.type == "State" and m.start < f.start and re.match(r"\s+with\b", poss_after) and re.search(
                    r"\b(?:provid|suppl|furnish|reinforc|bolster|assist|help)\w*\s+(?:the\s+)?$", before):
                host_c.append((1 + abs(m.start - f.end) / 100, st))  # "has provided Russia with 11,000 troops"
            if hp is None and st and m.start > f.start and _WITHDRAW.search(text, a, m.start) and \
                    re.search(r"\b(?:from|out\s+of)\s+(?:the\s+)?$", before):
                host_c.append((5 + abs(m.start - f.end) / 100, st))
            if st and after_verb and (hp or (m.type == "State" and re.match(r"['’]s\s+(?:side|war|territory|front|soil|border|\w+\s+region)", poss_after)
                                            and re.search(r"\b(?:to|into|in|on|for|with)\s+$", before))) \
                    and not _NOT_HOST_BEFORE.search(before):
                prep = hp.group("p") if hp else "on"
                if m.type == "State" and m.how == "adj" and not re.match(
                        r"\s+(?:\w+\s+)?(?:port|city|town|region|territory|soil|bases?|side|sites?|factor(?:y|ies)|"
                        r"plants?|camps?|front|ports|units?|regions|schools?|academ(?:y|ies)|colleges?|universit(?:y|ies)|"
                        r"ranges?|training\s+(?:grounds?|centres?|centers?))\b", poss_after):
                    pass
                else:
                    score = (0 if m.start >= f.end else 50) + (0 if prep in ("to", "into") else 10) + \
                        abs(m.start - f.end) / 100
                    host_c.append((score, st))
                    if m.type == "Place" and m.how == "place" and (m.label not in g.capital_of or prep in ("to", "into", "serving", "in", "at")):
                        loc_c.append((score + (5 if prep in ("near",) else 0), m.label))
            elif st and m.start > f.start and re.search(r"\b(?:operat\w+|fl(?:y|ying|ew|own)|patroll?\w*|sail\w*)\s+"
                                                        r"(?:out\s+of|from)\s+(?:the\s+)?$", before):
                # "… would operate from Djibouti": the base they work from hosts them
                _host_candidate(host_c, loc_c, 20 + abs(m.start - f.end) / 100, m, st)
            elif st and m.start > f.start and re.search(r"\b(?:stationed|based)\s+(?:in|at)\s+(?:the\s+)?$", before):
                # "… are stationed in Timbuktu": where they are, weaker than where they were sent
                _host_candidate(host_c, loc_c, 80 + abs(m.start - f.end) / 100, m, st)
            # sending candidates: actors before the figure that are not objects of a preposition
            # (nor the source a statement is attributed to)
            if any(ss <= m.start < se for ss, se in src_spans) and not _SPEAKER_SENDS.match(text, m.end):
                continue  # (but "The Philippine Navy said it plans to send …": the speaker sends)
            if m.start < f.start and (not re.search(r"\b(?:by|from|with|of|and|in|to|into|on|at|for|against|"
                                                    r"near|over|than)\s+(?:the\s+)?$", before) or re.match(
                    # "contrasts with Greece's decision to bring home its … 120 personnel": the state decides
                    r"['’]s\s+(?:\w+\s+)?(?:decision|plan|move|offer|pledge|promise|bid|refusal)\s+to\b", poss_after)):
                if m.type == "State" and m.how in ("name", "metonym", "pron") and not re.match(r"['’]s\s+(?!own\b)", poss_after):
                    subj_cands.append((m.start, m.label))
                elif m.type == "State" and m.how == "adj" and re.search(r"(?:ans|ese|is|ers|ians)$", m.surface) and \
                        not re.match(r"\s*[a-z]", text[m.end:m.end + 3]):
                    subj_cands.append((m.start, m.label))  # "The North Koreans, …, are part of a force of …"
                elif m.type == "State" and m.how == "adj" and re.match(
                        r"\s+(?:[\w-]+\s+){0,2}(?:troops|soldiers|forces|military|army|air\s+force|navy|planes?|"
                        r"aircraft|jets|vessels|ships|personnel|contingents?|units?|fighters|mercenaries|specialists|"
                        r"instructors|advisers|engineers|workers|peacekeepers|government|authorities|"
                        r"defen[cs]e\s+ministry|ministry|delegation|leadership|leader|regime|negotiators|officials|"
                        r"diplomats|envoys|commanders|planners|Ministry|Army|Navy|Air\s+Force|Armed\s+Forces)\b", poss_after):
                    subj_cands.append((m.start, m.label))
                elif m.type == "Person" and ctx.person_state.get(m.label) and re.match(
                        r"\s+(?:\w+\s+){0,2}?(?:(?:has|had|have|will|would|is|was|to|also|reportedly|personally)\s+)*"
                        r"(?:sen[dt]|sends|sending|deploy\w*|dispatch\w*|order(?:ed|s)|approved|authori[sz]ed|"
                        r"pledged|promised|agreed\s+to\s+send)\b", text[m.end:m.end + 50]):
                    subj_cands.append((m.start, ctx.person_state[m.label]))  # "Kim Jong Un sent 6,000 troops"
                elif m.type == "Organization" and _sending_org(m) and (
                        m.label not in gazetteer().orgs or gazetteer().orgs[m.label].kind == "military" or
                        re.match(r"\s+(?:\w+\s+){0,2}(?:to\s+)?(?:send|sent|sends|sending|deploy\w*|dispatch\w*|move|moved|"
                                 r"moving|will|plans)\b",
                                 text[m.end:m.end + 40])):
                    subj_cands.append((m.start, _sending_org(m)))
                elif m.type == "State" and m.how in ("name", "metonym") and re.match(r"['’]s\s+(?:\w+\s+){0,2}(?:army|military|forces|troops|soldiers|contingent|force|units|deployment|junta|government|defen[cs]e\s+ministry|"
                                                                               r"parliament|president|leadership|cabinet|leader|"
                                                                               r"decision|plan|move|offer|pledge|promise|bid|refusal)", poss_after):
                    subj_cands.append((m.start, m.label))
        for m in ms:
            if m.start > f.start and re.search(r"\b(?:left|leave|leaves|leaving|quit|quitting|exited|vacated)\s+(?:the\s+)?$",
                                               text[max(a, m.start - 12):m.start]) and \
                    not re.match(r"(?:['’]s)?\s+(?:[\w'’-]+\s+){0,3}?(?:for|to|bound)\b", text[m.end:m.end + 50]):
                # "… French soldiers left N'Djamena's Adji Kossei base": where they leave was the host
                st = m.label if m.type == "State" and m.how in ("name", "metonym") else (
                    _state_of_place(m.label, ctx) if m.type == "Place" else None)
                if st:
                    _host_candidate(host_c, loc_c, 2 + abs(m.start - f.end) / 100, m, st)
                break
        rel = re.match(r",\s+(?:who|which|that)\s+(?:had\s+|have\s+|were\s+|was\s+)?(?:since\s+|later\s+|then\s+)?"
                       r"(?:arrived|been\s+sent|sent|deployed|moved|stationed|been\s+deployed)\s+(?:in|to|at|into)\s+(?:the\s+)?",
                       text[f.end:f.end + 70])
        if not host_c and rel:
            # "about 11,000 troops, who arrived in the Kursk region in November": where the relative clause puts them
            at = f.end + rel.end()
            for x in info.mentions:
                if x.start == at and x.type in ("State", "Place"):
                    st = x.label if x.type == "State" else _state_of_place(x.label, ctx)
                    if st:
                        _host_candidate(host_c, loc_c, 30, x, st)
                    break
        wm = re.search(r",\s*where\s+[^,;]*$", text[:f.start])
        if not host_c and wm:
            # "That leaves Djibouti, where about 1,500 French troops are based"
            ante = [m for m in info.mentions if m.end <= wm.start() and not text[m.end:wm.start()].strip()
                    and m.type in ("State", "Place")]
            if ante:
                st = ante[-1].label if ante[-1].type == "State" else _state_of_place(ante[-1].label, ctx)
                if st:
                    host_c.append((90, st))
                    if ante[-1].type == "Place":
                        loc_c.append((90, ante[-1].label))
        host = min(host_c)[1] if host_c else None
        location = min(loc_c)[1] if loc_c else None
        if recv and subj_cands:
            # "Burkina Faso received its first Africa Corps contingent": the subject is the host
            rs = [c for c in subj_cands if c[0] < recv.start()]
            if rs and host is None:
                host = rs[0][1]
            subj_cands = [c for c in subj_cands if c[0] > recv.start()]
        if sending is None:
            # "8,000 Wagner fighters": the force named in the noun phrase; "300 soldiers of the Chinese
            # People's Liberation Army": the force they belong to
            of_m = re.match(r"\s+of\s+(?:the\s+|its\s+|their\s+)?", text[f.end:f.end + 12])
            of_at = f.end + of_m.end() if of_m else -1
            for m in ms:
                if (f.start <= m.start < f.end or m.start == of_at) and m.type == "Organization" and _sending_org(m):
                    sending = _sending_org(m)
                    break
                if m.start == of_at and m.type == "State" and m.how in ("adj", "name") and re.match(
                        r"(?:['’]s)?\s+(?:[A-Z][\w'’-]*\s+){0,4}(?:Army|Forces|Navy|Guard|Corps|military|army|forces)\b",
                        text[m.end:m.end + 60]):
                    sending = m.label
                    break
        if sending is None:
            # "a Norwegian NASAMS detachment of some 100 soldiers": the unit the figure is counted in
            um = re.search(r"\b(?:an?|the|its|their)\s+(?P<adj>[A-Z][\w-]+)\s+(?:[\w-]+\s+){0,3}?(?:detachment|"
                           r"contingent|battalion|unit|team|battery|company|brigade|regiment|squadron|mission|task\s+force)"
                           r"\s+of\s+(?:\w+\s+){0,3}$", text[max(a, f.start - 90):f.start])
            st = gazetteer().folded_index.get(fold(um.group("adj"))) if um else None
            if st and st[0] == "state_adj":
                sending = st[1]
        if sending is None:
            # "a contingent of 120 from the UK's Royal Air Force": the force they came from
            fm = re.match(r"\s+from\s+(?P<the>the\s+)?", text[f.end:f.end + 12])
            if fm:
                at = (f.end + fm.end(), f.end + fm.start("the") if fm.group("the") else -1)
                for m in ms:
                    if m.start in at and m.type == "State" and m.how in ("name", "adj", "short") and re.match(
                            r"(?:['’]s)?\s+(?:[A-Z][\w-]*\s+){0,3}(?:Air\s+Force|Army|Navy|Forces|Marines|Guard|Corps)\b",
                            text[m.end:m.end + 60]):
                        sending = m.label
                    elif m.start in at and m.type == "Organization" and _sending_org(m):
                        sending = _sending_org(m)
        if sending is None and not _WITHDRAW.search(text, a, b):
            # "3,000 troops were moved from North Korea to Russia": where they came from sends them
            for m in ms:
                if m.start > f.start and m.type == "State" and m.how in ("name", "metonym") and m.label != host and \
                        re.search(r"\b(?:from|out\s+of)\s+(?:the\s+)?$", text[max(a, m.start - 12):m.start]) and \
                        re.search(r"\b(?:mov|sen[dt]|transferr?|shipp(?=ed|ing)|deploy|dispatch|brought|bring|flown|fly|flew|ferr|"
                                  r"airlift|cross|arriv|redeploy|rotat)\w*", text[f.start:m.start]) and \
                        not re.search(r"\b(?:border|front|away)\s+$", text[max(a, m.start - 25):m.start - 5]):
                    sending = m.label
                    break
        if sending is None and not subj_cands and re.match(r"(?:which|who|whose)\b", text[a:a + 6]):
            # "France, which withdrew its last 130 soldiers …": the antecedent is the subject
            ante = [m for m in info.mentions if m.end <= a and re.fullmatch(r"\s*,?\s*", text[m.end:a])
                    and m.type == "State" and m.how in ("name", "metonym")]
            if ante:
                subj_cands.append((ante[-1].start, ante[-1].label))
        if sending is None and subj_cands and host and all(c[1] == host for c in subj_cands) and f.count and \
                not recv and not re.search(r"\b(?:its|their)\s+(?:own\s+)?(?:troops|soldiers|forces|personnel)\b",
                                           text[a:f.start]):
            f.own_force = True  # type: ignore[attr-defined]
        if sending is None and subj_cands:
            # the actor nearest before the figure (the subject of the deploying verb)
            cands = [c for c in subj_cands if c[1] != host]
            if cands:
                sending = cands[-1][1]
        if sending is None:
            pm = re.search(r"\b(?:its|their)\s+(?:own\s+)?(?:troops|soldiers|forces|military|personnel|workers)",
                           text[a:b])
            if pm:
                subj = [m for m in ms if m.type == "State" and m.how in ("name", "metonym") and m.start < pm.start() + a]
                if subj:
                    sending = subj[0].label
        if host is None and re.search(r"\b(?:on|in|into|onto)\s+its\s+(?:own\s+)?(?:soil|territory|land)\b", text[a:b]):
            # "Chad … has questioned the presence of U.S. special forces on its soil": the subject hosts them
            subj = [m for m in info.mentions if m.type == "State" and m.how in ("name", "metonym")
                    and m.start < f.start and m.label != sending]
            if subj:
                host = subj[0].label
        if host is None:
            lead = re.match(r"(?:In|Inside)\s+(?:the\s+)?(?:(?:neighbou?ring|nearby|northern|southern|eastern|western|"
                            r"central|north-eastern|north-western|south-eastern|south-western)\s+)?", text)
            if lead:
                lm = [m for m in info.mentions if m.start == lead.end() and m.type in ("State", "Place")]
                if lm:
                    host = lm[0].label if lm[0].type == "State" else _state_of_place(lm[0].label, ctx)
        if host == sending:
            host = None
        if location and _state_of_place(location, ctx) not in (host, None):
            location = None
        if host is None and re.match(r"\s+(?:[\w-]+\s+){0,2}across\s+(?:the\s+)?(?:Sahel|region|continent|Africa|Middle\s+East|"
                                     r"Europe|Asia|Gulf|Balkans|Baltics|Baltic\s+states|Horn\s+of\s+Africa)\b", text[f.end:]):
            f.spread = True  # type: ignore[attr-defined]  # "deployed 5,100 troops across the Sahel": no one host
        f.sending, f.host, f.location = sending, host, location


def _inherit(ctx: Context, figures: list[Figure], frames: list[Figure]) -> None:
    frames = [fr for fr in frames if not getattr(fr, "info_has_figure", False)]
    _inherit_inner(ctx, figures, frames)


def _inherit_inner(ctx: Context, figures: list[Figure], frames: list[Figure]) -> None:
    """Fill what a figure's own sentence leaves open from the discourse: the deployment stated just
    before it (a figure-less frame in the previous sentence, or the previous figure), else the
    article's main pair of states."""
    pairs: dict[tuple[str, str], int] = {}
    for f in figures:
        if f.sending and f.host:
            pairs[(f.sending, f.host)] = pairs.get((f.sending, f.host), 0) + 1
    # the article's main pair of states: the pair its figures name most, with the headline's pair
    # counted as one and a half figures (it states what the article is about)
    title_pair = _pair_from_text(ctx, title_only=True)
    if title_pair:
        pairs[title_pair] = pairs.get(title_pair, 0) + 1.5
    main = max(pairs, key=pairs.get) if pairs else _pair_from_text(ctx)
    order = {id(i): n for n, i in enumerate(ctx.infos)}
    prev: Figure | None = None
    fi = -1
    for f in figures:
        si = order[id(f.info)]
        # the most recent frame before this figure's sentence (or in it, before the figure)
        while fi + 1 < len(frames) and (order[id(frames[fi + 1].info)] < si or
                                         (frames[fi + 1].info is f.info and frames[fi + 1].start < f.start)):
            fi += 1
        frame = frames[fi] if fi >= 0 and (order[id(frames[fi].info)] < si or (
            frames[fi].info is f.info and frames[fi].start < f.start)) else None
        frame_si = order[id(frame.info)] if frame else -10
        prev_si = order[id(prev.info)] if prev else -10
        ctx_item = frame if frame is not None and frame_si >= prev_si and (frame.info is not f.info or True) else prev
        own_verb = _has_deploy_verb_own(f) or _explicit_sending(f)
        continues = ctx_item is not None and order[id(ctx_item.info)] >= si - 2
        if f.sending is None:
            # (a frame about a war — "Ukraine launched its operation in the Kursk region" — sends no one)
            if ctx_item is not None and ctx_item.sending and ctx_item.sending != f.host and \
                    (ctx_item.sending, ctx_item.host) not in lexicon().adversaries:
                f.sending = ctx_item.sending
            elif prev and prev.sending and prev.sending != f.host and (prev.sending, prev.host) not in lexicon().adversaries:
                f.sending = prev.sending
            elif main and main[0] != f.host:
                f.sending = main[0]
        if f.host is None and (re.search(r"\b(?:from|out\s+of|in|to|into|inside)\s+the\s+(?:country|region)\b",
                                         _clause_text(f)) or (_WITHDRAW.search(_clause_text(f)) and not re.search(
                                             r"\b(?:from|out\s+of)\s+[A-Z]", _clause_text(f)))):
            # "withdrew its last 130 soldiers from the country": the country the article is about
            for item in (ctx_item, prev):
                if item is not None and item.host and item.host != f.sending:
                    f.host = item.host
                    break
            else:
                f.host = _the_country(ctx, f.info, f.sending, f.start)
        if f.host is None and prev is not None and prev.info is f.info and prev.host and prev.host != f.sending \
                and f.count is not None and f.sending:
            gap = f.info.sent.text[prev.end:f.start]
            if len(gap) <= 80 and not re.search(r"[.;:]", gap) and not _DEPLOY_VERB.search(gap) and re.search(
                    r"(?:,|\band|\bas\s+well\s+as)\s+(?:(?:some|about|around|roughly|nearly|almost|more\s+than|over|up\s+to|"
                    r"at\s+least|an\s+estimated|approximately)\s+)?$", gap):
                # "hosts about 4,000 US personnel at Camp Lemonnier, some 1,500 French troops, and …": one host
                f.host = prev.host
        if f.host is None and main and f.sending and main[1] != f.sending and \
                (f.sending, main[1]) not in lexicon().adversaries and re.search(
                    r"\b(?:contribut\w+|join\w*|add\w*|commit\w*)\b[^.;]{0,60}$", f.info.sent.text[:f.start]) and re.match(
                    r"[^.;]{0,60}?\b(?:to|with)\s+the\s+(?:[\w-]+\s+){0,3}(?:force|mission|contingent|coalition|operation|"
                    r"battlegroup|battle\s+group|brigade)\b", f.info.sent.text[f.end:]) and not re.search(
                    r"\b(?:its|their)\s+own\b|\bborder\b|\bhome\b", _clause_text(f)):
            # "Norway will contribute a smaller unit of 200 soldiers to the Swedish-led force": the mission's host
            f.host = main[1]
        if f.host is None and main and f.sending and f.sending != main[0] and main[1] != f.sending:
            # "A French contingent of around 300 troops serves alongside the British in the battlegroup": where
            # the force it serves beside is
            for x in f.info.mentions:
                if x.type == "State" and x.label == main[0] and x.start > f.end and re.search(
                        r"\b(?:alongside|beside|together\s+with)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$",
                        f.info.sent.text[max(f.end, x.start - 40):x.start]):
                    f.host = main[1]
                    break
        if f.host is None:
            if ctx_item is not None and ctx_item.host and ctx_item.sending == f.sending and (
                    continues or not main or main[0] != f.sending or ctx_item.host == main[1]):
                # (a frame several sentences back that sent the same state elsewhere — "was preparing to send
                # combat troops to the Donetsk front in Ukraine" — yields to the story's main pair)
                f.host = ctx_item.host
            elif prev and prev.host and prev.sending == f.sending:
                f.host = prev.host
            elif main and main[0] == f.sending:
                f.host = main[1]
            elif main and f.sending and main[1] != f.sending and own_verb and \
                    (f.sending, main[1]) not in lexicon().adversaries and \
                    not re.search(r"\b(?:border|frontier|home|its\s+own|their\s+own|territory|soil|at\s+the|in\s+the|to\s+the)\b",
                                  _clause_text(f)[f.end - _clause_bounds(f.info, f.start)[0]:]) and \
                    any(m.type == "State" and m.label == main[1] for j in (si - 1, si) if j >= 0
                        for m in ctx.infos[j].mentions):
                # "… officers serving in Haiti … Guatemala has deployed 150 military police officers": another
                # contributor to the mission the article is about
                f.host = main[1]
        if f.host is None and f.sending:
            # "… 40 Chinese military engineers are working in Gorno-Badakhshan Autonomous Region": a place
            # nobody could put in a state lies in the country the story is about
            a, b = _clause_bounds(f.info, f.start)
            text = f.info.sent.text
            unplaced = [x for x in f.info.mentions if x.type == "Place" and f.end <= x.start < b and
                        _state_of_place(x.label, ctx) is None and
                        re.search(r"\b(?:in|at|near|to|into|inside|on)\s+(?:the\s+)?(?:[a-z]+\s+){0,3}(?:of\s+)?$",
                                  text[max(a, x.start - 40):x.start])]
            if unplaced:
                # (the story's host first: "The Luftwaffe will send … 150 personnel to Malbork air base" in a story
                # about air defence in Poland; then the country last named)
                st = (main[1] if main and main[1] != f.sending else None) or _the_country(ctx, f.info, f.sending, f.start)
                if st and st != f.sending and (f.sending, st) not in lexicon().adversaries:
                    f.host = st
                    if f.location is None:
                        f.location = unplaced[0].label
        if ctx_item is frame and frame is not None and continues and not own_verb and f.count is not None \
                and not f.adj_state and frame.sending == f.sending and frame.host == f.host:
            # "… will put thousands of its personnel to work in Kursk. … the package consists of 1,000 sappers"
            if f.location is None and frame.location:
                f.location = frame.location
            f._inherit_status = _status(_clause_text(frame))  # type: ignore[attr-defined]
            f._inherit_date = _frame_date(ctx, frame)  # type: ignore[attr-defined]
        if prev is not None and prev.info is f.info and f.location is None and prev.location and not own_verb \
                and prev.sending == f.sending and prev.host == f.host and f.count is not None:
            # "1,000 sappers … and 5,000 military builders": one package, one place
            f.location = prev.location
            if getattr(prev, "_inherit_status", None):
                f._inherit_status = prev._inherit_status  # type: ignore[attr-defined]
        if f.sending == f.host:
            f.host = None
        prev = f
    # "North Korea sent 3,000 troops to Russia. They are now in Kursk.": the next sentence places them
    for f in figures:
        if f.location is not None or f.count is None or not f.host:
            continue
        si = order[id(f.info)]
        if si + 1 >= len(ctx.infos) or any(g.info is ctx.infos[si + 1] for g in figures if g.count):
            continue
        nxt = ctx.infos[si + 1]
        pm = _THEY_IN.match(nxt.sent.text)
        if pm:
            for x in nxt.mentions:
                if x.start == pm.end() and x.type == "Place" and _state_of_place(x.label, ctx) == f.host:
                    f.location = x.label
                    break
    # an article that says its troops were "deployed to <place>" without a figure: the first figure
    # of the original deployment went there
    dep_place = _figureless_place(ctx)
    if dep_place:
        firsts = [f for f in figures if f.location is None and f.count and f.host == _state_of_place(dep_place, ctx)
                  and f.info is not None]
        if firsts:
            firsts[0].location = dep_place


_THEY_IN = re.compile(r"(?:They|The\s+(?:troops|soldiers|forces|personnel|units|workers|engineers)|(?:Most|Many|All|Some)\s+of\s+"
                      r"(?:them|those|these|the\s+\w+))\s+(?:are|were|have\s+been|had\s+been)\s+(?:now\s+|currently\s+|"
                      r"mostly\s+|reportedly\s+|already\s+)?(?:(?:stationed|deployed|based|positioned|located|being\s+trained|"
                      r"training|fighting|gathered|massed)\s+)?(?:in|at|near)\s+(?:the\s+)?")


def _clause_text(f: Figure) -> str:
    a, b = _clause_bounds(f.info, f.start)
    return f.info.sent.text[a:b]


def _frame_date(ctx: Context, fr: Figure) -> tuple[str | None, str | None] | None:
    a, b = _clause_bounds(fr.info, fr.start)
    for d in fr.info.dates:
        if d.value and a <= d.start < b and d.start >= fr.start - 40 and not _SPEECH_DATE.search(
                fr.info.sent.text[max(0, d.start - 25):d.start]):
            return d.value, d.end_value
    return None


def _explicit_sending(f: Figure) -> bool:
    a, b = _clause_bounds(f.info, f.start)
    return any(m.type == "State" and m.how in ("name", "metonym") and m.start < f.start
               and re.search(r"\b(?:sen[dt]|deploy\w*|dispatch\w*|mov\w+|agreed|will)\b", f.info.sent.text[m.end:f.start])
               for m in f.info.mentions if a <= m.start < b)


def _figureless_place(ctx: Context) -> str | None:
    for info in ctx.infos:
        for m in re.finditer(r"\b(?:troops|soldiers|forces)\s+(?:deployed|sent|dispatched)\s+(?:to|in)\s+(?P<p>[A-Z]\w+)",
                             info.sent.text):
            label = None
            for x in info.mentions:
                if x.start == m.start("p") and x.type == "Place" and x.label not in gazetteer().capital_of:
                    label = x.label
            if label:
                return label
    return None


def _has_deploy_verb_own(f: Figure) -> bool:
    text = f.info.sent.text
    return bool(re.search(r"\b(?:sen[dt]|deploy\w*|dispatch\w*|mov(?:ed|e)|transferr?\w*|station\w*)\b"
                          r"[^.;]{0,60}\b(?:to|into|in)\s+[A-Z]", text))


def _pair_from_text(ctx: Context, title_only: bool = False) -> tuple[str, str] | None:
    """The (sending, host) pair the title or the first paragraph states."""
    from .entities import find_mentions
    for text in [ctx.title] + ([] if title_only else [i.sent.text for i in ctx.infos[:3]]):
        ms = [m for m in find_mentions(text) if m.type in ("State", "Place")]
        send, host = None, None
        for m in ms:
            before = text[max(0, m.start - 12):m.start]
            st = m.label if m.type == "State" else _state_of_place(m.label, ctx)
            if not st:
                continue
            if re.search(r"\b(?:to|into|in|for)\s+$", before):
                host = host or st
            elif send is None:
                send = st
        if send and host and send != host:
            return send, host
    return None


def _clause_bounds(info: SentInfo, pos: int) -> tuple[int, int]:
    from .sentences import clauses
    for a, b in clauses(info.sent.text):
        if a <= pos < b:
            return a, b
    return 0, len(info.sent.text)


def _status(text: str) -> str:
    if _STATUS_DENIED.search(text):
        return "denied"
    if _STATUS_PREDICTED.search(text):
        return "predicted"
    if _STATUS_PLANNED.search(text):
        return "planned"
    return "reported"


_DECISION = re.compile(r"\b(?:ordered|orders|agreed|agrees|approved|approves|decided|decides|pledged|pledges|promised|"
                       r"revoked|revokes|scrapped|cancell?ed|terminated|suspended|"
                       r"promises|authori[sz]ed|authori[sz]es|voted|votes|signed|announced|announces)\b")
_DECISION_DATE = re.compile(r"\b(?:ordered|agreed|approved|decided|pledged|promised|authori[sz]ed|voted|signed|"
                            r"announced)\s+(?:on\s+|in\s+)?$", re.I)
_DECISION_AFTER = re.compile(r"\s*(?:,\s*)?(?:the\s+\w+\s+|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}\s+)?(?:ordered|agreed|approved|"
                             r"decided|pledged|promised|authori[sz]ed|voted)\b")
_SPEECH_DATE = re.compile(r"\b(?:said|says|told\s+\w+(?:\s+(?:in|at)\s+[A-Z][\w-]*)?|reported|announced|stated|added|revealed|"
                          r"confirmed|acknowledged|admitted|estimated|believed|assessed|claimed|warned|indicated|predicted|"
                          r"wrote|noted|denied|disclosed)\s+(?:on\s+|in\s+(?:a|an|its|their|the)\s+(?:[\w-]+\s+){1,2}?(?:on\s+)?)?$",
                          re.I)  # ("told lawmakers in Seoul on Tuesday", "said in an update late last month")


_BACK_ARRIVAL = re.compile(r"\b(?:[Tt]he|[Tt]hese|[Tt]hose|[Tt]hey|[Mm]ost\s+of\s+them|[Tt]he\s+first\s+of\s+them)\b"
                           r"(?:\s+[\w-]+){0,3}?\s*(?:,[^,]{0,80},\s*)?\s+(?:(?:had|have|were|was)\s+)?(?:all\s+)?"
                           r"(?:landed|arrived|began\s+arriving|started\s+arriving|began\s+to\s+arrive|"
                           r"(?:been\s+)?(?:deployed|sent|dispatched|moved|flown|shipped|transferred)(?:\s+in\s+stages)?)\b")


def _next_sentence_date(ctx: Context, f: Figure) -> tuple[str | None, str | None] | None:
    """'About 100 Russian instructors have arrived in Niger. … where the instructors landed on
    Wednesday evening', 'The reinforcements were deployed in stages between July and September':
    the next sentences, speaking of the same personnel, date their arrival."""
    a, b = _clause_bounds(f.info, f.start)
    if _status(f.info.sent.text[a:b]) in ("predicted", "planned"):
        return None  # what may yet be sent has not arrived
    order = ctx.infos.index(f.info)
    head = (f.kind or "").split()[-1:] or ["troops"]
    for nxt in ctx.infos[order + 1:order + 3]:
        text = nxt.sent.text
        if any(_personnel_any().match(text, x.end() + 1) or re.match(r"\s+(?:[\w-]+\s+){1,3}", text[x.end():])
               and _personnel_any().search(text, x.end(), x.end() + 40) for x in _NUM_RE.finditer(text)):
            return None  # a sentence with a figure of its own speaks of that one
        for bm in _BACK_ARRIVAL.finditer(text):
            np = text[bm.start():bm.end()]
            if not re.search(r"\b(?:they|them|" + re.escape(head[0]) + r"|troops|soldiers|reinforcements|personnel|forces|"
                             r"units|contingent)\b", np, re.I):
                continue
            for d in nxt.dates:
                if d.value and bm.end() <= d.start <= bm.end() + 60 and not _SPEECH_DATE.search(
                        text[max(0, d.start - 25):d.start]):
                    return d.value, d.end_value
    return None


def _fill_dates_status_source(ctx: Context, f: Figure) -> None:
    info = f.info
    text = info.sent.text
    a, b = _clause_bounds(info, f.start)
    # dates in the clause not tied to a speech verb; nearest to the figure, after it preferred
    best = None
    src_spans = [(fr.src_start, fr.src_end) for fr in info.frames if fr.src_start >= 0]
    rel = re.search(r",?\s+(?:where|which|whom|whose|when)\b|\s[—–]\s|,?\s+(?:after|before|since|as|following)\s+"
                    r"(?:it|they|he|she|its|their|the\s+\w+|[A-Z]\w+)\s+(?:\w+\s+)?\w+ed\b|"
                    r"\s+that\s+(?:[\w'’-]+\s+){1,4}?(?:signed|agreed|approved|concluded|reached|adopted|ratified|"
                    r"announced|struck)\b", text[f.end:b])  # "… under a protocol that the two countries signed in August"
    rel_at = f.end + rel.start() if rel else b
    for d in info.dates:
        if not d.value or d.start < a or d.start >= b:
            continue
        if _SPEECH_DATE.search(text[max(0, d.start - 45):d.start]):
            continue
        if any(ss <= d.start < se for ss, se in src_spans):
            continue  # "according to a letter made public last week": the source's date
        lead = re.match(r"[^,]{0,50},\s*", text)
        if lead and d.end <= lead.end() and re.search(
                r"\b(?:said|says|told|reported|announced|stated|estimated|assessed|claimed|warned|confirmed)\b",
                text[lead.end():f.start]):
            continue  # "On Wednesday, the NIS said 3,000 troops had …": the day of the statement
        if d.start >= rel_at and not re.search(r"\bthe\s+first\s+of\s+(?:whom|which|them)\s+(?:\w+\s+){0,2}(?:arrived|"
                                                r"deployed|landed|came|were\s+deployed)\b", text[f.end:d.start]):
            continue  # "…, where Ukraine has held territory since August": another clause's date
            # (but "400 officers …, the first of whom arrived in June 2024": their start)
        if _DECISION_DATE.search(text[max(0, d.start - 25):d.start]) or (
                d.end <= f.start and _DECISION.search(text[d.end:f.start])) or (
                d.start >= f.end and _DECISION_AFTER.match(text[d.end:d.end + 40])):
            continue  # the date a deployment was ordered, agreed or approved is not its start
        if d.start >= f.end:
            dist = d.start - f.end
        else:
            dist = (f.start - d.end) * 1.5 + 5
        if best is None or dist < best[0]:
            best = (dist, d)
    if best is None:
        # "about 11,000 troops, who arrived in the Kursk region in November": the relative clause dates their arrival
        rm = re.match(r"\s*,\s+(?:who|which)\s+(?:had\s+|have\s+)?(?:first\s+)?(?:arrived|landed|came|were\s+(?:deployed|sent|"
                      r"moved|flown|transferred))\b[^,;]*", text[f.end:])
        if rm:
            ds = [d for d in info.dates if d.value and f.end <= d.start < f.end + rm.end()
                  and not _SPEECH_DATE.search(text[max(0, d.start - 45):d.start])]
            if ds:
                best = (0, ds[0])
    clause_text = text[a:b]
    withdraw = _WITHDRAW.search(clause_text)
    if withdraw and f.count is not None:
        # "France, whose soldiers first deployed in January 2013, pulled out its 2,400 troops in August 2022"
        ends = [d for d in info.dates if d.value and a <= d.start < b and d.start > withdraw.start()]
        # a start date comes from a start verb said of the same sending state ("France, whose soldiers
        # first deployed to Mali in January 2013, pulled out …"), not of others in the sentence
        send_at = [x.start for x in info.mentions if x.label == f.sending and x.type == "State"]
        starts = [d for d in info.dates if d.value and d.start < withdraw.start() + a and
                  (sv := _START_VERB.search(text[max(0, d.start - 60):d.start])) and
                  any(p < max(0, d.start - 60) + sv.start() for p in send_at)]
        if ends and re.search(r"\b(?:pulled|withdrew|withdrawn|left|ended|completed|redeployed|rotated)\b", clause_text):
            f.end_date = ends[0].value
            f.start_date = starts[0].value if starts else None
        else:
            f.start_date = starts[0].value if starts else None
        best = None
    if best and f.count is None and best[1].end <= f.start - 15:
        best = None  # a figure-less deployment takes no date from before its verb ("approved on Tuesday … to send")
    if best:
        d = best[1]
        f.start_date, f.end_date = d.value, d.end_value
        if re.search(r"\b(?:until|till|by|before)\s+(?:the\s+end\s+of\s+|late\s+|early\s+|mid-?)?$",
                     text[max(0, d.start - 20):d.start]) or re.match(r"(?i:until|till|by|before)\b", d.text):
            f.start_date, f.end_date = None, d.value  # "could have 10,000 troops there by December"
    elif not withdraw and getattr(f, "_inherit_date", None):
        f.start_date, f.end_date = f._inherit_date  # type: ignore[attr-defined]
    if f.start_date is None and f.end_date is None and f.count and not withdraw:
        nd = _next_sentence_date(ctx, f)
        if nd:
            f.start_date, f.end_date = nd
    # status (a relative clause after the figure, "… where the two countries plan to …", is not its status)
    # the figure's own verb group: what comes after it up to the next coordinated verb phrase
    # ("has sent about 3,000 soldiers to Russia so far this month and could have …": reported)
    rel = re.search(r",?\s+(?:where|which|whom|whose)\b|,\s|\s(?:and|but|while|whereas)\s+(?!\d)|"
                    r"\s(?:that|which)\s+(?:\w+\s+)?(?:will|would|is\s+to|are\s+to)\b", text[f.end:b])
    st_text = text[a:f.end + rel.start()] if rel else clause_text
    st = _status(st_text)
    if withdraw and re.search(r"\b(?:withdr\w+|pull\w*)\b", clause_text):
        st = "reported"  # the troops being pulled out are there
    if st == "reported":
        whole = _status(text[:f.end])  # a prediction framing the figure comes before it
        if whole in ("predicted",) and re.search(r"\b(?:assess|expect|predict|forecast|likely)", text[:f.end], re.I):
            st = whole
        elif whole == "planned" and f.elliptic is False and re.search(r"\bwill\b", text[f.start:]) and not re.search(
                r"\b(?:that|which|who|where)\s+(?:\w+\s+)?will\b", text[f.start:]):  # ("an exercise that will run")
            st = whole
    inh = getattr(f, "_inherit_status", None)
    if st == "reported" and inh in ("planned", "predicted") and not _FRAME_VERB.search(clause_text):
        st = inh
    if st == "reported" and _STATUS_CONFIRMED.search(text) and f.sending and any(
            m.label in (f.sending, f.host) and m.how in ("name", "metonym") for m in info.mentions
            if m.start < f.start):
        st = "confirmed"
    f.status = st
    # who asserts it
    fr = ctx.frame_for(info, f.start)
    if fr and not _frame_is_actor_of_deployment(fr, f):
        f.according_to = [fr.source]
    # modality
    if st == "denied":
        f.modality = "negated"
    elif st == "predicted":
        f.modality = "anticipated"
    elif st in ("announced", "planned"):
        f.modality = "intended"
    elif fr and _BELIEF.search(fr.verb or "") or (fr and _BELIEF.search(text[max(0, fr.verb_start - 2):fr.verb_end + 2])):
        f.modality = "believed"
    elif f.according_to:
        f.modality = "attributed"


def _frame_is_actor_of_deployment(fr, f: Figure) -> bool:
    return False


_TOTAL_WORDS = re.compile(r"\b(?:total|totals|totalling|totaling|in\s+all|altogether|combined|overall|bringing|brings|"
                          r"all\s+told|together)\b", re.I)


def _drop_sums(figures: list[Figure]) -> list[Figure]:
    """A total that only sums other figures of the same deployment is not a figure of its own."""
    if len(figures) < 3 or len(figures) > 200:
        return figures
    by_sent: dict[int, list[Figure]] = {}
    for f in figures:
        if f.count:
            by_sent.setdefault(id(f.info), []).append(f)
    order = {id(f.info): n for n, f in enumerate(figures)}  # figures come in text order
    sums: dict[tuple[str | None, int], list[tuple[Figure, Figure]]] = {}
    for group in by_sent.values():
        for i, x in enumerate(group[:20]):
            for j, y in enumerate(group[i + 1:20], i + 1):
                if x.sending == y.sending:
                    sums.setdefault((x.sending, x.count + y.count), []).append((x, y))
                    # ("made up of 120 infantry soldiers, 20 military police officers and 10 medical personnel")
                    for z in group[j + 1:12]:
                        # (not with a subtotal among them: "1,000 sappers and 5,000 builders – the 6,000-strong force")
                        if z.sending == x.sending and max(x.count, y.count, z.count) * 2 != x.count + y.count + z.count:
                            sums.setdefault((x.sending, x.count + y.count + z.count), []).append((x, z))
    counts: dict[str | None, list[int]] = {}
    for f in figures:
        if f.count:
            counts.setdefault(f.sending, []).append(f.count)

    out = []
    for f in figures:
        parts = sums.get((f.sending, f.count), []) if f.count else []
        # a total the text gives first (a headline, a lead the body then breaks down) or as a total ("in all",
        # "bringing the total to") sums the parts; a later figure that happens to equal two earlier ones
        # ("more than 15,000 workers" after "10,000 troops … 5,000 builders") stands
        told_as_total = bool(_TOTAL_WORDS.search(f.info.sent.text))
        if any(told_as_total or order[id(f.info)] <= order[id(x.info)] for x, _y in parts) \
                and counts[f.sending].count(f.count) == 1:
            continue
        out.append(f)
    return out


_GENERIC_KIND = re.compile(r"^(?:(?:military|combat|army|ground|regular)\s+)?(?:troops?|soldiers?|forces|personnel|"
                           r"servicemen|service\s+members)$", re.I)


_COMBATANTS = re.compile(r"\b(?:fighters|mercenaries|contractors|servicemen|combatants|units|men|troops|soldiers|forces|"
                         r"personnel)$", re.I)


def _kind_key(kind: str | None) -> str:
    return (kind or "").lower().split()[-1].rstrip("s") if kind else ""


def _merge_restated(deps: list[dict]) -> list[dict]:
    out: list[dict] = []
    for d in deps:
        twin = next((o for o in out if _same_figure(o, d)), None)
        if twin is None:
            out.append(d)
            continue
        twin["sources"].extend(x for x in d["sources"] if x not in twin["sources"])
        for k in ("location", "start", "end"):
            if twin[k] is None and d[k] is not None:
                twin[k] = d[k]
        if not twin["according_to"] and d["according_to"]:
            twin["according_to"] = d["according_to"]
        if twin["personnel"][0]["qualifier"] is None:
            twin["personnel"][0]["qualifier"] = d["personnel"][0]["qualifier"]
    return out


def _same_figure(a: dict, b: dict) -> bool:
    """The same head count restated in another sentence ("11,000 soldiers from the North" …
    "11,000 North Korean troops"): same states and count, no conflicting date, kinds alike."""
    pa, pb = a["personnel"][0], b["personnel"][0]
    if pa["count"] is None or pa["count"] != pb["count"] or a["sources"][0] == b["sources"][0]:
        return False
    if (a["sending_state"] or {}).get("id") != (b["sending_state"] or {}).get("id") or \
            (a["host_state"] or {}).get("id") != (b["host_state"] or {}).get("id"):
        return False
    if a["start"] and b["start"] and a["start"] != b["start"]:
        return False
    if a["end"] and b["end"] and a["end"] != b["end"]:
        return False
    ka, kb = (pa["kind"] or "").lower(), (pb["kind"] or "").lower()
    return ka.rstrip("s") == kb.rstrip("s") or bool(_GENERIC_KIND.match(ka) and _GENERIC_KIND.match(kb))


def _dedupe_deployments(deps: list[dict]) -> list[dict]:
    deps = _merge_restated(deps)
    out: list[dict] = []
    seen: dict[tuple, dict] = {}
    for d in deps:
        p = d["personnel"][0]
        key = ((d["sending_state"] or {}).get("id"), (d["host_state"] or {}).get("id"), p["count"], p["qualifier"],
               p["kind"], d["start"])
        if p["count"] is None:
            key = key[:2] + (None, d["status"], d["sources"][0]["start"])  # one figure-less deployment per sentence
        if key in seen:
            seen[key]["sources"].extend(s for s in d["sources"] if s not in seen[key]["sources"])
            continue
        seen[key] = d
        out.append(d)
    return out


# ================================================================== events ==
_DEPLOY_WORDS = re.compile(r"\b(?:deploy\w*|troops|soldiers|units|sent|dispatch\w*|forces|presence|arriv\w+|personnel|"
                           r"specialists|fighters|contingent)\b", re.I)
_TRIGGERS: list[tuple[str, re.Pattern]] = [
    ("Meeting", re.compile(r"\b(?:(?:presided\s+over|chaired|convened|held|hosted|told|addressed|opened|called)\s+(?:an?|the)\s+"
                           r"(?:[\w-]+\s+){0,3}(?:meeting|session)|"
                           r"[Tt]alks\s+(?:in\s+[A-Z][\w-]+\s+|on\s+\w+\s+)?between|"
                           r"(?:was|were)\s+(?:received|welcomed|hosted|greeted)(?:\s+(?:on|at|in)\s+(?:the\s+)?\w+)?\s+by|summoned(?=\s+(?:the\s+)?(?:[A-Z][\w.-]*\s+){1,5})|"
                           r"shook\s+hands(?:\s+with)?|"
                           r"(?:received|hosted|welcomed|greeted)(?=\s+(?:visiting\s+)?(?:[A-Z][\w.-]*\s+){1,5}|\s+[A-Z][\w.-]*['’]s\s+(?:[a-z-]+\s+){1,4}[A-Z]|"
                           r"\s+(?:the\s+|an?\s+|his\s+|her\s+|their\s+|[A-Z][\w.-]*['’]s\s+)(?:visiting\s+)?(?:[\w’'-]+\s+){1,9}?(?:[\w’'-]+,\s+(?:[A-Z][\w.-]*\s+){1,4}|"
                           r"(?:delegation|team|group)\s+(?:led|headed)\s+by\s+))|sat\s+down\s+(?:with|together|for\s+(?:\w+\s+)?talks)|met(?:\s+with)?|"
                           r"(?:hosted|held|gave|threw)\s+(?:a|an)\s+(?:[\w-]+\s+){0,2}(?:banquet|dinner|reception|luncheon|lunch)\s+"
                           r"(?:for|in\s+honou?r\s+of)|"
                           r"(?:spoke|talked|conferred)\s+(?:by\s+(?:tele)?phone|over\s+the\s+(?:tele)?phone|by\s+video\s+link)\s+with|"
                           r"(?:held|had|holds|has)\s+(?:an?\s+)?(?:\w+\s+)?(?:(?:tele)?phone|video)\s+(?:call|conversation|talks)\s+with|"
                           r"(?:(?:tele)?phone|video)\s+(?:call|conversation)\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|"
                           r"Friday|Saturday|Sunday)\s+)?(?:with|between)|"
                           r"(?:after|before|while|when|since)\s+meeting(?=\s+(?:with\s+)?(?:[A-Z]|his\s|her\s|the\s))|"
                           r"(?:flew|travel(?:l)?ed|went|headed|came|arrived\s+\w+(?:\s+\w+)?)\s+(?:[^.;]|\.(?=\s+\d)){0,60}?\bto\s+meet(?:\s+with)?|meets?\s+with|meeting\s+with|(?:held|hold|holds|holding)\s+"
                           r"(?:\w+\s+)?talks|talks\s+with|(?:held|hold|holds|holding|had)\s+(?:\w+\s+)?discussions\s+with|summit\s+(?:with|in)|their\s+talks|"
                           r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)['’]s\s+(?:talks|meeting|summit))\b")),
    ("Visit", re.compile(r"\b(?:visited|toured|(?<=who\s)(?:was|is|were|are)\s+visiting|(?:a|an|his|her|the|recent|first|second|third|official|state|surprise)\s+"
                         r"(?:[\w-]+\s+){0,2}(?<!\bto\s)(?:visit|trip)|visit\s+(?:to|by)|trip\s+to|(?:Monday|Tuesday|Wednesday|Thursday|"
                         r"Friday|Saturday|Sunday)['’]s\s+(?:trip|visit)|arrived\s+in|traveled\s+to|travelled\s+to|flew\s+(?:in\s+)?to|"
                         r"landed\s+in)\b")),
    ("Agreement", re.compile(r"\b(?:(?<![Dd]ecree\s)(?<!\d,\s)(?:signed|inked)(?!\s+(?:the|an|a)\s+(?:\w+\s+)?order)|(?:an|the|new)\s+agreement|"
                             r"(?:was|were|has\s+been|had\s+been)\s+agreed|agreed\s+to\s+(?:\w+\s+)?(?:withdraw|pull|leave|end|remove|"
                             r"exit)|ratified|ratifies|ratify|concluded\s+an?\s+(?:agreement|treaty|pact)|"
                             r"(?:struck|reached|sealed|clinched)\s+(?:with\s+)?(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}(?:deal|agreement|accord|treaty|pact)|"
                             r"(?:deal|agreement|accord)\s+(?:that\s+)?(?:the\s+)?\w+(?:\s+\w+)?\s+(?:struck|reached|sealed)|"
                             # "The two leaders renewed the bilateral defence agreement"
                             r"(?:renewed|extended)\s+(?:the|an|a|its|their)\s+(?:[\w-]+\s+){0,3}(?:agreement|accord|pact|treaty|"
                             r"memorandum)|"
                             # "the Defence Cooperation Roadmap the two countries agreed in 2024"
                             r"(?:the\s+two\s+(?:countries|sides|governments)|both\s+sides)\s+(?:had\s+)?agreed(?=\s+(?:in|on|last)\b))\b")),
    ("Order", re.compile(r"\b(?:ordered|ordering|instructed|(?:directed|tasked)(?=\s+(?:the\s+)?(?:[\w-]+\s+){1,4}(?:\w+\s+){0,3}?"
                         r"to\s+(?:deploy|send|dispatch|move|prepare|station|withdraw))|"
                         r"issued\s+(?:\w+\s+){0,2}(?:orders?|instructions?|directives?)|"
                         r"gave\s+(?:\w+\s+){0,2}(?:orders?|instructions?)|"
                         r"signed\s+(?:the|an|a)\s+(?:\w+\s+)?order|signed\s+off\s+on|"
                         r"(?:[Dd]ecree|executive\s+order)\b[^.;]{0,40}?\bsigned\s+(?:on\s+[\w\s]{3,20}?\s+)?by|(?:a|the)\s+(?:presidential\s+)?directive\s+(?:issued\s+)?(?:by|from)|"
                         r"(?:on|following)\s+the\s+(?:orders?|instructions?|directives?)\s+of|at\s+the\s+direction\s+of)\b")),
    ("Acknowledgement", re.compile(r"\b(?:acknowledged|acknowledges|admitted|admits|confirmed|confirms)\b")),
    ("Denial", re.compile(r"\b(?:denied|denies|dismissed|rejected|rejects|refuted|called\s+(?:it|them|the\s+(?:[\w-]+\s+){0,4}?[\w-]+)\s+(?:\"|“)?(?:an?\s+)?(?:\w+\s+)?(?:lie|fake|false|baseless|slander\w*|fabricat\w+|groundless|invention|fiction|hoax|fantasy))\b")),
    ("Incursion", re.compile(r"\b(?:incursion|incursions|crossed\s+into|cross-border\s+(?:raid|offensive|attack)|"
                             r"(?:held|seized|captured|occupied|holds|seizing|capturing)\s+(?:a\s+)?(?:swathe|swath|chunk|parts?|"
                             r"pockets?|slice|strip)\s+of\s+(?:territory|land|the\s+(?:[\w-]+\s+)?(?:region|province|oblast|border\s+region)|"
                             r"(?:[A-Z]\w+\s+){1,2}(?:territory|region|oblast))|"
                             r"launched\s+(?:a|an|its|their)\s+(?:\w+\s+){0,2}(?:offensive|incursion|assault|raid)\s+into|"
                             r"launched\s+(?:its|their)\s+(?:[\w-]+\s+){0,2}(?:operation|offensive)\s+in\s+(?:the\s+)?(?=[A-Z]\w+\s+(?:region|oblast|province))|"
                             r"(?:pushed|stormed|swept|poured)\s+into|invasion\s+of|invaded|invades|invading|"
                             r"(?:violated|violating|entered|entering|breached|breaching|intruded\s+into)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+)?airspace|"
                             r"airspace\s+(?:violations?|incursions?)|crossed\s+(?:the\s+)?(?:[\w-]+\s+)?(?:border|frontier)\s+into)\b")),
]
_REPORT = re.compile(r"\b(?:reported|said|says|told|stated|announced|revealed|disclosed|estimated|assessed|"
                     r"(?:warned|wrote|found|concluded|noted|argued)(?=\s+(?:[\w-]+\s+){0,2}in\s+(?:a|an|its|their)\s+"
                     r"(?:[\w-]+\s+)?(?:report|statement|study|paper|assessment|note|briefing|analysis)\b))\b")
_NEG = re.compile(r"\b(?:not|never|no|neither|nor|refused\s+to|declined\s+to)\s+(?:\w+\s+)?$", re.I)
_ACK_SPEECH = re.compile(r"\b(?:said|says|stated|confirmed|told\s+\w+)\b[^.;]{0,30}?\bthat\s+(?:the\s+|its\s+|their\s+)?"
                         r"(?:(?P<adj>[A-Z][\w]+(?:\s+[A-Z]\w+)?)\s+)?"
                         r"(?:soldiers|troops|units|forces|servicemen)\s+(?:had\s+|have\s+)?(?:fought|been\s+fighting|taken\s+part|"
                         r"been\s+involved|"
                         r"were\s+fighting|took\s+part|participated|helped|been\s+deployed|were\s+deployed|"
                         r"(?:were|are)\s+(?:\w+\s+)?(?:there|present|stationed)|(?:had\s+)?arrived)")
# "insisted that his own army was not taking part", "said its troops were not involved"
_DISMISS_CLAIM = re.compile(r"\b(?:said|says|called|described|told\s+\w+)\b[^.;]{0,80}?\b(?:was|were|is|are|as)\s+(?:[\"“]\s*)?"
                            r"(?:an?\s+)?(?:\w+\s+)?(?:propaganda|lies?|fake|false|baseless|groundless|fabricat\w+|nonsense|"
                            r"slander\w*|unfounded|rumou?rs|disinformation|provocation)\b")
_NEG_CLAIM = re.compile(r"\b(?:insisted|insists|maintained|maintains|stressed|reiterated|repeated|said|says|claimed|"
                        r"told\s+\w+)\s+(?:on\s+\w+\s+)?that\s+[^.;]{0,60}?\b(?:was|were|is|are|had|has|have)\s+(?:not|never)"
                        r"\s+(?:been\s+)?(?:taking\s+part|took\s+part|involved|participating|present|there|deployed|"
                        r"fighting|sending|sent|stationed)\b")
# "insisted that no Belarusian soldiers were in Ukraine"; '"There are no Russian troops in Mali," Peskov said'
_NO_TROOPS = re.compile(r"\b(?:[Tt]here\s+(?:are|were|is|was)\s+no|no)\s+(?:[A-Z][\w.-]*\s+){0,2}(?:troops|soldiers|forces|"
                        r"servicemen|military\s+personnel|units|fighters|mercenaries|instructors|contingents?)\s+"
                        r"(?:(?:are|were|have\s+been|had\s+been|is|was)\s+)?(?:(?:now|currently|ever)\s+)?(?:in|on|inside|"
                        r"fighting|deployed|stationed|present|taking\s+part|involved)\b|"
                        # 'said flatly that there was, quote, "no deployment of Turkish troops" to the base'
                        r"\bno\s+(?:deployment|presence|dispatch)\s+of\s+(?:any\s+)?(?:[A-Z][\w.-]*\s+){1,2}(?:troops|soldiers|"
                        r"forces|servicemen|military\s+personnel|units)\b")
_THANK = re.compile(r"\b(?:thank(?:ed|ing|s)?|prais(?:ed|ing|es))\b[^.;]{0,110}\b(?:troops|soldiers|servicemen|units|fighters)\b")


_ACTOR_NOUN_AFTER = re.compile(r"\s+(?:\w+\s+)?(?:delegation|government|authorities|officials|leadership|junta|regime)\b")
_STATE_ACTOR_POSS = re.compile(r"['’]s\s+(?:\w+\s+)?(?:junta|government|regime|authorities|leadership|administration|media|"
                               r"cabinet|military|army|forces|defen[cs]e\s+ministry|foreign\s+ministry|parliament)\b")
_TWO = re.compile(r"\b(?:the\s+two\s+(?:countries|governments|sides|nations|states|allies|leaders)|both\s+countries|"
                  r"both\s+governments|both\s+sides)\b", re.I)


def _actor_groups(ctx: Context, info: SentInfo, lo: int, hi: int, text_masked: str) -> list[list[Mention]]:
    """Actor mentions in [lo, hi), grouped by coordination ('Putin and Kim')."""
    text = info.sent.text
    ms = [m for m in info.mentions if lo <= m.start < hi and m.type in ACTOR_TYPES and text_masked[m.start:m.end].strip()
          and (m.how != "adj" or _ACTOR_NOUN_AFTER.match(text, m.end))]
    groups: list[list[Mention]] = []
    for m in ms:
        if groups:
            last = groups[-1][-1]
            gap = info.sent.text[last.end:m.start]
            if (re.fullmatch(r"\s*,?\s+and\s+(?:(?:[A-Z][\w.’'-]*|the|his|her|its|their|"
                             r"both|prime|minister|president|leader|foreign|defen[cs]e|chief)\s+){0,4}", gap)
                    or (re.fullmatch(r"\s*,\s*(?:[A-Z][\w.’'-]*\s+){0,4}", gap) and m.type == last.type)) \
                    and not re.search(r"\b(?:with|by|of|to|from|in|on)\b", gap):
                groups[-1].append(m)
                continue
            if m.start < last.end:
                continue
        groups.append([m])
    return groups


# honorifics and abbreviated ranks between a preposition or comma and the name ("with Gen. Paul Nang Majok")
_HON = r"(?:(?:Gen|Lt|Col|Maj|Adm|Brig|Capt|Cdr|Sgt|Dr|Mr|Ms|Mrs|Prof|Gov|Sen|Rep|H\.E)\.?\s+)*"


def _subject(ctx: Context, info: SentInfo, seg: tuple[int, int], trig_start: int) -> list[Mention]:
    text = info.sent.text
    masked = ctx.masked_appositives(text)
    groups = _actor_groups(ctx, info, seg[0], trig_start, masked)
    rel = [(r.start(), r.end()) for r in re.finditer(r",\s+(?:who|which)\s[^,;]{3,120},", text[:trig_start])]
    for grp in reversed(groups):
        first = grp[0]
        if any(a < first.start < b for a, b in rel):
            continue  # "Güler, who was accompanied by Gen. Metin Gürak, also met …": the relative clause's object
        before = masked[max(0, first.start - 20):first.start]
        if re.search(r"\b(?:visited|toured|met|thanked|received|hosted|welcomed|urged|told|asked|called)\s+(?:the\s+)?" + _HON + "$",
                     before):
            continue  # "Healey visited Estonia and met …": the object of a verb before is not the subject
        if re.search(r"\b(?:with|by|to|from|for|of|in|at|on|into|about|against|between)\s+(?:the\s+)?" + _HON + "$", before) and \
                not re.search(r"\b(?:delegation|team|mission|group)\s+(?:\w+\s+)?(?:led|headed)\s+by\s+(?:the\s+)?$",
                              masked[max(0, first.start - 50):first.start]):
            # (but "a delegation led by Choe Son Hui arrived": its head is who acts)
            # an object, not the subject; persons inside "according to" too
            continue
        if re.match(r"['’]s\s+(?!side)", text[grp[-1].end:grp[-1].end + 3]) and grp[-1].type == "State" \
                and not _STATE_ACTOR_POSS.match(text, grp[-1].end):
            # "Russia's General Staff": the possessor is not the actor ("Mali's junta" is)
            continue
        return grp
    if masked != text:
        # "The rebel alliance …, the Strategic Framework … (CSP-DPA), said": the name is in the appositive
        groups = _actor_groups(ctx, info, seg[0], trig_start, text)
        for grp in reversed(groups):
            before = text[max(0, grp[0].start - 20):grp[0].start]
            if re.search(r"\b(?:with|by|to|from|for|of|in|at|on|into|about|against|between)\s+(?:the\s+)?" + _HON + "$", before):
                continue
            if re.search(r",\s+(?:the\s+)?" + _HON + "$", before):
                return grp
    if re.match(r"(?:who|which)\b", text[seg[0]:seg[0] + 6]) and seg[0] > 0:
        # "Choe Son Hui, who arrived in Moscow on Oct. 31, was received by Putin": the antecedent
        ante = [m for m in info.mentions if m.end <= seg[0] and m.type in ACTOR_TYPES
                and re.fullmatch(r"\s*,?\s*", text[m.end:seg[0]])]
        if ante:
            return ante[-1:]
    return _state_by_reference(ctx, info, seg, trig_start)


_ACTOR_REF = re.compile(r"(?:\b(?:its|their|[Ii]ts|[Tt]heir)\s+(?:own\s+)?(?:\w+\s+)?|\b(?:[Tt]he)\s+(?:\w+\s+)?)"
                        r"(?:junta|regime|government|authorities|leadership|delegation|military|army|rulers|"
                        r"foreign\s+ministry|defen[cs]e\s+ministry|state\s+media)\b[^,;.]{0,50}$")


def _state_by_reference(ctx: Context, info: SentInfo, seg: tuple[int, int], trig_start: int) -> list[Mention]:
    """'Its delegation at the United Nations on Monday dismissed the reports', 'the regime acknowledged
    the deployment', 'its junta has acknowledged their presence': the state the story is about here,
    the first state named as an actor earlier in the sentence, else in the sentence before."""
    text = info.sent.text
    m = _ACTOR_REF.search(text[:trig_start], seg[0])
    if not m:
        return []
    idx = ctx.infos.index(info)
    for j in (idx, idx - 1):
        if j < 0:
            break
        for x in ctx.infos[j].mentions:
            if j == idx and x.start >= m.start():
                break
            if x.type == "State" and x.how in ("name", "metonym", "pron"):
                return [Mention(m.start(), m.end(), m.group(0), "State", x.label, "desc")]
    return []


_LEADER_OFFICE = re.compile(r"(?i)\b(?:president|prime\s+minister|premier|chancellor|(?:supreme\s+|junta\s+)?leader|king|"
                            r"emir|crown\s+prince|head\s+of\s+state)$")


def _is_leader(ctx: Context, person: Mention) -> bool:
    """A head of state or government: by the reference data at the story's date, or by a title the story gives."""
    if any(_LEADER_OFFICE.search(r["role"]) for r in _valid_roles(person.label, ctx.ref)):
        return True
    for inf in ctx.infos:
        for x in inf.mentions:
            if x.label == person.label and x.how != "pron" and _LEADER_OFFICE.search(
                    re.sub(r"[\s,]+$", "", inf.sent.text[max(0, x.start - 30):x.start]).replace("’s", "").replace("'s", "")):
                return True
    return False


def _last_two_persons(ctx: Context, info: SentInfo, pos: int) -> list[Mention]:
    """The two different people named last before ``pos`` (this sentence, then the one before).

    "The two leaders" are the two heads of state or government named last, further back if need be
    ("The two leaders sat down together again" after a paragraph on ministers' visits)."""
    idx = ctx.infos.index(info)
    if re.match(r"(?i)(?:the\s+two|both)\s+(?:leaders|presidents|heads\s+of\s+state)\b", info.sent.text[pos:pos + 30]):
        leaders: list[Mention] = []
        for j in range(idx, max(-1, idx - 8), -1):
            for x in reversed([x for x in ctx.infos[j].mentions if x.type == "Person" and x.how != "pron"
                               and (j < idx or x.start < pos)]):
                if x.label not in [y.label for y in leaders] and _is_leader(ctx, x):
                    leaders.append(x)
                if len(leaders) == 2:
                    return [Mention(pos, pos + 1, y.surface, "Person", y.label, "desc") for y in leaders]
    seen: list[Mention] = []
    for j in (idx, idx - 1, idx - 2):
        if j < 0:
            break
        ms = [x for x in ctx.infos[j].mentions if x.type == "Person" and (j < idx or x.start < pos)]
        if len({x.label for x in ms if x.how != "pron"}) >= 2:
            # "Kim will travel …, noting that Putin invited him … when the two leaders held talks": the two named
            ms = [x for x in ms if x.how != "pron"]
        for x in reversed(ms):
            if x.label not in [y.label for y in seen]:
                seen.append(x)
            if len(seen) == 2:
                return [Mention(pos, pos + 1, y.surface, "Person", y.label, "desc") for y in seen]
    return []


def _two_parties(ctx: Context, info: SentInfo, seg: tuple[int, int], upto: int) -> list[Mention]:
    """'the two countries', 'both sides' → the pair of states of the deployment the article last named."""
    m = _TWO.search(info.sent.text, seg[0], upto)
    if not m:
        return []
    g = gazetteer()
    for hp in re.finditer(r"\b(?P<a>[A-Z][\w.]*)[-–](?P<b>[A-Z][\w.]*)\b", info.sent.text[:m.start()]):
        # "the UK-Estonia Defence Cooperation Roadmap the two countries agreed": the pair just named
        a, b = (g.folded_index.get(fold(hp.group(k).rstrip("."))) for k in ("a", "b"))
        if a and b and a[1] != b[1] and a[0] in ("state", "state_adj") and b[0] in ("state", "state_adj"):
            return [Mention(m.start(), m.end(), m.group(0), "State", st, "desc") for st in (a[1], b[1])]
    pairs = getattr(ctx, "deploy_pairs", None) or []
    before = [p for pos, p in pairs if pos <= info.sent.start]
    pair = before[-1] if before else (pairs[0][1] if pairs else None)
    if not pair:
        return []
    return [Mention(m.start(), m.end(), m.group(0), "State", st, "desc") for st in pair]


def _object_after(ctx: Context, info: SentInfo, pos: int, hi: int, preps=("with",)) -> list[Mention]:
    text = info.sent.text
    masked = ctx.masked_appositives(text)
    groups = _actor_groups(ctx, info, pos, hi, masked)
    # "with her Russian counterpart Sergei Lavrov": a possessive pronoun is not the object
    groups = [[m for m in g if not (m.how == "pron" and m.surface.lower() in ("his", "her") and
                                    any(x.type == "Person" and 0 < x.start - m.end < 40 and x.how != "pron"
                                        for x in info.mentions))] for g in groups]
    groups = [g for g in groups if g]
    for grp in groups:
        before = text[max(0, grp[0].start - 48):grp[0].start]
        # ("talks with the Force Commander of the MSS, Godfrey Otunge": the title may name its body)
        appos = re.search(r"\b(?:" + "|".join(preps) + r")\s+(?:\w+\s+){0,4}(?P<head>[\w-]+)(?:\s+of\s+(?:the\s+)?"
                          r"[\w.-]+(?:\s+[\w.-]+){0,3})?,\s+" + _HON + "$", before)
        if re.search(r"\b(?:" + "|".join(preps) + r")\s+(?:\w+\s+){0,5}" + _HON + "$", before) or (
                # "talks with her Russian counterpart, Sergei Lavrov": the name after the title
                grp[0].type == "Person" and appos and _rh_re().fullmatch(appos.group("head"))):
            if (grp[0].type == "State" and grp[0].how in ("name", "adj", "metonym")) or grp[0].type == "Organization":
                # "talks with DPRK Foreign Minister Choe Son Hui", "a visit by Russian Security Council secretary
                # Sergei Shoigu": the state or body qualifies the person's title
                titled = [x for x in info.mentions if x.type == "Person" and x.how != "pron" and 0 < x.start - grp[0].end <= 45
                          and (re.fullmatch(r"(?:['’]s)?\s+(?:(?:[A-Z][\w.-]*|[a-z-]+),?\s+){1,7}", text[grp[0].end:x.start])
                               and _rh_re().search(text[grp[0].end:x.start])
                               # "with the Force Commander of the MSS, Godfrey Otunge": the title's holder after it
                               or grp[0].type == "Organization" and re.fullmatch(r",\s+" + _HON, text[grp[0].end:x.start])
                               and _rh_re().search(text[max(0, grp[0].start - 40):grp[0].start]))]
                if titled:
                    return [titled[0]]
            return grp
        break
    return []


_SIDE_NOUN = re.compile(r"\s+(?:officials|delegation|delegations|diplomats|envoys|negotiators|side|team|counterparts|"
                        r"government|authorities)\b")


def _state_side(info: SentInfo, lo: int, hi: int, leading: bool = False) -> list[Mention]:
    """A state standing for its people at a table ("US officials", "the Russian side") between ``lo`` and
    ``hi``; with ``leading`` only right at ``lo`` ("met US officials")."""
    text = info.sent.text
    for x in info.mentions:
        if not (lo <= x.start < hi) or x.type != "State" or x.how not in ("adj", "name", "short"):
            continue
        if leading and not re.fullmatch(r"\s*(?:the\s+|senior\s+|top\s+)*", text[lo:x.start]):
            continue
        if _SIDE_NOUN.match(text, x.end) or (x.how != "adj" and re.match(r"['’]s" + _SIDE_NOUN.pattern, text[x.end:x.end + 30])):
            return [x]
    return []


@lru_cache(maxsize=1)
def _rh_re() -> re.Pattern:
    return re.compile(r"(?i)\b(?:" + _rh() + r")\b")


def _report_date_ok(text: str, d, m: re.Match, reporter: Mention) -> bool:
    """A date is a report's own when it is not inside what was reported ("said that … on Monday") and stands
    by the reporter or leads the sentence ("Last Friday, South Korea's NIS said …")."""
    after = max(m.end(), reporter.end)  # (the reporter may follow the verb: "were announced by X on Sunday")
    return not (d.start > m.end() and (re.search(r"\bthat\b", text[m.end():d.start])
                                       or len(text[after:d.start].split()) > 6)) and (
        d.start >= reporter.start - 20 or d.start < 5 or bool(re.fullmatch(r"(?:[A-Z]\w*\s+){1,2}", text[:d.start])))


def _dates_for(ctx: Context, info: SentInfo, seg: tuple[int, int], trig: re.Match, allow_lead: bool = True,
               others: list[int] | None = None):
    text = info.sent.text
    ds = [d for d in info.dates if d.value and seg[0] <= d.start < seg[1]
          and not (len(d.value) == 4 and re.search(r"\b(?:for|through|until|till|to)\s+(?:the\s+(?:year\s+)?)?$",
                                                   text[max(0, d.start - 20):d.start] + d.text[:-4]))]
    # ("a plan of military cooperation for 2025", "a treaty valid until 2030": the period it covers, not its date)
    if others:
        # a date past another event word belongs to that event (unless the two are one act told by two verbs:
        # "visited Moscow and held talks with Lavrov on Oct. 27")
        others = [o for o in others if not (o >= trig.end() and re.fullmatch(
            r"\s+(?:(?:the\s+)?[A-Z][\w’'-]*\s+){1,3}and\s+", text[trig.end():o]) and re.match(r"visited|toured|arrived", trig.group(0)))]
        ds = [d for d in ds if not any(trig.end() <= o < d.start for o in others)
              and not any(d.end <= o < trig.start() for o in others)]
    # a date possessive right before the trigger ("Tuesday's talks")
    for d in ds:
        if d.text.endswith(("'s", "’s")) and (trig.start() <= d.start < trig.end() or 0 <= trig.start() - d.end <= 1):
            return [d]
    poss = [d for d in ds if d.start >= trig.start() and d.end <= trig.end()]
    if poss:
        return poss
    after = [d for d in ds if d.start >= trig.end()]
    before = [d for d in ds if d.end <= trig.start()]
    if after:
        first = after[0]
        # a list of dates after the trigger: one event per date
        lst = [first]
        for d in after[1:]:
            gap = text[lst[-1].end:d.start]
            if re.fullmatch(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", gap):
                lst.append(d)
            else:
                break
        if before and (first.start - trig.end()) > 60 and (trig.start() - before[-1].end) < 40:
            return [before[-1]]
        return lst
    if before:
        return [before[-1]]
    if allow_lead:
        lead = re.match(r"(?:When|After|As|Once|Following|Before|Since|Shortly after)\b[^,]{0,120},", text)
        if lead:
            ds2 = [d for d in info.dates if d.value and d.start < lead.end()]
            if ds2:
                return [ds2[-1]]
        lead2 = re.match(r"(?:Later|Earlier|Around|At|In|On|By|During|Since|Last|This|Early|Late|Back)\b[^,]{0,40},", text)
        if lead2:
            ds2 = [d for d in info.dates if d.value and d.start < lead2.end()]
            if ds2:
                return [ds2[-1]]
    return []


def extract_events(ctx: Context) -> list[dict]:
    g = gazetteer()
    events: list[dict] = []
    for si, info in enumerate(ctx.infos):
        text = info.sent.text
        found: list[tuple[str, re.Match]] = []
        for etype, rx in _TRIGGERS:
            for m in rx.finditer(text):
                found.append((etype, m))
        for m in _ACK_SPEECH.finditer(text):
            found.append(("Acknowledgement*", m))
        for m in _NEG_CLAIM.finditer(text):
            found.append(("Denial*", m))
        for m in _NO_TROOPS.finditer(text):
            if not any(et == "Denial*" and fm.start() <= m.start() < fm.end() for et, fm in found):
                found.append(("Denial~", m))
        for m in _DISMISS_CLAIM.finditer(text):
            if re.search(r"\b(?:report|reports|claim|claims|accusation|accusations|allegation|allegations|deployment|"
                         r"transfer|transfers)\b", m.group(0)):
                found.append(("Denial*", m))
        for m in _THANK.finditer(text):
            found.append(("Acknowledgement+", m))
        for m in _DATED_AGREEMENT.finditer(text):
            found.append(("Agreement^", m))
        for m in _STUDY_BY.finditer(text):
            found.append(("Report^", m))
        for m in _REPORT_IN.finditer(text):
            found.append(("Report^", m))
        for m in _ACK_UNTIL.finditer(text):
            found.append(("Acknowledgement^", m))
        for m in _REPORT.finditer(text):
            found.append(("Report", m))
        trig_pos = sorted({m.start() for et, m in found if et != "Report"})
        speech_pos = sorted({m.start() for et, m in found if et == "Report"})
        for etype, m in sorted(found, key=lambda x: x[1].start()):
            others = [p for p in trig_pos if p != m.start()]
            if etype not in ("Report", "Acknowledgement", "Acknowledgement*", "Denial", "Denial~"):
                others += [p for p in speech_pos if p > m.start()]  # "…, KCNA reported on Saturday"
            if _NEG.search(text[max(0, m.start() - 25):m.start()]) or re.search(
                    r"\b(?:[Nn]either|nor|not|never)\b(?:\s+[\w’'-]+){0,4}\s+$", text[max(0, m.start() - 60):m.start()]):
                continue  # "Neither Moscow nor Pyongyang has confirmed …", "Putin did not deny it"
            seg = ctx.segment_of(info, m.start())
            participants: list[Mention] = []
            etype_out = etype.rstrip("*+~^")
            # "… in April 2024, state television RTN reported at the time": dated by what it told
            at_the_time = etype == "Report" and bool(re.match(r"\s+at\s+the\s+time\b", text[m.end():m.end() + 14]))
            if etype == "Meeting":
                if re.match(r"\s+(?:with\s+)?(?:the\s+)?(?:[A-Z][\w-]*\s+){1,2}(?:personnel|troops|soldiers|servicemen|peacekeepers|"
                            r"contingent|sailors|crews?)\b", text[m.end():m.end() + 50]):
                    continue  # "met with Turkish personnel serving in Libya": a visit to troops, not two parties meeting
                if m.group(0).startswith("summit") and re.search(
                        r"\b(?:for|to|at|attend\w*|ahead\s+of|before|after|during)\s+the\s+(?:[\w-]+\s+){0,5}$",
                        text[max(0, m.start() - 60):m.start()]):
                    continue  # "in China since Sunday for the Shanghai Cooperation Organisation summit in Tianjin": a gathering
                if re.search(r"\b(?:will|is\s+(?:expected|due|set|scheduled)\s+to|are\s+(?:expected|due|set|scheduled)\s+to|"
                             r"plans?\s+to|intends?\s+to)\b[^.;,]{0,60}$", text[seg[0]:m.start()]) and \
                        re.search(r"talks|meeting|summit", m.group(0)):
                    continue  # "will travel on to Vilnius tomorrow for talks with …": talks still to come
                subj = _subject(ctx, info, seg, m.start())
                led = re.search(r"\b(?:delegation|team)\s*,?\s+(?:led|headed)\s+by\s+", text[:m.start()])
                if led:
                    # "Ukraine's delegation, led by Defence Minister Rustem Umerov, met …": its head meets
                    subj = [x for x in info.mentions if led.end() <= x.start < m.start() and x.type == "Person"][:1] or subj
                if not subj:
                    # "US officials are holding talks with …": the state whose officials act
                    subj = _state_side(info, seg[0], m.start())
                obj = _object_after(ctx, info, m.start(), seg[1], ("with", "between"))
                if not obj and re.fullmatch(r"met|meets?|received|hosted|welcomed|greeted|summoned|.*\bto\s+meet|"
                                                        r".*\b(?:for|honou?r\s+of)|"
                                                        r"(?:after|before|while|when|since)\s+meeting", m.group(0)):
                    obj = [x for x in info.mentions if m.end() <= x.start < m.end() + 70 and x.type == "Person"
                           and x.how != "pron" and not re.match(r"['’]s\b", text[x.end:x.end + 2]) and re.fullmatch(r"\s*(?:(?:[A-Z][\w.’'-]*|[a-z]+),?\s+){0,10}", text[m.end():x.start])][:1]
                if not obj and re.fullmatch(r"received|hosted|welcomed|greeted", m.group(0)):
                    # "received Sudan's army chief and head of the Sovereignty Council, Gen. Abdel Fattah
                    # al-Burhan", "received a Russian military delegation led by Defence Minister Andrei Belousov":
                    # the guest named after a longer title
                    obj = [x for x in info.mentions if m.end() <= x.start < m.end() + 110 and x.type == "Person"
                           and x.how != "pron" and not re.match(r"['’]s\b", text[x.end:x.end + 2])
                           and re.fullmatch(r"\s*(?:(?:[A-Z][\w.’'-]*|[a-z-]+)['’]?s?,?\s+){0,16}", text[m.end():x.start])
                           and not re.search(r"\b(?:from|letter|message|messages|call|report|award|medal|gift|invitation|"
                                             r"said|says|told|that|who|which)\b", text[m.end():x.start])][:1]
                if not obj and "with" in m.group(0):
                    obj = _object_after(ctx, info, m.end(), seg[1], ("with",)) or \
                        [x for x in info.mentions if m.end() <= x.start < m.end() + 60 and x.type == "Person"][:1]
                if not obj and re.fullmatch(r"met(?:\s+with)?|.*talks(?:\s+with)?|meets?\s+with|meeting\s+with|sat\s+down\s+with",
                                            m.group(0)):
                    # "met US officials", "talks with the Russian side": the state whose officials they are
                    w = re.match(r"\s+with\b", text[m.end():m.end() + 6]) if m.group(0).endswith("talks") else None
                    lo = m.end() + (w.end() if w else 0)
                    if w or not m.group(0).endswith("talks"):
                        obj = _state_side(info, lo, min(seg[1], lo + 30), leading=True)
                if m.group(0).endswith("between"):
                    # "talks in Washington between Deputy Secretary of State Kurt Campbell and Niger's prime
                    # minister, Ali Lamine Zeine": the people named after "between"
                    after = [x for x in info.mentions if m.end() <= x.start < seg[1] and x.type in ("Person", "State")
                             and not (x.type == "State" and re.match(r"['’]s?\s", text[x.end:x.end + 3]))]
                    persons = [x for x in after if x.type == "Person"][:2]
                    subj, obj = [], (persons if len(persons) == 2 else after[:2])
                if re.search(r"\sby$", m.group(0)):
                    # "Belousov was received by Kim Jong Un"
                    obj = [x for x in info.mentions if m.end() <= x.start < m.end() + 40 and x.type == "Person"][:1]
                if not subj and not obj and m.group(0).startswith("their"):
                    ps = [x for x in info.mentions if x.type == "Person" and x.start < m.start()]
                    participants = ps
                else:
                    participants = subj + obj
                participants = [p for p in participants if p.type in ("Person", "State")]
                if len({p.label for p in participants}) < 2:
                    pm2 = re.search(r"\b(?:[Tt]he\s+two\s+(?:leaders|men|ministers|presidents|envoys|officials)|"
                                    r"[Bb]oth\s+(?:leaders|men|ministers))\b", text[seg[0]:m.start()])
                    if pm2:
                        # "The two leaders held talks for about nine hours": the two people named last
                        participants = _last_two_persons(ctx, info, seg[0] + pm2.start()) or participants
                own_meeting = re.match(r"(?:presided|chaired|convened|held|hosted|told|addressed|opened|called)", m.group(0)) and \
                    "meeting" in m.group(0)
                if len({p.label for p in participants}) < (1 if own_meeting else 2):
                    continue
            elif etype == "Visit":
                if re.search(r"\b(?:could|might|may)\s+(?:\w+\s+){0,2}$|\b(?:possibility|possible|possibly|chance|"
                             r"speculation|rumou?rs?)\b[^.;,]{0,60}$", text[max(seg[0], m.start() - 80):m.start()]):
                    continue  # "a possibility Kim Jong Un could make a trip to Russia next year": no visit took place
                if re.fullmatch(r"the\s+(?:visit|trip)", m.group(0)) and re.search(
                        r"\b(?:during|on|throughout|after|before|ahead\s+of)\s+$", text[max(0, m.start() - 15):m.start()]):
                    continue  # "…, who also met Radakin during the visit": the visit the text already told
                by = re.match(r"\s*(?:by|of)\s+", text[m.end():m.end() + 8]) or (
                    re.match(r"(?:visit|trip)\b", m.group(0).split()[-1]) and
                    re.match(r"(?:\s+to\s+(?:the\s+)?[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)?)?\s+by\s+", text[m.end():m.end() + 50]))
                if by:
                    # "the June 17 visit to Pyongyang by Sergei Shoigu"
                    participants = _object_after(ctx, info, m.end(), seg[1], ("by", "of"))
                if not participants:
                    # "on Zameer's first official visit to India": whose visit the possessive says
                    participants = [x for x in info.mentions if x.type == "Person" and x.how != "pron"
                                    and re.fullmatch(r"['’]s\s+", text[x.end:m.start()])]
                if not participants:
                    own = [x for x in info.mentions if x.type == "Person" and x.how == "pron"
                           and m.start() - 25 <= x.start <= m.end() + 25]
                    # (a pronoun after the verb is the visitor only when the clause names none before it:
                    # "No Kwang Chol visited Moscow, where he and …" is his visit)
                    participants = [x for x in own if x.start <= m.start()] or _subject(ctx, info, seg, m.start()) or own
                    if participants and _personnel_any().search(text, participants[-1].end, m.start()):
                        continue  # "He said another 1,500 troops had arrived in the region": troops, not him
                if not participants:
                    # "counting a visit in March": the visitor of the sentence's other visit
                    participants = [x for x in info.mentions if x.type == "Person" and x.how == "pron"
                                    and seg[0] <= x.start < seg[1]]
                participants = [p for p in participants if p.type == "Person"][:2] or \
                    [p for p in participants if p.type == "State" and p.how == "adj"][:1]
                if not participants:
                    continue
            elif etype == "Agreement":
                if re.search(r"anniversary", text[max(seg[0], m.start() - 60):m.start()]):
                    continue
                subj = _subject(ctx, info, seg, m.start())
                window_lo = max(seg[0], m.start() - 70)
                ps = [x for x in info.mentions if window_lo <= x.start < m.start() and x.type == "Person"]
                if len({p.label for p in ps}) < 2:
                    # "when Pistorius and the then Lithuanian defence minister, Arvydas Anušauskas, signed …"
                    pair = re.search(r"(?P<a>[A-Z][\w’'-]+)\s+and\s+(?:the\s+)?(?:then\s+|former\s+)?(?:[A-Za-z-]+\s+){0,4}"
                                     r"(?:[\w-]+,\s+)?(?:[A-Z][a-z]{0,3}\.\s+)?(?P<b>[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,3}),?\s+$",
                                     text[max(seg[0], m.start() - 120):m.start()])
                    if pair:
                        lo2 = max(seg[0], m.start() - 120)
                        two_ps = [x for x in info.mentions if x.type == "Person" and lo2 + pair.start() < x.end
                                  and x.start < m.start()]
                        if len({p.label for p in two_ps}) >= 2:
                            ps = two_ps
                two = _two_parties(ctx, info, (max(seg[0], m.start() - 80), seg[1]), m.end() + 40)
                if two and re.match(r"(?i)the\s+two\s+leaders", two[0].surface):
                    # "The two leaders signed a mutual defence treaty": the two people named last, not the states
                    two = _last_two_persons(ctx, info, two[0].start) or two
                if m.group(0).startswith("ratif") and any(p.type in ("Person", "State") for p in subj):
                    # "Kim Jong Un has ratified a mutual defense treaty with Russia": the ratifying party
                    participants = [p for p in subj if p.type in ("Person", "State")][:1]
                elif len({p.label for p in subj if p.type in ("Person", "State")}) >= 2:
                    participants = [p for p in subj if p.type in ("Person", "State")]
                elif len({p.label for p in ps}) >= 2:
                    participants = ps
                elif two:
                    participants = two
                else:
                    sts = [x for x in info.mentions if seg[0] <= x.start < seg[1] and x.type == "State"
                           and x.how in ("name", "metonym")]
                    participants = sts
                    if len({p.label for p in participants}) < 2 and subj and subj[0].type == "State":
                        # "the deal the North struck with Moscow", "Lithuania signed its own contract with KNDS
                        # Deutschland": the state or the company on the other side
                        obj = _object_after(ctx, info, subj[-1].end, seg[1], ("with",))
                        participants = subj + [o for o in obj if o.type in ("State", "Organization")][:1]
                if len({p.label for p in participants}) < 2:
                    # "the Treaty on Comprehensive Strategic Partnership between Russia and the DPRK, which was
                    # signed in Pyongyang on June 19, 2024": the parties the treaty's name gives
                    named = list(re.finditer(r"\b(?:treaty|agreement|accord|pact|deal|protocol|memorandum|Treaty|Agreement|"
                                             r"Accord|Pact|Protocol|Memorandum)\b[^.;]{0,60}?\bbetween\s+", text[:m.start()]))
                    bt = named[-1] if named else None  # the name nearest before the verb
                    if bt and m.start() - bt.end() < 120:
                        pair = [x for x in info.mentions if bt.end() <= x.start < bt.end() + 50 and x.type == "State"
                                and x.how in ("name", "metonym", "short")][:2]
                        if len({p.label for p in pair}) == 2:
                            participants = pair
                if len({p.label for p in participants}) < 2:
                    two_m = re.search(r"\b[Tt]he\s+two\s+(?:leaders|men|ministers|presidents|envoys|officials)\b|"
                                      r"\b[Tt]he\s+two\s+(?:also\s+|then\s+|later\s+)?$|"
                                      r"\b[Bb]oth\s+(?:leaders|men|ministers)\b", text[seg[0]:m.start()])
                    if two_m:
                        # "The two leaders signed a mutual defence treaty": the two people named last
                        participants = _last_two_persons(ctx, info, seg[0] + two_m.start()) or participants
                by = re.match(r"\s+by\s+", text[m.end():m.end() + 6])
                if by:
                    # "The treaty was signed by Russian President Vladimir Putin and … Kim Jong Un"
                    agents = [x for x in info.mentions if m.end() <= x.start < seg[1] and x.type == "Person"][:3]
                    if agents:
                        participants = agents
                ca, cb = _clause_bounds(info, m.start())
                if len({p.label for p in participants}) < 2 and re.search(r"\bratif", text[ca:cb]):
                    # "Kim signed a decree on Monday ratifying the treaty": one party's ratification
                    participants = [p for p in subj if p.type in ("Person", "State")][:1] or \
                        [x for x in info.mentions if ca <= x.start < m.start() and x.type in ("Person", "State")
                         and x.how in ("name", "metonym", "short", "pron")][-1:]
                if len({p.label for p in participants}) < (1 if re.search(r"\bratif", text[ca:cb]) else 2):
                    continue
            elif etype == "Agreement^":
                # "under a 2011 agreement between Sudan and South Sudan", "a 1982 protocol": a standing
                # agreement the story recalls, between the states it names or the two the story is about
                between = re.match(r"\s+(?:between|with)\s+", text[m.end():m.end() + 12])
                sts = [x for x in info.mentions if x.type == "State" and x.how in ("name", "metonym", "adj")]
                if between:
                    lo = m.end() + between.end()
                    participants = [x for x in sts if lo <= x.start < lo + 60][:2]
                if len({p.label for p in participants}) < 2:
                    participants = sts if len({x.label for x in sts}) == 2 else []
                if len({p.label for p in participants}) < 2:
                    pair = _main_pair(ctx)
                    participants = [Mention(m.start(), m.end(), lbl, "State", lbl, "desc") for lbl in pair] if pair else []
                if len({p.label for p in participants}) < 2:
                    continue
            elif etype == "Acknowledgement^":
                # "Neither Pyongyang nor Moscow admitted the deployment until late April": both did then
                participants = [x for x in info.mentions if m.start() <= x.start < m.start("verb")
                                and x.type in ("State", "Person", "Organization") and x.how in ("name", "metonym", "pattern")]
                if not participants:  # "North Korea did not publicly acknowledge sending troops until April 28"
                    participants = [x for x in info.mentions if x.end <= m.start() and m.start() - x.end <= 40
                                    and x.type in ("State", "Person", "Organization") and x.how in ("name", "metonym", "pattern")
                                    and re.fullmatch(r"\s*(?:had\s+|has\s+|also\s+)?", text[x.end:m.start()])][-1:]
                if not participants:
                    continue
            elif etype == "Report^":
                # "A study by the Korea Institute for Defense Analyses last October put …": the institute reports
                org_at = m.start("org") if m.re.groupindex.get("org2") is None or m.group("org") else m.start("org2")
                participants = [x for x in info.mentions if x.type == "Organization" and x.start == org_at][:1]
                if not participants and "when" in m.re.groupindex and m.group("when"):
                    # the outlet named last before the date ("in the Post-Courier newspaper last Thursday")
                    participants = [x for x in info.mentions if x.type == "Organization"
                                    and m.start() <= x.start and x.end <= m.start("when")][-1:]
                if not participants and m.re.groupindex.get("org2") and m.group("org2"):
                    participants = [x for x in info.mentions if x.type == "Organization"
                                    and m.start("org2") <= x.start < m.end("org2")][:1]
                if not participants:
                    continue
            elif etype in ("Order",):
                if re.search(r"\bin\s+$", text[max(0, m.start() - 4):m.start()]):
                    continue
                if re.search(r"(?:by|from|of)$", m.group(0)):
                    # "following a directive by the Commander in Chief …, Yoweri Museveni, on 1st July": who gave it
                    participants = [x for x in info.mentions if m.end() <= x.start < m.end() + 120 and x.type == "Person"
                                    and x.how != "pron"][:1]
                    if not participants:
                        continue
                    seg = (m.start(), min(seg[1], participants[0].end + 40))
                    subj = participants
                else:
                    subj = _subject(ctx, info, seg, m.start())
                participants = [p for p in subj if p.type in ("Person", "State", "Organization")]
                if not participants:
                    ps = [x for x in info.mentions if x.type == "Person" and x.start < m.start()]
                    participants = ps[-1:]
                participants = [p for p in participants if p.type == "Person"] or participants
                if not participants:
                    continue
            elif etype == "Acknowledgement":
                by = re.match(r"\s+by\s+(?:both\s+)?", text[m.end():m.end() + 15])
                lo = max(0, m.start() - 60)
                said = re.search(r",\s+(?:the\s+)?(?:[\w’'-]+\s+){1,4}$", text[lo:m.start()])
                trailing = said and re.match(r"(?:\s+(?:on|late\s+on|early\s+on|last)\s+\w+)?\s*(?:[.;]|,\s+(?:an?|the|which|"
                                             r"adding|saying|as|after)\b|$)", text[m.end():])
                speaker = [x for x in info.mentions if trailing and lo + said.start() < x.start and x.end <= m.start()
                           and x.type in ("State", "Person", "Organization")]
                if by:
                    subj = _object_after(ctx, info, m.end(), seg[1], ("by", "both"))
                elif speaker and _DEPLOY_WORDS.search(text[:lo + said.start()]):
                    # "The first Egyptian troops … have arrived in Mogadishu, Cairo confirmed on Wednesday": the
                    # reporting clause after the claim names who confirms it
                    subj = speaker
                else:
                    subj = _subject(ctx, info, seg, m.start()) or _two_parties(ctx, info, seg, m.start())
                participants = [p for p in subj if p.type in ("State", "Person", "Organization")]
                if not participants:
                    continue
                # the sending or host state (or their officials) acknowledge a deployment
                if subj is not speaker and not re.search(r"\b(?:deploy\w*|troops|soldiers|units|sent|dispatch\w*|forces|presence|it|them|"
                                 r"arriv\w+|personnel|specialists|fighters|contingent|military)\b",
                                 text[m.start():m.end() + 120], re.I) and not (
                        by and any(x.type == "Organization" and _sending_org(x) and x.start < m.start()
                                   for x in info.mentions)):
                    continue
            elif etype == "Acknowledgement*":
                subj = _subject(ctx, info, seg, m.start()) or _two_parties(ctx, info, seg, m.start())
                # only one who speaks for the sending or host state acknowledges (a NATO spokeswoman reports)
                persons = [p for p in subj if p.type == "Person" and _involved(ctx, p)]
                if persons and _dates_for(ctx, info, seg, m):
                    participants = persons
                else:
                    # the sending or host state itself says its forces are there ("Both governments said at
                    # the time that the forces were there only for the drills")
                    participants = [p for p in subj if _involved(ctx, p)]
                if not participants:
                    continue
            elif etype == "Denial~":
                # the speaker: who said so before the claim, or who is quoted after it
                subj = []
                sv = list(re.finditer(r"\b(?:insisted|insists|said|says|stressed|maintained|maintains|reiterated|claimed|"
                                      r"told\s+\w+)\b", text[:m.start()]))
                if sv:
                    sv_seg = ctx.segment_of(info, sv[-1].start())
                    subj = _subject(ctx, info, sv_seg, sv[-1].start())
                    seg = (sv_seg[0], seg[1])  # "insisted on Monday that no …": the day it was said
                qm = re.search(r"[\"”],?\s+", text[m.end():])
                if not subj and qm:
                    lo = m.end() + qm.end()
                    subj = [x for x in info.mentions if lo <= x.start < lo + 40 and x.type in ("Person", "State", "Organization")
                            and re.match(r"\s*(?:\w+\s+){0,2}(?:said|says|told|added|insisted|stressed)\b", text[x.end:x.end + 40])][:1]
                participants = [p for p in subj if p.type in ("State", "Person", "Organization")]
                if not participants:
                    continue
            elif etype == "Denial*":
                subj = _subject(ctx, info, seg, m.start())
                participants = [p for p in subj if p.type in ("State", "Person", "Organization")]
                if not participants:
                    continue
            elif etype == "Acknowledgement+":
                subj = _subject(ctx, info, seg, m.start())
                participants = [p for p in subj if p.type in ("Person", "State")]
                if not participants:
                    continue
            elif etype == "Denial":
                subj = _subject(ctx, info, seg, m.start())
                participants = [p for p in subj if p.type in ("State", "Person", "Organization")]
                wm = re.search(r",\s+with\s+", text[m.end():])
                if wm:
                    lo = m.end() + wm.end()
                    extra = [x for x in info.mentions if lo <= x.start < lo + 60 and x.type == "Person"]
                    participants += extra[:1]
                if not participants:
                    continue
            elif etype == "Incursion":
                subj = [x for x in info.mentions if x.type == "State" and x.how in ("name", "metonym", "adj", "pron")
                        and x.start < m.start()]
                near = [x for x in subj if x.start >= seg[0]]
                forces = [x for x in subj if re.match(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,2}(?:troops|forces|soldiers|army|"
                                                       r"military|drones|units|tanks|paratroopers)\b", text[x.end:x.end + 40])
                          and not re.search(r"\d", text[max(0, x.start - 12):x.start])]
                poss = [x for x in subj if 0 <= m.start() - x.end <= 30 and re.fullmatch(
                    r"(?:['’]s)?\s+(?:(?:full-scale|surprise|cross-border|failed|August|\d{4}|\w+-\w+)\s+)*", text[x.end:m.start()])]
                its = re.search(r"\b(?:its|their)\s+(?:[\w-]+\s+){0,3}$", text[max(0, m.start() - 40):m.start()])
                named = [x for x in info.mentions if x.type == "State" and x.how in ("name", "metonym")
                         and x.end <= m.start() and m.start() - x.end <= 100 and not re.match(r"['’]s\b", text[x.end:x.end + 2])]
                if named and re.match(r"(?:held|seized|captured|occupied|holds|seizing|capturing)\b", m.group(0)):
                    # "where Ukraine has held a pocket of Russian territory", "where Ukrainian forces seized …"
                    participants = sorted(named + [x for x in forces if x.start >= seg[0]], key=lambda x: x.end)[-1:]
                elif its and named and not m.group(0).lower().startswith(("launched", "invasion")):
                    # "where Ukraine has held a pocket of Russian territory since its cross-border offensive":
                    # "its" is the state the clause is about, not the territory's
                    participants = named[-1:]
                elif m.group(0).lower().startswith("invasion"):
                    participants = poss[-1:]  # "Russia's full-scale invasion of Ukraine"; not "the invasion"
                    if not participants and re.search(r"\b(?:launched|began|started|ordered|its|their)\s+(?:[\w-]+\s+){0,3}$",
                                                      text[max(seg[0], m.start() - 45):m.start()]):
                        participants = near[:1]  # "Russia launched its full-scale invasion of Ukraine"
                elif poss:
                    participants = poss[-1:]  # "Ukraine's incursion", "a Ukrainian incursion"
                elif any(x.start >= seg[0] for x in forces):
                    participants = [x for x in forces if x.start >= seg[0]][-1:]
                elif m.group(0).lower().startswith(("incursion", "cross")):
                    participants = subj[:1]
                else:
                    # "where Ukraine has held a swathe of territory since August": the clause's subject
                    participants = near[-1:] or subj[-1:]
                if not participants:
                    continue
            elif etype == "Report":
                subj = _subject(ctx, info, seg, m.start())
                if re.search(r"\b(?:was|were|had\s+been|has\s+been|have\s+been)\s+$", text[max(0, m.start() - 12):m.start()]) \
                        and re.match(r"\s+by\s", text[m.end():m.end() + 4]):
                    # "The drills were announced by China's Ministry of National Defense on Sunday": the agent reports
                    subj = [x for x in info.mentions if x.type == "Organization" and m.end() < x.start <= m.end() + 30][:1]
                participants = [p for p in subj if p.type == "Organization"]
                if not participants:
                    continue
                ds = _dates_for(ctx, info, seg, m)
                ds = [d for d in ds if d.end <= max(m.end(), participants[0].end) + 40
                      and _report_date_ok(text, d, m, participants[0])] or [
                    d for d in info.dates if d.value and d.end <= participants[0].start
                    and re.fullmatch(r"(?:[A-Z]\w*\s+){0,2}", text[:d.start])][:1]  # "Last Friday, the NIS said …"
                if not ds and at_the_time:
                    ds = [d for d in info.dates if d.value and d.end <= m.start()][-1:]
                if not ds:
                    continue
            # dates
            dates = _dates_for(ctx, info, seg, m, others=others)
            if not dates and etype_out in ("Meeting", "Visit", "Agreement"):
                # "met Lebanese Defence Minister Michel Menassa, who was visiting Dublin, on the 4th": the date
                # after the guest's relative clause is the meeting's
                dates = [d for d in info.dates if d.value and d.start > m.end() and re.fullmatch(
                    r"[^.;,]*,\s+(?:who|which)\s[^,;]*,\s+(?:on\s+|in\s+|last\s+)?", text[m.end():d.start])][:1]
            if etype == "Report" and not [d for d in dates if _report_date_ok(text, d, m, participants[0])]:
                dates = ds[:1]
            if not dates and etype_out in ("Agreement", "Meeting"):
                dur = re.compile(r"\bduring\s+(?:[\w’'.-]+\s+){0,3}(?:visit|trip|summit|talks|stay)\b[^.;]{0,60}").search(
                    text, m.end(), seg[1] if seg[1] > m.end() else len(text))
                if dur:
                    # "signed a treaty during Putin's visit to Pyongyang in June last year": the visit's date
                    dates = [d for d in info.dates if d.value and dur.start() <= d.start < dur.end()][:1]
                elif re.match(r"(?:During|On)\s+the\s+(?:visit|trip)\b", text) and not any(d.value for d in info.dates):
                    # "During the visit, the Defence Secretary and Minister Pevkur signed …": the visit just told
                    told = [e for e in events if e["type"] == "Visit" and e["date"]]
                    if told:
                        dates = [_implied_date(told[-1]["date"])]
            # "a plan of consultations for 2026-2027": the period a plan covers is not when it was signed
            dates = [d for d in dates if not (len(d.value or "") == 4 and re.search(
                r"\bfor\s+(?:the\s+)?(?:years?\s+|period\s+)?$", text[max(0, d.start - 16):d.start]))]
            if not dates and etype_out in ("Meeting", "Visit", "Agreement") and ctx.ref and not any(
                    d.value for d in info.dates) and re.search(
                    r"\b(?:has|have)\s+(?:just\s+|now\s+)?(?:held|met|signed|arrived|begun|started|concluded|opened|landed|"
                    r"flown|gone|travell?ed)\b",
                    text[max(seg[0], m.start() - 30):m.end() + 5]):
                # "Putin and Kim have held talks in Beijing" (a live page, a breaking story): today
                dates = [_implied_date(ctx.ref.isoformat())]
            if etype == "Acknowledgement^":
                dates = [d for d in info.dates if d.value and m.start("until") <= d.start <= m.end() + 2][:1]
                if not dates:
                    continue
            if etype == "Report^":
                dates = [d for d in info.dates if d.value and m.start() <= d.start < m.end()]
                if not dates:
                    continue
            if etype == "Agreement^":
                dates = [d for d in info.dates if d.value and m.start() <= d.start < m.end()] or (
                    [_implied_date(m.group("yr"))] if m.group("yr") else [])
            if not dates and etype_out in ("Meeting", "Visit") and not re.search(
                    r"\b(?:recent|previous|earlier|last|first|second|third|next|upcoming|planned|possible)\s+(?:\S+\s+)?$",
                    text[max(0, m.start() - 25):m.start()]) and not _FUTURE_EV.search(
                    re.sub(r"\"[^\"]*\"|“[^”]*”", " ", text[max(seg[0], m.start() - 60):m.start()])):
                # "Belousov, who arrived in Pyongyang on Friday, held talks with …"; "… insisted on Tuesday
                # … ." "…," he told a meeting of …": a narrated meeting without a date of its own happened
                # on the day the story last named (not a day a statement was made about it)
                same = [d for d in info.dates if d.value and len(d.value) == 10 and d.end <= m.start()
                        and not _SPEECH_DATE.search(text[max(0, d.start - 25):d.start])
                        and not re.match(r"\s*(?:,\s*)?(?:\w+\s+){0,3}(?:said|says|reported|told|announced)\b",
                                         text[d.end:d.end + 40])]
                if same:
                    dates = same[-1:]
                elif not any(d.value for d in info.dates):
                    dates = _recent_day(ctx, info)
            if not dates and etype_out in ("Agreement", "Order", "Meeting", "Visit") and seg[0] > 0 and \
                    re.match(r"(?:,\s*)?and\s", text[seg[0]:seg[0] + 6]):
                # "Kim met Belousov in Pyongyang last November, and the two sides signed a plan": a clause
                # joined by "and" happened when the clause before it did
                prior = [d for d in info.dates if d.value and d.end <= seg[0] and not d.end_value
                         and not _SPEECH_DATE.search(text[max(0, d.start - 25):d.start])]
                # (the clause's own date comes first: "…, and last month No Kwang Chol visited Moscow, where
                # he and Belousov signed a plan")
                own = [d for d in info.dates if d.value and seg[0] <= d.start and d.end <= m.start() and not d.end_value]
                dates = own[:1] or prior[-1:]
            if not dates and etype_out in ("Denial", "Acknowledgement", "Report"):
                # "Moscow dismissed the reports, with Kremlin spokesman Dmitry Peskov calling them 'another
                # fake' on Oct. 21": the participle clause that says how gives the day
                wm = re.compile(r",\s+with\s+[^,;]{0,80}?\b\w+ing\b").search(text, m.end())
                if wm and wm.start() - m.end() < 60:
                    dates = [d for d in info.dates if d.value and d.start > wm.start() and not d.end_value][:1]
            if not dates and etype_out == "Agreement" and not any(d.value for d in info.dates) and re.search(
                    r"\b(?:[Tt]he\s+two\s+(?:governments|men|leaders|sides|countries|ministers|presidents|delegations)|"
                    r"[Bb]oth\s+(?:sides|governments|leaders|men))\b", text[seg[0]:m.start()]):
                # "… held talks with Putin at the Kremlin on Monday. The two governments signed …": at that meeting
                dates = _recent_day(ctx, info, back=1)
            if not dates and not any(d.value for d in info.dates) and etype_out in _EVENT_NOUN:
                # "The order came down in mid-June … Kim Jong Un personally signed the dispatch order":
                # the date given to the same event named just before
                dates = _coreferent_date(ctx, info, etype_out)
            if etype_out in ("Report",) and not at_the_time and etype != "Report^":  # (a dated mention of the report is its own)
                dates = [d for d in dates if _report_date_ok(text, d, m, participants[0])]
            if etype_out in ("Denial", "Acknowledgement"):
                participants = participants + _official_states(ctx, participants, leaders=etype_out == "Denial")
                if etype_out == "Denial" and participants and not any(p.type == "Person" for p in participants):
                    # "N'Djamena denied it on Monday. Chad's communications minister, X, said …": who spoke for it
                    spk = _speaker_for(ctx, si, m.end(), {_as_state(p).label for p in participants})
                    if spk is not None:
                        participants = participants + [spk[0]]
                        if spk[1] is not None and (not dates or (dates[0].value and len(dates[0].value) < 10)):
                            dates = [spk[1]]  # "denied it last month: … said on July 24": the day it was said

            if etype_out != "Report":
                # "North Korea's foreign ministry called the reports groundless": the state denies (only a
                # report is an organization's own event)
                participants = [_as_state(p) for p in participants]
            labels = []
            for p in participants:
                if p.label not in labels:
                    labels.append((p.label, p.type))
            labels = list(dict.fromkeys(labels))
            loc = loc_prep = None
            for x in sorted(info.mentions, key=lambda x: (x.start < m.start(), abs(x.start - m.end()))):
                lm = re.search(r"\b(in|at)\s+(?:the\s+)?$", text[max(0, x.start - 8):x.start])
                if seg[0] <= x.start < seg[1] and x.type == "Place" and lm:
                    loc, loc_prep = x.label, lm.group(1)
                    break
            if etype_out in ("Meeting", "Visit", "Agreement") and re.search(
                    r"\b(?:(?:was|were|has\s+been|had\s+been|been|is|are)\s+(?:\w+\s+)?(?:postponed|cancell?ed|called\s+off|"
                    r"scrapped|shelved|put\s+off|delayed\s+indefinitely)|(?:postponed|cancell?ed|called\s+off)\s+(?:the|a|its|their)\b|"
                    r"never\s+(?:took\s+place|happened|materiali[sz]ed)|did\s+not\s+take\s+place|not\s+on\s+the\s+agenda)\b",
                    text[seg[0]:seg[1]]):
                continue  # "a trilateral meeting … was postponed": no meeting took place
            if len(dates) == 1 and dates[0].value and len(dates[0].value) == 10 and dates[0].end <= m.start() and re.search(
                    r"\b(?:days?|weeks?|hours?|shortly|soon|a\s+few\s+days|months?)\s+(?:after|before)\b",
                    text[dates[0].end:m.start()]):
                # "ordered it on January 9, days after he held talks in Cairo": not that day, that month
                dates = [dataclasses.replace(dates[0], value=dates[0].value[:7], end_value=None)]
            for d in (dates or [None]):
                ev = {"type": etype_out, "label": _event_label(etype_out, labels, m.group(0)),
                      "date": d.value if d else None,
                      "participants": [ref(lbl) for lbl, _t in labels],
                      "location": ref(loc) if loc else None,
                      "sources": [source(info)], "according_to": [], "modality": "asserted"}
                fr = ctx.frame_for(info, m.start())
                if fr and etype_out not in ("Report",) and fr.verb_end <= m.start() and \
                        not any(fr.source.get("label") == lbl for lbl, _ in labels):
                    ev["according_to"] = [fr.source]
                    ev["modality"] = "attributed"
                ev["_at"] = m.start()
                events.append(ev)
                # a meeting in a place is a visit for the participants from elsewhere
                posted = {r["person"]["label"] for r in getattr(ctx, "roles", [])
                          if re.search(r"\b(?:ambassador|envoy to|consul|resident)\b", r["role"], re.I)}
                # (not at a summit in a third country: "met in Astana on the sidelines of the SCO summit")
                pst = _state_of_place(loc, ctx) if loc else None
                third = pst is not None and all(ctx.person_state.get(lbl) not in (None, pst) for lbl, t in labels
                                                if t == "Person") and (re.search(
                    r"\b(?:sidelines|margins)\s+of\b|\bsummit\b", text[m.start():]) or len(
                    {ctx.person_state.get(lbl) for lbl, t in labels if t == "Person"}) >= 2)
                # (two leaders meeting in a third country: where they met, not a visit to its host)
                if etype_out == "Meeting" and loc and loc_prep == "in" and not third:
                    # (whose state a person is: the data, an adjective before the name, else an office the story
                    # gives him: "the US special envoy for Iraq, Mark Savaya")
                    role_st = {r["person"]["label"]: r["of"]["label"] for r in reversed(getattr(ctx, "roles", []))
                               if r.get("of") and r["of"]["label"] in g.states}
                    for lbl, t in labels:
                        home = ctx.person_state.get(lbl) or role_st.get(lbl)
                        if t == "Person" and pst and home and home != pst and lbl not in posted:
                            events.append({"type": "Visit", "label": f"Visit by {lbl}", "date": d.value if d else None,
                                           "participants": [ref(lbl)], "location": ref(loc),
                                           "sources": [source(info)], "according_to": [], "modality": "asserted"})
    # "Admiral Tripathi, who also visited North Island, …": the same trip as the visit told before
    for ev in events:
        if ev["type"] == "Visit" and ev["date"] is None and "_at" in ev and re.search(
                r"\balso\s+(?:\w+\s+)?$", ev["sources"][0]["sentence"][max(0, ev["_at"] - 20):ev["_at"]]):
            who = {x["label"] for x in ev["participants"]}
            before = [o for o in events if o is not ev and o["type"] in ("Visit", "Meeting") and o["date"]
                      and who & {x["label"] for x in o["participants"]}
                      and o["sources"][0]["start"] < ev["sources"][0]["start"]]
            if before:
                ev["date"] = before[-1]["date"]
    # "… in late April, when Mirzo visited Beijing and held talks with Dong Jun", "Kim traveled to Vladivostok and
    # met Putin … on Wednesday": one occasion, one date
    for ev in events:
        if ev["date"] is None and ev["type"] in ("Meeting", "Visit", "Agreement") and "_at" in ev:
            near = [o for o in events if o is not ev and o["date"] and o.get("_at") is not None
                    and o["sources"] == ev["sources"] and o["type"] in ("Meeting", "Visit", "Agreement")
                    and 0 < abs(ev["_at"] - o["_at"]) <= 80 and set(x["label"] for x in o["participants"])
                    & set(x["label"] for x in ev["participants"])]
            if near:
                ev["date"] = near[-1]["date"]
    for ev in events:
        # "Park met Al Mazrouei on Thursday. … Park and Al Mazrouei signed a memorandum": the same two, that day
        parts = {x["label"] for x in ev["participants"]}
        if ev["date"] is None and ev["type"] in ("Meeting", "Agreement") and len(parts) >= 2:
            at = ev["sources"][0]["start"]
            before = [o for o in events if o["date"] and o["type"] in ("Meeting", "Visit", "Agreement")
                      and 0 < at - o["sources"][0]["start"] <= 600 and parts <= {x["label"] for x in o["participants"]}]
            if before:
                ev["date"] = before[-1]["date"]
        if ev["type"] == "Meeting" and re.search(
                r"\b(?:during|on)\s+(?:the|his|her|their|that)\s+(?:visit|trip)\b", ev["sources"][0]["sentence"]):
            # "Umerov, who also met Radakin during the visit": the day of the visit told before
            at = ev["sources"][0]["start"]
            visits = [o for o in events if o["type"] == "Visit" and o["date"] and o["sources"][0]["start"] <= at
                      and parts & {x["label"] for x in o["participants"]}]
            if visits:
                ev["date"] = visits[-1]["date"]
    _denial_voiced(ctx, events)
    starts = [inf.sent.start for inf in ctx.infos]
    for ev in events:
        # "Baghdad denies asking US to stay" (a live page's entry heading, a subheading): present-tense news
        # of the day the page was published
        sent = ev["sources"][0]["sentence"].strip()
        if ev["date"] is None and ctx.ref and "_at" in ev and not sent.endswith((".", "?", "!", "\"", "”")) and \
                len(sent.split()) <= 12 and re.match(r"(?:denies|rejects|confirms|admits|acknowledges|says|meets|signs|"
                                                     r"arrives|visits|orders|dismisses)\b", sent[ev["_at"]:]):
            ev["date"] = ctx.ref.isoformat()
            # the entry's text right after tells the same event more fully ("Iraqi government spokesman Basim
            # al-Awadi has denied reports …"): one event, dated by the heading
            k = bisect.bisect_right(starts, ev["sources"][0]["start"])
            nxt = starts[k] if k < len(starts) else None
            who = {x["label"] for x in ev["participants"]}
            same = [o for o in events if o is not ev and o["type"] == ev["type"] and o["date"] is None
                    and o["sources"][0]["start"] == nxt and who <= {x["label"] for x in o["participants"]}]
            if same:
                same[0]["date"] = ev["date"]
                ev["_drop"] = True
    events[:] = [ev for ev in events if not ev.get("_drop")]
    for ev in events:
        # "… coincided with a visit to India by Foreign Minister Moosa Zameer. Zameer met Jaishankar in New Delhi
        # on Thursday": the visit's talks, told in the next sentence, date it
        if ev["type"] != "Visit" or ev["date"] is not None:
            continue
        who = {x["label"] for x in ev["participants"]}
        at = ev["sources"][0]["start"]
        k = bisect.bisect_right(starts, at)
        nxt = starts[k] if k < len(starts) else None
        talks = [o for o in events if o["type"] == "Meeting" and o["date"] and nxt is not None
                 and at < o["sources"][0]["start"] <= nxt and who <= {x["label"] for x in o["participants"]}]
        if talks:
            ev["date"] = talks[0]["date"]
    for ev in events:
        # "Moldova's intelligence service said on Thursday … Russia's ambassador called the report 'an invention'
        # within hours": the day of the dated event told last before it
        if ev["date"] is None and "_at" in ev and re.search(
                r"\b(?:within\s+(?:hours|minutes)|(?:hours|minutes)\s+later|later\s+(?:that|the\s+same)\s+day|the\s+same\s+day|"
                r"that\s+(?:same\s+)?(?:day|evening|night|morning|afternoon))\b",
                ev["sources"][0]["sentence"][ev["_at"]:]):
            # the last day the story told before this sentence
            days = [d.value for inf in ctx.infos if inf.sent.start < ev["sources"][0]["start"] for d in inf.dates
                    if d.value and len(d.value) == 10 and not d.end_value]
            if days:
                ev["date"] = days[-1]
    for ev in events:
        ev.pop("_at", None)
    return _merge_events(events)


_VOICE_AFTER = re.compile(r"\s*,?\s+(?:said|says|told|added|stressed|insisted)\b")
_VOICE_ROLE = re.compile(r"spokes(?:man|woman|person)|minist|ambassador|envoy|press\s+secretary", re.I)


def _denial_voiced(ctx: Context, events: list[dict]) -> None:
    """'Ankara denied a report … "There is no plan to increase it," ministry spokesperson Zeki Aktürk told a
    briefing': the state's denial is voiced by its official quoted right after, one denial by both."""
    starts = {inf.sent.start: k for k, inf in enumerate(ctx.infos)}
    officials = {}
    for r in getattr(ctx, "roles", []):
        if _VOICE_ROLE.search(r["role"]) and r.get("of"):
            officials.setdefault(r["person"]["label"], set()).add(r["of"]["label"])
    g = gazetteer()
    for ev in events:
        labels = [x["label"] for x in ev["participants"]]
        if ev["type"] != "Denial" or len(labels) != 1 or labels[0] not in g.states:
            continue
        k = starts.get(ev["sources"][0]["start"])
        if k is None:
            continue
        state = labels[0]
        for inf in ctx.infos[k:k + 2]:
            lo = ev["_at"] if inf is ctx.infos[k] else 0
            voices = [x for x in inf.mentions if x.type == "Person" and x.how != "pron" and x.start >= lo
                      and _VOICE_AFTER.match(inf.sent.text, x.end) and x.label in officials
                      and all(o == state or o not in g.states for o in officials[x.label])]
            if voices:
                ev["participants"].append(ref(voices[0].label))
                break


_SPOKES = re.compile(r"spokes(?:man|woman|person)|foreign minist|press secretary", re.I)


_EVENT_NOUN = {"Order": r"\bthe\s+(?:\w+\s+)?orders?\b", "Meeting": r"\bthe\s+(?:\w+\s+)?(?:talks|meeting|summit)\b",
               "Visit": r"\bthe\s+(?:\w+\s+)?(?:visit|trip)\b",
               "Agreement": r"\bthe\s+(?:\w+\s+)?(?:deal|agreement|treaty|pact|accord)\b"}


def _coreferent_date(ctx: Context, info: SentInfo, etype: str) -> list:
    idx = ctx.infos.index(info)
    rx = re.compile(_EVENT_NOUN[etype], re.I)
    for j in range(idx - 1, max(-1, idx - 3), -1):
        prev = ctx.infos[j]
        for nm in rx.finditer(prev.sent.text):
            a, b = _clause_bounds(prev, nm.start())
            ds = [d for d in prev.dates if d.value and a <= d.start < b and not d.end_value
                  and not _SPEECH_DATE.search(prev.sent.text[max(0, d.start - 25):d.start])]
            if ds:
                return ds[:1]
    return []


_FUTURE_EV = re.compile(r"\b(?:will|would|plans?\s+to|planning\s+to|is\s+to|are\s+to|expected\s+to|set\s+to|could|may|might)\b")
_FINITE_PAST = re.compile(r"(?:met|held|holding|hosted|received|welcomed|visited|toured|arrived|travell?ed|told|"
                          r"addressed|chaired|convened|opened|presided|sat)\b")


def _recent_day(ctx: Context, info: SentInfo, back: int = 3) -> list:
    """The last day-precise past date in the few sentences before ``info``."""
    idx = ctx.infos.index(info)
    for j in range(idx - 1, max(-1, idx - 1 - back), -1):
        prev = ctx.infos[j]
        days = [d for d in prev.dates if d.value and len(d.value) == 10 and not d.end_value
                and (ctx.ref is None or d.value <= ctx.ref.isoformat())]
        if days:
            return days[-1:]
    return []


_LEADER = re.compile(r"\b(?:leader|president|prime minister|premier|chancellor|head of state)\b", re.I)


def _involved(ctx: Context, p: Mention) -> bool:
    """An actor that is, or speaks for, a sending or host state of a deployment in the article."""
    g = gazetteer()
    states = {s for _pos, pair in getattr(ctx, "deploy_pairs", []) for s in pair}
    if p.type == "State":
        return p.label in states
    if p.type == "Person":
        return ctx.person_state.get(p.label) in states
    if p.type == "Organization":
        o = g.orgs.get(p.label)
        return bool(o and o.state in states and o.kind in ("government", "military"))
    return False


def _official_states(ctx: Context, participants: list[Mention], leaders: bool = False) -> list[Mention]:
    """A spokesperson or foreign minister speaks for the state: 'Kremlin spokesman Dmitry Peskov
    dismissed …' is a denial by Russia and Peskov; with ``leaders`` so does a head of state or
    government ('Belarus's leader, Alexander Lukashenko, insisted that his army was not …')."""
    g = gazetteer()
    roles = getattr(ctx, "roles", [])
    out = []
    for p in participants:
        if p.type != "Person":
            continue
        for r in roles:
            if r["person"]["label"] != p.label or not r.get("of") or not (
                    _SPOKES.search(r["role"]) or (leaders and (_LEADER.search(r["role"]) or _GOV_ROLE.search(r["role"])))):
                continue
            of = r["of"]["label"]
            st = of if of in g.states else (g.orgs[of].state if of in g.orgs else r.get("_of_state"))
            # ("spokesperson of the Ministry of External Affairs": the ministry's state is its spokesperson's)
            st = st or ctx.person_state.get(p.label)
            if st and st not in [x.label for x in participants]:
                out.append(Mention(p.start, p.end, st, "State", st, "desc"))
            break
    return out


_SAID = re.compile(r"\b(?:said|says|told|insisted|stressed|added|wrote|declared|maintained)\b")


def _speaker_for(ctx: Context, si: int, pos: int, states: set[str]):
    """The official who, right after a state's denial (later in its sentence or first in the next one),
    says so for that state: (mention, the day said) or None."""
    roles = getattr(ctx, "roles", [])
    for k, lo in ((si, pos), (si + 1, 0)):
        if k >= len(ctx.infos):
            break
        info = ctx.infos[k]
        text = info.sent.text
        for x in info.mentions:
            if x.start < lo or x.type != "Person" or x.how not in ("name", "pattern", "short"):
                continue
            if k == si + 1 and x.start > 120:
                break
            whose = {r["of"]["label"] for r in roles if r["person"]["label"] == x.label and r.get("of")}
            whose |= {ctx.person_state.get(x.label)} - {None}
            whose = {_as_state(Mention(0, 0, w, "Organization", w)).label for w in whose} | whose
            sv = _SAID.search(text, x.end, x.end + 140)
            if not (whose & states and sv) or re.search(r"\b(?:to|with|for|by|from|of|and|in)\s+(?:[A-Z][\w.’'-]*\s+){0,4}$",
                                                         text[max(0, x.start - 40):x.start]) or \
                    any(y.type == "Person" and y.label != x.label and x.end <= y.start < sv.start() for y in info.mentions):
                continue  # ("In a message to Vladimir Putin, Lukashenko said": the one spoken to)
            day = next((d for d in info.dates if d.value and len(d.value) == 10 and sv.end() <= d.start <= sv.end() + 12),
                       None)
            return x, day
        if k == si + 1:
            break
    return None


_DATED_AGREEMENT = re.compile(
    r"\b(?:(?:an?|the|under)\s+)(?P<yr>(?:19|20)\d{2})\s+(?:[A-Z][\w-]*\s+){0,3}(?:[a-z-]+\s+)?"
    r"(?:agreement|accord|protocol|treaty|pact|memorandum(?:\s+of\s+understanding)?|Agreement|Accord|Protocol|Treaty|Pact)\b"
    r"|\b(?:agreement|accord|protocol|treaty|pact|memorandum\s+of\s+understanding)\s+signed\s+(?:in|on)\s+"
    r"(?:(?:January|February|March|April|May|June|July|August|September|October|November|December)\s+)?(?:19|20)\d{2}\b"
    # "Under an agreement reached in June, the North is to send …": the deal the story rests on, with its date
    r"|\b(?:[Uu]nder|[Ii]n\s+line\s+with|[Aa]s\s+part\s+of)\s+(?:an?|the)\s+(?:[\w-]+\s+){0,2}(?:agreement|deal|accord|treaty|pact|"
    r"Agreement|Accord|Treaty|Pact)(?:\s+(?:on|of|for)\s+(?:[A-Z][\w-]*\s+){0,4}[A-Z][\w-]*)?,?\s+"
    r"(?:reached|struck|signed|sealed|agreed|concluded)\s+(?:in\s+|on\s+|(?=(?:last|this|earlier)\b))\w")


_ACK_UNTIL = re.compile(r"(?:\b[Nn]either\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}\s+nor\s+[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}"
                        r"\s+(?:had\s+|has\s+)?(?:publicly\s+|officially\s+)?|\b(?:did\s+not|didn't|never|had\s+not|hadn't)\s+"
                        r"(?:publicly\s+|officially\s+)?)(?P<verb>admit|acknowledge|confirm)\w*\b[^.;]{0,70}?"
                        r"(?P<until>\buntil\s+)")
# "a report in the Port Louis daily l'Express last Tuesday, which said …": the outlet, then the report's date
_WEEKDAYS = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_REPORT_IN = re.compile(r"\b(?:[Aa]n?|[Tt]he)\s+(?:[\w-]+\s+)?report\s+(?:in|by|from|on)\s+(?:the\s+)?"
                        r"(?:[A-Z][\w’'-]*\s+){0,3}(?:daily|weekly|newspaper|broadcaster|website|magazine|paper|outlet)?\s*"
                        r"(?P<org>[A-Za-z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,4})"
                        # ("in the Post-Courier newspaper last Thursday", "by the weekly Afrique Horizons, published on Monday")
                        r"(?:\s+(?:newspaper|daily|weekly|website|paper|magazine))?(?:,\s+published)?"
                        r"\s+(?P<when>(?:last|this|on|in|earlier)\s+[\w.]+(?:\s+\d{1,2})?|yesterday)\b|"
                        # "a report in Sunday's Folha de S.Paulo", "in Tuesday's edition of the daily Mihaaru"
                        r"\breport\s+(?:in|by)\s+(?P<when2>" + _WEEKDAYS + r"['’]s)\s+(?:edition\s+of\s+)?(?:the\s+)?"
                        r"(?P<org2>[\w’'.-]+(?:\s+[\w’'.-]+){0,5})")
_STUDY_BY = re.compile(r"\b(?:[Aa]n?|[Tt]he|[Ii]ts)\s+(?:[\w-]+\s+){0,2}(?:study|report|survey|analysis|assessment|paper)\s+by\s+"
                       r"(?:the\s+)?(?P<org>[A-Z])[^,;.]{0,80}?\b(?:published|released)?\s*(?:in\s+|on\s+|last\s+|this\s+)?"
                       r"[^,;.]{0,30}?\b(?:put|found|estimated|said|says|showed|shows|concluded|puts|finds|estimates)\b")


def _implied_date(value: str) -> DateMention:
    """A date the text gives without a date expression of its own (the year in "a 1982 protocol", the story's day)."""
    return DateMention(0, 0, "", value, None)


def _main_pair(ctx: Context) -> tuple[str, str] | None:
    """The two states the story is about: the pair its deployments name most, else the headline's two."""
    pairs: dict[tuple[str, str], int] = {}
    for _pos, pr in getattr(ctx, "deploy_pairs", []):
        pairs[pr] = pairs.get(pr, 0) + 1
    if pairs:
        return max(pairs, key=pairs.get)
    sts = list(dict.fromkeys(m.label for m in _title_states(ctx)))
    return (sts[0], sts[1]) if len(sts) == 2 else None


def _as_state(p: Mention) -> Mention:
    """A state's ministry, government or armed forces stand for the state in a denial or an acknowledgement."""
    g = gazetteer()
    o = g.orgs.get(p.label) if p.type == "Organization" else None
    if o and o.state and o.kind in ("government", "military"):
        return Mention(p.start, p.end, p.surface, "State", o.state, "desc")
    qm = re.fullmatch(r"(?:Ministry|Government|Armed Forces|Army|Foreign Ministry|Defen[cs]e Ministry|Presidency|"
                      r"Cabinet|Military)\b.*\bof\s+(?:the\s+)?(?P<st>.+)", p.label) if p.type == "Organization" else None
    if qm and qm.group("st") in g.states:
        # "Pakistan's foreign ministry" (read as the Ministry of Foreign Affairs of Pakistan)
        return Mention(p.start, p.end, p.surface, "State", qm.group("st"), "desc")
    return p


def _event_label(etype: str, labels: list[tuple[str, str]], trigger: str) -> str:
    names = " and ".join(lbl for lbl, _ in labels[:3])
    return f"{etype}: {names}" if names else etype


def _merge_events(events: list[dict]) -> list[dict]:
    out: list[dict] = []
    for e in events:
        pids = {p["id"] for p in e["participants"]}
        merged = False
        for o in out:
            if o["type"] != e["type"]:
                continue
            oids = {p["id"] for p in o["participants"]}
            if e["type"] == "Visit" and e["label"].startswith("Visit by ") and oids == pids and \
                    o["sources"][0] == e["sources"][0] and o["date"] and e["date"] and o["date"] != e["date"]:
                # a visit read off a meeting repeats the visit the sentence tells ("arrived in Pyongyang on Aug. 14
                # and held talks the following day": the visit began on the 14th)
                merged = True
                break
            same_date = o["date"] == e["date"]
            if same_date and (pids <= oids or oids <= pids):
                if len(pids) > len(oids):
                    o["participants"] = e["participants"]
                    o["label"] = e["label"]
                o["sources"].extend(s for s in e["sources"] if s not in o["sources"])
                if not o.get("location") and e.get("location"):
                    o["location"] = e["location"]
                merged = True
                break
        if not merged:
            out.append(e)
    # one person's visits a day or two apart to the same place (or none named) are one visit, begun on the
    # earlier day ("Lavrov, who is on an official visit to the DPRK, was received on Saturday" … "arrived in
    # Wonsan on Friday evening")
    for e in list(out):
        if e["type"] != "Visit" or not e["date"] or len(e["date"]) != 10:
            continue
        pids = {p["id"] for p in e["participants"]}
        for o in out:
            if o is e or o["type"] != "Visit" or not o["date"] or len(o["date"]) != 10 or o["date"] >= e["date"] \
                    or {p["id"] for p in o["participants"]} != pids:
                continue
            if (date.fromisoformat(e["date"]) - date.fromisoformat(o["date"])).days <= 2 and (
                    not e.get("location") or not o.get("location") or e["location"]["id"] == o["location"]["id"]):
                o["sources"].extend(s for s in e["sources"] if s not in o["sources"])
                if not o.get("location") and e.get("location"):
                    o["location"] = e["location"]
                out.remove(e)
                break
    # an undated event that repeats a dated one (same type, participants among its) is that event
    final = []
    for e in out:
        pids = {p["id"] for p in e["participants"]}
        if e["type"] == "Agreement" and e["date"] and len(e["date"]) == 4:
            # "the 2015 agreement" … "a memorandum signed in March 2015": one agreement, the finer date
            finer = [o for o in out if o is not e and o["type"] == "Agreement" and o["date"] and len(o["date"]) > 4
                     and o["date"].startswith(e["date"]) and {p["id"] for p in o["participants"]} == pids]
            if finer:
                finer[0]["sources"].extend(s for s in e["sources"] if s not in finer[0]["sources"])
                continue
        if e["date"] is None:
            twin = [o for o in out if o is not e and o["type"] == e["type"] and o["date"] is not None
                    and pids <= {p["id"] for p in o["participants"]}]
            if twin:
                twin[0]["sources"].extend(s for s in e["sources"] if s not in twin[0]["sources"])
                continue
        final.append(e)
    return final
