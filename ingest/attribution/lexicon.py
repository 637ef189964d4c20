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
# verbs whose "to say …" says nothing: "declined to say how long the fund could last" (inflected: no lemmatizer here)
_REFUSING = frozenset(f for lemma in ("decline", "refuse") for f in _inflect(lemma))
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
# what a source keeps or makes, said by its owner: "according to the Des Moines Register's Candidate Tracker" is
# the Register's word ('Tracker' was listed as a speaker), "data from Johns Hopkins University" the university's
_SOURCE_NOUNS = frozenset(
    "analysis calculations count dashboard data database estimate estimates figures forecast index numbers poll "
    "polls projections rankings research review study survey tally tracker".split()
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

# Nouns naming a body: with a name in front they are a speaker ("Amazon's security team", "Grinnell
# police", "the Ukrainian government"); alone ("the company", "the Department") they say nobody.
_BODY_NOUNS = frozenset(
    "academy administration agency army association authority board bureau campaign caucus center centre church coalition college "
    "channel commission committee company council court department division embassy federation firm force forces foundation "
    "government group institute league legislature magazine ministry navy network newspaper office organization organisation "
    "party police parliament regime school senate service station team union university utility".split()
)
# Words that open a sentence or clause but never a name, taken into a speaker by the parse ("But Murphy",
# "What Meadows", "Though Trump", "Does Rubio"); and the words that say the speaker is nobody in
# particular ("a Republican close to …", "another source", "some").
_LEAD_WORDS = frozenset(
    "about after also although and as at because before but by despite did do does during even except "
    "for from had has have here how however if in instead is just later meanwhile moreover now of on once today tonight yesterday "
    "only or since so still then there though through thus to under until was were what when where whether "
    "which while who whom whose why with without yet".split()
)
# Modals that open a yes/no question before its subject ("Will Nikki Haley drop out?", "Will Messi play?"):
# there the word is no first name, though "Will" or "Can" may be one elsewhere ("Will Hurd", "Can Dündar")
_QUESTION_OPENERS = frozenset("can could may might must shall should will would".split())
# AP abbreviations of US states, set after a place or in an affiliation ("Kiawah Island, S.C. Haley told
# reporters"): before a person's name they are no part of it. ("Del." is left out: before a name it is
# a delegate's title, "Del. Joe Jeffries".)
_STATE_ABBREVIATIONS = frozenset(
    "ala. ariz. ark. calif. colo. conn. d.c. fla. ga. ill. ind. kan. kans. ky. la. md. mass. mich. minn. miss. "
    "mo. mont. neb. nev. n.h. n.j. n.m. n.y. n.c. n.d. okla. ore. pa. r.i. s.c. s.d. tenn. tex. vt. va. wash. "
    "w.va. wis. wyo.".split()
)
# ... the postal codes (written in capitals: "Greenville, SC Haley told reporters"; "Del." is in them as "DE")
_STATE_POSTAL = frozenset(
    "AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH NJ NM NY NC ND OH OK "
    "OR PA RI SC SD TN TX UT VT VA WA WV WI WY".split()
)
# ... and the names ("Houston, Texas Haley told reporters"; AP never shortens eight of them: Alaska, Hawaii, Idaho,
# Iowa, Maine, Ohio, Texas, Utah). Not Georgia, Indiana, Virginia and Washington: first names too ("Virginia Foxx").
# A name is the state's only before a lone surname (see `names._state_words`): more often it names a body or a
# title ("Michigan Democrats", "New York City Transit", "South Carolina Fire Chief Stephen Kovalcik") or a day
# follows it ("in Hudson, New Hampshire Monday")
_STATE_NAMES = frozenset(
    "alabama alaska arizona arkansas california colorado connecticut delaware florida hawaii idaho illinois iowa "
    "kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri montana "
    "nebraska nevada ohio oklahoma oregon pennsylvania tennessee texas utah vermont wisconsin wyoming".split()
) | frozenset(
    ("new hampshire", "new jersey", "new mexico", "new york", "north carolina", "north dakota", "rhode island")
    + ("south carolina", "south dakota", "west virginia")
)
_CALENDAR_WORDS = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)
# Last words that make a capitalised phrase a place, an event, a law or a plan, not a person ("Trump
# Tower", "World Cup", "Capital Transportation Plan"), and words that make the name after them a storm ("Tropical Storm Nicole")
_THING_WORDS = frozenset(
    "accord act agreement airport amendment arena avenue awards boulevard bowl championship cup festival games "
    "olympics plan road stadium street tournament tower treaty".split()
)
_STORM_WORDS = frozenset("cyclone hurricane storm typhoon".split())
# Bodies named "<noun> of …": after a place alone the name was cut ("U.S. Department [of Agriculture]",
# "the Oregon Office [of Economic Analysis]", "Chinese Academy [of Social Sciences]")
_OF_NOUNS = frozenset("academy bureau department division institute ministry office".split())
# Page furniture glued to a name by the scrape ("Video Ad Feedback China", "Getty Images Pope Benedict",
# "Benedict XVI Prev")
_PAGE_WORDS = frozenset(
    "ad advertisement caption courtesy credit feedback getty images interviews next photo prev video watch".split()
)
# Nouns naming one person the article does not name ("a longtime adviser to both Clintons", "one P&G
# Amiens employee", "Hamlin's uncle"), with the role nouns above and words ending like "-er", "-ist"
_PERSON_NOUNS = frozenset(
    "actor actress adviser advisor advocate agent aide ally analyst anchor artist athlete attorney aunt author "
    "boy brother businessman businesswoman candidate chair chef child citizen coach colleague columnist cousin "
    "critic daughter delegate deputy detective diplomat doctor donor economist editor employee envoy executive "
    "expert fan father friend girl grandfather grandmother guard husband individual insider investigator "
    "journalist lawyer lawmaker legislator man member mother musician neighbor neighbour nephew niece nurse "
    "observer official operative parent partner person player president principal professor prosecutor "
    "rapper reporter resident scientist secretary senator singer sister son source spokesman spokesperson "
    "spokeswoman staffer star strategist student supporter survivor teacher teen teenager uncle user veteran "
    "victim voter wife witness woman worker".split()
)
_PERSON_ENDINGS = ("er", "or", "ist", "ian", "ee", "man", "woman", "person")
_UNSPECIFIC = frozenset("a an another any both each either every few many more most neither other others several some".split())
