"""Steps 1–3: candidates found by regular expressions, names and titles thrown out, prepositions read
and "between A and B" / "from A to B" joined into one range (`_scan`, shared by questions and articles).

Patterns compile on first use, so importing stays cheap.
"""

from __future__ import annotations

import calendar
import re
from functools import cache

from assistant.answering.timeframe.explicit_days import _parse_day_date
from assistant.answering.timeframe.types import (
    _MONTHS,
    _RECENCY_KINDS,
    _RELATIVE_KINDS,
    _WEEKDAY_NAMES,
    _Found,
    _LazyPattern,
    _normalise_spaces,
)

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
    # "since the start of the year" (an outside try got no window for it)
    "start": r"\b(?:the\s+)?(?:start|beginning|outset)\s+of\s+(?:the\s+|this\s+)?(?P<unit>year|month|week)\b",
    # a holiday on a fixed day: "on Valentine's Day", "before Christmas" (each read as a date without its year)
    "date_holiday": r"\b(?P<holiday>valentine['’]?s\s+day|christmas\s+(?:eve|day)|christmas|new\s+year['’]?s\s+(?:eve|day)"
    r"|halloween|independence\s+day|(?:the\s+)?fourth\s+of\s+july|july\s+fourth|leap\s+day"
    r"|(?:st\.?|saint)\s+patrick['’]?s\s+day|veterans\s+day|juneteenth|boxing\s+day)\b",
}

# (month, day) of each holiday "date_holiday" finds, by a part of its name (the first that its words hold)
_HOLIDAY_DAYS = {
    "valentine": (2, 14),
    "christmas eve": (12, 24),
    "christmas": (12, 25),
    "new year eve": (12, 31),
    "new year": (1, 1),
    "halloween": (10, 31),
    "independence": (7, 4),
    "fourth of july": (7, 4),
    "july fourth": (7, 4),
    "leap": (2, 29),
    "patrick": (3, 17),
    "veterans": (11, 11),
    "juneteenth": (6, 19),
    "boxing": (12, 26),
}


def _holiday_day(words: str) -> tuple[None, int, int]:
    """The day of a holiday "date_holiday" found, without its year."""
    name = re.sub(r"['’]s\b|\b(?:day|the|st|saint)\b|\.", " ", words.lower())
    name = _normalise_spaces(name)
    month, day = next(days for start, days in _HOLIDAY_DAYS.items() if start in name)
    return None, month, day


_PREPOSITION = _LazyPattern(r"\b(?P<prep>in|on|during|over|from|since|after|before|until|till|through|between|by)\s+$")
_RANGE_JOIN = _LazyPattern(r"\s*(?:and|to|through|thru|until|till|-|–|—)\s*")
# a range's end that is only a day of the first's month: "between February 1 and 15, 2024", "Feb. 1-15", "March 3 to 9"
_DAY_RANGE_END = _LazyPattern(
    r"\s*(?P<join>and|to|through|thru|until|till|-|–|—)\s*(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?:,?\s+(?P<year>(?:19|20)\d\d))?\b"
    r"(?![.,]?\d|\s*(?:%|percent|per|people|of|times|[ap]\.?m\b))"
)


_NEEDS_CONTEXT_KINDS = {"month", "year", "decade", "start", "date_holiday"}  # "about Christmas" is no time asked
_KINDS_WITH_OWN_PREPOSITION = {"weekend"} | _RECENCY_KINDS  # "over the weekend", "in recent weeks", "by now"


_WORD_BEFORE = _LazyPattern(r"([A-Za-z][A-Za-z'’.-]*)\s*$")
_WORD_AFTER = _LazyPattern(r" ([A-Za-z0-9][A-Za-z'’-]*)")
_WORDS = _LazyPattern(r"[A-Za-z]+")


# Words before a weekday that make it a named day, in any case.
# "the third Monday of February" (Presidents Day) is a rule, no day: it was dated "third Monday (2019-02-11)"
_ORDINAL_WORDS = {"first", "second", "third", "fourth", "fifth", "1st", "2nd", "3rd", "4th", "5th"}
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


_SENTENCE_OPENERS = ".!?:;\"“”'‘’(\n—–-"


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
        if candidate.kind == "date_holiday":
            candidate.day_date = _holiday_day(candidate.words)
        elif candidate.kind.startswith("date_"):
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
    """ "between A and B" / "from A to B": A keeps B as its `range_end`, and B leaves the list. B may be a day
    alone, of A's month ("between February 1 and 15, 2024" was read as February 1, and "and 15, 2024" searched)."""
    for index, first in enumerate(chosen):
        if first.kind == "date_mdy" and first.day_date is not None and not first.group("year"):
            day_end = _day_range_end(text, first)
            if day_end is not None:
                first.range_end = day_end
                chosen[index + 1 :] = [found for found in chosen[index + 1 :] if found.start >= day_end.end]
    index = 0
    while index < len(chosen) - 1:
        first, second = chosen[index], chosen[index + 1]
        if first.range_end is not None:
            index += 1
            continue
        if (
            first.prep in ("between", "from")
            and first.kind not in _RECENCY_KINDS
            and second.kind not in _RECENCY_KINDS
            and _RANGE_JOIN.fullmatch(text, first.end, second.start)
        ):
            first.range_end = second
            del chosen[index + 1]
        index += 1


def _day_range_end(text: str, first: _Found) -> _Found | None:
    """The end of "February 1 and 15" / "Feb. 1-15" as a day of its own (of A's month, after A's day); None when
    the words after A are no such end (a dash joins any day; "and"/"to" only after "between"/"from")."""
    found = _DAY_RANGE_END.match(text, first.end)
    if found is None or first.day_date is None:
        return None
    year, month, start_day = first.day_date
    day = int(found["day"])
    if not start_day < day <= 31 or (found["join"] not in "-–—" and first.prep not in ("between", "from")):
        return None
    words = f"{first.group('month')} {day}" + (f", {found['year']}" if found["year"] else "")
    day_date = _parse_day_date(words)
    if day_date is None:
        return None  # "February 30"
    groups = {"date": words, "month": first.group("month"), "day": str(day), "year": found["year"]}
    return _Found(found.start("day"), found.end(), "date_mdy", text[found.start("day") : found.end()], groups, day_date=day_date)


def _lacks_context(found: _Found) -> bool:
    """A bare month or year needs a preposition, early/mid/late, last/this/next, or a range to be a time."""
    if found.kind not in _NEEDS_CONTEXT_KINDS:
        return False
    return not (found.prep or found.group("part") or found.group("which") or found.range_end)


# "what it is today", "who they are today": the idiom of the present, not a day
_WHAT_IT_IS = _LazyPattern(r"\b(?:what|who|where)\s+(?:it|they|he|she|we|you|I)\s+(?:is|are|am|was|were|has\s+become)\s+$")


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
    if found.kind == "day_word" and _WHAT_IT_IS.search(text, max(0, found.start - 40), found.start):
        return True  # "… made the park what it is today": now, no day (an outside try dated it)
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
    if which and which.lower() == "last" and _word_after(text, found.end).lower() == "of":
        return True  # a rule, "the last Friday of the month"; not "last Friday in Iowa"
    if time_of_day[:1].isupper():
        return True  # "Saturday Night Live"
    if not which:
        previous, previous_start = _word_before(text, found.start)
        if previous.lower() in _HOLIDAY_WORDS:
            return True
        if previous.lower() in _ORDINAL_WORDS or previous.lower() == "every":
            return True  # a rule, not a day: "the third Monday of February", "every Tuesday"
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
