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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import gradio as gr

from assistant.core import BoardAssistant
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
from boardqa.web.manage import papers_tab, register_tab
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
            papers_tab(assistant, demo)
        with gr.Tab("Actions & decisions"):
            register_tab(assistant, demo)
    return demo


def _ask_tab(
    assistant: BoardAssistant,
    demo: gr.Blocks,
    examples: list[str],
    saved: gr.BrowserState,
    turns: gr.State,
) -> None:
    view = _ask_view(assistant, examples)
    _ask_events(assistant, demo, view, saved, turns)


@dataclass
class _AskView:
    """The Ask tab's components, as the events need them."""

    chat: Any
    question: Any
    send: Any
    filters: list[Any]
    tries: list[Any]
    plain: Any
    scope: Any
    export: Any
    new_chat: Any
    files: Any
    rows: Any
    chart: Any
    points: Any
    pick: Any
    passage: Any


def _ask_view(assistant: BoardAssistant, examples: list[str]) -> _AskView:
    """The Ask tab laid out: the conversation, the question box, the filters, the examples,
    the briefing export and the source viewer."""
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
    return _AskView(
        chat,
        question,
        send,
        [date_from, date_to, paper_type],
        tries,
        plain,
        scope,
        export,
        new_chat,
        files,
        rows,
        chart,
        points,
        pick,
        passage,
    )


def _ask_events(
    assistant: BoardAssistant,
    demo: gr.Blocks,
    view: _AskView,
    saved: gr.BrowserState,
    turns: gr.State,
) -> None:
    """What the Ask tab does: asking (the question shown at once, the answer when ready),
    the examples, opening a source, exporting a briefing, restoring and forgetting the chat."""
    chat, question, send, filters, pick = (
        view.chat,
        view.question,
        view.send,
        view.filters,
        view.pick,
    )

    # The messages as this app wrote them (the Chatbot's own value comes back reformatted).
    shown = gr.State([])

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
    outputs = [
        chat,
        shown,
        turns,
        saved,
        view.rows,
        view.chart,
        view.points,
        pick,
        view.passage,
        view.plain,
    ]
    for trigger in (question.submit, send.click):
        trigger(_show_question, [question, shown], [chat, question, asked]).then(
            respond, [asked, shown, turns, *filters], outputs
        )
    for button in view.tries:
        button.click(lambda text: text, button, question)
    pick.change(lambda n, kept: open_source(assistant, n, kept), [pick, turns], view.passage)

    def export_briefing(kept, chosen):  # type: ignore[no-untyped-def]
        try:
            return gr.update(
                value=briefing(kept, chosen, f"{assistant.profile.name or 'Board'} briefing note"),
                visible=True,
            )
        except BoardQAError as exc:
            raise gr.Error(str(exc)) from None

    view.export.click(export_briefing, [turns, view.scope], view.files)

    demo.load(_restore, [saved], [chat, shown, turns, pick])

    cleared = [chat, shown, turns, saved, pick, view.plain]
    view.new_chat.click(_forget, None, cleared)
    chat.clear(_forget, None, cleared)


def _show_question(message: str, messages: list[dict[str, Any]]):  # type: ignore[no-untyped-def]
    """The question shown at once, with a placeholder for its answer; the box cleared."""
    messages = list(messages or [])
    if message.strip():
        messages += [
            {"role": "user", "content": message},
            {"role": "assistant", "content": WORKING},
        ]
    return messages, "", message


def _restore(kept_chat):  # type: ignore[no-untyped-def]
    """The conversation this browser kept, shown again after a reload."""
    kept_chat = kept_chat or EMPTY_CHAT
    kept = list(kept_chat.get("turns") or [])
    messages = list(kept_chat.get("messages") or [])
    return messages, messages, kept, gr.update(choices=source_choices(kept), value=None)


def _forget():  # type: ignore[no-untyped-def]
    """A new conversation: nothing shown, kept or offered as a source."""
    return [], [], [], EMPTY_CHAT, gr.update(choices=[], value=None), ""


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
