"""Column widths for the app's wide tables, so the columns people read first stay on screen."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

# Shares of the table's width, so the key columns stay on screen beside a long task.
REGISTER_WIDTHS = {
    "Owner": 10,
    "Task": 30,
    "Due": 9,
    "Status": 6,
    "Meeting": 8,
    "Item": 4,
    "Item title": 10,
    "What became of it": 11,
    "Paper": 7,
    "Place": 5,
    "Decision": 44,
    "Kind": 7,
}
PAPER_WIDTHS = {
    "Paper": 22,
    "Type": 6,
    "Meeting date": 8,
    "File": 16,
    "Pages": 4,
    "Passages": 5,
    "Tables": 4,
    "Decisions": 5,
    "Actions": 4,
    "Ingested": 10,
    "OCR": 3,
    "Problem": 13,
}


def column_widths(frame: pd.DataFrame, widths: Mapping[str, int]) -> list[str]:
    """The shown columns' widths as shares of the table ("10.0%"), scaled to fill it."""
    shares = [widths.get(str(c), 8) for c in frame.columns]
    total = sum(shares) or 1
    return [f"{100 * s / total:.1f}%" for s in shares]
