"""The chat as a reader uses it over a conversation (issue 14): questions asked while an answer streams,
copying an answer, a conversation that outlasts a reload and its export, what each answer was made
under, the sources filter, the article reader. Headless Debian Chromium; screenshots in tests/artifacts/."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from assistant import Assistant, AssistantSettings
from ingest.article import Article
from ingest.pipeline import Index
from ingest.settings import IngestSettings
from tests.ui.conftest import DESKTOP, PHONE, news_articles, open_chat, running_app
from ui.web import WebSettings

pytestmark = pytest.mark.browser

# Two outlets over three weeks; Maren Okafor is quoted in three of the four articles.
HARBOR = [
    (
        "gazette-walkout",
        "Harbor Gazette",
        "2024-03-04",
        "Ferry crews walk out",
        "Harbor ferry crews went on strike over unpaid overtime, the union said on Monday. "
        '"We will not sail until the overtime is paid," said Maren Okafor, the union leader. '
        "Commuters queued for buses along the harbor road, and the city added extra trains for the morning rush.",
    ),
    (
        "gazette-halts",
        "Harbor Gazette",
        "2024-03-11",
        "Strike halts crossings",
        "The ferry strike began because wages had not risen since 2019, according to the crew association. "
        '"The port authority has ignored us for five years," Maren Okafor said. '
        "The port authority said talks would resume next week at the harbor offices.",
    ),
    (
        "coast-barrier",
        "Coast Times",
        "2024-03-18",
        "Council approves a tidal barrier",
        "The Lindqvist harbor council voted seven to two on Monday to build a tidal barrier across the old port. "
        "The barrier will cost 48 million euros and should be finished by 2027, council chair Ines Dahl said.",
    ),
    (
        "coast-deal",
        "Coast Times",
        "2024-03-20",
        "Ferry strike ends with a pay deal",
        "The ferry strike ended on Wednesday after a pay deal that raises wages by 6 percent over two years. "
        '"This deal pays every hour we worked," Maren Okafor said on Wednesday. '
        "The first ferries sailed again on Thursday morning.",
    ),
]
STRIKE_QUESTION = "Why did the Harbor ferry crews strike?"
BARRIER_QUESTION = "How much will the tidal barrier cost?"


def harbor_articles() -> list[Article]:
    return news_articles(HARBOR)


@pytest.fixture(scope="module")
def harbor_bot(embedding, tmp_path_factory) -> Assistant:
    index = Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("harbor")), embedding=embedding)
    bot = Assistant(index, AssistantSettings(max_answer_sentences=2))
    bot.add_articles(harbor_articles())
    return bot


@pytest.fixture(scope="module")
def harbor_url(harbor_bot):
    # answers shown as fast as they come: these tests look at answers, not at their streaming
    with running_app(harbor_bot, settings=WebSettings(stream_pace_ms=0)) as url:
        yield url


@pytest.fixture(scope="module")
def streaming_harbor_url(harbor_bot):
    # a slow pace, so an answer streams for a few seconds and there is time to type during it
    with running_app(harbor_bot, settings=WebSettings(stream_pace_ms=60)) as url:
        yield url


def bot_messages(page):
    return page.locator('#byline-chat [data-testid="bot"]')


def user_messages(page):
    return page.locator('#byline-chat [data-testid="user"]')


def answered(page, turn: int) -> None:
    """Wait until answer `turn` is finished (its evidence is drawn)."""
    page.wait_for_selector(
        f'#byline-evidence [data-turn="{turn}"] .ev-cite, #byline-evidence [data-turn="{turn}"] .ev-none:not(:has-text("yet"))'
    )


def stored(page, key: str) -> str | None:
    """What the page keeps under `key` in its localStorage now (sealed: only whether it changed can be told)."""
    return page.evaluate("key => localStorage.getItem(key)", key)


def saved_in_browser(page, key: str, before: str | None) -> None:
    """Wait until the page has written `key` to its localStorage anew (it held `before`): the finished answer and
    its filters reach the browser with the evidence, and are written a moment after. The key is there from the page
    load on (its empty default), so waiting for it to exist waited for nothing: a reload in between rightly found
    nothing to restore (a clean-clone run in four lost the restored asking date so)."""
    try:
        page.wait_for_function("([key, before]) => localStorage.getItem(key) !== before", arg=[key, before])
    except PlaywrightTimeout as error:
        shown = bot_messages(page).count()
        raise AssertionError(f"{key} was not written anew after answer {shown}: {stored(page, key)!r}") from error


def test_a_question_typed_while_an_answer_streams_is_answered_next(new_page, streaming_harbor_url, artifacts):
    page = new_page()
    open_chat(page, streaming_harbor_url)
    box = page.locator("#byline-question textarea")
    box.fill(STRIKE_QUESTION)
    box.press("Enter")
    # the first answer is streaming: some of it shows, its evidence is not there yet
    expect(bot_messages(page)).to_have_count(1)
    expect(page.locator('#byline-evidence [data-turn="1"] .ev-none')).to_contain_text("yet")

    box.fill(BARRIER_QUESTION)
    box.press("Enter")
    expect(box).to_have_value("")  # taken: the box is free for the next question
    expect(user_messages(page).nth(1)).to_contain_text(BARRIER_QUESTION)  # shown as waiting its turn
    page.screenshot(path=str(artifacts / "web_question_waiting.png"), full_page=True)

    # typed during the second answer and not sent: still in the box when that answer is done
    page.wait_for_selector('#byline-evidence [data-turn="2"]')
    box.fill("When did the ferry strike end?")
    answered(page, 2)
    expect(bot_messages(page)).to_have_count(2)
    expect(user_messages(page)).to_have_count(2)
    expect(page.locator('#byline-evidence [data-turn="2"] .ev-question')).to_contain_text(BARRIER_QUESTION)
    assert "barrier" in bot_messages(page).nth(1).inner_text()  # which sentence is the answerer's business
    assert "strike" in bot_messages(page).nth(0).inner_text()
    page.wait_for_timeout(300)
    expect(box).to_have_value("When did the ferry strike end?")
    page.screenshot(path=str(artifacts / "web_question_answered_next.png"), full_page=True)


def test_a_question_asked_while_the_page_still_loads_is_answered(new_page, harbor_url):
    # A clean-clone CI run: a question typed at once on a busy machine was taken (the box emptied) and never answered
    # (no evidence in 30 s). The page's load events, held back here, ran between taking it and answering it, and one
    # of them (Gradio's, setting a state made by a function) put a new, empty queue of waiting questions over it.
    page = new_page(PHONE)
    loads, answering, taken = [], [], []
    dependencies = page.request.get(f"{harbor_url}/config").json()["dependencies"]
    page_loads = {event["id"] for event in dependencies if any(target[1] == "load" for target in event["targets"])}

    def hold_back(route):
        join = json.loads(route.request.post_data or "{}")
        if join.get("fn_index") in page_loads:
            loads.append(route)
        elif STRIKE_QUESTION in (join.get("data") or [None])[:1]:  # the question, taken from the box
            taken.append(route)
            route.continue_()
        elif taken:  # the answering that follows it
            answering.append(route)
        else:
            route.continue_()

    page.route("**/queue/join*", hold_back)
    page.goto(harbor_url, wait_until="domcontentloaded")
    box = page.locator("#byline-question textarea")
    box.fill(STRIKE_QUESTION)
    box.press("Enter")
    expect(box).to_have_value("")  # taken
    page.wait_for_timeout(500)
    assert loads and answering, (len(loads), len(answering))
    for route in loads:
        route.continue_()
    page.wait_for_timeout(1_500)  # the load events run
    for route in answering:
        route.continue_()
    page.unroute("**/queue/join*")
    answered(page, 1)
    expect(page.locator('#byline-evidence [data-turn="1"] .ev-cite').first).to_be_visible()
    assert "strike" in bot_messages(page).first.inner_text()


def test_the_copy_button_copies_the_answer_as_markdown_with_its_sources(new_page, harbor_url, artifacts):
    page = new_page()
    page.context.grant_permissions(["clipboard-read", "clipboard-write"])
    open_chat(page, harbor_url)
    page.fill("#byline-question textarea", STRIKE_QUESTION)
    page.keyboard.press("Enter")
    answered(page, 1)
    answer = bot_messages(page).last
    answer.hover()
    page.locator('#byline-chat button[aria-label="Copy message"]').last.click()
    page.wait_for_timeout(300)
    copied = page.evaluate("navigator.clipboard.readText()")
    assert "<a" not in copied and "cite-marker" not in copied and "byline-copy" not in copied, copied
    assert copied.startswith(answer.inner_text().split("[1]")[0].strip()), copied
    # numbered sources: title, outlet, date, url and the quoted words
    sources = copied.split("Sources:", 1)[1]
    evidence = page.locator("#byline-evidence .ev-cite").first
    quoted = evidence.locator("mark").first.inner_text()
    assert "1. Ferry crews walk out — Harbor Gazette — 2024-03-04 — <https://news.example/gazette-walkout>" in sources
    assert f"> “{quoted}”" in sources
    page.fill("#byline-question textarea", copied)  # pasted where it shows, for the screenshot
    page.screenshot(path=str(artifacts / "web_copied_answer.png"), full_page=True)


# one size in `make test`, both in `make stress` (tests/conftest.py, LONG_CHECKS): the behaviour is the same at both
@pytest.mark.parametrize("size", ["desktop", pytest.param("phone", marks=pytest.mark.stress)])
def test_a_reload_keeps_the_conversation_and_it_exports_as_markdown(new_page, harbor_url, artifacts, tmp_path, size):
    page = new_page(DESKTOP if size == "desktop" else PHONE)
    open_chat(page, harbor_url)
    for turn, question in enumerate([STRIKE_QUESTION, BARRIER_QUESTION], start=1):
        kept = stored(page, "byline-conversation")
        page.fill("#byline-question textarea", question)
        page.keyboard.press("Enter")
        answered(page, turn)
        saved_in_browser(page, "byline-conversation", kept)
    before = bot_messages(page).all_inner_texts()

    page.reload(wait_until="domcontentloaded")
    expect(bot_messages(page)).to_have_count(2)
    assert bot_messages(page).all_inner_texts() == before
    assert user_messages(page).all_inner_texts() == [STRIKE_QUESTION, BARRIER_QUESTION]
    expect(page.locator('#byline-evidence [data-turn="2"] mark').first).to_be_visible()
    page.screenshot(path=str(artifacts / f"web_reload_keeps_conversation_{size}.png"), full_page=True)

    # a follow-up after the reload is read against the kept conversation
    page.fill("#byline-question textarea", "When did the strike end?")
    page.keyboard.press("Enter")
    answered(page, 3)

    with page.expect_download() as download:
        page.click("#byline-export")
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.suffix == ".md"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Byline conversation")
    for number, question in enumerate([STRIKE_QUESTION, BARRIER_QUESTION, "When did the strike end?"], start=1):
        assert f"## {number}. {question}" in text
    barrier = text.split(f"## 2. {BARRIER_QUESTION}", 1)[1].split("## 3.", 1)[0]
    assert "Sources:" in barrier
    assert "1. Council approves a tidal barrier — Coast Times — 2024-03-18 — <https://news.example/coast-barrier>" in barrier
    assert "> “The Lindqvist harbor council voted" in barrier


def choose_source_and_asking_date(page, source: str, as_of: str) -> None:
    """Open Filters, choose one indexed source and an asking date, and wait until the label shows the date."""
    page.click("#byline-filters")  # open the accordion
    page.click("#byline-sources input")
    page.get_by_role("option", name=source).click()
    page.keyboard.press("Escape")
    page.fill("#byline-as-of input", as_of)
    page.press("#byline-as-of input", "Enter")  # a date field takes its value on Enter or blur
    expect(page.locator("#byline-filters")).to_contain_text(f"as of {as_of}")


def asked_as_of_a_day_and_kept(page, url: str) -> set[int]:
    """Ask a question under a source and an asking date, wait until the browser keeps the answer, and return the ids
    of the events that draw the Filters label (read from the app's `/config`), for routing their requests."""
    config = page.request.get(f"{url}/config").json()
    filters_id = next(c["id"] for c in config["components"] if c.get("props", {}).get("elem_id") == "byline-filters")
    labels = {event["id"] for event in config["dependencies"] if event["outputs"] and event["outputs"][0] == filters_id}
    open_chat(page, url)
    choose_source_and_asking_date(page, "Harbor Gazette", "2024-03-15")
    kept = stored(page, "byline-conversation")
    page.fill("#byline-question textarea", STRIKE_QUESTION)
    page.keyboard.press("Enter")
    answered(page, 1)
    saved_in_browser(page, "byline-conversation", kept)
    return labels


def test_every_filters_label_request_of_a_reload_carries_the_restored_asking_date(new_page, harbor_url):
    # Clean-clone CI runs: after a reload the collapsed Filters said "sources: Harbor Gazette" without the restored
    # "as of", and the box held the date. The restore sets the boxes one after another, and the sources' change asked
    # for a label with the values Gradio had gathered before the asking date was in its box (logged here: data
    # [..., '', '{"stamp":1}']); numbered by the page, such a request could still be the newest (a request gathered
    # first can be numbered after one gathered later). The date fields are read from the page as each is numbered.
    page = new_page()
    labels = asked_as_of_a_day_and_kept(page, harbor_url)
    sent = []

    def note(route):
        join = json.loads(route.request.post_data or "{}")
        if join.get("fn_index") in labels:
            sent.append(join.get("data"))
        route.continue_()

    page.route("**/queue/join*", note)
    page.reload(wait_until="domcontentloaded")
    filters = page.locator("#byline-filters")
    expect(filters).to_contain_text("Filters on: sources: Harbor Gazette · as of 2024-03-15")
    page.unroute("**/queue/join*")
    restored = [data for data in sent if data and data[0]]  # those sent once the sources were back
    assert restored and all("2024-03-15" in data for data in restored), sent


def test_the_filters_label_settles_on_the_restored_filters_whatever_the_first_requests_did(new_page, harbor_url):
    # Clean-clone CI runs under load still ended the label on "sources: Harbor Gazette" after a reload, the box holding
    # the date, in ways no single held-back request reproduces. Here the worst case: every label request of the
    # reload is lost. The label is drawn again a few seconds after the page loads, from the boxes as they are then.
    page = new_page()
    labels = asked_as_of_a_day_and_kept(page, harbor_url)
    lost = []

    def lose_labels(route):
        if json.loads(route.request.post_data or "{}").get("fn_index") in labels:
            lost.append(route)
            route.abort()
        else:
            route.continue_()

    page.route("**/queue/join*", lose_labels)
    page.reload(wait_until="domcontentloaded")
    expect(page.locator("#byline-as-of input")).to_have_value("2024-03-15")
    page.wait_for_timeout(1_500)  # the reload's label requests are sent, and lost
    page.unroute("**/queue/join*")
    assert lost, "the reload sent no label request"
    expect(page.locator("#byline-filters")).to_contain_text(
        "Filters on: sources: Harbor Gazette · as of 2024-03-15", timeout=15_000
    )


def test_a_reload_keeps_the_asking_date_and_filters_the_conversation_was_asked_under(new_page, harbor_url, artifacts):
    page = new_page()
    open_chat(page, harbor_url)
    choose_source_and_asking_date(page, "Harbor Gazette", "2024-03-15")
    # the examples offered are of the articles by the asking date: not the 03-18 and 03-20 headlines (an outside try
    # as of 2024-01-25 was offered questions about March stories)
    examples = page.locator("#byline-examples")
    expect(examples).to_contain_text("Ferry crews walk out")
    expect(examples).not_to_contain_text("Ferry strike ends")
    expect(examples).not_to_contain_text("Council approves")
    # the filters come back with the kept conversation, whose answer records them (f2300d5): the separate filters
    # key is at times not written at all (a clean-clone run waited for it in vain)
    kept = stored(page, "byline-conversation")
    page.fill("#byline-question textarea", STRIKE_QUESTION)
    page.keyboard.press("Enter")
    answered(page, 1)

    saved_in_browser(page, "byline-conversation", kept)
    page.reload(wait_until="domcontentloaded")
    expect(bot_messages(page)).to_have_count(1)
    # the follow-up is asked as of the day the conversation was, not today, and the collapsed Filters say so
    filters = page.locator("#byline-filters")
    expect(filters).to_contain_text("Filters on: sources: Harbor Gazette · as of 2024-03-15")
    # and the examples offered are of that day's articles, as before the reload
    expect(page.locator("#byline-examples")).to_contain_text("Ferry crews walk out")
    expect(page.locator("#byline-examples")).not_to_contain_text("Ferry strike ends")
    page.fill("#byline-question textarea", "What did Maren Okafor say about the port authority?")
    page.keyboard.press("Enter")
    answered(page, 2)
    expect(bot_messages(page).nth(1).locator(".byline-context")).to_contain_text("as of 2024-03-15 · sources: Harbor Gazette")
    page.screenshot(path=str(artifacts / "web_reload_keeps_filters.png"), full_page=True)


def test_a_new_conversation_goes_on_under_the_reader_s_asking_date_and_filters(new_page, harbor_url):
    # An outside try: asking as of 2024-01-20, the chat's "New conversation" put the asking date back to today, unsaid,
    # and the next question was answered from this year's articles
    page = new_page()
    open_chat(page, harbor_url)
    choose_source_and_asking_date(page, "Harbor Gazette", "2024-03-15")
    page.fill("#byline-question textarea", STRIKE_QUESTION)
    page.keyboard.press("Enter")
    answered(page, 1)
    page.click("#byline-new-conversation")
    expect(bot_messages(page)).to_have_count(0)
    filters = page.locator("#byline-filters")
    expect(filters).to_contain_text("Filters on: sources: Harbor Gazette · as of 2024-03-15")
    expect(page.locator("#byline-as-of input")).to_have_value("2024-03-15")
    page.fill("#byline-question textarea", BARRIER_QUESTION)
    page.keyboard.press("Enter")
    answered(page, 1)
    context = bot_messages(page).first.locator(".byline-context")
    expect(context).to_contain_text(re.compile("as of 2024-03-15 · sources: Harbor Gazette", re.IGNORECASE))
    # a past conversation is listed with the day it was asked as of, and comes back with the filters it was asked under
    page.click("#byline-conversations input")
    option = page.get_by_role("option").first
    expect(option).to_have_accessible_name(f"{STRIKE_QUESTION} · {date.today().isoformat()} · as of 2024-03-15")
    option.click()
    expect(user_messages(page)).to_have_text([STRIKE_QUESTION])
    expect(filters).to_contain_text("as of 2024-03-15")


def test_the_chat_label_does_not_cover_scrolled_messages(new_page, harbor_url, artifacts):
    # issue 14, defect 9: the floating "Chat" label sat over the messages as they scrolled under it
    page = new_page()
    open_chat(page, harbor_url)
    for turn, question in enumerate([STRIKE_QUESTION, BARRIER_QUESTION, "When did the strike end?"], start=1):
        page.fill("#byline-question textarea", question)
        page.keyboard.press("Enter")
        answered(page, turn)
    label = page.locator('#byline-chat [data-testid="block-label"]')
    expect(label).to_be_visible()
    scroller = page.locator("#byline-chat .bubble-wrap")
    scroller.evaluate("w => { w.scrollTop = w.scrollHeight / 3; }")
    # where scrolled messages show (the scroll box's inside) starts below the label
    shown_top = scroller.evaluate("w => w.getBoundingClientRect().top + w.clientTop")
    box = label.bounding_box()
    assert box["y"] + box["height"] <= shown_top + 1, f"the Chat label ({box}) lies over the messages (from {shown_top})"
    page.screenshot(path=str(artifacts / "web_chat_label_scrolled.png"))


def test_each_answer_says_how_it_was_made_under_which_filters_and_how_it_was_understood(new_page, harbor_url, artifacts):
    page = new_page()
    open_chat(page, harbor_url)
    choose_source_and_asking_date(page, "Harbor Gazette", "2024-03-15")
    page.click("#byline-question textarea")
    page.fill("#byline-question textarea", "What did Maren Okafor say about the port authority?")
    page.keyboard.press("Enter")
    answered(page, 1)
    first = bot_messages(page).nth(0)
    expect(first.locator(".byline-context")).to_have_text("From the articles · as of 2024-03-15 · sources: Harbor Gazette")
    expect(first.locator(".byline-rewrite")).to_have_count(0)

    # a follow-up the rewriter changes says how it was understood, without asking for it
    page.fill("#byline-question textarea", "What did she say about the overtime?")
    page.keyboard.press("Enter")
    answered(page, 2)
    second = bot_messages(page).nth(1)
    expect(second.locator(".byline-rewrite")).to_have_text("Understood as: “What did Maren Okafor say about the overtime?”")
    expect(second.locator(".byline-context")).to_contain_text("from the articles · as of 2024-03-15".capitalize())
    page.screenshot(path=str(artifacts / "web_answer_context.png"), full_page=True)


# one size in `make test`, both in `make stress` (tests/conftest.py, LONG_CHECKS): the behaviour is the same at both
@pytest.mark.parametrize("size", [pytest.param("desktop", marks=pytest.mark.stress), "phone"])
def test_the_sources_filter_offers_the_indexed_sources_only_and_a_collapsed_section_says_filters_are_on(
    new_page, harbor_url, artifacts, size
):
    page = new_page(DESKTOP if size == "desktop" else PHONE)
    open_chat(page, harbor_url)
    filters = page.locator("#byline-filters")
    expect(filters).to_contain_text("Filters (apply to the next questions)")
    filters.get_by_text("Filters (apply to the next questions)").click()  # open it
    sources = page.locator("#byline-sources")
    sources.locator("input").click()
    expect(page.get_by_role("option")).to_contain_text(["Coast Times", "Harbor Gazette"])
    # a name the index doesn't have cannot be typed in as a filter
    page.keyboard.type("usatoday")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    expect(sources.get_by_text("usatoday", exact=True)).to_have_count(0)
    sources.locator("input").fill("")
    sources.locator("input").click()
    page.get_by_role("option", name="Coast Times").click()
    page.keyboard.press("Escape")
    page.fill("#byline-since input", "2024-03-10")

    filters.get_by_text("Filters on:").click()  # collapse it: the label still names the filters
    expect(page.locator("#byline-since")).to_be_hidden()
    expect(filters).to_contain_text("Filters on: sources: Coast Times · from 2024-03-10")
    page.fill("#byline-question textarea", BARRIER_QUESTION)
    page.keyboard.press("Enter")
    answered(page, 1)
    expect(bot_messages(page).last.locator(".byline-context")).to_contain_text("sources: Coast Times · from 2024-03-10")
    page.screenshot(path=str(artifacts / f"web_filters_on_{size}.png"), full_page=True)


def test_the_articles_tab_reads_on_a_phone(new_page, harbor_url, artifacts):
    page = new_page(PHONE)
    open_chat(page, harbor_url)
    page.get_by_role("tab", name="Articles", exact=True).click()
    table = page.locator("#byline-articles")
    expect(table).to_contain_text("Ferry strike ends with a pay deal")
    for text in ["2024-03-20", "Coast Times"]:
        cell = table.get_by_text(text, exact=True).first
        lines = cell.evaluate(
            "c => Math.round(c.getBoundingClientRect().height / parseFloat(getComputedStyle(c).lineHeight || 20))"
        )
        assert lines <= 2, f"“{text}” wraps over {lines} lines on a phone"
    # and the title column is what is left, wrapped inside the table, not cut off at its edge
    title = table.locator('[data-col="2"]').first
    edges = title.evaluate(
        "c => [c.getBoundingClientRect().right, c.closest('.table-wrap, .upload-container, .table-container')?.getBoundingClientRect().right ?? innerWidth]"
    )
    assert edges[0] <= edges[1] + 1 and edges[0] <= PHONE["width"], f"the title column runs past the table: {edges}"
    page.screenshot(path=str(artifacts / "web_articles_phone.png"), full_page=True)


def test_an_answer_shows_its_coverage_over_time_and_a_dragged_stretch_becomes_the_date_filter(new_page, harbor_url, artifacts):
    page = new_page()
    open_chat(page, harbor_url)
    page.fill("#byline-question textarea", STRIKE_QUESTION)
    page.keyboard.press("Enter")
    answered(page, 1)
    plot = page.locator("#byline-coverage")
    expect(plot).to_be_visible()
    expect(plot).to_contain_text("The 4 best-matching articles.")
    bars = plot.locator("svg .plot_marks path, svg .plot_marks rect")
    expect(bars.first).to_be_attached()
    plot.scroll_into_view_if_needed()
    heights = bars.evaluate_all("bars => bars.map(b => Math.round(b.getBoundingClientRect().height))")
    assert sum(1 for h in heights if h > 0) == 4, f"one bar per article's day: {heights}"
    # its title is whole, inside the plot (at 1366 it was cut: '…(drag across bars to filter'), and says how to use it
    title = plot.locator("svg .role-title text").first
    expect(title).to_have_text("Coverage per day")
    edges = title.evaluate(
        "t => { const b = t.getBoundingClientRect(), s = t.closest('svg').getBoundingClientRect();"
        " return [b.left - s.left, s.right - b.right]; }"
    )
    assert min(edges) >= 0, f"the coverage title runs out of the plot: {edges}"
    assert "…" not in title.evaluate("t => t.textContent"), "the coverage title is cut short"
    expect(plot.get_by_text("Drag across the bars")).to_be_visible()
    page.screenshot(path=str(artifacts / "web_coverage.png"), full_page=True)

    # a drag across the bars sets the From/To filters to that stretch, and the Filters label says so
    area = plot.locator("svg path.background").first.bounding_box()
    y = area["y"] + area["height"] / 2
    page.mouse.move(area["x"] + 5, y)
    page.mouse.down()
    page.mouse.move(area["x"] + area["width"] * 0.5, y, steps=10)
    # the plot draws the drag a frame behind the mouse: let it reach the end before letting go (a clean-clone run,
    # with other work on the machine, set the stretch where the drag was a few steps before its end)
    page.wait_for_timeout(300)
    page.mouse.up()
    filters = page.locator("#byline-filters")
    expect(filters).to_contain_text(re.compile(r"Filters on: from 2024-03-0\d · to 2024-03-\d\d"), timeout=10_000)
    since, until = re.search(r"from (\S+) · to (\S+)", filters.inner_text()).groups()
    assert "2024-03-03" <= since < until <= "2024-03-21", (since, until)  # a stretch of the days plotted, in order
    page.screenshot(path=str(artifacts / "web_coverage_filtered.png"), full_page=True)
