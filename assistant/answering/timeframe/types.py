"""The shared pieces: the public results and constants, the scanner's `_Found`, and the vocabulary several steps read.

A leaf: it imports nothing else from the package.
"""

from __future__ import annotations

import calendar
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import cached_property

# "recently" in a news question: about the last month. News quizzes ask about the past few weeks,
# and 30 days keeps "recently" wider than "last week" without reaching back a season.
RECENT_DAYS = 30
# "in recent days/weeks/months/years": how far back each reaches, in days.
RECENT_SPAN_DAYS = {"days": 7, "weeks": 30, "months": 90, "years": 3 * 365}
# An article's year-less "Jan 5" may sit this many days after its publication day (time zones,
# articles dated after the event) before it is read as the previous year's.
FUTURE_TOLERANCE_DAYS = 3
# The start of a window that has none ("before 2020").
OPEN_START = date.min

Window = tuple[date, date]


@dataclass(frozen=True)
class TimeExpression:
    """One time expression found in a question."""

    text: str
    """The words as written, with their preposition ("since June", "last week", "latest")."""
    span: tuple[int, int]
    """(start, end) of `text` in the question."""
    window: Window | None
    """The inclusive dates it names, or None for a recency word or a future expression."""
    recency: bool
    """Whether it asks for the newest news ("latest", "still", "recently", "next week")."""

    def describe(self) -> str:
        """The words and what they resolved to: "this week (2024-03-16 to 2024-03-22)"."""
        details = []
        if self.window is not None:
            details.append(_describe_window(self.window))
        if self.recency:
            details.append("most recent first")
        if not details:  # days still to come that the question is about: "from August 15th to August 18th"
            details.append("days to come, not a window of the news")
        return f"{self.text} ({', '.join(details)})"

    def describe_days(self) -> str:
        """The words and the days they name, without the recency: "recently (2024-02-22 to 2024-03-22)"."""
        return f"{self.text} ({_describe_window(self.window)})" if self.window is not None else ""


@dataclass(frozen=True)
class TimeReading:
    """What a question says about time, read against the day it is asked."""

    as_of: date
    """The day the question is asked; relative words are read against it."""
    window: Window | None
    """Inclusive (start, end) the question's time words name (start `OPEN_START` when open), or None."""
    recency: bool
    """Whether the question prefers the newest articles ("latest", "now", "still", "so far", "recently")."""
    expressions: list[str]
    """The time words found, as written, in order."""
    query: str
    """The question without its time words, for retrieval."""
    found: tuple[TimeExpression, ...] = ()
    """Each expression with its own window and recency."""

    def describe(self) -> str:
        """Each time expression and its dates, e.g. "this week (2024-03-16 to 2024-03-22)"; "" when none."""
        return "; ".join(expression.describe() for expression in self.found)


@dataclass(frozen=True)
class RelativeDate:
    """A relative time expression in an article, resolved against its publication day."""

    span: tuple[int, int]
    """(start, end) of `text` in the article text."""
    text: str
    """The words as written: "Thursday", "last month", "Jan. 5"."""
    date: date | None = None
    """The calendar day, when the words name one day."""
    range: Window | None = None
    """The inclusive days, when the words name a period ("last week")."""
    about: date | None = None
    """The day loose words name, within `range`: "two weeks ago" in an article of 2024-03-01 is about 2024-02-16
    (the days around it are its `range`)."""

    def describe(self) -> str:
        """The resolved date as it can follow the words in an answer: "2022-12-29", "about 2024-02-16" or
        "2022-12-19 to 2022-12-25"."""
        if self.date is not None:
            return self.date.isoformat()
        if self.about is not None:
            return f"about {self.about.isoformat()}"
        assert self.range is not None
        return _describe_window(self.range)


class _LazyPattern:
    """A case-insensitive regular expression compiled on first use, so that importing stays cheap."""

    def __init__(self, source: str) -> None:
        self.source = source

    @cached_property
    def compiled(self) -> re.Pattern[str]:
        return re.compile(self.source, re.IGNORECASE)

    def search(self, text: str, start: int = 0, end: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.search(text, start, end)

    def match(self, text: str, start: int = 0, end: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.match(text, start, end)

    def fullmatch(self, text: str, start: int = 0, end: int = sys.maxsize) -> re.Match[str] | None:
        return self.compiled.fullmatch(text, start, end)

    def finditer(self, text: str, start: int = 0, end: int = sys.maxsize) -> Iterator[re.Match[str]]:
        return self.compiled.finditer(text, start, end)


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS = {
    **{name.lower(): number for number, name in enumerate(calendar.month_name) if name},
    **{
        "jan": 1,
        "feb": 2,
        "mar": 3,
        "apr": 4,
        "jun": 6,
        "jul": 7,
        "aug": 8,
        "sep": 9,
        "sept": 9,
        "oct": 10,
        "nov": 11,
        "dec": 12,
    },
}


_RECENCY_KINDS = {"recent_span", "recently", "recency"}
_RELATIVE_KINDS = {"day_word", "period", "weekend", "rolling", "ago", "weekday"} | _RECENCY_KINDS


@dataclass
class _Found:
    """A candidate expression: where it is and what its words say, before any reference day."""

    start: int
    end: int
    kind: str
    words: str
    groups: dict[str, str | None]
    prep: str = ""
    prep_start: int = -1
    possessive: bool = False
    range_end: _Found | None = None
    day_date: tuple[int | None, int, int] | None = None  # (year or None, month, day) of an explicit day

    def group(self, name: str) -> str:
        """A named part of the words ("" when absent)."""
        return self.groups.get(name) or ""


def _normalise_spaces(words: str) -> str:
    return " ".join(words.split())


def _describe_window(window: Window) -> str:
    start, end = window
    if start == OPEN_START:
        return f"until {end.isoformat()}"
    if start == end:
        return start.isoformat()
    return f"{start.isoformat()} to {end.isoformat()}"
