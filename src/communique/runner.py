"""A whole run into the store: stream inputs, skip what is stored, analyse the rest in
batches, record failures, report progress."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from typing import Any

from .dedup import Hasher, Index, Signature, best_match
from .pipeline import Pipeline
from .records import Article, Failure
from .store import Store


def analyze_into_store(
    pipe: Pipeline,
    paths: list[str],
    db: str,
    *,
    progress: bool = True,
    on_failure: Callable[[Failure], None] | None = None,
) -> dict[str, Any]:
    """Analyse ``paths`` into the store at ``db``; returns counts for a summary."""
    t0 = time.perf_counter()
    store = Store.open(db)
    run_id = store.start_run(paths)
    run = {"articles": 0, "quotes": 0, "events": 0, "mentions": 0}
    state = {"skipped": 0, "failed": 0, "duplicates": 0}
    status = "interrupted"
    hasher = Hasher()
    pending = Index()  # accepted, not stored yet: what the store cannot answer for
    signatures: dict[str, Signature] = {}  # the same, by article id

    def fresh() -> Iterator[Article]:
        for item in pipe.articles(pipe.documents(paths)):
            if isinstance(item, Failure):
                state["failed"] += 1
                store.record_failure(item, run_id)
                if on_failure:
                    on_failure(item)
                continue
            if item.id in signatures or store.has_article(item.id):  # in flight, or stored
                state["skipped"] += 1
                continue
            sig = hasher.signature(item.text)
            match = best_match(sig, [*store.similar(sig), *pending.candidates(sig)])
            if match is not None:
                state["duplicates"] += 1
                store.record_duplicate(item, match[0], match[1], run_id)
                continue
            pending.add(item.id, sig)
            signatures[item.id] = sig
            yield item

    bar = _progress(progress)
    try:
        with bar:
            task = bar.add_task("analysing", total=None)
            for analysis in pipe.analyze(fresh()):
                stored = store.add(analysis, run_id, signatures.pop(analysis.article.id, None))
                pending.remove(analysis.article.id)  # the store answers for it from now on
                if stored:
                    run["articles"] += 1
                    run["quotes"] += len(analysis.quotes)
                    run["events"] += len(analysis.events)
                    run["mentions"] += len(analysis.mentions)
                bar.update(task, advance=1, description=f"analysing ({state['failed']} failed)")
        status = "done"
    finally:
        store.finish_run(
            run_id,
            articles=run["articles"],
            skipped=state["skipped"],
            failures=state["failed"],
            status=status,
        )
        counts = store.counts()
        store.close()
    return {
        "db": db,
        "run": run,
        "store": counts,
        "skipped": state["skipped"],
        "failed": state["failed"],
        "duplicates": state["duplicates"],
        "seconds": time.perf_counter() - t0,
    }


def _progress(enabled: bool) -> Any:
    from rich.console import Console
    from rich.progress import (
        MofNCompleteColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
    )

    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        MofNCompleteColumn(),
        TextColumn("articles"),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        disable=not enabled,
        transient=False,
    )
