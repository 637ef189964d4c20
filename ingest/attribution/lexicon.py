"""Words the attribution rules know, shared by several steps.

The speech-verb lexicon (lemmas inflected into ``SPEECH_FORMS``), verbs and
nouns that report speech through a message, role nouns that stand for a named
person, pronoun and honorific gender sets, and the subject dependency labels.
A leaf: it imports nothing from the package.
"""

from __future__ import annotations

_SPEECH_LEMMAS = """
say tell add stress claim warn insist note argue state announce write ask explain
accuse deny urge report affirm convey indicate describe declare respond reply
suggest admit acknowledge assert contend maintain predict promise vow pledge tweet
post recall remark comment observe conclude complain boast joke quip shout yell
scream chant cry concede confirm emphasize emphasise charge allege testify proclaim
mention reiterate repeat counter retort lament demand wonder caution inform tout
praise criticize criticise blast slam dismiss label brand dub term characterize
decry mock quote cite read hint signal disclose reveal hail thank question
speak recount lecture advise answer agree apologize apologise acknowledge
recommend propose threaten brag exclaim muse scoff sneer snap fume rail rant
insist opine reason continue told elaborate clarify summarize summarise
call name sing point retaliate bark chime interject publish
""".split()

_IRREGULAR = {
    "say": ["said", "says", "saying"],
    "tell": ["told", "tells", "telling"],
    "write": ["wrote", "written", "writes", "writing"],
    "speak": ["spoke", "spoken", "speaks", "speaking"],
    "read": ["reads", "reading"],
    "cry": ["cried", "cries", "crying"],
    "reply": ["replied", "replies", "replying"],
    "testify": ["testified", "testifies", "testifying"],
    "quip": ["quipped", "quips", "quipping"],
    "admit": ["admitted", "admits", "admitting"],
    "deny": ["denied", "denies", "denying"],
    "dub": ["dubbed", "dubs", "dubbing"],
    "brag": ["bragged", "brags", "bragging"],
    "snap": ["snapped", "snaps", "snapping"],
    "clarify": ["clarified", "clarifies", "clarifying"],
    "rant": ["ranted", "rants", "ranting"],
}


def _inflect(lemma: str) -> set[str]:
    if lemma in _IRREGULAR:
        return {lemma, *_IRREGULAR[lemma]}
    forms = {lemma}
    if lemma.endswith("e"):
        forms |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    elif lemma.endswith("y") and lemma[-2] not in "aeiou":
        forms |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms |= {lemma + "es", lemma + "ed", lemma + "ing"}
    else:
        forms |= {lemma + "s", lemma + "ed", lemma + "ing"}
    return forms


SPEECH_FORMS: dict[str, str] = {f: lem for lem in _SPEECH_LEMMAS for f in _inflect(lem)}
# forms that are too often not speech when used with a clausal complement
_WEAK_INDIRECT = {
    "continue",
    "read",
    "question",
    "thank",
    "praise",
    "answer",
    "agree",
    "quote",
    "cite",
    "describe",
    "call",
    "name",
    "sing",
    "point",
    "publish",
    "called",
    "named",
    "calls",
    "names",
    "points",
    "pointed",
}
# verbs that report speech through their object: "issued a statement", "put it"
_MESSAGE_VERBS = frozenset(
    "issue issued issues issuing release released releases put puts putting send sent sends "
    "post posted posts tweet tweeted make made gave give offered offer".split()
)

# nouns naming a message; "Aliyev's message stressed ..." -> speaker Aliyev
_MESSAGE_NOUNS = frozenset(
    "message statement letter tweet tweets post remarks remark comments comment speech "
    "words interview release memo email e-mail note op-ed editorial column report "
    "announcement testimony response reply account accounts ad ads video document filing "
    "lawsuit complaint brief motion transcript "
    "".split()
)
# role nouns that stand for a person named elsewhere ("the senator")
_ROLE_TITLES: dict[str, set[str]] = {
    "president": {"president", "pres", "pres."},
    "senator": {"sen", "sen.", "senator"},
    "congressman": {"rep", "rep.", "congressman", "representative"},
    "congresswoman": {"rep", "rep.", "congresswoman", "representative"},
    "governor": {"gov", "gov.", "governor"},
    "mayor": {"mayor"},
    "secretary": {"secretary"},
    "minister": {"minister"},
    "candidate": set(),
    "nominee": set(),
    "billionaire": set(),
    "businessman": set(),
    "businesswoman": set(),
    "senior": set(),
    "leader": {"leader"},
    "chairman": {"chairman"},
    "chairwoman": {"chairwoman"},
    "speaker": {"speaker"},
    "judge": {"judge"},
    "general": {"gen", "gen.", "general"},
    "ambassador": {"ambassador"},
    "pope": {"pope"},
    "king": {"king"},
    "queen": {"queen"},
    "prime": {"prime"},
    "premier": {"premier"},
    "chancellor": {"chancellor"},
    "lawmaker": set(),
    "democrat": set(),
    "republican": set(),
    "frontrunner": set(),
    "front-runner": set(),
    "mogul": set(),
    "official": set(),
    "former": set(),
    "vice": {"vice"},
    "woman": set(),
    "man": set(),
    "attorney": {"attorney"},
    "lawyer": set(),
    "director": {"director"},
    "spokesman": set(),
    "spokeswoman": set(),
    "host": set(),
    "author": set(),
    "professor": {"professor", "prof", "prof."},
    "sheriff": {"sheriff"},
    "commissioner": {"commissioner"},
}
_MALE = frozenset({"he", "him", "his", "himself"})
_FEMALE = frozenset({"she", "her", "hers", "herself"})
_PLURAL = frozenset({"they", "them", "we", "their"})
_NEUTER = frozenset({"it"})
_PRONOUNS = _MALE | _FEMALE | _PLURAL | _NEUTER | {"i", "you", "who"}
_FEMALE_HON = frozenset(
    {"mrs", "mrs.", "ms", "ms.", "miss", "congresswoman", "chairwoman", "spokeswoman", "queen", "princess", "lady", "dame"}
)
_MALE_HON = frozenset({"mr", "mr.", "congressman", "chairman", "spokesman", "king", "prince", "sir", "lord"})

_SUBJ_DEPS = ("nsubj", "nsubjpass", "csubj")
