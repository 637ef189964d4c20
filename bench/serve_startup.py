"""Startup of the web chat: from `byline serve --ingest seeds/` to an answered first question.

Starts `byline serve` on a fresh temp data folder as a subprocess, polls /healthz until it answers,
then asks the seed question through the chat endpoint with gradio_client, and prints the seconds.

    python bench/serve_startup.py [--runs N] [--port P]
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx
from common import stop_process  # noqa: I001
from gradio_client import Client

REPO = Path(__file__).resolve().parents[1]
QUESTION = "Who said that anti-terrorist measures will be stopped if Karabakh forces lay down their arms?"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def one_run(port: int, timeout_s: float = 180.0) -> dict[str, float]:
    data = Path(tempfile.mkdtemp(prefix="byline-bench-"))
    byline = Path(sys.executable).with_name("byline")
    command = [str(byline), "serve", "--data", str(data), "--ingest", str(REPO / "seeds"), "--port", str(port)]
    env = {**os.environ, "BYLINE_TOKEN": ""}
    started = time.perf_counter()
    server = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        while True:
            if server.poll() is not None:
                raise RuntimeError(f"byline serve exited with {server.returncode}: {server.stderr.read()[-2000:]}")
            try:
                if httpx.get(f"{url}/healthz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.perf_counter() - started > timeout_s:
                raise RuntimeError(f"no /healthz on {url} after {timeout_s:.0f}s")
            time.sleep(0.05)
        healthy = time.perf_counter()
        chat, _evidence, _ = Client(url, verbose=False).predict(QUESTION, api_name="/chat")
        answered = time.perf_counter()
        reply = chat[-1]["content"]
        reply = reply if isinstance(reply, str) else " ".join(part.get("text", "") for part in reply)
        if "Aliyev" not in reply:
            raise RuntimeError(f"unexpected first answer: {reply[:200]!r}")
        return {"healthz_s": healthy - started, "first_answer_s": answered - started, "question_s": answered - healthy}
    finally:
        stop_process(server, timeout=15)
        shutil.rmtree(data, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=1, help="How many cold starts to time.")
    parser.add_argument("--port", type=int, default=0, help="Port (default: a free one).")
    args = parser.parse_args()
    for run in range(1, args.runs + 1):
        figures = one_run(args.port or free_port())
        print(
            f"run {run}: /healthz after {figures['healthz_s']:.2f}s, first answer after {figures['first_answer_s']:.2f}s "
            f"(the question itself: {figures['question_s']:.2f}s)"
        )


if __name__ == "__main__":
    main()
