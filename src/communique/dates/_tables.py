"""The one month table and the one time-zone table, and the ISO form every date takes."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from types import MappingProxyType
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

#: Month names and abbreviations (lower case) → month number.
MONTHS = MappingProxyType(
    {
        m: i + 1
        for i, names in enumerate(
            (
                ("jan", "january"),
                ("feb", "february"),
                ("mar", "march"),
                ("apr", "april"),
                ("may",),
                ("jun", "june"),
                ("jul", "july"),
                ("aug", "august"),
                ("sep", "sept", "september"),
                ("oct", "october"),
                ("nov", "november"),
                ("dec", "december"),
            )
        )
        for m in names
    }
)
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

#: Time-zone abbreviations news pages write after a time. A number is a fixed offset in
#: hours (the abbreviation names the season: EST vs EDT); a zone name is a generic zone
#: whose offset depends on the day ("ET" is EST in winter, EDT in summer), looked up in
#: zoneinfo. Named zones ("Europe/Berlin") are looked up in zoneinfo directly.
TIME_ZONES: MappingProxyType[str, float | str] = MappingProxyType(
    {
        "UTC": 0.0, "GMT": 0.0, "Z": 0.0, "WET": 0.0, "BST": 1.0, "WEST": 1.0, "CET": 1.0,
        "CEST": 2.0, "EET": 2.0, "EEST": 3.0, "MSK": 3.0, "IST": 5.5, "SGT": 8.0,
        "HKT": 8.0, "JST": 9.0, "KST": 9.0, "AEST": 10.0, "AEDT": 11.0, "NZST": 12.0,
        "NZDT": 13.0, "AST": -4.0, "ADT": -3.0, "EST": -5.0, "EDT": -4.0, "CST": -6.0,
        "CDT": -5.0, "MST": -7.0, "MDT": -6.0, "PST": -8.0, "PDT": -7.0, "AKST": -9.0,
        "AKDT": -8.0, "HST": -10.0,
        "ET": "America/New_York", "CT": "America/Chicago", "MT": "America/Denver",
        "PT": "America/Los_Angeles",
    }
)  # fmt: skip

#: Dates before this year in a field given to us are not publication dates (seen in CMS
#: exports: "0001-01-01", "1900-01-01" placeholders).
MIN_YEAR = 1900
#: Dates *found* in pages and scraped text before this year are copyright lines, archive
#: references or placeholders (news on the web starts in the 1990s; JSON-LD "1970-01-01").
PAGE_MIN_YEAR = 1990
MAX_YEAR = 2100


def offset_text(minutes: int) -> str:
    """``-300`` → ``-05:00``."""
    sign = "-" if minutes < 0 else "+"
    return f"{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def tz_offset(tz: str | None, moment: datetime | date) -> str | None:
    """``+HH:MM`` for a numeric offset, an abbreviation in :data:`TIME_ZONES` or a zoneinfo
    name, at ``moment`` (local wall time); ``None`` when unknown."""
    if not tz:
        return None
    if tz[0] in "+-":
        digits = tz[1:].replace(":", "")
        if not digits.isdigit() or len(digits) not in (2, 4):
            return None
        return f"{tz[0]}{digits[:2]}:{digits[2:4] or '00'}"
    known = TIME_ZONES.get(tz.upper())
    if isinstance(known, float):
        return offset_text(round(known * 60))
    name = known or tz
    if "/" not in name:
        return None  # an unknown abbreviation: keep the wall time, drop the zone
    try:
        zone = ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return None
    wall = (
        moment
        if isinstance(moment, datetime)
        else datetime(moment.year, moment.month, moment.day, 12)
    )
    delta = wall.replace(tzinfo=zone).utcoffset() or timedelta(0)
    return offset_text(round(delta.total_seconds() / 60))


def iso(
    y: int,
    mo: int,
    d: int,
    h: int | None = None,
    mi: int | None = None,
    tz: str | None = None,
    *,
    min_year: int = MIN_YEAR,
) -> str | None:
    """The one ISO form: ``2022-03-09``, or ``2022-03-09T23:30-05:00`` (to the minute, the
    form the store has always held; the UTC offset when known). ``None`` for an impossible
    date or one outside the plausible years."""
    if not min_year <= y <= MAX_YEAR:
        return None
    try:
        day = date(y, mo, d)
        if h is None:
            return day.isoformat()
        stamp = datetime(y, mo, d, h, mi or 0)
    except ValueError:
        return None
    return stamp.isoformat(timespec="minutes") + (tz_offset(tz, stamp) or "")
