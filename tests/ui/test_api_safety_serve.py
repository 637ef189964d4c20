"""The server as a process of its own (found by an outside tester): `byline serve`, and `serve()` called from
Python: what uvicorn is told to trust, and where Gradio keeps the files uploaded to the chat."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from tests.conftest import REPO, free_port, wait_for_health

BYLINE = Path(sys.executable).parent / "byline"
TOKEN = "s3cret-token-for-tests"
ATTEMPTS = 3
# `serve()` from Python, as an embedding program calls it: none of what the `byline serve` command sets up first
SERVE_FROM_PYTHON = "import sys; from assistant import Assistant; from ui.web import serve; serve(Assistant.open(sys.argv[1]), port=int(sys.argv[2]))"


def clean_env(**extra: str) -> dict[str, str]:
    """This environment without Byline's, OpenAI's, uvicorn's proxy or Gradio's upload-folder settings, plus `extra`."""
    unset = ("FORWARDED_ALLOW_IPS", "GRADIO_TEMP_DIR")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BYLINE_", "OPENAI_")) and k not in unset}
    return env | extra


@contextmanager
def serving(how: str, data: Path, env: dict[str, str]) -> Iterator[tuple[str, subprocess.Popen]]:
    """Run the server on an empty index in `data` (`how`: "byline serve" or "serve()"); yield its URL and process,
    which is stopped (as a terminal or service manager stops it) on the way out."""
    port = free_port()
    if how == "byline serve":
        command = [str(BYLINE), "serve", "--data", str(data), "--port", str(port)]
    else:
        command = [sys.executable, "-c", SERVE_FROM_PYTHON, str(data), str(port)]
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    try:
        if not wait_for_health(url, lambda: process.poll() is None, 120):
            raise RuntimeError(f"{how} did not come up: {process.stderr.read() if process.stderr else ''}")
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


# `serve()` from Python is the one that trusted X-Forwarded-For; the command runs in `make stress` (tests/conftest.py)
@pytest.fixture(params=[pytest.param("byline serve", marks=pytest.mark.stress), "serve()"])
def served(request, tmp_path) -> Iterator[str]:
    """The server with a token set, ATTEMPTS failed sign-ins a minute; no FORWARDED_ALLOW_IPS."""
    env = clean_env(BYLINE_TOKEN=TOKEN, BYLINE_SIGN_IN_ATTEMPTS=str(ATTEMPTS))
    with serving(request.param, tmp_path / "data", env) as (url, _):
        yield url


def test_x_forwarded_for_neither_dodges_nor_aims_the_sign_in_limit(served):
    """uvicorn trusts X-Forwarded-For from 127.0.0.1 by default: every guess with another forged address was a
    new client (the limit never bit), and a forged victim's address spent the victim's attempts. The header is
    not trusted: the limit counts the connection's address, whether `byline serve` or a Python caller of
    `serve()` started the server (only the command used to say so)."""
    wrong = {"Authorization": "Bearer wrong"}
    for number in range(ATTEMPTS):
        headers = {**wrong, "X-Forwarded-For": f"203.0.113.{number + 1}"}
        assert httpx.get(f"{served}/api/articles", headers=headers).status_code == 401
    rotated = httpx.get(f"{served}/api/articles", headers={**wrong, "X-Forwarded-For": "203.0.113.99"})
    assert rotated.status_code == 429, rotated.text


def upload(url: str, name: str, text: str) -> Path:
    """Upload a file as the chat's file box does (Gradio's upload route); return where the server keeps it."""
    response = httpx.post(f"{url}/gradio_api/upload", files={"files": (name, text.encode(), "text/plain")})
    assert response.status_code == 200, response.text
    (kept,) = response.json()
    return Path(kept)


@pytest.mark.parametrize(
    "stop", [pytest.param(signal.SIGINT, marks=pytest.mark.stress), signal.SIGTERM], ids=["ctrl-c", "sigterm"]
)
def test_uploads_are_kept_where_only_this_user_can_read_them_and_removed_at_exit(tmp_path, stop):
    """Gradio kept every file uploaded to the chat in /tmp/gradio, made 0755: any local user could list and read
    every uploaded article. Its upload folder is now private (no access for group or others), and removed when
    the server is stopped, by Ctrl-C or by a SIGTERM (a service manager's stop): uvicorn ended the process by the
    signal after its graceful shutdown, no exit handler ran, and every upload stayed on disk (found by an outside
    tester: 73 MB of uploads left behind by one stopped server)."""
    with serving("byline serve", tmp_path / "data", clean_env()) as (url, process):
        kept = upload(url, "leak.txt", "Confidential\n\nThe source of the story is a ministry clerk.\n")
        folder = kept.parent.parent  # Gradio keeps each upload in a folder named by its hash, in the upload folder
        assert kept.read_text().startswith("Confidential")
        assert folder.stat().st_mode & 0o077 == 0, f"{folder} is open to others: {oct(folder.stat().st_mode)}"
        process.send_signal(stop)
        process.wait(timeout=15)
    assert not folder.exists()


# a long check (see tests/conftest.py, LONG_CHECKS): `make stress` runs it, `make test` leaves it out for time
@pytest.mark.stress
def test_uploads_never_added_are_removed_while_the_server_runs(tmp_path):
    """Found by an outside tester: `curl -F files=@19MB /gradio_api/upload`, repeated, grew the upload folder with
    no clean-up until exit, and anyone who can reach the server can do it. Gradio's own clean-up now removes an
    upload not added to the index after `upload_cache_minutes` (here 3 s), while the server runs."""
    env = clean_env(BYLINE_UPLOAD_CACHE_MINUTES="0.05")
    with serving("byline serve", tmp_path / "data", env) as (url, process):
        first = upload(url, "filler-1.txt", "Filler\n\n" + "x" * 200_000)
        second = upload(url, "filler-2.txt", "Filler\n\n" + "y" * 200_000)
        assert first.is_file() and second.is_file()
        deadline = time.monotonic() + 15
        while (first.exists() or second.exists()) and time.monotonic() < deadline:
            time.sleep(0.5)
        assert not first.exists() and not second.exists(), "uploads never added are still kept"
        assert process.poll() is None
        third = upload(url, "later.txt", "Later\n\nAn upload after the clean-up is kept until its own time.\n")
        assert third.is_file()


# a long check (see tests/conftest.py, LONG_CHECKS): `make stress` runs it, `make test` leaves it out for time
@pytest.mark.stress
def test_an_upload_folder_the_user_names_is_kept(tmp_path):
    """GRADIO_TEMP_DIR set by the user is theirs to choose: uploads go there, and the folder outlives the server.
    The uploads in it are Gradio's cache, cleaned up as in our own folder (or repeated uploads fill that disk):
    an upload is copied into the data folder when it is added, so the copy there is not needed after the server."""
    mine = tmp_path / "my-uploads"
    with serving("byline serve", tmp_path / "data", clean_env(GRADIO_TEMP_DIR=str(mine))) as (url, _):
        kept = upload(url, "note.txt", "Note\n\nA note kept where the user chose.\n")
        assert kept.is_relative_to(mine) and kept.is_file()
    assert mine.is_dir()
    assert not kept.exists()
