"""The app: FastAPI serving /healthz and the HTTP API, with the Gradio chat mounted at /; and `serve`, which runs it."""

from __future__ import annotations

import hmac
import logging
import signal
import sys
import threading

import gradio as gr
from fastapi import FastAPI

from ui.api import register_api
from ui.guards import RequestGuard
from ui.web.layout import build_chat
from ui.web.render import CSS, HEAD
from ui.web.server import server_config
from ui.web.settings import WebSettings, token_problem
from ui.workers import IngestWorkers

__all__ = ["LOCAL_HOSTS", "build_app", "serve"]

log = logging.getLogger(__name__)

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def build_app(bot, token: str | None = None, settings: WebSettings | None = None) -> FastAPI:
    """FastAPI serving /healthz (and the HTTP API), with the Gradio chat mounted at /.

    With a token, the chat asks for it at sign-in (any user name, the token as password). Every
    request passes `RequestGuard` (cross-origin writes, body size, sign-in attempts, and without a token,
    local Host names or `allowed_hosts` only); ingests from the API and the chat run on their own workers.
    """
    settings = settings or WebSettings()
    if token and (problem := token_problem(token)):
        raise ValueError(problem)
    app = FastAPI(title="Byline")
    workers = IngestWorkers(settings.ingest_workers, settings.ingest_waiting)
    app.router.add_event_handler("shutdown", workers.shutdown)

    @app.get("/healthz")
    def healthz() -> dict:
        return {"ok": True, "articles": len(bot.articles())}

    # Routes must be added before the mount below: the mount at "/" answers every path after it.
    register_api(app, bot, token, workers)
    auth = None
    if token:

        def auth(username: str, password: str) -> bool:
            return hmac.compare_digest(password.encode(), token.encode())

    app.add_middleware(
        RequestGuard,
        max_body_bytes=int(settings.max_upload_mb * 1_000_000),
        sign_in_limit=settings.sign_in_attempts,
        # Without a token the server is loopback-only, and only the Host tells a DNS-rebinding page from the user
        local_hosts_only=not token,
        allowed_hosts=settings.allowed_hosts,
        token=token or None,  # compared first: a right token is never refused, only wrong ones are limited
        body_grace_s=settings.request_deadline_s,
        min_body_bytes_s=settings.min_body_kb_s * 1000,
    )
    chat = build_chat(bot, settings, workers)
    # Gradio checks a request's file references (only files uploaded to it are inputs) once the app has
    # "launched"; mounted in FastAPI it never does, and then copied any path a request named, /etc/passwd
    # included, into its upload folder, where it passed as uploaded. `has_launched` is read only by that check.
    chat.has_launched = True
    # Gradio's upload route keeps every file posted to it (up to max_upload_mb each) until the server stops: anyone
    # who can reach the server could fill the disk. Gradio's own clean-up removes, every `frequency` seconds, the
    # files this app's upload route and components made that are older than `age` (and all of them at shutdown).
    # Read by mount_gradio_app, so set before it. Gradio offers no cap on the folder's total size.
    chat.delete_cache = upload_clean_up(settings)
    return gr.mount_gradio_app(
        app,
        chat,
        path="/",
        auth=auth,
        auth_message="Sign in with any user name and the access token (BYLINE_TOKEN) as password." if token else None,
        max_file_size=int(settings.max_upload_mb * 1_000_000),  # bytes: "0.5mb" is no size gradio can parse
        show_error=False,
        css=CSS,
        head=HEAD,
        footer_links=["api"],
    )


def upload_clean_up(settings: WebSettings) -> tuple[int, int]:
    """Gradio's `delete_cache` (frequency, age), both whole seconds: uploads older than `upload_cache_minutes` are
    removed within a tenth of that age more (a sweep at least every minute)."""
    age = max(1, round(settings.upload_cache_minutes * 60))
    return max(1, min(60, age // 10)), age


def exit_cleanly_on_sigterm() -> None:
    """Let a SIGTERM (a service manager's stop, `kill`) end the process through Python's exit, as Ctrl-C does.

    uvicorn shuts down gracefully on SIGTERM, then raises the signal again with the handler it found: the default
    one ends the process at once, and no exit handler ran, so the private upload folder (`private_upload_folder`)
    with every upload in it stayed behind. A handler that exits is left alone if the program set one of its own.
    """
    if threading.current_thread() is not threading.main_thread():
        return
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, lambda number, frame: sys.exit(128 + number))


def serve(bot, host: str = "127.0.0.1", port: int = 7860, settings: WebSettings | None = None) -> None:
    """Run the app with uvicorn on host:port; beyond the local hosts only with an access token.

    uvicorn takes X-Forwarded-For as the client's address from 127.0.0.1 by default, and every local process (or
    page) can send it: rotated, it dodged the sign-in limit per client, or spent a victim's attempts. It is
    trusted only from the proxies the operator names in uvicorn's FORWARDED_ALLOW_IPS; unset, from none. This
    is set here, not by the `byline serve` command alone, so a caller of `serve` from Python is as safe.
    """
    import uvicorn

    settings = settings or WebSettings()
    token = settings.token.get_secret_value() if settings.token else None
    if host not in LOCAL_HOSTS and not token:
        raise SystemExit(f"refusing to bind {host} without an access token: set BYLINE_TOKEN")
    if token and (problem := token_problem(token)):
        raise SystemExit(f"refusing to serve: {problem}")  # the message names no part of the token
    app = build_app(bot, token=token, settings=settings)
    address = chat_address(host, port)
    if token:
        log.warning("Byline chat on %s — access token required (sign in with the BYLINE_TOKEN as password)", address)
    else:
        log.warning("Byline chat on %s (local only, no access token)", address)
    exit_cleanly_on_sigterm()
    server = uvicorn.Server(server_config(app, host, port, settings))
    try:
        server.run()
    except KeyboardInterrupt:
        pass
    if not server.started:  # the port is taken, say: uvicorn said why; exit as `uvicorn.run` does
        raise SystemExit(3)


def chat_address(host: str, port: int) -> str:
    """The chat's address to open: an IPv6 host in brackets ("http://[::1]:7937/", not "http://::1:7937/")."""
    return f"http://[{host}]:{port}/" if ":" in host else f"http://{host}:{port}/"
