"""Answering settings (env prefix `BYLINE_`), read when an Assistant is built."""

from __future__ import annotations

from pydantic import AliasChoices, Field, SecretStr
from pydantic_settings import BaseSettings, SettingsConfigDict


class AssistantSettings(BaseSettings):
    # populate_by_name: code can pass `llm_base_url=...` although the env names are aliases.
    model_config = SettingsConfigDict(env_prefix="BYLINE_", env_file=".env", extra="ignore", populate_by_name=True)

    top_k: int = Field(default=8, ge=1, le=50, description="Passages retrieved for each question.")
    candidates_per_retriever: int = Field(
        default=20, ge=1, description="Passages each retriever (dense, keyword) offers before fusion."
    )
    max_answer_sentences: int = Field(default=2, ge=1, le=5, description="Sentences an extractive answer may use.")
    min_support: float = Field(
        default=0.5,
        ge=0.0,
        le=1.0,
        description="Least share of the question's key terms (IDF-weighted) an answer passage must hold; below it Byline declines.",
    )

    # --- the LLM (any OpenAI-compatible endpoint); used only when a base URL or an API key is set ---
    llm_base_url: str | None = Field(
        default=None,
        validation_alias=AliasChoices("llm_base_url", "BYLINE_LLM_BASE_URL", "OPENAI_BASE_URL", "OPENAI_API_BASE"),
        description="Base URL of an OpenAI-compatible chat API (e.g. http://127.0.0.1:11434/v1 for Ollama); "
        "env BYLINE_LLM_BASE_URL, OPENAI_BASE_URL or OPENAI_API_BASE. Unset with no API key: no LLM, extractive answers.",
    )
    llm_api_key: SecretStr | None = Field(
        default=None,
        validation_alias=AliasChoices("llm_api_key", "BYLINE_LLM_API_KEY", "OPENAI_API_KEY"),
        description="API key for the LLM endpoint; env BYLINE_LLM_API_KEY or OPENAI_API_KEY. Local servers usually need none.",
    )
    llm_model: str = Field(
        default="gpt-4o-mini", description="Model name sent to the endpoint (any name the server knows, e.g. 'llama3.2')."
    )
    llm_temperature: float = Field(
        default=0.1, ge=0.0, le=2.0, description="Sampling temperature; low keeps answers close to the passages."
    )
    llm_timeout: float = Field(
        default=30.0, gt=0, description="Seconds to wait to connect and between streamed pieces before answering without the LLM."
    )
    llm_deadline: float = Field(
        default=90.0,
        gt=0,
        description="Most seconds one LLM reply may take in all, however steadily it streams (one word every 10 s held "
        "an answer 13 minutes), before answering without the LLM.",
    )
    llm_max_tokens: int = Field(default=400, ge=16, le=8192, description="Most tokens the LLM may write for one answer.")
    llm_max_retries: int = Field(
        default=1, ge=0, le=5, description="Retries of a failed LLM request (connection errors, 5xx, 429) before falling back."
    )
    llm_passages: int = Field(
        default=6, ge=1, le=50, description="Retrieved passages put in the LLM's prompt (the best ones of top_k)."
    )
    min_claim_overlap: float = Field(
        default=0.45,
        ge=0.0,
        le=1.0,
        description="Least share of a cited sentence's content words (weighted by 1+IDF) its passage must hold for the citation to stand.",
    )
    min_claim_similarity: float = Field(
        default=0.5,
        ge=-1.0,
        le=1.0,
        description="Least embedding cosine between a cited sentence and its best supporting passage words for the citation to stand.",
    )

    @property
    def llm_configured(self) -> bool:
        """The LLM is used only when the user pointed Byline at one (offline by default)."""
        return bool(self.llm_base_url) or bool(self.llm_api_key and self.llm_api_key.get_secret_value())
