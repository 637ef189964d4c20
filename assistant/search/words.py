"""Words as every index and answerer of Byline sees them: accents and case folded, stemmed, stopwords aside."""

from __future__ import annotations

import re
import threading
import unicodedata

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

_thread_stemmer = threading.local()


def stem_words(words: list[str]) -> list[str]:
    """English Snowball stems of lower-case words. One stemmer per thread: PyStemmer's are not
    thread-safe, and the server answers on several."""
    import Stemmer

    stemmer = getattr(_thread_stemmer, "stemmer", None)
    if stemmer is None:
        stemmer = _thread_stemmer.stemmer = Stemmer.Stemmer("english")
    return stemmer.stemWords(words)


def fold(text: str) -> str:
    """Lower case without accents: "Pelé" and "Pele" are one word to a reader typing either."""
    text = text.lower()
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def stems(text: str) -> list[str]:
    """Stemmed, stopword-free, accent-folded words of `text` (bm25s's stopword list): the one
    tokenization of the keyword index, the quote index and the answerers' word weights."""
    return stem_words([w for w in WORD.findall(fold(text)) if w not in STOPWORDS])


def clipped_from(name: str, text: str) -> bool:
    """Whether `text` writes a longer name that `name` (a one-word name, or its stem) is clipped from: "Fed" from
    "Federal Reserve" (a first word that begins with it, then another capitalised word)."""
    return len(name) >= 3 and re.search(rf"\b{re.escape(name.capitalize())}[a-z]+\s+[A-Z]", text) is not None
