"""Fixtures of the web view's tests: a store made by analysing samples/ (plus one hostile
article stored through the store's API), the app served by uvicorn on a free port in a
thread, and headless Chromium from the system's packages driven by Playwright."""

from __future__ import annotations

import os
import shutil
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .web_support import CHROMIUM_ARGS, HOW_TO_GET_ONE, SAMPLES, free_port, hostile_analysis


@pytest.fixture(scope="session")
def web_db(stance_pipeline: Any, tmp_path_factory: pytest.TempPathFactory) -> str:
    """samples/ analysed as ``./dev demo`` does (stance included, the samples' outlet
    table) into a store, and the hostile article."""
    from communique import Options, Pipeline
    from communique.runner import analyze_into_store
    from communique.store import Store

    db = str(tmp_path_factory.mktemp("web") / "web.db")
    pipe = Pipeline(Options(outlets_files=(SAMPLES / "outlets.csv",)), nlp=stance_pipeline.nlp)
    summary = analyze_into_store(pipe, [str(SAMPLES)], db)
    assert summary.run["articles"] >= 20 and summary.run["events"] > 0
    with Store.open(db) as store:
        assert store.add(hostile_analysis())
    return db


@pytest.fixture(scope="session")
def base_url(web_db: str) -> Iterator[str]:
    """The app over ``web_db``, served by uvicorn in a thread on a free port."""
    import uvicorn

    from communique.web import create_app

    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(create_app(web_db), host="127.0.0.1", port=port, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(10)


def chromium_path() -> str | None:
    for candidate in (
        os.environ.get("COMMUNIQUE_CHROMIUM"),
        "/usr/bin/chromium",
        shutil.which("chromium"),
        shutil.which("chromium-browser"),
        shutil.which("google-chrome"),
    ):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


def _missing(what: str) -> None:
    """Under CI the browser tests must run: a missing browser fails them; elsewhere they
    are skipped with the way to get one."""
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(f"CI=true and {what}: the browser tests must run in CI; {HOW_TO_GET_ONE}")
    pytest.skip(f"{what}; {HOW_TO_GET_ONE}")


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("Playwright is not installed (pip install -r requirements/dev.txt)")
    path = chromium_path()
    if path is None:
        _missing("no Chromium found")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page at a laptop's screen size; any dialog (alert, confirm) fails the test."""
    context = browser.new_context(viewport={"width": 1366, "height": 768})
    pg = context.new_page()
    dialogs: list[str] = []
    errors: list[str] = []

    def on_dialog(d: Any) -> None:
        dialogs.append(d.message)
        d.dismiss()

    pg.on("dialog", on_dialog)
    pg.on("pageerror", lambda e: errors.append(str(e)))
    pg.dialogs = dialogs
    pg.errors = errors
    yield pg
    context.close()
    assert not dialogs, f"a script ran and opened a dialog: {dialogs}"
