"""A grid's structure: which rows are the header (one or several levels), which column holds
the row labels, which rows open a group ("East", "Offences"), and where one grid holds
several tables (a new header row part-way down starts a new table).

Scrambled grids (the rotated RAG action-plan tables of the January 2013 pack come out
as split words: "GRE EN", "n burglary") are recognised here and rejected, as are tables
whose row labels have slipped against their figures. Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from tools.tables.forms import Grid, RawRow
from tools.tables.headers import clean_header, column_labels, fix_confidence_columns
from tools.tables.row_kinds import (
    CODE_CELL,
    body_runs,
    header_covers,
    is_note_row,
    is_upper_header,
    lead_of,
    looks_like_header,
    row_kind,
    scramble_reason,
)
from tools.tables.values import has_figure, parse_cell

_TRAILING_FIGURES = re.compile(r"(?:\s+\(?£[\d,]+(?:\.\d+)?\)?)+\s*$")

_FIGURE_SHARE = 0.3  # below this share of figure cells a grid is a text table, kept whole


@dataclass
class BodyRow:
    """A row of figures (or text) under the header, with its label and group."""

    label: str
    group: str | None
    cells: list[str]
    sources: list[RawRow]

    @property
    def line(self) -> int:
        return self.sources[0].line

    @property
    def line_end(self) -> int:
        return self.sources[-1].line

    @property
    def text(self) -> str:
        return "\n".join(r.text for r in self.sources)


@dataclass
class Layout:
    """One table's structure: header rows, the stub (header over the labels), column labels."""

    form: str
    header: list[list[str]]  # header rows as cleaned, stub cell first
    stub: str
    columns: list[tuple[str, ...]]
    rows: list[BodyRow]
    notes: list[str] = field(default_factory=list)
    header_sources: list[RawRow] = field(default_factory=list)

    @property
    def first_line(self) -> int:
        lines = [r.line for r in self.header_sources] + [b.line for b in self.rows]
        return min(lines)

    @property
    def last_line(self) -> int:
        return max([r.line for r in self.header_sources] + [b.line_end for b in self.rows])


def _compact(rows: list[list[str]]) -> list[int]:
    """Columns with any text in ``rows``."""
    width = max(len(r) for r in rows)
    return [j for j in range(width) if any(j < len(r) and r[j] for r in rows)]


def _label_column(body: list[list[str]]) -> int:
    """Index of the row-label column; code columns before it ("MR07", "CYP10") join the label."""
    width = len(body[0]) if body else 0
    for j in range(width):
        column = [row[j] for row in body if row[j]]
        if not column:
            continue
        if any(has_figure(c) for c in column):
            return 0
        codes = all(CODE_CELL.match(c) for c in column) and sum(
            any(ch.isdigit() for ch in c) for c in column
        ) * 2 >= len(column)
        if codes and j + 1 < width:
            continue
        return j
    return 0


def _row_label(cells: list[str], label_col: int) -> str:
    label = cells[label_col]
    label = _TRAILING_FIGURES.sub("", label).strip() or label
    codes = " ".join(c for c in cells[:label_col] if c)
    return f"{label} ({codes})" if codes and label else label or codes


def _layout(
    grid: Grid, header_rows: list[RawRow], body_rows: list[RawRow], notes: list[str]
) -> tuple[Layout | None, str | None]:
    raw = [list(r.cells) for r in header_rows + body_rows]
    width = max(len(r) for r in raw)
    raw = [r + [""] * (width - len(r)) for r in raw]
    keep = _compact(raw)
    matrix = [[r[j] for j in keep] for r in raw]
    header = [clean_header(r, notes) for r in matrix[: len(header_rows)]]
    body = matrix[len(header_rows) :]
    label_col = _label_column(body)
    value_cols = [j for j in range(len(keep)) if j > label_col]
    stub = next((h[label_col] for h in reversed(header) if h[label_col]), "")
    if header:
        trimmed = [[h[label_col]] + [h[j] for j in value_cols] for h in header]
        columns = column_labels(trimmed)
    else:
        columns = [()] * len(value_cols)
    values = [[row[label_col]] + [row[j] for j in value_cols] for row in body]
    columns = fix_confidence_columns(columns, values)
    rows: list[BodyRow] = []
    group: str | None = None
    for k, (cells, source) in enumerate(zip(body, body_rows, strict=True)):
        label = _row_label(cells, label_col)
        value_cells = [cells[j] for j in value_cols]
        figures = any(has_figure(c) for c in value_cells if c)
        if label and not any(value_cells):
            if rows and label[:1].islower():
                rows[-1].label = f"{rows[-1].label} {label}".strip()
                rows[-1].sources.append(source)
            else:
                group = label
            continue
        if rows and not figures and (not label or label[:1].islower()):
            prev = rows[-1]
            prev.label = f"{prev.label} {label}".strip()
            prev.cells = [f"{a} {b}".strip() for a, b in zip(prev.cells, value_cells, strict=True)]
            prev.sources.append(source)
            continue
        if not label and figures:
            later = zip(body[k + 1 :], strict=False)
            if any(
                _row_label(c, label_col) and any(has_figure(x) for x in c if x) for (c,) in later
            ):
                total = _checked_total(body, body_rows, label_col, value_cols)
                if total is None:
                    return None, "row labels misaligned with their figures"
                notes.append(_MISALIGNED_NOTE)
                rows = [total]
                break
            notes.append(source.text.strip())
            continue
        rows.append(BodyRow(label, group, value_cells, [source]))
    if not rows:
        return None, None
    header_out = [[h[label_col]] + [h[j] for j in value_cols] for h in header]
    return Layout(grid.form, header_out, stub, columns, rows, notes, list(header_rows)), None


_MISALIGNED_NOTE = (
    "The rows above the total were misaligned with their labels in the text and are left "
    "out; the total row equals the sum of their figures."
)


def _checked_total(
    body: list[list[str]], sources: list[RawRow], label_col: int, value_cols: list[int]
) -> BodyRow | None:
    """A misaligned table's last row when it is labelled "Total" and every one of its figures
    is the sum of the figures above it: that row is right whatever the labels above it say."""
    figure_rows = [k for k, row in enumerate(body) if any(has_figure(row[j]) for j in value_cols)]
    if len(figure_rows) < 3:
        return None
    last = figure_rows[-1]
    if _row_label(body[last], label_col).strip().lower() not in ("total", "totals"):
        return None
    for j in value_cols:
        total = _amount(body[last][j])
        parts = [_amount(body[k][j]) for k in figure_rows[:-1]]
        if total is None or any(p is None for p in parts):
            return None
        if abs(sum(p for p in parts if p is not None) - total) > 0.5:
            return None
    cells = [body[last][j] for j in value_cols]
    return BodyRow(_row_label(body[last], label_col), None, cells, [sources[last]])


def _amount(text: str) -> float | None:
    """A cell's signed amount ("(£2,125)" is -2125); a blank counts as nothing."""
    if not text.strip():
        return 0.0
    parsed = parse_cell(text)
    if parsed is None:
        return None
    negative = text.strip().startswith("(") or text.strip().startswith("-")
    return -abs(parsed.main.value) if negative else parsed.main.value


def layouts(grid: Grid) -> tuple[list[Layout], list[str]]:
    """The tables in a grid, and the reasons any parts were rejected as scrambled."""
    reason = scramble_reason(grid)
    if reason:
        return [], [reason]
    rows = [list(r.cells) for r in grid.rows]
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    kinds = [row_kind(r) for r in rows]
    found: list[Layout] = []
    rejected: list[str] = []
    filled = [c for r in rows for c in r[1:] if c]
    numeric = sum(1 for c in filled if has_figure(c)) >= _FIGURE_SHARE * len(filled)
    if grid.header_rows is not None:
        runs = [(grid.header_rows, len(rows) - 1)] if grid.header_rows < len(rows) else []
    else:
        runs = body_runs(kinds, rows) if numeric else []
    if not runs:
        head = (
            1
            if len(rows) > 1 and looks_like_header(rows[0]) and sum(1 for c in rows[0] if c) >= 2
            else 0
        )
        layout, why = _layout(grid, list(grid.rows[:head]), list(grid.rows[head:]), [])
        return ([layout] if layout else []), ([why] if why else [])
    taken = -1
    for start, end in runs:
        notes: list[str] = []
        run_start = start
        lead = [lead_of(rows[k]) for k in range(start, end + 1)]
        while start < end and lead_of(rows[start]) > min(lead) and grid.header_rows is None:
            start += 1  # an unlabelled first row of small figures is a header ("1, 2, 3-6, 7-10")
        first = start
        while first - 1 > taken and kinds[first - 1] == "group":
            first -= 1
        if grid.header_rows is not None:
            header = list(grid.rows[: grid.header_rows])
        else:
            header = _header_for(grid, rows, first, end, run_start, taken, notes)
        layout, why = _layout(grid, header, list(grid.rows[first : end + 1]), notes)
        if layout is not None:
            found.append(layout)
        if why:
            rejected.append(why)
        taken = end
    return found, rejected


def _header_for(
    grid: Grid,
    rows: list[list[str]],
    first: int,
    end: int,
    run_start: int,
    taken: int,
    notes: list[str],
) -> list[RawRow]:
    """The header rows over body rows ``first..end`` (none above ``taken``)."""
    body = rows[first : end + 1]
    if first > run_start:  # the run's own first row(s) name the columns
        return _levels(grid, rows, first - 1, taken)
    h = first - 1
    skip = (
        h > taken
        and looks_like_header(rows[h])
        and not header_covers(rows[h], body)
        and h - 1 > taken
    )
    if skip and looks_like_header(rows[h - 1]) and header_covers(rows[h - 1], body):
        notes.append(" ".join(c for c in rows[h] if c))  # an instructions row under the header
        h -= 1
    if not (h > taken and looks_like_header(rows[h]) and not is_note_row(rows[h][:1])):
        return []
    header = _levels(grid, rows, h, taken)
    top = h - len(header) + 1
    if len(header) == 1 and top - 1 > taken and is_note_row(rows[top - 1]):
        notes.extend(c for c in rows[top - 1] if c)
    return header


def _levels(grid: Grid, rows: list[list[str]], h: int, taken: int) -> list[RawRow]:
    """Header row ``h`` and the levels above it that span groups of its columns
    ("INCIDENTS" over "2016, 2015" over "4/16, 04/15, YTD, YTD")."""
    header = [grid.rows[h]]
    while h - 1 > taken and is_upper_header(rows[h - 1], rows[h]):
        h -= 1
        header.insert(0, grid.rows[h])
    return header
