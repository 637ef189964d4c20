"""The Speakers tab on a phone (390x844), light and dark: an outside tester found the quotes-per-month plot's month
labels drawn over each other. Headless Debian Chromium; screenshots in tests/artifacts/."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from assistant import Assistant, AssistantSettings
from ingest.pipeline import Index
from ingest.settings import IngestSettings
from tests.ui.conftest import PHONE, news_articles, open_chat, running_app
from ui.web.settings import WebSettings

pytestmark = pytest.mark.browser

# Ines Dahl is quoted every other month over three years (37 months on the axis), Pieter Vos every month of a year
# (12), Lena Berg every month over 16 months.
QUOTED = {
    "Ines Dahl": [(2021 + n // 6, 1 + 2 * (n % 6)) for n in range(19)],
    "Pieter Vos": [(2023, month) for month in range(1, 13)],
    "Lena Berg": [(2019 + (month - 1) // 12, 1 + (month - 1) % 12) for month in range(1, 17)],
}
ARTICLES = [
    (
        f"{name.split()[1].lower()}-{year}-{month:02d}",
        "Coast Times",
        f"{year}-{month:02d}-14",
        f"{name} at the council meeting of {year}-{month:02d}",
        f'"The tidal barrier plan number {n} is on schedule," said {name}, the council chair. '
        "The council met in the old harbor hall.",
    )
    for name, months in QUOTED.items()
    for n, (year, month) in enumerate(months)
]

# The plot's x-axis labels as drawn (vega draws svg text, one per label): their boxes, and the plot's.
X_LABELS = """p => {
  const box = p.getBoundingClientRect();
  const axis = [...p.querySelectorAll('svg g.role-axis')].find(a => (a.getAttribute('aria-label') || '').startsWith('X-axis'))
    || [...p.querySelectorAll('svg g.role-axis')][0];
  const labels = axis ? [...axis.querySelectorAll('g.role-axis-label text')] : [];
  return {plot: [box.left, box.right], labels: labels.filter(t => t.textContent.trim()).map(t => {
    const r = t.getBoundingClientRect();
    return [t.textContent, r.left, r.right, r.top, r.bottom];
  })};
}"""


@pytest.fixture(scope="module")
def speakers_url(embedding, tmp_path_factory):
    index = Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("speakers")), embedding=embedding)
    bot = Assistant(index, AssistantSettings(max_answer_sentences=2))
    bot.add_articles(news_articles(ARTICLES))
    with running_app(bot, settings=WebSettings(stream_pace_ms=0)) as url:  # answers as they come: none is watched streaming
        yield url


@pytest.mark.parametrize(
    ("name", "theme"),
    [
        ("Ines Dahl", "light"),
        pytest.param("Ines Dahl", "dark", marks=pytest.mark.stress),  # `make stress` runs all four (tests/conftest.py)
        pytest.param("Pieter Vos", "light", marks=pytest.mark.stress),
        ("Lena Berg", "dark"),
    ],
)
def test_a_person_plot_has_month_labels_that_do_not_overlap_on_a_phone(new_page, speakers_url, artifacts, name, theme):
    page = new_page(PHONE, color_scheme=theme)
    open_chat(page, f"{speakers_url}/?__theme={theme}")
    page.get_by_role("tab", name="Speakers", exact=True).click()
    speakers = page.locator("#byline-speakers")
    page.fill("#byline-people-search textarea", name)
    expect(speakers.get_by_role("row")).to_have_count(2)
    speakers.get_by_role("gridcell", name=name, exact=True).click()
    expect(page.locator("#byline-person h3")).to_have_text(name)
    plot = page.locator("#byline-person-plot")
    expect(plot.locator("svg g.role-axis-label text").first).to_be_attached()
    plot.scroll_into_view_if_needed()
    page.wait_for_timeout(500)  # vega lays its labels out after the marks
    drawn = plot.evaluate(X_LABELS)
    plot.screenshot(path=str(artifacts / f"web_person_plot_phone_{name.split()[1].lower()}_{theme}.png"))
    labels = sorted(drawn["labels"], key=lambda label: label[1])
    assert len(labels) >= 2, drawn
    for before, after in zip(labels, labels[1:], strict=False):
        overlap = before[2] - after[1]
        vertical = min(before[4], after[4]) - max(before[3], after[3])
        assert overlap <= 0 or vertical <= 0, f"month labels drawn over each other: {before} and {after}"
    left, right = drawn["plot"]
    assert all(left - 1 <= label[1] and label[2] <= right + 1 for label in labels), drawn


def test_a_persons_page_is_of_the_quotes_published_by_the_asking_date(new_page, speakers_url):
    """A researcher's web-chat try (news24-dev, As of 2024-02-10): Nikki Haley's page listed her words of March 5, which
    no answer of that day could give. Lena Berg is quoted every month from January 2019 to April 2020: as of 2019-06-30
    her page holds the six of January to June 2019, and says so."""
    page = new_page()
    open_chat(page, speakers_url)
    page.fill("#byline-as-of input", "2019-06-30")
    page.press("#byline-as-of input", "Enter")  # a date field takes its value on Enter or blur
    expect(page.locator("#byline-as-of input")).to_have_value("2019-06-30")
    page.get_by_role("tab", name="Speakers", exact=True).click()
    speakers = page.locator("#byline-speakers")
    page.fill("#byline-people-search textarea", "Lena Berg")
    expect(speakers.get_by_role("row")).to_have_count(2)
    speakers.get_by_role("gridcell", name="Lena Berg", exact=True).click()
    summary = page.locator("#byline-person .pp-summary")
    expect(summary).to_contain_text("6 quotes")
    expect(summary).to_contain_text("2019-01-14 to 2019-06-14 published by 2019-06-30")
