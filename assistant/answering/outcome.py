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
3. Of the contest asked about (`asked_contest`): a verb that names one of its kind names it as the question does
   ("won her 13th career Grammy for pop vocal album" is no Grammy for album of the year; "defeated former South
   Carolina Gov. Nikki Haley in the New Hampshire Republican primary" no South Carolina primary), wins it rather
   than a share of it ("won 43.3% of the vote"), and names no edition older than one the articles name ("Super
   Bowl 56" beside "Super Bowl LVIII").
4. When no retrieved passage reports it, the rest of the retrieved articles of the year are read for a sentence
   that does (`ExtractiveAnswerer.outcome_elsewhere`): a live blog's previews can outrank its opening report.
"""

from __future__ import annotations

import re
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from assistant.answering.question import TALLY_HEADS, analyze
from assistant.answering.verdict import (
    BEATING_VERBS,
    DONE_PREPOSITIONS,
    PARTICLES,
    SAME_EVENT,
    SECURING_VERBS,
    Contest,
    contest_of,
    done_by_choice,
    holds_word,
    is_form,
    is_infinitive,
    is_stated,
    is_supposed,
    of_another_contest,
    of_another_year,
    parsed,
    particle_of,
    subject_of,
    things_won,
    wins_a_share,
)
from assistant.search.words import stems

if TYPE_CHECKING:
    from spacy.tokens import Token

    from assistant.answering.extractive import Candidate

# verbs whose past tense reports an outcome that a later one of the same kind replaces
OUTCOME_VERBS = frozenset(
    {"win", "elect", "name", "appoint", "choose", "select", "crown", "nominate", "award", "clinch", "secure"} | BEATING_VERBS
)
# outcomes that a win reports: "Who was elected president of Taiwan?" by "Lai Ching-te emerged victorious in Taiwan's
# presidential election"
WON_BY_WINNING = frozenset({"win", "elect"})
# outcomes that put someone in a post, which "became" reports as well
APPOINTING = frozenset({"appoint", "name", "elect", "choose", "select", "nominate", "crown"})
# nouns that report a won outcome ("scoring the biggest victory in the history of the Iowa caucuses")
OUTCOME_NOUNS = frozenset({"victory", "win", "winner", "champion"})
# the stems of the words that tell a win, as a sentence's `Candidate.stems` hold them ("won" is a stem of its own)
WINNING_STEMS = frozenset(stems(" ".join(OUTCOME_VERBS | OUTCOME_NOUNS | {"won"})))
# a title of an earlier outcome, not the report of one: "face off against the defending champions"
TITLE_WORDS = frozenset({"defending", "reigning", "former", "previous", "last", "past"})
ASKING_KINDS = ("who", "which", "what", "yes_no", "when")  # "Did the Chiefs win the Super Bowl?" asks after the latest too
PAST = ("VBD", "VBN")
YEAR = re.compile(r"\b(?:1[89]|20)\d\d\b")
OUTCOME_DAYS = 366  # the latest outcome is reported at most this long before the asking day
NO_OUTCOME_REPORTED = "No article here reports that outcome; the closest they come:"
# "When did Navalny die?" asked before any article tells that he did: what comes closest is no answer
NO_EVENT_REPORTED = "No article here tells that it happened; the closest they come:"
MODALS = frozenset({"will", "would", "can", "could", "may", "might", "should", "must", "shall"})


def asked_outcome_verb(question: str) -> str | None:
    """The lemma of the outcome verb the question asks after in the past tense ("Who won the Oscar for best
    actor?": "win"); None when it asks after none ("Who is the Boeing CEO?", "Who will win in November?")."""
    if YEAR.search(question):
        return None  # "at the 2024 Golden Globes" names its year
    return outcome_verb_of(question)


def outcome_verb_of(question: str) -> str | None:
    """`asked_outcome_verb`, a year named or not."""
    if analyze(question).kind not in ASKING_KINDS:
        return None
    misread = verb_after_did(parsed(question))
    if misread is not None and misread.lower_ in OUTCOME_VERBS:
        return misread.lower_  # after "did" the word is in its base form: its lemma
    for word in parsed(question):
        if word.lemma_ not in OUTCOME_VERBS or word.pos_ != "VERB" or any(c.lower_ in MODALS for c in word.children):
            continue
        # "Who won …?", "Who was elected …?", or with "did": "Who did Trump beat in New Hampshire?"
        if word.tag_ in PAST or (word.tag_ == "VB" and any(child.lower_ == "did" for child in word.children)):
            return word.lemma_
    return None


def outcome_after(question: str, as_of: date) -> str | None:
    """The year a question asks after an outcome of, in the past tense, when it is after the asking day's: "Who won
    the 2025 Super Bowl?" asked 2024-01-19 ("2025"). No article of that day can report it; an outside try got the
    Rams' 1945 title. None for any other question (a plan, "Who will win in 2025?", is news of its day)."""
    later = [int(year[0]) for year in YEAR.finditer(question) if int(year[0]) > as_of.year]
    if not later or outcome_verb_of(question) is None:
        return None
    return str(min(later))


def asks_an_outcome(question: str) -> bool:
    """Whether the question asks who or what came out of an event, in the past tense (see the module)."""
    return asked_outcome_verb(question) is not None


def event_words(question: str) -> frozenset[str]:
    """The stems of the nouns the question's outcome verb is about, its subject aside ("Who won the Oscar for best
    actor?": oscar, actor; "Who did Trump beat in New Hampshire?": new, hampshir); empty when it names none."""
    doc = parsed(question)
    misread = verb_after_did(doc)
    if misread is not None and misread.lower_ in OUTCOME_VERBS:  # no parse under a misread verb: the nouns after it
        return frozenset(stems(" ".join(t.text for t in doc[misread.i + 1 :] if t.pos_ in ("NOUN", "PROPN"))))
    for word in doc:
        if word.lemma_ in OUTCOME_VERBS and word.pos_ == "VERB":
            about = [c for c in word.children if c.dep_ not in ("nsubj", "nsubjpass", "aux", "auxpass", "neg")]
            about += things_won(word)  # "When was the Super Bowl won?"
            nouns = [t.text for c in about for t in c.subtree if t.pos_ in ("NOUN", "PROPN")]
            return frozenset(stems(" ".join(nouns)))
    return frozenset()


def asked_contest(question: str) -> Contest | None:
    """What the question's outcome verb has as its object, with the words that tell it from others of its kind
    ("Who won the Grammy for album of the year?": grammy; album, year); None when it names none."""
    for word in parsed(question):
        if word.lemma_ in OUTCOME_VERBS and word.pos_ == "VERB":
            return contest_of(word)
    return None


def tallied_contest(question: str) -> Contest | None:
    """The contest whose score a question asks ("What was the score of the Super Bowl?": bowl; super), or None."""
    for word in parsed(question):
        if word.lower_ not in TALLY_HEADS:
            continue
        for prep in (c for c in word.children if c.dep_ == "prep" and c.lower_ in ("of", "in", "at")):
            for thing in (g for g in prep.children if g.dep_ == "pobj" and g.pos_ in ("NOUN", "PROPN")):
                qualifiers = [t.text for t in thing.subtree if t.i != thing.i and t.pos_ in ("NOUN", "PROPN", "ADJ", "NUM")]
                return Contest(thing.lemma_.lower(), frozenset(stems(" ".join(qualifiers))))
    return None


def latest_report(
    candidates: list[Candidate],
    verb: str,
    news_day: date | None,
    event: frozenset[str] = frozenset(),
    contest: Contest | None = None,
    read: list[Candidate] | None = None,
) -> Candidate | None:
    """The newest of the candidates that reports the outcome as done, within a year of `news_day` (see the
    module), of the event asked about (`event_words`, `asked_contest`) when one is named; None when none does.
    A numbered edition of the contest older than one named in the sentences `read` (all those retrieved) is another
    year's (`earlier_edition`)."""
    latest = max((n for c in (read or candidates) for n in editions(c.text, contest)), default=None)
    reported = [
        c
        for c in candidates
        if states_an_outcome(c, verb, event, contest)
        and within_a_year(c, news_day)
        and not earlier_edition(c, contest, latest)
        and names_the_contest(c, contest)
    ]
    return max(reported, key=lambda c: (c.hit.chunk.published_int, c.score), default=None)


def tells_a_winner(c: Candidate, contest: Contest | None) -> bool:
    """Whether the sentence may tell who won the one-winner contest a yes/no question asks about
    (`verdict.one_winner_contest`), whoever it names: it holds the contest's words and one of winning."""
    if contest is None or WINNING_STEMS.isdisjoint(c.stems):
        return False
    return contest.named_in(c.text) and set(stems(contest.head)) <= c.stems


def names_the_contest(c: Candidate, contest: Contest | None) -> bool:
    """Whether the sentence, or its article's title, names the contest's qualifiers: a win told with no contest of
    its own ("Nikki Haley lost her primary to 'none' but still won", in a Nevada story) is not a report of the South
    Carolina primary, asked about a fortnight before it was held. The passage is not enough: the Nevada story's
    goes on to "Trump expressed confidence in … South Carolina primary a few weeks later"."""
    if contest is None or not contest.qualifiers:
        return True
    return contest.named_in(f"{c.hit.chunk.title}\n{c.text}")


ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}


def editions(text: str, contest: Contest | None) -> list[int]:
    """The edition numbers the text gives the contest: "Super Bowl 56", "Super Bowl LVIII" (its head word, then a
    number, Arabic or Roman). Not an ordinal before it: "her 13th career Grammy" counts her wins."""
    if contest is None:
        return []
    head = re.escape(contest.head)
    found = [
        m.group(1) for m in re.finditer(rf"\b{head}\w*\s+(\d{{1,3}}|[IVXLC]{{1,8}})\b(?!\s*(?:%|percent))", text, re.IGNORECASE)
    ]
    return [n for n in (edition_number(f) for f in found) if n]


def edition_number(written: str) -> int | None:
    """ "56" → 56, "LVIII" → 58; None for what is no Roman numeral (the "I" of "Super Bowl I" counts, 1)."""
    if written.isdigit():
        return int(written)
    if not written.isupper():
        return None
    values = [ROMAN[ch] for ch in written]
    return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))


def earlier_edition(c: Candidate, contest: Contest | None, latest: int | None) -> bool:
    """Whether the sentence names an edition of the contest older than the `latest` named among the candidates:
    "The Super Bowl 56 win was the Rams' last playoff appearance" is not about Super Bowl LVIII, two years on."""
    numbers = editions(c.text, contest)
    return latest is not None and bool(numbers) and max(numbers) < latest


def within_a_year(c: Candidate, news_day: date | None) -> bool:
    """Whether the candidate's article is of the year before `news_day`: the latest of a yearly outcome is
    reported within it ("Who won the Iowa caucuses?" on 2024-01-16 was answered with Gerald Ford's 1976 win,
    told in an article of 2020)."""
    return within_a_year_of(c.hit.chunk.published, news_day)


def within_a_year_of(published: str, news_day: date | None) -> bool:
    """Whether an article published on `published` (ISO) is of the year before `news_day` (`within_a_year`)."""
    return news_day is None or not published or (news_day - date.fromisoformat(published)).days <= OUTCOME_DAYS


def states_an_outcome(c: Candidate, verb: str, event: frozenset[str] = frozenset(), contest: Contest | None = None) -> bool:
    """Whether the candidate's sentence reports the outcome as done (see the module): "Super Bowl 58 ended
    Sunday night with a win for the Kansas City Chiefs" does, "Why each Republican candidate can win the Iowa
    Caucuses" does not. With `event`, a win told by a noun names some of it in its clause: "the 49ers staged an
    impressive comeback win over the Detroit Lions" is a win, but not the Super Bowl asked about. With `contest`, a
    verb naming one of its kind names it with its qualifiers ("won her 13th career Grammy for pop vocal album" is not
    the one for album of the year), and a win of a share ("won 43.3% of the vote") is not one of the contest."""
    if of_another_year(c):
        return False
    # a win is reported by a beating and a beating by a win: "Who did Trump beat?" by "Trump defeated … Haley"
    beating = verb == "win" or verb in BEATING_VERBS
    reporting = {verb} | (BEATING_VERBS | {"win"} if beating else set())
    if verb in WON_BY_WINNING:
        # "Lai Ching-te won Taiwan's presidential election", "Rep. Kevin McCarthy clinched the election to become …
        # speaker of the House", when it names the event asked
        reporting |= SECURING_VERBS
    for token in parsed(c.text):
        if token.lower_ == "victorious" and verb in WON_BY_WINNING and not is_denied(token.head):
            if of_the_event(token, event, contest) and not victorious_elsewhere(token, event, contest):
                return True  # "Lai Ching-te emerged victorious in Taiwan's presidential election"
            continue
        # ... and a win "over" someone tells who was beaten: "the 49ers staged an impressive 34-31 comeback win over the
        # Detroit Lions" answers "Which team did the 49ers beat …?" (an outside try was told no article reported it)
        beaten_by_a_win = verb in BEATING_VERBS and any(c.dep_ == "prep" and c.lower_ == "over" for c in token.children)
        if token.pos_ == "NOUN" and token.lemma_ in OUTCOME_NOUNS and (verb in WON_BY_WINNING or beaten_by_a_win):
            # "ended with a win for the Chiefs", "scoring the biggest victory"; not "a path to victory", "a bid for a win"
            if not (
                (token.head.lower_ in ("to", "for", "toward", "towards") and not carried_to(token))
                or is_supposed(token)
                or is_wished(token)
                or is_denied(token)
                or any(c.lower_ in TITLE_WORDS for c in token.children)
                or is_anyones(token)
                or token.dep_ == "compound"  # "a Super Bowl victory parade": the sentence is the parade's
                # "marking his several victories on Super Tuesday": several contests, not the one asked of
                or (token.tag_ == "NNS" and contest is not None)
            ):
                if of_the_event(token, event, contest):
                    return True
            continue
        if verb in APPOINTING and event and token.lemma_ == "become" and token.tag_ in PAST and not is_denied(token):
            # "Gabriel Attal became France's youngest … prime minister on Tuesday": a post taken is a post given
            if any(not event.isdisjoint(stems(" ".join(t.text for t in c.subtree))) for c in token.children if c.dep_ == "attr"):
                return True
            continue
        if token.lemma_ not in reporting or token.pos_ != "VERB":
            continue
        # a "to …" done because the vote or choice it hangs from was, of the asked verb itself: "The board … voted 6-1
        # on Monday to name Marcus Reyes executive director" named him ("Who was named …?" said no article reported it:
        # a researcher's corpus); "managed to edge past the Lions …, securing a bid in the Super Bowl" beat them in
        # another game
        chosen = token.lemma_ == verb and done_by_choice(token)
        if not (token.tag_ in PAST or done_along(token) or chosen):
            continue
        if (
            (is_infinitive(token) and not chosen)
            or is_supposed(token)
            or is_denied(token)
            or is_a_tally(token)
            or is_conditional(token)
        ):
            continue
        if looks_back(token) or of_an_earlier_contest(token, contest):
            # "Trump had defeated Haley in previous contests in Iowa, New Hampshire, …", in a March story; "the first
            # state he won in the last competition"
            continue
        if token.tag_ == "VBG" and any(c.dep_ == "aux" and c.lemma_ == "have" for c in token.children):
            continue  # "all of them currently have winning records": "winning" describes, the parser read a verb
        if is_a_comparison(token) or is_habitual(token):
            # "… a smaller percentage of total electoral votes than any party has ever won", "She has generally beaten
            # Sanders handily among non-white primary voters": no win of the contest asked about is reported
            continue
        if token.lemma_ != verb and not beating and not of_the_event(token, event, contest):
            continue
        if token.lemma_ in ("clinch", "secure") and token.lemma_ != verb and not secures_the_outcome(token, contest):
            continue  # "…, securing a bid in the Super Bowl" won a place in it, not the game
        if (token.lemma_ == "win" and wins_a_share(token)) or (contest is not None and of_another_contest(token, contest)):
            continue
        if done_along(token) and contest is not None and of_another_contest(token.head, contest):
            continue  # "won Michigan's Republican primary, defeating … Haley in another 2024 contest": Michigan's too
        if any(
            d.dep_ == "det" and d.lower_ in ("another", "a", "an")
            for p in token.children
            if p.dep_ == "prep" and p.lower_ in ("in", "at")
            for o in p.children
            for d in o.children
        ) or (contest is not None and won_one_of_many(token)):
            # "… in another 2024 contest" is not the one asked about, nor is "beat back a challenge from Donald Trump
            # in a home-state election" the presidential election
            continue
        return True  # a verb's own subject and object tell what was won ("Putin won his fifth term")
    return False


# what is clinched or secured when an outcome is: "clinched the election", "secured the nomination"; not "a bid"
SECURED_OUTCOMES = frozenset({"election", "nomination", "victory", "win", "title", "championship", "seat", "race"})


def secures_the_outcome(verb, contest: Contest | None) -> bool:
    """Whether "clinched"/"secured" has the outcome for its object ("clinched the election"), or the asked contest."""
    things = {c.lemma_.lower() for c in verb.children if c.dep_ == "dobj"}
    return bool(things & SECURED_OUTCOMES) or (contest is not None and contest.head in things)


def carried_to(noun) -> bool:
    """Whether a win told as "to victory" is reached, as a past verb tells: "Trump rolled to victory Saturday", "led
    the Chiefs to victory"; not "a path to victory", "hoping to ride it to victory"."""
    verb = noun.head.head
    return noun.head.dep_ == "prep" and verb.pos_ == "VERB" and verb.tag_ in PAST and not (is_supposed(verb) or is_denied(verb))


def done_along(verb) -> bool:
    """Whether a verb in "-ing" is done with the past verb it hangs from: "Trump rolled to victory …, easily defeating
    former Gov. Nikki Haley" defeated her; "is defeating" and "hopes of defeating" did not yet."""
    head = verb.head
    return verb.tag_ == "VBG" and verb.dep_ == "advcl" and head.pos_ == "VERB" and head.tag_ in PAST and not is_supposed(head)


def is_anyones(noun) -> bool:
    """Whether a win told by a noun is anyone's, with nobody named to have it: "the celebration of a Super Bowl win
    is a moment that brings a joy …"; not "a win for the Kansas City Chiefs", "a win over Haley", "Trump's victory"."""
    indefinite = any(c.dep_ == "det" and c.lower_ in ("a", "an", "any", "every") for c in noun.children)
    return indefinite and not any(c.dep_ == "prep" and c.lower_ in ("for", "by", "over", "against") for c in noun.children)


def won_one_of_many(verb) -> bool:
    """Whether the verb wins "a" thing of a kind, some edition or other: "Stafford — who won a Super Bowl after he was
    traded to the Rams" tells no winner of this year's."""
    return any(
        d.dep_ == "det" and d.lower_ in ("a", "an", "another") for o in verb.children if o.dep_ == "dobj" for d in o.children
    )


def is_a_comparison(verb) -> bool:
    """Whether the verb is a yardstick, not a report: "than any party has ever won", "as no one has won before"; its
    doer anyone or no one ("any party", "no candidate")."""
    if any(c.dep_ == "mark" and c.lower_ in ("than", "as") for c in verb.children):
        return True
    doers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(d.lower_ in ("any", "no", "every") for doer in doers for d in doer.children if d.dep_ == "det")


HABITUAL = frozenset({"generally", "usually", "often", "always", "typically", "consistently", "regularly", "repeatedly"})


def is_habitual(verb) -> bool:
    """Whether the verb tells what is done as a rule or over a group, not one outcome: "has generally beaten Sanders",
    "beaten … among non-white primary voters"."""
    return any(c.dep_ == "advmod" and c.lower_ in HABITUAL for c in verb.children) or any(
        c.dep_ == "prep" and c.lower_ == "among" for c in verb.children
    )


EARLIER = frozenset({"last", "previous", "past", "prior", "earlier"})
# what "in the last …" names as an earlier contest: "won in the last competition", "in the last election"
CONTESTS = frozenset({"competition", "contest", "election", "race", "primary", "caucus", "cycle", "season", "campaign"})


def of_an_earlier_contest(verb, contest: Contest | None) -> bool:
    """Whether the verb's win is placed in an earlier contest: "the first state he won in the last competition"."""
    heads = CONTESTS | ({contest.head} if contest is not None else set())
    return any(
        obj.lemma_.lower() in heads and any(d.lower_ in EARLIER for d in obj.children if d.dep_ in ("amod", "det"))
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in ("in", "at", "during")
        for obj in prep.children
        if obj.dep_ == "pobj"
    )


def looks_back(verb) -> bool:
    """Whether the verb is in the past perfect ("had defeated", "had won"): an outcome told as the background of another
    story, not reported as news; the report of the night says "defeated". Or dated to an earlier year by its own words:
    "Smith, who won best actor last year for 'King Richard'" (in a preview of the next ceremony, which "Who won the
    Oscar for best actor?" took for the newest report: a reader's try)."""
    if any(c.dep_ == "aux" and c.lower_ == "had" for c in verb.children) and verb.tag_ == "VBN":
        return True
    return any(
        c.dep_ == "npadvmod" and c.lemma_.lower() == "year" and any(w.lower_ in ("last", "previous") for w in c.children)
        for c in verb.children
    )


def is_conditional(verb) -> bool:
    """Whether the verb is only a condition: "He promised not to move toward unifying … if elected", "Donalds would
    make history were he elected" (the auxiliary before its subject)."""
    if any(child.dep_ == "mark" and child.lower_ in ("if", "unless", "whether", "once") for child in verb.children):
        return True
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subject is not None and any(
        c.dep_ in ("aux", "auxpass") and c.lower_ in ("were", "had", "should") and c.i < subject.i for c in verb.children
    )


def is_wished(token) -> bool:
    """Whether the noun stands in a clause to come, not done: "a great case to be their conference's champion",
    "could be the winner"."""
    clause = next((a for a in token.ancestors if a.pos_ in ("VERB", "AUX")), None)
    return clause is not None and (is_infinitive(clause) or is_denied(clause))


def words_of_the_event(contest: Contest | None, event: frozenset[str]) -> frozenset[str]:
    """The words that tell the event asked about: its contest's ("golden", "globe", "best", "drama"), or the event's
    own words when it names no contest (`asked_contest`, `event_words`)."""
    return contest.words if contest is not None else event


def victorious_elsewhere(token, event: frozenset[str], contest: Contest | None) -> bool:
    """Whether "victorious" is at or in a named event that is not the one asked about: "Both snagged Golden Globes, Stone
    was victorious at Critics Choice and BAFTA" tells no Golden Globe won ("Lai Ching-te emerged victorious in
    Taiwan's presidential election" is Taiwan's, asked "Who was elected president of Taiwan?")."""
    asked = words_of_the_event(contest, event)
    named = [
        t.text
        for prep in [*token.children, *token.head.children]  # "was victorious at …": the preposition is the verb's
        if prep.dep_ == "prep" and prep.lower_ in ("at", "in")
        for t in prep.subtree
        if t.pos_ == "PROPN"
    ]
    return bool(named) and bool(asked) and asked.isdisjoint(stems(" ".join(named)))


def of_the_event(token, event: frozenset[str], contest: Contest | None = None) -> bool:
    """Whether the clause the outcome word stands in names some of the event asked about (any, when none is asked),
    and no other contest of its kind (`of_another_contest`): "Donald Trump's margin of victory over former South
    Carolina Gov. Nikki Haley stood at 11.3 percentage points … in the New Hampshire Republican primary"."""
    clause = token
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if contest is not None and of_another_contest(clause, contest):
        return False
    return not event or not event.isdisjoint(stems(" ".join(t.text for t in clause.subtree)))


def is_a_tally(verb) -> bool:
    """Whether the verb counts wins over the years rather than reporting one: "The Detroit Lions have won one
    NFL playoff game in the Super Bowl era", "Carter and Bob Dole, who each won two opposed Iowa caucuses". A
    present perfect of a counted object, or "each"; "Oppenheimer won seven awards" (one night's) is no tally."""
    perfect = any(child.lemma_ == "have" and child.tag_ in ("VBP", "VBZ") for child in verb.children)
    counted = any(grand.dep_ == "nummod" for child in verb.children if child.dep_ == "dobj" for grand in child.children)
    distributive = any(word.lower_ == "each" for child in verb.children for word in child.subtree if child.dep_ != "dobj")
    # "has won only once", "won twice": a career's count of wins ("won once again" is one more)
    again = any(t.lower_ == "again" for t in verb.subtree)
    times = not again and any(c.dep_ == "advmod" and c.lower_ in ("once", "twice") for c in verb.children)
    return (perfect and counted) or distributive or (perfect and times)


def is_denied(token) -> bool:
    """Whether the word is negated or only possible: "have never won a Super Bowl", "can win", "zero wins"."""
    return any(child.dep_ == "neg" or child.lower_ in MODALS or child.lower_ in ("no", "zero") for child in token.children)


# Past events, told as done or only foretold ("When did the Odysseus lander land?"): a sentence that says the lander
# "will attempt a lunar landing Thursday" tells the day it was to land, not the day it did; one that says it "touched
# down … late Thursday" answers. Another verb reports the same event (`verdict.SAME_EVENT`).


class PastEvent(NamedTuple):
    """An event asked after: its verb's lemma and particle, and who did it when the question names them."""

    lemma: str
    particle: str | None
    subject: str | None = None
    passive: bool = False  # "When was Kamila Valieva banned?": the subject is the one the event was done to


def asked_past_event(question: str) -> PastEvent | None:
    """The event a question asks after in the past tense: "When did Haley drop out?" → ("drop", "out", "Haley"),
    "When was Navalny arrested?" → ("arrest", None, "Navalny"); None for the present or future, and for
    "be", "have" and "do" (no event). The bundled parser reads the verb after "did" as a noun at times ("When did
    the Odysseus lander land?": "did" the root, "land" its subject): "did" needs a verb, so that word is it."""
    sentences = list(parsed(question).sents)
    if not sentences:
        return None
    asked = sentences[-1]  # "Two planes collided on a runway this week. Where did the incident occur?": occur
    root = asked.root
    children = list(root.children)
    if root.lower_ == "did" and not any(c.pos_ in ("VERB", "AUX") and c.dep_ != "aux" for c in children):
        if (misread := verb_after_did(asked)) is not None:
            after = misread.nbor() if misread.i + 1 < len(misread.doc) else None
            particle = after.lower_ if after is not None and after.lower_ in PARTICLES else None
            return PastEvent(misread.lower_, particle, misread.nbor(-1).text)
        words = [t for t in asked if not t.is_punct]
        last = words[-1] if words else None
        if last is None or last.dep_ != "nsubj" or last.head.i != root.i or not last.is_alpha:
            return None
        return PastEvent(last.lower_, None)
    if root.pos_ != "VERB" or root.lemma_ in ("be", "have", "do"):
        return None
    done = (root.tag_ == "VB" and any(c.lower_ == "did" for c in children)) or root.tag_ == "VBD"
    done = done or (root.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ in ("was", "were") for c in children))
    if not done or any(c.lower_ in MODALS for c in children):
        return None
    particle = particle_of(root)
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass") and c.pos_ == "PROPN"), None)
    # (the small parser reads "When was Kamila Valieva banned?" with an active subject and a passive auxiliary)
    passive = subject is not None and (subject.dep_ == "nsubjpass" or any(c.dep_ == "auxpass" for c in children))
    return PastEvent(root.lemma_, particle, subject.text if subject is not None else None, passive)


def verb_after_did(words) -> Token | None:
    """The verb after "did" and a name that the bundled tagger read as a noun: "Who did Emmanuel Macron appoint as
    prime minister?" ("appoint" a noun, "did" the root), "Who did Kansas City defeat?". After "did", an optional
    article and a run of proper nouns, a lower-case word that no noun or verb follows is the verb "did" needs; None
    when the tagger found it."""
    tokens = list(words)
    for i, token in enumerate(tokens):
        if token.lower_ != "did":
            continue
        j = i + 1 + (i + 1 < len(tokens) and tokens[i + 1].pos_ == "DET")
        name_start = j
        while j < len(tokens) and tokens[j].pos_ == "PROPN":
            j += 1
        if j == name_start or j >= len(tokens):
            return None
        word, after = tokens[j], tokens[j + 1] if j + 1 < len(tokens) else None
        if after is not None and after.pos_ in ("NOUN", "PROPN", "VERB", "AUX"):
            return None  # "did the Odysseus lander land": the noun is the subject's, the verb comes after it
        return word if word.is_alpha and word.text.islower() and word.pos_ in ("NOUN", "ADJ", "PROPN") else None
    return None


def forms_of(event: PastEvent) -> tuple[tuple[str, str | None], ...]:
    """The event's verb and the other verbs that report it (`SAME_EVENT`)."""
    verb = (event.lemma, event.particle)
    return (verb, *SAME_EVENT.get(verb, ()))


def other_tellings(question: str, event: PastEvent) -> list[str]:
    """The question with its verb swapped for each other verb that tells the event (`SAME_EVENT`): "Has Nikki Haley
    dropped out?" → "Has Nikki Haley suspend", "… withdraw", …. The asked verb goes by its lemma: left in as
    "dropped", it pulled in every story of something dropped and the withdrawal was missed."""
    asked = {event.lemma, *([event.particle] if event.particle else [])}
    rest = " ".join(t.text for t in parsed(question) if t.lemma_ not in asked and t.lower_ not in asked and not t.is_punct)
    return [f"{rest} {verb} {particle or ''}".strip() for verb, particle in forms_of(event)[1:]]


def reports_done(sentence: str, event: PastEvent) -> bool:
    """Whether the sentence tells the event as done, in a past tense: "the uncrewed Odysseus spacecraft gently
    touched down on the surface of the moon late Thursday" for ("land", None); not "is expected … to touch down",
    "will attempt a lunar landing", "if it touches down", "may not have been able to touch down".
    A doer the sentence names must be the question's, when it names one ("Ron DeSantis won second place …" for "When did Trump win Iowa?")."""
    forms = forms_of(event)
    for token in parsed(sentence):
        # "after securing the presumptive GOP nomination late Tuesday": a gerund under "after" is done too
        done = token.tag_ in PAST or (token.tag_ == "VBG" and token.head.lower_ in DONE_PREPOSITIONS)
        first = first_to_do(token)
        if token.pos_ != "VERB" or not (done or first) or not (first or is_stated(token)) or is_denied(token):
            continue
        if not any(is_form(token, form) for form in forms) and not announces(token, event):
            continue
        # "Ron DeSantis won second place in the Iowa Caucuses Monday night" tells no win of Trump's
        doer = first or subject_of(token)
        doers = [c for c in doer.children if c.dep_ in ("nsubj", "nsubjpass")] if doer is not None else []
        if event.passive:
            # "When was Kamila Valieva banned?" is told by "The Court of Arbitration for Sport banned … Kamila Valieva
            # Monday morning" (a fact-checker was told no article tells that it happened, quoting it): the one done to
            # (its object, or the name after the verb in its clause: the parser hung "Kamila Valieva" on "Monday morning")
            doers += [c for c in token.children if c.dep_ == "dobj"]
            doers += [t for t in token.doc[token.i + 1 :] if t.lower_ == event.subject.lower() and token in t.ancestors]
        if token.dep_ == "relcl":
            doers.append(token.head)
            if token.head.dep_ == "appos":
                # "… Alexei Navalny, the opposition leader who died this month …": the leader is Navalny (an outside try
                # was told no article says he died)
                doers.append(token.head.head)
        if event.subject is None or any(
            holds_word(d, event.subject) or kind_of(d, event.subject) or named_before(d, event.subject) for d in doers
        ):
            return True
    return False


PERSONAL_PRONOUNS = frozenset({"he", "she", "they"})
# "became the first player to score 40,000 career points": the one first (or only …) to do a thing did it
FIRSTS = frozenset({"first", "only", "last", "second", "third", "youngest", "oldest", "fastest"})


def first_to_do(token: Token) -> Token | None:
    """The past verb ("became", "was") of "… became the first player to score 40,000 career points", when `token`
    is that infinitive ("score"): its subject did it (a news reader's try was told no article tells that LeBron James
    scored 40,000 points, quoting it); None otherwise."""
    if token.tag_ != "VB" or not any(c.lower_ == "to" and c.dep_ == "aux" for c in token.children):
        return None
    head = token.head
    if token.dep_ in ("acl", "relcl") and head.dep_ == "attr":
        noun, verb = head, head.head  # "was the first woman to win"
    elif token.dep_ in ("xcomp", "advcl"):  # (the parser's reading when a phrase comes between: "… in NBA history to")
        noun, verb = next((c for c in head.children if c.dep_ == "attr"), None), head  # "became the first player to score"
    else:
        return None
    if noun is None or not any(c.dep_ == "amod" and c.lower_ in FIRSTS for c in noun.children):
        return None
    return verb if verb.tag_ == "VBD" and not is_denied(verb) else None


def named_before(doer: Token, subject: str) -> bool:
    """Whether `doer` is "he", "she" or "they" after the asked subject's name in its sentence: "LeBron James'
    unprecedented accomplishment of 40,000 points, which he reached Saturday night" (a news reader's try was told no
    article tells that it happened, quoting it)."""
    return doer.lower_ in PERSONAL_PRONOUNS and subject.lower() in doer.doc[: doer.i].text.lower()


# an event told by its noun, made known: "Brandt announced his resignation on Thursday" for "When did Brandt resign?" (a
# reporter's own corpus was told no article tells that it happened, above that sentence)
EVENT_NOUNS = {"resign": "resignation", "retire": "retirement", "withdraw": "withdrawal", "depart": "departure"}
# ... as a diagnosis is ("King Charles III announced his cancer diagnosis" for "When was King Charles diagnosed with
# cancer?": a fact-checker was told no article tells that it happened)
EVENT_NOUNS |= {"diagnose": "diagnosis", "arrest": "arrest", "indict": "indictment", "convict": "conviction"}
ANNOUNCING = frozenset({"announce", "submit", "tender", "hand", "confirm"})


def announces(token: Token, event: PastEvent) -> bool:
    """Whether `token` makes the event known by its noun: "announced his resignation", "tendered her resignation"."""
    noun = EVENT_NOUNS.get(event.lemma)
    # (its object, or the noun just after it in its clause: "announced his cancer diagnosis and his wife, Kate, was
    # hospitalized" is parsed with the diagnosis inside a clause the verb reports)
    return (
        noun is not None
        and token.lemma_.lower() in ANNOUNCING
        and any(
            c.lemma_.lower() == noun and (c.dep_ == "dobj" and c.head.i == token.i or token.i < c.i <= token.i + 4)
            for c in token.subtree
        )
    )


def kind_of(token, head: str) -> bool:
    """Whether the common noun `token` names a kind of what the name's head word says: "A fast-moving wildfire broke
    out" of the Ridgeback Fire ("wildfire" ends in "fire"). A name's head that is a common word ("Fire", "Storm") is
    what its own article calls it."""
    return token.pos_ == "NOUN" and len(head) >= 4 and token.lower_.endswith(head.lower())
