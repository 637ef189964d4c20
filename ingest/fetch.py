"""Fetching one URL for ingestion, safe when strangers choose the URL (`byline serve`).

- Only http and https.
- The host's addresses must be public: loopback, private, link-local, multicast, reserved and
  unspecified addresses (IPv4 and IPv6, IPv4 inside IPv6 included) are refused unless the user
  lists the host in `fetch_allowed_hosts`: as `host:port`, that port only; as a bare host, every port
  of it (and of every name that resolves to it, when it is an address). Redirects are followed here, one hop at a time, so
  every hop is checked.
- The check runs inside the connection pool's `connect_tcp`, on the addresses it then connects
  to: DNS cannot give one answer to the check and another to the connection (DNS rebinding).
  TLS still verifies the certificate against the host name, as httpcore does above the socket.
- One deadline for the whole fetch, applied to every connect, read and write, so a server
  that trickles a byte at a time is cut off at the deadline.
- One budget for all the fetches of a job (`fetch_budget`: a request naming 100 URLs): they end at
  its deadline, or as soon as it is called off (its client hung up), whichever comes first. A URL
  not fetched by then is refused at once, with that reason, without touching the network.
- The byte limit counts decoded bytes, and gzip/deflate are inflated a bounded step at a time,
  so a compression bomb stops at the limit without ever being held in memory.
- Only text, HTML, XML (RSS/Atom) and JSON content types are read.

Each refusal raises `FetchError` with a reason a person can act on.
"""

from __future__ import annotations

import socket
import threading
import time
import zlib
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from ipaddress import IPv4Address, IPv4Network, IPv6Address, IPv6Network, ip_address

import httpcore
import httpx

MAX_REDIRECTS = 5
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
INFLATE_STEP = 64 * 1024  # most bytes one decompress call may produce
USER_AGENT = "Byline/0.1"
ALLOW_HINT = "allow it with BYLINE_FETCH_ALLOWED_HOSTS"
READABLE_MEDIA_WORDS = ("html", "xml", "rss", "atom", "json")  # text/* is readable too

IPAddress = IPv4Address | IPv6Address
NAT64_PREFIX = IPv6Network("64:ff9b::/96")  # a NAT64 gateway forwards these to the IPv4 address in the last 32 bits
SHARED_ADDRESS_SPACE = IPv4Network("100.64.0.0/10")  # carrier-grade NAT; not in `is_private` before Python 3.13
CALL_OFF_CHECK_S = 0.25  # under a budget, a read waits at most this long before looking whether it was called off
JOB_DEADLINE_SETTING = "BYLINE_FETCH_JOB_DEADLINE_S"


class FetchError(Exception):
    """A URL that was not fetched, with the reason."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class AddressRefused(FetchError):
    """The host resolves to a non-public address the user did not allow."""

    def __init__(self, host: str, address: IPAddress, kind: str, redirected_to: str = ""):
        article = "an" if kind[0] in "aeiou" else "a"
        if host.strip("[]") == str(address):
            what = f"{address} is {article} {kind} address"
        else:
            what = f"{host} resolves to {address}, {article} {kind} address"
        if redirected_to:
            what = f"redirected to {redirected_to}, and {what}"
        super().__init__(f"refused: {what}; {ALLOW_HINT}")
        self.host, self.address, self.kind = host, address, kind


class FetchBudget:
    """What all the fetches of one job may take together: until `seconds` from now, and until `called_off` is set."""

    def __init__(self, seconds: float, called_off: threading.Event | None = None, setting: str = JOB_DEADLINE_SETTING):
        self.seconds = seconds
        self.ends_at = time.monotonic() + seconds
        self.called_off = called_off or threading.Event()
        self.setting = setting

    def spent(self) -> str | None:
        """Why no more may be fetched under this budget, or None while it lasts."""
        if self.called_off.is_set():
            return "the request was called off (its client hung up)"
        if time.monotonic() >= self.ends_at:
            return f"the request's fetches ran past their {self.seconds:g} s deadline in all ({self.setting})"
        return None


_BUDGET: ContextVar[FetchBudget | None] = ContextVar("byline_fetch_budget", default=None)


@contextmanager
def fetch_budget(seconds: float, called_off: threading.Event | None = None) -> Iterator[FetchBudget]:
    """Every `fetch` in this block (on this thread, or this task) shares one `FetchBudget`: a job of many URLs
    ends at `seconds` from now (or when `called_off` is set), however many URLs it names and however slowly
    their servers send. The fetch under way then is cut off; the URLs after it are refused at once."""
    budget = FetchBudget(seconds, called_off)
    token = _BUDGET.set(budget)
    try:
        yield budget
    finally:
        _BUDGET.reset(token)


@dataclass(frozen=True)
class FetchPolicy:
    max_bytes: int
    deadline_s: float = 30.0
    allowed_hosts: tuple[str, ...] = ()
    max_redirects: int = MAX_REDIRECTS

    def allows(self, host: str, address: IPAddress, port: int | None = None) -> bool:
        """The user listed this host name, or this address (as written in any usual form), with no port (any port
        of it) or with `port`."""
        for entry in self.allowed_hosts:
            try:
                allowed, allowed_port = allowed_host(entry)
            except ValueError:
                continue  # the settings refuse such an entry; a policy built by hand just does not allow it
            if allowed_port is not None and allowed_port != port:
                continue
            if allowed == host.lower().rstrip("."):
                return True
            try:
                if ip_address(allowed) == address:
                    return True
            except ValueError:
                continue
        return False


def allowed_host(entry: str) -> tuple[str, int | None]:
    """A `fetch_allowed_hosts` entry as (host, port): `host` (every port of it), `host:port`, `[v6]`, `[v6]:port`, or
    a bare IPv6 address (every port). Raises ValueError for a port that is not one."""
    text = entry.strip().lower()
    if text.startswith("["):
        host, _, rest = text[1:].partition("]")
        port = rest[1:] if rest.startswith(":") else None
        if rest and port is None:
            raise ValueError(f"{entry!r}: after ']' only ':port' may follow")
    elif text.count(":") == 1:
        host, port = text.split(":")
    else:
        host, port = text, None  # a name, an IPv4 address, or an IPv6 address without brackets (no port)
    if port is not None and not (port.isascii() and port.isdigit() and 0 < int(port) < 65536):
        raise ValueError(f"{entry!r}: the port must be a number from 1 to 65535")
    if not host:
        raise ValueError(f"{entry!r}: no host")
    return host.rstrip("."), int(port) if port is not None else None


@dataclass(frozen=True)
class Fetched:
    url: str
    content: bytes
    content_type: str


def fetch(url: str, policy: FetchPolicy) -> Fetched:
    """GET `url` under `policy` (and the job's `fetch_budget`, if any), following redirects; raises FetchError
    with the reason it was refused."""
    budget = _BUDGET.get()
    if budget is not None and (spent := budget.spent()):
        raise FetchError(f"not fetched: {spent}")
    deadline = Deadline(policy.deadline_s, budget)
    current = parse_url(url)
    with httpcore.ConnectionPool(
        ssl_context=httpx.create_ssl_context(),  # certifi, or SSL_CERT_FILE/SSL_CERT_DIR as before
        network_backend=CheckedBackend(policy, deadline),
    ) as pool:
        for hop in range(policy.max_redirects + 1):
            try:
                with pool.stream(
                    "GET",
                    httpcore.URL(scheme=current.raw_scheme, host=current.raw_host, port=current.port, target=current.raw_path),
                    headers=[
                        (b"Host", current.netloc),  # httpx's form: brackets around IPv6, no default port
                        (b"User-Agent", USER_AGENT.encode()),
                        (b"Accept-Encoding", b"gzip, deflate"),  # what read_body can inflate in bounded steps
                    ],
                    extensions={"timeout": dict.fromkeys(("connect", "read", "write", "pool"), policy.deadline_s)},
                ) as response:
                    headers = httpx.Headers(response.headers)
                    if response.status in REDIRECT_STATUSES and "location" in headers:
                        current = parse_url(headers["location"], base=current)
                        continue
                    if response.status >= 400:
                        raise FetchError(f"could not fetch: HTTP {response.status}")
                    content_type = headers.get("content-type", "")
                    refuse_content_type(content_type)
                    content = read_body(response.iter_stream(), headers.get("content-encoding", ""), policy.max_bytes)
                    return Fetched(url=str(current), content=content, content_type=content_type)
            except AddressRefused as error:
                if hop:
                    raise AddressRefused(error.host, error.address, error.kind, redirected_to=str(current)) from error
                raise
            except httpcore.TimeoutException as error:
                if budget is not None and (spent := budget.spent()):
                    raise FetchError(f"cut off: {spent}") from error
                raise FetchError(f"took longer than the {policy.deadline_s:g} s deadline (BYLINE_FETCH_DEADLINE_S)") from error
            except (httpcore.NetworkError, httpcore.ProtocolError, httpcore.UnsupportedProtocol) as error:
                raise FetchError(f"could not fetch {current}: {error or type(error).__name__}") from error
    raise FetchError(f"too many redirects (more than {policy.max_redirects})")


def parse_url(text: str, base: httpx.URL | None = None) -> httpx.URL:
    try:
        url = base.join(text) if base is not None else httpx.URL(text)
    except httpx.InvalidURL as error:
        raise FetchError(f"not a valid URL: {text!r} ({error})") from error
    if url.scheme not in ("http", "https"):
        raise FetchError(f"refused: only http and https URLs are fetched, not {url.scheme or 'this'}: {text!r}")
    if not url.raw_host:
        raise FetchError(f"not a valid URL (no host): {text!r}")
    return url


class Deadline:
    """One end time for the whole fetch (no later than its job's budget); every socket operation may wait only
    until then, and none starts once the budget is called off."""

    def __init__(self, seconds: float, budget: FetchBudget | None = None):
        self.ends_at = time.monotonic() + seconds
        self.budget = budget
        if budget is not None:
            self.ends_at = min(self.ends_at, budget.ends_at)

    def cap(self, timeout: float | None) -> float:
        if self.budget is not None and self.budget.called_off.is_set():
            raise httpcore.TimeoutException("the fetch was called off")
        remaining = self.ends_at - time.monotonic()
        if remaining <= 0:
            raise httpcore.TimeoutException("the fetch deadline has passed")
        return remaining if timeout is None else min(timeout, remaining)


def non_public_kind(address: IPAddress) -> str | None:
    """What kind of non-public address this is ('loopback', 'private'…), or None when it is public."""
    if isinstance(address, IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in NAT64_PREFIX:
            embedded = IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return non_public_kind(embedded)
    if address.is_unspecified:
        return "unspecified"
    if address.is_loopback:
        return "loopback"
    if address.is_link_local:
        return "link-local"
    if address.is_multicast:
        return "multicast"
    if address.is_private or address in SHARED_ADDRESS_SPACE:
        return "private"
    if address.is_reserved:
        return "reserved"
    if not address.is_global:
        return "non-public"
    return None


def checked_addresses(host: str, port: int, policy: FetchPolicy) -> list[IPAddress]:
    """The addresses `host` resolves to, if every one of them may be fetched from."""
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise httpcore.ConnectError(f"cannot resolve {host}: {error}") from error
    addresses = list(dict.fromkeys(ip_address(sockaddr[0].split("%", 1)[0]) for *_, sockaddr in found))
    for address in addresses:
        kind = non_public_kind(address)
        if kind and not policy.allows(host, address, port):
            raise AddressRefused(host, address, kind)
    return addresses


class CheckedBackend(httpcore.NetworkBackend):
    """httpcore's socket backend, connecting only to checked addresses and only until the deadline."""

    def __init__(self, policy: FetchPolicy, deadline: Deadline):
        self.policy = policy
        self.deadline = deadline
        self.sockets = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        self.deadline.cap(timeout)  # resolving can take a while: don't start after the deadline
        last_error: httpcore.ConnectError | None = None
        for address in checked_addresses(host, port, self.policy):
            try:
                stream = self.sockets.connect_tcp(str(address), port, self.deadline.cap(timeout), local_address, socket_options)
            except httpcore.ConnectError as error:  # e.g. an IPv6 address on a host without IPv6: try the next
                last_error = error
                continue
            return DeadlineStream(stream, self.deadline)
        raise last_error or httpcore.ConnectError(f"{host} has no address")

    def connect_unix_socket(self, *args: object, **kwargs: object) -> httpcore.NetworkStream:
        raise FetchError("refused: unix sockets are not fetched")

    def sleep(self, seconds: float) -> None:
        self.sockets.sleep(seconds)


class DeadlineStream(httpcore.NetworkStream):
    """A connection whose every read, write and TLS handshake waits at most until the deadline."""

    def __init__(self, stream: httpcore.NetworkStream, deadline: Deadline):
        self.stream = stream
        self.deadline = deadline

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        if self.deadline.budget is None:
            return self.stream.read(max_bytes, self.deadline.cap(timeout))
        while True:  # a server that sends nothing would hold a called-off job until the deadline: look every step
            wait = self.deadline.cap(timeout)
            step = min(wait, CALL_OFF_CHECK_S)
            try:
                return self.stream.read(max_bytes, step)
            except httpcore.ReadTimeout:  # nothing was read: the next step reads on
                if step >= wait:
                    raise

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self.stream.write(buffer, self.deadline.cap(timeout))

    def close(self) -> None:
        self.stream.close()

    def start_tls(self, ssl_context, server_hostname: str | None = None, timeout: float | None = None) -> httpcore.NetworkStream:
        return DeadlineStream(self.stream.start_tls(ssl_context, server_hostname, self.deadline.cap(timeout)), self.deadline)

    def get_extra_info(self, info: str) -> object:
        return self.stream.get_extra_info(info)


def refuse_content_type(content_type: str) -> None:
    """Raise unless the body can be an article; no type at all is read (the readers sniff it)."""
    media = content_type.split(";", 1)[0].strip().lower()
    if not media or media.startswith("text/") or any(word in media for word in READABLE_MEDIA_WORDS):
        return
    if media == "application/pdf":
        raise FetchError("PDF is not supported")
    raise FetchError(f"{media} is not an article (expected HTML, plain text, XML, RSS/Atom or JSON)")


def read_body(raw_chunks: Iterable[bytes], content_encoding: str, max_bytes: int) -> bytes:
    """The decoded body, refused as soon as it passes `max_bytes`: never more than that plus one step in memory."""
    codings = [c.strip() for c in content_encoding.lower().split(",") if c.strip() not in ("", "identity")]
    if not codings:
        pieces: Iterable[bytes] = raw_chunks
    elif codings in (["gzip"], ["x-gzip"], ["deflate"]):
        pieces = inflate(raw_chunks, raw_deflate_allowed=codings == ["deflate"])
    else:  # we only ask for gzip and deflate; several layers are how bombs multiply
        raise FetchError(f"Content-Encoding {content_encoding!r} is not supported")
    body = bytearray()
    for piece in pieces:
        body += piece
        if len(body) > max_bytes:
            raise FetchError(f"response is over the {max_bytes / 1e6:g} MB limit (counted after decompression)")
    return bytes(body)


def inflate(chunks: Iterable[bytes], raw_deflate_allowed: bool) -> Iterator[bytes]:
    """gzip or zlib data, decompressed at most INFLATE_STEP bytes per call."""
    inflater = zlib.decompressobj(32 + zlib.MAX_WBITS)  # 32+: gzip or zlib header, detected
    started = False
    for chunk in chunks:
        data = chunk
        while True:
            try:
                piece = inflater.decompress(data, INFLATE_STEP)
            except zlib.error as error:
                if raw_deflate_allowed and not started:  # some servers send "deflate" without the zlib header
                    inflater, raw_deflate_allowed = zlib.decompressobj(-zlib.MAX_WBITS), False
                    continue
                raise FetchError(f"could not decompress the response: {error}") from error
            started = True
            if piece:
                yield piece
            data = inflater.unconsumed_tail
            # A full step may leave output pending inside zlib even when all input is consumed.
            if not data and len(piece) < INFLATE_STEP:
                break
