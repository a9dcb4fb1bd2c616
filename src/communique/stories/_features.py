"""What story assignment knows of an article, read from the store once and kept in the
``story_features`` table: its publication day, its actors (keys counted over its
mentions), a text vector of its headline and lead, and its events with a vector of each
one's evidence sentence.

Vectors are all-MiniLM-L6-v2 sentence vectors (the stance stage's int8 ONNX encoder,
mean-pooled over the word pieces and scaled to length 1), stored as float16."""

from __future__ import annotations

import dataclasses
import json
import re
from collections import Counter
from collections.abc import Sequence
from datetime import date
from typing import Any, overload

import numpy as np

from ..events import joint_act
from ..stance import Encoder, shared_encoder
from ..store import Store

#: Characters of the article text read after the headline for its vector: the lead, where
#: an article says what happened (the encoder reads at most 256 word pieces anyway).
LEAD_CHARS = 600

#: Actor keys of an article put in the candidate index: its most mentioned ones.
INDEX_KEYS = 6

#: Actor codes that say nothing about which happening an article is about.
_NO_KEY = {"IGO", "NGO"}

_SENTENCE_END = re.compile(r"(?<=[.!?…])[\"”’»]?\s")


@dataclasses.dataclass(frozen=True)
class StoryEvent:
    """One event row of an article, as story event de-duplication reads it."""

    event_id: int
    source: str | None  # the source actor's code, else its id
    target: str | None
    type: str
    negated: bool
    hypothetical: bool
    date: str | None  # the event's own date, else the publication day
    dated_by: str  # "event" or "published"
    repeats: int  # further sentences of the article stating it (Event.also)
    evidence: str
    # told in the headline or the text's first paragraph (the lead, as the event exports
    # define it); False in features stored before it was kept (stories then tell no new
    # happening by them until their features are computed again)
    in_lead: bool = False
    # the sentence codes the act the other way round too ("Russia and Ukraine swapped
    # prisoners", "clashes between the army and the RSF"): one act between the two, as a
    # mutual type is; False in features stored before it was kept
    both_ways: bool = False


@dataclasses.dataclass(frozen=True)
class Features:
    article_id: str
    day: int  # the publication day (proleptic ordinal), as written in the article's time zone
    actors: dict[str, int]  # actor key → mentions
    vector: np.ndarray  # (DIM,) float32, length 1
    events: tuple[StoryEvent, ...]
    event_vectors: np.ndarray  # (len(events), DIM) float32, length 1 each

    @property
    def keys(self) -> list[str]:
        """The actor keys put in the index: the most mentioned first (ties by name)."""
        ranked = sorted(self.actors.items(), key=lambda kv: (-kv[1], kv[0]))
        return [k for k, _ in ranked[:INDEX_KEYS]] or ["*"]

    def row(self) -> tuple[Any, ...]:
        return (
            self.article_id,
            self.day,
            json.dumps(self.actors, sort_keys=True),
            self.vector.astype(np.float16).tobytes(),
            json.dumps([dataclasses.astuple(e) for e in self.events]),
            self.event_vectors.astype(np.float16).tobytes(),
        )

    @classmethod
    def from_row(cls, r: Sequence[Any]) -> Features:
        events = tuple(StoryEvent(*e) for e in json.loads(r[4]))
        ev = np.frombuffer(r[5], dtype=np.float16).astype(np.float32)
        return cls(
            article_id=r[0],
            day=int(r[1]),
            actors=json.loads(r[2]),
            vector=np.frombuffer(r[3], dtype=np.float16).astype(np.float32),
            events=events,
            event_vectors=ev.reshape(len(events), -1) if events else np.zeros((0, 0)),
        )


def day_of(published: str | None) -> int:
    """The publication day as an ordinal (the date as written, before any time zone is
    applied); 0 when the article has no date."""
    if not published or len(published) < 10:
        return 0
    try:
        return date.fromisoformat(published[:10]).toordinal()
    except ValueError:
        return 0


def actor_key(actor_id: str, code: str | None) -> str:
    """The key an actor counts under: its country code, else (IGOs, NGOs, groups without a
    country) its id."""
    return code if code and code not in _NO_KEY else actor_id


def lead(title: str | None, text: str) -> str:
    """The headline and the first sentences of the text, up to about LEAD_CHARS."""
    head = text[:LEAD_CHARS]
    ends = [m.end() for m in _SENTENCE_END.finditer(head)]
    if ends and len(text) > LEAD_CHARS:
        head = head[: ends[-1]]
    return f"{title}.\n{head}".strip() if title else head.strip()


def sentence_vectors(encoder: Encoder, texts: Sequence[str]) -> np.ndarray:
    """Mean-pooled MiniLM vectors of ``texts``, each scaled to length 1 (rows in order)."""
    from ..stance import DIM

    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    out = np.stack(encoder.pooled(list(texts)))  # the stance stage's, when it encoded them
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    return np.asarray(out / np.where(norms > 0, norms, 1.0), dtype=np.float32)


_EVENTS = """
    SELECT e.id, sa.code, sa.id, ta.code, ta.id, e.type, e.negated, e.hypothetical, e.date,
           e.evidence_text, coalesce(json_array_length(e.also), 0),
           (e.in_title OR instr(a.text, char(10)) = 0
              OR e.evidence_start < instr(a.text, char(10))),
           e.trigger_text
    FROM events e JOIN articles a ON a.id = e.article_id
    LEFT JOIN actors sa ON sa.article_id = e.article_id AND sa.id = e.source_actor_id
    LEFT JOIN actors ta ON ta.article_id = e.article_id AND ta.id = e.target_actor_id
    WHERE e.article_id = ? ORDER BY e.id"""

_ACTORS = """
    SELECT x.id, x.code FROM mentions m
    JOIN actors x ON x.article_id = m.article_id AND x.id = m.actor_id
    WHERE m.article_id = ?"""


#: The texts an article's vectors are of (its lead, then its events' evidence sentences, in
#: event order) with their vectors: computed where the article was analysed (a worker
#: process), so the process that assigns stories does not encode them again.
StoryVectors = tuple[tuple[str, ...], np.ndarray]


def analysis_texts(analysis: Any) -> tuple[str, ...]:
    """The texts :func:`features` encodes for an analysed article, in its order."""
    art = analysis.article
    return (lead(art.title, art.text), *(e.evidence.text for e in analysis.events))


def encode_analysis(analysis: Any, encoder: Encoder | None = None) -> StoryVectors:
    """An analysed article's story vectors, computed now (in the process that analysed it)."""
    texts = analysis_texts(analysis)
    return texts, sentence_vectors(encoder or shared_encoder(), texts)


@overload
def features(
    store: Store, article_id: str, encoder: Encoder, encoded: StoryVectors | None = None
) -> Features: ...
@overload
def features(
    store: Store, article_id: str, encoder: None, encoded: StoryVectors
) -> Features | None: ...
def features(
    store: Store, article_id: str, encoder: Encoder | None, encoded: StoryVectors | None = None
) -> Features | None:
    """An article's features, read from the store; its vectors are ``encoded``'s when they
    are of the same texts (computed where the article was analysed), else encoded now
    (without an encoder: None)."""
    row = store.conn.execute(
        "SELECT title, text, published FROM articles WHERE id = ?", (article_id,)
    ).fetchone()
    title, text, published = row[0], row[1], row[2]
    actors = Counter(actor_key(r[0], r[1]) for r in store.conn.execute(_ACTORS, (article_id,)))
    events = []
    joint = []  # whether each event's trigger names an act two sides do together
    for r in store.conn.execute(_EVENTS, (article_id,)):
        when = r[8] or (published[:10] if published else None)
        events.append(
            StoryEvent(
                event_id=int(r[0]),
                source=actor_key(r[2], r[1]) if r[2] else None,
                target=actor_key(r[4], r[3]) if r[4] else None,
                type=r[5],
                negated=bool(r[6]),
                hypothetical=bool(r[7]),
                date=when,
                dated_by="event" if r[8] else "published",
                repeats=int(r[10]),
                evidence=r[9] or "",
                in_lead=bool(r[11]),
            )
        )
        joint.append(joint_act(r[12] or ""))
    events = _mark_both_ways(events, joint)
    texts = (lead(title, text), *(e.evidence for e in events))
    if encoded is not None and encoded[0] == texts:
        vectors = encoded[1]
    elif encoder is None:
        return None
    else:
        vectors = sentence_vectors(encoder, texts)
    return Features(
        article_id=article_id,
        day=day_of(published),
        actors=dict(sorted(actors.items())),
        vector=vectors[0],
        events=tuple(events),
        event_vectors=vectors[1:],
    )


def _mark_both_ways(events: list[StoryEvent], joint: list[bool]) -> list[StoryEvent]:
    """The events, each one of an act two sides do together (``joint``: its trigger a swap,
    an exchange, clashes, :func:`joint_act`) marked ``both_ways`` when its sentence also
    codes the act the other way round (same type and flags, source and target swapped)."""
    told = {(e.evidence, e.type, e.negated, e.hypothetical, e.source, e.target) for e in events}
    return [
        dataclasses.replace(e, both_ways=True)
        if two_sided
        and e.source is not None
        and e.target is not None
        and e.source != e.target
        and (e.evidence, e.type, e.negated, e.hypothetical, e.target, e.source) in told
        else e
        for e, two_sided in zip(events, joint, strict=True)
    ]
