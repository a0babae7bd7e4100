"""Deterministic tools over the table store: look a figure up, compare two periods, rank
the rows of a table, read a series, find tables. Every result carries its provenance
(source, locator, caption, row, column and the row's text), so an answer can cite the
exact cell. Arithmetic is done by pandas, never by a language model.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

import pandas as pd

from board.measures import content_tokens
from board.metrics import MetricCell, Period
from board.question_periods import as_periods
from tools.tables.match import (
    Candidate,
    best,
    measure_candidates,
    table_tokens,
)
from tools.tables.period_matching import period_matches
from tools.tables.results import (
    Comparison,
    Figure,
    Lookup,
    Provenance,
    RankEntry,
    Ranking,
    TableMatch,
    Trend,
    figure,
)
from tools.tables.series import find_tables, rank, trend
from tools.tables.store import TableStore, cell_from_row
from tools.tables.values import parse_cell

# A table is "named" by a request when this many of its caption words are in it.
PINNED = 2
_NEAR = 2.5  # tables within this score of the best one are read too, unless a table is named


def _pinned(
    store: TableStore, table_id: str, tokens: Sequence[str] | frozenset[str], measure: str | None
) -> bool:
    """Whether the request names this table by its caption ("the crime summary")."""
    measure_words = set(content_tokens(measure or "", store.profile))
    info = store.table_info(table_id)
    overlap = table_tokens(info, profile=store.profile) & (set(tokens) - measure_words)
    return len(overlap) >= PINNED


def resolve_candidates(
    store: TableStore, candidates: Sequence[Candidate], tokens: frozenset[str] | set[str]
) -> Lookup:
    """One figure per table. A request that names a table gets that table's figure; otherwise
    every table with the figure counts, and differing figures are a conflict to show."""
    figures = tuple(figure(store, c) for c in _table_cells(store, candidates, tokens))
    by_period: dict[tuple[str | None, str | None], set[tuple[float, str | None]]] = {}
    for fig in figures:
        by_period.setdefault(same_period(fig), set()).add((round(fig.value, 6), fig.unit))
    return Lookup(figures, conflict=any(len(values) > 1 for values in by_period.values()))


def _table_cells(
    store: TableStore, candidates: Sequence[Candidate], tokens: frozenset[str] | set[str]
) -> list[MetricCell]:
    """The cell each answering table gives (see ``resolve_candidates``), best table first."""
    if not candidates:
        return []
    top = best(candidates)
    lead = top[0]
    if not _pinned(store, lead.cell.table_id, tuple(tokens), lead.cell.measure):
        top = [
            c
            for c in candidates
            if c.measure_score == lead.measure_score and c.table_score >= lead.table_score - _NEAR
        ]
    per_table: dict[str, MetricCell] = {}
    for cand in top:
        per_table.setdefault(cand.cell.table_id, cand.cell)
    return list(per_table.values())


def same_period(fig: Figure) -> tuple[str | None, str | None]:
    """What makes two figures' periods the same: dates, or for "current rolling 12 months"
    and the like, the report they are relative to."""
    if (
        fig.period_label
        and fig.period
        and (
            fig.period.startswith(("R12 current", "R12 previous"))
            or fig.period in ("this year", "last year", "FYTD", "FYTD previous")
        )
    ):
        return fig.period, fig.provenance.meeting_date
    return fig.period, None


def metric_lookup(
    store: TableStore,
    measure: str,
    period: str | Sequence[Period] | None = None,
    area: str | None = None,
    table: str | None = None,
    *,
    statistic: str = "value",
    tokens: frozenset[str] | set[str] = frozenset(),
    paper_year: int | None = None,
    paper_month: int | None = None,
) -> Lookup:
    """The figure for ``measure`` (in ``period``, for ``area``, from ``table``) with its cell."""
    candidates = measure_candidates(
        store,
        measure,
        as_periods(period),
        area=area,
        table=table,
        statistic=statistic,
        tokens=tokens,
        paper_year=paper_year,
        paper_month=paper_month,
    )
    return resolve_candidates(store, candidates, tokens)


def row_cells(store: TableStore, cell: MetricCell) -> list[MetricCell]:
    """The figures in the cell's row (the cell included)."""
    return _line_cells(store, cell, "row_index")


def column_cells(store: TableStore, cell: MetricCell) -> list[MetricCell]:
    """The figures in the cell's column (the cell included)."""
    return _line_cells(store, cell, "col_index")


def _line_cells(store: TableStore, cell: MetricCell, index: str) -> list[MetricCell]:
    cells = store.cells
    frame = cells[
        (cells["table_id"] == cell.table_id)
        & (cells[index] == getattr(cell, index))
        & cells["value"].notna()
    ]
    return [cell_from_row(r) for r in frame.to_dict("records")]


def counterpart(
    store: TableStore, cell: MetricCell, previous: Sequence[Period]
) -> MetricCell | None:
    """The earlier period's figure in the row or column: the one asked for, else last year's."""
    row = [
        c
        for c in row_cells(store, cell) + column_cells(store, cell)
        if c.statistic == cell.statistic
        and c.measure == cell.measure
        and c.area == cell.area
        and (c.col_index, c.row_index, c.period) != (cell.col_index, cell.row_index, cell.period)
    ]
    for c in row:
        p = c.period_record
        if p is not None and previous and any(period_matches(w, p) for w in previous):
            return c
    for c in row:
        if c.period_relation == "previous" and (c.period_end or "") < (cell.period_end or "~"):
            return c
    return None


def table_change(
    store: TableStore, cell: MetricCell, statistic: str = "% change"
) -> MetricCell | None:
    """The row's own "% change" figure (or ``statistic``, "% change vs 5 years ago") for the
    cell's period (or the only one in the row)."""

    def of_change(cells: list[MetricCell]) -> list[MetricCell]:
        return [c for c in cells if c.statistic == statistic and c.measure == cell.measure]

    row = of_change(row_cells(store, cell))
    exact = [c for c in row + of_change(column_cells(store, cell)) if c.period == cell.period]
    if exact:
        return exact[0]
    return row[0] if len(row) == 1 else None


def compare_cells(store: TableStore, current: MetricCell, previous: MetricCell) -> Comparison:
    """Difference and % change of two cells, checked against the table's own % change column."""
    values = pd.Series([previous.value, current.value], dtype="float64")
    difference = float(values.diff().iloc[-1])
    percent = float(values.pct_change().iloc[-1] * 100) if values.iloc[0] != 0 else None
    own = (
        table_change(store, current)
        if current.statistic == "value" and _one_year(current, previous)
        else None
    )
    agrees: bool | None = None
    if own is not None and own.value is not None:
        tolerance = 0.5 * 10 ** -_decimals(own) + 1e-9
        if own.unit == "percentage_points":
            agrees = abs(own.value - difference) <= tolerance
        elif own.unit == "percent" and percent is not None and current.unit != "percent":
            agrees = abs(own.value - percent) <= tolerance
    return Comparison(
        current=figure(store, current),
        previous=figure(store, previous),
        difference=difference,
        percent_change=percent,
        table_change=figure(store, own) if own is not None else None,
        table_agrees=agrees,
    )


def _one_year(current: MetricCell, previous: MetricCell) -> bool:
    """Whether two figures are a year apart (what a table's "% change" column compares)."""
    if current.period_end and previous.period_end:
        gap = (
            date.fromisoformat(current.period_end) - date.fromisoformat(previous.period_end)
        ).days
        return 300 <= gap <= 430
    return True


def _decimals(cell: MetricCell) -> int:
    parsed = parse_cell(cell.raw)
    return parsed.main.decimals if parsed else 0


def compare(
    store: TableStore,
    measure: str,
    period_a: str | Sequence[Period],
    period_b: str | Sequence[Period] | None = None,
    *,
    area: str | None = None,
    table: str | None = None,
    statistic: str = "value",
    tokens: frozenset[str] | set[str] = frozenset(),
    paper_year: int | None = None,
    paper_month: int | None = None,
) -> list[Comparison]:
    """``measure`` in ``period_a`` against ``period_b`` (default: the row's previous period)."""
    candidates = measure_candidates(
        store,
        measure,
        as_periods(period_a),
        area=area,
        table=table,
        statistic=statistic,
        tokens=tokens,
        paper_year=paper_year,
        paper_month=paper_month,
    )
    previous = as_periods(period_b)
    out = []
    for cell in _table_cells(store, candidates, tokens):
        other = counterpart(store, cell, previous)
        if other is not None:
            out.append(compare_cells(store, cell, other))
    return out


__all__ = [
    "Comparison",
    "Figure",
    "Lookup",
    "Provenance",
    "RankEntry",
    "Ranking",
    "TableMatch",
    "Trend",
    "compare",
    "compare_cells",
    "counterpart",
    "figure",
    "find_tables",
    "metric_lookup",
    "rank",
    "resolve_candidates",
    "row_cells",
    "table_change",
    "trend",
]
