"""The chat stays answerable while articles are added (issue 14, defect 3): a question asked in one tab during
a 30-article upload in another is answered before the upload ends, and the upload's progress says where it is.
Headless Debian Chromium at 1366x900; screenshots in tests/artifacts/."""

from __future__ import annotations

import json
import random
import re
import time

import pytest
from playwright.sync_api import expect

from assistant import Assistant
from ingest.article import Article
from ingest.pipeline import Index
from ingest.settings import IngestSettings
from tests.ui.conftest import open_chat, running_app

pytestmark = pytest.mark.browser

QUESTION = "How much will the tidal barrier cost?"


def council_articles(count: int = 30, paragraphs: int = 16) -> list[dict]:
    """`count` long articles (about 5,000 characters, a quote in every paragraph): 20-30 s to add on 2 cores."""
    rng = random.Random(7)
    towns = ["Arlen", "Brisk", "Cordale", "Dunmore", "Elsworth", "Farrow", "Galden", "Hollis"]
    topics = ["water rates", "school budget", "bus routes", "library hours", "road repairs", "park lighting"]
    people = ["Ada Brenner", "Tomas Quill", "Rosa Lind", "Ivo Sandberg", "Mira Tate"]
    records = []
    for i in range(count):
        town, topic = towns[i % len(towns)], topics[i % len(topics)]
        text = "\n\n".join(
            f"In {town}, the council's debate on {topic} ran into its {p + 1}th hour on day {i + 1}, with "
            f"{rng.randint(10, 900)} residents following it. "
            f'"We owe the people of {town} a plan for the {topic} that lasts {rng.randint(2, 30)} years," said '
            f"{rng.choice(people)}, who chairs the {topic} committee. Critics said the {rng.randint(1, 90)} million "
            "figure was too high."
            for p in range(paragraphs)
        )
        records.append(
            {
                "id": f"council-{i}",
                "title": f"{town} council argues over {topic} (part {i + 1})",
                "source": "Valley Ledger",
                "published": f"2024-04-{i % 28 + 1:02d}",
                "text": text,
            }
        )
    return records


@pytest.fixture(scope="module")
def ingest_url(embedding, tmp_path_factory):
    index = Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("busy")), embedding=embedding)
    bot = Assistant(index)
    bot.add_articles(
        [
            Article(
                id="coast-barrier",
                title="Council approves a tidal barrier",
                source="Coast Times",
                published="2024-03-18",
                text="The Lindqvist harbor council voted seven to two on Monday to build a tidal barrier across the old "
                "port. The barrier will cost 48 million euros and should be finished by 2027, council chair Ines Dahl said.",
            )
        ]
    )
    with running_app(bot) as url:
        yield url


# a long check (see tests/conftest.py, LONG_CHECKS): `make stress` runs it, `make test` leaves it out for time
@pytest.mark.stress
def test_a_question_asked_during_a_30_article_upload_is_answered_before_it_ends(new_page, ingest_url, artifacts, tmp_path):
    upload = tmp_path / "council.jsonl"
    upload.write_text("\n".join(json.dumps(record) for record in council_articles()), encoding="utf-8")
    adder, asker = new_page(), new_page()
    for page in (adder, asker):
        open_chat(page, ingest_url)

    adder.get_by_role("tab", name="Add articles", exact=True).click()
    adder.set_input_files("#byline-upload input[type=file]", str(upload))
    expect(adder.locator("#byline-upload")).to_contain_text("council")
    adder.click("#byline-add")
    started = time.monotonic()
    # the upload says what it is doing, once, on its summary (no bar over the URL box or the file list)
    status = adder.locator("#byline-add-summary")
    expect(status).to_contain_text("Adding 1 file", timeout=15_000)
    expect(adder.locator(".progress-text, .progress-bar")).to_have_count(0)

    asker.fill("#byline-question textarea", QUESTION)
    asker.keyboard.press("Enter")
    asker.wait_for_selector('#byline-evidence [data-turn="1"] .ev-cite', timeout=60_000)
    answered_after = time.monotonic() - started
    still_adding = "Ingested" not in status.inner_text()
    asker.screenshot(path=str(artifacts / "web_answered_during_upload.png"))
    assert "barrier" in asker.locator('#byline-chat [data-testid="bot"]').last.inner_text()
    assert still_adding, f"the question was answered only after the upload ended ({answered_after:.1f}s)"

    # progress names its phase and counts articles, with the time so far (the phases after embedding can pass
    # between two of the page's half-second updates: their order is tested in tests/ingest/test_pipeline.py)
    expect(status).to_contain_text(re.compile(r"Embedding \d+ of 30 articles…"), timeout=120_000)
    adder.screenshot(path=str(artifacts / "web_upload_progress.png"))
    expect(status).to_contain_text("Ingested", timeout=120_000)
    added_after = time.monotonic() - started
    assert "30 added" in status.inner_text()
    assert answered_after < added_after / 2, f"answered at {answered_after:.1f}s of a {added_after:.1f}s upload"
