"""Yes/no verdicts of extractive answers: "Yes."/"No." (or "True."/"False.") only from a sentence that settles the question.

A sentence settles it when it holds nearly all of the question (`YES_NO_LEXICAL`), every name in it, has the
question's subject do the question's verb as a verb that states (parsed: in "Trump defeated … Haley …, winning
over voters" Haley wins nothing; "the Fed forecast three quarter-point cuts" cuts nothing; "he expected Haley to
drop out" has her drop out of nothing), states rather than supposes or reports rumours (`HEDGED`), and is not about years before its
article's. "No." when one of the question and the sentence denies what the other says, or when the sentence has
the subject lose what the question asks they won ("Trump defeated … Haley in the New Hampshire primary"
answers "Did Haley win the New Hampshire primary?"). The sentence's contest is the asked one: "Trump defeated former
South Carolina Gov. Nikki Haley in the New Hampshire Republican primary" settles nothing of the South Carolina
primary (`of_another_contest`), nor does "Haley won 43.3% of the vote" of her winning one (`wins_a_share`).

News tells an outcome in other words than the question's, so a sentence also settles it when it tells the
asked outcome, or its opposite, with another verb (`OUTCOMES`): "Did Haley lose South Carolina?" is settled
by "Trump …, easily defeating former Gov. Nikki Haley" (Haley is the one defeated), "Did Avdiivka fall?" by
"Russian forces recently took control of … Avdiivka", "Did the Fed cut rates?" ("No.") by "The Federal
Reserve held its key interest rate steady". Such a verb must be stated as done, as the asked one must:
"expected to take control", "could fall" or "will hold rates" settle nothing. A verb done by saying
(`SAID_DONE`: "rule out") is done by whoever says it: "Powell said … a March rate cut hasn't been ruled
out" answers "Did Powell rule out a March cut?" "No.". A verb that tells the same event (`SAME_EVENT`) does as
the asked one: "Haley withdrew from the race" answers "Did Haley drop out?". Otherwise the answer opens with "The
articles don't say so outright; the closest they come:".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from assistant.answering.full_names import in_a_longer_name
from assistant.answering.question import dependency_parser
from assistant.search.words import acronyms, clipped_from, stems
from ingest.cleaning import DATELINE

if TYPE_CHECKING:
    from spacy.tokens import Token

    from assistant.answering.extractive import Candidate

# A yes/no question gets a verdict only from a sentence that holds this much of its key terms
YES_NO_LEXICAL = 0.7
# words that make a sentence suppose or expect rather than state: it settles no yes/no question
HEDGED = re.compile(
    # "If" opens a sentence as often as not ("If Trump wins over 85% …, he will become the presumptive nominee");
    # the modals stay lower case: "May" is a month
    # (a plan or hope named, not made: "calling the plan to delay the repaving 'a gimmick'" supposes nothing)
    r"\b(?:(?i:if|whether|unless)|could|might|may|would|expects? to|expected to|risks?|rumou?rs?|"
    r"(?<!\bthe )(?<!\ba )(?<!\bits )(?<!\btheir )(?<!\bhis )(?<!\bher )(?:hopes? to|plans? to)|"
    r"reportedly|allegedly|alleged|allegations?|speculation|"
    # a prospect: "has put Donald Trump on track to become the presumptive Republican nominee" makes him none yet
    r"on (?:track|course|pace) (?:to|for)|poised to|likely to|set to|slated to|in line (?:to|for)|on the verge of|"
    # one side's case: "… won't be doing anything wrong by putting Trump on the ballot …, his lawyers say" was "Yes." to
    # "Is Trump on the ballot in Colorado?" while the Supreme Court weighed it
    r"argues|argued|contends|contended|counters|countered|(?:lawyers?|attorneys?) (?:say|says|said|wrote|write)|"
    # an impression: "The Supreme Court … appeared to be looking for a way to ensure stability … by not letting
    # Colorado … block … Trump from the ballot" is no ruling either way
    r"appears? to|appeared to|seems? to|seemed to)\b"
)


SUPPOSING_VERBS = frozenset(
    {"think", "believe", "expect", "predict", "forecast", "hope", "anticipate", "project", "bet", "speculate", "wonder"}
)
YES, NO, TRUE, FALSE = "Yes.", "No.", "True.", "False."
VERDICTS = (YES, NO, TRUE, FALSE)  # how a settled yes/no or true/false answer opens
UNSETTLED = "The articles don't say so outright; the closest they come:"
# "done raising", "stopped cutting": the doing has ended, which settles neither way whether it was done
STOPPING = frozenset({"do", "done", "stop", "quit", "finish", "end", "cease", "halt", "pause"})
# a verb under one of these is to come, not done: "Haley will drop out … in a Wednesday address" (said Tuesday)
FUTURE_AUXILIARIES = frozenset({"will", "'ll", "shall", "wo"})
# "Did X win …?" is answered "No." by a sentence in which X is beaten ("Trump defeated Haley") or loses
BEATING_VERBS = frozenset({"defeat", "beat", "top", "edge", "oust", "upset", "rout", "trounce", "outpoll", "unseat"})
# a nomination, title or seat is won, clinched, secured or captured alike ("after securing the presumptive GOP
# nomination"); a history line wins the asked contest by one of them
SECURING_VERBS = frozenset({"win", "clinch", "secure", "capture"})
# a town or city falls when forces take it ("took control of … Avdiivka")
TAKING_VERBS = frozenset({"capture", "seize", "take", "overrun", "conquer", "retake"})
CUTTING_VERBS = frozenset({"cut", "lower", "reduce", "slash", "trim"})
RAISING_VERBS = frozenset({"raise", "hike", "increase", "lift"})
# "held its key interest rate steady", "kept rates unchanged", "left rates at 5.5%": neither cut nor raised
HOLDING_VERBS = frozenset({"hold", "keep", "leave", "maintain"})
# verbs done by saying: "Powell said a March cut hasn't been ruled out" is Powell not ruling it out
SAID_DONE = frozenset({"rule", "confirm", "deny", "announce", "promise", "pledge", "vow", "endorse"})
SAYING_VERBS = frozenset({"say", "tell", "signal", "indicate", "state", "stress", "note", "insist", "add", "suggest"})
# verbs whose subject says something in a sentence ("Rachel Dunn said …", "Callum Fraser … warned"): wider than the
# verbs a question asks what someone said with (`SAYING_VERBS`)
SPEECH_VERBS = SAYING_VERBS | frozenset(
    "write argue warn claim explain announce vow promise call urge ask predict declare testify post tweet acknowledge "
    "admit deny estimate".split()
)
# "Paul Ryan says he's not ready to support Trump", "Haley announced … that she is ending her bid": a person's own
# word on what they do is told of them, under their name, whoever "he" or "she" is elsewhere
OWN_WORD_VERBS = SAYING_VERBS | frozenset({"announce", "declare", "confirm", "admit", "acknowledge"})
# verbs whose "to …" is done when they are: "Christie, who opted to suspend his campaign", "managed to win"
# "The City Council voted 6-1 on Monday to override Mayor Okafor's veto" overrode it: a body's vote is its act
IMPLICATIVE_VERBS = frozenset({"opt", "decide", "choose", "manage", "move", "elect", "vote"})
# ... and those that tell it not done: "refused to dismiss", "declined to extradite", "failed to pass"
REFUSING_VERBS = frozenset({"refuse", "decline", "fail", "reject"})
# what is won without winning the contest: "Haley won 43.3% of the vote", "17 delegates", "second place", "a county"
SHARES = frozenset({"%", "percent", "percentage", "vote", "share", "delegate", "county", "place", "precinct", "point"})
# an object that is a contest of whatever kind: "Haley lost the race" is about the primary asked of
ANY_CONTEST = frozenset({"race", "contest", "election", "bid", "battle", "fight", "nomination"})
# the words that tell a contest from others of its kind, in the question's preposition after its verb ("the Grammy for
# album of the year", "the primary in Michigan"); not "by an unprecedented margin", "on Sunday"
CONTEST_PREPOSITIONS = frozenset({"for", "in", "at", "of"})
# a day or month, which tells no contest from another ("Sunday's Republican primary")
DAY = re.compile(
    r"(?i:(?:mon|tues|wednes|thurs|fri|satur|sun|to|yester)day|tonight|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|"
    r"may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# a contest's words the news leaves out as often as not: "the New Hampshire primary" is its Republican primary
UNSAID_QUALIFIERS = frozenset(stems("Republican Democratic GOP presidential party"))
# Another verb tells the same event (an event is a lemma and its particle): "When did the Odysseus lander land?" is
# answered by "touched down … late Thursday", "Did Haley drop out?" by "Haley withdrew from the race".
SAME_EVENT: dict[tuple[str, str | None], tuple[tuple[str, str | None], ...]] = {
    ("land", None): (("touch", "down"),),
    ("touch", "down"): (("land", None),),
    ("launch", None): (("lift", "off"), ("blast", "off")),
    ("die", None): (("pass", "away"),),
    ("resign", None): (("step", "down"),),
    ("step", "down"): (("resign", None),),
    ("drop", "out"): (("suspend", None), ("withdraw", None), ("exit", None), ("end", None), ("quit", None)),
    ("arrive", None): (("reach", None),),
    ("lift", None): (("end", None), ("rescind", None), ("cancel", None), ("revoke", None)),
    # "When did the Ridgeback Fire start?": "broke out Monday afternoon", "which began on March 23" (an outside try was
    # told no article tells that it happened)
    ("start", None): (("begin", None), ("break", "out"), ("erupt", None), ("ignite", None)),
    ("begin", None): (("start", None), ("break", "out"), ("erupt", None)),
    ("break", "out"): (("start", None), ("begin", None), ("erupt", None)),
    ("clinch", None): (("secure", None), ("win", None)),  # a nomination is clinched, secured or won alike
}
# the forms above that tell the event only of one of these, as object or after a preposition: "suspended her
# campaign", "ended her bid", "exited the race"; not "ended Sunday night", "withdrew its troops"
SAME_EVENT_OF: dict[tuple[str, str | None], frozenset[str]] = dict.fromkeys(
    (("suspend", None), ("withdraw", None), ("exit", None), ("end", None), ("quit", None)),
    frozenset({"campaign", "bid", "race", "contest", "run", "candidacy"}),
)
# the words of a question that say what it is about, as against how it asks
CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ", "NUM", "VERB"})
# "after securing the nomination", "by defeating Haley": a gerund under these tells a thing done
DONE_PREPOSITIONS = frozenset({"after", "since", "upon", "by"})


@dataclass(frozen=True)
class Telling:
    """One way a sentence tells an outcome: one of `verbs`, with the question's subject as its doer
    ("Trump defeated Haley": Trump) or, with `done_to`, as the one it is done to (Haley); with
    `same_object`, only about the question's object too: "held its key interest rate steady" answers
    "Did the Fed cut rates?", "held a news conference" does not."""

    verbs: frozenset[str]
    done_to: bool = False
    same_object: bool = False


# The asked verb → the tellings that say its outcome happened, and those that say its opposite did. Not
# the asked verb itself: `does_what_was_asked` and `denies` judge that one.
_SECURES = (Telling(SECURING_VERBS, same_object=True),)
_CUTS = ((Telling(CUTTING_VERBS, same_object=True),), (Telling(HOLDING_VERBS | RAISING_VERBS, same_object=True),))
_RAISES = ((Telling(RAISING_VERBS, same_object=True),), (Telling(HOLDING_VERBS | CUTTING_VERBS, same_object=True),))
OUTCOMES: dict[str, tuple[tuple[Telling, ...], tuple[Telling, ...]]] = {
    "win": (_SECURES, (Telling(BEATING_VERBS, done_to=True), Telling(frozenset({"lose"})))),
    "clinch": (_SECURES, (Telling(frozenset({"lose"}), same_object=True),)),
    "secure": (_SECURES, (Telling(frozenset({"lose"}), same_object=True),)),
    "lose": ((Telling(BEATING_VERBS, done_to=True),), (Telling(BEATING_VERBS), Telling(frozenset({"win"}), same_object=True))),
    "fall": ((Telling(TAKING_VERBS, done_to=True),), ()),
    **dict.fromkeys(TAKING_VERBS, ((Telling(TAKING_VERBS, same_object=True),), ())),
    **dict.fromkeys(CUTTING_VERBS, _CUTS),
    **dict.fromkeys(RAISING_VERBS, _RAISES),
}


def yes_or_no(question: str, best: Candidate, denies: Callable[[str], bool], names: set[str] = frozenset()) -> str:
    """The verdict a yes/no question gets before the sentence that decides it: "Yes." when that
    sentence holds nearly all of the question, every name in it (`names`, as stems) among them, and
    says it the same way; "No." when it holds it but one of the two denies what the other says
    (`denies`); no verdict when it holds too little. "Did Haley win the Iowa caucuses?" got "Yes."
    from "Donald Trump risks a loss in Iowa – even if he wins the 2024 caucus": a sentence that does
    not name whom the question asks about decides nothing about them, nor does one that only supposes
    it (`HEDGED`: "even if he wins"). "Is Rubio still in the race?" is answered as "Did Rubio drop out?" turned
    over (`as_dropping_out`): "No. … Marco Rubio exits the presidential race …"."""
    verdict = settled(question, best, denies, names)
    if verdict == UNSETTLED and (dropping := as_dropping_out(question)) is not None:
        return {YES: NO, NO: YES}.get(verdict := settled(dropping, best, denies, names), verdict)
    return verdict


# "Did Tomas Ruiz say the pipe was struck?": who is asked to have said what
SAID_ASKED = re.compile(
    r"^\s*(?:did|has|have)\s+(?P<who>.+?)\s+(?:say|said|claim|claimed|state|stated|tell\s+\w+|told\s+\w+)\s+"
    r"(?:that\s+)?(?P<what>[^?]{3,}?)\s*\?*\s*$",
    re.IGNORECASE,
)
SAID_HELD = 0.8  # the share of what was asked to be said that a sentence must hold to answer "Yes."


def settled(question: str, best: Candidate, denies: Callable[[str], bool], names: set[str]) -> str:
    """`yes_or_no` of the question as asked."""
    if (said := SAID_ASKED.match(question)) is not None:
        # "Yes." came from "“The department … should not be the one grading its own homework,” Tomas Ruiz said" for "Did
        # Tomas Ruiz say the pipe was struck?" (a second outside try; Elena Ruiz had said it): what he is asked to have
        # said must be in the sentence, nearly all of it, as the who-said answerer asks of a quote
        what = set(stems(said["what"])) - set(stems(said["who"]))
        if what and len(what & best.stems) < SAID_HELD * len(what):
            return UNSETTLED
    if not names and UNNAMED_SUBJECT.search(question) and not names_a_scope(question):
        # "Is it still working?", "Was anyone hurt?": follow-ups the rewriter could not tie to their story were answered
        # "Yes." from an outage and a TV host's apology (an outside try); a verdict is on someone or something named
        return UNSETTLED
    won = won_by_whom(question, best.text)
    if won is not None and not HEDGED.search(best.text) and not of_another_year(best):
        # "Trump overwhelmingly won South Carolina's Republican primary" for "Did Haley win South Carolina?"
        return worded(question, holds=won)
    if (anyone := ANYONE_ASKED.match(question)) is not None and not HEDGED.search(best.text):
        # "Was anyone hurt on the Alaska Airlines flight?": "No one was injured in the incident" (an outside try got
        # "The articles don't say so outright"), a sentence whose passage names the flight: "the incident" is it
        passage = set(stems(f"{best.hit.chunk.title} {best.hit.chunk.text}"))
        no_one = NO_ONE.search(best.text)
        if no_one is not None and same_harm(anyone["done"], no_one["done"]) and names <= passage:
            return worded(question, holds=False)
        # ... and "Yes." from "… the September fire that killed one worker" for "Was anyone killed in the Hartwell
        # fire?" (an outside try got "The articles don't say so outright", citing it)
        if no_one is None and names <= passage and counts_the_harmed(best.text, anyone["done"]):
            return worded(question, holds=True)
    supplied = first_names_left_to_the_passage(question, best, names)
    # (a first name left to the passage is held: the sentence's share of the question counted it missing)
    near = best.lexical >= YES_NO_LEXICAL or bool(supplied) and holds_every_word(question, best.stems | supplied)
    # a sentence telling the outcome in other words lacks the asked verb's word ("securing the presumptive GOP
    # nomination" for "Did Trump clinch the nomination?"): it must hold all the rest instead
    if not (near or holds_all_but_the_verb(question, best.stems | (supplied or set()))):
        return UNSETTLED
    if supplied is None or HEDGED.search(best.text) or of_another_year(best):
        return UNSETTLED
    if (corrected := CORRECTED.search(best.text)) is not None and names <= set(stems(best.text[corrected.end() :])):
        # "An article published Wednesday incorrectly reported that the Water Authority had closed the Cedar Run
        # treatment plant" for "Was the Cedar Run plant closed?" got "The articles don't say so outright" (a
        # journalist's try): what a correction says was reported wrongly did not happen
        return worded(question, holds=False)
    if near and refused_to_do(question, best.text):
        # "A Calder County judge on Thursday refused to dismiss a lawsuit brought by workers" for "Did the judge dismiss
        # the workers' lawsuit?" got "The articles don't say so outright" (a journalist's try): refusing it is no doing
        return worded(question, holds=False)
    if (quality := asked_quality(question)) and not quality <= best.stems:
        # "Was the election fair?" got "Yes." from "… the country gears up for its presidential election" (an outside
        # try): what a "be" question asks the subject to be must be in the sentence that settles it
        return UNSETTLED
    if (there := THERE_BE.match(question)) is not None and not is_told_there(there["thing"], best.text):
        # "Were there any arrests at the Kansas City parade?" got "Yes." from "… 11 children were shot … after a Super
        # Bowl victory parade in Kansas City" (an outside try): what is asked to exist must be in the sentence, as a
        # thing of its own: "Was there a hurricane this week?" got "Yes." from "… layer inland areas under tropical storm
        # and hurricane warnings …", of a forecast graphic (a news reader's try)
        return UNSETTLED
    told = told_otherwise(question, best.text)
    if told is False:
        if asks_of_any(question):
            # "Did Nikki Haley win any primaries?" got "No." from "Nikki Haley lost her primary to 'none'" (Nevada's),
            # a fortnight before her Vermont win (an outside try): one lost is not every one
            return UNSETTLED
        denied = True  # "Trump defeated … Haley" for "Did Haley win …?"; "held its key rate steady" for "… cut rates?"
    elif (near or by_another_verb(question, best.text)) and does_what_was_asked(question, best.text):
        # all but the verb, told by another, counts as near: "Haley withdrew from the race" for "Did Haley drop out?"
        denied = denies(question) != denies(best.text)
    elif told:
        denied = denies(question)  # its own negation is in `told`: "has not taken Avdiivka" tells the opposite
    else:
        return UNSETTLED
    if denied and SINCE_CHANGED.search(best.text):
        # "Teixeira initially pleaded not guilty, but a filing … asked for a … hearing for him to change his plea" got
        # "No." to "Did Jack Teixeira plead guilty?", a day after he did (a fact-checker's try): a denial of what was
        # so at first tells nothing of what is so now
        return UNSETTLED
    if not denied and (qualifiers := asked_qualifiers(question)) and not qualifiers <= set(stems(best.text)):
        # "Did the House pass the TikTok bill unanimously?" got "Yes." from "… passed a bill … 352-65" (a fact-checker's
        # try): how it was done, when the question asks it, must be told too
        return UNSETTLED
    return worded(question, holds=not denied)


# a state told as it was at first, since changed or to be
SINCE_CHANGED = re.compile(r"\b(?:initially|originally|at first|at the time|previously)\b", re.IGNORECASE)
# the manner a question asks a thing done in ("unanimously", "fully"), not its time or degree words
NOT_QUALIFYING = frozenset(
    "still already yet ever now also really actually recently finally just even only again ago currently officially "
    "ultimately eventually immediately".split()
)


def asked_qualifiers(question: str) -> frozenset[str]:
    """The stems of the "-ly" adverbs a yes/no question asks its verb or state done in: "unanimously" of "Did the House
    pass the TikTok bill unanimously?", "fully" of "Is the fire fully contained?"."""
    return frozenset(
        stem
        for token in parsed(question)
        if token.dep_ == "advmod" and token.pos_ == "ADV" and token.lower_.endswith("ly") and token.lower_ not in NOT_QUALIFYING
        for stem in stems(token.text)
    )


# a run of capitalised words after a question's first: a full name ("Lloyd Austin"), whose last word is the surname
NAME_RUN = re.compile(r"(?<!^)\b[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)+")


def first_names_left_to_the_passage(question: str, best: Candidate, names: set[str]) -> set[str] | None:
    """The stems of the question's names the sentence leaves to its passage (a first name, where the sentence gives
    the surname and the passage the whole name), or None when it lacks another. "Secretary Austin is still in the
    hospital and recovering well" settles "Is Lloyd Austin still in the hospital?" in the story that names him in full
    (a news reader's try got "The articles don't say so outright")."""
    missing = names - best.stems
    if not missing:
        return set()
    passage = f"{best.hit.chunk.title}\n{best.hit.chunk.text}"
    supplied = set()
    for run in NAME_RUN.finditer(question.strip()):
        words = [stems(word) for word in run[0].split()]
        named_in_full = re.search(r"\b" + r"\s+".join(map(re.escape, run[0].split())) + r"\b", passage, re.IGNORECASE)
        # the last word standing alone in the sentence, as a surname does: "Fire" of "Is the Smokehouse Creek Fire
        # contained?" in "the Windy Deuce Fire …" names another fire (a fact-checker's try got "Yes." by it)
        last = run[0].split()[-1]
        alone = any(not in_a_longer_name(best.text, m.start()) for m in re.finditer(rf"\b{re.escape(last)}\b", best.text))
        if words[-1] and words[-1][0] in best.stems and named_in_full and alone:
            supplied |= {stem for word in words[:-1] for stem in word} & missing
    return supplied if missing <= supplied else None


def is_told_there(thing: str, sentence: str) -> bool:
    """Whether `sentence` names `thing` (one word, as a "Was there a … ?" asks it) as a thing of its own, not only as
    the word that tells another kind ("hurricane warnings", "arrest records")."""
    asked = set(stems(thing))
    return any(
        set(stems(token.text)) & asked and token.dep_ not in ("compound", "amod")
        for token in parsed(sentence)
        if token.pos_ in ("NOUN", "PROPN")
    )


def names_a_scope(question: str) -> bool:
    """Whether the question names where it asks, by a noun after a preposition: "Was anyone killed in the fire?" asks of
    the fire (an outside try's "No one was killed." got no verdict); "Was anyone hurt?" and "Is it still working?" name
    nothing a verdict could be on."""
    return any(t.dep_ == "pobj" and t.pos_ in ("NOUN", "PROPN") for t in parsed(question))


def predicate_stems(question: str) -> frozenset[str]:
    """The stems of what a yes/no question says of its subject ("fair" of "Was the election fair?", "made ground sesam
    past" of "True or false: tahini is made from ground sesame paste"): its words but its subject's."""
    words = parsed(TRUE_OR_FALSE.sub("", question).lstrip(" :"))
    root = next((t for t in words if t.dep_ == "ROOT"), None)
    if root is None:
        return frozenset()
    subject = {t.i for c in root.children if c.dep_ in ("nsubj", "nsubjpass") for t in subject_words(c)}
    said = " ".join(t.text for t in words if t.i not in subject and not t.is_punct and t.pos_ not in ("AUX", "PRON"))
    return frozenset(stems(said))


def subject_words(head: Token) -> list[Token]:
    """The words of the subject `head` heads, but an object the small parser hangs on a noun: "Was the AT&T outage a
    cyberattack?" read "a cyberattack" as the outage's object, and a noun has none; it is what is said of the subject."""
    words, todo = [], [head]
    while todo:
        word = todo.pop()
        words.append(word)
        todo.extend(c for c in word.children if not (c.dep_ in ("dobj", "attr") and word.pos_ in ("NOUN", "PROPN")))
    return words


def asked_quality(question: str) -> frozenset[str]:
    """The stems of what "Was the election fair?" asks its subject to be (an adjective after a form of "be"); empty for
    another question."""
    words = parsed(question)
    root = next((t for t in words if t.dep_ == "ROOT"), None)
    if root is None or root.lemma_ != "be":
        return frozenset()
    return frozenset(s for t in root.children if t.dep_ == "acomp" and t.pos_ == "ADJ" for s in stems(t.text))


def worded(question: str, holds: bool) -> str:
    """The verdict as the question asks for it: "True."/"False." to "True or false: …", else "Yes."/"No."."""
    if TRUE_OR_FALSE.match(question):
        return TRUE if holds else FALSE
    return YES if holds else NO


TRUE_OR_FALSE = re.compile(r"\s*true or false\b", re.IGNORECASE)
# a correction's own words: what follows was told wrongly ("An article … incorrectly reported that …")
CORRECTED = re.compile(
    r"\b(?:incorrectly|erroneously|wrongly|mistakenly|falsely|inaccurately)\s+"
    r"(?:reported|said|stated|wrote|claimed|identified|described|suggested|indicated)\b",
    re.IGNORECASE,
)
# whom a question names by a pronoun, or names no one: "Is it still working?", "Was anyone hurt?"
UNNAMED_SUBJECT = re.compile(r"\b(?:it|he|she|they|them|him|her|anyone|anybody|someone|somebody|anything)\b", re.I)
# "Was anyone hurt …?" and the sentence that says no one was: "No one was injured in the incident", "nobody was killed"
ANYONE_ASKED = re.compile(r"^\s*(?i:was|were|has|have|had)\s+(?i:anyone|anybody)\s+(?:(?i:been)\s+)?(?P<done>[a-z]+)")
# (not "no one was seriously injured": some may have been, less so)
NO_ONE = re.compile(
    r"\b(?i:no\s+one|nobody|none\s+of\s+the\s+[^,.;]{1,60}?)\s+(?i:was|were|has\s+been|have\s+been|had\s+been)\s+"
    r"(?P<done>[a-z]+)\b(?<!ly)"
)
HARM_WORDS = frozenset({"hurt", "injur", "wound", "harm"})  # stems of one harm, told by any of them
DEATH_WORDS = frozenset({"kill", "die", "dead", "death", "fatal"})  # ... and of the other: "killed" is "died"
HARM_FAMILIES = (HARM_WORDS, DEATH_WORDS)


def tells_harm(words: set[str]) -> bool:
    """Whether these stems hold a word of harm or of death (`HARM_FAMILIES`)."""
    return any(not family.isdisjoint(words) for family in HARM_FAMILIES)


def harm_family(done: str) -> frozenset[str]:
    """The stems that tell the harm of a participle ("killed": kill, die, dead, death, fatal); its own stem alone when it
    is of no family."""
    own = frozenset(stems(done))
    return next((family for family in HARM_FAMILIES if own and own <= family), own)


def same_harm(asked: str, told: str) -> bool:
    """Whether two participles tell one happening: the same stem, or both a word of harm ("hurt", "injured")."""
    asked_stem, told_stem = stems(asked), stems(told)
    both = set(asked_stem) | set(told_stem)
    return bool(asked_stem) and (asked_stem == told_stem or any(both <= family for family in HARM_FAMILIES))


def counts_the_harmed(sentence: str, done: str) -> bool:
    """Whether the sentence tells a number of people suffering `done` (a participle: "killed", "hurt"), as done: "the
    fire that killed one worker", "Two people were injured"; not "could have killed dozens" (see `HEDGED`)."""
    for token in parsed(sentence):
        if token.pos_ == "NOUN" and same_harm(done, token.text) and any(n.dep_ == "nummod" for n in token.children):
            if not counts_none(token):
                return True  # "22 people suffered gunshot wounds, including one fatality"
        if token.pos_ != "VERB" or token.tag_ not in ("VBD", "VBN") or not same_harm(done, token.text):
            continue
        if any(c.dep_ == "neg" for c in token.children):
            continue
        harmed = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
        if set(stems(token.lemma_)) <= DEATH_WORDS:
            harmed += [c for c in token.children if c.dep_ == "nsubj"]  # "A worker … died Wednesday": the one who died
        if any(c.lower_ in ("none", "nobody") or counts_none(c) for c in harmed):
            continue  # "The fire killed no one"
        if any(c.like_num or any(n.dep_ == "nummod" or n.lower_ in ("a", "an") for n in c.children) for c in harmed):
            return True
        if any(c.pos_ == "PROPN" for c in harmed if token.dep_ == "ROOT"):
            return True  # "Luis Ortega died of his burns": a person named
    return False


def counts_none(word) -> bool:
    """Whether a noun is counted as none: "no one", "zero deaths"."""
    return any(n.lower_ in ("no", "zero") for n in word.children)


THERE_BE = re.compile(
    r"^\s*(?i:is|are|was|were|has|have)\s+(?i:there)\s+(?:(?i:been)\s+)?(?:(?i:any|an?|more)\s+)?(?P<thing>\w+)"
)


def one_of_many(thing) -> bool:
    """Whether the question's object is any of several: "any primaries", "a Grammy", "two Oscars"."""
    return thing.tag_ in ("NNS", "NNPS") or any(c.dep_ == "nummod" or c.lower_ in ("a", "an", "any") for c in thing.children)


def asks_of_any(question: str) -> bool:
    """Whether "Did X win …?" asks of winning any one of several things ("any primaries", "a primary"): one of them
    lost is no "No." to it. A plural alone is not ("Did Haley win the primaries?"), nor another verb: "Did Powell
    rule out a March cut?" is "No." when he hasn't."""
    verb, _ = asked_verb_and_subject(question)
    if verb is None or verb.lemma_ not in SECURING_VERBS:
        return False
    things = [c for c in verb.children if c.dep_ == "dobj"]
    return any(d.lower_ in ("a", "an", "any") for thing in things for d in thing.children)


def one_winner_contest(question: str) -> Contest | None:
    """The contest "Did X win …?" asks about when only one wins it ("the Super Bowl", "South Carolina", "best
    picture"); None for any other question, or one that many win ("a Grammy", "two Oscars")."""
    verb, subject = asked_verb_and_subject(question)
    if verb is None or subject is None or verb.lemma_ != "win" or subject.dep_ != "nsubj":
        return None
    contest = contest_of(verb)
    if contest is None:
        return None
    asked = next(c for c in verb.children if c.dep_ in ("dobj", "attr") and c.pos_ in ("NOUN", "PROPN"))
    if one_of_many(asked):
        return None
    # a named contest ("the Super Bowl", "South Carolina") or a race of a named place ("the Iowa caucuses"); not "the
    # game" or "the election" (some other game was won), nor an award's category ("best actress" is the drama's
    # and the comedy's: Emma Stone's win was no loss of Lily Gladstone's)
    if asked.pos_ != "PROPN" and not (asked.lemma_.lower() in ONE_WINNER_RACES and contest.qualifiers):
        return None
    return contest


# races a named place holds, which one side wins: "the Iowa caucuses", "the South Carolina primary"
ONE_WINNER_RACES = frozenset({"primary", "caucus", "caucuses", "election", "race", "runoff", "championship", "final"})
# "Is Trump the presumptive Republican nominee?" asks whether he won the nomination, which is how the news tells it
# ("after securing the presumptive GOP nomination late Tuesday"): the post → the verb and the thing won
POSTS_WON = {"nominee": ("clinch", "nomination"), "champion": ("win", "championship")}
IS_THE_POST = re.compile(
    r"\s*(?:is|are)\s+(?P<holder>.+?)\s+the\s+(?P<kind>(?:[\w.\-]+\s+){0,3}?)(?P<post>nominee|champion)s?"
    r"(?P<rest>\s+(?:for|of|in)\s+[^?]+)?\s*\?*\s*",
    re.IGNORECASE,
)


def as_an_outcome(question: str) -> str | None:
    """ "Is Trump the presumptive Republican nominee?" as the outcome it asks about: "Did Trump clinch the presumptive
    Republican nomination?", which the yes/no verdicts and the outcome search read; None for any other question."""
    asked = IS_THE_POST.fullmatch(question)
    # the holder a name ("Is it true that Trump is …" is none); "still" asks whether it lasts, which one clinching does
    # not settle; a "defending champion" won last time
    if asked is None or re.search(r"\b(?i:still|yet|defending|former)\b", question):
        return None
    if not all(word[:1].isupper() or word.lower() in ("the", "of") for word in asked["holder"].split()):
        return None
    verb, thing = POSTS_WON[asked["post"].lower()]
    return f"Did {asked['holder']} {verb} the {asked['kind']}{thing}{asked['rest'] or ''}?"


# "Is Rubio still in the race?", "Is Haley still running for president?": whether they have not dropped out, which is
# what the news tells ("Marco Rubio exits the presidential race", "she is ending her bid"); "still" is optional, as the
# time reading takes it out of the question the answerers see
STILL_RUNNING = re.compile(
    r"\s*(?:is|are)\s+(?P<who>.+?)\s+(?:still\s+)?(?:in\s+the\s+(?:race|running|contest|campaign)|running|campaigning|"
    r"a\s+candidate)\b[^?]*\?*\s*",
    re.IGNORECASE,
)


# "Is Martin Hale still the emergency director?", "Is Gabriel Attal still prime minister?": whether they have not left the
# post, which the news tells as a resignation ("Martin Hale … resigned on Monday": an outside try got "The articles don't
# say so outright")
STILL_IN_POST = re.compile(
    r"\s*(?i:is|are)\s+(?P<who>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s+(?:still\s+)?(?:the\s+|a\s+|an\s+)?"
    r"(?:[a-z][\w-]*\s+){0,3}(?P<post>[a-z][\w-]*)(?:\s+(?:of|at|for)\s+[^?]+?)?\s*\?*\s*"
)
STILL_ALIVE = re.compile(
    r"\s*(?i:is|are)\s+(?P<who>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s+(?i:still\s+)?(?i:alive)\s*\?*\s*"
)
POSTS_LEFT_BY_RESIGNING = frozenset(
    "director president chair chairman chairwoman ceo minister secretary governor mayor coach manager speaker leader "
    "head chief commissioner superintendent sheriff editor executive treasurer spokesperson spokesman spokeswoman "
    "administrator dean principal senator representative".split()
)


def as_dropping_out(question: str) -> str | None:
    """ "Is Rubio still in the race?" as the event that would end it: "Did Rubio drop out?", whose verdict is the
    question's turned over (`yes_or_no`); "Is Martin Hale still the emergency director?" as "Did Martin Hale resign?";
    "Is Navalny still alive?" as "Did Navalny die?"; None for any other question."""
    if who := still_running_who(question):
        return f"Did {who} drop out?"
    in_post = STILL_IN_POST.fullmatch(question)
    if in_post is not None and in_post["post"].lower() in POSTS_LEFT_BY_RESIGNING:
        return f"Did {in_post['who']} resign?"
    # "Is Alexei Navalny still alive?" was hedged beside "… Navalny, the opposition leader who died this month" (an
    # outside try): alive until told dead
    if (alive := STILL_ALIVE.fullmatch(question)) is not None:
        return f"Did {alive['who']} die?"
    return None


def still_running_who(question: str) -> str | None:
    """Whom "Is Rubio still in the race?" asks about ("Rubio"): a name; None for any other question."""
    asked = STILL_RUNNING.fullmatch(question)
    if asked is None or not all(word[:1].isupper() or word.lower() in ("the", "of") for word in asked["who"].split()):
        return None
    return asked["who"]


# what one runs in: "staying in the race", "remains in the running"
RACE_WORDS = frozenset({"race", "running", "contest", "campaign"})


def stays_in_the_race(sentence: str, who: str) -> bool:
    """Whether the sentence has `who` staying in the race, then or to come: "Haley has committed to staying in the
    race", "Haley vows to stay in race", "Haley remains in the race". One can only stay in a race one is in: it says
    `who` is still running as of its article's day (an outside try: "Is Haley still in the race?" was hedged beside
    it). Not when negated ("did not stay"), nor said of someone else ("Trump urged Haley to stay in the race" names
    Trump as the one who acts, and is left alone)."""
    for token in parsed(sentence):
        if token.lemma_ not in ("stay", "remain") or token.pos_ not in ("VERB", "AUX"):
            continue
        places = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
        if not any(place.lemma_.lower() in RACE_WORDS for place in places):
            continue
        # up to the clause that names the doer: "committed to staying", "vows to stay" (xcomp, pcomp under "to")
        verb = token
        while not any(c.dep_ == "nsubj" for c in verb.children) and verb.dep_ in ("xcomp", "pcomp", "pobj", "prep"):
            verb = verb.head
        doers = [c for c in verb.children if c.dep_ == "nsubj"]
        negated = any(c.dep_ == "neg" for v in {token, verb} for c in v.children)
        if doers and all(doer.pos_ == "PRON" for doer in doers) and verb.dep_ == "ccomp":
            # "Haley said she intended to stay in the race": "she" is whoever says it
            doers = [c for c in verb.head.children if c.dep_ == "nsubj"]
        # (by the surname: "Is Nikki Haley still running?" met "Nikki Haley pledged to stay in the race", two words
        # that no one word of the sentence is)
        if not negated and any(holds_word(doer, who.split()[-1]) for doer in doers):
            return True
    return False


def won_by_whom(question: str, sentence: str) -> bool | None:
    """For "Did X win …?" about a contest only one wins (`one_winner_contest`): True when the sentence has X win it
    by a noun ("… ended Sunday night with a win for the Kansas City Chiefs" for "Did the Chiefs win the Super
    Bowl?"; a verb is `does_what_was_asked`'s to judge), False when it has someone else named win it ("While Trump
    overwhelmingly won South Carolina's Republican primary, …" for "Did Haley win South Carolina?"), None when it
    names no winner of it: a winner told by a pronoun, a share won ("won 17 delegates"), another contest of the kind."""
    contest = one_winner_contest(question)
    if contest is None:
        return None
    _, subject = asked_verb_and_subject(question)
    doc = parsed(sentence)
    for token in doc:
        if token.pos_ == "NOUN" and token.lemma_ in ("win", "victory"):
            # "… with a win for the Kansas City Chiefs", "Trump's victory in …"; not "a path to victory"
            winners = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "for" for g in c.children]
            winners += [c for c in token.children if c.dep_ == "poss"]
            winners = [w for w in winners if w.pos_ == "PROPN"]
            told = contest.named_in(sentence) and contest.head in {t.lemma_.lower() for t in doc}
            # "Donald Trump swept to an easy victory over … Nikki Haley in Tuesday's Republican primary in Michigan": the
            # one a victory is over lost it ("When did Haley win her first primary?" got it, an analyst's try)
            beaten = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "over" for g in c.subtree]
            if told and any(holds_word(b, subject.text) for b in beaten if b.pos_ == "PROPN") and not is_supposed(token):
                return False
            another = any(t.lower_ in ("another", "other") for t in token.subtree)
            if (
                winners
                and told
                and not another
                and token.head.lower_ not in ("to", "for", "toward", "towards")
                and not is_supposed(token)
            ):
                return any(holds_word(w, subject.text) for w in winners)
            continue
        if token.lemma_ not in SECURING_VERBS or token.pos_ != "VERB" or token.tag_ not in ("VBD", "VBN"):
            continue
        if not is_stated(token) or any(c.dep_ == "neg" for c in token.children):
            continue
        winners = [c for c in token.children if c.dep_ == "nsubj"]
        # named as the subject itself: "Trump won", "Oppenheimer won"; not "the Chiefs quarterback", "the actress"
        named = any(w.pos_ == "PROPN" or (w.pos_ == "NOUN" and w.text[:1].isupper()) for w in winners)
        if not named or any(holds_word(w, subject.text) for w in winners):
            continue
        if wins_a_share(token) or of_another_contest(token, contest):
            continue
        for thing in (c for c in token.children if c.dep_ == "dobj"):
            if thing.lemma_.lower() == contest.head or contest.words <= set(stems(" ".join(t.text for t in thing.subtree))):
                return False
    return None


def does_what_was_asked(question: str, sentence: str) -> bool:
    """Whether the sentence has the question's subject do the question's verb ("Did Haley win …?":
    Haley, as the subject of "win"). "Trump defeated … Gov. Nikki Haley …, winning over …" names
    Haley and "win" but has Trump win; "Starting January 1, sesame will join the list" never says
    "add". True when the question is not of that form (no verb with a subject to check)."""
    verb, subject = asked_verb_and_subject(question)
    # "Is Haley still in the race?" asks of "be" as "Did Haley win?" asks of "win": "Haley will drop out
    # of the race" holds its words and settles nothing of the kind
    if verb is not None and (asks_if_done(verb) or verb.pos_ == "VERB") and subject is None:
        # "Did Trump win Iowa?" with no subject read: nothing can be checked, so nothing settles it; nor "Is King
        # Charles working?" ("King" read apart), settled "Yes." by "Prince William returned to royal duties …"
        return False
    if verb is None or (verb.pos_ != "VERB" and verb.lemma_ != "be" and not asks_if_done(verb)) or subject is None:
        return True
    # "Did Haley win the D.C. primary?" is done by "Nikki Haley defeated Donald Trump in Sunday's … primary"
    doing = {verb.lemma_} | (BEATING_VERBS if verb.lemma_ == "win" else set())
    # "Did Haley drop out?" is done by "Haley withdrew from the race" (`SAME_EVENT`)
    asked_form = (verb.lemma_, particle_of(verb))
    others = SAME_EVENT.get(asked_form, ())
    asks_the_future = any(c.lower_ in FUTURE_AUXILIARIES for c in verb.children)
    # "Is the Ridgeback Fire (still) burning?" asks what goes on now: "The Ridgeback Fire, which was contained on April
    # 23, burned 41,500 acres" tells what it did (an outside try got "Yes.")
    ongoing = verb.tag_ == "VBG" and verb.doc[0].lower_ in ("is", "are", "am")
    # "Was the order lifted?", "Has the order been lifted?" (the small parser reads some such subjects as active ones)
    passive = subject.dep_ == "nsubjpass" or (
        verb.tag_ in ("VBD", "VBN") and any(t.lower_ in ("was", "were", "been") for t in verb.doc[: verb.i])
    )
    for token in parsed(sentence):
        if token.lemma_ not in doing and not any(is_form(token, form) for form in others):
            if not (verb.lemma_ == "win" and wins_by_securing(token)):
                continue
        if ongoing and token.tag_ in ("VBD", "VBN"):
            continue
        if token.lemma_ == "be" and token.dep_ in ("aux", "auxpass"):
            continue  # "was rushed to the hospital" is no "is in the hospital"
        if token.pos_ not in ("VERB", "AUX") or (is_infinitive(token) and not done_by_choice(token)) or is_supposed(token):
            continue  # "the Fed forecast three quarter-point cuts", "he expected Haley to drop out": nothing done
        if token.tag_ == "VBG" and token.head.lemma_ in STOPPING:
            continue  # "the Federal Reserve is done raising interest rates" says it has stopped, not that it raised
        if not asks_the_future and any(c.lower_ in FUTURE_AUXILIARIES for c in token.children):
            continue  # "Did Haley drop out?" is not settled by "Haley will drop out … in a Wednesday address"
        doers = [c for c in token.children if c.dep_ in ("nsubj", "nsubjpass")]
        if not doers and token.tag_ == "VBG" and token.head.tag_ in ("VBP", "VBZ"):
            # "The 49ers have eight Super Bowl appearances, winning the title five times": what they have done over
            # the years, in the present tense, does not say they won the one asked about
            continue
        doers = doers or [c for c in token.head.children if c.dep_ in ("nsubj", "nsubjpass")]  # "…, winning over"
        if verb.lemma_ == "win" and token.lemma_ == "win" and wins_a_share(token):
            continue  # "Haley won 43.3% of the vote in the New Hampshire primary" did not win it
        if not beaten_in_what_was_asked(verb, token):
            # "the 49ers … managed to edge past the Lions 34-31, securing a bid in the Super Bowl"; "Did Oppenheimer
            # win best picture?" is not done by "Oppenheimer won seven awards, including Cillian Murphy winning best actor"
            continue
        if token.dep_ == "relcl":
            doers.append(nearest_conjunct(token.head))  # "tahini, which is made from…": "which" is tahini
        # "… of Christie, who opted to suspend his campaign": "who" is Christie
        doers += [nearest_conjunct(d.head.head) for d in doers if d.lower_ in RELATIVE_PRONOUNS and d.head.dep_ == "relcl"]
        # "… Alexei Navalny, the opposition leader who died this month": the leader is Navalny, in apposition
        doers += [d.head for d in doers if d.dep_ == "appos"]
        doers += own_word_speakers(token, doers)
        if any(holds_word(doer, subject.text) for doer in doers):
            return True
        if passive and token.tag_ in ("VBD", "VBZ", "VBP") and is_stated(token):
            # "Was the boil-water order lifted?" is done by "Brantley lifted the last of its boil-water order on Monday":
            # what the passive question's subject undergoes is the active sentence's object (a second outside try
            # was told the articles don't say so outright)
            if any(holds_word(c, subject.text) for c in token.children if c.dep_ == "dobj"):
                return True
    return False


RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def nearest_conjunct(noun):
    """The noun a relative clause hung on `noun` is about: the last of its conjuncts, the one just before the pronoun.
    "… a likely election rematch between Biden and Trump, who visited Eagle Pass" has Trump visit (the parser hangs the
    clause on "Biden"), and "Did Biden visit Eagle Pass?" got "Yes." by it (a fact-checker's try). Its own words only:
    the phrase of the last conjunct, not the coordination's whole subtree."""
    conjuncts = [c for c in noun.children if c.dep_ == "conj"]
    while conjuncts:
        noun = conjuncts[-1]
        conjuncts = [c for c in noun.children if c.dep_ == "conj"]
    return noun


PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we"})


def own_word_speakers(token, doers) -> list:
    """The speakers whose own words the verb is told in, when its doer is a pronoun: "Paul Ryan says he's not ready to
    support Trump" has Ryan not ready; none when the doer is named or the verb is not said (`OWN_WORD_VERBS`)."""
    if not any(d.lower_ in PERSONAL_PRONOUNS for d in doers):
        return []
    clause = token
    while clause.dep_ in ("xcomp", "conj") and clause.head.i != clause.i:
        clause = clause.head  # "says he wants to stay and fight": the clause "wants" heads
    if clause.dep_ != "ccomp" or clause.head.lemma_ not in OWN_WORD_VERBS:
        return []
    return [c for c in clause.head.children if c.dep_ == "nsubj" and c.lower_ not in PERSONAL_PRONOUNS | RELATIVE_PRONOUNS]


def done_by_choice(verb) -> bool:
    """Whether a "to …" verb is done because the verb it hangs from was (`IMPLICATIVE_VERBS`): "who opted to suspend his
    campaign" suspended it; "who plans to suspend" or "may decide to" did not."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_ in IMPLICATIVE_VERBS and head.tag_ in ("VBD", "VBN", "VBZ") and is_stated(head)


def by_another_verb(question: str, sentence: str) -> bool:
    """Whether the sentence has a verb that tells the question's event in other words (`SAME_EVENT`): "withdrew from
    the race" for "Did Haley drop out?"."""
    verb, _ = asked_verb_and_subject(question)
    if verb is None:
        return False
    others = SAME_EVENT.get((verb.lemma_, particle_of(verb)), ())
    return any(is_form(token, form) for token in parsed(sentence) for form in others)


def other_event_words(question: str) -> frozenset[str]:
    """The stems of the verbs that tell the question's event in other words (`SAME_EVENT`): withdraw, suspend, …
    for "Did Haley drop out?"; none for a question whose verb has no such others."""
    verb, _ = asked_verb_and_subject(question)
    if verb is None:
        return frozenset()
    others = SAME_EVENT.get((verb.lemma_, particle_of(verb)), ())
    return frozenset(stem for lemma, _ in others for stem in stems(lemma))


def wins_by_securing(token) -> bool:
    """Whether the verb wins by securing a victory: "Donald Trump clinched victory in the Iowa Caucuses", "claimed a
    win" ("Did Trump win the Iowa caucuses?" was hedged beside it: a web-chat try)."""
    return token.lemma_ in SECURING_VERBS | {"claim"} and any(
        child.dep_ == "dobj" and child.lemma_.lower() in ("victory", "win") for child in token.children
    )


def beaten_in_what_was_asked(asked, beating) -> bool:
    """Whether a beating ("defeated Trump in Sunday's primary") is in what "Did X win …?" asks about: the asked
    object's head word ("primary", "Bowl") among the beating verb's own words, not a later clause's ("…, securing a
    bid in the Super Bowl" beat the Lions in another game). True when the question names no object."""
    objects = [c for c in asked.children if c.dep_ in ("dobj", "attr")]
    if not objects:
        return True
    wanted = objects[0].lemma_.lower()  # "Did the Fed cut rates?" is done by "cut its key rate"
    wanted_stems = stems(objects[0].text)  # ... and "caucuses" by "the Iowa Caucuses", a name the tagger leaves whole
    nested = {t.i for child in beating.children if child.pos_ in ("VERB", "AUX") for t in child.subtree}
    if not any((t.lemma_.lower() == wanted or stems(t.text) == wanted_stems) and t.i not in nested for t in beating.subtree):
        return False
    # "Did Trump win the South Carolina primary?" is not done by "Trump defeated former South Carolina Gov. Nikki
    # Haley in the New Hampshire Republican primary": the place is Haley's title, the primary New Hampshire's
    contest = contest_of(asked)
    return contest is None or not of_another_contest(beating, contest)


class Contest(NamedTuple):
    """What an outcome question asks was won: its head word ("primary", "grammy") and the stems of the words that
    tell it from others of its kind ("south", "carolina"; "album", "year": "the Grammy for album of the year")."""

    head: str
    qualifiers: frozenset[str]

    def named_in(self, text: str) -> bool:
        """Whether `text` holds all the qualifiers ("D.C." is the question's "DC")."""
        return self.qualifiers <= set(stems(text)) | set(stems(text.replace(".", "")))

    @property
    def words(self) -> frozenset[str]:
        """Its head's stem and its qualifiers: the words a sentence about it holds."""
        return self.qualifiers | set(stems(self.head))


def is_passive(verb) -> bool:
    """Whether the verb is a passive: "was won", "were won" (the small parser reads "When were the Iowa caucuses
    won?" as active at times, its subject "nsubj" and its "were" an "aux")."""
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    return any(c.dep_ == "auxpass" or (c.dep_ == "aux" and c.lemma_ == "be") for c in verb.children)


def things_won(verb) -> list:
    """A thing won is the subject of a passive verb of winning: "When were the Iowa caucuses won?" (the follow-up
    "When was that?" after "Who won the Iowa caucuses?"); none for another verb or voice."""
    if verb.lemma_ not in SECURING_VERBS or not is_passive(verb):
        return []
    return [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]


def contest_of(verb) -> Contest | None:
    """The contest the question's verb has as its object, with its qualifiers (`Contest`); None with no noun object."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "attr") and c.pos_ in ("NOUN", "PROPN")]
    if not objects:
        objects = [c for c in things_won(verb) if c.pos_ in ("NOUN", "PROPN")]
    if not objects and verb.lemma_ in BEATING_VERBS:
        # "Who did the Chiefs beat in the Super Bowl?": whom they beat is asked, the contest is where
        where = [c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "at")]
        objects = [g for c in where for g in c.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")]
    if not objects:
        return None
    head = objects[0]
    words = [t for t in head.subtree if t.i != head.i]
    words += [t for c in verb.children if c.dep_ == "prep" and c.lower_ in CONTEST_PREPOSITIONS for t in c.subtree]
    named = stems(" ".join(t.text for t in words if t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")))
    return Contest(head.lemma_.lower(), frozenset(named) - UNSAID_QUALIFIERS - set(stems(head.text)))


# what is won that no race, game or vote is: a prize (an award asked of is its own contest: "Who won the award …?")
PRIZES = frozenset(
    "award prize medal scholarship grant contract lottery jackpot lawsuit case appeal grammy oscar emmy globe tony "
    "pulitzer nobel".split()
)
# the words of a time, a margin or a distance: "in 2 hours 11 minutes", "by 20 points", "by three strokes"
MEASURES = frozenset("hour minute second point stroke lap mile kilometer meter yard vote percent".split())


def of_another_contest(verb, contest: Contest) -> bool:
    """Whether the outcome verb's own words name a contest of the asked kind (its head) told apart by other words
    than the asked one's: "won her 13th career Grammy for pop vocal album" for the Grammy for album of the year;
    "defeated former South Carolina Gov. Nikki Haley in the New Hampshire Republican primary" for the South
    Carolina primary; "won a primary election" some primary. The doer's words, the beaten one's and a later
    clause's are not the contest's; a day is no other contest ("defeated Donald Trump in Sunday's Republican
    primary" may be the D.C. primary)."""
    people = {"nsubj", "nsubjpass"} | ({"dobj"} if verb.lemma_ in BEATING_VERBS else set())
    left_out = {t.i for c in verb.children if c.dep_ in people or c.pos_ in ("VERB", "AUX") for t in c.subtree}
    own = [t for t in verb.subtree if t.i not in left_out]
    heads = [t for t in own if t.lemma_.lower() == contest.head]
    written = " ".join(t.text for t in own)
    if not heads and contest.head not in PRIZES and verb.lemma_ not in BEATING_VERBS:
        # a prize won is no race won: "José Peña won the state's small business award" answered "Who won the Millbrook
        # marathon?" (an analyst's own articles; the marathon's story named its winner too)
        return any(c.dep_ == "dobj" and c.lemma_.lower() in PRIZES for c in verb.children)
    if not heads or contest.named_in(written):
        return False
    # "won a primary election that she was not supposed to win in her first house race": some primary, not the asked one
    nouns = heads + [h.head for h in heads if h.dep_ in ("compound", "amod", "nmod")]
    if any(c.dep_ == "det" and c.lower_ in ("a", "an") for n in nouns for c in n.children):
        return True
    told = {t.i for h in heads for t in h.subtree}
    told |= {t.i for c in verb.children if c.dep_ == "prep" and c.lower_ in CONTEST_PREPOSITIONS for t in c.subtree}
    # (not a measure: "won the men's race in 2 hours 11 minutes" is the men's race, timed)
    words = [
        t.text
        for t in own
        if t.i in told and t.pos_ in ("NOUN", "PROPN", "ADJ") and not DAY.fullmatch(t.text) and t.lemma_.lower() not in MEASURES
    ]
    return bool(set(stems(" ".join(words))) - contest.qualifiers - UNSAID_QUALIFIERS - set(stems(contest.head)))


def wins_a_share(verb) -> bool:
    """Whether a winning verb wins a share of the contest, not the contest: "won 43.3% of the vote", "won 17
    delegates", "won second place", "won the county", "won just shy of 40% of the vote" (the share under an adverb)."""
    if any(c.dep_ == "dobj" and c.lemma_.lower() in SHARES for c in verb.children):
        return True
    measured = [c for c in verb.children if c.dep_ in ("advmod", "npadvmod", "dobj") and c.pos_ in ("ADJ", "ADV", "NOUN")]
    return any(t.text == "%" or t.lemma_.lower() in ("percent", "vote", "delegate") for c in measured for t in c.subtree)


def is_form(token, form: tuple[str, str | None]) -> bool:
    """Whether the verb is `form` (a lemma and its particle) of `SAME_EVENT`, and of what that form needs
    (`SAME_EVENT_OF`): "suspended her campaign", "withdrew from the race"."""
    lemma, particle = form
    if token.lemma_ != lemma or token.pos_ != "VERB":
        return False
    if particle is not None and particle != particle_of(token):
        return False
    wanted = SAME_EVENT_OF.get(form)
    if wanted is None:
        return True
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
    return any(o.lemma_.lower() in wanted for o in objects)


# the particles of phrasal verbs: "drop out", "step down"
PARTICLES = frozenset({"out", "down", "up", "off", "back", "over", "away"})


def particle_of(verb) -> str | None:
    """The verb's particle ("drop out": "out"), also where the parser reads it as a preposition because another
    follows: "Did Nikki Haley drop out of the race?" ("out", then "of the race"). None when it has none."""
    for child in verb.children:
        if child.dep_ == "prt":
            return child.lower_
        if child.dep_ == "prep" and child.lower_ in PARTICLES and child.i == verb.i + 1:
            if any(c.dep_ == "prep" for c in child.children):
                return child.lower_
    return None


def refused_to_do(question: str, sentence: str) -> bool:
    """Whether the sentence has the question's subject refuse (decline, fail) to do the question's verb: "A Calder County
    judge … refused to dismiss a lawsuit" for "Did the judge dismiss the workers' lawsuit?"."""
    verb, subject = asked_verb_and_subject(question)
    if verb is None or subject is None or verb.pos_ != "VERB":
        return False
    asked_subject = set(stems(" ".join(t.text for t in subject.subtree)))
    for token in parsed(sentence):
        head = token.head
        if token.lemma_ != verb.lemma_ or token.dep_ != "xcomp" or head.lemma_ not in REFUSING_VERBS or not is_stated(head):
            continue
        doers = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(asked_subject & set(stems(" ".join(t.text for t in doer.subtree))) for doer in doers):
            return True
    return False


def is_infinitive(verb) -> bool:
    """Whether the verb is a "to …" infinitive: wanted, expected, planned or urged, not done."""
    return any(child.tag_ == "TO" for child in verb.children)


def is_supposed(verb) -> bool:
    """Whether the verb sits under one of believing or expecting: "economists still think the Fed will
    start cutting its rate in June" cuts nothing."""
    return any(head.lemma_ in SUPPOSING_VERBS for head in verb.ancestors)


def holds_every_word(question: str, sentence_stems: set[str]) -> bool:
    """Whether the sentence holds every content word of the question (as stems)."""
    words = [t.text for t in parsed(question) if t.pos_ in CONTENT_POS]
    return bool(words) and set(stems(" ".join(words))) - UNSAID_QUALIFIERS <= sentence_stems


def holds_all_but_the_verb(question: str, sentence_stems: set[str]) -> bool:
    """Whether the sentence holds every word of the question (as stems) but its verb's: "Trump", "nomination"
    of "Did Trump clinch the nomination?"."""
    verb, _ = asked_verb_and_subject(question)
    if verb is None:
        return False
    rest = [t.text for t in parsed(question) if t.pos_ in CONTENT_POS and t.i != verb.i]
    # "Has Nikki Haley dropped out of the presidential race?" is told by "Nikki Haley withdrew from the race"
    return bool(rest) and set(stems(" ".join(rest))) - UNSAID_QUALIFIERS <= sentence_stems


def told_otherwise(question: str, sentence: str) -> bool | None:
    """Whether the sentence tells the asked outcome in other words than the question's (`OUTCOMES`):
    True when it tells it happened ("Russian forces recently took control of … Avdiivka" for "Did
    Avdiivka fall?"), False when it tells the opposite did ("The Federal Reserve held its key interest
    rate steady" for "Did the Federal Reserve cut rates?") or that it did not ("… a March rate cut hasn't
    been ruled out", said by the Powell asked about); None when it tells neither. An opposite anywhere
    in the sentence wins, as being beaten did before: "Trump won Michigan's primary, defeating Haley"
    is "No." for Haley whatever else it says."""
    verb, subject = asked_verb_and_subject(question)
    if verb is None or subject is None or subject.dep_ != "nsubj":
        return None
    says, opposes = OUTCOMES.get(verb.lemma_, ((), ()))
    asked_object = next((c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"), None)
    contest = contest_of(verb)
    found: set[bool] = set()
    for token in parsed(sentence):
        if token.pos_ != "VERB" or not is_stated(token):
            continue
        if contest is not None and not about_the_contest(token, contest):
            continue  # "Trump defeated … Haley in the New Hampshire primary" tells nothing of South Carolina's
        negated = any(c.dep_ == "neg" for c in token.children)
        if token.lemma_ == verb.lemma_ and token.lemma_ in SAID_DONE:
            if said_by(token, subject.text) and same_particle(token, verb) and concerns(token, asked_object):
                found.add(not negated)
            continue
        if token.lemma_ == verb.lemma_:
            continue  # the asked verb is `does_what_was_asked`'s to judge ("Minutes after winning …" leads no verdict)
        for tellings, happened in ((says, True), (opposes, False)):
            if any(tells(token, t, subject.text, asked_object) for t in tellings):
                if negated and not happened:
                    continue  # "did not hold rates steady" tells neither a cut nor its absence
                found.add(happened != negated)
    return False if False in found else (True if found else None)


def about_the_contest(token, contest: Contest) -> bool:
    """Whether an outcome verb is about the asked contest, as far as its words tell: not when they name another of
    its kind (`of_another_contest`), nor when its object is another thing won or lost: "Nikki Haley lost her primary
    to 'none'" (Nevada's) says nothing of "Did Haley win her home state?". An object that is the asked one's head
    word, holds all its words ("the South Carolina primary" for "South Carolina") or is any contest ("lost the race")
    is about it; so is a verb with no object ("defeated Haley in …": Haley is the one beaten, `done_to`)."""
    if of_another_contest(token, contest):
        return False
    if token.lemma_ in BEATING_VERBS:
        # its object is the one beaten; where is the contest: not "in more than a dozen states" (Super Tuesday's) nor
        # "in the New Hampshire primary" for South Carolina's; "in her home state (of South Carolina)" may be it
        where = [g for c in token.children if c.dep_ == "prep" and c.lower_ == "in" for g in c.children if g.dep_ == "pobj"]
        for place in where:
            names = " ".join(t.text for t in place.subtree if t.pos_ == "PROPN")
            named = set(stems(names))
            another = any(d.lower_ in ("another", "other") for d in place.children)  # "in another 2024 contest"
            # a place that names all the asked one's words and more is it: "in Sunday's Republican primary in
            # Washington, D.C." for "the DC primary" (Trump's defeat there was hedged, an outside try)
            other_names = (
                named and not named <= contest.words | UNSAID_QUALIFIERS and not (contest.qualifiers and contest.named_in(names))
            )
            if another or place.tag_ in ("NNS", "NNPS") or other_names:
                return False
        return True
    # any word as object but a pronoun ("lost it"): the parser tags "primary" an adjective at times
    objects = [c for c in token.children if c.dep_ == "dobj" and c.pos_ != "PRON"]
    for thing in objects:
        named = set(stems(" ".join(t.text for t in thing.subtree)))
        if thing.lemma_.lower() == contest.head or thing.lemma_.lower() in ANY_CONTEST or contest.words <= named:
            return True
    return not objects


def tells(token, telling: Telling, subject: str, asked_object: str | None) -> bool:
    """Whether the verb `token` tells the outcome as `telling` does, of `subject` (and the asked object)."""
    if token.lemma_ not in telling.verbs:
        return False
    if telling.same_object and not concerns(token, asked_object):
        return False
    passive = any(c.dep_ in ("nsubjpass", "auxpass") for c in token.children)
    if telling.done_to:
        # "defeating former Gov. Nikki Haley", "Haley was defeated", "took control of … Avdiivka"
        roles = ("nsubjpass",) if passive else ("dobj",)
        done_to = [c for c in token.children if c.dep_ in roles]
        if any(c.lemma_ == "control" for c in done_to):  # "took control of X", the parser hanging "of X" on "took"
            done_to += [c for c in token.children if c.dep_ == "prep" and c.lower_ == "of"]
        return subject_of(token) is not None and any(holds_word(c, subject) for c in done_to)
    if passive:
        doers = [g for c in token.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    else:
        clause = subject_of(token)
        doers = [c for c in clause.children if c.dep_ == "nsubj"] if clause is not None else []
    return any(holds_word(doer, subject) for doer in doers)


def subject_of(token):
    """The verb whose subject is the doer of `token`: itself, or for "…, easily defeating Haley" and
    "after securing the nomination" the clause it hangs from; None when no one is said to do it ("on the
    verge of capturing Avdiivka" captures nothing)."""
    while not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children):
        if token.dep_ in ("advcl", "conj") and token.head.i != token.i:
            token = token.head
        elif token.dep_ == "pcomp" and token.head.lower_ in DONE_PREPOSITIONS:
            token = token.head.head
        else:
            return None
    return token


def is_stated(token) -> bool:
    """Whether the verb is told as done, not wanted, planned, supposed or foretold: "expected to take
    control", "economists think the Fed will hold", "the Fed will hold rates" tell nothing done."""
    return not (is_infinitive(token) or is_supposed(token) or any(c.tag_ == "MD" for c in token.children))


def with_compounds(words: list) -> list:
    """Each of `words` and the nouns compounded into it ("boil-water advisory"), not the phrases that hang off it."""
    return [w for word in words for w in (word, *(c for c in word.children if c.dep_ == "compound"))]


def concerns(token, asked_object: str | None) -> bool:
    """Whether the verb's object is the question's ("held its key interest rate steady": rate; "a March
    rate cut hasn't been ruled out": cut)."""
    objects = [c for c in token.children if c.dep_ in ("dobj", "nsubjpass")]
    # the object and the nouns compounded into it, not what hangs off it: "securing a bid in the Super Bowl" secures
    # a bid, not the Super Bowl
    named = with_compounds(objects)
    return asked_object is not None and any(w.lemma_.lower() == asked_object for w in named)


def same_particle(token, verb) -> bool:
    """Whether the verb has the asked verb's particle: "ruled out" is no "ruled on"."""
    return particle_of(verb) == particle_of(token)


def said_by(token, subject: str) -> bool:
    """Whether a verb done by saying is, in the passive and with no "by …", said by `subject`: in "Powell
    said … a March rate cut hasn't been ruled out" Powell is the one not ruling it out."""
    children = list(token.children)
    if not any(c.dep_ in ("nsubjpass", "auxpass") for c in children) or any(c.dep_ == "agent" for c in children):
        return False
    sayer = next((a for a in token.ancestors if a.lemma_ in SAYING_VERBS), None)
    return sayer is not None and any(c.dep_ == "nsubj" and holds_word(c, subject) for c in sayer.children)


def asked_verb_and_subject(question: str):
    """The question's main verb and its subject ("Did Haley win …?": win, Haley); None for what it lacks.
    The bundled parser reads a name after "Is" as a verb at times ("Is Trump the presumptive nominee?": "Trump"
    the root, "Is" its auxiliary); "be" never helps a verb's bare form, so the name is the subject of "Is"."""
    verb = next((t for t in parsed(question) if t.dep_ == "ROOT"), None)
    if verb is not None and (copula := misread_name_after_copula(verb)) is not None:
        return copula, verb
    if verb is not None and verb.lemma_ == "do" and verb.i == 0:
        # "Did Trump win Michigan?" parsed with "Did" its verb and Michigan its subject ("win" a compound): the bare
        # verb after the name is the asked one ("Yes." came from "Michigan didn't buy what Donald Trump was selling")
        bare = next((t for t in verb.doc[2:] if t.tag_ == "VB" and t.text.islower()), None)
        if bare is None:
            # ... or read as a noun: "Did the FAA ground the Boeing 737 Max 9?" had "ground" the subject of "Did" (the
            # grounding reported was "don't say so outright": a journalist's try); a lower-case word right after a name
            # and right before its object is the verb
            bare = next(
                (
                    t
                    for t in verb.doc[2:-1]
                    if t.tag_ == "NN"
                    and t.text.islower()
                    and t.nbor(-1).pos_ == "PROPN"
                    and t.nbor().pos_ in ("DET", "PROPN", "PRON")
                ),
                None,
            )
        if bare is not None and bare.nbor(-1).pos_ == "PROPN":
            return bare, bare.nbor(-1)
    if verb is not None and verb.lemma_ == "be" and verb.i == 0:
        # "Is the Ridgeback Fire burning?" parsed with "Is" its verb and "burning" its attribute: the -ing word is the
        # verb asked, of the subject before it (nothing was checked, and "Yes." came of a man "badly burned")
        doing = next((c for c in verb.children if c.dep_ in ("attr", "acomp") and c.tag_ == "VBG"), None)
        if doing is not None:
            named = next((t for t in verb.doc[1 : doing.i] if t.dep_ in ("nsubj", "nsubjpass")), None)
            return doing, named
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None) if verb is not None else None
    if subject is None and verb is not None and asks_if_done(verb) and verb.doc[verb.i - 1].pos_ in ("PROPN", "NOUN"):
        # "Did Trump win Iowa?" parsed with "Trump" a compound of "win", as in "a Trump win": the name before the verb
        subject = verb.doc[verb.i - 1]
    if subject is None and verb is not None and verb.lemma_ == "be" and verb.i + 1 < len(verb.doc):
        # "Is Trump on the ballot in Colorado?": the name after "Is" read as an adjective ("trump") is its subject
        after = verb.doc[verb.i + 1]
        if after.head.i == verb.i and after.dep_ in ("acomp", "attr") and after.text[:1].isupper():
            subject = after
    return verb, subject


DONE_AUXILIARIES = frozenset({"did", "does", "do", "has", "have", "had"})


def asks_if_done(verb) -> bool:
    """Whether the question opens "Did …", "Has …" with `verb` (its root) after the subject: whatever the parser tags
    the word ("Did Odysseus land on the moon?": "land" a noun), it is the verb asked."""
    return verb.i >= 2 and verb.doc[0].lower_ in DONE_AUXILIARIES


def misread_name_after_copula(verb):
    """The "Is"/"Was" of a question whose root `verb` is a capitalised word in its bare form right after it: a name
    the parser took for a verb ("Is Trump the presumptive nominee?"); None otherwise."""
    if verb.tag_ != "VB" or not verb.text[:1].isupper() or verb.i == 0:
        return None
    before = verb.doc[verb.i - 1]
    is_copula = before.lemma_ == "be" and before.dep_ in ("aux", "auxpass") and before.head.i == verb.i
    return before if is_copula and before.i == verb.sent.start else None


def holds_word(token, word: str) -> bool:
    """Whether the phrase `token` heads holds `word` ("former South Carolina Gov. Nikki Haley" holds "Haley"), or
    a longer name it is clipped from ("The Federal Reserve" holds "Fed")."""
    if word.lower() in {w.text.lower() for w in token.subtree}:
        return True
    phrase = token.doc[token.left_edge.i : token.right_edge.i + 1].text
    if word.isupper() and word in acronyms(phrase):
        return True  # "The Federal Aviation Administration" is the FAA of "Did the FAA ground the Boeing 737 Max 9?"
    return word[:1].isupper() and clipped_from(word, phrase)


@lru_cache(maxsize=64)
def parsed(text: str):
    """`text` parsed once for both checks of a verdict (the question and its sentence were each parsed twice)."""
    return yes_no_parser()(text)


# the bundled pipeline with its parser and lemmas, no NER: who does what in a yes/no question and its answer
yes_no_parser = dependency_parser


def years_named(text: str) -> set[int]:
    """The years a sentence names: 19xx and 20xx, and an older one after a word that dates it ("in 1146"; "1500
    people" is a count)."""
    years = {int(year) for year in re.findall(r"\b((?:19|20)\d\d)\b", text)}
    return years | {int(year) for year in re.findall(r"\b(?:in|since|from|until|of|before)\s+(1[0-8]\d\d)\b", text)}


def of_another_year(c: Candidate) -> bool:
    """Whether the sentence is about years before its article's: "Trump also did not win the Iowa
    caucuses in 2016", in an article of 2024, says nothing of 2024's caucuses ("before 2023" in an
    article of 2022 still speaks of now)."""
    years = years_named(c.text)
    published = int(c.hit.chunk.published[:4]) if c.hit.chunk.published[:4].isdigit() else None
    return bool(years) and published is not None and max(years) < published


def asked_deed(question: str) -> tuple[str, frozenset[str], str] | None:
    """For "Who sued Carver Valley Power?" the verb's lemma, the stems of what it was done to and the verb as asked
    ("sue", {carver, valley, power}, "sued"); None for another question (not a past deed asked by "who", or one of
    saying: the quote index's)."""
    doc = parsed(question)
    root = next((t for t in doc if t.dep_ == "ROOT"), None)
    if root is None or root.tag_ != "VBD" or root.lemma_ in ("say", "be", "have", "do"):
        return None
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    # what it was done to, or for or against: "Who called for an independent inquiry?" (a second outside try got
    # "Elena Ruiz … said the inquiry was already independent")
    done_to = next((c for c in root.children if c.dep_ == "dobj"), None) or next(
        (g for c in root.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"), None
    )
    if subject is None or subject.lower_ not in ("who", "whom"):
        return None
    # ... or nothing, for a deed done to no one: "Who resigned?" (outside tries got "… said the board accepted the
    # resignation" first, its speaker no one who resigned)
    done = frozenset(stems(" ".join(t.text for t in done_to.subtree))) if done_to is not None else frozenset()
    return root.lemma_, done, root.text


def tells_who_did(sentence: str, deed: tuple[str, frozenset[str], str]) -> bool:
    """Whether the sentence names who did the deed asked ("Six families who lost relatives … sued Carver Valley Power
    on Monday" for "Who sued Carver Valley Power?"): the verb, stated and done, with a subject of its own and the same
    thing done to. "Carver Valley Power chief executive Rachel Dunn said the company had not seen the lawsuit" tells no
    one suing (an outside try led with it)."""
    lemma, done_to, _ = deed
    for token in parsed(sentence):
        if (
            token.lemma_ != lemma
            or token.pos_ != "VERB"
            or token.tag_ not in ("VBD", "VBN", "VBZ", "VBP")
            or not is_stated(token)
        ):
            continue
        if not any(c.dep_ == "nsubj" for c in token.children):
            continue
        if not done_to:
            return True
        objects = [c for c in token.children if c.dep_ == "dobj"] + [
            g for c in token.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"
        ]
        if any(done_to & set(stems(" ".join(t.text for t in o.subtree))) for o in objects):
            return True
    return False


# verbs that tell a state over: "ending a 58-day strike", "lifted the advisory", "Route 9 reopened", "returned to work"
ENDING_VERBS = frozenset(
    "end lift reopen resume restore conclude finish rescind cancel revoke repeal overturn expire settle release free "
    "rescue arrest capture".split()
)
# their forms that tell it done (or doing), not foretold: "will end" and "to end" are VB
ENDING_TAGS = frozenset({"VBD", "VBN", "VBG", "VBZ", "VBP"})
# a word of them (or "return"), read before the parse: "end|lift|…|resum|restor|…" (a final "e" falls before "-ed")
ENDING_WORD = re.compile(rf"\b(?:{'|'.join(sorted(v.removesuffix('e') for v in ENDING_VERBS | {'return'}))})\w*", re.IGNORECASE)
# a clause of what is still to come: "before lifting the order", "until reopening"
NOT_YET = frozenset({"before", "until", "till", "without", "pending"})
# the states whose end "returned to work" tells
WORK_STOPPAGES = frozenset({"strike", "walkout", "lockout", "stoppage", "sickout"})


def asked_state(question: str) -> frozenset[str]:
    """The lemmas of what "Is the port still closed?" asks stays so: its subject's nouns ("port") and the state
    ("close"; "strike" of "on strike", "advisory" and "effect" of "Is the advisory still in effect?")."""
    words: set[str] = set()
    for token in parsed(question):
        if token.dep_ in ("nsubj", "nsubjpass", "pobj", "attr", "acomp", "ROOT") or (
            token.dep_ == "compound" and token.head.dep_ in ("nsubj", "nsubjpass")
        ):
            if token.pos_ in ("NOUN", "PROPN", "VERB", "ADJ") and token.lemma_.lower() not in ("be", "still"):
                words.add(token.lemma_.lower())
    return frozenset(words)


def ends_the_state(sentence: str, state: frozenset[str]) -> bool:
    """Whether `sentence` tells over a state of `state`'s words (`asked_state`): "… ending a 58-day strike" for "Are
    the dockworkers still on strike?", "The city lifted the boil-water advisory" for "Is the advisory still in
    effect?", "Route 9 reopened" for "Is Route 9 still closed?". Told done, not foretold ("the strike will end if …")
    nor denied, nor hoped for ("hopes of an end to a strike": a noun)."""
    # "HARLOW FALLS — River Road reopened …" was parsed with "FALLS" as the subject and the road in apposition
    if (dateline := DATELINE.match(sentence)) is not None:
        sentence = sentence[dateline.end() :].lstrip()
    for token in parsed(sentence):
        if token.pos_ != "VERB" or token.tag_ not in ENDING_TAGS:
            continue
        if token.tag_ in ("VBZ", "VBP") and token.dep_ != "ROOT":
            continue  # "The day this strike ends, we need to be ready": a present in a clause supposes it, as a "when" does
        ended = token.lemma_.lower() in ENDING_VERBS
        back_to_work = token.lemma_.lower() == "return" and any(
            c.dep_ == "prep" and any(g.lower_ == "work" for g in c.children) for c in token.children
        )
        if not (ended or back_to_work):
            continue
        if not is_stated(token) or any(
            c.dep_ == "neg" or (c.dep_ == "mark" and c.lower_ in ("if", "unless")) for c in token.children
        ):
            continue  # foretold ("will end", "to end"), supposed, denied or a condition
        if token.head.lower_ in NOT_YET and token.head.i != token.i:
            continue  # "needed two days of clean samples before lifting the order": not lifted yet
        # the argument's own words ("boil-water advisory"), not its clauses' ("a strike that was the longest at the port"),
        # and what it is part of: "lifted the last of its boil-water order"
        heads = [c for c in token.children if c.dep_ in ("dobj", "nsubj", "nsubjpass")]
        heads += [
            g
            for c in heads
            for of in c.children
            if of.dep_ == "prep" and of.lower_ == "of"
            for g in of.children
            if g.dep_ == "pobj"
        ]
        arguments = {word.lemma_.lower() for word in with_compounds(heads) if word.pos_ in ("NOUN", "PROPN")}
        if arguments & state or (back_to_work and state & WORK_STOPPAGES):
            return True
    return False
