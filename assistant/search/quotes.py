"""The quote index: who said what, searchable by speaker and by words.

Quotes are found at ingestion (ingest.attribution) and stored on their article's record in
Chroma; this index is derived from those records in the retrieval cache (assistant.search.cache)
and synced with them article by article. A quote enters it only when its speaker is a person or
a body (`ingest.attribution.speaker_names`, read by spaCy NER): an event ("World Cup"), a place
or a generic noun ("The company", "Officials") is no speaker. `speakers` lists the named ones
under the name alone ("Meta CEO Mark Zuckerberg" -> "Mark Zuckerberg"), the variants of one name
merged across articles ("Benedict" / "Benedict XVI").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from assistant.search.text_index import TextIndex
from assistant.search.types import Filters
from assistant.search.words import FRAME_STEMS, WORD, fold, stems
from ingest.attribution import Speaker, speaker_names
from ingest.store import QuoteRecord

TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sen",
    "senator",
    "rep",
    "gov",
    "governor",
    "president",
    "pres",
    "prime",
    "minister",
    "secretary",
    "gen",
    "general",
    "judge",
    "justice",
    "mayor",
    "rev",
    "sir",
    "lady",
    "lord",
    "the",
    "former",
    "vice",
    "chairman",
    "chair",
    "ceo",
    "speaker",
    "leader",
    "u.s.",
    "state",
    "of",
}
PRONOUNS = {"he", "she", "they", "it", "we", "i", "you", "him", "her", "them", "who", "which", "that", "this"}


def name_tokens(name: str) -> list[str]:
    """Lower-case name words without titles or possessive 's: 'Mr. Donald J. Trump's' → donald, j, trump."""
    words = re.findall(r"[\w.'-]+", fold(name).replace("’", "'"))
    words = [re.sub(r"'s$", "", w).strip(".'-") for w in words]
    return [w for w in words if w and w not in TITLES]


NOT_SPEAKERS = PRONOUNS | {
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "today",
    "tonight",
    "yesterday",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "someone",
    "somebody",
    "anyone",
    "everyone",
    "people",
    "one",
}


def is_own_publication(speaker: str, source: str) -> bool:
    """Whether the speaker is the article's own publication ("USA TODAY" in a usatoday.com article): its
    "USA TODAY found…", "according to CNN" is the article's own reporting, and a "she said" resolved to it
    is someone else's words (on news24-dev, 75 of the 91 outlet "speakers" were the publisher itself)."""
    return bool(speaker) and bool(source) and publication_key(speaker) == publication_key(source)


def publication_key(name: str) -> str:
    """ "USA TODAY", "usatoday.com", "The Des Moines Register", "www.desmoinesregister.com" → one key each."""
    name = re.sub(r"^(?:https?://)?(?:www\.)?", "", name.strip().lower())
    name = re.sub(r"\.(?:com|org|net|co\.uk|com\.au|co|news|us)$", "", name)
    return re.sub(r"[^a-z0-9]", "", re.sub(r"^the\s+", "", name))


def is_resolved(speaker_name: str) -> bool:
    """A speaker a reader can use: a name, not a pronoun, a day, or a lower-case word the parser
    took for a subject ("use", "someone")."""
    words = name_tokens(speaker_name)
    if not words or (len(words) == 1 and words[0] in NOT_SPEAKERS):
        return False
    return any(ch.isupper() for ch in speaker_name)


# Words after a name that make another person of it ("Donald Trump Jr" is not "Donald Trump")
GENERATIONS = {"jr", "sr", "ii", "iii", "iv"}
ROMAN = re.compile(r"^[ivxlc]+$")  # "Benedict XVI": a regnal number, not a surname


def surname(words: list[str]) -> str:
    """The word a name is known by: its last, regnal numbers and Jr./Sr. aside."""
    kept = [w for w in words if w not in GENERATIONS and not ROMAN.match(w)]
    return kept[-1] if kept else ""


# Who speak for a person without being the person ("What did Biden say?" was answered with "Biden
# administration also said …")
BODIES_AFTER_A_NAME = frozenset(
    "administration campaign camp government team aides allies officials spokesperson spokesman spokeswoman "
    "lawyers attorneys family foundation".split()
)


# Titles that go before a given name alone: "Prince William" is one William, not any William
GIVEN_NAME_TITLE = re.compile(
    r"(?i:(?:crown )?prince|princess|king|queen|pope|duke|duchess|emperor|empress|sheikh|saint|st\.?) [\w'’\-]+"
    r"(?: [IVX]+)?"  # "King Charles III" is no Charles Stewart III either
)


def title_words(written: str, listed: str) -> list[str]:
    """The words an article writes before a speaker's name, lower-case ("Riverton Mayor Luis Ortega" → "riverton",
    "mayor"); none when the name is written alone or not at all."""
    words = written.split()
    first = listed.split()[0] if listed.split() else ""
    at = next((i for i, word in enumerate(words) if word == first), 0)
    return [word.lower().strip(",") for word in words[:at]]


def holds_name(listed: str, words: set[str]) -> bool:
    """Whether a listed speaker name holds all these name words ("Powell" in "Jerome Powell", "Aliyev" in
    "Ilham Aliyev"), adding no Jr./Sr./II the words lack ("Donald Trump" is not "Donald Trump Jr") and not as
    an owner ("Trump's campaign", "Trump’s Justice Department" are not Trump) nor as a modifier ("Biden
    administration" is not Biden)."""
    mine = name_tokens(listed)
    if not words <= set(mine) or (set(mine) - words) & GENERATIONS:
        return False
    if any(word in words and later in BODIES_AFTER_A_NAME for word, later in zip(mine, mine[1:])):
        return False  # the name as a modifier: "Biden administration", "Trump campaign spokesperson …"
    owners = {
        re.sub(r"'s$", "", w).strip(".'-")
        for w in re.findall(r"[\w.'-]+", fold(listed).lower().replace("’", "'"))
        if w.endswith("'s")
    }
    return not words & owners


def variant_groups(counts: list[tuple[str, int]]) -> dict[str, list[str]]:
    """Speaker names that are one speaker, by the name to list them under (the most quoted).

    A name joins a longer one holding all its words and the same surname ("Trump" -> "Donald
    Trump", "Donald Trump" -> "Donald J. Trump", "Benedict" -> "Benedict XVI"), but never one that
    adds Jr./Sr./II, and only when every such longer name is one speaker: "Trump", with "Eric Trump"
    and "Donald Trump" in the index, stays apart."""
    words = {name: name_tokens(name) for name, _ in counts}
    by_surname: dict[str, list[str]] = {}
    for name, _ in counts:
        if words[name]:
            by_surname.setdefault(surname(words[name]), []).append(name)
    parent: dict[str, str] = {name: name for name, _ in counts}

    def root(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    # longest first, so a short name meets the groups its longer forms already joined
    for name, _ in sorted(counts, key=lambda item: -len(set(words[item[0]]))):
        mine = set(words[name])
        if not mine:
            continue
        longer = {
            root(other)
            for other in by_surname.get(surname(words[name]), ())
            if other != name
            and mine < set(words[other])
            and not (set(words[other]) - mine) & GENERATIONS
            and root(other) != root(name)
        }
        if len(longer) == 1:
            parent[root(name)] = longer.pop()
    count = dict(counts)
    groups: dict[str, list[str]] = {}
    for name, _ in counts:
        groups.setdefault(root(name), []).append(name)
    return {max(names, key=lambda n: (count[n], len(n))): names for names in groups.values()}


@dataclass(frozen=True)
class SpeakerGroups:
    """The listed speakers' names grouped as one person's variants (`variant_groups`), with two lookups."""

    groups: dict[str, list[str]]  # listed name -> its variants
    variants: dict[str, list[str]]  # a listed name -> all its group's variants
    folded: dict[str, list[str]]  # a listed name folded -> the variants of every group it names

    def variants_of(self, name: str) -> list[str] | None:
        return self.variants.get(name) or self.folded.get(fold(name).lower())


class QuoteIndex(TextIndex):
    """Who said what, searchable by speaker and by words: a tantivy index (in the retrieval cache,
    synced with the articles) of the quotes whose speaker is a person or body, each stored whole
    under the speaker as the article puts it ("New Jersey Gov. Chris Christie", "a longtime adviser
    to both Clintons") and listed under the name alone ("Chris Christie"; someone unnamed is not
    listed)."""

    def __init__(self, folder: Path):
        self._read: dict[str, Speaker | None] = {}  # speaker name as stored -> as shown and listed
        # built on first use after each reload, and swapped in whole: a question reading it while an ingest's reload
        # dropped it got None (a 500 in an outside try of 40 threads asking and posting at once)
        self._grouping: SpeakerGroups | None = None

        def add_fields(builder) -> None:
            # newest first, a direct quote before reported speech of the same day
            builder.add_integer_field("recency", fast=True)
            builder.add_text_field("speaker", tokenizer_name="words", index_option="basic")
            builder.add_text_field("speaker_name", tokenizer_name="raw", index_option="basic", fast=True)
            builder.add_text_field("listed", tokenizer_name="raw", index_option="basic", fast=True)
            # the title words the article writes before the name ("gov." of "Gov. Ellen Marsh"): "What did the governor say?"
            builder.add_text_field("titles", tokenizer_name="raw", index_option="basic")
            builder.add_text_field("record", stored=True, tokenizer_name="raw", index_option="basic")

        super().__init__(folder, add_fields)

    def reload(self) -> None:
        super().reload()
        self._grouping = None

    def documents(self, quotes: Iterable[QuoteRecord]) -> list:
        """The index documents of these quotes (an article's, read together); none for a speaker
        that is no person or body (`ingest.attribution.speaker_names`)."""
        # a speaker found over a line end is a reporter's sign-off run into the next heading ("Ian Lenahan\n\n
        # Write-in Biden"), which indexes made before the extraction was fixed keep: no one's name
        quotes = [q for q in quotes if is_resolved(q.speaker_name) and "\n" not in q.speaker.strip()]
        unread = {q.speaker_name for q in quotes} - self._read.keys()
        if unread:
            self._read.update(speaker_names(unread))
        documents = []
        for quote in quotes:
            speaker = self._read[quote.speaker_name]
            if speaker is not None and is_resolved(speaker.shown) and not is_own_publication(speaker.listed, quote.source):
                documents.append(self._document(quote.model_copy(update={"speaker_name": speaker.shown}), speaker.listed))
        return documents

    def document(self, quote: QuoteRecord):
        """The index document of a quote, or None for a speaker no reader could use."""
        found = self.documents([quote])
        return found[0] if found else None

    def _document(self, quote: QuoteRecord, listed: str):
        return self.tantivy.Document(
            article_id=quote.article_id,
            source=quote.source.lower(),
            published=quote.published_int,
            recency=quote.published_int * 2 + (quote.kind == "direct"),
            speaker=" ".join(name_tokens(listed)),  # "What did X say?" asks for someone named
            speaker_name=quote.speaker_name,
            listed=listed,
            titles=title_words(quote.speaker, listed) or [""],
            stems=" ".join(stems(quote.text)),
            record=quote.model_dump_json(),
        )

    def titled(self, titles: frozenset[str], filters: Filters | None = None, of: tuple[str, ...] = ()) -> list[str]:
        """The listed names of the speakers quoted under one of `titles` (lower-case title words: "gov.", "governor"),
        as the articles write them before the name ("Gov. Ellen Marsh said"), most quoted (under `filters`) first;
        with `of`, only those whose title holds these words too ("kansas", "city" of "Kansas City Mayor …")."""
        if not len(self) or not titles:
            return []
        Query, Occur = self.tantivy.Query, self.tantivy.Occur
        titled = Query.boolean_query([(Occur.Should, Query.term_query(self.schema, "titles", t)) for t in sorted(titles)])
        clauses = [(Occur.Must, titled)] + [(Occur.Must, Query.term_query(self.schema, "titles", word)) for word in of]
        if filters is not None and not filters.empty:
            clauses.extend(self.filter_clauses(filters.sources, *filters.bounds))
        found = self.searcher.aggregate(self.all_of(clauses), {"titled": {"terms": {"field": "listed", "size": 50}}})
        buckets = sorted((b for b in found["titled"]["buckets"] if b["key"]), key=lambda b: -b["doc_count"])
        return [b["key"] for b in buckets]

    def speakers(self) -> list[tuple[str, int]]:
        """The people and bodies quoted, by number of quotes (most first), the variants of one name
        counted together under its most quoted form (`variant_groups`)."""
        counts = self._counts()
        groups = self._speaker_groups(counts).groups
        # (groups built before an ingest's reload may name a speaker these counts, read after it, do not hold)
        listed = [(name, sum(counts.get(n, 0) for n in names)) for name, names in groups.items()]
        return sorted((item for item in listed if item[1]), key=lambda item: (-item[1], item[0]))

    def _counts(self) -> dict[str, int]:
        if not len(self):
            return {}
        found = self.searcher.aggregate(
            self.tantivy.Query.all_query(), {"speakers": {"terms": {"field": "listed", "size": 1_000_000}}}
        )
        return {bucket["key"]: int(bucket["doc_count"]) for bucket in found["speakers"]["buckets"] if bucket["key"]}

    def _speaker_groups(self, counts: dict[str, int] | None = None) -> SpeakerGroups:
        """The speakers' variant groups of the index as it is now (one snapshot, whatever a reload does meanwhile)."""
        grouping = self._grouping
        if grouping is None:
            groups = variant_groups(sorted((counts if counts is not None else self._counts()).items()))
            folded: dict[str, list[str]] = {}
            for names in groups.values():
                for n in names:
                    folded.setdefault(fold(n).lower(), []).extend(names)
            # every listed name, a group of one too: "Trump" (apart from "Donald Trump" and "Eric Trump")
            # finds its own quotes, as many as `speakers` counts, not every Trump's
            variants = {n: names for names in groups.values() for n in names}
            grouping = self._grouping = SpeakerGroups(groups, variants, folded)
        return grouping

    def _speaker_clause(self, name: str):
        """Quotes of `name`: of every speaker whose name, as listed (titles and affiliations aside, the form
        the Speakers tab groups by: "Federal Chair Jerome Powell" is "Jerome Powell"), holds all its words and
        adds no Jr./Sr./II ("Powell": "Jerome Powell", "Sidney Powell" and a lone "Powell"; "Aliyev": "Ilham
        Aliyev"), and when it is listed, of its group's variants too ("Benedict XVI" finds "Benedict")."""
        Query = self.tantivy.Query
        grouping = self._speaker_groups()
        name = " ".join(name.split())
        # "Prince William", "Pope Francis": a given name, which is no surname of others ("William Swain Lee")
        given_name = GIVEN_NAME_TITLE.fullmatch(name) is not None
        variants = grouping.variants_of(name)
        if not variants:
            # asked with a title, as the articles show the speaker ("Federal Chair Jerome Powell", "Fed Chair
            # Jerome Powell"): the name alone, as it is listed ("Jerome Powell")
            read = self._read.get(name) if name in self._read else speaker_names([name]).get(name)
            if read is not None and read.listed and read.listed != name:
                name = read.listed
                variants = grouping.variants_of(name)
        words = set(name_tokens(name))
        # a listed name alone ("Powell", "Trump": the index cannot tell which one) is no narrower than its
        # words: each speaker listed with them is one the asker may mean, with its group's variants
        found = [v for v in variants or [] if not given_name or surname(name_tokens(v)) in words]
        for group in grouping.groups.values():
            if words and any(holds_name(n, words) and (not given_name or surname(name_tokens(n)) in words) for n in group):
                found.extend(group)
        if not found:
            return None
        return Query.term_set_query(self.schema, "listed", list(dict.fromkeys(found)))

    def matching_speaker(self, name: str) -> int:
        """How many quotes have a speaker with every word of `name` ('Aliyev' → 'Ilham Aliyev')."""
        clause = self._speaker_clause(name)
        return 0 if clause is None else self.searcher.search(clause, 1, count=True).count

    def search(
        self, words: str = "", speaker: str | None = None, filters: Filters | None = None, limit: int = 20
    ) -> list[tuple[QuoteRecord, float]]:
        """Quotes by words (BM25 over the quoted text) and/or speaker, best first; by speaker
        alone (or words that no quote holds), newest first."""
        tantivy = self.tantivy
        searcher = self.searcher
        if not len(self) or limit <= 0:
            return []
        clauses = []
        if speaker:
            clause = self._speaker_clause(speaker)
            if clause is None:
                return []
            clauses.append((tantivy.Occur.Must, clause))
        if filters is not None and not filters.empty:
            clauses.extend(self.filter_clauses(filters.sources, *filters.bounds))
        query = self.known_stems(words) if words else []
        if query:
            result = searcher.search(self.all_of([(tantivy.Occur.Must, self.any_of(query)), *clauses]), limit)
        else:
            scope = self.all_of(clauses) if clauses else tantivy.Query.all_query()
            result = searcher.search(scope, limit, order_by_field="recency", order=tantivy.Order.Desc)
        found = []
        for score, address in result.hits:
            record = QuoteRecord.model_validate_json(searcher.doc(address)["record"][0])
            found.append((record, float(score) if query else 0.0))
        return found

    def in_articles(self, article_ids: Iterable[str], filters: Filters | None = None, limit: int = 200) -> list[QuoteRecord]:
        """The quotes of these articles, newest first (what people said in the articles about a topic)."""
        ids = list(dict.fromkeys(article_ids))
        if not ids or not len(self) or limit <= 0:
            return []
        tantivy = self.tantivy
        clauses = [(tantivy.Occur.Must, tantivy.Query.term_set_query(self.schema, "article_id", ids))]
        if filters is not None and not filters.empty:
            clauses.extend(self.filter_clauses(filters.sources, *filters.bounds))
        result = self.searcher.search(self.all_of(clauses), limit, order_by_field="recency", order=tantivy.Order.Desc)
        return [QuoteRecord.model_validate_json(self.searcher.doc(address)["record"][0]) for _, address in result.hits]


def holds_phrase(text: str, phrase: str) -> bool:
    """Whether `text` has the words of `phrase` one after another, small words too (case, accents and
    the kind of apostrophe aside)."""
    words, wanted = WORD.findall(fold(text)), WORD.findall(fold(phrase))
    if not wanted:
        return False
    size = len(wanted)
    return any(words[i : i + size] == wanted for i in range(len(words) - size + 1))


CONTRACTION_TAILS = frozenset({"ll", "re", "ve", "d", "m", "s", "t"})  # "I'll", "we're", "don't", … as tokens


def content_stems(text: str) -> list[str]:
    """The stems of `text` that say what it is about: not the pronouns and auxiliaries of its clause."""
    return [s for s in stems(text) if s not in FRAME_STEMS]


def coverage(fragment: str, text: str, both_ways: bool = True) -> float:
    """How well the asked words and a quote's `text` match: the share of the fragment's words the text
    holds, or of the text's words the fragment holds (a short quote asked about in a longer sentence),
    stemmed, stopwords and the words that only frame a clause aside."""
    wanted, have = content_stems(fragment), content_stems(text)
    if not wanted or not have:
        return 0.0
    if len(set(wanted) - CONTRACTION_TAILS) < 2 and not holds_phrase(text, fragment):
        # One word says too little: "Join me or I'll join you" is all "join" (and the "ll" of "I'll") once
        # its small words are aside, and "She'll be … They will be joined by members of their families" held it.
        return 0.0
    forward = sum(1 for w in wanted if w in set(have)) / len(wanted)
    if not both_ways or len(set(have)) < 2:
        return forward
    backward = sum(1 for w in have if w in set(wanted)) / len(have)
    return max(forward, backward)
