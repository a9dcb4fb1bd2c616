"""Reading inputs: every kind of source, and every kind of bad input reported per item."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from communique.ingest import IngestOptions, iter_documents
from communique.records import Document, Failure

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
    assert "invalid UTF-8" in reasons["latin1.txt"] and "--encoding" in reasons["latin1.txt"]
    assert "over the limit" in reasons["big.txt"]
    assert "not JSON" in reasons["bad.jsonl#2"]
    assert "not a JSON object" in reasons["bad.jsonl#3"]
    assert "no 'text'" in reasons["bad.jsonl#4"]
    assert "cannot read" in reasons["truncated.txt.gz"]
    good = [i for i in items if isinstance(i, Document)]
    assert [Path(g.origin).name for g in good] == ["bad.jsonl#1"]
    forced = run([str(tmp_path / "latin1.txt")], encoding="latin-1")
    assert isinstance(forced[0], Document) and "São Paulo" in forced[0].content


def test_utf16_with_bom(tmp_path: Path) -> None:
    (tmp_path / "u16.txt").write_bytes(TEXT.encode("utf-16"))
    (doc,) = run([str(tmp_path / "u16.txt")])
    assert isinstance(doc, Document) and doc.content == TEXT
