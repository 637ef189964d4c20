"""Property: whatever a file holds and whatever it is called, reading it gives articles and ReadErrors, never an exception.

The number of examples comes from BYLINE_FUZZ_EXAMPLES (300 by default, so the suite stays quick);
a stress run sets it to 10,000.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from ingest.article import Article
from ingest.readers import FIELD_ALIASES, ReadError, ReadResult, read_source

EXAMPLES = int(os.environ.get("BYLINE_FUZZ_EXAMPLES", "300"))
MAX_BYTES = 2_000_000
SUFFIXES = [".txt", ".md", ".json", ".jsonl", ".ndjson", ".html", ".xml", ".rss", ".pdf", ".csv", ""]
ENCODINGS = ["utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be", "utf-32", "latin-1", "cp1252", "cp1251", "shift_jis"]

any_text = st.text(max_size=300)
# JSON can carry what no file encoding can: lone surrogates, as \ud800 escapes.
json_text = st.text(st.characters(exclude_categories=()), max_size=300)
json_scalars = st.none() | st.booleans() | st.integers() | st.floats() | json_text
json_values = st.recursive(
    json_scalars, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(json_text, inner, max_size=4)
)
# The text field as string, number, list (of strings or anything), object or null.
text_values = (
    json_text
    | st.integers()
    | st.floats()
    | st.lists(json_text, max_size=5)
    | st.lists(json_values, max_size=3)
    | st.dictionaries(json_text, json_values, max_size=3)
    | st.none()
)
# Markup text with character references to anything (surrogates, past U+10FFFF, thousands of digits) and entities.
character_references = st.integers(0, 2**80).flatmap(lambda code: st.sampled_from([f"&#{code};", f"&#x{code:x};", f"&#{code}"]))
markup_text = st.lists(
    any_text | character_references | st.sampled_from(["&amp;", "&nbsp;", "&bogus;", "&", "<", "]]>", "<![CDATA[x"]), max_size=6
).map("".join)
every_alias = sorted({alias for aliases in FIELD_ALIASES.values() for alias in aliases})
records = st.fixed_dictionaries(
    {}, optional={**{alias: json_values for alias in every_alias}, "text": text_values, "body": text_values}
)


@st.composite
def json_documents(draw: st.DrawFn) -> str:
    shape = draw(st.sampled_from(["record", "array", "articles", "lines", "value", "nested"]))
    if shape == "record":
        return json.dumps(draw(records), ensure_ascii=draw(st.booleans()))
    if shape == "array":
        return json.dumps(draw(st.lists(records | json_values, max_size=6)))
    if shape == "articles":
        return json.dumps({"articles": draw(st.lists(records, max_size=6))})
    if shape == "lines":
        lines = draw(st.lists(records.map(json.dumps) | json_text, max_size=8))
        return "\n".join(lines)
    if shape == "value":
        return json.dumps(draw(json_values))
    depth = draw(st.integers(1, 5000))  # around and past the recursion limit
    opener, closer = draw(st.sampled_from([("[", "]"), ('{"text": ', "}"), ('[{"a": ', "}]")]))
    inner = json.dumps(draw(records))
    return opener * depth + inner + closer * draw(st.integers(0, depth))


@st.composite
def markup_documents(draw: st.DrawFn) -> str:
    words = draw(markup_text)
    kind = draw(st.sampled_from(["html", "rss", "atom", "entities", "nested"]))
    if kind == "html":
        title = draw(markup_text)
        return f"<!doctype html><html><head><title>{title}</title></head><body><article><p>{words}</p></article></body></html>"
    if kind == "rss":
        items = "".join(
            f"<item><title>{draw(markup_text)}</title><link>{draw(markup_text)}</link><pubDate>{draw(markup_text)}</pubDate>"
            f"<description>{draw(markup_text)}</description></item>"
            for _ in range(draw(st.integers(0, 3)))
        )
        return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{words}</title>{items}</channel></rss>'
    if kind == "atom":
        return (
            '<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>'
            f"<entry><title>{words}</title><content type='html'>{draw(markup_text)}</content>"
            f"<updated>{draw(markup_text)}</updated></entry></feed>"
        )
    if kind == "entities":  # entity expansion (billion laughs) and an external entity
        laughs = '<!ENTITY l0 "lol">' + "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10}">' for i in range(1, 10))
        root = draw(st.sampled_from(["rss", "html"]))
        return (
            f'<?xml version="1.0"?><!DOCTYPE {root} [{laughs}<!ENTITY x SYSTEM "file:///etc/passwd">]>'
            f"<{root}><channel><title>{words}</title><item><title>&l9;</title><description>&x; &l9;</description>"
            f"</item></channel><body><p>&l9; {words}</p></body></{root}>"
        )
    depth = draw(st.integers(1, 3000))
    tag = draw(st.sampled_from(["div", "p", "item", "b"]))
    return f"<html><body>{f'<{tag}>' * depth}{words}{f'</{tag}>' * draw(st.integers(0, depth))}</body></html>"


@st.composite
def texts(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["plain", "seed", "json", "markup"]))
    if kind == "plain":
        return draw(any_text)
    if kind == "seed":
        return f"date {draw(st.sampled_from(['2023-09-20', '2023-02-30', '0000-00-00', '9999-12-31']))} {draw(any_text)}\n{draw(any_text)}"
    if kind == "json":
        return draw(json_documents())
    return draw(markup_documents())


@st.composite
def file_contents(draw: st.DrawFn) -> bytes:
    kind = draw(st.sampled_from(["bytes", "text", "text", "text", "prefixed"]))
    if kind == "bytes":
        return draw(st.binary(max_size=2048))
    encoded = draw(texts()).encode(draw(st.sampled_from(ENCODINGS)), errors="replace")
    encoded *= draw(st.sampled_from([1, 1, 1, 2, 50]))  # now and then a bigger file
    if kind == "prefixed":  # a format's magic bytes in front of anything
        encoded = (
            draw(st.sampled_from([b"%PDF-", b"\xff\xfe", b"\xfe\xff", b"\xef\xbb\xbf", b"\xff\xfe\x00\x00", b"\x00"])) + encoded
        )
    return encoded


@pytest.fixture(scope="module")
def fuzz_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@settings(
    max_examples=EXAMPLES,
    deadline=None,  # HTML extraction time varies; a hang would still show as a slow run
    database=None,  # nothing written into the working tree
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.function_scoped_fixture],
)
@given(content=file_contents(), suffix=st.sampled_from(SUFFIXES))
def test_any_file_reads_to_articles_and_read_errors(fuzz_dir: Path, content: bytes, suffix: str) -> None:
    path = fuzz_dir / f"article{suffix}"
    path.write_bytes(content)
    result = read_source(str(path), max_bytes=MAX_BYTES)
    assert isinstance(result, ReadResult)
    event("gave articles" if result.articles else "gave only read errors")  # shown by --hypothesis-show-statistics
    for error in result.errors:
        assert isinstance(error, ReadError) and error.where and error.reason
    for article in result.articles:
        assert isinstance(article, Article) and article.text.strip()
        # what the pipeline does next with it must work too: hash it, store it as UTF-8
        assert article.content_hash and article.id
        for value in (article.title, article.text, article.source, article.url, article.author, article.origin):
            value.encode("utf-8")
