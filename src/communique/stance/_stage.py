"""Stance records of one parsed article: every mention of a state, organisation or person
(resolved or not; pronouns and places are left out) in every sentence gets a stance. A
target the sentence defends ("wrong to accuse China", :mod:`._defence`) is positive, held
by whoever condemns the attack, never by the attacker."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..nlp import doc_text
from ..records import Actor, HolderKind, Mention, Quote, Stance, span_of
from ._defence import DEFENDED, Defence, defence_of, defender
from ._features import target_tokens
from ._model import StanceModel

#: Actor kinds a stance can be about (places and facilities are not).
TARGET_KINDS = {
    "state",
    "government body",
    "person",
    "IGO",
    "NGO",
    "party",
    "company",
    "group",
}

#: Mention labels of named or described actors the registry may not know.
TARGET_LABELS = {"PERSON", "ORG", "GPE", "NORP", "REGISTRY", "NOMINAL"}


def is_target(mention: Mention, actor: Actor | None) -> bool:
    """Does a stance toward this mention mean something? Pronouns only repeat a named
    mention nearby; places and facilities are not actors that are treated well or ill."""
    if mention.label == "PRONOUN":
        return False
    if actor is not None:
        return actor.kind in TARGET_KINDS
    return mention.label in TARGET_LABELS - {"GPE"}


def holding_quote(mention: Mention, quotes: Sequence[Quote]) -> Quote | None:
    """The quote whose speaker holds the stance toward ``mention``: one whose content, or
    the stretch between its cue and its content ("accused Washington of lying"), holds
    the mention, which is not the speaker's own."""
    start, end = mention.span.start, mention.span.end
    for q in quotes:
        if q.speaker is not None and q.speaker.start <= start < q.speaker.end:
            continue
        if any(p.start <= start and end <= p.end for p in q.content):
            return q
        if q.cue is not None:
            lo, hi = min(q.cue.start, q.start), max(q.cue.end, q.end)
            if q.sentence.start <= start and end <= q.sentence.end and lo <= start < hi:
                return q
    return None


#: Subject relations whose actor holds a stance toward the predicate's other actors.
_SUBJECTS = {"nsubj", "nsubjpass", "csubj"}


def subject_mention(sent: Any, target: Mention, mentions: Sequence[Mention]) -> Mention | None:
    """The actor mention that is the grammatical subject of the predicate governing the
    target ("Moscow" for "Beijing" in "Moscow values its partnership with Beijing"), if it
    is not the target itself."""
    toks, _root, head = target_tokens(sent, target.span.start, target.span.end)
    if not toks or head is None:
        return None
    pred = head
    while pred.pos_ not in ("VERB", "AUX") and pred.head.i != pred.i:
        pred = pred.head
    inside = {t.i for t in toks}
    for child in pred.children:
        if child.dep_ not in _SUBJECTS or inside & {t.i for t in child.subtree}:
            continue  # the target names or qualifies the subject ("Kremlin spokesman X")
        found = mention_at(child, target, mentions)
        if found is not None:
            return found
    return None


def mention_at(tok: Any, target: Mention, mentions: Sequence[Mention]) -> Mention | None:
    """The mention, other than ``target``, that holds the token ``tok``."""
    for m in mentions:
        if m is not target and m.span.start <= tok.idx < m.span.end:
            return m
    return None


def defending_mention(
    sent: Any, defence: Defence, target: Mention, mentions: Sequence[Mention]
) -> Mention | None:
    """Outside quotes, who holds the stance toward a target the sentence defends: the
    mention that rejects or condemns the attack on it ("Italy" in "Italy rejected the
    accusations against Spain"), never the attacker the parse makes the subject ("The
    U.S. wrongly accused China"); None when the writer makes the judgement."""
    tok = defender(sent, defence)
    return None if tok is None else mention_at(tok, target, mentions)


def stance_records(
    model: StanceModel,
    doc: Any,
    mentions: Sequence[Mention],
    actors: dict[str, Actor],
    quotes: Sequence[Quote],
) -> list[Stance]:
    """One Stance per target mention, in mention order."""
    sents = list(doc.sents)
    text = doc_text(doc)
    chosen: list[tuple[Mention, Any]] = []
    for m in mentions:
        actor = actors.get(m.actor_id) if m.actor_id else None
        if not is_target(m, actor) or not 0 <= m.sentence < len(sents):
            continue
        chosen.append((m, sents[m.sentence]))
    if not chosen:
        return []
    by_sent: dict[int, list[Mention]] = {}
    for m, _ in chosen:
        by_sent.setdefault(m.sentence, []).append(m)
    others: dict[int, list[Mention]] = {}  # pronouns and places can be subjects too
    for m in mentions:
        if m.sentence in by_sent and m not in by_sent[m.sentence] and m.actor_id:
            others.setdefault(m.sentence, []).append(m)
    order = sorted(by_sent)
    pairs = [(sents[i], [(m.span.start, m.span.end) for m in by_sent[i]]) for i in order]
    probs = model.predict(pairs)
    labels = model.head.labels
    defended = np.array([DEFENDED[label] for label in labels])
    out: list[Stance] = []
    row = 0
    for i in order:
        sent = sents[i]
        evidence = span_of(text, sent.start_char, sent.end_char)
        for m in by_sent[i]:
            p = probs[row]
            row += 1
            defence = defence_of(sent, m.span.start, m.span.end)
            if defence is not None:
                p = defended  # the holder's side, not how the words portray the target
            best = int(p.argmax())
            q = holding_quote(m, quotes)
            if q is not None and defence is not None and not q.covers(doc[defence.cue].idx):
                q = None  # the speaker attacks, another condemns it: "X wrongly accused Y"
            near = by_sent[i] + others.get(i, [])
            subj = None
            if q is None and defence is not None:
                subj = defending_mention(sent, defence, m, near)
            elif q is None:
                subj = subject_mention(sent, m, near)
            if subj is not None and subj.actor_id is not None and subj.actor_id == m.actor_id:
                subj = None
            kind: HolderKind = "speaker" if q else "subject" if subj else "outlet"
            out.append(
                Stance(
                    target_actor_id=m.actor_id,
                    polarity=labels[best],  # type: ignore[arg-type]  # the head's labels are LABELS
                    score=round(float(p[best]), 4),
                    quote_id=q.id if q else None,
                    id=len(out),
                    target=m.span,
                    mention_id=m.id,
                    evidence=evidence,
                    holder_kind=kind,
                    holder_actor_id=q.speaker_actor_id if q else subj.actor_id if subj else None,
                    holder=q.speaker if q else subj.span if subj else None,
                )
            )
    return out
