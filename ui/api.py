"""The HTTP API: Byline's Python API over HTTP, plus an OpenAI-compatible chat endpoint.

    POST /api/ask              {question, filters?, history?}  → the Answer JSON
    GET  /api/search           ?q=&k=&source=&since=&until=&as_of= → passages (X-Byline-Notice when no article passes)
    GET  /api/articles         ?limit=&offset=                  → a page of what is indexed (X-Total-Count)
    POST /api/articles         {articles?: [...], urls?: [...]} → the IngestReport
    GET  /api/quotes           ?speaker=&search=&source=&since=&until=&limit=&as_of= → who said what
    POST /v1/chat/completions  OpenAI-compatible, streaming or not; citations ride along
    GET  /v1/models            lists the model "byline"

Errors have one shape per prefix (ui/errors.py): /api/* answers `{"detail": "<one line naming the
field>", "errors": [{"loc", "msg", "type"}, ...]}`, /v1/* answers OpenAI's `{"error": {"message",
"type", "param", "code"}}`, so the openai client raises `BadRequestError`/`UnprocessableEntityError`
carrying the reason. The OpenAPI schema documents both.

Point the openai client at it: `OpenAI(base_url="http://127.0.0.1:7860/v1", api_key=TOKEN)`.
Citations come as an extra `citations` field on the message (non-streaming) and on the final
stream chunk (on its delta and its choice); the whole Answer rides along as `answer`.
This module only translates HTTP to `Assistant` calls: no retrieval or answering happens here.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import logging
import re
import threading
import time
import unicodedata
import uuid
from collections.abc import Iterator
from typing import Any, Literal
from urllib.parse import unquote_to_bytes

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from starlette.exceptions import HTTPException as StarletteHTTPException

from assistant import Filters
from ui.errors import ApiError, OpenAIError, error_body, field_errors, one_line
from ui.guards import bearer_token, is_token
from ui.workers import IngestWorkers, WorkersBusy

log = logging.getLogger(__name__)

MODEL_NAME = "byline"


class Message(BaseModel):
    """One turn of a conversation, OpenAI's `{"role", "content"}`; its other keys (name, tool_calls…) ride along unread."""

    model_config = ConfigDict(extra="allow")
    role: Literal["user", "assistant", "system", "developer", "tool", "function"] = Field(
        description='"user" or "assistant"; OpenAI\'s other roles ("system", "developer", "tool", "function") are left out '
        "of the history."
    )
    content: Any = Field(
        default=None,
        description='The text, or OpenAI content parts ([{"type": "text", "text": "..."}, ...]: the text parts are read).',
        json_schema_extra={"anyOf": [{"type": "string"}, {"type": "array", "items": {"type": "object"}}, {"type": "null"}]},
    )

    @field_validator("content")
    @classmethod
    def text_or_text_parts(cls, content: Any) -> Any:
        # checked here, so the error names history[i].content (it was reported at "question", and 0 passed as no text)
        if content is None or isinstance(content, str):
            return content
        if not isinstance(content, list):
            raise ValueError(f"must be a string (or a list of text parts), not {type(content).__name__}")
        for part in content:
            if not isinstance(part, dict):  # 5 or null among the parts was reported at "question"
                raise ValueError(
                    f'each content part must be an object ({{"type": "text", "text": "..."}}), not {type(part).__name__}'
                )
            # joining a text part's non-string `text` was a 500
            if part.get("type") == "text" and not isinstance(part.get("text", ""), str):
                raise ValueError(f"a text part's 'text' must be a string, not {type(part.get('text')).__name__}")
        return content


def with_notice(answer) -> str:
    """The answer's text as a chat client shows it: a notice (the language model unavailable, say) after it, in the
    content, which is all an OpenAI-compatible chat shows (an outside try found it only in the extra `answer` field)."""
    return f"{answer.text}\n\n({answer.notice})" if answer.notice else answer.text


def as_dicts(messages: list[Message] | None) -> list[dict]:
    return [message.model_dump() for message in messages or []]


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt field is a 422, not a silently different question
    question: str = Field(description="The question (or follow-up, with `history`).")
    filters: Filters | None = None
    history: list[Message] | None = Field(
        default=None, description='Earlier turns: [{"role": "user"|"assistant", "content": "..."}].'
    )
    as_of: str | None = Field(
        default=None,
        description="Ask as of this day (YYYY-MM-DD; default today): later articles are left out, "
        "'this week' means that day's week.",
    )


MAX_URLS = 100  # each may take the whole fetch deadline: 2,000 refused URLs held an ingest worker for 72 s
# 20,000 tiny records held an ingest worker ~80 minutes (measured here: 300 tiny ones 36 s, 300 of 1,800 characters
# 240 s), and it goes on after the client hangs up: a request carries at most this many
MAX_ARTICLES = 100
# ... and at most this many characters of them (as JSON): time goes with text too (an article of up to
# BYLINE_MAX_ARTICLE_CHARS, 1,000,000 by default, still fits; a body of BYLINE_MAX_UPLOAD_MB may hold 20 of them)
MAX_ARTICLES_CHARS = 2_000_000
DISCONNECT_CHECK_S = 0.5  # how often an ingest request looks whether its client hung up (its URLs are then not fetched)
MAX_ID_CHARS = 200  # an article id is a name, not a payload (a 100,000-character id was taken)
ID_FIELDS = ("id", "article_id", "uuid", "guid")  # where a record's id may be (the articles.jsonl variants)
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f]")
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
# Characters that show as nothing, or move what follows: format characters (Unicode category Cf: bidi controls, zero-
# width spaces and joiners U+200B-U+200D, U+2060, U+FEFF, the soft hyphen...) and line/paragraph separators. An id
# holding one shows as another id ("news-1" and "news\u200b-1" were two articles); ingest/readers.py keeps the same rule
INVISIBLE_CATEGORIES = frozenset({"Cf", "Zl", "Zp"})


def invisible_character(text: str) -> tuple[int, str] | None:
    """The first character of `text` that shows as nothing or moves what follows (`INVISIBLE_CATEGORIES`), with
    its place; None when there is none."""
    return next(((at, c) for at, c in enumerate(text) if unicodedata.category(c) in INVISIBLE_CATEGORIES), None)


def id_missing(value: object) -> bool:
    """Whether a record's id field is as good as absent: the reader then looks further, and a record with no id
    and no url gets an id made of its content (`ingest.article.content_id`). "   " was an id of its own."""
    return value is None or value == [] or (isinstance(value, str) and not value.strip())


def id_problem(value: object) -> str | None:
    """Why `value` cannot be an article's id (None when it can): a string (or an integer) of at most
    MAX_ID_CHARS characters, with no control characters, lone surrogates, format characters (Cf: zero-width ones,
    bidi controls) or line separators. An id is stored NFC-normalised (by the reader): "café" typed either way is one
    id. A list or an object was taken as its first item or
    its name (["a1"] and {"name": "a1"} became "a1"), so a request could name an id it did not spell."""
    if isinstance(value, int) and not isinstance(value, bool):
        return None
    if not isinstance(value, str):
        return f"an article id must be a string, not {type(value).__name__}"
    if len(value) > MAX_ID_CHARS:
        return f"an article id has at most {MAX_ID_CHARS} characters, not {len(value):,}"
    if CONTROL_CHARACTER.search(value):
        return "an article id may not contain control characters (NUL, newlines, ...)"
    # JSON can escape a lone surrogate; it is no character: "\ud800" and "\udc01" were both stored as U+FFFD, one id
    if found := LONE_SURROGATE.search(value):
        return f"an article id may not contain a lone surrogate (U+{ord(found.group()):04X} at character {found.start()})"
    if found := invisible_character(value):
        at, character = found
        return (
            "an article id may not contain invisible format characters (zero-width characters, bidi controls: Unicode "
            f"category Cf) or line separators (U+{ord(character):04X} at character {at}): it would show as another id"
        )
    return None


class IngestRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")  # an unknown field ('paths') is named, as on /api/ask, never ignored
    # Any item is taken: one that is not an article object is that item's error in the report, never the batch's
    articles: list[Any] = Field(
        default_factory=list,
        max_length=MAX_ARTICLES,
        description=f"Articles in the articles.jsonl schema (at most {MAX_ARTICLES} a request, {MAX_ARTICLES_CHARS:,} "
        "characters of JSON in all: more is a 413); an item that is not "
        "one is reported in the report's `errors` (`articles[1]`) and the rest go in. An `id` must be a string (or "
        f"an integer) of at most {MAX_ID_CHARS} characters without control characters, lone surrogates, format "
        "characters (Unicode Cf: zero-width ones, bidi controls) or line separators: another is a 422 naming it; an id "
        "is stored NFC-normalised ('café' composed or decomposed is one id). A record without `id` (or with a blank "
        "one) and without `url` gets an id made of its title, text, source and date: the same article sent again is a "
        "no-op, another is never under its id.",
        json_schema_extra={"items": {"type": "object"}},
    )
    urls: list[str] = Field(
        default_factory=list,
        max_length=MAX_URLS,
        description=f"http(s) URLs of articles or feeds to fetch (at most {MAX_URLS} a request); a path on the server "
        "is refused, never read.",
    )


def check_size(articles: list[Any]) -> None:
    """A 413 naming the limit when the articles of a request are over MAX_ARTICLES_CHARS characters in all."""
    total = 0
    for record in articles:
        total += len(json.dumps(record, ensure_ascii=False))
        if total > MAX_ARTICLES_CHARS:
            raise RequestProblem(
                f"articles: over {MAX_ARTICLES_CHARS:,} characters in all (as JSON); send them in several requests",
                status_code=413,
                loc=("body", "articles"),
            )


def check_ids(articles: list[Any]) -> None:
    """A 422 naming every posted record whose id cannot be one (`id_problem`), before any is ingested."""
    errors = []
    for position, record in enumerate(articles):
        if not isinstance(record, dict):
            continue  # not an article: that item's error in the report
        for field in ID_FIELDS:
            value = record.get(field)
            if id_missing(value):
                continue  # the reader looks further (as `ingest.readers.pick` does)
            if problem := id_problem(value):
                errors.append({"loc": ("body", "articles", position, field), "msg": problem, "type": "value_error"})
            break
    if errors:
        raise RequestValidationError(errors)


class ChatRequest(BaseModel):
    """The parts of an OpenAI chat-completion request Byline uses; OpenAI's other fields (temperature, …) are accepted
    and ignored, but for Byline's extras (`as_of`, `filters`)."""

    model_config = {"extra": "allow"}
    model: str = Field(default=MODEL_NAME, description="Any name is accepted, as OpenAI-compatible servers do: Byline answers.")
    messages: list[Message]
    stream: bool | None = Field(default=False, strict=True, description="Stream the answer (a boolean; null is false).")
    as_of: str | None = Field(default=None, description="A Byline extra: ask as of this day (YYYY-MM-DD; default today).")
    # declared so the published schema says it is read (an analyst found it applied where the schema said "ignored")
    filters: dict | None = Field(
        default=None,
        description="A Byline extra: the filters of /api/ask ({sources, since, until}), applied to the answer's search.",
    )


class RequestProblem(HTTPException):
    """A request the client should change (422 unless said), with where it is at fault when one place is:
    `loc` as pydantic's (`("body", "as_of")`, `("query", "q")`, `("body",)`), or `param`, a body field."""

    def __init__(
        self,
        detail: str,
        param: str | None = None,
        status_code: int = 422,
        headers: dict[str, str] | None = None,
        loc: tuple[str | int, ...] | None = None,
    ):
        super().__init__(status_code=status_code, detail=detail, headers=headers)
        self.loc = loc if loc is not None else (("body", param) if param else None)


LEADING_FIELD = re.compile(r"^([a-z_]+):\s")  # Byline's messages start with the field: "as_of: not a date: 'nope'"


def invalid(error: ValueError, field: str | None = None, where: str = "body") -> RequestProblem:
    """A user's mistake found by the assistant (a bad date, an empty question) as a 422 naming where it is:
    the field its message starts with, else `field`, in the `where` the request carries it ("body" or "query");
    a body's date range is under its "filters" (a query's is a field of its own)."""
    if leading := LEADING_FIELD.match(str(error)):
        field = leading.group(1)
    if where == "body" and field in FILTER_FIELDS:
        return RequestProblem(str(error), loc=(where, "filters", field))
    return RequestProblem(str(error), loc=(where, field) if field else (where,))


FILTER_FIELDS = frozenset({"since", "until", "sources"})


NOTICE_HEADER = "X-Byline-Notice"  # why a search found nothing, when no article passes its filters
TOTAL_HEADER = "X-Total-Count"  # how many articles there are in all, beside a page of them
ARTICLES_PAGE = 100
ARTICLES_PAGE_MAX = 1000


def query_filters(sources: list[str] | None, since: str | None, until: str | None) -> Filters:
    """The filters of a GET's query, or a 422 whose `errors` name the query field at fault (an empty date
    range is `since`'s), as a bad body filter's do for /api/ask."""
    try:
        return Filters.of(sources, since, until)
    except ValueError as error:
        reasons = str(error).split("; ")
        errors = []
        for reason in reasons:
            field = leading.group(1) if (leading := LEADING_FIELD.match(reason)) else "since"
            errors.append({"loc": ("query", field), "msg": reason.removeprefix(f"{field}: "), "type": "value_error"})
        raise RequestValidationError(errors) from error


def check_sources(filters: Filters | None) -> None:
    """A 422 at `filters.sources[i]` for a source that is not text (a lone surrogate): it reached the index,
    whose error was reported at `question`."""
    errors = []
    for position, source in enumerate(filters.sources if filters else []):
        try:
            source.encode("utf-8")
        except UnicodeEncodeError as error:
            msg = f"not valid text: character {error.start} is a lone surrogate"
            errors.append({"loc": ("body", "filters", "sources", position), "msg": msg, "type": "value_error"})
    if errors:
        raise RequestValidationError(errors)


def utf8_query(request: Request) -> None:
    """A 422 naming a query parameter whose percent-escapes are not UTF-8 (`?q=%ED%A0%80`, a lone surrogate's
    bytes): decoded leniently, it was searched as replacement characters and answered 200."""
    for pair in request.scope.get("query_string", b"").split(b"&"):
        for part in pair.split(b"=", 1):
            try:
                unquote_to_bytes(part.replace(b"+", b" ")).decode("utf-8")
            except UnicodeDecodeError as error:
                name = unquote_to_bytes(pair.split(b"=", 1)[0]).decode("utf-8", "replace")
                raise RequestProblem(
                    f"{name}: not valid UTF-8 (byte {error.start} of its value after percent-decoding)", loc=("query", name)
                ) from error


def known_query(request: Request) -> None:
    """A 422 naming a query parameter the route does not take, as /api/ask names an unknown body field: `as_of` sent
    to /api/quotes, which did not take it then, was ignored, and quotes published after that day came back (an
    analyst's try); a misspelt `sinse` narrowed nothing."""
    route = request.scope.get("route")
    dependant = getattr(route, "dependant", None)
    if dependant is None:
        return
    taken = {parameter.alias for parameter in dependant.query_params}
    unknown = [name for name in dict.fromkeys(request.query_params.keys()) if name not in taken]
    if unknown:
        raise RequestValidationError(
            [
                {
                    "loc": ("query", name),
                    "msg": f"unknown parameter (this endpoint takes: {', '.join(sorted(taken)) or 'none'})",
                    "type": "extra_forbidden",
                }
                for name in unknown
            ]
        )


def header_text(text: str) -> str:
    """`text` as a header value: it names what the caller sent (a source), and a header is one line of ASCII."""
    printable = "".join(c if c.isprintable() else " " for c in text)
    return printable.encode("ascii", "backslashreplace").decode("ascii")[:1000]


def error_responses(model: type[BaseModel], statuses: dict[int, str]) -> dict[int | str, dict[str, Any]]:
    """The OpenAPI `responses` of a router: each error status with its reason and the one error shape."""
    return {status: {"model": model, "description": reason} for status, reason in statuses.items()}


COMMON_ERRORS = {
    400: "The request could not be read (e.g. a Content-Length that is not a number).",
    401: "Missing or wrong access token (`Authorization: Bearer <BYLINE_TOKEN>`).",
    403: "A browser page of another origin tried to change this server.",
    404: "No such route.",
    413: "The body is over the size limit (BYLINE_MAX_UPLOAD_MB).",
    422: "A field is missing, misspelt or has a value that cannot be used; the message names it.",
    429: "Too many failed sign-in attempts from this address; see Retry-After.",
    500: "A bug in Byline; the message says nothing more (the server's log does).",
    503: "The ingest workers and their waiting line are full; try again after Retry-After.",
}


def bearer_guard(token: str | None):
    """A dependency that requires `Authorization: Bearer <token>` when a token is set."""

    def check(request: Request) -> None:
        if token and not has_token(request.scope.get("headers", []), token):
            raise RequestProblem("missing or wrong access token", status_code=401, headers={"WWW-Authenticate": "Bearer"})

    return check


def has_token(headers: list[tuple[bytes, bytes]], token: str) -> bool:
    """Whether raw ASGI `headers` carry `Authorization: Bearer <token>` (compared as `RequestGuard` does)."""
    given = bearer_token(headers)
    return given is not None and is_token(given, token)


class LivenessOnly:
    """ASGI middleware: with a token set, `GET /healthz` without it answers only that the server lives
    (`{"ok": true}`); how many articles are indexed is for those who hold the token."""

    def __init__(self, app, token: str):
        self.app = app
        self.token = token

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope.get("path") == "/healthz" and not has_token(scope.get("headers", []), self.token):
            body = b'{"ok":true}'
            headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
            await send({"type": "http.response.start", "status": 200, "headers": headers})
            await send({"type": "http.response.body", "body": body})
            return
        await self.app(scope, receive, send)


def register_api(app: FastAPI, bot, token: str | None, workers: IngestWorkers) -> None:
    """Add the /api and /v1 routes to `app` (before any catch-all mount at "/").

    Ingests run on `workers`, not on the thread pool that answers questions. Errors are answered
    in the shapes of ui/errors.py (the handlers are the app's, so /healthz's are shaped too).
    The guards in front of it (Host names, origins, body size) are the app's: see `ui.web.app.build_app`.
    """
    guard = [Depends(bearer_guard(token)), Depends(utf8_query)]
    api = APIRouter(
        prefix="/api",
        dependencies=[*guard, Depends(known_query)],
        tags=["byline"],
        responses=error_responses(ApiError, COMMON_ERRORS),
    )
    openai_api = APIRouter(
        prefix="/v1", dependencies=guard, tags=["openai-compatible"], responses=error_responses(OpenAIError, COMMON_ERRORS)
    )

    @api.post("/ask")
    def ask(request: AskRequest) -> dict:
        check_sources(request.filters)
        history = as_dicts(request.history)
        try:
            answer = bot.ask(request.question, filters=request.filters or Filters(), history=history, as_of=request.as_of)
        except (ValueError, ValidationError) as error:
            raise invalid(error, field="question") from error
        return answer.model_dump()

    @api.get(
        "/search",
        responses={
            200: {
                "headers": {
                    NOTICE_HEADER: {
                        "description": "Why no passage was found, when no indexed "
                        "article passes the filters ('No article from nytimes.com is indexed…'), as /api/ask says it.",
                        "schema": {"type": "string"},
                    }
                }
            }
        },
    )
    def search(
        q: str = Query(description="Words or a question."),
        k: int = Query(default=8, ge=1, le=50),
        source: list[str] | None = Query(default=None, description="Only this source (repeatable)."),
        since: str | None = None,
        until: str | None = None,
        as_of: str | None = Query(default=None, description="Search as of this day (YYYY-MM-DD; default today)."),
        *,
        response: Response,
    ) -> list[dict]:
        filters = query_filters(source, since, until)
        try:
            passages = bot.search(q, k=k, filters=filters, as_of=as_of)
        except (ValueError, ValidationError) as error:
            raise invalid(error, field="q", where="query") from error
        # The body stays a list (clients read one); why it is empty is the sentence /api/ask answers with
        if not passages and (notice := bot.nothing_passes(filters)):
            response.headers[NOTICE_HEADER] = header_text(notice)
        return [p.model_dump() for p in passages]

    @api.get(
        "/articles",
        responses={200: {"headers": {TOTAL_HEADER: {"description": "Articles in all.", "schema": {"type": "integer"}}}}},
    )
    def articles(
        response: Response,
        limit: int = Query(default=ARTICLES_PAGE, ge=1, le=ARTICLES_PAGE_MAX, description="Most articles to list."),
        offset: int = Query(default=0, ge=0, description="Articles to skip (newest first)."),
    ) -> list[dict]:
        """A page of what is indexed, newest first; `X-Total-Count` says how many there are in all."""
        records = bot.articles()
        response.headers[TOTAL_HEADER] = str(len(records))
        # `origin` is where the server read an article from: a path on its disk is not a caller's business
        return [record.model_dump(exclude={"origin"}) for record in records[offset : offset + limit]]

    @api.post("/articles")
    async def add_articles(request: IngestRequest, http: Request) -> dict:
        """Ingest the articles sent and fetch the URLs named (all of them within BYLINE_FETCH_JOB_DEADLINE_S);
        the report names every item that did not go in, and why."""
        if not request.articles and not request.urls:
            raise RequestProblem("send 'articles' (objects) and/or 'urls' (http or https)", param="articles")
        check_size(request.articles)
        check_ids(request.articles)
        called_off = threading.Event()  # set when the client hangs up: the job fetches and embeds no more (what it wrote stays)
        try:
            job = workers.submit(
                bot.add_records, request.articles, urls=request.urls, called_off=called_off, max_records=MAX_ARTICLES
            )
        except WorkersBusy as busy:
            raise RequestProblem(str(busy), status_code=503, headers={"Retry-After": "5"}) from busy
        waiting = asyncio.wrap_future(job)
        try:
            while not (await asyncio.wait({waiting}, timeout=DISCONNECT_CHECK_S))[0]:
                if await http.is_disconnected():
                    log.info("an ingest request's client hung up: its remaining URLs are not fetched")
                    raise RequestProblem("the client hung up", status_code=499)  # nobody reads this answer
        finally:
            if not waiting.done():
                called_off.set()
        return waiting.result().model_dump()

    @api.get(
        "/quotes",
        responses={
            200: {
                "headers": {
                    NOTICE_HEADER: {
                        "description": "Why no quote was found, when no indexed article passes the filters or no "
                        "speaker goes by the name asked for.",
                        "schema": {"type": "string"},
                    }
                }
            }
        },
    )
    def quotes(
        speaker: str | None = Query(default=None, description="Only this speaker ('Aliyev' matches 'Ilham Aliyev')."),
        search: str | None = Query(default=None, description="Only quotes with these words."),
        source: list[str] | None = Query(default=None, description="Only this source (repeatable)."),
        since: str | None = None,
        until: str | None = None,
        limit: int = Query(default=50, ge=1, le=500),
        as_of: str | None = Query(default=None, description="Only from articles published by this day (YYYY-MM-DD)."),
        *,
        response: Response,
    ) -> list[dict]:
        filters = query_filters(source, since, until)
        try:
            found = bot.quotes(speaker=speaker, search=search, sources=source, since=since, until=until, limit=limit, as_of=as_of)
        except (ValueError, ValidationError) as error:
            raise invalid(error, where="query") from error
        # as /api/search: the body stays a list, why it is empty rides in the header (it was a silent [])
        if not found:
            notice = bot.nothing_passes(filters)
            if notice is None and speaker and not bot.quotes(speaker=speaker, limit=1):
                notice = f"No quote by a speaker named {speaker!r} is indexed."
            if notice:
                response.headers[NOTICE_HEADER] = header_text(notice)
        return [quote.model_dump() for quote in found]

    @openai_api.get("/models")
    def models() -> dict:
        return {"object": "list", "data": [{"id": MODEL_NAME, "object": "model", "created": 0, "owned_by": "byline"}]}

    @openai_api.post("/chat/completions")
    def chat_completions(request: ChatRequest):
        question, history = split_messages(as_dicts(request.messages))
        completion_id = f"chatcmpl-{uuid.uuid4().hex}"
        created = int(time.time())
        try:
            filters = Filters.model_validate(getattr(request, "filters", None) or {})  # a Byline extra
        except ValidationError as error:
            # the same per-field errors as a bad body field, under "filters"
            raise RequestValidationError(
                [{**problem, "loc": ("body", "filters", *problem["loc"])} for problem in error.errors()]
            ) from error
        check_sources(filters)
        options = {"filters": filters, "history": history, "as_of": request.as_of}
        if request.stream:
            events = bot.stream(question, **options)
            try:
                # the question and its options are checked on the first step: a bad one is a 422, not a 200 stream of an error
                first = next(events)
            except ValueError as error:
                raise invalid(error, field="messages") from error
            return StreamingResponse(
                sse_chunks(itertools.chain([first], events), completion_id, created),
                media_type="text/event-stream",
                headers={"Cache-Control": "no-cache"},
            )
        try:
            answer = bot.ask(question, **options)
        except ValueError as error:
            raise invalid(error, field="messages") from error
        citations = [c.model_dump() for c in answer.citations]
        return {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": MODEL_NAME,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": with_notice(answer), "citations": citations},
                    "finish_reason": "stop",
                    "citations": citations,
                }
            ],
            "citations": citations,
            "answer": answer.model_dump(),
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        }

    # Last, so it matches only what no route above does: /api and /v1 are ours, never the chat's (mounted at "/")
    for router in (api, openai_api):

        @router.api_route("/{rest:path}", methods=["GET", "POST", "PUT", "PATCH", "DELETE"], include_in_schema=False)
        def no_such_route(request: Request, rest: str) -> None:
            raise RequestProblem(f"no route {request.method} {request.url.path} (see /openapi.json)", status_code=404)

    app.include_router(api)
    app.include_router(openai_api)
    add_error_handlers(app)
    if token:  # /healthz is the app's (ui/web/app.py); without the token it says no more than that the server lives
        app.add_middleware(LivenessOnly, token=token)


def add_error_handlers(app: FastAPI) -> None:
    """Answer every error of `app` in the one shape of its prefix (ui/errors.py)."""

    def shaped(request: Request, status: int, detail: str, errors=(), param=None, headers=None) -> JSONResponse:
        return JSONResponse(error_body(request.url.path, status, detail, errors, param), status_code=status, headers=headers)

    async def http_error(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, StarletteHTTPException)
        detail = str(error.detail)
        if error.status_code == 400 and detail == UNPARSED_BODY and error.__cause__ is not None:
            # FastAPI's words for a body json could not read without a JSONDecodeError (100,000 nested lists)
            errors = [body_unreadable(error.__cause__)]
            return shaped(request, 400, one_line(errors), errors, headers=error.headers)
        loc = getattr(error, "loc", None)
        # the entry's msg without the field the detail starts with ("as_of: not a date…"): its loc names it
        errors = [{"loc": list(loc), "msg": detail.removeprefix(f"{loc[-1]}: "), "type": "invalid"}] if loc else []
        return shaped(request, error.status_code, detail, errors, headers=error.headers)

    async def validation_error(request: Request, error: Exception) -> JSONResponse:
        assert isinstance(error, RequestValidationError)
        errors = field_errors(error.errors())
        return shaped(request, 422, one_line(errors), errors)

    async def server_error(request: Request, error: Exception) -> JSONResponse | PlainTextResponse:
        # Starlette logs the traceback and re-raises after this; the client learns only that it was not its fault
        if not request.url.path.startswith(("/api/", "/v1/")):
            return PlainTextResponse("Internal Server Error", status_code=500)
        return shaped(request, 500, "internal error: this is a bug in Byline, not a problem with the request")

    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, server_error)


UNPARSED_BODY = "There was an error parsing the body"  # FastAPI's 400 when reading the JSON raised


def body_unreadable(cause: BaseException) -> dict[str, Any]:
    """The field error of a body FastAPI could not parse, saying why (`cause` is what json raised)."""
    if isinstance(cause, RecursionError):
        reason = "JSON nested too deeply to read"
    else:
        reason = f"not readable as JSON ({type(cause).__name__}: {str(cause)[:200]})"
    return {"loc": ["body"], "msg": reason, "type": "json_invalid"}


def split_messages(messages: list[dict]) -> tuple[str, list[dict]]:
    """The last user message is the question; the messages before it are the history."""
    last_user = next((i for i in range(len(messages) - 1, -1, -1) if messages[i].get("role") == "user"), None)
    if last_user is None:
        raise RequestProblem("no user message in 'messages'", param="messages")
    content = messages[last_user].get("content") or ""
    if isinstance(content, list):
        content = " ".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    if not isinstance(content, str) or not content.strip():
        raise RequestProblem("the last user message is empty", param="messages")
    return content, messages[:last_user]


def sse_chunks(events, completion_id: str, created: int) -> Iterator[str]:
    """Byline's stream events as OpenAI chat-completion chunks (server-sent events)."""

    def chunk(delta: dict, finish_reason: str | None = None, **extra) -> str:
        body = {
            "id": completion_id,
            "object": "chat.completion.chunk",
            "created": created,
            "model": MODEL_NAME,
            "choices": [{"index": 0, "delta": delta, "finish_reason": finish_reason, **extra}],
        }
        return f"data: {json.dumps(body, ensure_ascii=False)}\n\n"

    yield chunk({"role": "assistant", "content": ""})
    try:
        for event in events:
            if event.type == "token":
                yield chunk({"content": event.text})
            else:
                answer = event.answer
                if answer.notice:
                    yield chunk({"content": with_notice(answer).removeprefix(answer.text)})
                citations = [c.model_dump() for c in answer.citations]
                yield chunk({"citations": citations}, "stop", citations=citations, answer=answer.model_dump())
    except ValueError as error:
        # Headers are sent: report the problem the way OpenAI streams do, as an error event.
        log.warning("chat stream failed: %s", error)
        yield f"data: {json.dumps(error_body('/v1', 422, str(error)))}\n\n"
    yield "data: [DONE]\n\n"
