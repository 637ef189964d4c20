"""Who-said questions, answered from the quote index.

Recognised forms (rules: they are few and stable in how people ask):
- "Who said (that) X?", "Who told/warned/claimed … X?", "Who said “X”?"  → the speaker of X
- "What did X say (about Y)?", "What has X said on Y?"                    → X's quotes on Y
- "Did X say (that) Y?"                                                    → yes, with the quote, or who did
- "When did X say “Y”?" (a follow-up's "that", see the rewriter)          → the day, with the quote
- "Who said what about Y?", "What did people say about Y?"                 → a table: speaker, quote, date, source
Anything else, or a question the quote index cannot answer, goes to the normal path.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from difflib import SequenceMatcher

from assistant.answer import Answer, Citation
from assistant.answering.extractive import closest_only
from assistant.answering.inflection import past_of_participle
from assistant.answering.question import is_a_document
from assistant.answering.timeframe import relative_dates, told_of_other_days
from assistant.answering.verdict import SPEECH_VERBS, parsed
from assistant.search.quotes import NOT_SPEAKERS, QuoteIndex, content_stems, coverage, holds_name, holds_phrase, name_tokens
from assistant.search.types import Filters
from assistant.search.words import MODALS, fold, stems
from ingest.chunking import sentence_spans
from ingest.cleaning import is_boilerplate
from ingest.store import QuoteRecord

SAID_FORMS = (  # the verb forms of a "Who said …?"
    r"said|says|say|told|tells|stated|claimed|claims|warned|warns|wrote|writes|added|argued|argues|"
    # (not "called for": "Who called for an independent inquiry?" asks who demanded it, which a report tells, and got
    # "Elena Ruiz said the inquiry was already independent" from the quote index: a second outside try)
    r"insisted|stressed|declared|announced|tweeted|called(?!\s+for\b)|described|promised|vowed|urged|asked|accused"
)
# words in quotation marks inside a longer fragment: an opening mark after a space, a closing one before the end
QUOTED_IN_FRAGMENT = re.compile(r"(?<=\s)(?:[“\"](?P<double>[^“”\"]{3,}?)[”\"]|[‘'](?P<single>[^‘’']{3,}?)[’'])(?=[\s?.!,]*$)")
WHO_SAID = re.compile(
    rf"^\s*who\s+(?:(?:had|has|have|did)\s+)?(?P<verb>{SAID_FORMS})\b[\s,:]*(?:that\s+)?(?P<fragment>.+?)\s*\??\s*$",
    re.I | re.S,
)
WHAT_DID = re.compile(
    r"^\s*what\s+(?:did|does|has|have|had)\s+(?P<name>.+?)\s+(?:say|said|tell|told|think|claim|argue|write|written|stress|warn)"
    r"(?:\s+(?:about|on|regarding|of|concerning)\s+(?P<topic>.+?)|\s+(?:at|during|in)\s+(?P<occasion>.+?)"
    r"|\s+(?:after|following|since)\s+(?P<after>.+?))?\s*\??\s*$",
    re.I | re.S,
)
WHEN_SAID = re.compile(
    r"^\s*when\s+(?:did|was|has)\s+(?P<name>.+?)\s+(?:say|said|tell|told|write|wrote|post|posted)\s+(?:that\s+)?"
    r"(?P<fragment>[“\"].+?)\s*\??\s*$",
    re.I | re.S,
)
GERUND = re.compile(r"^\s*\w+ing\s+(?=\S)", re.I)  # "winning the Iowa caucuses" → "the Iowa caucuses"
# (telling someone is saying only with what was told: "Did Austin tell the White House about his hospitalization?" asks
# whether he informed it, and was answered "The articles attribute these words to a senior Defense official, not
# Austin" (a journalist's try); "Did Trump tell reporters that …" / "… tell reporters “…”" is a did-say)
DID_SAY = re.compile(
    r"^\s*(?:did|has|does)\s+(?P<name>.+?)\s+(?:(?:say|said|claim)\s+(?:that\s+)?|tell\s+(?:[\w.'’-]+\s+){1,4}?"
    r"(?:that\s+|(?=[“\"]|(?:he|she|they|it|i|we|you)\s)))(?P<fragment>.+?)\s*\??\s*$",
    re.I | re.S,
)
# Several speakers on a topic. Only generic words for "people" ("officials", "experts"): a name
# there ("What did Aliyev say about Y?") is one speaker's quotes, answered as WHAT_DID does.
PEOPLE = r"people|everyone|everybody|others|officials|experts|critics|analysts|leaders|politicians|observers|witnesses|residents"
TOPIC = r"\s+(?:about|on|regarding|concerning|of)\s+(?P<topic>.+?)\s*\??\s*$"
WHO_SAID_WHAT = re.compile(rf"^\s*who\s+(?:(?:has|have|had|did)\s+)?(?:said|says|say|stated|claimed)\s+what{TOPIC}", re.I | re.S)
PEOPLE_SAID = re.compile(
    rf"^\s*what\s+(?:(?:did|do|does|have|has|had)\s+(?:{PEOPLE})\s+(?:say|said|think|claim|argue)"
    rf"|(?:are|were)\s+(?:{PEOPLE})\s+saying|(?:was|is|has\s+been|have\s+been)\s+said){TOPIC}",
    re.I | re.S,
)
SIDE_QUOTE_WORDS = 4  # a quote shorter than this says no position on its own ("murderers")
MAX_ROWS = 6  # a table to read at a glance, on a phone too
ROWS_PER_SPEAKER = 2  # "who said what": several voices, not one voice's many quotes
CELL_WORDS = 50  # a longer quote is cut in its cell; the citation holds it whole
QUOTE_MARKS = "\"“”‘’'«»"
FRAGMENT_SHARE = 0.6  # a quote shorter than this share of its sentence is a fragment: cite the sentence
QUOTED_PARTS = re.compile(r'["“”«»]|(?<=[.!?])\s+')  # where words pasted from several quotes or sentences part
MIN_COVERAGE = 0.6  # share of the asked words a quote must hold to be "the" quote
# a label ("called the credit “an insult”") of at most LABEL_WORDS words is matched with what its sentence names
NAMING_CUES = frozenset("called calls calling call dubbed dubs labeled labelled labels branded brands termed terms".split())
LABEL_WORDS = 6
SAME_WORDS_LEAST = 3  # a quote of this many words told again elsewhere is the same quote
RE_EDITED_SHARE = 0.8  # of two quotes' words in order, this share alike: one quote lightly re-edited
# a speaker asked for by post ("the governor"), and the title words the articles put before such a one's name
ROLE_TITLES = {
    "governor": frozenset({"gov.", "gov", "governor"}),
    "mayor": frozenset({"mayor"}),
    "senator": frozenset({"sen.", "sen", "senator"}),
    "president": frozenset({"president"}),
    "prime minister": frozenset({"minister"}),
    "secretary of state": frozenset({"secretary"}),
    "chief executive": frozenset({"ceo", "executive"}),
    "ceo": frozenset({"ceo", "executive"}),
    "police chief": frozenset({"chief"}),
    "fire chief": frozenset({"chief"}),
    "sheriff": frozenset({"sheriff"}),
    "judge": frozenset({"judge"}),
    "superintendent": frozenset({"superintendent"}),
    "commissioner": frozenset({"commissioner"}),
}
OCCASION_QUOTES = 300  # of the quotes in the articles about an occasion, how many are read for who was quoted there
TITLED_TRIED = 20  # of those quoted under the title asked for, how many are looked at for quotes on the topic
# ... and "of" the place whose post it is: "the mayor of Kansas City"
ROLE_ASKED = re.compile(
    # "the Boeing CEO" as "the CEO of Boeing" (a reader's try got the company's statement, over Dave Calhoun's words)
    rf"^\s*(?:the\s+)?(?P<whose>(?-i:[A-Z][\w.'’-]*)(?:\s+(?-i:[A-Z][\w.'’-]*)){{0,2}}\s+)?(?P<role>{'|'.join(ROLE_TITLES)})"
    r"(?:\s+of\s+(?P<of>(?:the\s+)?[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3}))?\s*$",
    re.IGNORECASE,
)
# a capitalised word not opening a sentence ("Instead", "He" do): a name, as likely as not
NAME_WORD = re.compile(r"(?<![.!?:]\s)(?<!\n)(?<!^)\b[A-Z][a-z][\w'’\-]+")
# reported speech about a third person ("said he's responsible …"), who is seldom the speaker in a comparison's side
THIRD_PERSON_OPENING = re.compile(r"\s*(?:he|she|they|his|her|their)\b", re.IGNORECASE)
# a topic's possessives are the asker's view of the speaker ("his father"), not words the speaker says ("my father")
POSSESSIVE_STEMS = frozenset(stems("his her their its my our your own"))
# ...and a second speaker's quote, to be reported as "similar words": most of them, not a few
# common ones ("maybe", "game") that a short fragment shares with many quotes
ALSO_COVERAGE = 0.8
# "The articles attribute these words to X, not Y" claims X said the words: all of them, not most
# (Pence's "Russia might next attack a NATO ally" is not Trump's "encourage Russia to attack NATO allies")
OTHER_SPEAKER_COVERAGE = 0.9


@dataclass
class WhoSaidQuestion:
    form: str  # "who", "what", "did", "many" (who said what about a topic: a table)
    fragment: str = ""
    name: str = ""
    topic: str = ""
    occasion: bool = False  # the topic is where the words were said ("at the Senate hearing"), not what about


def parse(question: str) -> WhoSaidQuestion | None:
    # before WHO_SAID, which reads "Who said what about Y" as asking who said the words "what about Y"
    if match := WHO_SAID_WHAT.match(question) or PEOPLE_SAID.match(question):
        topic = match.group("topic").strip(QUOTE_MARKS + " ")
        return WhoSaidQuestion("many", topic=topic) if topic else None
    if match := WHO_SAID.match(question):
        fragment = match.group("fragment")
        # "Who called the same-sex marriage law 'a milestone for human rights'?": the words in quotation marks are what
        # was said, the rest what it was said of (the whole was searched as a quote and met none: a fact-checker's try);
        # not after "said", whose fragment is the statement ("Who said that Biden's age is 'a concern'?")
        naming = match.group("verb").lower() in ("called", "described")
        if naming and (quoted := QUOTED_IN_FRAGMENT.search(fragment)) is not None and quoted.start() > 0:
            fragment = quoted.group("double") or quoted.group("single")
        fragment = fragment.strip(QUOTE_MARKS + " ")
        return WhoSaidQuestion("who", fragment=fragment) if fragment else None
    if match := WHAT_DID.match(question):
        # "after winning the Iowa caucuses": the words were said at the event's aftermath, which the articles
        # name by the event ("Trump's Iowa caucus victory"), not by the asker's verb
        after = GERUND.sub("", match.group("after") or "", count=1)
        topic = match.group("topic") or match.group("occasion") or after
        if is_a_document(match.group("name")):
            return None  # asked of what it holds, which the passages answer as any question
        return WhoSaidQuestion(
            "what",
            name=match.group("name").strip(),
            topic=topic.strip(QUOTE_MARKS + " "),
            occasion=match.group("occasion") is not None or bool(after),
        )
    if match := WHEN_SAID.match(question):
        fragment = match.group("fragment").strip(QUOTE_MARKS + " …")
        return WhoSaidQuestion("when", name=match.group("name").strip(), fragment=fragment) if fragment else None
    if match := DID_SAY.match(question):
        return WhoSaidQuestion("did", name=match.group("name").strip(), fragment=match.group("fragment").strip(QUOTE_MARKS + " "))
    return None


def words_not_found(question: str, answer: Answer) -> Answer | None:
    """A decline for "Who said “X”?" answered from passages (the quote index holds no quote of X) when no
    cited sentence holds the asked words either: asked before Biden's "Join me or I'll join you" was
    reported, the best passages were other people's words that share none of it."""
    if (document := WHAT_DID.match(question)) and is_a_document(document.group("name")) and answer.answered:
        return document_not_found(document.group("name").strip(), answer)
    asked = parse(question)
    if asked is None or not answer.answered:
        return None
    if asked.form == "what" and asked.name:
        return speaker_not_found(asked.name, answer, bare=not asked.topic, topic=asked.topic or "")
    # words in quotation marks are the words asked about; others ("Who said that the Fed is not likely to
    # cut rates?") are the asker's paraphrase, which a passage may word otherwise ("… is unlikely")
    quoted_words = any(mark in question for mark in '"“”«»')
    if asked.form != "who" or not quoted_words:
        return None
    # words pasted from two quotes ("Toil hopelessly or go to prison," "That is life at the bottom …") are
    # found when either is
    parts = [asked.fragment, *(part for part in QUOTED_PARTS.split(asked.fragment) if part.strip())]
    for citation in answer.citations:
        if any(coverage(part, citation.quote, both_ways=False) >= MIN_COVERAGE for part in parts):
            return None
    return answer.model_copy(
        update={
            "text": f"No article here has the words “{asked.fragment}”, so the articles can't say who said them.",
            "answered": False,
            "mode": "none",
            "citations": [],
        }
    )


def document_not_found(name: str, answer: Answer) -> Answer | None:
    """For "What did the jobs report say?" answered from passages: a hedge unless a cited sentence names the document
    ("the weaker-than-expected inflation report"). Asked in a week without the March jobs report, the answer was a
    governor's "That means good jobs" (a news reader's try): "jobs" was all it shared."""
    named = set(content_stems(name))
    if not named or any(named <= set(content_stems(citation.quote)) for citation in answer.citations):
        return None
    return closest_only(answer, f"No article here tells what {name} says; the closest they come")


def speaker_not_found(name: str, answer: Answer, bare: bool = False, topic: str = "") -> Answer | None:
    """For "What did X say …?" answered from passages (the quote index has no quote of X's on it): a hedge
    unless X says or does something in a cited sentence (`acts_in`). "What did Biden say in the State of the Union?", asked of an archive
    without the speech, was answered with "Sarah Huckabee Sanders plans to attack Biden …" of 2023 — the
    words of Biden's critic, about him. A bare "What did X say?" (no topic) needs X saying something: "What did
    Patrick Mahomes say?" was answered "Mahomes made sure his offensive linemen were taken care of" and a link's
    headline, with no word of his (an outside try). With a topic, what X does is told of it: "What did Patrick Mahomes
    say about the shooting?" was answered "Mahomes found … Kelce, for a 18-yard touchdown" (a web-chat try)."""
    words = name_tokens(name)
    about = set(content_stems(topic))

    def held(surname: str, sentence: str) -> bool:
        if bare:
            return says_in(surname, sentence)
        return acts_in(surname, sentence) and (not about or not about.isdisjoint(content_stems(sentence)))

    if not words or any(held(words[-1], citation.quote) for citation in answer.citations):
        return None
    return closest_only(answer, f"No article here quotes {name}{'' if bare else ' on that'}; the closest they come")


def says_in(surname: str, sentence: str) -> bool:
    """Whether the person says something in `sentence`: the subject of a verb of saying (`SPEECH_VERBS`)."""
    return any(verb.lemma_ in SPEECH_VERBS for verb in verbs_done_by(surname, sentence))


def acts_in(surname: str, sentence: str) -> bool:
    """Whether the person is the subject of a verb of `sentence` that is not only planned or possible: the
    sentence tells what they said or did ("Powell singled out …"), not what others did to them ("plans to
    attack Biden"), what they will do ("5 big questions Joe Biden will answer") or what they are."""
    for verb in verbs_done_by(surname, sentence):
        if verb.lemma_ == "be":
            continue  # "Musk was a threat" says what he is, not what he said or did
        if not any(
            child.lower_ in MODALS or (child.dep_ == "mark" and child.lower_ in ("if", "whether")) for child in verb.children
        ):
            return True  # not only possible, planned or asked about ("when asked if Musk was …")
    return False


def verbs_done_by(surname: str, sentence: str) -> Iterator:
    """The verbs of `sentence` whose subject is the person (a mention of the surname, the name it is part of)."""
    for token in parsed(sentence):
        if fold(token.text) != surname:
            continue
        while token.dep_ in ("compound", "flat", "appos") and token.head is not token:
            token = token.head
        if token.dep_ in ("nsubj", "nsubjpass"):
            yield token.head


def wants_table(question: str) -> bool:
    """Whether the question asks who said what about a topic, answered as a table (which an LLM
    must not reword into prose)."""
    asked = parse(question)
    return asked is not None and asked.form == "many"


class WhoSaidAnswerer:
    def __init__(
        self,
        quotes: QuoteIndex,
        article_texts: Callable[[Iterable[str]], dict[str, str]],
        articles_about: Callable[[str, Filters | None], list[str]] | None = None,
        asked_days: tuple[str, str] | None = None,
    ):
        self.quotes = quotes
        self.article_texts = article_texts  # article ids -> {id: stored text}
        # topic -> ids of the articles about it, best first: their quotes on the topic need not
        # hold its words ("We will not sail", in a story about the strike)
        self.articles_about = articles_about
        # the days the question names (ISO, since '' when open): a quote whose sentence names another is of that day
        self.asked_days = asked_days

    def answer(self, question: str, filters: Filters | None = None) -> Answer | None:
        asked = parse(question)
        if asked is None or not len(self.quotes):
            return None
        if asked.form == "who":
            return self.who_said(question, asked.fragment, filters)
        if asked.form == "what":
            return self.what_did(question, asked.name, asked.topic, filters, asked.occasion)
        if asked.form == "many":
            return self.who_said_what(question, asked.topic, filters)
        if asked.form == "when":
            return self.when_said(question, asked.name, asked.fragment, filters)
        return self.did_say(question, asked.name, asked.fragment, filters)

    def best_match(
        self, fragment: str, filters: Filters | None, both_ways: bool = False, speaker: str | None = None
    ) -> QuoteRecord | None:
        """The quote that holds the asked words (`both_ways`: or that the asked words hold), of `speaker` if given."""
        found = self.quotes.search(fragment, speaker=speaker, filters=filters, limit=10)
        found = [(q, score) for q, score in found if not named_by_a_pronoun_in_own_words(q)]
        matched = self.as_framed([q for q, _ in found])
        scored = [(coverage(fragment, matched.get(id(q), q.text), both_ways), score, q) for q, score in found]
        scored = [s for s in scored if s[0] >= MIN_COVERAGE]
        if not scored:
            return None
        # most of the asked words first; among equals, the words as asked ("chaos follows him" over Haley's
        # other "Chaos doesn't follow her"), then a direct quote over reported speech
        scored.sort(key=lambda s: (round(s[0], 2), holds_phrase(s[2].text, fragment), s[2].kind == "direct", s[1]), reverse=True)
        return scored[0][2]

    def as_framed(self, quotes: list[QuoteRecord]) -> dict[int, str]:
        """A label's words with what it names (`NAMING_CUES`): "an insult" is said of the credit its sentence names
        ("Linda Ferreira … called the credit “an insult.”"); "Who called the bill credit an insult?" was given to a
        cost figure that named bill credits (a journalist's try). By `id` of the quote: its sentence, up to the
        label's end."""
        naming = [q for q in quotes if is_label(q)]
        texts = self.article_texts({q.article_id for q in naming}) if naming else {}
        framed: dict[int, str] = {}
        for q in naming:
            text = texts.get(q.article_id)
            if text:
                sentence = sentence_holding(text, q.start, q.end)
                framed[id(q)] = text[(sentence or paragraph_bounds(text, q.start, q.end))[0] : q.end]
        return framed

    def who_said(self, question: str, fragment: str, filters: Filters | None) -> Answer | None:
        quote = self.best_match(fragment, filters)
        if quote is None:
            return None
        others = [
            q
            for q, _ in self.quotes.search(fragment, filters=filters, limit=10)
            if q.speaker_name != quote.speaker_name and coverage(fragment, q.text, both_ways=False) >= ALSO_COVERAGE
        ]
        labelled = is_label(quote)
        citations = [self.cite(1, quote, whole_sentence=labelled)]
        # a label is told with what it names: "Linda Ferreira … called the credit “an insult.”", not "said: “an insult.”"
        day = self.day_of(quote) or quote.published
        when = f" ({day})" if day else ""
        told = f"{quote.speaker_name}{when}: {' '.join(citations[0].quote.split())}" if labelled else self.said(quote)
        text = f"{told} [1]"
        if others:  # the same words attributed to someone else too: say so, cited
            other = others[0]
            citations.append(self.cite(2, other))
            text += f" The articles also attribute similar words to {other.speaker_name} [2]."
        return self.make(question, text, citations)

    def what_did(self, question: str, name: str, topic: str, filters: Filters | None, occasion: bool = False) -> Answer | None:
        if (role := ROLE_ASKED.match(name)) is not None:
            # "What did the governor say last week?" was answered with the mayor's praise of the governor's decision (a
            # journalist's try): one the articles quote under that title, most often, or on the topic asked
            # (titled as of any day: "Marsh said" of September is the governor the October story calls "Gov. Ellen Marsh")
            # ... of the place named: "the mayor of Kansas City" is the one written "Kansas City Mayor Quinton Lucas"
            titles = ROLE_TITLES[role["role"].lower()]
            of = tuple(
                word.lower() for word in f"{role['whose'] or ''} {role['of'] or ''}".split() if word.lower() not in ("the", "of")
            )
            titled = (self.quotes.titled(titles, filters, of) or self.quotes.titled(titles, None, of))[:TITLED_TRIED]
            if topic and occasion and self.articles_about is not None:
                # ... the one quoted under the title in the articles about the occasion: "What did the mayor say at the
                # Chiefs parade?" gave Muriel Bowser on D.C. reopening in 2021, the most quoted mayor, over "Kansas
                # City Mayor Quinton Lucas" in the parade's story (an outside try)
                # (of the articles best about it first: a mayor quoted in a story that merely names a parade is not it)
                about = self.articles_about(topic, filters)
                there: dict[str, list[str]] = {}
                for q in self.quotes.in_articles(about, filters, limit=OCCASION_QUOTES):
                    if titles & {word.lower().strip(",") for word in q.speaker.split()} and all(
                        word in q.speaker.lower().split() for word in of
                    ):
                        there.setdefault(q.article_id, []).append(q.speaker_name)
                ranked = [Counter(there[article]).most_common(1)[0][0] for article in about if article in there]
                titled = list(dict.fromkeys(ranked)) or titled
            if topic and not occasion:
                # the one whose quotes hold the topic's words most often: "What did the governor say about the border?"
                # gave three DeSantis quotes, most from his campaign, over some fifty of Gov. Greg Abbott's on it (an
                # outside try), the 12th governor by quotes under the title
                held = {person: len(self.quotes.search(topic, speaker=person, filters=filters, limit=50)) for person in titled}
                titled = sorted((p for p in titled if held[p]), key=lambda p: -held[p]) or titled
            name = (titled or [name])[0]
        if not self.quotes.matching_speaker(name):
            return None
        if topic and occasion:
            found = self.at_occasion(name, topic, filters)
        elif topic:
            found = self.on_topic(name, topic, filters)
        else:
            found = [q for q, _ in self.quotes.search("", speaker=name, filters=filters, limit=6)]
        chosen: list[tuple[QuoteRecord, Citation]] = []
        for quote in found:
            if any(overlaps(quote, c) for c, _ in chosen) or named_by_a_pronoun_in_own_words(quote):
                continue
            if any(same_words(quote, c) for c, _ in chosen):
                # "This is not over," Abbott said … [2] and again from another outlet's copy [3] (an outside try)
                continue
            citation = self.cite(len(chosen) + 1, quote, whole_sentence=True)
            if is_boilerplate(citation.passage.strip()):
                continue  # a link to another story ("'Putin chose this war':Biden vows …") quotes no one here
            # two quoted words of one sentence ("trust" and "hope") each cite that sentence: cite it once
            if any(cites_the_same(citation, other) for _, other in chosen):
                continue
            if self.of_another_day(citation) or self.said_years_before(quote):
                continue
            chosen.append((quote, citation))
            if len(chosen) == 3:
                break
        if not chosen:
            return None
        parts, citations = [], []
        for n, (quote, citation) in enumerate(chosen, start=1):
            citations.append(citation)
            if citation.quote == quote.text:
                parts.append(f"{self.said(quote) if n == 1 else self.said(quote, also=True)} [{n}]")
            else:  # a few quoted words inside a reported sentence: the sentence is the answer
                sentence = " ".join(citation.quote.split())
                mentions = any(word in name_tokens(sentence) for word in name_tokens(quote.speaker_name))
                parts.append(f"{sentence if mentions else quote.speaker_name + ': ' + sentence} [{n}]")
        return self.make(question, " ".join(parts), citations)

    def of_another_day(self, citation: Citation) -> bool:
        """Whether the cited sentence says it was said on days the question does not name (`told_of_other_days`):
        "What did Nikki Haley say on Tuesday?" (2024-03-05) cited "… telling Fox News Monday afternoon that …" from
        a Tuesday article (an outside try); "Haley told an audience last week that …" names seven days, none
        Tuesday. One naming some of the asked days among others is kept."""
        if self.asked_days is None:
            return False
        since, until = self.asked_days
        return told_of_other_days(citation.quote, citation.published, lambda day: since <= day <= until)

    def said_years_before(self, quote: QuoteRecord) -> bool:
        """Whether the quote was said in a year before the days the question names (`day_said`): "What did Nikki Haley
        say after the New Hampshire primary?" led with what "Haley wrote in her 2012 memoir" (a journalist's try)."""
        if self.asked_days is None:
            return False
        said = self.day_of(quote)
        return said is not None and len(said) == 4 and said < self.asked_days[0][:4]

    def another_named_before(self, quote: QuoteRecord) -> bool:
        """Whether someone else is named between the speaker's last mention and a reported quote, whose "he" or
        "she" may then be that one ("… hurled insults at Biden and said he's responsible …"); "Joe Biden …, saying he
        planned to deploy the National Guard" names no one else, and "he" is Biden."""
        text = self.article_texts([quote.article_id]).get(quote.article_id, "")
        before = text[max(0, quote.start - 200) : quote.start]
        mentions = [
            m.end() for word in name_tokens(quote.speaker_name) for m in re.finditer(rf"(?i)\b{re.escape(word)}\b", before)
        ]
        after_speaker = before[max(mentions) :] if mentions else before
        others = set(name_tokens(" ".join(NAME_WORD.findall(after_speaker)))) - set(name_tokens(quote.speaker_name))
        return bool(others - NOT_SPEAKERS)

    def topic_stems(self, topic: str) -> set[str]:
        """The stems a quote on `topic` must hold, its possessives aside: "his father" is William's "my father"."""
        return set(self.quotes.stems(topic)) - POSSESSIVE_STEMS

    def on_topic(
        self, name: str, topic: str, filters: Filters | None, pool: int = 200, by_headline: bool = False
    ) -> list[QuoteRecord]:
        """The speaker's quotes about `topic`, best first. A quote is about the topic when its words,
        or the paragraph that frames it ("Aliyev affirmed that the civilian population ..."), hold
        the topic's words; with `by_headline` (a side of a comparison), also when its article's headline names the
        speaker and holds the topic's words."""
        topic_stems = self.topic_stems(topic)
        if not topic_stems:
            return []
        # most of a topic's words, not one: "Don Lemon" met every "don't" (a "don" as the index splits it)
        needed = math.ceil(MIN_COVERAGE * len(topic_stems))
        # ... among them its head, what it is about: "What did Nikki Haley say about Trump's age?" got her words on
        # Trump's chaos, none on his age (a web-chat try)
        # (not a time of day: "What did Trump say on Super Tuesday night?" is about Super Tuesday; his "They call it
        # Super Tuesday for a reason" was passed over for the "bad night" of another Tuesday, a journalist's try)
        head = ([stem for stem in self.quotes.stems(topic) if stem not in TIME_OF_DAY_STEMS] or [""])[-1]
        surname = (name_tokens(name) or [""])[-1]
        scored = []
        for quote, _, paragraph in self.framed_quotes(name, filters, pool):
            in_paragraph = topic_stems & set(self.quotes.stems(paragraph))
            in_quote = topic_stems & set(self.quotes.stems(quote.text))
            # "What did Trump say about the border wall?": "We're going to build a wall. Yeah, 100 percent." in an article
            # headlined "Trump Stands Tall On Proposal For Border Wall With Mexico"; the quote's own paragraph holds a
            # word of the topic, its headline the rest
            in_title = topic_stems & set(self.quotes.stems(quote.title))
            in_story = (in_paragraph | in_title) if in_paragraph else in_paragraph
            # ... or, for a side of a comparison, an article about the speaker on the topic, by its headline: "How did
            # Biden and Trump differ on the border during their visits?" had Trump's side filled with others' words on
            # him, his own "This is a Joe Biden invasion," under "Trump and Biden at the border: How the dueling visits
            # played out" passed over (a journalist's try): its paragraph names neither the border nor the visit. (Not
            # for "What did Trump say about the border wall?": "I look forward to the debates" under a wall headline.)
            titled = by_headline and len(in_title) >= needed and head in in_title and surname in name_tokens(quote.title)
            if (len(in_paragraph) >= needed or len(in_story) >= needed or titled) and (
                head not in topic_stems or head in in_story or titled
            ):
                scored.append((len(in_quote) + len(in_paragraph), quote.kind == "direct", quote.published, quote))
        scored.sort(key=lambda item: item[:3], reverse=True)
        return [item[3] for item in scored]

    def said_on(self, name: str, topic: str, filters: Filters | None, k: int) -> list[QuoteRecord]:
        """Up to `k` of the person's own words on the topic, for one side of a comparison: quotes of a few words
        at least ("murderers" alone says nothing of a position), one a sentence, best first."""
        if not self.quotes.matching_speaker(name):
            return []
        wanted = set(name_tokens(name))
        # the person's own words, as said: reported speech reads its pronouns as the reporter's ("Trump … said he's
        # responsible for an immigration crisis", he being Biden), and another speaker framed near the name is not them
        found = [q for q in self.on_topic(name, topic, filters, by_headline=True) if holds_name(q.speaker_name, wanted)]
        chosen: list[QuoteRecord] = []
        for quote in sorted(found, key=lambda q: q.kind != "direct"):
            if quote.kind != "direct" and THIRD_PERSON_OPENING.match(quote.text) and self.another_named_before(quote):
                continue  # "Trump also hurled insults at Biden and said he's responsible …": "he" is Biden
            if len(quote.text.split()) >= SIDE_QUOTE_WORDS and not any(overlaps(quote, c) for c in chosen):
                chosen.append(quote)
            if len(chosen) >= k:
                break
        return chosen

    def at_occasion(self, name: str, occasion: str, filters: Filters | None, pool: int = 200) -> list[QuoteRecord]:
        """The speaker's quotes at `occasion` ("the Senate hearing"), best first. An article reporting an event
        names it in its title or lead, seldom beside each quote ("“I'm sorry for everything you have all been
        through,” Zuckerberg said."): a quote is at the occasion when its paragraph or its article's title and
        lead hold most of the occasion's words; of several such events, the newest is "the" one."""
        wanted = set(self.quotes.stems(occasion))
        if not wanted:
            return []
        needed = max(1, round(MIN_COVERAGE * len(wanted)))
        scored = []
        for quote, text, paragraph in self.framed_quotes(name, filters, pool):
            lead = lead_of(text)
            held = wanted & set(self.quotes.stems(f"{quote.title}\n{lead}\n{paragraph}"))
            if len(held) >= needed:
                scored.append((len(held), quote.published, quote.kind == "direct", quote))
        scored.sort(key=lambda item: item[:3], reverse=True)
        return [item[3] for item in scored]

    def framed_quotes(self, name: str, filters: Filters | None, pool: int) -> Iterator[tuple[QuoteRecord, str, str]]:
        """The speaker's quotes (the `pool` best), framed (`framed`)."""
        return self.framed([q for q, _ in self.quotes.search("", speaker=name, filters=filters, limit=pool)])

    def framed(self, candidates: list[QuoteRecord]) -> Iterator[tuple[QuoteRecord, str, str]]:
        """The quotes with their article's text and the paragraph that frames each; a quote in boilerplate (a
        caption, a credit line, link text to another story: its quote is that story's) is left out."""
        texts = self.article_texts({q.article_id for q in candidates})
        for quote in candidates:
            text = texts.get(quote.article_id, "")
            start, end = paragraph_bounds(text, quote.start, quote.end)
            paragraph = text[start:end]
            if not is_boilerplate(paragraph.strip()):
                yield quote, text, paragraph

    def who_said_what(self, question: str, topic: str, filters: Filters | None) -> Answer | None:
        """Several speakers on a topic, as a Markdown table (speaker | quote | date | source), newest
        first, each row cited: it reads the same in the chat, a terminal and the API's text."""
        chosen: list[QuoteRecord] = []
        for quote in self.about(topic, filters):
            same_speaker = sum(c.speaker_name == quote.speaker_name for c in chosen)
            if same_speaker < ROWS_PER_SPEAKER and all(not overlaps(quote, c) for c in chosen):
                chosen.append(quote)
            if len(chosen) == MAX_ROWS:
                break
        if not chosen:
            return None
        chosen.sort(key=lambda q: q.published, reverse=True)  # newest first; undated ("") last
        rows, citations = [], []
        for n, quote in enumerate(chosen, start=1):
            # the quote alone: the row's other cells say who said it, when and where
            citation = self.cite(n, quote)
            citations.append(citation)
            words = " ".join(citation.quote.split())
            if len(words.split()) > CELL_WORDS:
                words = " ".join(words.split()[:CELL_WORDS]) + " …"
            if quote.kind == "direct":
                words = f"“{words}”"
            cells = [quote.speaker_name, f"{words} [{n}]", quote.published or "undated", quote.source or "unknown source"]
            rows.append("| " + " | ".join(table_cell(cell) for cell in cells) + " |")
        head = f"Who said what about {topic}, newest first:"
        table = "\n".join(["| Speaker | Quote | Date | Source |", "| --- | --- | --- | --- |", *rows])
        return self.make(question, f"{head}\n\n{table}", citations)

    def about(self, topic: str, filters: Filters | None, pool: int = 200) -> list[QuoteRecord]:
        """Quotes on `topic` by anyone, best first: those whose words or paragraph, or whose article's
        title or lead, hold most of the topic's words (a story's later paragraphs seldom repeat it)."""
        topic_stems = self.topic_stems(topic)
        if not topic_stems:
            return []
        candidates = {(q.article_id, q.start): q for q, _ in self.quotes.search(topic, filters=filters, limit=pool // 4)}
        if self.articles_about is not None:
            for quote in self.quotes.in_articles(self.articles_about(topic, filters), filters, limit=pool):
                candidates.setdefault((quote.article_id, quote.start), quote)
        needed = max(1, round(MIN_COVERAGE * len(topic_stems)))  # "the ferry strike" is not any strike
        scored = []
        for quote, text, paragraph in self.framed(list(candidates.values())):
            in_paragraph = topic_stems & set(self.quotes.stems(paragraph))
            lead = lead_of(text)  # a news story names its topic up top
            in_title = topic_stems & set(self.quotes.stems(f"{quote.title}\n{lead}"))
            in_quote = topic_stems & set(self.quotes.stems(quote.text))
            if len(in_paragraph) >= needed or len(in_title) >= needed:
                scored.append(((len(in_quote), len(in_paragraph), len(in_title)), quote.kind == "direct", quote.published, quote))
        scored.sort(key=lambda item: item[:3], reverse=True)
        return [item[3] for item in scored]

    def did_say(self, question: str, name: str, fragment: str, filters: Filters | None) -> Answer | None:
        # "Did X say Y?" often wraps the quoted words in the asker's own: match either way round. X's own
        # quotes first: "Did Trump say he would encourage Russia to attack NATO allies?" was answered with a
        # Pence sentence sharing more of the asked words, though Trump's own words were in the index
        own = self.best_match(fragment, filters, both_ways=True, speaker=name)
        if own is not None:
            return self.make(question, f"{self.verdict(fragment, own, name)} {self.said(own)} [1]", [self.cite(1, own)])
        quote = self.best_match(fragment, filters, both_ways=True)
        if quote is None:
            return None
        asked = set(name_tokens(name))
        if asked and asked <= set(name_tokens(quote.speaker_name)):
            return self.make(question, f"{self.verdict(fragment, quote, name)} {self.said(quote)} [1]", [self.cite(1, quote)])
        shared = set(content_stems(fragment)) & set(content_stems(quote.text))
        if coverage(fragment, quote.text) >= OTHER_SPEAKER_COVERAGE and len(shared) >= 2:
            lead = f"The articles attribute these words to {quote.speaker_name}, not {name}:"
            return self.make(question, f"{lead} {self.said(quote)} [1]", [self.cite(1, quote)])
        # someone else's quote sharing some of the words ("he'd be a dictator", a voter on Trump) is no
        # attribution: the articles' own sentences may still report X saying it ("Biden said Friday that
        # he would sign legislation …", reported speech the quote index did not hold), so the normal path answers
        return None

    def verdict(self, fragment: str, quote: QuoteRecord, name: str) -> str:
        """ "Yes." when X's quote holds nearly all the asked words (`ALSO_COVERAGE`), either way round;
        otherwise X's closest words, not a yes: "Did Haley say Trump is a great president?" got "Yes." from
        "This is where President Trump went wrong" (two of the three asked words)."""
        if coverage(fragment, quote.text) >= ALSO_COVERAGE:
            return "Yes."
        return f"The articles don't quote {name} saying this outright; the closest they quote {name}:"

    def when_said(self, question: str, name: str, fragment: str, filters: Filters | None) -> Answer | None:
        """ "When did X say “…”?": led by the day the words were said: the one the sentences reporting them name
        ("said Tuesday"), else the one the article's lead names ("held its key interest rate steady Wednesday"),
        else the day of the article that reports them ("On or before …"); with the occasion the sentence opens with
        ("At a news conference, …"). The quote follows, as a who-said answer gives it."""
        quote = self.best_match(fragment, filters, both_ways=True, speaker=name)
        if quote is None:
            return None  # words the quote index does not hold from that speaker: the normal path
        citation = self.cite(1, quote, whole_sentence=True)
        text = self.article_texts([quote.article_id]).get(quote.article_id, "")
        # the lead's day is the event's, not of words said before it: "Biden has previously said he would sign the
        # bill" was dated the House vote's day (a fact-checker's try; he said it days before)
        day = said_on(citation) or (None if SAID_BEFORE.search(citation.quote) else said_on(citation, lead_of(text)))
        occasion = occasion_of(text, quote)
        where = f" ({occasion})" if occasion else ""
        if (year := self.day_of(quote)) is not None and len(year) == 4:
            when = f"In {year}{where}"  # a year before the report: "In 2012, Nikki Haley wrote: …"
        elif day:
            when = f"On {day}{where}"
        elif quote.published:
            # the report's day: the words may be older ("at his most recent news conference")
            reported = f"{quote.source or 'an article'} reported it that day{'; ' + occasion if occasion else ''}"
            when = f"On or before {quote.published} ({reported})"
        else:
            when = f"In an undated article{where}"
        return self.make(question, f"{when}, {said(quote, dated=False)} [1]", [citation])

    def said(self, quote: QuoteRecord, also: bool = False, dated: bool = True) -> str:
        """`said`, dated by the day its sentence says the words were said: "Martin Hale (2026-04-02) said" was given
        for words "said on Wednesday", 2026-04-01, in an article of the next day (an outside try: a reporter copying
        it would misdate the quote)."""
        return said(quote, also, dated, self.day_of(quote) if dated and not also else None)

    def day_of(self, quote: QuoteRecord) -> str | None:
        """The day its paragraph says the quote was said (`day_said`), read from its article's stored text."""
        return day_said(self.article_texts([quote.article_id]).get(quote.article_id, ""), quote)

    def cite(self, n: int, quote: QuoteRecord, whole_sentence: bool = False) -> Citation:
        """Cite the quote (or, with `whole_sentence`, the sentence around a short quoted fragment);
        the passage is the paragraph around it, which holds its attribution."""
        text = self.article_texts([quote.article_id])[quote.article_id]
        start, end = paragraph_bounds(text, quote.start, quote.end)
        cited_start, cited_end = quote.start, quote.end
        sentence = sentence_holding(text, quote.start, quote.end) if whole_sentence else None
        if sentence is not None and quote.end - quote.start < FRAGMENT_SHARE * (sentence[1] - sentence[0]):
            cited_start, cited_end = sentence
        return Citation(
            n=n,
            article_id=quote.article_id,
            title=quote.title,
            source=quote.source,
            url=quote.url,
            published=quote.published,
            passage=text[start:end],
            passage_span=(start, end),
            quote=text[cited_start:cited_end],
            span=(cited_start, cited_end),
            speaker=quote.speaker_name,
        )

    @staticmethod
    def make(question: str, text: str, citations: list[Citation]) -> Answer:
        return Answer(question=question, text=text, answered=True, citations=citations, mode="who_said")


TIME_OF_DAY_STEMS = frozenset(stems("night morning afternoon evening day week weekend tonight today"))


def said_on(citation: Citation, text: str | None = None) -> str | None:
    """The one day a day word in the cited sentence's paragraph (or in `text`) names ("said Tuesday" in an
    article of 2024-01-17 → 2024-01-16), read against the article's date; None when it names none or several."""
    if not citation.published:
        return None
    read = citation.passage if text is None else text
    published = date.fromisoformat(citation.published)
    # not a day after the report: "… her native South Carolina, site of the next Republican primary" on Feb. 24 was given
    # as the day Haley said "chaos follows him" in a January 22 story (a fact-checker's try)
    days = {found.date for found in relative_dates(read, published) if found.date and found.date <= published}
    return days.pop().isoformat() if len(days) == 1 else None


QUOTATION = re.compile(r"[“\"][^”\"]*[”\"]")
SAID_BEFORE = re.compile(
    r"\b(?:previously|earlier|already|repeatedly|long) (?:said|says|stated|told|vowed|promised)\b|\bha(?:s|ve|d) (?:previously |long |repeatedly )?(?:said|stated|vowed|promised)\b",
    re.I,
)
# a day told with a verb of saying: "said on Wednesday", "told reporters Thursday", "speaking at a news conference at
# City Hall on Tuesday afternoon"
SAID_ON_A_DAY = re.compile(
    r"\b(?:said|says|told|added|wrote|stated|announced|testified|speaking|spoke)\b[^.;:“”\"]{0,60}$", re.IGNORECASE
)


# a year told with the saying, before the article's: "…,” Haley wrote in her 2012 memoir", "said in a 2019 interview",
# "told the paper in 2016"
SAID_IN_A_YEAR = re.compile(
    r"\b(?:said|says|told|wrote|written|stated|testified|declared|recalled)\b[^.;:“”\"]{0,40}?"
    r"\bin\s+(?:(?:his|her|their|its|a|an|the)\s+)?(?P<year>(?:19|20)\d\d)\b"
)


def day_said(text: str, quote: QuoteRecord) -> str | None:
    """The one day the quote's paragraph says its speaker spoke, with a verb of saying, outside quoted words ("Martin
    Hale … said on Wednesday that …. “We followed protocol,” Hale said." in an article of Thursday 2026-04-02 →
    2026-04-01), read against its article's date; None when it names none, several, or one after the article. A year
    before the article's told with the saying is the answer too, as a year: "…,” Haley wrote in her 2012 memoir" was
    shown as "Nikki Haley (2024-01-25) said" in answer to what she said after the New Hampshire primary (a journalist's
    try)."""
    if not text or not quote.published:
        return None
    start, end = paragraph_bounds(text, quote.start, quote.end)
    frame = QUOTATION.sub(
        lambda m: " " * len(m[0]), text[start : quote.start] + " " * (quote.end - quote.start) + text[quote.end : end]
    )
    published = date.fromisoformat(quote.published)
    if (year := year_said(frame, published)) is not None:
        return year
    days = {
        found.date
        for found in relative_dates(frame, published)
        if found.date and found.date <= published and SAID_ON_A_DAY.search(frame, 0, found.span[0])
    }
    return days.pop().isoformat() if len(days) == 1 else None


def year_said(frame: str, published: date) -> str | None:
    """The one year before `published` that the quote's paragraph (`frame`, its quotations blanked) says its words were
    said or written in (`SAID_IN_A_YEAR`: "…,” Haley wrote in her 2012 memoir. “…”" dates both); None when it names
    none, or several."""
    years = {found["year"] for found in SAID_IN_A_YEAR.finditer(frame) if int(found["year"]) < published.year}
    return years.pop() if len(years) == 1 else None


def lead_of(text: str) -> str:
    """The article's first paragraph: a news story's lead names the day of the event it reports."""
    return text[: paragraph_bounds(text, 0, 0)[1]] if text else ""


OCCASION = re.compile(r"^\s*(?P<occasion>(?:at|during|in)\s+(?:a|an|the|his|her|their)\s+[^,]{3,60}?)\s*,", re.I)


def occasion_of(text: str, quote: QuoteRecord) -> str:
    """Where the words were said, when the sentence reporting them opens with it ("At a news conference,
    Federal Chair Jerome Powell said …" → "at a news conference"); "" otherwise."""
    start, end = paragraph_bounds(text, quote.start, quote.end)
    for sentence in sentence_spans(text[start:end]):
        if start + sentence.start <= quote.start < start + sentence.end:
            found = OCCASION.match(text[start + sentence.start : start + sentence.end])
            if found is None:
                return ""
            occasion = found.group("occasion")
            return occasion[:1].lower() + occasion[1:]
    return ""


PRONOUN_SPEAKERS = {"he", "she", "they"}


def named_by_a_pronoun_in_own_words(quote: QuoteRecord) -> bool:
    """Whether the quote's "she said" was read as someone its own words talk about: "“Michigan didn’t buy what
    Donald Trump was selling in 2020 …,” she said" (Gov. Whitmer, news24 dfd77e61c2d1) was attributed to Trump.
    A speaker the article calls "he" or "she" seldom names themself in their words; such a quote is no one's here."""
    if quote.speaker.strip().lower() not in PRONOUN_SPEAKERS:
        return False
    surname = next(reversed(name_tokens(quote.speaker_name)), "")
    return bool(surname) and surname in name_tokens(quote.text)


# cues that take whom they were said to, which a quote's words leave out
OBJECT_CUES = frozenset({"told", "tells", "tell", "informed", "assured", "reminded"})


def said(quote: QuoteRecord, also: bool = False, dated: bool = True, day: str | None = None) -> str:
    """The quote as a sentence that names its speaker: direct words in quotation marks, reported
    speech with its own cue verb, an "according to" attribution as such; its date after the speaker
    (`day`, the day its sentence says it was said, else its article's) unless `also` or not `dated` (an answer that
    leads with the day)."""
    words = " ".join(quote.text.split())
    when = "" if also or not dated or not (day or quote.published) else f" ({day or quote.published})"
    if quote.kind == "direct":
        return f"{quote.speaker_name}{when} {'also said' if also else 'said'}: “{words}”"
    if quote.kind == "indirect":
        # its own verb: "demanded that TikTok's Chinese owners sell" is no "said that … sell"; in the past tense: "Tomas
        # Ruiz (2026-03-25) saying it moved too slowly" was shown for "…, saying it moved too slowly" (an outside try)
        cue = past_of_participle(quote.cue) if quote.cue.lower().endswith("ing") else quote.cue
        if cue.lower() in OBJECT_CUES:
            cue = "said"  # "told reporters he would sign …" is stored without "reporters": "Joe Biden also told that he …"
        return f"{quote.speaker_name}{when} {'also ' if also else ''}{cue} {words}"
    return f"According to {quote.speaker_name}{when}, {words}"


def table_cell(text: str) -> str:
    """Text for a Markdown table cell: one line, its pipes escaped so they don't split the cell."""
    return " ".join(text.split()).replace("|", "\\|")


def sentence_holding(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The sentence of its paragraph that holds text[start:end], as a span of `text`; None when it runs over two."""
    paragraph_start, paragraph_end = paragraph_bounds(text, start, end)
    for sentence in sentence_spans(text[paragraph_start:paragraph_end]):
        s_start, s_end = paragraph_start + sentence.start, paragraph_start + sentence.end
        if s_start <= start and end <= s_end:
            return s_start, s_end
    return None


def paragraph_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The paragraph (line) that holds text[start:end]."""
    paragraph_start = text.rfind("\n", 0, start) + 1
    paragraph_end = text.find("\n", end)
    return paragraph_start, len(text) if paragraph_end == -1 else paragraph_end


def is_label(quote: QuoteRecord) -> bool:
    """Whether the quote is a few words a naming verb puts on something ("called the credit “an insult”")."""
    return quote.cue.lower() in NAMING_CUES and len(quote.text.split()) <= LABEL_WORDS


def same_words(a: QuoteRecord, b: QuoteRecord) -> bool:
    """The same words quoted twice (one outlet's copy of another's story), one quote inside the other, or one lightly
    re-edited (a wire story's "painful but unavoidable" and "painful yet unavoidable" were shown as two statements:
    an outside try), of `SAME_WORDS_LEAST` words at least."""
    words_a, words_b = (" ".join(re.findall(r"\w+", fold(q.text).lower())) for q in (a, b))
    shorter = min(words_a, words_b, key=len)
    if len(shorter.split()) < SAME_WORDS_LEAST:
        return False
    if words_a in words_b or words_b in words_a:
        return True
    return SequenceMatcher(None, words_a.split(), words_b.split(), autojunk=False).ratio() >= RE_EDITED_SHARE


def overlaps(a: QuoteRecord, b: QuoteRecord) -> bool:
    return a.article_id == b.article_id and a.start < b.end and b.start < a.end


def cites_the_same(a: Citation, b: Citation) -> bool:
    """The two citations' cited words overlap in one article, or are the same words in two (wire copy)."""
    if a.article_id == b.article_id and a.span[0] < b.span[1] and b.span[0] < a.span[1]:
        return True
    return " ".join(a.quote.split()) == " ".join(b.quote.split())
