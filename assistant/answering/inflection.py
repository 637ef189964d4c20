"""English verb forms the answerers write: a question's verb in the past tense for a follow-up ("Did Haley drop out?"
→ "Haley dropped out"), its "-ing" form for a gerund ("dropping out"), and a quote's participle cue in the past tense
("…, saying it moved too slowly" → "said it moved too slowly")."""

from __future__ import annotations

import re

from ingest.attribution.lexicon import SPEECH_FORMS

# the few irregular verbs news questions ask about; any other verb takes "-ed"
IRREGULAR_PAST = {
    "be": "was", "beat": "beat", "become": "became", "begin": "began", "break": "broke", "bring": "brought",
    "build": "built", "buy": "bought", "choose": "chose", "come": "came", "cut": "cut", "do": "did", "fall": "fell",
    "fight": "fought", "find": "found", "fly": "flew", "get": "got", "give": "gave", "go": "went", "have": "had",
    "hit": "hit", "hold": "held", "keep": "kept", "know": "knew", "lead": "led", "leave": "left", "lose": "lost",
    "make": "made", "meet": "met", "pay": "paid", "put": "put", "quit": "quit", "rise": "rose", "run": "ran",
    "say": "said", "see": "saw", "seek": "sought", "sell": "sold", "send": "sent", "set": "set", "shoot": "shot",
    "sink": "sank", "speak": "spoke", "spend": "spent", "stand": "stood", "steal": "stole", "strike": "struck",
    "take": "took", "tell": "told", "think": "thought", "throw": "threw", "win": "won", "withdraw": "withdrew",
    "write": "wrote",
}  # fmt: skip
STRESSED_LAST = frozenset("admit commit compel control forget occur omit permit prefer quit refer regret submit upset".split())


def doubles_last(verb: str) -> bool:
    """Whether the verb doubles its last consonant before "-ing"/"-ed" ("win" → "winning", "visit" → "visiting")."""
    if verb in STRESSED_LAST:
        return True  # "quit" → "quitting", "admit" → "admitting"
    one_syllable = len(re.findall(r"[aeiouy]+", verb)) == 1
    return one_syllable and bool(re.search(r"(?:^|[^aeiou])[aeiou][bdgklmnprt]$", verb))


def present_participle(verb: str) -> str:
    """ "lose" → "losing", "win" → "winning", "drop" → "dropping", "say" → "saying"."""
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")) and verb != "be":
        return verb[:-1] + "ing"
    return verb + (verb[-1] if doubles_last(verb) else "") + "ing"


def past_tense(verb: str) -> str:
    """ "lose" → "lost", "concede" → "conceded", "drop" → "dropped", "rally" → "rallied"."""
    if verb in IRREGULAR_PAST:
        return IRREGULAR_PAST[verb]
    if verb.endswith("e"):
        return verb + "d"
    if re.search(r"[^aeiou]y$", verb):
        return verb[:-1] + "ied"
    return verb + (verb[-1] if doubles_last(verb) else "") + "ed"


def past_of_participle(participle: str) -> str:
    """A speech cue's "-ing" form in the past tense ("arguing" → "argued", "telling" → "told"); "said" for one the
    speech lexicon does not know."""
    lemma = SPEECH_FORMS.get(participle.lower())
    return past_tense(lemma) if lemma else "said"
