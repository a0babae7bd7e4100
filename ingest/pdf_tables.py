"""Tables on a PDF page: a ruled table's rows, and a table set without rules found from the
columns its cells align in; each row tab-joined, as a text paper's table rows are. Pure.
"""

from __future__ import annotations

from collections.abc import Sequence

from ingest.pdf_words import Line, Word, joined, words_text

_MIN_TABLE_ROWS = 3
_CELL_WORDS = 12  # a cell longer than this holds prose


def is_grid(rows: Sequence[str]) -> bool:
    """A ruled table worth reading as one: two rows with two cells of text each (a box
    ruled round a paragraph is no table), most cells short (a grid the minutes are written
    into, a paragraph a cell, is the page's layout: its text is read as text)."""
    cells = [c for r in rows for c in r.split("\t") if c.strip()]
    prose = sum(1 for c in cells if len(c.split()) > _CELL_WORDS)
    paired = sum(1 for r in rows if sum(1 for c in r.split("\t") if c.strip()) >= 2)
    return paired >= 2 and prose * 3 <= len(cells)


def row_text(cells: Sequence[str | None]) -> str:
    return "\t".join(joined((c or "").split("\n")) for c in cells)


def inside(word: Word, bbox: tuple[float, float, float, float]) -> bool:
    x0, top, x1, bottom = bbox
    mid_x = (word["x0"] + word["x1"]) / 2
    mid_y = (word["top"] + word["bottom"]) / 2
    return x0 <= mid_x <= x1 and top <= mid_y <= bottom


def table_run(lines: list[Line], start: int) -> int:
    """How many lines from ``start`` form a table set without rules: at least three lines in
    a row split into two or more cells, with figures beyond the first cell in most rows and
    a label, not a figure, in the first cell of most (a numbered list's numbers and a list
    of dates set in two columns are no table)."""
    end = start
    while end < len(lines) and len(lines[end].cells) >= 2:
        end += 1
    rows = lines[start:end]
    figures = sum(1 for line in rows if any(_has_figure(cell) for cell in line.cells[1:]))
    labels = sum(1 for line in rows if not _has_figure(line.cells[0]))
    if len(rows) >= _MIN_TABLE_ROWS and min(figures, labels) >= len(rows) / 2:
        return len(rows)
    return 0


def _has_figure(cell: list[Word]) -> bool:
    return any(_is_figure(w["text"]) for w in cell)


def _is_figure(text: str) -> bool:
    digits = text.strip("-+(£$€%),.*").replace(",", "").replace(".", "", 1)
    return digits.isdigit()


def grid(rows: list[Line]) -> list[str]:
    """Rows of an aligned table with their cells set under the table's columns: the columns
    are where the rows' cells overlap across the table."""
    spans: list[list[float]] = []
    for row in rows:
        for cell in row.cells:
            x0, x1 = cell[0]["x0"], cell[-1]["x1"]
            for span in spans:
                if x0 <= span[1] and x1 >= span[0]:
                    span[0], span[1] = min(span[0], x0), max(span[1], x1)
                    break
            else:
                spans.append([x0, x1])
    spans = _merged(sorted(spans))
    out: list[str] = []
    for row in rows:
        texts = [""] * len(spans)
        for cell in row.cells:
            mid = (cell[0]["x0"] + cell[-1]["x1"]) / 2
            k = min(range(len(spans)), key=lambda j: _distance(mid, spans[j]))
            texts[k] = " ".join(filter(None, [texts[k], words_text(cell)]))
        out.append("\t".join(texts))
    return out


def _merged(spans: list[list[float]]) -> list[list[float]]:
    merged: list[list[float]] = []
    for span in spans:
        if merged and span[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span[1])
        else:
            merged.append(list(span))
    return merged


def _distance(x: float, span: list[float]) -> float:
    return 0.0 if span[0] <= x <= span[1] else min(abs(x - span[0]), abs(x - span[1]))
