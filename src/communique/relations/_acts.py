"""Reports and acts: an event row of the store is a *report*; the reports of one real-world
act — the same thing told by several articles or outlets — make one *act*, counted once.

Reports whose articles have been grouped into stories carry their story event
(``Report.story_act``, written by :mod:`communique.stories`): reports of one story event
are one act. Reports without one (a store whose stories were not built) fall back to the
rule issue 13 names for story events, applied over the whole query: the same source code,
target code, PLOVER type and flags (negated, hypothetical), and a date within
``MERGE_DAYS`` of the act's first report, are one act. Everything downstream reads
acts."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date as Day
from typing import Any, NamedTuple

#: Reports dated this many days apart or less (from the act's first report) are one act
#: (issue 13: "date within a day"). Anchored on the first report, so a daily run of attacks
#: does not chain into one act: Mon+Tue are one, Wed starts the next.
MERGE_DAYS = 1


class Report(NamedTuple):
    """One event row of the store, reduced to what a relation series needs. (Tuples, not
    dataclasses: a series over 100,000 events builds one per event.)"""

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
    story_act: str | None = None  # the story event it reports (story#act), when stories exist

    @property
    def day(self) -> Day | None:
        return Day.fromisoformat(self.date) if self.precision == "day" else None


class Act(NamedTuple):
    """Reports of one act, first report first; its source, target, type, quad class, date
    and precision are its first report's (the fallback rule's reports share all but the
    day; a story event's may differ in type, as outlets' sentences were coded, see
    :mod:`communique.stories`), its intensity the mean of its reports' (their CAMEO codes,
    and so their Goldstein values, may differ), None when none has one."""

    reports: tuple[Report, ...]
    source: str
    target: str
    type: str
    quad: str | None
    date: str
    precision: str
    intensity: float | None

    @classmethod
    def of(cls, reports: Sequence[Report]) -> Act:
        first = reports[0]
        values = [r.intensity for r in reports if r.intensity is not None]
        return cls(
            tuple(reports),
            first.source,
            first.target,
            first.type,
            first.quad,
            first.date,
            first.precision,
            sum(values) / len(values) if values else None,
        )

    @property
    def first(self) -> Report:
        return self.reports[0]

    @property
    def outlets(self) -> tuple[str, ...]:
        return tuple(sorted({r.outlet for r in self.reports if r.outlet}))


_PRECISION = {4: "year", 7: "month"}


def report_from_fact(f: Sequence[Any]) -> Report | None:
    """A report from a tuple of ``store.iter_event_facts`` (its FACT_COLUMNS); None when it
    has no target or no date at all (neither its own nor the article's publication date)."""
    src_code, tgt_code, src_id, tgt_id, typ, quad, intensity, when, precision = f[:9]
    source = src_code or src_id
    target = tgt_code or tgt_id
    if not target or not source:
        return None
    dated_by = "event"
    if not when:
        if not f[11]:
            return None
        when, precision, dated_by = f[11][:10], "day", "published"
    elif not precision:
        precision = _PRECISION.get(len(when), "day")
    return Report(
        source,
        target,
        typ,
        quad,
        intensity,
        when,
        precision,
        dated_by,
        bool(f[9]),
        bool(f[10]),
        f[12],
        f[11],
        f[15],
        f[16],
        f[13],
        f[14],
        f[17] if len(f) > 17 else None,
    )


def _order(r: Report) -> tuple[str, str, str, int]:
    return (r.date, r.published or "", r.article_id, r.event_id)


def same_acts(reports: Iterable[Report]) -> list[Act]:
    """Group reports into acts (see the module's rule), in date order: the reports of one
    story event are one act; the others are grouped by the fallback rule, where reports
    dated only to a month or a year are one act when their dates are equal and never join
    a day-dated act (which day of the month they meant is unknown)."""
    groups: dict[tuple[Any, ...], list[Report]] = {}
    acts: list[Act] = []
    by_story: dict[str, list[Report]] = {}
    for r in reports:
        if r.story_act is not None:
            by_story.setdefault(r.story_act, []).append(r)
            continue
        key: tuple[Any, ...] = (r.source, r.target, r.type, r.negated, r.hypothetical, r.precision)
        if r.precision != "day":
            key += (r.date,)
        groups.setdefault(key, []).append(r)
    for story_act in by_story.values():
        story_act.sort(key=_order)
        acts.append(Act.of(story_act))
    for key, group in groups.items():
        group.sort(key=_order)
        if key[5] != "day":
            acts.append(Act.of(group))
            continue
        current: list[Report] = []
        anchor: Day | None = None
        for r in group:
            day = r.day
            assert day is not None  # precision "day"
            if anchor is not None and (day - anchor).days > MERGE_DAYS:
                acts.append(Act.of(current))
                current = []
            if not current:
                anchor = day
            current.append(r)
        acts.append(Act.of(current))
    acts.sort(key=lambda a: (*_order(a.first), a.source, a.target, a.type))
    return acts
