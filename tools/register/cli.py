"""Rich tables for `boardqa meetings`, `decisions [--topic T]` and `actions [--owner NAME]`.

Thin: each ``*_table`` builder reads the register and filters with the core tools;
the CLI module prints them, and tests can inspect a table without a terminal.
"""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from tools.register.store import Register
from tools.register.tools import actions, decisions


def meetings_table(register: Register) -> Table:
    table = Table(title="Meetings in the papers", show_lines=True)
    for column in ("Date", "Venue", "Chair", "Present", "Apologies", "Items", "Papers"):
        table.add_column(column, overflow="fold")
    for m in register.meetings:
        present = ", ".join(m.attendees) if m.minuted else "(no minutes)"
        table.add_row(
            m.meeting_date,
            m.venue or "",
            m.chair or "",
            present,
            ", ".join(m.apologies),
            str(len(m.agenda_items)),
            f"{m.source} {m.locator}",
        )
    return table


def decisions_table(register: Register, topic: str | None = None) -> Table:
    found = decisions(register, topic=topic)
    table = Table(
        title=f"Decisions{f' on {topic}' if topic else ''} ({len(found)})", show_lines=True
    )
    for column in ("Meeting", "Item", "Kind", "Decision", "Where"):
        table.add_column(column, overflow="fold")
    for d in found:
        table.add_row(
            d.meeting_date,
            f"{d.agenda_item} {d.item_title or ''}",
            d.kind,
            d.text,
            f"{d.source} {d.locator}",
        )
    return table


def actions_table(register: Register, owner: str | None = None, status: str | None = None) -> Table:
    found = actions(register, owner=owner, status=status)
    title = f"Actions{f' for {owner}' if owner else ''} ({len(found)})"
    table = Table(title=title, show_lines=True)
    for column in ("Meeting", "Item", "Owner(s)", "Task", "Due", "Status", "Where"):
        table.add_column(column, overflow="fold")
    for a in found:
        owners = ", ".join(a.owners) or f"(not named; item led by {a.lead or '?'})"
        table.add_row(
            a.meeting_date,
            f"{a.agenda_item} {a.item_title or ''}",
            owners,
            a.task,
            a.due or "",
            f"{a.status}: {a.status_note}",
            f"{a.source} {a.locator}",
        )
    return table


def print_actions(
    register: Register,
    owner: str | None = None,
    status: str | None = None,
    console: Console | None = None,
) -> None:
    """`boardqa actions [--owner NAME] [--status open|done]`."""
    (console or Console()).print(actions_table(register, owner, status))
