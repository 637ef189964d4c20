"""Evaluation: ask every question of an eval set (see shared/EVAL.md) and score the replies.

A set is a folder with `articles.jsonl` and `questions.jsonl`. The scoring is what a reader would
accept, and every rule lives in a small function here so tests can hit it on hand-made cases:

- a right answer: all of the answer's words appear in the reply, as whole words, case-insensitive,
  punctuation and accents ignored (`mentions`); a decline (answered=False) is never right;
- who_said: right when the reply names the speaker (`answers` holds the surname);
- unanswerable: right when Byline declines and does not assert the absent answer;
- evidence hit@k: an evidence article is among the top k passages retrieved for the question;
- citation support: the citation names an evidence article and its span, applied to the stored
  article text, gives back exactly the cited quote.

Fact accuracy is also given apart for the questions whose evidence holds a report of the asking week
(an evidence article from the `REPORT_DAYS` before the asking day) and for those whose evidence is only
older background (a 2012 stock story for "Which nation slipped into a recession this week?"): a reply
to the second can be honest only as a decline or as the closest older news, so the two say different
things about Byline.
"""

from __future__ import annotations

import json
import logging
import re
import time
import unicodedata
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path

import numpy as np
from pydantic import BaseModel, Field

from assistant.answer import Answer, Citation
from assistant.core import Assistant
from assistant.settings import AssistantSettings
from ingest.errors import BylineError

log = logging.getLogger(__name__)

KINDS = ("who_said", "fact", "what_said")  # answerable kinds reported one by one
UNANSWERABLE = "unanswerable"
SEARCH_DEPTH = 10  # passages looked at to find the evidence rank; hit@1 and hit@5 read from it
REPORT_DAYS = 14  # an evidence article this many days before the asking day (or on it) reports the asked news


# --- the eval set ----------------------------------------------------------------------------
class EvalQuestion(BaseModel):
    """One line of `questions.jsonl`."""

    id: str
    kind: str = Field(description="who_said, fact, what_said or unanswerable.")
    question: str
    answers: list[str] = Field(default_factory=list, description="Right answers (for who_said: the speaker's surname).")
    absent: list[str] = Field(default_factory=list, description="For unanswerable: answers that must NOT be asserted.")
    evidence: list[str] = Field(default_factory=list, description="Ids of the articles that hold the answer.")
    asked_on: str | None = Field(default=None, description="The day the question was asked (YYYY-MM-DD): its as_of.")


def load_questions(path: Path) -> list[EvalQuestion]:
    questions = []
    with path.open(encoding="utf-8") as lines:
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                questions.append(EvalQuestion.model_validate_json(line))
            except ValueError as error:
                raise ValueError(f"{path}:{number}: not a question record: {error}") from error
    return questions


def spread_sample(items: list, limit: int | None) -> list:
    """`limit` items evenly spaced over the list (deterministic): sets are ordered by article, so the
    first N questions would all come from a handful of articles."""
    if limit is None or limit >= len(items):
        return list(items)
    if limit <= 0:
        return []
    step = len(items) / limit
    return [items[int(i * step)] for i in range(limit)]


def count_lines(path: Path) -> int:
    with path.open(encoding="utf-8") as lines:
        return sum(1 for line in lines if line.strip())


# --- scoring rules ---------------------------------------------------------------------------
def words(text: str) -> list[str]:
    """Lower-case words with accents and punctuation dropped ("Peña's" → ["pena", "s"])."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.findall(r"[^\W_]+", plain.lower())


def mentions(reply: str, answer: str) -> bool:
    """All of the answer's words appear in the reply as whole words (in any order)."""
    wanted = words(answer)
    if not wanted:
        return False
    present = set(words(reply))
    return all(word in present for word in wanted)


def is_right(question: EvalQuestion, answer: Answer) -> bool:
    """Would a reader accept this reply to this question?"""
    if question.kind == UNANSWERABLE:
        return not answer.answered and not asserts_absent(question, answer)
    return answer.answered and any(mentions(answer.text, expected) for expected in question.answers)


def asserts_absent(question: EvalQuestion, answer: Answer) -> bool:
    """The reply states an answer that no article holds (counted whether or not it declined)."""
    return any(mentions(answer.text, absent) for absent in question.absent)


def evidence_rank(retrieved_article_ids: list[str], evidence: Iterable[str]) -> int | None:
    """1-based rank of the first retrieved passage from an evidence article; None if none."""
    wanted = set(evidence)
    for rank, article_id in enumerate(retrieved_article_ids, start=1):
        if article_id in wanted:
            return rank
    return None


def span_gives_quote(citation: Citation, article_text: str | None) -> bool:
    """The citation's span, applied to the stored article text, is exactly the cited words."""
    if article_text is None:
        return False
    start, end = citation.span
    return 0 <= start < end <= len(article_text) and article_text[start:end] == citation.quote


def citation_supported(citation: Citation, evidence: Iterable[str], article_text: str | None) -> bool:
    return citation.article_id in set(evidence) and span_gives_quote(citation, article_text)


def share(flags: list[bool]) -> float | None:
    return round(sum(flags) / len(flags), 4) if flags else None


def percentile(values: list[float], q: float) -> float:
    return round(float(np.percentile(values, q)), 2) if values else 0.0


# --- results ---------------------------------------------------------------------------------
class CitationResult(BaseModel):
    n: int
    article_id: str
    quote: str
    span: tuple[int, int]
    evidence: bool = Field(description="The cited article is an evidence article.")
    span_ok: bool = Field(description="The span applied to the stored article text gives back the quote.")


class QuestionResult(BaseModel):
    """One line of the per-question JSONL: enough to read a failure without re-running."""

    id: str
    kind: str
    question: str
    answers: list[str]
    absent: list[str] = Field(default_factory=list)
    evidence: list[str]
    reply: str
    answered: bool
    mode: str
    right: bool
    asserted_absent: bool
    evidence_rank: int | None = Field(description=f"Rank of the first evidence passage in the top {SEARCH_DEPTH} retrieved.")
    retrieved: list[str] = Field(description="Article ids of the top 5 passages retrieved.")
    citations: list[CitationResult]
    answer_ms: float
    timings_ms: dict[str, float]
    as_of: str | None = Field(default=None, description="The asking date the question was answered as of.")
    reported: bool | None = Field(
        default=None,
        description=f"An evidence article is from the {REPORT_DAYS} days before the asking day (None: no asking day).",
    )
    words: int = Field(default=0, description="Length of the reply in words.")


class AccuracyByKind(BaseModel):
    who_said: float | None = None
    fact: float | None = None
    what_said: float | None = None
    all: float


class FactByEvidence(BaseModel):
    """Fact accuracy apart for questions whose evidence reports the asking week and for those with only older evidence."""

    reported: float | None = Field(
        description=f"Accuracy where an evidence article is from the {REPORT_DAYS} days before asking."
    )
    reported_questions: int
    background: float | None = Field(description="Accuracy where every evidence article is older than that.")
    background_questions: int
    background_declined: float | None = Field(description="Share of the background-only questions Byline declined.")


class UnanswerableScore(BaseModel):
    declined: float | None = Field(description="Share of unanswerable questions answered with answered=false.")
    asserted_absent: int = Field(description="Replies (to unanswerable questions) that contain the absent answer.")


class EvalReport(BaseModel):
    """The figures `byline eval --json` prints (the keys of issue 4, and a few more)."""

    set: str
    questions: int
    articles: int
    accuracy: AccuracyByKind
    unanswerable: UnanswerableScore
    evidence_hit_at_1: float
    evidence_hit_at_5: float
    citation_support: float
    ingest_s: float
    answer_ms_p50: float
    answer_ms_p95: float
    answer_words_p50: float = Field(description="Median length of the replies to answerable questions, in words.")
    declined_answerable: float = Field(description="Share of answerable questions Byline declined.")
    fact_by_evidence: FactByEvidence | None = Field(
        default=None, description="Fact accuracy by whether the evidence holds a report of the asking week (asked as of it)."
    )
    as_of: bool = Field(description="Whether each question was asked as of its `asked_on` day (else as of today).")
    # extras
    llm: bool = Field(description="Whether answers came from an LLM (else extractive).")
    kinds: dict[str, int] = Field(description="Questions asked, by kind.")
    modes: dict[str, int] = Field(description="Answers by Answer.mode (extractive, generative, who_said, none).")
    answered: float = Field(description="Share of answerable questions Byline answered (did not decline).")
    citations: int = Field(description="Citations given, over all questions.")
    citation_span_ok: float | None = Field(description="Share of all citations whose span gives back the quote.")
    stage_ms_p50: dict[str, float] = Field(description="Median of each stage of `ask` (Answer.timings_ms).")
    ingest: dict = Field(description="The ingest report (added, unchanged, chunks written).")

    def rows(self) -> list[tuple[str, str]]:
        """(metric, value) rows for a human-readable table."""

        def show(value: float | None, percent: bool = True) -> str:
            if value is None:
                return "—"
            return f"{value:.1%}" if percent else f"{value:g}"

        kinds = ", ".join(f"{n} {kind}" for kind, n in self.kinds.items())
        return [
            ("set", self.set),
            ("questions", f"{self.questions} ({kinds})"),
            ("articles", str(self.articles)),
            ("answerer", ("LLM" if self.llm else "no LLM") + " — " + ", ".join(f"{n} {m}" for m, n in self.modes.items())),
            ("accuracy: all", show(self.accuracy.all)),
            ("accuracy: who_said", show(self.accuracy.who_said)),
            ("accuracy: fact", show(self.accuracy.fact)),
            ("accuracy: what_said", show(self.accuracy.what_said)),
            ("answered (answerable questions)", show(self.answered)),
            ("unanswerable: declined", show(self.unanswerable.declined)),
            ("unanswerable: asserted absent answer", str(self.unanswerable.asserted_absent)),
            ("evidence hit@1", show(self.evidence_hit_at_1)),
            ("evidence hit@5", show(self.evidence_hit_at_5)),
            ("citation support", show(self.citation_support)),
            ("citation span gives back quote", show(self.citation_span_ok)),
            ("citations", str(self.citations)),
            (
                "ingest",
                f"{self.ingest_s:.1f} s ({self.ingest.get('added', 0)} added, {self.ingest.get('unchanged', 0)} unchanged"
                + (
                    f", quotes of {self.ingest['quotes_found_again']} found again"
                    if self.ingest.get("quotes_found_again")
                    else ""
                )
                + ")",
            ),
            ("answerable: declined", show(self.declined_answerable)),
            *self.by_evidence_rows(show),
            ("answer words p50 (answerable)", f"{self.answer_words_p50:g}"),
            ("asked as of", "each question's asked_on day" if self.as_of else "today"),
            ("answer ms p50 / p95", f"{self.answer_ms_p50:.0f} / {self.answer_ms_p95:.0f}"),
            ("stages ms p50", ", ".join(f"{k} {v:.0f}" for k, v in self.stage_ms_p50.items())),
        ]

    def by_evidence_rows(self, show: Callable[[float | None], str]) -> list[tuple[str, str]]:
        split = self.fact_by_evidence
        if split is None:
            return []
        return [
            (f"fact: evidence of the {REPORT_DAYS} days before asking", f"{show(split.reported)} of {split.reported_questions}"),
            (
                "fact: older evidence only",
                f"{show(split.background)} of {split.background_questions} ({show(split.background_declined)} declined)",
            ),
        ]


class LLMNotConfigured(BylineError, RuntimeError):
    """--llm was asked for, but no LLM endpoint is configured."""


def eval_settings(use_llm: bool) -> AssistantSettings:
    """Answering settings for an eval run: with the configured LLM, or surely without one
    (an LLM configured in the environment is switched off: the run is extractive and offline)."""
    if not use_llm:
        return AssistantSettings(llm_base_url=None, llm_api_key=None)
    settings = AssistantSettings()
    if not settings.llm_configured:
        raise LLMNotConfigured("--llm asked for, but no LLM is configured: set BYLINE_LLM_BASE_URL (and BYLINE_LLM_MODEL)")
    return settings


# --- the runner ------------------------------------------------------------------------------
def score_question(
    bot: Assistant, question: EvalQuestion, use_as_of: bool = True, published: dict[str, str] | None = None
) -> QuestionResult:
    """Ask one question (as of the day it was asked, unless `use_as_of` is off), retrieve for it, and score the reply.
    `published` (article id → its day) tells whether the evidence reports the asking week."""
    as_of = question.asked_on if use_as_of else None
    started = time.perf_counter()
    answer = bot.ask(question.question, as_of=as_of)
    answer_ms = round((time.perf_counter() - started) * 1000, 2)
    # `ask` does not expose its retrieval; `search` runs the same retriever with the same question and day.
    retrieved = [p.article_id for p in bot.search(question.question, k=SEARCH_DEPTH, as_of=as_of)]
    texts = bot.index.store.article_texts(c.article_id for c in answer.citations)
    citations = [
        CitationResult(
            n=c.n,
            article_id=c.article_id,
            quote=c.quote,
            span=c.span,
            evidence=c.article_id in set(question.evidence),
            span_ok=span_gives_quote(c, texts.get(c.article_id)),
        )
        for c in answer.citations
    ]
    return QuestionResult(
        id=question.id,
        kind=question.kind,
        question=question.question,
        answers=question.answers,
        absent=question.absent,
        evidence=question.evidence,
        reply=answer.text,
        answered=answer.answered,
        mode=answer.mode,
        right=is_right(question, answer),
        asserted_absent=asserts_absent(question, answer),
        evidence_rank=evidence_rank(retrieved, question.evidence),
        retrieved=retrieved[:5],
        citations=citations,
        answer_ms=answer_ms,
        timings_ms=answer.timings_ms,
        as_of=answer.as_of,
        reported=reports_the_week(question, published) if published is not None else None,
        words=len(answer.text.split()),
    )


def reports_the_week(question: EvalQuestion, published: dict[str, str]) -> bool | None:
    """Whether an evidence article is from the REPORT_DAYS before the question's asking day (None: no asking day)."""
    if not question.asked_on:
        return None
    asked = date.fromisoformat(question.asked_on)
    days = [published.get(article_id, "") for article_id in question.evidence]
    return any(day and 0 <= (asked - date.fromisoformat(day)).days <= REPORT_DAYS for day in days)


def summarize(
    set_name: str,
    articles: int,
    results: list[QuestionResult],
    ingest_s: float,
    ingest: dict,
    llm: bool,
    use_as_of: bool = True,
) -> EvalReport:
    """The report's figures from the per-question results."""
    answerable = [r for r in results if r.kind != UNANSWERABLE]
    unanswerable = [r for r in results if r.kind == UNANSWERABLE]
    with_evidence = [r for r in answerable if r.evidence]
    accuracy = {kind: share([r.right for r in results if r.kind == kind]) for kind in KINDS}
    # Citation support is measured where there is evidence to support: answerable questions.
    supported = [c.evidence and c.span_ok for r in with_evidence for c in r.citations]
    all_citations = [c for r in results for c in r.citations]
    stages = sorted({stage for r in results for stage in r.timings_ms})
    kinds: dict[str, int] = {}
    modes: dict[str, int] = {}
    for r in results:
        kinds[r.kind] = kinds.get(r.kind, 0) + 1
        modes[r.mode] = modes.get(r.mode, 0) + 1
    return EvalReport(
        set=set_name,
        questions=len(results),
        articles=articles,
        accuracy=AccuracyByKind(**accuracy, all=share([r.right for r in results]) or 0.0),
        unanswerable=UnanswerableScore(
            declined=share([not r.answered for r in unanswerable]),
            asserted_absent=sum(r.asserted_absent for r in unanswerable),
        ),
        evidence_hit_at_1=share([r.evidence_rank == 1 for r in with_evidence]) or 0.0,
        evidence_hit_at_5=share([r.evidence_rank is not None and r.evidence_rank <= 5 for r in with_evidence]) or 0.0,
        citation_support=share(supported) or 0.0,
        ingest_s=round(ingest_s, 2),
        answer_ms_p50=percentile([r.answer_ms for r in results], 50),
        answer_ms_p95=percentile([r.answer_ms for r in results], 95),
        answer_words_p50=percentile([r.words for r in answerable], 50),
        declined_answerable=share([not r.answered for r in answerable]) or 0.0,
        fact_by_evidence=fact_by_evidence([r for r in answerable if r.kind == "fact"]),
        as_of=use_as_of,
        llm=llm,
        kinds=kinds,
        modes=modes,
        answered=share([r.answered for r in answerable]) or 0.0,
        citations=len(all_citations),
        citation_span_ok=share([c.span_ok for c in all_citations]),
        stage_ms_p50={s: percentile([r.timings_ms[s] for r in results if s in r.timings_ms], 50) for s in stages},
        ingest=ingest,
    )


def fact_by_evidence(facts: list[QuestionResult]) -> FactByEvidence | None:
    """Fact accuracy split by `QuestionResult.reported`; None when no question has an asking day."""
    reported = [r for r in facts if r.reported]
    background = [r for r in facts if r.reported is False]
    if not reported and not background:
        return None
    return FactByEvidence(
        reported=share([r.right for r in reported]),
        reported_questions=len(reported),
        background=share([r.right for r in background]),
        background_questions=len(background),
        background_declined=share([not r.answered for r in background]),
    )


def run_eval(
    bot: Assistant,
    set_dir: Path,
    limit: int | None = None,
    out: Path | None = None,
    llm: bool = False,
    progress: bool = False,
    on_result: Callable[[QuestionResult], None] | None = None,
    use_as_of: bool = True,
    weeks: Iterable[int] | None = None,
) -> EvalReport:
    """Ingest the set's articles into `bot` (a no-op for those already there), ask every question
    (or `limit` of them, evenly spread) as of the day it was asked, write per-question results to
    `out`, and score. `weeks` keeps only the questions of those asking weeks (1 = the set's first
    week of `asked_on` days), so a set can be tuned on some weeks and checked on the others."""
    set_dir = Path(set_dir)
    articles_path, questions_path = set_dir / "articles.jsonl", set_dir / "questions.jsonl"
    for path in (articles_path, questions_path):
        if not path.is_file():
            raise FileNotFoundError(f"{path} is missing: an eval set holds articles.jsonl and questions.jsonl")
    questions = spread_sample(of_weeks(load_questions(questions_path), weeks), limit)
    started = time.perf_counter()
    report = bot.add([articles_path], progress=progress)
    if report.errors:
        raise ValueError(f"{articles_path}: {len(report.errors)} articles could not be ingested: {report.errors[0].reason}")
    ingest = report.model_dump(include={"added", "updated", "unchanged", "duplicates", "chunks_written"})
    log.info("ingest: %s", report.summary())
    # a kept index whose quotes older attribution rules found measures those rules, not these: polnear-dev's who-said
    # figure was taken on a folder whose 924 articles all had older quotes (re-ingesting unchanged articles does nothing)
    if bot.check().older_quotes:
        refound = bot.check(repair=True).quotes_found_again
        log.info("quotes found again by the current attribution rules in %d articles", len(refound))
        ingest["quotes_found_again"] = len(refound)
    ingest_s = time.perf_counter() - started
    published = {article.id: article.published for article in bot.articles()}

    results: list[QuestionResult] = []
    sink = out.open("w", encoding="utf-8") if out else None
    try:
        iterator: Iterable[EvalQuestion] = questions
        if progress:
            from tqdm import tqdm

            iterator = tqdm(questions, unit="question", desc="ask")
        for question in iterator:
            result = score_question(bot, question, use_as_of=use_as_of, published=published)
            results.append(result)
            if sink:
                sink.write(json.dumps(result.model_dump(), ensure_ascii=False) + "\n")
                sink.flush()
            if on_result:
                on_result(result)
    finally:
        if sink:
            sink.close()
    return summarize(set_dir.name, count_lines(articles_path), results, ingest_s, ingest, llm, use_as_of)


def quiz_week(asked_on: str) -> tuple[int, int]:
    """The ISO (year, week) a question was asked in."""
    iso = date.fromisoformat(asked_on).isocalendar()
    return iso.year, iso.week


def of_weeks(questions: list[EvalQuestion], weeks: Iterable[int] | None) -> list[EvalQuestion]:
    """The questions of the given asking weeks (all when None): week N is the Nth calendar week in
    which the set asks questions (a set's stray early question does not shift the count). Questions
    with no asking day (the unanswerable ones) are spread over the weeks by position, so each part
    keeps its share."""
    if weeks is None:
        return questions
    wanted = set(weeks)
    numbered = {week: n for n, week in enumerate(sorted({quiz_week(q.asked_on) for q in questions if q.asked_on}), start=1)}
    if not numbered:
        raise ValueError("this set's questions have no asked_on day: --weeks cannot split them")
    kept = []
    for position, question in enumerate(questions):
        week = numbered[quiz_week(question.asked_on)] if question.asked_on else position % len(numbered) + 1
        if week in wanted:
            kept.append(question)
    return kept
