"""The extractive answerer: answers from the articles' own sentences, no LLM needed.

1. Each sentence of the retrieved passages is scored by how much of the question's key terms it
   holds (IDF-weighted, stemmed), how much its passage holds, its passage's retrieval rank (which
   carries the embedding similarity), whether it names something the question does not, how
   recent its article is (a small bonus, halving monthly, counted back from the asking day), and
   whether it opens its article (the lead, where news puts what it reports: a tie-breaker).
2. When the question named days ("this week"), only sentences from those days compete, if one of
   them answers at all.
   Boilerplate (captions, "Related:" links) is never a candidate; a kicker fused to a sentence
   ("LATEST UPDATES:Bills' Damar Hamlin…") is cut off its start (`ingest.cleaning`), so indexes
   built before chunking left boilerplate out are cited cleanly too.
3. A yes/no or true/false question is answered "Yes."/"No." before the sentence that decides it,
   when one of the best few (`YES_NO_POOL`) settles it (`verdict`): that one leads; a denial on one
   side only makes it "No.".
4. The question's analysis (`question.analyze`) says what kind of thing answers it; the best
   sentences are run through the bundled NER, and those holding a new entity of that type ("which
   team" → an ORG the question does not name; "which month" → a date that names a month) move up.
5. A person the answering sentence calls by one word ("James, who has scored …") is named in full as
   the article first named them ("James (LeBron James)", `full_names`); the quote and its span stay as written.
Embedding each sentence per question was measured: it cost ~450 ms and gained nothing on
realtimeqa-dev. The best sentence, and a close second from elsewhere, become the answer, each cited
with its exact span. When even the best passage holds too little of the question, Byline declines.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

import Stemmer

from assistant.answer import Answer, Citation, cite_in_chunk
from assistant.answering.full_names import NAME_WORD_IDF, quoted_spans, with_full_names
from assistant.answering.outcome import (
    EVENT_NOUNS,
    NO_EVENT_REPORTED,
    NO_OUTCOME_REPORTED,
    OUTCOME_VERBS,
    WINNING_STEMS,
    YEAR,
    PastEvent,
    asked_contest,
    asked_past_event,
    earlier_edition,
    editions,
    event_words,
    forms_of,
    latest_report,
    names_the_contest,
    outcome_verb_of,
    reports_done,
    states_an_outcome,
    tallied_contest,
    tells_a_winner,
    within_a_year,
    within_a_year_of,
    words_of_the_event,
)
from assistant.answering.question import (
    TALLY,
    TALLY_HEADS,
    QuestionAnalysis,
    analyze,
    counted_by_its_noun,
    counted_happening,
    counted_thing,
    counts_as_of_now,
    counts_people,
    dependency_parser,
    entities_of,
    holds_the_unit,
    tallies_a_vote,
)
from assistant.answering.state_names import with_state_names
from assistant.answering.timeframe import relative_dates, told_of_other_days
from assistant.answering.verdict import (
    ANYONE_ASKED,
    CORRECTED,
    ENDING_WORD,
    NO,
    NO_ONE,
    SAYING_VERBS,
    SECURING_VERBS,
    UNSETTLED,
    VERDICTS,
    YES,
    Contest,
    as_dropping_out,
    asked_deed,
    asked_state,
    asks_of_any,
    by_another_verb,
    counts_the_harmed,
    ends_the_state,
    first_names_left_to_the_passage,
    harm_family,
    of_another_year,
    one_winner_contest,
    other_event_words,
    parsed,
    predicate_stems,
    stays_in_the_race,
    still_running_who,
    tells_harm,
    tells_who_did,
    worded,
    yes_or_no,
)
from assistant.search.cache import KeywordIndex
from assistant.search.types import Hit
from assistant.search.words import acronyms, clipped_from, stems
from ingest.chunking import sentence_spans
from ingest.cleaning import boilerplate_spans, is_boilerplate

# Messages that are not questions about the articles (as stems)
SMALL_TALK = frozenset(
    {"hi", "hello", "hey", "hiya", "yo", "thank", "thanks", "you", "ok", "okay", "bye", "good", "morn", "evening", "afternoon"}
)
HOW_LONG = re.compile(r"\bhow\s+long\b", re.IGNORECASE)
QUESTION_WORDS = {
    "who",
    "whom",
    "whose",
    "what",
    "which",
    "when",
    "where",
    "why",
    "whi",  # "why" as stemmed: it weighed 3.9 in "Why did AT&T's network go down?"
    "how",
    "did",
    "does",
    "doe",  # "does" as stemmed
    "do",
    "is",
    "are",
    "was",
    "were",
    "say",
    "said",
    "says",
    "tell",
    "told",
    "accord",
    "week",
    "recent",
    "recently",
    "year",
    "month",
    "day",
    "today",
    "name",
    "call",
    "happen",
    "thing",
    "someth",
    "peopl",
    "true",  # "True or false: …"
    "fals",
}
# Function words that bm25s's short stopword list keeps; they say nothing about what an answer holds.
FUNCTION_WORDS = frozenset(
    Stemmer.Stemmer("english").stemWords(
        """about above across after again against along also although among another any anyone anything around
        because before behind below beneath beside besides between beyond both could despite during each either
        else even ever every few however inside instead just latter least less like many might more most much
        must near neither never next none nor off often once onto other others otherwise over own per perhaps
        quite rather regarding concerning same several shall should since some still than though through
        throughout thus toward towards under unless unlike until upon very via whether which while whom whose
        within without would yet""".split()
    )
)
# a question's approximations ask for a figure, not for the word: "Roughly how many migrant encounters …?" led with
# "… averaged roughly 10,000 migrant encounters a day …", "roughly" weighing as much as "migrant"
FUNCTION_WORDS |= {"rough", "approxim", "almost"}
PRONOUN_START = re.compile(r"^\W*(he|she|they|it|this|that|these|those|his|her|their|its)\b", re.IGNORECASE)
DATE_WORDS = re.compile(
    r"\b(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|"
    r"(19|20)\d\d|\d{1,2}:\d\d|last (week|month|year))\b",
    re.IGNORECASE,
)
# (the teens and tens too: "Fourteen people in all reported stomach illness" was no count, an outside try found)
NUMBER = re.compile(
    r"\b\d[\d,.]*\b|\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
    r"sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    r"million|billion)\b",
    re.I,
)
SPEECH = re.compile(r"[\"“”]|\b(said|says|told|stated|according to|added|stressed|warned|announced)\b", re.IGNORECASE)
NAME_OR_NUMBER = re.compile(r"\b(?:[A-Z][\w'-]*|\w*\d\w*)\b")
PRONOUNS = frozenset({"he", "she", "they", "it", "i", "we", "you", "his", "her", "their", "its", "this", "that", "these"})
NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z.]+)*\b")
MONTH_NAME = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?=\W|$)", re.IGNORECASE)


# With "latest"/"now", a sentence this close to the best one's score counts as answering as well, and
# the newest article's wins (a death toll that grew: the newest figure, not the best-matching one).
RECENT_NEAR_BEST = 0.85
# "Who won …?": the newest report of the outcome among the best OUTCOME_POOL sentences scoring this close to the best
OUTCOME_POOL = 12
OUTCOME_POOL_READ = 60  # ... and past them, those of this many that hold a word of winning (each is parsed)
# An article whose headline holds this share of the question's words (its names among them) has its lead read, a
# sentence starting within LEAD_SENTENCE_CHARS of its text, whichever passage brought it
HEADLINE_SHARE = 0.7
LEAD_SENTENCE_CHARS = 400
# the nouns of a contest of any kind, which a sentence telling a win under its event's headline may name instead of it
CONTEST_KINDS = frozenset(stems("race game match final tournament championship contest election primary caucus"))
# a sentence of the lead over one as good further down: the housing figure ("It rose 0.6% …", paragraph 9) led the
# January CPI report's answer over its lead's index figure; news24-dev fact 52.6% → 53.3%, no reply right → wrong
LEAD_BONUS = 0.03
# an explainer's subhead that asks the question ("What caused the AT&T outage?") holding this share of its words: the
# paragraph under it answers
ASKED_SUBHEAD_SHARE = 0.75
ASKED_SUBHEAD_CHARS = 200
OUTCOME_NEAR_BEST = 0.6
SECOND_SENTENCE_RATIO = 0.85  # a second sentence joins the answer when it scores this close to the best
NEGATION = re.compile(
    r"\b(?:not|no|never|neither|nor|without)\b|n't\b|n’t\b"
    # a place or list one is kept out of: "Trump's name is absent from the primary ballots" got "Yes." to "Was Trump on
    # the Nevada primary ballot?" (a fact-checker's try)
    r"|\b(?:absent|left off|kept off|excluded|barred|removed|missing) from\b",
    re.IGNORECASE,
)
# Recency for questions that name no days: worth at most FRESH_WEIGHT (a typed answer is worth 0.15),
# halving every FRESH_HALF_LIFE_DAYS: last week's article beats last year's on a near tie, never a clear answer.
FRESH_WEIGHT = 0.08
FRESH_HALF_LIFE_DAYS = 30
# Sentences looked at with the entity recognizer (~2 ms each): the best by words and rank; an
# answer-bearing sentence further down would not have won on the typed bonus anyway. 8 instead of 16:
# the same answers on both dev sets (bench/answer_selection.py), a third fewer sentences through the NER.
TYPED_POOL = 8
SUBHEAD_PARAGRAPHS = 3  # paragraphs under a subhead that asks several questions, read for the one asked
BARE_LINK = re.compile(r"^\W*(?:https?://|www\.)\S+(?:\s+(?:https?://|www\.)\S+)*\W*$", re.IGNORECASE)
MIN_SENTENCE_CHARS = 15  # shorter is a fragment ("Related:", "ET)"); "No one was killed." (18) is a whole answer
# the longest line read as the list a "…:" sentence introduces
LIST_CHARS = 300
LIST_JOINS = {"and", "or", "&", "of", "the", ",", "-", "–", "—"}
AGE = re.compile(r"\b(?:aged?\s+\d{1,3}|\d{1,3}(?:-year-old|\s+years?\s+old)|at\s+\d{1,3}\b)", re.IGNORECASE)
# a sentence that ends as a question, quoted or not ("So which are the top 20 happiest countries?")
ASKS = re.compile(r"\?[\"”’')]*\s*$")
YES_NO_POOL = 6  # the best sentences looked through for one that settles a yes/no question
RACE_STEMS = frozenset(stems("race running contest campaign"))
ANYONE_POOL = 40  # ... and, for "Was anyone hurt …?", how far down one that tells of people hurt or of no one
# "How many …?" with no number in the best sentence: one of the best COUNT_POOL that gives one, scoring this close
COUNT_POOL = 12
COUNT_NEAR_BEST = 0.75
TYPED_BONUS = 0.25  # a sentence holding a new entity of the expected type ("which country" → a GPE)
DAY_BONUS = 0.05  # ... and for "when", one naming a day (a month and its day)
# "still …?": a sentence telling what remains or goes on is worth this much more (a typed answer is worth 0.25)
STILL = re.compile(r"\bstill\b", re.IGNORECASE)
REMAINING = re.compile(r"\b(?:remain(?:s|ed|ing)?|still|continues?|continuing|yet to)\b", re.IGNORECASE)
REMAINING_BONUS = 0.05
# "Is the bus strike over?", "Has River Road reopened?": whether a state is told over
OVER_ASKED = re.compile(r"\b(?:over|ended|finished|lifted|reopened|resumed)\s*\?*\s*$", re.IGNORECASE)
# a count that says it replaces an earlier one: "now expects to hire about 355, up from 300"
UPDATED = re.compile(
    r"\b(?:now|up from|down from|revised|raised|lowered|(?:rose|grew|increased|climbed|fell|dropped|jumped) to)\b", re.I
)
RETOLD_SHARE = 0.8  # a sentence holding this share of a corrected claim's words tells it again
DOER_BONUS = 0.3  # a sentence that tells who did the deed a "Who …?" question asks
COUNTED_BONUS = 0.15  # ... and more for a count of the very thing "How many <things>" asks for
# the day as news names it, days after: "clinched victory in the Iowa Caucuses on Monday", "ended Sunday night"
NEWS_DAY = re.compile(
    r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tonight|last night)\b", re.I
)
# the kinds of question whose past-tense event is answered only by a sentence that tells it done
PAST_EVENT_KINDS = ("when", "where", "yes_no")
HOW_DID = re.compile(r"^\s*how\s+did\s+", re.IGNORECASE)


@dataclass
class Candidate:
    hit_rank: int
    hit: Hit
    start: int
    end: int
    text: str
    stems: set[str] = field(default_factory=set)
    answer_entities: list[str] = field(default_factory=list)  # entities of the type the question expects
    surnames: dict[str, str] = field(default_factory=dict)  # of those, one-word names ("James", "Bills") → label
    asked_above: set[str] = field(default_factory=set)  # the stems of a subhead right above that asks the question
    lexical: float = 0.0
    support: float = 0.0
    score: float = 0.0


class ExtractiveAnswerer:
    def __init__(self, keyword: KeywordIndex, max_sentences: int = 2, min_support: float = 0.5):
        self.keyword = keyword
        self.max_sentences = max_sentences
        self.min_support = min_support

    def key_terms(self, question: str) -> dict[str, float]:
        """The question's words that an answer passage should hold, with their weights.

        Weight = 1 + IDF (so common words still count), doubled for names and numbers: a passage
        that lacks the question's names is about something else. Words no article holds count
        too (at the highest IDF): a question about them is one the articles don't answer.
        """
        # "long" of "How long is she banned for?" asks for a length; the articles say "four years", not "long"
        asked = HOW_LONG.sub("how", question)
        # (nor a lone letter: "AT&T's" is "at", "t" and "s", and "t" weighed more than "network")
        stems = [
            s
            for s in self.keyword.stems(asked)
            if s not in QUESTION_WORDS and s not in FUNCTION_WORDS and not (len(s) == 1 and s.isalpha())
        ]
        names = self.name_stems(question)
        return {s: (1.0 + self.keyword.idf(s)) * (2.0 if s in names else 1.0) for s in dict.fromkeys(stems)}

    def held_stems(self, text: str) -> set[str]:
        """The stems of the words a text holds, those it says without writing them too: its acronyms ("FDA" of
        "Food and Drug Administration") and each nation's other names ("America" of "U.S.")."""
        return set(held_stems(text))

    def with_prefixed_terms(self, held: set[str], terms: Iterable[str]) -> set[str]:
        """`held` with each "re-" word of `terms` whose base it holds, when the prefixed word is much the rarer:
        "reelection" of "Summarize the news about Putin's reelection" is held by a story titled "Vladimir Putin
        declared winner in election …" (an outside try got "No story here is about Putin's reelection"). Not
        "report" by "port", "research" by "search", "reform" by "form": those are words of their own, as common."""
        found = {
            term
            for term in terms
            if term not in held
            and term.startswith("re")
            and len(term) >= 6
            and term[2:] in held
            and self.keyword.idf(term) >= self.keyword.idf(term[2:]) + PREFIXED_RARER
        }
        return held | found if found else held

    def cased_names(self, question: str) -> frozenset[str]:
        """The question's one-word names, whose case tells them from a common word ("the Fed" / "fed"), unless
        the question capitalises most of its words (a headline-cased question says nothing by its capitals).
        A word of a longer name is left out: the articles write "the awards" of the "Golden Globe Awards"."""
        words = re.findall(r"[A-Za-z][\w'-]*", question)
        capital = [word[0].isupper() for word in words]
        if sum(capital[1:]) > 0.5 * max(len(words) - 1, 1):
            return frozenset()
        alone = [
            word
            for i, word in enumerate(words)
            if i > 0
            and capital[i]
            and not capital[i - 1]
            and not (i + 1 < len(words) and capital[i + 1])
            and not word.isupper()  # an acronym has its own spellings ("US": "U.S.", "United States")
        ]
        return frozenset(self.keyword.stems(" ".join(alone)))

    def name_stems(self, question: str) -> set[str]:
        """The stems of the question's names and numbers (its capitalised words after the first); not a lone letter:
        "AT&T" is "at" and "t", and a sentence's "AT&T" held no "t" ("Was the AT&T outage a cyberattack?" was left
        unsettled by "… the network outage was not the result of a cyberattack", an outside try)."""
        found = self.keyword.stems(" ".join(NAME_OR_NUMBER.findall(question[1:])))
        return {s for s in found if not (len(s) == 1 and s.isalpha())}

    def candidates(self, hits: list[Hit]) -> list[Candidate]:
        seen: set[tuple[str, int]] = set()
        found: list[Candidate] = []
        for rank, hit in enumerate(hits):
            chunk = hit.chunk
            spans = citable_sentences(chunk.text)
            for number, (sentence_start, sentence_end) in enumerate(spans):
                sentence_end = with_its_list(chunk.text, sentence_end, spans[number + 1 : number + 2])
                start, end = chunk.start + sentence_start, chunk.start + sentence_end
                key = (chunk.article_id, start)
                if key in seen or end - start < MIN_SENTENCE_CHARS:
                    continue
                seen.add(key)
                text = chunk.text[sentence_start:sentence_end]
                if ASKS.search(text):  # "More new McDonald's menu items?" asserts nothing: it never answers
                    continue
                if BARE_LINK.match(text):
                    # a line of links says nothing: "https://www.usatoday.com/…/mlk-day-…-monday/…" was cited, with a
                    # calendar day put inside the address (a tester's try)
                    continue
                found.append(Candidate(rank, hit, start, end, text, self.held_stems(text)))
        return found

    def answer(
        self,
        question: str,
        hits: list[Hit],
        article_texts: dict[str, str],
        prefer_recent: bool = False,
        in_window: Callable[[str], bool] | None = None,
        news_day: date | None = None,
        latest_outcome: str | None = None,
        as_asked: str | None = None,
    ) -> Answer:
        """The best sentences for `question` from `hits`, cited; a decline when none holds enough of it.
        `as_asked` is the question with its time words, which `question` (for search) is without.

        With `prefer_recent` ("latest", "now", "still"), among the sentences that answer nearly as well
        as the best, the newest article's wins and the answer's sentences run newest first.
        With `in_window` (the question named days: "this week", "in March"), sentences from articles of
        those days come first whenever one of them answers; others only when none does.
        With `news_day` (the asking day, or the newest article's when that is older), a sentence from a
        recent article is worth a little more: a question about the news is about recent news unless it
        names other days.
        With `latest_outcome` (the verb of "Who won the Super Bowl?", no days named), the newest sentence that
        reports the outcome, of those that answer well enough, leads (`assistant.answering.outcome`).
        """
        terms = self.key_terms(question)
        if terms and set(terms) <= SMALL_TALK:
            # "hi" was answered with a dateline ("Pastor, St. John the Apostle, HI"): a greeting asks nothing
            return decline(question, "Ask me about the articles: who said what, what happened when, the latest on a story.")
        total = sum(terms.values())
        candidates = self.candidates(hits)
        if not candidates or total == 0:
            return decline(question)
        analysis = analyze(question)
        kind = analysis.kind
        if in_window is None and kind in ("how_many", "how_much") and counts_as_of_now(as_asked or question):
            # "How many ships are waiting at anchor off the port?", asked five weeks into a strike, was answered with the
            # 23 of its fourth day over the 62 of the day before (a researcher's own corpus): a count in the present is
            # the count as it stands, its newest telling, as "now" asks
            prefer_recent = True
        # "When did the Odysseus lander land?": the day it did, from a sentence that tells it done, not the day a
        # preview foretold ("… still on track to attempt a moon landing Thursday")
        # "Is Haley still in the race?" (the time reading took "still" out) is settled by reports of her dropping out
        settling = (as_dropping_out(question) if kind == "yes_no" else None) or question
        # ... and "How did the supervisors vote on the fund?" by the vote told done, not by the preview's "will vote next
        # Tuesday" (an outside try got the preview, a day after the vote)
        asks_how_it_went = kind == "other" and HOW_DID.match(question) is not None
        event = asked_past_event(settling) if kind in PAST_EVENT_KINDS or asks_how_it_went else None
        # "Did the 49ers win the Super Bowl?" is answered by whoever's win is reported, theirs or another's
        one_winner = one_winner_contest(question) if kind == "yes_no" else None
        if event is not None and kind == "yes_no" and event.lemma in SAYING_VERBS:
            event = None  # "Did Trump say he would be a dictator?" asks what was said: any saying is no answer
        if event is not None and kind == "when" and latest_outcome is not None:
            # "When was the Super Bowl won?": the outcome's report is the latest outcome's to find (below); kept to the
            # sentences with a verb of winning, the game's "ended Sunday night with a win for the Chiefs" was not one
            event = None
        reported: list[Candidate] = []
        if event is not None:
            names = self.name_stems(question)
            reported = [
                c
                for c in candidates
                if self.names_told(c, names, question) and self.mentions(c, event) and reports_done(c.text, event)
            ]
            if not reported:
                told = event
                reported = self.reported_elsewhere(
                    hits,
                    article_texts,
                    lambda c: self.names_told(c, names, question) and self.mentions(c, told) and reports_done(c.text, told),
                    {(c.hit.chunk.article_id, c.start) for c in candidates},
                )
                candidates += reported
                hits = hits + [c.hit for c in reported]
            elif kind == "when" and not any(MONTH_DAY.search(c.text) for c in reported):
                # "When did DeSantis drop out?" had "… shifted this week when DeSantis dropped out …" retrieved, and its
                # article's "Ron DeSantis, who suspended his hard-luck campaign on Jan. 21, …" not (an outside try)
                told = event
                dated = self.reported_elsewhere(
                    hits,
                    article_texts,
                    lambda c: (
                        bool(MONTH_DAY.search(c.text))
                        and self.names_told(c, names, question)
                        and self.mentions(c, told)
                        and reports_done(c.text, told)
                    ),
                    {(c.hit.chunk.article_id, c.start) for c in candidates},
                )
                reported += dated
                candidates += dated
                hits = hits + [c.hit for c in dated]
        # "When did Navalny die?", asked before any article reports it, met his 2020 poisoning (an outside try): a
        # named one's event that no sentence tells done is answered by what comes closest, saying so
        untold = event is not None and kind in ("when", "where") and event.subject is not None and not reported
        leads = self.headline_leads(question, hits, article_texts, terms, {(c.hit.chunk.article_id, c.start) for c in candidates})
        candidates, hits = candidates + leads, hits + [c.hit for c in leads]
        # whose count a count question asks ("Trump" of "How many delegates does Trump have?"), read once
        holder = count_holder(as_asked or question) if kind in ("how_many", "how_much") else frozenset()
        below = self.answered_below(
            hits, article_texts, terms, {(c.hit.chunk.article_id, c.start): c for c in candidates}, holder=holder
        )
        candidates, hits = candidates + below, hits + [c.hit for c in below]
        # "How many people died …?": a number is no answer in a sentence that tells no one dying (`counted_happening`);
        # one telling them killed holds the question's "died"
        happening = counted_happening(question) if kind == "how_many" else frozenset()
        for c in candidates:
            if not happening.isdisjoint(c.stems) or tallies_a_vote(c.text, happening):
                c.stems |= happening & set(terms) or happening
        implied: dict[str, frozenset[str]] = {}
        anyone = ANYONE_ASKED.match(question) if kind == "yes_no" else None  # "Was anyone killed …?"
        if anyone is not None:
            # "Was anyone killed in the fire?" is answered by "A worker … died Wednesday" as well as by "killed"
            implied = {stem: harm_family(anyone["done"]) for stem in self.keyword.stems(anyone["done"])}
        # a word of the question stands for its family in any sentence: "How many families are suing …?" is answered by
        # "the number of families in the suit had grown to 19" (an outside try got the first six, weeks old)
        implied |= {stem: family for stem in terms for family in WORD_FAMILIES if stem in family and stem not in implied}
        cause_asked = CAUSE_ASKED.match(question) is not None
        if cause_asked:
            # "What caused the Ridgeback Fire?" is answered by "A … transmission line … sparked the Ridgeback Fire"
            implied |= {stem: CAUSING for stem in self.keyword.stems("cause caused")}  # beside the asked words' families
        self.measure(candidates, hits, terms, self.cased_names(question), implied)
        question_words = set(self.keyword.stems(question))
        # "How many households are still under the advisory?" led with "The advisory was lifted Tuesday for about 2,650
        # households" over its next sentence, "About 2,150 households … remain under the advisory" (a journalist's try):
        # the time reading takes "still" out of the words, and a sentence telling what remains answers it
        remaining = STILL.search(as_asked or question) is not None
        # a cause not yet known is the answer until a sentence tells one
        cause_told = cause_asked and any(CAUSE_TOLD.search(c.text) and not CAUSE_UNKNOWN.search(c.text) for c in candidates)
        # "Who sued Carver Valley Power?": a sentence that has someone do it to it, over one that only names both words
        deed = asked_deed(question) if kind in ("who", "who_said") else None
        if deed and deed[0] in OUTCOME_VERBS:
            deed = None  # "Who won …?" is the outcome module's: the latest outcome reported
        deed_stems = set(self.keyword.stems(deed[2])) if deed else set()
        for c in candidates:
            # (the verb's stem, or its first letters: "called" is no key term the stems keep)
            if deed and (deed_stems <= c.stems or deed[0][:4] in c.text.lower()) and tells_who_did(c.text, deed):
                c.score += DOER_BONUS
            c.score += (
                (0.0 if happening and happening.isdisjoint(c.stems) else self.kind_bonus(kind, c.text))
                + self.new_information_bonus(kind, c.text, question_words)
                + freshness(c.hit.chunk.published, news_day)
                + (LEAD_BONUS if c.start < LEAD_SENTENCE_CHARS else 0.0)
                + (REMAINING_BONUS if remaining and REMAINING.search(c.text) else 0.0)
                # ... not by "The cause of the fire was under investigation" (an outside try led with it, weeks after
                # the finding): a cause not yet known is told in the cause's words and answers nothing
                - (UNKNOWN_CAUSE_PENALTY if cause_told and CAUSE_UNKNOWN.search(c.text) else 0.0)
            )
        # a subhead or link text ("What doctors said about …") answers only when no sentence of prose does
        prose = [c for c in candidates if not is_subhead(c)]
        if any(self.answers(c) for c in prose):
            candidates = prose
        if event is not None:
            # a sentence that tells the event done answers, ahead of one that foretells it; with none, the preview
            # stays: "Haley will drop out … in a Wednesday address" still names the day, and the rest would not
            told = [c for c in reported if c in candidates and self.answers(c)]
            if told and kind == "when":
                # "When did DeSantis drop out?" was answered "… shifted this week when DeSantis dropped out …" (an
                # outside try): a report that gives the calendar day ("who suspended his hard-luck campaign on Jan. 21")
                # answers a "when" better than one that gives a week
                told = [c for c in told if MONTH_DAY.search(c.text)] or told
            # not for one of several: "Did Nikki Haley win any primaries?" is answered by "Nikki Haley defeated Donald
            # Trump in the Vermont Republican primary" as well as by a primary she is told to have won
            if told and not (kind == "yes_no" and asks_of_any(settling)):
                # ... and so does one telling who else won it: "Super Bowl 58 ended Sunday night with a win for the
                # Kansas City Chiefs" names no 49ers for "Did the 49ers win the Super Bowl?"
                candidates = told + [c for c in candidates if c not in told and tells_a_winner(c, one_winner)]

        if in_window is not None:
            inside = [
                c
                for c in candidates
                if in_window(c.hit.chunk.published)
                and self.answers(c)
                and not names_other_days(c, in_window)
                and not of_long_ago(c)
            ]
            # "… a Danish monarch voluntarily resigned was in 1146", in this week's news, is no answer from any day; nor
            # is "… telling Fox News Monday afternoon …" in Tuesday's for "What did Haley say on Tuesday?" (outside try)
            candidates = inside or [
                c
                for c in candidates
                if not (in_window(c.hit.chunk.published) and (of_long_ago(c) or names_other_days(c, in_window)))
            ]
            if not candidates:
                return decline(question)
        if WHO_OR_WHICH.match(as_asked or question) and outcome_verb_of(as_asked or question) is not None:
            # who won a contest of a year named is reported that year or later: "Who won the 2024 Masters golf tournament?"
            # (as of March 2024) was answered from a 2019 profile of a broadcaster, "a three-time Emmy winner" (an
            # analyst's try); not a total "as of 2024", which an older report may give
            candidates = [c for c in candidates if reported_by_then(c, as_asked or question)]
            if not candidates:
                return decline(question)
        pool = sorted(candidates, key=lambda c: c.score, reverse=True)
        if pool[0].support < self.min_support or pool[0].lexical == 0:
            return decline(question)
        if (occasion := asked_occasion(question)) is not None:
            # "How many people were shot at the Kansas City parade?", asked before the parade, was answered by a 2022
            # police shooting in Kansas City: the occasion asked about is what a passage must be about
            pool = [c for c in pool if occasion in self.passage_stems(c)]
            if not pool or pool[0].support < self.min_support or pool[0].lexical == 0:
                return decline(question)
        if not YEAR_WORD_EDITION.search(as_asked or question):
            # "Where will the Super Bowl be held?" (asked 2024-02-09) was answered "Next year's Super Bowl will be held
            # at the Caesars Superdome in New Orleans": the event asked about, of another year (an outside try)
            this_year = [c for c in pool if not self.of_another_years_edition(c, question_words)]
            pool = this_year if this_year and self.answers(this_year[0]) else pool
        if analysis.expects and not analysis.negated:
            # only sentences the bonus could lift to the top are worth the NER's time
            reachable = [c for c in pool[:TYPED_POOL] if c.score >= pool[0].score - TYPED_BONUS]
            self.prefer_typed(reachable, analysis, question_words, self.name_stems(question), happening, question)
            if counted := counted_thing(question):
                # "How many votes did Aisha Rahman get?" led with "… won the two open seats …": a count of seats, not of
                # votes; "Rahman led the field with 6,412 votes" counts what was asked (an outside try)
                for c in reachable:
                    # ... and a vote's tally counts the members who cast it: "The House passed the bill 352-65" for "How
                    # many representatives voted for the TikTok bill?" (a journalist's try got "one of the 65 no votes")
                    if any(self.counts(c.text, entity, counted) for entity in c.answer_entities) or tallies_a_vote(
                        c.text, happening
                    ):
                        c.score += COUNTED_BONUS
            # a typed sentence must still answer the question: one from a passage that holds too little of it stays behind
            pool.sort(key=lambda c: (self.answers(c), c.score), reverse=True)
        if holder:
            # "How many delegates does Trump have?" led with "Biden currently has 1,866 delegates …" (an analyst's try):
            # a count held by someone the question does not name is another's; "He has gained 1,075 delegates" may be his
            others = [c for c in pool[:COUNT_POOL] if counted_for_another(c.text, holder)]
            if not ASKS_THE_FUTURE.search(as_asked or question):
                # ... and one it supposes is no one's yet: "If Trump wins over 85% of these available delegates, … he
                # will become the presumptive nominee" (the same try, once Biden's count was left out)
                others += [c for c in pool[:COUNT_POOL] if c not in others and only_foretold_figures(c.text)]
            if any(self.answers(c) for c in pool if c not in others):
                pool = [c for c in pool if c not in others]
        if kind in ("how_many", "how_much") and (rate := asked_rate(as_asked or question)):
            # "How much is the strike costing the regional economy each day?" led with "… has cost the regional economy
            # about $1.9 billion so far", over "… estimated the strike was costing about $75 million a day" (a
            # researcher's own corpus): a figure of the rate asked answers a rate, whatever a total's share of words
            rated = [c for c in pool[:TYPED_POOL] if self.answers(c) and NUMBER.search(c.text) and told_per(c.text, rate)]
            if rated:
                rated[0].score = pool[0].score + COUNTED_BONUS  # first, and kept first by the newest-first choice below
                pool.sort(key=lambda c: c.score, reverse=True)
        scored = tallied_contest(question) if analysis.head in TALLY_HEADS else None
        if scored is not None:
            # "What was the score of the Super Bowl?", asked two days after Super Bowl 58, was answered "… to win 38-35
            # in a Super Bowl 57 thriller" (an outside try): a score of an edition older than one the sentences name
            # is last year's game's, as is a score told more than a year before the asking day (a year or an edition
            # asked for is that one's: "What was the score of Super Bowl 57?")
            if not (YEAR.search(as_asked or question) or editions(as_asked or question, scored)):
                newest = max((n for c in pool for n in editions(c.text, scored)), default=None)
                pool = [c for c in pool if not earlier_edition(c, scored, newest)] or pool
                pool = [c for c in pool if within_a_year(c, news_day) or not TALLY.search(c.text)] or pool
        holders: list[Candidate] = []
        others_posts: list[Candidate] = []
        if (role := asked_role(question)) is not None:
            # "Who is the prime minister of Haiti?" led with "… as the prime minister went to Kenya …", which names no
            # one; "Prime Minister Ariel Henry traveled abroad …" names the holder (an outside try)
            # ... the newest such report: a post changes hands ("Who is the speaker of the House?")
            holders = [c for c in pool[:ROLE_POOL] if self.answers(c) and names_the_holder(c.text, role, question)]
            # a holder named as another's ("Marcus Reyes, executive director of the Kingsbridge Harbor Authority") holds
            # no post of the one asked ("Who is the director of the Port of Halden?", which no article names: a
            # researcher's own corpus got Reyes)
            others_posts = [c for c in holders if of_another_owner(c.text, role, question)]
            holders = [c for c in holders if c not in others_posts]
            if holders:
                # ... one that says whose post it is as asked over "the company's chief executive", which "Who is the
                # chief executive of Hartwell?" met first, of the company buying Hartwell's plant (an outside try)
                whose_asked = [c for c in holders if names_whose_post_asked(c.text, role, question)]
                holder = max(whose_asked or holders, key=lambda c: (c.hit.chunk.published_int, c.score))
                if whose_asked:
                    # and "the company's chief executive" after it, of another company, is not cited beside her
                    pool = [c for c in pool if c not in holders or c in whose_asked]
                pool.remove(holder)
                pool.insert(0, holder)
        # "Who is the mayor of Dover?" was answered "County Commissioner Ray Dunmore said the county should … buy water
        # from Dover" (a journalist's try): no sentence names a holder of the post, nor even the post
        # (not a post won: "Who was elected president of Taiwan?" is the election's outcome, found as such)
        no_holder = (
            role is not None
            and latest_outcome is None
            and not holders
            and (not set(self.keyword.stems(role)) <= pool[0].stems or pool[0] in others_posts)
        )
        best = pool[0]
        near_best = [c for c in pool if c.score >= RECENT_NEAR_BEST * best.score and c.support >= self.min_support]
        # "How many delegates has Trump won so far?" was answered "… the former president will likely lock in the
        # nomination on March 12 … with 1,223 delegates" (an analyst's try): a figure foretold is no count yet, to lead
        # or to follow, unless the question asks what is to come ("How many workers will Calloway hire?")
        counting_now = (
            prefer_recent
            and kind in ("how_many", "how_much")
            and latest_outcome is None
            and not ASKS_THE_FUTURE.search(as_asked or question)
        )
        no_outcome: str | None = None  # what the reply opens with when no sentence reports the outcome asked after
        outcome = latest_outcome
        contest, latest_edition = None, None  # the contest asked about, and the newest edition of it the sentences name
        whose: Callable[[Candidate], bool] | None = None  # whether a report may have the one asked win (`won_by_the_one_asked`)
        if outcome is not None:
            # "Who won the Super Bowl?": the newest report of the outcome, of the sentences that answer well enough.
            # With none, the question is answered as any other, after saying so: "Which team won the Super Bowl?"
            # led with "Later, in 1982, they won their first-ever league championship", dated as of an article of
            # this month as if it were the answer.
            # past the best few, only sentences with a word of winning: "Super Bowl 58 ended Sunday night with a win for
            # the Kansas City Chiefs" ranked below a dozen previews that hold "team" of "Which team won …?"
            about, contest = event_words(question), asked_contest(question)
            latest_edition = max((n for c in pool for n in editions(c.text, contest)), default=None)
            answering = [
                c
                for rank, c in enumerate(pool)
                if (rank < OUTCOME_POOL or (rank < OUTCOME_POOL_READ and not WINNING_STEMS.isdisjoint(c.stems)))
                and (
                    (self.answers(c) and (c.score >= OUTCOME_NEAR_BEST * best.score or self.titled_win(c, about, contest)))
                    or tells_a_winner(c, one_winner)
                )
            ]
            whose = self.won_by_the_one_asked(question, terms)
            answering = [c for c in answering if whose(c)]
            if kind in ("who", "which"):
                # "Who won the Iowa caucuses?" was answered "“He won in Iowa." (a voter's words, the week after): a report
                # that names no one the question does not tells no winner (a journalist's try)
                answering = [c for c in answering if self.names_someone_new(c.text, question_words)]
            if kind == "when":
                # a report that tells the day, over a newer one that does not: "Trump clinched victory in the Iowa
                # Caucuses on Monday" (01-15) over "Trump recently beat Haley in both the Iowa caucuses and …" (01-23)
                answering = [c for c in answering if tells_a_day(c.text)] or answering
            reported = latest_report(answering, outcome, news_day, about, contest, pool)
            if reported is None:
                # "Donald Trump clinched victory in the Iowa Caucuses on Monday", in an article whose preview passages
                # were retrieved ("Why each Republican candidate can win the Iowa Caucuses"), not that one
                elsewhere = [c for c in self.outcome_elsewhere(question, hits, article_texts, pool, news_day, terms) if whose(c)]
                reported = latest_report(elsewhere, outcome, news_day, about, contest, pool + elsewhere)
                if reported is not None:
                    pool.append(reported)
            if reported is not None:
                best = reported
            else:
                no_outcome, outcome = NO_OUTCOME_REPORTED, None
        if outcome is not None:
            prefer_recent = True  # what follows the latest outcome is older: history, dated
        elif prefer_recent:
            if counting_now:
                near_best = [c for c in near_best if not only_foretold_figures(c.text)] or near_best
            best = max(near_best, key=lambda c: (c.hit.chunk.published_int, c.score))
            # a count that grows ("How many people have been injured in the Hartwell fire?"): the newest count of the
            # happening, from a passage that answers, whatever its words' share; an outside try got September's "Seven
            # workers have now been treated …" over October's "… now stands at 12" (and for "What is the latest injury
            # count …?", a count of injuries)
            # ... or of the things "How many families are suing … now?" counts ("the number of families in the suit had
            # grown to 19", weeks after "Six families … sued": an outside try got the six)
            counted = happening or counted_by_its_noun(question) or counted_thing(question)
            if counted:
                counts = [c for c in pool[:COUNT_POOL] if self.answers(c) and gives_a_count(c, counted)]
                if holder:
                    # ... of the one asked: "How many delegates does Trump have?" is not answered by the newest "There are
                    # 865 Republican delegates up for grabs on Super Tuesday" (an analyst's try), held by no one
                    counts = [c for c in counts if not holder.isdisjoint(c.stems) or PRONOUN_START.match(c.text)] or counts
                if counting_now:
                    counts = [c for c in counts if not only_foretold_figures(c.text)] or counts
                best = max(counts + [best], key=lambda c: (c.hit.chunk.published_int, c is best, c.score))
        else:
            # the same sentence told again later with another figure ("the death toll rose to 31" on Tuesday,
            # "... to 39" on Thursday): the newest telling is the answer, whichever ranked first
            best = max([c for c in near_best if retells(c, best)] + [best], key=lambda c: c.hit.chunk.published_int)
        edition_led = False  # the day of this year's edition leads, whatever newer history follows it
        if outcome is None and kind == "when" and of_long_ago(best, EVENT_YEAR) and not ASKS_AN_EDITION.search(question):
            # "When was the Super Bowl?" (asked in March 2024) led with a logo history's "The first Super Bowl on Jan. 15,
            # 1967 …" (a journalist's try): the edition the news is about, unless the question asks for one
            this_edition = max(
                (c for c in near_best if tells_a_day(c.text) and self.answers(c) and not of_long_ago(c, EVENT_YEAR)),
                key=lambda c: (c.hit.chunk.published_int, c.score) if prefer_recent else (c.score,),
                default=None,
            )
            best, edition_led = (this_edition, True) if this_edition is not None else (best, False)
        verdict = no_outcome or (NO_EVENT_REPORTED if untold else None) or (NO_HOLDER_NAMED if no_holder else None)
        if (
            verdict is None
            and scored is not None
            and (not TALLY.search(best.text) or PREDICTS.search(best.text) or told_along_the_way(best))
        ):
            verdict = NO_COUNT_GIVEN  # no score of this year's game: what comes closest, said so
        elsewhere: list[Candidate] = []
        # "Who was killed at the Kansas City parade?" too: answered "Following Lunar New Year celebrations in Monterey
        # Park, California, 11 people were killed" (an outside try), another place's
        harmed = kind == "who" and tells_harm(question_words)
        if (happening or harmed) and (places := asked_places(question)):
            # "How many people died in the Kansas City parade shooting?" was answered "Following Lunar New Year
            # celebrations in Monterey Park, California, 11 people were killed": a count told of a place the question
            # does not name, and naming none it does, is another event's (an outside try)
            # ... as is one whose paragraph names one so: "Highland Park, Illinois, July 4, 2022: A gunman … The attack
            # occurred about 15 minutes after the parade had started, killing seven people", in a list of earlier ones
            # ... and one that names the place nowhere near: "How many people died in the Baltimore bridge collapse?"
            # was answered from a corrections column ("Life: A story Oct. 6 about the death of comedian Rip Taylor …"),
            # the column naming Baltimore in another item (an outside try)
            elsewhere = [c for c in pool[:COUNT_POOL] if not told_at(c, places, article_texts)]
            if best in elsewhere:
                # (of the best few only: each is read by the entity recognizer)
                best = next((c for c in pool[:COUNT_POOL] if c not in elsewhere and self.answers(c)), best)
                if best in elsewhere and happening:
                    verdict = verdict or NO_COUNT_GIVEN
            if harmed and best not in elsewhere and not tells_harm(best.stems):
                # ... the place's sentence that tells the harm: "In total 22 people suffered gunshot wounds, including one
                # fatality", not the mayor's words beside it
                best = next(
                    (c for c in pool[:COUNT_POOL] if c not in elsewhere and self.answers(c) and tells_harm(c.stems)), best
                )
        if happening and gives_a_count(best, happening) and not counts_people(best.text):
            # "How many people were shot at the Kansas City parade?": "11 children were shot …" counts some of them; the
            # same article's "In total 22 people suffered gunshot wounds" counts them all, and answers
            whole = [
                c
                for c in pool
                if c.hit.chunk.article_id == best.hit.chunk.article_id
                and self.answers(c)
                and gives_a_count(c, happening)
                and counts_people(c.text)
            ]
            best = whole[0] if whole else best
        if verdict is None and kind in ("how_many", "how_much") and not gives_a_count(best, happening):
            # a count a little further down, from a passage that answers, over none: "The House passed the bill 352-65"
            # for "How many people voted for the TikTok bill in the House?", below "This week the House of
            # Representatives voted to pass a TikTok bill …", which holds "TikTok" and no number
            counted = [
                c
                for c in pool[:COUNT_POOL]
                if self.answers(c)
                and gives_a_count(c, happening)
                and c.score >= COUNT_NEAR_BEST * best.score
                and c not in elsewhere
            ]
            # ... or in the rest of the best passage's article, when the question counts people and names its place:
            # "How many people were killed in the Kansas City shooting?" has "In total 22 people suffered gunshot
            # wounds, including one fatality" a paragraph below the passages retrieved (an outside try)
            counted = counted or self.counted_further_on(best, hits, article_texts, pool, happening, elsewhere, question)
            if counted:
                best = counted[0]
                if best not in pool:
                    pool.append(best)
            else:
                # "How many people died in the Orlando shooting?", the toll in no retrieved sentence: the closest ones
                # are no more than that, and say so, as a hedged yes/no does
                verdict = NO_COUNT_GIVEN
        if kind == "yes_no":
            # the sentence that settles the question leads, when one of the best few does: "Did Trump win the
            # Michigan primary?" ranked "Minutes after winning Michigan's Republican primary, Donald Trump phoned
            # in …" (no one wins in it) above "Former President Donald Trump won Michigan's Republican primary"
            # "Is Rubio still in the race?" is settled as "Did Rubio drop out?" (`as_dropping_out`), its words too: "she is
            # not dropping out" denies it
            settling_terms = terms | self.key_terms(settling)
            predicate = predicate_stems(settling)
            deny = lambda text: self.denies(text, settling_terms, predicate)  # noqa: E731
            names = self.name_stems(question)
            # a sentence telling the event by another verb lacks the asked verb's word, which its passage's share of the
            # question counts: "Haley withdrew from the race" for "Did Haley drop out?" (`verdict.SAME_EVENT`)
            contenders = [best] + [
                c for c in pool[:YES_NO_POOL] if c is not best and (self.answers(c) or by_another_verb(settling, c.text))
            ]
            # ... which ranks it far down the pool when its passage is about something else: "When Republican hopeful
            # Nikki Haley withdrew from the race two weeks ago, it effectively left only one …" (a Delaware ballot story)
            others = other_event_words(settling)
            contenders += [
                c for c in pool[YES_NO_POOL:] if others & c.stems and names <= c.stems and by_another_verb(settling, c.text)
            ][:YES_NO_POOL]
            if anyone is not None:
                # ... and for "Was anyone killed at the Kansas City parade?", a sentence telling who was, whose passage
                # names the parade: "In total 22 people suffered gunshot wounds, including one fatality" (outside try)
                contenders += [
                    c
                    for c in pool[YES_NO_POOL:ANYONE_POOL]
                    if self.answers(c) and (counts_the_harmed(c.text, anyone["done"]) or NO_ONE.search(c.text))
                ]
            if latest_outcome is not None:
                # "Did the Chiefs win the Super Bowl?" asked in February 2024 is not settled by the 2023 game
                contenders = [c for c in contenders if within_a_year(c, news_day)]
            if anyone is not None:
                # "Was anyone killed in the Kansas City Super Bowl parade shooting?" got "Yes." from "Following Lunar New
                # Year celebrations in Monterey Park, California, 11 people were killed", the story's list of earlier
                # shootings (a fact-checker's try): harm told of a place the question does not name settles nothing of
                # the one asked (nor a place inside a name: the recognizer read "the Kansas City Super Bowl" as an
                # organisation)
                if places := asked_places(question) or places_inside_names(question):
                    contenders = [c for c in contenders if not of_another_place(paragraph_to(c, article_texts), places)]
            if in_window is not None:
                # nor is a question of named days by another day's report: "Did the Fed cut rates in March?" got "No."
                # from January's "… held its key interest rate steady Wednesday …, signaled that a March move is
                # probably a long shot" (a fact-checker's try; no article told of the March meeting)
                contenders = [c for c in contenders if in_window(c.hit.chunk.published)]
            # a correction settles what it corrects before the report it corrects: "Did the water authority close the
            # Cedar Run plant?" got "Yes." from the story a later "… incorrectly reported that the Harlow Valley Water
            # Authority had closed the Cedar Run treatment plant" retracted (a journalist's try)
            contenders.sort(key=lambda c: CORRECTED.search(c.text) is None)
            for c in contenders:
                verdict = yes_or_no(question, c, deny, names)
                if verdict != UNSETTLED:
                    best = c
                    if corrected := CORRECTED.search(c.text):
                        # ... and the report it corrects is no second sentence beside it
                        claim = set(self.key_terms(c.text[corrected.end() :]))
                        pool = [d for d in pool if d is c or not retells_the_claim(d, claim, c)]
                    if anyone is not None and verdict == worded(question, holds=False):
                        # harm only grows: "No one was killed." of the fire's first day is no "No." beside a later
                        # "A worker injured in last week's fire … died Wednesday" (an outside try got the "No.")
                        later = [
                            d
                            for d in contenders
                            if d is not c
                            and d.hit.chunk.published_int >= c.hit.chunk.published_int
                            and yes_or_no(question, d, deny, names) == worded(question, holds=True)
                        ]
                        if later:
                            best, verdict = later[0], worded(question, holds=True)
                    break
            else:
                verdict = UNSETTLED
                # "Is Haley still in the race?", nothing telling her dropping out or not: the newest sentence that has
                # her staying in it ("Haley has committed to staying in the race") has her in it on its day
                # ... unless a sentence as new or newer tells of her leaving it, even as to come ("Nikki Haley will drop
                # out of the 2024 presidential race", 03-05, after "pledged to stay in the race" of 02-24)
                who = still_running_who(question)
                surname = set(stems(who.split()[-1])) if who else set()
                # (from the whole pool, the sentences saying so first found by their words: a report of staying in ranks
                # below weeks of the campaign's news, which a "still" question's search brings along)
                staying = [
                    c
                    for c in pool
                    if who
                    and {"stay", "remain"} & c.stems
                    and RACE_STEMS & c.stems
                    and surname <= c.stems
                    and stays_in_the_race(c.text, who)
                ]
                leaving = [c for c in contenders if {"drop", "out"} <= c.stems or by_another_verb(settling, c.text)]
                newest = max(staying, key=lambda c: (c.hit.chunk.published_int, c.score), default=None)
                if newest is not None and all(c.hit.chunk.published_int < newest.hit.chunk.published_int for c in leaving):
                    best, verdict = newest, YES
            if STILL.search(as_asked or question) and settling is question and verdict in (UNSETTLED, worded(question, True)):
                # "Are the dockworkers still on strike?", asked after "… as dockworkers returned to work, ending a 58-day
                # strike", was hedged with it (a researcher's own corpus): a state told over since, is no more
                if (ended := self.told_over(as_asked or question, best, pool)) is not None:
                    best, verdict = ended, worded(question, holds=False)
            elif OVER_ASKED.search(as_asked or question) and verdict != worded(question, holds=False):
                # ... and "Is the bus strike over?" by "… reached a tentative agreement, ending a strike that halted the
                # region's buses", which it was hedged with: "Yes."; "Is the strike over?" got "Yes." from "The strike …
                # is now in its fourth week", which holds its one key word: only an end told settles it so
                if (ended := self.told_over(as_asked or question, best, pool)) is not None:
                    best, verdict = ended, worded(question, holds=True)
                else:
                    verdict = UNSETTLED
        pool.remove(best)
        pool.insert(0, best)
        chosen = [best]
        older_figure = next((c for c in near_best if retells(c, best) and changed_figures(c, best) and is_older(c, best)), None)
        for c in pool[1:8]:
            if len(chosen) >= self.max_sentences:
                break
            if c.score < SECOND_SENTENCE_RATIO * best.score or not self.answers(c):
                continue
            if any(same_place(c, x) for x in chosen) and not names_what_they_do_not(c, chosen):
                continue
            if c in elsewhere:
                continue  # a count of another event, beside the asked one's
            if counting_now and only_foretold_figures(c.text):
                continue
            if of_long_ago(c, EVENT_YEAR) and not of_long_ago(best):
                continue  # "The first Super Bowl on Jan. 15, 1967 …" beside "Super Bowl 58 will kickoff on Feb. 11"
            if (
                outcome is not None
                and not WINNING_STEMS.isdisjoint(c.stems)
                and not of_another_year(c)  # "Bob Dole's 12-point win in 1996" is history
                and not (states_an_outcome(c, outcome, about, contest) and names_the_contest(c, contest))
            ):
                continue  # after the Chiefs' win, a preview's "if the Chiefs win on Sunday" is no history of it
            if outcome is not None and whose is not None and not whose(c):
                continue  # "Haley also won a race in the District of Columbia" needs no "… a quick win … over Nikki Haley"
            if outcome is not None and contest is not None and wins_another_thing(c.text, contest):
                continue  # "Prior to the Super Bowl era, the Rams won two NFL championships (1945 and 1951)" (outside tries)
            if outcome is not None and earlier_edition(c, contest, latest_edition):
                continue  # "The Super Bowl 56 win was the Rams' last playoff appearance" is 2022's, not history of 58's
            if verdict in VERDICTS and event is not None and self.mentions(c, event) and not reports_done(c.text, event):
                continue  # "Yes. … Haley withdrew from the race …" needs no "Haley will drop out … in a Wednesday address"
            chosen.append(c)
        history_before = None
        if older_figure is not None and older_figure not in chosen:
            chosen = [best, older_figure]  # the earlier figure, as history: "Earlier, on …: … 31 …"
        # "How many workers will Calloway hire?" led with 300 (11-03), then "Separately, Calloway … now expects to hire
        # about 355 workers …, up from 300" (11-09), a near tie (a journalist's try): a newer count that says it
        # replaces one leads, and the older is history
        counts = (
            [c for c in chosen if gives_a_count(c, happening)] if kind in ("how_many", "how_much") and verdict is None else []
        )
        updated = any(UPDATED.search(c.text) and any(is_older(d, c) for d in counts) for c in counts)
        if outcome is not None or edition_led:
            # the latest outcome reported leads; the rest follow newest first, the older ones as history
            chosen = [best] + sorted(chosen[1:], key=lambda c: c.hit.chunk.published_int, reverse=True)
            history_before = best.hit.chunk.published
        elif prefer_recent or older_figure is not None or updated:
            chosen.sort(key=lambda c: c.hit.chunk.published_int, reverse=True)
            history_before = chosen[0].hit.chunk.published  # an older figure is history, not the latest
        elif any(months_older(c, best) for c in chosen[1:]):
            # "Super Bowl 58 will begin … Sunday, Feb. 11, 2024. [1] … Super Bowl Sunday, which matches the Kansas City
            # Chiefs and the Philadelphia Eagles. [2]": the second, of 2023, read as this year's matchup (outside try)
            history_before = best.hit.chunk.published
        answer = self.compose(question, chosen, article_texts, history_before)
        if verdict is not None:
            answer.text = f"{verdict} {answer.text}"
        return answer

    def told_over(self, question: str, best: Candidate, pool: list[Candidate]) -> Candidate | None:
        """For "Is X still Y?" or "Is X over?", the newest sentence, as new as `best` or newer, that tells Y over."""
        state = asked_state(question)
        ended = [
            c
            for c in pool[:ROLE_POOL]
            if c.hit.chunk.published_int >= best.hit.chunk.published_int
            and self.answers(c)
            and ENDING_WORD.search(c.text)
            and ends_the_state(c.text, state)
        ]
        return max(ended, key=lambda c: (c.hit.chunk.published_int, c.score), default=None)

    def won_by_the_one_asked(self, question: str, terms: dict[str, float]) -> Callable[[Candidate], bool]:
        """For "When did the Rams win the Super Bowl?" (or "Which states did Haley win?"): whether a report may have the
        Rams win it, not someone else (it
        would settle "Did the Rams win the Super Bowl?" "No.": the latest game's, which the Chiefs won); any report for
        other questions. Unsettled is kept: "Trump clinched victory in the Iowa Caucuses" names no caucuses won."""
        if WHEN_DID.match(question):
            asked = WHEN_DID.sub("Did ", question, count=1)
        elif (won := WHICH_DID_WIN.match(question)) is not None:
            # "Which states did Haley win?" led with "Donald Trump has claimed victory in the Arkansas Republican
            # primary, notching a quick win in the state over Nikki Haley" (a journalist's try): a report of her loss
            surname = won["who"].split()[-1]
            return lambda c: told_winning(c.text, surname) and not told_beaten(c.text, surname)
        else:
            return lambda c: True
        settling_terms = terms | self.key_terms(asked)
        names = self.name_stems(question)
        return lambda c: yes_or_no(asked, c, lambda text: self.denies(text, settling_terms), names) != NO

    def names_told(self, c: Candidate, names: set[str], question: str = "") -> bool:
        """Whether the sentence holds the question's names, or is its article's lead and the headline holds the rest:
        "A fast-moving wildfire broke out Monday afternoon …" under "Ridgeback Fire erupts near Alder Springs" tells
        the Ridgeback Fire's start (an outside try was told no article tells that it happened); or names a person by
        the surname its passage gives in full: "James … became the first player to score 40,000 career points" for
        "When did LeBron James score 40,000 points?" (an analyst's try was told no article tells that it happened)."""
        if names <= c.stems:
            return True
        if question and first_names_left_to_the_passage(question, c, names):
            return True
        return c.start < LEAD_SENTENCE_CHARS and names <= c.stems | set(self.keyword.stems(c.hit.chunk.title))

    def mentions(self, c: Candidate, event: PastEvent) -> bool:
        """Whether the sentence holds a word of the event or of a verb that reports it ("landing", "touched"), or its
        noun ("announced his cancer diagnosis" for "diagnosed": the stems differ)."""
        words = [lemma for lemma, _ in forms_of(event)] + [EVENT_NOUNS.get(event.lemma, "")]
        return any(not set(self.keyword.stems(word)).isdisjoint(c.stems) for word in words if word)

    def reported_elsewhere(
        self,
        hits: list[Hit],
        article_texts: dict[str, str],
        tells: Callable[[Candidate], bool],
        seen: set[tuple[str, int]],
        articles: Callable[[Hit], bool] = lambda hit: True,
    ) -> list[Candidate]:
        """The sentences of the retrieved articles (those `articles` admits), outside their retrieved passages, that
        `tells` accepts: the passage of a preview can outrank the report's, and the report's article is retrieved by
        another passage ("Odysseus touches down …" by the paragraphs after "… gently touched down on the surface of
        the moon late Thursday"). Each is cited in its own paragraph."""
        found: list[Candidate] = []
        ranks: dict[str, int] = {}
        for rank, hit in enumerate(hits):
            if articles(hit):
                ranks.setdefault(hit.chunk.article_id, rank)
        for article_id, rank in ranks.items():
            text = article_texts.get(article_id, "")
            chunk = hits[rank].chunk
            for paragraph_start, paragraph_end in paragraphs(text):
                paragraph = text[paragraph_start:paragraph_end]
                for sentence_start, sentence_end in citable_sentences(paragraph):
                    start, end = paragraph_start + sentence_start, paragraph_start + sentence_end
                    sentence = text[start:end]
                    if (article_id, start) in seen or end - start < MIN_SENTENCE_CHARS or ASKS.search(sentence):
                        continue
                    sentence_stems = set(self.keyword.stems(sentence))
                    c = Candidate(rank, hits[rank], start, end, sentence, sentence_stems)
                    if not tells(c):
                        continue
                    record = chunk.model_copy(
                        update={"id": f"{chunk.id}+{start}", "text": paragraph, "start": paragraph_start, "end": paragraph_end}
                    )
                    c.hit = Hit(chunk=record, score=hits[rank].score)
                    found.append(c)
        return found

    def headline_leads(
        self, question: str, hits: list[Hit], article_texts: dict[str, str], terms: dict[str, float], seen: set[tuple[str, int]]
    ) -> list[Candidate]:
        """The first sentence of each retrieved article whose headline holds the question's names and most of its
        words, when another passage brought it: "How long is Kamila Valieva banned for?" met a later paragraph of
        "Kamila Valieva banned four years for doping" and 2022 sentences, not its lead "… the Court of Arbitration for
        Sport banned Russian Olympic figure skater Kamila Valieva Monday morning for four years"."""
        names, total = self.name_stems(question), sum(terms.values())
        if not names or not total:
            return []
        titled = set()
        for hit in hits:
            title = set(self.keyword.stems(hit.chunk.title))
            if names <= title and sum(w for s, w in terms.items() if s in title) / total >= HEADLINE_SHARE:
                titled.add(hit.chunk.article_id)
        if not titled:
            return []
        leads = self.reported_elsewhere(
            hits, article_texts, lambda c: c.start < LEAD_SENTENCE_CHARS, seen, lambda hit: hit.chunk.article_id in titled
        )
        firsts: dict[str, Candidate] = {}  # `reported_elsewhere` leaves out the sentences in `seen`
        for c in leads:
            firsts.setdefault(c.hit.chunk.article_id, c)
        return list(firsts.values())

    def answered_below(
        self,
        hits: list[Hit],
        article_texts: dict[str, str],
        terms: dict[str, float],
        seen: dict[tuple[str, int], Candidate],
        holder: frozenset[str] = frozenset(),
    ) -> list[Candidate]:
        """The first sentence under each subhead of the retrieved articles that asks the question: "What caused the
        AT&T outage?" was answered "Here's what we know so far about the cause of the AT&T outage." (an outside try)
        while the article's explainer went on "What caused the AT&T outage?" / "An initial review by the company found
        the disruption was caused by …". Its passage is the subhead and the paragraph, and it holds the subhead's words
        as a lead holds its headline's (`measure`); one among the candidates (`seen`) already is marked so in place.
        A count asked of someone (`holder`) under a subhead asking it of several ("How many delegates does Donald Trump
        have? How many delegates does Joe Biden have?") is the first paragraph under it that names them, from its
        first sentence to the first with a figure ("Trump has a larger threshold … He has gained 1,075 delegates so
        far …"): the first paragraph was Biden's count, given for Trump's (an analyst's try)."""
        total = sum(terms.values())
        found: list[Candidate] = []
        read: set[str] = set()  # each article once, at its best-ranked hit
        for rank, hit in enumerate(hits):
            article_id = hit.chunk.article_id
            if not total or article_id in read:
                continue
            read.add(article_id)
            text = article_texts.get(article_id, "")
            if "?\n" not in text:
                continue  # no line of it ends in a question: no subhead asks (most articles; no paragraph split needed)
            lines = paragraphs(text)
            for (asked_start, asked_end), (start, end) in zip(lines, lines[1:]):
                subhead = text[asked_start:asked_end].strip()
                if not subhead.endswith("?") or len(subhead) > ASKED_SUBHEAD_CHARS:
                    continue
                asked = self.held_stems(subhead)
                if sum(w for s, w in terms.items() if s in asked) / total < ASKED_SUBHEAD_SHARE:
                    continue
                if holder and subhead.count("?") > 1 and (held := self.paragraph_of(text, lines, (start, end), holder)):
                    start, end, first = held
                    paragraph = text[start:end]
                else:
                    paragraph = text[start:end]
                    first = next(iter(citable_sentences(paragraph)), None)
                if first is None or ASKS.search(paragraph[first[0] : first[1]]):
                    break
                if (retrieved := seen.get((article_id, start + first[0]))) is not None:
                    retrieved.asked_above = asked
                    if retrieved.end < start + first[1]:  # a count's paragraph, read on to its figure (`paragraph_of`)
                        retrieved.end, retrieved.text = start + first[1], paragraph[first[0] : first[1]]
                        retrieved.stems = set(self.keyword.stems(retrieved.text))
                    break
                record = hit.chunk.model_copy(
                    update={"id": f"{hit.chunk.id}+{start}", "text": text[asked_start:end], "start": asked_start, "end": end}
                )
                sentence = paragraph[first[0] : first[1]]
                c = Candidate(rank, Hit(chunk=record, score=hit.score), start + first[0], start + first[1], sentence)
                c.stems, c.asked_above = set(self.keyword.stems(sentence)), asked
                found.append(c)
                break
        return found

    def paragraph_of(
        self, text: str, lines: list[tuple[int, int]], below: tuple[int, int], holder: frozenset[str]
    ) -> tuple[int, int, tuple[int, int]] | None:
        """The first of the few paragraphs from `below` on (before the next subhead) that names `holder`, with the
        span in it from its first sentence to the first that gives a figure; None when none names them so."""
        at = lines.index(below)
        for start, end in lines[at : at + SUBHEAD_PARAGRAPHS]:
            paragraph = text[start:end]
            if paragraph.strip().endswith("?"):
                return None  # the next subhead
            sentences = list(citable_sentences(paragraph))
            if not sentences or holder.isdisjoint(self.keyword.stems(paragraph)):
                continue
            figure = next((s for s in sentences if NUMBER.search(paragraph[s[0] : s[1]])), None)
            if figure is None:
                continue
            return start, end, (sentences[0][0], figure[1])
        return None

    def outcome_elsewhere(
        self,
        question: str,
        hits: list[Hit],
        article_texts: dict[str, str],
        pool: list[Candidate],
        news_day: date | None,
        terms: dict[str, float],
    ) -> list[Candidate]:
        """The sentences of the retrieved articles of the last year, outside their retrieved passages, that may report
        the asked outcome (`reported_elsewhere`): they hold the words of the contest asked about ("Iowa", "caucus")
        and one of winning, name the day as news does ("on Monday", `NEWS_DAY`; history does not: "He won the Rams a
        Super Bowl in his first season"), and answer the question well enough, with the passage that brought their
        article; `latest_report` judges which reports it."""
        contest = asked_contest(question)
        wanted = event_words(question) if contest is None else contest.words  # stems, as `Candidate.stems`
        winning = WINNING_STEMS | set(self.keyword.stems("victorious"))
        found = self.reported_elsewhere(
            hits,
            article_texts,
            lambda c: bool(wanted) and wanted <= c.stems and not winning.isdisjoint(c.stems) and bool(NEWS_DAY.search(c.text)),
            {(c.hit.chunk.article_id, c.start) for c in pool},
            lambda hit: within_a_year_of(hit.chunk.published, news_day),
        )
        self.measure(found, [c.hit for c in found], terms, self.cased_names(question))
        for c in found:
            # its article answers as well as its retrieved passage does: the report's paragraph is short ("… clinched
            # victory in the Iowa Caucuses on Monday, …"), the passage that brought the article holds the rest
            c.support = max([c.support] + [p.support for p in pool if p.hit.chunk.article_id == c.hit.chunk.article_id])
        return [c for c in found if self.answers(c)]

    def of_another_years_edition(self, c: Candidate, question_words: set[str]) -> bool:
        """Whether the sentence tells of next or last year's edition of what the question asks about: "Next year's
        Super Bowl will be held at …" (its words after "next year's" all the question's)."""
        for found in YEAR_WORD_EDITION.finditer(c.text):
            named = set(self.keyword.stems(found["what"]))
            if named and named <= question_words:
                return True
        return False

    def counted_further_on(
        self,
        best: Candidate,
        hits: list[Hit],
        article_texts: dict[str, str],
        pool: list[Candidate],
        happening: frozenset[str],
        elsewhere: list[Candidate],
        question: str,
    ) -> list[Candidate]:
        """For a count of people at a place the question names: the sentences of the best passage's article, outside
        its retrieved passages, that count people the question's way (`gives_a_count`), told of that place
        (`told_at`), in the article's order; none without a place named, or when the best sentence is
        itself another place's."""
        places = asked_places(question)
        if not happening or not places or best in elsewhere:
            return []
        article = best.hit.chunk.article_id
        found = self.reported_elsewhere(
            hits,
            article_texts,
            lambda c: gives_a_count(c, happening) and told_at(c, places, article_texts),
            {(c.hit.chunk.article_id, c.start) for c in pool},
            lambda hit: hit.chunk.article_id == article,
        )
        for c in found:
            c.support, c.score = best.support, best.score  # its article answers as its best passage does
        # ... and those of its retrieved passages that ranked too low to be counted
        retrieved = [
            c
            for c in pool
            if c.hit.chunk.article_id == article
            and gives_a_count(c, happening)
            and c not in elsewhere
            and told_at(c, places, article_texts)
        ]
        return sorted(retrieved + found, key=lambda c: c.start)

    def titled_win(self, c: Candidate, about: frozenset[str], contest: Contest | None) -> bool:
        """Whether the sentence tells a win of the event asked about with its article's title: asked in March "Who won
        the Golden Globe for best drama?", '"Oppenheimer" won five awards including best drama …' under "… at Golden
        Globes" held too few of the question's words to score near the previews that name the Globes themselves."""
        wanted = words_of_the_event(contest, about)
        return (
            bool(wanted)
            and not WINNING_STEMS.isdisjoint(c.stems)
            # some of the event in the sentence, the rest in the headline: "Red won out in the end", in a history of
            # Super Bowl logos, is no report of a Super Bowl
            and wanted <= c.stems | set(self.keyword.stems(c.hit.chunk.title))
            # won by someone, as a verb tells: "Never before had the margin of victory for a Republican been so large",
            # under an Iowa caucuses headline, names no winner
            and any(
                t.lemma_ in OUTCOME_VERBS
                and t.tag_ in ("VBD", "VBN")
                # ... and winning a race of its own, as its object: "Daniel Kiprop won the men's race …" under "Kiprop
                # wins Millbrook marathon" (an analyst's own articles)
                and (
                    not wanted.isdisjoint(c.stems)
                    or any(o.dep_ == "dobj" and not CONTEST_KINDS.isdisjoint(stems(o.text)) for o in t.children)
                )
                for t in parsed(c.text)
            )
        )

    def is_rare(self, word: str) -> bool:
        """A word few articles hold, as the words of a name are ("Buffalo", "Avi"; not "New")."""
        return all(self.keyword.idf(stem) >= NAME_WORD_IDF for stem in self.keyword.stems(word))

    def denies(self, text: str, terms: dict[str, float], predicate: frozenset[str] = frozenset()) -> bool:
        """Whether `text` negates one of the question's terms: a "not"/"n't"/"never" right before
        it ("do not need to be relabeled"), not any negation ("aren't aware that tahini is made…")."""
        for match in NEGATION.finditer(text):
            following = re.findall(r"\w+", text[match.end() : match.end() + 40])[:3]
            if any(stem in terms for stem in self.keyword.stems(" ".join(following))):
                return True
        # ... or a "not" on a verb whose own words (not a clause it reports) hold one further on: "this election was not
        # something that met any kind of benchmark of being free or fair" got "Yes." to "Was the election fair?" (an
        # outside try)
        # ... of the question's predicate, not its subject: "It also wasn't required for a product such as tahini, which
        # is made …" denies nothing of tahini's making
        return bool(predicate) and any(not predicate.isdisjoint(self.keyword.stems(words)) for words in negated_words(text))

    def measure(
        self,
        candidates: list[Candidate],
        hits: list[Hit],
        terms: dict[str, float],
        names: frozenset[str] = frozenset(),
        implied: dict[str, frozenset[str]] | None = None,
    ) -> None:
        """Each sentence's share of the weighted `terms` (lexical), its passage's share, title included
        (support), and the score those and its passage's rank give; answerers add their own bonuses.
        A name of the question's (`names`, stems of its capitalised words) is held only by a passage that
        writes it capitalised somewhere: "What is the latest on the Fed?" was answered "The 687 Reamer Fire
        fed into it"; "the court" still counts in a passage that names the Supreme Court."""
        total = sum(terms.values())
        passage_stems = {}
        for h in hits:
            passage = f"{h.chunk.title}\n{h.chunk.text}"
            held = self.held_stems(passage)
            if names:
                written_as_names = set(self.keyword.stems(" ".join(NAME_OR_NUMBER.findall(passage)))) | nation_names(passage)
                held -= names - written_as_names
                held |= {name for name in names - held if clipped_from(name, passage)}
            passage_stems[h.chunk.id] = with_implied(self.with_prefixed_terms(held, terms), implied)
        for c in candidates:
            held = passage_stems[c.hit.chunk.id]
            c.stems = with_implied(self.with_prefixed_terms(c.stems, terms), implied)
            # "the Fed" is the Federal Reserve: a sentence naming it so holds the question's "Fed" (for a verdict too)
            c.stems |= {name for name in names - c.stems if clipped_from(name, c.text)}
            c.lexical = sum(w for s, w in terms.items() if s in c.stems and (s not in names or s in held)) / total
            if c.start <= 1 and repeats_the_headline(c.text, c.hit.chunk.title):
                # the lead says in full what the headline says: "Biden administration announces $8.5 billion grant
                # for Ohio Intel plant" over "Intel has landed $8.5 billion in federal subsidies …", which holds
                # none of "How much is the grant for the Intel plant in Ohio?" but "Intel"
                headline = set(self.keyword.stems(c.hit.chunk.title))
                c.lexical = max(c.lexical, sum(w for s, w in terms.items() if s in headline) / total)
            if c.asked_above:  # the answer under a subhead that asks the question holds what it asks
                c.lexical = max(c.lexical, sum(w for s, w in terms.items() if s in c.asked_above) / total)
            c.support = sum(w for s, w in terms.items() if s in held) / total
            c.score = 0.6 * c.lexical + 0.25 * c.support + 0.05 / (1 + c.hit_rank)

    def passage_stems(self, c: Candidate) -> set[str]:
        """The stems of the sentence's passage and its title."""
        return set(self.keyword.stems(f"{c.hit.chunk.title}\n{c.hit.chunk.text}"))

    def answers(self, c: Candidate) -> bool:
        """The sentence's passage holds enough of the question to answer from it."""
        return c.support >= self.min_support and c.lexical > 0

    def prefer_typed(
        self,
        pool: list[Candidate],
        analysis: QuestionAnalysis,
        question_words: set[str],
        names: frozenset[str] = frozenset(),
        happening: frozenset[str] = frozenset(),
        question: str = "",
    ) -> None:
        """Raise the sentences that name a thing of the kind asked for that the question does not
        name ("Which team does Damar Hamlin play for?": an ORG other than Hamlin's name); for "how many", not a
        rate the question does not ask for ("10,000 a day" for "how many last year?")."""
        # a sentence naming nothing the question does not (no new capitalised word or number, no day
        # word for a "when") holds no new entity: the NER (~2 ms a sentence) need not read it
        pool = [c for c in pool if self.may_name_something_new(c.text, analysis, question_words)]
        if analysis.head in TALLY_HEADS:
            # "What was the score of the Lions Rams playoff game?": a tally, which the entity recognizer reads as
            # anything ("24-23" a date, a cardinal or nothing)
            for c in pool:
                # of the game asked about: "What was the score of the NFC championship game?" met last year's "38-7 win"
                if not names <= c.stems:
                    continue
                # ... and not a score along the way: "… with Michigan leading 20-13 with 15 minutes left to go" was given for
                # the championship game's score (a fact-checker's try; its report says "Michigan beat … 34-13")
                c.answer_entities = [] if PREDICTS.search(c.text) or told_along_the_way(c) else TALLY.findall(c.text)
                if c.answer_entities:
                    # the result ("defeated the No. 6 Los Angeles Rams, 24-23") over a score along the way ("to take
                    # a 21-10 lead"), which a live page tells by the dozen
                    c.score += TYPED_BONUS * (1.5 if RESULT_STEMS & c.stems else 1.0)
            return
        # "How many people died …?" counts the people of a sentence that tells them dying (`happening`), not any people
        rate_asked = analysis.kind != "how_many" or asked_rate(question) is not None
        for c, found in zip(pool, entities_of([c.text for c in pool])):
            if happening and happening.isdisjoint(c.stems):
                continue
            c.answer_entities = [
                text
                for text, label in found
                if label in analysis.expects
                and holds_the_unit(analysis, text)
                and not set(self.keyword.stems(text)) <= question_words
                and (analysis.kind != "how_old" or is_age(c.text, text))  # "two World Wars" is no age
                and (rate_asked or not is_rate(c.text, text))
                and not (analysis.kind in ("how_many", "how_much") and numbers_a_name(c.text, text))
            ]
            # the NER reads a lone surname as an organisation at times ("Boodram is one of 16 contestants")
            c.surnames = {
                text: label
                for text, label in found
                if label in ("PERSON", "ORG") and text in c.answer_entities and " " not in text
            }
            if c.answer_entities:
                c.score += TYPED_BONUS
                if analysis.kind == "when" and any(MONTH_DAY.search(entity) for entity in c.answer_entities):
                    # a day answers "when" better than a year or a time of day: "When is the solar eclipse?" led with
                    # "… the 2017 solar eclipse, and it will be again this year" over "On April 8, …" (a reader's try)
                    c.score += DAY_BONUS

    def counts(self, text: str, entity: str, counted: frozenset[str]) -> bool:
        """Whether the number `entity` in `text` counts the thing asked for: a word of it within the three after."""
        at = text.find(entity)
        if at < 0:
            return False
        following = re.findall(r"[\w'-]+", text[at + len(entity) : at + len(entity) + 40])[:3]
        return not counted.isdisjoint(self.keyword.stems(" ".join(following)))

    def names_someone_new(self, text: str, question_words: set[str]) -> bool:
        """Whether the sentence names someone or something by a name the question does not hold (not a pronoun)."""
        return any(
            word.lower() not in PRONOUNS and not set(self.keyword.stems(word)) <= question_words
            for word in NAME_OR_NUMBER.findall(text)
            if not word[0].isdigit()
        )

    def may_name_something_new(self, text: str, analysis: QuestionAnalysis, question_words: set[str]) -> bool:
        if any(not set(self.keyword.stems(w)) <= question_words for w in NAME_OR_NUMBER.findall(text[1:])):
            return True
        if analysis.expects & {"DATE", "TIME"} and DATE_WORDS.search(text):
            return True
        return bool(analysis.expects & {"CARDINAL", "QUANTITY", "MONEY", "PERCENT"} and NUMBER.search(text))

    def new_information_bonus(self, kind: str, text: str, question_words: set[str]) -> float:
        """An answer names something the question doesn't: a name or number not asked about."""
        if kind == "why":
            return 0.0
        new = [w for w in NAME_OR_NUMBER.findall(text[1:]) if not set(self.keyword.stems(w)) <= question_words]
        return 0.06 if new else 0.0

    @staticmethod
    def kind_bonus(kind: str, text: str) -> float:
        if kind in ("who", "who_said") and SPEECH.search(text) and NAME.search(text[1:]):
            return 0.05
        if kind == "when" and DATE_WORDS.search(text):
            return 0.08
        if kind in ("how_many", "how_much") and NUMBER.search(text):
            return 0.08
        return 0.0

    def compose(
        self, question: str, chosen: list[Candidate], article_texts: dict[str, str], history_before: str | None = None
    ) -> Answer:
        """The chosen sentences, cited, with calendar dates for their day words. A sentence from before
        `history_before` (a "latest" answer's newest day) says it is earlier news: a death toll of 140
        beside the newest 160 must not read as current."""
        citations: list[Citation] = []
        parts: list[str] = []
        asks_a_state = analyze(question).head == "state"
        for c in chosen:
            chunk = c.hit.chunk
            text = article_texts.get(chunk.article_id, "")
            start, end = c.start, c.end
            if PRONOUN_START.match(c.text):
                start = previous_sentence_start(text, start, floor=chunk.start)
            n = len(citations) + 1
            citation = cite_in_chunk(n, chunk, text, start, end, fallback_quote=c.text)
            sentence = " ".join(citation.quote.split())
            if any(sentence in " ".join(earlier.quote.split()) for earlier in citations):
                # already said: "He also won Nevada's …" is cited with the sentence before it, which a wire copy in
                # another outlet gave as a second sentence of its own (an outside try read the same words twice)
                continue
            citations.append(citation)
            earlier = (
                f"Earlier, on {chunk.published}: "
                if history_before and chunk.published and chunk.published < history_before
                else ""
            )
            sentence = with_full_names(with_calendar_dates(sentence, chunk.published), c.surnames, text, self.is_rare)
            if asks_a_state:
                sentence = with_state_names(sentence)
            parts.append(f"{earlier}{sentence} [{n}]")
        return Answer(question=question, text=" ".join(parts), answered=True, citations=citations, mode="extractive")


FIGURE = re.compile(r"\d+(?:[.,]\d+)*")


NO_COUNT_GIVEN = "No article here gives that number; the closest they come:"
NO_HOLDER_NAMED = "No article here names who holds that post; the closest they come:"
PREFIXED_RARER = 1.0  # how much higher a "re-" word's IDF is than its base's when it means the base's event again
# "next year's Super Bowl", "last year's game": an edition of another year, by the words after it
YEAR_WORD_EDITION = re.compile(r"\b(?:next|last)\s+year['’]s\s+(?P<what>(?:[A-Za-z]+\s+){0,2}[A-Za-z]+)", re.IGNORECASE)
HISTORY_DAYS = 31  # a second sentence this much older than the answer's is told as earlier news, with its day
WHEN_DID = re.compile(r"^\s*when\s+did\s+", re.IGNORECASE)


WHO_OR_WHICH = re.compile(r"^\s*(?:who|which)\b", re.IGNORECASE)  # "Who won …?", "Which film won …?": a winner asked


def reported_by_then(c: Candidate, question: str) -> bool:
    """Whether the sentence's article is of the year an outcome question asks about or later: "Who won the 2024 Masters
    golf tournament?" was answered from a 2019 profile of a broadcaster, "a three-time Emmy winner" who announces
    the Masters (an analyst's try); no article of 2019 reports a 2024 outcome."""
    years = {int(found[0]) for found in YEAR.finditer(question)}
    published = c.hit.chunk.published[:4]
    return len(years) != 1 or not published.isdigit() or int(published) >= min(years)


def told_winning(text: str, name: str) -> bool:
    """Whether `name` comes before a word of winning in the sentence: "Haley did defeat Trump in one contest", "Haley
    also won a race in the District of Columbia"; not "He also won Nevada's Republican race, though he and Haley …"."""
    return bool(
        re.search(
            rf"\b{re.escape(name)}\b[^.;]*?\b(?:won|wins|win|winning|defeated|defeats|defeat|beat|beats|carried|"
            rf"captured|took|victory|victories|clinched)\b",
            text,
        )
    )


def told_beaten(text: str, name: str) -> bool:
    """Whether the sentence has `name` beaten: "a quick win in the state over Nikki Haley", "Trump defeated Haley",
    "Nikki Haley was defeated by 'none of these candidates'"."""
    return bool(
        re.search(
            rf"\b(?:win|wins|won|victory|victories|lead)\b[^.;]*?\bover\s+(?:[\w.'’-]+\s+){{0,6}}?{re.escape(name)}\b"
            rf"|\b(?:defeated|beat|beats|defeats|trounced|routed|ahead\s+of)\s+(?:[\w.'’-]+\s+){{0,6}}?{re.escape(name)}\b"
            rf"|\b{re.escape(name)}\b[^.;]*?\b(?:was|were|is|been|got)\s+(?:\w+\s+)?(?:defeated|beaten|trounced|routed)\b",
            text,
        )
    )


# "Which states did Haley win?", "What primaries did Nikki Haley win in March?": what a named one won
WHICH_DID_WIN = re.compile(
    r"^\s*(?i:which|what)\b[^?]*?\b(?i:did)\s+(?P<who>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+(?i:win)\b(?P<rest>[^?]*)\?*\s*$"
)


# a game told as it goes, not as it ended: "leading 20-13 with 15 minutes left", "to take a 21-10 lead", "at halftime"
IN_PROGRESS = re.compile(
    r"\b(?:leading|led|leads|trailing|trailed|trails|halftime|at the half|(?:minutes?|seconds?) (?:left|remaining|to go)|"
    r"heading into|(?:take|took|taking|extend\w*|cut) (?:a|an|the|their|its) (?:\d{1,3}[-–]\d{1,3} )?lead)\b",
    re.IGNORECASE,
)
# a score foretold, not played: "This will be a 27-24 game either way, and our guess is Mahomes finds a way …"
PREDICTS = re.compile(r"\b(?:will|predict\w*|guess|projected|forecast\w*)\b", re.I)
# "Who is the prime minister of Haiti?", "Who was the CEO of Boeing?", "Who is the Boeing CEO?": the post asked about
ROLE_OF = re.compile(
    r"^\s*(?i:who\s+(?:is|was))\s+(?:the\s+)?(?:(?:current|new|acting|interim)\s+)?"
    r"(?P<role>(?:[a-z]+\s+){0,2}(?:[a-z]+|[A-Z]{2,4}))\s+(?:of|at|for)\s+\S",
)
ROLE_AFTER_NAME = re.compile(
    r"^\s*(?i:who\s+(?:is|was))\s+the\s+(?:[A-Z][\w&.'’-]*\s+)+(?P<role>[a-z]+(?:\s+[a-z]+)?|[A-Z]{2,4})\s*\?"
)
OF_WHOM = re.compile(r"\s+(?:of|at)\s+(?:the\s+)?(?P<whose>[A-Z][\w&.'’-]*)")  # "director of the Brantley Water …"
HOLDER_NAME = r"[A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+){0,3}"
ROLE_POOL = 30  # how far down the sentences a holder of the post asked about is looked for
NOT_THE_HOLDER = frozenset(
    {"former", "ex", "late", "acting", "interim", "deputy", "vice", "then", "previous", "next", "was", "had", "been"}
)


def negated_words(text: str) -> list[str]:
    """For each verb a "not" or "never" negates in `text`, the words of what it says of its subject: its subtree but the
    subject and any clause it reports or hangs on ("aren't aware that tahini is made …" negates no making)."""
    if "not" not in text and "n't" not in text and "n’t" not in text and "never" not in text:
        return []  # most sentences: no parse needed
    found = []
    for token in parsed(text):
        if token.dep_ != "neg":
            continue
        head = token.head
        kept, todo = [head], [c for c in head.children if c.dep_ not in ("nsubj", "nsubjpass", "neg")]
        while todo:
            word = todo.pop()
            if word.dep_ in REPORTED_CLAUSES or (word.dep_ == "relcl" and word.head.dep_ == "pobj"):
                # (nor what a clause says of a thing named in passing: "wasn't required for a product such as tahini,
                # which is made from ground sesame paste" denies no making)
                continue
            kept.append(word)
            todo.extend(word.children)
        found.append(" ".join(t.text for t in sorted(kept, key=lambda t: t.i) if not t.is_punct))
    return found


REPORTED_CLAUSES = ("csubj", "ccomp", "advcl", "parataxis", "mark")  # a negated verb's words stop at these


# words of one family, as stems: a sentence holding one holds the others as far as the question's words go
WORD_FAMILIES = (
    frozenset(stems("sue sued suing suit suits lawsuit lawsuits")),
    # "How many people got sick?" is answered by "14 people had been treated … for stomach illness" (a second outside
    # try was declined)
    frozenset(stems("sick sickened sickening sickness ill illness illnesses")),
    # "How many people attended the Lantern Festival?" is answered by "A record crowd of about 15,500 people filled …"
    # (a reporter's own corpus got "No article here gives that number" above it)
    frozenset(stems("attend attended attending attendance crowd crowds turnout")),
    # "What was the inflation rate in January?" is answered by "… the consumer price index rose 0.3% from December to
    # January …", the report's lead (two outside tries got its housing figure, "It rose 0.6% …", which names neither)
    frozenset(stems("inflation inflationary price prices CPI")),
)
# "What caused …?", "What sparked …?": the verbs that tell a cause, and the words that say it is not yet known
CAUSE_ASKED = re.compile(r"^\s*what\s+(?:caused|causes|sparked|triggered|started|ignited|led\s+to)\b", re.IGNORECASE)
CAUSED = ("caused", "sparked", "triggered", "ignited", "started", "blamed")  # a cause told, in the past tense
CAUSING = frozenset(stems(" ".join(("cause causing spark trigger ignite blame start", *CAUSED))))
# ... and one still sought: "working closely with AT&T to understand the cause of the outage", "hasn’t yet determined"
CAUSE_UNKNOWN = re.compile(
    r"\b(?:under\s+investigation|(?:not|n['’]t|yet\s+to)\s+(?:yet\s+)?(?:been\s+)?(?:announced|determined|known|released|"
    r"identified|established)|unknown|unclear|undetermined|(?:investigat\w*|understand\w*|determin\w*|look\w*\s+into|"
    r"prob\w*|review\w*)\s+(?:the|what)\s+caus\w*)",
    re.IGNORECASE,
)
CAUSE_TOLD = re.compile(rf"\b(?:{'|'.join(CAUSED)})\b", re.IGNORECASE)
UNKNOWN_CAUSE_PENALTY = 0.3


def with_implied(held: set[str], implied: dict[str, frozenset[str]] | None) -> set[str]:
    """`held` with each `implied` stem whose family it holds a word of ("kill" by a text holding "die")."""
    if not implied:
        return held
    found = {stem for stem, family in implied.items() if stem not in held and not family.isdisjoint(held)}
    return held | found if found else held


def asked_role(question: str) -> str | None:
    """The post a "Who is the … ?" question asks the holder of ("prime minister"), or None."""
    match = ROLE_OF.match(question) or ROLE_AFTER_NAME.match(question)
    if match is None:
        return None
    # a noun, not a deed: "Who was arrested at the Kansas City Chiefs parade?" was told "No article here names who
    # holds that post" (a web-chat try)
    head = next((word for word in parsed(question) if word.idx == match.start("role") + match["role"].rfind(" ") + 1), None)
    return match["role"] if head is None or head.tag_.startswith("NN") else None


def first_letters(text: str, capitalised: bool = False) -> set[str]:
    """The first four letters of each word of four or more (of each capitalised one), lower-cased: "Russian" and
    "Russia" alike."""
    return {word[:4].lower() for word in re.findall(r"\b[A-Z][A-Za-z]{3,}" if capitalised else r"[A-Za-z]{4,}", text)}


def names_the_holder(sentence: str, role: str, question: str) -> bool:
    """Whether the sentence names someone as now holding `role`, by name beside it: "Prime Minister Ariel Henry",
    "Dave Calhoun, Boeing's CEO", "Henry took over as prime minister". Not another's post ("Spirit CEO Tom Gentile"
    for the Boeing CEO: a name before the post that the question does not give), not a past or stand-in holder
    ("former House Speaker Kevin McCarthy", "Patrick Boivert, acting prime minister"), not a name the question gives."""
    return any(True for _ in holders_named(sentence, role, question))


def of_another_owner(sentence: str, role: str, question: str) -> bool:
    """Whether every holder of `role` the sentence names is named as another's than the question's ("of the
    Kingsbridge Harbor Authority" for "the director of the Port of Halden"); False when the question names no owner."""
    owners = first_letters(question[1:], capitalised=True)
    named = list(holders_named(sentence, role, question))
    return bool(owners and named) and all(o[:1].isupper() and o[:4].lower() not in owners for o in named)


def names_whose_post_asked(sentence: str, role: str, question: str) -> bool:
    """Whether the sentence names a holder of `role` with whose post it is as the question names it ("Margaret Hale,
    Hartwell's chief executive" for "the chief executive of Hartwell"), not only "the company's chief executive"."""
    owners = first_letters(question[1:], capitalised=True)
    return any(owner[:4].lower() in owners for owner in holders_named(sentence, role, question))


def holders_named(sentence: str, role: str, question: str) -> Iterator[str]:
    """For each holder of `role` that `names_the_holder` accepts in the sentence, the word before the post that tells
    whose it is ("Hartwell's", "the", "" when none)."""
    post = r"\s+".join(re.escape(word) for word in role.split())
    asked = first_letters(question)
    patterns = (
        rf"(?P<before>(?:\S+\s+){{0,2}})(?i:\b{post})\s+(?P<name>{HOLDER_NAME})",
        rf"(?P<name>{HOLDER_NAME}),\s+(?P<before>(?:(?i:the|a)\s+)?(?:[\w'’-]+\s+){{0,3}})(?i:{post})\b",
        rf"(?P<name>{HOLDER_NAME})\s+(?:took\s+over|became|was\s+named|was\s+appointed|serves)\s+as\s+"
        rf"(?P<before>(?:the\s+)?)(?i:{post})\b",
        # "Mayor Daniel Okafor on Tuesday named Priya Natarajan the permanent director of the Brantley Water Department"
        # (a second outside try got the director who had resigned)
        # ... or voted to: "The board … voted 6-1 on Monday to name Marcus Reyes executive director" (a researcher's corpus)
        rf"\b(?:named|appointed|chose|picked|tapped|hired|(?<=\bto\s)(?:name|appoint|choose|pick|tap|hire))\s+"
        rf"(?P<name>{HOLDER_NAME})\s+(?:as\s+)?"
        rf"(?P<before>(?:(?:the|its|a)\s+)?(?:(?:new|permanent|next)\s+)?)(?i:{post})\b",
    )
    # whose post it is: the question's names ("Haiti", "Boeing"), by their first letters ("Russian" for "Russia")
    owners = first_letters(question[1:], capitalised=True)
    for number, pattern in enumerate(patterns):
        for match in re.finditer(pattern, sentence):
            before = match["before"].split()
            if any(word.lower().strip(",") in NOT_THE_HOLDER for word in before):
                continue
            owner = before[-1].strip(",") if before else ""
            if owner[:1].isupper() and owner[:4].lower() not in asked and owner.lower() not in ("the", "a"):
                continue  # "Spirit CEO Tom Gentile": another's post
            if number == 0 and owners and owner[:4].lower() not in owners:
                # "… including President Joe Biden" for the president of Russia: a title alone must be of a sentence
                # that names whose post it is
                if not owners & first_letters(sentence, capitalised=True):
                    continue
            if not all(word.lower() in question.lower() for word in match["name"].split()):
                # whose it is may follow the post: "… the permanent director of the Brantley Water Department"
                after = OF_WHOM.match(sentence, match.end())
                yield owner if owner[:1].isupper() or after is None else after["whose"]


RATE_UNITS = {"hour": "hourly", "day": "daily", "week": "weekly", "month": "monthly", "year": "yearly|annually"}
ASKED_RATE = re.compile(
    r"\b(?:each|every|per|a|an)\s+(hour|day|week|month|year)\b|\b(hourly|daily|weekly|monthly|yearly|annually)\b", re.I
)


def asked_rate(question: str) -> str | None:
    """The unit of a rate a question asks ("each day", "a week", "daily" → "day"), or None."""
    found = ASKED_RATE.search(question)
    if found is None:
        return None
    unit = found[1] or found[2]
    return next((u for u, adverb in RATE_UNITS.items() if unit.lower() == u or unit.lower() in adverb.split("|")), None)


# "… 10,000 migrant encounters a day": a figure's "a day" within 40 characters after it (a unit of RATE_UNITS); not "a
# year ago"
GIVEN_PER = re.compile(
    rf"^[^\d.;]{{0,40}}?(?:\b(?:a|an|per|each|every)\s+(?:{'|'.join(RATE_UNITS)})\b"
    r"(?!\s+(?:ago|earlier|before|after|later|prior|from|since|of|in|into))"
    rf"|\b(?:{'|'.join(RATE_UNITS.values())})\b)",
    re.I,
)


def is_rate(text: str, figure: str) -> bool:
    """Whether `figure` in `text` is given per hour, day, ... ("averaged roughly 10,000 migrant encounters a day"): a
    rate, which answers "How many a day?", not "How many last year?"."""
    at = text.find(figure)
    return at >= 0 and GIVEN_PER.search(text[at + len(figure) :]) is not None


# a bare number after a capitalised word names a model, flight or edition ("MAX 9 planes", "Boeing 737", "Flight 1282",
# "Title 42"); not after a month ("Jan. 5") nor a sentence's first word
NAMED_NUMBER = re.compile(r"(?<=[\w.,;:] )(?:[A-Z][\w-]*) (\d{1,4})\b(?![,.]\d|\s*%|-year)")


def numbers_a_name(text: str, figure: str) -> bool:
    """Whether the number `figure` is, wherever `text` has it, part of a name, no count: "And United Airlines and Alaska
    Airlines both said they found loose parts on numerous grounded MAX 9 planes" counts no planes (it led the answer to
    "How many planes were grounded …?" over the FAA's "has grounded 171 of the Boeing 737 Max 9 planes", an outside
    try)."""
    if not figure.isdigit():
        return False
    named = [
        m for m in NAMED_NUMBER.finditer(text) if m[1] == figure and not MONTH_NAME.fullmatch(text[m.start() : m.start(1) - 1])
    ]
    return bool(named) and len(named) == len(re.findall(rf"(?<![\d,.]){figure}(?![\d,.]\d)", text))


def told_per(sentence: str, unit: str) -> bool:
    """Whether the sentence gives a figure per `unit`: "$75 million a day", "a daily toll of $2 million"; not a total
    beside the word ("has cost … $1.9 billion so far, … who said the daily toll was lower")."""
    after = rf"\d[\d,.]*(?:\s+(?:million|billion|thousand|percent))?[^\d.;]{{0,12}}?\b(?:a|an|per|each|every)\s+{unit}\b"
    before = rf"\b(?:{RATE_UNITS[unit]})\b[^\d.;]{{0,24}}?\$?\d"
    return re.search(f"{after}|{before}", sentence, re.I) is not None


def gives_a_count(c: Candidate, happening: frozenset[str]) -> bool:
    """Whether the sentence gives a number, and for "How many people died …?" tells the happening counted."""
    return NUMBER.search(c.text) is not None and (not happening or not happening.isdisjoint(c.stems))


ASKS_THE_FUTURE = re.compile(r"\b(?:will|would|going to|expect\w*|plan\w*|project\w*|forecast\w*|likely)\b", re.I)
FORETELLING_MODALS = frozenset({"will", "would", "could", "might", "may", "'ll", "’ll", "wo", "should", "must"})
NEEDING = frozenset({"need", "require", "must", "hope", "aim", "expect", "project", "forecast", "plan"})


SUPPOSING_OPENING = re.compile(r"^\s*(?:if|unless|should|assuming)\b[^,;]*", re.I)  # "If Trump wins over 85% …,"


def only_foretold_figures(text: str) -> bool:
    """Whether every figure of the sentence is one it foretells or supposes: under a verb with "will"/"would"/"could"
    …, after "if", an infinitive ("needs to secure 1,968 delegates"), or a verb of needing or expecting. "Trump began
    the day with 244 delegates" tells one; "… will likely lock in the nomination … with 1,223 delegates" and "If Trump
    wins over 85% of these available delegates, … he will become …" tell none."""
    if not NUMBER.search(text):
        return False
    if (supposing := SUPPOSING_OPENING.match(text)) is not None and not NUMBER.search(text, supposing.end()):
        return True  # every figure in the opening "If …" clause, which the small parser may hang anywhere
    figures = [t for t in parsed(text) if t.like_num or t.pos_ == "NUM"]
    return bool(figures) and all(foretold(t) for t in figures)


def foretold(figure) -> bool:
    verb = figure
    while verb.pos_ not in ("VERB", "AUX") or verb.dep_ == "amod":
        if verb.head.i == verb.i:
            return False  # a figure of no clause ("Trump: 244 delegates")
        verb = verb.head
    while True:
        children = list(verb.children)
        if any(c.lower_ in FORETELLING_MODALS and c.dep_ == "aux" for c in children):
            return True
        if any(c.dep_ == "mark" and c.lower_ in ("if", "unless", "whether") for c in children):
            return True
        if verb.lemma_ in NEEDING or (verb.tag_ == "VB" and any(c.lower_ == "to" and c.dep_ == "aux" for c in children)):
            return True
        if verb.dep_ not in ("xcomp", "conj", "ccomp", "advcl") or verb.head.i == verb.i or verb.tag_ in ("VBD",):
            return False
        verb = verb.head


def repeats_the_headline(lead: str, title: str) -> bool:
    """Whether an article's first sentence gives a figure its headline gives ("$8.5 billion" in both): then it
    tells the headline's fact, in full."""
    return bool(set(FIGURE.findall(title)) & set(FIGURE.findall(lead)))


def paragraphs(text: str) -> list[tuple[int, int]]:
    """The spans of the article's paragraphs (its lines that hold text)."""
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


@lru_cache(maxsize=8192)
def citable_sentences(passage: str) -> tuple[tuple[int, int], ...]:
    """The sentences of a passage an answer may cite, as spans of it: boilerplate (a caption, a
    'Related:' link) left out, a kicker fused to a sentence ('Meta layoffs:Facebook …') cut off its
    start. Cached: the passages of one story come back question after question."""
    spans = []
    for whole in sentence_spans(passage):
        for start, end in fused_apart(passage, whole.start, whole.end):
            text = passage[start:end]
            if is_boilerplate(text):
                continue
            cut = next((end for begin, end in boilerplate_spans(text) if begin == 0), 0)
            # after a cut kicker its separator goes too, and a passage cut inside a line may open on one:
            # "Chicago suburb parade in 2022 : A gunman …" → "A gunman …"; a list's bullet is no word of the
            # sentence ("▶ Southern Illinois University Carbondale was on the path of totality …")
            cut += len(text[cut:]) - len(text[cut:].lstrip(" \t\n:;,|–—-" + BULLETS if cut else " \t\n:;,|" + BULLETS))
            spans.append((start + cut, end))
    return tuple(spans)


BULLETS = "▶►▸•●◆■□▪‣∎"
# a stop with no space after it, before a capitalised word: two sentences the scrape ran together ("… the most
# important issue facing the US.More than 100 Palestinians were killed …"); not "Mr.Smith", "e.g.The", "usatoday.com"
FUSED_STOP = re.compile(r"(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])|(?<=[A-Z]{2}\.)(?=[A-Z][a-z]{2})")


def fused_apart(passage: str, start: int, end: int) -> list[tuple[int, int]]:
    """The span [start, end) of `passage`, cut where two sentences were run together (`FUSED_STOP`)."""
    cuts = [start + m.start() for m in FUSED_STOP.finditer(passage[start:end])]
    bounds = [start, *cuts, end]
    return [(a, b) for a, b in zip(bounds, bounds[1:]) if b > a]


def with_its_list(passage: str, end: int, following: tuple[tuple[int, int], ...]) -> int:
    """Where a sentence that introduces a list ends: after the list. "…the following are the happiest
    countries:" answers nothing without the line that follows ("Finland Denmark Iceland …")."""
    if not following or not passage[:end].rstrip().endswith(":"):
        return end
    list_start, list_end = following[0]
    items = passage[list_start:list_end]
    words = items.split()
    names = len(words) >= 3 and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in LIST_JOINS for w in words)
    if passage[end:list_start].strip() or len(items) > LIST_CHARS or not names:
        return end  # not right after it, or not a run of names ("Georgia +350", "Worst picture" are not)
    return list_end


# a nation by its names: a question's "banned in America" is the passage's "a sweeping import ban" in the "U.S."
# (an eval miss: "Which type of Apple product was once again banned in America this week?"). Case counts: "told
# us" names no nation; the newspaper "USA TODAY" names none either.
NATION_NAMES = (
    (
        re.compile(r"\b(?:U\.S\.(?:A\.)?|USA?(?!\s+TODAY)|United States|America|Americans?)(?!\w)"),
        frozenset({"us", "usa", "america", "american"}),
    ),
    (
        re.compile(r"\b(?:U\.K\.|UK|Britain|British|Britons?|United Kingdom)(?!\w)"),
        frozenset({"uk", "britain", "british", "briton"}),
    ),
)


def nation_names(text: str) -> set[str]:
    """The stems of every name of each nation `text` names by one of its names ("U.S." also says America)."""
    named: set[str] = set()
    for pattern, names in NATION_NAMES:
        if pattern.search(text):
            named |= names
    return named


@lru_cache(maxsize=4096)  # a candidate is weighed several times a question (its acronyms' regex: ~7 ms a question)
def held_stems(text: str) -> frozenset[str]:
    """`ExtractiveAnswerer.held_stems`, remembered by text."""
    return frozenset(stems(text)) | frozenset(stems(" ".join(acronyms(text)))) | nation_names(text)


# a sentence that announces what follows ("Here's what we know so far about the cause of the AT&T outage.") holds none
# of it: an outside try was answered with it, the cause two paragraphs on
SIGNPOST = re.compile(
    r"^\W*(?:here(?:['’]s| is| are)\s+(?:what|how|why|where|when|who|a look|a list|everything|the latest|some|more)"
    r"|what (?:we|you) (?:know|need to know)|what to know)\b",
    re.IGNORECASE,
)


def is_subhead(c: Candidate) -> bool:
    """A line of its own that does not end as a sentence does: a subhead or link text ("What doctors
    said about Damar Hamlin's health and recovery"), seldom the words that answer; or a sentence that only
    announces what follows (`SIGNPOST`)."""
    if SIGNPOST.search(c.text):
        return True
    text = c.hit.chunk.text
    start, end = c.start - c.hit.chunk.start, c.end - c.hit.chunk.start
    alone = (start == 0 or text[start - 1] == "\n") and (end >= len(text) or text[end : end + 1] == "\n")
    introduces_list = c.text.partition("\n")[0].rstrip().endswith(":") and "\n" in c.text  # see `with_its_list`
    # a closing bracket or quote ends a sentence only after its stop: "Christian McCaffrey Super Bowl MVP (+450)", a
    # betting line, answered "Who was the Super Bowl MVP?" before the game
    return alone and not introduces_list and not re.search(r"[.!?][\"”’')\]]*\s*$|[\"”’]\s*$", c.text)


def freshness(published: str, news_day: date | None) -> float:
    """A bonus that halves every FRESH_HALF_LIFE_DAYS of an article's age on `news_day`."""
    if news_day is None or not published:
        return 0.0
    age = (news_day - date.fromisoformat(published)).days
    return FRESH_WEIGHT * 0.5 ** (max(age, 0) / FRESH_HALF_LIFE_DAYS)


def with_calendar_dates(sentence: str, published: str) -> str:
    """The sentence with the day each relative word names, read against its article's date:
    "died Thursday" in an article of 2022-12-30 reads "died Thursday (2022-12-29)". Only words that
    name one day get a date; the cited quote itself (and its span) stays as the article has it.
    A month and day without a year ("Starting January 1") is left as written: it may be the coming
    one as well as the last, and a wrong calendar date is worse than none."""
    if not published:
        return sentence
    # a day word inside quotation marks is the speaker's, read against the day they spoke, and a date put there
    # would sit inside their words: "“There's no consensus today (2024-02-27) …” Macron told reporters on Monday"
    quoted = quoted_spans(sentence)
    days = [
        found
        for found in relative_dates(sentence, date.fromisoformat(published))
        if (
            found.about is not None  # "two weeks ago (about 2024-02-16)"
            or (found.date is not None and not MONTH_NAME.search(found.text) and not re.search(r"\d", found.text))
        )
        and not any(start < found.span[0] and found.span[1] < end for start, end in quoted)
    ]
    for found in reversed(days):
        end = found.span[1]
        if possessive := re.match(r"['’]s\b", sentence[end:]):
            end += possessive.end()  # "Wednesday's practice" → "Wednesday's (2023-01-04) practice"
        sentence = f"{sentence[:end]} ({found.describe()}){sentence[end:]}"
    return sentence


# the occasions a question places its event at ("at the parade", "during the debate"); not "at the center of"
OCCASIONS = frozenset(
    "parade rally debate game match concert festival ceremony hearing trial summit conference convention protest "
    "vigil funeral wedding party meeting celebration speech address briefing interview tournament race".split()
)


# a day the sentence names, its year aside (`DATE_WORDS` holds years too)
DAY_WORDS = re.compile(r"\b(?i:(?:mon|tues|wednes|thurs|fri|satur|sun|yester|to)day|tonight|last (?:week|month))\b")
# a capitalised month, as a date writes it: "Feb. 11", "Jan. 15, 1967"
MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
MONTH_DAY = re.compile(rf"\b{MONTH}\s+\d{{1,2}}\b")


def wins_another_thing(sentence: str, contest: Contest) -> bool:
    """Whether a verb of winning in the sentence has won something other than the asked contest: "the Rams won two
    NFL championships" under "Who won the Super Bowl?" (its object neither the contest's head word nor holding it)."""
    for token in parsed(sentence):
        if token.lemma_ not in SECURING_VERBS or token.pos_ != "VERB":
            continue
        for thing in (c for c in token.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN")):
            if contest.head not in {t.lemma_.lower() for t in thing.subtree}:
                return True
    return False


def months_older(c: Candidate, than: Candidate) -> bool:
    """Whether the sentence's article is more than `HISTORY_DAYS` older than the other's."""
    if not c.hit.chunk.published or not than.hit.chunk.published:
        return False
    older = date.fromisoformat(than.hit.chunk.published) - date.fromisoformat(c.hit.chunk.published)
    return older.days > HISTORY_DAYS


def paragraph_to(c: Candidate, article_texts: dict[str, str]) -> str:
    """The sentence with the words of its paragraph before it (the article's, else the sentence alone)."""
    text = article_texts.get(c.hit.chunk.article_id, "")
    if not text or text[c.start : c.end] != c.text:
        return c.text
    return text[text.rfind("\n", 0, c.start) + 1 : c.end]


def told_at(c: Candidate, places: frozenset[str], article_texts: dict[str, str]) -> bool:
    """Whether the sentence is told of one of `places`: its paragraph, its article's lead or its title names one ("the
    massacre that killed 49 people" is of "the mass shooting in Orlando" its article opened with), and its paragraph
    names no other place. Not the paragraph before: a corrections column's items are a paragraph each."""
    paragraph = paragraph_to(c, article_texts)
    text = article_texts.get(c.hit.chunk.article_id, "")
    lead = text.partition("\n")[0] if text[c.start : c.end] == c.text else ""  # (no text at hand: the sentence alone)
    near = f"{c.hit.chunk.title}\n{lead}\n{paragraph}".lower()
    return any(place in near for place in places) and not of_another_place(paragraph, places)


def asked_places(question: str) -> frozenset[str]:
    """The places a question names ("Kansas City"), as lower-case words."""
    return frozenset(text.lower() for text, label in entities_of([question])[0] if label in ("GPE", "LOC", "FAC"))


def places_inside_names(question: str) -> frozenset[str]:
    """The places the recognizer finds inside the question's other names when they are read as a place ("the Kansas City
    Super Bowl", an organisation to it, holds "Kansas City"), lower-case."""
    found: set[str] = set()
    for text, label in entities_of([question])[0]:
        if label in ("ORG", "EVENT", "WORK_OF_ART", "PRODUCT"):
            name = re.sub(r"^the\s+", "", text, flags=re.IGNORECASE)
            found |= {t.lower() for t, inner in entities_of([f"They met in {name}."])[0] if inner in ("GPE", "LOC")}
    return frozenset(found)


def of_another_place(text: str, places: frozenset[str]) -> bool:
    """Whether the sentence names a place, none of them one of `places` (nor in one of them)."""
    if any(place in text.lower() for place in places):
        return False  # "the Hartwell Plastics plant" (an organisation to the recognizer) is the asked "Hartwell" (outside try)
    named = [name.lower() for name, label in entities_of([text])[0] if label in ("GPE", "LOC", "FAC")]
    return bool(named) and not any(a in b or b in a for a in named for b in places)


def tells_a_day(text: str) -> bool:
    """Whether the sentence names a day ("on Monday", "last week", "on Feb. 11"); "her first 2024 victory" does not."""
    return bool(DAY_WORDS.search(text) or MONTH_DAY.search(text))


# the year an event happened in, not one a span runs from ("wages had not risen since 2019" is about now): "in
# 1146", "during the 1994 season", "on Jan. 15, 1967"
WHOLE_DATE = rf"\b{MONTH}\s+\d{{1,2}},\s+(1\d{{3}}|20\d\d)\b"
# a question that asks for one edition of a yearly event: "When was the first Super Bowl?", "… in 1967?", "… Super Bowl 58?"
ASKS_AN_EDITION = re.compile(r"\b(?:first|last|second|third|inaugural|original|\d+(?:st|nd|rd|th)?)\b", re.I)
EVENT_YEAR = re.compile(rf"\b(?i:in|during)\s+(?i:the\s+)?(1\d{{3}}|20\d\d)\b|{WHOLE_DATE}")
# "in 1146", "since 2021", "during the 1994 season", and a whole date: "on Jan. 15, 1967"
DATED_YEAR = re.compile(rf"\b(?i:in|since|from|until|before|during)\s+(?i:the\s+)?(1\d{{3}}|20\d\d)\b|{WHOLE_DATE}")


# the words of a result told with its tally: "defeated …, 24-23", "passed …, 352-65"
RESULT_STEMS = WINNING_STEMS | frozenset(stems("defeated beat edged final passed approved"))
# ... those that tell a game ended ("the final quarter" is still under way)
ENDED_STEMS = RESULT_STEMS - frozenset(stems("final"))


def told_along_the_way(c: Candidate) -> bool:
    """Whether the sentence tells a game as it goes (`IN_PROGRESS`) and not as it ended: its tally is no score of it."""
    return IN_PROGRESS.search(c.text) is not None and ENDED_STEMS.isdisjoint(c.stems)


def count_holder(question: str) -> frozenset[str]:
    """The stems of the name a count question asks whose count it is: "Trump" of "How many delegates does Trump
    have?" (the name after its auxiliary); empty when it asks of no name ("How many people died?")."""
    # read off the words: the small tagger reads "Trump" in "does Trump have" as a verb
    asked = NAMED_HOLDER.match(question)
    return frozenset(stems(asked["name"])) if asked is not None else frozenset()


# "How many delegates does Trump have?", "How much did Taylor Swift earn …?": a count asked of a name
NAMED_HOLDER = re.compile(
    r"^\s*(?i:how\s+(?:many|much))\b[^?]*?\b(?:does|did|do|has|have|had|will|would)\s+"
    r"(?P<name>(?:[A-Z][\w.'’-]*\s+){0,3}[A-Z][\w.'’-]*)\s+[a-z]"
)


def counted_for_another(text: str, holder: frozenset[str]) -> bool:
    """Whether the sentence's figures are held or done by a named subject other than `holder`: "Biden currently has
    1,866 delegates" for Trump's. A pronoun subject ("He has gained 1,075 delegates") or none is not another's, nor is
    a sentence that names the holder anywhere (the parser may take a dateline, "WASHINGTON –", for the subject)."""
    if not holder.isdisjoint(stems(text)):
        return False
    doc = dependency_parser()(text)
    for token in doc:
        if not token.like_num:
            continue
        verb = token
        while verb.pos_ not in ("VERB", "AUX") and verb.head is not verb:
            verb = verb.head
        subject = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        while (subject is None or subject.pos_ != "PROPN") and verb.dep_ in ("ccomp", "xcomp") and verb.head is not verb:
            # "Biden has 206 delegates headed into Super Tuesday" is parsed with "delegates" the subject of "headed", a
            # clause of "has" (an analyst's try led "How many delegates does Trump have?" with it): whose they are is
            # the subject of the verb the clause hangs on
            verb = verb.head
            subject = next((t for t in verb.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is None or subject.pos_ != "PROPN":
            continue
        if holder.isdisjoint(stems(doc[subject.left_edge.i : subject.i + 1].text)):
            return True
    return False


def of_long_ago(c: Candidate, dating: re.Pattern[str] = DATED_YEAR) -> bool:
    """Whether the sentence is about years long before its article's, two or more ("in 1146" in a 2024 article):
    no news of days asked about near the article's. The year just before is still reported on ("In 2023, 52% of
    sales …" in January 2024 answers a question about 2023)."""
    published = c.hit.chunk.published[:4]
    # a year the sentence dates its event by ("in 1146", "In 2021, Nevada's legislature passed …"), not one that
    # names a thing ("her 2022 Olympic results" in the week's report of her ban); and no day of the week beside it
    years = {int(year) for found in dating.finditer(c.text) for year in found.groups() if year}
    if not years or not published.isdigit() or DAY_WORDS.search(c.text):
        return False
    return max(years) < int(published) - 1


def asked_occasion(question: str) -> str | None:
    """The stem of the occasion a question asks about with "at"/"during" (`OCCASIONS`): "parad" of "How many people
    were shot at the Kansas City parade?"; None when it names none ("at the Grammys" is a name: its words are the
    question's names, which passages must hold anyway; "at the center of" is no occasion)."""
    for token in parsed(question):
        if token.dep_ == "prep" and token.lower_ in ("at", "during"):
            nouns = [c for c in token.children if c.dep_ == "pobj" and c.pos_ == "NOUN" and c.lemma_.lower() in OCCASIONS]
            if nouns:
                found = stems(nouns[0].text)
                return found[0] if found else None
    return None


def names_other_days(c: Candidate, in_window: Callable[[str], bool]) -> bool:
    """Whether the sentence puts its event on days outside the question's window (`told_of_other_days`): "There
    was a Nevada Republican primary on Feb. 6" is no answer to "Which state held a primary this week?"."""
    if not (DATE_WORDS.search(c.text) or MONTH_NAME.search(c.text)):
        return False  # no day word: the scan need not run
    return told_of_other_days(c.text, c.hit.chunk.published, in_window, spans=False)


def is_age(sentence: str, number: str) -> bool:
    """Whether `number` is said as an age in `sentence`: "at age 115", "died at 95", "a 46-year-old"."""
    at = sentence.find(number)
    context = sentence[max(at - 8, 0) : at + len(number) + 12] if at >= 0 else ""
    return bool(AGE.search(context))


def retells(a: Candidate, b: Candidate) -> bool:
    """Another article's sentence that says nearly what `b` says (a later update, or wire copy)."""
    return a.hit.chunk.article_id != b.hit.chunk.article_id and repeats(b, a)


def repeats(a: Candidate, b: Candidate) -> bool:
    """`b` holds nearly all of `a`'s words."""
    return len(a.stems & b.stems) >= 0.8 * max(len(a.stems), 1)


def changed_figures(a: Candidate, b: Candidate) -> bool:
    """The two tellings give different numbers (31 dead, then 39)."""
    figures_a, figures_b = ({m.group(0).lower() for m in NUMBER.finditer(c.text)} for c in (a, b))
    return bool(figures_a) and figures_a != figures_b


def is_older(a: Candidate, b: Candidate) -> bool:
    return bool(a.hit.chunk.published_int) and a.hit.chunk.published_int < b.hit.chunk.published_int


def same_place(a: Candidate, b: Candidate) -> bool:
    """The same sentence, or one that repeats it (wire copy in two articles)."""
    if a.hit.chunk.article_id == b.hit.chunk.article_id and abs(a.start - b.start) < 400:
        return True
    return repeats(a, b)


def names_what_they_do_not(c: Candidate, chosen: list[Candidate]) -> bool:
    """`c` holds an answer of the asked-for type that none of the `chosen` sentences names."""
    return any(all(entity not in x.text for x in chosen) for entity in c.answer_entities)


def previous_sentence_start(text: str, start: int, floor: int) -> int:
    """Start of the sentence before `start` in the same paragraph (for a sentence opening with 'He')."""
    paragraph_start = text.rfind("\n", 0, start - 1) + 1
    window_start = max(floor, paragraph_start)
    if window_start >= start:
        return start
    sentences = sentence_spans(text[window_start:start])
    return window_start + sentences[-1].start if sentences else start


def closest_only(answer: Answer, opening: str) -> Answer:
    """An answer that does not answer, kept as the closest the articles come: `opening` ("No story here is about …;
    the closest the articles come"), the day of its first source, then its words; answered=false."""
    if not answer.answered:
        return answer
    first = answer.citations[0].published if answer.citations else ""
    text = f"{opening}{f', from {first}' if first else ''}: {answer.text}"
    return answer.model_copy(update={"text": text, "answered": False})


def retells_the_claim(sentence: Candidate, claim: set[str], correction: Candidate) -> bool:
    """Whether `sentence`, from before `correction`, tells the claim the correction says was wrong (nearly all of its
    words: `RETOLD_SHARE`)."""
    if not claim or sentence.hit.chunk.published_int > correction.hit.chunk.published_int:
        return False
    # ... the story it is in named by its headline: "Alder Springs Elementary School was also destroyed, she said.", under
    # "Ridgeback Fire death toll rises to 12", retells "… was destroyed in the Ridgeback Fire" (an outside try had it
    # cited after the "No.")
    told = sentence.stems | set(stems(sentence.hit.chunk.title))
    return len(claim & sentence.stems) >= RETOLD_SHARE * len(claim) or (
        len(claim & told) >= RETOLD_SHARE * len(claim) and len(claim & sentence.stems) >= len(claim) / 2
    )


def decline(question: str, text: str = "The articles here don't say. I found no passage that answers this question.") -> Answer:
    return Answer(
        question=question,
        text=text,
        answered=False,
        mode="none",
    )
