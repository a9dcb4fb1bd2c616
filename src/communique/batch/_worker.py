"""What runs on the Dask workers: a worker plugin that holds one Pipeline per worker
process (the spaCy model, the outlet table and the actor registry, loaded once, at the
first task), and the two tasks a partition goes through: cleaning (documents → articles
and their near-duplicate signatures) and analysis (the pipeline's own stages, then the
Parquet rows). Both are plain module-level functions: Dask pickles them by reference, so
every worker needs the same communique installed.
"""

from __future__ import annotations

import dataclasses
import hashlib
import tempfile
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin, get_worker

from ..dedup import Hasher, Signature
from ..errors import PipelineError
from ..pipeline import Options, Pipeline
from ..records import Article, Document, Failure
from ._layout import Rows

#: Prefix of the plugin's name on the cluster; the rest is a digest of the options and of
#: the --outlets/--actors files, so a second batch with the same ones reuses the loaded
#: model and one with others loads its own.
PLUGIN_PREFIX = "communique-pipeline-"


class PipelinePlugin(WorkerPlugin):
    """A Dask worker plugin carrying the
    options and the contents of the user's outlet and actor files, so that workers on
    other machines need only communique installed, not the files. The pipeline is built
    by the first task that needs it (not in ``setup``, which runs on the worker's event
    loop) and then kept for the worker's life."""

    idempotent = True  # registered again under the same name: keep the loaded one

    def __init__(self, options: Options) -> None:
        self.files = {
            "outlets": [(p.name, p.read_bytes()) for p in options.outlets_files],
            "actors": [(p.name, p.read_bytes()) for p in options.actors_files],
        }
        self.options = dataclasses.replace(options, outlets_files=(), actors_files=())
        digest = hashlib.sha256(repr(self.options).encode())
        for kind, files in self.files.items():
            for name, data in files:
                digest.update(f"\0{kind}\0{name}\0".encode() + data)
        self.name = PLUGIN_PREFIX + digest.hexdigest()[:16]
        self._pipeline: Pipeline | None = None
        self._lock = threading.Lock()
        self._folder: tempfile.TemporaryDirectory[str] | None = None

    def __getstate__(self) -> dict[str, Any]:
        return {"files": self.files, "options": self.options, "name": self.name}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._pipeline = None
        self._lock = threading.Lock()
        self._folder = None

    def setup(self, worker: Any) -> None:
        """Nothing to do until the first task (the hook Dask calls on registration)."""

    def teardown(self, worker: Any) -> None:
        if self._folder is not None:
            self._folder.cleanup()

    def pipeline(self) -> Pipeline:
        with self._lock:
            if self._pipeline is None:
                self._pipeline = Pipeline(self._local_options())
            return self._pipeline

    def _local_options(self) -> Options:
        """The options with the shipped files written to a folder of this worker."""
        self._folder = tempfile.TemporaryDirectory(prefix="communique-batch-")
        paths: dict[str, list[Path]] = {}
        for kind, files in self.files.items():
            paths[kind] = []
            for i, (name, data) in enumerate(files):
                path = Path(self._folder.name) / f"{kind}-{i}-{name}"
                path.write_bytes(data)
                paths[kind].append(path)
        return dataclasses.replace(
            self.options,
            outlets_files=tuple(paths["outlets"]),
            actors_files=tuple(paths["actors"]),
        )


def _plugin(name: str) -> PipelinePlugin:
    plugin = get_worker().plugins.get(name)
    if not isinstance(plugin, PipelinePlugin):
        raise PipelineError(f"the worker has no communique pipeline plugin {name!r}")
    return plugin


def worker_coder(plugin: str) -> dict[str, Any]:
    """What codes the articles on this worker (``Pipeline.coder``: version, code hash,
    model, registry, stance): the batch's manifest keeps it, and ``load`` records it as
    its run's, so ``recode`` knows the loaded codings as it knows analyze's."""
    return _plugin(plugin).pipeline().coder


@dataclass(frozen=True)
class Cleaned:
    """A partition after cleaning: articles (with their signatures) and failures, in
    input order. It stays on the worker; the client asks only for its ``keys``."""

    items: tuple[tuple[Article, Signature] | Failure, ...]

    def keys(self) -> tuple[tuple[Article, Signature] | Failure, ...]:
        """What the client's duplicate check needs: every field but the texts."""
        return tuple(
            x if isinstance(x, Failure) else (dataclasses.replace(x[0], text="", removed=()), x[1])
            for x in self.items
        )


def clean_partition(docs: Sequence[Document | Failure], plugin: str) -> Cleaned:
    """Documents → articles with their near-duplicate signatures (``Pipeline.articles``:
    the same cleaning, and the same per-document failures, as ``analyze``)."""
    pipe = _plugin(plugin).pipeline()
    hasher = Hasher()
    items: list[tuple[Article, Signature] | Failure] = []
    for item in pipe.articles(docs):
        items.append(item if isinstance(item, Failure) else (item, hasher.signature(item.text)))
    return Cleaned(tuple(items))


def partition_keys(cleaned: Cleaned) -> tuple[tuple[Article, Signature] | Failure, ...]:
    return cleaned.keys()


@dataclass(frozen=True)
class Analysed:
    """A partition's results: Arrow tables by dataset, the failures, and counts."""

    tables: dict[str, Any]
    failures: tuple[Failure, ...]
    counts: dict[str, int]
    analysed: tuple[str, ...]  # ids of the articles stored in ``tables``
    failed: tuple[str, ...]  # ids of the articles whose analysis failed


def analyse_partition(cleaned: Cleaned, keep: frozenset[str], plugin: str) -> Analysed:
    """Analyse the articles of ``cleaned`` whose ids are in ``keep`` (the rest are copies
    or repeats, settled by the client) with the pipeline's stages, batched through
    ``nlp.pipe`` as ``analyze`` does; each failure isolated to its article."""
    pipe = _plugin(plugin).pipeline()
    sigs = {a.id: s for x in cleaned.items if not isinstance(x, Failure) for a, s in [x]}
    sigs_taken: set[str] = set()
    todo: list[Article] = []
    for x in cleaned.items:
        # the first of the articles with a kept id (a later one with the same id is a
        # repeat, in this partition too, and the client counted it as seen)
        if not isinstance(x, Failure) and x[0].id in keep and x[0].id not in sigs_taken:
            sigs_taken.add(x[0].id)
            todo.append(x[0])
    rows = Rows()
    failures: list[Failure] = []
    counts = dict.fromkeys(("articles", "quotes", "events", "stance", "mentions"), 0)
    done: list[str] = []
    for out in pipe.analyze(todo):
        if isinstance(out, Failure):
            failures.append(out)
            rows.add_failure(out)
            continue
        rows.add_analysis(out, sigs[out.article.id])
        done.append(out.article.id)
        counts["articles"] += 1
        for k in ("quotes", "events", "stance", "mentions"):
            counts[k] += len(getattr(out, k))
    ok = set(done)
    failed = tuple(a.id for a in todo if a.id not in ok)
    return Analysed(rows.tables(), tuple(failures), counts, tuple(done), failed)
