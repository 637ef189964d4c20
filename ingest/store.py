"""The index: two Chroma collections, embedded (PersistentClient) or remote (HttpClient).

- `<prefix>_chunks`: one record per chunk (embedding of title + chunk text), with the chunk
  schema below as metadata.
- `<prefix>_articles`: one record per article (the mean of its chunk vectors; the document is the full
  text that citation spans index into). An article record is written *after* its chunks and is the
  commit point: a chunk counts only when its `content_hash` equals its article record's, so an
  interrupted write never shows a half article. Both live in Chroma so that a Chroma server holds
  the whole index.
"""

from __future__ import annotations

import json
import logging
import os
import stat
import threading
from collections.abc import Iterable, Iterator
from pathlib import Path
from types import TracebackType
from typing import ClassVar
from urllib.parse import urlparse

import numpy as np
from filelock import FileLock, Timeout
from pydantic import BaseModel, Field

from ingest.article import Article
from ingest.errors import BylineError

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
PAGE = 1000  # Chroma get() page size; its SQLite backend limits variables per query


class EmbedderMismatch(BylineError, RuntimeError):
    """The index was built with another embedder: its vectors cannot be compared with ours."""


# How an article came in (`ArticleRecord.channel`): over a request (the HTTP API, the chat's upload) or by the
# operator (the CLI, the Python API, the seeds). Recorded, not read off the origin: a URL the operator ingested
# looks like one a request fetched.
REQUEST = "request"
OPERATOR = "operator"


class ArticleRecord(BaseModel):
    """What the index knows of an article, without its text (kept in memory by readers)."""

    id: str
    title: str
    source: str = ""
    url: str = ""
    published: str = ""
    published_int: int = 0
    author: str = ""
    origin: str = ""
    channel: str = Field(
        default="",
        description=f"How it came in: {REQUEST!r} (over a request) or {OPERATOR!r} (the operator's CLI or Python API); "
        "empty in an index written before this was recorded.",
    )
    content_hash: str
    chunks: int = Field(default=0, description="Number of chunks stored for this version.")
    quotes_by: str = Field(
        default="",
        description="The attribution rules that found its stored quotes (`ingest.attribution.rules_version`); empty in an "
        "index written before this was recorded, or with attribution off.",
    )


class QuoteRecord(BaseModel):
    """An attribution found in an article: who said what, and where the words are."""

    article_id: str
    kind: str = Field(description="'direct' (quoted), 'indirect' (reported speech) or 'according_to'.")
    speaker: str = Field(description="The speaker as written where the quote is ('he', 'the minister', 'Aliyev').")
    speaker_name: str = Field(description="The speaker resolved to the fullest name the article gives.")
    cue: str = Field(description="The verb or phrase that attributes the words ('said', 'according to').")
    text: str = Field(description="The quoted or reported words, exactly as in the article.")
    start: int = Field(description="Char offset of `text` in the article (inclusive).")
    end: int = Field(description="Char offset of the end of `text` (exclusive).")
    title: str = ""
    source: str = ""
    url: str = ""
    published: str = ""
    published_int: int = 0


class ChunkRecord(BaseModel):
    """One chunk as stored: the schema every face of Byline can rely on."""

    id: str
    article_id: str
    text: str
    start: int = Field(description="Char offset of the chunk in the article text (inclusive).")
    end: int = Field(description="Char offset of the chunk end in the article text (exclusive).")
    index: int
    title: str
    source: str
    url: str
    published: str
    published_int: int
    content_hash: str


def chunk_id(article_id: str, content_hash: str, index: int) -> str:
    return f"{article_id}:{content_hash[:12]}:{index}"


def make_client(data_dir: Path, chroma_url: str | None):
    import chromadb
    from chromadb.config import Settings

    settings = Settings(anonymized_telemetry=False, allow_reset=False)
    if chroma_url:
        parsed = urlparse(chroma_url if "://" in chroma_url else f"http://{chroma_url}")
        return chromadb.HttpClient(
            host=parsed.hostname or "127.0.0.1",
            port=parsed.port or (443 if parsed.scheme == "https" else 8000),
            ssl=parsed.scheme == "https",
            settings=settings,
        )
    data_dir.mkdir(parents=True, exist_ok=True)
    return chromadb.PersistentClient(path=str(data_dir / "chroma"), settings=settings)


class Store:
    """Reads and writes articles and chunks; knows nothing about answering."""

    def __init__(self, client, prefix: str, embedder_id: str):
        self.client = client
        self.embedder_id = embedder_id
        common = {"byline_schema": SCHEMA_VERSION, "embedder": embedder_id, "hnsw:space": "cosine"}
        # embedding_function=None: Chroma's default would download a model.
        self.chunks = client.get_or_create_collection(f"{prefix}_chunks", metadata=common, embedding_function=None)
        self.articles = client.get_or_create_collection(f"{prefix}_articles", metadata=common, embedding_function=None)
        built_with = (self.chunks.metadata or {}).get("embedder")
        if built_with and built_with != embedder_id:
            raise EmbedderMismatch(
                f"this index was built with the embedder {built_with!r}, but {embedder_id!r} is configured; "
                "use the same embedder (BYLINE_EMBEDDER) or a new --data folder"
            )

    # --- reading -----------------------------------------------------------------------------
    def article_records(self) -> dict[str, ArticleRecord]:
        return self.registry()[0]

    def registry(self, twins: dict[str, tuple[str, list[dict]]] | None = None) -> tuple[dict[str, ArticleRecord], dict[str, str]]:
        """Every committed article, and the quotes found in each as stored (JSON; parse with
        `quotes_of`), in one pass over the collection; with `twins`, each article that keeps twins
        is put there in the same pass, with its content hash (see `twins_of`)."""
        records: dict[str, ArticleRecord] = {}
        quotes: dict[str, str] = {}
        for ids, metadatas in self._pages(self.articles, include=["metadatas"]):
            self._take_articles(ids, metadatas, records, quotes)
            for article_id, metadata in zip(ids, metadatas) if twins is not None else ():
                if kept := json.loads(str(metadata.get("twins") or "[]")):
                    twins[article_id] = (str(metadata.get("content_hash") or ""), kept)
        return records, quotes

    def articles_by_id(self, article_ids: Iterable[str]) -> tuple[dict[str, ArticleRecord], dict[str, str]]:
        """`registry()` for these articles only; ids not in the index are left out."""
        wanted = list(dict.fromkeys(article_ids))
        records: dict[str, ArticleRecord] = {}
        quotes: dict[str, str] = {}
        for start in range(0, len(wanted), PAGE):
            found = self.articles.get(ids=wanted[start : start + PAGE], include=["metadatas"])
            self._take_articles(found["ids"], found["metadatas"], records, quotes)
        return records, quotes

    @staticmethod
    def _take_articles(ids: list[str], metadatas: list[dict], records: dict[str, ArticleRecord], quotes: dict[str, str]) -> None:
        for article_id, metadata in zip(ids, metadatas):
            metadata = dict(metadata)
            quotes_json = metadata.pop("quotes", None)
            records[article_id] = ArticleRecord(id=article_id, **metadata)
            if quotes_json:
                quotes[article_id] = quotes_json

    @staticmethod
    def quotes_of(record: ArticleRecord, quotes_json: str | None) -> list[QuoteRecord]:
        """The quotes stored with an article, with the article's title, source and date."""
        if not quotes_json:
            return []
        context = {
            "article_id": record.id,
            "title": record.title,
            "source": record.source,
            "url": record.url,
            "published": record.published,
            "published_int": record.published_int,
        }
        return [QuoteRecord(**context, **quote) for quote in json.loads(quotes_json)]

    def article_record(self, article_id: str) -> ArticleRecord | None:
        found = self.articles.get(ids=[article_id], include=["metadatas"])
        if not found["ids"]:
            return None
        return ArticleRecord(id=article_id, **found["metadatas"][0])

    def twins_of(self, article_id: str) -> tuple[str | None, list[dict]]:
        """The stored article's content hash (None when it is not stored) and its twins: the articles sent under other
        ids with its very text, kept with it (not indexed twice) until it changes (`add_twin`)."""
        found = self.articles.get(ids=[article_id], include=["metadatas"])
        if not found["ids"]:
            return None, []
        metadata = found["metadatas"][0]
        return str(metadata.get("content_hash") or ""), json.loads(str(metadata.get("twins") or "[]"))

    def add_twin(self, article_id: str, content_hash: str, twin: dict) -> bool:
        """Keep `twin` (an article's fields, its channel among them) with the stored article whose text it has, while
        that one holds `content_hash`; False when it no longer does (the twin must then be indexed itself)."""
        stored_hash, twins = self.twins_of(article_id)
        if stored_hash != content_hash:
            return False
        self.set_twins(article_id, [t for t in twins if t.get("id") != twin["id"]] + [twin])
        return True

    def set_twins(self, article_id: str, twins: list[dict]) -> None:
        self.articles.update(ids=[article_id], metadatas=[{"twins": json.dumps(twins, ensure_ascii=False)}])

    def article_texts(self, article_ids: Iterable[str]) -> dict[str, str]:
        wanted = list(dict.fromkeys(article_ids))
        texts: dict[str, str] = {}
        for start in range(0, len(wanted), PAGE):
            found = self.articles.get(ids=wanted[start : start + PAGE], include=["documents"])
            texts.update(zip(found["ids"], found["documents"]))
        return texts

    def iter_chunks(self) -> Iterator[ChunkRecord]:
        """Every stored chunk, committed or not, page by page."""
        for ids, documents, metadatas in self._pages(self.chunks, include=["documents", "metadatas"]):
            for chunk_key, document, metadata in zip(ids, documents, metadatas):
                yield ChunkRecord(id=chunk_key, text=document, **metadata)

    def count_chunks(self) -> int:
        return self.chunks.count()

    def chunk_ids(self) -> Iterator[str]:
        """The id of every stored chunk, committed or not (ids only: cheap even at a million chunks)."""
        for (ids,) in self._pages(self.chunks, include=[]):
            yield from ids

    def chunks_by_id(self, chunk_ids: list[str]) -> list[ChunkRecord]:
        """These chunks, in the order asked; ids no longer stored are left out."""
        found: dict[str, ChunkRecord] = {}
        for start in range(0, len(chunk_ids), PAGE):
            page = self.chunks.get(ids=chunk_ids[start : start + PAGE], include=["documents", "metadatas"])
            for chunk_key, document, metadata in zip(page["ids"], page["documents"], page["metadatas"]):
                found[chunk_key] = ChunkRecord(id=chunk_key, text=document, **metadata)
        return [found[c] for c in chunk_ids if c in found]

    def chunks_of(self, records: list[ArticleRecord]) -> Iterator[tuple[str, list[tuple[ChunkRecord, np.ndarray]]]]:
        """For each article record, its committed chunks with their vectors, in order. Chunk ids are
        derived from (article, content hash, index), so this is a lookup by id, not a filtered scan.
        An article whose chunks are not all there (replaced meanwhile) comes with fewer than it counts."""
        wanted = [(r.id, chunk_id(r.id, r.content_hash, i)) for r in records for i in range(r.chunks)]
        by_article: dict[str, list[tuple[ChunkRecord, np.ndarray]]] = {r.id: [] for r in records}
        for start in range(0, len(wanted), PAGE):
            ids = [key for _, key in wanted[start : start + PAGE]]
            page = self.chunks.get(ids=ids, include=["documents", "metadatas", "embeddings"])
            vectors = np.asarray(page["embeddings"], dtype=np.float32)
            for row, (chunk_key, document, metadata) in enumerate(zip(page["ids"], page["documents"], page["metadatas"])):
                chunk = ChunkRecord(id=chunk_key, text=document, **metadata)
                by_article[chunk.article_id].append((chunk, vectors[row]))
        for record in records:
            yield record.id, sorted(by_article[record.id], key=lambda item: item[0].index)

    def nearest_chunk_ids(self, embedding: np.ndarray, k: int) -> list[tuple[str, float]]:
        """(chunk id, cosine similarity) of the k nearest chunks: ids only, which is many times
        cheaper than fetching their texts and metadata along."""
        result = self.chunks.query(query_embeddings=[embedding.tolist()], n_results=k, include=["distances"])
        return [(chunk_key, 1.0 - float(distance)) for chunk_key, distance in zip(result["ids"][0], result["distances"][0])]

    def query_chunks(self, embedding: np.ndarray, k: int, where: dict | None = None) -> list[tuple[ChunkRecord, float]]:
        result = self.chunks.query(
            query_embeddings=[embedding.tolist()],
            n_results=k,
            where=where or None,
            include=["documents", "metadatas", "distances"],
        )
        hits = []
        for chunk_key, document, metadata, distance in zip(
            result["ids"][0], result["documents"][0], result["metadatas"][0], result["distances"][0]
        ):
            if metadata is None or document is None:
                # a chunk another process deleted since this one's vector index was loaded (a `byline ingest` of an
                # edited file beside a running `byline serve` made every later question a 500: an outside try)
                continue
            hits.append((ChunkRecord(id=chunk_key, text=document, **metadata), 1.0 - float(distance)))
        return hits

    def _pages(self, collection, include: list[str]) -> Iterator[tuple]:
        offset = 0
        while True:
            page = collection.get(include=include, limit=PAGE, offset=offset)
            if not page["ids"]:
                return
            yield (page["ids"], *(page[name] for name in include))
            offset += len(page["ids"])

    # --- writing -----------------------------------------------------------------------------
    def write_article(
        self,
        article: Article,
        chunk_texts: list[tuple[int, int, str]],
        chunk_vectors: np.ndarray,
        article_vector: np.ndarray,
        quotes: list[dict] | None = None,
        channel: str = OPERATOR,
        quotes_by: str = "",
    ) -> ArticleRecord:
        """Replace an article's chunks (and quotes) with these, atomically as readers see it;
        `channel` records how this version came in (REQUEST or OPERATOR).

        Quotes ride on the article record as JSON, so they commit with it, are replaced with it,
        and live wherever the index lives (a Chroma server included).
        """
        content_hash = article.content_hash
        base = {
            "article_id": article.id,
            "title": article.title,
            "source": article.source,
            "url": article.url,
            "published": article.published,
            "published_int": article.published_int,
            "content_hash": content_hash,
        }
        ids, metadatas, documents = [], [], []
        for index, (start, end, text) in enumerate(chunk_texts):
            ids.append(chunk_id(article.id, content_hash, index))
            metadatas.append({**base, "start": start, "end": end, "index": index})
            documents.append(text)
        # 1. the new chunks (deterministic ids: a retried write overwrites, never duplicates)
        for start in range(0, len(ids), PAGE):
            self.chunks.upsert(
                ids=ids[start : start + PAGE],
                embeddings=chunk_vectors[start : start + PAGE],
                metadatas=metadatas[start : start + PAGE],
                documents=documents[start : start + PAGE],
            )
        # 2. the commit point: the article record names the new content hash
        record = ArticleRecord(
            id=article.id,
            title=article.title,
            source=article.source,
            url=article.url,
            published=article.published,
            published_int=article.published_int,
            author=article.author,
            origin=article.origin,
            channel=channel,
            content_hash=content_hash,
            chunks=len(ids),
            quotes_by=quotes_by,
        )
        metadata = record.model_dump(exclude={"id"})
        # always written, "[]" included: Chroma's upsert merges metadata, so a version with no quotes
        # written without the key kept the previous version's quotes, at offsets into the old text
        metadata["quotes"] = json.dumps(quotes or [], ensure_ascii=False)
        self.articles.upsert(
            ids=[article.id],
            embeddings=[article_vector],
            metadatas=[metadata],
            documents=[article.text],
        )
        # 3. the old version's chunks, now invisible, are removed
        self.remove_stale_chunks(article.id, content_hash)
        return record

    def replace_quotes(self, record: ArticleRecord, quotes: list[dict], quotes_by: str) -> ArticleRecord:
        """Store quotes found again in an article whose text is unchanged (by newer attribution rules), with the rules
        that found them. One metadata update: its chunks, text and vector stay as they are."""
        updated = record.model_copy(update={"quotes_by": quotes_by})
        metadata = updated.model_dump(exclude={"id"})
        metadata["quotes"] = json.dumps(quotes, ensure_ascii=False)
        self.articles.update(ids=[record.id], metadatas=[metadata])
        return updated

    def remove_stale_chunks(self, article_id: str, current_hash: str | None) -> None:
        """Delete the article's chunks of any other version than `current_hash` (all of them for None).
        Only while holding the WriteLock: another writer's chunks are 'stale' until it commits."""
        where: dict = {"article_id": article_id}
        if current_hash:
            where = {"$and": [{"article_id": article_id}, {"content_hash": {"$ne": current_hash}}]}
        self.chunks.delete(where=where)

    def delete_chunks(self, chunk_ids: list[str]) -> None:
        for start in range(0, len(chunk_ids), PAGE):
            self.chunks.delete(ids=chunk_ids[start : start + PAGE])

    def delete_article(self, article_id: str) -> None:
        self.articles.delete(ids=[article_id])
        self.remove_stale_chunks(article_id, None)


QUIET_WAIT_S = 5.0  # how long a writer waits for the lock before saying that it waits


class WriteLock:
    """One writer at a time per index: threads of this process and other processes take turns.

    Two things need it. Chroma's embedded store is not safe with two processes writing (its vector
    index falls out of step with its records: 'Error finding id'), and an uncommitted article's
    chunks look exactly like the leftovers of a crashed write, so the journal sweep may only run
    when no write is live. A reentrant thread lock (one per lock file, for every Index this process
    opens on it) serialises threads; the file lock (flock, released by the OS when a process dies,
    so a kill -9 never leaves it stuck) serialises processes. Threads are not left to the file lock
    alone: on some filesystems (NFS) flock falls back to POSIX locks, which the threads of a process
    share, so they would not exclude each other.

    With a Chroma server (`chroma_url`) the lock file is still in the local data folder: it orders
    the writers that share that folder (threads of a server, CLI runs on this machine), so their
    sweeps never touch each other's work. Writers on other machines, or with another data folder,
    writing to the same server are not ordered by it: two of them writing one article at once can
    still leave it without chunks (`byline check --repair` mends that).
    """

    _locks: ClassVar[dict[Path, tuple[threading.RLock, FileLock]]] = {}
    _locks_guard: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, path: Path):
        self.path = path.resolve()
        with WriteLock._locks_guard:
            if self.path not in WriteLock._locks:
                # 0600 whatever the umask: a lock file others may open is one they may flock, stalling every write
                WriteLock._locks[self.path] = (threading.RLock(), FileLock(self.path, mode=0o600))
            self._thread_lock, self._file_lock = WriteLock._locks[self.path]

    def __enter__(self) -> WriteLock:
        if not self._thread_lock.acquire(blocking=False):
            log.info("waiting for another write to %s to finish", self.path.parent)
            self._thread_lock.acquire()
        try:
            if not self.path.parent.is_dir():  # made private as `private_data_folder` makes it (0700)
                self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
                os.chmod(self.path.parent, 0o700)
            try:
                # a short turn (another process opening the index to read it) is waited out without a word;
                # two `byline ask` at once each warned that the other was "writing"
                self._file_lock.acquire(timeout=QUIET_WAIT_S)
            except Timeout:
                log.warning("another process is writing to the index in %s: waiting for it to finish", self.path.parent)
                self._file_lock.acquire()
            self._private_lock_file()
        except BaseException:
            self._thread_lock.release()
            raise
        return self

    def _private_lock_file(self) -> None:
        """A lock file an earlier version made 0644 is ours: made 0600, so no other user can hold the lock."""
        try:
            found = os.stat(self.path)
            if stat.S_IMODE(found.st_mode) & 0o077 and found.st_uid == os.geteuid():
                os.chmod(self.path, 0o600)
        except OSError:  # gone already (released by a peer), or not ours to change: the lock itself still holds
            pass

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None, traceback: TracebackType | None) -> None:
        try:
            self._file_lock.release()
        finally:
            self._thread_lock.release()


class Journal:
    """Article ids whose write is in flight; after an interrupted run, their stale chunks are swept.
    Read and written only while holding the index's WriteLock (so its temp file is never shared)."""

    def __init__(self, path: Path):
        self.path = path

    def pending(self) -> list[str]:
        if not self.path.exists():
            return []
        return json.loads(self.path.read_text() or "[]")

    def begin(self, article_ids: list[str]) -> None:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._write(sorted(set(self.pending()) | set(article_ids)))

    def clear(self) -> None:
        self.path.unlink(missing_ok=True)

    def finish(self, article_ids: Iterable[str]) -> None:
        """These are done; the others named stay pending."""
        left = sorted(set(self.pending()) - set(article_ids))
        if left:
            self._write(left)
        else:
            self.clear()

    def _write(self, article_ids: list[str]) -> None:
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(article_ids))
        tmp.replace(self.path)  # whole or not at all
