"""The top stories of some days: what "What happened this week?" lists when it names no topic.

Listing the newest articles filled the week of 2024-02-09 to 2024-02-15 with five articles of its last day (a
restaurant guide among them) and left out the Super Bowl, which a dozen articles of the week covered.

1. The window's newest `POOL` articles are read, by their titles' rarer words: stems whose IDF is at least
   `RARE_SHARE` of the highest IDF the index gives ("super" 3.6, "parade" 5.2 of 10.6 on news24-dev; not "2024"
   3.1, "today" 2.8); a share, since a small index has small IDFs.
2. Two articles share a story when their titles share `SHARED_WORDS` of those words ("Kansas City Super Bowl
   parade …", "Chiefs Super Bowl parade shooting …").
3. A story's weight is how many of the pool's articles share it; the heaviest stories are taken first (the
   newer on a tie), each once, told by its newest article (its latest turn: the parade after the game; of two
   that day, the one sharing the story with more articles, then the lower id, so a digest is the same every run);
   an article sharing a story already taken adds nothing new.
4. The chosen articles come back newest first, as a digest reads.
"""

from __future__ import annotations

from collections import Counter

from assistant.search.cache import KeywordIndex
from ingest.store import ArticleRecord

POOL = 400  # the newest articles of the days read; a week of a big archive holds thousands
RARE_SHARE = 0.3
SHARED_WORDS = 2


def top_stories(records: list[ArticleRecord], keyword: KeywordIndex, count: int) -> list[ArticleRecord]:
    """`count` articles of the most-covered stories among `records` (the window's, any order), newest first."""
    pool = sorted(records, key=lambda r: r.published_int, reverse=True)[:POOL]
    rare = RARE_SHARE * keyword.highest_idf()
    words = {r.id: {s for s in keyword.stems(r.title) if keyword.idf(s) >= rare} for r in pool}
    holding: dict[str, list[str]] = {}
    for r in pool:
        for stem in words[r.id]:
            holding.setdefault(stem, []).append(r.id)

    def sharing(article_id: str) -> set[str]:
        """The other articles of the pool whose titles share SHARED_WORDS rare words with this one's."""
        shared = Counter(other for stem in words[article_id] for other in holding[stem] if other != article_id)
        return {other for other, n in shared.items() if n >= SHARED_WORDS}

    stories = {r.id: sharing(r.id) for r in pool}
    by_id = {r.id: r for r in pool}
    chosen: list[ArticleRecord] = []
    told: set[str] = set()
    # ties broken by id: set order changes from one process to the next, and so did the digest of a day
    for r in sorted(pool, key=lambda r: (-len(stories[r.id]), -r.published_int, r.id)):
        if len(chosen) == count:
            break
        if r.id in told:
            continue
        # the story is told by its newest article not yet told: its latest turn (the parade after the game)
        story = ({r.id} | stories[r.id]) - told
        newest = min((by_id[i] for i in story), key=lambda a: (-a.published_int, -len(stories[a.id]), a.id))
        chosen.append(newest)
        told |= story | stories[newest.id]
    return sorted(chosen, key=lambda r: r.published_int, reverse=True)
