"""From a table's structure to long-form cells: what each figure measures, for which
period and place, with which statistic and unit. Pure functions.

A row label is a measure ("Residential Burglary"), a period ("FY 11/12", "This Year"),
a place ("Southtown"), an organisation ("Police") or a statistic ("% Change"); the
column labels above a cell say the rest. What neither says comes from the caption
("Weekly Residential Burglary Performance - Northtown").
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import replace

from board.measures import (
    canonical_text,
)
from board.metrics import MetricCell, MetricTable
from board.month_runs import dated_months
from board.profile import BoardProfile
from board.records import content_id
from tools.tables.labels import Label, caption_measure, read_label
from tools.tables.period_matching import context_from
from tools.tables.row_reading import GENERIC, TableContext, read_row
from tools.tables.structure import Layout

_DENSE = 0.5


def build_table(
    layout: Layout,
    *,
    source: str,
    title: str,
    section: str,
    caption: str,
    paper_type: str = "report",
    meeting_date: str | None,
    page: int | None = None,
    extra_notes: Sequence[str] = (),
    profile: BoardProfile,
) -> MetricTable:
    """A MetricTable with its cells from ``layout`` and where it was found."""
    notes = tuple(dict.fromkeys(n for n in (*extra_notes, *layout.notes) if n))
    header_text = [c for row in layout.header for c in row if c]
    all_labels = [label for labels in layout.columns for label in labels]
    ctx = context_from([caption, *notes, *header_text], meeting_date, all_labels, title)
    year = ctx.anchor.year if ctx.anchor else None
    table_measure = caption_measure(caption, layout.stub, profile)
    stub = read_label(layout.stub, year, profile)
    if stub.measure and (
        layout.stub.lstrip().startswith("%") or canonical_text(stub.measure, profile) in GENERIC
    ):
        stub = Label(stub.text, stub.is_period, stub.area, stub.statistic, None)
    columns = [[read_label(t, year, profile) for t in labels] for labels in layout.columns]
    months = dated_months([labels[-1] if labels else "" for labels in layout.columns], ctx.anchor)
    locator = f"lines {layout.first_line}-{layout.last_line}"
    if page is not None:
        locator = f"page {page}, {locator}"
    body_text = "\n".join(r.text for r in layout.rows[:3])
    table_id = "t" + content_id(
        source, locator, caption, json.dumps(layout.header), body_text, length=10
    )
    table = TableContext(
        table_id, layout, columns, stub, table_measure, caption, ctx, year, profile, months
    )
    cells = [cell for i, row in enumerate(layout.rows) for cell in read_row(table, i, row)]
    cells = _flag_sparse_tail(cells, layout)
    return MetricTable(
        id=table_id,
        source=source,
        title=title,
        paper_type=paper_type,
        section=section,
        caption=caption,
        meeting_date=meeting_date,
        locator=locator,
        line_start=layout.first_line,
        line_end=layout.last_line,
        page=page,
        form=layout.form,
        header=tuple(tuple(r) for r in layout.header),
        columns=tuple(" / ".join(c) or f"column {j + 2}" for j, c in enumerate(layout.columns)),
        stub=layout.stub,
        n_rows=len(layout.rows),
        n_cols=len(layout.columns),
        notes=notes,
        cells=tuple(cells),
    )


def _flag_sparse_tail(cells: list[MetricCell], layout: Layout) -> list[MetricCell]:
    """Figures in sparse columns after the last well-filled one come from a table printed
    alongside (the July 2013 headline table); they are kept but never used for answers."""
    n = len(layout.rows)
    if n < 4:
        return cells
    filled = [
        sum(1 for r in layout.rows if j < len(r.cells) and r.cells[j]) / n
        for j in range(len(layout.columns))
    ]
    dense = [j for j, share in enumerate(filled) if share >= _DENSE]
    if not dense:
        return cells
    last = max(dense)
    return [
        replace(c, statistic=f"{c.statistic} (sparse column)")
        if c.col_index > last and c.value is not None
        else c
        for c in cells
    ]
