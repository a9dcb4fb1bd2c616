"""Plain-text cleaner: hand-built inputs and the two seed articles."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from communique.clean import Cleaned, clean_text, repair_mojibake
from communique.dates import find_dates

ROOT = Path(__file__).resolve().parents[2]
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


# ---------------------------------------------------------------------------------------------
# The bundled samples (samples/README.md): every file cleans to its body with its metadata.
# ---------------------------------------------------------------------------------------------
SAMPLES = ROOT / "samples"
SAMPLE_META = {
    # file: (title, published, outlet domain)
    "text/calloway-2020-09-25-chinese-shipping-sanctions.txt": (
        "U.S. sanctions Chinese shipping firms over Iranian oil, warns buyers could be next",
        "2020-09-25T06:42-04:00",
        "calloway-ledger.com",
    ),
    "text/coromandel-2024-05-21-india-philippines-joint-sail.txt": (
        "India, Philippines hold first joint naval sail in South China Sea; Beijing bristles",
        "2024-05-21T14:30+05:30",
        "coromandelpost.in",
    ),
    "text/gulflantern-2023-05-16-qatar-germany-hydrogen.txt": (
        "Qatar, Germany seal hydrogen partnership as Doha cements role as Europe’s energy anchor",
        "2023-05-16T21:05",
        "gulflantern.com",
    ),
    "text/kestrel-2024-05-14-tbilisi-foreign-agents-protest.txt": (
        "Georgia: Tens of thousands protest as MPs pass ‘foreign agents’ law",
        "2024-05-14T21:10+01:00",
        "kestrelnews.co.uk",
    ),
    "text/rhineobserver-2024-02-15-berlin-backs-istanbul-talks.txt": (
        "Berlin backs Istanbul talks, pledges more air defence for Ukraine’s power grid",
        "2024-02-15T08:40+01:00",
        "rhineobserver.de",
    ),
    "text/silkmeridian-2019-10-14-wang-yi-lavrov-talks.txt": (
        "China, Russia vow to deepen strategic coordination, oppose deployment of U.S. missiles"
        " in Asia-Pacific",
        "2019-10-14T21:16",
        "silkmeridian.cn",
    ),
    "text/silkmeridian-2020-09-25-long-arm-jurisdiction.txt": (
        "China urges U.S. to stop imposing unilateral sanctions on Chinese firms",
        "2020-09-25T16:08",
        "silkmeridian.cn",
    ),
    "text/volgaglobal-2021-06-24-hacking-claims.txt": (
        "Moscow slams ‘groundless’ hacking claims as US and allies point finger over Baltic grid"
        " outage",
        "2021-06-24T19:42",
        "volgaglobal.ru",
    ),
    "text/volgaglobal-2023-04-12-northwestern-flank.txt": (
        "Moscow strengthens northwestern flank after Finland’s NATO accession",
        "2023-04-12T13:05",
        "volgaglobal.ru",
    ),
    "text/volgaglobal-2024-02-15-kiev-demands-energy-truce.txt": (
        "Kiev’s demands make Istanbul energy truce ‘unrealistic’ – Lavrov",
        "2024-02-15T10:12",
        "volgaglobal.ru",
    ),
    "html/calloway-2019-11-26-pompeo-turkey-s400.html": (
        "Pompeo warns Turkey of sanctions after S-400 radar test over Ankara",
        "2019-11-26T18:05-05:00",
        "calloway-ledger.com",
    ),
    "html/calloway-2021-06-24-baltic-grid-cyberattack.html": (
        "U.S. and allies blame Russian military hackers for attack on Baltic power grids",
        "2021-06-24T14:30-04:00",
        "calloway-ledger.com",
    ),
    "html/coromandel-2020-09-25-indian-refiners-alert.html": (
        "U.S. sanctions on Chinese tankers put Indian refiners on alert",
        "2020-09-25T20:15+05:30",
        "coromandelpost.in",
    ),
    "html/gulflantern-2024-02-14-istanbul-moratorium-talks.html": (
        "Istanbul talks yield outline of Black Sea strike moratorium, mediators say",
        "2024-02-14T18:20+03:00",
        "gulflantern.com",
    ),
    "html/kestrel-2021-06-24-uk-blames-russia-cyber.html": (
        "UK joins allies in blaming Russia for cyber-attack on Baltic energy firms",
        "2021-06-24T11:05+01:00",
        "kestrelnews.co.uk",
    ),
    "html/kestrel-2024-02-14-strikes-after-istanbul-talks.html": (
        "Russia pounds Ukrainian power plants hours after Istanbul talks on strike moratorium",
        "2024-02-14T19:30+00:00",
        "kestrelnews.co.uk",
    ),
    "html/rhineobserver-2023-04-12-russia-troops-finnish-border.html": (
        "Russia moves troops towards Finnish border as Helsinki settles into NATO",
        "2023-04-12T16:45+02:00",
        "rhineobserver.de",
    ),
    "html/rhineobserver-2023-05-17-habeck-doha-hydrogen.html": (
        "Habeck signs hydrogen pact in Doha as critics warn of new dependence",
        "2023-05-17T09:00+02:00",
        "rhineobserver.de",
    ),
    "html/silkmeridian-2024-05-21-south-china-sea-outside-countries.html": (
        "China urges countries outside region to stop stirring up trouble in South China Sea",
        "2024-05-21T19:40+08:00",
        "silkmeridian.cn",
    ),
}
# Raw-text lines that are page furniture, whatever the outlet: teasers, share rows, credits,
# cookie and copyright notices, promos, the sample marker.
FURNITURE_LINE = re.compile(
    r"^(?:also on |also read|read also|read more:|related|more from|more on|most read|watch:"
    r"|listen:|podcast|share|weibo|ic-whatsapp|font size|get short url|if you like this story"
    r"|\[communique sample article)|©|cookie|all rights reserved|subscribe|sign up|download the",
    re.IGNORECASE,
)


def _clean_sample(name: str) -> Cleaned:
    from communique.clean import extract_html

    raw = (SAMPLES / name).read_text(encoding="utf-8")
    return extract_html(raw) if name.endswith(".html") else clean_text(raw)


def test_every_sample_has_expected_metadata_listed() -> None:
    on_disk = {
        str(p.relative_to(SAMPLES)) for p in [*SAMPLES.glob("text/*.txt"), *SAMPLES.glob("html/*")]
    }
    assert on_disk == set(SAMPLE_META)


@pytest.mark.parametrize("name", sorted(SAMPLE_META))
def test_sample_metadata(name: str) -> None:
    title, published, domain = SAMPLE_META[name]
    cleaned = _clean_sample(name)
    assert cleaned.title == title
    assert cleaned.published == published
    assert cleaned.published_evidence
    assert cleaned.outlet_domain == domain


@pytest.mark.parametrize("name", sorted(SAMPLE_META))
def test_sample_body_has_no_furniture(name: str) -> None:
    cleaned = _clean_sample(name)
    raw = (SAMPLES / name).read_text(encoding="utf-8")
    body = cleaned.text.split("\n\n")
    assert len(body) >= 8 and all(len(p.split()) >= 5 for p in body), body
    assert "communique sample" not in cleaned.text
    assert not cleaned.text.startswith(cleaned.title or "\x00")
    for para in body:
        assert not FURNITURE_LINE.search(para), para
    if name.endswith(".txt"):
        for line in raw.splitlines():
            if FURNITURE_LINE.search(line.strip()):
                assert line.strip() not in cleaned.text, line
        _check_offsets(raw, cleaned)


@pytest.mark.parametrize("name", sorted(n for n in SAMPLE_META if n.endswith(".txt")))
def test_sample_text_keeps_every_article_paragraph(name: str) -> None:
    """Every long sentence-like paragraph between the meta block and the end stays."""
    raw = (SAMPLES / name).read_text(encoding="utf-8")
    cleaned = clean_text(raw)
    paragraphs = [
        ln.strip()
        for ln in raw.splitlines()
        if len(ln.split()) >= 15
        and ln.strip()[-1] in '."”’»■“'
        and not FURNITURE_LINE.search(ln.strip())
    ]
    missing = [p for p in paragraphs if p not in cleaned.text]
    # standfirsts and captions are the only long sentences that may go
    assert len(missing) <= 2, missing


def test_mis_decoded_text_is_repaired_before_cleaning(pipeline: Any) -> None:
    """UTF-8 read as cp1252 upstream ("AndrÃ©s"): its "©" once made the cleaner cut the
    paragraph as copyright furniture (issue 11)."""
    text = (
        "Mexico's president spoke on Monday.\n\n"
        "President AndrÃ©s Manuel LÃ³pez Obrador told reporters that the talks with "
        "Washington had gone well and would continue next month.\n\nThe peso rose."
    )
    a = pipeline.analyze_text(text, published="2019-11-20")
    assert "Andrés Manuel López Obrador told reporters" in a.article.text
    assert not [r for r in a.article.removed if r.reason == "copyright"]


@pytest.mark.parametrize("text", ["São Paulo", "naïve café", "Ãlvaro", "plain text"])
def test_real_latin_letters_are_left_alone(text: str) -> None:
    assert repair_mojibake(text) == text


def test_a_headline_over_a_standfirst_keeps_both() -> None:
    """Issue 11: a scrape's headline was cut as navigation and its standfirst taken as the
    title; now the headline is the title and the standfirst is read with the article."""
    text = (
        "Kremlin says it will respond to new EU sanctions\n\n"
        "Moscow warns of 'consequences' as Brussels adds 74 tankers to its blacklist, "
        "Peskov tells reporters\n\nBy Anna Smith\n\n"
        "MOSCOW — The Kremlin said on Monday it would respond to the European Union's new "
        "sanctions package, which adds 74 tankers to a list of ships barred from EU ports. "
        "The package was adopted on Friday after weeks of talks, diplomats said.\n\n"
        "Kremlin spokesman Dmitry Peskov told reporters that Russia would take the necessary "
        "measures to protect its shipping. He did not say what those measures would be.\n"
    )
    c = clean_text(text)
    assert c.title == "Kremlin says it will respond to new EU sanctions"
    assert c.text.startswith("Moscow warns of 'consequences'")
    assert [r.reason for r in c.removed] == ["title", "byline"]


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Peskov accused Washington of lying.\n", "Peskov accused Washington of lying."),
        ("  Russia protested.  ", "Russia protested."),
        ("12 34.\n", None),  # nothing that reads as words
        ("Page not found\n", None),  # no sentence
        ("   \n\n", None),
    ],
)
def test_a_short_plain_snippet_is_the_article_as_it_stands(text: str, kept: str | None) -> None:
    """A sentence given on stdin or to analyze_text has no page furniture to cut: however
    short, it is analysed as written; a page, or text without words, is still refused."""
    from communique.clean import OutletTable, to_article
    from communique.records import Article, Document

    got = to_article(Document("-", text, "text/plain"), OutletTable.load())
    if kept is None:
        assert not isinstance(got, Article) and "no article text" in got.reason
    else:
        assert isinstance(got, Article) and got.text == kept
    page = to_article(
        Document("p", f"<html><body><p>{text}</p></body></html>", "text/html"), OutletTable.load()
    )
    assert not isinstance(page, Article)


def test_links_to_other_stories_labelled_in_capitals_are_teasers() -> None:
    """A tabloid's in-article links end on their kind in capitals ("[VIDEO]", "[INSIGHT]|"):
    they are headlines of other stories, not the article's sentences (their acts were
    coded as this page's events)."""
    body = [
        "Chris Tang, Hong Kong's new police commissioner, said in an interview that police "
        "alone are not able to end the violence.",
        "Protesters believe the extradition bill is an example of Hong Kong's eroding autonomy "
        "under Beijing [and say so].",
        "The ministry called the claim [FALSE] in a statement on Monday.",
    ]
    links = [
        "China furious at Macron for Hong Kong protest jibe [INSIGHT]|",
        "Lakers vs Nets: NBA make final decision on game amid China turmoil [VIDEO]",
        "Hong Kong 'threatened with Chinese military intervention' [REACTION]",
    ]
    raw = "\n\n".join([body[0], *links, *body[1:]])
    cleaned = clean_text(raw)
    assert cleaned.text == "\n\n".join(body)
    cut = " ".join(r.text for r in cleaned.removed if r.reason == "teaser")
    assert all(link in cut for link in links)
