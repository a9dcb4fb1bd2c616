"""Stories on the held-out part of the story gold (tests/gold/stories, bench/stories.py
prints the full table with the TF-IDF baseline and the tuning part): B-cubed F1, pairwise
precision and event de-duplication F1 stay at least where they are (floors only rise)."""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_story_floors() -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import stories as bench  # bench/stories.py
    finally:
        sys.path.pop(0)
    from communique.store import Store

    articles = bench.load_part(bench.GOLD, "heldout")
    assert len(articles) == 72
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "heldout.db"
        bench.analyse(articles, db)
        with Store.open(db) as store:
            gold = {a["id"]: a["story"] for a in articles}
            pred = bench.predicted(store, articles)
            _p, _r, f1 = bench.bcubed(pred, gold)
            pair_p, _pair_r, _, _ = bench.pairwise(pred, gold)
            dedup = bench.dedup_pairs(store, articles)
    assert f1 >= FLOOR_BCUBED_F1, f1
    assert pair_p >= FLOOR_PAIR_PRECISION, pair_p
    assert dedup["ours"][2] >= FLOOR_DEDUP_F1, dedup


#: Measured on the held-out part (2026-12-05, BENCHMARKS.md#stories): B-cubed F1 0.909,
#: pairwise precision 1.000, de-duplication F1 0.852 (0.812 before story events merged
#: reports on compatible codes) with the coder of that day; 0.848 with the coder after issue
#: 10's fifth session (its events on the gold articles changed: tuning part 0.832 → 0.837,
#: held-out 0.852 → 0.848); 0.862 after the sixth (coordinated peoples each a side, a
#: month agreeing with a day inside it), which sets this floor. Issue 13 asks B-cubed F1
#: 0.90, pairwise precision 0.95 and de-duplication F1 0.85.
FLOOR_BCUBED_F1 = 0.90
FLOOR_PAIR_PRECISION = 0.99
FLOOR_DEDUP_F1 = 0.86
