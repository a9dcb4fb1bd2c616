"""Exports of the store: JSONL of communique/1 objects, or one CSV/Parquet file per table."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

from ..errors import UsageError
from ._store import Store

EXPORT_TABLES = (
    "articles",
    "removed",
    "mentions",
    "actors",
    "quotes",
    "events",
    "stance",
    "failures",
    "runs",
)


def export_store(store: Store, fmt: str, out: str | None) -> list[str]:
    if fmt == "jsonl":
        fh = open(out, "w", encoding="utf-8") if out else sys.stdout  # noqa: SIM115 - stdout or file
        try:
            for analysis in store.iter_analyses():
                fh.write(json.dumps(analysis.to_dict(), ensure_ascii=False) + "\n")
        finally:
            if out:
                fh.close()
        return [out] if out else []
    if not out:
        raise UsageError(f"--format {fmt} writes one file per table: pass --out DIRECTORY")
    folder = Path(out)
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for table in EXPORT_TABLES:
        cur = store.conn.execute(f"SELECT * FROM {table}")
        names = [d[0] for d in cur.description]
        rows = cur.fetchall()
        path = folder / f"{table}.{fmt}"
        if fmt == "csv":
            with open(path, "w", encoding="utf-8", newline="") as fh:
                w = csv.writer(fh)
                w.writerow(names)
                w.writerows(tuple(r) for r in rows)
        elif fmt == "parquet":
            try:
                import pyarrow as pa
                import pyarrow.parquet as pq
            except ImportError as exc:
                raise UsageError(
                    "Parquet export needs pyarrow: pip install 'communique[parquet]'"
                ) from exc
            columns = {n: [r[i] for r in rows] for i, n in enumerate(names)}
            pq.write_table(pa.table(columns), path)
        else:
            raise UsageError(f"unknown export format {fmt!r}")
        written.append(str(path))
    return written
