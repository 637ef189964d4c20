"""A URL added from the chat ('Add articles') is fetched as the API's are (40171eb): under the request's one
BYLINE_FETCH_JOB_DEADLINE_S, and no more once the page stops waiting. Before, it had only its own 30 s deadline and
went on after the page was closed. The chat's real handler and ingest worker, and a real server on 127.0.0.1 that
trickles (test_ingest_deadline's), started here."""

from __future__ import annotations

import time

import pytest

from tests.ui.test_ingest_deadline import JOB_DEADLINE_S, fetching_bot, trickling_server
from ui.web import WebSettings
from ui.web.handlers import ChatHandlers


@pytest.fixture(scope="module")
def bot(embedding, tmp_path_factory):
    return fetching_bot(embedding, tmp_path_factory.mktemp("chat-deadline"), JOB_DEADLINE_S)


def test_a_url_added_in_the_chat_is_cut_off_at_the_request_deadline(bot):
    handlers = ChatHandlers(bot, WebSettings(ingest_workers=1, ingest_waiting=0))
    with trickling_server() as (server, asked, _):
        url = f"{server}/slow/0"
        started = time.monotonic()
        *_, last = handlers.add_articles([], url)
        elapsed = time.monotonic() - started
    summary = last[0]
    assert elapsed < 9, f"{elapsed:.1f} s: the URL had its own 30 s deadline, not the request's {JOB_DEADLINE_S:g} s"
    assert f"`{url}`: cut off: " in summary and r"BYLINE\_FETCH\_JOB\_DEADLINE\_S" in summary, summary
    assert asked == ["/slow/0"]


def test_a_url_added_in_the_chat_stops_fetching_when_the_page_stops_waiting(embedding, tmp_path):
    bot = fetching_bot(embedding, tmp_path, job_deadline_s=60)  # only the page's leaving can stop it this soon
    handlers = ChatHandlers(bot, WebSettings(ingest_workers=1, ingest_waiting=0))
    with trickling_server() as (server, _, hung_up):
        updates = handlers.add_articles([], f"{server}/slow/a")
        assert next(updates)[0].startswith("Adding 1 file")  # the job is on the worker
        time.sleep(0.3)
        left = time.monotonic()
        updates.close()  # what Gradio does with an event's generator when its page goes
        while "/slow/a" not in hung_up and time.monotonic() - left < 5:
            time.sleep(0.05)
        assert "/slow/a" in hung_up, "the fetch went on after the page stopped waiting"
        assert hung_up["/slow/a"] - left < 2.0
