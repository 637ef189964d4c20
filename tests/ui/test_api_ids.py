"""Article ids a request cannot make collide (found by a security tester): the real app on uvicorn, httpx as the
caller. Every article a request adds stays until it is replaced by its own id."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.ui.conftest import running_app

ALICE = {"title": "Alice report", "text": "Alice Smith said on Monday the council approved the harbour budget."}
BOB = {"title": "Bob note", "text": "Bob Jones said the zoo reopens on Friday after the repairs."}


def post(url: str, *records: dict) -> httpx.Response:
    # ensure_ascii: a lone surrogate goes as the JSON escape "\ud800", as a client's JSON encoder sends it
    body = json.dumps({"articles": list(records)}, ensure_ascii=True)
    return httpx.post(f"{url}/api/articles", content=body, headers={"content-type": "application/json"}, timeout=60)


@pytest.fixture
def bot(make_assistant):
    return make_assistant()


def test_a_record_without_id_or_url_never_takes_another_requests_article(bot):
    """Such a record's id was made of its place in the request ("api#0"): the first of every request had the id
    20a7e313380e3f3a, so Bob's note "updated" Alice's report and hers was gone. It is now a hash of what it says."""
    with running_app(bot) as url:
        alice = post(url, ALICE).json()
        bob = post(url, BOB).json()
        assert (alice["added"], bob["added"], bob["updated"]) == (1, 1, 0), (alice, bob)
        assert alice["article_ids"] != bob["article_ids"]
        assert "20a7e313380e3f3a" not in alice["article_ids"] + bob["article_ids"]
        # the same article again is a no-op, in any request and at any place in it
        again = post(url, BOB, ALICE).json()
        assert (again["added"], again["updated"], again["unchanged"]) == (0, 0, 2), again
        # another date (or source) is another article, never an update of this one
        dated = post(url, ALICE | {"published": "2024-03-04"}).json()
        assert (dated["added"], dated["updated"]) == (1, 0), dated
        listed = httpx.get(f"{url}/api/articles").json()
    texts = {bot.article_text(record["id"]) for record in listed}
    assert ALICE["text"] in texts and BOB["text"] in texts and len(listed) == 3


@pytest.mark.parametrize("blank", ["", "   ", "\t \n"])
def test_a_blank_id_counts_as_none(bot, blank):
    """`"id": "   "` was taken as missing by the reader and so given the position's id: a third way to take
    Alice's article. A blank id is no id: the record is known by its content (a later id field still counts)."""
    with running_app(bot) as url:
        first = post(url, {"id": blank} | ALICE).json()
        second = post(url, {"id": blank} | BOB).json()
        assert (first["added"], second["added"], second["updated"]) == (1, 1, 0), (first, second)
        assert first["article_ids"] != second["article_ids"]
        assert post(url, {"id": blank} | ALICE).json()["unchanged"] == 1
        named = post(url, {"id": blank, "article_id": "carol-1", "title": "Carol", "text": "Carol Diaz said hello."}).json()
        assert named["article_ids"] == ["carol-1"], named


@pytest.mark.parametrize(
    ("given", "reason"),
    [
        ("\ud800", "lone surrogate (U+D800"),
        ("a\udc01", "lone surrogate (U+DC01"),
        ("news-\u202e1", "line separators (U+202E at character 5): it would show as another id"),
        ("\u2066news-1\u2069", "line separators (U+2066 at character 0): it would show as another id"),
        ("news\u20281", "line separators (U+2028"),
        ("news\u20291", "line separators (U+2029"),
        # zero-width and other format characters (Unicode Cf) show as nothing: "news\u200b-1" reads "news-1"
        ("news\u200b-1", "line separators (U+200B at character 4): it would show as another id"),
        ("news\u200c-1", "line separators (U+200C"),
        ("news\u200d-1", "line separators (U+200D"),
        ("news\u2060-1", "line separators (U+2060"),
        ("\ufeffnews-1", "line separators (U+FEFF at character 0)"),
        ("news\u00ad-1", "line separators (U+00AD"),
    ],
)
def test_an_id_with_a_lone_surrogate_or_a_bidi_control_is_refused(bot, given, reason):
    """A lone surrogate was stored as U+FFFD, so "\\ud800" and then "\\udc01" were one id and the second replaced
    the first; a bidi override shows an id as another. Both are a 422 naming the field and the reason."""
    with running_app(bot) as url:
        response = post(url, ALICE, {"id": given} | BOB)
        assert response.status_code == 422, response.text
        body = response.json()
        assert body["errors"][0]["loc"] == ["body", "articles", 1, "id"], body
        assert reason in body["errors"][0]["msg"] and "articles[1].id" in body["detail"], body
        guid = post(url, {"guid": given} | BOB)
        assert guid.status_code == 422 and guid.json()["errors"][0]["loc"] == ["body", "articles", 0, "guid"]
    assert bot.articles() == []  # refused before any record went in


def test_an_id_typed_composed_or_decomposed_is_one_article(bot):
    """ "café" as one character é (NFC) and as e + U+0301 (NFD) show the same but were two ids, two articles. An id is
    stored NFC-normalised: the second replaces the first, and the article is found under the NFC id."""
    with running_app(bot) as url:
        composed = post(url, {"id": "caf\u00e9-1"} | ALICE).json()
        decomposed = post(url, {"id": "cafe\u0301-1"} | BOB).json()
        assert (composed["added"], decomposed["added"], decomposed["updated"]) == (1, 0, 1), (composed, decomposed)
        assert composed["article_ids"] == decomposed["article_ids"] == ["caf\u00e9-1"], (composed, decomposed)
        assert [record["id"] for record in httpx.get(f"{url}/api/articles").json()] == ["caf\u00e9-1"]
    assert bot.article_text("caf\u00e9-1") == BOB["text"]
