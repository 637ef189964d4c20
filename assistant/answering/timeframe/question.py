"""Reading a question (`read_time`): prepositions and ranges applied, steps 5–6: the windows combined,
the expressions taken out of the query for retrieval.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from assistant.answering.timeframe.article import _reads_as_future
from assistant.answering.timeframe.resolve import _resolve_for_question, _Resolved
from assistant.answering.timeframe.scanner import _scan
from assistant.answering.timeframe.tense import weekday_looks_forward
from assistant.answering.timeframe.types import (
    _RELATIVE_KINDS,
    OPEN_START,
    TimeExpression,
    TimeReading,
    Window,
    _Found,
    _LazyPattern,
    _normalise_spaces,
)

_NOUN_FOLLOWERS = _LazyPattern(r"\s*(?:(?:on|about|in|from|regarding|with|for|of)\b|[?.!,;:]|$)")


# a quotation in the question, its closing mark perhaps cut off ("Who said “… they're just going to run out the clock
# this year, in the”?")
# words in quotation marks, double or single ("Who said 'Houston, Odysseus has found its new home'?" read "new" as a
# recency word: a journalist's try); a single mark that an apostrophe may be ("Haley's", "the '90s") opens or closes
# a quote only away from a word
QUOTED = re.compile(r"“[^”]*”?|\"[^\"]*\"?|«[^»]*»?|‘.+?’(?!\w)|(?<!\w)'(?=\S).+?(?<=\S)'(?!\w)")


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
    quoted = [(match.start(), match.end()) for match in QUOTED.finditer(question)]
    for found in _scan(question):
        if any(start <= found.start < end for start, end in quoted):
            continue  # the quote's own days: "Who said “… last year, he missed the second”?" names none
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
    if _days_to_come(question, found):
        # "the festival Phish is hosting from August 15th to August 18th", "Who will play on Sunday?": the event's
        # own days, still to come, not the days of the news about it (read as last August, they made a window).
        # Out of the query all the same: an article writes them its own way ("Aug. 15 to 18"), and words of the
        # question no passage holds counted against every passage (the Phish question was declined).
        start = found.prep_start if found.prep else found.start
        end = found.range_end.end if found.range_end is not None else found.end
        return TimeExpression(text=question[start:end], span=(start, end), window=None, recency=relative)
    if found.range_end is not None:
        resolved = _resolve_range(found, found.range_end, as_of)
        start, end = found.prep_start, found.range_end.end
    else:
        resolved = _resolve_for_question(found, as_of)
        if resolved is not None and resolved.window is not None:
            window = _apply_preposition(found.prep, resolved.window, as_of)
            if found.kind == "date_holiday" and found.prep == "before":
                # "before Christmas" is the run-up to it, not all time before: "What storm hit the Northeast before
                # Christmas?" met 2015's and 2023-03's storms over the one of December 18 (a news reader's try)
                window = (window[1] - timedelta(days=HOLIDAY_RUN_UP_DAYS - 1), window[1])
            resolved = replace(resolved, window=window)
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


# a day or month named without a year or "last"/"next", whose verb may say it is still to come
_OPEN_DAY_KINDS = {"date_mdy", "date_dmy", "date_holiday", "month", "weekday"}


def _days_to_come(question: str, found: _Found) -> bool:
    """Whether a day or month named without a year ("on Sunday", "from August 15th to August 18th") is governed by a
    verb that looks forward: "will"/"is scheduled to" (the word rules articles are read with) or, by the question's
    parse, a present progressive ("is hosting") or a plan word. Parsed only for such days (~5 ms)."""
    if found.kind not in _OPEN_DAY_KINDS or found.group("year") or found.group("which"):
        return False
    if found.range_end is not None and found.range_end.group("year"):
        return False
    return _reads_as_future(question, found) or weekday_looks_forward(question, found.start, found.end)


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


HOLIDAY_RUN_UP_DAYS = 14


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
