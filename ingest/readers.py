"""Readers: files, folders, globs and URLs → Articles, with a reason for every failure.

Formats: the seed format (`date YYYY-MM-DD Title` first line), .txt/.md, JSON and JSON Lines
(articles.jsonl schema and common variants), HTML pages (trafilatura) and RSS/Atom feeds
(feedparser), from disk or http(s).
"""

from __future__ import annotations

import glob
import json
import logging
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

from ingest.article import Article, content_id, make_article_id, parse_date, short_hash, two_way_day
from ingest.decoding import NotText, bytes_to_text
from ingest.errors import BylineError
from ingest.fetch import Fetched, FetchError, FetchPolicy, fetch
from ingest.settings import IngestSettings

log = logging.getLogger(__name__)

SEED_FIRST_LINE = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s+(.+?)\s*$")
TEXT_SUFFIXES = {".txt", ".md", ".markdown", ".text"}
JSON_SUFFIXES = {".json"}
JSONL_SUFFIXES = {".jsonl", ".ndjson"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".xml", ".rss", ".atom", ".feed"}
KNOWN_SUFFIXES = TEXT_SUFFIXES | JSON_SUFFIXES | JSONL_SUFFIXES | HTML_SUFFIXES | FEED_SUFFIXES
MAX_FIELD_DEPTH = 3  # a field's value is read this deep: [{"name": "Jo"}] is an author list
DEFAULT_MAX_ARTICLE_CHARS = IngestSettings.model_fields["max_article_chars"].default
# An article id is a name, not a payload: as the HTTP API takes ids (ui/api.py, which ingest may not import)
MAX_ID_CHARS = 200
CONTROL_CHARACTER = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Characters an id may not hold (as the HTTP API refuses them, ui/api.py `id_problem`): a lone surrogate (Cs) is no
# character (stored as U+FFFD, "\ud800" and "\udc01" were one id), and format characters (Cf: bidi controls,
# zero-width spaces and joiners, U+2060, U+FEFF...) and line separators (Zl, Zp) make an id read as another one
UNSAFE_ID_CATEGORIES = frozenset({"Cs", "Cf", "Zl", "Zp"})
# "source: Harbor Gazette" on the lines right after a text file's title line: the outlet, not body text
SOURCE_LINE = re.compile(r"^\s*(?:source|publisher|publication|outlet|site)\s*:\s*(?P<name>\S.*?)\s*$", re.IGNORECASE)
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
NUMERIC_CHARACTER_REFERENCE = re.compile(r"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));?")

# Field names seen in the wild for each Article field, most specific first.
FIELD_ALIASES: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "maintext", "full_text"),
    "title": ("title", "headline", "name"),
    "published": ("published", "published_at", "publishedAt", "date", "pubDate", "date_publish", "datetime"),
    "url": ("url", "link", "href"),
    "source": ("source", "publisher", "site", "sitename", "site_name", "publication", "outlet", "domain"),
    "author": ("author", "authors", "byline", "creator"),
    "id": ("id", "article_id", "uuid", "guid"),
}


class ReadError(BylineError):
    """A source that could not be read, with the place and the reason a person can act on."""

    def __init__(self, where: str, reason: str):
        super().__init__(f"{where}: {reason}")
        self.where = where
        self.reason = reason


@dataclass
class ReadResult:
    articles: list[Article] = field(default_factory=list)
    errors: list[ReadError] = field(default_factory=list)


def expand_sources(sources: Iterable[str | Path]) -> tuple[list[str], list[ReadError]]:
    """Files, folders (recursively) and globs → a sorted list of files; URLs pass through."""
    found: list[str] = []
    errors: list[ReadError] = []
    for source in sources:
        text = str(source)
        if is_url(text):
            found.append(text)
            continue
        path = Path(text).expanduser()
        if path.is_dir():
            files, skipped = files_in_folder(path)
            found.extend(files)
            errors.extend(skipped)
        elif path.is_file():
            found.append(str(path))
        elif path.exists():
            errors.append(ReadError(text, "not a regular file (a pipe, socket or device): not read"))
        elif any(ch in text for ch in "*?["):
            matches = sorted(p for p in glob.glob(text, recursive=True) if Path(p).is_file())
            if not matches:
                errors.append(ReadError(text, "no file matches this pattern"))
            found.extend(matches)
        else:
            errors.append(ReadError(text, "no such file or folder"))
    return found, errors


def files_in_folder(folder: Path) -> tuple[list[str], list[ReadError]]:
    """The regular files under `folder`, sorted, hidden names aside; and, named, what is not read: a link to a file
    outside the folder (an outside try had a newsroom folder's link to /etc/passwd indexed, shown to every user of
    `byline serve`), a link to nothing or to itself, and a pipe, socket or device (each skipped without a word)."""
    inside = folder.resolve()
    files: list[str] = []
    skipped: list[ReadError] = []
    for path in sorted(folder.rglob("*")):
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.is_symlink():
            try:
                target = path.resolve(strict=True)
            except (OSError, RuntimeError):
                skipped.append(ReadError(str(path), "a link to nothing, or to itself: not read"))
                continue
            if not target.is_relative_to(inside):
                skipped.append(ReadError(str(path), "a link to a file outside this folder: not read"))
                continue
        if path.is_file():
            files.append(str(path))
        else:
            skipped.append(ReadError(str(path), "not a regular file (a pipe, socket or device): not read"))
    return files, skipped


URL_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*)://")  # RFC 3986's scheme, then an authority
FETCHED_SCHEMES = ("http", "https")


def is_url(text: str) -> bool:
    """Whether `text` names a URL rather than a path, whatever its scheme: a request may name a URL (one that
    is not http(s) is refused by `read_source` for its scheme, not as a path on the server)."""
    return URL_SCHEME.match(text) is not None


def url_scheme_refused(url: str) -> str | None:
    """Why a URL is not fetched for its scheme (only http and https are), or None when it may be."""
    scheme = url[: url.index("://")]
    # Schemes are case-insensitive (RFC 3986): "HTTP://..." is fetched under the same guards (ingest.fetch)
    if scheme.lower() in FETCHED_SCHEMES:
        return None
    return f"only http(s) URLs are fetched: the scheme {scheme[:40]}:// is not http or https"


def read_source(source: str, max_bytes: int, fetch_urls: bool = True, settings: IngestSettings | None = None) -> ReadResult:
    """Read one file or URL. Never raises for bad content: failures come back in `errors`.

    `settings` gives the fetch rules and the article size limit. None builds them from the environment,
    which costs about 2 ms a call: a caller reading many sources passes its own.
    """
    settings = settings or IngestSettings()
    try:
        if is_url(source):
            if refused := url_scheme_refused(source):
                raise ReadError(source, refused)
            if not fetch_urls:
                raise ReadError(source, "fetching URLs is turned off (BYLINE_FETCH_URLS=false)")
            fetched = fetch_url(source, max_bytes, settings)
            suffix = suffix_for_content_type(fetched.content_type, fetched.url)
            return parse_bytes(fetched.content, source, suffix=suffix, url=source, max_article_chars=settings.max_article_chars)
        path = Path(source)
        size = path.stat().st_size
        if size > max_bytes:
            raise ReadError(source, f"file is {size / 1e6:.1f} MB, over the {max_bytes / 1e6:.0f} MB limit")
        return parse_bytes(
            path.read_bytes(),
            str(path.resolve()),
            suffix=path.suffix.lower(),
            display=source,
            max_article_chars=settings.max_article_chars,
        )
    except ReadError as error:
        return ReadResult(errors=[error])
    except OSError as error:
        return ReadResult(errors=[ReadError(source, f"cannot read: {error.strerror or error}")])


def fetch_url(url: str, max_bytes: int, settings: IngestSettings) -> Fetched:
    """Fetch under the rules in ingest.fetch: public addresses (or allowed hosts), deadline, size, type."""
    policy = FetchPolicy(
        max_bytes=max_bytes, deadline_s=settings.fetch_deadline_s, allowed_hosts=tuple(settings.fetch_allowed_hosts)
    )
    try:
        return fetch(url, policy)
    except FetchError as error:
        raise ReadError(url, error.reason) from error


def suffix_for_content_type(content_type: str, url: str) -> str:
    content_type = content_type.lower()
    if any(kind in content_type for kind in ("rss", "atom", "xml")):
        return ".xml"
    if "json" in content_type:
        return ".json"
    if "html" in content_type:
        return ".html"
    if "text/plain" in content_type:
        return ".txt"
    return Path(urlparse(url).path).suffix.lower() or ".html"


def decode_text(raw: bytes, where: str) -> str:
    if not raw.strip():
        raise ReadError(where, "empty file")
    try:
        text = bytes_to_text(raw)
    except NotText as error:
        raise ReadError(where, str(error)) from error
    if not text.strip():
        raise ReadError(where, "empty file")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_bytes(
    raw: bytes,
    key: str,
    suffix: str,
    url: str = "",
    display: str | None = None,
    max_article_chars: int = DEFAULT_MAX_ARTICLE_CHARS,
) -> ReadResult:
    """Dispatch on the suffix, or on the content when the suffix says nothing."""
    where = display or key
    text = decode_text(raw, where)
    if suffix not in KNOWN_SUFFIXES:
        suffix = sniff_suffix(text, where)
    if suffix in JSONL_SUFFIXES:
        return parse_jsonl(text, key, where, max_article_chars)
    if suffix in JSON_SUFFIXES:
        return parse_json(text, key, where, max_article_chars)
    if suffix in HTML_SUFFIXES:
        article = parse_html(text, key, where, url)
    elif suffix in FEED_SUFFIXES:
        return parse_feed(text, key, where, max_article_chars)
    else:
        article = parse_plain_text(text, key, where, markdown=suffix in {".md", ".markdown"}, url=url)
    return ReadResult(articles=[check_article_size(article, max_article_chars)])


def check_article_size(article: Article, max_chars: int) -> Article:
    if len(article.text) > max_chars:
        raise ReadError(
            article.origin,
            f"article text is {len(article.text):,} characters, over the {max_chars:,} limit (BYLINE_MAX_ARTICLE_CHARS)",
        )
    return article


def sniff_suffix(text: str, where: str) -> str:
    head = text.lstrip()[:500].lower()
    if head.startswith("{") or head.startswith("["):
        return ".jsonl" if "\n{" in text.strip() and not head.startswith("[") else ".json"
    if head.startswith("<?xml") and ("<rss" in head or "<feed" in head or "<rdf" in head):
        return ".xml"
    if "<rss" in head or "<feed" in head:
        return ".xml"
    if "<html" in head or "<!doctype html" in head:
        return ".html"
    if SEED_FIRST_LINE.match(text.split("\n", 1)[0]) or head.isprintable() or "\n" in head:
        return ".txt"
    raise ReadError(where, "unknown format (expected .txt, .md, .json, .jsonl, .html or an RSS/Atom feed)")


def outlet(named: str, url: str, key: str) -> str:
    """The publication an article is from: the name its source gives, else its url's domain, else (a
    last resort, which names no publication) the folder it was read from ("seeds", "uploads")."""
    if named.strip():
        return named.strip()
    host = urlparse(url).netloc.lower() if url else ""
    if host:
        return host.removeprefix("www.")
    return Path(key.split("#", 1)[0]).parent.name


# a byline under the headline that dates the article: "*Millbrook Ledger — 2024-10-01*", "By Sam Reyes · Nov. 7, 2024"
DATELINE = re.compile(
    r"\b(?P<day>\d{4}-\d{2}-\d{2}|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},\s+\d{4})\b"
)
DATELINE_CHARS = 100


@dataclass(frozen=True)
class Byline:
    """What a short line under the headline tells: the day, and who wrote it (a name after "By") or the outlet."""

    day: str = ""
    outlet: str = ""
    author: str = ""


BYLINE_BY = re.compile(r"^by\s+", re.IGNORECASE)
BYLINE_SEPARATORS = "*_ —–-·|,/"


def byline(body: str) -> tuple[Byline, str]:
    """The byline at the top of the body, and the body without it; (Byline(), body) when the first line is no byline.
    A text file with no seed line read as undated, and was answered asked as of any day, before it was written (an
    outside try); "*Harlow Gazette — 2025-10-23*" gave the folder's name as the outlet and was cited as the first
    sentence's start (another)."""
    first, _, rest = body.partition("\n")
    line = first.strip()
    # a byline is no sentence: "The council met on 2024-10-01 to discuss the budget." dates a meeting, not the article
    if len(line) > DATELINE_CHARS or line.strip("*_ ").endswith((".", "!", "?")):
        return Byline(), body
    if (found := DATELINE.search(line)) is None:
        return Byline(), body
    try:
        day = parse_date(found["day"])
    except ValueError:
        return Byline(), body
    named = (line[: found.start()] + " " + line[found.end() :]).strip(BYLINE_SEPARATORS).strip()
    if BYLINE_BY.match(named):
        return Byline(day=day, author=BYLINE_BY.sub("", named).strip(BYLINE_SEPARATORS)), rest.lstrip("\n")
    return Byline(day=day, outlet=named), rest.lstrip("\n")


def source_line(body: str) -> tuple[str, str]:
    """A `source: Outlet` line (or publisher, publication, outlet, site) at the top of a text file's body:
    (the outlet, the body without that line); ("", body) when there is none."""
    first, _, rest = body.lstrip("\n").partition("\n")
    match = SOURCE_LINE.match(first)
    return (match.group("name"), rest) if match else ("", body)


def parse_plain_text(text: str, key: str, where: str, markdown: bool = False, url: str = "") -> Article:
    """Seed format: `date YYYY-MM-DD Title`, then the body. Otherwise the first line is the title.
    A `source: Outlet` line right after the title names the publication."""
    first_line, _, rest = text.partition("\n")
    published = ""
    seed = SEED_FIRST_LINE.match(first_line)
    if seed:
        try:
            published = parse_date(seed.group(1))
        except ValueError as error:
            raise ReadError(where, f"bad date {seed.group(1)!r} in the first line: {error}") from error
        title, body = seed.group(2).strip(), rest
    else:
        title = first_line.strip().lstrip("#").strip() if markdown else first_line.strip()
        body = rest if rest.strip() else first_line
    named, body = source_line(body)
    body = body.strip()
    told = Byline()
    if not published:
        told, body = byline(body)
        published, named = told.day, named or told.outlet
    if not body:
        raise ReadError(where, "no article text after the title line")
    if len(title) > 300:  # a first line this long is body text, not a headline
        title, body = title[:120].rsplit(" ", 1)[0] + "…", text.strip()
    return Article(
        id=make_article_id(None, url or None, key),
        title=title,
        text=body,
        source=outlet(named, url, key),
        url=url,
        published=published,
        author=told.author,
        origin=where,
    )


def pick(record: dict, name: str) -> object:
    for alias in FIELD_ALIASES[name]:
        value = record.get(alias)
        # a blank string is a missing field: an id of "   " was the same (missing) id for every such record
        if value not in (None, "", []) and not (isinstance(value, str) and not value.strip()):
            return value
    return None


def storable(text: str) -> str:
    """Lone surrogates (JSON can escape them, UTF-8 and so the index cannot hold them) become U+FFFD, one for one."""
    return LONE_SURROGATE.sub("\ufffd", text)


def as_text(value: object, depth: int = 0) -> str:
    """A metadata field as text: lists joined, objects by their name or title; nothing deeper than MAX_FIELD_DEPTH."""
    if value is None or depth > MAX_FIELD_DEPTH:
        return ""
    if isinstance(value, list):
        return ", ".join(text for text in (as_text(v, depth + 1) for v in value if v) if text)
    if isinstance(value, dict):
        return as_text(value.get("name") or value.get("title") or "", depth + 1)
    return storable(str(value).strip())


def body_text(value: object, where: str) -> str:
    """The article body: a string, or a list of strings (paragraphs). Anything else is this record's error."""
    if isinstance(value, str):
        return storable(value.strip())
    if isinstance(value, list) and all(isinstance(part, str) for part in value):
        return storable("\n\n".join(part.strip() for part in value if part.strip()))
    if isinstance(value, list):
        kinds = ", ".join(sorted({type(part).__name__ for part in value}))
        raise ReadError(where, f"the article text is a list of {kinds}; expected a string or a list of strings")
    raise ReadError(where, f"the article text is a {type(value).__name__}; expected a string or a list of strings")


WEB_ADDRESS = re.compile(r"^https?://[^\s/]+", re.IGNORECASE)  # what an article's url may be


def article_from_record(record: object, key: str, where: str, max_chars: int = DEFAULT_MAX_ARTICLE_CHARS) -> Article:
    if not isinstance(record, dict):
        raise ReadError(where, f"expected a JSON object, got {type(record).__name__}")
    given_text = pick(record, "text")
    text = body_text(given_text, where) if given_text is not None else ""
    if not text:
        names = "/".join(FIELD_ALIASES["text"][:3])
        raise ReadError(where, f"no article text (expected a '{names}' field)")
    url = as_text(pick(record, "url")).strip()
    if url and not WEB_ADDRESS.match(url):
        # a link any reader of the index may follow: "javascript:alert(1)" was stored, and listed back as sent (an
        # analyst's try); the web chat drops such links, other API clients would not
        raise ReadError(where, f"url is not a web address (http or https): {url[:80]!r}")
    title = as_text(pick(record, "title")) or text.split("\n", 1)[0][:120]
    try:
        published = parse_date(pick(record, "published"))
    except (ValueError, OverflowError) as error:
        raise ReadError(where, f"bad date {pick(record, 'published')!r}: {error}") from error
    named = as_text(pick(record, "source"))
    source = outlet(named, url, key)
    given_id = pick(record, "id")
    given = checked_id(given_id if isinstance(given_id, str) else as_text(given_id), where, "id")
    # Never the record's position (`key` holds one): "api#0" was the id of every request's first record without id
    # or url, so each replaced the one before; such a record is known by what it says
    article_id = make_article_id(given, url, key) if given or url else content_id(title, text, named, published)
    article = Article(
        id=article_id,
        title=title,
        text=text,
        source=source,
        url=url,
        published=published,
        author=as_text(pick(record, "author")),
        origin=where,
        read_note=two_way_day(pick(record, "published"), published),
    )
    return check_article_size(article, max_chars)


def load_json(text: str, where: str) -> object:
    """json.loads, with input nested past Python's recursion limit as this source's error.

    The C decoder recurses once per level and stops cleanly with RecursionError at the limit
    (~1,000). Catching that here is linear and exact; a pre-scan for depth would need its own
    string-and-escape parser, and a regex one goes quadratic on unterminated strings.
    """
    try:
        return json.loads(text)
    except RecursionError as error:
        raise ReadError(where, "JSON nested too deeply to read") from error


def parse_jsonl(text: str, key: str, where: str, max_chars: int = DEFAULT_MAX_ARTICLE_CHARS) -> ReadResult:
    result = ReadResult()
    for line_number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        line_where = f"{where}:{line_number}"
        try:
            record = load_json(line, line_where)
            result.articles.append(article_from_record(record, f"{key}#{line_number}", line_where, max_chars))
        except json.JSONDecodeError as error:
            result.errors.append(ReadError(line_where, f"invalid JSON: {json_problem(error)} at column {error.colno}"))
        except ReadError as error:
            result.errors.append(error)
    if not result.articles and not result.errors:
        result.errors.append(ReadError(where, "empty file"))
    return result


def parse_json(text: str, key: str, where: str, max_chars: int = DEFAULT_MAX_ARTICLE_CHARS) -> ReadResult:
    try:
        data = load_json(text, where)
    except json.JSONDecodeError as error:
        if "\n{" in text:  # JSON Lines saved as .json
            return parse_jsonl(text, key, where, max_chars)
        raise ReadError(where, f"invalid JSON: {json_problem(error)} at line {error.lineno}, column {error.colno}") from error
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    records = data if isinstance(data, list) else [data]
    result = ReadResult()
    for position, record in enumerate(records):
        record_where = f"{where}[{position}]" if isinstance(data, list) else where
        try:
            result.articles.append(article_from_record(record, f"{key}#{position}", record_where, max_chars))
        except ReadError as error:
            result.errors.append(error)
    return result


def parse_html(html: str, key: str, where: str, url: str = "") -> Article:
    import trafilatura

    document = trafilatura.bare_extraction(
        html, url=url or None, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
    )
    if document is None or not (document.text or "").strip():
        raise ReadError(where, "no article text found in this HTML page")
    page_url = url or (document.url or "")
    try:
        published = parse_date(document.date)
    except (ValueError, OverflowError):
        published = ""
    return Article(
        id=make_article_id(None, page_url or None, key),
        title=(document.title or "").strip() or document.text.strip().split("\n", 1)[0][:120],
        text=document.text.strip(),
        # trafilatura's sitename: og:site_name, else JSON-LD or <meta> publisher, else the canonical url's host
        source=outlet(document.sitename or "", page_url, key),
        url=page_url,
        published=published,
        author=(document.author or "").strip(),
        origin=where,
    )


def html_to_text(fragment: str) -> str:
    import trafilatura

    extracted = trafilatura.extract(f"<html><body><article>{fragment}</article></body></html>", favor_recall=True)
    if extracted:
        return extracted.strip()
    return re.sub(r"<[^>]+>", " ", fragment).strip()


def without_impossible_characters(markup: str) -> str:
    """Character references to no character (&#0;, a surrogate, past U+10FFFF, or too long to be a
    number) become &#xFFFD;, as browsers read them: feedparser's chr() on them raises instead."""

    def replace(match: re.Match[str]) -> str:
        digits = match.group(1) or match.group(2)
        if len(digits) > 8:
            return "&#xFFFD;"
        code = int(digits, 16) if match.group(1) else int(digits)
        return "&#xFFFD;" if code == 0 or 0xD800 <= code <= 0xDFFF or code > 0x10FFFF else match.group(0)

    return NUMERIC_CHARACTER_REFERENCE.sub(replace, markup)


def id_unusable(given: str) -> str | None:
    """Why `given` cannot be an article id as it is (None when it can), as the HTTP API refuses it."""
    if len(given) > MAX_ID_CHARS:
        return f"{len(given):,} characters"
    if CONTROL_CHARACTER.search(given):
        return "control characters"
    if found := next((c for c in given if unicodedata.category(c) in UNSAFE_ID_CATEGORIES), None):
        kind = "a lone surrogate" if unicodedata.category(found) == "Cs" else "an invisible format character or line separator"
        return f"{kind} (U+{ord(found):04X})"
    return None


def checked_id(given: str, where: str, what: str = "id") -> str | None:
    """A source's id (a record's id, a feed entry's guid) as the article's id, or a hash of it when it cannot be
    one (None when it is missing or blank).

    An id is whatever the source wrote: one of 100,000 characters, or with newlines in it, was stored, listed and
    logged as the article's id, though the HTTP API refuses such an id (MAX_ID_CHARS characters, no control
    characters, lone surrogates, format characters or line separators); two lone surrogates were both stored as
    U+FFFD, one id, and "café" composed and decomposed were two. An id is NFC-normalised; a hash
    of the id as given is an id the API takes, distinct for distinct ids and, unlike a position, the same when the
    source is read again: a re-read record still replaces its own article.
    """
    given = given.strip() if given else ""
    if not given:
        return None
    given = unicodedata.normalize("NFC", given)  # "café" composed or not is one id, as it shows as one
    reason = id_unusable(given)
    if reason is None:
        return given
    log.warning("%s: the %s has %s; the article's id is a hash of it", where, what, reason)
    return short_hash(f"{what}:" + given.encode("utf-8", "surrogatepass").decode("utf-8", "backslashreplace"))


def feed_entry_id(guid: object, where: str) -> str | None:
    """The entry's guid as its article id, or a hash of it when it cannot be one (None without a guid)."""
    return checked_id(str(guid) if guid else "", where, "guid")


def parse_feed(text: str, key: str, where: str, max_chars: int = DEFAULT_MAX_ARTICLE_CHARS) -> ReadResult:
    import feedparser

    feed = feedparser.parse(without_impossible_characters(text))
    if not feed.entries:
        reason = str(feed.get("bozo_exception", "")) or "no entries"
        raise ReadError(where, f"not a readable RSS/Atom feed: {reason}")
    feed_title = as_text(feed.feed.get("title"))
    result = ReadResult()
    for position, entry in enumerate(feed.entries):
        entry_where = f"{where} entry {position + 1}"
        body_html = ""
        if entry.get("content"):
            body_html = " ".join(part.get("value", "") for part in entry.content)
        body_html = body_html or entry.get("summary", "") or entry.get("description", "")
        body = html_to_text(body_html) if body_html else ""
        if not body:
            result.errors.append(ReadError(entry_where, "feed entry has no text"))
            continue
        try:
            published = parse_date(entry.get("published") or entry.get("updated") or "")
        except (ValueError, OverflowError):
            published = ""
        link = entry.get("link", "")
        # an entry's own <source> (an aggregator's feed names each story's outlet), else the feed's title
        named = as_text((entry.get("source") or {}).get("title")) or feed_title
        title = as_text(entry.get("title")) or body.split("\n", 1)[0][:120]
        guid = feed_entry_id(entry.get("id"), entry_where) if not link else None
        article = Article(
            # without link and guid, by what it says: by its position, a re-read feed with a new entry on top gave
            # that entry the id of the one below it, which it then replaced
            id=make_article_id(guid, link, key) if guid or link else content_id(title, body, named, published),
            title=title,
            text=body,
            source=outlet(named, link, key),
            url=link,
            published=published,
            author=as_text(entry.get("author")),
            origin=entry_where,
        )
        try:
            result.articles.append(check_article_size(article, max_chars))
        except ReadError as error:
            result.errors.append(error)
    return result


def json_problem(error: json.JSONDecodeError) -> str:
    """The JSON error's words without a trailing "at" ("Unterminated string starting at"): we say where."""
    return error.msg.removesuffix(" at")
