"""What finding who-said-what costs at ingestion: ingest with attribution vs without, same process.

    python bench/attribution_overhead.py [--articles 60] [--rounds 2]

Both runs ingest the same articles into fresh temp indexes with the same loaded embedder, in
alternating order, so the machine's load hits both alike. Prints the ratio (goal: ≤ 1.5×).
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from common import corpus, write_results  # noqa: E402  (bench/common.py puts the repo on sys.path)

from ingest.attribution import load_nlp
from ingest.embedder import MiniLMEmbedding
from ingest.pipeline import Index, Ingestor
from ingest.settings import IngestSettings


def ingest_seconds(articles, embedding, attribution: bool) -> float:
    with tempfile.TemporaryDirectory() as folder:
        index = Index.open(IngestSettings(data_dir=Path(folder), attribution=attribution), embedding=embedding)
        if attribution:
            index.__dict__["nlp"] = load_nlp()  # loaded once, outside the timing, like a running server
        started = time.perf_counter()
        report = Ingestor(index).ingest_articles(articles)
        assert report.added == len(articles), report
        return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    articles = corpus(args.articles)
    embedding = MiniLMEmbedding()
    embedding.embed(["warm up"])
    without, with_ = [], []
    for round_number in range(args.rounds):
        order = (False, True) if round_number % 2 == 0 else (True, False)
        for attribution in order:
            (with_ if attribution else without).append(ingest_seconds(articles, embedding, attribution))
    best_without, best_with = min(without), min(with_)
    chars = sum(len(a.text) for a in articles)
    print(f"{len(articles)} articles, {chars / 1000:.0f}k chars, best of {args.rounds} rounds each")
    print(f"  ingest without attribution: {best_without:6.1f} s  ({len(articles) / best_without:.1f} articles/s)")
    print(f"  ingest with attribution:    {best_with:6.1f} s  ({len(articles) / best_with:.1f} articles/s)")
    print(f"  ratio: {best_with / best_without:.2f}x  (goal <= 1.5x)")
    write_results(
        "attribution_overhead",
        {
            "articles": len(articles),
            "seconds_without": best_without,
            "seconds_with": best_with,
            "ratio": best_with / best_without,
        },
    )


if __name__ == "__main__":
    main()
