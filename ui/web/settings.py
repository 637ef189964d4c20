"""Settings of the web chat (env prefix `BYLINE_`), read when the app is built, never at import time."""

from __future__ import annotations

import json
from typing import Annotated

from pydantic import Field, SecretStr, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

__all__ = ["MIN_TOKEN_CHARS", "WebSettings", "token_problem"]

MIN_TOKEN_CHARS = 16  # a right token passes however many wrong ones its client sent: its strength is the only bound
MAKE_A_TOKEN = 'python -c "import secrets; print(secrets.token_urlsafe(24))"'


MIN_TOKEN_DISTINCT = 8  # "aaaaaaaaaaaaaaaa" is 16 characters and one guess


def token_problem(token: str) -> str | None:
    """Why `token` may not be the access token (too short or too plain to resist guessing, or edged with spaces a
    Bearer header loses), or None when it may."""
    if token != token.strip():
        # an outside try: a token of 16 spaces passed; the API's Bearer header is stripped, so it could never match
        return f"BYLINE_TOKEN begins or ends with whitespace, which an Authorization header loses. Make one with: {MAKE_A_TOKEN}"
    if len(token) >= MIN_TOKEN_CHARS and len(set(token)) < MIN_TOKEN_DISTINCT:
        return (
            f"BYLINE_TOKEN has only {len(set(token))} different characters; it needs at least {MIN_TOKEN_DISTINCT}, "
            f"as a repeated character is guessed at once. Make one with: {MAKE_A_TOKEN}"
        )
    if len(token) >= MIN_TOKEN_CHARS:
        return None
    return (
        f"BYLINE_TOKEN is {len(token)} characters long; it must be at least {MIN_TOKEN_CHARS}, since a right token is "
        f"never refused however many wrong ones were sent, so only its length keeps it from being guessed. "
        f"Make one with: {MAKE_A_TOKEN}"
    )


class WebSettings(BaseSettings):
    """Settings of the web chat (env prefix `BYLINE_`), read when the app is built."""

    model_config = SettingsConfigDict(env_prefix="BYLINE_", env_file=".env", extra="ignore")

    max_upload_mb: float = Field(
        default=20.0,
        gt=0,
        description="Largest file the 'Add articles' tab accepts, and the largest body any POST to the server may send "
        "(API and chat alike), in MB; larger ones are refused with a reason before anything parses them.",
    )
    request_deadline_s: float = Field(
        default=10.0,
        gt=0,
        description="Seconds a client has to send a request's headers, and to start its body. A body must then keep "
        "coming at `min_body_kb_s` on average (past this grace) or the request gets 408: connections that trickle a "
        "byte at a time held a file handle each for as long as they liked, and enough of them (an outside try) left "
        "the server none to open its own files with.",
    )
    min_body_kb_s: float = Field(
        default=8.0,
        gt=0,
        description="Slowest average pace (kB/s) a request body may come at, after `request_deadline_s`: at 8 kB/s "
        "a 20 MB upload may take 43 minutes; a home line sends it in under a minute.",
    )
    token: SecretStr | None = Field(
        default=None,
        description="Access token (BYLINE_TOKEN): the chat's sign-in password and the API's Bearer token. Required to "
        "bind beyond loopback. At least 16 characters (`byline serve` refuses a shorter one at start): a right token is never "
        "refused, however many wrong ones its client sent, so only its strength stops guessing. Make one with "
        f"{MAKE_A_TOKEN}.",
    )
    sign_in_attempts: int = Field(
        default=10,
        ge=1,
        description="Wrong tokens (chat login or API token) one client may send per minute (all of loopback is one "
        "client, an IPv6 /64 one); past that its wrong ones get 429 with Retry-After. The token is compared first: a "
        "right one always passes, even from a client past the limit, so wrong tokens from this machine never lock "
        "the owner out (and the limit does not stop guessing: the token's length does).",
    )
    allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Host names served without a token besides localhost and IP addresses, e.g. the name a reverse "
        "proxy on this machine sends as Host. Any other name gets 403, so a page that points (rebinds) its own DNS name "
        "at this machine gets nothing; list only names you control. In the environment: comma-separated, e.g. "
        "BYLINE_ALLOWED_HOSTS=byline.internal. With a token any name is served.",
    )
    ingest_workers: int = Field(
        default=2,
        ge=1,
        description="Threads that add articles (read, fetch, embed) for the API and the chat, apart from those that "
        "answer questions, so an ingest never stalls a question.",
    )
    ingest_waiting: int = Field(
        default=16,
        ge=0,
        description="Ingest jobs that may wait for a worker; one more is refused at once (HTTP 503, 'try again').",
    )
    chat_concurrency: int = Field(
        default=8,
        ge=1,
        description="Chat questions answered at once (several users, or tabs); more wait in Gradio's queue.",
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
        "a page listing 100k articles would load for minutes. /api/articles pages through them all (?offset=).",
    )
    person_quotes: int = Field(
        default=2000,
        ge=1,
        description="Most quotes of one person a person's page reads (for its plot and topics; the list shows "
        "`list_rows` of them, newest first).",
    )
    coverage_passages: int = Field(
        default=60,
        ge=1,
        le=500,
        description="Passages searched for an answer's coverage plot (the distinct articles among them are counted "
        "per day or week).",
    )
    kept_turns: int = Field(
        default=50,
        ge=1,
        description="Most turns of a conversation the browser keeps across reloads (newest first); older ones "
        "stay on the page until it is reloaded. A turn with its passages is a few kB of the browser's ~5 MB.",
    )
    kept_conversations: int = Field(
        default=10,
        ge=1,
        description="Most past conversations the browser keeps (listed by first question and date, newest first; each "
        "up to `kept_turns` turns); filing one more drops the oldest. A turn kept is ~1.5-3 kB (measured on the seeds), so "
        "ten full conversations, sealed, are ~2 MB of the browser's ~5 MB.",
    )
    upload_cache_minutes: float = Field(
        default=10.0,
        gt=0,
        le=24 * 60,
        description="How long a file uploaded to the chat is kept in Gradio's upload folder if it is not added: Gradio's "
        "upload route takes files before anything is ingested, and kept every one until the server stopped, so "
        "repeated uploads could fill the disk. Files added are copied into the data folder first, so only uploads "
        "never added (and older downloads the page made) are removed; an upload left this long must be chosen again.",
    )
    uploads_dir_name: str = Field(
        default="uploads",
        description="Folder (inside the data folder) where uploaded files are kept; its name is the source of their articles.",
    )

    @field_validator("allowed_hosts", mode="before")
    @classmethod
    def _split_host_list(cls, value: object) -> object:
        """The environment gives one string: accept `a,b` as well as the JSON list `["a", "b"]`."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [host.strip() for host in text.split(",") if host.strip()]
        return value
