"""Date expressions in article text ("on Sunday", "last Thursday", "July 23", "December
2019", "in 2014") resolved against the article's publication date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ._tables import MONTHS as _MONTHS
from ._tables import WEEKDAYS as _WEEKDAYS

__all__ = ["is_length", "news_day", "resolve"]

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")

#: A wire dateline with its day at the start of a paragraph: "WASHINGTON, Sept 26 (Meuse
#: Wire) -", "BEIJING, Oct. 14 (Xinhua) --".
_DATELINE_DAY = re.compile(
    r"(?:^|\n)[A-Z][A-Za-z.'/ -]{1,40},\s+(?P<mon>[A-Za-z]{3,9})\.?\s+(?P<d>\d{1,2})\b"
    r"(?:\s*\([^)\n]{1,40}\))?\s*[-–—]"
)
#: How far into the text a dateline may stand (after a headline line).
DATELINE_WITHIN_CHARS = 400
#: How many days before publication a dateline's day may fall: a wire filed in the
#: evening is published after midnight, or a day or two later elsewhere.
DATELINE_LAG_DAYS = 3


def news_day(text: str, published: date | None) -> date | None:
    """The day an article reports from: its wire dateline's day when it opens with one a
    few days before publication at most ("WASHINGTON, Sept 26 (Meuse Wire) -" on a page
    published at 01:15 on Sept 27), else the publication day. What the article tells
    without a date of its own happened then, and "on Monday" is counted back from it."""
    if published is None:
        return None
    m = _DATELINE_DAY.search(text[:DATELINE_WITHIN_CHARS])
    month = _MONTHS.get(m["mon"].lower()) if m else None
    if m is None or month is None:
        return published
    for year in (published.year, published.year - 1):  # a December dateline in January
        try:
            day = date(year, month, int(m["d"]))
        except ValueError:
            return published
        if 0 <= (published - day).days <= DATELINE_LAG_DAYS:
            return day
    return published


#: Times within the day told ("earlier in the day", "later today"): that day.
_SAME_DAY = re.compile(r"(?:earlier|later) (?:in the day|today|that day)")


def is_same_day(expr: str) -> bool:
    """Is ``expr`` a time within the day told ("Earlier in the day", "later today"), which
    :func:`resolve` reads as that day?"""
    return _SAME_DAY.fullmatch(expr.strip().lower()) is not None


def resolve(expr: str, published: date | None) -> str | None:
    """Resolve a date expression ("on Sunday", "last Thursday", "July 23", "December 2019",
    "in 2014") to an ISO date, or a year-month / year for coarser expressions.

    Weekday names refer to the most recent such day on or before publication (news reports
    the past); with no publication date, only absolute expressions resolve."""
    s = expr.strip().lower().replace(",", " ")
    s = re.sub(r"^(on|in|since|by|from|during|until)\s+", "", s)
    words = s.split()
    if not words:
        return None
    span = _DURATION.fullmatch(s)
    if span is not None and (span.group("dir") == "ago" or span.group("unit") in _LONG_UNITS):
        return _ago(span, published)
    if published is not None:
        if words[0] in ("today", "tonight") or s in ("this morning", "this evening"):
            return published.isoformat()
        if _SAME_DAY.fullmatch(s):  # "earlier in the day", "later today"
            return published.isoformat()
        if words[0] == "yesterday":
            return (published - timedelta(days=1)).isoformat()
        if words[0] == "tomorrow":
            return (published + timedelta(days=1)).isoformat()
        wd = next((w for w in words if w in _WEEKDAYS), None)
        if wd and not any(w in _MONTHS for w in words):
            target = _WEEKDAYS.index(wd)
            back = (published.weekday() - target) % 7
            if words[0] == "last" and back == 0:
                back = 7
            if words[0] == "next":
                return (
                    published + timedelta(days=(target - published.weekday()) % 7 or 7)
                ).isoformat()
            return (published - timedelta(days=back)).isoformat()
        unit = _UNIT_RELATIVE.fullmatch(s)
        if unit is not None:
            return _unit_relative(unit, published)
    return _absolute(words, published)


def length_in_days(expr: str) -> int | None:
    """The days a length of days or weeks spans ("four days", "two weeks", "a day"), or
    None for anything else (months and years are no fixed count of days)."""
    s = re.sub(r"^(just|only|some|about|nearly|almost)\s+", "", expr.strip().lower())
    span = _DURATION.fullmatch(s)
    if span is None or span.group("dir") is not None or span.group("unit") not in ("day", "week"):
        return None
    n = _count(span.group("n"))
    if n is None:
        return None
    return n * (7 if span.group("unit") == "week" else 1)


def is_length(expr: str) -> bool:
    """Whether a date expression is a length of time, not a point in it: "seven days" (to
    leave), "within 72 hours", "for two weeks" — not "two days ago", "18 years"."""
    s = re.sub(r"^(within|for|in|over|after)\s+", "", expr.strip().lower().replace(",", " "))
    s = re.sub(r"\bhours?\b", "day", s)
    span = _DURATION.fullmatch(s)
    return (
        span is not None
        and span.group("dir") is None
        and span.group("unit") not in _LONG_UNITS  # "18 years" (after ...) is told apart
        and not s.startswith(("the ", "past ", "last "))
    )


#: "last week", "next month", "earlier this year": a week, a month or
#: a year counted from publication, as precise as its unit.
_UNIT_RELATIVE = re.compile(
    r"(?:the\s+)?(?:(?:earlier|later)\s+)?(?P<which>last|next|this|coming|past)"
    r"\s+(?P<unit>week|month|year)"
)
_STEP = {"last": -1, "past": -1, "next": 1, "coming": 1}


def _unit_relative(m: re.Match[str], published: date) -> str | None:
    """A week, month or year before, at or after publication, no more precise than the
    unit: "next month" is a month (not the same day next month), "last year" a year, and a
    week the month it lies in (nothing when it straddles two): never a false day."""
    step = _STEP.get(m.group("which"), 0)
    unit = m.group("unit")
    if unit == "year":
        return f"{published.year + step:04d}"
    if unit == "month":
        y, mo = divmod(published.year * 12 + published.month - 1 + step, 12)
        return f"{y:04d}-{mo + 1:02d}"
    return _week_month(published + timedelta(days=7 * step))


def _week_month(day: date) -> str | None:
    """The month of the Monday-to-Sunday week holding ``day``, if the week is in one."""
    monday = day - timedelta(days=day.weekday())
    sunday = monday + timedelta(days=6)
    if (monday.year, monday.month) != (sunday.year, sunday.month):
        return None
    return f"{monday.year:04d}-{monday.month:02d}"


#: A length of time, maybe counted back from publication: "18 years ago", "three decades",
#: "five months later", "two weeks".
_DURATION = re.compile(
    r"(?:the\s+)?(?:past\s+|last\s+|nearly\s+|almost\s+|about\s+|some\s+|more than\s+)*"
    r"(?P<n>\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"several|few|a few|many)\s+(?P<unit>day|week|month|year|decade)s?"
    r"(?:\s+(?P<dir>ago|earlier|later|after|before|on|since))?"
)
#: Units too long to place an act near publication when counted from something else.
_LONG_UNITS = frozenset(["month", "year", "decade"])
_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
}


def _count(word: str) -> int | None:
    """A count written in words or digits ("four", "a", "18"); None for "several", "few"."""
    return _NUMBERS.get(word) or (int(word) if word.isdigit() else None)


def _ago(m: re.Match[str], published: date | None) -> str | None:
    """Only "N units ago" is a date, counted back from publication, as precise as its unit
    ("18 years ago" → a year, "five months ago" → a month); a long length of time ("three
    decades", "18 years after" the attacks) dates nothing. Short ones ("a day after") are
    left to the general parser: they stay near publication."""
    n = _count(m.group("n"))
    if m.group("dir") != "ago" or published is None or n is None:
        return None
    unit = m.group("unit")
    if unit in ("year", "decade"):
        return f"{published.year - n * (10 if unit == 'decade' else 1):04d}"
    if unit == "month":
        y, mo = divmod(published.year * 12 + published.month - 1 - n, 12)
        return f"{y:04d}-{mo + 1:02d}"
    if unit == "week":  # "two weeks ago": that week, as a month (see _week_month)
        return _week_month(published - timedelta(days=7 * n))
    return (published - timedelta(days=n)).isoformat()


#: Words that place a time within a month without a day ("early September").
_PART_OF_MONTH = frozenset(["early", "late", "mid", "mid-", "the", "end", "beginning", "of"])


def _absolute(words: list[str], published: date | None) -> str | None:
    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    if month is None:
        month = next(
            (
                _MONTHS[m]
                for w in words
                for m in _MONTHS
                if len(w) >= 3 and m.startswith(w.rstrip("."))
            ),
            None,
        )
    year_m = _YEAR.search(" ".join(words))
    year = int(year_m.group(1)) if year_m else None
    day = next(
        (int(w.rstrip("stndrh")) for w in words if re.fullmatch(r"\d{1,2}(st|nd|rd|th)?", w)), None
    )
    if month and day and 1 <= day <= 31:
        if year is None and published is not None:
            year = published.year
            # "On December 30" in a January article is last year
            if (month, day) > (published.month, published.day):
                year -= 1
        if year is None:
            return None
        try:
            return date(year, month, day).isoformat()
        except ValueError:
            return None
    if month and year:
        return f"{year:04d}-{month:02d}"
    if (
        month
        and published is not None
        and month <= published.month
        and all(w.rstrip(".") in _MONTHS or w in _PART_OF_MONTH for w in words)
    ):
        # "in September" in a November article: this year's, told as past; a month after
        # publication's ("in December") may be last year's or next year's: left unresolved
        return f"{published.year:04d}-{month:02d}"
    if year and len(words) <= 2:
        return f"{year:04d}"
    return _dateparser(" ".join(words), published)


def _dateparser(text: str, published: date | None) -> str | None:
    """Last resort for forms the rules above do not know; day precision only."""
    import dateparser  # slow to import; only needed for unusual expressions

    settings: dict[str, object] = {"PREFER_DATES_FROM": "past", "STRICT_PARSING": True}
    if published is not None:
        settings["RELATIVE_BASE"] = datetime(published.year, published.month, published.day)
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return parsed.date().isoformat() if parsed else None
