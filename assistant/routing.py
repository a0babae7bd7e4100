"""Routers: deterministic tools that answer a question before passage retrieval is tried.

A router looks at the question and either answers it from its own store (the
metric tables, the decisions and actions register) or returns None, and the
assistant falls back to retrieved passages.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from assistant.records import ToolAnswer


@dataclass(frozen=True)
class Filters:
    """Optional limits a user put on the question: meeting dates (ISO) and paper type."""

    date_from: str | None = None
    date_to: str | None = None
    paper_type: str | None = None


class Router(Protocol):
    """Answers the questions it recognises; returns None for the rest."""

    name: str

    def route(self, question: str, filters: Filters) -> ToolAnswer | None: ...
