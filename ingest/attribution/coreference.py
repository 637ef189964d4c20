"""Step 4: entities, mentions and what a speaker token refers to.

People and organisations come from spaCy NER when the pipeline has it, else
from proper-noun chains classified by cheap rules (``_entities``).  A subject
token becomes (name, speaker as written, span): pronouns resolve to the most
recent fitting person (gender-checked), role nouns ("the senator") to a person
holding that role, and names merge to the fullest form in the article
(``ingest.attribution.names``).  A person who is only the subject of what
someone else said ("Biden said Putin would not come") stands for no later
"he" or "the president": the one who said it does.
"""

from __future__ import annotations

import bisect
import itertools
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from ingest.attribution.cues import _NOMINAL_TAGS, _inside_parens, _name_chain, _speaker_tokens
from ingest.attribution.lexicon import (
    _BODY_NOUNS,
    _FEMALE,
    _FEMALE_HON,
    _MALE,
    _MALE_HON,
    _MESSAGE_NOUNS,
    _NEUTER,
    _PLURAL,
    _PRONOUNS,
    _ROLE_TITLES,
    _SOURCE_NOUNS,
    _THING_WORDS,
)
from ingest.attribution.names import _AFFILIATION, TITLES, NameIndex, clean_name, entity_labels, lead_off
from ingest.attribution.scanner import Quote
from ingest.attribution.skeleton import Skeleton

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


@dataclass
class _Mention:
    pos: int
    name: str  # canonical-ish (cleaned) name
    label: str  # PERSON / ORG ...
    is_subject: bool
    gender: str  # "m" / "f" / ""


def _gender_of(tok_span: Span) -> str:
    """The gender the article gives the person of this mention: a title ("Mrs. Warren"), a role noun beside the
    name ("Congresswoman Nancy Pelosi", "his wife, Jill Biden") or a pronoun that can only be theirs (learnt in
    `_entities`, see `_gender_evidence`); "" when it gives none."""
    first = tok_span[0].lower_
    prev = tok_span.doc[tok_span.start - 1].lower_ if tok_span.start > 0 else ""
    if first in _FEMALE_HON or prev in _FEMALE_HON:
        return "f"
    if first in _MALE_HON or prev in _MALE_HON:
        return "m"
    return tok_span.doc.user_data.get("ent_gender", {}).get((tok_span.start, tok_span.end), "")


# Role nouns that tell a person's gender when they stand beside the name ("actress Ashley Judd", "Pelosi, the
# chairwoman"), not across "of" or a possessive ("the wife of Trump", "Trump's wife" are someone else)
_FEMALE_ROLES = frozenset(
    "congresswoman chairwoman spokeswoman businesswoman councilwoman assemblywoman actress mother wife daughter "
    "sister grandmother widow girlfriend queen princess duchess empress aunt niece mom stepmother".split()
)
_MALE_ROLES = frozenset(
    "congressman chairman spokesman businessman councilman assemblyman father husband son brother grandfather "
    "widower boyfriend king prince duke emperor uncle nephew dad stepfather".split()
)
# Nouns for a person the article need not name: a pronoun after one may be theirs ("Biden's spokeswoman said she")
_PERSON_NOUNS = frozenset(
    "man woman men women boy girl child kid aide official spokesperson spokesman spokeswoman adviser advisor "
    "lawyer attorney friend colleague wife husband mother father son daughter sister brother partner staffer "
    "reporter journalist doctor judge opponent rival successor predecessor deputy assistant source".split()
)
_PERSON_NOUNS |= frozenset(_ROLE_TITLES)


_OBJECT_DEPS = frozenset({"dobj", "pobj", "dative", "iobj"})


def _gender_evidence(doc: Doc, sk: Skeleton, ents: list[tuple[int, int, str]]) -> dict[tuple[int, int], str]:
    """Genders of person entity spans (outside quotes) that the text tells unambiguously, in one walk of the doc:
    a role noun beside the name, or he/him/his or she/her/hers, outside quotes, after the person in a sentence that
    names no one else and before any other person noun ("Haley … her campaign", "Trump said he would"). A pronoun
    of each gender in one sentence tells nothing."""
    out: dict[tuple[int, int], str] = {}
    people = sorted((a, b) for a, b, label in ents if label == "PERSON" and sk.tok_quote(doc[a]) == -1)
    if not people:
        return out
    for a, b in people:
        g = _role_gender(doc, a, b)
        if g:
            out[(a, b)] = g
    k = 0
    for sent in doc.sents:
        spans = []
        while k < len(people) and people[k][0] < sent.end:
            if people[k][0] >= sent.start:
                spans.append(people[k])
            k += 1
        if not spans or len({_surname(doc, a, b) for a, b in spans}) != 1:
            continue
        said: set[str] = set()
        for t in doc[spans[0][1] : sent.end]:
            if sk.tok_quote(t) != -1:
                continue
            if t.tag_ in ("NN", "NNS") and t.lower_ in _PERSON_NOUNS:
                break  # "Biden's spokeswoman said she": her own
            if t.tag_ == "PRP" and t.dep_ in _OBJECT_DEPS:
                # "Board Chair Linda Hale, who is not related to him": an object is seldom the subject's own self (an
                # outside try had her "he", and her "she said" given to the man she spoke of)
                continue
            if t.lower_ in _MALE:
                said.add("m")
            elif t.lower_ in _FEMALE:
                said.add("f")
        if len(said) == 1:
            g = said.pop()
            for span in spans:
                out.setdefault(span, g)
    return out


def _surname(doc: Doc, a: int, b: int) -> str:
    words = [t.lower_ for t in doc[a:b] if t.lower_ not in ("’s", "'s")]
    return words[-1] if words else ""


def _role_gender(doc: Doc, a: int, b: int) -> str:
    """Gender a role noun beside the name at tokens [a, b) gives: just before it ("Congresswoman Nancy Pelosi",
    "his wife, Jill Biden"), inside it, or in apposition ("Deborah Tamargo, the chairwoman")."""
    near = [doc[i] for i in range(a, b - 1)]  # not the surname: "Carole King"
    if a > 0:
        near.append(doc[a - 1])
        if a > 1 and doc[a - 1].text == ",":
            near.append(doc[a - 2])
    root = doc[a:b].root
    near += [c for c in root.children if c.dep_ == "appos" and not (a <= c.i < b)]
    if root.dep_ == "appos" and root.head.i < a:
        near.append(root.head)
    said = {"f" if t.lower_ in _FEMALE_ROLES else "m" for t in near if t.lower_ in _FEMALE_ROLES or t.lower_ in _MALE_ROLES}
    return said.pop() if len(said) == 1 else ""


# How many mentions (or speakers) back a pronoun or "the senator" looks for whom it stands for: at most 254 in
# 600 polnear-dev and realtimeqa-dev articles. Unbounded, an article naming two Smiths a thousand times each made
# every "the senator" walk back over all of them, asking the name index about each (minutes for 100 KB).
LOOK_BACK = 1000


class _InTextOrder(list):
    """Things found at text positions (`at` gives one's), appended mostly in text order, that give the ones before
    a position latest first (`before`) without a walk over all those after it: walking from the list's end made
    every pronoun of a long article cost the article's length. Appended out of order, `before` walks them all.
    Either way it gives at most LOOK_BACK of them."""

    def __init__(self, at: Callable[[Any], int]) -> None:
        super().__init__()
        self._at = at
        self._positions: list[int] = []
        self._ordered = True

    def before(self, pos: int) -> Iterator[Any]:
        for item in self[len(self._positions) :]:
            p = self._at(item)
            if self._positions and p < self._positions[-1]:
                self._ordered = False
            self._positions.append(p)
        if not self._ordered:
            return itertools.islice((item for item in reversed(self) if self._at(item) < pos), LOOK_BACK)
        k = bisect.bisect_left(self._positions, pos)
        return (self[i] for i in range(k - 1, max(k - 1 - LOOK_BACK, -1), -1))


class _Article:
    def __init__(self, text: str) -> None:
        self.text = text
        self.names = NameIndex(text)
        self.mentions: _InTextOrder = _InTextOrder(lambda m: m.pos)  # of _Mention
        self.gender: dict[str, str] = {}  # canonical name -> gender learnt from pronoun use
        self._told: dict[str, str] | None = None  # canonical name -> gender the article tells (`told_gender`)
        # (pos, name, gender) of person speakers so far
        self.speakers: _InTextOrder = _InTextOrder(lambda speaker: speaker[0])
        self.roles: dict[str, set[str]] = {}  # canonical name -> role/title words
        # (start, end, speaker name) of the reported clause of a person's speech verb ("Biden said [Putin would
        # not come]"): a subject inside it is what the person said, not who the story is about
        self.reported: list[tuple[int, int, str]] = []
        self._reported_by_start: list[tuple[int, int]] = []  # (start, index in reported)
        self._longest_reported = 0

    def told_gender(self, name: str) -> str:
        """The gender the article tells of the person `name` (canonical): its mentions' titles, role nouns and
        pronouns that can only be theirs (`_gender_of`), by a two-to-one majority; "" if none. Gathered in one walk
        over the mentions, when first asked (after every mention is in)."""
        if self._told is None:
            votes: dict[str, list[int]] = {}
            for m in self.mentions:
                if m.label == "PERSON" and m.gender in ("m", "f"):
                    # "Mrs. Clinton" votes for Hillary Clinton, not for the Bill Clinton named before her
                    v = votes.setdefault(self.names.resolve(m.name, m.pos, _gender_fits(m.gender)), [0, 0])
                    v[m.gender == "f"] += 1
            self._told = {n: "m" if v[0] >= 2 * v[1] else "f" for n, v in votes.items() if max(v) >= 2 * min(v)}
        return self._told.get(name, "")

    def add_reported(self, start: int, end: int, name: str) -> None:
        self.reported.append((start, end, name))
        bisect.insort(self._reported_by_start, (start, len(self.reported) - 1))
        self._longest_reported = max(self._longest_reported, end - start)

    def reporter(self, mention: int, pos: int) -> str | None:
        """The person whose reported clause, over before `pos`, holds the mention at `mention`, if any (the first
        such clause found). Only clauses starting at most the longest clause's length before the mention can
        hold it: those are looked at, not every clause of the article."""
        k = bisect.bisect_right(self._reported_by_start, (mention, math.inf))
        first = None
        for j in range(k - 1, -1, -1):
            start, n = self._reported_by_start[j]
            if start < mention - self._longest_reported:
                break
            end = self.reported[n][1]
            if mention < end <= pos and (first is None or n < first):
                first = n
        return None if first is None else self.reported[first][2]


_ORG_WORDS = frozenset(
    "party committee department ministry news post times journal network campaign council association "
    "institute university college center centre inc inc. corp corp. co co. company foundation agency service international "
    "administration house court congress senate government office bureau commission group pac union "
    "organization organisation press media channel tv radio magazine daily tribune herald gazette review "
    "times-picayune report reports poll polls watch project fund forum coalition alliance club league "
    "board authority army navy police force forces bank church school hospital federation caucus "
    "republicans democrats gop dnc rnc fbi cia nsa cnn msnbc nbc abc cbs fox bbc ap afp reuters "
    "politico breitbart nbcnews twitter facebook google".split()
)
# a title after a body's words, before a name: "Senate Minority Leader Chuck Schumer", "Council Member Ellen Ortega"
_BODY_TITLES = TITLES | frozenset({"member", "members", "manager", "councilor", "councilmember", "administrator"})
_GPE_WORDS = frozenset(
    "america u.s. us usa u.s.a. united states washington russia china iran iraq syria israel france germany "
    "britain england uk u.k. mexico canada japan korea ukraine turkey india pakistan afghanistan egypt libya "
    "europe africa asia cuba venezuela saudi arabia iowa ohio florida texas california york carolina "
    "virginia nevada pennsylvania michigan wisconsin arizona colorado georgia illinois indiana "
    "massachusetts hampshire vermont kentucky tennessee alabama missouri minnesota maryland jersey "
    "louisiana oregon utah kansas nebraska oklahoma arkansas mississippi connecticut montana idaho "
    "alaska hawaii maine delaware wyoming dakota baku moscow beijing london paris brussels "
    "azerbaijan armenia karabakh jerusalem kiev tehran baghdad damascus".split()
)


def _entities(docs: list[Doc], skels: list[tuple[int, Skeleton]]) -> list[list[tuple[int, int, str]]]:
    """Entity spans (token start, end, label) per doc.

    With the NER pipe, its PERSON/ORG/GPE/NORP entities.  Without it (the
    fast default) proper-noun chains from the tagger, classified by cheap
    rules: organisation words and acronyms -> ORG, place names -> GPE,
    a title or two capitalised name tokens -> PERSON, a single token that is
    the surname of such a person -> PERSON."""
    if docs and docs[0].has_annotation("ENT_IOB"):
        res = [[(e.start, e.end, _ner_label(e)) for e in d.ents if e.label_ in ("PERSON", "ORG", "GPE", "NORP")] for d in docs]
    else:
        res = _rule_entities(docs)
    for doc, (_, sk), ents in zip(docs, skels, res):
        doc.user_data["ent_gender"] = _gender_evidence(doc, sk, ents)
    return res


def _ner_label(entity: Span) -> str:
    """The NER's label, but a "person" the rules read as a thing or a place is not one (`_thing_or_place`)."""
    if entity.label_ == "PERSON":
        return _thing_or_place([t.lower_ for t in entity]) or "PERSON"
    return entity.label_


# the last word of a place's nickname ("the Palmetto State", "the Empire State", "the Windy City")
_PLACE_NICKNAMES = frozenset({"state", "city"})


def _thing_or_place(words: list[str]) -> str | None:
    """FAC for a name ending in a thing's word ("Trump Tower", "World Cup"), GPE for a place's nickname ("The
    Palmetto State": "the former South Carolina governor" next was taken for it); None for neither. Neither is a
    person a pronoun or a role noun can stand for."""
    if words[-1] in _THING_WORDS:
        return "FAC"
    if words[-1] in _PLACE_NICKNAMES and len(words) >= 2:
        return "GPE"
    return None


def _rule_entities(docs: list[Doc]) -> list[list[tuple[int, int, str]]]:
    """`_entities` without NER: proper-noun chains classified by rules."""
    chains: list[list[tuple[int, int]]] = []
    for doc in docs:
        cs = []
        i = 0
        n = len(doc)
        while i < n:
            if doc[i].tag_ in ("NNP", "NNPS") and doc[i].text[:1].isupper():
                j = i
                while True:
                    if j + 1 < n and doc[j + 1].tag_ in ("NNP", "NNPS") and doc[j + 1].text[:1].isupper():
                        j += 1
                    elif _hyphen_joins(doc, j):
                        j += 2  # "Karine Jean-Pierre", "Alexandria Ocasio-Cortez": one name
                    elif _particles_join(doc, j):
                        j = _particles_join(doc, j)  # "Ursula von der Leyen", "Osama bin Laden": one name
                    else:
                        break
                cs.append((i, j + 1))
                i = j + 1
            else:
                i += 1
        chains.append(cs)
    # people named with two or more tokens (or a title) give surnames for single tokens
    surnames: set[str] = set()
    labelled: list[list[tuple[int, int, str]]] = []
    for doc, cs in zip(docs, chains):
        out = []
        for a, b in cs:
            toks = [t for t in doc[a:b]]
            prev = doc[a - 1].lower_ if a > 0 else ""
            while len(toks) > 1 and toks[0].lower_ in TITLES:
                prev = toks[0].lower_
                toks = toks[1:]
            if _AFFILIATION.match(doc[a:b].text):
                continue  # "Schumer, D-N.Y., said": the party and state after a name, no one
            # a body's words, a title, then a name of two words: the name is a person's ("Senate Minority
            # Leader Chuck Schumer", "White House Press Secretary Karine Jean-Pierre")
            # (a local body's "Council Member Ellen Ortega" too: the council made her an organisation, and her quotes
            # by surname no one's: a reporter's own corpus)
            titled = [k for k, t in enumerate(toks[:-2]) if t.lower_ in _BODY_TITLES and k and toks[k - 1].lower_ not in TITLES]
            if titled and any(t.lower_ in _ORG_WORDS for t in toks[: titled[-1]]):
                rest = toks[titled[-1] + 1 :]
                if all(
                    t.text == "-"
                    or t.text in _NAME_PARTICLES  # "European Commission President Ursula von der Leyen"
                    or (t.tag_ == "NNP" and t.text[:1].isupper() and t.lower_ not in _ORG_WORDS)
                    for t in rest
                ):
                    prev, toks = toks[titled[-1]].lower_, rest
            question = toks[0].is_sent_start and toks[0].sent[-1].text == "?"
            after_place = _after_place(doc, a)
            if not any(t.lower_ in _ORG_WORDS for t in toks):
                # "Will Nikki Haley drop out?", "Kiawah Island, S.C. Haley told reporters"
                toks = toks[len(toks) - len(lead_off([t.text for t in toks], question, after_place)) :]
            a2 = toks[0].i
            low = [t.lower_.strip("’'") for t in toks]
            if low[-1] in ("’s", "'s"):
                low = low[:-1]
            if not low:
                continue
            if any(w in _ORG_WORDS for w in low) or (len(low) == 1 and toks[0].text.isupper() and len(toks[0].text) > 1):
                label = "ORG"
            elif " ".join(low) in _GPE_WORDS or all(w in _GPE_WORDS for w in low):
                label = "GPE"
            elif toks[-1].tag_ == "NNPS":
                label = "NORP"
            elif named := _thing_or_place(low):
                label = named  # a thing or a place: not a person a pronoun can stand for
            elif prev in TITLES:
                label = "PERSON"
            elif len(low) >= 2:
                label = "?PERSON"  # a person unless NER reads it as something else ("Amnesty International")
            else:
                label = "?"
            out.append((a2, b, label))
        labelled.append(out)
    # NER, on each two-word chain alone ("X said."): a fraction of NER over the whole text
    read = entity_labels(doc[a:b].text for doc, out in zip(docs, labelled) for a, b, label in out if label == "?PERSON")
    for doc, out in zip(docs, labelled):
        for k, (a, b, label) in enumerate(out):
            if label == "?PERSON":
                # NER alone often calls a person an organisation ("Carly Fiorina said."): only a place,
                # an event, a work or a product it sees overrules the rule
                ner = read.get(doc[a:b].text, "")
                label = "PERSON" if ner in ("", "PERSON", "ORG", "NORP") else "GPE" if ner == "GPE" else "FAC"
                out[k] = (a, b, label)
            if label == "PERSON":
                words = [t.lower_.strip("’'") for t in doc[a:b] if t.lower_ not in ("’s", "'s")]
                if words:
                    surnames.add(words[-1])
    res = []
    for doc, out in zip(docs, labelled):
        fixed = []
        for a, b, label in out:
            if label == "?":
                # a surname of a person named in full; NER on a lone word is a guess ("Nepal said." is a
                # person to it, "Trump said." an organisation)
                label = "PERSON" if doc[b - 1].lower_ in surnames or doc[a].lower_ in surnames else "UNK"
            fixed.append((a, b, label))
        res.append(fixed)
    return res


# lower-case words inside a person's name
_NAME_PARTICLES = frozenset("von van der den de del della da di du dos das la le bin al ibn".split())


def _particles_join(doc: Doc, j: int) -> int:
    """The capitalised name part that lower-case particles after doc[j] lead to ("von der Leyen"), or 0."""
    k = j + 1
    while k < len(doc) and doc[k].text in _NAME_PARTICLES:
        k += 1
    ok = j + 1 < k < len(doc) and doc[k].tag_ in ("NNP", "NNPS") and doc[k].text[:1].isupper()
    return k if ok and not any(doc[i].whitespace_ == "" for i in range(j, k)) else 0


def _hyphen_joins(doc: Doc, j: int) -> bool:
    """Does a hyphen written without spaces join doc[j] to a capitalised name part ("Jean-Pierre")?"""
    return (
        j + 2 < len(doc)
        and doc[j + 1].text == "-"
        and not doc[j].whitespace_
        and not doc[j + 1].whitespace_
        and doc[j + 2].tag_ in ("NNP", "NNPS")
        and doc[j + 2].text[:1].isupper()
    )


def _set_speaker(q: Quote, subj: Token, cue: str, sk: Skeleton, art: _Article) -> None:
    name, spk, sspan = _resolve(subj, sk, art, q.start)
    ent = subj.doc.user_data.get("tok_ent", {}).get(subj.i)
    if sspan is not None and (subj.tag_ == "PRP" or (subj.tag_ == "NNP" and (ent is None or ent[2] == "PERSON"))):
        low = subj.lower_
        gender = "m" if low in _MALE else "f" if low in _FEMALE else ""
        if name.lower() not in _PRONOUNS:
            art.speakers.append((sspan[0], name, gender))
            if gender:
                art.gender.setdefault(name, gender)
    q.speaker, q.speaker_name, q.speaker_span, q.cue, q.method = spk, name, sspan, cue, "frame"
    q.speaker_tok = subj


def _set_off(token: Token) -> bool:
    """Whether the phrase of `token` stands between commas ("…, Howard Pruitt, said")."""
    doc = token.doc
    lo, hi = token.left_edge.i, token.right_edge.i
    return lo > 0 and hi + 1 < len(doc) and doc[lo - 1].text == "," and doc[hi + 1].text == ","


def _resolve(subj: Token, sk: Skeleton, art: _Article, pos: int) -> tuple[str, str, tuple[int, int] | None]:
    """(speaker_name, speaker as written, speaker char span) for a subject token."""
    doc = subj.doc
    text = art.text
    # "HARLOW — County Commissioner Ray Dunmore on Wednesday withdrew …, saying …": the parser makes the dateline the
    # subject and the name its appositive (an outside try found HARLOW among the speakers)
    # ... of one word or more ("HARLOW FALLS — Police Chief Dana Brooks said …" had "HARLOW FALLS" listed: a second try)
    opening = doc[subj.sent.start : subj.i + 1]
    if subj.text.isupper() and len(subj.text) > 1 and all(t.text.isupper() and t.is_alpha for t in opening):
        named = next((c for c in subj.children if c.dep_ == "appos" and c.tag_ in ("NNP", "NNPS")), None)
        if named is not None and any(t.text in ("—", "–", "--", "-") for t in doc[subj.i + 1 : named.left_edge.i]):
            subj = named
    # "Gov. John Kasich (R-OH), said": the parser may pick the parenthesis
    if subj.i > 0 and _inside_parens(subj) and subj.head.tag_ in _NOMINAL_TAGS and subj.head.i < subj.i:
        subj = subj.head
    # "Aliyev's message", "a statement from the ministry" -> the author; "the Register's Candidate Tracker",
    # "data from Johns Hopkins University" -> whose it is ("a study of Medicare" is about Medicare, not by it)
    source = subj.lower_ in _SOURCE_NOUNS
    if subj.lower_ in _MESSAGE_NOUNS or source:
        author = None
        for c in subj.children:
            if c.dep_ == "poss":
                author = c
                break
        else:
            for c in subj.children:
                if c.dep_ in ("prep", "acl") and c.lower_ in (
                    ("from", "by")
                    if source
                    else ("from", "by", "of", "released", "issued", "filed", "written", "signed", "sent", "posted")
                ):
                    author = next((g for g in c.subtree if g.dep_ == "pobj" and g.tag_ in ("NNP", "NNPS", "PRP")), None)
                    if author is not None:
                        break
        if author is not None:
            subj = author
    lo, hi = _speaker_tokens(subj)
    if subj.dep_ == "poss":
        lo = min(lo, subj.left_edge.i)
        hi = subj.i
    lo = min(_past_state(doc, lo, hi), subj.i)
    s = sk.to_orig(doc[lo].idx)
    e = sk.to_orig(doc[hi].idx + len(doc[hi]), end=True)
    speaker = text[s:e]
    span: tuple[int, int] | None = (s, e)
    if subj.dep_ == "poss" and speaker.endswith(("'s", "’s")):
        e -= 2
        speaker = text[s:e]
        span = (s, e)
    low = subj.lower_
    if subj.tag_ == "PRP" or low in _PRONOUNS:
        return _resolve_pronoun(low, pos, art) or speaker, speaker, span
    proper = subj.tag_ in ("NNP", "NNPS") and not subj.text.islower()  # "senator" is sometimes tagged NNP
    if proper and subj.lower_ in _ORG_WORDS:
        return speaker, speaker, span  # "Azerbaijan's Defense Ministry"
    if proper:
        ent = doc.user_data.get("tok_ent", {}).get(subj.i)
        if ent is not None and ent[2] == "PERSON":
            return art.names.resolve(doc[ent[0] : ent[1]].text, pos, _title_fits(ent[0], doc)), speaker, span
        if ent is not None and ent[2] in ("ORG", "GPE", "NORP") and ent[0] >= lo:
            return speaker, speaker, span
        a, b = _name_chain(subj)
        name = doc[_past_state(doc, a, b) : b + 1].text
        return art.names.resolve(name, pos), speaker, span
    # a known surname mis-tagged as a common noun ("Aliyev further informed")
    if subj.text[:1].isupper() and lo == subj.i == hi:
        res = art.names.resolve(subj.text, pos)
        if res != clean_name(subj.text):
            return res, speaker, span
    # common noun right after "Name, ": "Deborah Tamargo, the chairwoman of ..."
    before = doc.user_data.get("tok_ent", {}).get(lo - 2) if lo >= 2 else None
    if (
        lo >= 2
        and doc[lo - 1].text == ","
        and doc[lo - 2].tag_ == "NNP"
        and not _inside_parens(doc[lo - 2])
        # "In Los Angeles, about 50 drivers": a place set before the sentence names no one
        and doc[lo - 2].dep_ != "pobj"
        and (before is None or before[2] not in ("GPE", "FAC"))
    ):
        a, b = _name_chain(doc[lo - 2])
        return art.names.resolve(doc[a : b + 1].text, pos), speaker, span
    # common noun: appositive name ("the campaign manager, Robby Mook"), or one the parser hung on the noun's object ("A
    # lawyer for Kessler Plating, Howard Pruitt, said": an outside try found the lawyer quoted, not Pruitt)
    of_object = [
        g
        for c in subj.children
        if c.dep_ == "prep"
        for o in c.children
        if o.dep_ == "pobj"
        for g in o.children
        if g.dep_ == "appos" and g.tag_ == "NNP" and _set_off(g)
    ]
    for c in [*subj.children, *of_object]:
        if c.dep_ == "appos" and c.tag_ == "NNP":
            if any(t.tag_ in ("``", "''") for t in doc[min(subj.i, c.i) : max(subj.i, c.i)]):
                continue  # "WSJ editorial: 'Deport Nikki Haley.'": the quote's first word is no name of its speaker
            a, b = _name_chain(c)
            if _AFFILIATION.match(doc[a : b + 1].text):
                continue  # "Schumer, D-N.Y., said": a party and state, not the name
            return art.names.resolve(doc[a : b + 1].text, pos), speaker, span
    # "the senator", "the Republican nominee"
    det = [c for c in subj.children if c.dep_ == "det"]
    has_pp = any(c.dep_ in ("prep", "acl", "relcl") for c in subj.children)
    if det and det[0].lower_ in ("the", "this", "that") and (low in _ROLE_TITLES) and subj.tag_ in ("NN", "NNP") and not has_pp:
        # "the former South Carolina governor": the capitalised words that tell which governor
        qualifiers = [t.text for c in subj.children if c.dep_ in ("compound", "amod") for t in c.subtree if t.text[:1].isupper()]
        r = _resolve_role(low, pos, art, qualifiers)
        if r:
            return r, speaker, span
    # "the company", "the agency": the organisation the paragraph is about
    modified = any(c.dep_ in ("compound", "amod", "poss", "nmod") for c in subj.children)
    if det and det[0].lower_ == "the" and low in _BODY_NOUNS and subj.tag_ == "NN" and not has_pp and not modified:
        r = _resolve_body(low, pos, art)
        if r:
            return r, speaker, span
    return speaker, speaker, span


def _after_place(doc: Doc, i: int) -> bool:
    """Is token `i` set right after a place and a comma ("Kiawah Island, S.C. Haley", "Houston, Texas Haley")?"""
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].tag_ == "NNP"


def _past_state(doc: Doc, lo: int, hi: int) -> int:
    """`lo` moved past the state that ends a place before the name of tokens [lo, hi]: "Greenville, SC Haley"
    is Haley (see `lead_off`)."""
    if not _after_place(doc, lo):
        return lo
    words = [t.text for t in doc[lo : hi + 1]]
    return lo + len(words) - len(lead_off(words, question=False, after_place=True))


def _resolve_pronoun(pron: str, pos: int, art: _Article) -> str | None:
    if pron in _PLURAL or pron in _NEUTER:
        # organisation or group: the most recent ORG/GPE/NORP subject mention; a country is "it", never
        # "they" (officials who "told authorities" are not Los Angeles)
        labels = ("ORG", "NORP") if pron in _PLURAL else ("ORG", "GPE", "NORP")
        for m in art.mentions.before(pos):
            if pos - m.pos > _BODY_REACH:
                break  # a body named paragraphs ago is not who "they" are
            if m.pos < pos and m.label in labels and m.is_subject:
                return m.name
        return None
    if pron not in _MALE and pron not in _FEMALE:
        return None
    want = "m" if pron in _MALE else "f"

    def fits(name: str, g: str) -> bool:
        # what the article tells of the person overrules what one mention or an earlier resolution suggests: a
        # "she" once taken for Putin must not make him "she" for the rest of the article
        # a first name tells only a woman here, as before men's were known: "In her 2003 book, Clinton noted …; she
        # was whisked …", in an article naming only Bill Clinton in full, is his wife, whom "Clinton" alone may be
        g = art.told_gender(name) or g or art.gender.get(name, "") or ("f" if _guess_gender(name) == "f" else "")
        return not g or g == want

    best: tuple[int, str] | None = None
    loose: str | None = None
    for m in art.mentions.before(pos):
        if m.label != "PERSON":
            continue
        name = art.names.resolve(m.name, m.pos, _gender_fits(m.gender))
        if not fits(name, m.gender):
            continue
        if m.is_subject:
            best = (m.pos, name)
            break
        if loose is None:
            loose = name
    if best is not None:
        # "Biden said Putin would not come. He also told reporters ...": once the reported clause is over,
        # "he" is its reporter again, not the person it spoke of
        reporter = _reporter(best[0], pos, art)
        if reporter is not None and reporter != best[1] and fits(reporter, ""):
            best = (best[0], reporter)
    # the most recent person quoted is the usual referent of "he said"
    for p, name, g in art.speakers.before(pos):
        if fits(name, g):
            if best is None or p > best[0]:
                best = (p, name)
            break
    if best is not None:
        art.gender.setdefault(best[1], want)
        return best[1]
    return loose


def _reporter(mention: int, pos: int, art: _Article) -> str | None:
    """The person whose reported clause, over before `pos`, holds the mention at `mention`, if any."""
    return art.reporter(mention, pos)


# how far back "the company" looks for its organisation (a few paragraphs)
_BODY_REACH = 1500


def _resolve_body(noun: str, pos: int, art: _Article) -> str | None:
    """The organisation "the <noun>" stands for: the latest one before `pos`, nearby, whose name
    holds the noun ("the department": "the Justice Department"), or for "the company"/"the firm"
    the latest organisation that was the subject of its sentence, else the latest one-word name the
    rules could not place that was ("Sears said …")."""
    unsure = None
    for m in art.mentions.before(pos):
        if pos - m.pos > _BODY_REACH:
            break
        if m.label == "ORG" and (noun in m.name.lower().split() or (noun in ("company", "firm") and m.is_subject)):
            return m.name
        if unsure is None and m.label == "UNK" and noun in ("company", "firm") and m.is_subject:
            unsure = m.name  # a one-word name the rules cannot place ("Sears said …")
    return unsure


def _resolve_role(role: str, pos: int, art: _Article, qualifiers: list[str] = ()) -> str | None:
    """The person a role noun ("the senator", "the former South Carolina governor") stands for: one the article
    titled so and made the subject of a sentence, else one merely titled so, else one whose name the text gives
    after the title (`_titled_before`), else the last person who was a subject. With `qualifiers` (the role noun's
    capitalised words, "South", "Carolina") a holder titled with them ("former South Carolina Gov. Nikki Haley")
    comes before one titled without them (Florida Gov. Ron DeSantis)."""
    keys = _ROLE_TITLES.get(role, set())
    fallback = None
    holders: list[tuple[bool, bool, str]] = []  # (titled with the qualifiers, a subject, name), nearest first
    for m in art.mentions.before(pos):
        if m.label != "PERSON":
            continue
        name = art.names.resolve(m.name, m.pos)
        # the title is learnt where the name is given in full ("President Joe Biden"), later mentions are short
        if keys and keys & (art.roles.get(m.name, set()) | art.roles.get(name, set())):
            qualified = all(q in art.text[max(0, m.pos - 40) : m.pos] for q in qualifiers)
            # "talks with Chinese President Xi Jinping. The president also told reporters": a holder of the
            # role merely mentioned loses to one who was the subject of a sentence before
            holders.append((qualified, m.is_subject and _reporter(m.pos, pos, art) is None, name))
        if fallback is None and m.is_subject:
            fallback = name
    titled = _titled_before(keys, pos, art, qualifiers)
    ranked = sorted(holders, key=lambda h: (not h[0], not h[1]))  # stable: nearest first within each rank
    if ranked and (ranked[0][0] or titled is None or not titled[0]):
        return ranked[0][2]
    return (titled[1] if titled else None) or fallback


_NOT_NAMES = frozenset(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may june july august "
    "september october november december".split()
)


def _titled_before(keys: set[str], pos: int, art: _Article, qualifiers: list[str]) -> tuple[bool, str] | None:
    """Whether titled with the qualifiers, and the person the text before `pos` names after the role's title,
    nearest first: "former South Carolina Gov.
    Nikki Haley" for "the former South Carolina governor said", where no parsed sentence made her the subject of
    one (only paragraphs with quotes are parsed, so the nearest subject was Trump, who had spoken of her). A holder
    whose title comes after the role noun's capitalised words ("South Carolina") is taken first."""
    if not keys:
        return None
    titles = "|".join(sorted({re.escape(k.rstrip(".")) for k in keys}, key=len, reverse=True))
    named = re.compile(rf"\b(?i:{titles})\.?\s+((?:[A-Z][\w'’\-]+\s){{0,2}}[A-Z][\w'’\-]+)")
    found: list[tuple[int, str]] = []
    for m in named.finditer(art.text, max(0, pos - 20000), pos):
        words = m.group(1).split()
        while words and words[-1].lower() in _NOT_NAMES:
            words.pop()  # "Gov. Nikki Haley Tuesday"
        if len(words) >= 2:
            found.append((m.start(1), " ".join(words)))
    qualified = [(at, name) for at, name in found if qualifiers and all(q in art.text[max(0, at - 40) : at] for q in qualifiers)]
    # with no words to tell holders apart, only one who opens a sentence (its subject, as likely as not): "President Joe
    # Biden met with Chinese President Xi Jinping" makes Biden "the president", not Xi
    opening = [(at, name) for at, name in found if _opens_a_sentence(art.text, at)]
    if not (qualified or opening):
        return None
    at, name = (qualified or opening)[-1]
    return bool(qualified), art.names.resolve(name, at)


def _opens_a_sentence(text: str, at: int) -> bool:
    """Whether the titled name at `at` opens its sentence, its title and modifiers before it ("Former President Joe
    Biden", "Florida Gov. Ron DeSantis said")."""
    line, sentence = text.rfind("\n", 0, at), text.rfind(". ", 0, at)
    start = max(line + 1, sentence + 2 if sentence >= 0 else 0)
    before = text[start:at].split()
    return len(before) <= 4 and all(word[:1].isupper() or word in ("of", "the") for word in before)


_FEMALE_FIRST = frozenset(
    "hillary melania ivanka michelle nancy elizabeth sarah susan mary patricia linda barbara jennifer "
    "maria karen lisa betty margaret sandra ashley kimberly emily donna michelle carol amanda melissa "
    "deborah stephanie rebecca laura sharon cynthia kathleen amy shirley angela helen anna brenda pamela "
    "nicole samantha katherine christine debra rachel catherine carolyn janet ruth heather diane julie "
    "joyce victoria kelly christina joan evelyn lauren judith olivia megyn kellyanne huma jill carly "
    "theresa angela marine nikki condoleezza madeleine dianne kirsten tammy claire jeanne debbie donna "
    "chelsea kate katie jane ann anne julia sophia isabella hope omarosa".split()
)
# first names that are a man's, unambiguously: "Mrs. Clinton" is never "Bill Clinton", "she" never Bill
_MALE_FIRST = frozenset(
    "bill donald joe joseph barack bernie bernard ted marco jeb john james robert michael william david richard "
    "charles thomas christopher daniel matthew mark paul steven stephen kevin george edward brian ronald anthony "
    "jason jeffrey gary timothy larry frank scott eric raymond gregory benjamin samuel patrick jack dennis jerry "
    "tyler aaron henry douglas peter walter harold carl arthur roger keith lawrence albert willie ralph roy "
    "eugene louis russell bobby howard fred vladimir rand mitch chuck harry rick ron mike newt mitt jim tim tom "
    "bob lindsey? reince corey rudy rupert reid ben chris ken kenneth lloyd antony hunter elon jerome kamala? "
    "hakeem vivek nick andrew jonathan justin brandon adam nathan ryan? eli".split()
) - {"lindsey?", "kamala?", "ryan?"}


def _guess_gender(name: str) -> str:
    """ "f" or "m" when the first name is one only women or only men go by in the news here; else ""."""
    first = name.split()[0].lower() if name else ""
    return "f" if first in _FEMALE_FIRST else "m" if first in _MALE_FIRST else ""


def _gender_fits(gender: str) -> Callable[[str], bool | None] | None:
    """Whether a full name is that of a mention the article gives `gender` ("Mrs. Clinton": "f"): True when its first
    name tells that gender, False when it tells the other, None when it tells none (`NameIndex.resolve`); no
    predicate for ""."""
    if not gender:
        return None
    return lambda name: None if not (told := _guess_gender(name)) else told == gender


def _title_fits(span_start: int, doc: Doc) -> Callable[[str], bool | None] | None:
    """For a name written after a title that tells a gender ("Mrs. Clinton", "Mr. Trump"), whether a full name may
    be that person's: "Mrs. Clinton" is Hillary Clinton, never the Bill Clinton named just before; None when no
    title tells one."""
    titles = {doc[span_start].lower_} | ({doc[span_start - 1].lower_} if span_start > 0 else set())
    want = "f" if titles & _FEMALE_HON else "m" if titles & _MALE_HON else ""
    return _gender_fits(want)


def name_gender(name: str) -> str:
    """ "f" or "m" when a name alone tells ("Princess Kate", "Nikki Haley", "King Charles"), "" when it does not:
    for a reader's "she" after an answer naming Joe Biden, Donald Trump and Nikki Haley."""
    words = name.split()
    if not words:
        return ""
    title = words[0].lower()
    if title in _FEMALE_HON:
        return "f"
    if title in _MALE_HON:
        return "m"
    return _guess_gender(name)


# a full name in a paragraph not parsed: after a lower-case word, a comma, a line start or a dateline's dash ("ALDER
# SPRINGS — Martin Hale, the director …, resigned": a bare "Hale wrote" next was another Hale's, an outside try)
_FULL_NAME = re.compile(
    r"(?:(?<=[a-z,—–] )|(?<=^))((?:[A-Z][a-z]+|[A-Z]\.)(?: (?:[A-Z][a-z]+|[A-Z]\.)){0,2} [A-Z][a-z]+(?:-[A-Z][a-z]+)?)\b(?! [A-Z])",
    re.M,
)
