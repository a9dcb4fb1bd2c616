"""Re-coding stored articles after the actor registry changed: a new run whose records
replace the old ones, the replaced coding kept and queryable by run until pruned, and
nothing re-coded that the same coder made."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from communique.cli import cli
from communique.pipeline import Options, Pipeline
from communique.recode import recode_store
from communique.runner import analyze_into_store
from communique.store import Store, run_rows

runner = CliRunner()

TEXT = (
    "Foreign Minister Jaan Kask accused Russia on Tuesday of jamming satellite signals over "
    "the Baltic Sea.\n\nKask also met the Latvian foreign minister in Riga on Wednesday to "
    "discuss the interference."
)
PEOPLE = (
    "id,name,aliases,country,sector,role,start,end\n"
    "jaan-kask,Jaan Kask,Kask,EST,DIP,Foreign Minister,2022-07-18,\n"
)


@pytest.fixture
def store_path(tmp_path: Path, pipeline: Any) -> str:
    src = tmp_path / "a.jsonl"
    src.write_text(
        json.dumps(
            {
                "text": TEXT,
                "title": "Estonia accuses Russia of jamming",
                "url": "https://example.org/jamming",
                "outlet": "Example",
                "published": "2023-01-10",
            }
        )
        + "\n"
    )
    db = str(tmp_path / "c.db")
    analyze_into_store(pipeline, [str(src)], db)
    return db


def _sources(db: str, *args: str) -> list[str]:
    res = runner.invoke(
        cli, ["events", "--db", db, "--format", "json", "--columns", "source_actor_id", *args]
    )
    assert res.exit_code == 0, res.output
    return sorted(str(r["source_actor_id"]) for r in json.loads(res.output))


def test_recode_after_an_actor_file_change_updates_the_events(
    tmp_path: Path, pipeline: Any, store_path: str
) -> None:
    assert "person:jaan-kask" not in _sources(store_path)
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE)
    informed = Pipeline(Options(stance=False, actors_files=(people,)), nlp=pipeline.nlp)
    summary = recode_store(informed, store_path)
    assert summary.run_id == 2
    assert (summary.progress.done, summary.progress.changed) == (1, 1)
    assert "person:jaan-kask" in _sources(store_path)
    # the coding the recode replaced is still there, by its run
    assert "person:jaan-kask" not in _sources(store_path, "--run", "1")
    assert _sources(store_path, "--run", "2") == _sources(store_path)
    with Store.open(store_path) as store:
        rows = {r["id"]: r for r in run_rows(store)}
        aid = store.article_ids()[0]
        old = store.coding(aid, 1)
        assert old is not None and all(a.id != "person:jaan-kask" for a in old.actors)
    assert (rows[1]["kind"], rows[1]["coded"], rows[1]["kept"]) == ("analyze", 0, 1)
    assert (rows[2]["kind"], rows[2]["coded"], rows[2]["kept"]) == ("recode", 1, 0)
    assert rows[1]["registry"] != rows[2]["registry"] and rows[1]["code"] == rows[2]["code"]


def test_the_same_coder_recodes_nothing_and_all_reproduces_the_records(
    pipeline: Any, store_path: str
) -> None:
    again = recode_store(pipeline, store_path)
    assert again.run_id is None and again.progress.current == 1
    with Store.open(store_path) as store:
        before = store.load(store.article_ids()[0])
    forced = recode_store(pipeline, store_path, every=True)
    assert (forced.progress.done, forced.progress.changed) == (1, 0)
    assert forced.before == forced.after
    with Store.open(store_path) as store:
        assert store.load(store.article_ids()[0]) == before


def test_prune_drops_replaced_codings_only(tmp_path: Path, pipeline: Any, store_path: str) -> None:
    recode_store(pipeline, store_path, every=True)
    res = runner.invoke(cli, ["runs", "prune", "--db", store_path])
    assert res.exit_code == 0 and "pruned 1 replaced coding" in res.output
    res = runner.invoke(cli, ["events", "--db", store_path, "--run", "1"])
    assert res.exit_code == 2 and "run 1 coded no article" in res.output
    assert _sources(store_path, "--run", "2") == _sources(store_path) != []
    res = runner.invoke(cli, ["events", "--db", store_path, "--run", "9"])
    assert res.exit_code == 2 and "no run 9" in res.output


def test_recode_command_reports_counts_and_lists_runs(tmp_path: Path, store_path: str) -> None:
    people = tmp_path / "people.csv"
    people.write_text(PEOPLE)
    res = runner.invoke(
        cli, ["recode", "--db", store_path, "-q", "--no-stance", "--actors", str(people)]
    )
    assert res.exit_code == 0, res.output
    assert res.output.startswith("run 2: re-coded 1 of 1 articles (1 changed")
    assert "events" in res.output
    res = runner.invoke(
        cli, ["recode", "--db", store_path, "-q", "--no-stance", "--actors", str(people)]
    )
    assert res.exit_code == 0 and res.output.startswith("nothing to re-code"), res.output
    res = runner.invoke(cli, ["runs", "list", "--db", store_path, "--format", "csv"])
    assert res.exit_code == 0
    lines = res.output.splitlines()
    assert len(lines) == 3 and lines[2].startswith("2,recode,")
    res = runner.invoke(cli, ["recode", "--db", str(tmp_path / "none.db")])
    assert res.exit_code == 2 and "no store at" in res.output
