"""A relation series as an SVG chart drawn on the server: the cooperation–conflict index
per period with its 95% bootstrap band above, the acts per period as bars beneath, and
each period a link that lists the acts behind it. Only numbers reach the SVG: the template
writes coordinates, never text from the store, except period labels made by our code."""

from __future__ import annotations

import dataclasses
from typing import Any

#: Size of the drawing in SVG units (it scales to the page's width).
WIDTH = 860
HEIGHT = 320
LEFT = 56
RIGHT = 12
TOP = 14
INDEX_HEIGHT = 190  # the index panel, -1..+1
GAP = 26
BARS_HEIGHT = 60
#: The widest a bar of acts is drawn (a series of few periods).
MAX_BAR = 40
#: At most this many period labels are written under the axis (every k-th otherwise).
MAX_LABELS = 14


@dataclasses.dataclass(frozen=True, slots=True)
class Column:
    """One period: its x, its hit box, the bar of its acts and its index with interval."""

    label: str
    x: float
    left: float
    width: float
    bar_x: float
    bar_width: float
    bar_y: float
    bar_height: float
    events: int
    y: float | None
    low: float | None
    high: float | None
    few: bool
    show_label: bool
    selected: bool
    title: str


@dataclasses.dataclass(frozen=True, slots=True)
class Chart:
    columns: tuple[Column, ...]
    line: str  # SVG path of the index through periods that have one
    band: tuple[str, ...]  # SVG polygons of the interval over runs of periods that have one
    zero_y: float
    top_y: float
    bottom_y: float
    bars_top: float
    bars_bottom: float
    max_events: int
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    right: int = WIDTH - RIGHT


def _y(v: float) -> float:
    return round(TOP + (1 - v) / 2 * INDEX_HEIGHT, 1)


def chart(series: Any, selected: str | None = None) -> Chart:
    """The chart of a relations Series (``selected``: the label of the period shown)."""
    periods = series.periods
    n = max(len(periods), 1)
    step = (WIDTH - LEFT - RIGHT) / n
    bars_top = TOP + INDEX_HEIGHT + GAP
    bars_bottom = bars_top + BARS_HEIGHT
    most = max((p.events for p in periods), default=0) or 1
    every = max(1, -(-len(periods) // MAX_LABELS))
    cols = []
    for i, p in enumerate(periods):
        x = LEFT + step * (i + 0.5)
        h = p.events / most * BARS_HEIGHT
        idx = p.index
        bar = min(step * 0.7, MAX_BAR)
        cols.append(
            Column(
                label=p.period.label,
                x=round(x, 1),
                left=round(LEFT + step * i, 1),
                width=round(step, 1),
                bar_x=round(x - bar / 2, 1),
                bar_width=round(bar, 1),
                bar_y=round(bars_bottom - h, 1),
                bar_height=round(h, 1),
                events=p.events,
                y=None if idx.value is None else _y(idx.value),
                low=None if idx.low is None else _y(idx.low),
                high=None if idx.high is None else _y(idx.high),
                few=p.few,
                show_label=i % every == 0,
                selected=p.period.label == selected,
                title=_title(p),
            )
        )
    line = _path([(c.x, c.y) for c in cols])
    band: list[str] = []
    run: list[Column] = []
    for c in [*cols, None]:
        if c is not None and c.low is not None and c.high is not None:
            run.append(c)
            continue
        if run:
            half = min(step * 0.3, 6.0)
            if len(run) == 1:  # a lone period: a narrow box, so its interval still shows
                xs = [(run[0].x - half, run[0].x + half)]
                top = [(xs[0][0], run[0].high), (xs[0][1], run[0].high)]
                bottom = [(xs[0][1], run[0].low), (xs[0][0], run[0].low)]
            else:
                top = [(r.x, r.high) for r in run]
                bottom = [(r.x, r.low) for r in reversed(run)]
            band.append(" ".join(f"{x:.1f},{y:.1f}" for x, y in [*top, *bottom]))
            run = []
    return Chart(
        columns=tuple(cols),
        line=line,
        band=tuple(band),
        zero_y=_y(0.0),
        top_y=_y(1.0),
        bottom_y=_y(-1.0),
        bars_top=bars_top,
        bars_bottom=bars_bottom,
        max_events=most if periods else 0,
    )


def _path(points: list[tuple[float, float | None]]) -> str:
    """An SVG path through the points, broken where a period has no value."""
    out: list[str] = []
    pen_up = True
    for x, y in points:
        if y is None:
            pen_up = True
            continue
        out.append(f"{'M' if pen_up else 'L'}{x:.1f},{y:.1f}")
        pen_up = False
    return " ".join(out)


def _title(p: Any) -> str:
    idx = p.index
    if idx.value is None:
        value = "no index"
    elif idx.low is None or idx.high is None:
        value = f"index {idx.value:+.2f}"
    else:
        value = f"index {idx.value:+.2f} [{idx.low:+.2f}, {idx.high:+.2f}]"
    few = " (few acts)" if p.few and p.events else ""
    return f"{p.period.label}: {p.events} acts, {p.reports} reports{few}; {value}"
