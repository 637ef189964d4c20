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
