"""Citation checking: every sentence an LLM writes must be backed by the passage it cites.

The model answers with inline [n] markers that point at the numbered passages of its prompt. For
each sentence of the answer:

1. the claim (the sentence without its markers) is compared with *windows* of each cited passage:
   single sentences and pairs of neighbouring sentences, as they sit in the article;
2. a window supports the claim when it holds enough of the claim's content words (stemmed, IDF
   weighted: names and numbers count most; at least two of them) AND its embedding is close enough
   to the claim's, and every number in the claim appears in it (embeddings are computed only for
   windows that pass the word test);
3. ... and says no more and no otherwise than the window: a negation ("not", "never", "n't") on one side only,
   a name (a capitalised word within the sentence) its passage and title never give, a link the window does not
   hold, more than half of its content words new, or a day (a weekday, "December 31, 2022", read against the
   passage's article date) the window does not name, each leaves it unsupported (an outside try had "… will not
   be stopped if …" cited to "… will be stopped if …", a clause of invented news cited to the sentence it was
   appended to, and "died on Tuesday" to "died Saturday", while "died on Saturday, December 31, 2022" was dropped);
4. sentences of a passage that read as instructions to an AI ("ignore previous instructions…") are
   never support: articles are data, so words an article tells the model to say cannot be cited;
5. a citation without support is dropped; when none of the cited passages supports the sentence
   (or it cites nothing) the other passages of the prompt are tried, and failing that the sentence
   is dropped;
6. the surviving citations are renumbered in order of first use, each naming the exact words (the
   best window) and their span in the article text.

An answer with no supported sentence is a decline. The checker works sentence by sentence, so a
stream can be checked as it arrives (`CheckedAnswerBuilder`, `SentenceBuffer`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import numpy as np

from assistant.answer import Citation, cite_in_chunk
from assistant.answering.timeframe import relative_dates
from assistant.search.types import Hit
from assistant.search.words import stem_words
from ingest.chunking import sentence_spans

log = logging.getLogger(__name__)

MARKER = re.compile(r"\[\s*(?:passages?\s*)?(\d{1,3}(?:\s*[,;]\s*(?:passages?\s*)?\d{1,3})*)\s*\]", re.IGNORECASE)
MARKER_RUN = re.compile(r"(?:\s*" + MARKER.pattern + r")+", re.IGNORECASE)
# "claim.[1] Next" / "claim. [1] Next" → "claim [1]. Next": markers belong before the full stop,
# so sentence splitting keeps each marker with the claim it follows.
MARKERS_AFTER_STOP = re.compile(r"([.!?])((?:\s*" + MARKER.pattern + r")+)", re.IGNORECASE)
MARKER_ONLY = re.compile(r"^[\s\[\]\d,;.!?]*$|^\s*\[[^\]]*$")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
ISO_DAY = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

# Text that addresses the model rather than reporting news. Such sentences never support a claim.
INSTRUCTION_LIKE = re.compile(
    r"\b(ignore|disregard|forget|override)\b[^.!?\n]{0,60}\b(instructions?|prompts?|rules|directions|guidelines|context)\b"
    r"|\b(system prompt|developer message|jailbreak)\b"
    r"|\byou are (now )?(an? )?(ai|assistant|language model|chatbot|llm)\b"
    r"|\b(ai|assistant|chatbot|language model|llm|byline)s?\b[^.!?\n]{0,60}\b(must|should|shall|are instructed to|will now)\b"
    r"|\b(respond|reply|answer|say|output|print|write|repeat)\b[^.!?\n]{0,40}\b(only|exactly|verbatim|instead)\b[^.!?\n]{0,10}[:\"“'‘]"
    r"|^\s*(system|assistant|user)\s*:",
    re.IGNORECASE,
)


def normalize_markers(text: str) -> str:
    return MARKERS_AFTER_STOP.sub(lambda m: f"{m.group(2)}{m.group(1)}", text)


def marker_numbers(text: str) -> list[int]:
    return [int(n) for m in MARKER.finditer(text) for n in re.findall(r"\d+", m.group(1))]


def strip_markers(text: str) -> str:
    return re.sub(r"\s+([.,;:!?])", r"\1", " ".join(MARKER.sub(" ", text).split()))


def is_instruction_like(sentence: str) -> bool:
    return bool(INSTRUCTION_LIKE.search(sentence))


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    # NLTK's English list, from the copy llama-index bundles (already loaded for sentence splitting).
    from llama_index.core.utils import globals_helper

    return frozenset(globals_helper.stopwords) | {
        "said",
        "says",
        "according",
        "article",
        "articles",
        "passage",
        "passages",
        "reported",
        "told",
        "would",
        "could",
        "may",
        "might",
        "must",
        "shall",
        "also",
        "one",
    }


def content_stems(text: str) -> set[str]:
    words = [w.lower().replace("’", "'") for w in WORD.findall(text)]
    words = [w.removesuffix("'s") for w in words if w not in stop_words()]
    return set(stem_words([w for w in words if w and (len(w) > 1 or w.isdigit())]))


def numbers_in(text: str) -> set[str]:
    return {n.replace(",", "") for n in NUMBER.findall(text)}


@dataclass
class Window:
    """One or two neighbouring sentences of a passage, as a span of its chunk text."""

    start: int
    end: int
    text: str
    stems: set[str]
    numbers: set[str]


@dataclass
class NumberedPassage:
    """A passage as the prompt numbered it, with its candidate support windows."""

    n: int
    hit: Hit
    windows: list[Window] = field(default_factory=list)
    vectors: dict[int, np.ndarray] = field(default_factory=dict)  # window index → embedding, filled on demand


@dataclass
class Support:
    passage: NumberedPassage
    window: Window
    lexical: float
    semantic: float

    @property
    def score(self) -> float:
        return 0.5 * self.lexical + 0.5 * self.semantic


def build_windows(chunk_text: str) -> list[Window]:
    """Single sentences and neighbouring pairs (within a paragraph); instruction-like sentences never join."""
    sentences = sentence_spans(chunk_text)
    usable = [not is_instruction_like(chunk_text[s.start : s.end]) for s in sentences]
    windows: list[Window] = []
    for i, sentence in enumerate(sentences):
        if not usable[i]:
            continue
        ends = [sentence]
        if i + 1 < len(sentences) and usable[i + 1]:
            following = sentences[i + 1]
            if "\n\n" not in chunk_text[sentence.end : following.start]:
                ends.append(following)
        for last in ends:
            text = chunk_text[sentence.start : last.end]
            windows.append(Window(sentence.start, last.end, text, content_stems(text), numbers_in(text)))
    return windows


NEGATION = re.compile(r"\b(?:not|never|no|none|nobody|nothing|neither|nor|cannot|without)\b|n['’]t\b", re.IGNORECASE)
LINK = re.compile(r"https?://\S+|www\.\S+|\]\(", re.IGNORECASE)
# a capitalised word that is not the sentence's first: a name, which the passage must give
NAME_WORD = re.compile(r"(?<=[\w,;:)’'\"”] )[A-Z][\w'’-]+")
MONTHS = {m: i for i, m in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
_MONTH = r"(?P<month>Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?"
# "December 31, 2022" and "31 December 2022"
FULL_DATES = (
    re.compile(rf"\b{_MONTH}\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b"),
    re.compile(rf"\b(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<year>\d{{4}})\b"),
)
MAX_NEW_SHARE = 0.5  # of a claim's content words, at most this share may be words its window does not hold


def negated(text: str) -> bool:
    return NEGATION.search(text) is not None


@lru_cache(maxsize=4096)
def dated_claim(text: str, published: str) -> tuple[frozenset[str], frozenset[str], str]:
    """The calendar days a claim names (YYYY-MM-DD as the prompt asks, and weekdays and dates read against its
    passage's article day), its other numbers (the digits of a date are checked as the date, not as numbers), and
    its text without its dates (a month's name is no name the passage must give)."""
    days = set(ISO_DAY.findall(text))
    rest = ISO_DAY.sub(" ", text)
    for pattern in FULL_DATES:
        for found in reversed(list(pattern.finditer(rest))):
            try:
                days.add(date(int(found["year"]), MONTHS[found["month"][:3].lower()], int(found["day"])).isoformat())
            except ValueError:
                continue  # no such day: its digits stay numbers the passage must hold
            rest = rest[: found.start()] + " " + rest[found.end() :]
    if published:
        for found in sorted(relative_dates(rest, date.fromisoformat(published)), key=lambda f: -f.span[0]):
            if found.date is not None:
                days.add(found.date.isoformat())
                rest = rest[: found.span[0]] + " " + rest[found.span[1] :]
    return frozenset(days), frozenset(numbers_in(rest)), rest


def days_named(text: str, published: str) -> set[str]:
    """The calendar days a passage gives: its article's own day, and the days its words name read
    against that day ("on Monday" in an article of 2023-10-03 gives 2023-10-02)."""
    if not published:
        return set(ISO_DAY.findall(text))
    found = relative_dates(text, date.fromisoformat(published))
    return {published} | {d.date.isoformat() for d in found if d.date is not None} | set(ISO_DAY.findall(text))


class CitationChecker:
    """Checks claims against passages: lexical overlap of content words + embedding similarity."""

    def __init__(
        self,
        embed: Callable[[list[str]], np.ndarray],
        idf: Callable[[str], float] | None = None,
        min_overlap: float = 0.45,
        min_similarity: float = 0.5,
    ):
        self.embed = embed
        self.idf = idf
        self.min_overlap = min_overlap
        self.min_similarity = min_similarity

    def weight(self, stem: str) -> float:
        # 1 + IDF: rare words (names, numbers) count most, yet in a small collection, where every
        # word of an article is "common", the shared words still outweigh the few missing ones.
        return 1.0 + self.idf(stem) if self.idf else 1.0

    def overlap(self, claim: set[str], window: set[str]) -> float:
        total = sum(self.weight(s) for s in claim)
        if total == 0:
            return 0.0
        return sum(self.weight(s) for s in claim & window) / total

    def best_support(self, claim: Claim, passage: NumberedPassage) -> Support | None:
        """The window of `passage` that best supports `claim`, if any window supports it.

        Lexical overlap and numbers are checked first; only windows that pass are embedded.
        """
        candidates = []
        published = passage.hit.chunk.published
        days, numbers, undated = dated_claim(claim.text, published)
        known = f"{passage.hit.chunk.title} {passage.hit.chunk.text}".lower()
        if any(name.lower() not in known for name in NAME_WORD.findall(undated)):
            return None  # a name the passage never gives: "… annex Yerevan", "Blinken resigned as Secretary of State"
        for index, window in enumerate(passage.windows):
            if days and not days <= days_named(window.text, published):
                continue  # a day the passage does not give: its article's day, or one its words name
            if not numbers <= window.numbers:
                continue  # a number the passage does not hold is an unsupported number
            if negated(claim.text) != negated(window.text):
                continue  # "… will not be stopped if …" is no "… will be stopped if …"
            if LINK.search(claim.text) and not all(link in window.text for link in LINK.findall(claim.text)):
                continue  # a link of the model's own
            shared = claim.stems & window.stems
            # At least two shared content words (one for a one-word claim): a lone shared name is no support.
            if len(shared) < min(2, len(claim.stems)):
                continue
            if len(claim.stems - window.stems) > MAX_NEW_SHARE * len(claim.stems):
                continue  # a clause of its own appended to what the window says
            lexical = self.overlap(claim.stems, window.stems)
            if lexical >= self.min_overlap:
                candidates.append((index, lexical))
        if not candidates:
            return None
        missing = [i for i, _ in candidates if i not in passage.vectors]
        if missing:
            for i, vector in zip(missing, self.embed([passage.windows[i].text for i in missing])):
                passage.vectors[i] = vector
        best: Support | None = None
        for index, lexical in candidates:
            semantic = float(np.dot(passage.vectors[index], claim.vector(self.embed)))
            if semantic < self.min_similarity:
                continue
            support = Support(passage, passage.windows[index], lexical, semantic)
            if best is None or support.score > best.score:
                best = support
        return best


@dataclass
class Claim:
    """A sentence of the answer without its markers; embedded only if some window needs it."""

    text: str
    stems: set[str]
    numbers: set[str]
    _vector: np.ndarray | None = None

    days: set[str] = field(default_factory=set)

    @classmethod
    def of(cls, text: str) -> Claim:
        """A claim's calendar days (YYYY-MM-DD, as the prompt asks dates to be written) are checked
        apart from its other numbers: against the days its passage names, not as digits."""
        days = set(ISO_DAY.findall(text))
        rest = ISO_DAY.sub(" ", text)
        return cls(text, content_stems(rest), numbers_in(rest), days=days)

    def vector(self, embed: Callable[[list[str]], np.ndarray]) -> np.ndarray:
        if self._vector is None:
            self._vector = embed([self.text])[0]
        return self._vector


class CheckedAnswerBuilder:
    """Checks an answer one sentence at a time, renumbering citations in order of first use."""

    def __init__(self, checker: CitationChecker, hits: list[Hit], article_texts: dict[str, str]):
        self.checker = checker
        self.article_texts = article_texts
        self.passages = [NumberedPassage(n, hit, build_windows(hit.chunk.text)) for n, hit in enumerate(hits, start=1)]
        self.citations: list[Citation] = []
        self._numbers: dict[tuple[str, int, int], int] = {}
        self.kept: list[str] = []
        self.dropped_sentences: list[str] = []
        self.dropped_citations = 0
        self.recited = 0
        self._claims_seen: set[str] = set()

    def add(self, sentence: str) -> str | None:
        """The sentence with its checked, renumbered markers; None when nothing supports it."""
        claim = Claim.of(strip_markers(sentence))
        if not claim.stems or claim.text in self._claims_seen:  # nothing to check, or said already
            if claim.text:
                self.dropped_sentences.append(claim.text)
            return None
        cited = [n for n in dict.fromkeys(marker_numbers(sentence)) if 1 <= n <= len(self.passages)]
        self.dropped_citations += len(set(marker_numbers(sentence))) - len(cited)
        supports = [s for n in cited if (s := self.checker.best_support(claim, self.passages[n - 1]))]
        self.dropped_citations += len(cited) - len(supports)
        if not supports:
            # The model cited the wrong passage, or none: keep the claim only if another passage holds it.
            others = [p for p in self.passages if p.n not in cited]
            found = [s for p in others if (s := self.checker.best_support(claim, p))]
            if found:
                supports = [max(found, key=lambda s: s.score)]
                self.recited += 1
        if not supports:
            log.info("dropped an unsupported sentence: %r (cited %s)", claim.text, cited or "nothing")
            self.dropped_sentences.append(claim.text)
            return None
        self._claims_seen.add(claim.text)
        numbers = [self.number_for(s) for s in supports]
        text = self.rewrite_markers(sentence, numbers)
        self.kept.append(text)
        return text

    def number_for(self, support: Support) -> int:
        chunk = support.passage.hit.chunk
        start, end = chunk.start + support.window.start, chunk.start + support.window.end
        key = (chunk.article_id, start, end)
        if key in self._numbers:
            return self._numbers[key]
        n = len(self.citations) + 1
        self._numbers[key] = n
        article_text = self.article_texts.get(chunk.article_id, "")
        self.citations.append(cite_in_chunk(n, chunk, article_text, start, end, fallback_quote=support.window.text))
        return n

    @staticmethod
    def rewrite_markers(sentence: str, numbers: list[int]) -> str:
        """The sentence with the model's markers replaced by the checked ones, at its end: "claim [1][2]."."""
        markers = "".join(f"[{n}]" for n in sorted(set(numbers)))
        body = " ".join(MARKER.sub(" ", sentence).split())
        body = re.sub(r"\s+([.,;:!?])", r"\1", body)  # removing a marker can leave "claim ."
        stop = re.search(r"[.!?]+[\"”’')]*$", body)
        if stop:
            return f"{body[: stop.start()].rstrip()} {markers}{body[stop.start() :]}"
        return f"{body} {markers}"


class SentenceBuffer:
    """Collects streamed text and hands out sentences once they are surely complete."""

    def __init__(self) -> None:
        self.text = ""
        self.taken = 0  # characters already handed out

    def feed(self, piece: str) -> list[tuple[str, str]]:
        """Add text; return the (gap, sentence) pairs now complete. `gap` is the whitespace before."""
        self.text += piece
        return self._sentences(final=False)

    def finish(self) -> list[tuple[str, str]]:
        return self._sentences(final=True)

    def _sentences(self, final: bool) -> list[tuple[str, str]]:
        pending = self.text[self.taken :]
        normalized = normalize_markers(pending)
        spans = merge_marker_fragments(normalized, sentence_spans(normalized))
        if not final:
            # The last sentence may still grow; a marker-only tail may still belong to the one before.
            spans = spans[:-1]
        if not spans:
            return []
        out: list[tuple[str, str]] = []
        previous_end = 0
        for start, end in spans:
            out.append((normalized[previous_end:start], normalized[start:end]))
            previous_end = end
        consumed = len(normalized[:previous_end])
        # `normalize_markers` only moves markers within a sentence, so lengths match the raw text.
        self.taken += consumed
        return out


def merge_marker_fragments(text: str, spans) -> list[tuple[int, int]]:
    """Join a fragment made only of markers ("[2]") to the sentence before it."""
    merged: list[tuple[int, int]] = []
    for span in spans:
        fragment = text[span.start : span.end]
        if merged and MARKER_ONLY.match(fragment):
            merged[-1] = (merged[-1][0], span.end)
        else:
            merged.append((span.start, span.end))
    return merged


def join_sentences(pieces: list[tuple[str, str]]) -> str:
    """Kept sentences joined: a paragraph break where the model put one, else a space."""
    parts: list[str] = []
    for gap, sentence in pieces:
        if parts:
            parts.append("\n\n" if "\n" in gap else " ")
        parts.append(sentence)
    return "".join(parts)
