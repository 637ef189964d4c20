"""Who-said questions are answered from the quote index: the speaker, the quote, its exact span."""

from __future__ import annotations

import pytest

from assistant.answering.who_said import parse


@pytest.mark.parametrize(
    ("question", "form", "fragment", "name", "topic"),
    [
        ("Who said that anti-terrorist measures will be stopped?", "who", "anti-terrorist measures will be stopped", "", ""),
        (
            "Who said “The questions asked in this debate illustrate why”?",
            "who",
            "The questions asked in this debate illustrate why",
            "",
            "",
        ),
        ("who warned: 'the storm is coming'", "who", "the storm is coming", "", ""),
        ("What did Aliyev say?", "what", "", "Aliyev", ""),
        ("What did Blinken say about the operation?", "what", "", "Blinken", "the operation"),
        ("What has the ministry said on casualties?", "what", "", "the ministry", "casualties"),
        ("Did Aliyev say that civilians are not targets?", "did", "civilians are not targets", "Aliyev", ""),
    ],
)
def test_question_forms(question, form, fragment, name, topic):
    asked = parse(question)
    assert asked is not None
    assert (asked.form, asked.fragment, asked.name, asked.topic) == (form, fragment, name, topic)


@pytest.mark.parametrize("question", ["When did the operation start?", "Which positions were taken?", "What is Karabakh?"])
def test_other_questions_take_the_normal_path(question):
    assert parse(question) is None


def check_span(bot, citation):
    text = bot.article_text(citation.article_id)
    assert text[citation.span[0] : citation.span[1]] == citation.quote


def test_seed_quote_gives_the_speaker_and_the_quote_as_citation(seeded_assistant):
    answer = seeded_assistant.ask("Who said that anti-terrorist measures will be stopped if Karabakh forces lay down their arms?")
    assert answer.mode == "who_said"
    assert answer.text.startswith("Ilham Aliyev")
    citation = answer.citations[0]
    assert citation.speaker == "Ilham Aliyev"
    assert citation.quote == "anti-terrorist measures will be stopped if (Karabakh forces) lay down their arms"
    check_span(seeded_assistant, citation)


def test_what_did_x_say_lists_his_quotes(seeded_assistant):
    answer = seeded_assistant.ask("What did Aliyev say about military targets?")
    assert answer.mode == "who_said" and answer.answered
    assert "legitimate military targets" in answer.citations[0].quote
    for citation in answer.citations:
        assert "Aliyev" in citation.speaker
        check_span(seeded_assistant, citation)


def test_did_x_say_corrects_the_speaker(seeded_assistant):
    answer = seeded_assistant.ask("Did Blinken say that forces were destroying positions?")
    assert answer.answered and "Baku" in answer.text and "not Blinken" in answer.text


def test_quotes_and_speakers_api(seeded_assistant):
    speakers = dict(seeded_assistant.speakers())
    assert speakers.get("Ilham Aliyev", 0) >= 3
    found = seeded_assistant.quotes(speaker="Aliyev", search="arms")
    assert found and all("Aliyev" in q.speaker_name for q in found)
    assert any("lay down their arms" in q.text for q in found)


def test_unknown_speaker_falls_back_to_the_normal_path(seeded_assistant):
    answer = seeded_assistant.ask("What did Macron say about the bridge?")
    assert answer.mode != "who_said"


@pytest.mark.parametrize(
    ("speaker", "usable"),
    [
        ("Ilham Aliyev", True),
        ("Baku", True),
        ("Azerbaijan's defense ministry", True),
        ("he", False),
        ("Monday", False),
        ("use", False),
        ("someone", False),
    ],
)
def test_only_real_speakers_answer_who_said(speaker, usable):
    from assistant.search.quotes import is_resolved

    assert is_resolved(speaker) is usable
