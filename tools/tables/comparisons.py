"""The comparison handler: a figure against the same figure in an earlier period ("how did
burglary in 2012/13 compare with 2011/12?"), the difference and percentage change computed,
checked against the table's own change column.
"""

from __future__ import annotations

from board.figure_question import FigureQuestion
from board.metrics import MetricCell
from board.records import ToolAnswer
from tools.tables.answers import Composer
from tools.tables.confidence import cell_of
from tools.tables.handler import TableHandler
from tools.tables.series_texts import comparison_text
from tools.tables.steps import arguments, candidates
from tools.tables.store import TableStore
from tools.tables.tools import compare_cells, counterpart, resolve_candidates, row_cells


class Compare(TableHandler):
    """Each figure asked beside its counterpart in the earlier period asked (or the row's)."""

    name = "compare"

    def answer(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        statistic = q.statistic or "value"
        composer = Composer(store.profile)
        parts: list[str] = []
        pairs, conflict = _pairs(store, q, statistic)
        for cell, other in pairs:
            comp = compare_cells(store, cell, other)
            parts.append(comparison_text(comp, composer))
            pct = (
                f"; % change {comp.percent_change:+.2f}" if comp.percent_change is not None else ""
            )
            composer.call(
                "compare",
                arguments(
                    q,
                    statistic,
                    cell.measure,
                    period_a=cell.period_label,
                    period_b=other.period_label,
                    table=cell.table_id,
                ),
                f"{comp.current.text} vs {comp.previous.text}: "
                f"difference {comp.difference:+,g}{pct}",
            )
        if not parts:
            return None
        if len(parts) > 1 and conflict:
            parts.insert(0, "The tables give different figures, so each is compared:")
        return composer.answer(" ".join(parts))


def _pairs(
    store: TableStore, q: FigureQuestion, statistic: str
) -> tuple[list[tuple[MetricCell, MetricCell]], bool]:
    """The (current, earlier) cells compared, and whether the tables disagree."""
    ordered = sorted(q.periods, key=lambda p: p.end or p.start or "", reverse=True)
    current = tuple(p for p in ordered if p.relation != "previous")[:1] or tuple(ordered[:1])
    previous = tuple(p for p in ordered if p not in current)[:1]
    found = candidates(store, q, statistic, current)
    if not current:
        found = [c for c in found if c.cell.period_relation != "previous"]
    stated = resolve_candidates(store, found, q.tokens)
    pairs: list[tuple[MetricCell, MetricCell]] = []
    for fig in stated.figures:
        cell = cell_of(store, fig)
        other = counterpart(store, cell, previous) if cell is not None else None
        if cell is None or other is None:
            continue
        weeks = _weeks_asked(store, q, cell)
        pairs.extend(weeks)
        if not (weeks and cell.period_kind == "week"):
            pairs.append((cell, other))  # not a week nobody asked about beside the one asked
    return pairs, stated.conflict


def _weeks_asked(
    store: TableStore, q: FigureQuestion, cell: MetricCell
) -> list[tuple[MetricCell, MetricCell]]:
    """Weeks of the cell's row the question also asks about ("the latest week shown (30
    December)"), each with the same week last year."""
    weeks = [c for c in row_cells(store, cell) if c.period_kind == "week" and c.period_end]
    if not weeks:
        return []
    days = set(q.table.week_days)
    asked = [c for c in weeks if (int(str(c.period_end)[8:]), int(str(c.period_end)[5:7])) in days]
    if not asked and q.table.latest_week:
        asked = [max(weeks, key=lambda c: c.period_end or "")]
    pairs = []
    for week in asked:
        before = counterpart(store, week, ())
        if before is not None:
            pairs.append((week, before))
    return pairs
