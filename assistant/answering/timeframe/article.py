"""Reading an article (`relative_dates`): the scanner's expressions resolved calendar-wise against the
publication day, a weekday or year-less date read forward when its sentence reads as future.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta

from assistant.answering.timeframe.explicit_days import _day_ago
from assistant.answering.timeframe.resolve import (
    _ago,
    _count,
    _day_or_none,
    _day_word_offset,
    _last_days,
    _month_window,
    _narrow,
    _shift_month,
    _weekday_on_or_after,
    _weekday_on_or_before,
    _which,
)
from assistant.answering.timeframe.scanner import _scan
from assistant.answering.timeframe.tense import told_done_before, weekday_looks_forward
from assistant.answering.timeframe.types import (
    _MONTHS,
    _WEEKDAY_NAMES,
    FUTURE_TOLERANCE_DAYS,
    RelativeDate,
    Window,
    _Found,
    _LazyPattern,
    _normalise_spaces,
)

# Plan forms ("on track to attempt a moon landing Thursday", "gets to compete … on Tuesday", "poised to slam
# Northern California on Wednesday") read as future too; "got to" and "was on track" do not. Not "hope to": it
# governs another clause's verb as often as not ("whom Democrats hope to unseat … launched an ad Tuesday").
_FUTURE_WORDS = _LazyPattern(
    r"\b(?:will|won['’]t|shall|would|going\s+to|scheduled|slated|set\s+(?:to|for)|plans?\s+to|planned|expected|due"
    r"|upcoming|(?:is|are|am|['’]s|['’]re|still)\s+on\s+track\s+(?:to|for)|gets?\s+to|poised\s+to|intends?\s+to)\b"
    r"|['’]ll\b"
    # what can or may happen is still to come: "he feels he can win New Hampshire's Tuesday primary" (Monday's paper),
    # "voters expect Clinton to win Monday's debate" (Saturday's); lower case only, "May" being a month; not "could
    # have won"
    r"|(?-i:\b(?:can|could|might|may)\b)(?!\s+have\b)|\bexpects?\s+(?:\S+\s+){0,3}?to\b"
    # a condition told in the present is one to come: "if the Chiefs win on Sunday" in a Saturday article; not "asked
    # if he had resigned on Monday", "if they won Sunday"
    r"|\b(?:if|unless)\b(?![^,.;:]*\b(?:was|were|had|did|won|lost|\w+ed)\b)"
)
_FUTURE_WORD_JUST_BEFORE = _LazyPattern(r"\b(?:by|until|till)\s+$")
# "ordered a 10 p.m. curfew, effective Saturday" (a Thursday article): the Saturday to come, whatever verb ordered it
_EFFECTIVE_JUST_BEFORE = _LazyPattern(r"\beffective(?:\s+on)?\s+$")
# "displaced by Monday's landslide": a "by" after a past participle names who or what did it, not a deadline; the
# possessive's noun is the event ("by Friday's deadline" stays a deadline)
_BY_AN_AGENT = _LazyPattern(
    r"\b(?:\w+ed|\w+en|hit|struck|caught|brought|led|made|hurt|shut|cut|built|sent|held|kept|left|lost|won|sold|"
    r"told|bought|fought|drawn|thrown|blown|torn|sworn|worn)\s+by\s+$"
)
_DEADLINES = _LazyPattern(r"['’]s\s+(?:deadline|cutoff|cut-off|close|end|opening|start)\b")
_TOLD_DONE = _LazyPattern(r"\b(?:was|were|had|did)\b")  # a clause that tells a thing as done by then
# "before Monday's caucuses", "ahead of Tuesday's vote": an event the article looks forward to
_BEFORE_AN_EVENT = _LazyPattern(r"\b(?:before|ahead\s+of)\s+$")
_POSSESSIVE = _LazyPattern(r"['’]s\b")
# A year-less day this near after publication is the coming one whatever the tense ("Nevada and the Virgin
# Islands hold their caucuses on Feb. 8", Jan. 23; "agreed to hear Trump's claim of immunity the week of April 22",
# Feb. 29): a year back would be months before the article, and news gives such a day its year. Further ahead, it is
# last year's ("the vote of Nov. 5" in January).
NEAR_AHEAD = timedelta(days=183)
# a day that names an event ("their Jan. 15 caucus" in a November article): the coming one, when this year's is
# half a year or more gone
_NAMES_AN_EVENT = _LazyPattern(
    r"\s+(?:caucus(?:es)?|primary|primaries|election|vote|deadline|hearing|trial|debate|summit|launch|release|"
    r"ceremony|inauguration|game|final|opening|premiere|start|kickoff)\b"
)
_FUTURE_LOOK_WORDS = 12  # how many words around a weekday or date are read for future tense
# Words after an opening weekday that start what was reported, whose tense is not the day's ("On Monday,
# lawmakers said they intend to introduce …"); "and", "which", "when" there do not ("On Monday, which will …").
_REPORTING_WORDS = {"said", "says", "told", "announced", "announces", "reported", "revealed", "reveals"}
# Words that start a new clause, whose tense is its own: "died Thursday and will be buried Monday".
_CLAUSE_WORDS = {"and", "but", "said", "says", "told", "after", "when", "because", "since", "while", "which", "who", "that"}
# a report's own past verb starts the weekday's clause: "The festival will be held Saturday, April 26, …, organizers
# announced Thursday" (a Friday article: the Thursday before, not the next)
_CLAUSE_WORDS |= {"announced", "reported", "revealed", "confirmed", "added", "stated", "wrote", "noted", "explained"}


_SENTENCE_ENDS = ".!?;\n"
_LISTED = re.compile(r"\s*(,|,?\s*(and|or|through|to|until)|[-–—])\s*", re.IGNORECASE)  # between days of one list


def relative_dates(text: str, published: date) -> list[RelativeDate]:
    """The relative time expressions of an article's `text`, each resolved against its `published` day.

    >>> [(d.text, d.describe()) for d in relative_dates("He died Thursday at home.", date(2022, 12, 30))]
    [('Thursday', '2022-12-29')]
    """
    results = []
    listed: RelativeDate | None = None  # the weekday just read, which one listed after it follows
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
            words = text[piece.start : piece.end]
            if (
                piece.kind == "weekday"
                and listed is not None
                and listed.date
                and _LISTED.fullmatch(text[listed.span[1] : piece.start])
            ):
                # "when they meet Thursday and Friday": the days of a list run on from its first, whichever way
                # each alone would be read (Friday was read back to the week before, Thursday forward)
                day = listed.date + timedelta(days=(window[0].weekday() - listed.date.weekday()) % 7)
                window = (day, day)
            if window[0] == window[1]:
                results.append(RelativeDate(span=span, text=words, date=window[0]))
                listed = results[-1] if piece.kind == "weekday" else None
            else:
                results.append(RelativeDate(span=span, text=words, range=window, about=_about(piece, published)))
    return results


def told_of_other_days(text: str, published: str, holds: Callable[[str], bool], spans: bool = True) -> bool:
    """Whether `text`, from an article of the day `published`, puts what it tells on days none of which `holds`
    (a test of a "YYYY-MM-DD" day): "There was a Nevada Republican primary on Feb. 6" in an article of the week
    asked about tells no primary of that week. Each expression is the days it may mean: "Monday afternoon" one,
    "last week" seven; with `spans` False only single days count ("after last year's victory for Birdman" is an
    aside of a sentence whose news is of its own day). A text naming no day is of the day its article reports."""
    if not published:
        return False
    told = [
        (found.date, found.date) if found.date else found.range
        for found in relative_dates(text, date.fromisoformat(published))
        if found.date or (spans and found.range)
    ]
    return bool(told) and not any(
        holds((start + timedelta(days=offset)).isoformat()) for start, end in told for offset in range((end - start).days + 1)
    )


def _resolve_for_article(text: str, found: _Found, published: date) -> Window | None:
    """Calendar dates of `found` in an article published on `published`; None when it needs no reading."""
    kind = found.kind
    if kind in ("recency", "recently", "recent_span", "year", "decade", "date_numeric", "month_year", "start", "date_holiday"):
        return None  # not a date, or already precise as written, or (a holiday) clear to a reader as written
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


def _about(found: _Found, published: date) -> date | None:
    """The day "two weeks ago" or "three months ago" counts back to (loose words: the answer says "about");
    None for other periods, and for "a few weeks ago", whose count is a guess."""
    if found.kind != "ago" or found.group("unit").lower() not in ("week", "month"):
        return None
    if any(word in found.group("count").lower().split() for word in ("few", "couple")):
        return None
    return _day_ago(_normalise_spaces(found.words).lower(), published)


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
            if day is not None and published - window[0] > NEAR_AHEAD and _NAMES_AN_EVENT.match(text, found.end):
                return _single(_day_or_none(year + 1, month, day))  # "their Jan. 15 caucus" (2023-11-15): the coming one
            if not future and window[0] > published + tolerance and window[0] - published > NEAR_AHEAD:
                continue  # far ahead: last year's ("the vote of Nov. 5" in a January article)
            return window  # a day weeks ahead is the coming one: "hold their caucuses on Feb. 8" of Jan. 23
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
    elif _reads_as_future(text, found) or (
        weekday != published.weekday() and weekday_looks_forward(text, found.start, found.end)
    ):
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
    if _BEFORE_AN_EVENT.search(text, max(0, found.start - 10), found.start) and _POSSESSIVE.match(text, found.end):
        return True
    lookback_start = max(0, found.start - 300)
    sentence_start = max(text.rfind(mark, lookback_start, found.start) for mark in _SENTENCE_ENDS) + 1
    words_before = text[max(sentence_start, lookback_start) : found.start].split()
    clause = words_before[-_FUTURE_LOOK_WORDS:]
    resets = [index for index, word in enumerate(clause) if word.lower().strip(",") in _CLAUSE_WORDS]
    own_clause = " ".join(clause[resets[-1] + 1 if resets else 0 :])
    if _FUTURE_WORDS.search(own_clause):
        return True
    if _BY_AN_AGENT.search(text, max(0, found.start - 20), found.start) and not _DEADLINES.match(text, found.end):
        return False
    if _EFFECTIVE_JUST_BEFORE.search(text, max(0, found.start - 14), found.start):
        return True
    if _FUTURE_WORD_JUST_BEFORE.search(text, max(0, found.start - 8), found.start):
        # "by Friday" looks ahead, unless its clause is told done: "The fire was just 3% contained by Thursday" (an
        # outside try read it a week after the Friday article it was in), "Four candidates filed papers by Wednesday's
        # deadline" (another, in a Thursday article, read it as the Wednesday after)
        return _TOLD_DONE.search(own_clause) is None and not told_done_before(text, found.start, found.end)
    if [word.lower() for word in words_before] not in ([], ["on"]):
        return False
    ends = [position for position in (text.find(mark, found.end, found.end + 300) for mark in _SENTENCE_ENDS) if position >= 0]
    words_after = text[found.end : min(ends, default=found.end + 300)].split()[:_FUTURE_LOOK_WORDS]
    # up to a reporting verb: "On Monday, lawmakers said they intend to …" was said on the Monday past
    resets = [index for index, word in enumerate(words_after) if word.lower().strip(",") in _REPORTING_WORDS]
    return _FUTURE_WORDS.search(" ".join(words_after[: resets[0] if resets else None])) is not None
