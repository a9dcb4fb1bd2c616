"""Issue 17, operations: SIGTERM, SIGHUP and SIGINT end `analyze` cleanly — one line on
stderr, exit code 128 + the signal, the run marked interrupted — and a re-run resumes."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import SAMPLES


def _running(db: Path) -> bool:
    """Whether the run has started writing (its row is in the store)."""
    if not db.exists():
        return False
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1) as conn:
            return conn.execute("SELECT count(*) FROM runs").fetchone()[0] > 0
    except sqlite3.Error:
        return False  # not made yet


@pytest.mark.parametrize(
    ("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129), (signal.SIGINT, 130)]
)
def test_a_signal_ends_analyze_cleanly_and_marks_the_run(
    tmp_path: Path, sig: signal.Signals, code: int
) -> None:
    db = tmp_path / "s.db"
    cmd = [sys.executable, "-m", "communique", "analyze", "-q", "--db", str(db), str(SAMPLES)]
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 120
    while not _running(db) and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, "the run ended before it could be signalled"
    proc.send_signal(sig)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == code, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and f"stopped by {sig.name}" in lines[0], err
    with sqlite3.connect(db) as conn:
        (status,) = conn.execute("SELECT status FROM runs").fetchone()
    assert status == "interrupted"
    if sig == signal.SIGTERM:  # resumed: the same command finishes the work
        again = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
        assert again.returncode == 0, again.stderr
        with sqlite3.connect(db) as conn:
            assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == 26
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
