"""Issue 16: the per-article analysis as a plain, picklable function (what worker processes
and Dask tasks run), and ``analyze --workers N``."""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
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


def _records(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every stored record of every table, in storage order (rowid), without what says
    when or in which run it was written; as sets: failures (a failure of reading is
    recorded when it is read, one of analysing when its batch is back) and the story
    features (a cache keyed by article: with workers, each article's is written when it
    is stored, its vectors encoded by the worker; with one process, when stories are
    assigned)."""
    out: dict[str, list[tuple[Any, ...]]] = {}
    with sqlite3.connect(db) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        for t in tables:
            if t in ("runs", "meta") or t.startswith(("articles_fts", "sqlite_")):
                continue
            cols = [r[1] for r in conn.execute(f'PRAGMA table_info("{t}")')]
            kept = ", ".join(f'"{c}"' for c in cols if c not in ("at", "run_id", "updated"))
            rows = conn.execute(f'SELECT rowid, {kept} FROM "{t}" ORDER BY rowid').fetchall()
            unordered = t in ("failures", "story_features", "story_keys")
            out[t] = sorted(r[1:] for r in rows) if unordered else rows
    return out


def test_two_workers_store_exactly_what_one_process_stores(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    shutil.copytree(SAMPLES, inputs)
    first = sorted((inputs / "text").iterdir())[0]
    assert "on five" in first.read_text()  # the word the copy changes
    # a re-edited copy (a near-duplicate), an unreadable file, and an article the
    # parser refuses (a failure that comes back from a worker)
    (inputs / "text" / "zz-copy.txt").write_text(first.read_text().replace("on five", "on six"))
    (inputs / "text" / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (inputs / "text" / "huge.txt").write_text("Talks went on. " * 70_000)
    stores = {}
    for n in (1, 2):
        db = tmp_path / f"w{n}.db"
        cmd = [sys.executable, "-m", "communique", "analyze", "-q", "--workers", str(n)]
        done = subprocess.run([*cmd, "--db", str(db), str(inputs)], capture_output=True, text=True)
        assert done.returncode == 1, done.stderr  # the two failures
        stores[n] = _records(db)
    one, two = stores[1], stores[2]
    assert len(one["articles"]) == 26 and len(one["duplicates"]) == 1
    assert len(one["failures"]) == 2 and one["quotes"] and one["events"] and one["stance"]
    assert one.keys() == two.keys()
    for table in one:
        assert one[table] == two[table], table


def test_the_progress_total_counts_what_will_be_read(tmp_path: Path) -> None:
    from communique.sources import count_documents, iter_documents

    rows = tmp_path / "rows.jsonl"
    rows.write_text('{"text": "a"}\n{"text": "b"}\nnot json')
    paths = [str(SAMPLES), str(rows), str(tmp_path / "missing.txt")]
    assert count_documents(paths) == len(list(iter_documents(paths)))
    assert count_documents([str(SAMPLES), "-"]) is None
    assert count_documents(["https://example.org/feed"]) is None


def _children(pid: int) -> list[int]:
    found = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
    return [int(p) for p in found.stdout.split()]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    # a zombie is gone but for its exit status
    stat = Path(f"/proc/{pid}/stat")
    return not (stat.exists() and stat.read_text().split(") ")[-1].startswith("Z"))


def test_a_signalled_run_with_workers_ends_them_and_resumes(tmp_path: Path) -> None:
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "communique", "analyze", "-q", "--workers", "2", "--db", str(db)]
    proc = subprocess.Popen([*cmd, str(SAMPLES)], stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 180
    stored = 0
    while stored == 0 and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.1)
        with (
            contextlib.suppress(sqlite3.Error),
            sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn,
        ):
            stored = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert proc.poll() is None, "the run ended before it could be signalled"
    workers = _children(proc.pid)
    assert len(workers) >= 2  # the two workers (and multiprocessing's resource tracker)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 143, err
    time.sleep(0.5)
    assert not [p for p in workers if _alive(p)], "worker processes outlived the run"
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT status FROM runs").fetchone()[0] == "interrupted"
    again = subprocess.run([*cmd, str(SAMPLES)], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    with sqlite3.connect(db) as conn:
        assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 26
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
