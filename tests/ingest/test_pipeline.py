"""Ingestion is idempotent, replaces changed articles, survives bad files and interruptions."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from ingest.pipeline import Index
from ingest.settings import IngestSettings
from ingest.store import EmbedderMismatch
from tests.conftest import SEED_FILE, SEEDS


def committed_chunks(bot) -> int:
    return len(bot.retriever.keyword)


def test_reingest_is_a_noop_and_an_edit_replaces_chunks(make_assistant, tmp_path):
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    bot = make_assistant()
    first = bot.add([folder])
    assert (first.added, first.chunks_written) == (1, bot.index.store.count_chunks())
    chunks_before = bot.index.store.count_chunks()

    again = bot.add([folder])
    assert (again.added, again.updated, again.unchanged, again.chunks_written) == (0, 0, 1, 0)
    assert bot.index.store.count_chunks() == chunks_before

    seed_copy = folder / SEED_FILE.name
    seed_copy.write_text(seed_copy.read_text().replace("more than 60 military positions", "more than 90 military positions"))
    edited = bot.add([folder])
    assert (edited.updated, edited.added) == (1, 0)
    assert bot.index.store.count_chunks() == chunks_before  # replaced, not added beside
    texts = [c.text for c in bot.index.store.iter_chunks()]
    assert any("90 military positions" in t for t in texts)
    assert not any("60 military positions" in t for t in texts)
    answer = bot.ask("How many military positions did Azerbaijan's forces gain control over?")
    assert "90" in answer.text and "60 military" not in answer.text


def test_an_edit_that_drops_a_quote_drops_it_from_the_quote_index(make_assistant, tmp_path):
    """An outside try: an article sent again without its quote kept the old quote, at the old offsets,
    so "What did Mara Quint say…?" cited "esday. Quint resigned." (the new text cut at the old span).
    The quotes ride on the article record, and a record written without any left the old ones in place."""
    record = {
        "id": "council",
        "title": "Zebra council",
        "source": "example.org",
        "published": "2024-03-20",
        "text": 'The zebra council met on Tuesday. "We will protect every zebra," said council chair Mara Quint. '
        "The meeting ran late into the night and many residents attended it.",
    }
    bot = make_assistant(tmp_path / "data")
    bot.add_records([record])
    assert [q.text for q in bot.quotes(speaker="Mara Quint")] == ["We will protect every zebra"]

    edited = bot.add_records([dict(record, text="The zebra council met again on Wednesday. Quint resigned.")])
    assert edited.updated == 1
    assert bot.quotes(speaker="Mara Quint") == []
    answer = bot.ask("What did Mara Quint say about the zebra council?", as_of="2024-03-22")
    text = bot.article_text("council")
    assert all(text[c.span[0] : c.span[1]] == c.quote for c in answer.citations), answer.citations
    assert "We will protect every zebra" not in answer.text
    reopened = make_assistant(tmp_path / "data")  # and as stored, not only in this process's cache
    assert reopened.quotes(speaker="Mara Quint") == []


def test_an_id_given_twice_in_one_batch_is_reported_not_dropped_unseen(make_assistant):
    """An outside try: two records with one id in one request came back "added: 1" and nothing else;
    the first was gone without a word. The later version is kept (a feed listing an entry twice, updated),
    and the earlier one is named with the reason; the same record sent twice is no problem."""
    bot = make_assistant()
    first = {"id": "twin", "title": "A", "source": "example.org", "published": "2024-03-20", "text": "Version A of the story."}
    second = dict(first, title="B", text="Version B of the story.")
    report = bot.add_records([first, second, dict(first, id="same"), dict(first, id="same")])
    assert report.added == 2
    assert [(e.reason, e.status) for e in report.errors] == [
        ("id 'twin' is given again in this batch with other content: the newer version (2024-03-20, articles[1]) is kept", 409)
    ]
    assert bot.article_text("twin") == "Version B of the story."


def test_the_newest_version_of_an_article_wins_and_a_summary_or_backup_never_replaces_it(make_assistant, tmp_path):
    """A newsroom editor's messy folder (an outside try): a page saved twice ("fire (1).html", the update, sorting
    before "fire.html") kept the older version; a backup of the old page ingested later rolled the update back; and a
    feed's "… Read more" summary of the page replaced its full text. The newer version wins, and a version read from
    elsewhere that is older, or no newer and much shorter, is named and not written; the same file edited replaces."""
    bot = make_assistant()
    page = '<html><head><link rel="canonical" href="https://news.example/fire"><title>{title}</title>'
    page += '<meta property="article:published_time" content="{day}"></head><body><article>{body}</article></body></html>'
    update_body = "".join(
        f"<p>Investigators said Friday that the warehouse fire was set on purpose, finding number {n} of the report.</p>"
        for n in range(1, 6)
    )
    first_body = "".join(f"<p>A warehouse fire injured two firefighters on Thursday, update {n}.</p>" for n in range(1, 6))
    folder = tmp_path / "saved"
    folder.mkdir()
    (folder / "fire (1).html").write_text(page.format(title="Fire was arson", day="2024-03-15", body=update_body))
    (folder / "fire.html").write_text(page.format(title="Warehouse fire", day="2024-03-14", body=first_body))
    report = bot.add([str(folder)])
    assert report.added == 1 and len(report.errors) == 1, report
    assert "the newer version (2024-03-15" in report.errors[0].reason
    article_id = report.article_ids[0]
    assert "set on purpose" in bot.article_text(article_id)

    backup = tmp_path / "backup"
    backup.mkdir()
    (backup / "fire.html").write_text(page.format(title="Warehouse fire", day="2024-03-14", body=first_body))
    rolled = bot.add([str(backup)])
    assert rolled.updated == 0 and "an older version (2024-03-14)" in rolled.errors[0].reason, rolled
    assert "set on purpose" in bot.article_text(article_id)

    feed = tmp_path / "feed.rss"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Harbor Times</title><item><title>Fire was arson</title>'
        "<link>https://news.example/fire</link><pubDate>Fri, 15 Mar 2024 10:00:00 GMT</pubDate>"
        "<description>The fire was arson. Read more...</description></item></channel></rss>"
    )
    summary = bot.add([str(feed)])
    assert summary.updated == 0 and "a shorter version" in summary.errors[0].reason, summary
    assert "set on purpose" in bot.article_text(article_id)

    # the stored file itself, edited shorter, is the writer's own change: it replaces
    (folder / "fire (1).html").write_text(page.format(title="Fire was arson", day="2024-03-15", body="<p>Arson.</p>"))
    edited = bot.add([str(folder / "fire (1).html")])
    assert edited.updated == 1 and "set on purpose" not in bot.article_text(article_id), edited


def test_bad_files_are_reported_and_the_rest_goes_on(make_assistant, tmp_path):
    folder = tmp_path / "mixed"
    folder.mkdir()
    shutil.copy(SEED_FILE, folder / "seed.txt")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4\x00\x01\x02binary")
    (folder / "empty.txt").write_text("")
    (folder / "feed.jsonl").write_text('{"title": "Ok", "text": "A good line about budgets."}\n{not json}\n')
    bot = make_assistant()
    report = bot.add([folder])
    assert report.added == 2
    problems = {e.where.split("/")[-1]: e.reason for e in report.errors}
    assert set(problems) == {"scan.pdf", "empty.txt", "feed.jsonl:2"}
    assert problems["scan.pdf"] == "PDF is not supported" and problems["empty.txt"] == "empty file"
    assert not report.failed

    only_bad = tmp_path / "only_bad"
    only_bad.mkdir()
    (only_bad / "empty.md").write_text("   ")
    assert make_assistant().add([only_bad]).failed


def test_same_content_under_another_name_is_skipped(make_assistant, tmp_path):
    bot = make_assistant()
    bot.add([SEED_FILE])
    copy_dir = tmp_path / "elsewhere"
    copy_dir.mkdir()
    # same text, different file: a different id but the same content hash (the source is the folder name)
    (copy_dir / "x.jsonl").write_text(
        '{"id": "other", "title": "T", "text": "Same words twice.", "source": "s"}\n'
        '{"id": "another", "title": "T", "text": "Same words twice.", "source": "s"}\n'
    )
    report = bot.add([copy_dir])
    assert (report.added, report.duplicates) == (1, 1)


def test_a_twin_far_apart_in_one_run_is_still_a_duplicate(make_assistant):
    """Articles are embedded and written in groups, the writes overlapping the next group's embedding:
    a twin in a later group is caught even while the first copy's write is still in flight."""
    from ingest.article import Article
    from ingest.pipeline import GROUP_SIZE

    articles = [
        Article(id=f"n{i}", title=f"Note {i}", text=f"Harbour note number {i} about tides.") for i in range(GROUP_SIZE + 2)
    ]
    articles.append(Article(id="twin", title=articles[0].title, text=articles[0].text))
    bot = make_assistant()
    report = bot.add_articles(articles)
    assert (report.added, report.duplicates) == (GROUP_SIZE + 2, 1)
    assert "twin" not in {a.id for a in bot.articles()}


def test_a_twin_goes_in_itself_when_the_article_it_twins_changes(make_assistant, tmp_path):
    """An outside try: the same text saved as report.txt and notes.txt went in once ("1 duplicates skipped"); a change
    to report.txt then took the words out of the index, notes.txt's with them, though the file was never touched.
    A skipped twin is kept with the article it twins, and goes in under its own id when that one changes (also when a
    request sent it: another sender's change must not lose it)."""
    bot = make_assistant()
    folder = tmp_path / "desk"
    folder.mkdir()
    words = "The lamp at Quillan Point was relit at dawn, keeper Orla Finch said."
    (folder / "report.txt").write_text(f"date 2024-03-04 Lighthouse\n{words}\n")
    (folder / "notes.txt").write_text(f"date 2024-03-04 Lighthouse\n{words}\n")
    first = bot.add([folder])
    assert (first.added, first.duplicates) == (1, 1), first
    indexed = Path(bot.articles()[0].origin)  # the copy indexed; the other is kept with it
    indexed.write_text("date 2024-03-05 Lighthouse\nThe lamp failed again overnight.\n")
    second = bot.add([folder])
    assert (second.updated, second.added) == (1, 1), second
    assert any(words in bot.article_text(a.id) for a in bot.articles()), [a.origin for a in bot.articles()]
    assert [q.text for q in bot.quotes(speaker="Orla Finch")]  # her words are indexed again
    again = bot.add([folder])  # nothing changed since: nothing to do
    assert (again.added, again.updated) == (0, 0), again
    # two requests: B's copy of A's text is kept with A's, and goes in when A changes its own
    story = {"title": "Ferry", "text": "The Quillan ferry will run hourly from Monday, the operator said.", "source": "s"}
    assert bot.add_records([{**story, "id": "a-1"}]).added == 1
    assert bot.add_records([{**story, "id": "b-1"}]).duplicates == 1
    changed = bot.add_records([{**story, "id": "a-1", "text": "Withdrawn."}])
    assert (changed.updated, changed.added) == (1, 1), changed
    assert "hourly" in bot.article_text("b-1")


def test_twins_waiting_when_a_run_is_cut_short_go_in_at_the_next_ingest(make_assistant, tmp_path, monkeypatch):
    """A run cut short (kill -9, Ctrl-C) after an article's text changed and before the twins it kept went in under
    their own ids lost them: the article's twin list was emptied first, and they lived on only in memory. They now stay
    listed until they are indexed, `check` names the article, and the next ingest (or `check --repair`) indexes them."""
    from ingest.pipeline import Ingestor

    data_dir = tmp_path / "data"
    bot = make_assistant(data_dir)
    story = {"title": "Ferry", "text": "The Quillan ferry will run hourly from Monday, keeper Orla Finch said.", "source": "s"}
    assert bot.add_records([{**story, "id": "a-1"}]).added == 1
    assert bot.add_records([{**story, "id": "b-1"}, {**story, "id": "c-1"}]).duplicates == 2

    class Killed(KeyboardInterrupt):
        pass

    def killed(self, to_index, report):
        raise Killed

    with monkeypatch.context() as cut:
        cut.setattr(Ingestor, "_index_twins", killed)
        with pytest.raises(Killed):
            bot.add_records([{**story, "id": "a-1", "text": "Withdrawn."}])

    reopened = make_assistant(data_dir)  # the next process
    assert reopened.check().twins_waiting == ["a-1"]
    other = reopened.add_records([{"id": "d-1", "title": "Tides", "text": "High tide is at noon on Tuesday.", "source": "s"}])
    # its own article and the first twin left waiting; the second, the first's twin, is kept with it
    assert (other.added, other.duplicates) == (2, 1), other
    assert "hourly" in reopened.article_text("b-1") and [t["id"] for t in reopened.index.store.twins_of("b-1")[1]] == ["c-1"]
    assert [q.article_id for q in reopened.quotes(speaker="Orla Finch")], "her words are searchable again"
    assert reopened.check().twins_waiting == [] and reopened.check().whole
    assert reopened.add_records([{**story, "id": "a-1", "text": "Withdrawn."}]).added == 0  # nothing left to do


def test_check_repair_indexes_twins_left_waiting(make_assistant, tmp_path, monkeypatch):
    from ingest.pipeline import Ingestor

    data_dir = tmp_path / "data"
    bot = make_assistant(data_dir)
    story = {"title": "Dam", "text": "The Kellan dam held through the night, engineer Ravi Shah said.", "source": "s"}
    bot.add_records([{**story, "id": "a-1"}, {**story, "id": "b-1"}])

    def killed(self, to_index, report):
        raise KeyboardInterrupt

    with monkeypatch.context() as cut:
        cut.setattr(Ingestor, "_index_twins", killed)
        with pytest.raises(KeyboardInterrupt):
            bot.add_records([{**story, "id": "a-1", "text": "Withdrawn."}])
    (data_dir / "twins-journal.json").unlink()  # cut short before the journal was written (an older version's run)
    reopened = make_assistant(data_dir)
    found = reopened.check()
    assert found.twins_waiting == ["a-1"] and not found.whole and "1 article keeping twins not indexed yet" in found.summary()
    repaired = reopened.check(repair=True)
    assert repaired.twins_indexed == ["b-1"] and repaired.whole and "indexed 1 twin left waiting" in repaired.summary()
    assert "Ravi Shah" in reopened.article_text("b-1")


def test_interrupted_write_leaves_the_index_consistent(make_assistant, tmp_path):
    """A crash between writing new chunks and committing the article keeps the old version whole."""
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    data_dir = tmp_path / "data"
    bot = make_assistant(data_dir)
    bot.add([folder])
    old_count = bot.index.store.count_chunks()
    seed_copy = folder / SEED_FILE.name
    seed_copy.write_text(seed_copy.read_text() + "\nA late paragraph says the talks resumed in Yevlakh on Thursday.\n")

    store = bot.index.store
    real_upsert = store.articles.upsert

    class PowerCut(RuntimeError):
        pass

    def cut(**kwargs):
        raise PowerCut("simulated crash before the article record is written")

    store.articles.upsert = cut  # the crash happens at the commit point of the write
    with pytest.raises(PowerCut):
        bot.add([folder])
    store.articles.upsert = real_upsert

    # A fresh process opening the same folder sees the old article, whole, and nothing of the new one.
    reopened = make_assistant(data_dir)
    assert len(reopened.retriever.keyword) == old_count
    local = reopened.retriever.local
    live = [local.rows.chunk_id(int(row)) for row in local.rows.live.nonzero()[0]]
    assert "Yevlakh" not in " ".join(c.text for c in reopened.index.store.chunks_by_id(live))
    # Ingesting again finishes the job and sweeps the orphans.
    report = reopened.add([folder])
    assert report.updated == 1
    records = reopened.index.store.article_records()
    (record,) = records.values()
    assert reopened.index.store.count_chunks() == record.chunks
    assert "Yevlakh" in reopened.ask("Where did the talks resume on Thursday?").text


def test_index_refuses_another_embedder(make_assistant, tmp_path):
    data_dir = tmp_path / "data"
    make_assistant(data_dir).add([SEED_FILE])

    class OtherEmbedding(type(make_assistant(tmp_path / "x").index.embedding)):
        model_name: str = "some-other-model"

    with pytest.raises(EmbedderMismatch, match="built with the embedder"):
        Index.open(IngestSettings(data_dir=data_dir), embedding=OtherEmbedding())


def test_an_article_stored_by_another_writer_meanwhile_is_not_written_again(embedding, tmp_path):
    """Articles are selected before they are embedded (without the write lock); if another writer
    stores them in between, the write finds them under the lock: unchanged, or a twin's duplicate."""
    from ingest.article import Article
    from ingest.pipeline import Ingestor

    index = Index.open(IngestSettings(data_dir=tmp_path / "data", attribution=False), embedding=embedding)
    first, other = Ingestor(index), Ingestor(index)
    same = Article(id="same", title="Tides", text="The harbour tides rose at noon on Monday.")
    twin = Article(id="twin", title="Ferries", text="The ferry to Quillan ran late on Tuesday.")
    real_prepare = first._prepare_group

    def prepare_while_another_writes(group, *args, **kwargs):
        prepared = real_prepare(group, *args, **kwargs)
        other.ingest_articles([same, twin.model_copy(update={"id": "twin-elsewhere"})])
        return prepared

    first._prepare_group = prepare_while_another_writes
    report = first.ingest_articles([same, twin])
    assert (report.added, report.unchanged, report.duplicates, report.chunks_written) == (0, 1, 1, 0)
    assert set(index.store.article_records()) == {"same", "twin-elsewhere"}
    assert index.store.count_chunks() == 2


def test_a_new_ingest_waits_for_a_write_in_flight_instead_of_sweeping_it(embedding, tmp_path):
    """The recovery sweep deletes chunks no committed article names: a write in flight has such
    chunks until its record is written, so a second ingest must wait for it, not sweep it."""
    from ingest.article import Article
    from ingest.pipeline import Ingestor

    index = Index.open(IngestSettings(data_dir=tmp_path / "data", attribution=False), embedding=embedding)
    ingestor = Ingestor(index)  # one Ingestor for all requests, as the HTTP API has
    in_flight = Article(id="slow", title="Slow write", text="The slow write names the Brodsworth granary.")
    other = Article(id="quick", title="Quick write", text="The quick write names the Fenwick quarry.")
    chunks_written, commit = threading.Event(), threading.Event()
    real_upsert = index.store.articles.upsert

    def commit_when_told(**record):
        chunks_written.set()
        assert commit.wait(timeout=30)
        real_upsert(**record)

    index.store.articles.upsert = commit_when_told
    slow = threading.Thread(target=ingestor.ingest_articles, args=([in_flight],))
    slow.start()
    assert chunks_written.wait(timeout=30)
    index.store.articles.upsert = real_upsert
    quick = threading.Thread(target=ingestor.ingest_articles, args=([other],))
    quick.start()
    quick.join(timeout=2)
    assert quick.is_alive(), "the second ingest wrote while another write was in flight"
    commit.set()
    slow.join(timeout=30)
    quick.join(timeout=30)
    records = index.store.article_records()
    assert set(records) == {"slow", "quick"}
    assert index.store.count_chunks() == sum(r.chunks for r in records.values()) == 2


def test_the_summary_counts_in_words_a_reader_expects():
    from ingest.pipeline import IngestProblem, IngestReport

    one = IngestReport(added=1, errors=[IngestProblem(where="a.txt", reason="empty file")])
    two = IngestReport(errors=[IngestProblem(where="a.txt", reason="x"), IngestProblem(where="b.txt", reason="y")])
    assert "1 error in" in one.summary() and "1 errors" not in one.summary()
    assert "2 errors in" in two.summary()


def test_progress_is_reported_per_article_phase_by_phase(make_assistant, tmp_path):
    """An ingest tells its progress as each source is read, then as each article is embedded, has its
    quotes found and is indexed, in that order for every article; an old three-argument callback still
    hears of each article once it is indexed."""
    from ingest.pipeline import EMBEDDING, FINDING_QUOTES, GROUP_SIZE, INDEXING, READING

    count = GROUP_SIZE + 4  # two groups: the second is embedded while the first is written
    for i in range(count):
        (tmp_path / f"note{i:02d}.txt").write_text(
            f"date 2024-03-{i + 1:02d} Harbour note {i}\n\n"
            f'The tide rose {i} centimetres on Monday. "The wall held," said engineer Ada Brook {i}.\n'
        )
    events: list[tuple[str, int, int, str]] = []

    def on_progress(done: int, total: int, title: str, phase: str) -> None:
        events.append((phase, done, total, title))

    bot = make_assistant()
    report = bot.add([tmp_path], on_progress=on_progress)
    assert report.added == count

    reading = [e for e in events if e[0] == READING]
    assert [(done, total) for _, done, total, _ in reading] == [(n, count) for n in range(1, count + 1)]
    assert events[: len(reading)] == reading  # every source is read before the first article is embedded
    titles = {f"Harbour note {i}" for i in range(count)}
    for phase in (EMBEDDING, FINDING_QUOTES, INDEXING):
        seen = [e for e in events if e[0] == phase]
        assert [(done, total) for _, done, total, _ in seen] == [(n, count) for n in range(1, count + 1)], phase
        assert {title for *_, title in seen} == titles
    for title in titles:
        phases = [phase for phase, *_, seen_title in events if seen_title == title]
        assert phases == [EMBEDDING, FINDING_QUOTES, INDEXING], title

    # the three-argument form, on a re-ingest where nothing changed: each unchanged article is done at once
    done_counts: list[int] = []
    again = bot.add([tmp_path], on_progress=lambda done, total, title: done_counts.append(done))
    assert again.unchanged == count
    assert done_counts == list(range(1, count + 1))


def test_a_reader_takes_in_what_another_process_wrote(make_assistant, tmp_path):
    """An outside try: `byline ingest` beside a running `byline serve` ("1 added") was found by the server's search,
    but its article list and count (the Articles tab, `GET /api/articles`, `/healthz`) stayed one short until the
    server's own next write, and its speakers never had the new quotes. A reader takes in another writer's articles
    at its next question or listing; its own writes cost it no catching up."""
    data = tmp_path / "data"
    server = make_assistant(data)  # as `byline serve` holds it
    assert server.add_records([{"id": "one", "title": "First", "text": "The first note, said Ada Crane."}]).added == 1
    writes = server.index.writes()
    assert server.retriever.writes_seen in (writes, writes - 1)  # its own write: seen, no refresh owed
    server.articles()
    assert server.retriever.writes_seen == writes
    other = make_assistant(data)  # another process: `byline ingest` (an Index of its own)
    words = '"The harbour lights are new," said Tomas Ferrer, an engineer.'
    assert other.add_records([{"id": "two", "title": "Lights", "text": words}]).added == 1
    assert {a.id for a in server.articles()} == {"one", "two"}
    assert any(name == "Tomas Ferrer" for name, _ in server.speakers())


def test_an_edit_ingested_by_another_process_breaks_no_question(make_assistant, tmp_path):
    """An outside try: a file edited and ingested with `byline ingest` beside a running `byline serve` made every later
    question a 500: the server's vector index still held the deleted chunks, whose records Chroma gave as None. Another
    process really writes here (the CLI in a subprocess); the reader answers, from the edited text."""
    import subprocess
    import sys

    data, folder = tmp_path / "data", tmp_path / "desk"
    folder.mkdir()
    story = folder / "library.txt"
    story.write_text('date 2024-03-04 Library reopens\nThe city library reopened Monday. "Books are back," said Tom Ash.\n')
    server = make_assistant(data)  # as `byline serve` holds it
    assert server.add([folder]).added == 1
    assert "Monday" in server.ask("When did the library reopen?", as_of="2024-03-05").text
    story.write_text('date 2024-03-04 Library reopens\nThe city library reopened Tuesday. "Books are back," said Tom Ash.\n')
    cli = [sys.executable, "-c", "from ui.cli import app; app()", "--data", str(data), "ingest", str(folder)]
    done = subprocess.run(cli, capture_output=True, text=True, timeout=300, cwd=Path(__file__).parents[2])
    assert done.returncode == 0 and "1 updated" in done.stdout + done.stderr, done.stdout + done.stderr
    answer = server.ask("When did the library reopen?", as_of="2024-03-05")
    assert "Tuesday" in answer.text, answer.text
    assert [p.text for p in server.search("library reopened", as_of="2024-03-05")]


def test_an_article_edited_to_a_twin_s_text_is_replaced_not_left_stale(make_assistant, tmp_path):
    """An outside try: b.txt, a twin of a.txt, was edited ("4 dollars"), went in under its own id, then was edited back
    to a.txt's text: it was reported a duplicate and skipped, and the index kept its old "4 dollars", which no file says.
    A stored article edited to another's text is replaced all the same."""
    bot = make_assistant()
    folder = tmp_path / "desk"
    folder.mkdir()
    words = "Tram fares rise to 3 dollars in May, said transit head Li Park."
    for name in ("a.txt", "b.txt"):
        (folder / name).write_text(f"date 2024-03-01 Tram fares\n{words}\n")
    assert (bot.add([folder]).added, len(bot.articles())) == (1, 1)
    twin = next(path for path in folder.iterdir() if str(path) != bot.articles()[0].origin)
    twin.write_text(f"date 2024-03-01 Tram fares\n{words.replace('3 dollars', '4 dollars')}\n")
    assert bot.add([folder]).added == 1
    twin.write_text(f"date 2024-03-01 Tram fares\n{words}\n")  # back to its twin's text
    assert bot.add([folder]).updated == 1
    assert not any("4 dollars" in bot.article_text(a.id) for a in bot.articles())


def test_a_date_that_reads_two_ways_is_kept_and_named_in_the_report(make_assistant, tmp_path):
    """An analyst's JSONL record with "published": "03/01/2024" (line 4) was stored as 2024-03-01 without a word, while
    `as_of` refuses the same string: a source writing days first would be two months off. The article goes in, read
    month first, and the report names the file, the line and both readings; an unambiguous day says nothing."""
    import json

    path = tmp_path / "lines.jsonl"
    records = [
        {
            "id": "amb",
            "title": "Harbor bridge closes",
            "text": "The Millbrook harbor bridge closed on Thursday.",
            "published": "03/01/2024",
        },
        {
            "id": "one",
            "title": "Bridge repairs begin",
            "text": "Repairs to the Millbrook bridge began.",
            "published": "03/25/2024",
        },
    ]
    path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
    bot = make_assistant()
    report = bot.add([path])
    assert report.added == 2, report
    assert [(w.where, w.reason) for w in report.warnings] == [
        (
            f"{path}:1",
            "published '03/01/2024' reads two ways: taken month first as 2024-03-01 (day first it is 2024-01-03); "
            "write YYYY-MM-DD to say which",
        )
    ], report.warnings
    assert {a.id: a.published for a in bot.articles()} == {"amb": "2024-03-01", "one": "2024-03-25"}
