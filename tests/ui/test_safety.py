"""`byline serve` attacked as a hostile or careless user would (issue 11): the real app on uvicorn,
httpx as the attacker, local test servers on 127.0.0.1 for the slow URL."""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest

from tests.ui.conftest import SEED_QUESTION, running_app
from ui.web import WebSettings

TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def bot(embedding, tmp_path_factory):
    """An index of its own, fetching from this machine allowed (the slow server below lives on loopback)."""
    from assistant import Assistant
    from ingest.pipeline import Index
    from ingest.settings import IngestSettings
    from tests.conftest import SEEDS

    settings = IngestSettings(data_dir=tmp_path_factory.mktemp("safety"), fetch_allowed_hosts=["127.0.0.1"], fetch_deadline_s=120)
    bot = Assistant(Index.open(settings, embedding=embedding))
    bot.add([SEEDS])
    return bot


@pytest.fixture(scope="module")
def url(bot) -> Iterator[str]:
    settings = WebSettings(max_upload_mb=0.05, sign_in_attempts=5, ingest_workers=1, ingest_waiting=1)
    with running_app(bot, settings=settings) as served:
        yield served


def test_a_request_cannot_make_the_server_read_its_own_files(url, bot):
    paths = ["/etc/passwd", "~/.bashrc", "../../etc/hostname", "/etc/*.conf", "file:///etc/passwd"]
    response = httpx.post(f"{url}/api/articles", json={"urls": paths}, timeout=60)
    assert response.status_code == 200
    report = response.json()
    assert report["added"] == 0 and len(report["errors"]) == len(paths)
    assert all("only http(s) URLs" in error["reason"] for error in report["errors"])
    passages = httpx.get(f"{url}/api/search", params={"q": "root x 0 0 root bin bash"}).json()
    assert all("root:x:0" not in passage["text"] for passage in passages)


def test_a_url_of_another_scheme_is_refused_for_its_scheme(url):
    """Found by an outside tester: gopher:// was refused as "a path on the server is never read", a wrong
    reason: it is a URL whose scheme is not http(s), and the report says so, naming the scheme."""
    urls = ["gopher://example.com/x", "FTP://example.com/a.txt", "file:///etc/passwd"]
    report = httpx.post(f"{url}/api/articles", json={"urls": urls}, timeout=60).json()
    assert report["added"] == 0 and len(report["errors"]) == len(urls), report
    for error, scheme in zip(report["errors"], ("gopher", "FTP", "file"), strict=True):
        assert f"the scheme {scheme}:// is not http or https" in error["reason"], error
        assert "path on the server" not in error["reason"], error
    # ... and one with no "//" (an analyst's "data:" was told a path on the server is never read)
    report = httpx.post(f"{url}/api/articles", json={"urls": ["data:text/html,<b>x</b>", "javascript:alert(1)"]}).json()
    reasons = [error["reason"] for error in report["errors"]]
    assert [r.split(" is not")[0] for r in reasons] == ["the scheme data:", "the scheme javascript:"], reasons


def test_a_file_reference_in_a_chat_call_never_reads_a_server_file(url, tmp_path):
    """The chat's add_articles endpoint took {"path": "/etc/passwd"} as an upload: a mounted Gradio app never
    "launched" copies any named file into its upload folder, where it passed as uploaded (found by an outside try)."""
    secret = tmp_path / "server-only.txt"
    secret.write_text("Server secret\n\nThe launch code of the server is 4711 and must never be indexed.\n")
    for path in (str(secret), "/etc/passwd"):
        file_data = {"path": path, "meta": {"_type": "gradio.FileData"}}
        started = httpx.post(f"{url}/gradio_api/call/add_articles", json={"data": [[file_data], ""]}, timeout=30)
        if started.status_code == 200:  # the call is queued: its event stream says how it ended
            events = httpx.get(f"{url}/gradio_api/call/add_articles/{started.json()['event_id']}", timeout=60).text
            assert "added" not in events.replace("0 added", ""), events
        for query in ("launch code of the server 4711", "root x 0 0 root bin bash"):
            texts = [p["text"] for p in httpx.get(f"{url}/api/search", params={"q": query}).json()]
            assert all("4711" not in t and "root:x:0" not in t for t in texts), texts


def test_bodies_over_the_limit_are_refused_before_parsing(url):
    big = {"articles": [{"title": "Big", "text": "word " * 20_000}]}  # ~100 kB, over the 50 kB limit
    declared = httpx.post(f"{url}/api/articles", json=big, timeout=30)
    assert declared.status_code == 413 and "limit" in declared.json()["detail"]
    # the body is what is at fault, and `errors` says so, as the README promises of every /api error
    assert [error["loc"] for error in declared.json()["errors"]] == [["body"]], declared.json()
    assert "BYLINE_MAX_UPLOAD_MB" in declared.json()["errors"][0]["msg"]

    def chunked() -> Iterator[bytes]:  # no Content-Length: the guard counts what arrives
        body = json.dumps(big).encode()
        for start in range(0, len(body), 8192):
            yield body[start : start + 8192]

    streamed = httpx.post(f"{url}/api/articles", content=chunked(), headers={"content-type": "application/json"}, timeout=30)
    assert streamed.status_code == 413 and streamed.json()["errors"][0]["loc"] == ["body"]


def test_another_origin_cannot_change_the_server(url, bot):
    before = len(bot.articles())
    article = {"articles": [{"title": "Planted", "text": "A page on another port planted this article in the index."}]}
    for origin in ("http://127.0.0.1:9", "http://evil.example", "null"):
        response = httpx.post(f"{url}/api/articles", json=article, headers={"Origin": origin}, timeout=30)
        assert response.status_code == 403, origin
        assert "cross-origin" in response.json()["detail"]
    # Gradio's own routes are behind the same guard (a page once made Byline ingest a file through them)
    gradio = httpx.post(f"{url}/gradio_api/queue/join", json={}, headers={"Origin": "http://127.0.0.1:9"}, timeout=30)
    assert gradio.status_code == 403
    # the guard's refusals come in the error shape of the path: OpenAI's under /v1, for OpenAI clients
    chat = {"messages": [{"role": "user", "content": SEED_QUESTION}]}
    openai_shaped = httpx.post(f"{url}/v1/chat/completions", json=chat, headers={"Origin": "http://evil.example"}, timeout=30)
    assert openai_shaped.status_code == 403 and "cross-origin" in openai_shaped.json()["error"]["message"]
    assert len(bot.articles()) == before
    same_origin = httpx.post(f"{url}/api/ask", json={"question": SEED_QUESTION}, headers={"Origin": url}, timeout=60)
    assert same_origin.status_code == 200 and same_origin.json()["citations"]


def test_user_mistakes_are_4xx_with_a_reason_never_500(url):
    surrogate = b'{"question": "Who said \\ud800 that?"}'
    response = httpx.post(f"{url}/api/ask", content=surrogate, headers={"content-type": "application/json"}, timeout=30)
    assert response.status_code == 422 and "lone surrogate" in response.text
    backwards = httpx.post(
        f"{url}/api/ask", json={"question": SEED_QUESTION, "filters": {"since": "2023-10-01", "until": "2023-09-01"}}
    )
    assert backwards.status_code == 422 and "date range is empty" in backwards.text
    nested = b'{"articles": ' + b"[" * 20_000 + b"]" * 20_000 + b"}"
    deep = httpx.post(f"{url}/api/articles", content=nested, headers={"content-type": "application/json"}, timeout=30)
    assert 400 <= deep.status_code < 500
    record = {"articles": [{"title": "Nested", "text": {"body": {"deeper": "text"}}}, {"title": "Fine", "text": "Plain words."}]}
    mixed = httpx.post(f"{url}/api/articles", json=record, timeout=60)
    assert mixed.status_code == 200
    assert mixed.json()["added"] == 1 and mixed.json()["errors"][0]["where"] == "articles[0]"


def test_a_filter_that_excludes_everything_says_so(url):
    unknown = httpx.post(f"{url}/api/ask", json={"question": SEED_QUESTION, "filters": {"sources": ["usatoday"]}}, timeout=60)
    text = unknown.json()["text"]
    # the sources indexed: the seeds, and "api" for the records earlier tests posted with none
    assert "No article from usatoday is indexed" in text and "seeds" in text.partition("Sources here: ")[2]
    assert unknown.json()["answered"] is False


@contextmanager
def slow_server() -> Iterator[str]:
    """An HTTP server on 127.0.0.1 that sends its page one byte a second (and never finishes in time)."""
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def handle(connection: socket.socket) -> None:
        with connection:
            connection.recv(65536)
            connection.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nContent-Length: 100000\r\n\r\n")
            while not stop.is_set():
                try:
                    connection.sendall(b"x")
                except OSError:
                    return
                stop.wait(1.0)

    def accept() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:  # the listener was closed: the test is over
                return
            threading.Thread(target=handle, args=(connection,), daemon=True).start()

    threading.Thread(target=accept, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{listener.getsockname()[1]}/slow.txt"
    finally:
        stop.set()
        listener.close()


def test_a_slow_url_stalls_no_one_and_a_full_queue_says_so(url):
    """Ingests run on their own workers: questions are answered while a URL trickles in, and when the
    workers and the waiting line are full, one more ingest is refused at once (503), not queued for ever."""
    with slow_server() as slow, httpx.Client(timeout=180) as client:
        finished: dict[str, float] = {}

        def ingest(name: str) -> None:
            try:
                client.post(f"{url}/api/articles", json={"urls": [slow]})
            except httpx.TransportError:  # the test ended and closed the client while the slow ingest went on
                return
            finished[name] = time.monotonic()

        # one worker and one waiting place (the module's settings): two slow ingests fill them
        ingests = [threading.Thread(target=ingest, args=(f"slow-{n}",), daemon=True) for n in range(2)]
        for thread in ingests:
            thread.start()
        time.sleep(1.0)
        refused = client.post(f"{url}/api/articles", json={"urls": [slow]})
        assert refused.status_code == 503 and refused.headers["retry-after"]
        for _ in range(3):
            answer = client.post(f"{url}/api/ask", json={"question": SEED_QUESTION})
            assert answer.status_code == 200 and answer.json()["citations"]
        assert not finished, "the questions should have been answered while the slow ingests were still running"


def test_sign_in_attempts_are_rate_limited(bot):
    settings = WebSettings(sign_in_attempts=5)
    with running_app(bot, token=TOKEN, settings=settings) as served:
        statuses = [httpx.post(f"{served}/login", data={"username": "x", "password": f"guess-{n}"}).status_code for n in range(8)]
        assert statuses[:5] == [400] * 5 and statuses[5:] == [429] * 3
        api = [httpx.get(f"{served}/api/articles", headers={"Authorization": f"Bearer guess-{n}"}).status_code for n in range(3)]
        assert api == [429] * 3, "the same client address is limited on every sign-in route"


def test_a_text_part_that_is_not_text_is_a_422_not_a_500(url):
    """Found by tests/stress/test_api_schema_fuzz.py: a content part {"type": "text", "text": <not a string>}
    in the question or the history was joined as text and raised TypeError, a 500 (a dropped stream when streaming)."""
    part = [{"type": "text", "text": {"not": "text"}}]
    requests = [
        ("/v1/chat/completions", {"messages": [{"role": "user", "content": part}]}),
        ("/v1/chat/completions", {"messages": [{"role": "user", "content": part}, {"role": "user", "content": SEED_QUESTION}]}),
        (
            "/v1/chat/completions",
            {
                "stream": True,
                "messages": [
                    {"role": "assistant", "content": [{"type": "text", "text": None}]},
                    {"role": "user", "content": SEED_QUESTION},
                ],
            },
        ),
        ("/api/ask", {"question": SEED_QUESTION, "history": [{"role": "user", "content": part}]}),
    ]
    for path, body in requests:
        response = httpx.post(f"{url}{path}", json=body, timeout=60)
        assert response.status_code == 422, (path, body, response.text)
        body = response.json()
        reason = body["error"]["message"] if path.startswith("/v1") else body["detail"]
        assert "a text part's 'text' must be a string" in reason
    fine = [
        {"type": "text", "text": "Who said that anti-terrorist measures will be stopped"},
        {"type": "image_url", "image_url": {}},
    ]
    answered = httpx.post(f"{url}/v1/chat/completions", json={"messages": [{"role": "user", "content": fine}]}, timeout=60)
    assert answered.status_code == 200 and answered.json()["citations"]


def test_an_upload_in_one_tab_does_not_hold_up_anothers_question(url):
    """The chat's questions and its 'Add articles' jobs are separate queues: a slow URL being added in
    one session must not keep another session's question waiting (it waited 87 s, p50, before)."""
    from gradio_client import Client

    with slow_server() as slow:
        adder, asker = Client(url, verbose=False), Client(url, verbose=False)
        adding = adder.submit(None, slow, api_name="/add_articles")
        time.sleep(1.0)  # the slow fetch is under way
        chat, evidence, _ = asker.predict(SEED_QUESTION, api_name="/chat")
        assert "Aliyev" in str(chat[-1]["content"]) and "<mark>" in evidence
        assert not adding.done(), "the question should be answered while the slow URL is still being added"


def test_a_dns_rebinding_page_gets_nothing(url, bot):
    """Found by an outside try: a page at evil.example:7860 whose name is rebound to 127.0.0.1 sends
    Host and Origin evil.example:7860, which matched, so it read the index and planted an article."""
    before = len(bot.articles())
    rebound = {"Host": "evil.example:7860", "Origin": "http://evil.example:7860"}
    planted = {"articles": [{"title": "Planted", "text": "A page that rebound its DNS name planted this article."}]}
    attempts = [
        httpx.get(f"{url}/api/articles", headers=rebound),
        httpx.post(f"{url}/api/articles", json=planted, headers=rebound, timeout=30),
        httpx.get(f"{url}/", headers=rebound),  # the chat too
        httpx.get(f"{url}/config", headers=rebound),
    ]
    for response in attempts:
        assert response.status_code == 403, response.request.url
        assert "is not served" in response.text and "Aliyev" not in response.text
    assert len(bot.articles()) == before
    port = url.rsplit(":", 1)[1]
    for host in (f"localhost:{port}", f"127.0.0.1:{port}", f"[::1]:{port}", "localhost"):
        assert httpx.get(f"{url}/healthz", headers={"Host": host}).status_code == 200, host


def test_a_page_on_another_local_port_cannot_read_the_chat(url):
    """Gradio answers CORS for any localhost origin, credentials included: a page on another port of
    this machine could read the chat's routes. Replies to another origin now carry no CORS header."""
    for origin in ("http://localhost:9", "http://127.0.0.1:9"):
        config = httpx.get(f"{url}/config", headers={"Origin": origin})
        assert config.status_code == 200 and not any(h.startswith("access-control-") for h in config.headers), origin
        preflight = httpx.options(f"{url}/api/ask", headers={"Origin": origin, "Access-Control-Request-Method": "POST"})
        assert "access-control-allow-origin" not in preflight.headers, origin


def test_no_other_origin_can_frame_the_chat(url):
    """Found by an outside try: `<iframe src="http://127.0.0.1:7871/">` on any page showed the chat (clickjacking).
    Every response, the chat, the API and a refusal alike, now forbids framing by another origin."""
    responses = [
        httpx.get(f"{url}/"),
        httpx.get(f"{url}/api/articles"),
        httpx.get(f"{url}/api/no-such-route"),
        httpx.post(f"{url}/api/articles", json={}, headers={"Origin": "http://evil.example"}),  # refused by the guard
    ]
    for response in responses:
        assert response.headers.get("content-security-policy") == "frame-ancestors 'self'", response.request.url
        assert response.headers.get("x-frame-options") == "SAMEORIGIN", response.request.url
    assert [r.status_code for r in responses] == [200, 200, 404, 403]


def test_with_a_token_any_host_name_is_served(bot):
    """With a token, a rebinding page has no credentials: the server may be reached by its DNS name."""
    with running_app(bot, token=TOKEN) as served:
        response = httpx.get(f"{served}/api/articles", headers={"Host": "byline.example", "Authorization": f"Bearer {TOKEN}"})
        assert response.status_code == 200 and response.json()
        assert httpx.get(f"{served}/api/articles", headers={"Host": "byline.example"}).status_code == 401


@contextmanager
def article_server(body: dict) -> Iterator[str]:
    """A real HTTP server on 127.0.0.1 answering every path with `body` as a JSON article."""
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    payload = json.dumps(body).encode()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args) -> None:  # quiet: the test reads the report, not the log
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_request_cannot_overwrite_an_article_ingested_from_disk(url, bot):
    """Found by an outside tester: a record posted with the seed article's id replaced it ('Hijacked').
    A request may replace only what came in over HTTP; the rest of its batch goes on."""
    seed = next(a for a in bot.articles() if a.source == "seeds")
    seed_text = bot.article_text(seed.id)
    hijack = {"id": seed.id, "title": "Hijacked", "text": "This text replaced the seed article."}
    mine = {"id": "posted-1", "title": "Ferry timetable", "text": "The Quillan ferry runs hourly from Monday."}
    report = httpx.post(f"{url}/api/articles", json={"articles": [hijack, mine]}, timeout=60).json()
    assert report["added"] == 1 and report["article_ids"] == ["posted-1"]
    [refused] = report["errors"]
    assert refused["status"] == 409 and refused["where"] == "articles[0]"
    assert seed.id in refused["reason"] and "may not replace" in refused["reason"]
    assert bot.article_text(seed.id) == seed_text
    assert next(a for a in bot.articles() if a.id == seed.id).title != "Hijacked"

    # a URL fetched through the API may not take the seed's place either
    with article_server(hijack) as served_article:
        fetched = httpx.post(f"{url}/api/articles", json={"urls": [f"{served_article}/hijack.json"]}, timeout=60).json()
    assert fetched["added"] == fetched["updated"] == 0 and fetched["errors"][0]["status"] == 409
    assert bot.article_text(seed.id) == seed_text

    # the seed sent back exactly as stored loses nothing: a no-op, not an error
    fields = ("title", "source", "url", "published", "author")
    same = {"id": seed.id, "text": seed_text, **{name: getattr(seed, name) for name in fields}}
    again = httpx.post(f"{url}/api/articles", json={"articles": [same]}, timeout=60).json()
    assert again["unchanged"] == 1 and not again["errors"], again

    # what came in over HTTP is the caller's: the same record is a no-op, a changed one replaces it
    unchanged = httpx.post(f"{url}/api/articles", json={"articles": [mine]}, timeout=60).json()
    assert unchanged["unchanged"] == 1 and not unchanged["errors"]
    changed = {**mine, "text": "The Quillan ferry runs every half hour from Monday."}
    updated = httpx.post(f"{url}/api/articles", json={"articles": [changed]}, timeout=60).json()
    assert updated["updated"] == 1 and not updated["errors"]
    assert bot.article_text("posted-1") == changed["text"]


def test_a_request_cannot_add_an_article_under_the_url_of_one_from_disk(url, bot, tmp_path):
    """Found by an outside tester: a record posted under a new id (the upper-cased id of an article read from disk)
    with that article's url was added beside it and cited as the real usatoday.com story. Refused (409) by
    record, naming the url; the rest of the batch goes on; a fetched article under that url is refused too."""
    story = "https://www.usatoday.com/story/news/world/2023/09/20/harbour-closure/0001/"
    disk = tmp_path / "operator.jsonl"
    real = {"id": "usat-harbour", "title": "Harbour closes", "url": story, "text": "The Quillan harbour closed on Monday."}
    disk.write_text(json.dumps(real) + "\n")
    assert bot.add([disk]).added == 1
    impostor = {**real, "id": "USAT-HARBOUR", "title": "Harbour closes", "text": "The harbour was sold to a casino."}
    mine = {"id": "posted-url-1", "title": "Ferry fares", "text": "Ferry fares in Quillan rise by a tenth in May."}
    report = httpx.post(f"{url}/api/articles", json={"articles": [impostor, mine]}, timeout=60).json()
    assert report["added"] == 1 and report["article_ids"] == ["posted-url-1"], report
    [refused] = report["errors"]
    assert refused["status"] == 409 and refused["where"] == "articles[0]" and story in refused["reason"]
    assert all(a.id != "USAT-HARBOUR" for a in bot.articles())

    with article_server({**impostor, "id": "usat-fetched"}) as served_article:
        fetched = httpx.post(f"{url}/api/articles", json={"urls": [f"{served_article}/story.json"]}, timeout=60).json()
    assert fetched["added"] == 0 and fetched["errors"][0]["status"] == 409 and story in fetched["errors"][0]["reason"]
    assert [a.id for a in bot.articles() if a.url == story] == ["usat-harbour"]

    # an article of the caller's own may still share a url with another of the caller's
    twin = {**mine, "id": "posted-url-2", "url": "https://example.org/ferry", "text": "Fares rise in May."}
    second = {**twin, "id": "posted-url-3", "text": "Fares rise by a tenth."}
    assert httpx.post(f"{url}/api/articles", json={"articles": [twin, second]}, timeout=60).json()["added"] == 2


def test_a_changed_file_still_replaces_its_article(make_assistant, tmp_path):
    """The operator's own ingest (CLI, disk) is unchanged: a changed file replaces its article."""
    bot = make_assistant()
    note = tmp_path / "note.txt"
    note.write_text("Harbour note\n\nThe tide rose ten centimetres on Monday.\n")
    assert bot.add([note]).added == 1
    note.write_text("Harbour note\n\nThe tide rose twelve centimetres on Monday.\n")
    report = bot.add([note])
    assert report.updated == 1 and not report.errors
    assert "twelve" in bot.article_text(report.article_ids[0])


def test_an_upper_case_scheme_is_a_url_under_every_fetch_guard(url, make_assistant):
    """Found by an outside tester: 'HTTP://…' was refused as 'only http(s) URLs'. Schemes are
    case-insensitive; such a URL is fetched under the same guards as any other."""
    with article_server({"id": "upper-1", "title": "Upper case", "text": "A page fetched by an upper-case URL."}) as served:
        shouted = "HTTP://" + served.removeprefix("http://") + "/story.json"
        fetched = httpx.post(f"{url}/api/articles", json={"urls": [shouted]}, timeout=60).json()
    assert fetched["added"] == 1 and fetched["article_ids"] == ["upper-1"], fetched

    # an index that allows no internal host: loopback, however the scheme is written, is still refused
    with running_app(make_assistant()) as strict:
        urls = ["HTTP://127.0.0.1/", "hTTpS://[::1]:8443/x", "HTTPS://news.example/story"]
        report = httpx.post(f"{strict}/api/articles", json={"urls": urls}, timeout=120).json()
    assert report["added"] == 0 and len(report["errors"]) == len(urls)
    assert all("only http(s) URLs" not in error["reason"] for error in report["errors"]), report
    assert "127.0.0.1 is a loopback address" in report["errors"][0]["reason"]
    assert "::1 is a loopback address" in report["errors"][1]["reason"]


def test_a_reverse_proxys_host_name_can_be_allowed(bot, monkeypatch):
    """Behind a reverse proxy that sends its own Host name, BYLINE_ALLOWED_HOSTS lets that name in
    (chat and API alike) without a token; every other DNS name is still refused."""
    monkeypatch.setenv("BYLINE_ALLOWED_HOSTS", "byline.internal, Proxy.Example.")
    settings = WebSettings()
    assert settings.allowed_hosts == ["byline.internal", "Proxy.Example."]
    with running_app(bot, settings=settings) as served:
        for host in ("byline.internal", "byline.internal:8080", "proxy.example"):
            for path in ("/api/articles", "/config"):
                assert httpx.get(f"{served}{path}", headers={"Host": host}).status_code == 200, (host, path)
        refused = httpx.get(f"{served}/api/articles", headers={"Host": "evil.example"})
        assert refused.status_code == 403 and "BYLINE_ALLOWED_HOSTS" in refused.json()["detail"]


def test_the_browser_state_key_is_sent_only_to_a_signed_in_page(bot):
    """Found by a security test: GET /config (no token set) returned the key the conversation kept in the browser
    is encrypted with. Gradio's BrowserState encrypts and decrypts in the browser (its frontend reads
    `props.secret` from the config), so the page must be sent the key: without a token every local user may load
    the chat and so the key, which is why the README asks for BYLINE_TOKEN. With a token, nothing served before
    sign-in carries it; the signed-in page does, as it must to read what its browser kept."""
    with running_app(bot, token=TOKEN) as served:
        secret = (bot.index.settings.data_dir / "web-secret").read_text().strip()  # made when the chat is built
        assert len(secret) >= 16
        routes = ["/", "/config", "/gradio_api/info", "/gradio_api/openapi.json", "/openapi.json", "/docs", "/healthz"]
        for route in routes:
            response = httpx.get(f"{served}{route}")
            assert secret not in response.text, f"{route} ({response.status_code}) sends the key before sign-in"
        with httpx.Client(base_url=served) as page:
            assert page.post("/login", data={"username": "me", "password": TOKEN}).status_code == 200
            config = page.get("/config")
            assert config.status_code == 200 and secret in config.text


def test_a_file_reference_to_a_url_is_refused_at_the_door(url):
    """An outside try: a file reference whose path is a URL made Gradio download it on the server with its own
    downloader, past BYLINE_FETCH_URLS and every limit of Byline's fetch (1 GB downloaded; a slow server held 17
    minutes). The guard refuses it before Gradio reads it, on every route a chat call comes in by."""
    file_data = {
        "path": "https://example.com/big?mb=1000",
        "url": "https://example.com/big",
        "meta": {"_type": "gradio.FileData"},
    }
    for route, body in (
        ("/gradio_api/call/add_articles", {"data": [[file_data], ""]}),
        ("/gradio_api/queue/join", {"data": [[file_data], ""], "fn_index": 0, "session_hash": "abcdef1234"}),
        ("/gradio_api/queue/join", {"data": [[dict(file_data, path="HTTP://example.com/a.txt")], ""], "fn_index": 0}),
    ):
        response = httpx.post(f"{url}{route}", json=body, timeout=30)
        assert response.status_code == 403, (route, response.text)
        assert "files reach the chat only as uploads" in response.text
    # an uploaded file's reference (a path on the server, its URL the server's own) is no URL to fetch
    uploaded = {
        "path": "/tmp/gradio/x/a.txt",
        "url": f"{url}/gradio_api/file=/tmp/gradio/x/a.txt",
        "meta": {"_type": "gradio.FileData"},
    }
    assert httpx.post(f"{url}/gradio_api/call/add_articles", json={"data": [[uploaded], ""]}, timeout=30).status_code != 403


def test_a_second_host_or_origin_header_is_refused(url):
    """An outside try: with two Origin headers only the last was checked, and with two Host headers the host check
    read the first and the origin check the last, so "Host: 127.0.0.1, Host: evil.com, Origin: http://evil.com" passed.
    No browser sends either twice."""
    port = int(url.rsplit(":", 1)[1])
    body = json.dumps({"question": SEED_QUESTION}).encode()
    for headers in (
        [f"Host: 127.0.0.1:{port}", "Origin: http://evil.com", f"Origin: http://127.0.0.1:{port}"],
        [f"Host: 127.0.0.1:{port}", "Host: evil.com", "Origin: http://evil.com"],
    ):
        # a raw request: httpx will not send a header twice
        head = ["POST /api/ask HTTP/1.1", *headers, "Content-Type: application/json", f"Content-Length: {len(body)}"]
        with socket.create_connection(("127.0.0.1", port), timeout=30) as connection:
            connection.sendall(("\r\n".join([*head, "Connection: close", "", ""])).encode() + body)
            reply = b""
            while chunk := connection.recv(65536):
                reply += chunk
        status = reply.split(b"\r\n", 1)[0]
        assert b" 400 " in status, reply[:300]
        assert b"one Host and one Origin" in reply


def test_a_question_is_kept_to_a_bounded_number_of_sources(url):
    """An outside try: a million sources in one 10 MB body took 30 s of a worker and came back as 19 MB of "No article
    from s0, s1, …"; six at once slowed everyone's questions twentyfold. A question names at most 200 sources."""
    many = {"question": SEED_QUESTION, "filters": {"sources": [f"s{i}" for i in range(2_000)]}}
    for route, body in (
        ("/api/ask", many),
        ("/v1/chat/completions", {"messages": [{"role": "user", "content": SEED_QUESTION}], "filters": many["filters"]}),
    ):
        started = time.monotonic()
        response = httpx.post(f"{url}{route}", json=body, timeout=60)
        assert response.status_code in (400, 422), (route, response.text[:300])
        assert "at most 200" in response.text and time.monotonic() - started < 10
        assert len(response.content) < 20_000  # the refusal does not echo the list back
    named_twice = httpx.post(
        f"{url}/api/ask", json={"question": SEED_QUESTION, "filters": {"sources": ["x"] * 150 + ["y"]}}, timeout=60
    )
    assert named_twice.status_code == 200
