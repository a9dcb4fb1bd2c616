"""Docs as code: every `$ communique ...` example in the README runs as shown."""

from __future__ import annotations

import json
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique.cli import cli
from conftest import ROOT, SAMPLES, SHARED

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = [line[2:] for line in README.splitlines() if line.startswith("$ communique")]
#: Exit codes an example may end with: `analyze ... missing.txt` reports a failed input.
EXPECTED = {"analyze": (1,)}


def test_readme_has_examples() -> None:
    assert len(EXAMPLES) >= 6


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    db = str(tmp_path_factory.mktemp("readme") / "communique.db")
    res = CliRunner().invoke(
        cli, ["analyze", "-q", "--db", db, str(SAMPLES), "--outlets", str(SAMPLES / "outlets.csv")]
    )
    assert res.exit_code == 0, res.output
    return db


@pytest.mark.parametrize("example", EXAMPLES)
def test_readme_example_runs(
    example: str, demo_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    command = example.split(" | ")[0]  # what follows a pipe is another program (jq)
    args = shlex.split(command)[1:]
    if any(a.startswith("../shared") for a in args) and not SHARED.exists():
        pytest.skip("example reads ../shared, absent here")
    monkeypatch.chdir(ROOT)  # README paths are relative to the repository root
    db = demo_db if args[0] != "analyze" else str(tmp_path / "x.db")
    res = CliRunner().invoke(cli, args, env={"COMMUNIQUE_DB": db})
    assert res.exit_code in EXPECTED.get(args[0], (0,)), f"{example}\n{res.output}"
    if args[0] == "extract":
        assert json.loads(res.output.splitlines()[0])["schema"] == "communique/1"
