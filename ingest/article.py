"""The Article: what every reader produces and what the index stores."""

from __future__ import annotations

import hashlib
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
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return date.fromisoformat(text).isoformat()
    return date_parser.parse(text).date().isoformat()


def date_as_int(iso_date: str) -> int:
    """`2023-09-20` → 20230920 (Chroma range filters need numbers); 0 for no date."""
    return int(iso_date.replace("-", "")) if iso_date else 0


class Article(BaseModel):
    """One news article, cleaned, with the identity the index keys it by."""

    id: str = Field(description="Stable id: given by the source, else from the url, else from the file and position.")
    title: str = Field(description="Headline.")
    text: str = Field(description="Body text; citation spans index into exactly this string.")
    source: str = Field(default="", description="Outlet or origin (domain, feed title, or folder).")
    url: str = Field(default="", description="Where the article lives, if known.")
    published: str = Field(default="", description="Publication date, ISO YYYY-MM-DD, or '' when unknown.")
    author: str = Field(default="", description="Byline, when given.")
    origin: str = Field(default="", description="The file or URL it was read from (for error messages and listings).")

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
    """An id that survives edits: the source's own id, else the url, else the file/position key."""
    if given_id:
        return str(given_id).strip()
    if url:
        return short_hash("url:" + normalize_url(url))
    return short_hash("key:" + fallback_key)
