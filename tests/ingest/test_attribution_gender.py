"""A "he said" or "she said" resolves to a person of that gender: the article tells a person's gender (titles, role
nouns, pronouns that can only be theirs) and resolution skips people it gives the other one. Texts are from
news24-dev articles where Byline attributed a woman's words to a man, or a man's to a woman."""

from __future__ import annotations

import pytest

from ingest.attribution import find_attributions, load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def speaker_of(text: str, words: str, nlp) -> tuple[str, str]:
    hits = [a for a in find_attributions(text, nlp) if words in a.text]
    assert hits, f"no attribution containing {words!r}"
    a = min(hits, key=lambda a: len(a.text))
    return a.speaker, a.speaker_name


def test_she_after_von_der_leyen_is_not_putin(nlp):
    # news24-dev 2c7ba7308816
    text = (
        "EU closing airspace to Russia\n\n"
        "The top official in the European Union said the bloc will take unprecedented new steps after Russian "
        "President Vladimir Putin raised tensions with talk of nuclear weapons.\n\n"
        'The EU will close its airspace to Russian airlines, including "the private jets of oligarchs," said '
        "European Commission President Ursula von der Leyen.\n\n"
        "“We are proposing a prohibition on all Russian-owned, Russian registered or Russian-controlled aircraft. "
        "These aircraft will no more be able to land in, take off or overfly the territory of the EU,” she said."
    )
    assert speaker_of(text, "We are proposing a prohibition", nlp) == ("she", "Ursula von der Leyen")


def test_he_after_haley_is_not_haley(nlp):
    # news24-dev 323f48f67bc2: Trump's words, once published as Haley's
    text = (
        "Trump has highlighted Haley’s Indian ancestry, calling her “Nimbra” and other manglings of her full name, "
        "Nimrata Nikki Haley. (Haley has gone by Nikki her entire life.)\n\n"
        "Haley has focused on Trump’s age after he appeared to repeatedly confuse her with former House Speaker "
        "Nancy Pelosi at a weekend campaign rally where he touched on the Jan. 6, 2021, Capitol riot. “Nikki Haley "
        "is in charge of security,” he said. “We offered her 10,000 people, soldiers, national guards, whatever "
        "they want.”"
    )
    # Haley is a "she" in this text: "he" may stay unresolved, never be her
    assert "Haley" not in speaker_of(text, "Nikki Haley is in charge of security", nlp)[1]
    assert "Haley" not in speaker_of(text, "We offered her 10,000 people", nlp)[1]


def test_she_said_after_president_biden_is_not_biden(nlp):
    # news24-dev 3373e0183972: the words are O'Connor's (a forest service spokeswoman); Biden is a "he"
    text = (
        "President Joe Biden, in Texas on Thursday to visit the U.S.-Mexico border, said he directed federal "
        "officials to do “everything possible” to assist fire-affected communities, including sending firefighters "
        "and equipment. The Federal Emergency Management Agency has guaranteed Texas and Oklahoma will be "
        "reimbursed for their emergency costs, the president said.\n\n"
        "“When disasters strike, there’s no red states or blue states where I come from,” Biden said. “Just "
        "communities and families looking for help.”\n\n"
        "Reduced winds and future rain could help slow the fires\n\n"
        "On Thursday, fire activity was minimal, in part because the winds had died down, O'Connor said, although "
        "they may pick up this weekend. Some precipitation is forecast this week, which could slow the fire, she "
        'said. "Our firefighters should be able to make good progress and increase containment over the next '
        'couple of days."'
    )
    assert "Biden" not in speaker_of(text, "Our firefighters should be able", nlp)[1]


def test_mrs_clinton_and_her_she_are_hillary_not_the_bill_clinton_named_before(nlp):
    """A researcher's try (polnear-dev nyt_2016-06-27_britain-s-exit-looms-over-clinto): "How did Trump and Clinton
    differ on trade?" gave Mrs. Clinton's "bad trade deals and unfair trade practices" as Bill Clinton's: "Mrs.
    Clinton" was resolved to the Clinton named last, and "she" followed her there."""
    text = (
        "According to their friends and advisers, Mrs. Clinton and former President Bill Clinton have worried for "
        "months that she was out of sync with the mood of the electorate.\n\n"
        "On the campaign trail, Mrs. Clinton regularly pledges to ''make sure our economy works for everyone, not "
        "just those at the top,'' as she put it on Wednesday in Raleigh, N.C., where she also promised to reject "
        "''bad trade deals and unfair trade practices.''"
    )
    names = {"Hillary Clinton", "Clinton"}  # the article never gives her first name: "Clinton" is as far as it goes
    assert speaker_of(text, "make sure our economy", nlp)[1] in names
    assert speaker_of(text, "bad trade deals", nlp)[1] in names


def test_a_quote_s_first_word_is_no_name_of_its_headline_speaker(nlp):
    """polnear-dev politico_2016-01-14_wsj-editorial-deport-nikki-haley: "Who said Nikki Haley should be deported?" was
    answered "Deport (2016-01-14) said: “Deport Nikki Haley.”": the parser made the quote's first word an
    appositive name of "WSJ editorial"."""
    text = "WSJ editorial: 'Deport Nikki Haley.'\n\nNikki Haley should be deported, a provocative headline reads."
    assert speaker_of(text, "Deport Nikki Haley", nlp)[1] != "Deport"


def test_mr_obama_is_no_woman_of_his_name_and_no_other_full_name(nlp):
    """polnear-dev nyt_2016-09-19_obama-sees-personal-insult-if-bl: "Mr. Obama said" was filed under Michelle Obama, the
    one Obama the article names in full (and, once she was ruled out, under "Obama Speech", a video caption the entity
    recognizer read as a name): with no full name a man's, "Mr. Obama" stays "Obama"."""
    text = (
        "[Video: FULL SPEECH: President Obama Speech at Black Caucus Foundation in Washington DC (9/17/16) Watch on "
        "YouTube.]\n\n"
        "The Clinton campaign plans to employ Mr. Obama and the first lady, Michelle Obama, as much as possible.\n\n"
        '"My name may not be on the ballot, but our progress is on the ballot," Mr. Obama said on Saturday night.'
    )
    assert speaker_of(text, "My name may not be on the ballot", nlp) == ("Mr. Obama", "Obama")


HALE_RESIGNS = (  # a journalist's own article (an outside try): two Hales, not related
    "ALDER SPRINGS — Martin Hale, the director of the Carver County Office of Emergency Services, resigned on Monday "
    "after two weeks of criticism over late evacuation alerts during the Ridgeback Fire.\n\n"
    'In a letter to the Board of Supervisors, Hale wrote that he was stepping down "so that the county can rebuild '
    'trust in its warnings without me as a distraction." He had led the office for 14 years.\n\n'
    "Board Chair Linda Hale, who is not related to him, said Monday that the board accepted the resignation. "
    '"Martin served this county for a long time, and he served it honestly. But the alert system failed, and someone '
    'had to answer for that," she said.'
)


def test_a_bare_surname_after_a_dateline_s_full_name_is_that_person(nlp):
    """The tester's index listed Martin Hale's resignation letter under Linda Hale: "Martin Hale" after the dateline's
    dash was no name to the paragraphs not parsed, so the only Hale named in full was she."""
    assert speaker_of(HALE_RESIGNS, "so that the county can rebuild trust", nlp) == ("Hale", "Martin Hale")


def test_an_object_pronoun_after_a_name_tells_nothing_of_its_gender(nlp):
    """ "Linda Hale, who is not related to him" made her a man to the resolver, and her "she said" went to Martin Hale
    (or stayed "she"): an object pronoun is seldom the subject's own self."""
    assert speaker_of(HALE_RESIGNS, "Martin served this county", nlp) == ("she", "Linda Hale")
