"""The board papers assistant in a browser: `python app.py` (what `make run` serves).

`create_app` builds the UI over one BoardAssistant and is separate from
launching, so tests can drive it; `main` brings the index up to date (showing
progress) and serves on 127.0.0.1 unless told otherwise, with a login whenever
it binds beyond this machine. The handlers here are thin: the work is in the
core object and in ``boardqa.web``.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from assistant.core import BoardAssistant
from assistant.library import PAPER_COLUMNS, SUPPORTED
from board.errors import BoardQAError
from board.records import PAPER_TYPES
from boardqa.briefing import cell_line, write_docx, write_markdown
from boardqa.web.auth import login_required, read_credentials
from boardqa.web.chart import plot_settings
from boardqa.web.chat import (
    WORKING,
    ask_turn,
    table_frame,
    turn_answer,
    turn_record,
)
from boardqa.web.layout import PAPER_WIDTHS, REGISTER_WIDTHS, column_widths
from boardqa.web.register import export_files, register_table
from boardqa.web.viewer import passage_html

log = logging.getLogger(__name__)

CSS = """
.cited-passage { white-space: pre-wrap; font-size: 0.9em; max-height: 28em; overflow-y: auto; }
.cited-passage mark { background: #ffe58a; padding: 0 1px; }
"""
EMPTY_CHAT: dict[str, list[Any]] = {"messages": [], "turns": []}


def answer_turn(
    assistant: BoardAssistant,
    message: str,
    messages: list[dict[str, Any]] | None,
    turns: list[dict[str, Any]] | None,
    date_from: str = "",
    date_to: str = "",
    paper_type: str = "",
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """One chat turn read against the conversation: (messages shown, turns kept)."""
    messages = [m for m in messages or [] if m.get("content") != WORKING]
    turns = list(turns or [])
    if not message.strip():
        return messages, turns
    if not messages or messages[-1] != {"role": "user", "content": message}:
        messages.append({"role": "user", "content": message})
    reply, answer = ask_turn(assistant, message, turns, date_from, date_to, paper_type)
    messages.append({"role": "assistant", "content": reply})
    if answer is not None:
        turns.append(turn_record(answer))
    return messages, turns


def source_choices(turns: list[dict[str, Any]] | None) -> list[tuple[str, int]]:
    """The last answer's sources as the side panel lists them."""
    if not turns:
        return []
    return [(f"[{c.n}] {c.title} — {c.locator}", c.n) for c in turn_answer(turns[-1]).citations]


def open_source(assistant: BoardAssistant, n: int | None, turns: list[dict[str, Any]]) -> str:
    """The cited passage in its paper, the quote marked; a hint when nothing is chosen."""
    if not turns or n is None:
        return "<p>Choose a source of the last answer to see it in its paper.</p>"
    answer = turn_answer(turns[-1])
    for c in answer.citations:
        if c.n == n:
            return passage_html(assistant.chunks, c, cell_line(answer, c))
    return "<p>That source is not in the last answer.</p>"


def briefing(
    turns: list[dict[str, Any]] | None, scope: str, title: str = "Briefing note"
) -> list[str]:
    """The last answer or the whole conversation as a Word document and a Markdown file."""
    answers = [turn_answer(t) for t in turns or []]
    if not answers:
        raise BoardQAError("ask a question first: there is nothing to export yet")
    chosen = answers if scope == "Whole conversation" else answers[-1:]
    folder = Path(tempfile.mkdtemp(prefix="boardqa-briefing-"))
    return [
        str(write_docx(chosen, folder / "briefing.docx", title)),
        str(write_markdown(chosen, folder / "briefing.md", title)),
    ]


def papers_frame(assistant: BoardAssistant) -> pd.DataFrame:
    return pd.DataFrame(assistant.papers(), columns=PAPER_COLUMNS)


def register_view(
    assistant: BoardAssistant,
    kind: str | None,
    owner: str | None = "",
    meeting: str | None = "",
    topic: str | None = "",
    status: str | None = "",
) -> tuple[pd.DataFrame, list[str]]:
    """The 'Actions & decisions' table filtered as asked, and CSV and Excel files of those rows."""
    frame = register_table(assistant.register, kind, owner, meeting, topic, status)
    folder = Path(tempfile.mkdtemp(prefix="boardqa-"))
    return frame, export_files(frame, folder, kind or "actions")


def _ingest_message(report: Any, lines: list[str]) -> str:
    lines = [*lines, f"Index: {report.summary()}"]
    lines += [f"⚠️ {failure}" for failure in report.failures]
    return "\n\n".join(lines)


def create_app(assistant: BoardAssistant | None = None) -> gr.Blocks:
    """The gradio UI over ``assistant`` (one is made from settings when not given)."""
    assistant = assistant or BoardAssistant()
    profile = assistant.profile
    examples = list(profile.example_questions)
    name = profile.name or "Board"
    with gr.Blocks(title=f"{name} papers assistant") as demo:
        gr.Markdown(
            f"## {name} — papers assistant\n"
            "Answers come only from the board's papers, each with numbered sources you can open. "
            "When the papers don't say, it says so."
        )
        saved = gr.BrowserState(EMPTY_CHAT, storage_key="boardqa-conversation")
        turns = gr.State([])
        with gr.Tab("Ask"):
            _ask_tab(assistant, demo, examples, saved, turns)
        with gr.Tab("Papers"):
            _papers_tab(assistant, demo)
        with gr.Tab("Actions & decisions"):
            _register_tab(assistant, demo)
    return demo


def _ask_tab(
    assistant: BoardAssistant,
    demo: gr.Blocks,
    examples: list[str],
    saved: gr.BrowserState,
    turns: gr.State,
) -> None:
    with gr.Row():
        with gr.Column(scale=3):
            chat = gr.Chatbot(label="Conversation", height=520, autoscroll=False, buttons=[])
            with gr.Row():
                question = gr.Textbox(
                    label="Question",
                    placeholder="e.g. " + examples[0],
                    autofocus=True,
                    scale=6,
                    elem_id="question",
                )
                send = gr.Button("Send", variant="primary", scale=1, elem_id="send")
            with gr.Accordion("Which papers", open=False), gr.Row():
                date_from = gr.Textbox(
                    label="Meetings from", placeholder="e.g. 2013, April 2013, 19/04/2013"
                )
                date_to = gr.Textbox(label="Meetings to", placeholder="e.g. March 2014")
                paper_type = gr.Dropdown(
                    [("All papers", ""), *[(t.capitalize(), t) for t in PAPER_TYPES]],
                    value="",
                    label="Papers",
                )
            gr.Markdown("Try one of these:")
            with gr.Row():
                tries = [gr.Button(text, size="sm", variant="secondary") for text in examples]
            plain = gr.Textbox(label="Last answer as plain text", buttons=["copy"], lines=3)
            with gr.Row():
                scope = gr.Radio(
                    ["Last answer", "Whole conversation"], value="Last answer", label="Briefing"
                )
                export = gr.Button("Export briefing (Word and Markdown)", elem_id="export")
                new_chat = gr.Button("New conversation")
            files = gr.File(
                label="Briefing files", file_count="multiple", visible=False, elem_id="briefing"
            )
            rows = gr.Dataframe(label="Table rows used", visible=False, interactive=False)
            chart = gr.LinePlot(x="Period", y="Value", label="Trend", visible=False)
            points = gr.Dataframe(
                label="Points charted, in time order", visible=False, interactive=False
            )
        with gr.Column(scale=2):
            gr.Markdown("### Open a source")
            pick = gr.Dropdown(label="Source of the last answer", choices=[], elem_id="source")
            passage = gr.HTML(open_source(assistant, None, []))
    filters = [date_from, date_to, paper_type]

    # The messages as this app wrote them (the Chatbot's own value comes back reformatted).
    shown = gr.State([])

    def show_question(message: str, messages: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
        messages = list(messages or [])
        if message.strip():
            messages += [
                {"role": "user", "content": message},
                {"role": "assistant", "content": WORKING},
            ]
        return messages, "", message

    def respond(message, messages, kept, date_from, date_to, paper_type):  # type: ignore[no-untyped-def]
        messages, kept = answer_turn(
            assistant, message, messages, kept, date_from, date_to, paper_type
        )
        last = turn_answer(kept[-1]) if kept else None
        table = table_frame(last)
        plot = plot_settings(last.chart if last else None)
        charted = gr.update(value=plot["value"], visible=plot["visible"])
        return (
            messages,
            messages,
            kept,
            {"messages": messages, "turns": kept},
            gr.update(value=table, visible=not table.empty),
            gr.update(**plot),
            charted,
            gr.update(choices=source_choices(kept), value=None),
            open_source(assistant, None, kept),
            last.answer if last else "",
        )

    asked = gr.State("")
    outputs = [chat, shown, turns, saved, rows, chart, points, pick, passage, plain]
    for trigger in (question.submit, send.click):
        trigger(show_question, [question, shown], [chat, question, asked]).then(
            respond, [asked, shown, turns, *filters], outputs
        )
    for button in tries:
        button.click(lambda text: text, button, question)
    pick.change(lambda n, kept: open_source(assistant, n, kept), [pick, turns], passage)

    def export_briefing(kept, chosen):  # type: ignore[no-untyped-def]
        try:
            return gr.update(
                value=briefing(kept, chosen, f"{assistant.profile.name or 'Board'} briefing note"),
                visible=True,
            )
        except BoardQAError as exc:
            raise gr.Error(str(exc)) from None

    export.click(export_briefing, [turns, scope], files)

    def restore(kept_chat):  # type: ignore[no-untyped-def]
        kept_chat = kept_chat or EMPTY_CHAT
        kept = list(kept_chat.get("turns") or [])
        messages = list(kept_chat.get("messages") or [])
        return messages, messages, kept, gr.update(choices=source_choices(kept), value=None)

    demo.load(restore, [saved], [chat, shown, turns, pick])

    def forget():  # type: ignore[no-untyped-def]
        return [], [], [], EMPTY_CHAT, gr.update(choices=[], value=None), ""

    new_chat.click(forget, None, [chat, shown, turns, saved, pick, plain])
    chat.clear(forget, None, [chat, shown, turns, saved, pick, plain])


def _papers_tab(assistant: BoardAssistant, demo: gr.Blocks) -> None:
    gr.Markdown(
        "The papers the assistant answers from. Add files (" + ", ".join(SUPPORTED) + "), remove "
        "one, or re-index; every tab answers from the new index as soon as it is done."
    )
    table = gr.Dataframe(label="Papers", interactive=False, wrap=True, elem_id="papers")
    with gr.Row():
        uploads = gr.File(
            label="Add papers",
            file_count="multiple",
            file_types=list(SUPPORTED),
            scale=3,
            elem_id="add-files",
        )
        with gr.Column(scale=1):
            replace = gr.Checkbox(label="Replace papers of the same name")
            add = gr.Button("Add and index", variant="primary", elem_id="add-papers")
    with gr.Row():
        chosen = gr.Dropdown(label="Paper to remove", choices=[], scale=3)
        remove = gr.Button("Remove and re-index", variant="stop", scale=1)
        reindex = gr.Button("Re-index the corpus", scale=1)
    status = gr.Markdown(elem_id="papers-status")

    def listing():  # type: ignore[no-untyped-def]
        frame = papers_frame(assistant)
        names = [f for f in frame["File"] if f]
        shown = gr.update(value=frame, column_widths=column_widths(frame, PAPER_WIDTHS))
        return shown, gr.update(choices=names, value=None)

    def progress_bar(progress: gr.Progress):  # type: ignore[no-untyped-def]
        def report(done: int, total: int, message: str) -> None:
            progress((done, total) if total else None, desc=message)

        return report

    def on_add(files, overwrite, progress=gr.Progress()):  # type: ignore[no-untyped-def]
        paths = [Path(f if isinstance(f, str) else f.name) for f in files or []]
        if not paths:
            return (*listing(), "Choose one or more files first.")
        # Gradio keeps each upload under its own file name in a temporary folder.
        outcomes, report = assistant.add_papers(paths, overwrite, progress_bar(progress))
        return (*listing(), _ingest_message(report, [o.message for o in outcomes]))

    def on_remove(name, progress=gr.Progress()):  # type: ignore[no-untyped-def]
        if not name:
            return (*listing(), "Choose the paper to remove first.")
        try:
            message, report = assistant.remove_paper(name, progress_bar(progress))
        except BoardQAError as exc:
            return (*listing(), f"⚠️ {exc}")
        return (*listing(), _ingest_message(report, [message]))

    def on_reindex(progress=gr.Progress()):  # type: ignore[no-untyped-def]
        report = assistant.ingest(progress=progress_bar(progress))
        return (*listing(), _ingest_message(report, []))

    outputs = [table, chosen, status]
    add.click(on_add, [uploads, replace], outputs)
    remove.click(on_remove, [chosen], outputs)
    reindex.click(on_reindex, None, outputs)
    demo.load(listing, None, [table, chosen])


def _register_tab(assistant: BoardAssistant, demo: gr.Blocks) -> None:
    gr.Markdown(
        "Every action and decision in the minutes, with its meeting, minute item and what "
        "became of it."
    )
    with gr.Row():
        kind = gr.Radio(["actions", "decisions"], value="actions", label="Show")
        owner = gr.Textbox(
            label="Owner (actions)", placeholder="e.g. " + assistant.profile.owner_example
        )
        meeting = gr.Textbox(label="Meeting", placeholder="e.g. 2013, April 2013, 19/04/2013")
        topic = gr.Textbox(label="Topic", placeholder="e.g. " + assistant.profile.topic_example)
        status = gr.Dropdown(
            [("Any", ""), ("Open", "open"), ("Done", "done")], value="", label="Status (actions)"
        )
    table = gr.Dataframe(
        label="Register", interactive=False, wrap=True, elem_id="register", max_height=640
    )
    files = gr.File(label="Download (CSV, Excel)", file_count="multiple", elem_id="register-files")
    filters = [kind, owner, meeting, topic, status]

    def refresh(*values: str):  # type: ignore[no-untyped-def]
        try:
            frame, downloads = register_view(assistant, *values)
        except BoardQAError as exc:
            gr.Warning(str(exc))  # said in the page; the table shown stays as it was
            return gr.skip(), gr.skip()
        return gr.update(
            value=frame, column_widths=column_widths(frame, REGISTER_WIDTHS)
        ), downloads

    for control in filters:
        control.change(refresh, filters, [table, files])
    demo.load(refresh, filters, [table, files])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=None, help="Address to bind (default 127.0.0.1).")
    parser.add_argument("--port", type=int, default=None, help="Port (default 7860).")
    parser.add_argument("--no-ingest", action="store_true", help="Serve the index as it is.")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    assistant = BoardAssistant()
    settings = assistant.settings.app
    host = args.host or settings.host
    try:
        credentials = read_credentials(settings.credentials_file)
    except BoardQAError as exc:
        sys.exit(f"boardqa: {exc}")
    if login_required(host) and not credentials:
        sys.exit(
            f"boardqa: refusing to serve on {host} without a login: set "
            "BOARDQA_APP__CREDENTIALS_FILE to a file of 'user:password' lines "
            "(see the README's 'Shared deployment')"
        )
    if not args.no_ingest:
        from tqdm import tqdm

        bar = tqdm(total=0, desc="building index", unit="item")

        def progress(done: int, total: int, message: str) -> None:
            bar.total, bar.n = total, done
            bar.set_description(message[:40])
            bar.refresh()

        report = assistant.ingest(progress=progress)
        bar.close()
        for failure in report.failures:
            print(f"skipped {failure}", file=sys.stderr)
        print(f"Index ready: {report.summary()}")
    create_app(assistant).launch(
        server_name=host,
        server_port=args.port or settings.port,
        auth=credentials or None,
        auth_message="Sign in with the account your administrator gave you.",
        theme=gr.themes.Soft(),
        css=CSS,
    )


if __name__ == "__main__":
    main()
