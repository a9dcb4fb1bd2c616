"""The client side of a batch: read the inputs, send partitions to the cluster, decide which
articles are new, write what comes back as Parquet.

Where each step runs:

- **reading** (files, directories, JSONL/CSV/WARC, URLs, standard input) on the client,
  with ``iter_documents`` as ``analyze`` reads them: workers need neither the input files
  nor network access, and a partition travels to a worker as decoded documents;
- **cleaning** and the **signatures** of near-duplicate detection on the workers;
- **de-duplication** on the client, in input order, over every partition: the same
  decisions ``analyze`` makes (an article seen before is skipped, a near-copy of an earlier
  one is linked to it and not analysed), from the ids and signatures alone (texts stay on
  the workers). With ``db``, articles that store already holds count as seen before;
- **analysis** (the pipeline's stages over ``nlp.pipe`` batches, each failure isolated to
  its article) and the Arrow tables on the workers, next to the cleaned partition;
- **writing** on the client, so the output folder need not be shared with the workers.

At most ``in_flight`` partitions are out at once, so memory stays flat however many
inputs there are.
"""

from __future__ import annotations

import json
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..dedup import DuplicateFilter, Signature
from ..errors import UsageError
from ..pipeline import Options
from ..records import SCHEMA, Document, Failure
from ..runner import Progress
from ..sources import iter_documents
from ..store import SCHEMA_VERSION, Store
from ._layout import DATASETS, Rows, datasets
from ._worker import (
    PipelinePlugin,
    analyse_partition,
    clean_partition,
    partition_keys,
    worker_coder,
)

#: Documents per partition: one task, one ``nlp.pipe`` stream, one file per dataset and
#: month. Large enough that a task's overhead (some milliseconds) is nothing beside its
#: analysis (some seconds), small enough that the cluster's workers share the work.
PARTITION_SIZE = 16

#: The file in a batch folder that says what wrote it (``load`` checks it).
MANIFEST = "_communique.json"

#: What analyze-style counts a run has, in summary order.
COUNTS = ("articles", "quotes", "events", "stance", "mentions")


@dataclass
class BatchSummary:
    out: str
    run: dict[str, int]
    progress: Progress
    seconds: float
    workers: int
    partitions: int = 0
    files: list[str] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return self.progress.failed


class _Empty:
    """The duplicate filter's store when no ``db`` is given: it holds nothing."""

    def has_article(self, article_id: str) -> bool:
        return False

    def similar(self, signature: Signature) -> list[tuple[str, Signature]]:
        return []


def run_batch(
    paths: Sequence[str],
    out: str | Path,
    client: Any,
    options: Options | None = None,
    *,
    db: str | None = None,
    partition_size: int = PARTITION_SIZE,
    in_flight: int | None = None,
    on_progress: Callable[[Progress], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> BatchSummary:
    """Analyse ``paths`` on the Dask cluster of ``client`` (a ``distributed.Client``) into
    Parquet datasets under ``out``, which must be new or empty. ``db``: an existing store
    whose articles (and their near-copies) are skipped as ``analyze`` into it would."""
    t0 = time.perf_counter()
    options = options or Options()
    folder = Path(out)
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise UsageError(
            f"{folder} is not an empty folder; a batch writes into a new one "
            "(load several batches into one store with `communique load`)"
        )
    folder.mkdir(parents=True, exist_ok=True)
    plugin = PipelinePlugin(options)
    client.register_plugin(plugin, name=plugin.name)
    workers = len(client.nthreads()) or 1
    coder = client.submit(worker_coder, plugin.name, pure=False).result()
    store = Store.open(db) if db else None
    try:
        run = _Run(client, plugin.name, folder, DuplicateFilter(store or _Empty()))
        run.coder = coder
        run.on_progress, run.on_failure = on_progress, on_failure
        _write_manifest(folder, paths, "running", run)
        status = "interrupted"
        try:
            run.go(
                _partitions(iter_documents(paths, options.ingest), partition_size, run),
                in_flight or 2 * sum(client.nthreads().values()) + 1,
            )
            status = "done"
        finally:
            _write_manifest(folder, paths, status, run)
    finally:
        if store is not None:
            store.close()
    return BatchSummary(
        str(folder),
        run.counts,
        run.progress,
        time.perf_counter() - t0,
        workers,
        run.partitions,
        sorted(str(p) for p in folder.rglob("*.parquet")),
    )


def _partitions(
    items: Iterable[Document | Failure], size: int, run: _Run
) -> Iterator[list[Document]]:
    """Documents in lists of ``size``; reading failures are recorded on the way."""
    part: list[Document] = []
    for item in items:
        if isinstance(item, Failure):
            run.fail(item)
            continue
        part.append(item)
        if len(part) >= size:
            yield part
            part = []
    if part:
        yield part


class _Run:
    def __init__(self, client: Any, plugin: str, folder: Path, dups: DuplicateFilter) -> None:
        self.client = client
        self.plugin = plugin
        self.folder = folder
        self.dups = dups
        self.progress = Progress()
        self.counts = dict.fromkeys(COUNTS, 0)
        self.partitions = 0
        self.token = uuid.uuid4().hex[:12]  # task keys of this run, unique on the cluster
        self.pending = Rows()  # failures and duplicates found on the client, not yet written
        self.on_progress: Callable[[Progress], None] | None = None
        self.on_failure: Callable[[Failure], None] | None = None
        self.coder: dict[str, Any] = {}  # Pipeline.coder of the workers

    def report(self) -> None:
        if self.on_progress:
            self.on_progress(self.progress)

    def fail(self, item: Failure) -> None:
        self.progress.failed += 1
        self.pending.add_failure(item)
        if self.on_failure:
            self.on_failure(item)
        self.report()

    def go(self, parts: Iterator[list[Document]], in_flight: int) -> None:
        from distributed import wait

        # (index, cleaned, keys, origins of its documents), in input order
        cleaning: deque[tuple[int, Any, Any, list[str]]] = deque()
        analysing: dict[Any, tuple[int, dict[str, str]]] = {}  # future → (index, id → origin)
        more = True
        while more or cleaning or analysing:
            while more and len(cleaning) + len(analysing) < in_flight:
                docs = next(parts, None)
                if docs is None:
                    more = False
                    break
                i = self.partitions
                self.partitions += 1
                cleaned = self.client.submit(
                    clean_partition, docs, self.plugin, key=f"communique-clean-{i}-{self.token}"
                )
                keys = self.client.submit(
                    partition_keys, cleaned, key=f"communique-keys-{i}-{self.token}"
                )
                cleaning.append((i, cleaned, keys, [d.origin for d in docs]))
            if cleaning and cleaning[0][2].done():
                i, cleaned, keys, origins = cleaning.popleft()
                keep = self._settle_keys(keys, origins)
                fut = self.client.submit(
                    analyse_partition,
                    cleaned,
                    frozenset(keep),
                    self.plugin,
                    key=f"communique-analyse-{i}-{self.token}",
                )
                analysing[fut] = (i, keep)
                continue
            done = [f for f in analysing if f.done()]
            for fut in done:
                self._write(fut, *analysing.pop(fut))
            if not done and (cleaning or analysing):
                watch = [*([cleaning[0][2]] if cleaning else []), *analysing]
                wait(watch, return_when="FIRST_COMPLETED")  # type: ignore[no-untyped-call]  # unannotated in distributed
        self._flush("last-client")

    def _settle_keys(self, keys: Any, origins: list[str]) -> dict[str, str]:
        """The duplicate check, in input order, for one partition's articles: the ids to
        analyse, with their origins. Copies are recorded here; when the cleaning task
        failed as a whole (its worker lost, again and again), each of its documents is a
        failure."""
        try:
            items = keys.result()
        except Exception as exc:
            for origin in origins:
                self.fail(Failure(origin, _lost(exc), stage="clean"))
            return {}
        keep: dict[str, str] = {}
        for item in items:
            if isinstance(item, Failure):
                self.fail(item)
                continue
            article, sig = item
            verdict = self.dups.check(article.id, "", sig)
            if verdict.kind == "seen":
                self.progress.skipped += 1
            elif verdict.kind == "duplicate":
                assert verdict.duplicate_of is not None
                self.progress.duplicates += 1
                self.pending.add_duplicate(article, verdict.duplicate_of, verdict.similarity)
            else:
                keep[article.id] = article.origin or article.id
            self.report()
        return keep

    def _write(self, fut: Any, index: int, sent: dict[str, str]) -> None:
        try:
            res = fut.result()
        except Exception as exc:
            for aid, origin in sent.items():
                self.dups.settle(aid)
                self.fail(Failure(origin, _lost(exc), stage="parse"))
            return
        for f in res.failures:
            self.progress.failed += 1
            if self.on_failure:
                self.on_failure(f)
        for aid in res.failed:
            # an article that failed is no first copy for later ones (analyze forgets it too)
            self.dups.settle(aid)
        for k, v in res.counts.items():
            self.counts[k] += v
        self.progress.done += len(res.analysed)
        _write_tables(self.folder, res.tables, f"part-{index:06d}")
        self._flush(f"{index:06d}-client")
        self.report()

    def _flush(self, tag: str) -> None:
        """Write the failures and duplicates found here so far."""
        _write_tables(self.folder, self.pending.tables(), f"part-{tag}")
        self.pending = Rows()


def _lost(exc: BaseException) -> str:
    return (
        f"the Dask task holding it failed as a whole ({type(exc).__name__}: {exc}); "
        "not analysed, run it again"
    )


def _write_tables(folder: Path, tables: dict[str, Any], basename: str) -> None:
    """Each table into its dataset, split by month (hive-style ``month=2024-02``
    folders), one file per month named after the partition."""
    import pyarrow.dataset as pads

    for name, table in tables.items():
        ds = datasets()[name]
        pads.write_dataset(
            table,
            folder / name,
            format="parquet",
            partitioning=["month"] if ds.partitioned else None,
            partitioning_flavor="hive" if ds.partitioned else None,
            basename_template=basename + "-{i}.parquet",
            existing_data_behavior="overwrite_or_ignore",
        )


def _write_manifest(folder: Path, paths: Sequence[str], status: str, run: _Run) -> None:
    manifest = {
        "format": "communique-batch/1",
        "schema": SCHEMA,
        "store_schema_version": SCHEMA_VERSION,
        "communique": __version__,
        "coder": run.coder,
        "inputs": list(paths),
        "status": status,
        "datasets": list(DATASETS),
        "run": run.counts,
        "skipped": run.progress.skipped,
        "duplicates": run.progress.duplicates,
        "failures": run.progress.failed,
    }
    (folder / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
