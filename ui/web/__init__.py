"""The web face: a Gradio chat with an evidence panel, mounted on a FastAPI app (which also serves the HTTP API).

Only presentation lives here: every answer, search and ingest goes through the `Assistant` API.
The rooms, each importing only those below it:

    app.py       build_app (FastAPI + /healthz + the HTTP API, with the chat mounted at /) and serve
    layout.py    build_chat: the Gradio Blocks and which event runs which handler
    handlers.py  ChatHandlers (answer a message, select an answer, list the index, add articles),
                 the input checks, example questions, ingesting uploads
    render.py    pure functions from a session's turns (each with its Answer) to chat markdown and evidence HTML,
                 and the page's CSS and script; no Gradio
    settings.py  WebSettings (env prefix BYLINE_), read when the app is built

app → layout → handlers → render; render imports none of them, and handlers never imports layout or app.
"""

from ui.web.app import build_app, serve
from ui.web.handlers import ChatHandlers, InputProblem, checked_date, example_questions, ingest_uploads, speakers_rows
from ui.web.layout import build_chat
from ui.web.render import (
    Turn,
    articles_rows,
    chat_messages,
    escape_markdown,
    highlighted_passage,
    render_answer_text,
    render_evidence,
    render_turn,
)
from ui.web.settings import WebSettings

__all__ = [
    "ChatHandlers",
    "InputProblem",
    "Turn",
    "WebSettings",
    "articles_rows",
    "build_app",
    "build_chat",
    "chat_messages",
    "checked_date",
    "escape_markdown",
    "example_questions",
    "highlighted_passage",
    "ingest_uploads",
    "render_answer_text",
    "render_evidence",
    "render_turn",
    "serve",
    "speakers_rows",
]
