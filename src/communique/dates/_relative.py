"""Date expressions in article text ("on Sunday", "last Thursday", "July 23", "December
2019", "in 2014") resolved against the article's publication date."""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from ._tables import MONTHS as _MONTHS
from ._tables import WEEKDAYS as _WEEKDAYS

__all__ = ["resolve"]

_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


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
    if published is not None:
        if words[0] in ("today", "tonight") or s in ("this morning", "this evening"):
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
        if s in ("last week", "last month", "last year", "this month", "earlier this month"):
            if "year" in s:
                return str(published.year - 1)
            if "week" in s:
                return (published - timedelta(days=7)).isoformat()[:10]
            if s.startswith("last month"):
                m = published.month - 1 or 12
                y = published.year - (published.month == 1)
                return f"{y:04d}-{m:02d}"
            return f"{published.year:04d}-{published.month:02d}"
    return _absolute(words, published)


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
