"""The Article: what every reader produces and what the index stores."""

from __future__ import annotations

import hashlib
import json
import re
from datetime import date, datetime

from dateutil import parser as date_parser
from pydantic import BaseModel, Field, computed_field


def short_hash(text: str, length: int = 16) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:length]


def normalize_url(url: str) -> str:
    """The form of a URL used for its id: no fragment, no trailing slash, lower-case host."""
    url = url.strip().split("#", 1)[0].rstrip("/")
    match = re.match(r"^(https?://)([^/]+)(.*)$", url, flags=re.IGNORECASE)
    if match:
        url = match.group(1).lower() + match.group(2).lower() + match.group(3)
    return url


ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date(value: object) -> str:
    """Any date a source gives (ISO, RFC 822, a datetime) as ISO `YYYY-MM-DD`; '' when absent.

    Raises ValueError on text that is not a date, so the reader can name the bad field.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    text = str(value).strip()
    if ISO_DAY.fullmatch(text):
        return date.fromisoformat(text).isoformat()
    return date_parser.parse(text).date().isoformat()


def parse_iso_day(value: object) -> str:
    """A day a user gives (an asking date, a date filter) as ISO `YYYY-MM-DD`; '' when absent.

    Only the ISO form, or a date object: "03/01/2024" is the 1st of March to some readers and the 3rd of January
    to others, and a guess either way answers another day's question without a word (an outside try over HTTP).
    Raises ValueError otherwise.
    """
    if value not in (None, "") and not isinstance(value, date) and not ISO_DAY.fullmatch(str(value).strip()):
        raise ValueError(f"not a YYYY-MM-DD day: {str(value).strip()!r}")
    return parse_date(value)


# a day written with numbers only, "03/01/2024": the 1st of March to some readers, the 3rd of January to others
NUMERIC_DAY = re.compile(r"^\s*(\d{1,2})[/.](\d{1,2})[/.](\d{2}|\d{4})\s*$")


def two_way_day(value: object, published: str) -> str:
    """A note when `value` is a numeric day whose month and day could change places ("03/01/2024", read month first
    as 2024-03-01): the article is kept under that reading, and the note says so (an analyst's "03/01/2024" was
    stored as March 1 without a word, while `as_of` refuses the same string); "" when it reads one way only."""
    found = NUMERIC_DAY.match(str(value)) if isinstance(value, str) else None
    if found is None or not published:
        return ""
    first, second = int(found[1]), int(found[2])
    if first == second or first > 12 or second > 12:
        return ""
    read = date.fromisoformat(published)
    other = read.replace(month=second, day=first).isoformat()
    return (
        f"published {value.strip()!r} reads two ways: taken month first as {published} (day first it is {other}); "
        "write YYYY-MM-DD to say which"
    )


# A live page's note of the day it reports, in its first lines: "Editor's Note: This page is a summary of news on the
# Texas Panhandle wildfires for Wednesday, Feb. 28." (stamped Feb. 27), "This page recaps news … from Tuesday, Aug. 29"
PAGE_DAY = re.compile(
    r"\bthis (?:page|story|article|file|post) (?:is|recaps|summarizes|summarises|covers)\b[^.\n]{0,120}?\b(?:for|from|on)\s+"
    r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    r"(?P<month>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+(?P<day>\d{1,2})\b",
    re.IGNORECASE,
)
MONTH_NUMBERS = {name: n for n, name in enumerate("jan feb mar apr may jun jul aug sep oct nov dec".split(), start=1)}
PAGE_DAY_AHEAD = 7  # the most days after its stamp a page's own day is believed


def page_day(text: str, published: str) -> str:
    """The day a live page's note says it reports (`PAGE_DAY`, in its first 600 characters) when that is after its
    `published` stamp, by at most a week: a page stamped Tuesday that summarises Wednesday's news had Wednesday read
    as the week before ("… raged across the state's panhandle … Wednesday (2024-02-21)", a timeline's first line
    five days before the fire began: a journalist's try); "" otherwise."""
    found = PAGE_DAY.search(text[:600]) if published else None
    if found is None:
        return ""
    stamp = date.fromisoformat(published)
    month, day = MONTH_NUMBERS[found["month"][:3].lower()], int(found["day"])
    for year in (stamp.year, stamp.year + 1):
        try:
            told = date(year, month, day)
        except ValueError:
            return ""
        if 0 < (told - stamp).days <= PAGE_DAY_AHEAD:
            return told.isoformat()
    return ""


def date_as_int(iso_date: str) -> int:
    """`2023-09-20` → 20230920 (Chroma range filters need numbers); 0 for no date."""
    return int(iso_date.replace("-", "")) if iso_date else 0


class Article(BaseModel):
    """One news article, cleaned, with the identity the index keys it by."""

    id: str = Field(
        description="Stable id: given by the source, else from the url, else from the file it was read from (one "
        "article a file) or from what it says (a record or feed entry that names neither: `content_id`)."
    )
    title: str = Field(description="Headline.")
    text: str = Field(description="Body text; citation spans index into exactly this string.")
    source: str = Field(default="", description="Outlet or origin (domain, feed title, or folder).")
    url: str = Field(default="", description="Where the article lives, if known.")
    published: str = Field(default="", description="Publication date, ISO YYYY-MM-DD, or '' when unknown.")
    author: str = Field(default="", description="Byline, when given.")
    origin: str = Field(default="", description="The file or URL it was read from (for error messages and listings).")
    read_note: str = Field(
        default="",
        exclude=True,
        description="What reading it had to guess (a date that reads two ways), reported as an ingest warning; not stored.",
    )

    @computed_field  # type: ignore[prop-decorator]
    @property
    def content_hash(self) -> str:
        """Changes whenever anything a reader sees changes; unchanged hash ⇒ re-ingest is a no-op."""
        payload = "\x1f".join([self.title, self.text, self.source, self.url, self.published, self.author])
        return short_hash(payload, 32)

    @property
    def published_int(self) -> int:
        return date_as_int(self.published)


def make_article_id(given_id: str | None, url: str | None, fallback_key: str) -> str:
    """An id that survives edits: the source's own id, else the url, else the key of the file (or page) that holds
    this one article. Never a record's position: a source of several articles gives one without id and url its
    `content_id`."""
    if given_id:
        return str(given_id).strip()
    if url:
        return short_hash("url:" + normalize_url(url))
    return short_hash("key:" + fallback_key)


def content_id(title: str, text: str, source: str = "", published: str = "") -> str:
    """The id of an article that names no id and no url: a hash of what it says (its title and text, and its source
    and date when it gives them), as simonw/llm ids its fragments. An id made of its place ("the first record of a
    request", "line 3 of a file") was the same for every request's first record, so each replaced the one before;
    by content, the same article sent again is the same id (a no-op) and another article is never one."""
    payload = json.dumps([title, text, source, published], ensure_ascii=True)  # ASCII: a lone surrogate hashes too
    return short_hash("content:" + payload)
