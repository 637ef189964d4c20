"""Retrieval: dense (Chroma) and keyword (BM25, bm25s) retrieval fused by reciprocal rank.

 Filters (sources, date range)
go to Chroma as a `where` clause and to BM25 as a weight mask, so both see the same articles.
Only chunks whose content hash matches their article's committed record are ever returned.
"""

from __future__ import annotations

import logging
import math
import re
import threading
from dataclasses import dataclass

import numpy as np
from bm25s.stopwords import STOPWORDS_EN
from pydantic import BaseModel, Field, field_validator

from ingest.article import date_as_int, parse_date
from ingest.pipeline import Index
from ingest.store import ArticleRecord, ChunkRecord

log = logging.getLogger(__name__)

TOKEN_PATTERN = r"(?u)\b\w+\b"
WORD = re.compile(TOKEN_PATTERN)
STOPWORDS = frozenset(STOPWORDS_EN)
OVERFETCH = 200  # plain dense results fetched for a filtered question, before the filter


class Filters(BaseModel):
    """Which articles a question may be answered from."""

    sources: list[str] = Field(default_factory=list, description="Keep only these sources (exact, case-insensitive).")
    since: str | None = Field(default=None, description="Earliest published date, YYYY-MM-DD (inclusive).")
    until: str | None = Field(default=None, description="Latest published date, YYYY-MM-DD (inclusive).")

    @field_validator("since", "until", mode="before")
    @classmethod
    def _iso(cls, value: object) -> str | None:
        if value in (None, ""):
            return None
        try:
            return parse_date(value)
        except (ValueError, OverflowError) as error:
            raise ValueError(f"not a date: {value!r} (use YYYY-MM-DD)") from error

    @property
    def empty(self) -> bool:
        return not (self.sources or self.since or self.until)

    def matches(self, chunk: ChunkRecord) -> bool:
        """Whether a chunk passes, decided here exactly as `chroma_where` has Chroma decide it."""
        if self.sources and chunk.source.lower() not in {s.lower() for s in self.sources}:
            return False
        if self.since and chunk.published_int < date_as_int(self.since):
            return False
        return not (self.until and chunk.published_int > date_as_int(self.until))

    def chroma_where(self, source_names: dict[str, str]) -> dict | None:
        clauses: list[dict] = []
        if self.sources:
            names = [source_names.get(s.lower(), s) for s in self.sources]
            clauses.append({"source": {"$in": names}})
        if self.since:
            clauses.append({"published_int": {"$gte": date_as_int(self.since)}})
        if self.until:
            clauses.append({"published_int": {"$lte": date_as_int(self.until)}})
        if not clauses:
            return None
        return clauses[0] if len(clauses) == 1 else {"$and": clauses}


_thread_stemmer = threading.local()


def stems(text: str) -> list[str]:
    """Stemmed, stopword-free words of `text`, exactly as bm25s tokenizes them for an index (done
    here directly: bm25s.tokenize builds a progress bar per call, costly on a hot path). One
    stemmer per thread: PyStemmer's are not thread-safe, and the server answers on several."""
    import Stemmer

    stemmer = getattr(_thread_stemmer, "stemmer", None)
    if stemmer is None:
        stemmer = _thread_stemmer.stemmer = Stemmer.Stemmer("english")
    return stemmer.stemWords([w for w in WORD.findall(text.lower()) if w not in STOPWORDS])


@dataclass
class Hit:
    chunk: ChunkRecord
    score: float


class KeywordIndex:
    """BM25 (bm25s, English stemmer and stopwords) over the committed chunks, held in memory."""

    def __init__(self, chunks: list[ChunkRecord]):
        import bm25s
        import Stemmer

        stemmer = Stemmer.Stemmer("english")  # for the one-off bm25s.tokenize of the index
        self.chunks = chunks
        self.published = np.array([c.published_int for c in chunks], dtype=np.int64)
        self.sources = np.array([c.source.lower() for c in chunks], dtype=object)
        self.vectors = np.zeros((len(chunks), 0), dtype=np.float16)  # set by HybridRetriever.refresh
        self.bm25 = bm25s.BM25()
        if chunks:
            tokens = bm25s.tokenize(
                [f"{c.title}\n{c.text}" for c in chunks],
                stopwords="en",
                stemmer=stemmer,
                token_pattern=TOKEN_PATTERN,
                show_progress=False,
            )
            self.bm25.index(tokens, show_progress=False)
            self.vocab = tokens.vocab
            indptr = self.bm25.scores["indptr"]
            self.doc_freq = np.diff(indptr)
        else:
            self.vocab, self.doc_freq = {}, np.zeros(0)

    def __len__(self) -> int:
        return len(self.chunks)

    def nearest(self, query_vector: np.ndarray, k: int, filters: Filters) -> list[tuple[ChunkRecord, float]]:
        """Exact cosine search over the chunks that pass the filters (vectors are unit length)."""
        mask = self.mask(filters)
        allowed = np.flatnonzero(mask) if mask is not None else np.arange(len(self.chunks))
        if not len(allowed):
            return []
        scores = self.vectors[allowed].astype(np.float32) @ query_vector.astype(np.float32)
        top = np.argsort(-scores)[:k]
        return [(self.chunks[int(allowed[i])], float(scores[i])) for i in top]

    def mask(self, filters: Filters) -> np.ndarray | None:
        if filters.empty:
            return None
        keep = np.ones(len(self.chunks), dtype=bool)
        if filters.sources:
            keep &= np.isin(self.sources, [s.lower() for s in filters.sources])
        if filters.since:
            keep &= self.published >= date_as_int(filters.since)
        if filters.until:
            keep &= self.published <= date_as_int(filters.until)
        return keep.astype(np.float32)

    def search(self, query: str, k: int, filters: Filters) -> list[tuple[ChunkRecord, float]]:

        if not self.chunks:
            return []
        query_words = self.query_stems(query)
        if not query_words:
            return []
        mask = self.mask(filters)
        if mask is not None and not mask.any():
            return []
        k = min(k, len(self.chunks))
        indexes, scores = self.bm25.retrieve([query_words], k=k, weight_mask=mask, show_progress=False, n_threads=1)
        hits = []
        for index, score in zip(indexes[0], scores[0]):
            if score <= 0:
                continue
            hits.append((self.chunks[int(index)], float(score)))
        return hits

    def stems(self, text: str) -> list[str]:
        return stems(text)

    def query_stems(self, text: str) -> list[str]:
        """The stems of `text` that occur in the collection (the only ones BM25 can match)."""
        return [w for w in self.stems(text) if w in self.vocab]

    def idf(self, stem: str) -> float:
        """Inverse document frequency of a stemmed word in the chunk collection (unknown: highest)."""
        n = max(len(self.chunks), 1)
        position = self.vocab.get(stem)
        df = int(self.doc_freq[position]) if position is not None and position < len(self.doc_freq) else 0
        return math.log(1 + (n - df + 0.5) / (df + 0.5))


def reciprocal_rank_fusion(rankings: list[list[tuple[ChunkRecord, float]]], k: int, constant: float = 60.0) -> list[Hit]:
    """Fuse ranked lists by reciprocal rank (Cormack et al. 2009, the constant 60 as there).

    llama-index's QueryFusionRetriever does the same, but insists on resolving an LLM even for a
    single query, which an offline default cannot give it.
    """
    scores: dict[str, float] = {}
    chunks: dict[str, ChunkRecord] = {}
    for ranking in rankings:
        for rank, (chunk, _) in enumerate(ranking):
            chunks[chunk.id] = chunk
            scores[chunk.id] = scores.get(chunk.id, 0.0) + 1.0 / (constant + rank + 1)
    ordered = sorted(scores, key=lambda chunk_id: scores[chunk_id], reverse=True)[:k]
    return [Hit(chunk=chunks[chunk_id], score=scores[chunk_id]) for chunk_id in ordered]


class HybridRetriever:
    """Dense + keyword retrieval over the committed articles of an index."""

    def __init__(self, index: Index, candidates_per_retriever: int = 20):
        self.index = index
        self.candidates = candidates_per_retriever
        self._lock = threading.Lock()
        self.articles: dict[str, ArticleRecord] = {}
        self.keyword = KeywordIndex([])
        self.refresh()

    def refresh(self) -> None:
        """Reload the committed articles and rebuild the keyword index (after ingestion)."""
        from assistant.quotes import QuoteIndex

        articles, quotes = self.index.store.registry()
        committed = {a.id: a.content_hash for a in articles.values()}
        loaded = [
            (c, v) for c, v in self.index.store.iter_chunks_with_vectors() if committed.get(c.article_id) == c.content_hash
        ]
        loaded.sort(key=lambda item: (item[0].article_id, item[0].index))
        chunks = [c for c, _ in loaded]
        keyword = KeywordIndex(chunks)
        # float16 copies of the vectors, aligned with keyword.chunks: a filtered question is scored
        # exactly over the articles it may use (Chroma's own filtered search is far slower)
        if loaded:
            keyword.vectors = np.asarray([v for _, v in loaded], dtype=np.float16)
        quote_index = QuoteIndex(quotes)
        with self._lock:
            self.articles, self.keyword, self.quotes = articles, keyword, quote_index
        log.info("retrieval ready: %d articles, %d chunks, %d quotes", len(articles), len(chunks), len(quote_index))

    def source_names(self) -> dict[str, str]:
        return {a.source.lower(): a.source for a in self.articles.values()}

    def dense_search(self, query_vector: np.ndarray, k: int, filters: Filters) -> list[tuple[ChunkRecord, float]]:
        store = self.index.store
        if filters.empty:
            return [(c, s) for c, s in store.query_chunks(query_vector, k) if self._committed(c)]
        # Chroma's `where`-filtered search is tens of times slower than a plain one: search plainly
        # for more and keep what passes; a narrow filter that leaves too few is scored exactly here.
        hits = [(c, s) for c, s in store.query_chunks(query_vector, OVERFETCH) if filters.matches(c) and self._committed(c)]
        if len(hits) >= k:
            return hits[:k]
        return self.keyword.nearest(query_vector, k, filters)

    def _committed(self, chunk: ChunkRecord) -> bool:
        record = self.articles.get(chunk.article_id)
        return record is not None and record.content_hash == chunk.content_hash

    def retrieve(self, query: str, k: int, filters: Filters | None = None, query_vector: np.ndarray | None = None) -> list[Hit]:
        filters = filters or Filters()
        if query_vector is None:
            query_vector = self.index.embed([query])[0]
        dense = self.dense_search(query_vector, self.candidates, filters)
        sparse = self.keyword.search(query, self.candidates, filters)
        return reciprocal_rank_fusion([dense, sparse], k)
