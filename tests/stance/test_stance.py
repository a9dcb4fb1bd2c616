"""Target-dependent stance (issue 12): who holds it, toward which mention, with which
sentence as evidence; the named cases; the seeds; store and CLI."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from click.testing import CliRunner

from communique.cli import cli
from communique.records import Analysis, Stance
from communique.stance import LABELS, Head
from conftest import CNBC_SEED, RT_SEED, SAMPLES, analyze_sentence, need_shared

PESKOV = "person:dmitry-peskov"


def _code(an: Analysis, actor_id: str | None) -> str | None:
    a = an.actor(actor_id)
    return a.code if a else None


def _toward(an: Analysis, code: str) -> list[Stance]:
    return [s for s in an.stance if _code(an, s.target_actor_id) == code]


def test_peskov_accused_washington_of_lying(stance_pipeline: Any) -> None:
    an = analyze_sentence(stance_pipeline, "Peskov accused Washington of lying.")
    (s,) = _toward(an, "USA")
    assert s.holder_actor_id == PESKOV and s.holder_kind == "speaker"
    assert s.polarity == "negative"
    assert s.target is not None and s.target.text == "Washington"


def test_moscow_values_its_partnership_with_beijing(stance_pipeline: Any) -> None:
    an = analyze_sentence(stance_pipeline, "Moscow values its partnership with Beijing.")
    (s,) = _toward(an, "CHN")
    assert _code(an, s.holder_actor_id) == "RUS" and s.holder_kind == "subject"
    assert s.polarity == "positive"


def test_one_sentence_negative_about_one_actor_and_positive_about_another(
    stance_pipeline: Any,
) -> None:
    an = analyze_sentence(
        stance_pipeline, "Russia condemned the United States but thanked China for its support."
    )
    (us,) = _toward(an, "USA")
    (cn,) = _toward(an, "CHN")
    assert (us.polarity, cn.polarity) == ("negative", "positive")


def test_stance_holders_and_targets() -> None:
    """Places, facilities and pronouns get no stance; a person the registry does not
    know does, keyed by the mention."""
    from communique.records import Actor, Mention, Span
    from communique.stance import is_target

    person = Actor("person:x", "X", "person")
    assert is_target(Mention(0, Span(0, 1, "X"), "PERSON", "person:x"), person)
    assert is_target(Mention(0, Span(0, 5, "Smith"), "PERSON", None), None)
    assert not is_target(Mention(0, Span(0, 2, "he"), "PRONOUN", "person:x"), person)
    assert not is_target(Mention(0, Span(0, 5, "Wuhan"), "GPE", None), None)


def _evidence_ok(an: Analysis) -> None:
    for s in an.stance:
        text = an.article.title if s.in_title else an.article.text
        assert text is not None
        for span in (s.evidence, s.target, s.holder):
            if span is not None:
                assert text[span.start : span.end] == span.text, (s, span)
        assert s.evidence is not None and s.target is not None
        assert s.evidence.start <= s.target.start and s.target.end <= s.evidence.end
        assert s.polarity in LABELS and 1 / 3 <= s.score <= 1.0


def test_stance_records_reproduce_their_evidence(stance_pipeline: Any) -> None:
    arts = [a for a in stance_pipeline.articles(stance_pipeline.documents([str(SAMPLES / "text")]))]
    results = list(stance_pipeline.analyze(arts[:6], isolate=False))
    assert sum(len(an.stance) for an in results) > 20
    assert any(s.in_title for an in results for s in an.stance)
    for an in results:
        _evidence_ok(an)
        assert [s.id for s in an.stance] == list(range(len(an.stance)))


def _seed(pipeline: Any, path: Path) -> Analysis:
    need_shared(path)
    arts = list(pipeline.articles(pipeline.documents([str(path)])))
    (an,) = list(pipeline.analyze(arts, isolate=False))
    _evidence_ok(an)
    return an


def _balance(recs: list[Stance]) -> Counter[str]:
    return Counter(s.polarity for s in recs)


def test_rt_seed_is_negative_toward_the_us(stance_pipeline: Any) -> None:
    an = _seed(stance_pipeline, RT_SEED)
    us = _balance(_toward(an, "USA"))
    assert us["negative"] > us["positive"], us


def test_peskov_is_negative_toward_the_us(stance_pipeline: Any) -> None:
    recs: list[Stance] = []
    for seed in (RT_SEED, CNBC_SEED):
        an = _seed(stance_pipeline, seed)
        recs += [s for s in _toward(an, "USA") if s.holder_actor_id == PESKOV]
    us = _balance(recs)
    assert us["negative"] > us["positive"] + us["neutral"], us


def test_cnbc_peskov_is_positive_about_china(stance_pipeline: Any) -> None:
    """The head reads how words portray a target (NewsMTSC's labels): "The U.S. is wrong to
    accuse China …" portrays China as accused. Peskov defends China there, and in "couldn't
    show any solidarity with China-bashing statements" and "not a proper time … to blame
    … China" (stance._defence); before it, positive 2, negative 2, neutral 2."""
    an = _seed(stance_pipeline, CNBC_SEED)
    recs = [s for s in _toward(an, "CHN") if s.holder_actor_id == PESKOV]
    cn = _balance(recs)
    assert cn["positive"] > cn["negative"], cn
    wrong = [s for s in recs if s.evidence and "wrong to accuse China" in s.evidence.text]
    assert wrong and all(s.polarity == "positive" for s in wrong)


def test_head_round_trip_and_probabilities(tmp_path: Path) -> None:
    rng = np.random.default_rng(0)
    w = (rng.normal(size=(5, 4)).astype(np.float32), np.zeros(4, np.float32))
    o = (rng.normal(size=(4, 3)).astype(np.float32), np.zeros(3, np.float32))
    head = Head(("parse",), np.zeros(5, np.float32), np.ones(5, np.float32), (w, o), 1.5)
    head.save(tmp_path / "h.npz")
    back = Head.load(tmp_path / "h.npz")
    x = rng.normal(size=(7, 5)).astype(np.float32)
    assert np.allclose(back.proba(x), head.proba(x))
    assert np.allclose(head.proba(x).sum(axis=1), 1.0)
    assert back.blocks == ("parse",) and back.temperature == 1.5


def test_shipped_head_says_how_it_was_trained() -> None:
    head = Head.load()
    meta = json.loads(head.meta)
    assert head.labels == LABELS and head.temperature > 0
    assert meta["dev_macro_f1"] > 0.6 and "train" in meta["data"]


def test_stance_is_stored_and_queried(stance_pipeline: Any, tmp_path: Path) -> None:
    from communique.store import Store, stance_rows

    an = analyze_sentence(
        stance_pipeline, "Peskov accused Washington of lying.", published="2020-05-05"
    )
    an = Analysis(
        article=type(an.article)(
            id="t1", text=an.article.text, outlet="RT", published="2020-05-05"
        ),
        actors=an.actors,
        mentions=an.mentions,
        quotes=an.quotes,
        events=an.events,
        stance=an.stance,
    )
    db = tmp_path / "c.db"
    with Store.open(db) as store:
        store.add(an)
        assert store.load("t1").stance == an.stance
        by_speaker = stance_rows(store, "speaker", speaker="Peskov", actor="USA")
        assert [(r["speaker"], r["target_code"], r["stance"]) for r in by_speaker] == [
            ("Dmitry Peskov", "USA", "negative")
        ]
        rows = stance_rows(store, "statement", actor="USA")
        assert rows and rows[0]["evidence"] == "Peskov accused Washington of lying."
    res = CliRunner().invoke(
        cli, ["stance", "--db", str(db), "--outlet", "RT", "--actor", "USA", "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    (row,) = json.loads(res.output)
    assert row["outlet"] == "RT" and row["target_code"] == "USA" and row["statements"] == 1
    res = CliRunner().invoke(cli, ["stance", "--db", str(db), "--by", "article", "--format", "csv"])
    assert res.exit_code == 0 and res.output.startswith("published,outlet,title,article_id")


def test_stance_in_json_output(stance_pipeline: Any) -> None:
    an = analyze_sentence(stance_pipeline, "Moscow values its partnership with Beijing.")
    d = json.loads(json.dumps(an.to_dict()))
    assert d["stance"] and {"target", "evidence", "holder_kind", "score"} <= set(d["stance"][0])
    assert Analysis.from_dict(d) == an


@pytest.mark.parametrize("bad", ["nonsense"])
def test_stance_by_must_be_known(bad: str, tmp_path: Path) -> None:
    from communique.errors import UsageError
    from communique.store import Store, stance_rows

    with Store.open(tmp_path / "c.db") as store, pytest.raises(UsageError, match="summed up"):
        stance_rows(store, bad)


def test_stance_can_be_switched_off(stance_pipeline: Any) -> None:
    from communique import Options, Pipeline
    from communique.records import Article

    pipe = Pipeline(Options(stance=False), nlp=stance_pipeline.nlp)
    assert "stance" not in [s.name for s in pipe.stages]
    text = "Peskov accused Washington of lying."
    an = pipe.analyze_doc(pipe.nlp(text), Article(id="t", text=text), isolate=False)
    assert an.quotes and an.stance == ()


def test_feature_rows_do_not_depend_on_how_many_sentences_are_encoded_at_once(
    stance_pipeline: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 16: sentences are encoded a chunk at a time, so a long article's word-piece
    vectors are never all held at once; the rows are the same whatever the chunk."""
    import communique.stance as stance

    doc = stance_pipeline.nlp(need_shared(RT_SEED).read_text(encoding="utf-8"))
    pairs = [(s, [(s.start_char, s.start_char + 1)]) for s in doc.sents]
    assert len(pairs) > 3
    model = stance_pipeline.stance_model
    whole = stance.pair_features(model.encoder, pairs, model.head.blocks)
    monkeypatch.setattr("communique.stance._model.CHUNK_SENTENCES", 2)
    assert np.array_equal(stance.pair_features(model.encoder, pairs, model.head.blocks), whole)
