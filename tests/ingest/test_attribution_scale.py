"""Attribution's work grows with the article, not with its square (a 1 MB quote-heavy body took minutes and
gigabytes to ingest). Counted in steps, never timed: a count is the same on every machine."""

from __future__ import annotations

import logging

import pytest

import ingest.attribution.coreference as coreference
import ingest.attribution.extract as extract
import ingest.attribution.scanner as scanner
from ingest.attribution import NameIndex, find_attributions, find_quotes, load_nlp
from ingest.attribution.skeleton import Skeleton

# a paragraph with no full stop: short quotes (each kept in the sentence and asked whether it is a term), long
# ones, speech verbs, pronouns
UNIT = '"we will rebuild" said Mayor Jane Smith and "this city has seen worse, much worse" she said, '
# two people of one surname and a role noun: each "the senator" looks back over the people named before it
SMITHS = (
    '"We will rebuild," said Mayor Jane Smith.',
    "Council member Tom Smith disagreed with Jane Smith on the budget.",
    '"That is not how it works," Smith said.',
    '"She is wrong," he said.',
    'The senator said the plan was late. "It is late," the senator said.',
)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


class _Counting:
    """A compiled pattern that adds up how many characters its searches were given."""

    def __init__(self, pattern) -> None:
        self.pattern = pattern
        self.chars = 0

    def search(self, text: str, pos: int = 0, endpos: int | None = None):
        end = len(text) if endpos is None else endpos
        self.chars += max(0, end - pos)
        return self.pattern.search(text, pos, end)


def test_title_check_reads_a_window_not_the_paragraph(monkeypatch):
    """Whether a quote is a programme's name ('on "Fox News Sunday."') is read from the words just before it: in
    one long paragraph of quotes, searching from the paragraph's start made each quote cost the paragraph."""
    counting = _Counting(scanner._BEFORE_TITLE)
    monkeypatch.setattr(scanner, "_BEFORE_TITLE", counting)
    text = UNIT * 400  # 38,000 characters, one paragraph
    quotes = find_quotes(text)
    assert len(quotes) == 800
    assert counting.chars <= 250 * len(quotes)


def _quote_lookups(text: str, nlp, monkeypatch) -> int:
    calls = 0
    quote_at = Skeleton.quote_at

    def counted(self, i):
        nonlocal calls
        calls += 1
        return quote_at(self, i)

    monkeypatch.setattr(Skeleton, "quote_at", counted)
    find_attributions(text, nlp)
    monkeypatch.setattr(Skeleton, "quote_at", quote_at)
    return calls


def test_a_long_sentence_of_quotes_is_walked_once(nlp, monkeypatch):
    """Twice the sentence, about twice the lookups of which quote a token is in (each short quote used to walk
    its whole sentence: four times)."""
    small = _quote_lookups(UNIT * 40, nlp, monkeypatch)
    large = _quote_lookups(UNIT * 80, nlp, monkeypatch)
    assert large <= 2.5 * small, (small, large)


def test_a_role_noun_looks_back_over_a_bounded_number_of_people(nlp, monkeypatch):
    """A role noun ("the senator") and "he" look back at most LOOK_BACK mentions, so the name index is asked a bounded number
    of times per attribution however many people the article named before."""
    monkeypatch.setattr(coreference, "LOOK_BACK", 20)
    calls = 0
    resolve = NameIndex.resolve

    def counted(self, name, pos=None, fits=None):
        nonlocal calls
        calls += 1
        return resolve(self, name, pos, fits)

    monkeypatch.setattr(NameIndex, "resolve", counted)
    text = "\n\n".join(SMITHS * 160)  # 800 paragraphs, ~1,300 people named
    attrs = find_attributions(text, nlp)
    assert len(attrs) > 600
    assert calls <= (2 * 20 + 10) * len(attrs), (calls, len(attrs))


def test_an_article_past_the_parse_budget_is_named_and_keeps_its_first_attributions(nlp, monkeypatch, caplog):
    monkeypatch.setattr(extract, "MAX_PARSED_CHARS", 2_000)
    text = "\n\n".join(SMITHS * 40)
    with caplog.at_level(logging.WARNING, logger=extract.__name__):
        attrs = find_attributions(text, nlp, article="smiths-1")
    warned = [r.getMessage() for r in caplog.records if "smiths-1" in r.getMessage()]
    assert len(warned) == 1 and "unattributed" in warned[0]
    cut = int(warned[0].split("first ")[1].split()[0])
    assert attrs and all(a.span[1] <= cut for a in attrs)
    # what was parsed is attributed as it is in an article under the budget
    assert [a for a in find_attributions(text[:cut], nlp)] == attrs
