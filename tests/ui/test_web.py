"""The web app without a browser: its endpoint from another client, its checks, its settings (rendering: test_render.py)."""

from __future__ import annotations

import html
import logging
import re

import httpx
import pytest
from gradio_client import Client

from ingest.article import Article
from tests.conftest import SEEDS
from tests.ui.conftest import SEED_QUESTION, running_app
from ui.web import WebSettings, example_questions, ingest_uploads, serve
from ui.web.handlers import ChatHandlers, LabelStamps, Waiting, upload_size
from ui.web.layout import build_chat

QUOTED_WORDS = "anti-terrorist measures will be stopped if (Karabakh forces) lay down their arms"

TOKEN = "s3cret-token-for-tests"  # BYLINE_TOKEN needs 16 characters or more


def highlighted(evidence_html: str) -> list[str]:
    """The words the evidence panel marks, as a reader sees them."""
    return [html.unescape(words) for words in re.findall(r"<mark>(.*?)</mark>", evidence_html, re.S)]


def last_reply(chat: list[dict]) -> str:
    content = chat[-1]["content"]
    return content if isinstance(content, str) else " ".join(part.get("text", "") for part in content)


@pytest.fixture(scope="module")
def client(seeded_url) -> Client:
    return Client(seeded_url, verbose=False)


def test_gradio_client_asks_and_follows_up(client, seeded_url):
    chat, evidence, question_box = client.predict(SEED_QUESTION, api_name="/chat")
    reply = last_reply(chat)
    assert "Aliyev" in reply and 'href="#cite-1-1"' in reply
    assert any(QUOTED_WORDS in words for words in highlighted(evidence))
    assert "2023-09-20" in evidence and question_box == ""

    # The same client is one session: the follow-up is read against the first question.
    chat, evidence, _ = client.predict("What did he say about civilians?", api_name="/chat")
    assert len(chat) == 4
    follow_up = last_reply(chat)
    assert "Understood as" in follow_up and "Aliyev" in follow_up.split("Understood as", 1)[1]
    assert 'data-turn="2"' in evidence and 'id="cite-2-1"' in evidence and highlighted(evidence)

    assert httpx.get(f"{seeded_url}/healthz").json() == {"ok": True, "articles": 1}


def test_date_filter_is_checked_and_applied(client):
    chat, _, _ = client.predict(SEED_QUESTION, since="2023/09/01", api_name="/chat")
    assert "should look like 2023-09-20" in last_reply(chat)
    chat, _, _ = client.predict(SEED_QUESTION, since="2023-02-30", api_name="/chat")
    assert "not a real date" in last_reply(chat)
    chat, _, _ = client.predict(SEED_QUESTION, since="2023-09-30", until="2023-09-01", api_name="/chat")
    assert "date range is empty" in last_reply(chat)
    # The seed is from 2023-09-20: a range that ends before it leaves nothing to answer from.
    chat, evidence, _ = client.predict(SEED_QUESTION, until="2023-09-01", api_name="/chat")
    assert "No article published on or before 2023-09-01 is indexed" in last_reply(chat) and "<mark>" not in evidence
    chat, evidence, _ = client.predict(SEED_QUESTION, since="2023-09-20", until="2023-09-20", sources=["seeds"], api_name="/chat")
    assert "<mark>" in evidence


def test_a_question_takes_the_text_a_date_field_refused():
    """What the page's TYPED_DATES_JS sends (a date field's text that it refused, as JSON) is what is asked with."""
    handlers = ChatHandlers(None, WebSettings())
    waiting = Waiting()
    typed = '{"as_of": "yesterday", "until": " next week ", "other": "x"}'
    assert handlers.enqueue("When?", [], "2024-03-01", "", "2024-02-30", waiting, typed) == ""
    handlers.enqueue("And then?", [], "", "", "2024-03-15", waiting, "not json")
    asked = [question.model_dump(exclude={"question", "sources"}) for question in waiting.questions]
    assert asked == [
        {"since": "2024-03-01", "until": " next week ", "as_of": "yesterday"},
        {"since": "", "until": "", "as_of": "2024-03-15"},
    ]


def test_a_filters_label_request_older_than_one_drawn_draws_nothing():
    """The label requests LABEL_JS numbers: one reaching the server after a newer one of its page draws nothing (it
    would put back the filters as they were); other pages, and requests without a number, are drawn."""
    stamps = LabelStamps(pages=2)
    assert stamps.is_newest("page-a", '{"stamp": 2}')
    assert not stamps.is_newest("page-a", '{"stamp": 1, "as_of": "yesterday"}')
    assert not stamps.is_newest("page-a", '{"stamp": 2}')
    assert stamps.is_newest("page-b", '{"stamp": 1}')
    assert stamps.is_newest("page-a", '{"stamp": 3}')
    assert stamps.is_newest("page-a", "{}") and stamps.is_newest(None, '{"stamp": 1}')
    stamps.is_newest("page-c", '{"stamp": 1}')  # a third page: the least recently drawn (b) is forgotten
    assert not stamps.is_newest("page-a", '{"stamp": 3}') and stamps.is_newest("page-b", '{"stamp": 1}')


def test_a_failure_shows_a_short_message_and_logs_the_traceback(make_assistant, caplog):
    bot = make_assistant()
    bot.add([SEEDS])
    # A real failure: the chunks collection disappears under the running app.
    bot.index.store.client.delete_collection(bot.index.store.chunks.name)
    with running_app(bot) as url, caplog.at_level(logging.ERROR, logger="ui.web"):
        # (a question that needs the passages: a who-said one is answered from the quote index alone)
        chat, _, _ = Client(url, verbose=False).predict(
            "How many military positions did Azerbaijan's forces gain control over?", api_name="/chat"
        )
    reply = last_reply(chat)
    assert reply.startswith("⚠️ Sorry, answering failed") and "Traceback" not in reply
    assert any(record.exc_info for record in caplog.records), "the traceback was not logged"


def test_access_token_is_required_beyond_localhost(seeded_assistant):
    with pytest.raises(SystemExit, match="BYLINE_TOKEN"):
        serve(seeded_assistant, host="0.0.0.0", port=1, settings=WebSettings(token=None))
    with running_app(seeded_assistant, token=TOKEN) as url:
        assert httpx.get(f"{url}/config").status_code == 401
        assert httpx.get(f"{url}/healthz").status_code == 200
        with pytest.raises(ValueError):
            Client(url, auth=("anyone", "wrong"), verbose=False)
        chat, _, _ = Client(url, auth=("anyone", TOKEN), verbose=False).predict(SEED_QUESTION, api_name="/chat")
        assert "Aliyev" in last_reply(chat)


def uploads_folder(tmp_path, monkeypatch):
    """Gradio's upload folder, as a test's own: files there are what a request uploaded."""
    folder = tmp_path / "gradio-uploads"
    folder.mkdir()
    monkeypatch.setenv("GRADIO_TEMP_DIR", str(folder))
    return folder


def test_uploads_are_limited_and_reported_by_file_name(make_assistant, tmp_path, monkeypatch):
    bot = make_assistant()
    uploads = uploads_folder(tmp_path, monkeypatch)
    big = uploads / "big.txt"
    big.write_text("date 2024-01-01 Big\n\n" + "word " * 2000)
    good = uploads / "good.md"
    good.write_text("# Ferry strike ends\n\nThe ferry workers ended their strike on Friday after a pay deal.\n")
    monkeypatch.setenv("BYLINE_MAX_UPLOAD_MB", "0.005")  # 5 kB, read when the settings are built
    summary = ingest_uploads(bot, [str(big), str(good)], "ftp://example.org/feed", WebSettings(), progress=lambda *a, **k: None)
    assert "1 added" in summary
    assert "`big.txt`: file is 9.8 KB, over the 4.9 KB upload limit" in summary  # as Gradio states sizes
    assert "`ftp://example.org/feed`: not an http(s) URL" in summary
    assert str(tmp_path) not in summary
    assert [a.source for a in bot.articles()] == ["uploads"]
    assert "pay deal" in bot.ask("Why did the ferry strike end?").text


def test_a_file_reference_outside_the_upload_folder_is_never_read(make_assistant, tmp_path, monkeypatch):
    """A crafted request can name any path as its 'upload' ({"path": "/etc/passwd"}); only real uploads are read."""
    bot = make_assistant()
    uploads_folder(tmp_path, monkeypatch)
    secret = tmp_path / "server-only.txt"
    secret.write_text("Server secret\n\nThe launch code of the server is 4711 and must never be indexed.\n")
    summary = ingest_uploads(bot, [str(secret), "/etc/passwd"], "", WebSettings(), progress=lambda *a, **k: None)
    assert "`server-only.txt`: not a file uploaded here" in summary and "`passwd`: not a file uploaded here" in summary
    assert bot.articles() == []
    assert not bot.search("launch code of the server")


def test_a_changed_upload_of_the_same_name_replaces_the_article_it_made(make_assistant, tmp_path, monkeypatch):
    """A security tester uploaded report.txt ("12 ships"), then a corrected report.txt ("21 ships"): kept by content,
    it was a second article, the answer cited both figures as current and nothing could remove the old one. An
    upload is kept by its file name: the corrected one replaces it, as re-ingesting a changed file does in the CLI."""
    bot = make_assistant()
    uploads = uploads_folder(tmp_path, monkeypatch)

    def upload(folder: str, name: str, text: str) -> str:
        (uploads / folder).mkdir()  # each upload in a folder of its own, as Gradio keeps them
        (uploads / folder / name).write_text(text)
        return ingest_uploads(bot, [str(uploads / folder / name)], "", WebSettings(), progress=lambda *a, **k: None)

    first = upload("a", "report.txt", "Harbor report\n\nThe harbor counted 12 ships on Monday.\n")
    assert "1 added" in first
    corrected = upload("b", "report.txt", "Harbor report\n\nThe harbor counted 21 ships on Monday.\n")
    assert "1 updated" in corrected, corrected
    (article,) = bot.articles()
    assert "21 ships" in bot.article_text(article.id) and "12 ships" not in bot.article_text(article.id)
    assert not any("12 ships" in hit.text for hit in bot.search("How many ships did the harbor count?"))
    assert "1 unchanged" in upload("c", "report.txt", "Harbor report\n\nThe harbor counted 21 ships on Monday.\n")
    # another name is another article, and a name is kept as a plain file name in the uploads folder
    assert "1 added" in upload("d", "..Bridge report.TXT", "Bridge report\n\nThe bridge reopened in May.\n")
    assert sorted(a.title for a in bot.articles()) == ["Bridge report", "Harbor report"]
    kept = sorted(p.name for p in (bot.index.settings.data_dir / WebSettings().uploads_dir_name).iterdir())
    # a name cleaning changed is kept with a hash of the name as given: it never becomes another upload's file
    assert len(kept) == 2 and kept[1] == "report.txt"
    assert re.fullmatch(r"Bridge report~[0-9a-f]{12}\.txt", kept[0]), kept


def test_an_upload_that_goes_in_not_at_all_is_not_kept(make_assistant, tmp_path, monkeypatch):
    """An outside security try: uploads that failed whole (bad JSON, an empty file, a page with no article text) were
    kept in the data folder's uploads forever, 20 MB a name, with nothing to list or remove them. A new one that adds
    no article is removed; a file of which some records went in is kept."""
    bot = make_assistant()
    uploads = uploads_folder(tmp_path, monkeypatch)
    (uploads / "bad.json").write_text('{"title": "Unfinished')
    (uploads / "empty.txt").write_text("")
    (uploads / "mixed.jsonl").write_text('{"title": "Ferry strike ends", "text": "The ferry strike ended on Friday."}\n{"bad"\n')
    files = [str(uploads / name) for name in ("bad.json", "empty.txt", "mixed.jsonl")]
    summary = ingest_uploads(bot, files, "", WebSettings(), progress=lambda *a, **k: None)
    assert "1 added" in summary and "`bad.json`" in summary and "`empty.txt`" in summary, summary
    kept = sorted(p.name for p in (bot.index.settings.data_dir / WebSettings().uploads_dir_name).iterdir())
    assert kept == ["mixed.jsonl"], kept


def test_two_files_of_one_name_in_one_upload_keep_the_first(make_assistant, tmp_path, monkeypatch):
    bot = make_assistant()
    uploads = uploads_folder(tmp_path, monkeypatch)
    for folder, story in [("a", "The ferry strike ended on Friday."), ("b", "The bridge reopened in May.")]:
        (uploads / folder).mkdir()
        (uploads / folder / "report.txt").write_text(f"Report {folder}\n\n{story}\n")
    files = [str(uploads / "a" / "report.txt"), str(uploads / "b" / "report.txt")]
    summary = ingest_uploads(bot, files, "", WebSettings(), progress=lambda *a, **k: None)
    assert "1 added" in summary and "`report.txt`: another file in this upload has the same name" in summary
    assert [a.title for a in bot.articles()] == ["Report a"]


def test_an_upload_never_overwrites_an_article_read_from_disk(make_assistant, tmp_path, monkeypatch):
    """Anyone who reaches the chat could upload a JSON Lines file with the id of the operator's seed article and
    replace its text; the upload is refused for that record, named in the summary, and the seed is untouched."""
    import json

    bot = make_assistant()
    bot.add([SEEDS])
    seed = bot.articles()[0]
    seed_text = bot.article_text(seed.id)
    uploads = uploads_folder(tmp_path, monkeypatch)
    upload = uploads / "records.jsonl"
    records = [{"id": seed.id, "title": "Hijacked", "text": "Nothing of the original is left."}]
    upload.write_text("\n".join(json.dumps(r) for r in records))
    summary = ingest_uploads(bot, [str(upload)], "", WebSettings(), progress=lambda *a, **k: None)
    assert "records.jsonl" in summary and seed.id in summary and "**Errors:**" in summary, summary
    assert bot.article_text(seed.id) == seed_text


def test_example_questions_come_from_what_is_indexed(make_assistant):
    bot = make_assistant()
    assert example_questions(bot, 4) == []
    bot.add_articles(
        [
            Article(
                id="bridge-1",
                title="Mayor says 'the old bridge will reopen in May' after repairs",
                text="The mayor said the old bridge will reopen in May after repairs to its piers. "
                "“We will finish the piers by April,” said engineer Dana Whitfield.",
                source="Harbor Gazette",
                published="2024-02-01",
            )
        ]
    )
    assert ("Dana Whitfield", 1) in bot.speakers()
    questions = example_questions(bot, 4)
    assert questions[0] == "Who said “the old bridge will reopen in May”?"
    assert any("Mayor says" in q for q in questions[1:])
    assert not any(q.startswith("What did") for q in questions), "a speaker quoted once is not offered as an example"
    bot.add_articles(
        [
            Article(
                id="bridge-2",
                title="Piers on schedule",
                text="“The concrete has set,” said engineer Dana Whitfield on Friday.",
                source="Harbor Gazette",
                published="2024-03-01",
            )
        ]
    )
    assert "What did Dana Whitfield say?" in example_questions(bot, 4)
    # a journalist's try: a headline that asks (news24-dev 6fabb9692c1f) was offered as 'What do the articles report
    # about “What was the AT&T outage …'; it is the question itself
    bot.add_articles(
        [
            Article(
                id="att",
                title="What was the AT&T outage cause? Company says it wasn't a ...",
                text="Many AT&T customers were left without cellphone service Thursday.",
                source="usatoday.com",
                published="2024-02-23",
            )
        ]
    )
    questions = example_questions(bot, 6)
    assert "What was the AT&T outage cause?" in questions, questions
    assert not any("“What was" in q for q in questions), questions


def test_the_load_time_restore_never_wipes_a_question_already_asked(seeded_assistant):
    """CI saw a first question's answer vanish: the page-load restore of the kept conversation (an
    empty one) ran after the question had been asked on a busy machine, and replaced the chat. A page
    that has asked a question keeps its conversation and its filters."""
    import gradio as gr

    from ui.web.handlers import ChatHandlers
    from ui.web.render import Turn

    handlers = ChatHandlers(seeded_assistant, WebSettings())
    asked = [Turn(question=SEED_QUESTION, text="…")]
    skipped = gr.skip()
    assert all(part == skipped for part in handlers.restore_page([], {"as_of": "2024-03-15"}, asked))
    # nothing kept: the page is empty already; redrawn empty, it could land after the first answer (the check above
    # reads the turns as the load began, before the answer's) and wipe it. Only the filters are set.
    chat, evidence, turns, export, _, since, until, as_of = handlers.restore_page([], {"as_of": "2024-03-15"}, [])
    assert all(part == skipped for part in (chat, evidence, turns, export)) and as_of == "2024-03-15"
    kept = [Turn(question=SEED_QUESTION, text="…").model_dump(mode="json")]
    chat, _, turns, _, _, _, _, _ = handlers.restore_page(kept, {}, [])
    assert [turn.question for turn in turns] == [SEED_QUESTION]


def test_a_reload_restores_the_filters_the_last_answer_was_asked_under(seeded_assistant):
    """An outside try: after a reload the conversation came back but the filters kept beside it did not (three
    reloads in eight: the Filters label said none, and the follow-up was asked as of today). The last answer
    records the filters it was asked under; they come back with it, whatever the other key holds."""
    from assistant.answer import Answer
    from ui.web.handlers import ChatHandlers
    from ui.web.render import Turn

    handlers = ChatHandlers(seeded_assistant, WebSettings())
    source = seeded_assistant.sources()[0]
    answer = Answer(
        question=SEED_QUESTION, text="…", answered=True, as_of="2024-03-15", filters={"sources": [source], "since": "2024-03-01"}
    )
    kept = [Turn(question=SEED_QUESTION, text="…", answer=answer).model_dump(mode="json")]
    *_, sources, since, until, as_of = handlers.restore_page(kept, {}, [])
    assert (sources.value, since, until, as_of) == ([source], "2024-03-01", "", "2024-03-15")
    # a conversation with no answer yet (stopped before one) takes the filters kept beside it
    stopped = [Turn(question=SEED_QUESTION, text="").model_dump(mode="json")]
    *_, as_of = handlers.restore_page(stopped, {"as_of": "2024-02-01"}, [])
    assert as_of == "2024-02-01"


def test_the_browser_keeps_at_most_kept_conversations_past_ones_newest_first(seeded_assistant):
    """Each filed conversation is sent whole to the browser (~5 MB of storage): the oldest past one goes first."""
    from ui.web.handlers import ChatHandlers, Waiting
    from ui.web.render import Turn

    handlers = ChatHandlers(seeded_assistant, WebSettings(kept_conversations=2))
    archive: list[dict] = []
    for question in ["first?", "second?", "third?"]:
        turns = [Turn(question=question, text="an answer", asked_on="2024-03-15")]
        archive = handlers.new_conversation("", turns, archive, Waiting())[7]
    assert [(entry["title"], entry["date"]) for entry in archive] == [("third?", "2024-03-15"), ("second?", "2024-03-15")]
    # an empty conversation is not filed
    assert handlers.new_conversation("", [], archive, Waiting())[7] == archive
    # the oldest, opened from a full list, comes back (the open one is filed in its place)
    opened = handlers.open_conversation(archive[-1]["id"], "", [Turn(question="fourth?", text="…")], archive, Waiting())
    assert [turn.question for turn in opened[2]] == ["second?"]
    assert [entry["title"] for entry in opened[7]] == ["fourth?", "third?"]


def test_the_upload_limit_is_stated_as_gradios_toast_states_it(make_assistant):
    # Gradio's toast divides by 1024 ("maximum allowed size of 19.1 Mb" for 20,000,000 bytes): the page said 20 MB
    assert upload_size(20_000_000) == "19.1 MB"
    assert upload_size(5_000) == "4.9 KB"
    assert upload_size(512) == "512.0 bytes"
    demo = build_chat(make_assistant(), WebSettings(max_upload_mb=20))
    said = [block.value for block in demo.blocks.values() if "Upload files" in str(getattr(block, "value", ""))]
    assert len(said) == 1 and "up to 19.1 MB each" in said[0], said


def test_answers_and_restores_write_no_export_file(seeded_assistant, tmp_path, monkeypatch):
    """A security tester found every answered conversation written to /tmp/byline-exports/<hash>/ after each answer
    and page restore, readable by every user of the machine, never removed, and written through any link planted
    there. Nothing is written now: the Markdown is made when "Export as Markdown" is clicked and the page downloads it."""
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    handlers = ChatHandlers(seeded_assistant, WebSettings())
    waiting = Waiting()
    handlers.enqueue(SEED_QUESTION, [], "", "", None, waiting)
    turns = list(handlers.drain([], waiting))[-1][2]
    assert turns and turns[-1].answer is not None
    handlers.restore(handlers.saved(turns))
    handlers.stop("", turns, waiting)
    handlers.new_conversation("", turns, [], waiting)
    assert list(tmp_path.rglob("*")) == [], "an answer, a restore or a switch wrote a file"
    text = handlers.export_markdown(turns)
    assert text.startswith("# Byline conversation") and f"## 1. {SEED_QUESTION}" in text
    assert handlers.export_markdown([]) == ""
    assert list(tmp_path.rglob("*")) == []


def test_a_refused_question_shows_no_earlier_question_s_coverage(seeded_assistant):
    """An outside try in the web chat: a question refused for its date ("03/01/2024") showed "No answer" in the
    evidence panel while the coverage plot still drew the question before it ("The 32 best-matching articles")."""
    from ui.web.handlers import ChatHandlers
    from ui.web.render import Turn

    handlers = ChatHandlers(seeded_assistant, WebSettings())
    answered = Turn(question=SEED_QUESTION, text="…", answer=seeded_assistant.ask(SEED_QUESTION))
    assert handlers.coverage_plot([answered]) is not None
    refused = Turn(question=SEED_QUESTION, text="", error="not a YYYY-MM-DD day: '03/01/2024'")
    assert handlers.coverage_plot([answered, refused]) is None


def test_the_address_printed_at_start_opens_the_chat():
    """An outside try: `byline serve --host ::1 --port 7937` printed "Byline chat on http://::1:7937/", which no
    browser opens; an IPv6 host goes in brackets."""
    from ui.web.app import chat_address

    assert chat_address("::1", 7937) == "http://[::1]:7937/"
    assert chat_address("127.0.0.1", 7860) == "http://127.0.0.1:7860/"
