"""The SQLite store: the same records as the JSON output, in tables of the same names.

WAL journal, a schema version with ordered migrations (``_schema``), each run in one
transaction; stable article ids (a re-run adds nothing), one transaction per article so an
interrupted run resumes where it stopped."""

from __future__ import annotations

import dataclasses
import functools
import json
import sqlite3
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, Literal

from ..dedup import Signature, best_match
from ..errors import SchemaVersionError, StoreError
from ..records import Analysis, Article, Failure, RemovedSpan
from ._rows import columns, flatten, unflatten
from ._schema import ALL_TABLES, ARTICLES, MIGRATIONS, SCHEMA_VERSION, TABLES

#: Seconds a connection waits for another one's lock (a migration, an article's transaction).
LOCK_TIMEOUT_S = 30

#: Seconds between two tries to switch a new store to WAL while another connection does.
WAL_RETRY_S = 0.02


@functools.cache
def _article_columns() -> tuple[str, ...]:
    return tuple(c for c in columns(Article) if c not in ARTICLES.skip)


def _q(c: str) -> str:
    return f'"{c}"'


class Store:
    """An open store. ``Store.open(path)`` creates or migrates it; use it as a context
    manager, or ``close()`` it."""

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | Path, *, read_only: bool = False, any_thread: bool = False) -> Store:
        """Open the store at ``path`` (``":memory:"`` for a throwaway one), creating it or
        bringing an older one up to SCHEMA_VERSION; ``read_only``: open an existing store
        of this version for reading only (SQLite's ``mode=ro``), which never writes and so
        never blocks, nor is blocked by, an ``analyze`` writing to it meanwhile.
        ``any_thread``, with ``read_only``: the connection may be used from any thread, one
        at a time (the caller holds a lock around every use)."""
        p = str(path)
        if read_only:
            return cls._open_read_only(p, any_thread)
        try:
            conn = sqlite3.connect(p, timeout=LOCK_TIMEOUT_S)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {p}: {exc}") from exc
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        try:
            if p != ":memory:":
                _use_wal(conn)
            conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(conn, p)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise store_error(exc, p, opening=True) from exc
        except BaseException:
            conn.close()
            raise
        return store

    @classmethod
    def _open_read_only(cls, p: str, any_thread: bool = False) -> Store:
        if not Path(p).is_file():
            raise StoreError(
                f"no store at {p}; run `communique analyze PATH...` first (or pass --db)"
            )
        uri = Path(p).resolve().as_uri() + "?mode=ro"  # as_uri escapes '?' and '#' in names
        try:
            conn = sqlite3.connect(
                uri, uri=True, timeout=LOCK_TIMEOUT_S, check_same_thread=not any_thread
            )
        except sqlite3.Error as exc:
            raise store_error(exc, p, opening=True) from exc
        conn.row_factory = sqlite3.Row
        store = cls(conn, p)
        try:
            version = store.schema_version()
            store._check_version(version)
            if version < SCHEMA_VERSION:
                raise StoreError(
                    f"{p} has schema version {version}, older than this communique's "
                    f"({SCHEMA_VERSION}); open it once for writing (`communique analyze` or "
                    "any query command) to upgrade it"
                )
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise store_error(exc, p, opening=True) from exc
        except BaseException:
            conn.close()
            raise
        return store

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema ----------------------------------------------------------------------
    def schema_version(self) -> int:
        has_meta = self.conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'"
        ).fetchone()
        if not has_meta:
            return 0
        row = self.conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def data_version(self) -> int:
        """SQLite's ``PRAGMA data_version`` of this connection: it changes when another
        connection (an ``analyze``, a ``recode``) has committed to the store since it was
        last asked, and only then; comparable only between calls on one connection."""
        # fetchall: the statement runs to its end, so no read transaction stays open
        return int(self.conn.execute("PRAGMA data_version").fetchall()[0][0])

    def _migrate(self) -> None:
        """Bring the store to SCHEMA_VERSION. Every migration runs in one transaction that
        holds the write lock: a crash leaves the store as it was, and a second process
        opening it meanwhile waits, then finds the work done."""
        version = self.schema_version()
        self._check_version(version)
        if version == SCHEMA_VERSION:
            return
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            version = self.schema_version()  # another process may have migrated meanwhile
            self._check_version(version)
            if version == 0:
                self._check_empty()
            for v in range(version, SCHEMA_VERSION):
                self._run(v)
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()

    def _run(self, version: int) -> None:
        """Run MIGRATIONS[version] (inside the caller's transaction)."""
        migration = MIGRATIONS[version]
        try:
            for stmt in migration.statements:
                self.conn.execute(stmt)
            self.conn.execute(
                "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                (str(version + 1),),
            )
        except sqlite3.Error as exc:
            raise StoreError(
                f"{self.path}: migration {migration.name} failed ({exc}); the store was "
                "left as it was"
            ) from exc

    def _check_version(self, version: int) -> None:
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path} has schema version {version}, newer than this communique "
                f"understands ({SCHEMA_VERSION}); upgrade communique"
            )

    def _check_empty(self) -> None:
        """A store without a version must be a new, empty database."""
        names = {r[0] for r in self.conn.execute("SELECT name FROM sqlite_master")}
        if "meta" in names:
            raise StoreError(
                f"{self.path} was left half-made by an interrupted communique (it has tables "
                "but no schema version); delete it and run again"
            )
        if names:
            raise StoreError(f"{self.path} is an SQLite database but not a communique store")

    # -- runs and failures -------------------------------------------------------------
    def start_run(
        self,
        inputs: Sequence[str],
        *,
        kind: str = "analyze",
        coder: Mapping[str, Any] | None = None,
    ) -> int:
        """Record a run's start. ``kind`` is analyze or recode; ``coder`` says what codes
        its articles (communique's version, a hash of its code, the registry, the options),
        so a later ``recode`` knows which stored codings are stale."""
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO runs(started, inputs, kind, coder) VALUES (?, ?, ?, ?)",
                (
                    _now(),
                    json.dumps(list(inputs)),
                    kind,
                    json.dumps(dict(coder), sort_keys=True) if coder is not None else None,
                ),
            )
        return int(cur.lastrowid or 0)

    def finish_run(
        self, run_id: int, *, articles: int, skipped: int, failures: int, status: str = "done"
    ) -> None:
        with self.conn:
            self.conn.execute(
                "UPDATE runs SET finished=?, articles=?, skipped=?, failures=?, status=? WHERE id=?",
                (_now(), articles, skipped, failures, status, run_id),
            )

    def record_failure(self, failure: Failure, run_id: int | None = None) -> None:
        with self.conn:
            self.conn.execute(
                "INSERT OR REPLACE INTO failures(origin, reason, code, stage, run_id, at) "
                "VALUES (?,?,?,?,?,?)",
                (failure.origin, failure.reason, failure.code, failure.stage, run_id, _now()),
            )

    def failures(self) -> list[Failure]:
        rows = self.conn.execute("SELECT origin, reason, code, stage FROM failures ORDER BY origin")
        return [Failure(r["origin"], r["reason"], r["code"], r["stage"]) for r in rows]

    # -- articles ----------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return (
            self.conn.execute("SELECT 1 FROM articles WHERE id=?", (article_id,)).fetchone()
            is not None
        )

    def add(
        self, analysis: Analysis, run_id: int | None = None, signature: Signature | None = None
    ) -> bool:
        """Store one analysis atomically (with its duplicate-detection signature, when
        given). Returns False (and writes nothing) if the article is already stored.
        Near-duplicates are not looked for: :meth:`insert` does that."""
        return self.insert(analysis, run_id, signature, near_duplicates=False) == "added"

    def insert(
        self,
        analysis: Analysis,
        run_id: int | None = None,
        signature: Signature | None = None,
        *,
        near_duplicates: bool = True,
    ) -> Literal["added", "stored", "duplicate"]:
        """Store one analysis in one write transaction, unless the article is stored
        already (``"stored"``) or, with a signature and ``near_duplicates``, a
        near-duplicate of it is (``"duplicate"``: linked to that first copy instead). Both
        are checked inside the transaction, under the write lock: another process writing
        to the same store meanwhile can neither make the insert fail nor get a
        near-duplicate stored twice."""
        a = analysis.article
        if self.has_article(a.id):
            return "stored"
        self.conn.execute("BEGIN IMMEDIATE")  # the write lock, taken before the checks
        try:
            if self.has_article(a.id):
                self.conn.rollback()
                return "stored"
            match = None
            if signature is not None and near_duplicates:
                match = best_match(signature, self.similar(signature))
            if match is not None:
                self._insert_duplicate(a, match[0], match[1], run_id)
            else:
                self._insert(analysis, run_id, signature)
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()
        return "added" if match is None else "duplicate"

    def _insert(self, analysis: Analysis, run_id: int | None, signature: Signature | None) -> None:
        """Write one analysis (inside the caller's transaction)."""
        a = analysis.article
        art_cols = _article_columns()
        art_row = [
            v for c, v in zip(columns(Article), flatten(a), strict=True) if c not in ARTICLES.skip
        ]
        self.conn.execute(
            f"INSERT INTO articles({', '.join(map(_q, art_cols))}, run_id, coded_run) "
            f"VALUES ({', '.join('?' * (len(art_cols) + 2))})",
            [*art_row, run_id, run_id],
        )
        self.conn.executemany(
            'INSERT INTO removed(article_id, start, "end", reason, text) VALUES (?,?,?,?,?)',
            [(a.id, r.start, r.end, r.reason, r.text) for r in a.removed],
        )
        self.insert_records(analysis, "main")
        if signature is not None:
            self.conn.execute(
                "INSERT INTO signatures(article_id, exact, minhash) VALUES (?,?,?)",
                (a.id, signature.exact, signature.minhash),
            )
            self.conn.executemany(
                "INSERT INTO bands(band, article_id) VALUES (?,?)",
                [(b, a.id) for b in signature.bands()],
            )
        if a.origin:
            self.conn.execute("DELETE FROM failures WHERE origin=?", (a.origin,))

    def insert_records(self, analysis: Analysis, schema: str) -> None:
        """Write an analysis's records into the record tables of ``schema`` (main, or
        temp when a past run's coding is shown), inside the caller's transaction."""
        for name, cls in TABLES.items():
            recs = getattr(analysis, name)
            if not recs:
                continue
            cols = columns(cls)
            self.conn.executemany(
                f"INSERT INTO {schema}.{name}(article_id, {', '.join(map(_q, cols))}) "
                f"VALUES ({', '.join('?' * (len(cols) + 1))})",
                [[analysis.article.id, *flatten(r)] for r in recs],
            )

    def replace_coding(self, analysis: Analysis, run_id: int) -> bool:
        """Make ``analysis`` the article's coding, made by run ``run_id`` (a recode), in one
        transaction; the coding it replaces is kept (see :meth:`coding`) until pruned.
        Returns whether any record changed."""
        aid = analysis.article.id
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            row = self.conn.execute("SELECT coded_run FROM articles WHERE id=?", (aid,)).fetchone()
            if row is None:
                raise StoreError(f"no article {aid!r} in {self.path} to recode")
            old = self.load(aid)
            if row[0] != run_id:  # a run that codes an article twice keeps its last coding
                self.conn.execute(
                    "INSERT INTO codings(article_id, run_id, superseded_by, records) "
                    "VALUES (?,?,?,?)",
                    (aid, row[0], run_id, json.dumps(records_json(old))),
                )
            for name in TABLES:
                self.conn.execute(f"DELETE FROM {name} WHERE article_id=?", (aid,))
            self.insert_records(analysis, "main")
            self.conn.execute("UPDATE articles SET coded_run=? WHERE id=?", (run_id, aid))
        except BaseException:
            self.conn.rollback()
            raise
        self.conn.commit()
        return records_json(old) != records_json(analysis)

    def coding(self, article_id: str, run_id: int) -> Analysis | None:
        """The article's records as run ``run_id`` coded them: the current ones when that
        run made them, else the kept coding it replaced; None when neither is stored."""
        row = self.conn.execute(
            "SELECT coded_run FROM articles WHERE id=?", (article_id,)
        ).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id!r} in {self.path}")
        if row[0] == run_id:
            return self.load(article_id)
        kept = self.conn.execute(
            "SELECT records FROM codings WHERE article_id=? AND run_id IS ?",
            (article_id, run_id),
        ).fetchone()
        if kept is None:
            return None
        return from_records_json(self.article(article_id), json.loads(kept[0]))

    # -- duplicates ----------------------------------------------------------------------
    def similar(self, signature: Signature) -> list[tuple[str, Signature]]:
        """Stored articles sharing an exact hash or an LSH band with ``signature``."""
        bands = signature.bands()
        rows = self.conn.execute(
            f"""SELECT DISTINCT s.article_id, s.exact, s.minhash FROM signatures s
                WHERE s.exact = ? OR s.article_id IN
                (SELECT article_id FROM bands WHERE band IN ({",".join("?" * len(bands))}))""",
            [signature.exact, *bands],
        )
        return [(r[0], Signature(r[1], bytes(r[2]))) for r in rows]

    def record_duplicate(
        self, article: Article, duplicate_of: str, similarity: float, run_id: int | None = None
    ) -> None:
        with self.conn:
            self._insert_duplicate(article, duplicate_of, similarity, run_id)

    def _insert_duplicate(
        self, article: Article, duplicate_of: str, similarity: float, run_id: int | None
    ) -> None:
        """Link a copy to its first copy (inside the caller's transaction)."""
        self.conn.execute(
            """INSERT OR REPLACE INTO duplicates(origin, article_id, duplicate_of, similarity,
               outlet, url, title, published, run_id, at) VALUES (?,?,?,?,?,?,?,?,?,?)""",
            (
                article.origin or article.id,
                article.id,
                duplicate_of,
                round(similarity, 4),
                article.outlet,
                article.url,
                article.title,
                article.published,
                run_id,
                _now(),
            ),
        )
        if article.origin:
            self.conn.execute("DELETE FROM failures WHERE origin=?", (article.origin,))

    def article_ids(self, where: str = "", params: Sequence[Any] = ()) -> list[str]:
        return list(self._iter_ids(where, params))

    def _iter_ids(self, where: str, params: Sequence[Any]) -> Iterator[str]:
        sql = (
            "SELECT id FROM articles "
            + (f"WHERE {where} " if where else "")
            + "ORDER BY published, id"
        )
        for r in self.conn.execute(sql, params):
            yield r[0]

    def article(self, article_id: str) -> Article:
        """A stored article without its records (what a recode reads back)."""
        row = self.conn.execute("SELECT * FROM articles WHERE id=?", (article_id,)).fetchone()
        if row is None:
            raise StoreError(f"no article {article_id!r} in {self.path}")
        removed = tuple(
            RemovedSpan(r["start"], r["end"], r["reason"], r["text"])
            for r in self.conn.execute(
                'SELECT start, "end", reason, text FROM removed WHERE article_id=? ORDER BY rowid',
                (article_id,),
            )
        )
        art = {c: row[c] for c in _article_columns()}
        art["authors"] = tuple(json.loads(art["authors"] or "[]"))
        return Article(**art, removed=removed)

    def load(self, article_id: str) -> Analysis:
        article = self.article(article_id)
        parts: dict[str, tuple[Any, ...]] = {}
        for name, cls in TABLES.items():
            rows = self.conn.execute(
                f"SELECT * FROM {name} WHERE article_id=? ORDER BY rowid", (article_id,)
            )
            parts[name] = tuple(unflatten(cls, r) for r in rows)
        return Analysis(
            article=article,
            actors=parts["actors"],
            mentions=parts["mentions"],
            quotes=parts["quotes"],
            events=parts["events"],
            stance=parts["stance"],
        )

    def iter_analyses(self, where: str = "", params: Sequence[Any] = ()) -> Iterator[Analysis]:
        """Stored analyses one at a time, by publication date: memory stays flat however
        big the store."""
        for aid in self._iter_ids(where, params):
            yield self.load(aid)

    def counts(self) -> dict[str, int]:
        """Rows in each table of the store (ALL_TABLES)."""
        return {
            t.name: int(self.conn.execute(f"SELECT count(*) FROM {t.name}").fetchone()[0])
            for t in ALL_TABLES
        }

    def query(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        return list(self.conn.execute(sql, params if isinstance(params, dict) else tuple(params)))


def records_json(analysis: Analysis) -> dict[str, Any]:
    """An analysis's records as its communique JSON without the article: what a kept
    coding stores (the article's text and metadata never change with a recode)."""
    d = analysis.to_dict()
    del d["article"]
    return d


def from_records_json(article: Article, records: dict[str, Any]) -> Analysis:
    """The analysis of ``article`` with the records :func:`records_json` kept (any
    readable communique schema)."""
    return Analysis.from_dict({**records, "article": dataclasses.asdict(article)})


def store_error(exc: sqlite3.Error, path: str, *, opening: bool = False) -> StoreError:
    """The one-line error for an SQLite failure on the store at ``path``: read-only, full
    disk, locked, unopenable, or (when ``opening``) not a store at all."""
    name = str(getattr(exc, "sqlite_errorname", ""))
    if name.startswith("SQLITE_READONLY"):
        why = "is read-only: analyze writes to it; make it writable or choose another --db"
    elif name.startswith("SQLITE_FULL") or name.startswith("SQLITE_IOERR"):
        why = "cannot be written (the disk is full or failing); free space and run again"
    elif _is_busy(exc):
        why = (
            f"stayed locked by another process for {LOCK_TIMEOUT_S}s; try again when it "
            "has finished"
        )
    elif name.startswith("SQLITE_CANTOPEN"):
        why = "cannot be opened (a missing or unwritable folder?); choose another --db path"
    elif opening:
        why = "is not a communique store; choose another --db path"
    else:
        why = "failed; check that the --db file is writable and not damaged"
    return StoreError(f"{path} {why} ({exc})")


def _is_busy(exc: sqlite3.Error) -> bool:
    return str(getattr(exc, "sqlite_errorname", "")).startswith("SQLITE_BUSY")


def _use_wal(conn: sqlite3.Connection) -> None:
    """Switch to the WAL journal. When connections to a new file all switch at once, SQLite
    refuses some of them at once (no busy wait, to break the deadlock): those try again."""
    deadline = time.monotonic() + LOCK_TIMEOUT_S
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if not _is_busy(exc) or time.monotonic() > deadline:
                raise
        time.sleep(WAL_RETRY_S)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
