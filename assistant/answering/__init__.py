"""The answerers: from a question and what search found to a cited `Answer`.

0. `question`: what kind of question it is and what kind of thing answers it (a place for "which
   country", a number for "how many"); every answerer reads it.
1. `rewriter`: a follow-up becomes a standalone question (rules, or the LLM when one is set).
2. `who_said`: "Who said …?", "What did X say (about Y)?", "Did X say …?" from the quote index.
3. `extractive`: everything else without an LLM: the sentences that hold the question's terms,
   each cited with its exact span; a decline when no passage holds enough of the question.
3b. `shaped`: summaries (a digest of stories, wire copies merged), comparisons (each side under its
   name) and timelines (dated events in order), laid out from cited sentences.
4. `generative`: with an OpenAI-compatible LLM, the answer worded by it with [n] markers.
5. `checker`: every sentence an LLM cites is checked against its passage; what it does not
   support is dropped, and each kept citation gets its quote and span.

Answering may use `assistant.search`; search never imports answering.
"""

from assistant.answering.checker import CheckedAnswerBuilder, CitationChecker, strip_markers
from assistant.answering.extractive import ExtractiveAnswerer, decline
from assistant.answering.generative import GenerativeAnswerer, LLMClient, LLMUnavailable, MalformedStream, rewrite_with_llm
from assistant.answering.rewriter import RuleRewriter, normalize_history
from assistant.answering.who_said import WhoSaidAnswerer

__all__ = [
    "CheckedAnswerBuilder",
    "CitationChecker",
    "ExtractiveAnswerer",
    "GenerativeAnswerer",
    "LLMClient",
    "LLMUnavailable",
    "MalformedStream",
    "RuleRewriter",
    "WhoSaidAnswerer",
    "decline",
    "normalize_history",
    "rewrite_with_llm",
    "strip_markers",
]
