"""Peak memory (RSS) of a process serving an index of 10k and 100k articles.

Each size runs in fresh child processes that open the Assistant on the index, as `byline serve`
does at start, and answer a few questions; each child reports its own peak RSS (getrusage
ru_maxrss) and where it stood after opening. The first child opens without a retrieval cache (it
reads every chunk back from Chroma and builds the cache), the second with the cache current.
Indexes are the copies built by common.scaled_index (shared with answer_latency.py).

    python bench/memory.py [--sizes 10000,100000]
"""

from __future__ import annotations

import argparse
import json
import logging
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

from common import Stopwatch, dev_questions, int_list, scaled_index, write_results  # noqa: I001
from rich.console import Console
from rich.table import Table

console = Console(width=150)


def rss_mb() -> float:
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def child(folder: Path) -> None:
    """Runs in the measured process: open, answer, print figures as JSON."""
    from assistant import Assistant

    baseline = rss_mb()
    with Stopwatch() as clock:
        bot = Assistant.open(folder)
    opened = rss_mb()
    for question in dev_questions()[:5]:
        bot.ask(question)
    print(json.dumps({"imports_mb": baseline, "after_open_mb": opened, "peak_mb": rss_mb(), "open_s": round(clock.seconds, 1)}))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000", help="Index sizes in articles (e.g. 10000,100000).")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    if args.child:
        child(args.child)
        return
    rows = []
    for size in int_list(args.sizes):
        folder, built = scaled_index(size)
        shutil.rmtree(folder / "retrieval", ignore_errors=True)
        for cache in ("none (built)", "current"):
            completed = subprocess.run(
                [sys.executable, __file__, "--child", str(folder)], capture_output=True, text=True, check=True
            )
            figures = json.loads(completed.stdout.strip().splitlines()[-1])
            rows.append({"articles": size, "chunks": built["chunks"], "cache": cache, **figures})
            console.print(rows[-1])
    table = Table(
        "articles",
        "chunks",
        "retrieval cache at open",
        "RSS after imports MB",
        "RSS after open MB",
        "peak RSS MB",
        "open s",
        title="Memory of a process holding the index (opened + 5 questions)",
    )
    for r in rows:
        table.add_row(*(str(r[k]) for k in ("articles", "chunks", "cache", "imports_mb", "after_open_mb", "peak_mb", "open_s")))
    console.print(table)
    path = write_results("memory", {"rows": rows, "started": time.time()})
    console.print(f"written: {path}")


if __name__ == "__main__":
    main()
