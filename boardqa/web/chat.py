"""The Ask tab's turns: a question, the cited reply (sources folded under it), the conversation kept.

The conversation lives in the browser as plain data (``turns``: each answer's
JSON contract plus how a follow-up was understood), so a reload restores it and
the next question is read against it.
"""

from __future__ import annotations

import html
from dataclasses import replace
from typing import TYPE_CHECKING, Any

import pandas as pd

from board.errors import BoardQAError
from board.records import Answer, long_date
from board.routing import Filters, make_filters
from boardqa.briefing import cell_line

if TYPE_CHECKING:
    from assistant.core import BoardAssistant

WORKING = "_Reading the papers…_"


def filters_line(filters: Filters) -> str:
    """Which papers the answer was drawn from, said in words."""
    parts = []
    if filters.date_from and filters.date_to:
        parts.append(f"meetings {long_date(filters.date_from)} to {long_date(filters.date_to)}")
    elif filters.date_from:
        parts.append(f"meetings from {long_date(filters.date_from)}")
    elif filters.date_to:
        parts.append(f"meetings up to {long_date(filters.date_to)}")
    if filters.paper_type:
        parts.append(f"{filters.paper_type} papers only")
    return "Searched: " + ("; ".join(parts) if parts else "all papers")


def sources_html(answer: Answer) -> str:
    """The numbered sources, folded: quote (a table's cell under its headings), paper,
    meeting date and place."""
    if not answer.citations:
        return ""
    items = []
    for c in answer.citations:
        when = f", meeting of {long_date(c.meeting_date)}" if c.meeting_date else ""
        quote = html.escape(" ".join(c.quote.split()))
        cell = cell_line(answer, c)
        cell = f"<br>{html.escape(cell)}" if cell else ""
        items.append(
            f"<p><b>[{c.n}]</b> {html.escape(c.title)}{when} — <code>{html.escape(c.source)}</code>,"
            f" {html.escape(c.locator)}{cell}<br><i>“{quote}”</i></p>"
        )
    return (
        f"<details><summary>Sources ({len(answer.citations)})</summary>\n\n"
        + "\n".join(items)
        + "\n\n</details>"
    )


def reply_markdown(answer: Answer, filters: Filters | None = None) -> str:
    """The answer first, then what was searched, then the sources folded under it."""
    parts = [answer.answer]
    if filters is not None:
        parts.append(f"<sub>{html.escape(filters_line(filters))}</sub>")
    if sources := sources_html(answer):
        parts.append(sources)
    return "\n\n".join(parts)


def turn_record(answer: Answer) -> dict[str, Any]:
    """What the browser keeps of a turn: the answer's JSON contract, how it was understood,
    and the table rows and chart it showed (so a reloaded page can show and export them)."""
    return {
        **answer.to_dict(),
        "understood": answer.understood,
        "table_rows": [dict(r) for r in answer.table_rows],
        "chart": answer.chart,
    }


def turn_answer(record: dict[str, Any]) -> Answer:
    """A kept turn as the Answer it was."""
    return replace(
        Answer.from_dict(record),
        understood=record.get("understood"),
        table_rows=tuple(record.get("table_rows") or ()),
        chart=record.get("chart"),
    )


def ask_turn(
    assistant: BoardAssistant,
    message: str,
    turns: list[dict[str, Any]] | None,
    date_from: str = "",
    date_to: str = "",
    paper_type: str = "",
) -> tuple[str, Answer | None]:
    """One question against the conversation so far: the reply's markdown and the answer."""
    history = [turn_answer(t) for t in turns or []]
    try:
        filters = make_filters(date_from, date_to, paper_type)
        answer = assistant.ask(message, filters, history=history)
    except BoardQAError as exc:
        return f"⚠️ {exc}", None
    return reply_markdown(answer, filters), answer


def table_frame(answer: Answer | None) -> pd.DataFrame:
    """The table rows an answer used, with their column headings."""
    if answer is None or not answer.table_rows:
        return pd.DataFrame()
    frame = pd.DataFrame(list(answer.table_rows))
    return frame.rename(columns={c: ROW_HEADINGS.get(c, c.capitalize()) for c in frame.columns})


ROW_HEADINGS = {
    "table": "Table",
    "row": "Row",
    "column": "Column",
    "value": "Figure",
    "period": "Period",
    "source": "Paper",
    "locator": "Place",
}
