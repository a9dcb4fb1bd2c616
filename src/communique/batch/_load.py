"""Parquet datasets of a batch → a SQLite store, through the store's own inserts: an article
the store holds already is skipped, a near-copy of a stored article is linked to it (as
``analyze`` into that store would do), and loading the same folder twice adds nothing.

The folder is read one month at a time (every dataset's partition of that month), so
memory is bounded by the busiest month, not by the batch."""

from __future__ import annotations

import json
import sqlite3
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..store import SCHEMA_VERSION, Store, store_error
from ..stories import assign_stories
from ._layout import DATASETS, FLAT, MONTH, Row, analyses, duplicate_article, failure
from ._run import MANIFEST


@dataclass
class LoadSummary:
    db: str
    added: int = 0  # articles stored
    stored: int = 0  # already in the store: skipped
    duplicates: int = 0  # linked to a first copy (found by the batch, or in the store)
    failures: int = 0  # failure rows recorded
    seconds: float = 0.0
    store: dict[str, int] = field(default_factory=dict)


def load_batch(
    folder: str | Path, db: str, *, on_article: Callable[[], None] | None = None
) -> LoadSummary:
    """Bring the batch in ``folder`` into the store at ``db`` (created if missing)."""
    t0 = time.perf_counter()
    root = Path(folder)
    meta = _manifest(root)
    store = Store.open(db)
    try:
        out = _load(root, store, meta.get("coder"), on_article)
        out.store = store.counts()
    except sqlite3.Error as exc:
        raise store_error(exc, db) from exc
    finally:
        store.close()
    out.seconds = time.perf_counter() - t0
    return out


def _manifest(root: Path) -> dict[str, Any]:
    """The batch's manifest, checked: a folder without one is no batch."""
    manifest = root / MANIFEST
    if not manifest.is_file():
        raise UsageError(
            f"{root} holds no communique batch (no {MANIFEST}); give the --out folder of `communique batch`"
        )
    meta = json.loads(manifest.read_text(encoding="utf-8"))
    if int(meta.get("store_schema_version", 0)) > SCHEMA_VERSION:
        raise UsageError(
            f"{root} was written by communique {meta.get('communique')} for a newer store "
            f"(schema {meta['store_schema_version']} > {SCHEMA_VERSION}); upgrade communique"
        )
    out: dict[str, Any] = meta
    return out


def _months(root: Path) -> list[str]:
    """Every month partition of any dataset, in order."""
    found = {
        p.name.removeprefix(f"{MONTH}=")
        for name in DATASETS
        if name not in FLAT and (root / name).is_dir()
        for p in (root / name).iterdir()
        if p.is_dir() and p.name.startswith(f"{MONTH}=")
    }
    return sorted(found)


def _read(folder: Path) -> list[Row]:
    """The rows of every Parquet file in ``folder`` (one partition), file by file in name
    order, rows in the order they were written."""
    import pyarrow.parquet as pq

    rows: list[Row] = []
    if folder.is_dir():
        for path in sorted(folder.glob("*.parquet")):
            rows += pq.read_table(path).to_pylist()
    return rows


def _load(
    root: Path, store: Store, coder: dict[str, Any] | None, on_article: Callable[[], None] | None
) -> LoadSummary:
    out = LoadSummary(store.path)
    # the run is recorded as the analysis it replays, coded by what coded the batch
    run_id = store.start_run([str(root)], coder=coder)
    status = "interrupted"
    try:
        for month in _months(root):
            parts = {
                name: _read(root / name / f"{MONTH}={month}")
                for name in DATASETS
                if name not in FLAT
            }
            for analysis, signature in analyses(parts):
                verdict = store.insert(analysis, run_id, signature)
                if verdict == "added":
                    out.added += 1
                elif verdict == "stored":
                    out.stored += 1
                else:
                    out.duplicates += 1
                if on_article:
                    on_article()
            for row in parts["duplicates"]:
                if not store.query("SELECT 1 FROM duplicates WHERE origin=?", [row["origin"]]):
                    store.record_duplicate(
                        duplicate_article(row), row["duplicate_of"], row["similarity"], run_id
                    )
                    out.duplicates += 1
        for name in FLAT:
            for row in _read(root / name):
                _load_failure(store, row, run_id, out)
        # the corpus-level pass analyze ends with: the loaded articles join stories
        assign_stories(store)
        status = "done"
    finally:
        store.finish_run(
            run_id, articles=out.added, skipped=out.stored, failures=out.failures, status=status
        )
    return out


def _load_failure(store: Store, row: dict[str, Any], run_id: int, out: LoadSummary) -> None:
    """A failure, unless the store has the input stored, linked or failed already."""
    f = failure(row)
    for table in ("articles", "duplicates", "failures"):
        if store.query(f"SELECT 1 FROM {table} WHERE origin=?", [f.origin]):
            return
    store.record_failure(f, run_id)
    out.failures += 1
