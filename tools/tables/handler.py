"""What every table handler shares: it answers only a figure question the tables can answer,
over the tables the user's filters keep, and a tool's refusal is "not mine", not an error.

    class Lookup(TableHandler):
        name = "lookup"
        def answer(self, store, q): ...   # ToolAnswer, or None for the plan's next handler

It returns None whenever no table answers the question with confidence; the assistant then
falls back to passages. A wrong number is far worse than no number.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from board.errors import BoardQAError
from board.figure_question import FigureQuestion
from board.question import Question
from board.records import Chunk, ToolAnswer
from board.routing import Filters
from tools.paper_words import PaperWords
from tools.tables.store import TableStore

log = logging.getLogger(__name__)


class TableHandler:
    """One way of answering a figure question from the metric tables (a lookup, a comparison,
    a ranking ...), named in the plan by ``name``."""

    name = "table"

    def __init__(
        self,
        store: TableStore,
        passages: Sequence[Chunk] = (),
        papers: PaperWords | None = None,
    ) -> None:
        self.store = store
        self.passages = passages  # to find where a paper states what a tool computed
        self.papers = papers or PaperWords(passages)

    def route(self, question: Question, filters: Filters) -> ToolAnswer | None:
        q = question.figure
        if q is None or q.unsupported or not self.takes(q):
            return None
        try:
            store = filtered(self.store, filters)
            if store is not None:
                store = of_papers(store, self.papers.naming(q.names))
            return None if store is None else self.answer(store, q)
        except BoardQAError as exc:
            log.info("%s skipped: %s", self.name, exc)
            return None

    def takes(self, q: FigureQuestion) -> bool:
        """Whether this handler answers such a question at all: a question whose dates were
        not read as any period ("between 2012 and 2016"), a ratio or a check of one figure
        against another is not a lookup's."""
        if q.unread:
            log.info("%s skipped: %s not read as a period", self.name, ", ".join(q.unread))
        return not (q.ratio or q.checked or q.unread)

    def answer(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        raise NotImplementedError


def of_papers(store: TableStore, papers: set[str] | None) -> TableStore | None:
    """The store limited to the tables of ``papers`` (None: every paper)."""
    if papers is None:
        return store
    keep = store.tables_frame[store.tables_frame["source"].isin(papers)]
    return store.subset(set(keep["id"])) if not keep.empty else None


def filtered(store: TableStore, filters: Filters) -> TableStore | None:
    """The store limited to the meeting dates and paper type the user chose."""
    if not (filters.date_from or filters.date_to or filters.paper_type):
        return store
    keep = store.tables_frame
    if filters.date_from:
        keep = keep[keep["meeting_date"].fillna("") >= filters.date_from]
    if filters.date_to:
        keep = keep[keep["meeting_date"].fillna("9999") <= filters.date_to]
    if filters.paper_type:
        keep = keep[keep["paper_type"] == filters.paper_type]
    return store.subset(set(keep["id"])) if not keep.empty else None
