"""Reading inputs: every kind of source, and every kind of bad input reported per item."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from communique.records import Document, Failure
from communique.sources import IngestOptions, iter_documents

TEXT = "Kremlin spokesman Dmitry Peskov said on Tuesday that Russia values its ties with China.\n"


def run(paths: list[str], **kw: object) -> list[Document | Failure]:
    return list(iter_documents(paths, IngestOptions(**kw)))  # type: ignore[arg-type]


def test_directory_recursive_glob_gz_and_jsonl(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.txt").write_text(TEXT)
    (tmp_path / "a" / "two.html").write_text(f"<html><body><p>{TEXT}</p></body></html>")
    with gzip.open(tmp_path / "three.txt.gz", "wt") as fh:
        fh.write(TEXT)
    rows = [{"text": TEXT, "url": "https://x.example/1", "outlet": "X"}, {"html": f"<p>{TEXT}</p>"}]
    (tmp_path / "dump.jsonl").write_text("\n".join(json.dumps(r) for r in rows))
    items = run([str(tmp_path)])
    assert all(isinstance(i, Document) for i in items), items
    kinds = sorted((Path(i.origin).name, i.media_type) for i in items if isinstance(i, Document))
    assert kinds == [
        ("dump.jsonl#1", "text/plain"),
        ("dump.jsonl#2", "text/html"),
        ("one.txt", "text/plain"),
        ("three.txt.gz", "text/plain"),
        ("two.html", "text/html"),
    ]
    first = next(i for i in items if i.origin.endswith("#1"))
    assert isinstance(first, Document) and first.meta == {
        "url": "https://x.example/1",
        "outlet": "X",
    }
    assert [i.origin for i in run([str(tmp_path / "a" / "*.txt")])] == [
        str(tmp_path / "a" / "one.txt")
    ]


def test_stdin() -> None:
    items = list(iter_documents(["-"], stdin=io.BytesIO(TEXT.encode())))
    assert len(items) == 1 and isinstance(items[0], Document) and items[0].origin == "-"


def test_bad_inputs_are_failures_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 50)
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 diplomacy in S\xe3o Paulo".encode("latin-1"))
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    (tmp_path / "bad.jsonl").write_text(
        '{"text": "' + TEXT.strip() + '"}\nnot json at all\n[1, 2]\n{"title": "x"}\n'
    )
    (tmp_path / "truncated.txt.gz").write_bytes(gzip.compress(TEXT.encode() * 20)[:40])
    paths = [
        str(tmp_path / n)
        for n in (
            "missing.txt",
            "empty.txt",
            "binary.txt",
            "latin1.txt",
            "big.txt",
            "bad.jsonl",
            "truncated.txt.gz",
        )
    ]
    items = run(paths)
    reasons = {Path(i.origin).name: i.reason for i in items if isinstance(i, Failure)}
    assert "no such file" in reasons["missing.txt"]
    assert "empty" in reasons["empty.txt"]
    assert "binary" in reasons["binary.txt"]
    assert "latin1.txt" not in reasons  # detected, see test_latin1_and_cp1252_are_detected
    assert "over the limit" in reasons["big.txt"] and "--max-bytes" in reasons["big.txt"]
    assert "not JSON" in reasons["bad.jsonl#2"]
    assert "not a JSON object" in reasons["bad.jsonl#3"]
    assert "no 'text'" in reasons["bad.jsonl#4"]
    assert "cannot read" in reasons["truncated.txt.gz"]
    good = [i for i in items if isinstance(i, Document)]
    assert [Path(g.origin).name for g in good] == ["latin1.txt", "bad.jsonl#1"]
    forced = run([str(tmp_path / "latin1.txt")], encoding="latin-1")
    assert isinstance(forced[0], Document) and "São Paulo" in forced[0].content


def test_utf16_with_bom(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes(TEXT.encode("utf-16"))
    (doc,) = run([str(tmp_path / "u16.txt")])
    assert isinstance(doc, Document) and doc.content == TEXT
    assert doc.meta == {"encoding": "utf-16"}


def test_latin1_and_cp1252_are_detected(tmp_path: Path) -> None:
    latin = "Caf\xe9 diplomacy in S\xe3o Paulo: the minister\xb4s r\xe9sum\xe9, na\xefve."
    (tmp_path / "latin1.txt").write_bytes(latin.encode("latin-1"))
    smart = "The envoy called it \u201cunacceptable\u201d \u2014 a d\xe9marche, he said."
    (tmp_path / "cp1252.txt").write_bytes(smart.encode("cp1252"))
    (tmp_path / "utf8.txt").write_text(smart, encoding="utf-8")
    items = run([str(tmp_path / n) for n in ("latin1.txt", "cp1252.txt", "utf8.txt")])
    assert all(isinstance(i, Document) for i in items), items
    docs = [i for i in items if isinstance(i, Document)]
    assert [d.content for d in docs] == [latin, smart, smart]
    assert [d.meta.get("encoding") for d in docs] == ["cp1252", "cp1252", None]
    forced = run([str(tmp_path / "latin1.txt")], encoding="latin-1")
    assert isinstance(forced[0], Document) and forced[0].meta == {"encoding": "latin-1"}


def test_utf8_with_stray_cp1252_bytes_keeps_its_utf8(tmp_path: Path) -> None:
    """One bad byte used to make the whole file cp1252 ("AuÃŸenminister"); now only the
    stray bytes are read as cp1252, and the document says its text was mixed."""
    utf8 = "Der Au\xdfenminister sagte \u201enein\u201c. "
    (tmp_path / "mixed.txt").write_bytes(
        utf8.encode("utf-8") + "The envoy\u2019s caf\xe9 visit.".encode("cp1252")
    )
    (doc,) = run([str(tmp_path / "mixed.txt")])
    assert isinstance(doc, Document)
    assert doc.content == utf8 + "The envoy\u2019s caf\xe9 visit."
    assert doc.meta == {"encoding": "utf-8+cp1252"}


def test_binary_junk_still_fails(tmp_path: Path) -> None:
    junk = bytes(range(256)) * 40  # every byte value, controls included
    (tmp_path / "junk.txt").write_bytes(junk)
    (tmp_path / "junk.html").write_bytes(b"\x00\x01\x02\x03" * 1000)
    items = run([str(tmp_path / "junk.txt"), str(tmp_path / "junk.html")])
    assert [type(i) for i in items] == [Failure, Failure]
    assert all("binary" in i.reason for i in items if isinstance(i, Failure))


def test_html_page_of_20_mb_fails_naming_size_and_option(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    with open(big, "wb") as fh:  # sparse: the size check comes before any read
        fh.write(b"<html><body>")
        fh.truncate(20 * 1024 * 1024)
    (tmp_path / "ok.html").write_text(f"<html><body><p>{TEXT}</p></body></html>")
    items = run([str(big), str(tmp_path / "ok.html")])
    assert isinstance(items[0], Failure) and isinstance(items[1], Document)
    assert "20.0 MB" in items[0].reason and "16.0 MB" in items[0].reason
    assert "--max-bytes" in items[0].reason


def test_csv_is_skipped_in_directories_but_read_when_named_or_globbed(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text(TEXT)
    (tmp_path / "outlets.csv").write_text("domain,name\nx.example,X\n")
    (tmp_path / "articles.csv").write_text(f'text,url\n"{TEXT.strip()}",https://x.example/a\n')
    assert [Path(i.origin).name for i in run([str(tmp_path)])] == ["one.txt"]
    named = run([str(tmp_path / "articles.csv")])
    assert isinstance(named[0], Document) and named[0].meta == {"url": "https://x.example/a"}
    globbed = run([str(tmp_path / "*.csv")])
    assert [Path(i.origin).name for i in globbed] == ["articles.csv#1", "outlets.csv"]
    assert isinstance(globbed[1], Failure) and "--text-field" in globbed[1].reason
    assert [Path(i.origin).name for i in run([str(tmp_path / "*")])] == ["one.txt"]


def test_jsonl_field_names_and_per_line_limit(tmp_path: Path) -> None:
    rows = [
        {
            "body": TEXT,
            "link": "https://x.example/1",
            "headline": "H",
            "date": "2020-05-05",
            "source": "X",
            "authors": ["A. Writer"],
        },
        {"body": "x" * 5000},
        {"markup": f"<p>{TEXT}</p>", "link": "https://x.example/2"},
    ]
    path = tmp_path / "dump.jsonl.gz"
    with gzip.open(path, "wt") as fh:
        fh.write("\n".join(json.dumps(r) for r in rows) + "\n")
    opts = dict(
        text_field="body",
        html_field="markup",
        url_field="link",
        title_field="headline",
        published_field="date",
        outlet_field="source",
        max_bytes=1000,
    )
    items = run([str(path)], **opts)
    assert [type(i).__name__ for i in items] == ["Document", "Failure", "Document"]
    first, too_long, last = items
    assert isinstance(first, Document) and first.meta == {
        "url": "https://x.example/1",
        "title": "H",
        "published": "2020-05-05",
        "outlet": "X",
        "authors": ["A. Writer"],
    }
    assert isinstance(too_long, Failure) and too_long.origin.endswith("#2")
    assert "over the limit" in too_long.reason
    assert isinstance(last, Document) and last.media_type == "text/html"
    # the file as a whole is over max_bytes, yet streams: the limit is per line
    assert path.stat().st_size < 1000 < sum(len(json.dumps(r)) for r in rows)
