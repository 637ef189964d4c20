"""Rendering: a chat session's turns (each with its `Answer`) as chat markdown and evidence-panel HTML.

Pure functions of their arguments: no Gradio, no assistant, no I/O, so they are tested without a browser.
The markup's class names and `#cite-<answer>-<n>` anchors are a contract with `CSS` and `HEAD` below.
"""

from __future__ import annotations

import base64
import html
import json
import re
from collections import Counter
from typing import Any

from pydantic import BaseModel, Field

__all__ = [
    "CSS",
    "HEAD",
    "READER_JS",
    "READ_LINKS_JS",
    "TYPED_DATES_JS",
    "LABEL_JS",
    "DATE_WATCH_JS",
    "EXPORT_JS",
    "Turn",
    "answer_context",
    "answer_markdown",
    "articles_rows",
    "chat_messages",
    "conversation_markdown",
    "coverage_counts",
    "escape_markdown",
    "filters_label",
    "highlighted_passage",
    "markdown_link",
    "month_counts",
    "plain_markdown",
    "read_link",
    "render_answer_text",
    "render_article",
    "render_person_head",
    "render_person_quotes",
    "render_evidence",
    "render_turn",
    "sources_markdown",
    "topics",
]

_MARKER = re.compile(r"\[(\d+)\]")
# a stopped answer's markers (and one cut off mid-way at its end, "[1"): it has no citations to show for them
_STOPPED_MARKER = re.compile(r"[ \t]*\[\d+\]|[ \t]*\[\d*$")
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")  # a whole row: while it streams in, a half row is plain text
_TABLE_RULE = re.compile(r"^\s*\|(?:\s*:?-{3,}:?\s*\|)+\s*$")
_CELL_SPLIT = re.compile(r"(?<!\\)\|")  # a pipe that is not escaped ("\|" is one inside a cell)
# Characters that markdown would read as formatting; article text is shown as it was written.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~$])")
# a line that Markdown reads as a link definition ("[x]: javascript:…"): its colon is escaped in exported text
_LINK_DEFINITION = re.compile(r"^( {0,3}\[[^\]\n]*\]):", re.MULTILINE)


class Turn(BaseModel):
    """One question and what came back, as the chat session remembers it."""

    question: str
    text: str = Field(default="", description="Answer text so far (raw, with [n] markers).")
    answer: Any = Field(default=None, description="The finished assistant.answer.Answer, once there is one.")
    error: str | None = Field(default=None, description="A short message when answering failed.")
    stopped: bool = Field(default=False, description="The user stopped the answer while it streamed; `text` is partial.")
    filters: dict = Field(
        default_factory=dict, description="The filters it was asked under (sources, since, until, as_of): regenerate reuses them."
    )
    asked_on: str | None = Field(default=None, description="The day it was asked (ISO), which dates a kept conversation.")


def escape_markdown(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", html.escape(text, quote=False))


def render_answer_text(text: str, turn_number: int, sources: dict[str, str] | None = None) -> str:
    """Answer text as chat markdown: literal text, and each [n] a link to its passage in the evidence panel, titled
    with its source when `sources` gives it (n → "title, outlet, day"), which the page's script makes its name for a
    screen reader, not a bare "[1]" (an outside try with a screen reader). A Markdown table in it (who said what: speaker | quote | date | source) stays
    a table: its pipes are kept, each cell's text escaped."""
    return "\n".join(
        _render_table_row(line, turn_number, sources or {})
        if _TABLE_ROW.match(line)
        else _render_inline(line, turn_number, sources or {})
        for line in text.split("\n")
    )


def _render_table_row(line: str, turn_number: int, sources: dict[str, str]) -> str:
    if _TABLE_RULE.match(line):
        return line
    cells = _CELL_SPLIT.split(line.strip())[1:-1]
    return "| " + " | ".join(_render_inline(cell.strip().replace("\\|", "|"), turn_number, sources) for cell in cells) + " |"


def _render_inline(text: str, turn_number: int, sources: dict[str, str]) -> str:
    pieces: list[str] = []
    last = 0
    for match in _MARKER.finditer(text):
        pieces.append(escape_markdown(text[last : match.start()]))
        n = match.group(1)
        # (the chat's sanitizer drops aria-label: the page's script names the marker from its title)
        named = f' title="{html.escape(sources[n])}"' if n in sources else ""
        pieces.append(f'<a class="cite-marker" href="#cite-{turn_number}-{n}"{named}>[{n}]</a>')
        last = match.end()
    pieces.append(escape_markdown(text[last:]))
    return "".join(pieces)


def marker_sources(answer) -> dict[str, str]:
    """Each citation's number → its title, outlet and day, as a screen reader names its marker."""
    return {str(c.n): ", ".join(part for part in (c.title, c.source, c.published) if part) for c in answer.citations}


def plain_markdown(text: str) -> str:
    """Text from an article (or made of one) as Markdown that is only text: its <, > and & escaped, so a tag in it
    (`<img onerror=…>`, `<script>`) is no HTML where the Markdown is shown, and a `[..](..)` in it no link (the link
    target could be `javascript:`). Markers such as [1] stay as they are."""
    text = html.escape(text, quote=False).replace("](", "]\\(")
    return _LINK_DEFINITION.sub(r"\1\\:", text)


def markdown_link(url: str | None) -> str | None:
    """An article's url as a Markdown autolink, only when it is an http(s) url an autolink holds whole (no space,
    < or >): anything else (`javascript:`, `data:`, a url that would close the link and go on as HTML) is left out."""
    url = (url or "").strip()
    if not is_web_link(url) or re.search(r"[\s<>\x00-\x1f\x7f]", url):
        return None
    return f"<{url}>"


def sources_markdown(citations: list) -> str:
    """An answer's numbered sources as Markdown: title, outlet, date, url (http(s) only), and the quoted words,
    each as text (`plain_markdown`)."""
    lines = []
    for citation in sorted(citations, key=lambda c: c.n):
        head = [citation.title or "(untitled)", citation.source or "unknown source", citation.published or "undated"]
        head = [plain_markdown(" ".join(str(part).split())) for part in head]
        link = markdown_link(citation.url)
        if link:
            head.append(link)
        quote = plain_markdown(" ".join(citation.quote.split()))
        lines.append(f"{citation.n}. " + " — ".join(head) + f"\n   > “{quote}”")
    return "\n".join(lines)


def rewritten(turn: Turn) -> str | None:
    """The standalone question the follow-up rewriter made of this turn's question, when it changed it."""
    standalone = turn.answer.standalone_question if turn.answer is not None else None
    if standalone and " ".join(standalone.split()) != " ".join(turn.question.split()):
        return standalone
    return None


def quoted_inside(text: str) -> str:
    """`text` to put inside “…”: its own quotation marks turned to single ones, as nested quotations are written; an
    outside try read “When did Greg Abbott say “This is not over,”?”."""
    text = text.replace("“", "‘").replace("”", "’")
    return re.sub(r'"([^"]*)"', r"‘\1’", text)


def answer_context(answer) -> str:
    """How an answer was made and under what: who worded it, the asking date, the filters, the time words' reading."""
    parts: list[str] = []
    if answer.answered:
        model = (answer.config or {}).get("llm_model")
        parts.append(f"worded by {model}" if model else "from the articles")
    if answer.as_of:
        parts.append(f"as of {answer.as_of}")
    filters = answer.filters or {}
    if filters.get("sources"):
        parts.append("sources: " + ", ".join(filters["sources"]))
    if filters.get("since"):
        parts.append(f"from {filters['since']}")
    if filters.get("until"):
        parts.append(f"to {filters['until']}")
    if answer.time_reading:
        parts.append(f"time words read as {answer.time_reading}")
    text = " · ".join(parts)
    return text[:1].upper() + text[1:]


def stopped_text(text: str) -> str:
    """A stopped answer's text without its [n] markers: its citations come only with the finished answer, so a
    stopped one has no evidence card (nor source) for any marker it streamed."""
    return _STOPPED_MARKER.sub("", text)


def answer_markdown(turn: Turn) -> str:
    """A finished answer as Markdown (what the copy button copies): its text with [n] markers, how it was
    understood and made, then its numbered sources. The answer is made of articles' words: it is text
    (`plain_markdown`), never HTML or links, in the Markdown as in the chat."""
    if turn.error:
        return plain_markdown(turn.error)
    answer = turn.answer
    if answer is None:
        return plain_markdown(f"{stopped_text(turn.text)} … (stopped)".strip() if turn.stopped else turn.text)
    parts = [plain_markdown(answer.text)]
    if rewritten(turn):
        parts.append(f"_Understood as: “{plain_markdown(quoted_inside(rewritten(turn)))}”_")
    if answer_context(answer):
        parts.append(f"_{plain_markdown(answer_context(answer))}_")
    if answer.citations:
        parts.append(f"Sources:\n\n{sources_markdown(answer.citations)}")
    return "\n\n".join(parts)


def conversation_markdown(turns: list[Turn], exported_on: str) -> str:
    """A whole conversation as Markdown: each question, its answer and that answer's numbered sources."""
    parts = [f"# Byline conversation\n\nExported {exported_on}. Numbers in brackets cite the sources under each answer."]
    for number, turn in enumerate(turns, start=1):
        parts.append(f"## {number}. {plain_markdown(' '.join(turn.question.split()))}\n\n{answer_markdown(turn)}")
    return "\n\n".join(parts) + "\n"


def copy_payload(turn: Turn) -> str:
    """`answer_markdown` hidden in the message for the page's copy button: base64, which Markdown leaves alone
    (the chat's sanitizer drops data attributes, and raw text in the message would be read as Markdown)."""
    encoded = base64.b64encode(answer_markdown(turn).encode()).decode()
    return f'<span class="byline-copy" hidden>{encoded}</span>'


def render_turn(turn: Turn, turn_number: int) -> str:
    """An answer as chat markdown: its text with linked markers, then how it was understood and made, in small print."""
    if turn.error:
        return f"⚠️ {escape_markdown(turn.error)}"
    answer = turn.answer
    stopped = answer is None and turn.stopped
    sources = marker_sources(answer) if answer is not None else {}
    body = render_answer_text(stopped_text(turn.text) if stopped else turn.text, turn_number, sources)
    if answer is None:
        return f'{body} <em class="byline-stopped">… (stopped)</em>' if turn.stopped else body
    body += copy_payload(turn)
    notes: list[str] = []
    if rewritten(turn):
        notes.append(f'<small class="byline-rewrite">Understood as: “{escape_markdown(quoted_inside(rewritten(turn)))}”</small>')
    if answer.notice:
        notes.append(f"<small>{escape_markdown(answer.notice)}</small>")
    if answer_context(answer):
        notes.append(f'<small class="byline-context">{escape_markdown(answer_context(answer))}</small>')
    return body + "".join(f"\n\n{note}" for note in notes)


def chat_messages(turns: list[Turn], waiting: list[str] | None = None) -> list[dict]:
    """The chat: each turn's question and answer, then the questions still waiting their turn."""
    messages: list[dict] = []
    for number, turn in enumerate(turns, start=1):
        # shown as typed: "<img …> **bold**" was drawn as a broken image and bold words (an outside try)
        messages.append({"role": "user", "content": escape_markdown(turn.question)})
        if turn.text or turn.error or turn.stopped or turn.answer is not None:
            messages.append({"role": "assistant", "content": render_turn(turn, number)})
    for question in waiting or []:
        messages.append({"role": "user", "content": escape_markdown(question)})
    if waiting:
        count = "This question waits" if len(waiting) == 1 else f"These {len(waiting)} questions wait"
        messages.append({"role": "assistant", "content": f"<small>{count} for the answer above.</small>"})
    return messages


def highlighted_passage(citation) -> str:
    """The passage as HTML with the cited words in <mark>: span and passage_span are both article offsets."""
    passage = citation.passage
    start = citation.span[0] - citation.passage_span[0]
    end = citation.span[1] - citation.passage_span[0]
    if not (0 <= start < end <= len(passage)):
        # The quote lies outside the stored passage (should not happen): find it, else show it on its own.
        found = passage.find(citation.quote) if citation.quote else -1
        if found < 0:
            return f"<mark>{html.escape(citation.quote)}</mark>"
        start, end = found, found + len(citation.quote)
    return f"{html.escape(passage[:start])}<mark>{html.escape(passage[start:end])}</mark>{html.escape(passage[end:])}"


def render_evidence(turns: list[Turn], selected: int | None) -> str:
    """The evidence panel for one turn (the latest when none is selected)."""
    if not turns:
        return '<div class="byline-evidence empty"><p>Ask a question: the passages behind the answer show up here.</p></div>'
    index = len(turns) - 1 if selected is None or not 0 <= selected < len(turns) else selected
    turn, number = turns[index], index + 1
    parts = [f'<div class="byline-evidence" data-turn="{number}">']
    parts.append(f'<p class="ev-question">Evidence for answer {number}: “{html.escape(turn.question)}”</p>')
    answer = turn.answer
    if answer is None:
        if turn.error:
            # the reason, as the chat gives it: "No answer: it failed." read as a crash after a date typed wrong (an
            # outside try)
            parts.append(f'<p class="ev-none">No answer: {html.escape(turn.error)}</p>')
        elif turn.stopped:
            parts.append('<p class="ev-none">Stopped before the answer was finished: no evidence.</p>')
        else:
            # (while the answer streams: "No answer yet." beside an answer being written read as a fault, an outside try)
            parts.append('<p class="ev-none">Not answered yet: the passages show here when the answer is done.</p>')
    else:
        if rewritten(turn):
            parts.append(f'<p class="ev-rewrite">Understood as: “{html.escape(quoted_inside(rewritten(turn)))}”</p>')
        if not answer.citations:
            parts.append('<p class="ev-none">No passage supports an answer to this question.</p>')
        # the reader highlights every span this answer cites in an article, whichever card opened it
        spans_by_article: dict[str, list[tuple[int, int, int]]] = {}
        for citation in answer.citations:
            spans_by_article.setdefault(citation.article_id, []).append((*citation.span, citation.n))
        for citation in answer.citations:
            title = html.escape(citation.title or "(untitled)")
            if is_web_link(citation.url):
                url = html.escape(citation.url.strip(), quote=True)
                title = f'<a href="{url}" target="_blank" rel="noopener noreferrer">{title}</a>'
            meta = [html.escape(citation.source or "unknown source"), html.escape(citation.published or "undated")]
            if citation.speaker:
                meta.append(f"quote by {html.escape(citation.speaker)}")
            parts.append(
                f'<div class="ev-cite" id="cite-{number}-{citation.n}">'
                f'<div class="ev-head"><span class="ev-n">[{citation.n}]</span> {title}</div>'
                f'<div class="ev-meta">{" · ".join(meta)}</div>'
                f'<blockquote class="ev-passage">{highlighted_passage(citation)}</blockquote>'
                f"{read_link(citation.article_id, spans_by_article[citation.article_id], citation.n)}</div>"
            )
    parts.append("</div>")
    return "".join(parts)


def read_link(article_id: str, spans: list[tuple[int, int, int]], focus: int, label: str = "Read the whole article") -> str:
    """A link that opens the article reader on `article_id` with `spans` ([start, end, n]) highlighted and
    span `focus` scrolled into view (the page's script turns a click into the reader's event)."""
    data = html.escape(json.dumps([list(span) for span in spans]), quote=True)
    return (
        f'<a class="byline-read" href="#" role="button" data-article="{html.escape(article_id, quote=True)}" '
        f'data-spans="{data}" data-focus="{int(focus)}">{html.escape(label)}</a>'
    )


def render_article(record, text: str, spans: list[tuple[int, int, int]], focus: int | None = None) -> str:
    """The whole article (title, source, date, link) with each span [start, end) of `spans` marked and
    labelled [n] (no label for n = 0); the marks of span `focus` (else the first) carry class "focus"."""
    spans = sorted({(s, e, n) for s, e, n in spans if 0 <= s < e <= len(text)})
    if focus not in {n for _, _, n in spans}:
        focus = spans[0][2] if spans else None
    title = html.escape(getattr(record, "title", "") or "(untitled)")
    meta = [
        html.escape(getattr(record, "source", "") or "unknown source"),
        html.escape(getattr(record, "published", "") or "undated"),
    ]
    url = getattr(record, "url", "") or ""
    if is_web_link(url):
        meta.append(
            f'<a href="{html.escape(url.strip(), quote=True)}" target="_blank" rel="noopener noreferrer">the original</a>'
        )
    count = len({(s, e) for s, e, _ in spans})
    cited = {0: "Nothing of it is cited here.", 1: "The cited passage is highlighted."}.get(
        count, f"The {count} cited passages are highlighted."
    )
    article_id = html.escape(getattr(record, "id", "") or "", quote=True)
    parts = [f'<div class="byline-reader" data-article="{article_id}" data-focus="{focus if focus is not None else ""}">']
    parts.append(f'<h3 class="rd-title">{title}</h3><p class="rd-meta">{" · ".join(meta)}</p><p class="rd-note">{cited}</p>')
    parts.append('<div class="rd-text">')
    bounds = sorted({0, len(text), *(s for s, _, _ in spans), *(e for _, e, _ in spans)})
    for start, end in zip(bounds, bounds[1:], strict=False):
        piece = html.escape(text[start:end])
        covering = [n for s, e, n in spans if s <= start and end <= e]
        if covering:
            classes = "focus" if focus in covering else ""
            numbers = ",".join(str(n) for n in covering)
            piece = f'<mark class="{classes}" data-n="{numbers}">{piece}</mark>'
        parts.append(piece)
        labels = [n for s, e, n in spans if e == end and n]
        if labels:
            parts.append(f'<sup class="rd-n">{"".join(f"[{n}]" for n in labels)}</sup>')
    parts.append("</div></div>")
    return "".join(parts)


def coverage_counts(days: list[str], day_limit: int = 45) -> tuple[str, list[tuple[str, int]]]:
    """Articles per day (dates spanning at most `day_limit` days), per week (counted on its Monday; at most
    WEEK_LIMIT days), per month (on its 1st; at most MONTH_LIMIT days) or per year (on Jan 1): every period
    from the first to the last, the empty ones at 0: (unit, [(YYYY-MM-DD, n)]). Weeks over nine years drew
    some 470 bars a pixel wide, under a "week" axis."""
    from datetime import date, timedelta

    dated = sorted(date.fromisoformat(d[:10]) for d in days if re.match(r"^\d{4}-\d{2}-\d{2}", d or ""))
    if not dated:
        return "day", []
    span = (dated[-1] - dated[0]).days
    unit = "day" if span <= day_limit else "week" if span <= WEEK_LIMIT else "month" if span <= MONTH_LIMIT else "year"

    def period(day: date) -> date:
        if unit == "week":
            return day - timedelta(days=day.weekday())
        if unit == "month":
            return day.replace(day=1)
        return day.replace(month=1, day=1) if unit == "year" else day

    def following(start: date) -> date:
        if unit in ("day", "week"):
            return start + timedelta(days=1 if unit == "day" else 7)
        if unit == "month":
            return (start + timedelta(days=32)).replace(day=1)
        return start.replace(year=start.year + 1)

    counted = Counter(period(d) for d in dated)
    current, last, periods = period(dated[0]), period(dated[-1]), []
    while current <= last:
        periods.append((current.isoformat(), counted.get(current, 0)))
        current = following(current)
    return unit, periods


WEEK_LIMIT = 26 * 7  # half a year of weeks: ~26 bars
MONTH_LIMIT = 4 * 365  # four years of months: ~48 bars


def count_axis(counts: list[int], floor: int = 5) -> list[int]:
    """The y range of a plot of counts: from 0 (gradio starts at the least count, and a 1 showed as no bar), to a
    tenth above the largest, at least `floor` (5: vega's ~6 ticks then fall on whole numbers). Up to the largest exactly, the
    tallest bar touched the frame and looked cut off (a journalist's try: 100 quotes in January 2024)."""
    largest = max(counts, default=0)
    return [0, max(floor, largest + -(-largest // 10))]  # (whole numbers: 100 * 1.1 is 110.00000000000001)


def month_counts(quotes: list) -> list[tuple[str, int]]:
    """Quotes per month (YYYY-MM), every month from the first to the last, the quiet ones at 0; undated quotes left out."""
    counted = Counter(q.published[:7] for q in quotes if re.match(r"^\d{4}-\d{2}", q.published or ""))
    if not counted:
        return []
    first, last = min(counted), max(counted)
    year, month = int(first[:4]), int(first[5:7])
    months: list[tuple[str, int]] = []
    while f"{year:04d}-{month:02d}" <= last:
        key = f"{year:04d}-{month:02d}"
        months.append((key, counted.get(key, 0)))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months


def topics(quotes: list) -> list[tuple[str, int]]:
    """The titles of the articles a person is quoted in, most quotes first (then newest), with their counts."""
    counts: Counter[str] = Counter()
    newest: dict[str, str] = {}
    for quote in quotes:
        title = " ".join((quote.title or "(untitled)").split())
        counts[title] += 1
        newest[title] = max(newest.get(title, ""), quote.published or "")
    by_recency = sorted(sorted(counts.items()), key=lambda item: newest[item[0]], reverse=True)
    return sorted(by_recency, key=lambda item: -item[1])  # stable: among equal counts, the newest first


def render_person_head(name: str, quotes: list, topic_count: int = 10, as_of: str | None = None) -> str:
    """A person's page, its top: the name, how many quotes over which days (published by `as_of`, when the chat asks as
    of a day), and the topics they spoke on."""
    by = f" published by {html.escape(as_of)} (the chat's asking date)" if as_of else ""
    if not quotes:
        return f'<div class="byline-person"><h3>{html.escape(name)}</h3><p>No quotes of {html.escape(name)} are indexed{by}.</p></div>'
    days = sorted(q.published for q in quotes if q.published)
    articles = len({q.article_id for q in quotes})
    span = (f", {days[0]} to {days[-1]}" if days else "") + by
    plural = "s" if len(quotes) != 1 else ""
    parts = [
        f'<div class="byline-person"><h3>{html.escape(name)}</h3>'
        f'<p class="pp-summary">{len(quotes)} quote{plural} in {articles} article{"s" if articles != 1 else ""}{span}.</p>'
    ]
    listed = topics(quotes)[:topic_count]
    parts.append('<p class="pp-topics-head">Topics (the articles quoted in, most quotes first):</p><ol class="pp-topics">')
    parts.extend(f"<li>{html.escape(title)} <small>({count})</small></li>" for title, count in listed)
    parts.append("</ol></div>")
    return "".join(parts)


def render_person_quotes(quotes: list) -> str:
    """A person's quotes as the reader lists them (the caller orders them, newest first): the words, date,
    source, and a link that opens the article reader on the quote."""
    if not quotes:
        return '<div class="byline-quotes empty"></div>'
    items = []
    for quote in quotes:
        title = quote.title or "(untitled)"
        meta = [html.escape(quote.published or "undated"), html.escape(quote.source or "unknown source")]
        meta.append(read_link(quote.article_id, [(quote.start, quote.end, 0)], 0, label=title))
        if is_web_link(quote.url):
            url = html.escape(quote.url.strip(), quote=True)
            meta.append(f'<a href="{url}" target="_blank" rel="noopener noreferrer">original</a>')
        items.append(
            f'<li class="pq"><blockquote class="pq-text">“{html.escape(" ".join(quote.text.split()))}”</blockquote>'
            f'<div class="pq-meta">{" · ".join(meta)}</div></li>'
        )
    return f'<ol class="byline-quotes">{"".join(items)}</ol>'


DATE_FIELDS = {"since": "From", "until": "To", "as_of": "As of"}


def filters_label(
    sources: list[str],
    since: str | None,
    until: str | None,
    as_of: str | None,
    today: str | None,
    refused: dict[str, str] | None = None,
) -> str:
    """The Filters section's label, naming the filters that are on (an asking date other than today is one), and
    first the date fields whose text is no date ({"since" | "until" | "as_of": text}): the field's own red outline
    is out of sight when the section is collapsed, and the next question would fail on it."""
    refused = {name: text for name, text in (refused or {}).items() if name in DATE_FIELDS}
    on: list[str] = []
    if sources:
        on.append("sources: " + ", ".join(sources))
    if (since or "").strip() and "since" not in refused:
        on.append(f"from {since.strip()}")
    if (until or "").strip() and "until" not in refused:
        on.append(f"to {until.strip()}")
    if (as_of or "").strip() and as_of.strip() != today and "as_of" not in refused:
        on.append(f"as of {as_of.strip()}")
    label = "Filters on: " + " · ".join(on) if on else "Filters (apply to the next questions)"
    if refused:
        bad = ", ".join(f"{field} “{refused[name].strip()}”" for name, field in DATE_FIELDS.items() if name in refused)
        label = f"⚠️ Not a date (use YYYY-MM-DD): {bad} · {label}"
    return label


def articles_rows(records: list, limit: int) -> list[list[str]]:
    return [[r.published or "—", r.source or "—", r.title] for r in records[:limit]]


# The page's style and script, passed to Gradio when the app is mounted. They style and drive the markup above.

CSS = """
/* Gradio's "Source Sans Pro" SemiBold (600: headings, labels, bold text) is a few-glyph subset: "Byline" drew its "B"
   in it and "yline" in the system's bold sans (issue 14, defect 9). Its full Bold face, same family, wins for 600. */
@font-face { font-family: "Source Sans Pro"; src: url("static/fonts/SourceSansPro/SourceSansPro-Bold.woff2") format("woff2");
  font-weight: 600; font-style: normal; }
/* Gradio's columns wrap: long evidence flowed into a second column beside the first, out of sight */
#byline-evidence-column { max-height: 80vh; overflow-y: auto; flex-wrap: nowrap; }
/* beside the chat, the evidence stays in sight while the page scrolls down a long conversation: scrolled past its
   top, the column ended half-way down the screen, cut mid-line, with blank page below (outside try, 1366x900).
   It is no taller than the screen below where it starts (its top, kept by the page's script as the page scrolls):
   as tall as the screen, it started ~140 px down before the page was scrolled, and its last ~150 px, the end of the
   evidence, lay below the fold (an outside try at 1366x900) */
@media (min-width: 768px) {
  #byline-evidence-column { position: sticky; top: .5em; align-self: flex-start;
    max-height: calc(100vh - var(--byline-evidence-top, .5em) - .5em); }
}
/* Gradio's container hides its overflow, which makes it the box a sticky column sticks in (and it never scrolls);
   clipping the same overflow makes no such box, so the column sticks to the page */
.gradio-container { overflow: clip !important; }
#byline-evidence-column > * { flex-shrink: 0; }
/* nothing in the evidence is wider than its column, nor the column than the page: a long url or word in a passage
   (its min-content width) pushed the column, its cards and the coverage plot ~50-230 px past a phone's right edge,
   cut off, as the page does not scroll sideways */
#byline-evidence-column, #byline-evidence-column > *, #byline-evidence-column .html-container,
  #byline-evidence-column .prose { min-width: 0 !important; max-width: 100%; }
.byline-evidence, .byline-reader, .byline-quotes, .byline-person { overflow-wrap: anywhere; word-break: break-word; }
.byline-evidence .ev-question { font-weight: 600; margin: 0 0 .5em; }
.byline-evidence .ev-rewrite, .byline-evidence .ev-none { font-style: italic; opacity: .85; }
.byline-evidence .ev-cite { border: 1px solid var(--border-color-primary); border-radius: 8px; padding: .6em .8em; margin: .6em 0; transition: box-shadow .3s; }
.byline-evidence .ev-cite.flash { box-shadow: 0 0 0 3px var(--color-accent); }
.byline-evidence .ev-n { font-weight: 700; }
.byline-evidence .ev-meta { font-size: .85em; opacity: .8; margin: .2em 0 .4em; }
.byline-evidence .ev-passage { margin: 0; padding-left: .8em; border-left: 3px solid var(--border-color-primary); white-space: pre-wrap; font-size: .92em; }
/* a dark ink on the yellow in both themes (dark mode's own text colour was white on pale yellow) */
.byline-evidence mark, .byline-reader mark { background: #ffe58a; color: #1f2328; padding: 0 .1em; }
.byline-evidence a.byline-read { display: inline-block; margin-top: .4em; font-size: .88em; }
/* the article reader: a sheet over the right of the page (the whole width of a phone), as NotebookLM's source view */
#byline-reader-panel { position: fixed !important; top: 0; right: 0; bottom: 0; width: min(680px, 100vw) !important; max-width: 100vw;
  z-index: 1000; background: var(--background-fill-primary); box-shadow: -6px 0 28px rgba(0, 0, 0, .3);
  padding: 1em 1.2em 3em; overflow-y: auto; flex-wrap: nowrap; }
#byline-reader-panel > * { flex-shrink: 0; }
/* Close is an opaque bar across the sheet, its shadow covering the padding above it: a button at the right only
   left the scrolled article showing beside and above it (at 390 px it sat over the text) */
#byline-reader-close { align-self: stretch; width: 100%; position: sticky; top: 0; z-index: 1; justify-content: flex-end;
  background: var(--background-fill-primary); box-shadow: 0 -1.2em 0 0 var(--background-fill-primary); }
.byline-reader .rd-title { margin: 0 0 .2em; }
.byline-reader .rd-meta, .byline-reader .rd-note { font-size: .88em; opacity: .85; margin: 0 0 .5em; }
.byline-reader .rd-text { white-space: pre-wrap; line-height: 1.6; }
.byline-reader mark.focus { outline: 2px solid #9a6700; outline-offset: 1px; }
.byline-reader .rd-n { font-weight: 700; font-size: .72em; margin-left: .1em; }
/* a person's page */
.byline-person h3 { margin: 0 0 .2em; }
.byline-person .pp-topics { margin: .2em 0 .6em 1.2em; }
.byline-quotes { list-style: none; padding: 0; margin: 0; }
.byline-quotes .pq { border-bottom: 1px solid var(--border-color-primary); padding: .5em 0; }
.byline-quotes .pq-text { margin: 0 0 .25em; font-size: 1em; }
.byline-quotes .pq-meta { font-size: .85em; opacity: .85; }
a.cite-marker { text-decoration: none; font-weight: 600; }
/* the asking date is a narrow field beside the question: its input was 20 characters wide whatever the field's width,
   and pushed the calendar button out of the field's box, cut off */
#byline-as-of .timebox input { width: 0; min-width: 0; flex: 1 1 auto; }
/* it only watches the date fields (DATE_WATCH_JS) */
#byline-date-watch { display: none !important; }
.byline-stopped { opacity: .75; }
/* the chat's floating "Chat" label and its clear button get a strip of their own: messages scrolled under them */
#byline-chat .bubble-wrap { border-top: 28px solid transparent; }
/* a who-said table in an answer: names, dates and outlets break between words only (Gradio broke them anywhere:
   "Speak/er", "2024-/03-20"); the quote column takes the rest */
#byline-chat [data-testid="bot"] table th, #byline-chat [data-testid="bot"] table td { word-break: normal; overflow-wrap: normal; }
#byline-chat [data-testid="bot"] table td:nth-child(2) { overflow-wrap: break-word; }
#byline-chat [data-testid="bot"] table :is(th, td):nth-child(3) { white-space: nowrap; }
/* on a phone the answer is ~240 px wide: four columns left a letter per line, so each row is a card: the speaker,
   then date and outlet, then the quote */
@media (max-width: 640px) {
  #byline-chat [data-testid="bot"] :is(table, thead, tbody) { display: block; width: 100%; }
  #byline-chat [data-testid="bot"] table tr { display: grid; grid-template-columns: auto minmax(0, 1fr); column-gap: .6em;
    padding: .45em .6em; border-bottom: 1px solid var(--border-color-primary); }
  #byline-chat [data-testid="bot"] table :is(th, td) { display: block; border: none; padding: 0; text-align: left; }
  #byline-chat [data-testid="bot"] table :is(th, td):nth-child(1) { grid-column: 1 / -1; font-weight: 600; }
  #byline-chat [data-testid="bot"] table :is(th, td):nth-child(2) { grid-column: 1 / -1; order: 3; margin-top: .2em; }
  #byline-chat [data-testid="bot"] table :is(th, td):nth-child(3) { order: 1; }
  #byline-chat [data-testid="bot"] table :is(th, td):nth-child(4) { order: 2; overflow-wrap: break-word; }
}
/* on a phone the chat and its evidence are one column: the chat, the question box and its asking date, then the
   answer's evidence (it sat below the examples and filters, ~1,150 px down, in a box scrolling inside the page), then
   the rest */
@media (max-width: 640px) {
  #byline-chat-row { flex-direction: column; flex-wrap: nowrap; }
  #byline-chat-column { display: contents; }
  #byline-chat-column > * { order: 4; }
  #byline-chat-column > #byline-chat { order: 1; }
  #byline-chat-column > #byline-ask-row { order: 2; }
  /* the question, then Ask across the screen (a thumb's target), then the asking date (beside the question on a
     desktop): the date stays before the evidence */
  #byline-ask-row > :is(#byline-ask, #byline-stop) { flex-basis: 100%; }
  #byline-ask-row > #byline-as-of-column { order: 1; }
  #byline-chat-column > #byline-conversations-row { order: 0; }
  #byline-evidence-column { order: 3; max-height: none; overflow: visible; }
  /* an empty chat is its placeholder's height, not 520 px of blank above the question box (an outside try) */
  #byline-chat:not(:has([data-testid="user"])) { height: 9em !important; min-height: 0 !important; }
}
/* on a phone, percentage columns left the date and source one character wide (a letter per line) */
@media (max-width: 640px) {
  #byline-articles [data-heading="0"], #byline-articles [data-col="0"] { width: 104px !important; min-width: 104px !important; max-width: 104px !important; flex: 0 0 104px !important; }
  #byline-articles [data-heading="1"], #byline-articles [data-col="1"] { width: 96px !important; min-width: 96px !important; max-width: 96px !important; flex: 0 0 96px !important; }
  #byline-articles [data-heading="2"], #byline-articles [data-col="2"] { width: auto !important; min-width: 0 !important; max-width: none !important; flex: 1 1 0 !important; }
  #byline-articles .virtual-body, #byline-articles .virtual-row, #byline-articles table.header-table { width: 100% !important; }
}
"""

# Markers are links to #cite-<answer>-<n>; the panel may first need to switch to that answer (the click also
# selects the message, which re-renders the panel on the server), so wait briefly for the passage to appear.
HEAD = """
<script>
// Gradio's date picker opens under its button, right-aligned to it (left = the button's right - 280 px), in a fixed
// box: on a phone its first columns and the previous-month arrow were off the left edge, and near the bottom of a
// desktop window it opened below the fold, where scrolling never brings a fixed box (an outside try). Keep it in view.
function bylineKeepPickerInView() {
  const margin = 8;
  document.querySelectorAll(".picker-container").forEach(function (box) {
    const rect = box.getBoundingClientRect();
    if (rect.left < margin) box.style.left = margin + "px";
    else if (rect.right > window.innerWidth - margin) box.style.left = Math.max(margin, window.innerWidth - margin - rect.width) + "px";
    if (rect.bottom > window.innerHeight - margin) box.style.top = Math.max(margin, window.innerHeight - margin - rect.height) + "px";
  });
}
// (a streamed answer changes the page many times a frame: one check a frame at most)
let bylinePickerCheck = 0;
new MutationObserver(function () {
  if (!bylinePickerCheck) bylinePickerCheck = requestAnimationFrame(function () { bylinePickerCheck = 0; bylineKeepPickerInView(); });
}).observe(document.documentElement, {childList: true, subtree: true});
document.addEventListener("click", function (event) {
  const link = event.target.closest && event.target.closest('a[href^="#cite-"]');
  if (!link) return;
  event.preventDefault();
  const id = link.getAttribute("href").slice(1);
  const started = Date.now();
  (function reveal() {
    const target = document.getElementById(id);
    if (target) {
      target.scrollIntoView({ behavior: "smooth", block: "center" });
      target.classList.add("flash");
      setTimeout(function () { target.classList.remove("flash"); }, 1600);
    } else if (Date.now() - started < 3000) {
      setTimeout(reveal, 100);
    }
  })();
}, true);
// Escape closes the article reader.
document.addEventListener("keydown", function (event) {
  if (event.key !== "Escape") return;
  const close = document.querySelector("#byline-reader-panel:not(.hidden) #byline-reader-close");
  if (close && close.offsetParent !== null) close.click();
});
// The article reader is a modal dialog named by its title: focus goes into it when it opens (its Close button) and
// back to the "read" link that opened it (or one for the same article, if the evidence was drawn again) when it closes.
(function () {
  let opener = null, wasOpen = false;
  document.addEventListener("click", function (event) {
    const link = event.target.closest && event.target.closest("a.byline-read");
    if (link) opener = link;
  }, true);
  function sync() {
    // a hidden sheet may be taken out of the page altogether
    const panel = document.getElementById("byline-reader-panel") || document.createElement("div");
    panel.setAttribute("role", "dialog");
    panel.setAttribute("aria-modal", "true");
    const title = panel.querySelector(".rd-title");
    if (title) {
      title.id = "byline-reader-title";
      panel.setAttribute("aria-labelledby", "byline-reader-title");
      panel.removeAttribute("aria-label");
    } else {
      panel.setAttribute("aria-label", "Article");
    }
    const open = panel.getClientRects().length > 0 && !panel.classList.contains("hidden");
    if (open && !wasOpen) {
      // again a moment later: the sheet shows before Gradio has drawn (and made focusable) its button
      [0, 80, 250, 600].forEach(function (ms) {
        setTimeout(function () {
          const close = panel.querySelector("#byline-reader-close");
          if (wasOpen && close && !panel.contains(document.activeElement)) close.focus({preventScroll: true});
        }, ms);
      });
    } else if (!open && wasOpen && opener) {
      const from = opener;
      [0, 80, 250, 600].forEach(function (ms) {
        setTimeout(function () {
          const lost = !document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected ||
            panel.contains(document.activeElement);
          const back = from.isConnected ? from
            : document.querySelector('a.byline-read[data-article="' + CSS.escape(from.dataset.article || "") + '"]');
          if (!wasOpen && lost && back) back.focus();
        }, ms);
      });
    }
    wasOpen = open;
  }
  function start() {
    new MutationObserver(sync).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ["class", "style"]});
    sync();
  }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
// The chat's own trash button starts a new conversation (the open one is filed among the past ones), but Gradio labels
// it "Clear" (its shared common.clear text, which relabelled would rename every clear button) and has no option for
// it: it is named here for what it does, each time Gradio draws it.
(function () {
  const name = "New conversation (this one is kept among the past ones)";
  function relabel() {
    for (const button of document.querySelectorAll('#byline-chat button[aria-label="Clear"]')) {
      if (button.closest('[data-testid="status-tracker"]')) continue;
      button.setAttribute("aria-label", "New conversation");
      button.setAttribute("title", name);
    }
  }
  function start() {
    new MutationObserver(relabel).observe(document.body, {subtree: true, childList: true, attributes: true, attributeFilter: ["aria-label"]});
    relabel();
  }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
// Gradio labels each chat message with its raw content ("bot's message: … <a class="cite-marker" …>[1]</a>"), so a
// screen reader read the citation markup aloud (a journalist's try): the label is the words as shown instead.
(function () {
  const prefix = "bot's message: ";
  function relabel() {
    for (const message of document.querySelectorAll('#byline-chat [aria-label^="' + prefix + '"]')) {
      // (each time its shown words change too: a label Gradio set mid-stream was left at "… lay down their")
      const shown = prefix + (message.innerText || message.textContent || "").replace(/\s+/g, " ").trim();
      if (message.getAttribute("aria-label") !== shown) message.setAttribute("aria-label", shown);
    }
  }
  function start() {
    new MutationObserver(relabel).observe(document.body, {subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ["aria-label"]});
    relabel();
  }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
// The evidence column's top on the screen, for its height beside the chat (CSS): where it starts before the page is
// scrolled, .5em once it sticks, and anything in between; read again as the page scrolls, resizes or is redrawn.
(function () {
  let waiting = false;
  function fit() {
    waiting = false;
    const column = document.getElementById("byline-evidence-column");
    if (!column) return;
    const top = Math.max(0, Math.round(column.getBoundingClientRect().top));
    if (column.style.getPropertyValue("--byline-evidence-top") !== top + "px") column.style.setProperty("--byline-evidence-top", top + "px");
  }
  function soon() {
    if (!waiting) { waiting = true; requestAnimationFrame(fit); }
  }
  addEventListener("scroll", soon, {passive: true});
  addEventListener("resize", soon);
  function start() { new ResizeObserver(soon).observe(document.body); soon(); }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
// The question box takes the focus when the page opens, without scrolling to it, and only on a screen wide enough for
// the chat and the evidence side by side: Gradio's autofocus opened a phone (390x844) scrolled down to the box, the
// title, tabs and conversations out of sight above an empty chat (an outside try); a phone's keyboard would cover it.
(function () {
  function start() {
    const observer = new MutationObserver(take);
    function take() {
      const box = document.querySelector("#byline-question textarea");
      if (!box) return;
      observer.disconnect();
      if (innerWidth >= 768 && document.activeElement === document.body) box.focus({preventScroll: true});
    }
    observer.observe(document.body, {subtree: true, childList: true});
    take();
  }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
// Keyboard and screen-reader care (an outside try with both): the date fields are named by their labels, not their
// "YYYY-MM-DD" placeholders, and their calendar buttons at all; a control that goes away while it has the focus (Stop,
// Retry, a past conversation chosen, "Yes, delete it") hands it to the question box, not to the page's top; asking to
// delete puts it on "Keep it"; Tab stays inside the open article reader (a modal dialog); and Space opens a "read"
// link as Enter does, as a button's role promises.
(function () {
  const dateNames = {"byline-as-of": "As of", "byline-since": "From", "byline-until": "To"};
  function name() {
    for (const [id, label] of Object.entries(dateNames)) {
      const field = document.getElementById(id);
      if (!field) continue;
      const input = field.querySelector("input");
      if (input && input.getAttribute("aria-label") !== label + " (YYYY-MM-DD)") input.setAttribute("aria-label", label + " (YYYY-MM-DD)");
      for (const button of field.querySelectorAll("button:not([aria-label])")) button.setAttribute("aria-label", "Pick the " + label + " day");
    }
    for (const marker of document.querySelectorAll("#byline-chat a.cite-marker[title]:not([aria-label])")) {
      marker.setAttribute("aria-label", "Source " + marker.textContent.replace(/[\\[\\]]/g, "") + ": " + marker.title);
    }
  }
  let lost = null;
  document.addEventListener("focusout", function (event) {
    if (event.relatedTarget || !event.target.closest || !event.target.closest("#byline-chat-column")) return;
    lost = event.target;
    setTimeout(function () {
      const gone = lost && (!lost.isConnected || lost.offsetParent === null || lost.disabled);
      const box = document.querySelector("#byline-question textarea");
      if (gone && box && (document.activeElement === document.body || !document.activeElement)) box.focus();
      lost = null;
    }, 120);
  });
  document.addEventListener("click", function (event) {
    if (!(event.target.closest && event.target.closest("#byline-delete-conversation"))) return;
    // the row is drawn after a round trip to the server, which a busy machine takes seconds over: wait for it
    const asked = Date.now();
    const wait = setInterval(function () {
      const keep = document.querySelector("#byline-delete-keep");
      if (keep && keep.offsetParent !== null) { if (!keep.contains(document.activeElement)) keep.focus(); clearInterval(wait); }
      else if (Date.now() - asked > 10000) clearInterval(wait);
    }, 50);
  }, true);
  document.addEventListener("keydown", function (event) {
    const panel = document.querySelector("#byline-reader-panel:not(.hidden)");
    if (event.key === "Tab" && panel && panel.getClientRects().length) {
      const stops = Array.from(panel.querySelectorAll('a[href], button, [tabindex]:not([tabindex="-1"])'))
        .filter(function (el) { return el.offsetParent !== null && !el.disabled; });
      if (!stops.length) return;
      const first = stops[0], last = stops[stops.length - 1];
      if (!panel.contains(document.activeElement)) { event.preventDefault(); first.focus(); }
      else if (event.shiftKey && document.activeElement === first) { event.preventDefault(); last.focus(); }
      else if (!event.shiftKey && document.activeElement === last) { event.preventDefault(); first.focus(); }
      return;
    }
    if (event.key === " " && event.target.matches && event.target.matches('a.byline-read[role="button"]')) {
      event.preventDefault();
      event.target.click();
    }
  });
  // once a frame at most: a streaming answer redraws the chat many times a second
  let waiting = false;
  function soon() {
    if (!waiting) { waiting = true; requestAnimationFrame(function () { waiting = false; name(); }); }
  }
  function start() {
    new MutationObserver(soon).observe(document.body, {subtree: true, childList: true});
    name();
  }
  if (document.body) start(); else document.addEventListener("DOMContentLoaded", start);
})();
// The copy button of an answer copies its Markdown with its sources (kept in the message, base64), not its HTML.
document.addEventListener("click", function (event) {
  const button = event.target.closest && event.target.closest('#byline-chat button[aria-label="Copy message"]');
  if (!button) return;
  const message = button.closest(".message-buttons")?.previousElementSibling;
  const kept = message && message.querySelectorAll(".byline-copy");
  if (!kept || !kept.length) return;
  event.preventDefault();
  event.stopImmediatePropagation();
  const bytes = Uint8Array.from(atob(kept[kept.length - 1].textContent.trim()), c => c.charCodeAt(0));
  navigator.clipboard.writeText(new TextDecoder().decode(bytes)).then(function () {
    button.setAttribute("title", "Copied");
    setTimeout(function () { button.setAttribute("title", "Copy message"); }, 1500);
  });
}, true);
</script>
"""

# The evidence panel and a person's quotes: a click on a "read" link becomes the component's click event, carrying
# which article and spans to open (gr.HTML's js_on_load, run once per component; the links inside are re-rendered).
READ_LINKS_JS = """
element.addEventListener("click", function (event) {
  const link = event.target.closest && event.target.closest("a.byline-read");
  if (!link) return;
  event.preventDefault();
  trigger("click", {article: link.dataset.article, spans: JSON.parse(link.dataset.spans || "[]"), focus: Number(link.dataset.focus || 0)});
});
"""
# A question takes with it the text typed in a date field that the field itself refused. Gradio's date field keeps
# typed text as its value only when it looks like a date (YYYY-MM-DD, "now - 2d"): "yesterday" stayed on screen while
# the question went out with the field's last value (today's asking date, or an earlier "2024-02-30" and its error).
# Runs before `enqueue` (its inputs in, its inputs out): the last input, a hidden box, gets {field: typed text}.
# What counts as typed and refused: text the field did not take as its value (Gradio takes YYYY-MM-DD and "now - 2d").
# (`shown`: each field's text as the page shows it, or undefined with no field, for LABEL_JS)
_REFUSED_DATES = """
  const typed = {}, shown = [];
  for (const [name, id] of [["since", "byline-since"], ["until", "byline-until"], ["as_of", "byline-as-of"]]) {
    const box = document.querySelector("#" + id + " input");
    const text = box ? box.value : "";
    shown.push(box ? text : undefined);
    // (a pasted " 2024-03-01 " is the date it is: it was warned about as no date, yet the question went out with it)
    const taken = text.trim() === "" || /^\\d{4}-\\d{2}-\\d{2}$/.test(text.trim()) || /^(?:\\s*now\\s*(?:-\\s*\\d+\\s*[dmhs])?)?\\s*$/.test(text);
    if (!taken) typed[name] = text;
  }
"""


def _with_typed_dates(more: str = "") -> str:
    """A script for an event's inputs: its last input (a hidden box) gets the refused typed dates as JSON, after
    `more` has run."""
    return (
        "\n(...inputs) => {"
        + _REFUSED_DATES
        + more
        + "  inputs[inputs.length - 1] = JSON.stringify(typed);\n  return inputs;\n}\n"
    )


TYPED_DATES_JS = _with_typed_dates()
# TYPED_DATES_JS for the Filters label's requests, each stamped with the page's next number: several label requests
# are in flight at once (a reload sets four boxes, each change asks for a label), their HTTP requests can reach the
# server out of order, and one read before the asking date was restored landed last ("sources: Harbor Gazette" with
# no "as of", 1 reload in 40 under load). The server draws no label older than one it has drawn (`LabelStamps`).
# The date fields' values are read from the page as the request is numbered, not as Gradio gathered them a moment
# before: a request gathered first can be numbered after one gathered later, and would carry the older values.
LABEL_JS = _with_typed_dates(
    """  window.bylineLabelStamp = (window.bylineLabelStamp || 0) + 1;
  typed.stamp = window.bylineLabelStamp;
  shown.forEach((text, i) => { if (text !== undefined) inputs[i + 1] = text; });  // inputs: sources, since, until, as of, …
"""
)
# The Filters label is drawn again when a date field is left (or Enter pressed in it) with text it refused: the field
# keeps its last value and sends no change, so the label (with TYPED_DATES_JS) would not know (gr.HTML's js_on_load,
# on a hidden element: its click is that redraw).
DATE_WATCH_JS = (
    """
let sent = "{}";
function check(event) {
  const box = event.target;
  if (!box || !box.closest || !box.closest("#byline-since, #byline-until, #byline-as-of")) return;
  if (event.type === "keydown" && event.key !== "Enter") return;
  setTimeout(function () {"""
    + _REFUSED_DATES
    + """    const now = JSON.stringify(typed);
    // not only on a change: the label may have been drawn since without the refusal (a conversation opened)
    if (now !== "{}" || sent !== "{}") { sent = now; trigger("click", {}); }
  }, 0);
}
for (const type of ["focusout", "change", "keydown"]) document.addEventListener(type, check, true);
"""
)
# "Export as Markdown" downloads the conversation the server made when it was clicked (`export_markdown`), straight
# from the page: no file is written on the server, where other users of the machine could read it.
EXPORT_JS = """
(text) => {
  if (!text) return;
  const link = document.createElement("a");
  link.href = URL.createObjectURL(new Blob([text], {type: "text/markdown;charset=utf-8"}));
  link.download = "byline-conversation.md";
  document.body.appendChild(link);
  link.click();
  setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
}
"""
# The reader scrolls its focused mark (else the first) into view each time it shows an article.
READER_JS = """
function reveal() {
  const mark = element.querySelector("mark.focus") || element.querySelector("mark");
  if (mark && mark.offsetParent !== null) mark.scrollIntoView({block: "center"});
}
function soon() { [0, 120, 400].forEach(function (ms) { setTimeout(reveal, ms); }); }
watch("value", soon);
soon();
"""


def is_web_link(url: str | None) -> bool:
    """Only http(s) urls become links: an article's url is data, and `javascript:` or `data:` would run in the page."""
    return bool(url) and url.strip().lower().startswith(("http://", "https://"))
