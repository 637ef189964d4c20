"""Retrieval: dense (Chroma) and keyword (BM25, tantivy) retrieval fused by reciprocal rank.

Filters (sources, date range) apply to both, so both see the same articles. Only chunks whose
content hash matches their article's committed record are ever returned. Chroma gives the nearest
chunk ids; the chunks' texts and metadata are read from the local cache (assistant.search.cache),
which is many times faster than Chroma's `get` (~0.4 ms a chunk).
"""

from __future__ import annotations

import logging
import re
import threading
from collections.abc import Iterable
from pathlib import Path

import numpy as np

from assistant.search.cache import CacheDamaged, KeywordIndex, LocalIndex
from assistant.search.quotes import QuoteIndex
from assistant.search.types import Filters, Hit
from ingest.pipeline import Index
from ingest.settings import IngestSettings
from ingest.store import ArticleRecord, ChunkRecord

log = logging.getLogger(__name__)

OVERFETCH = 200  # plain dense results fetched for a filtered question, before the filter
MAX_OVERFETCH = 5000  # ... and at most this many when the filter is broad but the first 200 missed
EXACT_SEARCH_ROWS = 50_000  # a filter allowing fewer chunks than this is searched exactly (float16, in memory)
# A search's list weighs an article's second passage at half its score (third a quarter, ...): news24-dev
# evidence hit@5 68.4% → 75.7% (weeks 1–7 68.3 → 79.3, weeks 8–13 68.6 → 71.4; 0.7 and 0.3 within a point).
# Answers keep the plain ranking: fed the spread list, the extractive answerer met more near-miss sentences
# from other articles (fact 40.1% → 37.5%).
LATER_PASSAGE_WEIGHT = 0.5


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


def spread_over_articles(hits: list[Hit], k: int, later_passage_weight: float = LATER_PASSAGE_WEIGHT) -> list[Hit]:
    """The best k hits once each article's second passage counts `later_passage_weight` times its
    score, its third that squared, ...: one long article's passages no longer fill a result list."""
    seen: dict[str, int] = {}
    weighted = []
    for hit in hits:
        before = seen.get(hit.chunk.article_id, 0)
        seen[hit.chunk.article_id] = before + 1
        weighted.append((hit.score * later_passage_weight**before, hit))
    weighted.sort(key=lambda pair: pair[0], reverse=True)
    return [hit for _, hit in weighted[:k]]


def cache_folder(settings: IngestSettings) -> Path:
    """Where the retrieval cache of this index lives: under the data folder, one per collection
    and Chroma location (a server's index is cached locally too)."""
    where = "embedded"
    if settings.chroma_url:
        where = re.sub(r"[^A-Za-z0-9.-]+", "_", settings.chroma_url.split("://")[-1]).strip("_")
    return Path(settings.data_dir) / "retrieval" / f"{settings.collection}-{where}"


class HybridRetriever:
    """Dense + keyword retrieval over the committed articles of an index.

    Dense search is Chroma's; keyword search, filtered exact search and the article and quote
    registries come from the local cache (assistant.search.cache), reconciled with Chroma at open
    and, after an ingest, for just the articles it touched.
    """

    def __init__(self, index: Index, candidates_per_retriever: int = 20):
        self.index = index
        self.candidates = candidates_per_retriever
        self._lock = threading.Lock()
        self._refresh_lock = threading.Lock()
        settings = index.settings
        identity = {
            "embedder": index.store.embedder_id,
            "chunk_tokens": settings.chunk_tokens,
            "overlap": settings.chunk_overlap_sentences,
        }
        self.local = LocalIndex(cache_folder(settings), identity)
        self.articles: dict[str, ArticleRecord] = {}
        self.newest_first: list[ArticleRecord] = []  # the dated articles, newest first
        self.writes_seen = index.writes()  # read before the refresh: a write during it is caught up with later
        self.refresh()

    @property
    def keyword(self) -> KeywordIndex:
        return self.local.keyword

    @property
    def quotes(self) -> QuoteIndex:
        return self.local.quotes

    def refresh(self, article_ids: Iterable[str] | None = None) -> None:
        """Bring retrieval in line with the store: every article (at open), or only these (after
        an ingest that added, replaced or removed them)."""
        # One refresh at a time: two ingests finishing together each merged their articles into the
        # same old listing, and the later assignment dropped the other's (until a restart).
        with self._refresh_lock:
            try:
                articles = self._sync(article_ids)
            except CacheDamaged as error:
                log.warning("%s: rebuilding it from the index", error)
                self.local.reset()
                articles = self._sync(None)
            newest_first = sorted((a for a in articles.values() if a.published), key=lambda a: a.published, reverse=True)
            with self._lock:
                self.articles = articles
                self.newest_first = newest_first
        log.info("retrieval ready: %d articles, %d chunks, %d quotes", len(articles), len(self.local), len(self.quotes))

    def catch_up(self) -> None:
        """Take in what another process wrote since (a `byline ingest` beside a running `byline serve`: its article
        was found by search, but missing from the article list and count, an outside try): the index's write count
        moved past this process's own writes, which their ingests refreshed already. A stat and a read when nothing
        changed; a whole refresh when something did."""
        current = self.index.writes()
        if current == self.writes_seen:
            return
        seen, own = self.writes_seen, self.index.own_writes
        while seen in own and seen != current:
            seen = own[seen]
        if seen != current:
            log.info("the index was written by another process: catching up")
            self.refresh()
        self.writes_seen = current

    @property
    def latest_published(self) -> str:
        """The newest article's day ('' when none is dated): an asking date on or after it cuts nothing."""
        newest_first = self.newest_first  # one read: a refresh swaps the whole list
        return newest_first[0].published if newest_first else ""

    def newest_admitted(self, filters: Filters) -> str | None:
        """The newest day of an article `filters` admits; None if none does. Walks back from the newest
        article, so a window of recent days is found at once (scanning all 10k articles took ~60 ms)."""
        for record in self.newest_first:
            if filters.admits(record.source, record.published_int):
                return record.published
        return None

    def _sync(self, article_ids: Iterable[str] | None) -> dict[str, ArticleRecord]:
        """Sync the cache with the store (all articles, or these) and return the articles listed after it."""
        store = self.index.store
        if article_ids is None:
            articles, quotes_json = store.registry()
            self.local.sync(articles, store.chunks_of, lambda record: store.quotes_of(record, quotes_json.get(record.id)))
            return articles
        changed = list(dict.fromkeys(article_ids))
        found, quotes_json = store.articles_by_id(changed)
        self.local.sync(found, store.chunks_of, lambda record: store.quotes_of(record, quotes_json.get(record.id)), only=changed)
        return {a: r for a, r in self.articles.items() if a not in set(changed)} | found

    def source_names(self) -> dict[str, str]:
        return {a.source.lower(): a.source for a in self.articles.values()}

    def chunks(self, chunk_ids: list[str]) -> dict[str, ChunkRecord]:
        """The committed chunk records of these ids: from the local cache, and from the store for any the cache's
        view does not hold yet (an ingest whose refresh is still running)."""
        found = self.local.chunks(chunk_ids)
        if missing := [chunk_id for chunk_id in chunk_ids if chunk_id not in found]:
            found |= {c.id: c for c in self.index.store.chunks_by_id(missing)}
        return {chunk_id: chunk for chunk_id, chunk in found.items() if self._committed(chunk)}

    def _records(self, scored_ids: list[tuple[str, float]]) -> list[tuple[ChunkRecord, float]]:
        """Chunk records (text and all) for scored chunk ids, in the same order."""
        found = self.chunks([chunk_id for chunk_id, _ in scored_ids])
        return [(found[chunk_id], score) for chunk_id, score in scored_ids if chunk_id in found]

    def dense_search(self, query_vector: np.ndarray, k: int, filters: Filters) -> list[tuple[ChunkRecord, float]]:
        store = self.index.store
        if filters.empty:
            return self._records(store.nearest_chunk_ids(query_vector, k))
        # Chroma's `where`-filtered search is tens of times slower than a plain one: search plainly
        # for more and keep what passes; a narrow filter that leaves too few is scored exactly here.
        # (ids only: fetching 200 texts costs ten times the search), filtered on the local rows.
        bounds = filters.bounds
        view = self.local.rows  # one view throughout, though an ingest may swap in a new one
        passing = view.passing(store.nearest_chunk_ids(query_vector, OVERFETCH), filters.sources, *bounds)
        if len(passing) >= k:
            return self._records(passing[:k])
        mask = view.mask(filters.sources, *bounds)
        if int(mask.sum()) > EXACT_SEARCH_ROWS:
            # A broad filter that the nearest 200 missed: they were near-copies of a few articles
            # (syndicated stories), all outside it. Ask for many more (~20 ms at 1M chunks) rather
            # than score hundreds of thousands of rows exactly (most of a second).
            passing = view.passing(store.nearest_chunk_ids(query_vector, MAX_OVERFETCH), filters.sources, *bounds)
            if len(passing) >= k:
                return self._records(passing[:k])
        return self._records(view.nearest(query_vector, k, mask))

    def keyword_search(self, query: str, k: int, filters: Filters) -> list[tuple[ChunkRecord, float]]:
        return [(c, s) for c, s in self.local.keyword_search(query, k, filters.sources, *filters.bounds) if self._committed(c)]

    def _committed(self, chunk: ChunkRecord) -> bool:
        record = self.articles.get(chunk.article_id)
        return record is not None and record.content_hash == chunk.content_hash

    def retrieve_window_first(
        self,
        query: str,
        k: int,
        everywhere: Filters,
        window: Filters | None,
        query_vector: np.ndarray | None = None,
        spread: bool = False,
    ) -> list[Hit]:
        """The best k under `everywhere`, with the chunks inside `window` ranked once more: the two
        rankings are fused, so a passage of the asked-about days outranks one as good from other
        days, while a good passage from other days still outranks a poor one from inside them.
        `spread`: over articles (see `spread_over_articles`), for a list a reader looks through."""
        if query_vector is None:
            query_vector = self.index.embed([query])[0]
        # spreading looks through every candidate both retrievers found (no extra search), not just the best k
        fetched = max(k, 2 * self.candidates) if spread else k
        anywhere = self.retrieve(query, fetched, everywhere, query_vector=query_vector)
        if window is not None:
            inside = self.retrieve(query, fetched, window, query_vector=query_vector)
            anywhere = reciprocal_rank_fusion(
                [[(h.chunk, h.score) for h in inside], [(h.chunk, h.score) for h in anywhere]], fetched
            )
        return spread_over_articles(anywhere, k) if spread else anywhere

    def retrieve(self, query: str, k: int, filters: Filters | None = None, query_vector: np.ndarray | None = None) -> list[Hit]:
        filters = filters or Filters()
        if query_vector is None:
            query_vector = self.index.embed([query])[0]
        dense = self.dense_search(query_vector, self.candidates, filters)
        sparse = self.keyword_search(query, self.candidates, filters)
        return reciprocal_rank_fusion([dense, sparse], k)
