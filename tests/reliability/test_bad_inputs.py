"""Issue 17, whole-run aborts: each bad input is that input's failure (one line, naming
the field or the reason), never the run's; and nothing wrong is stored."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from communique.errors import InputError
from communique.records import Document, Failure
from communique.runner import analyze_into_store
from communique.sources import IngestOptions, iter_documents
from communique.store import Store


def body(i: int) -> str:
    """An article-sized text of its own (no two are near-duplicates of each other)."""
    return " ".join(
        f"Delegation {i}-{j} met officials of province {i * 100 + j} on Monday." for j in range(12)
    )


BAD_ROWS: list[tuple[dict[str, Any], str]] = [
    ({"published": 20200505}, "field 'published' is a number"),
    ({"published": {"y": 2020}}, "field 'published' is an object"),
    ({"published": True}, "field 'published' is true/false"),
    ({"title": ["a", "b"]}, "field 'title' is a list"),
    ({"url": ["https://example.com/a"]}, "field 'url' is a list"),
    ({"title": 2**64}, "field 'title' is a number"),
    ({"url": 2**63}, "field 'url' is a number"),
    ({"title": True}, "field 'title' is true/false"),
    ({"title": "\ud800"}, "field 'title' holds a lone surrogate"),
    ({"url": "https://example.com/\ud800"}, "field 'url' holds a lone surrogate"),
    ({"text_suffix": "\ud800"}, "the text holds a lone surrogate"),
]


def _rows_file(tmp_path: Path) -> Path:
    path = tmp_path / "rows.jsonl"
    lines = []
    for i, (fields, _) in enumerate(BAD_ROWS):
        extra = {k: v for k, v in fields.items() if k != "text_suffix"}
        lines.append(json.dumps({"text": body(i) + fields.get("text_suffix", ""), **extra}))
    lines.append(json.dumps({"text": body(99), "title": "A good row after the bad ones"}))
    path.write_text("\n".join(lines) + "\n")
    return path


def test_bad_jsonl_fields_are_failures_naming_the_field_and_the_run_goes_on(
    pipeline: Any, tmp_path: Path
) -> None:
    path = _rows_file(tmp_path)
    seen: list[Failure] = []
    summary = analyze_into_store(
        pipeline, [str(path)], str(tmp_path / "s.db"), on_failure=seen.append
    )
    reasons = {f.origin.rsplit("#", 1)[1]: f.reason for f in seen}
    for n, (_, expected) in enumerate(BAD_ROWS, start=1):
        assert expected in reasons[str(n)], (n, reasons.get(str(n)))
    assert summary.failed == len(BAD_ROWS)
    with Store.open(tmp_path / "s.db") as store:
        titles = [r[0] for r in store.query("SELECT title FROM articles")]
        assert titles == ["A good row after the bad ones"]
        assert store.counts()["failures"] == len(BAD_ROWS)


@pytest.mark.parametrize("value", ["0000-00-00", "2020-13-45", "not a date", "9999-12-31"])
def test_bad_published_dates_are_dropped_never_stored(pipeline: Any, value: str) -> None:
    """An unreadable date is dropped (the text's own date, if any, is used instead)."""
    (doc,) = _docs_of([{"text": body(1), "published": value}])
    assert isinstance(doc, Document) and "published" not in doc.meta
    (art,) = pipeline.articles([doc])
    assert art.published is None
    (an,) = pipeline.analyze([art])
    assert not any((e.date or "").startswith(("0000", "9999")) for e in an.events)


def test_a_date_run_into_more_text_is_not_a_date() -> None:
    from communique.dates import normalise

    assert normalise("2020-05-05xyz") is None and normalise("2020-05-0512") is None
    assert normalise("2020-05-05") == "2020-05-05"
    assert normalise("2020-05-05T10:00:00Z") == "2020-05-05T10:00+00:00"


def test_published_with_trailing_junk_is_refused_by_the_cli() -> None:
    from click.testing import CliRunner

    from communique.cli import cli

    result = CliRunner().invoke(cli, ["extract", "-", "--published", "2020-05-05xyz"], input="x")
    assert result.exit_code == 2 and "is not a date" in result.output


def _docs_of(rows: list[dict[str, Any]], tmp: Path | None = None) -> list[Document | Failure]:
    import tempfile

    folder = Path(tempfile.mkdtemp()) if tmp is None else tmp
    path = folder / "rows.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    return list(iter_documents([str(path)], IngestOptions()))


def test_analyze_text_with_a_lone_surrogate_raises_the_input_error(pipeline: Any) -> None:
    with pytest.raises(InputError, match="lone surrogate"):
        pipeline.analyze_text(body(3) + "\ud800")
    with pytest.raises(InputError, match="given outlet"):
        pipeline.analyze_text(body(3), outlet="RT\udcff")


def test_a_file_name_that_is_not_utf8_is_read_and_stored(pipeline: Any, tmp_path: Path) -> None:
    folder = bytes(tmp_path)
    name = folder + b"/bad\xffname.txt"
    with open(name, "wb") as fh:
        fh.write(body(4).encode())
    seen: list[Failure] = []
    summary = analyze_into_store(
        pipeline, [str(tmp_path)], str(tmp_path / "s.db"), on_failure=seen.append
    )
    assert not seen and summary.run["articles"] == 1
    with Store.open(tmp_path / "s.db") as store:
        (origin,) = [r[0] for r in store.query("SELECT origin FROM articles")]
    assert origin.endswith("bad\\xffname.txt")


@pytest.mark.parametrize("charset", [b"undefined", "\u00e9t\u00e9".encode(), b"base64"])
def test_a_page_naming_an_impossible_charset_is_decoded_anyway(
    tmp_path: Path, charset: bytes
) -> None:
    page = tmp_path / "page.html"
    page.write_bytes(
        b'<html><head><meta charset="'
        + charset
        + b'"><title>T</title></head><body><p>'
        + body(5).encode()
        + b" Caf\xe9.</p></body></html>"
    )
    (doc,) = list(iter_documents([str(page)]))
    assert isinstance(doc, Document) and "Caf\u00e9" in doc.content


def test_a_title_over_the_parsers_limit_is_the_articles_failure(
    pipeline: Any, tmp_path: Path
) -> None:
    limit = pipeline.nlp.max_length
    rows = [{"text": body(6), "title": "x " * (limit // 2 + 1)}, {"text": body(7)}]
    items = list(pipeline.articles(_docs_of(rows, tmp_path)))
    out = list(pipeline.analyze(items))
    assert isinstance(out[0], Failure) and "article title is" in out[0].reason
    assert out[0].stage == "parse" and not isinstance(out[1], Failure)


def test_a_text_over_the_parsers_limit_fails_alone_on_every_run(
    pipeline: Any, tmp_path: Path
) -> None:
    big = tmp_path / "big.txt"
    big.write_text(("Lavrov said Moscow would respond to the sanctions. " * 25_000)[:1_100_000])
    (tmp_path / "ok.txt").write_text(body(8))
    for _ in range(2):  # a re-run meets the same file again and must not stop either
        seen: list[Failure] = []
        summary = analyze_into_store(
            pipeline, [str(tmp_path)], str(tmp_path / "s.db"), on_failure=seen.append
        )
        assert [f.stage for f in seen] == ["parse"] and "parser's limit" in seen[0].reason
    assert summary.store["articles"] == 1


def test_a_plain_text_far_over_the_limit_is_refused_before_cleaning(pipeline: Any) -> None:
    """Cleaning 30 MB of text took 20 s and 1.2 GB before the parser refused it; a text
    more than twice the parser's limit is refused as it arrives."""
    import time

    text = "Lavrov said Moscow would respond to the sanctions.\n" * 60_000  # 3.1 M chars
    t0 = time.process_time()
    (out,) = pipeline.articles([Document("big.txt", text, "text/plain")])
    assert isinstance(out, Failure) and out.stage == "parse" and "limit" in out.reason
    assert time.process_time() - t0 < 1.0


def test_a_huge_text_file_is_refused_unread(tmp_path: Path) -> None:
    from communique.sources import IngestOptions

    big = tmp_path / "big.txt"
    big.write_bytes(b"Lavrov said Moscow would respond.\n" * 250_000)  # 8.5 MB
    (item,) = iter_documents([str(big)], IngestOptions(max_bytes=300_000_000))
    assert isinstance(item, Failure) and "parser's limit" in item.reason, item


def test_reading_a_closed_standard_input_is_one_failure(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    cmd = [sys.executable, "-m", "communique", "analyze", "-q", "--db", str(tmp_path / "s.db")]

    def close_stdin() -> None:  # in the child: file descriptor 0 closed, so sys.stdin is None
        os.close(0)

    proc = subprocess.run(
        [*cmd, "-"], capture_output=True, text=True, timeout=120, preexec_fn=close_stdin
    )
    assert proc.returncode == 1, proc.stderr
    assert "standard input is closed" in proc.stderr and "Traceback" not in proc.stderr
