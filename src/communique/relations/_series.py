"""Relation series: per period, what one actor did to another (or both to each other),
counted in acts (reports of one act counted once, :mod:`._acts`), with percentile
bootstrap intervals over the period's acts.

The method, as ``communique relations --help`` says it:

- an act's quad class and PLOVER type are its reports'; its intensity (Goldstein, −10..+10)
  the mean of theirs;
- per period: acts by quad class and by type, the sum and mean of intensity, and the
  cooperation–conflict index (cooperative acts − conflictual acts) / (all of them), in
  −1..+1 (+1: only cooperation);
- each with a 95% percentile bootstrap interval: the period's n acts are resampled n at a
  time, with replacement, ``boot`` times. A resample of n acts falls into the distinct
  (type, intensity) cells of the period as a multinomial draw with the cells' shares, so
  that is how it is drawn: the same distribution as resampling the acts one by one, at a
  cost that does not grow with n. Each period has its own random stream, seeded by
  ``seed`` and the period's label, so a period's interval does not change when the series
  is cut differently (--since, --until).
"""

from __future__ import annotations

import dataclasses
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np

from ..errors import UsageError
from ..records import PLOVER_TYPES
from ..store import QUADS, Filters, Store, check_date, event_evidence, iter_event_facts
from ._acts import Act, Report, report_from_fact, same_acts
from ._periods import Period, check_by, containing, first_day, last_day, period_of, span

SCHEMA = "communique/relations-1"

#: A period with fewer acts than this is marked "few": its bootstrap interval rests on too
#: few distinct resamples to be read as 95% (with 4 acts there are only 35 of them).
MIN_EVENTS = 5

#: Bootstrap resamples and seed unless --boot and --seed say otherwise.
BOOT = 1000
SEED = 0
#: The interval's coverage.
LEVEL = 0.95

COOPERATION = ("verbal_coop", "material_coop")
CONFLICT = ("verbal_conflict", "material_conflict")

INDEX = "(cooperative acts - conflictual acts) / (cooperative + conflictual acts), in -1..+1"


@dataclasses.dataclass(frozen=True, slots=True)
class Estimate:
    """A statistic of a period with its bootstrap interval (None when undefined: the mean
    of no intensities, the index of no acts)."""

    value: float | None
    low: float | None
    high: float | None

    def to_dict(self) -> dict[str, float | None]:
        return {"value": self.value, "low": self.low, "high": self.high}


@dataclasses.dataclass(frozen=True, slots=True)
class PeriodStats:
    period: Period
    events: int  # acts, each counted once
    reports: int  # event rows of the store behind them
    outlets: int
    quads: Mapping[str, Estimate]
    types: Mapping[str, Estimate]  # only the types seen in the period
    intensity_sum: Estimate
    intensity_mean: Estimate
    index: Estimate
    acts: tuple[Act, ...]

    @property
    def few(self) -> bool:
        return self.events < MIN_EVENTS

    def to_dict(self, with_acts: bool = False) -> dict[str, Any]:
        d: dict[str, Any] = {
            "period": self.period.label,
            "start": self.period.start.isoformat(),
            "end": self.period.end.isoformat(),
            "events": self.events,
            "reports": self.reports,
            "outlets": self.outlets,
            "few_events": self.few,
            "quads": {q: e.to_dict() for q, e in self.quads.items()},
            "types": {t: e.to_dict() for t, e in self.types.items()},
            "intensity_sum": self.intensity_sum.to_dict(),
            "intensity_mean": self.intensity_mean.to_dict(),
            "index": self.index.to_dict(),
        }
        if with_acts:
            d["acts"] = [act_dict(a) for a in self.acts]
        return d


def act_dict(a: Act) -> dict[str, Any]:
    return {
        "date": a.date,
        "date_precision": a.precision,
        "source": a.source,
        "type": a.type,
        "target": a.target,
        "quad": a.quad,
        "intensity": a.intensity,
        "negated": a.first.negated,
        "hypothetical": a.first.hypothetical,
        "reports": [
            {
                "outlet": r.outlet,
                "published": r.published,
                "url": r.url,
                "date": r.date,
                "dated_by": r.dated_by,
                "intensity": r.intensity,
                "evidence": r.evidence,
                "article_id": r.article_id,
                "event_id": r.event_id,
            }
            for r in a.reports
        ],
    }


@dataclasses.dataclass(frozen=True, slots=True)
class Series:
    a: str
    b: str
    directed: bool
    by: str
    realised_only: bool
    seed: int
    boot: int
    periods: tuple[PeriodStats, ...]
    #: Why reports or acts in the store are not in the series, with how many.
    left_out: Mapping[str, int]

    @property
    def events(self) -> int:
        return sum(p.events for p in self.periods)

    @property
    def reports(self) -> int:
        return sum(p.reports for p in self.periods)

    def to_dict(self, with_acts: bool = False) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "dyad": {"a": self.a, "b": self.b, "directed": self.directed},
            "by": self.by,
            "method": method(self),
            "left_out": dict(self.left_out),
            "periods": [p.to_dict(with_acts) for p in self.periods],
        }


def method(s: Series) -> dict[str, Any]:
    return {
        "counted": "acts: the reports of one story event are one act; reports of articles "
        "without a story: the same source code, target code, PLOVER type and flags dated "
        "within a day of each other are one act (counted once)",
        "events": "realised only (negated and hypothetical left out)"
        if s.realised_only
        else "all (negated and hypothetical included)",
        "index": INDEX,
        "interval": f"{LEVEL:.0%} percentile bootstrap over the period's acts",
        "boot": s.boot,
        "seed": s.seed,
        "min_events": MIN_EVENTS,
        "dates": "the event's own date, else the article's publication day; a date known "
        "only to the month counts in month, quarter and year series, one known only to the "
        "year in year series; otherwise it is left out",
    }


def _intervals(reps: np.ndarray) -> list[tuple[float | None, float | None]]:
    """The percentile interval of each row of replicates (NaN replicates, where the
    statistic is undefined, left out; None when every one is)."""
    tail = (1 - LEVEL) / 2 * 100
    out: list[tuple[float | None, float | None]] = []
    if not reps.size:
        return [(None, None)] * reps.shape[0]
    bad = np.isnan(reps).any(axis=1)
    ends = np.percentile(np.where(bad[:, None], 0.0, reps), [tail, 100 - tail], axis=1)
    for i, row in enumerate(reps):
        if not bad[i]:
            out.append((float(ends[0, i]), float(ends[1, i])))
            continue
        ok = row[~np.isnan(row)]
        if not ok.size:
            out.append((None, None))
            continue
        low, high = np.percentile(ok, [tail, 100 - tail])
        out.append((float(low), float(high)))
    return out


def period_stats(period: Period, acts: Sequence[Act], seed: int, boot: int) -> PeriodStats:
    """The statistics of one period's acts and their bootstrap intervals."""
    return series_stats([(period, acts)], seed, boot)[0]


def series_stats(
    periods: Sequence[tuple[Period, Sequence[Act]]], seed: int, boot: int
) -> list[PeriodStats]:
    """The statistics of each period's acts and their bootstrap intervals: the same as
    :func:`period_stats` of each (every period draws from its own random stream), with
    the percentiles of all periods' replicates taken at once."""
    drawn = [_replicates(p, acts, seed, boot) for p, acts in periods]
    stacked = [reps for stats in drawn for _, _, reps in stats]
    bounds = _intervals(np.vstack(stacked)) if stacked else []
    out = []
    at = 0
    for (period, acts), stats in zip(periods, drawn, strict=True):
        n = len(acts)
        est = {
            name: Estimate(value, *(bounds[at + i] if value is not None else (None, None)))
            for i, (name, value, _) in enumerate(stats)
        }
        at += len(stats)
        if not n:
            est = {name: Estimate(value, None, None) for name, value, _ in _empty_stats()}
        out.append(
            PeriodStats(
                period=period,
                events=n,
                reports=sum(len(a.reports) for a in acts),
                outlets=len({o for a in acts for o in a.outlets}),
                quads={q: est[q] for q in QUADS},
                types={t: est[t] for t in PLOVER_TYPES if t in est},
                intensity_sum=est["intensity_sum"] if n else Estimate(0.0, None, None),
                intensity_mean=est["intensity_mean"],
                index=est["index"],
                acts=tuple(acts),
            )
        )
    return out


def _empty_stats() -> list[tuple[str, float | None, np.ndarray]]:
    """The statistics of a period without acts: counts of 0, no sum, mean or index."""
    none = np.zeros(0)
    return [
        *((q, 0.0, none) for q in QUADS),
        ("intensity_sum", None, none),
        ("intensity_mean", None, none),
        ("index", None, none),
    ]


def _replicates(
    period: Period, acts: Sequence[Act], seed: int, boot: int
) -> list[tuple[str, float | None, np.ndarray]]:
    """Every statistic of a period's acts: (name, observed value or None when undefined,
    its ``boot`` bootstrap replicates); none for a period without acts."""
    n = len(acts)
    if not n:
        return []
    cells = Counter((a.type, a.quad, a.intensity) for a in acts)
    keys = sorted(cells, key=lambda k: (k[0], k[1] or "", -99.0 if k[2] is None else k[2]))
    observed = np.array([cells[k] for k in keys], dtype=np.float64)
    rng = np.random.default_rng([seed, zlib.crc32(period.label.encode("utf-8"))])
    draws = rng.multinomial(n, observed / n, size=boot).astype(np.float64)

    # One row per count, one column per cell: which cells each count takes in. Then the
    # observed counts are rows @ observed and their replicates draws @ rows.T.
    types_seen = [t for t in PLOVER_TYPES if any(k[0] == t for k in keys)]
    names = [*QUADS, *types_seen, "coop", "conflict", "known", "sum"]
    row = {name: i for i, name in enumerate(names)}
    rows = np.zeros((len(names), len(keys)))
    for j, (typ, quad, intensity) in enumerate(keys):
        rows[row[typ], j] = 1.0
        if quad in row:
            rows[row[quad], j] = 1.0
        if quad in COOPERATION:
            rows[row["coop"], j] = 1.0
        elif quad in CONFLICT:
            rows[row["conflict"], j] = 1.0
        if intensity is not None:
            rows[row["known"], j] = 1.0
            rows[row["sum"], j] = intensity
    obs = rows @ observed
    reps = draws @ rows.T
    rep_n, rep_sum = reps[:, row["known"]], reps[:, row["sum"]]
    coop, conf = reps[:, row["coop"]], reps[:, row["conflict"]]
    with np.errstate(invalid="ignore", divide="ignore"):
        rep_mean = np.where(rep_n > 0, rep_sum / np.where(rep_n > 0, rep_n, 1), np.nan)
        both = coop + conf
        rep_index = np.where(both > 0, (coop - conf) / np.where(both > 0, both, 1), np.nan)
    n_coop, n_conf = obs[row["coop"]], obs[row["conflict"]]
    total, n_known = float(obs[row["sum"]]), float(obs[row["known"]])
    stats: list[tuple[str, float | None, np.ndarray]] = [
        (name, float(obs[row[name]]), reps[:, row[name]]) for name in (*QUADS, *types_seen)
    ]
    stats.append(("intensity_sum", total, rep_sum))
    stats.append(("intensity_mean", total / n_known if n_known else None, rep_mean))
    index = float((n_coop - n_conf) / (n_coop + n_conf)) if n_coop + n_conf else None
    stats.append(("index", index, rep_index))
    return stats


def _check_boot(seed: int, boot: int) -> None:
    if boot < 1:
        raise UsageError(f"--boot {boot} must be at least 1 (1000 is usual)")
    if seed < 0:
        raise UsageError(f"--seed {seed} must be 0 or more")


def _in_bounds(act_date: str, since: str | None, until: str | None) -> bool:
    """An act dated ``act_date`` (day, month or year) is within the bounds: a month or year
    that overlaps them counts, as it does for ``events --event-since``."""
    if since and act_date < since[: len(act_date)]:
        return False
    return not (until and act_date > until + "~")


def _reports(
    store: Store,
    filters: Filters,
    realised_only: bool,
    registry: Any,
    left_out: Counter[str],
    evidence: bool = True,
) -> list[Report]:
    out = []
    for fact in iter_event_facts(store, filters, evidence=evidence, registry=registry):
        if realised_only and (fact[9] or fact[10]):  # negated, hypothetical
            left_out["negated" if fact[9] else "hypothetical"] += 1
            continue
        r = report_from_fact(fact)
        if r is None:
            left_out["no target or no date"] += 1
            continue
        out.append(r)
    return out


def relation_series(
    store: Store,
    a: str,
    b: str,
    *,
    by: str = "month",
    both: bool = False,
    all_events: bool = False,
    since: str | None = None,
    until: str | None = None,
    outlets: Sequence[str] = (),
    seed: int = SEED,
    boot: int = BOOT,
    registry: Any = None,
    evidence: bool = True,
) -> Series:
    """The series of ``a`` towards ``b`` (``both``: either way) by ``by`` (week, month,
    quarter, year). Actors are what ``communique events`` takes (codes, IGO short names,
    registry ids, names): an unknown or ambiguous one is a UsageError. ``since`` and
    ``until`` bound the acts' dates; ``outlets`` keeps reports of those outlets only.
    ``evidence=False`` leaves every report's URL and evidence sentence out (None): a
    chart needs neither, and :func:`with_evidence` reads them for the one period shown.
    The same as :func:`series_of` the :func:`dyad_acts` of ``a`` and ``b``."""
    _check_series(by, since, until, seed, boot)
    found = dyad_acts(
        store,
        a,
        b,
        both=both,
        all_events=all_events,
        outlets=outlets,
        registry=registry,
        evidence=evidence,
    )
    return series_of(found, by=by, since=since, until=until, seed=seed, boot=boot)


@dataclasses.dataclass(frozen=True, slots=True)
class DyadActs:
    """The acts of ``a`` towards ``b`` (``directed``, else either way), in date order, with
    why reports of the store are not among them: what a series of any period is made of."""

    a: str
    b: str
    directed: bool
    realised_only: bool
    acts: tuple[Act, ...]
    left_out: Mapping[str, int]


def dyad_acts(
    store: Store,
    a: str,
    b: str,
    *,
    both: bool = False,
    all_events: bool = False,
    outlets: Sequence[str] = (),
    registry: Any = None,
    evidence: bool = True,
) -> DyadActs:
    """Every act of ``a`` towards ``b`` (``both``: either way), its reports counted once
    (:func:`same_acts`); the arguments are :func:`relation_series`'s."""
    if a.strip().casefold() == b.strip().casefold():
        raise UsageError(f"the two actors are the same ({a!r}); name two different ones")
    if registry is None:  # loaded once for both directions
        from ..actors import Registry

        registry = Registry.load()
    # one directed query per direction: each is read through the actor indexes, where
    # Filters(between=...) makes SQLite weigh every event against both directions
    directions = [(a, b), (b, a)] if both else [(a, b)]
    left_out: Counter[str] = Counter()
    reports: dict[tuple[str, int], Report] = {}
    for src, tgt in directions:
        f = Filters(sources=(src,), targets=(tgt,), outlets=tuple(outlets))
        for r in _reports(store, f, not all_events, registry, left_out, evidence):
            reports.setdefault((r.article_id, r.event_id), r)
    return DyadActs(
        a, b, not both, not all_events, tuple(same_acts(reports.values())), dict(left_out)
    )


def _check_series(by: str, since: str | None, until: str | None, seed: int, boot: int) -> str:
    by = check_by(by)
    _check_boot(seed, boot)
    for d, opt in ((since, "--since"), (until, "--until")):
        if d is not None:
            check_date(d, opt)
    return by


def series_of(
    found: DyadActs,
    *,
    by: str = "month",
    since: str | None = None,
    until: str | None = None,
    seed: int = SEED,
    boot: int = BOOT,
) -> Series:
    """The series by ``by`` of a dyad's acts (``since`` and ``until`` bound their dates),
    each period with its bootstrap intervals (``boot`` resamples, ``seed``)."""
    by = _check_series(by, since, until, seed, boot)
    left_out: Counter[str] = Counter(found.left_out)
    placed: dict[Period, list[Act]] = {}
    period_of_date: dict[tuple[str, str], Period | None] = {}  # acts share dates
    for act in found.acts:
        if not _in_bounds(act.date, since, until):
            left_out["outside --since/--until"] += len(act.reports)
            continue
        when = (act.date, act.precision)
        if when not in period_of_date:
            period_of_date[when] = period_of(act.date, act.precision, by)
        p = period_of_date[when]
        if p is None:
            left_out[f"dated only to the {act.precision} (coarser than a {by})"] += len(act.reports)
            continue
        placed.setdefault(p, []).append(act)
    periods: list[Period] = []
    if placed or (since and until):
        first = containing(first_day(since), by) if since else min(placed)
        last = containing(last_day(until), by) if until else max(placed)
        periods = span(first, last, by)
    return Series(
        a=found.a,
        b=found.b,
        directed=found.directed,
        by=by,
        realised_only=found.realised_only,
        seed=seed,
        boot=boot,
        periods=tuple(series_stats([(p, placed.get(p, [])) for p in periods], seed, boot)),
        left_out=dict(sorted(left_out.items())),
    )


def with_evidence(store: Store, period: PeriodStats) -> PeriodStats:
    """``period`` with the URL and evidence sentence of every report of its acts read from
    the store (for a series made with ``evidence=False``); the numbers are unchanged."""
    found = event_evidence(
        store, [(r.article_id, r.event_id) for a in period.acts for r in a.reports]
    )

    def filled(r: Report) -> Report:
        url, text = found.get((r.article_id, r.event_id), (r.url, r.evidence))
        return r._replace(url=url, evidence=text)

    acts = tuple(a._replace(reports=tuple(filled(r) for r in a.reports)) for a in period.acts)
    return dataclasses.replace(period, acts=acts)


@dataclasses.dataclass(frozen=True, slots=True)
class Dyad:
    """A directed dyad's activity: acts (counted once), reports, and their make-up."""

    source: str
    target: str
    events: int
    reports: int
    outlets: int
    cooperation: int
    conflict: int
    intensity_mean: float | None
    first: str
    last: str

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def top_dyads(
    store: Store,
    n: int = 20,
    *,
    since: str | None = None,
    until: str | None = None,
    all_events: bool = False,
    outlets: Sequence[str] = (),
    published_since: str | None = None,
    registry: Any = None,
) -> list[Dyad]:
    """The ``n`` directed dyads of two different actors with the most acts dated within
    ``since``..``until`` (acts counted once, realised only unless ``all_events``), most
    acts first.
    ``published_since`` reads only the events of articles published since then (through
    the index on publication dates: a store's recent dyads without reading all of it)."""
    if n < 1:
        raise UsageError(f"--top {n} must be at least 1")
    for d, opt in ((since, "--since"), (until, "--until")):
        if d is not None:
            check_date(d, opt)
    left_out: Counter[str] = Counter()
    f = Filters(outlets=tuple(outlets), since=published_since)
    reports = _reports(store, f, not all_events, registry, left_out, False)
    by_dyad: dict[tuple[str, str], list[Act]] = {}
    for act in same_acts(reports):
        # an act at home ("demonstrators blocked roads in Algiers": DZA → DZA) is no
        # relation between two actors, and a dyad's series takes two different ones
        if act.source != act.target and _in_bounds(act.date, since, until):
            by_dyad.setdefault((act.source, act.target), []).append(act)
    rows = []
    for (src, tgt), acts in by_dyad.items():
        known = [x for x in (a.intensity for a in acts) if x is not None]
        rows.append(
            Dyad(
                source=src,
                target=tgt,
                events=len(acts),
                reports=sum(len(a.reports) for a in acts),
                outlets=len({o for a in acts for o in a.outlets}),
                cooperation=sum(1 for a in acts if a.quad in COOPERATION),
                conflict=sum(1 for a in acts if a.quad in CONFLICT),
                intensity_mean=sum(known) / len(known) if known else None,
                first=min(a.date for a in acts),
                last=max(a.date for a in acts),
            )
        )
    rows.sort(key=lambda d: (-d.events, -d.reports, d.source, d.target))
    return rows[:n]
