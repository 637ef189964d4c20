"""How `byline serve` runs the app on uvicorn: the configuration it and the tests share.

1. uvicorn's own HTTP/1.1 protocol (httptools, as uvicorn picks it; h11 without it), with two additions: a connection
   must send a request's headers within `request_deadline_s` of opening (or of its last answer, kept alive), or it is
   closed; and a request head over `MAX_HEAD_BYTES` is answered 431 and closed (httptools buffers a head of any size:
   an outside try held 1 GB of the server's memory with one unfinished head). uvicorn times out only a
   kept-alive connection that sends nothing; one that trickles a byte now and then was kept for ever, and enough
   of them (an outside try) took every file handle the process may open.
2. A request's body is held to a pace by the app's guard (`ui.guards`, rule 9): after the headers, a connection
   is the app's.
3. X-Forwarded-For is believed only from the proxies the operator names (`FORWARDED_ALLOW_IPS`; see `serve`).
"""

from __future__ import annotations

import asyncio
import logging
import os
from typing import Any

import uvicorn

from ui.web.settings import WebSettings

log = logging.getLogger(__name__)

MAX_HEAD_BYTES = 64 * 1024  # a request line and headers; browsers send a few kB (cookies up to ~8 kB)
HEAD_END = b"\r\n\r\n"
TOO_LARGE = (
    b"HTTP/1.1 431 Request Header Fields Too Large\r\nContent-Type: text/plain; charset=utf-8\r\nConnection: close\r\n"
    b"Content-Length: 45\r\n\r\nRequest head over 64 kB: not read any further"
)


def uvicorn_protocol() -> type[asyncio.Protocol]:
    """The HTTP/1.1 protocol uvicorn's "auto" runs: httptools' when it is installed, else h11's. (h11 answers a
    request with two Host headers with its own bare 400, before the guard can say why: `ui.guards`, rule 8.)"""
    try:
        from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

        return HttpToolsProtocol
    except ImportError:
        from uvicorn.protocols.http.h11_impl import H11Protocol

        return H11Protocol


class HeaderDeadline:
    """Mixed into uvicorn's protocol: a connection that has not sent a whole request head in time is closed."""

    header_deadline_s = 10.0  # set per server by `server_config`

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        self._head_timer: asyncio.TimerHandle | None = None
        self._await_head()

    def _await_head(self) -> None:
        self._stop_waiting()
        self._head_start = b""
        self._head_timer = self.loop.call_later(self.header_deadline_s, self._head_late)

    def _stop_waiting(self) -> None:
        if getattr(self, "_head_timer", None) is not None:
            self._head_timer.cancel()
            self._head_timer = None

    def _waiting_for_head(self) -> bool:
        return self.cycle is None or self.cycle.response_complete

    def _head_late(self) -> None:
        self._head_timer = None
        # (a websocket upgrade hands the transport to another protocol: that one is not ours to close)
        if self._waiting_for_head() and not self.transport.is_closing() and self.transport.get_protocol() is self:
            log.info("closed a connection from %s that sent no whole request in %g s", self.client, self.header_deadline_s)
            self.transport.close()

    def data_received(self, data: bytes) -> None:
        waiting = self._waiting_for_head()
        if waiting and len(self._head_start) <= MAX_HEAD_BYTES:
            # the head's first bytes, to find where it ends: a whole head of 70 kB sent at once was read and answered
            # 200 (an analyst's try; the count of bytes was checked only while a head was still unfinished)
            self._head_start += data[: MAX_HEAD_BYTES + len(HEAD_END) - len(self._head_start)]
            if HEAD_END not in self._head_start and len(self._head_start) > MAX_HEAD_BYTES and not self.transport.is_closing():
                log.info("refused a request head over %d bytes from %s", MAX_HEAD_BYTES, self.client)
                self.transport.write(TOO_LARGE)
                self.transport.close()
                return
        super().data_received(data)  # a whole head starts its request's cycle in here
        if not self._waiting_for_head():
            self._stop_waiting()

    def on_response_complete(self) -> None:
        super().on_response_complete()  # a pipelined request already in starts its cycle here
        if self._waiting_for_head() and not self.transport.is_closing():
            self._await_head()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_waiting()
        super().connection_lost(exc)


def server_config(app: Any, host: str, port: int, settings: WebSettings, **options: Any) -> uvicorn.Config:
    """uvicorn's configuration for the app: the protocol above with the settings' deadline, and X-Forwarded-For
    trusted only from FORWARDED_ALLOW_IPS (unset: from none; uvicorn's default trusts 127.0.0.1, and every local
    process or page can send the header)."""
    protocol = type(
        "HeaderDeadlineProtocol", (HeaderDeadline, uvicorn_protocol()), {"header_deadline_s": settings.request_deadline_s}
    )
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        http=protocol,
        forwarded_allow_ips=os.environ.get("FORWARDED_ALLOW_IPS", ""),
        **{"log_level": "warning", **options},
    )
