"""Without the [dask] extra, batch and load say which extra to install (one line, exit 2)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

import communique
from communique.cli import cli


def test_without_dask_the_commands_name_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for name in list(sys.modules):
        if name.split(".")[0] == "distributed" or name.startswith("communique.batch"):
            monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed fails
    monkeypatch.delattr(communique, "batch", raising=False)
    for args in (["load", str(tmp_path)], ["batch", "x.txt", "--local", "1", "--out", "o"]):
        res = CliRunner().invoke(cli, args)
        assert res.exit_code == 2, res.output
        assert "pip install 'communique[dask]'" in res.stderr
