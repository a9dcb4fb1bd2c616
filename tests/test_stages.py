"""Stages are declared for real: the pipeline runs the declared list, a missing need fails at
build, and a stage that raises on one article fails that article only."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pytest

from communique import Failure, Pipeline, open_store
from communique.errors import PipelineError
from communique.pipeline import DEFAULT_STAGES, Stage, check_stages
from communique.records import Article
from communique.runner import Progress, analyze_into_store

TEXT = (
    "Russian Foreign Minister Sergey Lavrov met Chinese Foreign Minister Wang Yi in Beijing "
    'on Monday. "We agreed to deepen our partnership," Lavrov said after the talks.'
)


#: Four different openings: the articles must not be near-duplicates of each other.
PAIRS = [
    ("Chancellor Olaf Scholz of Germany", "Paris after a summit on energy prices"),
    ("Prime Minister Narendra Modi of India", "Tokyo for talks with Japanese business leaders"),
    ("President Emmanuel Macron of France", "Dakar where protesters gathered outside"),
    ("President Lula of Brazil", "Buenos Aires with ministers of the Mercosur bloc"),
]


def _noop(pipe: Any, work: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"extra": len(work["quotes"])}


def test_default_stages_check() -> None:
    check_stages(DEFAULT_STAGES)
    assert [s.name for s in DEFAULT_STAGES] == ["actors", "quotes", "events", "stance"]


def test_a_need_no_stage_gives_fails_at_build() -> None:
    needy = Stage("needy", ("doc", "sentiment"), ("extra",), _noop)
    with pytest.raises(PipelineError, match=r"'needy' needs \['sentiment'\]"):
        Pipeline(stages=(*DEFAULT_STAGES, needy))
    early = Stage("early", ("quotes",), ("extra",), _noop)
    with pytest.raises(PipelineError, match="'early' needs"):
        check_stages((early, *DEFAULT_STAGES))


def test_required_output_and_double_declarations_fail_at_build() -> None:
    with pytest.raises(PipelineError, match="no stage gives"):
        check_stages(DEFAULT_STAGES[:2])
    twice = Stage("events", ("doc",), ("other",), _noop)
    with pytest.raises(PipelineError, match="declared twice"):
        check_stages((*DEFAULT_STAGES, twice))
    clobber = Stage("clobber", ("doc",), ("quotes",), _noop)
    with pytest.raises(PipelineError, match="already given"):
        check_stages((*DEFAULT_STAGES, clobber))


def test_a_declared_stage_runs_and_its_output_is_checked(pipeline: Pipeline) -> None:
    seen: list[int] = []

    def count(pipe: Any, work: Mapping[str, Any]) -> Mapping[str, Any]:
        seen.append(len(work["quotes"]))
        return {"extra": 1}

    pipe = Pipeline(
        nlp=pipeline.nlp, stages=(*DEFAULT_STAGES, Stage("count", ("quotes",), ("extra",), count))
    )
    (out,) = pipe.analyze([Article("a1", TEXT, origin="a.txt", published="2022-03-09")])
    assert not isinstance(out, Failure) and out.quotes and seen == [len(out.quotes)]

    liar = Stage("liar", ("doc",), ("extra",), lambda p, w: {"other": 1})
    pipe = Pipeline(nlp=pipeline.nlp, stages=(*DEFAULT_STAGES, liar))
    (out,) = pipe.analyze([Article("a1", TEXT, origin="a.txt")])
    assert isinstance(out, Failure) and out.stage == "liar" and "declared ['extra']" in out.reason


def _boom(pipe: Any, work: Mapping[str, Any]) -> Mapping[str, Any]:
    if "BOOM" in work["article"].text:
        raise ValueError("cannot score this one")
    return {"extra": 0}


def test_a_stage_raising_on_one_article_fails_that_article_only(
    pipeline: Pipeline, tmp_path: Path
) -> None:
    src = tmp_path / "in"
    src.mkdir()
    for i, (who, where) in enumerate(PAIRS):
        extra = " BOOM." if i == 2 else ""
        body = f"{who} met officials in {where} on Monday to discuss trade.{extra}"
        (src / f"a{i}.txt").write_text(f"{body} {TEXT}\n", encoding="utf-8")
    pipe = Pipeline(
        nlp=pipeline.nlp, stages=(*DEFAULT_STAGES, Stage("boom", ("doc",), ("extra",), _boom))
    )
    seen: list[Progress] = []
    db = str(tmp_path / "s.db")
    summary = analyze_into_store(pipe, [str(src)], db, on_progress=lambda p: seen.append(p))
    assert summary.run["articles"] == 3 and summary.failed == 1
    assert seen and seen[-1].seen == 4
    with open_store(db) as store:
        (f,) = store.failures()
        assert f.origin.endswith("a2.txt") and f.stage == "boom"
        assert "ValueError: cannot score this one" in f.reason
        assert len(store.article_ids()) == 3
    # a re-run with the stage fixed analyses the failed article and clears its failure
    summary = analyze_into_store(pipeline, [str(src)], db)
    assert summary.run["articles"] == 1 and summary.progress.skipped == 3
    with open_store(db) as store:
        assert store.failures() == [] and len(store.article_ids()) == 4


def test_text_over_the_parser_limit_is_a_parse_failure(pipeline: Pipeline) -> None:
    huge = Article("big", "word " * (pipeline.nlp.max_length // 5 + 10), origin="big.txt")
    small = Article("small", TEXT, origin="small.txt")
    out = list(pipeline.analyze([huge, small]))
    failures = [o for o in out if isinstance(o, Failure)]
    assert len(out) == 2 and len(failures) == 1
    assert failures[0].stage == "parse" and "over the parser's limit" in failures[0].reason
