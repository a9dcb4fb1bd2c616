"""Target-dependent stance of sentences: each (spaCy sentence, target characters) pair →
probabilities of negative / neutral / positive. One MiniLM run per sentence, however many
targets it has; the head reads the pieces of each target in that one run."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import numpy as np

from ..nlp import doc_text
from ._encoder import Encoder, shared_encoder
from ._features import BLOCKS, Parse, features, parse_of
from ._head import Head

#: Characters either side of a target encoded on their own when the target lies past
#: the MAX_TOKENS word pieces of a very long sentence.
LONG_WINDOW_CHARS = 400

#: Sentences encoded at a time: their word-piece vectors are let go once their targets'
#: rows are made, so memory does not grow with the length of an article (the stance
#: stage of a 53,000-character article rose 260 MB holding every sentence's vectors,
#: 110 MB with 32 at a time). Rows are the same for any value: each sentence is encoded
#: on its own (ENCODE_BATCH).
CHUNK_SENTENCES = 32

#: A sentence and the document character spans of its targets.
Pair = tuple[Any, Sequence[tuple[int, int]]]


class StanceModel:
    """The encoder (loaded on first use) and a trained head (small, loaded now) that reads
    the layer it was trained on."""

    def __init__(self, head: Head | None = None, encoder: Encoder | None = None) -> None:
        self.head = head if head is not None else Head.load()
        self.encoder = encoder if encoder is not None else shared_encoder(self.head.encoder_layers)
        if self.encoder.layers != self.head.encoder_layers:
            raise ValueError(
                f"the stance head reads MiniLM layer {self.head.encoder_layers}, the encoder "
                f"gives layer {self.encoder.layers}; build the encoder with "
                f"layers={self.head.encoder_layers} or retrain (tools/train_stance.py --layers)"
            )

    def predict(self, pairs: Sequence[Pair]) -> np.ndarray:
        """Probabilities (targets × labels, in ``self.head.labels`` order)."""
        x = pair_features(self.encoder, pairs, self.head.blocks)
        if not len(x):
            return np.zeros((0, len(self.head.labels)))
        return self.head.proba(x)


def pair_features(
    encoder: Encoder, pairs: Sequence[Pair], blocks: Sequence[str] = BLOCKS
) -> np.ndarray:
    """One feature row per target, pairs and targets in order (the head's input; the
    training script computes its rows with this too)."""
    rows: list[np.ndarray] = []
    for at in range(0, len(pairs), CHUNK_SENTENCES):
        rows += _rows(encoder, pairs[at : at + CHUNK_SENTENCES], blocks)
    if not rows:
        return np.zeros((0, 0), dtype=np.float32)
    return np.vstack(rows)


def _rows(encoder: Encoder, pairs: Sequence[Pair], blocks: Sequence[str]) -> list[np.ndarray]:
    # Span.text joins the span's tokens anew: the doc's text, joined once, is sliced
    texts = [doc_text(sent.doc)[sent.start_char : sent.end_char] for sent, _ in pairs]
    encoded = encoder.encode(texts)
    rows: list[np.ndarray] = []
    for (sent, targets), text, enc in zip(pairs, texts, encoded, strict=True):
        for start, end in targets:
            s, e = start - sent.start_char, end - sent.start_char
            parse = parse_of(sent, start, end)
            use, base, here = enc, 0, text
            if not len(enc.pieces_in(s, e)):  # past the word pieces a long sentence keeps
                base = max(0, s - LONG_WINDOW_CHARS)
                here = text[base : e + LONG_WINDOW_CHARS]
                (use,) = encoder.encode([here])
            rows.append(features(use, here, s - base, e - base, _shift(parse, base), blocks))
    return rows


def _shift(parse: Parse, base: int) -> Parse:
    """The parse with its spans relative to a window starting ``base`` characters in."""
    if not base:
        return parse

    def move(span: tuple[int, int] | None) -> tuple[int, int] | None:
        return None if span is None else (span[0] - base, span[1] - base)

    return Parse(parse.role, move(parse.head), parse.negated, move(parse.clause))
