"""Date expressions in news text → ISO 8601 at the precision the text gives.

``find_dates(text, ref)`` finds every date expression in ``text`` (a sentence)
and resolves it against ``ref`` (the article's publication date):

* absolute: "June 19, 2024", "19 June 2024", "Oct. 22", "June 2024", "2024",
  "2025-04-28";
* relative to the article date: "October last year", "last August", "earlier
  this year", "this month", "last month", "on Monday", "Tuesday's", "last fall",
  "in late April", "a year ago", "yesterday";
* intervals: "between July and August", "in January and February",
  "from October to December", "July-August";
* lists sharing a year: "October 22, December 12, and December 22 of last year";
* anaphoric (relative to the previous date in the discourse, ``prev``):
  "two days later", "the next day", "around the same time".

Precision is kept: a month without a day gives ``YYYY-MM``; a season or "last
year" gives ``YYYY``. Absolute dates are parsed with python-dateutil; date
arithmetic uses ``dateutil.relativedelta``.

A month or weekday without a year is resolved to the occurrence in the article's
year, except that a past-tense mention of a later month (or month-day) than the
article's means the previous year; weekdays resolve to the last such day on or
before the article date (or the next one after it for future tense).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from dateutil import parser as du_parser
from dateutil.relativedelta import relativedelta

__all__ = ["DateMention", "find_dates", "resolve", "parse_published", "to_date"]

_MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
    "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8,
    "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10, "november": 11, "nov": 11,
    "december": 12, "dec": 12,
}
_WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
             "saturday": 5, "sunday": 6}
_NUMWORDS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
             "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
             "several": None, "few": None, "a few": None}
# season → (first month, last month); winter runs December–February
_SEASONS = {"spring": (3, 5), "summer": (6, 8), "fall": (9, 11), "autumn": (9, 11), "winter": (12, 2)}

# Month names are matched case-sensitively (capitalised) so that "may" the verb is not a month.
_MON = (r"(?:January|February|March|April|May|June|July|August|September|October|November|December"
        r"|Jan\.|Feb\.|Mar\.|Apr\.|Jun\.|Jul\.|Aug\.|Sept\.|Sep\.|Oct\.|Nov\.|Dec\."
        r"|Jan|Feb|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)")
_DAY = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_YEAR = r"(?:19[5-9]\d|20\d\d|2100)"
_WD = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_NUM = r"(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|several|a few)"
_REL_YEAR = r"(?:last|this|next|the previous|the following|the past)\s+year"
_SEASON = r"(?:spring|summer|fall|autumn|winter)"
_EML = r"(?:early|mid|late|the end of|the beginning of|the start of|the middle of|the first half of|the second half of)"

_I = re.IGNORECASE


@dataclass
class DateMention:
    start: int            # offsets into the analysed text
    end: int
    text: str
    value: str | None     # ISO start (or the point)
    end_value: str | None  # ISO end of an interval, else None
    anaphoric: bool = False  # resolved against the previous date in the discourse

    @property
    def interval(self) -> bool:
        return self.end_value is not None


def to_date(value: str | None) -> date | None:
    """'2025-12-06' → date; None or partial → None."""
    if not value:
        return None
    try:
        return date.fromisoformat(value[:10]) if len(value) >= 10 else None
    except ValueError:
        return None


def _iso(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _month(tok: str) -> int:
    return _MONTHS[tok.lower().rstrip(".")]


def _day(tok: str) -> int:
    return int(re.sub(r"\D", "", tok))


def _abs_date(text: str, default_year: int) -> date | None:
    """Parse an absolute month-day(-year) string with dateutil."""
    try:
        dt = du_parser.parse(text.replace("Sept.", "Sep.").replace("Sept ", "Sep "), fuzzy=True,
                             default=datetime(default_year, 1, 1))
        return dt.date()
    except (ValueError, OverflowError, du_parser.ParserError):
        return None


def _year_for_month(month: int, ref: date, tense: str, day: int | None = None) -> int:
    """Year of a month (or month-day) the text gives without a year."""
    if tense == "past":
        if month > ref.month or (day is not None and month == ref.month and day > ref.day):
            return ref.year - 1
    return ref.year


def _shift_month(y: int, m: int, delta: int) -> tuple[int, int]:
    d = date(y, m, 1) + relativedelta(months=delta)
    return d.year, d.month


def _season(season: str, which: str, ref: date, tense: str) -> tuple[str, str | None]:
    first, last = _SEASONS[season.lower()]
    if which == "this":
        y = ref.year
    elif which == "next":
        y = ref.year + 1 if ref.month >= first and first != 12 else ref.year
    else:  # last / the / bare: most recent that has begun before ref
        if first == 12:  # winter: Dec(y-1)–Feb(y)
            end_year = ref.year if ref.month > 2 else ref.year - 1
            return _iso(end_year - 1, 12), _iso(end_year, 2)
        if which == "last":
            y = ref.year if ref.month > last else ref.year - 1
        else:  # "in the autumn" in past tense: the last one that began
            y = ref.year if ref.month >= first else ref.year - 1
            if tense == "future":
                y = ref.year if ref.month <= last else ref.year + 1
    if first == 12:
        return _iso(y, 12), _iso(y + 1, 2)
    return _iso(y), None


def _weekday(name: str, ref: date, tense: str, which: str | None) -> date:
    wd = _WEEKDAYS[name.lower()]
    if which == "next" or (which is None and tense == "future"):
        delta = (wd - ref.weekday()) % 7 or 7
        return ref + timedelta(days=delta)
    delta = (ref.weekday() - wd) % 7
    if which == "last" and delta == 0:
        delta = 7
    return ref - timedelta(days=delta)


def _num(tok: str) -> int | None:
    tok = tok.lower().strip()
    if tok.isdigit():
        return int(tok)
    return _NUMWORDS.get(tok)


def _shift(value: str, n: int, unit: str) -> str:
    """Shift an ISO value by n units keeping its precision (days need a day)."""
    unit = unit.lower().rstrip("s")
    parts = [int(p) for p in value.split("-")]
    if len(parts) == 3:
        d = date(*parts)
        if unit == "day":
            return (d + timedelta(days=n)).isoformat()
        if unit == "week":
            return (d + timedelta(weeks=n)).isoformat()
        if unit == "month":
            return (d + relativedelta(months=n)).strftime("%Y-%m")
        return str(d.year + n)
    if len(parts) == 2:
        if unit == "month":
            return _iso(*_shift_month(parts[0], parts[1], n))
        if unit == "year":
            return str(parts[0] + n)
        return value
    return str(parts[0] + n) if unit == "year" else value


# ----------------------------------------------------------------- patterns --
# Each entry: (name, compiled regex). Tried in order; earlier wins on overlap.
_P: list[tuple[str, re.Pattern]] = []


def _add(name: str, pattern: str, flags: int = 0) -> None:
    _P.append((name, re.compile(pattern, flags)))


_add("iso", r"\b(?P<y>" + _YEAR + r")-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])\b")
# year ranges: from 2015 to 2018, between 2015 and 2018, 2015-2018
_add("yrange", r"\b(?:(?i:from|between)\s+)?(?P<y1>" + _YEAR + r")\s*(?:to|and|until|through|-|–)\s*(?P<y2>" + _YEAR + r")\b")
# month ranges: between July and August (2025), from July to August, July-August, in January and February
_add("mrange", r"\b(?:(?:between|from)\s+)?(?P<m1>" + _MON + r")(?:\s+(?P<y1>" + _YEAR + r"))?"
     r"\s*(?:and|to|through|until|-|–)\s*(?P<m2>" + _MON + r")\b(?!\s+" + _DAY + r"\b)"
     r"(?:,?\s+(?P<y2>" + _YEAR + r")|\s+(?:of\s+)?(?P<rel>" + _REL_YEAR + r"))?")
# day ranges in one month: "between Oct. 8 and 13", "from June 3 to 5", "Oct. 8-13"
_add("drange", r"\b(?:(?i:between)\s+(?P<m>" + _MON + r")\s+(?P<d1>" + _DAY + r")\s*(?:and|-|–)\s*|(?:(?i:from)\s+)?(?P<mm>" + _MON
     + r")\s+(?P<dd1>" + _DAY + r")\s*(?:to|through|until|-|–)\s*)"
     r"(?P<d2>" + _DAY + r")\b(?![,.]?\d)(?!\s+(?:" + _MON + r"))(?:,?\s+(?P<y>" + _YEAR + r")\b)?")
# "on the 12th", "since the 3rd", "on the 11th of this month": a day of the article's month
_add("ordday", r"\b(?i:on|by|since|until|from|before|after)\s+the\s+(?P<d>[12]?\d|3[01])(?:st|nd|rd|th)\b"
     r"(?:\s+of\s+(?P<which>this|last|next|the\s+same|the\s+previous|the\s+following)\s+month)?"
     r"(?=\s*[,.;:)\"”]|\s*$|\s+(?:and|when|at|in|as|after|before|with|that)\b)")
# Month Day, Year | Day Month Year | Month Day | Day Month  (+ "of last year" / "last year")
_add("mdy", r"\b(?P<m>" + _MON + r")\s+(?P<d>" + _DAY + r")\b(?![,.]?\d)"
     r"(?:(?:,\s*|\s+)(?P<y>" + _YEAR + r")\b)?")
_add("dmy", r"\b(?P<d>" + _DAY + r")\s+(?:of\s+)?(?P<m>" + _MON + r")(?:,?\s+(?P<y>" + _YEAR + r")\b)?")
# October last year / October of last year / October 2024 / October of 2024
_add("my", r"\b(?:(?P<eml>" + _EML + r")[\s-]+)?(?P<m>" + _MON + r")\s+(?:of\s+)?(?:(?P<y>" + _YEAR
     + r")\b|(?P<rel>" + _REL_YEAR + r"))")
# last October / this October / next October (optionally early/late)
_add("relm", r"\b(?P<which>(?i:last|this|next|(?:early|mid|late)\s+last|(?:early|mid|late)\s+this))\s+"
     r"(?P<m>" + _MON + r")\b")
# early/mid/late April
_add("emlm", r"\b(?P<eml>" + _EML + r")[\s-]+(?P<m>" + _MON + r")\b")
# early/mid/late 2025, the end of 2024
_add("emly", r"\b(?P<eml>" + _EML + r")[\s-]+(?P<y>" + _YEAR + r")\b")
# early/late last year, the end of last year, earlier/later this year, earlier this month
_add("emlrel", r"\b(?P<eml>" + _EML + r"|earlier|later|earlier in|later in)\s+(?P<which>last|this|next)\s+"
     r"(?P<unit>year|month|week)\b", _I)
_add("endof", r"\b(?:the\s+)?(?P<pos>end|beginning|start|middle|first\s+half|second\s+half)\s+of\s+(?:the|this)\s+(?P<unit>year|month)\b", _I)
_add("rel", r"\b(?P<which>last|this|next|the previous|the following|the past)\s+(?P<unit>year|month|week)\b", _I)
_add("ago", r"\b(?P<n>" + _NUM + r")\s+(?P<unit>day|week|month|year)s?\s+ago\b", _I)
_add("later", r"\b(?P<n>" + _NUM + r")\s+(?P<unit>day|week|month|year)s?\s+(?P<dir>later|earlier|after|before)\b(?!\s+(?:the|a|an|its|their|his|her)\b)", _I)
_add("sameday", r"\b(?P<what>(?:around|at|about)\s+the\s+same\s+time|(?:on\s+)?the\s+same\s+day|"
     r"(?:on\s+)?that\s+day|the\s+(?:next|following)\s+day|the\s+day\s+(?:before|after)|the\s+previous\s+day)\b", _I)
_add("season", r"\b(?P<which>last|this|next|the|in|since|during)\s+(?P<s>" + _SEASON + r")\b(?:\s+of\s+(?P<y>" + _YEAR + r"))?", _I)
_add("seasony", r"\b(?P<s>" + _SEASON + r")\s+(?:of\s+)?(?P<y>" + _YEAR + r")\b", _I)
_add("wd", r"\b(?:(?P<which>last|next|this)\s+)?(?P<wd>" + _WD + r")(?P<poss>['’]s)?\b")
_add("yesterday", r"\b(?P<w>yesterday|today|tonight|tomorrow|this\s+(?:morning|afternoon|evening)|last\s+night|"
     # "just hours ago", "two hours ago": the day of the story
     r"(?:(?:just|only|a\s+few|several|a\s+couple\s+of|" + _NUM + r")\s+)?(?:hours?|minutes?)\s+ago)\b", _I)
# "over the weekend", "last weekend", "this past weekend": the Saturday and Sunday
_add("weekend", r"\b(?P<which>over\s+the|at\s+the|during\s+the|last|this|this\s+past|the\s+past|next|the\s+coming)\s+weekend\b", _I)
_add("monthonly", r"\b(?:(?i:in|since|until|by|from|through|during|of|early|late|before|after)\s+)(?P<m>" + _MON + r")\b(?!\s+\d)")
_add("monthyear", r"\b(?P<m>" + _MON + r")\s*,?\s*(?P<y>" + _YEAR + r")\b")
_add("year", r"\b(?:(?P<prep>(?i:in|of|since|by|until|through|during|from|to|before|after|between|and|for|throughout|early|late|mid|mid-))\s*)(?P<y>" + _YEAR + r")\b(?![,.]?\d)(?!\s*(?:troops|soldiers|personnel|workers|engineers))")
_add("yearposs", r"\b(?P<y>" + _YEAR + r")['’]s\b")
# a year used as an adjective: "a 2012 military cooperation agreement", "the 1961 treaty"
_add("yearadj", r"\b(?:[Aa]n?|[Tt]he|[Ii]ts|[Tt]heir)\s+(?P<y>" + _YEAR + r")(?=\s+[a-z])(?!\s+(?:troops|soldiers|personnel|"
     r"workers|engineers|people|men|and|to|or)\b)")

# A list "October 22, December 12, and December 22 of last year" shares its year.
_LIST_TAIL = re.compile(r"^\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s*,?\s*or\s+)$")
_YEAR_TAIL = re.compile(r"^\s*,?\s*(?:of\s+)?(?P<rel>" + _REL_YEAR + r")\b", _I)


def _resolve_match(name: str, m: re.Match, ref: date, tense: str,
                   prev: str | None) -> tuple[str | None, str | None, bool]:
    g = m.groupdict()
    if name == "iso":
        try:  # '2000-02-30' has the shape of a date but is none: no date rather than a wrong one
            return date(int(g["y"]), int(g["m"]), int(g["d"])).isoformat(), None, False
        except ValueError:
            return None, None, False
    if name == "yrange":
        y1, y2 = int(g["y1"]), int(g["y2"])
        if y2 > y1:
            return _iso(y1), _iso(y2), False
        return _iso(y1), None, False
    if name == "mrange":
        m1, m2 = _month(g["m1"]), _month(g["m2"])
        if g.get("y2") or g.get("y1"):
            y2 = int(g["y2"] or g["y1"])
            y1 = int(g["y1"]) if g.get("y1") else (y2 if m1 <= m2 else y2 - 1)
        elif g.get("rel"):
            y2 = _rel_year(g["rel"], ref)
            y1 = y2 if m1 <= m2 else y2 - 1
        else:
            y1 = _year_for_month(m1, ref, tense)
            y2 = y1 if m2 >= m1 else y1 + 1
        return _iso(y1, m1), _iso(y2, m2), False
    if name == "drange":
        mo, d1, d2 = _month(g["m"] or g["mm"]), _day(g["d1"] or g["dd1"]), _day(g["d2"])
        y = int(g["y"]) if g.get("y") else _year_for_month(mo, ref, tense, d1)
        try:
            a, b = date(y, mo, d1), date(y, mo, d2)
        except ValueError:
            return None, None, False
        return (a.isoformat(), b.isoformat(), False) if b > a else (a.isoformat(), None, False)
    if name in ("mdy", "dmy"):
        mo, d = _month(g["m"]), _day(g["d"])
        if g.get("y"):
            y = int(g["y"])
        else:
            y = _year_for_month(mo, ref, tense, d)
        try:
            dd = _abs_date(f"{g['m'].rstrip('.')} {d} {y}", y) or date(y, mo, d)
            return dd.isoformat(), None, False
        except ValueError:
            return None, None, False
    if name == "my":
        mo = _month(g["m"])
        y = int(g["y"]) if g.get("y") else _rel_year(g["rel"], ref)
        return _iso(y, mo), None, False
    if name == "relm":
        mo = _month(g["m"])
        which = g["which"].lower().split()[-1]
        if which == "last":
            y = ref.year if mo < ref.month else ref.year - 1
        elif which == "next":
            y = ref.year if mo > ref.month else ref.year + 1
        else:
            y = ref.year
        return _iso(y, mo), None, False
    if name == "emlm":
        mo = _month(g["m"])
        return _iso(_year_for_month(mo, ref, tense), mo), None, False
    # "the end of 2024", "by the end of the year": its last month, as analysts record it
    year_end = (g.get("eml") or "").lower() == "the end of"
    if name == "emly":
        return (_iso(int(g["y"]), 12) if year_end else _iso(int(g["y"]))), None, False
    if name in ("emlrel", "rel"):
        which, unit = g["which"].lower(), g["unit"].lower()
        step = {"last": -1, "the previous": -1, "the past": -1, "this": 0, "next": 1, "the following": 1}.get(which, 0)
        if unit == "year":
            return (_iso(ref.year + step, 12) if year_end else _iso(ref.year + step)), None, False
        if unit == "month":
            return _iso(*_shift_month(ref.year, ref.month, step)), None, False
        wk = ref + timedelta(weeks=step)
        return _iso(wk.year, wk.month), None, False
    if name == "endof":
        if g["unit"].lower() == "year":
            return (_iso(ref.year, 12) if g["pos"].lower() == "end" else _iso(ref.year)), None, False
        return _iso(ref.year, ref.month), None, False
    if name == "ago":
        n = _num(g["n"])
        if n is None:
            return None, None, False
        if g["unit"].lower() == "week":
            # "two weeks ago": that day (the closest ISO form to the week the text gives)
            return (ref - timedelta(weeks=n)).isoformat(), None, False
        return _shift(ref.isoformat(), -n, g["unit"]), None, False
    if name == "later":
        n = _num(g["n"])
        if n is None or not prev:
            return None, None, True
        d = g["dir"].lower()
        # "two days later" dates what follows from what came before; "(…, ) two days after Russian
        # drones crossed into Poland" dates the clause that follows: two days before the date given
        sign = {"later": 1, "earlier": -1, "after": -1, "before": 1}[d]
        return _shift(prev, sign * n, g["unit"]), None, True
    if name == "sameday":
        if not prev:
            return None, None, True
        w = g["what"].lower()
        if "next" in w or "following" in w or "after" in w:
            return (_shift(prev, 1, "day") if len(prev) == 10 else None), None, True
        if "before" in w or "previous" in w:
            return (_shift(prev, -1, "day") if len(prev) == 10 else None), None, True
        return prev, None, True
    if name in ("season", "seasony"):
        if g.get("y"):
            first, _last = _SEASONS[g["s"].lower()]
            y = int(g["y"])
            return (_iso(y, 12), _iso(y + 1, 2), False) if first == 12 else (_iso(y), None, False)
        which = g["which"].lower()
        which = {"in": "the", "since": "the", "during": "the"}.get(which, which)
        a, b = _season(g["s"], which, ref, tense)
        return a, b, False
    if name == "wd":
        which = g["which"].lower() if g.get("which") else None
        return _weekday(g["wd"], ref, tense, which).isoformat(), None, False
    if name == "yesterday":
        w = g["w"].lower()
        delta = {"yesterday": -1, "tomorrow": 1, "last night": -1}.get(re.sub(r"\s+", " ", w), 0)
        return (ref + timedelta(days=delta)).isoformat(), None, False
    if name == "weekend":
        which = re.sub(r"\s+", " ", g["which"].lower())
        wd = ref.weekday()  # Monday 0 … Sunday 6
        future = which in ("next", "the coming") or (which == "this" and tense == "future")
        if future:
            sat = ref + timedelta(days=(5 - wd) % 7 or 7) if wd != 6 else ref + timedelta(days=6)
        else:
            sat = ref - timedelta(days=(wd - 5) % 7) if wd >= 5 else ref - timedelta(days=wd + 2)
            if wd == 5 and which not in ("this", "over the", "at the", "during the"):
                sat = ref - timedelta(days=7)
        return sat.isoformat(), (sat + timedelta(days=1)).isoformat(), False
    if name == "ordday":
        which = re.sub(r"\s+", " ", (g.get("which") or "").lower())
        day = int(g["d"])
        if not 1 <= day <= 31:
            return None, None, False
        step = {"last": -1, "the previous": -1, "next": 1, "the following": 1}.get(which)
        if step is None and not which:
            # no month given: this month's day, or last month's when it is still to come (told in the past)
            step = -1 if (tense == "past" and day > ref.day) else (1 if tense == "future" and day < ref.day else 0)
        y, mo = _shift_month(ref.year, ref.month, step or 0)
        try:
            return date(y, mo, day).isoformat(), None, False
        except ValueError:
            return None, None, False
    if name == "monthonly":
        mo = _month(g["m"])
        return _iso(_year_for_month(mo, ref, tense), mo), None, False
    if name == "monthyear":
        return _iso(int(g["y"]), _month(g["m"])), None, False
    if name in ("year", "yearposs", "yearadj"):
        return _iso(int(g["y"])), None, False
    return None, None, False


def _rel_year(rel: str, ref: date) -> int:
    rel = rel.lower()
    if rel.startswith(("last", "the previous", "the past")):
        return ref.year - 1
    if rel.startswith(("next", "the following")):
        return ref.year + 1
    return ref.year


_MAX_TEXT = 20000


def find_dates(text: str, ref: date | None, *, tense: str = "past",
               prev: str | None = None, prev_day: str | None = None) -> list[DateMention]:
    """All date expressions in ``text`` with their resolved values, in order.

    ``ref`` None: only expressions that carry their own year resolve.
    ``prev``: ISO value of the previous date in the discourse (for "two days later").
    """
    if not text:
        return []
    text = text[:_MAX_TEXT]
    taken: list[tuple[int, int]] = []
    found: list[tuple[int, int, str, re.Match]] = []
    gates = _gates(text)
    for name, rx in _P:
        if not gates.get(name, True):
            continue
        for m in rx.finditer(text):
            s, e = m.span()
            if name == "monthonly" or name == "year":
                # keep the preposition out of the span only for "in"/"of"… (harmless either way)
                pass
            if any(s < te and e > ts for ts, te in taken):
                continue
            if name == "wd" and not _weekday_ok(text, s):
                continue
            taken.append((s, e))
            found.append((s, e, name, m))
    found.sort(key=lambda t: t[0])
    out: list[DateMention] = []
    covered_to = -1
    # lists sharing a trailing "of last year": find runs of mdy/dmy without year
    for i, (s, e, name, m) in enumerate(found):
        if s < covered_to:
            continue
        r = ref or date(1, 1, 1)
        if ref is None and name not in ("iso", "mdy", "dmy", "my", "emly", "seasony", "monthyear", "year", "yearposs", "yearadj", "mrange",
                                        "yrange"):
            continue
        if ref is None and name in ("mdy", "dmy", "mrange", "drange") and not (m.groupdict().get("y") or m.groupdict().get("y2") or m.groupdict().get("y1")):
            continue
        if ref is None and name == "my" and not m.groupdict().get("y"):
            continue
        p_use = prev
        if name in ("sameday", "later") and prev_day and (
                "day" in m.group(0).lower() and "same time" not in m.group(0).lower()):
            p_use = prev_day  # "the same day", "two days later": the last date given to the day
        try:
            value, end_value, ana = _resolve_match(name, m, r, tense, p_use)
        except (OverflowError, ValueError):  # "next Saturday" from 9999-12-31: no such day
            continue
        end = e
        if name in ("mdy", "dmy") and not m.group("y"):
            shared = _shared_year(text, found, i, r)
            if shared is not None:
                y, tail_end = shared
                try:
                    value = date(y, _month(m.group("m")), _day(m.group("d"))).isoformat()
                except ValueError:
                    value = None
                if tail_end:
                    end = tail_end
        if name in ("mdy", "dmy") and not m.group("y") and ref is None:
            continue
        covered_to = max(covered_to, end)
        out.append(DateMention(s, end, text[s:end], value, end_value, ana))
        if value:
            prev = value
            if len(value) == 10:
                prev_day = value
    return out


_HAS_MONTH = re.compile(_MON)
_HAS_WD = re.compile(_WD)
_HAS_SEASON = re.compile(_SEASON, re.IGNORECASE)


def _gates(text: str) -> dict[str, bool]:
    """Cheap checks that rule out patterns which cannot match (most sentences hold few dates)."""
    low = text.lower()
    digit = any(c.isdigit() for c in text)
    month = bool(_HAS_MONTH.search(text))
    unit = "year" in low or "month" in low or "week" in low
    season = bool(_HAS_SEASON.search(text))
    return {
        "iso": digit, "yrange": digit, "mrange": month, "drange": month and digit, "mdy": month and digit, "dmy": month and digit, "my": month,
        "relm": month, "emlm": month, "emly": digit, "emlrel": unit, "rel": unit, "endof": unit, "ago": "ago" in low,
        "later": ("later" in low or "earlier" in low or "after" in low or "before" in low),
        "sameday": ("same" in low or "day" in low), "season": season, "seasony": season and digit,
        "wd": bool(_HAS_WD.search(text)),
        "yesterday": ("yesterday" in low or "today" in low or "tonight" in low or "tomorrow" in low or "this" in low
                      or "night" in low or "ago" in low),
        "weekend": "weekend" in low,
        "ordday": digit and " the " in low, "monthonly": month, "monthyear": month and digit, "year": digit, "yearposs": digit, "yearadj": digit,
    }


def _shared_year(text: str, found: list, i: int, ref: date) -> tuple[int, int | None] | None:
    """For item i of a list of month-days, the year given once after the list's last item."""
    j = i
    while j + 1 < len(found):
        s0, e0, n0, m0 = found[j]
        s1, e1, n1, m1 = found[j + 1]
        if n1 not in ("mdy", "dmy") or not _LIST_TAIL.match(text[e0:s1]):
            break
        j += 1
        if m1.group("y"):
            return int(m1.group("y")), None
    s_last, e_last, n_last, m_last = found[j]
    if j > i and m_last.group("y"):
        return int(m_last.group("y")), None
    tail = _YEAR_TAIL.match(text[e_last:e_last + 40])
    if tail:
        return _rel_year(tail.group("rel"), ref), (e_last + tail.end() if j == i else None)
    return None


def _weekday_ok(text: str, s: int) -> bool:
    """A weekday name at the very start of a date line is fine; otherwise always a date."""
    return True


def resolve(expr: str, ref: date | str | None, tense: str = "past",
            prev: str | None = None) -> tuple[str | None, str | None]:
    """Resolve one expression: 'October last year' → ('2024-10', None)."""
    if isinstance(ref, str):
        ref = to_date(ref)
    ms = find_dates(expr, ref, tense=tense, prev=prev)
    if not ms:
        return None, None
    m = ms[0]
    return m.value, m.end_value


# -------------------------------------------------------------- published --
# On date lines a bare "Mar" is the month ("Wed 2 Mar 2022"); in prose it is left out of _MON.
_MON_PUB = (_MON[:-1] + r"|Mar|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEPT?|OCT|NOV|DEC|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|"
            r"AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)")
_SEP = r"[-/.]"
_PUB_PATTERNS = [
    # 2024-11-05, 2025.06.18, 2024/11/05
    re.compile(r"(?<!\d)(?P<y>" + _YEAR + r")" + _SEP + r"(?P<m>0?[1-9]|1[0-2])" + _SEP
               + r"(?P<d>0?[1-9]|[12]\d|3[01])(?!\d)"),
    # Nov. 5, 2024 / November 5th 2024 / Nov 5 2024 / November 5, 2024
    # ("June 26, 20253:41 PM GMT+1": a page scraped without the space between the year and the time)
    re.compile(r"\b(?P<mon>" + _MON_PUB + r")(?:\.\s*|\s+)(?P<d>" + _DAY + r")\b(?:,\s*|\s+)(?P<y>" + _YEAR
               + r")(?:\b|(?=\d{1,2}:\d{2}\b))"),
    # 5 November 2024 / 2 Mar 2022 / 28 Apr. 2025 / 5th of November, 2024
    re.compile(r"\b(?P<d>" + _DAY + r")\s+(?:of\s+)?(?P<mon>" + _MON_PUB + r")\.?,?\s+(?P<y>" + _YEAR
               + r")(?:\b|(?=\d{1,2}:\d{2}\b))"),
    # 22.05.2025, 07/06/2025, 05-11-2024 (day first unless only month first is valid or a weekday says so)
    re.compile(r"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])(?P<s>[./-])(?P<m>0?[1-9]|[12]\d|3[01])(?P=s)(?P<y>" + _YEAR
               + r")(?!\d)"),
    # November 2024 has no day: not a publication date
]


_WD_ABBR = re.compile(r"\b(Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\b")
_HAS_YEAR = re.compile(_YEAR)
_WD_NAMES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def published_dates(line: str) -> list[tuple[int, str]]:
    """Every full date (day, month, year) on a line, as (offset, ISO), in order of appearance."""
    out: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    if not _HAS_YEAR.search(line):
        return out  # every pattern has a year in it
    for k, rx in enumerate(_PUB_PATTERNS):
        for m in rx.finditer(line):
            if any(m.start() < b and m.end() > a for a, b in taken):
                continue
            g = m.groupdict()
            try:
                mo = _month(g["mon"]) if g.get("mon") else int(g["m"])
                d = date(int(g["y"]), mo, _day(g["d"]))
            except (ValueError, KeyError):
                d = None
            if k == 3:
                try:
                    alt = date(int(g["y"]), int(g["d"]), int(g["m"]))  # month first
                except ValueError:
                    alt = None
                wd = _WD_ABBR.search(line)
                if alt and (d is None or (wd and alt.weekday() == _WD_NAMES.index(wd.group(1).lower())
                                          and d.weekday() != alt.weekday())):
                    d = alt
            if d:
                taken.append(m.span())
                out.append((m.start(), d.isoformat()))
    out.sort()
    return out


def parse_published(line: str) -> str | None:
    """The first full date (day, month, year) on a line, ISO; None when there is none.

    Numeric and named-month forms, with or without weekday and time ("Wed 2 Mar 2022 21.40 GMT",
    "2025.06.18 14:05", "Updated Nov. 5, 2024 at 9:40 a.m. KST"). A numeric date "07/06/2025" is
    read day first, unless only the month-first reading is a valid date or a weekday named on the
    line agrees with the month-first reading."""
    ds = published_dates(line)
    return ds[0][1] if ds else None
