"""Models shared by the attribution steps and returned to callers."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class Attribution(BaseModel):
    kind: Literal["direct", "indirect", "according_to"]
    speaker: str
    speaker_name: str
    speaker_span: tuple[int, int] | None
    cue: str
    text: str
    span: tuple[int, int]
    # how the speaker was found: "frame" (cue in the same sentence),
    # "context" (inherited from a neighbouring attribution), "none"
    method: str = "frame"
