"""Accuracy gate for the ingest cleaners on scrapinghub-aeb (181 pages). Floors only rise.

Measured with ``python bench/ingest.py`` (2026-11): HTML extract_html F1 0.966 (bare
trafilatura 0.953 in the same run); plain-text clean_text F1 0.914, P 0.876, R 0.956.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import DATA as SHARED_DATA
from conftest import bench_module

DATA = SHARED_DATA / "scrapinghub-aeb"

HTML_F1_FLOOR = 0.964
TEXT_F1_FLOOR = 0.91
TEXT_RECALL_FLOOR = 0.95  # the acceptance target (measured 0.956)


def _data() -> Path:
    if not (DATA / "ground-truth.json").exists():
        pytest.skip(f"{DATA} is absent: the benchmark sits beside the repo only in our workspace")
    return DATA


@pytest.fixture(scope="module")
def text_score():  # type: ignore[no-untyped-def]
    _aeb = bench_module("_aeb")
    from communique.clean import clean_text

    data = _data()
    truth = {k: v[0] for k, v in _aeb.load_ground_truth(data).items()}
    pages = _aeb.load_reference(data, "html-text")
    return _aeb.score(truth, {k: clean_text(pages.get(k, "")).text for k in truth})


@pytest.mark.slow
def test_metric_reproduces_published_numbers() -> None:
    _aeb = bench_module("_aeb")

    data = _data()
    truth = {k: v[0] for k, v in _aeb.load_ground_truth(data).items()}
    assert _aeb.score(truth, _aeb.load_reference(data, "trafilatura")).f1 == pytest.approx(
        0.958, abs=0.001
    )
    assert _aeb.score(truth, _aeb.load_reference(data, "html-text")).f1 == pytest.approx(
        0.665, abs=0.001
    )


@pytest.mark.slow
def test_text_cleaner_f1_floor(text_score) -> None:  # type: ignore[no-untyped-def]
    assert text_score.f1 >= TEXT_F1_FLOOR


@pytest.mark.slow
def test_text_cleaner_recall_floor(text_score) -> None:  # type: ignore[no-untyped-def]
    assert text_score.recall >= TEXT_RECALL_FLOOR


@pytest.mark.slow
def test_html_f1_floor() -> None:
    _aeb = bench_module("_aeb")
    from communique.clean import extract_html

    data = _data()
    pages = list(_aeb.iter_pages(data))
    truth = {p.id: p.truth for p in pages}
    pred = {p.id: extract_html(p.html, url=p.url).text for p in pages}
    assert _aeb.score(truth, pred).f1 >= HTML_F1_FLOOR
