"""The SQLite store: the same records as the JSON output, in tables of the same names;
its schema as frozen, numbered migrations and one list of its tables; read-side queries
behind the CLI; exports (JSONL, CSV, Parquet)."""

from __future__ import annotations

from ._export import EXPORT_BATCH_ROWS, export_store
from ._queries import query
from ._rows import columns
from ._schema import ALL_TABLES, FTS_TABLE, MIGRATIONS, SCHEMA_VERSION, TABLES, Migration, Table
from ._store import Store, store_error

__all__ = [
    "ALL_TABLES",
    "EXPORT_BATCH_ROWS",
    "FTS_TABLE",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "TABLES",
    "Migration",
    "Store",
    "Table",
    "columns",
    "export_store",
    "query",
    "store_error",
]
