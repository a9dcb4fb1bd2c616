"""Story events: within a story, the event rows that report one act — the same thing told
by several articles and outlets, or by one article's follow-up days later — become one
story event, counted once, that lists every article and outlet reporting it.

Two reports of a story are the same act when

1. they have the same source, target, PLOVER type and flags (negated, hypothetical) —
   source and target either way round for mutual acts (AGREE, CONSULT, COOPERATE) —, and
   their dates are within ``MERGE_DAYS`` of each other, or one of them has no date of its
   own (it is dated by its article's publication: a later article retelling the act); or
2. they have the same type and flags, their sources and targets do not contradict each
   other (equal, or one of them unknown), and their evidence sentences say the same
   thing in other words: MiniLM sentence vectors with a cosine of ``SAME_EVIDENCE`` or
   more.

Reports of one article are not merged with each other (the event coder has already made
one event of an act an article states twice, ``Event.also``), except a mutual act coded
both ways round from one sentence; the rule is applied as a union of pairs, so reports
A~B and B~C make one act of all three.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from datetime import date

import numpy as np

from ._features import Features, StoryEvent

#: Reports dated this many days apart or less are one act (issue 13: "date within a day").
MERGE_DAYS = 1

#: Acts that are mutual: "Turkey and Iraq signed an agreement" is one act whichever of
#: the two an outlet's sentence (and so the coder) makes the source.
MUTUAL = frozenset({"AGREE", "CONSULT", "COOPERATE"})

#: Evidence sentences with at least this cosine (MiniLM sentence vectors) state the same
#: act in other words. Tuned on tests/gold/stories/tune_*; rerun bench/stories.py if changed.
SAME_EVIDENCE = 0.45


@dataclasses.dataclass(frozen=True)
class Report:
    """One event row of a story's article."""

    article_id: str
    event: StoryEvent
    outlet: str | None
    published: str | None
    vector: np.ndarray


def _day(iso: str | None) -> date | None:
    if not iso or len(iso) < 10:
        return None
    try:
        return date.fromisoformat(iso[:10])
    except ValueError:
        return None


def _dates_agree(a: StoryEvent, b: StoryEvent) -> bool:
    if a.dated_by == "published" or b.dated_by == "published":
        return True
    da, db = _day(a.date), _day(b.date)
    if da is None or db is None:
        return a.date == b.date
    return abs((da - db).days) <= MERGE_DAYS


def _compatible(x: str | None, y: str | None) -> bool:
    return x is None or y is None or x == y


def same_act(a: Report, b: Report, same_evidence: float = SAME_EVIDENCE) -> bool:
    """Whether two reports of different articles of a story tell the same act (the
    module's rules)."""
    ea, eb = a.event, b.event
    if (ea.type, ea.negated, ea.hypothetical) != (eb.type, eb.negated, eb.hypothetical):
        return False
    pairs = [(eb.source, eb.target)]
    if ea.type in MUTUAL:
        pairs.append((eb.target, eb.source))
    if (ea.source, ea.target) in pairs and _dates_agree(ea, eb):
        return True
    if not any(_compatible(ea.source, s) and _compatible(ea.target, t) for s, t in pairs):
        return False
    if a.vector.size == 0 or b.vector.size == 0:
        return False
    return float(a.vector @ b.vector) >= same_evidence


def _restated(a: StoryEvent, b: StoryEvent) -> bool:
    """Two events of one article that are one act: a mutual act coded both ways round from
    one sentence, or the same source, target, type, flags and day (the headline, or a
    quote, restating the text's act)."""
    if (a.type, a.negated, a.hypothetical) != (b.type, b.negated, b.hypothetical):
        return False
    if (
        a.type in MUTUAL
        and a.evidence == b.evidence
        and (a.source, a.target) == (b.target, b.source)
    ):
        return True
    return a.source == b.source and a.target == b.target and a.date == b.date


def reports_of(
    members: Sequence[tuple[Features, str | None, str | None]],
) -> list[Report]:
    """The reports of a story's articles, given as (features, outlet, published)."""
    out = []
    for f, outlet, published in members:
        for i, e in enumerate(f.events):
            vec = f.event_vectors[i] if f.event_vectors.size else np.zeros(0, dtype=np.float32)
            out.append(Report(f.article_id, e, outlet, published, vec))
    return out


def _order(r: Report) -> tuple[str, str, str, int]:
    return (r.event.date or "", r.published or "", r.article_id, r.event.event_id)


def group_acts(
    reports: Sequence[Report], same_evidence: float = SAME_EVIDENCE
) -> list[list[Report]]:
    """The story's acts: each a list of its reports, first report first; acts in the order
    of their first reports (date, publication, article, event)."""
    rs = sorted(reports, key=_order)
    parent = list(range(len(rs)))
    articles = [{r.article_id} for r in rs]

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    # one sentence coding a mutual act both ways round ("Turkey and Iraq signed ...") is
    # one act: joined first, before the rule that keeps an article's acts apart
    for i in range(len(rs)):
        for j in range(i + 1, len(rs)):
            x, y = rs[i], rs[j]
            if x.article_id == y.article_id and _restated(x.event, y.event):
                parent[find(j)] = find(i)
    for i in range(len(rs)):
        for j in range(i + 1, len(rs)):
            a, b = find(i), find(j)
            if a == b or articles[a] & articles[b]:
                continue
            if same_act(rs[i], rs[j], same_evidence):
                keep, gone = min(a, b), max(a, b)
                parent[gone] = keep
                articles[keep] |= articles[gone]
    groups: dict[int, list[Report]] = {}
    for i, r in enumerate(rs):
        groups.setdefault(find(i), []).append(r)
    return [groups[k] for k in sorted(groups)]
