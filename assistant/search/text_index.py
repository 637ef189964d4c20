"""What the chunk and quote indexes share: a tantivy index on disk of pre-stemmed text (stemmed by
`assistant.words.stems`, so BM25 and the answerers' word weights agree), with the article id to
delete by and the source and date to filter by."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.search.words import stems

WRITER_HEAP_BYTES = 100_000_000
LOCK_WAIT_S = 60.0  # how long a sync waits for another process's sync to finish


class TextIndex:
    """A tantivy index with the fields every Byline index has; subclasses add their own."""

    def __init__(self, folder: Path, add_fields: Callable[[object], None]):
        import tantivy

        self.tantivy = tantivy
        self.folder = folder
        builder = tantivy.SchemaBuilder()
        builder.add_text_field("article_id", tokenizer_name="raw", index_option="basic")
        builder.add_text_field("source", tokenizer_name="raw", index_option="basic")
        builder.add_integer_field("published", indexed=True, fast=True)
        builder.add_text_field("stems", tokenizer_name="words", index_option="freq")
        add_fields(builder)
        self.schema = builder.build()
        folder.mkdir(parents=True, exist_ok=True)
        self.index = tantivy.Index(self.schema, path=str(folder))
        self.index.register_tokenizer("words", tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.whitespace()).build())
        self.reload()

    def reload(self) -> None:
        """See what the last commit (of this process or another) holds."""
        self.index.reload()
        self.searcher = self.index.searcher()

    def __len__(self) -> int:
        return self.searcher.num_docs

    def stems(self, text: str) -> list[str]:
        return stems(text)

    def known_stems(self, text: str) -> list[str]:
        """The distinct stems of `text` that occur in the index (the only ones BM25 can match)."""
        searcher = self.searcher
        return [w for w in dict.fromkeys(self.stems(text)) if searcher.doc_freq("stems", w) > 0]

    def any_of(self, words: list[str]):
        Query, Occur = self.tantivy.Query, self.tantivy.Occur
        return Query.boolean_query([(Occur.Should, Query.term_query(self.schema, "stems", w)) for w in words])

    def filter_clauses(self, sources: list[str], since: int | None, until: int | None) -> list:
        """Must-clauses keeping only these sources (any case) and dates (int yyyymmdd, inclusive)."""
        tantivy = self.tantivy
        clauses = []
        if sources:
            clauses.append(
                (tantivy.Occur.Must, tantivy.Query.term_set_query(self.schema, "source", [s.lower() for s in sources]))
            )
        if since is not None or until is not None:
            published = tantivy.Query.range_query(self.schema, "published", tantivy.FieldType.Integer, since, until)
            clauses.append((tantivy.Occur.Must, published))
        return clauses

    def all_of(self, clauses: list):
        return clauses[0][1] if len(clauses) == 1 else self.tantivy.Query.boolean_query(clauses)

    @contextmanager
    def writer(self) -> Iterator:
        """tantivy's single writer, waiting while another process holds it. Nothing is committed
        unless the block commits."""
        deadline = time.monotonic() + LOCK_WAIT_S
        while True:
            try:
                writer = self.index.writer(heap_size=WRITER_HEAP_BYTES, num_threads=1)
                break
            except ValueError as error:
                if "LockBusy" not in str(error) or time.monotonic() > deadline:
                    raise RuntimeError(f"cannot update the index in {self.folder}: {error}") from error
                time.sleep(0.2)
        try:
            yield writer
        except BaseException:
            writer.rollback()
            raise
        finally:
            del writer
