"""Defects an outside tester found over one session of the chat: the coverage plot of a second question counted in
another unit (days after years, or years after days) drawn as one full-width bar labelled "undefined", and the chat's
own trash button wiping the conversation for good (and then still named "Clear"). Headless Debian Chromium; screenshots in tests/artifacts/."""

from __future__ import annotations

import re
from datetime import date

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout
from playwright.sync_api import expect

from assistant import Assistant, AssistantSettings
from ingest.pipeline import Index
from ingest.settings import IngestSettings
from tests.ui.conftest import DESKTOP, news_articles, open_chat, running_app
from ui.web import WebSettings

pytestmark = pytest.mark.browser

# two stories: one told over years, one over days; three passages are counted, so each question's plot is its own story
ARTICLES = [
    (f"zarvek-{year}", "Harbor Gazette", day, title, text)
    for year, day, title, text in [
        (2018, "2018-04-02", "Zarvek launches her campaign", "Ilse Zarvek launched her campaign for governor in the port town."),
        (2020, "2020-09-14", "Zarvek campaign gains donors", "The Zarvek campaign for governor gained new donors in the fall."),
        (2023, "2023-06-20", "Zarvek campaign ends", "Ilse Zarvek ended her campaign for governor after six years."),
    ]
] + [
    (f"quillon-{day}", "Coast Times", f"2024-03-{day:02d}", title, text)
    for day, title, text in [
        (4, "Quillon bridge vote called", "The council called a vote on the Quillon bridge for Saturday."),
        (6, "Quillon bridge vote nears", "Residents argued over the Quillon bridge vote at a packed hall."),
        (9, "Quillon bridge vote passes", "The Quillon bridge vote passed with sixty percent, the council said."),
    ]
]
YEARS_QUESTION = "Timeline of the Zarvek campaign for governor"
DAYS_QUESTION = "Did the Quillon bridge vote pass?"
# a label the x axis shows for each story's stretch (vega's own: the years, the days of the week)
X_LABEL = {"year": "2020", "day": "Mon 04"}

# the plot's bars (their x on the page, width, height), its x-axis labels and the width of its plotting area
PLOT_SHAPE = """p => {
  const svg = p.querySelector('svg');
  if (!svg) return null;
  const bars = [...svg.querySelectorAll('.plot_marks path, .plot_marks rect')].map(b => b.getBoundingClientRect())
    .map(b => [Math.round(b.x), Math.round(b.width), Math.round(b.height)]);
  const xLabels = [...svg.querySelectorAll('.role-axis')]
    .filter(a => (a.getAttribute('aria-label') || '').startsWith('X-axis'))
    .flatMap(a => [...a.querySelectorAll('.role-axis-label text')].map(t => t.textContent));
  const area = svg.querySelector('path.background')?.getBoundingClientRect().width ?? 0;
  const title = svg.querySelector('.role-title text')?.textContent ?? '';
  return { bars, xLabels, area: Math.round(area), title, text: svg.textContent };
}"""


@pytest.fixture(scope="module")
def story_url(embedding, tmp_path_factory):
    index = Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("stories")), embedding=embedding)
    bot = Assistant(index, AssistantSettings(max_answer_sentences=2))
    bot.add_articles(news_articles(ARTICLES))
    with running_app(bot, settings=WebSettings(coverage_passages=3)) as url:
        yield url


def ask(page, question: str, turn: int) -> None:
    page.fill("#byline-question textarea", question)
    page.keyboard.press("Enter")
    page.wait_for_selector(f'#byline-evidence [data-turn="{turn}"] .ev-cite')


def plotted(page, unit: str) -> dict:
    """The coverage plot's shape once it is titled per `unit` and draws three bars of articles (or after 5 s, as it is)."""
    plot = page.locator("#byline-coverage")
    expect(plot.locator("svg .role-title text").first).to_have_text(f"Coverage per {unit}")
    # no scrolling and no screenshot before it is read: a resize redraws the plot, with the data it should have had
    try:
        page.wait_for_function(
            f"() => {{ const s = ({PLOT_SHAPE})(document.querySelector('#byline-coverage'));"
            " return s && s.bars.filter(b => b[2] > 0).length === 3 && s.xLabels.includes(%r); }" % X_LABEL[unit],
            timeout=5_000,
        )
    except PlaywrightTimeout:
        pass
    return plot.evaluate(PLOT_SHAPE)


def test_the_coverage_plot_redraws_when_a_later_question_is_counted_in_another_unit(new_page, story_url, artifacts):
    page = new_page(DESKTOP)
    open_chat(page, story_url)
    for turn, (question, unit) in enumerate(
        [(YEARS_QUESTION, "year"), (DAYS_QUESTION, "day"), (YEARS_QUESTION, "year")], start=1
    ):
        ask(page, question, turn)
        shape = plotted(page, unit)
        drawn = [bar for bar in shape["bars"] if bar[2] > 0]
        # one bar per article (each on its own day and year), none spanning the plot, no label undefined
        assert "undefined" not in shape["text"], (turn, unit, shape["xLabels"])
        assert len(drawn) == 3, (turn, unit, shape)
        assert all(width < shape["area"] / 2 for _, width, _ in drawn), (turn, unit, shape)
        # its own stretch, not the one before it (redrawn under the new title with the old data)
        assert X_LABEL[unit] in shape["xLabels"], (turn, unit, shape["xLabels"])
        page.locator("#byline-coverage").scroll_into_view_if_needed()
        page.screenshot(path=str(artifacts / f"web_coverage_unit_{turn}_{unit}.png"), full_page=True)


def test_the_chats_own_trash_button_is_named_new_conversation_and_files_the_open_one_among_the_past_ones(
    new_page, story_url, artifacts
):
    page = new_page(DESKTOP)
    open_chat(page, story_url)
    ask(page, DAYS_QUESTION, 1)
    bots = page.locator('#byline-chat [data-testid="bot"]')
    expect(bots).to_have_count(1)
    # the chat's trash button (Gradio draws it on any chat with messages) starts a new conversation, and says so
    # (an outside tester: it was still labelled and tooltipped "Clear")
    trash = page.locator("#byline-chat").get_by_role("button", name="New conversation", exact=True)
    expect(trash).to_have_count(1)
    expect(trash).to_have_attribute("title", re.compile(r"^New conversation"))
    expect(page.locator("#byline-chat").get_by_role("button", name="Clear", exact=True)).to_have_count(0)
    trash.click()
    expect(bots).to_have_count(0)
    expect(page.locator("#byline-evidence")).to_contain_text("Ask a question")
    page.screenshot(path=str(artifacts / "web_chat_cleared.png"), full_page=True)
    # the conversation is not lost: it is listed among the past ones, and choosing it brings it back
    page.click("#byline-conversations input")
    option = page.get_by_role("option")
    expect(option).to_have_count(1)
    expect(option.first).to_have_accessible_name(f"{DAYS_QUESTION} · {date.today().isoformat()}")
    option.first.click()
    expect(bots).to_have_count(1)
    expect(page.locator('#byline-chat [data-testid="user"]')).to_have_text([DAYS_QUESTION])
    # drawn again with the conversation brought back, it is named alike
    expect(trash).to_have_count(1)
    expect(trash).to_have_attribute("title", re.compile(r"^New conversation"))
