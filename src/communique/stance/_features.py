"""The stance classifier's input: blocks of features for one (sentence, target) pair,
computed the same way when training (tools/train_stance.py) and when analysing.

Every block but ``parse`` is a mean of MiniLM word-piece vectors of the sentence:

- ``sent``: all pieces of the sentence (what is said overall);
- ``target``: the pieces of the target mention, contextualised by the whole sentence;
- ``window``: up to WINDOW pieces either side of the target (what is said near it);
- ``head``: the target's governing predicate in spaCy's parse ("accused" in "X accused
  Washington of lying", "values" in "Moscow values its partnership with Beijing");
- ``clause``: the words of that predicate's clause (its subtree): in "Peskov said
  Washington was lying but praised Beijing", "Washington was lying" for Washington and
  "praised Beijing" for Beijing — what the sentence says about this target, not another;
- ``parse``: the target's dependency role, whether its predicate is negated, whether it
  sits inside quotation marks, and where in the sentence it is;
- ``lex_head`` and ``lex_window``: the ``head`` and ``window`` pieces before context (the
  embedding layer's vectors): what the words are ("accused", "thanked"), which the first
  layers' vectors carry less clearly than the sixth's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ._encoder import DIM, Encoded

#: Word pieces either side of the target that make the ``window`` block.
WINDOW = 6

#: Every block a head may be trained on, in the order they are concatenated.
BLOCKS = ("sent", "target", "window", "head", "clause", "parse", "lex_head", "lex_window")

#: Dependency roles of the target's root token, one-hot in the ``parse`` block.
ROLES = ("nsubj", "nsubjpass", "dobj", "pobj", "poss", "compound", "conj", "appos", "attr")

#: Relations climbed from the target to the predicate that governs it.
_CLIMB = {"compound", "amod", "poss", "pobj", "prep", "conj", "appos", "det", "nmod", "agent"}

_QUOTE_MARKS = '"“”'


@dataclass(frozen=True)
class Parse:
    """What the parse says about a target: its root's role, its predicate (character
    span, relative to the encoded text) and whether that predicate is negated."""

    role: str
    head: tuple[int, int] | None
    negated: bool
    clause: tuple[int, int] | None = None


def target_tokens(sent: Any, start: int, end: int) -> tuple[list[Any], Any, Any]:
    """The tokens of the target at document characters [start, end) in ``sent``, its
    root token and its governing predicate (climbing compounds, possessives and
    prepositions: "Beijing" in "partnership with Beijing" is governed by "values")."""
    toks = _overlapping(sent, start, end)
    if not toks:
        return [], None, None
    inside = {t.i for t in toks}
    root = next((t for t in toks if t.head.i not in inside or t.head.i == t.i), toks[0])
    head = root
    for _ in range(8):
        if head.dep_ not in _CLIMB and head.i != root.i:
            break
        if head.head.i == head.i:
            break
        head = head.head
        if head.pos_ in ("VERB", "AUX", "ADJ") and head.i not in inside:
            break
    return toks, root, head


def _overlapping(sent: Any, start: int, end: int) -> list[Any]:
    """The tokens of ``sent`` overlapping document characters [start, end): found by
    spaCy's character index, not by walking the sentence."""
    span = sent.doc.char_span(
        max(start, sent.start_char), min(end, sent.end_char), alignment_mode="expand"
    )
    if span is None:  # no token there (the characters are all whitespace)
        return []
    return [t for t in span if t.idx < end and t.idx + len(t) > start]


def parse_of(sent: Any, start: int, end: int) -> Parse:
    """The parse facts of the target at document characters [start, end) in the spaCy
    sentence ``sent``; the head span is relative to ``sent.start_char``."""
    toks, root, head = target_tokens(sent, start, end)
    if not toks:
        return Parse("", None, False)
    span = None
    if head.i not in {t.i for t in toks}:
        span = (head.idx - sent.start_char, head.idx + len(head) - sent.start_char)
    negated = any(c.dep_ == "neg" for c in head.children)
    # the clause: the predicate's own words, without verbs conjoined to it and their words
    words = [head] if not head.is_punct else []
    for child in head.children:
        if not (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX")):
            words += [t for t in child.subtree if not t.is_punct]
    words = words or [head]
    lo, hi = min(t.idx for t in words), max(t.idx + len(t) for t in words)
    clause = (lo - sent.start_char, hi - sent.start_char)
    return Parse(root.dep_, span, negated, clause)


def _mean(enc: Encoded, rows: np.ndarray, static: bool = False) -> np.ndarray:
    vectors = enc.static if static else enc.vectors
    if not len(rows) or vectors is None:
        return np.zeros(DIM, dtype=np.float32)
    # what ndarray.mean computes (a float32 sum, divided), without its Python overhead:
    # the same bits, a third of the time (it is called seven times per target)
    return np.asarray(np.add.reduce(vectors[rows], axis=0) / len(rows), dtype=np.float32)


_NONE = np.zeros(0, dtype=np.int64)


def features(
    enc: Encoded, text: str, start: int, end: int, parse: Parse, blocks: Sequence[str] = BLOCKS
) -> np.ndarray:
    """The feature vector of the target at characters [start, end) of the encoded
    ``text`` (offsets relative to it), the blocks in the order given."""
    words = enc.words
    target = enc.pieces_in(start, end)
    # the pieces near the target and those of its predicate, found once: two blocks read
    # each (contextual and static vectors)
    near: np.ndarray | None = None
    head: np.ndarray | None = None
    out: list[np.ndarray] = []
    for block in blocks:
        if block == "sent":
            out.append(enc.sentence_mean())
        elif block == "target":
            out.append(_mean(enc, target) if len(target) else enc.sentence_mean())
        elif block in ("window", "lex_window"):
            if near is None:
                near = _NONE
                if len(target):
                    lo, hi = target[0], target[-1]
                    near = words[
                        ((lo - WINDOW <= words) & (words < lo))
                        | ((hi < words) & (words <= hi + WINDOW))
                    ]
            out.append(_mean(enc, near, static=block == "lex_window"))
        elif block in ("head", "lex_head"):
            if head is None:
                head = enc.pieces_in(*parse.head) if parse.head else _NONE
            out.append(_mean(enc, head, static=block == "lex_head"))
        elif block == "clause":
            clause = enc.pieces_in(*parse.clause) if parse.clause else words
            out.append(_mean(enc, clause))
        elif block == "parse":
            before = text[:start]
            quoted = sum(before.count(q) for q in _QUOTE_MARKS) % 2 == 1
            role = [float(parse.role == r) for r in ROLES]
            where = start / max(len(text), 1)
            flags = [float(parse.negated), float(quoted), where, float(parse.head is None)]
            out.append(np.asarray(role + flags, dtype=np.float32))
        else:
            raise ValueError(f"unknown feature block {block!r}; known: {BLOCKS}")
    return np.concatenate(out)
