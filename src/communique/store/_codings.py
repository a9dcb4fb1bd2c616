"""Runs and the codings they made: which run coded which article, the codings a recode
replaced (kept until pruned), and a past run's coding shown to the query commands as if it
were the store's."""

from __future__ import annotations

import json
from typing import Any

from ..errors import UsageError
from ._schema import TABLES
from ._store import Store, from_records_json

#: The columns of :func:`run_rows`, in order.
RUN_COLUMNS = (
    "id",
    "kind",
    "started",
    "finished",
    "status",
    "articles",
    "failures",
    "coded",
    "kept",
    "version",
    "code",
    "registry",
)


def run_rows(store: Store) -> list[dict[str, Any]]:
    """Every run, oldest first: what it did, how many articles it is the current coding
    of (``coded``), how many replaced codings of it are kept (``kept``), and what coded
    them (communique's version, short hashes of its code and tables and of the --actors
    files)."""
    coded = dict(
        store.conn.execute("SELECT coded_run, count(*) FROM articles GROUP BY coded_run").fetchall()
    )
    kept = dict(
        store.conn.execute("SELECT run_id, count(*) FROM codings GROUP BY run_id").fetchall()
    )
    out = []
    for r in store.conn.execute("SELECT * FROM runs ORDER BY id"):
        coder = json.loads(r["coder"]) if r["coder"] else {}
        out.append(
            {
                "id": r["id"],
                "kind": r["kind"],
                "started": r["started"],
                "finished": r["finished"],
                "status": r["status"],
                "articles": r["articles"],
                "failures": r["failures"],
                "coded": coded.get(r["id"], 0),
                "kept": kept.get(r["id"], 0),
                "version": coder.get("version"),
                "code": coder.get("code"),
                "registry": coder.get("registry"),
            }
        )
    return out


def run_coder(store: Store, run_id: int | None) -> dict[str, Any] | None:
    """What coded run ``run_id`` (None for runs made before communique recorded it)."""
    if run_id is None:
        return None
    row = store.conn.execute("SELECT coder FROM runs WHERE id=?", (run_id,)).fetchone()
    return json.loads(row[0]) if row is not None and row[0] else None


class CodedBy:
    """Which stored articles another coder coded than ``coder`` (another communique
    version or code, actor registry, parser model or stance setting: what `recode`
    re-codes), each run's coder read once."""

    def __init__(self, store: Store, coder: object) -> None:
        self.store, self.coder = store, coder
        self._coders: dict[int | None, object] = {}

    def another(self, article_id: str) -> bool:
        """Was the stored article ``article_id`` coded by another coder? False when it is
        not stored."""
        row = self.store.conn.execute(
            "SELECT coded_run FROM articles WHERE id=?", (article_id,)
        ).fetchone()
        if row is None:
            return False
        if row[0] not in self._coders:
            self._coders[row[0]] = run_coder(self.store, row[0])
        return self._coders[row[0]] != self.coder


def show_run(store: Store, run_id: int) -> int:
    """Make this connection's record tables (actors, mentions, quotes, events, stance) hold
    run ``run_id``'s coding of every article it coded, current or replaced since: copies
    in the connection's temp schema, which SQLite searches before the store's own tables,
    so every query command reads them unchanged. The store is not written. Returns the
    number of articles shown; a run that coded nothing is a UsageError."""
    if store.conn.execute("SELECT 1 FROM runs WHERE id=?", (run_id,)).fetchone() is None:
        raise UsageError(f"no run {run_id} in {store.path}; `communique runs list` lists them")
    for name in TABLES:
        store.conn.execute(f"DROP TABLE IF EXISTS temp.{name}")
        store.conn.execute(f"CREATE TEMP TABLE {name} AS SELECT * FROM main.{name} WHERE 0")
        store.conn.execute(
            f"INSERT INTO temp.{name} SELECT t.* FROM main.{name} t "
            "JOIN main.articles a ON a.id = t.article_id WHERE a.coded_run = ?",
            (run_id,),
        )
    kept = store.conn.execute(
        "SELECT article_id, records FROM main.codings WHERE run_id = ?",
        (run_id,),
    ).fetchall()
    for aid, records in kept:
        store.insert_records(from_records_json(store.article(aid), json.loads(records)), "temp")
    for name, cols in _TEMP_INDEXES.items():
        for col in cols:
            store.conn.execute(f"CREATE INDEX temp.{name}_{col} ON {name}({col})")
    shown = store.conn.execute(
        "SELECT count(*) FROM main.articles WHERE coded_run = ?", (run_id,)
    ).fetchone()[0] + len(kept)
    if not shown:
        raise UsageError(
            f"run {run_id} coded no article still stored (its codings were replaced and "
            "pruned, or it stored nothing)"
        )
    return int(shown)


#: Indexes of the temp copies :func:`show_run` makes (those the query commands use).
_TEMP_INDEXES = {
    "events": ("article_id", "source_actor_id", "target_actor_id"),
    "quotes": ("article_id", "speaker_actor_id"),
    "actors": ("article_id",),
    "mentions": ("article_id",),
    "stance": ("article_id",),
}


def prune_codings(store: Store, runs: tuple[int, ...] = ()) -> int:
    """Delete kept (replaced) codings: those made by ``runs``, or every one when none is
    named. The current codings are never touched. Returns how many were deleted."""
    with store.conn:
        if runs:
            cur = store.conn.execute(
                f"DELETE FROM codings WHERE run_id IN ({','.join('?' * len(runs))})", runs
            )
        else:
            cur = store.conn.execute("DELETE FROM codings")
    return cur.rowcount
