"""Issue 16: the per-article analysis as a plain, picklable function (what worker processes
and Dask tasks run), and ``analyze --workers N``."""

from __future__ import annotations

import pickle
from typing import Any

from communique.pipeline import DEFAULT_STAGES, Options, Pipeline, Stage, analyze_items
from communique.records import Analysis, Article, Document, Failure
from conftest import SAMPLES


def test_analyze_items_gives_one_result_per_item_in_order(pipeline: Pipeline) -> None:
    text = (SAMPLES / "text" / sorted(p.name for p in (SAMPLES / "text").iterdir())[0]).read_text()
    doc = Document("a.txt", text, "text/plain")
    art = next(pipeline.articles([doc]))
    assert isinstance(art, Article)
    huge = Article(id="huge", text="word " * 300_000, origin="huge.txt")
    failed = Failure("gone.txt", "could not be read")
    items: list[Any] = [failed, huge, doc, art]
    out = analyze_items(pickle.loads(pickle.dumps(items)), Options(stance=False))
    assert len(out) == 4
    assert out[0] == failed
    assert isinstance(out[1], Failure) and out[1].origin == "huge.txt"
    assert "over the parser's limit" in out[1].reason
    expected = next(pipeline.analyze([art]))
    assert isinstance(expected, Analysis) and expected.quotes
    assert out[2] == expected and out[3] == expected
    assert pickle.loads(pickle.dumps(out)) == out


def test_analyze_keeps_input_order_around_refused_articles(pipeline: Pipeline) -> None:
    ok = [Article(id=f"a{i}", text=f"Minister {i} said the talks would go on.") for i in range(3)]
    huge = Article(id="huge", text="word " * 300_000)
    out = list(pipeline.analyze([ok[0], ok[1], huge, ok[2]]))
    assert [o.article.id if isinstance(o, Analysis) else o.origin for o in out] == [
        "a0",
        "a1",
        "huge",
        "a2",
    ]


def test_a_pipeline_is_rebuildable_only_from_its_options_alone(pipeline: Pipeline) -> None:
    assert Pipeline(Options(stance=False)).rebuildable
    extra = Stage("extra", ("doc",), ("extra",), lambda pipe, work: {"extra": 1})
    assert not Pipeline(Options(stance=False), stages=(*DEFAULT_STAGES, extra)).rebuildable
    assert not Pipeline(Options(stance=False), nlp=pipeline.nlp).rebuildable
