"""A relation series as a chart: the cooperation–conflict index per period with its 95%
bootstrap band, and the acts per period as bars beneath. Drawn with matplotlib's Agg
backend (no display, no network); PNG or SVG by the file's suffix."""

from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ._series import MIN_EVENTS, Series

#: File types a chart can be written as.
PLOT_SUFFIXES = (".png", ".svg")
#: PNG resolution: small enough for a README, sharp enough to read.
DPI = 100


def plot_series(series: Series, path: str | Path) -> Path:
    """Write ``series`` as a chart to ``path`` (.png or .svg); returns the path."""
    out = Path(path)
    if out.suffix.lower() not in PLOT_SUFFIXES:
        raise UsageError(f"--plot {str(path)!r}: name a .png or .svg file")
    if not series.periods:
        raise UsageError("--plot: the series has no periods to draw")
    import matplotlib

    matplotlib.use("Agg")  # files only: never a display
    import matplotlib.pyplot as plt

    periods = series.periods
    x = list(range(len(periods)))
    labels = [p.period.label for p in periods]
    value = [p.index.value for p in periods]
    low = [p.index.low for p in periods]
    high = [p.index.high for p in periods]

    def nan(v: float | None) -> float:
        return float("nan") if v is None else v

    fig, (ax, bars) = plt.subplots(
        2,
        1,
        figsize=(8, 4.5),
        sharex=True,
        gridspec_kw={"height_ratios": [3, 1]},
        layout="constrained",
    )
    try:
        ax.axhline(0, color="0.6", linewidth=0.8)
        ax.fill_between(
            x,
            [nan(v) for v in low],
            [nan(v) for v in high],
            color="tab:blue",
            alpha=0.2,
            linewidth=0,
            label="95% bootstrap interval",
        )
        # each period's interval as a bar too: a period between empty ones has no band
        ax.vlines(x, [nan(v) for v in low], [nan(v) for v in high], color="tab:blue", alpha=0.4)
        ax.plot(x, [nan(v) for v in value], color="tab:blue", linewidth=1.5, label="index")
        solid = [i for i, p in enumerate(periods) if p.events >= MIN_EVENTS]
        few = [i for i, p in enumerate(periods) if 0 < p.events < MIN_EVENTS]
        ax.plot(solid, [nan(value[i]) for i in solid], "o", color="tab:blue", markersize=4)
        ax.plot(
            few,
            [nan(value[i]) for i in few],
            "o",
            markerfacecolor="white",
            color="tab:blue",
            markersize=4,
            label=f"fewer than {MIN_EVENTS} acts",
        )
        ax.set_ylim(-1.1, 1.1)
        ax.set_ylabel("cooperation − conflict\n÷ all acts")
        arrow = "→" if series.directed else "↔"
        ax.set_title(f"{series.a} {arrow} {series.b}, by {series.by}")
        ax.legend(loc="best", fontsize="small", frameon=False)
        bars.bar(x, [p.events for p in periods], color="0.5", width=0.8)
        bars.set_ylabel("acts")
        step = max(1, len(x) // 12)
        bars.set_xticks(x[::step], labels[::step], rotation=45, ha="right", fontsize="small")
        fmt = "svg" if out.suffix.lower() == ".svg" else "png"
        # SVG element ids are random unless salted: salted, the same series gives the same file
        with matplotlib.rc_context({"svg.hashsalt": "communique"}):
            fig.savefig(out, format=fmt, dpi=DPI, metadata=_metadata(fmt))
    finally:
        plt.close(fig)
    return out


def _metadata(fmt: str) -> dict[str, str | None]:
    """No creation date or software version in the file: the same series gives the same
    bytes, so a committed chart changes only when its data does."""
    if fmt == "svg":
        return {"Date": None, "Creator": None}
    return {"Software": None}
