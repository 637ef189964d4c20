"""Attribution extraction ("who said what") for news articles.

Pipeline (rule based, spaCy for tags/parse/NER), one module per step:

1. ``scanner``: a character scanner finds direct quotes: curly and straight
   double quotes, single quotes used as quotes (outside double quotes), and
   news-style multi-paragraph quotes (a paragraph opens a quote without
   closing it and the next paragraph opens again).
2. ``skeleton``: each paragraph is turned into a *skeleton*: the content of
   long quotes is replaced by a one-word placeholder.  The parser then sees
   ``“This,” Trump said.`` instead of a 60-word quote, which is both much
   faster (parsing cost is linear in tokens, and quotes are ~40% of news text)
   and more robust (the frame sentence is what carries the attribution).
   Offsets are mapped back to the original text.  ``load_nlp`` loads the model.
3. ``cues``: for each quote the cue is the lowest speech verb that dominates
   the quote in the parse, else the nearest speech verb in the sentence, else
   "according to X"; the speaker is that verb's subject (climbing through
   conj/xcomp/advcl), with message nouns ("Aliyev's message stressed")
   replaced by their possessor.  ``inheritance``: a quote whose sentence has
   no cue inherits the speaker of the neighbouring quote in the same paragraph
   or of the previous paragraph (continuation of a quote), else of the next
   sentence.
4. ``coreference``: pronouns and role nouns ("he", "the senator") resolve to
   the speaker of an enclosing speech frame (``inheritance._fix_nested``),
   else to the most recent fitting person (subject mention or previous
   speaker, gender-checked); names are merged to the fullest form used in the
   article (see ``names``).  People and organisations come from spaCy NER when
   the pipeline has it; the default ``load_nlp()`` drops NER (it costs more
   than tagger+parser together) and classifies proper-noun chains with cheap
   rules instead, NER reading only the chains the rules cannot place, each
   alone ("Amnesty International said." is an organisation, "World Cup said."
   an event: neither is who "he" stands for).  "The company" stands for the
   organisation the paragraph is about.
5. ``extract``: ``find_attributions`` runs the steps; speech verbs with a
   clausal complement and no quote give ``indirect`` attributions; "according
   to X" gives ``according_to``.

``speaker_names`` (in ``names``) says what a found speaker is: a person or body
(listed by the name alone: "Meta CEO Mark Zuckerberg" is "Mark Zuckerberg"),
someone the article describes without naming, or no speaker (an event, a place,
a generic noun such as "officials").  The quote index applies it.

Words shared by several steps (the speech-verb lexicon, pronouns, role nouns)
live in ``lexicon``; the ``Attribution`` model in ``types``.  Both are leaves:
the step modules import them and each other in step order, never back.

Split quotes (``"X," he said, "Y."``) and multi-paragraph quotes produce one
Attribution per quoted piece (each piece's span is contiguous in the text);
all pieces carry the same speaker.  ``text`` excludes the quote marks and a
trailing comma.
"""

import zlib
from functools import lru_cache
from importlib.metadata import version
from pathlib import Path

from ingest.attribution.coreference import name_gender
from ingest.attribution.extract import canonical_speakers, find_attributions
from ingest.attribution.names import NameIndex, Speaker, clean_name, load_speaker_nlp, speaker_names
from ingest.attribution.scanner import Quote, find_quotes
from ingest.attribution.skeleton import load_nlp
from ingest.attribution.types import Attribution
from ingest.language import MODEL_NAME


@lru_cache(maxsize=1)
def rules_version() -> str:
    """What the quotes found depend on: these modules' source and the bundled model's version, as one short string,
    stored with each article's quotes. An index written by older rules tells which articles' quotes to find again
    (`byline check --repair`): a re-ingest of an unchanged article does nothing, so an upgrade alone would keep
    speakers the old rules got wrong."""
    sources = b"".join(path.read_bytes() for path in sorted(Path(__file__).parent.glob("*.py")))
    return f"{zlib.crc32(sources):08x}-{version(MODEL_NAME)}"


__all__ = [
    "MODEL_NAME",
    "Attribution",
    "NameIndex",
    "Quote",
    "Speaker",
    "canonical_speakers",
    "clean_name",
    "find_attributions",
    "find_quotes",
    "load_nlp",
    "load_speaker_nlp",
    "name_gender",
    "rules_version",
    "speaker_names",
]
