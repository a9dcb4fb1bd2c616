from __future__ import annotations

from datetime import date

import pytest

from communique.dates import (
    Candidate,
    choose_published,
    date_from_url,
    is_length,
    news_day,
    normalise,
    parse_published,
    resolve,
)

FRI = date(2020, 7, 24)  # a Friday


@pytest.mark.parametrize(
    ("expr", "want"),
    [
        ("on Friday", "2020-07-24"),
        ("Sunday", "2020-07-19"),
        ("on Tuesday", "2020-07-21"),
        ("last Thursday", "2020-07-23"),
        ("last Friday", "2020-07-17"),
        ("On July 23", "2020-07-23"),
        ("in December 2019", "2019-12"),
        ("in 2014", "2014"),
        ("yesterday", "2020-07-23"),
        ("December 30", "2019-12-30"),
        ("earlier this month", "2020-07"),
    ],
)
def test_resolve_against_publication(expr: str, want: str) -> None:
    assert resolve(expr, FRI) == want


def test_relative_needs_a_publication_date() -> None:
    assert resolve("on Sunday", None) is None
    assert resolve("July 23, 2020", None) == "2020-07-23"


def test_parse_published() -> None:
    assert parse_published("2020-07-24T17:19+03:00") == FRI
    assert parse_published("2020-07-24") == FRI
    assert parse_published("yesterday") is None


# -- normalise: every publication date enters in one ISO form ----------------------------
@pytest.mark.parametrize(
    ("value", "want"),
    [
        ("March 9, 2022", "2022-03-09"),
        ("9 Mar 2022", "2022-03-09"),
        ("2022-03-09", "2022-03-09"),
        ("2022-03-09T23:30:00-05:00", "2022-03-09T23:30-05:00"),  # the day as written
        ("2022-03-09T23:30:00.123Z", "2022-03-09T23:30+00:00"),
        ("2019-06-17T18:28:00+0200", "2019-06-17T18:28+02:00"),
        ("2022-03-09 10:15 EST", "2022-03-09T10:15-05:00"),
        ("2022-07-09 10:15 ET", "2022-07-09T10:15-04:00"),  # generic zone: DST from zoneinfo
        ("2022-01-09 10:15 ET", "2022-01-09T10:15-05:00"),
        ("2022-07-09 10:15 Europe/Berlin", "2022-07-09T10:15+02:00"),
        ("Wed, 09 Mar 2022 23:30:00 -0500", "2022-03-09T23:30-05:00"),  # RSS (RFC 822)
        ("Wed, 09 Mar 2022 23:30:00 GMT", "2022-03-09T23:30+00:00"),
        ("09/03/2022", "2022-09-03"),  # month first (US) unless day_first
        ("31/03/2022", "2022-03-31"),  # unambiguous
        ("2022/03/09", "2022-03-09"),
        ("9.3.2022", "2022-03-09"),  # dotted: day first as written in Europe
        ("Published March 3, 2022 09:15 GMT", "2022-03-03T09:15+00:00"),
        (1646884200, "2022-03-10T03:50+00:00"),  # a Unix time stamp is UTC
        ("9. März 2022", "2022-03-09"),  # dateparser, the last resort
    ],
)
def test_normalise(value: object, want: str) -> None:
    assert normalise(value) == want


@pytest.mark.parametrize(
    "value", [None, "", "yesterday", "soon", "n/a", "0001-01-01T00:00:00Z", "2022-02-30", True]
)
def test_unreadable_dates_are_none(value: object) -> None:
    assert normalise(value) is None


def test_day_first_reads_ambiguous_slash_dates_day_first() -> None:
    assert normalise("09/03/2022", day_first=True) == "2022-03-09"
    assert normalise("09/13/2022", day_first=True) == "2022-09-13"  # 13 is no month
    assert normalise("2022-03-09", day_first=True) == "2022-03-09"


def test_normalise_is_idempotent() -> None:
    for value in ("March 9, 2022", "2022-03-09T23:30:00-05:00", "9 Mar 2022 10:15 BST"):
        once = normalise(value)
        assert once is not None and normalise(once) == once


def test_parse_published_reads_what_normalise_reads_and_keeps_the_local_day() -> None:
    assert parse_published("March 9, 2022") == date(2022, 3, 9)
    # 04:30 UTC on March 10, but the page's day is March 9
    assert parse_published("2022-03-09T23:30-05:00") == date(2022, 3, 9)


def test_relative_dates_resolve_against_a_normalised_publication_date() -> None:
    day = parse_published(normalise("March 9, 2022"))  # a Wednesday
    assert resolve("on Monday", day) == "2022-03-07"


# -- the page's publication date among its candidates -----------------------------------
UTC_STAMP = Candidate("2019-11-27T02:54+00:00", "html meta article:published_time")


def test_date_from_url() -> None:
    assert date_from_url("https://n.example/2019/11/26/slug") == "2019-11-26"
    assert date_from_url("https://n.example/news/20200428/slug") == "2020-04-28"
    assert date_from_url("https://n.example/2019/11/slug") is None
    assert date_from_url("https://n.example/item/123456789") is None
    assert date_from_url(None) is None


def test_a_utc_stamp_alone_keeps_its_time_and_offset() -> None:
    assert choose_published([UTC_STAMP]) == UTC_STAMP


def test_a_utc_stamp_gives_way_to_the_same_moment_in_local_time() -> None:
    local = Candidate("2019-11-26T21:54-05:00", "html <time datetime>")
    other = Candidate("2019-11-26T10:00-05:00", "html <time datetime>")  # another moment
    got = choose_published([UTC_STAMP], hints=[other, local])
    assert got is not None and got.iso == "2019-11-26T21:54-05:00"


def test_a_utc_stamp_gives_way_to_a_local_dateline_or_the_url_day() -> None:
    dateline = Candidate("2019-11-26", "Nov. 26, 2019")
    got = choose_published([UTC_STAMP], hints=[dateline])
    assert got is not None and got.iso == "2019-11-26"
    got = choose_published([UTC_STAMP], url="https://n.example/2019/11/26/s400")
    assert got is not None and (got.iso, got.evidence) == ("2019-11-26", "url path")
    # a local date on the far side of the offset is another day, not the local one
    assert choose_published([UTC_STAMP], hints=[Candidate("2019-11-28", "x")]) == UTC_STAMP


def test_the_first_candidate_in_order_of_trust_wins() -> None:
    first = Candidate("2020-01-03T09:48+01:00", "html meta article:published_time")
    later = Candidate("2020-01-06", "html meta date")
    assert choose_published([first, later]) == first
    assert choose_published([]) is None


@pytest.mark.parametrize(
    ("expr", "iso"),
    [
        ("18 years ago", "2001"),
        ("a decade ago", "2009"),
        ("five months ago", "2019-06"),
        ("two days ago", "2019-11-18"),
        ("18 years after", None),
        ("three decades", None),
        ("18 years", None),
        ("the past two years", None),
    ],
)
def test_lengths_of_time_date_only_when_counted_back(expr: str, iso: str | None) -> None:
    assert resolve(expr, date(2019, 11, 20)) == iso


@pytest.mark.parametrize(
    ("expr", "iso"),
    [
        # issue 10, item 6: a unit counted from publication is as precise as the unit
        ("next month", "2019-12"),  # it was 2019-12-20: a false day
        ("later this month", "2019-11"),
        ("last month", "2019-10"),
        ("next year", "2020"),
        ("earlier this year", "2019"),
        ("last year", "2018"),
        ("last week", "2019-11"),  # 11-11 to 11-17
        ("this week", "2019-11"),
        ("next week", None),  # 11-25 to 12-01: two months
        ("two weeks ago", "2019-11"),
        ("five weeks ago", "2019-10"),  # 10-14 to 10-20
        ("the following week", None),  # counted from the story's time, not publication
    ],
)
def test_weeks_months_and_years_from_publication_are_never_a_day(
    expr: str, iso: str | None
) -> None:
    assert resolve(expr, date(2019, 11, 20)) == iso


def test_an_act_told_in_a_dated_announcement_takes_its_date(pipeline) -> None:  # type: ignore[no-untyped-def]
    from conftest import analyze_sentence

    text = (
        "Despite Mr. Trump's Oct. 11 announcement that the United States and China had reached"
        " a historic Phase 1 trade agreement, signing a deal has proved elusive."
    )
    an = analyze_sentence(pipeline, text, "2019-11-20")
    assert {(e.type, e.date) for e in an.events} == {("AGREE", "2019-10-11")}, an.events


@pytest.mark.parametrize(
    ("expr", "length"),
    [
        ("seven days", True),
        ("within 72 hours", True),
        ("for two weeks", True),
        ("two days ago", False),
        ("18 years", False),  # told apart: "18 years after the attacks" has no day
        ("the past seven days", False),
        ("last week", False),
        ("in 2014", False),
    ],
)
def test_a_length_of_time_is_no_point_in_it(expr: str, length: bool) -> None:
    assert is_length(expr) is length


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("in September", "2019-09"),
        ("early September", "2019-09"),
        ("November", "2019-11"),
        ("on Nov.", "2019-11"),  # abbreviated, with its full stop
        ("Sept.", "2019-09"),
        ("in December", None),  # last year's or next year's: not said
        ("September 2018", "2018-09"),
    ],
)
def test_a_month_alone_is_this_years_once_it_has_begun(text: str, want: str | None) -> None:
    assert resolve(text, date(2019, 11, 20)) == want


@pytest.mark.parametrize(
    ("text", "published", "want"),
    [
        # a wire filed in the evening, published after midnight
        ("WASHINGTON, Sept 26 (Meuse Wire) - Blinken said", date(2022, 9, 27), date(2022, 9, 26)),
        (
            "Headline\nBEIJING, Oct. 14 (Xinhua) -- China said",
            date(2019, 10, 14),
            date(2019, 10, 14),
        ),
        ("MOSCOW, Dec 31 (Agency) - Russia said", date(2020, 1, 1), date(2019, 12, 31)),
        # no dateline, or one too far from publication to be the day reported
        ("Russia said on Monday", date(2022, 9, 27), date(2022, 9, 27)),
        ("KYIV, Feb 1 (Agency) - Ukraine said", date(2024, 2, 16), date(2024, 2, 16)),
        # a month name that is no month
        ("PARIS, Mayor 12 - said", date(2024, 2, 16), date(2024, 2, 16)),
    ],
)
def test_news_day_is_the_wire_datelines_day(text: str, published: date, want: date) -> None:
    assert news_day(text, published) == want
    assert news_day(text, None) is None


@pytest.mark.parametrize(
    ("expr", "days"),
    [
        ("four days", 4),
        ("a day", 1),
        ("two weeks", 14),
        ("just three days", 3),
        ("two months", None),
        ("four days ago", None),
    ],
)
def test_length_in_days(expr: str, days: int | None) -> None:
    from communique.dates import length_in_days

    assert length_in_days(expr) == days


def test_a_time_within_the_day_told_is_that_day() -> None:
    from datetime import date

    from communique import dates

    day = date(2019, 10, 14)
    for expr in ("Earlier in the day", "later in the day", "earlier today"):
        assert dates.is_same_day(expr)
        assert dates.resolve(expr, day) == "2019-10-14"
    assert not dates.is_same_day("the day before")
