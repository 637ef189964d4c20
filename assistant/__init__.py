"""Byline answering: the public `Assistant` API, its `Answer`/`Citation` types, settings and eval.

assistant/
  core.py          Assistant: open an index, add articles, ask, stream, search, quotes
  answer.py        Answer, Citation, Passage and the stream events
  conversation.py  Conversation: a chat that keeps its own history
  settings.py      AssistantSettings (env prefix BYLINE_)
  evaluation.py    `byline eval`: scoring on the eval sets
  search/          the hybrid retriever, filters, the retrieval cache, the quote index
  answering/       the answerers, the citation checker, the follow-up rewriter
"""

from assistant.answer import Answer, Citation
from assistant.conversation import Conversation
from assistant.core import Assistant
from assistant.search.types import Filters
from assistant.settings import AssistantSettings
from ingest.errors import BylineError, InvalidInput
from ingest.store import EmbedderMismatch

__all__ = [
    "Answer",
    "Assistant",
    "AssistantSettings",
    "BylineError",
    "Citation",
    "Conversation",
    "EmbedderMismatch",
    "Filters",
    "InvalidInput",
]
