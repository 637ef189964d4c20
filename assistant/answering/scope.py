"""The day a question is asked and the days it asks about, as the filters answering runs under.

1. The asking date (`as_of`): today unless given. Articles published after it are left out, so a
   question asked on a past day is answered as it would have been that day.
2. The question's time words (`read_time`): "this week", "in September 2023", "since June" name a
   window; "latest", "now", "still" ask for the newest news, as does a count asked in the present
   perfect ("How many acres has the fire burned?"). The time words are taken out of the query.
3. Inside the window first: the quote index is asked about the window's days, then (only if none
   of its quotes answers) about the others; passages are ranked with those of the window's days
   counted twice (`HybridRetriever.retrieve_window_first`), so a good passage from other days still
   beats a poor one from inside. An answer from outside the window says so (`window_note`); it
   never passes old news off as this week's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import cached_property

from assistant.answering.outcome import asked_contest, asked_outcome_verb
from assistant.answering.question import WHO_IS_NAMED, analyze, parsed
from assistant.answering.timeframe import MONTH_FULL, OPEN_START, TimeReading, read_time
from assistant.answering.verdict import parsed as full_parse
from assistant.search.types import Filters
from ingest.article import parse_iso_day
from ingest.errors import InvalidInput

# News of a recent day keeps being published after it: the door panel that blew out on Friday is in
# Monday's and Tuesday's papers. A window that ends this close before the asking day ("last week",
# "yesterday", "on Jan 5" asked Jan 12) reaches on to the asking day in the search; one further back
# ("in September 2023" asked in January) is taken as written.
REPORTING_DAYS = 31
RUN_ON_SPAN_DAYS = 8  # ... but a longer one asked for its newest ("latest", "new") ends where it ends
# ... but what someone said is reported the day it is said or the next
QUOTE_DAYS = 1

# News archives go back a few centuries at most; relative words ("last year") must stay calendar dates.
EARLIEST_AS_OF = date(1000, 1, 1)
LATEST_AS_OF = date(9000, 12, 31)


MONTH_NAME = re.compile(rf"\b{MONTH_FULL}\b", re.IGNORECASE)  # a month written whole, as the scanner reads one


def a_whole_month(window: tuple[date, date]) -> bool:
    """Whether the window is one calendar month, first day to last ("in January", "in January 2024")."""
    start, end = window
    return start.day == 1 and start.month == end.month and start.year == end.year and (end + timedelta(days=1)).day == 1


def as_of_day(value: date | str | None) -> date:
    """The asking date: a date, an ISO day ("2024-03-22"), or None for today (read at the call). An empty string is
    refused like any other non-date: `as_of: ""` over HTTP was answered as of today, silently (an outside try)."""
    if value is None:
        return date.today()
    if isinstance(value, date):
        day = value
    else:
        try:
            day = date.fromisoformat(parse_iso_day(value))
        except (ValueError, OverflowError) as error:
            raise InvalidInput(f"as_of: not a date: {value!r} (use YYYY-MM-DD)") from error
    if not EARLIEST_AS_OF <= day <= LATEST_AS_OF:
        # "last week" of 0001-01-03 is no date at all (OverflowError in the calendar arithmetic)
        raise InvalidInput(f"as_of: {day.isoformat()} is out of range ({EARLIEST_AS_OF.year}–{LATEST_AS_OF.year})")
    return day


@dataclass(frozen=True)
class TimeScope:
    """Where a question's answer may come from, in time."""

    question: str
    reading: TimeReading
    base: Filters
    """The user's filters, with nothing published after `as_of`."""
    window: Filters | None
    """`base` narrowed to the question's window; None when the question names none, when the window
    and the user's filters share no day, or when it starts after the newest article."""
    runs_on: bool = False
    """Whether the window reaches on past its days to the asking day, for the reports published after them."""
    search_recent: bool = True
    """Whether a question read for the newest (`reading.recency`) also searches the recent days apart: not for one
    in the present tense ("Who is Gabriel Attal?"), whose newest telling is among what it finds anyway (the extra
    filtered search cost ~20 ms of p50 at 10,000 articles)."""

    @cached_property
    def outcome_verb(self) -> str | None:
        """The verb of an outcome the question asks after, naming no days ("Who won the Super Bowl?": "win"): the
        latest one reported before the asking day is the answer (see `assistant.answering.outcome`). Read once:
        the search, the answerer and the answer's dating each ask."""
        return asked_outcome_verb(self.question) if self.reading.window is None else None

    @cached_property
    def outcome_verb_in_window(self) -> str | None:
        """The outcome verb of a question that names its days ("Who won the Super Bowl this year?": "win"), whose
        window is searched as any window is: the answerer reports the latest outcome told inside it, or says none is
        ("Baltimore blasted the Super Bowl favorite 49ers on Christmas Day" answered it before). Only a contest won,
        named ("the Super Bowl", "the Masters", "the Nevada primary"): the news tells other outcomes (a nomination
        secured, a leader elected) in more ways than a window's few reports are read for."""
        if self.reading.window is None or asked_outcome_verb(self.question) != "win":
            return None
        return "win" if asked_contest(self.question) is not None else None

    @property
    def latest_outcome_verb(self) -> str | None:
        """The outcome verb asked after, with days named or none: the answerer reports the latest such outcome."""
        return self.outcome_verb or self.outcome_verb_in_window

    @property
    def as_of(self) -> date:
        return self.reading.as_of

    @cached_property
    def query(self) -> str:
        """What retrieval searches for: the question without its time words, but for the name of a whole month gone
        by, which the reports of it published after it are headed with ("January CPI report shows inflation continues
        to fall", Feb. 13, for "What was the inflation rate in January?": both testers of a round got December's)."""
        if not (self.reading.expressions and self.reading.query.strip()):
            return self.question
        # only where the window runs on to the asking day (`time_scope`): a month long gone by is searched inside its
        # own days ("… in September 2023?" asked in January never cites October's)
        if not self.runs_on:
            return self.reading.query
        if not (rest := analyze(self.reading.query)).topic and rest.kind in ("summary", "what_happened", "timeline"):
            # "What happened in February?" names nothing but its month: searched with it, it was answered by the month's
            # leap-day explainers ("The stories about February", an analyst's try), not by what happened in it
            return self.reading.query
        months = [
            named[0]
            for found in self.reading.found
            if found.window is not None and a_whole_month(found.window)
            if (named := MONTH_NAME.search(found.text)) is not None  # "last month" names none
        ]
        # before the question mark: "What happened with Kate Middleton? January" read "Kate Middleton? January" as the
        # digest's topic (a journalist's try)
        asked = self.reading.query.rstrip().rstrip("?.!")
        return " ".join([asked, *months]) + self.reading.query.rstrip()[len(asked) :]

    @property
    def window_dates(self) -> tuple[str, str] | None:
        """The question's window as ISO days [since, until] (since '' when open), for the Answer."""
        if self.reading.window is None:
            return None
        start, end = self.reading.window
        return ("" if start == OPEN_START else start.isoformat(), min(end, self.as_of).isoformat())

    @property
    def named_window(self) -> Filters | None:
        """`window` as the question names it, without the reporting days after it: "What happened on
        Monday?" lists Monday's stories, not Friday's that `window` also reaches."""
        if self.window is None or self.reading.window is None:
            return None
        start, end = self.reading.window
        return self.window.narrowed(since=None if start == OPEN_START else start, until=min(end, self.as_of))

    def holds(self, published: str) -> bool:
        """Whether an article of this day lies inside the question's window (True when it names none), its
        reporting days included as the search counts them: "total sales in 2023" are reported in January
        2024, and only a May 2023 aside about a farmers market was "in 2023" without them."""
        if self.reading.window is None:
            return True
        if self.window is not None:
            start, end = self.window.since or "", self.window.until or self.as_of.isoformat()
        else:
            start, end = self.window_dates or ("", "")
        return bool(published) and (not start or published >= start) and published <= end

    def for_quotes(self) -> TimeScope:
        """This scope with its window cut to the days named and `QUOTE_DAYS` after: a quote is reported the day it is
        said or the next, so "What did Nikki Haley say last week?" (asked Friday 2024-03-01) is not answered with what
        she said on the Tuesday of this week, as the reporting days of an event would allow."""
        if self.window is None or self.reading.window is None:
            return self
        end = min(self.reading.window[1] + timedelta(days=QUOTE_DAYS), self.as_of)
        window = self.window.narrowed(until=end)
        return replace(self, window=window) if window is not None else self

    def attempts(self) -> list[tuple[Filters, bool]]:
        """(filters, inside the window) in the order to try them."""
        if self.reading.window is None:
            return [(self.base, False)]
        return ([(self.window, True)] if self.window is not None else []) + [(self.base, False)]

    def after_the_newest(self, newest_overall: str | None) -> bool:
        """Whether the question's days all lie after the newest article it may be answered from: an article
        can report days before its own, never days after ("What record did Brady set this week?" asked two
        years after the last article)."""
        if self.reading.window is None or not newest_overall:
            return False
        start = self.reading.window[0]
        return start != OPEN_START and start.isoformat() > newest_overall

    def window_note(self, newest_in_window: str | None, newest_overall: str | None) -> str:
        """What an answer from outside the window says first: that the window held nothing that answers."""
        # only the words that name days: a recency word ("new evidence") names none
        described = "; ".join(found.describe_days() for found in self.reading.found if found.window is not None)
        # "from on Sunday" / "from since June" read wrong: "from Sunday", "dated since June"
        described = ON_OR_IN.sub("", described) or "the days asked about"
        dated = "dated" if BOUNDED.match(described) else "from"
        if newest_in_window is None:
            newest = f"; the newest is from {newest_overall}" if newest_overall else ""
            return f"No indexed article is {dated} {described}{newest}."
        return f"Nothing in the articles {dated} {described} answers this."


ON_OR_IN = re.compile(r"^(?:on|in|during|from|of)\s+", re.IGNORECASE)
BOUNDED = re.compile(r"(?:since|before|after|until|till|through|between|by)\b", re.IGNORECASE)


def published_by(filters: Filters, day: date) -> Filters:
    """`filters` with nothing published after `day`; an InvalidInput naming `since` first (for the API's 422) when
    the user's own range lies after it."""
    narrowed = filters.narrowed(until=day)
    if narrowed is None:
        raise InvalidInput(f"since: the date range starts after the asking date {day.isoformat()}")
    return narrowed


def time_scope(question: str, filters: Filters, as_of: date | str | None, latest_published: str = "") -> TimeScope:
    """Read the question's time against `as_of` and turn it into the filters to try. With the index's
    newest day (`latest_published`) on or before `as_of`, the cut at `as_of` leaves every article in
    and is not added: an unfiltered search is the fast one."""
    reading = read_time(question, as_of_day(as_of))
    search_recent = True
    if not reading.recency and reading.window is None:
        if asks_a_running_count(question) or asks_a_current_state(question):
            reading = replace(reading, recency=True)
        elif asks_how_things_stand(question):
            reading, search_recent = replace(reading, recency=True), False
        elif asks_when_it_last_was(question):
            reading = replace(reading, recency=True)
    if latest_published and latest_published <= reading.as_of.isoformat():
        base = filters
    else:
        base = published_by(filters, reading.as_of)
    window, runs_on = None, False
    if reading.window is not None:
        start, end = reading.window
        runs_on = (end - start).days < RUN_ON_SPAN_DAYS or not reading.recency
        runs_on = runs_on and end < reading.as_of and (reading.as_of - end).days <= REPORTING_DAYS
        if runs_on:
            # reports of a recent day or week run on to the asking day, as a year's figures do; the newest news of a
            # month is its own: "What's new with Taylor Swift in January?" asked Feb. 12 was answered with the Super Bowl
            # of Feb. 11, the newest of the days run on to (a news reader's try)
            end = reading.as_of
        if not (latest_published and start.isoformat() > latest_published):  # else no article is that new
            window = base.narrowed(since=None if start == OPEN_START else start, until=end)
    return TimeScope(question=question, reading=reading, base=base, window=window, runs_on=runs_on, search_recent=search_recent)


def asks_a_running_count(question: str) -> bool:
    """Whether the question asks for a count that keeps growing, in the present perfect: "How many acres
    has the fire burned?" asks for the count now, as "latest" does; the best-matching telling was an
    earlier fire's 900,000 acres, the newest 1,075,000."""
    if analyze(question).kind not in ("how_many", "how_much"):
        return False
    words = list(parsed(question))
    for i, word in enumerate(words):
        if word.lower_ in ("has", "have", "'ve") and word.tag_ in ("VBZ", "VBP"):
            if any(later.tag_ in ("VBN", "VBD") for later in words[i + 1 : i + 8]):  # "burned" is read as VBD at times
                return True
    return False


def asks_a_current_state(question: str) -> bool:
    """Whether the question asks how a thing done to someone stands now, in the present passive ("is banned", "are
    charged"), naming no days: "How long is Kamila Valieva banned for?" asked in January 2024 is answered by her ban
    of that week, not by the four years WADA sought in 2022. ("What is the minimum age …?" asks no such thing: the
    newest sentence near it was only about ages.)"""
    # the parse, not the tags: "is" must be the participle's own passive auxiliary ("What is Ozempic used for?" and "What
    # is the largest fire recorded in Texas?" have a participle near "is", not one "is" makes passive)
    for word in full_parse(question):
        helpers = {c.lower_ for c in word.children if c.dep_ in ("aux", "auxpass")}
        if word.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in word.children) and helpers & {"is", "are"}:
            return analyze(question).kind != "yes_no"
    return False


# "When was the first Super Bowl?" asks after one of them, not the latest
ORDINAL = re.compile(r"\b(?:first|second|third|\d+(?:st|nd|rd|th)|original|inaugural)\b", re.IGNORECASE)


def asks_when_it_last_was(question: str) -> bool:
    """Whether the question asks when a named event was, in the past tense, naming no days or edition: "When was the
    Super Bowl?" (the follow-up "When was that?" after "Who won the Super Bowl?", asked 2024-02-14) asks after the
    latest, as "Who won the Super Bowl?" does; it was answered with "The first Super Bowl on Jan. 15, 1967"."""
    if analyze(question).kind != "when" or ORDINAL.search(question):
        return False
    root = next((t for t in full_parse(question) if t.dep_ == "ROOT"), None)
    named = any(t.pos_ == "PROPN" for t in full_parse(question))
    return root is not None and root.lemma_ == "be" and root.tag_ == "VBD" and named


def asks_how_things_stand(question: str) -> bool:
    """Whether the question, in the present tense, asks how a thing stands now: a measure with "is", the present
    simple, "Who is <name>?" (below)."""
    doc = full_parse(question)
    kind = analyze(question).kind
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or kind == "yes_no":
        return False
    # a measure as it is now: "How big is the Mega Millions jackpot?" (asked 2023-01-04) led with 2018's record jackpot
    if kind in ("how_much", "how_many") and root.lemma_ == "be" and root.tag_ in ("VBZ", "VBP"):
        return True
    # the present simple: "Where does the US rank in the World Happiness Report?" (2024-03-21) led with a 2021 fact check
    # (the tagger reads "rank" and "cost" after "does" as nouns at times: the auxiliary tells)
    if any(c.dep_ == "aux" and c.lower_ in ("does", "do") for c in root.children):
        return True
    # who someone is now: "Who is Gabriel Attal?" (2024-01-12) led with the budget minister of 2022, not the new prime minister
    return WHO_IS_NAMED.fullmatch(question) is not None and question.split()[1].lower() == "is"


def news_day(as_of: date | str | None, latest_published: str) -> date | None:
    """The day recent news is counted back from: the asking day, or the newest article's day when the
    index stops before it (an archive asked today still has its own recent news)."""
    day = as_of_day(as_of)
    if latest_published:
        day = min(day, date.fromisoformat(latest_published))
    return day
