"""The web face: a Gradio chat mounted on a FastAPI app (which also serves the HTTP API)."""

from __future__ import annotations

import logging

import gradio as gr
from fastapi import FastAPI

log = logging.getLogger(__name__)


def format_answer(answer) -> str:
    lines = [answer.text]
    if answer.citations:
        lines.append("")
        for c in answer.citations:
            link = f"[{c.title}]({c.url})" if c.url else c.title
            lines.append(f"[{c.n}] {link} — {c.source}, {c.published or 'undated'}")
    return "\n".join(lines)


def build_chat(bot) -> gr.Blocks:
    def respond(message: str, history: list) -> str:
        return format_answer(bot.ask(message))

    return gr.ChatInterface(respond, title="Byline", description="Ask about the articles; every answer cites its passages.")


def build_app(bot) -> FastAPI:
    app = FastAPI(title="Byline")

    @app.get("/healthz")
    def healthz() -> dict:
        return {"ok": True, "articles": len(bot.retriever.articles)}

    return gr.mount_gradio_app(app, build_chat(bot), path="/")


def serve(bot, host: str = "127.0.0.1", port: int = 7860, token: str | None = None) -> None:
    import uvicorn

    if host not in ("127.0.0.1", "localhost", "::1") and not token:
        raise SystemExit(f"refusing to bind {host} without an access token: set BYLINE_TOKEN")
    log.warning("Byline chat on http://%s:%d/", host, port)
    uvicorn.run(build_app(bot), host=host, port=port, log_level="warning")
