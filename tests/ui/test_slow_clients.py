"""Clients that trickle (found by an outside tester): connections sending a request's head or body a byte at a time
were kept for as long as they liked, and some hundreds of them took every file handle `byline serve` may open.
The real app on the real server configuration (`ui.web.server`), raw sockets as the slow clients."""

from __future__ import annotations

import json
import socket
import time

import httpx
import pytest

from tests.ui.conftest import running_app
from ui.web import WebSettings

DEADLINE_S = 1.0
MIN_KB_S = 1.0  # 1,000 bytes a second


@pytest.fixture(scope="module")
def url(seeded_assistant):
    with running_app(seeded_assistant, settings=WebSettings(request_deadline_s=DEADLINE_S, min_body_kb_s=MIN_KB_S)) as served:
        yield served


def connect(url: str) -> socket.socket:
    host, port = url.removeprefix("http://").split(":")
    connection = socket.create_connection((host, int(port)), timeout=10)
    return connection


def closed_by_server(connection: socket.socket, within_s: float) -> float | None:
    """Seconds until the server closed `connection` (reading nothing more from it), or None if it had not by then."""
    started = time.monotonic()
    connection.settimeout(0.2)
    while time.monotonic() - started < within_s:
        try:
            if connection.recv(65536) == b"":
                return time.monotonic() - started
        except TimeoutError:
            continue
        except ConnectionResetError:
            return time.monotonic() - started
    return None


def test_connections_that_trickle_their_request_head_are_closed(url):
    trickling = []
    for _ in range(30):
        connection = connect(url)
        connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the blank line that ends it
        trickling.append(connection)
    started = time.monotonic()
    for connection in trickling:
        try:
            connection.sendall(b"X-a: b\r\n")  # a header line now and then keeps it going, but not past the deadline
        except OSError:
            pass
    closed = [closed_by_server(c, within_s=DEADLINE_S + 5 - (time.monotonic() - started)) for c in trickling]
    assert all(seconds is not None for seconds in closed), f"{closed.count(None)} of 30 still open past the deadline"
    assert httpx.get(f"{url}/healthz", timeout=10).status_code == 200


def test_a_kept_alive_connection_gets_the_same_deadline_for_its_next_request(url):
    connection = connect(url)
    connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
    connection.settimeout(10)
    assert b" 200 " in connection.recv(65536).split(b"\r\n")[0] + b" "
    connection.sendall(b"GET /healthz HTTP/1.1\r\n")  # the next request's head, never finished
    assert closed_by_server(connection, within_s=DEADLINE_S + 5) is not None


def test_a_body_that_falls_behind_the_pace_gets_408_and_the_connection_closes(url):
    connection = connect(url)
    body = json.dumps({"question": "Who said what about the talks?" + " " * 900}).encode()
    head = f"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    connection.sendall(head.encode())
    started = time.monotonic()
    reply = b""
    connection.settimeout(0.3)
    for byte in body:  # a byte every 0.3 s: 3 bytes a second against the 1,000 asked
        if b"\r\n\r\n" in reply or time.monotonic() - started > DEADLINE_S + 10:
            break
        try:
            connection.sendall(bytes([byte]))
            reply += connection.recv(65536)
        except TimeoutError:
            continue
        except OSError:
            break
    status_line = reply.split(b"\r\n")[0]
    assert b" 408 " in status_line, reply[:300]
    assert "BYLINE_MIN_BODY_KB_S" in json.loads(reply.split(b"\r\n\r\n", 1)[1])["detail"]
    assert time.monotonic() - started < DEADLINE_S + 5
    assert closed_by_server(connection, within_s=5) is not None


def test_a_body_sent_steadily_above_the_pace_is_answered(url):
    """A slow line is no trickle: 20 kB in 2 kB pieces every 0.1 s (20 kB/s) over two seconds, past the grace."""
    padding = " " * 20_000
    body = json.dumps({"question": f"Who said what about the talks?{padding}"}).encode()
    connection = connect(url)
    head = f"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {len(body)}\r\n\r\n"
    connection.sendall(head.encode())
    for start in range(0, len(body), 2000):
        connection.sendall(body[start : start + 2000])
        time.sleep(0.1)
    connection.settimeout(60)
    reply = b""
    while b"\r\n\r\n" not in reply:
        reply += connection.recv(65536)
    assert b" 200 " in reply.split(b"\r\n")[0] + b" ", reply[:300]


def test_a_body_sent_fast_then_stalled_gets_408_after_the_deadline(url):
    """An outside try: 400 kB sent at once, then nothing, earned a minute of credit at the average pace (10 connections
    with 19 MB each held for minutes, in memory). A pause longer than the deadline ends the request, whatever came."""
    connection = connect(url)
    body_length = 2_000_000
    head = f"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: {body_length}\r\n\r\n"
    connection.sendall(head.encode() + b'{"question": "' + b" " * 200_000)
    started = time.monotonic()
    connection.settimeout(DEADLINE_S + 5)
    reply = connection.recv(65536)
    assert b" 408 " in reply.split(b"\r\n")[0] + b" ", reply[:300]
    assert time.monotonic() - started < DEADLINE_S + 3


def test_a_request_head_over_64_kb_is_refused_not_held_in_memory(url):
    """An outside try held 1 GB of the server's memory with one head that never ended (60 kB header lines, as fast as
    it could), and a finished 50 MB head was answered 200."""
    connection = connect(url)
    connection.sendall(b"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    sent = 0
    try:
        for _ in range(200):  # up to 12 MB, far past the limit
            connection.sendall(b"X-A: " + b"a" * 60_000 + b"\r\n")
            sent += 60_000
    except OSError:  # the server closed the connection: it read no more
        pass
    connection.settimeout(5)
    try:
        reply = connection.recv(65536)
    except (ConnectionResetError, TimeoutError):
        reply = b""
    assert sent < 5_000_000, "the server went on reading a head far over the limit"
    assert reply == b"" or b" 431 " in reply.split(b"\r\n")[0] + b" ", reply[:200]
    small = httpx.get(f"{url}/healthz", headers={"X-A": "a" * 8000}, timeout=10)
    assert small.status_code == 200, "a head of a few kB, as a browser's with cookies, is read"
    # ... and a whole head over the limit sent at once is refused too (an analyst's 70,000-byte header was answered 200)
    whole = httpx.get(f"{url}/healthz", headers={"X-A": "a" * 70_000}, timeout=10)
    assert whole.status_code == 431, whole.status_code
