"""Sentence-aware chunking with exact character spans.

llama-index's SentenceSplitter re-joins splits and finds spans afterwards by string search, which
loses spans when whitespace changes; here spans are kept from the start: sentences come with their
offsets (punkt), token counts come from the embedder's own tokenizer offsets, and a chunk is a run
of whole sentences that fits the budget (a sentence longer than the budget is cut at token borders).

Boilerplate (`ingest.cleaning`: captions, credits, "Related:" links, a kicker fused to a sentence) is
left out by span, never by editing the text: a sentence loses the boilerplate inside it (in
"Topeka:Union members…" the sentence starts at "Union"), and no chunk reaches across a boilerplate
span, so a chunk's text is still `text[start:end]` and holds none of it.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
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
    tokenizer = PunktTokenizer("english")
    tokenizer._params.abbrev_types.update(NEWS_ABBREVIATIONS)  # punkt's own model has no setter for these
    return tokenizer


# Titles and state abbreviations news puts before a name, which punkt's English model lacks: it ended a
# sentence at "former South Carolina Gov." and a yes/no answer cited "Nikki Haley in the New Hampshire
# Republican primary, winning over…" for "Did Haley win…?" (the article: "Trump defeated … Gov. Nikki Haley").
NEWS_ABBREVIATIONS = frozenset(
    "gov govs lt sgt capt cmdr cpl pvt det insp supt atty rev hon pres sens gens dept univ assn "
    "ark del ind md mass miss mo mont neb tex wyo s.d".split()
)


PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n(?=\S)")
# Punkt ends a sentence at "a.m."/"p.m." before a capital, so "(8 a.m. ET), after which…" became a sentence of its own
# "ET), after which…" (cited as such). A clock time's abbreviation before a time zone or a lower-case word ends nothing.
CLOCK_THEN_MORE = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
NOT_A_NEW_SENTENCE = re.compile(r"(?:ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|GMT|UTC|BST|local time)\b|[a-z(),;:\-–—]")
# ... and at "No." before a number: "two former No. | 1 picks" was cited as the sentence "This Sunday, two former No."
NUMBER_SIGN = re.compile(r"\b(?:No|Nos|no)\.$")
A_NUMBER = re.compile(r"\d")
# ... and at "U.S." inside a name: "the 5th U.S. | Circuit Court of Appeals" was cited cut off at "U.S." (a journalist's
# try); the words that go on such a name, not any capitalised word ("He lives in the U.S. | The next day …")
NATION_ABBREVIATION = re.compile(r"\b(?:U\.S|U\.K|U\.N|E\.U)\.$")
NAMED_AFTER_A_NATION = re.compile(
    r"(?:Circuit|District|Court|Supreme|Senate|House|Congress|Army|Navy|Air|Marines?|Coast|Department|Attorneys?|"
    r"Embassy|Open|Capitol|Census|Postal|Border|Customs|Secret|Marshals?|Chamber|Conference|Rep|Reps|Sen|Sens|"
    r"Representatives?|Senators?|Geological|Forest|Fish|Space|Mint|Treasury|Agency|Soccer|Olympic|Bank|Government|"
    r"Constitution|Justice|Energy|Food|Institute|Commission|Central|National|Park|Patent|Bureau|Naval|Military|"
    r"Cyber|Special|Transportation|Immigration|Citizenship|Agriculture|Commerce|Labor|Health|Education|Interior|"
    r"State|Strategic|Southern|Northern|Forces|Security|Intelligence|Trade|Ambassador|Secretary|Consulate|"
    r"Catholic|Conference|Chamber|Women's|Men's|News|Steel|Cellular|Virgin|Route|Highway|Highways)\b"
)


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
                start, end = block_start + start, block_start + end
                if spans and spans[-1].end >= block_start and _continues(text, spans[-1], start):
                    spans[-1] = Span(spans[-1].start, end)
                else:
                    spans.append(Span(start, end))
        block_start = match.end() if match else len(text)
    return spans


def _continues(text: str, previous: Span, start: int) -> bool:
    """Whether punkt cut a sentence after a clock time that it does not end ("8 a.m. | ET), after…"), after
    the number sign "No." ("two former No. | 1 picks") or inside a name after "U.S." ("the 5th U.S. | Circuit")."""
    if NUMBER_SIGN.search(text, previous.start, previous.end):
        return bool(A_NUMBER.match(text, start))
    if NATION_ABBREVIATION.search(text, previous.start, previous.end):
        return bool(NAMED_AFTER_A_NATION.match(text, start))
    return bool(CLOCK_THEN_MORE.search(text, previous.start, previous.end)) and bool(NOT_A_NEW_SENTENCE.match(text, start))


def chunk_article(
    text: str, tokenizer, max_tokens: int, overlap_sentences: int = 1, skip: Iterable[tuple[int, int]] = ()
) -> list[Chunk]:
    """Pack whole sentences into chunks of at most `max_tokens` word pieces (no special tokens).

    `skip`: spans of `text` that no chunk may overlap (`ingest.cleaning.boilerplate_spans`). Sentences
    are cut around them, and a chunk ends where one lies between two sentences (without carrying the
    overlap across it), so a chunk stays one exact span of the text."""
    encoding = tokenizer.encode(text, add_special_tokens=False)
    token_ends = [end for _, end in encoding.offsets]
    token_starts = [start for start, _ in encoding.offsets]

    def tokens_in(start: int, end: int) -> int:  # the tokens that overlap text[start:end]
        return bisect.bisect_left(token_starts, end) - bisect.bisect_right(token_ends, start)

    pieces: list[tuple[Span, bool]] = []  # (piece, whether skipped text lies between it and the piece before)
    for sentence, after_skip in _outside(text, sentence_spans(text), skip):
        if tokens_in(sentence.start, sentence.end) <= max_tokens:
            pieces.append((sentence, after_skip))
            continue
        # An over-long "sentence" (a list, a table row run): cut it at token borders.
        first = bisect.bisect_right(token_ends, sentence.start)  # a skip span may end inside a word
        last = bisect.bisect_left(token_starts, sentence.end)
        for cut in range(first, last, max_tokens):
            cut_end = min(cut + max_tokens, last) - 1
            piece = Span(max(token_starts[cut], sentence.start), min(token_ends[cut_end], sentence.end))
            pieces.append((piece, after_skip and cut == first))

    chunks: list[Chunk] = []
    current: list[Span] = []
    current_tokens = 0
    for piece, after_skip in pieces:
        piece_tokens = tokens_in(piece.start, piece.end)
        if current and after_skip:  # boilerplate between: the chunk ends, and nothing is carried over it
            chunks.append(make_chunk(text, len(chunks), current))
            current, current_tokens = [], 0
        elif current and current_tokens + piece_tokens > max_tokens:
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


def _outside(text: str, sentences: list[Span], skip: Iterable[tuple[int, int]]) -> list[tuple[Span, bool]]:
    """The parts of `sentences` outside the `skip` spans, stripped of spaces, each with whether skipped text
    lies between it and the part before. A part left with no letter or digit (a lone ")") is dropped."""
    spans: list[tuple[int, int]] = []
    for start, end in sorted((start, end) for start, end in skip if start < end):
        if spans and start <= spans[-1][1]:
            spans[-1] = (spans[-1][0], max(spans[-1][1], end))
        else:
            spans.append((start, end))
    if not spans:
        return [(sentence, False) for sentence in sentences]
    starts = [start for start, _ in spans]
    ends = [end for _, end in spans]
    parts: list[tuple[Span, bool]] = []
    previous_end: int | None = None
    for sentence in sentences:
        pieces, position = [], sentence.start
        for start, end in spans[max(bisect.bisect_right(starts, sentence.start) - 1, 0) :]:
            if start >= sentence.end:
                break
            if end > position:
                if start > position:
                    pieces.append((position, start))
                position = end
        if position < sentence.end:
            pieces.append((position, sentence.end))
        for start, end in pieces:
            while start < end and text[start].isspace():
                start += 1
            while end > start and text[end - 1].isspace():
                end -= 1
            if not any(ch.isalnum() for ch in text[start:end]):
                continue
            # skipped text between: the first skip span ending after the part before starts before this one
            following = bisect.bisect_right(ends, previous_end) if previous_end is not None else len(spans)
            parts.append((Span(start, end), following < len(spans) and starts[following] < start))
            previous_end = end
    return parts


def make_chunk(text: str, index: int, spans: list[Span]) -> Chunk:
    start, end = spans[0].start, spans[-1].end
    return Chunk(index=index, start=start, end=end, text=text[start:end])
