"""The URL fetcher refuses what a hostile URL or server could use against a Byline server.

Every server here is real, on 127.0.0.1, started by the test; no part of the HTTP stack is mocked.
"""

from __future__ import annotations

import gzip
import resource
import shutil
import socket
import ssl
import subprocess
import threading
import time
import zlib
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from ipaddress import ip_address
from pathlib import Path

import pytest

from ingest.fetch import FetchError, FetchPolicy, fetch, non_public_kind
from ingest.readers import read_source
from ingest.settings import IngestSettings

MB = 1_000_000
ARTICLE = (
    b"<html><head><title>Ferry returns</title></head><body><article><p>"
    + b"The ferry runs again. " * 20
    + b"</p></article></body></html>"
)

Route = Callable[[BaseHTTPRequestHandler], None]


@contextmanager
def serving(
    routes: dict[str, Route], host: str = "127.0.0.1", tls: ssl.SSLContext | None = None
) -> Iterator[tuple[str, list[str]]]:
    """A real HTTP(S) server on `host` answering `routes` by path; yields its base URL and the paths it was asked for."""
    asked: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            asked.append(self.path)
            route = routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            try:
                route(self)
            except (BrokenPipeError, ConnectionResetError):  # the fetcher hung up, as it should
                pass

        def log_message(self, *args: object) -> None:
            pass

    server_class = type("Server", (ThreadingHTTPServer,), {"address_family": socket.AF_INET6 if ":" in host else socket.AF_INET})
    server = server_class((host, 0), Handler)
    if tls:
        server.socket = tls.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    netloc = f"[{host}]:{server.server_port}" if ":" in host else f"{host}:{server.server_port}"
    try:
        yield f"{'https' if tls else 'http'}://{netloc}", asked
    finally:
        server.shutdown()
        server.server_close()


def reply(body: bytes, content_type: str = "text/html; charset=utf-8", headers: dict[str, str] | None = None) -> Route:
    def send(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            handler.send_header(name, value)
        handler.end_headers()
        handler.wfile.write(body)

    return send


def redirect(location: str) -> Route:
    def send(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return send


def allowing(*hosts: str, max_bytes: int = 10 * MB, deadline_s: float = 10.0) -> FetchPolicy:
    return FetchPolicy(max_bytes=max_bytes, deadline_s=deadline_s, allowed_hosts=hosts)


def test_loopback_canary_is_refused_by_default_and_fetched_when_allowed():
    with serving({"/canary": reply(ARTICLE)}) as (base, asked):
        url = f"{base}/canary"
        refused = read_source(url, max_bytes=MB, settings=IngestSettings())
        assert not refused.articles
        (error,) = refused.errors
        assert error.where == url
        assert error.reason == "refused: 127.0.0.1 is a loopback address; allow it with BYLINE_FETCH_ALLOWED_HOSTS"
        assert asked == []  # refused before connecting: the canary never heard a thing

        allowed = read_source(url, max_bytes=MB, settings=IngestSettings(fetch_allowed_hosts=["127.0.0.1"]))
        assert not allowed.errors
        assert "ferry runs again" in allowed.articles[0].text
        assert asked == ["/canary"]


def test_a_name_is_checked_by_the_addresses_it_resolves_to():
    with serving({"/": reply(ARTICLE)}) as (base, asked):
        port = base.rsplit(":", 1)[1]
        with pytest.raises(FetchError, match="localhost resolves to .*, a loopback address"):
            fetch(f"http://localhost:{port}/", allowing())
        assert fetch(f"http://localhost:{port}/", allowing("LOCALHOST")).content == ARTICLE
        assert asked == ["/"]


def echo_host(handler: BaseHTTPRequestHandler) -> None:
    reply(f"Host: {handler.headers['Host']}".encode(), content_type="text/plain")(handler)


def ipv6_loopback_available() -> bool:
    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
        return True
    except OSError:
        return False


@pytest.mark.skipif(not ipv6_loopback_available(), reason="no IPv6 loopback here")
def test_ipv6_literal_is_checked_and_sent_with_a_bracketed_host_header():
    with serving({"/": echo_host}, host="::1") as (base, _):
        with pytest.raises(FetchError, match=r"refused: ::1 is a loopback address"):
            fetch(f"{base}/", allowing())
        assert fetch(f"{base}/", allowing("[::1]")).content == f"Host: {base.removeprefix('http://')}".encode()


@pytest.fixture(scope="module")
def localhost_certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for the name 'localhost' only (not for 127.0.0.1)."""
    if not shutil.which("openssl"):
        pytest.skip("openssl is not installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost"]
        + ["-addext", "subjectAltName=DNS:localhost", "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
    )
    return cert, key


def test_https_connects_to_the_checked_address_and_verifies_the_host_name(localhost_certificate, monkeypatch):
    cert, key = localhost_certificate
    monkeypatch.setenv("SSL_CERT_FILE", str(cert))  # trust the test certificate, as a user's own CA would be
    tls = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    tls.load_cert_chain(cert, key)
    with serving({"/": echo_host}, tls=tls) as (base, _):
        port = base.rsplit(":", 1)[1]
        # Connected to 127.0.0.1, the address that was checked; TLS (SNI, certificate) and Host still name 'localhost'.
        assert fetch(f"https://localhost:{port}/", allowing("localhost")).content == f"Host: localhost:{port}".encode()
        with pytest.raises(FetchError, match="could not fetch .*(certificate|CERTIFICATE)"):
            fetch(f"https://127.0.0.1:{port}/", allowing("127.0.0.1"))  # the certificate does not name the IP


def test_redirect_from_an_allowed_host_to_a_refused_address_is_refused():
    with serving({"/secret": reply(b"internal")}) as (canary, canary_asked):
        with serving({"/go": redirect(f"{canary}/secret"), "/file": redirect("file:///etc/passwd")}) as (base, _):
            port = base.rsplit(":", 1)[1]
            # Only the name 'localhost' is allowed; the redirect names 127.0.0.1 itself.
            with pytest.raises(FetchError) as refused:
                fetch(f"http://localhost:{port}/go", allowing("localhost"))
            assert refused.value.reason == (
                f"refused: redirected to {canary}/secret, and 127.0.0.1 is a loopback address; "
                "allow it with BYLINE_FETCH_ALLOWED_HOSTS"
            )
            assert canary_asked == []
            with pytest.raises(FetchError, match="only http and https URLs are fetched, not file"):
                fetch(f"{base}/file", allowing("127.0.0.1"))


def test_too_many_redirects_are_refused():
    with serving({"/loop": redirect("/loop"), "/a": redirect("/b"), "/b": reply(ARTICLE)}) as (base, asked):
        with pytest.raises(FetchError, match=r"too many redirects \(more than 5\)"):
            fetch(f"{base}/loop", allowing("127.0.0.1"))
        assert len(asked) == 6  # the first request and five redirects
        assert fetch(f"{base}/a", allowing("127.0.0.1")).url == f"{base}/b"


def gzip_bomb(expanded_mib: int) -> bytes:
    """About 1 KB of gzip per MiB of zeros: each full flush resets the compressor, so every block after
    the first compresses to the same bytes and the bomb is built without compressing a gigabyte."""
    block = bytes(1 << 20)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    first = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    repeated = compressor.compress(block) + compressor.flush(zlib.Z_FULL_FLUSH)
    return first + repeated * (expanded_mib - 1)  # no trailer: a reader must stop long before the end


def peak_rss_bytes() -> int:
    """The process's peak resident memory since the last reset_peak_rss() (or since it started)."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def reset_peak_rss() -> None:
    try:
        Path("/proc/self/clear_refs").write_text("5")  # Linux: reset VmHWM to the current RSS
    except OSError:
        pass  # elsewhere ru_maxrss can only grow: the check below still never passes a real blow-up wrongly


def test_gzip_bomb_stops_at_the_byte_limit_without_filling_memory():
    bomb = gzip_bomb(expanded_mib=1024)
    assert len(bomb) < 1.1 * MB
    with serving({"/bomb": reply(bomb, headers={"Content-Encoding": "gzip"})}) as (base, _):
        reset_peak_rss()
        before = peak_rss_bytes()
        started = time.monotonic()
        with pytest.raises(FetchError, match=r"over the 10 MB limit \(counted after decompression\)"):
            fetch(f"{base}/bomb", allowing("127.0.0.1", max_bytes=10 * MB))
        growth = peak_rss_bytes() - before
    assert growth < 100 * MB, f"peak memory grew by {growth / MB:.0f} MB"
    assert time.monotonic() - started < 5


def test_gzip_and_deflate_bodies_are_read():
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -zlib.MAX_WBITS)
    routes = {
        "/gzip": reply(gzip.compress(ARTICLE), headers={"Content-Encoding": "gzip"}),
        "/deflate": reply(zlib.compress(ARTICLE), headers={"Content-Encoding": "deflate"}),
        "/raw-deflate": reply(raw_deflate.compress(ARTICLE) + raw_deflate.flush(), headers={"Content-Encoding": "deflate"}),
        "/twice": reply(gzip.compress(gzip.compress(ARTICLE)), headers={"Content-Encoding": "gzip, gzip"}),
    }
    with serving(routes) as (base, _):
        for path in ("/gzip", "/deflate", "/raw-deflate"):
            assert fetch(base + path, allowing("127.0.0.1")).content == ARTICLE, path
        with pytest.raises(FetchError, match="Content-Encoding 'gzip, gzip' is not supported"):
            fetch(base + "/twice", allowing("127.0.0.1"))


def trickle(handler: BaseHTTPRequestHandler) -> None:
    """A valid response that arrives one byte a second."""
    body = b"x" * 60
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain")
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.flush()
    for byte in body:
        handler.wfile.write(bytes([byte]))
        handler.wfile.flush()
        time.sleep(1)


def test_slow_server_is_cut_off_at_the_deadline():
    with serving({"/slow": trickle}) as (base, _):
        started = time.monotonic()
        result = read_source(
            f"{base}/slow", max_bytes=MB, settings=IngestSettings(fetch_allowed_hosts=["127.0.0.1"], fetch_deadline_s=2)
        )
        elapsed = time.monotonic() - started
    assert result.errors[0].reason == "took longer than the 2 s deadline (BYLINE_FETCH_DEADLINE_S)"
    assert 1.9 < elapsed < 4.0


def test_content_types_that_are_not_articles_are_refused():
    routes = {
        "/report.pdf": reply(b"%PDF-1.7\n...", content_type="application/pdf"),
        "/photo": reply(b"\x89PNG\r\n", content_type="image/png"),
        "/blob": reply(b"\x00\x01", content_type="application/octet-stream"),
        "/feed": reply(b"<rss/>", content_type="application/rss+xml; charset=utf-8"),
    }
    with serving(routes) as (base, asked):
        settings = IngestSettings(fetch_allowed_hosts=["127.0.0.1"])
        pdf = read_source(f"{base}/report.pdf", max_bytes=MB, settings=settings)
        assert (pdf.errors[0].where, pdf.errors[0].reason) == (f"{base}/report.pdf", "PDF is not supported")
        with pytest.raises(FetchError, match=r"image/png is not an article \(expected HTML"):
            fetch(f"{base}/photo", allowing("127.0.0.1"))
        with pytest.raises(FetchError, match="application/octet-stream is not an article"):
            fetch(f"{base}/blob", allowing("127.0.0.1"))
        assert fetch(f"{base}/feed", allowing("127.0.0.1")).content == b"<rss/>"


def test_oversized_plain_response_is_refused():
    with serving({"/big": reply(b"word " * 300_000, content_type="text/plain")}) as (base, _):
        with pytest.raises(FetchError, match="over the 1 MB limit"):
            fetch(f"{base}/big", allowing("127.0.0.1", max_bytes=MB))


@pytest.mark.parametrize(
    "address, kind",
    [
        ("127.0.0.1", "loopback"),
        ("127.45.0.9", "loopback"),
        ("0.0.0.0", "unspecified"),
        ("10.1.2.3", "private"),
        ("172.16.0.1", "private"),
        ("192.168.1.1", "private"),
        ("100.64.0.1", "private"),
        ("169.254.169.254", "link-local"),  # cloud metadata
        ("224.0.0.1", "multicast"),
        ("::1", "loopback"),
        ("::", "unspecified"),
        ("fe80::1", "link-local"),
        ("fc00::1", "private"),
        ("ff02::1", "multicast"),
        ("::ffff:127.0.0.1", "loopback"),  # IPv4-mapped
        ("::ffff:169.254.169.254", "link-local"),
        ("2002:7f00:1::", "loopback"),  # 6to4 around 127.0.0.1
        ("64:ff9b::a00:1", "private"),  # NAT64 around 10.0.0.1
        ("93.184.215.14", None),
        ("2606:4700:4700::1111", None),
        ("::ffff:93.184.215.14", None),
    ],
)
def test_address_kinds(address, kind):
    assert non_public_kind(ip_address(address)) == kind


def test_allowed_hosts_setting_reads_a_comma_list_from_the_environment(monkeypatch):
    monkeypatch.setenv("BYLINE_FETCH_ALLOWED_HOSTS", "127.0.0.1, news.intranet")
    assert IngestSettings().fetch_allowed_hosts == ["127.0.0.1", "news.intranet"]


def test_an_allowed_host_with_a_port_opens_that_port_only(monkeypatch):
    """BYLINE_FETCH_ALLOWED_HOSTS=127.0.0.1 opened every port of that address (and of every name resolving to it) to
    fetches: to allow one news server on this machine was to let whoever names URLs reach every local service. An
    entry may now name its port; a bare host keeps its meaning (every port), as the setting's description says."""
    with serving({"/news": reply(ARTICLE)}) as (news, news_asked), serving({"/admin": reply(ARTICLE)}) as (other, asked):
        news_port = news.rsplit(":", 1)[1]
        monkeypatch.setenv("BYLINE_FETCH_ALLOWED_HOSTS", f"127.0.0.1:{news_port}, [::1]:{news_port}")
        settings = IngestSettings()
        assert not read_source(f"{news}/news", max_bytes=MB, settings=settings).errors
        (refused,) = read_source(f"{other}/admin", max_bytes=MB, settings=settings).errors
        assert refused.reason == "refused: 127.0.0.1 is a loopback address; allow it with BYLINE_FETCH_ALLOWED_HOSTS"
        assert asked == [] and news_asked == ["/news"]  # the other port was never connected to
        # by name too: 'localhost:<port>' opens that port of what localhost resolves to, no other
        assert fetch(f"http://localhost:{news_port}/news", allowing(f"localhost:{news_port}")).content
        with pytest.raises(FetchError, match="a loopback address"):
            fetch(f"http://localhost:{other.rsplit(':', 1)[1]}/admin", allowing(f"localhost:{news_port}"))
        # a bare host still opens every port
        assert fetch(f"{other}/admin", allowing("127.0.0.1")).content
    monkeypatch.setenv("BYLINE_FETCH_ALLOWED_HOSTS", "127.0.0.1:http")
    with pytest.raises(ValueError, match="BYLINE_FETCH_ALLOWED_HOSTS: '127.0.0.1:http': the port must be a number"):
        IngestSettings()
