"""Questions after an outcome ("Who won the Super Bowl?"), answered with the latest outcome reported.

A reader who asks in February who won the Super Bowl, naming no year, asks about this year's game;
the archive also holds the Rams' titles of 1945 and 1951 and last year's winner, told in the same
words. So:

1. `asks_an_outcome`: the question asks who or what came out of an event, in the past tense ("won",
   "was elected", "beat"), naming no days and no year (`TimeScope.outcome_verb`). Recent articles
   are then searched as well, as for "latest", and the newest telling that reports the outcome and
   answers well enough leads, dated.
2. `states_an_outcome`: of those tellings, only a sentence that reports the outcome as done counts:
   the asked verb (or one of beating, for "win"; or "victory") in a past tense, not supposed,
   planned or hedged ("can win", "is expected to win", "Hours before the start of the caucuses"),
   and not about years before its article's ("won two NFL championships (1945 and 1951)").
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING

from assistant.answering.question import analyze
from assistant.answering.verdict import BEATING_VERBS, is_infinitive, is_supposed, of_another_year, parsed
from assistant.search.words import stems

if TYPE_CHECKING:
    from assistant.answering.extractive import Candidate

# verbs whose past tense reports an outcome that a later one of the same kind replaces
OUTCOME_VERBS = frozenset(
    {"win", "elect", "name", "appoint", "choose", "select", "crown", "nominate", "award", "clinch", "secure"} | BEATING_VERBS
)
# nouns that report a won outcome ("scoring the biggest victory in the history of the Iowa caucuses")
OUTCOME_NOUNS = frozenset({"victory", "win", "winner", "champion"})
# a title of an earlier outcome, not the report of one: "face off against the defending champions"
TITLE_WORDS = frozenset({"defending", "reigning", "former", "previous", "last", "past"})
ASKING_KINDS = ("who", "which", "what", "yes_no")  # "Did the Chiefs win the Super Bowl?" asks after the latest too
PAST = ("VBD", "VBN")
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
OUTCOME_DAYS = 366  # the latest outcome is reported at most this long before the asking day
NO_OUTCOME_REPORTED = "No article here reports that outcome; the closest they come:"
MODALS = frozenset({"will", "would", "can", "could", "may", "might", "should", "must", "shall"})


def asked_outcome_verb(question: str) -> str | None:
    """The lemma of the outcome verb the question asks after in the past tense ("Who won the Oscar for best
    actor?": "win"); None when it asks after none ("Who is the Boeing CEO?", "Who will win in November?")."""
    if analyze(question).kind not in ASKING_KINDS or YEAR.search(question):
        return None  # "at the 2024 Golden Globes" names its year
    for word in parsed(question):
        if word.lemma_ not in OUTCOME_VERBS or word.pos_ != "VERB" or any(c.lower_ in MODALS for c in word.children):
            continue
        # "Who won …?", "Who was elected …?", or with "did": "Who did Trump beat in New Hampshire?"
        if word.tag_ in PAST or (word.tag_ == "VB" and any(child.lower_ == "did" for child in word.children)):
            return word.lemma_
    return None


def asks_an_outcome(question: str) -> bool:
    """Whether the question asks who or what came out of an event, in the past tense (see the module)."""
    return asked_outcome_verb(question) is not None


def event_words(question: str) -> frozenset[str]:
    """The stems of the nouns the question's outcome verb is about, its subject aside ("Who won the Oscar for best
    actor?": oscar, actor; "Who did Trump beat in New Hampshire?": new, hampshir); empty when it names none."""
    for word in parsed(question):
        if word.lemma_ in OUTCOME_VERBS and word.pos_ == "VERB":
            about = [c for c in word.children if c.dep_ not in ("nsubj", "nsubjpass", "aux", "auxpass", "neg")]
            nouns = [t.text for c in about for t in c.subtree if t.pos_ in ("NOUN", "PROPN")]
            return frozenset(stems(" ".join(nouns)))
    return frozenset()


def latest_report(
    candidates: list[Candidate], verb: str, news_day: date | None, event: frozenset[str] = frozenset()
) -> Candidate | None:
    """The newest of the candidates that reports the outcome as done, within a year of `news_day` (see the
    module), of the event asked about (`event_words`) when one is named; None when none does."""
    reported = [c for c in candidates if states_an_outcome(c, verb, event) and within_a_year(c, news_day)]
    return max(reported, key=lambda c: (c.hit.chunk.published_int, c.score), default=None)


def within_a_year(c: Candidate, news_day: date | None) -> bool:
    """Whether the candidate's article is of the year before `news_day`: the latest of a yearly outcome is
    reported within it ("Who won the Iowa caucuses?" on 2024-01-16 was answered with Gerald Ford's 1976 win,
    told in an article of 2020)."""
    published = c.hit.chunk.published
    return news_day is None or not published or (news_day - date.fromisoformat(published)).days <= OUTCOME_DAYS


def states_an_outcome(c: Candidate, verb: str, event: frozenset[str] = frozenset()) -> bool:
    """Whether the candidate's sentence reports the outcome as done (see the module): "Super Bowl 58 ended
    Sunday night with a win for the Kansas City Chiefs" does, "Why each Republican candidate can win the Iowa
    Caucuses" does not. With `event`, a win told by a noun names some of it in its clause: "the 49ers staged an
    impressive comeback win over the Detroit Lions" is a win, but not the Super Bowl asked about."""
    if of_another_year(c):
        return False
    # a win is reported by a beating and a beating by a win: "Who did Trump beat?" by "Trump defeated … Haley"
    beating = verb == "win" or verb in BEATING_VERBS
    reporting = {verb} | (BEATING_VERBS | {"win"} if beating else set())
    for token in parsed(c.text):
        if token.lower_ == "victorious" and verb == "win" and not is_denied(token.head):
            if of_the_event(token, event):
                return True  # "Lai Ching-te emerged victorious in Taiwan's presidential election"
            continue
        if token.pos_ == "NOUN" and token.lemma_ in OUTCOME_NOUNS and verb == "win":
            # "ended with a win for the Chiefs", "scoring the biggest victory"; not "a path to victory", "a bid for a win"
            if not (
                token.head.lower_ in ("to", "for", "toward", "towards")
                or is_supposed(token)
                or is_denied(token)
                or any(c.lower_ in TITLE_WORDS for c in token.children)
            ):
                if of_the_event(token, event):
                    return True
            continue
        if token.lemma_ not in reporting or token.pos_ != "VERB" or token.tag_ not in PAST:
            continue
        if is_infinitive(token) or is_supposed(token) or is_denied(token) or is_a_tally(token):
            continue
        return True  # a verb's own subject and object tell what was won ("Putin won his fifth term")
    return False


def of_the_event(token, event: frozenset[str]) -> bool:
    """Whether the clause the outcome word stands in names some of the event asked about (any, when none is asked)."""
    if not event:
        return True
    clause = token
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    return not event.isdisjoint(stems(" ".join(t.text for t in clause.subtree)))


def is_a_tally(verb) -> bool:
    """Whether the verb counts wins over the years rather than reporting one: "The Detroit Lions have won one
    NFL playoff game in the Super Bowl era", "Carter and Bob Dole, who each won two opposed Iowa caucuses". A
    present perfect of a counted object, or "each"; "Oppenheimer won seven awards" (one night's) is no tally."""
    perfect = any(child.lemma_ == "have" and child.tag_ in ("VBP", "VBZ") for child in verb.children)
    counted = any(grand.dep_ == "nummod" for child in verb.children if child.dep_ == "dobj" for grand in child.children)
    distributive = any(word.lower_ == "each" for child in verb.children for word in child.subtree if child.dep_ != "dobj")
    return (perfect and counted) or distributive


def is_denied(token) -> bool:
    """Whether the word is negated or only possible: "have never won a Super Bowl", "can win", "zero wins"."""
    return any(child.dep_ == "neg" or child.lower_ in MODALS or child.lower_ in ("no", "zero") for child in token.children)
