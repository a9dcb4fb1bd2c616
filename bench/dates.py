"""Publication-date benchmark on htmldate-bbaw (800 pages, gold day per page).

Run from the repo root::

    python bench/dates.py [--data ../shared/data/htmldate-bbaw] [--limit N] [--repeat R]
                          [--only MODE ...] [--failures MODE]

Scores, in the same process on the same decoded pages (the URL from ``dates.json`` is passed
to every tool, as htmldate's own evaluation does):

(a) ``communique.clean.extract_html(html, url=...).published`` (our whole HTML path: body,
    metadata and date), and its metadata step alone (``communique.clean.page_metadata``),
(b) ``htmldate.find_date(html, original_date=True, url=...)`` (extensive search, htmldate's
    evaluation setting),
(c) the same with ``extensive_search=False``,
(d) ``trafilatura.extract_metadata(html, default_url=url).date``.

Metric as htmldate's evaluation: a page is right when the predicted day equals the gold
day. ``accuracy`` = right / pages; ``coverage`` = pages with a date / pages; ``precision`` =
right / pages with a date. Speed is process CPU time per mode; the modes are interleaved page
by page in each of ``--repeat`` passes (so load on a shared box hits them alike); best and
median pages/s are printed. Accuracy comes from the first pass (every mode is deterministic).

Last measured: see tests/gates/test_dates_gate.py.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import statistics
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

DEFAULT_DATA = ROOT.parent / "shared" / "data" / "htmldate-bbaw"


@dataclass(frozen=True)
class Page:
    url: str
    file: str
    gold: str  # YYYY-MM-DD
    html: str


def load_pages(data: Path, limit: int | None = None) -> list[Page]:
    """The pages of ``dates.json`` (in its order) that exist in ``pages/`` or ``pages-cache/``."""
    from communique.sources import decode

    gold = json.loads((data / "dates.json").read_text(encoding="utf-8"))
    pages: list[Page] = []
    for url, entry in gold.items():
        path = next(
            (p for d in ("pages", "pages-cache") if (p := data / d / entry["file"]).exists()),
            None,
        )
        if path is None:
            continue
        text = decode(gzip.decompress(path.read_bytes()), str(path))
        html = text if isinstance(text, str) else ""
        pages.append(Page(url, entry["file"], entry["date"], html))
        if limit and len(pages) >= limit:
            break
    return pages


def _ours(html: str, url: str) -> str | None:
    from communique.clean import extract_html

    return extract_html(html, url=url).published


def _ours_date_only(html: str, url: str) -> str | None:
    from communique.clean import page_metadata

    return page_metadata(html, url=url).published


def _htmldate(extensive: bool) -> Callable[[str, str], str | None]:
    def run(html: str, url: str) -> str | None:
        from htmldate import find_date

        try:
            return find_date(html, original_date=True, extensive_search=extensive, url=url)
        # htmldate/lxml raise on some broken pages; no date is the answer
        except Exception:
            return None

    return run


def _trafilatura(html: str, url: str) -> str | None:
    import trafilatura

    try:
        meta = trafilatura.extract_metadata(html, default_url=url)
    except Exception:  # as above
        return None
    return meta.date if meta is not None else None


MODES: dict[str, Callable[[str, str], str | None]] = {
    "communique extract_html": _ours,
    "communique page_metadata": _ours_date_only,
    "htmldate extensive": _htmldate(True),
    "htmldate quick": _htmldate(False),
    "trafilatura metadata": _trafilatura,
}


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print the table; returns the exit status."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--repeat", type=int, default=1, help="timed passes (modes interleaved)")
    ap.add_argument("--only", nargs="*", default=None, help="mode names (substring) to run")
    ap.add_argument("--failures", default=None, help="print the pages this mode gets wrong")
    args = ap.parse_args(argv)
    if not (args.data / "dates.json").exists():
        print(f"no benchmark data at {args.data} (pass --data)", file=sys.stderr)
        return 2
    import logging

    from htmldate.meta import reset_caches

    logging.disable(logging.CRITICAL)  # htmldate and trafilatura log every odd page
    modes = {k: f for k, f in MODES.items() if not args.only or any(o in k for o in args.only)}
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}, {os.cpu_count()} CPUs")
    pages = load_pages(args.data, args.limit)
    for f in modes.values():  # warm up: imports and lazily built tables, not timed
        f(pages[0].html, pages[0].url)
    found: dict[str, list[str | None]] = {k: [] for k in modes}
    secs: dict[str, list[float]] = {k: [] for k in modes}
    for rep in range(args.repeat):
        spent = dict.fromkeys(modes, 0.0)
        for page in pages:
            for name, f in modes.items():
                reset_caches()  # htmldate memoises per string: no mode profits from another
                t = time.process_time()
                got = f(page.html, page.url)
                spent[name] += time.process_time() - t
                if rep == 0:
                    found[name].append(got)
        for name in modes:
            secs[name].append(spent[name])

    n = len(pages)
    print(f"htmldate-bbaw: {n} pages, exact day; {args.repeat} timed pass(es)")
    print(
        f"  {'':<34} {'accuracy':>8} {'coverage':>8} {'precision':>9} "
        f"{'pages/s best':>12} {'median':>8}"
    )
    for name in modes:
        days = [g[:10] if g else None for g in found[name]]
        right = sum(d == p.gold for d, p in zip(days, pages, strict=True))
        covered = sum(d is not None for d in days)
        best = n / min(secs[name]) if min(secs[name]) else float("inf")
        median = n / statistics.median(secs[name]) if statistics.median(secs[name]) else 0.0
        print(
            f"  {name:<34} {right / n:8.3f} {covered / n:8.3f} "
            f"{right / covered if covered else 0.0:9.3f} {best:12.1f} {median:8.1f}"
        )
    if args.failures:
        name = next(k for k in modes if args.failures in k)
        ref = next((k for k in modes if k.startswith("htmldate extensive")), None)
        for i, page in enumerate(pages):
            got = found[name][i]
            if (got or "")[:10] != page.gold:
                other = found[ref][i] if ref else "-"
                print(f"{page.gold} got {got} htmldate {other} {page.file} {page.url}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
