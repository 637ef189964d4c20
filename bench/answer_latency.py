"""Answer latency without an LLM: p50/p95 of `Assistant.ask` at growing index sizes,
unfiltered, with a source filter, with a date filter, and with a time expression in the question
("… in the week before the newest article", asked as of that day: the window is tried first), and
which stage of `ask` the time goes to.

Indexes of 1k/10k/100k articles are built by copying the records (vectors included) of the
ingested realtimeqa-dev index (see common.scaled_index): nothing is re-embedded.

    python bench/answer_latency.py [--sizes 1000,10000] [--questions 30]
"""

from __future__ import annotations

import argparse
import logging
import time
from collections import Counter
from datetime import date, timedelta

from common import Stopwatch, dev_questions, int_list, percentiles, scaled_index, write_results  # noqa: I001
from rich.console import Console
from rich.table import Table

from assistant import Assistant
from assistant.settings import AssistantSettings
from ingest.embedder import MiniLMEmbedding
from ingest.pipeline import Index
from ingest.settings import IngestSettings

console = Console(width=150)


def pick_filters(bot: Assistant) -> dict[str, dict]:
    """A source filter and a date filter that each keep roughly a quarter of the articles."""
    records = list(bot.retriever.articles.values())
    counts = Counter(r.source for r in records)
    source, kept = min(counts.items(), key=lambda item: abs(item[1] / len(records) - 0.25))
    dates = sorted(r.published for r in records if r.published)
    since = dates[int(len(dates) * 0.75)]
    dated = sum(1 for d in dates if d >= since)
    newest = dates[-1]
    week_start = (date.fromisoformat(newest) - timedelta(days=6)).isoformat()
    in_week = sum(1 for d in dates if week_start <= d <= newest)
    return {
        "none": {"filters": {}, "kept": 1.0},
        "source": {"filters": {"sources": [source]}, "kept": round(kept / len(records), 3)},
        "date": {"filters": {"since": since}, "kept": round(dated / len(records), 3)},
        # "this week" asked on the newest article's day: the question's own words name the window
        "time words": {"filters": {"as_of": newest}, "suffix": " this week", "kept": round(in_week / len(records), 3)},
        # "… now?": a recency word, which also searches the 30 days before the asking day (`Assistant.stream`)
        "recency word": {"filters": {"as_of": newest}, "suffix": " now", "kept": 1.0},
    }


def measure(bot: Assistant, questions: list[str], filters: dict) -> dict:
    totals, stages = [], {}
    for question in questions:
        with Stopwatch() as clock:
            answer = bot.ask(question, **filters)
        totals.append(clock.seconds * 1000)
        for stage, ms in answer.timings_ms.items():
            stages.setdefault(stage, []).append(ms)
    return {"ms": percentiles(totals), "stages_p50": {s: percentiles(v)["p50"] for s, v in stages.items()}}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="1000,10000", help="Index sizes in articles (e.g. 1000,10000,100000).")
    parser.add_argument("--questions", type=int, default=30, help="Questions asked per size and filter.")
    parser.add_argument("--rebuild", action="store_true", help="Rebuild the scaled indexes.")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    embedding = MiniLMEmbedding()
    questions = dev_questions()[: args.questions]
    rows = []
    for size in int_list(args.sizes):
        folder, built = scaled_index(size, embedding, rebuild=args.rebuild)  # reports its own build time
        console.print(f"[bold]{size} articles[/bold] ({built['chunks']} chunks; built in {built['build_s']} s, {built['how']})")
        with Stopwatch() as open_clock:
            bot = Assistant(Index.open(IngestSettings(data_dir=folder), embedding=embedding), AssistantSettings())
        console.print(f"  opened in {open_clock.seconds:.1f} s (the first open of an index builds its retrieval cache)")
        for question in questions[:3]:
            bot.ask(question)  # warm caches outside the clock
        variants = pick_filters(bot)
        for name, variant in variants.items():
            asked = [question.rstrip("?") + variant.get("suffix", "") + "?" for question in questions]
            result = measure(bot, asked, variant["filters"])
            rows.append(
                {
                    "articles": size,
                    "chunks": built["chunks"],
                    "filter": name,
                    **variant,
                    **result,
                    "open_s": round(open_clock.seconds, 1),
                }
            )
            console.print(f"  {name}: p50 {result['ms']['p50']} ms, p95 {result['ms']['p95']} ms, stages {result['stages_p50']}")
        del bot

    table = Table(
        "articles",
        "chunks",
        "filter",
        "kept",
        "p50 ms",
        "p95 ms",
        "quotes",
        "embed",
        "retrieve",
        "answer",
        "× unfiltered p50",
        title=f"ask latency without an LLM ({len(questions)} realtimeqa-dev questions; stage p50s in ms)",
    )
    unfiltered = {r["articles"]: r["ms"]["p50"] for r in rows if r["filter"] == "none"}
    for r in rows:
        s = r["stages_p50"]
        table.add_row(
            str(r["articles"]),
            str(r["chunks"]),
            f"{r['filter']} {r['filters'] or ''}",
            f"{r['kept']:.0%}",
            str(r["ms"]["p50"]),
            str(r["ms"]["p95"]),
            str(s.get("quotes")),
            str(s.get("embed")),
            str(s.get("retrieve")),
            str(s.get("answer")),
            f"{r['ms']['p50'] / unfiltered[r['articles']]:.2f}",
        )
    console.print(table)
    path = write_results("answer_latency", {"rows": rows, "questions": len(questions), "started": time.time()})
    console.print(f"written: {path}")


if __name__ == "__main__":
    main()
