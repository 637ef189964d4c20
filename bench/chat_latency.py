"""Chat answer latency as a user of the web chat sees it, with and without an ingest running alongside,
in the same run: p50/p95 of the time to the first streamed words and to the finished answer.

A real `byline serve` runs as a subprocess on a copy of an ingested index (default: the realtimeqa-dev
index in /tmp/eval-realtimeqa-dev, as `byline eval --data` leaves it; else seeds/ only). One client
asks the realtimeqa-dev questions through the chat's `/chat` endpoint with gradio_client (the queue,
the streaming and its pacing, as the page gets them), one at a time. Phases alternate, idle then busy,
`--rounds` times: in a busy phase a second client keeps uploading batches of polnear-dev articles
through the chat's own 'Add articles' endpoint (`/add_articles`, files uploaded as the page does),
one batch after another, until the phase's questions are answered; a question counts as busy only if
an upload was running from its start to its end. Each idle phase starts after the last upload ended.

    python bench/chat_latency.py [--questions 20] [--rounds 2] [--batch 40] [--base /tmp/eval-realtimeqa-dev]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx
from common import EVAL_DIR, SCRATCH, dev_questions, percentiles, stop_process, write_results  # noqa: I001
from gradio_client import Client, handle_file
from rich.console import Console
from rich.table import Table

REPO = Path(__file__).resolve().parents[1]
console = Console(width=140)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(data: Path, port: int, ingest: list[str]) -> subprocess.Popen:
    byline = Path(sys.executable).with_name("byline")
    command = [str(byline), "serve", "--data", str(data), "--port", str(port)]
    for source in ingest:
        command += ["--ingest", source]
    env = {**os.environ, "BYLINE_TOKEN": ""}
    server = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 900
    while True:
        if server.poll() is not None:
            raise RuntimeError(f"byline serve exited with {server.returncode}: {server.stderr.read()[-2000:]}")
        try:
            if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        if time.monotonic() > deadline:
            server.kill()
            raise RuntimeError(f"no /healthz on {url}")
        time.sleep(0.2)


def ask(client: Client, question: str) -> tuple[float, float, str]:
    """(seconds to the first streamed words, seconds to the finished answer, the answer's text)."""
    started = time.perf_counter()
    first = None
    job = client.submit(question, api_name="/chat")
    for chat, *_ in job:
        if first is None and chat and chat[-1].get("role") == "assistant" and chat[-1].get("content"):
            first = time.perf_counter() - started
    total = time.perf_counter() - started
    chat = job.outputs()[-1][0]
    return first if first is not None else total, total, str(chat[-1]["content"]) if chat else ""


class Uploader(threading.Thread):
    """Uploads batches of new articles one after another through /add_articles until told to stop."""

    def __init__(self, url: str, batches: list[Path]):
        super().__init__(daemon=True, name="uploader")
        self.client = Client(url, verbose=False)
        self.batches = batches
        self.stop = threading.Event()
        self.running = threading.Event()  # set while an upload is in flight
        self.spans: list[tuple[float, float, str]] = []

    def run(self) -> None:
        while not self.stop.is_set() and self.batches:
            batch = self.batches.pop(0)
            self.running.set()
            started = time.perf_counter()
            summary = self.client.predict([handle_file(str(batch))], "", api_name="/add_articles")[0]
            self.spans.append((started, time.perf_counter(), str(summary)[:120]))
            self.running.clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--questions", type=int, default=20, help="Questions per phase (realtimeqa-dev, in order).")
    parser.add_argument("--rounds", type=int, default=2, help="Idle/busy phase pairs.")
    parser.add_argument("--batch", type=int, default=40, help="Articles per upload in the busy phases.")
    parser.add_argument("--base", type=Path, default=Path("/tmp/eval-realtimeqa-dev"), help="Ingested index to copy.")
    args = parser.parse_args()

    run_dir = Path(tempfile.mkdtemp(prefix="chat-latency-", dir=SCRATCH if SCRATCH.exists() else None))
    data = run_dir / "data"
    ingest: list[str] = []
    if (args.base / "chroma").exists():
        shutil.copytree(args.base, data)
        base = f"copy of {args.base}"
    else:
        ingest = [str(REPO / "seeds")]
        base = "seeds/ only (no base index)"
    # upload batches: polnear-dev articles, none of which the base index holds
    with (EVAL_DIR / "polnear-dev" / "articles.jsonl").open(encoding="utf-8") as lines:
        records = [json.loads(line) for line in lines if line.strip()]
    batches = []
    for n in range(0, len(records), args.batch):
        path = run_dir / f"batch-{n // args.batch:03d}.jsonl"
        path.write_text("\n".join(json.dumps(r) for r in records[n : n + args.batch]), encoding="utf-8")
        batches.append(path)
    questions = dev_questions("realtimeqa-dev")[: args.questions]

    port = free_port()
    server = start_server(data, port, ingest)
    url = f"http://127.0.0.1:{port}"
    try:
        asker = Client(url, verbose=False)
        ask(asker, questions[0])  # warm: the first question loads what later ones reuse
        timings: dict[str, list[tuple[float, float]]] = {"idle": [], "during ingest": []}
        dropped = 0
        uploads: list[tuple[float, float, str]] = []
        for _ in range(args.rounds):
            for question in questions:
                first, total, _ = ask(asker, question)
                timings["idle"].append((first, total))
            uploader = Uploader(url, batches)
            uploader.start()
            uploader.running.wait(timeout=30)
            time.sleep(1.0)  # the upload is reading and embedding
            asked: list[tuple[float, float, float]] = []
            for question in questions:
                while not uploader.running.is_set() and uploader.is_alive():  # between two batches
                    time.sleep(0.05)
                started = time.perf_counter()
                first, total, _ = ask(asker, question)
                asked.append((started, first, total))
            uploader.stop.set()
            uploader.join()  # the batch in flight finishes: its span is known
            for started, first, total in asked:
                if any(s <= started and started + total <= e for s, e, _ in uploader.spans):
                    timings["during ingest"].append((first, total))
                else:
                    dropped += 1
            uploads.extend(uploader.spans)
    finally:
        stop_process(server)
        shutil.rmtree(run_dir, ignore_errors=True)

    table = Table(title=f"Chat answer latency through /chat (gradio_client → byline serve; index: {base})")
    for column in ("phase", "questions", "first words p50", "first words p95", "answer p50", "answer p95"):
        table.add_column(column, justify="right" if column != "phase" else "left")
    results = {}
    for phase, values in timings.items():
        firsts = percentiles([f * 1000 for f, _ in values]) if values else {}
        totals = percentiles([t * 1000 for _, t in values]) if values else {}
        results[phase] = {"questions": len(values), "first_ms": firsts, "answer_ms": totals}
        table.add_row(
            phase,
            str(len(values)),
            *(f"{d[k]:.0f} ms" if d else "—" for d in (firsts,) for k in ("p50", "p95")),
            *(f"{d[k]:.0f} ms" if d else "—" for d in (totals,) for k in ("p50", "p95")),
        )
    console.print(table)
    upload_s = [e - s for s, e, _ in uploads]
    console.print(
        f"{len(uploads)} uploads of {args.batch} polnear-dev articles during the busy phases "
        f"({min(upload_s):.1f}–{max(upload_s):.1f} s each); {dropped} busy-phase questions left out "
        f"(no upload running throughout). Load average now: {os.getloadavg()[0]:.2f}."
        if uploads
        else "no upload ran"
    )
    path = write_results(
        "chat_latency",
        {
            "base": base,
            "rounds": args.rounds,
            "batch": args.batch,
            "phases": results,
            "uploads": len(uploads),
            "dropped": dropped,
        },
    )
    console.print(f"written {path}")


if __name__ == "__main__":
    main()
