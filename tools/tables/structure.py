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

from board.periods import is_period_label
from tools.tables.forms import Grid, RawRow
from tools.tables.headers import NOTE_LIKE, clean_header, column_labels, fix_confidence_columns
from tools.tables.values import has_figure, parse_cell

# Pieces of "GREEN" from a rotated RAG column: "GRE EN", "GRE", "EN", "GR GR E".
_RAG_FRAGMENT = re.compile(r"^(?:GR|GRE|GREE|EN|E|N|EEN)(?:\s+(?:GR|GRE|GREE|EN|E|N|EEN))*$")
_SYMBOLS = re.compile(r"[\w%£]")
_CODE = re.compile(r"^[A-Za-z]{1,6}\d{0,4}[A-Za-z]?$")
_TRAILING_FIGURES = re.compile(r"(?:\s+\(?£[\d,]+(?:\.\d+)?\)?)+\s*$")
_MIN_ECHO_ROWS = 2
_SYMBOL_SHARE = 0.25
_MAX_HEADER_CELL = 90
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


# ---------------------------------------------------------------- scrambled grids


def _echo(cells: list[str]) -> bool:
    """A cell repeating the tail of the cell before it ("...focus on burglary", "n burglary")."""
    filled = [c for c in cells if c]
    return any(
        len(b) >= 2 and len(a) > len(b) and a.endswith(b)
        for a, b in zip(filled, filled[1:], strict=False)
    )


def scramble_reason(grid: Grid) -> str | None:
    """Why a grid is garbage rather than a table (None when it reads as a table)."""
    cells = [c for row in grid.rows for c in row.cells if c]
    if not cells:
        return "empty"
    figures = sum(1 for row in grid.rows for c in row.cells[1:] if c and has_figure(c))
    rag = sum(1 for c in cells if _RAG_FRAGMENT.match(c))
    if rag and figures < 0.3 * len(cells):
        return "split RAG labels: a rotated table extracted as fragments"
    if sum(_echo(list(row.cells)) for row in grid.rows[2:]) >= _MIN_ECHO_ROWS:
        return "repeated word fragments: a rotated table extracted twice"
    symbols = sum(1 for c in cells if len(_SYMBOLS.findall(c)) < 0.3 * len(c))
    if symbols > _SYMBOL_SHARE * len(cells):
        return "dot leaders and symbols: a chart or plan drawn as a table"
    return None


# ---------------------------------------------------------------- rows


def _kind(cells: list[str]) -> str:
    filled = [j for j, c in enumerate(cells) if c]
    if not filled:
        return "empty"
    if any(has_figure(cells[j]) for j in filled if j >= 1):
        return "figure"
    if len(filled) == 1 and filled[0] <= 1:
        return "group"
    return "text"


def _first_text(cells: list[str]) -> str:
    return next((c for c in cells if c), "")


def _continues(cells: list[str]) -> bool:
    """A text row that carries on the row above (wrapped label or cell text)."""
    first = _first_text(cells)
    return not cells[0] or first[:1].islower()


def _figure_like(cells: list[str]) -> bool:
    """A text row holding figures in words ("(3529 people)"), not column names ("Q4 11")."""
    values = [c for c in cells[1:] if c]
    return (
        bool(values)
        and any(re.search(r"\d", c) for c in values)
        and not any(is_period_label(c) or len(c) > _MAX_HEADER_CELL for c in values)
    )


def _note_row(cells: list[str]) -> bool:
    return any(NOTE_LIKE.match(c) for c in cells if c)


def _runs(kinds: list[str], rows: list[list[str]]) -> list[tuple[int, int]]:
    """Row ranges [start, end] of figure rows, with the group and wrapped rows inside them."""
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(kinds):
        if kinds[i] != "figure":
            i += 1
            continue
        start = end = i
        j = i + 1
        while j < len(kinds):
            kind = kinds[j]
            if (
                kind == "figure"
                or (kind in ("text", "group") and _continues(rows[j]) and not _note_row(rows[j]))
                or (
                    kind == "text"
                    and _figure_like(rows[j])
                    and j + 1 < len(kinds)
                    and kinds[j + 1] != "empty"
                )
            ):
                end = j
            elif not (
                kind == "empty"
                or (kind == "group" and j + 1 < len(kinds) and kinds[j + 1] == "figure")
            ):
                break
            j += 1
        runs.append((start, end))
        i = end + 1
    return runs


def _lead(cells: list[str]) -> int:
    """Index of a row's first filled cell (where its label starts)."""
    return next((j for j, c in enumerate(cells) if c), len(cells))


def _covers(header: list[str], body: list[list[str]]) -> bool:
    """Whether a header row names at least half of the columns that hold figures."""
    columns = {j for row in body for j, c in enumerate(row) if j >= 1 and c and has_figure(c)}
    named = {j for j, c in enumerate(header) if c and j in columns}
    return bool(columns) and len(named) >= len(columns) / 2


def _header_like(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return (
        bool(filled)
        and not any(has_figure(c) for c in cells[1:] if c)
        and all(len(c) <= _MAX_HEADER_CELL or NOTE_LIKE.match(c) for c in filled)
    )


def _upper_header(upper: list[str], lower: list[str]) -> bool:
    """Whether ``upper`` is a second header level over ``lower`` (spanning group labels)."""
    if not _header_like(upper):
        return False
    up = sum(1 for c in upper[1:] if c)
    low = sum(1 for c in lower[1:] if c)
    labels = [c for c in lower[1:] if c]
    if not lower[0] and upper[0]:
        return True
    if _note_row(upper):
        return False
    return 0 < up < low or (len(labels) != len(set(labels)) and up > 0)


# ---------------------------------------------------------------- building layouts


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
        codes = all(_CODE.match(c) for c in column) and sum(
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
    kinds = [_kind(r) for r in rows]
    found: list[Layout] = []
    rejected: list[str] = []
    filled = [c for r in rows for c in r[1:] if c]
    numeric = sum(1 for c in filled if has_figure(c)) >= _FIGURE_SHARE * len(filled)
    if grid.header_rows is not None:
        runs = [(grid.header_rows, len(rows) - 1)] if grid.header_rows < len(rows) else []
    else:
        runs = _runs(kinds, rows) if numeric else []
    if not runs:
        head = (
            1
            if len(rows) > 1 and _header_like(rows[0]) and sum(1 for c in rows[0] if c) >= 2
            else 0
        )
        layout, why = _layout(grid, list(grid.rows[:head]), list(grid.rows[head:]), [])
        return ([layout] if layout else []), ([why] if why else [])
    taken = -1
    for start, end in runs:
        notes: list[str] = []
        run_start = start
        lead = [_lead(rows[k]) for k in range(start, end + 1)]
        while start < end and _lead(rows[start]) > min(lead) and grid.header_rows is None:
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
        h = first - 1
        header = [grid.rows[h]]
        if h - 1 > taken and _upper_header(rows[h - 1], rows[h]):
            header.insert(0, grid.rows[h - 1])
        return header
    h = first - 1
    skip = h > taken and _header_like(rows[h]) and not _covers(rows[h], body) and h - 1 > taken
    if skip and _header_like(rows[h - 1]) and _covers(rows[h - 1], body):
        notes.append(" ".join(c for c in rows[h] if c))  # an instructions row under the header
        h -= 1
    if not (h > taken and _header_like(rows[h]) and not _note_row(rows[h][:1])):
        return []
    header = [grid.rows[h]]
    if h - 1 > taken and _upper_header(rows[h - 1], rows[h]):
        header.insert(0, grid.rows[h - 1])
    elif h - 1 > taken and _note_row(rows[h - 1]):
        notes.extend(c for c in rows[h - 1] if c)
    return header
