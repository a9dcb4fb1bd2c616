"""Reports and acts: an event row of the store is a *report*; the reports of one real-world
act — the same thing told by several articles or outlets — make one *act*, counted once.

Stories (issue 13) do not exist yet, so :func:`same_acts` applies the rule issue 13 names
for story events over the whole query instead of within a story: the same source code,
target code, PLOVER type and flags (negated, hypothetical), and a date within
``MERGE_DAYS`` of the act's first report, are one act. When stories land, the stories code
replaces this one function; everything downstream reads acts."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from datetime import date as Day
from typing import Any

#: Reports dated this many days apart or less (from the act's first report) are one act
#: (issue 13: "date within a day"). Anchored on the first report, so a daily run of attacks
#: does not chain into one act: Mon+Tue are one, Wed starts the next.
MERGE_DAYS = 1


@dataclasses.dataclass(frozen=True, slots=True)
class Report:
    """One event row of the store, reduced to what a relation series needs."""

    source: str  # the source actor's code (USA), else its id when it has no code
    target: str
    type: str
    quad: str | None
    intensity: float | None
    date: str  # ISO day, month (YYYY-MM) or year: the event's own, else the publication day
    precision: str  # day, month or year
    dated_by: str  # "event" (its own date) or "published" (the article's date)
    negated: bool
    hypothetical: bool
    outlet: str | None
    published: str | None
    url: str | None
    evidence: str | None
    article_id: str
    event_id: int

    @property
    def day(self) -> Day | None:
        return Day.fromisoformat(self.date) if self.precision == "day" else None


@dataclasses.dataclass(frozen=True, slots=True)
class Act:
    """Reports of one act, first report first."""

    reports: tuple[Report, ...]

    @property
    def first(self) -> Report:
        return self.reports[0]

    @property
    def source(self) -> str:
        return self.first.source

    @property
    def target(self) -> str:
        return self.first.target

    @property
    def type(self) -> str:
        return self.first.type

    @property
    def quad(self) -> str | None:
        return self.first.quad

    @property
    def date(self) -> str:
        return self.first.date

    @property
    def precision(self) -> str:
        return self.first.precision

    @property
    def intensity(self) -> float | None:
        """The mean intensity of its reports (they share a type; their CAMEO codes, and so
        their Goldstein values, may differ); None when no report has one."""
        values = [r.intensity for r in self.reports if r.intensity is not None]
        return sum(values) / len(values) if values else None

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({r.outlet for r in self.reports if r.outlet}))


def report_from_row(row: Mapping[str, Any]) -> Report | None:
    """A report from a row of ``store.iter_query("events", ...)``; None when it has no
    target or no date at all (neither its own nor the article's publication date)."""
    target = row.get("target_code") or row.get("target_actor_id")
    source = row.get("source_code") or row.get("source_actor_id")
    if not target or not source:
        return None
    own = row.get("date")
    if own:
        when = str(own)
        precision = row.get("date_precision") or {4: "year", 7: "month"}.get(len(when), "day")
        dated_by = "event"
    elif row.get("published"):
        when, precision, dated_by = str(row["published"])[:10], "day", "published"
    else:
        return None
    return Report(
        source=str(source),
        target=str(target),
        type=str(row["type"]),
        quad=row.get("quad"),
        intensity=None if row.get("intensity") is None else float(row["intensity"]),
        date=when,
        precision=str(precision),
        dated_by=dated_by,
        negated=bool(row.get("negated")),
        hypothetical=bool(row.get("hypothetical")),
        outlet=row.get("outlet"),
        published=row.get("published"),
        url=row.get("url"),
        evidence=row.get("evidence"),
        article_id=str(row["article_id"]),
        event_id=int(row["event_id"]),
    )


def _order(r: Report) -> tuple[str, str, str, int]:
    return (r.date, r.published or "", r.article_id, r.event_id)


def same_acts(reports: Iterable[Report]) -> list[Act]:
    """Group reports into acts (see the module's rule), in date order. Reports dated only
    to a month or a year are one act when their dates are equal; they never join a
    day-dated act (which day of the month they meant is unknown)."""
    groups: dict[tuple[Any, ...], list[Report]] = {}
    for r in reports:
        key: tuple[Any, ...] = (r.source, r.target, r.type, r.negated, r.hypothetical, r.precision)
        if r.precision != "day":
            key += (r.date,)
        groups.setdefault(key, []).append(r)
    acts: list[Act] = []
    for key, group in groups.items():
        group.sort(key=_order)
        if key[5] != "day":
            acts.append(Act(tuple(group)))
            continue
        current: list[Report] = []
        anchor: Day | None = None
        for r in group:
            day = r.day
            assert day is not None  # precision "day"
            if anchor is not None and (day - anchor).days > MERGE_DAYS:
                acts.append(Act(tuple(current)))
                current = []
            if not current:
                anchor = day
            current.append(r)
        acts.append(Act(tuple(current)))
    acts.sort(key=lambda a: (*_order(a.first), a.source, a.target, a.type))
    return acts
