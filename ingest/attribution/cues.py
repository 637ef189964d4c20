"""Step 3: speech cues and the speaker phrase in the parse.

Speech verbs (and "issued a statement"-style message verbs), the subject of a
cue (climbing through conj/xcomp/advcl, inverted ``said X`` frames, mis-parsed
quote subjects), "according to X", speakers announced by a colon, dash
bylines, the cue picked for a quote, and the token range of a speaker phrase.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from ingest.attribution.lexicon import _BODY_NOUNS, _MESSAGE_NOUNS, _MESSAGE_VERBS, _SUBJ_DEPS, SPEECH_FORMS
from ingest.attribution.scanner import Quote

if TYPE_CHECKING:
    from spacy.tokens import Span, Token


def _is_speech_verb(tok: Token) -> bool:
    if not tok.tag_.startswith("VB"):
        return False
    if tok.lower_ in SPEECH_FORMS:
        return True
    if tok.lower_ in _MESSAGE_VERBS:
        # "issued a statement", "as X put it", "made the remarks"
        for c in tok.children:
            if c.dep_ == "dobj" and (c.lower_ in _MESSAGE_NOUNS or (c.lower_ == "it" and tok.lower_.startswith("put"))):
                return True
    return False


# speech verbs whose passive subject is spoken to or of, not a speaker ("was called", "were told", "was asked"); not
# "was quoted as saying", whose subject did say it (participles: this pipeline has no lemmatizer)
_DONE_TO_THE_SUBJECT = frozenset("called named dubbed labeled labelled branded told asked described nicknamed".split())


def _find_subject(verb: Token, in_quote: Callable[[Token], bool]) -> Token | None:
    """Subject of a speech verb, climbing through conj / xcomp / advcl / relcl.

    A subject inside a quote is the parser mistaking ``“Q,” Ramos said`` for a
    quote-subject; then the speaker is the nominal next to the verb outside the
    quote (``Ramos, 58, told``, ``replied Sanders``)."""
    inv = _inverted_speaker(verb, in_quote)
    if inv is not None:
        return inv
    cur: Token | None = verb
    for _ in range(4):
        if cur is None:
            return None
        for c in cur.children:
            if c.dep_ == "agent":  # "as reported by X", "was asked by host Bill Maher"
                for g in c.children:
                    if g.dep_ == "pobj" and not in_quote(g):
                        return g
        # two subjects is a misparse ("Washington (AFP) – Hillary Clinton has ..."): the one nearest the verb
        # ... and after "told" the one told ("“Q,” Dawson, an urban farmer, told USA TODAY": two subjects to
        # the parser, the one after the verb is who was told)
        told = cur.lower_ in _ADDRESSEE_FORMS
        subjects = sorted(
            (c for c in cur.children if c.dep_ in _SUBJ_DEPS), key=lambda c: (told and c.i > cur.i, abs(c.i - cur.i))
        )
        for c in subjects:
            if c.dep_ == "nsubjpass" and cur.lower_ in _DONE_TO_THE_SUBJECT:
                # "She was called a “raghead” because her parents are Indian immigrants" (narration of a 2010 race) was
                # stored as Nikki Haley's words: the one called, told or asked is not the one speaking
                return None
            if not in_quote(c):
                return c
            alt = _nominal_near(cur, in_quote)
            if alt is not None:
                return alt
        if cur.dep_ in ("conj", "xcomp", "advcl", "ccomp", "acl", "relcl", "dep", "parataxis") and cur.head is not cur:
            if cur.dep_ in ("relcl", "acl") and not in_quote(cur.head):
                return cur.head  # "Trump, who said ..." / "a statement saying ..."
            if cur.dep_ == "ccomp" and _is_speech_verb(cur.head):
                break  # the subordinate verb has its own (missing) subject
            if cur.dep_ == "xcomp":
                # object control: "prompted the Atlas to state" -> the Atlas
                obj = next((c for c in cur.head.children if c.dep_ == "dobj" and c.i < cur.i and not in_quote(c)), None)
                if obj is not None:
                    return obj
            cur = cur.head
        else:
            break
    return _nominal_near(verb, in_quote)


def _memo_subject(in_quote: Callable[[Token], bool]) -> Callable[[Token], Token | None]:
    """`_find_subject` for one skeleton's tokens, each verb worked out once."""
    found: dict[int, Token | None] = {}

    def subject(verb: Token) -> Token | None:
        if verb.i not in found:
            found[verb.i] = _find_subject(verb, in_quote)
        return found[verb.i]

    return subject


def _cue_above(tok: Token, in_quote: Callable[[Token], bool], subject: Callable[[Token], Token | None]) -> Token | None:
    """The lowest speech verb outside quotes with a subject among `tok` and its ancestors, or None. Remembered on
    the doc for every token on the way up, so the tokens of a deep parse are climbed once, not once per quote."""
    memo: dict[int, Token | None] = tok.doc.user_data.setdefault("_cue_above", {})
    path: list[Token] = []
    found: Token | None = None
    cur = tok
    while True:
        if cur.i in memo:
            found = memo[cur.i]
            break
        path.append(cur)
        if _is_speech_verb(cur) and not in_quote(cur) and subject(cur) is not None:
            found = cur
            break
        if cur.head.i == cur.i:
            break
        cur = cur.head
    for t in path:
        memo[t.i] = found
    return found


def _sent_of(tok: Token) -> Span:
    """`tok.sent`, with the doc's sentence bounds remembered on it: spaCy finds a token's sentence by walking to
    both its edges, which in a sentence of thousands of tokens cost each quote the sentence's length."""
    bounds = tok.doc.user_data.get("_sent_bounds")
    if bounds is None:
        bounds = []
        for sent in tok.doc.sents:
            bounds.extend([(sent.start, sent.end)] * len(sent))
        tok.doc.user_data["_sent_bounds"] = bounds
    start, end = bounds[tok.i]
    return tok.doc[start:end]


def _nearest(framed: list[Token], i: int) -> Token | None:
    """Of verbs in text order, the nearest to token `i`, the earlier on a tie."""
    k = bisect.bisect_left(framed, i, key=lambda v: v.i)
    before = framed[k - 1] if k else None
    after = framed[k] if k < len(framed) else None
    if before is None or (after is not None and after.i - i < i - before.i):
        return after
    return before


_NOMINAL_TAGS = ("NNP", "NNPS", "PRP", "NN", "NNS")
_NP_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS", "DT", "JJ", "PRP$", "POS", "HYPH", "CD", "NML", "VBN"})


# speech verbs whose object is the one spoken to: never inverted ("“Q,” said Sanders", not "told Sanders")
_ADDRESSEE_FORMS = frozenset(
    "tell tells told telling inform informs informed informing assure assures assured assuring "
    "remind reminds reminded reminding notify notifies notified notifying".split()
)


_DAY_NAMES = frozenset("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight".split())


def _inverted_speaker(verb: Token, in_quote: Callable[[Token], bool]) -> Token | None:
    """``“Q,” said Marla Kilfoyle`` / ``..., says Dante Scala, a political
    scientist``: a speech verb right after a comma or quote, followed by a noun
    phrase, has its speaker after it (the parser often gets this wrong)."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc):
        return None
    if verb.lower_ in _ADDRESSEE_FORMS:
        return None  # "Annely Lepamaa, a lesbian, told Reuters": the noun after is who was told, not the speaker
    prev = doc[verb.i - 1]
    if not (prev.text in (",", "”", '"', "—", "--") or in_quote(prev) or prev.is_quote):
        return None
    if any(c.dep_ in _SUBJ_DEPS and c.i < verb.i and not in_quote(c) and c.tag_ in ("NNP", "NN", "PRP") for c in verb.children):
        # the comma closes the subject's appositive: "Gerald Pruitt, president of the …, called the clerks' walkout
        # 'an escalation …'" was the walkout's (a researcher's own corpus)
        return None
    j = verb.i + 1
    if in_quote(doc[j]) or doc[j].tag_ not in _NP_TAGS - {"POS", "HYPH", "VBN"}:
        return None
    head = None
    while j < len(doc) and j < verb.i + 9 and doc[j].tag_ in _NP_TAGS and not in_quote(doc[j]):
        if doc[j].tag_ in ("NNP", "NNPS", "NN", "NNS"):
            head = doc[j]
        j += 1
    if head is None:
        return None
    if head.ent_type_ in ("DATE", "TIME") or head.lower_ in _DAY_NAMES:
        # "Its general manager, Gregory Stahl, said Wednesday that …" was Wednesday's (an outside try): a day after the
        # verb says when, the comma was the appositive's
        return None
    if head.dep_ in ("nsubj", "nsubjpass") and head.head.dep_ == "ccomp" and head.head.head.i == verb.i:
        # "Dan Holmes, 51, said Haley has shown “good character”": the name after the verb is the subject of what
        # was said, not one who said it (the comma was the age's)
        return None
    # "said the former aide to ..." keeps the phrase head: first noun before a preposition
    return head


def _nominal_near(verb: Token, in_quote: Callable[[Token], bool]) -> Token | None:
    """Inverted or mis-parsed frames: ``“Q,” said Sanders`` / ``“Q,” Ramos, 58, told AFP``."""
    sent = _sent_of(verb)
    # left of the verb, after a quote: the nearest noun-phrase head
    j = verb.i - 1
    cands = []  # the tokens j+1 .. verb.i-1
    while j >= sent.start and not in_quote(verb.doc[j]):
        cands.append(verb.doc[j])
        j -= 1
    if j >= sent.start and cands:  # a quote precedes the speaker phrase
        heads = [
            t
            for t in cands
            if t.tag_ in _NOMINAL_TAGS and not (j < t.head.i < verb.i and t.head.tag_ in _NOMINAL_TAGS and t.dep_ in _NAME_DEPS)
        ]
        heads = [t for t in heads if t.dep_ not in ("npadvmod",) or t.tag_.startswith("NNP")]
        if heads:
            # the first noun phrase after the quote ("Ramos, 58," -> Ramos)
            return min(heads, key=lambda t: t.i)
    # right of the verb: "said Sanders", "added the senator"
    for c in verb.rights:
        if in_quote(c):
            continue
        if c.tag_ in _NOMINAL_TAGS and c.dep_ in ("nsubj", "dobj", "attr", "npadvmod", "dep", "appos", "oprd", "nsubjpass"):
            if c.dep_ == "dobj" and not verb.lower_.startswith("sa") and not any(in_quote(t) for t in verb.lefts):
                continue  # "told AFP" is the addressee, not the speaker
            return c
    return None


def _according_to(sent: Span) -> Token | None:
    for t in sent:
        if t.lower_ == "according" and t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "to":
            for c in t.doc[t.i + 1].children:
                if c.dep_ == "pobj":
                    return c
            if t.i + 2 < len(t.doc):
                return t.doc[t.i + 2]
    return None


_NAME_DEPS = {"compound", "flat", "amod", "det", "poss", "case", "nmod", "nummod", "quantmod"}


def _speaker_tokens(head: Token) -> tuple[int, int]:
    """Token range [i, j] of the speaker phrase: head plus its left modifiers
    (det, compound, poss...) and right compounds; for a common-noun head also
    a following "of/to/for/at/with" phrase ("a longtime adviser to Trump") and
    an adjacent name ("his nephew Michery el Soheil"). No clauses."""
    lo = head.i
    for c in head.lefts:
        if c.dep_ in _NAME_DEPS or c.dep_ == "punct" and c.text in "'’":
            lo = min(lo, c.left_edge.i)
    # don't start on punctuation or quote marks
    doc = head.doc
    while lo < head.i and (doc[lo].is_punct or doc[lo].is_space):
        lo += 1
    hi = head.i
    for c in head.rights:
        if c.dep_ == "cc" and c.i == hi + 1:
            conj = next((x for x in head.rights if x.dep_ == "conj" and x.i > c.i), None)
            if conj is not None and conj.tag_ in ("NNP", "NNPS") and head.tag_ in ("NNP", "NNPS"):
                hi = conj.i  # "Mark Blumenthal and Jon Cohen"
                break
        if c.dep_ in ("compound", "flat", "case") and c.i == hi + 1:
            hi = c.i
        elif (
            head.tag_ in ("NN", "NNS")
            and c.i == hi + 1
            and (
                (c.dep_ == "prep" and c.lower_ in ("of", "to", "for", "at", "with"))
                or (c.dep_ in ("appos", "npadvmod", "dep") and c.tag_ == "NNP")
            )
        ) or (
            # a body's name goes on past "of" or "for": "the Oregon Office of Economic Analysis", "the Centers
            # for Disease Control and Prevention" ('the Centers' was the speaker of 31 quotes on news24-dev)
            head.tag_ in ("NNP", "NNPS")
            and (head.lower_ in _BODY_NOUNS or head.lower_.removesuffix("s") in _BODY_NOUNS)
            and c.i == hi + 1
            and c.dep_ == "prep"
            and c.lower_ in ("of", "for")
            and any(g.dep_ == "pobj" and g.text[:1].isupper() for g in c.children)
        ):
            r = c.right_edge.i
            # stop at a comma or clause inside the phrase
            for t in doc[c.i : r + 1]:
                if t.is_punct and t.text not in ".'’-&" or t.dep_ in ("relcl", "acl"):
                    r = t.i - 1
                    break
            hi = max(hi, r)
    return lo, hi


def _inside_parens(t: Token) -> bool:
    for j in range(t.i - 1, max(_sent_of(t).start, t.i - 6) - 1, -1):
        w = t.doc[j].text
        if w == ")":
            return False
        if w == "(":
            return True
    return False


def _name_chain(head: Token) -> tuple[int, int]:
    """Maximal proper-noun chain around head ("Donald J. Trump")."""
    doc = head.doc
    lo = hi = head.i
    while True:
        if lo > 0 and doc[lo - 1].tag_ == "NNP" and lo - 1 <= doc[lo - 1].head.i <= head.i:
            lo -= 1
        elif (
            lo > 1
            and doc[lo - 1].text == "-"
            and not doc[lo - 1].whitespace_
            and not doc[lo - 2].whitespace_
            and doc[lo - 2].tag_ == "NNP"
        ):
            lo -= 2  # "Jean-Pierre", "Ocasio-Cortez"
        else:
            break
    while hi + 1 < len(doc) and doc[hi + 1].tag_ == "NNP" and doc[hi + 1].head.i == head.i:
        hi += 1
    return lo, hi


def _colon_speaker(
    sent: Span, verbs: list[Token], in_quote: Callable[[Token], bool], subject: Callable[[Token], Token | None] | None = None
) -> tuple[Token, str] | None:
    """Speaker announced by a sentence ending in a colon ("Stated Stone:",
    "Cruz called them on it:", "Trump tweeted:")."""
    for v in verbs:
        subj = subject(v) if subject is not None else _find_subject(v, in_quote)
        if subj is not None:
            return subj, v.text
    root = sent.root
    for c in root.children:
        if c.dep_ in _SUBJ_DEPS and not in_quote(c):
            return c, root.text
    return None


def _header_speaker(sent: Span, colon: int) -> Token | None:
    """The speaker of a header "X on Y: 'quote'" ("Sheindlin on Haley: 'Chaos doesn't follow her'", "Tim Scott on
    Israel-Hamas war: ..."): the name X that opens the sentence, never Y, what X speaks on. None when the words
    before the colon are not a name and "on"."""
    doc = sent.doc
    k = sent.start
    while k < colon and (
        (doc[k].tag_ in ("NNP", "NNPS") and doc[k].text[:1].isupper()) or (doc[k].tag_ == "HYPH" and k > sent.start)
    ):
        k += 1  # "Alexandria Ocasio-Cortez"
    while k > sent.start and doc[k - 1].tag_ == "HYPH":
        k -= 1
    if k == sent.start or k >= colon or doc[k].lower_ != "on":
        return None
    return doc[k - 1]


def _pick_cue(
    qt: Token,
    verbs: list[Token],
    acc: Token | None,
    in_quote: Callable[[Token], bool],
    subject: Callable[[Token], Token | None] | None = None,
    framed: list[Token] | None = None,
) -> tuple[str, Token | None]:
    """Cue and subject token for the quote token `qt`.

    `subject` is `_find_subject` remembered for the sentence's verbs, `framed` the verbs (in order) with a subject,
    and `_cue_above` remembers which speech verb above a token has one: a sentence holding a thousand quotes asks
    each of them, and answers each in a step rather than a walk over the sentence."""
    if subject is None:
        subject = _memo_subject(in_quote)
    v = _cue_above(qt, in_quote, subject)
    if v is not None:
        return v.text, subject(v)
    if acc is not None:
        return "according to", acc
    doc = qt.doc
    # “Q,” Conway notes. (the tagger may read "notes" as a noun)
    end = qt.i
    while end + 1 < len(doc) and in_quote(doc[end + 1]):
        end += 1
    k = end + 1
    while k < len(doc) and (doc[k].is_quote or doc[k].text == ","):
        k += 1
    if k < len(doc) and doc[k].tag_ == "NNP" and k > end + 1:
        m = k
        while m + 1 < len(doc) and doc[m + 1].tag_ == "NNP":
            m += 1
        if m + 1 < len(doc) and doc[m + 1].lower_ in SPEECH_FORMS:
            return doc[m + 1].text, doc[m]
    # "Republican pollster Daron Shaw: “...”" / "From the report: “...”"
    sent = _sent_of(qt)
    j = qt.i - 1
    while j >= sent.start and (doc[j].is_quote or in_quote(doc[j])):
        j -= 1
    if j > sent.start and doc[j].text.endswith(":"):
        header = _header_speaker(sent, j)
        if header is not None:
            return ":", header
        before = doc[j - 1]
        if before.text == ")":
            # "Rep. Trey Gowdy (R-S.C.):"
            while j > sent.start and doc[j].text != "(":
                j -= 1
            before = doc[j - 1] if j > sent.start else before
        if before.tag_ in ("NNP", "NNPS", "NN", "NNS") and not in_quote(before):
            return ":", before
        cs = _colon_speaker(sent, framed if framed is not None else verbs, in_quote, subject)
        if cs is not None:
            return cs[1], cs[0]
    # nearest speech verb in the sentence with a subject (the one before on a tie)
    if framed is None:
        framed = [v for v in verbs if subject(v) is not None]
    near = _nearest(framed, qt.i)
    if near is not None:
        return near.text, subject(near)
    # any verb right after the quote with a subject: "“Q,” an angry Hollande retaliated"
    end = qt.i
    while end + 1 < sent.end and in_quote(doc[end + 1]):
        end += 1
    for t in doc[end + 1 : min(sent.end, end + 8)]:
        if t.tag_.startswith("VB") and not in_quote(t):
            for c in t.children:
                if c.dep_ in ("nsubj",) and not in_quote(c) and c.i > end and c.tag_ in ("NNP", "NNPS", "PRP", "NN"):
                    return t.text, c
            break
    return "", None


# "“...” ― Sonya Herridge": a dash and a name after a quote. The name never runs over a line end ("– Sudiksha
# Kochi\n\nNikki Haley criticizes ..." made 'Sudiksha Kochi Nikki Haley' a speaker).
_DASH_BYLINE = re.compile(r"[”\"’',.]*\s*[―—–]\s*([A-Z][\w.’'-]*(?:[^\S\n]+(?:[A-Z][\w.’'-]*|de|van|von|del|la|al|bin)){0,4})")
# what goes on after a credit on a line of its own that says who spoke: "— Twitter CEO Parag Agrawal, on Elon
# Musk's decision ...", "— Amrith Kaur Aakre of the Sikh Coalition after ..."
_CREDIT_GOES_ON = re.compile(r"[^\S\n]*,?[^\S\n]+(?:of|on|in|at|after|about|from|who|when|while|speaking|warning)\b")
_TITLE_WORDS = 4  # "“A Christmas Carol” — Culinary Institute of America": a quoted title and where it plays
# what may stand before a quote that opens its paragraph: spaces and quote marks (matched from the paragraph's
# start, it stops at the first word: slicing the paragraph up to each quote cost a long paragraph its length
# squared)
_OPENING_MARKS = re.compile("[ \t\u00a0“”\"‘’']*")


def _dash_credit(text: str, q: Quote, para_start: int) -> re.Match[str] | None:
    """The name credited with quote `q` by a dash after it ("“...” ― Sonya Herridge"), if it is the speaker.

    Only a quote that is its paragraph's own (opening it) is credited so: a dash and a name after a quote that
    ends a paragraph of reporting ("..., Harbaugh said. “... innocent.” — Jordan Mendoza") is the reporter's
    sign-off in a live blog, as is a line holding only a name after the quote's paragraph ("– Sudiksha Kochi",
    "– Carli Pierson, USA TODAY"); a credit on a line of its own names the speaker when the line goes on to say
    who they are or when they spoke."""
    if len(text[q.start : q.end].split()) <= _TITLE_WORDS or _OPENING_MARKS.match(text, para_start, q.start).end() < q.start:
        return None
    m = _DASH_BYLINE.match(text, q.end)
    if m is None:
        return None
    if "\n" in text[q.end : m.start(1)] and not _CREDIT_GOES_ON.match(text, m.end(1)):
        return None
    return m
