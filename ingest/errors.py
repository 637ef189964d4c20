"""Byline's errors: one base class, so a face can tell a user's mistake from a bug.

    BylineError                 anything Byline raises on purpose, with a message a person can act on
    ├── InvalidInput            a question, date or filter that cannot be used (also a ValueError)
    ├── ReadError               a source that could not be read (ingest.readers)
    ├── EmbedderMismatch        an index built with another embedder (ingest.store)
    ├── LLMUnavailable          the configured LLM failed (assistant.answering.generative)
    └── …                       the others subclass it where they are raised

The CLI prints the message of a `BylineError` on one line and exits 2 (a traceback only with
`--debug`); the HTTP API answers 422 with it.
"""

from __future__ import annotations


class BylineError(Exception):
    """The base of every error Byline raises on purpose."""


class InvalidInput(BylineError, ValueError):
    """A question, date or filter that cannot be used; the message says how to fix it."""
