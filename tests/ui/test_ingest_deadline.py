"""An ingest request cannot hold an ingest worker for long (found by an outside tester): ~18 requests each naming
100 URLs of a server that trickles bytes held every worker for up to ~50 minutes (30 s per URL, no limit per
request, and on after the client hung up). The real app on uvicorn, httpx as the caller, and a real server on
127.0.0.1 that trickles, started here."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx
import pytest

from tests.ui.conftest import running_app
from ui.web import WebSettings

JOB_DEADLINE_S = 1.5
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
    return fetching_bot(embedding, tmp_path_factory.mktemp("deadline"), JOB_DEADLINE_S)


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
    assert elapsed < 9, elapsed  # each URL could take 30 s; the ingest of the one fetched takes a few
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
        while "/slow/a" not in hung_up and time.monotonic() - left < 5:
            time.sleep(0.05)
        assert "/slow/a" in hung_up, "the fetch went on after the request's client hung up"
        assert hung_up["/slow/a"] - left < 2.0
        # the one worker is free again (no line: a held worker would answer 503)
        record = {"id": "after-hang-up", "title": "Harbour reopens", "text": "The harbour reopened on Tuesday. " * 5}
        for _ in range(20):
            answer = httpx.post(f"{url}/api/articles", json={"articles": [record]}, timeout=30)
            if answer.status_code != 503:
                break
            time.sleep(0.1)
        assert answer.status_code == 200 and answer.json()["added"] == 1, answer.text
        assert "/slow/b" not in asked
