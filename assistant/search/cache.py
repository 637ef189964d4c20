"""The local retrieval cache: what answering needs of every chunk, kept on disk beside the index.

Chroma holds the truth; this folder is derived from it and reconciled article by article, by
(article id, content hash), so opening a large index does not read every chunk back, and an
ingest updates only the articles it changed.

- `keyword/`: a tantivy index (BM25) over the stemmed title and text of every live chunk, with the
  article id (to delete by), the source and the date (to filter by), and the chunk's row;
- `quotes/`: a tantivy index of the quotes found in those articles (assistant.quotes);
- `vectors.f16`: append-only, one float16 row per chunk ever added, memory-mapped, for exact
  search under a filter;
- `chunks.jsonl` and `chunks.i64`: append-only, each row's chunk record (text and metadata, one JSON
  line) and where its line lies (byte offset, length), memory-mapped: a question reads the texts of
  the passages it found from here. Chroma's `get` by id costs ~0.4 ms a chunk (its documents and
  metadata are read row by row from SQLite), about 20 ms of each question at 10k articles;
- `state.json`: the commit point. For each article: its content hash, which rows hold its
  chunks, its date and source. Whatever an interrupted sync wrote beyond it is redone at the
  next sync, never trusted. Chunk ids are not stored: they follow from article, hash and row.

Processes sharing a data folder (CLI runs, a server, its threads) take turns through one lock,
`<folder>.lock` beside the cache folder (an `ingest.store.WriteLock`: a thread lock and a file lock,
freed by the OS when a process dies). It sits outside the folder because a rebuild deletes the
folder, and with it tantivy's own writer lock: two processes that each wiped and rebuilt a stale
cache each held a writer lock on their own file, deleted each other's segments and failed
(`FileDoesNotExist(... .fieldnorm)`). Held for:

- opening: reading `state.json`, and, when it is stale (another version, embedder, chunking or
  stemming) or damaged (unreadable state or tantivy files, fewer vectors than rows), wiping the
  folder and committing an empty state under a new `build` at once, so a process opening it next
  finds a current (empty) cache and does not wipe again;
- a sync: `state.json` is read again under the lock; when another process committed since we
  loaded (another generation or build), its state is taken first, and what it already added is
  not added again. tantivy's writer lock is taken inside it (and still guards against a process
  of older code);
- a rebuild after a damaged write (`reset`): the one that gets the lock first rebuilds; one that
  finds a newer state once it has the lock takes that instead of wiping it.

Lock order: the index's write lock (ingest) may be held when this one is taken, never the other
way round (a sync only reads Chroma), so the two cannot deadlock. Searches take no lock: each
uses the view (`Rows`) it started with.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import time
import uuid
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import tantivy

from assistant.search.quotes import QuoteIndex
from assistant.search.text_index import TextIndex
from assistant.search.words import tokenization
from ingest.errors import BylineError
from ingest.store import ArticleRecord, ChunkRecord, QuoteRecord, WriteLock, chunk_id

log = logging.getLogger(__name__)

CACHE_VERSION = 11  # 4: words are accent-folded ("Pelé" = "Pele"); 6: speakers are people or bodies, titles dropped;
# 7: a publication is no speaker in its own articles; 8: irregular verb forms stemmed as their base ("won" = "win"),
# and the stemming kept in the state ("words"), so that code from before it, which does not read "words", rebuilds too;
# 9: a name ending in a masthead word or a network's letters ("Powell Tribune", "CNN") is a publication, no speaker;
# 10: the title words written before a speaker's name are kept ("What did the governor say?"); 11: chunk records kept
# (chunks.jsonl)
ARTICLES_PER_FETCH = 64  # articles whose chunks are read from Chroma in one go during a sync

FetchChunks = Callable[[list[ArticleRecord]], Iterator[tuple[str, list[tuple[ChunkRecord, np.ndarray]]]]]


@dataclass
class SyncReport:
    removed: int = 0
    added: int = 0
    chunks: int = 0
    quotes: int = 0
    incomplete: list[str] = field(default_factory=list)
    seconds: float = 0.0


class KeywordIndex(TextIndex):
    """BM25 over the live chunks (title and text), each document naming its chunk's row."""

    def __init__(self, folder: Path):
        super().__init__(folder, lambda builder: builder.add_integer_field("row", stored=True, fast=True))

    def document(self, row: int, chunk: ChunkRecord):
        return self.tantivy.Document(
            article_id=chunk.article_id,
            source=chunk.source.lower(),
            published=chunk.published_int,
            row=row,
            stems=" ".join(self.stems(f"{chunk.title}\n{chunk.text}")),
        )

    def search(self, query: str, k: int, sources: list[str], since: int | None, until: int | None) -> list[tuple[int, float]]:
        """(row, BM25 score) of the best k live chunks that pass the filters."""
        words = self.known_stems(query)
        if not words or k <= 0:
            return []
        searcher = self.searcher
        query_object = self.all_of([(self.tantivy.Occur.Must, self.any_of(words)), *self.filter_clauses(sources, since, until)])
        result = searcher.search(query_object, k)
        return [(int(searcher.doc(address)["row"][0]), float(score)) for score, address in result.hits]

    def idf(self, stem: str) -> float:
        """Inverse document frequency of a stemmed word over the live chunks (unknown: highest)."""
        searcher = self.searcher
        n = max(searcher.num_docs, 1)
        df = searcher.doc_freq("stems", stem)
        return float(np.log(1 + (n - df + 0.5) / (df + 0.5)))

    def highest_idf(self) -> float:
        """The IDF of a word no live chunk holds: what `idf` is measured against (it grows with the index)."""
        return float(np.log(1 + (max(self.searcher.num_docs, 1) + 0.5) / 0.5))


class Rows:
    """One committed view of the cache's rows: per row, the article holding it (-1: a replaced
    version's row), its date and source; and the float16 vectors. Never changed once built."""

    def __init__(self, state: dict, vectors: np.ndarray, lines: np.ndarray, line_spans: np.ndarray):
        self.state = state
        self.lines = lines  # chunks.jsonl's committed bytes
        self.line_spans = line_spans  # per row: (offset, length) of its line in `lines`
        self.articles: dict[str, list] = state["articles"]  # id -> [hash, chunks, first row, rows, published, source, quotes_by]
        self.vectors = vectors
        count = state["rows"]
        self.article_ids: list[str] = list(self.articles)
        self.row_article = np.full(count, -1, dtype=np.int32)
        self.published = np.zeros(count, dtype=np.int64)
        self.source_codes = np.full(count, -1, dtype=np.int32)
        self.source_code: dict[str, int] = {}
        for position, (_hash, _chunks, first, length, published, source, *_quotes_by) in enumerate(self.articles.values()):
            rows = slice(first, first + length)
            self.row_article[rows] = position
            self.published[rows] = published
            self.source_codes[rows] = self.source_code.setdefault(source, len(self.source_code))
        self.live = self.row_article >= 0

    def mask(self, sources: list[str], since: int | None, until: int | None, rows: np.ndarray | None = None) -> np.ndarray:
        """Which rows (all, or those given) are live and pass the filters."""
        rows = np.arange(len(self.live)) if rows is None else rows
        keep = self.live[rows]
        if sources:
            codes = [self.source_code[s.lower()] for s in sources if s.lower() in self.source_code]
            keep &= np.isin(self.source_codes[rows], codes)
        if since is not None:
            keep &= self.published[rows] >= since
        if until is not None:
            keep &= self.published[rows] <= until
        return keep

    def chunk_id(self, row: int) -> str | None:
        """The chunk id of a live row (None for a row this view does not hold live)."""
        if not 0 <= row < len(self.live) or not self.live[row]:
            return None
        article_id = self.article_ids[self.row_article[row]]
        content_hash, _chunks, first = self.articles[article_id][:3]
        return chunk_id(article_id, content_hash, row - first)

    def chunk(self, row: int) -> ChunkRecord | None:
        """The chunk record of a live row (None for a row this view does not hold live)."""
        chunk_key = self.chunk_id(row)
        if chunk_key is None:
            return None
        offset, length = (int(value) for value in self.line_spans[row])
        return ChunkRecord(id=chunk_key, **json.loads(bytes(self.lines[offset : offset + length])))

    def row_of(self, chunk_key: str) -> int | None:
        """The live row of a chunk id (ids are article:hash:index; see ingest.store.chunk_id)."""
        article_id, hash_prefix, index = chunk_key.rsplit(":", 2)
        held = self.articles.get(article_id)
        if held is None or not held[0].startswith(hash_prefix) or not 0 <= int(index) < held[3]:
            return None
        return held[2] + int(index)

    def passing(
        self, scored_ids: list[tuple[str, float]], sources: list[str], since: int | None, until: int | None
    ) -> list[tuple[str, float]]:
        """The live chunks among `scored_ids` that pass the filters, in the same order."""
        rows = [self.row_of(chunk_key) for chunk_key, _ in scored_ids]
        known = [row for row in rows if row is not None]
        if not known:
            return []
        mask = self.mask(sources, since, until, rows=np.asarray(known))
        allowed = dict(zip(known, mask))
        return [item for item, row in zip(scored_ids, rows) if row is not None and allowed[row]]

    def nearest(self, query_vector: np.ndarray, k: int, mask: np.ndarray, block: int = 4096) -> list[tuple[str, float]]:
        """Exact cosine search over the rows `mask` (from this view's `mask`) allows; vectors are unit
        length. Scored a block at a time: converting a few thousand float16 rows at once is twice as
        fast as all of them."""
        allowed = np.flatnonzero(mask)
        if not len(allowed) or k <= 0:
            return []
        query = query_vector.astype(np.float32)
        best_rows, best_scores = [], []
        for start in range(0, len(allowed), block):
            rows = allowed[start : start + block]
            scores = np.asarray(self.vectors[rows], dtype=np.float32) @ query
            top = np.argpartition(-scores, min(k, len(scores)) - 1)[:k]
            best_rows.append(rows[top])
            best_scores.append(scores[top])
        rows, scores = np.concatenate(best_rows), np.concatenate(best_scores)
        order = np.argsort(-scores, kind="stable")[:k]
        return [(self.chunk_id(int(rows[i])), float(scores[i])) for i in order]


class CacheDamaged(BylineError, RuntimeError):
    """The cache's files cannot be read or written (a kill -9 mid-commit left tantivy files it will
    not overwrite; a copy taken mid-rebuild lacks some): the cache is derived data, so the caller
    rebuilds it from the index. Should the rebuild fail too, the user sees this one line."""


class LocalIndex:
    """The rows, vectors and keyword index of every live chunk, reconciled with the store."""

    def __init__(self, folder: Path, identity: dict):
        """`identity`: what the cached rows depend on (embedder, chunking); a cache made under
        another identity is rebuilt, not reconciled."""
        self.folder = folder
        self.identity = identity
        folder.mkdir(parents=True, exist_ok=True)
        self.lock = WriteLock(folder.parent / f"{folder.name}.lock")  # outside the folder a rebuild deletes
        with self.lock:
            state = self._read_state()
            # The keyword and quote indexes hold stems: a cache stemmed otherwise would match a question's
            # words against words it no longer writes ("won" kept apart from "win").
            if not self._current(state):
                if state:
                    log.info(
                        "retrieval cache in %s was made for another version, embedder, chunking or stemming: rebuilding it",
                        folder,
                    )
                self._start_over(state)
                return
            try:
                self._open_files()
                self._load(state)
            except (ValueError, OSError, CacheDamaged) as error:  # tantivy's own files unreadable, or another schema
                log.warning("retrieval cache in %s unreadable (%s): rebuilding it from the index", folder, error)
                self._start_over(state)

    def _current(self, state: dict) -> bool:
        return (
            state.get("version") == CACHE_VERSION
            and state.get("identity") == self.identity
            and state.get("words") == tokenization()
        )

    def _open_files(self) -> None:
        self.keyword = KeywordIndex(self.folder / "keyword")
        self.quotes = QuoteIndex(self.folder / "quotes")

    def _start_over(self, previous: dict) -> None:
        """Wipe the folder and commit an empty cache under a new build. Hold the lock."""
        self._wipe()
        state = self._empty_state()
        state["generation"] = int(previous.get("generation") or 0) + 1  # differs from any view taken before
        self._open_files()
        self._write_state(state)
        self._load(state)

    # --- files -------------------------------------------------------------------------------
    @property
    def _state_path(self) -> Path:
        return self.folder / "state.json"

    @property
    def _vectors_path(self) -> Path:
        return self.folder / "vectors.f16"

    @property
    def _lines_path(self) -> Path:
        return self.folder / "chunks.jsonl"

    @property
    def _line_spans_path(self) -> Path:
        return self.folder / "chunks.i64"

    def _empty_state(self) -> dict:
        return {
            "version": CACHE_VERSION,
            "identity": self.identity,
            "words": tokenization(),
            "dimensions": 0,
            "generation": 0,
            "build": uuid.uuid4().hex,  # a new one each time the folder is wiped: tantivy's files are new
            "rows": 0,
            "line_bytes": 0,  # of chunks.jsonl, committed
            "articles": {},
        }

    def _read_state(self) -> dict:
        try:
            return json.loads(self._state_path.read_text())
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as error:
            log.warning("retrieval cache state %s unreadable (%s): rebuilding the cache", self._state_path, error)
            return {}

    def _wipe(self) -> None:
        for path in (self._state_path, self._vectors_path, self._lines_path, self._line_spans_path):
            path.unlink(missing_ok=True)
        shutil.rmtree(self.folder / "keyword", ignore_errors=True)
        shutil.rmtree(self.folder / "quotes", ignore_errors=True)

    def _load(self, state: dict) -> None:
        """Take `state` as the truth: lay out its rows, map their vectors, mark the live ones."""
        count, dimensions, line_bytes = state["rows"], state["dimensions"], state["line_bytes"]
        if count and (not self._vectors_path.exists() or self._vectors_path.stat().st_size < count * dimensions * 2):
            raise CacheDamaged(f"retrieval cache {self.folder} is damaged: fewer vectors than the {count} rows committed")
        if count and (
            not self._line_spans_path.exists()
            or self._line_spans_path.stat().st_size < count * 16
            or not self._lines_path.exists()
            or self._lines_path.stat().st_size < line_bytes
        ):
            raise CacheDamaged(f"retrieval cache {self.folder} is damaged: fewer chunk records than the {count} rows committed")
        if count:
            vectors = np.memmap(self._vectors_path, dtype=np.float16, mode="r", shape=(count, dimensions))
            line_spans = np.memmap(self._line_spans_path, dtype=np.int64, mode="r", shape=(count, 2))
            lines = np.memmap(self._lines_path, dtype=np.uint8, mode="r", shape=(line_bytes,))
        else:
            vectors = np.zeros((0, dimensions), dtype=np.float16)
            line_spans, lines = np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.uint8)
        rows = Rows(state, vectors, lines, line_spans)
        self.keyword.reload()
        self.quotes.reload()
        self.rows = rows  # one assignment: a question running meanwhile keeps the view it took

    def _write_state(self, state: dict) -> None:
        temporary = self._state_path.with_suffix(".tmp")
        temporary.write_text(json.dumps(state, separators=(",", ":")))
        os.replace(temporary, self._state_path)

    # --- reading (each call takes one view of the rows; a sync swaps in a new one) ----------
    @property
    def state(self) -> dict:
        return self.rows.state

    @property
    def articles(self) -> dict[str, list]:
        return self.rows.articles

    def __len__(self) -> int:
        return int(self.rows.live.sum())

    def keyword_search(
        self, query: str, k: int, sources: list[str], since: int | None, until: int | None
    ) -> list[tuple[ChunkRecord, float]]:
        view = self.rows
        found = [(view.chunk(row), score) for row, score in self.keyword.search(query, k, sources, since, until)]
        return [(chunk, score) for chunk, score in found if chunk is not None]

    def chunks(self, chunk_ids: Iterable[str]) -> dict[str, ChunkRecord]:
        """The chunk records of these ids that this view holds live (a replaced version's are not)."""
        view = self.rows
        found = {}
        for chunk_key in chunk_ids:
            row = view.row_of(chunk_key)
            chunk = view.chunk(row) if row is not None else None
            if chunk is not None:
                found[chunk_key] = chunk
        return found

    # --- reconciling -------------------------------------------------------------------------
    def sync(
        self,
        committed: dict[str, ArticleRecord],
        fetch: FetchChunks,
        quotes_of: Callable[[ArticleRecord], list[QuoteRecord]],
        only: Iterable[str] | None = None,
    ) -> SyncReport:
        """Make the cache hold exactly the `committed` articles (or, with `only`, bring just those
        articles in line: added, replaced or dropped), their chunks and their quotes."""
        started = time.perf_counter()
        report = SyncReport()
        if self._changes(committed, only) == ([], []):
            return report
        with self.lock:
            self._take_newer()
            if self._changes(committed, only) == ([], []):  # another process did it while we waited
                return report
            try:
                state = self._sync_files(committed, fetch, quotes_of, only, report)
            except (ValueError, OSError) as error:  # tantivy's files: e.g. FileAlreadyExists after a kill mid-commit
                raise CacheDamaged(f"retrieval cache in {self.folder} cannot be written: {error}") from error
            self._load(state)
        report.seconds = time.perf_counter() - started
        log.info(
            "retrieval cache: %d articles added (%d chunks), %d removed in %.1f s%s",
            report.added,
            report.chunks,
            report.removed,
            report.seconds,
            f"; {len(report.incomplete)} changed while read, left for the next sync" if report.incomplete else "",
        )
        return report

    def reset(self) -> None:
        """Start again from an empty cache: its files are derived, Chroma holds the truth. If another
        process committed a state since we loaded ours (it rebuilt the cache while we waited for the
        lock), that one is taken instead."""
        with self.lock:
            if self._take_newer():
                return
            self._start_over(self.state)

    def _take_newer(self) -> bool:
        """Load the committed state if another process committed since we loaded ours (a sync, or a
        rebuild: then tantivy's files are new ones, opened afresh). Hold the lock."""
        current = self._read_state()
        mine = self.state
        if not self._current(current) or (current.get("generation"), current.get("build")) == (
            mine.get("generation"),
            mine.get("build"),
        ):
            return False
        try:
            if current.get("build") != mine.get("build"):
                self._open_files()
            self._load(current)
        except (ValueError, OSError, CacheDamaged) as error:
            log.warning("retrieval cache in %s unreadable (%s): rebuilding it from the index", self.folder, error)
            self._start_over(current)
        return True

    def _sync_files(
        self,
        committed: dict[str, ArticleRecord],
        fetch: FetchChunks,
        quotes_of: Callable[[ArticleRecord], list[QuoteRecord]],
        only: Iterable[str] | None,
        report: SyncReport,
    ) -> dict:
        """The writing half of `sync`: returns the new committed state."""
        with self.keyword.writer() as writer, self.quotes.writer() as quote_writer:
            stale, new = self._changes(committed, only)
            state = json.loads(json.dumps(self.state))
            # A sync killed after its tantivy commit but before state.json left documents for rows
            # past the committed ones, and quotes of articles it had not recorded: drop them before
            # adding again, or a chunk would be found twice (Chroma refuses duplicate ids).
            writer.delete_documents_by_query(
                tantivy.Query.range_query(self.keyword.schema, "row", tantivy.FieldType.Integer, state["rows"], None)
            )
            for record in new:
                quote_writer.delete_documents_by_term("article_id", record.id)
            for article_id in stale:
                writer.delete_documents_by_term("article_id", article_id)
                quote_writer.delete_documents_by_term("article_id", article_id)
                del state["articles"][article_id]
                report.removed += 1
            # vectors and chunk records beyond the committed rows are leftovers of an interrupted sync: overwrite them
            row, line_bytes = state["rows"], state["line_bytes"]
            with (
                self._vectors_path.open("ab") as vectors_file,
                self._lines_path.open("ab") as lines_file,
                self._line_spans_path.open("ab") as line_spans_file,
            ):
                vectors_file.truncate(row * state["dimensions"] * 2)
                lines_file.truncate(line_bytes)
                line_spans_file.truncate(row * 16)
                for start in range(0, len(new), ARTICLES_PER_FETCH):
                    batch = new[start : start + ARTICLES_PER_FETCH]
                    expected = {r.id: r for r in batch}
                    for article_id, chunks in fetch(batch):
                        record = expected[article_id]
                        if len(chunks) != record.chunks:
                            # replaced while we read it; the next sync (after that ingest) takes it
                            report.incomplete.append(article_id)
                            continue
                        first = row
                        for chunk, vector in chunks:
                            if not state["dimensions"]:
                                state["dimensions"] = len(vector)
                            writer.add_document(self.keyword.document(row, chunk))
                            vectors_file.write(np.asarray(vector, dtype=np.float16).tobytes())
                            line = (json.dumps(chunk.model_dump(exclude={"id"}), ensure_ascii=False) + "\n").encode()
                            lines_file.write(line)
                            line_spans_file.write(np.asarray([line_bytes, len(line)], dtype=np.int64).tobytes())
                            line_bytes += len(line)
                            row += 1
                        for document in self.quotes.documents(quotes_of(record)):
                            quote_writer.add_document(document)
                            report.quotes += 1
                        state["articles"][article_id] = [
                            record.content_hash,
                            record.chunks,
                            first,
                            len(chunks),
                            record.published_int,
                            record.source.lower(),
                            record.quotes_by,
                        ]
                        report.added += 1
                        report.chunks += len(chunks)
                for written in (vectors_file, lines_file, line_spans_file):
                    written.flush()
                    os.fsync(written.fileno())
            writer.commit()
            quote_writer.commit()
            state.update(rows=row, line_bytes=line_bytes, generation=state["generation"] + 1)
            self._write_state(state)  # the commit point
        return state

    def _changes(self, committed: dict[str, ArticleRecord], only: Iterable[str] | None) -> tuple[list[str], list[ArticleRecord]]:
        """Articles to drop from the cache, and committed records to (re)add."""
        held = self.articles
        scope = set(committed) | set(held) if only is None else set(only)
        stale, new = [], []
        for article_id in sorted(scope):
            record = committed.get(article_id)
            have = held.get(article_id)
            # (quotes found again by newer rules make an article's entry stale too: its quotes are re-read with it)
            current = (
                record is not None
                and have is not None
                and have[:2] == [record.content_hash, record.chunks]
                and (have[6] if len(have) > 6 else "") == record.quotes_by
            )
            if have is not None and not current:
                stale.append(article_id)
            if record is not None and not current:
                new.append(record)
        return stale, new
