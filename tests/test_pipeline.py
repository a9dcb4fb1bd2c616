"""End to end: the seeds and the bundled samples through the whole pipeline and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique import Analysis, Failure, Pipeline
from communique.cli import main
from conftest import CNBC_SEED, RT_SEED, SAMPLES, need_shared


def check_spans(a: Analysis) -> None:
    """Evidence or it didn't happen: every span reproduces its text from Article.text (from
    Article.title for records found in the title)."""
    spans = [(m.in_title, m.span) for m in a.mentions]
    for q in a.quotes:
        spans += [
            (q.in_title, s) for s in (*q.content, q.sentence, q.speaker, q.cue, q.addressee) if s
        ]
    for e in a.events:
        spans += [
            (e.in_title, s)
            for s in (e.evidence, e.trigger, e.source, e.target, e.date_evidence)
            if s
        ]
    for in_title, s in spans:
        t = (a.article.title or "") if in_title else a.article.text
        assert t[s.start : s.end] == s.text, s
    ids = {x.id for x in a.actors}
    for ref in (
        [m.actor_id for m in a.mentions]
        + [q.speaker_actor_id for q in a.quotes]
        + [x for e in a.events for x in (e.source_actor_id, e.target_actor_id)]
    ):
        assert ref is None or ref in ids
    for e in a.events:
        assert e.reported_by is None or e.reported_by in {q.id for q in a.quotes}


def extract(*args: str) -> tuple[int, list[dict[str, object]], str]:
    proc = subprocess.run(
        [sys.executable, "-m", "communique", "extract", *args],
        capture_output=True,
        text=True,
        timeout=300,
    )
    return proc.returncode, [json.loads(line) for line in proc.stdout.splitlines()], proc.stderr


def test_extract_rt_seed_cli() -> None:
    need_shared(RT_SEED)
    rc, out, err = extract(str(RT_SEED))
    assert rc == 0, err
    (d,) = out
    a = Analysis.from_dict(d)
    check_spans(a)
    assert a.article.published and a.article.published.startswith("2020-07-24")
    assert "Also on rt.com" not in a.article.text and "cookies" not in a.article.text
    peskov = {x.id for x in a.actors if "Peskov" in x.name}
    assert peskov, "Peskov must be an actor"
    said = [q for q in a.quotes if q.speaker_actor_id in peskov]
    assert any("good neighborliness" in p.text for q in said for p in q.content)


def test_cnbc_seed_peskov_direct_quotes(pipeline: Pipeline) -> None:
    need_shared(CNBC_SEED)
    a = pipeline.analyze_text(CNBC_SEED.read_text(), published="2020-05-05")
    check_spans(a)
    peskov = {x.id for x in a.actors if "Peskov" in x.name}
    by_peskov = " ".join(
        p.text for q in a.quotes if q.speaker_actor_id in peskov for p in q.content
    )
    for piece in (
        "We consider it not a proper time",
        "Without proof, we consider it wrong",
        "It's a relationship of mutual understanding",
        "our relationship is not in a good condition",
        "we don't feel any reasons to be optimistic",
    ):
        assert piece in by_peskov, piece


def test_samples_end_to_end(pipeline: Pipeline, tmp_path: Path) -> None:
    files = [p for p in SAMPLES.rglob("*") if p.suffix in (".html", ".txt", ".jsonl")]
    assert len(files) >= 10, "samples/ must hold the bundled demo corpus"
    items = list(pipeline.articles(pipeline.documents([str(SAMPLES)])))
    failures = [i for i in items if not hasattr(i, "text")]
    assert not failures, failures
    analyses = list(pipeline.analyze(items))  # type: ignore[arg-type]
    assert len(analyses) >= 15
    for a in analyses:
        check_spans(a)
        assert a.article.outlet, a.article.origin
        assert a.article.published, a.article.origin
    assert sum(len(a.quotes) for a in analyses) >= 100
    assert sum(len(a.events) for a in analyses) >= 20


def test_analyze_store_rerun_and_queries(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = str(tmp_path / "c.db")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary")
    inputs = [str(SAMPLES / "text"), str(bad), str(tmp_path / "missing.txt")]
    with pytest.raises(SystemExit) as ex:
        main(["analyze", "-q", "--db", db, *inputs])
    assert ex.value.code == 1, "some inputs failed: exit code 1"
    out = capsys.readouterr()
    assert "binary" in out.err and "missing.txt" in out.err
    from communique import open_store

    with open_store(db) as store:
        first = store.counts()
        assert first["articles"] >= 5 and first["failures"] == 2
    with pytest.raises(SystemExit):
        main(["analyze", "-q", "--db", db, *inputs])
    with open_store(db) as store:
        again = store.counts()
    assert {k: again[k] for k in ("articles", "quotes", "events", "mentions")} == {
        k: first[k] for k in ("articles", "quotes", "events", "mentions")
    }, "a re-run must add nothing"
    capsys.readouterr()
    with pytest.raises(SystemExit) as ex:
        main(["events", "--db", db, "--format", "json"])
    assert ex.value.code in (0, None)
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["evidence"] and r["type"] for r in rows)


def test_extract_reads_stdin_and_validates_published() -> None:
    text = "Kremlin spokesman Dmitry Peskov said on Tuesday that Russia rejects the proposal from Washington."
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "communique",
            "extract",
            "-",
            "--published",
            "2020-07-24",
            "--outlet",
            "Test",
        ],
        input=text,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    d = json.loads(proc.stdout)
    assert d["article"]["outlet"] == "Test" and d["article"]["published"] == "2020-07-24"
    bad = subprocess.run(
        [sys.executable, "-m", "communique", "extract", "-", "--published", "soon"],
        input=text,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert bad.returncode == 2 and "is not a date" in bad.stderr


WORDS = st.sampled_from(
    [
        "Russia",
        "China",
        "the Kremlin",
        "Peskov",
        "he",
        "said",
        "told reporters",
        "that",
        "Beijing",
        "accused",
        "rejected",
        "sanctions",
        "on Sunday",
        "in December 2019",
        "“",
        "”",
        '"',
        "«",
        "»",
        "‘",
        "’",
        ",",
        ".",
        "\n\n",
        "would",
        "not",
        "the US",
        "Pompeo",
        "according to",
        "WHO",
        "Moscow",
    ]
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(WORDS, min_size=8, max_size=80))
def test_spans_survive_any_text(pipeline: Pipeline, words: list[str]) -> None:
    """Whatever the text (unbalanced quote marks included), every span reproduces itself."""
    from communique.records import Article

    text = "Kremlin spokesman Dmitry Peskov said " + " ".join(words) + " and more text follows."
    (analysis,) = pipeline.analyze([Article("x", text, published="2020-07-24")])
    check_spans(analysis)


def test_malformed_html_is_handled(pipeline: Pipeline, tmp_path: Path) -> None:
    page = tmp_path / "broken.html"
    page.write_text(
        "<html><head><title>Broken</title><body><div><p>Kremlin spokesman Dmitry Peskov said on Tuesday "
        "that Russia rejects the proposal from Washington and will not join any alliance.<p><b>Unclosed "
        "<div><table><tr><td>cell</html></p></div>"
    )
    (empty,) = [tmp_path / "nothing.html"]
    empty.write_text("<html><body><nav>Home | News</nav></body></html>")
    items = list(pipeline.articles(pipeline.documents([str(page), str(empty)])))
    ok = [i for i in items if not isinstance(i, Failure)]
    bad = [i for i in items if isinstance(i, Failure)]
    assert len(ok) == 1 and "Peskov" in ok[0].text
    assert len(bad) == 1 and "no article text" in bad[0].reason


def test_wire_dateline_is_not_the_subject(pipeline: Pipeline) -> None:
    from communique.records import Article

    text = (
        "BEIJING, Oct. 14 (Agency) -- Chinese Foreign Minister Wang Yi held talks with Russian "
        "Foreign Minister Sergey Lavrov on Monday.\n\nUS-China trade talks resumed in Geneva."
    )
    (a,) = pipeline.analyze([Article("x", text, published="2019-10-14")])
    consult = [e for e in a.events if e.type == "CONSULT" and e.evidence.text.startswith("Chinese")]
    # the talks' two sides, each consulting the other; never the dateline's city
    sides = {(a.actor(e.source_actor_id).name, a.actor(e.target_actor_id).name) for e in consult}  # type: ignore[union-attr]
    assert sides == {("Wang Yi", "Sergei Lavrov"), ("Sergei Lavrov", "Wang Yi")}, sides
    assert not any(m.span.text == "BEIJING" and m.actor_id for m in a.mentions)
    sentences = [s.text for s in pipeline.nlp(text).sents]
    assert sentences[0] == "BEIJING, Oct. 14 (Agency) --"
    assert "US-China trade talks resumed in Geneva." in sentences, "a hyphen is no dateline dash"


def test_the_tokenizer_is_the_packages_own(pipeline: Pipeline) -> None:
    """load_nlp starts the model from an empty tokenizer and reads the package's: the same
    tokenizer, byte for byte and token for token, as spaCy's own load gives."""
    import spacy

    from communique.nlp import MODEL_NAMES

    plain = spacy.load(MODEL_NAMES[0])
    bare = ["vocab"]  # the vocabulary grows with every text read
    assert pipeline.nlp.tokenizer.to_bytes(exclude=bare) == plain.tokenizer.to_bytes(exclude=bare)
    text = (CNBC_SEED.read_text() + RT_SEED.read_text())[:20_000]
    assert [t.text for t in pipeline.nlp.tokenizer(text)] == [t.text for t in plain.tokenizer(text)]
    assert pipeline.nlp.tokenizer.prefix_search is not None


def test_the_headline_is_analysed_apart(pipeline: Pipeline) -> None:
    """A headline carries attributions and acts too; its records say so and point into the
    title (issue 11, item 5)."""
    from communique.records import Article

    body = (
        "Secretary of State Mike Pompeo spoke to reporters in Washington on Sunday. "
        "He said the talks would go on."
    )
    art = Article(
        id="t",
        text=body,
        title="China urges U.S. to stop imposing sanctions, Pompeo says",
        published="2019-11-20",
    )
    a = next(pipeline.analyze([art], isolate=False))
    check_spans(a)
    in_title = [e for e in a.events if e.in_title]
    assert any(e.type == "REQUEST" and a.actor(e.source_actor_id).code == "CHN" for e in in_title)
    assert all(not e.in_title for e in a.events if e.evidence.text in body)
    ids = [q.id for q in a.quotes] + [e.id for e in a.events] + [m.id for m in a.mentions]
    assert len(ids) == len(a.quotes) + len(a.events) + len(a.mentions)
    assert [q.id for q in a.quotes] == list(range(len(a.quotes)))
    assert [e.id for e in a.events] == list(range(len(a.events)))


def test_a_headline_restating_the_bodys_act_adds_no_event(pipeline: Pipeline) -> None:
    from communique.records import Article

    art = Article(
        id="t",
        text="Russia accused Ukraine of shelling the nuclear plant. Kyiv denied it.",
        title="Russia accuses Ukraine of shelling nuclear plant",
        published="2019-11-20",
    )
    a = next(pipeline.analyze([art], isolate=False))
    accusations = [e for e in a.events if e.type == "ACCUSE"]
    assert len(accusations) == 1 and not accusations[0].in_title, a.events
    assert [e.id for e in a.events] == list(range(len(a.events)))


def test_an_undated_headline_restates_the_bodys_dated_act(pipeline: Pipeline) -> None:
    """The headline names the state, the body its government and the day: one act, on the
    body's day, not a second one on the publication day."""
    from communique.records import Article

    art = Article(
        id="t",
        text="The Trump administration on Thursday imposed sanctions on China over Iranian oil.",
        title="U.S. sanctions on China put refiners on alert",
        published="2020-09-25",
    )
    a = next(pipeline.analyze([art], isolate=False))
    sanctions = [e for e in a.events if e.type == "SANCTION"]
    assert [(e.in_title, e.date) for e in sanctions] == [(False, "2020-09-24")], a.events


def test_a_headline_naming_no_target_restates_the_bodys_aimed_act(pipeline: Pipeline) -> None:
    """The headline's act has no target the resolver could place; the body aims the same
    act of the same source: one act, the body's."""
    from communique.records import Article

    art = Article(
        id="t",
        text="Russia on Thursday accused Washington of spreading groundless claims about a "
        "cyber attack.",
        title="Moscow slams 'groundless' hacking claims",
        published="2021-06-24",
    )
    a = next(pipeline.analyze([art], isolate=False))
    accusations = [e for e in a.events if e.type == "ACCUSE"]
    assert [(e.in_title, a.actor(e.target_actor_id).code) for e in accusations] == [
        (False, "USA")
    ], a.events


def test_each_parse_keeps_its_text_once(
    pipeline: Pipeline, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The stages read a doc's text through doc_text: the string the pipeline parsed, kept
    with the parse (spaCy's Doc.text joins every token again on each read)."""
    from communique.nlp import TEXT_KEY, doc_text
    from communique.records import Article

    seen: list[object] = []
    run = pipeline.analyze_doc

    def keep(doc: object, article: Article, **kw: object) -> object:
        seen.extend([doc, kw.get("title_doc")])
        return run(doc, article, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(pipeline, "analyze_doc", keep)
    art = Article(
        id="t", text="Moscow  thanked Beijing.\n\nIt said so.", title="Moscow thanks Beijing"
    )
    next(pipeline.analyze([art], isolate=False))
    body, title = seen
    assert body.user_data[TEXT_KEY] == body.text == art.text  # type: ignore[attr-defined]
    assert title.user_data[TEXT_KEY] == title.text == art.title  # type: ignore[attr-defined]
    fresh = pipeline.nlp("A text parsed elsewhere.")
    assert TEXT_KEY not in fresh.user_data
    assert doc_text(fresh) == fresh.text and fresh.user_data[TEXT_KEY] == fresh.text
