"""The SQLite store: the same records as the JSON output, in tables of the same names;
its schema as frozen, numbered migrations and one list of its tables; read-side queries
behind the CLI (filters checked and resolved first); exports (JSONL, CSV, Parquet, and
the GDELT, POLECAT and ICEWS layouts)."""

from __future__ import annotations

from ._export import EXPORT_BATCH_ROWS, FORMULA_STARTS, export_store, safe_cell
from ._filters import DATE_FORMATS, QUADS, Filters, check_date
from ._queries import KINDS, iter_query, query
from ._rows import columns
from ._schema import ALL_TABLES, FTS_TABLE, MIGRATIONS, SCHEMA_VERSION, TABLES, Migration, Table
from ._store import Store

__all__ = [
    "ALL_TABLES",
    "DATE_FORMATS",
    "EXPORT_BATCH_ROWS",
    "FORMULA_STARTS",
    "FTS_TABLE",
    "KINDS",
    "MIGRATIONS",
    "QUADS",
    "SCHEMA_VERSION",
    "TABLES",
    "Filters",
    "Migration",
    "Store",
    "Table",
    "check_date",
    "columns",
    "export_store",
    "iter_query",
    "query",
    "safe_cell",
]
