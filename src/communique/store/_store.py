"""The SQLite store: the same records as the JSON output, in tables of the same names.

WAL journal, a schema version with ordered migrations, stable article ids (a re-run adds
nothing), one transaction per article so an interrupted run resumes where it stopped."""

from __future__ import annotations

import dataclasses
import json
import sqlite3
import types
import typing
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..dedup import Signature
from ..errors import SchemaVersionError, StoreError
from ..records import (
    Actor,
    Analysis,
    Article,
    Event,
    Failure,
    Mention,
    Quote,
    RemovedSpan,
    Span,
    Stance,
)

SCHEMA_VERSION = 2

#: Record tables: name → (record class, key columns that come before the record's own).
TABLES: dict[str, type] = {
    "actors": Actor,
    "mentions": Mention,
    "quotes": Quote,
    "events": Event,
    "stance": Stance,
}


def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _is_span(tp: Any) -> bool:
    return tp is Span or (isinstance(tp, types.UnionType) and Span in typing.get_args(tp))


def columns(cls: type) -> list[str]:
    """Flat column names of a record: a Span field ``x`` becomes x_start, x_end, x_text."""
    out = []
    hints = _hints(cls)
    for f in dataclasses.fields(cls):
        if _is_span(hints[f.name]):
            out += [f"{f.name}_start", f"{f.name}_end", f"{f.name}_text"]
        else:
            out.append(f.name)
    return out


def flatten(rec: Any) -> list[Any]:
    row: list[Any] = []
    hints = _hints(type(rec))
    for f in dataclasses.fields(rec):
        v = getattr(rec, f.name)
        if _is_span(hints[f.name]):
            row += [v.start, v.end, v.text] if v is not None else [None, None, None]
        elif isinstance(v, tuple):
            row.append(
                json.dumps(
                    [
                        dataclasses.asdict(x)
                        if dataclasses.is_dataclass(x) and not isinstance(x, type)
                        else x
                        for x in v
                    ]
                )
            )
        else:
            row.append(v)
    return row


def unflatten(cls: type, row: sqlite3.Row) -> Any:
    kw: dict[str, Any] = {}
    hints = _hints(cls)
    for f in dataclasses.fields(cls):
        tp = hints[f.name]
        if _is_span(tp):
            s = row[f"{f.name}_start"]
            kw[f.name] = None if s is None else Span(s, row[f"{f.name}_end"], row[f"{f.name}_text"])
        else:
            v = row[f.name]
            if tp is bool:
                v = bool(v)
            kw[f.name] = v
    return cls(**kw)


def _ddl() -> list[str]:
    stmts = [
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
        """CREATE TABLE runs (id INTEGER PRIMARY KEY, started TEXT NOT NULL, finished TEXT,
            inputs TEXT NOT NULL, articles INTEGER DEFAULT 0, skipped INTEGER DEFAULT 0,
            failures INTEGER DEFAULT 0, status TEXT NOT NULL DEFAULT 'running')""",
        f"""CREATE TABLE articles ({", ".join(_article_cols())}, run_id INTEGER,
            PRIMARY KEY (id))""",
        "CREATE INDEX articles_outlet ON articles(outlet)",
        "CREATE INDEX articles_published ON articles(published)",
        "CREATE INDEX articles_origin ON articles(origin)",
        """CREATE TABLE removed (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            start INTEGER, "end" INTEGER, reason TEXT, text TEXT)""",
        """CREATE TABLE failures (origin TEXT NOT NULL, reason TEXT NOT NULL, code TEXT,
            run_id INTEGER, at TEXT, PRIMARY KEY (origin))""",
        "CREATE TABLE stories (id INTEGER PRIMARY KEY, label TEXT, created TEXT)",
        """CREATE TABLE story_articles (story_id INTEGER REFERENCES stories(id) ON DELETE CASCADE,
            article_id TEXT REFERENCES articles(id) ON DELETE CASCADE,
            PRIMARY KEY (story_id, article_id))""",
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text, content='articles', content_rowid='rowid')",
        """CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text); END""",
        """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, text)
            VALUES ('delete', old.rowid, old.title, old.text); END""",
    ]
    for name, cls in TABLES.items():
        cols = ", ".join(_q(c) for c in columns(cls))
        pk = "article_id, id" if "id" in columns(cls) else "article_id, rowid"
        if name == "stance":
            stmts.append(
                f"CREATE TABLE stance (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, {cols})"
            )
            continue
        stmts.append(
            f"CREATE TABLE {name} (article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE, "
            f"{cols}, PRIMARY KEY ({pk}))"
        )
    stmts += [
        "CREATE INDEX events_source ON events(source_actor_id)",
        "CREATE INDEX events_target ON events(target_actor_id)",
        "CREATE INDEX quotes_speaker ON quotes(speaker_actor_id)",
        "CREATE INDEX actors_code ON actors(code)",
    ]
    return stmts


def _article_cols() -> list[str]:
    return [_q(c) for c in columns(Article) if c != "removed"]


def _q(c: str) -> str:
    return f'"{c}"'


#: Version 2: duplicate detection (MinHash signatures, LSH bands, links to first copies).
_DEDUP = [
    """CREATE TABLE signatures (article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
        exact TEXT NOT NULL, minhash BLOB NOT NULL)""",
    "CREATE INDEX signatures_exact ON signatures(exact)",
    "CREATE TABLE bands (band TEXT NOT NULL, article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE)",
    "CREATE INDEX bands_band ON bands(band)",
    """CREATE TABLE duplicates (origin TEXT PRIMARY KEY, article_id TEXT NOT NULL,
        duplicate_of TEXT NOT NULL, similarity REAL NOT NULL,
        outlet TEXT, url TEXT, title TEXT, published TEXT, run_id INTEGER, at TEXT)""",
    "CREATE INDEX duplicates_of ON duplicates(duplicate_of)",
]

#: Ordered migrations: index i brings a store from version i to i + 1.
MIGRATIONS: list[list[str]] = [_ddl(), _DEDUP]


class Store:
    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: str | Path) -> Store:
        p = str(path)
        try:
            conn = sqlite3.connect(p, timeout=30)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open store {p}: {exc}") from exc
        conn.row_factory = sqlite3.Row
        conn.execute("PRAGMA foreign_keys = ON")
        try:
            if p != ":memory:":
                conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA synchronous = NORMAL")
            store = cls(conn, p)
            store._migrate()
        except sqlite3.DatabaseError as exc:
            conn.close()
            raise StoreError(
                f"{p} is not a communique store ({exc}); choose another --db path"
            ) from exc
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

    def _migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise SchemaVersionError(
                f"{self.path} has schema version {version}, newer than this communique "
                f"understands ({SCHEMA_VERSION}); upgrade communique"
            )
        if version == 0 and self.conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path} is an SQLite database but not a communique store")
        with self.conn:
            for v in range(version, SCHEMA_VERSION):
                for stmt in MIGRATIONS[v]:
                    self.conn.execute(stmt)
                self.conn.execute(
                    "INSERT OR REPLACE INTO meta(key, value) VALUES ('schema_version', ?)",
                    (str(v + 1),),
                )

    # -- runs and failures -------------------------------------------------------------
    def start_run(self, inputs: Sequence[str]) -> int:
        with self.conn:
            cur = self.conn.execute(
                "INSERT INTO runs(started, inputs) VALUES (?, ?)",
                (_now(), json.dumps(list(inputs))),
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
                "INSERT OR REPLACE INTO failures(origin, reason, code, run_id, at) VALUES (?,?,?,?,?)",
                (failure.origin, failure.reason, failure.code, run_id, _now()),
            )

    def failures(self) -> list[Failure]:
        rows = self.conn.execute("SELECT origin, reason, code FROM failures ORDER BY origin")
        return [Failure(r["origin"], r["reason"], r["code"]) for r in rows]

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
        given). Returns False (and writes nothing) if the article is already stored."""
        a = analysis.article
        if self.has_article(a.id):
            return False
        art_cols = [c for c in columns(Article) if c != "removed"]
        art_row = [v for c, v in zip(columns(Article), flatten(a), strict=True) if c != "removed"]
        with self.conn:
            self.conn.execute(
                f"INSERT INTO articles({', '.join(map(_q, art_cols))}, run_id) "
                f"VALUES ({', '.join('?' * (len(art_cols) + 1))})",
                [*art_row, run_id],
            )
            self.conn.executemany(
                'INSERT INTO removed(article_id, start, "end", reason, text) VALUES (?,?,?,?,?)',
                [(a.id, r.start, r.end, r.reason, r.text) for r in a.removed],
            )
            for name, cls in TABLES.items():
                recs = getattr(analysis, name)
                if not recs:
                    continue
                cols = columns(cls)
                self.conn.executemany(
                    f"INSERT INTO {name}(article_id, {', '.join(map(_q, cols))}) "
                    f"VALUES ({', '.join('?' * (len(cols) + 1))})",
                    [[a.id, *flatten(r)] for r in recs],
                )
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
        return True

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
        sql = (
            "SELECT id FROM articles "
            + (f"WHERE {where} " if where else "")
            + "ORDER BY published, id"
        )
        return [r[0] for r in self.conn.execute(sql, params)]

    def load(self, article_id: str) -> Analysis:
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
        art = {c: row[c] for c in columns(Article) if c != "removed"}
        art["authors"] = tuple(json.loads(art["authors"] or "[]"))
        article = Article(**art, removed=removed)
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
        for aid in self.article_ids(where, params):
            yield self.load(aid)

    def counts(self) -> dict[str, int]:
        out = {}
        for t in (
            "articles",
            "mentions",
            "actors",
            "quotes",
            "events",
            "failures",
            "runs",
            "duplicates",
        ):
            out[t] = int(self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0])
        return out

    def query(self, sql: str, params: Iterable[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        return list(self.conn.execute(sql, params if isinstance(params, dict) else tuple(params)))


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")
