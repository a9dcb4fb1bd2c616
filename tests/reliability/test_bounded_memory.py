"""Issue 17, unbounded memory: a small gzip file may hold one line of gigabytes, and a
small file may hold a million bad records. Reading stays bounded by --max-bytes, and the
failures of one file are capped."""

from __future__ import annotations

import gzip
import tracemalloc
from pathlib import Path

import pytest

from communique.records import Document, Failure
from communique.sources import MAX_RECORD_FAILURES, IngestOptions, iter_documents

LIMIT = 1024 * 1024  # --max-bytes for these tests
BOMB = 64 * LIMIT  # what the one line decompresses to


def _bomb(path: Path, header: bytes) -> Path:
    """A gzip file whose one long line decompresses to BOMB bytes, written in chunks."""
    with gzip.open(path, "wb", compresslevel=9) as fh:
        fh.write(header)
        chunk = b"a" * LIMIT
        for _ in range(BOMB // LIMIT):
            fh.write(chunk)
        fh.write(b"\n")
    return path


@pytest.mark.parametrize(
    ("name", "header"),
    [("bomb.csv.gz", b"text\n"), ("bomb.jsonl.gz", b'{"text": "'), ("bomb.txt.gz", b"")],
)
def test_a_gzip_bomb_is_refused_with_bounded_memory(
    tmp_path: Path, name: str, header: bytes
) -> None:
    path = _bomb(tmp_path / name, header)
    assert path.stat().st_size < BOMB // 100
    tracemalloc.start()
    try:
        items = list(iter_documents([str(path)], IngestOptions(max_bytes=LIMIT)))
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert all(isinstance(i, Failure) for i in items) and items
    assert "over the limit" in items[0].reason
    assert peak < 8 * LIMIT, f"peak {peak / LIMIT:.0f} x the limit"


def test_a_million_bad_records_give_a_capped_number_of_failures(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl.gz"
    n = 20_000
    with gzip.open(path, "wt") as fh:
        fh.write("{}\n" * n + '{"text": "' + "A good article among bad ones. " * 5 + '"}\n')
    items = list(iter_documents([str(path)]))
    failures = [i for i in items if isinstance(i, Failure)]
    assert len(failures) == MAX_RECORD_FAILURES + 1
    assert failures[-1].origin.endswith("#more")
    assert f"{n - MAX_RECORD_FAILURES:,} more records failed" in failures[-1].reason
    assert f"{n:,} of this file's records failed" in failures[-1].reason
    assert sum(isinstance(i, Document) for i in items) == 1
