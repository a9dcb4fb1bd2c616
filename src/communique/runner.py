"""A whole run into the store: stream inputs, skip what is stored, link duplicates, analyse
the rest in batches, record failures (with the stage that failed), report progress through
a callback (the CLI draws the bar; the library draws nothing)."""

from __future__ import annotations

import contextlib
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from .dedup import DuplicateFilter
from .pipeline import Pipeline
from .records import Article, Failure
from .store import Store, store_error


@dataclass
class Progress:
    """Counts so far, passed to ``on_progress`` after every article. ``total`` is the
    number of inputs when known in advance (None while streaming)."""

    done: int = 0  # analysed and stored
    skipped: int = 0  # already in the store (or earlier in this run)
    duplicates: int = 0  # linked to a first copy, not analysed
    failed: int = 0  # could not be read, cleaned or analysed
    total: int | None = None

    @property
    def seen(self) -> int:
        return self.done + self.skipped + self.duplicates + self.failed


@dataclass(frozen=True)
class RunSummary:
    """What a run did (``run``) and what the store holds after it (``store``)."""

    db: str
    run: dict[str, int]
    store: dict[str, int]
    progress: Progress
    seconds: float

    @property
    def failed(self) -> int:
        return self.progress.failed


def analyze_into_store(
    pipe: Pipeline,
    paths: list[str],
    db: str,
    *,
    on_progress: Callable[[Progress], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> RunSummary:
    """Analyse ``paths`` into the store at ``db``. A re-run skips what is stored; an
    interrupted run resumes; every input that fails is recorded with its reason."""
    t0 = time.perf_counter()
    store = Store.open(db)
    try:
        return _run(pipe, paths, store, t0, on_progress, on_failure)
    except sqlite3.Error as exc:  # read-only, full disk: one clear error, not a traceback
        raise store_error(exc, db) from exc
    finally:
        store.close()


def _run(
    pipe: Pipeline,
    paths: list[str],
    store: Store,
    t0: float,
    on_progress: Callable[[Progress], None] | None,
    on_failure: Callable[[Failure], None] | None,
) -> RunSummary:
    run_id = store.start_run(paths, coder=pipe.coder)
    run = {"articles": 0, "quotes": 0, "events": 0, "stance": 0, "mentions": 0}
    prog = Progress()
    status = "interrupted"
    dups = DuplicateFilter(store)
    in_flight: dict[str, str] = {}  # origin → article id, until its analysis comes back

    def report() -> None:
        if on_progress:
            on_progress(prog)

    def fail(item: Failure) -> None:
        prog.failed += 1
        store.record_failure(item, run_id)
        if on_failure:
            on_failure(item)
        report()

    def fresh() -> Iterator[Article]:
        for item in pipe.articles(pipe.documents(paths)):
            if isinstance(item, Failure):
                fail(item)
                continue
            verdict = dups.check(item.id, item.text)
            if verdict.kind == "seen":
                prog.skipped += 1
                report()
            elif verdict.kind == "duplicate":
                prog.duplicates += 1
                assert verdict.duplicate_of is not None
                store.record_duplicate(item, verdict.duplicate_of, verdict.similarity, run_id)
                report()
            else:
                in_flight[item.origin or item.id] = item.id
                yield item

    try:
        for out in pipe.analyze(fresh()):
            if isinstance(out, Failure):
                dups.settle(in_flight.pop(out.origin, ""))
                fail(out)
                continue
            in_flight.pop(out.article.origin or out.article.id, None)
            signature = dups.settle(out.article.id)
            # checked again under the store's write lock: another process may have stored
            # the article, or a near-duplicate of it, while this one analysed it
            verdict = store.insert(out, run_id, signature)
            if verdict == "stored":
                prog.skipped += 1
            elif verdict == "duplicate":
                prog.duplicates += 1
            else:
                prog.done += 1
                run["articles"] += 1
                run["quotes"] += len(out.quotes)
                run["events"] += len(out.events)
                run["stance"] += len(out.stance)
                run["mentions"] += len(out.mentions)
            report()
        status = "done"
    finally:
        # a store that cannot be written (full disk) cannot record the run's end either:
        # the error that stopped the run is the one to report
        with contextlib.suppress(sqlite3.Error):
            store.finish_run(
                run_id,
                articles=run["articles"],
                skipped=prog.skipped,
                failures=prog.failed,
                status=status,
            )
    return RunSummary(store.path, run, store.counts(), prog, time.perf_counter() - t0)
