"""Speakers taken from speech frames: nested frames and cue-less quotes.

A pronoun speaker inside another speaker's reported clause is that speaker
(``_fix_nested``); a quote whose sentence has no cue inherits the speaker of
its multi-paragraph group, a colon introduction, a speech frame or the
neighbouring quote (``_inherit``, ``_take_frame``).
"""

from __future__ import annotations

import bisect
import heapq
from typing import TYPE_CHECKING

from ingest.attribution.coreference import _Article, _resolve
from ingest.attribution.lexicon import _NEUTER, _PLURAL
from ingest.attribution.scanner import Quote
from ingest.attribution.skeleton import Skeleton
from ingest.attribution.types import Attribution

if TYPE_CHECKING:
    from spacy.tokens import Token


_Frame = tuple[int, "Token", Skeleton, _Article, str]  # (cue pos, subject, skeleton, article, cue)


def _fix_nested(quotes: list[Quote], frames: list[tuple[int, int, str, str]], attrs: list[Attribution]) -> None:
    """A pronoun speaker inside another speaker's reported clause is that speaker
    ("the ministry reported that ... what they described as '...'").

    Of the frames holding the speaker, the one starting last (the first listed of those starting there): found
    in one sweep over the speakers in text order, frames entering a heap as they start and leaving it once they
    end before a speaker (a frame ended before one speaker holds no later one)."""
    asked = sorted(
        (q.speaker_span[0], n, q)
        for n, q in enumerate(quotes)
        if q.speaker_tok is not None and q.speaker_tok.tag_ == "PRP" and q.speaker_span is not None
    )
    by_start = sorted(range(len(frames)), key=lambda k: frames[k][0])
    open_frames: list[tuple[int, int]] = []  # (-start, listed order): the latest start, first listed, on top
    k = 0
    for at, _n, q in asked:
        while k < len(by_start) and frames[by_start[k]][0] <= at:
            heapq.heappush(open_frames, (-frames[by_start[k]][0], by_start[k]))
            k += 1
        while open_frames and frames[open_frames[0][1]][1] <= at:
            heapq.heappop(open_frames)
        if open_frames:
            inner = frames[open_frames[0][1]]
            pron = q.speaker_tok.lower_
            if pron in _PLURAL or pron in _NEUTER or inner[3] in ("PERSON", "PRON", ""):
                q.speaker_name = inner[2]


def _inherit(
    quotes: list[Quote],
    colon_spk: dict[int, tuple[str, str, tuple[int, int] | None, str]],
    para_frames: dict[int, list[_Frame]],
) -> None:
    """Quotes without a cue: same group (multi-paragraph quote), then a colon
    introduction at the end of the previous paragraph, then the previous
    attributed quote in the paragraph, then the next one in the paragraph, then
    the last attributed quote of the previous paragraph."""
    group_spk: dict[int, Quote] = {}
    for q in quotes:
        if q.speaker is not None:
            group_spk.setdefault(q.group, q)
    # Quotes are in text order, so a paragraph's are consecutive. The nearest attributed neighbour is kept as the
    # walk goes (`last_spk`: the latest attributed quote of each paragraph so far; `next_spk[i]`: the first after
    # quote i in its paragraph attributed before the walk, which is how the walk still finds it), and a frame
    # before a quote is found by bisection: scanning every quote or frame for each quote cost a paragraph of
    # thousands of quotes their number squared.
    next_spk: list[Quote | None] = [None] * len(quotes)
    following: Quote | None = None
    for i in range(len(quotes) - 1, -1, -1):
        if i + 1 < len(quotes) and quotes[i + 1].para != quotes[i].para:
            following = None
        next_spk[i] = following
        if quotes[i].speaker is not None:
            following = quotes[i]
    last_spk: dict[int, Quote] = {}
    frame_starts = {para: [f[0] for f in frames] for para, frames in para_frames.items()}
    for i, q in enumerate(quotes):
        _inherit_one(
            q, i == 0 or quotes[i - 1].para != q.para, group_spk, colon_spk, para_frames, frame_starts, last_spk, next_spk[i]
        )
        if q.speaker is not None:
            last_spk[q.para] = q


def _inherit_one(
    q: Quote,
    first_in_para: bool,
    group_spk: dict[int, Quote],
    colon_spk: dict[int, tuple[str, str, tuple[int, int] | None, str]],
    para_frames: dict[int, list[_Frame]],
    frame_starts: dict[int, list[int]],
    last_spk: dict[int, Quote],
    next_spk: Quote | None,
) -> None:
    if q.speaker is not None or q.term:
        return  # a term the narration quotes ("a new “border emergency authority”") is no one's words
    src: Quote | None = group_spk.get(q.group)
    if src is None and first_in_para and (q.para - 1) in colon_spk:
        name, spk, span, cue = colon_spk[q.para - 1]
        q.speaker, q.speaker_name, q.speaker_span, q.cue, q.method = spk, name, span, cue, "context"
        group_spk.setdefault(q.group, q)
        return
    if src is None:
        prev = last_spk.get(q.para)
        # a speech frame earlier in the paragraph ("X said in a statement. “...”")
        frames = para_frames.get(q.para, [])
        k = bisect.bisect_left(frame_starts.get(q.para, []), q.start)
        fprev = frames[k - 1] if k else None
        if fprev is not None and (prev is None or fprev[0] > prev.end):
            _take_frame(q, fprev)
            group_spk.setdefault(q.group, q)
            return
        if prev is not None:
            src = prev
        elif next_spk is not None:
            src = next_spk
        else:
            prevp = last_spk.get(q.para - 1)
            fprevp = para_frames.get(q.para - 1, [])
            if fprevp and (prevp is None or fprevp[-1][0] > prevp.end):
                _take_frame(q, fprevp[-1])
                group_spk.setdefault(q.group, q)
                return
            if prevp is not None:
                src = prevp
    if src is not None:
        q.speaker, q.speaker_name, q.speaker_span, q.cue = src.speaker, src.speaker_name, src.speaker_span, src.cue
        q.method = "context"
        group_spk.setdefault(q.group, q)


def _take_frame(q: Quote, f: _Frame) -> None:
    vpos, subj, sk, art, cue = f
    q.speaker_name, q.speaker, q.speaker_span = _resolve(subj, sk, art, vpos)
    q.cue, q.method = cue, "context"
