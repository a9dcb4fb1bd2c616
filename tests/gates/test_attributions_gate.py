"""Attributions beyond "said" (issue 11) on our statement-level gold (tests/gold/README.md,
"Attribution gold"): the gold is well-formed, and the extractor's scores stay at least where
they are (floors only rise; bench/attributions.py prints the full tables)."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import ROOT, bench_module

GOLD = ROOT / "tests" / "gold" / "attributions.jsonl"
KINDS = {"say", "speech_act", "according_to", "nominal", "colon", "document"}


def _occurrences(text: str, needle: str) -> int:
    n, i = 0, text.find(needle)
    while i >= 0:
        n, i = n + 1, text.find(needle, i + 1)
    return n


def test_attribution_gold_is_well_formed() -> None:
    recs = [json.loads(x) for x in GOLD.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(recs) >= 200 and len({r["id"] for r in recs}) == len(recs)
    assert sum(r["kind"] != "say" for r in recs) >= 0.6 * len(recs)
    for r in recs:
        text = (ROOT / r["doc"]).read_text(encoding="utf-8")
        assert r["kind"] in KINDS and r["type"] in ("direct", "indirect", "mixed"), r["id"]
        assert len(r["content"]) == len(r["content_occurrence"]) >= 1, r["id"]
        for part, occ in zip(r["content"], r["content_occurrence"], strict=True):
            assert _occurrences(text, part) > occ, (r["id"], part)
        assert r["source_kind"] in ("person", "organisation", "document", "unnamed"), r["id"]


def _scores(pipeline: Any, split: str) -> dict[str, float]:
    bench = bench_module("attributions")
    t = bench.evaluate(pipeline, split, with_textacy=False)["ours"]
    out = {f"f{th}": bench.overall(t, th)[2] for th in bench.THRESHOLDS}
    out["not_say"] = bench.kind_recall(t, 0.3, bench.NOT_SAY)
    return out


@pytest.mark.slow
def test_attribution_floors(pipeline: Any) -> None:
    held = _scores(pipeline, "held-out")
    assert held["f0.3"] >= 0.95  # measured 0.957 (2026-12-04); issue 11 asks 0.85
    assert held["f0.8"] >= 0.86  # measured 0.872; issue 11 asks 0.75
    assert held["not_say"] >= 0.89  # measured 0.900; issue 11 asks 0.75
    tune = _scores(pipeline, "tune")
    assert tune["f0.3"] >= 0.94  # measured 0.946
    assert tune["f0.8"] >= 0.835  # measured 0.842
