"""`byline serve` itself, as a process of its own (found by an outside tester): what uvicorn is told to trust."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO, free_port, wait_for_health

BYLINE = Path(sys.executable).parent / "byline"
TOKEN = "s3cret-token"
ATTEMPTS = 3


@pytest.fixture
def served(tmp_path) -> Iterator[str]:
    """`byline serve` on an empty index, a token set, ATTEMPTS failed sign-ins a minute; no FORWARDED_ALLOW_IPS."""
    port = free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BYLINE_", "OPENAI_")) and k != "FORWARDED_ALLOW_IPS"}
    env |= {"BYLINE_TOKEN": TOKEN, "BYLINE_SIGN_IN_ATTEMPTS": str(ATTEMPTS)}
    command = [str(BYLINE), "serve", "--data", str(tmp_path / "data"), "--port", str(port)]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_for_health(url, lambda: process.poll() is None, 120):
            raise RuntimeError(f"byline serve did not come up: {process.stderr.read() if process.stderr else ''}")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def test_x_forwarded_for_neither_dodges_nor_aims_the_sign_in_limit(served):
    """uvicorn trusts X-Forwarded-For from 127.0.0.1 by default: every guess with another forged address was a
    new client (the limit never bit), and a forged victim's address spent the victim's attempts. The header is
    not trusted: the limit counts the connection's address."""
    wrong = {"Authorization": "Bearer wrong"}
    for number in range(ATTEMPTS):
        headers = {**wrong, "X-Forwarded-For": f"203.0.113.{number + 1}"}
        assert httpx.get(f"{served}/api/articles", headers=headers).status_code == 401
    rotated = httpx.get(f"{served}/api/articles", headers={**wrong, "X-Forwarded-For": "203.0.113.99"})
    assert rotated.status_code == 429, rotated.text
