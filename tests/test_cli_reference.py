"""The generated docs must not go stale: docs/CLI.md (from --help) and docs/PARQUET.md
(the batch's Parquet datasets, from the code)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT


@pytest.mark.parametrize("script", ["make_cli_reference.py", "make_parquet_layout.py"])
def test_generated_doc_is_current(script: str) -> None:
    if script == "make_parquet_layout.py":
        pytest.importorskip("distributed")
    proc = subprocess.run(
        [sys.executable, str(ROOT / "docs" / script), "--check"],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
