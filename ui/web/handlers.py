"""What the chat's events do: answer a message, select an answer, list the index, add articles.

Every answer, search and ingest goes through the `Assistant` API; what comes back is drawn by `ui.web.render`.
Failures are caught only at the points marked "UI boundary", with `log.exception`, so the chat stays alive.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import secrets
import tempfile
import threading
import time
from collections import OrderedDict
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import gradio as gr
from pydantic import BaseModel, Field

from assistant import Answer, BylineError
from ui.web.render import (
    Turn,
    articles_rows,
    chat_messages,
    conversation_markdown,
    count_axis,
    coverage_counts,
    escape_markdown,
    filters_label,
    month_counts,
    render_article,
    render_evidence,
    render_person_head,
    render_person_quotes,
)
from ui.web.settings import WebSettings
from ui.workers import IngestWorkers, WorkersBusy

__all__ = [
    "SUPPORTED_UPLOADS",
    "Asked",
    "ChatHandlers",
    "InputProblem",
    "Waiting",
    "checked_date",
    "example_questions",
    "ingest_uploads",
    "speakers_rows",
    "upload_size",
]

log = logging.getLogger(__name__)

_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
# A quoted phrase in a title ('...', "...", ‘...’, “...”): opening quote at a word start, so "Aliyev's" is no quote.
_TITLE_QUOTE = re.compile(r"(?:^|(?<=\s))['\"‘“](.{15,140}?)['\"’”](?=$|[\s,.;:!?])")
SUPPORTED_UPLOADS = ".txt, .md, .json, .jsonl, .html, .xml (RSS/Atom)"


# --- the input checks ------------------------------------------------------------------------


class InputProblem(BylineError, ValueError):
    """Something the user typed that cannot be used; the message says how to fix it."""


def checked_date(value: str | None, label: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not _ISO_DATE.match(value):
        raise InputProblem(f"The {label} date “{value}” should look like 2023-09-20 (YYYY-MM-DD).")
    try:
        date.fromisoformat(value)
    except ValueError as error:
        raise InputProblem(f"The {label} date “{value}” is not a real date ({error}).") from error
    return value


def refused_dates(typed: str | None) -> dict[str, str]:
    """The texts typed in date fields that refused them ({"since" | "until" | "as_of": text}), from the page's JSON."""
    try:
        fields = json.loads(typed or "{}")
    except ValueError:
        return {}
    if not isinstance(fields, dict):
        return {}
    return {name: text for name, text in fields.items() if name in ("since", "until", "as_of") and isinstance(text, str)}


SETTLE_TICKS = 2  # the Filters label is drawn again this many times after the page loads (`settled_label`)


class LabelStamps:
    """The newest Filters label drawn for each page (by its session), so that an older label request that reached
    the server late draws nothing (LABEL_JS numbers them as the page sends them). Bounded: the oldest pages are
    forgotten, and a forgotten page's next request is simply drawn."""

    def __init__(self, pages: int = 4096) -> None:
        self.pages = pages
        self.newest: OrderedDict[str, int] = OrderedDict()
        self.lock = threading.Lock()

    def is_newest(self, page: str | None, typed: str | None) -> bool:
        """Whether a label request (`typed`: the page's JSON with its `stamp`) is newer than any drawn for `page`;
        a request without a stamp, or from no known page, is drawn."""
        try:
            stamp = json.loads(typed or "{}").get("stamp")
        except (ValueError, AttributeError):
            return True
        if not page or not isinstance(stamp, int):
            return True
        with self.lock:
            if stamp <= self.newest.get(page, 0):
                return False
            self.newest[page] = stamp
            self.newest.move_to_end(page)
            while len(self.newest) > self.pages:
                self.newest.popitem(last=False)
        return True


# --- what is indexed -------------------------------------------------------------------------


# a headline that opens with a question ("What was the AT&T outage cause? Company says it wasn't a ...")
_TITLE_QUESTION = re.compile(
    r"^(?:who|what|when|where|why|how|which|is|are|was|were|did|does|do|can|will|should|has|have)\b[^?]{5,120}\?",
    re.IGNORECASE,
)


def example_questions(bot, count: int, as_of: str | None = None) -> list[str]:
    """Questions drawn from what is indexed: who said a quoted title phrase, what a known speaker said, a title; with
    `as_of`, from the articles published by then (asked as of 2024-01-25, a March headline is no question to offer)."""
    if count <= 0:
        return []
    questions: list[str] = []
    records = [r for r in bot.articles() if not as_of or (r.published and r.published <= as_of)]
    for record in records:
        quoted = _TITLE_QUOTE.search(record.title or "")
        if quoted:
            questions.append(f"Who said “{quoted.group(1)}”?")
            break
    # speakers quoted at least twice: a name the parser met once is as often a mistake as a person
    for name, _count in [(name, count) for name, count in bot.speakers() if count >= 2][:2]:
        questions.append(f"What did {name} say?")
    for record in records:
        if len(questions) >= count:
            break
        title = " ".join((record.title or "").split())
        if asked := _TITLE_QUESTION.match(title):
            # a headline that asks is the question itself: "What was the AT&T outage cause? Company says …" was offered
            # as 'What do the articles report about “What was the AT&T outage …' (a journalist's try)
            questions.append(asked.group(0))
        elif title:
            short = title if len(title) <= 80 else title[:80].rsplit(" ", 1)[0] + "…"
            questions.append(f"What do the articles report about “{short}”?")
    return list(dict.fromkeys(questions))[:count]


def speakers_rows(bot, limit: int, search: str = "") -> list[list[str]]:
    """The speakers (most quoted first), those whose name holds every word of `search` when given."""
    words = search.casefold().split()
    listed = bot.speakers()
    if words:
        listed = [(name, count) for name, count in listed if all(word in name.casefold() for word in words)]
    return [[name, str(count)] for name, count in listed[:limit]]


def read_request(data: dict) -> tuple[str, list[tuple[int, int, int]], int]:
    """What a "read" link asked for (article id, [start, end, n] spans, focus), checked: it comes from the page."""
    article_id = data.get("article")
    if not isinstance(article_id, str) or not article_id or len(article_id) > 500:
        raise InputProblem("no article was named")
    spans: list[tuple[int, int, int]] = []
    for span in data.get("spans") or []:
        if isinstance(span, list) and len(span) == 3 and all(isinstance(v, int) and not isinstance(v, bool) for v in span):
            spans.append((span[0], span[1], span[2]))
    focus = data.get("focus")
    return article_id, spans[:500], focus if isinstance(focus, int) and not isinstance(focus, bool) else 0


# --- adding articles -------------------------------------------------------------------------


def uploaded_file(file: str) -> Path:
    """A file this request uploaded: inside Gradio's upload folder, never a path the client named.

    Mounted in FastAPI, Gradio does not check a file reference's path itself (it checks only after
    `launch()`), so a crafted request could name `/etc/passwd`; this is the check.
    """
    path = Path(file).resolve()
    upload_folder = Path(gr.utils.get_upload_folder()).resolve()
    if not path.is_relative_to(upload_folder) or not path.is_file():
        raise InputProblem("not a file uploaded here; only files uploaded with this form are read")
    return path


_UNSAFE_NAME = re.compile(r"[^\w.\- ]+")
NAME_HASH_MARK = "~"  # never in a cleaned name (_UNSAFE_NAME replaces it): only a hashed name holds it


def upload_name(name: str) -> str:
    """The name an upload is kept under: the file name the user gave it, without folders or characters a file name
    should not hold (no leading dot: no hidden file), its suffix in lower case.

    When cleaning changes the name, a short hash of the name as given follows the stem (`budget _1_~3f1c0a9e2b7d.txt`):
    `budget (1).txt` and `budget [1].txt` were both kept as `budget _1_.txt`, one file and so one article, the second
    upload replacing the first. A name cleaning leaves alone is kept as it is and never holds the mark, so no two
    names the user gave share a kept file, and the same name uploaded again still replaces its own article."""
    given = Path(name).name
    path = Path(given)
    stem = _UNSAFE_NAME.sub("_", path.stem).strip(" .")[:100] or "upload"
    suffix = _UNSAFE_NAME.sub("_", path.suffix.lower())
    if stem + suffix == name:
        return name
    digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()[:12]
    return f"{stem}{NAME_HASH_MARK}{digest}{suffix}"


def keep_upload(path: Path, uploads_dir: Path) -> Path:
    """Keep an upload under the data folder by its file name, which is what its article's id is made of: a changed
    file uploaded again under the same name (a corrected report.txt) replaces the article the earlier one made, as
    re-ingesting a changed file does from the command line; the same file again changes nothing; two names are two
    articles. Written to a new file and moved into place: never through a link, never half-written for an ingest."""
    uploads_dir.mkdir(parents=True, exist_ok=True)
    kept = uploads_dir / upload_name(path.name)
    data = path.read_bytes()
    if kept.is_file() and not kept.is_symlink() and kept.read_bytes() == data:
        return kept
    with tempfile.NamedTemporaryFile(dir=uploads_dir, prefix=".upload-", delete=False) as file:
        file.write(data)
    os.replace(file.name, kept)
    return kept


class Uploads(BaseModel):
    """What an 'Add articles' request asked for, checked: the sources to ingest and what was refused."""

    to_ingest: list[str] = Field(default_factory=list, description="The uploads kept, to ingest as uploads.")
    urls: list[str] = Field(default_factory=list, description="The http(s) URL pasted, fetched as the API's URLs are.")
    folder: str = Field(default="", description="Where uploads are kept: what an upload may replace is decided by it.")
    shown_name: dict[str, str] = Field(default_factory=dict, description="Kept path -> the name the user uploaded.")
    new_files: list[str] = Field(default_factory=list, description="The uploads kept under a name not kept before.")
    problems: list[tuple[str, str]] = Field(default_factory=list)

    @property
    def sources(self) -> list[str]:
        """Everything to ingest: the uploads kept, then the URL."""
        return [*self.to_ingest, *self.urls]


def upload_size(size_bytes: float) -> str:
    """A size as Gradio's own upload toast states it (1024 to the KB, one decimal), so the page's limit, our
    refusals and Gradio's "maximum allowed size of 19.1 Mb" give the same figure (20 MB said 20 on the page)."""
    size, units = float(size_bytes), ["bytes", "KB", "MB", "GB"]
    unit = 0
    while size >= 1024 and unit < len(units) - 1:
        size, unit = size / 1024, unit + 1
    return f"{size:.1f} {units[unit]}"


def checked_uploads(bot, files: list[str], url: str, settings: WebSettings) -> Uploads:
    """Keep the uploads under the data folder by file name (see `keep_upload`), and check the URL; too-large or
    foreign files are refused, and a second file of one name in the same upload (it would replace the first)."""
    limit = settings.max_upload_mb * 1_000_000
    uploads_dir = Path(bot.index.settings.data_dir) / settings.uploads_dir_name
    checked = Uploads(folder=str(uploads_dir))
    for file in files:
        name = Path(file).name
        try:
            path = uploaded_file(file)
        except InputProblem as problem:
            checked.problems.append((name, str(problem)))
            continue
        if path.stat().st_size > limit:
            checked.problems.append(
                (name, f"file is {upload_size(path.stat().st_size)}, over the {upload_size(limit)} upload limit")
            )
            continue
        if uploads_dir / upload_name(name) in [Path(kept) for kept in checked.to_ingest]:
            checked.problems.append(
                (name, "another file in this upload has the same name; upload it on its own to replace that one")
            )
            continue
        known = (uploads_dir / upload_name(name)).exists()
        kept = keep_upload(path, uploads_dir)
        checked.to_ingest.append(str(kept))
        if not known:
            checked.new_files.append(str(kept))
        checked.shown_name[str(kept)] = checked.shown_name[str(kept.resolve())] = name
    url = (url or "").strip()
    if url:
        if not re.match(r"^https?://", url, re.IGNORECASE):
            checked.problems.append((url, "not an http(s) URL"))
        else:
            checked.urls.append(url)
    return checked


def uploads_summary(checked: Uploads, report=None) -> str:
    """The 'Add articles' summary: what was ingested, then every problem (by the names the user knows)."""
    if report is None and not checked.sources and not checked.problems:
        return "Choose files to upload or paste a URL first."
    lines: list[str] = []
    problems = list(checked.problems)
    if report is not None:
        lines.append(f"**Ingested:** {report.summary()}.")
        for problem in report.errors:
            where = problem.where
            for kept, name in checked.shown_name.items():
                where = where.replace(kept, name)
            problems.append((where, problem.reason))
    if problems:
        lines.append("**Errors:**\n\n" + "\n".join(f"- `{where}`: {escape_markdown(reason)}" for where, reason in problems))
    return "\n\n".join(lines)


class IngestProgress:
    """How far an ingest running on a worker is, as its progress callback reports it: the sources read, then
    each article embedded, its quotes found and indexed (ingest.pipeline's phases)."""

    ARTICLE_PHASES = ("embedding", "finding quotes", "indexing")

    def __init__(self, sources: int) -> None:
        self.sources = sources
        self.started = time.monotonic()
        self.read = 0
        self.counts = dict.fromkeys(self.ARTICLE_PHASES, 0)
        self.total = 0
        self.title = ""

    def __call__(self, done: int, total: int, title: str, phase: str = "indexing") -> None:
        if phase == "reading":
            self.read = done
            return
        self.counts[phase] = max(self.counts.get(phase, 0), done)
        self.total, self.title = total, title

    def shown(self) -> str:
        """One line: the phase the ingest is in ("Embedding 12 of 30 articles…", the earliest phase some
        article has still to pass), a bar of all the articles' phases, and the time so far."""
        elapsed = f"{time.monotonic() - self.started:.0f} s"
        what = "1 file" if self.sources == 1 else f"{self.sources} files"
        meanwhile = "The chat answers questions meanwhile; the new articles join its answers when this finishes."
        if not self.total:
            reading = f"Reading {self.read} of {what}…" if self.read else "Reading…"
            return f"Adding {what}: {reading} ({elapsed}). {meanwhile}"
        phase = next((p for p in self.ARTICLE_PHASES if self.counts[p] < self.total), None)
        if phase is None:
            doing = f"all {self.total} articles indexed; making them searchable…"
        else:
            doing = f"{phase.capitalize()} {self.counts[phase]} of {self.total} articles…"
        share = sum(self.counts.values()) / (len(self.ARTICLE_PHASES) * self.total)
        bar = "▓" * round(share * 20) + "░" * (20 - round(share * 20))
        return (
            f"Adding {what}: {doing} `{bar}` ({elapsed}); latest: “{escape_markdown(self.title[:80])}”. "
            "The chat answers questions meanwhile."
        )


def add_request(bot, checked: Uploads, on_progress=None, called_off: threading.Event | None = None):
    """Ingest what one 'Add articles' request asked for (run it on an ingest worker): the uploads as uploads, and
    the URL as the API's URLs are (`Assistant.add_records`): under the request's one BYLINE_FETCH_JOB_DEADLINE_S,
    and no more once `called_off` is set (the page stopped waiting). Fetched outside it, a URL had only its own
    30 s deadline, and went on after the page was closed. One report for both."""
    report = bot.add_uploads(checked.to_ingest, checked.folder, on_progress=on_progress) if checked.to_ingest else None
    if report is not None:
        # a new upload that went in not at all (bad JSON, empty, no article text) is no article's file: an outside try
        # found such copies kept forever, 20 MB a name, with nothing to list or remove them
        refused_whole = {problem.where for problem in report.errors}
        for kept in checked.new_files:
            if kept in refused_whole:
                Path(kept).unlink(missing_ok=True)
    if checked.urls:
        fetched = bot.add_records([], urls=checked.urls, called_off=called_off)
        if report is None:
            return fetched
        report.merge(fetched)
        report.seconds += fetched.seconds
    return report


def ingest_uploads(bot, files: list[str], url: str, settings: WebSettings, progress, workers: IngestWorkers | None = None) -> str:
    """Keep uploads under the data folder by file name, ingest them and the URL (on `workers` when given), and
    report."""
    checked = checked_uploads(bot, files, url, settings)
    if not checked.sources:
        return uploads_summary(checked)
    progress(0, desc="Reading…")

    def on_progress(done: int, total: int, title: str) -> None:
        progress((done, total), desc=f"Indexed: {title[:60]}", unit="articles")

    try:
        if workers is None:
            report = add_request(bot, checked, on_progress)
        else:
            report = workers.submit(add_request, bot, checked, on_progress).result()
    except WorkersBusy as busy:
        return f"⚠️ {escape_markdown(str(busy))}"
    except Exception as error:  # the UI boundary: log the traceback, show a short message
        log.exception("ingesting %s failed", checked.sources)
        return f"⚠️ Adding articles failed ({type(error).__name__}: {error}). The details are in the server log."
    return uploads_summary(checked, report)


# --- the events ------------------------------------------------------------------------------


class _Untitled(BaseModel):
    """What the reader shows of an article the listing doesn't hold (yet): its id."""

    id: str
    title: str = "(untitled)"


class Asked(BaseModel):
    """A question as it was asked: its words and the filters in force at that moment."""

    question: str
    sources: list[str] = Field(default_factory=list)
    since: str | None = None
    until: str | None = None
    as_of: str | None = None


class Waiting:
    """A session's questions waiting to be answered (in Gradio state: one per session, shared by its events)."""

    def __init__(self) -> None:
        self.questions: list[Asked] = []
        self.answering = False
        # Bumped by Stop (and by a switch of conversation): a drain started before it ends at its next piece of answer.
        self.epoch = 0
        self.turns: list[Turn] = []  # the running drain's turns: Stop marks their last one, whatever state the page had
        # what Stop (or the switch) drew (chat, evidence, turns): the stopped drain draws it again as its last word,
        # over a piece it had already sent; a drain started since clears it
        self.halt_view: tuple | None = None
        # the past conversation last opened (ids are new at each filing): the list's input event can come twice, the
        # second with the list as it was, and would file the opened one again over itself
        self.opened: str | None = None

    def shown(self) -> list[str]:
        return [asked.question for asked in list(self.questions)]


class ChatHandlers:
    """The chat's event handlers, bound to one assistant and the web settings; `build_chat` wires them to components.

    A session's state (its list of `Turn`s and the selected answer) lives in Gradio state and is passed in and out.
    """

    def __init__(self, bot, settings: WebSettings, workers: IngestWorkers | None = None) -> None:
        self.bot = bot
        self.settings = settings
        # ingests run on these workers, apart from the threads that answer (the app passes the API's own)
        self.workers = workers or IngestWorkers(settings.ingest_workers, settings.ingest_waiting)
        self.lock = threading.Lock()  # guards every session's `Waiting`
        self.label_stamps = LabelStamps()

    def respond(
        self,
        message: str,
        sources: list[str] | None,
        since: str,
        until: str,
        as_of: str | None,
        turns: list[Turn],
    ) -> Iterator:
        """Answer one message (the `/chat` endpoint for API clients): the chat, the evidence, the turns, the box."""
        turns = list(turns or [])
        asked = Asked(question=(message or "").strip(), sources=list(sources or []), since=since, until=until, as_of=as_of)
        if not asked.question:
            yield chat_messages(turns), render_evidence(turns, None), turns, ""
            return
        for shown in self.answer(asked, turns, None):
            yield *shown, gr.skip()
        yield chat_messages(turns), render_evidence(turns, None), turns, ""

    def enqueue(
        self,
        message: str,
        sources: list[str] | None,
        since: str,
        until: str,
        as_of: str | None,
        waiting: Waiting,
        typed: str | None = None,
    ) -> str:
        """Take a question from the box, with the filters in force as it is asked, to be answered in turn.

        The box is emptied at once, so the next question can be typed while this one waits or streams. `typed`
        (JSON, from the page's TYPED_DATES_JS) holds what is typed in a date field that refused it (not a date):
        the question is asked with that, so the answer's error names it, rather than with the field's last value.
        """
        question = (message or "").strip()
        if question:
            dates = {"since": since, "until": until, "as_of": as_of} | refused_dates(typed)
            asked = Asked(question=question, sources=list(sources or []), **dates)
            with self.lock:
                waiting.questions.append(asked)
        return ""

    def enqueue_example(self, sample: list, sources, since, until, as_of, waiting: Waiting, typed: str | None = None) -> None:
        self.enqueue(sample[0] if sample else "", sources, since, until, as_of, waiting, typed)

    def drain(self, turns: list[Turn], waiting: Waiting) -> Iterator:
        """Answer the session's waiting questions in order, streaming each: (chat, evidence, turns).

        One drain per session at a time: a question asked while an answer streams is picked up by the
        drain that is running (it shows as waiting meanwhile); a second drain finds it busy and stops.
        """
        turns = list(turns or [])
        with self.lock:
            busy, waiting.answering = waiting.answering, True
            epoch = waiting.epoch
            if not busy:
                waiting.turns, waiting.halt_view = turns, None
        if busy:
            yield (gr.skip(),) * 7
            return
        stop_shown = gr.Button(visible=True)

        def halted() -> Iterator:
            with self.lock:
                view = waiting.halt_view
            if view is not None:
                yield *view, gr.skip(), gr.skip(), gr.skip(), gr.Button(visible=False)

        try:
            while True:
                with self.lock:
                    stopped = waiting.epoch != epoch
                    if not stopped and not waiting.questions:
                        waiting.answering = False
                        break
                    asked = None if stopped else waiting.questions.pop(0)
                if asked is None:  # stopped: Stop has drawn the chat and kept the conversation
                    yield from halted()
                    return
                # each view is sent when the next one comes, so the last (the finished answer with its evidence)
                # goes out together with what the browser keeps
                previous = None
                for shown in self.answer(asked, turns, waiting):
                    if waiting.epoch != epoch:
                        yield from halted()
                        return
                    if previous is not None:
                        yield *previous, gr.skip(), gr.skip(), gr.skip(), stop_shown
                    previous = shown
                # each finished answer is kept in the browser (it outlasts a reload), and so are
                # the filters it was asked under: a follow-up after a reload is asked as of the same day
                filters = asked.model_dump(mode="json", exclude={"question"})
                finished = previous if previous is not None else (gr.skip(),) * 3
                yield *finished, self.saved(turns), self.export(turns), filters, gr.skip()
        finally:
            with self.lock:  # also when the page goes away mid-answer (the generator is closed)
                if waiting.epoch == epoch:
                    waiting.answering = False
        shown_chat = chat_messages(turns, waiting.shown())
        yield shown_chat, render_evidence(turns, None), turns, gr.skip(), gr.skip(), gr.skip(), gr.Button(visible=False)

    def stop(self, box: str, turns: list[Turn], waiting: Waiting) -> tuple:
        """Stop: the answer streaming now ends where it is, marked "… (stopped)", and the chat takes the next question
        at once. Questions still waiting their turn are not asked behind the user's back, nor lost: they go back into
        the question box (one a line, before anything typed there), to be sent again or edited.
        (chat, evidence, turns, kept conversation, export, question box, stop button)"""
        turns, returned = self.halt(turns, waiting)
        box = "\n".join(text for text in [*returned, (box or "").strip()] if text)
        view = chat_messages(turns), render_evidence(turns, None), turns
        with self.lock:
            waiting.halt_view = view
        return *view, self.saved(turns), self.export(turns), box, gr.Button(visible=False)

    def halt(self, turns: list[Turn] | None, waiting: Waiting) -> tuple[list[Turn], list[str]]:
        """End the session's answering (see `stop`): its turns, the last one marked stopped when it was unfinished,
        and the waiting questions taken off the queue."""
        with self.lock:
            waiting.epoch += 1
            answering, waiting.answering = waiting.answering, False
            returned = waiting.shown()
            waiting.questions.clear()
            turns = list(waiting.turns if answering else turns or [])
        last = turns[-1] if turns else None
        if answering and last is not None and last.answer is None and not last.error:
            # a copy: the stopped generator may still add the token it was reading to the turn it holds
            turns[-1] = last.model_copy(update={"stopped": True})
        return turns, returned

    def regenerate(self, turns: list[Turn], waiting: Waiting) -> tuple:
        """The chat's retry button: the last question asked again, with the filters and asking date it was asked
        with (not those set since); its new answer replaces the last one. (chat, evidence, turns)"""
        turns = list(turns or [])
        with self.lock:
            if waiting.answering or waiting.questions or not turns:  # Gradio disables retry while answering
                return gr.skip(), gr.skip(), gr.skip()
            last = turns.pop()
            waiting.questions.insert(0, Asked(question=last.question, **self.asked_filters(last)))
        shown = chat_messages([*turns, Turn(question=last.question)])
        return shown, render_evidence([*turns, Turn(question=last.question)], None), turns

    def asked_filters(self, turn: Turn) -> dict:
        """The filters a turn was asked under: as recorded, else (a turn kept by an older Byline) as its answer says."""
        if turn.filters:
            return Asked.model_validate({**turn.filters, "question": turn.question}).model_dump(exclude={"question"})
        answer = turn.answer
        if answer is None:
            return {}
        filters = answer.filters or {}
        return {
            "sources": list(filters.get("sources") or []),
            "since": filters.get("since"),
            "until": filters.get("until"),
            "as_of": answer.as_of,
        }

    def answer(self, asked: Asked, turns: list[Turn], waiting: Waiting | None) -> Iterator:
        """Append a turn for `asked` to `turns` and stream its answer: (chat, evidence or skip, turns)."""

        def shown() -> list[dict]:
            return chat_messages(turns, waiting.shown() if waiting else [])

        history = [
            item
            for turn in turns
            if turn.answer is not None
            for item in ({"role": "user", "content": turn.question}, {"role": "assistant", "content": turn.answer.text})
        ]
        turn = Turn(
            question=asked.question,
            filters=asked.model_dump(mode="json", exclude={"question"}),
            asked_on=date.today().isoformat(),
        )
        turns.append(turn)
        yield shown(), render_evidence(turns, None), turns
        try:
            kwargs: dict[str, Any] = {
                "sources": asked.sources or None,
                "since": checked_date(asked.since, "from"),
                "until": checked_date(asked.until, "to"),
            }
            if kwargs["since"] and kwargs["until"] and kwargs["since"] > kwargs["until"]:
                raise InputProblem(f"The date range is empty: {kwargs['since']} is after {kwargs['until']}.")
            kwargs["history"] = history or None
            kwargs["as_of"] = checked_date(asked.as_of, "as-of")
            last_shown = 0.0
            for event in self.bot.stream(asked.question, **kwargs):
                if event.type == "token":
                    turn.text += event.text
                    wait = self.settings.stream_pace_ms / 1000 - (time.perf_counter() - last_shown)
                    if wait > 0:
                        time.sleep(wait)
                    last_shown = time.perf_counter()
                    yield shown(), gr.skip(), turns
                else:
                    turn.answer = event.answer
                    turn.text = event.answer.text
        except BylineError as problem:  # a mistake the user can fix (a bad date, an empty range): its message
            turn.error = str(problem)
        except Exception as error:  # the UI boundary: log the traceback, show a short message, keep the chat alive
            log.exception("answering %r failed", asked.question)
            turn.error = f"Sorry, answering failed ({type(error).__name__}: {error}). The details are in the server log."
        yield shown(), render_evidence(turns, None), turns

    def select_answer(self, turns: list[Turn], event: gr.SelectData) -> tuple[str, int | None]:
        index = event.index[0] if isinstance(event.index, (list, tuple)) else event.index
        selected = int(index) // 2 if index is not None else None
        return render_evidence(turns or [], selected), selected

    # --- a conversation that lasts: kept in the browser, exported as Markdown ----------------------

    def browser_secret(self) -> str:
        """The key the browser's copy of a conversation is sealed with: kept in the data folder, so a restarted
        server still reads what browsers kept (a new random key each start would lose every conversation)."""
        path = Path(self.bot.index.settings.data_dir) / "web-secret"
        try:
            return path.read_text(encoding="utf-8").strip()
        except FileNotFoundError:
            path.parent.mkdir(parents=True, exist_ok=True)
            secret = secrets.token_urlsafe(24)
            with open(path, "x", encoding="utf-8") as file:  # "x": two servers starting together keep the first
                file.write(secret)
            os.chmod(path, 0o600)
            return secret

    def saved(self, turns: list[Turn]) -> list[dict]:
        """The conversation as the browser keeps it (JSON; the newest `kept_turns` turns)."""
        return [turn.model_dump(mode="json") for turn in turns[-self.settings.kept_turns :]]

    def restore_page(self, saved: list[dict] | None, saved_filters: dict | None, current: list[Turn] | None) -> tuple:
        """What the browser kept, back on the page at load: the conversation, then the filters it was asked under.
        A question asked before this load event ran (a quick user, a busy server) is not wiped by it: a page
        that has asked keeps its conversation and filters."""
        if current:
            return (gr.skip(),) * 8
        # nothing kept (a new visitor, a fresh browser): the page is already empty, and redrawing it empty could land
        # after a first question's answer and wipe its evidence (a full-suite run waited 30 s for it in vain)
        conversation = self.restore(saved) if saved else (gr.skip(),) * 4
        # the filters its last answer was asked under, as that answer records them: the filters kept on their own
        # (`saved_filters`, another key of the browser's storage) came back empty after a reload now and then while
        # the conversation came back whole (an outside try, three reloads in eight), and the follow-up was asked as
        # of today
        kept_filters = self.asked_under(conversation[2]) if saved else None
        return conversation + self.restore_filters(kept_filters or saved_filters)

    @staticmethod
    def asked_under(turns: list[Turn]) -> dict | None:
        """The filters (sources, from, to, as of) the last answered turn was asked under, as its Answer records
        them; None when no turn has an answer (all stopped before one)."""
        answered = next((turn.answer for turn in reversed(turns) if turn.answer is not None and turn.answer.as_of), None)
        if answered is None:
            return None
        filters = answered.filters or {}
        return {
            "sources": filters.get("sources", []),
            "since": filters.get("since"),
            "until": filters.get("until"),
            "as_of": answered.as_of,
        }

    def restore(self, saved: list[dict] | None) -> tuple:
        """The conversation the browser kept, back on the page after a reload: (chat, evidence, turns, export)."""
        turns: list[Turn] = []
        try:
            for kept in saved or []:
                answer = kept.get("answer")
                turns.append(Turn.model_validate({**kept, "answer": Answer.model_validate(answer) if answer else None}))
        except Exception:  # the UI boundary: a conversation kept by another version of Byline is not restored
            log.exception("restoring the kept conversation failed")
            turns = []
        return chat_messages(turns), render_evidence(turns, None), turns, self.export(turns)

    def restore_filters(self, saved: dict | None) -> tuple:
        """The filters the last kept answer was asked under, back in their boxes after a reload (sources, from, to,
        as of); with none kept, no filters and today. A kept asking date other than today shows in the Filters label."""
        today = date.today().isoformat()
        try:
            asked = Asked.model_validate({**(saved or {}), "question": ""})
        except Exception:  # the UI boundary: filters kept by another version of Byline are not restored
            log.exception("restoring the kept filters failed")
            asked = Asked(question="")
        known = set(self.bot.sources())
        return (
            gr.Dropdown(value=[source for source in asked.sources if source in known]),
            asked.since or "",
            asked.until or "",
            asked.as_of or today,
        )

    # --- past conversations: kept in the browser (sealed as the open one is), newest first ---------------------------
    # The open conversation is `saved`; the past ones are `archive`, a list of {id, title, date, turns, filters} that
    # changes only when one is filed, opened or deleted (not at every answer: it is sent whole to the browser).

    def conversation_choices(self, archive: list[dict] | None):
        """The list of past conversations: each by its first question and the day it was asked, and the day it was
        asked as of when that was another (an outside try: a conversation about February 2024 was listed only by
        the day it was held)."""
        choices = []
        for entry in archive or []:
            day = entry.get("date", "")
            as_of = (entry.get("filters") or {}).get("as_of")
            asked_as_of = f" · as of {as_of}" if as_of and as_of != day else ""
            choices.append((f"{entry.get('title', '')} · {day}{asked_as_of}", entry.get("id", "")))
        return gr.Dropdown(choices=choices, value=None)

    def filed(self, turns: list[Turn], archive: list[dict] | None) -> list[dict]:
        """`archive` with the open conversation put first (when it has any turn), the oldest past `kept_conversations`
        dropped."""
        archive = [entry for entry in archive or [] if isinstance(entry, dict) and entry.get("id")]
        if not turns:
            return archive[: self.settings.kept_conversations]
        title = " ".join(turns[0].question.split())
        entry = {
            "id": secrets.token_hex(8),
            "title": title if len(title) <= 80 else title[:80].rsplit(" ", 1)[0] + "…",
            "date": turns[0].asked_on or date.today().isoformat(),
            "turns": self.saved(turns),
            "filters": turns[-1].filters,
        }
        return [entry, *archive][: self.settings.kept_conversations]

    def switch(self, box: str, turns: list[Turn], archive: list[dict] | None, waiting: Waiting, keep: bool, opened: str | None):
        """Leave the open conversation (kept among the past ones, or deleted), after stopping its answer as Stop does,
        and open `opened` (a past one's id, taken off the list) or a new, empty one. The outputs of `switched` in
        build_chat: chat, evidence, turns, selected, kept conversation, its filters, export, past conversations, their
        list, question box, stop button, then the four filters."""
        turns, returned = self.halt(turns, waiting)
        if opened is None:
            with self.lock:
                waiting.opened = None
        box = "\n".join(text for text in [*returned, (box or "").strip()] if text)
        # taken off the list before the open one is filed: filing may drop the oldest, which may be the chosen one
        chosen = next((entry for entry in archive or [] if isinstance(entry, dict) and entry.get("id") == opened), None)
        archive = self.filed(turns if keep else [], [entry for entry in archive or [] if entry is not chosen])
        chat, evidence, turns, export = self.restore(chosen.get("turns") if chosen else [])
        with self.lock:
            waiting.halt_view = chat, evidence, turns
        # a past one comes back with the filters it was asked under; a new one goes on under the reader's own (an
        # outside try: set to 2024-01-20, the asking date went back to today at "New conversation", unsaid)
        filters = (chosen or {}).get("filters") or {}
        return (
            chat,
            evidence,
            turns,
            None,
            self.saved(turns),
            filters if chosen else gr.skip(),
            export,
            archive,
            self.conversation_choices(archive),
            box,
            gr.Button(visible=False),
            *(self.restore_filters(filters) if chosen else (gr.skip(),) * 4),
        )

    def new_conversation(self, box: str, turns: list[Turn], archive: list[dict] | None, waiting: Waiting) -> tuple:
        """A new, empty conversation; the open one joins the past ones (see `switch`)."""
        return self.switch(box, turns, archive, waiting, keep=True, opened=None)

    def open_conversation(self, chosen: str | None, box: str, turns: list[Turn], archive: list[dict] | None, waiting: Waiting):
        """A past conversation chosen from the list: back on the page (chat, evidence, its filters), the open one
        joining the past ones in its place (see `switch`)."""
        with self.lock:
            if not chosen or chosen == waiting.opened:
                return (gr.skip(),) * 15
            waiting.opened = chosen
        return self.switch(box, turns, archive, waiting, keep=True, opened=chosen)

    def delete_conversation(self, box: str, turns: list[Turn], archive: list[dict] | None, waiting: Waiting) -> tuple:
        """The open conversation deleted (not kept among the past ones); an empty one takes its place."""
        return self.switch(box, turns, archive, waiting, keep=False, opened=None)

    def export(self, turns: list[Turn]):
        """The "Export as Markdown" button, as the events that change the conversation leave it: unchanged (always
        active). Nothing is written here: the Markdown is made only when the button is clicked (`export_markdown`)
        and downloaded by the page.
        (A file per answer under /tmp/byline-exports, readable by every user of the machine and never removed,
        gave away every conversation, and a link planted there made the server overwrite its own files.)"""
        return gr.skip()

    def export_markdown(self, turns: list[Turn]) -> str:
        """The conversation as Markdown, for the page to download (EXPORT_JS) when "Export as Markdown" is clicked."""
        return conversation_markdown(turns, date.today().isoformat()) if turns else ""

    def settled_label(
        self,
        sources: list[str] | None,
        since: str,
        until: str,
        as_of: str | None,
        ticks: int,
        typed: str | None = None,
        request: gr.Request | None = None,
    ) -> tuple:
        """The Filters label drawn once more a few seconds after the page loads (`SETTLE_TICKS` ticks of its timer),
        then the timer stopped: (label, timer, ticks). However the page's first label requests raced, the label ends
        on the filters as the page holds them: a clean-clone CI run under load still ended one reload in many on
        "sources: Harbor Gazette" without the restored "as of", the box holding the date."""
        ticks = (ticks or 0) + 1
        label = self.filters_label(sources, since, until, as_of, typed, request)
        return label, gr.Timer(active=ticks < SETTLE_TICKS), ticks

    def filters_label(
        self,
        sources: list[str] | None,
        since: str,
        until: str,
        as_of: str | None,
        typed: str | None = None,
        request: gr.Request | None = None,
    ):
        """The Filters section's label: which filters are on, so it shows when the section is collapsed, and first any
        date the next question would be refused for: text a field refused (`typed`, JSON from LABEL_JS), or a
        value it took that is no date here ("2024-02-30", "now - 2d"). Nothing when a newer label was drawn already."""
        if not self.label_stamps.is_newest(request.session_hash if request else None, typed):
            return gr.skip()
        refused = refused_dates(typed)
        for name, label, value in (("since", "from", since), ("until", "to", until), ("as_of", "as-of", as_of)):
            try:
                checked_date(value, label)
            except InputProblem:
                refused.setdefault(name, value)
        return gr.Accordion(label=filters_label(sources or [], since, until, as_of, date.today().isoformat(), refused))

    def sources(self) -> list[str]:
        return self.bot.sources()

    def first_examples(self) -> list[str]:
        """The example questions the page is built with (the page load then draws them afresh)."""
        try:
            return example_questions(self.bot, self.settings.example_questions)
        except Exception:  # the UI boundary: the chat comes up without examples
            log.exception("drawing example questions failed")
            return []

    def examples_as_of(self, as_of: str | None):
        """The example questions again when the asking date changes: drawn from the articles of that day and before."""
        try:
            day = checked_date(as_of, "as-of")
        except InputProblem:
            return gr.skip()  # a date the field refused: the Filters label says so, the examples stay
        try:
            questions = example_questions(self.bot, self.settings.example_questions, day)
        except Exception:  # the UI boundary: the examples stay as they were
            log.exception("drawing example questions failed")
            return gr.skip()
        return gr.Dataset(samples=[[q] for q in questions] or [[""]], visible=bool(questions))

    def index_views_on_load(self) -> tuple:
        """`index_views` for the page load, the examples left to `examples_as_of`, which the asking date's being set at
        load (a restored conversation's, or today) calls."""
        articles, speakers, sources, _, count = self.index_views()
        return articles, speakers, sources, gr.skip(), count

    def index_views(self) -> tuple:
        """Everything that shows what is indexed, for the page load and after an ingest."""
        bot, settings = self.bot, self.settings
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

    # --- the article reader and a person's page -------------------------------------------------------

    def open_article(self, event: gr.EventData) -> tuple:
        """The reader, shown, on the article a "read" link named, its spans highlighted: (panel, reader)."""
        try:
            article_id, spans, focus = read_request(getattr(event, "_data", None) or {})
            record = next((r for r in self.bot.articles() if r.id == article_id), None)
            text = self.bot.article_text(article_id)
            shown = render_article(record or _Untitled(article_id), text, spans, focus)
        except (InputProblem, KeyError):
            shown = '<div class="byline-reader"><p>This article is not in the index any more.</p></div>'
        except Exception:  # the UI boundary: the chat stays up
            log.exception("opening an article failed")
            shown = '<div class="byline-reader"><p>The article could not be opened; the details are in the server log.</p></div>'
        return gr.Column(visible=True), shown

    def close_article(self):
        return gr.Column(visible=False)

    def find_people(self, search: str):
        return gr.Dataframe(value=speakers_rows(self.bot, self.settings.list_rows, search or ""))

    def select_person(self, as_of: str | None, event: gr.SelectData) -> tuple:
        """A row of the speakers list chosen: that person's page, as of the chat's asking date."""
        row = getattr(event, "row_value", None) or []
        name = row[0] if row else event.value
        return self.person(str(name or ""), as_of)

    def person(self, name: str, as_of: str | None = None) -> tuple:
        """A person's page: (head with topics, quotes per month plot, quotes newest first), of the quotes published by
        `as_of` (the chat's asking date): with it set to Feb. 10, Haley's page listed her words of March 5 (a
        researcher's web-chat try), which no answer of that day could give."""
        import pandas as pd

        name = " ".join(name.split())
        if not name:
            return "", gr.BarPlot(visible=False), ""
        try:
            day = checked_date(as_of, "as-of")
        except InputProblem:
            day = None  # a date the field refused: the Filters label says so; the page is of every day
        try:
            quotes = self.bot.quotes(speaker=name, limit=self.settings.person_quotes, as_of=day)
        except Exception:  # the UI boundary
            log.exception("listing the quotes of %r failed", name)
            return f"Could not list the quotes of {escape_markdown(name)}.", gr.BarPlot(visible=False), ""
        quotes = sorted(quotes, key=lambda q: q.published or "", reverse=True)  # newest first, undated last
        months = month_counts(quotes)
        # A text axis labels every month: three years of them were drawn over each other at 390 px. Over a year the
        # months are dates, and vega labels as many as fit (years, quarters); up to a year each is labelled, upright
        # when there are more than a phone's width holds side by side (a time axis that short labels weeks).
        over_a_year = len(months) > 12
        shown_months = pd.to_datetime([f"{m}-01" for m, _ in months]) if over_a_year else [m for m, _ in months]
        plot = pd.DataFrame({"month": shown_months, "quotes": [n for _, n in months]})
        return (
            # (said only of a day before today: the date field holds today unless the reader set another)
            render_person_head(name, quotes, as_of=day if day and day < date.today().isoformat() else None),
            gr.BarPlot(
                value=plot,
                visible=bool(months),
                x_title="month",
                x_label_angle=-90 if 5 < len(months) <= 12 else 0,
                y_title=f"quotes by {name}",
                y_lim=count_axis([n for _, n in months], floor=1),
            ),
            render_person_quotes(quotes[: self.settings.list_rows]),
        )

    # --- coverage over time ----------------------------------------------------------------------------

    def coverage(self, turns: list[Turn]) -> Iterator:
        """The coverage plot (see `coverage_plot`), drawn afresh: hidden, then shown with its data. Updated in place,
        Gradio's plot redraws on a new title, caption, axis or limits with the data it had before, and the new data
        goes to the plot being replaced: a later question's plot showed the one before it (or, when its x column
        changed, one full-width bar labelled "undefined")."""
        plot = self.coverage_plot(turns)
        yield gr.BarPlot(visible=False)
        if plot is not None:
            yield plot

    def coverage_plot(self, turns: list[Turn]):
        """The latest answered question's coverage: how many of the articles that best match it (under its
        filters and asking date) were published each day or week; clicking a stretch filters the chat to it."""
        import pandas as pd

        answered = [turn for turn in turns or [] if turn.answer is not None]
        if not answered or turns[-1].answer is None:
            # the last question was refused (a bad date): the plot of an earlier one beside its "No answer" read as
            # this one's ("The 32 best-matching articles", an outside try)
            return None
        answer = answered[-1].answer
        try:
            passages = self.bot.search(
                answer.standalone_question or answered[-1].question,
                k=self.settings.coverage_passages,
                sources=(answer.filters or {}).get("sources") or None,
                since=(answer.filters or {}).get("since"),
                until=(answer.filters or {}).get("until"),
                as_of=answer.as_of,
            )
        except Exception:  # the UI boundary: no plot, the chat goes on
            log.exception("the coverage of %r failed", answered[-1].question)
            return None
        first_seen: dict[str, str] = {}
        for passage in passages:
            first_seen.setdefault(passage.article_id, passage.published)
        unit, periods = coverage_counts(list(first_seen.values()))
        if not periods:
            return None
        # the same x column (and type) every time, the unit only in the titles: a plot redrawn for a new x column with
        # the data of the old one (days after years) drew one full-width bar labelled "undefined"
        frame = pd.DataFrame({"period": pd.to_datetime([day for day, _ in periods]), "articles": [n for _, n in periods]})
        return gr.BarPlot(
            value=frame,
            x="period",
            visible=True,
            # a short title, the rest in the caption: vega cuts a title at the plot's width ('…articles per we' at
            # 390 px, '…(drag across bars' at 1366)
            title=f"Coverage per {unit}",
            caption=f"The {len(first_seen)} best-matching articles. Drag across the bars to set From and To for the next question.",
            # counts are whole: up to at least 5, vega's ~6 ticks fall on whole numbers (to 1 it drew 0.2, 0.4, ...)
            y_lim=count_axis([n for _, n in periods]),
            y_axis_format="d",
            x_title=unit,
            y_title="articles",
        )

    def coverage_selected(self, event: gr.SelectData) -> tuple:
        """A stretch of the coverage plot chosen: the From and To filters set to its days (then the next question)."""
        from datetime import UTC, datetime

        bounds = event.index if isinstance(event.index, (list, tuple)) and len(event.index) == 2 else None
        if bounds is None or not all(isinstance(b, (int, float)) for b in bounds):
            return gr.skip(), gr.skip()
        # gradio gives a temporal axis's bounds in seconds (milliseconds in some versions: a 2024 day in ms is ~1.7e12)
        since, until = (datetime.fromtimestamp(b / 1000 if b > 1e11 else b, tz=UTC).date().isoformat() for b in sorted(bounds))
        return since, until

    def add_articles(self, files: list[str] | None, url: str) -> Iterator[tuple]:
        """Add the uploads and the URL on an ingest worker (never on a thread that answers questions), saying
        every half second how far it is; then the summary, and the index's views refreshed.
        Yields (summary, files, url box, *index views)."""
        unchanged = (gr.skip(),) * 7
        checked = checked_uploads(self.bot, files or [], url, self.settings)
        if not checked.sources:
            yield (uploads_summary(checked), *unchanged)
            return
        progress = IngestProgress(len(checked.sources))
        called_off = threading.Event()  # set when the page stops waiting: the URL is fetched no more
        try:
            # an upload replaces only what came in by a request, never an article read from the operator's disk; the
            # URL is fetched under the request's deadline, as the API's are
            job = self.workers.submit(add_request, self.bot, checked, progress, called_off)
        except WorkersBusy as busy:
            yield (f"⚠️ {escape_markdown(str(busy))}", *unchanged)
            return
        try:
            while True:
                yield (progress.shown(), *unchanged)
                try:
                    report = job.result(timeout=0.5)
                    break
                except TimeoutError:  # concurrent.futures' TimeoutError is the builtin since 3.11: not done yet
                    continue
                except Exception as error:  # the UI boundary: log the traceback, show a short message
                    log.exception("ingesting %s failed", checked.sources)
                    message = f"⚠️ Adding articles failed ({type(error).__name__}: {error}). The details are in the server log."
                    yield (message, *unchanged)
                    return
        finally:
            # closed while the job runs (the page was closed, the event cancelled: Gradio closes the generator)
            if not job.done():
                called_off.set()
        yield (uploads_summary(checked, report), None, "", *self.index_views())
