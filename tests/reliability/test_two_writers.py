"""Issue 17, two writers: two `analyze` processes on one store, and store creation that a
kill -9 interrupts. Real processes, not threads: SQLite's locks are between processes."""

from __future__ import annotations

import itertools
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

from communique.dedup import NEAR_DUPLICATE, Hasher
from communique.store import SCHEMA_VERSION, Store

N = 8  # articles per folder


def body(i: int, day: str = "Monday") -> str:
    return " ".join(
        f"Delegation {i}-{j} met officials of province {i * 100 + j} on {day if j == 0 else 'Friday'}."
        for j in range(14)
    )


def test_two_analyze_processes_on_one_store_neither_crash_nor_store_twice(
    tmp_path: Path,
) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    for i in range(N):
        (one / f"{i}.txt").write_text(body(i))
        # the other process reads exact copies of half and near-copies of the other half
        (two / f"{i}.txt").write_text(body(i) if i % 2 else body(i, "Tuesday"))
    db = tmp_path / "shared.db"
    cmd = [sys.executable, "-m", "communique", "analyze", "-q", "--db", str(db)]
    procs = [
        subprocess.Popen([*cmd, str(folder)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        for folder in (one, two)
    ]
    outs = [p.communicate(timeout=600) for p in procs]
    for p, (_, err) in zip(procs, outs, strict=True):
        assert p.returncode == 0, err.decode()[-2000:]
    with Store.open(db) as store:
        texts = [r[0] for r in store.query("SELECT text FROM articles")]
        assert len(texts) == N
        assert store.counts()["duplicates"] == N // 2  # the near-copies, linked once each
    hasher = Hasher()
    sigs = [hasher.signature(t) for t in texts]
    for a, b in itertools.combinations(sigs, 2):
        assert a.similarity(b) < NEAR_DUPLICATE


def test_a_kill_during_store_creation_never_leaves_it_unusable(tmp_path: Path) -> None:
    child = (
        "import sys; from communique.store import Store; print('ready', flush=True); "
        "Store.open(sys.argv[1]).close(); print('done', flush=True)"
    )
    rng = random.Random(17)
    killed = 0
    for n in range(12):
        db = tmp_path / f"new{n}.db"
        proc = subprocess.Popen(
            [sys.executable, "-c", child, str(db)], stdout=subprocess.PIPE, text=True
        )
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n"
        time.sleep(rng.uniform(0, 0.03))
        os.kill(proc.pid, signal.SIGKILL)
        killed += proc.wait() == -signal.SIGKILL
        with Store.open(db) as store:  # whatever was left: a usable store, created anew
            assert store.schema_version() == SCHEMA_VERSION
    assert killed >= 6  # most kills landed before the child finished
