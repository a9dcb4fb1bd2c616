"""communique batch on a LocalCluster of 2 worker processes (started here): the records it
writes as Parquet, once loaded, are those a local analyze of the same inputs stores
(every table compared); loading twice adds nothing; pandas and DuckDB read the datasets."""

from __future__ import annotations

import json
import re
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from communique import Options, Pipeline, open_store
from communique.batch import MANIFEST, load_batch, run_batch
from communique.runner import analyze_into_store
from communique.store import ALL_TABLES
from conftest import ROOT, SAMPLES

pytest.importorskip("distributed")

OUTLETS = SAMPLES / "outlets.csv"
TBILISI = SAMPLES / "text" / "kestrel-2024-05-14-tbilisi-foreign-agents-protest.txt"
HACKING = SAMPLES / "text" / "volgaglobal-2021-06-24-hacking-claims.txt"
#: Store bookkeeping a batch does not carry (a load run sets its own).
BOOKKEEPING = {"run_id", "at", "coded_run", "updated"}
#: Tables a load does not fill as analyze does: the outlet rows (country, ownership) come
#: from analyze's --outlets table, which a batch's Parquet does not carry.
NOT_LOADED = {"outlets"}


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """The samples, and after them an exact copy of one (skipped: seen), a near-copy of it
    (one word changed: linked as a duplicate) and an empty file (a failure) — in a later
    partition than the first copy, so de-duplication has to work across partitions — and
    a new article twice in a row (the repeat skipped within a partition)."""
    extra = tmp_path_factory.mktemp("extra")
    shutil.copy(TBILISI, extra / "a-copy.txt")
    text = TBILISI.read_text(encoding="utf-8")
    (extra / "b-near-copy.txt").write_text(
        text.replace("pepper spray", "tear gas"), encoding="utf-8"
    )
    (extra / "c-empty.txt").write_text("", encoding="utf-8")
    # a new article and its repeat, side by side: one partition holds both
    half = HACKING.read_text(encoding="utf-8")[:1500]
    rows = [
        {"text": half, "outlet": "Test Wire", "url": f"https://wire.example/{i}"} for i in (1, 2)
    ]
    (extra / "d-wire.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return [str(SAMPLES), str(extra)]


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    from distributed import Client, LocalCluster

    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
        Client(cluster) as c,
    ):
        yield c


@pytest.fixture(scope="module")
def local_db(inputs: list[str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("local") / "local.db"
    pipe = Pipeline(Options(outlets_files=(OUTLETS,)))
    summary = analyze_into_store(pipe, inputs, str(db))
    # the inputs exercise every path: analysed, skipped, linked, failed
    assert summary.progress.skipped == 2
    assert summary.progress.duplicates == 1
    assert summary.progress.failed == 1
    return db


@pytest.fixture(scope="module")
def batch_out(inputs: list[str], client: Any, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("batch") / "parquet"
    summary = run_batch(inputs, out, client, Options(outlets_files=(OUTLETS,)), partition_size=4)
    assert summary.partitions >= 5
    assert (summary.progress.skipped, summary.progress.duplicates) == (2, 1)
    assert summary.progress.failed == 1
    return out


def _rows(db: Path, table: str) -> list[tuple[Any, ...]]:
    conn = sqlite3.connect(db)
    try:
        cols = [
            r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in BOOKKEEPING
        ]
        sel = ", ".join(f'"{c}"' for c in cols)
        return sorted((tuple(r) for r in conn.execute(f"SELECT {sel} FROM {table}")), key=repr)
    finally:
        conn.close()


def test_loaded_batch_equals_a_local_analyze(
    batch_out: Path, local_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "batch.db"
    first = load_batch(batch_out, str(db))
    assert first.added == 27
    compared = 0
    for table in ALL_TABLES:
        if table.name in ("runs", "meta") or table.name in NOT_LOADED:
            continue
        local, loaded = _rows(local_db, table.name), _rows(db, table.name)
        assert loaded == local, table.name
        compared += len(local)
    assert compared > 3000  # the tables are not empty: 26 articles, 268 quotes, 97 events ...
    # the load's run says what coded its articles, as the local run does (recode reads it)
    coders = [_rows(x, "runs")[0][-1] for x in (local_db, db)]
    assert coders[0] and coders[0] == coders[1]
    with open_store(db) as store:
        assert store.counts()["duplicates"] == 1
        assert [f.origin.endswith("c-empty.txt") for f in store.failures()] == [True]


def test_loading_twice_adds_nothing(batch_out: Path, tmp_path: Path) -> None:
    db = tmp_path / "twice.db"
    load_batch(batch_out, str(db))
    with open_store(db) as store:
        before = store.counts()
    again = load_batch(batch_out, str(db))
    assert (again.added, again.stored, again.failures) == (0, 27, 0)
    with open_store(db) as store:
        after = store.counts()
    assert {k: v for k, v in after.items() if k != "runs"} == {
        k: v for k, v in before.items() if k != "runs"
    }


def test_datasets_are_split_by_publication_month(batch_out: Path) -> None:
    assert (batch_out / MANIFEST).is_file()
    months = sorted(p.name for p in (batch_out / "articles").iterdir())
    assert "month=2024-05" in months and "month=2019-11" in months
    for p in (batch_out / "events").iterdir():
        assert p.name.startswith("month=") and any(p.glob("*.parquet"))


def test_pandas_reads_the_datasets(batch_out: Path, local_db: Path) -> None:
    pd = pytest.importorskip("pandas")
    events = pd.read_parquet(batch_out / "events")
    assert len(events) == len(_rows(local_db, "events"))
    assert {"article_id", "id", "type", "source_actor_code", "month"} <= set(events.columns)
    articles = pd.read_parquet(batch_out / "articles")
    assert sorted(articles["id"]) == sorted(r[0] for r in _rows(local_db, "articles"))
    may = articles[articles["month"] == "2024-05"]
    assert len(may) and all(str(p).startswith("2024-05") for p in may["published"])


def test_duckdb_queries_the_parquet_directly(batch_out: Path, local_db: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    con = duckdb.connect()
    events = f"read_parquet('{batch_out}/events/**/*.parquet', hive_partitioning = true)"
    articles = f"read_parquet('{batch_out}/articles/**/*.parquet')"
    (n,) = con.execute(f"SELECT count(*) FROM {events}").fetchone()
    assert n == len(_rows(local_db, "events"))
    got = con.execute(
        f"""SELECT a.outlet, e.source_actor_code, e.type, e.target_actor_code
            FROM {events} e JOIN {articles} a ON a.id = e.article_id
            WHERE e.month = '2020-09' AND e.type = 'SANCTION'"""
    ).fetchall()
    conn = sqlite3.connect(local_db)
    want = conn.execute(
        """SELECT a.outlet, s.code, e.type, t.code FROM events e
           JOIN articles a ON a.id = e.article_id
           LEFT JOIN actors s ON s.article_id = e.article_id AND s.id = e.source_actor_id
           LEFT JOIN actors t ON t.article_id = e.article_id AND t.id = e.target_actor_id
           WHERE a.published LIKE '2020-09%' AND e.type = 'SANCTION'"""
    ).fetchall()
    conn.close()
    assert got and sorted(got, key=repr) == sorted(want, key=repr)


def test_a_batch_needs_an_empty_folder(batch_out: Path, client: Any) -> None:
    from communique.errors import UsageError

    with pytest.raises(UsageError, match="not an empty folder"):
        run_batch([str(TBILISI)], batch_out, client)


def test_load_refuses_a_folder_that_is_no_batch(tmp_path: Path) -> None:
    from communique.errors import UsageError

    with pytest.raises(UsageError, match="no communique batch"):
        load_batch(tmp_path, str(tmp_path / "x.db"))


def test_the_duckdb_queries_of_the_layout_doc_run(batch_out: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    doc = (ROOT / "docs" / "PARQUET.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```sql\n(.*?)```", doc, re.S)
    queries = [q for b in blocks for q in b.split(";") if q.strip()]
    assert len(queries) >= 2
    con = duckdb.connect()
    for q in queries:
        assert con.execute(q.replace("DIR/", f"{batch_out}/")).fetchall(), q


def test_what_a_store_given_as_db_holds_is_skipped(
    inputs: list[str], client: Any, local_db: Path, tmp_path: Path
) -> None:
    """With the store a local analyze made, a batch of the same inputs analyses nothing:
    every article is stored (or repeated) and the near-copy is linked to the stored one."""
    s = run_batch(
        inputs, tmp_path / "out", client, Options(outlets_files=(OUTLETS,)), db=str(local_db)
    )
    assert s.run["articles"] == 0
    assert (s.progress.skipped, s.progress.duplicates, s.progress.failed) == (29, 1, 1)
