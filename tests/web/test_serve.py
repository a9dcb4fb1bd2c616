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

from .web_support import HOSTILE_ID, HOSTILE_TITLE, SAMPLES, free_port


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
