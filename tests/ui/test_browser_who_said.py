"""A "who said what about X" answer in the chat (issue 14): a table of speaker, quote, date and source,
newest first, each row's marker a link to its evidence, readable on a desktop and on a phone without
the page scrolling sideways. Headless Debian Chromium; screenshots in tests/artifacts/."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from assistant import Assistant
from ingest.pipeline import Index
from ingest.settings import IngestSettings
from tests.assistant.test_who_said import STRIKE
from tests.ui.conftest import DESKTOP, PHONE, news_articles, open_chat, running_app
from ui.web.settings import WebSettings

pytestmark = pytest.mark.browser

QUESTION = "Who said what about the ferry strike?"


@pytest.fixture(scope="module")
def strike_url(embedding, tmp_path_factory):
    bot = Assistant(Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("strike-web")), embedding=embedding))
    bot.add_articles(news_articles(STRIKE))
    with running_app(bot, settings=WebSettings(stream_pace_ms=0)) as url:  # answers as they come: none is watched streaming
        yield url


@pytest.mark.parametrize(("viewport", "name"), [(DESKTOP, "desktop"), (PHONE, "phone")])
def test_who_said_what_shows_a_table_with_a_cited_row_per_quote(new_page, strike_url, artifacts, viewport, name):
    page = new_page(viewport)
    open_chat(page, strike_url)
    box = page.locator("#byline-question textarea")
    box.fill(QUESTION)
    box.press("Enter")
    # answered: its evidence is drawn, one card a row
    expect(page.locator('#byline-evidence [data-turn="1"] .ev-cite')).to_have_count(4)

    table = page.locator('#byline-chat [data-testid="bot"] table').first
    expect(table).to_be_visible()
    expect(table.locator("th")).to_have_text(["Speaker", "Quote", "Date", "Source"])
    rows = table.locator("tbody tr")
    expect(rows).to_have_count(4)
    expect(rows.locator("td:nth-child(1)")).to_have_text(["Ines Dahl", "Maren Okafor", "Lars Brenner", "Maren Okafor"])
    expect(rows.locator("td:nth-child(3)")).to_have_text(["2024-03-20", "2024-03-20", "2024-03-11", "2024-03-04"])
    expect(rows.nth(2).locator("td:nth-child(4)")).to_have_text("Coast Times")
    for n in range(1, 5):  # each row cites its own passage
        marker = rows.nth(n - 1).locator("td:nth-child(2) a.cite-marker")
        expect(marker).to_have_text(f"[{n}]")
        expect(marker).to_have_attribute("href", f"#cite-1-{n}")
    expect(rows.nth(0).locator("td:nth-child(2)")).to_contain_text("from this strike | and we are glad")

    table.scroll_into_view_if_needed()
    # the whole table on screen: no column cut off, and the page does not scroll sideways
    box_of_table = table.bounding_box()
    assert box_of_table is not None and box_of_table["x"] >= 0
    assert box_of_table["x"] + box_of_table["width"] <= viewport["width"], box_of_table
    assert page.evaluate("document.documentElement.scrollWidth") <= viewport["width"]
    assert table.evaluate("t => t.scrollWidth <= t.clientWidth")  # nothing cut off inside the table either
    # names and dates break between words only, never a letter or two per line
    for cell in rows.locator("td:nth-child(1), td:nth-child(3)").all():
        lines = cell.evaluate(
            "td => { const r = document.createRange(); r.selectNodeContents(td); return r.getClientRects().length; }"
        )
        assert lines <= len(cell.inner_text().split()), (cell.inner_text(), lines)
    page.screenshot(path=str(artifacts / f"web_who_said_table_{name}.png"))
