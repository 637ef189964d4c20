"""The HTTP API: Byline's Python API over HTTP, plus an OpenAI-compatible chat endpoint.

    POST /api/ask              {question, filters?, history?}  → the Answer JSON
    GET  /api/search           ?q=&k=&source=&since=&until=     → passages
    GET  /api/articles                                          → what is indexed
    POST /api/articles         {articles?: [...], urls?: [...]} → the IngestReport
    GET  /api/quotes           ?speaker=&search=&source=&since=&until=&limit= → who said what
    POST /v1/chat/completions  OpenAI-compatible, streaming or not; citations ride along
    GET  /v1/models            lists the model "byline"

Point the openai client at it: `OpenAI(base_url="http://127.0.0.1:7860/v1", api_key=TOKEN)`.
Citations come as an extra `citations` field on the message (non-streaming) and on the final
stream chunk (on its delta and its choice); the whole Answer rides along as `answer`.
This module only translates HTTP to `Assistant` calls: no retrieval or answering happens here.
"""

from __future__ import annotations

import asyncio
import hmac
import itertools
import json
import logging
import time
import uuid
from collections.abc import Iterator

from fastapi import APIRouter, Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant import Filters
from ui.workers import IngestWorkers, WorkersBusy

log = logging.getLogger(__name__)

MODEL_NAME = "byline"


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")  # a misspelt field is a 422, not a silently different question
    question: str = Field(description="The question (or follow-up, with `history`).")
    filters: Filters | None = None
    history: list[dict] | None = Field(
        default=None, description='Earlier turns: [{"role": "user"|"assistant", "content": "..."}].'
    )
    as_of: str | None = Field(
        default=None,
        description="Ask as of this day (YYYY-MM-DD; default today): later articles are left out, "
        "'this week' means that day's week.",
    )


class IngestRequest(BaseModel):
    articles: list[dict] = Field(default_factory=list, description="Articles in the articles.jsonl schema.")
    urls: list[str] = Field(
        default_factory=list,
        description="http(s) URLs of articles or feeds to fetch; a path on the server is refused, never read.",
    )


class ChatRequest(BaseModel):
    """The parts of an OpenAI chat-completion request Byline uses; other fields are accepted and ignored."""

    model_config = {"extra": "allow"}
    model: str = MODEL_NAME
    messages: list[dict]
    stream: bool = False
    as_of: str | None = Field(default=None, description="A Byline extra: ask as of this day (YYYY-MM-DD; default today).")


def bearer_guard(token: str | None):
    """A dependency that requires `Authorization: Bearer <token>` when a token is set."""

    def check(request: Request) -> None:
        if not token:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        if scheme.lower() != "bearer" or not hmac.compare_digest(given.strip().encode(), token.encode()):
            raise HTTPException(status_code=401, detail="missing or wrong access token", headers={"WWW-Authenticate": "Bearer"})

    return check


def register_api(app: FastAPI, bot, token: str | None, workers: IngestWorkers) -> None:
    """Add the /api and /v1 routes to `app` (before any catch-all mount at "/").

    Ingests run on `workers`, not on the thread pool that answers questions.
    """
    guard = [Depends(bearer_guard(token))]
    api = APIRouter(prefix="/api", dependencies=guard, tags=["byline"])
    openai_api = APIRouter(prefix="/v1", dependencies=guard, tags=["openai-compatible"])

    @api.post("/ask")
    def ask(request: AskRequest) -> dict:
        check_text_parts(request.history or [], "history")
        try:
            answer = bot.ask(request.question, filters=request.filters or Filters(), history=request.history, as_of=request.as_of)
        except (ValueError, ValidationError) as error:
            raise HTTPException(status_code=422, detail=str(error)) from error
        return answer.model_dump()

    @api.get("/search")
    def search(
        q: str = Query(description="Words or a question."),
        k: int = Query(default=8, ge=1, le=50),
        source: list[str] | None = Query(default=None, description="Only this source (repeatable)."),
        since: str | None = None,
        until: str | None = None,
        as_of: str | None = Query(default=None, description="Search as of this day (YYYY-MM-DD; default today)."),
    ) -> list[dict]:
        try:
            passages = bot.search(q, k=k, sources=source, since=since, until=until, as_of=as_of)
        except (ValueError, ValidationError) as error:
            raise HTTPException(status_code=422, detail=str(error)) from error
        return [p.model_dump() for p in passages]

    @api.get("/articles")
    def articles() -> list[dict]:
        # `origin` is where the server read an article from: a path on its disk is not a caller's business
        return [record.model_dump(exclude={"origin"}) for record in bot.articles()]

    @api.post("/articles")
    async def add_articles(request: IngestRequest) -> dict:
        if not request.articles and not request.urls:
            raise HTTPException(status_code=422, detail="send 'articles' (objects) and/or 'urls' (http or https)")
        try:
            job = workers.submit(bot.add_records, request.articles, urls=request.urls)
        except WorkersBusy as busy:
            raise HTTPException(status_code=503, detail=str(busy), headers={"Retry-After": "5"}) from busy
        report = await asyncio.wrap_future(job)
        return report.model_dump()

    @api.get("/quotes")
    def quotes(
        speaker: str | None = Query(default=None, description="Only this speaker ('Aliyev' matches 'Ilham Aliyev')."),
        search: str | None = Query(default=None, description="Only quotes with these words."),
        source: list[str] | None = Query(default=None, description="Only this source (repeatable)."),
        since: str | None = None,
        until: str | None = None,
        limit: int = Query(default=50, ge=1, le=500),
    ) -> list[dict]:
        try:
            found = bot.quotes(speaker=speaker, search=search, sources=source, since=since, until=until, limit=limit)
        except (ValueError, ValidationError) as error:
            raise HTTPException(status_code=422, detail=str(error)) from error
        return [quote.model_dump() for quote in found]

    @openai_api.get("/models")
    def models() -> dict:
        return {"object": "list", "data": [{"id": MODEL_NAME, "object": "model", "created": 0, "owned_by": "byline"}]}

    @openai_api.post("/chat/completions")
    def chat_completions(request: ChatRequest):
        check_text_parts(request.messages, "messages")
        question, history = split_messages(request.messages)
        completion_id = f"chatcmpl-{uuid.uuid4().hex}"
        created = int(time.time())
        try:
            filters = Filters.model_validate(getattr(request, "filters", None) or {})  # a Byline extra
        except ValidationError as error:
            raise HTTPException(status_code=422, detail=str(error)) from error
        options = {"filters": filters, "history": history, "as_of": request.as_of}
        if request.stream:
            events = bot.stream(question, **options)
            try:
                # the question and its options are checked on the first step: a bad one is a 422, not a 200 stream of an error
                first = next(events)
            except ValueError as error:
                raise HTTPException(status_code=422, detail=str(error)) from error
            return StreamingResponse(
                sse_chunks(itertools.chain([first], events), completion_id, created),
                media_type="text/event-stream",
                headers={"Cache-Control": "no-cache"},
            )
        try:
            answer = bot.ask(question, **options)
        except ValueError as error:
            raise HTTPException(status_code=422, detail=str(error)) from error
        citations = [c.model_dump() for c in answer.citations]
        return {
            "id": completion_id,
            "object": "chat.completion",
            "created": created,
            "model": MODEL_NAME,
            "choices": [
                {
                    "index": 0,
                    "message": {"role": "assistant", "content": answer.text, "citations": citations},
                    "finish_reason": "stop",
                    "citations": citations,
                }
            ],
            "citations": citations,
            "answer": answer.model_dump(),
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
        }

    app.include_router(api)
    app.include_router(openai_api)


def check_text_parts(messages: list[dict], where: str) -> None:
    """Refuse (422) a content part of type "text" whose `text` is not a string: joining it was a 500."""
    for position, message in enumerate(messages):
        content = message.get("content") if isinstance(message, dict) else None
        for part in content if isinstance(content, list) else []:
            if isinstance(part, dict) and part.get("type") == "text" and not isinstance(part.get("text", ""), str):
                kind = type(part.get("text")).__name__
                raise HTTPException(
                    status_code=422, detail=f"{where}[{position}]: a text part's 'text' must be a string, not {kind}"
                )


def split_messages(messages: list[dict]) -> tuple[str, list[dict]]:
    """The last user message is the question; the messages before it are the history."""
    last_user = next((i for i in range(len(messages) - 1, -1, -1) if messages[i].get("role") == "user"), None)
    if last_user is None:
        raise HTTPException(status_code=422, detail="no user message in 'messages'")
    content = messages[last_user].get("content") or ""
    if isinstance(content, list):
        content = " ".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    if not isinstance(content, str) or not content.strip():
        raise HTTPException(status_code=422, detail="the last user message is empty")
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
                citations = [c.model_dump() for c in answer.citations]
                yield chunk({"citations": citations}, "stop", citations=citations, answer=answer.model_dump())
    except ValueError as error:
        # Headers are sent: report the problem the way OpenAI streams do, as an error event.
        log.warning("chat stream failed: %s", error)
        yield f"data: {json.dumps({'error': {'message': str(error), 'type': 'invalid_request_error'}})}\n\n"
    yield "data: [DONE]\n\n"
