"""Layout: the Gradio Blocks of the chat, the 'Add articles' tab and the article list, and their event wiring.

What each event does is `ChatHandlers` (ui.web.handlers); this module only places components and connects them.
"""

from __future__ import annotations

import gradio as gr

from ui.web.handlers import SUPPORTED_UPLOADS, ChatHandlers, Waiting, upload_size
from ui.web.render import (
    DATE_WATCH_JS,
    EXPORT_JS,
    LABEL_JS,
    READ_LINKS_JS,
    READER_JS,
    TYPED_DATES_JS,
    filters_label,
    render_evidence,
)
from ui.web.settings import WebSettings
from ui.workers import IngestWorkers

SETTLE_SECONDS = 3.0  # after the page loads (and a conversation switch), the Filters label is drawn again this often

__all__ = ["build_chat"]


def build_chat(bot, settings: WebSettings | None = None, workers: IngestWorkers | None = None) -> gr.Blocks:
    """The Gradio Blocks of the chat, the 'Add articles' tab and the article list (ingests run on `workers`)."""
    settings = settings or WebSettings()
    handlers = ChatHandlers(bot, settings, workers)

    # analytics off: no version check or usage report leaves the machine (Byline is offline by default)
    with gr.Blocks(title="Byline", analytics_enabled=False) as demo:
        turns_state = gr.State([])
        selected_state = gr.State(None)
        # a `Waiting` per session (a copy of this one, made at the session's first event), shared by its events. Not
        # `gr.State(Waiting)`: Gradio sets a callable's value by a load event of its own, which could run after a
        # quick first question was taken and put a new, empty `Waiting` over it (the question was never answered)
        waiting_state = gr.State(Waiting())
        # the conversation, kept in the browser (sealed with a key kept in the data folder): a reload keeps it
        saved = gr.BrowserState([], storage_key="byline-conversation", secret=handlers.browser_secret())
        # and the filters its last answer was asked under (the asking date above all: 'this week' hangs on it)
        saved_filters = gr.BrowserState({}, storage_key="byline-filters", secret=handlers.browser_secret())
        # the past conversations (newest first, at most `kept_conversations`), sealed alike
        archive = gr.BrowserState([], storage_key="byline-conversations", secret=handlers.browser_secret())
        gr.Markdown("## Byline\nAsk about the articles; every answer cites the passages it came from.", elem_id="byline-title")
        # every tab in sight on a phone: in Gradio's overflow menu the ones that did not fit were hidden behind
        # "…", and which did not fit depended on when the bar was measured (Speakers, one phone run in four)
        with gr.Tabs(overflow_behavior="wrap"):
            with gr.Tab("Chat", id="chat"):
                with gr.Row(equal_height=False, elem_id="byline-chat-row"):
                    with gr.Column(scale=3, elem_id="byline-chat-column"):
                        with gr.Row(equal_height=True, elem_id="byline-conversations-row"):
                            conversation_list = gr.Dropdown(
                                label="Past conversations (choose one to bring it back)",
                                choices=[],
                                value=None,
                                interactive=True,
                                scale=3,
                                min_width=200,
                                elem_id="byline-conversations",
                            )
                            with gr.Column(scale=1, min_width=150):
                                new_button = gr.Button("New conversation", size="sm", elem_id="byline-new-conversation")
                                # inactive until there is a conversation, and a second step confirms it: one click
                                # (say through a page laid over this one) never deletes a conversation
                                delete_button = gr.Button(
                                    "Delete this conversation",
                                    size="sm",
                                    variant="secondary",
                                    interactive=False,
                                    elem_id="byline-delete-conversation",
                                )
                                with gr.Row(visible=False, elem_id="byline-delete-confirm") as delete_confirm:
                                    confirm_delete = gr.Button(
                                        "Yes, delete it", size="sm", variant="stop", elem_id="byline-delete-yes"
                                    )
                                    keep_button = gr.Button("Keep it", size="sm", elem_id="byline-delete-keep")
                        chatbot = gr.Chatbot(
                            label="Chat",
                            elem_id="byline-chat",
                            height=520,
                            latex_delimiters=[],
                            feedback_options=None,
                            buttons=["copy"],
                            placeholder="Answers come from the indexed articles only, with numbered citations.",
                        )
                        # a calendar; typed YYYY-MM-DD still works; a string, checked when asked
                        dates = {"include_time": False, "type": "string"}
                        with gr.Row(elem_id="byline-ask-row"):
                            question_box = gr.Textbox(
                                label="Question",
                                placeholder="Ask about the articles…",
                                elem_id="byline-question",
                                scale=5,
                                submit_btn=False,
                            )
                            # the asking date, beside the question it dates and in sight at every width: in the Filters
                            # section it sat below all the evidence on a phone (390x844); in a row of its own across
                            # the chat column it was heavy, and just below the first screen at 1366x900. What it does
                            # is said in the Filters section. A column of its own keeps it out of the question's
                            # box (Gradio joins neighbouring fields in one), so that a phone shows it after Ask (CSS)
                            with gr.Column(scale=0, min_width=190, elem_id="byline-as-of-column"):
                                as_of_box = gr.DateTime(
                                    value="",  # set at each page load: the kept conversation's asking date, or today
                                    label="As of",
                                    elem_id="byline-as-of",
                                    **dates,
                                )
                            ask_button = gr.Button("Ask", variant="primary", elem_id="byline-ask", scale=1, min_width=100)
                            # shown while an answer streams (the answering event shows and hides it)
                            stop_button = gr.Button(
                                "Stop", variant="stop", visible=False, elem_id="byline-stop", scale=1, min_width=100
                            )
                        # made when clicked and downloaded by the page (EXPORT_JS): no file on the server. Always
                        # active (an empty chat downloads nothing): disabled until an answer, its update sent with the
                        # streamed answer did not take in Chromium, and it stayed disabled
                        export_button = gr.Button("Export as Markdown", size="sm", elem_id="byline-export")
                        export_text = gr.Textbox(value="", visible=False, elem_id="byline-export-text")
                        first_examples = handlers.first_examples()
                        examples = gr.Dataset(
                            label="Try asking",
                            components=[question_box],
                            samples=[[q] for q in first_examples] or [[""]],
                            visible=bool(first_examples),
                            elem_id="byline-examples",
                        )
                        with gr.Accordion(filters_label([], "", "", None, None), open=False, elem_id="byline-filters") as filters:
                            source_filter = gr.Dropdown(
                                label="Sources",
                                choices=handlers.sources(),
                                multiselect=True,
                                value=[],
                                # only the index's sources (refreshed at page load and after an ingest): a typed
                                # name that matched nothing turned every answer into a decline
                                allow_custom_value=False,
                                elem_id="byline-sources",
                            )
                            gr.Markdown(
                                "**As of** (by the question box): the day the questions are asked on. Later articles "
                                "are left out, and 'this week' is that day's week.",
                                elem_id="byline-as-of-note",
                            )
                            # From and To are date fields as "As of" is: a string, checked when asked
                            with gr.Row():
                                since_box = gr.DateTime(value="", label="From", elem_id="byline-since", **dates)
                                until_box = gr.DateTime(value="", label="To", elem_id="byline-until", **dates)
                            # what a date field refused (not a date), filled in as a question is asked: TYPED_DATES_JS
                            typed_dates = gr.Textbox(value="", visible=False, elem_id="byline-typed-dates")
                        # hidden (CSS): redraws the Filters label when a date field is left with text it refused
                        date_watch = gr.HTML("", elem_id="byline-date-watch", js_on_load=DATE_WATCH_JS)
                    with gr.Column(scale=2, elem_id="byline-evidence-column"):
                        gr.Markdown("### Evidence")
                        evidence = gr.HTML(
                            render_evidence([], None), label="Evidence", elem_id="byline-evidence", js_on_load=READ_LINKS_JS
                        )
                        coverage_plot = gr.BarPlot(x="period", y="articles", visible=False, elem_id="byline-coverage")
            with gr.Tab("Add articles", id="add"):
                gr.Markdown(
                    f"Upload files ({SUPPORTED_UPLOADS}; up to {upload_size(settings.max_upload_mb * 1_000_000)} each) or paste a URL. "
                    "New articles can be asked about as soon as this finishes."
                )
                upload = gr.File(value=None, label="Files", file_count="multiple", elem_id="byline-upload")
                url_box = gr.Textbox(
                    value="", label="…or a URL (article page or feed)", placeholder="https://…", elem_id="byline-url"
                )
                add_button = gr.Button("Add articles", variant="primary", elem_id="byline-add")
                add_summary = gr.Markdown(label="Summary", elem_id="byline-add-summary")
            with gr.Tab("Articles", id="articles"):
                article_count = gr.Markdown(label="Count", elem_id="byline-article-count")
                articles_table = gr.Dataframe(
                    headers=["date", "source", "title"],
                    value=[],
                    interactive=False,
                    wrap=True,
                    column_widths=["12%", "14%", "74%"],
                    elem_id="byline-articles",
                )
            with gr.Tab("Speakers", id="speakers"):
                with gr.Row(equal_height=False):
                    with gr.Column(scale=1, min_width=260):
                        people_search = gr.Textbox(
                            value="", label="Find a person", placeholder="a name, or part of one", elem_id="byline-people-search"
                        )
                        speakers_table = gr.Dataframe(
                            headers=["speaker", "quotes"],
                            value=[],
                            interactive=False,
                            label="Speakers (choose one for their page)",
                            column_widths=["78%", "22%"],
                            elem_id="byline-speakers",
                        )
                    with gr.Column(scale=2, elem_id="byline-person-column"):
                        person_head = gr.HTML("", elem_id="byline-person")
                        person_plot = gr.BarPlot(
                            x="month", y="quotes", title="Quotes per month", visible=False, elem_id="byline-person-plot"
                        )
                        person_quotes = gr.HTML("", elem_id="byline-person-quotes", js_on_load=READ_LINKS_JS)
        # the article reader: a sheet over the page, opened by the "read" links of the evidence and of a person's quotes
        with gr.Column(visible=False, elem_id="byline-reader-panel") as reader_panel:
            close_reader = gr.Button("Close ✕", size="sm", elem_id="byline-reader-close")
            reader = gr.HTML("", elem_id="byline-reader", js_on_load=READER_JS)

        index_outputs = [articles_table, speakers_table, source_filter, examples, article_count]
        chat_inputs = [question_box, source_filter, since_box, until_box, as_of_box, turns_state]
        chat_outputs = [chatbot, evidence, turns_state, question_box]
        # Questions from several users are answered at once (a question keeps one view of the index while an
        # ingest swaps in the next); adding articles is its own queue, so an upload never holds up a question.
        chat_queue = {"concurrency_id": "chat", "concurrency_limit": settings.chat_concurrency}
        # A question is taken from the box at once (with the filters in force), so one typed while an answer streams
        # waits its turn: `drain` answers a session's waiting questions in order. Taking never waits behind answers
        # (its own queue); a drain asked for while one runs is deferred ("always_last") and finds the work done.
        # with the text typed in a date field that refused it: "yesterday" left the field's value as it was, and the
        # question was asked with that (today, or an earlier bad date and its error) as if nothing had been typed
        asked = [source_filter, since_box, until_box, as_of_box, waiting_state, typed_dates]
        take = {
            "api_visibility": "private",
            "concurrency_id": "take",
            "concurrency_limit": None,
            "show_progress": "hidden",
            "trigger_mode": "multiple",
        }
        answer_waiting = (
            handlers.drain,
            [turns_state, waiting_state],
            [chatbot, evidence, turns_state, saved, export_button, saved_filters, stop_button],
        )
        answer_options = {"api_visibility": "private", "trigger_mode": "always_last", "show_progress": "minimal", **chat_queue}
        # Regenerate is the chat's own retry button (on the last answer): the last question goes back first in line
        for taken in (
            gr.on(
                [question_box.submit, ask_button.click],
                handlers.enqueue,
                [question_box, *asked],
                question_box,
                js=TYPED_DATES_JS,
                **take,
            ),
            examples.click(handlers.enqueue_example, [examples, *asked], None, js=TYPED_DATES_JS, **take),
            chatbot.retry(handlers.regenerate, [turns_state, waiting_state], [chatbot, evidence, turns_state], **take),
        ):
            taken.then(*answer_waiting, **answer_options).then(lambda: None, None, selected_state, api_visibility="private").then(
                handlers.coverage,
                turns_state,
                coverage_plot,
                api_visibility="private",
                concurrency_id="read",
                concurrency_limit=None,
            )
        reading = {"api_visibility": "private", "concurrency_id": "read", "concurrency_limit": None}
        # Stop ends the streaming answer and leaves the chat free at once; waiting questions go back into the box (see
        # `stop`). The drain stops itself at its next piece (`Waiting.epoch`) and draws Stop's view as its last word,
        # rather than by Gradio's `cancels=`: that cancels an event's every run in the session, so the drain deferred
        # behind the stopped one ("always_last") was killed before it ran, and pieces of the stopped answer already
        # on their way landed after Stop's view (both seen in Chromium).
        controls = {"api_visibility": "private", "queue": False, "show_progress": "hidden"}
        stop_button.click(
            handlers.stop,
            [question_box, turns_state, waiting_state],
            [chatbot, evidence, turns_state, saved, export_button, question_box, stop_button],
            **controls,
        )
        export_button.click(handlers.export_markdown, turns_state, export_text, **controls).then(
            None, export_text, None, js=EXPORT_JS, queue=False, api_visibility="private"
        )
        # New, open, delete: a switch of conversation stops an answer as Stop does, and keeps the past ones in the browser
        switching = [question_box, turns_state, archive, waiting_state]
        switched = [chatbot, evidence, turns_state, selected_state, saved, saved_filters, export_button, archive]
        switched += [conversation_list, question_box, stop_button, source_filter, since_box, until_box, as_of_box]
        switches = [
            new_button.click(handlers.new_conversation, switching, switched, **controls),
            deleted := confirm_delete.click(handlers.delete_conversation, switching, switched, **controls),
            conversation_list.input(handlers.open_conversation, [conversation_list, *switching], switched, **controls),
            # the chat's own trash button (Gradio has no way to hide it) is "New conversation": the one it empties is
            # filed among the past ones (it wiped the conversation for good, past the two steps of Delete)
            chatbot.clear(handlers.new_conversation, switching, switched, **controls),
        ]
        # Delete is active only when the open conversation has something in it
        asking = [delete_confirm, delete_button]
        delete_button.click(lambda: (gr.Row(visible=True), gr.Button(visible=False)), None, asking, **controls)

        def delete_answered(turns):
            return gr.Row(visible=False), gr.Button(visible=True, interactive=bool(turns))

        keep_button.click(delete_answered, turns_state, asking, **controls)
        deleted.then(delete_answered, turns_state, asking, **controls)  # after the deletion: on the emptied chat
        turns_state.change(lambda turns: gr.Button(interactive=bool(turns)), turns_state, delete_button, **controls)
        for switch in switches:
            switch.then(handlers.coverage, turns_state, coverage_plot, **reading)
        demo.load(handlers.conversation_choices, archive, conversation_list, api_visibility="private")
        # The `/chat` endpoint for API clients: one message in, the chat and its evidence out.
        api_trigger = gr.Button(visible=False, elem_id="byline-api-chat")
        api_trigger.click(handlers.respond, chat_inputs, chat_outputs, api_name="chat", **chat_queue)
        chatbot.select(handlers.select_answer, turns_state, [evidence, selected_state], api_visibility="private")
        add_button.click(
            handlers.add_articles,
            [upload, url_box],
            [add_summary, upload, url_box, *index_outputs],
            api_name="add_articles",
            # the ingest itself runs on `workers`; this only watches it (its summary says how far it is)
            concurrency_id="ingest",
            concurrency_limit=None,
            show_progress="hidden",
        )
        # the examples are drawn when the asking date is set (restored or today: `examples_as_of`), not here: drawn at
        # load for the whole index, they could land after the ones of a restored conversation's date
        demo.load(handlers.index_views_on_load, None, index_outputs, api_visibility="private")
        for source in (evidence, person_quotes):
            source.click(handlers.open_article, None, [reader_panel, reader], **reading)
        close_reader.click(handlers.close_article, None, reader_panel, queue=False, api_visibility="private")
        people_search.change(handlers.find_people, people_search, speakers_table, **reading)
        speakers_table.select(handlers.select_person, as_of_box, [person_head, person_plot, person_quotes], **reading)
        # a collapsed Filters section still says which filters are on, and which typed date was refused
        filter_inputs = [source_filter, since_box, until_box, as_of_box]
        # filters set together (a reload) change one box after another, and each change asks for a label: one drawn
        # at the first change ("sources: Harbor Gazette", the asking date not yet in its box) could land last. Each
        # request is numbered by the page (LABEL_JS, with what the date fields refused, which changes no value) and
        # the server draws none older than one drawn (`LabelStamps`): one at a time, the last of a burst deferred.
        labelling = {"api_visibility": "private", "concurrency_limit": 1, "concurrency_id": "filters-label"}
        labelling |= {"show_progress": "hidden", "js": LABEL_JS}
        labelled = [*filter_inputs, typed_dates]
        gr.on(
            [box.change for box in filter_inputs] + [date_watch.click],
            handlers.filters_label,
            labelled,
            filters,
            trigger_mode="always_last",
            **labelling,
        )
        # the examples offered are of the articles by the asking date (a March headline asked about as of January)
        as_of_box.change(
            handlers.examples_as_of,
            as_of_box,
            examples,
            api_visibility="private",
            trigger_mode="always_last",
            show_progress="hidden",
        )
        # A dragged stretch of the coverage plot sets From, then To one round trip later: set together, the two
        # changes' label requests raced, and the one that saw only From could land last ("from 2024-03-03" alone).
        stretch_end = gr.State("")
        coverage_plot.select(handlers.coverage_selected, None, [since_box, stretch_end], api_visibility="private").then(
            lambda end: end, stretch_end, until_box, api_visibility="private", show_progress="hidden"
        )
        # one load event for both: a second one would see the first one's restored turns as already asked
        restored = [chatbot, evidence, turns_state, export_button, *filter_inputs]
        restore = demo.load(handlers.restore_page, [saved, saved_filters, turns_state], restored, api_visibility="private")
        # Filters set all at once (a reload, a conversation opened) are labelled once more when they have landed: a
        # box set to the value it held sends no change. Numbered as the others are: unnumbered, it was drawn even
        # when it reached the server before a stale numbered one, which then landed last.
        for setting in (restore, *switches):
            setting.then(handlers.filters_label, labelled, filters, **labelling)
        # ... and drawn again a few seconds after the page loads, from the filters as the page then holds them, and a
        # conversation switch starts that again: a label request read mid-way through setting the boxes still ended
        # the label now and then, under load (`settled_label`)
        settle, settle_ticks = gr.Timer(SETTLE_SECONDS, active=True), gr.State(0)
        settle.tick(
            handlers.settled_label,
            [*filter_inputs, settle_ticks, typed_dates],
            [filters, settle, settle_ticks],
            **labelling,
        )
        for setting in switches:
            setting.then(lambda: (gr.Timer(active=True), 0), None, [settle, settle_ticks], queue=False, api_visibility="private")
    return demo
