"""Ingestion: read sources, skip what is unchanged, chunk, embed, and write to the index."""

from __future__ import annotations

import inspect
import json
import logging
import os
import stat
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Protocol

import numpy as np
from pydantic import BaseModel, Field

from ingest.article import Article, page_day
from ingest.chunking import chunk_article
from ingest.cleaning import boilerplate_spans
from ingest.embedder import MAX_TOKENS, build_embedder, embed_texts, embedder_id, load_tokenizer
from ingest.readers import expand_sources, read_source
from ingest.settings import IngestSettings
from ingest.store import OPERATOR, REQUEST, Journal, Store, WriteLock, chunk_id, make_client

log = logging.getLogger(__name__)

GROUP_SIZE = 16  # articles written together: big enough to keep the writer busy, small enough to commit often
# What an ingest reports, in the order each article goes through them (reading counts sources, the rest articles)
READING, EMBEDDING, FINDING_QUOTES, INDEXING = "reading", "embedding", "finding quotes", "indexing"
PHASES = (READING, EMBEDDING, FINDING_QUOTES, INDEXING)
WRITE_LOCK_FILE = "write.lock"  # in the data folder; see WriteLock
JOURNAL_FILE = "ingest-journal.json"
# the articles whose text a write is changing while they keep twins: until those twins went in under their own ids
TWINS_JOURNAL_FILE = "twins-journal.json"
# a count of the writes to the index, bumped by each writer under the write lock: a reader (a running `byline serve`)
# that sees it move without having written catches up with what another process wrote
WRITES_FILE = "writes"


_warned_open_folders: set[Path] = set()
_warned_guard = threading.Lock()


def private_data_folder(data_dir: Path) -> Path:
    """Make the data folder only this user may enter (0700), whatever the umask, if Byline creates it; return it.

    The index holds every article's text (Chroma's sqlite file, the keyword index, the kept uploads), and Chroma
    and the keyword index make their files as the umask allows (0644 under the usual 022): a folder others could
    enter let any local user read what was uploaded, or take the write lock and stall every ingest. A 0700 folder
    shuts them all out, whatever the files inside it are. A folder that already exists is the user's own choice and
    is never changed: if others may enter it, one warning (per folder and process) says so and how to close it.
    """
    data_dir = Path(data_dir)
    try:
        data_dir.parent.mkdir(parents=True, exist_ok=True)
        data_dir.mkdir(mode=0o700)
    except FileExistsError:
        mode = stat.S_IMODE(data_dir.stat().st_mode)
        if mode & 0o077:
            folder = data_dir.resolve()
            with _warned_guard:
                first = folder not in _warned_open_folders
                _warned_open_folders.add(folder)
            if first:
                log.warning(
                    "the data folder %s may be read by other users of this machine (mode %o): it holds the text of "
                    "every article indexed; make it private with: chmod 700 %s",
                    folder,
                    mode,
                    folder,
                )
    else:
        os.chmod(data_dir, 0o700)  # mkdir's mode is filtered by the umask: 0700 only if the umask leaves it so
    return data_dir


# a version from elsewhere under two fifths of the stored one's length, and no newer, is a summary of it (a feed's)
SUMMARY_SHARE = 0.4


def keeps_the_stored(article: Article, stored_published: str, stored_length: int, stored_origin: str) -> str | None:
    """Why a changed version of a stored article, read from another file or feed than the stored one, does not
    replace it, or None when it does: it is dated before the stored one (a backup copy ingested after the update),
    or, no newer, it is much shorter (a feed's "… Read more" summary of the page stored from the same url: an
    outside try had a daily feed pull wipe the full texts). The same file edited replaces its article always."""
    if not stored_origin or article.origin == stored_origin:
        return None
    if article.published and stored_published and article.published < stored_published:
        return (
            f"an older version ({article.published}) of article {article.id!r}, stored as of {stored_published} from "
            f"{stored_origin}: the newer one is kept"
        )
    if (not article.published or article.published <= stored_published) and len(article.text) < SUMMARY_SHARE * stored_length:
        return (
            f"a shorter version ({len(article.text):,} characters, against {stored_length:,}) of article {article.id!r}, "
            f"stored from {stored_origin}, and no newer: the stored one is kept"
        )
    return None


class IngestProblem(BaseModel):
    where: str = Field(description="The file (and line or entry) or URL.")
    reason: str = Field(description="Why it was not ingested, in words a person can act on.")
    status: int | None = Field(
        default=None,
        description="An HTTP-like status where one says more than the reason: 409 when the article's id (or url) is "
        "taken by one this ingest may not replace.",
    )


class IngestReport(BaseModel):
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    chunks_written: int = 0
    errors: list[IngestProblem] = Field(default_factory=list)
    warnings: list[IngestProblem] = Field(
        default_factory=list,
        description="Something to know of an article: dated after today (questions asked as of today leave it out until "
        "its day), or the same text as an article indexed under another id (not indexed again: its words are found "
        "under that one, and it goes in itself if that one changes).",
    )
    seconds: float = 0.0
    article_ids: list[str] = Field(default_factory=list, description="Ids of the articles added or updated.")

    @property
    def ingested(self) -> int:
        return self.added + self.updated + self.unchanged + self.duplicates

    @property
    def failed(self) -> bool:
        """Non-zero exit only when nothing at all could be taken in."""
        return bool(self.errors) and self.ingested == 0

    def merge(self, part: IngestReport) -> None:
        """Count in what one part of this run (a group's write) did."""
        self.added += part.added
        self.updated += part.updated
        self.unchanged += part.unchanged
        self.duplicates += part.duplicates
        self.chunks_written += part.chunks_written
        self.errors.extend(part.errors)
        self.warnings.extend(part.warnings)
        self.article_ids.extend(part.article_ids)

    def summary(self) -> str:
        parts = [f"{self.added} added", f"{self.updated} updated", f"{self.unchanged} unchanged"]
        if self.duplicates:
            parts.append(f"{self.duplicates} duplicates skipped")
        parts.append(f"{self.chunks_written} chunks written")
        if self.errors:
            parts.append(f"{len(self.errors)} error{'' if len(self.errors) == 1 else 's'}")
        return ", ".join(parts) + f" in {self.seconds:.1f}s"


class IncompleteArticle(BaseModel):
    id: str
    expected: int = Field(description="Chunks its article record names.")
    found: int = Field(description="How many of those are stored.")


class IndexCheck(BaseModel):
    """What `Index.check` found; after `Index.repair`, the check that followed it and what was mended."""

    articles: int = 0
    chunks: int = 0
    incomplete: list[IncompleteArticle] = Field(
        default_factory=list, description="Listed articles missing some or all of their chunks: search cannot find them."
    )
    orphan_chunks: list[str] = Field(
        default_factory=list, description="Stored chunks no committed article names (an interrupted write's)."
    )
    repaired: list[str] = Field(default_factory=list, description="Articles chunked and embedded again from their stored text.")
    orphans_removed: int = 0
    older_quotes: list[str] = Field(
        default_factory=list,
        description="Articles whose quotes older attribution rules found (or none recorded): who said what in them may be "
        "what those rules got wrong. `repair` finds them again.",
    )
    quotes_found_again: list[str] = Field(default_factory=list, description="Articles whose quotes `repair` found again.")
    twins_waiting: list[str] = Field(
        default_factory=list,
        description="Articles keeping twins whose text they no longer have (an ingest cut short before those went in "
        "under their own ids): search cannot find the twins' words. `repair`, or the next ingest, indexes them.",
    )
    twins_indexed: list[str] = Field(default_factory=list, description="Twins `repair` indexed under their own ids.")

    @property
    def whole(self) -> bool:
        return not self.incomplete and not self.orphan_chunks and not self.twins_waiting

    def summary(self) -> str:
        found = f"{counted(len(self.incomplete), 'article')} missing chunks, {counted(len(self.orphan_chunks), 'orphan chunk')}"
        if self.twins_waiting:
            found += f", {counted(len(self.twins_waiting), 'article')} keeping twins not indexed yet"
        line = f"{counted(self.articles, 'article')}, {counted(self.chunks, 'chunk')}: {'whole' if self.whole else found}"
        if self.repaired or self.orphans_removed:
            line += (
                f" (repaired {counted(len(self.repaired), 'article')}, removed {counted(self.orphans_removed, 'orphan chunk')})"
            )
        if self.older_quotes:
            line += f"; {counted(len(self.older_quotes), 'article')} with quotes found by older rules"
        if self.quotes_found_again:
            line += f"; quotes found again in {counted(len(self.quotes_found_again), 'article')}"
        if self.twins_indexed:
            line += f"; indexed {counted(len(self.twins_indexed), 'twin')} left waiting"
        return line


def counted(number: int, noun: str) -> str:
    return f"{number} {noun}{'' if number == 1 else 's'}"


@dataclass
class Index:
    """An opened index: settings, embedder and store, shared by ingestion and answering."""

    settings: IngestSettings
    embedding: object
    store: Store
    write_lock: WriteLock
    # the writes this process made (the count before each → after it), which its own readers have already seen
    own_writes: dict[int, int] = field(default_factory=dict)

    @classmethod
    def open(cls, settings: IngestSettings | None = None, embedding=None) -> Index:
        settings = settings or IngestSettings()
        embedding = embedding or build_embedder(settings)
        private_data_folder(Path(settings.data_dir))
        write_lock = WriteLock(Path(settings.data_dir) / WRITE_LOCK_FILE)
        # Opening a new index creates Chroma's tables and our collections, a write like any other:
        # two processes doing it at once fail ('table collections already exists').
        with write_lock:
            client = make_client(Path(settings.data_dir), settings.chroma_url)
            store = Store(client, settings.collection, embedder_id(embedding))
        return cls(settings=settings, embedding=embedding, store=store, write_lock=write_lock)

    @property
    def journal(self) -> Journal:
        return Journal(Path(self.settings.data_dir) / JOURNAL_FILE)

    @property
    def twins_journal(self) -> Journal:
        return Journal(Path(self.settings.data_dir) / TWINS_JOURNAL_FILE)

    def writes(self) -> int:
        """How many writes this data folder's writers have committed (0 before the first)."""
        try:
            return int((Path(self.settings.data_dir) / WRITES_FILE).read_text() or 0)
        except (FileNotFoundError, ValueError):
            return 0

    def count_write(self) -> tuple[int, int]:
        """Count a committed write (hold the write lock): the count before it and after it."""
        before = self.writes()
        path = Path(self.settings.data_dir) / WRITES_FILE
        temporary = path.with_suffix(".tmp")
        temporary.write_text(str(before + 1))
        temporary.replace(path)  # whole or not at all: a reader never sees half a number
        self.own_writes[before] = before + 1
        return before, before + 1

    def check(self) -> IndexCheck:
        """Compare every article record (the commit point) with the chunks stored. Under the write
        lock, so a write in flight is not taken for damage."""
        with self.write_lock:
            return self._check()

    def repair(self) -> IndexCheck:
        """Mend what `check` finds: articles missing chunks are chunked and embedded again from the
        text, fields and quotes their record holds (same content hash), then orphan chunks are
        deleted, then the quotes older attribution rules found are found again by the current ones.
        Then the twins kept with articles whose text changed meanwhile are indexed under their own ids.
        Returns the check made after the repair."""
        ingestor = Ingestor(self)
        with self.write_lock:
            ingestor.sweep_interrupted()
            repaired = ingestor.rewrite([article.id for article in self._check().incomplete])
            orphans = self._check().orphan_chunks  # after the rewrite: it may have changed which chunks are named
            self.store.delete_chunks(orphans)
            found_again = ingestor.find_quotes_again(self._check().older_quotes)
            self.count_write()
            waiting = self._check().twins_waiting
        # outside the lock: indexing them is an ingest, whose writer thread takes the lock itself
        twins_indexed = ingestor.index_waiting_twins(waiting, IngestReport())
        with self.write_lock:
            result = self._check()
        result.repaired = repaired
        result.orphans_removed = len(orphans)
        result.quotes_found_again = found_again
        result.twins_indexed = twins_indexed
        return result

    def _check(self) -> IndexCheck:
        kept_twins: dict[str, tuple[str, list[dict]]] = {}
        records, _ = self.store.registry(twins=kept_twins)
        stored = set(self.store.chunk_ids())
        result = IndexCheck(articles=len(records), chunks=len(stored))
        named: set[str] = set()
        for record in records.values():
            expected = [chunk_id(record.id, record.content_hash, i) for i in range(record.chunks)]
            named.update(expected)
            found = sum(key in stored for key in expected)
            if found < record.chunks:
                result.incomplete.append(IncompleteArticle(id=record.id, expected=record.chunks, found=found))
        result.orphan_chunks = sorted(stored - named)
        current = self.quotes_by()
        if current:
            result.older_quotes = sorted(record.id for record in records.values() if record.quotes_by != current)
        result.twins_waiting = sorted(
            article_id
            for article_id, (content_hash, twins) in kept_twins.items()
            if any(twin_content_hash(twin) != content_hash for twin in twins)
        )
        return result

    def quotes_by(self) -> str:
        """The attribution rules quotes are found by in this index; "" with attribution off (no quotes found)."""
        if not self.settings.attribution:
            return ""
        from ingest.attribution import rules_version

        return rules_version()

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


class PhaseProgress(Protocol):
    """A progress callback that takes the phase: `(done, total, title, phase=...)`, called after each source
    is read (done and total count sources) and after each article is embedded, has its quotes found and is
    indexed (they count articles; an unchanged article passes all three at once)."""

    def __call__(self, done: int, total: int, title: str, phase: str) -> None: ...


# `(done, total, title)`: called after each article is indexed (a callback without a `phase` parameter, as
# before phases were reported); or a PhaseProgress. Called one at a time, from the ingest's threads.
ProgressCallback = Callable[[int, int, str], None] | PhaseProgress
QuoteFinder = Callable[[Article], list[dict]]
# Whether an ingest may replace a stored article, given the stored one's origin and channel (how it came in:
# ingest.store.REQUEST, OPERATOR, or "" when the index predates recording it); None: it may replace any
MayReplace = Callable[[str, str], bool]
Step = Callable[[str, Article], None]
REQUEST_SOURCE = "api"  # the source of an article a request sent without one (nor a url to name it by)  # (phase, article): an article has been through that phase


def takes_phase(callback: Callable) -> bool:
    """Whether a progress callback wants the phase (a `phase` parameter, or **kwargs)."""
    try:
        parameters = inspect.signature(callback).parameters.values()
    except (TypeError, ValueError):  # a builtin or C callable without a signature: the old form
        return False
    return any(p.name == "phase" or p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters)


class PhaseCounter:
    """Counts the articles through each phase of one ingest and tells the callback, one call at a time
    (the writer thread reports indexing while the main thread embeds the next group)."""

    def __init__(self, on_progress: ProgressCallback | None, total: int):
        self.on_progress = on_progress
        self.phased = on_progress is not None and takes_phase(on_progress)
        self.total = total
        self.counts = dict.fromkeys(PHASES[1:], 0)
        self.lock = threading.Lock()

    def step(self, phase: str, article: Article) -> None:
        with self.lock:
            self.counts[phase] += 1
            if self.on_progress is None:
                return
            if self.phased:
                self.on_progress(self.counts[phase], self.total, article.title, phase=phase)  # type: ignore[call-arg]
            elif phase == INDEXING:
                self.on_progress(self.counts[phase], self.total, article.title)  # type: ignore[call-arg]

    def passed(self, article: Article) -> None:
        """An article that needs nothing done (unchanged, or a duplicate) is through every phase."""
        for phase in PHASES[1:]:
            self.step(phase, article)


@dataclass
class PreparedArticle:
    """An article chunked and embedded: everything its write needs."""

    article: Article
    chunks: list[tuple[int, int, str]]  # (start, end, text) in the article text
    vectors: np.ndarray
    quotes: list[dict]
    channel: str = OPERATOR  # how it came in, recorded with it (ingest.store.REQUEST or OPERATOR)
    quotes_by: str = ""  # the attribution rules that found `quotes` (ingest.attribution.rules_version)


class Ingestor:
    """Turns sources into indexed articles; idempotent by content hash.

    Any number of ingests may run at once (threads of a server, several processes): reading,
    chunking and embedding run side by side, and each group's write (the look at what is stored,
    the chunks, the records, the journal) holds the index's write lock. The lock is taken per group,
    not per ingest, so a one-article request waits for one group's write, not for a long ingest.
    """

    def __init__(self, index: Index):
        self.index = index
        self._this_thread = threading.local()  # .indexing_twins: within `index_waiting_twins` on this thread

    def ingest(
        self,
        sources: Iterable[str | Path],
        progress: bool = False,
        on_progress: ProgressCallback | None = None,
        may_replace: MayReplace | None = None,
        channel: str = OPERATOR,
    ) -> IngestReport:
        """Read every source and index its articles. Bad sources are reported, the rest goes on
        (`may_replace`, `channel`: as for `ingest_articles`)."""
        started = time.perf_counter()
        report = IngestReport()
        files, expand_errors = expand_sources(sources)
        report.errors.extend(IngestProblem(where=e.where, reason=e.reason) for e in expand_errors)
        articles: list[Article] = []
        max_bytes = int(self.index.settings.max_file_mb * 1e6)
        phased = on_progress is not None and takes_phase(on_progress)
        for number, source in enumerate(files, start=1):
            result = read_source(
                source, max_bytes=max_bytes, fetch_urls=self.index.settings.fetch_urls, settings=self.index.settings
            )
            articles.extend(result.articles)
            if phased:
                on_progress(number, len(files), Path(source).name, phase=READING)  # type: ignore[call-arg,misc]
            report.errors.extend(IngestProblem(where=e.where, reason=e.reason) for e in result.errors)
        for error in report.errors:
            # (info, not a warning: the report names each one, and the CLI printed every error twice)
            log.info("not ingested: %s: %s", error.where, error.reason)
        self.ingest_articles(
            articles, report=report, progress=progress, on_progress=on_progress, may_replace=may_replace, channel=channel
        )
        report.seconds = time.perf_counter() - started
        return report

    def ingest_articles(
        self,
        articles: list[Article],
        report: IngestReport | None = None,
        progress: bool = False,
        on_progress: ProgressCallback | None = None,
        may_replace: MayReplace | None = None,
        channel: str = OPERATOR,
    ) -> IngestReport:
        """Index `articles`, recording that they came in by `channel` (ingest.store.REQUEST or OPERATOR). With
        `may_replace`, a changed article whose stored version's origin and channel it refuses is not written
        but reported (status 409): a request may not overwrite what the operator ingested."""
        started = time.perf_counter()
        report = report or IngestReport()
        self.recover(report)
        # Within one run the newest version of an id wins, by its date, else the later one (a feed listing an update
        # above the story it updates; a page saved twice, "story (1).html" sorting first: an outside try had the
        # older kept); the other, when it differs, is not written, and the report names it rather than dropping it
        by_id: dict[str, Article] = {}
        for article in articles:
            if article.read_note:
                report.warnings.append(IngestProblem(where=article.origin or article.id, reason=article.read_note))
            if day := page_day(article.text, article.published):
                # a live page reports the day its note names: its weekdays are read against that day, and asked as of
                # its stamp it is not yet news (said in the report, as a date guessed)
                report.warnings.append(
                    IngestProblem(
                        where=article.origin or article.id,
                        reason=f"dated {day}, the day its note says it reports (stamped {article.published})",
                    )
                )
                article = article.model_copy(update={"published": day})
            if channel == REQUEST and not article.source:
                # a posted record with no source and no url was stored under "" ("— , undated" in a search);
                # named for how it came, as a file with none is for its folder ("seeds", "uploads")
                article = article.model_copy(update={"source": REQUEST_SOURCE})
            earlier = by_id.get(article.id)
            if earlier is not None and earlier.content_hash != article.content_hash:
                newer, older = (earlier, article) if earlier.published > article.published else (article, earlier)
                reason = (
                    f"id {article.id!r} is given again in this batch with other content: the newer version "
                    f"({newer.published or 'undated'}, {newer.origin or newer.id}) is kept"
                )
                log.info("not ingested: %s: %s", older.origin or older.id, reason)
                report.errors.append(IngestProblem(where=older.origin or older.id, reason=reason, status=409))
                article = newer
            by_id[article.id] = article
        pending = list(by_id.values())
        bar = None
        if progress and len(pending) > 20:
            from tqdm import tqdm

            bar = tqdm(total=len(pending), unit="article", desc="ingest")
        phases = PhaseCounter(on_progress, len(pending))
        seen_content: dict[str, str] = {}  # content hash -> article id, across the whole run
        skipped_twins: list[tuple[Article, str]] = []  # (an article, the stored one with its very text)
        changed_twinned: list[str] = []  # articles this run changed that keep twins: each twin then goes in itself
        # Chroma writes mostly wait (on SQLite and its index threads): group N is written on a
        # second thread while group N+1 is chunked and embedded. One write at a time, in order.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="byline-write") as writer:
            writing: Future[IngestReport] | None = None
            for group_start in range(0, len(pending), GROUP_SIZE):
                group = pending[group_start : group_start + GROUP_SIZE]
                # A first look, without the lock, so that unchanged articles are not embedded; the
                # write looks again under the lock, as another writer may store some meanwhile.
                to_write = self._select_changed(group, report, seen_content, may_replace, skipped_twins)
                selected = {article.id for article, _ in to_write}
                for article in group:
                    if article.id not in selected:
                        phases.passed(article)
                if to_write:
                    prepared = self._prepare_group([article for article, _ in to_write], step=phases.step)
                    for item in prepared:
                        item.channel = channel
                    if writing is not None:
                        report.merge(writing.result())  # raises what the previous write raised
                    writing = writer.submit(self._write_group, prepared, phases.step, may_replace, changed_twinned)
                if bar:
                    bar.update(len(group))
            if writing is not None:
                report.merge(writing.result())
        if bar:
            bar.close()
        if skipped_twins:
            self._keep_twins(skipped_twins, channel, report)
        if changed_twinned:
            self.index_waiting_twins(changed_twinned, report)
        if report.seconds == 0.0:
            report.seconds = time.perf_counter() - started
        return report

    def _select_changed(
        self,
        group: list[Article],
        report: IngestReport,
        seen_content: dict[str, str],
        may_replace: MayReplace | None = None,
        skipped_twins: list[tuple[Article, str]] | None = None,
    ) -> list[tuple[Article, bool]]:
        """The articles of the group to write, each with whether an older version is stored. Counted
        in `report` instead: those stored with this content, twins of content stored under another id
        (or met earlier in this run, per `seen_content`), and changed ones `may_replace` refuses (errors)."""
        store = self.index.store
        existing = store.articles.get(ids=[a.id for a in group], include=["metadatas", "documents"])
        known_hash = {i: m["content_hash"] for i, m in zip(existing["ids"], existing["metadatas"])}
        known_version = {
            i: (str(m.get("published") or ""), len(text or ""), str(m.get("origin") or ""))
            for i, m, text in zip(existing["ids"], existing["metadatas"], existing["documents"])
        }
        known_owner = {
            i: (str(m.get("origin") or ""), str(m.get("channel") or "")) for i, m in zip(existing["ids"], existing["metadatas"])
        }
        hashes = [a.content_hash for a in group if known_hash.get(a.id) != a.content_hash]
        # Another id under the url of an article `may_replace` protects would be cited as that story
        protected_url_ids: dict[str, set[str]] = defaultdict(set)  # url -> ids of the protected articles under it
        urls = sorted({a.url for a in group if a.url and known_hash.get(a.id) != a.content_hash})
        if may_replace is not None and urls:
            same_url = store.articles.get(where={"url": {"$in": urls}}, include=["metadatas"])
            for same_id, metadata in zip(same_url["ids"], same_url["metadatas"]):
                if not may_replace(str(metadata.get("origin") or ""), str(metadata.get("channel") or "")):
                    protected_url_ids[str(metadata["url"])].add(same_id)
        sent_by_request: set[str] = set()  # stored twins a request sent
        if hashes:
            twins = store.articles.get(where={"content_hash": {"$in": hashes}}, include=["metadatas"])
            for twin_id, metadata in zip(twins["ids"], twins["metadatas"]):
                seen_content.setdefault(metadata["content_hash"], twin_id)
                if metadata.get("channel") == REQUEST:
                    sent_by_request.add(twin_id)
        selected = []
        for article in group:
            twin = seen_content.get(article.content_hash)
            if known_hash.get(article.id) == article.content_hash:
                report.unchanged += 1  # the same record sent again loses nothing, whoever sends it
            elif may_replace is not None and article.id in known_owner and not may_replace(*known_owner[article.id]):
                reason = (
                    f"id {article.id!r} is taken by an article read from the server's own files, which a request "
                    "may not replace: send it under another id"
                )
                log.info("not ingested: %s: %s", article.origin, reason)
                report.errors.append(IngestProblem(where=article.origin or article.id, reason=reason, status=409))
            elif protected_url_ids.get(article.url, {article.id}) - {article.id}:
                reason = (
                    f"url {article.url!r} is that of an article read from the server's own files: a request may not "
                    "add another article under it (it would be cited as that story)"
                )
                log.info("not ingested: %s: %s", article.origin, reason)
                report.errors.append(IngestProblem(where=article.origin or article.id, reason=reason, status=409))
            elif (
                twin is not None
                and twin != article.id
                and article.id not in known_hash  # a stored article edited to a twin's text is still replaced
                and not (may_replace is None and twin in sent_by_request)
            ):
                # (never the operator's for a request's: a request that sent the text first, then changed its own
                # article, took the operator's out of the index: an outside try; the operator's goes in beside it)
                log.info("%s: same content as article %s, skipped", article.origin, twin)
                report.duplicates += 1
                if skipped_twins is not None:
                    skipped_twins.append((article, twin))  # kept with its twin, to go in itself if that one changes
                # named, so a sender knows under which id the words are found (and that a change there moves them)
                report.warnings.append(
                    IngestProblem(
                        where=article.origin or article.id,
                        reason=f"the same text as article {twin!r}, which is indexed: not indexed again under {article.id!r} "
                        "(it goes in if that one changes)",
                    )
                )
            elif (
                may_replace is None  # (a request's records are named by their place in it: "articles[0]")
                and article.id in known_version
                and (reason := keeps_the_stored(article, *known_version[article.id]))
            ):
                log.info("not ingested: %s: %s", article.origin, reason)
                report.errors.append(IngestProblem(where=article.origin or article.id, reason=reason, status=409))
            else:
                selected.append((article, article.id in known_hash))
                seen_content[article.content_hash] = article.id  # a twin later in this run is a duplicate
        return selected

    def _keep_twins(self, skipped: list[tuple[Article, str]], channel: str, report: IngestReport) -> None:
        """Keep each skipped twin with the stored article whose text it has; index one whose article changed before
        it could be kept under its own id and channel."""
        to_index: list[dict] = []
        with self.index.write_lock:
            for article, twin_of in skipped:
                fields = {**article.model_dump(exclude={"content_hash"}), "channel": channel}
                if not self.index.store.add_twin(twin_of, article.content_hash, fields):
                    to_index.append(fields)
        self._index_twins(to_index, report)

    def index_waiting_twins(self, article_ids: list[str], report: IngestReport) -> list[str]:
        """Index under its own id each twin these articles keep whose text they no longer have, then drop those from
        their lists; returns the twins' ids. In that order, with the twins journal naming the articles from before
        their text changed until this is done: a run cut short (kill -9) between the change and here leaves the
        twins listed, and the next ingest (`recover`) or `byline check --repair` indexes them (they were lost)."""
        if not article_ids or getattr(self._this_thread, "indexing_twins", False):
            return []
        self._this_thread.indexing_twins = True  # the ingest below recovers first: not these again from the journal
        try:
            waiting = {}
            for article_id in article_ids:
                content_hash, twins = self.index.store.twins_of(article_id)
                waiting[article_id] = [twin for twin in twins if twin_content_hash(twin) != content_hash]
            self._index_twins([twin for twins in waiting.values() for twin in twins], report)
            with self.index.write_lock:
                for article_id, gone in waiting.items():
                    content_hash, twins = self.index.store.twins_of(article_id)
                    if content_hash is not None and gone:
                        gone_ids = {twin["id"] for twin in gone}
                        kept = [t for t in twins if t["id"] not in gone_ids or twin_content_hash(t) == content_hash]
                        self.index.store.set_twins(article_id, kept)
                self.index.twins_journal.finish(article_ids)
            return [str(twin["id"]) for twins in waiting.values() for twin in twins]
        finally:
            self._this_thread.indexing_twins = False

    def _index_twins(self, to_index: list[dict], report: IngestReport) -> None:
        """Ingest these twins (kept fields, each with its channel) under their own ids."""
        # (not one stored since under its own id: that version is its own, newer than the copy kept here)
        wanted = list({str(fields["id"]) for fields in to_index})
        stored = set(self.index.store.articles.get(ids=wanted, include=[])["ids"]) if wanted else set()
        by_channel: dict[str, dict[str, Article]] = defaultdict(dict)
        for fields in to_index:
            if fields["id"] in stored:
                continue
            fields = dict(fields)
            by_channel[str(fields.pop("channel", "") or OPERATOR)][str(fields["id"])] = Article(**fields)
        for twin_channel, articles in by_channel.items():
            log.info("indexing %d article(s) whose twin changed: %s", len(articles), ", ".join(articles))
            self.ingest_articles(list(articles.values()), report=report, channel=twin_channel)

    def _prepare_group(
        self, group: list[Article], find_quotes: QuoteFinder | None = None, step: Step | None = None
    ) -> list[PreparedArticle]:
        """Chunk, embed and find the quotes of a group (by `find_quotes`, default: attribution), telling
        `step` as each article is embedded, then as its quotes are in."""
        settings = self.index.settings
        tokenizer = self.index.tokenizer
        quotes_by = self.index.quotes_by() if find_quotes is None else ""
        find_quotes = find_quotes or self.attributions
        planned = []
        texts: list[list[str]] = []
        for article in group:
            # Boilerplate (captions, credits, "Related:" links…) stays in the stored text but out of every chunk; an
            # article that is nothing else (a photo gallery) is chunked whole rather than left unfindable.
            chunks = chunk_article(
                article.text, tokenizer, settings.chunk_tokens, settings.chunk_overlap_sentences, boilerplate_spans(article.text)
            ) or chunk_article(article.text, tokenizer, settings.chunk_tokens, settings.chunk_overlap_sentences)
            title = short_title(article.title, tokenizer, MAX_TOKENS - 2 - settings.chunk_tokens)
            planned.append([(c.start, c.end, c.text) for c in chunks])
            texts.append([f"{title}\n{c.text}" for c in chunks])
        # onnxruntime releases the GIL while it embeds: find the quotes meanwhile, on the other core.
        # Embedded an article at a time, so progress moves per article (measured as fast as by group:
        # the embedder batches by length within an article's chunks, which are alike in length).
        with ThreadPoolExecutor(max_workers=1) as attribution_worker:
            quotes_pending = [attribution_worker.submit(find_quotes, article) for article in group]
            vectors = []
            for article, article_texts in zip(group, texts):
                vectors.append(self.index.embed(article_texts))
                if step:
                    step(EMBEDDING, article)
            quotes = []
            for article, pending in zip(group, quotes_pending):
                quotes.append(pending.result())
                if step:
                    step(FINDING_QUOTES, article)
        return [
            PreparedArticle(article, chunks, article_vectors, article_quotes, quotes_by=quotes_by)
            for article, chunks, article_vectors, article_quotes in zip(group, planned, vectors, quotes)
        ]

    def _write_group(
        self,
        prepared: list[PreparedArticle],
        step: Step | None = None,
        may_replace: MayReplace | None = None,
        changed_twinned: list[str] | None = None,
    ) -> IngestReport:
        """Write a prepared group as the index's only writer, and count what it did. Another writer
        may have stored some of these articles since they were selected: one now stored with this
        very content is unchanged, one whose twin got in first a duplicate; neither is written again."""
        outcome = IngestReport()
        with self.index.write_lock:
            self.sweep_interrupted()
            still_changed = self._select_changed([p.article for p in prepared], outcome, {}, may_replace)
            was_known = {article.id: known for article, known in still_changed}
            self._write([p for p in prepared if p.article.id in was_known], was_known, outcome, step, changed_twinned)
        if step:  # another writer stored these meanwhile: indexed all the same
            for item in prepared:
                if item.article.id not in was_known:
                    step(INDEXING, item.article)
        return outcome

    def _write(
        self,
        prepared: list[PreparedArticle],
        was_known: dict[str, bool],
        report: IngestReport,
        step: Step | None = None,
        changed_twinned: list[str] | None = None,
    ) -> None:
        """Each article's chunks, then its record (the commit point). The journal names the articles
        in flight, so a write cut short is swept by the next writer. Hold the write lock. An article
        keeping twins whose text changes is added to `changed_twinned` (its twins then go in themselves,
        `index_waiting_twins`), and named in the twins journal before its record changes."""
        journal = self.index.journal
        journal.begin([p.article.id for p in prepared])
        for item in prepared:
            stored_hash, twins = self.index.store.twins_of(item.article.id) if was_known[item.article.id] else (None, [])
            twins_orphaned = bool(twins) and stored_hash != item.article.content_hash
            if twins_orphaned:
                # its old text was theirs too: they go in under their own ids (an outside try changed one copy of a
                # text sent twice, and the other's words were gone from the index); named first, so a run killed
                # after this write still has them indexed by the next
                self.index.twins_journal.begin([item.article.id])
            self.index.store.write_article(
                item.article,
                item.chunks,
                item.vectors,
                article_vector(item.vectors),
                item.quotes,
                channel=item.channel,
                quotes_by=item.quotes_by,
            )
            if twins_orphaned and changed_twinned is not None:
                changed_twinned.append(item.article.id)
            report.chunks_written += len(item.chunks)
            report.article_ids.append(item.article.id)
            if item.article.published > date.today().isoformat():
                # taken in, and said: "date 2031-05-01 …" went in silently, and was then never cited (an outside try)
                report.warnings.append(
                    IngestProblem(
                        where=item.article.origin or item.article.id,
                        reason=f"dated {item.article.published}, after today: questions asked as of today leave it out",
                    )
                )
            if was_known[item.article.id]:
                report.updated += 1
            else:
                report.added += 1
            if step:
                step(INDEXING, item.article)
        journal.clear()
        self.index.count_write()

    def rewrite(self, article_ids: list[str]) -> list[str]:
        """Chunk, embed and write again these committed articles from the text, fields and quotes
        their records hold (for `Index.repair`; hold the write lock). Returns the ids rewritten."""
        store = self.index.store
        records, quotes_json = store.articles_by_id(article_ids)
        texts = store.article_texts(records)
        articles: list[Article] = []
        for record in records.values():
            article = Article(
                id=record.id,
                title=record.title,
                text=texts[record.id],
                source=record.source,
                url=record.url,
                published=record.published,
                author=record.author,
                origin=record.origin,
            )
            if article.content_hash != record.content_hash:
                log.warning("article %s: its stored fields do not give its content hash; re-ingest it from its source", record.id)
                continue
            articles.append(article)
        stored_quotes = {a: json.loads(quotes_json[a]) if a in quotes_json else [] for a in records}
        for start in range(0, len(articles), GROUP_SIZE):
            prepared = self._prepare_group(articles[start : start + GROUP_SIZE], lambda article: stored_quotes[article.id])
            for item in prepared:
                item.channel = records[item.article.id].channel  # a repair keeps who owns it ("" stays unknown)
                item.quotes_by = records[item.article.id].quotes_by  # ... and what found its quotes
            self._write(prepared, {p.article.id: True for p in prepared}, IngestReport())
        return [article.id for article in articles]

    def find_quotes_again(self, article_ids: list[str]) -> list[str]:
        """Find the quotes of these committed articles again, from their stored text, by the current rules, and store
        them with those rules named (for `Index.repair`; hold the write lock). Their chunks stay. Returns the ids done.
        Each article's quotes are replaced in one update: an interrupted run leaves the rest to the next."""
        store = self.index.store
        records, _ = store.articles_by_id(article_ids)
        texts = store.article_texts(records)
        quotes_by = self.index.quotes_by()
        done = []
        for record in records.values():
            article = Article(id=record.id, title=record.title, text=texts[record.id], source=record.source)
            store.replace_quotes(record, self.attributions(article), quotes_by)
            done.append(record.id)
        return done

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
            for a in find_attributions(article.text, self.index.nlp, article=article.id)
        ]

    def recover(self, report: IngestReport | None = None) -> None:
        """Finish what an interrupted write left (see `sweep_interrupted`), and index the twins an interrupted run
        left waiting (`index_waiting_twins`)."""
        if self.index.journal.path.exists():  # else nothing to do, and no need to wait for the lock
            with self.index.write_lock:
                self.sweep_interrupted()
        if waiting := self.index.twins_journal.pending():
            log.info("an earlier ingest was cut short before the twins of %s went in: indexing them", ", ".join(waiting))
            self.index_waiting_twins(waiting, report or IngestReport())

    def sweep_interrupted(self) -> None:
        """Drop the chunks no committed article names, of the articles an interrupted write was
        writing. Only with the write lock held: then no write is in flight, and an article's chunks
        that its record does not name can only be a dead writer's."""
        journal = self.index.journal
        for article_id in journal.pending():
            record = self.index.store.article_record(article_id)
            self.index.store.remove_stale_chunks(article_id, record.content_hash if record else None)
            log.info("recovered interrupted write of article %s", article_id)
        journal.clear()


def twin_content_hash(twin: dict) -> str:
    """The content hash of a kept twin (its fields as `Ingestor._keep_twins` keeps them)."""
    return Article(**{name: value for name, value in twin.items() if name != "channel"}).content_hash


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
