"""The public Python API: `Assistant`, what notebooks, the CLI and the web chat all use."""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterable, Iterator
from pathlib import Path

from assistant.answer import Answer, AnswerEvent, Passage, StreamEvent, TokenEvent
from assistant.extractive import ExtractiveAnswerer
from assistant.retrieval import Filters, HybridRetriever
from assistant.settings import AssistantSettings
from ingest.article import Article
from ingest.pipeline import Index, IngestReport, Ingestor, ProgressCallback
from ingest.settings import IngestSettings
from ingest.store import ArticleRecord

log = logging.getLogger(__name__)


class Assistant:
    """Answers questions about the articles in one index, with citations.

    >>> bot = Assistant.open("data/")
    >>> bot.add(["seeds/"])
    >>> bot.ask("What did Blinken urge?", since="2023-09-01").citations[0].span
    """

    def __init__(self, index: Index, settings: AssistantSettings | None = None):
        self.index = index
        self.settings = settings or AssistantSettings()
        self.ingestor = Ingestor(index)
        self.retriever = HybridRetriever(index, self.settings.candidates_per_retriever)

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        chroma_url: str | None = None,
        settings: AssistantSettings | None = None,
        **ingest_overrides,
    ) -> "Assistant":
        """Open (or create) the index in `data_dir` (default: BYLINE_DATA_DIR or ./data)."""
        overrides = dict(ingest_overrides)
        if data_dir is not None:
            overrides["data_dir"] = Path(data_dir)
        if chroma_url is not None:
            overrides["chroma_url"] = chroma_url
        return cls(Index.open(IngestSettings(**overrides)), settings)

    # --- articles ----------------------------------------------------------------------------
    def add(
        self, sources: str | Path | Iterable[str | Path], progress: bool = False, on_progress: ProgressCallback | None = None
    ) -> IngestReport:
        """Ingest files, folders, globs or URLs; the new articles are searchable on return."""
        if isinstance(sources, (str, Path)):
            sources = [sources]
        report = self.ingestor.ingest(sources, progress=progress, on_progress=on_progress)
        if report.added or report.updated:
            self.retriever.refresh()
        return report

    def add_articles(self, articles: list[Article]) -> IngestReport:
        report = self.ingestor.ingest_articles(articles)
        if report.added or report.updated:
            self.retriever.refresh()
        return report

    def articles(self) -> list[ArticleRecord]:
        """What is indexed, newest first."""
        return sorted(self.retriever.articles.values(), key=lambda a: (a.published, a.title), reverse=True)

    def article_text(self, article_id: str) -> str:
        """The stored text of an article: citation spans index into exactly this."""
        texts = self.index.store.article_texts([article_id])
        if article_id not in texts:
            raise KeyError(f"no article with id {article_id!r} in this index")
        return texts[article_id]

    def sources(self) -> list[str]:
        return sorted({a.source for a in self.retriever.articles.values() if a.source})

    # --- questions ---------------------------------------------------------------------------
    def search(
        self,
        query: str,
        k: int = 8,
        sources: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        filters: Filters | None = None,
    ) -> list[Passage]:
        filters = filters or Filters(sources=sources or [], since=since, until=until)
        hits = self.retriever.retrieve(query, k, filters)
        return [
            Passage(
                rank=rank,
                score=hit.score,
                article_id=hit.chunk.article_id,
                title=hit.chunk.title,
                source=hit.chunk.source,
                url=hit.chunk.url,
                published=hit.chunk.published,
                text=hit.chunk.text,
                span=(hit.chunk.start, hit.chunk.end),
            )
            for rank, hit in enumerate(hits, start=1)
        ]

    def ask(
        self,
        question: str,
        sources: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        filters: Filters | None = None,
    ) -> Answer:
        """Answer from the articles, with a citation for every sentence; or decline."""
        question = question.strip()
        if not question:
            raise ValueError("the question is empty")
        filters = filters or Filters(sources=sources or [], since=since, until=until)
        timings: dict[str, float] = {}
        started = time.perf_counter()
        query_vector = self.index.embed([question])[0]
        timings["embed"] = ms_since(started)
        mark = time.perf_counter()
        hits = self.retriever.retrieve(question, self.settings.top_k, filters, query_vector=query_vector)
        timings["retrieve"] = ms_since(mark)
        mark = time.perf_counter()
        texts = self.index.store.article_texts(h.chunk.article_id for h in hits)
        answerer = ExtractiveAnswerer(
            self.retriever.keyword,
            self.index.embed,
            max_sentences=self.settings.max_answer_sentences,
            min_support=self.settings.min_support,
        )
        answer = answerer.answer(question, hits, query_vector, texts)
        timings["answer"] = ms_since(mark)
        timings["total"] = ms_since(started)
        answer.timings_ms = timings
        answer.filters = filters.model_dump(exclude_defaults=True)
        answer.config = self.config()
        return answer

    def stream(
        self,
        question: str,
        sources: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        filters: Filters | None = None,
    ) -> Iterator[StreamEvent]:
        """Answer as a stream: `TokenEvent`s of text, then one `AnswerEvent` with the citations.

        An extractive answer is whole at once; it is streamed word by word so every face shows
        answers the same way whichever answerer wrote them.
        """
        answer = self.ask(question, sources=sources, since=since, until=until, filters=filters)
        for piece in re.findall(r"\S+\s*", answer.text):
            yield TokenEvent(text=piece)
        yield AnswerEvent(answer=answer)

    def config(self) -> dict:
        """The settings an answer was produced with (carried on every Answer)."""
        return {
            "embedder": self.index.store.embedder_id,
            "top_k": self.settings.top_k,
            "min_support": self.settings.min_support,
            "chunk_tokens": self.index.settings.chunk_tokens,
        }


def ms_since(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)
