"""The quote index: who said what, searchable by speaker and by words.

Quotes are found at ingestion (ingest.attribution) and stored on their article's record in
Chroma; this index is derived from those records in the retrieval cache (assistant.search.cache)
and synced with them article by article.
"""

from __future__ import annotations

import re
from pathlib import Path

from assistant.search.text_index import TextIndex
from assistant.search.types import Filters
from assistant.search.words import fold, stems
from ingest.store import QuoteRecord

TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "president",
    "pres",
    "prime",
    "minister",
    "secretary",
    "gen",
    "general",
    "judge",
    "justice",
    "mayor",
    "rev",
    "sir",
    "lady",
    "lord",
    "the",
    "former",
    "vice",
    "chairman",
    "chair",
    "ceo",
    "speaker",
    "leader",
    "u.s.",
    "state",
    "of",
}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "which", "that", "this"}


def name_tokens(name: str) -> list[str]:
    """Lower-case name words without titles or possessive 's: 'Mr. Donald J. Trump's' → donald, j, trump."""
    words = re.findall(r"[\w.'-]+", fold(name).replace("’", "'"))
    words = [re.sub(r"'s$", "", w).strip(".'-") for w in words]
    return [w for w in words if w and w not in TITLES]


NOT_SPEAKERS = PRONOUNS | {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tonight",
    "yesterday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "someone",
    "somebody",
    "anyone",
    "everyone",
    "people",
    "one",
}


def is_resolved(speaker_name: str) -> bool:
    """A speaker a reader can use: a name, not a pronoun, a day, or a lower-case word the parser
    took for a subject ("use", "someone")."""
    words = name_tokens(speaker_name)
    if not words or (len(words) == 1 and words[0] in NOT_SPEAKERS):
        return False
    return any(ch.isupper() for ch in speaker_name)


class QuoteIndex(TextIndex):
    """Who said what, searchable by speaker and by words: a tantivy index (in the retrieval cache,
    synced with the articles) of the quotes whose speaker resolved to a name, each stored whole."""

    def __init__(self, folder: Path):
        def add_fields(builder) -> None:
            # newest first, a direct quote before reported speech of the same day
            builder.add_integer_field("recency", fast=True)
            builder.add_text_field("speaker", tokenizer_name="words", index_option="basic")
            builder.add_text_field("speaker_name", tokenizer_name="raw", index_option="basic", fast=True)
            builder.add_text_field("record", stored=True, tokenizer_name="raw", index_option="basic")

        super().__init__(folder, add_fields)

    def document(self, quote: QuoteRecord):
        """The index document of a quote, or None for a speaker no reader could use."""
        if not is_resolved(quote.speaker_name):
            return None
        return self.tantivy.Document(
            article_id=quote.article_id,
            source=quote.source.lower(),
            published=quote.published_int,
            recency=quote.published_int * 2 + (quote.kind == "direct"),
            speaker=" ".join(name_tokens(quote.speaker_name)),
            speaker_name=quote.speaker_name,
            stems=" ".join(stems(quote.text)),
            record=quote.model_dump_json(),
        )

    def speakers(self) -> list[tuple[str, int]]:
        """Speakers by number of quotes (most first), each under its fullest name."""
        if not len(self):
            return []
        found = self.searcher.aggregate(
            self.tantivy.Query.all_query(), {"speakers": {"terms": {"field": "speaker_name", "size": 1_000_000}}}
        )
        counts = [(bucket["key"], int(bucket["doc_count"])) for bucket in found["speakers"]["buckets"]]
        return sorted(counts, key=lambda item: (-item[1], item[0]))

    def _speaker_clause(self, name: str):
        words = name_tokens(name)
        if not words:
            return None
        Query, Occur = self.tantivy.Query, self.tantivy.Occur
        return Query.boolean_query([(Occur.Must, Query.term_query(self.schema, "speaker", w)) for w in dict.fromkeys(words)])

    def matching_speaker(self, name: str) -> int:
        """How many quotes have a speaker with every word of `name` ('Aliyev' → 'Ilham Aliyev')."""
        clause = self._speaker_clause(name)
        return 0 if clause is None else self.searcher.search(clause, 1, count=True).count

    def search(
        self, words: str = "", speaker: str | None = None, filters: Filters | None = None, limit: int = 20
    ) -> list[tuple[QuoteRecord, float]]:
        """Quotes by words (BM25 over the quoted text) and/or speaker, best first; by speaker
        alone (or words that no quote holds), newest first."""
        tantivy = self.tantivy
        searcher = self.searcher
        if not len(self) or limit <= 0:
            return []
        clauses = []
        if speaker:
            clause = self._speaker_clause(speaker)
            if clause is None:
                return []
            clauses.append((tantivy.Occur.Must, clause))
        if filters is not None and not filters.empty:
            clauses.extend(self.filter_clauses(filters.sources, *filters.bounds))
        query = self.known_stems(words) if words else []
        if query:
            result = searcher.search(self.all_of([(tantivy.Occur.Must, self.any_of(query)), *clauses]), limit)
        else:
            scope = self.all_of(clauses) if clauses else tantivy.Query.all_query()
            result = searcher.search(scope, limit, order_by_field="recency", order=tantivy.Order.Desc)
        found = []
        for score, address in result.hits:
            record = QuoteRecord.model_validate_json(searcher.doc(address)["record"][0])
            found.append((record, float(score) if query else 0.0))
        return found

    def coverage(self, fragment: str, quote: QuoteRecord, both_ways: bool = True) -> float:
        """How well the asked words and a quote match: the share of the fragment's words the quote
        holds, or of the quote's words the fragment holds (a short quote asked about in a longer
        sentence), stemmed, stopwords aside."""
        wanted, have = self.stems(fragment), self.stems(quote.text)
        if not wanted or not have:
            return 0.0
        forward = sum(1 for w in wanted if w in set(have)) / len(wanted)
        if not both_ways or len(set(have)) < 2:
            return forward
        backward = sum(1 for w in have if w in set(wanted)) / len(have)
        return max(forward, backward)
