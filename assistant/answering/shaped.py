"""Answers with a shape, from the articles' own sentences: summaries, comparisons and timelines.

A reader asks "Summarize the Buffalo snow storm", "How did Meta and Amazon differ on layoffs?" or
"Timeline of the House speaker vote"; two best sentences answer none of these. The question's
analysis (`question.analyze`) names the shape; the passages come from a wider search than a fact
question's (`SHAPED_TOP_K`), and:

1. Stories: the passages are grouped by article, and articles that are one story told twice (the
   same wire copy in several outlets: word 5-shingles of their openings overlap by
   `SAME_STORY_JACCARD` or more) are merged into one story, "also in: …" naming the other outlets.
   Exact Jaccard over a handful of articles; datasketch's MinHash estimate pays off only across a
   whole index.
2. Summary: the stories that hold the topic (the passage holds `min_support` of its key terms, weighted, and
   `TOPIC_WORDS` of them counted alike: a rare name alone is not the topic),
   newest first, at most `MAX_STORIES`, each one dated line with its best sentence for the topic,
   cited. No topic ("What happened this week?"): the newest articles of the window, each with its
   lead sentence.
3. Comparison: for each side, the best sentences that name that side and hold the topic, under the
   side's name; a side with nothing says so.
4. Timeline: sentences from passages that hold nearly all of the topic and carry a day ("on Tuesday" read against the article's date, "Jan. 3"
   (even after the article's date: an updated article dated earlier tells of "the primary on Feb. 6"),
   else the article's own date for a sentence that reports an event), in date order, one cited line
   each, near-repeats dropped.

Each line's citation is the sentence itself with its exact span; nothing is worded anew, so every
line is supported by what it cites.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from assistant.answer import Answer, Citation, cite_in_chunk
from assistant.answering.extractive import (
    MONTH_NAME,
    Candidate,
    ExtractiveAnswerer,
    changed_figures,
    closest_only,
    is_subhead,
    paragraph_to,
    repeats,
    same_place,
    with_calendar_dates,
)
from assistant.answering.question import QuestionAnalysis, dependency_parser
from assistant.answering.timeframe import relative_dates
from assistant.search.types import Hit
from assistant.search.words import stems
from ingest.store import QuoteRecord

SHAPED_KINDS = frozenset({"summary", "what_happened", "comparison", "timeline"})
DIGEST_KINDS = frozenset({"summary", "what_happened"})  # answered by a digest of stories
SHAPED_TOP_K = 24  # passages searched for a summary, comparison or timeline
TOPIC_SENTENCES = 2  # a story not leading with the topic must hold it in this many sentences to be about it
MAX_STORIES = 5
MAX_TIMELINE_LINES = 8
SIDE_SENTENCES = 2
SAME_STORY_JACCARD = 0.5
# words that frame a story rather than tell it (as stems): "the water crisis", "the Hunter Biden saga"
FRAMING_WORDS = frozenset(
    stems(
        "crisis saga situation controversy scandal story stories coverage news development developments affair drama "
        "fallout mess ordeal turmoil"
    )
)
OPENING_CHARS = 1500
LEAD_CHARS = 400  # a sentence starting this early in its article is its lead
EVENT_VERB = re.compile(
    r"\b(said|says|announced|voted|elected|died|killed|filed|signed|passed|won|lost|launched|began|ended|"
    r"opened|closed|arrested|charged|sentenced|ruled|declared|reported|confirmed|released|resigned|hit|struck|"
    r"clinched|became|adjourned|rose|fell|climbed|collapsed|agreed|rejected|approved|nominated)\b",
    re.IGNORECASE,
)
PROSE_END = re.compile(r"[.!\"”’')]\s*$")  # a sentence that ends as a statement of the story does
HEADLINE_PENALTY = 0.3
LEAD_BONUS = 0.1
# the share of the topic a timeline line's passage must hold: a roundup item that names "Kansas City"
# and "shootings" (0.6 of "the Kansas City parade shooting") is not a step of that story
TIMELINE_SUPPORT = 0.8
# a digest's story holds every part of its topic but one at most (a name is one part, each other word another), in
# its passage and in its head or sentences: weighted, the rare name of "the Baltimore bridge" or "the Navalny death"
# was most of the topic, and a Morgan State shooting, a betting line ("Spread: Baltimore (-3.5)") and the Oscars'
# "Navalny" documentary were listed as its stories; "the Kansas City Super Bowl parade shooting" listed predictions
# for the game. Two parts need both.
NAME_PART = re.compile(r"\b[A-Z][\w'’.-]*(?:\s+(?:(?:of|and|the|for|on|de)\s+)?[A-Z][\w'’.-]*)*")
RECENT_WITHOUT_YEAR = 62  # days before its article a year-less day is news of, not of another year the sentence names
NOWHERE = frozenset({"\x00"})  # a topic part no text holds
KICKER_CHARS = 80  # how far back on its line a cited sentence's cut-off kicker is read for a year
YEAR = re.compile(r"\b((?:19|20)\d\d)\b")
# "primary on Feb. 6" in an article dated (and updated after) Jan. 23: a day the sentence writes out dates its
# line even after the article's date; a weekday after it ("will vote Tuesday") is still only planned
EXPLICIT_DAY = re.compile(r"\d")
# A sentence that looks ahead ("plans to keep pushing, at least until Super Tuesday on March 5"): a date after its
# article's is a plan, not the day of an event (an updated article's "the primary on Feb. 6, where Haley lost" is)
LOOKS_AHEAD = re.compile(
    r"\b(?:will|would|may|can|must|plans?|planned|planning|scheduled|expected|upcoming|until|through|ahead of|set to|next)\b"
    r"|['’]d\b",
    re.IGNORECASE,
)
# "since Tuesday", "until Friday": a day that bounds the event, not the day it happened
BOUNDARY = re.compile(r"\b(since|until|till|before|after|by|from)\s+$", re.IGNORECASE)
# ... and one a "since" clause tells as its background: "… for their first face-to-face talks since the strike began
# March 2, the service said Friday" put a mediator's talks on the strike's first day (a researcher's own corpus)
# (only "since": "11 children were shot … after a Super Bowl victory parade in Kansas City on Wednesday" is the day of
# the shooting's parade)
BACKGROUND_CLAUSE = re.compile(r"\bsince\s[^,;.—–]{0,80}$", re.IGNORECASE)


@dataclass
class Story:
    """One story: the articles that tell it (near-duplicates merged), the newest first."""

    hits: list[Hit]
    also_in: list[str] = field(default_factory=list)

    @property
    def lead(self) -> Hit:
        return self.hits[0]


@dataclass
class SideQuotes:
    """A comparison's sides' own words (from the quote index), and how to cite and word one."""

    words: dict[str, list[QuoteRecord]]
    cite: Callable[[int, QuoteRecord], Citation]
    said: Callable[[QuoteRecord], str]


def no_story_about(topic: str, answer: Answer) -> Answer:
    """A digest asked for that found no story about its topic: the best sentence the search found is only the
    closest the articles come, not a summary. "Summarize the news about the Baltimore bridge collapse", asked of
    an archive that ends before it, was answered with a 2020 correction about a jet bridge at BWI airport."""
    return closest_only(answer, f"No story here is about {topic}; the closest the articles come")


def in_the_year_told(day: date, sentence: str, named: list, published: date) -> date:
    """`day`, read from a month and day without a year, put in the one year the sentence names: "In 2022, a man with a
    rifle fired into a July 4th parade" (an article of 2024-02-15) is 2022-07-04, not the July 4 before the article
    (an outside try's timeline dated it 2023-07-04)."""
    first = next((found for found in named if found.date == day), None)
    years = set(YEAR.findall(sentence))
    if first is None or YEAR.search(first.text) or len(years) != 1:
        return day
    if not MONTH_NAME.search(first.text):
        # a weekday is of its article's week: "ordered on Tuesday Kessler Plating, a company that closed its factory in
        # 2019, …" (2025-10-01) is 2025-09-30, not 2019-09-30 (a journalist's timeline)
        return day
    year = int(years.pop())
    if year < day.year and RECENT_WITHOUT_YEAR >= (published - day).days >= 0:
        # a day weeks before the article is its own year's, whatever year the sentence names besides: "Natarajan, who
        # joined the department in 2014, … after Ruiz resigned on March 2" (2026-03-31) is no 2014-03-02 (an outside
        # try's timeline opened with it)
        return day
    try:
        return day.replace(year=year)
    except ValueError:  # February 29 of a year without one
        return day


def same_sentence(a: Candidate, b: Candidate) -> bool:
    return (a.hit.chunk.article_id, a.start) == (b.hit.chunk.article_id, b.start)


def shingles(text: str, size: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"\w+", text[:OPENING_CHARS].lower())
    return {tuple(words[i : i + size]) for i in range(max(len(words) - size + 1, 1))}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def stories_of(hits: list[Hit], texts: dict[str, str]) -> list[Story]:
    """Group passages by article and merge articles that are the same story; best-ranked story first."""
    by_article: dict[str, list[Hit]] = {}
    for hit in hits:
        by_article.setdefault(hit.chunk.article_id, []).append(hit)
    stories: list[tuple[set, Story]] = []
    for article_hits in by_article.values():
        opening = shingles(texts.get(article_hits[0].chunk.article_id, article_hits[0].chunk.text))
        for known_shingles, story in stories:
            if jaccard(opening, known_shingles) >= SAME_STORY_JACCARD:
                story.hits.extend(article_hits)
                source = article_hits[0].chunk.source
                if source and source != story.lead.chunk.source and source not in story.also_in:
                    story.also_in.append(source)
                break
        else:
            stories.append((opening, Story(hits=list(article_hits))))
    return [story for _, story in stories]


def passage_of(c: Candidate) -> str:
    return f"{c.hit.chunk.title}\n{c.hit.chunk.text}"


def worded(citation: Citation) -> str:
    """The cited sentence on one line, its day words given their calendar dates ("happened Thursday
    (2024-03-14)") as in every other answer."""
    return with_calendar_dates(" ".join(citation.quote.split()), citation.published)


def kicker_of(c: Candidate, article_text: str) -> str:
    """What the cited sentence was cut from on its own line (a kicker: "Chicago suburb Fourth of July
    parade in 2022 :"), which still says when its event was. Read in the article: the passage may
    have been cut between the two."""
    text, at = article_text, c.start
    if text[c.start : c.end] != c.text:  # an article text that does not hold the sentence where it says
        text, at = c.hit.chunk.text, c.start - c.hit.chunk.start
    before = text[max(text.rfind("\n", 0, at) + 1, at - KICKER_CHARS) : at]
    return re.split(r"[.!?]\s", before)[-1]


class ShapedAnswerer:
    """Summaries, comparisons and timelines; see the module docstring."""

    def __init__(self, extractive: ExtractiveAnswerer):
        self.extractive = extractive

    def answer(
        self, analysis: QuestionAnalysis, question: str, hits: list[Hit], texts: dict[str, str], quoted: SideQuotes | None = None
    ) -> Answer | None:
        """The shaped answer, or None when the shape finds nothing (the caller then declines or
        answers as for any question). `quoted`: a comparison's sides' own words, which come first."""
        if analysis.kind == "comparison":
            return self.comparison(analysis, question, hits, texts, quoted)
        if analysis.kind == "timeline":
            return self.timeline(analysis, question, hits, texts)
        return self.summary(analysis, question, hits, texts)

    # --- the shapes ----------------------------------------------------------------------------
    def summary(self, analysis: QuestionAnalysis, question: str, hits: list[Hit], texts: dict[str, str]) -> Answer | None:
        topic = analysis.topic or ""
        terms = self.topic_terms(topic) if topic else {}
        parts = self.topic_parts(topic, terms)
        # a one-word name of the topic, as written: "the Chiefs parade shooting" let in the 2022 Club Q shooting, whose
        # "Police Chief Adrian Vasquez" held "chief" (an outside try)
        written = [m.group() for m in NAME_PART.finditer(topic) if " " not in m.group() and m.start() > 0]
        lines: list[tuple[str, Candidate]] = []
        for story in stories_of(hits, texts):
            article = f"{story.lead.chunk.title}\n{texts.get(story.lead.chunk.article_id, story.lead.chunk.text)}"
            # ... held only as written: a story that never writes it lacks that part (one part may still be missing)
            unwritten = {
                frozenset(self.extractive.keyword.stems(name))
                for name in written
                if not re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", article)
            }
            story_parts = [NOWHERE if part in unwritten else part for part in parts]
            # "the Fed" of "What is the latest on the Fed?" is no "fed" of "The 687 Reamer Fire fed into it"
            candidates = self.scored(story.hits, terms, self.extractive.cased_names(question))
            if terms and (not candidates or candidates[0].support < self.extractive.min_support):
                continue  # the story does not hold the topic
            if terms and not self.holds_the_parts(passage_of(candidates[0]), story_parts):
                continue
            if terms and not self.is_about(story, candidates, terms, texts, story_parts):
                continue  # "Haley sat on the board of Boeing": a story that mentions the topic once is about something else
            best = candidates[0] if terms else self.lead_sentence(story)
            if best is None:
                continue
            also = f" (also in: {', '.join(story.also_in)})" if story.also_in else ""
            lines.append((also, best))
        if not lines:
            return None
        lines.sort(key=lambda line: line[1].hit.chunk.published, reverse=True)
        found = len(lines)
        lines = lines[:MAX_STORIES]
        heading = f"The stories about {topic}, newest first:" if topic else "The most-covered stories, newest first:"
        if topic and found > MAX_STORIES:
            # "Summarize the Ridgeback Fire" gave its five newest stories, as if all: the outbreak, the deaths and the
            # cause left out unsaid (an outside try); the cut is said, and where the rest are
            heading = (
                f"The {MAX_STORIES} newest of the {found} stories found about {topic}, newest first (for its course from "
                f"the start, ask for a timeline of {topic}):"
            )
        return self.compose(question, heading, [(self.dated(c), c, also) for also, c in lines], texts)

    def comparison(
        self, analysis: QuestionAnalysis, question: str, hits: list[Hit], texts: dict[str, str], quoted: SideQuotes | None = None
    ) -> Answer | None:
        """Each side under its name: a person's own words on the topic first (from the quote index, `quoted`), else
        the sentences that name the side. "How did Trump and Haley differ on the border?" gave, for Trump, "The
        U.S.-Mexico border is an early view of the likely election rematch", which says nothing of his."""
        topic_terms = self.topic_terms(analysis.topic) if analysis.topic else {}
        sections: list[tuple[str, list[Candidate]]] = []
        used: list[Candidate] = []
        own_words = quoted.words if quoted is not None else {}
        for side in analysis.sides:
            if own_words.get(side):
                sections.append((side, []))
                continue
            side_stems = set(self.extractive.keyword.stems(side))
            naming = [h for h in hits if side_stems <= set(self.extractive.keyword.stems(f"{h.chunk.title}\n{h.chunk.text}"))]
            terms = dict(topic_terms) | {s: w * 2 for s, w in self.extractive.key_terms(side).items()}
            chosen: list[Candidate] = []
            others = [set(self.extractive.keyword.stems(other)) for other in analysis.sides if other != side]
            for c in self.scored(naming, terms):
                if not side_stems <= c.stems or c.lexical == 0:
                    continue  # the sentence itself names the side
                if others and self.done_by_another(c.text, others, side_stems):
                    # "The City Council voted 5-2 … to amend Mayor Linda Okafor's budget" is the council's doing, not the
                    # mayor's (an outside try found it under "the mayor")
                    continue
                if topic_terms and (is_subhead(c) or not self.on_the_topic(c, topic_terms, texts)):
                    # "How did Trump and Haley differ on Navalny?" gave for Haley that Judge Judy endorsed her, and for
                    # Trump the subhead "Trump at CPAC: 'Success will be our revenge'" (an outside try)
                    continue
                # near this side's other sentences, nothing new; another side's may be a sentence away: "The mayor has 10
                # days to sign or veto" kept the council's "The City Council voted 5-2 …" out of its own section
                if any(same_place(c, x) for x in chosen) or any(same_sentence(c, x) or repeats(c, x) for x in used):
                    continue
                chosen.append(c)
                if len(chosen) >= SIDE_SENTENCES:
                    break
            used.extend(chosen)
            sections.append((side, chosen))
        if not any(chosen or own_words.get(side) for side, chosen in sections):
            return None
        n = 0
        citations: list[Citation] = []
        parts: list[str] = []
        for side, chosen in sections:
            if own_words.get(side) and quoted is not None:
                sentences = []
                for quote in own_words[side]:
                    n += 1
                    citations.append(quoted.cite(n, quote))
                    sentences.append(f"{quoted.said(quote)} [{n}]")
                parts.append(f"{side}: " + " ".join(sentences))
                continue
            if not chosen:
                parts.append(f"{side}: the articles here don't say.")
                continue
            sentences = []
            for c in chosen:
                n += 1
                citation = self.cite(n, c, texts)
                citations.append(citation)
                sentences.append(f"{worded(citation)} [{n}]")
            parts.append(f"{side}: " + " ".join(sentences))
        return Answer(question=question, text="\n\n".join(parts), answered=True, citations=citations, mode="extractive")

    def done_by_another(self, text: str, others: list[set[str]], side_stems: set[str]) -> bool:
        """Whether the sentence's subject names another side, or anyone else by name, and not this one: the sentence
        tells what the other did or said."""
        doc = dependency_parser()(text)
        root = next((t for t in doc if t.dep_ == "ROOT"), None)
        subject = next((t for t in root.children if t.dep_ in ("nsubj", "nsubjpass")), None) if root is not None else None
        if subject is None:
            return False
        # the subject without what a clause or a preposition adds to it: "Mike Pompeo, who listened in the notorious
        # Trump-Zelensky call," is no Trump, nor are "supporters of Trump"
        aside = {t.i for c in subject.subtree if c.dep_ in ("relcl", "acl", "prep") and c.i != subject.i for t in c.subtree}
        core = [t for t in subject.subtree if t.i not in aside]
        said = set(self.extractive.keyword.stems(" ".join(t.text for t in core)))
        if side_stems <= said:
            return False
        # ... or anyone else named: "“He should be here,” Ron DeSantis said of Donald Trump …" was given as Trump's side
        # on abortion, "His former Secretary of State Mike Pompeo … berated a reporter" as his on Ukraine (an outside try)
        named = set(self.extractive.keyword.stems(" ".join(t.text for t in core if t.pos_ == "PROPN" and t.text[:1].isupper())))
        if any(other <= said for other in others):
            return True
        # (what someone reports the side did is the side's: "The New York Times reported on Monday that Amazon is
        # planning to lay off …")
        reported = [t for c in root.children if c.dep_ == "ccomp" for t in c.children if t.dep_ in ("nsubj", "nsubjpass")]
        if any(side_stems <= set(self.extractive.keyword.stems(" ".join(w.text for w in t.subtree))) for t in reported):
            return False
        return bool(named - side_stems)

    def on_the_topic(self, c: Candidate, topic_terms: dict[str, float], texts: dict[str, str]) -> bool:
        """Whether the sentence, the paragraph it is in or its article's title holds a word of the comparison's topic
        ("Amazon is planning to lay off some 10,000 employees", under "Amazon layoffs: …", is on layoffs)."""
        if not topic_terms.keys().isdisjoint(c.stems):
            return True
        around = f"{c.hit.chunk.title}\n{paragraph_to(c, texts)}"
        return not topic_terms.keys().isdisjoint(self.extractive.keyword.stems(around))

    def timeline(self, analysis: QuestionAnalysis, question: str, hits: list[Hit], texts: dict[str, str]) -> Answer | None:
        terms = self.topic_terms(analysis.topic or question)
        parts = self.topic_parts(analysis.topic or question, terms)
        # the stories about the topic, as a digest takes them: "Timeline of Lloyd Austin's hospitalization" opened with
        # his 2021 oath of office, from a live blog of Sen. Leahy's discharge from hospital (a journalist's try)
        about = [
            story
            for story in stories_of(hits, texts)
            if self.is_about(story, self.scored(story.hits, terms), terms, texts, parts)
        ]
        if len(about) >= 2:
            hits = [hit for story in about for hit in story.hits]
        dated: list[tuple[date, Candidate]] = []
        for c in self.scored(hits, terms):
            if c.support < TIMELINE_SUPPORT or c.lexical == 0:
                continue
            day = self.event_day(c, texts.get(c.hit.chunk.article_id, c.hit.chunk.text))
            # a near-repeat is dropped, but not the same words with another figure on another day: a fare
            # that rose to $5, then to $6, is the timeline itself
            if day is None or any(same_place(c, x) and (x_day == day or not changed_figures(c, x)) for x_day, x in dated):
                continue
            dated.append((day, c))
            if len(dated) >= MAX_TIMELINE_LINES:
                break
        if len(dated) < 2:
            return None
        dated.sort(key=lambda item: (item[0], item[1].hit.chunk.published))
        heading = f"Timeline of {analysis.topic}:" if analysis.topic else "Timeline:"
        return self.compose(question, heading, [(day.isoformat(), c, "") for day, c in dated], texts)

    # --- pieces --------------------------------------------------------------------------------
    def topic_terms(self, topic: str) -> dict[str, float]:
        """The topic's key terms, without the words that frame a story rather than tell it (`FRAMING_WORDS`: "crisis",
        "saga") when it has others: "Timeline of the Millrace water crisis" was declined (a journalist's try), its
        rare "crisis" more than half the topic's weight, and the articles tell the crisis without the word."""
        terms = self.extractive.key_terms(topic)
        told = {s: w for s, w in terms.items() if s not in FRAMING_WORDS}
        return told or terms

    def scored(self, hits: list[Hit], terms: dict[str, float], names: frozenset[str] = frozenset()) -> list[Candidate]:
        """The sentences of `hits`, best for `terms` first (lexical share, passage share, rank); a one-word name of
        the question's (`names`, `ExtractiveAnswerer.cased_names`) held only where it is written capitalised."""
        candidates = self.extractive.candidates(hits)
        if not sum(terms.values()):
            return candidates
        self.extractive.measure(candidates, hits, terms, names)
        for c in candidates:
            if not PROSE_END.search(c.text) or self.repeats_the_title(c):
                # link text, a subhead or a question ('Want to honor Damar Hamlin?'); the headline told again as the
                # text's first line, which a digest line already gives ("Title: Title.")
                c.score -= HEADLINE_PENALTY
            if c.start < LEAD_CHARS:
                c.score += LEAD_BONUS  # news puts the story in its first sentences
        return sorted(candidates, key=lambda c: c.score, reverse=True)

    def is_about(
        self,
        story: Story,
        candidates: list[Candidate],
        terms: dict[str, float],
        texts: dict[str, str],
        parts: list[frozenset[str]] | None = None,
    ) -> bool:
        """Whether the story is about the topic, not just mentioning it: the topic is in its title or
        lead (`LEAD_CHARS`), or in `TOPIC_SENTENCES` of its sentences. "Summarize the TikTok ban news"
        listed a Taylor Swift story and a Nickelodeon one, each naming TikTok once."""
        lead = story.lead.chunk
        head = f"{lead.title}\n{texts.get(lead.article_id, lead.text)[:LEAD_CHARS]}"
        parts = parts or []
        if self.share(head, terms) >= self.extractive.min_support and self.holds_the_parts(head, parts):
            return True
        holding = [c for c in candidates if c.lexical >= self.extractive.min_support and self.holds_the_parts(c.text, parts)]
        return len(holding) >= TOPIC_SENTENCES

    def topic_parts(self, topic: str, terms: dict[str, float]) -> list[frozenset[str]]:
        """The topic's parts, as the key terms' stems: each name ("Kansas City Super Bowl") one, each other word one."""
        names = [frozenset(self.extractive.keyword.stems(m.group())) & terms.keys() for m in NAME_PART.finditer(topic)]
        named = set().union(*names) if names else set()
        return [name for name in names if name] + [frozenset({s}) for s in terms if s not in named]

    def holds_the_parts(self, text: str, parts: list[frozenset[str]]) -> bool:
        """Whether `text` holds every part of the topic but one at most (both of two); a part that is a long name, all
        of its words but one."""
        stems = self.extractive.with_prefixed_terms(set(self.extractive.keyword.stems(text)), set().union(*parts))
        # a name of three words or more is held by all but one of them: a story of "the Kansas City Chiefs parade" says
        # "a Super Bowl victory parade in Kansas City" and never names the team
        held = sum(len(part - stems) <= (1 if len(part) >= 3 else 0) for part in parts)
        return held >= (len(parts) if len(parts) <= 2 else len(parts) - 1)

    def share(self, text: str, terms: dict[str, float]) -> float:
        """The weighted share of `terms` that `text` holds."""
        stems = self.extractive.with_prefixed_terms(set(self.extractive.keyword.stems(text)), terms)
        return sum(w for s, w in terms.items() if s in stems) / sum(terms.values())

    def lead_sentence(self, story: Story) -> Candidate | None:
        """The first sentence of the story's earliest passage in its article, past a credit or a subhead line:
        "What happened this week?" gave a fact check's lead as "PolitiFact.com / Milwaukee Journal Sentinel"."""
        ordered = sorted(story.hits, key=lambda h: h.chunk.start)
        candidates = self.extractive.candidates(ordered)
        # past the headline told again as the text's first line (a passage of its own at times): "Superdelegates? Dems
        # have too many, the GOP too few: Dems have too many, the GOP too few." said nothing the title had not
        told = [c for c in candidates if not self.repeats_the_title(c)]
        return next((c for c in told if not is_subhead(c)), (told or candidates)[0] if candidates else None)

    def repeats_the_title(self, c: Candidate) -> bool:
        """Whether the sentence holds no word its article's title does not."""
        title = set(self.extractive.keyword.stems(c.hit.chunk.title))
        return bool(title) and set(self.extractive.keyword.stems(c.text)) <= title

    @staticmethod
    def dated(c: Candidate) -> str:
        return c.hit.chunk.published or "undated"

    @staticmethod
    def event_day(c: Candidate, article_text: str) -> date | None:
        """The day a sentence's event happened: a day it names, read against its article's date, or
        the article's date for a sentence that reports an event without naming a day."""
        if not c.hit.chunk.published:
            return None
        published = date.fromisoformat(c.hit.chunk.published)
        named = relative_dates(c.text, published)
        days = [
            found.date
            for found in named
            if found.date is not None
            and (found.date <= published or (EXPLICIT_DAY.search(found.text) and not LOOKS_AHEAD.search(c.text)))
            and not BOUNDARY.search(c.text[: found.span[0]])
            and not BACKGROUND_CLAUSE.search(c.text[: found.span[0]])
        ]
        if days:
            return in_the_year_told(days[0], c.text, named, published)
        if any(found.range is not None and not found.range[0] <= published <= found.range[1] for found in named):
            return None  # "last month": another time than the article's day, and no day to put it on
        if any(int(year) != published.year for year in YEAR.findall(kicker_of(c, article_text) + c.text)):
            return None  # "elected … in 2021" in an article of 2022: an earlier event, not this day's
        # a lead sentence reports the day's news; elsewhere, a sentence that reports an event
        return published if c.start < LEAD_CHARS or EVENT_VERB.search(c.text) else None

    def cite(self, n: int, c: Candidate, texts: dict[str, str]) -> Citation:
        return cite_in_chunk(n, c.hit.chunk, texts.get(c.hit.chunk.article_id, ""), c.start, c.end, fallback_quote=c.text)

    def compose(self, question: str, heading: str, lines: list[tuple[str, Candidate, str]], texts: dict[str, str]) -> Answer:
        citations: list[Citation] = []
        parts = [heading]
        for n, (label, c, note) in enumerate(lines, start=1):
            citation = self.cite(n, c, texts)
            citations.append(citation)
            title = f" · {c.hit.chunk.title}" if c.hit.chunk.title else ""
            parts.append(f"- {label}{title}: {worded(citation)} [{n}]{note}")
        return Answer(question=question, text="\n".join(parts), answered=True, citations=citations, mode="extractive")
