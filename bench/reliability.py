"""Reliability bench (issue 17): hostile inputs, kill -9 during analyze, duplicates, losses.

Run from the repo root::

    python bench/reliability.py [--kills 10] [--seed 17]

Prints one table:

- **bad inputs**: each kind is written to a file of its own and analysed into a fresh store
  with the articles of ``samples/text`` beside it. A kind is *handled* when the run ends
  without an exception, with at most 101 failure rows, every good article stored, no
  publication date of year 0000 or 9999 stored, within ``KIND_SECONDS`` and with peak
  memory (growth of this process's peak RSS) under ``KIND_MB``.
- **kills**: ``communique analyze samples/`` as a real process, killed with SIGKILL at a
  random moment until ``--kills`` kills landed while it ran (each next run resumes the
  store), then run to the end; the final store is compared with an uninterrupted run:
  *duplicates* are article ids stored twice or texts stored under two ids, *lost* the
  articles of the clean run missing from the killed one.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from communique import Pipeline  # noqa: E402
from communique.records import Failure  # noqa: E402
from communique.runner import analyze_into_store  # noqa: E402

SAMPLES = ROOT / "samples"
KIND_SECONDS = 60.0  # a kind that takes longer is not handled
KIND_MB = 500  # nor one whose run grows this process's peak RSS by more (issue 17's bound)
BODY = " ".join(
    f"Foreign Minister number {i} said on Monday that the talks in city {i} would go on."
    for i in range(8)
)


def _page(head: str = "", tail: str = "") -> bytes:
    return f"<html><head>{head}</head><body><p>{BODY}</p>{tail}</body></html>".encode()


def _row(**fields: object) -> bytes:
    return (json.dumps({"text": BODY, **fields}) + "\n").encode()


def _gz_line(path: Path, header: bytes, size: int) -> None:
    with gzip.open(path, "wb") as fh:
        fh.write(header)
        for _ in range(size // (1 << 20)):
            fh.write(b"a" * (1 << 20))
        fh.write(b"\n")


#: name → (file name, writer). Each writes one hostile input.
KINDS: dict[str, tuple[str, Callable[[Path], None]]] = {
    "published: number": ("a.jsonl", lambda p: p.write_bytes(_row(published=20200505))),
    "published: object": ("a.jsonl", lambda p: p.write_bytes(_row(published={"y": 1}))),
    "published: bool": ("a.jsonl", lambda p: p.write_bytes(_row(published=True))),
    "published: 0000-00-00": ("a.jsonl", lambda p: p.write_bytes(_row(published="0000-00-00"))),
    "published: 2020-13-45": ("a.jsonl", lambda p: p.write_bytes(_row(published="2020-13-45"))),
    "published: year 9999": ("a.jsonl", lambda p: p.write_bytes(_row(published="9999-12-31"))),
    "title: list": ("a.jsonl", lambda p: p.write_bytes(_row(title=["a", "b"]))),
    "title: 2**64": ("a.jsonl", lambda p: p.write_bytes(_row(title=2**64))),
    "title: true": ("a.jsonl", lambda p: p.write_bytes(_row(title=True))),
    "title: lone surrogate": ("a.jsonl", lambda p: p.write_bytes(_row(title="\ud800"))),
    "url: list": ("a.jsonl", lambda p: p.write_bytes(_row(url=["x"]))),
    "text: lone surrogate": (
        "a.jsonl",
        lambda p: p.write_text(json.dumps({"text": BODY + "\ud800"}) + "\n"),
    ),
    "title over parser limit": (
        "a.jsonl",
        lambda p: p.write_bytes(_row(title="x " * 600_000)),
    ),
    "text over parser limit": (
        "big.txt",
        lambda p: p.write_text(("Lavrov said Moscow would respond. " * 33_000)[:1_100_000]),
    ),
    "non-UTF-8 file name": ("bad\udcffname.txt", lambda p: p.write_text(BODY)),
    'charset "undefined"': (
        "a.html",
        lambda p: p.write_bytes(_page('<meta charset="undefined">') + b"\xe9"),
    ),
    "non-ASCII charset name": (
        "a.html",
        lambda p: p.write_bytes(_page('<meta charset="\u00e9t\u00e9">') + b"\xe9"),
    ),
    "25k spaces in title line": (
        "a.txt",
        lambda p: p.write_text("Headline" + " " * 25_000 + "x\n\n" + BODY),
    ),
    "unclosed <title> x 40k": ("a.html", lambda p: p.write_bytes(_page("<title>x " * 40_000))),
    "<meta  x 60k, no >": ("a.html", lambda p: p.write_bytes(b"<html><head>" + b"<meta " * 60_000)),
    "unclosed JSON-LD x 20k": (
        "a.html",
        lambda p: p.write_bytes(_page('<script type="application/ld+json">{' * 20_000)),
    ),
    '<p class="quote x 20k': (
        "a.html",
        lambda p: p.write_bytes(_page(tail='<p class="quote' * 20_000)),
    ),
    "unclosed kicker x 20k": (
        "a.html",
        lambda p: p.write_bytes(_page(tail='<span class="kicker">w ' * 20_000)),
    ),
    "10^5 attributes": (
        "a.html",
        lambda p: p.write_bytes(
            _page(tail="<div " + " ".join(f'a{i}="v"' for i in range(100_000)) + ">x</div>")
        ),
    ),
    "gzip CSV, one 256 MB line": ("a.csv.gz", lambda p: _gz_line(p, b"text\n", 256 << 20)),
    "gzip JSONL, one 256 MB line": ("a.jsonl.gz", lambda p: _gz_line(p, b'{"text": "', 256 << 20)),
    "gzip JSONL, 300k {} lines": (
        "a.jsonl.gz",
        lambda p: p.write_bytes(gzip.compress(b"{}\n" * 300_000)),
    ),
}


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def bad_inputs(pipe: Pipeline) -> tuple[int, int, list[str]]:
    handled, notes = 0, []
    good = sorted((SAMPLES / "text").glob("*.txt"))
    for kind, (name, write) in KINDS.items():
        with tempfile.TemporaryDirectory() as tmp:
            folder = Path(tmp)
            path = Path(os.fsdecode(os.path.join(os.fsencode(tmp), os.fsencode(name))))
            write(path)
            before, t0 = _rss_mb(), time.perf_counter()
            failures: list[Failure] = []
            try:
                summary = analyze_into_store(
                    pipe,
                    [str(path), *map(str, good)],
                    str(folder / "s.db"),
                    on_failure=failures.append,
                )
            except Exception as exc:  # what the bench looks for: any escape is a failure
                notes.append(f"{kind}: {type(exc).__name__}: {exc}"[:160])
                continue
            seconds, grown = time.perf_counter() - t0, _rss_mb() - before
            stored = summary.store["articles"] + summary.store["duplicates"]
            ok = (
                len(failures) <= 101
                and stored >= len(good)
                and seconds <= KIND_SECONDS
                and grown <= KIND_MB
            )
            with sqlite3.connect(folder / "s.db") as conn:
                years = [r[0] for r in conn.execute("SELECT published FROM articles") if r[0]]
            ok = ok and not any(y[:4] in ("0000", "9999") for y in years)
            handled += ok
            if not ok:
                notes.append(f"{kind}: {len(failures)} failures, {seconds:.1f}s, +{grown:.0f} MB")
    return len(KINDS), handled, notes


def _ids(db: Path) -> tuple[list[str], list[str]]:
    with sqlite3.connect(db) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM articles")]
        texts = [r[0] for r in conn.execute("SELECT text FROM articles")]
    return ids, texts


def kills(n: int, rng: random.Random) -> tuple[int, int, int, int, int]:
    """(kills landed, kills survived, duplicates, lost, articles of the clean run)."""
    cmd = [sys.executable, "-m", "communique", "analyze", "-q", str(SAMPLES)]
    with tempfile.TemporaryDirectory() as tmp:
        clean, killed = Path(tmp) / "clean.db", Path(tmp) / "killed.db"
        subprocess.run([*cmd, "--db", str(clean)], capture_output=True, check=True)
        landed = attempts = 0
        while landed < n and attempts < 3 * n:  # a run that ended first is no kill
            attempts += 1
            proc = subprocess.Popen(
                [*cmd, "--db", str(killed)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
            )
            time.sleep(rng.uniform(2.0, 4.0))  # model loading (about 2 s), then articles
            if proc.poll() is None:
                os.kill(proc.pid, signal.SIGKILL)
                landed += 1
            proc.wait()
        final = subprocess.run([*cmd, "--db", str(killed)], capture_output=True)
        resumed = landed if final.returncode == 0 else 0
        ids, texts = _ids(killed)
        clean_ids, _ = _ids(clean)
        with sqlite3.connect(killed) as conn:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        duplicates = (len(ids) - len(set(ids))) + (len(texts) - len(set(texts)))
        lost = len(set(clean_ids) - set(ids))
    return landed, resumed, duplicates, lost, len(clean_ids)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--kills", type=int, default=10)
    ap.add_argument("--seed", type=int, default=17)
    args = ap.parse_args()
    t0 = time.perf_counter()
    tried, handled, notes = bad_inputs(Pipeline())
    landed, resumed, duplicates, lost, clean_n = kills(args.kills, random.Random(args.seed))
    rows = [
        ("bad-input kinds tried", tried),
        ("bad-input kinds handled", handled),
        ("kill -9s landed while analyze ran", landed),
        ("kills survived (resumed, final run ok)", resumed),
        ("articles in the clean run", clean_n),
        ("duplicates", duplicates),
        ("lost", lost),
    ]
    width = max(len(k) for k, _ in rows)
    for k, v in rows:
        print(f"{k:<{width}}  {v:>5}")
    for n in notes:
        print("  not handled:", n)
    print(f"({time.perf_counter() - t0:.0f}s)")


if __name__ == "__main__":
    main()
