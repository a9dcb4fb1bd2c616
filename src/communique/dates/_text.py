"""Dates written in text: datelines of scraped pages ("24 Jul, 2020 17:19", "date
2020-07-24", "Published March 3, 2022 09:15 GMT", "Updated : 19 November 2019, 09:01 AM"),
with their label (published / updated) and the exact evidence string. Stdlib only."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ._tables import MONTHS, PAGE_MIN_YEAR, iso

__all__ = [
    "RANK_PLAIN",
    "RANK_PUBLISHED",
    "RANK_UPDATED",
    "YEAR_RE",
    "FoundDate",
    "find_dates",
    "pick_found",
]

_I = re.IGNORECASE
_LABEL = (
    r"(?:(?P<label>first published|published|posted|last updated|updated|last modified|modified"
    r"|original|created|date)\b\s*(?:on|at)?\s*[:|-]?\s*)?"
)
_WEEKDAY = r"(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
MONTH_PATTERN = (
    r"(?P<mon>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_TIME = (
    r"(?:\s*,?\s*(?:at\s+|-\s+|\|\s+)?(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::(?P<s>\d{2}))?"
    r"\s*(?P<ampm>[ap]\.?m\b\.?)?(?:\s*\(?(?-i:(?P<tz>[A-Z]{2,4}\b|[+-]\d{2}:?\d{2})))?)?"
)
_DATE_RES = (
    re.compile(
        _LABEL
        + _WEEKDAY
        + r"\b(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+"
        + MONTH_PATTERN
        + r",?\s+(?P<y>\d{4})\b"
        + _TIME,
        _I,
    ),
    re.compile(
        _LABEL
        + _WEEKDAY
        + r"\b"
        + MONTH_PATTERN
        + r"\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+(?P<y>\d{4})\b"
        + _TIME,
        _I,
    ),
    re.compile(
        _LABEL + r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?:[T ](?P<h>\d{2}):(?P<mi>\d{2})"
        r"(?::(?P<s>\d{2}))?(?:\.\d+)?(?-i:(?P<tz>Z|[+-]\d{2}:?\d{2}))?)?\b",
        _I,
    ),
)
YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_MONTH_RE = re.compile(r"\b" + MONTH_PATTERN, _I)  # prefilter: the first two need a month
RANK_PUBLISHED = 0
RANK_PLAIN = 1
RANK_UPDATED = 2


@dataclass(frozen=True)
class FoundDate:
    """A date read from text: ISO form, the exact evidence string, and its rank."""

    iso: str
    evidence: str
    rank: int  # 0 = labelled published/posted/date, 1 = unlabelled, 2 = updated/modified
    start: int  # offset of the evidence in the searched string


def find_dates(text: str, *, min_year: int = PAGE_MIN_YEAR) -> list[FoundDate]:
    """All dates written in ``text`` with their labels, as ISO strings, in text order."""
    out: list[FoundDate] = []
    if YEAR_RE.search(text) is None:
        return out
    taken: list[tuple[int, int]] = []
    patterns = _DATE_RES if _MONTH_RE.search(text) else _DATE_RES[2:]  # month names or ISO
    for pattern in patterns:
        for m in pattern.finditer(text):
            if any(s < m.end() and m.start() < e for s, e in taken):
                continue
            g = m.groupdict()
            month = MONTHS.get(g["mon"].lower().rstrip(".")) if g.get("mon") else int(g["m"])
            hour = minute = None
            if g.get("h") is not None:
                hour, minute = int(g["h"]), int(g["mi"])
                ampm = (g.get("ampm") or "").lower().replace(".", "")
                if ampm == "pm" and hour < 12:
                    hour += 12
                elif ampm == "am" and hour == 12:
                    hour = 0
                if hour > 23 or minute > 59:
                    hour = minute = None
            found = month and iso(
                int(g["y"]),
                month,
                int(g["d"]),
                hour,
                minute,
                g.get("tz"),
                min_year=min_year,
            )
            if not found:
                continue
            label = (g.get("label") or "").lower()
            if "updated" in label or "modified" in label:
                rank = RANK_UPDATED
            elif label:
                rank = RANK_PUBLISHED
            else:
                rank = RANK_PLAIN
            taken.append((m.start(), m.end()))
            out.append(FoundDate(found, m.group().strip(), rank, m.start()))
    out.sort(key=lambda d: d.start)
    return out


def pick_found(cands: list[FoundDate]) -> tuple[str | None, str | None]:
    """The publication date among text dates (labelled "published" first) and its
    evidence; a lower-ranked date on the same day may add the time of day."""
    if not cands:
        return None, None
    best = min(cands, key=lambda d: d.rank)
    if "T" not in best.iso:
        for d in cands:
            if d.iso.startswith(best.iso[:10]) and "T" in d.iso:
                return d.iso, best.evidence + " / " + d.evidence
    return best.iso, best.evidence
