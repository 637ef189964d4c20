"""Defects an outside tester found in the chat's controls: an export after an answer citing a title with HTML
tags, deleting a conversation (confirmed, and only when there is one), the coverage plot's axis and title, the
article reader as a dialog, the upload size limit said one way, a date field's refused text ignored. Headless Debian Chromium; screenshots in
tests/artifacts/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from assistant import Assistant, AssistantSettings
from ingest.pipeline import Index
from ingest.settings import IngestSettings
from tests.ui.conftest import DESKTOP, PHONE, news_articles, open_chat, running_app
from ui.web.settings import WebSettings

pytestmark = pytest.mark.browser

TAGGED_TITLE = "<b>Bold</b> title glimmox"
ARTICLES = [
    (
        "tagged-glimmox",
        "Harbor Gazette",
        "2024-03-04",
        TAGGED_TITLE,
        "The glimmox festival opened on Monday in the old harbor with three hundred stalls. "
        '"The glimmox festival is the biggest we have had," said Maren Okafor, the organiser.',
    ),
    (
        "glimmox-close",
        "Coast Times",
        "2024-03-12",
        "Glimmox festival closes",
        "The glimmox festival closed on Sunday after nine days and forty thousand visitors, the organisers said.",
    ),
]
GLIMMOX_QUESTION = "When did the glimmox festival open?"


@pytest.fixture(scope="module")
def glimmox_url(embedding, tmp_path_factory):
    index = Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("glimmox")), embedding=embedding)
    bot = Assistant(index, AssistantSettings(max_answer_sentences=2))
    bot.add_articles(news_articles(ARTICLES))
    with running_app(bot, settings=WebSettings(stream_pace_ms=0)) as url:  # answers as they come: none is watched streaming
        yield url


def ask(page, question: str, turn: int) -> None:
    page.fill("#byline-question textarea", question)
    page.keyboard.press("Enter")
    page.wait_for_selector(f'#byline-evidence [data-turn="{turn}"] .ev-cite')


def test_an_answer_citing_a_title_with_tags_still_exports(new_page, glimmox_url, artifacts, tmp_path):
    page = new_page(DESKTOP)
    open_chat(page, glimmox_url)
    ask(page, GLIMMOX_QUESTION, 1)
    export = page.locator("#byline-export")
    expect(export).to_be_enabled()
    page.screenshot(path=str(artifacts / "web_export_tagged_title.png"), full_page=True)
    with page.expect_download() as download:
        export.click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    text = path.read_text(encoding="utf-8")
    assert f"## 1. {GLIMMOX_QUESTION}" in text
    assert "glimmox" in text.split("Sources:", 1)[1]


# one size in `make test`, both in `make stress` (tests/conftest.py, LONG_CHECKS): the behaviour is the same at both
@pytest.mark.parametrize("size", ["desktop", pytest.param("phone", marks=pytest.mark.stress)])
def test_deleting_a_conversation_needs_one_and_a_second_click(new_page, glimmox_url, artifacts, size):
    page = new_page(DESKTOP if size == "desktop" else PHONE)
    open_chat(page, glimmox_url)
    delete = page.locator("#byline-delete-conversation")
    expect(delete).to_be_disabled()  # an empty chat: nothing to delete
    ask(page, GLIMMOX_QUESTION, 1)
    expect(delete).to_be_enabled()

    # one click only asks; "Keep it" leaves the conversation as it was
    delete.click()
    expect(page.locator("#byline-delete-yes")).to_be_visible()
    expect(page.locator('#byline-chat [data-testid="bot"]')).to_have_count(1)
    page.screenshot(path=str(artifacts / f"web_delete_confirm_{size}.png"), full_page=True)
    page.click("#byline-delete-keep")
    expect(page.locator("#byline-delete-yes")).to_be_hidden()
    expect(delete).to_be_visible()
    expect(page.locator('#byline-chat [data-testid="bot"]')).to_have_count(1)

    # the second step deletes it, and Delete is inactive again on the empty chat
    delete.click()
    page.click("#byline-delete-yes")
    expect(page.locator('#byline-chat [data-testid="bot"]')).to_have_count(0)
    expect(page.locator("#byline-delete-yes")).to_be_hidden()
    expect(delete).to_be_disabled()


# one size in `make test`, both in `make stress` (tests/conftest.py, LONG_CHECKS): the behaviour is the same at both
@pytest.mark.parametrize("size", ["desktop", pytest.param("phone", marks=pytest.mark.stress)])
def test_the_reader_is_a_named_dialog_that_takes_and_gives_back_focus(new_page, glimmox_url, artifacts, size):
    page = new_page(DESKTOP if size == "desktop" else PHONE)
    open_chat(page, glimmox_url)
    ask(page, GLIMMOX_QUESTION, 1)
    link = page.locator("#byline-evidence a.byline-read").first
    article = link.get_attribute("data-article")
    link.focus()
    page.keyboard.press("Enter")

    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_have_attribute("aria-modal", "true")
    title = page.locator("#byline-reader .rd-title")
    expect(title).to_be_visible()
    expect(dialog).to_have_accessible_name(title.inner_text())
    expect(page.locator("#byline-reader-close")).to_be_focused()

    # nothing of the article shows beside or above Close, even scrolled under it
    page.locator("#byline-reader-panel").evaluate("p => { p.style.paddingBottom = '120vh'; p.scrollTop = 60; }")
    close = page.locator("#byline-reader-close").bounding_box()
    panel = page.locator("#byline-reader-panel").bounding_box()
    middle = close["y"] + close["height"] / 2
    band = [(x, middle) for x in (panel["x"] + 12, panel["x"] + panel["width"] / 2, panel["x"] + panel["width"] - 30)]
    hits = [page.evaluate("([x, y]) => !!document.elementFromPoint(x, y)?.closest('#byline-reader')", point) for point in band]
    page.screenshot(path=str(artifacts / f"web_reader_dialog_{size}.png"))
    assert not any(hits), f"the article shows under the Close button at {band}: {hits}"

    page.keyboard.press("Escape")
    expect(page.locator("#byline-reader-panel")).to_be_hidden()
    focused = page.locator("#byline-evidence a.byline-read:focus")
    expect(focused).to_have_count(1)
    assert focused.get_attribute("data-article") == article


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_coverage_plot_counts_whole_articles_under_a_title_that_fits(new_page, glimmox_url, artifacts, size):
    page = new_page(DESKTOP if size == "desktop" else PHONE)
    open_chat(page, glimmox_url)
    ask(page, GLIMMOX_QUESTION, 1)
    plot = page.locator("#byline-coverage")
    expect(plot).to_be_visible()
    expect(plot.locator("svg .plot_marks path, svg .plot_marks rect").first).to_be_attached()
    plot.scroll_into_view_if_needed()
    # the article counts on the y axis are whole numbers (it showed 0.5 and 1.5), each once
    labels = plot.evaluate(
        """p => [...p.querySelectorAll('svg .role-axis')]
              .filter(a => (a.getAttribute('aria-label') || '').startsWith('Y-axis'))
              .flatMap(a => [...a.querySelectorAll('.role-axis-label text')].map(t => t.textContent))"""
    )
    assert labels and all(label.isdigit() for label in labels), f"fractional article counts: {labels}"
    assert len(labels) == len(set(labels)), labels
    # the title is whole and inside the plot (at 390 px: "…articles per we")
    title = plot.locator("svg .role-title text").first
    expect(title).to_contain_text("Coverage")
    edges = title.evaluate(
        "t => { const b = t.getBoundingClientRect(), s = t.closest('svg').getBoundingClientRect();"
        " return [b.left - s.left, s.right - b.right]; }"
    )
    page.screenshot(path=str(artifacts / f"web_coverage_{size}.png"), full_page=True)
    shown = title.evaluate("t => t.textContent")
    assert min(edges) >= 0 and "…" not in shown, (shown, edges)


def test_text_a_date_field_refuses_is_named_in_the_error_not_ignored(new_page, glimmox_url, artifacts):
    # An outside tester: "yesterday" in "As of" was ignored (the answer was as of today; typed after "2024-02-30",
    # the old "2024-02-30 is not a real date" came back), and "yesterday" in "From" alike
    page = new_page(DESKTOP)
    open_chat(page, glimmox_url)
    page.click("#byline-filters")
    replies = page.locator('#byline-chat [data-testid="bot"]')
    for turn, (field, typed, said) in enumerate(
        [
            ("#byline-as-of", "2024-02-30", "The as-of date “2024-02-30” is not a real date"),
            ("#byline-as-of", "yesterday", "The as-of date “yesterday” should look like 2023-09-20 (YYYY-MM-DD)."),
            ("#byline-since", "last week", "The from date “last week” should look like 2023-09-20 (YYYY-MM-DD)."),
        ],
        start=1,
    ):
        page.fill(f"{field} input", typed)
        page.press(f"{field} input", "Enter")
        page.fill("#byline-question textarea", GLIMMOX_QUESTION)
        page.keyboard.press("Enter")
        expect(page.locator(f'#byline-evidence [data-turn="{turn}"] .ev-none')).to_contain_text(f"No answer: {said}")
        expect(replies.nth(turn - 1)).to_contain_text(f"⚠️ {said}")
        if turn == 2:
            assert "2024-02-30" not in replies.nth(1).inner_text(), "the earlier date's error came back"
            page.fill("#byline-as-of input", "")  # From's turn: no as-of error in the way
            page.press("#byline-as-of input", "Enter")
    page.screenshot(path=str(artifacts / "web_refused_date_named.png"), full_page=True)


def test_a_collapsed_filters_section_says_a_typed_date_was_refused(new_page, glimmox_url, artifacts):
    # An outside tester: a date the field refused showed only inside the field (its red outline), out of sight
    # once the Filters section was collapsed, and the next question failed on it
    page = new_page(PHONE)
    open_chat(page, glimmox_url)
    filters = page.locator("#byline-filters")
    head = filters.locator(".label-wrap").first
    expect(head).to_contain_text("Filters (apply to the next questions)")
    head.click()  # open
    page.fill("#byline-as-of input", "yesterday")
    page.press("#byline-as-of input", "Tab")  # left with text it refused: it keeps today, and sends no change
    head.click()  # collapsed (the asking date stays in sight by the question box; From and To fold away)
    expect(page.locator("#byline-since")).to_be_hidden()
    expect(head).to_contain_text("Not a date (use YYYY-MM-DD): As of “yesterday”")
    page.screenshot(path=str(artifacts / "web_filters_refused_date.png"), full_page=True)
    # a date Gradio takes but that is no day ("2024-02-30", Enter pressed) says so too, beside the other filters
    head.click()
    page.fill("#byline-as-of input", "2024-03-10")
    page.press("#byline-as-of input", "Tab")
    expect(head).to_contain_text("Filters on: as of 2024-03-10")
    expect(head).not_to_contain_text("Not a date")
    page.fill("#byline-since input", "2024-02-30")
    page.press("#byline-since input", "Enter")
    expect(head).to_contain_text("Not a date (use YYYY-MM-DD): From “2024-02-30” · Filters on: as of 2024-03-10")
    # mended, the warning goes
    page.fill("#byline-since input", "2024-03-01")
    page.press("#byline-since input", "Enter")
    expect(head).to_have_text(re.compile(r"Filters on: from 2024-03-01 · as of 2024-03-10"))
    expect(head).not_to_contain_text("Not a date")


def test_the_keyboard_and_a_screen_reader_find_their_way(new_page, glimmox_url, artifacts):
    """An outside try with the keyboard and a screen reader: the As-of field was named by its placeholder
    ("YYYY-MM-DD") and its calendar button not at all; each citation marker was read as "[1]"; asking to delete left
    the focus on a button that went away (the page's top); Tab walked out of the open article reader, a modal
    dialog, into the page behind it; and Space did nothing on its "read" link, a button by its role."""
    page = new_page(DESKTOP)
    open_chat(page, glimmox_url)
    expect(page.get_by_role("textbox", name="As of (YYYY-MM-DD)")).to_be_attached()
    expect(page.get_by_role("button", name="Pick the As of day")).to_be_attached()
    ask(page, GLIMMOX_QUESTION, 1)
    marker = page.locator("#byline-chat a.cite-marker").first
    expect(marker).to_have_attribute("aria-label", re.compile(r"^Source 1: .*(Harbor Gazette|Coast Times), 2024-03-\d\d$"))

    page.locator("#byline-delete-conversation").click()
    expect(page.locator("#byline-delete-keep")).to_be_focused()  # the harmless choice, not the page's top
    page.keyboard.press("Enter")
    expect(page.locator("#byline-delete-yes")).to_be_hidden()
    expect(page.locator("#byline-question textarea")).to_be_focused()  # Keep it went away with its row

    link = page.locator("#byline-evidence a.byline-read").first
    link.focus()
    page.keyboard.press(" ")
    expect(page.get_by_role("dialog")).to_be_visible()
    expect(page.locator("#byline-reader-close")).to_be_focused()  # drawn, and the focus in it
    for _ in range(8):  # more presses than the dialog has stops: the focus goes round inside it
        page.keyboard.press("Tab")
        assert page.evaluate("() => !!document.activeElement.closest('#byline-reader-panel')"), "Tab left the reader"
    page.keyboard.press("Escape")
    expect(page.locator("#byline-reader-panel")).to_be_hidden()


def test_a_date_pasted_with_spaces_around_it_is_that_date(new_page, glimmox_url):
    """An analyst's try: " 2024-03-01 " pasted in "As of" made the Filters heading warn "Not a date … As of
    “2024-03-01”", while the question was answered as of 2024-03-01."""
    page = new_page(DESKTOP)
    open_chat(page, glimmox_url)
    page.fill("#byline-as-of input", " 2024-03-12 ")
    page.press("#byline-as-of input", "Enter")
    page.fill("#byline-question textarea", GLIMMOX_QUESTION)
    page.keyboard.press("Enter")
    page.wait_for_selector('#byline-evidence [data-turn="1"] .ev-cite')
    expect(page.locator("#byline-filters")).to_contain_text("as of 2024-03-12")
    expect(page.locator("#byline-filters")).not_to_contain_text("Not a date")
