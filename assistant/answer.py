"""The one object that travels end to end: an Answer with its Citations."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from ingest.store import ChunkRecord


class Citation(BaseModel):
    """A passage that supports a sentence of the answer, and where exactly its words are."""

    n: int = Field(description="Marker number, [n] in the answer text, in order of first use.")
    article_id: str
    title: str
    source: str
    url: str
    published: str = Field(description="ISO date YYYY-MM-DD, or '' when unknown.")
    passage: str = Field(description="The retrieved passage (chunk) the quote comes from.")
    passage_span: tuple[int, int] = Field(description="[start, end) of the passage in the article text.")
    quote: str = Field(description="The cited words, exactly as in the article.")
    span: tuple[int, int] = Field(description="[start, end) of `quote` in the article text.")
    speaker: str | None = Field(default=None, description="Who said the quoted words, when the citation is a quote.")


def cite_in_chunk(n: int, chunk: ChunkRecord, article_text: str, start: int, end: int, fallback_quote: str) -> Citation:
    """Cite article_text[start:end], a stretch of `chunk`. The quote is cut from the article itself,
    so quote and span always agree (`fallback_quote` only if the article text could not be read)."""
    return Citation(
        n=n,
        article_id=chunk.article_id,
        title=chunk.title,
        source=chunk.source,
        url=chunk.url,
        published=chunk.published,
        passage=chunk.text,
        passage_span=(chunk.start, chunk.end),
        quote=article_text[start:end] if article_text else fallback_quote,
        span=(start, end),
    )


class Answer(BaseModel):
    """What Byline replies: text with [n] markers, its citations, and how it got there."""

    question: str
    text: str
    answered: bool = Field(description="False when the articles do not hold the answer (a decline).")
    citations: list[Citation] = Field(default_factory=list)
    mode: Literal["extractive", "generative", "who_said", "none"] = "extractive"
    standalone_question: str | None = Field(
        default=None, description="The follow-up rewritten into a standalone question, if it was."
    )
    notice: str | None = Field(default=None, description="Something the user should know (e.g. the LLM was unavailable).")
    filters: dict = Field(default_factory=dict, description="The filters the answer was retrieved under.")
    as_of: str | None = Field(
        default=None, description="The day the question was asked as of (YYYY-MM-DD); nothing published later was used."
    )
    time_window: tuple[str, str] | None = Field(
        default=None,
        description="The days the question's time words were read to mean, [since, until] inclusive (since '' when open).",
    )
    time_reading: str | None = Field(
        default=None, description="How the question's time words were read, e.g. 'this week (2024-03-16 to 2024-03-22)'."
    )
    config: dict = Field(default_factory=dict, description="The settings that produced this answer.")
    timings_ms: dict[str, float] = Field(default_factory=dict)


class Passage(BaseModel):
    """A retrieved passage (search result), with where it sits in its article."""

    rank: int
    score: float
    article_id: str
    title: str
    source: str
    url: str
    published: str
    text: str
    span: tuple[int, int]


class TokenEvent(BaseModel):
    """A piece of answer text, as it is written."""

    type: Literal["token"] = "token"
    text: str


class AnswerEvent(BaseModel):
    """The finished answer, with its citations; always the last event of a stream."""

    type: Literal["answer"] = "answer"
    answer: Answer


StreamEvent = TokenEvent | AnswerEvent
