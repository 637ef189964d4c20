"""Ingests running at once (threads of one server, or several processes) lose nothing: every
listed article has its chunks and is found, and the index equals a clean single ingest."""

from __future__ import annotations

import json
import random
import threading
import time
from pathlib import Path

import pytest

from ingest.pipeline import Index, Ingestor
from ingest.settings import IngestSettings
from ingest.store import chunk_id
from tests.stress.index_checks import key_sentence, make_articles, read_contents, start_ingest, write_article_files

pytestmark = pytest.mark.slow


def open_index(data_dir: Path, embedding) -> Index:
    return Index.open(IngestSettings(data_dir=data_dir), embedding=embedding)


def unfindable(index: Index, texts: dict[str, str], k: int = 3) -> list[str]:
    """Articles whose key sentence does not bring one of their chunks into the nearest k."""
    ids = list(texts)
    vectors = index.embed([key_sentence(texts[a]) for a in ids])
    return [a for a, vector in zip(ids, vectors) if a not in {c.article_id for c, _ in index.store.query_chunks(vector, k)}]


def test_threads_ingesting_at_once_lose_no_article(embedding, tmp_path):
    """As the HTTP API does: one big POST and many one-article POSTs, each on its own thread,
    all through the same Ingestor; the small ones start while the big one is writing."""
    index = open_index(tmp_path / "data", embedding)
    ingestor = Ingestor(index)
    batch = make_articles(40, seed=1, prefix="batch")
    singles = make_articles(30, seed=2, prefix="single")
    failures: list[BaseException] = []
    rng = random.Random(3)

    def ingest(articles, delay: float) -> None:
        time.sleep(delay)
        try:
            ingestor.ingest_articles(articles)
        except BaseException as error:  # collected and re-raised by the test below
            failures.append(error)

    threads = [threading.Thread(target=ingest, args=(batch, 0.0))]
    threads += [threading.Thread(target=ingest, args=([article], rng.uniform(0.0, 2.0))) for article in singles]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not failures, failures

    contents = read_contents(index.store)
    every = {a.id: a for a in batch + singles}
    assert set(contents.articles) == set(every)
    assert contents.whole, contents
    assert {a: h for a, (h, _) in contents.articles.items()} == {a.id: a.content_hash for a in every.values()}
    assert unfindable(index, {a.id: a.text for a in every.values()}) == []


# a long check (see tests/conftest.py, LONG_CHECKS): `make stress` runs it, `make test` leaves it out for time
@pytest.mark.stress
def test_two_processes_on_overlapping_folders_equal_one_clean_ingest(embedding, tmp_path):
    """Two `byline ingest` processes, started together on folders that share a part, leave the
    index a single ingest of the same files would: same articles, hashes and chunks, no extras."""
    corpus = tmp_path / "corpus"
    articles = make_articles(45, seed=4, prefix="p")
    write_article_files(corpus / "first", articles[:15])
    write_article_files(corpus / "shared", articles[15:30])
    write_article_files(corpus / "last", articles[30:])
    data = tmp_path / "data"
    folders = [[corpus / "first", corpus / "shared"], [corpus / "shared", corpus / "last"]]
    runs = [start_ingest(paths, data) for paths in folders]
    reports = []
    for run in runs:
        out, err = run.communicate(timeout=300)
        assert run.returncode == 0, err
        reports.append(json.loads(out))
    assert sum(r["added"] for r in reports) == 45  # the shared part is added once, by whichever came first
    assert sum(r["unchanged"] for r in reports) == 15

    clean_data = tmp_path / "clean"
    clean_index = open_index(clean_data, embedding)
    Ingestor(clean_index).ingest([corpus])
    clean = read_contents(clean_index.store)
    index = open_index(data, embedding)
    concurrent = read_contents(index.store)
    assert concurrent.whole and clean.whole, (concurrent, clean)
    assert concurrent.articles == clean.articles
    assert index.store.count_chunks() == clean_index.store.count_chunks()
    texts = index.store.article_texts(concurrent.articles)
    assert unfindable(index, texts) == []


def test_byline_check_finds_a_deleted_chunk_and_repair_restores_it(embedding, tmp_path):
    from typer.testing import CliRunner

    from ui.cli import app

    data = tmp_path / "data"
    index = open_index(data, embedding)
    articles = make_articles(6, seed=5, prefix="c")
    Ingestor(index).ingest_articles(articles)
    damaged = articles[0]  # long enough for two chunks (see make_articles)
    contents_before = read_contents(index.store).articles
    (_, chunks) = contents_before[damaged.id]
    assert chunks >= 2
    lost_id = chunk_id(damaged.id, damaged.content_hash, 1)
    lost_text = index.store.chunks_by_id([lost_id])[0].text
    index.store.chunks.delete(ids=[lost_id])
    # and what a write cut short leaves: chunks of an article never committed
    index.store.chunks.upsert(
        ids=["ghost:0123456789ab:0"],
        embeddings=[[0.1] * 384],
        metadatas=[{"article_id": "ghost", "content_hash": "0123456789ab", "index": 0}],
        documents=["never committed"],
    )
    runner = CliRunner()

    found = runner.invoke(app, ["check", "--data", str(data), "--json"])
    assert found.exit_code == 1, found.output
    report = json.loads(found.output)
    assert report["incomplete"] == [{"id": damaged.id, "expected": chunks, "found": chunks - 1}]
    assert report["orphan_chunks"] == ["ghost:0123456789ab:0"]

    repaired = runner.invoke(app, ["check", "--repair", "--data", str(data)])
    assert repaired.exit_code == 0, repaired.output
    assert (
        repaired.output
        == f"check: 6 articles, {sum(c for _, c in contents_before.values())} chunks: whole (repaired 1 article, removed 1 orphan chunk)\n"
    )
    contents = read_contents(index.store)
    assert contents.whole and contents.articles[damaged.id] == (damaged.content_hash, chunks)
    assert index.store.chunks_by_id([lost_id])[0].text == lost_text
    assert unfindable(index, {damaged.id: damaged.text}) == []
    assert runner.invoke(app, ["check", "--data", str(data)]).exit_code == 0


def hold_the_lock(lock_file: Path, seconds: float):
    """Another process holding the index's write lock for `seconds` (a reader opening the index, or a writer)."""
    import subprocess
    import sys

    script = (
        "import sys, time; from filelock import FileLock\n"
        "lock = FileLock(sys.argv[1]); lock.acquire(); print('held', flush=True); time.sleep(float(sys.argv[2]))"
    )
    holder = subprocess.Popen([sys.executable, "-c", script, str(lock_file), str(seconds)], stdout=subprocess.PIPE, text=True)
    assert holder.stdout.readline().strip() == "held"
    return holder


def test_a_short_wait_for_the_lock_says_nothing_a_long_one_says_why(tmp_path, caplog, monkeypatch):
    # two `byline ask` at once: each opened the index under the lock, and the second warned that
    # "another process is writing to the index", though both only read
    import ingest.store
    from ingest.store import WriteLock

    lock_file = tmp_path / "write.lock"
    monkeypatch.setattr(ingest.store, "QUIET_WAIT_S", 1.5)
    holder = hold_the_lock(lock_file, 0.3)
    with caplog.at_level("INFO", logger="ingest.store"), WriteLock(lock_file):
        pass
    holder.wait()
    assert "another process is writing" not in caplog.text

    holder = hold_the_lock(lock_file, 3.0)
    with caplog.at_level("INFO", logger="ingest.store"), WriteLock(lock_file):
        pass
    holder.wait()
    assert "another process is writing to the index" in caplog.text
