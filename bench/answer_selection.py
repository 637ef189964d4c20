"""Answer selection without an LLM, apart from retrieval: of the fact questions whose right answer
is in a sentence Byline retrieved, how often does the extractive answer hold it?

1. Each fact question of the sets is asked once, as of its `asked_on`, through `Assistant.ask`;
   what the extractive answerer was given (the question as searched, the passages, the articles'
   texts, the recency flag) is recorded, and kept in a pickle (`--cache`) so that later runs skip
   the search (only answer selection is measured then; retrieval is not re-run).
2. For each question: "reachable" when some retrieved sentence mentions a right answer (the
   ceiling of any sentence picker), "right" when the extractive reply does, "declined" when it
   declines. Scoring is `assistant.evaluation.mentions`, the same as `byline eval`.
3. Figures are printed per set and per ISO quiz week group (tune weeks 1–7, held-out weeks 8–13 of
   news24-dev), so a change tuned on some weeks is checked on others.

    python bench/answer_selection.py --data /root/byline-eval/news24 --set news24-dev [--cache F]
"""

from __future__ import annotations

import argparse
import json
import pickle
from pathlib import Path

from common import EVAL_DIR  # noqa: I001
from rich.console import Console
from rich.table import Table

from assistant import Assistant
from assistant.answering.extractive import ExtractiveAnswerer
from assistant.answering.scope import news_day
from assistant.evaluation import EvalQuestion, eval_settings, load_questions, mentions, quiz_week
from ingest.chunking import sentence_spans

console = Console(width=150)


def record_inputs(bot: Assistant, questions: list[EvalQuestion]) -> dict[str, dict]:
    """What the extractive answerer is handed for each question (the who-said path excluded)."""
    recorded: dict[str, dict] = {}
    real_extractive = bot.extractive
    current: dict = {}

    def capture(question, hits, texts, scope):
        if "hits" not in current:
            # the window as its first and last day, as `scope.holds` reads it (a predicate does not pickle)
            window = None
            if scope.reading.window is not None:
                window = (
                    (scope.window.since or "", scope.window.until or str(scope.as_of)) if scope.window else scope.window_dates
                )
            current.update(
                query=question,
                hits=hits,
                texts=texts,
                prefer_recent=scope.reading.recency,
                outcome_verb=scope.outcome_verb,
                window=window,
            )
        return real_extractive(question, hits, texts, scope)

    bot.extractive = capture  # type: ignore[method-assign]
    for q in questions:
        current.clear()
        answer = bot.ask(q.question, as_of=q.asked_on)
        if "hits" in current:
            recorded[q.id] = dict(current, mode=answer.mode)
    return recorded


def replay(answerer: ExtractiveAnswerer, inputs: dict, asked_on: str | None, latest: str):
    """The extractive answer to one recorded question, as `Assistant.ask` would have made it."""
    window = inputs["window"]
    return answerer.answer(
        inputs["query"],
        inputs["hits"],
        inputs["texts"],
        prefer_recent=inputs["prefer_recent"],
        latest_outcome=inputs.get("outcome_verb"),  # caches recorded before it lack it
        in_window=None if window is None else lambda day: bool(day) and window[0] <= day <= window[1],
        news_day=news_day(asked_on, latest),
    )


def reachable(hits, answers: list[str]) -> bool:
    for hit in hits:
        for span in sentence_spans(hit.chunk.text):
            if any(mentions(hit.chunk.text[span.start : span.end], a) for a in answers):
                return True
    return False


def calibration(answerer: ExtractiveAnswerer, asked: list[EvalQuestion], recorded: dict, latest: str) -> Table:
    """Declined shares of answerable and of unanswerable questions at each support threshold."""
    table = Table("min_support", "answerable declined", "unanswerable declined", "fact right")
    for threshold in (0.3, 0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8):
        answerer.min_support = threshold
        declined: dict[str, list[bool]] = {"fact": [], "unanswerable": []}
        right = []
        for q in asked:
            inputs = recorded.get(q.id)
            if inputs is None:
                continue
            answer = replay(answerer, inputs, q.asked_on, latest)
            declined[q.kind].append(not answer.answered)
            if q.kind == "fact":
                right.append(answer.answered and any(mentions(answer.text, a) for a in q.answers))
        table.add_row(
            f"{threshold:.2f}",
            f"{sum(declined['fact']) / max(len(declined['fact']), 1):.3f}",
            f"{sum(declined['unanswerable']) / max(len(declined['unanswerable']), 1):.3f}",
            f"{sum(right) / max(len(right), 1):.3f}",
        )
    return table


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, required=True, help="an ingested data folder for the set")
    parser.add_argument("--set", default="news24-dev")
    parser.add_argument("--cache", type=Path, help="pickle of the recorded inputs (written when missing)")
    parser.add_argument("--top-k", type=int, help="passages retrieved per question (default: the setting's)")
    parser.add_argument("--calibrate", action="store_true", help="decline rates at other support thresholds")
    parser.add_argument("--show", type=int, default=0, help="print this many misses that were reachable")
    args = parser.parse_args()

    asked = [q for q in load_questions(EVAL_DIR / args.set / "questions.jsonl") if q.kind in ("fact", "unanswerable")]
    questions = [q for q in asked if q.kind == "fact"]
    settings = eval_settings(use_llm=False)
    if args.top_k:
        settings = settings.model_copy(update={"top_k": args.top_k})
    bot = Assistant.open(args.data, settings=settings)
    if args.cache and args.cache.exists():
        recorded = pickle.loads(args.cache.read_bytes())
    else:
        recorded = record_inputs(bot, asked)
        if args.cache:
            args.cache.write_bytes(pickle.dumps(recorded))
    answerer = ExtractiveAnswerer(
        bot.retriever.keyword, max_sentences=bot.settings.max_answer_sentences, min_support=bot.settings.min_support
    )
    groups: dict[str, list[dict]] = {}
    misses = []
    for q in questions:
        inputs = recorded.get(q.id)
        if inputs is None:
            continue
        answer = replay(answerer, inputs, q.asked_on, bot.retriever.latest_published)
        row = {
            "reachable": reachable(inputs["hits"], q.answers),
            "right": answer.answered and any(mentions(answer.text, a) for a in q.answers),
            "declined": not answer.answered,
            "words": len(answer.text.split()),
        }
        week = quiz_week(q.asked_on)[1] if q.asked_on else 0
        group = "all" if args.set != "news24-dev" else ("weeks 1-7" if week <= 7 else "weeks 8-13")
        for name in (group, "all") if group != "all" else ("all",):
            groups.setdefault(name, []).append(row)
        if row["reachable"] and not row["right"]:
            misses.append((q, answer, group))
    table = Table("group", "questions", "reachable", "right", "right | reachable", "declined", "words p50")
    for name, rows in sorted(groups.items()):
        n = len(rows)
        reach = [r for r in rows if r["reachable"]]
        words = sorted(r["words"] for r in rows)
        table.add_row(
            name,
            str(n),
            f"{sum(r['reachable'] for r in rows) / n:.3f}",
            f"{sum(r['right'] for r in rows) / n:.3f}",
            f"{sum(r['right'] for r in reach) / max(len(reach), 1):.3f}",
            f"{sum(r['declined'] for r in rows) / n:.3f}",
            str(words[len(words) // 2]),
        )
    console.print(table)
    if args.calibrate:
        console.print(calibration(answerer, asked, recorded, bot.retriever.latest_published))
    for q, answer, group in misses[: args.show]:
        console.print(
            json.dumps({"group": group, "q": q.question, "gold": q.answers, "reply": answer.text[:400]}, ensure_ascii=False)
        )


if __name__ == "__main__":
    main()
