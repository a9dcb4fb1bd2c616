"""Stance: how each sentence and each quote treats each actor it names — negative,
neutral or positive, with a calibrated probability, the target mention and the sentence
as evidence, held by the quote's speaker inside a quote and by the outlet otherwise.

The classifier (:mod:`._model`) reads word-piece vectors of MiniLM's first layers
(:mod:`._encoder`, int8 ONNX from PyPI rebuilt and quantised by :mod:`._graph`, cached on disk
by :mod:`._graphfile`, loaded once per process on first use) pooled over the sentence, the
target, its neighbourhood and its governing predicate, plus parse facts
(:mod:`._features`), through a small softmax head trained on NewsMTSC
(:mod:`._head`, tools/train_stance.py). A target the sentence defends ("wrong to accuse
China", found in the parse by :mod:`._defence`) is positive whatever the head reads."""

from __future__ import annotations

from ._defence import DEFENDED, Defence, defence_of, defender
from ._encoder import DIM, LAYERS, TOKENIZER_PATH, Encoded, Encoder, shared_encoder
from ._features import BLOCKS, features, parse_of
from ._graph import SESSION_DISABLED_OPTIMIZERS, derive_graph
from ._graphfile import graph_file
from ._head import LABELS, WEIGHTS_PATH, Head, softmax
from ._model import StanceModel, pair_features
from ._stage import is_target, stance_records

__all__ = [
    "BLOCKS",
    "DEFENDED",
    "DIM",
    "LABELS",
    "LAYERS",
    "SESSION_DISABLED_OPTIMIZERS",
    "TOKENIZER_PATH",
    "WEIGHTS_PATH",
    "Defence",
    "Encoded",
    "Encoder",
    "Head",
    "StanceModel",
    "defence_of",
    "defender",
    "derive_graph",
    "features",
    "graph_file",
    "is_target",
    "pair_features",
    "parse_of",
    "shared_encoder",
    "softmax",
    "stance_records",
]
