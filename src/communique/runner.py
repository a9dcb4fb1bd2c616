"""A whole run into the store: stream inputs, skip what is stored, link duplicates, analyse
the rest in batches, record failures (with the stage that failed), report progress through
a callback (the CLI draws the bar; the library draws nothing).

With ``workers`` above 1 the batches are parsed and analysed in that many worker processes
(:mod:`communique._workers`) while this process reads, cleans, de-duplicates and writes:
one writer, batches stored in input order, so the store holds the same records as a
one-process run and stays resumable."""

from __future__ import annotations

import contextlib
import itertools
import os
import sqlite3
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from ._workers import Workers
from .dedup import DuplicateFilter
from .errors import UsageError
from .pipeline import Pipeline
from .records import Analysis, Article, Failure
from .sources import count_documents
from .store import CodedBy, Store, store_error
from .stories import StoryVectors, assign_stories, encode_analysis, keep_features, record_outlets

#: Batches handed to each worker process ahead of the one being stored: enough that no
#: worker waits for the writer, few enough that memory does not grow with the corpus.
AHEAD_PER_WORKER = 2


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity, not the machine's count)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # macOS, Windows: no affinity call
        return os.cpu_count() or 1


@dataclass
class Progress:
    """Counts so far, passed to ``on_progress`` after every article. ``total`` is the
    number of inputs when known in advance (None while streaming)."""

    done: int = 0  # analysed and stored
    skipped: int = 0  # already in the store (or earlier in this run)
    #: of the skipped, how many another coder coded (another version, registry, model or
    #: stance setting): `recode` re-codes them
    other_coder: int = 0
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
    workers: int = 1,
) -> RunSummary:
    """Analyse ``paths`` into the store at ``db``. A re-run skips what is stored; an
    interrupted run resumes; every input that fails is recorded with its reason.
    ``workers`` above 1 parses and analyses in that many processes, each building the
    pipeline from ``pipe.options`` (so ``pipe`` must be one its options alone build)."""
    if workers < 1:
        raise UsageError(f"--workers must be 1 or more, not {workers}")
    if workers > 1 and not pipe.rebuildable:
        raise UsageError(
            "worker processes build the pipeline from its Options: a pipeline with its own "
            "stages or spaCy object runs with workers=1"
        )
    t0 = time.perf_counter()
    store = Store.open(db)
    try:
        return _run(pipe, paths, store, t0, on_progress, on_failure, workers)
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
    workers: int,
) -> RunSummary:
    run_id = store.start_run(paths, coder=pipe.coder)
    run = {"articles": 0, "quotes": 0, "events": 0, "stance": 0, "mentions": 0, "stories": 0}
    prog = Progress(total=count_documents(paths))
    status = "interrupted"
    dups = DuplicateFilter(store)
    coded = CodedBy(store, pipe.coder)
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
                prog.other_coder += coded.another(item.id)
                report()
            elif verdict.kind == "duplicate":
                prog.duplicates += 1
                assert verdict.duplicate_of is not None
                store.record_duplicate(item, verdict.duplicate_of, verdict.similarity, run_id)
                report()
            else:
                in_flight[item.origin or item.id] = item.id
                yield item

    def stored(out: Analysis | Failure, encoded: StoryVectors | None = None) -> None:
        if isinstance(out, Failure):
            dups.settle(in_flight.pop(out.origin, ""))
            fail(out)
            return
        in_flight.pop(out.article.origin or out.article.id, None)
        signature = dups.settle(out.article.id)
        # checked again under the store's write lock: another process may have stored
        # the article, or a near-duplicate of it, while this one analysed it
        verdict = store.insert(out, run_id, signature)
        if verdict == "stored":
            prog.skipped += 1
            prog.other_coder += coded.another(out.article.id)
        elif verdict == "duplicate":
            prog.duplicates += 1
        else:
            # the article's story vectors are part of its analysis (encoded by the worker
            # that analysed it, or here, just after the stance stage encoded its sentences:
            # Encoder.pooled keeps them): the story pass after the run only assigns
            keep_features(store, out.article.id, encoded or encode_analysis(out))
            prog.done += 1
            run["articles"] += 1
            run["quotes"] += len(out.quotes)
            run["events"] += len(out.events)
            run["stance"] += len(out.stance)
            run["mentions"] += len(out.mentions)
        report()

    if prog.total is not None:  # a worker with no batch to analyse would only load models
        workers = max(1, min(workers, -(-prog.total // pipe.options.batch_size)))
    try:
        batches = _batches(fresh(), pipe.options.batch_size)
        if workers == 1:
            for batch in batches:
                for out in pipe.analyze(batch):
                    stored(out)  # its story vectors are encoded there, if it is stored
        else:
            with Workers(pipe.options, workers) as pool:
                ahead: deque[int] = deque()
                for batch in batches:
                    ahead.append(pool.submit(batch))
                    while len(ahead) > AHEAD_PER_WORKER * workers:
                        for out, encoded in pool.result(ahead.popleft(), report):
                            stored(out, encoded)
                while ahead:
                    for out, encoded in pool.result(ahead.popleft(), report):
                        stored(out, encoded)
        # the corpus-level pass: the new articles (and any stored before stories existed)
        # join stories; outlet rows are kept for the outlet comparison. Progress is
        # reported between articles, where a stop signal ends the pass (rolled back: the
        # next run assigns what is left)
        record_outlets(store, pipe.outlets)
        done = assign_stories(store, on_article=lambda n, total: report())
        run["stories"] = done.started - done.merged
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


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(itertools.islice(it, size)):
        yield batch
