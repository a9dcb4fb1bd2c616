"""The pipeline: documents → articles → spaCy (batched through ``nlp.pipe``) → the declared
per-article stages (actors → quotes → events → stance) → :class:`~communique.records.Analysis`.

A stage is a named callable with what it needs and what it gives (as spaCy components
declare ``requires``/``assigns``). The pipeline runs the declared list in order; the list is
checked when the pipeline is built, so a stage whose needs no earlier stage gives fails
there, not half-way through a corpus. Every stage of every article is isolated: an
exception becomes a :class:`~communique.records.Failure` naming the stage, and the run goes
on with the next article.

To add a stage, declare it and pass the longer list::

    def framing(pipe, work):
        return {"framing": frames(work["doc"], work["quotes"])}

    Pipeline(stages=(*DEFAULT_STAGES, Stage("framing", ("doc", "quotes"), ("framing",), framing)))
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._headlines import Recaser, mark_passives, restored
from ._memory import release_free_memory
from ._version import __version__
from .actors import ActorIndex, ActorResolver, Registry
from .clean import Given, OutletTable, to_article
from .dates import parse_published
from .errors import InputError, PipelineError
from .events import act_key, code_events
from .nlp import PARSER_CHARS, TEXT_KEY, load_nlp, model_id
from .quotes import extract_quotes
from .records import Analysis, Article, Document, Event, Failure, MediaType
from .sources import IngestOptions, iter_documents, sniff_media_type
from .stance import StanceModel, stance_records

__all__ = [
    "DEFAULT_STAGES",
    "PROVIDED",
    "REQUIRED",
    "Options",
    "Pipeline",
    "Stage",
    "analyze_items",
    "check_stages",
    "process_pipeline",
]

#: Articles per ``nlp.pipe`` batch; larger batches help throughput, smaller ones progress.
BATCH_SIZE = 8

#: What every stage can read before any stage has run: the cleaned article, its spaCy
#: parse, and its publication day (a ``datetime.date`` or None).
PROVIDED = ("article", "doc", "day")
#: What the stages together must give for an Analysis to be assembled. ``stance`` is
#: optional (an empty tuple when no stage gives it).
REQUIRED = ("actor_index", "quotes", "events")

StageFn = Callable[["Pipeline", Mapping[str, Any]], Mapping[str, Any]]


@dataclass(frozen=True)
class Stage:
    """One per-article step: ``run(pipeline, work)`` reads ``needs`` from ``work`` and
    returns a mapping holding exactly ``gives``. Stages return new values; they never
    change what another stage gave."""

    name: str
    needs: tuple[str, ...]
    gives: tuple[str, ...]
    run: StageFn


def _actors(pipe: Pipeline, work: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"actor_index": pipe.resolver(work["doc"], work["day"])}


def _quotes(pipe: Pipeline, work: Mapping[str, Any]) -> Mapping[str, Any]:
    return {"quotes": tuple(extract_quotes(work["doc"], work["actor_index"]))}


def _events(pipe: Pipeline, work: Mapping[str, Any]) -> Mapping[str, Any]:
    quotes = list(work["quotes"])
    return {"events": tuple(code_events(work["doc"], work["actor_index"], quotes, work["day"]))}


def _stance(pipe: Pipeline, work: Mapping[str, Any]) -> Mapping[str, Any]:
    idx: ActorIndex = work["actor_index"]
    recs = stance_records(pipe.stance_model, work["doc"], idx.mentions, idx.actors, work["quotes"])
    return {"stance": tuple(recs)}


#: The stages communique runs, in order.
DEFAULT_STAGES: tuple[Stage, ...] = (
    Stage("actors", ("doc", "day"), ("actor_index",), _actors),
    Stage("quotes", ("doc", "actor_index"), ("quotes",), _quotes),
    Stage("events", ("doc", "day", "actor_index", "quotes"), ("events",), _events),
    Stage("stance", ("doc", "actor_index", "quotes"), ("stance",), _stance),
)


def _stages_for(options: Options) -> tuple[Stage, ...]:
    return tuple(st for st in DEFAULT_STAGES if options.stance or st.name != "stance")


def check_stages(stages: Sequence[Stage]) -> None:
    """Raise :class:`PipelineError` unless the stages can run in this order: every need
    given before it is needed, no name or output declared twice, every required output
    given."""
    have = set(PROVIDED)
    names: set[str] = set()
    for st in stages:
        if st.name in names:
            raise PipelineError(f"stage {st.name!r} is declared twice")
        names.add(st.name)
        missing = [n for n in st.needs if n not in have]
        if missing:
            raise PipelineError(
                f"stage {st.name!r} needs {missing}, which no earlier stage gives "
                f"(available: {sorted(have)}); move it after the stage that gives them"
            )
        again = [g for g in st.gives if g in have]
        if again:
            raise PipelineError(
                f"stage {st.name!r} gives {again}, already given before it; "
                "a stage may not replace another stage's output"
            )
        have |= set(st.gives)
    absent = [r for r in REQUIRED if r not in have]
    if absent:
        raise PipelineError(f"no stage gives {absent}, which every analysis needs")


@dataclass(frozen=True)
class Options:
    """Everything a run can be told, built once and passed down."""

    model: str | None = None
    batch_size: int = BATCH_SIZE
    outlets_files: tuple[Path, ...] = ()
    actors_files: tuple[Path, ...] = ()
    ingest: IngestOptions = field(default_factory=IngestOptions)
    #: Run the stance stage (the costliest: a MiniLM pass over every sentence that names
    #: an actor; BENCHMARKS.md, Stance). Off, every analysis has an empty stance list.
    stance: bool = True


class Pipeline:
    """Loads the model and the tables once; then analyses any number of articles."""

    def __init__(
        self,
        options: Options | None = None,
        *,
        nlp: Any = None,
        stages: Sequence[Stage] = DEFAULT_STAGES,
    ) -> None:
        self.options = options or Options()
        if not self.options.stance:
            stages = [st for st in stages if st.name != "stance"]
        check_stages(stages)
        self.stages = tuple(stages)
        self._nlp = nlp
        self._nlp_given = nlp is not None
        self.outlets = OutletTable.load(self.options.outlets_files)
        self._stance_model: StanceModel | None = None

    @property
    def nlp(self) -> Any:
        """The spaCy pipeline, loaded on first use: a run whose parsing happens in worker
        processes never loads it in the process that reads and stores."""
        if self._nlp is None:
            if any(st.name == "stance" for st in self.stages):
                # the stance session first: building it (and deriving its graph, the first
                # time) allocates and frees hundreds of MB, given back before the model
                # and the parses fill the heap (BENCHMARKS.md, "Memory of one worker")
                self.stance_model.encoder.load()
            self._nlp = load_nlp(self.options.model)
        return self._nlp

    @functools.cached_property
    def registry(self) -> Registry:
        return Registry.load(self.options.actors_files)

    @functools.cached_property
    def resolver(self) -> ActorResolver:
        return ActorResolver(self.nlp, self.registry)

    @functools.cached_property
    def recaser(self) -> Recaser:
        return Recaser(self.nlp, self.registry.names)

    def _title_to_parse(self, article: Article) -> Any:
        """What is parsed for an article's title: the title, or a Doc of its words as the
        sentence it stands for (see :mod:`communique._headlines`)."""
        return self.recaser.to_parse(self.nlp, article.title or "", article.text)

    def _title_parsed(self, doc: Any, article: Article) -> Any:
        """A title's parse with the title's own words (its text kept for doc_text)."""
        doc = mark_passives(restored(self.recaser.reparsed(self.nlp, doc)))
        doc.user_data[TEXT_KEY] = article.title or ""
        return doc

    @property
    def max_length(self) -> int:
        """The longest text the parser takes (without loading it when it is not loaded)."""
        return int(self._nlp.max_length) if self._nlp is not None else PARSER_CHARS

    @property
    def rebuildable(self) -> bool:
        """Whether its options alone build this pipeline (the default stages, no spaCy
        pipeline passed in): then a worker process can build the same one."""
        return not self._nlp_given and self.stages == _stages_for(self.options)

    @property
    def stance_model(self) -> StanceModel:
        """The stance classifier, loaded when the stance stage first runs (its MiniLM
        encoder is one per process, shared by every pipeline)."""
        if self._stance_model is None:
            self._stance_model = StanceModel()
        return self._stance_model

    @functools.cached_property
    def coder(self) -> dict[str, Any]:
        """What codes articles in this pipeline: communique's version, a hash of its code
        and tables (the shipped registry among them), the parser model, a hash of the
        --actors files and whether stance runs. A run records it; ``recode`` re-codes
        articles whose run's differs. Nothing is loaded to know it."""
        return {
            "version": __version__,
            "code": code_hash(),
            "model": model_id(self.options.model),
            "registry": _digest((str(i), f) for i, f in enumerate(self.options.actors_files)),
            "stance": self.options.stance,
        }

    def documents(self, paths: Iterable[str], **kw: Any) -> Iterator[Document | Failure]:
        return iter_documents(paths, self.options.ingest, **kw)

    def articles(
        self, items: Iterable[Document | Failure], given: Given | None = None
    ) -> Iterator[Article | Failure]:
        for item in items:
            if isinstance(item, Failure):
                yield item
                continue
            limit = self.max_length
            if item.media_type == "text/plain" and len(item.content) > PLAIN_TEXT_SLACK * limit:
                # cleaning would not bring it under the parser's limit, and cleaning a
                # text of hundreds of megabytes takes gigabytes: refused before it
                yield _over_limit(item.origin, "text", len(item.content), limit)
                continue
            try:
                yield to_article(item, self.outlets, given)
            except Exception as exc:  # isolate: one bad document never stops a run
                yield Failure(
                    item.origin, f"cleaning failed: {type(exc).__name__}: {exc}", stage="clean"
                )

    def analyze(
        self, articles: Iterable[Article], *, isolate: bool = True
    ) -> Iterator[Analysis | Failure]:
        """Analyse articles in ``nlp.pipe`` batches: one analysis per article, in input
        order; an article that cannot be analysed comes out as a Failure naming the stage
        (with ``isolate=False`` the exception propagates instead)."""
        refused: deque[tuple[int, Failure]] = deque()

        def parseable() -> Iterator[tuple[Any, tuple[int, Article]]]:
            # a title is parsed in the same batches, right after its text: one nlp.pipe
            # call instead of one nlp() call per title (about a third of a title's cost)
            for i, a in enumerate(articles):
                too_long = _too_long(a, self.max_length)
                if too_long:
                    refused.append((i, too_long))
                    continue
                yield a.text, (i, a)
                if _has_title(a):
                    yield self._title_to_parse(a), (i, a)

        docs = iter(self.nlp.pipe(parseable(), as_tuples=True, batch_size=self.options.batch_size))
        for doc, (i, article) in docs:
            title_doc = self._title_parsed(next(docs)[0], article) if _has_title(article) else None
            # the parse keeps its text to the character: kept for doc_text, not joined again
            doc.user_data[TEXT_KEY] = article.text
            while refused and refused[0][0] < i:
                yield refused.popleft()[1]
            yield self.analyze_doc(doc, article, isolate=isolate, title_doc=title_doc)
        yield from (f for _, f in refused)
        # parsing and the stance encoder free most of what they allocate: given back to
        # the system, not kept beside what the next batch allocates (see ._memory)
        release_free_memory()

    def analyze_doc(
        self, doc: Any, article: Article, *, isolate: bool = True, title_doc: Any = None
    ) -> Analysis | Failure:
        """Run the declared stages over one parsed article, then over its title (a
        headline carries attributions and acts too: "Pompeo says China must …"); records
        found in the title say so (``in_title``) and their spans point into the title.
        ``title_doc`` is the title's parse when the caller has it (parsed here if not)."""
        day = parse_published(article.published)
        body = self._run_stages({"article": article, "doc": doc, "day": day}, isolate, "")
        if isinstance(body, Failure) or not _has_title(article):
            return body
        if title_doc is None:
            title_doc = self._title_parsed(self.nlp(self._title_to_parse(article)), article)
        work = {"article": article, "doc": title_doc, "day": day}
        title = self._run_stages(work, isolate, "title ")
        return title if isinstance(title, Failure) else _with_title(body, title)

    def _run_stages(self, work: dict[str, Any], isolate: bool, where: str) -> Analysis | Failure:
        article: Article = work["article"]
        for st in self.stages:
            try:
                out = st.run(self, work)
                if set(out) != set(st.gives):
                    raise PipelineError(
                        f"stage {st.name!r} declared {list(st.gives)} but gave {sorted(out)}"
                    )
            except Exception as exc:
                if not isolate:
                    raise
                return Failure(
                    article.origin or article.id,
                    f"stage {where}{st.name!r} failed: {type(exc).__name__}: {exc}",
                    code=PipelineError.code,
                    stage=where + st.name,
                )
            work.update(out)
        return _assemble(work)

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
        out = next(self.analyze([result], isolate=False))
        if isinstance(out, Failure):
            raise InputError(out.origin, out.reason)
        return out


#: What codes a cleaned article: the files whose edits change stored records (a new CLI
#: option or export column does not call for a recode; a new lexicon entry does).
CODER_FILES = (
    "actors",
    "quotes",
    "events",
    "stance",
    "dates",
    "data",
    "nlp.py",
    "pipeline.py",
    "records.py",
)


@functools.cache
def code_hash() -> str:
    """A short hash of the installed code and data files that code articles
    (CODER_FILES): any edit to a rule, a lexicon or a table changes it."""
    root = Path(__file__).parent
    return _digest(
        (f.relative_to(root).as_posix(), f)
        for part in CODER_FILES
        for f in sorted([root / part, *(root / part).rglob("*")])
        if f.is_file() and "__pycache__" not in f.parts
    )


def _digest(files: Iterable[tuple[str, Path]]) -> str:
    """A short hash of named files' bytes, in the order given."""
    h = hashlib.sha256()
    for name, f in files:
        h.update(name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


@functools.lru_cache(maxsize=1)
def process_pipeline(options: Options) -> Pipeline:
    """This process's pipeline for ``options``: built on first use and kept, so a worker
    process loads the model, the registry and the stance model once."""
    return Pipeline(options)


def analyze_items(
    items: Iterable[Document | Article | Failure], options: Options
) -> list[Analysis | Failure]:
    """One result per item, in input order: a document is cleaned, an article parsed and
    analysed (in ``nlp.pipe`` batches), a failure passed on; whatever cannot be read or
    analysed is a Failure. A plain function of picklable arguments returning picklable
    records, so worker processes and Dask tasks run exactly what a one-process run does;
    the pipeline is :func:`process_pipeline`'s."""
    pipe = process_pipeline(options)
    ready = [it if isinstance(it, Article | Failure) else next(pipe.articles([it])) for it in items]
    analysed = pipe.analyze([a for a in ready if isinstance(a, Article)])
    return [next(analysed) if isinstance(a, Article) else a for a in ready]


def _has_title(article: Article) -> bool:
    return bool((article.title or "").strip())


def _assemble(work: Mapping[str, Any]) -> Analysis:
    idx: ActorIndex = work["actor_index"]
    used = {m.actor_id for m in idx.mentions if m.actor_id}
    # an act on a place names the place's state ("struck facilities in Odesa"), and an
    # unnamed group acting in one is of its state ("demonstrators blocked roads in Algiers")
    used |= {a for e in work["events"] for a in (e.source_actor_id, e.target_actor_id) if a}
    return Analysis(
        article=work["article"],
        actors=tuple(a for a in idx.actors.values() if a.id in used),
        mentions=tuple(idx.mentions),
        quotes=tuple(work["quotes"]),
        events=tuple(work["events"]),
        stance=tuple(work.get("stance", ())),
    )


def _with_title(body: Analysis, title: Analysis) -> Analysis:
    """The body's analysis with the title's records added after its own (ids go on). A
    headline event that restates an act the body states (same source, target, type, flags
    and date, or any date when the headline states none and is dated by its publication:
    "U.S. sanctions on Chinese tankers …" over a body's sanctions "on Thursday") is not a
    second event: the body's is the act, with its fuller sentence and its day; nor is a
    headline event with no target whose source, type and flags a body act has."""
    nm, nq, ne, ns = len(body.mentions), len(body.quotes), len(body.events), len(body.stance)
    known = {a.id for a in body.actors}
    acts = {act_key(e) for e in body.events}
    states = {a.id: (a.code or a.id)[:3] for a in (*body.actors, *title.actors)}

    def told(e: Event, target: bool = True) -> tuple[Any, ...]:
        """The act without its date, its parties as their states ("U.S." in a headline
        is "the Trump administration" in the text); without its target, if asked."""
        return (
            states.get(e.source_actor_id or ""),
            states.get(e.target_actor_id or "") if target else None,
            *act_key(e)[2:-1],
        )

    # a headline naming no target restates the body's act of that source and kind,
    # whomever the body aims it at ("Sweden drops Assange rape investigation")
    undated = {told(e) for e in body.events} | {told(e, target=False) for e in body.events}
    dated = {(*told(e, target=False), e.date) for e in body.events}
    new_acts = [
        e
        for e in title.events
        if act_key(e) not in acts
        and not (e.date_evidence is None and told(e) in undated)
        and not (e.target_actor_id is None and (*told(e), e.date) in dated)
    ]
    return dataclasses.replace(
        body,
        actors=body.actors + tuple(a for a in title.actors if a.id not in known),
        mentions=body.mentions
        + tuple(dataclasses.replace(m, id=m.id + nm, in_title=True) for m in title.mentions),
        quotes=body.quotes
        + tuple(dataclasses.replace(q, id=q.id + nq, in_title=True) for q in title.quotes),
        events=body.events
        + tuple(
            dataclasses.replace(
                e,
                id=ne + n,
                in_title=True,
                reported_by=None if e.reported_by is None else e.reported_by + nq,
            )
            for n, e in enumerate(new_acts)
        ),
        stance=body.stance
        + tuple(
            dataclasses.replace(
                s,
                id=s.id + ns,
                in_title=True,
                quote_id=None if s.quote_id is None else s.quote_id + nq,
                mention_id=None if s.mention_id is None else s.mention_id + nm,
            )
            for s in title.stance
        ),
    )


#: A plain text this many times over the parser's limit is refused before cleaning (page
#: furniture is never most of a text); HTML is measured after extraction.
PLAIN_TEXT_SLACK = 2


def _too_long(article: Article, limit: int) -> Failure | None:
    """The failure of an article whose text or title the parser refuses (spaCy's E088: it
    needs about 1 GB of memory per 100,000 characters), or None. Refused here, per
    article, so one giant input never stops a run nor every re-run after it."""
    for what, text in (("text", article.text), ("title", article.title or "")):
        if len(text) > limit:
            return _over_limit(article.origin or article.id, f"article {what}", len(text), limit)
    return None


def _over_limit(origin: str, what: str, chars: int, limit: int) -> Failure:
    return Failure(
        origin,
        f"{what} is {chars:,} characters, over the parser's limit of {limit:,}; split the "
        "input into articles",
        code=PipelineError.code,
        stage="parse",
    )
