"""A bare surname is not a relative the article named by kinship (ingest.attribution.names)."""

from __future__ import annotations

from ingest.attribution.names import NameIndex

# news24-dev 85681a836afa (USA TODAY, 2024-03-18), a podcast transcript, shortened
TRANSCRIPT = (
    "So, he has spoken a lot about healthcare over the years. He's very committed to cancer care in particular. His "
    "son, Beau Biden died of brain cancer and he's talked about the cancer moonshot. Biden says he's cutting the "
    "programs. He says he's cutting waste."
)


def names_of(text: str, mentions: list[str]) -> NameIndex:
    """The article's names, each added where the text first writes it."""
    index = NameIndex(text=text)
    for mention in mentions:
        index.add(text.find(mention), mention)
    return index


def test_a_bare_surname_is_not_the_relative_named_by_kinship():
    """An outside try: "What did Biden say last week?" quoted "Beau Biden (2024-03-18) says he's cutting the
    programs": the transcript's "Biden says …" was resolved to the only full name with that surname, the son it had
    named as dead."""
    index = names_of(TRANSCRIPT, ["Beau Biden"])
    assert index.resolve("Biden", TRANSCRIPT.find("Biden says")) == "Biden"
    assert index.resolve("Beau", TRANSCRIPT.find("Biden says")) == "Beau Biden"  # his own first name still finds him


def test_a_relative_named_by_kinship_leaves_the_surname_to_the_one_the_article_is_about():
    text = "Bill Clinton spoke in Denver. His wife, Hillary Clinton, was in Iowa. Clinton added that he would return."
    index = names_of(text, ["Bill Clinton", "Hillary Clinton"])
    assert index.resolve("Clinton", text.find("Clinton added")) == "Bill Clinton"


def test_a_relative_named_again_in_full_is_the_one_a_bare_surname_follows():
    """polnear-dev (the Sanders/Minnesota live updates): "Her husband, Bill Clinton …", then "Bill Clinton spoke with
    voters … Clinton said": named again in full, he is the one the article is telling of."""
    text = (
        "Hillary Clinton campaigned in Texas. Her husband, Bill Clinton, went to Boston. Bill Clinton spoke with voters "
        "outside the polling location. Clinton said, “as long as we’re not violating any election laws.”"
    )
    index = NameIndex(text=text)
    index.add(0, "Hillary Clinton")
    index.add(text.find("Bill Clinton,"), "Bill Clinton")
    index.add(text.find("Bill Clinton spoke"), "Bill Clinton")
    assert index.resolve("Clinton", text.find("Clinton said")) == "Bill Clinton"


# news24-dev 6b469543a71a (USA TODAY, 2023-02-07), the State of the Union live blog, shortened: the president named in
# full again and again, the first lady once, and his words a paragraph after hers
LIVE_BLOG = (
    "President Joe Biden took credit Tuesday for the country's economic recovery.\n\n"
    "At least for tonight, President Joe Biden landed a majority of the Supreme Court.\n\n"
    "President Joe Biden entered a full House chamber Tuesday.\n\n"
    "Biden also singled out Maurice and Kandice Barron, a pair of guests invited by First Lady Jill Biden.\n\n"
    "“We’re not going to be able to do it,” Biden said of the debt ceiling.\n\n"
    "President Joe Biden touted the Inflation Reduction Act.\n\n"
    "Since President Joe Biden took office in January 2021, the Dow has climbed."
)


def test_a_bare_surname_paragraphs_from_a_namesake_is_the_principal_one():
    """An outside try: "What did Biden say about the shooting?" showed a card "quote by First Lady Jill Biden"; in
    this live blog 34 of the president's quotes were given to her, every "Biden said" after the paragraph naming her."""
    index = NameIndex(text=LIVE_BLOG)
    for at in [i for i in range(len(LIVE_BLOG)) if LIVE_BLOG.startswith("President Joe Biden", i)]:
        index.add(at, "President Joe Biden")
    index.add(LIVE_BLOG.find("First Lady Jill Biden"), "First Lady Jill Biden")
    assert index.resolve("Biden", LIVE_BLOG.find("Biden said")) == "Joe Biden"
    # in the paragraph that names her, a bare "Biden" after her name is still hers
    hers = LIVE_BLOG.replace("invited by First Lady Jill Biden.", "invited by First Lady Jill Biden. Biden greeted them.")
    index = NameIndex(text=hers)
    for at in [i for i in range(len(hers)) if hers.startswith("President Joe Biden", i)]:
        index.add(at, "President Joe Biden")
    index.add(hers.find("First Lady Jill Biden"), "First Lady Jill Biden")
    assert index.resolve("Biden", hers.find("Biden greeted")) == "First Lady Jill Biden"
