"""The 'Actions & decisions' tab: the register with readable headings, the columns a chairman
reads first, a meeting filter that takes dates as people write them, CSV and Excel files."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from board.dates import date_prefix
from board.errors import BoardQAError
from tools.register import Register
from tools.register.views import register_frame, to_csv

ACTION_HEADINGS = {
    "owners": "Owner",
    "task": "Task",
    "due": "Due",
    "status": "Status",
    "meeting_date": "Meeting",
    "agenda_item": "Item",
    "item_title": "Item title",
    "status_note": "What became of it",
    "source": "Paper",
    "locator": "Place",
}
DECISION_HEADINGS = {
    "meeting_date": "Meeting",
    "agenda_item": "Item",
    "text": "Decision",
    "kind": "Kind",
    "item_title": "Item title",
    "source": "Paper",
    "locator": "Place",
}


def readable(frame: pd.DataFrame, kind: str) -> pd.DataFrame:
    """The register's columns in reading order under plain headings."""
    headings = ACTION_HEADINGS if kind == "actions" else DECISION_HEADINGS
    columns = [c for c in headings if c in frame.columns]
    return frame.loc[:, columns].rename(columns=headings)


def meeting_filter(text: str | None) -> str | None:
    """A meeting typed as "2013", "April 2013", "19/04/2013" … as the ISO prefix to match."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        return date_prefix(text)
    except ValueError as exc:
        raise BoardQAError(f"Meeting: {exc}") from None


def register_table(
    register: Register,
    kind: str | None,
    owner: str | None = "",
    meeting: str | None = "",
    topic: str | None = "",
    status: str | None = "",
) -> pd.DataFrame:
    """The filtered register as the tab shows it (any filter left empty or unset is ignored)."""
    kind = kind or "actions"
    frame = register_frame(
        register,
        kind,
        owner=(owner or "").strip() or None,
        meeting=meeting_filter(meeting),
        topic=(topic or "").strip() or None,
        status=(status or None) if kind == "actions" else None,
    )
    return readable(frame, kind)


def export_files(frame: pd.DataFrame, folder: Path, kind: str) -> list[str]:
    """The table as a CSV and an Excel workbook, exactly the rows shown."""
    folder.mkdir(parents=True, exist_ok=True)
    csv = to_csv(frame, folder / f"board-{kind}.csv")
    xlsx = folder / f"board-{kind}.xlsx"
    frame.to_excel(xlsx, index=False, sheet_name=kind.capitalize())
    return [str(csv), str(xlsx)]
