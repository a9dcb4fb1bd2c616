"""Do two CPUs give the same stance? The stance encoder's word-piece vectors for the
sentences of the first ``--targets`` targets of NewsMTSC-train's test part, computed on
this machine's CPU and on an emulated one (``qemu-x86_64 -cpu MODEL``, by default
Haswell: AVX2 without VNNI or AVX-512); then the stance model's features and labels from
each set of vectors, here.

    python bench/stance_cpus.py [--targets 200] [--cpu Haswell] [--qemu qemu-x86_64]

onnxruntime picks its int8 and float kernels by the instructions the CPU reports, so a
CPU without VNNI runs other code than one with it; qemu's user-mode emulation reports the
chosen model's instructions, so onnxruntime runs what it would run on such a CPU. Only
the encoder (tokenizer and onnxruntime) runs emulated — spaCy's parse and the head's
arithmetic run here for both, so what differs is what the encoder gives. Needs qemu's
user-mode emulator (Debian: ``apt-get install qemu-user``); the emulated run takes a few
minutes. Prints how close the vectors are (cosine per word piece, least and mean;
sentences whose vectors are bit-identical) and how many labels agree. Record the output
in BENCHMARKS.md with the command that made it.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _newsmtsc
from communique.stance import Encoded, Encoder


class Recording(Encoder):
    """The encoder, keeping every text it encodes and what it gave."""

    def __init__(self, layers: int) -> None:
        super().__init__(layers=layers)
        self.seen: dict[str, Encoded] = {}

    def encode(self, texts: Sequence[str]) -> list[Encoded]:
        out = super().encode(texts)
        self.seen.update(zip(texts, out, strict=True))
        return out


class Replaying(Encoder):
    """An encoder that gives back vectors computed elsewhere, by text."""

    def __init__(self, layers: int, given: dict[str, Encoded]) -> None:
        super().__init__(layers=layers)
        self.given = given

    def encode(self, texts: Sequence[str]) -> list[Encoded]:
        return [self.given[t] for t in texts]


def encode_to(texts_file: Path, out: Path, layers: int) -> None:
    """The emulated child: the encoder's vectors of every text in ``texts_file``."""
    texts = json.loads(texts_file.read_text(encoding="utf-8"))
    encs = Encoder(layers=layers).encode(texts)
    arrays = {}
    for i, e in enumerate(encs):
        arrays[f"v{i}"], arrays[f"s{i}"] = e.vectors, e.static
        arrays[f"o{i}"] = np.asarray(e.offsets, dtype=np.int64).reshape(-1, 2)
    np.savez(out, **arrays)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--targets", type=int, default=200)
    ap.add_argument("--cpu", default="Haswell", help="qemu CPU model to emulate")
    ap.add_argument("--qemu", default="qemu-x86_64", help="qemu's user-mode emulator")
    args = ap.parse_args()
    if not _newsmtsc.DATA.exists():
        print(f"NewsMTSC-train not found at {_newsmtsc.DATA}", file=sys.stderr)
        return 2
    qemu = shutil.which(args.qemu)
    if qemu is None:
        print(f"{args.qemu} not found: apt-get install qemu-user", file=sys.stderr)
        return 2
    from communique.nlp import load_nlp
    from communique.stance import Head, pair_features

    flags: set[str] = set()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("flags"):
            flags = set(line.split(":", 1)[1].split())
            break
    shown = [f for f in ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8") if f in flags]
    print(f"this CPU: {platform.machine()}, {' '.join(shown) or 'no AVX2'}; emulated: {args.cpu}")
    print(f"load average at start: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    exs = [e for _, e in zip(range(args.targets), _newsmtsc.examples("test"), strict=False)]
    sentences = sorted({e.sentence for e in exs})
    docs = dict(zip(sentences, load_nlp().pipe(sentences), strict=True))
    pairs = [(docs[e.sentence][:], [(e.start, e.end)]) for e in exs]
    head = Head.load()
    here = Recording(head.encoder_layers)
    x_here = pair_features(here, pairs, head.blocks)
    texts = list(here.seen)
    with tempfile.TemporaryDirectory(prefix="communique-cpus-") as tmp:
        (Path(tmp) / "texts.json").write_text(json.dumps(texts), encoding="utf-8")
        code = (
            "import sys; sys.path.insert(0, sys.argv[1]); import stance_cpus; "
            "from pathlib import Path; "
            "stance_cpus.encode_to(Path(sys.argv[2]), Path(sys.argv[3]), int(sys.argv[4]))"
        )
        out = Path(tmp) / "emulated.npz"
        cmd = [qemu, "-cpu", args.cpu, sys.executable, "-c", code]
        cmd += [str(Path(__file__).resolve().parent), str(Path(tmp) / "texts.json"), str(out)]
        t0 = time.time()
        done = subprocess.run([*cmd, str(head.encoder_layers)], capture_output=True, text=True)
        if done.returncode:  # qemu warns of host features it cannot emulate: shown only here
            sys.stderr.write(done.stderr)
            raise SystemExit("the emulated run failed")
        took = time.time() - t0
        with np.load(out) as z:
            there = {
                t: Encoded(z[f"v{i}"], tuple(map(tuple, z[f"o{i}"].tolist())), z[f"s{i}"])
                for i, t in enumerate(texts)
            }
    x_there = pair_features(Replaying(head.encoder_layers, there), pairs, head.blocks)
    cos: list[float] = []
    same = 0
    for t in texts:
        a, b = here.seen[t].vectors, there[t].vectors
        cos += list((a * b).sum(1) / np.linalg.norm(a, axis=1) / np.linalg.norm(b, axis=1))
        same += bool(np.array_equal(a, b))
    pa, pb = head.proba(x_here), head.proba(x_there)
    agree = int((pa.argmax(1) == pb.argmax(1)).sum())
    print(f"load average at end: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{len(exs)} targets in {len(texts)} sentences; emulated encoder run {took:.0f} s")
    print(
        f"vectors: cosine per word piece least {min(cos):.6f}, mean {np.mean(cos):.6f}; "
        f"sentences bit-identical {same} of {len(texts)}"
    )
    print(
        f"labels agree {agree} of {len(pa)}; probabilities differ by at most "
        f"{np.abs(pa - pb).max():.4f} (mean {np.abs(pa - pb).mean():.4f})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
