"""Speakers that were no person or body on news24-dev's speaker list (issue 13): a tracker, a body's name cut
before "for", a plural common noun opening a sentence. Sentences from the articles as stored."""

from __future__ import annotations

import pytest

from ingest.attribution import find_attributions, load_nlp, speaker_names

# news24-dev 1ff57aa41ea8, "Iowa Caucus replay: Catch up after Trump won, DeSantis followed" (USA TODAY): 'Tracker'
TRACKER = (
    "Ramaswamy held the most events in Iowa, which he did by far – 323 scheduled public events, according to the Des "
    "Moines Register's Candidate Tracker. His campaign says he visited every one of Iowa's 99 counties at least twice "
    "and visited many counties three or more times. He's found curious crowds but few die-hard supporters."
)
# news24-dev ffcbde8f771e, "Low vaccination rates, Delta variant fuel surge in new COVID-19 ..." (USA TODAY): 'Centers'
CDC = (
    "By comparison, nearly 50% of U.S. adults have been fully vaccinated as of July 19, according to the Centers for "
    "Disease Control and Prevention."
)
# news24-dev 8a0e276cbaa8, "Golden Gate bison, prisoner paintings: News from around our 50 ..." (USA TODAY): 'Backers'
BACKERS = (
    "State officials said the change plus deposits would get the fund to more than $600 million by next year. Backers "
    "said the extra money will shield the state from a recession. Opponents said the money could instead be used for "
    "education and other pressing matters long neglected."
)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def listed_speaker(text: str, nlp, words: str) -> str | None:
    """The speaker of the attribution holding `words`, as the speaker list shows it (None: no speaker)."""
    name = next(a.speaker_name for a in find_attributions(text, nlp) if words in a.text)
    read = speaker_names([name])[name]
    return read.listed if read else None


def test_according_to_a_tracker_is_according_to_whose_it_is(nlp):
    name = next(a.speaker_name for a in find_attributions(TRACKER, nlp) if "323 scheduled public events" in a.text)
    assert name == "Des Moines Register"  # was 'Tracker'
    # a publication tells what others said and is no speaker in the list (the Powell Tribune, news24 06b8168f9541)
    assert listed_speaker(TRACKER, nlp, "323 scheduled public events") is None


def test_a_body_named_with_for_is_named_whole(nlp):
    assert listed_speaker(CDC, nlp, "fully vaccinated") == "Centers for Disease Control and Prevention"  # was 'Centers'


def test_a_plural_noun_for_people_is_no_speaker(nlp):
    assert listed_speaker(BACKERS, nlp, "shield the state") is None  # was 'Backers'


@pytest.mark.parametrize(
    ("stored", "listed"),
    [
        ("Nominees", None),  # "Nominees were announced Tuesday morning for the Emmys" (CNN)
        ("Demonstrators", None),
        ("Backers", None),
        ("Republicans", "Republicans"),  # a party
        ("Nashvillians", "Nashvillians"),  # a people
        ("Sacklers", "Sacklers"),  # a family the model never met
        ("Jeffries", "Jeffries"),  # a surname the tagger takes for a plural
        # a surname that is also a plural noun ("sanders"): polnear-dev lost Bernie Sanders's quotes in 45 articles
        ("Sanders", "Sanders"),
    ],
)
def test_what_a_plural_is_listed_as(stored, listed):
    read = speaker_names([stored])[stored]
    assert (read.listed if read else None) == listed
