"""Ruled tables on a PDF page (pdfplumber's), read as their rows with each cell under the
column it sits in. Spreadsheet exports draw their grids loosely, so the rules alone do not
give the table:
- a column ruled apart beside a table, on the same rows (a totals column boxed on its own),
  is part of that table;
- a header cell ruled across several columns ("PART 1 CRIMES 2011 2012 ... Trend") is cut
  by the positions of its words, each word under the column it sits over; a label centred
  over a group of columns ("YEAR TO DATE" over "RPTS CLR % CLR") sits over the group's
  first, the column it starts in, as a paper's two-level header is read; where the rows
  under it hold figures in one column of the group only ("YEAR TO DATE" over a single
  count set in the middle of its merged cell), it names that column;
- a row whose every cell holds the same number of lines ("Robbery - Commercial / Robbery -
  Personal" beside "1 / 4") is that many rows;
- a header set just above the rules, its words over the table's columns, is its first row;
- a frame ruled round the page, or a grid of figures whose labels stand outside it, is no
  table: its words are read as text, where an aligned table is found from its columns.
Pure over pdfplumber's table objects.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from board.text import is_figure_word
from ingest.pdf_words import Line, Word, joined, lines_of, words_text

Box = tuple[float, float, float, float]  # x0, top, x1, bottom

_SIDE_GAP = 30.0  # points between a table and a column ruled apart beside it
_LABEL_WORDS = 5  # a header cell is no longer than this
_HEADER_LINES = 2  # lines just above the rules that may be the table's header
_HEADER_REACH = 1.8  # a header line sits within this many line heights of the rules
_CELL_WORDS = 12  # a cell longer than this holds prose


@dataclass
class _Cell:
    x0: float
    x1: float
    text: str


@dataclass
class _Row:
    top: float
    bottom: float
    cells: list[_Cell] = field(default_factory=list)


@dataclass
class RuledTable:
    """A table read from its rules: the area its rows cover (its words are not text) and
    its rows, tab-joined."""

    box: Box
    rows: list[str]


def ruled_tables(tables: Sequence[Any], words: Sequence[Word]) -> list[RuledTable]:
    """The tables worth reading among pdfplumber's ruled tables on a page, in its order."""
    grids = [(tuple(t.bbox), _rows(t)) for t in tables if not _framed(t)]
    grids = _joined_sides(grids)
    out = []
    for box, rows in grids:
        rows = [r for row in rows for r in _stacked(row)]
        if not rows:
            continue
        columns = max(rows, key=lambda r: len(r.cells)).cells
        rows = [r for row in rows for r in _recut(row, columns, words, box)]
        header = _header_above(box, columns, words)
        if header:
            box = (box[0], header[0].top, box[2], box[3])
            rows = header + rows
        rows = _settled(rows, columns)
        texts = [_tab_joined(row, columns) for row in rows]
        if is_grid(texts):
            out.append(RuledTable(box, texts))
    return out


def is_grid(rows: Sequence[str]) -> bool:
    """A ruled table worth reading as one: two rows with two cells of text each (a box
    ruled round a paragraph is no table), most cells short (a grid the minutes are written
    into, a paragraph a cell, is the page's layout: its text is read as text), and where it
    holds figures, labels beside them (a grid of figures whose labels stand outside its
    rules is part of a table drawn round it)."""
    cells = [c for r in rows for c in r.split("\t") if c.strip()]
    prose = sum(1 for c in cells if len(c.split()) > _CELL_WORDS)
    paired = sum(1 for r in rows if sum(1 for c in r.split("\t") if c.strip()) >= 2)
    figured = [r for r in rows if any(_figure(c) for c in r.split("\t")[1:])]
    labelled = sum(1 for r in figured if r.split("\t")[0].strip() and not _figure(r.split("\t")[0]))
    return paired >= 2 and prose * 3 <= len(cells) and labelled * 2 >= len(figured)


def _figure(cell: str) -> bool:
    words = cell.split()
    return bool(words) and all(is_figure_word(w) for w in words)


def _rows(table: Any) -> list[_Row]:
    rows = []
    for row, texts in zip(table.rows, table.extract(), strict=True):
        cells = [
            _Cell(box[0] + 1, box[2] - 1, text)
            for box, text in zip(row.cells, texts, strict=True)
            if box is not None and text and text.strip()
        ]
        if cells:
            rows.append(_Row(row.bbox[1], row.bbox[3], cells))
    return rows


def _framed(table: Any) -> bool:
    """A rule drawn round the page or a section: a cell with other cells inside it."""
    cells = [tuple(c) for c in table.cells]
    return any(
        outer != inner and all(_within(inner, outer, k) for k in range(4))
        for outer in cells
        for inner in cells
    )


def _within(inner: Box, outer: Box, k: int) -> bool:
    return inner[k] >= outer[k] - 1 if k < 2 else inner[k] <= outer[k] + 1


def _joined_sides(grids: list[tuple[Box, list[_Row]]]) -> list[tuple[Box, list[_Row]]]:
    """Columns ruled apart beside a table, every row of theirs on one of its rows, joined
    to it."""
    hosts: list[tuple[Box, list[_Row]]] = []
    sides: list[tuple[tuple[Box, list[_Row]], tuple[Box, list[_Row]]]] = []
    for grid in sorted(grids, key=lambda g: (g[0][0], g[0][1])):
        host = next((h for h in hosts if _beside(h, *grid)), None)
        if host is None:
            hosts.append(grid)
        else:
            sides.append((host, grid))
    out = []
    for host in hosts:
        box, rows = host
        for _, (side_box, side_rows) in [s for s in sides if s[0] is host]:
            for row in side_rows:
                middle = (row.top + row.bottom) / 2
                target = next(r for r in rows if r.top <= middle <= r.bottom)
                target.cells.extend(row.cells)
            box = (box[0], box[1], max(box[2], side_box[2]), box[3])
        out.append((box, rows))
    return sorted(out, key=lambda g: g[0][1])


def _beside(host: tuple[Box, list[_Row]], box: Box, rows: list[_Row]) -> bool:
    hbox, hrows = host
    if not (0 <= box[0] - hbox[2] <= _SIDE_GAP) or not rows:
        return False
    return all(any(r.top <= (row.top + row.bottom) / 2 <= r.bottom for r in hrows) for row in rows)


def _stacked(row: _Row) -> list[_Row]:
    """A row whose every cell holds the same number of lines, as that many rows."""
    parts = [c.text.split("\n") for c in row.cells]
    n = len(parts[0])
    if n < 2 or any(len(p) != n for p in parts) or len(parts) < 2:
        return [
            _Row(
                row.top,
                row.bottom,
                [_Cell(c.x0, c.x1, joined(c.text.split("\n"))) for c in row.cells],
            )
        ]
    step = (row.bottom - row.top) / n
    return [
        _Row(
            row.top + k * step,
            row.top + (k + 1) * step,
            [_Cell(c.x0, c.x1, p[k]) for c, p in zip(row.cells, parts, strict=True)],
        )
        for k in range(n)
    ]


def _recut(row: _Row, columns: list[_Cell], words: Sequence[Word], box: Box) -> list[_Row]:
    """A header row with a cell ruled across several columns, read again from its words:
    each of its lines a row, each word under the column it sits over. A row it does not cut
    into short labels (beside the first column's) under three columns or more is left as it
    was (a paragraph written across the grid)."""
    spans = any(len(_over(c.x0, c.x1, columns)) > 1 for c in row.cells)
    if not spans or any(_figure(c.text) for c in row.cells):
        return [row]  # a row of the body
    inside = [
        w
        for w in words
        if box[0] <= (w["x0"] + w["x1"]) / 2 <= box[2]
        and row.top <= (w["top"] + w["bottom"]) / 2 <= row.bottom
    ]
    lines = [_cut(line, columns) for line in lines_of(inside)]
    labels = all(len(c.text.split()) <= _LABEL_WORDS for line in lines for c in line.cells[1:])
    if not labels or not any(len(line.cells) >= 3 for line in lines):
        return [row]
    return lines


def _settled(rows: list[_Row], columns: list[_Cell]) -> list[_Row]:
    """Each header label spanning a group of columns set over the one column of the group
    that holds figures in the rows under it, where the column it starts in holds none."""
    out = []
    for k, row in enumerate(rows):
        body = list(_body_under(rows[k + 1 :]))
        if not body or any(_figure(c.text) for c in row.cells):
            out.append(row)
            continue
        figured = {_home(c.x0, c.x1, columns) for r in body for c in r.cells if _figure(c.text)}
        out.append(_Row(row.top, row.bottom, [_set_over(c, columns, figured) for c in row.cells]))
    return out


def _body_under(rows: list[_Row]) -> Iterator[_Row]:
    """The rows of figures under a header, up to the next row without figures."""
    for row in rows:
        if not any(_figure(c.text) for c in row.cells[1:]):
            return
        yield row


def _set_over(cell: _Cell, columns: list[_Cell], figured: set[int]) -> _Cell:
    spanned = _over(cell.x0, cell.x1, columns)
    if len(spanned) < 2 or _home(cell.x0, cell.x1, columns) in figured:
        return cell
    holding = [k for k in spanned if k in figured]
    if len(holding) != 1:
        return cell
    return _Cell(columns[holding[0]].x0, columns[holding[0]].x1, cell.text)


def _header_above(box: Box, columns: list[_Cell], words: Sequence[Word]) -> list[_Row]:
    """Lines set just above the rules whose words fall under at least three of the table's
    columns, no word across two: the table's header."""
    near = [
        w for w in words if w["bottom"] <= box[1] + 1 and box[0] <= w["x0"] and w["x1"] <= box[2]
    ]
    header: list[_Row] = []
    edge = box[1]
    for line in reversed(lines_of(near)[-_HEADER_LINES:]):
        if edge - line.bottom > _HEADER_REACH * line.size:
            break
        row = _cut(line, columns)
        if len(row.cells) < 3 or _crossing(line, columns):
            break
        header.insert(0, row)
        edge = line.top
    return header


def _cut(line: Line, columns: list[_Cell]) -> _Row:
    """A line's words under the table's columns: each word under the column it sits over,
    or, where a word runs across two columns, each run of words set close together (a label
    spanning a group of columns) under the column it starts in."""
    pieces = line.cells if _crossing(line, columns) else [[w] for w in line.words]
    cells: dict[int, list[Word]] = {}
    for piece in pieces:
        cells.setdefault(_home(piece[0]["x0"], piece[-1]["x1"], columns), []).extend(piece)
    return _Row(
        line.top, line.bottom, [_spanning(ws, columns[k]) for k, ws in sorted(cells.items())]
    )


def _spanning(words: list[Word], column: _Cell) -> _Cell:
    """A cell of a column's words, as wide as they run from where they start in it."""
    x0 = max(column.x0, min(w["x0"] for w in words))
    return _Cell(x0, max(column.x1, max(w["x1"] for w in words)), words_text(words))


def _crossing(line: Line, columns: list[_Cell]) -> bool:
    """Whether a word of the line runs across two of the columns."""
    return any(len(_over(w["x0"], w["x1"], columns)) > 1 for w in line.words)


def _over(x0: float, x1: float, columns: list[_Cell]) -> list[int]:
    return [k for k, c in enumerate(columns) if x0 < c.x1 and x1 > c.x0]


def _home(x0: float, x1: float, columns: list[_Cell]) -> int:
    """The column a span sits under: the one it starts in (a label centred over a group of
    columns starts in the group's first), else the one it overlaps most, else the nearest."""
    for k, c in enumerate(columns):
        if c.x0 - 1 <= x0 < c.x1 + 1:
            return k
    overlap = [min(x1, c.x1) - max(x0, c.x0) for c in columns]
    best = max(range(len(columns)), key=lambda k: overlap[k])
    if overlap[best] > 0:
        return best
    middle = (x0 + x1) / 2
    return min(range(len(columns)), key=lambda k: abs((columns[k].x0 + columns[k].x1) / 2 - middle))


def _tab_joined(row: _Row, columns: list[_Cell]) -> str:
    texts = [""] * len(columns)
    for cell in row.cells:
        k = _home(cell.x0, cell.x1, columns)
        texts[k] = " ".join(filter(None, [texts[k], cell.text]))
    return "\t".join(texts)
