"""What the benchmarks share: corpora made from the dev eval sets, timing helpers, result files."""

from __future__ import annotations

import json
import os
import platform
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from ingest.article import Article  # noqa: E402

EVAL_DIR = Path(os.environ.get("BYLINE_EVAL_DIR", REPO.parent / "shared" / "data" / "eval"))
DEV_SETS = ("realtimeqa-dev", "polnear-dev")
RESULTS = REPO / "bench" / "results"
SCRATCH = Path(os.environ.get("BYLINE_BENCH_DIR", "/tmp/byline-bench"))


def dev_articles() -> list[dict]:
    """The articles of the dev sets, as JSON records, interleaved so any prefix mixes outlets."""
    per_set = []
    for name in DEV_SETS:
        with (EVAL_DIR / name / "articles.jsonl").open(encoding="utf-8") as lines:
            per_set.append([json.loads(line) for line in lines if line.strip()])
    mixed: list[dict] = []
    for i in range(max(len(s) for s in per_set)):
        mixed.extend(s[i] for s in per_set if i < len(s))
    return mixed


def corpus(size: int) -> list[Article]:
    """`size` articles: the dev sets, repeated with new ids and a marker sentence, so that content
    dedup (by hash) does not skip the copies and every copy is really chunked and embedded."""
    base = dev_articles()
    articles = []
    for n in range(size):
        record = dict(base[n % len(base)])
        copy = n // len(base)
        if copy:
            record["id"] = f"{record['id']}~{copy}"
            record["text"] = f"{record['text']}\n\n(Reprint {copy}.)"
            record["url"] = f"{record['url']}?copy={copy}" if record.get("url") else ""
        articles.append(Article(**record))
    return articles


def dev_questions(name: str = "realtimeqa-dev") -> list[str]:
    with (EVAL_DIR / name / "questions.jsonl").open(encoding="utf-8") as lines:
        return [json.loads(line)["question"] for line in lines if line.strip()]


def percentiles(values_ms: list[float]) -> dict[str, float]:
    array = np.asarray(values_ms, dtype=float)
    return {
        "p50": round(float(np.percentile(array, 50)), 1),
        "p95": round(float(np.percentile(array, 95)), 1),
        "mean": round(float(array.mean()), 1),
    }


class Stopwatch:
    """Wall seconds, and CPU seconds of this process (all threads): on cores shared with other work
    the CPU time is the steadier figure to compare two ways of doing the same work."""

    def __enter__(self) -> Stopwatch:
        self.started = time.perf_counter()
        self.cpu_started = time.process_time()
        return self

    def __exit__(self, *exc) -> None:
        self.seconds = time.perf_counter() - self.started
        self.cpu_seconds = time.process_time() - self.cpu_started


def machine() -> dict:
    return {
        "cpus": os.cpu_count(),
        "platform": platform.platform(),
        "python": platform.python_version(),
        "load_average_1m": round(os.getloadavg()[0], 2),  # other work sharing the cores skews figures
    }


def stop_process(process: subprocess.Popen, timeout: float = 20) -> None:
    """Stop a server the bench started: terminate, and kill it if it has not ended in `timeout` seconds."""
    process.terminate()
    try:
        process.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        process.kill()


def write_results(name: str, payload: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    payload = {"benchmark": name, "when": time.strftime("%Y-%m-%d %H:%M:%S"), "machine": machine(), **payload}
    path.write_text(json.dumps(payload, indent=2))
    return path


def int_list(text: str) -> list[int]:
    return [int(part.replace("_", "").replace("k", "000")) for part in text.split(",") if part.strip()]


def batched(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


BASE_INDEX = Path(os.environ.get("BYLINE_BENCH_BASE", "/tmp/eval-rtqa"))
COPY_BATCH = 4000  # records per Chroma add (under its max batch size)


def read_all(collection) -> dict[str, list]:
    """Every record of a Chroma collection, with its vector."""
    found: dict[str, list] = {"ids": [], "documents": [], "metadatas": [], "embeddings": []}
    offset = 0
    while True:
        page = collection.get(include=["documents", "metadatas", "embeddings"], limit=1000, offset=offset)
        if not len(page["ids"]):
            return found
        for key in found:
            found[key].extend(page[key])
        offset += len(page["ids"])


def scaled_index(size: int, embedding=None, base_dir: Path = BASE_INDEX, rebuild: bool = False) -> tuple[Path, dict]:
    """An index of `size` articles in SCRATCH/scaled-<size>, built without embedding anything:
    the chunk and article records of an ingested base index (the realtimeqa-dev set, ingested by
    `byline ingest` or `byline eval --data`) are copied with new article and chunk ids, vectors
    and all, straight into fresh Chroma collections (the collection API, the same schema as
    ingest.store). Copies keep title, source, date and content hash, so retrieval sees `size`
    distinct articles with realistic duplication. Returns the folder and how it was built."""
    from ingest.pipeline import Index
    from ingest.settings import IngestSettings
    from ingest.store import chunk_id

    folder = SCRATCH / f"scaled-{size}"
    marker = folder / "built.json"
    if marker.exists() and not rebuild:
        return folder, json.loads(marker.read_text())
    if not (base_dir / "chroma").exists():
        raise FileNotFoundError(
            f"no base index in {base_dir}: run `byline ingest {EVAL_DIR / 'realtimeqa-dev' / 'articles.jsonl'} --data {base_dir}` first"
        )
    import shutil

    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    base = Index.open(IngestSettings(data_dir=base_dir), embedding=embedding)
    chunks, articles = read_all(base.store.chunks), read_all(base.store.articles)
    chunks_of: dict[str, list[int]] = {}
    for row, metadata in enumerate(chunks["metadatas"]):
        chunks_of.setdefault(metadata["article_id"], []).append(row)
    target = Index.open(IngestSettings(data_dir=folder), embedding=embedding)
    pending_chunks: dict[str, list] = {"ids": [], "documents": [], "metadatas": [], "embeddings": []}
    pending_articles: dict[str, list] = {"ids": [], "documents": [], "metadatas": [], "embeddings": []}

    def flush(collection, pending: dict[str, list], at_least: int) -> None:
        if len(pending["ids"]) >= at_least and pending["ids"]:
            collection.add(**pending)
            for key in pending:
                pending[key] = []

    written_chunks = 0
    for n in range(size):
        row = n % len(articles["ids"])
        copy = n // len(articles["ids"])
        article_id = articles["ids"][row] if copy == 0 else f"{articles['ids'][row]}~{copy}"
        metadata = articles["metadatas"][row]
        for chunk_row in chunks_of.get(articles["ids"][row], []):
            chunk_meta = {**chunks["metadatas"][chunk_row], "article_id": article_id}
            pending_chunks["ids"].append(chunk_id(article_id, chunk_meta["content_hash"], chunk_meta["index"]))
            pending_chunks["documents"].append(chunks["documents"][chunk_row])
            pending_chunks["metadatas"].append(chunk_meta)
            pending_chunks["embeddings"].append(chunks["embeddings"][chunk_row])
            written_chunks += 1
        flush(target.store.chunks, pending_chunks, COPY_BATCH)
        pending_articles["ids"].append(article_id)
        pending_articles["documents"].append(articles["documents"][row])
        pending_articles["metadatas"].append(metadata)
        pending_articles["embeddings"].append(articles["embeddings"][row])
        flush(target.store.articles, pending_articles, COPY_BATCH)
    flush(target.store.chunks, pending_chunks, 1)
    flush(target.store.articles, pending_articles, 1)
    built = {
        "articles": size,
        "chunks": written_chunks,
        "base": str(base_dir),
        "base_articles": len(articles["ids"]),
        "how": "records of the ingested base index copied with new ids, precomputed vectors written through the Chroma collection API",
        "build_s": round(time.perf_counter() - started, 1),
    }
    marker.write_text(json.dumps(built))
    return folder, built
