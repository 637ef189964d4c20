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

Importing this package gives Gradio a private upload folder (see `private_upload_folder`) before any room imports it.
"""

import atexit
import os
import shutil
import tempfile


def private_upload_folder() -> str:
    """Name a folder only this user can read (0700) as Gradio's GRADIO_TEMP_DIR, unless one is set; return it.

    Gradio keeps a copy of every file uploaded to the chat in GRADIO_TEMP_DIR, by default /tmp/gradio, made 0755:
    every local user could read every uploaded article. Gradio reads the variable when the app is built and
    at each upload, and a few of its modules fix a folder from it when imported, so this runs before any of them.
    A folder the user named is theirs to choose and is kept; ours is a fresh `mkdtemp` (0700, and no other user
    can have made it first, as one could /tmp/gradio), removed when the process exits: the uploads are only
    read into the index, and a copy left behind would outlive the article's removal from it.
    """
    folder = os.environ.get("GRADIO_TEMP_DIR")
    if folder:
        return folder
    folder = tempfile.mkdtemp(prefix="byline-uploads-")
    atexit.register(shutil.rmtree, folder, ignore_errors=True)
    os.environ["GRADIO_TEMP_DIR"] = folder
    return folder


private_upload_folder()

from ui.web.app import build_app, serve  # noqa: E402  (after the upload folder is set: see above)
from ui.web.handlers import ChatHandlers, InputProblem, checked_date, example_questions, ingest_uploads, speakers_rows  # noqa: E402
from ui.web.layout import build_chat  # noqa: E402
from ui.web.render import (  # noqa: E402
    Turn,
    articles_rows,
    chat_messages,
    escape_markdown,
    highlighted_passage,
    render_answer_text,
    render_evidence,
    render_turn,
)
from ui.web.settings import WebSettings  # noqa: E402

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
    "private_upload_folder",
    "render_answer_text",
    "render_evidence",
    "render_turn",
    "serve",
    "speakers_rows",
]
