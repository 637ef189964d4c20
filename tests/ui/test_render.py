"""The chat's rendering as a pure function of an Answer: no browser, no app, no index.

Answers and citations are built by hand; the rendered HTML is parsed back into what a reader sees
(the links, the cards, the marked words, the text) rather than matched as markup.
"""

from __future__ import annotations

import base64
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

from assistant.answer import Answer, Citation
from ui.web.render import (
    Turn,
    answer_markdown,
    articles_rows,
    chat_messages,
    highlighted_passage,
    render_answer_text,
    render_evidence,
    render_turn,
)

ARTICLE = (
    "Harbor Gazette, 1 February 2024. The ferry workers ended their strike on Friday after a pay deal. "
    "The mayor said the old bridge will reopen in May after repairs to its piers. "
    "Council members voted 7 to 2 to fund the repairs. "
    "A union spokesperson said the deal raises wages by 6 percent over two years. "
    "Commuters welcomed the news, though some said the crossing would stay crowded."
)
# The tags the evidence panel and the answer text are made of; anything else came from the data and was not escaped.
PANEL_TAGS = {"div", "p", "span", "a", "blockquote", "mark"}


def cite(n: int, quote: str, *, article: str = ARTICLE, passage: tuple[int, int] | None = None, **fields) -> Citation:
    """A citation of `quote` (its first occurrence in `article`), with the whole article as the passage unless given."""
    start = article.index(quote)
    passage_start, passage_end = passage or (0, len(article))
    values = {
        "article_id": "ferry-1",
        "title": "Ferry strike ends",
        "source": "Harbor Gazette",
        "url": "https://gazette.example/ferry",
        "published": "2024-02-01",
    }
    values.update(fields)
    return Citation(
        n=n,
        passage=article[passage_start:passage_end],
        passage_span=(passage_start, passage_end),
        quote=quote,
        span=(start, start + len(quote)),
        **values,
    )


def answered(question: str, text: str, citations: list[Citation], **fields) -> Turn:
    answer = Answer(question=question, text=text, answered=bool(citations), citations=citations, **fields)
    return Turn(question=question, text=text, answer=answer)


@dataclass
class Card:
    id: str
    head: str = ""
    link: dict[str, str | None] | None = None
    meta: str = ""
    passage: str = ""
    marks: list[str] = field(default_factory=list)


class Seen(HTMLParser):
    """Rendered HTML as a reader meets it: its text, its tags, its links and the evidence cards."""

    def __init__(self, markup: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = ""
        self.tags: list[str] = []
        self.links: list[dict[str, str | None]] = []
        self.cards: list[Card] = []
        self.turn: str | None = None
        self._open: list[tuple[str, str]] = []  # (tag, class) of the elements around the current text
        self.feed(markup)
        self.close()

    def _inside(self, name: str) -> bool:
        return any(name in (tag, cls) for tag, cls in self._open)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = dict(attrs)
        cls = attributes.get("class") or ""
        self.tags.append(tag)
        self._open.append((tag, cls))
        if cls == "byline-evidence":
            self.turn = attributes.get("data-turn")
        if cls == "ev-cite":
            self.cards.append(Card(id=attributes["id"] or ""))
        if tag == "a":
            self.links.append(attributes)
            if self._inside("ev-head"):
                self.cards[-1].link = attributes
        if tag == "mark" and self.cards:
            self.cards[-1].marks.append("")

    def handle_endtag(self, tag: str) -> None:
        assert self._open and self._open[-1][0] == tag, f"</{tag}> closes {self._open[-1:]}: the markup is broken"
        self._open.pop()

    def handle_data(self, data: str) -> None:
        self.text += data
        if not self._inside("ev-cite"):
            return
        card = self.cards[-1]
        if self._inside("ev-head"):
            card.head += data
        elif self._inside("ev-meta"):
            card.meta += data
        elif self._inside("ev-passage"):
            card.passage += data
            if self._inside("mark"):
                card.marks[-1] += data


def reply(turns: list[Turn]) -> str:
    """The latest assistant message of the chat."""
    messages = chat_messages(turns)
    assert messages[-1]["role"] == "assistant"
    return messages[-1]["content"]


def test_each_marker_links_to_its_evidence_card():
    quotes = ["ended their strike on Friday after a pay deal", "the old bridge will reopen in May"]
    turn = answered(
        "What happened?", "The strike ended [1]. The bridge reopens in May [2].", [cite(1, quotes[0]), cite(2, quotes[1])]
    )

    links = [link["href"] for link in Seen(reply([turn])).links]
    cards = Seen(render_evidence([turn], None)).cards

    assert links == ["#cite-1-1", "#cite-1-2"]
    assert [f"#{card.id}" for card in cards] == links
    assert [card.marks for card in cards] == [[quotes[0]], [quotes[1]]]


def test_markers_of_a_later_answer_link_to_its_own_cards():
    first = answered("What ended?", "The strike [1].", [cite(1, "ended their strike on Friday")])
    second = answered("And the bridge?", "It reopens in May [1].", [cite(1, "the old bridge will reopen in May")])
    turns = [first, second]

    assert [link["href"] for link in Seen(reply(turns)).links] == ["#cite-2-1"]
    latest = Seen(render_evidence(turns, None))
    assert latest.turn == "2" and [card.id for card in latest.cards] == ["cite-2-1"]
    assert latest.cards[0].marks == ["the old bridge will reopen in May"]
    # Selecting the first answer (its message) shows its own evidence.
    chosen = Seen(render_evidence(turns, 0))
    assert chosen.turn == "1" and [card.id for card in chosen.cards] == ["cite-1-1"]
    assert "Evidence for answer 1: “What ended?”" in chosen.text


def test_a_card_shows_title_source_date_and_marks_the_cited_words():
    quote = "the old bridge will reopen in May"
    start = ARTICLE.index("The mayor")
    end = ARTICLE.index(" Council")
    turn = answered("When does the bridge reopen?", "In May [1].", [cite(1, quote, passage=(start, end))])

    (card,) = Seen(render_evidence([turn], None)).cards

    assert card.head == "[1] Ferry strike ends"
    assert card.meta == "Harbor Gazette · 2024-02-01"
    assert card.passage == ARTICLE[start:end]
    assert card.marks == [quote]


def test_a_url_makes_the_title_a_link_that_opens_apart():
    with_url = answered("q", "a [1].", [cite(1, "pay deal", url="https://gazette.example/ferry?id=1&lang=en")])
    without_url = answered("q", "a [1].", [cite(1, "pay deal", url="")])

    (card,) = Seen(render_evidence([with_url], None)).cards
    assert card.link is not None
    assert card.link["href"] == "https://gazette.example/ferry?id=1&lang=en"
    assert card.link["target"] == "_blank" and card.link["rel"] == "noopener noreferrer"
    (card,) = Seen(render_evidence([without_url], None)).cards
    assert card.link is None and card.head == "[1] Ferry strike ends"


def test_only_web_urls_become_links():
    """An article's url is data from whoever sent the article: `javascript:` and `data:` must never be clickable."""
    for url in (
        "javascript:alert(document.cookie)",
        " JavaScript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
    ):
        (card,) = Seen(render_evidence([answered("q", "a [1].", [cite(1, "pay deal", url=url)])], None)).cards
        assert card.link is None, url
        assert card.head == "[1] Ferry strike ends"


def test_html_and_markdown_in_the_data_stay_text():
    article = 'Intro <b>bold</b> text. He said <script>alert("x")</script> *nothing* [2]. End.'
    hostile = cite(
        1,
        '<script>alert("x")</script> *nothing*',
        article=article,
        title="<img src=x onerror=alert(1)> **Breaking** [3]",
        source="<i>Gazette</i>",
        published="2024-02-01<br>",
        url='https://gazette.example/"><script>alert(1)</script>',
        speaker="<u>Mayor</u>",
    )
    turn = answered("<b>Who</b> said it?", "He said *nothing* [1] <img src=x onerror=alert(1)>.", [hostile])

    panel = Seen(render_evidence([turn], None))
    assert set(panel.tags) <= PANEL_TAGS
    (card,) = panel.cards
    assert card.head == "[1] <img src=x onerror=alert(1)> **Breaking** [3]"
    assert card.meta == "<i>Gazette</i> · 2024-02-01<br> · quote by <u>Mayor</u>"
    assert card.passage == article and card.marks == ['<script>alert("x")</script> *nothing*']
    assert card.link is not None and card.link["href"] == 'https://gazette.example/"><script>alert(1)</script>'
    assert "Evidence for answer 1: “<b>Who</b> said it?”" in panel.text

    # The answer text is markdown: HTML in it is escaped, markdown specials are backslashed, only markers are links
    # (and the hidden span holding the copy text, base64, and the small print of how the answer was made).
    message = reply([turn])
    assert set(Seen(message).tags) == {"a", "span", "small"}
    assert re.search(r'<span class="byline-copy" hidden>[A-Za-z0-9+/=]+</span>', message)
    assert r"He said \*nothing\* " in message and "&lt;img src=x onerror=alert(1)&gt;." in message


def test_a_long_answer_with_many_citations_renders_every_card():
    quotes = [
        "ended their strike on Friday after a pay deal",
        "the old bridge will reopen in May",
        "voted 7 to 2 to fund the repairs",
        "raises wages by 6 percent over two years",
        "the crossing would stay crowded",
    ]
    sentences = [
        f"Sentence {n} of a long answer, which goes on for a while to say what the article reports [{n}]." for n in range(1, 6)
    ]
    turn = answered("What does the Gazette report?", " ".join(sentences * 3), [cite(n, q) for n, q in enumerate(quotes, start=1)])

    cards = Seen(render_evidence([turn], None)).cards

    assert [card.id for card in cards] == [f"cite-1-{n}" for n in range(1, 6)]
    assert [card.marks for card in cards] == [[q] for q in quotes]
    assert all(card.head.endswith("Ferry strike ends") and card.passage == ARTICLE for card in cards)
    links = [link["href"] for link in Seen(reply([turn])).links]
    assert len(links) == 15 and set(links) == {f"#{card.id}" for card in cards}


def test_missing_metadata_reads_as_missing_and_a_speaker_is_named():
    citation = cite(1, "the old bridge will reopen in May", title="", source="", published="", url="", speaker="the mayor")
    (card,) = Seen(render_evidence([answered("q", "a [1].", [citation])], None)).cards
    assert card.head == "[1] (untitled)"
    assert card.meta == "unknown source · undated · quote by the mayor"


def test_a_quote_outside_its_stored_passage_is_still_marked():
    passage = (ARTICLE.index("The mayor"), ARTICLE.index(" Council"))
    inside = cite(1, "the old bridge will reopen in May", passage=passage)
    # Spans that disagree with the passage: the quote is found in the passage, else shown on its own.
    shifted = inside.model_copy(update={"span": (0, 5)})
    assert Seen(highlighted_passage(shifted)).text == ARTICLE[passage[0] : passage[1]]
    assert "<mark>the old bridge will reopen in May</mark>" in highlighted_passage(shifted)
    elsewhere = inside.model_copy(update={"span": (0, 5), "quote": "a <pay> deal"})
    assert highlighted_passage(elsewhere) == "<mark>a &lt;pay&gt; deal</mark>"


def test_the_panel_before_during_and_after_an_answer():
    assert "Ask a question" in Seen(render_evidence([], None)).text
    pending = Turn(question="Who?")
    assert chat_messages([pending]) == [{"role": "user", "content": "Who?"}]
    # while the answer streams: "No answer yet." beside the answer being written read as a fault (an outside try)
    assert "Not answered yet: the passages show here when the answer is done." in Seen(render_evidence([pending], None)).text
    failed = Turn(question="Who?", error="The from date “x” should look like 2023-09-20 (YYYY-MM-DD).")
    assert reply([failed]) == "⚠️ The from date “x” should look like 2023-09-20 (YYYY-MM-DD)."
    # the reason, not "it failed" (an outside try read that as a crash after a date typed wrong)
    assert "No answer: The from date “x” should look like" in Seen(render_evidence([failed], None)).text
    declined = answered("Who?", "The articles don't say.", [])
    assert "No passage supports an answer" in Seen(render_evidence([declined], None)).text


def test_a_rewritten_follow_up_and_a_notice_are_noted_under_the_answer():
    turn = answered(
        "What did he say?",
        "He said the bridge reopens [1].",
        [cite(1, "the old bridge will reopen in May")],
        standalone_question="What did the mayor say about the bridge?",
        notice="The LLM was unavailable: this answer quotes the articles.",
    )
    shown = render_turn(turn, 1)
    assert '<small class="byline-rewrite">Understood as: “What did the mayor say about the bridge?”</small>' in shown
    assert "<small>The LLM was unavailable: this answer quotes the articles.</small>" in shown
    # a question the rewriter left as it was (but for spacing) is not noted
    same = answered(
        "What did  he say?",
        "He said [1].",
        [cite(1, "the old bridge will reopen in May")],
        standalone_question="What did he say?",
    )
    assert "Understood as" not in render_turn(same, 1)
    assert "Understood as: “What did the mayor say about the bridge?”" in Seen(render_evidence([turn], None)).text
    # a rewrite that holds a quotation nests it in single marks (a journalist's try read “When did Greg Abbott say “This
    # is not over,”?”)
    nested = answered(
        "When did he say that?",
        "On Jan. 22 [1].",
        [cite(1, "the old bridge will reopen in May")],
        standalone_question="When did Greg Abbott say “This is not over,”?",
    )
    assert "Understood as: “When did Greg Abbott say ‘This is not over,’?”" in render_turn(nested, 1)


def test_article_rows_fill_gaps_and_stop_at_the_limit():
    @dataclass
    class Record:
        title: str
        published: str = ""
        source: str = ""

    records = [Record("Ferry strike ends", "2024-02-01", "Harbor Gazette"), Record("Untracked"), Record("Third")]
    assert articles_rows(records, 2) == [["2024-02-01", "Harbor Gazette", "Ferry strike ends"], ["—", "—", "Untracked"]]


def test_evidence_escapes_html_and_highlights_the_cited_span():
    passage = "Intro <b>bold</b> text. The mayor said <script>alert(1)</script> nothing. End."
    start = passage.index("The mayor")
    end = passage.index(" End.")
    citation = Citation(
        n=1,
        article_id="a",
        title="t",
        source="s",
        url="",
        published="",
        passage=passage,
        passage_span=(1000, 1000 + len(passage)),
        quote=passage[start:end],
        span=(1000 + start, 1000 + end),
    )
    rendered = highlighted_passage(citation)
    assert "<script>" not in rendered and "<b>" not in rendered
    assert rendered == (
        "Intro &lt;b&gt;bold&lt;/b&gt; text. <mark>The mayor said &lt;script&gt;alert(1)&lt;/script&gt; nothing.</mark> End."
    )


def test_markers_link_to_their_passages_and_text_stays_literal():
    rendered = render_answer_text("Prices *rose* 5% [1], then fell [2]. <img src=x>", turn_number=3)
    assert '<a class="cite-marker" href="#cite-3-1">[1]</a>' in rendered
    assert '<a class="cite-marker" href="#cite-3-2">[2]</a>' in rendered
    assert r"\*rose\*" in rendered and "&lt;img src=x&gt;" in rendered


def test_a_who_said_table_keeps_its_columns_and_links_each_rows_marker():
    text = (
        "Who said what about the strike, newest first:\n\n| Speaker | Quote | Date | Source |\n| --- | --- | --- | --- |\n"
        "| Ines Dahl | “We *suffered* \\| enough” [1] | 2024-03-20 | Harbor Gazette |\n"
        "| Maren Okafor | “Pay us” [2] | 2024-03-04 | Coast_Times |"
    )
    lines = render_answer_text(text, turn_number=2).split("\n")
    assert lines[2] == "| Speaker | Quote | Date | Source |" and lines[3] == "| --- | --- | --- | --- |"
    assert lines[4] == (
        '| Ines Dahl | “We \\*suffered\\* \\| enough” <a class="cite-marker" href="#cite-2-1">[1]</a> | 2024-03-20 | Harbor Gazette |'
    )
    assert lines[5].endswith('<a class="cite-marker" href="#cite-2-2">[2]</a> | 2024-03-04 | Coast\\_Times |')
    # a half-streamed row is text until it is whole
    assert render_answer_text("| Maren Okafor | “Pay", 1) == r"\| Maren Okafor \| “Pay"


def test_questions_waiting_their_turn_follow_the_conversation():
    turn = answered("What happened?", "The strike ended [1].", [cite(1, "ended their strike on Friday after a pay deal")])
    messages = chat_messages([turn], waiting=["Who paid?", "When?"])
    assert [m["role"] for m in messages] == ["user", "assistant", "user", "user", "assistant"]
    assert [m["content"] for m in messages[2:4]] == ["Who paid?", "When?"]
    assert "2 questions wait" in messages[-1]["content"]
    assert chat_messages([turn], waiting=[]) == chat_messages([turn])


def test_an_answer_as_markdown_has_its_numbered_sources_and_no_markup():
    quotes = ["ended their strike on Friday after a pay deal", "the old bridge will reopen in May"]
    turn = answered("What happened?", "The strike ended [1]. The bridge reopens [2].", [cite(1, quotes[0]), cite(2, quotes[1])])
    text = answer_markdown(turn)
    assert text.startswith("The strike ended [1]. The bridge reopens [2].\n\n_From the articles_\n\nSources:\n\n")
    assert "1. Ferry strike ends — Harbor Gazette — 2024-02-01 — <https://gazette.example/ferry>\n   > “ended their" in text
    assert f"2. Ferry strike ends — Harbor Gazette — 2024-02-01 — <https://gazette.example/ferry>\n   > “{quotes[1]}”" in text
    assert "<a" not in text and "<mark" not in text
    # the message carries it (base64) for the copy button
    kept = re.search(r'<span class="byline-copy" hidden>([A-Za-z0-9+/=]+)</span>', reply([turn])).group(1)
    assert base64.b64decode(kept).decode() == text


def test_a_conversation_exports_as_markdown_with_each_answers_sources():
    from ui.web.render import conversation_markdown

    first = answered("What happened?", "The strike ended [1].", [cite(1, "ended their strike on Friday after a pay deal")])
    failed = Turn(question="And the  bridge?", error="The from date “x” should look like 2023-09-20 (YYYY-MM-DD).")
    text = conversation_markdown([first, failed], "2024-03-21")
    assert text.startswith("# Byline conversation\n\nExported 2024-03-21.")
    assert (
        "## 1. What happened?\n\nThe strike ended [1].\n\n_From the articles_\n\nSources:\n\n1. Ferry strike ends — Harbor Gazette"
        in text
    )
    assert "## 2. And the bridge?\n\nThe from date “x” should look like" in text


def test_each_answer_says_who_worded_it_and_under_what_filters_and_date():
    cited = [cite(1, "the old bridge will reopen in May")]
    extractive = answered(
        "When?",
        "In May [1].",
        cited,
        as_of="2024-03-15",
        filters={"sources": ["Harbor Gazette", "Coast Times"], "since": "2024-01-01"},
        time_reading="this week (2024-03-09 to 2024-03-15)",
    )
    context = Seen(render_turn(extractive, 1)).text
    assert (
        "From the articles · as of 2024-03-15 · sources: Harbor Gazette, Coast Times · from 2024-01-01 · "
        "time words read as this week (2024-03-09 to 2024-03-15)"
    ) in context
    worded = answered("When?", "In May [1].", cited, mode="generative", config={"llm_model": "qwen2.5-7b"}, as_of="2024-03-15")
    assert "Worded by qwen2.5-7b · as of 2024-03-15" in Seen(render_turn(worded, 1)).text
    assert "_Worded by qwen2.5-7b · as of 2024-03-15_" in answer_markdown(worded)
    declined = answered("When?", "The articles don't say.", [], as_of="2024-03-15", filters={"until": "2023-01-01"})
    assert "As of 2024-03-15 · to 2023-01-01" in Seen(render_turn(declined, 1)).text


def test_the_filters_label_names_the_filters_that_are_on():
    from ui.web.render import filters_label

    off = "Filters (apply to the next questions)"
    assert filters_label([], "", "  ", "2024-03-21", "2024-03-21") == off
    assert filters_label([], None, None, None, "2024-03-21") == off
    assert (
        filters_label(["Coast Times", "Harbor Gazette"], "2024-03-01", "2024-03-10", "2024-03-15", "2024-03-21")
        == "Filters on: sources: Coast Times, Harbor Gazette · from 2024-03-01 · to 2024-03-10 · as of 2024-03-15"
    )
    # a refused date comes first, and its field's old value is not named as on
    assert (
        filters_label(["Coast Times"], "2024-03-01", "", "2024-03-15", "2024-03-21", {"as_of": "yesterday", "since": "x"})
        == "⚠️ Not a date (use YYYY-MM-DD): From “x”, As of “yesterday” · Filters on: sources: Coast Times"
    )
    assert filters_label([], "", "", "2024-03-21", "2024-03-21", {"until": "soon"}) == (
        f"⚠️ Not a date (use YYYY-MM-DD): To “soon” · {off}"
    )


def test_the_reader_marks_every_cited_span_once_even_where_two_overlap():
    from types import SimpleNamespace

    from ui.web.render import render_article

    record = SimpleNamespace(
        id="ferry-1", title="Ferry <strike> ends", source="Harbor Gazette", published="2024-02-01", url="javascript:x"
    )
    pay = ARTICLE.index("after a pay deal")
    strike = ARTICLE.index("ended their strike")
    spans = [(strike, pay + len("after a pay deal"), 1), (pay, pay + len("after a pay deal"), 2), (5, 2, 3), (0, 10_000, 4)]
    seen = Seen(render_article(record, ARTICLE, spans, focus=2))

    assert seen.text.startswith("Ferry <strike> ends")  # escaped: text, not a tag
    assert "javascript" not in str(seen.links)  # only http(s) urls become links
    assert ARTICLE in seen.text.replace("[1][2]", "")  # the whole article, labels after the spans they end
    assert "The 2 cited passages are highlighted." in seen.text  # spans outside the text (or empty) are dropped
    markup = render_article(record, ARTICLE, spans, focus=2)
    assert markup.count("<mark") == 2 and 'class="focus" data-n="1,2"' in markup


def test_a_person_s_months_run_without_gaps_and_topics_go_most_quoted_first():
    from types import SimpleNamespace

    from ui.web.render import month_counts, topics

    quotes = [
        SimpleNamespace(published=day, title=title)
        for day, title in [("2023-11-02", "A"), ("2024-02-10", "B"), ("2024-02-11", "B"), ("", "C"), ("2024-01-05", "C")]
    ]
    assert month_counts(quotes) == [("2023-11", 1), ("2023-12", 0), ("2024-01", 1), ("2024-02", 2)]
    assert topics(quotes) == [("B", 2), ("C", 2), ("A", 1)]  # B and C tie: B is quoted more recently


def test_coverage_counts_by_day_over_a_short_stretch_and_by_week_over_a_long_one():
    from ui.web.render import coverage_counts

    assert coverage_counts(["2024-03-04", "2024-03-06", "2024-03-06", "", "undated"]) == (
        "day",
        [("2024-03-04", 1), ("2024-03-05", 0), ("2024-03-06", 2)],
    )
    # over more than 45 days: weeks, each counted on its Monday (2024-01-01 was a Monday)
    unit, weeks = coverage_counts(["2024-01-03", "2024-01-07", "2024-03-01"])
    assert unit == "week" and weeks[0] == ("2024-01-01", 2) and weeks[-1] == ("2024-02-26", 1) and len(weeks) == 9
    assert coverage_counts([]) == ("day", [])
    # an answer from other days reached back years: months, then years ("week" bars a pixel wide before)
    unit, months = coverage_counts(["2022-11-20", "2024-03-22"])
    assert unit == "month" and months[0] == ("2022-11-01", 1) and months[-1] == ("2024-03-01", 1) and len(months) == 17
    assert coverage_counts(["2015-05-03", "2024-03-22", "2024-01-02"]) == (
        "year",
        [(f"{year}-01-01", {2015: 1, 2024: 2}.get(year, 0)) for year in range(2015, 2025)],
    )


def test_a_stopped_answer_shows_and_copies_no_marker_it_has_no_citation_for():
    turn = Turn(question="q", text='"We will sail," she said. [1] She also said: “Pay us” [2] More [1', stopped=True)
    shown = render_turn(turn, 1)
    assert "cite-marker" not in shown and "[" not in shown.replace("\\[", "["), shown
    assert "We will sail" in shown and "… (stopped)" in shown
    assert answer_markdown(turn) == '"We will sail," she said. She also said: “Pay us” More … (stopped)'
    # a finished answer keeps its markers
    assert "cite-marker" in render_turn(Turn(question="q", text="Said. [1]"), 1)


HOSTILE = "Zebra summit <img src=x onerror=alert('T1')> <script>alert('T2')</script> & co"
HOSTILE_ARTICLE = (
    "Zebra herders said the summit \"<img src=x onerror=alert('Q1')> will open the borders\", according to Mayor "
    "<b onmouseover=alert('M1')>Zed</b>. [click](javascript:alert('MD1')) and ![i](x\" onerror=\"alert('MD2'))\n"
    "[ref]: javascript:alert('REF')"
)


def test_an_exported_or_copied_answer_carries_no_html_or_script_link_from_an_article():
    """A security tester: an article whose title, source, text and url held tags and a javascript: url came out
    verbatim in the exported and copied Markdown, where a Markdown viewer runs it. Rendered, it is text only."""
    from markdown_it import MarkdownIt

    from ui.web.render import conversation_markdown

    quote = "will open the borders\", according to Mayor <b onmouseover=alert('M1')>Zed</b>"
    hostile = cite(
        1,
        quote,
        article=HOSTILE_ARTICLE,
        title=HOSTILE,
        source="<img src=x onerror=alert('S1')>",
        url="javascript:alert('U1')//https://x",
    )
    closing = cite(2, "Zebra herders said", article=HOSTILE_ARTICLE, url="https://x.example/a> <img src=x onerror=alert(1)>")
    fine = cite(3, "Zebra herders said", article=HOSTILE_ARTICLE, url="https://zebra.example/summit?a=1&b=2")
    turn = answered("What about <b>the zebra</b> summit?", HOSTILE_ARTICLE + " [1] [2] [3]", [hostile, closing, fine])
    stopped = Turn(question="And?", text="It said <script>alert('S')</script> [1", stopped=True)
    for text in (conversation_markdown([turn, stopped], "2024-03-21"), answer_markdown(turn)):
        shown = MarkdownIt("commonmark").render(text)  # raw HTML on, as a Markdown viewer has it
        assert not re.search(r"<(?:img|script|b |svg)", shown), shown
        assert 'href="javascript' not in shown and 'src="x' not in shown
        assert "javascript:alert('U1')" not in text  # a url that is no http(s) link is left out
        assert "<https://x.example/a>" not in text and "x.example" not in text  # nor one that would end its autolink
        assert "— <https://zebra.example/summit?a=1&b=2>" in text
        assert "&lt;img src=x onerror=alert('T1')&gt;" in text and "&amp; co" in text  # shown as written, not run
        assert "[1] [2] [3]" in text  # the markers stay
    assert "## 1. What about &lt;b&gt;the zebra&lt;/b&gt; summit?" in conversation_markdown([turn], "2024-03-21")


def test_a_question_is_shown_as_typed_and_a_marker_is_named_by_its_source():
    """A web-chat try: a question holding "<img src=x> **bold**" was drawn as a broken image and bold words (Markdown
    and HTML of the user's own, shown as no one typed it); a screen reader read each marker as "[1]", naming nothing."""
    typed = "<img src=x> **bold** [1] what?"
    assert chat_messages([Turn(question=typed)])[0]["content"] == "&lt;img src=x&gt; \\*\\*bold\\*\\* \\[1\\] what?"
    rendered = render_answer_text("Prices rose [1].", 2, {"1": "Prices rise, Harbor Gazette, 2024-03-20"})
    assert 'title="Prices rise, Harbor Gazette, 2024-03-20">[1]</a>' in rendered


def test_a_count_plot_leaves_room_above_its_tallest_bar():
    """A journalist's try: the Speakers tab's quotes-per-month axis stopped at 100, the count of January 2024, and
    that bar touched the frame as if cut off. The axis runs from 0 to a tenth above the largest count (at least 5)."""
    from ui.web.render import count_axis

    assert count_axis([3, 100, 40]) == [0, 110]
    assert count_axis([1]) == [0, 5]
    assert count_axis([]) == [0, 5]
