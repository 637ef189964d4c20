"""Shared fixtures: the real bundled embedder, real embedded Chroma in temp folders."""

from __future__ import annotations

import json
import os
import socket
import time
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest

from assistant import Assistant
from ingest.embedder import MiniLMEmbedding
from ingest.pipeline import Index
from ingest.settings import IngestSettings

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED_FILE = next(SEEDS.glob("*.txt"))
EVAL_DIR = REPO.parent / "shared" / "data" / "eval"


# LONG_CHECKS: tests marked `stress` run only with `make stress` (pytest -m stress). Beside the stress tests proper
# (tests/stress), they are the long real-process checks (several processes opening a cache or ingesting at once,
# a 30-article upload in the browser, servers started to watch their upload folder) and the second size or theme
# of a browser test whose behaviour does not depend on it: `make test` must stay within 10 minutes on 2 cores,
# and it took 10.6 on this project's machine with them in (8.0 without them; 6.0 in two workers, the Makefile's
# TEST_WORKERS).
def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if "stress" in (config.option.markexpr or ""):
        return
    skip = pytest.mark.skip(reason="a long check: run it with `make stress` (pytest -m stress)")
    for item in items:
        if item.get_closest_marker("stress"):
            item.add_marker(skip)


@pytest.fixture(autouse=True, scope="session")
def offline_by_default():
    """A developer's shell may hold an OpenAI key: tests choose their LLM explicitly, never by accident."""
    names = [n for n in os.environ if n.startswith(("OPENAI_", "BYLINE_"))]
    saved = {n: os.environ.pop(n) for n in names}
    # gradio_client reports usage to Hugging Face unless this is off (its own option is ignored): nothing leaves the machine
    analytics = os.environ.get("GRADIO_ANALYTICS_ENABLED")
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    yield
    os.environ.update(saved)
    if analytics is None:
        os.environ.pop("GRADIO_ANALYTICS_ENABLED")
    else:
        os.environ["GRADIO_ANALYTICS_ENABLED"] = analytics


@pytest.fixture(scope="session")
def embedding() -> MiniLMEmbedding:
    """One loaded ONNX session for the whole run (loading it is the slow part)."""
    return MiniLMEmbedding()


@pytest.fixture
def make_assistant(embedding, tmp_path_factory):
    """Build an Assistant on a fresh temp data folder (or a given one) with the shared embedder."""

    def build(data_dir: Path | None = None, **ingest_settings) -> Assistant:
        data_dir = data_dir or tmp_path_factory.mktemp("data")
        return Assistant(Index.open(IngestSettings(data_dir=data_dir, **ingest_settings), embedding=embedding))

    return build


@pytest.fixture(scope="session")
def kingsbridge_assistant(embedding, tmp_path_factory) -> Assistant:
    """A researcher's own articles (tests/assistant/kingsbridge_articles.json: a port strike over ten weeks), ingested
    once; for tests that only read."""
    bot = Assistant(Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("kingsbridge")), embedding=embedding))
    path = Path(__file__).parent / "assistant" / "kingsbridge_articles.json"
    bot.add_records(json.loads(path.read_text(encoding="utf-8"))["articles"])
    return bot


@pytest.fixture(scope="session")
def seeded_assistant(embedding, tmp_path_factory) -> Assistant:
    """The seeds, ingested once; for tests that only read."""
    bot = Assistant(Index.open(IngestSettings(data_dir=tmp_path_factory.mktemp("seeded")), embedding=embedding))
    report = bot.add([SEEDS])
    assert report.added == 1, report
    return bot


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_for_health(url: str, alive: Callable[[], bool], seconds: float) -> bool:
    """Poll `url`/healthz until it answers 200 (True), or the server is no longer `alive` or `seconds` pass (False)."""
    deadline = time.monotonic() + seconds
    while alive() and time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                return True
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    return False
