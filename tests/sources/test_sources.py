"""More sources — WARC, CSV, URLs and feeds — and their bad input, reported per item.

No test touches the internet: URL tests use canned responses through the client's transport
hook, and the timeout test runs a real HTTP server on 127.0.0.1 that stops itself."""

from __future__ import annotations

import gzip
import http.server
import io
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from warcio.statusandheaders import StatusAndHeaders  # type: ignore[import-untyped]  # no types
from warcio.warcwriter import WARCWriter  # type: ignore[import-untyped]  # no types

from communique.errors import FetchError
from communique.records import Document, Failure
from communique.sources import Fetcher, IngestOptions, Request, Response, iter_documents

TEXT = "Kremlin spokesman Dmitry Peskov said on Tuesday that Russia values its ties with China."
PAGE = f"<html><head><title>Ties</title></head><body><p>{TEXT}</p></body></html>"


def run(paths: list[str], client: Fetcher | None = None, **kw: Any) -> list[Document | Failure]:
    return list(iter_documents(paths, IngestOptions(**kw), client=client))


def kinds(items: list[Document | Failure]) -> list[str]:
    return [type(i).__name__ for i in items]


def why(item: Document | Failure) -> str:
    assert isinstance(item, Failure), item
    return item.reason


def doc(item: Document | Failure) -> Document:
    assert isinstance(item, Document), item
    return item


# -- WARC -------------------------------------------------------------------------------
def warc_record(
    gz: bool,
    kind: str = "response",
    url: str = "https://news.example/a",
    body: bytes = PAGE.encode(),
    ctype: str = "text/html; charset=utf-8",
    status: str = "200 OK",
) -> bytes:
    """One WARC record (one gzip member when ``gz``), written by warcio itself."""
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=gz)
    if kind == "warcinfo":
        w.write_record(w.create_warcinfo_record("test.warc", {"software": "communique tests"}))
    else:
        headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
        if kind == "request":
            headers = StatusAndHeaders(
                "GET / HTTP/1.1", [("Host", "news.example")], is_http_request=True
            )
        w.write_record(
            w.create_warc_record(url, kind, payload=io.BytesIO(body), http_headers=headers)
        )
    return buf.getvalue()


def a_warc(gz: bool) -> list[bytes]:
    return [
        warc_record(gz, "warcinfo"),
        warc_record(gz, "request"),
        warc_record(gz, url="https://news.example/1"),
        warc_record(
            gz, url="https://news.example/logo.png", body=b"\x89PNG\r\n", ctype="image/png"
        ),
        warc_record(gz, url="https://news.example/gone", status="404 Not Found"),
        warc_record(
            gz, url="https://news.example/2", body=PAGE.encode("cp1252"), ctype="text/html"
        ),
    ]


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_html_responses_become_documents(tmp_path: Path, gz: bool) -> None:
    path = tmp_path / ("cc-news.warc.gz" if gz else "cc-news.warc")
    path.write_bytes(b"".join(a_warc(gz)))
    items = run([str(tmp_path)])  # found by the directory scan too
    assert all(isinstance(i, Document) for i in items), items
    assert [(i.origin, i.meta["url"]) for i in items if isinstance(i, Document)] == [
        (f"{path}#3", "https://news.example/1"),
        (f"{path}#6", "https://news.example/2"),
    ]
    assert all(doc(i).media_type == "text/html" and TEXT in doc(i).content for i in items)
    assert "published" not in doc(items[0]).meta  # the crawl date is not the publication


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_broken_record_is_a_failure_and_the_rest_is_read(tmp_path: Path, gz: bool) -> None:
    recs = a_warc(gz)
    # gz: a corrupt deflate stream inside the member; plain: a header line not WARC/1.x
    r = recs[2]
    broken = r[:20] + b"\x00garbage" * 8 + r[84:] if gz else b"WARX/1.0" + r[8:]
    path = tmp_path / ("broken.warc.gz" if gz else "broken.warc")
    path.write_bytes(b"".join([*recs[:2], broken, *recs[3:]]))
    items = run([str(path)])
    assert kinds(items) == ["Failure", "Document"]
    assert items[0].origin == f"{path}#3" and "record 3 is broken" in why(items[0])
    assert "the rest of the file is read" in why(items[0])
    assert items[1].origin == f"{path}#6"


@pytest.mark.parametrize("gz", [False, True], ids=["warc", "warc.gz"])
def test_warc_cut_off_record_and_not_a_warc(tmp_path: Path, gz: bool) -> None:
    recs = a_warc(gz)
    for cut, name in ((60, "early.warc"), (len(recs[2]) - 15, "late.warc")):
        (tmp_path / name).write_bytes(recs[0] + recs[1] + recs[2][:cut])
        items = run([str(tmp_path / name)])
        assert kinds(items) == ["Failure"], items
        assert items[0].origin.endswith("#3") and "cut off" in why(items[0])
    (tmp_path / "notes.warc").write_text("these are my notes\n" * 20)
    (notwarc,) = run([str(tmp_path / "notes.warc")])
    assert isinstance(notwarc, Failure) and "not a WARC file" in notwarc.reason


def test_warc_record_over_max_bytes(tmp_path: Path) -> None:
    huge = f"<html><body><p>{TEXT}</p>{'<p>filler</p>' * 200}</body></html>".encode()
    path = tmp_path / "big.warc.gz"
    path.write_bytes(warc_record(True, body=huge) + warc_record(True, url="https://n.example/2"))
    items = run([str(path)], max_bytes=1000)
    assert kinds(items) == ["Failure", "Document"]
    assert "over the limit of" in why(items[0]) and "--max-bytes" in why(items[0])


# -- CSV --------------------------------------------------------------------------------
def test_csv_rows_with_field_names_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "articles.csv"
    path.write_text(
        "headline,body,link,source\n"
        f'"Ties","{TEXT}",https://x.example/1,X\n'
        '"No body","",https://x.example/2,X\n'
        f'"Multi\nline","{TEXT}\n\nSecond paragraph, with ""quotes"".",,\n',
        encoding="utf-8",
    )
    opts = IngestOptions(
        text_field="body", url_field="link", title_field="headline", outlet_field="source"
    )
    items = list(iter_documents([str(path)], opts))
    assert kinds(items) == ["Document", "Failure", "Document"]
    assert doc(items[0]).meta == {"url": "https://x.example/1", "title": "Ties", "outlet": "X"}
    assert "row 2" in why(items[1]) and "--text-field" in why(items[1])
    assert doc(items[2]).content.endswith('with "quotes".')
    assert [i.origin for i in items] == [f"{path}#{n}" for n in (1, 2, 3)]
    missing = run([str(path)])  # default field names: no "text" or "html" column
    assert kinds(missing) == ["Failure"] and "'body'" in why(missing[0])


def test_csv_latin1_and_tsv_gz(tmp_path: Path) -> None:
    (tmp_path / "latin.csv").write_bytes(f"text\n{TEXT} Caf\xe9 S\xe3o Paulo.\n".encode("latin-1"))
    with gzip.open(tmp_path / "rows.tsv.gz", "wt") as fh:
        fh.write(f"title\ttext\nT\t{TEXT}\n")
    latin, tsv = run([str(tmp_path / "latin.csv"), str(tmp_path / "rows.tsv.gz")])
    assert isinstance(latin, Document) and "Café São Paulo" in latin.content
    assert latin.meta == {"encoding": "cp1252"}
    assert isinstance(tsv, Document) and tsv.meta == {"title": "T"} and tsv.content == TEXT


# -- the HTTP client --------------------------------------------------------------------
Canned = dict[str, Response | type[BaseException] | list[Response]]


def canned(responses: Canned, seen: list[Request] | None = None) -> Callable[[Request], Response]:
    """A transport answering from a table; a list answers one item per call."""

    def transport(req: Request) -> Response:
        if seen is not None:
            seen.append(req)
        answer = responses.get(req.url)
        if answer is None:
            return Response(req.url, 404, b"not found")
        if isinstance(answer, list):
            return answer.pop(0)
        if isinstance(answer, type):
            raise answer("canned failure")
        return answer

    return transport


def html(url: str, body: str = PAGE, status: int = 200) -> Response:
    return Response(url, status, body.encode(), {"content-type": "text/html; charset=utf-8"})


def client(responses: Canned, seen: list[Request] | None = None, **kw: Any) -> Fetcher:
    naps: list[float] = []
    return Fetcher(transport=canned(responses, seen), sleep=naps.append, **kw)


def test_fetcher_retries_transient_errors_with_backoff() -> None:
    url = "https://n.example/a"
    naps: list[float] = []
    seen: list[Request] = []
    flaky = [Response(url, 503, b""), Response(url, 502, b""), html(url)]
    f = Fetcher(transport=canned({url: flaky}, seen), sleep=naps.append, retries=2, backoff=0.5)
    assert f.get(url).status == 200
    assert naps == [0.5, 1.0] and len(seen) == 3
    assert seen[0].headers["User-Agent"].startswith("communique/")
    f = Fetcher(transport=canned({url: TimeoutError}), sleep=naps.append, retries=1, timeout=3)
    with pytest.raises(FetchError, match=r"timed out after 3s.*--timeout.*after 2 attempts"):
        f.get(url)


def test_fetcher_does_not_retry_client_errors_and_refuses_big_or_odd_urls() -> None:
    seen: list[Request] = []
    f = client({}, seen, retries=3)
    with pytest.raises(FetchError, match="HTTP 404"):
        f.get("https://n.example/missing")
    assert len(seen) == 1
    big = "https://n.example/big"
    sized = Response(big, 200, b"", {"content-length": str(20 * 1024 * 1024)})
    with pytest.raises(FetchError, match=r"20\.0 MB, over the limit of 16\.0 MB.*--max-bytes"):
        client({big: sized}).get(big)
    with pytest.raises(FetchError, match="over the limit"):
        client({big: Response(big, 200, b"x" * 101)}, max_bytes=100).get(big)
    with pytest.raises(FetchError, match="only http"):
        f.get("file:///etc/passwd")


# -- URLs and feeds ---------------------------------------------------------------------
RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>News</title>
<item><title>First</title><link>https://n.example/1</link>
  <pubDate>Tue, 05 May 2020 10:00:00 +0000</pubDate></item>
<item><title>Slow</title><link>https://n.example/slow</link></item>
<item><title>Broken</title><link>https://n.example/500</link></item>
<item><title>Huge</title><link>https://n.example/huge</link></item>
<item><title>No link</title></item>
<item><title>Beyond the limit</title><link>https://n.example/6</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Atom news</title>
<entry><title>Relative</title><link rel="alternate" href="/a/1"/>
  <link rel="enclosure" href="https://n.example/a.mp3"/>
  <published>2020-05-05T10:00:00Z</published><updated>2020-05-06T00:00:00Z</updated></entry>
</feed>"""


def test_a_url_is_fetched_as_a_page() -> None:
    url = "https://n.example/story"
    moved = html("https://n.example/story-final")
    (doc,) = run([url], client({url: moved}))
    assert isinstance(doc, Document) and doc.origin == url and doc.media_type == "text/html"
    assert doc.meta == {"url": "https://n.example/story-final"} and TEXT in doc.content


def test_rss_feed_items_are_fetched_with_their_metadata_and_each_failure_is_per_item() -> None:
    feed = "https://n.example/feed.xml"
    big = Response("https://n.example/huge", 200, b"<html>" + b"x" * 2000)
    responses: Canned = {
        feed: Response(feed, 200, RSS.encode(), {"content-type": "application/rss+xml"}),
        "https://n.example/1": html("https://n.example/1"),
        "https://n.example/slow": TimeoutError,
        "https://n.example/500": Response("https://n.example/500", 500, b"oops"),
        "https://n.example/huge": big,
        "https://n.example/6": html("https://n.example/6"),
    }
    seen: list[Request] = []
    items = run([feed], client(responses, seen, retries=0, max_bytes=1000), feed_limit=5)
    assert kinds(items) == ["Document", "Failure", "Failure", "Failure", "Failure"]
    first = items[0]
    assert isinstance(first, Document) and first.origin == "https://n.example/1"
    assert first.meta == {
        "url": "https://n.example/1",
        "title": "First",
        "published": "2020-05-05T10:00+00:00",  # the one ISO form (dates.normalise)
    }
    reasons = [i.reason for i in items[1:] if isinstance(i, Failure)]
    assert "timed out" in reasons[0] and "HTTP 500" in reasons[1]
    assert "over the limit" in reasons[2] and "no link" in reasons[3]
    assert items[4].origin == f"{feed}#5"
    assert "https://n.example/6" not in [r.url for r in seen]  # --feed-limit 5


def test_atom_feed_links_resolve_against_the_feed_url() -> None:
    feed = "https://n.example/atom"
    responses: Canned = {
        feed: Response(feed, 200, ATOM.encode(), {"content-type": "application/atom+xml"}),
        "https://n.example/a/1": html("https://n.example/a/1"),
    }
    (doc,) = run([feed], client(responses))
    assert isinstance(doc, Document) and doc.origin == "https://n.example/a/1"
    assert doc.meta["title"] == "Relative"
    assert doc.meta["published"] == "2020-05-05T10:00+00:00"


def test_feed_that_times_out_or_is_malformed_is_a_failure_and_the_run_goes_on(
    tmp_path: Path,
) -> None:
    (tmp_path / "local.txt").write_text(TEXT)
    slow, bad = "https://n.example/slow.xml", "https://n.example/bad.xml"
    responses: Canned = {
        slow: TimeoutError,
        bad: Response(bad, 200, b"<rss><channel><item>", {"content-type": "application/rss+xml"}),
    }
    items = run([slow, bad, str(tmp_path / "local.txt")], client(responses, retries=1))
    assert kinds(items) == ["Failure", "Failure", "Document"]
    assert items[0].origin == slow and "timed out" in why(items[0])
    assert isinstance(items[0], Failure) and items[0].code == "C110"
    assert "not well-formed" in why(items[1])


def test_page_in_latin1_without_charset_is_detected_and_non_pages_refused() -> None:
    url, pdf = "https://n.example/old", "https://n.example/doc.pdf"
    old = f"<html><body><p>{TEXT} Caf\xe9 in S\xe3o Paulo.</p></body></html>".encode("latin-1")
    responses: Canned = {
        url: Response(url, 200, old, {"content-type": "text/html"}),
        pdf: Response(pdf, 200, b"%PDF-1.4", {"content-type": "application/pdf"}),
    }
    page, refused = run([url, pdf], client(responses))
    assert isinstance(page, Document) and "Café in São Paulo" in page.content
    assert page.meta["encoding"] == "cp1252"
    assert isinstance(refused, Failure) and "application/pdf" in refused.reason


# -- a real server on 127.0.0.1 ---------------------------------------------------------
@pytest.fixture
def local_server() -> Iterator[tuple[str, threading.Event, list[str]]]:
    """Serves /ok at once and /slow only after the test releases it (at most 10 s)."""
    release = threading.Event()
    agents: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            agents.append(self.headers.get("User-Agent", ""))
            if self.path == "/drip":  # a byte every 0.1 s: each read gets something
                try:
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html; charset=utf-8")
                    self.send_header("Content-Length", "60")
                    self.end_headers()
                    for _ in range(60):
                        if release.wait(0.1):
                            return
                        self.wfile.write(b"x")
                        self.wfile.flush()
                except OSError:
                    pass
                return
            if self.path == "/redirect":  # to another service on this machine
                self.send_response(302)
                self.send_header("Location", "/ok")
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            if self.path == "/slow":
                release.wait(10)
            body = PAGE.encode()
            try:
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except OSError:
                pass  # the client gave up (timed out): nothing to answer

        def log_message(self, *args: Any) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", release, agents
    finally:
        release.set()
        server.shutdown()
        server.server_close()
        thread.join(5)


def test_real_server_timeout_is_enforced(
    local_server: tuple[str, threading.Event, list[str]],
) -> None:
    base, _release, agents = local_server
    fetcher = Fetcher(timeout=0.3, retries=0)
    t0 = time.monotonic()
    items = run([f"{base}/slow", f"{base}/ok"], fetcher)
    elapsed = time.monotonic() - t0
    assert kinds(items) == ["Failure", "Document"]
    assert "timed out after 0.3s" in why(items[0])
    assert elapsed < 5, f"the 0.3 s timeout was not enforced ({elapsed:.1f}s)"
    assert agents and all(a.startswith("communique/") for a in agents)


def test_a_dripping_server_cannot_hold_the_fetch_past_its_deadline(
    local_server: tuple[str, threading.Event, list[str]],
) -> None:
    base, _release, _agents = local_server
    t0 = time.monotonic()
    items = run([f"{base}/drip"], Fetcher(timeout=0.3, retries=0))
    elapsed = time.monotonic() - t0
    assert kinds(items) == ["Failure"] and "timed out" in why(items[0]), why(items[0])
    assert elapsed < 3, f"the whole-response deadline was not enforced ({elapsed:.1f}s)"


def test_a_redirect_into_a_private_network_is_refused_unless_allowed(
    local_server: tuple[str, threading.Event, list[str]],
) -> None:
    base, _release, _agents = local_server
    (refused,) = run([f"{base}/redirect"], Fetcher(timeout=5, retries=0))
    assert isinstance(refused, Failure) and "private address" in refused.reason, refused
    (page,) = run([f"{base}/redirect"], Fetcher(timeout=5, retries=0, allow_private_hosts=True))
    assert isinstance(page, Document) and page.origin == f"{base}/redirect"


# -- the command line -------------------------------------------------------------------
def test_cli_ingest_options_reach_ingest_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import communique.pipeline as pipeline_module
    from communique.cli import cli

    got: list[IngestOptions] = []

    class FakePipeline:
        def __init__(self, options: Any) -> None:
            got.append(options.ingest)

        def documents(self, paths: Any) -> Iterator[Any]:
            return iter(())

        def articles(self, items: Any, given: Any = None) -> Iterator[Any]:
            return iter(())

        def analyze(self, articles: Any) -> Iterator[Any]:
            return iter(())

    monkeypatch.setattr(pipeline_module, "Pipeline", FakePipeline)
    args = ["extract", "--text-field", "body", "--url-field", "link", "--feed-limit", "3"]
    args += ["--timeout", "2.5", "--retries", "0", "--encoding", "cp1252", str(tmp_path)]
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    (opts,) = got
    assert (opts.text_field, opts.url_field, opts.html_field) == ("body", "link", "html")
    assert (opts.feed_limit, opts.timeout, opts.retries, opts.encoding) == (3, 2.5, 0, "cp1252")


def test_a_feed_that_is_not_quite_xml_still_gives_its_items() -> None:
    """Real feeds are often malformed (an unescaped &): feedparser's loose parsing keeps
    the items that have links, instead of refusing the whole feed."""
    feed = "https://n.example/loose.xml"
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>A & B</title>'
        b"<item><title>Trade & talks</title><link>https://n.example/t</link>"
        b"<pubDate>Wed, 09 Mar 2022 23:30:00 -0500</pubDate></item></channel></rss>"
    )
    responses: Canned = {
        feed: Response(feed, 200, body, {"content-type": "application/rss+xml"}),
        "https://n.example/t": html("https://n.example/t"),
    }
    (doc,) = run([feed], client(responses))
    assert isinstance(doc, Document) and doc.meta["title"] == "Trade & talks"
    assert doc.meta["published"] == "2022-03-09T23:30-05:00"


def test_a_feed_linking_into_a_private_network_is_refused_unless_allowed() -> None:
    feed = "http://93.184.216.34/feed.xml"
    rss = (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>'
        "<item><title>Inside</title><link>http://10.0.0.5/admin</link></item>"
        "<item><title>Out</title><link>http://93.184.216.34/a</link></item>"
        "</channel></rss>"
    )
    responses: Canned = {
        feed: Response(feed, 200, rss.encode(), {"content-type": "application/rss+xml"}),
        "http://93.184.216.34/a": html("http://93.184.216.34/a"),
    }
    seen: list[Request] = []
    items = run([feed], client(responses, seen))
    assert kinds(items) == ["Failure", "Document"]
    assert "private" in why(items[0]) and "http://10.0.0.5/admin" not in [r.url for r in seen]
    allowed = run([feed], client(responses, [], allow_private_hosts=True))
    assert "private" not in why(allowed[0])  # fetched (and failed: nothing answers there)
