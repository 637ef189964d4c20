"""Words as every index and answerer of Byline sees them: accents and case folded, stemmed, stopwords aside."""

from __future__ import annotations

import re
import threading
import unicodedata
import zlib
from functools import lru_cache

from bm25s.stopwords import STOPWORDS_EN

TOKEN_PATTERN = r"(?u)\b\w+\b"
WORD = re.compile(TOKEN_PATTERN)
STOPWORDS = frozenset(STOPWORDS_EN)

# Pronouns and auxiliaries (as stems) that bm25s's stopword list keeps: they frame a clause and say
# nothing of what it is about. "Did Trump say he would be a dictator?" matched "he would ban the app"
# on "he" and "would" alone.
FRAME_STEMS = frozenset(
    "i me my we us our you your he him his she her it its they them would could should can may might must "
    "shall has have had do doe did been".split()
)
MODALS = frozenset("can could may might must shall should will would be".split())

# Irregular verb forms left as they are (see `base_forms`), each for what news24-dev's 2,232 articles
# showed (spaCy's tagger over up to 60 sentences per form): forms read as a noun or a name in a fifth
# or more of their uses ("ground" 100%, "bit" 97%, "Fed" 64%, "wound" 57%, "shot" 34%, "rose" 29%,
# "Drew" 23%, ...); "born", "sprang", "sprung", whose bases are nouns of another sense (the Bears,
# in spring); forms that are verbs of their own, whose own -ed/-ing forms are at least a 20th as
# common as they are ("found": founded/founding 13%, "ground" 12%, "bound" 8%, "lay", "bore";
# not "saw" 0.3%, "fell" 0.3%, "felt" 0%); and "left", a direction and a side of politics in an
# eighth of its uses (read as an adjective), whose base "leave" is a noun too (sick leave).
NOT_FOLDED = frozenset(
    """ground bit shot rose drew fed rent trafficking kent frozen woke wound slew sung stove rode borne rang
    dove bent lent shrunk overheard forbidden burnt slain clung spat rung quizzes programmes misunderstood
    bespoke strung hamstrung canning overrode bled born sprang sprung found lay bore bound left""".split()
)
# A date is written "Aug. 15" and asked "August 15th": the month's short form is its name, an ordinal day its
# number. Not "mar" (a verb of its own: "marred") nor "may" (a modal).
MONTH_SHORT = {
    "jan": "january", "feb": "february", "apr": "april", "jun": "june", "jul": "july", "aug": "august",
    "sep": "september", "sept": "september", "oct": "october", "nov": "november", "dec": "december",
}  # fmt: skip
ORDINAL_DAY = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)$")
# "AT&T" is one name, "att": split at "&" it was "at" (a stopword) and "t", and a question about it named nothing
AMPERSAND_NAME = re.compile(r"(?<=\b[a-z])&(?=[a-z]\b)|(?<=\b[a-z]{2})&(?=[a-z]\b)|(?<=\b[a-z])&(?=[a-z]{2}\b)")
BASE_FORM_POS = "verb"  # spaCy's noun exceptions are Latin and Greek plurals, its adjective and adverb ones comparatives

_thread_stemmer = threading.local()


def snowball() -> object:
    """This thread's English Snowball stemmer: PyStemmer's are not thread-safe, and the server answers on several."""
    import Stemmer

    stemmer = getattr(_thread_stemmer, "stemmer", None)
    if stemmer is None:
        stemmer = _thread_stemmer.stemmer = Stemmer.Stemmer("english")
    return stemmer


@lru_cache(maxsize=1)
def base_forms() -> dict[str, str]:
    """Irregular verb forms and the base they inflect ("won": "win", "took": "take", "chosen": "choose"),
    from the English lemmatizer's exception table in the bundled spaCy model, so "won" and "wins" are
    one word: Snowball stems them apart. Kept: only the forms whose stem differs from their base's (the
    others, "planned", "shopping", Snowball joins already). Left out: auxiliaries and modals (forms of
    be, have, do, may, can...: stopwords or frame words, which the answerers set aside by their own
    form), and the forms of `NOT_FOLDED`. Read once, on first use."""
    from ingest.language import shared_pipeline

    table = shared_pipeline().get_pipe("lemmatizer").lookups.get_table("lemma_exc")[BASE_FORM_POS]
    stem = snowball().stemWord
    kept = {}
    for form, bases in table.items():
        base = bases[0] if bases else form
        if not form.isalpha() or form in NOT_FOLDED or stem(form) == stem(base):
            continue
        if {form, base, stem(form), stem(base)} & (STOPWORDS | FRAME_STEMS | MODALS):
            continue
        kept[form] = base
    return kept


def tokenization() -> dict:
    """What the words of `stems` depend on, kept beside every index of stems (a change rebuilds it).
    Cheap: reads the model package's version, not the model."""
    from importlib.metadata import version

    from ingest.language import MODEL_NAME

    left_out = zlib.crc32(" ".join(sorted(NOT_FOLDED | MODALS)).encode())
    # the words read as others before stemming: month short forms, ordinal days, names joined by "&"
    word_folds = zlib.crc32(f"{sorted(MONTH_SHORT.items())} {ORDINAL_DAY.pattern} {AMPERSAND_NAME.pattern}".encode())
    return {
        "stemmer": "snowball-english",
        "base_forms": f"{MODEL_NAME} {version(MODEL_NAME)} {BASE_FORM_POS} {left_out:08x}",
        "word_folds": f"{word_folds:08x}",
    }


def stem_words(words: list[str]) -> list[str]:
    """English Snowball stems of lower-case words, irregular verb forms first taken to their base."""
    folds = base_forms()
    return snowball().stemWords([folds.get(w) or MONTH_SHORT.get(w) or day_number(w) for w in words])


def day_number(word: str) -> str:
    """ "15th" as "15": the day of "August 15th" is the day of "Aug. 15"."""
    ordinal = ORDINAL_DAY.match(word)
    return ordinal.group(1) if ordinal else word


def fold(text: str) -> str:
    """Lower case without accents: "Pelé" and "Pele" are one word to a reader typing either."""
    text = text.lower()
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def stems(text: str) -> list[str]:
    """Stemmed, stopword-free, accent-folded words of `text` (bm25s's stopword list): the one
    tokenization of the keyword index, the quote index and the answerers' word weights."""
    # an answer stems each passage and sentence several times (their words, weights, what they hold): ~400 calls a
    # question, most of them repeats (8 ms of a 50 ms answer at 10k articles); a whole article is not kept
    return list(_passage_stems(text)) if len(text) <= PASSAGE_CHARS else _stems(text)


PASSAGE_CHARS = 4000  # texts up to this long (a question, a sentence, a chunk of 256 tokens) are remembered stemmed


def _stems(text: str) -> list[str]:
    return stem_words([w for w in WORD.findall(AMPERSAND_NAME.sub("", fold(text))) if w not in STOPWORDS])


@lru_cache(maxsize=2048)  # ~10 MB full (measured: 6 MB of stems for 2,048 chunks of 1,400 characters)
def _passage_stems(text: str) -> tuple[str, ...]:
    return tuple(_stems(text))


def clipped_from(name: str, text: str) -> bool:
    """Whether `text` writes a longer name that `name` (a one-word name, or its stem) is clipped from: "Fed" from
    "Federal Reserve" (a first word that begins with it, then another capitalised word)."""
    return len(name) >= 3 and re.search(rf"\b{re.escape(name.capitalize())}[a-z]+\s+[A-Z]", text) is not None


# capitalised words with the small words names keep inside them ("Food and Drug Administration")
ACRONYM_RUN = re.compile(r"\b[A-Z][a-z]+(?:\s+(?:(?:and|of|for|the|on)\s+)?[A-Z][a-z]+)+\b")
DOTTED_ACRONYM = re.compile(r"\b(?:[A-Z]\.){2,}")


def acronyms(text: str) -> list[str]:
    """The acronyms a text spells out without writing them: "the US Food and Drug Administration"
    also says FDA, so a question about "the FDA" matches it."""
    found = []
    for run in ACRONYM_RUN.finditer(text):
        # not a sentence's "The": "The Federal Aviation Administration has grounded 171 …" says FAA, not TFAA (its "Yes."
        # to "Did the FAA ground the Boeing 737 Max 9?" was "don't say so outright": a journalist's try)
        words = run.group(0).split()
        if len(words) > 2 and words[0] == "The":
            words = words[1:]
        initials = "".join(word[0] for word in words if word[0].isupper())
        if 2 <= len(initials) <= 6:
            found.append(initials)
    # ... and those written with dots: "Washington, D.C." says DC ("Did Haley win the DC primary?")
    found += [dotted.replace(".", "") for dotted in DOTTED_ACRONYM.findall(text)]
    return found
