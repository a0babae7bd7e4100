"""Handlers that state a figure from the tables: a lookup ("how many burglaries in 2012/13?"),
the table's own change when no earlier figure is there to compare with, and one figure
checked against another ("... and does it match the crime summary?").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from board.figure_question import FigureQuestion
from board.measures import is_home_area
from board.metrics import MetricCell, Period
from board.records import ToolAnswer
from tools.tables.answers import (
    Composer,
    change_words,
    describe,
    lookup_text,
    match_verdict,
    side_by_side,
)
from tools.tables.confidence import asked_measures, cell_of, signed
from tools.tables.handler import TableHandler
from tools.tables.match import Candidate
from tools.tables.steps import arguments, candidates, figures_for, ledger_row
from tools.tables.store import TableStore
from tools.tables.tools import (
    Figure,
    counterpart,
    figure,
    resolve_candidates,
    row_cells,
    table_change,
)

_ROW_CONTEXT = 4  # a row of at most this many figures is stated whole


class Lookup(TableHandler):
    """The figure asked for, from each table that gives it, with its row's context."""

    name = "lookup"

    def answer(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        return lookup(store, q)


class Change(TableHandler):
    """No earlier figure to compare with: "by what percentage did X change" is answered by the
    table's own change column; "how many X, and how did that compare" by X and that column."""

    name = "change"

    def answer(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        change = _change_column(q)
        if q.percent_change:
            return lookup(store, q, statistic=change) or lookup(store, q)
        return lookup(store, q) or lookup(store, q, statistic=change)


class Check(TableHandler):
    """One figure, then the figure it is checked against, and whether they match."""

    name = "check"

    def takes(self, q: FigureQuestion) -> bool:
        return bool(q.checked) and not q.ratio

    def answer(self, store: TableStore, q: FigureQuestion) -> ToolAnswer | None:
        first = figures_for(store, q.checked[0])
        second = figures_for(store, q.checked[1])
        if len(first) != 1 or len(second) != 1 or first[0].unit != second[0].unit:
            return None
        a, b = first[0], second[0]
        composer = Composer(store.profile)
        text = (
            f"In “{a.provenance.caption}”: {describe(a, composer)}. "
            f"In “{b.provenance.caption}”: {describe(b, composer)}. {match_verdict(a, b)}"
        )
        composer.call(
            "compare",
            {
                "measure": a.measure,
                "table_a": a.provenance.table_id,
                "table_b": b.provenance.table_id,
            },
            f"{a.text} vs {b.text}",
        )
        return composer.answer(text)


def _change_column(q: FigureQuestion) -> str:
    return "% change vs 5 years ago" if q.table.five_years else "% change"


def lookup(store: TableStore, q: FigureQuestion, statistic: str | None = None) -> ToolAnswer | None:
    """Each measure asked, stated from the tables that give it (every one when they differ)."""
    statistic = statistic or q.statistic or "value"
    if len(q.areas) >= 2:
        return _areas_lookup(store, q, statistic)
    found = candidates(store, q, statistic, q.periods[:1])
    if not found:
        return None
    composer = Composer(store.profile)
    sentences: list[str] = []
    for measure in asked_measures(found):
        stated = resolve_candidates(
            store, [c for c in found if c.cell.measure == measure], q.tokens
        )
        if not stated.figures:
            continue
        if stated.conflict and all(ledger_row(f, store.profile) for f in stated.figures):
            continue  # an agency's saving in several schemes' tables: which one is unclear
        sentences.append(lookup_text(stated.figures, stated.conflict, composer))
        sentences.extend(_context(store, q, stated.figures, composer))
        table = stated.figures[0].provenance.table_id if not stated.conflict else None
        composer.call(
            "metric_lookup",
            arguments(q, statistic, measure, table=table),
            "; ".join(
                f"{f.text} ({f.provenance.source}, {f.provenance.locator})" for f in stated.figures
            ),
        )
    return composer.answer(" ".join(sentences)) if sentences else None


def _areas_lookup(store: TableStore, q: FigureQuestion, statistic: str) -> ToolAnswer | None:
    """ "How did Northtown's rate compare with the region's?": one table, a figure per place."""
    per_area: dict[str, list[Candidate]] = {}
    for place in q.areas:
        area = None if is_home_area(place, store.profile) else place
        per_area[place] = candidates(
            store, replace(q, area=area, areas=()), statistic, q.periods[:1]
        )
    tables = [c.cell.table_id for found in per_area.values() for c in found[:1]]
    if not tables:
        return None
    table = max(set(tables), key=tables.count)
    composer = Composer(store.profile)
    parts = []
    figures = []
    for found in per_area.values():
        cell = next((c.cell for c in found if c.cell.table_id == table), None)
        if cell is not None:
            figures.append(figure(store, cell))
            parts.append(describe(figures[-1], composer))
    if len(parts) < 2:
        return None
    if len(figures) == 2 and figures[0].unit == figures[1].unit:
        parts[-1] += ". " + side_by_side(figures[0], figures[1])
    composer.call(
        "metric_lookup",
        arguments(q, statistic, None, table=table, area=", ".join(q.areas)),
        "; ".join(parts),
    )
    return composer.answer("; ".join(parts) + ".")


def _context(
    store: TableStore, q: FigureQuestion, figures: Sequence[Figure], composer: Composer
) -> list[str]:
    """The table's own change for the figure (when the question asks how it compares),
    the rest of a short row ("Total cases 72, Repeat cases 6, Percentage repeats 8%"), and
    the same period a year earlier when it is asked, or the figure is a year so far."""
    out: list[str] = []
    change = _change_column(q)
    for fig in figures:
        cell = cell_of(store, fig)
        if cell is None:
            continue
        row = row_cells(store, cell)
        if fig.statistic in ("target", "sd target"):
            actual = [
                c for c in row if c.statistic == "% change" and c.period_relation != "previous"
            ]
            if len(actual) == 1:
                out.append(f"Actual change: {describe(figure(store, actual[0]), composer)}.")
        own = table_change(store, cell, change)
        if (
            own is not None
            and (q.intent == "compare" or q.table.asks_change)
            and fig.statistic != change
        ):
            own_fig = figure(store, own)
            since = "five years earlier" if q.table.five_years else "the previous period"
            out.append(
                f"The table's change on {since}: {signed(own_fig)} {composer.cite(own_fig)}."
            )
        same = [
            c
            for c in row
            if c.period == cell.period
            and c.col_index != cell.col_index
            and not c.statistic.endswith(")")
            and c.statistic != "% change"
        ]
        if same and len(row) <= _ROW_CONTEXT and len(figures) == 1:
            shown = [describe(figure(store, c), composer) for c in same]
            out.append("The same row gives " + "; ".join(shown) + ".")
        # a calendar year, or a year so far: its table sets the year before beside it
        so_far = fig.period_kind in ("ytd", "year")
        if (q.also_previous or so_far) and fig.period and "previous" not in (fig.period or ""):
            other = counterpart(store, cell, _year_before(cell))
            if other is not None:
                earlier = figure(store, other)
                moved = ""
                if so_far and earlier.unit == fig.unit and fig.value is not None:
                    unit = "percentage_points" if fig.unit == "percent" else fig.unit
                    moved = f"; {change_words(fig.value - earlier.value, unit, fig.decimals)}"
                out.append(f"Same period a year earlier: {describe(earlier, composer)}{moved}.")
    return out


def _year_before(cell: MetricCell) -> tuple[Period, ...]:
    """A calendar year's (or year so far's) counterpart a year earlier: "2019" for "2020",
    "YTD 2025" for "YTD 2026"."""
    start = cell.period_start or ""
    if cell.period_kind not in ("ytd", "year") or not start[:4].isdigit():
        return ()
    year = int(start[:4]) - 1
    if cell.period_kind == "year":
        return (Period(str(year), str(year), "year", f"{year}-01-01", f"{year}-12-31"),)
    return (Period(f"YTD {year}", f"{year} year to date", "ytd", f"{year}-01-01", None),)
