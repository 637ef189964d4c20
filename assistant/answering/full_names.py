"""Full names in extractive answers: a person an answering sentence calls by one word, named as the article first named them.

1. `prefer_typed` (extractive) marks the one-word names among a sentence's answer entities ("James", "Boodram",
   "Bills") with their NER label.
2. `full_name` reads the proper nouns right before the first mentions of that word in the article, titles and
   occupations left out ("Los Angeles Lakers star LeBron James" → "LeBron James"; "Former President Donald
   Trump" → "Donald Trump"). The bundled NER is not asked: it reads "Avi Boodram" as no entity at all.
3. `with_full_names` puts the name after the first mention in the answer's sentence ("James (LeBron James),
   who …"), never inside a quotation (the speaker's words stay theirs), never inside a longer name ("House Speaker …"), never for an acronym; a one-word organisation only
   when it is a team ("Bills") or a rare word, and its added words are rare ("Senate" is not "New Senate").
   The citation's quote and span stay as the article has them: only the answer's text changes.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answering.question import tagger

# the IDF a word of an organisation's longer name must have: "Buffalo" 5.2, "Kansas" 4.1, "City" 2.1, "New" 1.3
# (on news24-dev); a common word before a one-word name is seldom part of it
NAME_WORD_IDF = 2.0
QUOTED_WORDS = re.compile(r"“[^”]*”?|\"[^\"]*\"?|«[^»]*»?")  # a quotation, or the rest of the sentence after an unclosed one


# a quotation's close before any opening: the sentence was cut from inside a quotation of several sentences
CLOSED_FIRST = re.compile(r"^[^“\"«]*?(?:”|(?<=[,.!?])\"(?=\s|$)|»)")


def quoted_spans(sentence: str) -> list[tuple[int, int]]:
    """Where the sentence's quotations are (`QUOTED_WORDS`): what is put into an answer's sentence stays outside them.
    A sentence that closes a quotation it never opened is quoted up to there: "There's a woman tonight here …,” she
    said" got "tonight (2023-03-18)" inside the speaker's words (an outside try)."""
    opening = CLOSED_FIRST.match(sentence)
    if opening is not None and re.search(r"(?<!\w)['‘]\w", sentence[: opening.start(0) + len(opening.group(0))]):
        opening = None  # a quotation opened with a single mark and closed with a double ("in 'Worst Cooks …,\" a …")
    if opening is None:
        return [(match.start(), match.end()) for match in QUOTED_WORDS.finditer(sentence)]
    rest = sentence[opening.end() :]
    return [(0, opening.end())] + [(opening.end() + m.start(), opening.end() + m.end()) for m in QUOTED_WORDS.finditer(rest)]


FULL_NAME_MENTIONS = 5  # mentions of a surname read for its full name
# words before a name that are not part of it ("Former President Donald Trump")
NAME_TITLES = {"mr", "mrs", "ms", "dr", "president", "former", "vice", "sen", "rep", "gov", "judge", "justice", "coach"}
NAME_TITLES |= {"chief", "secretary", "prime", "minister", "gen", "general", "lt", "col", "capt", "sgt", "pope", "king"}
NAME_TITLES |= {"queen", "prince", "princess", "sir", "dame", "lord", "lady", "st", "rev", "mayor", "senator", "governor"}
NAME_TITLES |= {"ceo", "chairman", "speaker", "leader", "democrat", "republican", "star", "officer", "attorney", "ambassador"}
# occupations that open a sentence capitalised, tagged as proper nouns ("Director Daniel Roher", "Businessman Donald Trump")
NAME_TITLES |= {"businessman", "businesswoman", "director", "producer", "actor", "actress", "singer", "rapper", "author"}
NAME_TITLES |= {"writer", "filmmaker", "manager", "founder", "chairwoman", "commissioner", "superintendent", "chancellor"}


def with_full_names(sentence: str, surnames: dict[str, str], article_text: str, is_rare: Callable[[str], bool]) -> str:
    """The sentence with the full name of a person it calls by one word, as the article first gave it:
    "James, who has scored …" reads "James (LeBron James), who has scored …". The article names a
    person in full once and by surname after; the sentence that answers is often one of the later."""
    for surname, label in surnames.items():
        name = full_name(surname, article_text)
        if name is None or name in sentence or not (label == "PERSON" or widens(surname, name, is_rare)):
            continue
        # the first mention outside quotation marks: a name put inside one alters the speaker's words ("not content with
        # Putin (Vladimir Putin) or …", a reader's try); one named only inside a quotation is left as said
        quoted = quoted_spans(sentence)
        mention = next(
            (
                found
                for found in re.finditer(rf"\b{re.escape(surname)}\b(?:['’]s\b|(?<=s)['’](?!\w))?", sentence)  # "Rams'"
                if not any(start <= found.start() < end for start, end in quoted)
            ),
            None,
        )
        # a word that opens a longer name in the sentence itself names no one alone ("House Speaker Nancy Pelosi"), nor
        # one that closes it: "won his GOP House primary" read "House (White House)" (an outside try); a title before
        # a surname is no part of a name ("President Biden")
        if (
            mention is not None
            and not re.match(r"\s+[A-Z]", sentence[mention.end() :])
            and not in_a_longer_name(sentence, mention.start())
        ):
            sentence = f"{sentence[: mention.end()]} ({name}){sentence[mention.end() :]}"
    return sentence


def in_a_longer_name(sentence: str, start: int) -> bool:
    """Whether the word at `start` follows a capitalised word of the sentence that is not a title ("GOP House"), nor
    the sentence's first word, capitalised as any is ("The Lions won …")."""
    before = re.search(r"([A-Z][\w'’.-]*)\s+$", sentence[:start])
    opening = before is not None and not re.search(r"\w", sentence[: before.start()])
    return before is not None and not opening and before.group(1).rstrip(".").lower() not in NAME_TITLES


def widens(word: str, name: str, is_rare: Callable[[str], bool]) -> bool:
    """Whether a one-word organisation is the longer `name` ("Bills" is "Buffalo Bills"): not an acronym
    ("NFL" is not "BetMGM NFL"), a team or a rare word (a surname the NER took for an organisation), and
    the words added before it rare too ("House" is not "White House", "Senate" not "New Senate")."""
    team_or_rare = word.endswith("s") or is_rare(word)
    return not word.isupper() and team_or_rare and all(is_rare(added) for added in name.split()[:-1])


def full_name(surname: str, article_text: str) -> str | None:
    """The longer name the article gives most often, of those before its first mentions of `surname`
    ("LeBron James" for "James"), the earliest on a tie: the proper nouns right before a mention, titles
    left out ("Former President Donald Trump" → "Donald Trump"). Most often, not first: two paragraphs run
    together ("… against Democrat Beto O'Rourke Trump's favored …") make one false name, once."""
    mentions = re.finditer(rf"(?:[A-Z][\w'’.-]*[ \t]+){{1,3}}{re.escape(surname)}\b", article_text)
    names: list[str] = []
    for _, match in zip(range(FULL_NAME_MENTIONS), mentions):
        words = []
        for token in reversed(tagger()(match.group(0))):
            initial = len(token.text) == 2 and token.text.endswith(".")  # "Donald J. Trump"; not "U.N."
            if token.pos_ != "PROPN" or token.text.rstrip(".").lower() in NAME_TITLES or ("." in token.text and not initial):
                break
            words.insert(0, token.text)
        if len(words) >= 2 and not words[0].endswith("."):
            names.append(" ".join(words))
    return max(names, key=names.count) if names else None  # max keeps the first of equals
