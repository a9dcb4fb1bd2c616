"""The Parquet layout of a batch: one dataset (a folder of Parquet files) per table of the
store, with the store's own columns, partitioned by the article's publication month.

Columns are not declared here: each dataset takes the columns the store gives its table
(``communique.store.table_columns`` of a new in-memory store: the record's flattened
fields, each actor id followed by the actor's code), less the store's bookkeeping
(``run_id``, ``at``), which ``load`` fills in. Rows are made and read back with the
store's ``flatten``/``unflatten``, so a record round-trips through Parquet exactly as it
does through SQLite.
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from ..dedup import Signature
from ..records import Analysis, Article, Failure, RemovedSpan
from ..store import (
    ACTOR_ID_COLUMNS,
    ALL_TABLES,
    TABLES,
    Kind,
    Store,
    arrow_schema,
    columns,
    flatten,
    table_columns,
    unflatten,
)

#: The partition column: the article's publication month (``YYYY-MM``, as the article's
#: own ``published`` value writes it), or UNKNOWN_MONTH when it has none.
MONTH = "month"
UNKNOWN_MONTH = "unknown"
_MONTH = re.compile(r"^(\d{4}-\d{2})")

#: Store columns a batch does not carry: ``load`` sets them for its own run.
BOOKKEEPING = ("run_id", "at", "coded_run")

#: The datasets a batch writes, in load order: the articles and what hangs off them, the
#: near-duplicate signatures (so a later ``analyze`` into the loaded store still knows the
#: copies), the copies linked to a first copy, and the inputs that failed.
DATASETS = (
    "articles",
    "removed",
    *TABLES,
    "signatures",
    "duplicates",
    "failures",
)

#: Datasets without a publication month: one folder of files, no partitions.
FLAT = ("failures",)


@dataclass(frozen=True)
class Dataset:
    name: str
    columns: tuple[tuple[str, Kind], ...]  # (name, kind) as the store exports them

    @property
    def names(self) -> list[str]:
        return [n for n, _ in self.columns]

    @property
    def partitioned(self) -> bool:
        return self.name not in FLAT


@functools.cache
def datasets() -> dict[str, Dataset]:
    """Each dataset with its columns, taken from the store's tables."""
    by_name = {t.name: t for t in ALL_TABLES}
    with Store.open(":memory:") as store:
        return {
            name: Dataset(
                name,
                tuple(
                    (n, k) for n, k in table_columns(store, by_name[name]) if n not in BOOKKEEPING
                ),
            )
            for name in DATASETS
        }


def dataset_columns(name: str) -> list[tuple[str, Kind]]:
    """(name, kind) of each column of a dataset's files, in order (the month aside)."""
    return list(datasets()[name].columns)


def schema(name: str) -> Any:
    """The Arrow schema of a dataset's files, with the month column it is split by."""
    ds = datasets()[name]
    month: list[tuple[str, Kind]] = [(MONTH, "text")] if ds.partitioned else []
    return arrow_schema([*ds.columns, *month])


def month_of(published: str | None) -> str:
    m = _MONTH.match(published or "")
    return m.group(1) if m else UNKNOWN_MONTH


Row = dict[str, Any]


class Rows:
    """Rows of every dataset for a set of results, gathered before one write."""

    def __init__(self) -> None:
        self.rows: dict[str, list[Row]] = {name: [] for name in DATASETS}

    def add_analysis(self, analysis: Analysis, signature: Signature | None) -> None:
        a = analysis.article
        month = month_of(a.published)
        self.rows["articles"].append({**_row(a), MONTH: month})
        for r in a.removed:
            self.rows["removed"].append({**_row(r), "article_id": a.id, MONTH: month})
        codes = {x.id: x.code for x in analysis.actors}
        for name in TABLES:
            ids = ACTOR_ID_COLUMNS.get(name, ())
            for rec in getattr(analysis, name):
                row = {**_row(rec), "article_id": a.id, MONTH: month}
                for col in ids:
                    row[col.removesuffix("_id") + "_code"] = codes.get(row[col])
                self.rows[name].append(row)
        if signature is not None:
            self.rows["signatures"].append(
                {
                    "article_id": a.id,
                    "exact": signature.exact,
                    "minhash": signature.minhash,
                    MONTH: month,
                }
            )

    def add_duplicate(self, article: Article, duplicate_of: str, similarity: float) -> None:
        """A copy linked to its first copy, as ``Store.record_duplicate`` writes it."""
        self.rows["duplicates"].append(
            {
                "origin": article.origin or article.id,
                "article_id": article.id,
                "duplicate_of": duplicate_of,
                "similarity": round(similarity, 4),
                "outlet": article.outlet,
                "url": article.url,
                "title": article.title,
                "published": article.published,
                MONTH: month_of(article.published),
            }
        )

    def add_failure(self, failure: Failure) -> None:
        self.rows["failures"].append(_row(failure))

    def tables(self) -> dict[str, Any]:
        """Arrow tables of the datasets that have rows."""
        import pyarrow as pa

        out = {}
        for name, rows in self.rows.items():
            if rows:
                sch = schema(name)
                out[name] = pa.Table.from_pylist(rows, schema=sch)
        return out


def _row(rec: Any) -> Row:
    return dict(zip(columns(type(rec)), flatten(rec), strict=True))


# -- reading back ------------------------------------------------------------------------


def analyses(parts: Mapping[str, Sequence[Row]]) -> Iterable[tuple[Analysis, Signature | None]]:
    """The analyses (with their signatures) that the rows of one partition hold, in the
    order of the articles' rows; each record's rows in the order they were written."""
    by_article: dict[str, dict[str, list[Row]]] = {}
    for name in ("removed", *TABLES):
        for row in parts.get(name, ()):
            by_article.setdefault(row["article_id"], {}).setdefault(name, []).append(row)
    sigs = {
        r["article_id"]: Signature(r["exact"], r["minhash"]) for r in parts.get("signatures", ())
    }
    for row in parts.get("articles", ()):
        own = by_article.get(row["id"], {})
        art = {c: row[c] for c in columns(Article) if c != "removed"}
        art["authors"] = tuple(json.loads(art["authors"] or "[]"))
        removed = tuple(unflatten(RemovedSpan, r) for r in own.get("removed", ()))
        recs = {
            name: tuple(unflatten(cls, r) for r in own.get(name, ()))
            for name, cls in TABLES.items()
        }
        analysis = Analysis(
            article=Article(**art, removed=removed),
            actors=recs["actors"],
            mentions=recs["mentions"],
            quotes=recs["quotes"],
            events=recs["events"],
            stance=recs["stance"],
        )
        yield analysis, sigs.get(row["id"])


def duplicate_article(row: Row) -> Article:
    """The article fields a duplicates row keeps (its text is the first copy's)."""
    return Article(
        id=row["article_id"],
        text="",
        url=row["url"],
        outlet=row["outlet"],
        title=row["title"],
        published=row["published"],
        origin=row["origin"],
    )


def failure(row: Row) -> Failure:
    out: Failure = unflatten(Failure, row)
    return out
