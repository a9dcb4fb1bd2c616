"""Data and helpers of the web view's tests: the hostile article (markup and script in every
field a page shows), Chromium's flags, where screenshots go."""

from __future__ import annotations

from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "samples"

#: Where the browser tests leave their screenshots (gitignored).
ARTIFACTS = ROOT / "test-artifacts" / "web"

#: Chromium's flags: headless, no sandbox (root in CI), and nothing that reaches the network.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

HOW_TO_GET_ONE = (
    "install Chromium (Debian/Ubuntu: `sudo apt-get install chromium`; `./dev test` does it "
    "when run as root) or point COMMUNIQUE_CHROMIUM at a Chrome or Chromium binary"
)

#: The hostile article: markup and script in every field a page shows.
HOSTILE_ID = "hostile0000000001"
HOSTILE_TITLE = "Evil <script>alert(1)</script> title <img src=x onerror=alert(2)>"
HOSTILE_TEXT = (
    "Russia accused Ukraine of shelling the plant. "
    "<script>window.__pwned = 1; alert(1)</script> "
    'Then came <img src=x onerror="window.__pwned=2"> and <a href="javascript:alert(3)">a link</a>. '
    "The end."
)
HOSTILE_URL = "javascript:window.__pwned=3"
HOSTILE_OUTLET = "<b onmouseover=alert(4)>Evil Outlet</b>"


def hostile_analysis() -> Any:
    from communique.records import Actor, Analysis, Article, Event, Mention, Quote, Span

    text = HOSTILE_TEXT
    sent = text.index("The end.")
    script = text.index("<script>")
    ev = Event(
        0,
        "ACCUSE",
        Span(0, text.index(".") + 1, text[: text.index(".") + 1]),
        Span(text.index("accused"), text.index("accused") + 7, "accused"),
        "RUS",
        "UKR",
        cameo="112",
        quad="verbal_conflict",
        intensity=-2.0,
        date="2024-03-01",
        date_precision="day",
        confidence=0.7,
    )
    rus = Actor("RUS", "<i>Russia</i>", "state", "RUS", "RUS")
    ukr = Actor("UKR", "Ukraine", "state", "UKR", "UKR")
    end = script + len("<script>window.__pwned = 1; alert(1)</script>")
    quote = Quote(0, "direct", (Span(script, end, text[script:end]),), Span(0, sent, text[:sent]))
    mention = Mention(0, Span(0, 6, "Russia"), "GPE", "RUS")
    art = Article(
        HOSTILE_ID,
        text,
        url=HOSTILE_URL,
        outlet=HOSTILE_OUTLET,
        title=HOSTILE_TITLE,
        published="2024-03-02",
        authors=("<script>alert(5)</script>",),
    )
    return Analysis(art, actors=(rus, ukr), mentions=(mention,), quotes=(quote,), events=(ev,))


def shot(pg: Any, name: str) -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    out = ARTIFACTS / f"{name}.png"
    pg.screenshot(path=str(out), full_page=False)
    return out


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def story_k(db: str) -> str:
    """The id of story K of samples/README.md (samples/jsonl/stories.jsonl: the Senkaku
    patrol told by four outlets, Chinese state media leaving out Japan's protest)."""
    from communique.store import Store

    with Store.open(db, read_only=True) as store:
        (sid,) = {
            r[0]
            for r in store.query(
                """SELECT s.story_id FROM story_articles s JOIN articles a ON a.id = s.article_id
                   WHERE a.origin LIKE '%stories.jsonl%'"""
            )
        }
    return str(sid)
