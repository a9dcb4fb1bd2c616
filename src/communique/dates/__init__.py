"""The one home for dates: every publication date is normalised here (:func:`normalise`:
one ISO 8601 form, a date or a date-time with its UTC offset when known), a page's
publication date is chosen here among the candidates the readers find
(:func:`choose_published`), datelines are read from text (:func:`find_dates`), and date
expressions in article text are resolved against the publication date (:func:`resolve`).

A low floor: imports nothing from communique.
"""

from __future__ import annotations

from ._normalise import day_of, instant, normalise, parse_published
from ._page import Candidate, choose_published, date_from_url, local_day
from ._relative import is_length, is_same_day, length_in_days, news_day, resolve
from ._tables import MIN_YEAR, MONTHS, PAGE_MIN_YEAR, TIME_ZONES, tz_offset
from ._text import (
    RANK_PLAIN,
    RANK_PUBLISHED,
    RANK_UPDATED,
    YEAR_RE,
    FoundDate,
    find_dates,
    pick_found,
)

__all__ = [
    "MIN_YEAR",
    "MONTHS",
    "PAGE_MIN_YEAR",
    "RANK_PLAIN",
    "RANK_PUBLISHED",
    "RANK_UPDATED",
    "TIME_ZONES",
    "YEAR_RE",
    "Candidate",
    "FoundDate",
    "choose_published",
    "date_from_url",
    "day_of",
    "find_dates",
    "instant",
    "is_length",
    "is_same_day",
    "length_in_days",
    "local_day",
    "news_day",
    "normalise",
    "parse_published",
    "pick_found",
    "resolve",
    "tz_offset",
]
