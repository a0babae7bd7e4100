"""The register's records a question's `RecordAsk` points at: the owner it names, the meeting
or meetings, the meeting dates it limits itself to. The question was read once, in
board/asks.py; nothing here reads its text. Pure."""

from __future__ import annotations

from collections.abc import Sequence

from board.asks import RecordAsk
from board.dates import MONTH_NAMES
from board.routing import Filters
from board.text import tokenize
from tools.register.records import Action, Meeting
from tools.register.tools import owner_matches

# Words of a question's names that do not tell one body's meetings from another's.
_NOT_A_BODY = frozenset(
    tokenize(
        "council meeting minutes board committee parish community town " + " ".join(MONTH_NAMES)
    )
)


def owner_in(ask: RecordAsk, actions: Sequence[Action]) -> str | None:
    """A person the question names who owns an action in the register; none when the
    question asks who ("Who is to contact Willie Jones …?": he is whom they contact)."""
    if ask.asks_who:
        return None
    return next((n for n in ask.names if any(owner_matches(n, a.owners) for a in actions)), None)


def meeting_in(ask: RecordAsk, filters: Filters, meetings: Sequence[Meeting]) -> Meeting | None:
    """The meeting a question names by date, or its first/last minuted one (last by default)."""
    exact, month = ask.date
    if exact or month:
        wanted = exact or month or ""
        return _of_the_body(ask, [m for m in meetings if m.meeting_date.startswith(wanted)])
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
        held = _of_the_body(
            ask, [x for x in meetings if wanted and x.meeting_date.startswith(wanted)]
        )
        if held and held not in found:
            found.append(held)
    return found


def _of_the_body(ask: RecordAsk, held: Sequence[Meeting]) -> Meeting | None:
    """Of the meetings on a date, the one whose paper names the body the question names
    ("North Star's November 2020 meeting"); else the first."""
    for name in ask.names:
        words = [w for w in tokenize(name) if w not in _NOT_A_BODY and not w.isdigit()]
        named = [m for m in held if words and set(words) <= set(tokenize(f"{m.head} {m.title}"))]
        if named:
            return named[0]
    return held[0] if held else None
