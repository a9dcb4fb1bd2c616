"""Any publication date we are given or find → the one ISO 8601 form.

``normalise`` reads ISO 8601 (meta tags, JSON-LD, Atom, ``<time datetime>``), RFC 822 (RSS),
written dates ("March 9, 2022", "9 Mar 2022 10:15 EST"), numeric dates ("09/03/2022",
"9.3.2022", "2022/03/09") and Unix timestamps; what none of these read goes to dateparser
(absolute dates only: a relative "yesterday" has nothing to be relative to here).
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from email.utils import parsedate_to_datetime

from ._tables import MIN_YEAR, iso, offset_text
from ._text import find_dates

__all__ = ["day_of", "instant", "normalise", "parse_published"]

_ISO_RE = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})(?:[T ](?P<h>\d{1,2}):(?P<mi>\d{2})"
    r"(?::(?P<s>\d{2})(?:[.,]\d+)?)?\s*(?P<tz>Z|[+-]\d{2}(?::?\d{2})?|[A-Z]{2,5}\b"
    r"|[A-Z][a-z]+/[A-Za-z_]+)?)?",
)
_NUMERIC_RE = re.compile(
    r"(?P<a>\d{1,4})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{2,4})\b"
    r"(?:[ T,]+(?P<h>\d{1,2}):(?P<mi>\d{2})(?::(?P<s>\d{2}))?\s*(?P<tz>Z|[+-]\d{2}:?\d{2}|[A-Z]{2,5}\b)?)?"
)
_EPOCH_RE = re.compile(r"\d{9,10}(?:\.\d+)?|\d{12,13}")
_RFC822_RE = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{2,4}\s+\d")


def normalise(value: object, *, day_first: bool = False, min_year: int = MIN_YEAR) -> str | None:
    """A publication date in the one ISO form (``2022-03-09``, or ``2022-03-09T23:30-05:00``
    with the time and its UTC offset when known), or ``None`` when ``value`` is not one.

    Slash dates are ambiguous: ``09/03/2022`` is September 3 (month first, US) unless
    ``day_first``; a part above 12 decides by itself; dotted dates (``9.3.2022``) are day
    first as written in Europe. The calendar day is kept as written, never moved to UTC.
    Years before ``min_year`` are placeholders, not dates.
    """
    found = _normalise(value, day_first)
    return found if found and int(found[:4]) >= min_year else None


def _normalise(value: object, day_first: bool) -> str | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return _epoch(float(value))
    if isinstance(value, datetime):
        return _from_datetime(value)
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str):
        return None
    s = value.strip()
    if not s or len(s) > 200:
        return None
    if m := _ISO_RE.match(s):
        if s[m.end() : m.end() + 1].isalnum():
            return None  # "2020-05-05xyz", "2020-05-0512": a date run into more, not a date
        g = m.groupdict()
        h = int(g["h"]) if g["h"] else None
        if h is not None and h > 23:
            return None
        return iso(int(g["y"]), int(g["m"]), int(g["d"]), h, _int(g["mi"]), g["tz"])
    if m := _NUMERIC_RE.match(s):
        return _numeric(m, day_first)
    if _EPOCH_RE.fullmatch(s):
        return _epoch(float(s))
    if _RFC822_RE.match(s):
        try:
            return _from_datetime(parsedate_to_datetime(s))
        except (TypeError, ValueError, IndexError):
            pass
    found = find_dates(s, min_year=MIN_YEAR)
    if found:
        return found[0].iso
    return _dateparser(s, day_first)


def parse_published(value: str | None) -> date | None:
    """The calendar day of a publication date, as written (``2022-03-09T23:30-05:00`` is
    March 9, not its UTC day). Reads anything :func:`normalise` reads."""
    found = normalise(value)
    return date.fromisoformat(found[:10]) if found else None


def day_of(value: str) -> str:
    """``YYYY-MM-DD`` of a normalised date."""
    return value[:10]


def instant(value: str) -> datetime | None:
    """The moment a normalised date-time with an offset stands for; None for a day or a
    date-time without an offset."""
    if len(value) <= 16:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def _int(s: str | None) -> int | None:
    return int(s) if s else None


def _numeric(m: re.Match[str], day_first: bool) -> str | None:
    a, b, c = m["a"], int(m["b"]), m["c"]
    if len(a) == 4:  # 2022/03/09: year first is never day first
        y, mo, d = int(a), b, int(c)
    else:
        if len(c) != 4:
            return None  # a two-digit year: which century is a guess
        first, y = int(a), int(c)
        if m["sep"] == "." or first > 12 or (day_first and b <= 12):
            d, mo = first, b
        else:
            mo, d = first, b
    h = int(m["h"]) if m["h"] else None
    if h is not None and h > 23:
        h = None
    if h is None:
        return iso(y, mo, d)
    return iso(y, mo, d, h, _int(m["mi"]), m["tz"])


def _epoch(seconds: float) -> str | None:
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    try:
        return _from_datetime(datetime.fromtimestamp(seconds, tz=UTC))
    except (OverflowError, OSError, ValueError):
        return None


def _from_datetime(dt: datetime) -> str | None:
    offset = dt.utcoffset()
    tz = None if offset is None else offset_text(round(offset.total_seconds() / 60))
    return iso(dt.year, dt.month, dt.day, dt.hour, dt.minute, tz)


def _dateparser(text: str, day_first: bool) -> str | None:
    """Last resort for forms the rules above do not read ("9. März 2022"); absolute dates
    with a day, a month and a year only."""
    if not any(ch.isdigit() for ch in text):
        return None
    import dateparser  # slow to import; only reached by unusual values

    settings = {
        "PARSERS": ["absolute-time", "custom-formats"],
        "STRICT_PARSING": True,
        "REQUIRE_PARTS": ["day", "month", "year"],
        "DATE_ORDER": "DMY" if day_first else "MDY",
    }
    try:
        parsed = dateparser.parse(text, settings=settings)
    except (ValueError, TypeError, OverflowError):
        return None
    if parsed is None:
        return None
    if parsed.tzinfo is None and parsed.hour == 0 and parsed.minute == 0:
        return iso(parsed.year, parsed.month, parsed.day)
    return _from_datetime(parsed)
