"""Guards in front of everything `byline serve` answers (the HTTP API and the Gradio chat alike).

One ASGI middleware, so that no route, Gradio's own included, is left out:

1. **Cross-origin writes are refused.** A page on another site, or on another port of this machine,
   can make the user's browser POST to Byline; it cannot read the reply, but it could make Byline
   fetch or ingest. A state-changing request (POST, PUT, PATCH, DELETE) whose `Origin` header names
   another origin than the one served (scheme, host and port) is refused with 403. Requests without
   an `Origin` (curl, the openai client, scripts) are not browsers acting for a page and pass.
2. **Request bodies are bounded before anything parses them.** A declared `Content-Length` over the
   limit is refused at once (413); a body without one (chunked) is read up to the limit and refused
   past it, so no handler ever sees more than the limit.
3. **Wrong tokens are rate limited; a right one is never refused.** With a token set, a request that presents
   one (`Authorization: Bearer`, or the password of a POST to Gradio's `/login`) has it compared first, in
   constant time (`hmac.compare_digest`): a right one passes at once, whatever else this client sent. A wrong
   one is counted per client in a sliding window, a client being an address, or all of loopback as one (anyone
   on this machine can send from any of 127.0.0.0/8), or an IPv6 /64; within the limit it goes on to be
   answered (401, or the login's 400), past it it gets 429 with `Retry-After`, unchecked by the app. (It was the
   other way round: past the limit one attempt per client was checked at a time, and one local process sending
   wrong tokens every few ms took every turn, so the owner's right token got 429 indefinitely.) Since a right
   token passes even while its client is limited, the limit does not bound guessing: the token's strength does,
   and `ui.web.settings` refuses a token under 16 characters.

4. **Other origins read nothing.** Gradio answers CORS requests from any localhost origin (another
   port of this machine), credentials allowed; a reply to a request whose `Origin` is not the origin
   served carries no `Access-Control-Allow-*` header, so the browser keeps it from that page.

5. **Only local Host names, without a token** (`local_hosts_only`, set by `build_app` when no token is
   set: the server then listens on loopback only). A `Host` that is a DNS name other than localhost
   (and not in `allowed_hosts`, for a reverse proxy that sends its own name) is refused, HTTP and
   websocket alike, before any other check: a page that rebinds its own name to 127.0.0.1 sends its
   own name as Host, and with it, its own origin, which the checks above would take for this one.

6. **No other origin frames it.** Every HTTP response, refusals included, carries
   `Content-Security-Policy: frame-ancestors 'self'` and `X-Frame-Options: SAMEORIGIN` (for browsers
   without CSP 3), so a page elsewhere cannot put the chat in an invisible frame and click for the user.

7. **A file reaches the chat only as an upload.** Gradio reads a file reference (`{"path": …}`) whose path is an
   http(s) URL by downloading it on the server, with its own downloader: no `BYLINE_FETCH_URLS`, no size, time or
   content-type limit of Byline's fetch (an outside try had it download 1 GB, and hold a slow server for 17
   minutes). A POST to a Gradio route whose JSON holds such a reference is refused (403): a URL is added with the
   URL box or `/api/articles`, under the fetch rules.

8. **One Host, one Origin.** A request with two `Host` or two `Origin` headers (which no browser sends) is
   refused (400): the checks above would otherwise each read a different one.

9. **A body keeps coming, or the request ends.** After a grace (`request_deadline_s`) a request body must arrive
   at `min_body_kb_s` on average, and no piece of it may be more than `request_deadline_s` behind the last (a body
   sent fast, then stalled, had earned minutes of credit: an outside try held 10 connections with 19 MB each); one
   that falls behind is answered 408 and its connection closed, and the app sees its client gone. (Headers are held
   to the same grace by the server's protocol, `ui.web.server`.)

Its refusals come in the error shape of the path (ui/errors.py): OpenAI's under /v1, Byline's elsewhere.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable, Iterable, MutableMapping, Sequence
from ipaddress import IPv6Address, IPv6Network, ip_address
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import Request

from ui.errors import error_body

Scope = MutableMapping[str, Any]
Message = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Message]]
Send = Callable[[Message], Awaitable[None]]
ASGIApp = Callable[[Scope, Receive, Send], Awaitable[None]]

FRAME_ANCESTORS = b"frame-ancestors 'self'"  # rule 6
STATE_CHANGING = frozenset({"POST", "PUT", "PATCH", "DELETE"})
DEFAULT_PORTS = {"http": 80, "https": 443}


def client_key(address: str) -> str:
    """Whom `address` is counted as: loopback as one client (a process here may send from any 127.x.y.z or ::1, and
    a rotating address got a fresh count each), an IPv6 address by its /64 (a host's usual share), else itself."""
    try:
        parsed = ip_address(address)
    except ValueError:
        return address
    if isinstance(parsed, IPv6Address) and parsed.ipv4_mapped is not None:
        parsed = parsed.ipv4_mapped
    if parsed.is_loopback:
        return "loopback"
    if isinstance(parsed, IPv6Address):
        return str(IPv6Network(f"{parsed}/64", strict=False))
    return str(parsed)


def is_token(given: str | bytes, token: str) -> bool:
    """Whether `given` (a header's raw bytes, or text, as UTF-8) is `token`, compared in constant time."""
    return hmac.compare_digest(given.encode() if isinstance(given, str) else given, token.encode())


def bearer_token(headers: Iterable[tuple[bytes, bytes]]) -> bytes | None:
    """The token of raw ASGI `headers`' `Authorization: Bearer <token>`, or None: no such header, or another
    scheme (which no check takes for the token, so no guess at it)."""
    value = next((value for name, value in headers if name.lower() == b"authorization"), None)
    if value is None:
        return None
    scheme, _, given = value.partition(b" ")
    return given.strip() if scheme.lower() == b"bearer" else None


class FailedSignIns:
    """Wrong tokens (or passwords) per client (`client_key`) over a sliding window (thread-safe).

    Only wrong ones are counted and limited: a right token is compared before this is asked and never waits."""

    SWEEP_AT = 10_000  # clients with state kept before the idle ones are swept (a host rotating addresses)

    def __init__(self, limit: int, window_s: float = 60.0, clock: Callable[[], float] = time.monotonic):
        self.limit = limit
        self.window_s = window_s
        self.clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        failures = self._failures.setdefault(key, deque())
        while failures and failures[0] <= now - self.window_s:
            failures.popleft()
        return failures

    def failed(self, client: str) -> float | None:
        """Count a wrong token from `client`: None while within the limit (the app answers it, 401), else the
        seconds until the client's oldest counted one leaves the window (answered 429 unchecked, and not counted,
        so a client that keeps guessing gets a Retry-After that holds)."""
        key = client_key(client)
        with self._lock:
            now = self.clock()
            failures = self._recent(key, now)
            if len(failures) >= self.limit:
                return max(1.0, failures[0] + self.window_s - now)
            failures.append(now)
            if len(self._failures) > self.SWEEP_AT:
                for idle in [k for k in self._failures if not self._recent(k, now)]:
                    del self._failures[idle]
            return None


def origin_of(scope: Scope, headers: dict[str, str]) -> tuple[str, str, int]:
    """The origin this request was sent to: scheme, host and port (from the Host header)."""
    scheme = scope.get("scheme", "http")
    host = headers.get("host", "")
    parsed = urlsplit(f"{scheme}://{host}")
    return scheme, (parsed.hostname or "").lower(), parsed.port or DEFAULT_PORTS.get(scheme, 80)


def parse_origin(origin: str) -> tuple[str, str, int] | None:
    """An Origin header as (scheme, host, port); None for "null" and anything unparsable."""
    try:
        parsed = urlsplit(origin)
        port = parsed.port
    except ValueError:
        return None
    if parsed.scheme not in DEFAULT_PORTS or not parsed.hostname:
        return None
    return parsed.scheme, parsed.hostname.lower(), port or DEFAULT_PORTS[parsed.scheme]


async def refuse(
    scope: Scope,
    send: Send,
    status: int,
    reason: str,
    headers: dict[str, str] | None = None,
    errors: Sequence[dict[str, Any]] = (),
) -> None:
    body = json.dumps(error_body(scope.get("path", ""), status, reason, errors)).encode()
    raw_headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    raw_headers += [(name.encode(), value.encode()) for name, value in (headers or {}).items()]
    await send({"type": "http.response.start", "status": status, "headers": raw_headers})
    await send({"type": "http.response.body", "body": body})


def host_name(host: str) -> str | None:
    """The name in a Host header (no port, lower case, no trailing dot); None when it cannot be read."""
    try:
        return (urlsplit(f"http://{host}").hostname or "").rstrip(".")
    except ValueError:
        return None


def is_local_host(host: str, allowed: frozenset[str] = frozenset()) -> bool:
    """A Host header no DNS-rebinding page can send: an IP address, localhost or a *.localhost name (port or
    not), or a name the operator allowed (`allowed`: lower case, as `host_name` gives)."""
    name = host_name(host)
    if name is None:
        return False
    if name == "localhost" or name.endswith(".localhost") or name in allowed:  # browsers resolve *.localhost to loopback
        return True
    try:
        ip_address(name)
    except ValueError:
        return False
    return True


GRADIO_ROUTE = "/gradio_api/"  # where the chat's calls (queue/join, call/…, run/…) come in


async def read_body(receive: Receive) -> tuple[bytes, Receive]:
    """The whole request body (within the limit: `_bounded_body` saw to it), and a `receive` that gives it again."""
    body = bytearray()
    while True:
        message = await receive()
        if message["type"] != "http.request":
            break
        body += message.get("body", b"")
        if not message.get("more_body", False):
            break
    return bytes(body), replaying(bytes(body), receive)


def remote_file_reference(body: bytes) -> str | None:
    """The first path of a file reference (`{"path": …}`, Gradio's FileData) in a JSON body that is an http(s) URL,
    which Gradio would download; None when there is none or the body is no JSON (the app answers that itself)."""
    try:
        todo = [json.loads(body)]
    except ValueError:
        return None
    while todo:
        item = todo.pop()
        if isinstance(item, dict):
            path = item.get("path")
            if isinstance(path, str) and path.strip().lower().startswith(("http://", "https://")):
                return path
            todo.extend(item.values())
        elif isinstance(item, list):
            todo.extend(item)
    return None


class PacedBody:
    """A `receive` that holds the request body to a pace (rule 9): the next piece of it must come before the grace
    plus the time the bytes so far allow at `min_bytes_s`, or the app is told the client is gone (`late` is then
    set). Once the body is whole, messages pass as they come (a disconnect may be waited for as long as the app
    likes: a streamed answer's), as they do for a request that sends no body."""

    READY_S = 0.05  # a piece already in is taken, however late the app asks for it

    def __init__(self, receive: Receive, grace_s: float, min_bytes_s: float, has_body: bool = True):
        self.receive = receive
        self.grace_s = grace_s
        self.min_bytes_s = min_bytes_s
        self.started = time.monotonic()
        self.received = 0
        self.whole = not has_body
        self.late = False

    async def __call__(self) -> Message:
        if self.late:
            return {"type": "http.disconnect"}
        if self.whole:
            return await self.receive()
        due = self.started + self.grace_s + self.received / self.min_bytes_s
        wait = min(due - time.monotonic(), self.grace_s)  # a stall is a stall, whatever came before it
        try:
            message = await asyncio.wait_for(self.receive(), timeout=max(self.READY_S, wait))
        except TimeoutError:
            self.late = True
            return {"type": "http.disconnect"}
        if message["type"] == "http.request":
            self.received += len(message.get("body", b""))
            self.whole = not message.get("more_body", False)
        else:
            self.whole = True
        return message


def replaying(body: bytes, receive: Receive) -> Receive:
    """A `receive` that gives a body already read, whole, then hands over to `receive` (a disconnect, say)."""
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


def without_cors(send: Send) -> Send:
    """`send` with the response's Access-Control-Allow-* headers left out (the reply is for another origin)."""

    async def send_without(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [
                (name, value) for name, value in message.get("headers", []) if not name.lower().startswith(b"access-control-")
            ]
            message = {**message, "headers": headers}
        await send(message)

    return send_without


def not_framed(send: Send) -> Send:
    """`send` with the framing headers (rule 6) added to the response's start."""

    async def send_framed(message: Message) -> None:
        if message["type"] == "http.response.start":
            headers = [(name, value) for name, value in message.get("headers", []) if name.lower() != b"x-frame-options"]
            policies = [value for name, value in headers if name.lower() == b"content-security-policy"]
            headers = [(name, value) for name, value in headers if name.lower() != b"content-security-policy"]
            # a policy the app set keeps its other directives; only its frame-ancestors is ours
            kept = [
                d.strip() for p in policies for d in p.split(b";") if d.strip() and not d.strip().startswith(b"frame-ancestors")
            ]
            policy = b"; ".join([*kept, FRAME_ANCESTORS])
            headers += [(b"content-security-policy", policy), (b"x-frame-options", b"SAMEORIGIN")]
            message = {**message, "headers": headers}
        await send(message)

    return send_framed


class RequestGuard:
    """The ASGI middleware of this module's docstring."""

    def __init__(
        self,
        app: ASGIApp,
        max_body_bytes: int,
        sign_in_limit: int,
        sign_in_window_s: float = 60.0,
        local_hosts_only: bool = False,
        allowed_hosts: Iterable[str] = (),
        token: str | None = None,
        body_grace_s: float = 10.0,
        min_body_bytes_s: float = 8_000.0,
    ):
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.body_grace_s = body_grace_s
        self.min_body_bytes_s = min_body_bytes_s
        self.sign_ins = FailedSignIns(sign_in_limit, sign_in_window_s)
        self.local_hosts_only = local_hosts_only
        self.allowed_hosts = frozenset(name for name in (host_name(h.strip()) for h in allowed_hosts) if name)
        self.token = token  # None: nothing to sign in with, so nothing to limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self._guarded(scope, receive, send)
            return
        send = not_framed(send)  # first, so the guard's own refusals carry it too
        has_body = any(
            name.lower() == b"transfer-encoding" or (name.lower() == b"content-length" and value.strip() not in (b"", b"0"))
            for name, value in scope.get("headers", [])
        )
        paced = PacedBody(receive, self.body_grace_s, self.min_body_bytes_s, has_body)
        started = False

        async def send_unless_late(message: Message) -> None:
            nonlocal started
            if paced.late and not started:
                return  # the 408 below is the answer
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self._guarded(scope, paced, send_unless_late)
        except Exception:
            if not paced.late:
                raise
            # the app read a body that stopped coming (Starlette raises ClientDisconnect): the 408 below says why
        if paced.late and not started:
            reason = (
                f"the request body came too slowly: {paced.received:,} bytes in {time.monotonic() - paced.started:.0f} s "
                f"(at least {self.min_body_bytes_s / 1000:g} kB/s after {self.body_grace_s:g} s, and no pause over {self.body_grace_s:g} s; "
                "BYLINE_MIN_BODY_KB_S, BYLINE_REQUEST_DEADLINE_S)"
            )
            await refuse(scope, send, 408, reason, {"connection": "close"})

    async def _guarded(self, scope: Scope, receive: Receive, send: Send) -> None:
        if self.local_hosts_only and scope["type"] in ("http", "websocket") and not await self._host_served(scope, send):
            return
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        raw_names = [name.lower() for name, _ in scope.get("headers", [])]
        if raw_names.count(b"host") > 1 or raw_names.count(b"origin") > 1:
            await refuse(scope, send, 400, "a request may carry one Host and one Origin header")  # rule 8
            return
        headers = {name.decode("latin-1").lower(): value.decode("latin-1") for name, value in scope.get("headers", [])}
        method = scope["method"].upper()
        path = scope.get("path", "")
        client = (scope.get("client") or ("unknown", 0))[0]

        if method in STATE_CHANGING and "origin" in headers:
            if parse_origin(headers["origin"]) != origin_of(scope, headers):
                await refuse(scope, send, 403, f"cross-origin request refused: {headers['origin']!r} may not change this server")
                return

        if method in STATE_CHANGING:
            receive_checked = await self._bounded_body(scope, headers, receive, send)
            if receive_checked is None:
                return
            receive = receive_checked
            if GRADIO_ROUTE in path and "json" in headers.get("content-type", ""):
                body, receive = await read_body(receive)
                if (remote := remote_file_reference(body)) is not None:  # rule 7
                    reason = (
                        f"a file reference to {remote[:100]!r} is refused: files reach the chat only as uploads; add a URL "
                        "with the URL box or POST /api/articles, which fetch it under Byline's rules"
                    )
                    await refuse(scope, send, 403, reason)
                    return

        if "origin" in headers and parse_origin(headers["origin"]) != origin_of(scope, headers):
            send = without_cors(send)
        if self.token is not None:
            given: str | bytes | None = bearer_token(scope.get("headers", []))
            if given is None and method == "POST" and path.rstrip("/").endswith("/login"):
                given, receive = await self._login_password(scope, receive)
            # The token first, in constant time: a right one always passes, however many wrong ones this client
            # (all of loopback, say) sent; only wrong ones are counted, and past the limit refused unchecked.
            if given is not None and not is_token(given, self.token) and (wait := self.sign_ins.failed(client)) is not None:
                await self._too_many(scope, send, wait)
                return
        await self.app(scope, receive, send)

    async def _too_many(self, scope: Scope, send: Send, wait: float) -> None:
        reason = "too many wrong sign-in attempts from this address; the right token is never refused"
        await refuse(scope, send, 429, reason, {"retry-after": f"{wait:.0f}"})

    async def _login_password(self, scope: Scope, receive: Receive) -> tuple[str, Receive]:
        """The password of a sign-in form (as Gradio's /login reads it, URL-encoded or multipart; "" if none), and a
        `receive` that gives the app the body again. The body is within the limit: `_bounded_body` saw to it."""
        body, _ = await read_body(receive)
        try:
            async with Request(scope, replaying(body, receive)).form() as form:
                password = form.get("password")
        except Exception:  # a form that cannot be read is no right password; the app answers it as it will
            password = None
        return (password if isinstance(password, str) else ""), replaying(body, receive)

    async def _host_served(self, scope: Scope, send: Send) -> bool:
        """Whether the request's Host is local or allowed; if not, it is refused (403, or a closed websocket)."""
        host = next((value.decode("latin-1") for name, value in scope.get("headers", []) if name.lower() == b"host"), None)
        if host is None or is_local_host(host, self.allowed_hosts):
            return True  # no Host at all is no browser's request
        if scope["type"] == "websocket":
            await send({"type": "websocket.close", "code": 1008})
            return False
        reason = (
            f"host {host[:100]!r} is not served: without an access token (BYLINE_TOKEN) Byline answers only to "
            "localhost, IP addresses and BYLINE_ALLOWED_HOSTS, so a page that points its own name at this machine gets nothing"
        )
        await refuse(scope, send, 403, reason)
        return False

    async def _bounded_body(self, scope: Scope, headers: dict[str, str], receive: Receive, send: Send) -> Receive | None:
        """`receive` for a body within the limit, or None after refusing it (413 / 400)."""
        limit = self.max_body_bytes
        declared = headers.get("content-length")
        if declared is not None:
            if not declared.strip().isdigit():
                reason = "Content-Length is not a number"
                await refuse(
                    scope, send, 400, reason, errors=[{"loc": ["header", "content-length"], "msg": reason, "type": "invalid"}]
                )
                return None
            if int(declared) > limit:
                await self._too_large(scope, send, f"request body of {int(declared):,} bytes is over the {limit:,}-byte limit")
                return None
            return receive  # the server reads no more than the declared length
        body = bytearray()
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return receive  # the client went away: let the app see it
            body += message.get("body", b"")
            if len(body) > limit:
                await self._too_large(scope, send, f"request body is over the {limit:,}-byte limit")
                return None
            if not message.get("more_body", False):
                break
        return replaying(bytes(body), receive)

    async def _too_large(self, scope: Scope, send: Send, reason: str) -> None:
        """Refuse a body over the limit (413), naming the body and the setting that sets the limit."""
        error = {"loc": ["body"], "msg": f"{reason} (BYLINE_MAX_UPLOAD_MB)", "type": "too_large"}
        await refuse(scope, send, 413, reason, errors=[error])
