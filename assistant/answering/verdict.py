"""Yes/no verdicts of extractive answers: "Yes."/"No." (or "True."/"False.") only from a sentence that settles the question.

A sentence settles it when it holds nearly all of the question (`YES_NO_LEXICAL`), every name in it, has the
question's subject do the question's verb as a verb that states (parsed: in "Trump defeated … Haley …, winning
over voters" Haley wins nothing; "the Fed forecast three quarter-point cuts" cuts nothing; "he expected Haley to
drop out" has her drop out of nothing), states rather than supposes or reports rumours (`HEDGED`), and is not about years before its
article's. "No." when one of the question and the sentence denies what the other says, or when the sentence has
the subject lose what the question asks they won ("Trump defeated … Haley in the New Hampshire primary"
answers "Did Haley win the New Hampshire primary?"). Otherwise the answer
opens with "The articles don't say so outright; the closest they come:".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import TYPE_CHECKING

from ingest.language import pipeline_view

if TYPE_CHECKING:
    from assistant.answering.extractive import Candidate

# A yes/no question gets a verdict only from a sentence that holds this much of its key terms
YES_NO_LEXICAL = 0.7
# words that make a sentence suppose or expect rather than state: it settles no yes/no question
HEDGED = re.compile(
    r"\b(?:if|whether|unless|could|might|may|would|expects? to|expected to|hopes? to|plans? to|risks?|rumou?rs?|"
    r"reportedly|allegedly|alleged|allegations?|speculation)\b"
)


SUPPOSING_VERBS = frozenset(
    {"think", "believe", "expect", "predict", "forecast", "hope", "anticipate", "project", "bet", "speculate", "wonder"}
)
UNSETTLED = "The articles don't say so outright; the closest they come:"
# "Did X win …?" is answered "No." by a sentence in which X is beaten ("Trump defeated Haley") or loses
BEATING_VERBS = frozenset({"defeat", "beat", "top", "edge", "oust", "upset", "rout", "trounce", "outpoll", "unseat"})


def yes_or_no(question: str, best: Candidate, denies: Callable[[str], bool], names: set[str] = frozenset()) -> str:
    """The verdict a yes/no question gets before the sentence that decides it: "Yes." when that
    sentence holds nearly all of the question, every name in it (`names`, as stems) among them, and
    says it the same way; "No." when it holds it but one of the two denies what the other says
    (`denies`); no verdict when it holds too little. "Did Haley win the Iowa caucuses?" got "Yes."
    from "Donald Trump risks a loss in Iowa – even if he wins the 2024 caucus": a sentence that does
    not name whom the question asks about decides nothing about them, nor does one that only supposes
    it (`HEDGED`: "even if he wins")."""
    if best.lexical < YES_NO_LEXICAL or not names <= best.stems or HEDGED.search(best.text) or of_another_year(best):
        return UNSETTLED
    lost = lost_what_was_asked(question, best.text)
    if not lost and not does_what_was_asked(question, best.text):
        return UNSETTLED
    denied = lost or denies(question) != denies(best.text)
    if re.match(r"\s*true or false\b", question, re.IGNORECASE):
        return "False." if denied else "True."
    return "No." if denied else "Yes."


def does_what_was_asked(question: str, sentence: str) -> bool:
    """Whether the sentence has the question's subject do the question's verb ("Did Haley win …?":
    Haley, as the subject of "win"). "Trump defeated … Gov. Nikki Haley …, winning over …" names
    Haley and "win" but has Trump win; "Starting January 1, sesame will join the list" never says
    "add". True when the question is not of that form (no verb with a subject to check)."""
    verb, subject = asked_verb_and_subject(question)
    # "Is Haley still in the race?" asks of "be" as "Did Haley win?" asks of "win": "Haley will drop out
    # of the race" holds its words and settles nothing of the kind
    if verb is None or (verb.pos_ != "VERB" and verb.lemma_ != "be") or subject is None:
        return True
    # "Did Haley win the D.C. primary?" is done by "Nikki Haley defeated Donald Trump in Sunday's … primary"
    doing = {verb.lemma_} | (BEATING_VERBS if verb.lemma_ == "win" else set())
    for token in parsed(sentence):
        if token.lemma_ not in doing or (token.lemma_ == "be" and token.dep_ in ("aux", "auxpass")):
            continue  # "was rushed to the hospital" is no "is in the hospital"
        if token.pos_ not in ("VERB", "AUX") or is_infinitive(token) or is_supposed(token):
            continue  # "the Fed forecast three quarter-point cuts", "he expected Haley to drop out": nothing done
        doers = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        doers = doers or [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "…, winning over"
        if token.dep_ == "relcl":
            doers.append(token.head)  # "tahini, which is made from…": "which" is tahini
        if any(holds_word(doer, subject.text) for doer in doers):
            return True
    return False


def is_infinitive(verb) -> bool:
    """Whether the verb is a "to …" infinitive: wanted, expected, planned or urged, not done."""
    return any(child.tag_ == "TO" for child in verb.children)


def is_supposed(verb) -> bool:
    """Whether the verb sits under one of believing or expecting: "economists still think the Fed will
    start cutting its rate in June" cuts nothing."""
    return any(head.lemma_ in SUPPOSING_VERBS for head in verb.ancestors)


def lost_what_was_asked(question: str, sentence: str) -> bool:
    """Whether the sentence has the subject of "Did X win …?" beaten or losing: X the object of
    "defeated"/"beat" ("Trump defeated former South Carolina Gov. Nikki Haley in the New Hampshire
    Republican primary") or the subject of "lost"."""
    verb, subject = asked_verb_and_subject(question)
    if verb is None or verb.lemma_ != "win" or subject is None or subject.dep_ != "nsubj":
        return False
    for token in parsed(sentence):
        if token.lemma_ in BEATING_VERBS:
            losers = [c for c in token.children if c.dep_ == "dobj"]
        elif token.lemma_ == "lose":
            losers = [c for c in token.children if c.dep_ == "nsubj"]
        else:
            continue
        if any(holds_word(loser, subject.text) for loser in losers):
            return True
    return False


def asked_verb_and_subject(question: str):
    """The question's main verb and its subject ("Did Haley win …?": win, Haley); None for what it lacks."""
    verb = next((t for t in parsed(question) if t.dep_ == "ROOT"), None)
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    return verb, subject


def holds_word(token, word: str) -> bool:
    """Whether the phrase `token` heads holds `word` ("former South Carolina Gov. Nikki Haley" holds "Haley")."""
    return word.lower() in {w.text.lower() for w in token.subtree}


@lru_cache(maxsize=64)
def parsed(text: str):
    """`text` parsed once for both checks of a verdict (the question and its sentence were each parsed twice)."""
    return yes_no_parser()(text)


@lru_cache(maxsize=1)
def yes_no_parser():
    """The bundled pipeline with its parser and lemmas, no NER: who does what in a yes/no question and its answer."""
    return pipeline_view("ner")


def of_another_year(c: Candidate) -> bool:
    """Whether the sentence is about years before its article's: "Trump also did not win the Iowa
    caucuses in 2016", in an article of 2024, says nothing of 2024's caucuses ("before 2023" in an
    article of 2022 still speaks of now)."""
    years = {int(year) for year in re.findall(r"\b((?:19|20)\d\d)\b", c.text)}
    published = int(c.hit.chunk.published[:4]) if c.hit.chunk.published[:4].isdigit() else None
    return bool(years) and published is not None and max(years) < published
