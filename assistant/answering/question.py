"""Question analysis: what kind of question this is, and what kind of thing answers it.

Every answerer reads the same analysis:

1. The kind, from the question's opening words and a few phrasings: who / when / where /
   how_many / how_much / how_long / how_old (an age) / which (a "which X" or "what X" question) / yes_no / why /
   what_happened / summary / comparison / timeline / who_said / other.
2. The answer type it expects, as spaCy entity labels of the bundled model: a "who" question
   expects a PERSON (or an ORG that acts), "when" a DATE, "how many" a CARDINAL, "how much" MONEY
   or a PERCENT or a QUANTITY. A "which X" question reads its head noun X ("which country" → GPE,
   "which company" → ORG, "which film" → WORK_OF_ART); a head noun not in the table expects
   nothing in particular.
3. For comparisons, the two sides ("How did Meta and Amazon differ on layoffs?" → Meta, Amazon);
   for summaries and timelines, the topic (the question without its "summarize" / "timeline of").

Rules on the question's own words, not a model: a question is short, the forms are few, and the
analysis must cost nothing next to search. The answerers check candidate sentences against the
expected type with the bundled NER (see `entities`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from assistant.search.words import stems
from ingest.language import pipeline_view

# spaCy labels (OntoNotes) grouped by what a reader asks for
PERSON = frozenset({"PERSON"})
ACTOR = frozenset({"PERSON", "ORG", "NORP"})
ORGANISATION = frozenset({"ORG", "NORP"})
PLACE = frozenset({"GPE", "LOC", "FAC"})
DAY = frozenset({"DATE", "TIME"})
COUNT = frozenset({"CARDINAL", "QUANTITY", "MONEY", "PERCENT"})
AMOUNT = frozenset({"MONEY", "PERCENT", "QUANTITY", "CARDINAL"})
DURATION = frozenset({"DATE", "TIME", "QUANTITY", "CARDINAL"})
SIZE = frozenset({"QUANTITY", "CARDINAL", "PERCENT", "MONEY"})  # the measure "how big", "how far" … ask for
# the adjectives of "how big", "how far": each asks for a measure ("1 million acres")
MEASURES = "big|large|far|tall|deep|wide|high|fast|heavy|strong"
# "How much did Calloway pay?", "How much does it cost?": the verb trades money, so no count or share answers
MONEY_VERBS = re.compile(
    r"\bhow much\s+(?:money\s+)?(?:did|does|do|will|would|is|was|are|were|has|have|had|could|can)\b.*?"
    r"\b(?:pay|paid|pays|cost|costs|spend|spent|spends|charge|charged|charges|earn|earned|earns|owe|owed|owes|"
    r"donate|donated|invest|invested|fined?|worth|sell\s+for|sold\s+for|buy\s+for|bought\s+for|settle\s+for|"
    r"settled\s+for|make|made|award|awarded|receive|received|get|got)\b",
)
WORK = frozenset({"WORK_OF_ART", "PRODUCT", "EVENT", "ORG"})

# "which X" / "what X": the head noun's answer type (singular forms; plurals are folded)
HEAD_NOUNS: dict[str, frozenset[str]] = {}
for _labels, _nouns in (
    (
        PLACE,
        "country nation state city town capital region province island county territory village area "
        "continent place location district neighborhood neighbourhood port airport stadium venue planet moon "
        "river lake mountain sea ocean coast border street",
    ),
    (
        ORGANISATION,
        "company firm organization organisation agency group party network airline bank "
        "retailer chain automaker carrier brand business corporation "
        "manufacturer startup maker publisher broadcaster union court committee department ministry "
        "government league association federation outlet newspaper platform app service museum "
        "watchdog regulator program programme brewery restaurant store hotel hospital charity "
        "institution department agency channel studio label band",
    ),
    (
        PERSON,
        "person man woman player actor actress singer rapper star politician leader candidate president "
        "senator governor minister official executive ceo founder author writer director artist athlete "
        "coach judge lawmaker billionaire musician comedian journalist host king queen prince princess "
        "pope celebrity footballer quarterback pitcher golfer boxer driver congressperson congressman "
        "congresswoman republican democrat figure commander member nominee astronaut scientist doctor "
        "officer chef designer lawyer poet rival opponent counterpart successor spokesperson chief "
        "activist suspect victim winner",
    ),
    # sports writing names a side by its place: "Michigan beat Washington", "Kansas City won"
    (ORGANISATION | frozenset({"GPE"}), "team club university college school side squad franchise"),
    (WORK, "film movie book song album show series novel game play musical documentary painting"),
    (DAY, "year month day date decade century"),
    (DURATION, "age"),
    (frozenset({"PERCENT"}), "percent percentage rate share"),
    (frozenset({"MONEY"}), "price cost amount sum fine fee salary"),
    (frozenset({"CARDINAL", "QUANTITY"}), "number"),
    # a tally, told as "24-23" or "352-65" (`TALLY`; the entity recognizer reads such a pair as anything)
    (frozenset({"CARDINAL"}), "score scoreline tally vote"),
    (frozenset({"NORP"}), "nationality religion"),
    (frozenset({"LANGUAGE"}), "language"),
    (frozenset({"LAW"}), "law bill act treaty"),
    (frozenset({"EVENT"}), "event tournament championship war storm hurricane festival concert summit conference ceremony"),
    (frozenset({"PRODUCT", "ORG"}), "product device phone car vehicle drug vaccine medication flavor cookie snack drink"),
):
    for _noun in _nouns.split():
        HEAD_NOUNS[_noun] = _labels

KINDS = (
    "who",
    "when",
    "where",
    "how_many",
    "how_much",
    "how_long",
    "how_old",
    "which",
    "yes_no",
    "why",
    "what_happened",
    "summary",
    "comparison",
    "timeline",
    "who_said",
    "other",
)

SUMMARY = re.compile(
    r"^\s*(?:please\s+)?(?:summari[sz]e|sum up|give (?:me )?(?:a |an )?(?:summary|overview|rundown|digest)|"
    r"tell me (?:about|more about)|what(?:'s| is) the (?:story|latest|news) (?:on|about|with)|"
    r"what(?:'s| is) (?:going on|happening) (?:with|in|at)|catch me up on|brief me on|overview of|summary of)\b\s*",
    re.IGNORECASE,
)
# "What's the latest Delaware news?", "Any Boeing news?", "What are the latest Super Bowl headlines?": the news of a topic
NEWS_OF = re.compile(
    r"^\s*(?:what(?:'s|’s| is| are)|any)\s+(?:the\s+)?(?:(?:latest|newest|recent|new)\s+)?(?P<topic>[^?]{2,60}?)\s+"
    r"(?:news|headlines|stories)\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# ... not "What is the big news?", "What are the top stories?": no topic, the day's top stories
NO_NEWS_TOPIC = frozenset(
    "the big top main biggest latest breaking good bad other more today's this week's this week today any some".split()
)
TIMELINE = re.compile(
    r"^\s*(?:(?:give (?:me )?)?(?:a |the )?(?:timeline|chronology) (?:of|for|on)|"
    r"how (?:did|has|have) (?P<topic>.+?) (?:develop(?:ed)?|unfold(?:ed)?|evolve[d]?|progress(?:ed)?)\b)\s*",
    re.IGNORECASE,
)
COMPARISON = re.compile(
    r"^\s*(?:how|in what ways?|where) (?:did|do|does|have|has) (?P<a>.+?) and (?P<b>.+?) "
    r"(?:differ|compare|disagree|agree|contrast)\b(?:\s+(?:on|over|about|in|regarding)\s+(?P<topic>.+?))?\s*\??\s*$",
    re.IGNORECASE,
)
VERSUS = re.compile(r"^\s*(?:compare\s+)?(?P<a>.+?)\s+(?:vs\.?|versus|compared (?:to|with))\s+(?P<b>.+?)\s*\??\s*$", re.I)
COMPARE = re.compile(r"^\s*compare\s+(?P<a>.+?)\s+(?:and|with|to)\s+(?P<b>.+?)\s*\??\s*$", re.IGNORECASE)
# "Compare what Biden and Trump said about the border": the sides are the speakers, the topic what they spoke of
COMPARE_SAID = re.compile(
    r"^\s*compare\s+(?:what|how)\s+(?P<a>.+?)\s+and\s+(?P<b>.+?)\s+(?:said|say|says|think|thought|wrote|claimed|argued)"
    r"(?:\s+(?:on|over|about|of|regarding)\s+(?P<topic>.+?))?\s*\??\s*$",
    re.IGNORECASE,
)
WHAT_HAPPENED = re.compile(r"^\s*what (?:happened|is happening|has happened|went on)\b", re.IGNORECASE)
YES_NO = re.compile(
    r"^\s*(?:true or false\b|is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b", re.IGNORECASE
)
# what "says" a thing without being anyone who speaks: "What did the inflation report say today?" is asked of the
# report's figures, which no quote holds ("No article here quotes the inflation report" beside the CPI story)
DOCUMENTS = frozenset(
    "report study survey poll data figures numbers index forecast ruling decision verdict filing lawsuit complaint "
    "indictment bill law order memo letter document analysis review audit census statement agreement deal plan budget "
    "projection estimate estimates research findings results".split()
)
WHO_SAID = re.compile(
    r"^\s*(?:who (?:said|says|told|warned|claimed|argued|stated|called)|what did (?P<speaker>.+?) (?:say|tell|claim|argue|write)|"
    r"what (?:has|have|does|do) .+? (?:said|say))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class QuestionAnalysis:
    """What a question asks for; see the module docstring."""

    kind: str
    expects: frozenset[str] = frozenset()
    head: str | None = None  # "which X": X
    sides: tuple[str, ...] = ()  # comparison: the things compared
    topic: str | None = None  # summary / timeline / comparison: what about
    negated: bool = False  # "which … is NOT a candidate": the answer is the one the articles leave out
    notes: list[str] = field(default_factory=list, compare=False)


# "which month" is answered by a month, "what time" by a time of day: "in 2024" and "on Wednesday" are days too
DAY_UNITS = {
    "month": re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b", re.IGNORECASE),
    "year": re.compile(r"\b(?:1[89]|20)\d\d\b"),
    "time": re.compile(r"\d\s*(?:a\.?m\b|p\.?m\b)|\b\d{1,2}:\d\d\b|\b(?:noon|midnight)\b", re.IGNORECASE),
}


# a length of time: a count of a unit of it ("four years", "720 days", "a four-year", "six weeks")
SPAN_OF_TIME = re.compile(
    r"\b(?:\d[\d,.]*|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|several|few"
    r"|many|\w+-year)[\s-]+(?:\w+[\s-]+)?(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centur(?:y|ies))\b"
    r"(?![\s-]+(?:old|earlier|later|ago|before|after)\b)"
    r"|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|twelve|\w+teen|\w+ty)-(?:second|minute|hour|day|week|month"
    r"|year)\b(?!-old)",
    re.IGNORECASE,
)


# the heads of a question after a tally: "What was the score of the Lions Rams playoff game?", "… the vote on …?"
TALLY_HEADS = frozenset({"score", "scoreline", "tally", "vote"})
# "the vote count", "the score total": the tally itself
COUNT_WORDS = frozenset({"count", "tally", "total", "margin", "breakdown", "result"})
# a tally: "24-23", "352-65", "352 to 65"; not a phone number's "1-800-…", a record in parentheses ("The Lions (13-5)"),
# a range ("from 3 to 5", "10 to 15 percent", "9 to 5 p.m.")
TALLY = re.compile(
    r"(?<![\d(\-–])(?<!from )\b\d{1,3}(?:\s?[-–]\s?|\s+to\s+)\d{1,3}\b(?![\-–]?\w)(?!\))"
    r"(?!\s*(?:%|percent|per\s*cent|[ap]\.?m\b|years?|days?|weeks?|months?|hours?|minutes?|inches|feet|degrees))"
)


# "How many people died in …?": people are counted by what happened to them, and any sentence holds a number of
# some people ("More than 300,000 Chinese students are studying at American universities, and the Orlando shooting
# …" answered the Orlando death toll). The words that tell one happening alike: the death toll is told "killed 49".
PEOPLE = r"(?:people|persons|individuals|victims)"
# people counted by what they are: "How many inmates escaped from the Haitian prison?" was answered "Among the few
# dozen who chose to stay in the prison are 18 former Colombian soldiers" (an outside try)
PEOPLE_GROUPS = (
    r"(?:inmates|prisoners|migrants|hostages|passengers|soldiers|troops|civilians|residents|workers|employees|"
    r"students|children|protesters|refugees|patients|firefighters|officers|voters|fans|"
    # a body's members, counted by its vote: "How many representatives voted for the TikTok bill?" is answered by "The
    # House passed the bill 352-65" (a journalist's try got two states' laws)
    r"representatives|senators|lawmakers|legislators|members|republicans|democrats)"
)
COUNTED_PEOPLE = re.compile(rf"^\s*how\s+many\s+(?:\w+\s+)?(?:{PEOPLE}|{PEOPLE_GROUPS})\b", re.IGNORECASE)
SAME_HAPPENING = (
    frozenset(stems("die died dead death deaths kill killed killing fatal fatally")),
    frozenset(stems("injure injured injury injuries wound wounded hurt")),
    frozenset(stems("shoot shot shooting gunshot")),
    frozenset(stems("escape escaped escapes fled flee flees breakout jailbreak")),
)
AUXILIARY_LEMMAS = frozenset({"be", "have", "do", "get"})
VOTING = frozenset(stems("vote voted voting votes"))


HOW_MANY = re.compile(r"^\s*how\s+many\s+", re.IGNORECASE)
HOW_MUCH = re.compile(r"^\s*how\s+much\s+", re.IGNORECASE)


def counted_thing(question: str) -> frozenset[str]:
    """The stems of what "How many <things> …?" counts ("votes" of "How many votes did Aisha Rahman get?"); empty for
    another question."""
    opening = HOW_MANY.match(question)
    if opening is None:
        return frozenset()
    for word in parsed(question[opening.end() :])[:4]:
        if word.tag_ in ("NNS", "NN", "NNPS"):
            return frozenset(stems(word.text))
        if word.pos_ not in ("ADJ", "NUM", "ADV"):
            break
    return frozenset()


COUNT_NOUN = re.compile(r"\b(?P<what>[A-Za-z]+)\s+(?:count|toll|tally|total|estimate)\b", re.IGNORECASE)


def counts_as_of_now(question: str) -> bool:
    """Whether "How many/much …?" asks a count in the present or present perfect ("How many ships are waiting at
    anchor?", "How many people have died?"): the count as it stands, which a newer telling of it replaces."""
    opening = HOW_MANY.match(question) or HOW_MUCH.match(question)
    if opening is None:
        return False
    verb = next((word for word in parsed(question[opening.end() :]) if word.tag_.startswith("VB") or word.tag_ == "MD"), None)
    return verb is not None and verb.tag_ in ("VBZ", "VBP")


def counted_by_its_noun(question: str) -> frozenset[str]:
    """The stems of what "the latest injury count" or "the death toll" counts; empty for a question naming no count."""
    found = COUNT_NOUN.search(question)
    return frozenset(stems(found["what"])) if found else frozenset()


def counted_happening(question: str) -> frozenset[str]:
    """For "How many people <verb> …?" the stems a sentence must hold to count them: the verb's and those that tell
    the same happening (`SAME_HAPPENING`); empty for any other question, which counts a thing of its own ("acres")."""
    if COUNTED_PEOPLE.match(question) is None:
        return frozenset()
    verb = next((t for t in dependency_parser()(question) if t.dep_ == "ROOT"), None)
    if verb is None or verb.pos_ not in ("VERB", "AUX") or verb.lemma_ in AUXILIARY_LEMMAS:
        return frozenset()
    own = frozenset(stems(verb.lemma_)) | frozenset(stems(verb.text))
    return own.union(*(family for family in SAME_HAPPENING if own & family))


PEOPLE_COUNTED = re.compile(rf"\b\d[\d,]*\s+(?:\w+\s+)?{PEOPLE}\b", re.IGNORECASE)


def counts_people(sentence: str) -> bool:
    """Whether the sentence counts people as such ("In total 22 people suffered gunshot wounds"), not a group of them
    ("11 children were shot")."""
    return PEOPLE_COUNTED.search(sentence) is not None


def tallies_a_vote(sentence: str, happening: frozenset[str]) -> bool:
    """For "How many people voted for …?": whether the sentence gives a vote's tally ("The U.S. House of Representatives
    passed a bill on Wednesday in support of a TikTok ban, 352-65"), which counts the voters without saying "voted"."""
    return not happening.isdisjoint(VOTING) and TALLY.search(sentence) is not None


def holds_the_unit(analysis: QuestionAnalysis, entity: str) -> bool:
    """Whether a date entity is of the unit the question asks for (True when it names none). "How long …?" asks
    for a length of time: "the next day" and "Feb. 7, 2022" are days, not lengths; "four years" is one."""
    if analysis.kind == "how_long":
        return SPAN_OF_TIME.search(entity) is not None
    unit = DAY_UNITS.get(analysis.head or "") if analysis.kind == "when" else None
    return unit is None or unit.search(entity) is not None


def singular(noun: str) -> str:
    noun = noun.lower()
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("sses", "ches", "shes", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith("ss") and len(noun) > 3:
        return noun[:-1]
    return noun


NOUN_PHRASE_POS = frozenset({"ADJ", "ADV", "NOUN", "PROPN", "NUM", "VERB"})  # VERB: "racing" tagged so at times
EMPTY_HEADS = frozenset({"kind", "type", "sort", "name", "title", "one", "part", "form"})  # "what kind of X": X


def wh_head(question: str) -> str | None:
    """The noun a "which X" / "what X" question asks about, lower-cased and singular: the last noun of
    the phrase right after the wh-word ("which highly infectious disease" → disease), past a possessor
    ("what is the world's happiest country" → country), through "of the following" and "kind of"/"name of" ("what is the name of the beer" → beer)."""
    doc = parsed(question)
    for i, token in enumerate(doc):
        if token.lower_ not in ("which", "what"):
            continue
        j = i + 1
        # "what is/was the X of Y": the subject noun phrase after the copula
        after_copula = j < len(doc) and doc[j].lower_ in ("is", "was", "are", "were", "'s") and j + 1 < len(doc)
        after_copula = after_copula and doc[j + 1].pos_ == "DET"
        if after_copula:
            j += 2
        head = None
        while j < len(doc):
            word = doc[j]
            if word.lower_ in ("of", "the", "these", "following", "a", "an") and (head is None or head in EMPTY_HEADS):
                head = None if word.lower_ == "of" else head
                j += 1
                continue
            # "what is the world's happiest country" asks for a country; "which country's leader" still for a country
            if word.tag_ == "POS" and head is not None and after_copula:
                head = None
                j += 1
                continue
            if word.tag_ == "HYPH" and head is None and j + 1 < len(doc):  # "limited-edition Oreo cookie"
                j += 1
                continue
            if word.pos_ in NOUN_PHRASE_POS and not (word.pos_ == "VERB" and head is not None):
                if word.lower_ in COUNT_WORDS and head in TALLY_HEADS:
                    j += 1  # "what was the House vote count": the vote is asked for, its count its tally
                    continue
                if word.pos_ in ("NOUN", "PROPN") or word.tag_ == "VBG":
                    head = word.lower_
                j += 1
                continue
            break
        if head and head not in EMPTY_HEADS:
            return singular(head)
        return None
    return None


def head_noun_type(head: str | None) -> frozenset[str]:
    return HEAD_NOUNS.get(head, frozenset()) if head else frozenset()


@lru_cache(maxsize=1)
def tagger():
    """The bundled spaCy pipeline with its tagger only: `wh_head` reads parts of speech, not the parse."""
    return pipeline_view("parser", "ner", "lemmatizer", "senter")


@lru_cache(maxsize=1)
def dependency_parser():
    """The bundled pipeline with its parser and lemmas, no NER: the verb of "How many people died …?"."""
    return pipeline_view("ner")


@lru_cache(maxsize=4096)
def parsed(question: str):
    return tagger()(question)


def side_and_topic(text: str) -> tuple[str, str | None]:
    """The second side of "X vs Y …" and what they are compared on: "Biden on the border" → ("Biden",
    "the border"), "Amazon layoffs" → ("Amazon", "layoffs"); a side that is all name stays whole."""
    if match := re.match(r"^(?P<side>.+?)\s+(?:on|about|over|regarding|in)\s+(?P<topic>.+)$", text):
        return match.group("side"), match.group("topic")
    words = text.split()
    named = 0
    while named < len(words) and (words[named][:1].isupper() or words[named][:1].isdigit()):
        named += 1
    if 0 < named < len(words):
        return " ".join(words[:named]), " ".join(words[named:])
    return text, None


def clean_topic(text: str) -> str:
    """The topic alone: "the articles about the Buffalo storm" → "the Buffalo storm", "in Gaza" → "Gaza"."""
    topic = re.sub(r"^(?:the\s+)?(?:articles?|news|stories|coverage)\s+(?:about|on|of)\s+", "", text.strip(" ?.!"), flags=re.I)
    # a second question joined on is not the topic: "the parade shooting and what officials said about it"
    topic = re.sub(r",?\s+and\s+(?:what|how|why|who|whom|when|where|whether)\b.*$", "", topic, flags=re.I)
    return re.sub(r"^(?:in|at|to|with|on|about|for|of)\s+", "", topic, flags=re.I)


# "Who is Gabriel Attal?": who a named person is
WHO_IS_NAMED = re.compile(
    # not a post or a title asked for: "Who was Super Bowl MVP?", "Who is Speaker?", "Who is President?"
    r"\s*(?i:who)\s+(?i:is|was)\s+(?!.*\b(?i:MVP|speaker|president|CEO|champion|winner|chair|leader|governor|mayor|coach)\b)"
    r"(?:[A-Z][\w.'’\-]*\s*){1,4}\?*\s*"
)


@lru_cache(maxsize=4096)
def is_a_document(name: str) -> bool:
    """Whether "What did X say?" asks it of a document, not of anyone who speaks ("the inflation report", "the new
    poll"; not "Report" as a name)."""
    words = name.strip().split()
    return bool(words) and name.strip()[:1].islower() and words[-1].lower().strip(".,'’") in DOCUMENTS


def analyze(question: str) -> QuestionAnalysis:
    """The kind of `question` and the entity labels its answer should carry."""
    q = " ".join(question.split())
    lower = q.lower()
    negated = bool(re.search(r"\b(?:not|isn't|wasn't|never)\b", lower)) and bool(re.search(r"\bwhich\b|\bwho\b", lower))
    if match := COMPARISON.match(q) or COMPARE_SAID.match(q):
        topic = match.group("topic")
        return QuestionAnalysis("comparison", sides=(match.group("a"), match.group("b")), topic=topic and clean_topic(topic))
    if (match := COMPARE.match(q) or VERSUS.match(q)) and len(q.split()) <= 14:
        side, topic = side_and_topic(match.group("b").strip())
        return QuestionAnalysis("comparison", sides=(match.group("a").strip(), side), topic=topic and clean_topic(topic))
    if match := TIMELINE.match(q):
        topic = match.group("topic") or q[match.end() :]
        return QuestionAnalysis("timeline", expects=DAY, topic=clean_topic(topic))
    if match := SUMMARY.match(q):
        return QuestionAnalysis("summary", topic=clean_topic(q[match.end() :]))
    if (match := NEWS_OF.match(q)) and match["topic"].lower() not in NO_NEWS_TOPIC:
        # "What's the latest Delaware news?" was answered as a fact, with a 2023 quote on gas prices and a 2014 letter
        # (a journalist's try): a digest of the stories about Delaware, newest first
        return QuestionAnalysis("summary", topic=clean_topic(match["topic"]))
    if (said := WHO_SAID.match(q)) and not (said.group("speaker") and is_a_document(said.group("speaker"))):
        return QuestionAnalysis("who_said", expects=PERSON)
    if WHO_IS_NAMED.fullmatch(q):
        # "Who is Gabriel Attal?" asks what he is (France's new prime minister), not for another person: a sentence
        # naming one ("Budget Minister Gabriel Attal dismissed Bompard's comments") is no better for it
        return QuestionAnalysis("who")
    # "who" at the end asks in place, as quizzes do: "…used AI to fake the voice of who?"
    if re.match(r"^(?:who|whom)\b", lower) or re.search(r"\bwho (?:is|was|were|has|had)\b|\b(?:who|whom)\s*\?$", lower):
        return QuestionAnalysis("who", expects=ACTOR, negated=negated)
    if re.match(r"^whose\b", lower):
        return QuestionAnalysis("who", expects=ACTOR)
    if re.match(r"^when\b", lower) or re.search(r"\b(?:what|which) (?:date|day|year|month|time)\b|\bwhen\s*\?$", lower):
        unit = re.search(r"\b(?:what|which) (date|day|year|month|time)\b", lower)
        return QuestionAnalysis("when", expects=DAY, head=unit.group(1) if unit else None)
    if re.match(r"^where\b", lower) or re.search(r"\bwhere\b.*\?$", lower) and not re.match(r"^(?:what|which)\b", lower):
        return QuestionAnalysis("where", expects=PLACE)
    if re.search(r"\bhow many\b", lower):
        return QuestionAnalysis("how_many", expects=COUNT)
    if MONEY_VERBS.search(lower):
        return QuestionAnalysis("how_much", expects=frozenset({"MONEY"}))
    if re.search(r"\bhow much\b", lower):
        return QuestionAnalysis("how_much", expects=AMOUNT)
    if re.search(r"\bhow old\b", lower):
        return QuestionAnalysis("how_old", expects=DURATION)
    if re.search(r"\bhow long\b", lower):
        return QuestionAnalysis("how_long", expects=DURATION)
    if re.search(rf"\bhow (?:{MEASURES})\b", lower):  # "How big is the Smokehouse Creek fire?": 1 million acres
        return QuestionAnalysis("how_much", expects=SIZE)
    if re.search(r"\bby how (?:much|many)\b", lower):
        return QuestionAnalysis("how_much", expects=AMOUNT)
    if re.search(r"\bwhat (?:percent|percentage|share)\b", lower):  # a share is a PERCENT, not any number
        return QuestionAnalysis("how_much", expects=frozenset({"PERCENT"}))
    if re.search(r"\b(?:which|what)\b", lower) and (head := wh_head(q)):
        return QuestionAnalysis("which", expects=head_noun_type(head), head=head, negated=negated)
    if re.match(r"^why\b", lower):
        return QuestionAnalysis("why")
    if WHAT_HAPPENED.match(q):
        return QuestionAnalysis("what_happened", topic=clean_topic(WHAT_HAPPENED.sub("", q)))
    if YES_NO.match(q):
        return QuestionAnalysis("yes_no")
    return QuestionAnalysis("other")


@lru_cache(maxsize=1)
def entity_recognizer():
    """The bundled spaCy model with only its entity recognizer running: it has its own embedding
    layer, so the shared tok2vec, tagger and parser are left out (measured: 16 sentences in 49 ms
    instead of 82 ms with the shared tok2vec running for nothing)."""
    return pipeline_view("tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "senter")


def entities_of(sentences: list[str]) -> list[tuple[tuple[str, str], ...]]:
    """The named entities of each sentence as (text, label); the uncached ones go through spaCy as one batch."""
    missing = [s for s in dict.fromkeys(sentences) if s not in _cached_entities]
    if missing:
        for sentence, doc in zip(missing, entity_recognizer().pipe(missing, batch_size=64)):
            _cached_entities[sentence] = tuple((ent.text, ent.label_) for ent in doc.ents)
        while len(_cached_entities) > 20_000:
            _cached_entities.pop(next(iter(_cached_entities)))
    return [_cached_entities[s] for s in sentences]


def entities(sentence: str) -> tuple[tuple[str, str], ...]:
    """The named entities of one sentence as (text, label)."""
    return entities_of([sentence])[0]


# sentence → its entities; the same passages come back for one story's questions
_cached_entities: dict[str, tuple[tuple[str, str], ...]] = {}
