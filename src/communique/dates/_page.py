"""Which of a page's date candidates is its publication date.

The HTML reader and the text cleaner find candidates where they live (meta tags, JSON-LD,
``<time>`` elements, datelines) and hand them here, normalised, in their order of trust;
the URL path is read here. The rules, each a general mechanism measured on htmldate-bbaw
(``bench/dates.py``):

1. A full date in the URL path (``/2019/10/22/``, ``/20200428/``) is the publication day
   (as in htmldate): CMSs write it once, when the article is first published, while meta
   tags are rewritten on every update. A candidate on that day adds its time and offset.
2. Otherwise the first candidate, except that a UTC time stamp (``2019-11-27T02:54+00:00``)
   gives way to the same moment written with the page's local offset elsewhere (a
   ``<time>`` element, another meta tag), or to a local date one day off in the direction
   the offset implies (a dateline "Nov. 26, 2019"): the publication day is the day the
   outlet printed, not the day in Greenwich.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from ._normalise import instant
from ._tables import PAGE_MIN_YEAR, iso

__all__ = ["Candidate", "choose_published", "date_from_url", "local_day"]

#: Two date-times this close (seconds) are the same moment written in two time zones.
SAME_MOMENT_SECONDS = 120
#: A UTC stamp before this hour may be the previous evening in the Americas, from this
#: hour on the next morning in Asia; a local date-only hint is believed only in that
#: direction.
UTC_MIDDAY = 12

_URL_DATE_RES = (
    # /2019/10/22/, /2019-10-22/, /2019_10_22
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)[/_-](?P<m>[01]?\d)[/_-](?P<d>[0-3]?\d)(?:[/_.-]|$)"),
    # /20200428/ or -20200428-
    re.compile(r"[/_-](?P<y>(?:19|20)\d\d)(?P<m>[01]\d)(?P<d>[0-3]\d)(?:[/_.-]|$)"),
)


@dataclass(frozen=True)
class Candidate:
    """A normalised date found in a page, and where (``html meta article:published_time``)."""

    iso: str
    evidence: str


def date_from_url(url: str | None) -> str | None:
    """The ``YYYY-MM-DD`` a URL's path carries (``/2019/10/22/slug``), or None."""
    if not url:
        return None
    path = url.split("://", 1)[-1]
    path = path[path.find("/") :] if "/" in path else ""
    if "web.archive.org" in url[:40]:
        path = path.split("/http", 1)[-1]  # the archived page's URL, not the capture time
    for pattern in _URL_DATE_RES:
        for m in pattern.finditer(path):
            found = iso(int(m["y"]), int(m["m"]), int(m["d"]), min_year=PAGE_MIN_YEAR)
            if found:
                return found
    return None


def choose_published(
    candidates: Sequence[Candidate],
    *,
    url: str | None = None,
    hints: Sequence[Candidate] = (),
) -> Candidate | None:
    """The publication date among ``candidates`` (published dates, most trusted first),
    with ``hints`` (other dates the page shows: ``<time>`` elements, datelines) and the
    URL's date used to find the local calendar day. None when nothing is known."""
    url_day = date_from_url(url)
    if url_day is not None:
        for c in (*candidates, *hints):
            if "T" in c.iso and c.iso[:10] == url_day:
                return Candidate(c.iso, f"url path / {c.evidence}")
        return Candidate(url_day, "url path")
    if not candidates:
        return None
    # first in order of trust, not the earliest: measured on htmldate-bbaw, the earliest
    # of disagreeing published dates is more often a teaser's or a wrong CMS field
    return local_day(candidates[0], [*candidates[1:], *hints])


def local_day(best: Candidate, hints: Sequence[Candidate]) -> Candidate:
    """``best`` as the page's local calendar day when it is a UTC stamp and ``hints`` show
    the same moment with a local offset, or a local date one day off (see module doc)."""
    moment = instant(best.iso)
    if moment is None or moment.utcoffset() != timedelta(0):
        return best
    day = moment.date()
    for h in hints:
        other = instant(h.iso)
        if other is not None:
            if other.utcoffset() and abs((other - moment).total_seconds()) <= SAME_MOMENT_SECONDS:
                return Candidate(h.iso, f"{best.evidence} / local time: {h.evidence}")
            continue
        if len(h.iso) != 10:
            continue
        hint_day = date.fromisoformat(h.iso)
        if (hint_day == day - timedelta(days=1) and moment.hour < UTC_MIDDAY) or (
            hint_day == day + timedelta(days=1) and moment.hour >= UTC_MIDDAY
        ):
            return Candidate(h.iso, f"{best.evidence} / local day: {h.evidence}")
    return best
