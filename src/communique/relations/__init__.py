"""Relations over time: per period, what one actor did to another, counted once per act
(reports of the same act by several articles and outlets merged, :func:`same_acts`), with
bootstrap intervals, a cooperation–conflict index, charts, and the most active dyads."""

from __future__ import annotations

from ._acts import MERGE_DAYS, Act, Report, report_from_fact, same_acts
from ._periods import MAX_PERIODS, PERIODS, Period
from ._plot import PLOT_SUFFIXES, plot_series
from ._series import (
    BOOT,
    INDEX,
    MIN_EVENTS,
    SCHEMA,
    SEED,
    Dyad,
    DyadActs,
    Estimate,
    PeriodStats,
    Series,
    act_dict,
    dyad_acts,
    method,
    relation_series,
    series_of,
    top_dyads,
    with_evidence,
)

__all__ = [
    "BOOT",
    "INDEX",
    "MAX_PERIODS",
    "MERGE_DAYS",
    "MIN_EVENTS",
    "PERIODS",
    "PLOT_SUFFIXES",
    "SCHEMA",
    "SEED",
    "Act",
    "Dyad",
    "DyadActs",
    "Estimate",
    "Period",
    "PeriodStats",
    "Report",
    "Series",
    "act_dict",
    "dyad_acts",
    "method",
    "plot_series",
    "relation_series",
    "report_from_fact",
    "same_acts",
    "series_of",
    "top_dyads",
    "with_evidence",
]
