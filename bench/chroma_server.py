"""Embedded Chroma vs a `chroma run` server, on the same corpus: ingest time and ask latency
through `Assistant.open(data_dir, chroma_url=...)`.

    python bench/chroma_server.py [--articles 100] [--questions 20]
"""

from __future__ import annotations

import argparse
import logging
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
from common import SCRATCH, Stopwatch, corpus, dev_questions, percentiles, write_results  # noqa: I001
from rich.console import Console
from rich.table import Table

from assistant import Assistant
from assistant.search.retriever import HybridRetriever
from assistant.settings import AssistantSettings
from ingest.embedder import MiniLMEmbedding
from ingest.pipeline import Index
from ingest.settings import IngestSettings

console = Console(width=150)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(path: Path) -> tuple[subprocess.Popen, str]:
    port = free_port()
    chroma = Path(sys.executable).with_name("chroma")
    server = subprocess.Popen(
        [str(chroma), "run", "--path", str(path), "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/api/v2/heartbeat", timeout=1).status_code == 200:
                return server, url
        except httpx.TransportError:
            pass
        if server.poll() is not None:
            raise RuntimeError(f"`chroma run` exited with code {server.returncode}")
        time.sleep(0.3)
    server.terminate()
    raise RuntimeError(f"`chroma run` did not answer on {url} within 60 s")


def run(bot: Assistant, articles, questions: list[str]) -> dict:
    with Stopwatch() as clock:
        report = bot.add_articles(articles)
    assert report.added == len(articles), report.summary()
    for question in questions[:2]:
        bot.ask(question)  # warm up
    totals, retrieve = [], []
    for question in questions:
        with Stopwatch() as ask_clock:
            answer = bot.ask(question)
        totals.append(ask_clock.seconds * 1000)
        retrieve.append(answer.timings_ms["retrieve"])
    with Stopwatch() as warm_clock:
        HybridRetriever(bot.index)  # opening with the retrieval cache current: articles and quotes read back
    shutil.rmtree(bot.retriever.local.folder)
    with Stopwatch() as cold_clock:
        HybridRetriever(bot.index)  # opening without it: every chunk and vector read back from Chroma
    return {
        "ingest_s": round(clock.seconds, 1),
        "chunks": report.chunks_written,
        "ask_ms": percentiles(totals),
        "retrieve_ms": percentiles(retrieve),
        "open_warm_s": round(warm_clock.seconds, 2),
        "open_cold_s": round(cold_clock.seconds, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--questions", type=int, default=20)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    embedding = MiniLMEmbedding()
    embedding.embed(["warm up"])
    articles, questions = corpus(args.articles), dev_questions()[: args.questions]
    folder = SCRATCH / "chroma-server"
    shutil.rmtree(folder, ignore_errors=True)

    results = {}
    console.print("embedded Chroma…")
    embedded = Assistant(Index.open(IngestSettings(data_dir=folder / "embedded"), embedding=embedding), AssistantSettings())
    results["embedded"] = run(embedded, articles, questions)
    console.print(results["embedded"])
    server, url = start_server(folder / "server-store")
    try:
        console.print(f"`chroma run` at {url}…")
        remote = Assistant(
            Index.open(IngestSettings(data_dir=folder / "server-side", chroma_url=url), embedding=embedding), AssistantSettings()
        )
        results["server"] = run(remote, articles, questions)
        console.print(results["server"])
    finally:
        server.terminate()
        server.wait(timeout=30)
    shutil.rmtree(folder, ignore_errors=True)

    table = Table(
        "Chroma",
        "articles",
        "chunks",
        "ingest s",
        "ask p50 ms",
        "ask p95 ms",
        "retrieve p50 ms",
        "open s (cache current)",
        "open s (no cache)",
        title="Embedded Chroma vs `chroma run` server (same process, same embedder)",
    )
    for name, r in results.items():
        table.add_row(
            name,
            str(args.articles),
            str(r["chunks"]),
            str(r["ingest_s"]),
            str(r["ask_ms"]["p50"]),
            str(r["ask_ms"]["p95"]),
            str(r["retrieve_ms"]["p50"]),
            str(r["open_warm_s"]),
            str(r["open_cold_s"]),
        )
    console.print(table)
    path = write_results("chroma_server", {"articles": args.articles, "questions": len(questions), **results})
    console.print(f"written: {path}")


if __name__ == "__main__":
    main()
