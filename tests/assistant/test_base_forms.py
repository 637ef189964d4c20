"""Irregular verb forms are one word with their base: "won" is "win", in the indexes and the answerers."""

from __future__ import annotations

import json

import pytest

from assistant.search.cache import LocalIndex
from assistant.search.words import stems
from ingest.article import Article

# news24-dev article 95e698c61a2b (usatoday.com), its first paragraph; and a Super Bowl article without the result.
CHIEFS = Article(
    id="95e698c61a2b",
    title="Nickelodeon Super Bowl broadcast gets rave reviews on social media",
    source="usatoday.com",
    published="2024-02-12",
    text="Super Bowl 58 ended Sunday night with a win for the Kansas City Chiefs behind standout performances "
    "from quarterback Patrick Mahomes and tight end Travis Kelce. There was another, more unexpected star of "
    "this year's big game, however, that seems to have tickled the fancy of people across the internet − "
    "cartoon channel Nickelodeon.",
)
ADS = Article(
    id="ads",
    title="Best Super Bowl ads",
    source="usatoday.com",
    published="2024-02-12",
    text="Best 2024 Super Bowl commercials: all 59 Super Bowl ads ranked according to the USA TODAY Ad Meter. "
    "The Super Bowl ad that topped the Ad Meter this year starred a dog and a farmer.",
)


@pytest.mark.parametrize(
    "forms",
    [
        ("won", "win", "wins", "winning"),
        ("lost", "lose", "loses"),
        ("took", "take", "takes", "taken"),
        ("fell", "fall", "falls"),
        ("sold", "sell", "sells"),
        ("held", "hold", "holds"),
        ("struck", "strike"),
        ("chose", "chosen", "choose"),
        ("saw", "see"),
        ("felt", "feel"),
    ],
)
def test_irregular_forms_are_one_stem_with_their_base(forms):
    assert len({tuple(stems(form)) for form in forms}) == 1, [stems(form) for form in forms]


@pytest.mark.parametrize(
    "form, base",
    [
        ("left", "leave"),
        ("found", "find"),
        ("rose", "rise"),
        ("ground", "grind"),
        ("lay", "lie"),
        ("Fed", "feed"),
        ("born", "bear"),
    ],
)
def test_forms_that_are_nouns_or_verbs_of_their_own_are_kept(form, base):
    """The left is not a leave, the Fed not a feed, the ground not a grinding, to found is not to find."""
    assert stems(form) != stems(base)


def test_who_won_finds_the_sentence_that_says_win(make_assistant):
    bot = make_assistant()
    bot.add_articles([ADS, CHIEFS])
    from assistant.search.types import Filters

    hits = bot.retriever.keyword_search("Who won the Super Bowl?", 2, Filters())
    assert hits[0][0].article_id == CHIEFS.id
    answer = bot.ask("Who won the Super Bowl?", as_of="2024-02-14")
    assert answer.answered, answer.text
    assert "Chiefs" in answer.text
    assert answer.citations[0].article_id == CHIEFS.id
    assert "with a win for the Kansas City Chiefs" in answer.citations[0].quote


def test_a_cache_stemmed_the_old_way_is_rebuilt_not_misread(make_assistant, tmp_path, monkeypatch):
    """A keyword index written before irregular forms were folded holds "won" where a question now
    asks for "win": reopened, it is rebuilt from the store, not searched with the new stems."""
    from assistant.search import words
    from assistant.search.types import Filters

    won = CHIEFS.model_copy(update={"id": "won", "text": "The Kansas City Chiefs won Super Bowl 58 in Las Vegas on Sunday."})
    with monkeypatch.context() as old_code:  # stems as they were: no base forms, and no "words" in the cache's state
        old_code.setattr(words, "base_forms", dict)
        words._passage_stems.cache_clear()  # what this process stemmed before is remembered the new way
        bot = make_assistant(tmp_path)
        bot.add_articles([ADS, won])
        assert bot.retriever.keyword.known_stems("won") == ["won"]
        state_path = bot.retriever.local.folder / "state.json"
        state = json.loads(state_path.read_text())
        state.pop("words", None)
        state_path.write_text(json.dumps(state))
        words._passage_stems.cache_clear()

    reopened = make_assistant(tmp_path)
    assert [chunk.article_id for chunk, _ in reopened.retriever.keyword_search("Which team wins?", 5, Filters())] == ["won"]
    assert (
        LocalIndex(reopened.retriever.local.folder, reopened.retriever.local.identity).state.get("words") == words.tokenization()
    )
