"""Time in questions and in articles, read against a reference day.

A news question is asked on a day (`as_of`), and an article's "Thursday" means the Thursday before
it was published. Both readings share one scanner; they differ in how a found expression becomes a
date. The shared results, constants and vocabulary live in `types`, a leaf.

Reading a question (`read_time(question, as_of)`, in `question`):

1. `scanner`: find candidates with regular expressions: day words ("yesterday", "tonight"), periods
   ("this week", "earlier this month", "so far this year", "the past 7 days", "two weeks ago"),
   weekday names ("on Monday", "last Friday"), explicit dates ("Jan 5", "5 January 2024",
   "1/5/2024", "September 2023", "in March", "in 2023", "the 1990s") and recency words ("latest",
   "still", "now").
2. `scanner`: throw out names and titles. Relative words count only in lower case (a capital is
   allowed on the first word of a sentence): "The Week", "Last Week Tonight", "USA Today", "New
   York" are names. A weekday after a holiday word ("Black Friday", "Super Tuesday") or before a
   title word ("Monday Night Football", "Sunday Times") is a name; any other capitalised neighbour
   is not enough ("beat Buffalo Sunday" is news style for a date). A month on its own ("May") counts
   only after a preposition (in, on, since, before, after, until, through, during, over, from,
   between, by) or with early/mid/late or last/this/next, and not beside a capitalised word ("March
   Madness", "May Day", "Theresa May said"). A year on its own counts only after such a preposition
   ("in 2023"; "the 2020 election" is not a time). A year-less day between "the" and a noun names an
   event ("the Jan. 6 committee", "the Oct. 7 attacks") and is left alone.
3. `scanner`: read the preposition before each expression ("since June", "before 2020",
   "after March 3") and join "between A and B" / "from A to B" into one range (`question` applies
   them to the windows).
4. `resolve`: resolve against `as_of`. "this week" is the 7 days ending on as_of, "last week" the
   calendar week (Monday to Sunday) before the one as_of is in; "this month"/"this year" run from
   their first day to as_of; "last month"/"last year" are calendar ones; "recently" is the last
   `RECENT_DAYS` days and also prefers recent articles. A weekday is the most recent such day on or
   before as_of ("last Friday": strictly before). A date or month without a year is the most recent
   one on or before as_of ("in March" asked 2024-02-10 is March 2023). Explicit days ("Jan 5, 2024",
   "5 January") are parsed by dateparser (`explicit_days`, called by the scanner), imported lazily
   and called only on the candidate substring (cached): the rules find it, dateparser reads it.
5. `question`: combine: the windows are intersected (when they do not overlap, the narrowest is
   kept); recency words and future expressions ("next week", "upcoming") set `recency`. "by June" is
   a deadline, part of what the news says, so it is neither a window nor removed; an explicit date
   that starts after as_of ("in 2032") is likewise content, not a window. A day or month named
   without a year whose verb looks forward, by the word rules articles are read with ("will",
   "scheduled to") or by `tense` on the question's parse ("the festival Phish is hosting from August
   15th to August 18th"), is the event's own days, to come: no window, and taken out of the query (an
   article writes them its own way, "Aug. 15 to 18"); a weekday so read ("Who will play on Sunday?")
   asks for the newest news, as "next week" does.
6. `question`: remove the expressions from the question for retrieval and tidy the rest: "What did
   the Federal Reserve decide this week?" → "What did the Federal Reserve decide?"; a possessive
   becomes "the" ("in last week's storm" → "in the storm").

Reading an article (`relative_dates(text, published)`, in `article`): the same scanner (steps 1–2)
finds the expressions in the text and each is resolved against the publication day, calendar-wise
(with `resolve`'s calendar helpers): "this week" is the Monday–Sunday week of publication, "last
month" the calendar month before. A weekday is the most recent such day on or before publication:
news style names the day itself ("said Friday" in a Friday article is that day) instead of writing
"today". When the words before it read as future ("will", "is scheduled to", "would", "by", or a plan:
"is on track to", "gets to", "is poised to", "intends to") it is the next such day on or after
publication; so it is when the sentence opens with it and goes on in the future ("On Tuesday, the
Senate will vote"), but not in what it reports ("On Monday, lawmakers said they intend to …"). When these
word rules find no future, `tense` reads the sentence's dependency parse: a weekday whose governing verb
takes "will"/"would", is "is to" + verb or a plan word not in the past ("At 1:05 a.m. EST Thursday, SpaceX
will try", "as they prepare for a Wednesday 'lunar orbit insertion'", "will increase on Saturday and more
so on Sunday") is the coming one; one right after a past-tense verb ("said Monday it will …") is not.
"Two weeks ago" and "three months ago" are loose: their `range` is the days around, and `about` the day
dateparser counts back to ("about 2024-02-16"); "three days ago" is that day. A day or month without a
year takes the publication year, going back a year when that would be more than
`FUTURE_TOLERANCE_DAYS` after publication (forward a year instead when the sentence reads as future and
it would be before publication). Dates that carry
their year need no reading and are not returned.

Cost: a question takes ~0.07 ms (median over 200 quiz-style questions; regular expressions only);
an explicit day not seen before adds ~1 ms of dateparser (results are cached), and a day or month
without a year whose words do not already say it is to come adds a parse of the question (~2-3 ms;
the first loads spaCy, ~0.4 s, once). The first explicit day imports dateparser and loads its
English data (~0.3 s, once). Importing this package compiles no pattern (they compile on first use,
~10 ms) and imports no dateparser or spaCy. An article is scanned at ~1 ms per 1,000 characters.
"""

# The examples of read_time and relative_dates (run through __test__ below) use `date` from this namespace.
from datetime import date  # noqa: F401

from assistant.answering.timeframe.article import relative_dates, told_of_other_days
from assistant.answering.timeframe.question import read_time
from assistant.answering.timeframe.scanner import _MONTH_FULL as MONTH_FULL  # the months' names, as a pattern
from assistant.answering.timeframe.types import (
    FUTURE_TOLERANCE_DAYS,
    OPEN_START,
    RECENT_DAYS,
    RelativeDate,
    TimeExpression,
    TimeReading,
)

__all__ = [
    "FUTURE_TOLERANCE_DAYS",
    "MONTH_FULL",
    "OPEN_START",
    "RECENT_DAYS",
    "RelativeDate",
    "TimeExpression",
    "TimeReading",
    "read_time",
    "relative_dates",
    "told_of_other_days",
]

# doctest.testmod(this package) finds only what is defined here; these run the examples of the re-exported readers.
__test__ = {"read_time": read_time, "relative_dates": relative_dates}
