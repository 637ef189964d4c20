"""Who a frame names as the speaker, when the parse hangs the name elsewhere (issue 13, an outside try).

A journalist's own articles (a fictional water crisis, text a user wrote in news style) listed "HARLOW" (the
dateline), "A lawyer for Kessler Plating" and "Wednesday" among the speakers, and a water authority's silence as its
words. Each is a frame newspapers write every day.
"""

from __future__ import annotations

import pytest

from ingest.attribution import find_attributions, load_nlp

DATELINE = (
    "HARLOW — County Commissioner Ray Dunmore on Wednesday withdrew his proposal to close the Cedar Run treatment plant, "
    "saying the new carbon filters had made it unnecessary."
)
LAWYER = (
    'A lawyer for Kessler Plating, Howard Pruitt, said the company would appeal the order. "Kessler has not used '
    'trichloroethylene at that site in more than 20 years," Pruitt said.'
)
SILENCE = (
    "The Harlow Valley Water Authority has not said how the solvent got into the wells. Its general manager, Gregory "
    "Stahl, said Wednesday that more test results were expected early next week."
)


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def said(text: str, nlp) -> dict[str, str]:
    """Each attributed passage → its speaker's name."""
    return {a.text: a.speaker_name for a in find_attributions(text, nlp)}


def test_a_dateline_before_the_name_is_no_speaker(nlp):
    assert said(DATELINE, nlp) == {"the new carbon filters had made it unnecessary": "County Commissioner Ray Dunmore"}


def test_the_name_set_off_after_a_role_of_someone_is_the_speaker(nlp):
    assert said(LAWYER, nlp)["the company would appeal the order"] == "Howard Pruitt"


def test_a_day_after_the_verb_is_when_not_who(nlp):
    assert said(SILENCE, nlp).get("that more test results were expected early next week") == "Gregory Stahl"


def test_not_saying_is_no_words(nlp):
    assert "how the solvent got into the wells" not in said(SILENCE, nlp)


# A journalist's own articles (an outside try): the one who has just told something is whom "he said" means
TASK_FORCE = (
    "Councilwoman Angela Brandt, who is not related to the union president Gary Brandt, cast the lone vote against the "
    'plan. "A task force is a press release with a budget," Angela Brandt said.\n\n'
    'Ortega said the task force would meet for the first time next week. "We are going to find a buyer for that '
    'building, or we are going to find a use for it," he said.'
)
LAWSUIT = (
    'Renee Kowalski is among the named plaintiffs. She said she joined the suit "because somebody has to make them '
    'follow the rules."\n\nA spokeswoman for the company, Dana Whitfield, said Hartwell believed the lawsuit was without '
    'merit. "We provided notice in full compliance with state and federal law," she said.'
)


@pytest.mark.parametrize(
    ("text", "names", "words", "speaker"),
    [
        (TASK_FORCE, "Mayor Luis Ortega will lead the task force.\n\n", "We are going to find a buyer", "Luis Ortega"),
        (LAWSUIT, "", "We provided notice in full compliance", "Dana Whitfield"),
    ],
)
def test_he_said_after_someone_told_something_is_theirs(nlp, text, names, words, speaker):
    """The mayor's "We are going to find a buyer …" was the union president's, named a paragraph before; the company
    spokeswoman's "We provided notice in full compliance …" was the plaintiff's, named before her: the pronoun took the
    last person named or quoted, not the one who had just told something."""
    found = {a.text: a.speaker_name for a in find_attributions(names + text, nlp)}
    quote = next(quoted for quoted in found if quoted.startswith(words))
    assert found[quote] == speaker, found


def test_a_dateline_is_no_part_of_the_words_told(nlp):
    """A journalist's try: "RIVERTON — Hartwell Appliance Co. violated …, Commerce Secretary Raymond Dufresne said" was
    listed as his words with the dateline ("said RIVERTON — Hartwell …")."""
    text = (
        "RIVERTON — Hartwell Appliance Co. violated the terms of its tax incentives, Commerce Secretary Raymond Dufresne "
        "said Monday.\n\nWASHINGTON (AP) — The bill will pass, Sen. John Doe said."
    )
    assert set(said(text, nlp)) == {"Hartwell Appliance Co. violated the terms of its tax incentives", "The bill will pass"}
