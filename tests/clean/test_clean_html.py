"""HTML extraction: trafilatura plus our line filter; never raises on bad input."""

from __future__ import annotations

import pytest

from communique.clean import extract_html

PARAS = [
    "The foreign ministers met in Vienna on Tuesday to discuss the stalled nuclear talks, "
    "officials from both delegations said after the meeting ended late in the evening.",
    "Neither side announced a breakthrough, but a spokesman said the atmosphere had been "
    "constructive and that technical teams would continue their work next week.",
    "Analysts said the meeting was the most serious attempt in months to revive the deal, "
    "which has been frozen since the spring, and diplomats expect another round soon.",
]

PAGE = f"""<!DOCTYPE html>
<html lang="en"><head><title>Ministers meet in Vienna - Example News</title>
<meta property="og:title" content="Ministers meet in Vienna">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2022-03-03T09:15:00+00:00">
<link rel="canonical" href="https://www.example.com/world/vienna-talks">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article>
<h1>Ministers meet in Vienna</h1>
<p>{PARAS[0]}</p>
<p>Also on example.com Another story that you may want to read today</p>
<p>{PARAS[1]}</p>
<p>{PARAS[2]}</p>
<p>If you like this story, share it with a friend!</p>
</article>
<footer><p>© 2022 Example News. All rights reserved.</p></footer>
</body></html>"""


def test_extracts_body_and_metadata() -> None:
    cleaned = extract_html(PAGE, url="https://www.example.com/world/vienna-talks")
    for para in PARAS:
        assert para in cleaned.text
    assert "Also on example.com" not in cleaned.text
    assert "share it with a friend" not in cleaned.text
    assert "All rights reserved" not in cleaned.text
    assert cleaned.title == "Ministers meet in Vienna"
    assert cleaned.published is not None and cleaned.published.startswith("2022-03-03")
    assert cleaned.authors == ("Jane Doe",)
    assert cleaned.extractor.startswith("trafilatura")
    assert cleaned.outlet_domain is not None and "example.com" in cleaned.outlet_domain


def test_removed_offsets_point_into_extracted_text() -> None:
    cleaned = extract_html(PAGE)
    assert any(r.reason == "teaser" for r in cleaned.removed)
    for r in cleaned.removed:
        assert r.text and r.end - r.start == len(r.text)


@pytest.mark.parametrize(
    "bad",
    ["", "   ", "<html>", "<<<>>>", "\x00\x01\x02", "<html><body><p>hi</p>", "no markup at all"],
)
def test_malformed_input_never_raises(bad: str) -> None:
    cleaned = extract_html(bad)
    assert isinstance(cleaned.text, str)
    if not cleaned.text:
        assert cleaned.notes


def test_short_page_falls_back_to_text_cleaner() -> None:
    html = "<html><body><div>" + "<br>".join(PARAS) + "<br>Share<br>Tweet</div></body></html>"
    cleaned = extract_html(html)
    assert PARAS[0] in cleaned.text
    assert "Tweet" not in cleaned.text


def test_page_metadata_reads_meta_jsonld_and_canonical() -> None:
    from communique.clean import page_metadata

    meta = page_metadata(PAGE, url=None)
    assert meta.title == "Ministers meet in Vienna"
    assert meta.published == "2022-03-03T09:15+00:00"
    assert meta.authors == ("Jane Doe",)
    assert meta.hostname == "example.com"
    assert meta.language == "en"
    ld = (
        '<html><head><script type="application/ld+json">{"@graph": [{"@type": "NewsArticle",'
        ' "datePublished": "2021-06-24T11:05:00Z", "headline": "A headline",'
        ' "author": [{"name": "A Writer"}]}]}</script></head><body></body></html>'
    )
    meta = page_metadata(ld, url="https://www.news.example.org/a")
    assert (meta.title, meta.published, meta.authors) == (
        "A headline",
        "2021-06-24T11:05+00:00",
        ("A Writer",),
    )
    assert meta.hostname == "news.example.org"


def test_pull_quote_and_kicker_are_not_body() -> None:
    html = PAGE.replace(
        "<h1>Ministers meet in Vienna</h1>",
        '<span class="kicker">Europe</span><h1>Ministers meet in Vienna</h1>',
    ).replace(
        f"<p>{PARAS[1]}</p>",
        f'<blockquote class="pull-quote"><p>“A quote repeated from the body”</p>'
        f"<cite>Some Minister</cite></blockquote><p>{PARAS[1]}</p>",
    )
    cleaned = extract_html(html)
    assert "Some Minister" not in cleaned.text and "Europe" not in cleaned.text
    assert PARAS[1] in cleaned.text


def test_placeholder_dates_in_metadata_are_ignored() -> None:
    from communique.dates import PAGE_MIN_YEAR, normalise

    assert normalise("0001-01-01T00:00:00Z") is None
    assert normalise("1970-01-01T00:00:00Z", min_year=PAGE_MIN_YEAR) is None
    assert normalise("2019-11-13T08:00:00Z") == "2019-11-13T08:00+00:00"


# -- the page's publication date ----------------------------------------------------------
def _page(head: str = "", body_top: str = "", tail: str = "") -> str:
    paras = "".join(f"<p>{p}</p>" for p in PARAS)
    return (
        f"<html><head><title>Talks</title>{head}</head><body><article><h1>Talks</h1>"
        f"{body_top}{paras}</article>{tail}</body></html>"
    )


def test_a_utc_stamp_alone_keeps_its_time_offset_and_day_as_written() -> None:
    html = _page('<meta property="article:published_time" content="2019-11-27T02:54:00+00:00">')
    cleaned = extract_html(html, url="https://n.example/world/s400")
    assert cleaned.published == "2019-11-27T02:54+00:00"


def test_a_utc_stamp_takes_the_local_day_the_page_shows() -> None:
    head = '<meta property="article:published_time" content="2019-11-27T02:54:00+00:00">'
    local = '<p class="byline">By Jane Doe <time datetime="2019-11-26T21:54:00-05:00">Nov. 26</time></p>'
    cleaned = extract_html(_page(head, local), url="https://n.example/world/s400")
    assert cleaned.published == "2019-11-26T21:54-05:00"
    assert cleaned.published_evidence is not None and "local time" in cleaned.published_evidence
    # the URL path says the day too
    cleaned = extract_html(_page(head), url="https://n.example/2019/11/26/s400")
    assert cleaned.published is not None and cleaned.published[:10] == "2019-11-26"


def test_a_time_in_the_comments_or_a_teaser_is_not_the_publication_date() -> None:
    from communique.clean import page_metadata

    own = '<p class="meta"><time class="published" datetime="2021-03-02T09:00:00+01:00">2 March</time></p>'
    comments = (
        '<section id="comments"><div class="comment"><p>Great piece</p>'
        '<time class="published" datetime="2021-03-05T18:00:00+01:00">5 March</time></div></section>'
    )
    teasers = (
        '<div class="related-articles"><ul><li><a href="/x">Older story</a>'
        '<time class="entry-date published" datetime="2020-12-01T08:00:00+01:00">1 Dec</time></li></ul></div>'
    )
    assert page_metadata(_page(tail=comments), search=False).published is None
    assert page_metadata(_page(tail=teasers), search=False).published is None
    meta = page_metadata(_page(body_top=own, tail=comments + teasers), search=False)
    assert meta.published == "2021-03-02T09:00+01:00"


def test_a_modified_date_is_not_preferred_over_the_published_one() -> None:
    from communique.clean import page_metadata

    head = (
        '<meta property="article:modified_time" content="2022-03-05T10:00:00+00:00">'
        '<meta property="og:updated_time" content="2022-03-05T10:00:00+00:00">'
        '<meta property="article:published_time" content="2022-03-03T09:15:00+00:00">'
    )
    assert page_metadata(_page(head)).published == "2022-03-03T09:15+00:00"
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        '"dateModified": "2022-03-05T10:00:00Z", "datePublished": "2022-03-03T09:15:00Z"}</script>'
    )
    assert page_metadata(_page(ld)).published == "2022-03-03T09:15+00:00"
    updated = '<p><time class="updated" datetime="2022-03-05T10:00:00+00:00">5 March</time></p>'
    assert page_metadata(_page(ld, updated)).published == "2022-03-03T09:15+00:00"
