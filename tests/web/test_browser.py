"""The web view in headless Chromium (the system's, driven by Playwright): every page
opens, an event leads to its article with the evidence highlighted, a search is
filtered, a dyad chart opens and a period lists its events, and an article full of
markup and script runs none of it. Screenshots go to test-artifacts/web/ (and, with
COMMUNIQUE_DOCS_SCREENSHOTS=1, the README's to docs/)."""

from __future__ import annotations

import os
import re
import shutil
from typing import Any

from .web_support import (
    HOSTILE_ID,
    HOSTILE_OUTLET,
    HOSTILE_TITLE,
    HOSTILE_URL,
    ROOT,
    shot,
    story_k,
)

DOCS = ROOT / "docs"


def _store_facts(db: str) -> dict[str, Any]:
    from communique.store import Store

    with Store.open(db, read_only=True) as store:
        busiest = store.query(
            """SELECT e.article_id, e.id, e.evidence_text FROM events e
               WHERE e.in_title = 0 AND e.article_id != ?
               ORDER BY e.article_id LIMIT 1""",
            (HOSTILE_ID,),
        )[0]
        return {"article_id": busiest[0], "event_id": busiest[1], "evidence": busiest[2]}


def _ok(pg: Any, url: str) -> None:
    response = pg.goto(url)
    assert response is not None and response.status == 200, url
    assert not pg.errors, pg.errors


def test_every_page_opens(page: Any, base_url: str, web_db: str) -> None:
    facts = _store_facts(web_db)
    _ok(page, base_url + "/")
    assert page.locator("ul.counts").inner_text().count("articles") == 1
    assert page.locator("text=Latest articles").is_visible()
    shot(page, "overview")

    _ok(page, base_url + "/search?kind=events")
    assert page.locator("table.rows tbody tr").count() > 0
    shot(page, "search")

    _ok(page, f"{base_url}/article/{facts['article_id']}")
    assert page.locator(".text a.mk.evidence").count() > 0
    assert page.locator(".records .record").count() > 0
    shot(page, "article")

    _ok(page, base_url + "/actor/RUS")
    assert page.locator("h1").inner_text().startswith("Russia")
    shot(page, "actor")

    _ok(page, base_url + "/dyad")
    assert page.locator("table.rows a[href^='/dyad?']").count() > 0
    shot(page, "dyads")

    _ok(page, base_url + "/stories")
    assert page.locator("table.stories a[href^='/story/']").count() > 0
    shot(page, "stories")

    response = page.goto(base_url + "/article/does-not-exist")
    assert response is not None and response.status == 404
    assert "no article" in page.locator("p.error").inner_text()
    shot(page, "not-found")


def test_an_event_leads_to_its_article_with_the_evidence_highlighted(
    page: Any, base_url: str, web_db: str
) -> None:
    from communique.store import Store

    _ok(page, base_url + "/search?kind=events")
    link = page.locator("table.rows a.evidence").first
    href = link.get_attribute("href") or ""
    m = re.fullmatch(r"/article/(\w+)\?event=(\d+)#t-ev-\2", href)
    assert m, href
    article_id, event_id = m[1], int(m[2])
    with Store.open(web_db, read_only=True) as store:
        evidence = store.query(
            "SELECT evidence_text FROM events WHERE article_id = ? AND id = ?",
            (article_id, event_id),
        )[0][0]
    link.click()
    page.wait_for_url(re.compile(rf"/article/{article_id}\?event={event_id}"))
    focused = page.locator("a.mk.focus")
    assert focused.count() > 0
    highlighted = "".join(focused.all_inner_texts())
    assert highlighted.split() == evidence.split(), "the evidence sentence is marked"
    assert focused.first.is_visible()  # scrolled to it
    colour = focused.first.evaluate("el => getComputedStyle(el).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    record = page.locator(f".records #ev-{event_id}")
    assert "focus" in (record.get_attribute("class") or "")
    shot(page, "event-in-article")

    # clicking a marked piece of text opens its record (no script: a link to its anchor)
    focused.first.click()
    assert page.evaluate("location.hash").startswith("#")
    target = page.evaluate("location.hash")[1:]
    assert page.locator(f"#{target}").is_visible()


def test_a_search_is_filtered(page: Any, base_url: str) -> None:
    _ok(page, base_url + "/search")
    page.fill("input[name=q]", "Istanbul")
    page.select_option("select[name=kind]", "articles")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    all_rows = page.locator("table.rows tbody tr").count()
    assert all_rows >= 2
    outlets = page.locator("table.rows tbody tr td:nth-child(2)").all_inner_texts()
    one = outlets[0]
    page.select_option("select[name=outlet]", one)
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    assert "outlet=" in page.url
    filtered = page.locator("table.rows tbody tr td:nth-child(2)").all_inner_texts()
    assert filtered and set(filtered) == {one}
    assert len(filtered) < all_rows
    shot(page, "search-filtered")

    # an event type filter lists events of that type only
    page.select_option("select[name=type]", "ACCUSE")
    page.fill("input[name=q]", "")
    page.select_option("select[name=outlet]", "")
    page.click("form.filters button[type=submit]")
    page.wait_for_load_state()
    types = page.locator("table.rows tbody tr td:nth-child(3)").all_inner_texts()
    assert types and set(types) == {"ACCUSE"}

    # a bad date is the form again with the reason, not a traceback
    response = page.goto(base_url + "/search?kind=events&since=20x9")
    assert response is not None and response.status == 400
    assert "is not a date" in page.locator("p.error").inner_text()


def test_a_dyad_chart_opens_and_a_period_lists_its_events(page: Any, base_url: str) -> None:
    _ok(page, base_url + "/dyad")
    page.locator("table.rows a[href^='/dyad?']").first.click()
    page.wait_for_load_state()
    svg = page.locator("figure.chart svg")
    assert svg.is_visible()
    assert page.locator("svg a.period").count() >= 1
    assert page.locator("svg .bar").count() >= 1
    page.locator("svg a.period").first.click()
    page.wait_for_url(re.compile(r"period="))
    acts = page.locator("#acts .act")
    assert acts.count() >= 1
    assert page.locator("#acts a.evidence").first.inner_text().strip()
    shot(page, "dyad")


def test_a_dyad_with_a_band(page: Any, base_url: str) -> None:
    """USA and Russia either way by week in the samples (the README's relations example):
    the busiest week (five acts, told in seven reports) has an interval band; its acts,
    as many as its bar says, list their sentences."""
    _ok(page, base_url + "/dyad?a=USA&b=RUS&both=1&by=week")
    assert page.locator("svg line.interval").count() >= 1
    assert page.locator("svg polygon.band").count() >= 1
    titles = [t.text_content() or "" for t in page.locator("svg a.period title").all()]
    counts = [int(m.group(1)) for t in titles if (m := re.search(r"(\d+) acts", t))]
    most = max(counts)
    assert most >= 5, titles
    busiest = page.locator("svg a.period", has=page.locator("title", has_text=f"{most} acts"))
    busiest.first.click()
    page.wait_for_url(re.compile(r"period="))
    assert page.locator("#acts .act").count() == most
    shot(page, "dyad-band")
    if os.environ.get("COMMUNIQUE_DOCS_SCREENSHOTS") == "1":
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(DOCS / "web-dyad.png"), full_page=True)


def test_markup_and_script_in_an_article_stay_inert(page: Any, base_url: str) -> None:
    _ok(page, f"{base_url}/article/{HOSTILE_ID}")
    assert page.evaluate("typeof window.__pwned") == "undefined"
    assert not page.dialogs
    # shown as text, not dropped: the visitor sees what the article says
    assert page.locator("h1.title").inner_text() == HOSTILE_TITLE
    assert "<script>window.__pwned = 1; alert(1)</script>" in page.locator(".text").inner_text()
    assert HOSTILE_OUTLET in page.locator(".meta").inner_text()
    assert page.locator("script").count() == 0
    assert page.locator(".text img, h1 img, .meta b").count() == 0
    # the javascript: URL is not a link anywhere
    hrefs = page.eval_on_selector_all("a", "els => els.map(e => e.getAttribute('href'))")
    assert not [h for h in hrefs if h and h.strip().lower().startswith("javascript:")]
    assert HOSTILE_URL in page.locator(".meta .inert").inner_text()
    # hovering and clicking every marked piece runs nothing either
    for mk in page.locator("a.mk").all():
        mk.hover()
        mk.click()
    page.locator("h1.title").hover()
    assert page.evaluate("typeof window.__pwned") == "undefined"
    shot(page, "hostile-article")
    # the search results and overview list it inert too
    _ok(page, base_url + "/search?q=Evil")
    assert page.locator("script").count() == 0
    assert page.evaluate("typeof window.__pwned") == "undefined"


def test_the_readme_article_screenshot(page: Any, base_url: str, web_db: str) -> None:
    facts = _store_facts(web_db)
    _ok(page, f"{base_url}/article/{facts['article_id']}?event={facts['event_id']}")
    page.locator(".text a.mk.focus").first.hover()
    out = shot(page, "readme-article")
    if os.environ.get("COMMUNIQUE_DOCS_SCREENSHOTS") == "1":
        shutil.copy(out, DOCS / "web-article.png")


def test_a_story_compares_its_outlets_and_leads_to_the_evidence(
    page: Any, base_url: str, web_db: str
) -> None:
    """From the stories list to story K (the Senkaku patrol): its four outlets, Chinese state
    media flagged and leaving out Japan's protest; then a report's evidence in its article."""
    sid = story_k(web_db)
    _ok(page, base_url + "/")
    page.click("header.top nav a[href='/stories']")
    page.wait_for_url(re.compile(r"/stories$"))
    page.locator(f"table.stories a[href='/story/{sid}']").click()
    page.wait_for_url(re.compile(rf"/story/{sid}$"))
    assert not page.errors, page.errors
    outlets = page.locator("#coverage td.outlet").all_inner_texts()
    assert len(outlets) == 4 and "Silk Meridian" in outlets
    assert page.locator("#coverage tr.first").count() == 1
    assert page.locator("#coverage tr.first .flag.first").inner_text() == "first reporter"
    state = page.locator("#coverage tr.state")
    assert state.count() == 1 and "Silk Meridian" in state.inner_text()
    assert "state-affiliated" in state.inner_text()
    shot(page, "story")
    silk = page.locator(
        "#left-out ul.left-out > li",
        has=page.locator("strong.outlet", has_text="Silk Meridian"),
    )
    assert silk.count() == 1
    omitted = silk.inner_text()
    assert "Japan" in omitted and "did not quote" in omitted and "Yoko Kamikawa" in omitted
    # an omitted act links to its row among the story events
    silk.locator("a[href^='#act-']").first.click()
    target = page.evaluate("location.hash")[1:]
    assert target.startswith("act-") and page.locator(f"#{target}").is_visible()
    shot(page, "story-left-out-act")

    link = page.locator(f"#{target} a.evidence").first
    href = link.get_attribute("href") or ""
    m = re.fullmatch(r"/article/(\w+)\?event=(\d+)#t-ev-\2", href)
    assert m, href
    evidence = link.inner_text()
    link.click()
    page.wait_for_url(re.compile(rf"/article/{m[1]}\?event={m[2]}"))
    focused = page.locator("a.mk.focus")
    assert focused.count() > 0
    assert "".join(focused.all_inner_texts()).split() == evidence.split()
    assert focused.first.is_visible()
    # and the article leads back to its story
    assert page.locator(f".story-link a[href='/story/{sid}']").count() == 1
    shot(page, "story-evidence-in-article")
