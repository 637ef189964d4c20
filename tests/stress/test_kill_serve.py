"""`kill -9` of `byline serve` while a client uploads articles to it (issue 11): nothing lost, nothing twice.

The real `byline serve --data DIR --port P` (the console script, its own process, on 127.0.0.1) is
killed with SIGKILL 20 times at random moments while a client thread posts articles to
`POST /api/articles` (a few per request, in the JSON body); after each kill it is started again on the
same folder and port. The client does what a careful client does: a request that got no answer (the
server died under it) is sent again once the server is back; only a 200 counts as stored.

At the end the last server must find every article by a sentence of its own text (`GET /api/search`,
never a 5xx) and list each quote once (`GET /api/quotes`); and a fresh process must see every article
with all its chunks and nothing else (tests/stress/index_checks.py, and `byline check` where it exists),
each found by its own sentence, the whole equal to a clean `byline ingest` of the same articles as JSON
lines (same ids, content hashes and chunk counts): 0 lost, 0 duplicated. The figures go to
tests/artifacts/kill_serve.json and the terminal (`-s`).
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import httpx
import pytest

from tests.conftest import free_port
from tests.stress.index_checks import (
    BYLINE,
    REPO,
    IndexContents,
    byline,
    clean_env,
    inspect_in_subprocess,
    key_sentence,
    make_articles,
)
from tests.ui.conftest import ARTIFACTS

pytestmark = pytest.mark.stress

KILLS = 20
ARTICLES = 240
PER_REQUEST = 3


def serve_env() -> dict[str, str]:
    # Gradio's telemetry and version check would reach the internet: everything stays on 127.0.0.1
    return {**clean_env(), "GRADIO_ANALYTICS_ENABLED": "False", "BYLINE_FETCH_URLS": "false", "TQDM_DISABLE": "1"}


class Server:
    """`byline serve` on one folder and port, started again after every kill; its output appended to one log."""

    def __init__(self, data: Path, log: Path):
        self.data = data
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = log
        self.process: subprocess.Popen | None = None
        self.starts: list[float] = []  # seconds from start to /healthz answering

    def start(self) -> None:
        command = [str(BYLINE), "serve", "--data", str(self.data), "--host", "127.0.0.1", "--port", str(self.port)]
        began = time.monotonic()
        with self.log.open("a") as log:
            log.write(f"\n=== start {len(self.starts) + 1} ===\n")
            log.flush()
            self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=REPO, env=serve_env())
        while True:
            assert self.process.poll() is None, f"byline serve exited {self.process.returncode}: {self.log.read_text()[-3000:]}"
            if self.healthy():
                break
            assert time.monotonic() - began < 180, f"byline serve did not come up: {self.log.read_text()[-3000:]}"
            time.sleep(0.1)
        self.starts.append(time.monotonic() - began)

    def healthy(self) -> bool:
        try:
            return httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200
        except httpx.TransportError:
            return False

    def kill(self) -> None:
        assert self.process is not None
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=30)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=30)


class Uploader(threading.Thread):
    """Posts the articles a few at a time; a request without an answer is sent again when the server is back."""

    def __init__(self, url: str, batches: list[list[dict]]):
        super().__init__(name="uploader", daemon=True)
        self.url = url
        self.batches = batches
        self.in_flight = threading.Event()
        self.stored: list[str] = []  # ids of articles a 200 answered for
        self.resent = 0
        self.problems: list[str] = []
        self.latencies: list[float] = []

    def run(self) -> None:
        try:
            self.upload()
        except Exception as error:  # noqa: BLE001 - reported by the test's assertion
            self.problems.append(f"the uploader stopped: {type(error).__name__}: {error}")

    def upload(self) -> None:
        with httpx.Client(timeout=300) as client:
            for number, batch in enumerate(self.batches):
                while True:
                    self.in_flight.set()
                    started = time.monotonic()
                    try:
                        response = client.post(f"{self.url}/api/articles", json={"articles": batch})
                    except httpx.TransportError:
                        self.resent += 1
                        self.wait_for_server()
                        continue
                    finally:
                        self.in_flight.clear()
                    if response.status_code == 503:  # the ingest workers are full: try again, as Retry-After says
                        time.sleep(1)
                        continue
                    self.latencies.append(time.monotonic() - started)
                    if response.status_code != 200:
                        self.problems.append(f"batch {number}: {response.status_code} {response.text[:500]}")
                    else:
                        report = response.json()
                        if report["errors"]:
                            self.problems.append(f"batch {number}: {report}")
                        self.stored += [article["id"] for article in batch]
                    break

    def wait_for_server(self) -> None:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{self.url}/healthz", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.2)
        self.problems.append("the server did not come back within 300 s")


def search_each(url: str, records: list[dict], k: int = 3) -> tuple[list[str], list[str]]:
    """`GET /api/search` for each article's own key sentence: the failed requests, and the articles not in the top k."""
    errors, unfindable = [], []
    with httpx.Client(timeout=120) as client:
        for record in records:
            response = client.get(f"{url}/api/search", params={"q": key_sentence(record["text"]), "k": k})
            if response.status_code != 200:
                errors.append(f"{record['id']}: {response.status_code} {response.text[:300]}")
            elif record["id"] not in [passage["article_id"] for passage in response.json()]:
                unfindable.append(record["id"])
    return errors, unfindable


def test_kill_9_of_serve_while_uploading_loses_nothing(tmp_path):
    rng = random.Random(31)
    articles = make_articles(ARTICLES, seed=32, prefix="u")
    records = [{"id": a.id, "title": a.title, "text": a.text, "source": a.source} for a in articles]
    batches = [records[start : start + PER_REQUEST] for start in range(0, len(records), PER_REQUEST)]
    data = tmp_path / "data"
    server = Server(data, tmp_path / "serve.log")
    started = time.monotonic()
    server.start()
    uploader = Uploader(server.url, batches)
    kills_mid_request = 0
    kill_moments: list[float] = []
    try:
        uploader.start()
        for _ in range(KILLS):
            moment = rng.uniform(0.2, 4.0)  # after /healthz answers: an upload is usually under way
            time.sleep(moment)
            kill_moments.append(round(moment, 2))
            kills_mid_request += uploader.in_flight.is_set()
            server.kill()
            server.start()
        uploader.join(timeout=900)
        assert not uploader.is_alive(), "the uploads did not finish within 15 minutes of the last restart"
        served_seconds = time.monotonic() - started
        # through the served API, as a user would find them: each article by its own sentence, each quote once
        http_errors, http_unfindable = search_each(server.url, records)
        quotes = httpx.get(f"{server.url}/api/quotes", params={"limit": 500}, timeout=120).json()
    finally:
        server.stop()
    quote_copies = Counter((quote["article_id"], quote["text"]) for quote in quotes)
    duplicated_quotes = sorted(f"{article}: {text}" for (article, text), n in quote_copies.items() if n > 1)

    # What a fresh process sees in the served folder, and in a clean `byline ingest` of the same articles
    lines = tmp_path / "articles.jsonl"
    lines.write_text("".join(json.dumps(record) + "\n" for record in records))
    clean_data = tmp_path / "clean"
    ingested = byline("ingest", str(lines), "--json", data=clean_data)
    assert ingested.returncode == 0, ingested.stderr[-3000:]
    clean, clean_unfindable = inspect_in_subprocess(clean_data)
    try:
        contents, unfindable = inspect_in_subprocess(data)
        inspect_error = None
    except AssertionError as error:  # the searches crashed: reported below with the rest
        contents, unfindable, inspect_error = IndexContents(), [], str(error)[-1500:]
    checked = byline("check", data=data)
    has_check = "No such command" not in checked.stderr

    ids = {record["id"] for record in records}
    lost = sorted(ids - set(contents.articles))
    extra = sorted(set(contents.articles) - ids)
    differing = sorted(a for a in ids & set(contents.articles) if contents.articles[a] != clean.articles.get(a))
    figures = {
        "kills": KILLS,
        "kills_mid_request": kills_mid_request,
        "kill_moments_s_after_ready": kill_moments,
        "restart_s": {"median": round(sorted(server.starts)[len(server.starts) // 2], 1), "max": round(max(server.starts), 1)},
        "articles": len(records),
        "requests": len(batches),
        "requests_sent_again": uploader.resent,
        "request_latency_s_max": round(max(uploader.latencies), 2) if uploader.latencies else None,
        "seconds_serving": round(served_seconds, 1),
        "stored_by_200": len(set(uploader.stored)),
        "indexed": len(contents.articles),
        "lost": lost,
        "extra": extra,
        "differing_from_clean_ingest": differing,
        "missing_chunks": contents.missing_chunks,
        "orphan_chunks": len(contents.orphan_chunks),
        "duplicated_chunks": contents.duplicated_chunks,
        "unfindable": unfindable,
        "inspect_error": inspect_error,
        "api_search_errors": http_errors,
        "api_search_unfindable": http_unfindable,
        "api_quotes_duplicated": duplicated_quotes,
        "byline_check": checked.stdout.strip() if has_check else "(no `byline check` command)",
        "problems": uploader.problems,
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "kill_serve.json").write_text(json.dumps(figures, indent=2))
    print(f"\nkill serve: {json.dumps(figures, indent=2)}")

    assert not uploader.problems, uploader.problems
    assert set(uploader.stored) == ids
    assert clean.whole and clean_unfindable == [] and set(clean.articles) == ids, "the clean ingest itself"
    assert not http_errors, f"/api/search failed after the kills: {http_errors[:5]}"
    assert inspect_error is None, inspect_error
    assert contents.whole, (
        f"missing {contents.missing_chunks}, orphans {contents.orphan_chunks[:10]}, duplicated {contents.duplicated_chunks}"
    )
    assert not lost and not extra, f"lost {lost}, extra {extra}"
    assert contents.articles == clean.articles, f"differs from a clean ingest: {differing}"
    assert unfindable == [] and http_unfindable == [], (
        f"not found by a sentence of their own text: {unfindable or http_unfindable}"
    )
    assert not duplicated_quotes, f"quotes listed twice: {duplicated_quotes[:5]}"
    if has_check:
        assert checked.returncode == 0, checked.stdout + checked.stderr
    assert kills_mid_request >= KILLS // 2, f"only {kills_mid_request} of {KILLS} kills came during an upload"
