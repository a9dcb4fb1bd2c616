"""CLI surface: help, resume after an interruption, exports, clear errors."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from communique import open_store
from communique.cli import cli
from communique.store import Store
from conftest import SAMPLES

runner = CliRunner()


def test_help_explains_every_command() -> None:
    res = runner.invoke(cli, ["--help"])
    assert res.exit_code == 0
    for cmd in (
        "analyze",
        "extract",
        "events",
        "quotes",
        "stance",
        "articles",
        "export",
        "failures",
    ):
        assert cmd in res.output
        sub = runner.invoke(cli, [cmd, "--help"])
        assert sub.exit_code == 0 and "Usage:" in sub.output


def test_query_without_store_is_a_clear_error(tmp_path: Path) -> None:
    res = runner.invoke(cli, ["events", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 2 and "communique analyze" in res.output


def test_interrupted_run_resumes_without_duplicates(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = str(tmp_path / "c.db")
    src = str(SAMPLES / "text")
    real_insert = Store.insert  # the runner's write (checked again under the write lock)
    calls = {"n": 0}

    def flaky_insert(self: Store, analysis, *args):  # type: ignore[no-untyped-def]
        calls["n"] += 1
        if calls["n"] == 3:
            raise KeyboardInterrupt
        return real_insert(self, analysis, *args)

    monkeypatch.setattr(Store, "insert", flaky_insert)
    res = runner.invoke(cli, ["analyze", "-q", "--db", db, src])
    assert res.exit_code != 0
    with open_store(db) as store:
        assert store.counts()["articles"] == 2
        assert store.query("SELECT status FROM runs")[0][0] == "interrupted"
    monkeypatch.setattr(Store, "insert", real_insert)
    res = runner.invoke(cli, ["analyze", "-q", "--db", db, src])
    assert res.exit_code == 0, res.output
    n_files = len([p for p in Path(src).iterdir() if p.is_file()])
    with open_store(db) as store:
        assert store.counts()["articles"] == n_files
        assert store.query("SELECT count(DISTINCT id) FROM articles")[0][0] == n_files


def test_exports(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert runner.invoke(cli, ["analyze", "-q", "--db", db, str(SAMPLES / "text")]).exit_code == 0
    out = tmp_path / "all.jsonl"
    res = runner.invoke(cli, ["export", "--db", db, "--format", "jsonl", "--out", str(out)])
    assert res.exit_code == 0, res.output
    lines = [json.loads(x) for x in out.read_text().splitlines()]
    assert lines and all(x["schema"] == "communique/3" for x in lines)
    res = runner.invoke(
        cli, ["export", "--db", db, "--format", "csv", "--out", str(tmp_path / "csv")]
    )
    assert res.exit_code == 0, res.output
    with open(tmp_path / "csv" / "events.csv") as fh:
        rows = list(csv.DictReader(fh))
    assert rows and {"article_id", "type", "evidence_text", "source_actor_id"} <= set(rows[0])
    res = runner.invoke(cli, ["export", "--db", db, "--format", "csv"])
    assert res.exit_code == 2 and "--out" in res.output


def test_query_filters(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert runner.invoke(cli, ["analyze", "-q", "--db", db, str(SAMPLES)]).exit_code == 0
    everything = json.loads(runner.invoke(cli, ["quotes", "--db", db, "--format", "json"]).output)
    assert everything
    outlet = everything[0]["outlet"]
    some = json.loads(
        runner.invoke(cli, ["quotes", "--db", db, "--format", "json", "--outlet", outlet]).output
    )
    assert some and all(r["outlet"] == outlet for r in some) and len(some) < len(everything)
    late = json.loads(
        runner.invoke(
            cli, ["articles", "--db", db, "--format", "json", "--since", "2022-01-01"]
        ).output
    )
    assert all(r["published"] >= "2022-01-01" for r in late)
    rus = json.loads(
        runner.invoke(cli, ["events", "--db", db, "--format", "json", "--actor", "RUS"]).output
    )
    assert rus and all(
        "RUS" in (r["source_code"], r["target_code"]) or "Russia" in f"{r['source']}{r['target']}"
        for r in rus
    )
    table = runner.invoke(cli, ["events", "--db", db, "--limit", "3"])
    assert table.exit_code == 0


def test_parquet_export_needs_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = str(tmp_path / "c.db")
    assert runner.invoke(cli, ["analyze", "-q", "--db", db, str(SAMPLES / "jsonl")]).exit_code == 0
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # as if the extra were not installed
    res = runner.invoke(
        cli, ["export", "--db", db, "--format", "parquet", "--out", str(tmp_path / "pq")]
    )
    assert res.exit_code == 2 and "communique[parquet]" in res.output
    assert res.output.startswith("communique: [C500]"), res.output


def test_extract_with_user_actor_file(tmp_path: Path) -> None:
    people = tmp_path / "people.csv"
    people.write_text(
        "id,name,aliases,country,sector,role,start,end\n"
        "jaan-kask,Jaan Kask,Kask,EST,DIP,Foreign Minister,2022-07-18,\n"
    )
    article = tmp_path / "a.txt"
    article.write_text(
        "Foreign Minister Jaan Kask said on Tuesday that Estonia would expel two Russian diplomats."
    )
    res = runner.invoke(
        cli, ["extract", str(article), "--actors", str(people), "--published", "2023-01-10"]
    )
    assert res.exit_code == 0, res.output
    actors = {a["id"]: a for a in json.loads(res.output)["actors"]}
    assert (
        actors["person:jaan-kask"]["country"] == "EST" and not actors["person:jaan-kask"]["learned"]
    )


def test_os_and_store_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert runner.invoke(cli, ["analyze", "-q", "--db", db, str(SAMPLES / "jsonl")]).exit_code == 0
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    res = runner.invoke(cli, ["export", "--db", db, "--format", "csv", "--out", str(blocker / "d")])
    assert res.exit_code == 2 and res.output.startswith("communique: cannot read or write")
    assert "Traceback" not in res.output
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"SQLite format 3\x00" + b"\xff" * 200)
    res = runner.invoke(cli, ["events", "--db", str(junk)])
    assert res.exit_code == 2 and res.output.startswith("communique: ")


def test_help_does_not_load_the_pipeline() -> None:
    """`communique --help` stays quick: the CLI loads spaCy, the pipeline and the store only
    for the commands that use them."""
    import subprocess

    code = (
        "import sys, communique.cli; "
        "print(sorted(m for m in ('spacy', 'communique.pipeline', 'communique.store', "
        "'trafilatura') if m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]", out.stdout


def test_query_filters_refuse_what_is_not_a_date_or_a_row_count(tmp_path: Path) -> None:
    db = str(tmp_path / "c.db")
    assert runner.invoke(cli, ["analyze", "-q", "--db", db, str(SAMPLES / "jsonl")]).exit_code == 0
    for args, says in (
        (["--since", "2019-13-45"], "YYYY-MM-DD"),
        (["--until", "soon"], "YYYY-MM-DD"),
        (["--limit", "9" * 20], "Invalid value"),
    ):
        res = runner.invoke(cli, ["events", "--db", db, *args])
        assert res.exit_code == 2 and says in res.output, (args, res.output)
        assert res.output.count("\n") == 1, res.output  # one line, no usage text
    res = runner.invoke(cli, ["events", "--db", db, "--since", "2019-11-01", "--format", "json"])
    assert res.exit_code == 0 and json.loads(res.output)


def test_analyze_says_when_what_it_skips_another_coder_coded(tmp_path: Path) -> None:
    """A re-run skips what is stored; when another coder coded it (here: without stance),
    the summary says how many and that `recode` re-codes them — and says nothing once
    the same coder runs again."""
    runner = CliRunner()
    db = str(tmp_path / "c.db")
    one = sorted((SAMPLES / "text").iterdir())[0]
    args = ["analyze", "-q", "--workers", "1", "--db", db, str(one)]
    assert runner.invoke(cli, [*args, "--no-stance"]).exit_code == 0
    res = runner.invoke(cli, args)
    assert res.exit_code == 0, res.output
    assert "1 of the stored articles skipped were coded by another coder" in res.output
    assert "`communique recode` re-codes them" in res.output
    same = runner.invoke(cli, [*args, "--no-stance"])
    assert same.exit_code == 0 and "another coder" not in same.output, same.output
