"""Who owns an article, as `byline serve` sees it (found by an outside tester): the real app on uvicorn,
httpx as the caller, a real HTTP server on 127.0.0.1 serving the article the operator ingests by URL."""

from __future__ import annotations

import json

import httpx
import pytest

from tests.ui.conftest import running_app
from tests.ui.test_safety import article_server


@pytest.fixture
def bot(make_assistant):
    return make_assistant(fetch_allowed_hosts=["127.0.0.1"])


def test_a_request_cannot_replace_an_article_the_operator_ingested_from_a_url(bot):
    """`byline ingest http://…` (a URL or a feed) stored the URL as the article's origin, and a URL-looking
    origin counted as a request's own: an anonymous POST answered "updated": 1 and the text was gone. The store
    now records how an article came in; the operator's is refused (409), as seeds and CLI files are."""
    story = {"id": "harbour-url", "title": "Harbour closes", "text": "The Quillan harbour closed on Monday."}
    with article_server(story) as served_article:
        operator = bot.add([f"{served_article}/harbour.json"])  # what `byline ingest URL` calls
    assert operator.added == 1, operator
    stored = bot.article_text("harbour-url")
    hijack = {"id": "harbour-url", "title": "Hijacked", "text": "This text replaced the operator's article."}
    with running_app(bot) as url:
        report = httpx.post(f"{url}/api/articles", json={"articles": [hijack]}, timeout=60).json()
        assert report["updated"] == 0 and report["errors"][0]["status"] == 409, report
        assert "harbour-url" in report["errors"][0]["reason"]
        # ... nor by a URL the request names
        with article_server(hijack) as evil:
            fetched = httpx.post(f"{url}/api/articles", json={"urls": [f"{evil}/hijack.json"]}, timeout=60).json()
        assert fetched["updated"] == 0 and fetched["errors"][0]["status"] == 409, fetched
        assert bot.article_text("harbour-url") == stored

        # what a request fetched is the request's: a changed page under it replaces it
        mine = {"id": "fetched-1", "title": "Ferry", "text": "The Quillan ferry runs hourly from Monday."}
        with article_server(mine) as page:
            assert httpx.post(f"{url}/api/articles", json={"urls": [f"{page}/f.json"]}, timeout=60).json()["added"] == 1
        with article_server({**mine, "text": "The Quillan ferry runs every half hour."}) as page:
            again = httpx.post(f"{url}/api/articles", json={"urls": [f"{page}/f.json"]}, timeout=60).json()
        assert again["updated"] == 1 and not again["errors"], again


def test_an_index_without_recorded_channels_is_read_conservatively(bot):
    """An article stored before channels were recorded is the operator's, unless its origin is the place the API
    gives a posted record ("articles[0]"): a URL origin is no longer taken for a request's own."""
    with article_server({"id": "old-url", "title": "Old", "text": "An article the operator fetched long ago."}) as page:
        assert bot.add([f"{page}/old.json"]).added == 1
    with running_app(bot) as url:
        posted = {"id": "old-post", "title": "Posted", "text": "A record a request posted long ago."}
        assert httpx.post(f"{url}/api/articles", json={"articles": [posted]}, timeout=60).json()["added"] == 1
        # as an index written before this change holds them: no channel
        bot.index.store.articles.update(ids=["old-url", "old-post"], metadatas=[{"channel": ""}, {"channel": ""}])
        changed = [
            {"id": "old-url", "title": "Old", "text": "Replaced by a request."},
            {"id": "old-post", "title": "Posted", "text": "A record a request posted, edited."},
        ]
        report = httpx.post(f"{url}/api/articles", json={"articles": changed}, timeout=60).json()
    assert report["updated"] == 1 and report["article_ids"] == ["old-post"], report
    assert [error["status"] for error in report["errors"]] == [409] and "old-url" in report["errors"][0]["reason"]
    assert "Replaced" not in bot.article_text("old-url")


def test_a_posted_record_without_source_or_url_gets_a_source_name(bot):
    """A record with neither a source nor a url was stored under source "" (a search showed "— , undated");
    it is named for how it came, "api", as a file's is for its folder."""
    with running_app(bot) as url:
        record = {"id": "no-source", "title": "Quay", "text": "The Quillan quay reopened on Tuesday."}
        assert httpx.post(f"{url}/api/articles", json={"articles": [record]}, timeout=60).json()["added"] == 1
        listed = {a["id"]: a for a in httpx.get(f"{url}/api/articles").json()}
        passages = httpx.get(f"{url}/api/search", params={"q": "Quillan quay reopened"}).json()
    assert listed["no-source"]["source"] == "api"
    assert passages and passages[0]["source"] == "api", passages


def test_a_request_s_twin_never_keeps_the_operator_s_article_out(bot, tmp_path):
    """An outside try: a request posted the text of an article before the operator ingested it; the operator's
    ingest skipped it as a duplicate ("1 duplicates skipped"), and the request then changed its own article: the
    operator's words were out of the index, past the rule that a request may not replace them. The operator's twin
    goes in beside a request's; a request's twin of another is skipped, and the report names the article it twins."""
    text = "The lock gates at Quillan will be rebuilt by spring, engineer Petra Lind said on Monday."
    story = {"title": "Lock gates", "text": text, "source": "harbour", "published": "2024-03-04"}
    assert bot.add_records([{**story, "id": "squat"}]).added == 1
    (tmp_path / "lock.json").write_text(json.dumps({**story, "id": "lock-gates"}))
    operator = bot.add([tmp_path / "lock.json"])
    assert operator.added == 1 and operator.duplicates == 0, operator
    assert bot.add_records([{**story, "id": "squat", "text": "Withdrawn."}]).updated == 1
    assert bot.article_text("lock-gates") == text  # the operator's, still indexed
    assert any("Petra Lind" in q.speaker_name for q in bot.quotes(speaker="Petra Lind"))
    # a request's twin of an indexed article: skipped, and told under which id the words are found
    twin = bot.add_records([{**story, "id": "another-copy"}])
    assert twin.duplicates == 1 and twin.added == 0
    assert any("'lock-gates'" in w.reason and "another-copy" in w.reason for w in twin.warnings), twin.warnings
