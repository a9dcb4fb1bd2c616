"""Issue 17: a read-only store and a full disk end `analyze` with one clear message."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import pytest

from communique.errors import StoreError
from communique.runner import analyze_into_store
from communique.store import Store
from conftest import SAMPLES


def _as_other_user() -> list[str]:
    """Root writes to read-only files anyway: run the command as nobody then."""
    if os.geteuid() != 0:
        return []
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("running as root without setpriv: a read-only file is writable to root")
    return [setpriv, "--reuid=65534", "--regid=65534", "--clear-groups"]


def test_analyze_into_a_read_only_store_is_one_clear_message() -> None:
    # a folder of its own right under the system's temporary folder, which another user
    # can reach (pytest's tmp_path is private to this user)
    folder = Path(tempfile.mkdtemp(prefix="communique-ro-"))
    db = folder / "s.db"
    Store.open(db).close()
    os.chmod(db, 0o444)
    os.chmod(folder, 0o555)
    try:
        cmd = [sys.executable, "-m", "communique", "analyze", "-q", "--db", str(db)]
        proc = subprocess.run(
            [*_as_other_user(), *cmd, str(SAMPLES / "text")],
            capture_output=True,
            text=True,
            timeout=300,
        )
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.count("\n") == 1 and "is read-only" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr


def test_a_full_disk_is_one_store_error(
    pipeline: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened = Store.open

    def small_disk(path: str | Path) -> Store:
        store = opened(path)
        pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
        store.conn.execute(f"PRAGMA max_page_count = {pages + 3}")  # a disk about to fill
        return store

    monkeypatch.setattr(Store, "open", staticmethod(small_disk))
    with pytest.raises(StoreError, match="disk is full"):
        analyze_into_store(pipeline, [str(SAMPLES / "text")], str(tmp_path / "s.db"))
