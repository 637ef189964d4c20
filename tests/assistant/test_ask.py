"""Answers name the right thing, cite exact spans, respect filters, and decline when they must."""

from __future__ import annotations

import json

import pytest

SEED_QUESTION = "Who said that anti-terrorist measures will be stopped if Karabakh forces lay down their arms?"


def test_seed_who_said_names_aliyev_with_an_exact_span(seeded_assistant):
    answer = seeded_assistant.ask(SEED_QUESTION)
    assert answer.answered
    assert "Aliyev" in answer.text
    assert "[1]" in answer.text
    citation = answer.citations[0]
    assert citation.title.startswith("Aliyev's message to Blinken")
    assert citation.published == "2023-09-20"
    text = seeded_assistant.article_text(citation.article_id)
    assert text[citation.span[0] : citation.span[1]] == citation.quote
    assert "lay down their arms" in citation.quote
    assert text[citation.passage_span[0] : citation.passage_span[1]] == citation.passage
    # answered from the quote index: no passage search was needed
    assert set(answer.timings_ms) >= {"quotes", "answer", "total"} and "retrieve" not in answer.timings_ms
    assert answer.config["embedder"].startswith("MiniLMEmbedding")


def test_unrelated_question_is_declined(seeded_assistant):
    answer = seeded_assistant.ask("Which team won the 2023 Super Bowl?")
    assert not answer.answered
    assert set(answer.timings_ms) >= {"quotes", "embed", "retrieve", "answer", "total"}
    assert answer.citations == []
    assert "don't say" in answer.text


@pytest.fixture(scope="module")
def two_outlets(embedding, tmp_path_factory):
    from assistant import Assistant
    from ingest.pipeline import Index
    from ingest.settings import IngestSettings

    folder = tmp_path_factory.mktemp("outlets")
    articles = [
        {
            "id": "g1",
            "title": "Council funds bridge",
            "source": "Gazette",
            "published": "2024-03-02",
            "text": "The city council voted to fund the river bridge. Mayor Ellen Park said the bridge would open in 2026.",
        },
        {
            "id": "h1",
            "title": "Council delays bridge",
            "source": "Herald",
            "published": "2024-05-10",
            "text": "The city council delayed the river bridge again. Treasurer Omar Diaz said costs had doubled.",
        },
    ]
    (folder / "a.jsonl").write_text("\n".join(json.dumps(a) for a in articles))
    bot = Assistant(Index.open(IngestSettings(data_dir=folder / "data"), embedding=embedding))
    assert bot.add([folder / "a.jsonl"]).added == 2
    return bot


def test_source_and_date_filters(two_outlets):
    question = "What did the city council decide about the river bridge?"
    both = {c.article_id for c in two_outlets.ask(question).citations} | {p.article_id for p in two_outlets.search(question, k=5)}
    assert both == {"g1", "h1"}
    assert {p.article_id for p in two_outlets.search(question, sources=["herald"])} == {"h1"}
    assert {p.article_id for p in two_outlets.search(question, since="2024-04-01")} == {"h1"}
    assert {p.article_id for p in two_outlets.search(question, until="2024-04-01")} == {"g1"}
    only_gazette = two_outlets.ask(question, sources=["Gazette"])
    assert only_gazette.answered and {c.article_id for c in only_gazette.citations} == {"g1"}
    assert only_gazette.filters == {"sources": ["Gazette"]}
    assert two_outlets.search(question, since="2025-01-01") == []


def test_bad_filter_date_is_a_clear_error(two_outlets):
    with pytest.raises(ValueError, match="not a date"):
        two_outlets.ask("bridge?", since="last tuesday-ish")


def test_stream_yields_text_then_the_cited_answer(seeded_assistant):
    events = list(seeded_assistant.stream(SEED_QUESTION))
    assert [e.type for e in events[:-1]] == ["token"] * (len(events) - 1)
    final = events[-1].answer
    assert "".join(e.text for e in events[:-1]).strip() == final.text
    assert final.citations


def test_filtered_dense_search_agrees_with_chromas_own_filter(two_outlets):
    """The fast path (plain search, then the filter) returns what Chroma's filtered search does."""
    from assistant.search.types import Filters

    retriever = two_outlets.retriever
    vector = two_outlets.index.embed(["river bridge costs"])[0]
    for filters in (Filters(sources=["herald"]), Filters(since="2024-04-01"), Filters(until="2024-04-01")):
        fast = [c.id for c, _ in retriever.dense_search(vector, 1, filters)]
        exact = [
            chunk_id
            for chunk_id, _ in retriever.local.rows.nearest(
                vector, 1, retriever.local.rows.mask(filters.sources, *filters.bounds)
            )
        ]  # the narrow-filter path
        by_chroma = [
            c.id for c, _ in two_outlets.index.store.query_chunks(vector, 1, filters.chroma_where(retriever.source_names()))
        ]
        assert fast == exact == by_chroma and len(fast) == 1


def test_accents_do_not_decide_what_matches(make_assistant):
    """ "When did Pele die?" once cited a caption about Mbappé: 'Pele' and 'Pelé' were different words."""
    from ingest.article import Article

    bot = make_assistant()
    bot.add_articles(
        [
            Article(
                id="pele",
                title="Brazil mourns its king",
                text="Pelé died on Thursday in São Paulo at the age of 82, his daughter said.",
                source="Wire",
                published="2022-12-30",
            ),
            Article(
                id="mbappe",
                title="World Cup final",
                text="Kylian Mbappé scored a hat-trick in the final, but France lost on penalties.",
                source="Wire",
                published="2022-12-19",
            ),
        ]
    )
    for question in ("When did Pele die?", "When did Pelé die?", "when did PELE die in Sao Paulo?"):
        answer = bot.ask(question, as_of="2023-01-05")
        assert [c.article_id for c in answer.citations] == ["pele"], question
    assert bot.quotes(speaker="Pele") == bot.quotes(speaker="Pelé")


def test_one_long_article_does_not_fill_a_search_list(make_assistant):
    """A live blog's many passages on the strike once took every place of a short search list, and the
    one other article on it (the one a reader wanted) was ranked out of sight."""
    from ingest.article import Article

    updates = [
        f"Update {n}: the harbor ferry strike went on, crews said the pay talks on the ferry strike stalled again "
        f"and commuters crowded the harbor docks waiting for ferries that never came during the strike. " * 3
        for n in range(1, 9)
    ]
    bot = make_assistant()
    bot.add_articles(
        [
            Article(id="blog", title="Harbor ferry strike: live updates", text="\n\n".join(updates), source="Gazette"),
            Article(
                id="deal",
                title="Ferry strike ends with a pay deal",
                text="The harbor ferry strike ended on Friday when crews accepted a pay deal, the union said.",
                source="Wire",
            ),
        ]
    )
    assert len({p.text for p in bot.search("harbor ferry strike pay talks", k=20) if p.article_id == "blog"}) >= 4
    found = [p.article_id for p in bot.search("harbor ferry strike pay talks", k=3)]
    assert found[0] == "blog" and "deal" in found, found


def test_an_upload_cannot_overwrite_an_article_read_from_disk(make_assistant, tmp_path):
    """A JSON Lines upload carrying the id of an article the operator ingested from disk replaced it
    (any page that reaches the chat could do it); it is refused, and an upload still updates its own."""
    import json

    from tests.conftest import SEEDS

    bot = make_assistant()
    bot.add([SEEDS])
    seed = bot.articles()[0]
    seed_text = bot.article_text(seed.id)
    uploads = tmp_path / "uploads"
    uploads.mkdir()

    def upload(name: str, records: list[dict]):
        path = uploads / name
        path.write_text("\n".join(json.dumps(r) for r in records), encoding="utf-8")
        return bot.add_uploads([path], uploads)

    hijack = {"id": seed.id, "title": "Hijacked", "text": "Nothing of the original is left.", "source": "x"}
    mine = {"id": "mine-1", "title": "Ferry fares rise", "text": "The ferry fare rose to $5 on Monday.", "source": "Gazette"}
    report = upload("batch.jsonl", [hijack, mine])
    assert [e.status for e in report.errors] == [409] and seed.id in report.errors[0].reason, report.errors
    assert report.added == 1 and bot.article_text(seed.id) == seed_text
    report = upload("again.jsonl", [{**mine, "text": "The ferry fare rose to $6 on Tuesday."}])
    assert report.updated == 1 and "$6" in bot.article_text("mine-1")


@pytest.mark.parametrize("message", ["hi", "Hello!", "thank you", "ok"])
def test_a_greeting_is_not_answered_from_the_articles(seeded_assistant, message):
    """ "hi" was answered with a dateline that holds "HI" (Hawaii): a greeting asks nothing of the articles."""
    answer = seeded_assistant.ask(message)
    assert not answer.answered and not answer.citations
    assert answer.text.startswith("Ask me about the articles"), answer.text
