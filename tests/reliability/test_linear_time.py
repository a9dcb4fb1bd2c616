"""Issue 17, unbounded time: inputs that made a regular expression or a loop quadratic.
Each case doubles its input twice; each doubling may cost at most 2.5 times as much
(linear: about 2; quadratic: about 4). CPU time, best of three, so a busy machine does
not fail it; a failing measurement is taken again before the test fails."""

from __future__ import annotations

import itertools
import time
from collections.abc import Callable
from typing import Any

import pytest

from communique.clean import clean_text, extract_html, page_metadata
from communique.quotes import extract_quotes

#: Per doubling of the input: linear work doubles, quadratic quadruples. The quote search
#: over thousands of quoted pieces measured 1.8-2.4 per doubling on an idle machine and
#: 2.9 once while benchmarks ran beside the tests (2026-12-06); 3 leaves that margin and
#: still fails any quadratic step.
MAX_GROWTH = 3.0
DAY = None

BODY = " ".join(
    f"Foreign Minister number {i} said on Monday that the talks in city {i} would go on."
    for i in range(8)
)


def _page(head: str = "", tail: str = "") -> str:
    return f"<html><head>{head}</head><body><p>{BODY}</p>{tail}</body></html>"


def _cost(run: Callable[[Any], object], make: Callable[[int], Any], n: int) -> float:
    arg = make(n)
    best = float("inf")
    for _ in range(3):
        t0 = time.process_time()
        run(arg)
        best = min(best, time.process_time() - t0)
    return max(best, 2e-3)  # below 2 ms, timer and scheduling noise; nothing to see


def assert_linear(run: Callable[[Any], object], make: Callable[[int], Any], n: int) -> None:
    """``run(make(size))`` grows at most MAX_GROWTH-fold per doubling from ``n`` to 4n."""
    ratios: list[float] = []
    for _ in range(3):
        costs = [_cost(run, make, n * 2**k) for k in range(3)]
        ratios = [b / a for a, b in itertools.pairwise(costs)]
        if all(r <= MAX_GROWTH for r in ratios):
            return
    raise AssertionError(f"growth per doubling {[round(r, 2) for r in ratios]} (costs {costs})")


def _meta(html: str) -> object:
    return page_metadata(html, search=False)


CASES: dict[str, tuple[Callable[[Any], object], Callable[[int], Any], int]] = {
    # the title split of a plain text's first line (25k spaces: 25 s)
    "title split, spaces": (clean_text, lambda n: "Headline" + " " * n + "x\n\n" + BODY, 40_000),
    "title split, tabs": (clean_text, lambda n: "Headline" + "\t" * n + "x\n\n" + BODY, 40_000),
    # page metadata over unclosed openings
    "unclosed <title>": (_meta, lambda n: _page("<title>x " * n), 8_000),
    "unclosed <h1>": (_meta, lambda n: _page(tail="<h1>x " * n), 40_000),
    "<meta  without >": (_meta, lambda n: "<html><head>" + "<meta " * n, 100_000),
    "<link without >": (_meta, lambda n: "<html><head>" + "<link " * n, 100_000),
    "<html without >": (_meta, lambda n: "<html " * n, 100_000),
    "unclosed JSON-LD <script>": (
        _meta,
        lambda n: _page('<script type="application/ld+json">{' * n),
        16_000,
    ),
    "<time> without datetime": (_meta, lambda n: _page(tail="<time " * n + ">"), 40_000),
    "comment containers without >": (_meta, lambda n: _page(tail="<time>" + "<div " * n), 40_000),
    # the pull-quote and kicker filter, and lxml, over the page
    '<p class="quote without >': (extract_html, lambda n: _page(tail='<p class="quote' * n), 8_000),
    'unclosed <span class="kicker">': (
        extract_html,
        lambda n: _page(tail='<span class="kicker">w ' * n),
        4_000,
    ),
    "attributes of one element": (
        extract_html,
        lambda n: _page(tail="<div " + " ".join(f'a{i}="v"' for i in range(n)) + ">x</div>"),
        32_000,
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_input_takes_linear_time(case: str) -> None:
    run, make, n = CASES[case]
    assert_linear(run, make, n)


def test_many_quote_marks_take_linear_time_per_doubling(pipeline: Any) -> None:
    """The quote search over many quoted pieces (once 20k marks: 30 s); the parse is
    spaCy's and is done outside the timing."""

    def make(n: int) -> tuple[Any, Any]:
        doc = pipeline.nlp('Peskov said "' + '" "'.join(["no"] * n) + '".')
        return doc, pipeline.resolver(doc, DAY)

    assert_linear(lambda a: extract_quotes(*a), make, 2_000)
