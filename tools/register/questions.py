"""The register's records a question's `RecordAsk` points at: the owner it names, the meeting
or meetings, the meeting dates it limits itself to. The question was read once, in
board/asks.py; nothing here reads its text. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from board.asks import RecordAsk
from board.routing import Filters
from tools.register.records import Action, Meeting
from tools.register.tools import owner_matches


def owner_in(ask: RecordAsk, actions: Sequence[Action]) -> str | None:
    """A person the question names who owns an action in the register."""
    return next((n for n in ask.names if any(owner_matches(n, a.owners) for a in actions)), None)


def meeting_in(ask: RecordAsk, filters: Filters, meetings: Sequence[Meeting]) -> Meeting | None:
    """The meeting a question names by date, or its first/last minuted one (last by default)."""
    exact, month = ask.date
    if exact or month:
        wanted = exact or month or ""
        return next((m for m in meetings if m.meeting_date.startswith(wanted)), None)
    minuted = [
        m
        for m in meetings
        if m.minuted
        and (not filters.date_to or m.meeting_date <= filters.date_to)
        and (not filters.date_from or m.meeting_date >= filters.date_from)
    ]
    if not minuted:
        return None
    return minuted[0] if ask.first else minuted[-1]


def dates_in(
    ask: RecordAsk, filters: Filters, meetings: Sequence[Meeting]
) -> tuple[str | None, str | None]:
    """The meeting dates a question limits itself to: a date, a month, 'the last meeting'."""
    exact, month = ask.date
    if exact:
        return exact, exact
    if month:
        return f"{month}-01", f"{month}-31"
    if ask.which_meeting and (held := meeting_in(ask, filters, meetings)):
        return held.meeting_date, held.meeting_date
    return filters.date_from, filters.date_to


def meetings_named(ask: RecordAsk, meetings: Sequence[Meeting]) -> list[Meeting]:
    """Every meeting a question names by date or month, in the question's order."""
    found: list[Meeting] = []
    for exact, month in ask.dates:
        wanted = exact or month
        held = next((x for x in meetings if wanted and x.meeting_date.startswith(wanted)), None)
        if held and held not in found:
            found.append(held)
    return found
