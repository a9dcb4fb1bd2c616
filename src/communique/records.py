"""The public data model: plain, frozen, picklable records.

Every annotation is stand-off: ``start``/``end`` are character offsets into
``Article.text`` and ``text`` repeats what those offsets cover, so any record can be
checked against its evidence (``article.text[s.start:s.end] == s.text``).
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA = "communique/3"
#: Earlier schemas ``Analysis.from_dict`` still reads (and upgrades).
READABLE_SCHEMAS = ("communique/1", "communique/2", SCHEMA)

QuoteType = Literal["direct", "indirect", "mixed"]
MediaType = Literal["text/html", "text/plain"]

#: The 16 PLOVER event types (POLECAT), in the order of the PLOVER manual.
PLOVER_TYPES = (
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "PROTEST",
    "SANCTION",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
)
#: PLOVER types two parties do together, whoever a sentence makes the source ("Turkey and
#: Iraq signed an agreement", "held talks"): either way round is the same act.
MUTUAL_TYPES = frozenset({"AGREE", "CONSULT", "COOPERATE"})


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


def span_of(text: str, start: int, end: int) -> Span:
    """A Span over ``text[start:end]`` with surrounding white space trimmed off."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])


@dataclass(frozen=True, slots=True)
class RemovedSpan:
    """Boilerplate cut by the cleaner; offsets into the document text it was cut from."""

    start: int
    end: int
    reason: str
    text: str


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    url: str | None = None
    outlet: str | None = None
    title: str | None = None
    published: str | None = None  # ISO 8601; a date-time carries its offset when known
    published_evidence: str | None = None
    authors: tuple[str, ...] = ()
    language: str | None = "en"
    origin: str | None = None  # file path, "path#line" for JSONL, "-" for stdin
    extractor: str | None = None
    removed: tuple[RemovedSpan, ...] = ()


@dataclass(frozen=True, slots=True)
class Actor:
    id: str
    name: str
    kind: str  # state, government body, person, IGO, NGO, party, company, group
    code: str | None = None  # ISO3 for national actors, "IGO"/"NGO" otherwise
    country: str | None = None  # ISO 3166 alpha-3 when national
    sector: str | None = None  # GOV, MIL, DIP, LEG, ...
    role: str | None = None
    learned: bool = False  # learned from the article text, not from the registry


@dataclass(frozen=True, slots=True)
class Mention:
    id: int
    span: Span
    label: str  # spaCy entity label, or REGISTRY / PRONOUN / NOMINAL
    actor_id: str | None = None
    sentence: int = 0  # index of the sentence in the article (in the title, when in_title)
    in_title: bool = False  # the span points into Article.title, not Article.text


SourceKind = Literal["person", "organisation", "document", "unnamed"]
#: How a statement is framed: a reported clause ("said that …"), an object and its
#: predicate ("accused X of …"), an infinitive ("vowed to …"), quoted words named by a verb
#: ("called it "a farce""), quoted words beside a cue (""…," he said"), "according to X",
#: a speech noun ("X's warning that …") or a colon ("Peskov: "…"").
QuoteFrame = Literal[
    "clause", "object", "infinitive", "naming", "quoted", "according", "noun", "colon"
]


@dataclass(frozen=True, slots=True)
class Quote:
    """One statement: its content is one or more parts in text order ("The best way to
    push back," Schiff said, "is to …" is one quote of two parts)."""

    id: int
    type: QuoteType
    content: tuple[Span, ...]
    sentence: Span
    speaker: Span | None = None
    speaker_actor_id: str | None = None
    cue: Span | None = None
    addressee: Span | None = None
    cue_type: str | None = None  # the cue's base form: "say", "warn", "according to"
    source_kind: SourceKind | None = None
    frame: QuoteFrame | None = None
    in_title: bool = False  # every span points into Article.title, not Article.text

    @property
    def start(self) -> int:
        """Where the statement's first part starts."""
        return self.content[0].start

    @property
    def end(self) -> int:
        """Where the statement's last part ends."""
        return self.content[-1].end

    def covers(self, char: int) -> bool:
        """Is the character offset inside one of the content parts?"""
        return any(p.start <= char < p.end for p in self.content)


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    type: str  # one of PLOVER_TYPES
    evidence: Span  # the sentence
    trigger: Span
    source_actor_id: str | None = None
    target_actor_id: str | None = None
    source: Span | None = None
    target: Span | None = None
    mode: str | None = None
    cameo: str | None = None
    quad: str | None = None  # verbal_coop, material_coop, verbal_conf, material_conf
    intensity: float | None = None  # Goldstein-style, -10..+10
    negated: bool = False
    hypothetical: bool = False
    reported_by: int | None = None  # Quote.id carrying it, if any
    date: str | None = None  # ISO date the event happened, resolved against publication
    date_evidence: Span | None = None
    confidence: float = 0.5
    date_precision: Literal["day", "month", "year"] | None = None  # how much ``date`` says
    in_title: bool = False  # every span points into Article.title, not Article.text
    #: The same act stated again in the article (the lead repeated, a narration quoted):
    #: each further sentence that states it. The event is counted once.
    also: tuple[Span, ...] = ()


Polarity = Literal["negative", "neutral", "positive"]
HolderKind = Literal["speaker", "subject", "outlet"]


@dataclass(frozen=True, slots=True)
class Stance:
    """How one sentence treats one actor it names: the holder's stance toward the target
    mention, with the sentence as evidence. The holder is the quote's speaker for a
    mention inside a quote; else the actor that is the subject of the predicate governing
    the target ("Moscow" in "Moscow values its partnership with Beijing"); else the
    outlet. ``score`` is the probability of ``polarity`` (calibrated on
    development data; see BENCHMARKS.md)."""

    target_actor_id: str | None  # None: a named person or body the registry does not know
    polarity: Polarity
    score: float
    quote_id: int | None = None  # the quote whose content holds the target, if any
    id: int = 0
    target: Span | None = None  # the target mention
    mention_id: int | None = None
    evidence: Span | None = None  # the sentence
    holder_kind: HolderKind = "outlet"
    holder_actor_id: str | None = None  # the speaker's or subject's actor
    holder: Span | None = None  # the speaker's or subject's mention
    in_title: bool = False  # every span points into Article.title, not Article.text


@dataclass(frozen=True, slots=True)
class Analysis:
    """Everything communique knows about one article: the unit of output and storage."""

    article: Article
    actors: tuple[Actor, ...] = ()
    mentions: tuple[Mention, ...] = ()
    quotes: tuple[Quote, ...] = ()
    events: tuple[Event, ...] = ()
    stance: tuple[Stance, ...] = ()
    schema: str = SCHEMA

    def actor(self, actor_id: str | None) -> Actor | None:
        for a in self.actors:
            if a.id == actor_id:
                return a
        return None

    def to_dict(self) -> dict[str, Any]:
        d = dataclasses.asdict(self)
        return {"schema": d.pop("schema"), **d}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Analysis:
        if d.get("schema") not in READABLE_SCHEMAS:
            raise ValueError(
                f"unsupported schema {d.get('schema')!r}, expected one of {READABLE_SCHEMAS}"
            )
        a = dict(d["article"])
        a["authors"] = tuple(a.get("authors") or ())
        a["removed"] = tuple(RemovedSpan(**r) for r in a.get("removed") or ())
        return cls(
            article=Article(**a),
            actors=tuple(Actor(**x) for x in d.get("actors", ())),
            mentions=tuple(
                Mention(**{**m, "span": Span(**m["span"])}) for m in d.get("mentions", ())
            ),
            quotes=tuple(_quote(q) for q in d.get("quotes", ())),
            events=tuple(_event(e) for e in d.get("events", ())),
            stance=tuple(Stance(**_spans(s)) for s in d.get("stance", ())),
        )


def _spans(d: dict[str, Any]) -> dict[str, Any]:
    return {k: Span(**v) if isinstance(v, dict) else v for k, v in d.items()}


def _quote(d: dict[str, Any]) -> Quote:
    q = _spans(d)
    content = q["content"]
    # communique/1 had one content span; communique/2 a list of parts
    q["content"] = (content,) if isinstance(content, Span) else tuple(Span(**p) for p in content)
    return Quote(**q)


def _event(d: dict[str, Any]) -> Event:
    e = _spans(d)
    e["also"] = tuple(Span(**x) for x in e.get("also") or ())
    if "date_precision" not in e:  # communique/1: the precision is the date's length
        e["date_precision"] = date_precision(e.get("date"))
    return Event(**e)


def date_precision(iso: str | None) -> Literal["day", "month", "year"] | None:
    """How precise an ISO date string is: 2019-03-04 day, 2019-03 month, 2019 year."""
    if not iso:
        return None
    n = len(iso.split("T")[0])
    return "day" if n >= 10 else "month" if n >= 7 else "year"


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not become an article, and why."""

    origin: str
    reason: str
    code: str = "C100"
    stage: str | None = None  # the pipeline stage that failed; None when reading failed


@dataclass(frozen=True, slots=True)
class Document:
    """Bytes-level input after reading: decoded content plus what the source said about it."""

    origin: str
    content: str
    media_type: MediaType
    meta: dict[str, Any] = field(default_factory=dict)


_WS = re.compile(r"\s+")


def normalize_for_id(text: str) -> str:
    return _WS.sub(" ", unicodedata.normalize("NFKC", text)).strip().lower()


def article_id(outlet: str | None, text: str) -> str:
    """Stable id: the same outlet and the same (normalised) text give the same id."""
    h = hashlib.sha256(f"{(outlet or '').lower()}\n{normalize_for_id(text)}".encode())
    return h.hexdigest()[:16]


def lone_surrogate(text: str) -> int | None:
    """Where ``text`` holds a lone surrogate (``"\\ud800"``, as a JSON escape or a file
    name's undecodable byte can give), or None. Such text is not Unicode: it cannot be
    encoded, hashed into an id or stored, so it is refused where it enters."""
    # surrogates are the only code points UTF-8 cannot encode: the encoder finds the first
    # one at C speed (a regular expression took 1 ms on a 200 KB page)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None
