"""Throughput of the whole ``analyze`` (ingest to store) against bare spaCy ``nlp.pipe`` on
exactly the texts it stored, and ``--workers 1`` against ``--workers 2``.

    python bench/throughput.py [--corpus aeb dev] [--articles 1000] [--rounds 3]
                               [--modes bare parse no-stance analyze w1 w2]
                               [--batch-size N]
                               [--no-stance]

Corpora (read in place from ../shared/data, never copied into the repo):

- ``aeb``: the 181 article pages of the scrapinghub article-extraction benchmark, as gzipped
  HTML files: ``analyze`` reads, extracts, cleans, de-duplicates, parses, analyses, stores.
- ``dev``: ``--articles`` distinct articles as one JSONL file written to a temporary folder:
  the 181 hand-made AEB article bodies (with their URLs), then NewsMTSC's political news
  sentences grouped back into their articles (allsides ids, sentence order) until there
  are enough. Real news text; the NewsMTSC articles are short (about 100 words).

Modes, each run in its own process (so its CPU time and peak RSS are its own), interleaved
over ``--rounds`` rounds in the order given (the first ``no-stance`` run also writes the
texts ``bare`` and ``parse`` parse):

- ``bare``: ``spacy.load(model).pipe`` (the model as shipped, none of our components) over
  the stored article texts, same batch size;
- ``parse``: our spaCy pipeline alone (``communique.nlp.load_nlp``: the paragraph breaks,
  the faster attribute ruler and lemmatizer) over the same texts: what the whole analyze
  adds to its own parsing is ``no-stance`` over ``parse``;
- ``no-stance`` / ``analyze``: ``analyze_into_store`` with one process into a fresh store,
  without / with the stance stage, its declared stages timed (the model is loaded before
  the clock starts, as for ``bare``);
- ``w1`` / ``w2``: the command ``communique analyze --workers 1|2`` (stance included) as a
  user runs it, start-up and model loading included, CPU time of every process
  (``--no-stance``: without the stance stage).

CPU time (user + system) and wall time both, medians over the rounds with each round's
value, the load average before and after (the machine is shared: ratios are of CPU time,
and a worker speed-up can only be judged from a run on an idle machine), and peak RSS: of
the one process for the in-process modes, of the largest process (the writer or a worker)
for ``w1``/``w2``. With ``no-stance`` and ``analyze`` both, what the stance stage adds to
the whole analyze's CPU time (issue 12's budget: 30%) and peak RSS, round by round; and,
from the ``analyze`` runs alone, the stance stage's CPU time over the rest of the same run
(both halves from one process, so the machine's drift between processes cancels).
Record the output in BENCHMARKS.md with the command that made it.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data"
AEB = DATA / "scrapinghub-aeb"
NEWSMTSC = DATA / "newsmtsc-train" / "train.jsonl"
MODES = ("no-stance", "bare", "parse", "analyze", "w1", "w2")
#: Modes that only parse the texts a no-stance run stored.
_PARSE_ONLY = ("bare", "parse")


def build_dev_corpus(n: int, out: Path) -> Path:
    """``n`` distinct articles as JSONL at ``out``: the AEB ground-truth bodies, then NewsMTSC
    articles (sentences regrouped by article id, in sentence order)."""
    rows: list[dict[str, str]] = []
    truth = json.loads((AEB / "ground-truth.json").read_text(encoding="utf-8"))
    for key in sorted(truth):
        body = (truth[key].get("articleBody") or "").strip()
        if body:
            rows.append({"text": body, "url": truth[key].get("url") or ""})
    grouped: dict[str, list[tuple[int, str]]] = defaultdict(list)
    with NEWSMTSC.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            parts = rec["primary_gid"].split("_")
            if parts[0] != "allsides" or not parts[3].isdigit():
                continue
            grouped[f"{parts[1]}_{parts[2]}"].append((int(parts[3]), rec["sentence_normalized"]))
    for key in sorted(grouped, key=lambda k: tuple(int(x) for x in k.split("_"))):
        sents = [s for _, s in sorted(set(grouped[key]))]
        if len(sents) >= 2:
            rows.append({"text": "\n\n".join(sents), "url": f"https://allsides.example/{key}"})
    if len(rows) < n:
        raise SystemExit(f"the development data gives {len(rows)} articles, fewer than {n}")
    with out.open("w", encoding="utf-8") as fh:
        for row in rows[:n]:
            fh.write(json.dumps(row) + "\n")
    return out


def _cpu(who: int) -> tuple[float, float]:
    r = resource.getrusage(who)
    return r.ru_utime + r.ru_stime, r.ru_maxrss / 1024


def run_mode(
    mode: str, inputs: str, texts: str, workdir: str, batch_size: int, no_stance: bool = False
) -> dict[str, Any]:
    """One mode in this process; returns its measurements."""
    if mode in ("w1", "w2"):
        db = Path(workdir) / f"{mode}-{time.time_ns()}.db"
        cmd = [sys.executable, "-m", "communique", "analyze", "-q", "--db", str(db)]
        cmd += ["--workers", mode[1:], inputs] + (["--no-stance"] if no_stance else [])
        t0, (c0, _) = time.perf_counter(), _cpu(resource.RUSAGE_CHILDREN)
        done = subprocess.run(cmd, capture_output=True, text=True, check=False)
        secs = time.perf_counter() - t0
        cpu, rss = _cpu(resource.RUSAGE_CHILDREN)
        if done.returncode not in (0, 1):
            raise SystemExit(f"{mode} failed: {done.stderr}")
        with sqlite3.connect(db) as conn:
            (n,) = conn.execute("SELECT count(*) FROM articles").fetchone()
        db.unlink()
        return {"articles": n, "seconds": secs, "cpu": cpu - c0, "rss_mb": rss}
    if mode in _PARSE_ONLY:
        import spacy

        from communique.nlp import MODEL_NAMES, load_nlp

        docs = [json.loads(line)["text"] for line in Path(texts).read_text("utf-8").splitlines()]
        nlp = spacy.load(MODEL_NAMES[0]) if mode == "bare" else load_nlp()
        t0, (c0, _) = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
        for _ in nlp.pipe(docs, batch_size=batch_size):
            pass
        secs = time.perf_counter() - t0
        cpu, rss = _cpu(resource.RUSAGE_SELF)
        return {"articles": len(docs), "seconds": secs, "cpu": cpu - c0, "rss_mb": rss}
    return _in_process(mode, inputs, texts, workdir, batch_size)


def _in_process(
    mode: str, inputs: str, texts: str, workdir: str, batch_size: int
) -> dict[str, Any]:
    from communique import Options, Pipeline, Stage
    from communique.pipeline import DEFAULT_STAGES
    from communique.runner import analyze_into_store
    from communique.stance import shared_encoder

    totals: dict[str, float] = defaultdict(float)

    def timed(stage: Stage) -> Stage:
        def run(pipe: Any, work: Any) -> Any:
            s = time.process_time()
            try:
                return stage.run(pipe, work)
            finally:
                totals[f"stage:{stage.name}"] += time.process_time() - s

        return Stage(stage.name, stage.needs, stage.gives, run)

    options = Options(batch_size=batch_size, stance=mode == "analyze")
    pipe = Pipeline(options, stages=[timed(s) for s in DEFAULT_STAGES])
    pipe.resolver  # noqa: B018  (model, registry, matcher: loaded before the clock starts)
    # and the MiniLM encoder, in both modes: the story vectors use it with or without the
    # stance stage (runs before 2026-12-05 07:00 loaded it on the clock without stance)
    shared_encoder().encode(["warm up"])
    if options.stance:
        pipe.stance_model  # noqa: B018  (the stance head, reading that encoder)
    db = Path(workdir) / f"{mode}-{time.time_ns()}.db"
    t0, (c0, _) = time.perf_counter(), _cpu(resource.RUSAGE_SELF)
    summary = analyze_into_store(pipe, [inputs], str(db))
    secs = time.perf_counter() - t0
    cpu, rss = _cpu(resource.RUSAGE_SELF)
    if mode == "no-stance" and not Path(texts).exists():
        with sqlite3.connect(db) as conn, Path(texts).open("w", encoding="utf-8") as fh:
            for (text,) in conn.execute("SELECT text FROM articles ORDER BY rowid"):
                fh.write(json.dumps({"text": text}) + "\n")
    with sqlite3.connect(db) as conn:
        words = sum(len(t.split()) for (t,) in conn.execute("SELECT text FROM articles"))
    db.unlink()
    return {
        "articles": summary.run["articles"],
        "words": words,
        "failed": summary.failed,
        "seconds": secs,
        "cpu": cpu - c0,
        "rss_mb": rss,
        **totals,
    }


def _once(
    mode: str, inputs: str, texts: str, workdir: str, batch_size: int, no_stance: bool
) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--run", mode, "--inputs", inputs, "--texts", texts]
    cmd += ["--workdir", workdir, "--batch-size", str(batch_size)]
    cmd += ["--no-stance"] if no_stance else []
    out = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if out.returncode:
        raise SystemExit(f"mode {mode} failed:\n{out.stderr}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def _load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def bench_corpus(name: str, inputs: str, args: argparse.Namespace, workdir: Path) -> None:
    texts = str(workdir / f"{name}-texts.jsonl")
    modes = [m for m in args.modes if m not in _PARSE_ONLY]
    # bare and parse parse what no-stance stored: no-stance runs first
    for only in reversed([m for m in args.modes if m in _PARSE_ONLY]):
        if "no-stance" not in modes:
            raise SystemExit(f"{only} parses the texts no-stance stores: ask for both")
        modes.insert(modes.index("no-stance") + 1, only)
    print(f"\n## {name}: {inputs}")
    print(f"load average before: {_load()}", flush=True)
    runs: dict[str, list[dict[str, Any]]] = {m: [] for m in modes}
    for r in range(args.rounds):
        for mode in modes:
            got = _once(mode, inputs, texts, str(workdir), args.batch_size, args.no_stance)
            runs[mode].append(got)
            print(
                f"  round {r + 1} {mode}: {got['articles']} articles, {got['cpu']:.1f} s CPU, "
                f"{got['seconds']:.1f} s wall, peak RSS {got['rss_mb']:.0f} MB, load {_load()}",
                flush=True,
            )
    print(f"load average after: {_load()}")
    _table(name, runs, args)


def _table(name: str, runs: dict[str, list[dict[str, Any]]], args: argparse.Namespace) -> None:
    def med(mode: str, key: str) -> float:
        return statistics.median(float(r[key]) for r in runs[mode])

    def each(mode: str, key: str) -> str:
        return ", ".join(f"{float(r[key]):.1f}" for r in runs[mode])

    def per_round(mode: str, over: str, key: str = "cpu") -> str:
        """Each round's ``mode`` over ``over`` (both from that round), smallest first."""
        ratios = sorted(a[key] / b[key] for a, b in zip(runs[mode], runs[over], strict=True))
        return ", ".join(f"{x:.2f}" for x in ratios)

    first = next(iter(runs.values()))[0]
    words = next((r[0]["words"] for r in runs.values() if "words" in r[0]), 0)
    print(
        f"corpus {name}: {first['articles']} articles stored, {words} words; batch "
        f"{args.batch_size}; medians of {args.rounds} interleaved rounds"
    )
    labels = {
        "bare": "bare spaCy nlp.pipe",
        "parse": "our spaCy pipeline alone",
        "no-stance": "analyze --no-stance, 1 proc",
        "analyze": "analyze, 1 process",
        "w1": f"analyze -j1{' --no-stance' * args.no_stance}",
        "w2": f"analyze -j2{' --no-stance' * args.no_stance}",
    }
    print(f"{'mode':<30}{'art/s CPU':>10}{'art/s wall':>11}{'CPU s':>8}{'wall s':>8}{'RSS MB':>8}")
    for mode in runs:
        n, cpu, wall = med(mode, "articles"), med(mode, "cpu"), med(mode, "seconds")
        print(
            f"{labels[mode]:<30}{n / cpu:>10.2f}{n / wall:>11.2f}{cpu:>8.1f}{wall:>8.1f}"
            f"{med(mode, 'rss_mb'):>8.0f}"
        )
    for mode in runs:
        print(f"  {mode}: CPU s per round {each(mode, 'cpu')}; wall s {each(mode, 'seconds')}")
    if "bare" in runs:
        bare = med("bare", "cpu")
        for mode in ("parse", "no-stance", "analyze"):
            if mode in runs:
                stages = [k for k in runs[mode][0] if k.startswith("stage:")]
                shares = ", ".join(f"{k[6:]} {100 * med(mode, k) / bare:.1f}%" for k in stages)
                print(
                    f"{mode} / bare CPU time: {med(mode, 'cpu') / bare:.2f} (per round "
                    f"{per_round(mode, 'bare')})"
                    + (f"; stages as % of bare: {shares}" if shares else "")
                )
    if "parse" in runs and "no-stance" in runs:
        print(
            f"no-stance / our parse CPU time: {med('no-stance', 'cpu') / med('parse', 'cpu'):.2f}"
            f" (per round {per_round('no-stance', 'parse')})"
        )
    if "no-stance" in runs and "analyze" in runs:  # issue 12's budget: stance adds ≤ 30%
        per = [
            100 * (a["cpu"] / b["cpu"] - 1)
            for a, b in zip(runs["analyze"], runs["no-stance"], strict=True)
        ]
        print(
            f"stance adds {100 * (med('analyze', 'cpu') / med('no-stance', 'cpu') - 1):.0f}% "
            f"CPU time to analyze (per round {', '.join(f'{x:.0f}%' for x in per)}) and "
            f"{med('analyze', 'rss_mb') - med('no-stance', 'rss_mb'):.0f} MB peak RSS; the "
            f"stance stage itself {med('analyze', 'stage:stance'):.1f} s CPU"
        )
    if "analyze" in runs:
        # the same measure within each analyze process: its stance stage over the rest of
        # its CPU time, both from one process on the machine as it was then (the runs of a
        # mode differ by up to a third on a shared machine; a stage's share much less)
        within = [100 * r["stage:stance"] / (r["cpu"] - r["stage:stance"]) for r in runs["analyze"]]
        print(
            f"within each analyze run, the stance stage over the rest of its CPU time: median "
            f"{statistics.median(within):.0f}% (per round {', '.join(f'{x:.0f}%' for x in within)})"
        )
    if "w1" in runs and "w2" in runs:
        print(
            f"--workers 2 vs --workers 1, articles/s (wall): "
            f"{med('w1', 'seconds') / med('w2', 'seconds'):.2f}x "
            f"(per round {per_round('w1', 'w2', 'seconds')})"
        )


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--corpus", nargs="+", choices=["aeb", "dev"], default=["aeb", "dev"])
    ap.add_argument("--articles", type=int, default=1000, help="articles in the dev corpus")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved runs of each mode")
    ap.add_argument("--modes", nargs="+", choices=MODES, default=list(MODES))
    ap.add_argument("--batch-size", type=int, default=None, help="default: the pipeline's")
    ap.add_argument("--no-stance", action="store_true", help="w1 and w2 without the stance stage")
    ap.add_argument("--run", choices=MODES, help=argparse.SUPPRESS)
    ap.add_argument("--inputs", help=argparse.SUPPRESS)
    ap.add_argument("--texts", help=argparse.SUPPRESS)
    ap.add_argument("--workdir", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.batch_size is None:
        from communique.pipeline import BATCH_SIZE

        args.batch_size = BATCH_SIZE
    if args.run:
        got = run_mode(
            args.run, args.inputs, args.texts, args.workdir, args.batch_size, args.no_stance
        )
        print(json.dumps(got))
        return
    if not AEB.exists():
        raise SystemExit(f"{AEB} is absent: this bench needs ../shared/data beside the repo")
    print(f"cores available: {len(os.sched_getaffinity(0))}; load average: {_load()}")
    workdir = Path(tempfile.mkdtemp(prefix="communique-throughput-"))
    try:
        for name in args.corpus:
            if name == "aeb":
                inputs = str(AEB / "html")
            else:
                inputs = str(build_dev_corpus(args.articles, workdir / "dev.jsonl"))
            bench_corpus(name, inputs, args, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
