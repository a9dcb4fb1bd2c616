"""Store and JSON round trips (property tests); frozen migrations that bring a store of any
older version up to date and keep the tables in step with the records; one transaction per
migration (a crash or a second opener leaves a usable store); streaming exports of every
table; idempotent re-runs."""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import json
import pickle
import signal
import sqlite3
import subprocess
import sys
import threading
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from communique.dedup import Hasher
from communique.errors import SchemaVersionError, StoreError, UsageError
from communique.records import (
    PLOVER_TYPES,
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
    article_id,
)
from communique.store import (
    ACTOR_ID_COLUMNS,
    ALL_TABLES,
    FTS_TABLE,
    MIGRATIONS,
    SCHEMA_VERSION,
    Store,
    Table,
    column_kinds,
    columns,
    export_store,
)

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
            draw(st.booleans()),
        )
        for i in range(draw(st.integers(0, 4)))
    ]
    quotes = [
        Quote(
            i,
            draw(st.sampled_from(["direct", "indirect", "mixed"])),
            tuple(span() for _ in range(draw(st.integers(1, 3)))),
            span(),
            draw(st.none() | st.just(span())),
            draw(opt_id),
            draw(st.none() | st.just(span())),
            None,
            draw(st.none() | st.sampled_from(["say", "warn", "according to"])),
            draw(st.none() | st.sampled_from(["person", "organisation", "document", "unnamed"])),
            draw(st.none() | st.sampled_from(["clause", "object", "infinitive", "according"])),
            draw(st.booleans()),
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
            None,
            draw(st.booleans()),
            tuple(span() for _ in range(draw(st.integers(0, 2)))),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
    stance = [
        Stance(
            draw(opt_id),
            draw(st.sampled_from(["negative", "neutral", "positive"])),
            draw(st.floats(0, 1)),
            draw(st.none() | st.integers(0, 3)),
            i,
            span(),
            draw(st.none() | st.integers(0, 4)),
            span(),
            draw(st.sampled_from(["speaker", "subject", "outlet"])),
            draw(opt_id),
            draw(st.none() | st.just(span())),
            draw(st.booleans()),
        )
        for i in range(draw(st.integers(0, 3)))
    ]
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
    assert d["schema"] == "communique/3"
    assert Analysis.from_dict(d) == analysis
    assert pickle.loads(pickle.dumps(analysis)) == analysis


def test_a_communique_2_object_is_read_as_communique_3() -> None:
    """communique/2 had no repeats of an act and an always-empty stance list."""
    new = _analysis(2)
    old = new.to_dict()
    old["schema"] = "communique/2"
    old["stance"] = []
    for e in old["events"]:
        del e["also"]
    back = Analysis.from_dict(json.loads(json.dumps(old)))
    assert back.events == tuple(dataclasses.replace(e, also=()) for e in new.events)
    assert back.stance == () and back.schema == "communique/3"


def test_a_communique_1_object_is_read_as_communique_2() -> None:
    """communique/1 had one content span per quote and no date precision: read, it becomes
    a one-part statement and an event whose precision is its date's length."""
    new = _analysis(1)
    old = new.to_dict()
    old["schema"] = "communique/1"
    for q in old["quotes"]:
        q["content"] = q["content"][0]
        del q["cue_type"], q["source_kind"], q["frame"], q["in_title"]
    for e in old["events"]:
        del e["date_precision"], e["in_title"]
    back = Analysis.from_dict(json.loads(json.dumps(old)))
    assert back.quotes == tuple(
        dataclasses.replace(q, cue_type=None, source_kind=None, frame=None, in_title=False)
        for q in new.quotes
    )
    assert [e.date_precision for e in back.events] == [
        "day" if e.date else None for e in new.events
    ]
    with pytest.raises(ValueError, match="unsupported schema"):
        Analysis.from_dict({**old, "schema": "communique/0"})


# -- helpers ---------------------------------------------------------------------------


def _analysis(n: int) -> Analysis:
    """A small, complete analysis: every record table gets a row."""
    text = f"Russia accused Ukraine of shelling Donetsk, report number {n}."
    whole = Span(0, len(text), text)
    return Analysis(
        Article(
            article_id("RT", text),
            text,
            url=f"https://www.rt.com/news/{n}",
            outlet="RT",
            title=f"Report {n}",
            published=f"2024-03-{n % 28 + 1:02d}T10:00:00+03:00",
            authors=("RT staff",),
            origin=f"rt-{n}.html",
            extractor="html",
            removed=(RemovedSpan(0, 4, "navigation", "Menu"),),
        ),
        actors=(
            Actor("RUS", "Russia", "state", "RUS", "RUS", "GOV"),
            Actor("UKR", "Ukraine", "state", "UKR", "UKR", learned=True),
        ),
        mentions=(Mention(0, Span(0, 6, "Russia"), "GPE", "RUS", 0),),
        quotes=(
            Quote(0, "indirect", (Span(15, 22, "Ukraine"),), whole, Span(0, 6, "Russia"), "RUS"),
        ),
        events=(
            Event(
                0,
                "ACCUSE",
                whole,
                Span(7, 14, "accused"),
                "RUS",
                "UKR",
                quad="verbal_conf",
                intensity=-2.0,
                hypothetical=True,
                reported_by=0,
                confidence=0.9,
            ),
        ),
        stance=(Stance("UKR", "negative", -0.5, 0),),
    )


def _build(conn: sqlite3.Connection, version: int) -> None:
    """A store as communique of schema ``version`` made it, from the frozen migrations."""
    for migration in MIGRATIONS[:version]:
        for stmt in migration.statements:
            conn.execute(stmt)
    conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?)", (str(version),))
    conn.commit()


def _schema_sql(db: Path) -> list[tuple[str, str]]:
    with closing(sqlite3.connect(db)) as conn:
        return conn.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()


def _filled_store(db: Path, n: int) -> Store:
    """A store with ``n`` analyses, a duplicate (with its signature), a failure and a run."""
    store = Store.open(db)
    run = store.start_run(["news/"])
    hasher = Hasher()
    for i in range(n):
        a = _analysis(i)
        assert store.add(a, run, hasher.signature(a.article.text))
    store.record_duplicate(_analysis(0).article, _analysis(1).article.id, 0.93, run)
    store.record_failure(Failure("bad.txt", "not text", "C100", "read"), run)
    store.finish_run(run, articles=n, skipped=0, failures=1)
    return store


# -- schema and migrations -------------------------------------------------------------


def test_schema_version_and_migrations(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    with Store.open(db) as store:
        assert store.schema_version() == SCHEMA_VERSION == len(MIGRATIONS)
        assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    with sqlite3.connect(db) as conn:
        conn.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    with pytest.raises(SchemaVersionError, match="newer"):
        Store.open(db)


#: Released migrations, by version: a digest of their SQL. A released version is never
#: edited (stores made by it exist): change the schema with a new migration instead.
RELEASED = {
    1: "6665b3eb375950e6",
    2: "f2aa428f2208bae4",
    3: "f63d7ab9c4fee2cd",
    4: "ce9bb11e9d07d05a",
    5: "9185ed00892c242a",
    6: "fee1e38b4726f4ce",
    7: "30186ce786018436",
    8: "0e8928849f865071",
    9: "79057061d35ff6cd",
    10: "a732e015a4e9ca81",
    11: "a4178ea54585776d",
    12: "bd71832492bf7061",
}


def test_released_migrations_are_frozen() -> None:
    for version, digest in RELEASED.items():
        sql = "\n;\n".join(MIGRATIONS[version - 1].statements)
        assert hashlib.sha256(sql.encode()).hexdigest()[:16] == digest, (
            f"migration {version} ({MIGRATIONS[version - 1].name}) was edited after its "
            "release: restore it and add a new migration to store/_schema.py"
        )
    assert len({m.name for m in MIGRATIONS}) == len(MIGRATIONS), "migration names are unique"


def test_the_table_list_names_every_table(tmp_path: Path) -> None:
    with Store.open(tmp_path / "c.db") as store:
        names = {r[0] for r in store.query("SELECT name FROM sqlite_master WHERE type='table'")}
        counted = set(store.counts())
    ours = {n for n in names if n != FTS_TABLE and not n.startswith(f"{FTS_TABLE}_")}
    listed = {t.name for t in ALL_TABLES}
    assert ours == listed, "a migration's table must be in ALL_TABLES (store/_schema.py)"
    assert counted == listed


def _mismatch(conn: sqlite3.Connection, table: Table) -> str | None:
    """What is wrong between ``table`` as the migrations made it and its record, if anything."""
    assert table.record is not None
    have = {r[1] for r in conn.execute(f"PRAGMA table_info({table.name})")}
    want = (set(columns(table.record)) - set(table.skip)) | set(table.extra)
    if have == want:
        return None
    return (
        f"table {table.name} lacks columns {sorted(want - have)} and has columns "
        f"{sorted(have - want)} that {table.record.__name__} lacks: a changed record needs a "
        "new migration in store/_schema.py (never an edit of a released one)"
    )


def test_every_record_field_has_a_column_made_by_a_migration() -> None:
    with closing(sqlite3.connect(":memory:")) as conn:
        _build(conn, SCHEMA_VERSION)
        tables = [t for t in ALL_TABLES if t.record is not None]
        assert {t.name for t in tables} >= {"articles", "failures", "actors", "events"}
        for table in tables:
            problem = _mismatch(conn, table)
            assert problem is None, problem


@dataclass(frozen=True)
class _GrownActor(Actor):
    mood: str | None = None


def test_a_new_record_field_without_a_migration_is_caught() -> None:
    with closing(sqlite3.connect(":memory:")) as conn:
        _build(conn, SCHEMA_VERSION)
        problem = _mismatch(conn, Table("actors", _GrownActor, extra=("article_id",)))
    assert problem is not None and "['mood']" in problem and "new migration" in problem


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_store_of_every_older_version_is_migrated_on_open(tmp_path: Path, version: int) -> None:
    db = tmp_path / f"v{version}.db"
    with closing(sqlite3.connect(db)) as conn:
        _build(conn, version)
        conn.execute("INSERT INTO articles(id, text, outlet) VALUES ('a1', 'kept', 'RT')")
        conn.execute(
            "INSERT INTO actors(article_id, id, name, kind, learned) "
            "VALUES ('a1', 'RUS', 'Russia', 'state', 0)"
        )
        conn.execute(
            "INSERT INTO failures(origin, reason, code) VALUES ('bad.txt', 'binary', 'C100')"
        )
        conn.commit()
    with Store.open(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        old = store.load("a1")
        assert old.article.text == "kept" and old.actors == (Actor("RUS", "Russia", "state"),)
        assert store.failures() == [Failure("bad.txt", "binary", "C100", None)]
        new = _analysis(1)
        assert store.add(new, store.start_run(["x"]), Hasher().signature(new.article.text))
        store.record_failure(Failure("late.txt", "timed out", "C110", "fetch"))
        assert store.load(new.article.id) == new
        assert Failure("late.txt", "timed out", "C110", "fetch") in store.failures()
    fresh = tmp_path / "new.db"
    Store.open(fresh).close()
    assert _schema_sql(db) == _schema_sql(fresh), "a migrated store is exactly like a new one"


def test_a_version_3_quote_becomes_a_one_part_statement(tmp_path: Path) -> None:
    db = tmp_path / "v3.db"
    with closing(sqlite3.connect(db)) as conn:
        _build(conn, 3)
        conn.execute("INSERT INTO articles(id, text) VALUES ('a1', 'Peskov said no.')")
        conn.execute(
            "INSERT INTO quotes(article_id, id, type, content_start, content_end, content_text, "
            "sentence_start, sentence_end, sentence_text) "
            "VALUES ('a1', 0, 'indirect', 12, 14, 'no', 0, 15, 'Peskov said no.')"
        )
        conn.execute(
            "INSERT INTO events(article_id, id, type, evidence_start, evidence_end, evidence_text, "
            "trigger_start, trigger_end, trigger_text, date, negated, hypothetical, confidence) "
            "VALUES ('a1', 0, 'REJECT', 0, 15, 'Peskov said no.', 7, 11, 'said', '2019-03', 0, 0, 0.5)"
        )
        conn.commit()
    with Store.open(db) as store:
        a = store.load("a1")
    assert a.quotes[0].content == (Span(12, 14, "no"),)
    assert a.quotes[0].cue_type is None and a.quotes[0].source_kind is None
    assert a.events[0].date_precision == "month"


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


def test_a_store_half_made_by_an_older_crash_gets_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "half.db"
    with closing(sqlite3.connect(db)) as conn:  # older versions committed each CREATE alone
        for stmt in MIGRATIONS[0].statements[:4]:
            conn.execute(stmt)
    with pytest.raises(StoreError, match=r"half-made.*delete it"):
        Store.open(db)


def test_failures_keep_their_stage() -> None:
    with Store.open(":memory:") as store:
        store.record_failure(Failure("a.html", "quote parser crashed", "C100", "quotes"))
        store.record_failure(Failure("b.txt", "binary"))
        assert store.failures() == [
            Failure("a.html", "quote parser crashed", "C100", "quotes"),
            Failure("b.txt", "binary", "C100", None),
        ]


def test_article_ids_are_stable() -> None:
    assert article_id("RT", "Some  text\n") == article_id("rt", "some text")
    assert article_id("RT", "Some text") != article_id("CNBC", "Some text")


# -- creation is one transaction -------------------------------------------------------

#: Code that makes every new sqlite3 connection fail on the 5th statement of migration 1:
#: killed (SIGKILL) when HOW == "kill", else raising. Run in a subprocess, or by exec() under
#: a monkeypatch that restores sqlite3.connect.
_FAILING_CONNECTION = """
import os, signal, sqlite3
from communique.store import MIGRATIONS

FIFTH = MIGRATIONS[0].statements[4]


class Failing(sqlite3.Connection):
    def execute(self, sql, *args):
        if sql == FIFTH:
            if HOW == "kill":
                os.kill(os.getpid(), signal.SIGKILL)
            raise sqlite3.OperationalError("disk I/O error (simulated)")
        return super().execute(sql, *args)


_connect = sqlite3.connect
sqlite3.connect = lambda *a, **k: _connect(*a, factory=Failing, **k)
"""


def _assert_creates_fine(db: Path) -> None:
    with Store.open(db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert store.add(_analysis(2))
        assert store.counts()["articles"] == 1


def test_an_error_while_creating_a_store_leaves_nothing_half_made(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "c.db"
    env: dict[str, Any] = {"HOW": "raise"}
    with monkeypatch.context() as m:
        m.setattr(sqlite3, "connect", sqlite3.connect)  # restored on leaving the context
        exec(_FAILING_CONNECTION, env)
        with pytest.raises(StoreError, match=r"v1_articles_and_analyses failed .*simulated"):
            Store.open(db)
    assert _schema_sql(db) == [], "the failed creation was rolled back whole"
    _assert_creates_fine(db)


def test_a_kill_while_creating_a_store_leaves_it_usable(tmp_path: Path) -> None:
    db = tmp_path / "c.db"
    script = f"HOW = 'kill'\n{_FAILING_CONNECTION}\nfrom communique.store import Store\n"
    script += f"Store.open({str(db)!r})\n"
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, timeout=120)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    assert db.exists()
    _assert_creates_fine(db)


def _open_when_all_are_ready(
    db: Path, ready: threading.Barrier, errors: list[BaseException]
) -> None:
    ready.wait()
    try:
        with Store.open(db) as store:
            assert store.schema_version() == SCHEMA_VERSION
    except BaseException as exc:  # collected, asserted by the test
        errors.append(exc)


def test_threads_racing_on_a_new_store_all_succeed(tmp_path: Path) -> None:
    openers = 4
    for attempt in range(10):
        ready = threading.Barrier(openers)
        errors: list[BaseException] = []
        args = (tmp_path / f"race{attempt}.db", ready, errors)
        threads = [
            threading.Thread(target=_open_when_all_are_ready, args=args) for _ in range(openers)
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert errors == [], f"attempt {attempt}: {errors}"


def test_processes_racing_on_a_new_store_all_succeed(tmp_path: Path) -> None:
    db = tmp_path / "race.db"
    go = tmp_path / "go"
    script = (
        "import os, sys, time\n"
        "from communique.store import Store\n"
        f"while not os.path.exists({str(go)!r}): time.sleep(0.001)\n"
        f"Store.open({str(db)!r}).close()\n"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", script], stderr=subprocess.PIPE) for _ in range(4)
    ]
    go.touch()
    for p in procs:
        _, err = p.communicate(timeout=120)
        assert p.returncode == 0, err.decode()
    with Store.open(db) as store:
        assert store.schema_version() == SCHEMA_VERSION


# -- exports ---------------------------------------------------------------------------


def _as_csv(value: Any, kind: str) -> str:
    if value is None:
        return ""
    if kind == "bool":
        return "true" if value else "false"
    if isinstance(value, str) and value[:1] in "=+-@":
        return "'" + value  # neutralised: a spreadsheet must not run it as a formula
    return value.hex() if isinstance(value, bytes) else str(value)


def _code(store: Store, article: str, actor: str | None) -> str:
    row = store.conn.execute(
        "SELECT code FROM actors WHERE article_id = ? AND id = ?", (article, actor)
    ).fetchone()
    return "" if row is None or row[0] is None else str(row[0])


def test_csv_export_writes_every_table_and_round_trips(tmp_path: Path) -> None:
    """Every column of every table, each actor id followed by that actor's code, booleans
    as true/false."""
    with _filled_store(tmp_path / "c.db", 3) as store:
        written = export_store(store, "csv", str(tmp_path / "out"))
        assert [Path(w).name for w in written] == [f"{t.name}.csv" for t in ALL_TABLES]
        for table in ALL_TABLES:
            kinds = column_kinds(table.record) if table.record else {}
            ids = ACTOR_ID_COLUMNS.get(table.name, ())
            cur = store.conn.execute(f"SELECT * FROM {table.name}")
            names = [d[0] for d in cur.description]
            header: list[str] = []
            for n in names:
                header += [n, n.removesuffix("_id") + "_code"] if n in ids else [n]
            expected = [header]
            for row in cur:
                cells: list[str] = []
                for n, v in zip(names, row, strict=True):
                    cells.append(_as_csv(v, kinds.get(n, "text")))
                    if n in ids:
                        cells.append(_code(store, row[0], v))
                expected.append(cells)
            with open(tmp_path / "out" / f"{table.name}.csv", encoding="utf-8", newline="") as fh:
                assert list(csv.reader(fh)) == expected, table.name
        with open(tmp_path / "out" / "events.csv", encoding="utf-8", newline="") as fh:
            event = next(csv.DictReader(fh))
        assert (event["source_actor_code"], event["target_actor_code"]) == ("RUS", "UKR")
        assert (event["hypothetical"], event["negated"], event["in_title"]) == (
            "true",
            "false",
            "false",
        )
        counts = store.counts()
    assert all(counts[t] for t in ("duplicates", "signatures", "bands", "failures", "meta"))


class _StreamingOnly:
    """A cursor that refuses ``fetchall`` and notes how many rows each fetch asks for."""

    def __init__(self, cur: sqlite3.Cursor, fetched: list[int]) -> None:
        self._cur, self._fetched = cur, fetched

    def fetchall(self) -> list[Any]:
        raise AssertionError("an export must stream its rows, not fetchall() a table")

    def fetchmany(self, size: int) -> list[Any]:
        self._fetched.append(size)
        return self._cur.fetchmany(size)

    def __iter__(self) -> Any:
        return iter(self._cur)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._cur, name)


class _Connection:
    def __init__(self, conn: sqlite3.Connection, fetched: list[int]) -> None:
        self._conn, self._fetched = conn, fetched

    def execute(self, *args: Any) -> _StreamingOnly:
        return _StreamingOnly(self._conn.execute(*args), self._fetched)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


def test_exports_stream_in_batches(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = 5
    with _filled_store(tmp_path / "c.db", articles) as store:
        counts = store.counts()
        fetched: list[int] = []
        store.conn = _Connection(store.conn, fetched)  # type: ignore[assignment]  # a spy
        export_store(store, "csv", str(tmp_path / "out"), batch_rows=2)
        export_store(store, "jsonl", str(tmp_path / "all.jsonl"))
    assert fetched and max(fetched) <= 2
    for table in ALL_TABLES:
        with open(tmp_path / "out" / f"{table.name}.csv", encoding="utf-8", newline="") as fh:
            assert sum(1 for _ in csv.reader(fh)) == counts[table.name] + 1, table.name
    lines = (tmp_path / "all.jsonl").read_text(encoding="utf-8").splitlines()
    got = sorted((Analysis.from_dict(json.loads(x)) for x in lines), key=lambda a: a.article.id)
    assert got == sorted((_analysis(i) for i in range(articles)), key=lambda a: a.article.id)


def test_parquet_export_without_pyarrow_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pyarrow", None)
    with Store.open(":memory:") as store, pytest.raises(UsageError, match=r"communique\[parquet\]"):
        export_store(store, "parquet", str(tmp_path / "out"))
    assert not (tmp_path / "out").exists(), "nothing written before the error"


def test_table_exports_need_a_directory_and_a_known_format() -> None:
    with Store.open(":memory:") as store:
        with pytest.raises(UsageError, match="--out DIRECTORY"):
            export_store(store, "csv", None)
        with pytest.raises(UsageError, match="unknown export format"):
            export_store(store, "xlsx", "out")


def _plain(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def test_parquet_export_writes_every_table_in_row_groups(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    with _filled_store(tmp_path / "c.db", 5) as store:
        export_store(store, "parquet", str(tmp_path / "out"), batch_rows=2)
        for table in ALL_TABLES:
            expected = [dict(r) for r in store.conn.execute(f"SELECT * FROM {table.name}")]
            path = tmp_path / "out" / f"{table.name}.parquet"
            codes = {c.removesuffix("_id") + "_code" for c in ACTOR_ID_COLUMNS.get(table.name, ())}
            got = [
                {k: _plain(v) for k, v in r.items() if k not in codes}
                for r in pq.read_table(path).to_pylist()
            ]
            assert got == expected, table.name
            assert pq.ParquetFile(path).metadata.num_row_groups == (len(expected) + 1) // 2
        events = pq.read_table(tmp_path / "out" / "events.parquet")
        assert str(events.schema.field("hypothetical").type) == "bool"
        assert str(events.schema.field("in_title").type) == "bool"
        assert events.column("source_actor_code").to_pylist()[0] == "RUS"
