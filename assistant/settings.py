"""Answering settings (env prefix `BYLINE_`), read when an Assistant is built."""

from __future__ import annotations

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class AssistantSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BYLINE_", env_file=".env", extra="ignore")

    top_k: int = Field(default=8, ge=1, le=50, description="Passages retrieved for each question.")
    candidates_per_retriever: int = Field(
        default=20, ge=1, description="Passages each retriever (dense, keyword) offers before fusion."
    )
    max_answer_sentences: int = Field(default=2, ge=1, le=5, description="Sentences an extractive answer may use.")
    min_support: float = Field(
        default=0.45,
        ge=0.0,
        le=1.0,
        description="Least share of the question's key terms (IDF-weighted) an answer passage must hold; below it Byline declines.",
    )
