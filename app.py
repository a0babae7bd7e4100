"""The board papers assistant in a browser: `python app.py` (what `make run` serves).

`create_app` builds the UI over one BoardAssistant and is separate from
launching, so tests can drive it; `main` brings the index up to date (showing
progress) and serves on 127.0.0.1 unless told otherwise.
"""

from __future__ import annotations

import argparse
import functools
import html
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import gradio as gr
import pandas as pd

from assistant.core import BoardAssistant
from board.errors import BoardQAError
from board.records import PAPER_TYPES, Answer
from board.routing import make_filters

if TYPE_CHECKING:
    from tools.register import Register

log = logging.getLogger(__name__)


def sources_markdown(answer: Answer) -> str:
    """The numbered sources under an answer: quote, paper, meeting date and place."""
    if not answer.citations:
        return ""
    parts = ["**Sources**"]
    for c in answer.citations:
        when = f", meeting of {c.meeting_date}" if c.meeting_date else ""
        quote = html.escape(" ".join(c.quote.split())[:400])
        parts.append(
            f"**[{c.n}]** {html.escape(c.title)}{when} — `{c.source}`, {c.locator}\n\n> {quote}"
        )
    return "\n\n".join(parts)


def reply_markdown(answer: Answer) -> str:
    text = answer.answer
    sources = sources_markdown(answer)
    return f"{text}\n\n{sources}" if sources else text


def table_frame(answer: Answer) -> pd.DataFrame:
    return pd.DataFrame(list(answer.table_rows)) if answer.table_rows else pd.DataFrame()


def chart_frame(answer: Answer | None) -> pd.DataFrame:
    points = ((answer.chart if answer else None) or {}).get("points") or []
    return (
        pd.DataFrame(points, columns=["period", "value"])
        if points
        else pd.DataFrame(columns=["period", "value"])
    )


def answer_turn(
    assistant: BoardAssistant,
    message: str,
    history: list[dict[str, Any]] | None,
    date_from: str = "",
    date_to: str = "",
    paper_type: str = "",
) -> tuple[list[dict[str, Any]], pd.DataFrame, pd.DataFrame]:
    """One chat turn: the history with the question and the cited reply, the table rows and chart used."""
    history = list(history or [])
    if not message.strip():
        return history, pd.DataFrame(), chart_frame(None)
    history.append({"role": "user", "content": message})
    try:
        filters = make_filters(date_from, date_to, paper_type)
        answer = assistant.ask(message, filters)
    except BoardQAError as exc:
        history.append({"role": "assistant", "content": f"⚠️ {exc}"})
        return history, pd.DataFrame(), chart_frame(None)
    history.append({"role": "assistant", "content": reply_markdown(answer)})
    return history, table_frame(answer), chart_frame(answer)


def create_app(assistant: BoardAssistant | None = None) -> gr.Blocks:
    """The gradio UI over ``assistant`` (one is made from settings when not given)."""
    assistant = assistant or BoardAssistant()

    def respond(
        message: str, history: list[dict[str, Any]], date_from: str, date_to: str, paper_type: str
    ):  # type: ignore[no-untyped-def]
        history, rows, chart = answer_turn(
            assistant, message, history, date_from, date_to, paper_type
        )
        return (
            history,
            "",
            gr.update(value=rows, visible=not rows.empty),
            gr.update(value=chart, visible=not chart.empty),
        )

    profile = assistant.profile
    examples = list(profile.example_questions)
    with gr.Blocks(title=f"{profile.name or 'Board'} papers assistant") as demo:
        gr.Markdown(
            f"## {profile.name or 'Board'} — papers assistant\n"
            "Answers come only from the board's papers, each with numbered sources you can check. "
            "When the papers don't say, it says so."
        )
        with gr.Tab("Ask"):
            chat = gr.Chatbot(label="Conversation", height=480)
            question = gr.Textbox(
                label="Question", placeholder="e.g. " + examples[0], autofocus=True
            )
            with gr.Row():
                date_from = gr.Textbox(label="From meeting date (YYYY-MM-DD)", scale=1)
                date_to = gr.Textbox(label="To meeting date (YYYY-MM-DD)", scale=1)
                paper_type = gr.Dropdown(["", *PAPER_TYPES], value="", label="Paper type", scale=1)
            gr.Examples(examples, inputs=question)
            rows = gr.Dataframe(label="Table rows used", visible=False, interactive=False)
            chart = gr.LinePlot(x="period", y="value", label="Trend", visible=False)
            inputs = [question, chat, date_from, date_to, paper_type]
            question.submit(respond, inputs, [chat, question, rows, chart])
        extra_tabs(demo, assistant)
    return demo


def _register(index: Path) -> Register:
    """The index's register, read once per app and again only when ingest rewrites it."""
    from tools.register.store import register_path

    path = register_path(index)
    return _register_as_of(path, path.stat().st_mtime_ns if path.exists() else None)


@functools.lru_cache(maxsize=4)
def _register_as_of(path: Path, modified_ns: int | None) -> Register:
    from tools.register import Register

    del modified_ns  # part of the cache key only: a rewritten register is read afresh
    return Register(path)


def register_view(
    assistant: BoardAssistant,
    kind: str,
    owner: str = "",
    meeting: str = "",
    topic: str = "",
    status: str = "",
) -> tuple[pd.DataFrame, str | None]:
    """The 'Actions & decisions' table filtered as asked, and a CSV of exactly those rows."""
    import tempfile

    from tools.register.views import register_frame, to_csv

    frame = register_frame(
        _register(assistant.index_path),
        kind,
        owner=owner.strip() or None,
        meeting=meeting.strip() or None,
        topic=topic.strip() or None,
        status=(status or None) if kind == "actions" else None,
    )
    folder = Path(tempfile.mkdtemp(prefix="boardqa-"))
    return frame, str(to_csv(frame, folder / f"board-{kind}.csv"))


def extra_tabs(demo: gr.Blocks, assistant: BoardAssistant) -> None:
    """The chairman's 'Actions & decisions' view over the register."""
    with gr.Tab("Actions & decisions"):
        gr.Markdown(
            "Every action and decision in the minutes, with its meeting, minute item and what became of it."
        )
        with gr.Row():
            kind = gr.Radio(["actions", "decisions"], value="actions", label="Show")
            owner = gr.Textbox(
                label="Owner (actions)", placeholder="e.g. " + assistant.profile.owner_example
            )
            meeting = gr.Textbox(label="Meeting (YYYY, YYYY-MM or YYYY-MM-DD)")
            topic = gr.Textbox(label="Topic", placeholder="e.g. " + assistant.profile.topic_example)
            status = gr.Dropdown(["", "open", "done"], value="", label="Status (actions)")
        table = gr.Dataframe(label="Register", interactive=False, wrap=True)
        csv = gr.File(label="Download as CSV")
        filters = [kind, owner, meeting, topic, status]

        def refresh(*values: str) -> tuple[pd.DataFrame, str | None]:
            try:
                return register_view(assistant, *values)
            except BoardQAError as exc:
                raise gr.Error(str(exc)) from None

        for control in filters:
            control.change(refresh, filters, [table, csv])
        demo.load(refresh, filters, [table, csv])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--host", default=None, help="Address to bind (default 127.0.0.1).")
    parser.add_argument("--port", type=int, default=None, help="Port (default 7860).")
    parser.add_argument("--no-ingest", action="store_true", help="Serve the index as it is.")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
    assistant = BoardAssistant()
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
    settings = assistant.settings.app
    create_app(assistant).launch(
        server_name=args.host or settings.host,
        server_port=args.port or settings.port,
        theme=gr.themes.Soft(),
    )


if __name__ == "__main__":
    main()
