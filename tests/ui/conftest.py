"""Fixtures for the web chat: the real app served by uvicorn in a thread, and headless Debian Chromium."""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import uvicorn
from playwright.sync_api import expect

from assistant import Assistant
from ingest.article import Article
from ingest.pipeline import Index
from ingest.settings import IngestSettings
from tests.conftest import REPO, SEEDS, free_port, wait_for_health
from ui.web import WebSettings, build_app
from ui.web.server import server_config

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
ARTIFACTS = REPO / "tests" / "artifacts"
DESKTOP = {"width": 1366, "height": 900}
PHONE = {"width": 390, "height": 844}
SEED_QUESTION = "Who said that anti-terrorist measures will be stopped if Karabakh forces lay down their arms?"


@contextmanager
def running_app(bot: Assistant, token: str | None = None, settings: WebSettings | None = None) -> Iterator[str]:
    """Serve the real app (FastAPI + mounted Gradio) on a free port in a thread; yield its URL."""
    port = free_port()
    app = build_app(bot, token=token, settings=settings)
    # A short graceful shutdown: clients (gradio_client, the browser) keep their event streams open.
    config = server_config(app, "127.0.0.1", port, settings or WebSettings(), timeout_graceful_shutdown=1)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, name=f"byline-web-{port}", daemon=True)
    thread.start()
    url = f"http://127.0.0.1:{port}"
    if not wait_for_health(url, thread.is_alive, 30):
        server.should_exit = True
        raise RuntimeError(f"the web app did not come up on {url}")
        time.sleep(0.1)
    try:
        yield url
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def news_articles(rows: list[tuple[str, str, str, str, str]]) -> list[Article]:
    """Articles from (id, source, day, title, text) rows, each with its own news.example url."""
    return [
        Article(id=id_, title=title, text=text, source=source, published=day, url=f"https://news.example/{id_}")
        for id_, source, day, title, text in rows
    ]


def open_chat(page, url: str) -> None:
    """Open the chat and wait until its load events have run: the asking date is set (restored, or today). A date
    typed before that was put back to today by the restore (a full-suite run waited 30 s for the refused date's
    warning)."""
    page.goto(url, wait_until="domcontentloaded")
    expect(page.locator("#byline-as-of input")).to_have_value(re.compile(r"^\d{4}-\d{2}-\d{2}$"))


@pytest.fixture(scope="module")
def seeded_url(seeded_assistant) -> Iterator[str]:
    """The chat on the shared seeded index (for tests that only ask)."""
    with running_app(seeded_assistant) as url:
        yield url


@pytest.fixture(scope="module")
def upload_url(embedding, tmp_path_factory) -> Iterator[str]:
    """The chat on its own seeded index, for tests that add articles (built as make_assistant does, at module scope)."""
    bot = Assistant(Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("web-uploads")), embedding=embedding))
    bot.add([SEEDS])
    with running_app(bot) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    """One headless Debian Chromium per module (never a downloaded browser)."""
    if not CHROMIUM.exists():
        reason = f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium, or `make browser`)"
        if os.environ.get("BYLINE_REQUIRE_BROWSER") == "1":
            pytest.fail(reason + " — BYLINE_REQUIRE_BROWSER=1 requires the browser tests to run")
        pytest.skip(reason)
    from playwright.sync_api import expect, sync_playwright

    # an expectation waits as long as an action does: its own 5 s default ran out for an answer's evidence cards on a
    # busy machine (the suite runs in two workers; a browser, a server and the embedder share two cores)
    expect.set_options(timeout=30_000)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(30_000)
    yield page
    context.close()


@pytest.fixture
def new_page(browser):
    """Make pages (each in its own context: its own storage) of a viewport and options; all closed after the test."""
    contexts = []

    def make(viewport: dict = DESKTOP, **options):
        context = browser.new_context(viewport=viewport, **options)
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(30_000)
        return page

    yield make
    for context in contexts:
        context.close()


@pytest.fixture(scope="session")
def artifacts() -> Path:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
