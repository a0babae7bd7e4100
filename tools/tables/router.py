"""The table handlers, one per way a figure question is answered from the metric tables
(a lookup, a change, a comparison, a ranking, a trend, a ledger's cells, a check of one
figure against another), and the ledger's own handler. The plan (settings `plan.handlers`)
names them by intent; `TableRouter` runs them as the default plan orders them, for callers
that want the tables' answer alone.

    handlers = table_handlers(TableStore(index / STORE_NAME), chunks)
    answer = TableRouter(store).route(question, filters)   # ToolAnswer, or None
"""

from __future__ import annotations

from collections.abc import Sequence

from board.figure_question import FigureQuestion
from board.question import Question
from board.records import Chunk, ToolAnswer
from board.routing import Filters
from board.settings import PlanSettings
from tools.paper_words import PaperWords
from tools.tables import ledger
from tools.tables.answers import Composer, ledger_text
from tools.tables.comparisons import Compare
from tools.tables.handler import TableHandler
from tools.tables.lookups import Change, Check, Lookup
from tools.tables.rankings import Rank, Trend
from tools.tables.store import TableStore
from tools.tables.tools import figure


class Ledger(TableHandler):
    """A cost or spend table read by the row and column the question names; "how many times"
    is computed between two of its cells."""

    name = "ledger"

    def takes(self, q: FigureQuestion) -> bool:
        return q.ratio or super().takes(q)

    def answer(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        chosen = ledger.pick(store, q.table)
        if chosen is None:
            return None
        figures = [figure(store, cell) for cell in chosen.cells]
        composer = Composer(store.profile)
        text = ledger_text(figures, chosen.operation, composer)
        if text is None:
            return None
        composer.call(
            "metric_lookup",
            {
                "table": chosen.table_id,
                "rows": list(dict.fromkeys(f.provenance.row for f in figures)),
                "columns": list(dict.fromkeys(f.provenance.column for f in figures)),
            },
            "; ".join(f"{f.provenance.row}, {f.provenance.column}: {f.raw}" for f in figures),
        )
        return composer.answer(text)


TABLE_HANDLERS: tuple[type[TableHandler], ...] = (
    Check,
    Lookup,
    Change,
    Compare,
    Rank,
    Trend,
    Ledger,
)
TABLE_HANDLER_NAMES = tuple(h.name for h in TABLE_HANDLERS)


def table_handlers(
    store: TableStore, passages: Sequence[Chunk] = (), papers: PaperWords | None = None
) -> list[TableHandler]:
    """Every table handler over one store (``passages``: to quote a paper's own statement;
    ``papers``: the words each paper writes, when another handler already reads them)."""
    papers = papers or PaperWords(passages)
    return [handler(store, passages, papers) for handler in TABLE_HANDLERS]


class TableRouter:
    """The tables' answer to a question: its table handlers in the order a plan gives them for
    its intent (the default plan unless one is given); None when none answers."""

    name = "tables"

    def __init__(
        self,
        store: TableStore,
        passages: Sequence[Chunk] = (),
        plan: PlanSettings | None = None,
    ) -> None:
        self.store = store
        self.plan = plan or PlanSettings()
        self.handlers = {h.name: h for h in table_handlers(store, passages)}

    def route(self, question: Question, filters: Filters) -> ToolAnswer | None:
        for name in self.plan.for_intent(question.intent):
            if name in self.handlers:
                answer = self.handlers[name].route(question, filters)
                if answer is not None:
                    return answer
        return None
