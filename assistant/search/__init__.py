"""Search over the index: what answering asks for passages and quotes.

1. `types`: the `Filters` a question carries (sources, date range) and a scored chunk (`Hit`).
2. `words`: one tokenizer and stemmer for every keyword match (indexes and citation checks agree).
3. `text_index`: the tantivy base both keyword indexes share (schema, filters, cross-process writer).
4. `quotes`: the quote index (who said what), searchable by speaker and words.
5. `cache`: the retrieval cache in `DATA/retrieval/` (BM25 over chunks, the quote index, float16
   vectors, rows), reconciled with Chroma article by article by content hash.
6. `retriever`: the hybrid retriever: dense (Chroma, or exact over the cached vectors under a
   narrow filter) and BM25 fused by reciprocal rank.

Nothing here imports `assistant.answering`: search knows nothing of how an answer is made.
"""

from assistant.search.cache import KeywordIndex, LocalIndex, SyncReport
from assistant.search.quotes import QuoteIndex, is_resolved, name_tokens
from assistant.search.retriever import HybridRetriever, reciprocal_rank_fusion
from assistant.search.types import Filters, Hit
from assistant.search.words import stem_words, stems

__all__ = [
    "Filters",
    "Hit",
    "HybridRetriever",
    "KeywordIndex",
    "LocalIndex",
    "QuoteIndex",
    "SyncReport",
    "is_resolved",
    "name_tokens",
    "reciprocal_rank_fusion",
    "stem_words",
    "stems",
]
