"""Speakers taken from speech frames: nested frames and cue-less quotes.

A pronoun speaker inside another speaker's reported clause is that speaker
(``_fix_nested``); a quote whose sentence has no cue inherits the speaker of
its multi-paragraph group, a colon introduction, a speech frame or the
neighbouring quote (``_inherit``, ``_take_frame``).
"""

from __future__ import annotations

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
    ("the ministry reported that ... what they described as '...'")."""
    for q in quotes:
        if q.speaker_tok is None or q.speaker_tok.tag_ != "PRP" or q.speaker_span is None:
            continue
        inside = [f for f in frames if f[0] <= q.speaker_span[0] < f[1]]
        if inside:
            inner = max(inside, key=lambda f: f[0])
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
    for i, q in enumerate(quotes):
        if q.speaker is not None or q.term:
            continue  # a term the narration quotes ("a new “border emergency authority”") is no one's words
        src: Quote | None = group_spk.get(q.group)
        first_in_para = i == 0 or quotes[i - 1].para != q.para
        if src is None and first_in_para and (q.para - 1) in colon_spk:
            name, spk, span, cue = colon_spk[q.para - 1]
            q.speaker, q.speaker_name, q.speaker_span, q.cue, q.method = spk, name, span, cue, "context"
            group_spk.setdefault(q.group, q)
            continue
        if src is None:
            prev = [p for p in quotes[:i] if p.para == q.para and p.speaker is not None]
            nxt = [p for p in quotes[i + 1 :] if p.para == q.para and p.speaker is not None]
            # a speech frame earlier in the paragraph ("X said in a statement. “...”")
            fprev = [f for f in para_frames.get(q.para, []) if f[0] < q.start]
            if fprev and (not prev or fprev[-1][0] > prev[-1].end):
                _take_frame(q, fprev[-1])
                group_spk.setdefault(q.group, q)
                continue
            if prev:
                src = prev[-1]
            elif nxt:
                src = nxt[0]
            else:
                prevp = [p for p in quotes[:i] if p.para == q.para - 1 and p.speaker is not None]
                fprevp = para_frames.get(q.para - 1, [])
                if fprevp and (not prevp or fprevp[-1][0] > prevp[-1].end):
                    _take_frame(q, fprevp[-1])
                    group_spk.setdefault(q.group, q)
                    continue
                if prevp:
                    src = prevp[-1]
        if src is not None:
            q.speaker, q.speaker_name, q.speaker_span, q.cue = src.speaker, src.speaker_name, src.speaker_span, src.cue
            q.method = "context"
            group_spk.setdefault(q.group, q)


def _take_frame(q: Quote, f: _Frame) -> None:
    vpos, subj, sk, art, cue = f
    q.speaker_name, q.speaker, q.speaker_span = _resolve(subj, sk, art, vpos)
    q.cue, q.method = cue, "context"
