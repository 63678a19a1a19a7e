"""Entity mentions: persons, states, organizations, places.

Found in three passes over the body (and the title):

1. reference data (``resources.gazetteer``): state names, short names,
   adjectives and capitals; well-known people and their name variants;
   organizations, aliases and acronyms; places. State-qualified generic names
   ("South Korea's defense ministry", "Russia's General Staff") resolve to the
   organization the data gives for that state.
2. patterns for names the data does not know: organizations are capitalised
   sequences around an organization noun ("Korea Institute for National
   Unification", "Kyungnam University"); persons are capitalised names next to
   a title ("Professor Lim Eum Chul"), an appositive role ("Hong Min, a senior
   researcher at …"), a speech verb ("… , Hong Min said") or "according to".
3. short forms: a bare surname ("Kim", "Shoigu", "Lim") refers to the first
   person named in full with that surname (Korean and Chinese names put the
   surname first), else to the reference person it is short for.

A capital is the state when it stands for its government ("Pyongyang
acknowledged", "Moscow's top security official", "officials in Washington,
Seoul and Kyiv") and the place where something happens ("talks in
Pyongyang"). Mentions are merged into one entity per canonical label; the
surface forms seen become its aliases (adjectives are not aliases).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from .resources import _alt, ambiguous_aliases, fold, fold_accents, gazetteer, lexicon, role_heads_alt, state_words

UP = (r"[A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĲĴĶĹĻĽĿŁŃŅŇŊŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƠƯȘȚ"
      r"ẠẢẤẦẨẪẬẮẰẲẴẶẸẺẼẾỀỂỄỆỈỊỌỎỐỒỔỖỘỚỜỞỠỢỤỦỨỪỬỮỰỲỴỶỸ]")  # Vietnamese, Romanian
LOW = (r"[a-zß-öø-ÿāăąćĉċčďđēĕėęěĝğġģĥħĩīĭįıĳĵķĺļľŀłńņňŋōŏőœŕŗřśŝşšţťŧũūŭůűųŵŷźżžơưșț"
       r"ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")
_NAME_TOKEN = r"(?:[A-Z]\.(?=\s)|" + UP + LOW + r"*(?:['’]" + UP + LOW + r"+)?(?:[-‑]" + UP + r"?" + LOW + r"+)?|[A-Z]\.)"
# "Abdel Fattah al-Sisi", "Mohammed bin Salman", "Ursula von der Leyen", "Lula da Silva": lower-case particles
# inside a name, never at its ends
_PARTICLE = r"(?:al|el|bin|ibn|bint|van|von|der|den|de|da|dos|du|di|del|della|ter|ten)"
_NAME_TOKEN2 = r"(?:" + _NAME_TOKEN + r"|(?:al|el|ad|as|ash|at|az|an|ar)[-‑]" + UP + LOW + r"+)"
_NAME = r"(?:" + _NAME_TOKEN + r"(?:\s+(?:" + _PARTICLE + r"\s+){0,2}" + _NAME_TOKEN2 + r"){1,3})"
_NOT_NAME_WORDS = set("""The A An In On At For From With By Of And Or But As To Into This That These Those It Its He She
They We I His Her Their Our Your After Before Following During Since While When Where Why How What Who Which Meanwhile
However Although Though Also Further Furthermore Moreover Notably Photos Images Other Most Some Many More Intelligence
January February March April May June July August September October November December Monday Tuesday Wednesday
Thursday Friday Saturday Sunday Analysts Officials Professor President Minister Secretary General Leader Supreme
Chairman North South East West Central
Ministry Institute University Party Council Committee Commission Agency Service Office Department Army Forces Command
News Times Post Television Center Centre State States United Nations Security Defense Defence Foreign National
People Peoples Republic Democratic Federation Workers Screenshot Photo Read Check Related Subscribe Sign Share
Prime Deputy Vice Senior Former Chief Lt Gen Col Dr Mr Ms Mrs Gov Sen Rep Premier Marshal Colonel Ambassador
Spokesman Spokeswoman Major Captain Lieutenant Sergeant Corporal Private Brigadier Commander Admiral General
Oblast Region Front Treaty Comprehensive Strategic Partnership Operation Day Week Year Province District County City
Island Islands Airport Base Square Street Avenue Bridge Gap Corridor Peninsula Strait River Sea Mountains Krai
Rear Adm Brig Capt Sgt Cpl Pvt Cmdr Maj""".split())
# the portfolio words of an office ("Assistant Minister for Political Affairs"): never a name, and what may
# stand between a title and the name it precedes ("Under-Secretary-General for Peace Operations Jean-Pierre Lacroix")
_DOMAIN_WORDS = set("""Affairs Operations Political Peace Peacekeeping Economic Economy Development Trade Interior Justice
Finance Health Education Information Communications Communication Energy Humanitarian Emergency Emergencies Situations
Cooperation International Public Legal Policy Planning Logistics Infrastructure Environment Labour Labor Social
Industry Agriculture Transport Culture Tourism Veterans Disarmament Human Rights Home Security Defence Defense Foreign
National Military Strategic Intelligence Europe Africa Asia Americas Middle East Pacific Multilateral Bilateral""".split())
_NOT_NAME_WORDS |= _DOMAIN_WORDS - {"Home"}



def _seat_words() -> set[str]:
    """Organizations named after their seat ('the Kremlin', 'the Pentagon'): no person's name or place."""
    return {w for o in gazetteer().orgs.values() if o.building for n in [o.label] + o.aliases
            for w in n.split() if w[:1].isupper() and w.lower() != "the"}


_NOT_NAME_WORDS |= state_words() | _seat_words()
_ADJECTIVES = {a for st in gazetteer().states.values() for a in st.adjectives}
_ORG_HEADS = ("Institute|University|Ministry|Agency|Service|Council|Committee|Commission|Party|Army|Navy|Forces|Force|"
              "Command|Center|Centre|Foundation|Office|Department|Bureau|Corporation|Association|Union|Academy|"
              "Assembly|Parliament|Court|Group|Administration|Directorate|Staff|Guard|Corps|Brigade\\s+Combat\\s+Team|Brigade|Division|"
              "Regiment|Battalion|Fleet|News|Times|Post|Herald|Journal|Daily|Television|TV|Radio|Broadcasting|"
              "Network|School|College|Embassy|Consulate|Organization|Organisation|Alliance|Society|Forum|Fund|"
              "Bank|Studies|Sinmun|Ilbo|Gazette|Tribune|Telegraph|Monitor|Review|Observatory|Project|Programme|Program|"
              "Limited|Ltd|Inc|GmbH|plc|PLC")
_CAPW = r"(?:" + UP + r"(?:[\w&.-]|['’](?!s\b))*|\d+(?:st|nd|rd|th)|al-\w+)"
_ORG_RE = re.compile(
    r"(?<![\w’'])(?:" + _CAPW + r"\s+(?:(?:of|for|on|the|de|du)\s+|and\s+(?!the\b))*){0,5}(?:" + _ORG_HEADS + r")\b"
    r"(?:\s+\d{1,4}\b(?![,.]?\d))?"  # "Panzer Battalion 203"
    r"(?:\s+(?:of|for|on)\s+(?:the\s+)?(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|"
    r"March|April|May|June|July|August|September|October|November|December)\b)"
    r"(?:" + _CAPW + r")(?:\s+(?:and\s+)?" + _CAPW + r"){0,4})?")

_PRONOUNS = re.compile(r"\b(he|him|his|she|her|hers)\b", re.IGNORECASE)
_SPEECH = (r"(?:said|says|told|added|noted|stated|explained|argued|predicts|predicted|commented|wrote|warned|"
           r"believes|estimated|assessed|claimed|asserted|insisted|stressed|emphasized|emphasised|remarked|"
           r"observed|suggested|speculated|cautioned|pointed out)")
_SPEECH_AFTER = re.compile(r"^\s*(?:\([^)]{1,40}\)\s*)?(?:,\s*)?(?:(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|"
                           r"Friday|Saturday|Sunday)\s+)?(?:" + _SPEECH[3:-1] + r"|confirmed|denied|acknowledged|"
                           r"dismissed|announced|urged|called|rejected|declined|visited|met|arrived|signed|ordered)\b")
_SPEECH_BEFORE = re.compile(r"(?:\b" + _SPEECH + r"|according to)\s*$", re.IGNORECASE)
_APPOS_AFTER = re.compile(r"^\s*,\s*(?:the|a|an)?\s*(?:[\w'’-]+\s+){0,5}(?i:" + "|".join(
    sorted((h for h in lexicon().role_heads if h != "member"), key=len, reverse=True)) + r")\b")

_PLACE_PREP = re.compile(r"(?:\b(?:in|at|near|into|toward|towards|visit|visited|visiting|visits|outside|serving|"
                         r"(?:visit|trip|journey|flight|flew|travell?ed|traveling|travelling|came|went|headed|returned|"
                         r"back|moved|relocated|way|road|route|march|marched|drive|drove|arrived)\s+to|"
                         r"(?:heading|headed|bound|left|leaving|departed)\s+for|(?:advance|march|marched|advancing)\s+on|"
                         r"around|across|via|arrived in|trip to|flew to|travelled to|traveled to|inside|over|"
                         r"(?:arrived|flew|returned|travell?ed|came|departed|left|fled|evacuated|launched|fired)\s+from|"
                         r"(?:outskirts|centre|center|streets|suburbs|city|mayor|skies|airport)\s+of)\s+"
                         r"(?:(?:northern|southern|eastern|western|central|downtown|north|south|east|west)\s+)?)$",  # "in southern Seoul"
                         re.IGNORECASE)
_METONYM_PLACE_OK = re.compile(r"\b(?i:officials?|sources?|diplomats?|authorities|intelligence|analysts|observers|"
                               r"experts|governments?|leaders|policymakers|lawmakers)\s+(?:in|from)\s+"
                               r"(?:[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?\s*(?:,|and)\s*)*$")



@dataclass
class Mention:
    start: int
    end: int
    surface: str
    type: str          # Person | State | Organization | Place
    label: str
    how: str = "name"  # name | adj | metonym | place | short | qualified | pattern | pron | desc
    in_title: bool = False


@dataclass
class Entity:
    label: str
    type: str
    aliases: list[str] = field(default_factory=list)
    mentions: int = 0
    first: int = 10**9
    state: str | None = None   # the state a person/org/place belongs to, when known

    @property
    def id(self) -> str:
        from ..ids import slugify
        return slugify(self.label)


class EntityIndex:
    """Mentions in the body (sorted) and the merged entities."""

    def __init__(self) -> None:
        self.mentions: list[Mention] = []
        self.entities: dict[tuple[str, str], Entity] = {}

    def add_entity(self, m: Mention, alias: bool = True) -> Entity:
        key = (m.type, m.label)
        e = self.entities.get(key)
        if e is None:
            e = Entity(m.label, m.type)
            self.entities[key] = e
        e.mentions += 1
        e.first = min(e.first, m.start if not m.in_title else 10**8)
        if alias and m.how not in ("adj", "pron", "desc") and m.surface != m.label:
            s = re.sub(r"^(?:the|The)\s+(?=\S)", "", m.surface.strip()) if m.type == "Organization" and \
                not m.label.lower().startswith("the ") else m.surface.strip()
            if s and s not in e.aliases and s.replace("’", "'") != m.label:
                e.aliases.append(s)
        return e

    def get(self, type_: str, label: str) -> Entity | None:
        return self.entities.get((type_, label))

    def in_span(self, start: int, end: int) -> list[Mention]:
        return [m for m in self.mentions if m.start >= start and m.end <= end]


class Spans:
    """Character ranges already claimed by a mention (a mask, so checks stay O(length))."""

    def __init__(self, n: int) -> None:
        self.mask = bytearray(n + 1)

    def append(self, span: tuple[int, int]) -> None:
        a, b = span
        self.mask[a:b] = b"\x01" * (b - a)

    def remove(self, a: int, b: int) -> None:
        self.mask[a:b] = bytes(b - a)

    def overlaps(self, a: int, b: int) -> bool:
        return self.mask.find(1, a, b) != -1


def _overlaps(spans: "Spans", s: int, e: int) -> bool:
    return spans.overlaps(s, e)


_STAFF_TITLE = re.compile(r"(?:General|Defen[cs]e|Naval|Air|Army|Main|Joint)\s+Staff|Defen[cs]e\s+Forces")
_NAMED_AFTER = re.compile(r"\s+(?:(?P<place>Square|Stadium|Street|Avenue|Boulevard|Bridge|Hall|Palace|Mausoleum|"
                          r"(?:International\s+)?Airport|Park|Station|Museum|Prize|Memorial)|(?P<org>(?:Military\s+)?University|"
                          r"Academy|Foundation|Library))\b")

_GENERIC_ORGS = {
    "foreign ministry": "Ministry of Foreign Affairs of {s}", "ministry of foreign affairs": "Ministry of Foreign Affairs of {s}",
    "defense ministry": "Ministry of Defence of {s}", "defence ministry": "Ministry of Defence of {s}",
    "ministry of defense": "Ministry of Defence of {s}", "ministry of defence": "Ministry of Defence of {s}",
    # "Russia's Foreign Intelligence Service", "Pakistan's Foreign Office", "the Tajik parliament"
    "foreign intelligence service": "Foreign Intelligence Service of {s}",
    "ministry of national defense": "Ministry of National Defense of {s}",
    "ministry of national defence": "Ministry of National Defence of {s}",
    "national defense ministry": "Ministry of National Defense of {s}",
    "national defence ministry": "Ministry of National Defence of {s}",
    "foreign office": "Foreign Office of {s}", "parliament": "Parliament of {s}",
}


_SERVICES = {"air force": "Air Force", "navy": "Navy", "armed forces": "Armed Forces", "coast guard": "Coast Guard"}


def _generic_org(state: str, generic: str) -> str | None:
    pat = _GENERIC_ORGS.get(fold(generic))
    return pat.format(s=state) if pat else None


_SPEAKS_AFTER = re.compile(r"\s+(?:(?:has|had|also|later)\s+)?(?:said|says|confirmed|confirms|denied|denies|announced|"
                           r"insisted|insists|acknowledged|admitted|claimed|stressed)\b")


def _capital_is_place(text: str, s: int, e: int, prev_mentions: list[Mention]) -> bool:
    before = text[max(0, s - 80):s]
    mo = _METONYM_PLACE_OK.search(before)
    if mo:
        # "officials in Seoul" speak for it; "US officials in Riyadh" are another state's people there
        lead = re.search(r"([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)\s+(?:\w+\s+)?$", before[:mo.start()] + " ")
        if not (lead and gazetteer().folded_index.get(fold(lead.group(1).rstrip(".")))):
            return False
    if re.match(r"['’]s\b", text[e:e + 2]):
        return False
    if re.search(r"\bcapital(?:\s+city)?,?\s+$", before):
        return True  # "arrived in Niger's capital Niamey"
    if _PLACE_PREP.search(before[-25:]):
        return True
    # a list item takes the reading of the item before it, unless it speaks ("… arrived in Mogadishu,
    # Cairo confirmed on Wednesday": the reporting clause after the claim)
    if re.search(r",\s*$", before[-6:]) and _SPEAKS_AFTER.match(text, e):
        return False
    if re.search(r"(?:,|\band)\s*$", before[-6:]) and prev_mentions:
        p = prev_mentions[-1]
        if s - p.end < 8 and p.how in ("place", "metonym"):
            return p.how == "place"
    return False


_TOWN_BEFORE = re.compile(r"\b(?:Port|Puerto|Porto|Fort|Saint|St\.|San|Santa|Santo|New|Old)\s+$")
_WATER_BEFORE = re.compile(r"\bthe\s+(?:Gulf|Bay|Sea|Strait|Straits|Bight|Coast)\s+of\s+$")


def _town_named_for(text: str, s: int, e: int) -> tuple[int, int] | None:
    """The span of a place named with a state's name inside it, if the state's name stands in one."""
    from . import world_places
    tb = _TOWN_BEFORE.search(text, max(0, s - 8), s)
    if tb and world_places.candidates(text[tb.start():e]):
        return tb.start(), e
    if re.match(r" City\b", text[e:e + 6]) and world_places.candidates(text[s:e + 5]):
        return s, e + 5
    wb = _WATER_BEFORE.search(text, max(0, s - 20), s)
    if wb:
        return wb.start() + 4, e
    if text[max(0, s - 5):s] == "Lake ":
        return s - 5, e  # "Lake Chad"
    return None


_THE_KOREA = re.compile(r"\b[Tt]he(?=\s+(?:North|South)\s*-?\s*Korea)")


def find_mentions(text: str, offset_title: bool = False) -> list[Mention]:
    """All entity mentions in ``text`` (without short forms or pronouns)."""
    g = gazetteer()
    lex = lexicon()
    out: list[Mention] = []
    spans = Spans(len(text))

    # state-qualified generic organization names
    if g.qualified_re is not None:
        for m in g.qualified_re.finditer(text):
            q = m.group("q")
            qual = re.sub(r"['’]s$", "", q)
            st = g.folded_index.get(fold(qual))
            if not st:
                continue
            state_label = st[1]
            org = g.qualified.get((state_label, fold(m.group("g"))))
            if not org:
                org = _generic_org(state_label, m.group("g"))
            if not org and q.endswith(("'s", "’s")) and fold(m.group("g")) in _SERVICES and not \
                    re.match(r"\s+(?:planes?|jets?|aircraft|vessels?|ships?|units?|bases?|officers?|chief|commander)\b",
                             text[m.end():m.end() + 20]):
                adjs = g.states[state_label].adjectives
                if adjs:
                    org = f"{adjs[0]} {_SERVICES[fold(m.group('g'))]}"
            if not org:
                continue
            gs, ge = m.span("g")
            out.append(Mention(gs, ge, m.group(0).strip(), "Organization", org, "qualified"))
            qs, qe = m.span("q")
            qe2 = qs + len(qual)
            out.append(Mention(qs, qe2, text[qs:qe2], "State", state_label,
                               "adj" if st[0] == "state_adj" else ("metonym" if st[0] == "capital" else "name")))
            spans.append((qs, ge))

    # reference data ("the North Korean army": "the North" must not swallow "North Korean")
    scan = _THE_KOREA.sub(lambda x: " " * len(x.group(0)), text) if "Korea" in text else text
    for m in g.surface_re.finditer(scan):
        s, e = m.span()
        if _overlaps(spans, s, e):
            continue
        surface = m.group(0)
        kind, label = g.surfaces[surface]
        named = _NAMED_AFTER.match(text, e) if kind in ("person", "state", "capital") else None
        if named and kind == "person" or (named and named.group("org") and kind != "person"):
            # "Kim Il Sung Square", "Kim Il Sung University": a place or body named after a person
            e2 = named.end()
            full = text[s:e2]
            out.append(Mention(s, e2, full, "Organization" if named.group("org") else "Place", full,
                               "pattern" if named.group("org") else "place"))
            spans.append((s, e2))
            continue
        if kind == "person":
            out.append(Mention(s, e, surface, "Person", label))
        elif kind == "org":
            o = g.orgs[label]
            if o.building and re.search(r"\b(?:at|in|inside|outside|near|into|from)\s+(?:the\s+)?$", text[max(0, s - 12):s]):
                # "received by Putin at the Kremlin": the seat is the place
                out.append(Mention(s, e, surface, "Place", re.sub(r"^(?:the|The)\s+", "", surface), "place"))
            elif o.parent:
                out.append(Mention(s, e, surface, "Organization", o.parent))
            else:
                out.append(Mention(s, e, surface, "Organization", label))
        elif kind == "state" and (town := _town_named_for(text, s, e)) is not None:
            # "Port Sudan", "Kuwait City", "the Gulf of Guinea": a place that bears a state's name
            out.append(Mention(town[0], town[1], text[town[0]:town[1]], "Place", text[town[0]:town[1]], "place"))
            spans.append(town)
        elif kind == "state":
            if surface in ("the North", "the South") and (
                    not re.search(r"Korea", text) or re.match(r"\s*-?\s*Korea", text[e:e + 10])):
                continue
            out.append(Mention(s, e, surface, "State", label))
        elif kind == "state_adj":
            out.append(Mention(s, e, surface, "State", label, "adj"))
        elif kind == "capital" and re.match(r"[ \t]+" + UP + LOW + r"+(?:\s|$|[,.;'’(])", text[e:e + 30]) and \
                not g.surface_re.match(text, e + 1) and not re.match(r"\s+(?:" + _ORG_HEADS + r"|and|Is|Was|Has|Says|Said)\b", text[e:e + 20]):
            continue  # "Wellington Koo": a first name, not the capital
        elif kind in ("capital", "state", "state_adj") and re.match(r"-based\b", text[e:e + 7]):
            continue  # "the Mogadishu-based Horn Policy Centre": where the body sits, no actor
        elif kind == "capital":
            prev = [x for x in out[-6:] if x.end <= s]
            prev.sort(key=lambda x: x.end)
            if _capital_is_place(text, s, e, prev):
                out.append(Mention(s, e, surface, "Place", surface, "place"))
            else:
                out.append(Mention(s, e, surface, "State", label, "metonym"))
        elif kind == "place":
            out.append(Mention(s, e, surface, "Place", label, "place"))
        spans.append((s, e))

    # organizations the data does not know
    for m in _ORG_RE.finditer(text):
        s, e = m.span()
        surface = m.group(0)
        # trim a leading "The"/sentence-initial word that is not part of the name
        lead = re.match(r"(?:The|A|An|In|On|At|For|From|With|By|And|But|Photos|According)\s+", surface)
        if lead:
            s += lead.end()
            surface = surface[lead.end():]
        based = re.match(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)?-based\s+(?=[A-Z])", surface)
        if based:  # "the Mogadishu-based Horn Policy Centre": where it sits is no part of its name
            s += based.end()
            surface = surface[based.end():]
        # "Paratroopers of the 82nd Airborne Division": the part before "of the" has no organization noun
        of_m = re.search(r"\s+(?:of|from)\s+(?:the\s+)?", surface)
        if of_m and not re.search(r"\b(?:" + _ORG_HEADS + r")\b", surface[:of_m.start()]):
            s += of_m.end()
            surface = surface[of_m.end():]
        unit = re.match(r"(?:(?P<st>[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)|[A-Z][\w’' ]*?['’]s?)\s+(?=\d+(?:st|nd|rd|th)\s)", surface)
        if unit and (not unit.group("st") or (g.folded_index.get(fold(unit.group("st").rstrip("."))) or ("",))[0]
                     in ("state", "state_adj")):
            # "the US 2nd Armored Brigade", "the Defence Forces' 127th Infantry Battalion": the unit's name
            # begins at its number; the state or force before it stays its own
            owner = re.match(r"(.+?)['’]s?\s+$", surface[:unit.end()]) if not unit.group("st") else None
            if owner and re.search(r"\b(?:" + _ORG_HEADS + r")$", owner.group(1)) and len(owner.group(1).split()) >= 2 \
                    and not any(x.start < s + owner.end(1) and x.end > s for x in out):
                out.append(Mention(s, s + owner.end(1), owner.group(1), "Organization", owner.group(1), "pattern"))
                spans.append((s, s + owner.end(1)))
            s += unit.end()
            surface = surface[unit.end():]
        regiment = re.match(r",\s+The\s+[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,3}\b", text[e:e + 50]) \
            if re.search(r"\d+(?:st|nd|rd|th)\s+Battalion$", surface) else None
        if regiment:
            # "1st Battalion, The Royal Welsh": a British battalion is named with its regiment
            surface += regiment.group(0)
            e += regiment.end()
        cut = re.search(r"\n|\.\s+(?=[A-Z])", surface)
        if cut:
            # "the University of Guyana. Dr St. Hill-Persaud": the name ends with its sentence or line
            e -= len(surface) - cut.start()
            surface = surface[:cut.start()]
        if surface.split() and surface.split()[-1] in _ADJECTIVES:
            continue  # "(Chief of) Staff of the Chadian (army)": a phrase cut off before its noun
        if surface.endswith(".") and re.search(r"\w{4,}\.$", surface):
            surface, e = surface[:-1], e - 1  # the sentence's full stop, not an abbreviation
        words = surface.split()
        if len(words) < 2:
            continue
        if re.search(r"\b[Cc]ommander-in-[Cc]hief\b|^(?:Republic|Nation|State|Government)\s+and\s", surface):
            continue  # "the President of the Republic and Commander-in-Chief of the Army": an office's title
        if _STAFF_TITLE.fullmatch(surface) and re.search(r"(?i:chief|chiefs)\s+of\s+(?:the\s+)?$", text[max(0, s - 20):s]):
            # "Uganda's Chief of Defence Forces", "Chief of General Staff": an office's title, no body (unless the
            # data knows that state's body by the name: "Russia's chief of the General Staff")
            qm = re.search(r"(?P<q>[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)?)['’]s\s+(?:[\w-]+\s+)?(?i:chief|chiefs)\s+of\s+(?:the\s+)?$",
                           text[max(0, s - 60):s])
            st = g.folded_index.get(fold(qm.group("q"))) if qm else None
            known = g.qualified.get((st[1], fold(surface))) if st else None
            if known and not any(x.start < e and x.end > s for x in out):
                out.append(Mention(s, e, surface, "Organization", known, "qualified"))
                spans.append((s, e))
            continue
        covered = [x for x in out if x.start < e and x.end > s]
        if any(x.type in ("Person", "Organization") and x.how != "adj" for x in covered):
            # a known organization inside: keep the data's reading
            if any(x.type == "Organization" for x in covered):
                continue
            continue
        if words[0] in _ADJECTIVES and len(words) == 2:
            continue  # "Korean Army", "the Indian Navy": a state's service described; the adjective stays
        if covered and all(x.how == "adj" or x.type == "State" for x in covered):
            # "Russian Academy of Sciences": the organization wins over the adjective
            if any(x.start <= s and x.end >= e for x in covered):
                continue  # "the Soviet Union": the state's own name
            out = [x for x in out if not (x.start < e and x.end > s)]
            spans.remove(s, e)
        out.append(Mention(s, e, surface, "Organization", surface, "pattern"))
        spans.append((s, e))

    # news outlets the data does not know ("the newspaper Ukrainska Pravda", "Radio Ozodi reported")
    _find_unknown_media(text, out, spans)
    _find_contractors(text, out, spans)
    _find_missions(text, out, spans)
    _find_expert_panels(text, out, spans)
    # persons the data does not know
    _find_unknown_persons(text, out, spans, lex)
    # places the data does not know
    _find_unknown_places(text, out, spans)
    out.sort(key=lambda x: (x.start, -x.end))
    _read_ambiguous(text, out)
    return out


def _read_ambiguous(text: str, out: list[Mention]) -> None:
    """'SDF' in a story about Syria is the Syrian Democratic Forces, in one about Japan its Self-Defense Forces."""
    table = ambiguous_aliases()
    for k, m in enumerate(out):
        readings = table.get(m.surface) if m.type == "Organization" else None
        if not readings:
            continue
        cue = {label: sum(len(re.findall(r"\b" + re.escape(w) + r"\b", text)) for w in words)
               for label, words in readings.items()}
        best = max(cue, key=cue.get)
        if cue[best] and best != m.label:
            out[k] = Mention(m.start, m.end, m.surface, m.type, best, m.how, m.in_title)


_TITLE_RE = None


def _title_re():
    global _TITLE_RE
    if _TITLE_RE is None:
        lex = lexicon()
        titles = sorted(set(lex.title_words + [h for h in lex.role_heads if " " in h or h[0].isupper()]),
                        key=len, reverse=True)
        portfolio = r"(?:\s+(?:for|of)\s+(?:the\s+)?(?:(?:" + "|".join(sorted(_DOMAIN_WORDS)) + r")(?:\s+and)?\s+){1,4})?"
        retired = r"(?:\s+\((?i:ret(?:ired|d)?\.?)\))?"  # "Col. (ret.) Rafael Dizon-Matsuda", "Brig (retd) …"
        _TITLE_RE = re.compile(r"(?i:" + _alt(titles, ignore_case=True) + r")" + retired + portfolio
                               + r"\s*(?<=\s)(?P<name>" + _NAME + r")")
    return _TITLE_RE


_ACCORDING = re.compile(r"\b(?:[Aa]ccording to|said|says|told|added|(?:led|headed|chaired|commanded)\s+by)\s+(?P<name>"
                        + _NAME + r")\b")
# "the minister, Ghassan Maumoon,", "the President of the Republic …, Bernardo Arévalo."
# "the US special envoy for Iraq, Mark Savaya,", "Minister for Defence, the Hon Dr Billy Joseph MP,"
# (read from the comma: the name after it, then the title before it — scanning the text for every office word
# first costs ten times more)
_COMMA_NAME = re.compile(r",\s+(?:the\s+)?(?:(?:Hon|Honourable|Dr|Mr|Ms|Mrs|Prof|Gen|Lt|Col|Maj|Adm|Brig|Capt|H\.E)\.?\s+)*"
                         r"(?P<name>" + _NAME + r")(?:\s+MP)?(?:,|\.(?:\s|$)|\s+(?:said|says|told|who)\b)")
_ROLE_BEFORE_COMMA = re.compile(r"\b(?:" + role_heads_alt() + r")(?:\s+(?:of|for|to)\s+(?:the\s+)?(?:[A-Z][\w-]*\s+){0,3}?"
                                r"[A-Z][\w-]*)?$")


def _role_comma_names(text: str):
    for m in _COMMA_NAME.finditer(text):
        if _ROLE_BEFORE_COMMA.search(text, max(0, m.start() - 90), m.start()):
            yield m
_NAME_RE = re.compile(r"(?<![\w’'])" + _NAME + r"(?![\w])")


def _clean_name(name: str) -> str | None:
    toks = name.split()
    while toks and toks[0] in _NOT_NAME_WORDS:
        toks = toks[1:]
    while toks and toks[-1] in _NOT_NAME_WORDS:
        toks = toks[:-1]
    # ("Mohammed bin Mubarak Al Mazrouei": the particles are no name of their own)
    if len(toks) < 2 or len([t for t in toks if not re.fullmatch(_PARTICLE, t)]) > 4:
        return None
    if any(t in _NOT_NAME_WORDS for t in toks):
        return None
    return " ".join(toks)


def _find_unknown_persons(text: str, out: list[Mention], spans: "Spans", lex) -> None:
    g = gazetteer()
    cands: list[tuple[int, int]] = []
    pos = 0
    while (m := _title_re().search(text, pos)) is not None:
        # searched again from the name on: "Chief of General Staff Gen. Metin Gürak" holds a second title
        cands.append(m.span("name"))
        pos = m.start("name")
    for m in _ACCORDING.finditer(text):
        cands.append(m.span("name"))
    for m in _role_comma_names(text):
        cands.append(m.span("name"))
    for m in _NAME_RE.finditer(text):
        s, e = m.span()
        after = text[e:e + 80]
        if _SPEECH_AFTER.match(after) or _APPOS_AFTER.match(after):
            cands.append((s, e))
    seen: set[tuple[int, int]] = set()
    for s, e in cands:
        raw = text[s:e]
        name = _clean_name(raw)
        if not name:
            continue
        off = raw.find(name)
        s2, e2 = s + off, s + off + len(name)
        if (s2, e2) in seen or _overlaps(spans, s2, e2):
            continue
        if fold(name) in g.folded_index:
            continue
        # a capitalised word at the start of a sentence is not a name on its own
        seen.add((s2, e2))
        out.append(Mention(s2, e2, name, "Person", name, "pattern"))
        spans.append((s2, e2))


_PLACE_WORD = r"(?:" + UP + LOW + r"+(?:[-‑]" + UP + LOW + r"+)*)"
_PLACE_SUFFIX = (r"(?:\s+(?:River|Sea|Strait|Peninsula|Island|Islands|Mountains|Air\s+Base|Naval\s+Base|Base|Airport|"
                 r"Gap|Pass|Heights|Gulf|Canal|Lake|Coast|Delta|Basin|Enclave|Exclave|Square|"
                 r"training\s+(?:ground|area|range|centre|center|camp)|firing\s+range|range|garrison|camp|airfield|"
                 r"Port|Bay|Valley|Oblast|Krai|Province|Region|District|corridor|air\s+base|naval\s+base|base|"
                 r"airport|port|region|province|oblast|district|front|area|county))?")
_PLACE_CAND = re.compile(  # (within a line: "in Baghdad\n\nKey events" names Baghdad only)
    r"\b(?P<prep>in|to|at|near|from|into|toward|towards|outside|around|across|over|via|through|of|and)[ \t]+(?:the[ \t]+)?"
    r"(?P<name>" + _PLACE_WORD + r"(?:[ \t]+" + _PLACE_WORD + r")?"
    r"(?:[ \t]+(?:al|el|ad|as|ash|ar|an|az|at)-" + _PLACE_WORD + r")?"  # "Ain al-Asad"
    + _PLACE_SUFFIX + r")(?![\w’'-])")
_DIRECTIONS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central", "Upper", "Lower"}
_NOT_PLACE = set("""The A An This That These Those Its Our Their His Her Under After Before During One Two Three
Europe Asia Africa America Americas Latin Middle East West North South Western Eastern Congress Parliament
Senate English Christmas Easter Ramadan Internet Twitter Telegram Facebook YouTube Google
Mr Mrs Ms Dr Prof Gen Sen Rep Gov Col Lt Sgt Capt Maj Adm St
Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July August September
October November December God Allah Islam Christianity Communism History Defense Defence
Foreign Security Intelligence Operations Affairs Command Staff War World Cold Peace Agreement Treaty Order Union
President Minister Prime Secretary Commander General Colonel Chairman Leader Supreme National State Federal Interior
Special Military Operation Air Force Navy Army Marines Corps Guard Home Office Media Press News Times Post""".split())
_NOT_PLACE |= _ADJECTIVES | _seat_words()  # "Russian", "Kremlin"
_PLACE_SUFFIX_STRIP = re.compile(r"\s+(?:region|province|oblast|front|area|airport|airfield|"
                                 r"training\s+(?:ground|area|range|centre|center|camp)|firing\s+range|range|garrison|camp)$")
# "the Suwalki Gap", "the Lachin Corridor": a capitalised geographic noun makes a place wherever it stands
_GEO_NAME = re.compile(r"\bthe\s+(?P<name>" + UP + LOW + r"+(?:[-‑]" + UP + LOW + r"+)*(?:\s+" + UP + LOW
                       + r"+)?\s+(?:Gap|Pass|Strait|Straits|Peninsula|Sea|River|Corridor|Heights|Gulf|Canal|Basin|Delta|"
                       r"Desert|Plateau|Valley|Mountains|Islands))\b")
_POSS_PLACE = re.compile(r"['’]s\s+(?P<name>" + UP + LOW + r"+(?:[-‑]" + UP + LOW + r"+)*(?:\s+" + UP + LOW + r"+)?"
                         r"\s+(?:region|province|oblast|district|city|port|Oblast|Region|Province|District))\b")


_ACRONYM = r"(?:[A-Z]{2,6}(?![\w'’-]))"
_MEDIA_NOUN = re.compile(r"\b(?:newspaper|daily|weekly|news\s+(?:website|site|portal|agency|outlet|channel)|website|outlet|"
                         r"broadcaster|(?:television|TV|radio)\s+(?:channel|station|network)|news\s+service|magazine|"
                         r"tabloid|Telegram\s+channel|publication|newsletter|blog|"
                         # "Nigerien state television RTN", "the Port Louis daily l'Express"
                         r"(?:state|public|national)\s+(?:television|TV|radio)|television)\s+"
                         r"(?P<name>(?:[ld]['’])?(?:" + _ACRONYM + r"|" + _NAME_TOKEN + r")(?:\s+" + _NAME_TOKEN + r"){0,3})")
_MEDIA_SUBJ = re.compile(r"(?P<name>(?:" + _NAME_TOKEN + r"\s+){0,3}(?:Radio|Shimbun|Now|Today|Times|Post|News|Daily|"
                         r"Journal|Herald|Gazette|Telegraph|Tribune|Pravda|Izvestia|Kommersant|Confidentiel|Express|"
                         r"Observer|Standard|Nation|Star|Monitor|Insider|Wire|Media|TV|Ozodi|Liberty|Sinmun|Ilbo|Shinbun)"
                         r"(?:\s+" + _NAME_TOKEN + r"){0,2})(?:,\s+(?:the|a|an)\s+[^,;.]{3,80},)?\s+"
                         r"(?:(?:first|also|had|has|earlier)\s+)?"
                         r"(?:reported|reports|said|says|wrote|cited|quoted|published|revealed|broke)\b")


_MISSION = re.compile(r"\b(?P<st>(?!The\b)[A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:['’]s)?\s+(?P<kind>[Ee]mbassy|[Cc]onsulate|[Hh]igh\s+"
                      r"[Cc]ommission)\s+in\s+(?P<city>" + UP + LOW + r"+(?:[\s-]" + UP + LOW + r"+)?)")


def _find_missions(text: str, out: list[Mention], spans: "Spans") -> None:
    """'the Russian embassy in Helsinki', 'China's embassy in Nairobi': a state's mission, an actor of its own."""
    g = gazetteer()
    for m in _MISSION.finditer(text):
        st = g.folded_index.get(fold(m.group("st")))
        if not st or st[0] not in ("state", "state_adj"):
            continue
        label = f"{g.states[st[1]].adjectives[0] if g.states[st[1]].adjectives else st[1]} {m.group('kind').lower()} in {m.group('city')}"
        s, e = m.start("kind"), m.end("city")
        # ("the South Korean Embassy" read as one name before): the state, then its mission
        out[:] = [x for x in out if not (x.start < e and x.end > s)]
        spans.remove(m.start("st"), e)
        if not any(x.start == m.start("st") and x.type == "State" for x in out):
            qs, qe = m.span("st")
            out.append(Mention(qs, qe, text[qs:qe], "State", st[1], "adj" if st[0] == "state_adj" else "name"))
            spans.append((qs, qe))
        out.append(Mention(s, e, text[s:e], "Organization", label, "pattern"))
        spans.append((s, e))


def _find_unknown_media(text: str, out: list[Mention], spans: "Spans") -> None:
    """Outlets a story cites by name: after a media noun ("the news website Al-Khaleej Now"), or a
    name with a media word as the subject of "reported" ("The Yomiuri Shimbun reported")."""
    for rx in (_MEDIA_NOUN, _MEDIA_SUBJ):
        for m in rx.finditer(text):
            s, e = m.span("name")
            name = m.group("name")
            lead = re.match(r"(?:The|A|An|On|In|But|And|Meanwhile|Earlier|Later)\s+", name)
            if lead:
                s, name = s + lead.end(), name[lead.end():]
            toks = name.split()
            if not toks or toks[0] in _NOT_NAME_WORDS:
                continue
            if _overlaps(spans, s, e):
                inside = [x for x in out if x.start < e and x.end > s]
                if not all(x.type in ("Place", "State") and s <= x.start and x.end <= e for x in inside):
                    continue
                for x in inside:  # "the newsletter Sahel Confidentiel": the region names the outlet
                    out.remove(x)
            if rx is _MEDIA_SUBJ and len(toks) < 2:
                continue
            out.append(Mention(s, e, name, "Organization", name, "pattern"))
            spans.append((s, e))


_CONTRACTOR = re.compile(r"\b(?:contracts?|deals?|orders?)\s+with\s+(?:the\s+)?(?:[a-z]+\s+)?(?:(?:company|firm|manufacturer|"
                         r"group|maker|contractor|producer)\s+)?(?P<name>(?:[A-Z][A-Z0-9&]{1,}|[A-Z][a-z][\w&.-]*)"
                         r"(?:\s+(?:[A-Z][\w&.-]*|&)){0,3})")


def _find_contractors(text: str, out: list[Mention], spans: "Spans") -> None:
    """A company a state contracts with ("a contract with KNDS Deutschland for 44 Leopard 2A8s"): the
    other party of a procurement, which no reference data or name pattern knows."""
    for m in _CONTRACTOR.finditer(text):
        s, e = m.span("name")
        name = m.group("name")
        if _overlaps(spans, s, e) or name.split()[0] in _NOT_NAME_WORDS:
            continue
        out.append(Mention(s, e, name, "Organization", name, "pattern"))
        spans.append((s, e))


_AIRPORT = re.compile(r"(?<![\w’'-])(?:[Tt]he\s+)?(?P<name>(?:" + UP + r"[\w’'.-]*[ \t]+(?:(?:al|el|ad|as|an|ar)-" + UP
                      + r"[\w’'.-]*[ \t]+)?){1,4}(?:International[ \t]+Airport|Airport|international[ \t]+airport|[Aa]ir[ \t]+[Bb]ase|"
                      r"Naval[ \t]+Base|naval[ \t]+base|Barracks|[Aa]irbase))\b")
_EXPERTS = re.compile(r"(?P<un>U\.N\.|UN|United\s+Nations)\s+(?P<kind>Group|Panel)\s+of\s+Experts"
                      r"(?P<on>\s+on\s+(?:the\s+)?" + UP + LOW + r"+(?:\s+" + UP + LOW + r"+)?)?")


def _find_expert_panels(text: str, out: list[Mention], spans: "Spans") -> None:
    """'The U.N. Group of Experts said in a report', 'the UN Panel of Experts on Sudan': a body of its own, not the UN."""
    for m in _EXPERTS.finditer(text):
        s, e = m.span()
        label = f"United Nations {m.group('kind')} of Experts{m.group('on') or ''}"
        out[:] = [x for x in out if not (x.start < e and x.end > s)]
        spans.remove(s, e)
        out.append(Mention(s, e, text[s:e], "Organization", label, "pattern"))
        spans.append((s, e))


def _find_unknown_places(text: str, out: list[Mention], spans: "Spans") -> None:
    """Capitalised names after a locative preposition ('in Kidal', 'near Chongjin and Hamhung',
    'to Vilseck') or with a place noun ('the Lachin corridor') that no other pass claimed."""
    for m in _POSS_PLACE.finditer(text):
        # "Russia's Pskov region"
        s, e = m.span("name")
        if _overlaps(spans, s, e) or m.group("name").split()[0] in _NOT_PLACE:
            continue
        name = m.group("name")
        out.append(Mention(s, e, name, "Place", _PLACE_SUFFIX_STRIP.sub("", re.sub(r"\s+(?:district|city|port|District)$", "", name)), "place"))
        spans.append((s, e))
    for m in _AIRPORT.finditer(text):
        # "Aden Adde International Airport", "Dublin Airport", "T4 air base", "Ain al-Asad air base", "Igam Barracks":
        # a place, with the city it is named for inside
        s, e = m.span("name")
        if m.group("name").split()[0] in _NOT_PLACE or any(
                x.start < e and x.end > s and not (x.type in ("Place", "State") and s <= x.start and x.end <= e) for x in out):
            continue
        out[:] = [x for x in out if not (x.start < e and x.end > s)]
        spans.remove(s, e)
        out.append(Mention(s, e, m.group("name"), "Place", m.group("name"), "place"))
        spans.append((s, e))
    for m in _GEO_NAME.finditer(text):
        s, e = m.span("name")
        if _overlaps(spans, s, e) or m.group("name").split()[0] in _NOT_PLACE:
            continue
        out.append(Mention(s, e, m.group("name"), "Place", m.group("name"), "place"))
        spans.append((s, e))
    last_place_end = -10
    g = gazetteer()
    surnames = {t for x in out if x.type == "Person" for t in surname_forms(x.label)}
    for m in _PLACE_CAND.finditer(text):
        s, e = m.span("name")
        name = m.group("name")
        prep = m.group("prep")
        toks = name.split()
        directional = toks[0] in _DIRECTIONS and len(toks) >= 3 and toks[1] not in _NOT_PLACE  # "North Hamgyong Province"
        if not directional and (toks[0] in _NOT_PLACE or any(t in _NOT_PLACE for t in toks[:2])):
            continue
        if name in g.person_short or name in surnames:
            continue  # "greetings from Putin": a person's surname, not a place
        if prep == "and" and m.start() - last_place_end > 3 and not any(
                0 <= m.start() - x.end <= 3 for x in out[-8:] if x.type == "Place"):
            continue  # "in Vladivostok, Ussuriysk, Khabarovsk and Ulan-Ude": the list goes on
        if prep == "of" and not re.search(r"\b(?:residents?|region|regions|city|town|village|villages|port|province|"
                                         r"outskirts|people|capital|governor|mayor|republic|settlement|hamlet)\s+$",
                                         text[max(0, m.start() - 20):m.start()]):
            continue
        if _overlaps(spans, s, e):
            continue
        after = text[e:e + 30]
        if after.startswith("."):
            if re.match(r"\.\s+[a-z]", after):
                continue
        # "in Kim Jong Un's …", "to Fort Bragg, N.C.": a following capitalised word makes it part of something else
        if re.match(r"\s+" + UP, after) and not re.match(r"\s+(?:and|in|on|at|to|of)\b", after):
            continue
        if re.match(r"['’]s\s", after) and not _PLACE_SUFFIX_STRIP.search(name):
            continue
        if len(toks) == 1 and s == 0:
            continue
        if re.match(r"\s*(?:" + _ORG_HEADS + r")\b", after) or re.search(
                r"\s(?:" + _ORG_HEADS + r"|Technologies|Technology|Systems|Industries|Airlines|Labs|Inc|Ltd|Corp)$", name):
            continue  # "images from Maxar Technologies": a company, not a place
        label = _PLACE_SUFFIX_STRIP.sub("", name)
        out.append(Mention(s, e, name, "Place", label, "place"))
        spans.append((s, e))
        last_place_end = e


def unify_variants(mentions: list[Mention]) -> list[Mention]:
    """'Gitanas Nausėda' … 'Gitanas Nauseda', 'Kim Jong-un' … 'Kim Jong Un': spellings that differ
    only in accents, hyphens or case name one person (the first spelling is the label)."""
    first: dict[str, str] = {}
    for m in mentions:
        if m.type == "Person" and m.how in ("name", "pattern"):
            k = fold_accents(m.label)
            lbl = first.setdefault(k, m.label)
            if lbl != m.label:
                m.label = lbl
    # "Mohammed bin Mubarak Al Mazrouei" … "Al Mazrouei": a two-word surname read as a name of its own
    full = {}
    for lbl in first.values():
        for f in surname_forms(lbl):
            if " " in f and f != lbl:
                full.setdefault(fold_accents(f), lbl)
    if full:
        for m in mentions:
            if m.type == "Person" and m.how == "pattern" and fold_accents(m.label) in full:
                m.label = full[fold_accents(m.label)]
    return mentions


def surname_forms(label: str) -> list[str]:
    toks = label.replace("‑", "-").split()
    if len(toks) < 2:
        return []
    if toks[0] in lexicon().surname_first:
        return [toks[0]]
    last = toks[-1]
    forms = [last]
    pm = re.match(r"(?:al|el|ad|as|ash|at|az|an|ar)-(.+)", last)
    if pm:
        forms += [pm.group(1), last[0].upper() + last[1:]]  # "al-Sisi" → "Sisi", "Al-Sisi"
    if len(toks) >= 3 and toks[-2] in ("Al", "El", "Abu", "Ben", "Bin", "Van", "Von", "De", "Da", "Di", "Du", "Le", "La", "Dos"):
        forms.append(f"{toks[-2]} {last}")  # "Mohammed bin Mubarak Al Mazrouei" → "Al Mazrouei"
    i = len(toks) - 2
    while i > 0 and re.fullmatch(_PARTICLE, toks[i]):
        i -= 1
    if i < len(toks) - 2:
        tail = " ".join(toks[i + 1:])
        forms += [tail, tail[0].upper() + tail[1:]]  # "von der Leyen", "Von der Leyen", "bin Salman"
    return forms


# a capitalised word right before a bare surname ("Rajnath Singh"), unless it opens a sentence
_CAPWORD_BEFORE = re.compile(r"(?<![.!?]\s)(?<!^)\b[A-Z]" + LOW + r"+\s+$")


@lru_cache(maxsize=1)
def _title_before() -> re.Pattern:
    """A title word ('President', 'Gen.') right before a bare surname: it may stand there."""
    return re.compile(r"\b(?:" + _alt(lexicon().title_words + ["Mr", "Ms", "Mrs", "Dr"], ignore_case=False) + r")\s+$")


def add_short_forms(text: str, mentions: list[Mention]) -> list[Mention]:
    """Bare surnames that refer to a person named in full (or known from the data)."""
    g = gazetteer()
    first_by_surname: dict[str, str] = {}
    for m in sorted(mentions, key=lambda x: x.start):
        if m.type == "Person" and m.how != "short":
            forms = surname_forms(m.label)
            if m.label in g.persons:
                forms = forms + g.persons[m.label].short
            for sn in forms:
                first_by_surname.setdefault(sn, m.label)
    names = set(first_by_surname) | set(g.person_short)
    if not names:
        return mentions
    spans = Spans(len(text))
    for m in mentions:
        spans.append((m.start, min(m.end, len(text))))
    rx = re.compile(r"(?<![\w’'-])(?:" + "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
                    + r")(?![\w-])")
    extra = []
    for m in rx.finditer(text):
        s, e = m.span()
        if _overlaps(spans, s, e):
            continue
        sn = m.group(0)
        before = text[max(0, s - 30):s]
        if _CAPWORD_BEFORE.search(before) and not _title_before().search(before):
            continue  # "Rajnath Singh" is not Sabrina Singh: a capitalised word before makes it another name
        # "Kim Jong Un"-style names continue with capitalised tokens: those are other names
        if re.match(r"\s+[A-Z][a-z]", text[e:e + 3]) and sn not in g.person_short:
            continue
        label = first_by_surname.get(sn) or g.person_short.get(sn)
        if not label:
            continue
        extra.append(Mention(s, e, sn, "Person", label, "short"))
    return sorted(mentions + extra, key=lambda x: (x.start, -x.end))
