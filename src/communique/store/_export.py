"""Exports of the store: JSONL of communique/3 objects, one per article; or one CSV or
Parquet file per table of the store (every table of ALL_TABLES, the full-text index aside),
each actor id followed by the actor's code, booleans as booleans (true/false in CSV); or
the events in the GDELT, POLECAT or ICEWS layout (:mod:`._layouts`).

Exports stream: JSONL holds one article at a time, CSV and Parquet one batch of
EXPORT_BATCH_ROWS rows, so memory stays flat however big the store."""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ._cells import safe_cell
from ._filters import Filters
from ._layouts import LAYOUTS, export_layout
from ._rows import Kind, column_kinds
from ._schema import ALL_TABLES, Table
from ._store import Store

#: Rows read from the store and held at once while exporting a table, and the rows of one
#: Parquet row group: a batch of articles (full texts) is some 10 MB, of events less.
EXPORT_BATCH_ROWS = 1_000

#: Formats that write one file per table.
TABLE_FORMATS = ("csv", "parquet")

#: Kinds of the columns whose declared SQL type says it; the others (record fields) take
#: the kind of the record field they hold.
_DECLARED_KINDS: dict[str, Kind] = {
    "TEXT": "text",
    "INTEGER": "integer",
    "REAL": "real",
    "BLOB": "blob",
}

_LAYOUT_NAMES = ", ".join(LAYOUTS)

_PYARROW_MISSING = "Parquet export needs pyarrow: pip install 'communique[parquet]'"


def export_store(
    store: Store,
    fmt: str,
    out: str | None,
    *,
    batch_rows: int = EXPORT_BATCH_ROWS,
    filters: Filters | None = None,
) -> list[str]:
    """Export ``store`` as ``fmt`` and return the paths written.

    jsonl: one communique/3 object per article, to the file ``out`` or to stdout.
    csv, parquet: one file per table in the directory ``out`` (articles, removed, actors,
    mentions, quotes, events, stance, failures, codings, duplicates, signatures, bands, stories,
    story_articles, story_features, story_keys, story_events, story_merged, outlets, runs,
    meta); BLOB columns (signatures.minhash, the story vectors) are hex text in CSV.
    gdelt, polecat, icews: the events matching ``filters`` in that layout, to the file
    ``out`` or to stdout (:mod:`._layouts`); the other formats export everything."""
    if fmt in LAYOUTS:
        return export_layout(store, fmt, out, filters, batch_rows=batch_rows)
    if filters is not None and filters != Filters():
        raise UsageError(
            f"--format {fmt} exports the whole store; filters apply to {_LAYOUT_NAMES}"
        )
    if fmt == "jsonl":
        return _export_jsonl(store, out)
    if fmt not in TABLE_FORMATS:
        raise UsageError(
            f"unknown export format {fmt!r}; choose jsonl, csv, parquet, {_LAYOUT_NAMES}"
        )
    if not out:
        raise UsageError(f"--format {fmt} writes one file per table: pass --out DIRECTORY")
    if fmt == "parquet":
        _pyarrow()  # fail before anything is written
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in ALL_TABLES:
        path = folder / f"{table.name}.{fmt}"
        if fmt == "csv":
            _write_csv(store, table, path, batch_rows)
        else:
            _write_parquet(store, table, path, batch_rows)
        written.append(str(path))
    return written


def _export_jsonl(store: Store, out: str | None) -> list[str]:
    fh = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115 - stdout or file
    try:
        for analysis in store.iter_analyses():
            fh.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
    finally:
        if out:
            fh.close()
    return [out] if out else []


def _batches(cur: sqlite3.Cursor, size: int) -> Iterator[list[Any]]:
    """The rows of a query, ``size`` at a time."""
    while rows := cur.fetchmany(size):
        yield rows


#: Actor id columns of the tables: in table exports each is followed by the actor's code
#: (``source_actor_id`` → ``source_actor_code``), so nobody has to join to get it.
ACTOR_ID_COLUMNS: dict[str, tuple[str, ...]] = {
    "events": ("source_actor_id", "target_actor_id"),
    "quotes": ("speaker_actor_id",),
    "mentions": ("actor_id",),
    "stance": ("target_actor_id",),
}


def _kinds(store: Store, table: Table) -> list[tuple[str, Kind, str]]:
    """(name, kind, SQL expression) of each exported column of ``table``: the table's
    columns in order, each actor id followed by the actor's code. A record field's kind
    wins over the declared type (in_title is declared INTEGER and is a boolean)."""
    fields = column_kinds(table.record) if table.record else {}
    ids = ACTOR_ID_COLUMNS.get(table.name, ())
    out: list[tuple[str, Kind, str]] = []
    for col in store.conn.execute(f"PRAGMA table_info({table.name})"):
        name, declared = col["name"], col["type"].upper()
        kind = fields.get(name) or _DECLARED_KINDS.get(declared) or "text"
        out.append((name, kind, f't."{name}"'))
        if name in ids:
            code = name.removesuffix("_id") + "_code"
            out.append(
                (
                    code,
                    "text",
                    f'(SELECT x.code FROM actors x WHERE x.article_id = t.article_id AND x.id = t."{name}")',
                )
            )
    return out


def table_columns(store: Store, table: Table) -> list[tuple[str, Kind]]:
    """(name, kind) of each exported column of ``table``, in order: the table's columns,
    each actor id followed by the actor's code (``_kinds`` without the SQL)."""
    return [(name, kind) for name, kind, _ in _kinds(store, table)]


def arrow_schema(cols: Sequence[tuple[str, Kind]]) -> Any:
    """The Arrow schema of columns of these kinds (raises UsageError without pyarrow)."""
    pa, _ = _pyarrow()
    arrow = {
        "text": pa.string(),
        "integer": pa.int64(),
        "real": pa.float64(),
        "bool": pa.bool_(),
        "blob": pa.binary(),
    }
    return pa.schema([(name, arrow[kind]) for name, kind in cols])


def _rows(store: Store, table: Table, size: int) -> Iterator[list[Any]]:
    """The rows of ``table`` in batches, columns as ``_kinds`` says."""
    select = ", ".join(expr for _, _, expr in _kinds(store, table))
    return _batches(store.conn.execute(f"SELECT {select} FROM {table.name} t"), size)


def _write_csv(store: Store, table: Table, path: Path, size: int) -> None:
    kinds = _kinds(store, table)
    names = [n for n, _, _ in kinds]
    blobs = [i for i, (_, k, _) in enumerate(kinds) if k == "blob"]
    bools = [i for i, (_, k, _) in enumerate(kinds) if k == "bool"]
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(names)
        for rows in _rows(store, table, size):
            w.writerows(_csv_row(r, blobs, bools) for r in rows)


def _csv_row(row: Sequence[Any], blobs: Sequence[int], bools: Sequence[int]) -> list[Any]:
    """A row as CSV cells: BLOBs as hex, booleans as true/false, formulas neutralised."""
    out = [safe_cell(v) for v in row]
    for i in blobs:
        if out[i] is not None:
            out[i] = bytes(out[i]).hex()
    for i in bools:
        if out[i] is not None:
            out[i] = "true" if out[i] else "false"
    return out


def _pyarrow() -> tuple[Any, Any]:
    try:
        import pyarrow as pa
        import pyarrow.parquet as pq
    except ImportError as exc:
        raise UsageError(_PYARROW_MISSING) from exc
    return pa, pq


def _write_parquet(store: Store, table: Table, path: Path, size: int) -> None:
    """One Parquet file, a row group per batch, typed from the table's columns."""
    pa, pq = _pyarrow()
    kinds = _kinds(store, table)
    schema = arrow_schema([(n, k) for n, k, _ in kinds])
    with pq.ParquetWriter(path, schema) as writer:
        for rows in _rows(store, table, size):
            arrays = [
                pa.array(_column(rows, i, k), type=schema.field(i).type)
                for i, (_, k, _) in enumerate(kinds)
            ]
            writer.write_table(pa.Table.from_arrays(arrays, schema=schema))


def _column(rows: Sequence[Sequence[Any]], i: int, kind: Kind) -> list[Any]:
    if kind == "bool":  # SQLite keeps booleans as 0 and 1
        return [None if r[i] is None else bool(r[i]) for r in rows]
    return [r[i] for r in rows]
