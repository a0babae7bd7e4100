"""The Papers and the Actions & decisions tabs: the papers indexed, added, removed and
re-indexed in the browser, and the register of actions and decisions filtered and exported."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import gradio as gr
import pandas as pd

from assistant.core import BoardAssistant
from assistant.library import PAPER_COLUMNS, SUPPORTED
from board.errors import BoardQAError
from boardqa.web.layout import PAPER_WIDTHS, REGISTER_WIDTHS, column_widths
from boardqa.web.register import export_files, register_table


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


def papers_tab(assistant: BoardAssistant, demo: gr.Blocks) -> None:
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


def register_tab(assistant: BoardAssistant, demo: gr.Blocks) -> None:
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
    filters: list[Any] = [kind, owner, meeting, topic, status]

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
