"""Quote marks as news24 types them, and quoted names that are no one's words.

An outside tester: a closing quote typed as two apostrophes ('') did not end the quote, so the narration after it
was shown as Nikki Haley's words (news24 72ddcd77c901); a programme's name ("Fox News Sunday.") was credited to
Haley as a quote (eeada1c9ae46); a newspaper ("Powell Tribune", 06b8168f9541) was listed as a speaker.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ingest.attribution import find_attributions, find_quotes, load_nlp
from tests.ingest.test_speakers import quote_index, quotes_of

# news24 72ddcd77c901 (USA TODAY, 2024-01-23), three paragraphs
HALEY = """Asked about that disparity in a Fox News interview Monday, Haley said: "I mean that’s what y’all think. What I'll tell you is, I know that the DeSantis voters, they love America and they wanted a new generational leader. And they wanted a conservative that was going to go in there and clean up government. And that's what we're going to do.''

Haley also took a slight shot at Trump when she said, "rightly or wrongly, chaos follows him,'' and called him out on some lies. At the same time, she seemed to hedge her bets in New Hampshire by emphasizing her strength in her native South Carolina, site of the next Republican primary Feb. 24, where she was elected governor twice.

"I know South Carolinians very well,'' Haley said. "They want you to fight for it. They want you to earn it. They want to see your grit. And they don't want you coming in and doing a rally. They want you to show them what you're made of. I'm going to do that all over again in South Carolina.''"""

# news24 eeada1c9ae46 (2024-01-15), two paragraphs
FOX = """Haley in particular has moved up in polls in New Hampshire, and she has made clear she plans to derail the former president there and in her home state of South Carolina.

"We want to come out of Iowa looking strong," Haley said on "Fox News Sunday." "We want to come out of New Hampshire strong. We want to come out in South Carolina strong."

DeSantis, speaking on ABC's "This Week," said Trump will be a poor general election candidate because of all the "distractions" that surround him, from indictments in four criminal cases to fallout from the attempted insurrection on Jan. 6, 2021."""

# news24 06b8168f9541 (USA TODAY's 50 states), the Wyoming item
POWELL = """Wyoming

Powell: Wildlife officials say fewer grizzly bears have been euthanized this year in Yellowstone National Park compared to previous years. The Powell Tribune reports the U.S. Geological Survey says nine grizzlies were euthanized in Wyoming this year, but the number could increase before the bears go into hibernation in December."""


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def quoted(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quotes(text)]


def test_two_apostrophes_close_a_quote(nlp):
    assert "rightly or wrongly, chaos follows him" in quoted(HALEY)
    direct = {a.text: a.speaker_name for a in find_attributions(HALEY, nlp) if a.kind == "direct"}
    assert direct["rightly or wrongly, chaos follows him"] in ("Haley", "she")  # "Nikki Haley" in the whole article
    assert not [t for t in direct if "called him out" in t or "Haley said" in t]  # narration is no one's words
    # the quote after the one closed by '' is found, and is Haley's
    assert any(t.startswith("They want you to fight for it") and s == "Haley" for t, s in direct.items())
    assert any(t.endswith("going to do.") for t in direct)


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ("``We will win,'' she said. Then she left.", "We will win"),  # typewriter
        ("‘‘We will win,’’ she said. Then she left.", "We will win"),  # OCR of curly marks
        ("''We will win,'' she said. Then she left.", "We will win"),
        ('"We will win,’’ she said. Then she left.', "We will win"),
    ],
)
def test_quotes_typed_as_two_marks(text, inner):
    assert quoted(text) == [inner]


def test_two_single_quotes_run_together_open_no_double_quote():
    # news24: two show titles in single quotes run together; '' inside a word neither opens nor closes a quote
    assert not [q for q in quoted("Best of TV: 'Oppenheimer''Succession,' Emma Stone: The c") if "Emma" in q]


def test_an_unclosed_quote_ends_with_its_paragraph():
    text = '"We are going to win this.\n\nThe campaign then moved on to Nevada, where she said nothing.'
    assert quoted(text) == ["We are going to win this."]
    text = "``We are going to win this.\n\nThe campaign then moved on to Nevada."
    assert quoted(text) == ["We are going to win this."]


def test_a_programme_named_after_on_is_no_quote(nlp):
    found = {a.text: a.speaker_name for a in find_attributions(FOX, nlp) if a.kind == "direct"}
    assert not [t for t in found if "Fox News Sunday" in t or "This Week" in t]
    assert found["We want to come out of Iowa looking strong"] == "Haley"
    assert found["We want to come out of New Hampshire strong. We want to come out in South Carolina strong."] == "Haley"


def test_speech_after_in_is_still_speech(nlp):
    text = 'The senator said in a statement: "We will not back down from this fight."'
    assert [a.text for a in find_attributions(text, nlp) if a.kind == "direct"] == ["We will not back down from this fight."]


def test_a_newspaper_is_no_speaker(nlp, tmp_path: Path):
    records = quotes_of(POWELL, nlp, "06b8168f9541")
    assert any("Tribune" in r.speaker_name for r in records)  # as the parse finds it
    index = quote_index(tmp_path, {"06b8168f9541": records})
    assert not [name for name, _ in index.speakers() if "Tribune" in name]
