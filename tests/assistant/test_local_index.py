"""The local retrieval cache: reused across opens, updated per article, repaired after a crash."""

from __future__ import annotations

import pytest

from assistant import Assistant
from assistant.search.cache import LocalIndex
from ingest.article import Article
from ingest.pipeline import Index
from ingest.settings import IngestSettings

ARTICLES = [
    Article(
        id="g1",
        title="Council funds bridge",
        source="Gazette",
        published="2024-03-02",
        text="The city council voted to fund the river bridge. Mayor Ellen Park said the bridge would open in 2026.",
    ),
    Article(
        id="h1",
        title="Council delays bridge",
        source="Herald",
        published="2024-05-10",
        text="The city council delayed the river bridge again. Treasurer Omar Diaz said costs had doubled.",
    ),
    Article(
        id="t1",
        title="Harbour tunnel opens",
        source="Tribune",
        published="2024-06-01",
        text="The harbour tunnel opened to traffic on Saturday. Engineer Ravi Shah said the tunnel took nine years.",
    ),
]


def open_bot(embedding, data_dir) -> Assistant:
    return Assistant(Index.open(IngestSettings(data_dir=data_dir), embedding=embedding))


def keyword_articles(bot: Assistant, query: str) -> set[str]:
    from assistant.search.types import Filters

    return {chunk.article_id for chunk, _ in bot.retriever.keyword_search(query, 10, Filters())}


def test_reopening_reuses_the_cache_and_an_ingest_syncs_only_what_it_touched(embedding, tmp_path, caplog):
    bot = open_bot(embedding, tmp_path)
    bot.add_articles(ARTICLES[:2])
    assert keyword_articles(bot, "bridge") == {"g1", "h1"}

    # A second process opening the folder finds the cache current: nothing is read back from Chroma.
    reopened = open_bot(embedding, tmp_path)
    assert reopened.retriever.local.state["generation"] == bot.retriever.local.state["generation"]
    assert reopened.search("Who said the bridge costs had doubled?", k=1)[0].article_id == "h1"

    # An ingest adds its article to the cache, and only it.
    calls: list[list[str]] = []
    fetch = reopened.index.store.chunks_of
    reopened.index.store.chunks_of = lambda records: (calls.append([r.id for r in records]), fetch(records))[1]
    reopened.add_articles(ARTICLES[2:])
    assert calls == [["t1"]]
    assert keyword_articles(reopened, "tunnel") == {"t1"}

    # An edit replaces the article's rows: the old words are gone from both searches.
    edited = ARTICLES[1].model_copy(
        update={
            "title": "Council scraps ferry plan",
            "text": "The city council scrapped the ferry plan. Treasurer Omar Diaz said costs had tripled.",
        }
    )
    reopened.add_articles([edited])
    assert "h1" not in keyword_articles(reopened, "bridge delayed")
    assert keyword_articles(reopened, "ferry") == {"h1"}
    vector = reopened.index.embed(["ferry plan scrapped"])[0]
    texts = [
        text
        for chunk_id, _ in reopened.retriever.local.rows.nearest(
            vector, 5, reopened.retriever.local.rows.mask(["herald"], None, None)
        )
        for text in [c.text for c in reopened.index.store.chunks_by_id([chunk_id])]
    ]
    assert texts and all("ferry" in t and "bridge" not in t for t in texts)


def test_an_interrupted_sync_is_redone_not_trusted(embedding, tmp_path):
    bot = open_bot(embedding, tmp_path)
    bot.add_articles(ARTICLES[:1])
    generation = bot.retriever.local.state["generation"]

    class PowerCut(Exception):
        pass

    def cut_after_first_batch(records):
        yield from bot.index.store.chunks_of(records[:1])
        raise PowerCut("simulated crash while the cache is being written")

    # The articles commit to Chroma; the cache update dies half way, after writing some rows.
    ingest_only = bot.ingestor.ingest_articles(ARTICLES[1:])
    assert ingest_only.added == 2
    committed, quotes = bot.index.store.registry()
    with pytest.raises(PowerCut):
        bot.retriever.local.sync(committed, cut_after_first_batch, lambda r: bot.index.store.quotes_of(r, quotes.get(r.id)))
    assert LocalIndex(bot.retriever.local.folder, bot.retriever.local.identity).state["generation"] == generation

    # A fresh process sees the last committed cache, then brings it in line with Chroma.
    reopened = open_bot(embedding, tmp_path)
    assert keyword_articles(reopened, "bridge") == {"g1", "h1"}
    assert keyword_articles(reopened, "tunnel") == {"t1"}
    live = reopened.retriever.local.rows.live
    assert int(live.sum()) == reopened.index.store.count_chunks() == len(reopened.retriever.keyword)


def test_a_sync_killed_between_its_tantivy_commit_and_state_finds_each_chunk_once(embedding, tmp_path, monkeypatch):
    """A kill -9 of byline serve landed here twice in 20: the next sync added the same chunks again,
    and every search that matched them failed with Chroma's DuplicateIDError."""
    bot = open_bot(embedding, tmp_path)
    bot.add_articles(ARTICLES[:1])

    class Killed(Exception):
        pass

    def killed_before_the_commit_point(self, state):
        raise Killed("killed after the tantivy commit, before state.json")

    with monkeypatch.context() as patched:
        patched.setattr(LocalIndex, "_write_state", killed_before_the_commit_point)
        with pytest.raises(Killed):
            bot.add_articles(ARTICLES[1:])

    reopened = open_bot(embedding, tmp_path)  # the restart's sync adds h1 and its quote again
    passages = reopened.search("Treasurer Omar Diaz said costs had doubled", k=5)
    ids = [p.article_id + str(p.span) for p in passages]
    assert len(ids) == len(set(ids)) and passages[0].article_id == "h1"
    quotes = reopened.quotes(speaker="Omar Diaz")
    assert len(quotes) == len({(q.article_id, q.start) for q in quotes}) == 1


def test_a_cache_tantivy_will_not_write_is_rebuilt_not_fatal(embedding, tmp_path, monkeypatch):
    """After a kill -9 mid-commit, tantivy refused to commit again (FileAlreadyExists '<segment>.del'),
    and every later ingest, question and `byline check` on that folder failed."""
    bot = open_bot(embedding, tmp_path)
    bot.add_articles(ARTICLES[:1])
    real_sync_files = LocalIndex._sync_files
    failures = []

    def left_by_a_kill(self, *args, **kwargs):
        if not failures:
            failures.append(1)
            raise ValueError('FileAlreadyExists("f103d5c1f4a2418e919b0438d92fb5a6.138.del")')
        return real_sync_files(self, *args, **kwargs)

    monkeypatch.setattr(LocalIndex, "_sync_files", left_by_a_kill)
    report = bot.add_articles(ARTICLES[1:])
    assert report.added == 2 and failures
    assert keyword_articles(bot, "bridge") == {"g1", "h1"}
    assert {a.id for a in bot.articles()} == {a.id for a in ARTICLES}


def test_a_damaged_cache_is_rebuilt_from_the_index(embedding, tmp_path):
    bot = open_bot(embedding, tmp_path)
    bot.add_articles(ARTICLES)
    folder = bot.retriever.local.folder
    (folder / "state.json").write_text("{not json")
    reopened = open_bot(embedding, tmp_path)
    assert keyword_articles(reopened, "tunnel") == {"t1"}
    assert len(reopened.retriever.local) == reopened.index.store.count_chunks()


def test_passages_are_read_from_the_cache_as_the_index_stores_them(embedding, tmp_path):
    """A question's passages come from the cache's chunk records (Chroma's `get` took ~20 ms of a question at 10k
    articles): the same text, offsets and metadata the index holds, accents and all, after a reopen and after an
    article is replaced."""
    bot = open_bot(embedding, tmp_path)
    accented = Article(
        id="p1",
        title="Pelé's statue unveiled",
        source="Diário",
        published="2024-06-02",
        text="Pelé’s statue — in Santos — was unveiled. " * 3,
    )
    bot.add_articles([*ARTICLES, accented])
    bot.add_articles([ARTICLES[0].model_copy(update={"text": ARTICLES[0].text + " The vote was 7 to 2."})])
    for opened in (bot, open_bot(embedding, tmp_path)):
        ids = list(opened.index.store.chunk_ids())
        stored = {c.id: c for c in opened.index.store.chunks_by_id(ids)}
        committed = {c for c in ids if opened.retriever._committed(stored[c])}
        assert len(committed) == len(ARTICLES) + 1 and opened.retriever.local.chunks(ids).keys() == committed
        assert opened.retriever.chunks(ids) == {c: stored[c] for c in committed}
        (passage,) = opened.search("Who said the bridge would open?", k=1)
        assert passage.article_id == "g1" and passage.text.endswith("The vote was 7 to 2.")


def test_missing_chunk_records_rebuild_the_cache(embedding, tmp_path):
    bot = open_bot(embedding, tmp_path)
    bot.add_articles(ARTICLES)
    lines = bot.retriever.local.folder / "chunks.jsonl"
    lines.write_bytes(lines.read_bytes()[:10])
    reopened = open_bot(embedding, tmp_path)
    assert len(reopened.retriever.local.state["articles"]) == len(ARTICLES)
    assert reopened.search("Who said the tunnel took nine years?", k=1)[0].text.startswith("The harbour tunnel opened")


def test_unreadable_tantivy_files_are_rebuilt_not_fatal(embedding, tmp_path):
    bot = open_bot(embedding, tmp_path)
    bot.add_articles(ARTICLES)
    (bot.retriever.local.folder / "keyword" / "meta.json").write_text('{"segments": "garbage"}')
    reopened = open_bot(embedding, tmp_path)
    assert keyword_articles(reopened, "tunnel") == {"t1"}
    assert reopened.quotes(speaker="Ravi Shah")


def test_exact_search_scored_in_blocks_ranks_as_scored_at_once(embedding, tmp_path):
    bot = open_bot(embedding, tmp_path)
    bot.add_articles(ARTICLES)
    local = bot.retriever.local
    vector = bot.index.embed(["who paid for the river bridge"])[0]
    everything = local.rows.mask([], None, None)
    at_once = local.rows.nearest(vector, 3, everything)
    assert len(at_once) == 3 and [s for _, s in at_once] == sorted((s for _, s in at_once), reverse=True)
    for block in (1, 2):
        in_blocks = local.rows.nearest(vector, 3, everything, block=block)
        assert [c for c, _ in in_blocks] == [c for c, _ in at_once]
        assert [s for _, s in in_blocks] == pytest.approx([s for _, s in at_once], abs=1e-5)


def test_questions_during_ingests_see_one_consistent_view(embedding, tmp_path):
    """The HTTP API lets an ingest and questions run at once: every question must still be answered
    from rows of one committed view, never fail half way through a swap."""
    import threading

    bot = open_bot(embedding, tmp_path)
    bot.add_articles(ARTICLES)
    failures: list[BaseException] = []
    done = threading.Event()

    def keep_editing() -> None:
        try:
            for n in range(6):
                text = f"The city council voted to fund the river bridge, version {n}. Mayor Ellen Park said it would open in {2026 + n}."
                bot.add_articles([ARTICLES[0].model_copy(update={"text": text})])
        except BaseException as error:  # noqa: BLE001 - reported by the assertion below
            failures.append(error)
        finally:
            done.set()

    writer = threading.Thread(target=keep_editing)
    writer.start()
    asked = 0
    while not done.is_set() or asked < 3:
        try:
            answer = bot.ask("When will the river bridge open?", since="2024-01-01")
            assert answer.citations and {c.article_id for c in answer.citations} <= {"g1", "h1"}
            assert [p.article_id for p in bot.search("harbour tunnel", sources=["Tribune"])] == ["t1"]
        except BaseException as error:  # noqa: BLE001
            failures.append(error)
            break
        asked += 1
    writer.join()
    assert not failures, failures
    assert "2031" in bot.article_text("g1")
