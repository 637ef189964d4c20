"""Readers turn every supported format into Articles, and name each bad file with its reason."""

from __future__ import annotations

import json
import re
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest

from ingest.readers import expand_sources, read_source
from ingest.settings import IngestSettings
from tests.conftest import SEED_FILE

MB = 10_000_000


def read(path):
    return read_source(str(path), max_bytes=MB)


def test_seed_format_gives_date_title_and_body():
    result = read(SEED_FILE)
    assert not result.errors
    (article,) = result.articles
    assert article.published == "2023-09-20"
    assert article.title.startswith("Aliyev's message to Blinken")
    assert article.text.startswith("Azerbaijan's President Ilham Aliyev")
    assert article.source == "seeds"


def test_json_lines_schema_and_variants(tmp_path):
    path = tmp_path / "batch.jsonl"
    lines = [
        {
            "id": "a1",
            "title": "First",
            "url": "https://example.org/a1",
            "source": "example.org",
            "published": "2023-01-05",
            "author": "Jo Reporter",
            "text": "Body one.",
        },
        {"headline": "Second", "body": "Body two.", "published_at": "2023-01-06T10:00:00Z", "link": "https://ex.org/2"},
        {"title": "Third", "content": "Body three.", "date": "Fri, 06 Jan 2023 08:00:00 GMT"},
    ]
    path.write_text("\n".join(json.dumps(line) for line in lines))
    result = read(path)
    assert not result.errors
    first, second, third = result.articles
    assert (first.id, first.author, first.published) == ("a1", "Jo Reporter", "2023-01-05")
    assert (second.title, second.text, second.published, second.source) == ("Second", "Body two.", "2023-01-06", "ex.org")
    assert (third.text, third.published) == ("Body three.", "2023-01-06")
    # ids are stable: reading again gives the same ids
    assert [a.id for a in read(path).articles] == [a.id for a in result.articles]


def test_json_array_and_markdown(tmp_path):
    (tmp_path / "list.json").write_text(json.dumps([{"title": "T", "text": "Words here."}]))
    (tmp_path / "note.md").write_text("# A headline\n\nSome markdown body.\n")
    (array_article,) = read(tmp_path / "list.json").articles
    (md_article,) = read(tmp_path / "note.md").articles
    assert array_article.title == "T"
    assert (md_article.title, md_article.text) == ("A headline", "Some markdown body.")


HTML = """<!doctype html><html><head><title>Council votes on the new bridge</title>
<meta property="og:site_name" content="Riverside Gazette">
<meta name="author" content="Dana Whitfield">
<meta property="article:published_time" content="2024-03-02T09:00:00Z"></head>
<body><nav>Home | Sports | Weather</nav><article><h1>Council votes on the new bridge</h1>
<p>The city council voted 7 to 2 on Tuesday to fund the new river bridge, ending a debate that lasted three years.</p>
<p>"This bridge connects two halves of our town," said Mayor Ellen Park after the vote.</p>
<p>Construction is expected to begin in the autumn and take eighteen months, according to the city engineer.</p>
</article><footer>Copyright Riverside Gazette</footer></body></html>"""

FEED = """<?xml version="1.0"?><rss version="2.0"><channel><title>Gazette Feed</title>
<item><title>Bridge vote</title><link>https://gazette.example/bridge</link>
<pubDate>Sat, 02 Mar 2024 09:00:00 GMT</pubDate><description>&lt;p&gt;The council voted to fund the bridge.&lt;/p&gt;</description></item>
<item><title>School budget</title><link>https://gazette.example/school</link>
<pubDate>Sun, 03 Mar 2024 09:00:00 GMT</pubDate><description>The school board approved its budget.</description></item>
</channel></rss>"""


def test_html_page_main_text_and_metadata(tmp_path):
    path = tmp_path / "bridge.html"
    path.write_text(HTML)
    (article,) = read(path).articles
    assert article.title == "Council votes on the new bridge"
    assert "voted 7 to 2" in article.text and "Home | Sports" not in article.text
    assert article.published == "2024-03-02"
    assert article.author == "Dana Whitfield"
    assert article.source == "Riverside Gazette"


def test_rss_feed_entries(tmp_path):
    path = tmp_path / "feed.xml"
    path.write_text(FEED)
    result = read(path)
    assert [a.title for a in result.articles] == ["Bridge vote", "School budget"]
    assert result.articles[0].url == "https://gazette.example/bridge"
    assert result.articles[0].published == "2024-03-02"
    assert result.articles[0].source == "Gazette Feed"
    assert "council voted" in result.articles[0].text


def test_http_url_is_fetched_and_read(tmp_path):
    (tmp_path / "bridge.html").write_text(HTML)
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_port}/bridge.html"
        local_allowed = IngestSettings(fetch_allowed_hosts=["127.0.0.1"])  # the test server is on loopback
        (article,) = read_source(url, max_bytes=MB, settings=local_allowed).articles
        assert article.url == url and "voted 7 to 2" in article.text
        missing = read_source(url.replace("bridge", "nothing"), max_bytes=MB, settings=local_allowed)
        assert not missing.articles and "HTTP 404" in missing.errors[0].reason
    finally:
        server.shutdown()


def test_bad_inputs_are_named_with_their_reason(tmp_path):
    (tmp_path / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01" + bytes(range(256)))
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "mixed.jsonl").write_text('{"title": "Good", "text": "Fine body."}\n{"title": "Broken", "text": \n')
    reasons = {}
    for name in ("photo.jpg", "empty.txt", "mixed.jsonl"):
        result = read(tmp_path / name)
        reasons[name] = [(e.where, e.reason) for e in result.errors]
        if name == "mixed.jsonl":
            assert [a.title for a in result.articles] == ["Good"]
    assert "binary" in reasons["photo.jpg"][0][1]
    assert reasons["empty.txt"][0][1] == "empty file"
    where, reason = reasons["mixed.jsonl"][0]
    assert where.endswith("mixed.jsonl:2") and "invalid JSON" in reason


def test_expand_sources_handles_folders_globs_and_missing(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "a.txt").write_text("Title\nBody")
    (tmp_path / "b.md").write_text("# B\nBody")
    files, errors = expand_sources([tmp_path, str(tmp_path / "*.md"), str(tmp_path / "nope.txt")])
    assert sorted(f.split("/")[-1] for f in files) == ["a.txt", "b.md", "b.md"]
    assert errors[0].reason == "no such file or folder"


@pytest.mark.parametrize("size_mb", [0.001])
def test_oversized_file_is_refused(tmp_path, size_mb):
    path = tmp_path / "big.txt"
    path.write_text("Title\n" + "word " * 1000)
    result = read_source(str(path), max_bytes=int(size_mb * 1e6))
    assert not result.articles and "over the" in result.errors[0].reason


FRENCH = "Réforme des retraites\nLe président a déclaré mercredi que la réforme serait adoptée « sans délai » !"


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_latin_1_text_is_not_read_as_utf_16(tmp_path, encoding):
    raw = FRENCH.encode(encoding)
    assert len(raw) % 2 == 0  # an even byte count is what UTF-16 would accept
    (tmp_path / "fr.txt").write_bytes(raw)
    (article,) = read(tmp_path / "fr.txt").articles
    assert (article.title, article.text) == tuple(FRENCH.split("\n"))


def test_a_short_latin_1_article_with_a_few_accents_is_read_as_western_text(tmp_path):
    """An outside try: a journalist's Latin-1 article with one accented name was ingested as "Renķe C¶tķ": the
    detector found Baltic DOS (cp775) a shade cleaner than cp1252 on so few accented letters."""
    text = (
        "date 2024-10-10 Library volunteers collect 4,000 signatures\n\nVolunteers for the Eastside library branch "
        'delivered a petition with 4,000 signatures to City Hall on Wednesday.\n\n"This library is the heart of the '
        'neighborhood," said Renée Côté, who organized the petition drive.\n\nCouncil President Ray Delgado accepted '
        "the petition on the council's behalf.\n"
    )
    (tmp_path / "petition.txt").write_bytes(text.encode("latin-1"))
    (article,) = read(tmp_path / "petition.txt").articles
    assert "said Renée Côté, who organized" in article.text


def test_legacy_cyrillic_keeps_its_own_encoding(tmp_path):
    text = "Новости дня\nМэр города объявил в среду, что новый мост откроют весной."
    (tmp_path / "ru.txt").write_bytes(text.encode("cp1251"))
    (article,) = read(tmp_path / "ru.txt").articles
    assert article.title == "Новости дня"


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-16-be", "utf-32"])
def test_unicode_with_a_byte_order_mark_is_read(tmp_path, encoding):
    raw = FRENCH.encode(encoding)
    if encoding == "utf-16-be":
        raw = b"\xfe\xff" + raw
    (tmp_path / "fr.txt").write_bytes(raw)
    result = read(tmp_path / "fr.txt")
    assert not result.errors
    assert result.articles[0].text == FRENCH.split("\n")[1]


def test_binary_and_pdf_are_refused_and_a_text_named_pdf_is_read(tmp_path):
    (tmp_path / "real.pdf").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
    (tmp_path / "notes.pdf").write_text("Harbour notes\nThe harbour reopened on Monday after the storm.")
    (tmp_path / "blob.txt").write_bytes(b"ABCD\x00\x01\x02\x03" * 4)
    assert read(tmp_path / "real.pdf").errors[0].reason == "PDF is not supported"
    assert read(tmp_path / "notes.pdf").articles[0].title == "Harbour notes"
    assert read(tmp_path / "blob.txt").errors[0].reason == "binary file, not text (found NUL bytes)"


def test_deeply_nested_json_is_that_file_s_error_and_the_rest_is_read(tmp_path):
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "deep.jsonl").write_text('{"title": "Kept", "text": "Body."}\n' + "[" * 100_000 + "\n")
    (tmp_path / "good.json").write_text(json.dumps({"title": "Good", "text": "Fine body."}))
    files, _ = expand_sources([tmp_path])
    results = {path.rsplit("/", 1)[1]: read_source(path, max_bytes=MB) for path in files}
    assert results["deep.json"].errors[0].reason == "JSON nested too deeply to read"
    assert [a.title for a in results["deep.jsonl"].articles] == ["Kept"]
    assert results["deep.jsonl"].errors[0].where.endswith("deep.jsonl:2")
    assert [a.title for a in results["good.json"].articles] == ["Good"]


def test_a_record_whose_text_is_not_a_string_is_that_record_s_error(tmp_path):
    records = [
        {"title": "Object", "text": {"body": "nested"}},
        {"title": "Objects", "text": [{"p": "one"}, {"p": "two"}]},
        {"title": "Number", "text": 42},
        {"title": "Paragraphs", "text": ["First paragraph.", "Second paragraph."]},
        {"title": "Deep author", "text": "Body.", "author": [[[[[["Jo"]]]]]], "source": {"name": {"name": {}}}},
    ]
    path = tmp_path / "shapes.jsonl"
    path.write_text("\n".join(json.dumps(record) for record in records))
    result = read(path)
    assert [a.title for a in result.articles] == ["Paragraphs", "Deep author"]
    assert result.articles[0].text == "First paragraph.\n\nSecond paragraph."
    reasons = {error.where.rsplit(":", 1)[1]: error.reason for error in result.errors}
    assert reasons == {
        "1": "the article text is a dict; expected a string or a list of strings",
        "2": "the article text is a list of dict; expected a string or a list of strings",
        "3": "the article text is a int; expected a string or a list of strings",
    }


def test_an_oversized_article_is_refused_by_name(tmp_path):
    limit = IngestSettings(max_article_chars=1_000)
    (tmp_path / "batch.jsonl").write_text(
        json.dumps({"title": "Short", "text": "Fine."}) + "\n" + json.dumps({"title": "Long", "text": "word " * 300})
    )
    (tmp_path / "long.txt").write_text("Long\n" + "word " * 300)
    batch = read_source(str(tmp_path / "batch.jsonl"), max_bytes=MB, settings=limit)
    assert [a.title for a in batch.articles] == ["Short"]
    (error,) = batch.errors
    assert error.where.endswith("batch.jsonl:2")
    assert error.reason == "article text is 1,499 characters, over the 1,000 limit (BYLINE_MAX_ARTICLE_CHARS)"
    long = read_source(str(tmp_path / "long.txt"), max_bytes=MB, settings=limit)
    assert not long.articles and "over the 1,000 limit" in long.errors[0].reason
    feed = FEED.replace("The school board approved its budget.", "word " * 300)
    (tmp_path / "feed.xml").write_text(feed)
    feed_result = read_source(str(tmp_path / "feed.xml"), max_bytes=MB, settings=limit)
    assert [a.title for a in feed_result.articles] == ["Bridge vote"]
    assert feed_result.errors[0].where.endswith("feed.xml entry 2")


def test_seed_line_with_an_impossible_date_is_that_file_s_error(tmp_path):
    (tmp_path / "seed.txt").write_text("date 2023-02-30 Budget day\nThe council met.")
    (error,) = read(tmp_path / "seed.txt").errors
    assert error.reason == "bad date '2023-02-30' in the first line: day is out of range for month"


def test_lone_surrogates_escaped_in_json_become_replacement_characters(tmp_path):
    (tmp_path / "s.json").write_text('{"title": "Odd \\udc00 title", "text": "Body \\ud800 here, \\ud83d\\ude00 kept."}')
    (article,) = read(tmp_path / "s.json").articles
    assert (article.title, article.text) == ("Odd \ufffd title", "Body \ufffd here, \U0001f600 kept.")
    assert article.content_hash  # hashing (and storing) needs valid UTF-8


def test_feed_character_references_to_no_character_are_replaced(tmp_path):
    impossible = "&#xD800; &#55296; &#x110000; &#" + "9" * 5000 + ";"
    (tmp_path / "feed.xml").write_text(FEED.replace("The school board approved", f"The school {impossible} board approved"))
    result = read(tmp_path / "feed.xml")
    assert not result.errors
    assert result.articles[1].text.startswith("The school \ufffd \ufffd \ufffd \ufffd board approved")


def test_sources_name_the_publication_and_the_folder_only_as_a_last_resort(tmp_path):
    folder = tmp_path / "uploads"
    folder.mkdir()
    (folder / "named.txt").write_text("date 2024-03-04 Ferry crews walk out\nsource: Harbor Gazette\n\nCrews went on strike.\n")
    (folder / "plain.txt").write_text("date 2024-03-04 Ferry crews walk out\n\nCrews went on strike.\n")
    (folder / "batch.jsonl").write_text(
        "\n".join(
            json.dumps(record)
            for record in [
                {"title": "A", "text": "Body a.", "url": "https://www.coasttimes.example/a"},
                {"title": "B", "text": "Body b.", "publisher": {"name": "Tide Weekly"}, "url": "https://tw.example/b"},
                {"title": "C", "text": "Body c."},
            ]
        )
    )
    publisher_only = HTML.replace('<meta property="og:site_name" content="Riverside Gazette">', "").replace(
        "</head>",
        '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
        '"publisher": {"@type": "Organization", "name": "Coast Times"}}</script></head>',
    )
    (folder / "ld.html").write_text(publisher_only)
    (folder / "aggregated.xml").write_text(
        FEED.replace("<title>Gazette Feed</title>", "").replace(
            "<title>Bridge vote</title>",
            '<title>Bridge vote</title><source url="https://rg.example/rss">Riverside Gazette</source>',
        )
    )
    sources = {
        name: [a.source for a in read(folder / name).articles]
        for name in ("named.txt", "plain.txt", "batch.jsonl", "ld.html", "aggregated.xml")
    }
    assert sources == {
        "named.txt": ["Harbor Gazette"],
        "plain.txt": ["uploads"],  # the file names no outlet: the folder is all there is
        "batch.jsonl": ["coasttimes.example", "Tide Weekly", "uploads"],
        "ld.html": ["Coast Times"],
        # an aggregator's entry names its outlet; an entry that doesn't, from a feed with no title: its link's domain
        "aggregated.xml": ["Riverside Gazette", "gazette.example"],
    }
    (named,) = read(folder / "named.txt").articles
    assert named.text == "Crews went on strike."  # the source line is not body text


def test_ids_do_not_depend_on_the_source(tmp_path):
    (tmp_path / "a.txt").write_text("date 2024-03-04 Ferry crews walk out\n\nCrews went on strike.\n")
    before = read(tmp_path / "a.txt").articles[0]
    (tmp_path / "a.txt").write_text("date 2024-03-04 Ferry crews walk out\nsource: Harbor Gazette\n\nCrews went on strike.\n")
    after = read(tmp_path / "a.txt").articles[0]
    assert (before.source, after.source) == (tmp_path.name, "Harbor Gazette")
    assert before.id == after.id
    for record in [{"title": "A", "text": "Body.", "url": "https://x.example/a"}, {"id": "a-1", "title": "A", "text": "Body."}]:
        (tmp_path / "one.json").write_text(json.dumps(record))
        plain = read(tmp_path / "one.json").articles[0]
        (tmp_path / "one.json").write_text(json.dumps(record | {"source": "Harbor Gazette"}))
        sourced = read(tmp_path / "one.json").articles[0]
        assert sourced.source == "Harbor Gazette" and sourced.id == plain.id
    # a record with neither id nor url is known by what it says, its source and date included (`content_id`)
    (tmp_path / "one.json").write_text(json.dumps({"title": "A", "text": "Body."}))
    plain = read(tmp_path / "one.json").articles[0]
    (tmp_path / "one.json").write_text(json.dumps({"title": "A", "text": "Body.", "source": "Harbor Gazette"}))
    assert read(tmp_path / "one.json").articles[0].id != plain.id


def test_feed_guids_that_cannot_be_ids_become_stable_hashes(tmp_path):
    """A feed's guid was taken as the article's id as written: 5,000 characters, or with a newline in it, though
    the HTTP API takes no such id. Such a guid gives a short hash of itself (the same at every read, so a re-read
    entry still replaces its article); a usable guid is kept, and every entry goes in."""
    guids = ["gazette-42", "x" * 5000, "tag:gazette.example,2024:\n  line two", "tag:gazette.example,2024:\ttab"]
    items = "".join(
        f"<item><title>Story {number}</title><guid isPermaLink='false'>{guid}</guid>"
        f"<description>The council voted on item {number}.</description></item>"
        for number, guid in enumerate(guids)
    )
    path = tmp_path / "feed.xml"
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel><title>Gazette</title>{items}</channel></rss>'
    )
    result = read(path)
    assert not result.errors
    ids = [article.id for article in result.articles]
    assert [article.title for article in result.articles] == [f"Story {number}" for number in range(len(guids))]
    assert ids[0] == "gazette-42"
    assert len(set(ids)) == len(guids)
    for article_id in ids:
        assert len(article_id) <= 200 and not re.search(r"[\x00-\x1f\x7f-\x9f]", article_id), article_id
    assert [article.id for article in read(path).articles] == ids


def test_records_without_id_or_url_are_known_by_what_they_say(tmp_path):
    """A JSON Lines line, a JSON array item or a feed entry with no id and no url was given an id made of its
    place ("file#1"): a line inserted on top gave every line below the id of the one above it (each "updated"),
    and a feed re-read with a new entry on top replaced the entry below with it. The id is now a hash of the
    title, text, source and date: the same article anywhere is one id, another article never takes it."""
    lines = [{"title": "Ferry strike", "text": "The ferry crews walked out."}, {"title": "Zoo", "text": "The zoo reopened."}]
    path = tmp_path / "a.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines))
    before = {article.title: article.id for article in read(path).articles}
    path.write_text("\n".join(json.dumps(line) for line in [{"title": "New", "text": "A new story on top."}, *lines]))
    after = {article.title: article.id for article in read(path).articles}
    assert {title: after[title] for title in before} == before and len(set(after.values())) == 3
    # the same records in a JSON array, or in another file, have the same ids
    (tmp_path / "b.json").write_text(json.dumps(list(reversed(lines))))
    assert {article.title: article.id for article in read(tmp_path / "b.json").articles} == before
    # a blank id is none; another date or source is another article
    blank = {"id": "  ", "title": "Ferry strike", "text": "The ferry crews walked out."}
    dated = blank | {"date": "2024-03-04"}
    path.write_text("\n".join(json.dumps(line) for line in [blank, dated, dated | {"source": "Gazette"}]))
    ids = [article.id for article in read(path).articles]
    assert ids[0] == before["Ferry strike"] and len(set(ids)) == 3

    def feed(*titles: str) -> list[str]:
        items = "".join(f"<item><title>{t}</title><description>The council voted on {t}.</description></item>" for t in titles)
        (tmp_path / "feed.xml").write_text(
            f'<?xml version="1.0"?><rss version="2.0"><channel><title>G</title>{items}</channel></rss>'
        )
        return [article.id for article in read(tmp_path / "feed.xml").articles]

    first = feed("roads", "parks")
    assert feed("schools", "roads", "parks")[1:] == first and len(set(feed("schools", "roads", "parks"))) == 3


def test_record_ids_that_cannot_be_ids_become_distinct_hashes(tmp_path):
    """A file's record id with a lone surrogate was stored as U+FFFD, so "\\ud800" and "\\udc01" were one id and
    the second record replaced the first; a bidi override or a newline made an id that reads as another. Such an
    id is a hash of itself as given: distinct, the same at every read, and one the HTTP API takes."""
    given = ["\ud800", "\udc01", "news-\u202e1", "news-\u20281", "line\nbreak", "ok-1"]
    path = tmp_path / "odd.jsonl"
    path.write_text(
        "\n".join(json.dumps({"id": i, "title": f"T{n}", "text": f"Story {n}."}) for n, i in enumerate(given)),
        encoding="utf-8",
    )
    ids = [article.id for article in read(path).articles]
    assert len(set(ids)) == len(given) and ids[-1] == "ok-1"
    for article_id in ids[:-1]:
        assert re.fullmatch(r"[0-9a-f]{16}", article_id), article_id
    assert [article.id for article in read(path).articles] == ids


def test_the_cli_keeps_every_id_less_line_of_an_edited_file(make_assistant, tmp_path):
    """`byline ingest` of a JSON Lines file whose lines have no id: a line added on top "updated" every line below
    it (each took the id of the one above); now only the new line is added and the others are unchanged."""
    bot = make_assistant()
    lines = [{"title": "Ferry strike", "text": "The ferry crews walked out on Monday."}]
    lines.append({"title": "Zoo", "text": "The zoo reopened on Friday after repairs."})
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in lines))
    assert bot.add([path]).added == 2
    path.write_text("\n".join(json.dumps(line) for line in [{"title": "Bridge", "text": "The bridge reopened in May."}, *lines]))
    report = bot.add([path])
    assert (report.added, report.updated, report.unchanged) == (1, 0, 2), report
    assert sorted(a.title for a in bot.articles()) == ["Bridge", "Ferry strike", "Zoo"]


def test_a_byline_under_the_headline_dates_a_text_file(tmp_path):
    """An outside try: a journalist's Markdown article dated only in its byline ("*Millbrook Ledger — 2024-10-01*") was
    ingested undated, and answered a question asked as of 2024-09-05, before it was written."""
    (tmp_path / "forum.md").write_text(
        "# School board hopefuls spar over class sizes at first forum\n\n*Millbrook Ledger — 2024-10-01*\n\nThe four "
        "candidates for two open seats on the Millbrook School Board met Monday night for their first public forum.\n"
    )
    (tmp_path / "results.txt").write_text(
        "Rahman and Becker win school board seats\nBy Sam Reyes · Nov. 6, 2024\n\nAisha Rahman and incumbent Tom Becker "
        "won the two open seats.\n"
    )
    # a date further down, in the prose, dates nothing
    (tmp_path / "notes.txt").write_text("Council notes\nThe council met on 2024-10-01 to discuss the budget.\n")
    assert read(tmp_path / "forum.md").articles[0].published == "2024-10-01"
    assert read(tmp_path / "results.txt").articles[0].published == "2024-11-06"
    assert read(tmp_path / "notes.txt").articles[0].published == ""


def test_a_byline_names_the_outlet_or_the_author_and_leaves_the_text(tmp_path):
    """An outside try: "*Harlow Gazette — 2025-10-23*" under the headline gave the folder's name ("corpus") as the
    outlet, so one paper was three names in the source filter, and the line was cited as the first sentence's start."""
    (tmp_path / "withdrawn.txt").write_text(
        "Dunmore withdraws proposal to close Cedar Run plant\n*Harlow Gazette — 2025-10-23*\n\nHARLOW — County "
        "Commissioner Ray Dunmore on Wednesday withdrew his proposal to close the Cedar Run treatment plant.\n"
    )
    (tmp_path / "results.txt").write_text(
        "Rahman and Becker win school board seats\nBy Sam Reyes · Nov. 6, 2024\n\nAisha Rahman and incumbent Tom Becker "
        "won the two open seats.\n"
    )
    withdrawn = read(tmp_path / "withdrawn.txt").articles[0]
    assert (withdrawn.source, withdrawn.published) == ("Harlow Gazette", "2025-10-23")
    assert withdrawn.text.startswith("HARLOW — County Commissioner")
    results = read(tmp_path / "results.txt").articles[0]
    assert (results.author, results.source) == ("Sam Reyes", tmp_path.name)  # a person is no outlet
    assert results.text.startswith("Aisha Rahman")


def test_a_folder_s_links_outside_it_and_its_pipes_are_named_not_read(tmp_path):
    """A newsroom editor's messy folder (an outside try): a link to /etc/passwd was indexed, its lines searchable and
    shown by `byline serve` to every local user; a link to nothing, a link to itself and a pipe were skipped without a
    word, and a pipe named on its own was "no such file or folder"."""
    import os

    folder = tmp_path / "news"
    folder.mkdir()
    (folder / "real.txt").write_text("date 2024-03-01 Real\n\nA real article.\n", encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0\n", encoding="utf-8")
    (folder / "outside.txt").symlink_to(secret)
    (folder / "inside.txt").symlink_to(folder / "real.txt")  # a link within the folder is read
    (folder / "dangling.txt").symlink_to(tmp_path / "missing.txt")
    (folder / "loop.txt").symlink_to(folder / "loop.txt")
    os.mkfifo(folder / "pipe.txt")
    files, errors = expand_sources([folder])
    assert [os.path.basename(f) for f in files] == ["inside.txt", "real.txt"]
    reasons = {os.path.basename(e.where): e.reason for e in errors}
    assert reasons == {
        "outside.txt": "a link to a file outside this folder: not read",
        "dangling.txt": "a link to nothing, or to itself: not read",
        "loop.txt": "a link to nothing, or to itself: not read",
        "pipe.txt": "not a regular file (a pipe, socket or device): not read",
    }
    _, alone = expand_sources([folder / "pipe.txt"])
    assert [e.reason for e in alone] == ["not a regular file (a pipe, socket or device): not read"]


def test_a_record_whose_url_is_no_web_address_is_refused_by_name(tmp_path):
    """An analyst's try: an article posted with `"url": "javascript:alert(1)"` was stored and listed back as sent; the
    web chat drops such links, other clients of the API would not. A url must be http(s); the rest of the file goes on."""
    path = tmp_path / "links.jsonl"
    records = [
        {"title": "Scripted", "text": "A body.", "url": "javascript:alert(1)"},
        {"title": "Data", "text": "A body.", "url": "data:text/html,<b>x</b>"},
        {"title": "Fine", "text": "A body.", "url": "HTTPS://example.org/fine"},
        {"title": "No link", "text": "A body."},
    ]
    path.write_text("\n".join(json.dumps(r) for r in records))
    result = read(path)
    assert [a.title for a in result.articles] == ["Fine", "No link"]
    reasons = sorted((error.where.rsplit(":", 1)[-1], error.reason) for error in result.errors)
    assert reasons == [
        ("1", "url is not a web address (http or https): 'javascript:alert(1)'"),
        ("2", "url is not a web address (http or https): 'data:text/html,<b>x</b>'"),
    ]
