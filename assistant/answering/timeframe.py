"""Time in questions and in articles, read against a reference day.

A news question is asked on a day (`as_of`), and an article's "Thursday" means the Thursday before
it was published. Both readings share one scanner; they differ in how a found expression becomes a
date.

Reading a question (`read_time(question, as_of)`):

1. Find candidates with regular expressions: day words ("yesterday", "tonight"), periods ("this
   week", "earlier this month", "so far this year", "the past 7 days", "two weeks ago"), weekday
   names ("on Monday", "last Friday"), explicit dates ("Jan 5", "5 January 2024", "1/5/2024",
   "September 2023", "in March", "in 2023", "the 1990s") and recency words ("latest", "still", "now").
2. Throw out names and titles. Relative words count only in lower case (a capital is allowed on the
   first word of a sentence): "The Week", "Last Week Tonight", "USA Today", "New York" are names. A
   weekday after a holiday word ("Black Friday", "Super Tuesday") or before a title word ("Monday
   Night Football", "Sunday Times") is a name; any other capitalised neighbour is not enough ("beat
   Buffalo Sunday" is news style for a date). A month on its own ("May") counts only after a
   preposition (in, on, since, before, after, until, through, during, over, from, between, by) or
   with early/mid/late or last/this/next, and not beside a capitalised word ("March Madness", "May
   Day", "Theresa May said"). A year on its own counts only after such a preposition ("in 2023";
   "the 2020 election" is not a time). A year-less day between "the" and a noun names an event
   ("the Jan. 6 committee", "the Oct. 7 attacks") and is left alone.
3. Read the preposition before each expression ("since June", "before 2020", "after March 3") and
   join "between A and B" / "from A to B" into one range.
4. Resolve against `as_of`. "this week" is the 7 days ending on as_of, "last week" the 7 days before
   those; "this month"/"this year" run from their first day to as_of; "last month"/"last year" are
   calendar ones; "recently" is the last `RECENT_DAYS` days and also prefers recent articles. A
   weekday is the most recent such day on or before as_of ("last Friday": strictly before). A date
   or month without a year is the most recent one on or before as_of ("in March" asked 2024-02-10
   is March 2023). Explicit days ("Jan 5, 2024", "5 January") are parsed by dateparser, imported
   lazily and called only on the candidate substring (cached): the rules find it, dateparser reads it.
5. Combine: the windows are intersected (when they do not overlap, the narrowest is kept); recency
   words and future expressions ("next week", "upcoming") set `recency`. "by June" is a deadline,
   part of what the news says, so it is neither a window nor removed; an explicit date that starts
   after as_of ("in 2032") is likewise content, not a window.
6. Remove the expressions from the question for retrieval and tidy the rest: "What did the Federal
   Reserve decide this week?" → "What did the Federal Reserve decide?"; a possessive becomes "the"
   ("in last week's storm" → "in the storm").

Reading an article (`relative_dates(text, published)`): the same scanner (steps 1–2) finds the
expressions in the text and each is resolved against the publication day, calendar-wise: "this
week" is the Monday–Sunday week of publication, "last month" the calendar month before. A weekday
is the most recent such day on or before publication: news style names the day itself ("said
Friday" in a Friday article is that day) instead of writing "today". When the words before it read
as future ("will", "is scheduled to", "would", "by") it is the next such day on or after
publication. A day or month without a year takes the publication year, going back a year when that
would be more than `FUTURE_TOLERANCE_DAYS` after publication (forward a year instead when the
sentence reads as future and it would be before publication). Dates that carry their year need no
reading and are not returned.

Cost: a question takes ~0.07 ms (median over 200 quiz-style questions; regular expressions only);
an explicit day not seen before adds ~1 ms of dateparser (results are cached). The first explicit
day imports dateparser and loads its English data (~0.3 s, once). Importing this module compiles
no pattern (they compile on first use, ~10 ms) and imports no dateparser. An article is scanned at ~1 ms per 1,000 characters.
"""

from __future__ import annotations

import calendar
import math
import re
import sys
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import cache, cached_property, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateparser.date import DateDataParser

__all__ = [
    "FUTURE_TOLERANCE_DAYS",
    "OPEN_START",
    "RECENT_DAYS",
    "RelativeDate",
    "TimeExpression",
    "TimeReading",
    "read_time",
    "relative_dates",
]

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
        return f"{self.text} ({', '.join(details)})"


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

    def describe(self) -> str:
        """The resolved date as it can follow the words in an answer: "2022-12-29" or "2022-12-19 to 2022-12-25"."""
        if self.date is not None:
            return self.date.isoformat()
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


# --- the scanner: candidates -------------------------------------------------------------------

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
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "few": 3,
    "couple": 2,
}

_WEEKDAY = "(?:" + "|".join(_WEEKDAY_NAMES) + ")"
_MONTH_FULL = "(?:" + "|".join(calendar.month_name[1:]).lower() + ")"
_MONTH_ANY = rf"(?:{_MONTH_FULL}\b|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\b\.?)"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?![:.]\d|%)"
_YEAR = r"(?:19|20)\d{2}\b(?![-–/]\d)"
_NUMBER = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|(?:a\s+)?few|(?:a\s+)?couple(?:\s+of)?)"
_PART = r"(?:(?P<part>early|mid|late)(?:-|\s+))"
_NOT_OF = r"(?!\s+of\b)"  # "the last week of March" is not the past week

# One pattern per kind of expression; compiled on first use (~8 ms), so importing stays cheap.
_PATTERN_SOURCES = {
    "day_word": r"\b(?:the\s+day\s+before\s+yesterday|yesterday|today|tonight|tomorrow|last\s+night"
    r"|this\s+(?:morning|afternoon|evening)|(?:earlier|later)\s+today)\b",
    "period": r"\b(?:(?P<lead>so\s+far|earlier|later)\s+)?(?P<which>this\s+past|the\s+past|the\s+last|the\s+previous|the\s+next"
    rf"|this|last|next|past|previous)\s+(?P<unit>week|weekend|month|year)\b{_NOT_OF}(?P<trail>\s+so\s+far)?",
    "weekend": r"\b(?:over|during|on|at)\s+the\s+weekend\b",
    "rolling": rf"\b(?:the\s+)?(?:past|last|previous)\s+(?P<count>{_NUMBER})\s+(?P<unit>hour|day|week|month|year)s?\b{_NOT_OF}",
    "ago": rf"\b(?P<count>{_NUMBER})\s+(?P<unit>day|week|month|year)s?\s+ago\b",
    "recent_span": r"\b(?:in|over|during)\s+(?:the\s+)?recent\s+(?P<unit>days|weeks|months|years)\b",
    "recently": r"\b(?:recently|lately|of\s+late)\b",
    "recency": r"\b(?:latest|most\s+recent(?:ly)?|newest|right\s+now|as\s+of\s+now|for\s+now|by\s+now|until\s+now"
    r"|up\s+to\s+now|nowadays|now|these\s+days|at\s+the\s+moment|at\s+present|presently|currently|current"
    r"|still|new|recent|so\s+far|to\s+date|upcoming|ongoing)\b",
    "weekday": rf"\b(?:(?P<which>this\s+past|last|this|next|past)\s+)?(?P<weekday>{_WEEKDAY})\b"
    r"(?:\s+(?P<time>morning|afternoon|evening|night))?\b",
    "date_mdy": rf"\b(?:{_WEEKDAY},?\s+)?(?P<date>(?P<month>{_MONTH_ANY})\s*(?P<day>{_DAY})(?:,?\s+(?P<year>{_YEAR}))?)",
    "date_dmy": rf"\b(?:{_WEEKDAY},?\s+)?(?P<date>(?:the\s+)?(?P<day>{_DAY})\s+(?:of\s+)?(?P<month>{_MONTH_ANY})"
    rf"(?:,?\s+(?P<year>{_YEAR}))?)",
    "date_numeric": r"\b(?P<date>\d{1,2}/\d{1,2}/(?:\d{4}|\d{2})|(?:19|20)\d{2}-\d{2}-\d{2})\b",
    "month_year": rf"\b{_PART}?(?P<month>{_MONTH_ANY}),?\s+(?P<year>{_YEAR})",
    "month": rf"\b(?:(?P<which>last|this|next|past)\s+|{_PART})?(?P<month>{_MONTH_FULL})\b",
    "year": rf"\b{_PART}?(?P<year>{_YEAR})",
    "decade": r"\bthe\s+(?:(?P<part>early|mid|late)(?:-|\s+))?(?P<decade>(?:19|20)\d0)['’]?s\b",
}

_PREPOSITION = _LazyPattern(r"\b(?P<prep>in|on|during|over|from|since|after|before|until|till|through|between|by)\s+$")
_RANGE_JOIN = _LazyPattern(r"\s*(?:and|to|through|thru|until|till|-|–|—)\s*")
_WORD_BEFORE = _LazyPattern(r"([A-Za-z][A-Za-z'’.-]*)\s*$")
_WORD_AFTER = _LazyPattern(r" ([A-Za-z0-9][A-Za-z'’-]*)")
_WORDS = _LazyPattern(r"[A-Za-z]+")

# Words before a weekday that make it a named day, in any case.
_HOLIDAY_WORDS = {
    "black",
    "cyber",
    "good",
    "super",
    "ash",
    "fat",
    "holy",
    "maundy",
    "palm",
    "easter",
    "bloody",
    "giving",
    "blue",
    "shrove",
    "whit",
    "trinity",
    "mothering",
    "selection",
    "business",
    "manic",
    "bowl",
    "remembrance",
    "casual",
    "freaky",
    "girl",
    "man",
    "joe",
    "clean",
    "orthodox",
    "spy",
    "plough",
}
# Capitalised words after a weekday that make it a title ("Monday Night Football", "Sunday Times").
_TITLE_WORDS = {"Night", "Times", "Telegraph", "Mail", "Express", "Mirror", "Post", "Herald", "Star", "Morning", "Lights", "Club"}
# Lower-case words after "the Jan. 5" that show the date is not a noun's modifier ("the Jan. 5 hearing").
_WORDS_AFTER_A_DATE = {"and", "or", "to", "through", "until", "at", "in", "on", "of", "from", "when", "that", "as"}
_WORDS_AFTER_A_DATE |= {"was", "is", "were", "will", "after", "before", "by"}
_NEWSPAPERS_ON_SUNDAY = {"mail", "independent", "observer"}
# Lower-case words after "new" that make a name ("new york" typed in lower case) or no recency.
_NOT_NEW = {"york", "jersey", "zealand", "mexico", "delhi", "hampshire", "orleans", "england", "guinea", "brunswick", "haven"}
_NOT_NEW |= {"south", "year", "years", "testament"}
# Words that may sit before a capitalised month or weekday that opens a time expression.
_TIME_LEAD_WORDS = {"on", "in", "since", "before", "after", "until", "till", "through", "during", "over", "from", "between"}
_TIME_LEAD_WORDS |= {"by", "and", "to", "last", "this", "next", "past", "early", "mid", "late", "of", "the"}
_FUTURE_WORDS = _LazyPattern(
    r"\b(?:will|won['’]t|shall|would|going\s+to|scheduled|slated|set\s+(?:to|for)|plans?\s+to|planned|expected|due"
    r"|upcoming)\b|['’]ll\b"
)
_FUTURE_WORD_JUST_BEFORE = _LazyPattern(r"\b(?:by|until|till)\s+$")
_FUTURE_LOOK_WORDS = 12  # how many words around a weekday or date are read for future tense
# Words that start a new clause, whose tense is its own: "died Thursday and will be buried Monday".
_CLAUSE_WORDS = {"and", "but", "said", "says", "told", "after", "when", "because", "since", "while", "which", "who", "that"}
_NOUN_FOLLOWERS = _LazyPattern(r"\s*(?:(?:on|about|in|from|regarding|with|for|of)\b|[?.!,;:]|$)")

_RECENCY_KINDS = {"recent_span", "recently", "recency"}
_RELATIVE_KINDS = {"day_word", "period", "weekend", "rolling", "ago", "weekday"} | _RECENCY_KINDS
_NEEDS_CONTEXT_KINDS = {"month", "year", "decade"}
_KINDS_WITH_OWN_PREPOSITION = {"weekend"} | _RECENCY_KINDS  # "over the weekend", "in recent weeks", "by now"
_SENTENCE_OPENERS = ".!?:;\"“”'‘’(\n—–-"
_SENTENCE_ENDS = ".!?;\n"


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


@cache
def _patterns() -> dict[str, re.Pattern[str]]:
    return {kind: re.compile(source, re.IGNORECASE) for kind, source in _PATTERN_SOURCES.items()}


def _scan(text: str) -> list[_Found]:
    """The time expressions of `text`, names and titles left out, the longest where they overlap."""
    candidates = []
    for kind, pattern in _patterns().items():
        for match in pattern.finditer(text):
            found = _Found(match.start(), match.end(), kind, match[0], match.groupdict())
            if not _is_a_name(text, found):
                candidates.append(found)
    candidates.sort(key=lambda found: (found.start, found.start - found.end))
    chosen: list[_Found] = []
    for candidate in candidates:
        if chosen and candidate.start < chosen[-1].end:
            continue
        if candidate.kind.startswith("date_"):
            candidate.day_date = _parse_day_date(_normalise_spaces(candidate.group("date")))
            if candidate.day_date is None:
                continue  # "February 30"
        chosen.append(candidate)
    for found in chosen:
        found.possessive = text[found.end : found.end + 2] in ("'s", "’s")
        preposition = _PREPOSITION.search(text, max(0, found.start - 12), found.start)
        if preposition and not found.possessive and found.kind not in _KINDS_WITH_OWN_PREPOSITION:
            found.prep = preposition["prep"].lower()
            found.prep_start = preposition.start()
    _join_ranges(text, chosen)
    return [found for found in chosen if not _lacks_context(found)]


def _join_ranges(text: str, chosen: list[_Found]) -> None:
    """ "between A and B" / "from A to B": A keeps B as its `range_end`, and B leaves the list."""
    index = 0
    while index < len(chosen) - 1:
        first, second = chosen[index], chosen[index + 1]
        if (
            first.prep in ("between", "from")
            and first.kind not in _RECENCY_KINDS
            and second.kind not in _RECENCY_KINDS
            and _RANGE_JOIN.fullmatch(text, first.end, second.start)
        ):
            first.range_end = second
            del chosen[index + 1]
        index += 1


def _lacks_context(found: _Found) -> bool:
    """A bare month or year needs a preposition, early/mid/late, last/this/next, or a range to be a time."""
    if found.kind not in _NEEDS_CONTEXT_KINDS:
        return False
    return not (found.prep or found.group("part") or found.group("which") or found.range_end)


def _is_a_name(text: str, found: _Found) -> bool:
    """Whether the candidate's words are part of a name or title rather than a time."""
    if found.kind == "weekday":
        return _weekday_is_a_name(text, found)
    if found.kind in ("month", "month_year"):
        return _month_is_a_name(text, found)
    if found.kind in ("date_mdy", "date_dmy"):
        return _date_names_an_event(text, found)
    if found.kind not in _RELATIVE_KINDS:
        return False
    # Relative words are lower case, but for the first word of a sentence.
    words = [word[0] for word in _WORDS.finditer(found.words)]
    for index, word in enumerate(words):
        if word[0].isupper() and not (index == 0 and _starts_sentence(text, found.start)):
            return True  # "The Week", "Last Week Tonight", "USA Today", "New York"
    next_word = _word_after(text, found.end)
    if len(words) == 1 and words[0][0].isupper() and next_word[:1].isupper():
        return True  # "Still Game", "New York", "Now This" opening a question
    if found.kind == "recency":
        word = found.words.lower()
        return (
            (word == "new" and next_word.lower() in _NOT_NEW)
            or (word == "current" and next_word.lower().startswith("account"))
            or (word == "now" and text[found.end : found.end + 1] == "-")  # "now-defunct"
        )
    return False


def _weekday_is_a_name(text: str, found: _Found) -> bool:
    """ "Black Friday", "Super Tuesday", "Monday Night Football", "The Mail on Sunday" are names.

    Only known words make a name here: "beat Buffalo Sunday" is news style for a date.
    """
    which, time_of_day = found.group("which"), found.group("time")
    if which and which[0].isupper() and not _starts_sentence(text, found.start):
        return True  # "Last Friday" mid-sentence is a title
    if time_of_day[:1].isupper():
        return True  # "Saturday Night Live"
    if not which:
        previous, previous_start = _word_before(text, found.start)
        if previous.lower() in _HOLIDAY_WORDS:
            return True
        if previous.lower() == "on" and found.group("weekday").lower() == "sunday":
            if _word_before(text, previous_start)[0].lower() in _NEWSPAPERS_ON_SUNDAY:
                return True
    return not time_of_day and _word_after(text, found.end) in _TITLE_WORDS


def _month_is_a_name(text: str, found: _Found) -> bool:
    """ "Theresa May", "March Madness", "May Day": a capitalised neighbour makes a month a name."""
    lead = found.group("which") or found.group("part")
    if lead:
        if lead[0].isupper() and not _starts_sentence(text, found.start):
            return True
    else:
        previous, previous_start = _word_before(text, found.start)
        if previous[:1].isupper() and not _starts_sentence(text, previous_start) and previous.lower() not in _TIME_LEAD_WORDS:
            return True  # "Theresa May"
    if found.kind == "month":
        following = _word_after(text, found.end)
        if following[:1].isupper() and following.lower().rstrip(".") not in _MONTHS:
            return following.lower() not in _WEEKDAY_NAMES  # "March Madness", not "March, Monday"
    return False


def _date_names_an_event(text: str, found: _Found) -> bool:
    """ "the Jan. 6 committee", "the Oct. 7 attacks": a year-less date between "the" and a noun names an event."""
    if found.group("year") or found.group("date") != found.words:
        return False  # "Jan. 6, 2021" or "Monday, Jan. 8" is a date however it is used
    following = _word_after(text, found.end)
    return (
        _word_before(text, found.start)[0].lower() == "the"
        and following[:1].islower()
        and following.lower() not in _WORDS_AFTER_A_DATE
    )


def _word_before(text: str, position: int) -> tuple[str, int]:
    """The word just before `position` (across spaces) and where it starts; ("", position) when none."""
    match = _WORD_BEFORE.search(text, max(0, position - 40), position)
    return (match[1], match.start(1)) if match else ("", position)


def _word_after(text: str, position: int) -> str:
    """The word one space after `position`, or "" ("March Madness" → "Madness")."""
    match = _WORD_AFTER.match(text, position)
    return match[1] if match else ""


def _starts_sentence(text: str, position: int) -> bool:
    """Whether only spaces stand between `position` and the start of the text or of a sentence or quote."""
    index = position - 1
    while index >= 0 and text[index].isspace():
        index -= 1
    return index < 0 or text[index] in _SENTENCE_OPENERS


def _normalise_spaces(words: str) -> str:
    return " ".join(words.split())


# --- explicit days: dateparser reads what the rules found --------------------------------------


@cache
def _date_parser() -> DateDataParser:
    """dateparser's English parser for absolute dates (imported on first use: the import costs ~0.1 s)."""
    from dateparser.date import DateDataParser

    settings = {
        "RELATIVE_BASE": datetime(2000, 1, 1),  # a leap year, so "February 29" reads; the year is ours to choose
        "REQUIRE_PARTS": ["day", "month"],
        "DATE_ORDER": "MDY",
        "PARSERS": ["custom-formats", "absolute-time"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    return DateDataParser(languages=["en"], settings=settings)


@lru_cache(maxsize=4096)
def _parse_day_date(words: str) -> tuple[int | None, int, int] | None:
    """(year or None when not written, month, day) of "Jan. 5", "5 January 2024", "1/5/2024"; None if no such day."""
    data = _date_parser().get_date_data(words)
    if data.date_obj is None:
        return None
    year = data.date_obj.year if "year" in (data.parts or ()) else None
    return year, data.date_obj.month, data.date_obj.day


# --- resolving against a reference day ----------------------------------------------------------


def _day_or_none(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _month_window(year: int, month: int) -> Window:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])


def _shift_month(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1


def _last_days(end: date, days: int) -> Window:
    """The `days` days ending on `end`."""
    return end - timedelta(days=days - 1), end


def _weekday_on_or_before(day: date, weekday: int) -> date:
    return day - timedelta(days=(day.weekday() - weekday) % 7)


def _weekday_on_or_after(day: date, weekday: int) -> date:
    return day + timedelta(days=(weekday - day.weekday()) % 7)


def _narrow(window: Window, part: str | None, unit: str) -> Window:
    """Early/mid/late thirds of a month (1–10, 11–20, 21–end), a year (Jan–Apr, May–Aug, Sep–Dec) or a decade."""
    if not part:
        return window
    start, end = window
    third = ("early", "mid", "late").index(part.lower())
    if unit == "month":
        firsts = (1, 11, 21)
        return start.replace(day=firsts[third]), end if third == 2 else start.replace(day=firsts[third + 1] - 1)
    if unit == "year":
        return _month_window(start.year, 1 + 4 * third)[0], _month_window(start.year, 4 + 4 * third)[1]
    first_years = (0, 4, 7, 10)
    return date(start.year + first_years[third], 1, 1), date(start.year + first_years[third + 1] - 1, 12, 31)


def _count(words: str) -> int:
    """ "7" → 7, "three" → 3, "a few" → 3, "a couple of" → 2."""
    last = [word for word in words.lower().split() if word != "of"][-1]
    return int(last) if last.isdigit() else _NUMBER_WORDS[last]


def _which(words: str | None) -> str:
    """last | this | next | past ("this past", "the past", "the last" are the rolling past)."""
    normal = _normalise_spaces(words or "").lower()
    if normal in ("this past", "the past", "the last", "past"):
        return "past"
    if normal in ("previous", "the previous", "last"):
        return "last"
    if normal in ("next", "the next"):
        return "next"
    return normal


@dataclass(frozen=True)
class _Resolved:
    """A candidate's dates against a reference day; `window` None with `future` True for "next week"."""

    window: Window | None
    future: bool = False
    recency: bool = False


def _resolve_year_less(year: int | None, month: int, day: int | None, latest_start: date) -> Window | None:
    """A day or month; without a year, the most recent one that starts on or before `latest_start`."""
    if year is not None:
        if day is None:
            return _month_window(year, month)
        single = _day_or_none(year, month, day)
        return (single, single) if single else None
    candidate_year = latest_start.year
    for _ in range(9):  # February 29 may be up to 8 years back
        if day is None:
            window = _month_window(candidate_year, month)
        else:
            single = _day_or_none(candidate_year, month, day)
            window = (single, single) if single else None
        if window and window[0] <= latest_start:
            return window
        candidate_year -= 1
    return None


def _resolve_for_question(found: _Found, as_of: date, latest_start: date | None = None) -> _Resolved | None:
    """The window `found` names asked on `as_of` (year-less dates start on or before `latest_start`)."""
    kind, today = found.kind, as_of
    latest_start = latest_start or as_of
    if kind == "day_word":
        offset = _day_word_offset(found.words)
        day = today + timedelta(days=offset)
        return _Resolved((day, day), future=offset > 0)
    if kind == "weekday":
        weekday, which = _WEEKDAY_NAMES.index(found.group("weekday").lower()), _which(found.group("which"))
        if which == "next":
            return _Resolved(None, future=True)
        strictly_before = which in ("last", "past")
        reference = latest_start - timedelta(days=1) if strictly_before else latest_start
        day = _weekday_on_or_before(reference, weekday)
        return _Resolved((day, day))
    if kind in ("period", "weekend"):
        return _resolve_period_for_question(found, today)
    if kind == "rolling":
        unit, count = found.group("unit").lower(), _count(found.group("count"))
        if unit == "hour":
            return _Resolved((today - timedelta(days=math.ceil(count / 24)), today))
        return _Resolved(_last_days(today, count * {"day": 1, "week": 7, "month": 30, "year": 365}[unit]))
    if kind == "ago":
        return _Resolved(_ago(found.group("unit").lower(), _count(found.group("count")), today))
    if kind == "recent_span":
        return _Resolved(_last_days(today, RECENT_SPAN_DAYS[found.group("unit").lower()]), recency=True)
    if kind == "recently":
        return _Resolved(_last_days(today, RECENT_DAYS), recency=True)
    if kind == "recency":
        return _Resolved(None, recency=True)
    if kind.startswith("date_"):
        assert found.day_date is not None
        year, month, day = found.day_date
        window = _resolve_year_less(year, month, day, latest_start)
        return _Resolved(window) if window else None
    if kind in ("month", "month_year"):
        month = _MONTHS[found.group("month").lower().rstrip(".")]
        year = int(found.group("year")) if found.group("year") else None
        which = _which(found.group("which"))
        if which in ("this", "next"):
            window = _month_window(today.year + (which == "next"), month)
            return _Resolved(window, future=window[0] > today)
        if which in ("last", "past"):
            year = today.year if month < today.month else today.year - 1
        window = _resolve_year_less(year, month, None, latest_start)
        return _Resolved(_narrow(window, found.group("part"), "month")) if window else None
    if kind == "year":
        year = int(found.group("year"))
        return _Resolved(_narrow((date(year, 1, 1), date(year, 12, 31)), found.group("part"), "year"))
    if kind == "decade":
        first = int(found.group("decade"))
        return _Resolved(_narrow((date(first, 1, 1), date(first + 9, 12, 31)), found.group("part"), "decade"))
    raise ValueError(f"unknown time expression kind {kind!r}")


def _day_word_offset(words: str) -> int:
    """Days from the reference day: "yesterday" -1, "tomorrow" +1, "tonight" 0."""
    words = _normalise_spaces(words).lower()
    if words == "the day before yesterday":
        return -2
    if words in ("yesterday", "last night"):
        return -1
    if words == "tomorrow":
        return 1
    return 0


def _ago(unit: str, count: int, reference: date) -> Window:
    """ "3 days ago" that day; "2 weeks ago" the week around it; "a month ago" that month; "a year ago" that year."""
    if unit == "day":
        day = reference - timedelta(days=count)
        return day, day
    if unit == "week":
        middle = reference - timedelta(days=7 * count)
        return middle - timedelta(days=3), middle + timedelta(days=3)
    if unit == "month":
        return _month_window(*_shift_month(reference.year, reference.month, -count))
    return date(reference.year - count, 1, 1), date(reference.year - count, 12, 31)


def _resolve_period_for_question(found: _Found, today: date) -> _Resolved:
    """Rolling weeks in questions: "this week" the 7 days ending today, "last week" the 7 before."""
    unit = found.group("unit").lower() if found.kind == "period" else "weekend"
    which = _which(found.group("which")) if found.kind == "period" else "past"
    lead = _normalise_spaces(found.group("lead") or "").lower()
    if found.group("trail"):
        lead = "so far"
    if which == "next" or lead == "later":
        return _Resolved(None, future=True)
    if unit == "weekend":
        return _weekend_for_question(which, today)
    if which == "past":
        return _Resolved(_last_days(today, {"week": 7, "month": 30, "year": 365}[unit]))
    recency = lead == "so far"
    if unit == "week":
        this_week = _last_days(today, 7)
        if which == "last":
            return _Resolved((this_week[0] - timedelta(days=7), this_week[0] - timedelta(days=1)))
        return _Resolved(this_week, recency=recency)
    if unit == "month":
        if which == "last":
            return _Resolved(_month_window(*_shift_month(today.year, today.month, -1)))
        return _Resolved((today.replace(day=1), today), recency=recency)
    if which == "last":
        return _Resolved((date(today.year - 1, 1, 1), date(today.year - 1, 12, 31)))
    return _Resolved((date(today.year, 1, 1), today), recency=recency)


def _weekend_for_question(which: str, today: date) -> _Resolved:
    """The weekend just gone (or under way); "this weekend" asked on a weekday is the coming one."""
    saturday = _weekday_on_or_before(today, 5)
    in_weekend = today.weekday() >= 5
    if which == "this" and not in_weekend:
        return _Resolved(None, future=True)
    if which == "last" and in_weekend:
        saturday -= timedelta(days=7)
    return _Resolved((saturday, min(saturday + timedelta(days=1), today)))


# --- reading a question -------------------------------------------------------------------------


def read_time(question: str, as_of: date) -> TimeReading:
    """What `question` says about time, asked on `as_of`: a window, a recency preference, the query without them.

    >>> reading = read_time("What did the Federal Reserve decide this week?", date(2024, 3, 22))
    >>> reading.window, reading.query
    ((datetime.date(2024, 3, 16), datetime.date(2024, 3, 22)), 'What did the Federal Reserve decide?')
    """
    if isinstance(as_of, datetime):
        as_of = as_of.date()
    found_expressions: list[TimeExpression] = []
    removals: list[tuple[int, int, str]] = []
    for found in _scan(question):
        expression = _read_expression(question, found, as_of)
        if expression is None:
            continue
        found_expressions.append(expression)
        removals.append(_removal(question, found, expression))
    windows = [expression.window for expression in found_expressions if expression.window is not None]
    return TimeReading(
        as_of=as_of,
        window=_combine(windows),
        recency=any(expression.recency for expression in found_expressions),
        expressions=[expression.text for expression in found_expressions],
        query=_remove(question, removals) if removals else question,
        found=tuple(found_expressions),
    )


def _read_expression(question: str, found: _Found, as_of: date) -> TimeExpression | None:
    """One candidate as a `TimeExpression`, or None when it is not about when the news happened."""
    if found.prep == "by":
        return None  # a deadline ("pledged to end coal by 2030") is what the news says, not when
    relative = found.kind in _RELATIVE_KINDS or bool(found.group("which"))
    if found.range_end is not None:
        resolved = _resolve_range(found, found.range_end, as_of)
        start, end = found.prep_start, found.range_end.end
    else:
        resolved = _resolve_for_question(found, as_of)
        if resolved is not None and resolved.window is not None:
            resolved = replace(resolved, window=_apply_preposition(found.prep, resolved.window, as_of))
        start, end = (found.prep_start if found.prep else found.start), found.end
    if resolved is None:
        return None
    window, recency = resolved.window, resolved.recency
    if resolved.future or (window is not None and window[0] > as_of):
        if not relative:
            return None  # "in 2032": a plan the news talks about, kept in the query
        window, recency = None, True
    elif window is not None and relative:
        window = (window[0], min(window[1], as_of))
    if found.possessive:
        start = found.start
    return TimeExpression(text=question[start:end], span=(start, end), window=window, recency=recency)


def _resolve_range(first: _Found, last: _Found, as_of: date) -> _Resolved | None:
    """ "between March and May": the last part resolved first, the first part on or before it."""
    if not first.group("year") and last.group("year") and first.kind in ("month", "date_mdy", "date_dmy"):
        first.groups["year"] = last.group("year")
        if first.day_date is not None and first.day_date[0] is None:
            first.day_date = (int(last.group("year")), *first.day_date[1:])
    end_part = _resolve_for_question(last, as_of)
    if end_part is None or end_part.window is None:
        return None
    start_part = _resolve_for_question(first, as_of, latest_start=min(as_of, end_part.window[0]))
    if start_part is None or start_part.window is None:
        return None
    return _Resolved((min(start_part.window[0], end_part.window[0]), max(start_part.window[1], end_part.window[1])))


def _apply_preposition(preposition: str, window: Window, as_of: date) -> Window:
    """since X: X to as_of; after X: the day after X to as_of; before X: until the day before X; until X: until X's end."""
    start, end = window
    if preposition == "since":
        return start, max(start, as_of)
    if preposition == "after":
        return end + timedelta(days=1), max(end + timedelta(days=1), as_of)
    if preposition == "before":
        return OPEN_START, start - timedelta(days=1)
    if preposition in ("until", "till", "through"):
        return OPEN_START, end
    return window


def _combine(windows: list[Window]) -> Window | None:
    """The days every window shares; when they share none, the narrowest window."""
    if not windows:
        return None
    start, end = max(window[0] for window in windows), min(window[1] for window in windows)
    if start <= end:
        return start, end
    return min(windows, key=lambda window: window[1] - window[0])


def _removal(question: str, found: _Found, expression: TimeExpression) -> tuple[int, int, str]:
    """(start, end, replacement) that takes the expression out of the question."""
    start, end = expression.span
    replacement = ""
    if found.possessive:
        end += 2
        replacement = "the"
    elif found.kind == "recency" and _NOUN_FOLLOWERS.match(question, end):
        article = re.search(r"\bthe\s+$", question[max(0, start - 5) : start], re.IGNORECASE)
        if article:
            start -= len(article[0])  # "What is the latest on X?": "the" goes with "latest"
    before, after = question[:start].rstrip(), question[end:].lstrip()
    if not replacement and after.startswith(","):
        if not before or before.endswith(","):
            end = question.index(",", end) + 1  # "This week, who …" and "Who, as of now, leads …"
            if before.endswith(","):
                start = len(before) - 1
    elif not replacement and before.endswith(",") and (not after or after[0] in "?.!;:"):
        start = len(before) - 1  # "Who won, so far?"
    return start, end, replacement


def _remove(question: str, removals: list[tuple[int, int, str]]) -> str:
    """The question with the removals made, spaces and punctuation tidied, its first capital kept."""
    pieces, position = [], 0
    for start, end, replacement in sorted(removals):
        pieces.append(question[position:start])
        pieces.append(f" {replacement} " if replacement else " ")
        position = max(position, end)
    pieces.append(question[position:])
    query = _normalise_spaces("".join(pieces))
    query = re.sub(r"\s+([,.;:?!])", r"\1", query)
    query = re.sub(r"^[,;:\s]+", "", query)
    if question[:1].isupper():
        query = query[:1].upper() + query[1:]
    return query


# --- reading an article -------------------------------------------------------------------------


def relative_dates(text: str, published: date) -> list[RelativeDate]:
    """The relative time expressions of an article's `text`, each resolved against its `published` day.

    >>> [(d.text, d.describe()) for d in relative_dates("He died Thursday at home.", date(2022, 12, 30))]
    [('Thursday', '2022-12-29')]
    """
    results = []
    for found in _scan(text):
        if found.range_end is not None:
            pieces = [replace(found, range_end=None, prep="", prep_start=-1), found.range_end]
        else:
            pieces = [found]
        for piece in pieces:
            window = _resolve_for_article(text, piece, published)
            if window is None:
                continue
            span = (piece.start, piece.end)
            if window[0] == window[1]:
                results.append(RelativeDate(span=span, text=text[piece.start : piece.end], date=window[0]))
            else:
                results.append(RelativeDate(span=span, text=text[piece.start : piece.end], range=window))
    return results


def _resolve_for_article(text: str, found: _Found, published: date) -> Window | None:
    """Calendar dates of `found` in an article published on `published`; None when it needs no reading."""
    kind = found.kind
    if kind in ("recency", "recently", "recent_span", "year", "decade", "date_numeric", "month_year"):
        return None  # not a date, or already precise as written
    if kind == "day_word":
        day = published + timedelta(days=_day_word_offset(found.words))
        return day, day
    if kind == "weekday":
        return _weekday_in_article(text, found, published)
    if kind in ("period", "weekend"):
        return _period_in_article(found, published)
    if kind == "rolling":
        unit, count = found.group("unit").lower(), _count(found.group("count"))
        if unit == "hour":
            return published - timedelta(days=math.ceil(count / 24)), published
        return _last_days(published, count * {"day": 1, "week": 7, "month": 30, "year": 365}[unit])
    if kind == "ago":
        return _ago(found.group("unit").lower(), _count(found.group("count")), published)
    if kind.startswith("date_"):
        assert found.day_date is not None
        year, month, day = found.day_date
        if year is not None:
            return None
        return _year_less_in_article(text, found, month, day, published)
    if kind == "month":
        month, which = _MONTHS[found.group("month").lower()], _which(found.group("which"))
        if which in ("last", "past"):
            year = published.year if month < published.month else published.year - 1
            return _narrow(_month_window(year, month), found.group("part"), "month")
        if which in ("this", "next"):
            year = published.year + (which == "next" and month <= published.month)
            return _narrow(_month_window(year, month), found.group("part"), "month")
        window = _year_less_in_article(text, found, month, None, published)
        return _narrow(window, found.group("part"), "month") if window else None
    raise ValueError(f"unknown time expression kind {kind!r}")


def _year_less_in_article(text: str, found: _Found, month: int, day: int | None, published: date) -> Window | None:
    """A day or month without a year: the publication year, a year back when it would lie ahead of publication
    (or a year on when the sentence reads as future and it would lie behind)."""
    future = _reads_as_future(text, found)
    tolerance = timedelta(days=FUTURE_TOLERANCE_DAYS)
    for year in (published.year, published.year - 1, published.year + 1):
        window = _month_window(year, month) if day is None else _single(_day_or_none(year, month, day))
        if window is None:
            continue
        if year == published.year:
            if future and window[1] < published - tolerance:
                continue
            if not future and window[0] > published + tolerance:
                continue
            return window
        if (year < published.year) != future:
            return window
    return None


def _single(day: date | None) -> Window | None:
    return (day, day) if day else None


def _weekday_in_article(text: str, found: _Found, published: date) -> Window:
    """Most recent such day on or before publication ("said Friday" in a Friday article is that day);
    the next on or after it when the sentence reads as future; "last"/"next" exclude the day itself."""
    weekday, which = _WEEKDAY_NAMES.index(found.group("weekday").lower()), _which(found.group("which"))
    if which == "next":
        day = _weekday_on_or_after(published + timedelta(days=1), weekday)
    elif which in ("last", "past"):
        day = _weekday_on_or_before(published - timedelta(days=1), weekday)
    elif which == "this":
        day = _week_of(published)[0] + timedelta(days=weekday)
    elif _reads_as_future(text, found):
        day = _weekday_on_or_after(published, weekday)
    else:
        day = _weekday_on_or_before(published, weekday)
    return day, day


def _week_of(day: date) -> Window:
    """The Monday–Sunday week holding `day`."""
    monday = day - timedelta(days=day.weekday())
    return monday, monday + timedelta(days=6)


def _period_in_article(found: _Found, published: date) -> Window:
    """Calendar periods: weeks run Monday–Sunday, months and years are calendar ones."""
    unit = found.group("unit").lower() if found.kind == "period" else "weekend"
    which = _which(found.group("which")) if found.kind == "period" else "past"
    lead = "so far" if found.group("trail") else _normalise_spaces(found.group("lead") or "").lower()
    if unit == "weekend":
        saturday = _weekday_on_or_before(published, 5)
        in_weekend = published.weekday() >= 5
        shift = {"last": -7 if in_weekend else 0, "past": 0, "this": 0 if in_weekend else 7, "next": 7 if in_weekend else 14}[
            which
        ]
        saturday += timedelta(days=shift)
        return saturday, saturday + timedelta(days=1)
    if which == "past":
        return _last_days(published, {"week": 7, "month": 30, "year": 365}[unit])
    shift = {"last": -1, "this": 0, "next": 1}[which]
    if unit == "week":
        monday = _week_of(published)[0] + timedelta(days=7 * shift)
        start, end = monday, monday + timedelta(days=6)
    elif unit == "month":
        start, end = _month_window(*_shift_month(published.year, published.month, shift))
    else:
        start, end = date(published.year + shift, 1, 1), date(published.year + shift, 12, 31)
    if shift == 0 and lead in ("earlier", "so far"):
        return start, published
    if shift == 0 and lead == "later":
        return published, end
    return start, end


def _reads_as_future(text: str, found: _Found) -> bool:
    """Whether the words around the expression read as future: "will vote Tuesday", "by Friday", "the
    hearing scheduled for Jan. 5". The words of its clause before it are read (at most
    `_FUTURE_LOOK_WORDS`, back to "and", "said", "after"…); when the sentence opens with it ("On
    Tuesday, the Senate will vote"), the words after it."""
    if _FUTURE_WORD_JUST_BEFORE.search(text, max(0, found.start - 8), found.start):
        return True
    lookback_start = max(0, found.start - 300)
    sentence_start = max(text.rfind(mark, lookback_start, found.start) for mark in _SENTENCE_ENDS) + 1
    words_before = text[max(sentence_start, lookback_start) : found.start].split()
    clause = words_before[-_FUTURE_LOOK_WORDS:]
    resets = [index for index, word in enumerate(clause) if word.lower().strip(",") in _CLAUSE_WORDS]
    if _FUTURE_WORDS.search(" ".join(clause[resets[-1] + 1 if resets else 0 :])):
        return True
    if [word.lower() for word in words_before] not in ([], ["on"]):
        return False
    ends = [position for position in (text.find(mark, found.end, found.end + 300) for mark in _SENTENCE_ENDS) if position >= 0]
    words_after = text[found.end : min(ends, default=found.end + 300)].split()
    return _FUTURE_WORDS.search(" ".join(words_after[:_FUTURE_LOOK_WORDS])) is not None


def _describe_window(window: Window) -> str:
    start, end = window
    if start == OPEN_START:
        return f"until {end.isoformat()}"
    if start == end:
        return start.isoformat()
    return f"{start.isoformat()} to {end.isoformat()}"
