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
