"""Publication dates given in JSONL/CSV fields and by ``--published``: normalised once, where
the document enters (:func:`communique.dates.normalise`), so every article carries one ISO
form and the event coder can resolve "on Monday" against it."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from communique.clean import Given, OutletTable, to_article
from communique.dates import parse_published, resolve
from communique.records import Article, Document
from communique.sources import IngestOptions, iter_documents

BODY = (
    "Russian Foreign Minister Sergei Lavrov met his Chinese counterpart Wang Yi in Moscow on "
    "Monday, the foreign ministry said, and the two sides agreed to deepen their cooperation."
)
FORMS = {
    "written": "March 9, 2022",
    "iso": "2022-03-09T23:30:00-05:00",
    "slash": "09/03/2022",
}


def _articles(path: Path, opts: IngestOptions) -> dict[str, Article]:
    out: dict[str, Article] = {}
    for doc in iter_documents([str(path)], opts):
        assert isinstance(doc, Document), doc
        art = to_article(doc, OutletTable.load())
        assert isinstance(art, Article), art
        out[str(doc.meta.get("title"))] = art
    return out


def _jsonl(tmp_path: Path, rows: dict[str, str]) -> Path:
    path = tmp_path / "rows.jsonl"
    lines = [json.dumps({"title": k, "published": v, "text": BODY}) for k, v in rows.items()]
    path.write_text("\n".join(lines))
    return path


def _csv(tmp_path: Path, rows: dict[str, str]) -> Path:
    path = tmp_path / "rows.csv"
    with path.open("w", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["title", "published", "text"])
        w.writerows([k, v, BODY] for k, v in rows.items())
    return path


@pytest.mark.parametrize("write", [_jsonl, _csv])
def test_published_fields_are_stored_in_one_iso_form(tmp_path: Path, write) -> None:  # type: ignore[no-untyped-def]
    arts = _articles(write(tmp_path, FORMS), IngestOptions(day_first=True))
    assert arts["written"].published == "2022-03-09"
    assert arts["iso"].published == "2022-03-09T23:30-05:00"  # time and offset kept
    assert arts["slash"].published == "2022-03-09"
    for art in arts.values():
        assert parse_published(art.published) == parse_published("2022-03-09")
        assert art.published_evidence == "given: input field 'published'"


def test_slash_dates_are_month_first_unless_day_first(tmp_path: Path) -> None:
    path = _jsonl(tmp_path, {"slash": "09/03/2022", "clear": "31/03/2022"})
    arts = _articles(path, IngestOptions())
    assert arts["slash"].published == "2022-09-03"
    assert arts["clear"].published == "2022-03-31"  # no month 31: unambiguous


def test_an_unreadable_published_field_is_dropped_for_the_text_date(tmp_path: Path) -> None:
    dated = "Moscow talks\nPublished March 9, 2022 10:15 GMT\n\n" + BODY + "\n\n" + BODY
    path = tmp_path / "rows.jsonl"
    rows = [
        {"title": "junk", "published": "sometime last spring", "text": BODY},
        {"title": "dated", "published": "n/a", "text": dated},
    ]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    docs = list(iter_documents([str(path)]))
    assert all(isinstance(d, Document) and "published" not in d.meta for d in docs)
    arts = _articles(path, IngestOptions())
    assert arts["junk"].published is None and arts["junk"].published_evidence is None
    assert arts["dated"].published == "2022-03-09T10:15+00:00"
    assert arts["dated"].published_evidence == "Published March 9, 2022 10:15 GMT"


def test_given_published_is_normalised_and_an_unreadable_one_ignored() -> None:
    doc = Document("<text>", BODY, "text/plain")
    art = to_article(doc, OutletTable.load(), Given(published="March 9, 2022"))
    assert isinstance(art, Article)
    assert (art.published, art.published_evidence) == ("2022-03-09", "given: --published")
    doc = Document("<text>", BODY, "text/plain", {"published": "2022-03-08"})
    art = to_article(doc, OutletTable.load(), Given(published="whenever"))
    assert isinstance(art, Article) and art.published == "2022-03-08"


def test_a_relative_date_resolves_against_the_normalised_field(tmp_path: Path) -> None:
    (art,) = _articles(_jsonl(tmp_path, {"written": "March 9, 2022"}), IngestOptions()).values()
    assert resolve("on Monday", parse_published(art.published)) == "2022-03-07"


def test_end_to_end_an_event_on_monday_is_dated_from_the_field(pipeline, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    path = _jsonl(tmp_path, {"written": "March 9, 2022"})
    items = list(pipeline.articles(pipeline.documents([str(path)])))
    (analysis,) = list(pipeline.analyze(items))
    assert analysis.article.published == "2022-03-09"
    dated = [e for e in analysis.events if e.date == "2022-03-07"]
    assert dated, [(e.type, e.date) for e in analysis.events]
