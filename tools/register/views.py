"""The app's 'Actions & decisions' table: the register as a filterable DataFrame, and CSV."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from tools.register.store import Register
from tools.register.tools import actions, decisions

ACTION_COLUMNS = [
    "meeting_date",
    "agenda_item",
    "item_title",
    "owners",
    "task",
    "due",
    "status",
    "status_note",
    "source",
    "locator",
]
DECISION_COLUMNS = [
    "meeting_date",
    "agenda_item",
    "item_title",
    "kind",
    "text",
    "source",
    "locator",
]


def register_frame(
    register: Register,
    kind: str = "actions",
    owner: str | None = None,
    meeting: str | None = None,
    topic: str | None = None,
    status: str | None = None,
) -> pd.DataFrame:
    """Actions or decisions, oldest first, by owner, meeting (ISO date or prefix), topic, status.

    Owners are joined with '; ' so the table and its CSV show one row per action.
    """
    if kind == "actions":
        rows = [a.to_dict() for a in actions(register, owner=owner, topic=topic, status=status)]
        frame = (
            pd.DataFrame(rows, columns=[*ACTION_COLUMNS, "id"])
            if rows
            else pd.DataFrame(columns=ACTION_COLUMNS)
        )
        if not frame.empty:
            frame["owners"] = frame["owners"].map(
                lambda owners: "; ".join(owners) if owners else "(not named)"
            )
        columns = ACTION_COLUMNS
    elif kind == "decisions":
        if owner or status:
            raise ValueError("decisions have no owner or status; filter them by meeting or topic")
        rows = [d.to_dict() for d in decisions(register, topic=topic)]
        frame = pd.DataFrame(rows) if rows else pd.DataFrame(columns=DECISION_COLUMNS)
        columns = DECISION_COLUMNS
    else:
        raise ValueError(f"kind must be 'actions' or 'decisions', not {kind!r}")
    if meeting and not frame.empty:
        frame = frame[frame["meeting_date"].str.startswith(meeting)]
    return frame.loc[:, columns].reset_index(drop=True)


def to_csv(frame: pd.DataFrame, path: Path) -> Path:
    """Write the table as UTF-8 CSV, with a BOM so spreadsheets read the dashes and quotes."""
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, encoding="utf-8-sig")
    return path
