"""Ingest throughput: Byline vs the embedder alone (the floor) vs plain llama-index.

For each corpus size, in one process with one warm embedder:
  1. Byline: `Assistant.add_articles` into a fresh embedded Chroma, as `byline ingest` does it:
     chunk, embed, find quotes, write, and bring the retrieval cache up to date (searchable on return);
  2. the floor: the same texts Byline embedded (title + chunk, per chunk), in one `embed` call;
  3. plain llama-index: `VectorStoreIndex.from_documents` with the same embedder, SentenceSplitter
     (chunk_size=200 MiniLM word pieces, the same tokenizer) into a ChromaVectorStore.
Then a sweep of embedder settings (batch size × onnxruntime intra-op threads) on a fixed sample.

    python bench/ingest_throughput.py [--sizes 100,300] [--sweep-texts 400] [--no-sweep]
"""

from __future__ import annotations

import argparse
import logging
import shutil
import time

from common import SCRATCH, Stopwatch, corpus, int_list, write_results  # noqa: I001
from rich.console import Console
from rich.table import Table

from ingest.chunking import chunk_article
from ingest.embedder import MAX_TOKENS, MiniLMEmbedding, load_tokenizer
from ingest.pipeline import Index, short_title
from ingest.settings import IngestSettings

console = Console(width=150)


def byline_texts(articles, settings: IngestSettings, tokenizer) -> list[str]:
    """Exactly what Byline embeds for these articles: title + chunk, per chunk."""
    texts = []
    for article in articles:
        title = short_title(article.title, tokenizer, MAX_TOKENS - 2 - settings.chunk_tokens)
        chunks = chunk_article(article.text, tokenizer, settings.chunk_tokens, settings.chunk_overlap_sentences)
        texts.extend(f"{title}\n{c.text}" for c in chunks)
    return texts


def run_byline(articles, embedding, folder) -> dict:
    from assistant import Assistant

    settings = IngestSettings(data_dir=folder)
    index = Index.open(settings, embedding=embedding)
    bot = Assistant(index)
    with Stopwatch() as clock:
        report = bot.add_articles(articles)
    assert report.added == len(articles), report.summary()
    return {"seconds": clock.seconds, "cpu": clock.cpu_seconds, "chunks": report.chunks_written, "index": index}


def run_floor(articles, embedding, index) -> dict:
    """The embedder alone on the same texts, the faster of Byline's setting and spinning
    onnxruntime threads (faster alone, though it starves the work beside it in an ingest)."""
    texts = byline_texts(articles, index.settings, index.tokenizer)
    spinning = MiniLMEmbedding(spinning=True)
    spinning.embed(texts[:8])  # load the session outside the clock
    runs = []
    for embedder in (embedding, spinning):
        with Stopwatch() as clock:
            embedder.embed(texts)
        runs.append({"seconds": clock.seconds, "cpu": clock.cpu_seconds, "texts": len(texts), "spinning": embedder.spinning})
    console.print(f"  embedder alone: {runs[0]['seconds']:.1f} s (threads sleep), {runs[1]['seconds']:.1f} s (threads spin)")
    fastest = min(runs, key=lambda run: run["seconds"])
    # each ratio against the embedder's best: least wall time, and least CPU time
    return {**fastest, "cpu": min(run["cpu"] for run in runs)}


def run_llama_index(articles, embedding, folder) -> dict:
    import chromadb
    from chromadb.config import Settings
    from llama_index.core import Document, StorageContext, VectorStoreIndex
    from llama_index.core.node_parser import SentenceSplitter
    from llama_index.vector_stores.chroma import ChromaVectorStore

    tokenizer = load_tokenizer()
    tokenizer.no_truncation()
    splitter = SentenceSplitter(
        chunk_size=200, chunk_overlap=20, tokenizer=lambda text: tokenizer.encode(text, add_special_tokens=False).ids
    )
    client = chromadb.PersistentClient(path=str(folder / "chroma"), settings=Settings(anonymized_telemetry=False))
    collection = client.get_or_create_collection("plain", embedding_function=None)
    storage = StorageContext.from_defaults(vector_store=ChromaVectorStore(chroma_collection=collection))
    documents = [
        Document(text=a.text, doc_id=a.id, metadata={"title": a.title, "source": a.source, "published": a.published})
        for a in articles
    ]
    with Stopwatch() as clock:
        VectorStoreIndex.from_documents(documents, storage_context=storage, embed_model=embedding, transformations=[splitter])
    return {"seconds": clock.seconds, "cpu": clock.cpu_seconds, "chunks": collection.count()}


def sweep(texts: list[str], batch_sizes: list[int], threads: list[int]) -> list[dict]:
    """Embed the same texts with each setting; also how much of each batch is padding."""
    rows = []
    tokenizer = load_tokenizer()
    with Stopwatch() as tokenize_clock:
        lengths = [len(e.ids) for e in tokenizer.encode_batch(texts)]
    for thread_count in threads:
        for batch_size in batch_sizes:
            embedding = MiniLMEmbedding(embed_batch_size=batch_size, threads=thread_count)
            embedding.embed(texts[:8])  # load the session outside the clock
            with Stopwatch() as clock:
                embedding.embed(texts)
            cpu = clock.cpu_seconds
            ordered = sorted(lengths)
            padded = sum(
                max(ordered[i : i + batch_size]) * len(ordered[i : i + batch_size]) for i in range(0, len(ordered), batch_size)
            )
            rows.append(
                {
                    "batch_size": batch_size,
                    "threads": thread_count,
                    "seconds": round(clock.seconds, 2),
                    "texts_per_s": round(len(texts) / clock.seconds, 1),
                    "padding_share": round(1 - sum(lengths) / padded, 4),
                    "cpu_seconds": round(cpu, 2),
                }
            )
            console.print(f"  sweep batch={batch_size} threads={thread_count}: {rows[-1]['texts_per_s']} texts/s")
    return rows + [{"tokenize_seconds": round(tokenize_clock.seconds, 3), "texts": len(texts)}]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="100,300", help="Corpus sizes in articles (e.g. 100,1000,10000).")
    parser.add_argument("--no-llama-index", action="store_true", help="Skip the plain llama-index baseline.")
    parser.add_argument("--no-sweep", action="store_true", help="Skip the embedder settings sweep.")
    parser.add_argument("--sweep-texts", type=int, default=400, help="Texts embedded per sweep setting.")
    parser.add_argument("--sweep-batches", default="8,16,32,64,128")
    parser.add_argument("--sweep-threads", default="1,2")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)

    embedding = MiniLMEmbedding()  # the defaults Byline ships with (BYLINE_* env ignored on purpose)
    embedding.embed(["warm up"])
    results = []
    for size in int_list(args.sizes):
        articles = corpus(size)
        folder = SCRATCH / f"ingest-{size}"
        shutil.rmtree(folder, ignore_errors=True)
        console.print(f"[bold]{size} articles[/bold]: Byline ingest…")
        byline = run_byline(articles, embedding, folder / "byline")
        console.print(f"  {byline['seconds']:.1f} s, {byline['chunks']} chunks; the embedder alone…")
        floor = run_floor(articles, embedding, byline.pop("index"))
        console.print(f"  {floor['seconds']:.1f} s for {floor['texts']} texts")
        row = {
            "articles": size,
            "chunks": byline["chunks"],
            "byline_s": round(byline["seconds"], 2),
            "articles_per_s": round(size / byline["seconds"], 2),
            "chunks_per_s": round(byline["chunks"] / byline["seconds"], 1),
            "embed_only_s": round(floor["seconds"], 2),
            "embed_only_spinning": floor["spinning"],
            "ratio_to_embedding": round(byline["seconds"] / floor["seconds"], 3),
            "byline_cpu_s": round(byline["cpu"], 2),
            "embed_only_cpu_s": round(floor["cpu"], 2),
            "cpu_ratio_to_embedding": round(byline["cpu"] / floor["cpu"], 3),
        }
        if not args.no_llama_index:
            console.print("  plain llama-index…")
            plain = run_llama_index(articles, embedding, folder / "llama-index")
            row |= {
                "llama_index_s": round(plain["seconds"], 2),
                "llama_index_chunks": plain["chunks"],
                "llama_index_articles_per_s": round(size / plain["seconds"], 2),
                "speedup_vs_llama_index": round(plain["seconds"] / byline["seconds"], 3),
                "llama_index_cpu_s": round(plain["cpu"], 2),
                "cpu_speedup_vs_llama_index": round(plain["cpu"] / byline["cpu"], 3),
            }
        results.append(row)
        shutil.rmtree(folder, ignore_errors=True)

    table = Table(
        "articles",
        "chunks",
        "Byline s",
        "articles/s",
        "chunks/s",
        "embed-only s",
        "× embed",
        "llama-index s",
        "speedup vs li",
        "× embed (CPU s)",
        "speedup vs li (CPU s)",
        title="Ingest throughput (one warm embedder; default settings)",
    )
    for r in results:
        table.add_row(
            *(
                str(r.get(k, "—"))
                for k in (
                    "articles",
                    "chunks",
                    "byline_s",
                    "articles_per_s",
                    "chunks_per_s",
                    "embed_only_s",
                    "ratio_to_embedding",
                    "llama_index_s",
                    "speedup_vs_llama_index",
                    "cpu_ratio_to_embedding",
                    "cpu_speedup_vs_llama_index",
                )
            )
        )
    console.print(table)

    sweep_rows: list[dict] = []
    if not args.no_sweep:
        articles = corpus(60)
        index_tokenizer = load_tokenizer()
        index_tokenizer.no_truncation()
        texts = byline_texts(articles, IngestSettings(data_dir=SCRATCH / "unused"), index_tokenizer)[: args.sweep_texts]
        console.print(f"[bold]embedder sweep[/bold] on {len(texts)} Byline chunk texts…")
        sweep_rows = sweep(texts, int_list(args.sweep_batches), int_list(args.sweep_threads))
        table = Table(
            "batch",
            "threads",
            "s",
            "CPU s",
            "texts/s",
            "padding share",
            title=f"Embedder settings ({sweep_rows[-1]['texts']} texts)",
        )
        for r in sweep_rows[:-1]:
            table.add_row(
                str(r["batch_size"]),
                str(r["threads"]),
                str(r["seconds"]),
                str(r["cpu_seconds"]),
                str(r["texts_per_s"]),
                f"{r['padding_share']:.1%}",
            )
        console.print(table)
        console.print(f"tokenizing all {sweep_rows[-1]['texts']} texts: {sweep_rows[-1]['tokenize_seconds']} s")
    path = write_results("ingest_throughput", {"sizes": results, "embedder_sweep": sweep_rows, "started": time.time()})
    console.print(f"written: {path}")


if __name__ == "__main__":
    main()
