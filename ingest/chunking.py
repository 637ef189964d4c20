"""Sentence-aware chunking with exact character spans.

llama-index's SentenceSplitter re-joins splits and finds spans afterwards by string search, which
loses spans when whitespace changes; here spans are kept from the start: sentences come with their
offsets (punkt), token counts come from the embedder's own tokenizer offsets, and a chunk is a run
of whole sentences that fits the budget (a sentence longer than the budget is cut at token borders).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True)
class Chunk:
    index: int
    start: int
    end: int
    text: str


@lru_cache(maxsize=1)
def sentence_tokenizer():
    """Punkt (English, trained) from the copy llama-index bundles; nothing is downloaded."""
    from llama_index.core.utils import globals_helper
    from nltk.tokenize import PunktTokenizer

    globals_helper.wait_for_nltk_check()  # puts llama-index's bundled nltk_cache on nltk's path
    return PunktTokenizer("english")


PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\S)")


def sentence_spans(text: str) -> list[Span]:
    """Sentences as spans of `text`; paragraph and line breaks always end a sentence."""
    tokenizer = sentence_tokenizer()
    spans: list[Span] = []
    block_start = 0
    for match in list(PARAGRAPH_BREAK.finditer(text)) + [None]:
        block_end = match.start() if match else len(text)
        block = text[block_start:block_end]
        if block.strip():
            for start, end in tokenizer.span_tokenize(block):
                spans.append(Span(block_start + start, block_start + end))
        block_start = match.end() if match else len(text)
    return spans


def chunk_article(text: str, tokenizer, max_tokens: int, overlap_sentences: int = 1) -> list[Chunk]:
    """Pack whole sentences into chunks of at most `max_tokens` word pieces (no special tokens)."""
    encoding = tokenizer.encode(text, add_special_tokens=False)
    token_ends = [end for _, end in encoding.offsets]
    token_starts = [start for start, _ in encoding.offsets]

    import bisect

    def tokens_in(start: int, end: int) -> int:
        return bisect.bisect_left(token_starts, end) - bisect.bisect_left(token_starts, start)

    pieces: list[Span] = []
    for sentence in sentence_spans(text):
        if tokens_in(sentence.start, sentence.end) <= max_tokens:
            pieces.append(sentence)
            continue
        # An over-long "sentence" (a list, a table row run): cut it at token borders.
        first = bisect.bisect_left(token_starts, sentence.start)
        last = bisect.bisect_left(token_starts, sentence.end)
        for cut in range(first, last, max_tokens):
            cut_end = min(cut + max_tokens, last) - 1
            pieces.append(Span(token_starts[cut], token_ends[cut_end]))

    chunks: list[Chunk] = []
    current: list[Span] = []
    current_tokens = 0
    for piece in pieces:
        piece_tokens = tokens_in(piece.start, piece.end)
        if current and current_tokens + piece_tokens > max_tokens:
            chunks.append(make_chunk(text, len(chunks), current))
            carry = current[-overlap_sentences:] if overlap_sentences else []
            carry_tokens = sum(tokens_in(s.start, s.end) for s in carry)
            # Carry the overlap only when it leaves room for new text.
            if carry_tokens + piece_tokens > max_tokens or carry_tokens > max_tokens // 2:
                carry, carry_tokens = [], 0
            current, current_tokens = list(carry), carry_tokens
        current.append(piece)
        current_tokens += piece_tokens
    if current:
        chunks.append(make_chunk(text, len(chunks), current))
    return chunks


def make_chunk(text: str, index: int, spans: list[Span]) -> Chunk:
    start, end = spans[0].start, spans[-1].end
    return Chunk(index=index, start=start, end=end, text=text[start:end])
