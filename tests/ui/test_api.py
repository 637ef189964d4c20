"""The HTTP API, served by a real uvicorn on a free port: Byline's own routes and the
OpenAI-compatible chat endpoint, driven by httpx and by the real `openai` client."""

from __future__ import annotations

import json
import threading
import time

import httpx
import pytest
import uvicorn
from fastapi import FastAPI

from assistant import Assistant
from ingest.pipeline import Index
from ingest.settings import IngestSettings
from tests.conftest import SEEDS, free_port
from ui.api import register_api
from ui.workers import IngestWorkers

TOKEN = "s3cret-token-for-tests"
SEED_QUESTION = "Who said that anti-terrorist measures will be stopped if Karabakh forces lay down their arms?"


class Served:
    """An ASGI app on uvicorn in a thread, for as long as the `with` lasts."""

    def __init__(self, app: FastAPI):
        self.port = free_port()
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port, log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.url = f"http://127.0.0.1:{self.port}"

    def __enter__(self) -> Served:
        self.thread.start()
        deadline = time.monotonic() + 20
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)


@pytest.fixture(scope="module")
def bot(embedding, tmp_path_factory) -> Assistant:
    # Its own index: the ingest test adds to it.
    bot = Assistant(Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("api")), embedding=embedding))
    bot.add([SEEDS])
    return bot


@pytest.fixture(scope="module")
def served(bot):
    app = FastAPI()
    register_api(app, bot, TOKEN, IngestWorkers(workers=2, max_waiting=8))
    with Served(app) as running:
        yield running


@pytest.fixture(scope="module")
def http(served):
    with httpx.Client(base_url=served.url, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=60) as client:
        yield client


def test_every_route_wants_the_token(served):
    for method, path in [
        ("POST", "/api/ask"),
        ("GET", "/api/search?q=arms"),
        ("GET", "/api/articles"),
        ("GET", "/v1/models"),
        ("POST", "/v1/chat/completions"),
    ]:
        for headers in ({}, {"Authorization": "Bearer wrong"}):
            response = httpx.request(method, served.url + path, headers=headers, json={})
            assert response.status_code == 401, (method, path, headers)
            assert response.headers["www-authenticate"] == "Bearer"


def test_ask_returns_the_answer_with_citations(http, bot):
    response = http.post("/api/ask", json={"question": SEED_QUESTION, "filters": {"since": "2023-09-01"}})
    assert response.status_code == 200
    answer = response.json()
    assert answer["answered"] and "Aliyev" in answer["text"]
    citation = answer["citations"][0]
    text = bot.article_text(citation["article_id"])
    assert text[citation["span"][0] : citation["span"][1]] == citation["quote"]
    assert answer["filters"] == {"since": "2023-09-01"}


def test_ask_with_history_records_the_rewrite(http):
    history = [
        {"role": "user", "content": "What did Aliyev say about the operation?"},
        {"role": "assistant", "content": "Aliyev said the operation would stop [1]."},
    ]
    answer = http.post("/api/ask", json={"question": "What did he say about civilians?", "history": history}).json()
    assert answer["standalone_question"] == "What did Aliyev say about civilians?"


def test_ask_rejects_a_bad_date_and_an_empty_question(http):
    assert http.post("/api/ask", json={"question": SEED_QUESTION, "filters": {"since": "last tuesday-ish"}}).status_code == 422
    assert http.post("/api/ask", json={"question": "   "}).status_code == 422


def test_ask_rejects_a_misspelt_filter_and_a_pasted_article(http):
    """Found by an outside try: {"filters": {"source": [...]}} answered unfiltered, with a 200; a 3 MB
    question was answered and echoed back whole."""
    misspelt = http.post("/api/ask", json={"question": SEED_QUESTION, "filters": {"source": ["nytimes"]}})
    assert misspelt.status_code == 422 and "source" in misspelt.text
    assert http.post("/api/ask", json={"question": SEED_QUESTION, "as_off": "2023-09-21"}).status_code == 422
    pasted = http.post("/api/ask", json={"question": "Why? " * 2000})
    assert pasted.status_code == 422 and "at most 4,000" in pasted.text


def test_search_returns_passages_with_spans_and_applies_filters(http):
    passages = http.get("/api/search", params={"q": "lay down their arms", "k": 2}).json()
    assert 1 <= len(passages) <= 2
    assert passages[0]["title"].startswith("Aliyev's message")
    assert http.get("/api/search", params={"q": "lay down their arms", "source": "no-such-outlet"}).json() == []
    assert http.get("/api/search", params={"q": "arms", "until": "2020-01-01"}).json() == []


def test_search_says_why_it_found_nothing_and_names_the_bad_field(http):
    """Found by an outside tester: a source with no articles gave a silent [] where /api/ask says so, and an
    empty date range came with "errors": []. The body stays a list; the reason rides in X-Byline-Notice."""
    unknown = http.get("/api/search", params={"q": "arms", "source": "nytimes.com"})
    assert unknown.status_code == 200 and unknown.json() == []
    notice = unknown.headers["x-byline-notice"]
    assert "No article from nytimes.com is indexed" in notice and "Sources here: seeds" in notice
    found = http.get("/api/search", params={"q": "lay down their arms"})
    assert found.json() and "x-byline-notice" not in found.headers
    hostile = http.get("/api/search", params={"q": "arms", "source": "évil\r\nSet-Cookie: x=1"})
    assert hostile.status_code == 200 and "\n" not in hostile.headers["x-byline-notice"]

    for path, words in (("/api/search", {"q": "arms"}), ("/api/quotes", {"search": "arms"})):
        backwards = http.get(path, params={**words, "since": "2023-10-01", "until": "2023-09-01"})
        body = backwards.json()
        assert backwards.status_code == 422 and "date range is empty" in body["detail"], body
        assert body["errors"][0]["loc"] == ["query", "since"] and "date range is empty" in body["errors"][0]["msg"]
        # a range that starts after the asking day is `since`'s fault too (an analyst's try got `q` named)
        after = http.get(path, params={**words, "since": "2023-09-10", "as_of": "2023-09-05"}).json()
        assert after["errors"][0]["loc"] == ["query", "since"] and "after the asking date" in after["detail"], after
        bad_day = http.get(path, params={**words, "until": "soon"}).json()
        assert bad_day["errors"][0]["loc"] == ["query", "until"] and "not a date" in bad_day["detail"], bad_day


def test_quotes_say_why_they_found_nothing(http):
    """An outside try, last round: /api/quotes gave a silent [] for a source with no articles, where /api/ask
    and /api/search say so."""
    unknown = http.get("/api/quotes", params={"source": "nytimes.com"})
    assert unknown.status_code == 200 and unknown.json() == []
    assert "No article from nytimes.com is indexed" in unknown.headers["x-byline-notice"]
    nobody = http.get("/api/quotes", params={"speaker": "Nobody Atall"})
    assert nobody.json() == [] and "No quote by a speaker named 'Nobody Atall'" in nobody.headers["x-byline-notice"]
    found = http.get("/api/quotes", params={"speaker": "Aliyev"})
    assert found.json() and "x-byline-notice" not in found.headers


def test_articles_can_be_listed_and_added(http):
    before = http.get("/api/articles").json()
    assert [a["published"] for a in before] == ["2023-09-20"]
    assert all("origin" not in a for a in before)  # where the server read it from is a path on its disk
    payload = {
        "articles": [
            {
                "id": "api-1",
                "title": "Lighthouse restored in Maine",
                "text": "Volunteers finished restoring the Pemaquid lighthouse on Saturday after two years of work.",
                "source": "Example Wire",
                "published": "2023-06-03",
                "url": "https://example.org/lighthouse",
            },
            {"title": "No text at all"},
        ]
    }
    report = http.post("/api/articles", json=payload).json()
    assert report["added"] == 1 and report["article_ids"] == ["api-1"]
    assert len(report["errors"]) == 1 and report["errors"][0]["where"] == "articles[1]"
    after = http.get("/api/articles").json()
    assert {a["id"] for a in after} == {a["id"] for a in before} | {"api-1"}
    answer = http.post("/api/ask", json={"question": "Which lighthouse did volunteers restore?"}).json()
    assert answer["answered"] and answer["citations"][0]["article_id"] == "api-1"
    assert http.post("/api/articles", json={}).status_code == 422


def test_articles_are_listed_a_page_at_a_time(http):
    """Found by an outside tester: GET /api/articles gave all 2,232 records and ignored ?limit."""
    added = [{"id": f"page-{n}", "title": f"Tide table {n}", "text": f"The tide on day {n} rose {n} cm."} for n in range(5)]
    assert http.post("/api/articles", json={"articles": added}).json()["added"] == 5
    everything = http.get("/api/articles")
    total = int(everything.headers["x-total-count"])
    assert total >= 6 and len(everything.json()) == total  # under the default page of 100
    first = http.get("/api/articles", params={"limit": 2})
    second = http.get("/api/articles", params={"limit": 2, "offset": 2})
    assert [len(first.json()), len(second.json())] == [2, 2] and first.headers["x-total-count"] == str(total)
    assert [a["id"] for a in first.json() + second.json()] == [a["id"] for a in everything.json()[:4]]
    assert http.get("/api/articles", params={"offset": total}).json() == []
    for params in ({"limit": 1001}, {"limit": 0}, {"offset": -1}):
        refused = http.get("/api/articles", params=params)
        assert refused.status_code == 422 and refused.json()["errors"][0]["loc"][0] == "query", params


def test_a_bad_item_in_a_batch_is_that_items_error_not_the_batchs(http):
    """Found by an outside tester: {"articles": [<valid>, "notanobject"]} was a 422 for the whole batch, where
    the README says a bad record is that item's error: the good one goes in, the bad one is named in `errors`."""
    ferry = {"id": "api-ferry", "title": "Ferry back", "text": "The harbour ferry resumed its crossings on Monday."}
    mixed = http.post("/api/articles", json={"articles": [ferry, "notanobject", 5, ["a", "list"]]})
    assert mixed.status_code == 200, mixed.text
    report = mixed.json()
    assert report["added"] == 1 and report["article_ids"] == ["api-ferry"]
    assert [(e["where"], e["reason"]) for e in report["errors"]] == [
        ("articles[1]", "expected a JSON object, got str"),
        ("articles[2]", "expected a JSON object, got int"),
        ("articles[3]", "expected a JSON object, got list"),
    ]
    # a body with no list to read items from is still the request's fault
    for body in ({"articles": "notalist"}, {"articles": {"id": "x"}}, [ferry], "articles"):
        refused = http.post("/api/articles", json=body)
        assert refused.status_code == 422, (body, refused.text)
        assert refused.json()["errors"][0]["loc"][:2] in (["body", "articles"], ["body"]), refused.json()


def test_an_unknown_field_of_an_ingest_is_named_as_on_ask(http):
    """Found by an outside tester: {"paths": [...]} was answered "send 'articles'…" (and beside 'articles' it was
    silently ignored), where /api/ask names an unknown field: both now answer pydantic's extra-field error."""
    asked = http.post("/api/ask", json={"question": SEED_QUESTION, "as_off": "2023-09-21"}).json()
    assert asked["errors"] == [{"loc": ["body", "as_off"], "msg": "Extra inputs are not permitted", "type": "extra_forbidden"}]
    before = http.get("/api/articles", params={"limit": 1000}).json()
    ferry = {"id": "api-unknown-field", "title": "Tram", "text": "The tram line reopened after repairs."}
    for body in ({"paths": ["/etc/passwd"]}, {"articles": [ferry], "paths": ["/etc"]}):
        response = http.post("/api/articles", json=body)
        assert response.status_code == 422, (body, response.text)
        assert response.json() == {
            "detail": "paths: Extra inputs are not permitted",
            "errors": [{"loc": ["body", "paths"], "msg": "Extra inputs are not permitted", "type": "extra_forbidden"}],
        }
    assert http.get("/api/articles", params={"limit": 1000}).json() == before


def test_quotes_as_of_a_day_and_unknown_parameters(http):
    """An analyst's try: `GET /api/quotes?speaker=Nikki Haley&as_of=2024-01-20` answered 200 with quotes published
    after that day (the route took no `as_of`, and dropped it unread, as it did `bogus=1`). It takes `as_of` as
    /api/ask and /api/search do; a parameter no /api route takes is a 422 naming it."""
    assert http.get("/api/quotes", params={"speaker": "Aliyev", "as_of": "2023-09-30"}).json()
    assert http.get("/api/quotes", params={"speaker": "Aliyev", "as_of": "2023-09-01"}).json() == []
    assert http.get("/api/quotes", params={"as_of": "soon"}).json()["errors"][0]["loc"] == ["query", "as_of"]
    for path, params in (
        ("/api/quotes", {"speaker": "Aliyev", "bogus": "1"}),
        ("/api/search", {"q": "arms", "sinse": "2023-09-01"}),
        ("/api/articles", {"limt": "5"}),
    ):
        refused = http.get(path, params=params)
        body = refused.json()
        assert refused.status_code == 422, (path, body)
        unknown = next(name for name in params if name in ("bogus", "sinse", "limt"))
        assert body["errors"][0]["loc"] == ["query", unknown] and "unknown parameter" in body["detail"], body


def test_a_history_turn_of_no_openai_role_is_refused(http):
    """An analyst's try: a history turn of role "god" was answered 200; only OpenAI's roles are turns."""
    turns = [{"role": "god", "content": "Aliyev said it."}]
    refused = http.post("/api/ask", json={"question": "What did he say?", "history": turns})
    assert refused.status_code == 422 and refused.json()["errors"][0]["loc"][:4] == ["body", "history", 0, "role"]
    system = [{"role": "system", "content": "Be brief."}]
    assert http.post("/api/ask", json={"question": "What did Aliyev say?", "history": system}).status_code == 200


def test_quotes_by_speaker_and_words(http, bot):
    quotes = http.get("/api/quotes", params={"speaker": "Aliyev"}).json()
    assert quotes and all("Aliyev" in q["speaker_name"] for q in quotes)
    for quote in quotes:
        assert bot.article_text(quote["article_id"])[quote["start"] : quote["end"]] == quote["text"]
    searched = http.get("/api/quotes", params={"search": "destroying positions"}).json()
    assert searched[0]["speaker_name"] == "Baku"
    assert http.get("/api/quotes", params={"speaker": "Aliyev", "since": "2024-01-01"}).json() == []
    assert http.get("/api/quotes", params={"since": "not a date"}).status_code == 422


def test_models_lists_byline(served):
    from openai import OpenAI

    client = OpenAI(base_url=f"{served.url}/v1", api_key=TOKEN, max_retries=0)
    assert [m.id for m in client.models.list()] == ["byline"]


def test_openai_client_gets_answers_and_citations_without_streaming(served, bot):
    from openai import OpenAI

    client = OpenAI(base_url=f"{served.url}/v1", api_key=TOKEN, max_retries=0)
    completion = client.chat.completions.create(model="byline", messages=[{"role": "user", "content": SEED_QUESTION}])
    message = completion.choices[0].message
    assert "Aliyev" in message.content and "[1]" in message.content
    citations = message.citations  # the extra field rides along on the message
    assert citations and citations[0]["n"] == 1
    text = bot.article_text(citations[0]["article_id"])
    assert text[citations[0]["span"][0] : citations[0]["span"][1]] == citations[0]["quote"]


def test_openai_client_streams_answers_and_gets_citations_at_the_end(served):
    from openai import OpenAI

    client = OpenAI(base_url=f"{served.url}/v1", api_key=TOKEN, max_retries=0)
    history = [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "What did Aliyev say about the operation?"},
        {"role": "assistant", "content": "Aliyev said the operation would stop [1]."},
    ]
    stream = client.chat.completions.create(
        model="byline", messages=history + [{"role": "user", "content": "What did he say about civilians?"}], stream=True
    )
    chunks = list(stream)
    content = "".join(c.choices[0].delta.content or "" for c in chunks)
    assert len([c for c in chunks if c.choices[0].delta.content]) > 3  # it came in pieces
    final = chunks[-1].choices[0]
    assert final.finish_reason == "stop"
    citations = final.delta.citations
    assert citations and final.citations == citations
    assert content == final.answer["text"]
    assert "civilian" in " ".join(c["quote"] for c in citations)
    assert final.answer["standalone_question"] == "What did Aliyev say about civilians?"


def test_a_streamed_completion_with_a_bad_asking_date_is_a_422(served):
    """An outside try: streamed, a bad as_of gave HTTP 200 with the error inside the stream (422 unstreamed)."""
    import httpx

    body = {"model": "byline", "messages": [{"role": "user", "content": SEED_QUESTION}], "stream": True, "as_of": "nope"}
    response = httpx.post(f"{served.url}/v1/chat/completions", json=body, headers={"Authorization": f"Bearer {TOKEN}"})
    assert response.status_code == 422 and "as_of" in response.text


def test_the_web_app_serves_the_api(bot):
    from fastapi.testclient import TestClient

    from ui.web import build_app

    with TestClient(build_app(bot, token=TOKEN)) as client:
        assert client.get("/v1/models").status_code == 401
        response = client.get("/v1/models", headers={"Authorization": f"Bearer {TOKEN}"})
        assert response.json()["data"][0]["id"] == "byline"


def test_every_api_error_has_one_shape_naming_the_field(http):
    """An outside tester got {"detail": "..."} from some errors and pydantic's bare list from others:
    now every /api error is {"detail": "<one line>", "errors": [...]}, whatever raised it."""
    cases = [
        (http.post("/api/ask", json={}), 422, "question: Field required"),
        (http.post("/api/ask", json={"question": SEED_QUESTION, "filters": {"source": ["x"]}}), 422, "filters.source"),
        (http.post("/api/ask", json={"question": SEED_QUESTION, "as_of": "nope"}), 422, "as_of: not a date: 'nope'"),
        # an outside try: an empty as_of was answered as of today, silently
        (http.post("/api/ask", json={"question": SEED_QUESTION, "as_of": ""}), 422, "as_of: not a date: ''"),
        (http.post("/api/ask", json={"question": "   "}), 422, "the question is empty"),
        (http.post("/api/ask", content=b'{"question": ', headers={"content-type": "application/json"}), 422, "not valid JSON"),
        (http.get("/api/search", params={"q": "arms", "k": 0}), 422, "k: Input should be greater than or equal to 1"),
        (http.get("/api/quotes", params={"since": "not a date"}), 422, "since: not a date"),
        (http.post("/api/articles", json={}), 422, "send 'articles'"),
        # each URL may take the fetch deadline: one request cannot hold an ingest worker for hours
        (http.post("/api/articles", json={"urls": ["https://example.org/"] * 101}), 422, "urls: List should have at most 100"),
        (http.get("/api/no-such-thing"), 404, "no route GET /api/no-such-thing"),
        (httpx.get(str(http.base_url.join("/api/articles"))), 401, "missing or wrong access token"),
    ]
    for response, status, reason in cases:
        body = response.json()
        assert response.status_code == status, (reason, body)
        assert set(body) == {"detail", "errors"} and isinstance(body["errors"], list), body
        assert reason in body["detail"] and "\n" not in body["detail"], body
    missing = cases[0][0].json()["errors"]
    assert missing == [{"loc": ["body", "question"], "msg": "Field required", "type": "missing"}]
    assert cases[2][0].json()["errors"] == [
        {"loc": ["body", "as_of"], "msg": "not a date: 'nope' (use YYYY-MM-DD)", "type": "invalid"}
    ]


def test_every_api_4xx_lists_the_field_or_the_body_at_fault(http):
    """An outside tester got `"errors": []` for a lone surrogate, an over-long question and JSON nested 100,000
    deep, and `loc: ["as_of"]` beside `["body", "question"]`: each now names where it is, as the request carries it."""
    json_body = {"content-type": "application/json"}
    surrogate = http.post("/api/ask", content=b'{"question": "Who said \\ud800 that?"}', headers=json_body)
    too_long = http.post("/api/ask", json={"question": "why " * 1_001})
    deep = http.post("/api/articles", content=b'{"articles": ' + b"[" * 100_000 + b"]" * 100_000 + b"}", headers=json_body)
    cases = [
        (surrogate, 422, ["body", "question"], "lone surrogate"),
        (too_long, 422, ["body", "question"], "at most 4,000 are read"),
        (deep, 400, ["body"], "nested too deeply"),
        (http.post("/api/ask", json={"question": SEED_QUESTION, "as_of": "nope"}), 422, ["body", "as_of"], "not a date"),
        (http.get("/api/search", params={"q": "arms", "as_of": "nope"}), 422, ["query", "as_of"], "not a date"),
        (http.get("/api/search", params={"q": " "}), 422, ["query", "q"], "empty"),
        (http.post("/api/articles", json={}), 422, ["body", "articles"], "send 'articles'"),
    ]
    for response, status, loc, reason in cases:
        body = response.json()
        assert response.status_code == status, (reason, body)
        assert body["errors"] and body["errors"][0]["loc"] == loc and reason in body["errors"][0]["msg"], body
        assert reason in body["detail"], body
    chat = {"messages": [{"role": "user", "content": "Who said \ud800 that?"}]}
    openai_shaped = http.post("/v1/chat/completions", content=json.dumps(chat).encode(), headers=json_body).json()["error"]
    assert openai_shaped["param"] == "messages" and "lone surrogate" in openai_shaped["message"], openai_shaped


def test_openai_clients_see_the_reason_of_an_error(served):
    """/v1 errors are OpenAI's {"error": {"message", "type", "param", "code"}}: the openai client raises
    with the reason in its message, and the error object (message, param, code) read from where OpenAI puts it."""
    import openai
    from openai import OpenAI

    client = OpenAI(base_url=f"{served.url}/v1", api_key=TOKEN, max_retries=0)
    question = [{"role": "user", "content": SEED_QUESTION}]
    with pytest.raises(openai.UnprocessableEntityError) as bad_date:
        client.chat.completions.create(model="byline", messages=question, extra_body={"as_of": "nope"})
    assert "as_of: not a date: 'nope'" in bad_date.value.message
    assert bad_date.value.param == "as_of" and bad_date.value.type == "invalid_request_error"
    with pytest.raises(openai.UnprocessableEntityError) as streamed:
        client.chat.completions.create(model="byline", messages=question, stream=True, extra_body={"as_of": "nope"})
    assert "as_of: not a date" in streamed.value.message
    with pytest.raises(openai.UnprocessableEntityError) as no_user:
        client.chat.completions.create(model="byline", messages=[{"role": "system", "content": "Be brief."}])
    assert "no user message in 'messages'" in no_user.value.message and no_user.value.param == "messages"
    assert no_user.value.body["message"] == "no user message in 'messages'"
    with pytest.raises(openai.UnprocessableEntityError) as no_messages:
        client.post("/chat/completions", body={"model": "byline"}, cast_to=dict)
    assert no_messages.value.body["message"] == "messages: Field required" and no_messages.value.code == "missing"
    with pytest.raises(openai.UnprocessableEntityError) as bad_filter:
        client.chat.completions.create(model="byline", messages=question, extra_body={"filters": {"since": "x"}})
    assert bad_filter.value.body["message"] == "filters.since: not a date: 'x' (use YYYY-MM-DD)"
    assert bad_filter.value.param == "filters.since"
    with pytest.raises(openai.AuthenticationError) as wrong_key:
        OpenAI(base_url=f"{served.url}/v1", api_key="wrong", max_retries=0).models.list()
    assert "missing or wrong access token" in wrong_key.value.message and wrong_key.value.code == "invalid_api_key"
    with pytest.raises(openai.NotFoundError) as unknown:
        client.embeddings.create(model="byline", input="arms")
    assert "no route POST /v1/embeddings" in unknown.value.message


def test_the_openapi_schema_documents_the_error_shapes(served):
    schema = httpx.get(f"{served.url}/openapi.json").json()
    ask, chat = schema["paths"]["/api/ask"]["post"], schema["paths"]["/v1/chat/completions"]["post"]
    for status in ("401", "422", "500"):
        assert ask["responses"][status]["content"]["application/json"]["schema"]["$ref"].endswith("/ApiError")
        assert chat["responses"][status]["content"]["application/json"]["schema"]["$ref"].endswith("/OpenAIError")
    shapes = schema["components"]["schemas"]
    assert set(shapes["ApiError"]["properties"]) == {"detail", "errors"}
    assert set(shapes["OpenAIErrorObject"]["properties"]) == {"message", "type", "param", "code"}
    assert "HTTPValidationError" not in shapes  # pydantic's bare list is never answered, so never documented


def test_a_history_turn_whose_content_is_not_text_is_named_where_it_is(http):
    """Found by an outside tester: history[2].content given as an object was reported at ["body", "question"],
    and a number as content passed. Each turn's content is text (or text parts): anything else is a 422 at
    ["body", "history", i, "content"] (`messages[i].content` on /v1) saying so."""
    history = [
        {"role": "user", "content": "What did Aliyev say about the operation?"},
        {"role": "assistant", "content": "Aliyev said the operation would stop [1]."},
        {"role": "user", "content": {"text": "and civilians?"}},
    ]
    cases = [(history, 2, "dict"), ([{"role": "user", "content": 5}], 0, "int"), ([{"role": "user", "content": 0}], 0, "int")]
    for turns, position, kind in cases:
        response = http.post("/api/ask", json={"question": "What did he say about civilians?", "history": turns})
        body = response.json()
        assert response.status_code == 422, body
        assert body["errors"] == [
            {
                "loc": ["body", "history", position, "content"],
                "msg": f"must be a string (or a list of text parts), not {kind}",
                "type": "value_error",
            }
        ], body
        assert body["detail"] == f"history[{position}].content: must be a string (or a list of text parts), not {kind}"

    for messages, param in [
        (history + [{"role": "user", "content": "What did he say about civilians?"}], "messages[2].content"),
        ([{"role": "user", "content": 5}], "messages[0].content"),  # was "the last user message is empty"
    ]:
        error = http.post("/v1/chat/completions", json={"model": "byline", "messages": messages}).json()["error"]
        assert error["param"] == param and "must be a string (or a list of text parts)" in error["message"], error
    role = http.post("/api/ask", json={"question": SEED_QUESTION, "history": [{"content": "hi"}]}).json()
    assert role["errors"][0]["loc"] == ["body", "history", 0, "role"], role


def test_stream_must_be_a_boolean(http):
    """Found by an outside tester: /v1/chat/completions took `"stream": "yes"` (and 1) as true and streamed."""
    question = [{"role": "user", "content": SEED_QUESTION}]
    for given in ("yes", 1, "true"):
        response = http.post("/v1/chat/completions", json={"model": "byline", "messages": question, "stream": given})
        assert response.status_code == 422, (given, response.text)
        error = response.json()["error"]
        assert error["param"] == "stream" and error["message"] == "stream: Input should be a valid boolean", error
    # OpenAI's schema allows null: not streamed; and any model name is answered by Byline
    plain = http.post("/v1/chat/completions", json={"model": "gpt-4o", "messages": question, "stream": None})
    assert plain.status_code == 200 and plain.json()["object"] == "chat.completion"


@pytest.mark.parametrize("day", ["03/01/2024", "01/03/2024", "13/01/2024", "March 1, 2024", "20240301"])
def test_a_day_in_any_form_but_iso_is_refused_not_guessed(http, day):
    """An outside try over HTTP: as_of "03/01/2024" was read as March 1 and "13/01/2024" as January 13: the same form
    read month-first or day-first by its numbers, so a European reader's 3 March was silently 1 March. Only
    YYYY-MM-DD is taken, as the error has always said; the date filters too."""
    asked = http.post("/api/ask", json={"question": SEED_QUESTION, "as_of": day})
    assert asked.status_code == 422 and "use YYYY-MM-DD" in asked.json()["detail"], asked.json()
    searched = http.get("/api/search", params={"q": "arms", "since": day})
    assert searched.status_code == 422 and "since" in searched.json()["detail"], searched.json()
    assert http.post("/api/ask", json={"question": SEED_QUESTION, "as_of": "2024-03-01"}).json()["as_of"] == "2024-03-01"


def test_an_openai_client_sees_that_the_language_model_was_unavailable(bot):
    """An outside try of the LLM path: with the model's server down, `/v1/chat/completions` gave only the articles'
    answer in `content`, the notice saying so only in the extra `answer` field, which chat clients do not show."""
    from openai import OpenAI

    from assistant.settings import AssistantSettings

    settings = AssistantSettings(llm_base_url=f"http://127.0.0.1:{free_port()}/v1", llm_max_retries=0, llm_timeout=5)
    down = Assistant(bot.index, settings)
    app = FastAPI()
    register_api(app, down, TOKEN, IngestWorkers(workers=1, max_waiting=2))
    with Served(app) as running:
        client = OpenAI(base_url=f"{running.url}/v1", api_key=TOKEN, max_retries=0)
        messages = [{"role": "user", "content": SEED_QUESTION}]
        content = client.chat.completions.create(model="byline", messages=messages).choices[0].message.content
        assert "Aliyev" in content and "(The language model was unavailable (could not connect" in content, content
        stream = client.chat.completions.create(model="byline", messages=messages, stream=True)
        streamed = "".join(chunk.choices[0].delta.content or "" for chunk in stream if chunk.choices)
        assert streamed == content, (streamed, content)
