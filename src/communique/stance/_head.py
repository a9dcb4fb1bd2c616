"""The trained stance head: standardised features → (ReLU layers →) softmax over
negative / neutral / positive, its logits divided by a temperature fitted on development
data so that the top probability means what it says. Plain numpy; the weights are a small
.npz written by tools/train_stance.py."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

#: The weights shipped with communique (tools/train_stance.py writes them).
WEIGHTS_PATH = Path(__file__).parent / "data" / "stance-head.npz"

LABELS = ("negative", "neutral", "positive")


@dataclass(frozen=True)
class Head:
    blocks: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    layers: tuple[tuple[np.ndarray, np.ndarray], ...]  # (W (in, out), b (out,)) each
    temperature: float = 1.0
    labels: tuple[str, ...] = LABELS
    meta: str = "{}"  # JSON: how it was trained and what it scored on development data
    encoder_layers: int = 6  # the MiniLM layer whose vectors it reads

    def logits(self, x: np.ndarray) -> np.ndarray:
        h = (np.atleast_2d(x).astype(np.float32) - self.mean) / self.scale
        for i, (w, b) in enumerate(self.layers):
            # einsum, not @: a matrix product of this size goes to a threaded BLAS whose
            # threads spin, which costs 4× the CPU time on a busy machine (BENCHMARKS.md)
            h = np.einsum("ij,jk->ik", h, w) + b
            if i < len(self.layers) - 1:
                h = np.maximum(h, 0.0)
        return np.asarray(h, dtype=np.float64)

    def proba(self, x: np.ndarray) -> np.ndarray:
        return softmax(self.logits(x) / self.temperature)

    def save(self, path: Path) -> None:
        arrays: dict[str, np.ndarray] = {"mean": self.mean, "scale": self.scale}
        for i, (w, b) in enumerate(self.layers):
            arrays[f"w{i}"] = w.astype(np.float32)
            arrays[f"b{i}"] = b.astype(np.float32)
        header = {
            "blocks": list(self.blocks),
            "layers": len(self.layers),
            "temperature": self.temperature,
            "labels": list(self.labels),
            "meta": json.loads(self.meta),
            "encoder_layers": self.encoder_layers,
        }
        arrays["header"] = np.frombuffer(json.dumps(header).encode(), dtype=np.uint8)
        with path.open("wb") as f:
            np.savez_compressed(f, allow_pickle=False, **arrays)

    @classmethod
    def load(cls, path: Path = WEIGHTS_PATH) -> Head:
        with np.load(path) as z:
            header = json.loads(bytes(z["header"]).decode())
            layers = tuple((z[f"w{i}"], z[f"b{i}"]) for i in range(header["layers"]))
            return cls(
                blocks=tuple(header["blocks"]),
                mean=z["mean"],
                scale=z["scale"],
                layers=layers,
                temperature=float(header["temperature"]),
                labels=tuple(header["labels"]),
                meta=json.dumps(header["meta"]),
                encoder_layers=int(header.get("encoder_layers", 6)),  # 6: heads before it was said
            )


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return np.asarray(e / e.sum(axis=1, keepdims=True))
