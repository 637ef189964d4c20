"""Step 2: the paragraph skeleton the parser sees, and the spaCy model.

Long quote contents are replaced by a one-word placeholder (``“This,” Trump
said.``) and offsets are mapped back to the original text.  Only paragraphs
with a quote, a speech-verb form or "according to" (``_has_cue``) are parsed.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ingest.attribution.lexicon import SPEECH_FORMS
from ingest.attribution.scanner import Quote
from ingest.language import PipelineView, pipeline_view

if TYPE_CHECKING:
    from spacy.tokens import Token


_PLACEHOLDER = "this"
_KEEP_WORDS = 4  # quotes up to this many words stay in the skeleton (they are parts of the sentence)

_CUE_AFTER = re.compile(
    r"[\s”\"’']*(?:(?:[A-Z][\w.’'-]*|the|a|an|[a-z]+-?)\s+){0,4}?(?:"
    + "|".join(sorted(map(re.escape, SPEECH_FORMS), key=len, reverse=True))
    + r")\b"
)
_WORD = re.compile(r"[A-Za-z]+")


def _has_cue(text: str, s: int, e: int) -> bool:
    """Cheap test: does text[s:e] contain a speech-verb form or "according"?"""
    return any(w.lower() in SPEECH_FORMS or w == "according" for w in _WORD.findall(text, s, e))


@dataclass
class Skeleton:
    """A paragraph with long quote contents replaced by a placeholder."""

    text: str
    skel_starts: list[int] = field(default_factory=list)
    segs: list[tuple[int, int, int, int, int]] = field(
        default_factory=list
    )  # skel_s, skel_e, orig_s, orig_e, quote_idx(-1 plain)

    def to_orig(self, i: int, end: bool = False) -> int:
        k = bisect.bisect_right(self.skel_starts, i) - 1
        if k < 0:
            k = 0
        ss, se, os_, oe, qi = self.segs[k]
        if qi >= 0:
            return oe if end else os_
        return os_ + (i - ss)

    def quote_at(self, i: int) -> int:
        k = bisect.bisect_right(self.skel_starts, i) - 1
        return self.segs[k][4] if k >= 0 else -1

    def tok_quote(self, t: Token) -> int:
        """Quote code of a token: -1 outside quotes, qi for a placeholder,
        -(qi+2) for a kept short quote.  Checks both ends, since the tokenizer
        may glue a quote to punctuation (``said,“this``)."""
        a = self.quote_at(t.idx)
        return a if a != -1 else self.quote_at(t.idx + len(t) - 1)


def _build_skeleton(text: str, ps: int, pe: int, quotes: list[tuple[int, Quote]]) -> Skeleton:
    sk = Skeleton("")
    parts: list[str] = []
    pos = ps
    slen = 0

    def add(s: str, os_: int, oe: int, qi: int) -> None:
        nonlocal slen
        if not s:
            return
        sk.skel_starts.append(slen)
        sk.segs.append((slen, slen + len(s), os_, oe, qi))
        parts.append(s)
        slen += len(s)

    for qi, q in quotes:
        inner = text[q.start : q.end]
        add(text[pos : q.start], pos, q.start, -1)
        if len(inner.split()) <= _KEEP_WORDS:
            # short quotes are usually part of the sentence's syntax: keep them
            # but mark them, so names inside are not antecedents
            add(inner, q.start, q.end, -(qi + 2))
        else:
            # the quote's own closing punctuation, also before a quote it ends with ("... the incumbent,'")
            end = inner.rstrip("'’")[-1:]
            tail = end if end in (".", "?", "!", ",") else ""
            if tail and _CUE_AFTER.match(text, min(q.end + 1, pe), pe):
                tail = ","  # “Q.” Trump said -> keep quote and frame in one sentence
            add(_PLACEHOLDER + tail, q.start, q.end, qi)
        pos = q.end
    add(text[pos:pe], pos, pe, -1)
    sk.text = "".join(parts)
    return sk


@lru_cache(maxsize=1)
def load_nlp() -> PipelineView:
    """The shared spaCy pipeline (ingest.language) as attribution runs it.  The lemmatizer is not needed (speech
    verbs are matched by their inflected forms) and attribute_ruler only maps
    tags to POS, which we read from ``tag_`` instead."""
    return pipeline_view("lemmatizer", "attribute_ruler", "ner")


def _in_quote_fn(sk: Skeleton) -> Callable[[Token], bool]:
    return lambda t: sk.tok_quote(t) != -1
