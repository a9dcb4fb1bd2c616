from __future__ import annotations

from datetime import date

import pytest

from communique.dates import parse_published, resolve

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
