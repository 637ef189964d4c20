"""Name cleaning and merging for speaker resolution.

"Mr. Trump" / "Trump" / "Donald J. Trump" all refer to one person; an article
normally introduces a person once with the full name and then uses the surname.
`NameIndex` keeps the person names seen in an article (in order) and maps a
short or titled mention to the fullest compatible name.

`speaker_names` decides what a speaker name may be listed as: a person (titles
and affiliations dropped: "Meta CEO Mark Zuckerberg" -> "Mark Zuckerberg") or a
body (organisation, group, place as its government), read by spaCy NER; an
event, a product, a generic noun ("the company", "officials") or a fragment
gives None.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING

from ingest.attribution.lexicon import (
    _BODY_NOUNS,
    _CALENDAR_WORDS,
    _LEAD_WORDS,
    _MESSAGE_NOUNS,
    _OF_NOUNS,
    _PAGE_WORDS,
    _PERSON_ENDINGS,
    _PERSON_NOUNS,
    _QUESTION_OPENERS,
    _ROLE_TITLES,
    _STATE_ABBREVIATIONS,
    _STATE_NAMES,
    _STATE_POSTAL,
    _STORM_WORDS,
    _THING_WORDS,
    _UNSPECIFIC,
)
from ingest.language import MODEL_NAME, PipelineView, pipeline_view

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc, Span, Token

# Honorifics and job titles that may precede a name ("Sen. Ted Cruz",
# "President Barack Obama"); they are not part of the name.
TITLES: frozenset[str] = frozenset(
    t.lower()
    for t in (
        "Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Prof. Sir Dame Lord Lady Rev Rev. Fr Fr. "
        "Sen Sen. Senator Rep Rep. Representative Gov Gov. Governor Lt Lt. Gen Gen. General "
        "Col Col. Capt Capt. Maj Maj. Sgt Sgt. Adm Adm. Cmdr Cmdr. Pres Pres. President "
        "Vice Secretary Sec Sec. Minister Prime Chancellor Judge Justice Chief Speaker Mayor "
        "Ambassador Attorney Commissioner Congressman Congresswoman Councilman Councilwoman "
        "Pope King Queen Prince Princess Sheikh Rabbi Bishop Cardinal Father Sister Brother "
        "Former Ex Candidate Nominee Leader Chairman Chairwoman Chair Director Professor "
        "Officer Detective Sheriff Deputy State Assemblyman Assemblywoman Delegate Lawmaker "
        "Democrat Republican Democratic Sens. Reps. Gov.-elect Premier Foreign Defense Defence "
        # a local paper's descriptors: "Resident Angela Ruiz" was listed as a speaker, title and all (an outside try)
        "Resident Supervisor Superintendent Trustee Alderman Alderwoman Councilmember Treasurer Comptroller Inspector"
    ).split()
)
_SUFFIXES = frozenset({"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"})
# a relative named in apposition: "His son, Beau Biden", "her husband Bill Clinton", "Trump's late brother, Fred Trump"
_KIN_BEFORE = re.compile(
    r"\b(?:(?i:his|her|their|whose)|[A-Z][\w'’.-]*['’]s?)\s+(?:(?:late|eldest|oldest|youngest|older|younger|only|adult)\s+)?"
    r"(?:son|sons|daughter|daughters|wife|husband|brother|sister|father|mother|grandson|granddaughter|nephew|niece|"
    r"uncle|aunt|cousin|widow|widower|stepson|stepdaughter)\s*,?\s*$"
)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
# A party affiliation written after a lawmaker's name ("Schumer, D-N.Y.", "Graham, R-S.C.",
# "Laura Sturgeon D-Brandywine West"): no part of the name
_AFFILIATION = re.compile(r"^\(?[DRI]-[A-Z]")


# a day or month set before a name by the sentence, not a first name ("But Monday Daniel Lopez, the deputy
# communications director, said …" listed "Monday Daniel Lopez" as a speaker: a reader's try); not the months that
# are first names too (April, May, June, July, August)
_DAY_BEFORE_A_NAME = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march september october november december".split()
)

_BEFORE_A_NAME = TITLES | _DAY_BEFORE_A_NAME  # (clean_name runs for every mention: the union made once)


def clean_name(name: str) -> str:
    """Strip possessive, leading titles, affiliations and stray punctuation: "Sen. Ted Cruz's" -> "Ted
    Cruz", "Laura Sturgeon D-Brandywine West" -> "Laura Sturgeon". A title after a place or an employer
    stays ("South Carolina Gov. Nikki Haley"): the speaker is shown as the article describes them and
    listed by the name alone (`speaker_names`)."""
    name = _POSSESSIVE.sub("", name.strip()).strip(" ,.;:-—–\"“”‘’'()")
    parts = name.split()
    while len(parts) > 1 and (parts[0].lower() in _BEFORE_A_NAME or _AFFILIATION.match(parts[0])):
        parts.pop(0)
    cut = next((i for i, w in enumerate(parts) if i and _AFFILIATION.match(w)), None)
    if cut:
        parts = parts[:cut]
    return " ".join(parts).strip(" ,")


def lead_off(words: list[str], question: bool, after_place: bool = False) -> list[str]:
    """A person's name without the words a sentence may set before it: a party affiliation ("R-S.C.
    Graham"), after a place the state it is in ("Kiawah Island, S.C. Haley told reporters", "Greenville,
    SC Haley", "Houston, Texas Haley"; else "N.C." may be initials: "N.C. Wyeth"), and in a question the
    modal that opens it ("Will Nikki Haley drop out?")."""
    while len(words) > 1:
        if after_place and (n := _state_words(words)) and len(words) > n:
            words = words[n:]
        elif (_AFFILIATION.match(words[0]) and words[0].endswith(".")) or (question and words[0].lower() in _QUESTION_OPENERS):
            words = words[1:]
        else:
            break
    return words


def _state_words(words: list[str]) -> int:
    """How many of the first `words` name a US state before a name: an abbreviation before a capitalised word
    ("S.C. Haley", "SC Haley", "Calif. Newsom"; "Iowa voters" are the state's) or a name before a lone surname
    ("Texas Haley", "New Hampshire Haley"). Not before a title (the state of "Texas Gov. Greg Abbott" is the
    title's), a body ("Michigan Democrats", "New York City Transit") or a day ("New Hampshire Monday")."""
    if (words[0].lower() in _STATE_ABBREVIATIONS or words[0] in _STATE_POSTAL) and words[1][:1].isupper():
        return 1
    for n in (2, 1):
        if len(words) == n + 1 and " ".join(words[:n]).lower() in _STATE_NAMES:
            last = words[n].lower()
            if words[n][:1].isupper() and not last.endswith("s") and last not in TITLES and last not in _CALENDAR_WORDS:
                return n
    return 0


def name_key(name: str) -> str:
    """The surname used to merge mentions (last token, ignoring Jr./III)."""
    parts = [p for p in clean_name(name).split() if p.lower().strip(",") not in _SUFFIXES]
    return parts[-1].lower().strip(".,") if parts else ""


def _person_start(words: list[str]) -> int:
    """Where the person's name starts, after a title set behind a place ("South Carolina Gov. Nikki Haley": 3),
    when a first name and a surname follow it ("Martin Luther King Jr." has no title)."""
    titled = [
        i
        for i, w in enumerate(words)
        if w.lower() in TITLES and sum(x.lower().strip(".,") not in _SUFFIXES for x in words[i + 1 :]) >= 2
    ]
    return titled[-1] + 1 if titled else 0


def _first(name: str) -> str:
    """The first word of the person's name ("South Carolina Gov. Nikki Haley" -> "nikki"): the place is no
    first name, and "Nikki Haley" is the same person."""
    words = name.split()
    return words[_person_start(words)].lower()


# A title whose object is a place or body, just before a name: "Ambassador to ", "Secretary of the "
_TITLE_OBJECT = re.compile(r"\b([A-Z][\w.-]*) (?:to|of|for) (?:the )?$")
_OBJECT_LABELS = frozenset({"GPE", "LOC", "NORP", "ORG", "FAC"})


def after_title(text: str, start: int, name: str) -> str:
    """`name` (at `start` in `text`) without the place or body that ends the title before it, which the
    parse ran into the name: "Former U.S. Ambassador to Ukraine Nikki Haley" gave "Ukraine Nikki Haley",
    "Estonian Ambassador to the US Kristjan Prikk" gave "US Kristjan Prikk"."""
    words = name.split()
    title = _TITLE_OBJECT.search(text, max(0, start - 80), start) if len(words) > 2 else None
    if title is None or title.group(1).lower().strip(".") not in {t.strip(".") for t in _ROLES}:
        return name
    return _after_title_words(title.group(0), name)


@lru_cache(maxsize=4096)
def _after_title_words(head: str, name: str) -> str:
    """`after_title` once the title before the name is found (`head`: "Ambassador to "). Remembered: an article
    naming one person a thousand times asks NER about them once."""
    words = name.split()
    nlp = load_speaker_nlp()
    # NER reading the whole phrase may find the title's object ("Mexico" before "Andrés Manuel López Obrador")
    doc = nlp(head + name + _FRAME)
    ends = {len(head) + len(" ".join(words[:cut])): cut for cut in range(1, len(words) - 1)}
    for ent in doc.ents:
        if ent.label_ in _OBJECT_LABELS and ent.start_char <= len(head) and ent.end_char in ends:
            return " ".join(words[ends[ent.end_char] :])
    for cut in range(len(words) - 2, 0, -1):
        doc = nlp(head + " ".join(words[:cut]) + _FRAME)
        object_ = [t for t in doc[: len(doc) - 2] if t.idx >= len(head)]
        if all(t.ent_type_ in _OBJECT_LABELS for t in object_):
            return " ".join(words[cut:])
    # an object NER does not know ("Commissioner of Public Works Jeff Starkey"): a first name and a
    # surname, with the initials and the Jr. between or after them
    start = len(words) - 2 - (words[-1].lower().strip(".,") in _SUFFIXES)
    while start > 1 and re.fullmatch(r"[A-Z]\.", words[start - 1]):
        start -= 1
    return " ".join(words[max(start, 1) :])


# A namesake named in full this many times as often as any other, and at least so often, is the one a bare surname means
PRINCIPAL_TIMES = 3
PRINCIPAL_LEAST = 4


@dataclass
class NameIndex:
    """Person names of one article in text order, for "fullest name" lookup; given the article's text,
    a name the title before it ran into is taken without the title's place (`after_title`)."""

    text: str = ""
    # (char offset, cleaned name, lowered token set, surname key, first token lower, n tokens)
    names: list[tuple[int, str, frozenset[str], str, str, int]] = field(default_factory=list)
    # each name once (a name an article repeats a thousand times is one candidate, not a thousand), with
    # the offsets it is found at, in order: (cleaned name, lowered token set, surname key, first token, n tokens)
    _forms: list[tuple[str, frozenset[str], str, str, int]] = field(default_factory=list)
    _form_at: dict[str, int] = field(default_factory=dict)  # cleaned name -> index into _forms
    _positions: list[list[int]] = field(default_factory=list)  # per form, its offsets in order
    _by_key: dict[str, list[int]] = field(default_factory=dict)  # surname -> indexes into _forms
    _by_first: dict[str, list[int]] = field(default_factory=dict)  # first name -> indexes into _forms
    _cache: dict[str, str] = field(default_factory=dict)  # unambiguous resolutions
    _alias: dict[str, str] = field(default_factory=dict)  # "Ukraine Nikki Haley" -> "Nikki Haley"
    _kin: dict[int, int] = field(default_factory=dict)  # form → where it was named as someone's relative ("His son, …")

    def add(self, pos: int, name: str) -> None:
        cleaned = clean_name(name)
        if self.text and cleaned:
            at = self.text.find(cleaned, pos, pos + len(name) + 1)
            person = after_title(self.text, at, cleaned) if at >= 0 else cleaned
            if person != cleaned:
                self._alias[cleaned] = person
                pos, cleaned = pos + len(cleaned) - len(person), person
        if not cleaned or not cleaned[0].isupper() or cleaned.split()[-1].lower() in _THING_WORDS:
            return  # "Trump Tower", "World Cup" are no fuller names of Trump or of anyone
        toks = cleaned.split()
        entry = (pos, cleaned, frozenset(t.lower().strip(".") for t in toks), name_key(cleaned), _first(cleaned), len(toks))
        form = self._form_at.get(cleaned)
        if form is None:
            form = self._form_at[cleaned] = len(self._forms)
            self._forms.append(entry[1:])
            self._positions.append([])
            self._by_key.setdefault(entry[3], []).append(form)
            self._by_first.setdefault(entry[4], []).append(form)
            if self.text and _KIN_BEFORE.search(self.text, max(0, pos - 40), pos):
                self._kin[form] = pos
        bisect.insort(self._positions[form], pos)
        self.names.append(entry)
        self._cache.clear()

    def only_as_kin(self, form: int, pos: int | None) -> bool:
        """Whether the form, given somewhere as someone's relative, is named up to `pos` nowhere else (the places the
        recognizer reports and `pos` are not always of one text, so a form not yet seen there counts as such)."""
        named_at = self._kin.get(form)
        if named_at is None:
            return False
        before = (
            self._positions[form][: bisect.bisect_right(self._positions[form], pos)] if pos is not None else self._positions[form]
        )
        return all(at == named_at for at in before)

    def principal(self, forms: list[int]) -> list[str]:
        """The full names (forms of two words or more) of the person the article names in full at least
        PRINCIPAL_TIMES as often as any other of `forms`, and PRINCIPAL_LEAST times; none when no one stands out."""
        named: dict[str, int] = {}
        for k in forms:
            if self._forms[k][4] > 1:
                first = self._forms[k][3]
                named[first] = named.get(first, 0) + len(self._positions[k])
        if len(named) < 2:
            return []
        ranked = sorted(named.items(), key=lambda item: item[1], reverse=True)
        (top, times), (_, runner_up) = ranked[0], ranked[1]
        if times < PRINCIPAL_LEAST or times < PRINCIPAL_TIMES * runner_up:
            return []
        return [self._forms[k][0] for k in forms if self._forms[k][4] > 1 and self._forms[k][3] == top]

    def resolve(self, name: str, pos: int | None = None, fits: Callable[[str], bool | None] | None = None) -> str:
        """Fullest name in the article compatible with `name`.

        Compatible = same surname and the mention's tokens are a subset of the
        candidate's (so "Bill Clinton" never becomes "Hillary Clinton"); a
        lone first name ("Hillary") matches a full name starting with it.
        When several people share the surname, the one mentioned most
        recently before `pos` wins (the article is talking about that one).
        With `fits` (True: the name fits the mention, False: it cannot, None: nothing tells), never a name it
        refuses: "Mrs. Clinton" is no "Bill Clinton". When it refuses one and accepts none outright, the name as
        written: "Mr. Obama" beside "Michelle Obama" is "Obama", not another full name the rest leave ("Obama Speech",
        the entity recognizer's reading of a video caption).
        """
        if fits is not None:
            return self._resolve(name, pos, fits)
        if name in self._cache:
            return self._cache[name]
        return self._resolve(name, pos, None)

    def _resolve(self, name: str, pos: int | None, fits: Callable[[str], bool | None] | None) -> str:
        cleaned = clean_name(name)
        if not cleaned:
            return name
        cleaned = self._alias.get(cleaned, cleaned)
        toks = cleaned.split()
        key = name_key(cleaned)
        # a titled mention ("South Carolina Gov. Nikki Haley") is compatible with the name alone
        person = toks[_person_start(toks) :]
        lowered = {t.lower().strip(".") for t in person}
        forms: list[int] = []
        for k in self._by_key.get(key, ()):
            _, clow, _, _, n = self._forms[k]
            if n >= len(person) and lowered <= clow:
                forms.append(k)
        if len(toks) == 1:
            for k in self._by_first.get(toks[0].lower(), ()):
                _, _, ckey, _, n = self._forms[k]
                if n > 1 and ckey != key:
                    forms.append(k)
        if len(person) == 1:
            # a bare surname is not a relative the article named by kinship: "Biden says …" after "His son, Beau Biden
            # died of brain cancer" was quoted as Beau Biden's, nine years after his death (an outside try). His first
            # name still finds him ("Beau"), and a relative named again in full is a candidate as any name is ("Her
            # husband, Bill Clinton … Bill Clinton spoke with voters … Clinton said")
            kept = [k for k in forms if not (self._forms[k][2] == key and self.only_as_kin(k, pos))]
            # what is left out depends on `pos`: such a resolution is not remembered for other places
            remember = len(kept) == len(forms)
            forms = kept
        else:
            remember = True
        if fits is not None:
            verdicts = {k: fits(self._forms[k][0]) for k in forms}
            if False in verdicts.values() and True not in verdicts.values():
                return cleaned
            forms = [k for k in forms if verdicts[k] is not False]
        if not forms:
            return cleaned
        # in the order the article names them, so that a tie goes to the first named, whatever the hash seed ("Tom"
        # was "Tom Carper" in one run and "Tom Capano" in the next: max over a set of strings took either)
        distinct = [self._forms[k][0] for k in sorted(forms, key=lambda k: (self._positions[k][0], self._forms[k][0]))]

        def fullness(cand: str) -> tuple[bool, int, int, int]:
            # "Trump" is "Donald Trump" before "Donald Trump Jr": a Jr./III the mention lacks is another person
            words = cand.split()
            unasked = any(t.lower().strip(".,") in _SUFFIXES and t.lower().strip(".,") not in lowered for t in words)
            # the fullest name, then the one with the fewest words before it ("Nikki Haley", not "South
            # Carolina Gov. Nikki Haley" nor "Since President Joe Biden", when the article gives it)
            start = _person_start(words)
            return (not unasked, len(words) - start, -start, len(cand))

        firsts = {_first(c) for c in distinct if len(c.split()) > 1}
        if len(firsts) <= 1 and len({name_key(c) for c in distinct}) <= 1:
            best = max(distinct, key=fullness)
            if fits is None and remember:
                self._cache[name] = best
            return best
        nearest: list[str] = []
        latest = -1
        if pos is not None:
            # several people share the surname: prefer the most recent before pos
            # each name at its latest offset up to pos, the latest first
            before = []
            for k in forms:
                c = self._forms[k][0]
                seen = bisect.bisect_right(self._positions[k], pos)
                if seen and len(c.split()) > 1:
                    before.append((self._positions[k][seen - 1], c))
            if before:
                before.sort(reverse=True)
                latest, first = before[0][0], _first(before[0][1])
                # the most recently named first, so that of two as full ("Tom Capano", "Tom Carper") the nearer wins
                nearest = [c for _, c in before if _first(c) == first]
        # a bare surname a paragraph or more from the last namesake named is the article's principal one, whom it names
        # in full far more often than the others: a live blog's "Biden said" after "guests invited by First Lady Jill
        # Biden" is the president's (AP style names the secondary namesake in full each time); in the paragraph that
        # names one, that one ("Bill Clinton spoke with voters … Clinton said")
        # (a search that stops at the first line end, not a copy of all the text between: a 1 MB body resolves often)
        same_paragraph = bool(nearest) and bool(self.text) and pos is not None and self.text.find("\n", latest, pos) == -1
        if len(person) == 1 and not same_paragraph and (principal := self.principal(forms)):
            return max(principal, key=fullness)
        if nearest:
            return max(nearest, key=fullness)
        return max(distinct, key=fullness)


def canonical_map(names: list[str]) -> dict[str, str]:
    """Map each name to the fullest compatible name in the list."""
    idx = NameIndex()
    for i, n in enumerate(names):
        idx.add(i, n)
    return {n: idx.resolve(n) for n in names}


# --- what a speaker name may be listed as ----------------------------------------------------

_SPEAKER_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})  # NORP: "Republicans"; GPE: "Russia said"
# the last word of a newspaper's, magazine's, network's or wire's name ("The Powell Tribune reports …", "the
# Associated Press reported", "Fox News"): a publication tells what others said, it is no speaker
_MASTHEADS = frozenset(
    "tribune star-tribune times times-picayune journal gazette herald chronicle register dispatch inquirer "
    "courier observer sentinel bulletin telegraph newspaper magazine news mail".split()
)
# ... and two that are surnames too ("Jessica Post"): a publication's only after a place ("Denver Post", "Idaho
# Press") or these words
_SURNAME_MASTHEADS = frozenset({"post", "press"})
_MASTHEAD_LEADS = frozenset("associated free daily pioneer capital evening morning sunday".split())
# networks and wires known by their letters ("CNN reported", "according to Reuters")
_OUTLETS = frozenset("cnn msnbc cbs nbc abc bbc npr pbs ap afp reuters politico axios".split())
# trailing words a parse may glue to a name ("Trump Wednesday")
_WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
_QUOTE_MARKS = frozenset('"“”„«»')
_FRAME = " said."  # a name is read as the subject of a speech verb, as it was found
# Roles that precede a name ("Quarterback Josh Allen", "Superintendent Bob Andrzejewski"), besides TITLES
_ROLES = TITLES | frozenset(
    "acting administrator analyst archbishop assistant associate auditor captain ceo cfo chief coach "
    "commander coordinator councilmember councilor executive founder inspector interim manager meteorologist "
    "climatologist owner pastor patriarch principal prosecutor quarterback secretary-general senior "
    "superintendent supervisor treasurer trooper warden writer countess duke duchess st st. saint".split()
)


@lru_cache(maxsize=1)
def load_speaker_nlp() -> PipelineView:
    """The shared pipeline with its NER (``load_nlp`` leaves it out): reads speaker names, a few
    words each."""
    return pipeline_view("lemmatizer", "attribute_ruler")


@lru_cache(maxsize=1)
def _known_words() -> frozenset[str]:
    """The words the model came with (its string store before it read anything): a capitalised word
    outside them is a name ("Alwaleed"), one inside may be a common noun ("Officials")."""
    import spacy

    return frozenset(
        spacy.load(MODEL_NAME, exclude=["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"]).vocab.strings
    )


@dataclass(frozen=True)
class Speaker:
    """A speaker as the quote index shows and lists it."""

    shown: str  # as the article puts it, page debris trimmed: "New Jersey Gov. Chris Christie", "a German user"
    listed: str  # the person or body alone, for the speaker list: "Chris Christie"; "" for someone unnamed


def speaker_names(names: Iterable[str], nlp: spacy.Language | None = None) -> dict[str, Speaker | None]:
    """What each speaker name is: a named person or body, someone the article describes without a
    name, or no speaker at all (None).

    A person is listed by the name alone ("FIFA President Gianni Infantino" -> "Gianni Infantino",
    "But Murphy" -> "Murphy"); an organisation, group or government by its name ("CDC",
    "Republicans", "Russia", "Amazon's security team"). One person described, not named ("a
    longtime adviser to both Clintons", "Hamlin's uncle"), is shown but not listed. Events, places,
    products and dates ("World Cup", "South America"), generic nouns ("The company", "Officials",
    "The report") and fragments ("Don't Say Gay” bill") are no speaker. Each name is read by spaCy
    (tagger, parser, NER) as the subject of "said", the frame it was found in."""
    out: dict[str, Speaker | None] = {}
    frames: dict[str, str] = {}
    for name in dict.fromkeys(names):
        words = _trimmed(name)
        if words is None:
            out[name] = None
        else:
            frames[name] = words
    if frames:
        nlp = nlp or load_speaker_nlp()
        unique = list(dict.fromkeys(frames.values()))
        read = {words: _read(doc, nlp) for words, doc in zip(unique, nlp.pipe([w + _FRAME for w in unique], batch_size=64))}
        for name, words in frames.items():
            listed = read[words]
            if listed and words.lower().startswith("the ") and listed in words[4:]:
                words = words[4:]  # "The Biden": a person is not "the" anyone
            if listed and " " in words:
                # "Will Nikki Haley", "R-S.C. Graham": a modal opening a question or an affiliation
                # before the person listed is shown without it ("Will Hurd" is a name)
                first, rest = words.split(" ", 1)
                question = len(rest.split()) > 1  # "Can Dündar" is a name, "Will Nikki Haley" no longer one
                if listed == rest and lead_off([first, *rest.split()], question=question) == rest.split():
                    words = rest
            out[name] = None if listed is None else Speaker(shown=words, listed=listed)
    return out


def entity_labels(names: Iterable[str], nlp: spacy.Language | None = None) -> dict[str, str]:
    """spaCy NER's label for each name read as the subject of "said" ("World Cup" -> EVENT,
    "Amnesty International" -> ORG, "Bernie Sanders" -> PERSON); "" when NER sees no entity in its last
    word.  Alone, NER often takes a person for an organisation ("Carly Fiorina said." is ORG to it)."""
    unique = list(dict.fromkeys(names))
    if not unique:
        return {}
    nlp = nlp or load_speaker_nlp()
    labels = {}
    for name, doc in zip(unique, nlp.pipe([n + _FRAME for n in unique], batch_size=64)):
        last = doc[len(doc) - 3] if len(doc) >= 3 else doc[0]
        labels[name] = last.ent_type_
    return labels


def _trimmed(name: str) -> str | None:
    """The name without possessive, edge punctuation, page debris ("Video Ad Feedback China"),
    leading function words ("But Murphy") and trailing days ("Trump Wednesday"); after a quote mark
    only what follows it ('this,"Katie Packer'); None when nothing of a name is left, for a
    photo credit ("Name/Agency") or for words over a line end (a byline and the heading after it)."""
    if "\n" in name.strip():
        # a reporter's sign-off run into the heading after it ("— Ian Lenahan\n\nWrite-in Biden supporter makes
        # point …" gave "Ian Lenahan\n\nWrite-in Biden"): no name runs over a line end
        return None
    name = " ".join(name.split())
    if "/" in name:
        return None  # a photo credit ("Stefan Rousseau/PA Images/Getty Images"), not who spoke
    marks = [i for i, ch in enumerate(name) if ch in _QUOTE_MARKS]
    if marks:
        name = name[marks[-1] + 1 :]
    name = _POSSESSIVE.sub("", name).strip(" ,.;:-—–‘’'()[]")
    if not any(ch.isupper() for ch in name):
        return None
    words = name.split()
    credit = [i for i, w in enumerate(words[:-1]) if w.lower() in _PAGE_WORDS]
    if credit:
        words = words[credit[-1] + 1 :]  # "Owusu Courtesy Mercy Owusu": a caption's credit, then the name
    while len(words) > 1 and words[0].lower().strip(",") in _LEAD_WORDS:
        words.pop(0)
    while len(words) > 1 and words[-1].lower().strip(",.") in _WEEKDAYS | {"prev", "next"}:
        words.pop()
    if _AFFILIATION.match(words[0]):
        if len(words) == 1 or not words[0].endswith("."):
            return None  # "D-N.Y", "D-Rehoboth Beach": a lawmaker's party and home, not who spoke
        words = words[1:]  # "R-S.C. Graham"
    affiliation = next((i for i, w in enumerate(words) if _AFFILIATION.match(w)), None)
    if affiliation:
        words = words[:affiliation]  # "Sen. Laura Sturgeon D-Brandywine West"
    return " ".join(words).strip(" ,")


def _without_roles(words: list[str]) -> str:
    """A person's name without the roles and affiliations before it ("Quarterback Josh Allen", "R-S.C.
    Graham")."""
    while len(words) > 1:
        if words[0].lower() in _ROLES:
            words = words[1:]
        elif (rest := lead_off(words, question=False)) != words:
            words = rest
        else:
            break
    return " ".join(words)


def _publication(head: Token, span: Span, nlp: spacy.Language) -> bool:
    """Is the phrase a publication's name ("The Powell Tribune", "Fox News", "Washington Post"), which tells what
    others said and says nothing itself? Not a person named so ("Jessica Post")."""
    if not head.text[:1].isupper():
        return False
    if head.lower_ in _OUTLETS and all(t.i == head.i or t.lower_ == "the" for t in span):
        return True
    if head.lower_ in _MASTHEADS:
        # alone, as a second mention ("the Tribune reported"); news and mail alone are no paper's name
        return head.i > span.start or head.lower_ not in ("news", "mail")
    if head.i == span.start:
        return False
    if head.lower_ not in _SURNAME_MASTHEADS:
        return False
    before = [t.text for t in span if t.i < head.i and t.lower_ != "the"]
    return bool(before) and (before[-1].lower() in _MASTHEAD_LEADS or _place_only(before, nlp))


def _is_person_noun(token: Token) -> bool:
    word = token.lower_
    if token.tag_ != "NN" or word in _BODY_NOUNS or word in _MESSAGE_NOUNS or word in _THING_WORDS:
        return False
    return word in _PERSON_NOUNS or word in _ROLE_TITLES or word.endswith(_PERSON_ENDINGS)


def _place_only(words: list[str], nlp: spacy.Language) -> bool:
    """Are these words a place or a people and nothing else ("Oregon", "New Castle County", "Chinese")?"""
    if not words or len(words) > 4:
        return False
    doc = nlp("The people of " + " ".join(words) + " voted.")
    return all(t.ent_type_ in ("GPE", "NORP", "LOC") for t in doc[3:-2])


# plural nouns for people seen standing alone as speakers in news24-dev ("Backers said", "Nominees were announced")
_GROUP_NOUNS = frozenset("backer nominee demonstrator researcher farmer challenger speaker protester organizer".split())


def _generic_people(head: Token, span: Span) -> bool:
    """Is the phrase a plural common noun for people, alone ("Backers", "Nominees", "the Demonstrators")?
    Capitalised at the start of a sentence, NER reads it as a body or a person; a people ("Nashvillians") and
    a plural name the model never met ("Sacklers") are not such nouns."""
    if head.tag_ != "NNS" or any(t.i != head.i and t.lower_ != "the" for t in span) or head.text.isupper():
        return False
    word = head.lower_
    one = word[:-3] + "y" if word.endswith("ies") else word.removesuffix("s")
    # named nouns only, not any "-er"/"-or" word: "Sanders" (sander) is a surname before it is a plural, and
    # read as one it dropped every quote of Bernie Sanders's an article names by surname (45 polnear-dev articles)
    return (one in _PERSON_NOUNS or one in _GROUP_NOUNS) and word in _known_words()


def _read(doc: Doc, nlp: spacy.Language) -> str | None:
    """The listed name of the phrase before "said .", "" for one person described, None for no speaker."""
    span = doc[: len(doc) - 2]
    if not len(span):
        return None
    heads = [t for t in span if t.head.i == t.i or not span.start <= t.head.i < span.end]
    head = heads[-1] if heads else span[-1]
    if head.lower_ in _THING_WORDS or (head.lower_ not in _BODY_NOUNS and any(t.lower_ in _STORM_WORDS for t in span)):
        return None
    if _generic_people(head, span):
        return None  # "Backers said …", "Nominees were announced": whoever they are, NER's ORG names nobody
    unnamed = span[0].lower_ in _UNSPECIFIC or span[0].lower_ == "one"  # "a Republican close to …"
    if all(t.lower_.strip(".") in _ROLES for t in span):
        return None  # "Executive Vice President": a title without its name
    if head.lower_ in _OF_NOUNS and _place_only([t.text for t in span if t.i != head.i and t.lower_ != "the"], nlp):
        return None  # "U.S. Department", "the Oregon Office": a body's name cut before "of …"
    ent = next((e for e in doc.ents if e.start <= head.i < e.end), None)
    if ent is None and head.tag_ in ("NNP", "NNPS"):
        # NER may stop a name short of its last word ("Rosa Icela | Rodríguez")
        ent = next((e for e in doc.ents if e.label_ == "PERSON" and span.start <= e.start and e.end == head.i), None)
        if ent is not None:
            ent = doc[ent.start : head.i + 1]
            ent.label_ = "PERSON"
    if _publication(head, span, nlp):
        return None  # NER reads "Powell Tribune", "Salt Lake Tribune" as people
    if ent is not None and ent.label_ == "PERSON":
        start, end = max(ent.start, span.start), min(ent.end, span.end)
        # NER often leaves an unknown first name out ("Sadé Truiett" -> "Truiett"): a surname alone
        # takes the capitalised words before it that are no role, function word or other entity
        if sum(doc[i].lower_.strip(".") not in _SUFFIXES for i in range(start, end)) == 1:
            while (
                start > span.start
                and doc[start - 1].tag_ in ("NNP", "NNPS")
                and doc[start - 1].text[:1].isupper()
                and doc[start - 1].lower_ not in _ROLES
                and doc[start - 1].ent_type_ in ("", "PERSON")
            ):
                start -= 1
        return _without_roles(_words(doc[start:end])) or None
    if ent is not None and ent.label_ in _SPEAKER_LABELS:
        if unnamed:
            return "" if ent.label_ == "NORP" and head.tag_ == "NNP" else None  # "a Republican close to …"
        if (
            ent.label_ == "ORG"
            and ent.start > span.start
            and doc[ent.start - 1].lower_ in _ROLES
            and all(t.tag_ == "NNP" and t.text[:1].isupper() and t.lower_ not in _BODY_NOUNS for t in ent)
        ):
            return ent.text  # "S.C. Governor Nikki Haley": NER took the person after a title for a body
        start = ent.start
        # an affiliation before an organisation stays ("CNN affiliate WHAM"), role words do not
        while start > span.start and doc[start - 1].tag_ in ("NNP", "NNPS"):
            start -= 1
        words = _words(doc[start : span.end])
        while len(words) > 1 and not words[0][:1].isupper():
            words.pop(0)  # "utility tracker PowerOutage.us"
        if all(w.lower() in _BODY_NOUNS or w.lower() == "the" for w in words):
            return None  # "The Department", "The Agency": which one, the reader cannot tell
        return _without_article(" ".join(words))
    if ent is not None:
        return None  # an event, place, product, date, work, law, number
    # a role names nobody ("Editor" of "Editor's Note", "Capt." cut from its name, "Attorneys for the company")
    role = head.lower_.strip(".").removesuffix("s") in _ROLES | _PERSON_NOUNS | _ROLE_TITLES.keys()
    if head.tag_ in ("NNP", "NNPS") and head.text[:1].isupper() and head.lower_ not in _BODY_NOUNS and not unnamed and not role:
        if len(span) == 1 and head.text.isupper() and head.lower_ in _known_words():
            return None  # a word in capitals, a label of the page ("WINNER: …"), not an acronym NER knows
        # a name NER does not know ("O'Byrne"), from its first capitalised word ("utility tracker X")
        words = _words(span)
        while len(words) > 1 and not words[0][:1].isupper():
            words.pop(0)
        return _without_roles(words) or None
    named = any(
        t.i != head.i and (t.ent_type_ in _SPEAKER_LABELS or (t.tag_ in ("NNP", "NNPS") and not t.ent_type_))
        for t in head.subtree
        if t in span
    )  # a name, a party, a place; a date is none ("their July 7 party")
    if head.lower_ in _BODY_NOUNS and named and not unnamed:
        return _without_article(span.text)  # "the Ukrainian government", "Grinnell police"
    if len(span) == 1 and head.text[:1].isupper() and head.lower_ not in _known_words():
        return head.text  # a name the model never met, tagged as a noun at the start of a sentence ("Alwaleed")
    if _is_person_noun(head) and named:
        # one person the article describes by a name, a party, a place: "a longtime adviser to both
        # Clintons", "Hamlin's uncle", "a German user"; "The father", "His wife" describe nobody here
        return ""
    return None


def _words(span: Span) -> list[str]:
    """The words of a span as the text writes them: "Linda Thomas-Greenfield", not "Linda Thomas - Greenfield"."""
    return span.text.split()


def _without_article(name: str) -> str:
    """A body named with or without "the" is one speaker: "The White House" is listed as "White House"."""
    first, _, rest = name.partition(" ")
    return rest if first.lower() == "the" and rest else name
