"""Running the steps: ``find_attributions`` and ``canonical_speakers``."""

from __future__ import annotations

import bisect
import logging
import re
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from ingest.attribution.coreference import (
    _FULL_NAME,
    _ORG_WORDS,
    _Article,
    _entities,
    _gender_of,
    _Mention,
    _resolve,
    _set_speaker,
)
from ingest.attribution.cues import (
    _according_to,
    _colon_speaker,
    _dash_credit,
    _is_speech_verb,
    _memo_subject,
    _pick_cue,
)
from ingest.attribution.inheritance import _fix_nested, _Frame, _inherit
from ingest.attribution.lexicon import _BODY_NOUNS, _FEMALE, _MALE, _PRONOUNS, _REFUSING, _SUBJ_DEPS, _WEAK_INDIRECT
from ingest.attribution.names import _AFFILIATION, TITLES, NameIndex, clean_name, lead_off
from ingest.attribution.scanner import Quote, _paragraphs, _trim, find_quotes
from ingest.attribution.skeleton import Skeleton, _build_skeleton, _has_cue, _in_quote_fn, load_nlp
from ingest.attribution.types import Attribution

log = logging.getLogger(__name__)

if TYPE_CHECKING:
    import spacy
    from spacy.tokens import Doc, Token


# A news paragraph runs to a few hundred characters (the longest of 3,534 eval articles: 19,316). One far
# longer is a dump, not prose: parsing it costs gigabytes (a 950,000-character paragraph took 3.5 GB)
# and spaCy refuses a million characters (E088), so it is left unparsed and its quotes unattributed.
MAX_PARSED_PARAGRAPH_CHARS = 50_000
# The parse is the cost of attribution, about 1 s of CPU per 10,000 characters and, while a batch is parsed,
# ~2.4 KB of memory per character (22 paragraphs of 45,000 characters parsed as one batch took 2.7 GB). An article
# is parsed up to this many characters (three times the longest of 3,534 eval articles, 100,000), in batches of
# at most PARSE_BATCH_CHARS; the quotes after that point are left unattributed, and a warning names the article.
# Its text is indexed in full all the same.
MAX_PARSED_CHARS = 300_000
PARSE_BATCH_CHARS = 50_000
PARSE_BATCH_DOCS = 64


def tells_a_person(subject: Token, name: str, written: str) -> bool:
    """Whether a speech verb's subject names a person: a proper noun the recognizer reads as a person or as nothing it
    knows, or a role its appositive names ("A spokeswoman for the company, Dana Whitfield, said"), not a pronoun nor a
    body."""
    ent = subject.doc.user_data["tok_ent"].get(subject.i)
    if ent is not None and ent[2] not in ("PERSON", "UNK"):
        return False
    if name.lower() in _PRONOUNS or not name[:1].isupper() or _AFFILIATION.match(name):
        return False  # (nor a party and state the parse made the subject: "Gopal, D-Monmouth, said")
    if subject.tag_ == "NNP":
        return subject.lower_ not in _ORG_WORDS
    if subject.tag_ == "NNS" and subject.text[:1].isupper() and name != written and name.endswith(f" {written}"):
        # a surname the tagger read as a plural ("Pruitt said the operators were willing …"), a person named in full before
        return True
    # a role its appositive names; a body is none ("the union said …" was taken for a person, and a "She said" after
    # it for the union's words: a researcher's own corpus)
    return subject.tag_ == "NN" and subject.lower_ not in _BODY_NOUNS and name != written and len(name.split()) >= 2


def find_attributions(text: str, nlp: spacy.Language | None = None, article: str = "") -> list[Attribution]:
    """All attributions in `text`, sorted by span start. `article` names it in the log (its id)."""
    if nlp is None:
        nlp = load_nlp()
    where = f"article {article}" if article else "article"
    quotes = find_quotes(text)
    paras = _paragraphs(text)
    by_para: dict[int, list[tuple[int, Quote]]] = {}
    for qi, q in enumerate(quotes):
        by_para.setdefault(q.para, []).append((qi, q))

    # Only paragraphs with a quote, a speech verb form or "according to" are
    # parsed; the others cannot hold an attribution.  (Names in skipped
    # paragraphs are still picked up cheaply for pronoun resolution.)
    skels: list[tuple[int, Skeleton]] = []
    parsed_chars = 0
    for pi, (ps, pe) in enumerate(paras):
        if pe - ps > MAX_PARSED_PARAGRAPH_CHARS:
            log.warning("%s: paragraph at %d is %d characters: not parsed for attributions", where, ps, pe - ps)
            continue
        if pi in by_para or text[ps:pe].rstrip().endswith(":") or _has_cue(text, ps, pe):
            skel = _build_skeleton(text, ps, pe, by_para.get(pi, []))
            if parsed_chars + len(skel.text) > MAX_PARSED_CHARS:
                # the quotes from here on get no speaker (not even one inherited from the parsed paragraphs)
                left = sum(1 for q in quotes if q.para >= pi)
                quotes = [q for q in quotes if q.para < pi]
                log.warning(
                    "%s: attributions found in its first %d characters only (%d quotes after them left "
                    "unattributed): attribution parses at most %d characters of an article (quotes shortened); its "
                    "text is indexed in full",
                    where,
                    ps,
                    left,
                    MAX_PARSED_CHARS,
                )
                break
            parsed_chars += len(skel.text)
            skels.append((pi, skel))
    docs = list(_parse(nlp, [sk.text for _, sk in skels]))

    art = _Article(text)
    parsed = {pi for pi, _ in skels}
    for pi, (ps, pe) in enumerate(paras):
        if pi not in parsed:
            # cheap: full names in paragraphs we don't parse still feed name merging
            for m in _FULL_NAME.finditer(text, ps, pe):
                words = m.group(1).split()
                if words[0].lower() not in _ORG_WORDS and words[-1].lower() not in _ORG_WORDS:
                    # "Will Messi play for Argentina again?": the modal opens a question, no name
                    question = (m.start(1) == ps or text[m.start(1) - 1] == "\n") and _ends_question(text, m.end(1), pe)
                    # "Houston, Texas Haley arrived": the state ends the place
                    after_place = _PLACE_BEFORE.search(text, max(ps, m.start(1) - 40), m.start(1)) is not None
                    name = lead_off(words, question, after_place)
                    if len(name) > 1:
                        art.names.add(m.end(1) - len(" ".join(name)), " ".join(name))
    # pass 1: entity mentions (outside quotes) for name merging and pronouns
    ents_by_doc = _entities(docs, skels)
    for (_pi, sk), doc, ents in zip(skels, docs, ents_by_doc):
        tok_ent: dict[int, tuple[int, int, str]] = {}
        for a, b, label in ents:
            for i in range(a, b):
                tok_ent[i] = (a, b, label)
            if sk.tok_quote(doc[a]) != -1:
                continue  # inside a quote: not an antecedent
            span = doc[a:b]
            pos = sk.to_orig(span.start_char)
            root = span.root
            is_subj = root.dep_ in _SUBJ_DEPS or (root.dep_ == "poss" and root.head.dep_ in _SUBJ_DEPS)
            # a passive's doer is its subject as a "she" after it reads it: "The talks are being led by Alicia Moreno, a
            # federal mediator. She said …" was another's (a researcher's own corpus)
            is_subj = is_subj or (root.dep_ == "pobj" and root.head.dep_ == "agent")
            # ... and so is a subject's name in apposition: "The Millrace Diner's owner, Grace Tilden, told the council
            # …. 'Please just get it open,' she said." was the diner's (a reporter's own corpus)
            # (a person's name beside a common noun, not a title beside a name: "Filippo Grandi, the United Nations High
            # Commissioner for Refugees, reacted …" is Grandi's)
            is_subj = is_subj or (
                label == "PERSON" and root.dep_ == "appos" and root.head.dep_ in _SUBJ_DEPS and root.head.tag_ in ("NN", "NNS")
            )
            name = clean_name(span.text)
            if label == "PERSON":
                art.names.add(pos, span.text)
                # the words of the name's own phrase before it ("former South Carolina Gov."), not the sentence's
                # words that happen to precede it ("… attacked the former governor, Trump"): Trump was no governor
                titles = {t.lower_ for t in doc[max(0, a - 3) : a] if _heads_into(t, a, b)}
                titles |= {t.lower_ for t in span if t.lower_ in TITLES}
                art.roles.setdefault(name, set()).update(titles)
            art.mentions.append(_Mention(pos, name, label, is_subj, _gender_of(span)))
        doc.user_data["tok_ent"] = tok_ent

    attributions: list[Attribution] = []
    frame_spk: list[tuple[int, int, str, str]] = []  # (start, end, name, label) of speech-frame complements

    # pass 2: speakers for quotes whose sentence has a cue
    colon_spk: dict[int, tuple[str, str, tuple[int, int] | None, str]] = {}
    para_frames: dict[int, list[_Frame]] = {}
    # Each sentence is walked once: what a quote asks of its sentence (its words, the speech verbs, their
    # subjects) is gathered before the quotes are read, so a long sentence of many quotes costs its length, not
    # its length times its quotes.
    for (pi, sk), doc in zip(skels, docs):
        in_quote = _in_quote_fn(sk)
        subject = _memo_subject(in_quote)
        title = _is_title_line(text, *paras[pi])
        doc_end = len(doc.text.rstrip())
        for sent in doc.sents:
            # quote placeholders in this sentence -> token; a short quote's words; words outside quotes
            qtoks: dict[int, Token] = {}
            short_words: dict[int, list[Token]] = {}
            narration = False
            for t in sent:
                qi = sk.tok_quote(t)
                if qi >= 0 and qi not in qtoks:
                    qtoks[qi] = t
                elif qi <= -2:
                    short_words.setdefault(-qi - 2, []).append(t)
                    if (-qi - 2) not in qtoks:
                        qtoks[-qi - 2] = t
                elif qi == -1 and t.is_alpha:
                    narration = True
            verbs = [t for t in sent if _is_speech_verb(t) and not in_quote(t)]
            framed = [v for v in verbs if subject(v) is not None]
            if sent.text.rstrip().endswith(":") and sent.end_char >= doc_end - 1:
                # "Cruz called them on it:" introduces the next paragraph's quote
                cs = _colon_speaker(sent, verbs, in_quote, subject)
                if cs is not None:
                    colon_spk[pi] = (*_resolve(cs[0], sk, art, sk.to_orig(sent.end_char, end=True)), cs[1])
            acc = _according_to(sent)
            # every speech frame of the paragraph, for cue-less quotes nearby
            for v in framed:
                subj = subject(v)
                if not in_quote(subj):
                    vpos = sk.to_orig(v.idx)
                    # resolved lazily: most frames are never needed
                    para_frames.setdefault(pi, []).append((vpos, subj, sk, art, v.text))
            # one who tells something before a quote of the sentence (the parse may join 'Ortega said the task force would
            # meet next week. "We are going to find a buyer …," he said.' into one) is who its "he said" may mean: known
            # as a speaker before the quote's pronoun is read (below, each telling is also known for later sentences)
            first_quote = min((quotes[qi].start for qi in qtoks), default=-1)
            for v in verbs if qtoks else []:
                subj = subject(v)
                if subj is None or subj.tag_ not in ("NNP", "NN") or in_quote(subj):
                    continue
                at = sk.to_orig(subj.idx)
                if at < first_quote and any(c.dep_ == "ccomp" for c in v.children):
                    name, spk, sspan = _resolve(subj, sk, art, at)
                    if sspan is not None and tells_a_person(subj, name, spk):
                        art.speakers.append((sspan[0], name, ""))
            # quotes whose sentence has a cue
            for qi, qt in qtoks.items():
                q = quotes[qi]
                if sk.tok_quote(qt) <= -2:
                    q.term = _is_term(short_words.get(qi, []), narration)
                cue, subj = _pick_cue(qt, verbs, acc, in_quote, subject, framed)
                if subj is None:
                    continue
                _set_speaker(q, subj, cue, sk, art)
            quote_starts = sorted(quotes[qi].start for qi in qtoks)
            # indirect speech: speech verbs with a clausal complement, no quote inside
            has_indirect = False
            for v in verbs:
                if v.lower_ in _WEAK_INDIRECT:
                    continue
                if any(c.dep_ == "neg" for c in v.children):
                    # "The Water Authority has not said how the solvent got into the wells" says no words (an outside
                    # try found them listed as the authority's)
                    continue
                if v.dep_ == "xcomp" and v.head.lower_ in _REFUSING:
                    # nor does "Okafor declined to say how long the fund could last": "Did Okafor say how long …?" was
                    # answered "Yes." (a researcher's own corpus)
                    continue
                comp = [c for c in v.children if c.dep_ == "ccomp" and c.i > v.i]
                # ... or before it, news style, the frame after a comma: "A leaking dryer line … caused last month's
                # fire, Fire Chief Maria Santos said Thursday." (an outside try found the chief's finding unquoted)
                comma = None
                if not comp:
                    told = next(
                        ((c, at) for c in v.children if c.dep_ == "ccomp" and (at := reported_before(c, v)) is not None), None
                    )
                    if told is not None:
                        comp, comma = [told[0]], told[1]
                if not comp:
                    continue
                subj = subject(v)
                if subj is None:
                    continue
                c = comp[0]
                # told before the frame, what was said is all the sentence before it: the parse hangs "The number …
                # now stands at 12, after a third firefighter reported a shoulder injury, Santos said." on "reported"
                lo, hi = (sent.start, comma - 1) if comma is not None else (c.left_edge.i, c.right_edge.i)
                while hi > lo and doc[hi].is_punct:
                    hi -= 1
                s = sk.to_orig(doc[lo].idx)
                e = sk.to_orig(doc[hi].idx + len(doc[hi]), end=True)
                name, spk, sspan = _resolve(subj, sk, art, s)
                has_indirect = True
                frame_spk.append((s, e, name, subj.ent_type_ or ("PRON" if subj.tag_ == "PRP" else "")))
                ent = doc.user_data["tok_ent"].get(subj.i)
                if (ent is not None and ent[2] == "PERSON") or subj.lower_ in _MALE or subj.lower_ in _FEMALE:
                    art.add_reported(s, e, name)
                if sspan is not None and tells_a_person(subj, name, spk):
                    # one who has just told something is who "he said" after it means, as one just quoted is: 'Ortega said
                    # the task force would meet next week. "We are going to find a buyer …," he said.' was the union
                    # president's, named a paragraph before (a journalist's try)
                    art.speakers.append((sspan[0], name, ""))
                k = bisect.bisect_left(quote_starts, s)
                if k < len(quote_starts) and quote_starts[k] < e:
                    continue  # the quote carries this attribution already
                if title:
                    continue  # a headline's "says": the frame still tells who the article is about, no words
                s, e = _trim(text, s, e)
                if e <= s:
                    continue
                attributions.append(
                    Attribution(
                        kind="indirect",
                        speaker=spk,
                        speaker_name=name,
                        speaker_span=sspan,
                        cue=v.text,
                        text=text[s:e],
                        span=(s, e),
                    )
                )
            # "Khosrowshahi said that drivers made $33 ..., according to Reuters": the speaker is the one who
            # said it; Reuters is where the story comes from, not a second speaker of the sentence
            if acc is not None and not qtoks and not has_indirect and not title:
                # "..., according to X" without quotes: the sentence minus the cue
                s0 = sk.to_orig(sent.start_char)
                a_tok = [t for t in sent if t.lower_ == "according"][0]
                e0 = sk.to_orig(a_tok.idx)
                s0, e0 = _trim(text, s0, e0)
                if e0 - s0 < 10:
                    s0 = sk.to_orig(acc.right_edge.idx + len(acc.right_edge), end=True)
                    e0 = sk.to_orig(sent.end_char, end=True)
                    s0, e0 = _trim(text, s0, e0)
                    while e0 > s0 and text[e0 - 1] in ".":
                        e0 -= 1
                if e0 > s0:
                    name, spk, sspan = _resolve(acc, sk, art, s0)
                    attributions.append(
                        Attribution(
                            kind="according_to",
                            speaker=spk,
                            speaker_name=name,
                            speaker_span=sspan,
                            cue="according to",
                            text=text[s0:e0],
                            span=(s0, e0),
                        )
                    )

    # pass 3: pronoun speakers inside an enclosing speech frame take that frame's speaker
    _fix_nested(quotes, frame_spk, attributions)

    # pass 4: "“...” ― Sonya Herridge" bylines after a quote
    for q in quotes:
        if q.speaker is None:
            m = _dash_credit(text, q, paras[q.para][0])
            if m:
                q.speaker, q.speaker_span, q.cue, q.method = m.group(1), m.span(1), m.group(0).strip()[:1], "frame"
                q.speaker_name = art.names.resolve(m.group(1), q.start)

    # pass 5: quotes without a cue inherit from neighbours
    _inherit(quotes, colon_spk, para_frames)

    for q in quotes:
        if q.speaker is None or q.title:
            continue  # a programme's or publication's name is no one's words
        if _chants_the_name(text[q.start : q.end], q.speaker_name or q.speaker):
            continue  # "As a crowd … chanted "Nikki! Nikki! Nikki" the former … governor said …" was quoted as Haley's words
        attributions.append(
            Attribution(
                kind="direct",
                speaker=q.speaker,
                speaker_name=q.speaker_name or q.speaker,
                speaker_span=q.speaker_span,
                cue=q.cue,
                text=text[q.start : q.end],
                span=(q.start, q.end),
                method=q.method,
            )
        )
    attributions.sort(key=lambda a: (a.span[0], a.kind != "direct"))
    return attributions


def _chants_the_name(quoted: str, speaker: str) -> bool:
    """Whether the quoted words are only the speaker's own name, called out ("Nikki! Nikki! Nikki"): a crowd's
    chant or a greeting, never what the one named said (a journalist's try got it as Haley's words)."""
    words = [w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", quoted)]
    named = {w.lower() for w in re.findall(r"[^\W\d_][\w'’-]*", speaker)}
    return bool(words) and set(words) <= named


def _heads_into(token: Token, start: int, end: int, hops: int = 3) -> bool:
    """Whether `token` hangs, within `hops` heads, on a token of doc[start:end] (a title on the name it precedes)."""
    for _ in range(hops):
        if start <= token.head.i < end:
            return True
        if token.head.i == token.i:
            return False
        token = token.head
    return False


def _parse(nlp: spacy.Language, texts: list[str]) -> Iterator[Doc]:
    """`nlp.pipe` over `texts` in batches of at most PARSE_BATCH_DOCS documents and PARSE_BATCH_CHARS characters:
    a batch is parsed at once, so its characters bound the parse's memory. (An article under PARSE_BATCH_CHARS
    is batched as `nlp.pipe(texts, batch_size=PARSE_BATCH_DOCS)` would.)"""
    batch: list[str] = []
    size = 0
    for t in texts:
        if batch and (len(batch) == PARSE_BATCH_DOCS or size + len(t) > PARSE_BATCH_CHARS):
            yield from nlp.pipe(batch, batch_size=len(batch))
            batch, size = [], 0
        batch.append(t)
        size += len(t)
    if batch:
        yield from nlp.pipe(batch, batch_size=len(batch))


# a place and a comma just before a name ("Houston, Texas Haley"), searched up to the name's start
_PLACE_BEFORE = re.compile(r"\b[A-Z][\w.’'-]*, \Z")


def _is_term(words: list[Token], narration: bool) -> bool:
    """Is the short quote of these `words` a term the narration quotes, not speech: no verb among its words, and
    words of the sentence outside quotes around it (`narration`: "The bill would establish a new “border
    emergency authority,” allowing ...")?  Only a speech verb governing it makes it a quote; no neighbour lends it
    a speaker."""
    return narration and not any(t.tag_.startswith("VB") or t.tag_ == "MD" for t in words)


# how a line of prose ends: a sentence's stop, a closing quote or bracket, a colon introducing what follows, a
# comma where the line was cut
_LINE_ENDS = frozenset(".!?…:;,\"”’')]")
_TITLE_MAX_WORDS = 25  # the longest headlines and section headings of news24-dev run to about 20 words
_SENTENCE_STOP = re.compile(r"[a-z0-9][.!?][\"”’]?\s+[A-Z]")


def _is_title_line(text: str, start: int, end: int) -> bool:
    """Is the line a title, not prose: a headline, a section heading or a link to another story ("FED
    WATCH:Powell says Fed is poised to hike interest rates to fight inflation despite Ukraine war, market
    sell-off")? One short sentence without a stop; a headline's "says" reports nobody's words in this article.
    A paragraph of several sentences that lost its last stop ("... Michigan says it also has won titles in 1932
    and 1947. — Jordan Mendoza") is prose."""
    line = text[start:end].strip()
    return bool(line) and line[-1] not in _LINE_ENDS and len(line.split()) <= _TITLE_MAX_WORDS and not _SENTENCE_STOP.search(line)


def _ends_question(text: str, start: int, end: int) -> bool:
    """Does the sentence going on at `start` end with a question mark (before `end`)?"""
    stops = [i for i in (text.find(ch, start, end) for ch in ".?!") if i != -1]
    return bool(stops) and text[min(stops)] == "?"


def canonical_speakers(attributions: Iterable[Attribution]) -> dict[str, list[Attribution]]:
    """Group attributions by merged speaker name ("Mr. Trump"/"Trump" ->
    "Donald J. Trump")."""
    attrs = list(attributions)
    idx = NameIndex()
    for a in attrs:
        idx.add(a.span[0], a.speaker_name)
    out: dict[str, list[Attribution]] = {}
    for a in attrs:
        out.setdefault(idx.resolve(a.speaker_name), []).append(a)
    return out


def reported_before(clause: Token, verb: Token) -> int | None:
    """The comma before the frame, when `clause`, a complement of the speech verb `verb`, is what was said, told before
    its frame: the clause ends at a comma right before the frame ("…, Santos said Thursday."); else None."""
    if clause.i > verb.i:
        return None
    if any(_is_speech_verb(t) and any(c.dep_ == "ccomp" for c in t.children) for t in clause.subtree):
        # "Meta CEO Mark Zuckerberg told company executives that …, the Wall Street Journal reported": the words are
        # his; the paper only reports them. ("Three residents have reported stomach illness since Sunday, Dr. Naomi
        # Feld said." is hers: "reported" tells no words of its own.)
        return None
    doc = clause.doc
    after = clause.right_edge.i + 1
    while after < verb.i and doc[after].text != ",":  # the clause's last words may hang elsewhere in the parse
        after += 1
    if after >= verb.i or any(t.text == "," for t in doc[after + 1 : verb.i]):
        return None  # the frame is right after the comma: "…, Fire Chief Maria Santos said"
    return after
