"""The SQLite store: the same records as the JSON output, in tables of the same names;
its schema as frozen, numbered migrations and one list of its tables; read-side queries
behind the CLI (filters checked and resolved first); exports (JSONL, CSV, Parquet, and
the GDELT, POLECAT and ICEWS layouts)."""

from __future__ import annotations

from ._cells import FORMULA_STARTS, safe_cell
from ._codings import RUN_COLUMNS, CodedBy, prune_codings, run_coder, run_rows, show_run
from ._export import (
    ACTOR_ID_COLUMNS,
    EXPORT_BATCH_ROWS,
    arrow_schema,
    export_store,
    table_columns,
)
from ._filters import DATE_FORMATS, QUADS, Filters, check_date
from ._layouts import EXTRA_COLUMNS, GDELT_COLUMNS, ICEWS_COLUMNS, LAYOUTS, POLECAT_COLUMNS
from ._queries import (
    FACT_COLUMNS,
    KINDS,
    STANCE_GROUPS,
    event_evidence,
    iter_event_facts,
    iter_query,
    query,
    query_plan,
    stance_rows,
)
from ._rows import Kind, column_kinds, columns, flatten, unflatten
from ._schema import ALL_TABLES, FTS_TABLE, MIGRATIONS, SCHEMA_VERSION, TABLES, Migration, Table
from ._store import Store, store_error

__all__ = [
    "ACTOR_ID_COLUMNS",
    "ALL_TABLES",
    "DATE_FORMATS",
    "EXPORT_BATCH_ROWS",
    "EXTRA_COLUMNS",
    "FACT_COLUMNS",
    "FORMULA_STARTS",
    "FTS_TABLE",
    "GDELT_COLUMNS",
    "ICEWS_COLUMNS",
    "KINDS",
    "LAYOUTS",
    "MIGRATIONS",
    "POLECAT_COLUMNS",
    "QUADS",
    "RUN_COLUMNS",
    "SCHEMA_VERSION",
    "STANCE_GROUPS",
    "TABLES",
    "CodedBy",
    "Filters",
    "Kind",
    "Migration",
    "Store",
    "Table",
    "arrow_schema",
    "check_date",
    "column_kinds",
    "columns",
    "event_evidence",
    "export_store",
    "flatten",
    "iter_event_facts",
    "iter_query",
    "prune_codings",
    "query",
    "query_plan",
    "run_coder",
    "run_rows",
    "safe_cell",
    "show_run",
    "stance_rows",
    "store_error",
    "table_columns",
    "unflatten",
]
