"""Accuracy gate: actor codes and sectors on PLOVER-GSR (floors only rise)."""

from __future__ import annotations

import pytest

from communique import Pipeline
from conftest import DATA, bench_module, need_shared

#: Measured 0.779 code / 0.485 sector (bench/actors.py); floors a little under. 0.792 /
#: 0.500 since issue 10's eleventh session (titles a name is the apposition of, a
#: territory's chief executive).
CODE_FLOOR = 0.78
SECTOR_FLOOR = 0.49


@pytest.mark.slow
def test_plover_gsr_actor_accuracy(pipeline: Pipeline) -> None:
    data = need_shared(DATA / "plover-gsr")
    score = bench_module("actors").measure(data, pipeline)["score"]["all"]
    assert score["code_ok"] / score["n"] >= CODE_FLOOR
    assert score["sector_ok"] / score["sector_n"] >= SECTOR_FLOOR
