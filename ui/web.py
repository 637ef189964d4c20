"""The web face: a Gradio chat with an evidence panel, mounted on a FastAPI app (which also serves the HTTP API).

Only presentation lives here: every answer, search and ingest goes through the `Assistant` API.
"""

from __future__ import annotations

import hmac
import html
import logging
import re
import shutil
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import gradio as gr
from fastapi import FastAPI
from pydantic import BaseModel, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from ui.api import register_api

log = logging.getLogger(__name__)

LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
MARKER = re.compile(r"\[(\d+)\]")
# Characters that markdown would read as formatting; article text is shown as it was written.
MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~$])")
# A quoted phrase in a title ('...', "...", ‘...’, “...”): opening quote at a word start, so "Aliyev's" is no quote.
TITLE_QUOTE = re.compile(r"(?:^|(?<=\s))['\"‘“](.{15,140}?)['\"’”](?=$|[\s,.;:!?])")
SUPPORTED_UPLOADS = ".txt, .md, .json, .jsonl, .html, .xml (RSS/Atom)"


class WebSettings(BaseSettings):
    """Settings of the web chat (env prefix `BYLINE_`), read when the app is built."""

    model_config = SettingsConfigDict(env_prefix="BYLINE_", env_file=".env", extra="ignore")

    max_upload_mb: float = Field(
        default=20.0,
        gt=0,
        description="Largest file the 'Add articles' tab accepts, in MB; larger ones are refused with a reason.",
    )
    example_questions: int = Field(
        default=4, ge=0, le=12, description="How many example questions, drawn from what is indexed, the chat offers."
    )
    stream_pace_ms: float = Field(
        default=12.0,
        ge=0,
        description="Least time between two streamed pieces of an answer on screen. An extractive answer is whole at "
        "once; pacing lets it read as it is written, as an LLM's does. 0 shows pieces as fast as they come.",
    )
    list_rows: int = Field(
        default=500,
        ge=1,
        description="Most rows the Articles and Speakers tabs show (newest articles, most quoted speakers); "
        "a page listing 100k articles would load for minutes. /api/articles and /api/quotes give everything.",
    )
    uploads_dir_name: str = Field(
        default="uploads",
        description="Folder (inside the data folder) where uploaded files are kept; its name is the source of their articles.",
    )


class Turn(BaseModel):
    """One question and what came back, as the chat session remembers it."""

    question: str
    text: str = Field(default="", description="Answer text so far (raw, with [n] markers).")
    answer: Any = Field(default=None, description="The finished assistant.answer.Answer, once there is one.")
    error: str | None = Field(default=None, description="A short message when answering failed.")


# --- rendering -------------------------------------------------------------------------------


def escape_markdown(text: str) -> str:
    return MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def render_answer_text(text: str, turn_number: int) -> str:
    """Answer text as chat markdown: literal text, and each [n] a link to its passage in the evidence panel."""
    pieces: list[str] = []
    last = 0
    for match in MARKER.finditer(text):
        pieces.append(escape_markdown(text[last : match.start()]))
        n = match.group(1)
        pieces.append(f'<a class="cite-marker" href="#cite-{turn_number}-{n}">[{n}]</a>')
        last = match.end()
    pieces.append(escape_markdown(text[last:]))
    return "".join(pieces)


def render_turn(turn: Turn, turn_number: int, show_rewrite: bool) -> str:
    if turn.error:
        return f"⚠️ {escape_markdown(turn.error)}"
    body = render_answer_text(turn.text, turn_number)
    answer = turn.answer
    if answer is None:
        return body
    notes: list[str] = []
    if show_rewrite and answer.standalone_question and answer.standalone_question.strip() != turn.question.strip():
        notes.append(f"Understood as: “{escape_markdown(answer.standalone_question)}”")
    if answer.notice:
        notes.append(escape_markdown(answer.notice))
    if notes:
        body += "\n\n" + "\n\n".join(f"<small>{note}</small>" for note in notes)
    return body


def chat_messages(turns: list[Turn], show_rewrite: bool) -> list[dict]:
    messages: list[dict] = []
    for number, turn in enumerate(turns, start=1):
        messages.append({"role": "user", "content": turn.question})
        if turn.text or turn.error or turn.answer is not None:
            messages.append({"role": "assistant", "content": render_turn(turn, number, show_rewrite)})
    return messages


def highlighted_passage(citation) -> str:
    """The passage as HTML with the cited words in <mark>: span and passage_span are both article offsets."""
    passage = citation.passage
    start = citation.span[0] - citation.passage_span[0]
    end = citation.span[1] - citation.passage_span[0]
    if not (0 <= start < end <= len(passage)):
        # The quote lies outside the stored passage (should not happen): find it, else show it on its own.
        found = passage.find(citation.quote) if citation.quote else -1
        if found < 0:
            return f"<mark>{html.escape(citation.quote)}</mark>"
        start, end = found, found + len(citation.quote)
    return f"{html.escape(passage[:start])}<mark>{html.escape(passage[start:end])}</mark>{html.escape(passage[end:])}"


def render_evidence(turns: list[Turn], selected: int | None) -> str:
    """The evidence panel for one turn (the latest when none is selected)."""
    if not turns:
        return '<div class="byline-evidence empty"><p>Ask a question: the passages behind the answer show up here.</p></div>'
    index = len(turns) - 1 if selected is None or not 0 <= selected < len(turns) else selected
    turn, number = turns[index], index + 1
    parts = [f'<div class="byline-evidence" data-turn="{number}">']
    parts.append(f'<p class="ev-question">Evidence for answer {number}: “{html.escape(turn.question)}”</p>')
    answer = turn.answer
    if answer is None:
        parts.append(
            '<p class="ev-none">No answer yet.</p>' if not turn.error else '<p class="ev-none">No answer: it failed.</p>'
        )
    else:
        if answer.standalone_question and answer.standalone_question.strip() != turn.question.strip():
            parts.append(f'<p class="ev-rewrite">Understood as: “{html.escape(answer.standalone_question)}”</p>')
        if not answer.citations:
            parts.append('<p class="ev-none">No passage supports an answer to this question.</p>')
        for citation in answer.citations:
            title = html.escape(citation.title or "(untitled)")
            if citation.url:
                url = html.escape(citation.url, quote=True)
                title = f'<a href="{url}" target="_blank" rel="noopener noreferrer">{title}</a>'
            meta = [html.escape(citation.source or "unknown source"), html.escape(citation.published or "undated")]
            if citation.speaker:
                meta.append(f"quote by {html.escape(citation.speaker)}")
            parts.append(
                f'<div class="ev-cite" id="cite-{number}-{citation.n}">'
                f'<div class="ev-head"><span class="ev-n">[{citation.n}]</span> {title}</div>'
                f'<div class="ev-meta">{" · ".join(meta)}</div>'
                f'<blockquote class="ev-passage">{highlighted_passage(citation)}</blockquote></div>'
            )
    parts.append("</div>")
    return "".join(parts)


def example_questions(bot, count: int) -> list[str]:
    """Questions drawn from what is indexed: who said a quoted title phrase, what a known speaker said, a title."""
    if count <= 0:
        return []
    questions: list[str] = []
    records = bot.articles()
    for record in records:
        quoted = TITLE_QUOTE.search(record.title or "")
        if quoted:
            questions.append(f"Who said “{quoted.group(1)}”?")
            break
    for name, _count in bot.speakers()[:2]:
        questions.append(f"What did {name} say?")
    for record in records:
        if len(questions) >= count:
            break
        title = " ".join((record.title or "").split())
        if title:
            short = title if len(title) <= 80 else title[:80].rsplit(" ", 1)[0] + "…"
            questions.append(f"What do the articles report about “{short}”?")
    return list(dict.fromkeys(questions))[:count]


def articles_rows(records: list, limit: int) -> list[list[str]]:
    return [[r.published or "—", r.source or "—", r.title] for r in records[:limit]]


def speakers_rows(bot, limit: int) -> list[list[str]]:
    return [[name, str(count)] for name, count in bot.speakers()[:limit]]


# --- the input checks ------------------------------------------------------------------------


class InputProblem(ValueError):
    """Something the user typed that cannot be used; the message says how to fix it."""


def checked_date(value: str | None, label: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not ISO_DATE.match(value):
        raise InputProblem(f"The {label} date “{value}” should look like 2023-09-20 (YYYY-MM-DD).")
    try:
        date.fromisoformat(value)
    except ValueError as error:
        raise InputProblem(f"The {label} date “{value}” is not a real date ({error}).") from error
    return value


# --- the app ---------------------------------------------------------------------------------

CSS = """
#byline-evidence-column { max-height: 80vh; overflow-y: auto; }
.byline-evidence .ev-question { font-weight: 600; margin: 0 0 .5em; }
.byline-evidence .ev-rewrite, .byline-evidence .ev-none { font-style: italic; opacity: .85; }
.byline-evidence .ev-cite { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .6em .8em; margin: .6em 0; transition: box-shadow .3s; }
.byline-evidence .ev-cite.flash { box-shadow: 0 0 0 3px var(--color-accent); }
.byline-evidence .ev-n { font-weight: 700; }
.byline-evidence .ev-meta { font-size: .85em; opacity: .8; margin: .2em 0 .4em; }
.byline-evidence .ev-passage { margin: 0; padding-left: .8em; border-left: 3px solid var(--border-color-primary); white-space: pre-wrap; font-size: .92em; }
.byline-evidence mark { background: #ffe58a; color: inherit; padding: 0 .1em; }
a.cite-marker { text-decoration: none; font-weight: 600; }
"""

# Markers are links to #cite-<answer>-<n>; the panel may first need to switch to that answer (the click also
# selects the message, which re-renders the panel on the server), so wait briefly for the passage to appear.
HEAD = """
<script>
document.addEventListener("click", function (event) {
  const link = event.target.closest && event.target.closest('a[href^="#cite-"]');
  if (!link) return;
  event.preventDefault();
  const id = link.getAttribute("href").slice(1);
  const started = Date.now();
  (function reveal() {
    const target = document.getElementById(id);
    if (target) {
      target.scrollIntoView({ behavior: "smooth", block: "center" });
      target.classList.add("flash");
      setTimeout(function () { target.classList.remove("flash"); }, 1600);
    } else if (Date.now() - started < 3000) {
      setTimeout(reveal, 100);
    }
  })();
}, true);
</script>
"""


def build_chat(bot, settings: WebSettings | None = None) -> gr.Blocks:
    """The Gradio Blocks of the chat, the 'Add articles' tab and the article list."""
    settings = settings or WebSettings()

    def respond(
        message: str, sources: list[str] | None, since: str, until: str, show_rewrite: bool, turns: list[Turn]
    ) -> Iterator:
        turns = list(turns or [])
        question = (message or "").strip()
        if not question:
            yield chat_messages(turns, show_rewrite), render_evidence(turns, None), turns, ""
            return
        history = [
            item
            for turn in turns
            if turn.answer is not None
            for item in ({"role": "user", "content": turn.question}, {"role": "assistant", "content": turn.answer.text})
        ]
        turn = Turn(question=question)
        turns.append(turn)
        yield chat_messages(turns, show_rewrite), render_evidence(turns, None), turns, ""
        try:
            kwargs: dict[str, Any] = {
                "sources": list(sources or []) or None,
                "since": checked_date(since, "from"),
                "until": checked_date(until, "to"),
            }
            if kwargs["since"] and kwargs["until"] and kwargs["since"] > kwargs["until"]:
                raise InputProblem(f"The date range is empty: {kwargs['since']} is after {kwargs['until']}.")
            kwargs["history"] = history or None
            last_shown = 0.0
            for event in bot.stream(question, **kwargs):
                if event.type == "token":
                    turn.text += event.text
                    wait = settings.stream_pace_ms / 1000 - (time.perf_counter() - last_shown)
                    if wait > 0:
                        time.sleep(wait)
                    last_shown = time.perf_counter()
                    yield chat_messages(turns, show_rewrite), gr.skip(), turns, gr.skip()
                else:
                    turn.answer = event.answer
                    turn.text = event.answer.text
        except InputProblem as problem:
            turn.error = str(problem)
        except Exception as error:  # the UI boundary: log the traceback, show a short message, keep the chat alive
            log.exception("answering %r failed", question)
            turn.error = f"Sorry, answering failed ({type(error).__name__}: {error}). The details are in the server log."
        yield chat_messages(turns, show_rewrite), render_evidence(turns, None), turns, ""

    def select_answer(turns: list[Turn], event: gr.SelectData) -> tuple[str, int | None]:
        index = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        selected = int(index) // 2 if index is not None else None
        return render_evidence(turns or [], selected), selected

    def rerender(turns: list[Turn], show_rewrite: bool) -> list[dict]:
        return chat_messages(turns or [], show_rewrite)

    def index_views() -> tuple:
        """Everything that shows what is indexed, for the page load and after an ingest."""
        try:
            records = bot.articles()
            questions = example_questions(bot, settings.example_questions)
            shown = "" if len(records) <= settings.list_rows else f" The Articles tab lists the newest {settings.list_rows}."
            return (
                gr.Dataframe(value=articles_rows(records, settings.list_rows)),
                gr.Dataframe(value=speakers_rows(bot, settings.list_rows)),
                gr.Dropdown(choices=bot.sources()),
                gr.Dataset(samples=[[q] for q in questions], visible=bool(questions)),
                f"{len(records)} articles indexed.{shown}",
            )
        except Exception as error:  # the UI boundary: the page still loads, and says what failed
            log.exception("listing the index failed")
            return (gr.skip(), gr.skip(), gr.skip(), gr.skip(), f"Could not list the index: {error}")

    def add_articles(files: list[str] | None, url: str, progress=gr.Progress()) -> tuple:
        summary = ingest_uploads(bot, files or [], url, settings, progress)
        return (summary, None, "", *index_views())

    with gr.Blocks(title="Byline") as demo:
        turns_state = gr.State([])
        selected_state = gr.State(None)
        gr.Markdown("## Byline\nAsk about the articles; every answer cites the passages it came from.")
        with gr.Tabs():
            with gr.Tab("Chat", id="chat"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=3):
                        chatbot = gr.Chatbot(
                            label="Chat",
                            elem_id="byline-chat",
                            height=520,
                            latex_delimiters=[],
                            feedback_options=None,
                            buttons=["copy"],
                            placeholder="Answers come from the indexed articles only, with numbered citations.",
                        )
                        with gr.Row():
                            question_box = gr.Textbox(
                                label="Question",
                                placeholder="Ask about the articles…",
                                elem_id="byline-question",
                                scale=5,
                                autofocus=True,
                                submit_btn=False,
                            )
                            ask_button = gr.Button("Ask", variant="primary", elem_id="byline-ask", scale=1)
                        try:
                            first_examples = example_questions(bot, settings.example_questions)
                        except Exception:  # the UI boundary: the chat comes up without examples
                            log.exception("drawing example questions failed")
                            first_examples = []
                        examples = gr.Dataset(
                            label="Try asking",
                            components=[question_box],
                            samples=[[q] for q in first_examples] or [[""]],
                            visible=bool(first_examples),
                            elem_id="byline-examples",
                        )
                        with gr.Accordion("Filters (apply to the next questions)", open=False, elem_id="byline-filters"):
                            source_filter = gr.Dropdown(
                                label="Sources",
                                choices=bot.sources(),
                                multiselect=True,
                                value=[],
                                # a session that never loaded the page (gradio_client) keeps the build-time choices
                                allow_custom_value=True,
                                elem_id="byline-sources",
                            )
                            with gr.Row():
                                since_box = gr.Textbox(
                                    value="", label="From (YYYY-MM-DD)", placeholder="2023-09-01", elem_id="byline-since"
                                )
                                until_box = gr.Textbox(
                                    value="", label="To (YYYY-MM-DD)", placeholder="2023-09-30", elem_id="byline-until"
                                )
                            show_rewrite = gr.Checkbox(
                                label="Show how a follow-up question was understood", value=False, elem_id="byline-rewrite"
                            )
                    with gr.Column(scale=2, elem_id="byline-evidence-column"):
                        gr.Markdown("### Evidence")
                        evidence = gr.HTML(render_evidence([], None), label="Evidence", elem_id="byline-evidence")
            with gr.Tab("Add articles", id="add"):
                gr.Markdown(
                    f"Upload files ({SUPPORTED_UPLOADS}; up to {settings.max_upload_mb:g} MB each) or paste a URL. "
                    "New articles can be asked about as soon as this finishes."
                )
                upload = gr.File(value=None, label="Files", file_count="multiple", elem_id="byline-upload")
                url_box = gr.Textbox(
                    value="", label="…or a URL (article page or feed)", placeholder="https://…", elem_id="byline-url"
                )
                add_button = gr.Button("Add articles", variant="primary", elem_id="byline-add")
                add_summary = gr.Markdown(label="Summary", elem_id="byline-add-summary")
            with gr.Tab("Articles", id="articles"):
                article_count = gr.Markdown(label="Count", elem_id="byline-article-count")
                articles_table = gr.Dataframe(
                    headers=["date", "source", "title"],
                    value=[],
                    interactive=False,
                    wrap=True,
                    column_widths=["12%", "14%", "74%"],
                    elem_id="byline-articles",
                )
                speakers_table = gr.Dataframe(
                    headers=["speaker", "quotes"],
                    value=[],
                    interactive=False,
                    label="Speakers",
                    elem_id="byline-speakers",
                )

        index_outputs = [articles_table, speakers_table, source_filter, examples, article_count]
        chat_inputs = [question_box, source_filter, since_box, until_box, show_rewrite, turns_state]
        chat_outputs = [chatbot, evidence, turns_state, question_box]
        # One at a time through the index: an ingest must not refresh the retriever under a running question.
        question_box.submit(
            respond, chat_inputs, chat_outputs, api_name="chat", concurrency_id="index", show_progress="minimal"
        ).then(lambda: None, None, selected_state, api_visibility="private")
        ask_button.click(
            respond, chat_inputs, chat_outputs, api_visibility="private", concurrency_id="index", show_progress="minimal"
        ).then(lambda: None, None, selected_state, api_visibility="private")
        examples.click(lambda sample: sample[0], examples, question_box, api_visibility="private").then(
            respond, chat_inputs, chat_outputs, api_visibility="private", concurrency_id="index", show_progress="minimal"
        )
        chatbot.select(select_answer, turns_state, [evidence, selected_state], api_visibility="private")
        chatbot.clear(
            lambda: ([], None, render_evidence([], None)), None, [turns_state, selected_state, evidence], api_visibility="private"
        )
        show_rewrite.change(rerender, [turns_state, show_rewrite], chatbot, api_visibility="private")
        add_button.click(
            add_articles,
            [upload, url_box],
            [add_summary, upload, url_box, *index_outputs],
            api_name="add_articles",
            concurrency_id="index",
        )
        demo.load(index_views, None, index_outputs, api_visibility="private")
    return demo


def ingest_uploads(bot, files: list[str], url: str, settings: WebSettings, progress) -> str:
    """Copy uploads under the data folder (a stable path keeps article ids stable), ingest them, and report."""
    limit = settings.max_upload_mb * 1_000_000
    uploads_dir = Path(bot.index.settings.data_dir) / settings.uploads_dir_name
    problems: list[tuple[str, str]] = []
    to_ingest: list[str] = []
    shown_name: dict[str, str] = {}
    for file in files:
        path = Path(file)
        if path.stat().st_size > limit:
            problems.append(
                (path.name, f"file is {path.stat().st_size / 1e6:.3g} MB, over the {settings.max_upload_mb:g} MB upload limit")
            )
            continue
        uploads_dir.mkdir(parents=True, exist_ok=True)
        kept = uploads_dir / path.name
        shutil.copyfile(path, kept)
        to_ingest.append(str(kept))
        shown_name[str(kept)] = shown_name[str(kept.resolve())] = path.name
    url = (url or "").strip()
    if url:
        if not re.match(r"^https?://", url):
            problems.append((url, "not an http(s) URL"))
        else:
            to_ingest.append(url)
    if not to_ingest and not problems:
        return "Choose files to upload or paste a URL first."
    lines: list[str] = []
    if to_ingest:
        progress(0, desc="Reading…")

        def on_progress(done: int, total: int, title: str) -> None:
            progress((done, total), desc=f"Indexed: {title[:60]}", unit="articles")

        try:
            report = bot.add(to_ingest, on_progress=on_progress)
        except Exception as error:  # the UI boundary: log the traceback, show a short message
            log.exception("ingesting %s failed", to_ingest)
            return f"⚠️ Adding articles failed ({type(error).__name__}: {error}). The details are in the server log."
        lines.append(f"**Ingested:** {report.summary()}.")
        for problem in report.errors:
            where = problem.where
            for kept, name in shown_name.items():
                where = where.replace(kept, name)
            problems.append((where, problem.reason))
    if problems:
        lines.append("**Errors:**\n\n" + "\n".join(f"- `{where}`: {escape_markdown(reason)}" for where, reason in problems))
    return "\n\n".join(lines)


def build_app(bot, token: str | None = None, settings: WebSettings | None = None) -> FastAPI:
    """FastAPI serving /healthz (and the HTTP API), with the Gradio chat mounted at /.

    With a token, the chat asks for it at sign-in (any user name, the token as password).
    """
    settings = settings or WebSettings()
    app = FastAPI(title="Byline")

    @app.get("/healthz")
    def healthz() -> dict:
        return {"ok": True, "articles": len(bot.articles())}

    # Routes must be added before the mount below: the mount at "/" answers every path after it.
    register_api(app, bot, token)
    auth = None
    if token:

        def auth(username: str, password: str) -> bool:
            return hmac.compare_digest(password.encode(), token.encode())

    return gr.mount_gradio_app(
        app,
        build_chat(bot, settings),
        path="/",
        auth=auth,
        auth_message="Sign in with any user name and the access token (BYLINE_TOKEN) as password." if token else None,
        max_file_size=f"{settings.max_upload_mb:g}mb",
        show_error=False,
        css=CSS,
        head=HEAD,
        footer_links=["api"],
    )


def serve(bot, host: str = "127.0.0.1", port: int = 7860, token: str | None = None) -> None:
    import uvicorn

    if host not in LOCAL_HOSTS and not token:
        raise SystemExit(f"refusing to bind {host} without an access token: set BYLINE_TOKEN")
    app = build_app(bot, token=token)
    if token:
        log.warning(
            "Byline chat on http://%s:%d/ — access token required (sign in with the BYLINE_TOKEN as password)", host, port
        )
    else:
        log.warning("Byline chat on http://%s:%d/ (local only, no access token)", host, port)
    uvicorn.run(app, host=host, port=port, log_level="warning")
