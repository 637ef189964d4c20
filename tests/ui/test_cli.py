"""The `byline` command line, run as a user would (typer's CLI runner, real index in a temp folder)."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from tests.conftest import SEEDS
from ui.cli import app

runner = CliRunner()
SEED_QUESTION = "Who said that anti-terrorist measures will be stopped if Karabakh forces lay down their arms?"


def run(*args: str):
    result = runner.invoke(app, list(args), catch_exceptions=False)
    return result


def test_ingest_ask_search_articles(tmp_path):
    data = str(tmp_path / "data")
    ingested = run("ingest", str(SEEDS), "--data", data)
    assert ingested.exit_code == 0, ingested.output
    assert "1 added" in ingested.output

    again = run("ingest", str(SEEDS), "--data", data, "--json")
    assert json.loads(again.output)["unchanged"] == 1

    asked = run("ask", SEED_QUESTION, "--data", data)
    assert asked.exit_code == 0 and "Aliyev" in asked.output and "[1]" in asked.output

    as_json = run("ask", SEED_QUESTION, "--data", data, "--json")
    answer = json.loads(as_json.output)
    assert answer["answered"] and {"text", "citations", "timings_ms"} <= set(answer)
    citation = answer["citations"][0]
    assert {"n", "article_id", "title", "source", "url", "published", "passage", "quote", "span"} <= set(citation)

    found = run("search", "Blinken statement", "--data", data, "--json", "-k", "2")
    passages = json.loads(found.output)
    assert 1 <= len(passages) <= 2 and passages[0]["article_id"] == citation["article_id"]
    assert json.loads(run("search", "Blinken", "--data", data, "--json", "--since", "2024-01-01").output) == []

    listed = json.loads(run("articles", "--data", data, "--json").output)
    assert [a["published"] for a in listed] == ["2023-09-20"]


def test_ingest_exit_code_names_bad_files(tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "blob.bin").write_bytes(bytes(range(256)) * 4)
    result = runner.invoke(app, ["ingest", str(bad), "--data", str(tmp_path / "data")])
    assert result.exit_code == 1
    assert "blob.bin" in result.output and "binary" in result.output

    mixed = run("ingest", str(bad), str(SEEDS), "--data", str(tmp_path / "data"))
    assert mixed.exit_code == 0 and "1 added" in mixed.output and "blob.bin" in mixed.output


def test_quotes_lists_who_said_what(tmp_path):
    data = str(tmp_path / "data")
    assert run("ingest", str(SEEDS), "--data", data).exit_code == 0
    listed = json.loads(run("quotes", "--data", data, "--speaker", "Aliyev", "--json").output)
    assert listed and all("Aliyev" in q["speaker_name"] for q in listed)
    assert any(q["text"] == "legitimate military targets" for q in listed)
    searched = json.loads(run("quotes", "--data", data, "--search", "destroying positions", "--json").output)
    assert searched[0]["speaker_name"] == "Baku"
    table = run("quotes", "--data", data, "--speaker", "Aliyev")
    assert "Ilham Aliyev" in table.output and "2023-09-20" in table.output
    assert "--limit N shows more" not in table.output
    # a list cut at the limit says so (an outside try read 50 rows as all 61 there were)
    assert "(the first 1: --limit N shows more)" in run("quotes", "--data", data, "--limit", "1").output


def test_user_mistakes_are_one_line_and_exit_2(tmp_path):
    data = str(tmp_path / "data")
    assert run("ingest", str(SEEDS), "--data", data).exit_code == 0
    mistakes = [
        (["ask", "", "--data", data], "the question is empty"),
        (["ask", "   ", "--data", data], "the question is empty"),
        (["ask", SEED_QUESTION, "--since", "2023-13-45", "--data", data], "since: not a date: '2023-13-45'"),
        (["ask", SEED_QUESTION, "--since", "tomorrow", "--data", data], "since: not a date: 'tomorrow'"),
        (["search", "arms", "--until", "someday", "--data", data], "until: not a date: 'someday'"),
        (["quotes", "--since", "2023-10-01", "--until", "2023-09-01", "--data", data], "the date range is empty"),
    ]
    for args, reason in mistakes:
        result = runner.invoke(app, args)
        assert result.exit_code == 2, (args, result.output)
        assert reason in result.output and "Traceback" not in result.output, (args, result.output)
        assert len(result.output.strip().splitlines()) == 1, result.output


def test_debug_shows_the_traceback(tmp_path):
    from assistant import InvalidInput

    data = str(tmp_path / "data")
    result = runner.invoke(app, ["--debug", "ask", "", "--data", data])
    assert result.exit_code == 1 and isinstance(result.exception, InvalidInput)


def test_shared_options_go_before_or_after_the_command(tmp_path):
    """An outside tester: `byline --data DIR ingest …` failed ("No such option: --data"); the shared
    options (--data, --chroma-url, -v, --debug) now work on either side of the command."""
    from assistant import InvalidInput

    data = str(tmp_path / "data")
    before = run("--data", data, "ingest", str(SEEDS))
    assert before.exit_code == 0 and "1 added" in before.output, before.output
    assert "1 unchanged" in run("ingest", str(SEEDS), "--data", data).output  # the same index, named after
    listed = json.loads(run("--data", data, "articles", "--json").output)
    assert [a["published"] for a in listed] == ["2023-09-20"]
    elsewhere = str(tmp_path / "elsewhere")
    assert json.loads(run("--data", elsewhere, "articles", "--data", data, "--json").output) == listed  # after wins
    assert "Aliyev" in run("--data", data, "ask", SEED_QUESTION).output
    assert not (tmp_path / "elsewhere").exists() and not (tmp_path / "data" / "data").exists()

    debug_after = runner.invoke(app, ["ask", "", "--data", data, "--debug"])
    assert debug_after.exit_code == 1 and isinstance(debug_after.exception, InvalidInput)
    quiet = runner.invoke(app, ["ask", "", "--data", data])
    assert quiet.exit_code == 2 and "the question is empty" in quiet.output  # --debug of the last run does not linger


def test_eval_refuses_a_shared_data_folder_rather_than_filling_the_users_index(tmp_path):
    """`byline eval` ingests its set into --data: a --data before the command (meant for the user's index)
    is refused with the reason, not silently used."""
    result = runner.invoke(app, ["--data", str(tmp_path / "data"), "eval", str(tmp_path)])
    assert result.exit_code == 2 and "keeps its own index" in result.output
    assert not (tmp_path / "data").exists()


FIRE_CAUSE = {  # an outside tester's own local-news article (a journalist's, of a fictional town), as ingested
    "id": "fire-cause",
    "title": "Fire chief: faulty dryer line caused Hartwell blaze",
    "source": "Millbrook Ledger",
    "published": "2024-10-04",
    "text": "A leaking dryer line in the resin-drying room caused last month's fire at the Hartwell Plastics plant, Fire "
    "Chief Maria Santos said Thursday.\n\nHartwell plant manager Gary Pruitt said the company would replace every dryer "
    "line in the building before reopening.",
}


def test_check_repair_finds_again_the_quotes_older_rules_found(make_assistant, tmp_path):
    """Quotes are found at ingest, and re-ingesting an unchanged article does nothing: an index an older Byline wrote
    kept the speakers its rules got wrong (outside tries met "Beau Biden" for President Biden and a reporter's sentence
    given to Trump, long after the rules were mended). Each article's quotes name the rules that found them; `check`
    counts the older ones and `check --repair` finds them again from the stored text, chunks untouched."""
    data = tmp_path / "data"
    bot = make_assistant(data)
    bot.add_records([FIRE_CAUSE])
    assert any("leaking dryer line" in quote.text for quote in bot.quotes(speaker="Santos"))
    # what an older Byline left: no rules named, and not this quote (those rules did not read "…, X said Thursday.")
    store = bot.index.store
    record = store.article_record("fire-cause")
    chunks_before = sorted(store.chunk_ids())
    store.replace_quotes(record, [], quotes_by="")

    checked = run("check", "--data", str(data))
    assert checked.exit_code == 0, checked.output  # not damage: the index answers
    assert "1 article with quotes found by older rules" in checked.output
    assert "`byline check --repair` finds their quotes again" in checked.output
    assert make_assistant(data).quotes(speaker="Santos") == []

    repaired = run("check", "--repair", "--data", str(data), "--json")
    assert repaired.exit_code == 0, repaired.output
    report = json.loads(repaired.stdout)  # (the warning of older quotes at open is on stderr)
    assert report["quotes_found_again"] == ["fire-cause"] and report["older_quotes"] == []
    reopened = make_assistant(data)
    assert any("leaking dryer line" in quote.text for quote in reopened.quotes(speaker="Santos"))
    assert sorted(reopened.index.store.chunk_ids()) == chunks_before
    assert "older rules" not in run("check", "--data", str(data)).output


def test_each_bad_file_is_named_once_in_plain_words(tmp_path):
    """An outside try: every bad file was named twice (a log warning, then an error line), and a truncated JSON file
    was "invalid JSON: Unterminated string starting at at line 1". Run as a user runs it, its log included."""
    import os
    import subprocess
    import sys

    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "truncated.json").write_text('{"title": "Budget vote", "text": "The council vot')
    (bad / "empty.txt").write_text("")
    result = subprocess.run(
        [sys.executable, "-c", "from ui.cli import app; app()", "ingest", str(bad), "--data", str(tmp_path / "data")],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "400"},
        timeout=120,
    )
    said = result.stdout + result.stderr
    assert result.returncode == 1
    assert said.count("truncated.json") == 1 and said.count("empty.txt") == 1, said
    assert "invalid JSON: Unterminated string starting at line 1, column" in said


def test_article_text_and_file_names_are_printed_as_they_are(tmp_path):
    """An outside try with a newsroom's messy folder: a WordPress export's "[/caption]" ended `byline search` with a
    Rich MarkupError (exit 1, a traceback), "[bold]for once[/bold]" lost its tags from a cited quote, ":x:" became an
    emoji; and a file named with a newline printed a forged second "error:" line."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "wp.txt").write_text(
        "date 2024-03-05 Council approves [caption] budget\n\n"
        '[caption id="a"]The council chamber.[/caption] The council approved the budget on Tuesday. '
        '"The books balance [bold]for once[/bold]," treasurer Mona Kade said. The crowd chanted :x:.\n',
        encoding="utf-8",
    )
    (folder / "bad\nerror: fake.txt").write_bytes(b"\x00\x01binary")
    data = str(tmp_path / "data")
    ingested = run("ingest", str(folder), "--data", data)
    error_lines = [line for line in ingested.output.splitlines() if line.startswith("error:")]
    assert len(error_lines) == 1 and "bad\\nerror: fake.txt" in error_lines[0], ingested.output

    found = run("search", "council budget", "--data", data, "--as-of", "2024-03-10")
    assert found.exit_code == 0, found.output
    assert "[/caption]" in found.output and "Council approves [caption] budget" in found.output
    asked = run("quotes", "--data", data)
    assert "[bold]for once[/bold]" in asked.output and ":x:" not in asked.output.replace(":x:.", "")


def test_quotes_searched_for_words_no_quote_holds_are_none(tmp_path):
    """An outside try: `byline quotes --search xylophone` listed all 43 quotes, newest first, to an editor checking that
    an old quote was gone."""
    data = str(tmp_path / "data")
    run("ingest", str(SEEDS), "--data", data)
    assert "Aliyev" in run("quotes", "--search", "arms", "--data", data).output
    nothing = run("quotes", "--search", "xylophone", "--data", data)
    assert nothing.exit_code == 0 and "No quote matches." in nothing.output and "Aliyev" not in nothing.output


def test_an_article_dated_after_today_goes_in_with_a_warning(tmp_path):
    """An editor's messy folder: "date 2031-05-01 …" was taken without a word, and then never cited by a question
    asked as of today. It goes in, and the ingest says why it will not be cited yet."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "ahead.txt").write_text("date 2031-05-01 Bridge reopens\n\nThe Old Quay Bridge reopened.\n", encoding="utf-8")
    data = str(tmp_path / "data")
    ingested = run("ingest", str(folder), "--data", data)
    assert ingested.exit_code == 0 and "1 added" in ingested.output, ingested.output
    assert "warning:" in ingested.output and "dated 2031-05-01, after today" in ingested.output, ingested.output
    report = json.loads(run("ingest", str(folder), "--data", data, "--json").output)
    assert report["warnings"] == []  # unchanged: nothing written, nothing to say
