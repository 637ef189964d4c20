"""Reading further than an answer (issue 14): the article reader a citation opens, with every span the answer
cites highlighted, and a person's page (their quotes newest first, quotes per month, the topics they spoke on).
Headless Debian Chromium at 1366x900 and 390x844; screenshots in tests/artifacts/."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from assistant import Assistant, AssistantSettings
from ingest.pipeline import Index
from ingest.settings import IngestSettings
from tests.ui.conftest import DESKTOP, PHONE, news_articles, open_chat, running_app
from tests.ui.test_browser_layout import contrast
from ui.web.settings import WebSettings

pytestmark = pytest.mark.browser

# The barrier's cost sits far down a long article: the reader has to scroll to it.
HISTORY = "\n\n".join(
    f"In {1890 + 7 * n}, the old port of Lindqvist handled {n + 3} hundred ships a year, and the harbor master "
    f"recorded storms, silted channels and repairs to pier {n % 4 + 1} in the town's ledger."
    for n in range(24)
)
BARRIER = (
    "The Lindqvist harbor council voted seven to two on Monday to build a tidal barrier across the old port.\n\n"
    + HISTORY
    + "\n\nThe tidal barrier will cost 48 million euros and should be finished by 2027, council chair Ines Dahl said. "
    "The region will pay half of the tidal barrier's cost of 48 million euros, the council added.\n\n"
    "Fishing crews asked for a lock wide enough for their boats."
)
# Maren Okafor is quoted over three months, twice in the first article.
ARTICLES = [
    (
        "gazette-warning",
        "Harbor Gazette",
        "2024-01-15",
        "Union warns of a ferry strike",
        '"We have asked for the overtime since the summer," said Maren Okafor, the union leader. '
        '"If it is not paid by March, we stop," Maren Okafor said. The port authority did not comment.',
    ),
    (
        "gazette-vote",
        "Harbor Gazette",
        "2024-02-12",
        "Ferry crews vote to strike",
        'Ferry crews voted to strike in March. "The vote was not close," Maren Okafor said on Monday.',
    ),
    (
        "gazette-walkout",
        "Harbor Gazette",
        "2024-03-04",
        "Ferry crews walk out",
        "Harbor ferry crews went on strike over unpaid overtime, the union said on Monday. "
        '"We will not sail until the overtime is paid," said Maren Okafor, the union leader.',
    ),
    ("coast-barrier", "Coast Times", "2024-03-18", "Council approves a tidal barrier", BARRIER),
]
BARRIER_QUESTION = "How much will the tidal barrier cost?"


@pytest.fixture(scope="module")
def reader_url(embedding, tmp_path_factory):
    index = Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("reader")), embedding=embedding)
    bot = Assistant(index, AssistantSettings(max_answer_sentences=2))
    bot.add_articles(news_articles(ARTICLES))
    with running_app(bot, settings=WebSettings(stream_pace_ms=0)) as url:  # answers as they come: none is watched streaming
        yield url


# desktop light and phone dark in `make test`, all four in `make stress` (tests/conftest.py, LONG_CHECKS)
@pytest.mark.parametrize(
    ("size", "theme"),
    [
        ("desktop", "light"),
        pytest.param("desktop", "dark", marks=pytest.mark.stress),
        pytest.param("phone", "light", marks=pytest.mark.stress),
        ("phone", "dark"),
    ],
)
def test_a_citation_opens_its_article_with_every_cited_span_highlighted(new_page, reader_url, artifacts, size, theme):
    page = new_page(DESKTOP if size == "desktop" else PHONE, color_scheme=theme)
    open_chat(page, f"{reader_url}/?__theme={theme}")
    page.fill("#byline-question textarea", BARRIER_QUESTION)
    page.keyboard.press("Enter")
    cards = page.locator("#byline-evidence .ev-cite")
    expect(cards.first).to_be_visible()
    link = cards.first.locator("a.byline-read")
    article = link.get_attribute("data-article")
    assert article == "coast-barrier"
    # every span this answer cites in that article, whichever card cites it
    cited = [
        card.locator("mark").inner_text()
        for card in cards.all()
        if card.locator("a.byline-read").get_attribute("data-article") == article
    ]
    expect(page.locator("#byline-reader-panel")).to_be_hidden()
    link.click()

    reader = page.locator("#byline-reader .byline-reader")
    expect(reader).to_be_visible()
    expect(reader.locator(".rd-title")).to_have_text("Council approves a tidal barrier")
    expect(reader.locator(".rd-meta")).to_contain_text("Coast Times · 2024-03-18 · the original")
    assert reader.locator(".rd-meta a").get_attribute("href") == "https://news.example/coast-barrier"
    # the whole article, not a passage: its first and last sentences are there
    text = reader.locator(".rd-text").inner_text()
    assert text.startswith("The Lindqvist harbor council voted") and text.rstrip().endswith("wide enough for their boats.")
    marks = reader.locator("mark")
    assert sorted(m.strip() for m in marks.all_inner_texts()) == sorted(q.strip() for q in cited), (
        cited,
        marks.all_inner_texts(),
    )
    # the first is scrolled into view (it sits under two dozen paragraphs), readable in this theme
    first = reader.locator("mark.focus").first
    expect(first).to_be_in_viewport()
    assert page.locator("#byline-reader-panel").evaluate("p => p.scrollTop") > 200
    colours = first.evaluate("m => [getComputedStyle(m).color, getComputedStyle(m).backgroundColor]")
    assert contrast(*colours) >= 4.5, f"highlighted words {colours} are hard to read ({theme})"
    panel = page.locator("#byline-reader-panel").bounding_box()
    width = (DESKTOP if size == "desktop" else PHONE)["width"]
    assert panel["x"] >= -1 and panel["x"] + panel["width"] <= width + 1, f"the reader runs off the screen: {panel}"
    page.screenshot(path=str(artifacts / f"web_article_reader_{size}_{theme}.png"))

    page.click("#byline-reader-close")
    expect(page.locator("#byline-reader-panel")).to_be_hidden()
    expect(page.locator("#byline-evidence .ev-cite").first).to_be_visible()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_a_person_page_lists_their_quotes_newest_first_with_a_plot_and_topics(new_page, reader_url, artifacts, size):
    page = new_page(DESKTOP if size == "desktop" else PHONE)
    open_chat(page, reader_url)
    page.get_by_role("tab", name="Speakers", exact=True).click()
    speakers = page.locator("#byline-speakers")
    page.fill("#byline-people-search textarea", "okafor")
    expect(speakers.get_by_role("gridcell", name="Maren Okafor", exact=True)).to_be_visible()
    expect(speakers.get_by_role("row")).to_have_count(2)  # the search leaves the others out (Ines Dahl)
    speakers.get_by_role("gridcell", name="Maren Okafor", exact=True).click()

    head = page.locator("#byline-person .byline-person")
    expect(head.locator("h3")).to_have_text("Maren Okafor")
    expect(head.locator(".pp-summary")).to_have_text("4 quotes in 3 articles, 2024-01-15 to 2024-03-04.")
    # topics: the articles quoted in, most quotes first
    expect(head.locator(".pp-topics li").first).to_contain_text("Union warns of a ferry strike (2)")
    quotes = page.locator("#byline-person-quotes .pq")
    expect(quotes).to_have_count(4)
    dates = [text.split(" · ")[0] for text in page.locator("#byline-person-quotes .pq-meta").all_inner_texts()]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2024-03-04", dates
    expect(quotes.first.locator(".pq-text")).to_have_text("“We will not sail until the overtime is paid”")

    # quotes per month: January 2, February 1, March 1, drawn as marks
    plot = page.locator("#byline-person-plot")
    expect(plot).to_be_visible()
    drawn = plot.locator("svg .mark-rect path, svg .mark-rect rect, canvas")
    expect(drawn.first).to_be_attached()
    plot.scroll_into_view_if_needed()
    bars = plot.evaluate(
        """p => {
          const svg = [...p.querySelectorAll('svg .mark-rect path, svg .mark-rect rect')];
          if (svg.length) return svg.filter(bar => bar.getBoundingClientRect().height >= 10).length;
          const canvas = p.querySelector('canvas');
          if (!canvas) return 0;
          const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
          let inked = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i] > 0) inked++;
          return inked > 500 ? -1 : 0;
        }"""
    )
    assert bars == 3 or bars == -1, f"the plot drew {bars} of its 3 bars"
    page.screenshot(path=str(artifacts / f"web_person_page_{size}.png"), full_page=True)

    # a quote's title opens the reader on it
    quotes.nth(1).locator("a.byline-read").click()
    reader = page.locator("#byline-reader .byline-reader")
    expect(reader.locator(".rd-title")).to_have_text("Ferry crews vote to strike")
    expect(reader.locator("mark")).to_have_text("The vote was not close")
