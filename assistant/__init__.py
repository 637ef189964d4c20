"""Byline answering: retrieval, answerers, citations, and the public `Assistant` API."""

from assistant.answer import Answer, Citation
from assistant.core import Assistant

__all__ = ["Answer", "Assistant", "Citation"]
