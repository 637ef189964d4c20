"""What one request may ask of `byline serve`, and how its mistakes are named (found by an outside tester):
the real app on uvicorn, httpx as the caller."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from tests.ui.conftest import running_app

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def bot(embedding, tmp_path_factory):
    from assistant import Assistant
    from ingest.pipeline import Index
    from ingest.settings import IngestSettings
    from tests.conftest import SEEDS

    bot = Assistant(Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("requests")), embedding=embedding))
    bot.add([SEEDS])
    return bot


@pytest.fixture(scope="module")
def url(bot) -> Iterator[str]:
    with running_app(bot) as served:
        yield served


def post_json(url: str, body: dict) -> httpx.Response:
    """`body` as JSON with \\u escapes, so a lone surrogate gets through as JSON allows it."""
    return httpx.post(url, content=json.dumps(body), headers={"content-type": "application/json"}, timeout=120)


def test_a_request_carries_a_bounded_number_of_articles(url, bot):
    """20,000 tiny records held an ingest worker ~80 minutes, going on after the client hung up; two such
    requests blocked every ingest. A request carries at most 100 articles: more is a 422 naming the limit."""
    records = [{"id": f"tiny{i}", "text": f"Tiny article {i} text."} for i in range(101)]
    response = httpx.post(f"{url}/api/articles", json={"articles": records}, timeout=120)
    assert response.status_code == 422, response.text[:300]
    [error] = response.json()["errors"]
    assert error["loc"] == ["body", "articles"] and "100" in error["msg"], error
    assert all(a.id != "tiny0" for a in bot.articles())


def test_a_request_carries_a_bounded_amount_of_text(url, bot):
    """Time goes with text too: 100 records of 200,000 characters fit the 20 MB body limit. The articles of a
    request carry at most 2,000,000 characters (one article of BYLINE_MAX_ARTICLE_CHARS still fits): a 413."""
    paragraph = "The Quillan council met on Monday and said the harbour will close. " * 10_000  # 680,000 characters
    records = [{"id": f"long{i}", "title": "Council", "text": paragraph} for i in range(3)]
    response = httpx.post(f"{url}/api/articles", json={"articles": records}, timeout=60)  # refused before any work
    assert response.status_code == 413, response.text[:300]
    [error] = response.json()["errors"]
    assert error["loc"] == ["body", "articles"] and "2,000,000 characters" in error["msg"], error
    assert all(not a.id.startswith("long") for a in bot.articles())


def test_a_source_filter_that_is_not_text_is_named(url):
    """A lone surrogate among filters.sources reached the index, and Chroma's error came back at 'question'."""
    response = post_json(f"{url}/api/ask", {"question": "Who resigned?", "filters": {"sources": ["seeds", "\ud800"]}})
    assert response.status_code == 422, response.text
    [error] = response.json()["errors"]
    assert error["loc"] == ["body", "filters", "sources", 1] and "lone surrogate" in error["msg"], error


def test_a_history_content_part_that_is_not_an_object_is_named(url):
    """[{"type": "text"}, 5, null] as a turn's content was reported at 'question'."""
    body = {"question": "And then?", "history": [{"role": "user", "content": [{"type": "text"}, 5, None]}]}
    response = httpx.post(f"{url}/api/ask", json=body, timeout=60)
    assert response.status_code == 422, response.text
    [error] = response.json()["errors"]
    assert error["loc"] == ["body", "history", 0, "content"] and "int" in error["msg"], error


def test_a_query_that_is_not_utf8_is_a_4xx(url):
    """?q=%ED%A0%80 (a lone surrogate's bytes) was read as replacement characters and answered 200."""
    response = httpx.get(f"{url}/api/search?q=%ED%A0%80&k=3")
    assert response.status_code == 422, response.text
    [error] = response.json()["errors"]
    assert error["loc"] == ["query", "q"] and "UTF-8" in error["msg"], error
    assert httpx.get(f"{url}/api/search?q=caf%C3%A9+Karabakh").status_code == 200  # real UTF-8 passes


def test_an_article_id_must_be_a_short_string(url, bot):
    """A 100,000-character id and an id with NUL were taken; ["a1"] and {"name": "a1"} became "a1". Each is a
    422 naming the item; an integer id is still read as its digits."""
    text = {"title": "Quay", "text": "The Quillan quay reopened on Tuesday."}
    bad = [{"id": "x" * 100_000, **text}, {"id": "a\x00b", **text}, {"id": ["a1"], **text}, {"guid": {"name": "a1"}, **text}]
    response = httpx.post(f"{url}/api/articles", json={"articles": [{"id": "fine-1", **text}, *bad]}, timeout=60)
    assert response.status_code == 422, response.text[:300]
    errors = response.json()["errors"]
    assert [e["loc"] for e in errors] == [
        ["body", "articles", 1, "id"],
        ["body", "articles", 2, "id"],
        ["body", "articles", 3, "id"],
        ["body", "articles", 4, "guid"],
    ], errors
    assert "200 characters" in errors[0]["msg"] and "control characters" in errors[1]["msg"]
    assert "not list" in errors[2]["msg"] and "not dict" in errors[3]["msg"]
    assert len(response.text) < 5_000  # the 100,000 characters are not echoed back
    assert all(a.id not in ("a1", "fine-1") for a in bot.articles())
    numbered = httpx.post(f"{url}/api/articles", json={"articles": [{"id": 4711, **text}]}, timeout=60).json()
    assert numbered["article_ids"] == ["4711"], numbered


def test_with_a_token_healthz_says_only_that_the_server_lives(bot):
    """With BYLINE_TOKEN set, /healthz told anyone how many articles are indexed."""
    with running_app(bot, token=TOKEN) as served:
        anonymous = httpx.get(f"{served}/healthz")
        wrong = httpx.get(f"{served}/healthz", headers={"Authorization": "Bearer nope"})
        signed = httpx.get(f"{served}/healthz", headers={"Authorization": f"Bearer {TOKEN}"})
    assert anonymous.status_code == wrong.status_code == 200
    assert anonymous.json() == wrong.json() == {"ok": True}
    assert signed.json()["ok"] is True and signed.json()["articles"] == len(bot.articles())
