"""The SQLite store: the same records as the JSON output, in tables of the same names;
read-side queries behind the CLI; exports (JSONL, CSV, Parquet)."""

from __future__ import annotations

from ._export import export_store
from ._queries import query
from ._store import MIGRATIONS, SCHEMA_VERSION, TABLES, Store

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "TABLES", "Store", "export_store", "query"]
