"""Re-coding: run the per-article stages again over stored articles after the registry, an
actors file or communique itself changed, as a new run. The articles' cleaned texts are
read back from the store (nothing is fetched or cleaned again); each article's new coding
replaces its records in one transaction, and the coding replaced is kept, queryable by its
run (``--run``), until pruned."""

from __future__ import annotations

import dataclasses
import sqlite3
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from .pipeline import Pipeline
from .records import Article, Failure
from .store import CodedBy, Filters, Store, iter_query, store_error
from .stories import refresh_articles

#: The record tables whose rows a recode counts before and after.
COUNTED = ("mentions", "quotes", "events", "stance")


@dataclass
class RecodeProgress:
    """Counts so far, passed to ``on_progress`` after every article."""

    total: int
    done: int = 0  # re-coded (changed or not)
    changed: int = 0  # at least one record differs from the coding it replaced
    current: int = 0  # left alone: already coded by this coder (without ``every``)
    failed: int = 0  # a stage failed: the article keeps its coding

    @property
    def seen(self) -> int:
        return self.done + self.current + self.failed


@dataclass(frozen=True)
class RecodeSummary:
    """What a recode did: its run id, its progress counts, and the store's record counts
    before and after."""

    db: str
    run_id: int | None  # None when no article needed re-coding
    progress: RecodeProgress
    before: dict[str, int] = field(default_factory=dict)
    after: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def recode_store(
    pipe: Pipeline,
    db: str,
    filters: Filters | None = None,
    *,
    every: bool = False,
    on_progress: Callable[[RecodeProgress], None] | None = None,
    on_failure: Callable[[Failure], None] | None = None,
) -> RecodeSummary:
    """Re-code the stored articles that ``filters`` select (all by default) whose coding
    was made by another coder than ``pipe``'s (another version or code, registry, model
    or stance setting; ``every`` re-codes them all). An interrupted recode run again
    goes on where it stopped: what it re-coded is current."""
    t0 = time.perf_counter()
    store = Store.open(db)
    try:
        return _recode(pipe, store, filters or Filters(), every, t0, on_progress, on_failure)
    except sqlite3.Error as exc:
        raise store_error(exc, db) from exc
    finally:
        store.close()


def _recode(
    pipe: Pipeline,
    store: Store,
    filters: Filters,
    every: bool,
    t0: float,
    on_progress: Callable[[RecodeProgress], None] | None,
    on_failure: Callable[[Failure], None] | None,
) -> RecodeSummary:
    ids = [r["id"] for r in iter_query(store, "articles", filters)]
    before = _counts(store)
    prog = RecodeProgress(total=len(ids))
    coded = CodedBy(store, pipe.coder)
    todo = [aid for aid in ids if every or coded.another(aid)]
    prog.current = len(ids) - len(todo)
    if not todo:  # nothing stale: no run is recorded
        return RecodeSummary(store.path, None, prog, before, before, time.perf_counter() - t0)
    asked = [f"{k}={v}" for k, v in dataclasses.asdict(filters).items() if v]
    run_id = store.start_run(["recode", *asked], kind="recode", coder=pipe.coder)
    status = "interrupted"

    def articles() -> Iterator[Article]:
        for aid in todo:
            yield store.article(aid)

    recoded: list[str] = []
    try:
        for out in pipe.analyze(articles()):
            if isinstance(out, Failure):
                prog.failed += 1
                store.record_failure(out, run_id)
                if on_failure:
                    on_failure(out)
            else:
                prog.done += 1
                prog.changed += store.replace_coding(out, run_id)
                recoded.append(out.article.id)
            if on_progress:
                on_progress(prog)
        # the story events of the stories these articles are in, from their new events
        refresh_articles(store, recoded)
        status = "done"
    finally:
        store.finish_run(
            run_id, articles=prog.done, skipped=prog.current, failures=prog.failed, status=status
        )
    return RecodeSummary(store.path, run_id, prog, before, _counts(store), time.perf_counter() - t0)


def _counts(store: Store) -> dict[str, int]:
    counts = store.counts()
    return {name: counts[name] for name in COUNTED}
