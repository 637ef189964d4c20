"""Step 1: the character scanner that finds direct quotes.

Curly and straight double quotes, single quotes used as quotes (outside double
quotes), and news-style multi-paragraph quotes (a paragraph opens a quote
without closing it and the next paragraph opens again).  Spans are the inner
content, without quote marks and a trailing comma.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ingest.cleaning import DATELINE

if TYPE_CHECKING:
    from spacy.tokens import Token


_DOUBLE_OPEN = "“"
_DOUBLE_CLOSE = "”"
# a double quote typed as two single marks (typewriter and OCR text, wire copy): ``Q'' or "Q,'' Haley said,
# ‘‘Q’’. A closer only ends an open quote; an opener only opens one at a word's start ("'Oppenheimer''Succession,'"
# is two single quotes run together)
_PAIR_OPEN = ("``", "‘‘", "''")
_PAIR_CLOSE = ("''", "’’")


@dataclass
class Quote:
    start: int  # inner content [start, end)
    end: int
    para: int
    group: int  # quotes continued across paragraphs share a group id
    single: bool = False
    term: bool = False  # a few quoted words without a verb set in narration ("a new “border emergency authority,”")
    title: bool = False  # a programme's or publication's name, no one's words (Haley said on "Fox News Sunday.")
    speaker_tok: Token | None = None
    speaker: str | None = None
    speaker_span: tuple[int, int] | None = None
    speaker_name: str | None = None
    cue: str = ""
    method: str = "none"


def _paragraphs(text: str) -> list[tuple[int, int]]:
    out = []
    for m in re.finditer(r"[^\n]+", text):
        if m.group().strip():
            out.append((m.start(), m.end()))
    return out


DATELINE_CHARS = 60  # how far into a span a dateline opening it may reach


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " \t\u00a0":
        s += 1
    # "RIVERTON — Hartwell Appliance Co. violated …, Commerce Secretary Raymond Dufresne said" was listed as his
    # words with the dateline (a journalist's try)
    if (dateline := DATELINE.match(text, s, min(e, s + DATELINE_CHARS))) is not None:
        s = dateline.end()
        while s < e and text[s] in " \t\u00a0":
            s += 1
    while e > s and text[e - 1] in " \t\u00a0,":
        e -= 1
    return s, e


def _opens(marks: str) -> bool:
    """Are these characters, from a paragraph's start to its first quote, only that quote's opening mark?"""
    return marks in ("“", '"') or marks in _PAIR_OPEN


# a title is set after "on", "in" or "to", perhaps after its network's name: said on "Fox News Sunday.",
# speaking on ABC's "This Week," wrote in “The Atlantic”
_BEFORE_TITLE = re.compile(r"\b(?:on|in|to)\s+(?:[A-Z][\w.&-]*(?:'s|’s)\s+)?$")
_TITLE_SMALL_WORDS = frozenset("a an and the of for in on to at with or by from &".split())
_TITLE_MAX_WORDS = 8
# how far before a quote `_BEFORE_TITLE` looks: "on ABC's " and its spaces. Searching from the paragraph's start
# instead made every quote cost its paragraph's length (a 45,000-character paragraph of quotes took minutes).
_TITLE_LOOKBACK = 200


def _is_title(text: str, para_start: int, q: Quote) -> bool:
    """Is the quote a title after "on"/"in"/"to" (a programme, a publication, a book): a few words, each
    capitalised but the small ones ("Fox News Sunday.", "Meet the Press")? Speech after "in" is not so set
    ("said in “a very real way”")."""
    marks = 2 if text[q.start - 2 : q.start] in _PAIR_OPEN else 1
    if not _BEFORE_TITLE.search(text, max(para_start, q.start - marks - _TITLE_LOOKBACK), q.start - marks):
        return False
    words = [w.strip(".,!?:;\"'“”‘’()") for w in text[q.start : q.end].split()]
    words = [w for w in words if w]
    if not words or len(words) > _TITLE_MAX_WORDS or not words[0][:1].isupper() and not words[0][:1].isdigit():
        return False
    return all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _TITLE_SMALL_WORDS for w in words)


_SINGLE_RE = re.compile(r"(?<![\w’'])[‘'](?!\d0s)((?:[^‘’'\n]|(?<=\w)[’'](?=\w))+?)[’'](?![\w])")


def find_quotes(text: str) -> list[Quote]:
    """Top-level quotes (inner spans) in text order."""
    quotes: list[Quote] = []
    paras = _paragraphs(text)
    group = 0
    carry_group: int | None = None  # group of an unclosed quote from the previous paragraph
    for pi, (ps, pe) in enumerate(paras):
        open_at: int | None = None
        mark = 1  # length of the open quote's opening mark
        para_quotes: list[Quote] = []
        covered: list[tuple[int, int]] = []
        i = ps
        while i < pe:
            ch = text[i]
            pair = text[i : i + 2]
            if open_at is not None and pair in _PAIR_CLOSE and i >= open_at:
                # "rightly or wrongly, chaos follows him,'' and called him out": the quote ends here, not at the
                # paragraph's end
                para_quotes.append(Quote(open_at, i, pi, group))
                covered.append((open_at - mark, i + 2))
                group += 1
                open_at = None
                i += 2
                continue
            if (
                open_at is None
                and pair in _PAIR_OPEN
                and (i == ps or text[i - 1].isspace() or text[i - 1] in "([—–-")
                and i + 2 < pe
                and not text[i + 2].isspace()
            ):
                open_at, mark = i + 2, 2
                i += 2
                continue
            if (
                ch == _DOUBLE_OPEN
                and open_at is not None
                and i > open_at
                and not text[i - 1].isspace()
                and (i + 1 >= pe or text[i + 1].isspace())
            ):
                # “ typed as a closer ("It's unusual,“ Noble said)
                para_quotes.append(Quote(open_at, i, pi, group))
                covered.append((open_at - mark, i + 1))
                group += 1
                open_at = None
            elif ch == _DOUBLE_OPEN or (ch == '"' and open_at is None):
                if open_at is not None:
                    # a second opener without a close: end the previous one here
                    para_quotes.append(Quote(open_at, i, pi, group))
                    covered.append((open_at - mark, i))
                    group += 1
                if ch == '"' and (i + 1 >= pe or text[i + 1].isspace()) and i > ps and not text[i - 1].isspace():
                    i += 1  # stray closing straight quote
                    continue
                open_at, mark = i + 1, 1
            elif ch == _DOUBLE_CLOSE or ch == '"':
                if open_at is not None:
                    para_quotes.append(Quote(open_at, i, pi, group))
                    covered.append((open_at - mark, i + 1))
                    group += 1
                    open_at = None
            i += 1
        continued: int | None = None
        if open_at is not None:
            # unclosed at paragraph end: multi-paragraph quote if the next paragraph opens one
            q = Quote(open_at, pe, pi, group)
            covered.append((open_at - mark, pe))
            para_quotes.append(q)
            nxt = paras[pi + 1] if pi + 1 < len(paras) else None
            if nxt and (text[nxt[0]] in '“"' or text.startswith(_PAIR_OPEN, nxt[0])):
                continued = group
            group += 1
        # the first quote of this paragraph continues the previous paragraph's quote
        if carry_group is not None and para_quotes and _opens(text[ps : para_quotes[0].start]):
            para_quotes[0].group = carry_group
            if continued == group - 1 and len(para_quotes) == 1:
                continued = carry_group
        carry_group = continued
        # single quotes outside double quotes. `covered` is in text order: the spans starting before a match's
        # end overlap it when the furthest of their ends is past its start (a bisection, not a pass over all)
        starts = [a for a, _ in covered]
        reach = list(itertools.accumulate((b for _, b in covered), max))
        for m in _SINGLE_RE.finditer(text, ps, pe):
            k = bisect.bisect_left(starts, m.end())
            if k and reach[k - 1] > m.start():
                continue  # inside (or across the edge of) a double quote
            inner = m.group(1)
            if len(inner.split()) < 2 or inner[0].isspace() or inner[-1].isspace():
                continue
            para_quotes.append(Quote(m.start(1), m.end(1), pi, group, single=True))
            group += 1
        para_quotes.sort(key=lambda q: q.start)
        quotes.extend(para_quotes)
    out = []
    for q in quotes:
        s, e = _trim(text, q.start, q.end)
        if e > s and any(c.isalnum() for c in text[s:e]):
            q.start, q.end = s, e
            q.title = _is_title(text, paras[q.para][0], q)
            out.append(q)
    return out
