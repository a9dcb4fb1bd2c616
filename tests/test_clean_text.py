"""Plain-text cleaner: hand-built inputs and the two seed articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from communique.clean._text import clean_text, find_dates
from communique.clean._types import Cleaned

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT.parent / "shared" / "seeds"
RT_SEED = SEEDS / "003_f4b5563bde48a2d2.txt"
CNBC_SEED = SEEDS / "000_faa8e0f4ddf92ad0.txt"

BODY = [
    "The foreign ministers met in Vienna on Tuesday to discuss the stalled nuclear talks, "
    "officials from both delegations said after the meeting ended late in the evening.",
    "Neither side announced a breakthrough, but a spokesman said the atmosphere had been "
    "constructive and that technical teams would continue their work next week.",
    "Analysts said the meeting was the most serious attempt in months to revive the deal, "
    "which has been frozen since the spring.",
]

PAGE = "\n".join(
    [
        "Home",
        "World",
        "Politics",
        "Business",
        "",
        "Ministers meet in Vienna as nuclear talks stall",
        "",
        "Published March 3, 2022 09:15 GMT",
        "Share",
        "",
        BODY[0],
        "",
        "Also on example.com Another story that you may want to read today",
        "",
        BODY[1],
        "",
        BODY[2],
        "",
        "If you like this story, share it with a friend!",
        "Sign up for our newsletter",
        "© 2022 Example News. All rights reserved.",
        "This website uses cookies. Read our Privacy policy to find out more.",
    ]
)


def _check_offsets(raw: str, cleaned: Cleaned) -> None:
    for r in cleaned.removed:
        assert raw[r.start : r.end] == r.text, r
    for start, end in cleaned.kept_spans:
        assert raw[start:end].strip() == raw[start:end]


def test_hand_built_page_keeps_body_and_cuts_furniture() -> None:
    cleaned = clean_text(PAGE)
    assert cleaned.text == "\n\n".join(BODY)
    reasons = {r.reason for r in cleaned.removed}
    assert {"teaser", "share", "copyright", "cookie", "dateline", "title"} <= reasons
    assert cleaned.title == "Ministers meet in Vienna as nuclear talks stall"
    assert cleaned.published == "2022-03-03T09:15+00:00"
    assert cleaned.published_evidence == "Published March 3, 2022 09:15 GMT"
    assert cleaned.outlet_domain == "example.com"
    _check_offsets(PAGE, cleaned)


def test_kept_spans_map_back_to_raw() -> None:
    cleaned = clean_text(PAGE)
    pieces = [PAGE[a:b] for a, b in cleaned.kept_spans]
    assert "\n\n".join(pieces) == cleaned.text


def test_empty_and_blank_input() -> None:
    assert clean_text("").text == ""
    assert clean_text("\n\n  \n").text == ""


def test_short_text_without_body_keeps_non_boilerplate_lines() -> None:
    cleaned = clean_text("Short note\nShare\n")
    assert "Share" not in cleaned.text


def test_content_list_inside_body_stays() -> None:
    raw = "\n".join(
        [
            BODY[0],
            "Key Points",
            "• first point of the story, told briefly here",
            "• second point of the story, told briefly too",
            BODY[1],
        ]
    )
    cleaned = clean_text(raw)
    assert "first point" in cleaned.text and "second point" in cleaned.text
    _check_offsets(raw, cleaned)


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        ("24 Jul, 2020 17:19", "2020-07-24T17:19"),
        (" date 2020-07-24", "2020-07-24"),
        ("Published March 3, 2022 09:15 GMT", "2022-03-03T09:15+00:00"),
        ("Updated: Nov 18, 2019 at 9:24 pm ET", "2019-11-18T21:24-05:00"),
        ("Updated : 19 November 2019, 09:01 AM", "2019-11-19T09:01"),
        ("July 4, 2021 3:00 pm EDT", "2021-07-04T15:00-04:00"),
    ],
)
def test_find_dates(text: str, iso: str) -> None:
    found = find_dates(text)
    assert found and found[0].iso == iso


def test_find_dates_ignores_impossible_dates() -> None:
    assert find_dates("31 Feb, 2020") == []
    assert find_dates("no date here 12345") == []


def _seed(path: Path) -> str:
    if not path.exists():
        pytest.skip(f"{path} is absent: the seeds sit beside the repo only in our workspace")
    return path.read_text(encoding="utf-8")


def test_rt_seed_cleans_to_body() -> None:
    raw = _seed(RT_SEED)
    cleaned = clean_text(raw)
    text = cleaned.text
    for junk in (
        "icon",
        "HomeRussia",
        "Get short URL",
        "Also on rt.com",
        "share it with a friend",
        "Podcasts",
        "RT News App",
        "TV-Novosti",
        "cookies",
        "FILE PHOTO",
        "24 Jul, 2020",
    ):
        assert junk not in text, junk
    body = [
        "President Vladimir Putin's spokesman has rejected an idea",
        "Speaking on Friday, Dmitry Peskov stated",
        "On July 23, Pompeo called for",
        "It’s these kind of things",
        "Earlier this month, Russian Foreign Minister Sergey Lavrov",
    ]
    for para in body:
        assert para in text, para
    assert text.startswith(body[0])
    assert text.count("Kremlin rubbishes") == 0  # the headline is metadata, not body
    assert cleaned.title is not None and cleaned.title.startswith("Kremlin rubbishes")
    assert cleaned.published is not None and cleaned.published.startswith("2020-07-24")
    assert cleaned.published_evidence
    assert cleaned.outlet_domain == "rt.com"
    _check_offsets(raw, cleaned)


def test_cnbc_seed_keeps_key_points_and_cuts_credit() -> None:
    raw = _seed(CNBC_SEED)
    cleaned = clean_text(raw)
    assert "Brendan Smialowsi" not in cleaned.text
    assert "Getty Images" not in cleaned.text
    assert "Key Points" in cleaned.text
    assert "Mike Pompeo on Sunday that there was" in cleaned.text
    assert "own relationship with China and we do value this relationship" in cleaned.text
    assert cleaned.text.rstrip().endswith("we're determined to keep it.\"")
    assert any(r.reason == "credit" for r in cleaned.removed)
    assert cleaned.title == (
        "Russia stands by China and tells US it must 'deliver proof' over virus allegations"
    )
    _check_offsets(raw, cleaned)
