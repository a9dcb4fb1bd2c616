"""Records laid over text: pieces join back to the text, each knows the records covering
it, and the most specific one is what a click opens; URLs become links only when http(s)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from communique.web import Mark, pieces, safe_url


def test_pieces_carry_the_records_that_cover_them() -> None:
    text = "Russia accused Ukraine."
    marks = [
        Mark(0, 23, "evidence", "ev-0", "event 0"),
        Mark(7, 14, "trigger", "ev-0", "event 0"),
        Mark(0, 6, "mention", "a-RUS", "actor RUS"),
    ]
    ps = pieces(text, marks)
    assert "".join(p.text for p in ps) == text
    assert [p.text for p in ps] == ["Russia", " ", "accused", " Ukraine."]
    assert ps[0].target is not None and ps[0].target.ref == "a-RUS"
    assert ps[0].opens == ("ev-0", "a-RUS")
    assert ps[2].classes == "trigger evidence" and ps[2].target.kind == "trigger"
    assert ps[3].marks == (marks[0],)


@given(
    st.text(max_size=40),
    st.lists(st.tuples(st.integers(-3, 45), st.integers(-3, 45)), max_size=8),
)
def test_pieces_always_join_back_to_the_text(text: str, spans: list[tuple[int, int]]) -> None:
    marks = [Mark(a, b, "quote", f"q-{i}", "") for i, (a, b) in enumerate(spans)]
    ps = pieces(text, marks)
    assert "".join(p.text for p in ps) == text
    for m in marks:
        if 0 <= m.start < m.end <= len(text):  # a span outside the text is left out
            assert "".join(p.text for p in ps if p.has(m.ref)) == text[m.start : m.end]


def test_only_http_urls_are_links() -> None:
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("HTTP://example.org") == "HTTP://example.org"
    for bad in (
        "javascript:alert(1)",
        " JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:x",
        "//example.org",
        "http:/no-host",
        "file:///etc/passwd",
        None,
        "",
    ):
        assert safe_url(bad) is None, bad
