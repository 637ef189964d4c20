"""The public Python API: `Assistant`, what notebooks, the CLI and the web chat all use."""

from __future__ import annotations

import logging
import re
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from assistant.answer import Answer, AnswerEvent, Passage, StreamEvent, TokenEvent
from assistant.answering.checker import CitationChecker
from assistant.answering.extractive import NO_COUNT_GIVEN, NO_HOLDER_NAMED, ExtractiveAnswerer, decline
from assistant.answering.generative import GenerativeAnswerer, LLMClient, LLMUnavailable, rewrite_with_llm
from assistant.answering.outcome import (
    NO_EVENT_REPORTED,
    NO_OUTCOME_REPORTED,
    asked_contest,
    asked_past_event,
    event_words,
    other_tellings,
    outcome_after,
    words_of_the_event,
)
from assistant.answering.question import QuestionAnalysis, analyze, clean_topic
from assistant.answering.rewriter import RuleRewriter, dangling_person, dangling_thing, normalize_history
from assistant.answering.scope import TimeScope, as_of_day, news_day, published_by, time_scope
from assistant.answering.shaped import (
    DIGEST_KINDS,
    MAX_STORIES,
    SHAPED_KINDS,
    SHAPED_TOP_K,
    SIDE_SENTENCES,
    ShapedAnswerer,
    SideQuotes,
    no_story_about,
)
from assistant.answering.timeframe import read_time, told_of_other_days
from assistant.answering.verdict import UNSETTLED, VERDICTS, as_an_outcome, as_dropping_out, still_running_who
from assistant.answering.who_said import WhoSaidAnswerer, wants_table, words_not_found
from assistant.conversation import Conversation
from assistant.search.retriever import HybridRetriever
from assistant.search.stories import top_stories
from assistant.search.types import Filters, Hit
from assistant.search.words import stems
from assistant.settings import AssistantSettings
from ingest.article import Article, date_as_int
from ingest.errors import InvalidInput
from ingest.fetch import fetch_budget
from ingest.pipeline import GROUP_SIZE, Index, IndexCheck, Ingestor, IngestProblem, IngestReport, ProgressCallback
from ingest.readers import ReadError, article_from_record, is_url, read_source
from ingest.settings import IngestSettings
from ingest.store import REQUEST, ArticleRecord, ChunkRecord, QuoteRecord, chunk_id

if TYPE_CHECKING:
    import numpy as np

# how a reply opens when the articles come no closer than its sentences: dated, and kept first, wherever it is framed
HEDGES = (UNSETTLED, NO_OUTCOME_REPORTED, NO_EVENT_REPORTED, NO_COUNT_GIVEN, NO_HOLDER_NAMED)
log = logging.getLogger(__name__)

REQUEST_RECORDS = 100  # articles one request ingests, posted and fetched together (the API takes 100 posted ones)
HUNG_UP = "the request was called off (its client hung up)"
URL_SCHEME = re.compile(r"\s*([a-z][a-z0-9+.-]+):(?!//)", re.IGNORECASE)  # "data:", "javascript:"; not a drive's "C:"
POSTED_ORIGIN = re.compile(r"articles\[\d+\]")  # the origin `add_records` gives a record it was sent (its place)


def came_over_http(origin: str, channel: str) -> bool:
    """Whether a stored article came in as a request's own (a record sent, a URL fetched, a file uploaded), not
    by the operator: only such an article may a request replace. The store records how it came in (`channel`);
    it is not read off the origin, since a URL the operator ingested (`byline ingest https://…`, a feed) looks
    like one a request fetched. An article stored before the channel was recorded is the operator's unless
    its origin is the place `add_records` gives a posted record ("articles[3]")."""
    if channel:
        return channel == REQUEST
    return bool(POSTED_ORIGIN.fullmatch(origin))


# An answer whose first source is older than this on the asking day says its date ("As of 2022-11-20: …"):
# "How many people died in the Texas wildfires?" asked 2024-02-20 was answered from an article of 2023-06-28
# with no date, read as this winter's fires (at 365 days; a month is when news stops being this month's).
STALE_DAYS = 31
# A summary or timeline that names no days also searches the RECENT_DAYS before the asking day for
# RECENT_PASSAGES more passages: the latest of a story, which older coverage can crowd out of the search
RECENT_DAYS = 30
STORIES_SPARE = 5  # stories read beyond a digest's, for those a day filter drops
STORY_LEAD_CHARS = 300  # a story's lead: what tells the day of its news
RECENT_PASSAGES = 12
RECENT_FACT_PASSAGES = 4  # ... and a "latest"/"still" question this many
# A question after an outcome or a thing done also takes, from the keyword search of these last days, this many
# passages for itself and for each other verb that tells the event (at most EVENT_REPORTS in all)
EVENT_REPORT_DAYS = 92
EVENT_REPORTS_EACH = 2
EVENT_REPORTS = 6
# ... and a question after an outcome ("Who won the Super Bowl?") the best passage of each of this many more
# articles of the last OUTCOME_REPORT_DAYS, from the keyword search's first OUTCOME_FETCH passages: the game's
# report is one article among a fortnight of previews, logo histories and live blogs that say "win" as often
OUTCOME_REPORT_DAYS = 14
OUTCOME_ARTICLES = 12
OUTCOME_FETCH = 100


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
        # The LLM only when the user configured one: offline by default.
        self.llm: LLMClient | None = LLMClient(self.settings) if self.settings.llm_configured else None
        self.rule_rewriter = RuleRewriter()
        if rules := self.index.quotes_by():
            older = sum(record.quotes_by != rules for record in self.retriever.articles.values())
            if older:
                log.warning(
                    "%d of %d articles have quotes found by older attribution rules: `byline check --repair` finds them again",
                    older,
                    len(self.retriever.articles),
                )

    @classmethod
    def open(
        cls,
        data_dir: str | Path | None = None,
        chroma_url: str | None = None,
        settings: AssistantSettings | None = None,
        **ingest_overrides,
    ) -> Assistant:
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
            self.retriever.refresh(report.article_ids)
        return report

    def add_uploads(
        self, files: Iterable[str | Path], uploads_dir: str | Path, on_progress: ProgressCallback | None = None
    ) -> IngestReport:
        """Ingest files a request uploaded (kept under `uploads_dir`). Like `add_records`, an upload may
        replace only an article that came in by a request (an upload, a posted record, a fetched URL): a
        JSON Lines file carrying the id of an article read from the operator's disk is refused (409)."""
        uploads = Path(uploads_dir).resolve()

        def may_replace(origin: str, channel: str) -> bool:
            # an upload stored before channels were recorded is known by its place in the uploads folder
            return came_over_http(origin, channel) or (not channel and Path(origin).resolve().is_relative_to(uploads))

        report = self.ingestor.ingest(list(files), on_progress=on_progress, may_replace=may_replace, channel=REQUEST)
        if report.added or report.updated:
            self.retriever.refresh(report.article_ids)
        return report

    def add_articles(self, articles: list[Article]) -> IngestReport:
        report = self.ingestor.ingest_articles(articles)
        if report.added or report.updated:
            self.retriever.refresh(report.article_ids)
        return report

    def add_records(
        self,
        records: list[dict],
        urls: list[str] | None = None,
        called_off: threading.Event | None = None,
        max_records: int = REQUEST_RECORDS,
    ) -> IngestReport:
        """Ingest article objects (the articles.jsonl schema and its common variants) and http(s) URLs.

        This is what a request may name (the HTTP API, the web chat): articles it carries and URLs,
        never a path, folder, glob or `~` on the machine that runs Byline. A bad record or a refused
        URL is reported in `IngestReport.errors` with its position; the rest go in. A request may
        replace only an article that came in the same way (`came_over_http`): a changed one under the
        id of an article ingested from disk is refused (status 409), so a caller can never overwrite it.

        A request ingests at most `max_records` articles in all: the records it carries (which its caller
        bounds: the API takes 100), then those read from its URLs, in order (a fetched JSON file or feed of 3,000 records went in whole). A URL whose
        records go past the limit has its first ones ingested and is an error naming it, the limit, and how
        many were left out; a URL after the limit is not fetched. The records go in first, then each URL's,
        a group at a time (`GROUP_SIZE`), and no group more once `called_off` is set (the request's client
        hung up); the URLs are fetched and ingested under one budget (`fetch_job_deadline_s`): past it no URL
        is fetched and no group embedded more. What is left is an error naming where it came from; the groups
        written before stay committed whole (an article's record, written after its chunks, is the commit).
        """
        started = time.perf_counter()
        called_off = called_off or threading.Event()
        settings = self.index.settings
        report = IngestReport()
        remote: list[str] = []
        for position, url in enumerate(urls or []):
            if isinstance(url, str) and is_url(url.strip()):
                remote.append(url.strip())
                continue
            if isinstance(url, str) and (scheme := URL_SCHEME.match(url)) is not None:
                # "data:…", "javascript:…" are addresses, not paths (an analyst's try was told that a path on the server is
                # never read); "gopher://…" is refused for its scheme when fetched
                reason = f"the scheme {scheme.group(1)}: is not http or https (only http(s) URLs can be named here)"
            else:
                reason = "only http(s) URLs can be named here; a path on the server is never read (upload the file instead)"
            report.errors.append(IngestProblem(where=f"urls[{position}]: {str(url)[:200]}", reason=reason))
        articles: list[Article] = []
        for position, record in enumerate(records):
            try:
                where = f"articles[{position}]"
                articles.append(article_from_record(record, f"api#{position}", where, max_chars=settings.max_article_chars))
            except ReadError as error:
                report.errors.append(IngestProblem(where=error.where, reason=error.reason))
        room = max_records - len(records)  # the records a request carries are bounded by its caller (the API: 100)
        self._ingest_in_groups(articles, report, lambda: HUNG_UP if called_off.is_set() else None)
        with fetch_budget(settings.fetch_job_deadline_s, called_off) as budget:
            for url in remote:
                if room <= 0:
                    reason = f"not fetched: the request has its {max_records} articles (posted and fetched) already"
                    report.errors.append(IngestProblem(where=url, reason=reason))
                    continue
                result = read_source(url, int(settings.max_file_mb * 1e6), fetch_urls=settings.fetch_urls, settings=settings)
                report.errors.extend(IngestProblem(where=e.where, reason=e.reason) for e in result.errors)
                fetched = result.articles[:room]
                if len(result.articles) > room:
                    left_out = len(result.articles) - room
                    reason = (
                        f"{len(result.articles):,} articles here, past the {max_records} a request ingests in all (posted "
                        f"and fetched): its first {room:,} are ingested, the other {left_out:,} are not "
                        "(ingest it with `byline ingest`, which has no such limit)"
                    )
                    report.errors.append(IngestProblem(where=url, reason=reason))
                room -= len(fetched)
                self._ingest_in_groups(fetched, report, budget.spent, where=url)
        for error in report.errors:
            log.warning("not ingested: %s: %s", error.where, error.reason)
        if report.added or report.updated:
            self.retriever.refresh(report.article_ids)
        report.seconds = time.perf_counter() - started
        return report

    def _ingest_in_groups(
        self, articles: list[Article], report: IngestReport, stopped: Callable[[], str | None], where: str | None = None
    ) -> None:
        """Ingest a request's `articles` a group at a time, none once `stopped` gives a reason; the articles left
        are one error (at `where`, or each its own at its origin) with that reason. All versions of an id go in
        one group, so a later one wins as in one run, and an earlier one that differs is reported (409)."""
        by_id: dict[str, list[Article]] = {}
        for article in articles:
            by_id.setdefault(article.id, []).append(article)
        versions = list(by_id.values())
        for start in range(0, len(versions), GROUP_SIZE):
            if reason := stopped():
                left = [a for group in versions[start:] for a in group]
                problems = [(where, f"{len(left):,} of its articles were not ingested: {reason}")] if where else []
                problems = problems or [(a.origin or a.id, f"not ingested: {reason}") for a in left]
                report.errors.extend(IngestProblem(where=w, reason=r) for w, r in problems)
                return
            group = [a for same_id in versions[start : start + GROUP_SIZE] for a in same_id]
            self.ingestor.ingest_articles(group, report=report, may_replace=came_over_http, channel=REQUEST)

    def check(self, repair: bool = False) -> IndexCheck:
        """Whether every listed article has all its chunks (and no chunk is left over), and whose quotes older
        attribution rules found; with `repair`, embed the missing ones again from the stored text, delete orphans,
        find those quotes again, and make it all searchable."""
        result = self.index.repair() if repair else self.index.check()
        if result.repaired or result.quotes_found_again:
            self.retriever.refresh(result.repaired + result.quotes_found_again)
        return result

    def articles(self) -> list[ArticleRecord]:
        """What is indexed, newest first."""
        self.retriever.catch_up()
        return sorted(self.retriever.articles.values(), key=lambda a: (a.published, a.title), reverse=True)

    def article_text(self, article_id: str) -> str:
        """The stored text of an article: citation spans index into exactly this."""
        texts = self.index.store.article_texts([article_id])
        if article_id not in texts:
            raise KeyError(f"no article with id {article_id!r} in this index")
        return texts[article_id]

    def quotes(
        self,
        speaker: str | None = None,
        search: str | None = None,
        sources: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        limit: int = 50,
        as_of: date | str | None = None,
    ) -> list[QuoteRecord]:
        """Quotes found in the articles, by speaker ('Aliyev' matches 'Ilham Aliyev') and/or words; with `as_of`,
        only from articles published by that day (as `ask` and `search` take it)."""
        self.retriever.catch_up()
        filters = Filters.of(sources, since, until)
        if as_of is not None:
            filters = published_by(filters, as_of_day(as_of))
        search = checked_text(search, "search") if search and search.strip() else ""
        if search and not self.retriever.quotes.known_stems(search):
            # words no quote holds match nothing: they listed every quote, newest first (an outside try, checking that
            # an old quote was gone, got the whole list)
            return []
        found = self.retriever.quotes.search(search, speaker=speaker, filters=filters, limit=limit)
        return [quote for quote, _ in found]

    def speakers(self) -> list[tuple[str, int]]:
        """Everyone quoted, with their number of quotes, most quoted first."""
        self.retriever.catch_up()
        return self.retriever.quotes.speakers()

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
        as_of: date | str | None = None,
    ) -> list[Passage]:
        """The passages that best match `query`, read as a question is: nothing after `as_of` (today
        unless given), and those of the days its time words name ranked up; an article's later
        passages count less, so one long article does not fill the list."""
        query = checked_text(query, "search")
        self.retriever.catch_up()
        scope = time_scope(query, filters or Filters.of(sources, since, until), as_of, self.retriever.latest_published)
        hits = self.retriever.retrieve_window_first(scope.query, k, scope.base, scope.window, spread=True)
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
        *,
        history: list[dict] | None = None,
        as_of: date | str | None = None,
    ) -> Answer:
        """Answer from the articles, with a citation for every sentence; or decline.

        `history` holds the earlier turns (OpenAI-style {"role", "content"} messages); a follow-up
        is rewritten into a standalone question from it before retrieval.
        """
        answer: Answer | None = None
        events = self.stream(question, sources=sources, since=since, until=until, filters=filters, history=history, as_of=as_of)
        for event in events:
            if isinstance(event, AnswerEvent):
                answer = event.answer
        assert answer is not None, "stream() always ends with an AnswerEvent"
        return answer

    def stream(
        self,
        question: str,
        sources: list[str] | None = None,
        since: str | None = None,
        until: str | None = None,
        filters: Filters | None = None,
        *,
        history: list[dict] | None = None,
        as_of: date | str | None = None,
    ) -> Iterator[StreamEvent]:
        """Answer as a stream: `TokenEvent`s of text, then one `AnswerEvent` with the citations.

        With an LLM, only sentences that passed the citation check are streamed, already renumbered,
        so the streamed text is the answer's text. If the LLM fails midway, the extractive answer
        follows after a blank line and the final `Answer.text` (always authoritative) is that one.
        An extractive answer is whole at once; it is streamed word by word so every face shows
        answers the same way whichever answerer wrote them.
        """
        question = checked_text(question, "question")
        self.retriever.catch_up()
        filters = filters or Filters.of(sources, since, until)
        turns = normalize_history(history)
        timings: dict[str, float] = {}
        started = time.perf_counter()
        llm, llm_error = self.llm, None
        standalone = question
        if turns:
            standalone, llm_error = self.standalone_question(question, turns)
            timings["rewrite"] = ms_since(started)
            if llm_error is not None:
                llm = None  # the endpoint just failed: don't wait for it a second time
        mark = time.perf_counter()
        # "Is Trump the presumptive Republican nominee?" is searched and settled as the outcome the news reports
        searched = as_an_outcome(standalone) or standalone
        scope = time_scope(searched, filters, as_of, self.retriever.latest_published)
        query = scope.query
        timings["time"] = ms_since(mark)
        # Who said what: the quote index holds the facts (speaker, exact quote), no LLM needed; a
        # question it answers needs no passage search. The window's days first, then the others.
        mark = time.perf_counter()
        quoted: Answer | None = None
        hits: list[Hit] = []
        texts: dict[str, str] = {}
        extracted: Answer | None = None
        laid_out = False  # a summary, comparison or timeline laid out from the articles' sentences
        # what is asked, of the question without its time words: a month kept in the searched words is no part of it
        # ("… Kate Middleton in January?" is a digest of "Kate Middleton", searched with "January")
        analysis = analyze(scope.reading.query if scope.reading.expressions and scope.reading.query.strip() else query)
        if analysis.kind == "other" and (asked := analyze(standalone)).kind in DIGEST_KINDS:
            # "What is the latest on the Boeing 737 Max 9?" is a digest of that story newest first, not the fact
            # "What is on the Boeing 737 Max 9?" that is left when its time word is taken out; its topic without time
            # words ("… this week" is the window, not words a story must hold)
            topic = read_time(asked.topic, scope.as_of).query if asked.topic else asked.topic
            analysis = replace(asked, topic=clean_topic(topic) if topic else asked.topic)
        dangling = dangling_person(question) if not turns else None
        pointing = dangling_thing(question) if not turns and not dangling else None
        if dangling:
            # "When did she say that?" with nothing before it was answered about whoever the search happened on
            extracted = decline(
                query, f"Whom does “{dangling}” mean? Nothing earlier in this conversation says; ask again with the name."
            )
        elif pointing:
            # "When was that?" with nothing before it was answered "The articles here don't say" (a web-chat try)
            extracted = decline(
                query,
                f"What does “{pointing}” mean? Nothing earlier in this conversation says; ask again with what you mean "
                "(the event, person or place).",
            )
        elif (later := outcome_after(searched, scope.as_of)) is not None:
            # "Who won the 2025 Super Bowl?" asked 2024-01-19: no article of that day can report it (an outside try got
            # the Rams' titles of 1945 and 1951, then January's predictions)
            extracted = decline(
                query,
                f"No article can report that yet: it asks about {later}, after the asking date ({scope.as_of.isoformat()}).",
            )
        elif analysis.kind in SHAPED_KINDS:
            # a summary, comparison or timeline: searched wider; laid out from the articles' sentences
            # without an LLM, worded by the LLM from the wider search's best passages with one
            hits, texts, extracted = self.shaped(analysis, query, scope, lay_out=llm is None)
            laid_out = extracted is not None
            timings["shaped"] = ms_since(mark)
            if extracted is None:  # no shape to give: answered as any question is, from the same passages
                extracted = self.extractive(query, hits, texts, scope) if hits else decline(query)
                if analysis.kind in DIGEST_KINDS and analysis.topic:
                    extracted = no_story_about(analysis.topic, extracted)
        else:
            quotes_from = WhoSaidAnswerer(
                self.retriever.quotes, self.index.store.article_texts, self.articles_about, scope.window_dates
            )
            if analysis.kind == "who_said":
                scope = scope.for_quotes()  # what was said on days named is reported then and the next day
            for attempt_filters, _ in scope.attempts():
                quoted = quotes_from.answer(query, attempt_filters)
                if quoted is not None:
                    break
            timings["quotes"] = ms_since(mark)
        if quoted is None and extracted is None:
            mark = time.perf_counter()
            query_vector = self.index.embed([query])[0]
            timings["embed"] = ms_since(mark)
            mark = time.perf_counter()
            hits = self.retriever.retrieve_window_first(query, self.settings.top_k, scope.base, scope.window, query_vector)
            # "latest"/"still" asks for the newest news, which older coverage can crowd out; so does "Who won …?"
            if (scope.reading.recency and scope.search_recent) or scope.outcome_verb:
                hits += self.recent_news(query, query_vector, scope, hits, self.settings.top_k)[:RECENT_FACT_PASSAGES]
            hits += self.event_reports(query, scope, hits)
            timings["retrieve"] = ms_since(mark)
            texts = self.index.store.article_texts(h.chunk.article_id for h in hits)
            mark = time.perf_counter()
            extracted = self.extractive(query, hits, texts, scope)
            hedged = next((h for h in (NO_OUTCOME_REPORTED, UNSETTLED) if extracted.text.startswith(h)), None)
            if hedged is not None and scope.outcome_verb:
                # Nothing the search and the fortnight brought reports the outcome: the fortnights before it, newest
                # first ("Who won the Super Bowl?" asked in March, five weeks after the game). Only then: searched
                # always, later looks back ("Trump had defeated Haley in previous contests in Iowa, New Hampshire …")
                # were newer than the primaries' own reports, and led.
                older = self.outcome_reports(query, scope, list(self.fortnights_back(scope))[1:], hits)
                if older:
                    wider_texts = texts | self.index.store.article_texts(h.chunk.article_id for h in older)
                    again = self.extractive(query, hits + older, wider_texts, scope)
                    if not again.text.startswith(hedged):
                        hits, texts, extracted = hits + older, wider_texts, again
                if analysis.kind == "when" and extracted.text.startswith(NO_OUTCOME_REPORTED):
                    # "When did the Rams win the Super Bowl?": no report of theirs in the last year; a "when" may ask
                    # after any year's, so it is answered as any question is, unhedged
                    extracted = self.extractive(query, hits, texts, scope, latest_outcome=False)
            extracted = words_not_found(query, extracted) or extracted
            timings["extract"] = ms_since(mark)
        mark = time.perf_counter()
        streamed: list[str] = []
        answer: Answer | None = None
        worded_by_llm = False
        # a who-said-what table is laid out from the quote index; an LLM would flatten it into prose
        tabled = quoted is not None and wants_table(query)
        if llm is not None and (quoted is not None or hits) and not tabled:
            # With an LLM, a who-said answer is only reworded: the model sees just the passages the
            # quote index chose, and the checker holds its wording to them.
            shape = analysis if analysis.kind in SHAPED_KINDS else None
            # a summary, comparison or timeline draws on twice the passages a fact answer does
            passages = quote_hits(quoted) if quoted is not None else hits[: self.settings.llm_passages * (2 if shape else 1)]
            if quoted is not None:
                texts = self.index.store.article_texts(c.article_id for c in quoted.citations)
            answerer = GenerativeAnswerer(llm, self.checker())
            pieces = answerer.stream(standalone, passages, texts, scope.reading, shape)
            try:
                while True:
                    piece = next(pieces)
                    streamed.append(piece)
                    yield TokenEvent(text=piece)
            except StopIteration as done:
                answer = done.value
            except LLMUnavailable as error:
                llm_error = error
            timings["check"] = round(answerer.check_ms, 2)
            if quoted is not None and answer is not None:
                # an unsupported rewording falls back to the quote index's own words
                answer = answer.model_copy(update={"mode": "who_said"}) if answer.answered else None
            worded_by_llm = answer is not None and answer.answered
        unsupported_llm = (
            answer is not None and not answer.answered and quoted is None and extracted is not None and extracted.answered
        )
        if unsupported_llm:
            # every sentence the model wrote was dropped (no markers, or none its passage supports) while the articles
            # answer: "The articles here don't say" was given for questions the extractive answer answers (an outside
            # try with a small model)
            answer = None
        if answer is None:
            answer = quoted or extracted or self.extractive(query, hits, texts, scope)
        # whichever answerer wrote it: an answer whose first source lies outside the asked-about days says so
        relaxed = answer.answered and bool(answer.citations) and not scope.holds(answer.citations[0].published)
        if not answer.answered and not hits and quoted is None:
            # the user's own filters first: the asking date is named only when it is what leaves nothing
            reason = self.nothing_passes(filters) or self.nothing_passes(scope.base)
            if reason:
                answer = answer.model_copy(update={"text": reason, "citations": []})
        elif relaxed:
            answer = self.said_from_outside_the_window(answer, scope)
        elif answer.answered and answer.citations and answer.citations[0].published:
            first = answer.citations[0].published
            # "latest" asks for a date; so does an answer from an article a year older than the asking day
            # ("How old is Joe Biden?" answered "turns 80" from 2022, asked in 2024, read as current)
            # (a who-said answer dates each quote already; an LLM's wording streamed as it came)
            # (a timeline or digest dates every line itself: its first citation is its oldest line, or one of many)
            stale = answer.mode == "extractive" and not laid_out and (scope.as_of - date.fromisoformat(first)).days > STALE_DAYS
            dated = scope.reading.recency or scope.outcome_verb is not None or stale
            hedge = next((h for h in HEDGES if answer.text.startswith(h)), None)
            if dated and hedge is not None:
                # the closest the articles come is dated too: "Who won the Super Bowl MVP?" asked in February 2024
                # was hedged with "Mahomes is a Super Bowl champion and Super Bowl MVP" from the 2023 game, no year
                # in it, which a reader takes for this year's
                answer.text = f"{hedge.removesuffix(':')}, from {first}:{answer.text.removeprefix(hedge)}"
            elif dated and not answer.text.startswith(("As of ", "Earlier, on ")) and not streamed:
                # (not over an LLM's wording already streamed: the day is its citations', and the stream would
                # otherwise end with the whole answer again after it, dated: an outside try)
                # a verdict stays first: "Yes. As of 2024-03-18: Putin won his fifth term …"
                verdict = next((f"{v} " for v in VERDICTS if answer.text.startswith(f"{v} ")), "")
                answer.text = f"{verdict}As of {first}: {answer.text.removeprefix(verdict)}"
        if llm_error is not None:
            answer.notice = (
                f"The language model was unavailable ({llm_error.reason}), so this answer is taken straight from the articles."
            )
        elif unsupported_llm:
            answer.notice = (
                "No sentence of the language model's answer was supported by the articles, so this answer is taken "
                "straight from them."
            )
        timings["answer"] = ms_since(mark)
        timings["total"] = ms_since(started)
        answer.question = question
        answer.standalone_question = standalone if standalone != question else None
        answer.timings_ms = timings
        answer.filters = filters.model_dump(exclude_defaults=True)
        answer.as_of = scope.as_of.isoformat()
        answer.time_window = scope.window_dates
        answer.time_reading = scope.reading.describe() or None
        answer.config = self.config(generative=worded_by_llm)
        text_so_far = "".join(streamed)
        if text_so_far != answer.text:
            rest = ("\n\n" if text_so_far else "") + answer.text
            for piece in re.findall(r"\s*\S+", rest):
                yield TokenEvent(text=piece)
        yield AnswerEvent(answer=answer)

    def articles_about(self, topic: str, filters: Filters | None, k: int = 30) -> list[str]:
        """The articles whose passages hold the topic's words (keyword search), best first."""
        found = self.retriever.keyword_search(topic, k, filters or Filters())
        return list(dict.fromkeys(chunk.article_id for chunk, _ in found))

    def said_from_outside_the_window(self, answer: Answer, scope: TimeScope) -> Answer:
        """An answer found only outside the question's window says so first, with what the index holds."""
        newest_overall = self.retriever.newest_admitted(scope.base)
        newest_in_window = self.retriever.newest_admitted(scope.window) if scope.window is not None else None
        note = scope.window_note(newest_in_window, newest_overall)
        if not answer.answered:
            return answer.model_copy(update={"text": f"{note} No other article answers it either."})
        if newest_in_window is None and scope.after_the_newest(newest_overall):
            # older articles cannot tell what happened after them: a decline, with what comes closest
            closest = (
                f"{note.removesuffix('.')}, so the articles here can't say (to ask as of an earlier day, give that"
                " date). The closest they come, from earlier days:"
            )
            return answer.model_copy(update={"text": f"{closest} {answer.text}", "answered": False})
        hedge = next((h for h in HEDGES if answer.text.startswith(h)), None)
        if hedge is not None:
            # "From other days: No article here reports that outcome; the closest they come: …" read as two replies
            return answer.model_copy(update={"text": f"{note} {hedge}{answer.text.removeprefix(hedge)}"})
        return answer.model_copy(update={"text": f"{note} From other days: {answer.text}"})

    def nothing_passes(self, filters: Filters) -> str | None:
        """Why no indexed article passes `filters` ("No article from usatoday is indexed…"); None if some do.
        A decline under such filters says this instead of "the articles don't say"."""
        articles = self.retriever.articles.values()
        if any(filters.admits(record.source, record.published_int) for record in articles):
            return None
        known = {record.source.lower(): record.source for record in articles if record.source}
        where = f" from {', '.join(filters.sources)}" if filters.sources else ""
        when = {
            (True, True): f" published between {filters.since} and {filters.until}",
            (True, False): f" published on or after {filters.since}",
            (False, True): f" published on or before {filters.until}",
        }.get((bool(filters.since), bool(filters.until)), "")
        text = f"No article{where}{when} is indexed, so there is nothing to answer from."
        unknown = sorted(source for source in filters.sources if source.lower() not in known)
        if unknown:
            text += f" Sources here: {', '.join(sorted(known.values())[:20]) or 'none'}."
        return text

    def chat(self, message: str, history: list[dict] | None = None, **filters) -> Answer:
        """Answer `message` as a turn of a conversation whose earlier turns are `history`."""
        return self.ask(message, history=history, **filters)

    def conversation(self, history: list[dict] | None = None, **filters) -> Conversation:
        """A `Conversation` that keeps its own history: `conversation().ask(...)`, then follow-ups."""
        return Conversation(self, history=history, **filters)

    def standalone_question(self, message: str, history: list[dict[str, str]]) -> tuple[str, LLMUnavailable | None]:
        """The follow-up as a standalone question: by the LLM when there is one, else (or if it fails) by rules.
        A message the rules find nothing to resolve in is standalone and goes to nobody: an LLM would
        reword it (and a reworded question searches differently)."""
        by_rules = self.rule_rewriter.rewrite(message, history)
        if by_rules == message:
            return message, None
        if self.llm is not None:
            try:
                rewritten = rewrite_with_llm(self.llm, message, history)
                if rewritten:
                    return rewritten, None
                log.info("the LLM's rewrite of %r was unusable; rewriting by rules", message)
            except LLMUnavailable as error:
                return by_rules, error
        return by_rules, None

    def shaped(
        self, analysis: QuestionAnalysis, query: str, scope: TimeScope, lay_out: bool = True
    ) -> tuple[list[Hit], dict[str, str], Answer | None]:
        """Search for a summary, comparison or timeline (wider than for a fact; each side of a
        comparison searched on its own) and, with `lay_out`, lay out its answer."""
        topic = analysis.topic or ""
        if analysis.kind == "comparison":
            hits: list[Hit] = []
            for side in analysis.sides:
                side_query = f"{side} {topic}".strip()
                vector = self.index.embed([side_query])[0]
                hits += self.retriever.retrieve_window_first(side_query, SHAPED_TOP_K // 2, scope.base, scope.window, vector)
        elif topic:
            vector = self.index.embed([topic])[0]
            hits = self.retriever.retrieve_window_first(topic, SHAPED_TOP_K, scope.base, scope.window, vector)
            # "Tell me about the Navalny death" met a film about him, of 2022 and 2023, in every passage
            # searched: a story's own recent days are searched too, and the digest runs newest first
            hits += self.recent_news(topic, vector, scope, hits, RECENT_PASSAGES)
        everywhere: list[Hit] = []
        if analysis.kind == "comparison" or topic:
            # a digest of "this week" lists that week's stories; other days' only when it has none (and then
            # the answer says so): "What happened in Kansas City this week?" listed stories of 2020 and 2022
            everywhere = hits
            hits = [h for h in hits if scope.holds(h.chunk.published)] or hits
        else:
            # the days named first; the reports of the days after them only when those days have no article
            hits = self.top_story_leads(scope.named_window or scope.window or scope.base, MAX_STORIES)
            if not hits and (named := scope.named_window) is not None:
                # ... of them, the stories told of the days named: asked on 2024-03-13, "What happened yesterday?" listed
                # a congressman's support "on Wednesday (2024-03-13)", the asking day itself (an outside try)
                days = lambda day: (named.since or "") <= day <= (named.until or day)  # noqa: E731
                hits = self.top_story_leads(scope.window or scope.base, MAX_STORIES + STORIES_SPARE)
                leads = {h.chunk.article_id: h.chunk for h in reversed(hits)}  # each article's first passage
                elsewhere = {
                    article_id
                    for article_id, lead in leads.items()
                    if told_of_other_days(lead.text[:STORY_LEAD_CHARS], lead.published, days, spans=False)
                }
                hits = [h for h in hits if h.chunk.article_id not in elsewhere]
            if not hits and scope.window is not None and (newest := self.retriever.newest_admitted(scope.base)):
                # a week with no article: the top stories of the newest week before it, which the answer says are from
                # other days ("What happened this week?" was declined outright in a week with none: an outside try)
                last_week = scope.base.narrowed(since=date.fromisoformat(newest) - timedelta(days=6))
                hits = self.top_story_leads(last_week, MAX_STORIES) if last_week is not None else []
        texts = self.index.store.article_texts(h.chunk.article_id for h in hits)
        answerer = ShapedAnswerer(self.extractive_answerer())
        quoted = None
        if analysis.kind == "comparison" and topic and lay_out:
            # a person's side is what they said on the topic, from the quote index
            quotes_from = WhoSaidAnswerer(self.retriever.quotes, self.index.store.article_texts, self.articles_about)
            words = {side: quotes_from.said_on(side, topic, scope.base, SIDE_SENTENCES) for side in analysis.sides}
            quoted = SideQuotes(words, quotes_from.cite, quotes_from.said)
        laid_out = answerer.answer(analysis, query, hits, texts, quoted) if (hits or quoted) and lay_out else None
        if laid_out is None and lay_out and len(everywhere) > len(hits):
            # the window's few passages are about something else ("…the Texas border standoff this week?"
            # met two passages that only mention Texas): the other days' stories, which the answer then
            # says are from other days, rather than "The articles here don't say"
            hits = everywhere
            texts = self.index.store.article_texts(h.chunk.article_id for h in hits)
            laid_out = answerer.answer(analysis, query, hits, texts, quoted)
        return hits, texts, laid_out

    def recent_news(self, query: str, vector: np.ndarray, scope: TimeScope, hits: list[Hit], k: int) -> list[Hit]:
        """The best `k` passages of the recent days (`recent_days`) that `hits` lack, best first: to go after them."""
        recent = self.recent_days(scope)
        if recent is None:
            return []
        seen = {h.chunk.id for h in hits}
        return [h for h in self.retriever.retrieve(query, k, recent, vector) if h.chunk.id not in seen]

    def event_reports(self, query: str, scope: TimeScope, hits: list[Hit]) -> list[Hit]:
        """For a question after an outcome or a thing done ("Who won …?", "Did Haley drop out?", "When did the lander
        land?"), naming no days: the keyword passages of the last `EVENT_REPORT_DAYS` that `hits` lack, for the
        question and for each verb that tells the same event ("withdraw", "suspend" for "drop out"). The reports
        ranked far down the whole archive's search: "Haley withdrew from the race" at 88th for "Haley drop out",
        the album of the year "made a historic win" below a year of Grammy coverage."""
        # "Is Haley still in the race?" is after the reports of her dropping out, or of none
        settling = as_dropping_out(query) or query
        event = asked_past_event(settling)
        who = still_running_who(query)
        recent = self.recent_days(scope, EVENT_REPORT_DAYS) if event is not None or scope.outcome_verb or who else None
        if recent is None and not scope.outcome_verb_in_window:
            return []
        searches = [(words, recent) for words in [query] + (other_tellings(settling, event) if event is not None else [])]
        if who and recent is not None:
            # ... or of staying in it, the fortnight's first: "Nikki Haley pledged to stay in the race" (02-24) was below
            # her campaign's weeks for "Is Nikki Haley still running?", which hedged from an older report (a reader's try)
            fortnight = self.recent_days(scope, OUTCOME_REPORT_DAYS)
            searches[1:1] = [(f"{who} {verb} in the race", fortnight) for verb in ("stay", "remain")]
        seen = {h.chunk.id for h in hits}
        found: list[Hit] = []
        for words, days in searches if recent is not None else []:
            for chunk, score in self.retriever.keyword_search(words, EVENT_REPORTS_EACH, days):
                if chunk.id not in seen:
                    seen.add(chunk.id)
                    found.append(Hit(chunk=chunk, score=score))
        found = found[:EVENT_REPORTS]
        # the days a question after an outcome names ("this year"), or the fortnight before the asking day
        fortnight = self.recent_days(scope, OUTCOME_REPORT_DAYS) if scope.outcome_verb else None
        # (a window after the newest article is none: nothing to search, "Who won … this week?" asked today)
        windows = [w for w in ([scope.window] if scope.outcome_verb_in_window else [fortnight]) if w is not None]
        return found + self.outcome_reports(query, scope, windows, [*hits, *found])

    def outcome_reports(self, query: str, scope: TimeScope, windows: Iterable[Filters], hits: list[Hit]) -> list[Hit]:
        """For a question after an outcome ("Who won the Super Bowl?"): the best passage of each of at most
        `OUTCOME_ARTICLES` more articles than `hits` holds, of the event asked about, from the keyword search of
        `windows` in turn. The game's report is one article among a fortnight of previews, logo histories and live
        blogs that say "win" as often."""
        outcome_verb = scope.latest_outcome_verb
        if outcome_verb is None:
            return []
        articles = {h.chunk.article_id for h in hits}
        # of the event asked about: "Who won album of the year at the Grammys?" met NFL previews by "win" and "year"
        wanted = words_of_the_event(asked_contest(query), event_words(query))
        limit = len(articles) + OUTCOME_ARTICLES
        found: list[Hit] = []
        for window in windows:
            if len(articles) >= limit:
                break
            # the verb's lemma too: "won" is a stem of its own, and the report says "with a win for the Chiefs"
            for chunk, score in self.retriever.keyword_search(f"{query} {outcome_verb}", OUTCOME_FETCH, window):
                if len(articles) >= limit:
                    break
                if chunk.article_id not in articles and wanted <= set(stems(f"{chunk.title}\n{chunk.text}")):
                    articles.add(chunk.article_id)
                    found.append(Hit(chunk=chunk, score=score))
        return found

    def fortnights_back(self, scope: TimeScope) -> Iterator[Filters]:
        """The `OUTCOME_REPORT_DAYS` up to the asking day (or the newest article's, if older), then each such stretch
        before it, newest first, over the last `EVENT_REPORT_DAYS`; none for a question naming days."""
        day = news_day(scope.as_of, self.retriever.latest_published)
        if scope.reading.window is not None or day is None:
            return
        for back in range(0, EVENT_REPORT_DAYS, OUTCOME_REPORT_DAYS + 1):
            window = scope.base.narrowed(since=day - timedelta(days=back + OUTCOME_REPORT_DAYS), until=day - timedelta(days=back))
            if window is not None:
                yield window

    def recent_days(self, scope: TimeScope, days: int = RECENT_DAYS) -> Filters | None:
        """The `days` up to the asking day (or the newest article's, if older), for a question naming no days."""
        if scope.reading.window is not None:
            return None
        day = news_day(scope.as_of, self.retriever.latest_published)
        return scope.base.narrowed(since=day - timedelta(days=days), until=day) if day else None

    def top_story_leads(self, filters: Filters, count: int) -> list[Hit]:
        """The first passage of an article of each of the `count` most-covered stories among the articles that pass
        `filters`, newest first ("What happened this week?" names no topic: the window's top stories are the answer,
        `assistant.search.stories`)."""
        records = [
            r for r in self.retriever.articles.values() if r.published and r.chunks and filters.admits(r.source, r.published_int)
        ]
        chosen = top_stories(records, self.retriever.keyword, count)
        # the second passage too: an article whose first passage is its headline alone ("Sanders and allies aim to
        # shape party's path after primaries.") has its lead there
        leads = [chunk_id(r.id, r.content_hash, i) for r in chosen for i in range(min(2, r.chunks))]
        found: dict[str, list[ChunkRecord]] = defaultdict(list)
        for chunk in self.retriever.chunks(leads).values():
            found[chunk.article_id].append(chunk)
        return [Hit(chunk=chunk, score=0.0) for r in chosen for chunk in sorted(found[r.id], key=lambda c: c.start)]

    def extractive_answerer(self) -> ExtractiveAnswerer:
        return ExtractiveAnswerer(
            self.retriever.keyword,
            max_sentences=self.settings.max_answer_sentences,
            min_support=self.settings.min_support,
        )

    def extractive(
        self, question: str, hits: list[Hit], texts: dict[str, str], scope: TimeScope, latest_outcome: bool = True
    ) -> Answer:
        """The extractive answer, read with the question's time: its window first, the newest for
        "latest", recent articles ahead on a near tie; the latest outcome of one asked after, unless
        `latest_outcome` is False."""
        return self.extractive_answerer().answer(
            question,
            hits,
            texts,
            prefer_recent=scope.reading.recency,
            # "Who won the Super Bowl this year?": the latest outcome inside the window (searched as the window is)
            latest_outcome=scope.latest_outcome_verb if latest_outcome else None,
            in_window=scope.holds if scope.reading.window is not None else None,
            news_day=news_day(scope.as_of, self.retriever.latest_published),
            as_asked=scope.question,
        )

    def checker(self) -> CitationChecker:
        return CitationChecker(
            self.index.embed,
            idf=self.retriever.keyword.idf,
            min_overlap=self.settings.min_claim_overlap,
            min_similarity=self.settings.min_claim_similarity,
        )

    def config(self, generative: bool = False) -> dict:
        """The settings an answer was produced with (carried on every Answer)."""
        config = {
            "embedder": self.index.store.embedder_id,
            "top_k": self.settings.top_k,
            "min_support": self.settings.min_support,
            "chunk_tokens": self.index.settings.chunk_tokens,
        }
        if generative and self.llm is not None:
            config.update(
                llm_model=self.llm.model,
                llm_base_url=self.llm.where,
                llm_temperature=self.settings.llm_temperature,
                llm_passages=self.settings.llm_passages,
                min_claim_overlap=self.settings.min_claim_overlap,
                min_claim_similarity=self.settings.min_claim_similarity,
            )
        return config


def quote_hits(quoted: Answer) -> list[Hit]:
    """The paragraphs a who-said answer cites, as passages for the LLM to word the answer from."""
    return [
        Hit(
            chunk=ChunkRecord(
                id=f"{c.article_id}:quote:{c.n}",
                article_id=c.article_id,
                text=c.passage,
                start=c.passage_span[0],
                end=c.passage_span[1],
                index=c.n,
                title=c.title,
                source=c.source,
                url=c.url,
                published=c.published,
                published_int=date_as_int(c.published),
                content_hash="",
            ),
            score=1.0,
        )
        for c in quoted.citations
    ]


def ms_since(start: float) -> float:
    return round((time.perf_counter() - start) * 1000, 2)


# A question, however wordy, is a paragraph; a pasted article is not a question (and is echoed back).
MAX_QUESTION_CHARS = 4000


# Characters that show as nothing: control characters but line breaks and tabs, and the format characters pasted text
# carries (zero-width spaces and joiners, direction marks, a byte-order mark). "Who won\x00 the Super Bowl?" was read as
# another question than "Who won the Super Bowl?" and answered from 2023 (an analyst's try).
INVISIBLE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]")


def checked_text(value: str, what: str) -> str:
    """A question or search as usable text: without characters that show as nothing (`INVISIBLE`), not empty, and
    encodable (a lone surrogate is not text)."""
    text = INVISIBLE.sub("", value or "").strip()
    if not text:
        raise InvalidInput(f"the {what} is empty")
    if len(text) > MAX_QUESTION_CHARS:
        raise InvalidInput(f"the {what} is {len(text):,} characters long; at most {MAX_QUESTION_CHARS:,} are read")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:
        raise InvalidInput(f"the {what} is not valid text: character {error.start} is a lone surrogate") from error
    return text
