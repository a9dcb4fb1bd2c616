"""``communique serve`` as a process: it answers while ``analyze`` writes to the same
store, and pages read what was committed meanwhile. And the app's answers seen from
Starlette's test client: security headers, escaping, 404 and 400 pages, read-only store."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from communique.store import Store

from .web_support import HOSTILE_ID, HOSTILE_TITLE, SAMPLES, free_port, story_k


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8")


def _articles(html: str) -> int:
    m = re.search(r"<strong>([\d,]+)</strong> articles", html)
    assert m, html[:500]
    return int(m[1].replace(",", ""))


def test_serve_answers_while_analyze_writes(tmp_path: Path) -> None:
    db = tmp_path / "live.db"
    first = tmp_path / "first"
    first.mkdir()
    (first / "a.txt").write_text((SAMPLES / "text").glob("*.txt").__next__().read_text())
    cli = [sys.executable, "-m", "communique"]
    subprocess.run([*cli, "analyze", "-q", "--db", str(db), str(first)], check=True, timeout=600)
    port = free_port()
    server = subprocess.Popen(
        [*cli, "serve", "--db", str(db), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    writer = None
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 60
        while True:
            try:
                status, html = _get(base + "/")
                break
            except (urllib.error.URLError, ConnectionError):
                assert server.poll() is None, server.communicate()[1].decode()
                assert time.monotonic() < deadline, "serve did not start"
                time.sleep(0.2)
        assert status == 200 and _articles(html) == 1
        writer = subprocess.Popen(
            [*cli, "analyze", "-q", "--db", str(db), str(SAMPLES)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        seen: list[int] = []
        answered = 0
        while writer.poll() is None:
            for path in ("/", "/search?kind=events", "/search?q=talks", "/dyad"):
                status, html = _get(base + path)
                assert status == 200, (path, html[:1000])
                answered += 1
                if path == "/":
                    seen.append(_articles(html))
        _, err = writer.communicate()
        assert writer.returncode == 0, err.decode()[-2000:]
        status, html = _get(base + "/")
        assert status == 200
        seen.append(_articles(html))
        assert answered >= 8, "pages were asked for while analyze wrote"
        assert seen == sorted(seen), "counts only grow"
        assert len(set(seen)) >= 2, f"pages showed the articles as they were committed: {seen}"
        assert seen[-1] >= 20
    finally:
        if writer is not None and writer.poll() is None:
            writer.kill()
        server.terminate()
        server.wait(30)


@pytest.fixture(scope="module")
def client(web_db: str) -> Any:
    from starlette.testclient import TestClient

    from communique.web import create_app

    return TestClient(create_app(web_db), raise_server_exceptions=False)


def test_every_answer_has_the_security_headers(client: Any) -> None:
    from communique.web import SECURITY_HEADERS

    for path in ("/", "/search?q=x", "/nope", "/static/style.css", f"/article/{HOSTILE_ID}"):
        r = client.get(path)
        for k, v in SECURITY_HEADERS.items():
            assert r.headers.get(k) == v, (path, k)
    csp = SECURITY_HEADERS["content-security-policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp  # no script at all


def test_hostile_fields_are_escaped_in_the_html(client: Any) -> None:
    r = client.get(f"/article/{HOSTILE_ID}")
    assert r.status_code == 200
    html = r.text
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert not re.search(r"<[a-z][^<>]*\son\w+=", html, re.I), "no tag has an on* attribute"
    assert 'href="javascript:' not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert HOSTILE_TITLE.replace("<", "&lt;").replace(">", "&gt;") in html


@pytest.mark.parametrize(
    "path",
    [
        "/article/no-such-id",
        "/article/%3Cscript%3E",
        "/actor/person:nobody-at-all",
        "/story/no-such-story",
        "/story/%3Cscript%3E",
        "/no/such/page",
        "/static/nothing.css",
    ],
)
def test_bad_ids_are_a_404_page(client: Any, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert "<h1>Not found</h1>" in r.text and "Traceback" not in r.text


@pytest.mark.parametrize(
    ("path", "says"),
    [
        ("/search?kind=events&since=2019-13", "is not a date"),
        ("/search?kind=events&actor=Zzyzx+Qwertyland", "no actor"),
        ("/search?q=%22unbalanced", "cannot search for"),
        ("/dyad?a=USA&b=USA", "the same"),
        ("/dyad?a=USA&b=CHN&by=decade", "is not a period"),
        ("/stories?since=2019-13", "is not a date"),
        ("/stories?until=soon", "is not a date"),
    ],
)
def test_bad_filters_are_the_form_again_with_the_reason(client: Any, path: str, says: str) -> None:
    r = client.get(path)
    assert r.status_code == 400, r.text[:500]
    assert says in r.text and "<form" in r.text


def test_filters_narrow_the_results(client: Any, web_db: str) -> None:
    with Store.open(web_db, read_only=True) as store:
        n_accuse = store.query("SELECT count(*) FROM events WHERE type = 'ACCUSE'")[0][0]
        n_all = store.query("SELECT count(*) FROM events")[0][0]
    assert 0 < n_accuse < n_all
    every = client.get("/search?kind=events").text.count('class="evidence"')
    accuse = client.get("/search?type=ACCUSE").text.count('class="evidence"')
    assert every == min(n_all, 50) and accuse == min(n_accuse, 50)


def test_the_store_is_opened_read_only(web_db: str) -> None:
    with Store.open(web_db, read_only=True) as store:
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            store.conn.execute("DELETE FROM articles")
        assert store.query("SELECT count(*) FROM articles")[0][0] > 0


def test_a_read_only_open_of_a_missing_or_older_store_says_what_to_do(tmp_path: Path) -> None:
    from communique.errors import StoreError

    with pytest.raises(StoreError, match="no store at"):
        Store.open(tmp_path / "missing.db", read_only=True)
    old = tmp_path / "old.db"
    conn = sqlite3.connect(old)
    conn.execute("CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)")
    conn.execute("INSERT INTO meta VALUES ('schema_version', '3')")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="older than"):
        Store.open(old, read_only=True)


def test_an_article_shows_the_removed_boilerplate_with_its_reason(client: Any, web_db: str) -> None:
    with Store.open(web_db, read_only=True) as store:
        article_id, reason, text = store.query(
            "SELECT article_id, reason, text FROM removed ORDER BY article_id, rowid LIMIT 1"
        )[0]
    html = client.get(f"/article/{article_id}").text
    assert "Removed while cleaning" in html
    assert f'<span class="reason">{reason}</span>' in html
    assert text.strip()[:30].replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in html


@pytest.mark.parametrize(
    ("day", "role"),
    [("2017-06-01", "CIA Director"), ("2019-06-01", "Secretary of State"), ("2022-06-01", None)],
)
def test_an_actor_is_who_they_were_on_the_date_asked(
    client: Any, day: str, role: str | None
) -> None:
    html = client.get(f"/actor/person:mike-pompeo?date={day}").text
    if role is None:
        assert f"No role held on {day}" in html
    else:
        assert f"<strong>{role}</strong>" in html
        other = {"CIA Director", "Secretary of State"} - {role}
        assert f"<strong>{other.pop()}</strong>" not in html


def test_a_missing_browser_skips_with_how_to_get_one_but_fails_under_ci(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from .conftest import _missing

    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="apt-get install chromium"):
        _missing("no Chromium found")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="must run in CI"):
        _missing("no Chromium found")


def _story_links(html: str) -> list[str]:
    return re.findall(r'<a href="/story/(\w+)">', html)


def test_stories_list_with_filters_and_pages(client: Any, web_db: str) -> None:
    from starlette.testclient import TestClient

    from communique.stories import list_stories
    from communique.web import NAV, create_app

    assert ("Stories", "/stories") in NAV
    with Store.open(web_db, read_only=True) as store:
        every = [s["id"] for s in list_stories(store)]
        silk = [s["id"] for s in list_stories(store, outlet="Silk Meridian")]
        jpn = [s["id"] for s in list_stories(store, actor="JPN")]
        since = [s["id"] for s in list_stories(store, since="2023")]
    assert 0 < len(silk) < len(every) and 0 < len(jpn) < len(every)
    assert _story_links(client.get("/stories").text) == every  # latest first, as the CLI
    assert _story_links(client.get("/stories?outlet=Silk+Meridian").text) == silk
    assert _story_links(client.get("/stories?actor=JPN").text) == jpn
    assert _story_links(client.get("/stories?since=2023").text) == since
    assert "No stories." in client.get("/stories?since=2999").text
    # paged like the other lists: a next link while there are more, a previous one after
    fives = TestClient(create_app(web_db, page_rows=5))
    first = fives.get("/stories").text
    assert _story_links(first) == every[:5] and 'href="/stories?page=2"' in first
    last_page = (len(every) + 4) // 5
    last = fives.get(f"/stories?page={last_page}").text
    assert _story_links(last) == every[(last_page - 1) * 5 :]
    assert f'href="/stories?page={last_page - 1}"' in last and 'rel="next"' not in last


def test_a_story_compares_its_outlets(client: Any, web_db: str) -> None:
    """Story K: four outlets; the first reporter marked, Chinese state media flagged and
    shown leaving out Japan's protest; every report's evidence links to its article."""
    from communique.stories import story_report

    sid = story_k(web_db)
    with Store.open(web_db, read_only=True) as store:
        report = story_report(store, sid)
    r = client.get(f"/story/{sid}")
    assert r.status_code == 200
    html = r.text
    outlets = {o["outlet"]: o for o in report["outlets"]}
    assert len(outlets) == 4
    coverage = html[html.index('id="coverage"') : html.index('id="events"')]
    rows = re.findall(r'<tr class="([^"]*)">\s*<td class="outlet">([^<]+)</td>', coverage)
    assert [name for _, name in rows] == [o["outlet"] for o in report["outlets"]]
    first = [name for cls, name in rows if "first" in cls.split()]
    assert first == [o["outlet"] for o in report["outlets"] if o["first_reporter"]]
    assert {name for cls, name in rows if "state" in cls.split()} == {"Silk Meridian"}
    assert "Yoko Kamikawa" in coverage and "Wang Wenbin" in coverage  # whom each quoted
    # every report of every story event links to its evidence in its article
    links = re.findall(r'<a class="evidence" href="/article/(\w+)\?event=(\d+)#t-ev-\2">', html)
    reports = {
        (p["article_id"], str(p["event_id"])) for e in report["events"] for p in e["reports"]
    }
    assert set(links) == reports and len(links) == len(reports)
    # what each left out: Silk Meridian, Japan's protest and the US backing, and Kamikawa
    left = html[html.index('id="left-out"') :]
    silk = left[left.index('<strong class="outlet">Silk Meridian</strong>') :]
    silk = silk[: silk.index("</ul>")]
    acts = {e["act"]: e for e in report["events"]}
    for n in outlets["Silk Meridian"]["left_out_events"]:
        assert f'href="#act-{n}"' in silk and f'id="act-{n}"' in html
        assert acts[n]["type"] in silk
    assert "did not quote" in silk and "Yoko Kamikawa" in silk
    # stance per outlet toward the main actors: a column each
    stance = html[html.index('id="stance"') :]
    for m in report["main_actors"]:
        assert m["name"] in stance
    assert "<script" not in html.lower()


def test_articles_and_the_overview_link_their_stories(client: Any, web_db: str) -> None:
    sid = story_k(web_db)
    with Store.open(web_db, read_only=True) as store:
        article_id = store.query(
            "SELECT article_id FROM story_articles WHERE story_id = ? LIMIT 1", (sid,)
        )[0][0]
    assert f'href="/story/{sid}"' in client.get(f"/article/{article_id}").text
    overview = client.get("/").text
    assert "Latest stories" in overview and _story_links(overview)
    # the hostile article was stored without a story: its page says nothing of one
    assert 'href="/story/' not in client.get(f"/article/{HOSTILE_ID}").text


def test_a_story_of_hostile_articles_stays_inert(web_db: str, tmp_path: Path) -> None:
    """The hostile article grouped into a story of its own (a copy of the store): its
    title and outlet are escaped in the stories list, the story page and the overview."""
    import shutil

    from starlette.testclient import TestClient

    from communique.stories import assign_stories
    from communique.web import create_app

    from .web_support import HOSTILE_OUTLET

    db = tmp_path / "hostile.db"
    shutil.copy(web_db, db)
    with Store.open(db) as store:
        assign_stories(store, [HOSTILE_ID])
        (sid,) = store.query(
            "SELECT story_id FROM story_articles WHERE article_id = ?", (HOSTILE_ID,)
        )[0]
    client = TestClient(create_app(db))
    escaped = HOSTILE_TITLE.replace("<", "&lt;").replace(">", "&gt;")
    for path in ("/", "/stories", f"/stories?outlet={HOSTILE_OUTLET}", f"/story/{sid}"):
        r = client.get(path)
        assert r.status_code == 200, path
        html = r.text
        assert "<script" not in html.lower() and "<img" not in html.lower(), path
        assert "<b " not in html.lower(), path
        # no tag has an on* attribute (quoted values, where escaped text may say one, aside)
        tags = re.sub(r'"[^"]*"', '""', html)
        assert not re.search(r"<[a-z][^<>]*\son\w+=", tags, re.I), path
        assert 'href="javascript:' not in html.lower(), path
        assert escaped in html, path
    story = client.get(f"/story/{sid}").text
    assert HOSTILE_OUTLET.replace("<", "&lt;").replace(">", "&gt;") in story
