"""Uploads to the chat keep distinct names distinct (found by a security tester): the real app on uvicorn,
gradio_client uploading real files as a browser does."""

from __future__ import annotations

import re

from gradio_client import Client, handle_file

from tests.ui.conftest import running_app
from ui.web import WebSettings


def test_uploads_whose_names_clean_alike_are_two_articles(make_assistant, tmp_path):
    """`budget (1).txt` ("City budget approved") and then `budget [1].txt` ("Zoo reopens") were both kept as
    `budget _1_.txt`: one file, one article, and the budget story was gone. A name cleaning changes is kept with a
    hash of the name as given; the same name uploaded again still replaces its own article."""
    bot = make_assistant()
    stories = {
        "budget (1).txt": "City budget approved\n\nThe city council approved the budget on Tuesday.\n",
        "budget [1].txt": "Zoo reopens\n\nThe zoo reopened on Wednesday after repairs.\n",
        "budget_1_.txt": "Library hours\n\nThe library opens an hour earlier from May.\n",
    }
    with running_app(bot) as url:
        client = Client(url, verbose=False)

        def upload(name: str, text: str) -> str:
            folder = tmp_path / str(len(list(tmp_path.iterdir())))
            folder.mkdir()
            (folder / name).write_text(text)
            return client.predict([handle_file(str(folder / name))], "", api_name="/add_articles")[0]

        for name, text in stories.items():
            assert "1 added" in upload(name, text), name
        assert sorted(a.title for a in bot.articles()) == ["City budget approved", "Library hours", "Zoo reopens"]
        kept = sorted(p.name for p in (bot.index.settings.data_dir / WebSettings().uploads_dir_name).iterdir())
        assert len(kept) == 3 and "budget_1_.txt" in kept, kept  # a name cleaning leaves alone is kept as given
        assert all(re.fullmatch(r"budget _1_~[0-9a-f]{12}\.txt", name) for name in kept if name != "budget_1_.txt")
        # the same name again replaces its own article, and only it
        corrected = upload("budget (1).txt", "City budget approved\n\nThe city council approved the budget on Monday.\n")
        assert "1 updated" in corrected, corrected
    texts = sorted(bot.article_text(a.id) for a in bot.articles())
    assert any("on Monday" in text for text in texts) and not any("on Tuesday" in text for text in texts)
    assert any("zoo reopened" in text for text in texts) and any("library" in text for text in texts)
