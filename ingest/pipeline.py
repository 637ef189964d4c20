"""Ingestion: read sources, skip what is unchanged, chunk, embed, and write to the index."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

from ingest.article import Article
from ingest.chunking import chunk_article
from ingest.embedder import MAX_TOKENS, build_embedder, embed_texts, embedder_id, load_tokenizer
from ingest.readers import expand_sources, read_source
from ingest.settings import IngestSettings
from ingest.store import Journal, Store, make_client

log = logging.getLogger(__name__)

GROUP_SIZE = 16  # articles embedded together: big enough to batch by length, small enough to commit often


class IngestProblem(BaseModel):
    where: str = Field(description="The file (and line or entry) or URL.")
    reason: str = Field(description="Why it was not ingested, in words a person can act on.")


class IngestReport(BaseModel):
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    chunks_written: int = 0
    errors: list[IngestProblem] = Field(default_factory=list)
    seconds: float = 0.0
    article_ids: list[str] = Field(default_factory=list, description="Ids of the articles added or updated.")

    @property
    def ingested(self) -> int:
        return self.added + self.updated + self.unchanged + self.duplicates

    @property
    def failed(self) -> bool:
        """Non-zero exit only when nothing at all could be taken in."""
        return bool(self.errors) and self.ingested == 0

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicates skipped")
        parts.append(f"{self.chunks_written} chunks written")
        if self.errors:
            parts.append(f"{len(self.errors)} errors")
        return ", ".join(parts) + f" in {self.seconds:.1f}s"


@dataclass
class Index:
    """An opened index: settings, embedder and store, shared by ingestion and answering."""

    settings: IngestSettings
    embedding: object
    store: Store

    @classmethod
    def open(cls, settings: IngestSettings | None = None, embedding=None) -> Index:
        settings = settings or IngestSettings()
        embedding = embedding or build_embedder(settings)
        client = make_client(Path(settings.data_dir), settings.chroma_url)
        store = Store(client, settings.collection, embedder_id(embedding))
        return cls(settings=settings, embedding=embedding, store=store)

    @cached_property
    def tokenizer(self):
        tokenizer = load_tokenizer()
        tokenizer.no_truncation()
        return tokenizer

    @cached_property
    def nlp(self):
        from ingest.attribution import load_nlp

        return load_nlp()

    def embed(self, texts: list[str]):
        return embed_texts(self.embedding, texts)


ProgressCallback = Callable[[int, int, str], None]


class Ingestor:
    """Turns sources into indexed articles; idempotent by content hash."""

    def __init__(self, index: Index):
        self.index = index
        self.journal = Journal(Path(index.settings.data_dir) / "ingest-journal.json")

    def ingest(
        self, sources: Iterable[str | Path], progress: bool = False, on_progress: ProgressCallback | None = None
    ) -> IngestReport:
        """Read every source and index its articles. Bad sources are reported, the rest goes on."""
        started = time.perf_counter()
        report = IngestReport()
        files, expand_errors = expand_sources(sources)
        report.errors.extend(IngestProblem(where=e.where, reason=e.reason) for e in expand_errors)
        articles: list[Article] = []
        max_bytes = int(self.index.settings.max_file_mb * 1e6)
        for source in files:
            result = read_source(source, max_bytes=max_bytes, fetch_urls=self.index.settings.fetch_urls)
            articles.extend(result.articles)
            report.errors.extend(IngestProblem(where=e.where, reason=e.reason) for e in result.errors)
        for error in report.errors:
            log.warning("not ingested: %s: %s", error.where, error.reason)
        self.ingest_articles(articles, report=report, progress=progress, on_progress=on_progress)
        report.seconds = time.perf_counter() - started
        return report

    def ingest_articles(
        self,
        articles: list[Article],
        report: IngestReport | None = None,
        progress: bool = False,
        on_progress: ProgressCallback | None = None,
    ) -> IngestReport:
        started = time.perf_counter()
        report = report or IngestReport()
        self.recover()
        # Within one run the last version of an id wins (a feed listing an entry twice, say).
        by_id = {article.id: article for article in articles}
        pending = list(by_id.values())
        bar = None
        if progress and len(pending) > 20:
            from tqdm import tqdm

            bar = tqdm(total=len(pending), unit="article", desc="ingest")
        done = 0
        seen_content: dict[str, str] = {}  # content hash -> article id, across the whole run
        # Chroma writes mostly wait (on SQLite and its index threads): group N is written on a
        # second thread while group N+1 is chunked and embedded. One write at a time, in order.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="byline-write") as writer:
            writing = None
            for group_start in range(0, len(pending), GROUP_SIZE):
                group = pending[group_start : group_start + GROUP_SIZE]
                to_write = self._select_changed(group, report, seen_content)
                if to_write:
                    prepared = self._prepare_group(to_write)
                    if writing is not None:
                        writing.result()  # raises what the previous write raised
                    writing = writer.submit(self._write_group, prepared, report)
                done += len(group)
                if bar:
                    bar.update(len(group))
                if on_progress:
                    on_progress(done, len(pending), group[-1].title)
            if writing is not None:
                writing.result()
        if bar:
            bar.close()
        if report.seconds == 0.0:
            report.seconds = time.perf_counter() - started
        return report

    def _select_changed(
        self, group: list[Article], report: IngestReport, seen_content: dict[str, str]
    ) -> list[tuple[Article, bool]]:
        store = self.index.store
        existing = store.articles.get(ids=[a.id for a in group], include=["metadatas"])
        known_hash = {i: m["content_hash"] for i, m in zip(existing["ids"], existing["metadatas"])}
        hashes = [a.content_hash for a in group if known_hash.get(a.id) != a.content_hash]
        if hashes:
            twins = store.articles.get(where={"content_hash": {"$in": hashes}}, include=["metadatas"])
            for twin_id, metadata in zip(twins["ids"], twins["metadatas"]):
                seen_content.setdefault(metadata["content_hash"], twin_id)
        selected = []
        for article in group:
            twin = seen_content.get(article.content_hash)
            if known_hash.get(article.id) == article.content_hash:
                report.unchanged += 1
            elif twin is not None and twin != article.id:
                log.info("%s: same content as article %s, skipped", article.origin, twin)
                report.duplicates += 1
            else:
                selected.append((article, article.id in known_hash))
                seen_content[article.content_hash] = article.id  # a twin later in this run is a duplicate
        return selected

    def _prepare_group(self, group: list[tuple[Article, bool]]) -> list[tuple[Article, bool, list, np.ndarray, list[dict]]]:
        """Chunk, embed and find the quotes of a group: everything its write needs."""
        settings = self.index.settings
        tokenizer = self.index.tokenizer
        planned = []
        texts: list[str] = []
        for article, _ in group:
            chunks = chunk_article(article.text, tokenizer, settings.chunk_tokens, settings.chunk_overlap_sentences)
            title = short_title(article.title, tokenizer, MAX_TOKENS - 2 - settings.chunk_tokens)
            planned.append([(c.start, c.end, c.text) for c in chunks])
            texts.extend(f"{title}\n{c.text}" for c in chunks)
        # onnxruntime releases the GIL while it embeds: find the quotes meanwhile, on the other core
        with ThreadPoolExecutor(max_workers=1) as attribution_worker:
            quotes_pending = attribution_worker.submit(lambda: [self.attributions(article) for article, _ in group])
            vectors = self.index.embed(texts)
            quotes = quotes_pending.result()
        prepared = []
        row = 0
        for (article, was_known), chunks, article_quotes in zip(group, planned, quotes):
            prepared.append((article, was_known, chunks, vectors[row : row + len(chunks)], article_quotes))
            row += len(chunks)
        return prepared

    def _write_group(self, prepared: list[tuple[Article, bool, list, np.ndarray, list[dict]]], report: IngestReport) -> None:
        self.journal.begin([article.id for article, *_ in prepared])
        for article, was_known, chunks, chunk_vectors, article_quotes in prepared:
            self.index.store.write_article(article, chunks, chunk_vectors, article_vector(chunk_vectors), article_quotes)
            report.chunks_written += len(chunks)
            report.article_ids.append(article.id)
            if was_known:
                report.updated += 1
            else:
                report.added += 1
        self.journal.clear()

    def attributions(self, article: Article) -> list[dict]:
        """Who said what in the article, as stored on its record (see ingest.attribution)."""
        if not self.index.settings.attribution:
            return []
        from ingest.attribution import find_attributions

        return [
            {
                "kind": a.kind,
                "speaker": a.speaker,
                "speaker_name": a.speaker_name,
                "cue": a.cue,
                "text": a.text,
                "start": a.span[0],
                "end": a.span[1],
            }
            for a in find_attributions(article.text, self.index.nlp)
        ]

    def recover(self) -> None:
        """Finish what an interrupted run left: drop chunks that no committed article names."""
        for article_id in self.journal.pending():
            record = self.index.store.article_record(article_id)
            self.index.store.remove_stale_chunks(article_id, record.content_hash if record else None)
            log.info("recovered interrupted write of article %s", article_id)
        self.journal.clear()


def article_vector(chunk_vectors: np.ndarray) -> np.ndarray:
    """The article record's vector: the normalised mean of its chunks' (every chunk already carries
    the title), so the record costs no embedding of its own."""
    mean = chunk_vectors.mean(axis=0)
    return mean / max(float(np.linalg.norm(mean)), 1e-12)


def short_title(title: str, tokenizer, max_tokens: int) -> str:
    """The title as it is put in front of each chunk, cut so title + chunk fit the model window."""
    encoding = tokenizer.encode(title, add_special_tokens=False)
    if len(encoding.ids) <= max_tokens:
        return title
    return title[: encoding.offsets[max_tokens - 1][1]]
