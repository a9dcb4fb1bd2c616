"""Grouping articles into stories, incrementally: each new article joins the story it is
most like, starts a story of its own, or — when it is like several stories — merges them.

Candidates come from an index, not a scan: the stored articles published within
``window_days`` of the new one that share one of its most mentioned actors
(``story_keys``: actor key and day). Each candidate is scored

    text_weight · cos(lead vectors) + actor_weight · cos(actor mention counts)
    + event_weight · cos(directed event keys: source, target, type) − day_penalty · |days apart|

and a story's score is the mean of its candidates' (average link; ``linkage="single"``:
the best one). The article joins every story scored ``link`` or more — several are
merged — except a story whose happening its lead answers with a new one. Text alone does
not tell a retaliation from the act it answers (Russia expelling four German diplomats
four days after Germany expelled four Russians: the same words, actors and week), while
reactions and analyses days later must stay in the story. So each story has a
*happening*: its first day and the acts of their own (measures: sanctions, expulsions,
force; encounters: talks, agreements) that the leads of its articles of its first days
tell. An article whose lead tells such an act taken days after the story's first day, by
a party that took none of the story's own acts of its kind, is about a new happening and
does not join it; nor are two stories merged when one's happening is new after the
other's (the article joins the better linked). Reactions in words (condemnations,
protests, demands, support) never start a new happening. Articles are taken in a fixed
order — publication time, then id — so the same articles give the same stories, in one
run or article by article.

A story's id is ``s`` + the id of the article that started it; when stories merge, the
one that began first keeps its id and the others are recorded in ``story_merged``."""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable, Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import numpy as np

from ..stance import Encoder, shared_encoder
from ..store import Store
from ._events import OTHER_TYPE_EVIDENCE, SAME_EVIDENCE, group_acts, reports_of
from ._features import Features, StoryEvent, StoryVectors, day_of, features

#: Defaults, tuned on tests/gold/stories/tune_* (bench/stories.py --tune); rerun
#: bench/stories.py when one is changed.
WINDOW_DAYS = 10
TEXT_WEIGHT = 1.0
ACTOR_WEIGHT = 0.0
DAY_PENALTY = 0.06
EVENT_WEIGHT = 0.0
LINK = 0.51
#: How an article's scores against a story's articles (those in the window) make its score
#: against the story: "single" (the best) or "average" (their mean).
LINKAGE = "average"

#: Articles assigned per write transaction.
COMMIT_EVERY = 200

#: Acts that are a happening of their own when an article's lead tells them as taken days
#: after a story began (the guidelines' "a retaliation that is its own announcement", the
#: next round of talks): measures — PLOVER material conflict but for PROTEST, which like a
#: condemnation answers in words — and meetings and agreements. Reactions in words
#: (ACCUSE, PROTEST, REJECT, REQUEST, SUPPORT, THREATEN), aid and analyses told days
#: later stay in the story they answer.
MEASURES = frozenset({"SANCTION", "MOBILIZE", "COERCE", "ASSAULT"})
ENCOUNTERS = frozenset({"CONSULT", "AGREE"})

#: A story's happening is what the leads of its articles of its first day and of this many
#: days after tell; a measure or an encounter taken later than that, by a party that took
#: none of the story's own of its kind, is a new happening (a new story). Tuned on
#: tests/gold/stories/tune* (1 and 2 score the same); rerun bench/stories.py if changed.
NEW_AFTER_DAYS = 1

#: A follow-up told days later that retells, with its day, an act of a story's happening
#: ("four days after Iran's Revolutionary Guards seized the ship") is about that day: its
#: day penalty against that story counts the days from the act it retells, not from its
#: publication. Tuned on tests/gold/stories/tune*; rerun bench/stories.py if changed.
RETOLD = True

#: An act of its own told in a lead: (the day it was taken, "measure" or "encounter", its
#: source).
LeadAct = tuple[int, str, str | None]


@dataclasses.dataclass(frozen=True)
class StoryOptions:
    """How articles are grouped into stories and events into story events."""

    window_days: int = WINDOW_DAYS
    text_weight: float = TEXT_WEIGHT
    actor_weight: float = ACTOR_WEIGHT
    day_penalty: float = DAY_PENALTY
    event_weight: float = EVENT_WEIGHT
    link: float = LINK
    linkage: str = LINKAGE
    same_evidence: float = SAME_EVIDENCE
    other_type_evidence: float = OTHER_TYPE_EVIDENCE
    new_after_days: int | None = NEW_AFTER_DAYS  # None: new happenings are not told apart
    retold: bool = RETOLD  # days counted from a retold act's day (see RETOLD)


def actor_cosine(a: dict[str, int], b: dict[str, int]) -> float:
    if not a or not b:
        return 0.0
    dot = sum(v * b.get(k, 0) for k, v in a.items())
    if not dot:
        return 0.0
    na = sum(v * v for v in a.values()) ** 0.5
    nb = sum(v * v for v in b.values()) ** 0.5
    return float(dot / (na * nb))


def event_keys(events: Sequence[Any]) -> dict[str, int]:
    """Directed event keys (source>target:TYPE) counted, from StoryEvent rows or tuples."""
    out: dict[str, int] = {}
    for e in events:
        src, tgt, typ = (e.source, e.target, e.type) if hasattr(e, "type") else (e[1], e[2], e[3])
        if src and tgt:
            k = f"{src}>{tgt}:{typ}"
            out[k] = out.get(k, 0) + 1
    return out


def link_scores(
    new: Features,
    days: np.ndarray,
    actors: Sequence[dict[str, int]],
    vectors: np.ndarray,
    opts: StoryOptions,
    events: Sequence[dict[str, int]] = (),
) -> np.ndarray:
    """Scores of ``new`` against candidates given as arrays (days, actor counts, vectors,
    event keys)."""
    if not len(days):
        return np.zeros(0)
    text = vectors @ new.vector
    gap = np.abs(days - new.day)
    score = opts.text_weight * text
    if opts.actor_weight:  # a weight of 0 adds 0.0 to every score: the cosines are skipped
        act = np.array([actor_cosine(new.actors, a) for a in actors])
        score = score + opts.actor_weight * act
    score = score - opts.day_penalty * gap
    if opts.event_weight and events:
        mine = event_keys(new.events)
        score = score + opts.event_weight * np.array([actor_cosine(mine, e) for e in events])
    return np.asarray(score, dtype=np.float64)


def retold_acts(events: Sequence[StoryEvent]) -> list[LeadAct]:
    """The measures and encounters an article tells anywhere with a day of their own (not
    negated or hypothetical): the acts by which a follow-up names the happening it
    follows."""
    out = []
    for e in events:
        kind = "measure" if e.type in MEASURES else "encounter" if e.type in ENCOUNTERS else None
        if kind and e.dated_by == "event" and not (e.negated or e.hypothetical):
            day = day_of(e.date) if e.date and len(e.date) >= 10 else 0
            if day:
                out.append((day, kind, e.source))
    return out


def lead_acts(events: Sequence[StoryEvent]) -> list[LeadAct]:
    """The acts of their own (measures and encounters) an article's lead tells — its
    headline or first paragraph — with a day of their own: not negated or hypothetical,
    and not an actor acting on itself (the coder took one party twice)."""
    return retold_acts(
        [e for e in events if e.in_lead and (e.source is None or e.source != e.target)]
    )


@dataclasses.dataclass(frozen=True)
class Happening:
    """What a story is about, as the leads of its first articles tell it: its first
    (publication) day and the acts of their own they tell as taken by then."""

    first: int
    acts: tuple[LeadAct, ...]

    def answered_by(self, acts: Iterable[LeadAct], after: int) -> bool:
        """Whether ``acts`` include a new happening: one taken more than ``after`` days
        after the story's first day by a party that took none of the story's own acts of
        its kind (a retaliation, a counter-measure, talks held days later)."""
        own = {(kind, src) for _, kind, src in self.acts}
        return any(day > self.first + after and (kind, src) not in own for day, kind, src in acts)

    def retold_day(self, acts: Iterable[LeadAct]) -> int | None:
        """The day of the first of this happening's acts that ``acts`` tell again (the same
        day, kind and source), if any."""
        mine = set(self.acts)
        return min((a[0] for a in acts if a in mine), default=None)


@dataclasses.dataclass
class Pass:
    """What one assignment pass did."""

    assigned: int = 0
    started: int = 0  # new stories
    merged: int = 0  # stories merged into another
    touched: set[str] = dataclasses.field(default_factory=set)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class Assigner:
    """Assigns articles of ``store`` to stories; ``add`` one at a time, ``finish`` to
    refresh the stories touched (titles, dates, story events) and commit."""

    def __init__(
        self,
        store: Store,
        options: StoryOptions | None = None,
        encoder: Encoder | None = None,
    ) -> None:
        self.store = store
        self.opts = options or StoryOptions()
        self.encoder = encoder or shared_encoder()
        self.done = Pass()
        self._pending = 0

    # -- the index -----------------------------------------------------------------------
    def _features(self, article_id: str) -> Features:
        row = self.store.conn.execute(
            "SELECT * FROM story_features WHERE article_id = ?", (article_id,)
        ).fetchone()
        if row is not None:
            return Features.from_row(tuple(row))
        f = features(self.store, article_id, self.encoder)
        _save_features(self.store, f)
        # as stored (float16 vectors): an article scores the same whether its features
        # were encoded now or earlier (by a worker, or a run before)
        return Features.from_row(f.row())

    def candidates(
        self, f: Features
    ) -> list[tuple[str, str, int, dict[str, int], bytes, dict[str, int]]]:
        """Stored, assigned articles within the window sharing an index key with ``f``:
        (article id, story id, day, actor counts, vector bytes, event keys), in id order;
        the actor counts and event keys are empty when their weight is 0 (not read)."""
        keys = f.keys
        w = self.opts.window_days
        rows = self.store.conn.execute(
            f"""SELECT s.article_id, s.story_id, f.day, f.keys, f.vector, f.events
                FROM story_articles s JOIN story_features f ON f.article_id = s.article_id
                WHERE s.article_id IN (SELECT k.article_id FROM story_keys k
                    WHERE k.key IN ({",".join("?" * len(keys))}) AND k.day BETWEEN ? AND ?)
                ORDER BY s.article_id""",
            [*keys, f.day - w, f.day + w],
        )
        with_actors, with_events = bool(self.opts.actor_weight), bool(self.opts.event_weight)
        return [
            (
                r[0],
                r[1],
                int(r[2]),
                json.loads(r[3]) if with_actors else {},
                r[4],
                event_keys(json.loads(r[5])) if with_events else {},
            )
            for r in rows
        ]

    # -- assignment ----------------------------------------------------------------------
    def add(self, article_id: str) -> str | None:
        """Assign one stored article (a no-op, returning None, when it has a story)."""
        conn = self.store.conn
        if not conn.in_transaction:  # the write lock first: another run may assign it too
            conn.execute("BEGIN IMMEDIATE")
        if conn.execute(
            "SELECT 1 FROM story_articles WHERE article_id = ?", (article_id,)
        ).fetchone():
            return None
        f = self._features(article_id)
        cands = self.candidates(f)
        best: dict[str, float] = {}
        if cands:
            # one buffer, one conversion: the same float32 rows as converting each apart
            stored = np.frombuffer(b"".join(c[4] for c in cands), dtype=np.float16)
            vectors = stored.reshape(len(cands), -1).astype(np.float32)
            scores = link_scores(
                f,
                np.array([c[2] for c in cands]),
                [c[3] for c in cands],
                vectors,
                self.opts,
                [c[5] for c in cands],
            )
            per_story: dict[str, list[tuple[int, float]]] = {}  # story → (day, score)
            for c, s in zip(cands, scores, strict=True):
                per_story.setdefault(c[1], []).append((c[2], float(s)))
            for sid, got in per_story.items():
                linked = self._linked([s for _, s in got])
                if linked >= self.opts.link:
                    best[sid] = linked
            told = retold_acts(f.events) if self.opts.retold and not best else []
            for sid, got in per_story.items() if told else ():
                day = self.happening(sid).retold_day(told)
                if day is not None:  # a follow-up of this story's act: days from it
                    dp = self.opts.day_penalty
                    again = [s + dp * (abs(d - f.day) - abs(d - day)) for d, s in got]
                    if (linked := self._linked(again)) >= self.opts.link:
                        best[sid] = linked
        if best and self.opts.new_after_days is not None:
            best = self._same_happening(best, lead_acts(f.events))
        if not best:
            story = "s" + article_id
            score: float | None = None
            conn.execute(
                "INSERT INTO stories(id, updated) VALUES (?, ?)",
                (story, _now()),
            )
            self.done.started += 1
        else:
            story = self._merge(sorted(best))
            score = max(best.values())
        conn.execute(
            "INSERT INTO story_articles(article_id, story_id, day, score) VALUES (?,?,?,?)",
            (article_id, story, f.day, score),
        )
        self.done.assigned += 1
        self.done.touched.add(story)
        self._pending += 1
        if self._pending >= COMMIT_EVERY:
            self.flush()
        return story

    def _linked(self, scores: Sequence[float]) -> float:
        return max(scores) if self.opts.linkage == "single" else sum(scores) / len(scores)

    def happening(self, story: str) -> Happening:
        """A story's happening (see :class:`Happening`), read from its articles of its first
        days."""
        until = self.opts.new_after_days or 0
        conn = self.store.conn
        first = int(
            conn.execute(
                "SELECT min(day) FROM story_articles WHERE story_id = ?", (story,)
            ).fetchone()[0]
        )
        acts: set[LeadAct] = set()
        for (events,) in conn.execute(
            """SELECT f.events FROM story_articles s JOIN story_features f
               ON f.article_id = s.article_id WHERE s.story_id = ? AND s.day <= ?""",
            (story, first + until),
        ):
            told = lead_acts([StoryEvent(*e) for e in json.loads(events)])
            acts.update(a for a in told if a[0] <= first + until)
        return Happening(first, tuple(sorted(acts, key=str)))

    def _same_happening(self, linked: dict[str, float], acts: list[LeadAct]) -> dict[str, float]:
        """Of the stories an article is linked to, those it may join: not those whose
        happening its lead ``acts`` answer with a new one, and, best linked first, none
        whose happening is a new one after another's it joins (they would be merged)."""
        after = self.opts.new_after_days or 0
        hap = {sid: self.happening(sid) for sid in linked}
        kept: dict[str, float] = {}
        for sid in sorted(linked, key=lambda k: (-linked[k], k)):
            h = hap[sid]
            if h.answered_by(acts, after) or any(
                hap[k].answered_by(h.acts, after) or h.answered_by(hap[k].acts, after) for k in kept
            ):
                continue
            kept[sid] = linked[sid]
        return kept

    def _merge(self, stories: list[str]) -> str:
        """Merge ``stories`` into the one that began first (then the smaller id); returns
        its id."""
        if len(stories) == 1:
            return stories[0]
        conn = self.store.conn
        marks = ",".join("?" * len(stories))
        firsts = {
            r[0]: r[1]
            for r in conn.execute(
                f"""SELECT s.story_id, min(a.published || ' ' || a.id) FROM story_articles s
                    JOIN articles a ON a.id = s.article_id WHERE s.story_id IN ({marks})
                    GROUP BY s.story_id""",
                stories,
            )
        }
        keep = min(stories, key=lambda s: (firsts.get(s) or "", s))
        gone = [s for s in stories if s != keep]
        gm = ",".join("?" * len(gone))
        conn.execute(
            f"UPDATE story_articles SET story_id = ? WHERE story_id IN ({gm})", [keep, *gone]
        )
        conn.execute(f"DELETE FROM story_events WHERE story_id IN ({gm})", gone)
        conn.execute(f"DELETE FROM stories WHERE id IN ({gm})", gone)
        conn.execute(f"UPDATE story_merged SET into_id = ? WHERE into_id IN ({gm})", [keep, *gone])
        conn.executemany(
            "INSERT OR REPLACE INTO story_merged(id, into_id) VALUES (?, ?)",
            [(g, keep) for g in gone],
        )
        self.done.merged += len(gone)
        self.done.touched -= set(gone)
        return keep

    def flush(self) -> None:
        """Refresh the stories touched so far and commit."""
        for story in sorted(self.done.touched):
            refresh_story(self.store, story, self.opts)
        self.done.touched.clear()
        if self.store.conn.in_transaction:
            self.store.conn.commit()
        self._pending = 0

    def finish(self) -> Pass:
        self.flush()
        return self.done


def _save_features(store: Store, f: Features) -> None:
    store.conn.execute("INSERT INTO story_features VALUES (?,?,?,?,?,?)", f.row())
    store.conn.executemany(
        "INSERT INTO story_keys(key, day, article_id) VALUES (?,?,?)",
        [(k, f.day, f.article_id) for k in f.keys],
    )


def keep_features(store: Store, article_id: str, encoded: StoryVectors) -> None:
    """Write a just-stored article's story features, its vectors ``encoded`` where it was
    analysed (a worker process: the encoder's work is spread over the workers instead of
    done here when stories are assigned). Nothing when they are stored already or the
    texts are not the stored ones (then assignment encodes them)."""
    conn = store.conn
    if conn.execute("SELECT 1 FROM story_features WHERE article_id = ?", (article_id,)).fetchone():
        return
    f = features(store, article_id, None, encoded)
    if f is None:
        return
    conn.execute("BEGIN IMMEDIATE")
    try:
        if not conn.execute(
            "SELECT 1 FROM story_features WHERE article_id = ?", (article_id,)
        ).fetchone():
            _save_features(store, f)
    except BaseException:
        conn.rollback()
        raise
    conn.commit()


def _members(store: Store, story: str) -> list[tuple[Features, str | None, str | None, str | None]]:
    rows = store.conn.execute(
        """SELECT f.*, a.outlet, a.published, a.title FROM story_articles s
           JOIN story_features f ON f.article_id = s.article_id
           JOIN articles a ON a.id = s.article_id
           WHERE s.story_id = ? ORDER BY a.published, a.id""",
        (story,),
    ).fetchall()
    return [(Features.from_row(tuple(r)[:6]), r[6], r[7], r[8]) for r in rows]


def refresh_story(store: Store, story: str, opts: StoryOptions) -> None:
    """Rewrite a story's row (title, dates, counts) and its story events."""
    members = _members(store, story)
    conn = store.conn
    conn.execute("DELETE FROM story_events WHERE story_id = ?", (story,))
    if not members:
        conn.execute("DELETE FROM stories WHERE id = ?", (story,))
        return
    vectors = np.stack([m[0].vector for m in members])
    centrality = (vectors @ vectors.T).sum(axis=1)
    title = members[int(np.argmax(centrality))][3]  # the most typical article's headline
    acts = group_acts(
        reports_of([(m[0], m[1], m[2]) for m in members]),
        opts.same_evidence,
        opts.other_type_evidence,
    )
    conn.executemany(
        "INSERT INTO story_events(article_id, event_id, story_id, act) VALUES (?,?,?,?)",
        [(r.article_id, r.event.event_id, story, n) for n, act in enumerate(acts, 1) for r in act],
    )
    published = [m[2] for m in members if m[2]]
    conn.execute(
        """INSERT INTO stories(id, title, first, last, articles, outlets, events, updated)
           VALUES (?,?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET title=excluded.title,
           first=excluded.first, last=excluded.last, articles=excluded.articles,
           outlets=excluded.outlets, events=excluded.events, updated=excluded.updated""",
        (
            story,
            title,
            min(published) if published else None,
            max(published) if published else None,
            len(members),
            len({m[1] for m in members if m[1]}),
            len(acts),
            _now(),
        ),
    )


def order_for_assignment(store: Store, article_ids: Iterable[str] | None = None) -> list[str]:
    """Article ids in assignment order (publication time, then id): when ``article_ids``
    is None, every stored article without a story."""
    if article_ids is None:
        rows = store.conn.execute(
            "SELECT id, published FROM articles "
            "WHERE id NOT IN (SELECT article_id FROM story_articles)"
        )
        pairs = [(r[1] or "", r[0]) for r in rows]
    else:
        ids = list(dict.fromkeys(article_ids))
        pairs = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            pairs += [
                (r[1] or "", r[0])
                for r in store.conn.execute(
                    f"SELECT id, published FROM articles WHERE id IN ({','.join('?' * len(chunk))})",
                    chunk,
                )
            ]
    return [aid for _, aid in sorted(pairs)]


def assign_stories(
    store: Store,
    article_ids: Iterable[str] | None = None,
    *,
    options: StoryOptions | None = None,
    encoder: Encoder | None = None,
    on_article: Callable[[int, int], None] | None = None,
) -> Pass:
    """Assign stored articles (``article_ids``, or every one without a story) to stories,
    in assignment order; returns what was done."""
    a = Assigner(store, options, encoder)
    ids = order_for_assignment(store, article_ids)
    try:
        for n, aid in enumerate(ids, 1):
            a.add(aid)
            if on_article:
                on_article(n, len(ids))
        return a.finish()
    except BaseException:
        if store.conn.in_transaction:
            store.conn.rollback()
        raise


def refresh_articles(
    store: Store,
    article_ids: Iterable[str],
    *,
    options: StoryOptions | None = None,
    encoder: Encoder | None = None,
) -> int:
    """After a recode: compute the features of re-coded articles again (their events
    changed) and refresh the story events of their stories; the grouping is kept
    (``rebuild_stories`` groups again). Returns the stories refreshed."""
    opts = options or StoryOptions()
    a = Assigner(store, opts, encoder)
    ids = list(article_ids)
    touched: set[str] = set()
    with store.conn:
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            touched |= {
                r[0]
                for r in store.conn.execute(
                    f"SELECT story_id FROM story_articles WHERE article_id IN ({marks})", chunk
                )
            }
            store.conn.execute(f"DELETE FROM story_keys WHERE article_id IN ({marks})", chunk)
            store.conn.execute(f"DELETE FROM story_features WHERE article_id IN ({marks})", chunk)
        for aid in ids:
            a._features(aid)
        for story in sorted(touched):
            refresh_story(store, story, opts)
    return len(touched)


def clear_stories(store: Store, *, features_too: bool = False) -> None:
    """Forget every story (and, with ``features_too``, the index's stored vectors)."""
    with store.conn:
        for table in ("story_events", "story_articles", "stories", "story_merged"):
            store.conn.execute(f"DELETE FROM {table}")
        if features_too:
            store.conn.execute("DELETE FROM story_keys")
            store.conn.execute("DELETE FROM story_features")


def rebuild_stories(store: Store, *, options: StoryOptions | None = None, **kw: Any) -> Pass:
    """Group every stored article again from scratch (the stored vectors are reused)."""
    clear_stories(store)
    return assign_stories(store, None, options=options, **kw)


def record_outlets(store: Store, outlets: Any) -> None:
    """Keep the outlet rows (country, ownership) of the stored articles' outlets, found in
    ``outlets`` (an OutletTable) by each article's URL domain or outlet name."""
    by_name = {o.name.casefold(): o for o in outlets}
    rows = store.conn.execute(
        "SELECT outlet, min(url) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet"
    ).fetchall()
    found = []
    for name, url in rows:
        o = (outlets.by_domain(url) if url else None) or by_name.get(name.casefold())
        if o is not None:
            found.append((name, o.domain, o.country, o.ownership))
    with store.conn:
        store.conn.executemany(
            "INSERT OR REPLACE INTO outlets(name, domain, country, ownership) VALUES (?,?,?,?)",
            found,
        )
