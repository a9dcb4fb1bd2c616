"""Worker processes for a run. Each builds the pipeline from the run's options once (the
spaCy model, the registry and its matcher, the stance model) and analyses batches of
articles with :func:`~communique.pipeline.analyze_items`; the process that reads the
inputs and writes the store submits batches and takes their results back in submission
order, so the store is written by one process, in the order a one-process run writes it.

Processes are started with ``spawn`` (no copy of the parent's threads or open store), and
ignore SIGINT and SIGHUP: Ctrl-C reaches the whole process group, and the parent decides
how a run stops (it ends its workers itself). A worker that dies (killed, out of memory)
ends the run with an error instead of leaving it waiting for a batch that never comes."""

from __future__ import annotations

import multiprocessing
import pickle
import queue
import signal
from collections.abc import Callable, Sequence
from typing import Any

from .errors import PipelineError
from .pipeline import Options, analyze_items, process_pipeline
from .records import Analysis, Article, Failure
from .stories import StoryVectors, encode_analysis

#: Seconds between two looks at the workers (and two progress reports) while waiting.
POLL_SECONDS = 0.25
#: Seconds a worker is given to finish after it is told to stop.
JOIN_SECONDS = 10.0


def _picklable(exc: BaseException) -> BaseException:
    try:
        pickle.dumps(exc)
    except Exception:  # an exception holding an unpicklable object: its message goes back
        return PipelineError(f"a worker failed: {type(exc).__name__}: {exc}")
    return exc


def _work(options: Options, tasks: Any, results: Any) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "SIGHUP"):
        signal.signal(signal.SIGHUP, signal.SIG_IGN)
    try:
        pipe = process_pipeline(options)
        pipe.resolver  # noqa: B018  (loads the model, the registry and its matcher now)
    except Exception as exc:
        results.put((-1, False, _picklable(exc)))
        return
    while (task := tasks.get()) is not None:
        seq, batch = task
        try:
            results.put((seq, True, _with_story_vectors(analyze_items(batch, options))))
        except Exception as exc:  # analyze_items isolates articles: this is the batch's
            results.put((seq, False, _picklable(exc)))


def _with_story_vectors(
    outs: list[Analysis | Failure],
) -> list[tuple[Analysis | Failure, StoryVectors | None]]:
    """Each result with its story vectors (the lead's and every event's evidence sentence's,
    see :mod:`communique.stories`), encoded here so the encoder's work is spread over the
    workers: the writing process only assigns stories."""
    return [(o, encode_analysis(o) if isinstance(o, Analysis) else None) for o in outs]


class Workers:
    """``n`` worker processes analysing batches for one run; a context manager that ends
    them (at once when the run stops on an exception or a signal)."""

    def __init__(self, options: Options, n: int) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._tasks: Any = ctx.Queue()
        self._results: Any = ctx.Queue()
        self._procs = [
            ctx.Process(target=_work, args=(options, self._tasks, self._results), daemon=True)
            for _ in range(n)
        ]
        for p in self._procs:
            p.start()
        self._submitted = 0
        self._done: dict[int, list[tuple[Analysis | Failure, StoryVectors | None]]] = {}

    def __enter__(self) -> Workers:
        return self

    def __exit__(self, exc_type: object, *rest: object) -> None:
        if exc_type is None:
            self.close()
        else:
            self.terminate()

    def submit(self, batch: Sequence[Article]) -> int:
        """Queue a batch; returns its number for :meth:`result`."""
        seq = self._submitted
        self._tasks.put((seq, list(batch)))
        self._submitted += 1
        return seq

    def result(
        self, seq: int, waiting: Callable[[], None]
    ) -> list[tuple[Analysis | Failure, StoryVectors | None]]:
        """The results of batch ``seq``, one per article in order, each with its story
        vectors. ``waiting`` is called every POLL_SECONDS while they are not back (the
        run's chance to stop)."""
        while seq not in self._done:
            try:
                got, ok, payload = self._results.get(timeout=POLL_SECONDS)
            except queue.Empty:
                dead = [p.exitcode for p in self._procs if p.exitcode is not None]
                if dead:
                    raise PipelineError(
                        f"a worker process died (exit code {dead[0]}; killed, or out of "
                        "memory?); the run is marked interrupted and the same command run "
                        "again resumes it (with fewer --workers if memory is short)"
                    ) from None
                waiting()
                continue
            if not ok:
                raise payload
            self._done[got] = payload
        return self._done.pop(seq)

    def close(self) -> None:
        """Tell every worker to stop once the queue is empty, and wait for them."""
        for _ in self._procs:
            self._tasks.put(None)
        for p in self._procs:
            p.join(JOIN_SECONDS)
        self.terminate()

    def terminate(self) -> None:
        for p in self._procs:
            if p.is_alive():
                p.terminate()
        for p in self._procs:
            p.join(JOIN_SECONDS)
        self._tasks.cancel_join_thread()
        self._results.cancel_join_thread()
