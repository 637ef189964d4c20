"""A `chroma run` server holds the index: ingest and ask through HttpClient."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from assistant import Assistant
from ingest.pipeline import Index
from ingest.settings import IngestSettings
from tests.conftest import SEEDS, free_port


@pytest.fixture(scope="module")
def chroma_server(tmp_path_factory):
    chroma = shutil.which("chroma") or str(Path(sys.executable).with_name("chroma"))
    port = free_port()
    path = tmp_path_factory.mktemp("chroma-server")
    process = subprocess.Popen(
        [chroma, "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                time.sleep(0.3)
        else:
            pytest.fail("chroma run did not answer its heartbeat within 60 s")
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def test_ingest_and_ask_through_a_chroma_server(chroma_server, embedding, tmp_path):
    settings = IngestSettings(data_dir=tmp_path / "local", chroma_url=chroma_server)
    bot = Assistant(Index.open(settings, embedding=embedding))
    assert bot.add([SEEDS]).added == 1
    # nothing of the index was written locally: it all lives in the server
    assert not (tmp_path / "local" / "chroma").exists()

    other_client = Assistant(Index.open(settings, embedding=embedding))  # e.g. another machine
    answer = other_client.ask("Who said that anti-terrorist measures will be stopped if Karabakh forces lay down their arms?")
    assert answer.answered and "Aliyev" in answer.text
    citation = answer.citations[0]
    assert other_client.article_text(citation.article_id)[citation.span[0] : citation.span[1]] == citation.quote
    assert other_client.add([SEEDS]).unchanged == 1
