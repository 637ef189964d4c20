"""Days dateparser reads: explicit days the scanner's rules find ("Jan. 5", "5 January 2024", "1/5/2024"),
and the day an article's "two weeks ago" names.

dateparser is imported on first use (never on import) and called only on the candidate substring, its
results cached. The scanner calls it, so a day that does not exist ("February 30") is no candidate.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cache, lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from dateparser.date import DateDataParser


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


@lru_cache(maxsize=1024)
def _day_ago(words: str, reference: date) -> date | None:
    """The day "two weeks ago" or "a month ago" names counted back from `reference` (dateparser's calendar
    arithmetic: "a month ago" of 2024-03-31 is 2024-02-29); None for words it does not read ("a few weeks ago")."""
    import dateparser

    settings = {
        "RELATIVE_BASE": datetime(reference.year, reference.month, reference.day),
        "PARSERS": ["relative-time"],
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(words, languages=["en"], settings=settings)
    return parsed.date() if parsed else None
