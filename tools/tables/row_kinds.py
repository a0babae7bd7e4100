"""What kind of row a grid's row is: a header (with an upper level above it), a group label
("East"), a note, a row of figures or its continuation; where runs of body rows begin
and end; and whether a grid came out scrambled (a rotated RAG column's "GRE EN"). Pure."""

from __future__ import annotations

import re

from board.periods import is_period_label
from tools.tables.forms import Grid
from tools.tables.headers import NOTE_LIKE
from tools.tables.values import has_figure

# Pieces of "GREEN" from a rotated RAG column: "GRE EN", "GRE", "EN", "GR GR E".
_RAG_FRAGMENT = re.compile(r"^(?:GR|GRE|GREE|EN|E|N|EEN)(?:\s+(?:GR|GRE|GREE|EN|E|N|EEN))*$")

_SYMBOLS = re.compile(r"[\w%£]")

CODE_CELL = re.compile(r"^[A-Za-z]{1,6}\d{0,4}[A-Za-z]?$")

_MIN_ECHO_ROWS = 2

_SYMBOL_SHARE = 0.25

_MAX_HEADER_CELL = 90


def _echo(cells: list[str]) -> bool:
    """A cell repeating the tail of the cell before it ("...focus on burglary", "n burglary");
    figures side by side ("100%", "0%") echo nothing."""
    filled = [c for c in cells if c]
    return any(
        len(b) >= 2 and len(a) > len(b) and a.endswith(b) and not has_figure(b)
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


def row_kind(cells: list[str]) -> str:
    filled = [j for j, c in enumerate(cells) if c]
    if not filled:
        return "empty"
    figures = [cells[j] for j in filled if j >= 1 and has_figure(cells[j])]
    if len(figures) >= 2 and all(is_period_label(v) for v in figures):
        return "text"  # a row naming the columns' years ("PART 1 CRIMES  2011  2012 ...")
    if figures:
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


def is_note_row(cells: list[str]) -> bool:
    return any(NOTE_LIKE.match(c) for c in cells if c)


def body_runs(kinds: list[str], rows: list[list[str]]) -> list[tuple[int, int]]:
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
                or (kind in ("text", "group") and _continues(rows[j]) and not is_note_row(rows[j]))
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


def lead_of(cells: list[str]) -> int:
    """Index of a row's first filled cell (where its label starts)."""
    return next((j for j, c in enumerate(cells) if c), len(cells))


def header_covers(header: list[str], body: list[list[str]]) -> bool:
    """Whether a header row names at least half of the columns that hold figures."""
    columns = {j for row in body for j, c in enumerate(row) if j >= 1 and c and has_figure(c)}
    named = {j for j, c in enumerate(header) if c and j in columns}
    return bool(columns) and len(named) >= len(columns) / 2


def looks_like_header(cells: list[str]) -> bool:
    filled = [c for c in cells if c]
    return (
        bool(filled)
        and not any(has_figure(c) and not _time_label(c) for c in cells[1:] if c)
        and all(len(c) <= _MAX_HEADER_CELL or NOTE_LIKE.match(c) for c in filled)
    )


_TIME_UNITS = frozenset(
    ("yr", "yrs", "year", "years", "day", "days", "week", "weeks", "month", "months", "mths")
)


def _time_label(cell: str) -> bool:
    """A column's time: a span ("2 YR", "LAST 28 DAYS") or a period ("2016", "Sept. 2012")."""
    return _time_span(cell) or is_period_label(cell)


def _time_span(cell: str) -> bool:
    """A span of time a column covers ("2 YR", "LAST 28 DAYS", "12 months"): a label."""
    words = cell.lower().replace(".", " ").split()
    return len(words) <= 4 and bool(_TIME_UNITS & set(words))


def is_upper_header(upper: list[str], lower: list[str]) -> bool:
    """Whether ``upper`` is a second header level over ``lower`` (spanning group labels)."""
    if not looks_like_header(upper):
        return False
    up = sum(1 for c in upper[1:] if c)
    low = sum(1 for c in lower[1:] if c)
    labels = [c for c in lower[1:] if c]
    if not lower[0] and upper[0]:
        return True
    if is_note_row(upper):
        return False
    return 0 < up < low or (len(labels) != len(set(labels)) and up > 0)
