"""`communique batch` on a LocalCluster of 1 worker process against one of 2.

    python bench/batch.py [--pages 60] [--rounds 3] [--partition-size 8] [--no-stance]

The corpus is the bundled samples and the first ``--pages`` pages of the scrapinghub
article-extraction benchmark (../shared/data/scrapinghub-aeb: distinct real articles, so
none is skipped as a copy). Each round starts a cluster of each size in turn (1, 2, 1,
2, ...: the modes are interleaved, as the machine's load drifts), warms its workers up
with an untimed batch of two texts (every worker loads the model once, as on a long-lived
cluster), then times the whole batch into a new folder: reading, cleaning, the duplicate
check, analysis and the Parquet files. Reported: medians of wall time and of CPU time (the
client's and every worker's process), articles/s by the wall clock, the 2-worker/1-worker
speed-up per round, and the load average before and after each run — on a machine shared
with other work, the speed-up is bounded by the cores nobody else uses. Record the table
in BENCHMARKS.md with the command that made it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
AEB = ROOT.parent / "shared" / "data" / "scrapinghub-aeb" / "html"
WARM = [str(p) for p in sorted((ROOT / "samples" / "text").glob("*.txt"))[:2]]


def corpus(pages: int) -> list[str]:
    aeb = sorted(str(p) for p in AEB.glob("*.html.gz"))[:pages] if AEB.exists() else []
    return [str(ROOT / "samples"), *aeb]


def _cpu() -> float:
    return time.process_time()


def _workers_cpu(client: Any) -> float:
    return float(sum(client.run(_cpu).values()))


def run_once(workers: int, paths: list[str], args: argparse.Namespace) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    from communique.batch import run_batch
    from communique.pipeline import Options

    options = Options(stance=not args.no_stance)
    with (
        LocalCluster(
            n_workers=workers,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            silence_logs=40,
        ) as cluster,
        Client(cluster) as client,
        tempfile.TemporaryDirectory() as tmp,
    ):
        # every worker loads the model before the clock starts: one warm-up task each
        run_batch(WARM, Path(tmp) / "warm", client, options, partition_size=1)
        load = os.getloadavg()[0]
        c0, w0, t0 = time.process_time(), _workers_cpu(client), time.perf_counter()
        s = run_batch(paths, Path(tmp) / "out", client, options, partition_size=args.partition_size)
        wall = time.perf_counter() - t0
        cpu = time.process_time() - c0 + _workers_cpu(client) - w0
    assert s.progress.failed == 0 or s.run["articles"], "the bench must not time failures"
    return {
        "articles": s.run["articles"],
        "failed": s.progress.failed,
        "wall": wall,
        "cpu": cpu,
        "load_before": load,
        "load_after": os.getloadavg()[0],
    }


def main() -> None:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("--pages", type=int, default=60, help="AEB pages added to the samples")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved runs of each size")
    ap.add_argument("--partition-size", type=int, default=8)
    ap.add_argument("--no-stance", action="store_true", help="leave the stance stage out")
    args = ap.parse_args()
    paths = corpus(args.pages)
    print(f"cores: {os.cpu_count()}; load average at start: {os.getloadavg()}")
    runs: dict[int, list[dict[str, Any]]] = {1: [], 2: []}
    for r in range(args.rounds):
        for workers in runs:
            res = run_once(workers, paths, args)
            runs[workers].append(res)
            print(
                f"round {r + 1}, {workers} worker(s): {res['articles']} articles "
                f"({res['failed']} failed) in {res['wall']:.1f}s wall, {res['cpu']:.1f}s CPU; "
                f"load {res['load_before']:.2f} -> {res['load_after']:.2f}",
                flush=True,
            )
    print(f"load average at end: {os.getloadavg()}")
    n = runs[1][0]["articles"]
    print(
        f"\ncorpus: samples + {args.pages} AEB pages = {n} articles analysed, partitions of "
        f"{args.partition_size}, stance {'off' if args.no_stance else 'on'}; medians of "
        f"{args.rounds} interleaved rounds"
    )
    print(f"{'LocalCluster':<16}{'articles/s':>12}{'wall s':>9}{'CPU s':>9}{'load avg':>10}")
    for workers, rs in runs.items():
        wall = statistics.median(x["wall"] for x in rs)
        cpu = statistics.median(x["cpu"] for x in rs)
        load = statistics.median(x["load_before"] for x in rs)
        print(f"{f'{workers} worker(s)':<16}{n / wall:>12.2f}{wall:>9.1f}{cpu:>9.1f}{load:>10.2f}")
    ups = [a["wall"] / b["wall"] for a, b in zip(runs[1], runs[2], strict=True)]
    med = statistics.median(x["wall"] for x in runs[1]) / statistics.median(
        x["wall"] for x in runs[2]
    )
    print(
        f"2 workers / 1 worker, articles/s: {med:.2f}x "
        f"(per round: {', '.join(f'{u:.2f}' for u in ups)})"
    )


if __name__ == "__main__":
    main()
