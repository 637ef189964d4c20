"""A dash and a name after a quote: whose it is (issue 13, news24-dev's speaker list).

"“...” ― Sonya Herridge" credits the quote to its speaker; "– Sudiksha Kochi" on the line after a live-blog
post is the reporter signing off, and the heading after it is no part of any name ('Sudiksha Kochi Nikki
Haley' was listed as a speaker, and 66 more names like it on news24-dev).
"""

from __future__ import annotations

import pytest

from ingest.attribution import find_attributions, load_nlp

# news24-dev 8972e5041091, "Republican debate highlights: Details of candidates' fierce sparring" (USA TODAY)
KOCHI = """Nikki Haley criticizes Donald Trump on his handling of China

Nikki Haley, who served as an ambassador to the United Nations under the Trump administration, took a jab at her former boss for his handling of China.

She said that she would end all normal trade relations with China until it stops contributing to the spread of fentanyl.

“This is where President Trump went wrong,” Haley said. “He focused on trade with China. He didn't focus on the fact that they were buying up our farm and he didn't focus on the fact that they were killing Americans. He didn't focus on the fact that they were stealing $600 billion in intellectual property.”

– Sudiksha Kochi

Nikki Haley tells Vivek Ramaswamy 'Every time I hear you I feel a little bit dumber'"""

# news24-dev ab821105c792, "Michigan vs. Washington highlights: National championship best ..." (USA TODAY)
HARBAUGH = """The head coach was also asked about overcoming all the off-the-field issues that surrounded the team. Despite two suspensions, Harbaugh still claims his innocence.

"The off-the-field issues, we're innocent and we stood strong and tall because we knew we were innocent, and I'd like to point that out," Harbaugh said. "And these guys are innocent. And overcome that, it wasn't that hard because we knew we were innocent." — Jordan Mendoza

What Michael Penix Jr. said after the CFP national championship game"""

# news24-dev c896090e5201, "Find your weekend fun in our events calendar": a play and where it plays
CALENDAR = """“A Christmas Carol” — Culinary Institute of America, Marriott Pavilion, Route 9, Hyde Park. Presented by Half Moon Theatre Company. Performances through Dec. 19."""

# polnear-dev huff-post_2016-09-27, "31 Latinos Share Their Most Honest Thoughts On Donald Trump": a quote and its speaker
HERRERO = """“The most unqualified child to ever run for president.” ― Francisco Herrero
“The Donald has woken communities of color from our slumber.” ― Julie A. Diaz Martinez."""

# news24-dev ac1833001237, "5 things to know for April 11: Ukraine, Covid, French elections ..." (CNN)
AGRAWAL = """TODAY’S QUOTE

“Elon is our biggest shareholder and we will remain open to his input.”

– Twitter CEO Parag Agrawal, on Elon Musk’s decision to not join the social media company’s board."""


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def speakers(text: str, nlp) -> dict[str, str]:
    return {a.text: a.speaker_name for a in find_attributions(text, nlp)}


def speaker_of(text: str, nlp, words: str) -> str:
    return next(name for quote, name in speakers(text, nlp).items() if quote.startswith(words))


def test_a_reporter_signing_off_is_not_the_speaker_nor_part_of_the_next_name(nlp):
    assert speaker_of(KOCHI, nlp, "He focused on trade") == "Nikki Haley"  # was 'Sudiksha Kochi\n\nNikki Haley'
    assert not any("Kochi" in name for name in speakers(KOCHI, nlp).values())


def test_a_reporter_signing_off_after_a_paragraph_is_not_the_speaker(nlp):
    assert speaker_of(HARBAUGH, nlp, "And these guys are innocent") == "Harbaugh"  # was 'Jordan Mendoza'


def test_a_quoted_title_and_where_it_plays_is_no_quote_of_the_place(nlp):
    assert "Culinary Institute" not in speakers(CALENDAR, nlp).values()


def test_a_quote_credited_on_its_own_line_keeps_its_speaker(nlp):
    assert speaker_of(HERRERO, nlp, "The most unqualified child") == "Francisco Herrero"
    assert speaker_of(HERRERO, nlp, "The Donald has woken") == "Julie A. Diaz Martinez"
    assert speaker_of(AGRAWAL, nlp, "Elon is our biggest shareholder") == "Twitter CEO Parag Agrawal"
