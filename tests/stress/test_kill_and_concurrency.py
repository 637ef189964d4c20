"""The index survives `kill -9` at any point of an ingest, and ingests running at once.

After every round: every listed article has all its chunks, nothing else is stored, every article
is found by a sentence of its own text, and the index equals a clean ingest of the same files
(same ids, content hashes and chunk counts; nothing lost, nothing twice).
"""

from __future__ import annotations

import json
import random
import signal
import subprocess
import threading
import time
from collections import Counter
from pathlib import Path

import pytest

from ingest.article import Article
from ingest.pipeline import Index, Ingestor
from ingest.settings import IngestSettings
from tests.stress.index_checks import (
    IndexContents,
    found_by_byline_search,
    inspect_in_subprocess,
    make_articles,
    read_contents,
    start_ingest,
    write_article_files,
)

pytestmark = pytest.mark.stress

KILLS = 20
CONCURRENT_ROUNDS = 10


def finish(run: subprocess.Popen) -> str:
    out, err = run.communicate(timeout=300)
    assert run.returncode == 0, f"exit {run.returncode}: {err[-3000:]}"
    return out


def post(ingestor: Ingestor, article: Article, delay: float, failures: list[BaseException]) -> None:
    """A one-article request, as the HTTP API's POST /api/articles runs it on its thread."""
    time.sleep(delay)
    try:
        ingestor.ingest_articles([article])
    except BaseException as error:  # reported by the test's assertion
        failures.append(error)


def clean_ingest(embedding, data: Path, folders: list[Path], articles: list[Article] | None = None) -> IndexContents:
    """The index a single, uninterrupted ingest of the same files (and articles) makes."""
    index = Index.open(IngestSettings(data_dir=data), embedding=embedding)
    ingestor = Ingestor(index)
    ingestor.ingest(folders)
    if articles:
        ingestor.ingest_articles(list(articles))
    return read_contents(index.store)


def assert_whole_and_equal(data: Path, clean: IndexContents, round_name: str) -> None:
    """The round's check, made by a fresh process as a user's next command would be."""
    contents, unfindable = inspect_in_subprocess(data)
    assert contents.whole, f"{round_name}: {contents}"
    assert contents.articles == clean.articles, f"{round_name}: differs from a clean ingest"
    assert unfindable == [], f"{round_name}: not found by their own sentence: {unfindable}"


def edit_some(articles: list[Article], count: int, round_number: int, rng: random.Random) -> list[Article]:
    """A new version of `count` articles, so that the next ingest has writes to do (and to cut short)."""
    edited = list(articles)
    for position in rng.sample(range(len(articles)), count):
        article = articles[position]
        extra = f" In round {round_number} the council of {article.title.split()[0]} met again about it."
        edited[position] = article.model_copy(update={"text": article.text + extra})
    return edited


def timed_ingest(paths: list[Path], data: Path) -> float:
    started = time.monotonic()
    finish(start_ingest(paths, data))
    return time.monotonic() - started


def test_kill_9_at_random_points_of_an_ingest_loses_nothing(embedding, tmp_path):
    rng = random.Random(11)
    corpus = tmp_path / "corpus"
    articles = make_articles(30, seed=12, prefix="k")
    data = tmp_path / "data-0"
    write_article_files(corpus, articles)
    # How long the two kinds of run take, to aim the kills: a first ingest, and one that updates
    # a third of the articles (most rounds). The writes come last, after start-up and embedding.
    first_seconds = timed_ingest([corpus], data)
    articles = edit_some(articles, 10, 0, rng)
    write_article_files(corpus, articles)
    update_seconds = timed_ingest([corpus], data)
    killed_after: list[float] = []  # seconds into the run, for the kills that hit a running ingest
    landed: Counter[str] = Counter()  # where those kills landed, judged by what the re-ingest had left to do
    for round_number in range(1, KILLS + 1):
        fresh = round_number % 5 == 0
        if fresh:
            data = tmp_path / f"data-{round_number}"  # kills while the index is created, too
        articles = edit_some(articles, 10, round_number, rng)
        write_article_files(corpus, articles)
        run = start_ingest([corpus], data)
        delay = rng.uniform(0.4, 1.0) * (first_seconds if fresh else update_seconds)
        time.sleep(delay)
        killed = run.poll() is None
        if killed:
            run.send_signal(signal.SIGKILL)
            killed_after.append(round(delay, 1))
        run.communicate(timeout=60)
        in_a_group_write = (data / "ingest-journal.json").exists()
        redone = json.loads(finish(start_ingest([corpus], data)))  # the normal re-ingest after the crash
        if killed:
            to_write, left = (30 if fresh else 10), redone["added"] + redone["updated"]
            landed[
                "before the first commit" if left == to_write else "after the last commit" if left == 0 else "between commits"
            ] += 1
            landed["inside a group's write (journal left)"] += in_a_group_write

        clean = clean_ingest(embedding, tmp_path / f"clean-{round_number}", [corpus])
        assert set(clean.articles) == {a.id for a in articles}
        assert_whole_and_equal(data, clean, f"kill {round_number}")
        probe = rng.choice(articles)
        assert found_by_byline_search(data, probe.id, probe.text), f"kill {round_number}: byline search missed {probe.id}"
    print(
        f"\nkill -9: {len(killed_after)} of {KILLS} kills hit a running ingest, after {sorted(killed_after)} s "
        f"(a first ingest took {first_seconds:.1f} s, an update of 10 articles {update_seconds:.1f} s); landed: {dict(landed)}"
    )
    assert len(killed_after) >= KILLS // 2, "most kills came after the ingest had finished: aim them earlier"


def test_concurrent_ingests_of_processes_and_threads_lose_nothing(embedding, tmp_path):
    rng = random.Random(21)
    corpus = tmp_path / "corpus"
    articles = make_articles(36, seed=22, prefix="r")
    parts = [corpus / "north", corpus / "middle", corpus / "south"]
    data = tmp_path / "data"
    index = Index.open(IngestSettings(data_dir=data), embedding=embedding)  # the threads' writer, as a server's
    ingestor = Ingestor(index)
    posted: list[Article] = []
    processes = 0
    by_processes: Counter[str] = Counter()  # what the CLI runs report: added, updated, unchanged
    for round_number in range(1, CONCURRENT_ROUNDS + 1):
        if round_number > 1:
            articles = edit_some(articles, 12, round_number, rng)
        for part, start in zip(parts, range(0, len(articles), 12)):
            write_article_files(part, articles[start : start + 12])
        new_posts = make_articles(6, seed=100 + round_number, prefix=f"post{round_number}-")
        posted += new_posts
        # 2 or 3 processes on overlapping folders, and one-article ingests on threads, all at once
        folder_sets = [[parts[0], parts[1]], [parts[1], parts[2]], [parts[2], parts[0]]][: rng.choice([2, 3])]
        failures: list[BaseException] = []
        threads = [threading.Thread(target=post, args=(ingestor, a, rng.uniform(0, 4), failures)) for a in new_posts]
        runs = [start_ingest(folders, data) for folders in folder_sets]
        for thread in threads:
            thread.start()
        for run in runs:
            report = json.loads(finish(run))
            by_processes.update({key: report[key] for key in ("added", "updated", "unchanged", "duplicates")})
        processes += len(runs)
        for thread in threads:
            thread.join(timeout=300)
        assert not failures, failures

        clean = clean_ingest(embedding, tmp_path / f"clean-{round_number}", parts, posted)
        assert len(clean.articles) == len(articles) + len(posted)
        assert_whole_and_equal(data, clean, f"round {round_number}")
        assert read_contents(index.store).articles == clean.articles
        probe = rng.choice(articles)
        assert found_by_byline_search(data, probe.id, probe.text), f"round {round_number}: byline search missed {probe.id}"
    print(
        f"\nconcurrent: {CONCURRENT_ROUNDS} rounds, {processes} CLI ingests and {len(posted)} one-article thread ingests; "
        f"the CLI runs reported {dict(by_processes)}; {len(articles) + len(posted)} articles at the end, all whole"
    )
