"""Routers: deterministic tools that answer a question before passage retrieval is tried.

A router takes the question as read (a `Question`) and either answers it from its own store (the
metric tables, the decisions and actions register) or returns None, and the
assistant falls back to retrieved passages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from board.question import Question
from board.records import ToolAnswer


@dataclass(frozen=True)
class Filters:
    """Optional limits a user put on the question: meeting dates (ISO) and paper type."""

    date_from: str | None = None
    date_to: str | None = None
    paper_type: str | None = None


def make_filters(
    date_from: str | None = None, date_to: str | None = None, paper_type: str | None = None
) -> Filters:
    """Filters from what a user typed; a clear error for a date or paper type that isn't one."""
    from board.dates import date_bound
    from board.errors import BoardQAError
    from board.records import PAPER_TYPES

    date_from, date_to, paper_type = (
        (v or "").strip() or None for v in (date_from, date_to, paper_type)
    )
    try:
        # "April 2013" as a start is its first day, as an end its last.
        date_from = date_bound(date_from) if date_from else None
        date_to = date_bound(date_to, end=True) if date_to else None
    except ValueError as exc:
        raise BoardQAError(str(exc)) from None
    if paper_type and paper_type not in PAPER_TYPES:
        raise BoardQAError(
            f"unknown paper type '{paper_type}': use one of {', '.join(PAPER_TYPES)}"
        )
    return Filters(date_from, date_to, paper_type)


class Router(Protocol):
    """Answers the questions it recognises; returns None for the rest."""

    name: str

    def route(self, question: Question, filters: Filters) -> ToolAnswer | None: ...
