"""Stance on the held-out test part of NewsMTSC-train (bench/stance.py prints the full
table with VADER and the majority class): macro-F1 and accuracy stay at least where they
are, and the top probability stays calibrated (floors only rise)."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import DATA, bench_module, need_shared


@pytest.mark.slow
def test_stance_floors(pipeline: Any) -> None:
    need_shared(DATA / "newsmtsc-train")
    bench = bench_module("stance")
    gold, probs, labels = bench.model_probs("test", pipeline.nlp)
    pred = [labels[i] for i in probs.argmax(axis=1)]
    assert len(gold) == 1390
    # measured 0.730 (2026-12-06, six int8 layers rebuilt, seven-bit weights; 0.721 before
    # on another CPU, eight-bit weights); issue 12 asks 0.70
    assert bench.macro_f1(gold, pred) >= 0.72
    assert bench.accuracy(gold, pred) >= 0.72  # measured 0.733 (0.724 before)
    assert bench.reliability(gold, probs, labels, 10)[1] <= 0.05  # measured 0.034
