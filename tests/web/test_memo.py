"""What the web app keeps between requests (a dyad's relation series, the busiest dyads):
the dyad page shows the numbers ``communique relations`` prints for the same query, and a
kept answer is never served once the store has changed — an article added (analyze), an
event re-coded in place (recode), another store file put at the path."""

from __future__ import annotations

import html
import json
import os
import re
import sqlite3
from pathlib import Path
from typing import Any

from click.testing import CliRunner

from communique.cli import cli
from communique.records import Analysis
from communique.store import Store
from conftest import day, dyad_article


def _client(db: str | Path, **kw: Any) -> Any:
    from starlette.testclient import TestClient

    from communique.web import create_app

    return TestClient(create_app(db, **kw), raise_server_exceptions=True)


def _titles(page: str) -> list[str]:
    """The chart's period titles: "2021-W25: 6 acts, 7 reports; index -0.67 [-1.00, +0.00]"."""
    return [
        html.unescape(t) for t in re.findall(r"<title>(\d{4}[^<]*: [^<]*acts[^<]*)</title>", page)
    ]


def _expected_title(p: dict[str, Any]) -> str:
    """A period's chart title made from ``communique relations --format json``."""
    idx = p["index"]
    if idx["value"] is None:
        value = "no index"
    else:
        value = f"index {idx['value']:+.2f} [{idx['low']:+.2f}, {idx['high']:+.2f}]"
    few = " (few acts)" if p["few_events"] and p["events"] else ""
    return f"{p['period']}: {p['events']} acts, {p['reports']} reports{few}; {value}"


def test_the_dyad_page_shows_the_numbers_of_communique_relations(web_db: str) -> None:
    args = ["USA", "RUS", "--both", "--by", "week", "--format", "json", "--events"]
    res = CliRunner().invoke(cli, ["relations", "--db", web_db, *args])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    periods = doc["periods"]
    assert sum(p["events"] for p in periods) >= 5
    client = _client(web_db)
    url = "/dyad?a=USA&b=RUS&by=week&both=1"
    for _ in range(2):  # made, then kept: the same numbers both times
        assert _titles(client.get(url).text) == [_expected_title(p) for p in periods]
    # either way, whichever actor is named first: the same series
    swapped = client.get("/dyad?a=RUS&b=USA&by=week&both=1").text
    assert _titles(swapped) == [_expected_title(p) for p in periods]
    busiest = max(periods, key=lambda p: p["events"])
    page = client.get(url + f"&period={busiest['period']}").text
    idx = busiest["index"]
    head = (
        f"{busiest['period']}: {busiest['events']} acts, {busiest['reports']} reports, "
        f"index {idx['value']:+.2f} [{idx['low']:+.2f}, {idx['high']:+.2f}]"
    )
    assert head in html.unescape(page)
    shown = [
        html.unescape(e) for e in re.findall(r'class="evidence" href="[^"]*">([^<]*)</a>', page)
    ]
    wanted = [r["evidence"] for a in busiest["acts"] for r in a["reports"]]
    assert shown == wanted and all(shown)


def _analysis(outlet: str, published: str, types: list[str]) -> Analysis:
    """One article of ``outlet`` published on ``published`` whose sentence i is USA's act i
    (``types[i]``) towards China on that day."""
    acts = [("USA", t, "CHN", -2.0 if t == "ACCUSE" else 1.0, day(published)) for t in types]
    return dyad_article(outlet, published, acts)


def _store(path: Path, *analyses: Analysis) -> None:
    with Store.open(path) as store:
        for an in analyses:
            assert store.add(an)


def test_a_kept_series_is_never_served_after_the_store_changes(tmp_path: Path) -> None:
    db = tmp_path / "kept.db"
    _store(db, _analysis("Kestrel News", "2020-01-10", ["ACCUSE"]))
    client = _client(db)
    memo = client.app.state.memo
    url = "/dyad?a=USA&b=CHN&by=month"
    assert _titles(client.get(url).text) == [
        "2020-01: 1 acts, 1 reports (few acts); index -1.00 [-1.00, -1.00]"
    ]
    made = memo.misses
    assert "2020-01: 1 acts" in client.get(url).text
    assert (memo.misses, memo.hits) == (made, 1)  # the second answer was the kept one
    # another period of the same dyad: its acts are kept, only the series is made
    assert "2020: 1 acts" in client.get("/dyad?a=USA&b=CHN&by=year").text
    assert (memo.misses, memo.hits) == (made + 1, 2)

    usa = r'<td class="num">{}</td><td class="nowrap">2020-'
    assert re.search(usa.format(1), client.get("/actor/USA").text)  # named in one article
    assert "<strong>1</strong> articles" in client.get("/").text

    # analyze stores another article: a new act is shown at once, and a second article
    _store(db, _analysis("Gulf Lantern", "2020-02-03", ["CONSULT"]))
    assert re.search(usa.format(2), client.get("/actor/USA").text)
    assert "<strong>2</strong> articles" in client.get("/").text
    assert [t.split(";")[0] for t in _titles(client.get(url).text)] == [
        "2020-01: 1 acts, 1 reports (few acts)",
        "2020-02: 1 acts, 1 reports (few acts)",
    ]
    # recode re-codes an event in place (no article added): shown at once
    with Store.open(db) as store, store.conn:
        store.conn.execute("UPDATE events SET type = 'AID', quad = 'material_coop'")
    assert "index +1.00" in client.get(url).text
    assert "index -1.00" not in client.get(url).text
    # the busiest dyads (overview and dyads page) too
    row = r'USA → CHN</a></td><td class="num">{}</td><td class="num">{}</td>'
    assert re.search(row.format(2, 2), client.get("/dyad").text)
    _store(db, _analysis("Meuse Wire", "2020-02-04", ["ACCUSE", "ACCUSE"]))
    assert re.search(row.format(3, 4), client.get("/dyad").text)


def test_another_store_put_at_the_path_is_read_afresh(tmp_path: Path) -> None:
    db = tmp_path / "served.db"
    _store(db, _analysis("Kestrel News", "2020-01-10", ["ACCUSE"]))
    _checkpoint(db)
    client = _client(db)
    url = "/dyad?a=USA&b=CHN&by=month"
    assert "2020-01: 1 acts" in client.get(url).text
    other = tmp_path / "other.db"
    _store(other, _analysis("Kestrel News", "2021-05-10", ["CONSULT", "AID"]))
    _checkpoint(other)
    os.replace(other, db)
    assert _titles(client.get(url).text) == [
        "2021-05: 2 acts, 2 reports (few acts); index +1.00 [+1.00, +1.00]"
    ]


def _checkpoint(db: Path) -> None:
    """Leave the store as one file (no write-ahead log beside it), as a copy would be."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()


def test_memo_size_0_keeps_nothing(tmp_path: Path) -> None:
    db = tmp_path / "none.db"
    _store(db, _analysis("Kestrel News", "2020-01-10", ["ACCUSE"]))
    client = _client(db, memo_size=0)
    for _ in range(2):
        assert "2020-01: 1 acts" in client.get("/dyad?a=USA&b=CHN&by=month").text
    assert client.app.state.memo.hits == 0
