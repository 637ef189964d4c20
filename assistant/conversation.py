"""A `Conversation`: a chat with Byline that keeps its own history, so follow-ups lean on earlier turns.

It needs only something that answers with a history (the `Asker` protocol, which `Assistant`
satisfies), so this module does not import the assistant that creates conversations.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from assistant.answer import Answer, AnswerEvent, StreamEvent
from assistant.answering.rewriter import normalize_history


class Asker(Protocol):
    """What a conversation asks through: `Assistant.ask` and `Assistant.stream` with a history."""

    def ask(self, question: str, *, history: list[dict] | None = None, **filters) -> Answer: ...

    def stream(self, question: str, *, history: list[dict] | None = None, **filters) -> Iterator[StreamEvent]: ...


class Conversation:
    """A chat with Byline that remembers its turns, so follow-ups can lean on earlier ones.

    >>> chat = bot.conversation()
    >>> chat.ask("What did Aliyev say about the operation?")
    >>> chat.ask("What did he say about civilians?").standalone_question
    'What did Aliyev say about civilians?'
    """

    def __init__(self, assistant: Asker, history: list[dict] | None = None, **filters):
        self.assistant = assistant
        self.history: list[dict[str, str]] = normalize_history(history)
        self.filters = filters
        self.answers: list[Answer] = []

    def ask(self, message: str) -> Answer:
        answer = self.assistant.ask(message, history=list(self.history), **self.filters)
        self.remember(message, answer)
        return answer

    def stream(self, message: str) -> Iterator[StreamEvent]:
        for event in self.assistant.stream(message, history=list(self.history), **self.filters):
            if isinstance(event, AnswerEvent):
                self.remember(message, event.answer)
            yield event

    def remember(self, message: str, answer: Answer) -> None:
        self.history.append({"role": "user", "content": message})
        self.history.append({"role": "assistant", "content": answer.text})
        self.answers.append(answer)

    def reset(self) -> None:
        self.history.clear()
        self.answers.clear()
