"""The names a notebook imports keep working: `assistant.__all__` and the subpackages' re-exports are pinned."""

import importlib

import pytest

import assistant

PUBLIC = {
    "Answer",
    "Assistant",
    "AssistantSettings",
    "BylineError",
    "Citation",
    "Conversation",
    "EmbedderMismatch",
    "Filters",
    "InvalidInput",
}


def test_assistant_exports_are_pinned() -> None:
    assert set(assistant.__all__) == PUBLIC
    for name in PUBLIC:
        assert getattr(assistant, name) is not None


@pytest.mark.parametrize("package", ["assistant.search", "assistant.answering", "ingest.attribution", "ui.web"])
def test_every_listed_name_exists(package: str) -> None:
    module = importlib.import_module(package)
    missing = [name for name in module.__all__ if not hasattr(module, name)]
    assert not missing, f"{package}.__all__ lists names it does not define: {missing}"
