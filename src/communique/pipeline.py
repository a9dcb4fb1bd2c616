"""The pipeline: documents → articles → spaCy (batched through ``nlp.pipe``) → actors →
quotes → events. Stages are plain functions; this module only wires them in order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .actors import ActorResolver, Registry
from .clean import Given, OutletTable, to_article
from .dates import parse_published
from .errors import InputError
from .events import code_events
from .nlp import load_nlp
from .quotes import extract_quotes
from .records import Analysis, Article, Document, Failure, MediaType
from .sources import IngestOptions, iter_documents, sniff_media_type

#: Articles per ``nlp.pipe`` batch; larger batches help throughput, smaller ones progress.
BATCH_SIZE = 32

#: The stages, in the order they run, with what each needs and gives (checked at build).
STAGES: tuple[tuple[str, tuple[str, ...], tuple[str, ...]], ...] = (
    ("clean", ("document",), ("article",)),
    ("parse", ("article",), ("doc",)),
    ("actors", ("doc",), ("mentions", "actors")),
    ("quotes", ("doc", "mentions"), ("quotes",)),
    ("events", ("doc", "mentions", "quotes"), ("events",)),
)


def _check_stages() -> None:
    have = {"document"}
    for name, needs, gives in STAGES:
        missing = set(needs) - have
        if missing:
            raise RuntimeError(f"stage {name!r} needs {sorted(missing)} before it")
        have |= set(gives)


@dataclass(frozen=True)
class Options:
    """Everything a run can be told, built once and passed down."""

    model: str | None = None
    batch_size: int = BATCH_SIZE
    outlets_files: tuple[Path, ...] = ()
    actors_files: tuple[Path, ...] = ()
    ingest: IngestOptions = field(default_factory=IngestOptions)


class Pipeline:
    """Loads the model and the tables once; then analyses any number of articles."""

    def __init__(self, options: Options | None = None, *, nlp: Any = None) -> None:
        _check_stages()
        self.options = options or Options()
        self.nlp = nlp if nlp is not None else load_nlp(self.options.model)
        self.outlets = OutletTable.load(self.options.outlets_files)
        self.registry = Registry.load(self.options.actors_files)
        self.resolver = ActorResolver(self.nlp, self.registry)

    def documents(self, paths: Iterable[str], **kw: Any) -> Iterator[Document | Failure]:
        return iter_documents(paths, self.options.ingest, **kw)

    def articles(
        self, items: Iterable[Document | Failure], given: Given | None = None
    ) -> Iterator[Article | Failure]:
        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            try:
                yield to_article(item, self.outlets, given)
            except Exception as exc:
                yield Failure(item.origin, f"cleaning failed: {type(exc).__name__}: {exc}")

    def analyze(self, articles: Iterable[Article]) -> Iterator[Analysis]:
        """Analyse articles in ``nlp.pipe`` batches; output order follows input order."""
        pairs = ((a.text, a) for a in articles)
        for doc, article in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=self.options.batch_size
        ):
            yield self.analyze_doc(doc, article)

    def analyze_doc(self, doc: Any, article: Article) -> Analysis:
        day = parse_published(article.published)
        idx = self.resolver(doc, day)
        quotes = extract_quotes(doc, idx)
        events = code_events(doc, idx, quotes, day)
        used = {m.actor_id for m in idx.mentions if m.actor_id}
        return Analysis(
            article=article,
            actors=tuple(a for a in idx.actors.values() if a.id in used),
            mentions=tuple(idx.mentions),
            quotes=tuple(quotes),
            events=tuple(events),
        )

    def analyze_text(
        self,
        text: str,
        *,
        url: str | None = None,
        outlet: str | None = None,
        published: str | None = None,
        html: bool | None = None,
    ) -> Analysis:
        media: MediaType = sniff_media_type(text)
        if html is not None:
            media = "text/html" if html else "text/plain"
        doc = Document("<text>", text, media)
        result = to_article(doc, self.outlets, Given(url=url, outlet=outlet, published=published))
        if isinstance(result, Failure):
            raise InputError(result.origin, result.reason)
        return next(self.analyze([result]))
