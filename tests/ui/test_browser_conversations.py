"""Conversations that last (issue 14): stopping an answer as it streams, regenerating the last one, and the list
of past conversations kept in the browser. Headless Debian Chromium, on a desktop and a phone; screenshots in
tests/artifacts/."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import expect

from assistant import Assistant, AssistantSettings
from ingest.pipeline import Index
from ingest.settings import IngestSettings
from tests.ui.conftest import DESKTOP, PHONE, running_app
from tests.ui.test_browser_chat import (
    BARRIER_QUESTION,
    STRIKE_QUESTION,
    answered,
    bot_messages,
    choose_source_and_asking_date,
    harbor_articles,
    open_chat,
    user_messages,
)
from ui.web import WebSettings

pytestmark = pytest.mark.browser

# Every length of the evidence panel's text, so a test sees the "Answering: …" a re-asked question passes through.
WATCH_EVIDENCE = """() => {
  window.bylineEvidence = [];
  const panel = document.querySelector('#byline-evidence');
  new MutationObserver(() => window.bylineEvidence.push(panel.innerText))
    .observe(panel, { subtree: true, childList: true, characterData: true });
}"""


@pytest.fixture(scope="module")
def harbor_bot(embedding, tmp_path_factory):
    index = Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("harbor-conversations")), embedding=embedding)
    bot = Assistant(index, AssistantSettings(max_answer_sentences=2))
    bot.add_articles(harbor_articles())
    return bot


@pytest.fixture(scope="module")
def harbor_url(harbor_bot):
    # a slow pace: an answer streams for seconds, time enough to press Stop while it does
    with running_app(harbor_bot, settings=WebSettings(stream_pace_ms=100, kept_conversations=3)) as url:
        yield url


@pytest.fixture(scope="module")
def fast_harbor_url(harbor_bot):
    # answers shown as fast as they come, for the tests that do not stop one
    with running_app(harbor_bot, settings=WebSettings(stream_pace_ms=0, kept_conversations=3)) as url:
        yield url


def ask(page, question: str, turn: int) -> None:
    page.fill("#byline-question textarea", question)
    page.keyboard.press("Enter")
    answered(page, turn)


# one size in `make test`, both in `make stress` (tests/conftest.py, LONG_CHECKS): the behaviour is the same at both
@pytest.mark.parametrize("size", ["desktop", pytest.param("phone", marks=pytest.mark.stress)])
def test_stop_ends_the_streaming_answer_and_hands_back_the_waiting_question(new_page, harbor_url, artifacts, size):
    page = new_page(DESKTOP if size == "desktop" else PHONE)
    open_chat(page, harbor_url)
    box = page.locator("#byline-question textarea")
    stop = page.locator("#byline-stop")
    expect(stop).to_be_hidden()  # nothing to stop
    box.fill(STRIKE_QUESTION)
    box.press("Enter")
    expect(bot_messages(page)).to_have_count(1)  # streaming
    expect(stop).to_be_visible()
    box.fill(BARRIER_QUESTION)  # asked while the first answer streams: it waits its turn
    box.press("Enter")
    expect(user_messages(page).nth(1)).to_contain_text(BARRIER_QUESTION)
    stop.scroll_into_view_if_needed()
    stop.click()

    first = bot_messages(page).first
    expect(first).to_contain_text("… (stopped)")
    expect(page.locator('#byline-evidence [data-turn="1"] .ev-none')).to_contain_text("Stopped before the answer was finished")
    expect(stop).to_be_hidden()
    # the waiting question was neither asked nor lost: it is back in the box, and only the stopped turn is in the chat
    expect(box).to_have_value(BARRIER_QUESTION)
    expect(box).to_be_focused()  # Stop went away with the focus: it is the box's, not the page's top (an outside try)
    expect(user_messages(page)).to_have_count(1)
    expect(first.locator(".byline-context")).to_have_count(0)  # a finished answer says how it was made; this one isn't
    # the chat no longer shows itself busy
    expect(page.locator('#byline-chat [data-testid="status-tracker"]:not(.hide)')).to_have_count(0)
    stopped_text = first.inner_text()
    page.screenshot(path=str(artifacts / f"web_stopped_{size}.png"), full_page=True)

    # the chat takes the next question at once, and the stopped answer stays as it was stopped
    box.press("Enter")
    answered(page, 2)
    expect(bot_messages(page)).to_have_count(2)
    assert "barrier" in bot_messages(page).nth(1).inner_text()
    assert first.inner_text() == stopped_text
    expect(user_messages(page)).to_have_count(2)


def test_an_answer_stopped_after_a_citation_marker_keeps_no_marker_without_its_card(new_page, harbor_url, artifacts):
    # An outside tester: Stop left "[1] [2]" in the chat text, and the evidence had no card for them (a stopped
    # answer has no citations: they come with the finished answer), nor did its copy or export
    page = new_page(DESKTOP)
    open_chat(page, harbor_url)
    box = page.locator("#byline-question textarea")
    box.fill("What did Maren Okafor say?")  # three quotes, each with its marker: seconds of streaming after the first
    box.press("Enter")
    first = bot_messages(page).first
    expect(first.locator("a.cite-marker").first).to_be_attached()  # the first sentence and its marker have streamed
    expect(page.locator("#byline-stop")).to_be_visible()
    page.click("#byline-stop")
    expect(first).to_contain_text("… (stopped)")
    expect(page.locator('#byline-evidence [data-turn="1"] .ev-none')).to_contain_text("Stopped before the answer was finished")
    expect(page.locator("#byline-evidence .ev-cite")).to_have_count(0)
    expect(first.locator("a.cite-marker")).to_have_count(0)
    text = first.inner_text()
    assert not re.search(r"\[\d*\]?", text), f"a marker with no card is left in the stopped answer: {text!r}"
    assert "This deal pays every hour we worked" in text, text  # the words streamed so far are kept
    page.screenshot(path=str(artifacts / "web_stopped_no_markers.png"), full_page=True)


# one size in `make test`, both in `make stress` (tests/conftest.py, LONG_CHECKS): the behaviour is the same at both
@pytest.mark.parametrize("size", ["desktop", pytest.param("phone", marks=pytest.mark.stress)])
def test_regenerate_asks_the_last_question_again_under_its_own_filters_and_replaces_its_answer(
    new_page, fast_harbor_url, artifacts, size
):
    page = new_page(DESKTOP if size == "desktop" else PHONE)
    open_chat(page, fast_harbor_url)
    ask(page, STRIKE_QUESTION, 1)
    choose_source_and_asking_date(page, "Harbor Gazette", "2024-03-15")
    ask(page, "What did Maren Okafor say about the port authority?", 2)
    context = "as of 2024-03-15 · sources: Harbor Gazette"
    expect(bot_messages(page).nth(1).locator(".byline-context")).to_contain_text(context)
    # the filters change after it was asked; regenerate still asks it as it was asked
    page.fill("#byline-as-of input", "2024-03-25")
    page.press("#byline-as-of input", "Enter")
    expect(page.locator("#byline-filters")).to_contain_text("as of 2024-03-25")
    first_answer = bot_messages(page).nth(0).inner_text()

    page.evaluate(WATCH_EVIDENCE)
    retry = page.locator('#byline-chat button[aria-label="Retry"]')
    expect(retry).to_have_count(1)  # on the last answer only
    retry.scroll_into_view_if_needed()
    retry.click()
    page.wait_for_function(
        "() => window.bylineEvidence.some(t => t.includes('Not answered yet: the passages show here'))"
        " && document.querySelector('#byline-evidence [data-turn=\"2\"] .ev-cite')"
    )
    expect(bot_messages(page)).to_have_count(2)  # replaced, not added
    expect(user_messages(page)).to_have_count(2)
    expect(bot_messages(page).nth(1).locator(".byline-context")).to_contain_text(context)
    assert bot_messages(page).nth(0).inner_text() == first_answer
    assert "port authority" in bot_messages(page).nth(1).inner_text()
    page.screenshot(path=str(artifacts / f"web_regenerated_{size}.png"), full_page=True)


def expect_listed(page, labels: list[str]) -> None:
    """The list of past conversations, opened, shows `labels` (first question · date), newest first."""
    page.click("#byline-conversations input")
    options = page.get_by_role("option")
    expect(options).to_have_count(len(labels))
    for number, label in enumerate(labels):
        expect(options.nth(number)).to_have_accessible_name(label)
    page.keyboard.press("Escape")


# one size in `make test`, both in `make stress` (tests/conftest.py, LONG_CHECKS): the behaviour is the same at both
@pytest.mark.parametrize("size", [pytest.param("desktop", marks=pytest.mark.stress), "phone"])
def test_past_conversations_are_kept_listed_brought_back_and_deleted(new_page, fast_harbor_url, artifacts, size):
    page = new_page(DESKTOP if size == "desktop" else PHONE)
    open_chat(page, fast_harbor_url)
    ask(page, STRIKE_QUESTION, 1)
    page.click("#byline-new-conversation")
    expect(bot_messages(page)).to_have_count(0)
    expect(page.locator("#byline-evidence")).to_contain_text("Ask a question")
    ask(page, BARRIER_QUESTION, 1)

    # kept in the browser: a reload brings back the open one and lists the past one by its first question and date
    page.reload(wait_until="domcontentloaded")
    expect(user_messages(page)).to_have_text([BARRIER_QUESTION])
    listing = page.locator("#byline-conversations")
    listing.scroll_into_view_if_needed()
    page.click("#byline-conversations input")
    expect(page.get_by_role("option")).to_have_count(1)
    option = page.get_by_role("option").first
    expect(option).to_have_accessible_name(f"{STRIKE_QUESTION} · {date.today().isoformat()}")  # the day it was asked
    page.screenshot(path=str(artifacts / f"web_conversations_list_{size}.png"), full_page=True)

    # choosing it brings it back (chat and evidence); the one that was open takes its place in the list
    option.click()
    expect(user_messages(page)).to_have_text([STRIKE_QUESTION])
    expect(bot_messages(page)).to_have_count(1)
    expect(page.locator('#byline-evidence [data-turn="1"] mark').first).to_be_visible()
    expect_listed(page, [f"{BARRIER_QUESTION} · {date.today().isoformat()}"])
    page.screenshot(path=str(artifacts / f"web_conversation_opened_{size}.png"), full_page=True)

    # deleting the open one leaves an empty chat, and it is gone for good (not filed, not back after a reload)
    page.click("#byline-delete-conversation")
    page.click("#byline-delete-yes")  # the second step
    expect(bot_messages(page)).to_have_count(0)
    page.reload(wait_until="domcontentloaded")
    expect(page.locator("#byline-examples button").first).to_be_visible()
    expect(page.locator("#byline-evidence")).to_contain_text("Ask a question")
    expect_listed(page, [f"{BARRIER_QUESTION} · {date.today().isoformat()}"])
    expect(user_messages(page)).to_have_count(0)
