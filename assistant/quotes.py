"""The quote index: who said what, searchable by speaker and by words (in memory).

Quotes are found at ingestion (ingest.attribution) and stored on their article's record; this
index is rebuilt from the records whenever retrieval refreshes.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

import numpy as np

from assistant.retrieval import TOKEN_PATTERN, Filters, stems
from ingest.article import date_as_int
from ingest.store import QuoteRecord

TITLES = {
    "mr", "mrs", "ms", "miss", "dr", "sen", "senator", "rep", "gov", "governor", "president", "pres", "prime",
    "minister", "secretary", "gen", "general", "judge", "justice", "mayor", "rev", "sir", "lady", "lord", "the",
    "former", "vice", "chairman", "chair", "ceo", "speaker", "leader", "u.s.", "state", "of",
}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "which", "that", "this"}


def name_tokens(name: str) -> list[str]:
    """Lower-case name words without titles or possessive 's: 'Mr. Donald J. Trump's' → donald, j, trump."""
    words = re.findall(r"[\w.'-]+", name.lower().replace("’", "'"))
    words = [re.sub(r"'s$", "", w).strip(".'-") for w in words]
    return [w for w in words if w and w not in TITLES]


NOT_SPEAKERS = PRONOUNS | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "tonight", "yesterday",
    "january", "february", "march", "april", "june", "july", "august", "september", "october", "november", "december",
    "someone", "somebody", "anyone", "everyone", "people", "one",
}


def is_resolved(speaker_name: str) -> bool:
    """A speaker a reader can use: a name, not a pronoun, a day, or a lower-case word the parser
    took for a subject ("use", "someone")."""
    words = name_tokens(speaker_name)
    if not words or (len(words) == 1 and words[0] in NOT_SPEAKERS):
        return False
    return any(ch.isupper() for ch in speaker_name)


class QuoteIndex:
    def __init__(self, quotes: list[QuoteRecord]):
        import bm25s
        import Stemmer

        self.quotes = [q for q in quotes if is_resolved(q.speaker_name)]
        self.by_word: dict[str, list[int]] = defaultdict(list)
        for position, quote in enumerate(self.quotes):
            for word in set(name_tokens(quote.speaker_name)):
                self.by_word[word].append(position)
        self.bm25 = bm25s.BM25()
        if self.quotes:
            tokens = bm25s.tokenize(
                [q.text for q in self.quotes], stopwords="en", stemmer=Stemmer.Stemmer("english"), token_pattern=TOKEN_PATTERN, show_progress=False
            )
            self.bm25.index(tokens, show_progress=False)
            self.vocab = tokens.vocab
        else:
            self.vocab = {}

    def __len__(self) -> int:
        return len(self.quotes)

    def stems(self, text: str) -> list[str]:
        return stems(text)

    def speakers(self) -> list[tuple[str, int]]:
        """Speakers by number of quotes (most first), each under its fullest name."""
        counts = Counter(q.speaker_name for q in self.quotes)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    def matching_speaker(self, name: str) -> list[int]:
        """Positions of quotes whose speaker has every word of `name` ('Aliyev' → 'Ilham Aliyev')."""
        words = name_tokens(name)
        if not words:
            return []
        positions = set(self.by_word.get(words[0], []))
        for word in words[1:]:
            positions &= set(self.by_word.get(word, []))
        return sorted(positions)

    def allowed(self, filters: Filters | None) -> np.ndarray:
        keep = np.ones(len(self.quotes), dtype=bool)
        if filters is None or filters.empty:
            return keep
        sources = {s.lower() for s in filters.sources}
        since = date_as_int(filters.since) if filters.since else None
        until = date_as_int(filters.until) if filters.until else None
        for position, quote in enumerate(self.quotes):
            if sources and quote.source.lower() not in sources:
                keep[position] = False
            elif since and quote.published_int < since:
                keep[position] = False
            elif until and quote.published_int > until:
                keep[position] = False
        return keep

    def search(
        self, words: str = "", speaker: str | None = None, filters: Filters | None = None, limit: int = 20
    ) -> list[tuple[QuoteRecord, float]]:
        """Quotes by words (BM25 over the quoted text) and/or speaker, best first."""
        if not self.quotes:
            return []
        keep = self.allowed(filters)
        if speaker:
            by_speaker = np.zeros(len(self.quotes), dtype=bool)
            by_speaker[self.matching_speaker(speaker)] = True
            keep &= by_speaker
        if not keep.any():
            return []
        query = [w for w in self.stems(words) if w in self.vocab] if words else []
        if not query:
            ranked = sorted(np.flatnonzero(keep), key=lambda i: (self.quotes[i].published, self.quotes[i].kind == "direct"), reverse=True)
            return [(self.quotes[i], 0.0) for i in ranked[:limit]]
        k = min(limit, int(keep.sum()))
        indexes, scores = self.bm25.retrieve([query], k=k, weight_mask=keep.astype(np.float32), show_progress=False, n_threads=1)
        return [(self.quotes[int(i)], float(s)) for i, s in zip(indexes[0], scores[0]) if s > 0]

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
