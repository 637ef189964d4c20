"""The follow-up rewriter: follow-up questions rewritten into standalone ones.

With an LLM configured the rewrite is the LLM's; without one (or when it fails) rules do it, and
they rewrite only what needs the conversation (issue 13: a standalone question is never changed):

- a pronoun with no referent in the message itself (`has_own_referent`): not one inside quotation
  marks (a quote is verbatim), not an expletive "it", not one a noun before it can explain ("Which
  comedian said he …", "… the FDA add to its list"; a co-argument of the same verb cannot: "How many
  jobs is it cutting?"), and none after an earlier sentence of the message ("Coca-Cola made a new
  flavor. What is it called?");
- "what about X?" / "and in X?": X in place of the last question's entity of the same kind (a
  person, a place, a date …), else of what it asked for, asked as a yes/no question ("Who won the
  Iowa caucuses?" + "What about Haley?" → "Did Haley win the Iowa caucuses?"), else of its topic;
- "who else said that?": the last question with "who else" in place of its wh-subject;
- "when did she say that?" after an answer that quoted her: the quote's first words for "that";
- "when was that?" after a question about a definite event ("Who won the Nevada primary?"): the event;
- "what did X say?" right after "what did Y say about Z?" (X not Y): X asked about Z too;
- a time word that points back ("afterwards", "after that", "since then", "before that"; "then", "next",
  "later" in a past-tense question) in a follow-up that names no event of its own: the event of the last
  question that names one, in its own words ("Did Nikki Haley lose South Carolina?" + "What did she say
  afterwards?" → "What did Nikki Haley say after losing South Carolina?"; "And before that?" → the same
  question with "before"). "What did Haley say after the debate?" names its event and is left alone.

A follow-up leans on the last question that names something ("When did she say that?" and "Why?"
name nothing and are looked past), as the rewriter understood it: each earlier question of the last
few is rewritten in turn, so after "And Nevada?" comes "Who won the Nevada primary?".

A bare gerund after "after"/"before"/"since" ("What did he say after winning?") takes the object of the last
question's event ("… after winning the Iowa caucuses"); "there" becomes the place the last question named an
event at ("How many delegates did he win there?" after "Who won the Michigan primary?" → "… in Michigan").

A person pronoun ("he", "she", "him", "her") is only ever a person, never a place or an organisation the
question named; it becomes the person the last question named ("the Boeing CEO" after "Who is the
Boeing CEO?", whomever the answer named), or after a who/which question the person its answer named; "it"/"they" after a who/which/what question the thing the answer named
first, else the organisations, the plural or the topic the last question named. spaCy (the small
English pipeline, loaded once, lazily) finds the people, entities, topics and the parse.
"""

from __future__ import annotations

import itertools
import logging
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from assistant.answering.checker import strip_markers
from assistant.answering.inflection import past_tense, present_participle
from assistant.answering.outcome import asked_outcome_verb
from assistant.answering.question import analyze
from assistant.answering.timeframe import read_time
from assistant.answering.verdict import SPEECH_VERBS
from assistant.search.words import FRAME_STEMS, stems
from ingest.attribution import name_gender
from ingest.errors import InvalidInput
from ingest.language import pipeline_view, shared_pipeline

log = logging.getLogger(__name__)

# "Why?", "When?", "For how long?" alone: after a yes/no question, that question asked with the word
WH_FRAGMENT = re.compile(r"^\s*(?P<wh>why|when|where|how|how long|for how long|how much|how many)\s*[?.!]*\s*$", re.IGNORECASE)
# "Was anyone laid off at Hartwell?", "Were any workers hurt?": a yes/no question whose subject "How many?" counts
ANY_ONE = re.compile(
    r"^\s*(?P<aux>was|were|did|has|have|had)\s+(?:any(?:one|body)|any\s+(?P<things>[a-z]+))\s+(?P<rest>[^?]+?)\s*\?+\s*$",
    re.IGNORECASE,
)
PLURAL_AUXILIARY = {"was": "were", "has": "have"}
YES_NO_OPENING = re.compile(r"^\s*(?:did|does|do|is|are|was|were|has|have|had|will|can|could|would|should)\b", re.IGNORECASE)
# "Who is Gabriel Attal?" names whom it asks about: the follow-up's "he" is Attal, not a name in the answer
WHO_IS = re.compile(r"^\s*(?i:who\s+(?:is|was|are|were))\s+[A-Z]")
# "Who is the Boeing CEO?": a described person, whom the follow-up's "he" means (see `who_is_description`)
WHO_IS_DESCRIPTION = re.compile(r"^\s*(?i:who\s+(?:is|was))\s+(?P<who>[^?\s][^?]{0,60}?)\s*\?*\s*$")
RELATIVE_WORD = re.compile(r"\b(?:who|whom|whose|which|that|to|when|where|if)\b", re.IGNORECASE)
# "What did Biden say?" after "What did Greg Abbott say about the border?": the border is asked about again
BARE_SAY = re.compile(r"^\s*(?P<verb>what\s+(?:did|does|has|have)\s+(?P<speaker>[^?]{1,60}?)\s+(?:say|said))\s*\?+\s*$", re.I)
SAY_ABOUT = re.compile(
    r"^\s*what\s+(?:did|does|has|have)\s+(?P<speaker>[^?]{1,60}?)\s+(?:say|said)\s+(?P<topic>(?:about|on)\s+[^?]+?)\s*\?+\s*$",
    re.I,
)
# "What did Trump say at Liberty University?": a speaker and the occasion they spoke at
SAY_WHERE = re.compile(r"^\s*what\s+did\s+(?P<speaker>[^?]{1,60}?)\s+say\s+(?P<where>(?:at|in|during)\s+[^?]+?)\s*\?+\s*$", re.I)
# "When was that?" after "Who won the Nevada primary?": "that" is the event the question named
WHEN_WAS_THAT = re.compile(
    r"^\s*(?:and\s+)?(?P<wh>when|where)\s+(?:was|is|did|does)\s+(?P<that>that|this)(?:\s+(?:happen|take\s+place))?\s*\?+\s*$",
    re.I,
)
DID_ACTION = re.compile(r"^\s*did\s+(?P<action>[^?]+?)\s*\?+\s*$", re.I)  # "Did Haley drop out?": what was done
# "When did she do that?", "Why did they do it?": what was done is the last question's action
DO_THAT = re.compile(
    r"^\s*(?:and\s+)?(?P<wh>when|where|why|how)\s+(?P<aux>did|does|do|would|will)(?P<not>n't|n’t|\s+not)?\s+(?P<who>he|she|they|it|[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})"
    r"\s+do\s+(?:that|this|it|so)\s*\?+\s*$",
    re.I,
)
# "How many people were shot at the Kansas City parade?": what was counted, and what happened to them
HOW_MANY_WERE = re.compile(r"^\s*how\s+many\s+(?P<what>[^?]+?)\s+(?P<be>were|was)\s+(?P<rest>[^?]+?)\s*\?+\s*$", re.I)
# "What did she say afterwards?", "What happened next?": a time word that points back to the event asked about
TIME_WORD = r"after\s+(?:that|this|it)|afterwards?|since\s+then|before\s+(?:that|this|it)|then|next|later"
TIME_BACK = re.compile(rf"\b(?P<time>{TIME_WORD})\b", re.I)
TIME_FRAGMENT = re.compile(rf"^\s*(?:(?:and|but|so)\s+)?(?:what\s+about\s+)?(?P<time>{TIME_WORD})\s*[?.!]*\s*$", re.I)
ISO_DAY = re.compile(r"\b\d{4}-\d\d-\d\d\b")
IRREGULAR_PARTICIPLES = {"chose": "chosen", "beat": "beaten"}  # "When was the Super Bowl won?", "… chosen?"
LOOSE_TIME_WORDS = {"then", "next", "later"}  # point back only in a past-tense question ("Who do they play next?" does not)
PAST_AUXILIARIES = {"did", "was", "were", "had"}
OWN_EVENT_LABELS = {"DATE", "TIME", "EVENT", "GPE", "LOC", "FAC", "CARDINAL", "ORDINAL"}
EVENT_AUXILIARIES = {"did", "does", "do", "has", "have", "had"}
EVENT_OPENINGS = {"when", "where", "why", "how"}  # "When did Haley drop out?" asks about an event; "How many …" does not
LOOK_BACK = 4  # earlier questions understood again for a follow-up (each is one more parse)
# "What did Donald Trump say about the Iowa caucuses?": a speaker and a topic
SAID_ABOUT = re.compile(r"^\s*what\s+(?:did|does|has|have)\s+.+?\s+(?:say|said)\s+(?:about|on)\s+\S", re.IGNORECASE)
WHAT_ABOUT = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<focus>.+?)\s*[?.!]*\s*$", re.IGNORECASE)
QUESTION_OPENER = (
    r"(?:what|who|whom|whose|which|when|where|why|how|did|does|do|is|are|was|were|has|have|had|will|can|could|would|should)\b"
)
# "And Nevada?", not "And what did he say?" (a whole question after "and": `OPENING_AND`)
# "What about Trump, what did he say about it?": a focus, then a whole question about it
WHAT_ABOUT_THEN_ASK = re.compile(
    r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<focus>[^,;?]{1,60}?)\s*[,;:]\s*"
    r"(?P<question>(?i:what|who|whom|when|where|why|how|which|did|does|do|is|are|was|were|has|have)\b[^?]*\?*)\s*$",
    re.IGNORECASE,
)
AND_FOCUS = re.compile(rf"^\s*and\s+(?!{QUESTION_OPENER})(?P<focus>[^?]{{1,60}}?)\s*\?+\s*$", re.IGNORECASE)
OPENING_AND = re.compile(rf"^\s*(?:and|but|so)\s+(?={QUESTION_OPENER})", re.IGNORECASE)
WHO_ELSE = re.compile(
    r"^\s*(?:and\s+)?who\s+else(?:\s+(?:said|did|does|do|has|have|had)(?:\s+(?:that|so|this|it))?)?\s*[?.!]*\s*$",
    re.IGNORECASE,
)
# a question that asks for someone or something: its answer names whom a follow-up's "he" means
# ("Who did Macron appoint?"), and, asked with "what" too, what its "it" means ("Which company …?")
ASKS_WHO_OR_WHICH = re.compile(r"\b(?:who|whom|whose|which)\b", re.IGNORECASE)
ASKS_WHAT = re.compile(r"\bwhat\b", re.IGNORECASE)
# "What caused Navalny's death?" asks for a cause of a thing it names: "it" after it is that thing, not the answer's
# first words ("What did Biden say about it?" became "… about Daniel Roher's film?", an outside try)
ASKS_A_CAUSE = re.compile(
    r"^\s*what\s+(?:caused|causes|cause|led\s+to|leads\s+to|prompted|sparked|triggered|happened)\b", re.IGNORECASE
)
PERSON_PRONOUNS = {"he", "him", "she"}
PLACE_LABELS = ("GPE", "LOC", "FAC")
ORGANISATION_WORDS = frozenset(
    "inc corp co company corporation group party committee department ministry agency university college bank "
    "reserve fed commission council court congress senate house association union league club foundation institute "
    "administration authority board bureau office service network airlines motors news times post".split()
)
PERSON_POSSESSIVES = {"his", "hers"}
GROUP_PRONOUNS = {"they", "them"}
THING_PRONOUNS = {"it"}
QUESTION_WORDS = {"what", "who", "whom", "whose", "which", "when", "where", "why", "how"}
SUBJECTS = {"nsubj", "nsubjpass", "csubj", "expl"}
NUMERIC_LABELS = {"DATE", "TIME", "CARDINAL", "ORDINAL", "PERCENT", "MONEY", "QUANTITY"}
# a person named by the post they hold: "And the king?", "What about the prime minister?"
PERSON_ROLE = re.compile(
    r"(?i:(?:the|her|his|their) )?(?:[\w.\-]+ ){0,2}(?i:king|queen|prince|princess|pope|president|vice president|"
    r"prime minister|chancellor|governor|senator|mayor|ceo|chief executive|chairman|chairwoman|secretary|speaker|"
    r"minister|coach|quarterback|husband|wife|father|mother|son|daughter|brother|sister)"
)
# "what about X?": X replaces the last question's entity of the same kind
KINDS = {"GPE": "place", "LOC": "place", "FAC": "place", "DATE": "time", "TIME": "time", "PERSON": "person", "ORG": "org"}
KINDS |= {label: label for label in ("NORP", "PRODUCT", "WORK_OF_ART", "EVENT", "LAW")}
# "When did she say that?": "that" is what the last answer quoted
SAID_THAT = re.compile(
    r"^\s*(?:when|where|why)\s+did\s+.+?\s+(?:say|said|tell|write|post)\s+(?P<that>that|this|it)\s*\?*\s*$", re.I
)
FIRST_QUOTE = re.compile(r"[“\"]([^”\"]{8,})[”\"]")
QUOTE_WORDS = 12  # enough of a quote for the quote index to find it again
# reported speech the answer led with: "President Joe Biden said Friday that he would sign legislation …"
REPORTED = re.compile(r"\bsaid\b[^.“\"]{0,40}?\bthat\s+([^.“\"]{8,})")
# ... or without "that": "… Jerome Powell … said the central bank's policymakers want services inflation to ease …"
REPORTED_PLAIN = re.compile(r"\b(?:said|says)\s+(?:(?:on\s+)?\w+day\s+)?(?!that\b)([a-z][^.“\"]{8,})")
# (single marks too, the apostrophe of "didn't" being none: "Who said 'She didn't win. She lost'?" was asked whom "She"
# meant, an analyst's try)
QUOTES = re.compile(r"“[^”]*(?:”|$)|\"[^\"]*(?:\"|$)|‘.+?(?:’(?!\w)|$)|(?<!\w)'(?=\S).+?(?<=\S)'(?!\w)")


@lru_cache(maxsize=1)
def nlp():
    """The small English spaCy pipeline (bundled package, no download), loaded on first use."""
    return pipeline_view("lemmatizer")


@lru_cache(maxsize=256)
def parse(text: str):
    """`nlp()(text)`, kept: a follow-up's earlier questions and answers are parsed again for each new turn.
    The docs are only read, never changed."""
    return nlp()(text)


def normalize_history(history: list[dict] | None) -> list[dict[str, str]]:
    """OpenAI-style messages → [{"role": "user"|"assistant", "content": text}] (system turns dropped)."""
    turns: list[dict[str, str]] = []
    for message in history or []:
        if not isinstance(message, dict):
            raise InvalidInput(f"a history message must be an object with 'role' and 'content', got {message!r:.200}")
        role = message.get("role")
        if role not in ("user", "assistant"):
            continue
        content = message.get("content") or ""
        if isinstance(content, list):  # content parts: [{"type": "text", "text": ...}, ...]
            texts = [part.get("text") for part in content if isinstance(part, dict) and part.get("type") == "text"]
            if not all(isinstance(text, str) for text in texts):
                raise InvalidInput("a history message's text part must be text")
            content = " ".join(texts)
        if not isinstance(content, str):
            raise InvalidInput(f"a history message's content must be text, got {type(content).__name__}")
        if content.strip():
            turns.append({"role": role, "content": content.strip()})
    return turns


def last_turns(history: list[dict[str, str]]) -> tuple[str, str]:
    """The last user question and the last assistant answer (markers removed) of the history."""
    question = next((t["content"] for t in reversed(history) if t["role"] == "user"), "")
    answer = next((t["content"] for t in reversed(history) if t["role"] == "assistant"), "")
    return question, strip_markers(answer)


def people(doc, asked: bool = False) -> list[str]:
    """Names of people in order of appearance: spaCy's PERSON entities, else capitalised proper nouns.

    In the user's own question (`asked`) a proper noun is a person's name even when the small model
    labels it otherwise: it read "What did Nikki Haley say about Trump?" as two organisations, and
    "When did she say that?" then went to a name in the answer's quote."""
    # a name inside quotation marks is one the speaker talks about, after the names outside them: "Carly Fiorina
    # (2015-12-28) said: “Bill Clinton's fair game.”" is Fiorina's answer, and "she" of the follow-up is Fiorina
    found = [ent.text for ent in sorted(doc.ents, key=lambda ent: in_quotation(ent[0])) if ent.label_ == "PERSON"]
    if not found:
        # a place, a date or a number is no person, whoever asks ("Who won the Michigan primary?": "he" is not
        # Michigan); in the user's own question an organisation may be a misread name, unless it reads as one
        not_people = [ent for ent in doc.ents if ent.label_ != "PERSON" and not (asked and ent.label_ == "ORG")]
        not_people += [ent for ent in doc.ents if asked and ent.label_ == "ORG" and reads_as_organisation(ent)]
        other_entities = {t.i for ent in not_people for t in ent}
        run: list[str] = []
        for token in list(doc) + [None]:
            if token is not None and token.pos_ == "PROPN" and token.i not in other_entities and token.text[:1].isupper():
                run.append(token.text)
                continue
            if run:
                found.append(" ".join(run))
                run = []
    # "Navalny's wife" is a person of her own, whom a later "she" is: an outside try's "When did she say that?" after
    # "What did Navalny's wife say?" was asked of Navalny
    kin = [
        doc[owner.left_edge.i : word.i + 1].text
        for word in doc
        if word.lower_ in KIN_GENDER
        for owner in word.children
        if owner.dep_ == "poss" and owner.pos_ == "PROPN"
    ]
    # the entity takes the possessive at times ("Lloyd Austin's" of "… Lloyd Austin's health"): "he" is the person, and
    # "Who did he transfer his authority to?" was understood "Who did Lloyd Austin's transfer …" (a journalist's try)
    found = [POSSESSIVE_END.sub("", name) for name in found]
    return list(dict.fromkeys(kin + found))


POSSESSIVE_END = re.compile(r"\s*['’]s?$")


# the words for kin that tell a gender: "Navalny's wife" is a she
KIN_GENDER = {
    **dict.fromkeys("wife widow mother daughter sister grandmother aunt niece".split(), "f"),
    **dict.fromkeys("husband widower father son brother grandfather uncle nephew".split(), "m"),
}


def gender_of(person: str) -> str:
    """ "f", "m" or "" for a name ("Nikki Haley") or a kin phrase ("Navalny's wife")."""
    last = person.split()[-1].lower() if person.split() else ""
    return KIN_GENDER.get(last) or name_gender(person)


# "Carly Fiorina (2015-12-28) said: …", "According to Ann Coulter (2016-01-14), …": a who-said answer names each speaker
# before the day they said it (`assistant.answering.who_said.said`); "Monday (2016-01-18)" is a day, not a speaker
SPEAKER_DATED = re.compile(
    r"(?:^|(?<=[.\]”\"]\s)|(?<=According to ))(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,4})\s+\(\d{4}-\d\d-\d\d\)(?:,|\s+"
    r"(?:also\s+)?[a-z]+)"
)


def speakers_of(answer: str) -> list[str]:
    """The speakers a who-said answer names, in order: those it quotes, before any name their words hold."""
    found = [m["name"] for m in SPEAKER_DATED.finditer(answer) if m["name"].split()[0].lower() not in DAYS_AND_MONTHS]
    return list(dict.fromkeys(found))


def reads_as_organisation(entity) -> bool:
    """Whether an ORG entity of the user's question is an organisation, not a person's name the small model
    misread: "the Federal Reserve", an acronym ("FDA"), a name holding an organisation's word ("Boeing Co.",
    "Iowa State University"). A bare name ("Nikki Haley", "Boeing") may be either."""
    words = entity.text.split()
    return (
        entity[0].lower_ == "the"
        or any(word.isupper() and len(word) > 1 for word in words)
        or any(word.lower().strip(".,") in ORGANISATION_WORDS for word in words)
    )


def name_runs(doc) -> list:
    """The question's runs of proper nouns outside place, date and number entities (spaCy spans): its people
    when the small model labels none ("What did Nikki Haley say about Trump?" reads as two organisations)."""
    elsewhere = {t.i for ent in doc.ents if ent.label_ not in ("PERSON", "ORG") for t in ent}
    runs, start = [], None
    for token in list(doc) + [None]:
        if token is not None and token.pos_ == "PROPN" and token.i not in elsewhere and token.text[:1].isupper():
            start = token.i if start is None else start
            continue
        if start is not None:
            runs.append(doc[start : token.i if token is not None else len(doc)])
            start = None
    return runs


def groups(doc, labels=("ORG", "NORP", "GPE")) -> list[str]:
    return list(dict.fromkeys(ent.text for ent in doc.ents if ent.label_ in labels))


def topics(doc) -> list:
    """Noun phrases that are neither people, question words, pronouns nor dates and numbers, in order (spaCy spans)."""
    names = {ent.text for ent in doc.ents if ent.label_ == "PERSON"}
    numeric = {t.i for ent in doc.ents if ent.label_ in NUMERIC_LABELS for t in ent}
    found = []
    for chunk in doc.noun_chunks:
        while len(chunk) > 1 and chunk[0].lower_ in QUESTION_WORDS | {"many", "much"}:
            chunk = chunk[1:]  # "How many hate crimes" → "hate crimes", "Which company" → "company"
        if chunk.root.lower_ in QUESTION_WORDS or any(t.pos_ == "PRON" for t in chunk) or chunk.root.i in numeric:
            continue
        # a person's name is no topic; a thing of theirs is: "Navalny's death" of "What caused Navalny's death?"
        if any(chunk.text in name or name in chunk.text for name in names) and not possessed_thing(chunk):
            continue
        found.append(chunk)
    return found


OF_SOMEONE = re.compile(r"['’]s?\s+[a-z][\w-]*$")  # "Navalny's death": a thing of someone's, which "it" may be


def possessed_thing(chunk) -> bool:
    """Whether a noun phrase is a common noun with a possessor ("Navalny's death"), not a name."""
    return chunk.root.pos_ == "NOUN" and any(t.dep_ == "poss" for t in chunk.root.children)


def subject_doing(doc, verb) -> str:
    """The noun phrase that does `verb` (a follow-up's, by its stem) in the question `doc` ("the Odysseus lander" of
    "When did the Odysseus lander land?" for "Where did it land?"), whatever the entity reader took a name for; ""
    when the question has no such verb, or a question word or pronoun does it."""
    if doc is None:
        return ""
    verb_stem = stems(verb.text)
    for chunk in doc.noun_chunks:
        root = chunk.root
        if root.dep_ not in ("nsubj", "nsubjpass") or stems(root.head.text) != verb_stem or not verb_stem:
            continue
        if root.lower_ not in QUESTION_WORDS and not any(t.pos_ == "PRON" for t in chunk):
            return chunk.text
    # the small parser reads "Did Odysseus land on the moon?" with "land" a noun: what stands between "did" and the
    # verb is its subject (`outcome.verb_after_did` reads the question's own verb so)
    tokens = list(doc)
    for i, token in enumerate(tokens):
        if token.lower_ in ("did", "does", "do") and i + 2 < len(tokens):
            at = next((j for j in range(i + 2, min(i + 7, len(tokens))) if stems(tokens[j].text) == verb_stem), None)
            between = tokens[i + 1 : at] if at is not None else []
            if between and any(t.pos_ == "PROPN" for t in between) and all(t.is_alpha for t in between):
                return doc[between[0].i : between[-1].i + 1].text
    return ""


def named_as_a_thing(question_doc, answer_doc) -> str:
    """The answer's noun phrase for the thing the question's named subject is ("the uncrewed Odysseus spacecraft" for
    "Did Odysseus land on the moon?"), which a follow-up's "it" is: an outside try's "Who built it?" became "Who built the
    moon?". "" when the answer writes the name alone: "Putin" of "Did Putin win the election?" is no "it"."""
    if question_doc is None or answer_doc is None:
        return ""
    # the subject, or any name when the parse lost it ("Did Odysseus land …?" was read as the noun phrase "Odysseus land")
    subject = next((t for t in question_doc if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ == "PROPN"), None)
    if subject is None and question_doc[0].tag_ in WH_TAGS:
        # "Who won Russia's presidential election?" asks who; Russia is the election's, and "Russia's president" of the
        # answer was no "it" (an outside try: "What did he say about it?" became "… about Russia's president?")
        return ""
    names = {subject.text} if subject is not None else {t.text for t in question_doc if t.pos_ == "PROPN"}
    if not names:
        return ""
    for chunk in answer_doc.noun_chunks:
        if chunk.root.pos_ == "NOUN" and any(t.text in names for t in chunk if t.i != chunk.root.i):
            first = chunk[0]
            return first.lower_ + chunk.text[len(first.text) :] if first.lower_ in ("the", "a", "an") else chunk.text
    return ""


def digest_topic(question: str) -> str | None:
    """The topic of a question answered by a digest or a timeline ("What is the latest on the AT&T outage?" → "the AT&T
    outage"); None for other questions."""
    analysis = analyze(question) if question else None
    if analysis is None or analysis.kind not in DIGEST_KINDS or not analysis.topic:
        return None
    # a thing, which "it" can be: not a person ("What is the latest on Navalny?"), whose "it" is no "Navalny"
    head = next(iter(parse(analysis.topic).sents)).root
    return analysis.topic if head.pos_ == "NOUN" else None


def digested_event(question: str) -> str | None:
    """The event a summary or a timeline was asked about, a definite one ("Tell me about the Chiefs parade shooting" →
    "the Chiefs parade shooting"); None for another question, and for "What happened at …?", whose own preposition
    places a follow-up (`named_topic`)."""
    topic = digest_topic(question)
    if topic and topic.lower().startswith("the ") and analyze(question).kind != "what_happened":
        return topic
    return None


def is_someone(chunk) -> bool:
    """Whether a noun phrase the small model reads as a person's name is one, by more than its label: a first name
    that tells a gender, or a full name described by an apposition or doing the saying ("Callum Fraser, a Russia
    researcher …, said"). "Twitter", read as a person at times, is none of these."""
    root = chunk.root
    if root.ent_type_ != "PERSON" or sum(t.pos_ == "PROPN" for t in chunk) < 2:
        return False
    described = any(child.dep_ == "appos" for child in root.children)
    speaking = root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_ in SPEECH_VERBS
    return described or speaking or bool(name_gender(chunk.text))


def answered_thing(doc, question: str) -> str:
    """What an answer names first, when it is a thing the question did not name: its first noun
    phrase, unless that is a number or a date ("The Detroit Lions beat …" → "the Detroit Lions",
    "Japan's SLIM lander touched down …" → "Japan's SLIM lander", "From 8 a.m., …" → nothing)."""
    chunk = next(iter(doc.noun_chunks), None)
    if chunk is None or chunk.root.pos_ == "PRON" or chunk.root.ent_type_ in NUMERIC_LABELS:
        return ""  # (a PERSON label is kept: the small model calls "Twitter" and "Wildfires" people)
    if is_someone(chunk):
        return ""  # "Callum Fraser, a Russia researcher …, said …" is no "it" (an outside try asked "about Callum Fraser")
    if re.search(rf"\b{re.escape(chunk.root.text)}\b", question, re.IGNORECASE):
        return ""  # the question's own words: "Macron appointed …" after "Who did Emmanuel Macron appoint …?"
    first = chunk[0]
    if first.lower_ == "the" or (first.pos_ != "PROPN" and not first.ent_type_):
        return first.lower_ + chunk.text[len(first.text) :]
    return chunk.text


DIGEST_KINDS = ("summary", "timeline", "what_happened")  # the kinds answered by a list of stories or events

# "What did the Supreme Court decide about the razor wire at the border?": what was done about a thing, which a
# follow-up's "it" is (not the answer's first words: "Despite the U.S. Supreme Court siding with …")
DONE_ABOUT = re.compile(
    r"^\s*what\s+(?:did|does|do|has|have|had|will|would)\s+[^?]+?\s+(?:about|on|over|regarding)\s+(?P<topic>[^?]+?)\s*\?+\s*$",
    re.I,
)
DIGEST_PREPOSITIONS = ("at", "in", "on", "during", "to", "with")  # "What happened on the Alaska Airlines flight?"
# ... and its "When did that happen?" as rewritten ("When did it happen on the Alaska Airlines flight?")
DIGEST_WHEN = re.compile(rf"^(?:When|Where) did it happen (?P<where>(?:{'|'.join(DIGEST_PREPOSITIONS)}) .+?)\?$")
WHAT_HAPPENED = re.compile(rf"^\s*what\s+happened\s+(?P<where>(?:{'|'.join(DIGEST_PREPOSITIONS)})\s+[^?]+?)\s*\?+\s*$", re.I)
DAY_FIRST = re.compile(
    r"(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|yesterday|tonight|this|last|next|jan|feb|mar|apr"
    r"|may|jun|jul|aug|sep|oct|nov|dec|\d)",
    re.I,
)
# "What is King Charles's diagnosis?": a thing of someone's, which a follow-up's "it" is
WHAT_IS = re.compile(r"^\s*what(?:['’]s|\s+is|\s+was)\s+(?P<topic>[^?]+?)\s*\?+\s*$", re.I)
POSSESSED = re.compile(r"^(?:the\s+)?[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*['’]s?\s+\w+(?:\s+\w+)?$")


WHAT_DOES_IT_DO = re.compile(r"^\s*what\s+(?:does|did|would|will)\s+(?P<thing>the\s+[^?]+?)\s+do\s*\?+\s*$", re.I)
# the dateline an answer may open with ("WASHINGTON – The House approved …"), after its verdict and day: no thing it names
# ... at the head of each of an answer's sentences, with the wire in brackets: "Who suspended them?" after "Why did
# the talks collapse?" was asked "Who suspended KINGSBRIDGE and Coastal Wire?" (a researcher's own corpus)
# the openings of an answer that found none: what it goes on to cite is the closest the articles come, not an answer
HEDGED_ANSWER = re.compile(
    r"\s*(?:No article here|No indexed article|Nothing in the articles|The articles(?: here)? don['’]t|I found no)\b"
)
ANSWER_DATELINE = re.compile(
    r"(?:^|(?<=\]\s)|(?<=:\s))(?:(?:Yes|No|True|False)\.\s+)?(?:As of \d{4}-\d\d-\d\d:\s+)?"
    r"[A-Z][A-Z.'’\- ]{1,40}(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?(?:\s*\([^()]{1,40}\))?\s*[—–‒−-]+\s+"
)


def thing_asked_about(question: str) -> str:
    """The thing a question asks what was done about or what it is, which "it" in a follow-up is: "the razor wire at
    the border" of "What did the Supreme Court decide about the razor wire at the border?", "King Charles's
    diagnosis" of "What is King Charles's diagnosis?"; "" for others ("Which company …?": the answer names "it")."""
    if (done := DONE_ABOUT.match(question)) and not DAY_FIRST.match(done.group("topic")):
        return done.group("topic")  # not "on Monday" of "What did the court rule on Monday?"
    if (what := WHAT_IS.match(question)) and POSSESSED.match(what.group("topic")):
        return what.group("topic")
    if happened := WHAT_HAPPENED.match(question):  # "What happened at the parade?": the parade
        return happened.group("where").split(None, 1)[1]
    if does := WHAT_DOES_IT_DO.match(question):  # "What does the TikTok bill do?": the bill
        return does.group("thing")
    return ""


def points_at_what_happened(message: str) -> re.Match | None:
    """The message up to its end, when it asks of "them"/"they"/"it" and names neither a person nor a time or place of
    its own: a follow-up on an event, whose own words hold no referent for its pronoun."""
    doc = parse(message)
    pointers = [t for t in doc if t.lower_ in GROUP_PRONOUNS | THING_PRONOUNS and not has_own_referent(t)]
    if not pointers or any(t.lower_ in PERSON_PRONOUNS | PERSON_POSSESSIVES | {"her"} for t in doc) or doc.ents:
        return None
    return re.match(r"^\s*.*\S", message, re.S)


def of_the_focus(question: str, focus: str) -> str:
    """The question with its first person pronoun standing for `focus` ("what did he say about it?", "Trump" → "What
    did Trump say about it?"); a question with none is about the focus only by its own words, and is left so."""
    doc = parse(question)
    pronoun = next((t for t in doc if t.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | {"her"} and t.tag_ != "PRP$"), None)
    if pronoun is None:
        return capitalize_first(question)
    return capitalize_first(f"{question[: pronoun.idx]}{focus}{question[pronoun.idx + len(pronoun.text) :]}")


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def possessive(name: str) -> str:
    """`name` as an owner: "Biden's", "the Chiefs'"; a name taken with its own "'s" keeps it ("Hartwell Appliance's"
    was made "Hartwell Appliance's'", an outside try)."""
    if name.endswith(("'s", "’s")):
        return name
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def in_quotation(token) -> bool:
    """Whether the token sits inside quotation marks (“…” or "…"; a quote left open runs to the end)."""
    return any(m.start() < token.idx < m.end() for m in QUOTES.finditer(token.doc.text))


def clause_slot(token):
    """(the verb, the argument of it) the token belongs to: climbs through nouns, prepositions and
    modifiers to the first token whose head is a verb ("planes" in "How many of the planes does it
    fly?" → (fly, many)); an auxiliary counts as its verb."""
    while token.head.i != token.i and token.head.pos_ not in ("VERB", "AUX"):
        token = token.head
    verb = token.head
    while verb.dep_ in ("aux", "auxpass") and verb.head.i != verb.i:
        verb = verb.head  # the small parser hangs "people" of "How many people did it kill?" on "did"
    return verb, token


DAYS_AND_MONTHS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)


def titled_in(focus: str, earlier: list[Exchange]) -> str:
    """ "the king" as the conversation named him ("King Charles III", said two turns back), for a post ("the
    king", "the prime minister") that goes before a name; the focus as asked when no turn names one so. "And the
    king?" was read "What did the king say?" and answered with Stephen King and Elle King."""
    post = re.fullmatch(r"(?i:the)\s+(?P<post>[a-z]+(?: [a-z]+)?)", focus.strip())
    if post is None or PERSON_ROLE.fullmatch(post["post"]) is None:
        return focus
    # the title written as one ("King", "President"), before a name that is no day or month, and not a former holder's
    title = " ".join(word[:1].upper() + word[1:] for word in post["post"].split())
    named = re.compile(rf"(?<![Ff]ormer )(?<!ex-)\b{re.escape(title)}\s+((?:[A-Z][\w'’\-]+)(?:\s+(?:[A-Z][\w'’\-]+|[IVX]+\b))*)")
    for turn in reversed(earlier):
        for text in (turn.answer, turn.understood):
            for found in named.finditer(text or ""):
                if found.group(1).split()[0].lower() not in DAYS_AND_MONTHS:
                    return text[found.start() : found.end()].strip()
    return focus


FEMININE_PRONOUNS = frozenset({"she", "her", "hers", "herself"})
MASCULINE_PRONOUNS = frozenset({"he", "him", "his", "himself"})


def pronoun_gender(pronouns: set[str]) -> str:
    """ "f" when the words hold a feminine pronoun, else "m" for a masculine one, else ""."""
    return "f" if pronouns & FEMININE_PRONOUNS else "m" if pronouns & MASCULINE_PRONOUNS else ""


def fitting_gender(persons: list[str], pronouns: set[str]) -> list[str]:
    """The persons a "she" or "he" may stand for first: "What did she say after the loss?", after an answer naming
    Joe Biden, Donald Trump and Nikki Haley, asks about Haley (by her first name; a name that tells nothing stays
    in its place, behind the ones that tell the pronoun's gender; one of the other gender is none)."""
    wanted = pronoun_gender(pronouns)
    if not wanted:
        return persons
    # none of the other gender: "What did she say about it?" after an answer naming only Donald Trump was asked of
    # him (an outside try); the pronoun is then left as it is
    return sorted((p for p in persons if gender_of(p) != ("m" if wanted == "f" else "f")), key=lambda p: gender_of(p) != wanted)


def named_as(candidate, pronoun) -> bool:
    """Whether the name `candidate` is in is a person's whose first name tells the pronoun's gender, whatever the small
    model labels it: "What did Nikki Haley say about her campaign?" (read as an organisation) was asked about Trump's
    campaign after a question about Trump (a journalist's try)."""
    entity = next((ent for ent in candidate.doc.ents if ent.start <= candidate.i < ent.end), None)
    if candidate.pos_ != "PROPN" or entity is None or len(entity) < 2:
        return False
    wanted = pronoun_gender({pronoun.lower_})
    return bool(wanted) and gender_of(entity.text) == wanted


def can_bind(candidate, pronoun) -> bool:
    """Whether `candidate`, a word before `pronoun` in its sentence, can be what the pronoun refers to.
    A co-argument of the same verb cannot ("How many jobs is it cutting?": not the jobs; "How did
    Netanyahu respond to him?": not Netanyahu), except a subject for a possessive outside the
    subject ("Which seed did the FDA add to its list?")."""
    person = pronoun.lower_ in PERSON_PRONOUNS | PERSON_POSSESSIVES | {"her"}
    if candidate.pos_ == "PRON":
        if not (person and candidate.lower_ in ("who", "whom")):  # "Who said he would …": "he" is who
            return False
    elif candidate.pos_ not in ("NOUN", "PROPN"):
        return False
    elif person and candidate.ent_type_ and candidate.ent_type_ != "PERSON" and not named_as(candidate, pronoun):
        return False  # "he" is no country or company
    candidate_verb, candidate_slot = clause_slot(candidate)
    pronoun_verb, pronoun_slot = clause_slot(pronoun)
    if candidate_slot.i == pronoun_slot.i:
        return False  # inside the pronoun's own phrase: "the cost of it"
    if candidate_verb.i != pronoun_verb.i:
        return True
    if pronoun.tag_ == "PRP$" or pronoun.lower_ in PERSON_POSSESSIVES:
        return candidate_slot.dep_ in SUBJECTS and pronoun_slot.dep_ not in SUBJECTS
    return False


def points_to_a_place(token) -> bool:
    """A "there" that stands for a place the message does not name ("How many delegates did he win there?"):
    not the expletive ("Is there a ban?"), not one inside a quotation, not one after a place of its own
    ("Trump rallied in Iowa. What did he say there?")."""
    if token.lower_ != "there" or token.dep_ == "expl" or token.pos_ != "ADV" or in_quotation(token):
        return False
    return not any(ent.label_ in PLACE_LABELS and ent.end <= token.i for ent in token.doc.ents)


def asked_place(doc) -> str | None:
    """The place a question named as where its event was ("Who won the Michigan primary?" → "Michigan"), what a
    follow-up's "there" means; not one describing what it asks for ("Which Hollywood star was seen working at a
    Dunkin' Donuts?": "there" is the shop, not Hollywood), and none the answer named (it may be elsewhere)."""
    for ent in doc.ents:
        if ent.label_ not in PLACE_LABELS:
            continue
        described = ent.root.head
        if described.lower_ in QUESTION_WORDS or any(child.lower_ in QUESTION_WORDS for child in described.children):
            continue
        return ent.text
    return None


# the "it" of the weather and the hour, which points at nothing: "How cold was it …?", "Was it raining?", "it snowed"
WEATHER_IT = re.compile(
    r"\bhow\s+(?:cold|hot|warm|chilly|windy|snowy|rainy|wet|dry|humid|foggy|icy|late|early|dark)\s+(?:was|is|will|did|had)\s+it\b"
    r"|\bit\s+(?:was\s+|is\s+|be\s+)?(?:rain|snow|pour|storm|freez|hail|drizzl|sleet)\w*"
    r"|\bit\s+(?:was|is|got|gets|will\s+be)\s+(?:so\s+|very\s+|too\s+)?(?:cold|hot|warm|chilly|windy|freezing|icy)\b",
    re.IGNORECASE,
)


def has_own_referent(pronoun) -> bool:
    """A pronoun the message itself explains, which a rewrite must leave alone (see the module
    docstring): one inside a quotation, an expletive "it" ("Is it true that …?"), one after an
    earlier sentence that names something, or one a word before it in its sentence can be bound to
    (`can_bind`)."""
    if pronoun.dep_ == "expl" or in_quotation(pronoun):
        return True
    if pronoun.lower_ == "it" and WEATHER_IT.search(pronoun.doc.text):
        return True  # "How cold was it in Iowa on caucus night?" was asked "How cold was Trump say …" (a journalist's try)
    if (
        pronoun.lower_ == "it"
        and pronoun.head.lower_ in ("is", "was", "be", "'s", "isn't", "wasn't")
        and any(token.lower_ in ("that", "to", "whether") for token in pronoun.doc[pronoun.i + 1 :])
    ):
        return True  # "Is it true that …", "Was it wise to …": the small parser calls this "it" a subject
    sentence = pronoun.sent
    if any(token.pos_ in ("NOUN", "PROPN") for token in pronoun.doc[: sentence.start]):
        return True  # "Coca-Cola is making a new flavor permanent. What is it called?"
    return any(can_bind(token, pronoun) for token in pronoun.doc[sentence.start : pronoun.i])


PLACES_AND_TIMES = frozenset({"GPE", "LOC", "FAC", "DATE", "TIME"})
PERSON_WORD = re.compile(r"\b(?:he|she|him|her|his|hers)\b", re.IGNORECASE)


def dangling_person(message: str) -> str | None:
    """A "he"/"she" the message itself does not explain ("When did she say that?" as a conversation's first
    question): the word, for a reply that asks whom it means; None when every such pronoun has its referent."""
    if not PERSON_WORD.search(message):
        return None  # most questions: no parse needed
    doc = parse(message)
    for token in doc:
        if token.lower_ in PERSON_PRONOUNS | PERSON_POSSESSIVES | {"her"} and not has_own_referent(token):
            # a name before it is whom it means, whatever the small model labels it: "Did Nikki Haley say she
            # would stay in the race?" (read as an organisation) was met with "Whom does “she” mean?"
            if any(name.pos_ == "PROPN" and name.ent_type_ not in PLACES_AND_TIMES for name in doc[: token.i]):
                continue
            return token.text
    return None


POINTING_WORDS = frozenset({"that", "it", "this", "they", "them", "those", "these"})
# what a question is besides what it points at: its question words and verbs of asking ("Who said that?")
ASKING_STEMS = frozenset(stems(" ".join(QUESTION_WORDS | {"happen", "happened", "say", "said", "mean"})))


def dangling_thing(message: str) -> str | None:
    """The "that"/"it" of a message that is nothing else ("When was that?", "Who said that?", "Where is it?") and has no
    earlier turn to point to: the word, for a reply that asks what it means (such a question as a conversation's first
    was answered "The articles here don't say": a web-chat try); None when the message says more."""
    if set(stems(message)) - FRAME_STEMS - ASKING_STEMS - POINTING_WORDS:
        return None
    doc = parse(message)
    pointing = [t for t in doc if t.lower_ in POINTING_WORDS and t.pos_ == "PRON"]
    return pointing[0].text if pointing else None


def wh_subject(doc):
    """The span of the question's wh-subject in its last sentence ("Who", "Which Democratic
    congressperson"), or None when the wh-word is not the subject."""
    sentence = list(doc.sents)[-1]
    wh = next((t for t in sentence if t.lower_ in ("who", "which", "what")), None)
    if wh is None:
        return None
    phrase = wh if wh.lower_ == "who" else wh.head
    if phrase.dep_ not in ("nsubj", "nsubjpass") or (phrase.i != wh.i and wh.dep_ != "det"):
        return None
    return doc[phrase.left_edge.i : phrase.i + 1]


def asked_of(doc, subject, name: str) -> str | None:
    """The question asked of `name` in place of the wh-subject, as a yes/no question: "Who won the Iowa
    caucuses?" + "What about Haley?" → "Did Haley win the Iowa caucuses?" (not "Haley won the Iowa
    caucuses?"); "Which company is being sued …?" → "Is Meta being sued …?". None when the verb does
    not allow it."""
    verb = subject.root.head
    if verb.i < subject.end:
        return None
    rest = doc[verb.i :].text
    auxiliaries = [t for t in doc[subject.end : verb.i] if t.dep_ in ("aux", "auxpass") or t.lemma_ == "be"]
    if auxiliaries:  # "is being sued": the first auxiliary goes first
        first = auxiliaries[0]
        middle = doc[first.i + 1 : verb.i].text
        return f"{capitalize_first(first.text)} {name}{' ' + middle if middle else ''} {rest}"
    if verb.lemma_ == "be":  # "Who is the CEO of X?" → "Is Meta the CEO of X?"
        return f"{capitalize_first(verb.text)} {name} {doc[verb.i + 1 :].text}"
    support = {"VBD": "Did", "VBZ": "Does", "VBP": "Do"}.get(verb.tag_)
    if support is None:
        return None
    after = doc[verb.i + 1 :].text
    return f"{support} {name} {base_form(verb)}{' ' + after if after else ''}"


def base_form(verb) -> str:
    """ "won" → "win": the view leaves the lemmatizer out of every call; one verb is lemmatized here."""
    return shared_pipeline().get_pipe("lemmatizer").lemmatize(verb)[0]


def with_the_quote(message: str, last_answer: str) -> str:
    """ "When did Haley say that?" after an answer that quoted her: "that" is the quote, so the question
    names its first words ("When did Haley say “Republicans closest to Washington’s …”?"), which the
    quote index finds again; after one that reported speech ("Biden said Friday that he would sign …"),
    the words reported, with "that" or without. `last_answer` is what the answer led with, before its first citation."""
    asked = SAID_THAT.match(message)
    quoted = FIRST_QUOTE.search(last_answer) or REPORTED.search(last_answer) or REPORTED_PLAIN.search(last_answer)
    if asked is None or quoted is None:
        return message
    words = quoted.group(1).split()
    opening = " ".join(words[:QUOTE_WORDS]) + (" …" if len(words) > QUOTE_WORDS else "")
    return f"{message[: asked.start('that')]}“{opening}”{message[asked.end('that') :]}"


@dataclass(frozen=True)
class Exchange:
    """One earlier turn: the user's question as asked, as the rewriter understood it, and the answer."""

    asked: str
    understood: str
    answer: str
    lead: str = ""
    """The answer before its first citation: what "that" in "When did he say that?" means. A quote further
    on is someone else's ("What did Biden say about TikTok?" led with his words, then a senators' letter)."""


def exchanges_of(history: list[dict[str, str]]) -> list[tuple[str, str]]:
    """The history as (question, answer) pairs, citation markers kept; an answer before any question pairs with ""."""
    pairs: list[tuple[str, str]] = []
    for turn in history:
        if turn["role"] == "user":
            pairs.append((turn["content"], ""))
        elif pairs:
            pairs[-1] = (pairs[-1][0], turn["content"])
        else:
            pairs.append(("", turn["content"]))
    return pairs


def said_on(question: str) -> tuple[re.Match, str] | None:
    """ "What did Y say about Z?" or "What did Y say at Z?": the match (its `speaker`) and what Y was asked to have
    said about, or where ("about the border", "in the State of the Union"); None for any other question."""
    if (about := SAY_ABOUT.match(question)) is not None:
        return about, about["topic"]
    if (where := SAY_WHERE.match(question)) is not None:
        return where, where["where"]
    return None


def has_content(question: str) -> bool:
    """Whether a question names something of its own (a name, a date, a noun: "What about his wife?" does):
    "When did she say that?", "Why?" and "When was that?" name nothing, so a later "What about Biden?"
    looks past them."""
    if not question.strip():
        return False
    doc = parse(question)
    if (
        any(t.pos_ == "NOUN" for t in doc)
        and not doc.ents
        and all(t.lower_ in GENERIC_NOUNS | MEASURED_NOUNS for t in doc if t.pos_ == "NOUN")
    ):
        # "How many people died?", "How many acres burned?": what every story counts is nothing of its own, so a later
        # "What started it?" looks past them to the fire (it was asked "What started people?": an outside try)
        return False
    return bool(doc.ents) or any(t.pos_ in ("NOUN", "PROPN") for t in doc)


def who_is_description(question: str) -> str | None:
    """ "Who is the Boeing CEO?" → "the Boeing CEO": the person the question describes, whom a follow-up's
    "he" means whatever the answer named (a wrong answer is not carried on). None for a name ("Who is
    Gabriel Attal?") or a longer question."""
    asked = WHO_IS_DESCRIPTION.match(question)
    if asked is None:
        return None
    who = asked.group("who")
    if RELATIVE_WORD.search(who) or not any(word[:1].islower() or word.endswith("'s") for word in who.split()):
        return None
    if parse(f"Who was {who}?")[2].tag_ in ("VBN", "VBD"):
        # "Who was killed in the Kansas City parade shooting?" asks who suffered it, no description: "How old was she?"
        # was understood as "How old was killed in …?" (an outside try)
        return None
    return who


def asked_event(question: str) -> str | None:
    """The event a question asked about, for "When was that?": the object of its main verb when it is a
    definite one ("Who won the Nevada primary?" → "the Nevada primary"); None otherwise ("… received an
    $8.5 billion grant …", "Who bought Twitter?": no event to date)."""
    if not question:
        return None
    doc = parse(question)
    root = list(doc.sents)[-1].root
    for chunk in doc.noun_chunks:
        if chunk.root.dep_ in ("dobj", "attr") and chunk.root.head.i == root.i and chunk[0].lower_ == "the":
            return chunk.text
    return None


def done_by_the_answer(question: str, answer: str) -> str | None:
    """What a past-tense who/which question asked was done, by the one its answer names doing it: "Who agreed to buy
    the Hartwell plant?" answered "Calloway Manufacturing has agreed to buy …" → "Calloway Manufacturing agree to buy
    the Hartwell plant". None when the question asks no such thing or the answer names no doer of its verb."""
    found = doer_and_action(question, answer) if answer else None
    return " ".join(found) if found else None


def doer_and_action(question: str, answer: str) -> tuple[str, str] | None:
    """`done_by_the_answer` in its two parts: the doer, and the action in the base form ("agree to buy …"). With
    no answer, the action alone (the doer "")."""
    if not question:
        return None
    doc = parse(question)
    sentence = list(doc.sents)[-1]
    root = sentence.root
    subject = next((t for t in root.children if t.dep_ == "nsubj"), None)
    if root.tag_ != "VBD" or subject is None or subject.i > root.i:
        return None
    if not (subject.lower_ in ("who", "what", "which") or any(t.lower_ in ("which", "what") for t in subject.children)):
        return None
    doer = subject_doing(parse(ANSWER_DATELINE.sub("", answer)), root) if answer else ""
    words = [t for t in doc[root.i + 1 : sentence.end] if not t.is_punct or t.i < sentence.end - 1]
    if not words or (answer and not doer):
        return None
    return doer or "", f"{base_form(root)} {doc[words[0].i : words[-1].i + 1].text}"


def outcome_told(question: str) -> str | None:
    """The past participle of the outcome a who/which question asked after ("Who won the Super Bowl?" → "won",
    "Which team was beaten …" is not one); None for any other question."""
    doc = parse(question)  # this pipeline has no lemmas: the outcome's verb is the outcome module's to read
    root = list(doc.sents)[-1].root
    if root.tag_ != "VBD" or asked_outcome_verb(question) is None:
        return None
    subjects = [c for c in root.children if c.dep_ == "nsubj"]
    if not any(s.lower_ in ("who", "what", "which") or any(d.lower_ in ("which", "what") for d in s.children) for s in subjects):
        return None
    return IRREGULAR_PARTICIPLES.get(root.lower_, root.lower_)


@dataclass(frozen=True)
class Event:
    """What a question asked happened, for a follow-up's "afterwards": as a clause ("Nikki Haley lost South
    Carolina"), as a gerund for its actor ("losing South Carolina"), or a named event for both ("the Nevada
    primary", whose actor is "")."""

    actor: str
    clause: str
    gerund: str
    verb_phrase: str = ""  # the action in the base form, for "When did she do that?" ("drop out of the race")


def asked_action(question: str) -> Event | None:
    """The action a yes/no or when/where/why question asked about ("Did Nikki Haley lose South Carolina?",
    "When did Haley drop out?"): its subject, verb and the rest of the question. None for a question that
    asks for a thing or a person ("What did Haley say …?", "How many delegates did he win?")."""
    doc = parse(question)
    sentence = list(doc.sents)[-1]
    root = sentence.root
    auxiliary = next((t for t in root.children if t.dep_ == "aux" and t.lower_ in EVENT_AUXILIARIES and t.i < root.i), None)
    subject = next((t for t in root.children if t.dep_ == "nsubj"), None)
    if root.pos_ != "VERB" or auxiliary is None or subject is None or not auxiliary.i < subject.i < root.i:
        return None
    if subject.pos_ == "PRON" or any(t.lower_ not in EVENT_OPENINGS for t in doc[sentence.start : auxiliary.i]):
        return None
    if any(t.lower_ in QUESTION_WORDS - EVENT_OPENINGS for t in sentence):
        return None
    words = [t for t in doc[root.i + 1 : sentence.end] if not (t.is_punct and t.i >= sentence.end - 1)]
    rest = (" " + doc[words[0].i : words[-1].i + 1].text) if words else ""
    verb = root.lower_ if root.tag_ == "VB" else base_form(root)
    actor = doc[subject.left_edge.i : subject.right_edge.i + 1].text
    return Event(actor, f"{actor} {past_tense(verb)}{rest}", f"{present_participle(verb)}{rest}", f"{verb}{rest}")


def clause_action(question: str) -> Event | None:
    """The action of a question's "when"/"after"/"as" clause ("What did Nikki Haley say when she dropped out?" →
    Nikki Haley, "drop out"): what a later "When did she do that?" means. A pronoun subject is the main
    clause's subject when that is a name."""
    doc = parse(question)
    for verb in doc:
        mark = next((t for t in verb.children if t.dep_ in ("mark", "advmod") and t.lower_ in ("when", "after", "as")), None)
        subject = next((t for t in verb.children if t.dep_ == "nsubj"), None)
        if verb.dep_ != "advcl" or verb.pos_ != "VERB" or mark is None or subject is None or mark.i > subject.i:
            continue
        actor = doc[subject.left_edge.i : subject.right_edge.i + 1].text
        if subject.pos_ == "PRON":
            main = next((t for t in verb.head.children if t.dep_ == "nsubj"), None)
            if main is None or main.pos_ != "PROPN":
                return None
            actor = doc[main.left_edge.i : main.right_edge.i + 1].text
        words = [t for t in doc[verb.i + 1 : verb.right_edge.i + 1] if not t.is_punct]
        rest = (" " + doc[words[0].i : words[-1].i + 1].text) if words else ""
        base = verb.lower_ if verb.tag_ == "VB" else base_form(verb)
        return Event(actor, f"{actor} {past_tense(base)}{rest}", f"{present_participle(base)}{rest}", f"{base}{rest}")
    return None


def did_that(message: str, earlier: list[Exchange]) -> str | None:
    """ "When did she do that?" after "Did Nikki Haley drop out?" (or "What did Nikki Haley say when she dropped
    out?") → "When did Nikki Haley drop out?": "do that" is the action the last question that asked one named,
    done by whom it named. Left alone when the follow-up names someone else ("Why did Biden do that?" after a
    question about Haley). An outside try got "When did Nikki Haley do that?", and a Nevada primary story."""
    asked = DO_THAT.match(message)
    if asked is None:
        return None
    wh, auxiliary, who = asked["wh"].capitalize(), asked["aux"].lower() + (asked["not"] or ""), asked["who"]
    for turn in reversed(earlier):
        event = asked_action(turn.understood) or clause_action(turn.understood)
        if event is not None and event.verb_phrase:
            actor, action = event.actor, event.verb_phrase
        elif done := doer_and_action(turn.understood, turn.lead) or doer_and_action(turn.understood, ""):
            # "Why did he do that?" after "Who won the Iowa caucuses?": the one the answer named doing it, or the
            # pronoun kept, for the answer's person to be put in as any other pronoun is
            actor, action = done
        else:
            continue
        if not actor:
            return f"{wh} {auxiliary} {who} {action}?"
        if who.lower() not in ("he", "she", "they", "it") and not set(stems(who)) <= set(stems(actor)):
            return None
        return f"{wh} {auxiliary} {actor} {action}?"
    return None


def event_of(question: str) -> Event | None:
    """The event a question asked about: its action ("Did Nikki Haley lose South Carolina?"), else the
    definite event it named ("Who won the Nevada primary?" → "the Nevada primary", `asked_event`)."""
    if not question:
        return None
    action = asked_action(question)
    named = asked_event(question)
    if action is not None or named is None:
        return action
    # the event with what it was for, where and whose ("the award for best actress … at the Golden Globes"),
    # not the date the question gave it
    doc = parse(question)
    head = next(chunk.root for chunk in doc.noun_chunks if chunk.text == named)
    end = head.right_edge.i + 1
    while end < len(doc) and doc[end].lower_ in ("for", "of", "at", "in") and doc[end].head.i == head.head.i:
        end = doc[end].right_edge.i + 1  # the small parser hangs "for best actress" on "won", not on "the award"
    words = [t for t in doc[head.left_edge.i : end] if t.ent_type_ not in NUMERIC_LABELS or t.i <= head.i]
    whole = doc[words[0].i : words[-1].i + 1].text if words[-1].i - words[0].i < 16 else named
    return Event("", whole, whole)


# what a follow-up asks of an event without naming it: "What was the final score?", "How many votes did Trump get?"
RESULT_NOUNS = frozenset(
    """score scores result results margin vote votes turnout mvp winner winners runner runners-up percent percentage
    share delegates points seats attendance crowd""".split()
)


def of_the_last_event(message: str, last_question: str, last_answer: str) -> str | None:
    """ "What was the final score?" / "How many votes did Trump get?" after "Who won the Super Bowl?" / "… the Iowa
    caucuses?" → "… in the Super Bowl?": a short follow-up whose nouns are only a result's (a score, votes, the MVP),
    naming no one but whom the last turn named, asks it of the event the last question named. A journalist's try got
    last year's 38-35 and a 2020 popular vote."""
    event = event_of(last_question)
    if event is None or event.actor:
        return None
    doc = parse(message)
    words = [t for t in doc if not t.is_punct]
    if not words or len(words) > 8 or words[0].lower_ not in ("who", "what", "how", "which"):
        return None
    if any((t.pos_ == "PRON" and t.tag_ not in WH_TAGS) or t.lower_ == "there" for t in words):
        return None  # "How many delegates did he win there?": the pronouns' and places' own rules put them in
    known = set(stems(f"{last_question} {last_answer}"))
    for token in words:
        if token.pos_ == "NOUN" and token.lower_ not in RESULT_NOUNS and token.lemma_.lower() not in RESULT_NOUNS:
            return None
        if token.pos_ == "PROPN" and token.lower_ not in RESULT_NOUNS and not set(stems(token.text)) <= known:
            return None  # a name of its own ("Who was the Super Bowl MVP?" names the event itself)
    if not any(t.lower_ in RESULT_NOUNS or t.lemma_.lower() in RESULT_NOUNS for t in words):
        return None
    if any(ent.label_ in OWN_EVENT_LABELS - {"CARDINAL", "ORDINAL"} for ent in doc.ents):
        return None
    return f"{message.rstrip(' ?.!')} in {event.clause}?"


def the_named_one(message: str, last_question: str) -> str | None:
    """ "When did the fire start?" after "How many acres has the Smokehouse Creek Fire burned?" → "When did the Smokehouse
    Creek Fire start?": "the" and a common noun that is the last word of a name the last question gave stands for that
    name (a journalist's try was answered with a house fire in Salisbury)."""
    named = {
        chunk.root.lower_: chunk
        for chunk in parse(last_question).noun_chunks
        if chunk.root.pos_ == "PROPN" and len(chunk) >= 2 and chunk[-1].i == chunk.root.i and chunk.root.text[:1].isupper()
    }
    if not named:
        return None
    doc = parse(message)
    for token in doc[1:]:
        if token.lower_ == "the" and token.i + 1 < len(doc):
            head = doc[token.i + 1]
            chunk = named.get(head.lower_)
            if chunk is not None and head.pos_ == "NOUN" and head.text.islower():
                name = chunk.text if chunk[0].lower_ == "the" else f"the {chunk.text}"
                return f"{message[: token.idx]}{name}{message[head.idx + len(head.text) :]}"
    return None


def at_the_same_event(message: str, last_question: str) -> str | None:
    """ "Who came second?" after "Who won the Iowa caucuses?" → "Who came second in the Iowa caucuses?": a short
    question that names nothing but a place or rank (no noun, no name, no pronoun) asks about the event the last
    question named. It was asked as it stood, and led with a high-school wrestling story."""
    doc = parse(message)
    words = [t for t in doc if not t.is_punct]
    if not words or len(words) > 5 or words[0].lower_ not in ("who", "which", "what", "how"):
        return None
    if any(t.pos_ in ("NOUN", "PROPN", "PRON") and t.i != words[0].i for t in words):
        return None
    if any(ent.label_ not in ("ORDINAL", "CARDINAL") for ent in doc.ents):
        return None
    if digested := digested_event(last_question):
        return f"{message.rstrip(' ?.!')} in {digested}?"  # the event a digest was of, not "the news about …"
    event = event_of(last_question)
    if event is None or event.actor:  # a named event ("the Iowa caucuses"), not an action of someone's
        return None
    return f"{message.rstrip(' ?.!')} in {event.clause}?"


# the nouns a follow-up asks with that name no topic of its own: "How many people were shot?", "What was the margin?"
GENERIC_NOUNS = frozenset(
    """people person persons one ones margin vote votes score result results winner winners total number toll victim
    victims passenger passengers casualty casualties death deaths injury injuries time day turnout shooter shooters
    gunman suspect suspects motive arrest arrests cause mvp crowd attendance mayor governor police chief official
    officials authorities spokesperson spokesman spokeswoman witness witnesses family families""".split()
)
# what a story measures or counts: "How many acres burned?", "How many homes were destroyed?"
MEASURED_NOUNS = frozenset("acre acres mile miles home homes house houses building buildings structure structures".split())
TOPIC_PREPOSITIONS = ("in", "at", "during", "on")
# nouns of "at the time", "in the end": no topic where news happened
TIME_NOUNS = frozenset("time end moment beginning start past future meantime day week month year weekend morning night".split())
WH_TAGS = ("WRB", "WP", "WP$", "WDT")
BY_HOW_MUCH = re.compile(r"^\s*(?:and\s+)?by\s+how\s+(?:much|many(?:\s+\w+)?)\s*[?.!]*\s*$", re.I)
# what is voted or ruled on, not in: "What was the vote on the TikTok bill?"
DECIDED_THINGS = frozenset("bill bills law laws measure ruling deal plan proposal policy order ban decision".split())
DOUBLED_ARTICLE = re.compile(r"\b(the|a|an)\s+(?i:\1)\b", re.IGNORECASE)
# pronouns that stand for no one the conversation named: "Was anyone hurt?", "Were there any arrests?"
NO_ONE_IN_PARTICULAR = frozenset({"anyone", "anybody", "someone", "somebody", "everyone", "nobody", "there"})
# ... and the words of what happened that such a follow-up asks with
HAPPENING_WORDS = frozenset(
    """many much shot killed died dead hurt injured wounded arrested charged voted won lost came finished placed
    evacuated rescued displaced missing say said""".split()
)


def names_no_topic(doc) -> bool:
    """Whether a short question names nothing it is about: no name, no entity but a number or rank, no pronoun (the
    pronoun rules take those), only nouns any story has ("people", "the margin")."""
    words = [t for t in doc if not t.is_punct]
    if not 3 <= len(words) <= 8 or not (words[0].lower_ in QUESTION_WORDS or YES_NO_OPENING.match(words[0].text)):
        return False  # "Why?" is the yes/no rule's to read
    if any(t.pos_ == "PROPN" or (t.pos_ == "PRON" and t.lower_ not in QUESTION_WORDS | NO_ONE_IN_PARTICULAR) for t in words):
        return False
    if any(ent.label_ not in ("ORDINAL", "CARDINAL") for ent in doc.ents):
        return False
    # (the parse here has no lemmas) ... and no word of its own of what happened: "How many people were vaccinated?",
    # "How many people are homeless?", "Who won the popular vote?" after the parade question ask of other news (an
    # outside try of this rule); "shot", "killed", "won" are what the last question's news is made of
    for t in words[1:]:
        if t.pos_ == "NOUN" and t.lower_ not in GENERIC_NOUNS:
            return False
        if t.pos_ in ("VERB", "ADJ") and t.lower_ not in HAPPENING_WORDS:
            return False
    return True


# the common nouns a named happening ends in, capitalised as part of its name ("Smokehouse Creek Fire")
NAMED_HAPPENINGS = frozenset("fire wildfire storm hurricane flood earthquake tornado blizzard outage shooting".split())


def named_topic(question: str) -> str | None:
    """Where the question's news happened, as it names it: its last place or event phrase with a name in it ("at the
    Kansas City parade"), else its named event ("in the New Hampshire primary"); None when it names neither."""
    doc = parse(question)
    for prep in reversed(doc):
        if prep.dep_ != "prep" or prep.lower_ not in TOPIC_PREPOSITIONS:
            continue
        phrase = list(prep.subtree)
        if any(t.pos_ == "PROPN" for t in phrase) and not any(t.ent_type_ in ("DATE", "TIME") for t in phrase):
            return doc[phrase[0].i : phrase[-1].i + 1].text
    event = event_of(question)
    if event is not None and not event.actor:
        return f"in {event.clause}"
    for prep in reversed(doc):
        # ... else one it gives as known, naming no name: "Was anyone killed?" after "How many people were shot at the
        # parade?" was asked as it stood, and met a 2022 police shooting (an outside try); not "at the time", "in the end"
        objects = [c for c in prep.children if c.dep_ == "pobj"] if prep.dep_ == "prep" else []
        if prep.lower_ in TOPIC_PREPOSITIONS and objects and objects[0].pos_ == "NOUN" and objects[0].lower_ not in TIME_NOUNS:
            if any(c.dep_ == "det" and c.lower_ == "the" for c in objects[0].children):
                return doc[prep.i : objects[0].right_edge.i + 1].text
    # ... else a named thing it asks about, a common noun under a name: "How big is the Smokehouse Creek fire?" → "in
    # the Smokehouse Creek fire" (an outside try's "How many people died?" after it met 2022's Hurricane Ian); not a
    # bare name ("Trump"), which is no place for people to die in
    for chunk in doc.noun_chunks:
        # (a common noun capitalised in the name is the tagger's proper noun: "the Smokehouse Creek Fire", after which
        # "How many people died?" was asked as it stood, an analyst's try)
        common = chunk.root.pos_ == "NOUN" or (chunk.root.pos_ == "PROPN" and chunk.root.lower_ in NAMED_HAPPENINGS)
        if common and any(t.pos_ == "PROPN" for t in chunk if t.i != chunk.root.i) and chunk.root.dep_ != "pobj":
            if not any(t.ent_type_ in ("DATE", "TIME") for t in chunk):
                # "When did the House vote?", its verb read as a noun, made one chunk of all its words: "What was the
                # vote?" after it became "What was the vote in When did the House vote?" (an outside try)
                words = list(itertools.dropwhile(lambda t: t.tag_ in WH_TAGS or t.pos_ in ("AUX", "VERB"), chunk))
                if words:
                    named = doc[words[0].i : chunk.end].text
                    return f"{'on' if chunk.root.lower_ in DECIDED_THINGS else 'in'} {named}"
    return None


def on_the_last_topic(message: str, last_question: str, last_answer: str = "") -> str | None:
    """ "How many people were shot?" after "How many people were shot at the Kansas City parade?" → "… at the Kansas
    City parade?"; "What was the margin?" after "Who won the New Hampshire primary?" → "… in the New Hampshire
    primary?": a question that names nothing it is about asks about what the last one named. Asked as they stood,
    an outside try got Colorado Springs' 2022 shooting and a remark about Iowa."""
    if not names_no_topic(parse(message)):
        return None
    # ... or the event a digest was asked about: "How many people were shot?" after "Tell me about the Chiefs parade
    # shooting" was asked as it stood, and answered from a 2022 count of mass shootings (an outside try); "Summarize the
    # news about …" is no "in the news about …"
    digested = digested_event(last_question)
    topic = f"in {digested}" if digested else named_topic(last_question)
    if topic is None or topic.lower() in message.lower():
        return None
    return f"{message.rstrip(' ?.!')} {as_the_answer_names(topic, last_answer)}?"


def as_the_answer_names(topic: str, answer: str) -> str:
    """A topic the question named with no name ("at the parade") as the answer named it ("at the Super Bowl victory
    parade in Kansas City"): "Was anyone killed at the parade?" met the 2023 Monterey Park shooting (an outside try);
    the topic as it is when the answer names it so nowhere."""
    words = topic.split()
    if not answer or any(word[:1].isupper() for word in words[1:]):
        return topic
    noun = words[-1].lower()
    for chunk in parse(strip_markers(answer)).noun_chunks:
        if chunk.root.lower_ != noun:
            continue
        named_in = [c for c in chunk.root.children if c.dep_ == "prep" and c.lower_ == "in" and c.i > chunk.root.i]
        place = [t for c in named_in for t in c.subtree if t.pos_ == "PROPN"]
        if not place and not any(t.pos_ == "PROPN" for t in chunk):
            continue
        end = named_in[0].right_edge.i + 1 if place else chunk.end
        named = chunk.doc[chunk.start : end]
        body = named[1:].text if named[0].dep_ == "det" else named.text
        return f"{words[0]} the {body}"
    return topic


def with_the_event_object(message: str, earlier: list[Exchange]) -> str:
    """ "What did Trump say after winning?" after "Who won the Iowa caucuses?" → "… after winning the Iowa
    caucuses": a bare gerund after "after", "before" or "since" (nothing of its own after it) takes the event of
    the last question that names one (`event_of`): the named event, or the action's own words when the gerund is
    its verb ("after losing" + "Did Nikki Haley lose South Carolina?" → "after losing South Carolina")."""
    if not re.search(r"\b(?:after|before|since)\s+\w+ing\b", message, re.I):
        return message  # most questions: no parse needed
    doc = parse(message)
    bare = next(
        (
            t
            for t in doc
            if t.tag_ == "VBG"
            and t.head.lower_ in ("after", "before", "since")
            and t.head.i == t.i - 1
            and not any(child.i > t.i and not child.is_punct for child in t.children)
        ),
        None,
    )
    if bare is None:
        return message
    event = next((e for e in (event_of(turn.understood) for turn in reversed(earlier)) if e is not None), None)
    if event is None:
        return message
    if event.actor:  # an action: only its own verb takes its object ("after losing" + "lose South Carolina")
        if not event.gerund.lower().startswith(bare.lower_ + " "):
            return message
        words = event.gerund[len(bare.text) + 1 :]
    else:
        words = event.clause
    end = bare.idx + len(bare.text)
    return f"{message[:end]} {words}{message[end:]}"


def time_preposition(time: str) -> str:
    """ "afterwards", "after that", "then", "next", "later" → "after"; "before that" → "before"; "since then" → "since"."""
    first = time.split()[0].lower()
    return first if first in ("before", "since") else "after"


# "What happened next?", "What happens next?", "And then what happened?": the story's next turn, asked of nothing named
WHAT_NEXT = re.compile(
    r"^\s*(?:and\s+)?(?:what\s+(?:happened|happens|happen|came|comes)\s+(?:next|then|later|after\s+that|afterwards|since\s+then)"
    r"|(?:and\s+)?then\s+what(?:\s+happened)?)\s*[?.!]*\s*$",
    re.IGNORECASE,
)


def digest_asked(question: str) -> str | None:
    """What a digest question asked about: "on the Alaska Airlines flight" of "What happened on the Alaska Airlines
    flight?", "the Peregrine lander" of "Summarize the Peregrine lander"; None for any other question."""
    if (happened := WHAT_HAPPENED.match(question)) is not None:
        return happened["where"]
    analysis = analyze(question)
    return analysis.topic if analysis.kind in ("summary", "what_happened") and analysis.topic else None


# "What did the Supreme Court decide about the razor wire?": what someone did, whose day "When was that?" asks
WHAT_DID = re.compile(r"^\s*what\s+did\s+(?P<rest>[^?]+?)\s*\?+\s*$", re.IGNORECASE)


def digest_asked_when(question: str) -> str | None:
    """ "on the Alaska Airlines flight" of "When did it happen on the Alaska Airlines flight?", the rewrite of a "When did
    that happen?" after a digest (`RuleRewriter.rewrite_after`); None for any other question."""
    found = DIGEST_WHEN.match(question)
    return found["where"] if found else None


def points_back(message: str) -> re.Match | None:
    """The message's time word that points back to an earlier event, when the message names no event of its
    own: no noun outside its subject ("What did the governor say afterwards?" has none; "What did Haley say
    after the debate?" has one), no date, place or number, no quotation; "then", "next" and "later" only in a
    past-tense question."""
    time = TIME_BACK.search(message)
    if time is None or QUOTES.search(message):
        return None
    doc = parse(message)
    if any(ent.label_ in OWN_EVENT_LABELS for ent in doc.ents):
        return None
    root = list(doc.sents)[-1].root
    subject = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
    in_subject = set(range(subject.left_edge.i, subject.right_edge.i + 1)) if subject is not None else set()
    if any(t.pos_ in ("NOUN", "PROPN") and t.i not in in_subject for t in doc):
        return None
    if time.group("time").lower() in LOOSE_TIME_WORDS and not any(t.tag_ == "VBD" or t.lower_ in PAST_AUXILIARIES for t in doc):
        return None
    return time


# "And the week before?" after "… this week?": the last question's days, moved back (or on) by one of their unit
SHIFTED = {
    ("today", "before"): "yesterday",
    ("yesterday", "before"): "the day before yesterday",
    ("yesterday", "after"): "today",
    ("this week", "before"): "last week",
    ("last week", "before"): "two weeks ago",
    ("last week", "after"): "this week",
    ("this month", "before"): "last month",
    ("last month", "before"): "two months ago",
    ("last month", "after"): "this month",
    ("this year", "before"): "last year",
    ("last year", "before"): "two years ago",
    ("last year", "after"): "this year",
}
UNIT_SHIFT = re.compile(r"^(?:the\s+)?(?P<unit>day|week|month|year)\s+(?P<way>before|after|earlier|later)$", re.IGNORECASE)
UNIT_OF = {"today": "day", "yesterday": "day"}


def shifted_time(last_question: str, focus: str) -> str | None:
    """ "And the week before?" after "What happened with Boeing this week?" → "What happened with Boeing last week?":
    the last question's relative days moved by one of their own unit (a news reader's try had the time words
    dropped, and got the same week again with 2019's articles)."""
    asked = UNIT_SHIFT.match(focus.strip())
    if asked is None:
        return None
    way = {"earlier": "before", "later": "after"}.get(asked["way"].lower(), asked["way"].lower())
    for expression in read_time(last_question, date.today()).found:
        words = expression.text.lower()
        unit = UNIT_OF.get(words, words.split()[-1])
        if unit == asked["unit"].lower() and (moved := SHIFTED.get((words, way))):
            start, end = expression.span
            return f"{last_question[:start]}{moved}{last_question[end:]}"
    return None


def at_another_time(last_question: str, focus: str) -> str | None:
    """ "What about in January?" after "What's new with Taylor Swift this week?" → "What's new with Taylor Swift in
    January?": a focus that is time words alone takes the place of the last question's (or joins it, when it named
    none); a bare month or year is read "in" it. It was "What's new with Taylor Swift January?", the preposition lost
    and the window with it (an outside try)."""
    today = date.today()  # (only the words' spans are used: no day is resolved here)
    focus = focus.strip()
    for phrase in (focus, f"in {focus}"):
        reading = read_time(phrase, today)
        if reading.found and not reading.query.strip(" ?.!,;:"):
            break
    else:
        return None
    # the days it named give way ("this week"); its recency words stay ("What's new with …")
    dated = [expression for expression in read_time(last_question, today).found if expression.window is not None]
    if not dated:
        return f"{last_question.rstrip(' ?.!')} {phrase}?"
    start, end = dated[0].span
    return f"{last_question[:start]}{phrase}{last_question[end:]}"


class RuleRewriter:
    """Rewrites a follow-up without an LLM (see the module docstring for the rules)."""

    def rewrite(self, message: str, history: list[dict[str, str]]) -> str:
        # each earlier question as the rewriter understood it, oldest first, so a follow-up of a follow-up
        # leans on "Who won the Nevada primary?", not on "And Nevada?"
        understood: list[Exchange] = []
        for asked, answer in exchanges_of(history)[-LOOK_BACK:]:
            understood_as = self.rewrite_after(asked, understood) if asked else ""
            understood.append(Exchange(asked, understood_as, strip_markers(answer), strip_markers(answer.split("[1]")[0])))
        # a focus put in after the question's own article: "Who won the the Virgin Islands caucuses?" (an outside try)
        return DOUBLED_ARTICLE.sub(r"\1", self.rewrite_after(message, understood))

    def rewrite_after(self, message: str, earlier: list[Exchange]) -> str:
        """The message rewritten after the earlier turns: it follows up on the last question that names
        something of its own, skipping "When did she say that?"-style ones; "that" is the last answer's quote.
        A whole question after "and" ("And what did he say since then?") is read without it, and left as
        asked when it needs nothing of the conversation."""
        if not earlier:
            return message
        if opening := OPENING_AND.match(message):
            unjoined = capitalize_first(message[opening.end() :])
            rewritten = self.rewrite_after(unjoined, earlier)
            return message if rewritten == unjoined else rewritten
        last = earlier[-1]
        base = next((turn for turn in reversed(earlier) if has_content(turn.asked)), last)
        last_question, last_answer = base.understood, base.answer
        if not last_question and not last_answer:
            return message
        at_that_time = self.after_the_digest(message, earlier) or self.at_the_event(message, earlier, base)
        if at_that_time:
            return at_that_time
        if done := did_that(message, earlier):
            return self.resolve_pronouns(done, last_question, last_answer)
        if last_question and WHO_ELSE.match(message):
            rewritten = self.who_else(last_question)
            if rewritten:
                return rewritten
        fragment = WH_FRAGMENT.match(message)
        if fragment and fragment.group("wh").lower() == "how many" and (anyone := ANY_ONE.match(last_question)):
            # "How many?" after "Was anyone laid off at Hartwell?": how many people were, not "How many was anyone …"
            auxiliary, rest = anyone["aux"].lower(), anyone["rest"]
            if auxiliary == "did":  # "Did anyone die in the crash?" → "How many people died in the crash?"
                verb, _, after = rest.partition(" ")
                return f"How many {anyone['things'] or 'people'} {past_tense(verb)}{' ' + after if after else ''}?"
            return f"How many {anyone['things'] or 'people'} {PLURAL_AUXILIARY.get(auxiliary, auxiliary)} {rest}?"
        if fragment and YES_NO_OPENING.match(last_question):
            # "Why?" after "Did the FAA ground the Boeing 737 Max 9?": "Why did the FAA ground …?"
            wh = fragment.group("wh")
            return f"{wh[0].upper()}{wh[1:].lower()} {last_question.strip()[0].lower()}{last_question.strip()[1:]}"
        if (then_asked := WHAT_ABOUT_THEN_ASK.match(message)) is not None:
            # "What about Trump, what did he say about it?" was read "What did Trump, what did he say about it say about
            # …": the question after the comma is asked, of the person named before it
            return self.rewrite_after(of_the_focus(then_asked["question"], then_asked["focus"]), earlier)
        focus = WHAT_ABOUT.match(message) or AND_FOCUS.match(message)
        if focus and SAID_ABOUT.match(last.understood) and last.understood != last.asked:
            # "What about Haley?" after "Who won the Iowa caucuses?" and "What did he say about it?" asks what she said
            # about them: the last turn named nothing of its own, but was understood as naming a speaker and a topic
            # (an outside try got "Did Haley win the Iowa caucuses?")
            last_question, last_answer = last.understood, last.answer
        if focus and last_question:
            asked = focus.group("focus")
            if retimed := shifted_time(last_question, asked) or at_another_time(last_question, asked):
                return retimed
        if focus and last_question:
            rewritten = self.replace_focus(last_question, last_answer, titled_in(focus.group("focus"), earlier))
            if rewritten:
                # "What about his wife?" after "What's the latest on Navalny?": "his" is Navalny
                return self.resolve_pronouns(rewritten, last_question, last_answer)
        when_was_that = WHEN_WAS_THAT.match(message)
        event = when_was_that and asked_event(last_question)
        if when_was_that and not event:
            # ... or of an earlier question, past ones naming no event of their own: "When was that?" after "Who won the
            # Super Bowl?", "Who came second?" and "By how much?" was asked as it stood, and declined (an outside try)
            for turn in reversed(earlier):
                if (event := asked_event(turn.understood)) is not None:
                    last_question = turn.understood
                    break
                wh = when_was_that["wh"]
                if (done := DID_ACTION.match(turn.understood)) is not None:
                    # "When was that?" after "Did Haley drop out?": when she did
                    return f"{wh.capitalize()} did {done['action']}?"
                if action := done_by_the_answer(turn.understood, turn.lead):
                    # "When was that?" after "Who agreed to buy the Hartwell plant?": when the one the answer named
                    # did it (an outside try got it asked as it stood, and declined)
                    return f"{wh.capitalize()} did {action}?"
        if when_was_that and not event and (digest := digest_asked(last_question)) is not None:
            # "When did that happen?" after "What happened on the Alaska Airlines flight?" was asked as it stood, and
            # declined, the day in the digest just given (a researcher's try in the web chat)
            where = digest if digest.split()[0].lower() in DIGEST_PREPOSITIONS else f"with {digest}"
            return f"{when_was_that['wh'].capitalize()} did it happen {where}?"
        if event:
            asked = when_was_that
            won = outcome_told(last_question)
            if won and asked[0].lower().lstrip().removeprefix("and").lstrip().startswith("when"):
                # "When was that?" after "Who won the Super Bowl?" is when it was won, this year's: asked "When was the
                # Super Bowl?" it met the logo history's "The first Super Bowl on Jan. 15, 1967" (an outside try)
                plural = parse(event)[-1].tag_ in ("NNS", "NNPS")  # "When were the Iowa caucuses won?"
                return f"When {'were' if plural else 'was'} {event} {won}?"
            return f"{message[: asked.start('that')]}{event}{message[asked.end('that') :]}"
        if (asked := when_was_that) and (counted := HOW_MANY_WERE.match(last_question)) is not None:
            # "When was that?" after "How many people were shot at the Kansas City parade?": when they were (it was
            # asked alone, and declined: an outside try)
            return f"{asked['wh'].capitalize()} {counted['be']} {counted['what']} {counted['rest']}?"
        if when_was_that and (spoke := SAY_WHERE.match(last_question)) is not None:
            # "When was that?" after "What did Trump say at Liberty University?": when he spoke there (it was declined)
            return f"When did {spoke['speaker']} speak {spoke['where']}?"
        if when_was_that and (did := WHAT_DID.match(last_question)) is not None:
            # "When was that?" after "What did the Supreme Court decide about the razor wire?": when it decided (asked as
            # it stood, it was declined: a researcher's web-chat try)
            return f"{when_was_that['wh'].capitalize()} did {did['rest']}?"
        later = self.same_speaker_later(message, last_question, last_answer)
        if later:
            return later
        if BY_HOW_MUCH.match(message) and (topic := named_topic(last_question)) is not None:
            # "By how much?" after "Who won the South Carolina primary?" was asked as it stood, and declined (an outside
            # try): the margin of the contest the last question named
            return f"What was the margin {topic}?"
        at_the_same = (
            at_the_same_event(message, last_question)
            or of_the_last_event(message, last_question, last_answer)
            or the_named_one(message, last_question)
            or on_the_last_topic(message, last_question, last_answer)
        )
        if at_the_same:
            return at_the_same
        on_topic = self.on_the_same_topic(message, last_question)
        if on_topic:
            return on_topic
        if (happened := WHAT_HAPPENED.match(last_question)) and (pointing := points_at_what_happened(message)):
            # "How many of them were children?" after "What happened at the Super Bowl parade in Kansas City?": "them"
            # are the event's people, whom nothing names; the event is where to look ("How many of the stories were
            # children?" was read off the digest's heading)
            return f"{message[: pointing.end()].rstrip(' ?.!')} {happened.group('where')}?"
        resolved = with_the_quote(self.resolve_pronouns(message, last_question, last_answer), last.lead)
        return with_the_event_object(resolved, earlier)

    def after_the_digest(self, message: str, earlier: list[Exchange]) -> str | None:
        """ "What happened next?" after a digest ("What happened on the Alaska Airlines flight?", "Summarize the
        Peregrine lander"): the latest on its topic, newest first. It was read as a digest "about next" (a researcher's
        try: "The 5 newest of the 24 stories found about next")."""
        if not WHAT_NEXT.match(message):
            return None
        digest = None
        for turn in reversed(earlier):
            # the newest digest asked, unless an event was asked after it (that one is followed: `at_the_event`); a "When
            # did it happen on …?" between them is the digest's own
            if (digest := digest_asked(turn.understood) or digest_asked_when(turn.understood)) is not None:
                break
            if event_of(turn.understood) is not None:
                return None
        if digest is None:
            return None
        first, _, rest = digest.partition(" ")
        topic = rest.lstrip() if first.lower() in DIGEST_PREPOSITIONS else digest
        return f"What is the latest on {topic}?"

    def at_the_event(self, message: str, earlier: list[Exchange], base: Exchange) -> str | None:
        """ "What did she say afterwards?" after "Did Nikki Haley lose South Carolina?" → "What did Nikki Haley
        say after losing South Carolina?": the time word is placed at the event of the last question that names
        one (`event_of`), as a gerund when the follow-up's subject did it, else as a clause ("What happened
        next?" → "What happened after Nikki Haley lost South Carolina?"). "And before that?" after such a
        rewrite asks it again with "before"; after the event's own question, it asks what happened before."""
        fragment = TIME_FRAGMENT.match(message)
        time = fragment or points_back(message)
        if time is None:
            return None
        event = next((e for e in (event_of(turn.understood) for turn in reversed(earlier)) if e is not None), None)
        if event is None:
            return None
        preposition = time_preposition(time.group("time"))
        if fragment:
            placed = re.search(
                rf"\b(?:after|before|since) (?={re.escape(event.gerund)}|{re.escape(event.clause)})", earlier[-1].understood
            )
            if placed is None:
                return f"What happened {preposition} {event.clause}?"
            understood = earlier[-1].understood
            return f"{understood[: placed.start()]}{preposition} {understood[placed.end() :]}"
        # the pronouns first, with the time word's place kept by one that parses alike
        marked = f"{message[: time.start('time')]}afterwards{message[time.end('time') :]}"
        resolved = self.resolve_pronouns(marked, base.understood, base.answer)
        places = list(re.finditer(r"\bafterwards\b", resolved))
        if not places:
            return None
        place = places[-1]
        doc = parse(resolved)
        root = list(doc.sents)[-1].root
        subject = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None)
        doer = doc[subject.left_edge.i : subject.right_edge.i + 1].text.lower() if subject is not None else ""
        actor = event.actor.lower()
        same = bool(actor and doer and subject.lower_ not in QUESTION_WORDS and (actor in doer or doer in actor))
        placed = f"{preposition} {event.gerund if same else event.clause}"
        return f"{resolved[: place.start()]}{capitalize_first(placed) if place.start() == 0 else placed}{resolved[place.end() :]}"

    def on_the_same_topic(self, message: str, last_question: str) -> str | None:
        """ "What did Biden say?" right after "What did Greg Abbott say about the border?" → "What did Biden
        say about the border?": a second speaker asked about with no topic is asked about the first one's
        (a reader comparing statements). Not the same speaker again, not a pronoun, and only after a
        "What did Y say about Z?" question."""
        asked = BARE_SAY.match(message)
        # ... or where the first one spoke: "What did Katie Britt say?" after "What did Biden say in the State of the
        # Union?" (an outside try lost the speech)
        said = said_on(last_question)
        if asked is None or said is None:
            return None
        before, topic = said
        speaker, earlier = asked.group("speaker").strip(), before.group("speaker").strip()
        pronouns = PERSON_PRONOUNS | PERSON_POSSESSIVES | GROUP_PRONOUNS | {"her", "their", "it", "its", "that", "this"}
        if any(word in pronouns for word in speaker.lower().split()):
            return None  # "What did he say?", "What did his office say?": the first speaker's side, left to the pronouns
        if speaker.lower() in earlier.lower() or earlier.lower() in speaker.lower():
            return None  # the same speaker again: "What did Abbott say?" asks for everything Abbott said
        if re.search(r"\b(?:his|her|their)\b", topic, re.IGNORECASE):
            # "in his victory speech" is the first speaker's own: "And what did Haley say?" after "What did Trump say in his
            # victory speech?" was asked "What did Haley say in his victory speech?" (a journalist's try)
            return None
        return f"{message[: asked.end('verb')]} {topic}?"

    def same_speaker_later(self, message: str, last_question: str, last_answer: str) -> str | None:
        """ "What did he say after that?" right after "What did Trump say about NATO?" → "What did Trump say about
        NATO after 2024-02-11?": the same speaker on the same topic, after (or before, or since) the newest day the
        answer quoted (its oldest, for "before"); with no day in the answer, the time words go. It was "What did
        Trump say after that?", the topic lost, and answered from a 2022 report on January 6."""
        time = points_back(message)
        before = SAY_ABOUT.match(last_question)
        if time is None or before is None:
            return None
        untimed = re.sub(r"\s+([?.!])", r"\1", f"{message[: time.start('time')]}{message[time.end('time') :]}").strip()
        if BARE_SAY.match(untimed) is None:
            return None
        resolved = self.resolve_pronouns(untimed, last_question, last_answer)
        asked = BARE_SAY.match(resolved)
        if asked is None:
            return None
        speaker, earlier = asked.group("speaker").strip().lower(), before.group("speaker").strip().lower()
        if not (speaker in earlier or earlier in speaker):
            return None  # another speaker: `on_the_same_topic`'s, with its own words
        preposition = time_preposition(time.group("time"))
        days = sorted(ISO_DAY.findall(last_answer))
        when = f" {preposition} {days[0] if preposition == 'before' else days[-1]}" if days else ""
        return f"{resolved[: asked.end('verb')]} {before.group('topic')}{when}?"

    def who_else(self, last_question: str) -> str | None:
        """ "Who else said that?" → the last question with "Who else" for its wh-subject
        ("Which Democratic congressperson called for …?" → "Who else called for …?")."""
        span = wh_subject(parse(last_question))
        if span is None:
            return None
        return last_question[: span.start_char] + "Who else" + last_question[span.end_char :]

    def replace_focus(self, last_question: str, last_answer: str, focus: str) -> str | None:
        """ "What about X?" → the last question with X in place of its person (if X is one), of its
        entity of the same kind as X ("And in 2021?" → its date), of what it asks for (a name X
        after "Which company …?"), or of its topic."""
        question_doc = parse(last_question)
        focus = focus.strip()
        known_people = people(question_doc) + (people(parse(last_answer)) if last_answer else [])
        # spaCy tags a lone name badly; a name the conversation already used, or one it reads as a
        # person inside a sentence, is taken for a person.
        focus_is_person = (
            any(focus in name or name in focus for name in known_people if focus[:1].isupper())
            or bool(people(parse(f"What did {focus} say?")) == [focus] and focus[:1].isupper())
            # "And the king?" after "Why is Kate Middleton in the hospital?": a person, not a place to be in
            or PERSON_ROLE.fullmatch(focus) is not None
            # a first name that tells a man or a woman: the small model reads "Nikki Haley" as an organisation, and "What
            # about Nikki Haley?" after "What did Trump say in his victory speech?" was left as asked
            or (len(focus.split()) > 1 and focus[:1].isupper() and name_gender(focus) != "")
        )
        persons = [ent for ent in question_doc.ents if ent.label_ == "PERSON"] or name_runs(question_doc)
        focus_doc = parse(f"What about {focus}?")
        preposition = focus_doc[2] if len(focus_doc) > 3 and focus_doc[2].pos_ == "ADP" else None
        if preposition is not None:  # "in 2021": the date replaces a date
            focus = focus[len(preposition.text) :].strip()
        focus_kinds = {KINDS.get(ent.label_) for ent in focus_doc.ents if ent.text == focus} - {None}
        same_kind = [ent for ent in question_doc.ents if KINDS.get(ent.label_) in focus_kinds]
        named = focus[:1].isupper() or re.match(r"the [A-Z0-9]", focus) is not None  # "Meta", "the Steelers", "the 49ers"
        # ... by its head word: "the Texas wildfires" is a story, not a name ("What about the Texas wildfires?" after
        # "Who won the Super Bowl?" was asked "Did the Texas wildfires win the Super Bowl?", and answered "No.")
        head = focus_doc[2:-1].root.text if len(focus_doc) > 3 else focus
        named = named and (head[:1].isupper() or head[:1].isdigit())
        asked_for = wh_subject(question_doc) if named else None
        if not (named or focus_is_person or same_kind or preposition is not None) and ASKS_WHO_OR_WHICH.match(last_question):
            return f"What happened with {focus}?"  # another story: what a reader asks of it
        said = said_on(last_question)
        if focus_is_person and not persons and said is not None:
            # "What about Travis Kelce?" after "What did the mayor say about the parade?": the speaker named by post is
            # the person replaced ("What did the mayor say about Travis Kelce?": an outside try)
            spoke = said[0]
            return last_question[: spoke.start("speaker")] + focus + last_question[spoke.end("speaker") :]
        if focus_is_person and persons:
            target = persons[0]
            # "What about Haley?" after "What did Trump say about Nikki Haley?": Haley is already asked about,
            # so the two change places ("What did Haley say about Trump?"), not "… Haley say about Nikki Haley?"
            other = next((span for span in question_doc.noun_chunks if focus in span.text and span.start != target.start), None)
            if other is not None and other.start > target.start:
                return (
                    last_question[: target.start_char]
                    + focus
                    + last_question[target.end_char : other.start_char]
                    + target.text
                    + last_question[other.end_char :]
                )
        elif same_kind:
            target = same_kind[0]
        elif asked_for is not None and preposition is None:
            # "Which company is being sued …?" + "What about Meta?" → "Meta is being sued …?"
            target = asked_for
        elif preposition is not None:
            # "And in Germany?" with no place in the question: the object of its own "in", else nothing
            objects = [t for t in question_doc if t.dep_ == "pobj" and t.head.lower_ == preposition.lower_]
            if not objects:
                return None
            target = question_doc[objects[-1].left_edge.i : objects[-1].right_edge.i + 1]
        else:
            subjects = topics(question_doc)
            if not subjects:
                return None
            # the thing asked about sits last ("… say about the operation?"); a plural X replaces a plural
            # ("What percentage of US adults …?" + "And children?"), a singular one a singular
            plural_focus = focus_doc[2:-1].root.tag_ in ("NNS", "NNPS")
            agreeing = [chunk for chunk in subjects if (chunk.root.tag_ in ("NNS", "NNPS")) == plural_focus]
            target = (agreeing or subjects)[-1]
        text = last_question
        if target is asked_for:
            return asked_of(question_doc, target, focus) or text[: target.start_char] + focus + text[target.end_char :]
        rest = text[target.end_char :]
        if focus_is_person and persons and target is persons[0]:
            # the replaced person's "his"/"her" is the new one's: "What about Haley?" after "What did Trump say in his victory
            # speech?" was asked "What did Haley say in his victory speech?" (a journalist's try)
            gender = name_gender(focus)
            possessive = {"f": "her", "m": "his"}.get(gender, "their")
            rest = re.sub(r"\b(?:his|her)\b", possessive, rest)
        return text[: target.start_char] + focus + rest

    def resolve_pronouns(self, message: str, last_question: str, last_answer: str) -> str:
        doc = parse(message)
        pronouns = [
            t
            for t in doc
            if t.lower_ in PERSON_PRONOUNS | PERSON_POSSESSIVES | GROUP_PRONOUNS | THING_PRONOUNS | {"her", "their", "its"}
            and not has_own_referent(t)
            and not (t.lower_ == "it" and t.dep_ == "dobj" and t.head.lower_ in ("do", "did", "does", "doing", "done"))
        ]
        theres = [t for t in doc if points_to_a_place(t)]
        if not pronouns and not theres:
            return message
        to_resolve = {t.i for t in pronouns + theres}
        question_doc = parse(last_question) if last_question else None
        # "it" after "What does the TikTok bill do?" was "WASHINGTON", the answer's dateline (an outside try)
        answer_doc = parse(ANSWER_DATELINE.sub("", last_answer)) if last_answer else None
        # The user's own last question says best whom they are following up on; the answer is next.
        asked = people(question_doc, asked=True) if question_doc else []
        answered = list(dict.fromkeys(speakers_of(last_answer) + (people(answer_doc) if answer_doc else [])))
        described = who_is_description(last_question)
        asks_who_or_which = bool(ASKS_WHO_OR_WHICH.search(last_question)) and not WHO_IS.match(last_question)
        if described:
            # "Who is the Boeing CEO?" + "What did he say …?": "he" is the Boeing CEO, not whom the answer named
            persons = [described]
        elif asks_who_or_which:
            # "Who spoke with Blinken?" → "he" in the follow-up is the person the answer named.
            persons = [p for p in answered if not any(p in q or q in p for q in asked)] + asked
        else:
            persons = asked or answered
        persons = fitting_gender(persons, {doc[i].lower_ for i in to_resolve})
        # "Which company …?" → "it" in the follow-up is the company the answer named
        asks_for_thing = asks_who_or_which or bool(ASKS_WHAT.search(last_question) and not ASKS_A_CAUSE.match(last_question))
        # a digest's first words ("The stories about …") are no thing it answered: an outside try got "What caused : The
        # stories?" after "What is the latest on the AT&T outage?"
        digest = bool(last_question) and analyze(last_question).kind in DIGEST_KINDS
        # nor does an answer that says the articles hold none ("No article here gives that number; the closest they come
        # …"): "What did Rand Paul say about it?" was understood "… about no article?" (a journalist's try)
        hedged = HEDGED_ANSWER.match(last_answer or "") is not None
        thing = (
            answered_thing(answer_doc, last_question)
            if answer_doc is not None and asks_for_thing and not digest and not hedged
            else ""
        )
        asked_topic = thing_asked_about(last_question)  # "it" of "What did Abbott say about it?" after "… about the razor wire?"
        person_pronoun = any(doc[i].lower_ in PERSON_PRONOUNS | {"his", "her"} for i in to_resolve)
        # "who" asks for a person, and a person is "he" or "she", not "it": "What did he say about it?" after "Who won
        # the Iowa caucuses?" was asked about "former President Donald Trump" himself, and after "Who won the Nevada
        # caucuses?" about the "‒" of the answer's dateline (outside tries); "it" is what the question was about
        asked_who = re.match(r"\s*who\b", last_question, re.IGNORECASE) is not None
        if thing and ((persons and thing == persons[0] and person_pronoun) or asked_who):
            thing = ""  # "What film did he win it for?": "he" is the person, so "it" is something else
        subject_topics = topics(question_doc) if question_doc else []
        topic = thing or (subject_topics[-1].text if subject_topics else "")
        # (the person as the phrase's head, not a name that qualifies a thing: "the TikTok ban bill" is no person, though
        # the question's own "TikTok" may be read as one: "What did Biden say about it?" after "How did Texas members of
        # the House vote on the TikTok ban bill?" lost its topic, and got Abbott on the border: a reader's try)
        if topic and any(topic.endswith(p) or topic in p for p in asked) and not OF_SOMEONE.search(topic):
            # "it" is not the person the question named: "What did she say about it?" after "Did Haley drop out?" is
            # about her dropping out (it was asked "… about Haley?", an outside try)
            event = event_of(last_question)
            topic = event.gerund if event is not None else ""
        if not thing and (named_thing := named_as_a_thing(question_doc, answer_doc)):
            topic = named_thing  # "it" after "Did Odysseus land on the moon?" is the spacecraft, not the moon
        if digest:
            # "What caused it?" after "What is the latest on the AT&T outage?" asks about the outage; after "What is the
            # latest on Navalny?" about no thing named (Navalny is no "it")
            topic = digest_topic(last_question) or ""
        # "they": the answer's thing, two people, the organisations asked about, the plural asked about, a place
        bodies = groups(question_doc, ("ORG", "NORP")) if question_doc else []
        plurals = [chunk.text for chunk in subject_topics if chunk.root.tag_ in ("NNS", "NNPS")]
        places = (groups(question_doc) if question_doc else []) or (groups(answer_doc) if answer_doc else [])
        # "there": the place the last question named ("in Michigan")
        where = asked_place(question_doc) if question_doc is not None else None
        # "they" after "Who won the Super Bowl?" is the team the answer names, not two of its players ("Who did they
        # beat?" was asked of Patrick Mahomes and Travis Kelce: an outside try)
        answered_bodies = groups(answer_doc, ("ORG", "NORP")) if answer_doc is not None and asked_who else []
        if thing:
            plural = thing
        elif answered_bodies:
            plural = answered_bodies[0]
        elif len(persons) >= 2:
            plural = f"{persons[0]} and {persons[1]}"
        elif bodies:
            plural = " and ".join(bodies[:2])
        else:
            plural = (plurals or places or [topic])[0]
        person = persons[0] if persons else ""
        pieces: list[str] = []
        named: set[str] = set()  # referents already written out: a later possessive of theirs stays
        for token in doc:
            word = token.lower_
            referent = None
            if token.i not in to_resolve:
                pass
            elif word in PERSON_PRONOUNS | PERSON_POSSESSIVES | {"her"}:
                referent = person or None
            elif word in GROUP_PRONOUNS | {"their"}:
                referent = plural or None
            elif word in ("it", "its"):
                # "it" doing the follow-up's verb is what did the last one's: "Where did it land?" after "When did
                # Odysseus land on the moon?" asks where Odysseus did (an outside try got "did the moon land?")
                acting = token.dep_ in ("nsubj", "nsubjpass") and not asked_topic and not thing
                referent = asked_topic or (acting and subject_doing(question_doc, token.head)) or topic or None
            elif word == "there":
                referent = f"in {where}" if where else None
            is_possessive = word in PERSON_POSSESSIVES | {"their", "its"} or (word == "her" and token.tag_ == "PRP$")
            if referent is None or (is_possessive and referent in named):
                # "What did she say in her speech?" → "What did Michelle Yeoh say in her speech?"
                pieces.append(token.text_with_ws)
                continue
            named.add(referent)
            replacement = possessive(referent) if is_possessive else referent
            if token.i == 0:
                replacement = capitalize_first(replacement)
            pieces.append(replacement + token.whitespace_)
        return "".join(pieces)
