"""Periods of a relation series: ISO weeks (Monday to Sunday), calendar months, quarters
and years, and where a date of a given precision falls among them.

A day falls in the period that contains it. A date known only to the month ("in November
2019") falls in a month, quarter or year — the period that contains the whole month — and
in no week; a date known only to the year falls only in a year. Such an act is left out
of a finer series and counted as left out, never placed on a guessed day."""

from __future__ import annotations

import calendar
import dataclasses
from datetime import date, timedelta

from ..errors import UsageError

#: The periods a series can be counted by.
PERIODS = ("week", "month", "quarter", "year")

#: The most periods a series may span (a weekly series over 190 years); more is an error
#: asking for a coarser --by or a narrower --since/--until.
MAX_PERIODS = 10_000

_RANK = {"day": 0, "week": 1, "month": 2, "quarter": 3, "year": 4}


@dataclasses.dataclass(frozen=True, slots=True, order=True)
class Period:
    start: date
    end: date  # the last day, inclusive
    label: str  # 2019-W47, 2019-11, 2019-Q4, 2019


def check_by(by: str) -> str:
    b = by.strip().lower()
    if b not in PERIODS:
        raise UsageError(f"--by {by!r} is not a period; use one of {', '.join(PERIODS)}")
    return b


def containing(day: date, by: str) -> Period:
    """The period of kind ``by`` that contains ``day``."""
    if by == "week":
        start = day - timedelta(days=day.weekday())
        year, week, _ = start.isocalendar()
        return Period(start, start + timedelta(days=6), f"{year}-W{week:02d}")
    if by == "month":
        last = calendar.monthrange(day.year, day.month)[1]
        return Period(date(day.year, day.month, 1), date(day.year, day.month, last), f"{day:%Y-%m}")
    if by == "quarter":
        q = (day.month - 1) // 3
        start = date(day.year, 3 * q + 1, 1)
        end_month = 3 * q + 3
        end = date(day.year, end_month, calendar.monthrange(day.year, end_month)[1])
        return Period(start, end, f"{day.year}-Q{q + 1}")
    if by == "year":
        return Period(date(day.year, 1, 1), date(day.year, 12, 31), str(day.year))
    raise UsageError(f"--by {by!r} is not a period; use one of {', '.join(PERIODS)}")


def period_of(when: str, precision: str, by: str) -> Period | None:
    """The period a date of ``precision`` (day, month, year) falls in, or None when the date
    is coarser than the period (a month-dated act in a weekly series)."""
    if _RANK.get(precision, 0) > _RANK[by]:
        return None
    parts = [int(p) for p in when.split("-")]
    return containing(
        date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1), by
    )


def following(p: Period) -> date:
    return p.end + timedelta(days=1)


def span(first: Period, last: Period, by: str) -> list[Period]:
    """Every period from ``first`` to ``last`` (inclusive), gaps included."""
    out: list[Period] = []
    p = first
    while p <= last:
        out.append(p)
        if len(out) > MAX_PERIODS:
            raise UsageError(
                f"the series would have more than {MAX_PERIODS} periods ({first.label} to "
                f"{last.label} by {by}); use a coarser --by or a narrower --since/--until"
            )
        p = containing(following(p), by)
    return out


def first_day(bound: str) -> date:
    """The first day a YYYY, YYYY-MM or YYYY-MM-DD bound stands for."""
    parts = [int(p) for p in bound.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def last_day(bound: str) -> date:
    """The last day a YYYY, YYYY-MM or YYYY-MM-DD bound stands for."""
    parts = [int(p) for p in bound.split("-")]
    if len(parts) == 3:
        return date(parts[0], parts[1], parts[2])
    month = parts[1] if len(parts) == 2 else 12
    return date(parts[0], month, calendar.monthrange(parts[0], month)[1])
