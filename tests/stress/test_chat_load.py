"""50 chat sessions at once for 60 s against `byline serve` (issue 11): no question may fail.

The real server (the `byline` console script, its own process, on 127.0.0.1, over the seeds) and 50
threads, each with its own gradio_client `Client`, so each is its own Gradio session with its own
chat state: every answer it gets back shows exactly its own turns so far (a session that saw another's
turns, or lost its own, is an error). Each session asks varied questions about the seed article in a
loop (follow-ups too: its earlier turns are the history), bounded by time and by count.

An error is an exception from the client, an answer rendered as a failure (⚠️), or a session's turns
out of step. The figures (questions answered, p50/p95/max latency) are printed (`-s`) and written to
tests/artifacts/chat_load.json.
"""

from __future__ import annotations

import json
import random
import re
import statistics
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from gradio_client import Client

from tests.conftest import SEEDS, free_port
from tests.stress.index_checks import BYLINE, REPO, clean_env
from tests.ui.conftest import ARTIFACTS, SEED_QUESTION

pytestmark = pytest.mark.stress

SESSIONS = 50
SECONDS = 60.0
MOST_QUESTIONS_PER_SESSION = 200  # a bound on the loop besides time (a fast machine asks ~10 a session)
QUESTIONS = [
    SEED_QUESTION,
    "What did Blinken urge?",
    "How many people were killed in Nagorno-Karabakh?",
    "How many military positions did Azerbaijan's forces take?",
    "What is Russia doing in Nagorno-Karabakh?",
    "What did Aliyev say about civilians?",
    "What did he say about the invitations to dialogue?",  # a follow-up: rewritten from the session's history
    "How large is the Russian peacekeeping mission?",
    "Who did Aliyev invite to a dialogue about reintegration?",
    "What did the separatists report about the fighting?",
    "When did Aliyev speak with Blinken?",
    "Which targets did Aliyev say were being destroyed?",
    "What did Azerbaijan's defense ministry report?",
    "Who said the civilian population and infrastructure are not targets?",
    "What does the article say about drones?",
    "What did Blinken say on Tuesday?",
]


def serve_env() -> dict[str, str]:
    # Gradio's telemetry and version check would reach the internet: everything stays on 127.0.0.1
    return {**clean_env(), "GRADIO_ANALYTICS_ENABLED": "False", "BYLINE_FETCH_URLS": "false", "TQDM_DISABLE": "1"}


@pytest.fixture(scope="module")
def served(tmp_path_factory) -> Iterator[tuple[str, Path]]:
    """`byline serve` on a free loopback port over the seeds; yields its URL and its log file."""
    data = tmp_path_factory.mktemp("chat-load")
    log = data.parent / f"{data.name}-serve.log"
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    command = [str(BYLINE), "serve", "--data", str(data), "--host", "127.0.0.1", "--port", str(port), "--ingest", str(SEEDS)]
    with log.open("w") as log_file:
        server = subprocess.Popen(command, stdout=log_file, stderr=subprocess.STDOUT, cwd=REPO, env=serve_env())
    try:
        deadline = time.monotonic() + 180
        while True:
            assert server.poll() is None, f"byline serve exited {server.returncode}: {log.read_text()[-3000:]}"
            try:
                if httpx.get(f"{url}/healthz", timeout=2).json().get("articles") == 1:
                    break
            except httpx.TransportError:
                pass
            assert time.monotonic() < deadline, f"byline serve did not come up: {log.read_text()[-3000:]}"
            time.sleep(0.25)
        yield url, log
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=20)


def message_text(content) -> str:
    """A chat message's text: Gradio 6 gives content as a list of parts ({"type": "text", "text": ...})."""
    if isinstance(content, list):
        return "".join(part.get("text", "") for part in content if isinstance(part, dict))
    return content if isinstance(content, str) else ""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def test_50_chat_sessions_for_60_s_answer_every_question(served, monkeypatch):
    url, log = served
    # gradio_client sends telemetry unless this is set, whatever its analytics_enabled says
    monkeypatch.setenv("GRADIO_ANALYTICS_ENABLED", "False")
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
    assert url.startswith("http://127.0.0.1:")
    latencies: list[float] = []
    errors: list[str] = []
    per_session: list[int] = [0] * SESSIONS
    lock = threading.Lock()
    ready = threading.Barrier(SESSIONS + 1, timeout=600)
    go = threading.Event()
    stop_at: list[float] = []

    def session(number: int) -> None:
        rng = random.Random(number)
        try:
            client = Client(url, verbose=False, download_files=False, analytics_enabled=False)
        except Exception as error:  # noqa: BLE001 - every failure is counted, none ends the run
            with lock:
                errors.append(f"session {number}: could not connect: {type(error).__name__}: {error}")
            ready.wait()
            return
        ready.wait()
        go.wait()
        asked = 0
        while time.monotonic() < stop_at[0] and asked < MOST_QUESTIONS_PER_SESSION:
            question = rng.choice(QUESTIONS)
            options = {"since": "2023-09-01"} if rng.random() < 0.2 else {}
            started = time.monotonic()
            try:
                chat, evidence, question_box = client.predict(question, **options, api_name="/chat")
            except Exception as error:  # noqa: BLE001
                with lock:
                    errors.append(f"session {number}, question {asked + 1} {question!r}: {type(error).__name__}: {error}")
                return  # the session's state is unknown now: it stops (the error fails the test)
            latency = time.monotonic() - started
            asked += 1
            problem = None
            if len(chat) != 2 * asked:
                problem = f"{len(chat)} messages, expected {2 * asked} (its own turns only)"
            elif message_text(chat[-2]["content"]) != question:
                problem = f"the last question shown is {chat[-2]['content']!r}"
            elif not message_text(chat[-1]["content"]).strip() or message_text(chat[-1]["content"]).startswith("⚠️"):
                problem = f"the answer is a failure: {message_text(chat[-1]['content'])[:300]!r}"
            elif f'data-turn="{asked}"' not in evidence:
                problem = f"the evidence is not that of turn {asked}: {evidence[:200]!r}"
            with lock:
                latencies.append(latency)
                per_session[number] = asked
                if problem:
                    errors.append(f"session {number}, question {asked} {question!r}: {problem}")
            if problem:
                return

    threads = [threading.Thread(target=session, args=(n,), name=f"chat-{n}", daemon=True) for n in range(SESSIONS)]
    for thread in threads:
        thread.start()
    connected = time.monotonic()
    ready.wait()  # all clients connected (or failed to)
    started = time.monotonic()
    stop_at.append(started + SECONDS)
    go.set()
    for thread in threads:
        thread.join(timeout=SECONDS + 300)
    elapsed = time.monotonic() - started
    stuck = [thread.name for thread in threads if thread.is_alive()]

    server_log = log.read_text(errors="replace")
    tracebacks = len(re.findall(r"Traceback|answering .* failed", server_log))
    figures = {
        "sessions": SESSIONS,
        "seconds_asked_for": SECONDS,
        "seconds_taken": round(elapsed, 1),
        "connect_seconds": round(started - connected, 1),
        "questions_answered": len(latencies),
        "questions_per_second": round(len(latencies) / elapsed, 2) if elapsed else 0,
        "per_session_min": min(per_session),
        "per_session_max": max(per_session),
        "latency_s": {
            "p50": round(percentile(latencies, 0.50), 3) if latencies else None,
            "p95": round(percentile(latencies, 0.95), 3) if latencies else None,
            "max": round(max(latencies), 3) if latencies else None,
            "mean": round(statistics.fmean(latencies), 3) if latencies else None,
        },
        "errors": len(errors),
        "error_samples": errors[:20],
        "stuck_sessions": stuck,
        "server_log_tracebacks": tracebacks,
    }
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / "chat_load.json").write_text(json.dumps(figures, indent=2, ensure_ascii=False))
    print(f"\nchat load: {json.dumps(figures, indent=2, ensure_ascii=False)}")

    assert not errors, "\n".join(errors[:20])
    assert not stuck, f"sessions still asking {SECONDS + 300:.0f} s after the end: {stuck}"
    assert tracebacks == 0, server_log[-5000:]
    assert min(per_session) >= 1, "every session had at least one question answered"
