"""Ingestion settings: one place, read when an object is built (never at import)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict


class IngestSettings(BaseSettings):
    """Where the index lives and how articles become chunks (env prefix `BYLINE_`)."""

    model_config = SettingsConfigDict(env_prefix="BYLINE_", env_file=".env", extra="ignore")

    data_dir: Path = Field(
        default=Path("data"),
        description="Folder holding the index (Chroma files); the CLI's --data overrides it.",
    )
    chroma_url: str | None = Field(
        default=None,
        description="URL of a Chroma server (e.g. http://127.0.0.1:8000). Unset: embedded Chroma under data_dir.",
    )
    collection: str = Field(default="byline", description="Prefix of the Chroma collection names.")
    embedder: Literal["minilm", "openai"] = Field(
        default="minilm",
        description="'minilm': the bundled int8 ONNX all-MiniLM-L6-v2 (offline). 'openai': an OpenAI-compatible embeddings endpoint.",
    )
    openai_embedding_model: str = Field(
        default="text-embedding-3-small", description="Embedding model name when embedder='openai'."
    )
    chunk_tokens: int = Field(
        default=200,
        ge=32,
        le=224,
        description="Most word-piece tokens of article text in one chunk; the title is added in front, "
        "and the whole must fit the embedder's 256-token window.",
    )
    chunk_overlap_sentences: int = Field(
        default=1,
        ge=0,
        le=3,
        description="Sentences repeated at the start of the next chunk, so a fact at a border is whole in one.",
    )
    embed_batch_size: int = Field(
        default=8,
        ge=1,
        description="Texts embedded per ONNX call (8 measured fastest on 2 cores: less padding, same throughput).",
    )
    onnx_threads: int = Field(default=0, ge=0, description="onnxruntime intra-op threads; 0 = one per core.")
    fetch_urls: bool = Field(
        default=True,
        description="Allow `ingest` to fetch http(s) URLs the user names (the only network use of ingest).",
    )
    attribution: bool = Field(
        default=True,
        description="Find who said what (quotes, reported speech, 'according to') at ingestion, for the who-said answers.",
    )
    max_file_mb: float = Field(default=50.0, gt=0, description="Files larger than this are refused with a clear error.")
    fetch_allowed_hosts: Annotated[list[str], NoDecode] = Field(
        default_factory=list,
        description="Hosts (names or IP addresses) that `ingest` may fetch from even though they resolve to a "
        "loopback, private, link-local or other non-public address, e.g. an intranet news server. Empty: only public "
        "addresses are fetched, so a server cannot be made to reach its own network. Give `host:port` (`[v6]:port` "
        "for IPv6) to allow one port only: a bare host opens EVERY port on it, and a bare address every port of every "
        "name that resolves to it (127.0.0.1 opens every service on this machine to whoever may name URLs, "
        "`byline serve`'s users included). In the environment: comma-separated, e.g. "
        "BYLINE_FETCH_ALLOWED_HOSTS=127.0.0.1:8080,news.intranet:443.",
    )
    fetch_deadline_s: float = Field(
        default=30.0,
        gt=0,
        le=600,
        description="Most seconds one URL fetch may take in all (redirects, connecting, and reading the body); "
        "a server that sends slowly is cut off at this deadline.",
    )
    fetch_job_deadline_s: float = Field(
        default=180.0,
        gt=0,
        le=3600,
        description="Most seconds all the URL fetches of one request (POST /api/articles, up to 100 URLs) may take "
        "together, with the embedding of what they bring; each URL may take fetch_deadline_s, so without it one request "
        "held an ingest worker for up to 50 minutes. Each URL's articles are ingested as it is fetched, a group of 16 "
        "at a time; past the deadline no URL is fetched and no group embedded more, and what is left is reported as "
        "errors naming each URL; what was written stays. A request whose client hangs up stops so at once.",
    )
    max_article_chars: int = Field(
        default=1_000_000,
        ge=1_000,
        description="Articles with more text than this many characters (about 150,000 words) are refused with a "
        "clear error naming the record; the rest of the file is still read.",
    )

    @field_validator("fetch_allowed_hosts", mode="before")
    @classmethod
    def _split_host_list(cls, value: object) -> object:
        """The environment gives one string: accept `a,b` as well as the JSON list `["a", "b"]`."""
        if isinstance(value, str):
            text = value.strip()
            if text.startswith("["):
                return json.loads(text)
            return [host.strip() for host in text.split(",") if host.strip()]
        return value

    @field_validator("fetch_allowed_hosts")
    @classmethod
    def _hosts_readable(cls, value: list[str]) -> list[str]:
        """Each entry is `host`, `host:port`, `[v6]` or `[v6]:port`: a port that is no port is an error, not an entry
        that silently allows nothing (or, read as a host, something else)."""
        from ingest.fetch import allowed_host

        for entry in value:
            try:
                allowed_host(entry)
            except ValueError as error:
                raise ValueError(f"BYLINE_FETCH_ALLOWED_HOSTS: {error}") from error
        return value
