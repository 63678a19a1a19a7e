"""Per-article analysis state shared by the claim extractors.

Holds the body, its sentences, entity mentions (with pronoun and description
mentions resolved), the article date, and helpers to find subjects, speech
frames (who asserts a sentence) and dates attached to a word.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, field
from datetime import date

from .dates import DateMention, find_dates
from .entities import EntityIndex, Mention
from .resources import fold, gazetteer, role_heads_alt
from .sentences import Sentence, clauses
from . import world_places

ACTOR_TYPES = ("Person", "State", "Organization")

_SAID_ON = re.compile(r"\b(?:said|told\s+[\w\s]{1,25}?|announced|reported|stated|added|confirmed|wrote|warned|claimed|"
                      r"revealed|disclosed)\s+(?:on\s+)?$", re.I)
_FUTURE = re.compile(r"\b(?:will|would|shall|to be (?:sent|deployed|dispatched)|plans? to|planning to|"
                     r"is set to|are set to|(?:is|are) expected|expects?|is to|are to|pledged to|"
                     r"promised to|intends? to|likely|could|may|might|next|upcoming|coming)\b")

# a speech verb with its subject before it; the complement follows
SPEECH_VERBS = (r"said|says|say|told|tells|added|noted|stated|reported|reports|report|indicated|indicate|indicates|"
                r"believe|believes|believed|assess|assesses|assessed|estimate|estimates|estimated|claimed|claims|"
                r"claim|warned|announced|announces|revealed|predicts|predicted|predict|confirmed|confirms|"
                r"acknowledged|admitted|suggest|suggests|suggested|show|shows|showed|say|alleged|asserted|"
                r"concluded|judged|judge|think|thinks|expect|expects|insisted|insists|denied|denies|dismissed|rejected")
_SPEECH_FWD = re.compile(r"\b(?:has\s+|have\s+|had\s+)?(?:" + SPEECH_VERBS + r")\b")
_ACCORDING = re.compile(r"\baccording to\s+(?:(?:an?|the)\s+)?(?:(?:new|latest|recent|\w+ly)\s+)?(?:(?:reports?|estimates?|"
                        r"assessments?|statements?|data|figures|analysis|briefings?|documents?)\s+(?:by|from|of)\s+)?"
                        r"(?P<src>[^,;]+?)(?:['’]s)?(?:\s+(?:statement|report|announcement|assessment|estimates?|data|"
                        r"figures|briefing|analysis))?(?=,|;|\.\s+[A-Z\"“]|\.?$)", re.IGNORECASE)
_SPEECH_TAIL = re.compile(r",\s*(?:(?P<pre>said|says|according to|added|told reporters)\s+(?P<src1>(?:the\s+|a\s+)?[A-Z][^,;.]{0,60}?)|"
                          r"(?P<src2>[^,;.]{2,80}?)(?:\s+(?:has|have|had))?\s+(?:said|says|say|added|told [\w\s]+?))\s*\.?$")
# a source phrase may hold initials ("a senior U.S. official") but no sentence-ending full stop
_SC = r"(?:[^,;.]|(?<![A-Za-z][A-Za-z])(?<=[A-Z])\.)"
_SPEECH_MID = re.compile(r",\s+(?P<src>(?:the\s+[\w’'-]+(?:\s+" + _SC + r"{0,60}?)?|[A-Z]" + _SC + r"{1,80}?|(?:[a-z]+\s+){0,2}"
                         r"(?:officials|sources|analysts|diplomats|experts|lawmakers|observers|residents|witnesses|media|"
                         r"authorities|newspapers?|outlets|reports|intelligence|television|broadcasters?)"
                         r"(?:\s+" + _SC + r"{0,40}?)?|an?\s+(?:[\w.’'-]+\s+){0,4}(?:official|source|diplomat|analyst|officer|"
                         r"lawmaker|expert|spokes(?:man|woman|person)|commander|adviser|advisor|aide|researcher|"
                         r"report|document|study|assessment|investigation|analysis|memo|dossier|review|cable|survey)"
                         r"(?:\s+" + _SC + r"{0,40}?)?))\s+(?:(?:has|have|had)\s+)?(?P<verb>said|says|say|added|stated|noted|wrote|warned|claimed|"
                         r"claims|claim|believe|estimate|report|alleges|alleged|insists|insisted|asserts|asserted|maintains|"
                         r"suggests|suggested|found|finds|shows|showed|indicates|indicated|predicts|predicted|argues|argued|"
                         r"reported|reports|estimated|estimates|assessed|assesses|announced|confirmed|concluded|believes|"
                         r"told\s+[A-Z][\w.&’'-]*(?:\s+[A-Z][\w.&’'-]*){0,3}|"
                         r"told\s+(?:reporters|lawmakers|journalists|parliament|\w+\s+media|\w+\s+television|"
                         r"\w+\s+news\s+agenc(?:y|ies)|\w+(?:\s+\w+)?\s+(?:newspaper|daily|agency|broadcaster))|"
                         r"(?:was|were)\s+quoted\s+(?:as\s+saying\s+)?(?:by\s+[^,.;]{1,40})?)"
                         r"(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|yesterday|"
                         r"last\s+\w+|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}|"
                         r"\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?))?(?:\s+in\s+an?\s+(?:\w+\s+)?(?:statement|report|briefing|interview|post|update))?"
                         r"(?:\s+(?:on\s+condition\s+of\s+anonymity|after\s+(?:(?:a|an|the|being)\s+)?[^,.;]{1,60}?|at\s+a\s+(?:\w+\s+)?(?:briefing|"
                         r"news\s+conference|press\s+conference)))?\s*(?=[,.;]|$)")
_PASSIVE_SRC = re.compile(r"\b(?:was|were|has\s+been|have\s+been|had\s+been|is|are)\s+(?:first\s+|also\s+)?(?:confirmed|"
                          r"reported|estimated|announced|disclosed|revealed|assessed)\s+by\s+(?P<src>(?:the\s+)?[A-Z][^,;.]{1,60}?)"
                          r"(?=\s*(?:[,;.]|$|\s+(?:on|in|last|this|as|after|before)\b))")
_APPOSITIVE = re.compile(r",\s+(?!(?:and|but|or|nor|while|which|who|whose|where|when|including|with|without|as|after|"
                         r"before|since|though|although|because|if|that|then|in|on|at|for|from|to|by|of|it|he|she|"
                         r"they|we|not|also|only|even|\w+ing|"
                         # a verb after the subject's appositive is the predicate ("Mali's junta leader, General
                         # Assimi Goita, held talks with President Vladimir Putin …, during …")
                         r"held|met|signed|visited|arrived|hosted|received|welcomed|sent|deployed|announced|agreed|"
                         r"has|had|have|is|was|were|are|will|would|could|can|may|might)\b)"
                         r"(?![^,;]*\b(?:said|says|told|added|reported)\b)"
                         r"(?:the\s+|a\s+|an\s+)?(?:[a-z][\w'’-]*)[^,;]{0,90},")
_PRONOUN = re.compile(r"\b(?:he|him|his|she|her)\b", re.IGNORECASE)
_DESC = re.compile(r"\b(?:(?P<poss>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)['’]s\s+|(?P<det>the|The)\s+(?:(?P<adj>[A-Z][\w]+(?:\s+[A-Z][\w]+)?)\s+)?)"
                   r"(?:top\s+|senior\s+|chief\s+|visiting\s+)?(?:security\s+|defense\s+|defence\s+|foreign\s+)?"
                   r"(?P<noun>official|envoy|diplomat|minister|spokesman|spokeswoman|leader|president|secretary|"
                   r"(?<=Defence\s)Secretary|(?<=Defense\s)Secretary|(?<=Foreign\s)Secretary|(?<=Home\s)Secretary)\b")


@lru_cache(maxsize=1)
def _role_head_re() -> re.Pattern:
    """An office word ("defence minister", "spokesman") from the reference lexicon."""
    return re.compile(r"\b(?:" + role_heads_alt() + r")\b")


@lru_cache(maxsize=1)
def _state_words_map() -> dict[str, str]:
    """Name, short name or adjective → state."""
    out: dict[str, str] = {}
    for st in gazetteer().states.values():
        for n in [st.label] + st.aliases + st.adjectives:
            out.setdefault(n, st.label)
    return out


@dataclass
class Frame:
    """Who a stretch of a sentence is attributed to."""
    verb_start: int      # sentence-relative
    verb_end: int
    source: dict         # {"id"?, "label"}
    forward: bool        # complement after the verb (True) or before it ("…, X said.")
    verb: str = ""
    src_start: int = -1  # where the source phrase is in the sentence
    src_end: int = -1


@dataclass
class SentInfo:
    sent: Sentence
    mentions: list[Mention]            # sentence-relative offsets
    dates: list[DateMention]
    frames: list[Frame] = field(default_factory=list)
    segments: list[tuple[int, int]] = field(default_factory=list)


class Context:
    def __init__(self, body: str, sentences: list[Sentence], index: EntityIndex, ref: date | None,
                 title: str = "") -> None:
        self.body = body
        self.sentences = sentences
        self.index = index
        self.ref = ref
        self.title = title
        self.person_state: dict[str, str] = {}
        self.place_state: dict[str, str] = {}   # places the data does not know, placed by the text
        self.occupied: dict[str, str] = {}      # "Russian-occupied Crimea": the state that holds the place
        self.place_parent: dict[str, str] = {}  # "Hvardiiske in northern Crimea": the place it lies in
        self.infos: list[SentInfo] = []

    # ------------------------------------------------------------ building
    def build(self) -> None:
        g = gazetteer()
        ms = sorted(self.index.mentions, key=lambda m: m.start)
        j = 0
        prev_date: str | None = None
        prev_day: str | None = None
        for s in self.sentences:
            local: list[Mention] = []
            while j < len(ms) and ms[j].start < s.start:
                j += 1
            k = j
            while k < len(ms) and ms[k].start < s.end:
                m = ms[k]
                local.append(Mention(m.start - s.start, m.end - s.start, m.surface, m.type, m.label, m.how))
                k += 1
            past = find_dates(s.text, self.ref, tense="past", prev=prev_date, prev_day=prev_day)
            dates = past
            if _FUTURE.search(s.text):
                fut = find_dates(s.text, self.ref, tense="future", prev=prev_date, prev_day=prev_day)
                if len(fut) == len(past):
                    dates = []
                    for dp, dfut in zip(past, fut):
                        # the stretch between the commas around the date decides its tense
                        # (a comma inside "10,000" is no boundary)
                        lo = max(s.text.rfind(", ", 0, dp.start), s.text.rfind(";", 0, dp.start), 0)
                        hi_c = [i for i in (s.text.find(", ", dp.end), s.text.find(";", dp.end),
                                            s.text.find(" that ", dp.end)) if i >= 0]
                        hi = min(hi_c) if hi_c else len(s.text)
                        if lo == 0 and hi < len(s.text) and len(s.text[:hi].split()) <= 4:
                            # "In April, the Royal Welsh will hand over …": a leading date takes the tense of
                            # the clause it leads
                            words = s.text[hi + 1:].split()[:8]  # its verb comes within a few words
                            # (not the verb of a clause it governs: "On Wednesday, Ankara denied a report that it
                            # would send …" is last Wednesday)
                            cut = next((k for k, w in enumerate(words) if w in ("that", "which", "who")), len(words))
                            hi = hi + 1 + len(" ".join(words[:cut])) + 1
                        said = _SAID_ON.search(s.text[max(0, dp.start - 40):dp.start])
                        # "The Kremlin said on Monday it would …": the day of a past statement stays past
                        dates.append(dp if said else dfut if _FUTURE.search(s.text[lo:hi]) else dp)
            for d in dates:
                if d.value:
                    prev_date = d.value
                    if len(d.value) == 10:
                        prev_day = d.value
            info = SentInfo(s, local, dates)
            self.infos.append(info)
        # person → state from reference data
        for (t, label), e in self.index.entities.items():
            if t == "Person" and g.person_state.get(label):
                self.person_state[label] = g.person_state[label]
        self._learn_place_states()
        self._learn_occupied()
        # adjectives right before a name ("Russian Culture Minister Olga Lyubimova")
        for info in self.infos:
            for i, m in enumerate(info.mentions):
                if m.type != "Person" or m.label in self.person_state:
                    continue
                for p in reversed(info.mentions[:i]):
                    if m.start - p.end > 40:
                        break
                    if p.type == "State" and p.how in ("adj", "name", "metonym") and \
                            re.fullmatch(r"(?:['’]s)?\s+(?:[A-Za-z-]+\s+){0,3}", info.sent.text[p.end:m.start]) and \
                            not re.search(r"\b(?:by|to|from|with|in|at|for|and|or|than)\b", info.sent.text[p.end:m.start]):
                        # ("a visit to India by Foreign Minister Moosa Zameer": not India's)
                        self.person_state[m.label] = p.label
                        break
        self._resolve_pronouns_and_descriptions()
        self._resolve_state_subjects()
        last_source: dict | None = None
        for info in self.infos:
            info.frames = self._frames(info)
            for fr in info.frames:
                # "…, it said": the organization or state quoted last
                if fr.source.get("id") is None and fr.source.get("label", "").lower() in ("it", "they", "the agency",
                                                                                        "the ministry", "the military"):
                    if last_source is not None:
                        fr.source = dict(last_source)
                elif fr.source.get("id") and self._source_type(fr.source["label"]) in ("Organization", "State"):
                    last_source = fr.source
            info.segments = self._segments(info.sent.text)

    def _resolve_pronouns_and_descriptions(self) -> None:
        """'he'/'she' → the subject person named last, else the person named last, of a gender that does
        not clash (women in the reference data, Slavic feminine surnames, and whom 'she'/'her' referred to)."""
        last_person: str | None = None
        last_subject_person: str | None = None
        recent: list[str] = []
        gender: dict[str, str] = {}
        counts: dict[str, int] = {}
        for (t, label), e in self.index.entities.items():
            if t == "Person":
                counts[label] = e.mentions
        for info in self.infos:
            text = info.sent.text
            new: list[Mention] = []
            occupied = [(m.start, m.end) for m in info.mentions]
            events: list[tuple[int, str, object]] = [(m.start, "m", m) for m in info.mentions]
            for pm in _PRONOUN.finditer(text):
                events.append((pm.start(), "p", pm))
            for dm in _DESC.finditer(text):
                if any(dm.start() < b and dm.end() > a for a, b in occupied
                       if not (dm.start() <= a and b <= dm.end())):
                    continue
                # "Russian President Vladimir Putin": a title before a name, not a description
                after = text[dm.end():dm.end() + 3]
                if re.match(r"\s+[A-Z]", after):
                    continue
                events.append((dm.start(), "d", dm))
            events.sort(key=lambda x: x[0])
            clause_starts = {a for a, _ in clauses(text)}
            for pos, kind, obj in events:
                if kind == "m":
                    m = obj
                    if m.type == "Person":
                        last_person = m.label
                        if m.label in recent:
                            recent.remove(m.label)
                        recent.append(m.label)
                        del recent[:-6]
                        cs = max([c for c in clause_starts if c <= m.start] or [0])
                        lead = text[cs:m.start]
                        lead = re.sub(r"^(?:and|but|while|as|when|after|before)\s+", "", lead.lstrip(", "))
                        lead = re.sub(r"^[^,]{0,40},\s+", "", lead) if re.match(r"(?:Later|Earlier|On|In|Around|At|Meanwhile|However)\b", lead) else lead
                        # "Last Friday Russia's defence minister, Andrei Belousov, flew to …": a time adverbial
                        # and a title before the name still leave the named person the subject
                        lead = re.sub(r"^(?:(?:Last|Early|Late|On|In|Earlier|Later)\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
                                      r"Friday|Saturday|Sunday|week|month|year|January|February|March|April|May|June|July|"
                                      r"August|September|October|November|December)\s+(?=[A-Z])", "", lead)
                        lead = re.sub(r"^(?:last|next|this|earlier|later)\s+(?:week|month|year)\s+(?=[A-Z])", "", lead)
                        titled = re.fullmatch(r"(?:[A-Z][\w.'’-]*['’]s\s+|the\s+)?((?:[a-z-]+\s+){0,3}[a-z-]+),\s+"
                                             r"(?:(?:General|Gen\.|Lt\.|Lieutenant|Col\.|Colonel|Admiral|Adm\.|Marshal|"
                                             r"Brig\.|Brigadier|Maj\.|Major|Captain|Capt\.|Dr\.?|Mr\.?|Ms\.?)\s+)*", lead)
                        if re.fullmatch(r"(?:(?:[A-Z][\w.'’-]*|the|a|an|of|and|[a-z]+['’]s)\s+)*", lead) or (
                                titled and _role_head_re().search(titled.group(1))):
                            last_subject_person = m.label
                elif kind == "p":
                    pm = obj
                    want = "f" if pm.group(0).lower() in ("she", "her", "hers") else "m"
                    target = next((c for c in (last_subject_person, last_person, *reversed(recent))
                                   if c and self._gender(c, gender) in (want, None)), None)
                    if target:
                        gender.setdefault(target, want)
                        new.append(Mention(pm.start(), pm.end(), pm.group(0), "Person", target, "pron"))
                else:
                    dm = obj
                    target = self._resolve_description(dm, last_person, counts)
                    if target:
                        new.append(Mention(dm.start(), dm.end(), dm.group(0), "Person", target, "desc"))
                        last_person = target
                        cs = max([c for c in clause_starts if c <= dm.start()] or [0])
                        if re.fullmatch(r"[\s,]*(?:(?:and|but)\s+)?", text[cs:dm.start()]):
                            last_subject_person = target
            if new:
                info.mentions = sorted(info.mentions + new, key=lambda m: (m.start, -m.end))

    _IT_SUBJECT = re.compile(r"(?:It|The\s+country|The\s+nation)\s+(?:\w+ly\s+|also\s+|still\s+|now\s+|already\s+|again\s+)*"
                             r"(?:has|had|have|is|was|hosts|hosted|plans|planned|will|would|sent|sends|received|"
                             r"receives|deployed|deploys|agreed|signed|said|says|denied|confirmed|acknowledged|"
                             r"\w+ed|\w+s)\b")

    def _resolve_state_subjects(self) -> None:
        """'Lithuania plans to spend … It already hosts about 1,000 U.S. troops': a sentence-initial
        'It' / 'The country' is the state that opened the sentence before (that sentence's subject)."""
        g = gazetteer()
        for k in range(1, len(self.infos)):
            info, prev = self.infos[k], self.infos[k - 1]
            # ("Until December it also had some 2,500 soldiers in Somalia": after a leading time adverbial)
            adv = re.match(r"(?:Until|Since|By|In|On|Last|Earlier|Later|Meanwhile|Now|Then|Today|Yesterday)\b[^,.;]{0,25}?"
                           r",?\s+(?=it\s)", info.sent.text)
            at = adv.end() if adv else 0
            m = self._IT_SUBJECT.match(info.sent.text[:at] + "It" + info.sent.text[at + 2:] if adv else info.sent.text, at)
            if not m or not prev.mentions:
                continue
            p0 = prev.mentions[0]
            lead = prev.sent.text[:p0.start]
            # ("Burundi's army is stretched. … it": the state whose army the sentence is about)
            if p0.type != "State" or p0.how not in ("name", "metonym", "pron") or \
                    (re.match(r"['’]s\b", prev.sent.text[p0.end:p0.end + 2]) and not re.match(
                        r"['’]s\s+(?:army|military|armed\s+forces|forces|government|junta)\b", prev.sent.text[p0.end:])) or \
                    not re.fullmatch(r"(?:(?:The|the)\s+)?|(?:[A-Z]\w*(?:\s+\w+){0,3},\s+)", lead):
                continue
            surface = m.group(0).split()[0] if m.group(0).startswith("It") else " ".join(m.group(0).split()[:2])
            surface = info.sent.text[at:at + len(surface)]
            info.mentions = sorted(info.mentions + [Mention(at, at + len(surface), surface, "State", p0.label, "pron")],
                                   key=lambda x: (x.start, -x.end))
        del g

    @staticmethod
    def _gender(label: str, seen: dict[str, str]) -> str | None:
        if label in seen:
            return seen[label]
        p = gazetteer().persons.get(label)
        if p and p.gender:
            return p.gender
        if p is None and re.search(r"(?:ova|eva|ina|aya|ska|skaya)$", label.split()[-1]):
            return "f"
        return None

    def _source_type(self, label: str) -> str | None:
        for (t, lbl) in self.index.entities:
            if lbl == label:
                return t
        return None

    def _resolve_description(self, dm: re.Match, last_person: str | None, counts: dict[str, int]) -> str | None:
        g = gazetteer()
        qual = dm.group("poss") or dm.group("adj")
        noun = dm.group("noun").lower()
        state = None
        if qual:
            hit = g.folded_index.get(fold(qual))
            if hit and hit[0] in ("state", "state_adj", "capital"):
                state = hit[1]
            elif hit is None and dm.group("poss"):
                return None
        if state:
            cands = [p for p, st in self.person_state.items() if st == state]
            if noun in ("official", "envoy", "diplomat"):
                cands = [p for p in cands if not self._is_head_of_state(p)]
            if not cands:
                return None
            return max(cands, key=lambda p: counts.get(p, 0))
        if dm.group("det"):
            # "the Defence Secretary" after "Defence Secretary John Healey": whom the text gave that title
            words = re.sub(r"^(?:the|The)\s+", "", dm.group(0))
            if len(words.split()) >= 2 or noun == "secretary":
                rx = re.compile(r"\b" + re.escape(words) + r",?\s+(?:(?:[A-Z][a-z]{0,3}\.|General|Admiral)\s+)?$", re.I)
                for info in self.infos:
                    for x in info.mentions:
                        if x.type == "Person" and x.how in ("name", "pattern") and \
                                rx.search(info.sent.text[max(0, x.start - len(words) - 12):x.start]):
                            return x.label
        if dm.group("det") and noun in ("envoy", "official", "diplomat", "minister", "spokesman", "spokeswoman"):
            return last_person
        return None

    def _is_head_of_state(self, person: str) -> bool:
        g = gazetteer()
        p = g.persons.get(person)
        if not p:
            return False
        return any(r["role"].lower() in ("president", "supreme leader", "leader") for r in p.roles)

    # ------------------------------------------------------------ frames
    def entity_ref(self, phrase: str, mentions: list[Mention], start: int, end: int, base: int = 0) -> dict:
        """A source phrase → {"id","label"} when it is one actor, else {"label": phrase}."""
        lead = re.match(r"[\s\"“”'‘’,;:—–-]*", phrase)
        start += lead.end()  # '…," a JCS official told reporters': the closing quote is no part of the source
        phrase = phrase[lead.end():].strip().strip(",").strip()
        adv = re.match(r"(?:In|On|Last|Earlier|Later|By|Since|Back\s+in|Also)\s+[^,]{1,30},\s+(?=[a-zA-Z])", phrase)
        if adv:  # "In July, a West African intelligence official told me": the official
            start += adv.end()
            phrase = phrase[adv.end():]
        doc = re.search(r"(?<=\w)(?:['’]s)?\s+(?:statement|report|announcement|assessment|estimates?|briefing|analysis)$",
                        phrase)
        if doc and re.search(r"[A-Z]", phrase[:doc.start()]):
            # "according to a Russian Security Council statement": the council is the source
            end -= len(phrase) - doc.start()
            phrase = phrase[:doc.start()]
        inside = [m for m in mentions if m.start >= start and m.end <= end and m.type in ACTOR_TYPES]
        core = re.sub(r"\s*\([^)]*\)", "", phrase)
        core = re.sub(r"^(?:the|The)\s+", "", core)
        if inside and inside[0].type == "Person" and (inside[0].start - start <= 1 or re.fullmatch(
                r"(?:[A-Z][\w.-]*\s+){1,4}", phrase[:max(0, inside[0].start - start)])) and \
                phrase[inside[0].end - start:].lstrip().startswith(","):
            # ("General Marcus T. Whitlock, commander of US Africa Command": the general)
            from ..ids import slugify
            return {"id": slugify(inside[0].label), "label": inside[0].label}
        if not inside:
            dm = re.fullmatch(r"(?:the|The)\s+([a-z]+)", phrase)
            if dm:
                hit = self._org_by_noun(dm.group(1), base + start)
                if hit:
                    from ..ids import slugify
                    return {"id": slugify(hit), "label": hit}
        if inside and inside[-1].type == "Person" and inside[-1].end >= end - 1 and inside[-1].how != "adj":
            from ..ids import slugify
            return {"id": slugify(inside[-1].label), "label": inside[-1].label}
        if inside:
            persons_orgs = [m for m in inside if m.type in ("Person", "Organization")]
            cand = persons_orgs[0] if persons_orgs else inside[0]
            others = [m for m in inside if m.label != cand.label and m.how != "adj"
                      and not (m.type == "State" and cand.type == "Organization")]
            # the phrase is just this actor (with a possessive qualifier / acronym / appositive)
            residue = core
            for m in sorted(inside, key=lambda x: -len(x.surface)):
                residue = residue.replace(m.surface, " ").replace(re.sub(r"^(?:the|The)\s+", "", m.surface), " ")
            residue = re.sub(r"['’]s\b|\b(?:the|of|a|an|ruling|state|official)\b|[,()]", " ", residue)
            if not others and not residue.split() and cand.how not in ("adj",):
                from ..ids import slugify
                return {"id": slugify(cand.label), "label": cand.label}
        label = re.sub(r"^(?:the|The)\s+", "", phrase)
        return {"label": label[:200]}

    _PLACE_OF = re.compile(r"(?:\s+(?:region|province|oblast|district|area|county|state|prefecture))?\s*"
                           r"(?:,\s*|\s+(?:in|of)\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?)$")

    def _learn_place_states(self) -> None:
        """A place the reference data does not know lies in the state the text puts it in:
        "Mozambique's Cabo Delgado province", "Tillaberi region of Niger", "Niamey, Niger"
        ("in Gao, in northern Mali")."""
        g = gazetteer()
        for info in self.infos:
            text, ms = info.sent.text, info.mentions
            for i, m in enumerate(ms):
                if m.type != "Place" or m.label in g.place_state or m.label in g.capital_of or m.label in self.place_state:
                    continue
                st = None
                if i > 0 and ms[i - 1].type == "State" and ms[i - 1].how in ("name", "metonym") and \
                        re.fullmatch(r"['’]s\s+(?:(?:north|south|east|west|central)\w*\s+|[a-z]+\s+)?", text[ms[i - 1].end:m.start]):
                    st = ms[i - 1].label
                elif i + 1 < len(ms) and ms[i + 1].type == "State" and ms[i + 1].how == "name" and \
                        self._PLACE_OF.fullmatch(" " + text[m.end:ms[i + 1].start]) and \
                        not re.match(r"['’]s\b", text[ms[i + 1].end:ms[i + 1].end + 2]):
                    st = ms[i + 1].label
                if st:
                    self.place_state[m.label] = st
                elif i + 1 < len(ms) and ms[i + 1].type == "Place" and ms[i + 1].label != m.label and \
                        re.fullmatch(r"\s+in\s+(?:the\s+)?(?:(?:north|south|east|west|central)\w*\s+)?",
                                     text[m.end:ms[i + 1].start]):
                    up, seen = ms[i + 1].label, {m.label}
                    while up in self.place_parent and up not in seen:  # no cycles
                        seen.add(up)
                        up = self.place_parent[up]
                    if up not in seen:
                        self.place_parent.setdefault(m.label, ms[i + 1].label)
        # the rest: the world's towns, among the states the article names ("rotated through Darwin")
        named = {m.label for info in self.infos for m in info.mentions if m.type == "State"}
        for info in self.infos:
            for m in info.mentions:
                if m.type != "Place" or m.label in g.place_state or m.label in g.capital_of or \
                        m.label in self.place_state or m.label in self.place_parent:
                    continue
                st = world_places.state_of(m.label, named)
                if st:
                    self.place_state[m.label] = st

    _OCCUPIED_BEFORE = re.compile(r"(?P<w>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)[-‑\s](?:occupied|annexed|controlled|held)\s+"
                                  r"(?:(?:the|northern|southern|eastern|western|central)\s+)*$")
    _OCCUPIED_AFTER = re.compile(r"\s*,?\s*(?:which\s+(?:is|was|has\s+been)\s+|now\s+)?(?:occupied|annexed|controlled|held|"
                                 r"seized)\s+by\s+(?:the\s+)?(?P<w>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)")

    def _learn_occupied(self) -> None:
        """'Russian-occupied Crimea', 'Crimea, annexed by Russia': who holds the place is where a
        force there is hosted."""
        g = gazetteer()
        words = _state_words_map()
        for info in self.infos:
            text = info.sent.text
            for m in info.mentions:
                if m.type != "Place":
                    continue
                bm = self._OCCUPIED_BEFORE.search(text[max(0, m.start - 40):m.start])
                am = self._OCCUPIED_AFTER.match(text, m.end)
                for x in (bm, am):
                    st = words.get(x.group("w")) if x else None
                    if st and st != (g.place_state.get(m.label) or self.place_state.get(m.label)):
                        self.occupied[m.label] = st

    _NOUN_KIND = {"agency": ("intelligence", "media"), "newspaper": ("media",), "mission": ("international",),
                  "ministry": ("government",), "army": ("military",), "military": ("military",),
                  "council": ("government", "international"), "party": ("party",), "group": ("military", "armed group"),
                  "institute": ("research",), "university": ("university",), "organization": ("international",),
                  "alliance": ("international",)}

    def _org_by_noun(self, noun: str, pos: int) -> str | None:
        """'the agency', 'the mission': the organization named most recently (before ``pos``, an
        offset in the body) with that noun in its name, else of the kind the noun implies."""
        g = gazetteer()
        last: dict[str, int] = {}
        for m in self.index.mentions:
            if m.type == "Organization" and m.start < pos:
                last[m.label] = m.start
        for by_kind in (False, True):
            best = None
            for label, at in last.items():
                o = g.orgs.get(label)
                hit = (o is not None and o.kind in self._NOUN_KIND.get(noun, ())) if by_kind else \
                    noun in label.lower().split()
                if hit and (best is None or at > best[0]):
                    best = (at, label)
            if best:
                return best[1]
        return None

    def _frames(self, info: SentInfo) -> list[Frame]:
        text = info.sent.text
        frames: list[Frame] = []
        hm = re.match(r"(?P<src>[A-Z][\w.’'&-]*(?:\s+[A-Z][\w.’'&-]*){0,3}):\s+(?=\S)", text)
        if hm and any(x.start == 0 and x.end == hm.end("src") and x.type in ("Organization", "State", "Person")
                      for x in info.mentions):
            # a subheading "HUR: About 3,000 more North Korean troops arrived …": what follows is the source's claim
            frames.append(Frame(hm.end("src"), hm.end("src") + 1, self.entity_ref(hm.group("src"), info.mentions, 0,
                                                                                 hm.end("src"), info.sent.start),
                                True, "said", 0, hm.end("src")))
        for m in _ACCORDING.finditer(text):
            src = m.group("src")
            s, e = m.span("src")
            rel = re.search(r"\s+(?:who|which|that|whose)\s", src)
            if rel:  # "a Ukrainian official who spoke on the condition of anonymity": the official
                src, e = src[:rel.start()], s + rel.start()
            # "according to the report," → the report is not an actor; keep the words
            frames.append(Frame(m.start(), m.end(), self.entity_ref(src, info.mentions, s, e, info.sent.start), True, "according", s, e))
        for bm in _SPEECH_MID.finditer(text):
            src = bm.group("src")
            if len(src.split()) > 9 or re.match(r"(?:that|which|who|and|but|as|while|it|he|she|they)\b", src, re.I):
                continue
            s0, e0 = bm.span("src")
            aux = re.search(r"\s+(?:has|have|had)$", src)
            if aux:  # "…, the Pentagon has said"
                src, e0 = src[:aux.start()], e0 - len(aux.group(0))
            frames.append(Frame(bm.start("verb"), bm.end("verb"), self.entity_ref(src, info.mentions, s0, e0, info.sent.start),
                                False, bm.group("verb"), s0, e0))
        for pm in _PASSIVE_SRC.finditer(text):
            # "The deployment … was confirmed by the Pentagon": the agent is the source of what precedes
            s0, e0 = pm.span("src")
            frames.append(Frame(pm.start(), pm.end(), self.entity_ref(pm.group("src"), info.mentions, s0, e0,
                                                                      info.sent.start), False, "said", s0, e0))
        tail = _SPEECH_TAIL.search(text)
        if tail and not any(not f.forward for f in frames):
            grp = "src1" if tail.group("src1") else "src2"
            s, e = tail.span(grp)
            src = tail.group(grp)
            rel = re.search(r"\s+(?:who|which|that|whose)\s", src or "")
            if rel:  # "…, according to a Ukrainian official who spoke on the condition of anonymity"
                src, e = src[:rel.start()], s + rel.start()
            if src and len(src.split()) <= 12:
                frames.append(Frame(tail.start(), tail.end(), self.entity_ref(src, info.mentions, s, e, info.sent.start),
                                    False, "said", s, e))
        mid_verbs = [(f.verb_start, f.verb_end) for f in frames if not f.forward]
        for m in _SPEECH_FWD.finditer(text):
            if tail and m.start() >= tail.start():
                continue
            if any(a <= m.start() < b for a, b in mid_verbs):
                continue  # ", South Korea's military said Thursday, as …": already read as a source after the fact
            if re.search(r"\b(?:been|be|being|was|were|is|are)\s+$", text[max(0, m.start() - 8):m.start()]):
                continue  # "units had been told that …": the passive names no source
            if re.fullmatch(r"reports?|estimates?|claims?|shows?|assess|judge|report", m.group(0)) and re.search(
                    r"(?:\b(?:a|an|the|its|their|his|her|this|that|first|latest|new|earlier|previous|initial|denied|denies|"
                    r"dismissed|rejected|rejects|confirmed|cited|citing|about|of|on|to)"
                    r"|['’]s)\s+(?:[a-z-]+\s+){0,2}$", text[max(0, m.start() - 40):m.start()]):
                continue  # "the agency's first report on Oct. 18", "denied reports that": a noun, not a verb
            # subject: from the clause start to the verb
            cstart = 0
            for a, b in clauses(text):
                if a <= m.start() < b:
                    cstart = a
            subj = text[cstart:m.start()]
            conj = re.match(r"\s*(?:and|but|while|whereas)\s+", subj)
            if conj:
                cstart += conj.end()
                subj = subj[conj.end():]
            subs = list(re.finditer(r",\s+(?:when|as|after|while|where|before|because|since|once)\s+(?=(?:the\s+)?[A-Z])", subj))
            if subs:
                # "… the agency's first report on Oct. 18, when the NIS said …": the subordinate clause's subject
                cstart += subs[-1].end()
                subj = subj[subs[-1].end():]
            # drop leading adverbials and dates ("Around the same time, ")
            subj2 = re.sub(r"^(?:[^,]{0,40},\s+)(?=[A-Z]|the\s)", "", subj) if subj.count(",") >= 1 and not any(
                gazetteer().capital_of.get(c) for c in re.findall(r"([A-Z][\w.’'-]*(?:\s[A-Z][\w’'-]*)?)\s*,", subj)
            ) else subj  # "officials in Washington, Seoul and Kyiv said": the capitals are the subject
            off = cstart + (len(subj) - len(subj2))
            subj2 = re.sub(r"\s+(?:has|have|had|also|publicly|officially|only|now|on \w+|last \w+)\s*$", "", subj2)
            lead_sub = re.match(r"(?:when|after|as|while|before|once|because|since)\s+", subj2)
            if lead_sub:
                subj2 = subj2[lead_sub.end():]
                off += lead_sub.end()
            subj2 = re.sub(r",?\s+\w+(?:ed|s)\s+and\s*$", "", subj2).strip().rstrip(",")
            subj2 = subj2.strip()
            if not subj2 or len(subj2.split()) > 14:
                continue
            if not re.match(r"(?:[A-Z0-9\"“]|the\s|a\s)", subj2):
                continue
            if re.search(r"\b(?:that|which|who|it|they|he|she|this)\s*$", subj2, re.IGNORECASE) and len(subj2.split()) <= 1:
                continue
            if re.match(r"(?:It|This|That|There|These|Those|He|She|They|We|I)\b", subj2):
                if not re.match(r"(?:He|She)\b", subj2):
                    continue
            src = self.entity_ref(subj2, info.mentions, off, off + len(subj2), info.sent.start)
            if src.get("id") is None and not re.search(
                    r"\b(?:intelligence|officials?|agenc(?:y|ies)|reports?|sources?|analysts?|experts?|services?|"
                    r"ministry|ministries|military|militaries|governments?|media|newspapers?|observers|diplomats?|"
                    r"estimates?|assessments?|researchers?|journalists?|monitors?|officers?|commanders?|lawmakers?|"
                    r"spokes(?:man|woman|person)|residents?|witnesses?|groups?|organi[sz]ations?)\b",
                    subj2, re.IGNORECASE):
                # pronoun subjects resolve through mentions
                pron = [pm for pm in info.mentions if pm.how in ("pron", "desc") and off <= pm.start < off + len(subj2)]
                actors = [x for x in info.mentions if off <= x.start < off + len(subj2) and x.type in ACTOR_TYPES]
                rest = subj2
                for x in sorted(actors, key=lambda x: -len(x.surface)):
                    rest = rest.replace(x.surface, " ")
                if len(actors) >= 2 and not re.sub(r"(?i)\b(?:the|and|both)\b|['’]s\b|,", " ", rest).split():
                    # "The United States and South Korea have warned …"
                    frames.append(Frame(m.start(), m.end(), {"label": re.sub(r"^(?:the|The)\s+", "", subj2)}, True,
                                        m.group(0), off, off + len(subj2)))
                    continue
                if not pron:
                    continue
                from ..ids import slugify
                src = {"id": slugify(pron[0].label), "label": pron[0].label}
            frames.append(Frame(m.start(), m.end(), src, True, m.group(0), off, off + len(subj2)))
        return frames

    def frame_for(self, info: SentInfo, pos: int) -> Frame | None:
        fwd = [f for f in info.frames if f.forward and f.verb_end <= pos]
        if fwd:
            return max(fwd, key=lambda f: f.verb_end)
        back = [f for f in info.frames if not f.forward and f.verb_start >= pos]
        if back:
            return back[0]
        # "…, according to U.S. officials" at the end covers what comes before it
        acc = [f for f in info.frames if f.verb == "according" and f.verb_start >= pos]
        if acc:
            return acc[0]
        return None

    # ------------------------------------------------------------ segments
    def _segments(self, text: str) -> list[tuple[int, int]]:
        cuts = set()
        for a, b in clauses(text):
            cuts.add(a)
        for m in re.finditer(r"\b(?:" + SPEECH_VERBS + r"|told \w+|that)\b[^.;]{0,40}?\bthat\b", text):
            that = text.rfind("that", m.start(), m.end())
            cuts.add(that)
        for m in re.finditer(r",\s+(?:saying|with|calling|adding|while)\b", text):
            cuts.add(m.start())
        cuts.add(0)
        cuts = sorted(c for c in cuts if 0 <= c < len(text))
        return [(a, b) for a, b in zip(cuts, cuts[1:] + [len(text)]) if b > a]

    def segment_of(self, info: SentInfo, pos: int) -> tuple[int, int]:
        for a, b in info.segments:
            if a <= pos < b:
                return a, b
        return 0, len(info.sent.text)

    def masked_appositives(self, text: str) -> str:
        """The sentence with appositives (', a senior researcher at …,') blanked out."""
        return _APPOSITIVE.sub(lambda m: " " * len(m.group(0)), text)
