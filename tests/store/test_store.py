"""Store and JSON round trips (property tests), migrations, idempotent re-runs."""

from __future__ import annotations

import json
import pickle
import sqlite3
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.errors import SchemaVersionError, StoreError
from communique.records import (
    PLOVER_TYPES,
    Actor,
    Analysis,
    Article,
    Event,
    Mention,
    Quote,
    RemovedSpan,
    Span,
    Stance,
    article_id,
)
from communique.store import SCHEMA_VERSION, Store

texts = st.text(min_size=1, max_size=300)
opt_text = st.none() | st.text(max_size=40)


@st.composite
def analyses(draw: st.DrawFn) -> Analysis:
    text = draw(texts)
    n = len(text)

    def span() -> Span:
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return Span(a, b, text[a:b])

    actors = draw(
        st.lists(
            st.builds(
                Actor,
                id=st.text(min_size=1, max_size=12),
                name=st.text(max_size=20),
                kind=st.sampled_from(["state", "person", "IGO"]),
                code=opt_text,
                country=opt_text,
                sector=opt_text,
                role=opt_text,
                learned=st.booleans(),
            ),
            max_size=4,
            unique_by=lambda a: a.id,
        )
    )
    ids = [a.id for a in actors]
    opt_id = st.none() | (st.sampled_from(ids) if ids else st.none())
    mentions = [
        Mention(
            i,
            span(),
            draw(st.sampled_from(["PERSON", "GPE", "PRONOUN"])),
            draw(opt_id),
            draw(st.integers(0, 9)),
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    quotes = [
        Quote(
            i,
            draw(st.sampled_from(["direct", "indirect", "mixed"])),
            span(),
            span(),
            draw(st.none() | st.just(span())),
            draw(opt_id),
            draw(st.none() | st.just(span())),
            None,
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    events = [
        Event(
            i,
            draw(st.sampled_from(PLOVER_TYPES)),
            span(),
            span(),
            draw(opt_id),
            draw(opt_id),
            None,
            None,
            None,
            "040",
            "verbal_coop",
            draw(st.floats(-10, 10, allow_nan=False)),
            draw(st.booleans()),
            draw(st.booleans()),
            None,
            draw(opt_text),
            None,
            draw(st.floats(0, 1)),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    stance = [Stance(i, "neutral", 0.0, None) for i in ids[:1]]
    removed = tuple(RemovedSpan(0, 1, "navigation", "x") for _ in range(draw(st.integers(0, 2))))
    outlet = draw(opt_text)
    art = Article(
        article_id(outlet, text),
        text,
        draw(opt_text),
        outlet,
        draw(opt_text),
        draw(opt_text),
        None,
        tuple(draw(st.lists(st.text(max_size=10), max_size=2))),
        "en",
        draw(opt_text),
        "text",
        removed,
    )
    return Analysis(
        art, tuple(actors), tuple(mentions), tuple(quotes), tuple(events), tuple(stance)
    )


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(analyses())
def test_store_round_trip(analysis: Analysis) -> None:
    with Store.open(":memory:") as store:
        assert store.add(analysis)
        assert not store.add(analysis), "a second add of the same article must write nothing"
        assert store.load(analysis.article.id) == analysis


@settings(max_examples=60, deadline=None)
@given(analyses())
def test_json_and_pickle_round_trip(analysis: Analysis) -> None:
    d = json.loads(json.dumps(analysis.to_dict()))
    assert d["schema"] == "communique/1"
    assert Analysis.from_dict(d) == analysis
    assert pickle.loads(pickle.dumps(analysis)) == analysis


def test_schema_version_and_migrations(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with Store.open(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        tables = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type='table'")}
    assert {
        "articles",
        "removed",
        "mentions",
        "actors",
        "quotes",
        "events",
        "stance",
        "stories",
        "failures",
        "runs",
        "meta",
    } <= tables
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(SchemaVersionError, match="newer"):
        Store.open(db)


def test_refuses_foreign_databases(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE t (x)")
    with pytest.raises(StoreError, match="not a communique store"):
        Store.open(other)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        Store.open(junk)


def test_article_ids_are_stable() -> None:
    assert article_id("RT", "Some  text\n") == article_id("rt", "some text")
    assert article_id("RT", "Some text") != article_id("CNBC", "Some text")


def test_an_older_store_is_migrated_on_open(tmp_path: Path) -> None:
    from communique.store import MIGRATIONS

    db = tmp_path / "v1.db"
    with sqlite3.connect(db) as conn:  # a store as version 1 of communique left it
        for stmt in MIGRATIONS[0]:
            conn.execute(stmt)
        conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', '1')")
        conn.execute("INSERT INTO articles(id, text) VALUES ('a1', 'kept across the migration')")
    with Store.open(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.query("SELECT text FROM articles")[0][0] == "kept across the migration"
        assert store.query("SELECT count(*) FROM duplicates")[0][0] == 0
