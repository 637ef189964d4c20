"""Whether a weekday named in an article looks forward, read from the dependency parse of its sentence.

`article` asks only when its word rules found no future word in the weekday's clause, and only when the
answer moves the day (not in an article of that very weekday). The weekday's governing verb is the first
verb above it in the parse ("At 1:05 a.m. EST Thursday, SpaceX will try" → try; "prepare for a Wednesday
'lunar orbit insertion'" → prepare; "will increase … on Saturday and more so on Sunday" → increase). It reads
as future when it, or the verb it completes or is coordinated with ("is set to launch", "will rise Saturday
and fall Sunday"), takes "will"/"would"/"shall" (or "may"/"might" without "have"), is "is to" + verb, or is a plan word (prepare, schedule,
set, expect, plan, due …) not in the past tense. A present tense of a day that is the verb's own (not a noun's)
looks forward too: the present progressive ("who is competing in the GOP caucus on Thursday"), the present
simple of a clause of time ("before caucuses begin Monday") or of a statement ("The contract expires at midnight
Saturday", not one of reporting: "says Thursday"), and "beginning"/"starting" ("talks …, beginning Thursday"), unless reported by a past verb ("Stocks are falling
Thursday, traders said"). A past-tense verb on the way up ends the reading: "was expected to land Thursday" is past.

The parser sometimes hangs the day of a report on the reported verb ("said Monday it will cut jobs" → cut),
so a weekday whose nearest verb before it is in the past tense ("said", "died") is past, whatever the parse.

Cost: the sentence's paragraph (at most `_WINDOW` characters each side) is parsed once by the shared spaCy
pipeline (its NER left out), ~5 ms; the pipeline loads on first use (~1 s).
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WINDOW = 400
_FUTURE_MODALS = {"will", "would", "shall", "'ll", "’ll", "wo"}  # "wo" is spaCy's "won't"
# "Tuesday's primaries may push him over the threshold" (an article of Monday 03-11) looks forward; "may have
# pushed" does not (`_governed_by_future` leaves a "have" to the past reading)
_POSSIBLE_MODALS = {"may", "might"}
_PLAN_WORDS = {"prepare", "schedule", "set", "expect", "plan", "slate", "due", "intend", "poise"}
_VERBS = ("VERB", "AUX")
_PRESENT = ("VBZ", "VBP")
# A present-tense clause of time looks forward: "before caucuses begin Monday", "when the polls open Tuesday"
_TIME_CLAUSE_WORDS = {"before", "until", "till", "when", "once", "after"}
_STARTING = {"begin", "start"}
# a present simple of reporting tells a past day in some outlets' style ("Trump says Thursday he will …")
_REPORTING = {"say", "tell", "report", "announce", "confirm", "write"}
# verbs of a state, whose present tells how things stand, not what is scheduled
_STATIVE = {"be", "remain", "stay", "have", "continue", "stand", "lie", "sit", "seem", "appear", "know", "want", "need"}


def weekday_looks_forward(text: str, start: int, end: int) -> bool:
    """Whether the weekday at `text[start:end]` is governed by a future or planned verb."""
    window_start = max(text.rfind("\n", max(0, start - _WINDOW), start) + 1, start - _WINDOW, 0)
    window_end = text.find("\n", end, end + _WINDOW)
    window_end = end + _WINDOW if window_end < 0 else window_end
    doc = _parse(text[window_start:window_end])
    span = doc.char_span(start - window_start, end - window_start, alignment_mode="expand")
    if span is None or not len(span):
        return False
    day = span[-1]
    before = [token for token in day.sent if token.i < day.i and token.pos_ in _VERBS]
    if before and _past(before[-1]):
        return False
    return _governed_by_future(day)


def told_done_before(text: str, start: int, end: int) -> bool:
    """Whether the nearest verb before the weekday at `text[start:end]`, in its sentence, is in the past tense: "Four
    candidates filed papers by Wednesday's deadline" (in a Thursday article) tells the Wednesday before."""
    window_start = max(text.rfind("\n", max(0, start - _WINDOW), start) + 1, start - _WINDOW, 0)
    doc = _parse(text[window_start : end + _WINDOW])
    span = doc.char_span(start - window_start, end - window_start, alignment_mode="expand")
    if span is None or not len(span):
        return False
    before = [token for token in span[-1].sent if token.i < span[-1].i and token.pos_ in _VERBS]
    return bool(before) and _past(before[-1])


@lru_cache(maxsize=256)
def _parse(paragraph: str) -> Doc:
    from ingest.language import pipeline_view

    return pipeline_view("ner")(paragraph)


def _past(verb: Token) -> bool:
    """A past-tense verb ("died", "said"), or one with a past auxiliary ("was expected", "had planned")."""
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if any(aux.lower_ in _FUTURE_MODALS for aux in auxiliaries):
        return False
    return verb.tag_ == "VBD" or any(aux.tag_ == "VBD" or aux.lemma_ == "have" for aux in auxiliaries)


def _governed_by_future(day: Token) -> bool:
    verb, plan = day, False
    while verb.pos_ not in _VERBS or verb.dep_ == "amod":
        if verb.head.i == verb.i:  # a root is its own head (a new Token object each time: never `is`)
            return False
        verb = verb.head
        plan = plan or verb.lemma_.lower() in _PLAN_WORDS and verb.pos_ in ("ADJ", "VERB")  # "is due Tuesday"
    # the day is the verb's own ("competing on Thursday", "begin Monday"), not a noun's ("facing criticism after
    # his remarks Thursday", "instead of last year's Saturday"): only then does a present tense schedule it
    own_day = day.head.i == verb.i or (day.head.dep_ == "prep" and day.head.head.i == verb.i)
    own_day = own_day and not any(child.dep_ == "poss" for child in day.children)
    while True:
        auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
        if any(aux.lower_ in _FUTURE_MODALS for aux in auxiliaries):
            return True
        if any(aux.lower_ in _POSSIBLE_MODALS for aux in auxiliaries) and not any(a.lemma_ == "have" for a in auxiliaries):
            return True
        if _past(verb):
            return False
        if verb.tag_ == "VB" and "to" in {aux.lower_ for aux in auxiliaries}:
            to_be = [aux for aux in auxiliaries if aux.lemma_ == "be"] or [verb.head] * (verb.dep_ == "xcomp")
            if to_be and to_be[0].lemma_ == "be" and to_be[0].tag_ in ("VBZ", "VBP"):
                return True  # "SpaceX is to launch Thursday"
        if plan or verb.lemma_.lower() in _PLAN_WORDS:
            return True
        if own_day and _present_schedule(verb, auxiliaries):
            return True
        if _infinitive_of_a_present(verb):
            return True
        if verb.dep_ not in ("xcomp", "conj") or verb.head.i == verb.i:
            return False
        verb = verb.head


def _infinitive_of_a_present(verb: Token) -> bool:
    """A to-infinitive (or one coordinated with it) whose first finite verb above is not past, or that has none: what
    is meant or hoped for is yet to come. "… the loss of desire to make a seven-layer dip and invite your friends over
    to watch Super Bowl LVIII at 6:30 p.m. Sunday" (a Saturday article) was read as the Sunday before, and "When was
    the Super Bowl?" answered with it; "gathered to protest Saturday" is past, its "gathered" told done."""
    infinitive = verb
    while infinitive.dep_ == "conj" and not any(child.lower_ == "to" for child in infinitive.children):
        if infinitive.head.i == infinitive.i:
            break
        infinitive = infinitive.head
    if infinitive.tag_ != "VB" or not any(child.lower_ == "to" and child.dep_ == "aux" for child in infinitive.children):
        return False
    above = infinitive
    while above.head.i != above.i:
        above = above.head
        auxiliaries = [child for child in above.children if child.dep_ in ("aux", "auxpass")]
        finite = above.tag_ in ("VBD", "VBZ", "VBP") or any(aux.tag_ in ("VBD", "VBZ", "VBP", "MD") for aux in auxiliaries)
        if above.pos_ in _VERBS and finite:
            return not _past(above) and above.lemma_ not in _REPORTING
    return True  # an imperative or a headline's: nothing above tells it done


def _present_schedule(verb: Token, auxiliaries: list[Token]) -> bool:
    """A present tense that tells what is to come: the present progressive ("who is competing in the GOP caucus
    on Thursday", "are meeting Friday"), or the present simple of a clause of time ("before caucuses begin
    Monday", "when the polls open Tuesday", "until the votes are counted Friday")."""
    reporter, reported_past = verb, False
    while reporter.dep_ in ("ccomp", "parataxis", "xcomp") and reporter.head.i != reporter.i:
        reporter = reporter.head
        if reporter.pos_ in _VERBS and _past(reporter):
            reported_past = True  # reported as of a past day: "Stocks are falling Thursday, traders said"
            break
    be = [aux for aux in auxiliaries if aux.lemma_ == "be"]
    if verb.tag_ == "VBG" and be and be[0].tag_ in _PRESENT and be[0].dep_ == "aux":
        return not reported_past
    if verb.tag_ == "VBG" and not auxiliaries and verb.lemma_ in _STARTING:
        return not reported_past  # "summoned them to emergency talks …, beginning Thursday" (a Wednesday): the next day
    present = verb.tag_ in _PRESENT or (verb.tag_ == "VBN" and be and be[0].tag_ in _PRESENT)
    if not present:
        return False
    if (
        verb.dep_ in ("ROOT", "relcl", "ccomp")
        and verb.tag_ in _PRESENT
        and verb.lemma_ not in _REPORTING
        and verb.lemma_ not in _STATIVE
    ):
        # a statement's own present simple schedules: "The contract expires at midnight Saturday", as a relative
        # clause's does ("said acting City Manager Dana Whitfield, who takes over on Saturday", a Friday article) and a
        # reported one's ("Klein said his resignation takes effect Friday", a Thursday article); not a state ("said
        # the bridge remains closed Monday")
        return True
    if reported_past or verb.dep_ != "advcl":
        return False
    return any(child.dep_ in ("mark", "advmod") and child.lower_ in _TIME_CLAUSE_WORDS for child in verb.children)
