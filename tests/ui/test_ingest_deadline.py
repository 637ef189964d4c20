"""An ingest request cannot hold an ingest worker for long (found by an outside tester): ~18 requests each naming
100 URLs of a server that trickles bytes held every worker for up to ~50 minutes (30 s per URL, no limit per
request, and on after the client hung up). The real app on uvicorn, httpx as the caller, and a real server on
127.0.0.1 that trickles, started here."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.ui.conftest import running_app
from ui.web import WebSettings

# Long enough for the one quick article to be fetched, read and embedded on a busy runner (at 1.5 s a CI run cut
# the deadline before /slow/0 was asked for), far short of the minute each /slow/* URL would take.
JOB_DEADLINE_S = 5.0
ARTICLE = (
    b"<html><head><title>Ferry returns to the island</title></head><body><article><p>"
    + b"The ferry to the island runs again after the storm, the harbour master said on Monday. " * 8
    + b"</p></article></body></html>"
)


@contextmanager
def trickling_server() -> Iterator[tuple[str, list[str], dict[str, float]]]:
    """A server whose /article answers at once and whose /slow/* send a valid body one byte every 0.2 s (a minute in
    all); yields its base URL, the paths asked for, and when each /slow/* path's fetcher hung up."""
    asked: list[str] = []
    hung_up: dict[str, float] = {}

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            body = ARTICLE if self.path == "/article" else b"x" * 300
            self.send_response(200)
            self.send_header("Content-Type", "text/html" if self.path == "/article" else "text/plain")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.path == "/article":
                self.wfile.write(body)
                return
            try:
                for byte in body:
                    self.wfile.write(bytes([byte]))
                    self.wfile.flush()
                    time.sleep(0.2)
            except (BrokenPipeError, ConnectionResetError):
                hung_up[self.path] = time.monotonic()

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}", asked, hung_up
    finally:
        server.shutdown()
        server.server_close()


def fetching_bot(embedding, folder, job_deadline_s: float):
    """An empty index fetching from this machine (the trickling server), each URL with the default 30 s deadline."""
    from assistant import Assistant
    from ingest.pipeline import Index
    from ingest.settings import IngestSettings

    settings = IngestSettings(data_dir=folder, fetch_allowed_hosts=["127.0.0.1"], fetch_job_deadline_s=job_deadline_s)
    return Assistant(Index.open(settings, embedding=embedding))


@contextmanager
def one_worker(bot) -> Iterator[str]:
    """The app with one ingest worker and no waiting line: a held worker answers 503."""
    with running_app(bot, settings=WebSettings(ingest_workers=1, ingest_waiting=0)) as served:
        yield served


@pytest.fixture(scope="module")
def bot(embedding, tmp_path_factory):
    bot = fetching_bot(embedding, tmp_path_factory.mktemp("deadline"), JOB_DEADLINE_S)
    # the first ingest of a process loads the HTML reader and the tagger: not what the deadline is measured on
    from ingest.readers import parse_html

    parse_html(ARTICLE.decode(), "warm-up", "warm-up")
    bot.add_records([{"id": "warm", "title": "Warm-up", "text": "The bridge opened on Friday, the mayor said. " * 4}])
    return bot


@pytest.fixture(scope="module")
def url(bot) -> Iterator[str]:
    with one_worker(bot) as served:
        yield served


def test_a_request_fetches_within_its_deadline_and_keeps_what_it_fetched(url, bot):
    with trickling_server() as (server, asked, _):
        urls = [f"{server}/article", *(f"{server}/slow/{n}" for n in range(3))]
        started = time.monotonic()
        response = httpx.post(f"{url}/api/articles", json={"urls": urls}, timeout=20)
        elapsed = time.monotonic() - started
    assert response.status_code == 200, response.text
    report = response.json()
    assert elapsed < JOB_DEADLINE_S + 10, elapsed  # without the deadline the three slow URLs take three minutes
    assert report["added"] == 1, report
    assert "Ferry returns to the island" in [a.title for a in bot.articles()]
    assert [error["where"] for error in report["errors"]] == urls[1:], report
    cut_off, *not_fetched = (error["reason"] for error in report["errors"])
    assert cut_off.startswith("cut off: ") and f"{JOB_DEADLINE_S:g} s deadline" in cut_off, cut_off
    assert all(r.startswith("not fetched: ") and "BYLINE_FETCH_JOB_DEADLINE_S" in r for r in not_fetched), not_fetched
    assert asked == ["/article", "/slow/0"], "the URLs after the deadline are not even asked for"


def test_a_request_whose_client_hangs_up_stops_fetching(embedding, tmp_path):
    bot = fetching_bot(embedding, tmp_path, job_deadline_s=60)  # only the hang-up can stop it this soon
    with one_worker(bot) as url, trickling_server() as (server, asked, hung_up):
        urls = [f"{server}/slow/a", f"{server}/slow/b"]
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(f"{url}/api/articles", json={"urls": urls}, timeout=0.5)
        left = time.monotonic()
        # generous waits (a busy machine runs the suite in two workers); the fetch itself would go on for a minute
        while "/slow/a" not in hung_up and time.monotonic() - left < 15:
            time.sleep(0.05)
        assert "/slow/a" in hung_up, "the fetch went on after the request's client hung up"
        assert hung_up["/slow/a"] - left < 10.0
        # the one worker is free again (no line: a held worker would answer 503)
        record = {"id": "after-hang-up", "title": "Harbour reopens", "text": "The harbour reopened on Tuesday. " * 5}
        for _ in range(20):
            answer = httpx.post(f"{url}/api/articles", json={"articles": [record]}, timeout=30)
            if answer.status_code != 503:
                break
            time.sleep(0.1)
        assert answer.status_code == 200 and answer.json()["added"] == 1, answer.text
        assert "/slow/b" not in asked


def tiny_records(count: int, prefix: str) -> list[dict]:
    """`count` small articles, each its own (as the outside tester's feed of 3,000)."""
    words = "mayor budget storm school bridge election police council festival harbor river court".split()
    return [
        {
            "id": f"{prefix}-{n}",
            "title": f"Story {n} {words[n % len(words)]}",
            "text": " ".join(words[(n + k) % len(words)] for k in range(30)) + f". The mayor said item {n} is fine.",
            "published": "2024-01-02",
        }
        for n in range(count)
    ]


@contextmanager
def records_server(files: dict[str, bytes]) -> Iterator[str]:
    """A server on 127.0.0.1 answering each path of `files` with its bytes (JSON), at once."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = files.get(self.path)
            self.send_response(200 if body is not None else 404)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body or b"")))
            self.end_headers()
            self.wfile.write(body or b"")

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()


def test_records_fetched_count_against_the_request_limit(embedding, tmp_path, monkeypatch):
    """A fetched JSON file of 3,000 tiny records went in whole through POST /api/articles, though a request may carry
    at most 100 articles: the fetched records now count against that limit (5 here, to keep the test short), with
    the records the request carries; the first ones go in and the error names the URL, the limit and what was left."""
    import ui.api

    monkeypatch.setattr(ui.api, "MAX_ARTICLES", 5)
    bot = fetching_bot(embedding, tmp_path, job_deadline_s=60)
    many = json.dumps(tiny_records(3000, "feed")).encode()
    more = "\n".join(json.dumps(r) for r in tiny_records(10, "more")).encode()
    with one_worker(bot) as url, records_server({"/many.json": many, "/more.jsonl": more}) as server:
        posted = tiny_records(2, "posted")
        body = {"articles": posted, "urls": [f"{server}/many.json", f"{server}/more.jsonl"]}
        started = time.monotonic()
        response = httpx.post(f"{url}/api/articles", json=body, timeout=60)
        elapsed = time.monotonic() - started
    assert response.status_code == 200, response.text
    report = response.json()
    assert report["added"] == 5, report
    assert sorted(a.id for a in bot.articles()) == ["feed-0", "feed-1", "feed-2", "posted-0", "posted-1"]
    too_many, not_fetched = report["errors"]
    assert too_many["where"] == f"{server}/many.json", report
    assert (
        "past the 5 a request ingests in all" in too_many["reason"]
        and "first 3 are ingested, the other 2,997 are not" in (too_many["reason"])
    )
    assert not_fetched["where"] == f"{server}/more.jsonl" and not_fetched["reason"].startswith("not fetched: "), report
    assert elapsed < 20, elapsed


def test_an_ingest_stops_embedding_past_its_deadline_and_keeps_what_it_wrote(embedding, tmp_path):
    """Parsing and embedding of a fetched file went on (for ~10 minutes) after the deadline and after the client hung
    up. Past fetch_job_deadline_s no more is embedded: the groups written stay whole, the rest is one error naming
    the URL."""
    # a group of 16 takes ~0.4 s to embed here: the deadline passes after one to three groups of four, and a busy
    # runner still fetches the small file well within it
    bot = fetching_bot(embedding, tmp_path, job_deadline_s=0.6)
    with one_worker(bot) as url, records_server({"/some.json": json.dumps(tiny_records(64, "some")).encode()}) as server:
        response = httpx.post(f"{url}/api/articles", json={"urls": [f"{server}/some.json"]}, timeout=60)
    assert response.status_code == 200, response.text
    report = response.json()
    assert 0 < report["added"] < 64, report
    ((error),) = report["errors"]
    assert error["where"] == f"{server}/some.json", report
    deadline = "the request's fetches ran past their 0.6 s deadline in all (BYLINE_FETCH_JOB_DEADLINE_S)"
    assert error["reason"] == f"{64 - report['added']} of its articles were not ingested: {deadline}", error
    assert len(bot.articles()) == report["added"] and bot.check().whole


def test_an_ingest_whose_client_hangs_up_stops_embedding(embedding, tmp_path):
    bot = fetching_bot(embedding, tmp_path, job_deadline_s=60)
    with one_worker(bot) as url, records_server({"/some.json": json.dumps(tiny_records(64, "gone")).encode()}) as server:
        with pytest.raises(httpx.ReadTimeout):
            httpx.post(f"{url}/api/articles", json={"urls": [f"{server}/some.json"]}, timeout=0.5)
        record = {"id": "after-hang-up", "title": "Harbour reopens", "text": "The harbour reopened on Tuesday. " * 5}
        for _ in range(300):  # the one worker is free again once the job stops (no line: a held worker answers 503)
            answer = httpx.post(f"{url}/api/articles", json={"articles": [record]}, timeout=30)
            if answer.status_code != 503:
                break
            time.sleep(0.1)
        assert answer.status_code == 200, answer.text
    ids = [a.id for a in bot.articles()]
    assert "after-hang-up" in ids and len(ids) - 1 < 64, f"{len(ids) - 1} of 64 embedded after the client hung up"
    assert bot.check().whole
